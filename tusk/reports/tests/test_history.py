"""History you can trust: every change with who, when and why; two reports compared."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tusk.reports import services
from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, report_with_actions

pytestmark = pytest.mark.django_db


def test_the_history_shows_who_changed_a_rating_and_why(cambodia, chan, sofia) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    report = services.report_return(report=report, actor=sofia, reason="1.2 needs evidence")
    draft = services.report_revise(report=report, actor=chan, reason="answer the Secretariat")
    services.progress_update(
        progress=draft.progress.get(code="1.2"), actor=chan, changes={"rating": "on_track"},
        reason="the decree was signed in May",
    )  # fmt: skip
    page = client_for(chan).get(reverse("report-history", args=[draft.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "the decree was signed in May" in text
    assert "Challenging</del> → <ins>On track" in text
    old_page = client_for(chan).get(reverse("report-history", args=[report.pk])).content.decode()
    assert "1.2 needs evidence" in old_page and "returned to the Party" in old_page


def test_two_revisions_compare_action_by_action(cambodia, chan) -> None:
    old = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    new = services.report_revise(report=old, actor=chan, reason="update")
    services.progress_update(
        progress=new.progress.get(code="1.2"), actor=chan, changes={"rating": "on_track"}
    )
    page = client_for(chan).get(reverse("report-compare", args=[new.pk, old.pk]))
    assert page.status_code == 200
    assert "<strong>Challenging → On track</strong>" in page.content.decode()


def test_reports_at_two_meetings_compare_and_follow_lineage(cambodia) -> None:
    sc69 = report_with_actions(
        party=cambodia, meeting=MeetingFactory.create(number=69), status="published"
    )
    sc70 = report_with_actions(
        party=cambodia, meeting=MeetingFactory.create(number=70), status="published"
    )
    moved = sc70.progress.get(code="1.3")
    moved.code = "2.1"
    moved.save()
    moved.action.replaces = sc69.progress.get(code="1.3").action
    moved.action.save()
    page = client_for(None).get(reverse("report-compare", args=[sc69.pk, sc70.pk])).content.decode()
    assert "(was 1.3)" in page


def test_the_history_hides_an_unpublished_assessment_from_the_party(cambodia, chan, sofia) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    services.assessment_rate(
        progress=report.progress.get(code="1.1"), actor=sofia, rating="unclear",
        comment="We saw no draft",
    )  # fmt: skip
    assert (
        "We saw no draft"
        not in client_for(chan).get(reverse("report-history", args=[report.pk])).content.decode()
    )
    assert (
        "We saw no draft"
        in client_for(sofia).get(reverse("report-history", args=[report.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 404), ("partner", 404), ("gaelle", 404), ("chan", 200), ("secretariat", 200)],
)
def test_a_drafts_history_is_only_for_those_who_may_see_the_draft(
    persona, status, personas, cambodia
) -> None:
    draft = report_with_actions(party=cambodia)
    response = client_for(personas[persona]).get(reverse("report-history", args=[draft.pk]))
    assert response.status_code == status


def test_reports_of_two_parties_are_not_compared(cambodia, gabon) -> None:
    kh = report_with_actions(party=cambodia, status="published")
    ga = report_with_actions(party=gabon, status="published")
    assert client_for(None).get(reverse("report-compare", args=[kh.pk, ga.pk])).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 404), ("gaelle", 404), ("chan", 200), ("secretariat", 200)],
)
def test_the_source_document_downloads_only_for_those_who_see_the_report(
    persona, status, personas
) -> None:
    from pathlib import Path

    from tusk.documents.services import report_import

    raw = (
        Path(__file__).resolve().parents[3] / "niapdoc/tests/fixtures/cambodia-sc66.txt"
    ).read_bytes()
    report = report_import(raw=raw, filename="cambodia-sc66.txt").report
    response = client_for(personas[persona]).get(reverse("report-source", args=[report.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith(
            'attachment; filename="cambodia-sc66.txt"'
        )
        assert response["Content-Type"] == "application/octet-stream"
        assert b"".join(response.streaming_content) == raw  # type: ignore[attr-defined]
