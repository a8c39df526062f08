"""The country dashboard's views: the Secretariat's ratings chart of a Party, and the Party's
report card as a page and as a printable A4 PDF. Each shows what the user may see, no more."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from tusk.core.chart_views import MAX_AGE, svg_response
from tusk.core.charts import svg_data_uri
from tusk.core.datacache import cached, scope_of
from tusk.core.pages_selectors import party_page_for_user
from tusk.core.selectors import party_get_for_user
from tusk.dashboards.country import (
    Card,
    Cell,
    Progress,
    card_build,
    party_columns,
    secretariat_counts,
)
from tusk.dashboards.country_charts import (
    latest_lines,
    latest_ratings_svg,
    secretariat_ratings_svg,
)
from tusk.documents.printing import pdf_from_template
from tusk.reports.choices import Rating


def cells_html(progress: Progress) -> None:
    """Write each history row's cells as HTML: a 60-action plan over ten meetings has 600
    cells, which the template language takes several times longer to draw. A cell is the
    Party's rating as a `.rating-<code>` badge and, where it differs, the Secretariat's in
    brackets; a dash is a report that does not rate the action. Only escaped rating names and
    codes go in."""
    labels = {code: escape(label) for code, label in Rating.choices}
    not_rated = escape(gettext("Not rated"))

    def badge(code: str | None, *, secretariat: bool = False) -> str:
        name = labels.get(code, not_rated) if code else not_rated
        if secretariat:
            return f'<span class="rating-{escape(code)} s">({name})</span>'
        return f'<span class="rating-{escape(code or "none")}">{name}</span>'

    def cell(found: Cell | None) -> str:
        if found is None:
            return '<td class="muted">–</td>'
        html = badge(found.party)
        if found.differs:
            html += " " + badge(found.secretariat, secretariat=True)
        return f"<td>{html}</td>"

    for row in [*progress.rows, *progress.dropped]:
        row.cells_html = mark_safe("".join(cell(c) for c in row.cells))  # noqa: S308


def _private(response: HttpResponse) -> HttpResponse:
    """What a dashboard shows depends on who asks and in which language: no shared cache."""
    patch_cache_control(response, private=True, max_age=MAX_AGE)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@require_GET
def party_secretariat_ratings_chart(request: HttpRequest, code: str) -> HttpResponse:
    """The Secretariat's ratings of a Party's actions by meeting, as SVG, from the assessments
    the user may read; 404 for an unknown Party."""
    party = party_get_for_user(user=request.user, code=code)
    rows = secretariat_counts(party_columns(user=request.user, party=party))
    language = translation.get_language() or "en"
    svg = secretariat_ratings_svg(rows, language, party_name=str(party.display_name))
    return svg_response(request, svg)


def _card_context(request: HttpRequest, code: str) -> dict[str, Any]:
    """The card of Party `code` as the user may see it, with its chart as a data URI; cached
    under the data version, per scope, language and day."""
    key = (code.upper(), scope_of(request.user), translation.get_language(), timezone.localdate())
    return cached("party-card", key, lambda: _card_compute(request, code))


def _card_compute(request: HttpRequest, code: str) -> dict[str, Any]:
    page = party_page_for_user(user=request.user, code=code)
    card: Card = card_build(user=request.user, page=page, today=timezone.localdate())
    language = translation.get_language() or "en"
    chart_src = ""
    secretariat = card.secretariat_counts if card.latest and card.latest.assessments_shown else None
    if card.latest is not None and card.party_counts:
        svg = latest_ratings_svg(
            card.party_counts, secretariat or [], language, meeting=card.latest.meeting.code
        )
        chart_src = svg_data_uri(svg)
    return {
        "card": card,
        "party": card.party,
        "progress": card.progress,
        "support": card.support,
        "chart_src": chart_src,
        "chart_lines": latest_lines(card.party_counts, secretariat, language),
        "today": timezone.localdate(),
    }


@require_GET
def party_card(request: HttpRequest, code: str) -> HttpResponse:
    """A Party's report card: where it stands, on one screen."""
    return _private(render(request, "dashboards/country_card.html", _card_context(request, code)))


@require_GET
def party_card_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """A Party's report card as an A4 PDF of one or two pages, in the user's language."""
    context = _card_context(request, code)
    language = translation.get_language() or "en"
    key = (code.upper(), scope_of(request.user), language, timezone.localdate())
    pdf = cached(
        "party-card-pdf",
        key,
        lambda: pdf_from_template("dashboards/print/country_card.html", context),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{context['party'].code}-report-card-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return _private(response)
