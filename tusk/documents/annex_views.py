"""The annex table's page and its downloads, for one meeting, in the user's language."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from tusk.core.datacache import cached, scope_of
from tusk.documents.annex import annex_for_user
from tusk.documents.annex_export import FORMATS, annex_export, annex_grid


def meeting_annex(request: HttpRequest, code: str) -> HttpResponse:
    """The annex table of meeting `code` as the user may see it, with its downloads."""
    language = translation.get_language()

    def compute() -> tuple[object, object, str]:
        annex = annex_for_user(user=request.user, code=code)
        grid = annex_grid(annex)
        rows = [(row, list(zip(row.cells, grid.columns, strict=False))) for row in grid.rows]
        table = render_to_string(
            "documents/annex_table.html", {"annex": annex, "grid": grid, "rows": rows}
        )
        return annex, grid, table

    # The table is the page's weight (thousands of cells): rendered once per data version.
    annex, grid, table = cached(
        "annex-page", (code.upper(), scope_of(request.user), language), compute
    )
    return render(
        request,
        "documents/annex.html",
        {"annex": annex, "grid": grid, "table": SafeString(table), "formats": list(FORMATS)},
    )


def meeting_annex_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The annex table of meeting `code` as a file: CSV, XLSX, DOCX or PDF."""
    if fmt not in FORMATS:
        raise Http404("No such format.")
    language = translation.get_language() or "en"
    content = annex_export(user=request.user, code=code, fmt=fmt, language=language)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    name = f"{code.upper().replace('COP', 'CoP')}-annex-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
