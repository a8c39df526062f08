"""The process overview against figures worked out here, independently, from the rows the test
writes: the categories, the latest ratings (Party and Secretariat), reporting compliance, the
Parties near exit and the divergence; on the page, in the CSV and in the XLSX; for each persona,
so that a draft or an unpublished assessment never reaches the public; the filters and their
bad values.

The world (`build_world`) is shared with `test_process_queries.py`.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tusk.core.choices import Stage
from tusk.reports.models import ProgressReport
from tusk.testing import factories as f
from tusk.testing.clients import client_for

pytestmark = pytest.mark.django_db

URL = reverse("process-overview")
NIAP6 = [
    "achieved",
    "substantially_achieved",
    "on_track",
    "partial_progress",
    "pending_other_action",
    "not_commenced",
]
GOOD = {"achieved", "substantially_achieved"}

# (the Party's rating, the Secretariat's or None, the standard pillar of the action)
Rated = tuple[str | None, str | None, str]

KH77: list[Rated] = [
    ("achieved", "achieved", "legislation"),
    ("achieved", "substantially_achieved", "legislation"),
    ("on_track", "partial_progress", "enforcement"),
    ("partial_progress", "on_track", "enforcement"),
    ("not_commenced", None, "outreach"),
]
# The Party's draft for SC78: 100% achieved, a share no published report has.
KH78_DRAFT: list[Rated] = [("achieved", None, "legislation")] * 3
GA77: list[Rated] = [
    *[("achieved", "achieved", "legislation")] * 4,
    ("substantially_achieved", "substantially_achieved", "enforcement"),
    ("on_track", "on_track", "reporting"),
]
# Assessed, not published: the Secretariat's 'not_commenced' must never reach the public.
GA78: list[Rated] = [
    ("achieved", "on_track", "legislation"),
    ("on_track", "not_commenced", "enforcement"),
]
VN77: list[Rated] = [
    ("substantially_achieved", "on_track", "collaboration"),
    ("on_track", "on_track", "collaboration"),
    ("partial_progress", "partial_progress", "enforcement"),
    (None, "on_track", "enforcement"),
]
VN78: list[Rated] = [
    ("achieved", None, "collaboration"),
    ("achieved", None, "collaboration"),
    ("achieved", None, "enforcement"),
    ("on_track", None, "enforcement"),
]
CN74: list[Rated] = [
    ("achieved", "achieved", "enforcement"),
    ("achieved", "achieved", "enforcement"),
    ("substantially_achieved", "on_track", "legislation"),
]
TZ74: list[Rated] = [
    ("on_track", "partial_progress", "outreach"),
    ("not_commenced", "not_commenced", ""),
]


@dataclass
class World:
    """What the test wrote: the Parties, meetings, and each report with its ratings."""

    parties: dict[str, Any]
    meetings: dict[str, Any]
    reports: dict[tuple[str, str], tuple[Any, list[Rated]]] = field(default_factory=dict)


def _meeting(number: int, start: datetime.date, *, takes: bool = True, kind: str = "SC") -> Any:
    return f.MeetingFactory.create(
        kind=kind,
        number=number,
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
        takes_niap_reports=takes,
    )


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC)


def add_report(
    world: World,
    code: str,
    meeting: str,
    status: str,
    rated: list[Rated],
    *,
    days_after_due: int | None = -5,
    **extra: Any,
) -> ProgressReport:
    """A report of Party `code` for `meeting` rating one action per item of `rated`, each in a
    pillar of its standard, with the Secretariat's assessment where it gives one."""
    party = world.parties[code]
    held = world.meetings[meeting]
    plan = f.PlanFactory.create(party=party)
    submitted = None
    if status != "draft" and days_after_due is not None:
        submitted = _at(held.due_date + datetime.timedelta(days=days_after_due))
    report = f.ReportFactory.create(
        party=party,
        meeting=held,
        plan=plan,
        status=status,
        scale="niap6",
        submitted_at=submitted,
        synopsis_overview=f"{code}-{meeting}-{status}",
        **extra,
    )
    pillars: dict[str, Any] = {}
    for order, (mine, theirs, standard) in enumerate(rated, start=1):
        if standard not in pillars:
            pillars[standard] = f.PillarFactory.create(
                plan=plan, number=str(len(pillars) + 1), name=standard or "Other", standard=standard
            )
        pillar = pillars[standard]
        action = f.ActionFactory.create(plan=plan, pillar=pillar, code=f"{pillar.number}.{order}")
        progress = f.ProgressFactory.create(
            report=report,
            action=action,
            code=action.code,
            pillar=pillar.number,
            rating=mine,
            rating_part_b=mine,
            rating_part_c=mine,
            order=order,
        )
        if theirs is not None:
            f.AssessmentFactory.create(progress=progress, rating=theirs, comment="")
    if report.is_current:
        world.reports[code, meeting] = (report, rated)
    return report


