"""The partners' pages: a need and its gap, recording support, moving it forward, the portfolio
and its CSV, for every role; the gap shrinking on the needs dashboard; and query counts."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tusk.core.models import AuditEvent
from tusk.support.models import Need, Support
from tusk.testing import factories as f
from tusk.testing.clients import client_for

pytestmark = pytest.mark.django_db


# --- Reading the pages -------------------------------------------------------------------------


def figures(html: str, table: str) -> dict[tuple[str, str, str], str]:
    """The data-figure cells of a table as {(row key, currency, figure): text}."""
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
                key = (self.key, self.currency, self.figure)
                found[key] = (found.get(key, "") + " " + data.strip()).strip()

    Reader().feed(html)
    return found


def number(text: str) -> Decimal:
    """The first number of a cell: '1,500 (2 records)' -> 1500."""
    first = text.split()[0]
    return Decimal(first.replace("\u202f", "").replace("\xa0", "").replace(",", ""))


def page(user: Any, url: str, **params: Any) -> str:
    response = client_for(user).get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- The data ----------------------------------------------------------------------------------


@pytest.fixture
def world(cambodia: Any, gabon: Any, pat: Any) -> dict[str, Any]:
    """Cambodia's need of 10,000 USD on action 2.1 (pillar 2): pat's partner pledged 1,000 USD,
    WWF committed 3,000 USD and 500 EUR; GIZ works on action 2.2 of the same pillar; in Gabon,
    pat's partner disbursed 700 EUR for an action as a whole."""
    plan = f.PlanFactory.create(party=cambodia)
    pillar = f.PillarFactory.create(
        plan=plan, number="2", name="Enforcement", standard="enforcement"
    )
    action = f.ActionFactory.create(
        plan=plan, pillar=pillar, code="2.1", title="Train customs officers"
    )
    neighbour = f.ActionFactory.create(plan=plan, pillar=pillar, code="2.2", title="Sniffer dogs")
    need = f.NeedFactory.create(
        party=cambodia,
        action=action,
        kind="funding",
        amount=Decimal("10000"),
        currency="USD",
        description="Two courses for customs officers at Phnom Penh airport.",
    )
    need.themes.create(theme="border_control")
    wwf = f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF", kind="ngo")
    giz = f.PartnerFactory.create(
        name="Deutsche Gesellschaft für Internationale Zusammenarbeit", acronym="GIZ"
    )
    mine = f.SupportFactory.create(
        partner=pat.partner, party=cambodia, need=need, action=action, stage="pledged",
        amount=Decimal("1000"), currency="USD",
    )  # fmt: skip
    theirs = f.SupportFactory.create(
        partner=wwf, party=cambodia, need=need, action=action, stage="committed",
        amount=Decimal("3000"), currency="USD", role="implementing",
    )  # fmt: skip
    f.SupportFactory.create(
        partner=wwf, party=cambodia, need=need, action=action, stage="disbursed",
        amount=Decimal("500"), currency="EUR",
    )  # fmt: skip
    f.SupportFactory.create(
        partner=giz, party=cambodia, action=neighbour, stage="committed",
        amount=Decimal("2000"), currency="USD",
    )  # fmt: skip
    ga_action = f.ActionFactory.create(plan=f.PlanFactory.create(party=gabon), code="1.4")
    f.SupportFactory.create(
        partner=pat.partner, party=gabon, action=ga_action, stage="disbursed",
        amount=Decimal("700"), currency="EUR",
    )  # fmt: skip
    return {
        "need": need,
        "action": action,
        "neighbour": neighbour,
        "mine": mine,
        "theirs": theirs,
        "wwf": wwf,
        "giz": giz,
        "ga_action": ga_action,
    }


# --- A need's page -----------------------------------------------------------------------------


