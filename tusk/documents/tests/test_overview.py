"""The Secretariat's overview of a meeting: the draft rules, the edited recommendations, the
files, who may see it, and its queries."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from niapdoc import scales
from tusk.core.models import AuditEvent, Meeting, Party
from tusk.documents.models import Recommendation
from tusk.documents.overview import RuleFacts, draft_recommendation, overview_for_user
from tusk.reports.choices import ReportStatus
from tusk.reports.review_selectors import MISSING
from tusk.testing import factories as f

WARNING = "Warning under Step 4 of the NIAP process"
EXIT = "Plan achieved: the Party may exit the NIAP process."
LATE = "submitted late (days after the due date: 12)"
CONTINUE = "Continue implementation and report to the next meeting."


# --- the rules, without a database -----------------------------------------------------------


def test_rule_no_report_gives_the_step_4_warning() -> None:
    text = draft_recommendation(RuleFacts(state=MISSING))
    assert text.startswith(WARNING)
    assert "within 60 days" in text


@pytest.mark.parametrize(
    ("scale", "ratings"),
    [
        (scales.NIAP6, (scales.ACHIEVED, scales.ACHIEVED)),
        (scales.NIAP4, (scales.SUBSTANTIALLY_ACHIEVED, scales.SUBSTANTIALLY_ACHIEVED)),
    ],
)
def test_rule_every_action_achieved_gives_exit(scale: str, ratings: tuple[str, ...]) -> None:
    facts = RuleFacts(state=ReportStatus.ASSESSED, scale=scale, days_late=30, ratings=ratings)
    assert draft_recommendation(facts) == EXIT


def test_rule_substantially_achieved_is_not_enough_on_the_six_level_scale() -> None:
    facts = RuleFacts(
        state=ReportStatus.ASSESSED,
        scale=scales.NIAP6,
        ratings=(scales.ACHIEVED, scales.SUBSTANTIALLY_ACHIEVED),
    )
    assert draft_recommendation(facts) == CONTINUE


def test_rule_late_report_notes_the_lateness() -> None:
    facts = RuleFacts(
        state=ReportStatus.SUBMITTED, scale=scales.NIAP6, days_late=12, ratings=("on_track",)
    )
    assert LATE in draft_recommendation(facts)


def test_rule_otherwise_continue() -> None:
    facts = RuleFacts(
        state=ReportStatus.SUBMITTED, scale=scales.NIAP6, days_late=-3, ratings=("on_track",)
    )
    assert draft_recommendation(facts) == CONTINUE


# --- a meeting with four Parties ----------------------------------------------------------------

START = datetime.date(2025, 2, 3)


def _meeting() -> Meeting:
    return f.MeetingFactory.create(
        number=78, start_date=START, end_date=START, takes_niap_reports=True
    )


def _report(
    party: Party,
    meeting: Meeting,
    ratings: tuple[str, ...],
    *,
    days_late: int = -10,
    secretariat: tuple[str | None, ...] = (),
) -> None:
    assert meeting.due_date is not None
    day = meeting.due_date + datetime.timedelta(days=days_late)
    submitted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    report = f.ReportFactory.create(
        party=party,
        meeting=meeting,
        scale=scales.NIAP6,
        status=ReportStatus.SUBMITTED,
        submitted_at=submitted,
    )
    for order, rating in enumerate(ratings, start=1):
        progress = f.ProgressFactory.create(
            report=report, code=f"1.{order}", rating=rating, order=order
        )
        theirs = secretariat[order - 1] if order <= len(secretariat) else None
        if theirs:
            f.AssessmentFactory.create(
                progress=progress, rating=theirs, comment=f"Comment on 1.{order}."
            )


def _due(country: str) -> Party:
    party = f.PartyFactory.create(country=country, in_niap_process=True)
    f.PartyCategoryFactory.create(party=party, cycle="CoP19", category="B")
    return party


@pytest.fixture
def sc78(db: None) -> Meeting:
    meeting = _meeting()
    _due("KH")  # Cambodia: nothing submitted
    _report(_due("TH"), meeting, (scales.ACHIEVED, scales.ACHIEVED))  # Thailand: achieved
    _report(_due("TZ"), meeting, ("on_track",), days_late=12)  # Tanzania: late
    _report(
        _due("MW"),  # Malawi: on time, one divergence
        meeting,
        ("on_track", "partial_progress"),
        secretariat=("on_track", "not_commenced"),
    )
    return meeting


def _client(client: Any, user: Any) -> Any:
    if user is not None:
        client.force_login(user)
    return client


def _drafts(user: Any) -> dict[str, str]:
    overview = overview_for_user(user=user, code="SC78")
    return {row.party.code: row.recommendation for row in overview.rows}


def test_overview_drafts_per_party(sc78: Meeting, sofia: Any) -> None:
    drafts = _drafts(sofia)
    assert drafts["KH"].startswith(WARNING)
    assert drafts["TH"] == EXIT
    assert LATE in drafts["TZ"]
    assert drafts["MW"] == CONTINUE


def test_overview_page_shows_rows_and_divergences(client: Any, sc78: Meeting, sofia: Any) -> None:
    response = _client(client, sofia).get(reverse("meeting-overview", args=["SC78"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Overview of NIAP progress reports for SC78" in page
    for name in ("Cambodia", "Thailand", "Tanzania", "Malawi"):
        assert name in page
    assert "Comment on 1.2." in page
    assert "Comment on 1.1." not in page  # same rating: no divergence
    assert EXIT in page


def _docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_edited_recommendation_is_stored_audited_and_replaces_the_draft(
    client: Any, sc78: Meeting, sofia: Any
) -> None:
    client = _client(client, sofia)
    url = reverse("meeting-overview", args=["SC78"])
    malawi = Party.objects.get(country="MW")
    overview = overview_for_user(user=sofia, code="SC78")
    data = {f"recommendation-{row.party.pk}": row.recommendation for row in overview.rows}
    data[f"recommendation-{malawi.pk}"] = "Malawi should revise its plan by SC79."

    response = client.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == url
    stored = Recommendation.objects.get()  # the unchanged drafts are not stored
    assert (stored.party, stored.updated_by) == (malawi, sofia)
    assert stored.text == "Malawi should revise its plan by SC79."
    assert stored.history.latest().history_user == sofia
    event = AuditEvent.objects.get(verb="recommendation.set")
    assert event.actor == sofia
    assert event.after == {"text": "Malawi should revise its plan by SC79."}

    page = client.get(url).content.decode()
    assert "Malawi should revise its plan by SC79." in page
    assert "Recommendations saved" in page
    docx = client.get(reverse("meeting-overview-export", args=["SC78", "docx"]))
    assert docx.status_code == 200
    text = _docx_text(docx.content)
    assert "Overview of NIAP progress reports for SC78" in text
    assert "Malawi should revise its plan by SC79." in text
    assert text.count(CONTINUE) == 0  # Malawi's draft was the only "continue"


def stored_key(party: Party) -> str:
    return f"recommendation-{party.pk}"


def test_posting_the_same_text_again_writes_nothing(client: Any, sc78: Meeting, sofia: Any) -> None:
    client = _client(client, sofia)
    url = reverse("meeting-overview", args=["SC78"])
    malawi = Party.objects.get(country="MW")
    client.post(url, {stored_key(malawi): "Revise the plan."})
    client.post(url, {stored_key(malawi): "Revise the plan."})
    assert AuditEvent.objects.filter(verb="recommendation.set").count() == 1


def test_pdf_opens_and_names_the_parties(client: Any, sc78: Meeting, sofia: Any) -> None:
    response = _client(client, sofia).get(reverse("meeting-overview-export", args=["SC78", "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        [pdftotext, "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in ("Cambodia", "Thailand", "Tanzania", "Malawi"):
        assert name in text


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", 302),
        ("chan", 403),
        ("gaelle", 403),
        ("partner", 403),
        ("secretariat", 200),
        ("admin", 200),
    ],
)
@pytest.mark.parametrize("name", ["page", "docx", "pdf"])
def test_persona_access(
    client: Any, sc78: Meeting, personas: dict[str, Any], persona: str, expected: int, name: str
) -> None:
    if name == "page":
        url = reverse("meeting-overview", args=["SC78"])
    else:
        url = reverse("meeting-overview-export", args=["SC78", name])
    response = _client(client, personas[persona]).get(url)
    assert response.status_code == expected
    if expected == 302:
        assert "/accounts/login/" in response["Location"]
    if expected == 403:
        assert not Recommendation.objects.exists()


def test_post_is_refused_to_a_focal_point(client: Any, sc78: Meeting, chan: Any) -> None:
    malawi = Party.objects.get(country="MW")
    response = _client(client, chan).post(
        reverse("meeting-overview", args=["SC78"]), {stored_key(malawi): "Exit."}
    )
    assert response.status_code == 403
    assert not Recommendation.objects.exists()


def test_unknown_meeting_and_format_404(client: Any, sc78: Meeting, sofia: Any) -> None:
    client = _client(client, sofia)
    assert client.get(reverse("meeting-overview", args=["SC99"])).status_code == 404
    url = reverse("meeting-overview-export", args=["SC78", "xlsx"])
    assert client.get(url).status_code == 404


def _queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("meeting-overview", args=["SC78"])).status_code == 200
    return len(queries)


def test_query_count_is_constant_as_parties_grow(client: Any, sc78: Meeting, sofia: Any) -> None:
    client = _client(client, sofia)
    before = _queries(client)
    for country in ("NG", "TG", "VN", "GA", "MY", "MZ"):
        party = _due(country)
        _report(party, sc78, ("on_track", "achieved"), secretariat=("challenging", None))
        Recommendation.objects.create(meeting=sc78, party=party, text="Keep going.")
    assert _queries(client) == before
