"""The partner matrices against sums computed here from the support rows: every cell on the
page and in the downloads, the "others" lines when the page has no room, and the partner
filter."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest

from tusk.support import dashboard_matrix
from tusk.support.tests.test_needs_dashboard import (
    COMMITTED,
    URL,
    World,
    build_world,
    file_rows,
    get,
    number,
    selected,
    support_of,
    table_url,
    tables,
)
from tusk.testing import factories as f

pytestmark = pytest.mark.django_db

Cells = dict[tuple[str, str], dict[str, Any]]  # (line, column) -> {"money": {...}, "records": n}


def matrix_expected(world: World, by: str, values: dict[str, str] | None = None) -> Cells:
    """Committed amounts per currency and support records, by (Party or pillar, partner)."""
    values = values or {}
    needs = {n.pk: n for n in selected(world, values)}
    support = support_of(world, list(needs.values()), values)
    if values.get("partner"):
        support = [s for s in support if str(s.partner_id) == values["partner"]]
    cells: Cells = defaultdict(lambda: {"money": defaultdict(Decimal), "records": 0})
    for record in support:
        need = needs[record.need_id]
        if by == "party":
            line = need.party.code
        else:
            line = need.action.pillar.standard if need.action is not None else ""
        cell = cells[(line, str(record.partner_id))]
        cell["records"] += 1
        if record.amount and record.stage in COMMITTED:
            cell["money"][record.currency] += record.amount
    return {key: {"money": dict(c["money"]), "records": c["records"]} for key, c in cells.items()}


def _shown(cell: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of a cell: the amounts, else the number of records."""
    money = {c: a for c, a in cell["money"].items() if a}
    return {"money": money} if money else {"records": cell["records"]}


def page_matrix(html: str, table_id: str, currency: str = "") -> Cells:
    """The cells a matrix shows, by (line key, column key); `currency` when the caption says
    every amount is in it."""
    rows = tables(html)[table_id]
    header = [c.attrs.get("data-col", "") for c in rows[0][1]][1:]
    found: Cells = {}
    for attrs, cells in rows[1:]:
        for column, cell in zip(header, cells[1:], strict=True):
            text = cell.text.strip()
            if not text:
                continue
            if text.startswith("("):
                found[(attrs["data-key"], column)] = {"records": int(text.strip("()"))}
                continue
            money = {}
            for part in text.split("\n"):
                amount, _, code = part.strip().partition(" ")
                money[code or currency] = number(amount)
            found[(attrs["data-key"], column)] = {"money": money}
    return found


def test_every_cell_of_both_matrices_is_the_sum_of_its_support(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    giz = f.PartnerFactory.create(name="GIZ", acronym="GIZ", kind="government")
    need = next(n for n in selected(world, {}) if n.party_id == cambodia.pk)
    world.support.append(
        f.SupportFactory.create(partner=giz, party=cambodia, need=need, stage="pledged",
                                amount=Decimal("5000"), currency="USD")
    )  # fmt: skip
    html = get(client, URL).content.decode()
    assert page_matrix(html, "partner-party-table")[("KH", str(giz.pk))] == {"records": 1}
    for by, table_id in (("party", "partner-party-table"), ("pillar", "partner-pillar-table")):
        want = matrix_expected(world, by)
        shown = page_matrix(html, table_id)
        inner = {k: v for k, v in shown.items() if k[0] not in ("all",) and k[1] != "total"}
        if by == "party":
            assert inner == {k: _shown(c) for k, c in want.items()}
        else:
            assert inner == {(k[1], k[0]): _shown(c) for k, c in want.items()}


def test_the_totals_of_a_matrix_add_up_its_cells(client: Any, cambodia: Any, gabon: Any) -> None:
    world = build_world(cambodia, gabon, size=40)
    html = get(client, URL).content.decode()
    want = matrix_expected(world, "party")
    shown = page_matrix(html, "partner-party-table")
    for party in {k[0] for k in want}:
        total: dict[str, Decimal] = defaultdict(Decimal)
        for (line, _partner), cell in want.items():
            if line == party:
                for currency, amount in cell["money"].items():
                    total[currency] += amount
        assert shown[(party, "total")]["money"] == {c: a for c, a in total.items() if a}
    grand: dict[str, Decimal] = defaultdict(Decimal)
    for cell in want.values():
        for currency, amount in cell["money"].items():
            grand[currency] += amount
    assert shown[("all", "total")]["money"] == {c: a for c, a in grand.items() if a}


def test_with_no_room_the_rest_is_added_up_in_others_and_the_download_has_every_cell(
    client: Any, cambodia: Any, gabon: Any, monkeypatch: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    monkeypatch.setattr(dashboard_matrix, "TOP_PARTNERS", 1)
    monkeypatch.setattr(dashboard_matrix, "TOP_PARTIES", 1)
    html = get(client, URL).content.decode()
    shown = page_matrix(html, "partner-party-table")
    lines_shown = {k[0] for k in shown}
    assert len(lines_shown - {"*", "all"}) == 1 and "*" in lines_shown
    assert len({k[1] for k in shown} - {"*", "total"}) <= 1
    # Every line's total is its cells and its "others" added up.
    for key_line in lines_shown:
        parts: dict[str, Decimal] = defaultdict(Decimal)
        for (key, column), cell in shown.items():
            if key == key_line and column != "total":
                for currency, amount in cell.get("money", {}).items():
                    parts[currency] += amount
        total = shown.get((key_line, "total"), {}).get("money", {})
        assert {c: a for c, a in parts.items() if a} == total, key_line
    assert "Shown: the 1 partners with the most support records, of 3" in html
    assert "Shown: the 1 Parties with the most support records, of 3" in html
    want = matrix_expected(world, "party")
    for fmt in ("csv", "xlsx"):
        lines = file_rows(get(client, table_url("partner-party", fmt)).content, fmt)
        partners = {p.acronym: str(p.pk) for p in world.partners}
        got: dict[tuple[str, str], dict[str, Any]] = defaultdict(
            lambda: {"money": {}, "records": 0}
        )
        for line in lines:
            found = got[(line["party_code"], partners[line["partner"]])]
            found["records"] += int(line["support_records"])
            if line["currency"] and number(line["committed"]):
                found["money"][line["currency"]] = number(line["committed"])
        assert dict(got) == want, fmt


def test_the_partner_filter_shows_that_partner_s_support_only(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    wwf = world.partners[2]
    values = {"partner": str(wwf.pk)}
    html = get(client, URL, values).content.decode()
    shown = page_matrix(html, "partner-pillar-table")
    assert {k[0] for k in shown} == {str(wwf.pk), "all"}
    want = matrix_expected(world, "pillar", values)
    assert {k: v for k, v in shown.items() if k[0] != "all" and k[1] != "total"} == {
        (k[1], k[0]): _shown(c) for k, c in want.items()
    }


def test_a_matrix_in_one_currency_names_it_once(client: Any, cambodia: Any, gabon: Any) -> None:
    world = build_world(cambodia, gabon, size=40)
    values = {"currency": "XAF"}
    html = get(client, URL, values).content.decode()
    assert "All amounts in XAF." in html
    shown = page_matrix(html, "partner-party-table", currency="XAF")
    want = matrix_expected(world, "party", values)
    assert {k: v for k, v in shown.items() if k[0] != "all" and k[1] != "total"} == {
        k: _shown(c) for k, c in want.items()
    }
    assert not re.search(r"<td>[\d,]+ XAF", html)
