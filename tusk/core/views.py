"""Tusk's public pages: home, the Party list and a Party's page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tusk.core.charts import party_ratings_chart
from tusk.core.pages_selectors import home_for_user, party_page_for_user, party_rows_for_user

# Every NIAP Party fits on one page today (26); all 183 CITES Parties would take four.
PARTIES_PER_PAGE = 60


def home(request: HttpRequest) -> HttpResponse:
    """What Tusk is, a focal point's next deadline, and the way in to the Parties."""
    page = home_for_user(user=request.user, today=timezone.localdate())
    return render(request, "core/home.html", {"page": page})


def party_list(request: HttpRequest) -> HttpResponse:
    """Every Party in the NIAP process, by category, with its latest visible report."""
    page = Paginator(party_rows_for_user(user=request.user), PARTIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "core/party_list.html", {"rows": page.object_list, "page": page})


def party_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One Party: its categories, regions, current plan with ratings, and its reports."""
    page = party_page_for_user(user=request.user, code=code)
    chart = party_ratings_chart(user=request.user, party=page.party, language=get_language())
    return render(
        request,
        "core/party_detail.html",
        {"page": page, "party": page.party, "ratings_chart": chart},
    )
