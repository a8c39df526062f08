"""Loading the reference data of `tusk.core.reference` into the database, as often as needed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models, transaction

from tusk.core.models import Meeting, Party, PartyCategory, Region, RegionMembership
from tusk.core.reference import CATEGORIES, MEETINGS, PARTIES, REGIONS
from tusk.core.services import audit_record, history_note, snapshot

REASON = "reference data"

M = TypeVar("M", bound=models.Model)


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0


def reference_load(*, actor: Any = None) -> dict[str, int]:
    """Bring meetings, Parties, categories and regions in line with the reference data.

    Rows are found by their natural keys; a missing row is created, a row whose values differ
    is updated, and an unchanged row is not saved at all, so that a second run writes no
    history row and no audit event. Returns how many reference rows of each kind there are and
    how many rows were created and updated.
    """
    tally = _Tally()
    with transaction.atomic():
        _load_meetings(actor=actor, tally=tally)
        parties = _load_parties(actor=actor, tally=tally)
        _load_categories(parties, actor=actor, tally=tally)
        _load_regions(parties, actor=actor, tally=tally)
    return {
        "meetings": len(MEETINGS),
        "parties": len(PARTIES),
        "categories": len(CATEGORIES),
        "regions": len(REGIONS),
        "memberships": sum(len(region.members) for region in REGIONS),
        "created": tally.created,
        "updated": tally.updated,
    }


def _load_meetings(*, actor: Any, tally: _Tally) -> None:
    for meeting in MEETINGS:
        _upsert(
            Meeting,
            key={"kind": meeting.kind, "number": meeting.number},
            values={
                "start_date": meeting.start_date,
                "end_date": meeting.end_date,
                "place": meeting.place,
                "takes_niap_reports": meeting.takes_niap_reports,
                "dates_note": meeting.dates_note,
            },
            actor=actor,
            tally=tally,
        )


def _load_parties(*, actor: Any, tally: _Tally) -> dict[str, Party]:
    parties: dict[str, Party] = {}
    for ref in PARTIES:
        values: dict[str, Any] = {"name": ref.name, "in_niap_process": ref.in_niap_process}
        # Stage and trade role are the app's to change once a Party exists: a later load
        # must not undo what the Secretariat recorded, so they are set on creation only.
        initial: dict[str, Any] = {"trade_role": ref.trade_role}
        if ref.stage:
            initial["stage"] = ref.stage
        parties[ref.country] = _upsert(
            Party,
            key={"country": ref.country},
            values=values,
            initial=initial,
            actor=actor,
            tally=tally,
        )
    return parties


def _load_categories(parties: dict[str, Party], *, actor: Any, tally: _Tally) -> None:
    for category in CATEGORIES:
        _upsert(
            PartyCategory,
            key={"party": parties[category.country], "cycle": category.cycle},
            values={"category": category.category, "source": category.source},
            actor=actor,
            tally=tally,
        )


def _load_regions(parties: dict[str, Party], *, actor: Any, tally: _Tally) -> None:
    for ref in REGIONS:
        region = _upsert(
            Region, key={"code": ref.code}, values={"name": ref.name}, actor=actor, tally=tally
        )
        for member in ref.members:
            _upsert(
                RegionMembership,
                key={"region": region, "party": parties[member.country], "start": member.start},
                values={"end": member.end},
                actor=actor,
                tally=tally,
            )


def _upsert(
    model: type[M],
    *,
    key: dict[str, Any],
    values: dict[str, Any],
    actor: Any,
    tally: _Tally,
    initial: dict[str, Any] | None = None,
) -> M:
    # Not update_or_create: it saves even when nothing changed, and each save is a history row.
    instance = model._default_manager.filter(**key).first()
    if instance is None:
        instance = model(**key, **values, **(initial or {}))
        history_note(instance, actor=actor, reason=REASON)
        instance.save()
        audit_record(
            actor=actor,
            verb="reference.create",
            target=instance,
            after={**key, **values, **(initial or {})},
            reason=REASON,
        )
        tally.created += 1
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if not changed:
        return instance
    before = snapshot(instance, changed)
    for name in changed:
        setattr(instance, name, values[name])
    history_note(instance, actor=actor, reason=REASON)
    instance.save(update_fields=changed)
    audit_record(
        actor=actor,
        verb="reference.update",
        target=instance,
        before=before,
        after=snapshot(instance, changed),
        reason=REASON,
    )
    tally.updated += 1
    return instance
