"""The home page, the Party list, a Party's page, logging in and out, and the error pages."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import permission_denied

from tusk.testing.clients import client_for
from tusk.testing.factories import (
    ActionFactory,
    AssessmentFactory,
    MeetingFactory,
    PartyCategoryFactory,
    PartyFactory,
    PillarFactory,
    PlanFactory,
    ProgressFactory,
    RegionFactory,
    RegionMembershipFactory,
    ReportFactory,
    report_with_actions,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]
# ISO codes of Parties that tests add to grow a page.
MORE_PARTIES = ["TH", "VN", "CN", "KE", "TZ", "UG", "NG", "MZ", "PH", "MY", "AO", "CM"]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _text(response) -> str:
    return response.content.decode()


def _assessed_report(party, *, meeting_number: int, status: str, actions: int = 2):
    """A report whose Party says "On track" and whose Secretariat says "Challenging"."""
    plan = PlanFactory.create(party=party)
    pillar = PillarFactory.create(plan=plan, number="1", name="Legislation")
    report = ReportFactory.create(
        party=party, plan=plan, meeting=MeetingFactory.create(number=meeting_number), status=status
    )
    for i in range(1, actions + 1):
        action = ActionFactory.create(plan=plan, pillar=pillar, code=f"1.{i}", order=i)
        progress = ProgressFactory.create(
            report=report, action=action, code=action.code, title=action.title, order=i
        )
        AssessmentFactory.create(progress=progress, comment="Little evidence of progress.")
    return report


# Every page, every persona


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "url", ["/", "/parties/", "/parties/KH/", "/parties/ga/", "/accounts/login/"]
)
def test_it_serves_every_page_to_every_persona(url, persona, personas, cambodia, gabon) -> None:
    report_with_actions(party=cambodia, status="published")
    response = client_for(personas[persona]).get(url)
    # A logged-in user is sent on from the login page.
    expected = 302 if url == "/accounts/login/" and personas[persona] else 200
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_draws_the_layout_without_inline_style_or_script(persona, personas, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="published")
    for url in ("/", "/parties/", "/parties/KH/", f"/reports/{report.pk}/"):
        response = client_for(personas[persona]).get(url)
        html = _text(response)
        assert '<html lang="en">' in html
        assert 'href="#main"' in html and 'id="main"' in html
        assert "style=" not in html and "<script" not in html and "<style" not in html
        assert 'action="/i18n/setlang/"' in html
        assert len(response.content) < 200_000


def test_it_shows_the_user_and_role_and_a_logout_button_to_someone_logged_in(sofia) -> None:
    html = _text(client_for(sofia).get("/"))
    assert "sofia" in html and "CITES Secretariat" in html
    assert re.search(r'<form[^>]*method="post"[^>]*action="/accounts/logout/"', html)
    assert "Log in" not in html


def test_it_offers_the_anonymous_visitor_a_login_link(db) -> None:
    html = _text(Client().get("/parties/"))
    assert 'href="/accounts/login/?next=/parties/"' in html
    assert "Log out" not in html


# Home


def test_it_explains_tusk_and_counts_the_parties_and_published_reports(cambodia, gabon) -> None:
    report_with_actions(party=cambodia, status="published")
    report_with_actions(party=gabon)  # a draft: not counted
    PartyFactory.create(country="FR", in_niap_process=False)
    html = _text(Client().get("/"))
    assert "National Ivory Action Plans" in html
    assert "<strong>2</strong> Parties in the NIAP process" in html
    assert "<strong>1</strong> published progress report" in html
    assert 'href="/parties/"' in html
    assert "Your reports" not in html


def test_it_shows_a_focal_point_its_next_deadline_and_its_report(chan, cambodia) -> None:
    today = timezone.localdate()
    MeetingFactory.create(number=70, start_date=today - datetime.timedelta(days=400))
    coming = MeetingFactory.create(
        number=90,
        start_date=today + datetime.timedelta(days=60),
        report_due=today + datetime.timedelta(days=12),
        place="Samarkand",
    )
    MeetingFactory.create(number=91, start_date=today + datetime.timedelta(days=400))
    report = report_with_actions(party=cambodia, meeting=coming)
    html = _text(client_for(chan).get("/"))
    assert "Your reports for SC90" in html
    assert "Samarkand" in html
    assert "12 days left" in html
    assert "Cambodia" in html
    assert f'href="/reports/{report.pk}/"' in html and "Draft" in html


def test_it_tells_a_focal_point_that_it_has_no_report_yet(gaelle, gabon) -> None:
    today = timezone.localdate()
    MeetingFactory.create(number=90, start_date=today + datetime.timedelta(days=100))
    html = _text(client_for(gaelle).get("/"))
    assert "Your reports for SC90" in html and "Gabon" in html
    assert "No report yet" in html
    assert "10 days left" in html  # due 90 days before the meeting


def test_it_falls_back_to_the_latest_meeting_when_none_is_coming(chan, cambodia) -> None:
    today = timezone.localdate()
    MeetingFactory.create(number=70, start_date=today - datetime.timedelta(days=400))
    MeetingFactory.create(
        number=77,
        start_date=today - datetime.timedelta(days=10),
        report_due=today - datetime.timedelta(days=3),
    )
    html = _text(client_for(chan).get("/"))
    assert "Your reports for SC77, the latest meeting" in html
    assert "3 days overdue" in html


def test_it_shows_the_deadline_only_to_focal_points(sofia, pat) -> None:
    MeetingFactory.create(number=90, start_date=timezone.localdate() + datetime.timedelta(days=99))
    for user in (sofia, pat, None):
        assert "Your reports" not in _text(client_for(user).get("/"))


# Party list


def test_it_lists_parties_by_category_then_name_with_the_newest_category(cambodia, gabon) -> None:
    # By string, "CoP9" would sort after "CoP19"; the CoP number decides.
    PartyCategoryFactory.create(party=gabon, cycle="CoP9", category="C")
    PartyCategoryFactory.create(party=gabon, cycle="CoP19", category="A")
    PartyCategoryFactory.create(party=cambodia, cycle="CoP19", category="B")
    angola = PartyFactory.create(country="AO")
    PartyCategoryFactory.create(party=angola, cycle="CoP19", category="A")
    PartyFactory.create(country="HK")
    PartyFactory.create(country="FR", in_niap_process=False)
    html = _text(Client().get("/parties/"))
    order = [html.index(name) for name in ("Angola", "Gabon", "Cambodia", "Hong Kong")]
    assert order == sorted(order)
    assert "France" not in html
    assert "Category A" in html and "Category B" in html and "No category yet" in html
    assert "Category C" not in html
    gabon_row = html[html.index("Gabon") : html.index("Cambodia")]
    assert "<code>GA</code>" in gabon_row and "CoP19" in gabon_row and "CoP9" not in gabon_row


def test_it_shows_each_partys_latest_report_that_the_user_may_see(chan, cambodia, gabon) -> None:
    older = MeetingFactory.create(number=70, start_date=datetime.date(2018, 10, 1))
    newer = MeetingFactory.create(number=77, start_date=datetime.date(2023, 11, 6))
    report_with_actions(party=cambodia, meeting=older, status="published")
    draft = report_with_actions(party=cambodia, meeting=newer)
    report_with_actions(party=gabon, meeting=older, status="published")

    html = _text(Client().get("/parties/"))
    assert ">SC70</a>" in html and "SC77" not in html
    assert f'href="/reports/{draft.pk}/"' not in html

    html = _text(client_for(chan).get("/parties/"))
    cambodia_row = html[html.index(">Cambodia<") :]
    cambodia_row = cambodia_row[: cambodia_row.index("</tr>")]
    assert f'href="/reports/{draft.pk}/">SC77</a>' in cambodia_row and "Draft" in cambodia_row


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_it_lists_the_parties_in_a_constant_number_of_queries(
    persona, personas, cambodia, gabon, django_assert_num_queries, django_assert_max_num_queries
) -> None:
    client = client_for(personas[persona])

    def add_party(code: str, number: int) -> None:
        party = PartyFactory.create(country=code)
        PartyCategoryFactory.create(party=party, cycle="CoP19", category="A")
        PartyCategoryFactory.create(party=party, cycle="CoP18", category="B")
        meeting = MeetingFactory.create(number=number)
        report_with_actions(party=party, meeting=meeting, status="published")

    add_party("KH", 60)
    add_party("GA", 61)
    with django_assert_max_num_queries(8):
        few = _queries(client, "/parties/")
    for i, code in enumerate(MORE_PARTIES[:8]):
        add_party(code, 62 + i)
    with django_assert_num_queries(few):
        response = client.get("/parties/")
    assert _text(response).count("<tr>") == 10 + 1  # ten Parties in category A, and the header


# Party page


def test_it_shows_a_party_its_categories_regions_stage_and_trade_role(cambodia) -> None:
    cambodia.stage = "implementing"
    cambodia.trade_role = "transit"
    cambodia.save()
    PartyCategoryFactory.create(party=cambodia, cycle="CoP17", category="B", source="SC69 Doc. 29")
    PartyCategoryFactory.create(party=cambodia, cycle="CoP19", category="C", source="SC74 Doc. 39")
    RegionMembershipFactory.create(party=cambodia, region=RegionFactory.create())
    html = _text(Client().get("/parties/kh/"))
    assert "<h1>Cambodia" in html and "<code>KH</code>" in html
    assert "Implementing" in html and "Transit" in html
    assert "Association of Southeast Asian Nations (ASEAN)" in html
    assert html.index("CoP19") < html.index("CoP17")
    assert "SC74 Doc. 39" in html and "Category C" in html


def test_it_answers_404_for_an_unknown_party(db) -> None:
    response = Client().get("/parties/ZZ/")
    assert response.status_code == 404
    assert "Page not found" in _text(response)


def test_it_shows_the_current_plan_with_its_actions_and_the_latest_ratings(cambodia) -> None:
    report = report_with_actions(party=cambodia, status="published")
    plan = report.plan
    enforcement = PillarFactory.create(plan=plan, number="2", name="Enforcement", order=2)
    ActionFactory.create(plan=plan, pillar=enforcement, code="2.1", title="Train rangers")
    ActionFactory.create(plan=plan, pillar=plan.pillars.get(number="1"), code="1.4", flagged=True)
    progress = report.progress.get(code="1.1")
    AssessmentFactory.create(progress=progress, rating="challenging")
    AssessmentFactory.create(progress=report.progress.get(code="1.2"), rating="challenging")
    html = _text(Client().get("/parties/KH/"))
    assert html.index("Pillar 1: Legislation") < html.index("Pillar 2: Enforcement")
    assert html.index(">1.1<") < html.index(">1.2<") < html.index(">2.1<")
    assert "Train rangers" in html and "Not reported" in html
    # The Party's rating, then the Secretariat's in brackets where it differs.
    row = html[html.index(">1.1<") :]
    row = row[: row.index("</tr>")]
    assert re.search(
        r'rating-on_track">On track</span> <span class="secretariat-rating">\('
        r'.*rating-challenging">Challenging</span>\)',
        row,
        re.S,
    )
    row = html[html.index(">1.2<") :]
    assert "secretariat-rating" not in row[: row.index("</tr>")]
    flagged = html[html.index(">1.4") :]
    assert 'title="Flagged in the plan"' in flagged[: flagged.index("</th>")]
    assert "(flagged)" in flagged[: flagged.index("</th>")]


def test_it_lists_the_reports_a_user_may_see_on_the_party_page(chan, gaelle, cambodia) -> None:
    published = report_with_actions(
        party=cambodia, status="published", period_start="2014-11", period_end="2015-09"
    )
    draft = report_with_actions(party=cambodia, meeting=MeetingFactory.create(number=77))
    for user, sees_draft in ((None, False), (gaelle, False), (chan, True)):
        html = _text(client_for(user).get("/parties/KH/"))
        assert f'href="/reports/{published.pk}/"' in html
        assert "2014-11 – 2015-09" in html
        assert (f'href="/reports/{draft.pk}/"' in html) is sees_draft
    html = _text(client_for(chan).get("/parties/KH/"))
    assert 'data-label="Actions">3</td>' in html
    assert "Ratings from the report for SC77 (Draft)" in html


@pytest.mark.parametrize("persona", ["anonymous", "chan", "secretariat"])
def test_it_draws_the_party_page_in_a_constant_number_of_queries(
    persona, personas, cambodia, django_assert_num_queries
) -> None:
    client = client_for(personas[persona])
    report = _assessed_report(cambodia, meeting_number=66, status="published", actions=2)
    PartyCategoryFactory.create(party=cambodia, cycle="CoP19")
    RegionMembershipFactory.create(party=cambodia)
    few = _queries(client, "/parties/KH/")
    plan = report.plan
    for number in ("2", "3", "4"):
        pillar = PillarFactory.create(plan=plan, number=number, order=int(number))
        for i in range(1, 4):
            action = ActionFactory.create(plan=plan, pillar=pillar, code=f"{number}.{i}")
            progress = ProgressFactory.create(
                report=report, action=action, code=action.code, title=action.title
            )
            AssessmentFactory.create(progress=progress)
    for cycle in ("CoP16", "CoP17", "CoP18"):
        PartyCategoryFactory.create(party=cambodia, cycle=cycle)
    RegionMembershipFactory.create(party=cambodia, region=RegionFactory.create(code="mekong"))
    for year, meeting_number in ((2010, 60), (2012, 62), (2014, 64)):
        meeting = MeetingFactory.create(number=meeting_number, start_date=datetime.date(year, 7, 1))
        ReportFactory.create(party=cambodia, plan=plan, meeting=meeting, status="published")
    with django_assert_num_queries(few):
        response = client.get("/parties/KH/")
    assert _text(response).count("rating-on_track") >= 11


# The Secretariat's rating stays hidden until the report is published


@pytest.mark.parametrize("persona", ["anonymous", "partner", "chan"])
def test_it_never_shows_the_secretariats_rating_of_an_unpublished_report(
    persona, personas, sofia, cambodia
) -> None:
    report = _assessed_report(cambodia, meeting_number=77, status="assessed")
    client = client_for(personas[persona])
    for url in ("/", "/parties/", "/parties/KH/", f"/reports/{report.pk}/"):
        html = _text(client.get(url))
        assert "rating-challenging" not in html
        assert "Little evidence of progress." not in html
    # The Secretariat sees it, and everyone does once it is published.
    assert "rating-challenging" in _text(client_for(sofia).get("/parties/KH/"))
    report.status = "published"
    report.save()
    assert "rating-challenging" in _text(client.get("/parties/KH/"))


# Logging in and out


def test_it_logs_in_with_the_right_password(chan) -> None:
    client = Client(REMOTE_ADDR="192.0.2.10")
    response = client.post(
        "/accounts/login/",
        {"username": "chan", "password": "correct horse battery staple"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    html = _text(client.get("/"))
    assert "chan" in html and "Party focal point" in html and "Log out" in html


def test_it_refuses_a_wrong_password_with_a_message(chan) -> None:
    response = Client().post(
        "/accounts/login/",
        {"username": "chan", "password": "wrong"},
        REMOTE_ADDR="192.0.2.11",
    )
    assert response.status_code == 200
    assert "Please enter a correct username and password" in _text(response)
    assert not response.wsgi_request.user.is_authenticated


def test_it_logs_out_with_a_post_only(chan) -> None:
    client = client_for(chan)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "Log in" in _text(client.get("/"))


# Language and error pages


def test_it_switches_the_language_with_the_form(db) -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/parties/"})
    assert response.status_code == 302 and response["Location"] == "/parties/"
    html = _text(client.get("/parties/"))
    assert '<html lang="es">' in html
    assert re.search(r'<option value="es" lang="es" selected>', html)


def test_it_draws_the_404_page_in_the_layout(db) -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    html = _text(response)
    assert "Page not found" in html and 'class="brand"' in html and 'href="/parties/"' in html


def test_it_draws_the_403_page_in_the_layout(db) -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    html = response.content.decode()
    assert "Not allowed" in html and 'class="brand"' in html


def test_the_party_list_pages_through_many_parties(settings) -> None:
    from django.test import Client

    from tusk.core import views
    from tusk.testing.factories import PartyFactory

    for code in ("KH", "GA", "VN", "LA", "TH"):
        PartyFactory.create(country=code)
    views.PARTIES_PER_PAGE, saved = 2, views.PARTIES_PER_PAGE
    try:
        first = Client().get("/parties/").content.decode()
        last = Client().get("/parties/?page=3").content.decode()
    finally:
        views.PARTIES_PER_PAGE = saved
    assert "Page 1 of 3" in first and 'rel="next"' in first
    assert "Page 3 of 3" in last and 'rel="next"' not in last
