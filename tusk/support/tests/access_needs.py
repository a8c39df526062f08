"""The needs dashboard in the access matrix: its tables, downloads and chart are public like
the needs and support they sum; the exchange rates page is the Secretariat's, who alone records
the rates the dashboard converts with."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from tusk.testing.access import EVERYONE, SECRETARIAT_ONLY, Entry, World, Writer


def plant(world: World) -> None:
    """A need of Gabon in euros, supported in part, and a rate for the euro."""
    from tusk.support.models import ExchangeRate
    from tusk.testing import factories as f

    gabon = world.ga_draft.party
    need = f.NeedFactory.create(party=gabon, amount=Decimal("800"), currency="EUR")
    f.SupportFactory.create(party=gabon, need=need, amount=Decimal("300"), currency="EUR")
    world.extra["needs_rate"] = ExchangeRate.objects.create(
        currency="EUR", usd_per_unit=Decimal("1.08"), valid_from=datetime.date(2026, 1, 1)
    )


MATRIX: dict[str, Entry] = {
    "needs-dashboard-table": (
        lambda w: reverse("needs-dashboard-table", args=["partner-party", "xlsx"]) + "?party=GA",
        EVERYONE,
    ),
    "needs-theme-chart": (lambda w: reverse("needs-theme-chart"), EVERYONE),
    "exchange-rates": (lambda w: reverse("exchange-rates"), SECRETARIAT_ONLY),
}

WRITERS: dict[str, Writer] = {
    "exchange-rates": (lambda w: reverse("exchange-rates"), {"secretariat", "admin"}),
}
