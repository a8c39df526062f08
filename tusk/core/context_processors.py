"""What every page needs to draw its header."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def tusk(request: HttpRequest) -> dict[str, Any]:
    """The languages for the switcher."""
    return {"tusk_languages": settings.LANGUAGES}
