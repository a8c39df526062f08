"""Charts served as SVG images, so that a page shows them with an `<img>` and no script."""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from tusk.core.charts import party_ratings_rows, ratings_over_meetings_spec, render_svg
from tusk.core.selectors import party_get_for_user

# Vega's SVG carries its own presentation attributes; it never needs script or anything fetched.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
MAX_AGE = 300


@require_GET
def party_ratings_chart(request: HttpRequest, code: str) -> HttpResponse:
    """A Party's ratings over meetings as SVG, from the reports the user may see; 404 for an
    unknown Party."""
    party = party_get_for_user(user=request.user, code=code)
    rows = party_ratings_rows(user=request.user, party=party)
    spec = ratings_over_meetings_spec(rows, get_language(), party_name=str(party.display_name))
    return svg_response(request, render_svg(spec))


def svg_response(request: HttpRequest, svg: str, *, public: bool = False) -> HttpResponse:
    """An SVG chart as an image response: a validator (304 when the browser has it), no script
    or fetch allowed, and a short cache that varies by user and language. `public` only for a
    chart that shows the same to everyone (in one language)."""
    etag = f'"{hashlib.sha256(svg.encode()).hexdigest()[:32]}"'
    response: HttpResponse
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["ETag"] = etag
    response["Content-Security-Policy"] = SVG_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    else:
        # What it shows depends on who asks: never in a shared cache.
        patch_cache_control(response, private=True, max_age=MAX_AGE)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response
