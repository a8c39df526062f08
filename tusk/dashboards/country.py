"""A Party's progress as its page and its report card show it: each action's ratings across the
reports (following the action through plan revisions), the actions that stall or run past their
timeframe, the Secretariat's ratings by meeting, and what the Party still needs.

Everything is read for one user, on the user-scoped selectors: the public sees published reports
and their assessments; the Party's focal points and the Secretariat also see the drafts the Party
page shows them. The reads take a fixed number of queries whatever the number of reports,
actions or needs; the rest is worked out here in Python.

Which rating counts, for "stalled" and "achieved": the Secretariat's rating where the report is
published and the Secretariat rated the action, else the Party's own. The same rule holds for
every user, so that a focal point and the public count a published report the same way.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from niapdoc.scales import ACHIEVED, SCALES, SUBSTANTIALLY_ACHIEVED
from tusk.core.charts import RatingCount
from tusk.core.models import Meeting, Party, PartyCategory
from tusk.core.pages_selectors import PartyPage
from tusk.dashboards.timeframes import timeframe_end
from tusk.plans.models import Action
from tusk.plans.selectors import plan_list_for_user
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.selectors import assessments_visible, current_reports, report_list_for_user
from tusk.support.choices import NeedStatus, SupportStage
from tusk.support.dashboard import COMMITTED_STAGES, Figures, Money, Row
from tusk.support.dashboard_filters import needs_filtered
from tusk.support.models import Need, Support

# Ratings that are progress enough never to call an action stalled.
_NOT_STALLING = frozenset({ACHIEVED, SUBSTANTIALLY_ACHIEVED})
# Stalled: the same rating in at least this many consecutive reports.
STALLED_AFTER = 2
TOP_NEEDS = 5


@dataclass(frozen=True)
class Column:
    """A meeting for which the user may see the Party's (current) report."""

    meeting: Meeting
    report: ProgressReport
    # Whether the user may read the Secretariat's ratings of this report.
    assessments_shown: bool

    @property
    def published(self) -> bool:
        """Whether the report is public."""
        return self.report.is_published


@dataclass(frozen=True)
class Cell:
    """What one report says of one action: the Party's rating and, when the user may read it,
    the Secretariat's."""

    party: str | None
    secretariat: str | None
    # The rating that counts for stalled and achieved (see the module's docstring).
    counted: str | None
    scale: str

    @property
    def differs(self) -> bool:
        """Whether the Secretariat's rating is shown and differs from the Party's."""
        return self.secretariat is not None and self.secretariat != self.party

    @property
    def achieved(self) -> bool:
        """Whether the counted rating is the best of its report's scale: Achieved, or
        Substantially achieved on the four-level scale of SC65-SC67 (the CoP17 exit rule)."""
        best = SCALES.get(self.scale, (ACHIEVED,))[0]
        return self.counted == best


@dataclass(frozen=True)
class Version:
    """An action as one plan version numbered it."""

    pk: int
    code: str
    title: str
    plan_version: int
    timeframe: str
    replaces_id: int | None


@dataclass
class ActionHistory:
    """One action followed through the plan revisions: a row of the history table."""

    code: str
    title: str
    timeframe: str
    flagged: bool
    # The same action in earlier plan versions, oldest first, when its code or version changed.
    earlier: list[Version]
    cells: list[Cell | None]
    in_current_plan: bool
    end: datetime.date | None = None
    stalled_for: int = 0
    # The row's cells as HTML, when a page renders them in Python (views_country.cells_html).
    cells_html: str = ""

    @property
    def latest(self) -> Cell | None:
        """The newest report's word on the action that has a rating that counts."""
        return next((c for c in reversed(self.cells) if c is not None and c.counted), None)

    @property
    def achieved(self) -> bool:
        """Whether the latest rating that counts is the best of its scale."""
        latest = self.latest
        return latest is not None and latest.achieved

    @property
    def stalled(self) -> bool:
        """The same rating below Substantially achieved in the last two reports or more."""
        return self.stalled_for >= STALLED_AFTER

    @property
    def stalled_rating(self) -> str | None:
        """The rating the action is stuck at."""
        latest = self.cells[-1] if self.cells else None
        return latest.counted if self.stalled and latest is not None else None

    def overdue_on(self, today: datetime.date) -> bool:
        """Whether the timeframe has surely ended and the action is not achieved."""
        return (
            self.in_current_plan and self.end is not None and self.end < today and not self.achieved
        )

    def end_unknown(self) -> bool:
        """Whether the action is still to achieve and its timeframe gives no end Tusk can read."""
        return self.in_current_plan and self.end is None and not self.achieved


