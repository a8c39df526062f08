"""The partners' pages: a need and its support, recording and moving support forward, and a
partner's portfolio with where others already work.

Reads come from `tusk.support.portfolio`, writes go through `tusk.support.services`. A need's
page is public; recording is for a partner (its own support) and the Secretariat (any partner's,
with a reason); a support record's edit page exists only for those who may change it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tusk.accounts.access import is_secretariat
from tusk.core.errors import ServiceError, StaleEdit
from tusk.plans.models import Action
from tusk.support import services
from tusk.support.choices import NeedStatus
from tusk.support.forms_partners import (
    SupportCorrectForm,
    SupportRecordForm,
    SupportStageForm,
    seen_of,
)
from tusk.support.models import Need, Partner, Support
from tusk.support.portfolio import (
    PORTFOLIO_PAGE_SIZE,
    action_get_for_user,
    action_shown_to,
    may_record_support,
    nearby_support,
    need_get,
    need_page,
    partner_of_user,
    portfolio_build,
    portfolio_csv,
    portfolio_support,
    support_get_for_user,
)


def _amount(value: Decimal | None, currency: str) -> str:
    if value is None:
        return _("no amount")
    places = 0 if value == value.to_integral_value() else 2
    return f"{number_format(value, decimal_pos=places, force_grouping=True)} {currency}"


# --- A need's page -----------------------------------------------------------------------------


@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A need: its Party, action, themes and amount, every partner's support and the gap."""
    page = need_page(user=request.user, need=need_get(pk=pk))
    return render(request, "support/need_detail.html", {"page": page, "need": page.need})


# --- Record support ----------------------------------------------------------------------------


def _recorder(request: HttpRequest) -> Partner | None:
    """The partner a user records for (None: the Secretariat chooses one); 403 for others."""
    if not may_record_support(user=request.user):
        raise PermissionDenied
    if is_secretariat(request.user):
        return None
    return partner_of_user(user=request.user)


