"""Writes of the core app, and the audit trail every service writes to."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tusk.core.models import AuditEvent, Party


def _jsonable(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO text, decimals as strings, records as ids."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a record as JSON-ready values, for an audit event's before/after."""
    return {name: _jsonable(getattr(instance, name)) for name in fields}


def audit_record(
    *,
    actor: Any,
    verb: str,
    target: models.Model,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    party: Party | None = None,
) -> AuditEvent:
    """Write one audit event; every service that changes domain data calls this.

    `actor` is the user who acted (None for the system, such as a command run without one);
    `party` is the Party whose data changed, found from the target when not given.
    """
    if party is None:
        party = _party_of(target)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        party=party,
        before=_jsonable(dict(before)) if before is not None else None,
        after=_jsonable(dict(after)) if after is not None else None,
        reason=reason,
    )


def _party_of(target: models.Model) -> Party | None:
    if isinstance(target, Party):
        return target
    party = getattr(target, "party", None)
    return party if isinstance(party, Party) else None


def history_note(instance: models.Model, *, actor: Any, reason: str = "") -> None:
    """Tell django-simple-history who makes the next save of `instance`, and why."""
    if getattr(actor, "pk", None):
        instance._history_user = actor  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason  # type: ignore[attr-defined]
