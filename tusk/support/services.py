"""Every write of the support app: the needs of a Party's actions and the partners' support.

Each function runs in a transaction and writes an audit event, so that the needs dashboard can
say who recorded a need or a support, when, and why it changed.
"""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tusk.accounts.access import is_partner, is_secretariat
from tusk.core.errors import ServiceError, StaleEdit, WorkflowError
from tusk.core.models import Party
from tusk.core.services import audit_record, history_note, snapshot
from tusk.plans.models import Action
from tusk.support.choices import NeedKind, NeedStatus, SupportRole, SupportStage, Theme
from tusk.support.models import Need, NeedTheme, Partner, Support

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


# --- Support ------------------------------------------------------------------------------------
#
# A partner records its support against a need or an action of a Party and moves it forward,
# pledged → committed → disbursed → completed. A partner writes only its own support; the
# Secretariat (and an administrator) may record or correct any, always saying why.
#
# Withdrawing a pledge that fell through is not offered: the Support model has no state for it,
# and deleting the row or zeroing its amount would hide what was promised. It needs a model
# change (a `withdrawn_at` date and a reason, excluded from every sum).

SUPPORT_FIELDS = (
    "partner",
    "party",
    "need",
    "action",
    "stage",
    "role",
    "amount",
    "currency",
    "date",
    "period_start",
    "period_end",
    "description",
)
# Changing these corrects what was recorded rather than moving it forward: it needs a reason.
CORRECTED_FIELDS = ("role", "amount", "currency", "period_start", "period_end")
STAGE_ORDER: tuple[str, ...] = tuple(SupportStage.values)
FIRM_STAGES: tuple[str, ...] = (
    SupportStage.COMMITTED,
    SupportStage.DISBURSED,
    SupportStage.COMPLETED,
)
CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
CENTS = decimal.Decimal("0.01")
MAX_AMOUNT = decimal.Decimal("1e12")  # the field holds 14 digits, two after the point


def may_write_support(*, actor: Any, partner: Partner) -> bool:
    """Whether `actor` may record or change `partner`'s support: the partner's own users, the
    Secretariat and administrators."""
    if is_secretariat(actor):
        return True
    return is_partner(actor) and actor.is_active and actor.partner_id == partner.pk


def _check_writer(*, actor: Any, partner: Partner, reason: str) -> None:
    """Refuse a writer who may not touch `partner`'s support; the Secretariat must say why."""
    if actor is None:
        return  # the system itself (a command or a data load)
    if not may_write_support(actor=actor, partner=partner):
        raise PermissionDenied(_("Only the partner itself or the Secretariat may do this."))
    if not (is_partner(actor) and actor.partner_id == partner.pk) and not reason.strip():
        raise ServiceError(
            _(
                "Say why you change the support of {partner}: the Secretariat's changes to a "
                "partner's support keep their reason."
            ).format(partner=partner)
        )


def _clean_money(
    amount: decimal.Decimal | None, currency: str
) -> tuple[decimal.Decimal | None, str]:
    """The amount and its currency as stored: a currency is required with an amount and dropped
    without one."""
    currency = currency.strip().upper()
    if amount is None:
        return None, ""
    if amount < 0:
        raise ServiceError(_("An amount cannot be negative."))
    if amount >= MAX_AMOUNT:
        raise ServiceError(_("The amount is too large: give it in units of the currency."))
    if not currency:
        raise ServiceError(
            _("Give the currency of the amount, as a three-letter code such as USD or EUR.")
        )
    if not CURRENCY_CODE.match(currency):
        raise ServiceError(
            _(
                "“{currency}” is not a currency code: give three letters, such as USD or EUR."
            ).format(currency=currency)
        )
    # Stored with two decimals: compared with the stored value, 100 and 100.00 are one amount.
    return amount.quantize(CENTS, rounding=decimal.ROUND_HALF_UP), currency


def _corrected_names(names: Sequence[str]) -> list[str]:
    labels = {
        "stage": _("the stage"),
        "role": _("the role"),
        "amount": _("the amount"),
        "currency": _("the currency"),
        "period_start": _("the start of the period"),
        "period_end": _("the end of the period"),
    }
    return [labels[name] for name in names]


