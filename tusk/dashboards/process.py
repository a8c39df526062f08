"""Reads of the NIAP process overview: the Parties by category, their latest ratings (the
Party's and the Secretariat's), reporting compliance per meeting, the Parties near exit and the
divergence between the two ratings.

Every figure is read with a fixed number of queries, whatever the number of Parties, meetings,
reports and actions: the Parties and their categories (two queries), the latest reports of every
Party in one windowed query, the actions of those reports counted in the database (three grouped
queries: by the Party's rating, by the Secretariat's, and by standard pillar with the divergence
and near-exit counts), and the submissions of every meeting in one more. Nothing is read Party
by Party, and no action row leaves the database.

The rules, so that a figure can be checked by hand:

- **Parties**: those in the NIAP process (`tusk.core.selectors.party_list_for_user`), exited
  ones included with their stage. The region filter keeps the current members of a region.
- **Category**: the one a Party holds in the newest ETIS cycle (with a meeting chosen, the
  newest cycle whose CoP opened before that meeting); a Party not named in that cycle has none.
- **Latest report**: the current revision of the Party's newest report that the user may see
  and that is not a draft (a draft rates nothing yet), at or before the chosen meeting.
- **Shares**: of the actions each side rated, rounded half up to a whole percent, as the
  Secretariat's annex table does; the Secretariat's only where the user may read its
  assessment (`tusk.reports.selectors.assessments_visible`).
- **Near exit**: the share of the latest report's rated actions rated achieved or
  substantially achieved, by the Secretariat where its assessment is published, else by the
  Party, at or above the threshold (`settings.TUSK_NEAR_EXIT_SHARE` unless the URL sets one).
  Exited Parties are left out.
- **Divergence**: over each Party's latest *published* report only, the actions both sides
  rated; the Party is more optimistic when its rating comes before the Secretariat's on the
  report's scale (`niapdoc.scales.SCALES`, best first).
- **Compliance**: see `tusk.dashboards.process_compliance.compliance_for_user`.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext

from niapdoc import scales
from tusk.core.choices import Category, Stage
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import Meeting, Party, PartyCategory, RegionMembership
from tusk.core.pages_selectors import cycle_number, sort_key
from tusk.core.selectors import party_list_for_user
from tusk.dashboards.process_compliance import ComplianceRow, compliance_for_user
from tusk.documents.annex import count_text, percent, share_text
from tusk.plans.choices import StandardPillar
from tusk.plans.models import Pillar
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.reports.selectors import assessments_visible, current_reports, report_list_for_user

NO_CATEGORY = "none"
CATEGORY_ORDER: tuple[str, ...] = ("A", "B", "C", NO_CATEGORY)
PAGE_SIZE = 30
NO_PILLAR = ""
GOOD_RATINGS = frozenset({scales.ACHIEVED, scales.SUBSTANTIALLY_ACHIEVED})

# Who rated the actions that the near-exit share counts.
BY_SECRETARIAT, BY_PARTY, BY_BOTH = "secretariat", "party", "both"


# --- filters ---------------------------------------------------------------------------------


def default_threshold() -> float:
    """The near-exit share from the settings (domain.md: 80% has been argued, unconfirmed)."""
    return float(settings.TUSK_NEAR_EXIT_SHARE)


def share_percent(share: float) -> int:
    """A share (0.8) as a whole percent (80), rounded half up like every figure here."""
    return percent(round(share * 10_000), 10_000)


def category_label(code: str) -> str:
    """A category code (A, B, C or none) in words, in the active language."""
    if code == NO_CATEGORY:
        return gettext("No category")
    return str(Category(code).label)


@dataclass(frozen=True)
class Filters:
    """The filters in force: what the query string asked for, less what was refused."""

    category: str = ""
    region: str = ""
    meeting: Meeting | None = None
    threshold: float = field(default_factory=default_threshold)
    problems: tuple[str, ...] = ()

    @property
    def threshold_percent(self) -> int:
        """The threshold as a whole percent."""
        return share_percent(self.threshold)

    def query(self) -> str:
        """The filters as a query string, to share the view or fetch its charts and files."""
        data = QueryDict(mutable=True)
        if self.category:
            data["category"] = self.category
        if self.region:
            data["region"] = self.region
        if self.meeting is not None:
            data["meeting"] = self.meeting.code
        if not math.isclose(self.threshold, default_threshold()):
            data["threshold"] = f"{self.threshold:g}"
        return data.urlencode()


def all_meetings() -> list[Meeting]:
    """Every meeting, oldest first (undated ones last): one query, shared by every part."""
    meetings = list(Meeting.objects.all())
    return sorted(meetings, key=_meeting_order)


def _meeting_order(meeting: Meeting) -> tuple[bool, datetime.date, int]:
    return (meeting.start_date is None, meeting.start_date or datetime.date.min, meeting.number)


# --- the Parties in scope ----------------------------------------------------------------------


@dataclass(frozen=True)
class PartyInScope:
    """A Party the filters keep, with its category in the cycle the overview shows."""

    party: Party
    category: str
    # The Party's name in the active language, read once: every table and chart shows it.
    name: str

    @property
    def category_label(self) -> str:
        """The category in words."""
        return category_label(self.category)


@dataclass(frozen=True)
class Scope:
    """The Parties the filters keep, sorted by category (A first, none last) then name, and
    the meetings the overview reads up to."""

    parties: list[PartyInScope]
    cycle: str
    as_of: Meeting | None
    meetings: list[Meeting]

    @property
    def party_ids(self) -> list[int]:
        """The ids of the Parties kept."""
        return [p.party.pk for p in self.parties]

    @property
    def reporting_meetings(self) -> list[Meeting]:
        """The meetings that take NIAP reports, oldest first, up to the chosen one."""
        found = [m for m in self.meetings if m.takes_niap_reports]
        if self.as_of is not None and self.as_of in found:
            found = found[: found.index(self.as_of) + 1]
        return found


def _cycle_in_force(cycles: Iterable[str], as_of: Meeting | None, meetings: list[Meeting]) -> str:
    """The newest ETIS cycle, or with a meeting, the newest whose CoP opened before it."""
    known = sorted(set(cycles), key=cycle_number, reverse=True)
    if as_of is None or as_of.start_date is None:
        return known[0] if known else ""
    cops = {m.number: m.start_date for m in meetings if m.kind == "CoP"}
    for cycle in known:
        parsed = parse_meeting_code(cycle)
        opened = cops.get(parsed[1]) if parsed and parsed[0] == "CoP" else None
        if opened is None or opened < as_of.start_date:
            return cycle
    return ""


def scope_for_user(*, user: Any, filters: Filters, meetings: list[Meeting]) -> Scope:
    """The Parties in the process that the filters keep, with their category. Two queries."""
    parties = party_list_for_user(user=user).prefetch_related(None)
    if filters.region:
        today = timezone.localdate()
        current = RegionMembership.objects.filter(
            party=OuterRef("pk"), region__code=filters.region, start__lte=today
        ).filter(Q(end__isnull=True) | Q(end__gte=today))
        parties = parties.filter(Exists(current))
    found = list(parties.only("id", "country", "name", "stage", "trade_role"))
    rows = list(PartyCategory.objects.values_list("party_id", "cycle", "category"))
    cycle = _cycle_in_force((c for _p, c, _k in rows), filters.meeting, meetings)
    category_of = {party_id: code for party_id, c, code in rows if c == cycle}
    kept = [
        PartyInScope(party=p, category=category_of.get(p.pk, NO_CATEGORY), name=str(p.display_name))
        for p in found
        if not filters.category or category_of.get(p.pk, NO_CATEGORY) == filters.category
    ]
    kept.sort(key=lambda r: (CATEGORY_ORDER.index(r.category), sort_key(r.name)))
    return Scope(parties=kept, cycle=cycle, as_of=filters.meeting, meetings=meetings)


@dataclass(frozen=True)
class CategoryRow:
    """How many of the Parties kept are in a category, by stage."""

    category: str
    stages: dict[str, int]

    @property
    def label(self) -> str:
        """The category in words."""
        return category_label(self.category)

    @property
    def total(self) -> int:
        """Every Party of the category."""
        return sum(self.stages.values())

    def counts(self) -> list[int]:
        """The counts in the order of `Stage`."""
        return [self.stages.get(stage, 0) for stage in Stage.values]


def categories_summary(scope: Scope) -> list[CategoryRow]:
    """The Parties kept by category and stage: every category, even an empty one."""
    counted: dict[str, Counter[str]] = {code: Counter() for code in CATEGORY_ORDER}
    for row in scope.parties:
        counted[row.category][row.party.stage] += 1
    return [CategoryRow(category=code, stages=dict(counted[code])) for code in CATEGORY_ORDER]


# --- the latest reports and their actions ------------------------------------------------------


def _newest_first() -> list[Any]:
    return [F("meeting__start_date").desc(nulls_last=True), F("meeting__number").desc()]


def _latest_reports(*, user: Any, scope: Scope) -> list[ProgressReport]:
    """Per Party, its newest visible non-draft report of each status, at or before the chosen
    meeting: the newest of them is its latest report, the newest published one is what the
    divergence reads. One query, with a window function instead of a query per Party."""
    reports = (
        current_reports(report_list_for_user(user=user))
        .select_related(None)
        .select_related("meeting")
        .exclude(status=ReportStatus.DRAFT)
        .filter(party_id__in=scope.party_ids)
    )
    as_of = scope.as_of
    if as_of is not None:
        if as_of.start_date is None:
            reports = reports.filter(meeting=as_of)
        else:
            reports = reports.filter(meeting__start_date__lte=as_of.start_date)
    ranked = (
        reports.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("party_id"), F("status")], order_by=_newest_first()
            )
        )
        .filter(rank=1)
        .only(
            "id",
            "party_id",
            "meeting_id",
            "status",
            "meeting__kind",
            "meeting__number",
            "meeting__start_date",
        )
    )
    return list(ranked)


def _report_rank(report: ProgressReport) -> tuple[bool, datetime.date, int]:
    start = report.meeting.start_date
    return (start is not None, start or datetime.date.min, report.meeting.number)


# Every rating best first. The order of each scale (`niapdoc.scales.SCALES`) is a sub-order of
# this one, so comparing two ratings of a report by this rank compares them on its scale.
RATING_RANK: dict[str, int] = {
    code: i
    for i, code in enumerate((*scales.SCALES[scales.NIAP6], scales.CHALLENGING, scales.UNCLEAR))
}


@dataclass(frozen=True)
class ReportFigures:
    """What the overview needs of one report, counted in the database.

    The Secretariat's counts are zero wherever the user may not read its assessment: the query
    never counts them then. The divergence counts only published reports, and the near-exit
    counts take the Secretariat's rating only where the report is published.
    """

    party_counts: dict[str, int]
    secretariat_counts: dict[str, int]
    compared: int = 0
    optimistic: int = 0
    pessimistic: int = 0
    by_secretariat: int = 0
    good_by_secretariat: int = 0
    by_party: int = 0
    good_by_party: int = 0


NO_FIGURES = ReportFigures(party_counts={}, secretariat_counts={})


def _rank(field_name: str) -> Case:
    return Case(
        *(When(**{field_name: code}, then=Value(rank)) for code, rank in RATING_RANK.items()),
        default=Value(None),
        output_field=IntegerField(),
    )


def _ids(ids: Iterable[int]) -> list[int]:
    # An empty IN () is valid nowhere; no report has the id 0.
    return sorted(set(ids)) or [0]


def _side_counts(reports: Iterable[int], side: str) -> dict[int, dict[str, int]]:
    """Per report, its actions counted by the rating `side` gives them (the Party's field
    `rating`, or the Secretariat's `assessment__rating`). One query, a row per rating used."""
    counted: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        ActionProgress.objects.filter(report_id__in=_ids(reports), **{f"{side}__isnull": False})
        .values_list("report_id", side)
        .annotate(n=Count("pk"))
        .order_by()
    )
    for report_id, rating, n in rows:
        counted[report_id][rating] = n
    return counted


