"""Reads of a report's history: who changed what, when and why, and how two reports differ.

Built on the user-scoped selectors: a history shows only what the user may see of the report,
and the Secretariat's assessments only where `assessments_visible` allows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tusk.core.models import AuditEvent
from tusk.reports.choices import Rating
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.reports.selectors import assessments_visible, report_get_for_user

TRACKED = ("rating", "rating_part_b", "rating_part_c", "title", "progress", "flagged")
REPORT_TRACKED = (
    "status",
    "period_start",
    "period_end",
    "prepared_by",
    "synopsis_overview",
    "synopsis_progress",
    "synopsis_outlook",
)
LABELS = dict(Rating.choices)


@dataclass
class Change:
    """One field that changed, with its value before and after."""

    field: str
    before: Any
    after: Any


@dataclass
class Entry:
    """One moment in a report's history."""

    when: datetime.datetime
    who: str
    what: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


@dataclass
class History:
    """A report's history, newest first, and the revisions it belongs to."""

    report: ProgressReport
    entries: list[Entry]
    revisions: list[ProgressReport]


def _display(name: str, value: Any) -> Any:
    if name.startswith("rating") and value:
        return LABELS.get(value, value)
    if isinstance(value, list):
        return " · ".join(str(v) for v in value)
    return value


def _row_changes(history: Any, fields: tuple[str, ...]) -> list[Change]:
    previous = history.prev_record
    if previous is None:
        return []
    delta = history.diff_against(previous, included_fields=list(fields))
    return [
        Change(c.field, _display(c.field, c.old), _display(c.field, c.new)) for c in delta.changes
    ]


def report_history_for_user(*, user: Any, pk: int) -> History:
    """Everything that happened to a report the user may see, newest first."""
    report = report_get_for_user(user=user, pk=pk)
    show_assessments = assessments_visible(user=user, report=report)
    entries: list[Entry] = []
    progress = list(ActionProgress.objects.filter(report=report).order_by("order"))
    codes = {p.pk: p.code for p in progress}
    for row in ProgressReport.history.filter(id=report.pk).select_related("history_user"):
        changes = _row_changes(row, REPORT_TRACKED)
        if row.history_type == "~" and not changes:
            continue
        entries.append(
            Entry(row.history_date, str(row.history_user or "Tusk"), _verb(row.history_type),
                  "", row.history_change_reason or "", changes)
        )  # fmt: skip
    history_rows = ActionProgress.history.filter(id__in=codes).select_related("history_user")
    for row in history_rows:
        changes = _row_changes(row, TRACKED)
        if row.history_type == "~" and not changes:
            continue
        entries.append(
            Entry(row.history_date, str(row.history_user or "Tusk"), _verb(row.history_type),
                  codes.get(row.id, row.code), row.history_change_reason or "", changes)
        )  # fmt: skip
    if show_assessments:
        assessment_rows = Assessment.history.filter(progress_id__in=codes).select_related(
            "history_user"
        )
        for row in assessment_rows:
            changes = _row_changes(row, ("rating", "comment"))
            if row.history_type == "+":
                changes = [
                    Change("rating", None, _display("rating", row.rating)),
                    Change("comment", None, row.comment),
                ]
            entries.append(
                Entry(row.history_date, str(row.history_user or "Tusk"),
                      _("Secretariat's assessment"), codes.get(row.progress_id, ""),
                      row.history_change_reason or "", changes)
            )  # fmt: skip
    # Workflow moves carry their reason in the audit trail (a return's comments, for one).
    report_type = ContentType.objects.get_for_model(ProgressReport)
    events = AuditEvent.objects.filter(
        Q(target_type=report_type, target_id=str(report.pk)), ~Q(verb="report.edit")
    ).select_related("actor")
    for event in events:
        if event.verb in {"report.assess", "report.review"} and not show_assessments:
            continue
        entries.append(
            Entry(event.created_at, str(event.actor or "Tusk"), _verb(event.verb), "", event.reason,
                  [Change("status", (event.before or {}).get("status"),
                          (event.after or {}).get("status"))]
                  if event.before or event.after else [])
        )  # fmt: skip
    entries.sort(key=lambda e: e.when, reverse=True)
    revisions = list(
        ProgressReport.objects.filter(party=report.party, meeting=report.meeting)
        .filter(pk__in=_visible_ids(user, report))
        .order_by("-revision")
    )
    return History(report, entries, revisions)


