"""The support services: recording support, moving it forward, correcting it, and the need's
status that follows; each write with its history row and audit event."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tusk.accounts.choices import Role
from tusk.core.errors import ServiceError, StaleEdit, WorkflowError
from tusk.core.models import AuditEvent
from tusk.support import services
from tusk.support.models import Need, Support
from tusk.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def kh_action(cambodia: Any) -> Any:
    plan = f.PlanFactory.create(party=cambodia)
    pillar = f.PillarFactory.create(plan=plan, number="2", standard="enforcement")
    return f.ActionFactory.create(plan=plan, pillar=pillar, code="2.1")


@pytest.fixture
def need(cambodia: Any, kh_action: Any) -> Need:
    return f.NeedFactory.create(
        party=cambodia, action=kh_action, amount=Decimal("1000"), currency="USD", kind="funding"
    )


def _record(actor: Any, need: Need | None = None, **kw: Any) -> Support:
    values: dict[str, Any] = {
        "actor": actor,
        "partner": actor.partner,
        "need": need,
        "stage": "pledged",
        "amount": Decimal("100"),
        "currency": "usd",
    }
    values.update(kw)
    return services.support_record(**values)


def _update(actor: Any, support: Support, **kw: Any) -> Support:
    values: dict[str, Any] = {
        "stage": support.stage,
        "role": support.role,
        "amount": support.amount,
        "currency": support.currency,
        "date": support.date,
        "period_start": support.period_start,
        "period_end": support.period_end,
        "description": support.description,
    }
    values.update(kw)
    return services.support_update(actor=actor, support=support, **values)


def _events(target: Any, verb: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            verb=verb,
            target_type=ContentType.objects.get_for_model(target),
            target_id=str(target.pk),
        ).order_by("id")
    )


# --- Recording ---------------------------------------------------------------------------------


def test_it_records_support_with_its_history_row_and_audit_event(pat: Any, need: Need) -> None:
    support = _record(
        pat,
        need,
        role="implementing",
        description="  Customs training, phase 1 ",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    support.refresh_from_db()
    assert (support.partner, support.party, support.need, support.action) == (
        pat.partner,
        need.party,
        need,
        need.action,
    )
    assert support.currency == "USD"
    assert support.description == "Customs training, phase 1"
    assert support.recorded_by == pat
    assert support.date == timezone.localdate()
    history = list(support.history.all())
    assert len(history) == 1 and history[0].history_user == pat
    [event] = _events(support, "support.record")
    assert event.actor == pat and event.party == need.party
    assert event.after["amount"] == "100.00" and event.after["stage"] == "pledged"


def test_it_needs_a_currency_with_an_amount(pat: Any, need: Need) -> None:
    with pytest.raises(ServiceError, match="currency"):
        _record(pat, need, currency="")
    with pytest.raises(ServiceError, match="three letters"):
        _record(pat, need, currency="US$")
    assert Support.objects.count() == 0
    # Without an amount the currency is dropped: support in kind.
    support = _record(pat, need, amount=None, currency="EUR")
    assert (support.amount, support.currency) == (None, "")


def test_it_refuses_a_need_of_another_party(pat: Any, need: Need, gabon: Any) -> None:
    with pytest.raises(ServiceError, match="belongs to Cambodia, not to Gabon"):
        _record(pat, need, party=gabon)
    ga_action = f.ActionFactory.create(plan=f.PlanFactory.create(party=gabon))
    with pytest.raises(ServiceError, match="not one of this action's needs"):
        _record(pat, need, action=ga_action)
    with pytest.raises(ServiceError, match="plan of Gabon, not of Cambodia"):
        _record(pat, None, action=ga_action, party=need.party)
    assert Support.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_it_refuses_a_withdrawn_need_and_a_missing_target(pat: Any, need: Need) -> None:
    with pytest.raises(ServiceError, match="need or the action"):
        _record(pat, None)
    need.status = "withdrawn"
    need.save()
    with pytest.raises(ServiceError, match="withdrawn"):
        _record(pat, need)


def test_it_refuses_a_negative_amount_a_bad_stage_and_a_period_out_of_order(
    pat: Any, need: Need
) -> None:
    with pytest.raises(ServiceError, match="negative"):
        _record(pat, need, amount=Decimal("-1"))
    with pytest.raises(ServiceError, match="stage"):
        _record(pat, need, stage="promised")
    with pytest.raises(ServiceError, match="role"):
        _record(pat, need, role="donor")
    with pytest.raises(ServiceError, match="ends before it starts"):
        _record(
            pat,
            need,
            period_start=datetime.date(2026, 5, 1),
            period_end=datetime.date(2026, 4, 1),
        )
    assert Support.objects.count() == 0


def test_it_records_support_for_an_action_as_a_whole(pat: Any, kh_action: Any) -> None:
    support = _record(pat, None, action=kh_action)
    assert (support.party, support.need, support.action) == (kh_action.plan.party, None, kh_action)


def test_a_partner_writes_only_its_own_support(pat: Any, need: Need, chan: Any) -> None:
    other = f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF")
    with pytest.raises(PermissionDenied):
        services.support_record(actor=pat, partner=other, need=need, stage="pledged")
    with pytest.raises(PermissionDenied):
        services.support_record(actor=chan, partner=pat.partner, need=need, stage="pledged")
    theirs = f.SupportFactory.create(partner=other, party=need.party, need=need, stage="pledged")
    with pytest.raises(PermissionDenied):
        _update(pat, theirs, stage="committed")
    theirs.refresh_from_db()
    assert theirs.stage == "pledged"


def test_the_secretariat_records_and_corrects_for_a_partner_with_a_reason(
    sofia: Any, pat: Any, need: Need
) -> None:
    with pytest.raises(ServiceError, match="Say why"):
        services.support_record(actor=sofia, partner=pat.partner, need=need, stage="pledged")
    support = services.support_record(
        actor=sofia,
        partner=pat.partner,
        need=need,
        stage="disbursed",
        amount=Decimal("300"),
        currency="USD",
        reason="Letter of 3 May 2026",
    )
    assert support.history.get().history_change_reason == "Letter of 3 May 2026"
    # The Secretariat may put a stage back, to correct a mistake, saying why.
    with pytest.raises(ServiceError, match="Say why"):
        _update(sofia, support, stage="committed")
    _update(sofia, support, stage="committed", reason="Not paid yet: the bank confirmed")
    support.refresh_from_db()
    assert support.stage == "committed"
    [event] = _events(support, "support.correct")
    assert event.before == {"stage": "disbursed"} and event.after == {"stage": "committed"}
    assert event.reason == "Not paid yet: the bank confirmed"


# --- Moving forward and correcting -------------------------------------------------------------


def test_support_moves_forward_only(pat: Any, need: Need) -> None:
    support = _record(pat, need, stage="committed")
    with pytest.raises(WorkflowError, match="cannot go back to pledged"):
        _update(pat, support, stage="pledged")
    for stage in ("disbursed", "completed"):
        support = _update(pat, support, stage=stage, date=datetime.date(2026, 11, 1))
    support.refresh_from_db()
    assert support.stage == "completed" and support.date == datetime.date(2026, 11, 1)
    with pytest.raises(WorkflowError, match="completed and cannot go back to committed"):
        _update(pat, support, stage="committed")
    moves = AuditEvent.objects.filter(verb="support.advance").order_by("id")
    assert [(e.before["stage"], e.after["stage"]) for e in moves] == [
        ("committed", "disbursed"),
        ("disbursed", "completed"),
    ]
    assert support.history.count() == 3


def test_a_correction_of_the_money_needs_a_reason(pat: Any, need: Need) -> None:
    support = _record(pat, need, stage="committed")
    with pytest.raises(ServiceError, match="the amount"):
        _update(pat, support, amount=Decimal("150"))
    with pytest.raises(ServiceError, match="the start of the period"):
        _update(pat, support, period_start=datetime.date(2026, 1, 1))
    support = _update(pat, support, amount=Decimal("150"), reason="Budget revised")
    assert support.amount == Decimal("150")
    [event] = _events(support, "support.correct")
    assert (event.before, event.after, event.reason) == (
        {"amount": "100.00"},
        {"amount": "150.00"},
        "Budget revised",
    )
    assert support.history.first().history_change_reason == "Budget revised"
    # The words of the support change freely, and no change writes nothing.
    before = AuditEvent.objects.count()
    _update(pat, support)
    assert AuditEvent.objects.count() == before
    _update(pat, support, description="Phase 2 as well")
    assert _events(support, "support.update")[0].after == {"description": "Phase 2 as well"}


def test_it_refuses_an_edit_over_a_later_one(pat: Any, need: Need) -> None:
    support = _record(pat, need)
    seen = Support.objects.get(pk=support.pk).updated_at
    _update(pat, support, stage="committed", seen=seen)
    with pytest.raises(StaleEdit):
        _update(pat, support, stage="disbursed", seen=seen)
    support.refresh_from_db()
    assert support.stage == "committed"


# --- The need's status -------------------------------------------------------------------------


def test_the_need_status_follows_firm_support_in_its_currency(
    pat: Any, sofia: Any, need: Need
) -> None:
    def status() -> str:
        need.refresh_from_db()
        return need.status

    _record(pat, need, stage="pledged", amount=Decimal("1000"))
    assert status() == "open"  # a pledge is not firm
    _record(pat, need, stage="committed", amount=Decimal("5000"), currency="EUR")
    assert status() == "open"  # another currency is never converted
    firm = _record(pat, need, stage="committed", amount=Decimal("400"))
    assert status() == "partly_met"
    second = _record(pat, need, stage="disbursed", amount=Decimal("600"))
    assert status() == "met"  # 400 + 600 reach the 1000 needed
    _update(sofia, second, stage="pledged", reason="Recorded at the wrong stage")
    assert status() == "partly_met"
    _update(pat, firm, amount=Decimal("0"), reason="Grant cancelled")
    assert status() == "open"
    events = AuditEvent.objects.filter(verb="need.status").order_by("id")
    assert [(e.before["status"], e.after["status"]) for e in events] == [
        ("open", "partly_met"),
        ("partly_met", "met"),
        ("met", "partly_met"),
        ("partly_met", "open"),
    ]
    assert need.history.count() == 5  # created, then four changes of status


def test_a_withdrawn_need_stays_withdrawn(pat: Any, need: Need) -> None:
    support = _record(pat, need, stage="committed", amount=Decimal("1000"))
    assert Need.objects.get(pk=need.pk).status == "met"
    Need.objects.filter(pk=need.pk).update(status="withdrawn")
    _update(pat, support, stage="disbursed")
    assert Need.objects.get(pk=need.pk).status == "withdrawn"


def test_a_need_without_an_amount_is_partly_met_by_any_firm_support(
    pat: Any, cambodia: Any
) -> None:
    need = f.NeedFactory.create(party=cambodia, kind="training")
    _record(pat, need, stage="pledged", amount=None)
    assert Need.objects.get(pk=need.pk).status == "open"
    _record(pat, need, stage="committed", amount=None)
    assert Need.objects.get(pk=need.pk).status == "partly_met"


def test_an_inactive_or_unlinked_partner_may_not_write(pat: Any, need: Need) -> None:
    loner = f.UserFactory.create(username="loner", role=Role.PARTNER)
    with pytest.raises(PermissionDenied):
        services.support_record(actor=loner, partner=pat.partner, need=need, stage="pledged")
    pat.is_active = False
    pat.save()
    with pytest.raises(PermissionDenied):
        _record(pat, need)
