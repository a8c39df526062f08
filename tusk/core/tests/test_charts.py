"""The Party's ratings over meetings: the spec, who sees what, the SVG endpoint, the queries."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tusk.core.charts import (
    RATING_COLOURS,
    chart_for_report_documents,
    party_ratings_chart,
    party_ratings_rows,
    ratings_over_meetings_spec,
    report_document_rows,
)
from tusk.testing.clients import client_for
from tusk.testing.factories import MeetingFactory, PartyFactory, ProgressFactory, ReportFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]
SC65 = ["on_track", "on_track", "on_track", "challenging"]
SC66 = ["substantially_achieved", "unclear", None, None]
DRAFT_SC67 = ["achieved", "achieved", "partial_progress"]


def _meeting(number: int) -> Any:
    return MeetingFactory.create(number=number, start_date=datetime.date(1950 + number, 1, 10))


def _report(party: Any, number: int, ratings: list[str | None], **kw: Any) -> Any:
    kw.setdefault("status", "published")
    kw.setdefault(
        "scale", "niap6" if any(r in {"achieved", "partial_progress"} for r in ratings) else "niap4"
    )
    report = ReportFactory.create(party=party, meeting=_meeting(number), **kw)
    for i, rating in enumerate(ratings, start=1):
        ProgressFactory.create(report=report, code=f"1.{i}", rating=rating, order=i)
    return report


def _values(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows the chart draws, wherever Altair put them."""
    if "datasets" in spec:
        names = {layer["data"]["name"] for layer in spec["layer"] if "data" in layer}
        names |= {spec["data"]["name"]} if "data" in spec else set()
        assert len(names) == 1
        return list(spec["datasets"][names.pop()])
    return list(spec["data"]["values"])


def _expected(ratings: list[str | None]) -> dict[str, float]:
    counts = Counter(r or "none" for r in ratings)
    return {code: n / len(ratings) for code, n in counts.items()}


def test_the_spec_has_one_bar_per_meeting_with_each_ratings_share(cambodia) -> None:
    _report(cambodia, 65, SC65)
    _report(cambodia, 66, SC66)
    spec = ratings_over_meetings_spec(
        party_ratings_rows(user=AnonymousUser(), party=cambodia), "en", party_name="Cambodia"
    )
    values = _values(spec)
    assert [v["meeting"] for v in values] == ["SC65"] * 2 + ["SC66"] * 3
    for meeting, ratings in (("SC65", SC65), ("SC66", SC66)):
        got = {v["code"]: v["share"] for v in values if v["meeting"] == meeting}
        assert got == pytest.approx(_expected(ratings))
        # Each bar fills the whole height: 100% stacked.
        spans = [v["y0"] - v["y1"] for v in values if v["meeting"] == meeting]
        assert sum(spans) == pytest.approx(1.0)
    bars = spec["layer"][0]["encoding"]
    assert bars["x"]["sort"] == ["SC65", "SC66"]
    # Colours fixed per rating, names in the language asked for.
    scale = bars["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "On track": RATING_COLOURS["on_track"],
        "Substantially achieved": RATING_COLOURS["substantially_achieved"],
        "Challenging": RATING_COLOURS["challenging"],
        "Unclear": RATING_COLOURS["unclear"],
        "Not rated": RATING_COLOURS["none"],
    }
    assert "Cambodia" in spec["title"]["text"]


def test_rating_names_follow_the_language(cambodia) -> None:
    _report(cambodia, 65, SC65)
    rows = party_ratings_rows(user=AnonymousUser(), party=cambodia)
    french = ratings_over_meetings_spec(rows, "fr")["layer"][0]["encoding"]["color"]["scale"]
    spanish = ratings_over_meetings_spec(rows, "es")["layer"][0]["encoding"]["color"]["scale"]
    assert french["domain"] == ["En bonne voie", "Difficile"]
    assert spanish["domain"] == ["En curso", "Difícil"]


def test_tusk_css_and_the_chart_give_a_rating_the_same_colour() -> None:
    from pathlib import Path

    css = (Path(__file__).resolve().parents[3] / "static/tusk/tusk.css").read_text()
    for code, colour in RATING_COLOURS.items():
        if code != "none":
            line = next(x for x in css.splitlines() if x.startswith(f".rating-{code} "))
            assert colour in line


