"""Reads of the regional road map: a region's current members, its goals and indicators and
its members' own, how far each has come from its baseline to its target, the members' rating
distributions combined, and the members' needs.

Indicators and needs are public; ratings come from published reports only, whoever asks, so
that the road map shared with partners is the same for everyone. Every read costs a fixed
number of queries whatever the number of members, indicators and values: an indicator's latest
value and its value for each charted year are each one indexed look-up inside the same query
(the `one_value_per_date` constraint indexes values by indicator and date), so no read ever
loads an indicator's whole series.
"""

from __future__ import annotations

import datetime
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tusk.core.charts import RATING_ORDER
from tusk.core.models import Party, Region, RegionMembership
from tusk.core.spreadsheets import cell_safe, csv_bytes
from tusk.plans.choices import IndicatorScope, StandardPillar
from tusk.plans.models import Indicator, IndicatorValue
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ActionProgress
from tusk.reports.selectors import current_reports, report_list_for_user
from tusk.support.dashboard import Dashboard, Figures, dashboard_build

# The years a chart and its table show: this many, ending with the current year.
YEARS_CHARTED = 12
# Panels of one small-multiples chart; a group with more lists the rest in its table only.
PANELS_PER_CHART = 12
# Rows of one group's table on the page, which must stay light; the downloads have them all.
ROWS_PER_GROUP = 30
REGION_KEY = "region"

# How far an indicator has come, in the order a summary counts them.
REACHED = "reached"
ON_COURSE = "on_course"
BEHIND = "behind"
MEASURED = "measured"
NO_VALUE = "no_value"
NO_BASELINE = "no_baseline"
NO_TARGET = "no_target"
FLAT = "flat"
STATE_LABELS = {
    REACHED: gettext_lazy("Target reached"),
    ON_COURSE: gettext_lazy("On course"),
    BEHIND: gettext_lazy("Behind schedule"),
    MEASURED: gettext_lazy("No target year to judge the pace"),
    NO_VALUE: gettext_lazy("No value recorded yet"),
    NO_BASELINE: gettext_lazy("No baseline recorded"),
    NO_TARGET: gettext_lazy("No target recorded"),
    FLAT: gettext_lazy("The target equals the baseline"),
}


def half_up(share: float | Decimal) -> int:
    """A share (0.625) as a whole percent rounded half up (63), as every Tusk table rounds."""
    exact = Decimal(str(share)) * 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Progress:
    """How far the latest value has come from the baseline towards the target.

    `share` is the fraction of the way (0.5 half way, above 1 beyond the target, below 0 the
    wrong way); it works the same for a target below the baseline (a rate to reduce).
    `expected` is the fraction the schedule asks for by the year of the latest value.
    """

    state: str
    share: float | None = None
    expected: float | None = None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else half_up(self.share)

    @property
    def expected_percent(self) -> int | None:
        return None if self.expected is None else half_up(self.expected)

    @property
    def bar(self) -> int:
        """The percent held between 0 and 100, for a progress bar."""
        return min(max(self.percent or 0, 0), 100)

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def progress_of(
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    latest: Decimal | None,
    baseline_year: int | None = None,
    target_year: int | None = None,
    latest_year: int | None = None,
) -> Progress:
    """The progress of a value against a baseline and a target, and whether it keeps pace with
    a straight line from the baseline year to the target year."""
    if baseline is None:
        return Progress(NO_BASELINE)
    if target is None:
        return Progress(NO_TARGET)
    if target == baseline:
        return Progress(FLAT)
    if latest is None:
        return Progress(NO_VALUE)
    share = float((latest - baseline) / (target - baseline))
    if share >= 1:
        return Progress(REACHED, share)
    if baseline_year is None or target_year is None or latest_year is None:
        return Progress(MEASURED, share)
    if target_year <= baseline_year:
        return Progress(MEASURED, share)
    expected = (latest_year - baseline_year) / (target_year - baseline_year)
    expected = min(max(expected, 0.0), 1.0)
    return Progress(ON_COURSE if share >= expected else BEHIND, share, expected)


@dataclass(frozen=True)
class Member:
    """A current member of the region and its latest published progress report."""

    party: Party
    since: datetime.date
    report_id: int | None
    meeting: str

    @property
    def code(self) -> str:
        return self.party.code


@dataclass
class IndicatorLine:
    """An indicator with its latest value, its progress, and its value for each charted year
    (the last value recorded in that year)."""

    indicator: Indicator
    latest: Decimal | None
    latest_date: datetime.date | None
    source: str
    series: list[tuple[int, Decimal]]
    progress: Progress

    def value_in(self, year: int) -> Decimal | None:
        return dict(self.series).get(year)