def build_world(cambodia: Any, gabon: Any) -> World:
    """Five Parties: Cambodia and Gabon (B), Viet Nam (A, formerly C), China (A in the
    cycle before, exited) and Tanzania (never named); four meetings that take reports (SC81
    still to come) and two CoPs; Cambodia and Viet Nam in ASEAN."""
    today = timezone.localdate()
    meetings = {
        "CoP17": _meeting(17, datetime.date(2016, 9, 24), takes=False, kind="CoP"),
        "CoP19": _meeting(19, datetime.date(2022, 11, 14), takes=False, kind="CoP"),
        "SC74": _meeting(74, datetime.date(2022, 3, 7)),
        "SC77": _meeting(77, datetime.date(2023, 11, 6)),
        "SC78": _meeting(78, datetime.date(2025, 2, 3)),
        "SC81": _meeting(81, today + datetime.timedelta(days=200)),
    }
    parties = {
        "KH": cambodia,
        "GA": gabon,
        "VN": f.PartyFactory.create(country="VN"),
        "CN": f.PartyFactory.create(country="CN", stage=Stage.EXITED, trade_role="destination"),
        "TZ": f.PartyFactory.create(country="TZ"),
    }
    for code in ("KH", "GA", "VN", "TZ"):
        parties[code].stage = Stage.IMPLEMENTING
        parties[code].save()
    for code, cycle, category in [
        ("KH", "CoP17", "C"),
        ("KH", "CoP19", "B"),
        ("GA", "CoP19", "B"),
        ("VN", "CoP17", "C"),
        ("VN", "CoP19", "A"),
        ("CN", "CoP17", "A"),
    ]:
        f.PartyCategoryFactory.create(party=parties[code], cycle=cycle, category=category)
    asean = f.RegionFactory.create(code="asean", name="ASEAN")
    for code in ("KH", "VN"):
        f.RegionMembershipFactory.create(region=asean, party=parties[code])
    world = World(parties=parties, meetings=meetings)
    add_report(world, "KH", "SC74", "published", KH77[:2])
    add_report(world, "KH", "SC77", "published", KH77)
    add_report(world, "KH", "SC78", "draft", KH78_DRAFT)
    add_report(world, "GA", "SC77", "published", GA77, days_after_due=10)
    first = add_report(world, "GA", "SC78", "returned", GA78, is_current=False)
    add_report(world, "GA", "SC78", "assessed", GA78, days_after_due=20, previous=first, revision=2)
    add_report(world, "VN", "SC77", "published", VN77)
    add_report(world, "VN", "SC78", "submitted", VN78)
    add_report(world, "CN", "SC74", "published", CN74)
    add_report(world, "TZ", "SC74", "published", TZ74, days_after_due=None)
    return world


@pytest.fixture
def world(cambodia: Any, gabon: Any) -> World:
    return build_world(cambodia, gabon)


# --- figures worked out here -------------------------------------------------------------------


def whole(count: int, total: int) -> int:
    """`count` as a whole percent of `total`, rounded half up."""
    return int((Decimal(count) * 100 / Decimal(total)).quantize(Decimal(1), ROUND_HALF_UP))


