"""Nothing is lost: every domain model keeps its versions with django-simple-history."""

from __future__ import annotations

from django.apps import apps

DOMAIN_APPS = {"core", "accounts", "plans", "reports", "support", "documents"}
# The audit trail is itself the record of changes; it is never edited.
EXEMPT = {"AuditEvent"}


def test_every_domain_model_keeps_its_history() -> None:
    missing = [
        model.__name__
        for model in apps.get_models()
        if model._meta.app_label in DOMAIN_APPS
        and not model.__name__.startswith("Historical")
        and model.__name__ not in EXEMPT
        and not hasattr(model, "history")
    ]
    assert missing == []


def test_it_covers_the_models_of_the_design() -> None:
    names = {m.__name__ for m in apps.get_models() if m._meta.app_label in DOMAIN_APPS}
    expected = {
        "Party",
        "PartyCategory",
        "Region",
        "RegionMembership",
        "Meeting",
        "AuditEvent",
        "User",
        "FocalPointMembership",
        "Plan",
        "Pillar",
        "Action",
        "Indicator",
        "IndicatorValue",
        "ProgressReport",
        "ActionProgress",
        "Assessment",
        "Finding",
        "Need",
        "Partner",
        "Support",
    }
    assert expected <= names
