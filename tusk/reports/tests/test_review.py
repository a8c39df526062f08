"""The Secretariat's review: a meeting's queue, the review of a report, and who may see them."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tusk.core.models import AuditEvent
from tusk.reports import services
from tusk.reports.models import Assessment, Finding, ProgressReport
from tusk.testing.clients import client_for
from tusk.testing.factories import (
    AssessmentFactory,
    MeetingFactory,
    PartyCategoryFactory,
    PartyFactory,
    PlanFactory,
    ProgressFactory,
    ReportFactory,
    report_with_actions,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]
SECRETARIAT = {"secretariat", "admin"}
# SC78 opened on 3 February 2025; its reports were due 90 days before, on 5 November 2024.
DUE = datetime.date(2024, 11, 5)
DRAFT_SECRET = "Draft words nobody outside Gabon may read"


def _text(response) -> str:
    return response.content.decode()


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _sc78():
    for number, start in ((19, datetime.date(2022, 11, 14)), (20, datetime.date(2025, 11, 24))):
        MeetingFactory(
            kind="CoP", number=number, start_date=start, end_date=None, takes_niap_reports=False
        )
    return MeetingFactory(
        number=78, start_date=datetime.date(2025, 2, 3), end_date=datetime.date(2025, 2, 8)
    )


def _party(code: str, category: str | None = None, cycle: str = "CoP19", **kw):
    party = PartyFactory(country=code, **kw)
    if category:
        PartyCategoryFactory(party=party, category=category, cycle=cycle)
    return party


def _queue_data(cambodia, gabon):
    """Demo-like Parties for SC78, one in each state, and some that owe nothing."""
    sc78 = _sc78()
    PartyCategoryFactory(party=cambodia, category="B")
    PartyCategoryFactory(party=gabon, category="B")
    reports = {
        "KH": report_with_actions(
            party=cambodia,
            meeting=sc78,
            status="submitted",
            submitted_at=_at(DUE - datetime.timedelta(days=3)),
        ),
        "GA": report_with_actions(
            party=gabon, meeting=sc78, status="draft", synopsis_overview=DRAFT_SECRET
        ),
        "VN": report_with_actions(
            party=_party("VN", "A", name="Viet Nam"),
            meeting=sc78,
            status="under_review",
            submitted_at=_at(DUE + datetime.timedelta(days=6)),
        ),
        "MY": report_with_actions(
            party=_party("MY", "B"),
            meeting=sc78,
            status="published",
            submitted_at=_at(DUE),
            published_at=_at(DUE + datetime.timedelta(days=40)),
        ),
        "AO": report_with_actions(
            party=_party("AO", "C"),
            meeting=sc78,
            status="assessed",
            submitted_at=_at(DUE - datetime.timedelta(days=1)),
        ),
        "JP": report_with_actions(
            party=_party("JP"),
            meeting=sc78,
            status="returned",
            submitted_at=_at(DUE + datetime.timedelta(days=2)),
        ),
    }
    gabon_progress = reports["GA"].progress.get(code="1.1")
    gabon_progress.title = DRAFT_SECRET
    gabon_progress.save()
    _party("TG", "A")  # categorised, no report: missing
    PlanFactory(party=_party("LK"))  # no category but a plan: missing
    _party("CN", "A", stage="exited")  # exited: owes nothing
    _party("SG", "A", in_niap_process=False)  # not in the process
    _party("QA", "C", cycle="CoP20")  # named after SC78
    _party("BW")  # in the process, no category, no plan
    return sc78, reports


def _counts(html: str) -> dict[str, int]:
    start = html.index('class="state-filter"')
    nav = html[start : html.index("</nav>", start)]
    return {
        name: int(count)
        for name, count in re.findall(
            r'<span class="state-name">([^<]+)</span> <strong>(\d+)</strong>', nav
        )
    }


def _rows(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<th scope="row"[^>]*><a href="/parties/\w+/">([^<]+)</a>', body)


def _queue_row(html: str, party: str) -> str:
    start = html.index(f">{party}</a>")
    return html[start : html.index("</tr>", start)]


def test_it_lists_every_party_due_for_a_meeting_with_the_counts(
    sofia, cambodia, gabon, chan, gaelle
) -> None:
    _queue_data(cambodia, gabon)
    html = _text(client_for(sofia).get("/reports/review/SC78/"))
    assert _counts(html) == {
        "All": 8,
        "Not submitted": 3,
        "Submitted": 1,
        "Under review": 1,
        "Returned": 1,
        "Assessed": 1,
        "Published": 1,
        "Submitted late": 2,
    }
    # By category in force at the meeting (A, B, C, none), then by name.
    assert _rows(html) == [
        "Togo",
        "Viet Nam",
        "Cambodia",
        "Gabon",
        "Malaysia",
        "Angola",
        "Japan",
        "Sri Lanka",
    ]
    for absent in ("China", "Singapore", "Qatar", "Botswana"):
        assert f">{absent}</a>" not in html


def test_it_says_who_was_late_and_who_sent_nothing(sofia, cambodia, gabon, chan, gaelle) -> None:
    _queue_data(cambodia, gabon)
    html = _text(client_for(sofia).get("/reports/review/SC78/"))
    assert "6 days late" in _queue_row(html, "Viet Nam")
    assert "2 days late" in _queue_row(html, "Japan")
    assert "on time" in _queue_row(html, "Cambodia")
    assert "Nov. 2, 2024" in _queue_row(html, "Cambodia")
    assert "late" not in _queue_row(html, "Malaysia")
    for missing in ("Togo", "Gabon", "Sri Lanka"):
        row = _queue_row(html, missing)
        assert "Not submitted" in row
        assert "Not received" in row
        assert "/reports/review/report/" not in row


def test_it_counts_days_overdue_while_the_meeting_is_ahead(sofia, cambodia) -> None:
    MeetingFactory(
        number=79,
        start_date=datetime.date(2099, 3, 1),
        end_date=datetime.date(2099, 3, 5),
        report_due=timezone.localdate() - datetime.timedelta(days=4),
    )
    PartyCategoryFactory(party=cambodia, category="B")
    html = _text(client_for(sofia).get("/reports/review/SC79/"))
    assert "4 days overdue" in _queue_row(html, "Cambodia")


def test_it_never_shows_a_drafts_content_in_the_queue(sofia, cambodia, gabon, chan, gaelle) -> None:
    _sc78_data, reports = _queue_data(cambodia, gabon)
    for path in ("/reports/review/SC78/", "/reports/review/SC78/?state=missing"):
        html = _text(client_for(sofia).get(path))
        assert DRAFT_SECRET not in html
        assert f"/reports/{reports['GA'].pk}/" not in html
        assert f"/reports/review/report/{reports['GA'].pk}/" not in html


def test_it_filters_the_queue_by_state(sofia, cambodia, gabon, chan, gaelle) -> None:
    _queue_data(cambodia, gabon)
    client = client_for(sofia)
    assert _rows(_text(client.get("/reports/review/SC78/?state=missing"))) == [
        "Togo",
        "Gabon",
        "Sri Lanka",
    ]
    assert _rows(_text(client.get("/reports/review/SC78/?state=late"))) == ["Viet Nam", "Japan"]
    html = _text(client.get("/reports/review/SC78/?state=published"))
    assert _rows(html) == ["Malaysia"]
    assert 'href="?state=published" aria-current="true"' in html


def test_it_counts_a_revision_in_preparation_as_returned(sofia, cambodia) -> None:
    sc78 = _sc78()
    PartyCategoryFactory(party=cambodia, category="B")
    returned = report_with_actions(
        party=cambodia, meeting=sc78, status="returned", submitted_at=_at(DUE)
    )
    services.report_revise(report=returned, actor=None, reason="answer the Secretariat")
    html = _text(client_for(sofia).get("/reports/review/SC78/"))
    assert _counts(html)["Returned"] == 1
    assert "The Party is preparing a new revision." in _queue_row(html, "Cambodia")


def test_it_pages_a_long_queue(sofia) -> None:
    sc78 = _sc78()
    codes = ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU"]
    codes += ["AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL"]
    codes += ["BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC"]
    codes += ["CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV"]
    for code in codes:
        _party(code, "A")
    assert sc78.code == "SC78"
    client = client_for(sofia)
    first = _text(client.get("/reports/review/SC78/"))
    second = _text(client.get("/reports/review/SC78/?page=2"))
    assert len(_rows(first)) == 50 and len(_rows(second)) == len(codes) - 50
    assert "Page 1 of 2" in first and 'href="?page=2" rel="next"' in first
    assert _counts(second)["All"] == len(codes)


def test_it_lists_the_meetings_that_take_reports_newest_first(
    sofia, cambodia, gabon, chan, gaelle
) -> None:
    _queue_data(cambodia, gabon)
    MeetingFactory(number=77, start_date=datetime.date(2023, 11, 6))
    MeetingFactory(number=76, start_date=datetime.date(2022, 11, 25), takes_niap_reports=False)
    html = _text(client_for(sofia).get("/reports/review/"))
    assert html.index(">SC78</a>") < html.index(">SC77</a>")
    assert ">SC76</a>" not in html and ">CoP19</a>" not in html
    row = html[html.index(">SC78</a>") : html.index("</tr>", html.index(">SC78</a>"))]
    assert "2 to review" in row
    cells = re.findall(r'class="review-num[^"]*">(\d+)</td>', row)
    assert cells == ["8", "3", "1", "1", "1", "1", "1"]


def test_it_shows_the_review_link_to_the_secretariat_only(
    personas, sofia, cambodia, gabon, chan, gaelle
) -> None:
    for persona, user in personas.items():
        html = _text(client_for(user).get("/"))
        assert ('href="/reports/review/">Review</a>' in html) is (persona in SECRETARIAT)


PAGES = ["/reports/review/", "/reports/review/SC78/", "/reports/review/import/"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("path", PAGES)
def test_it_opens_the_review_pages_to_the_secretariat_only(
    persona, path, personas, cambodia, gabon
) -> None:
    _queue_data(cambodia, gabon)
    response = client_for(personas[persona]).get(path)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    elif persona in SECRETARIAT:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Cambodia" not in _text(response)


# persona -> answer for Cambodia's submitted report, and for Gabon's draft
REVIEW_ANSWERS = {
    "partner": (404, 404),
    "chan": (403, 404),
    "gaelle": (404, 403),
    "secretariat": (200, 200),
    "admin": (200, 200),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_opens_the_review_of_a_report_to_the_secretariat_only(
    persona, personas, cambodia, gabon
) -> None:
    _sc78_data, reports = _queue_data(cambodia, gabon)
    client = client_for(personas[persona])
    for report, index in ((reports["KH"], 0), (reports["GA"], 1)):
        response = client.get(f"/reports/review/report/{report.pk}/")
        if persona == "anonymous":
            assert response.status_code == 302
            continue
        assert response.status_code == REVIEW_ANSWERS[persona][index]
        moved = client.post(f"/reports/review/report/{report.pk}/start/")
        assert moved.status_code == (302 if persona in SECRETARIAT else response.status_code)
    if persona not in SECRETARIAT:
        assert ProgressReport.objects.get(pk=reports["KH"].pk).status == "submitted"


def test_it_shows_no_content_of_a_draft_on_its_review_page(sofia, cambodia, gabon) -> None:
    _sc78_data, reports = _queue_data(cambodia, gabon)
    html = _text(client_for(sofia).get(f"/reports/review/report/{reports['GA'].pk}/"))
    assert "there is nothing to review" in html
    assert DRAFT_SECRET not in html
    assert '-rating"' not in html and "Start the review" not in html


def _form_data(report, **changes) -> dict[str, str]:
    """What the review form sends: every action as stored, then `changes` by action code."""
    data: dict[str, str] = {}
    for progress in report.progress.select_related("assessment").order_by("order"):
        try:
            assessment = progress.assessment
        except Assessment.DoesNotExist:
            assessment = None
        prefix = f"a{progress.pk}"
        data[f"{prefix}-rating"] = (assessment.rating or "") if assessment else ""
        data[f"{prefix}-comment"] = assessment.comment if assessment else ""
        data[f"{prefix}-reason"] = ""
        for field, value in changes.get(progress.code.replace(".", "_"), {}).items():
            data[f"{prefix}-{field}"] = value
    return data


def _article(html: str, report, code: str) -> str:
    pk = report.progress.get(code=code).pk
    start = html.rindex("<article", 0, html.index(f'id="action-{pk}"'))
    return html[start : html.index("</article>", start)]


def test_it_offers_only_the_ratings_of_the_reports_scale(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted", scale="niap4")
    html = _text(client_for(sofia).get(f"/reports/review/report/{report.pk}/"))
    article = _article(html, report, "1.1")
    options = re.findall(r'<option value="([^"]*)"', article)
    assert options == ["", "substantially_achieved", "on_track", "challenging", "unclear"]


def test_it_saves_every_rating_in_one_post_and_starts_the_review(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    data = _form_data(
        report,
        **{
            "1_1": {"rating": "on_track"},
            "1_2": {"rating": "unclear", "comment": "No evidence given."},
        },
    )
    response = client_for(sofia).post(f"/reports/review/report/{report.pk}/", data, follow=True)
    html = _text(response)
    assert "The Secretariat&#x27;s ratings of 2 actions were saved." in html
    report.refresh_from_db()
    assert report.status == "under_review"
    saved = {
        a.progress.code: (a.rating, a.comment)
        for a in Assessment.objects.filter(progress__report=report).select_related("progress")
    }
    assert saved == {"1.1": ("on_track", ""), "1.2": ("unclear", "No evidence given.")}
    assert 'class="review-action diverges"' in _article(html, report, "1.2")
    assert "Differs from the Party" in _article(html, report, "1.2")
    assert "Differs from the Party" not in _article(html, report, "1.1")
    assert AuditEvent.objects.filter(verb="report.review", actor=sofia).count() == 1


def test_it_refuses_a_changed_rating_without_a_reason_and_keeps_the_input(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="under_review")
    first = report.progress.get(code="1.1")
    AssessmentFactory(progress=first, rating="on_track", comment="Fine.")
    data = _form_data(
        report,
        **{"1_1": {"rating": "unclear"}, "1_3": {"rating": "on_track", "comment": "Not yet."}},
    )
    response = client_for(sofia).post(f"/reports/review/report/{report.pk}/", data)
    assert response.status_code == 400
    html = _text(response)
    article = _article(html, report, "1.1")
    assert "Say why the Secretariat&#x27;s rating changes." in article
    assert '<option value="unclear" selected>' in article
    assert 'aria-invalid="true"' in article
    assert f'href="#id_a{first.pk}-reason"' in html
    # All or nothing: the valid row was not saved either.
    assert '<option value="on_track" selected>' in _article(html, report, "1.3")
    assert "Not yet." in _article(html, report, "1.3")
    assert not Assessment.objects.filter(progress__code="1.3").exists()
    assert Assessment.objects.get(progress=first).rating == "on_track"

    data[f"a{first.pk}-reason"] = "The Party's own annex shows no progress."
    response = client_for(sofia).post(f"/reports/review/report/{report.pk}/", data)
    assert response.status_code == 302
    assert Assessment.objects.get(progress=first).rating == "unclear"
    event = AuditEvent.objects.filter(verb="assessment.rate", reason__contains="annex").get()
    assert event.before == {"rating": "on_track", "comment": "Fine."}


def test_it_lists_the_findings_beside_their_actions(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    Finding.objects.create(
        report=report,
        code="rating-mismatch",
        severity="warning",
        action_code="1.2",
        message="Part B says on track, Part C challenging.",
    )
    Finding.objects.create(
        report=report, code="period-incomplete", severity="info", message="No period end."
    )
    html = _text(client_for(sofia).get(f"/reports/review/report/{report.pk}/"))
    assert "Part B says on track, Part C challenging." in _article(html, report, "1.2")
    assert "Part B says" not in _article(html, report, "1.1")
    general = html[html.index("Findings on the whole report") : html.index("actions-heading")]
    assert "No period end." in general


def test_it_wants_a_reason_to_return_a_report(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    response = client_for(sofia).post(
        f"/reports/review/report/{report.pk}/return/", {"return-reason": "  "}
    )
    assert response.status_code == 400
    assert "Say why the report is returned" in _text(response)
    assert 'id="id_return-reason-error"' in _text(response)
    report.refresh_from_db()
    assert report.status == "submitted"


def test_it_explains_a_move_the_workflow_refuses(sofia, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="submitted")
    response = client_for(sofia).post(f"/reports/review/report/{report.pk}/publish/", follow=True)
    assert "A report that is submitted cannot be moved to published." in _text(response)
    report.refresh_from_db()
    assert report.status == "submitted"


def test_it_takes_a_report_from_submission_to_publication(sofia, chan, cambodia) -> None:
    sofia_client = client_for(sofia)
    first = report_with_actions(party=cambodia, status="submitted")
    base = f"/reports/review/report/{first.pk}/"

    # The Secretariat rates 1.2 differently from the Party, then returns the report.
    data = _form_data(first, **{"1_2": {"rating": "unclear", "comment": "Which law?"}})
    assert sofia_client.post(base, data).status_code == 302
    response = sofia_client.post(
        base + "return/", {"return-reason": "Say which law 1.2 refers to."}, follow=True
    )
    assert "The report was returned to Cambodia with your comments." in _text(response)
    first.refresh_from_db()
    assert first.status == "returned"

    # The Party revises and submits again.
    second = services.report_revise(report=first, actor=chan, reason="name the law")
    second = services.report_submit(report=second, actor=chan)
    base = f"/reports/review/report/{second.pk}/"
    html = _text(sofia_client.get(base))
    assert "Say which law 1.2 refers to." in html
    assert "On the revision before:" in _article(html, second, "1.2")
    assert 'rating-unclear">Unclear' in _article(html, second, "1.2")

    # The Secretariat rates the new revision, marks it assessed and publishes it.
    data = _form_data(
        second,
        **{
            "1_1": {"rating": "on_track"},
            "1_2": {"rating": "unclear", "comment": "The law is still not named."},
            "1_3": {"rating": "substantially_achieved"},
        },
    )
    assert sofia_client.post(base, data).status_code == 302
    response = sofia_client.post(base + "assessed/", follow=True)
    assert "marked as assessed" in _text(response)
    assert '-rating"' not in _text(response)
    anonymous = client_for(None)
    assert anonymous.get(f"/reports/{second.pk}/").status_code == 404
    response = sofia_client.post(base + "publish/", follow=True)
    assert "The report and its assessment are published" in _text(response)

    public = _text(anonymous.get(f"/reports/{second.pk}/"))
    assert "Progress report of Cambodia for SC66" in public
    row = public[public.index(">1.2<") :]
    row = row[: row.index("</tr>")]
    assert 'rating-challenging">Challenging' in row
    assert 'rating-unclear">Unclear' in row
    assert "The law is still not named." in row
    party_page = _text(anonymous.get("/parties/KH/"))
    assert re.search(
        r'rating-challenging">Challenging</span> <span class="secretariat-rating">\('
        r'<span class="visually-hidden">Secretariat\'s rating: </span>'
        r'<span class="rating rating-unclear">Unclear</span>\)',
        party_page,
    )


def _report_of_size(party, *, actions: int, meeting: int, findings: int):
    plan = PlanFactory(party=party)
    report = ReportFactory.create(
        party=party,
        plan=plan,
        meeting=MeetingFactory(number=meeting),
        status="under_review",
        submitted_at=_at(DUE),
    )
    for i in range(1, actions + 1):
        progress = ProgressFactory(report=report, code=f"1.{i}", order=i)
        AssessmentFactory(progress=progress)
    for i in range(findings):
        Finding.objects.create(
            report=report,
            code="rating-missing",
            severity="warning",
            action_code="1.1",
            message=str(i),
        )
    return report


def test_it_draws_the_review_page_in_a_constant_number_of_queries(
    sofia, cambodia, django_assert_num_queries, django_assert_max_num_queries
) -> None:
    client = client_for(sofia)
    small = _report_of_size(cambodia, actions=2, meeting=66, findings=1)
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(12):
        assert client.get(f"/reports/review/report/{small.pk}/").status_code == 200
    large = _report_of_size(cambodia, actions=25, meeting=70, findings=6)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(f"/reports/review/report/{large.pk}/")
    assert _text(response).count('class="review-action') == 25


def _parties_with_reports(count: int, offset: int, sc78) -> None:
    codes = ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW"]
    for code in codes[offset : offset + count]:
        party = _party(code, "B")
        report_with_actions(party=party, meeting=sc78, status="submitted", submitted_at=_at(DUE))


@pytest.mark.parametrize("path", ["/reports/review/", "/reports/review/SC78/"])
def test_it_draws_the_queue_in_a_constant_number_of_queries(
    path, sofia, django_assert_num_queries, django_assert_max_num_queries
) -> None:
    client = client_for(sofia)
    sc78 = _sc78()
    _parties_with_reports(2, 0, sc78)
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(9):
        assert client.get(path).status_code == 200
    _parties_with_reports(10, 2, sc78)
    MeetingFactory(number=77, start_date=datetime.date(2023, 11, 6))
    _party("ZM", "A")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(path)
    if path.endswith("SC78/"):
        assert _counts(_text(response))["Submitted"] == 12
