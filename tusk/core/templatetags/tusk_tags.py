"""Small filters the pages share: the names of ratings and languages in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language_info

from tusk.reports.choices import Rating

register = template.Library()

_RATING_LABELS = dict(Rating.choices)


@register.filter
def rating_label(code: str | None) -> Any:
    """The name of a rating code in the active language; the code itself if it is unknown."""
    if not code:
        return ""
    return _RATING_LABELS.get(code, code)


@register.filter
def language_name(code: str | None) -> str:
    """The name of a language code in the active language ("fr" -> "French" or "français")."""
    if not code:
        return ""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@register.filter
def status_phrase(label: object) -> str:
    """A status inside a sentence: "Returned to the Party" reads "returned to the Party"."""
    from tusk.reports.choices import status_phrase as phrase

    return phrase(label)
