"""Who supports what: partners against Parties and against standard pillars.

A cell holds the amount committed (committed, disbursed or completed) in each currency, and the
number of support records, which the page shows where a cell has support but no committed amount
(pledges, help in kind). With a hundred partners and 183 Parties the full matrix is unreadable,
so the page shows the partners and Parties with the most support records, adds the rest up in
an "others" line, and the download has every cell. Summed in the database, with the totals by
Party and pillar taken from the dashboard's own sums where they are the same: a fixed number of
queries whatever the number of records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Count, F, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tusk.plans.choices import StandardPillar
from tusk.support.dashboard import COMMITTED_STAGES, NO_KEY, ZERO, Figures, _sum
from tusk.support.dashboard_filters import support_of_partner
from tusk.support.models import Partner, Support

# The page's limits; past them an "others" line adds up the rest.
TOP_PARTNERS = 12
TOP_PARTIES = 20
OTHERS = "*"
PILLAR = "need__action__pillar__standard"
# The standard pillars in a word, for the matrix's narrow columns; the full name is the title.
PILLAR_SHORT: dict[str, Any] = {
    StandardPillar.LEGISLATION: _lazy("Legislation"),
    StandardPillar.COLLABORATION: _lazy("Collaboration"),
    StandardPillar.ENFORCEMENT: _lazy("Enforcement"),
    StandardPillar.OUTREACH: _lazy("Outreach"),
    StandardPillar.REPORTING: _lazy("Reporting"),
}


@dataclass
class Cell:
    """Committed amounts by currency and the number of support records of one cell."""

    money: dict[str, Decimal] = field(default_factory=dict)
    records: int = 0

    def add(self, currency: str, committed: Decimal | None, records: int) -> None:
        """Add a grouped row of support."""
        self.records += records
        if currency and committed:
            self.money[currency] = self.money.get(currency, ZERO) + committed

    def less(self, other: Cell) -> Cell:
        """This cell without `other` (a total without the cells shown)."""
        rest = Cell(records=self.records - other.records)
        for currency, amount in self.money.items():
            left = amount - other.money.get(currency, ZERO)
            if left:
                rest.money[currency] = left
        return rest

    @property
    def amounts(self) -> list[tuple[str, Decimal]]:
        """The committed amounts by currency code."""
        return sorted(self.money.items())


@dataclass
class Line:
    """A row of a matrix: its label and a cell per column, then its total."""

    key: str
    label: str
    cells: list[Cell]
    total: Cell
    title: str = ""


@dataclass
class Column:
    """A column of a matrix: a short heading and, when it is an acronym, the full name."""

    key: str
    short: str
    label: str


@dataclass
class Matrix:
    """A matrix as the page shows it: its columns, its lines and the totals line."""

    key: str
    columns: list[Column]
    lines: list[Line]
    totals: Line
    rows_total: int
    columns_total: int

    @property
    def rows_shown(self) -> int:
        """How many rows of their own the page shows; 0 when it shows them all."""
        shown = [line for line in self.lines if line.key != OTHERS]
        return len(shown) if len(shown) < len(self.lines) else 0

    @property
    def columns_shown(self) -> int:
        """How many columns of their own the page shows; 0 when it shows them all."""
        shown = [column for column in self.columns if column.key != OTHERS]
        return len(shown) if len(shown) < len(self.columns) else 0

    @cached_property
    def single_currency(self) -> str:
        """The one currency of every amount, when there is one: the cells then omit it."""
        currencies = sorted(self.totals.total.money)
        return currencies[0] if len(currencies) == 1 else ""


def _grouped(support: QuerySet[Support], **keys: Any) -> list[dict[str, Any]]:
    """Support summed by currency and `keys`; a missing pillar (a need without an action, a
    pillar without a standard one) is NO_KEY either way."""
    grouped = (
        support.order_by()
        .values("currency", **keys)
        .annotate(committed=_sum("amount", stage__in=COMMITTED_STAGES), records=Count("pk"))
    )
    rows: list[dict[str, Any]] = [dict(row) for row in grouped]
    for row in rows:
        for key in keys:
            if row[key] is None:
                row[key] = NO_KEY
    return rows


def _cells(rows: Iterable[Mapping[str, Any]], *keys: str) -> dict[tuple[Any, ...], Cell]:
    cells: dict[tuple[Any, ...], Cell] = {}
    for row in rows:
        cell = cells.setdefault(tuple(row[k] or NO_KEY for k in keys), Cell())
        cell.add(row["currency"], row["committed"], row["records"])
    return cells


def _sum_cells(cells: Iterable[Cell]) -> Cell:
    total = Cell()
    for cell in cells:
        for currency, amount in cell.money.items():
            total.add(currency, amount, 0)
        total.records += cell.records
    return total


def _top(totals: Mapping[Any, Cell], labels: Mapping[Any, str], limit: int) -> list[Any]:
    """The keys of the `limit` totals with the most records, in the order of their labels."""
    ranked = sorted(totals, key=lambda k: (-totals[k].records, labels.get(k, "").casefold()))
    return sorted(ranked[:limit], key=lambda k: labels.get(k, "").casefold())


class _Scope:
    """The support the matrices show, and its sums by partner, Party and pillar."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self.support = support_of_partner(figures.values)
        self.one_partner = bool(figures.values.get("partner"))

    @cached_property
    def by_partner(self) -> dict[Any, Cell]:
        """Each partner's total: one query."""
        cells = _cells(_grouped(self.support, g_partner=F("partner_id")), "g_partner")
        return {key[0]: cell for key, cell in cells.items()}

    @cached_property
    def partners(self) -> dict[int, Partner]:
        """The partners of the support: one query."""
        return Partner.objects.in_bulk(list(self.by_partner))

    @cached_property
    def top_partners(self) -> list[int]:
        """The partners the page has room for."""
        names = {pk: str(p) for pk, p in self.partners.items()}
        return _top(self.by_partner, names, TOP_PARTNERS)

    def by_line(self, key: str) -> dict[Any, Cell]:
        """The totals by Party (`g_party`) or pillar (`g_pillar`): from the dashboard's sums,
        which count the same support unless one partner is chosen (then one query)."""
        if self.one_partner:
            field_name = "need__party_id" if key == "g_party" else PILLAR
            rows = _grouped(self.support, **{key: F(field_name)})
        else:
            grain = self.figures.party_grain if key == "g_party" else self.figures.pillar_grain
            rows = grain[1]
        return {k[0]: cell for k, cell in _cells(rows, key).items()}

    def title(self, pk: int) -> str:
        """A partner's full name, when the page shows its acronym."""
        partner = self.partners[pk]
        return partner.name if partner.acronym else ""


