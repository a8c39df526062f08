"""Every write of the support app: the needs of a Party's actions.

Each function runs in a transaction and writes an audit event, so that the needs dashboard can
say who recorded a need and when.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tusk.core.errors import ServiceError
from tusk.core.models import Party
from tusk.core.services import audit_record, history_note, snapshot
from tusk.plans.models import Action
from tusk.support.choices import NeedKind, Theme
from tusk.support.models import Need, NeedTheme

NEED_FIELDS = ("action", "kind", "description", "amount", "currency", "needed_by", "source_report")


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
    needed_by: datetime.date | None = None,
    themes: Sequence[str] = (),
    source_report: Any = None,
) -> Need:
    """Record what one of `party`'s actions (or its plan as a whole, without one) still needs,
    tagged with `themes`; `source_report` is the progress report it was suggested from."""
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
    unknown = [t for t in themes if t not in Theme.values]
    if unknown:
        raise ServiceError(_("Unknown theme: %(theme)s.") % {"theme": unknown[0]})
    if source_report is not None and source_report.party_id != party.pk:
        raise ServiceError(_("The report belongs to another Party."))
    need = Need(
        party=party,
        action=action,
        kind=kind,
        description=description.strip(),
        amount=amount,
        currency=currency if amount is not None else "",
        needed_by=needed_by,
        source_report=source_report,
    )
    history_note(need, actor=actor)
    need.save()
    for theme in dict.fromkeys(themes):
        tag = NeedTheme(need=need, theme=theme)
        history_note(tag, actor=actor)
        tag.save()
    after = snapshot(need, NEED_FIELDS) | {"themes": sorted(set(themes))}
    audit_record(actor=actor, verb="need.create", target=need, after=after, party=party)
    return need