def _report_figures(
    reports: Iterable[int], readable: Iterable[int], counted: Iterable[int] | None = None
) -> tuple[dict[int, ReportFigures], list[Divergence]]:
    """Per report, its actions counted by rating on each side (the Party's only for the
    reports in `counted`, all when None; the Secretariat's only for those also in
    `readable`), how its two ratings diverge, and what the near-exit share counts; and the
    divergence by standard pillar. Three queries, whatever the number of reports and actions.
    """
    ids = sorted(set(reports))
    if not ids:
        return {}, []
    shown = set(ids) if counted is None else set(counted) & set(ids)
    party = _side_counts(shown, "rating")
    secretariat = _side_counts(set(readable) & shown, "assessment__rating")
    figures: dict[int, list[int]] = defaultdict(lambda: [0] * 7)
    pillars: dict[str, Divergence] = {}
    for report_id, standard, *numbers in _divergence_rows(ids):
        total = figures[report_id]
        for i, number in enumerate(numbers):
            total[i] += number
        if numbers[0]:
            key = standard or NO_PILLAR
            if key not in pillars:
                pillars[key] = Divergence(key=key, label=_pillar_label(key))
            pillar = pillars[key]
            pillar.compared += numbers[0]
            pillar.optimistic += numbers[1]
            pillar.pessimistic += numbers[2]
    found = {
        report_id: ReportFigures(party.get(report_id, {}), secretariat.get(report_id, {}), *n)
        for report_id, n in figures.items()
    }
    order = [*StandardPillar.values, NO_PILLAR]
    return found, sorted(pillars.values(), key=lambda d: order.index(d.key))


