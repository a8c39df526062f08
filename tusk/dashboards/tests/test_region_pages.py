"""The road map's pages, charts and downloads as each role gets them, and their query counts,
which stay the same however many members, indicators and values a region has."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import html

from tusk.dashboards import region as roadmap
from tusk.dashboards.tests.test_region_world import build, grow, indicator, report
from tusk.testing.clients import client_for
from tusk.testing.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

ROADMAP = "/regions/asean/"


def _page(response: Any) -> Any:
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content.decode())


def _text(node: Any) -> str:
    return " ".join(node.text_content().split())


def test_the_regions_page_lists_each_region_its_members_today_and_a_status(cambodia) -> None:
    build(cambodia)
    page = _page(client_for(None).get(reverse("region-list")))
    asean, sadc = page.xpath("//table[contains(@class, 'region-list')]/tbody/tr")
    text = _text(asean)
    assert "Association of Southeast Asian Nations" in text
    assert "3: Cambodia, Laos, Vietnam" in text
    assert "Thailand" not in text and "Myanmar" not in text
    assert "3 regional indicators: 0 reached, 0 on course, 2 behind schedule." in text
    assert asean.xpath(".//a/@href") == [ROADMAP]
    assert "No regional indicator recorded yet." in _text(sadc)


def test_the_road_map_shows_each_indicators_progress(cambodia) -> None:
    build(cambodia)
    page = _page(client_for(None).get(ROADMAP))
    rows = {row.get("data-indicator"): row for row in page.xpath("//tr[@data-indicator]")}
    assert list(rows) == ["ASEAN-1", "ASEAN-2", "ASEAN-10", "KH-1"]
    first = rows["ASEAN-1"]
    assert first.get("data-state") == "behind"
    # (8 - 4) / (10 - 4) of the way; a steady pace from 2016 to 2025 is at 8/9 by 2024.
    assert _text(first.xpath(".//*[@data-figure='progress']")[0]) == "67% of the way"
    assert "a steady pace would be at 89%" in _text(first)
    assert first.xpath(".//progress/@value") == ["67"]
    # A rate to reduce: from 60 down to 40, now 45.
    assert _text(rows["ASEAN-2"].xpath(".//*[@data-figure='progress']")[0]) == "75% of the way"
    assert "No target recorded" in _text(rows["ASEAN-10"])
    assert rows["ASEAN-10"].xpath(".//progress") == []
    assert rows["KH-1"].get("data-state") == "reached"
    # The member's indicators come under its name.
    assert page.xpath("//h3[@id='indicators-KH']/text()") == ["Cambodia"]


def test_the_road_map_charts_each_group_with_its_numbers(cambodia) -> None:
    build(cambodia)
    page = _page(client_for(None).get(ROADMAP))
    images = page.xpath("//figure//img/@src")
    assert images == [
        "/regions/asean/indicators/region.svg",
        "/regions/asean/indicators/kh.svg",
        "/regions/asean/ratings/party.svg",
        "/regions/asean/ratings/secretariat.svg",
    ]
    assert (
        page.xpath("//figure//source/@srcset")[0]
        == "/regions/asean/indicators/region.svg?layout=narrow"
    )
    for figure in page.xpath("//figure"):
        assert _text(figure.xpath(".//figcaption")[0])
        assert figure.xpath(".//img/@alt")[0]
    alt = page.xpath("//figure//img/@alt")[0]
    assert "ASEAN-1 latest 8, target 10" in alt
    numbers = page.xpath("//details[contains(@class, 'roadmap-numbers')]//table")[0]
    header = [_text(th) for th in numbers.xpath(".//thead//th")]
    assert header == ["Indicator", "2017", "2019", "2024"]
    first = [_text(td) for td in numbers.xpath(".//tbody/tr[1]/*")]
    assert first == ["ASEAN-1", "5", "6", "8"]


def _shares(page: Any, who: str) -> dict[str, list[str]]:
    table = page.xpath(f"//table[@data-who='{who}']")[0]
    return {
        row.get("data-key"): [_text(cell) for cell in row.xpath("./td")]
        for row in table.xpath("./tbody/tr")
    }


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_the_ratings_are_averaged_over_members_from_published_reports_only(
    persona, personas, cambodia
) -> None:
    world = build(cambodia)
    # A draft of Lao PDR's, newer than its published report: never counted, whoever asks.
    report(world["laos"], 79, 2026, ["not_commenced"] * 4, status="draft")
    page = _page(client_for(personas[persona]).get(ROADMAP))
    party = _shares(page, "party")
    # Columns: report, actions, then achieved, on track, partial progress, not commenced.
    # Cambodia 10 actions (5 on track, 3 partial, 2 not commenced), Lao PDR 60 (30 and 30):
    # achieved (0 + 1/2) / 2 = 25%, on track (1/2 + 1/2) / 2 = 50%, 15%, 10%.
    assert party["region"] == ["—", "70", "25%", "50%", "15%", "10%"]
    assert party["KH"] == ["SC77", "10", "—", "50%", "30%", "20%"]
    assert party["LA"] == ["SC78", "60", "50%", "50%", "—", "—"]
    secretariat = _shares(page, "secretariat")
    assert list(secretariat) == ["region", "KH"]
    assert secretariat["region"] == ["—", "10", "100%"]
    text = _text(page)
    assert "No published report to count: Vietnam." in text
    assert "left out of the Secretariat's average: Laos." in text


def test_an_unpublished_assessment_never_counts(cambodia, personas) -> None:
    world = build(cambodia)
    submitted = report(world["laos"], 80, 2027, ["on_track"], status="submitted")
    AssessmentFactory.create(progress=submitted.progress.get(), rating="achieved")
    page = _page(client_for(personas["secretariat"]).get(ROADMAP))
    assert list(_shares(page, "secretariat")) == ["region", "KH"]
    assert _shares(page, "party")["LA"][0] == "SC78"


def test_the_needs_are_the_members_own_per_currency(cambodia) -> None:
    build(cambodia)
    page = _page(client_for(None).get(ROADMAP))
    totals = {
        row.get("data-currency"): {
            cell.get("data-figure"): _text(cell) for cell in row.xpath("./td")
        }
        for row in page.xpath("//table[@id='needs-totals']/tbody/tr")
    }
    # Thailand's 9,999 USD is not counted: it is no longer a member.
    assert totals == {
        "EUR": {"needed": "500", "committed": "0", "disbursed": "0", "gap": "500"},
        "USD": {"needed": "1,000", "committed": "400", "disbursed": "0", "gap": "600"},
    }
    members = [row.get("data-key") for row in page.xpath("//table[@id='needs-members']/tbody/tr")]
    assert members == ["KH", "LA"]
    assert page.xpath("//a[contains(@href, '/needs/?region=asean')]")


def test_an_unknown_region_or_member_or_format_is_not_found(cambodia) -> None:
    build(cambodia)
    client = client_for(None)
    assert client.get("/regions/nowhere/").status_code == 404
    assert client.get("/regions/ASEAN/").status_code == 200
    assert client.get("/regions/asean/indicators/th.svg").status_code == 404  # left in 2020
    assert client.get("/regions/asean/indicators/vn.svg").status_code == 404  # none of its own
    assert client.get("/regions/asean/ratings/everyone.svg").status_code == 404
    assert client.get("/regions/asean/indicators.pdf").status_code == 404


def test_the_charts_are_svg_without_script(cambodia) -> None:
    build(cambodia)
    client = client_for(None)
    for url in (
        "/regions/asean/indicators/region.svg",
        "/regions/asean/indicators/kh.svg?layout=narrow",
        "/regions/asean/ratings/party.svg",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/svg+xml")
        assert b"<script" not in response.content
        assert response["Content-Security-Policy"].startswith("default-src 'none'")
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304


def test_the_downloads_are_files_of_the_indicators_table(cambodia) -> None:
    build(cambodia)
    client = client_for(None)
    response = client.get("/regions/asean/indicators.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="asean-road-map-indicators.csv"' in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert len(lines) == 1 + 4
    response = client.get("/regions/asean/indicators.xlsx")
    assert response.content[:2] == b"PK"


# Queries: the same whatever the number of members, indicators and values


URLS = (
    ROADMAP,
    "/regions/",
    "/regions/asean/indicators/region.svg",
    "/regions/asean/indicators/kh.svg",
    "/regions/asean/ratings/party.svg",
    "/regions/asean/indicators.csv",
    "/regions/asean/indicators.xlsx",
)


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("persona", ["anonymous", "chan"])
def test_the_query_counts_do_not_grow_with_the_data(
    persona, personas, cambodia, django_assert_num_queries
) -> None:
    world = build(cambodia)
    client = client_for(personas[persona])
    few = {url: _count(client, url) for url in URLS}
    if persona == "anonymous":
        # Region, members, indicators, ratings; the rest is the needs dashboard's own sums.
        assert few[ROADMAP] <= 16
        assert few["/regions/"] == 3
        assert few["/regions/asean/indicators/region.svg"] == 4  # region, members, codes, values
    # Five more members with reports, needs and 3 indicators of 192 monthly values each, and
    # 15 more regional indicators of 324 values each: about 8,000 values more.
    grow(world["asean"])
    for url in URLS:
        with django_assert_num_queries(few[url]):
            client.get(url)
    page = _page(client.get(ROADMAP))
    assert len(page.xpath("//tr[@data-indicator]")) == 4 + 15 + 5 * 3
    # A value per charted year, never the whole series.
    assert page.xpath("//details//thead//th[last()]/text()")[0] == "2026"


def test_the_page_stays_light_with_many_indicators(cambodia) -> None:
    world = build(cambodia)
    grow(world["asean"])
    grow_more = [indicator(world["asean"], f"ASEAN-Y{n}") for n in range(30)]
    response = client_for(None).get(ROADMAP)
    assert len(response.content) < 190_000
    assert b"<script" not in response.content
    assert b"style=" not in response.content
    page = _page(response)
    regional = page.xpath("//section[@aria-labelledby='regional']//tr[@data-indicator]")
    total = 3 + 15 + len(grow_more)
    assert len(regional) == roadmap.ROWS_PER_GROUP
    assert f"{total - roadmap.ROWS_PER_GROUP} more indicators are in the downloads" in _text(page)
    csv_lines = client_for(None).get("/regions/asean/indicators.csv").content.splitlines()
    assert len(csv_lines) == 1 + total + 1 + 5 * 3  # the header, ASEAN's, Cambodia's, the others


def test_a_value_entered_today_shows_at_once(cambodia) -> None:
    from tusk.plans.models import IndicatorValue

    world = build(cambodia)
    IndicatorValue.objects.create(indicator=world["regional"], date="2026-03-31", value=Decimal(10))
    page = _page(client_for(None).get(ROADMAP))
    row = page.xpath("//tr[@data-indicator='ASEAN-1']")[0]
    assert row.get("data-state") == "reached"
    assert _text(row.xpath(".//*[@data-figure='latest']")[0]) == "10"


def test_the_road_map_and_its_charts_speak_french(cambodia) -> None:
    build(cambodia)
    client = client_for(None)
    client.cookies["django_language"] = "fr"
    page = _page(client.get(ROADMAP))
    assert page.get("lang") == "fr"
    headers = [_text(th) for th in page.xpath("//table[@data-who='party']/thead//th")]
    assert headers[2:] == [
        "Mesures",
        "Réalisée",
        "En bonne voie",
        "Progrès partiel",
        "Non commencée",
    ]
    svg = client.get("/regions/asean/ratings/party.svg").content.decode()
    translation.activate("en")  # the middleware left French on for this thread
    assert "Réalisée" in svg
