"""Tusk's public pages: home, the Party list and a Party's page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tusk.core.charts import party_ratings_chart
from tusk.core.datacache import cached, scope_of
from tusk.core.pages_selectors import home_for_user, party_page_for_user, party_rows_for_user
from tusk.dashboards.country import progress_build, secretariat_counts, support_build
from tusk.dashboards.country_charts import secretariat_chart
from tusk.dashboards.views_country import cells_html

# Every NIAP Party fits on one page today (26); all 183 CITES Parties would take four.
PARTIES_PER_PAGE = 60


def home(request: HttpRequest) -> HttpResponse:
    """What Tusk is, a focal point's next deadline, and the way in to the Parties."""
    page = home_for_user(user=request.user, today=timezone.localdate())
    return render(request, "core/home.html", {"page": page})


def party_list(request: HttpRequest) -> HttpResponse:
    """Every Party in the NIAP process, by category, with its latest visible report."""
    # The rows change with the data only: cached under the data version, per scope and language.
    rows = cached(
        "party-rows",
        (scope_of(request.user), get_language()),
        lambda: party_rows_for_user(user=request.user),
    )
    page = Paginator(rows, PARTIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/party_list.html", {"rows": page.object_list, "page": page})


def party_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One Party: its categories, regions, current plan with ratings, the ratings by meeting of
    the Party and of the Secretariat, each action's history, the stalled and overdue actions,
    its needs and support, and its reports."""
    language = get_language()
    today = timezone.localdate()

    def compute() -> dict[str, Any]:
        page = party_page_for_user(user=request.user, code=code)
        chart = party_ratings_chart(user=request.user, party=page.party, language=language)
        progress = progress_build(user=request.user, party=page.party, page=page, today=today)
        cells_html(progress)
        return {
            "page": page,
            "party": page.party,
            "ratings_chart": chart,
            "progress": progress,
            "secretariat_chart": secretariat_chart(
                secretariat_counts(progress.columns, progress.reported), language
            ),
            "support": support_build(party=page.party, today=today),
            "today": today,
        }

    # Everything on the page changes with the data only: cached under the data version.
    context = cached("party-page", (code.upper(), scope_of(request.user), language, today), compute)
    return render(request, "core/party_detail.html", context)