def _divergence_rows(ids: list[int]) -> QuerySet[Any]:
    """Per report and standard pillar: the actions both sides rated, those the Party rated
    better, worse, and what the near-exit share counts. The divergence and the Secretariat's
    side of the near-exit share read published reports only: every published report here is
    its Party's latest published one."""
    public = Q(report__status=ReportStatus.PUBLISHED)
    by_secretariat = public & Q(assessment__rating__isnull=False)
    by_party = Q(rating__isnull=False) & (~public | Q(assessment__rating__isnull=True))
    both = public & Q(rating__isnull=False, assessment__rating__isnull=False)
    numbered = Pillar.objects.filter(plan_id=OuterRef("report__plan_id"), number=OuterRef("pillar"))
    return (
        ActionProgress.objects.filter(report_id__in=ids)
        .alias(mine=_rank("rating"), theirs=_rank("assessment__rating"))
        # An action read from a document may have no plan action: its pillar number says.
        .annotate(
            standard=Coalesce(
                F("action__pillar__standard"), Subquery(numbered.values("standard")[:1])
            )
        )
        .values_list("report_id", "standard")
        .annotate(
            compared=Count("pk", filter=both),
            optimistic=Count("pk", filter=both & Q(mine__lt=F("theirs"))),
            pessimistic=Count("pk", filter=both & Q(mine__gt=F("theirs"))),
            by_secretariat=Count("pk", filter=by_secretariat),
            good_by_secretariat=Count(
                "pk", filter=by_secretariat & Q(assessment__rating__in=GOOD_RATINGS)
            ),
            by_party=Count("pk", filter=by_party),
            good_by_party=Count("pk", filter=by_party & Q(rating__in=GOOD_RATINGS)),
        )
        .order_by()
    )


