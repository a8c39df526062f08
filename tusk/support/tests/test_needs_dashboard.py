"""The needs dashboard's tables against figures computed here, independently, from the rows
themselves: on the page, in the CSV and in the XLSX, for every dimension and every filter; bad
filter values; and queries that do not grow with the data.

The helpers at the top (the world, the expected figures, the readers of the page and the files)
are shared with the other `test_needs_dashboard_*` modules.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tusk.support import dashboard
from tusk.support.models import Need, NeedTheme, Support
from tusk.testing import factories as f
from tusk.testing.clients import client_for

URL = reverse("needs-dashboard")
CSV_URL = reverse("needs-dashboard-csv")
COMMITTED = {"committed", "disbursed", "completed"}
DISBURSED = {"disbursed", "completed"}
STANDARDS = ("legislation", "enforcement", "outreach", "")
THEMES = ("livelihoods", "awareness", "forensics", "legislation", "capacity")


def table_url(key: str, fmt: str) -> str:
    return reverse("needs-dashboard-table", args=[key, fmt])


# --- The world ---------------------------------------------------------------------------------


@dataclass
class World:
    """The rows the tests compute their expectations from."""

    parties: list[Any]
    partners: list[Any]
    regions: dict[int, list[str]]  # party pk -> codes of its regions today
    actions: dict[int, list[Any]] = field(default_factory=dict)
    needs: list[Need] = field(default_factory=list)
    support: list[Support] = field(default_factory=list)
    themes: dict[int, list[str]] = field(default_factory=dict)

    def grow(self, size: int, seed: int) -> None:
        """Add `size` needs, and their support, to the world."""
        rng = random.Random(seed)
        start = len(self.needs)
        for i in range(start, start + size):
            _need(self, rng, self.actions, i)


def build_world(cambodia: Any, gabon: Any, size: int = 24, seed: int = 7) -> World:
    """Three Parties (Cambodia in two regions, Viet Nam in one it has left), plans with pillars
    of three standards and one without, and `size` needs in USD, EUR and XAF (some without an
    amount, some withdrawn, with 0 to 3 themes), with support from three partners at every
    stage, some in another currency than the need, some without an amount, and one record for
    an action as a whole, which no table counts."""
    viet_nam = f.PartyFactory.create(country="VN")
    asean = f.RegionFactory.create(code="asean", name="ASEAN")
    mekong = f.RegionFactory.create(code="mekong", name="Mekong")
    eccas = f.RegionFactory.create(code="eccas", name="ECCAS")
    start = datetime.date(2000, 1, 1)
    f.RegionMembershipFactory.create(region=asean, party=cambodia, start=start)
    f.RegionMembershipFactory.create(region=mekong, party=cambodia, start=start)
    f.RegionMembershipFactory.create(region=eccas, party=gabon, start=start)
    f.RegionMembershipFactory.create(
        region=mekong, party=viet_nam, start=start, end=datetime.date(2020, 1, 1)
    )
    parties = [cambodia, gabon, viet_nam]
    partners = [
        f.PartnerFactory.create(),
        f.PartnerFactory.create(name="European Union", acronym="EU", kind="multilateral"),
        f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF", kind="ngo"),
    ]
    world = World(parties, partners, {cambodia.pk: ["asean", "mekong"], gabon.pk: ["eccas"]})
    actions = world.actions
    for party in parties:
        plan = f.PlanFactory.create(party=party)
        actions[party.pk] = []
        for number, standard in enumerate(STANDARDS, 1):
            pillar = f.PillarFactory.create(plan=plan, number=str(number), standard=standard)
            actions[party.pk] += [
                f.ActionFactory.create(plan=plan, pillar=pillar, code=f"{number}.{i}")
                for i in (1, 2)
            ]
    world.grow(size, seed)
    action = actions[gabon.pk][0]
    whole = f.SupportFactory.create(
        partner=partners[0],
        party=gabon,
        action=action,
        stage="committed",
        amount=Decimal("777"),
        currency="USD",
    )
    world.support.append(whole)
    return world


def _need(world: World, rng: random.Random, actions: dict[int, list[Any]], i: int) -> None:
    party = world.parties[i % 3]
    amount = None if i % 7 == 3 else Decimal(rng.randrange(1, 90) * 1000)
    currency = rng.choice(("USD", "USD", "EUR", "XAF")) if amount is not None else ""
    need = f.NeedFactory.create(
        party=party,
        action=None if i % 5 == 4 else rng.choice(actions[party.pk]),
        kind=rng.choice(("funding", "training", "equipment")),
        description=f"Need {i}",
        amount=amount,
        currency=currency,
        status="withdrawn" if i % 9 == 8 else rng.choice(("open", "partly_met", "met")),
    )
    world.needs.append(need)
    world.themes[need.pk] = sorted(rng.sample(THEMES, rng.choice((0, 1, 1, 2, 3))))
    for theme in world.themes[need.pk]:
        NeedTheme.objects.create(need=need, theme=theme)
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        other = rng.random() < 0.15
        given = None if rng.random() < 0.15 else Decimal(rng.randrange(1, 40) * 500)
        world.support.append(
            f.SupportFactory.create(
                partner=rng.choice(world.partners),
                party=party,
                need=need,
                stage=rng.choice(("pledged", "committed", "disbursed", "completed")),
                amount=given,
                currency=("EUR" if other else currency or "USD") if given is not None else "",
            )
        )


# --- What the tables must say, computed from the rows ------------------------------------------


def standard_of(need: Need) -> str:
    return need.action.pillar.standard if need.action is not None else ""


def keys_of(world: World, dimension: str) -> Callable[[Need], list[str]]:
    """The row keys of a need in a dimension's table."""
    return {
        "party": lambda n: [n.party.code],
        "region": lambda n: world.regions.get(n.party_id, []) or [""],
        "pillar": lambda n: [standard_of(n)],
        "theme": lambda n: world.themes[n.pk] or [""],
        "kind": lambda n: [n.kind],
        "totals": lambda n: [""],
    }[dimension]


