"""The regional road map in the access matrix: every page, chart and download is public (its
ratings come from published reports only, which `test_region_pages` checks for each role)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from tusk.plans.models import Indicator, IndicatorValue
from tusk.testing.access import EVERYONE, Entry, World
from tusk.testing.factories import RegionFactory, RegionMembershipFactory


def _code(w: World) -> str:
    return str(w.extra["region"].code)


MATRIX: dict[str, Entry] = {
    "region-list": (lambda w: reverse("region-list"), EVERYONE),
    "region-roadmap": (lambda w: reverse("region-roadmap", args=[_code(w)]), EVERYONE),
    "region-indicators-export": (
        lambda w: reverse("region-indicators-export", args=[_code(w), "xlsx"]),
        EVERYONE,
    ),
    "region-indicators-chart": (
        lambda w: reverse("region-indicators-chart", args=[_code(w), "kh"]),
        EVERYONE,
    ),
    "region-ratings-chart": (
        lambda w: reverse("region-ratings-chart", args=[_code(w), "secretariat"]),
        EVERYONE,
    ),
}


def plant(world: World) -> None:
    """ASEAN with Cambodia as a member, and an indicator of Cambodia's with a value."""
    region = RegionFactory.create(code="asean")
    party = world.kh_published.party
    RegionMembershipFactory.create(region=region, party=party, start=datetime.date(1999, 4, 30))
    indicator = Indicator.objects.create(
        scope="country", party=party, code="KH-1", name="Prosecutions", baseline=1, target=9
    )
    IndicatorValue.objects.create(
        indicator=indicator, date=datetime.date(2024, 1, 1), value=Decimal(5)
    )
    world.extra["region"] = region