@dataclass(frozen=True)
class LatestRatings:
    """A Party's latest report and the shares of its actions in each rating, by side."""

    row: PartyInScope
    report: ProgressReport | None
    party_counts: dict[str, int]
    secretariat_counts: dict[str, int]
    secretariat_shown: bool

    @property
    def party_rated(self) -> int:
        """How many actions the Party rated."""
        return sum(self.party_counts.values())

    @property
    def secretariat_rated(self) -> int:
        """How many actions the Secretariat rated (0 where the user may not read it)."""
        return sum(self.secretariat_counts.values())

    def party_percent(self, rating: str) -> int | None:
        """The Party's share of its rated actions in `rating`; None with nothing rated."""
        return (
            percent(self.party_counts.get(rating, 0), self.party_rated)
            if self.party_rated
            else None
        )

    def cell(self, rating: str) -> str:
        """A table cell as the annex writes it: `58% (42%)`, the Secretariat's share in
        brackets where it differs, `-` for none."""
        if self.report is None:
            return ""
        return share_text(self.party_percent(rating), self.secretariat_percent(rating))

    def none(self, rating: str) -> bool:
        """Whether neither side rated any action `rating` (a phone hides such cells)."""
        return not self.party_counts.get(rating) and not self.secretariat_counts.get(rating)

    @property
    def actions_text(self) -> str:
        """The actions each side rated: `12`, or `12 (6)` when the Secretariat rated others."""
        if self.report is None:
            return ""
        return count_text(self.party_rated, self.secretariat_rated or None)

    def secretariat_percent(self, rating: str) -> int | None:
        """The Secretariat's share of the actions it rated in `rating`; None when it rated
        none or the user may not read its assessment."""
        if not self.secretariat_rated:
            return None
        return percent(self.secretariat_counts.get(rating, 0), self.secretariat_rated)