def _others(lines: list[Line], column_totals: list[Cell], grand: Cell, label: str) -> Line:
    """The line that adds up the rows the page has no room for."""
    rest = [
        total.less(_sum_cells(line.cells[i] for line in lines))
        for i, total in enumerate(column_totals)
    ]
    return Line(OTHERS, label, rest, grand.less(_sum_cells(line.total for line in lines)))


def _party_matrix(scope: _Scope) -> Matrix:
    """Parties down, partners across: the Parties and partners with the most support records,
    an "other partners" column and an "other Parties" line for the rest."""
    by_party = scope.by_line("g_party")
    parties = scope.figures.parties
    top_parties = _top(by_party, {pk: p.display_name for pk, p in parties.items()}, TOP_PARTIES)
    partners = scope.top_partners
    shown = scope.support.filter(partner_id__in=partners, need__party_id__in=top_parties)
    rows = _grouped(shown, g_party=F("need__party_id"), g_partner=F("partner_id"))
    cells = _cells(rows, "g_party", "g_partner")
    columns = [Column(str(pk), str(scope.partners[pk]), scope.title(pk)) for pk in partners]
    more_partners = len(scope.by_partner) > len(partners)
    if more_partners:
        columns.append(Column(OTHERS, _("Other partners"), ""))
    lines = []
    for party_pk in top_parties:
        line = [cells.get((party_pk, pk), Cell()) for pk in partners]
        total = by_party[party_pk]
        if more_partners:
            line.append(total.less(_sum_cells(line)))
        party = parties[party_pk]
        lines.append(Line(party.code, party.display_name, line, total))
    grand = _sum_cells(by_party.values())
    column_totals = [scope.by_partner[pk] for pk in partners]
    if more_partners:
        column_totals.append(grand.less(_sum_cells(column_totals)))
    if len(by_party) > len(top_parties):
        lines.append(_others(lines, column_totals, grand, _("Other Parties")))
    return Matrix(
        key="partner-party",
        columns=columns,
        lines=lines,
        totals=Line(NO_KEY, _("All Parties"), column_totals, grand),
        rows_total=len(by_party),
        columns_total=len(scope.by_partner),
    )


def _pillar_matrix(scope: _Scope) -> Matrix:
    """Partners down, standard pillars across: the partners with the most support records and
    an "other partners" line for the rest."""
    by_pillar = scope.by_line("g_pillar")
    partners = scope.top_partners
    shown = scope.support.filter(partner_id__in=partners)
    rows = _grouped(shown, g_partner=F("partner_id"), g_pillar=F(PILLAR))
    cells = _cells(rows, "g_partner", "g_pillar")
    labels = dict(StandardPillar.choices)
    keys = [p for p in [*StandardPillar.values, NO_KEY] if p in by_pillar]
    columns = [
        Column(k, str(PILLAR_SHORT[k]), str(labels[k]))
        if k
        else Column(k, _("No standard pillar"), "")
        for k in keys
    ]
    lines = [
        Line(
            str(pk),
            str(scope.partners[pk]),
            [cells.get((pk, k), Cell()) for k in keys],
            scope.by_partner[pk],
            title=scope.title(pk),
        )
        for pk in partners
    ]
    column_totals = [by_pillar[k] for k in keys]
    grand = _sum_cells(scope.by_partner.values())
    if len(scope.by_partner) > len(partners):
        lines.append(_others(lines, column_totals, grand, _("Other partners")))
    return Matrix(
        key="partner-pillar",
        columns=columns,
        lines=lines,
        totals=Line(NO_KEY, _("All partners"), column_totals, grand),
        rows_total=len(scope.by_partner),
        columns_total=len(columns),
    )


def partner_matrices(figures: Figures) -> tuple[Matrix, Matrix]:
    """The partner × Party and partner × pillar matrices of the dashboard's filters. Four
    queries of their own (six with a partner chosen), whatever the number of records."""
    scope = _Scope(figures)
    return _party_matrix(scope), _pillar_matrix(scope)


def matrix_cells(values: Mapping[str, str], by: str) -> list[dict[str, Any]]:
    """Every non-empty cell of a matrix, for its download: by "party" or by "pillar". One
    query; the caller names the partners and Parties."""
    support = support_of_partner(values)
    key = F("need__party_id") if by == "party" else F(PILLAR)
    return _grouped(support, g_partner=F("partner_id"), g_key=key)