def selected(world: World, values: dict[str, str]) -> list[Need]:
    """The needs the filter values select, decided here from the rows."""
    partner_needs = {s.need_id for s in world.support if str(s.partner_id) == values.get("partner")}
    tests: dict[str, Callable[[Need], bool]] = {
        "party": lambda n: n.party.code == values["party"],
        "region": lambda n: values["region"] in world.regions.get(n.party_id, []),
        "pillar": lambda n: standard_of(n) == values["pillar"],
        "theme": lambda n: values["theme"] in world.themes[n.pk],
        "kind": lambda n: n.kind == values["kind"],
        "status": lambda n: values["status"] == "any" or n.status == values["status"],
        "partner": lambda n: n.pk in partner_needs,
        "currency": lambda n: n.currency == values["currency"],
    }
    needs = [n for n in world.needs if all(tests[k](n) for k in values)]
    if "status" not in values:
        needs = [n for n in needs if n.status != "withdrawn"]
    return needs


def support_of(world: World, needs: list[Need], values: dict[str, str]) -> list[Support]:
    """The support the figures count: against one of `needs`, in the filtered currency."""
    ids = {n.pk for n in needs}
    return [
        s
        for s in world.support
        if s.need_id in ids and s.currency == values.get("currency", s.currency)
    ]


Figures = dict[str, Any]  # key -> {"needs", "unsupported", "money": {currency: [4 sums]}}