@dataclass(frozen=True)
class NearExit:
    """A Party whose latest report rates enough actions achieved or substantially achieved."""

    row: PartyInScope
    report: ProgressReport
    rated: int
    good: int
    rated_by: str

    @property
    def share(self) -> float:
        """The share of the rated actions rated achieved or substantially achieved."""
        return self.good / self.rated if self.rated else 0.0

    @property
    def percent(self) -> int:
        """The share as a whole percent, rounded half up."""
        return percent(self.good, self.rated)

    @property
    def rated_by_label(self) -> str:
        """Whose ratings were counted, in words."""
        return rated_by_label(self.rated_by)


def rated_by_label(code: str) -> str:
    """Whose ratings a near-exit share counts, in words."""
    return {
        BY_SECRETARIAT: gettext("Secretariat"),
        BY_PARTY: gettext("Party"),
        BY_BOTH: gettext("Secretariat, else Party"),
    }[code]


@dataclass
class Divergence:
    """How often, and which way, the Party's rating differs from the Secretariat's."""

    key: str
    label: str
    compared: int = 0
    optimistic: int = 0
    pessimistic: int = 0
    report: ProgressReport | None = None

    @property
    def same(self) -> int:
        """Actions both rated alike."""
        return self.compared - self.optimistic - self.pessimistic

    @property
    def differ(self) -> int:
        """Actions rated differently."""
        return self.optimistic + self.pessimistic

    @property
    def differ_percent(self) -> int:
        """The share of compared actions rated differently, whole percent."""
        return percent(self.differ, self.compared)


@dataclass(frozen=True)
class Ratings:
    """What the overview shows of the Parties' latest reports."""

    latest: list[LatestRatings]
    near_exit: list[NearExit]
    divergence_parties: list[Divergence]
    divergence_pillars: list[Divergence]


def _near_exit(
    row: PartyInScope, report: ProgressReport, figures: ReportFigures, threshold: float
) -> NearExit | None:
    if row.party.stage == Stage.EXITED:
        return None
    rated = figures.by_secretariat + figures.by_party
    good = figures.good_by_secretariat + figures.good_by_party
    if not rated or good / rated < threshold:
        return None
    if figures.by_secretariat and figures.by_party:
        rated_by = BY_BOTH
    else:
        rated_by = BY_SECRETARIAT if figures.by_secretariat else BY_PARTY
    return NearExit(row=row, report=report, rated=rated, good=good, rated_by=rated_by)


def _pillar_label(key: str) -> str:
    labels = dict(StandardPillar.choices)
    return str(labels[key]) if key in labels else gettext("No standard pillar")


