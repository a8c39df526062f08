"""The report as a PDF: the print template rendered by WeasyPrint with `print.css`.

Headings are tagged (`pdf_tags`), so that a screen reader and the PDF reader of niapdoc see
the document's structure; the fonts are the system's DejaVu or Liberation, embedded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from tusk.documents.export import ReportContent


def print_context(content: ReportContent) -> dict[str, Any]:
    """What the print template shows, laid out as Parts B and C lay it out."""
    d = content.document
    scale = content.scale
    part_b = []
    for pillar in content.pillars:
        cells: list[list[str]] = [[] for _ in scale]
        for action in pillar.actions:
            for i, (code, _word) in enumerate(scale):
                if action.rating == code:
                    cells[i].append(content.action_label(action))
        part_b.append({"label": content.pillar_label(pillar), "cells": cells})
    part_c = [
        {
            "label": content.category_label(pillar),
            "lines": [
                {
                    "label": content.action_label(a),
                    "rating": content.rating_word(a.rating).upper(),
                    "progress": [" ".join(item.split()) for item in a.progress],
                }
                for a in pillar.actions
            ],
        }
        for pillar in content.pillars
    ]
    return {
        "c": content,
        "d": d,
        "labels": {
            key: content.label(key)
            for key in (
                "part_a",
                "progress_to_date",
                "future_outlook",
                "part_b",
                "category_pillar",
                "progress_rating",
                "part_c",
                "action",
                "evaluation",
                "summary",
            )
        },
        "party_line": content.label("party", party=d.party.upper()),
        "period_line": content.label("period", period=content.period),
        "prepared_by_line": content.label("prepared_by", who=d.prepared_by)
        if d.prepared_by
        else "",
        "scale": [{"code": code, "word": word} for code, word in scale],
        "part_b": part_b,
        "part_c": part_c,
        **_chart(content),
    }


def _chart(content: ReportContent) -> dict[str, str]:
    """The Party's ratings at each meeting: the page's Vega-Lite chart, as SVG."""
    if not content.chart:
        return {}
    from tusk.core.charts import (
        chart_for_report_documents,
        chart_summary,
        report_document_rows,
        svg_data_uri,
    )

    svg, _png = chart_for_report_documents(content.report)
    return {
        "chart_title": content.label("ratings_chart"),
        "chart_src": svg_data_uri(svg),
        "chart_alt": chart_summary(report_document_rows(content.report), content.language),
    }


def print_html(content: ReportContent) -> str:
    """The HTML that the PDF is printed from."""
    return render_to_string("documents/report_print.html", print_context(content))


def write_pdf(content: ReportContent) -> bytes:
    """The report as the bytes of a tagged A4 PDF."""
    import weasyprint

    stylesheet = finders.find("tusk/print.css")
    if not isinstance(stylesheet, str):
        raise RuntimeError("static/tusk/print.css is missing")
    document = weasyprint.HTML(string=print_html(content), base_url=str(Path(stylesheet).parent))
    pdf: bytes = document.write_pdf(
        stylesheets=[weasyprint.CSS(filename=stylesheet)], pdf_tags=True
    )
    return pdf
