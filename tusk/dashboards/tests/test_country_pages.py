"""The country page (`/parties/<code>/`), its Secretariat's ratings chart and the report card
page: what each persona sees, in a fixed number of queries and under 200 KB."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

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

CSS_BYTES = (Path(__file__).resolve().parents[3] / "static" / "tusk" / "tusk.css").stat().st_size
PAGES = ("/parties/KH/", "/parties/KH/card/")


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _row(html: str, code: str) -> str:
    """The history table's row of the action `code`."""
    table = html[html.index('class="country-history"') :]
    start = table.index(f'<span class="country-code">{code}</span>')
    return table[start : table.index("</tr>", start)]


def _header(html: str) -> str:
    """The history table's header row."""
    table = html[html.index('class="country-history"') :]
    return table[: table.index("</thead>")]


def _revised_party(cambodia) -> None:
    m1, m2, m3 = meetings(3)
    v1, (a, b) = plan_with_actions(cambodia, actions=2, pillars=1, title="Old wording")
    report_on(v1, m1, [a, b], ["not_commenced", "on_track"], ["not_commenced", "challenging"])
    report_on(v1, m2, [a, b], ["partial_progress", "on_track"], ["partial_progress", "on_track"])
    v2, (carried,) = plan_with_actions(
        cambodia, actions=1, pillars=1, version=2, replacing=[b], title="New wording"
    )
    report_on(v2, m3, [carried], ["on_track"], ["pending_other_action"], status="assessed")


# The history table


def test_it_shows_each_actions_ratings_by_meeting_through_the_revision(cambodia) -> None:
    _revised_party(cambodia)
    html = _get(Client(), "/parties/KH/")

    assert "Rating history of each action" in html
    header = _header(html)
    assert re.findall(r">(SC\d+)</a>", header) == ["SC74", "SC77"]
    row = _row(html, "1.1")
    assert "New wording 1" in row and "Earlier: 1.2 (version 1)" in row
    # The Party's rating, and the Secretariat's in brackets where it differs.
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells == [
        '<span class="rating-on_track">On track</span> '
        '<span class="rating-challenging s">(Challenging)</span>',
        '<span class="rating-on_track">On track</span>',
    ]
    dropped = html[html.index("Actions that a revision of the plan did not carry on") :]
    dropped = dropped[: dropped.index("</tbody>")]
    assert "Old wording 1" in dropped and "Old wording 2" not in dropped
    assert re.findall(r'"rating-(\w+)"', dropped) == ["not_commenced", "partial_progress"]


@pytest.mark.parametrize("persona", ["anonymous", "partner", "chan", "gaelle"])
def test_it_never_shows_an_unpublished_assessment_outside_the_secretariat(
    persona, personas, cambodia
) -> None:
    _revised_party(cambodia)
    client = client_for(personas[persona])
    for url in (*PAGES, "/parties/KH/secretariat-ratings.svg"):
        body = client.get(url).content
        assert b"pending_other_action" not in body, url
        assert b"Pending completion of another action" not in body, url


def test_it_shows_the_secretariat_its_unpublished_assessment(personas, cambodia) -> None:
    _revised_party(cambodia)
    client = client_for(personas["secretariat"])
    html = _get(client, "/parties/KH/")
    assert "rating-pending_other_action" in _row(html, "1.1")
    assert "Pending completion of another action" in _get(client, "/parties/KH/card/")
    svg = client.get("/parties/KH/secretariat-ratings.svg").content.decode()
    assert "Pending completion of another action" in svg


def test_it_shows_the_party_its_draft_report_with_its_own_ratings(personas, cambodia) -> None:
    _revised_party(cambodia)
    html = _get(client_for(personas["chan"]), "/parties/KH/")
    header = _header(html)
    assert re.findall(r">(SC\d+)</a>", header) == ["SC74", "SC77", "SC78"]
    assert "Party only" in header and "status-assessed" in header
    assert "rating-on_track" in _row(html, "1.1").rsplit("<td>", 1)[1]


def test_it_lists_stalled_and_overdue_actions_and_unknown_timeframes(cambodia) -> None:
    m1, m2 = meetings(2)
    plan, actions = plan_with_actions(
        cambodia,
        actions=3,
        pillars=1,
        timeframes=("By June 2019", "Ongoing", "Short term"),
        title="Act",
    )
    report_on(plan, m1, actions, ["partial_progress", "on_track", "achieved"])
    report_on(plan, m2, actions, ["partial_progress", "on_track", "achieved"])
    html = _get(Client(), "/parties/KH/")

    stalled = html[html.index('id="stalled-heading"') : html.index('id="overdue-heading"')]
    assert re.findall(r'country-code">([\d.]+)<', stalled) == ["1.1", "1.2"]
    overdue = html[html.index('id="overdue-heading"') : html.index('id="needs-heading"')]
    assert re.findall(r'country-code">([\d.]+)<', overdue) == ["1.1"]
    assert "“By June 2019”, ended on June 30, 2019</span>" in overdue
    assert "Ongoing</span>: 1.2" in overdue
    assert "Short term" not in overdue  # 1.3 is achieved


def test_it_shows_the_secretariats_ratings_chart_with_its_numbers(cambodia) -> None:
    (m1,) = meetings(1)
    plan, actions = plan_with_actions(cambodia, actions=4, pillars=1)
    report_on(plan, m1, actions, ["on_track"], ["on_track", "on_track", "on_track", "achieved"])
    html = _get(Client(), "/parties/KH/")
    section = html[html.index('id="secretariat-chart-heading"') :]
    section = section[: section.index("</section>")]
    assert 'src="/parties/KH/secretariat-ratings.svg"' in section
    assert (
        "assessments. Ratings of the actions by meeting. SC78: 1 Achieved, 3 On track." in section
    )
    lines = re.findall(
        r'<th scope="row">(SC\d+)</th>.*?rating-(\w+)">.*?<td>(\d+)</td>', section, re.S
    )
    assert lines == [("SC78", "achieved", "1"), ("SC78", "on_track", "3")]
    assert "75%" in section and "25%" in section


