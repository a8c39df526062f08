"""Writes of the meeting overview: the Secretariat's recommendation on a Party."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tusk.core.models import Meeting, Party
from tusk.core.services import audit_record, history_note
from tusk.documents.models import Recommendation


def recommendation_set(*, meeting: Meeting, party: Party, actor: Any, text: str) -> Recommendation:
    """Store the recommendation on `party` for `meeting`, with an audit event and history.

    Nothing is written when the text is unchanged.
    """
    text = text.replace("\r\n", "\n").strip()
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update().filter(meeting=meeting, party=party).first()
        )
        before = {"text": recommendation.text} if recommendation is not None else None
        if recommendation is not None and recommendation.text == text:
            return recommendation
        if recommendation is None:
            recommendation = Recommendation(meeting=meeting, party=party)
        recommendation.text = text
        recommendation.updated_by = actor if getattr(actor, "pk", None) else None
        history_note(recommendation, actor=actor)
        recommendation.save()
        audit_record(
            actor=actor,
            verb="recommendation.set",
            target=recommendation,
            before=before,
            after={"text": text},
            party=party,
        )
    return recommendation
