"""Choices of the reports app: the rating scales, the workflow and the findings.

The rating codes and their scales come from niapdoc.scales, so the reader, the database and
the exports can never disagree about what a scale holds.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from niapdoc import scales


class Scale(models.TextChoices):
    """The rating scale a report (and every rating in it) uses."""

    NIAP4 = scales.NIAP4, _("Four-level scale (SC65–SC67)")
    NIAP6 = scales.NIAP6, _("Six-level scale (from SC69)")


class Rating(models.TextChoices):
    """Every rating code of both scales; `Rating.of(scale)` gives one scale's, best first."""

    ACHIEVED = scales.ACHIEVED, _("Achieved")
    SUBSTANTIALLY_ACHIEVED = scales.SUBSTANTIALLY_ACHIEVED, _("Substantially achieved")
    ON_TRACK = scales.ON_TRACK, _("On track")
    PARTIAL_PROGRESS = scales.PARTIAL_PROGRESS, _("Partial progress")
    PENDING_OTHER_ACTION = scales.PENDING_OTHER_ACTION, _("Pending completion of another action")
    NOT_COMMENCED = scales.NOT_COMMENCED, _("Not commenced")
    CHALLENGING = scales.CHALLENGING, _("Challenging")
    UNCLEAR = scales.UNCLEAR, _("Unclear")

    @classmethod
    def of(cls, scale: str) -> list[tuple[str, Any]]:
        """The (code, label) choices of one scale, best first, for a form or a table header."""
        labels = dict(cls.choices)
        return [(code, labels[code]) for code in scales.ratings_of(scale)]


class ReportStatus(models.TextChoices):
    """A progress report's place in the workflow; all but a draft are frozen."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    RETURNED = "returned", _("Returned to the Party")
    ASSESSED = "assessed", _("Assessed")
    PUBLISHED = "published", _("Published")


def status_phrase(label: object) -> str:
    """A status label inside a sentence: "Returned to the Party" -> "returned to the Party"."""
    text = str(label)
    return text[:1].lower() + text[1:]


# Which moves the workflow allows; a returned report is revised into a new draft instead.
TRANSITIONS: dict[str, frozenset[str]] = {
    ReportStatus.DRAFT: frozenset({ReportStatus.SUBMITTED}),
    ReportStatus.SUBMITTED: frozenset({ReportStatus.UNDER_REVIEW, ReportStatus.RETURNED}),
    ReportStatus.UNDER_REVIEW: frozenset({ReportStatus.ASSESSED, ReportStatus.RETURNED}),
    ReportStatus.ASSESSED: frozenset({ReportStatus.PUBLISHED, ReportStatus.RETURNED}),
    ReportStatus.RETURNED: frozenset(),
    ReportStatus.PUBLISHED: frozenset(),
}


class SourceKind(models.TextChoices):
    """What kind of document a report was read from."""

    TEXT = "text", _("Converted text")
    DOCX = "docx", _("Word document")
    PDF = "pdf", _("PDF")
    JSON = "json", _("Interchange JSON")
    WEB = "web", _("Written in Tusk")
    DEMO = "demo", _("Generated demo data")


class Severity(models.TextChoices):
    """How much a finding matters: an error changes a compiled number."""

    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")
    INFO = "info", _("Information")


class FindingCode(models.TextChoices):
    """The stable codes of the quality findings (shared/spec/progress-report.md)."""

    RATING_PLACEHOLDER = "rating-placeholder", _("Rating left as a placeholder")
    RATING_MISSING = "rating-missing", _("Rating missing")
    RATING_UNKNOWN = "rating-unknown", _("Rating not on the scale")
    RATING_MISMATCH = "rating-mismatch", _("Parts B and C disagree")
    ACTION_MISSING = "action-missing", _("Action in one part only")
    ACTION_DUPLICATE = "action-duplicate", _("Action listed twice")
    TEMPLATE_TEXT = "template-text", _("Template guidance left in")
    NAME_PLACEHOLDER = "name-placeholder", _("Pillar name left as a placeholder")
    SYNOPSIS_COUNT_MISMATCH = "synopsis-count-mismatch", _("Synopsis counts differ")
    MEETING_CONFLICT = "meeting-conflict", _("Title and 'Prepared for' disagree")
    PERIOD_INCOMPLETE = "period-incomplete", _("Reporting period incomplete")