def test_it_serves_the_secretariats_chart_as_a_private_svg(cambodia) -> None:
    (m1,) = meetings(1)
    plan, actions = plan_with_actions(cambodia, actions=2, pillars=1)
    report_on(plan, m1, actions, ["on_track"], ["achieved"])
    response = Client().get("/parties/kh/secretariat-ratings.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "private" in response["Cache-Control"]
    assert b"<script" not in response.content
    assert b"The Secretariat's ratings by meeting" in response.content
    again = Client().get("/parties/kh/secretariat-ratings.svg", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    for url in ("/parties/ZZ/secretariat-ratings.svg", "/parties/ZZ/card/", "/parties/ZZ/card.pdf"):
        assert Client().get(url).status_code == 404


def test_it_shows_the_needs_totals_top_needs_and_partners(cambodia) -> None:
    partner = PartnerFactory.create(name="Wildlife Fund", acronym="WF")
    need = NeedFactory.create(
        party=cambodia, amount=money(120_000), currency="USD", description="Sniffer dogs"
    )
    SupportFactory.create(
        partner=partner,
        party=cambodia,
        need=need,
        stage="committed",
        amount=money(20_000),
        currency="USD",
    )
    html = _get(Client(), "/parties/KH/")
    section = html[html.index('id="needs-heading"') :]
    section = section[: section.index("</section>")]
    assert re.search(r'data-label="Needed">120,000</td>', section)
    assert re.search(r'data-label="Gap"><strong>100,000</strong>', section)
    assert "Sniffer dogs" in section and "100,000 USD" in section
    assert "<strong>Wildlife Fund</strong> (WF): 1 contribution, committed" in section
    assert 'href="/needs/?party=KH"' in section


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_it_draws_the_pages_without_inline_style_or_script(persona, personas, cambodia) -> None:
    _revised_party(cambodia)
    client = client_for(personas[persona])
    for url in PAGES:
        html = _get(client, url)
        assert "style=" not in html and "<script" not in html and "<style" not in html
        assert 'href="#main"' in html


# A fixed number of queries, and a light page, whatever the size of the plan


def _small(cambodia) -> None:
    """One report on a plan of two actions, one need and one partner."""
    first = meetings(10)[0]
    plan, actions = plan_with_actions(cambodia, actions=2, pillars=1, timeframes=("2017",))
    report_on(plan, first, actions, ["on_track"], ["on_track"])
    PartyCategoryFactory.create(party=cambodia)
    # In euros: a Party with needs only in US dollars needs no exchange rate, one query less.
    need = NeedFactory.create(party=cambodia, amount=money(10), currency="EUR")
    SupportFactory.create(party=cambodia, need=need, amount=money(5), currency="EUR")


def _grow(cambodia, gabon) -> None:
    """Ten meetings, a revised 60-action plan and its draft revision, needs in two currencies,
    a dozen partners."""
    v2, actions = plan_with_actions(
        cambodia, actions=60, version=2, timeframes=("2016-2017", "Ongoing", "By June 2030")
    )
    for i, meeting in enumerate(meetings(9)):
        ratings = ["on_track", "partial_progress", "achieved"][i % 3 :]
        report_on(v2, meeting, actions, ratings, ["partial_progress", "not_commenced"])
    v3, revised = plan_with_actions(
        cambodia, actions=60, version=3, status="draft", replacing=actions
    )
    later = MeetingFactory.create(number=79, start_date=datetime.date(2026, 10, 1))
    report_on(v3, later, revised, ["on_track"], ["achieved"], status="assessed")
    for i in range(12):
        partner = PartnerFactory.create(name=f"Partner {i}", acronym=f"P{i}")
        need = NeedFactory.create(
            party=cambodia,
            amount=money(1000 * (i + 1)),
            currency=("USD", "EUR")[i % 2],
            action=actions[i],
        )
        SupportFactory.create(
            partner=partner,
            party=cambodia,
            need=need,
            stage=("pledged", "committed", "disbursed", "completed")[i % 4],
            amount=money(100 * i),
            currency=need.currency,
        )
    PartyCategoryFactory.create(party=cambodia, cycle="CoP17")
    NeedFactory.create(party=gabon, amount=money(1), currency="USD")


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
@pytest.mark.parametrize(
    "url", [*PAGES, "/parties/KH/secretariat-ratings.svg", "/parties/KH/card.pdf"]
)
def test_it_draws_each_page_in_a_fixed_number_of_queries(
    url, persona, personas, cambodia, gabon, django_assert_num_queries
) -> None:
    client = client_for(personas[persona])
    _small(cambodia)
    few = _queries(client, url)
    _grow(cambodia, gabon)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "secretariat"])
def test_a_sixty_action_plan_over_ten_meetings_stays_under_200_kb(
    persona, personas, cambodia
) -> None:
    large_party(cambodia, actions=60, reports=10)
    for url in PAGES:
        html = _get(client_for(personas[persona]), url)
        assert len(html.encode()) + CSS_BYTES < 200_000, (url, len(html.encode()))
    html = _get(client_for(personas[persona]), "/parties/KH/")
    assert html.count('<th scope="row" class="country-history-action">') == 60
    assert len(re.findall(r"<th scope=\"col\"><a href=\"/reports/", html)) == 10