@dataclass(frozen=True)
class PillarRows:
    """The history rows of one pillar of the current plan (no number: outside any pillar)."""

    number: str
    name: str
    rows: list[ActionHistory]


@dataclass
class Progress:
    """The history of every action, and what it says about stalled and overdue actions."""

    columns: list[Column]
    pillars: list[PillarRows]
    dropped: list[ActionHistory]
    today: datetime.date
    # What each report says of each action, as `_progress_rows` read it.
    reported: list[dict[str, Any]] = field(default_factory=list)
    rows: list[ActionHistory] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rows = [row for block in self.pillars for row in block.rows]

    @property
    def stalled(self) -> list[ActionHistory]:
        """The actions of the current plan that stall, longest stalled first."""
        found = [r for r in self.rows if r.stalled]
        return sorted(found, key=lambda r: -r.stalled_for)

    @property
    def overdue(self) -> list[ActionHistory]:
        """The actions of the current plan past their timeframe and not achieved, oldest end
        first."""
        found = [r for r in self.rows if r.overdue_on(self.today)]
        return sorted(found, key=lambda r: r.end or self.today)

    @property
    def end_unknown(self) -> list[ActionHistory]:
        """The actions still to achieve whose timeframe gives no end date Tusk can read."""
        return [r for r in self.rows if r.end_unknown()]

    @property
    def end_unknown_by_timeframe(self) -> list[tuple[str, list[ActionHistory]]]:
        """Those actions grouped by the words of their timeframe, the most frequent first."""
        groups: dict[str, list[ActionHistory]] = defaultdict(list)
        for row in self.end_unknown:
            groups[row.timeframe.strip()].append(row)
        return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold()))

    @property
    def achieved(self) -> list[ActionHistory]:
        """The actions of the current plan whose latest counted rating is the best."""
        return [r for r in self.rows if r.achieved]

    @property
    def unpublished_shown(self) -> bool:
        """Whether anything shown comes from a report that is not public yet."""
        return any(not c.published for c in self.columns)


def columns_of(reports: Iterable[ProgressReport], *, user: Any) -> list[Column]:
    """The current reports among `reports`, oldest meeting first (they come newest first)."""
    current = [r for r in reports if r.is_current]
    return [
        Column(
            meeting=r.meeting,
            report=r,
            assessments_shown=assessments_visible(user=user, report=r),
        )
        for r in reversed(current)
    ]


def party_columns(*, user: Any, party: Party) -> list[Column]:
    """The Party's current reports that `user` may see, oldest meeting first. One query."""
    reports = current_reports(report_list_for_user(user=user)).filter(party=party)
    ordered = reports.order_by(
        F("meeting__start_date").desc(nulls_last=True), "-meeting__number", "-revision"
    )
    return columns_of(ordered, user=user)


def _progress_rows(columns: list[Column]) -> list[dict[str, Any]]:
    """What the reports of `columns` say of each action, as plain values. One query.

    The Secretariat's rating is dropped here for every report whose assessment the user may not
    read, so that nothing after this point can show it.
    """
    if not columns:
        return []
    shown = {c.report.pk for c in columns if c.assessments_shown}
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in ActionProgress.objects.filter(report_id__in=[c.report.pk for c in columns])
        .order_by("report_id", "order", "pk")
        .values("report_id", "action_id", "code", "title", "rating", "assessment__rating")
    ]
    for row in rows:
        if row["report_id"] not in shown:
            row["assessment__rating"] = None
    return rows


def _cell(row: dict[str, Any], column: Column) -> Cell:
    secretariat = row["assessment__rating"]
    counted = secretariat if column.published and secretariat else row["rating"]
    return Cell(
        party=row["rating"],
        secretariat=secretariat,
        counted=counted,
        scale=column.report.scale,
    )


