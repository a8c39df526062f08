"""Who sees which plan: a draft plan stays with its Party and the Secretariat."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tusk.core.selectors import party_can_edit
from tusk.plans.selectors import plan_current_for_party, plan_list_for_user
from tusk.testing.factories import ActionFactory, PlanFactory

pytestmark = pytest.mark.django_db

# persona -> may see Cambodia's draft plan
DRAFT_VISIBLE = {
    "anonymous": False,
    "partner": False,
    "chan": True,
    "gaelle": False,
    "secretariat": True,
    "admin": True,
}


@pytest.mark.parametrize("persona", DRAFT_VISIBLE)
def test_it_shows_a_draft_plan_only_to_its_party_and_the_secretariat(
    persona, personas, cambodia
) -> None:
    user = personas[persona] or AnonymousUser()
    adopted = PlanFactory.create(party=cambodia, version=1, status="adequate")
    draft = PlanFactory.create(party=cambodia, version=2, status="draft", previous=adopted)
    visible = set(plan_list_for_user(user=user))
    assert adopted in visible
    assert (draft in visible) is DRAFT_VISIBLE[persona]
    current = plan_current_for_party(user=user, party_id=cambodia.pk)
    assert current == (draft if DRAFT_VISIBLE[persona] else adopted)


def test_the_current_plan_comes_with_its_actions_in_two_queries_more(
    cambodia, django_assert_num_queries
) -> None:
    plan = PlanFactory.create(party=cambodia)
    for i in range(5):
        ActionFactory.create(plan=plan, code=f"2.{i}")
    with django_assert_num_queries(3):
        current = plan_current_for_party(user=AnonymousUser(), party_id=cambodia.pk)
        assert [a.pillar.number for a in current.actions.all()] == ["1"] * 5


@pytest.mark.parametrize(
    ("persona", "may_edit"),
    [
        ("anonymous", False),
        ("partner", False),
        ("chan", True),
        ("gaelle", False),
        ("secretariat", False),
        ("admin", True),
    ],
)
def test_only_the_partys_focal_point_or_an_admin_edits_its_data(
    persona, may_edit, personas, cambodia
) -> None:
    user = personas[persona] or AnonymousUser()
    assert party_can_edit(user=user, party=cambodia) is may_edit