def expected(world: World, dimension: str, values: dict[str, str] | None = None) -> Figures:
    """Each row of a dimension's table: needs, needs with no support at all, and per currency
    the amount needed, committed, disbursed and the gap."""
    values = values or {}
    needs = selected(world, values)
    supported = {s.need_id for s in world.support}
    keys = keys_of(world, dimension)
    rows: dict[str, Any] = defaultdict(
        lambda: {"needs": 0, "unsupported": 0, "money": defaultdict(lambda: [Decimal(0)] * 3)}
    )
    for need in needs:
        for key in keys(need):
            rows[key]["needs"] += 1
            rows[key]["unsupported"] += need.pk not in supported
            if need.amount is not None:
                rows[key]["money"][need.currency][0] += need.amount
    by_pk = {n.pk: n for n in needs}
    for support in support_of(world, needs, values):
        if support.amount is None:
            continue
        for key in keys(by_pk[support.need_id]):
            money = rows[key]["money"][support.currency]
            money[1] += support.amount if support.stage in COMMITTED else 0
            money[2] += support.amount if support.stage in DISBURSED else 0
    return {
        key: {
            "needs": row["needs"],
            "unsupported": row["unsupported"],
            "money": {
                c: [m[0], m[1], m[2], max(m[0] - m[1], Decimal(0))] for c, m in row["money"].items()
            },
        }
        for key, row in rows.items()
    }


# --- Reading the page and the files ------------------------------------------------------------


def number(text: Any) -> Decimal:
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    return Decimal(str(text).replace(",", "").replace("\u202f", "").replace("\xa0", "").strip())


@dataclass
class Cell:
    tag: str
    attrs: dict[str, str]
    text: str = ""


def tables(html: str) -> dict[str, list[tuple[dict[str, str], list[Cell]]]]:
    """Every table of a page with an id: its rows as (the row's attributes, its cells)."""
    found: dict[str, list[tuple[dict[str, str], list[Cell]]]] = {}

    class Reader(HTMLParser):
        table = ""
        cell: Cell | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k: v or "" for k, v in attrs}
            if tag == "table" and a.get("id"):
                self.table = a["id"]
                found[self.table] = []
            elif self.table and tag == "tr":
                found[self.table].append((a, []))
            elif self.table and tag in ("td", "th") and found[self.table]:
                self.cell = Cell(tag, a)
                found[self.table][-1][1].append(self.cell)
            elif self.cell is not None and tag == "br":
                self.cell.text += "\n"

        def handle_endtag(self, tag: str) -> None:
            if tag == "table":
                self.table = ""
            if tag in ("td", "th"):
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.text += data

    Reader().feed(html)
    return found


def page_rows(html: str, table_id: str) -> Figures:
    """A dimension's table as the page shows it, in the shape of `expected`."""
    rows: Figures = {}
    for attrs, cells in tables(html)[table_id]:
        if "data-key" not in attrs:
            continue
        row = rows.setdefault(attrs["data-key"], {"money": {}})
        tds = [c.text.strip() for c in cells if c.tag == "td"]
        if any(c.tag == "th" for c in cells):
            row["needs"], row["unsupported"] = int(tds[0]), int(tds[1])
        if attrs["data-currency"]:
            row["money"][tds[-5]] = [number(t) for t in tds[-4:]]
    return rows


def file_rows(content: bytes, fmt: str) -> list[dict[str, Any]]:
    """The rows of a downloaded CSV or XLSX table, as dictionaries by column name."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(content.decode())))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    lines = list(sheet.values)
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


def download_rows(rows: list[dict[str, Any]], key_column: str) -> Figures:
    """A downloaded dimension's table, in the shape of `expected`."""
    found: Figures = {}
    for line in rows:
        row = found.setdefault(str(line[key_column] or ""), {"money": {}})
        row["needs"], row["unsupported"] = int(line["needs"]), int(line["needs_without_support"])
        if line["currency"]:
            money = [line[k] for k in ("needed", "committed", "disbursed", "gap")]
            row["money"][line["currency"]] = [number(v) for v in money]
    return found


def get(client: Any, url: str, values: dict[str, str] | None = None) -> Any:
    response = client.get(url, values or {})
    assert response.status_code == 200, (url, values, response.status_code)
    return response


