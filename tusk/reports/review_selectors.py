"""Reads of the Secretariat's review: which Parties owe a report for a meeting, where each one
stands, and everything the review page of one report shows.

Each read takes a fixed number of queries however many Parties, reports or actions there are,
and is built on the reports app's user-scoped selectors, so that it shows no more than the
user may see. A draft is never handed to a template here: the queue only says that nothing
was submitted, and the review page of a draft shows no content.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tusk.core.choices import Stage
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import AuditEvent, Meeting, Party, PartyCategory
from tusk.core.pages_selectors import cycle_number
from tusk.core.selectors import meeting_get_by_code
from tusk.plans.models import Pillar, Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.reports.selectors import current_reports, report_get_for_user, report_list_for_user

# Where a Party stands for a meeting, in the order the queue counts them.
MISSING = "missing"
QUEUE_STATES: tuple[str, ...] = (
    MISSING,
    ReportStatus.SUBMITTED,
    ReportStatus.UNDER_REVIEW,
    ReportStatus.RETURNED,
    ReportStatus.ASSESSED,
    ReportStatus.PUBLISHED,
)
# The states in which the Secretariat has work to do.
WAITING_STATES = frozenset({ReportStatus.SUBMITTED, ReportStatus.UNDER_REVIEW})
_NO_CATEGORY = "~"
# What a report says, as opposed to where it stands: the queue never reads it.
CONTENT_FIELDS = (
    "prepared_by",
    "synopsis_overview",
    "synopsis_progress",
    "synopsis_outlook",
    "period_start",
    "period_end",
)


def state_label(state: str) -> Any:
    """A queue state in words, in the active language."""
    if state == MISSING:
        return gettext_lazy("Not submitted")
    if state == ReportStatus.RETURNED:
        return gettext_lazy("Returned")
    return ReportStatus(state).label


@dataclass(frozen=True)
class QueueRow:
    """One Party due for a meeting and where its report stands.

    `report` is the current revision once one was submitted; it is None while the Party has
    nothing or only a draft, so that no template can show a draft's content.
    """

    party: Party
    category: PartyCategory | None
    state: str
    report: ProgressReport | None
    first_submitted: datetime.datetime | None
    days_late: int | None
    days_overdue: int | None
    revising: bool

    @property
    def state_label(self) -> Any:
        """Where the report stands, in words."""
        return state_label(self.state)

    @property
    def is_late(self) -> bool:
        """Whether the first revision reached the Secretariat after the due date."""
        return bool(self.days_late and self.days_late > 0)


@dataclass(frozen=True)
class StateCount:
    """How many Parties of a meeting are in one state."""

    state: str
    count: int

    @property
    def label(self) -> Any:
        """The state in words."""
        return state_label(self.state)


@dataclass(frozen=True)
class Queue:
    """The review queue of one meeting: every due Party, and the counts per state."""

    meeting: Meeting
    rows: list[QueueRow]
    counts: list[StateCount]
    late: int

    @property
    def due(self) -> int:
        """How many Parties owe a report for the meeting."""
        return len(self.rows)

    def count(self, state: str) -> int:
        """How many due Parties are in `state`."""
        return next((c.count for c in self.counts if c.state == state), 0)


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting that takes NIAP reports, with its queue's counts."""

    meeting: Meeting
    due: int
    counts: list[StateCount]

    @property
    def waiting(self) -> int:
        """Reports waiting for the Secretariat: submitted or under review."""
        return sum(c.count for c in self.counts if c.state in WAITING_STATES)


def _cop_starts() -> dict[int, datetime.date | None]:
    """The first day of each CoP by number, to tell when an ETIS cycle's categories applied."""
    return dict(Meeting.objects.filter(kind="CoP").values_list("number", "start_date"))


