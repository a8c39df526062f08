"""Exchange rates: the Secretariat records them (with an audit event and history, bad input
refused with a message and nothing written), the rate in force on a day is the latest from on
or before it, and the dashboard converts to US dollars only when every currency has one."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tusk.core.errors import Duplicate, ServiceError
from tusk.core.models import AuditEvent
from tusk.support.models import ExchangeRate
from tusk.support.rates import exchange_rate_create, rates_in_force
from tusk.support.tests.test_needs_dashboard import URL, file_rows, get, number, table_url, tables
from tusk.testing import factories as f
from tusk.testing.clients import client_for

pytestmark = pytest.mark.django_db
RATES = reverse("exchange-rates")
DAY = datetime.date(2026, 10, 1)


def _create(actor: Any, **given: Any) -> ExchangeRate:
    values = {"currency": "EUR", "usd_per_unit": Decimal("1.08"), "valid_from": DAY} | given
    return exchange_rate_create(actor=actor, **values)


def test_recording_a_rate_writes_it_with_an_audit_event_and_history(sofia: Any) -> None:
    rate = _create(sofia, currency=" eur ", source="UN operational rate")
    assert (rate.currency, rate.usd_per_unit, rate.valid_from) == ("EUR", Decimal("1.08"), DAY)
    event = AuditEvent.objects.get(verb="exchange_rate.create")
    assert event.actor == sofia
    assert event.after == {
        "currency": "EUR",
        "usd_per_unit": "1.08",
        "valid_from": "2026-10-01",
        "source": "UN operational rate",
    }
    assert rate.history.get().history_user == sofia


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"currency": "EU"}, "give its three letters"),
        ({"currency": "E1R"}, "give its three letters"),
        ({"currency": "USD"}, "The US dollar needs no rate"),
        ({"currency": "XYZ"}, "not an ISO 4217 currency code"),
        ({"usd_per_unit": Decimal(0)}, "above zero"),
        ({"usd_per_unit": Decimal("-1.2")}, "above zero"),
        ({"usd_per_unit": Decimal("NaN")}, "above zero"),
        ({"usd_per_unit": Decimal("0.000000001")}, "at most 8 decimals"),
        ({"usd_per_unit": Decimal("12345678901")}, "too large"),
        ({"source": "x" * 301}, "under 300 characters"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(
    sofia: Any, given: dict[str, Any], message: str
) -> None:
    with pytest.raises(ServiceError, match=message):
        _create(sofia, **given)
    assert ExchangeRate.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_second_rate_for_the_same_day_is_refused_and_the_first_kept(sofia: Any) -> None:
    _create(sofia)
    with pytest.raises(Duplicate, match="There is already a rate for EUR from"):
        _create(sofia, usd_per_unit=Decimal("2"))
    assert list(ExchangeRate.objects.values_list("usd_per_unit", flat=True)) == [Decimal("1.08")]
    assert AuditEvent.objects.count() == 1


def test_the_rate_in_force_is_the_latest_from_on_or_before_the_day(sofia: Any) -> None:
    _create(sofia, valid_from=datetime.date(2026, 1, 1), usd_per_unit=Decimal("1.02"))
    _create(sofia, valid_from=datetime.date(2026, 6, 1), usd_per_unit=Decimal("1.10"))
    _create(sofia, valid_from=datetime.date(2027, 1, 1), usd_per_unit=Decimal("1.30"))
    _create(sofia, currency="XAF", valid_from=datetime.date(2027, 1, 1), usd_per_unit=Decimal(1))
    with CaptureQueriesContext(connection) as context:
        found = rates_in_force(currencies=["EUR", "USD", "XAF", ""], on=datetime.date(2026, 11, 21))
    assert len(context) == 1
    assert found.rates["EUR"].usd_per_unit == Decimal("1.10")
    assert found.rates["EUR"].valid_from == datetime.date(2026, 6, 1)
    assert found.rates["USD"].usd_per_unit == 1  # the dollar needs none
    assert found.missing == ("XAF",)  # only a future rate: none today
    assert not found.complete


def test_only_the_secretariat_opens_the_rates_page(personas: dict[str, Any]) -> None:
    expected = {"anonymous": 302, "partner": 403, "chan": 403, "gaelle": 403}
    expected |= {"secretariat": 200, "admin": 200}
    for name, user in personas.items():
        assert client_for(user).get(RATES).status_code == expected[name], name
        response = client_for(user).post(RATES, {"currency": "EUR", "usd_per_unit": "1"})
        if name not in ("secretariat", "admin"):
            assert response.status_code in (302, 403), name
    assert ExchangeRate.objects.count() == 0 or set(
        ExchangeRate.objects.values_list("currency", flat=True)
    ) == {"EUR"}


def test_the_secretariat_adds_a_rate_and_sees_it_listed(sofia: Any) -> None:
    client = client_for(sofia)
    response = client.post(
        RATES,
        {"currency": "xaf", "usd_per_unit": "0,00165", "valid_from": "2026-09-01", "source": "UN"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Rate recorded: 1 XAF = 0.00165 USD from" in page
    rows = [a for a, _cells in tables(page)["rates-table"] if a.get("data-currency")]
    assert [r["data-currency"] for r in rows] == ["XAF"]
    assert ExchangeRate.objects.get().usd_per_unit == Decimal("0.00165")


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"currency": "EUR", "usd_per_unit": "one", "valid_from": "2026-09-01"}, "as a number"),
        ({"currency": "EUR", "usd_per_unit": "1.1", "valid_from": "yesterday"}, "valid date"),
        ({"currency": "USD", "usd_per_unit": "1", "valid_from": "2026-09-01"}, "needs no rate"),
        ({"currency": "ABC", "usd_per_unit": "1", "valid_from": "2026-09-01"}, "ISO 4217"),
    ],
)
def test_a_bad_rate_is_shown_back_with_what_to_fix(
    sofia: Any, posted: dict[str, str], message: str
) -> None:
    response = client_for(sofia).post(RATES, posted)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ExchangeRate.objects.count() == 0


def test_a_duplicate_day_is_shown_back_on_the_page(sofia: Any) -> None:
    _create(sofia)
    response = client_for(sofia).post(
        RATES, {"currency": "EUR", "usd_per_unit": "1.5", "valid_from": "2026-10-01"}
    )
    assert "There is already a rate for EUR from" in response.content.decode()
    assert ExchangeRate.objects.count() == 1


@pytest.mark.parametrize("count", [2, 30])
def test_the_rates_page_costs_the_same_queries_whatever_the_number_of_rates(
    sofia: Any, count: int, django_assert_num_queries: Any
) -> None:
    for i in range(count):
        ExchangeRate.objects.create(
            currency=("EUR", "XAF", "GBP")[i % 3],
            usd_per_unit=Decimal(1 + i),
            valid_from=DAY - datetime.timedelta(days=i),
        )
    client = client_for(sofia)
    with django_assert_num_queries(4):
        assert client.get(RATES).status_code == 200


# --- On the dashboard --------------------------------------------------------------------------


def _money(cambodia: Any, gabon: Any) -> None:
    usd = f.NeedFactory.create(party=cambodia, amount=Decimal("1000"), currency="USD")
    eur = f.NeedFactory.create(party=gabon, amount=Decimal("500"), currency="EUR")
    xaf = f.NeedFactory.create(party=gabon, amount=Decimal("1000000"), currency="XAF")
    f.SupportFactory.create(party=cambodia, need=usd, amount=Decimal("400"), currency="USD")
    f.SupportFactory.create(
        party=gabon, need=eur, stage="disbursed", amount=Decimal("200"), currency="EUR"
    )
    f.SupportFactory.create(party=gabon, need=xaf, amount=Decimal("2000000"), currency="XAF")


def _usd_row(html: str) -> list[Decimal] | None:
    for attrs, cells in tables(html)["totals-table"]:
        if attrs.get("data-currency") == "all-in-USD":
            return [number(c.text) for c in cells[1:]]
    return None


def test_with_every_rate_the_dashboard_adds_a_us_dollar_total_naming_the_rates(
    client: Any, cambodia: Any, gabon: Any, sofia: Any
) -> None:
    _money(cambodia, gabon)
    _create(sofia, usd_per_unit=Decimal("1.08"), valid_from=datetime.date(2026, 10, 1))
    _create(sofia, currency="XAF", usd_per_unit=Decimal("0.00165"))
    html = get(client, URL).content.decode()
    # Needed: 1000 + 500 × 1.08 + 1,000,000 × 0.00165; committed: 400 + 216 + 3300 (XAF over-
    # committed counts in full); disbursed: 216; the gap is never below zero.
    needed = Decimal(1000) + Decimal(540) + Decimal(1650)
    committed = Decimal(400) + Decimal(216) + Decimal(3300)
    assert _usd_row(html) == [needed, committed, Decimal(216), max(needed - committed, 0)]
    assert "1 EUR = 1.08 USD (from Oct. 1, 2026)" in html
    assert "1 XAF = 0.00165 USD (from Oct. 1, 2026)" in html
    lines = file_rows(get(client, table_url("totals", "csv")).content, "csv")
    usd = [line for line in lines if line["converted_with"]]
    assert [number(usd[0]["needed"])] == [needed]
    assert usd[0]["converted_with"] == "EUR 1.08 from 2026-10-01; XAF 0.00165 from 2026-10-01"


def test_a_currency_without_a_rate_is_named_and_nothing_is_converted(
    client: Any, cambodia: Any, gabon: Any, sofia: Any
) -> None:
    _money(cambodia, gabon)
    _create(sofia, usd_per_unit=Decimal("1.08"))
    html = get(client, URL).content.decode()
    assert _usd_row(html) is None
    assert "the Secretariat has recorded no rate for XAF" in html
    lines = file_rows(get(client, table_url("totals", "csv")).content, "csv")
    assert not any(line["converted_with"] for line in lines)
    # Choosing a currency that has a rate converts it alone, and names no missing rate.
    html = get(client, URL, {"currency": "EUR"}).content.decode()
    assert "no rate for" not in html
    assert _usd_row(html) == [Decimal(540), Decimal(216), Decimal(216), Decimal(324)]


def test_the_secretariat_finds_the_rates_from_the_dashboard(
    cambodia: Any, sofia: Any, chan: Any
) -> None:
    f.NeedFactory.create(party=cambodia, amount=Decimal("10"), currency="EUR")
    assert RATES in client_for(sofia).get(URL).content.decode()
    assert RATES not in client_for(chan).get(URL).content.decode()
