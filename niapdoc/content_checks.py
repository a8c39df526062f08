"""The findings that a report's content alone shows, for a report edited after it was read.

When a focal point edits a draft in the browser there is no document any more, only its
content: what the document's layout showed (placeholders, Parts B and C disagreeing, a title
naming another meeting) was fixed or confirmed by the edit. What the content itself shows is
checked again here, with the same codes and messages as the document checks.
"""

from __future__ import annotations

from niapdoc import model
from niapdoc.checks import WARNING, is_guidance, quote_guidance, synopsis_counts
from niapdoc.scales import RATINGS, SCALES


def check_content(report: model.ProgressReport) -> list[model.Finding]:
    """Findings on a report's content: period, synopsis, missing ratings, template text."""
    findings: list[model.Finding] = []
    start, end = report.period_start, report.period_end
    if start is None or end is None:
        missing = "start" if start is None and end else "end" if end is None and start else "dates"
        findings.append(
            model.Finding(
                "period-incomplete", WARNING, None, None,
                f"The reporting period gives no {missing}: give the month and year it starts "
                "and ends.",
            )
        )  # fmt: skip
    for part in ("overview", "progress", "outlook"):
        for paragraph in getattr(report.synopsis, part).split("\n\n"):
            if paragraph.strip() and is_guidance(paragraph):
                findings.append(
                    model.Finding(
                        "template-text", WARNING, None, None,
                        f"Part A still holds the template's guidance text "
                        f"\"{quote_guidance(paragraph)}\": replace it with the Party's own words.",
                    )
                )  # fmt: skip
    text = "\n".join((report.synopsis.overview, report.synopsis.progress, report.synopsis.outlook))
    findings += synopsis_counts(text, report)
    words = ", ".join(RATINGS[c].en for c in SCALES[report.scale])
    for action in report.actions:
        if action.rating is None:
            findings.append(
                model.Finding(
                    "rating-missing", "error", action.code, None,
                    f"Action {action.code} has no rating: give it one of the scale's ratings "
                    f"({words}).",
                )
            )  # fmt: skip
        for item in action.progress:
            if is_guidance(item):
                findings.append(
                    model.Finding(
                        "template-text", WARNING, action.code, None,
                        f"Part C's progress summary for action {action.code} still holds the "
                        f"template's guidance text \"{quote_guidance(item)}\".",
                    )
                )  # fmt: skip
    return findings
