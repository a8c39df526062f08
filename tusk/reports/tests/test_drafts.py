"""A focal point's drafts: upload and preview a report file, edit the draft, submit, revise."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tusk.core.models import AuditEvent, Meeting, Party
from tusk.documents.services import report_import
from tusk.plans.models import Plan
from tusk.reports import services
from tusk.reports.models import ActionProgress, Finding, ProgressReport
from tusk.support.models import Need
from tusk.testing.clients import client_for
from tusk.testing.factories import ActionFactory, ProgressFactory, report_with_actions

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures"
CAMBODIA_TXT = FIXTURES / "cambodia-sc66.txt"
CAMBODIA_JSON = FIXTURES / "cambodia-sc66.json"
PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]


# --- Helpers that read pages as a user would --------------------------------------------------


class _Fields(HTMLParser):
    """The fields a browser would send from the first form whose action is `action`."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done and a.get("action") == self.action:
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in {"submit", "file"}:
            if a.get("type") not in {"checkbox", "radio"} or "checked" in a:
                self.data[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a["name"]
            self.data.setdefault(a["name"], "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            # A browser drops the newline right after <textarea>.
            text = self.data[self._textarea] + data
            self.data[self._textarea] = text[1:] if text.startswith("\n") else text


def form_data(html: str, action: str) -> dict[str, str]:
    """What pressing the submit button of the form posting to `action` sends, unchanged."""
    parser = _Fields(action)
    parser.feed(html)
    assert parser.done, f"no form posting to {action}"
    return parser.data


def text(response) -> str:
    return response.content.decode()


def row(html: str, code: str) -> str:
    """The preview's table row of one action."""
    start = html.index(f">{code}<")
    return html[start : html.index("</tr>", start)]


def action_block(html: str, code: str) -> str:
    """The edit page's fieldset of one action."""
    start = html.index(f'<span class="draft-code">{code}')
    return html[start : html.index("</fieldset>", start)]


def upload(client, raw: bytes, name: str = "cambodia-sc66.txt"):
    return client.post("/reports/upload/", {"file": SimpleUploadedFile(name, raw)})


def held_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "uploads"
    return sorted(folder.iterdir()) if folder.exists() else []


def stored() -> tuple[int, ...]:
    return (
        ProgressReport.objects.count(),
        ActionProgress.objects.count(),
        Finding.objects.count(),
        Plan.objects.count(),
        Party.objects.count(),
        Meeting.objects.count(),
        AuditEvent.objects.count(),
    )


def gabon_json() -> bytes:
    data = json.loads(CAMBODIA_JSON.read_text(encoding="utf-8"))
    data.update(party="Gabon", party_code="GA")
    return json.dumps(data).encode()


def stored_cambodia(chan) -> ProgressReport:
    """The Cambodia SC66 report uploaded and stored by Chan through the pages."""
    client = client_for(chan)
    preview = upload(client, CAMBODIA_TXT.read_bytes())["Location"]
    response = client.post(preview)
    return ProgressReport.objects.get(pk=int(response["Location"].split("/")[2]))


def edit(client, report: ProgressReport, **changes: str):
    """Open the edit page, change some fields as a user would, and save."""
    url = f"/reports/{report.pk}/edit/"
    data = form_data(text(client.get(url)), url)
    data.update(changes)
    return client.post(url, data)


def field(report: ProgressReport, code: str, name: str) -> str:
    return f"a{report.progress.get(code=code).pk}-{name}"


# --- The whole flow ---------------------------------------------------------------------------


def test_it_takes_a_report_from_upload_to_submission(
    chan, sofia, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    client = client_for(chan)
    form_page = client.get("/reports/upload/")
    assert form_page.status_code == 200
    assert "Upload a progress report" in text(form_page)

    response = upload(client, CAMBODIA_TXT.read_bytes())
    assert response.status_code == 302
    preview_url = response["Location"]
    assert re.fullmatch(r"/reports/upload/[0-9a-f]{64}/", preview_url)

    preview = text(client.get(preview_url))
    assert "Preview of cambodia-sc66.txt" in preview
    assert "Cambodia has no report for SC66 yet" in preview
    assert "rating-placeholder" in row(preview, "5.2")
    assert "[PROGRESS RATING]" in row(preview, "5.2")
    assert "rating-placeholder" not in row(preview, "5.1")
    assert "template-text" in row(preview, "1.2")
    assert ProgressReport.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        stored_response = client.post(preview_url)
    report = ProgressReport.objects.get()
    assert stored_response["Location"] == f"/reports/{report.pk}/edit/"
    assert held_files() == []
    assert AuditEvent.objects.get(verb="report.import").actor == chan

    page = text(client.get(stored_response["Location"]))
    assert "cambodia-sc66.txt was stored as the draft of Cambodia for SC66 (revision 1)" in page
    assert "rating-placeholder" in action_block(page, "5.2")
    assert "rating-placeholder" not in action_block(page, "5.1")

    saved = edit(client, report, **{field(report, "5.2", "rating"): "challenging"})
    assert saved.status_code == 302
    page = text(client.get(saved["Location"]))
    assert "The draft was saved" in page
    assert "rating-placeholder" not in page
    assert '<option value="challenging" selected>' in action_block(page, "5.2")
    progress = report.progress.get(code="5.2")
    assert (progress.rating, progress.rating_part_b, progress.rating_part_c) == ("challenging",) * 3
    assert not Finding.objects.filter(report=report, code="rating-placeholder").exists()

    submit_url = f"/reports/{report.pk}/submit/"
    confirm = text(client.get(submit_url))
    assert "No error remains in the draft." in confirm
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(submit_url, form_data(confirm, submit_url))
    assert done["Location"] == f"/reports/{report.pk}/"
    assert "the Secretariat was notified" in text(client.get(done["Location"]))
    report.refresh_from_db()
    assert report.status == "submitted"
    assert [m.to for m in mailoutbox] == [[sofia.email]]

    frozen = client.get(f"/reports/{report.pk}/edit/")
    assert frozen.status_code == 302
    assert frozen["Location"] == f"/reports/{report.pk}/revise/"
    refused = client.post(
        f"/reports/{report.pk}/edit/",
        {"lock_version": report.lock_version, "prepared_by": "Someone else"},
    )
    assert refused.status_code == 409
    assert "your changes were not saved" in text(refused)
    report.refresh_from_db()
    assert report.prepared_by.startswith("Heng Kimchhay")


def test_it_stores_nothing_before_the_store_button(chan) -> None:
    client = client_for(chan)
    before = stored()
    preview_url = upload(client, CAMBODIA_TXT.read_bytes())["Location"]
    page = client.get(preview_url)
    assert page.status_code == 200
    assert "Nothing is stored yet" in text(page)
    assert stored() == before
    assert [p.name for p in held_files()] == [preview_url.split("/")[3]]


def test_it_shows_what_a_new_file_changes_in_the_stored_draft(chan) -> None:
    report = stored_cambodia(chan)
    data = json.loads(CAMBODIA_JSON.read_text(encoding="utf-8"))
    by_code = {a["code"]: a for a in data["actions"]}
    by_code["2.4"].update(rating="on_track", rating_part_b="on_track", rating_part_c="on_track")
    data["actions"] = [a for a in data["actions"] if a["code"] != "6.1"]
    data["actions"].append({**by_code["5.1"], "code": "5.3", "title": "A new action"})
    data["synopsis"]["outlook"] = "A new outlook."
    data["source"]["sha256"] = "0" * 64
    client = client_for(chan)
    page = text(client.get(upload(client, json.dumps(data).encode(), "v2.json")["Location"]))
    assert "replaces the content of the current draft (revision 1)" in page
    changes = page[page.index('id="changes-heading"') : page.index('class="draft-store"')]
    assert re.search(r"2\.4: <span[^>]*>Challenging</span> → <span[^>]*>On track</span>", changes)
    assert "New actions: 5.3" in changes
    assert "Actions no longer in the report: 6.1" in changes
    assert "Synopsis rewritten: Future outlook" in changes
    assert report.progress.get(code="2.4").rating == "challenging"


def test_it_refuses_another_partys_report(chan, gabon) -> None:
    before = stored()
    response = upload(client_for(chan), gabon_json(), "gabon.json")
    assert response.status_code == 403
    assert (
        "gabon.json is the progress report of Gabon, and you report for Cambodia only: "
        "nothing was stored." in text(response)
    )
    assert stored() == before
    assert held_files() == []


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "report.txt", "report.txt is a PNG image"),
        (b"", "report.docx", "The submitted file is empty."),
        (b"Dear Secretariat, please find our report.", "letter.txt", "does not look like a NIAP"),
        (b"PK\x03\x04 broken", "report.docx", "report.docx is not a readable Word file"),
        (b'{"format": "other"}', "report.json", "export the report again"),
    ],
)
def test_it_refuses_a_file_it_cannot_read_with_one_line(chan, raw, name, message) -> None:
    response = upload(client_for(chan), raw, name)
    assert response.status_code == 400
    assert message in text(response)
    assert "Traceback" not in text(response)
    assert held_files() == []