def _record(
    request: HttpRequest,
    *,
    need: Need | None,
    action: Action | None,
    action_shown: bool,
) -> HttpResponse:
    """The record form for a need or an action, and its POST."""
    partner = _recorder(request)
    party = need.party if need is not None else action.plan.party  # type: ignore[union-attr]
    initial: dict[str, Any] = {"stage": "pledged", "role": "funding"}
    if need is not None and need.currency:
        initial["currency"] = need.currency
    form = SupportRecordForm(request.POST or None, initial=initial, for_secretariat=partner is None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen: Partner = partner or data["partner"]
        try:
            support = services.support_record(
                actor=request.user,
                partner=chosen,
                need=need,
                action=action if need is None else None,
                party=party,
                stage=data["stage"],
                role=data["role"],
                amount=data["amount"],
                currency=data["currency"],
                date=data["date"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                description=data["description"],
                reason=data.get("reason", ""),
            )
        except ServiceError as exc:
            error = str(exc)
        else:
            messages.success(request, _recorded_message(support))
            return _after_write(request, support)
    nearby = nearby_support(
        party=party,
        need=need,
        action=action if action_shown else None,
        exclude_partner=partner,
    )
    context = {
        "need": need,
        "action": action,
        "action_shown": action_shown,
        "party": party,
        "partner": partner,
        "form": form,
        "error": error,
        "nearby": nearby,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "support/support_form.html", context, status=status)


def _recorded_message(support: Support) -> str:
    amount = _amount(support.amount, support.currency)
    if support.need_id is None:
        return _("The support of {partner} for {party} was recorded: {amount}, {stage}.").format(
            partner=support.partner,
            party=support.party,
            amount=amount,
            stage=support.get_stage_display().lower(),
        )
    return _(
        "The support of {partner} for this need was recorded: {amount}, {stage}. The need is "
        "now {status}."
    ).format(
        partner=support.partner,
        amount=amount,
        stage=support.get_stage_display().lower(),
        status=support.need.get_status_display().lower(),  # type: ignore[union-attr]
    )


def _after_write(request: HttpRequest, support: Support) -> HttpResponse:
    """Back to the need, else to the partner's portfolio (the Secretariat: the Party's page)."""
    if support.need_id is not None:
        return redirect("need-detail", pk=support.need_id)
    if is_secretariat(request.user):
        return redirect("party-detail", code=support.party.code)
    return redirect("partner-portfolio")


@login_required
@require_http_methods(["GET", "POST"])
def need_support_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Record support for a need, seeing first who already supports it and what is near."""
    need = need_get(pk=pk)
    if request.method == "GET" and need.status == NeedStatus.WITHDRAWN:
        _recorder(request)
        messages.error(
            request, _("The Party withdrew this need: no support can be recorded against it.")
        )
        return redirect("need-detail", pk=need.pk)
    shown = action_shown_to(user=request.user, action=need.action)
    return _record(request, need=need, action=need.action, action_shown=shown)


@login_required
@require_http_methods(["GET", "POST"])
def action_support_new(request: HttpRequest, code: str, action_id: int) -> HttpResponse:
    """Record support for an action as a whole, when no need of the Party describes it."""
    action = action_get_for_user(user=request.user, code=code, pk=action_id)
    return _record(request, need=None, action=action, action_shown=True)


# --- Move support forward, correct it ----------------------------------------------------------


def _edit_page(
    request: HttpRequest,
    support: Support,
    *,
    stage_form: SupportStageForm,
    correct_form: SupportCorrectForm,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "support": support,
        "stage_form": stage_form,
        "correct_form": correct_form,
        "error": error,
        "is_last_stage": not stage_form.fields["stage"].choices,  # type: ignore[attr-defined]
        "for_secretariat": is_secretariat(request.user),
    }
    return render(request, "support/support_edit.html", context, status=status)


def _forms(
    request: HttpRequest, support: Support, data: Any = None
) -> tuple[SupportStageForm, SupportCorrectForm]:
    seen = seen_of(support)
    secretariat = is_secretariat(request.user)
    stage_data = data if data is not None and data.get("step") == "stage" else None
    correct_data = data if data is not None and data.get("step") == "details" else None
    stage_form = SupportStageForm(
        stage_data,
        support=support,
        for_secretariat=secretariat,
        initial={"seen": seen},
        auto_id="stage_%s",
    )
    correct_form = SupportCorrectForm(
        correct_data,
        auto_id="correct_%s",
        initial={
            "seen": seen,
            "role": support.role,
            "amount": support.amount,
            "currency": support.currency,
            "period_start": support.period_start,
            "period_end": support.period_end,
            "description": support.description,
        },
    )
    return stage_form, correct_form


def _update(request: HttpRequest, support: Support, form: Any) -> Support:
    """Call the service with the form's changes over the support's current values."""
    data = form.cleaned_data
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
    if isinstance(form, SupportStageForm):
        values["stage"] = data["stage"]
        values["date"] = data["date"] or timezone.localdate()
    else:
        for name in ("role", "amount", "currency", "period_start", "period_end", "description"):
            values[name] = data[name]
    return services.support_update(
        actor=request.user, support=support, reason=data["reason"], seen=data["seen"], **values
    )


@login_required
@require_http_methods(["GET", "POST"])
def support_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Move support to a later stage, or correct its amount, currency, period or role."""
    support = support_get_for_user(user=request.user, pk=pk)
    if request.method != "POST":
        stage_form, correct_form = _forms(request, support)
        return _edit_page(request, support, stage_form=stage_form, correct_form=correct_form)
    stage_form, correct_form = _forms(request, support, request.POST)
    form = stage_form if request.POST.get("step") == "stage" else correct_form
    if not form.is_valid():
        return _edit_page(
            request, support, stage_form=stage_form, correct_form=correct_form, status=400
        )
    try:
        saved = _update(request, support, form)
    except StaleEdit as exc:
        support.refresh_from_db()
        stage_form, correct_form = _forms(request, support)
        return _edit_page(
            request,
            support,
            stage_form=stage_form,
            correct_form=correct_form,
            error=str(exc),
            status=409,
        )
    except ServiceError as exc:
        return _edit_page(
            request,
            support,
            stage_form=stage_form,
            correct_form=correct_form,
            error=str(exc),
            status=400,
        )
    messages.success(
        request,
        _("The support of {partner} was saved: {amount}, {stage}.").format(
            partner=saved.partner,
            amount=_amount(saved.amount, saved.currency),
            stage=saved.get_stage_display().lower(),
        ),
    )
    return _after_write(request, saved)


# --- A partner's portfolio ---------------------------------------------------------------------


@login_required
@require_GET
def partner_portfolio(request: HttpRequest) -> HttpResponse:
    """The partner's own support by Party with totals per stage and currency, and the other
    partners working on the same needs, actions and pillars."""
    partner = partner_of_user(user=request.user)
    portfolio = portfolio_build(partner=partner)
    records = portfolio_support(partner=partner, parties=[b.party for b in portfolio.parties])
    page = Paginator(records, PORTFOLIO_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"portfolio": portfolio, "page": page, "partner": partner}
    return render(request, "support/partner_portfolio.html", context)


@login_required
@require_GET
def partner_portfolio_csv(request: HttpRequest) -> HttpResponse:
    """The partner's support as CSV, every record."""
    partner = partner_of_user(user=request.user)
    response = HttpResponse(portfolio_csv(partner=partner), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tusk-support.csv"'
    return response