def _pick(
    reports: Iterable[ProgressReport],
) -> tuple[dict[int, ProgressReport], dict[int, ProgressReport]]:
    """Per Party, its latest report and its latest published one."""
    latest: dict[int, ProgressReport] = {}
    published: dict[int, ProgressReport] = {}
    for report in reports:
        party_id = report.party_id
        if party_id not in latest or _report_rank(report) > _report_rank(latest[party_id]):
            latest[party_id] = report
        if report.status == ReportStatus.PUBLISHED:
            published[party_id] = report
    return latest, published


def _divergence(
    published: dict[int, ProgressReport], figures: dict[int, ReportFigures], scope: Scope
) -> list[Divergence]:
    """The divergence of each Party's latest published report."""
    found = []
    for row in scope.parties:
        public = published.get(row.party.pk)
        counted = figures.get(public.pk) if public is not None else None
        if public is None or counted is None or not counted.compared:
            continue
        found.append(
            Divergence(
                key=row.party.code,
                label=row.name,
                compared=counted.compared,
                optimistic=counted.optimistic,
                pessimistic=counted.pessimistic,
                report=public,
            )
        )
    return found


def ratings_for_user(
    *,
    user: Any,
    scope: Scope,
    threshold: float | None = None,
    counted_for: Collection[int] | None = None,
) -> Ratings:
    """The latest ratings, the Parties near exit and the divergence, for the Parties in
    `scope`, as `user` may see them. The shares by rating are counted for the Parties
    `counted_for` only (a page of them), all when None. Four queries (five for a focal
    point, whose Parties are read once), whatever the number of Parties, reports and actions.
    """
    threshold = default_threshold() if threshold is None else threshold
    latest, published = _pick(_latest_reports(user=user, scope=scope))
    readable = {r.pk for r in latest.values() if assessments_visible(user=user, report=r)}
    public = {r.pk for r in published.values()}
    wanted = None if counted_for is None else {r.pk for p, r in latest.items() if p in counted_for}
    figures, pillars = _report_figures(
        [*(r.pk for r in latest.values()), *public], readable | public, wanted
    )
    lines: list[LatestRatings] = []
    near: list[NearExit] = []
    for row in scope.parties:
        report = latest.get(row.party.pk)
        counted = figures.get(report.pk, NO_FIGURES) if report is not None else NO_FIGURES
        lines.append(
            LatestRatings(
                row=row,
                report=report,
                party_counts=counted.party_counts,
                secretariat_counts=counted.secretariat_counts,
                secretariat_shown=report is not None and report.pk in readable | public,
            )
        )
        candidate = _near_exit(row, report, counted, threshold) if report is not None else None
        if candidate is not None:
            near.append(candidate)
    near.sort(key=lambda n: (-n.share, sort_key(n.row.name)))
    return Ratings(
        latest=lines,
        near_exit=near,
        divergence_parties=_divergence(published, figures, scope),
        divergence_pillars=pillars,
    )


# --- the whole page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows, for one user and one set of filters."""

    filters: Filters
    scope: Scope
    categories: list[CategoryRow]
    ratings: Ratings
    compliance: list[ComplianceRow]


def overview_for_user(
    *,
    user: Any,
    filters: Filters,
    meetings: list[Meeting],
    today: datetime.date | None = None,
    page: int | str | None = None,
) -> Overview:
    """The overview's figures for `user`: with `page`, the shares by rating of that page of
    Parties only (what the page shows), else of all. Eight queries (nine for a focal point),
    whatever the number of Parties, meetings, reports and actions."""
    scope = scope_for_user(user=user, filters=filters, meetings=meetings)
    counted_for = None
    if page is not None:
        counted_for = {row.party.pk for row in party_page(scope.parties, page)}
    return Overview(
        filters=filters,
        scope=scope,
        categories=categories_summary(scope),
        ratings=ratings_for_user(
            user=user, scope=scope, threshold=filters.threshold, counted_for=counted_for
        ),
        compliance=compliance_for_user(user=user, scope=scope, today=today),
    )


def party_page(items: Sequence[Any], number: int | str | None) -> Page[Any]:
    """One page of Parties (or of their lines), PAGE_SIZE a page; a bad number gives the
    first page, one past the end the last."""
    return Paginator(items, PAGE_SIZE).get_page(number)
