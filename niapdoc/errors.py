"""The one error a reader raises: a message a person can act on, never a traceback."""

from __future__ import annotations


class ReportError(Exception):
    """Input that cannot be read as a progress report; `str()` says what is wrong and the fix."""