def test_the_need_page_shows_every_partners_support_and_the_gap_per_currency(
    world: dict[str, Any], personas: dict[str, Any]
) -> None:
    html = page(None, reverse("need-detail", args=[world["need"].pk]))
    assert "Two courses for customs officers at Phnom Penh airport." in html
    assert "Train customs officers" in html and "Border control" in html
    assert "Enforcement operations" in html  # the standard pillar
    money = figures(html, "need-money")
    # USD: 10,000 needed; the pledge does not count; WWF's 3,000 committed does.
    assert number(money[("", "USD", "needed")]) == Decimal("10000")
    assert number(money[("", "USD", "pledged")]) == Decimal("1000")
    assert number(money[("", "USD", "firm")]) == Decimal("3000")
    assert number(money[("", "USD", "gap")]) == Decimal("7000")
    # EUR: support in another currency is shown, never converted, and has no gap.
    assert number(money[("", "EUR", "firm")]) == Decimal("500")
    assert money[("", "EUR", "gap")] == "—" and money[("", "EUR", "needed")] == "—"
    assert html.count('data-partner="') == 3
    assert "Implementing" in html and "Pledged" in html
    # GIZ works on the neighbouring action of the same pillar: shown as nearby.
    assert 'data-closeness="2"' in html and "GIZ" in html
    assert "Record support" not in html


def test_only_those_who_may_record_see_the_button_and_only_editors_the_edit_link(
    world: dict[str, Any], personas: dict[str, Any]
) -> None:
    url = reverse("need-detail", args=[world["need"].pk])
    mine = reverse("support-edit", args=[world["mine"].pk])
    theirs = reverse("support-edit", args=[world["theirs"].pk])
    for name in ("partner", "secretariat", "admin"):
        assert "Record support" in page(personas[name], url), name
    for name in ("anonymous", "chan", "gaelle"):
        html = page(personas[name], url)
        assert "Record support" not in html and "/edit/" not in html, name
    html = page(personas["partner"], url)
    assert mine in html and theirs not in html
    html = page(personas["secretariat"], url)
    assert mine in html and theirs in html


def test_the_action_of_a_draft_plan_stays_with_its_party(
    cambodia: Any, personas: dict[str, Any]
) -> None:
    draft = f.PlanFactory.create(party=cambodia, status="draft")
    action = f.ActionFactory.create(
        plan=draft, code="7.7", title="Undercover operation at the border"
    )
    need = f.NeedFactory.create(party=cambodia, action=action, amount=Decimal("5"), currency="USD")
    for name, sees in (
        ("anonymous", False), ("partner", False), ("gaelle", False),
        ("chan", True), ("secretariat", True),
    ):  # fmt: skip
        html = page(personas[name], reverse("need-detail", args=[need.pk]))
        assert ("Undercover operation" in html) is sees, name
        assert "support action 7.7 as a whole" not in html or sees
    html = page(personas["partner"], reverse("need-support-new", args=[need.pk]))
    assert "Undercover operation" not in html and "An action of a plan not yet published" in html
    response = client_for(personas["partner"]).get(
        reverse("action-support-new", args=["KH", action.pk])
    )
    assert response.status_code == 404


def test_a_missing_need_is_a_404(db: None, client: Any) -> None:
    assert client.get(reverse("need-detail", args=[999])).status_code == 404


# --- Recording support -------------------------------------------------------------------------