def _check_choices(*, stage: str, role: str) -> None:
    if stage not in STAGE_ORDER:
        raise ServiceError(
            _("Choose the stage of the support: pledged, committed, disbursed or completed.")
        )
    if role not in SupportRole.values:
        raise ServiceError(_("Choose the partner's role: funding, implementing or accountable."))


def _check_period(start: datetime.date | None, end: datetime.date | None) -> None:
    if start and end and end < start:
        raise ServiceError(
            _("The period ends before it starts: give an end on or after {start}.").format(
                start=start.isoformat()
            )
        )


def _target(
    *, need: Need | None, action: Action | None, party: Party | None
) -> tuple[Party, Need | None, Action | None]:
    """The Party, need and action the support is for, checked against each other."""
    if need is None and action is None:
        raise ServiceError(_("Choose the need or the action that the support is for."))
    if need is not None:
        if need.status == NeedStatus.WITHDRAWN:
            raise ServiceError(
                _(
                    "This need was withdrawn by its Party: support cannot be recorded against "
                    "it. Record it against the action instead, if the work goes on."
                )
            )
        if party is not None and need.party_id != party.pk:
            raise ServiceError(
                _("The need belongs to {other}, not to {party}.").format(
                    other=need.party, party=party
                )
            )
        if action is not None and action.pk != need.action_id:
            raise ServiceError(_("The need is not one of this action's needs."))
        return need.party, need, need.action
    assert action is not None
    action_party = action.plan.party
    if party is not None and action_party.pk != party.pk:
        raise ServiceError(
            _("The action belongs to the plan of {other}, not of {party}.").format(
                other=action_party, party=party
            )
        )
    return action_party, None, action


