"""The Secretariat's assessments in bulk: several ratings of one report saved at once, and a
CSV file of ratings read, previewed and applied all or nothing.

Every write goes through `reports.services` (`assessment_rate`, `report_start_review`), so the
rules of one rating (its scale, a reason for a change, the report's state) hold here too, and
each rating gets its own audit event; an import adds one event per report it touched.

The CSV file (`tusk import-assessment`, design.md) has a header row naming the columns
`party,meeting,action,rating,comment` and optionally `reason`, in any order. The Party is an
ISO code or a name, the meeting a code such as SC70, the action the code the report gives it,
the rating a code such as on_track or its name in English, French or Spanish. An empty
comment keeps the comment already given. A changed rating needs a reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from niapdoc.countries import code_for_name
from niapdoc.scales import in_scale, rating_from_words
from tusk.core.errors import ServiceError
from tusk.core.meetings import parse_meeting_code
from tusk.core.models import Meeting, Party
from tusk.core.services import audit_record
from tusk.reports.choices import Rating, ReportStatus, status_phrase
from tusk.reports.models import ActionProgress, Assessment, ProgressReport
from tusk.reports.services import assessment_rate, report_start_review

MAX_CSV_BYTES = 1024 * 1024
MAX_CSV_ROWS = 5000
REQUIRED_COLUMNS = ("party", "meeting", "action", "rating", "comment")
OPTIONAL_COLUMNS = ("reason",)
RATEABLE = frozenset({ReportStatus.SUBMITTED, ReportStatus.UNDER_REVIEW})

NEW = "new"
CHANGED = "changed"
UNCHANGED = "unchanged"
ERROR = "error"
OUTCOMES = (NEW, CHANGED, UNCHANGED, ERROR)
OUTCOME_LABELS = {
    NEW: gettext_lazy("New rating"),
    CHANGED: gettext_lazy("Changed"),
    UNCHANGED: gettext_lazy("Unchanged"),
    ERROR: gettext_lazy("Error"),
}


@dataclass(frozen=True)
class RatingEntry:
    """What the Secretariat says of one action: its rating, comment, and why it changed."""

    progress: ActionProgress
    rating: str | None
    comment: str
    reason: str = ""


@transaction.atomic
def assessments_record(
    *, report: ProgressReport, actor: Any, entries: Sequence[RatingEntry]
) -> int:
    """Save the Secretariat's ratings of several actions of one report, all or none.

    Rating a report that is only submitted takes it into review first, since rating it is
    reviewing it. Returns how many actions were saved.
    """
    if not entries:
        return 0
    if any(entry.progress.report_id != report.pk for entry in entries):
        raise ValueError("every entry must be an action of the report")
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.status == ReportStatus.SUBMITTED:
        report_start_review(report=locked, actor=actor)
    for entry in entries:
        assessment_rate(
            progress=entry.progress,
            actor=actor,
            rating=entry.rating,
            comment=entry.comment,
            reason=entry.reason,
        )
    return len(entries)


@dataclass
class ImportRow:
    """One data row of an assessment file: what it says, and what applying it would do.

    `number` is the row as a spreadsheet numbers it: the header is row 1.
    """

    number: int
    party_text: str
    meeting_text: str
    action_text: str
    rating_text: str
    comment: str
    reason: str
    outcome: str = ERROR
    message: str = ""
    party: Party | None = None
    meeting: Meeting | None = None
    report: ProgressReport | None = None
    progress: ActionProgress | None = None
    old_rating: str | None = None
    new_rating: str | None = None
    old_comment: str = ""

    @property
    def new_comment(self) -> str:
        """The comment the assessment will have: the file's, or the one it had if empty."""
        return self.comment or self.old_comment

    @property
    def comment_changes(self) -> bool:
        """Whether applying the row changes the comment."""
        return bool(self.comment) and self.comment != self.old_comment

    @property
    def rating_changes(self) -> bool:
        """Whether applying the row replaces a rating the Secretariat had already given."""
        return self.old_rating is not None and self.old_rating != self.new_rating

    @property
    def outcome_label(self) -> Any:
        """The outcome in words, in the active language."""
        return OUTCOME_LABELS[self.outcome]

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready values, for `--json`."""
        return {
            "row": self.number,
            "party": self.party.code if self.party else self.party_text,
            "meeting": self.meeting.code if self.meeting else self.meeting_text,
            "action": self.progress.code if self.progress else self.action_text,
            "outcome": self.outcome,
            "old_rating": self.old_rating,
            "new_rating": self.new_rating,
            "comment_changes": self.comment_changes,
            "message": self.message,
        }


@dataclass
class ImportPlan:
    """What an assessment file would change, row by row, before anything is stored.

    `problem` is set when the file as a whole cannot be read (encoding, header, size); the
    rows then are empty.
    """

    filename: str
    rows: list[ImportRow] = field(default_factory=list)
    problem: str = ""
    has_reason_column: bool = False

    @property
    def errors(self) -> list[ImportRow]:
        """The rows that cannot be applied."""
        return [row for row in self.rows if row.outcome == ERROR]

    @property
    def changes(self) -> list[ImportRow]:
        """The rows that would store something."""
        return [row for row in self.rows if row.outcome in {NEW, CHANGED}]

    @property
    def ok(self) -> bool:
        """Whether the file can be applied: readable, with rows, and no row in error."""
        return not self.problem and bool(self.rows) and not self.errors

    @property
    def counts(self) -> dict[str, int]:
        """How many rows have each outcome."""
        return {outcome: sum(1 for r in self.rows if r.outcome == outcome) for outcome in OUTCOMES}

    @property
    def digest(self) -> str:
        """A fingerprint of the changes and of what they replace.

        The confirmation carries the digest of the preview; if someone rated in between, the
        digests differ and the file is previewed again rather than applied blindly.
        """
        key = [
            [
                row.number,
                row.outcome,
                row.progress.pk if row.progress else None,
                row.old_rating,
                row.new_rating,
                row.old_comment,
                row.new_comment,
            ]
            for row in self.rows
        ]
        return hashlib.sha256(json.dumps(key).encode()).hexdigest()

    def first_problem(self) -> str:
        """The file's problem, or the first row in error with its row number, in one line."""
        if self.problem:
            return self.problem
        if not self.rows:
            return _("the file has a header but no row: add one row per rated action")
        first = self.errors[0]
        return _("row {number}: {message}").format(number=first.number, message=first.message)


