"""The partners pages in the access matrix: a need is public; recording support is for partners
and the Secretariat; a support record's edit page exists only for its partner and the
Secretariat; the portfolio is a partner's own."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from tusk.testing.access import LOGIN, Entry, World, Writer, statuses

# The title of an action in Cambodia's draft plan: a need on it is public, the action is not.
DRAFT_ACTION_SECRET = "KH-DRAFT-PLAN-ACTION-SECRET"

RECORDERS = statuses(LOGIN, 200, 403, 403, 200, 200)
EDITORS = statuses(LOGIN, 200, 404, 404, 200, 200)
PARTNER_ONLY = statuses(LOGIN, 200, 403, 403, 403, 403)


def plant(world: World) -> None:
    """A need of Cambodia on an action of its published plan, supported by `pat`'s partner
    (pledged) and by another partner (committed); and a need on an action of a draft plan."""
    from django.db.models import Max

    from tusk.plans.models import Plan
    from tusk.testing import factories as f

    party = world.kh_published.party
    action = world.kh_published.plan.actions.get(code="1.1")
    need = f.NeedFactory.create(
        party=party, action=action, amount=Decimal("10000"), currency="USD", kind="funding"
    )
    other = f.PartnerFactory.create(name="World Wide Fund for Nature", acronym="WWF", kind="ngo")
    world.extra["partners_action"] = action
    world.extra["partners_need"] = need
    world.extra["partners_support"] = f.SupportFactory.create(
        partner=world.personas["partner"].partner,
        party=party,
        need=need,
        action=action,
        stage="pledged",
        amount=Decimal("2500"),
        currency="USD",
    )
    world.extra["partners_other_support"] = f.SupportFactory.create(
        partner=other,
        party=party,
        need=need,
        action=action,
        stage="committed",
        amount=Decimal("4000"),
        currency="USD",
    )
    # A version above every other of the Party: the factory's own sequence, or another helper's
    # fixed version, could otherwise collide with it.
    newest = Plan.objects.filter(party=party).aggregate(newest=Max("version"))["newest"] or 0
    draft = f.PlanFactory.create(party=party, status="draft", version=newest + 1)
    hidden = f.ActionFactory.create(
        plan=draft, code="9.9", title=f"Draft action {DRAFT_ACTION_SECRET}"
    )
    world.extra["partners_draft_need"] = f.NeedFactory.create(
        party=party, action=hidden, amount=Decimal("500"), currency="USD"
    )


def _need(w: World) -> str:
    return reverse("need-detail", args=[w.extra["partners_draft_need"].pk])


def _record_need(w: World) -> str:
    return reverse("need-support-new", args=[w.extra["partners_draft_need"].pk])


def _record_action(w: World) -> str:
    action = w.extra["partners_action"]
    return reverse("action-support-new", args=[action.plan.party.code, action.pk])


def _edit(w: World) -> str:
    return reverse("support-edit", args=[w.extra["partners_support"].pk])


def _edit_other(w: World) -> str:
    return reverse("support-edit", args=[w.extra["partners_other_support"].pk])


MATRIX: dict[str, Entry] = {
    "need-detail": (_need, statuses(200, 200, 200, 200, 200, 200)),
    "need-support-new": (_record_need, RECORDERS),
    "action-support-new": (_record_action, RECORDERS),
    "support-edit": (_edit, EDITORS),
    "partner-portfolio": (lambda w: reverse("partner-portfolio"), PARTNER_ONLY),
    "partner-portfolio-csv": (lambda w: reverse("partner-portfolio-csv"), PARTNER_ONLY),
}

WRITERS: dict[str, Writer] = {
    "need-support-new": (_record_need, {"partner", "secretariat", "admin"}),
    "action-support-new": (_record_action, {"partner", "secretariat", "admin"}),
    "support-edit": (_edit, {"partner", "secretariat", "admin"}),
    # Not a URL name: the same page for another partner's support, which `pat` may not touch.
    "support-edit (another partner's)": (_edit_other, {"secretariat", "admin"}),
}

SECRETS = {DRAFT_ACTION_SECRET: {"chan", "secretariat", "admin"}}