def secretariat_counts(
    columns: list[Column], rows: list[dict[str, Any]] | None = None
) -> list[RatingCount]:
    """The Secretariat's ratings by meeting, for the reports whose assessment the user may
    read; an action the Secretariat did not rate counts as "Not rated"."""
    rows = _progress_rows(columns) if rows is None else rows
    by_report = {c.report.pk: c for c in columns if c.assessments_shown}
    counts: Counter[tuple[int, str | None]] = Counter()
    for row in rows:
        if row["report_id"] in by_report:
            counts[row["report_id"], row["assessment__rating"]] += 1
    return [
        RatingCount(meeting=column.meeting.code, rating=rating, count=n)
        for column in by_report.values()
        for (report_id, rating), n in counts.items()
        if report_id == column.report.pk
    ]


def _versions(*, user: Any, party: Party) -> dict[int, Version]:
    """Every action of the Party's plan versions that `user` may see. One query."""
    plans = plan_list_for_user(user=user).filter(party=party)
    values = Action.objects.filter(plan__in=plans.values("pk")).values(
        "pk", "code", "title", "plan__version", "timeframe", "replaces_id"
    )
    return {
        v["pk"]: Version(
            pk=v["pk"],
            code=v["code"],
            title=v["title"],
            plan_version=v["plan__version"],
            timeframe=v["timeframe"],
            replaces_id=v["replaces_id"],
        )
        for v in values
    }


def _lineage(pk: int, versions: dict[int, Version]) -> list[int]:
    """The action and those it carries on, newest first; a loop in bad data stops the walk."""
    chain: list[int] = []
    current: int | None = pk
    while current is not None and current in versions and current not in chain:
        chain.append(current)
        current = versions[current].replaces_id
    return chain


def _history(
    chain: list[int],
    versions: dict[int, Version],
    said: dict[tuple[int, int], Cell],
    columns: list[Column],
) -> tuple[list[Version], list[Cell | None]]:
    """The earlier versions of a chain worth naming, and its cells by column."""
    newest = versions[chain[0]]
    earlier = [
        versions[pk]
        for pk in reversed(chain[1:])
        if versions[pk].code != newest.code or versions[pk].plan_version != newest.plan_version
    ]
    cells: list[Cell | None] = []
    for column in columns:
        found = None
        for pk in chain:
            found = said.get((column.report.pk, pk))
            if found is not None:
                break
        cells.append(found)
    return earlier, cells


def _stalled_for(cells: list[Cell | None]) -> int:
    """How many reports in a row, up to the newest, give the same counted rating below
    Substantially achieved (0 when the newest report does not rate the action)."""
    newest = cells[-1] if cells else None
    stuck = newest.counted if newest is not None else None
    if stuck is None or stuck in _NOT_STALLING:
        return 0
    run = 0
    for cell in reversed(cells):
        if cell is None or cell.counted != stuck:
            break
        run += 1
    return run


def progress_build(*, user: Any, party: Party, page: PartyPage, today: datetime.date) -> Progress:
    """The history of every action of the Party's current plan (and of those a revision dropped)
    across the reports `user` may see. Two queries on top of the Party page's own."""
    columns = columns_of(page.reports, user=user)
    rows = _progress_rows(columns)
    versions = _versions(user=user, party=party)
    by_report = {c.report.pk: c for c in columns}
    said: dict[tuple[int, int], Cell] = {
        (row["report_id"], row["action_id"]): _cell(row, by_report[row["report_id"]])
        for row in rows
        if row["action_id"] is not None
    }
    seen: set[int] = set()
    pillars = _current_blocks(page, versions, said, columns, seen)
    dropped = _dropped(versions, seen, said, columns)
    return Progress(columns=columns, pillars=pillars, dropped=dropped, today=today, reported=rows)


