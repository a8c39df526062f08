"""The report card: its page and its A4 PDF, which stays within two pages for a 60-action plan
and shows each persona only what it may see."""

from __future__ import annotations

import datetime
import io
import re

import pypdfium2 as pdfium
import pytest
from django.test import Client

from tusk.dashboards.tests.test_country_data import (
    large_party,
    meetings,
    money,
    plan_with_actions,
    report_on,
)
from tusk.testing.clients import client_for
from tusk.testing.factories import (
    MeetingFactory,
    NeedFactory,
    PartnerFactory,
    PartyCategoryFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db


def _pdf(client: Client, url: str = "/parties/KH/card.pdf") -> tuple[int, str]:
    """The PDF's page count and its text."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    document = pdfium.PdfDocument(io.BytesIO(response.content))
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    return len(document), text


def _figure(html: str, word: str) -> int:
    found = re.search(r"<strong>(\d+)</strong> " + word + "</li>", html)
    assert found, word
    return int(found.group(1))


def _card_party(cambodia) -> None:
    """Four actions over two published reports: one achieved, two stalled, one overdue."""
    PartyCategoryFactory.create(party=cambodia, cycle="CoP19", category="B")
    cambodia.stage = "implementing"
    cambodia.save()
    m1, m2 = meetings(2)
    plan, actions = plan_with_actions(
        cambodia,
        actions=4,
        pillars=1,
        timeframes=("2016", "Ongoing", "By December 2030", "2019"),
        title="Card action",
    )
    report_on(plan, m1, actions, ["achieved", "on_track", "partial_progress", "partial_progress"])
    report_on(
        plan,
        m2,
        actions,
        ["achieved", "on_track", "partial_progress", "achieved"],
        ["achieved", "on_track", "partial_progress", "on_track"],
    )


def test_it_shows_where_the_party_stands(cambodia) -> None:
    _card_party(cambodia)
    need = NeedFactory.create(
        party=cambodia, amount=money(80_000), currency="USD", description="Radio network"
    )
    SupportFactory.create(
        partner=PartnerFactory.create(name="Elephant Trust", acronym="ET"),
        party=cambodia,
        need=need,
        stage="committed",
        amount=money(30_000),
        currency="USD",
    )
    response = Client().get("/parties/kh/card/")
    assert response.status_code == 200
    html = response.content.decode()

    assert "Report card: Cambodia" in html and "Category B" in html and "CoP19" in html
    assert "Implementing" in html and "status-published" in html and "SC78" in html
    # 1.1 achieved; 1.2 and 1.3 stalled (on track, partial progress twice); 1.4: the
    # Secretariat says on track, so it is not achieved, and its timeframe (2019) has ended.
    assert _figure(html, "achieved") == 1
    assert _figure(html, "stalled") == 2
    assert _figure(html, "overdue") == 1
    assert _figure(html, "without an end date") == 1
    assert 'src="data:image/svg+xml;base64,' in html
    table = html[html.index('class="country-ratings"') :]
    table = table[: table.index("</table>")]
    lines = re.findall(r'rating-(\w+)">[^<]+</span></th><td>(\d+)</td><td>(\d+)</td>', table)
    assert lines == [("achieved", "2", "1"), ("on_track", "1", "2"), ("partial_progress", "1", "1")]
    assert "Radio network" in html and "gap 50,000 USD" in html
    partners = html[html.index("Partners at work") :]
    assert partners[: partners.index("</p>")].endswith("<p>ET")
    assert "not published yet" not in html


def test_it_warns_the_party_that_its_card_shows_unpublished_reports(personas, cambodia) -> None:
    _card_party(cambodia)
    plan = cambodia.plans.get()
    report_on(plan, meetings(3)[0], list(plan.actions.all()), ["on_track"], status="draft")
    assert (
        "not published yet"
        in client_for(personas["chan"]).get("/parties/KH/card/").content.decode()
    )
    assert "not published yet" not in Client().get("/parties/KH/card/").content.decode()


def test_it_says_so_when_no_report_rates_the_plan(cambodia) -> None:
    plan_with_actions(cambodia, actions=2, pillars=1)
    html = Client().get("/parties/KH/card/").content.decode()
    assert "No report you may see rates these actions yet." in html
    assert "No need is recorded for this Party." in html
    pages, text = _pdf(Client())
    assert pages == 1 and "Cambodia" in text


def test_it_prints_the_card_of_a_sixty_action_plan_on_two_pages_at_most(cambodia) -> None:
    PartyCategoryFactory.create(party=cambodia)
    built = large_party(cambodia, actions=60, reports=10)
    for i in range(20):
        NeedFactory.create(
            party=cambodia,
            action=built["actions"][i],
            amount=money(10_000 * (i + 1)),
            currency=("USD", "EUR", "XOF")[i % 3],
            description="A long description of what the action still needs to be carried out " * 3,
        )
        SupportFactory.create(
            partner=PartnerFactory.create(name=f"Partner organisation number {i}", acronym=""),
            party=cambodia,
            stage="committed",
        )

    pages, text = _pdf(Client())

    assert pages <= 2
    assert "Report card: Cambodia" in text
    assert "more actions, listed on the Party's page" in " ".join(text.split())
    assert "Partner organisation number 19" in text


def test_it_prints_only_what_the_reader_may_see(personas, cambodia) -> None:
    _card_party(cambodia)
    plan = cambodia.plans.get()
    later = MeetingFactory.create(number=79, start_date=datetime.date(2026, 10, 1))
    report_on(
        plan, later, list(plan.actions.all()), ["on_track"], ["pending_other_action"],
        status="assessed",
    )  # fmt: skip
    _pages, public = _pdf(Client())
    _pages, secretariat = _pdf(client_for(personas["secretariat"]))
    assert "Pending completion of another action" not in public
    assert "Pending completion of another action" in secretariat
