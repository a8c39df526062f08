"""Every write of the support app: the needs of a Party's actions.

Each function runs in a transaction and writes an audit event, so that the needs dashboard can
say who recorded a need and when.
"""

from __future__ import annotations

import decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tusk.core.errors import ServiceError
from tusk.core.models import Party
from tusk.core.services import audit_record, history_note, snapshot
from tusk.plans.models import Action
from tusk.support.choices import NeedKind
from tusk.support.models import Need

NEED_FIELDS = ("action", "kind", "description", "amount", "currency")


@transaction.atomic
def need_create(
    *,
    actor: Any,
    party: Party,
    action: Action | None,
    kind: str,
    description: str,
    amount: decimal.Decimal | None = None,
    currency: str = "",
) -> Need:
    """Record what one of `party`'s actions (or its plan as a whole, without one) still needs."""
    if kind not in NeedKind.values:
        raise ServiceError(_("Choose what kind of need this is."))
    if not description.strip():
        raise ServiceError(_("Describe the need."))
    if amount is not None and amount < 0:
        raise ServiceError(_("An amount cannot be negative."))
    currency = currency.strip().upper()
    if amount is not None and not currency:
        raise ServiceError(_("Give the currency of the amount."))
    if action is not None and action.plan.party_id != party.pk:
        raise ServiceError(_("The action belongs to another Party's plan."))
    need = Need(
        party=party,
        action=action,
        kind=kind,
        description=description.strip(),
        amount=amount,
        currency=currency if amount is not None else "",
    )
    history_note(need, actor=actor)
    need.save()
    audit_record(
        actor=actor, verb="need.create", target=need, after=snapshot(need, NEED_FIELDS), party=party
    )
    return need
