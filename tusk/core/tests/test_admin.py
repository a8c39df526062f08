"""The Django admin lists, opens and adds every model, for an administrator only."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, report_with_actions

pytestmark = pytest.mark.django_db

MODELS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in {"core", "accounts", "plans", "reports", "support", "documents"}
)


def test_every_domain_model_has_an_admin() -> None:
    registered = {name for _, name in MODELS}
    assert {
        "party", "partycategory", "region", "regionmembership", "meeting", "auditevent", "user",
        "focalpointmembership", "plan", "pillar", "action", "indicator", "indicatorvalue",
        "progressreport", "actionprogress", "assessment", "finding", "need", "partner", "support",
    } <= registered  # fmt: skip


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_an_admin_can_list_and_open_the_add_form(app: str, model: str, ada, cambodia) -> None:
    report_with_actions(party=cambodia)
    client = client_for(ada)
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    expected = 403 if model in {"auditevent", "finding"} else 200
    assert client.get(reverse(f"admin:{app}_{model}_add")).status_code == expected


@pytest.mark.parametrize("persona", ["chan", "secretariat", "partner"])
def test_no_one_else_gets_into_the_admin(persona, personas) -> None:
    response = client_for(personas[persona]).get(reverse("admin:core_party_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_submitted_report_is_read_only_in_the_admin(ada, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    client = client_for(ada)
    page = client.get(reverse("admin:reports_progressreport_change", args=[report.pk]))
    assert page.status_code == 200
    assert b'name="synopsis_overview"' not in page.content
    draft = report_with_actions(party=cambodia, meeting=MeetingFactory.create(number=90))
    page = client.get(reverse("admin:reports_progressreport_change", args=[draft.pk]))
    assert b'name="synopsis_overview"' in page.content