@dataclass
class IndicatorGroup:
    """The region's own indicators (key "region") or one member's (key its ISO code): the first
    lines in code order, and how many the group holds in all."""

    key: str
    label: str
    party: Party | None
    lines: list[IndicatorLine]
    owner_code: str
    total: int = 0
    summary: str = ""  # the chart in words, set by the view in the reader's language

    @property
    def hidden(self) -> int:
        """How many of the group's indicators are left out of `lines` (the downloads have
        them)."""
        return max(self.total - len(self.lines), 0)

    @property
    def charted(self) -> list[IndicatorLine]:
        return self.lines[:PANELS_PER_CHART]

    @property
    def uncharted(self) -> int:
        return max(max(self.total, len(self.lines)) - PANELS_PER_CHART, 0)

    @property
    def years(self) -> list[int]:
        """The years with a value in any charted line, for the table beside the chart."""
        return sorted({year for line in self.charted for year, _value in line.series})

    @property
    def table(self) -> list[tuple[IndicatorLine, list[Decimal | None]]]:
        years = self.years
        return [(line, [line.value_in(year) for year in years]) for line in self.charted]


@dataclass(frozen=True)
class Mix:
    """One bar of the ratings chart: a member's report (or the region's average), the share of
    its actions per rating code (None: not rated)."""

    key: str
    label: str
    meeting: str
    actions: int
    shares: dict[str | None, float]

    def percent(self, code: str | None) -> int | None:
        share = self.shares.get(code)
        return None if share is None else half_up(share)


@dataclass
class RatingsTable:
    """One source of ratings (the Parties' own or the Secretariat's) ready for a page: the
    rating codes held and each bar's percent per code."""

    who: str
    codes: list[str | None]
    rows: list[tuple[Mix, list[int | None]]]
    summary: str = ""  # the chart in words, set by the view in the reader's language

    @property
    def members(self) -> int:
        """How many members the average counts."""
        return max(len(self.rows) - 1, 0)


@dataclass
class RatingsMix:
    """The members' rating distributions, the Party's and the Secretariat's, each with the
    region's average first."""

    party: list[Mix]
    secretariat: list[Mix]
    without_report: list[Member]
    without_assessment: list[Member]

    def codes(self, who: str) -> list[str | None]:
        """The rating codes any bar of `who` holds, best first."""
        mixes = self.party if who == "party" else self.secretariat
        held = {code for mix in mixes for code, share in mix.shares.items() if share > 0}
        return [code for code in RATING_ORDER if code in held]

    def table(self, who: str) -> RatingsTable:
        mixes = self.party if who == "party" else self.secretariat
        codes = self.codes(who)
        return RatingsTable(who, codes, [(mix, [mix.percent(c) for c in codes]) for mix in mixes])


@dataclass
class RoadMap:
    """Everything the road map page shows for one region."""

    region: Region
    members: list[Member]
    groups: list[IndicatorGroup]
    ratings: RatingsMix
    needs: Dashboard
    member_indicator_count: dict[str, int] = field(default_factory=dict)

    @property
    def region_group(self) -> IndicatorGroup:
        return self.groups[0]

    @property
    def member_groups(self) -> list[IndicatorGroup]:
        return self.groups[1:]

    @property
    def member_rows(self) -> list[tuple[Member, int]]:
        """Each member and the number of its own indicators."""
        return [(m, self.member_indicator_count.get(m.code, 0)) for m in self.members]

    @property
    def members_without_indicators(self) -> list[Member]:
        with_own = {group.key for group in self.member_groups}
        return [m for m in self.members if m.code not in with_own]


@dataclass(frozen=True)
class RegionSummary:
    """A line of the regions page: the region, its current members, its indicators' states."""

    region: Region
    members: list[Party]
    states: dict[str, int]
    indicators: int
    latest: datetime.date | None

    @property
    def status(self) -> str:
        """The region's road map in one sentence."""
        if not self.indicators:
            return _("No regional indicator recorded yet.")
        counts = {
            "total": self.indicators,
            "reached": self.states.get(REACHED, 0),
            "on_course": self.states.get(ON_COURSE, 0),
            "behind": self.states.get(BEHIND, 0),
        }
        text = (
            _(
                "%(total)s regional indicators: %(reached)s reached, %(on_course)s on course, "
                "%(behind)s behind schedule."
            )
            % counts
        )
        if self.latest is not None:
            text += " " + _("Latest value: %(date)s.") % {"date": date_format(self.latest)}
        return text


