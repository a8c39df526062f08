"""Needs suggested from imported reports: made at every import, decided by the Party.

The import calls `suggestions_create`, which stores what `niapdoc.needs` reads in the report as
`NeedSuggestion` rows; nothing becomes a Need until one of the Party's focal points confirms it
(`suggestion_confirm`, which records the Need through `need_create`) or discards it
(`suggestion_discard`). A decision is kept: importing the report again, or a new revision of it,
does not bring back a suggestion already decided for the same action.

The reads the suggestions page needs are here too, scoped to the user, so that the page holds
no rule of its own about who may see or decide.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from niapdoc import model as doc
from niapdoc import needs as reading
from tusk.accounts.access import focal_party_ids, is_admin, is_secretariat
from tusk.core.errors import ServiceError
from tusk.core.models import AuditEvent
from tusk.core.services import audit_record, history_note, snapshot
from tusk.plans.models import Action
from tusk.reports.models import ProgressReport
from tusk.reports.selectors import report_get_for_user
from tusk.support.choices import SuggestionStatus
from tusk.support.models import Need, NeedSuggestion
from tusk.support.services import need_create

SUGGESTED_REASON = "suggested from the imported report"
SUGGESTION_FIELDS = ("status", "kind", "description", "need", "decided_by", "decided_at")
DISCARD_REASON_CHARS = 500


# --- Made at import -----------------------------------------------------------------------------


@dataclass
class SuggestionsMade:
    """What one import suggested: the new rows, how many stale ones went, and the notes."""

    created: list[NeedSuggestion] = field(default_factory=list)
    removed: int = 0
    notes: list[reading.Note] = field(default_factory=list)


def _lineage(actions: Iterable[Action]) -> dict[int, set[int]]:
    """Each action's id with the ids of the actions it replaces, back to the first plan, so
    that a decision made on an earlier plan version counts for its successor."""
    chains = {a.pk: {a.pk} for a in actions}
    frontier = {a.pk: a.replaces_id for a in actions if a.replaces_id}
    while frontier:
        older = dict(
            Action.objects.filter(pk__in=set(frontier.values())).values_list("pk", "replaces_id")
        )
        step = {}
        for pk, replaced in frontier.items():
            if replaced in chains[pk]:
                continue
            chains[pk].add(replaced)
            if older.get(replaced):
                step[pk] = older[replaced]
        frontier = step
    return chains


def _decided_before(report: ProgressReport) -> list[NeedSuggestion]:
    """Suggestions already confirmed or discarded on the other revisions of this report."""
    return list(
        NeedSuggestion.objects.filter(
            party_id=report.party_id, report__meeting_id=report.meeting_id
        )
        .exclude(report=report)
        .exclude(status=SuggestionStatus.PENDING)
    )


@transaction.atomic
def suggestions_create(
    *, report: ProgressReport, document: doc.ProgressReport, actor: Any = None
) -> SuggestionsMade:
    """Store the needs `document` (the report as read) suggests for `report`, once each.

    A suggestion that this report already has is kept as it is, decided or not; one decided on
    another revision of the report for the same action and reason is not made again; a pending
    one the content no longer suggests is removed, and so are the pending ones of earlier
    revisions, which this one replaces.
    """
    actions = list(report.plan.actions.order_by("order", "id"))
    by_code = {a.code: a for a in actions}
    found = reading.suggest(document, plan=[a.code for a in actions])
    chains = _lineage(actions)
    decided = {
        (s.action_id if s.action_id else s.action_code, s.reason) for s in _decided_before(report)
    }
    existing = {(s.action_code, s.reason): s for s in report.need_suggestions.all()}
    wanted = {(n.code, n.reason) for n in found.needs}

    stale = [
        s.pk
        for key, s in existing.items()
        if key not in wanted and s.status == SuggestionStatus.PENDING
    ]
    replaced = NeedSuggestion.objects.filter(
        party_id=report.party_id,
        report__meeting_id=report.meeting_id,
        status=SuggestionStatus.PENDING,
    ).exclude(report=report)
    removed = len(stale) + replaced.count()
    NeedSuggestion.objects.filter(pk__in=stale).delete()
    replaced.delete()

    rows = []
    for need in found.needs:
        action = by_code[need.code]
        seen = {(pk, need.reason) for pk in chains[action.pk]} | {(need.code, need.reason)}
        if (need.code, need.reason) in existing or seen & decided:
            continue
        rows.append(
            NeedSuggestion(
                report=report,
                party_id=report.party_id,
                action=action,
                action_code=need.code,
                reason=need.reason,
                evidence=need.evidence,
                kind=need.kind,
                description=action.title,
            )
        )
    created = bulk_create_with_history(
        rows,
        NeedSuggestion,
        default_user=actor if getattr(actor, "pk", None) else None,
        default_change_reason=SUGGESTED_REASON,
    )
    if created or removed:
        audit_record(
            actor=actor,
            verb="need_suggestion.suggest",
            target=report,
            after={
                "suggested": [f"{s.action_code} ({s.reason})" for s in created],
                "removed": removed,
            },
            reason=SUGGESTED_REASON,
        )
    return SuggestionsMade(created=list(created), removed=removed, notes=found.notes)


# --- Decided by the Party ----------------------------------------------------------------------


def can_decide(*, user: Any, party_id: int) -> bool:
    """Only the Party's own focal points, and administrators, turn suggestions into needs."""
    return party_id in focal_party_ids(user) or is_admin(user)