def _named_before(
    categories: Iterable[PartyCategory],
    meeting: Meeting,
    cops: dict[int, datetime.date | None],
) -> list[PartyCategory]:
    """The categories already set when `meeting` opened, newest cycle first.

    A cycle whose CoP or whose meeting has no known date counts as set: better a Party shown
    as owing a report than one silently left out.
    """
    found = []
    for category in categories:
        parsed = parse_meeting_code(category.cycle)
        cop_start = cops.get(parsed[1]) if parsed and parsed[0] == "CoP" else None
        if cop_start is None or meeting.start_date is None or cop_start < meeting.start_date:
            found.append(category)
    return sorted(found, key=lambda c: cycle_number(c.cycle), reverse=True)


def _is_due(
    party: Party,
    meeting: Meeting,
    named: list[PartyCategory],
    *,
    has_report: bool,
    has_plan: bool,
) -> bool:
    """The rule of which Parties owe a report for a meeting (see `queue_for_user`)."""
    if has_report:
        return True
    if not party.in_niap_process or party.stage == Stage.EXITED:
        return False
    if party.categories.all():
        return bool(named)
    return has_plan


def _candidates(*, reported_ids: set[int]) -> list[Party]:
    """The Parties that may owe a report, with their categories and whether they have a plan:
    those in the process and those that sent one. Parties are public, so no user is needed.
    Two queries, whatever the number of Parties.
    """
    parties = (
        Party.objects.filter(Q(in_niap_process=True) | Q(pk__in=reported_ids))
        .annotate(has_plan=Exists(Plan.objects.filter(party=OuterRef("pk"))))
        .prefetch_related("categories")
    )
    return list(parties)


def _state_of(report: ProgressReport | None) -> tuple[str, bool]:
    """The queue state of a current revision, and whether the Party is revising a returned one.

    A draft is "missing" while it is the first revision; a draft made after a return counts
    as returned, since the Party is answering the Secretariat.
    """
    if report is None:
        return MISSING, False
    if report.status == ReportStatus.DRAFT:
        if report.previous_id is not None and _first_submitted(report) is not None:
            return ReportStatus.RETURNED, True
        return MISSING, False
    return str(report.status), False


def _first_submitted(report: ProgressReport) -> datetime.datetime | None:
    """When any revision of the report was first submitted (annotated by `_current_for`)."""
    first: datetime.datetime | None = getattr(report, "first_submitted", None)
    return first


def _days_between(later: datetime.date, earlier: datetime.date) -> int:
    return (later - earlier).days


def _row(
    party: Party,
    meeting: Meeting,
    named: list[PartyCategory],
    report: ProgressReport | None,
    today: datetime.date,
) -> QueueRow:
    state, revising = _state_of(report)
    first = _first_submitted(report) if report is not None else None
    due = meeting.due_date
    days_late = None
    if first is not None and due is not None:
        days_late = _days_between(timezone.localdate(first), due)
    days_overdue = None
    meeting_over = (meeting.end_date or meeting.start_date or today) < today
    if state == MISSING and due is not None and due < today and not meeting_over:
        days_overdue = _days_between(today, due)
    shown = report if report is not None and report.status != ReportStatus.DRAFT else None
    return QueueRow(
        party=party,
        category=named[0] if named else None,
        state=state,
        report=shown,
        first_submitted=first,
        days_late=days_late,
        days_overdue=days_overdue,
        revising=revising,
    )


def _current_for(user: Any, meetings: QuerySet[Meeting] | list[Meeting]) -> QuerySet[Any]:
    """The current revisions of the meetings' reports, with when their first revision came.

    Content fields are left unread: the queue has no business with a draft's text.
    """
    first = (
        ProgressReport.objects.filter(
            party=OuterRef("party"), meeting=OuterRef("meeting"), submitted_at__isnull=False
        )
        .order_by("submitted_at")
        .values("submitted_at")[:1]
    )
    return (
        current_reports(report_list_for_user(user=user))
        .filter(meeting__in=meetings)
        .defer(*CONTENT_FIELDS)
        .annotate(first_submitted=Subquery(first))
    )