def _current_blocks(
    page: PartyPage,
    versions: dict[int, Version],
    said: dict[tuple[int, int], Cell],
    columns: list[Column],
    seen: set[int],
) -> list[PillarRows]:
    """The rows of the current plan's actions by pillar, in the plan's order; adds the actions
    of their lineage to `seen`."""
    if page.plan is None:
        return []
    blocks = []
    for block in page.pillars:
        rows = []
        for line in block.lines:
            action = line.action
            if action.pk not in versions:
                continue
            chain = _lineage(action.pk, versions)
            seen.update(chain)
            earlier, cells = _history(chain, versions, said, columns)
            rows.append(
                ActionHistory(
                    code=action.code,
                    title=action.title,
                    timeframe=action.timeframe,
                    flagged=action.flagged,
                    earlier=earlier,
                    cells=cells,
                    in_current_plan=True,
                    end=timeframe_end(action.timeframe),
                    stalled_for=_stalled_for(cells),
                )
            )
        pillar = block.pillar
        blocks.append(
            PillarRows(
                number=pillar.number if pillar else "",
                name=pillar.name if pillar else "",
                rows=rows,
            )
        )
    return blocks


def _dropped(
    versions: dict[int, Version],
    seen: set[int],
    said: dict[tuple[int, int], Cell],
    columns: list[Column],
) -> list[ActionHistory]:
    """The actions a revision did not carry on that a report rated: their own rows."""
    rated = {pk for (_report, pk) in said}
    replaced = {v.replaces_id for v in versions.values() if v.replaces_id is not None}
    dropped = []
    leaves = [v for pk, v in versions.items() if pk not in seen and pk not in replaced]
    for version in sorted(leaves, key=lambda v: (v.plan_version, v.code)):
        chain = _lineage(version.pk, versions)
        if not rated.intersection(chain):
            continue
        earlier, cells = _history(chain, versions, said, columns)
        dropped.append(
            ActionHistory(
                code=version.code,
                title=version.title,
                timeframe=version.timeframe,
                flagged=False,
                earlier=earlier,
                cells=cells,
                in_current_plan=False,
            )
        )
    return dropped


# Needs, support and partners


@dataclass(frozen=True)
class NeedLine:
    """One need of the Party that partners have not fully met, and its gap in its currency."""

    need: Need
    committed: Decimal

    @property
    def gap(self) -> Decimal | None:
        """What is still uncommitted, never below zero; None for a need without an amount."""
        if self.need.amount is None:
            return None
        return max(self.need.amount - self.committed, Decimal(0))


@dataclass(frozen=True)
class ActivePartner:
    """A partner with support to the Party that is not completed, and its stages."""

    name: str
    acronym: str
    supports: int
    stages: list[str]
    # When every such support has a period and all have ended: the last day of the latest.
    ended: datetime.date | None


@dataclass(frozen=True)
class PartySupport:
    """What the Party needs and what partners give it."""

    totals: Row
    usd: Money | None
    top_needs: list[NeedLine]
    open_needs: int
    partners: list[ActivePartner]

    @property
    def money(self) -> list[Money]:
        """The totals per currency, never converted."""
        return self.totals.currencies

    @property
    def needs_count(self) -> int:
        """The Party's needs, withdrawn ones left out."""
        return self.totals.needs

    @property
    def unsupported_count(self) -> int:
        """The needs no partner supports at all."""
        return self.totals.unsupported


def _top_needs(needs: QuerySet[Need]) -> tuple[list[NeedLine], int]:
    """The needs not yet met with the largest gaps, and how many needs are not met. Amounts in
    different currencies are never compared: the largest gap of each currency comes first, then
    the second of each, and so on; needs without an amount come last. One query."""
    committed = Coalesce(
        Sum(
            "support__amount",
            filter=Q(support__stage__in=COMMITTED_STAGES, support__currency=F("currency")),
        ),
        Value(Decimal(0)),
        output_field=DecimalField(max_digits=16, decimal_places=2),
    )
    unmet = (
        needs.exclude(status=NeedStatus.MET)
        .select_related("action")
        .annotate(committed=committed)
        .order_by("pk")
    )
    lines = [NeedLine(need=n, committed=n.committed) for n in unmet]
    by_currency: dict[str, list[NeedLine]] = defaultdict(list)
    for line in lines:
        if line.gap:
            by_currency[line.need.currency].append(line)
    ranked: list[tuple[int, str, NeedLine]] = []
    for currency, group in by_currency.items():
        group.sort(key=lambda line: (-(line.gap or 0), line.need.pk))
        ranked.extend((rank, currency, line) for rank, line in enumerate(group))
    ranked.sort(key=lambda item: (item[0], item[1]))
    without = [line for line in lines if line.gap is None]
    return ([line for _rank, _currency, line in ranked] + without)[:TOP_NEEDS], len(lines)


