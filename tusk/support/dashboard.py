"""Reads of the needs dashboard: what the filtered needs ask for, and what partners give.

Needs and support are public (design.md), so nothing here depends on the user. Every figure is
summed in the database, per currency, in three small groupings (by Party; by standard pillar and
kind; by theme, since a need may carry several); the tables by Party, region, pillar, kind and
the totals are added up from them in Python, so that a page costs the same number of queries
whatever the number of needs. Amounts are never converted silently: a US dollar total is shown
beside the per-currency totals only when every currency has a rate (`tusk.support.rates`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from tusk.core.models import Party
from tusk.plans.choices import StandardPillar
from tusk.support.choices import NeedKind, SupportStage, Theme
from tusk.support.dashboard_filters import memberships_current, needs_filtered, support_filtered
from tusk.support.models import Need, Support
from tusk.support.rates import USD, Conversion, rates_in_force

PAGE_SIZE = 25
# Past this many Parties the page shows those with the most needs; the download has them all.
PARTY_ROWS = 30
COMMITTED_STAGES = (SupportStage.COMMITTED, SupportStage.DISBURSED, SupportStage.COMPLETED)
DISBURSED_STAGES = (SupportStage.DISBURSED, SupportStage.COMPLETED)
ZERO = Decimal("0")
NO_KEY = ""
# A theme lags when its committed share is under this part of the share of all needs.
LAG_RATIO = Decimal("0.5")
DIMENSIONS = ("party", "region", "pillar", "theme", "kind")


@dataclass
class Money:
    """What needs in one currency ask for and what partners committed and disbursed to them."""

    currency: str
    needed: Decimal = ZERO
    committed: Decimal = ZERO
    disbursed: Decimal = ZERO

    @property
    def gap(self) -> Decimal:
        """What is still uncommitted; never below zero, even when partners give more."""
        return max(self.needed - self.committed, ZERO)

    @property
    def share(self) -> Decimal | None:
        """The part of the need that is committed (above 1 when partners give more); None
        when nothing is needed in this currency."""
        return self.committed / self.needed if self.needed > 0 else None


@dataclass
class Row:
    """One line of a table: its needs, those with no support at all, and money by currency."""

    key: str
    label: str = ""
    needs: int = 0
    unsupported: int = 0
    money: dict[str, Money] = field(default_factory=dict)

    def add(self, currency: str, **amounts: Decimal | None) -> None:
        """Add amounts (needed, committed or disbursed) in `currency`."""
        money = self.money.setdefault(currency, Money(currency))
        for name, amount in amounts.items():
            setattr(money, name, getattr(money, name) + (amount or ZERO))

    @property
    def currencies(self) -> list[Money]:
        """The money of the row, by currency code."""
        return [self.money[c] for c in sorted(self.money)]


@dataclass
class Breakdown:
    """A table of the dashboard: the rows of one dimension, and those the page shows."""

    key: str
    rows: list[Row]
    shown: list[Row]

    @property
    def truncated(self) -> bool:
        """The page shows only part of the rows."""
        return len(self.shown) < len(self.rows)


@dataclass(frozen=True)
class LagLine:
    """A theme's committed share of what its needs ask for, in one currency (or in US dollars
    when every currency has a rate)."""

    key: str
    label: str
    currency: str
    needed: Decimal
    committed: Decimal
    share: Decimal
    lags: bool

    @property
    def percent(self) -> int:
        """The share as a whole percentage, rounded half up."""
        return int((self.share * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


@dataclass(frozen=True)
class ThemeLag:
    """The themes, lowest committed share first, and the share of all needs they compare to."""

    lines: list[LagLine]
    overall: dict[str, Decimal]
    converted: bool

    def overall_percent(self, currency: str) -> int:
        """The share of all needs in `currency`, as a whole percentage."""
        share = self.overall.get(currency, ZERO)
        return int((share * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))

    @property
    def currency(self) -> str:
        """The one currency of every line, when there is one (US dollars once converted)."""
        found = {line.currency for line in self.lines}
        return found.pop() if len(found) == 1 else ""

    @property
    def percent(self) -> int | None:
        """The share of all needs as a whole percentage, when the lines have one currency."""
        return self.overall_percent(self.currency) if self.currency in self.overall else None

    @property
    def lagging(self) -> list[LagLine]:
        """The lines that lag, lowest first."""
        return [line for line in self.lines if line.lags]


def _sum(name: str, **filters: Any) -> Coalesce:
    condition = Q(**filters) if filters else Q()
    return Coalesce(
        Sum(name, filter=condition),
        Value(ZERO),
        output_field=DecimalField(max_digits=18, decimal_places=2),
    )


def _no_support() -> Any:
    return ~Exists(Support.objects.filter(need_id=OuterRef("pk")))


def _need_sums(grain: QuerySet[Need, Any]) -> list[dict[str, Any]]:
    sums = grain.annotate(
        n=Count("pk"),
        bare=Count("pk", filter=_no_support()),
        needed=Sum("amount"),
    )
    return [dict(item) for item in sums]


def _support_sums(grain: QuerySet[Support, Any]) -> list[dict[str, Any]]:
    sums = grain.annotate(
        committed=_sum("amount", stage__in=COMMITTED_STAGES),
        disbursed=_sum("amount", stage__in=DISBURSED_STAGES),
        records=Count("pk"),
    )
    return [dict(item) for item in sums]


def _roll(
    need_items: Iterable[Mapping[str, Any]],
    support_items: Iterable[Mapping[str, Any]],
    keys: Callable[[Mapping[str, Any]], Iterable[str]],
) -> dict[str, Row]:
    """Rows keyed by `keys(item)` (an item may count in several rows), adding up the grain."""
    rows: dict[str, Row] = {}
    for item in need_items:
        for key in keys(item):
            row = rows.setdefault(key, Row(key))
            row.needs += item["n"]
            row.unsupported += item["bare"]
            if item["currency"] and item["needed"] is not None:
                row.add(item["currency"], needed=item["needed"])
    for item in support_items:
        if not item["currency"]:  # support in kind, with no amount
            continue
        for key in keys(item):
            rows.setdefault(key, Row(key)).add(
                item["currency"], committed=item["committed"], disbursed=item["disbursed"]
            )
    return rows


def _ordered(rows: dict[str, Row], order: list[str]) -> list[Row]:
    rank = {key: i for i, key in enumerate(order)}
    return sorted(rows.values(), key=lambda r: (rank.get(r.key, len(rank)), r.label.casefold()))


Grain = tuple[list[dict[str, Any]], list[dict[str, Any]]]


class Figures:
    """The sums of one set of filter values, read from the database on first use, so that a
    download asks only for the table it needs.

    The sums come in two small groupings rather than one fine one (Party and currency; pillar,
    kind and currency): a few hundred rows to add up in Python instead of thousands, for one
    more pass over the tables in the database."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = dict(values)
        self.needs = needs_filtered(self.values)
        self.support = support_filtered(self.values)

    @cached_property
    def party_grain(self) -> Grain:
        """Needs and support summed by Party and currency: two queries. Support with no amount
        is counted too (as records), for the partner matrices."""
        needs = self.needs.order_by().values("currency", g_party=F("party_id"))
        support = self.support.order_by().values("currency", g_party=F("need__party_id"))
        return _need_sums(needs), _support_sums(support)

    @cached_property
    def pillar_grain(self) -> Grain:
        """Needs and support summed by standard pillar, kind and currency: two queries."""
        needs = self.needs.order_by().values(
            "currency", g_pillar=F("action__pillar__standard"), g_kind=F("kind")
        )
        support = self.support.order_by().values(
            "currency", g_pillar=F("need__action__pillar__standard"), g_kind=F("need__kind")
        )
        return _need_sums(needs), _support_sums(support)

    @cached_property
    def theme_grain(self) -> Grain:
        """Needs and support summed by theme and currency, a need in each of its themes: two
        queries."""
        needs = self.needs.order_by().values("currency", g_theme=F("themes__theme"))
        support = self.support.order_by().values("currency", g_theme=F("need__themes__theme"))
        return _need_sums(needs), _support_sums(support)

    @cached_property
    def parties(self) -> dict[int, Party]:
        """The Parties of the sums: one query."""
        needs, support = self.party_grain
        return Party.objects.in_bulk({item["g_party"] for item in [*needs, *support]})

    @cached_property
    def regions(self) -> tuple[dict[int, list[str]], dict[str, str]]:
        """Each Party's regions today, and the regions' names: one query."""
        by_party: dict[int, list[str]] = {}
        names: dict[str, str] = {}
        memberships = memberships_current().filter(party_id__in=list(self.parties))
        for party_id, code, name in memberships.values_list(
            "party_id", "region__code", "region__name"
        ):
            by_party.setdefault(party_id, []).append(code)
            names[code] = name
        return by_party, names

    @cached_property
    def totals(self) -> Row:
        """Every filtered need in one row."""
        needs, support = self.pillar_grain
        return _roll(needs, support, lambda _item: [NO_KEY]).get(NO_KEY, Row(NO_KEY))

    @cached_property
    def conversion(self) -> Conversion:
        """The rates in force today for every currency the totals show: one query."""
        currencies = [m.currency for m in self.totals.currencies]
        return rates_in_force(currencies=currencies, on=timezone.localdate())

    def usd_total(self) -> Money | None:
        """The totals in US dollars, when every currency has a rate and one is not the dollar."""
        if not self.conversion.converts:
            return None
        return self._in_usd(self.totals.currencies)

    def _in_usd(self, moneys: Iterable[Money]) -> Money:
        usd = Money(USD)
        for money in moneys:
            usd.needed += self.conversion.usd(money.needed, money.currency)
            usd.committed += self.conversion.usd(money.committed, money.currency)
            usd.disbursed += self.conversion.usd(money.disbursed, money.currency)
        return usd

    def breakdown(self, key: str) -> Breakdown:
        """The table of dimension `key` (one of DIMENSIONS)."""
        rows = getattr(self, f"_by_{key}")()
        shown = rows
        if key == "party" and len(rows) > PARTY_ROWS:
            most = sorted(rows, key=lambda r: (-r.needs, r.label.casefold()))[:PARTY_ROWS]
            kept = {r.key for r in most}
            shown = [r for r in rows if r.key in kept]
        return Breakdown(key, rows, shown)

    def _by_party(self) -> list[Row]:
        needs, support = self.party_grain
        rows = _roll(needs, support, lambda item: [str(item["g_party"])])
        for row in rows.values():
            party = self.parties[int(row.key)]
            row.key, row.label = party.code, party.display_name
        return sorted(rows.values(), key=lambda r: r.label.casefold())

    def _by_region(self) -> list[Row]:
        needs, support = self.party_grain
        by_party, names = self.regions
        rows = _roll(needs, support, lambda item: by_party.get(item["g_party"], [NO_KEY]))
        for row in rows.values():
            row.label = names.get(row.key) or _("No region")
        return sorted(rows.values(), key=lambda r: (r.key == NO_KEY, r.label.casefold()))

    def _by_pillar(self) -> list[Row]:
        needs, support = self.pillar_grain
        rows = _roll(needs, support, lambda item: [item["g_pillar"] or NO_KEY])
        labels = dict(StandardPillar.choices)
        for row in rows.values():
            row.label = str(labels.get(row.key, _("No standard pillar")))
        return _ordered(rows, list(StandardPillar.values))

    def _by_theme(self) -> list[Row]:
        needs, support = self.theme_grain
        rows = _roll(needs, support, lambda item: [item["g_theme"] or NO_KEY])
        labels = dict(Theme.choices)
        for row in rows.values():
            row.label = str(labels.get(row.key, _("No theme")))
        return _ordered(rows, list(Theme.values))

    def _by_kind(self) -> list[Row]:
        needs, support = self.pillar_grain
        rows = _roll(needs, support, lambda item: [item["g_kind"]])
        labels = dict(NeedKind.choices)
        for row in rows.values():
            row.label = str(labels.get(row.key, row.key))
        return _ordered(rows, list(NeedKind.values))

    def lag(self) -> ThemeLag:
        """Per theme, the share of the needed amount that is committed, lowest first: in US
        dollars when every currency has a rate (and one is not the dollar), else per currency.
        A theme lags when its share is under half the share of all the filtered needs in the
        same currency."""
        themes = [row for row in self._by_theme() if row.key != NO_KEY]
        totals = self.totals
        converted = self.conversion.converts
        if converted:
            overall_money = {USD: self._in_usd(totals.currencies)}
            per_theme = [(row, [self._in_usd(row.currencies)]) for row in themes]
        else:
            overall_money = dict(totals.money)
            per_theme = [(row, row.currencies) for row in themes]
        overall = {c: m.share for c, m in overall_money.items() if m.share is not None}
        lines = [
            LagLine(
                key=row.key,
                label=row.label,
                currency=money.currency,
                needed=money.needed,
                committed=money.committed,
                share=money.share,
                lags=money.share < overall.get(money.currency, ZERO) * LAG_RATIO,
            )
            for row, moneys in per_theme
            for money in moneys
            if money.share is not None
        ]
        lines.sort(key=lambda line: (line.share, line.label.casefold(), line.currency))
        return ThemeLag(lines=lines, overall=overall, converted=converted)


@dataclass
class Dashboard:
    """Everything the dashboard page shows, for one set of filters."""

    totals: Row
    usd: Money | None
    conversion: Conversion
    breakdowns: dict[str, Breakdown]
    lag: ThemeLag


def dashboard_build(figures: Figures) -> Dashboard:
    """The totals, tables and themes that lag of `figures`. A fixed number of queries."""
    return Dashboard(
        totals=figures.totals,
        usd=figures.usd_total(),
        conversion=figures.conversion,
        breakdowns={key: figures.breakdown(key) for key in DIMENSIONS},
        lag=figures.lag(),
    )


def needs_unsupported(values: Mapping[str, str]) -> QuerySet[Need]:
    """The filtered needs that no partner supports at all, ready to show."""
    return (
        needs_filtered(values)
        .filter(_no_support())
        .select_related("party", "action", "action__pillar")
        .order_by("party__name", "party__country", "needed_by", "pk")
    )
