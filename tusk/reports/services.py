"""Every write of progress reports: drafts, the workflow, revisions and assessments.

A report's content changes only while it is a draft. Submitting freezes it; a change after
that is made on a new revision (`report_revise`), so nothing a Party submitted is ever
overwritten. Every function here runs in a transaction and writes an audit event.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from niapdoc.scales import in_scale
from tusk.core.errors import Frozen, StaleEdit, WorkflowError
from tusk.core.services import audit_record, history_note, snapshot
from tusk.plans.services import plan_adopt
from tusk.reports.choices import TRANSITIONS, ReportStatus, status_phrase
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.reports.notify import notify_report

DRAFT_FIELDS = (
    "period_start",
    "period_end",
    "prepared_by",
    "synopsis_overview",
    "synopsis_progress",
    "synopsis_outlook",
)
PROGRESS_FIELDS = ("rating", "rating_part_b", "rating_part_c", "progress", "title", "flagged")


def _ensure_draft(report: ProgressReport) -> None:
    if report.is_frozen:
        raise Frozen(
            _(
                "The report {report} is {status} and can no longer be changed in place; "
                "make a new revision to change it."
            ).format(report=report, status=status_phrase(report.get_status_display()))
        )


def _lock_draft(report: ProgressReport, expected_version: int | None) -> ProgressReport:
    """Re-read the report under a row lock and claim its next edit version.

    The version moves by a conditional UPDATE, so of two people who opened the same version
    only the first to save gets it; the second is refused (StaleEdit) and nothing of theirs
    overwrites the first one's work.
    """
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    _ensure_draft(locked)
    rows = ProgressReport.objects.filter(pk=report.pk, status=ReportStatus.DRAFT)
    if expected_version is not None:
        rows = rows.filter(lock_version=expected_version)
    if not rows.update(lock_version=F("lock_version") + 1):
        raise StaleEdit(
            _(
                "Someone else saved this report since you opened it; your changes were not "
                "saved. Reload the page to see their version, then make your changes again."
            )
        )
    locked.refresh_from_db(fields=["lock_version"])
    return locked


@transaction.atomic
def report_update_draft(
    *,
    report: ProgressReport,
    actor: Any,
    changes: Mapping[str, str],
    expected_version: int | None = None,
    reason: str = "",
) -> ProgressReport:
    """Change a draft's header and synopsis; refused once the report is submitted."""
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"not a draft field: {', '.join(sorted(unknown))}")
    locked = _lock_draft(report, expected_version)
    before = snapshot(locked, changes)
    for name, value in changes.items():
        setattr(locked, name, value)
    history_note(locked, actor=actor, reason=reason)
    locked.save()
    audit_record(
        actor=actor,
        verb="report.edit",
        target=locked,
        before=before,
        after=snapshot(locked, changes),
        reason=reason,
    )
    return locked


@transaction.atomic
def progress_update(
    *,
    progress: ActionProgress,
    actor: Any,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
    reason: str = "",
) -> ActionProgress:
    """Change what a draft says of one action: its ratings, title, flag or progress text."""
    unknown = set(changes) - set(PROGRESS_FIELDS)
    if unknown:
        raise ValueError(f"not an action progress field: {', '.join(sorted(unknown))}")
    report = _lock_draft(progress.report, expected_version)
    for name in ("rating", "rating_part_b", "rating_part_c"):
        if name in changes and not in_scale(changes[name], report.scale):
            raise WorkflowError(
                _("The rating {rating} is not on this report's scale.").format(rating=changes[name])
            )
    before = snapshot(progress, changes)
    for name, value in changes.items():
        setattr(progress, name, value)
    history_note(progress, actor=actor, reason=reason)
    progress.save()
    audit_record(
        actor=actor,
        verb="progress.edit",
        target=progress,
        before=before,
        after=snapshot(progress, changes),
        reason=reason,
        party=report.party,
    )
    return progress


def _move(
    report: ProgressReport,
    *,
    actor: Any,
    to: str,
    verb: str,
    reason: str = "",
    when: datetime.datetime | None = None,
) -> ProgressReport:
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if to not in TRANSITIONS[locked.status]:
        raise WorkflowError(
            _("A report that is {current} cannot be moved to {target}.").format(
                current=status_phrase(locked.get_status_display()),
                target=status_phrase(ReportStatus(to).label),
            )
        )
    before = {"status": locked.status}
    locked.status = to
    now = when or timezone.now()
    if to == ReportStatus.SUBMITTED:
        locked.submitted_at = now
    if to == ReportStatus.PUBLISHED:
        locked.published_at = now
    history_note(locked, actor=actor, reason=reason)
    locked.save()
    audit_record(
        actor=actor, verb=verb, target=locked, before=before, after={"status": to}, reason=reason
    )
    return locked


@transaction.atomic
def report_submit(
    *,
    report: ProgressReport,
    actor: Any,
    reason: str = "",
    submitted_at: datetime.datetime | None = None,
) -> ProgressReport:
    """Submit a draft to the Secretariat; from now on the revision is frozen.

    `submitted_at` records when an old report was really sent, for reports entered after the
    fact (an import of past years); it defaults to now.
    """
    moved = _move(
        report,
        actor=actor,
        to=ReportStatus.SUBMITTED,
        verb="report.submit",
        reason=reason,
        when=submitted_at,
    )
    notify_report(moved, "submitted")
    return moved


