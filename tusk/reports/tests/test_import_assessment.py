"""Importing the Secretariat's ratings from a CSV file: the page, the command, and the rules."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tusk.core.models import AuditEvent
from tusk.reports.assessing import (
    MAX_CSV_BYTES,
    ImportRefused,
    assessment_import_apply,
    assessment_import_plan,
)
from tusk.reports.models import Assessment, ProgressReport
from tusk.testing.clients import client_for
from tusk.testing.factories import (
    AssessmentFactory,
    MeetingFactory,
    PartyFactory,
    report_with_actions,
)

pytestmark = pytest.mark.django_db

HEADER = "party,meeting,action,rating,comment,reason\n"


def _text(response) -> str:
    return response.content.decode()


@pytest.fixture
def reports(cambodia, gabon):
    """Cambodia's SC66 report submitted, with 1.1 already rated; Gabon's under review."""
    kh = report_with_actions(party=cambodia, status="submitted")
    AssessmentFactory(progress=kh.progress.get(code="1.1"), rating="on_track", comment="Good.")
    ga = report_with_actions(party=gabon, status="under_review", scale="niap6")
    ga.progress.update(rating="partial_progress")
    return {"KH": kh, "GA": ga}


def _ratings() -> dict[tuple[str, str], tuple[str | None, str]]:
    return {
        (a.progress.report.party.code, a.progress.code): (a.rating, a.comment)
        for a in Assessment.objects.select_related("progress__report__party")
    }


GOOD = (
    HEADER
    + "KH,SC66,1.1,on_track,,\n"
    + "Cambodia,SC66,1.2,Unclear,No evidence.,\n"
    + "kh,sc66,1.3,challenging,,\n"
    + "Gabon,SC66,1.1,Progrès partiel,Slow.,\n"
)


def _upload(client, content: str | bytes, name: str = "ratings.csv"):
    raw = content.encode() if isinstance(content, str) else content
    return client.post(
        "/reports/review/import/",
        {"step": "preview", "file": SimpleUploadedFile(name, raw, content_type="text/csv")},
    )


def _confirm_data(html: str) -> dict[str, str]:
    form = html[html.index('class="confirm-form"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form)) | {"step": "apply"}


def _row(html: str, number: int) -> str:
    start = html.index(f'<th scope="row" data-label="Row">{number}</th>')
    return html[start : html.index("</tr>", start)]


def test_it_previews_a_file_and_stores_nothing(sofia, reports) -> None:
    before = _ratings()
    response = _upload(client_for(sofia), GOOD)
    assert response.status_code == 200
    html = _text(response)
    assert "What ratings.csv would change" in html
    assert "Unchanged" in _row(html, 2)
    assert "New rating" in _row(html, 3) and 'rating-unclear">Unclear' in _row(html, 3)
    assert "Cambodia" in _row(html, 3) and "No evidence." in _row(html, 3)
    assert "New rating" in _row(html, 5) and "Gabon" in _row(html, 5)
    assert "Apply this file: 3 ratings are stored" in html
    assert _ratings() == before
    assert not AuditEvent.objects.filter(verb__startswith="assessment").exists()
    assert ProgressReport.objects.get(pk=reports["KH"].pk).status == "submitted"


def test_it_applies_a_confirmed_file_all_together(sofia, reports) -> None:
    client = client_for(sofia)
    data = _confirm_data(_text(_upload(client, GOOD)))
    response = client.post("/reports/review/import/", data, follow=True)
    assert "ratings.csv was applied: 3 new ratings, 0 changed, 1 unchanged." in _text(response)
    assert _ratings() == {
        ("KH", "1.1"): ("on_track", "Good."),
        ("KH", "1.2"): ("unclear", "No evidence."),
        ("KH", "1.3"): ("challenging", ""),
        ("GA", "1.1"): ("partial_progress", "Slow."),
    }
    assert ProgressReport.objects.get(pk=reports["KH"].pk).status == "under_review"
    events = AuditEvent.objects.filter(verb="assessment.import", actor=sofia)
    assert {e.party.code: e.after["rows"] for e in events} == {"KH": [3, 4], "GA": [5]}
    assert all(e.reason == "imported from ratings.csv" for e in events)


def test_it_applies_nothing_from_a_file_with_one_bad_row_and_names_it(sofia, reports) -> None:
    client = client_for(sofia)
    bad = GOOD + "KH,SC66,9.9,on_track,,\n"
    response = _upload(client, bad)
    assert response.status_code == 400
    html = _text(response)
    assert "1 row has an error, so nothing can be stored" in html
    assert "has no action “9.9”: its actions are 1.1, 1.2, 1.3." in _row(html, 6)
    assert 'class="confirm-form"' not in html
    # A confirmation forged around the preview is refused just the same.
    good = _confirm_data(_text(_upload(client, GOOD)))
    forged = good | {"content": __import__("base64").b64encode(bad.encode()).decode()}
    response = client.post("/reports/review/import/", forged)
    assert response.status_code == 409
    assert "row 6: The report of Cambodia for SC66 has no action" in _text(response)
    assert _ratings() == {("KH", "1.1"): ("on_track", "Good.")}


def test_it_previews_again_when_the_ratings_changed_since_the_preview(sofia, reports) -> None:
    client = client_for(sofia)
    data = _confirm_data(_text(_upload(client, GOOD)))
    # Someone comments on 1.2 meanwhile: the file would now replace that comment.
    progress = reports["KH"].progress.get(code="1.2")
    AssessmentFactory(progress=progress, rating=None, comment="Asked the Party.")
    response = client.post("/reports/review/import/", data)
    assert response.status_code == 409
    html = _text(response)
    assert "changed since this file was previewed; nothing was stored" in html
    assert 'class="confirm-form"' in html
    assert not Assessment.objects.filter(progress__code="1.3").exists()
    assert Assessment.objects.get(progress=progress).comment == "Asked the Party."


@pytest.mark.parametrize("persona", ["chan", "gaelle", "partner"])
def test_it_lets_no_one_else_import(persona, personas, reports) -> None:
    client = client_for(personas[persona])
    assert _upload(client, GOOD).status_code == 403
    assert client.post("/reports/review/import/", {"step": "apply"}).status_code == 403
    assert _ratings() == {("KH", "1.1"): ("on_track", "Good.")}


def test_it_refuses_a_file_that_is_not_csv(sofia) -> None:
    response = _upload(client_for(sofia), b"%PDF-1.7", name="ratings.pdf")
    assert response.status_code == 400
    assert "ratings.pdf is not a CSV file: save the sheet as CSV" in _text(response)


def _plan(text: str | bytes):
    raw = text.encode() if isinstance(text, str) else text
    return assessment_import_plan(raw=raw, filename="f.csv")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("XX,SC66,1.1,on_track,,", "Unknown Party “XX”: write its ISO code, such as KH"),
        (",SC66,1.1,on_track,,", "The Party is missing"),
        ("KH,SC 6 6,1.1,on_track,,", "“SC 6 6” is not a meeting: write it as SC78."),
        ("KH,SC99,1.1,on_track,,", "There is no meeting SC99 in Tusk"),
        ("KH,SC66,7.7,on_track,,", "has no action “7.7”: its actions are 1.1, 1.2, 1.3."),
        ("KH,SC66,,on_track,,", "The action is missing"),
        ("KH,SC66,1.2,,,", "The rating is missing: write one of substantially_achieved"),
        ("KH,SC66,1.2,splendid,,", "“splendid” is not a rating: write one of"),
        (
            "KH,SC66,1.2,achieved,,",
            "achieved is not a rating of this report's scale: use one of substantially_achieved",
        ),
        (
            "KH,SC66,1.1,unclear,,",
            "This changes the Secretariat's rating from on_track to unclear: say why",
        ),
        ("MZ,SC66,1.1,on_track,,", "Mozambique has no submitted report for SC66"),
    ],
)
def test_it_names_what_is_wrong_with_a_row_and_how_to_fix_it(reports, line, message) -> None:
    PartyFactory(country="MZ")
    plan = _plan(HEADER + "KH,SC66,1.3,on_track,,\n" + line + "\n")
    assert not plan.ok
    assert [row.number for row in plan.errors] == [3]
    assert message in plan.errors[0].message
    assert plan.first_problem().startswith("row 3: ")


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("draft", "has no submitted report for SC66"),
        ("returned", "was returned to the Party: rate the revision it sends back"),
        ("assessed", "is assessed: its ratings can no longer change"),
        ("published", "is published: its ratings can no longer change"),
    ],
)
def test_it_rates_only_reports_under_review(status, message, cambodia) -> None:
    report_with_actions(party=cambodia, status=status)
    plan = _plan(HEADER + "KH,SC66,1.1,on_track,,\n")
    assert message in plan.errors[0].message


def test_it_refuses_the_same_action_twice(reports) -> None:
    plan = _plan(HEADER + "KH,SC66,1.2,unclear,,\nKH,SC66,1.2,challenging,,\n")
    assert plan.errors[0].number == 3
    assert "already rated in row 2: keep one of the two rows" in plan.errors[0].message


def test_it_changes_a_rating_given_a_reason(reports, sofia) -> None:
    plan = assessment_import_apply(
        raw=(HEADER + "KH,SC66,1.1,challenging,,The law lapsed.\n").encode(),
        filename="f.csv",
        actor=sofia,
    )
    assert plan.counts["changed"] == 1
    assessment = Assessment.objects.get(progress__code="1.1", progress__report=reports["KH"])
    assert (assessment.rating, assessment.comment) == ("challenging", "Good.")
    event = AuditEvent.objects.get(verb="assessment.rate")
    assert (event.reason, event.before["rating"]) == ("The law lapsed.", "on_track")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "the file is empty: its first row must name the columns"),
        (b"party,meeting,action,rating\nKH,SC66,1.1,on_track\n", "it lacks comment"),
        (b"party,meeting,action,rating,comment,score\n", "unknown column score"),
        (b"a,b\x00c\n", "the first row must name the columns"),
        (b"x" * (MAX_CSV_BYTES + 1), "over the limit of 1024 KB"),
    ],
)
def test_it_refuses_a_file_it_cannot_read(raw, problem, reports) -> None:
    plan = _plan(raw)
    assert problem in plan.problem
    assert not plan.ok and plan.rows == []
    with pytest.raises(ImportRefused):
        assessment_import_apply(raw=raw, filename="f.csv", actor=None)


def test_it_reads_latin1_semicolons_and_french_words(reports) -> None:
    raw = "party;meeting;action;rating;comment\nGabon;SC66;1.2;Réalisée;Très bien\n"
    plan = _plan(raw.encode("latin-1"))
    assert plan.ok
    assert (plan.rows[0].new_rating, plan.rows[0].comment) == ("achieved", "Très bien")


def test_it_reads_utf8_with_a_byte_order_mark_and_spanish_words(reports) -> None:
    raw = "\ufeffParty,Meeting,Action,Rating,Comment\nCamboya,SC66,1.2,Incierto,Sin datos\n"
    plan = _plan(raw.encode("utf-8"))
    assert plan.ok
    assert (plan.rows[0].party.code, plan.rows[0].new_rating) == ("KH", "unclear")


def test_it_plans_in_a_constant_number_of_queries(
    cambodia, gabon, django_assert_num_queries
) -> None:
    small = report_with_actions(party=cambodia, status="submitted")
    with CaptureQueriesContext(connection) as few:
        assert _plan(HEADER + "KH,SC66,1.1,on_track,,\n").ok
    for number in (70, 74, 77):
        report_with_actions(party=gabon, meeting=MeetingFactory(number=number), status="submitted")
    lines = [f"KH,SC66,{p.code},unclear,,\n" for p in small.progress.all()]
    lines += [f"GA,SC{n},1.{i},on_track,,\n" for n in (70, 74, 77) for i in (1, 2, 3)]
    with django_assert_num_queries(len(few.captured_queries)):
        assert _plan(HEADER + "".join(lines)).ok


def _command(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import-assessment", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = int(exit.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_the_command_applies_a_good_file(reports, tmp_path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = _command(str(path))
    assert (code, err) == (0, "")
    assert "row 3: KH SC66 1.2: new rating unclear" in out
    assert "row 2: KH SC66 1.1: unchanged on_track" in out
    assert out.strip().endswith("applied ratings.csv: 3 new, 0 changed, 1 unchanged")
    assert _ratings()[("KH", "1.2")] == ("unclear", "No evidence.")


def test_the_command_stores_nothing_in_a_dry_run(reports, tmp_path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, _err = _command(str(path), "--dry-run", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["applied"], result["dry_run"]) == (False, True)
    assert result["counts"] == {"new": 3, "changed": 0, "unchanged": 1, "error": 0}
    assert result["rows"][1] == {
        "row": 3,
        "party": "KH",
        "meeting": "SC66",
        "action": "1.2",
        "outcome": "new",
        "old_rating": None,
        "new_rating": "unclear",
        "comment_changes": True,
        "message": "",
    }
    assert _ratings() == {("KH", "1.1"): ("on_track", "Good.")}


def test_the_command_exits_2_on_a_bad_row_and_stores_nothing(reports, tmp_path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(GOOD.replace("1.1,on_track", "1.1,unclear"), encoding="utf-8")
    code, out, err = _command(str(path))
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"error: {path}: 1 of 4 rows have errors, nothing was stored: row 2: ")
    assert "say why in the reason column" in err
    assert "row 2: KH SC66 1.1: error:" in out
    assert "row 3: KH SC66 1.2: new rating unclear" in out
    assert _ratings() == {("KH", "1.1"): ("on_track", "Good.")}
    assert not AuditEvent.objects.filter(verb__startswith="assessment").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.csv",), "missing.csv: no such file: check the path"),
        (("ratings.csv", "--user", "nobody"), "--user nobody: no such user"),
        (("ratings.csv", "--user", "chan"), "--user chan: not a Secretariat user"),
        (("empty.csv",), "the file is empty"),
    ],
)
def test_the_command_explains_bad_input_in_one_line(
    args, message, reports, chan, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ratings.csv").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    code, _out, err = _command(*args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err
    assert "Traceback" not in err


def test_the_command_records_the_assessor(reports, sofia, tmp_path) -> None:
    path = tmp_path / "ratings.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert _command(str(path), "--user", "sofia")[0] == 0
    assessment = Assessment.objects.get(progress__code="1.2", progress__report=reports["KH"])
    assert assessment.assessed_by == sofia
