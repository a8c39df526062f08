"""The spreadsheet round trip in the browser: download, edit, upload, preview, apply."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tusk.core.models import AuditEvent
from tusk.documents.export import export_report
from tusk.documents.services import report_import
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.services import progress_update
from tusk.testing.clients import client_for

EXAMPLE = (
    Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures" / "cambodia-sc66.json"
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(cambodia: Any) -> ProgressReport:
    report = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    assert report.party_id == cambodia.pk and not report.is_frozen
    return report


def _set_rating(raw: bytes, code: str, word: str) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = book["actions"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("action code")].value == code:
            row[header.index("rating")].value = word
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(response: Any) -> str:
    """The page as a reader sees it: no tags, one space between words."""
    page = response.content.decode()
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _upload(client: Client, report: ProgressReport, raw: bytes, name: str = "kh.xlsx") -> Any:
    return client.post(
        reverse("report-xlsx-upload", args=[report.pk]),
        {"file": SimpleUploadedFile(name, raw, content_type=XLSX)},
    )


def _hidden(response: Any, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    assert found, f"no hidden field {name}"
    return found.group(1)


def _carried(preview: Any) -> dict[str, str]:
    """The hidden fields the preview page posts to the apply step."""
    return {name: _hidden(preview, name) for name in ("workbook", "lock_version")}


def test_a_focal_point_updates_its_draft_from_an_edited_workbook(
    draft: ProgressReport, chan: Any
) -> None:
    client = client_for(chan)
    exported = client.get(reverse("report-export", args=[draft.pk, "xlsx"]))
    assert exported.status_code == 200
    raw = _set_rating(exported.content, "1.1", "Challenging")

    form = client.get(reverse("report-xlsx-upload", args=[draft.pk]))
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode()

    preview = _upload(client, draft, raw)
    assert preview.status_code == 200
    text = _text(preview)
    assert "1.1 Rating: On track → Challenging" in text
    assert "Changes in the workbook: 1" in text
    assert "Apply these changes" in text
    assert _hidden(preview, "lock_version") == str(draft.lock_version)

    applied = client.post(
        reverse("report-xlsx-apply", args=[draft.pk]),
        {
            "workbook": _hidden(preview, "workbook"),
            "lock_version": _hidden(preview, "lock_version"),
        },
        follow=True,
    )
    assert applied.redirect_chain == [(reverse("report-edit", args=[draft.pk]), 302)]
    assert "The workbook was applied to the draft. Changes made: 1." in _text(applied)
    stored = ActionProgress.objects.get(report=draft, code="1.1")
    assert (stored.rating, stored.rating_part_b, stored.rating_part_c) == ("challenging",) * 3
    assert AuditEvent.objects.filter(
        verb="progress.edit",
        target_type=ContentType.objects.get_for_model(ActionProgress),
        target_id=str(stored.pk),
    ).exists()


def test_the_preview_stores_nothing(draft: ProgressReport, chan: Any) -> None:
    raw = _set_rating(export_report(draft, "xlsx"), "1.1", "Challenging")
    events = AuditEvent.objects.count()
    response = _upload(client_for(chan), draft, raw)
    assert response.status_code == 200
    assert ActionProgress.objects.get(report=draft, code="1.1").rating == "on_track"
    draft_after = ProgressReport.objects.get(pk=draft.pk)
    assert draft_after.lock_version == draft.lock_version
    assert AuditEvent.objects.count() == events


def test_a_workbook_without_changes_offers_nothing_to_apply(
    draft: ProgressReport, chan: Any
) -> None:
    response = _upload(client_for(chan), draft, export_report(draft, "xlsx"))
    assert response.status_code == 200
    assert "there is nothing to apply" in _text(response)
    assert "Apply these changes" not in _text(response)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"report,rating\nkh,on track\n", "The file is not an Excel workbook (.xlsx)"),
        (b"%PDF-1.7 not a spreadsheet", "The file is not an Excel workbook (.xlsx)"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(
    draft: ProgressReport, chan: Any, raw: bytes, message: str
) -> None:
    response = _upload(client_for(chan), draft, raw, name="kh.csv")
    assert response.status_code == 400
    assert message in _text(response)
    assert 'role="alert"' in response.content.decode()


def test_a_rating_off_the_scale_is_refused_with_a_message(draft: ProgressReport, chan: Any) -> None:
    raw = _set_rating(export_report(draft, "xlsx"), "1.1", "Achieved")
    response = _upload(client_for(chan), draft, raw)
    assert response.status_code == 400
    assert "not on this report's scale" in _text(response)


def test_a_file_over_the_limit_is_refused(
    draft: ProgressReport, chan: Any, monkeypatch: Any
) -> None:
    from tusk.documents import xlsx_views

    monkeypatch.setattr(xlsx_views, "MAX_XLSX_BYTES", 1000)
    response = _upload(client_for(chan), draft, export_report(draft, "xlsx"))
    assert response.status_code == 400
    assert "over the limit of" in _text(response)


def _edit_behind_the_back(draft: ProgressReport, chan: Any) -> None:
    progress_update(
        progress=ActionProgress.objects.get(report=draft, code="1.2"),
        actor=chan,
        changes={"title": "Edited meanwhile"},
        expected_version=draft.lock_version,
    )


def test_a_workbook_exported_before_the_last_save_is_a_conflict(
    draft: ProgressReport, chan: Any
) -> None:
    raw = _set_rating(export_report(draft, "xlsx"), "1.1", "Challenging")
    _edit_behind_the_back(draft, chan)
    response = _upload(client_for(chan), draft, raw)
    assert response.status_code == 409
    assert "export it again" in _text(response)


def test_a_draft_saved_between_preview_and_apply_is_a_conflict(
    draft: ProgressReport, chan: Any
) -> None:
    client = client_for(chan)
    raw = _set_rating(export_report(draft, "xlsx"), "1.1", "Challenging")
    preview = _upload(client, draft, raw)
    assert preview.status_code == 200
    _edit_behind_the_back(draft, chan)
    response = client.post(
        reverse("report-xlsx-apply", args=[draft.pk]),
        {
            "workbook": _hidden(preview, "workbook"),
            "lock_version": _hidden(preview, "lock_version"),
        },
    )
    assert response.status_code == 409
    assert ActionProgress.objects.get(report=draft, code="1.1").rating == "on_track"


def test_a_stale_version_in_the_form_is_a_conflict(draft: ProgressReport, chan: Any) -> None:
    client = client_for(chan)
    preview = _upload(
        client, draft, _set_rating(export_report(draft, "xlsx"), "1.1", "Challenging")
    )
    response = client.post(
        reverse("report-xlsx-apply", args=[draft.pk]),
        {"workbook": _hidden(preview, "workbook"), "lock_version": draft.lock_version + 5},
    )
    assert response.status_code == 409
    assert ActionProgress.objects.get(report=draft, code="1.1").rating == "on_track"


def test_a_damaged_hidden_workbook_is_refused(draft: ProgressReport, chan: Any) -> None:
    response = client_for(chan).post(
        reverse("report-xlsx-apply", args=[draft.pk]),
        {"workbook": "not base64 !!", "lock_version": draft.lock_version},
    )
    assert response.status_code == 400
    assert "upload it again" in _text(response)


def test_apply_takes_only_post(draft: ProgressReport, chan: Any) -> None:
    response = client_for(chan).get(reverse("report-xlsx-apply", args=[draft.pk]))
    assert response.status_code == 405


def test_a_submitted_report_sends_the_user_to_the_report(draft: ProgressReport, chan: Any) -> None:
    from tusk.reports.services import report_submit

    report_submit(report=draft, actor=chan)
    client = client_for(chan)
    response = client.get(reverse("report-xlsx-upload", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("report-detail", args=[draft.pk])
    raw = _set_rating(export_report(draft, "xlsx"), "1.1", "Challenging")
    assert _upload(client, draft, raw).status_code == 409


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("partner", 404),
        ("gaelle", 404),
        ("secretariat", 403),
        ("chan", 200),
        ("admin", 200),
    ],
)
def test_only_those_who_may_edit_the_draft_reach_the_pages(
    draft: ProgressReport, personas: dict[str, Any], persona: str, status: int
) -> None:
    client = client_for(personas[persona])
    url = reverse("report-xlsx-upload", args=[draft.pk])
    response = client.get(url)
    assert response.status_code == status
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    applied = client.post(
        reverse("report-xlsx-apply", args=[draft.pk]),
        {"workbook": "", "lock_version": draft.lock_version},
    )
    # Whoever may not edit is stopped before the form is read; the others get its error.
    assert applied.status_code == (400 if status == 200 else status)
    assert ActionProgress.objects.get(report=draft, code="1.1").rating == "on_track"
