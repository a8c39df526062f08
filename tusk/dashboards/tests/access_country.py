"""The country dashboard in the access matrix: the Secretariat's ratings chart and the report
card (page and PDF) are public, and show each persona only what it may see. An action of a
draft plan of Cambodia, rated in its draft report, appears in the Party page's rating history
of Cambodia's focal point and the Secretariat, and on no page of anyone else."""

from __future__ import annotations

from django.urls import reverse

from tusk.testing.access import EVERYONE, Entry, World

# The title of an action of Cambodia's draft plan.
DRAFT_CARD_SECRET = "KH-DRAFT-CARD-SECRET"


def plant(world: World) -> None:
    """A draft plan of Cambodia with one overdue action, rated in Cambodia's draft report, so
    that the history shows it to those who may see drafts whichever draft plan is the newest
    (and the card lists it as overdue when this plan is the newest)."""
    from django.db.models import Max

    from tusk.testing import factories as f

    party = world.kh_published.party
    newest = party.plans.aggregate(newest=Max("version"))["newest"] or 0
    draft = f.PlanFactory(party=party, status="draft", version=newest + 1)
    action = f.ActionFactory(
        plan=draft,
        code="9.1",
        title=f"Draft action {DRAFT_CARD_SECRET}",
        timeframe="By December 2017",
    )
    f.ProgressFactory(
        report=world.kh_draft,
        action=action,
        code="9.1",
        title=f"Draft action {DRAFT_CARD_SECRET}",
        rating="on_track",
        order=9,
    )


MATRIX: dict[str, Entry] = {
    "party-secretariat-ratings-chart": (
        lambda w: reverse("party-secretariat-ratings-chart", args=["KH"]),
        EVERYONE,
    ),
    "party-card": (lambda w: reverse("party-card", args=["kh"]), EVERYONE),
    "party-card-pdf": (lambda w: reverse("party-card-pdf", args=["KH"]), EVERYONE),
}

SECRETS = {DRAFT_CARD_SECRET: {"chan", "secretariat", "admin"}}
