"""The secrets that `access_process` plants are live: the people who may see them do, so that
the access matrix, which checks that nobody else does, checks something."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tusk.dashboards.tests import access_process
from tusk.testing.access import World
from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, report_with_actions

pytestmark = pytest.mark.django_db

UNPUBLISHED = f"SC{access_process.UNPUBLISHED_MEETING}"
DRAFT = f"SC{access_process.DRAFT_MEETING}"


@pytest.fixture
def planted(cambodia: Any, gabon: Any, personas: dict[str, Any]) -> World:
    kh_draft = report_with_actions(party=cambodia, meeting=MeetingFactory.create(number=78))
    world = World(kh_draft, None, None, None, personas=personas)
    access_process.plant(world)
    return world


@pytest.mark.parametrize("persona", ["secretariat", "admin", "gaelle"])
def test_gabons_unpublished_report_is_its_latest_for_who_may_see_it(
    planted: World, persona: str
) -> None:
    client = client_for(planted.personas[persona])
    assert UNPUBLISHED in client.get(reverse("process-overview")).content.decode()
    rows = client.get(reverse("process-table", args=["ratings", "csv"])).content.decode()
    assert UNPUBLISHED in rows


@pytest.mark.parametrize("persona", ["anonymous", "partner", "chan"])
def test_no_one_else_sees_it(planted: World, persona: str) -> None:
    client = client_for(planted.personas[persona])
    for url in (
        reverse("process-overview"),
        reverse("process-table", args=["ratings", "csv"]),
        reverse("process-table", args=["near-exit", "csv"]),
    ):
        assert UNPUBLISHED not in client.get(url).content.decode()


def test_the_gabon_focal_point_does_not_read_its_unpublished_assessment(planted: World) -> None:
    client = client_for(planted.personas["gaelle"])
    rows = client.get(reverse("process-table", args=["ratings", "csv"])).content.decode()
    gabon = next(line for line in rows.splitlines() if line.startswith("GA,"))
    # The Secretariat rated every action 'unclear'; Gabon's focal point sees none of it.
    assert gabon.split(",")[8] == ""


def test_cambodias_draft_shows_on_its_own_pages_but_never_on_the_overview(
    planted: World,
) -> None:
    chan = client_for(planted.personas["chan"])
    assert DRAFT in chan.get(reverse("party-detail", args=["kh"])).content.decode()
    for persona in ("chan", "secretariat"):
        page = client_for(planted.personas[persona]).get(reverse("process-overview"))
        assert DRAFT not in page.content.decode()