def _rows_of(
    meeting: Meeting,
    parties: list[Party],
    reports: dict[int, ProgressReport],
    cops: dict[int, datetime.date | None],
    today: datetime.date,
) -> list[QueueRow]:
    rows = []
    for party in parties:
        named = _named_before(party.categories.all(), meeting, cops)
        report = reports.get(party.pk)
        if _is_due(
            party,
            meeting,
            named,
            has_report=report is not None,
            has_plan=bool(getattr(party, "has_plan", False)),
        ):
            rows.append(_row(party, meeting, named, report, today))
    rows.sort(
        key=lambda r: (
            r.category.category if r.category else _NO_CATEGORY,
            r.party.display_name.casefold(),
        )
    )
    return rows


def _counts(rows: Iterable[QueueRow]) -> list[StateCount]:
    counter = Counter(row.state for row in rows)
    return [StateCount(state=state, count=counter.get(state, 0)) for state in QUEUE_STATES]


def queue_for_user(*, user: Any, meeting: Meeting, today: datetime.date | None = None) -> Queue:
    """Every Party due for `meeting`, where its report stands, and the counts per state.

    The rule: a Party is due for a meeting when it has a report for it (whatever its state);
    otherwise when it is in the NIAP process and has not exited, and either the Standing
    Committee had named it before the meeting opened (a category of an ETIS cycle whose CoP
    began before the meeting) or, never having had a category, it has a plan. The category
    shown is the one in force at the meeting. Parties are sorted by that category (A first,
    none last), then by name. Five queries, whatever the number of Parties.
    """
    today = today or timezone.localdate()
    reports = {r.party_id: r for r in _current_for(user, [meeting])}
    parties = _candidates(reported_ids=set(reports))
    rows = _rows_of(meeting, parties, reports, _cop_starts(), today)
    late = sum(1 for row in rows if row.is_late)
    return Queue(meeting=meeting, rows=rows, counts=_counts(rows), late=late)


def meetings_for_review(*, user: Any, today: datetime.date | None = None) -> list[MeetingSummary]:
    """The meetings that take NIAP reports, newest first, each with its queue's counts.

    Five queries, whatever the number of meetings, Parties and reports.
    """
    today = today or timezone.localdate()
    meetings = list(
        Meeting.objects.filter(takes_niap_reports=True).order_by(
            F("start_date").desc(nulls_last=True), "-number"
        )
    )
    by_meeting: dict[int, dict[int, ProgressReport]] = {}
    for report in _current_for(user, meetings):
        by_meeting.setdefault(report.meeting_id, {})[report.party_id] = report
    reported = {pid for reports in by_meeting.values() for pid in reports}
    parties = _candidates(reported_ids=reported)
    cops = _cop_starts()
    summaries = []
    for meeting in meetings:
        rows = _rows_of(meeting, parties, by_meeting.get(meeting.pk, {}), cops, today)
        summaries.append(MeetingSummary(meeting=meeting, due=len(rows), counts=_counts(rows)))
    return summaries


@dataclass
class ReviewLine:
    """One action of the report under review, with what the Secretariat said and what is wrong.

    `earlier` is the Secretariat's assessment of the same action code on the revision before,
    shown as a reminder when a returned report comes back.
    """

    progress: ActionProgress
    assessment: Assessment | None
    findings: list[Finding]
    earlier: Assessment | None
    form: Any = None

    @property
    def parts_differ(self) -> bool:
        """Whether Part B and Part C of the report rate the action differently."""
        return self.progress.rating_part_b != self.progress.rating_part_c

    @property
    def diverges(self) -> bool:
        """Whether the Secretariat's rating shown (as just sent, else as stored) differs from
        the Party's."""
        if self.form is not None:
            return bool(self.form.diverges)
        return self.assessment is not None and self.assessment.differs


@dataclass
class ReviewPillar:
    """A pillar as the report numbers it, and its actions in the report's order."""

    number: str
    name: str
    lines: list[ReviewLine] = field(default_factory=list)