def _today() -> datetime.date:
    return timezone.localdate()


def charted_years(today: datetime.date | None = None) -> range:
    """The years charted: YEARS_CHARTED of them, ending with the current year."""
    year = (today or _today()).year
    return range(year - YEARS_CHARTED + 1, year + 1)


def _current(today: datetime.date) -> Q:
    return Q(start__lte=today) & (Q(end__isnull=True) | Q(end__gte=today))


def region_get(code: str) -> Region:
    """A region by its code (any case), or 404."""
    try:
        return Region.objects.get(code=code.lower())
    except Region.DoesNotExist:
        raise Http404("No such region.") from None


def _natural(text: str) -> list[Any]:
    """A sort key that puts ASEAN-2 before ASEAN-10."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def members_current(*, region: Region, user: Any) -> list[Member]:
    """The region's members today, each once, with the latest published report of each (by
    meeting date). One query."""
    today = _today()
    reports = (
        current_reports(report_list_for_user(user=user))
        .filter(status=ReportStatus.PUBLISHED, party_id=OuterRef("party_id"))
        .order_by(F("meeting__start_date").desc(nulls_last=True), "-meeting__number")
    )
    rows = (
        RegionMembership.objects.filter(_current(today), region=region)
        .select_related("party")
        .annotate(
            report_id=Subquery(reports.values("pk")[:1]),
            meeting_kind=Subquery(reports.values("meeting__kind")[:1]),
            meeting_number=Subquery(reports.values("meeting__number")[:1]),
        )
        .order_by("start")
    )
    members: dict[int, Member] = {}
    for row in rows:
        if row.party_id in members:  # a second membership of the same Party: counted once
            continue
        meeting = f"{row.meeting_kind}{row.meeting_number}" if row.report_id else ""
        members[row.party_id] = Member(row.party, row.start, row.report_id, meeting)
    return sorted(members.values(), key=lambda m: m.party.display_name.casefold())


def _with_values(indicators: QuerySet[Indicator], years: Iterable[int]) -> QuerySet[Indicator]:
    """`indicators` with their latest value, date and source, and their last value of each of
    `years`: one indexed look-up each, inside the same query."""
    values = IndicatorValue.objects.filter(indicator=OuterRef("pk"))
    latest = values.order_by("-date")
    annotations: dict[str, Any] = {
        "latest_value": Subquery(latest.values("value")[:1]),
        "latest_date": Subquery(latest.values("date")[:1]),
        "latest_source": Subquery(latest.values("source")[:1]),
    }
    for year in years:
        in_year = values.filter(date__year=year).order_by("-date")
        annotations[f"value_{year}"] = Subquery(in_year.values("value")[:1])
    return indicators.annotate(**annotations)


def _line(indicator: Any, years: Iterable[int]) -> IndicatorLine:
    series = [
        (year, getattr(indicator, f"value_{year}"))
        for year in years
        if getattr(indicator, f"value_{year}", None) is not None
    ]
    latest_date: datetime.date | None = indicator.latest_date
    return IndicatorLine(
        indicator=indicator,
        latest=indicator.latest_value,
        latest_date=latest_date,
        source=indicator.latest_source or "",
        series=series,
        progress=progress_of(
            baseline=indicator.baseline,
            target=indicator.target,
            latest=indicator.latest_value,
            baseline_year=indicator.baseline_year,
            target_year=indicator.target_year,
            latest_year=latest_date.year if latest_date else None,
        ),
    )


def indicator_groups(
    *,
    region: Region,
    members: Sequence[Member],
    only: str | None = None,
    limit: int | None = ROWS_PER_GROUP,
    years: Iterable[int] | None = None,
) -> list[IndicatorGroup]:
    """The region's indicators first (always, even with none), then each member's own that has
    any, by member name; with `only` ("region" or a member's ISO code), that group alone.

    Each group holds its first `limit` indicators in code order (all with None), with their
    latest value and their value in each of `years` (the charted years by default). Two
    queries: the codes of every indicator, then the values of those kept, so that a region of
    a thousand indicators costs no more than its page shows."""
    chosen = [m for m in members if only in (None, m.code)]
    owners: list[Q] = []
    if only in (None, REGION_KEY):
        owners.append(Q(scope=IndicatorScope.REGION, region=region))
    if chosen:
        owners.append(Q(scope=IndicatorScope.COUNTRY, party_id__in=[m.party.pk for m in chosen]))
    if not owners:
        return []
    condition = owners[0] if len(owners) == 1 else owners[0] | owners[1]
    codes: dict[int | None, list[tuple[str, int]]] = defaultdict(list)
    for pk, party_id, code in Indicator.objects.filter(condition).values_list(
        "pk", "party_id", "code"
    ):
        codes[party_id].append((code, pk))
    kept: list[int] = []
    for owner_codes in codes.values():
        owner_codes.sort(key=lambda item: _natural(item[0]))
        kept += [pk for _code, pk in owner_codes[:limit]]
    years = list(charted_years() if years is None else years)
    lines: dict[int | None, list[IndicatorLine]] = defaultdict(list)
    if kept:
        for indicator in _with_values(Indicator.objects.filter(pk__in=kept).order_by(), years):
            lines[indicator.party_id].append(_line(indicator, years))
    for group_lines in lines.values():
        group_lines.sort(key=lambda line: _natural(line.indicator.code))
    groups: list[IndicatorGroup] = []
    if only in (None, REGION_KEY):
        groups.append(
            IndicatorGroup(
                REGION_KEY,
                region.name,
                None,
                lines.pop(None, []),
                str(region),
                len(codes.get(None, [])),
            )
        )
    for member in chosen:
        if member.party.pk in lines:
            groups.append(
                IndicatorGroup(
                    member.code,
                    member.party.display_name,
                    member.party,
                    lines[member.party.pk],
                    member.code,
                    len(codes[member.party.pk]),
                )
            )
    return groups


def _shares(counts: dict[str | None, int]) -> dict[str | None, float]:
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items()} if total else {}


def average_shares(distributions: Sequence[dict[str | None, int]]) -> dict[str | None, float]:
    """Each rating's share of a member's actions, averaged over the members, so that each
    Party counts once whatever the length of its plan (a 60-action plan weighs no more than a
    10-action one). Members without actions are left out."""
    shares = [_shares(counts) for counts in distributions if sum(counts.values())]
    if not shares:
        return {}
    codes = {code for mix in shares for code in mix}
    return {code: sum(mix.get(code, 0.0) for mix in shares) / len(shares) for code in codes}


def ratings_mix(*, region: Region, members: Sequence[Member]) -> RatingsMix:
    """The Party's and the Secretariat's ratings of each member's latest published report, and
    their averages over the members. One query."""
    reported = {m.report_id: m for m in members if m.report_id is not None}
    party: dict[int, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    secretariat: dict[int, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    assessed: set[int] = set()
    counted = (
        ActionProgress.objects.filter(report_id__in=list(reported))
        .values("report_id", "rating", secretariat_rating=F("assessment__rating"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in counted:
        party[row["report_id"]][row["rating"]] += row["n"]
        secretariat[row["report_id"]][row["secretariat_rating"]] += row["n"]
        if row["secretariat_rating"] is not None:
            assessed.add(row["report_id"])
    with_actions = [m for m in reported.values() if sum(party[m.report_id or 0].values())]

    def mixes(counts: dict[int, dict[str | None, int]], chosen: list[Member]) -> list[Mix]:
        if not chosen:
            return []
        ids = [m.report_id or 0 for m in chosen]
        average = Mix(
            REGION_KEY,
            _("%(region)s average") % {"region": str(region)},
            "",
            sum(sum(counts[i].values()) for i in ids),
            average_shares([counts[i] for i in ids]),
        )
        return [average] + [
            Mix(
                m.code,
                m.party.display_name,
                m.meeting,
                sum(counts[m.report_id or 0].values()),
                _shares(counts[m.report_id or 0]),
            )
            for m in chosen
        ]

    chosen_secretariat = [m for m in with_actions if m.report_id in assessed]
    return RatingsMix(
        party=mixes(party, with_actions),
        secretariat=mixes(secretariat, chosen_secretariat),
        without_report=[m for m in members if m not in with_actions],
        without_assessment=[m for m in with_actions if m not in chosen_secretariat],
    )


def region_needs(region: Region) -> Dashboard:
    """The members' needs and what partners give, per currency, as the needs dashboard sums
    them for the region."""
    return dashboard_build(Figures({"region": region.code}))


def roadmap_build(*, region: Region, user: Any) -> RoadMap:
    """The whole road map of `region`. A fixed number of queries."""
    members = members_current(region=region, user=user)
    groups = indicator_groups(region=region, members=members)
    return RoadMap(
        region=region,
        members=members,
        groups=groups,
        ratings=ratings_mix(region=region, members=members),
        needs=region_needs(region),
        member_indicator_count={g.key: g.total for g in groups[1:]},
    )


def region_summaries() -> list[RegionSummary]:
    """Every region with its current members and the states of its regional indicators.
    Three queries, whatever the number of regions, members and values."""
    today = _today()
    members: dict[int, dict[int, Party]] = defaultdict(dict)
    for membership in RegionMembership.objects.filter(_current(today)).select_related("party"):
        members[membership.region_id][membership.party_id] = membership.party
    states: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    latest: dict[int, datetime.date] = {}
    regional = Indicator.objects.filter(scope=IndicatorScope.REGION).order_by()
    for indicator in _with_values(regional, ()):
        line = _line(indicator, ())
        region_id = indicator.region_id or 0
        states[region_id][line.progress.state] += 1
        if line.latest_date and (region_id not in latest or line.latest_date > latest[region_id]):
            latest[region_id] = line.latest_date
    return [
        RegionSummary(
            region=region,
            members=sorted(members[region.pk].values(), key=lambda p: p.display_name.casefold()),
            states=dict(states[region.pk]),
            indicators=sum(states[region.pk].values()),
            latest=latest.get(region.pk),
        )
        for region in Region.objects.order_by("code")
    ]


# The downloads of the indicators table.

EXPORT_COLUMNS = (
    "scope",
    "owner_code",
    "owner",
    "code",
    "name",
    "unit",
    "standard_pillar",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "latest_value",
    "latest_date",
    "source",
    "progress_percent",
    "expected_percent",
    "status",
)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def export_rows(groups: Sequence[IndicatorGroup]) -> list[list[Any]]:
    """The indicators table as rows of plain values, in EXPORT_COLUMNS order, guarded against
    formulas."""
    rows = []
    for group in groups:
        for line in group.lines:
            ind = line.indicator
            values = [
                ind.scope,
                group.owner_code,
                group.label,
                ind.code,
                ind.name,
                ind.unit,
                ind.standard,
                ind.baseline,
                ind.baseline_year,
                ind.target,
                ind.target_year,
                line.latest,
                line.latest_date.isoformat() if line.latest_date else None,
                line.source,
                line.progress.percent,
                line.progress.expected_percent,
                line.progress.state,
            ]
            rows.append([cell_safe(_blank(v)) for v in values])
    return rows


def indicators_csv(groups: Sequence[IndicatorGroup]) -> bytes:
    """The indicators table as CSV for machines: codes, not translated words."""
    # 4 rather than 4.00, and never 1E+2: one spelling per number whatever its source.
    rows = (
        [f"{v.normalize():f}" if isinstance(v, Decimal) else v for v in row]
        for row in export_rows(groups)
    )
    return csv_bytes(EXPORT_COLUMNS, rows, made_safe=True)


def _headers() -> list[str]:
    return [
        _("Scope"),
        _("Code of the owner"),
        _("Region or member"),
        _("Code"),
        _("Indicator"),
        _("Unit"),
        _("Standard pillar"),
        _("Baseline"),
        _("Baseline year"),
        _("Target"),
        _("Target year"),
        _("Latest value"),
        _("Date of the latest value"),
        _("Source"),
        _("Progress (% of the way to the target)"),
        _("Expected by then (%)"),
        _("Status"),
    ]


def indicators_xlsx(region: Region, groups: Sequence[IndicatorGroup]) -> bytes:
    """The indicators table as a workbook for people: translated headings and states, and a
    second sheet with each indicator's value in each charted year."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Indicators")[:31]
    sheet.append([cell_safe(_("Road map of %(region)s") % {"region": region.name})])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(_headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    scopes = dict(IndicatorScope.choices)
    pillars = dict(StandardPillar.choices)
    for row in export_rows(groups):
        row[0] = str(scopes.get(row[0], row[0]))
        row[6] = str(pillars.get(row[6], row[6]))
        row[-1] = str(STATE_LABELS.get(row[-1], row[-1]))
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    sheet.freeze_panes = "A4"
    for letter, width in zip("ABCDEFGHIJKLMNOPQ", (9, 9, 24, 12, 48), strict=False):
        sheet.column_dimensions[letter].width = width

    years = list(charted_years())
    values = book.create_sheet(_("Values by year")[:31])
    values.append([_("Code"), _("Indicator"), *years])
    for cell in values[1]:
        cell.font = Font(bold=True)
    for group in groups:
        for line in group.lines:
            values.append(
                [
                    cell_safe(line.indicator.code),
                    cell_safe(line.indicator.name),
                    *(_float(line.value_in(year)) for year in years),
                ]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