def _visible_ids(user: Any, report: ProgressReport) -> list[int]:
    from tusk.reports.selectors import report_list_for_user

    return list(
        report_list_for_user(user=user)
        .filter(party=report.party, meeting=report.meeting)
        .values_list("pk", flat=True)
    )


VERBS = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
    "report.import": gettext_lazy("imported from a document"),
    "report.submit": gettext_lazy("submitted"),
    "report.review": gettext_lazy("taken into review"),
    "report.return": gettext_lazy("returned to the Party"),
    "report.assess": gettext_lazy("marked as assessed"),
    "report.publish": gettext_lazy("published"),
    "report.revise": gettext_lazy("revised into a new draft"),
}


def _verb(history_type: str) -> str:
    return str(VERBS.get(history_type, history_type))


@dataclass
class ActionDiff:
    """How one action differs between two reports."""

    code: str
    title: str
    before: str | None
    after: str | None
    state: str  # "changed", "same", "added", "removed"
    progress_changed: bool = False
    lineage: str = ""


@dataclass
class Comparison:
    """Two reports of a Party side by side, action by action."""

    older: ProgressReport
    newer: ProgressReport
    actions: list[ActionDiff]
    synopsis_changed: list[str]


def _progress_for(report: ProgressReport) -> list[ActionProgress]:
    return list(
        ActionProgress.objects.filter(report=report)
        .select_related("action__replaces")
        .order_by("order")
    )


def report_compare_for_user(*, user: Any, pk: int, other_pk: int) -> Comparison:
    """Two reports of the same Party the user may see: revisions, or two meetings."""
    first = report_get_for_user(user=user, pk=pk)
    second = report_get_for_user(user=user, pk=other_pk)
    if first.party_id != second.party_id:
        from django.http import Http404

        raise Http404("Reports of different Parties are not compared.")
    older, newer = sorted(
        (first, second),
        key=lambda r: (r.meeting.start_date or datetime.date.min, r.meeting.number, r.revision),
    )
    old_rows = {p.code: p for p in _progress_for(older)}
    old_by_action = {p.action_id: p for p in old_rows.values() if p.action_id}
    diffs: list[ActionDiff] = []
    matched: set[str] = set()
    for row in _progress_for(newer):
        previous = old_rows.get(row.code)
        lineage = ""
        if previous is None and row.action and row.action.replaces_id:
            previous = old_by_action.get(row.action.replaces_id)
            if previous is not None:
                lineage = previous.code
        if previous is None:
            diffs.append(ActionDiff(row.code, row.title, None, _label(row.rating), "added"))
            continue
        matched.add(previous.code)
        state = "same" if previous.rating == row.rating else "changed"
        diffs.append(
            ActionDiff(row.code, row.title, _label(previous.rating), _label(row.rating), state,
                       previous.progress != row.progress, lineage)
        )  # fmt: skip
    for code, row in old_rows.items():
        if code not in matched:
            diffs.append(ActionDiff(code, row.title, _label(row.rating), None, "removed"))
    parts = []
    for name, label in (
        ("synopsis_overview", "overview"),
        ("synopsis_progress", "progress to date"),
        ("synopsis_outlook", "future outlook"),
    ):
        if getattr(older, name) != getattr(newer, name):
            parts.append(label)
    return Comparison(older, newer, diffs, parts)


def _label(code: str | None) -> str | None:
    return str(LABELS.get(code, code)) if code else None