def test_a_partner_records_support_and_sees_who_else_works_there_first(
    world: dict[str, Any], pat: Any
) -> None:
    url = reverse("need-support-new", args=[world["need"].pk])
    html = page(pat, url)
    # Before it pledges: WWF on the same need, GIZ on the same pillar; not pat's own support.
    assert 'data-closeness="0"' in html and 'data-closeness="2"' in html
    assert "WWF" in html and "GIZ" in html
    assert 'name="partner"' not in html and 'name="reason"' not in html
    assert 'value="USD"' in html  # the need's currency, filled in
    client = client_for(pat)
    response = client.post(
        url,
        {
            "stage": "committed",
            "role": "funding",
            "amount": "2500",
            "currency": "usd",
            "period_start": "2027-01-01",
            "period_end": "2027-12-31",
            "description": "Customs project, year 1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("need-detail", args=[world["need"].pk])
    support = Support.objects.get(description="Customs project, year 1")
    assert (support.partner, support.stage, support.amount, support.currency) == (
        pat.partner,
        "committed",
        Decimal("2500"),
        "USD",
    )
    assert support.recorded_by == pat
    html = client.get(response["Location"]).content.decode()
    assert "The support of UNODC for this need was recorded: 2,500 USD, committed." in html
    assert "The need is now partly met." in html
    assert AuditEvent.objects.filter(verb="support.record", actor=pat).count() == 1


def test_bad_input_gets_a_message_and_writes_nothing(world: dict[str, Any], pat: Any) -> None:
    url = reverse("need-support-new", args=[world["need"].pk])
    before = Support.objects.count()
    response = client_for(pat).post(url, {"stage": "pledged", "role": "funding", "amount": "5"})
    assert response.status_code == 400
    assert "Give the currency of the amount." in response.content.decode()
    response = client_for(pat).post(
        url,
        {
            "stage": "pledged",
            "role": "funding",
            "period_start": "2027-05-01",
            "period_end": "2027-01-01",
        },
    )
    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    assert Support.objects.count() == before


def test_support_for_a_withdrawn_need_is_refused_with_the_way_out(
    world: dict[str, Any], pat: Any
) -> None:
    Need.objects.filter(pk=world["need"].pk).update(status="withdrawn")
    url = reverse("need-support-new", args=[world["need"].pk])
    response = client_for(pat).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("need-detail", args=[world["need"].pk])
    html = page(pat, response["Location"])
    assert "Record support" not in html and "The Party withdrew this need" in html
    response = client_for(pat).post(
        reverse("need-support-new", args=[world["need"].pk]),
        {"stage": "pledged", "role": "funding"},
    )
    assert response.status_code == 400
    assert "Record it against the action instead" in response.content.decode()


def test_the_secretariat_records_for_a_partner_and_says_why(
    world: dict[str, Any], sofia: Any
) -> None:
    url = reverse("need-support-new", args=[world["need"].pk])
    html = page(sofia, url)
    assert 'name="partner"' in html and 'name="reason"' in html
    data = {"partner": world["giz"].pk, "stage": "committed", "role": "funding"}
    response = client_for(sofia).post(url, data)
    assert (
        response.status_code == 400
        and not Support.objects.filter(need=world["need"], partner=world["giz"]).exists()
    )
    response = client_for(sofia).post(url, {**data, "reason": "GIZ's letter of 2 November"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(verb="support.record", actor=sofia)
    assert event.reason == "GIZ's letter of 2 November"


def test_support_for_an_action_as_a_whole(world: dict[str, Any], pat: Any, gabon: Any) -> None:
    action = world["action"]
    url = reverse("action-support-new", args=["kh", action.pk])
    html = page(pat, url)
    assert "Record support for action 2.1 of Cambodia" in html
    response = client_for(pat).post(
        url, {"stage": "pledged", "role": "accountable", "description": "Oversight"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("partner-portfolio")
    support = Support.objects.get(description="Oversight")
    assert (support.need, support.action, support.party.code) == (None, action, "KH")
    # The action under another Party's code does not exist.
    wrong = reverse("action-support-new", args=["GA", action.pk])
    assert client_for(pat).get(wrong).status_code == 404


def test_a_partner_account_without_an_organisation_may_not_record(
    world: dict[str, Any],
) -> None:
    from tusk.accounts.choices import Role

    loner = f.UserFactory.create(username="loner", role=Role.PARTNER)
    url = reverse("need-support-new", args=[world["need"].pk])
    assert client_for(loner).get(url).status_code == 403
    assert client_for(loner).get(reverse("partner-portfolio")).status_code == 403


# --- Moving support forward, correcting it -----------------------------------------------------


def _edit(user: Any, support: Support, **data: Any) -> Any:
    support.refresh_from_db()
    return client_for(user).post(
        reverse("support-edit", args=[support.pk]),
        {"seen": support.updated_at.isoformat(), **data},
    )


def test_a_partner_moves_its_support_forward_only(world: dict[str, Any], pat: Any) -> None:
    mine = world["mine"]
    html = page(pat, reverse("support-edit", args=[mine.pk]))
    # Only the later stages are offered.
    assert 'value="committed"' in html and 'value="pledged"' not in html.split("New stage")[1]
    response = _edit(pat, mine, step="stage", stage="committed", date="2026-11-20")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.stage, mine.date.isoformat()) == ("committed", "2026-11-20")
    response = _edit(pat, mine, step="stage", stage="pledged")
    assert response.status_code == 400
    mine.refresh_from_db()
    assert mine.stage == "committed"


def test_a_correction_needs_a_reason_and_keeps_the_old_value(
    world: dict[str, Any], pat: Any
) -> None:
    mine = world["mine"]
    details = {"step": "details", "role": "funding", "currency": "USD", "amount": "1200"}
    response = _edit(pat, mine, **details)
    assert response.status_code == 400
    assert "You changed what was recorded (the amount): say why" in response.content.decode()
    response = _edit(pat, mine, **details, reason="Co-financing found")
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.amount == Decimal("1200")
    amounts = [h.amount for h in mine.history.order_by("history_date")]
    assert amounts == [Decimal("1000"), Decimal("1200")]


def test_an_edit_over_a_later_one_is_refused(world: dict[str, Any], pat: Any) -> None:
    mine = world["mine"]
    mine.refresh_from_db()
    stale = mine.updated_at.isoformat()
    assert _edit(pat, mine, step="stage", stage="committed").status_code == 302
    response = client_for(pat).post(
        reverse("support-edit", args=[mine.pk]),
        {"step": "stage", "stage": "disbursed", "seen": stale},
    )
    assert response.status_code == 409
    assert "Someone changed this support since you opened it" in response.content.decode()


def test_a_partner_may_not_touch_another_partners_support(world: dict[str, Any], pat: Any) -> None:
    theirs = world["theirs"]
    url = reverse("support-edit", args=[theirs.pk])
    assert client_for(pat).get(url).status_code == 404
    assert _edit(pat, theirs, step="stage", stage="completed").status_code == 404
    theirs.refresh_from_db()
    assert theirs.stage == "committed"


# --- The gap shrinks ---------------------------------------------------------------------------


def test_recording_committed_support_lowers_the_gap_by_exactly_its_amount(
    world: dict[str, Any], pat: Any
) -> None:
    need = world["need"]
    dashboard, need_url = reverse("needs-dashboard"), reverse("need-detail", args=[need.pk])

    def gaps() -> tuple[Decimal, Decimal]:
        totals = figures(page(None, dashboard), "totals-table")
        money = figures(page(None, need_url), "need-money")
        return number(totals[("", "USD", "gap")]), number(money[("", "USD", "gap")])

    dashboard_before, need_before = gaps()
    assert need_before == Decimal("7000")  # 10,000 needed less WWF's 3,000 committed
    response = client_for(pat).post(
        reverse("need-support-new", args=[need.pk]),
        {"stage": "committed", "role": "funding", "amount": "1234", "currency": "USD"},
    )
    assert response.status_code == 302
    dashboard_after, need_after = gaps()
    assert dashboard_before - dashboard_after == Decimal("1234")
    assert need_before - need_after == Decimal("1234")
    # A pledge does not move it; moving the pledge to committed does, by its amount.
    _edit(pat, world["mine"], step="stage", stage="committed")
    assert gaps() == (dashboard_after - 1000, need_after - 1000)


# --- The portfolio -----------------------------------------------------------------------------


def test_the_portfolio_totals_by_party_stage_and_currency(world: dict[str, Any], pat: Any) -> None:
    extra = [
        ("committed", "300", "USD"),
        ("committed", "200.50", "USD"),
        ("completed", "40", "EUR"),
        ("pledged", None, ""),
    ]
    for stage, amount, currency in extra:
        f.SupportFactory.create(
            partner=pat.partner, party=world["need"].party, action=world["neighbour"],
            stage=stage, amount=Decimal(amount) if amount else None, currency=currency,
        )  # fmt: skip
    html = page(pat, reverse("partner-portfolio"))
    cells = figures(html, "portfolio-totals")
    # Computed again from the rows, independently of the page.
    expected: dict[tuple[str, str, str], Decimal] = {}
    for s in Support.objects.filter(partner=pat.partner).select_related("party"):
        if s.currency and s.amount is not None:
            for key in ((s.party.code, s.currency, s.stage), ("all", s.currency, s.stage)):
                expected[key] = expected.get(key, Decimal(0)) + s.amount
    shown = {k: number(v) for k, v in cells.items() if k[1] and k[2] != "others" and v != "—"}
    assert shown == expected
    assert expected[("KH", "USD", "committed")] == Decimal("500.50")
    assert cells[("KH", "", "pledged")] == "(1 record)"
    # Other partners there: WWF and GIZ in Cambodia, nobody in Gabon.
    others = {k[0]: v for k, v in cells.items() if k[2] == "others"}
    assert others == {"KH": "2", "GA": "0"}
    # Grouped by Party, and where others already work (WWF on the same need, GIZ on the
    # same action as pat's new support).
    assert html.index("<h3>Cambodia</h3>") < html.index("<h3>Gabon</h3>")
    overlaps = html.split('id="overlaps-table"')[1]
    assert "WWF" in overlaps and "GIZ" in overlaps
    assert 'data-closeness="0"' in overlaps and 'data-closeness="1"' in overlaps


def test_the_portfolio_csv_has_every_record_of_the_partner_only(
    world: dict[str, Any], pat: Any
) -> None:
    f.SupportFactory.create(
        partner=pat.partner, party=world["need"].party, need=world["need"],
        stage="pledged", description="=HYPERLINK(\"http://x\")",
    )  # fmt: skip
    response = client_for(pat).get(reverse("partner-portfolio-csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(int(r["support_id"]) for r in rows) == sorted(
        Support.objects.filter(partner=pat.partner).values_list("pk", flat=True)
    )
    assert [r["party_code"] for r in rows] == ["KH", "KH", "GA"]  # Cambodia, then Gabon
    formula = next(r for r in rows if r["description"].endswith('"http://x")'))
    assert formula["description"].startswith("'=")
    mine = next(r for r in rows if r["support_id"] == str(world["mine"].pk))
    assert (mine["stage"], mine["amount"], mine["currency"], mine["action"]) == (
        "pledged",
        "1000.00",
        "USD",
        "2.1",
    )
    assert mine["standard_pillar"] == "enforcement"


def test_an_empty_portfolio_says_where_to_start(db: None, pat: Any) -> None:
    html = page(pat, reverse("partner-portfolio"))
    assert "Your organisation has recorded no support yet." in html


# --- Queries -----------------------------------------------------------------------------------


def _grow(world: dict[str, Any], pat: Any, size: int) -> None:
    """More needs, actions and support of every partner, all near pat's."""
    need, action = world["need"], world["action"]
    plan, pillar = action.plan, action.pillar
    partners = [f.PartnerFactory.create(name=f"Partner {i}", acronym=f"P{i}") for i in range(size)]
    for i in range(size):
        extra = f.ActionFactory.create(plan=plan, pillar=pillar, code=f"2.{i + 10}")
        other_need = f.NeedFactory.create(
            party=need.party, action=extra, amount=Decimal(100), currency="USD"
        )
        other_need.themes.create(theme="capacity")
        for partner in (partners[i], pat.partner):
            f.SupportFactory.create(
                partner=partner, party=need.party, need=other_need, action=extra,
                stage="committed", amount=Decimal(10), currency="USD",
            )  # fmt: skip
        f.SupportFactory.create(
            partner=partners[i], party=need.party, need=need, action=action,
            stage="disbursed", amount=Decimal(i + 1), currency="XAF",
        )  # fmt: skip
        party = f.PartyFactory.create(country=["TG", "VN", "NG", "MZ", "AO"][i % 5])
        f.SupportFactory.create(
            partner=pat.partner, party=party, stage="pledged", amount=Decimal(5), currency="EUR"
        )


def _count(user: Any, url: str) -> int:
    client = client_for(user)
    client.get(url)  # the session and caches warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@pytest.mark.parametrize(
    ("name", "who"),
    [
        ("need-detail", "anonymous"),
        ("need-detail", "partner"),
        ("need-support-new", "partner"),
        ("need-support-new", "secretariat"),
        ("action-support-new", "partner"),
        ("support-edit", "partner"),
        ("partner-portfolio", "partner"),
        ("partner-portfolio-csv", "partner"),
    ],
)
def test_the_query_count_does_not_grow_with_the_data(
    world: dict[str, Any], personas: dict[str, Any], name: str, who: str
) -> None:
    user, pat = personas[who], personas["partner"]
    urls = {
        "need-detail": reverse("need-detail", args=[world["need"].pk]),
        "need-support-new": reverse("need-support-new", args=[world["need"].pk]),
        "action-support-new": reverse("action-support-new", args=["KH", world["action"].pk]),
        "support-edit": reverse("support-edit", args=[world["mine"].pk]),
        "partner-portfolio": reverse("partner-portfolio"),
        "partner-portfolio-csv": reverse("partner-portfolio-csv"),
    }
    small = _count(user, urls[name])
    _grow(world, pat, 40)
    assert _count(user, urls[name]) == small
    assert small <= 14, small


def test_a_need_without_an_amount_or_support_says_so(cambodia: Any) -> None:
    need = f.NeedFactory.create(party=cambodia, kind="legal_drafting")
    html = page(None, reverse("need-detail", args=[need.pk]))
    assert "No amount is given for this need" in html
    assert "No partner has recorded support for this need yet." in html
    assert "The plan as a whole" in html


def test_the_secretariat_puts_a_stage_back_saying_why(world: dict[str, Any], sofia: Any) -> None:
    theirs = world["theirs"]
    html = page(sofia, reverse("support-edit", args=[theirs.pk]))
    assert "The Secretariat may also put it back" in html
    assert _edit(sofia, theirs, step="stage", stage="pledged").status_code == 400
    response = _edit(sofia, theirs, step="stage", stage="pledged", reason="Not signed yet")
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.stage == "pledged"
    event = AuditEvent.objects.get(verb="support.correct", actor=sofia)
    assert (event.before["stage"], event.after["stage"], event.reason) == (
        "committed",
        "pledged",
        "Not signed yet",
    )
    # The need lost its only firm support in its currency.
    assert Need.objects.get(pk=world["need"].pk).status == "open"


def test_the_portfolio_of_a_partner_of_many_parties_stays_light(pat: Any) -> None:
    from django_countries import countries

    from tusk.support.portfolio import PARTY_ROWS_LIMIT

    other = f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF")
    codes = [code for code, _name in countries][: PARTY_ROWS_LIMIT + 20]
    for code in codes:
        party = f.PartyFactory.create(country=code)
        action = f.ActionFactory.create(plan=f.PlanFactory.create(party=party))
        for partner in (pat.partner, other):
            f.SupportFactory.create(
                partner=partner, party=party, action=action, stage="committed",
                amount=Decimal("12345.67"), currency="USD", description="x" * 200,
            )  # fmt: skip
    response = client_for(pat).get(reverse("partner-portfolio"))
    body = response.content
    css = (Path(__file__).resolve().parents[3] / "static" / "tusk" / "tusk.css").stat().st_size
    assert len(body) + css < 200_000, len(body)
    html = body.decode()
    assert "And 20 more Parties, not shown" in html
    totals = figures(html, "portfolio-totals")
    assert number(totals[("all", "USD", "committed")]) == Decimal("12345.67") * len(codes)
    assert "And 20 more records, not shown." in html  # of the other partner, near pat's