@transaction.atomic
def support_record(
    *,
    actor: Any,
    partner: Partner,
    need: Need | None = None,
    action: Action | None = None,
    party: Party | None = None,
    stage: str,
    role: str = SupportRole.FUNDING,
    amount: decimal.Decimal | None = None,
    currency: str = "",
    date: datetime.date | None = None,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    description: str = "",
    reason: str = "",
) -> Support:
    """Record `partner`'s support for a need (or an action as a whole) of a Party.

    `party`, when given, is the Party the person meant to support: a need or action of another
    Party is refused. The date defaults to today. The need's status is then worked out again
    from its firm support (`need_status_refresh`).
    """
    _check_writer(actor=actor, partner=partner, reason=reason)
    target_party, need, action = _target(need=need, action=action, party=party)
    _check_choices(stage=stage, role=role)
    amount, currency = _clean_money(amount, currency)
    _check_period(period_start, period_end)
    support = Support(
        partner=partner,
        party=target_party,
        need=need,
        action=action,
        stage=stage,
        role=role,
        amount=amount,
        currency=currency,
        date=date or timezone.localdate(),
        period_start=period_start,
        period_end=period_end,
        description=description.strip(),
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    history_note(support, actor=actor, reason=reason.strip())
    support.save()
    audit_record(
        actor=actor,
        verb="support.record",
        target=support,
        after=snapshot(support, SUPPORT_FIELDS),
        reason=reason.strip(),
        party=target_party,
    )
    if need is not None:
        need_status_refresh(
            need=need,
            actor=actor,
            reason=_("Support {id} of {partner} recorded.").format(id=support.pk, partner=partner),
        )
    return support


def _stage_check(*, actor: Any, before: str, after: str) -> bool:
    """Whether the stage goes back, which only the Secretariat may do, to correct a mistake.

    Support moves forward only; a partner going back is refused with the way out.
    """
    back = STAGE_ORDER.index(after) < STAGE_ORDER.index(before)
    if back and actor is not None and not is_secretariat(actor):
        labels = dict(SupportStage.choices)
        raise WorkflowError(
            _(
                "Support moves forward only (pledged, committed, disbursed, completed): this "
                "support is {before} and cannot go back to {after}. If it was recorded at the "
                "wrong stage, ask the CITES Secretariat to correct it."
            ).format(before=str(labels[before]).lower(), after=str(labels[after]).lower())
        )
    return back


@transaction.atomic
def support_update(
    *,
    actor: Any,
    support: Support,
    stage: str,
    role: str,
    amount: decimal.Decimal | None,
    currency: str,
    date: datetime.date | None,
    period_start: datetime.date | None,
    period_end: datetime.date | None,
    description: str,
    reason: str = "",
    seen: datetime.datetime | None = None,
) -> Support:
    """Move `support` forward and change what it says.

    The stage only moves forward. Changing the role, amount, currency or period corrects the
    record and needs a reason, kept with the history and the audit event. `seen` is when the
    support was last saved as the person saw it: if someone saved it since, the change is
    refused rather than overwriting theirs.
    """
    locked = (
        Support.objects.select_for_update(of=("self",)).select_related("partner").get(pk=support.pk)
    )
    _check_writer(actor=actor, partner=locked.partner, reason=reason)
    if seen is not None and locked.updated_at != seen:
        raise StaleEdit(
            _(
                "Someone changed this support since you opened it: look at it again and redo "
                "your change."
            )
        )
    _check_choices(stage=stage, role=role)
    back = _stage_check(actor=actor, before=locked.stage, after=stage)
    amount, currency = _clean_money(amount, currency)
    _check_period(period_start, period_end)
    before = snapshot(locked, SUPPORT_FIELDS)
    locked.stage, locked.role, locked.amount, locked.currency = stage, role, amount, currency
    locked.date = date or locked.date
    locked.period_start, locked.period_end = period_start, period_end
    locked.description = description.strip()
    after = snapshot(locked, SUPPORT_FIELDS)
    changed = [name for name in SUPPORT_FIELDS if before[name] != after[name]]
    if not changed:
        return locked
    corrected = [name for name in CORRECTED_FIELDS if name in changed]
    if back:
        corrected.insert(0, "stage")
    if corrected and not reason.strip():
        raise ServiceError(
            _(
                "You changed what was recorded ({fields}): say why, so that others can follow "
                "the change."
            ).format(fields=", ".join(_corrected_names(corrected)))
        )
    history_note(locked, actor=actor, reason=reason.strip())
    locked.save()
    verb = (
        "support.correct"
        if corrected
        else "support.advance"
        if "stage" in changed
        else "support.update"
    )
    audit_record(
        actor=actor,
        verb=verb,
        target=locked,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
        reason=reason.strip(),
        party=locked.party,
    )
    if locked.need_id is not None:
        need_status_refresh(
            need=Need.objects.get(pk=locked.need_id),
            actor=actor,
            reason=_("Support {id} of {partner} changed.").format(
                id=locked.pk, partner=locked.partner
            ),
        )
    return locked


def need_status_worked_out(*, need: Need, firm: decimal.Decimal, any_firm: bool) -> str:
    """The status a need's firm support gives it.

    Firm support is support committed or later (committed, disbursed, completed). With an
    amount, only firm support in the need's own currency counts, never converted: the need is met
    when it reaches the amount, partly met when it is above zero, open otherwise. Without an
    amount (or an amount of zero) Tusk cannot tell when a need is met: any firm support makes it
    partly met. A withdrawn need stays withdrawn.
    """
    if need.status == NeedStatus.WITHDRAWN:
        return NeedStatus.WITHDRAWN
    if not need.amount:
        return NeedStatus.PARTLY_MET if any_firm else NeedStatus.OPEN
    if firm >= need.amount:
        return NeedStatus.MET
    return NeedStatus.PARTLY_MET if firm > 0 else NeedStatus.OPEN


@transaction.atomic
def need_status_refresh(*, need: Need, actor: Any, reason: str = "") -> Need:
    """Work out the need's status again from its firm support (`need_status_worked_out`) and
    store it if it changed, with its history and an audit event. Two queries when unchanged."""
    locked = Need.objects.select_for_update().get(pk=need.pk)
    firm_support = Support.objects.filter(need=locked, stage__in=FIRM_STAGES)
    figures = firm_support.aggregate(
        firm=Sum("amount", filter=Q(currency=locked.currency)), records=Count("pk")
    )
    status = need_status_worked_out(
        need=locked, firm=figures["firm"] or decimal.Decimal(0), any_firm=figures["records"] > 0
    )
    if status != locked.status:
        before = locked.status
        locked.status = status
        history_note(locked, actor=actor, reason=reason)
        locked.save(update_fields=["status"])
        audit_record(
            actor=actor,
            verb="need.status",
            target=locked,
            before={"status": before},
            after={"status": status},
            reason=reason,
            party=locked.party,
        )
    need.status = locked.status
    return locked
