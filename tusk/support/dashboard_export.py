"""Every table of the needs dashboard as a CSV or XLSX file, with the filters of the page.

The files hold the same figures as the page, one line per row and currency, with codes beside
the names so that a spreadsheet can match them; the matrices come as one line per non-empty cell
(partner, Party or pillar, currency), every cell and not only those the page has room for. Text
that a spreadsheet would run as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tusk.core.models import Party
from tusk.core.spreadsheets import cell_safe, csv_bytes
from tusk.plans.choices import StandardPillar
from tusk.support.dashboard import (
    COMMITTED_STAGES,
    DISBURSED_STAGES,
    Figures,
    Row,
    _sum,
    needs_unsupported,
)
from tusk.support.dashboard_filters import NAMES, needs_filtered
from tusk.support.dashboard_matrix import matrix_cells
from tusk.support.models import Need, NeedTheme, Partner

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MONEY = ("currency", "needed", "committed", "disbursed", "gap")
# The first two columns of each dimension's table: its code and its name.
DIMENSION_COLUMNS = {
    "party": ("party_code", "party"),
    "region": ("region_code", "region"),
    "pillar": ("standard_pillar", "pillar"),
    "theme": ("theme", "theme_name"),
    "kind": ("kind", "kind_name"),
}
NEED_COLUMNS = (
    "need_id",
    "party_code",
    "party",
    "action",
    "standard_pillar",
    "themes",
    "kind",
    "status",
    "description",
    "amount",
    "currency",
    "needed_by",
)


@dataclass
class Table:
    """A table to download: its key, its column names and its rows."""

    key: str
    header: list[str]
    rows: list[list[Any]]


def _money_lines(row: Row) -> list[list[Any]]:
    """A line per currency of `row` (one without money when it has none)."""
    if not row.money:
        return [["", "", "", "", ""]]
    return [[m.currency, m.needed, m.committed, m.disbursed, m.gap] for m in row.currencies]


def _breakdown_table(values: Mapping[str, str], *, key: str) -> Table:
    """The table of one dimension, every row (the page may show fewer)."""
    figures = Figures(values)
    header = [*DIMENSION_COLUMNS[key], "needs", "needs_without_support", *MONEY]
    rows = [
        [row.key, row.label, row.needs, row.unsupported, *money]
        for row in figures.breakdown(key).rows
        for money in _money_lines(row)
    ]
    return Table(key, header, rows)


def totals_table(values: Mapping[str, str]) -> Table:
    """The totals per currency, and the US dollar total with its rates when there is one."""
    figures = Figures(values)
    totals = figures.totals
    header = ["needs", "needs_without_support", *MONEY, "converted_with"]
    rows = [[totals.needs, totals.unsupported, *money, ""] for money in _money_lines(totals)]
    usd = figures.usd_total()
    if usd is not None:
        rows.append(
            [
                totals.needs,
                totals.unsupported,
                usd.currency,
                usd.needed,
                usd.committed,
                usd.disbursed,
                usd.gap,
                figures.conversion.dates(),
            ]
        )
    return Table("totals", header, rows)


def lag_table(values: Mapping[str, str]) -> Table:
    """The themes, lowest committed share first, with the share of all needs they compare to."""
    lag = Figures(values).lag()
    header = [
        "theme",
        "theme_name",
        "currency",
        "needed",
        "committed",
        "committed_share",
        "all_needs_share",
        "lags",
    ]
    rows = [
        [
            line.key,
            line.label,
            line.currency,
            line.needed,
            line.committed,
            round(line.share, 4),
            round(lag.overall.get(line.currency, 0), 4),
            "yes" if line.lags else "no",
        ]
        for line in lag.lines
    ]
    return Table("lag", header, rows)


def _matrix_table(values: Mapping[str, str], *, by: str) -> Table:
    cells = matrix_cells(values, by)
    partners = Partner.objects.in_bulk({c["g_partner"] for c in cells})
    if by == "party":
        parties = Party.objects.in_bulk({c["g_key"] for c in cells})
        names = {pk: (p.code, p.display_name) for pk, p in parties.items()}
        columns = ["party_code", "party"]
    else:
        labels = dict(StandardPillar.choices)
        names = {
            k: (k, str(labels.get(k, _("No standard pillar")))) for k in {c["g_key"] for c in cells}
        }
        columns = ["standard_pillar", "pillar"]
    rows = [
        [
            str(partners[c["g_partner"]]),
            partners[c["g_partner"]].name,
            *names[c["g_key"]],
            c["currency"],
            c["committed"] if c["currency"] else "",
            c["records"],
        ]
        for c in cells
    ]
    rows.sort(key=lambda r: (str(r[0]).casefold(), str(r[3]).casefold(), r[4]))
    header = ["partner", "partner_name", *columns, "currency", "committed", "support_records"]
    return Table(f"partner-{by}", header, rows)


def _themes_of(needs: QuerySet[Need]) -> dict[int, list[str]]:
    """Each need's theme codes: one query, whatever the number of needs."""
    themes: dict[int, list[str]] = {}
    tags = NeedTheme.objects.filter(need__in=needs.values("pk")).order_by("need_id", "theme")
    for need_id, theme in tags.values_list("need_id", "theme"):
        themes.setdefault(need_id, []).append(theme)
    return themes


