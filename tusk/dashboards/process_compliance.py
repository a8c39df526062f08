"""Reporting compliance for the process overview: per meeting that takes NIAP reports, the
Parties expected to report and whether they did so on time, late or not at all (the rules are in
`compliance_for_user`)."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Case, F, OuterRef, QuerySet, Subquery, When
from django.utils import timezone

from tusk.core.choices import Stage
from tusk.core.models import Meeting, Party
from tusk.documents.annex import percent
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ProgressReport
from tusk.reports.selectors import current_reports, report_list_for_user

if TYPE_CHECKING:
    from tusk.dashboards.process import Scope

# Where a Party expected at a meeting stands, in the order the table and the chart show them.
ON_TIME, LATE, MISSING, NOT_YET_DUE = "on_time", "late", "missing", "not_yet_due"
COMPLIANCE_STATES: tuple[str, ...] = (ON_TIME, LATE, MISSING, NOT_YET_DUE)


@dataclass(frozen=True)
class ComplianceRow:
    """A meeting that takes NIAP reports and where the Parties expected to report stand."""

    meeting: Meeting
    due: datetime.date | None
    counts: dict[str, int]

    @property
    def expected(self) -> int:
        """How many Parties were expected to report."""
        return sum(self.counts.values())

    def count(self, state: str) -> int:
        """How many expected Parties are in `state`."""
        return self.counts.get(state, 0)

    @property
    def on_time_percent(self) -> int | None:
        """The share of the expected Parties that reported by the due date."""
        return percent(self.count(ON_TIME), self.expected) if self.expected else None


def _submissions(*, user: Any, scope: Scope) -> QuerySet[Any]:
    """Per Party and meeting that takes reports, when its report was first submitted: the
    current revision must be one the user may see and not a draft; a revision made after a
    return keeps the date of the first, as the review queue counts it."""
    first = (
        ProgressReport.objects.filter(
            party_id=OuterRef("party_id"),
            meeting_id=OuterRef("meeting_id"),
            submitted_at__isnull=False,
        )
        .order_by("submitted_at")
        .values("submitted_at")[:1]
    )
    return (
        current_reports(report_list_for_user(user=user))
        .select_related(None)
        .exclude(status=ReportStatus.DRAFT)
        .filter(party_id__in=scope.party_ids, meeting__takes_niap_reports=True)
        .annotate(first=Case(When(revision=1, then=F("submitted_at")), default=Subquery(first)))
        .values_list("party_id", "meeting_id", "first")
        .order_by()
    )


def _span(reported: set[int], meetings: list[Meeting]) -> tuple[int, int] | None:
    """The positions in `meetings` of the first and the last meeting a Party reported to."""
    positions = [i for i, m in enumerate(meetings) if m.pk in reported]
    return (positions[0], positions[-1]) if positions else None


def _expected(party: Party, span: tuple[int, int] | None, index: int) -> bool:
    """The rule of `compliance_for_user`, for one Party and the meeting at `index`."""
    if span is None or index < span[0]:
        return False
    return index <= span[1] if party.stage == Stage.EXITED else True


def _state(
    first: datetime.datetime | None,
    submitted: bool,
    due: datetime.date | None,
    today: datetime.date,
) -> str:
    if not submitted:
        return NOT_YET_DUE if due is not None and due >= today else MISSING
    if first is None or due is None:
        # Nothing shows it was late: an old report read from a document, or a meeting with
        # no date yet.
        return ON_TIME
    return ON_TIME if timezone.localdate(first) <= due else LATE


def compliance_for_user(
    *, user: Any, scope: Scope, today: datetime.date | None = None
) -> list[ComplianceRow]:
    """Per meeting that takes NIAP reports (up to the chosen one), the Parties expected to
    report and how many did so by the due date, after it, or not at all. One query.

    Who is expected: a Party in the scope is expected at a meeting when it had reported (a
    report the user may see, not a draft) at that meeting or an earlier one; an exited Party
    only up to the last meeting it reported to. Its first report marks its entry into the
    reporting cycle (`tusk.documents.demo_generate.schedule` starts each Party a year or
    more after the CoP that named it, so a category alone does not say when reports
    begin), and an exited Party owes nothing after it left. A Party that never reported is
    not counted. On time: the first revision was submitted on or before the due date
    (`Meeting.due_date`). Not yet due: nothing submitted and the due date is today or
    later. Counts come from the reports the user may see: for everyone but the Secretariat
    and a Party's focal points, a report counts once published.
    """
    today = today or timezone.localdate()
    meetings = scope.reporting_meetings
    everything = [m for m in scope.meetings if m.takes_niap_reports]
    reported: dict[int, set[int]] = defaultdict(set)
    first: dict[tuple[int, int], datetime.datetime | None] = {}
    for party_id, meeting_id, submitted in _submissions(user=user, scope=scope):
        reported[party_id].add(meeting_id)
        first[party_id, meeting_id] = submitted
    spans = {
        row.party.pk: _span(reported.get(row.party.pk, set()), everything) for row in scope.parties
    }
    rows = []
    for meeting in meetings:
        index = everything.index(meeting)
        due = meeting.due_date
        counts: Counter[str] = Counter()
        for row in scope.parties:
            party_id = row.party.pk
            if not _expected(row.party, spans[party_id], index):
                continue
            key = (party_id, meeting.pk)
            counts[_state(first.get(key), key in first, due, today)] += 1
        rows.append(ComplianceRow(meeting=meeting, due=due, counts=dict(counts)))
    return rows
