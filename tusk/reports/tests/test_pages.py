"""The report page: who may read it, what it shows, and when the Secretariat's view appears."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tusk.reports.models import Finding
from tusk.testing.clients import client_for
from tusk.testing.factories import (
    ActionFactory,
    AssessmentFactory,
    MeetingFactory,
    PillarFactory,
    PlanFactory,
    ProgressFactory,
    ReportFactory,
    report_with_actions,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]
MAY_READ_A_DRAFT = {"chan", "secretariat", "admin"}


def _text(response) -> str:
    return response.content.decode()


def _row(html: str, code: str) -> str:
    """The table row of one action."""
    start = html.index(f">{code}<")
    return html[start : html.index("</tr>", start)]


def _report(party, *, status: str, actions: int = 2, pillars: int = 1, meeting: int = 66):
    """A report whose Party says "On track" and whose Secretariat says "Challenging"."""
    plan = PlanFactory.create(party=party)
    report = ReportFactory.create(
        party=party,
        plan=plan,
        status=status,
        meeting=MeetingFactory.create(number=meeting),
        period_start="2014-11",
        period_end="2015-09",
        prepared_by="Forestry Administration",
        language="fr",
        synopsis_overview="Vue d'ensemble du rapport.",
        synopsis_progress="Progrès à ce jour du rapport.",
        synopsis_outlook="Perspectives du rapport.",
    )
    order = 0
    for p in range(1, pillars + 1):
        pillar = PillarFactory.create(plan=plan, number=str(p), name=f"Pilier {p}", order=p)
        for i in range(1, actions + 1):
            order += 1
            action = ActionFactory.create(plan=plan, pillar=pillar, code=f"{p}.{i}", order=order)
            progress = ProgressFactory.create(
                report=report,
                action=action,
                code=action.code,
                pillar=str(p),
                title=f"Action {p}.{i} du plan",
                rating="on_track",
                rating_part_b="on_track",
                rating_part_c="on_track",
                progress=[f"Premier point {p}.{i}", f"Second point {p}.{i}"],
                order=order,
            )
            AssessmentFactory.create(progress=progress, comment=f"Little evidence for {p}.{i}.")
    return report


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_a_draft_only_to_its_party_and_the_secretariat(
    persona, personas, cambodia
) -> None:
    draft = report_with_actions(party=cambodia)
    response = client_for(personas[persona]).get(f"/reports/{draft.pk}/")
    if persona in MAY_READ_A_DRAFT:
        assert response.status_code == 200
        assert "Progress report of Cambodia for SC66" in _text(response)
    else:
        assert response.status_code == 404
        assert "Cambodia" not in _text(response)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_a_published_report_to_everyone(persona, personas, cambodia) -> None:
    published = report_with_actions(party=cambodia, status="published")
    response = client_for(personas[persona]).get(f"/reports/{published.pk}/")
    assert response.status_code == 200
    assert "Progress report of Cambodia for SC66" in _text(response)


def test_it_answers_404_for_a_report_that_does_not_exist(db) -> None:
    response = Client().get("/reports/999999/")
    assert response.status_code == 404
    assert "Page not found" in _text(response)


def test_it_shows_the_reports_header_in_the_interface_language(cambodia) -> None:
    report = _report(cambodia, status="published")
    html = _text(Client().get(f"/reports/{report.pk}/"))
    assert '<html lang="en">' in html
    for label, value in (
        ("Party", "Cambodia"),
        ("Meeting", "SC66"),
        ("Revision", "1"),
        ("Status", "Published"),
        ("Period", "2014-11 – 2015-09"),
        ("Prepared by", "Forestry Administration"),
        ("Rating scale", "Four-level scale (SC65–SC67)"),
        ("Language of the report", "French"),
    ):
        fact = html[html.index(f"<dt>{label}</dt>") :]
        assert value in fact[: fact.index("</dd>")], label
    assert '<dd lang="fr">Forestry Administration</dd>' in html


def test_it_shows_the_synopsis_in_three_parts_in_the_reports_language(cambodia) -> None:
    report = _report(cambodia, status="published")
    html = _text(Client().get(f"/reports/{report.pk}/"))
    positions = [
        html.index(text)
        for text in (
            "Overview",
            "Vue d&#x27;ensemble du rapport.",
            "Progress to date",
            "Progrès à ce jour du rapport.",
            "Future outlook",
            "Perspectives du rapport.",
        )
    ]
    assert positions == sorted(positions)
    assert re.search(r'<div class="prose" lang="fr"><p>Vue d&#x27;ensemble', html)


def test_it_shows_the_actions_by_pillar_with_their_progress(cambodia) -> None:
    report = _report(cambodia, status="published", pillars=2)
    progress = report.progress.get(code="2.2")
    progress.flagged = True
    progress.rating_part_c = None
    progress.save()
    html = _text(Client().get(f"/reports/{report.pk}/"))
    assert html.index("Pillar 1: Pilier 1") < html.index(">1.2<") < html.index("Pillar 2: Pilier 2")
    row = _row(html, "1.1")
    assert "Action 1.1 du plan" in row
    assert "<li>Premier point 1.1</li><li>Second point 1.1</li>" in row
    assert "Part B:" not in row
    row = html[html.index(">2.2<abbr") :]
    row = row[: row.index("</tr>")]
    assert 'title="Flagged in the plan"' in row
    assert re.search(r"Part B:.*On track.*Part C:.*Not rated", row, re.S)


def test_it_shows_the_secretariats_view_of_a_published_report(cambodia) -> None:
    report = _report(cambodia, status="published")
    html = _text(Client().get(f"/reports/{report.pk}/"))
    assert "Secretariat's comment</th>" in html
    row = _row(html, "1.1")
    assert 'rating-on_track">On track' in row
    assert 'rating-challenging">Challenging' in row
    assert "Little evidence for 1.1." in row
    assert "once the report is published" not in html


@pytest.mark.parametrize("persona", ["chan", "secretariat", "admin"])
@pytest.mark.parametrize("status", ["draft", "submitted", "under_review", "assessed"])
def test_it_shows_the_secretariats_rating_before_publication_only_to_the_secretariat(
    status, persona, personas, cambodia
) -> None:
    report = _report(cambodia, status=status)
    html = _text(client_for(personas[persona]).get(f"/reports/{report.pk}/"))
    shown = persona != "chan"
    assert ("rating-challenging" in html) is shown
    assert ("Little evidence for 1.1." in html) is shown
    assert ("Secretariat's rating</th>" in html) is shown
    assert ("once the report is published" in html) is not shown
    assert 'rating-on_track">On track' in _row(html, "1.1")


def test_it_lists_the_findings(cambodia) -> None:
    report = _report(cambodia, status="published")
    Finding.objects.create(
        report=report,
        code="rating-placeholder",
        severity="error",
        action_code="1.2",
        message="Part C gives no rating for action 1.2.",
    )
    html = _text(Client().get(f"/reports/{report.pk}/"))
    findings = html[html.index("Quality findings") :]
    assert 'severity-error">Error' in findings
    assert "Rating left as a placeholder" in findings and "rating-placeholder" in findings
    assert ">1.2</td>" in findings
    assert "Part C gives no rating for action 1.2." in findings


def test_it_says_when_a_report_has_no_finding(cambodia) -> None:
    report = _report(cambodia, status="published")
    assert "No quality finding." in _text(Client().get(f"/reports/{report.pk}/"))


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_it_draws_a_report_in_a_constant_number_of_queries(
    persona, personas, cambodia, django_assert_num_queries, django_assert_max_num_queries
) -> None:
    client = client_for(personas[persona])
    small = _report(cambodia, status="published", actions=1, pillars=2)
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(9):
        assert client.get(f"/reports/{small.pk}/").status_code == 200
    Finding.objects.create(report=small, code="rating-missing", severity="warning", message="-")
    large = _report(cambodia, status="published", actions=5, pillars=2, meeting=70)
    for _ in range(5):
        Finding.objects.create(report=large, code="rating-missing", severity="warning", message="-")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(f"/reports/{large.pk}/")
    assert _text(response).count("rating-challenging") == 10
