"""The API shows each role what the pages show it, and never a draft or an unpublished rating."""

from __future__ import annotations

import pytest

from tusk.reports.services import assessment_rate
from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, report_with_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(cambodia):
    draft = report_with_actions(party=cambodia, meeting=MeetingFactory.create(number=78))
    published = report_with_actions(party=cambodia, meeting=MeetingFactory.create(number=70))
    progress = published.progress.get(code="1.1")
    published.status = "submitted"
    published.save()
    assessment_rate(progress=progress, actor=None, rating="challenging", comment="No evidence")
    return {"draft": draft, "published": published}


@pytest.mark.parametrize(
    ("persona", "sees_draft"),
    [("anonymous", False), ("partner", False), ("chan", True), ("gaelle", False),
     ("secretariat", True), ("admin", True)],
)  # fmt: skip
def test_the_report_list_follows_the_roles(persona, sees_draft, personas, reports) -> None:
    reports["published"].status = "published"
    reports["published"].save()
    response = client_for(personas[persona]).get("/api/reports/")
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    assert reports["published"].pk in ids
    assert (reports["draft"].pk in ids) is sees_draft
    detail = client_for(personas[persona]).get(f"/api/reports/{reports['draft'].pk}/")
    assert detail.status_code == (200 if sees_draft else 404)


def test_an_unpublished_assessment_stays_out_of_the_api(personas, reports) -> None:
    url = f"/api/reports/{reports['published'].pk}/"
    chan_view = client_for(personas["chan"]).get(url).json()
    assert "secretariat_rating" not in chan_view["actions"][0]
    assert b"No evidence" not in client_for(personas["chan"]).get(url).content
    sofia_view = client_for(personas["secretariat"]).get(url).json()
    assert sofia_view["actions"][0]["secretariat_rating"] == "challenging"
    reports["published"].status = "published"
    reports["published"].save()
    public = client_for(None).get(url).json()
    assert public["actions"][0]["secretariat_rating"] == "challenging"


def test_the_api_filters_by_party_and_meeting(personas, reports, gabon) -> None:
    reports["published"].status = "published"
    reports["published"].save()
    client = client_for(None)
    assert client.get("/api/reports/?party=kh&meeting=SC70").json()["count"] == 1
    assert client.get("/api/reports/?party=GA").json()["count"] == 0
    assert client.get("/api/reports/?meeting=nonsense").json()["count"] == 0


def test_the_api_lists_parties_by_iso_code(cambodia, gabon) -> None:
    client = client_for(None)
    assert client.get("/api/parties/kh/").json()["name"] == "Cambodia"
    assert [p["code"] for p in client.get("/api/parties/").json()["results"]] == ["GA", "KH"]


def test_the_api_is_read_only(personas, reports) -> None:
    response = client_for(personas["chan"]).post(
        "/api/reports/", {}, content_type="application/json"
    )
    assert response.status_code == 405


def test_the_report_list_takes_a_constant_number_of_queries(
    personas, cambodia, django_assert_max_num_queries
) -> None:
    for number in range(60, 66):
        report_with_actions(
            party=cambodia, meeting=MeetingFactory.create(number=number), status="published"
        )
    with django_assert_max_num_queries(6):
        client_for(None).get("/api/reports/")