def test_unpublished_and_replaced_reports_count_only_for_who_may_see_them(
    cambodia, personas
) -> None:
    _report(cambodia, 65, SC65)
    _report(cambodia, 66, ["challenging"] * 5, revision=1, is_current=False)
    _report(cambodia, 66, SC66, revision=2)
    _report(cambodia, 67, DRAFT_SC67, status="draft")

    def meetings(user: Any) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for row in party_ratings_rows(user=user, party=cambodia):
            counts[row.meeting] += row.count
        return dict(counts)

    assert meetings(AnonymousUser()) == {"SC65": 4, "SC66": 4}
    assert meetings(personas["partner"]) == {"SC65": 4, "SC66": 4}
    assert meetings(personas["gaelle"]) == {"SC65": 4, "SC66": 4}
    assert meetings(personas["chan"]) == {"SC65": 4, "SC66": 4, "SC67": 3}
    assert meetings(personas["secretariat"]) == {"SC65": 4, "SC66": 4, "SC67": 3}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_svg_endpoint_serves_every_persona(persona, personas, cambodia) -> None:
    _report(cambodia, 65, SC65)
    _report(cambodia, 67, DRAFT_SC67, status="draft")
    url = reverse("party-ratings-chart", args=["KH"])
    assert url == "/parties/KH/ratings.svg"
    response = client_for(personas[persona]).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    body = response.content.decode()
    assert body.startswith("<svg")
    assert "<script" not in body
    sees_draft = persona in {"chan", "secretariat", "admin"}
    assert ("SC67" in body) is sees_draft


def test_the_svg_endpoint_answers_a_known_etag_with_304_and_an_unknown_party_with_404(
    cambodia,
) -> None:
    _report(cambodia, 65, SC65)
    client = client_for(None)
    first = client.get("/parties/KH/ratings.svg")
    again = client.get("/parties/KH/ratings.svg", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get("/parties/ZZ/ratings.svg").status_code == 404


def test_an_unpublished_report_never_changes_what_anonymous_sees(cambodia, personas) -> None:
    _report(cambodia, 65, SC65)
    url = "/parties/KH/ratings.svg"
    before = client_for(None).get(url).content
    draft = _report(cambodia, 66, DRAFT_SC67, status="submitted")
    assert client_for(None).get(url).content == before
    assert client_for(personas["secretariat"]).get(url).content != before
    draft.status = "published"
    draft.save()
    assert client_for(None).get(url).content != before


def test_queries_stay_constant_as_meetings_grow(cambodia, personas) -> None:
    def count(user: Any) -> tuple[int, int]:
        if user is not None:
            user = type(user).objects.get(pk=user.pk)  # a fresh user: nothing cached on it
        client = client_for(user)
        with CaptureQueriesContext(connection) as rows:
            party_ratings_rows(user=user, party=cambodia)
        with CaptureQueriesContext(connection) as page:
            assert client.get("/parties/KH/ratings.svg").status_code == 200
        return len(rows), len(page)

    _report(cambodia, 65, SC65)
    small = {p: count(personas[p]) for p in ("anonymous", "chan", "secretariat")}
    for number in range(66, 72):
        _report(cambodia, number, SC66)
    _report(cambodia, 72, DRAFT_SC67, status="draft")
    large = {p: count(personas[p]) for p in ("anonymous", "chan", "secretariat")}
    assert large == small
    assert small["anonymous"] == (1, 2)


def test_the_include_shows_the_image_and_the_same_numbers_as_a_table(cambodia) -> None:
    _report(cambodia, 65, SC65)
    chart = party_ratings_chart(user=AnonymousUser(), party=cambodia, language="en")
    given = {"chart_id": "c", "heading": "H", "caption": "C", "rating_label": "Rating"}
    html = render_to_string(
        "includes/ratings_chart.html", {"chart": chart, "src": "/parties/KH/ratings.svg", **given}
    )
    assert 'src="/parties/KH/ratings.svg"' in html
    assert 'alt="Ratings of the actions by meeting. SC65: 3 On track, 1 Challenging."' in html
    assert "<details>" in html and "75%" in html and "25%" in html
    assert "style=" not in html and "<script" not in html
    gabon = PartyFactory.create(country="GA")
    chart = party_ratings_chart(user=AnonymousUser(), party=gabon, language="en")
    html = render_to_string("includes/ratings_chart.html", {"chart": chart, **given})
    assert html.strip() == ""


def test_an_exported_report_charts_public_reports_and_itself(cambodia) -> None:
    _report(cambodia, 65, SC65)
    _report(cambodia, 66, ["challenging"], status="draft")
    later = _report(cambodia, 69, ["achieved"])
    exported = _report(cambodia, 67, DRAFT_SC67, status="submitted")
    meetings = {row.meeting for row in report_document_rows(exported)}
    assert meetings == {"SC65", "SC67"}
    assert later.meeting.code not in meetings
    svg, png = chart_for_report_documents(exported)
    assert svg.startswith("<svg")
    assert png.startswith(b"\x89PNG")