@transaction.atomic
def report_start_review(*, report: ProgressReport, actor: Any) -> ProgressReport:
    """The Secretariat takes a submitted report into review."""
    return _move(report, actor=actor, to=ReportStatus.UNDER_REVIEW, verb="report.review")


@transaction.atomic
def report_return(*, report: ProgressReport, actor: Any, reason: str) -> ProgressReport:
    """Send a report back to its Party with the Secretariat's reason."""
    if not reason.strip():
        raise WorkflowError(_("Say why the report is returned, so that the Party can fix it."))
    moved = _move(
        report, actor=actor, to=ReportStatus.RETURNED, verb="report.return", reason=reason
    )
    notify_report(moved, "returned", reason=reason)
    return moved


@transaction.atomic
def report_mark_assessed(*, report: ProgressReport, actor: Any) -> ProgressReport:
    """The Secretariat has rated every action it wants to rate."""
    moved = _move(report, actor=actor, to=ReportStatus.ASSESSED, verb="report.assess")
    notify_report(moved, "assessed")
    return moved


@transaction.atomic
def report_publish(*, report: ProgressReport, actor: Any) -> ProgressReport:
    """Make the report and its assessment public together."""
    moved = _move(report, actor=actor, to=ReportStatus.PUBLISHED, verb="report.publish")
    # A plan version first seen in this report becomes public with it.
    plan_adopt(plan=moved.plan, actor=actor, reason=f"its report for {moved.meeting} was published")
    notify_report(moved, "published")
    return moved


@transaction.atomic
def report_revise(*, report: ProgressReport, actor: Any, reason: str) -> ProgressReport:
    """Start a new draft revision from a frozen report; the frozen one stays as it was.

    The new revision copies the header, synopsis, every action's ratings and progress, and
    the findings; the Secretariat's assessments stay with the revision they were made on.
    """
    old = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not old.is_frozen:
        raise WorkflowError(_("This report is still a draft: edit it directly."))
    if not old.is_current:
        raise WorkflowError(_("Only the newest revision of a report can be revised."))
    ProgressReport.objects.filter(pk=old.pk).update(is_current=False)
    new = ProgressReport.objects.get(pk=old.pk)
    new.pk = None
    new.id = None
    new._state.adding = True
    new.revision = old.revision + 1
    new.previous = old
    new.is_current = True
    new.status = ReportStatus.DRAFT
    new.submitted_at = None
    new.published_at = None
    new.lock_version = 0
    new.created_by = actor if getattr(actor, "pk", None) else None
    history_note(new, actor=actor, reason=reason)
    new.save()
    bulk_create_with_history(
        [
            ActionProgress(
                report=new,
                action_id=p.action_id,
                code=p.code,
                pillar=p.pillar,
                title=p.title,
                flagged=p.flagged,
                rating=p.rating,
                rating_part_b=p.rating_part_b,
                rating_part_c=p.rating_part_c,
                progress=list(p.progress),
                order=p.order,
            )
            for p in old.progress.all()
        ],
        ActionProgress,
        default_user=actor if getattr(actor, "pk", None) else None,
        default_change_reason=reason,
    )
    findings_replace(report=new, findings=old.findings.all())
    audit_record(
        actor=actor,
        verb="report.revise",
        target=new,
        before={"revision": old.revision, "status": old.status},
        after={"revision": new.revision, "status": new.status},
        reason=reason,
    )
    return new


def findings_replace(*, report: ProgressReport, findings: Iterable[Any]) -> None:
    """Store a draft's findings afresh from items with code, severity, action, pillar, message.

    Called by the import and by every recomputation; findings describe the content, so they
    follow it rather than being edited by anyone.
    """
    Finding.objects.filter(report=report).delete()
    Finding.objects.bulk_create(
        Finding(
            report=report,
            code=f.code,
            severity=f.severity,
            action_code=(getattr(f, "action_code", None) or getattr(f, "action", None) or ""),
            pillar=f.pillar or "",
            message=f.message,
            order=i,
        )
        for i, f in enumerate(findings)
    )


@transaction.atomic
def assessment_rate(
    *,
    progress: ActionProgress,
    actor: Any,
    rating: str | None,
    comment: str = "",
    reason: str = "",
) -> Assessment:
    """Record the Secretariat's rating and comment on one action of a submitted report.

    Changing a rating already given asks for a reason, which goes into the history.
    """
    report = ProgressReport.objects.select_for_update().get(pk=progress.report_id)
    if report.status not in {ReportStatus.SUBMITTED, ReportStatus.UNDER_REVIEW}:
        raise WorkflowError(
            _("Only a submitted report under review can be assessed; this one is {status}.").format(
                status=status_phrase(report.get_status_display())
            )
        )
    if not in_scale(rating, report.scale):
        raise WorkflowError(
            _("The rating {rating} is not on this report's scale.").format(rating=rating)
        )
    assessment, created = Assessment.objects.get_or_create(progress=progress)
    before = None if created else snapshot(assessment, ("rating", "comment"))
    if before and before["rating"] and before["rating"] != rating and not reason.strip():
        raise WorkflowError(_("Say why the Secretariat's rating changes."))
    assessment.rating = rating
    assessment.comment = comment
    assessment.assessed_by = actor if getattr(actor, "pk", None) else None
    history_note(assessment, actor=actor, reason=reason)
    assessment.save()
    audit_record(
        actor=actor,
        verb="assessment.rate",
        target=assessment,
        before=before,
        after=snapshot(assessment, ("rating", "comment")),
        reason=reason,
        party=report.party,
    )
    return assessment
