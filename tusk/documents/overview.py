"""The Secretariat's overview of a meeting: per Party due, where its report stands, its annex
row, where the Secretariat rates an action differently, and a recommendation to the Committee.

`overview_for_user` is the one read, in a fixed number of queries however many Parties are
due: the review queue (`queue_for_user`) says who is due and where each report stands, the
annex (`annex_for_user`) gives the shares, one query reads the actions of the reports and one
the stored recommendations.

The draft recommendation comes from `RULES`, a table of (condition, text) read top down; the
first condition that holds gives the text. A recommendation the Secretariat stored replaces
the draft on the page and in the DOCX and PDF files (`overview_docx`, `overview_pdf`).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from niapdoc import scales
from tusk.documents.annex import Annex, AnnexRow, annex_for_user, rating_label
from tusk.documents.annex_export import FORMATS as ANNEX_FORMATS
from tusk.documents.annex_export import _docx_cell, _docx_table_layout
from tusk.documents.models import Recommendation
from tusk.documents.printing import pdf_from_template
from tusk.reports.models import ActionProgress
from tusk.reports.review_selectors import (
    MISSING,
    QueueRow,
    meeting_with_reports_get,
    queue_for_user,
)

FORMATS: dict[str, str] = {fmt: ANNEX_FORMATS[fmt] for fmt in ("docx", "pdf")}

# The ratings that count as "achieved" on each scale: from CoP18 a plan is achieved when every
# action is; under the CoP17 rules (the four-level scale) "substantially achieved" sufficed.
ACHIEVED_RATINGS: dict[str, frozenset[str]] = {
    scales.NIAP6: frozenset({scales.ACHIEVED}),
    scales.NIAP4: frozenset({scales.SUBSTANTIALLY_ACHIEVED}),
}


def warning_days() -> int:
    """Days the Committee gives a Party without a report (about 60, unconfirmed: a setting)."""
    return int(getattr(settings, "TUSK_WARNING_DAYS", 60))


# --- the rules ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleFacts:
    """What the rules read of one Party: where its report stands and the rating of each action
    (the Secretariat's where it rated the action, else the Party's)."""

    state: str
    scale: str | None = None
    days_late: int | None = None
    ratings: tuple[str, ...] = ()

    @property
    def is_late(self) -> bool:
        """Whether the report reached the Secretariat after the due date."""
        return bool(self.days_late and self.days_late > 0)


def _no_report(facts: RuleFacts) -> bool:
    return facts.state == MISSING


def _plan_achieved(facts: RuleFacts) -> bool:
    achieved = ACHIEVED_RATINGS.get(facts.scale or "", frozenset())
    return bool(facts.ratings) and all(rating in achieved for rating in facts.ratings)


def _late(facts: RuleFacts) -> bool:
    return facts.is_late


def _otherwise(facts: RuleFacts) -> bool:
    return True


# Read top down; the first condition that holds gives the draft. {days} is filled in.
RULES: tuple[tuple[Callable[[RuleFacts], bool], Any], ...] = (
    (
        _no_report,
        gettext_lazy(
            "Warning under Step 4 of the NIAP process: submit the progress report within "
            "{days} days."
        ),
    ),
    (_plan_achieved, gettext_lazy("Plan achieved: the Party may exit the NIAP process.")),
    (
        _late,
        gettext_lazy(
            "The progress report was submitted late (days after the due date: {days}). "
            "Continue implementation and report on time to the next meeting."
        ),
    ),
    (_otherwise, gettext_lazy("Continue implementation and report to the next meeting.")),
)


def draft_recommendation(facts: RuleFacts) -> str:
    """The draft recommendation for a Party, in the active language, from `RULES`."""
    for condition, text in RULES:
        if condition(facts):
            days = warning_days() if condition is _no_report else facts.days_late
            return str(text).format(days=days)
    raise AssertionError("the last rule always holds")  # pragma: no cover


# --- the read -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Divergence:
    """An action the Secretariat rates differently from the Party, with its comment."""

    code: str
    title: str
    party_rating: str
    secretariat_rating: str
    comment: str

    @property
    def text(self) -> str:
        """The divergence in one line, labels in the active language."""
        language = translation.get_language() or "en"
        line = gettext("{code} {title}: Party {party}, Secretariat {secretariat}").format(
            code=self.code,
            title=self.title,
            party=rating_label(self.party_rating, language) if self.party_rating else "-",
            secretariat=rating_label(self.secretariat_rating, language),
        )
        return f"{line}. {self.comment}" if self.comment else line


@dataclass(frozen=True)
class OverviewRow:
    """One Party due for the meeting."""

    queue: QueueRow
    annex: AnnexRow | None
    annex_ratings: tuple[tuple[str, ...], ...]
    divergences: list[Divergence]
    draft: str
    stored: Recommendation | None = None

    @property
    def party(self) -> Any:
        """The Party."""
        return self.queue.party

    @property
    def category(self) -> str:
        """The category in force at the meeting, or an empty string."""
        return self.queue.category.category if self.queue.category else ""

    @property
    def recommendation(self) -> str:
        """The stored recommendation when there is one, else the draft."""
        if self.stored is not None and self.stored.text.strip():
            return self.stored.text
        return self.draft

    @property
    def is_edited(self) -> bool:
        """Whether the recommendation shown is the Secretariat's own text."""
        return self.recommendation != self.draft

    @property
    def status(self) -> str:
        """Where the report stands and whether it came on time, in words."""
        row = self.queue
        if row.state == MISSING:
            return gettext("Not submitted")
        label = str(row.state_label)
        if row.is_late:
            return gettext("{state}, late (days after the due date: {days})").format(
                state=label, days=row.days_late
            )
        if row.days_late is not None:
            return gettext("{state}, on time").format(state=label)
        return label

    @property
    def annex_lines(self) -> list[str]:
        """The Party's annex row, a line per meeting: the count of actions and each share, the
        Secretariat's in brackets where it differs."""
        if self.annex is None:
            return []
        language = translation.get_language() or "en"
        lines = []
        for column, ratings in zip(self.annex.columns, self.annex_ratings, strict=True):
            if column.blank:
                lines.append(gettext("{meeting}: no figures").format(meeting=column.meeting.code))
                continue
            shares = [
                f"{rating_label(code, language)} {column.cell(code)}"
                for code in ratings
                if column.cell(code) not in ("", "-")
            ]
            lines.append(
                gettext("{meeting}: actions {count}; {shares}").format(
                    meeting=column.meeting.code,
                    count=column.actions_cell,
                    shares=", ".join(shares) or "-",
                )
            )
        return lines