def _pending_for(*, actor: Any, suggestion: NeedSuggestion) -> NeedSuggestion:
    """The suggestion locked for a decision, refused if the actor may not decide or it was
    decided already (perhaps by a colleague a moment ago)."""
    current = (
        NeedSuggestion.objects.select_for_update(of=("self",))
        .select_related("report", "party", "action__plan", "decided_by")
        .get(pk=suggestion.pk)
    )
    if not can_decide(user=actor, party_id=current.party_id):
        raise PermissionDenied
    if current.status == SuggestionStatus.CONFIRMED:
        message = _("The suggestion for action {code} was already confirmed: nothing was changed.")
        raise ServiceError(message.format(code=current.action_code))
    if current.status == SuggestionStatus.DISCARDED:
        message = _("The suggestion for action {code} was already discarded: nothing was changed.")
        raise ServiceError(message.format(code=current.action_code))
    return current


@transaction.atomic
def suggestion_confirm(
    *,
    actor: Any,
    suggestion: NeedSuggestion,
    kind: str,
    description: str,
    amount: decimal.Decimal | None = None,
    currency: str = "",
    needed_by: datetime.date | None = None,
    themes: Sequence[str] = (),
) -> Need:
    """Record the suggested need as the focal point completed it, and mark the suggestion
    confirmed; the need, its themes and the decision are stored together or not at all."""
    current = _pending_for(actor=actor, suggestion=suggestion)
    before = snapshot(current, SUGGESTION_FIELDS)
    need = need_create(
        actor=actor,
        party=current.party,
        action=current.action,
        kind=kind,
        description=description,
        amount=amount,
        currency=currency,
        needed_by=needed_by,
        themes=themes,
        source_report=current.report,
    )
    current.status = SuggestionStatus.CONFIRMED
    current.kind = kind
    current.description = need.description
    current.need = need
    current.decided_by = actor if getattr(actor, "pk", None) else None
    current.decided_at = timezone.now()
    history_note(current, actor=actor, reason=f"confirmed as need #{need.pk}")
    current.save()
    audit_record(
        actor=actor,
        verb="need_suggestion.confirm",
        target=current,
        before=before,
        after=snapshot(current, SUGGESTION_FIELDS),
        party=current.party,
    )
    return need


@transaction.atomic
def suggestion_discard(*, actor: Any, suggestion: NeedSuggestion, reason: str = "") -> None:
    """Set a suggestion aside without recording a need; `reason` (optional) says why."""
    current = _pending_for(actor=actor, suggestion=suggestion)
    before = snapshot(current, SUGGESTION_FIELDS)
    reason = " ".join(reason.split())[:DISCARD_REASON_CHARS]
    current.status = SuggestionStatus.DISCARDED
    current.decided_by = actor if getattr(actor, "pk", None) else None
    current.decided_at = timezone.now()
    history_note(current, actor=actor, reason=reason or "discarded")
    current.save()
    audit_record(
        actor=actor,
        verb="need_suggestion.discard",
        target=current,
        before=before,
        after=snapshot(current, SUGGESTION_FIELDS),
        reason=reason,
        party=current.party,
    )