# --- The tests ---------------------------------------------------------------------------------

KEY_COLUMNS = {
    "party": "party_code",
    "region": "region_code",
    "pillar": "standard_pillar",
    "theme": "theme",
    "kind": "kind",
}


@pytest.mark.django_db
@pytest.mark.parametrize("dimension", sorted(KEY_COLUMNS))
def test_every_table_shows_the_figures_computed_from_the_rows(
    client: Any, cambodia: Any, gabon: Any, dimension: str
) -> None:
    world = build_world(cambodia, gabon, size=40)
    want = expected(world, dimension)
    assert len(want) >= 3  # the world gives each table several rows
    html = get(client, URL).content.decode()
    assert page_rows(html, f"{dimension}-table") == want
    for fmt in ("csv", "xlsx"):
        content = get(client, table_url(dimension, fmt)).content
        assert download_rows(file_rows(content, fmt), KEY_COLUMNS[dimension]) == want, fmt


@pytest.mark.django_db
def test_a_need_with_several_themes_counts_in_each_and_the_page_says_so(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    themed = [n for n in selected(world, {}) if len(world.themes[n.pk]) > 1]
    assert themed
    rows = page_rows(get(client, URL).content.decode(), "theme-table")
    assert sum(r["needs"] for r in rows.values()) > len(selected(world, {}))
    html = get(client, URL).content.decode()
    assert "it counts in each of them" in html
    assert "A Party in several regions counts in each of them." in html


FILTERS = [
    {"party": "KH"},
    {"region": "mekong"},
    {"region": "asean", "kind": "training"},
    {"pillar": "outreach"},
    {"theme": "livelihoods"},
    {"kind": "equipment"},
    {"status": "withdrawn"},
    {"status": "any"},
    {"currency": "EUR"},
    {"party": "GA", "currency": "XAF", "status": "open"},
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values", FILTERS, ids=lambda v: "&".join(f"{k}={x}" for k, x in v.items())
)
def test_each_filter_narrows_every_table_to_the_needs_it_selects(
    client: Any, cambodia: Any, gabon: Any, values: dict[str, str]
) -> None:
    world = build_world(cambodia, gabon, size=40)
    html = get(client, URL, values).content.decode()
    for dimension in ("party", "theme", "pillar"):
        assert page_rows(html, f"{dimension}-table") == expected(world, dimension, values)
    totals = expected(world, "totals", values)[""]
    content = get(client, table_url("totals", "csv"), values).content
    lines = file_rows(content, "csv")
    assert {line["currency"]: [number(line[k]) for k in ("needed", "committed", "disbursed", "gap")]
            for line in lines if line["currency"]} == totals["money"]  # fmt: skip
    assert {int(line["needs"]) for line in lines} == {totals["needs"]}
    # The download links of the page keep the filters.
    query = "&amp;".join(f"{k}={v}" for k, v in sorted(values.items(), key=_filter_order))
    assert f"{table_url('party', 'xlsx')}?{query}" in html


def _filter_order(item: tuple[str, str]) -> int:
    from tusk.support.dashboard_filters import NAMES

    return NAMES.index(item[0])


@pytest.mark.django_db
def test_the_partner_filter_keeps_the_needs_it_supports_with_everyone_s_support(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    eu = world.partners[1]
    values = {"partner": str(eu.pk)}
    html = get(client, URL, values).content.decode()
    want = expected(world, "party", values)
    assert page_rows(html, "party-table") == want
    needs = selected(world, values)
    assert needs and all(any(s.partner_id == eu.pk for s in n.support.all()) for n in needs)
    others = [s for s in support_of(world, needs, values) if s.partner_id != eu.pk]
    assert others  # the figures count other partners' support to those needs too
    assert "the partner tables show this partner" in html


@pytest.mark.django_db
def test_a_bad_filter_value_is_dropped_with_a_note_and_the_others_still_apply(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=30)
    bad = {
        "party": "ZZ",
        "region": "<b>nowhere</b>",
        "pillar": "finance",
        "theme": "' OR 1=1 --",
        "status": "lost",
        "partner": "not-a-number",
        "currency": "EURO",
        "kind": "training",
    }
    response = get(client, URL, bad)
    html = response.content.decode()
    notes = tables_notes(html)
    assert len(notes) == 7
    assert any("ZZ" in note and "Party" in note for note in notes)
    assert "<b>nowhere</b>" not in html  # shown escaped, never as markup
    assert page_rows(html, "party-table") == expected(world, "party", {"kind": "training"})
    # The downloads and the chart drop the same values.
    lines = file_rows(get(client, table_url("kind", "csv"), bad).content, "csv")
    assert {line["kind"] for line in lines} == {"training"}
    assert get(client, reverse("needs-theme-chart"), bad)["Content-Type"].startswith("image/svg")
    assert client.get(URL, {"page": "many"}).status_code == 200


def tables_notes(html: str) -> list[str]:
    """The notes of the filters that were left out."""
    start = html.find('id="filter-notes"')
    if start < 0:
        return []
    block = html[start : html.find("</ul>", start)]
    return [part.split("</li>")[0] for part in block.split('class="message message-warning">')[1:]]


@pytest.mark.django_db
def test_an_unknown_table_or_format_is_not_found(client: Any) -> None:
    assert client.get("/needs/tables/secrets.csv").status_code == 404
    assert client.get("/needs/tables/party.pdf").status_code == 404


@pytest.mark.django_db
def test_totals_count_commitments_not_pledges_and_the_gap_never_goes_negative(
    client: Any, gabon: Any
) -> None:
    need = f.NeedFactory.create(party=gabon, amount=Decimal("10"), currency="EUR")
    f.SupportFactory.create(party=gabon, need=need, amount=Decimal("25"), currency="EUR")
    f.SupportFactory.create(
        party=gabon, need=need, stage="pledged", amount=Decimal("1000"), currency="EUR"
    )
    html = get(client, URL).content.decode()
    row = next(cells for attrs, cells in tables(html)["totals-table"] if attrs.get("data-currency"))
    needed, committed, disbursed, gap = (number(c.text) for c in row[1:])
    assert (needed, committed, disbursed, gap) == (10, 25, 0, 0)


@pytest.mark.django_db
def test_needs_with_no_support_at_all_are_listed_a_page_at_a_time(
    client: Any, cambodia: Any, gabon: Any, monkeypatch: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    supported = {s.need_id for s in world.support}
    bare = [n for n in selected(world, {}) if n.pk not in supported]
    monkeypatch.setattr(dashboard, "PAGE_SIZE", 4)
    from tusk.support import views

    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    shown: list[Need] = []
    for number_ in range(1, 20):
        response = get(client, URL, {"page": str(number_)})
        page = response.context["page"]
        shown += list(page.object_list)
        if not page.has_next():
            break
    assert sorted(n.pk for n in shown) == sorted(n.pk for n in bare)
    lines = file_rows(get(client, table_url("unsupported", "xlsx")).content, "xlsx")
    assert sorted(line["need_id"] for line in lines) == sorted(n.pk for n in bare)


@pytest.mark.django_db
def test_with_many_parties_the_page_shows_those_with_most_needs_and_the_file_has_all(
    client: Any, cambodia: Any, gabon: Any, monkeypatch: Any
) -> None:
    world = build_world(cambodia, gabon, size=40)
    monkeypatch.setattr(dashboard, "PARTY_ROWS", 2)
    want = expected(world, "party")
    most = sorted(want, key=lambda k: -want[k]["needs"])[:2]
    html = get(client, URL).content.decode()
    assert sorted(page_rows(html, "party-table")) == sorted(most)
    assert "The 2 Parties with the most needs, of 3" in html
    lines = file_rows(get(client, table_url("party", "csv")).content, "csv")
    assert {line["party_code"] for line in lines} == set(want)


@pytest.mark.django_db
def test_the_needs_files_have_every_filtered_need_and_guard_against_formulas(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    world = build_world(cambodia, gabon, size=20)
    trap = f.NeedFactory.create(party=gabon, description="=HYPERLINK(1)", amount=None)
    world.needs.append(trap)
    world.themes[trap.pk] = []
    lines = file_rows(get(client, CSV_URL, {"party": "GA"}).content, "csv")
    gabon_needs = selected(world, {"party": "GA"})
    assert sorted(int(line["need_id"]) for line in lines) == sorted(n.pk for n in gabon_needs)
    by_id = {int(line["need_id"]): line for line in lines}
    assert by_id[trap.pk]["description"] == "'=HYPERLINK(1)"
    for need in gabon_needs:
        line = by_id[need.pk]
        assert line["themes"] == " ".join(world.themes[need.pk])
        if need.currency:
            given = [
                s for s in world.support if s.need_id == need.pk and s.currency == need.currency
            ]
            committed = sum((s.amount or 0 for s in given if s.stage in COMMITTED), Decimal(0))
            assert number(line["committed"]) == committed
    book = file_rows(get(client, table_url("unsupported", "xlsx")).content, "xlsx")
    cells = [line["description"] for line in book]
    assert "'=HYPERLINK(1)" in cells and "=HYPERLINK(1)" not in cells


@pytest.mark.django_db
def test_the_xlsx_keeps_numbers_as_numbers_and_records_its_filters(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    from openpyxl import load_workbook

    build_world(cambodia, gabon, size=12)
    content = get(client, table_url("party", "xlsx"), {"kind": "training"}).content
    book = load_workbook(io.BytesIO(content), read_only=True)
    lines = list(book.worksheets[0].values)
    money = [line for line in lines[1:] if line[4]]
    assert money and all(isinstance(line[5], int | float) for line in money)
    assert ("kind", "training") in list(book["filters"].values)


def test_every_persona_sees_the_dashboard_and_its_files(personas: dict[str, Any]) -> None:
    f.NeedFactory.create(party=personas["chan"].memberships.get().party, amount=None)
    for name, user in personas.items():
        client = client_for(user)
        assert client.get(URL).status_code == 200, name
        assert client.get(CSV_URL).status_code == 200, name
        assert client.get(table_url("partner-party", "xlsx")).status_code == 200, name


# --- Queries ------------------------------------------------------------------------------------

PAGES = [
    (URL, {}),
    (URL, {"status": "any", "partner": "1", "region": "asean"}),
    (reverse("needs-theme-chart"), {}),
    *((table_url(key, "csv"), {}) for key in ("totals", "party", "region", "theme", "lag")),
    *((table_url(key, "xlsx"), {}) for key in ("partner-party", "partner-pillar", "needs")),
    (table_url("unsupported", "csv"), {"currency": "EUR"}),
    (CSV_URL, {}),
]


def _queries(client: Any, url: str, values: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, values).status_code == 200
    return len(context)


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_data(cambodia: Any, gabon: Any) -> None:
    from django.core.cache import cache

    client = client_for(None)
    world = build_world(cambodia, gabon, size=12)
    first = world.partners[0].pk
    pages = [(url, {**v, "partner": str(first)} if "partner" in v else v) for url, v in PAGES]
    # Each page has something to show already, so that only the amount of data changes.
    assert selected(world, {"status": "any", "partner": str(first), "region": "asean"})
    cache.clear()
    small = [_queries(client, url, values) for url, values in pages]
    world.grow(90, seed=11)
    cache.clear()
    larger = [_queries(client, url, values) for url, values in pages]
    assert small == larger
    assert max(small) <= 25
