"""The process overview costs the same number of queries whatever the number of Parties, reports
and actions: counted with the test world, then again once it holds many more of each."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.urls import reverse

from tusk.dashboards.tests.test_process import NIAP6, World, add_report, build_world
from tusk.testing import factories as f
from tusk.testing.clients import client_for

pytestmark = pytest.mark.django_db

# Countries that the test world does not use.
MORE = [
    "AO",
    "BW",
    "CD",
    "CG",
    "CM",
    "EG",
    "ET",
    "JP",
    "KE",
    "LA",
    "LK",
    "MW",
    "MY",
    "MZ",
    "NG",
    "PH",
    "QA",
    "SG",
    "TG",
    "TH",
    "UG",
]


def grow(world: World, parties: int, actions: int, seed: int = 3) -> None:
    """Add Parties, each named in a cycle and in ASEAN, with a report for every meeting, of
    `actions` actions rated by both sides."""
    rng = random.Random(seed)
    asean = f.RegionFactory.create(code="asean")
    for code in MORE[:parties]:
        party = f.PartyFactory.create(country=code)
        world.parties[code] = party
        f.PartyCategoryFactory.create(party=party, cycle="CoP19", category=rng.choice("ABC"))
        f.RegionMembershipFactory.create(region=asean, party=party)
        for meeting, status in (("SC74", "published"), ("SC77", "published"), ("SC78", "assessed")):
            rated = [
                (rng.choice(NIAP6), rng.choice([*NIAP6, None]), rng.choice(["legislation", ""]))
                for _ in range(actions)
            ]
            add_report(world, code, meeting, status, rated, days_after_due=rng.randint(-9, 9))


URLS = {
    "page": (reverse("process-overview"), {}),
    "filtered page": (
        reverse("process-overview"),
        {"category": "B", "region": "asean", "meeting": "SC78", "threshold": "0.5"},
    ),
    "ratings chart": (reverse("process-ratings-chart"), {}),
    "compliance chart": (reverse("process-compliance-chart"), {}),
    "csv": (reverse("process-table", args=["ratings", "csv"]), {}),
    "xlsx": (reverse("process-table", args=["divergence-pillars", "xlsx"]), {}),
}


def _count(client: Any, url: str, query: dict[str, str]) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # what the data costs, not what the cache saves
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, query).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_the_query_count_does_not_grow_with_the_data(
    cambodia: Any, gabon: Any, personas: dict[str, Any], persona: str
) -> None:
    world = build_world(cambodia, gabon)
    client = client_for(personas[persona])
    for url, query in URLS.values():
        client.get(url, query)  # the session, the caches: what the first request pays once
    small = {name: _count(client, url, query) for name, (url, query) in URLS.items()}
    grow(world, parties=len(MORE), actions=12)
    large = {name: _count(client, url, query) for name, (url, query) in URLS.items()}
    assert large == small


# Per request, once logged in: the session and the user (2), then the meetings, the regions (the
# filter form), the Parties, their categories, the latest reports, their actions counted by the
# Party's rating, by the Secretariat's, by pillar and divergence, and the submissions; a focal
# point's Parties are read once more; and the data version the figures are cached under.
EXPECTED = {"anonymous": 10, "chan": 13, "secretariat": 12}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_the_page_takes_a_fixed_number_of_queries(
    cambodia: Any,
    gabon: Any,
    personas: dict[str, Any],
    persona: str,
    django_assert_num_queries: Any,
) -> None:
    world = build_world(cambodia, gabon)
    grow(world, parties=6, actions=8)
    client = client_for(personas[persona])
    with django_assert_num_queries(EXPECTED[persona]):
        assert client.get(reverse("process-overview")).status_code == 200
