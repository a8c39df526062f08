"""The report workflow: drafts change, submitted revisions never do, and every move is audited."""

from __future__ import annotations

import pytest

from tusk.core.errors import Frozen, StaleEdit, WorkflowError
from tusk.core.models import AuditEvent
from tusk.reports import services
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ProgressReport
from tusk.testing.factories import report_with_actions

pytestmark = pytest.mark.django_db


def test_it_edits_a_draft_and_records_who_why_and_what_before(cambodia, chan) -> None:
    report = report_with_actions(party=cambodia)
    services.report_update_draft(
        report=report,
        actor=chan,
        changes={"prepared_by": "Forestry Administration"},
        reason="name the agency",
    )
    event = AuditEvent.objects.get(verb="report.edit")
    assert (event.actor, event.reason, event.party) == (chan, "name the agency", cambodia)
    assert event.before == {"prepared_by": ""}
    assert event.after == {"prepared_by": "Forestry Administration"}
    last = ProgressReport.history.filter(id=report.pk).first()
    assert (last.history_user, last.prepared_by) == (chan, "Forestry Administration")


def test_it_submits_a_draft_and_audits_the_move(cambodia, chan) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    assert report.status == ReportStatus.SUBMITTED and report.submitted_at is not None
    event = AuditEvent.objects.get(verb="report.submit")
    assert (event.before, event.after) == ({"status": "draft"}, {"status": "submitted"})


def test_a_submitted_report_cannot_be_edited_in_place(cambodia, chan) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    with pytest.raises(Frozen, match="submitted and can no longer be changed in place"):
        services.report_update_draft(report=report, actor=chan, changes={"prepared_by": "X"})
    progress = report.progress.get(code="1.1")
    with pytest.raises(Frozen):
        services.progress_update(progress=progress, actor=chan, changes={"rating": "unclear"})
    progress.refresh_from_db()
    assert progress.rating == "on_track"
    assert not AuditEvent.objects.filter(verb__in=["report.edit", "progress.edit"]).exists()


def test_it_revises_a_frozen_report_into_a_new_draft_and_keeps_the_old_one(cambodia, chan) -> None:
    old = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    new = services.report_revise(report=old, actor=chan, reason="correct 1.2")
    services.progress_update(
        progress=new.progress.get(code="1.2"),
        actor=chan,
        changes={"rating": "on_track"},
        reason="the law passed",
    )
    old.refresh_from_db()
    assert (old.status, old.is_current, old.progress.get(code="1.2").rating) == (
        "submitted",
        False,
        "challenging",
    )
    assert (new.revision, new.status, new.is_current) == (2, "draft", True)
    assert new.progress.get(code="1.2").rating == "on_track"
    assert AuditEvent.objects.filter(verb="report.revise", reason="correct 1.2").exists()


def test_it_refuses_a_stale_edit_and_keeps_the_other_persons_work(cambodia, chan) -> None:
    report = report_with_actions(party=cambodia)
    opened_at = report.lock_version
    services.report_update_draft(
        report=report, actor=chan, changes={"synopsis_overview": "Mine"}, expected_version=opened_at
    )
    with pytest.raises(StaleEdit, match="Someone else saved this report"):
        services.report_update_draft(
            report=report,
            actor=chan,
            changes={"synopsis_overview": "Theirs"},
            expected_version=opened_at,
        )
    report.refresh_from_db()
    assert report.synopsis_overview == "Mine"


def test_it_refuses_a_rating_from_the_other_scale(cambodia, chan) -> None:
    report = report_with_actions(party=cambodia)  # niap4
    with pytest.raises(WorkflowError, match="not on this report's scale"):
        services.progress_update(
            progress=report.progress.first(), actor=chan, changes={"rating": "partial_progress"}
        )


def test_it_follows_the_workflow_and_refuses_a_skipped_step(cambodia, chan, sofia) -> None:
    report = report_with_actions(party=cambodia)
    with pytest.raises(WorkflowError, match="draft cannot be moved to published"):
        services.report_publish(report=report, actor=sofia)
    report = services.report_submit(report=report, actor=chan)
    report = services.report_start_review(report=report, actor=sofia)
    report = services.report_mark_assessed(report=report, actor=sofia)
    report = services.report_publish(report=report, actor=sofia)
    assert report.status == "published" and report.published_at is not None
    verbs = list(AuditEvent.objects.order_by("id").values_list("verb", flat=True))
    assert verbs == ["report.submit", "report.review", "report.assess", "report.publish"]


def test_returning_a_report_needs_a_reason(cambodia, chan, sofia) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    with pytest.raises(WorkflowError, match="Say why"):
        services.report_return(report=report, actor=sofia, reason=" ")
    report = services.report_return(report=report, actor=sofia, reason="Part C is empty")
    assert report.status == "returned"


def test_the_secretariat_rates_an_action_and_needs_a_reason_to_change_it(
    cambodia, chan, sofia
) -> None:
    report = services.report_submit(report=report_with_actions(party=cambodia), actor=chan)
    progress = report.progress.get(code="1.1")
    assessment = services.assessment_rate(
        progress=progress, actor=sofia, rating="challenging", comment="No draft seen yet."
    )
    assert assessment.differs
    with pytest.raises(WorkflowError, match="Say why"):
        services.assessment_rate(progress=progress, actor=sofia, rating="on_track")
    services.assessment_rate(
        progress=progress, actor=sofia, rating="on_track", reason="draft received"
    )
    event = AuditEvent.objects.filter(verb="assessment.rate").first()
    assert event is not None
    assert (event.before["rating"], event.after["rating"], event.reason) == (
        "challenging",
        "on_track",
        "draft received",
    )


def test_the_secretariat_cannot_rate_a_draft_or_off_the_scale(cambodia, chan, sofia) -> None:
    report = report_with_actions(party=cambodia)
    with pytest.raises(WorkflowError, match="Only a submitted report"):
        services.assessment_rate(progress=report.progress.first(), actor=sofia, rating="unclear")
    report = services.report_submit(report=report, actor=chan)
    with pytest.raises(WorkflowError, match="not on this report's scale"):
        services.assessment_rate(progress=report.progress.first(), actor=sofia, rating="achieved")


def test_the_workflow_sends_its_emails_after_the_change_is_committed(
    cambodia, chan, sofia, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    chan.email, sofia.email = "chan@fa.gov.kh", "sofia@cites.org"
    chan.save()
    sofia.save()
    report = report_with_actions(party=cambodia)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_submit(report=report, actor=chan)
    assert [m.to for m in mailoutbox] == [["sofia@cites.org"]]
    assert "Cambodia submitted its progress report for SC66" in mailoutbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(report=report, actor=sofia, reason="Part C is empty for 1.2")
    assert mailoutbox[1].to == ["chan@fa.gov.kh"]
    assert "Part C is empty for 1.2" in mailoutbox[1].body
    assert f"/reports/{report.pk}/" in mailoutbox[1].body


def test_no_email_leaves_when_the_change_fails(cambodia, chan, mailoutbox) -> None:
    chan.email = "chan@fa.gov.kh"
    chan.save()
    report = report_with_actions(party=cambodia, status="published")
    with pytest.raises(WorkflowError):
        services.report_submit(report=report, actor=chan)
    assert mailoutbox == []
