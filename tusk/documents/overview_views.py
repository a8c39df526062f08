"""The Secretariat's overview of a meeting: its page, where the recommendations are edited, and
its DOCX and PDF files. Open to the Secretariat and administrators only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from tusk.accounts.access import is_secretariat
from tusk.documents.overview import FORMATS, overview_export, overview_for_user
from tusk.documents.overview_services import recommendation_set

MAX_RECOMMENDATION = 5000


def _require_secretariat(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise PermissionDenied


def field_name(party_id: int) -> str:
    """The name of the text area of a Party's recommendation."""
    return f"recommendation-{party_id}"


@login_required
def meeting_overview(request: HttpRequest, code: str) -> HttpResponse:
    """The overview table of meeting `code`; a POST saves every recommendation changed."""
    _require_secretariat(request)
    overview = overview_for_user(user=request.user, code=code)
    if request.method == "POST":
        changed = 0
        for row in overview.rows:
            text = request.POST.get(field_name(row.party.pk))
            if text is None:
                continue
            text = text.replace("\r\n", "\n").strip()
            if len(text) > MAX_RECOMMENDATION:
                messages.error(
                    request,
                    _("The recommendation on {party} is too long; it was not saved.").format(
                        party=row.party.display_name
                    ),
                )
                continue
            if text == row.recommendation.strip():
                continue
            recommendation_set(
                meeting=overview.meeting, party=row.party, actor=request.user, text=text
            )
            changed += 1
        saved = _("Recommendations saved (changed: {count}).").format(count=changed)
        messages.success(request, saved)
        return redirect("meeting-overview", code=overview.meeting.code)
    if request.method != "GET":
        return HttpResponse(status=405)
    return render(
        request,
        "documents/overview.html",
        {
            "overview": overview,
            "formats": list(FORMATS),
            "rows": [(row, field_name(row.party.pk)) for row in overview.rows],
            "max_length": MAX_RECOMMENDATION,
        },
    )


@login_required
def meeting_overview_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The overview of meeting `code` as a DOCX or PDF file."""
    _require_secretariat(request)
    if fmt not in FORMATS:
        raise Http404("No such format.")
    language = translation.get_language() or "en"
    content = overview_export(user=request.user, code=code, fmt=fmt, language=language)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    name = f"{code.upper()}-overview-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