def active_partners(*, party: Party, today: datetime.date) -> list[ActivePartner]:
    """The partners with support to the Party that is pledged, committed or disbursed, not yet
    completed, by name. A support whose period has ended still counts until it is marked
    completed (the partner may not have updated it), but the partner says so. One query."""
    running = (
        Support.objects.filter(party=party)
        .exclude(stage=SupportStage.COMPLETED)
        .values_list("partner_id", "partner__name", "partner__acronym", "stage", "period_end")
        .order_by("partner__name", "partner_id")
    )
    labels = dict(SupportStage.choices)
    order = [s.value for s in SupportStage]
    names: dict[int, tuple[str, str]] = {}
    stages: dict[int, set[str]] = defaultdict(set)
    ends: dict[int, list[datetime.date | None]] = defaultdict(list)
    for partner_id, name, acronym, stage, period_end in running:
        names[partner_id] = (name, acronym)
        stages[partner_id].add(stage)
        ends[partner_id].append(period_end)
    partners = []
    for pk, (name, acronym) in names.items():
        periods = ends[pk]
        over = all(end is not None and end < today for end in periods)
        partners.append(
            ActivePartner(
                name=name,
                acronym=acronym,
                supports=len(periods),
                stages=[str(labels[s]) for s in sorted(stages[pk], key=order.index)],
                ended=max(e for e in periods if e is not None) if over else None,
            )
        )
    return partners


def support_build(*, party: Party, today: datetime.date) -> PartySupport:
    """The Party's needs and their totals per currency, summed by the needs dashboard's own
    figures (so that both pages agree), its largest unmet needs and its active partners. A
    fixed number of queries."""
    values = {"party": party.code}
    figures = Figures(values)
    top, open_needs = _top_needs(needs_filtered(values))
    return PartySupport(
        totals=figures.totals,
        usd=figures.usd_total(),
        top_needs=top,
        open_needs=open_needs,
        partners=active_partners(party=party, today=today),
    )


# The report card


@dataclass(frozen=True)
class Card:
    """What the report card shows: a Party's state on one or two pages."""

    party: Party
    category: PartyCategory | None
    latest: Column | None
    progress: Progress
    support: PartySupport
    party_counts: list[RatingCount]
    secretariat_counts: list[RatingCount]

    @property
    def action_count(self) -> int:
        """The actions of the current plan."""
        return len(self.progress.rows)


def latest_counts(progress: Progress) -> tuple[list[RatingCount], list[RatingCount]]:
    """The Party's and the Secretariat's ratings in the newest report (the Secretariat's only
    when the user may read them), every action of the report counted once."""
    if not progress.columns:
        return [], []
    latest = progress.columns[-1]
    party: Counter[str | None] = Counter()
    secretariat: Counter[str | None] = Counter()
    for row in progress.reported:
        if row["report_id"] == latest.report.pk:
            party[row["rating"]] += 1
            if latest.assessments_shown:
                secretariat[row["assessment__rating"]] += 1
    code = latest.meeting.code
    return (
        [RatingCount(meeting=code, rating=r, count=n) for r, n in party.items()],
        [RatingCount(meeting=code, rating=r, count=n) for r, n in secretariat.items()],
    )


def card_build(*, user: Any, page: PartyPage, today: datetime.date) -> Card:
    """The report card of the Party of `page`, as `user` may see it."""
    progress = progress_build(user=user, party=page.party, page=page, today=today)
    party_counts, secretariat_counts = latest_counts(progress)
    return Card(
        party=page.party,
        category=page.categories[0] if page.categories else None,
        latest=progress.columns[-1] if progress.columns else None,
        progress=progress,
        support=support_build(party=page.party, today=today),
        party_counts=party_counts,
        secretariat_counts=secretariat_counts,
    )
