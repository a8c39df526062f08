"""Every read of plans, scoped to the user: drafts stay with their Party and the Secretariat."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from tusk.accounts.access import focal_party_ids, is_secretariat
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, Plan


def plan_list_for_user(*, user: Any) -> QuerySet[Plan]:
    """The plan versions `user` may see."""
    plans = Plan.objects.select_related("party")
    if is_secretariat(user):
        return plans
    visible = ~Q(status=PlanStatus.DRAFT)
    parties = focal_party_ids(user)
    if parties:
        visible |= Q(party_id__in=parties)
    return plans.filter(visible)


def plan_current_for_party(*, user: Any, party_id: int) -> Plan | None:
    """The newest plan version of a Party that `user` may see, pillars and actions prefetched."""
    return (
        plan_list_for_user(user=user)
        .filter(party_id=party_id)
        .prefetch_related(
            "pillars",
            Prefetch("actions", queryset=Action.objects.select_related("pillar")),
        )
        .order_by("-version")
        .first()
    )