class ImportRefused(ServiceError):
    """The file has errors: nothing was stored. `plan` says which rows and why."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(plan.first_problem())
        self.plan = plan


class ImportChanged(ServiceError):
    """The ratings changed since the file was previewed: nothing was stored."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(
            _(
                "The Secretariat's ratings changed since this file was previewed; nothing was "
                "stored. Check the new preview, then apply it again."
            )
        )
        self.plan = plan


def _decode(raw: bytes) -> str:
    """The text of a file saved as UTF-8 (with or without a byte order mark) or, as older
    spreadsheets save CSV, Windows-1252 or Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _delimiter(text: str) -> str:
    """Commas, unless the header uses semicolons or tabs (spreadsheets in French do)."""
    header = text.split("\n", 1)[0]
    if "," not in header:
        for candidate in (";", "\t"):
            if candidate in header:
                return candidate
    return ","


def _read_table(raw: bytes, plan: ImportPlan) -> list[ImportRow]:
    """The file's data rows, or none with `plan.problem` set."""
    if len(raw) > MAX_CSV_BYTES:
        plan.problem = _(
            "the file is {size} KB, over the limit of {limit} KB: split it into several files"
        ).format(size=len(raw) // 1024, limit=MAX_CSV_BYTES // 1024)
        return []
    text = _decode(raw)
    if not text.strip():
        plan.problem = _("the file is empty: its first row must name the columns {columns}").format(
            columns=",".join(REQUIRED_COLUMNS)
        )
        return []
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    except csv.Error as exc:
        plan.problem = _(
            "the file is not a readable CSV file ({error}): save it again as CSV"
        ).format(error=exc)
        return []
    header = [name.strip().lower() for name in table[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        plan.problem = _(
            "the first row must name the columns {columns}; it lacks {missing}"
        ).format(columns=",".join(REQUIRED_COLUMNS), missing=", ".join(missing))
        return []
    unknown = [name for name in header if name and name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        plan.problem = _(
            "unknown column {names}: the columns are {columns} and, if needed, reason"
        ).format(names=", ".join(unknown), columns=",".join(REQUIRED_COLUMNS))
        return []
    if len(table) - 1 > MAX_CSV_ROWS:
        plan.problem = _("the file has {count} rows, over the limit of {limit}: split it").format(
            count=len(table) - 1, limit=MAX_CSV_ROWS
        )
        return []
    plan.has_reason_column = "reason" in header
    position = {
        name: header.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in header
    }
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            index = position.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        rows.append(
            ImportRow(
                number=number,
                party_text=cell("party"),
                meeting_text=cell("meeting"),
                action_text=cell("action"),
                rating_text=cell("rating"),
                comment=cell("comment"),
                reason=cell("reason"),
            )
        )
    return rows


class _Lookup:
    """The Parties, meetings, reports and actions a file names, read in five queries."""

    def __init__(self, rows: list[ImportRow]) -> None:
        self.parties = list(Party.objects.all())
        self.by_code = {party.code: party for party in self.parties}
        self.by_name: dict[str, Party] = {}
        for party in self.parties:
            for name in (party.name, party.display_name):
                if name:
                    self.by_name.setdefault(name.casefold(), party)
        self.meetings = {(m.kind, m.number): m for m in Meeting.objects.all()}
        pairs = set()
        for row in rows:
            found_party, found_meeting = self.party(row.party_text), self.meeting(row.meeting_text)
            if found_party is not None and found_meeting is not None:
                pairs.add((found_party.pk, found_meeting.pk))
        # Filtered by Party and meeting apart, then paired here: an OR of many pairs would
        # grow the SQL with the file.
        candidates = ProgressReport.objects.filter(
            party_id__in={pair[0] for pair in pairs},
            meeting_id__in={pair[1] for pair in pairs},
            is_current=True,
        ).select_related("party", "meeting")
        self.reports = {
            (r.party_id, r.meeting_id): r for r in candidates if (r.party_id, r.meeting_id) in pairs
        }
        self.progress: dict[tuple[int, str], ActionProgress] = {}
        self.codes: dict[int, list[str]] = {}
        progress_list = (
            ActionProgress.objects.filter(report__in=list(self.reports.values()))
            .select_related("assessment")
            .order_by("report", "order", "id")
        )
        for progress in progress_list:
            self.progress[(progress.report_id, progress.code.casefold())] = progress
            self.codes.setdefault(progress.report_id, []).append(progress.code)

    def party(self, text: str) -> Party | None:
        if not text:
            return None
        found = self.by_code.get(text.upper()) or self.by_name.get(text.casefold())
        if found is None and len(text) > 2:
            code = code_for_name(text)
            found = self.by_code.get(code) if code else None
        return found

    def meeting(self, text: str) -> Meeting | None:
        parsed = parse_meeting_code(text)
        return self.meetings.get(parsed) if parsed else None


def _rating_code(text: str) -> str | None:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    if key in Rating.values:
        return key
    return rating_from_words(text)


def _scale_words(scale: str) -> str:
    return ", ".join(code for code, _label in Rating.of(scale))


def _resolve(row: ImportRow, lookup: _Lookup, seen: dict[int, int]) -> None:
    """Fill in what the row names and what it would change, or its error and how to fix it."""
    row.party = lookup.party(row.party_text)
    if row.party is None:
        row.message = (
            _("Unknown Party “{text}”: write its ISO code, such as KH, or its name.").format(
                text=row.party_text
            )
            if row.party_text
            else _("The Party is missing: write its ISO code, such as KH, or its name.")
        )
        return
    if parse_meeting_code(row.meeting_text) is None:
        row.message = _("“{text}” is not a meeting: write it as SC78.").format(
            text=row.meeting_text
        )
        return
    row.meeting = lookup.meeting(row.meeting_text)
    if row.meeting is None:
        row.message = _("There is no meeting {text} in Tusk: check the number.").format(
            text=row.meeting_text.upper().replace(" ", "")
        )
        return
    names = {"party": row.party.display_name, "meeting": row.meeting.code}
    report = lookup.reports.get((row.party.pk, row.meeting.pk))
    if report is None or report.status == ReportStatus.DRAFT:
        row.message = _(
            "{party} has no submitted report for {meeting}: check the Party and the meeting; "
            "a report can be rated once its Party has submitted it."
        ).format(**names)
        return
    row.report = report
    if report.status == ReportStatus.RETURNED:
        row.message = _(
            "The report of {party} for {meeting} was returned to the Party: rate the revision "
            "it sends back."
        ).format(**names)
        return
    if report.status not in RATEABLE:
        row.message = _(
            "The report of {party} for {meeting} is {status}: its ratings can no longer change."
        ).format(status=status_phrase(report.get_status_display()), **names)
        return
    if not row.action_text:
        row.message = _(
            "The action is missing: write its code as the report gives it, such as 1.2."
        )
        return
    row.progress = lookup.progress.get((report.pk, row.action_text.casefold()))
    if row.progress is None:
        codes = lookup.codes.get(report.pk, [])
        listed = ", ".join(codes[:15]) + (", …" if len(codes) > 15 else "")
        row.message = _(
            "The report of {party} for {meeting} has no action “{code}”: its actions are {codes}."
        ).format(code=row.action_text, codes=listed or "—", **names)
        return
    if row.progress.pk in seen:
        row.message = _(
            "Action {code} of {party} for {meeting} is already rated in row {first}: keep one "
            "of the two rows."
        ).format(code=row.progress.code, first=seen[row.progress.pk], **names)
        return
    seen[row.progress.pk] = row.number
    _resolve_rating(row, report)


def _resolve_rating(row: ImportRow, report: ProgressReport) -> None:
    assert row.progress is not None
    if not row.rating_text:
        row.message = _(
            "The rating is missing: write one of {choices}, or the rating's name."
        ).format(choices=_scale_words(report.scale))
        return
    code = _rating_code(row.rating_text)
    if code is None:
        row.message = _(
            "“{text}” is not a rating: write one of {choices}, or the rating's name in English, "
            "French or Spanish."
        ).format(text=row.rating_text, choices=_scale_words(report.scale))
        return
    if not in_scale(code, report.scale):
        row.message = _(
            "{rating} is not a rating of this report's scale: use one of {choices}."
        ).format(rating=code, choices=_scale_words(report.scale))
        return
    try:
        assessment: Assessment | None = row.progress.assessment
    except Assessment.DoesNotExist:
        assessment = None
    row.old_rating = assessment.rating if assessment else None
    row.old_comment = assessment.comment if assessment else ""
    row.new_rating = code
    if row.rating_changes and not row.reason:
        row.message = _(
            "This changes the Secretariat's rating from {old} to {new}: say why in the reason "
            "column."
        ).format(old=row.old_rating, new=code)
        return
    if row.old_rating is None:
        row.outcome = NEW
    elif row.rating_changes or row.comment_changes:
        row.outcome = CHANGED
    else:
        row.outcome = UNCHANGED


def assessment_import_plan(*, raw: bytes, filename: str) -> ImportPlan:
    """Read an assessment file and say, row by row, what applying it would change; store
    nothing. Seven queries whatever the number of rows."""
    plan = ImportPlan(filename=filename)
    plan.rows = _read_table(raw, plan)
    if plan.rows:
        lookup = _Lookup(plan.rows)
        seen: dict[int, int] = {}
        for row in plan.rows:
            _resolve(row, lookup, seen)
    return plan


@transaction.atomic
def assessment_import_apply(
    *, raw: bytes, filename: str, actor: Any, expected_digest: str | None = None
) -> ImportPlan:
    """Apply an assessment file all or nothing, and return what it changed.

    Refuses a file with any error (`ImportRefused`) and, given the digest of the preview the
    user confirmed, a file whose changes are no longer those (`ImportChanged`). Reports that
    were only submitted are taken into review. Each rating is stored by `assessment_rate`;
    each report touched gets an "assessment.import" audit event naming the file.
    """
    plan = assessment_import_plan(raw=raw, filename=filename)
    if not plan.ok:
        raise ImportRefused(plan)
    if expected_digest is not None and expected_digest != plan.digest:
        raise ImportChanged(plan)
    touched: dict[int, list[ImportRow]] = {}
    for row in plan.changes:
        assert row.report is not None and row.progress is not None
        if row.report.pk not in touched and row.report.status == ReportStatus.SUBMITTED:
            report_start_review(report=row.report, actor=actor)
        touched.setdefault(row.report.pk, []).append(row)
        assessment_rate(
            progress=row.progress,
            actor=actor,
            rating=row.new_rating,
            comment=row.new_comment,
            reason=row.reason,
        )
    for rows in touched.values():
        report = rows[0].report
        assert report is not None
        audit_record(
            actor=actor,
            verb="assessment.import",
            target=report,
            after={
                "file": filename,
                "rows": [row.number for row in rows],
                "new": sum(1 for row in rows if row.outcome == NEW),
                "changed": sum(1 for row in rows if row.outcome == CHANGED),
            },
            reason=_("imported from {file}").format(file=filename),
            party=report.party,
        )
    return plan