def shares(rated: list[Rated], side: int) -> dict[str, int]:
    """Each rating's share of the actions one side rated (0: the Party, 1: the Secretariat)."""
    counted: Counter[str] = Counter()
    for item in rated:
        rating = item[side]
        if rating is not None:
            counted[rating] += 1
    total = sum(counted.values())
    return {rating: whole(n, total) for rating, n in counted.items()}


def read_csv(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def table(client: Any, key: str, **query: str) -> list[dict[str, str]]:
    return read_csv(client.get(reverse("process-table", args=[key, "csv"]), query))


def by_party(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["party_code"]: row for row in rows}


def ratings_of(row: dict[str, str], side: str) -> dict[str, int]:
    return {
        code: int(row[f"{code}_{side}"]) for code in NIAP6 if row[f"{code}_{side}"] not in ("", "0")
    }


# --- 1. categories -----------------------------------------------------------------------------


def test_it_counts_the_parties_by_category_of_the_newest_cycle(world: World, client: Any) -> None:
    rows = {row["category"]: row for row in table(client, "categories")}
    # CoP19 names Viet Nam A, Cambodia and Gabon B; China (A in CoP17 only) and Tanzania have none.
    assert {code: int(row["total"]) for code, row in rows.items()} == {
        "A": 1,
        "B": 2,
        "C": 0,
        "none": 2,
    }
    assert rows["none"]["exited"] == "1" and rows["none"]["implementing"] == "1"
    page = client.get(URL).content.decode()
    assert "Categories of the CoP19 ETIS cycle" in page


def test_it_takes_the_category_in_force_at_the_chosen_meeting(world: World, client: Any) -> None:
    # SC77 opened after CoP19; SC74 before it, when the CoP17 categories applied.
    assert by_party(table(client, "ratings", meeting="SC77"))["VN"]["category"] == "A"
    before = by_party(table(client, "ratings", meeting="SC74"))
    assert before["VN"]["category"] == "C" and before["CN"]["category"] == "A"
    assert before["GA"]["category"] == "none"


# --- 2. latest ratings -------------------------------------------------------------------------


def test_the_public_sees_the_latest_published_ratings_of_both_sides(
    world: World, client: Any
) -> None:
    rows = by_party(table(client, "ratings"))
    for code, meeting in [("KH", "SC77"), ("GA", "SC77"), ("VN", "SC77"), ("CN", "SC74")]:
        rated = world.reports[code, meeting][1]
        row = rows[code]
        assert row["meeting"] == meeting and row["status"] == "published"
        assert ratings_of(row, "party") == shares(rated, 0), code
        assert ratings_of(row, "secretariat") == shares(rated, 1), code
        assert int(row["party_actions"]) == sum(1 for r in rated if r[0])
        assert int(row["secretariat_actions"]) == sum(1 for r in rated if r[1])


def test_the_secretariat_sees_the_latest_report_whatever_its_state_but_a_draft(
    world: World, sofia: Any
) -> None:
    rows = by_party(table(client_for(sofia), "ratings"))
    assert rows["GA"]["meeting"] == "SC78" and rows["GA"]["status"] == "assessed"
    assert ratings_of(rows["GA"], "secretariat") == shares(GA78, 1)
    assert rows["VN"]["meeting"] == "SC78" and rows["VN"]["secretariat_actions"] == "0"
    # Cambodia's draft is work in progress: its published report is still the latest.
    assert rows["KH"]["meeting"] == "SC77"


def test_a_focal_point_sees_its_own_report_but_not_its_unpublished_assessment(
    world: World, gaelle: Any, chan: Any
) -> None:
    rows = by_party(table(client_for(gaelle), "ratings"))
    assert rows["GA"]["meeting"] == "SC78"
    assert ratings_of(rows["GA"], "party") == shares(GA78, 0)
    assert ratings_of(rows["GA"], "secretariat") == {} and rows["GA"]["secretariat_actions"] == ""
    # Another Party's report that is not published stays out of sight.
    assert rows["VN"]["meeting"] == "SC77"
    assert by_party(table(client_for(chan), "ratings"))["GA"]["meeting"] == "SC77"


@pytest.mark.parametrize("persona", ["anonymous", "partner", "chan", "gaelle"])
def test_a_draft_and_an_unpublished_assessment_never_reach_who_may_not_see_them(
    world: World, personas: dict[str, Any], persona: str
) -> None:
    client = client_for(personas[persona])
    page = client.get(URL).content.decode()
    rows = by_party(table(client, "ratings"))
    # The draft rates everything achieved (100%); nothing published does.
    assert rows["KH"]["achieved_party"] != "100"
    assert "KH-SC78-draft" not in page
    if persona != "gaelle":
        assert rows["GA"]["meeting"] == "SC77"
    # The only 'not commenced' of the Secretariat's is in Gabon's unpublished assessment.
    assert rows["GA"]["not_commenced_secretariat"] in ("", "0")
    for key in ("near-exit", "divergence-parties", "divergence-pillars"):
        content = client.get(reverse("process-table", args=[key, "csv"])).content.decode()
        assert "SC78" not in content or persona == "gaelle", key


def test_the_page_shows_the_annex_style_cells_and_links_the_charts(
    world: World, client: Any
) -> None:
    page = client.get(URL).content.decode()
    # Cambodia SC77: the Party 40% achieved, the Secretariat 25%.
    assert "40% (25%)" in page
    assert f"{reverse('process-ratings-chart')}?page=1" in page
    assert reverse("process-compliance-chart") in page
    assert "layout=narrow" in page
    for key in ("categories", "ratings", "compliance", "near-exit"):
        assert reverse("process-table", args=[key, "xlsx"]) in page


# --- 3. compliance -----------------------------------------------------------------------------

# Worked out by hand from `build_world`:
# SC74: Cambodia, China, Tanzania report (Tanzania's with no date counts as on time).
# SC77: Cambodia and Viet Nam on time, Gabon 10 days late, Tanzania missing.
# SC78: Gabon's first revision came on time (its second late); Viet Nam on time; Cambodia only
#       has a draft and Tanzania nothing. China exited after SC74 and owes nothing more.
# SC81: due in the future: the four Parties still in the process are not yet due.
SECRETARIAT_COMPLIANCE = {
    "SC74": (3, 3, 0, 0, 0),
    "SC77": (4, 2, 1, 1, 0),
    "SC78": (4, 2, 0, 2, 0),
    "SC81": (4, 0, 0, 0, 4),
}
# The public sees published reports only: none of SC78's is.
PUBLIC_COMPLIANCE = {**SECRETARIAT_COMPLIANCE, "SC78": (4, 0, 0, 4, 0)}


def _compliance(client: Any, **query: str) -> dict[str, tuple[int, ...]]:
    return {
        row["meeting"]: tuple(
            int(row[k]) for k in ("expected", "on_time", "late", "missing", "not_yet_due")
        )
        for row in table(client, "compliance", **query)
    }


def test_compliance_counts_on_time_late_and_missing_reports(world: World, sofia: Any) -> None:
    assert _compliance(client_for(sofia)) == SECRETARIAT_COMPLIANCE


def test_compliance_for_the_public_counts_published_reports_only(world: World, client: Any) -> None:
    assert _compliance(client) == PUBLIC_COMPLIANCE
    page = client.get(URL).content.decode()
    assert "No published report" in page
    assert "Only published reports count here" in page


def test_compliance_stops_at_the_chosen_meeting(world: World, sofia: Any) -> None:
    found = _compliance(client_for(sofia), meeting="SC77")
    assert found == {k: SECRETARIAT_COMPLIANCE[k] for k in ("SC74", "SC77")}


def test_compliance_due_dates_are_in_the_csv(world: World, client: Any) -> None:
    rows = {row["meeting"]: row for row in table(client, "compliance")}
    assert rows["SC77"]["due_date"] == world.meetings["SC77"].due_date.isoformat()
    assert rows["SC77"]["on_time_percent"] == str(whole(2, 4))


# --- 4. near exit ------------------------------------------------------------------------------


def near_exit(world: World, threshold: float, latest: dict[str, str]) -> dict[str, int]:
    """The Parties still in the process whose latest report rates at least `threshold` of its
    rated actions good: the Secretariat's rating where the report is published, else the
    Party's."""
    found = {}
    for code, meeting in latest.items():
        if world.parties[code].stage == Stage.EXITED:
            continue
        report, rated = world.reports[code, meeting]
        published = report.status == "published"
        ratings = [(s if published and s else p) for p, s, _ in rated]
        ratings = [r for r in ratings if r]
        good = sum(1 for r in ratings if r in GOOD)
        if ratings and good / len(ratings) >= threshold:
            found[code] = whole(good, len(ratings))
    return found


PUBLIC_LATEST = {"KH": "SC77", "GA": "SC77", "VN": "SC77", "CN": "SC74", "TZ": "SC74"}
SECRETARIAT_LATEST = {**PUBLIC_LATEST, "GA": "SC78", "VN": "SC78"}


def _near(client: Any, **query: str) -> dict[str, int]:
    return {
        row["party_code"]: int(row["share_percent"]) for row in table(client, "near-exit", **query)
    }


@pytest.mark.parametrize("threshold", [None, "0.7", "0.5", "0.2", "1"])
def test_near_exit_uses_the_threshold_of_the_url_or_the_setting(
    world: World, client: Any, sofia: Any, threshold: str | None
) -> None:
    query = {"threshold": threshold} if threshold else {}
    value = float(threshold) if threshold else 0.8
    assert _near(client, **query) == near_exit(world, value, PUBLIC_LATEST)
    assert _near(client_for(sofia), **query) == near_exit(world, value, SECRETARIAT_LATEST)


def test_near_exit_follows_the_setting(world: World, client: Any, settings: Any) -> None:
    settings.TUSK_NEAR_EXIT_SHARE = 0.3
    assert _near(client) == near_exit(world, 0.3, PUBLIC_LATEST)
    assert "at least 30% of its rated" in client.get(URL).content.decode()


def test_near_exit_says_whose_ratings_it_counted(world: World, sofia: Any) -> None:
    rows = by_party(table(client_for(sofia), "near-exit", threshold="0.5"))
    assert rows["GA"]["rated_by"] == "party"  # assessed, not yet published
    assert rows["VN"]["rated_by"] == "party"


@pytest.mark.parametrize("bad", ["abc", "1.5", "0", "-0.3", "nan", "inf", "70%", "=1+1"])
def test_a_bad_threshold_gets_a_message_and_the_default(
    world: World, client: Any, bad: str
) -> None:
    response = client.get(URL, {"threshold": bad})
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a share between 0 and 1" in page
    assert "the default, 0.8, is used instead" in page
    assert "at least 80% of its rated" in page
    assert _near(client, threshold=bad) == near_exit(world, 0.8, PUBLIC_LATEST)


# --- 5. divergence -----------------------------------------------------------------------------


def divergence(rated_lists: list[list[Rated]]) -> tuple[int, int, int]:
    """Actions both sides rated, those where the Party is more optimistic, more pessimistic."""
    compared = optimistic = pessimistic = 0
    for rated in rated_lists:
        for mine, theirs, _standard in rated:
            if mine is None or theirs is None:
                continue
            compared += 1
            optimistic += NIAP6.index(mine) < NIAP6.index(theirs)
            pessimistic += NIAP6.index(mine) > NIAP6.index(theirs)
    return compared, optimistic, pessimistic


def _figures(row: dict[str, str]) -> tuple[int, int, int]:
    return (
        int(row["compared"]),
        int(row["party_more_optimistic"]),
        int(row["party_more_pessimistic"]),
    )


@pytest.mark.parametrize("persona", ["anonymous", "secretariat", "gaelle"])
def test_divergence_by_party_reads_the_latest_published_report_for_everyone(
    world: World, personas: dict[str, Any], persona: str
) -> None:
    rows = by_party(table(client_for(personas[persona]), "divergence-parties"))
    assert set(rows) == set(PUBLIC_LATEST)
    for code, meeting in PUBLIC_LATEST.items():
        rated = world.reports[code, meeting][1]
        assert _figures(rows[code]) == divergence([rated]), code
        assert rows[code]["meeting"] == meeting
        compared, optimistic, pessimistic = divergence([rated])
        assert int(rows[code]["differ_percent"]) == whole(optimistic + pessimistic, compared)


def test_divergence_by_pillar_adds_up_the_parties(world: World, sofia: Any) -> None:
    rows = {row["pillar"]: row for row in table(client_for(sofia), "divergence-pillars")}
    published = [world.reports[k, m][1] for k, m in PUBLIC_LATEST.items()]
    standards = {standard for rated in published for *_r, standard in rated}
    assert set(rows) == {
        s
        for s in standards
        if divergence([[r for r in rated_all if r[2] == s] for rated_all in published])[0]
    }
    for standard, row in rows.items():
        only = [[r for r in rated if r[2] == standard] for rated in published]
        assert _figures(row) == divergence(only), standard
    assert rows[""]["pillar_name"] == "No standard pillar"


# --- filters -----------------------------------------------------------------------------------


def test_the_filters_narrow_every_table(world: World, client: Any) -> None:
    assert set(by_party(table(client, "ratings", category="B"))) == {"KH", "GA"}
    assert set(by_party(table(client, "ratings", category="none"))) == {"CN", "TZ"}
    assert set(by_party(table(client, "ratings", region="asean"))) == {"KH", "VN"}
    assert set(by_party(table(client, "divergence-parties", region="asean"))) == {"KH", "VN"}
    assert _compliance(client, category="A") == {
        "SC74": (0, 0, 0, 0, 0),
        "SC77": (1, 1, 0, 0, 0),
        "SC78": (1, 0, 0, 1, 0),
        "SC81": (1, 0, 0, 0, 1),
    }


def test_the_filters_stay_in_every_link_of_the_page(world: World, client: Any) -> None:
    page = client.get(URL, {"category": "B", "region": "asean", "threshold": "0.6"}).content
    text = page.decode()
    assert "category=B&amp;region=asean&amp;threshold=0.6" in text
    assert f"{reverse('process-table', args=['ratings', 'csv'])}?category=B" in text


@pytest.mark.parametrize(
    ("name", "value"), [("category", "Z"), ("region", "atlantis"), ("meeting", "SC99")]
)
def test_a_bad_filter_is_ignored_with_a_message(
    world: World, client: Any, name: str, value: str
) -> None:
    response = client.get(URL, {name: value})
    assert response.status_code == 200
    assert "This filter is ignored." in response.content.decode()
    assert len(table(client, "ratings", **{name: value})) == 5


def test_an_unknown_table_or_format_is_a_404(world: World, client: Any) -> None:
    assert client.get(reverse("process-table", args=["secrets", "csv"])).status_code == 404
    assert client.get(reverse("process-table", args=["ratings", "pdf"])).status_code == 404
    assert client.post(URL).status_code == 405


def test_the_page_tells_when_no_party_matches(world: World, client: Any) -> None:
    page = client.get(URL, {"category": "C"}).content.decode()
    assert "No Party matches these filters." in page


# --- downloads ---------------------------------------------------------------------------------


def test_the_xlsx_holds_the_same_rows_as_the_csv(world: World, sofia: Any) -> None:
    from openpyxl import load_workbook

    client = client_for(sofia)
    for key in (
        "categories",
        "ratings",
        "compliance",
        "near-exit",
        "divergence-parties",
        "divergence-pillars",
    ):
        rows = table(client, key, threshold="0.5")
        response = client.get(reverse("process-table", args=[key, "xlsx"]), {"threshold": "0.5"})
        assert response.status_code == 200
        assert f"tusk-process-{key}.xlsx" in response["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]
        expected = [[_plain(v) for v in row.values()] for row in rows]
        assert [[_plain(v) for v in row] for row in values] == expected, key


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def test_a_formula_in_a_name_never_runs_in_a_spreadsheet(world: World, client: Any) -> None:
    from openpyxl import load_workbook

    party = world.parties["TZ"]
    party.name = '=HYPERLINK("http://evil.example","x")'
    party.save()
    row = by_party(table(client, "ratings"))["TZ"]
    assert row["party"].startswith("'=")
    response = client.get(reverse("process-table", args=["ratings", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [
        c
        for row in sheet.iter_rows(min_row=3)
        for c in row
        if c.value and "HYPERLINK" in str(c.value)
    ]
    assert cells and all(c.data_type == "s" and str(c.value).startswith("'=") for c in cells)


# --- charts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["process-ratings-chart", "process-compliance-chart"])
def test_the_charts_are_svg_images_without_script(world: World, client: Any, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    body = response.content.decode()
    assert "<svg" in body and "<script" not in body
    narrow = client.get(reverse(name), {"layout": "narrow"}).content.decode()
    assert _width(narrow) <= _width(body)
    zipped = client.get(reverse(name), HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"


def _width(svg: str) -> float:
    import re

    match = re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg)
    assert match
    return float(match.group(1))


def test_the_ratings_chart_draws_one_page_of_parties(world: World, client: Any) -> None:
    from tusk.dashboards import process

    body = client.get(reverse("process-ratings-chart")).content.decode()
    for name in ("Cambodia", "Gabon", "China"):
        assert name in body
    assert "Not assessed yet" not in body  # every published report was assessed
    secretariat_view = client_for(f.UserFactory(username="sofia2", role="secretariat"))
    assert (
        "Not assessed yet"
        in secretariat_view.get(reverse("process-ratings-chart")).content.decode()
    )
    assert process.PAGE_SIZE >= 26  # the demo's Parties fit on one page


# --- pages of Parties --------------------------------------------------------------------------


def test_the_page_shows_one_page_of_parties_and_the_files_all(
    world: World, client: Any, monkeypatch: Any
) -> None:
    from tusk.dashboards import process

    monkeypatch.setattr(process, "PAGE_SIZE", 2)
    # Sorted by category, then name: Viet Nam (A), Cambodia, Gabon (B), China, Tanzania.
    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": "2"}).content.decode()
    assert _rows_of(first, "ratings-table") == ["VN", "KH"]
    assert _rows_of(second, "ratings-table") == ["GA", "CN"]
    assert "Page 1 of 3" in first
    # The divergence by Party follows the page; the download lists every Party.
    assert _rows_of(first, "divergence-parties-table") == ["VN", "KH"]
    assert len(table(client, "divergence-parties")) == 5
    chart = client.get(reverse("process-ratings-chart"), {"page": "3"}).content.decode()
    assert "Tanzania" in chart and "China" not in chart
    for bad in ("abc", "-1", "999"):
        assert client.get(URL, {"page": bad}).status_code == 200


def test_a_long_near_exit_list_is_cut_with_a_note(
    world: World, client: Any, monkeypatch: Any
) -> None:
    from tusk.dashboards import views_process

    monkeypatch.setattr(views_process, "NEAR_EXIT_SHOWN", 1)
    everyone = near_exit(world, 0.01, PUBLIC_LATEST)
    page = client.get(URL, {"threshold": "0.01"}).content.decode()
    assert f"{len(everyone) - 1} more Parties reach the threshold" in page
    assert len(table(client, "near-exit", threshold="0.01")) == len(everyone)


def test_the_rating_rank_orders_each_scale_as_it_does() -> None:
    from niapdoc.scales import SCALES
    from tusk.dashboards.process import RATING_RANK

    for scale, order in SCALES.items():
        assert sorted(order, key=RATING_RANK.__getitem__) == list(order), scale


def _rows_of(page: str, table_id: str) -> list[str]:
    """The keys of the rows of one table of the page, in order."""
    import re

    start = page.index(f'id="{table_id}"')
    body = page[start : page.index("</table>", start)]
    return re.findall(r'<tr data-(?:party|key)="([^"]*)"', body)
