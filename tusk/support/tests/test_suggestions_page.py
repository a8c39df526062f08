"""The suggestions page: what each role sees, the decisions made from it without JavaScript,
and its queries holding as suggestions grow."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tusk.documents.services import report_import
from tusk.reports.models import ProgressReport
from tusk.support.models import Need, NeedSuggestion
from tusk.testing import factories as f
from tusk.testing.clients import client_for

pytestmark = pytest.mark.django_db

CAMBODIA_TXT = (
    Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures" / "cambodia-sc66.txt"
)


@pytest.fixture
def report(cambodia: Any) -> ProgressReport:
    raw = CAMBODIA_TXT.read_bytes()
    return report_import(raw=raw, filename="cambodia-sc66.txt").report


def page_url(report: ProgressReport) -> str:
    return reverse("report-need-suggestions", args=[report.pk])


def one(report: ProgressReport, code: str, reason: str = "funding_sentence") -> NeedSuggestion:
    return report.need_suggestions.get(action_code=code, reason=reason)


def confirm_url(row: NeedSuggestion) -> str:
    return reverse("need-suggestion-confirm", args=[row.report_id, row.pk])


def discard_url(row: NeedSuggestion) -> str:
    return reverse("need-suggestion-discard", args=[row.report_id, row.pk])


def form_data(row: NeedSuggestion, **values: Any) -> dict[str, Any]:
    return {f"s{row.pk}-{name}": value for name, value in values.items()}


def test_the_focal_point_sees_each_suggestion_with_its_evidence_and_a_prefilled_form(
    report: ProgressReport, chan: Any
) -> None:
    response = client_for(chan).get(page_url(report))
    assert response.status_code == 200
    html = response.content.decode()
    assert "To decide (14)" in html
    assert html.count('class="suggestion-confirm"') == 14
    assert html.count('class="suggestion-discard"') == 14
    assert "We are seeking additional funding with support from our NGO partners" in html
    assert "The action is marked with an asterisk" in html
    row = one(report, "3.2")
    title = row.action.title
    assert f'<textarea name="s{row.pk}-description"' in html
    assert re.search(rf'name="s{row.pk}-description"[^>]*>\s*{re.escape(title)}</textarea>', html)
    # The themes its title speaks of are ticked for it: prosecution, intelligence, capacity.
    ticked = re.findall(rf'name="s{row.pk}-themes" value="(\w+)"[^>]*checked', html)
    assert ticked == ["prosecution", "intelligence", "capacity"]
    assert '<option value="funding" selected>' in html
    assert "<script" not in html


def test_the_secretariat_reads_the_suggestions_without_forms(
    report: ProgressReport, sofia: Any
) -> None:
    response = client_for(sofia).get(page_url(report))
    html = response.content.decode()
    assert response.status_code == 200 and "To decide (14)" in html
    assert '<form class="suggestion' not in html
    assert "Only the Party's focal points decide on these suggestions" in html
    row = one(report, "2.1")
    assert (
        client_for(sofia).post(confirm_url(row), form_data(row, kind="funding")).status_code == 403
    )
    assert client_for(sofia).post(discard_url(row)).status_code == 403
    row.refresh_from_db()
    assert row.status == "pending"


def test_another_partys_focal_point_and_a_partner_get_404_even_once_published(
    report: ProgressReport, gaelle: Any, pat: Any, sofia: Any
) -> None:
    report.status = "published"
    report.save()
    row = one(report, "2.1")
    for outsider in (gaelle, pat):
        client = client_for(outsider)
        assert client.get(page_url(report)).status_code == 404
        assert client.post(confirm_url(row), form_data(row, kind="funding")).status_code == 404
        assert client.post(discard_url(row)).status_code == 404
    assert client_for(None).get(page_url(report)).status_code == 302
    row.refresh_from_db()
    assert row.status == "pending" and Need.objects.count() == 0


def test_confirming_from_the_page_records_the_need_and_says_so(
    report: ProgressReport, chan: Any
) -> None:
    row = one(report, "3.2")
    data = form_data(
        row,
        kind="training",
        description="Investigation training for FA officials",
        amount="12000.50",
        currency="usd",
        needed_by="2027-03-31",
        themes=["intelligence", "capacity"],
    )
    client = client_for(chan)
    response = client.post(confirm_url(row), data)
    assert response.status_code == 302
    assert response["Location"] == page_url(report)
    need = Need.objects.get()
    assert (need.kind, str(need.amount), need.currency, str(need.needed_by)) == (
        "training",
        "12000.50",
        "USD",
        "2027-03-31",
    )
    assert sorted(need.themes.values_list("theme", flat=True)) == ["capacity", "intelligence"]
    html = client.get(page_url(report)).content.decode()
    assert f"The need for action 3.2 is recorded (need #{need.pk})." in html
    assert "To decide (13)" in html
    assert "Investigation training for FA officials (12,000.50 USD)" in html
    # The other suggestion for 3.2 now shows the need already recorded for the action.
    assert "Already recorded for this action:" in html and "(from this report)" in html


def test_a_form_with_mistakes_is_shown_again_with_the_fix_and_nothing_stored(
    report: ProgressReport, chan: Any
) -> None:
    row = one(report, "2.1")
    data = form_data(row, kind="funding", description="Unit", amount="500", currency="dollars")
    response = client_for(chan).post(confirm_url(row), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the currency as its three-letter ISO code, for example USD or EUR." in html
    assert 'value="dollars"' in html  # what was typed is kept
    data = form_data(row, kind="funding", description="Unit", amount="500", currency="dol")
    html = client_for(chan).post(confirm_url(row), data).content.decode()
    assert "DOL is not an ISO 4217 currency code: write USD, EUR, XAF or another." in html
    assert "Give the currency of the amount" not in html  # one message, the one that helps
    response = client_for(chan).post(confirm_url(row), form_data(row, kind="funding", amount="5"))
    html = response.content.decode()
    assert "This field is required." in html
    assert "Give the currency of the amount, for example USD or EUR." in html
    row.refresh_from_db()
    assert row.status == "pending" and Need.objects.count() == 0


def test_discarding_from_the_page_records_no_need(report: ProgressReport, chan: Any) -> None:
    row = one(report, "4.1", "flagged_action")
    client = client_for(chan)
    response = client.post(discard_url(row), form_data(row, reason="Funded by WCS already"))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "discarded" and Need.objects.count() == 0
    html = client.get(page_url(report)).content.decode()
    assert "No need recorded: Funded by WCS already" in html
    assert "To decide (13)" in html


def test_deciding_twice_says_it_was_decided_already(report: ProgressReport, chan: Any) -> None:
    row = one(report, "2.5")
    client = client_for(chan)
    client.post(discard_url(row))
    response = client.post(confirm_url(row), form_data(row, kind="funding", description="x"))
    assert response.status_code == 400
    assert "already discarded: nothing was changed" in response.content.decode()
    assert Need.objects.count() == 0


def test_a_suggestion_of_another_report_is_not_found_through_this_one(
    report: ProgressReport, chan: Any
) -> None:
    meeting = f.MeetingFactory.create(number=70)
    other = f.ReportFactory.create(party=report.party, plan=report.plan, meeting=meeting)
    row = one(report, "2.1")
    url = reverse("need-suggestion-confirm", args=[other.pk, row.pk])
    response = client_for(chan).post(url, form_data(row, kind="funding", description="x"))
    assert response.status_code == 404
    assert Need.objects.count() == 0


def test_the_page_lists_what_could_not_be_suggested(cambodia: Any, chan: Any) -> None:
    report = f.report_with_actions(
        party=cambodia,
        synopsis_overview="We are seeking funding for activities 1.2 and 8.4. "
        "We will also seek support for community rangers.",
    )
    NeedSuggestion.objects.create(
        report=report, party=cambodia, action=report.plan.actions.get(code="1.2"),
        action_code="1.2", reason="funding_sentence", evidence="We are seeking funding",
    )  # fmt: skip
    html = client_for(chan).get(page_url(report)).content.decode()
    assert "The report asks for support for 8.4, which the plan does not have." in html
    assert "The report asks for support without naming an action." in html
    assert "We will also seek support for community rangers." in html


def _suggestions(report: ProgressReport, count: int) -> None:
    pillar = report.plan.pillars.get()
    for i in range(count):
        action = f.ActionFactory.create(plan=report.plan, pillar=pillar, code=f"2.{i + 1}")
        f.NeedFactory.create(party=report.party, action=action)
        row = NeedSuggestion.objects.create(
            report=report, party=report.party, action=action, action_code=action.code,
            reason="flagged_action", evidence=f"{action.code} {action.title}*",
            status="discarded" if i % 3 == 0 else "pending",
        )  # fmt: skip
        if i % 3 == 0:
            from tusk.core.services import audit_record

            audit_record(actor=None, verb="need_suggestion.discard", target=row, reason="no")


@pytest.mark.parametrize("count", [2, 12])
def test_the_page_makes_the_same_queries_however_many_suggestions(
    cambodia: Any, chan: Any, count: int, django_assert_num_queries: Any
) -> None:
    report = f.report_with_actions(party=cambodia)
    _suggestions(report, count)
    client = client_for(chan)
    client.get(page_url(report))  # warm the content-type cache
    with django_assert_num_queries(9):
        response = client.get(page_url(report))
    html = response.content.decode()
    assert f"To decide ({count - len(range(0, count, 3))})" in html
    assert html.count("No need recorded: no") == len(range(0, count, 3))


def test_the_report_and_its_draft_page_point_the_focal_point_to_the_suggestions(
    report: ProgressReport, chan: Any, sofia: Any
) -> None:
    link = page_url(report)
    pending = NeedSuggestion.objects.filter(report=report, status="pending").count()
    assert pending > 0
    notice = f"Tusk suggests needs from this report: {pending} to confirm or discard."
    client = client_for(chan)
    for url in (f"/reports/{report.pk}/", f"/reports/{report.pk}/edit/"):
        page = client.get(url).content.decode()
        assert notice in page and link in page, url
    # The Secretariat may read the suggestions but not decide: no call to decide on its page.
    secretariat = client_for(sofia).get(f"/reports/{report.pk}/")
    assert secretariat.status_code == 200
    assert notice not in secretariat.content.decode()
