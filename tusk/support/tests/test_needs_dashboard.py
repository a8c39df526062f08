"""The needs dashboard: figures from the factory data, filters, CSV, personas, query count."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tusk.testing import factories as f

URL = reverse("needs-dashboard")
CSV_URL = reverse("needs-dashboard-csv")


def _world(cambodia: Any, gabon: Any) -> dict[str, Any]:
    """Two Parties; needs in USD and EUR; support at every stage, one over-funding a need."""
    f.RegionMembershipFactory(party=cambodia)
    kh_plan = f.PlanFactory(party=cambodia)
    law = f.PillarFactory(plan=kh_plan, number="1", standard="legislation")
    outreach = f.PillarFactory(plan=kh_plan, number="2", standard="outreach")
    kh_law = f.ActionFactory(plan=kh_plan, pillar=law)
    kh_outreach = f.ActionFactory(plan=kh_plan, pillar=outreach)
    n1 = f.NeedFactory(party=cambodia, action=kh_law, amount=Decimal("1000"), currency="USD")
    n2 = f.NeedFactory(
        party=cambodia, action=kh_outreach, amount=Decimal("500"), currency="USD", kind="funding"
    )
    n3 = f.NeedFactory(party=gabon, amount=Decimal("800"), currency="EUR")
    n4 = f.NeedFactory(party=gabon, amount=Decimal("100"), currency="EUR")  # no support at all
    f.NeedFactory(party=gabon, amount=Decimal("999"), currency="EUR", status="withdrawn")
    f.SupportFactory(
        party=cambodia, need=n1, stage="pledged", amount=Decimal("300"), currency="USD"
    )
    f.SupportFactory(
        party=cambodia, need=n1, stage="committed", amount=Decimal("200"), currency="USD"
    )
    f.SupportFactory(
        party=cambodia, need=n1, stage="disbursed", amount=Decimal("150"), currency="USD"
    )
    f.SupportFactory(party=cambodia, need=n2, stage="pledged", amount=Decimal("50"), currency="USD")
    f.SupportFactory(party=gabon, need=n3, stage="disbursed", amount=Decimal("900"), currency="EUR")
    return {"n1": n1, "n2": n2, "n3": n3, "n4": n4}


def _figures(html: str, table: str) -> dict[tuple[str, str, str], str]:
    """The data-figure cells of a table as {(row key, currency, figure): text}."""
    from html.parser import HTMLParser

    found: dict[tuple[str, str, str], str] = {}

    class Reader(HTMLParser):
        inside = False
        key = currency = figure = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "table":
                self.inside = a.get("id") == table
            if self.inside and tag == "tr":
                self.key, self.currency = a.get("data-key") or "", a.get("data-currency") or ""
            if self.inside and tag == "td":
                self.figure = a.get("data-figure") or ""

        def handle_endtag(self, tag: str) -> None:
            if tag == "table":
                self.inside = False
            if tag == "td":
                self.figure = ""

        def handle_data(self, data: str) -> None:
            if self.inside and self.figure and data.strip():
                found[(self.key, self.currency, self.figure)] = data.strip()

    Reader().feed(html)
    return found


def _dec(text: str) -> Decimal:
    return Decimal(text.replace("\u202f", "").replace("\xa0", "").replace(",", ""))


@pytest.mark.django_db
def test_totals_equal_the_factory_data_and_the_gap_never_goes_negative(
    client: Any, cambodia: Any, gabon: Any
) -> None:
    _world(cambodia, gabon)
    html = client.get(URL).content.decode()
    totals = _figures(html, "totals-table")
    # USD: needed 1000 + 500; committed 200 + 150 (pledges do not count); disbursed 150.
    assert _dec(totals[("", "USD", "needed")]) == Decimal("1500")
    assert _dec(totals[("", "USD", "committed")]) == Decimal("350")
    assert _dec(totals[("", "USD", "disbursed")]) == Decimal("150")
    assert _dec(totals[("", "USD", "gap")]) == Decimal("1150")
    # EUR: the withdrawn need is left out; 900 given against 900 needed.
    assert _dec(totals[("", "EUR", "needed")]) == Decimal("900")
    assert _dec(totals[("", "EUR", "committed")]) == Decimal("900")
    assert _dec(totals[("", "EUR", "gap")]) == Decimal("0")

    parties = _figures(html, "party-table")
    assert _dec(parties[("KH", "USD", "gap")]) == Decimal("1150")
    assert _dec(parties[("GA", "EUR", "needed")]) == Decimal("900")
    # Gabon's 800 EUR need got 900: the Party is over-funded there, and its gap is zero, not -100.
    f.NeedFactory(party=gabon, amount=Decimal("0"), currency="EUR")
    html = client.get(URL, {"party": "GA", "kind": "training"}).content.decode()
    assert all(_dec(v) >= 0 for k, v in _figures(html, "party-table").items() if k[2] == "gap")

    pillars = _figures(client.get(URL).content.decode(), "pillar-table")
    assert _dec(pillars[("outreach", "USD", "gap")]) == Decimal("500")
    assert _dec(pillars[("legislation", "USD", "committed")]) == Decimal("350")
    assert _dec(pillars[("", "EUR", "needed")]) == Decimal("900")


@pytest.mark.django_db
def test_gap_is_zero_when_support_exceeds_the_need(client: Any, gabon: Any) -> None:
    need = f.NeedFactory(party=gabon, amount=Decimal("10"), currency="EUR")
    f.SupportFactory(party=gabon, need=need, amount=Decimal("25"), currency="EUR")
    totals = _figures(client.get(URL).content.decode(), "totals-table")
    assert _dec(totals[("", "EUR", "gap")]) == Decimal("0")


@pytest.mark.django_db
def test_filters_narrow_the_figures(client: Any, cambodia: Any, gabon: Any) -> None:
    _world(cambodia, gabon)
    by_party = _figures(client.get(URL, {"party": "KH"}).content.decode(), "totals-table")
    assert {k[1] for k in by_party} == {"USD"}
    by_region = _figures(client.get(URL, {"region": "asean"}).content.decode(), "totals-table")
    assert {k[1] for k in by_region} == {"USD"}
    by_pillar = _figures(client.get(URL, {"pillar": "outreach"}).content.decode(), "totals-table")
    assert _dec(by_pillar[("", "USD", "needed")]) == Decimal("500")
    by_kind = _figures(client.get(URL, {"kind": "funding"}).content.decode(), "totals-table")
    assert _dec(by_kind[("", "USD", "needed")]) == Decimal("500")
    withdrawn = client.get(URL, {"status": "withdrawn"}).content.decode()
    assert _dec(_figures(withdrawn, "totals-table")[("", "EUR", "needed")]) == Decimal("999")
    # An unknown value is ignored rather than failing the page.
    assert client.get(URL, {"party": "ZZ", "kind": "funding"}).status_code == 200


@pytest.mark.django_db
def test_needs_with_no_support_are_listed(client: Any, cambodia: Any, gabon: Any) -> None:
    world = _world(cambodia, gabon)
    response = client.get(URL)
    unsupported = list(response.context["page"].object_list)
    assert unsupported == [world["n4"]]


@pytest.mark.django_db
def test_csv_has_the_filtered_rows(client: Any, cambodia: Any, gabon: Any) -> None:
    world = _world(cambodia, gabon)
    f.NeedFactory(party=gabon, description="=HYPERLINK(1)", amount=None)
    response = client.get(CSV_URL, {"party": "KH"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(r["need_id"]) for r in rows] == [world["n1"].pk, world["n2"].pk]
    assert Decimal(rows[0]["committed"]) == Decimal("350")
    assert Decimal(rows[0]["disbursed"]) == Decimal("150")
    assert rows[1]["standard_pillar"] == "outreach"
    gabon_rows = list(
        csv.DictReader(io.StringIO(client.get(CSV_URL, {"party": "GA"}).content.decode()))
    )
    assert "'=HYPERLINK(1)" in [r["description"] for r in gabon_rows]


def test_every_persona_sees_the_dashboard(client: Any, personas: dict[str, Any]) -> None:
    for name, user in personas.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        assert client.get(URL).status_code == 200, name
        assert client.get(CSV_URL).status_code == 200, name


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 40])
def test_query_count_does_not_grow_with_the_data(
    client: Any, cambodia: Any, gabon: Any, size: int, django_assert_max_num_queries: Any
) -> None:
    _world(cambodia, gabon)
    plan = f.PlanFactory(party=gabon)
    pillar = f.PillarFactory(plan=plan, number="1", standard="enforcement")
    for i in range(size):
        action = f.ActionFactory(plan=plan, pillar=pillar)
        need = f.NeedFactory(party=gabon, action=action, amount=Decimal(i + 1), currency="XAF")
        f.NeedFactory(party=cambodia, amount=Decimal(i + 1), currency="USD")
        f.SupportFactory(party=gabon, need=need, amount=Decimal(1), currency="XAF")
    with django_assert_max_num_queries(15):
        assert client.get(URL, {"status": "open"}).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(CSV_URL).status_code == 200