def test_it_tells_the_kind_of_file_from_its_content_not_its_name(chan) -> None:
    client = client_for(chan)
    response = upload(client, CAMBODIA_TXT.read_bytes(), "report.pdf")
    page = text(client.get(response["Location"]))
    assert "Preview of report.pdf" in page
    assert "<dd>Converted text</dd>" in page


def test_it_refuses_a_file_over_the_size_limit(chan, settings) -> None:
    settings.TUSK_MAX_REPORT_BYTES = 1000
    response = upload(client_for(chan), CAMBODIA_TXT.read_bytes())
    assert response.status_code == 400
    assert "over the limit of" in text(response)


def test_it_says_when_a_file_was_stored_already(chan) -> None:
    stored_cambodia(chan)
    before = stored()
    response = upload(client_for(chan), CAMBODIA_TXT.read_bytes(), "again.txt")
    assert response.status_code == 409
    assert "again.txt was already stored, as the report of Cambodia for SC66" in text(response)
    assert stored() == before


# --- Editing ---------------------------------------------------------------------------------


def test_it_refuses_a_stale_edit_and_keeps_both_peoples_work(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    url = f"/reports/{report.pk}/edit/"
    first, second = client_for(chan), client_for(chan)
    opened_first = form_data(text(first.get(url)), url)
    opened_second = form_data(text(second.get(url)), url)

    opened_first["prepared_by"] = "Forestry Administration"
    assert first.post(url, opened_first).status_code == 302

    opened_second["prepared_by"] = "General Department of Customs"
    opened_second[field(report, "1.1", "rating")] = "unclear"
    response = second.post(url, opened_second)
    assert response.status_code == 409
    page = text(response)
    assert "Someone else saved this report since you opened it" in page
    assert 'value="General Department of Customs"' in page
    report.refresh_from_db()
    assert report.prepared_by == "Forestry Administration"
    assert report.progress.get(code="1.1").rating == "on_track"


def test_it_refuses_a_rating_outside_the_reports_scale(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = edit(client_for(chan), report, **{field(report, "1.1", "rating"): "achieved"})
    assert response.status_code == 400
    assert "Select a valid choice." in action_block(text(response), "1.1")
    assert report.progress.get(code="1.1").rating == "on_track"


def test_it_offers_only_the_ratings_of_the_reports_scale(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    block = action_block(text(client_for(chan).get(f"/reports/{report.pk}/edit/")), "1.1")
    options = re.findall(r'<option value="([a-z_]*)"', block.split("need_kind")[0])
    assert options == ["", "substantially_achieved", "on_track", "challenging", "unclear"]


def test_it_saves_header_synopsis_and_progress_items_one_a_line(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = edit(
        client_for(chan),
        report,
        period_start="2024-07",
        period_end="2025-06",
        synopsis_outlook="More patrols.\r\n\r\nA new law.",
        **{field(report, "1.2", "progress"): "First item\r\n\r\n  Second item  \r\n"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.period_start, report.period_end) == ("2024-07", "2025-06")
    assert report.synopsis_outlook == "More patrols.\n\nA new law."
    assert report.progress.get(code="1.2").progress == ["First item", "Second item"]
    assert AuditEvent.objects.filter(verb="progress.edit").count() == 1


def test_it_refuses_a_period_not_written_as_year_and_month(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = edit(client_for(chan), report, period_start="July 2024")
    assert response.status_code == 400
    assert "Write the year and month as YYYY-MM" in text(response)


def test_it_checks_the_findings_again_on_save(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia, period_start="2024-07", period_end="2025-06")
    response = edit(client_for(chan), report, **{field(report, "1.3", "rating"): ""})
    page = text(client_for(chan).get(response["Location"]))
    assert "Action 1.3 has no rating" in action_block(page, "1.3")
    assert "has no rating" not in action_block(page, "1.1")
    assert list(Finding.objects.filter(report=report).values_list("code", "action_code")) == [
        ("rating-missing", "1.3")
    ]


def test_it_adds_a_need_to_an_action(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = edit(
        client_for(chan),
        report,
        **{
            field(report, "1.2", "need_kind"): "training",
            field(report, "1.2", "need_description"): "Train 40 customs officers.",
            field(report, "1.2", "need_amount"): "25000",
            field(report, "1.2", "need_currency"): "usd",
        },
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.party, need.action.code, need.kind) == (cambodia, "1.2", "training")
    assert (str(need.amount), need.currency) == ("25000.00", "USD")
    assert AuditEvent.objects.get(verb="need.create").actor == chan
    page = text(client_for(chan).get(response["Location"]))
    assert "Train 40 customs officers." in action_block(page, "1.2")


def test_it_asks_the_currency_of_a_needs_amount(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = edit(
        client_for(chan),
        report,
        **{
            field(report, "1.2", "need_kind"): "funding",
            field(report, "1.2", "need_description"): "Scanners.",
            field(report, "1.2", "need_amount"): "1000",
        },
    )
    assert response.status_code == 400
    assert "Give the currency of the amount." in action_block(text(response), "1.2")
    assert not Need.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_partys_focal_point_and_admins_edit(persona, personas, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    response = client_for(personas[persona]).get(f"/reports/{report.pk}/edit/")
    expected = {"anonymous": 302, "partner": 404, "gaelle": 404, "secretariat": 403}
    assert response.status_code == expected.get(persona, 200)
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if response.status_code == 200:
        assert "Draft report of Cambodia for SC66" in text(response)


def test_it_keeps_the_edit_pages_queries_fixed_as_actions_grow(
    chan, cambodia, django_assert_max_num_queries
) -> None:
    report = report_with_actions(party=cambodia)
    client = client_for(chan)
    url = f"/reports/{report.pk}/edit/"
    client.get(url)
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(10):
        client.get(url)
    for i in range(4, 30):
        action = ActionFactory.create(plan=report.plan, code=f"1.{i}")
        ProgressFactory.create(report=report, action=action, code=action.code, order=i)
        Need.objects.create(party=cambodia, action=action, kind="funding", description="Money.")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert "1.29" in text(page)
    assert len(many) == len(few)


# --- Submitting ------------------------------------------------------------------------------


def test_it_warns_of_the_errors_left_but_lets_the_draft_be_submitted(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    client = client_for(chan)
    edit(client, report, **{field(report, "1.3", "rating"): ""})
    url = f"/reports/{report.pk}/submit/"
    page = text(client.get(url))
    assert "1 error remains" in page
    assert "Action 1.3 has no rating" in page
    assert "Submit with the errors" in page
    assert client.post(url, form_data(page, url)).status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"


def test_it_does_not_submit_a_draft_changed_since_the_confirmation(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    client = client_for(chan)
    url = f"/reports/{report.pk}/submit/"
    confirmation = form_data(text(client.get(url)), url)
    edit(client_for(chan), report, prepared_by="Forestry Administration")
    response = client.post(url, confirmation)
    assert response.status_code == 409
    assert "Someone saved this draft since you opened this page" in text(response)
    report.refresh_from_db()
    assert report.status == "draft"


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_partys_focal_point_and_admins_submit(persona, personas, cambodia) -> None:
    report = report_with_actions(party=cambodia)
    client = client_for(personas[persona])
    response = client.get(f"/reports/{report.pk}/submit/")
    expected = {"anonymous": 302, "partner": 404, "gaelle": 404, "secretariat": 403}
    assert response.status_code == expected.get(persona, 200)
    posted = client.post(f"/reports/{report.pk}/submit/", {"lock_version": "0"})
    assert posted.status_code == expected.get(persona, 302)
    report.refresh_from_db()
    assert report.status == ("submitted" if persona in {"chan", "admin"} else "draft")


# --- Revising --------------------------------------------------------------------------------


def _returned(report: ProgressReport, chan, sofia) -> ProgressReport:
    report = services.report_submit(report=report, actor=chan)
    services.assessment_rate(
        progress=report.progress.get(code="1.2"),
        actor=sofia,
        rating="unclear",
        comment="No evidence that the proclamation was issued.",
    )
    return services.report_return(
        report=report, actor=sofia, reason="Please document the seizures of 2015."
    )


def test_it_revises_a_returned_report_and_shows_the_secretariats_words(
    chan, sofia, cambodia
) -> None:
    returned = _returned(report_with_actions(party=cambodia), chan, sofia)
    client = client_for(chan)
    url = f"/reports/{returned.pk}/revise/"
    page = text(client.get(url))
    assert "Please document the seizures of 2015." in page
    assert "No evidence that the proclamation was issued." in page

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert ProgressReport.objects.count() == 1

    response = client.post(url, {"reason": "Answer the Secretariat."})
    new = ProgressReport.objects.get(revision=2)
    assert response["Location"] == f"/reports/{new.pk}/edit/"
    page = text(client.get(response["Location"]))
    assert "Revision 2 was made as a new draft" in page
    assert "The Secretariat returned revision 1" in page
    assert "Please document the seizures of 2015." in page
    assert "No evidence that the proclamation was issued." in action_block(page, "1.2")
    assert "No evidence" not in action_block(page, "1.1")
    assert "unclear" not in action_block(page, "1.2").split("draft-comment")[1].split("</div>")[0]


def test_a_returned_reports_own_page_says_why_it_was_returned(
    chan, gaelle, sofia, cambodia
) -> None:
    returned = _returned(report_with_actions(party=cambodia), chan, sofia)
    url = f"/reports/{returned.pk}/"
    for reader in (chan, sofia):
        page = text(client_for(reader).get(url))
        assert "Why the Secretariat returned it" in page
        assert "Please document the seizures of 2015." in page
        assert "No evidence that the proclamation was issued." in page
    assert client_for(gaelle).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 404


def test_it_asks_why_a_rating_changes_once_the_report_was_submitted(chan, cambodia) -> None:
    old = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    new = services.report_revise(report=old, actor=chan, reason="correct 1.2")
    client = client_for(chan)
    change = {field(new, "1.2", "rating"): "on_track"}
    refused = edit(client, new, **change)
    assert refused.status_code == 400
    assert "Say why the rating of 1.2 changes." in text(refused)
    assert new.progress.get(code="1.2").rating == "challenging"

    assert edit(client, new, reason="The proclamation was signed.", **change).status_code == 302
    assert new.progress.get(code="1.2").rating == "on_track"
    event = AuditEvent.objects.filter(verb="progress.edit").get()
    assert event.reason == "The proclamation was signed."


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_partys_focal_point_and_admins_revise(persona, personas, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    client = client_for(personas[persona])
    response = client.get(f"/reports/{report.pk}/revise/")
    expected = {"anonymous": 302, "partner": 404, "gaelle": 404, "secretariat": 403}
    assert response.status_code == expected.get(persona, 200)
    posted = client.post(f"/reports/{report.pk}/revise/", {"reason": "A correction."})
    assert posted.status_code == expected.get(persona, 302)
    revisions = ProgressReport.objects.filter(party=cambodia).count()
    assert revisions == (2 if persona in {"chan", "admin"} else 1)


def test_it_does_not_revise_a_report_under_review(chan, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="under_review")
    response = client_for(chan).post(f"/reports/{report.pk}/revise/", {"reason": "Change."})
    assert response["Location"] == f"/reports/{report.pk}/"
    assert ProgressReport.objects.count() == 1


# --- Who may upload --------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_focal_points_upload(persona, personas) -> None:
    response = client_for(personas[persona]).get("/reports/upload/")
    expected = {"anonymous": 302, "partner": 403, "secretariat": 403, "admin": 403}
    assert response.status_code == expected.get(persona, 200)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_a_preview_only_to_the_focal_point_who_uploaded(persona, personas) -> None:
    uploader = client_for(personas["chan"])
    preview_url = upload(uploader, CAMBODIA_TXT.read_bytes())["Location"]
    client = uploader if persona == "chan" else client_for(personas[persona])
    response = client.get(preview_url)
    expected = {"anonymous": 302, "partner": 403, "secretariat": 403, "admin": 403, "gaelle": 404}
    assert response.status_code == expected.get(persona, 200)
    if persona == "chan":
        assert "Preview of cambodia-sc66.txt" in text(response)


def test_it_shows_the_upload_link_to_focal_points_only(chan, sofia) -> None:
    assert 'href="/reports/upload/"' in text(client_for(chan).get("/"))
    assert 'href="/reports/upload/"' not in text(client_for(sofia).get("/"))


def test_it_makes_a_new_revision_of_a_submitted_report_from_a_file(chan, cambodia) -> None:
    submitted = report_with_actions(party=cambodia, status="submitted")
    client = client_for(chan)
    preview_url = upload(client, CAMBODIA_TXT.read_bytes())["Location"]
    page = text(client.get(preview_url))
    assert "storing the file starts revision 2 as a new draft" in page
    response = client.post(preview_url)
    new = ProgressReport.objects.get(party=cambodia, is_current=True)
    assert (new.revision, new.status, new.previous) == (2, "draft", submitted)
    assert response["Location"] == f"/reports/{new.pk}/edit/"
    submitted.refresh_from_db()
    assert (submitted.status, submitted.progress.count()) == ("submitted", 3)


def test_it_refuses_a_file_for_a_report_under_review(chan, cambodia) -> None:
    report_with_actions(party=cambodia, status="under_review")
    response = upload(client_for(chan), CAMBODIA_TXT.read_bytes())
    assert response.status_code == 409
    assert "has the status “Under review”: it cannot take a new version now" in text(response)


def test_it_keeps_a_file_stored_meanwhile_from_an_old_edit_page(chan) -> None:
    report = stored_cambodia(chan)
    url = f"/reports/{report.pk}/edit/"
    editor = client_for(chan)
    opened = form_data(text(editor.get(url)), url)
    data = json.loads(CAMBODIA_JSON.read_text(encoding="utf-8"))
    data["prepared_by"] = "Forestry Administration"
    data["source"]["sha256"] = "0" * 64
    uploader = client_for(chan)
    uploader.post(upload(uploader, json.dumps(data).encode(), "v2.json")["Location"])

    opened[field(report, "1.1", "rating")] = "unclear"
    response = editor.post(url, opened)
    assert response.status_code == 409
    assert "Someone else saved this report since you opened it" in text(response)
    report.refresh_from_db()
    assert report.prepared_by == "Forestry Administration"
    assert report.progress.get(code="1.1").rating == "on_track"


def test_it_refuses_an_old_edit_page_after_a_command_line_import(chan) -> None:
    report = stored_cambodia(chan)
    url = f"/reports/{report.pk}/edit/"
    client = client_for(chan)
    opened = form_data(text(client.get(url)), url)
    data = json.loads(CAMBODIA_JSON.read_text(encoding="utf-8"))
    data["source"]["sha256"] = "0" * 64
    report_import(raw=json.dumps(data).encode(), filename="v2.json")

    response = client.post(url, opened)
    assert response.status_code == 409
    # The import moved the draft's edit version, so the page opened before it is stale.
    assert "Someone else saved this report since you opened it" in text(response)
    assert ActionProgress.objects.filter(report=report).count() == 13
