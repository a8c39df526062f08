"""Printing a template to PDF, shared by the documents Tusk writes (annex, overview)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation


def pdf_from_template(template: str, context: dict[str, Any]) -> bytes:
    """A PDF printed by WeasyPrint from a print template, in the active language."""
    # Imported on demand: WeasyPrint alone takes a second to load.
    from weasyprint import HTML

    html = render_to_string(template, {**context, "language": translation.get_language() or "en"})
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
