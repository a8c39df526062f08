"""The page where a Party's focal point confirms or discards the needs suggested from a report.

Who may read and decide comes from `tusk.support.suggestions`; each decision goes through its
services and redirects back to the page. A refused form is shown again in place with its
errors, the other suggestions' forms as they were prefilled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from niapdoc import needs as reading
from tusk.core.errors import ServiceError
from tusk.reports.models import ProgressReport
from tusk.support import suggestions as service
from tusk.support.choices import SuggestionStatus
from tusk.support.forms_suggestions import ConfirmForm, DiscardForm
from tusk.support.models import Need, NeedSuggestion
from tusk.support.themes import themes_guess


@dataclass
class Card:
    """A pending suggestion with its two forms and the needs its action already has."""

    suggestion: NeedSuggestion
    confirm: ConfirmForm | None
    discard: DiscardForm | None
    recorded: list[Need]


@dataclass
class Decided:
    """A suggestion already confirmed or discarded, and the reason given for a discard."""

    suggestion: NeedSuggestion
    reason: str


@dataclass
class Page:
    """Everything the suggestions page shows."""

    report: ProgressReport
    can_decide: bool
    pending: list[Card]
    decided: list[Decided]
    notes: list[reading.Note]


def _prefix(suggestion: NeedSuggestion) -> str:
    return f"s{suggestion.pk}"


def _initial(suggestion: NeedSuggestion) -> dict[str, Any]:
    action = suggestion.action
    pillar = action.pillar if action is not None else None
    words = action.title if action is not None else suggestion.description
    return {
        "kind": suggestion.kind,
        "description": suggestion.description or words,
        "themes": themes_guess(words, pillar.standard if pillar is not None else ""),
    }


def _page(
    *,
    user: Any,
    report: ProgressReport,
    bound: tuple[int, ConfirmForm | DiscardForm] | None = None,
) -> Page:
    """The page's content; `bound` is a refused form to show again for one suggestion."""
    decide = service.can_decide(user=user, party_id=report.party_id)
    rows = list(service.suggestions_of(report))
    reasons = service.discard_reasons(rows)
    pending, decided = [], []
    for row in rows:
        if row.status != SuggestionStatus.PENDING:
            decided.append(Decided(row, reasons.get(row.pk, "")))
            continue
        confirm = discard = None
        if decide:
            confirm = ConfirmForm(initial=_initial(row), prefix=_prefix(row))
            discard = DiscardForm(prefix=_prefix(row))
            if bound is not None and bound[0] == row.pk:
                if isinstance(bound[1], ConfirmForm):
                    confirm = bound[1]
                else:
                    discard = bound[1]
        recorded = list(getattr(row.action, "recorded", [])) if row.action else []
        pending.append(Card(row, confirm, discard, recorded))
    notes = service.suggestion_notes(report=report)
    return Page(report, decide, pending, decided, notes)


def _render(request: HttpRequest, page: Page, *, status: int = 200) -> HttpResponse:
    return render(request, "support/suggestions.html", {"page": page}, status=status)


@require_GET
@login_required
def report_need_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    report = service.report_for_suggestions(user=request.user, pk=pk)
    return _render(request, _page(user=request.user, report=report))


def _back(report: ProgressReport) -> HttpResponse:
    # Back to the top, where the message says what was done and the next suggestion waits.
    return redirect(reverse("report-need-suggestions", args=[report.pk]))


@require_POST
@login_required
def need_suggestion_confirm(request: HttpRequest, pk: int, suggestion: int) -> HttpResponse:
    report = service.report_for_suggestions(user=request.user, pk=pk, decide=True)
    row = service.suggestion_for_report(report=report, pk=suggestion)
    form = ConfirmForm(request.POST, prefix=_prefix(row))
    if form.is_valid():
        data = form.cleaned_data
        try:
            need = service.suggestion_confirm(
                actor=request.user,
                suggestion=row,
                kind=data["kind"],
                description=data["description"],
                amount=data["amount"],
                currency=data["currency"],
                needed_by=data["needed_by"],
                themes=data["themes"],
            )
        except ServiceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("The need for action {code} is recorded (need #{number}).").format(
                    code=row.action_code, number=need.pk
                ),
            )
            return _back(report)
    page = _page(user=request.user, report=report, bound=(row.pk, form))
    return _render(request, page, status=400)


@require_POST
@login_required
def need_suggestion_discard(request: HttpRequest, pk: int, suggestion: int) -> HttpResponse:
    report = service.report_for_suggestions(user=request.user, pk=pk, decide=True)
    row = service.suggestion_for_report(report=report, pk=suggestion)
    form = DiscardForm(request.POST, prefix=_prefix(row))
    if form.is_valid():
        try:
            service.suggestion_discard(
                actor=request.user, suggestion=row, reason=form.cleaned_data["reason"]
            )
        except ServiceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("The suggestion for action {code} is discarded; no need was recorded.").format(
                    code=row.action_code
                ),
            )
            return _back(report)
    page = _page(user=request.user, report=report, bound=(row.pk, form))
    return _render(request, page, status=400)