@dataclass(frozen=True)
class Overview:
    """The overview of one meeting: a row per Party due, in the queue's order."""

    meeting: Any
    annex: Annex
    rows: list[OverviewRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The document's title, in the active language."""
        return gettext("Overview of NIAP progress reports for {meeting}").format(
            meeting=self.meeting.code
        )


def _facts(row: QueueRow, ratings: list[tuple[str | None, str | None]]) -> RuleFacts:
    report = row.report
    return RuleFacts(
        state=row.state,
        scale=report.scale if report is not None else None,
        days_late=row.days_late,
        ratings=tuple(rating for own, theirs in ratings if (rating := theirs or own)),
    )


def overview_for_user(*, user: Any, code: str, today: datetime.date | None = None) -> Overview:
    """The overview of meeting `code` as `user` may see it (the views let in only the
    Secretariat). Http404 for an unknown meeting or one that takes no NIAP reports."""
    meeting = meeting_with_reports_get(code)
    queue = queue_for_user(user=user, meeting=meeting, today=today)
    annex = annex_for_user(user=user, code=code)
    annex_rows = {row.party.pk: row for row in annex.rows}

    report_ids = [row.report.pk for row in queue.rows if row.report is not None]
    ratings: dict[int, list[tuple[str | None, str | None]]] = {pk: [] for pk in report_ids}
    divergences: dict[int, list[Divergence]] = {pk: [] for pk in report_ids}
    for report_id, code_, title, own, theirs, comment in (
        ActionProgress.objects.filter(report_id__in=report_ids)
        .order_by("report_id", "order", "id")
        .values_list(
            "report_id", "code", "title", "rating", "assessment__rating", "assessment__comment"
        )
    ):
        ratings[report_id].append((own, theirs))
        if theirs and theirs != own:
            divergences[report_id].append(
                Divergence(
                    code=code_,
                    title=title,
                    party_rating=own or "",
                    secretariat_rating=theirs,
                    comment=comment or "",
                )
            )
    stored = {
        r.party_id: r
        for r in Recommendation.objects.filter(
            meeting=meeting, party_id__in=[row.party.pk for row in queue.rows]
        )
    }
    rows = []
    for row in queue.rows:
        pk = row.report.pk if row.report is not None else None
        rows.append(
            OverviewRow(
                queue=row,
                annex=annex_rows.get(row.party.pk),
                annex_ratings=annex.ratings,
                divergences=divergences.get(pk, []) if pk else [],
                draft=draft_recommendation(_facts(row, ratings.get(pk, []) if pk else [])),
                stored=stored.get(row.party.pk),
            )
        )
    return Overview(meeting=meeting, annex=annex, rows=rows)


# --- the files ------------------------------------------------------------------------------

# Column widths of the DOCX table in millimetres, 267 in all (A4 landscape, 15 mm margins).
DOCX_WIDTHS = (30, 18, 34, 62, 63, 60)


def _headers() -> list[str]:
    return [
        gettext("Party"),
        gettext("Category"),
        gettext("Report"),
        gettext("Annex table"),
        gettext("Divergences"),
        gettext("Recommendation"),
    ]


def _cells(row: OverviewRow) -> list[str]:
    return [
        row.party.display_name,
        row.category or "-",
        row.status,
        "\n".join(row.annex_lines) or "-",
        "\n".join(f"• {d.text}" for d in row.divergences) or "-",
        row.recommendation,
    ]


def overview_docx(overview: Overview) -> bytes:
    """A Word document, landscape A4: the title, then a table row per Party."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.add_heading(overview.title, level=1)
    if not overview.rows:
        document.add_paragraph(gettext("No Party is due for this meeting."))
    table = document.add_table(rows=1, cols=len(DOCX_WIDTHS))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, _headers(), strict=True):
        _docx_cell(cell, label, bold=True, left=True, size=8)
    _docx_table_layout(table)  # while the header is the only row: it repeats on every page
    for row in overview.rows:
        added = table.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a Party on one page
        cells = added.cells
        for index, (cell, text) in enumerate(zip(cells, _cells(row), strict=True)):
            _docx_cell(cell, text, bold=index == 0, left=True, size=8)
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = Mm(DOCX_WIDTHS[index])
        for cell in column.cells:
            cell.width = Mm(DOCX_WIDTHS[index])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def overview_pdf(overview: Overview) -> bytes:
    """A PDF, landscape A4, printed by WeasyPrint from `documents/overview_print.html`."""
    return pdf_from_template("documents/overview_print.html", {"overview": overview})


def overview_export(*, user: Any, code: str, fmt: str, language: str) -> bytes:
    """The overview of meeting `code` as `user` may see it, as DOCX or PDF, in `language`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    with translation.override(language):
        overview = overview_for_user(user=user, code=code)
        return overview_docx(overview) if fmt == "docx" else overview_pdf(overview)
