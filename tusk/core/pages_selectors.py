"""Reads that the pages need in one piece: each gathers, with a fixed number of queries, what one
page shows, built only on the apps' own user-scoped selectors so that no page sees more than
the user may.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Prefetch, QuerySet

from tusk.accounts.access import focal_party_ids
from tusk.core.models import Meeting, Party, PartyCategory, RegionMembership
from tusk.core.selectors import party_get_for_user, party_list_for_user
from tusk.plans.models import Action, Pillar, Plan
from tusk.plans.selectors import plan_current_for_party
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, Assessment, Finding, ProgressReport
from tusk.reports.selectors import (
    assessments_visible,
    current_reports,
    report_can,
    report_get_for_user,
    report_list_for_user,
)

_CYCLE_NUMBER = re.compile(r"(\d+)")


def sort_key(name: str) -> str:
    """A name as it sorts in a list: accents and case ignored, so Éthiopie sits among the E."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def cycle_number(cycle: str) -> int:
    """The CoP number of an ETIS cycle ("CoP19" -> 19), so that CoP19 sorts after CoP9."""
    match = _CYCLE_NUMBER.search(cycle or "")
    return int(match.group(1)) if match else -1


def categories_newest_first(categories: Iterable[PartyCategory]) -> list[PartyCategory]:
    """A Party's categories, the newest ETIS cycle first."""
    return sorted(categories, key=lambda c: cycle_number(c.cycle), reverse=True)


