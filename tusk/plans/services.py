"""Writes of plans."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tusk.core.services import audit_record, history_note
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Plan


@transaction.atomic
def plan_adopt(*, plan: Plan, actor: Any, reason: str) -> Plan:
    """Make a draft plan version the Party's adopted one; the version before is superseded."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if locked.status != PlanStatus.DRAFT:
        return locked
    locked.status = PlanStatus.ADEQUATE
    history_note(locked, actor=actor, reason=reason)
    locked.save(update_fields=["status"])
    audit_record(
        actor=actor,
        verb="plan.adopt",
        target=locked,
        before={"status": PlanStatus.DRAFT},
        after={"status": PlanStatus.ADEQUATE},
        reason=reason,
    )
    previous = locked.previous
    if previous is not None and previous.status == PlanStatus.ADEQUATE:
        previous.status = PlanStatus.SUPERSEDED
        history_note(previous, actor=actor, reason=reason)
        previous.save(update_fields=["status"])
        audit_record(
            actor=actor,
            verb="plan.supersede",
            target=previous,
            before={"status": PlanStatus.ADEQUATE},
            after={"status": PlanStatus.SUPERSEDED},
            reason=reason,
        )
    return locked
