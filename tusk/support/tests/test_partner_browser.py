"""Browser test of the partners' flow: a partner logs in, records support on a need, and sees the
gap shrink on the need's page and on the needs dashboard.

It runs in Debian's Chromium with the browser, page and screenshot fixtures of the core browser
tests (set TUSK_SCREENSHOTS to keep screenshots at both widths).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from tusk.accounts.choices import Role
from tusk.core.tests.test_browser import (  # noqa: F401 (pytest fixtures)
    Shoot,
    browser,
    heading,
    log_in,
    message,
    open_page,
    person,
    shots,
)
from tusk.support.models import Support
from tusk.testing import factories as f


def _gap(page: Page, table: str, currency: str = "USD") -> Decimal:
    cell = page.locator(f'#{table} tr[data-currency="{currency}"] td[data-figure="gap"]')
    return Decimal(re.sub(r"[^\d.]", "", cell.inner_text()))


@pytest.mark.django_db(transaction=True)
def test_a_partner_records_support_on_a_need_and_sees_the_gap_shrink(
    open_page: Callable[[], Page],  # noqa: F811 (the fixture imported above)
    shots: Shoot,  # noqa: F811
) -> None:
    cambodia = f.PartyFactory.create(country="KH")
    plan = f.PlanFactory.create(party=cambodia)
    pillar = f.PillarFactory.create(
        plan=plan, number="2", name="Enforcement", standard="enforcement"
    )
    action = f.ActionFactory.create(
        plan=plan, pillar=pillar, code="2.1", title="Train customs officers"
    )
    need = f.NeedFactory.create(
        party=cambodia,
        action=action,
        kind="training",
        amount=Decimal("20000"),
        currency="USD",
        description="Two courses for customs officers at Phnom Penh airport.",
    )
    wwf = f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF", kind="ngo")
    f.SupportFactory.create(
        partner=wwf, party=cambodia, need=need, action=action, stage="committed",
        amount=Decimal("5000"), currency="USD",
    )  # fmt: skip
    pat = person(
        f.UserFactory.create(username="pat", role=Role.PARTNER, partner=f.PartnerFactory.create())
    )

    page = open_page()
    log_in(page, pat)
    page.goto("/needs/")
    expect(heading(page)).to_have_text("Needs dashboard")
    dashboard_before = _gap(page, "totals-table")
    page.goto(f"/needs/{need.pk}/")
    expect(heading(page)).to_contain_text("Training for Cambodia")
    assert _gap(page, "need-money") == Decimal("15000")
    shots(page, "need")

    # The form shows who already works here before the partner pledges.
    page.get_by_role("link", name="Record support").click()
    expect(heading(page)).to_have_text("Record support for a need of Cambodia")
    nearby = page.locator("#nearby-table")
    expect(nearby.get_by_role("row").filter(has_text="WWF")).to_contain_text("Same need")
    page.get_by_label("Stage", exact=True).select_option(label="Committed")
    page.get_by_label("Amount", exact=True).fill("6500")
    expect(page.get_by_label("Currency")).to_have_value("USD")
    page.get_by_label("What the support is").fill("Customs project, year 1")
    shots(page, "record")
    page.get_by_role("button", name="Record the support").click()

    expect(page).to_have_url(re.compile(rf"/needs/{need.pk}/$"))
    expect(message(page)).to_contain_text(
        "The support of UNODC for this need was recorded: 6,500 USD, committed. "
        "The need is now partly met."
    )
    assert _gap(page, "need-money") == Decimal("8500")
    mine = page.locator("#need-support tr").filter(has_text="UNODC")
    expect(mine).to_contain_text("Committed")
    shots(page, "need-after")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Needs").click()
    assert dashboard_before - _gap(page, "totals-table") == Decimal("6500")

    # The portfolio lists it under Cambodia, with WWF working on the same need.
    page.goto("/partner/")
    expect(heading(page)).to_have_text("Support of United Nations Office on Drugs and Crime")
    expect(page.locator("#overlaps-table")).to_contain_text("WWF")
    shots(page, "portfolio")
    assert Support.objects.filter(partner=pat.partner, stage="committed").count() == 1