def _need_line(need: Need, themes: Mapping[int, list[str]]) -> list[Any]:
    action = need.action
    pillar = action.pillar if action is not None and action.pillar_id else None
    return [
        need.pk,
        need.party.code,
        need.party.display_name,
        action.code if action is not None else "",
        pillar.standard if pillar is not None else "",
        " ".join(themes.get(need.pk, [])),
        need.kind,
        need.status,
        need.description,
        "" if need.amount is None else need.amount,
        need.currency,
        need.needed_by.isoformat() if need.needed_by else "",
    ]


def needs_table(values: Mapping[str, str]) -> Table:
    """A row per filtered need, with what partners committed and disbursed in the need's own
    currency. Two queries."""
    needs = needs_filtered(values)
    rows = (
        needs.select_related("party", "action", "action__pillar")
        .annotate(
            committed=_sum(
                "support__amount",
                support__stage__in=COMMITTED_STAGES,
                support__currency=F("currency"),
            ),
            disbursed=_sum(
                "support__amount",
                support__stage__in=DISBURSED_STAGES,
                support__currency=F("currency"),
            ),
        )
        .order_by("party__country", "pk")
    )
    themes = _themes_of(needs)
    lines = [
        [
            *_need_line(need, themes),
            need.committed if need.currency else "",
            need.disbursed if need.currency else "",
        ]
        for need in rows
    ]
    return Table("needs", [*NEED_COLUMNS, "committed", "disbursed"], lines)


def unsupported_table(values: Mapping[str, str]) -> Table:
    """Every filtered need with no support at all (the page shows them a page at a time)."""
    needs = needs_unsupported(values)
    themes = _themes_of(needs_filtered(values))
    return Table("unsupported", list(NEED_COLUMNS), [_need_line(n, themes) for n in needs])


TABLES: dict[str, Callable[[Mapping[str, str]], Table]] = {
    "totals": totals_table,
    **{key: partial(_breakdown_table, key=key) for key in DIMENSION_COLUMNS},
    "lag": lag_table,
    "partner-party": partial(_matrix_table, by="party"),
    "partner-pillar": partial(_matrix_table, by="pillar"),
    "unsupported": unsupported_table,
    "needs": needs_table,
}


def _plain(value: Any) -> Any:
    return "" if value is None else value


def table_csv(table: Table) -> bytes:
    """The table as CSV, UTF-8, a header line first."""
    return csv_bytes(table.header, ([_plain(v) for v in row] for row in table.rows))


def table_xlsx(table: Table, values: Mapping[str, str]) -> bytes:
    """The table as an XLSX workbook: the table on its first sheet, numbers as numbers, and the
    filters and date it was made with on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.key[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in table.header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([cell_safe(v) for v in row])
    about = book.create_sheet("filters")
    about.append([WriteOnlyCell(about, value="filter"), WriteOnlyCell(about, value="value")])
    for name in NAMES:
        about.append([name, cell_safe(values.get(name, ""))])
    about.append(["made", timezone.localtime().strftime("%Y-%m-%d %H:%M")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_file(key: str, fmt: str, values: Mapping[str, str]) -> bytes:
    """The bytes of table `key` in `fmt` (csv or xlsx) for the filter values."""
    table = TABLES[key](values)
    return table_csv(table) if fmt == "csv" else table_xlsx(table, values)
