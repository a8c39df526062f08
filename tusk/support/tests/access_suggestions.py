"""The suggestions pages in the access matrix: read by the Party and the Secretariat, decided
by the Party's focal points and administrators only."""

from __future__ import annotations

from django.urls import reverse

from tusk.testing.access import LOGIN, Entry, World, Writer, statuses

KH_SECRET = "KH-NEED-SUGGESTION-SECRET"
GA_SECRET = "GA-NEED-SUGGESTION-SECRET"


def plant(world: World) -> None:
    """A pending suggestion on Cambodia's draft and one on Gabon's, each with its secret."""
    from tusk.support.models import NeedSuggestion

    for key, report, secret in (
        ("kh_suggestion", world.kh_draft, KH_SECRET),
        ("ga_suggestion", world.ga_draft, GA_SECRET),
    ):
        action = report.plan.actions.get(code="1.1")
        world.extra[key] = NeedSuggestion.objects.create(
            report=report,
            party=report.party,
            action=action,
            action_code=action.code,
            reason="funding_sentence",
            evidence=f"We are seeking funding for 1.1. {secret}",
            kind="funding",
            description=action.title,
        )


def _page(w: World) -> str:
    return reverse("report-need-suggestions", args=[w.kh_draft.pk])


def _confirm(w: World) -> str:
    return reverse("need-suggestion-confirm", args=[w.kh_draft.pk, w.extra["kh_suggestion"].pk])


def _discard(w: World) -> str:
    return reverse("need-suggestion-discard", args=[w.kh_draft.pk, w.extra["kh_suggestion"].pk])


POST_ONLY = statuses(405, 405, 405, 405, 405, 405)

MATRIX: dict[str, Entry] = {
    "report-need-suggestions": (_page, statuses(LOGIN, 404, 200, 404, 200, 200)),
    "need-suggestion-confirm": (_confirm, POST_ONLY),
    "need-suggestion-discard": (_discard, POST_ONLY),
}

WRITERS: dict[str, Writer] = {
    "need-suggestion-confirm": (_confirm, {"chan", "admin"}),
    "need-suggestion-discard": (_discard, {"chan", "admin"}),
}

SECRETS = {
    KH_SECRET: {"chan", "secretariat", "admin"},
    GA_SECRET: {"gaelle", "secretariat", "admin"},
}