# --- Reads ------------------------------------------------------------------------------------


def suggestions_url(report: ProgressReport) -> str:
    """Where the report's suggestions are decided, as a full address for the command line."""
    path = reverse("report-need-suggestions", args=[report.pk])
    return str(settings.SITE_URL).rstrip("/") + path


def suggestions_pending_count(*, report: ProgressReport) -> int:
    """How many of the report's suggestions wait for a decision."""
    return report.need_suggestions.filter(status=SuggestionStatus.PENDING).count()


def suggestions_pending_for_user(*, user: Any, report: ProgressReport) -> int:
    """How many suggestions of `report` wait for `user` to decide (0 for anyone who may not),
    for a notice on the report's page."""
    if not can_decide(user=user, party_id=report.party_id):
        return 0
    return suggestions_pending_count(report=report)


def report_for_suggestions(*, user: Any, pk: int, decide: bool = False) -> ProgressReport:
    """The report whose suggestions `user` may read (its Party's focal points, the Secretariat
    and administrators), or decide on with `decide` (focal points and administrators).

    Anyone else gets a 404, so that another Party's suggestions do not even show they exist;
    the Secretariat, who may read them, gets a 403 when it tries to decide.
    """
    report = report_get_for_user(user=user, pk=pk)
    own = report.party_id in focal_party_ids(user)
    if not (own or is_secretariat(user)):
        raise Http404("No such report.")
    if decide and not can_decide(user=user, party_id=report.party_id):
        raise PermissionDenied
    return report


def suggestion_for_report(*, report: ProgressReport, pk: int) -> NeedSuggestion:
    """One suggestion of `report`, which the caller has already checked the user may decide."""
    try:
        return report.need_suggestions.get(pk=pk)
    except NeedSuggestion.DoesNotExist:
        raise Http404("No such suggestion.") from None


def suggestions_of(report: ProgressReport) -> QuerySet[NeedSuggestion]:
    """The report's suggestions in the plan's order, with their action, its pillar, the needs
    already recorded for it, and who decided."""
    needs = Need.objects.order_by("id")
    return (
        report.need_suggestions.select_related("action__pillar", "decided_by", "need")
        .prefetch_related(Prefetch("action__needs", queryset=needs, to_attr="recorded"))
        .order_by("action__order", "action_code", "reason", "id")
    )


def discard_reasons(suggestions: Sequence[NeedSuggestion]) -> dict[int, str]:
    """Why each discarded suggestion was set aside, from the audit trail."""
    ids = [str(s.pk) for s in suggestions if s.status == SuggestionStatus.DISCARDED]
    if not ids:
        return {}
    events = AuditEvent.objects.filter(
        verb="need_suggestion.discard",
        target_type=ContentType.objects.get_for_model(NeedSuggestion),
        target_id__in=ids,
    ).values_list("target_id", "reason")
    return {int(target): reason for target, reason in events}


def document_of(report: ProgressReport) -> doc.ProgressReport:
    """The stored report as `niapdoc` reads one: enough of it to read its requests again."""
    return doc.ProgressReport(
        source=doc.Source(filename=report.source_filename, sha256="", kind=report.source_kind),
        language=report.language,
        party=str(report.party_id),
        party_code=None,
        meeting=None,
        period_start=None,
        period_end=None,
        prepared_by=None,
        scale=report.scale,
        synopsis=doc.Synopsis(
            overview=report.synopsis_overview,
            progress=report.synopsis_progress,
            outlook=report.synopsis_outlook,
        ),
        actions=[
            doc.Action(
                code=p.code,
                pillar=p.pillar or None,
                title=p.title,
                flagged=p.flagged,
                progress=list(p.progress),
            )
            for p in report.progress.order_by("order", "id")
        ],
    )


def suggestion_notes(*, report: ProgressReport) -> list[reading.Note]:
    """What the report asks for that could not become a suggestion (codes the plan lacks, an
    unclear range, a request naming no action), read again from the stored report."""
    codes = list(report.plan.actions.order_by("order", "id").values_list("code", flat=True))
    return reading.suggest(document_of(report), plan=codes).notes
