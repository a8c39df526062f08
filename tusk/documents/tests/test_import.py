"""`tusk import-report`: a good file is stored as a draft; a bad one is refused, nothing stored."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from niapdoc.errors import ReportError
from tusk.core.errors import Duplicate
from tusk.core.models import AuditEvent, Meeting, Party
from tusk.documents.services import report_import
from tusk.plans.models import Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Finding, ProgressReport
from tusk.reports.services import report_submit

FIXTURES = Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures"
EXAMPLE = FIXTURES / "cambodia-sc66.json"

pytestmark = pytest.mark.django_db


def raw_example(**changes: object) -> bytes:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False).encode()


def stored_counts() -> tuple[int, ...]:
    return (
        ProgressReport.objects.count(),
        ActionProgress.objects.count(),
        Finding.objects.count(),
        Plan.objects.count(),
        Party.objects.count(),
        Meeting.objects.count(),
        AuditEvent.objects.count(),
    )


def test_it_stores_the_cambodia_report_as_a_draft_with_its_ratings_and_findings() -> None:
    result = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json")
    report = result.report
    assert (report.party.code, report.meeting.code, report.status) == ("KH", "SC66", "draft")
    assert report.scale == "niap4"
    assert report.period_start == "2014-11"
    assert report.prepared_by.startswith("Heng Kimchhay")
    assert report.source_kind == "json"
    assert (
        report.document_sha256 == "6b309986e6a5975e80ad166a32d42d029b064a20f183dd7a9aeddee48f49ce0d"
    )
    progress = {p.code: p for p in report.progress.all()}
    assert len(progress) == 13
    assert progress["4.1"].rating == "substantially_achieved"
    assert progress["5.2"].rating_part_c is None
    assert progress["1.1"].progress[0].startswith("Consultations have been held")
    assert progress["1.1"].action is not None and progress["1.1"].action.flagged
    assert [f.code for f in report.findings.all()].count("name-placeholder") == 4
    assert report.findings.get(code="rating-placeholder").severity == "error"
    assert report.source_file.read() == EXAMPLE.read_bytes()
    assert set(result.created) == {"Party Cambodia", "meeting SC66", "plan version 1"}


def test_it_builds_the_plan_from_the_report_with_pillars_mapped() -> None:
    report = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    pillars = list(report.plan.pillars.values_list("number", "name", "standard"))
    assert pillars[0] == ("1", "Legislation", "legislation")
    assert pillars[5][:2] == ("6", "Other")
    assert report.plan.actions.count() == 13


def test_it_writes_an_audit_event_for_the_import() -> None:
    report = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    event = AuditEvent.objects.get(verb="report.import")
    assert event.target_id == str(report.pk)
    assert event.party == report.party
    assert event.after["actions"] == 13


def test_it_refuses_a_file_it_already_imported_and_stores_nothing() -> None:
    report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json")
    before = stored_counts()
    with pytest.raises(Duplicate, match=r"already imported as Cambodia SC66 \(revision 1, draft"):
        report_import(raw=EXAMPLE.read_bytes(), filename="copy.json")
    assert stored_counts() == before


def test_it_refuses_another_file_read_from_the_same_document() -> None:
    report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json")
    with pytest.raises(Duplicate):
        report_import(raw=raw_example(prepared_by="Someone else"), filename="edited.json")


def test_it_refuses_malformed_json_and_stores_nothing() -> None:
    before = stored_counts()
    with pytest.raises(ReportError, match=r"broken.json: the file is not valid JSON \(line 1"):
        report_import(raw=b'{"format": "tusk.progress-report.v1",', filename="broken.json")
    assert stored_counts() == before


def test_it_refuses_a_wrong_format_version_and_stores_nothing() -> None:
    before = stored_counts()
    with pytest.raises(ReportError, match=r"not 'tusk\.progress-report\.v1'"):
        report_import(raw=raw_example(format="tusk.progress-report.v0"), filename="old.json")
    assert stored_counts() == before


def test_it_refuses_a_party_it_cannot_identify() -> None:
    raw = raw_example(party="Atlantis", party_code=None)
    with pytest.raises(ReportError, match="'Atlantis', which is not a country Tusk knows"):
        report_import(raw=raw, filename="atlantis.json")
    assert ProgressReport.objects.count() == 0


def test_it_finds_the_party_by_its_french_name() -> None:
    raw = raw_example(party="Cameroun", party_code=None, language="fr")
    report = report_import(raw=raw, filename="cm.json").report
    assert report.party.code == "CM"


def test_it_asks_for_the_meeting_when_the_report_names_none() -> None:
    raw = raw_example(meeting=None)
    with pytest.raises(ReportError, match=r"names no Standing Committee meeting.*--meeting SC66"):
        report_import(raw=raw, filename="nomeeting.json")
    report = report_import(raw=raw, filename="nomeeting.json", meeting_code="SC66").report
    assert report.meeting.code == "SC66"


def test_it_makes_a_new_revision_when_the_stored_report_is_frozen() -> None:
    first = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    report_submit(report=first, actor=None)
    data = json.loads(EXAMPLE.read_text())
    data["source"]["sha256"] = "0" * 64
    data["actions"][0]["rating"] = "challenging"
    second = report_import(raw=json.dumps(data).encode(), filename="v2.json").report
    first.refresh_from_db()
    assert (second.revision, second.status, second.previous_id) == (2, "draft", first.pk)
    assert (first.status, first.is_current) == (ReportStatus.SUBMITTED, False)
    assert first.progress.get(code="1.1").rating == "on_track"
    assert second.progress.get(code="1.1").rating == "challenging"


def test_it_makes_a_new_plan_version_when_the_actions_change() -> None:
    first = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    data = json.loads(EXAMPLE.read_text())
    data["source"]["sha256"] = "1" * 64
    data["meeting"] = "SC67"
    data["actions"].append({**data["actions"][-1], "code": "6.2", "title": "A new action"})
    second = report_import(raw=json.dumps(data).encode(), filename="sc67.json").report
    assert second.plan.version == 2 and second.plan.previous == first.plan
    new_action = second.plan.actions.get(code="1.1")
    assert new_action.replaces == first.plan.actions.get(code="1.1")


def test_the_command_imports_and_prints_the_findings(tmp_path: Path) -> None:
    out = StringIO()
    call_command("import-report", str(EXAMPLE), stdout=out)
    text = out.getvalue()
    assert "Cambodia SC66, revision 1, draft, 13 actions, 6 findings" in text
    assert "error: rating-placeholder [5.2]" in text


def test_the_command_can_submit_and_print_json() -> None:
    out = StringIO()
    call_command("import-report", str(EXAMPLE), "--submit", "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert (printed["party"], printed["status"], printed["actions"]) == ("KH", "submitted", 13)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"{not json", "is not valid JSON"),
        (b'{"format": "other"}', "not 'tusk.progress-report.v1'"),
        (b"%PDF-1.4 not really", "is not a readable PDF"),
        (b"\x89PNG\r\n\x1a\n0000", "is a PNG image, not a progress report"),
    ],
)
def test_the_command_exits_2_with_one_line_on_bad_input(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "report.json"
    if content is not None:
        path.write_bytes(content)
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-report", str(path), stderr=err)
    assert exit_info.value.code == 2
    assert message in err.getvalue()
    assert err.getvalue().count("\n") == 1
    assert "Traceback" not in err.getvalue()
    assert ProgressReport.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CAMBODIA", "KH"),
        ("Camboya", "KH"),
        ("Cameroun", "CM"),
        ("Viet Nam", "VN"),
        ("République démocratique du Congo", "CD"),
        ("Lao PDR", "LA"),
        ("Hong Kong SAR", "HK"),
        ("Tanzania", "TZ"),
        ("Mordor", None),
    ],
)
def test_it_knows_the_names_reports_give_their_party(name: str, code: str | None) -> None:
    from niapdoc.countries import code_for_name

    assert code_for_name(name) == code


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (FIXTURES / "cambodia-sc66.txt", "text"),
        (FIXTURES / "samples" / "cambodia-sc66.docx", "docx"),
        (FIXTURES / "samples" / "cambodia-sc66.pdf", "pdf"),
    ],
)
def test_it_imports_text_word_and_pdf_reports(path: Path, kind: str) -> None:
    report = report_import(raw=path.read_bytes(), filename=path.name).report
    assert (report.party.code, report.meeting.code, report.source_kind) == ("KH", "SC66", kind)
    assert report.progress.count() == 13
    assert report.progress.get(code="2.3").progress[-1] == (
        "We are currently seeking funding to implement this activity"
    )
    assert report.document_sha256 == report.source_sha256


def test_it_refuses_the_same_document_twice_whatever_its_name() -> None:
    path = FIXTURES / "samples" / "cambodia-sc66.docx"
    report_import(raw=path.read_bytes(), filename="first.docx")
    with pytest.raises(Duplicate):
        report_import(raw=path.read_bytes(), filename="renamed.docx")


def test_a_plan_first_seen_in_a_draft_stays_private_until_its_report_is_published(
    chan, sofia
) -> None:
    from django.contrib.auth.models import AnonymousUser

    from tusk.plans.selectors import plan_current_for_party
    from tusk.reports import services

    report = report_import(raw=EXAMPLE.read_bytes(), filename="cambodia-sc66.json").report
    assert report.plan.status == "draft"
    assert plan_current_for_party(user=AnonymousUser(), party_id=report.party_id) is None
    assert plan_current_for_party(user=chan, party_id=report.party_id) == report.plan
    report = services.report_submit(report=report, actor=chan)
    report = services.report_start_review(report=report, actor=sofia)
    report = services.report_mark_assessed(report=report, actor=sofia)
    report = services.report_publish(report=report, actor=sofia)
    report.plan.refresh_from_db()
    assert report.plan.status == "adequate"
    assert plan_current_for_party(user=AnonymousUser(), party_id=report.party_id) == report.plan
    assert AuditEvent.objects.filter(verb="plan.adopt").count() == 1


def test_a_past_report_keeps_the_day_it_was_really_sent() -> None:
    out = StringIO()
    call_command(
        "import-report", str(EXAMPLE), "--submit", "--submitted-on", "2015-10-10", stdout=out
    )
    report = ProgressReport.objects.get()
    assert report.submitted_at.date().isoformat() == "2015-10-10"
    assert (
        AuditEvent.objects.get(verb="report.submit").reason == "sent on 2015-10-10, entered later"
    )


def test_submitted_on_without_submit_is_refused() -> None:
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-report", str(EXAMPLE), "--submitted-on", "2015-10-10", stderr=err)
    assert exit_info.value.code == 2
    assert "use it with --submit" in err.getvalue()
    assert ProgressReport.objects.count() == 0