@dataclass
class ReviewPage:
    """Everything the review page of one report shows."""

    report: ProgressReport
    pillars: list[ReviewPillar]
    general_findings: list[Finding]
    returns: list[AuditEvent]

    @property
    def lines(self) -> list[ReviewLine]:
        """Every action, in the report's order."""
        return [line for pillar in self.pillars for line in pillar.lines]

    @property
    def unrated(self) -> int:
        """How many actions the Secretariat has not rated yet."""
        return sum(1 for line in self.lines if not (line.assessment and line.assessment.rating))

    @property
    def differing(self) -> int:
        """How many actions the Secretariat rates differently from the Party."""
        return sum(1 for line in self.lines if line.assessment and line.assessment.differs)

    @property
    def days_late(self) -> int | None:
        """How many days after the due date this revision was submitted (negative: early)."""
        due = self.report.meeting.due_date
        if self.report.submitted_at is None or due is None:
            return None
        return _days_between(timezone.localdate(self.report.submitted_at), due)

    @property
    def is_draft(self) -> bool:
        """Whether the Party has not submitted this revision: there is nothing to review."""
        return self.report.status == ReportStatus.DRAFT

    @property
    def can_rate(self) -> bool:
        """Whether the ratings may still change (a submitted report, or one under review)."""
        return self.report.status in WAITING_STATES


def _assessment_of(progress: ActionProgress) -> Assessment | None:
    try:
        return progress.assessment
    except Assessment.DoesNotExist:
        return None


def review_page_for_user(*, user: Any, pk: int) -> ReviewPage:
    """The review page of a report: 404 if `user` may not see it, 403 if it may not assess it.

    Six queries whatever the number of actions; a draft's actions and findings are not read.
    """
    report = report_get_for_user(user=user, pk=pk, action="assess")
    returns = list(
        AuditEvent.objects.filter(
            verb="report.return",
            target_type=ContentType.objects.get_for_model(ProgressReport),
            target_id__in=[str(report.pk), str(report.previous_id or "")],
        ).order_by("-created_at", "-id")
    )
    if report.status == ReportStatus.DRAFT:
        return ReviewPage(report=report, pillars=[], general_findings=[], returns=returns)
    names = dict(Pillar.objects.filter(plan_id=report.plan_id).values_list("number", "name"))
    findings: dict[str, list[Finding]] = {}
    general: list[Finding] = []
    for finding in Finding.objects.filter(report=report).order_by("order", "id"):
        if finding.action_code:
            findings.setdefault(finding.action_code, []).append(finding)
        else:
            general.append(finding)
    earlier: dict[str, Assessment] = {}
    if report.previous_id is not None:
        earlier = {
            a.progress.code: a
            for a in Assessment.objects.filter(progress__report_id=report.previous_id)
            .exclude(rating__isnull=True)
            .select_related("progress")
        }
    pillars: dict[str, ReviewPillar] = {}
    progress_list = (
        ActionProgress.objects.filter(report=report)
        .select_related("assessment")
        .order_by("order", "id")
    )
    for progress in progress_list:
        pillar = pillars.get(progress.pillar)
        if pillar is None:
            pillar = pillars[progress.pillar] = ReviewPillar(
                number=progress.pillar, name=names.get(progress.pillar, "")
            )
        pillar.lines.append(
            ReviewLine(
                progress=progress,
                assessment=_assessment_of(progress),
                findings=findings.get(progress.code, []),
                earlier=earlier.get(progress.code),
            )
        )
    return ReviewPage(
        report=report, pillars=list(pillars.values()), general_findings=general, returns=returns
    )


def meeting_with_reports_get(code: str) -> Meeting:
    """A meeting that takes NIAP reports by its code (SC78), or 404."""
    meeting = meeting_get_by_code(code)
    if not meeting.takes_niap_reports:
        raise Http404("This meeting takes no NIAP reports.")
    return meeting