def _newest_first(reports: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    # A meeting without dates sorts last on every database (PostgreSQL puts NULL first).
    return reports.order_by(
        F("meeting__start_date").desc(nulls_last=True), "-meeting__number", "-revision"
    )


@dataclass(frozen=True)
class PartyRow:
    """One line of the Party list."""

    party: Party
    category: PartyCategory | None
    report: ProgressReport | None


def party_rows_for_user(*, user: Any) -> list[PartyRow]:
    """Every Party in the process with its latest category and the latest report `user` may
    see, sorted by category (A first, uncategorised last) then name. Three queries.
    """
    reports = _newest_first(current_reports(report_list_for_user(user=user)))
    parties = party_list_for_user(user=user).prefetch_related(
        Prefetch("reports", queryset=reports, to_attr="visible_reports")
    )
    rows = []
    for party in parties:
        newest = categories_newest_first(party.categories.all())
        visible: list[ProgressReport] = party.visible_reports
        rows.append(
            PartyRow(
                party=party,
                category=newest[0] if newest else None,
                report=visible[0] if visible else None,
            )
        )
        # The row keeps what it shows: the rest would weigh on every cached copy of the list.
        del party.visible_reports
        party._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    rows.sort(
        key=lambda r: (r.category.category if r.category else "~", sort_key(r.party.display_name))
    )
    return rows


@dataclass(frozen=True)
class ActionLine:
    """An action of the plan with what the latest visible report says of it."""

    action: Action
    progress: ActionProgress | None
    assessment: Assessment | None


@dataclass(frozen=True)
class PillarBlock:
    """A pillar of the plan (None for actions outside any pillar) and its actions in order."""

    pillar: Pillar | None
    lines: list[ActionLine]


@dataclass(frozen=True)
class PartyPage:
    """Everything the Party page shows."""

    party: Party
    categories: list[PartyCategory]
    memberships: list[RegionMembership]
    plan: Plan | None
    pillars: list[PillarBlock]
    rated_by: ProgressReport | None
    assessments_shown: bool
    reports: list[ProgressReport]


def _assessment_of(progress: ActionProgress) -> Assessment | None:
    try:
        return progress.assessment
    except Assessment.DoesNotExist:
        return None


def _progress_of_report(
    report: ProgressReport, *, with_assessments: bool
) -> QuerySet[ActionProgress]:
    progress = ActionProgress.objects.filter(report=report).order_by("order", "id")
    # The assessment is only joined when the user may read it, so a template cannot leak it.
    return progress.select_related("assessment") if with_assessments else progress


def _plan_blocks(
    plan: Plan, progress: Iterable[ActionProgress], *, with_assessments: bool
) -> list[PillarBlock]:
    by_action: dict[int, ActionProgress] = {}
    for item in progress:
        if item.action_id is not None:
            by_action[item.action_id] = item
    lines_by_pillar: dict[int | None, list[ActionLine]] = {}
    for action in plan.actions.all():
        # A report on the plan version before rates the action that this one replaces.
        found = by_action.get(action.pk) or (
            by_action.get(action.replaces_id) if action.replaces_id else None
        )
        assessment = _assessment_of(found) if found is not None and with_assessments else None
        lines_by_pillar.setdefault(action.pillar_id, []).append(
            ActionLine(action=action, progress=found, assessment=assessment)
        )
    blocks = [
        PillarBlock(pillar=pillar, lines=lines_by_pillar.get(pillar.pk, []))
        for pillar in plan.pillars.all()
    ]
    if None in lines_by_pillar:
        blocks.append(PillarBlock(pillar=None, lines=lines_by_pillar[None]))
    return blocks


def party_page_for_user(*, user: Any, code: str) -> PartyPage:
    """The Party page's content, or 404 for an unknown code. Nine queries whatever its size."""
    party = party_get_for_user(user=user, code=code)
    categories = categories_newest_first(PartyCategory.objects.filter(party=party))
    memberships = list(
        RegionMembership.objects.filter(party=party)
        .select_related("region")
        .order_by("region__code", "start")
    )
    plan = plan_current_for_party(user=user, party_id=party.pk)
    reports: list[ProgressReport] = list(
        _newest_first(report_list_for_user(user=user).filter(party=party)).annotate(
            action_count=Count("progress")
        )
    )
    rated_by = next((r for r in reports if r.is_current), None)
    shown = rated_by is not None and assessments_visible(user=user, report=rated_by)
    blocks: list[PillarBlock] = []
    if plan is not None:
        progress: Iterable[ActionProgress] = (
            _progress_of_report(rated_by, with_assessments=shown) if rated_by is not None else []
        )
        blocks = _plan_blocks(plan, progress, with_assessments=shown)
    return PartyPage(
        party=party,
        categories=categories,
        memberships=memberships,
        plan=plan,
        pillars=blocks,
        rated_by=rated_by,
        assessments_shown=shown,
        reports=reports,
    )


@dataclass(frozen=True)
class ReportLine:
    """One action of a report, with the Secretariat's assessment when the user may read it."""

    progress: ActionProgress
    assessment: Assessment | None

    @property
    def parts_differ(self) -> bool:
        """Whether Part B and Part C of the report rate the action differently."""
        return self.progress.rating_part_b != self.progress.rating_part_c


@dataclass(frozen=True)
class ReportPillar:
    """A pillar as the report numbers it, and its actions in the report's order."""

    number: str
    name: str
    lines: list[ReportLine] = field(default_factory=list)


@dataclass(frozen=True)
class ReportPage:
    """Everything the report page shows."""

    report: ProgressReport
    assessments_shown: bool
    pillars: list[ReportPillar]
    findings: list[Finding]
    can_edit: bool = False


def report_page_for_user(*, user: Any, pk: int) -> ReportPage:
    """A report with its actions by pillar and its findings, 404 if `user` may not see it."""
    report = report_get_for_user(user=user, pk=pk)
    shown = assessments_visible(user=user, report=report)
    names = dict(Pillar.objects.filter(plan_id=report.plan_id).values_list("number", "name"))
    pillars: dict[str, ReportPillar] = {}
    for progress in _progress_of_report(report, with_assessments=shown):
        pillar = pillars.get(progress.pillar)
        if pillar is None:
            pillar = pillars[progress.pillar] = ReportPillar(
                number=progress.pillar, name=names.get(progress.pillar, "")
            )
        pillar.lines.append(
            ReportLine(progress=progress, assessment=_assessment_of(progress) if shown else None)
        )
    findings = list(Finding.objects.filter(report=report).order_by("order", "id"))
    return ReportPage(
        report=report,
        assessments_shown=shown,
        pillars=list(pillars.values()),
        findings=findings,
        can_edit=report_can(user=user, report=report, action="edit"),
    )


@dataclass(frozen=True)
class DueReport:
    """A focal point's Party and its current report for the coming meeting, if any."""

    party: Party
    report: ProgressReport | None


@dataclass(frozen=True)
class HomePage:
    """What the home page shows: the focal point's deadline, and the public counts."""

    meeting: Meeting | None
    upcoming: bool
    days_left: int | None
    due: list[DueReport]
    party_count: int
    published_count: int

    @property
    def days_overdue(self) -> int | None:
        """How many days ago the reports were due, when the due date has passed."""
        return -self.days_left if self.days_left is not None and self.days_left < 0 else None


def next_reporting_meeting(*, today: datetime.date) -> Meeting | None:
    """The next meeting that takes NIAP reports, else the latest one that did."""
    meetings = Meeting.objects.filter(takes_niap_reports=True, start_date__isnull=False)
    return (
        meetings.filter(start_date__gte=today).order_by("start_date").first()
        or meetings.order_by("-start_date").first()
    )


def home_for_user(*, user: Any, today: datetime.date) -> HomePage:
    """The home page's content: for a focal point its Parties' reports for the next meeting."""
    party_ids = focal_party_ids(user)
    meeting = next_reporting_meeting(today=today) if party_ids else None
    due: list[DueReport] = []
    days_left = None
    if meeting is not None:
        reports = {
            r.party_id: r
            for r in current_reports(report_list_for_user(user=user)).filter(
                meeting=meeting, party_id__in=party_ids
            )
        }
        parties = Party.objects.filter(pk__in=party_ids)
        due = sorted(
            (DueReport(party=p, report=reports.get(p.pk)) for p in parties),
            key=lambda d: sort_key(d.party.display_name),
        )
        if meeting.due_date is not None:
            days_left = (meeting.due_date - today).days
    published = current_reports(report_list_for_user(user=user)).filter(
        status=ReportStatus.PUBLISHED
    )
    return HomePage(
        meeting=meeting,
        upcoming=meeting is not None
        and meeting.start_date is not None
        and meeting.start_date >= today,
        days_left=days_left,
        due=due,
        party_count=party_list_for_user(user=user).count(),
        published_count=published.count(),
    )
