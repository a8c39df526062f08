"""Open data: the public part of Tusk as tables (CSV and JSON), interchange files and a README.

Every table is built from a queryset that can only hold public data: published progress reports
and their ratings and assessments, plans other than drafts, and the reference data, needs and
support that everyone may read (design.md, Roles). Each table is read with one query, row by
row, so the export costs the same number of queries whatever the size of the data. Demo rows
are kept, with an `is_demo` column, so that users can filter them out.

The same writer serves `tusk export-data` (a folder), the open-data page (one table streamed)
and the zip download (the whole set in memory).
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from niapdoc import model as doc
from niapdoc.errors import ReportError
from tusk.core.models import Meeting, Party, PartyCategory
from tusk.documents.export import interchange_source
from tusk.plans.choices import PlanStatus
from tusk.plans.models import Action, Pillar, Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.drafting import report_as_document
from tusk.reports.models import ActionProgress, ProgressReport
from tusk.support.models import Need, Support

FORMATS = ("csv", "json")
ZIP_NAME = "tusk-open-data.zip"
DICTIONARY = "data-dictionary"
LICENCE = "to be set by the Secretariat"
CHUNK_SIZE = 2000

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column of a table as the data dictionary describes it (in English).

    `source` is the lookup read from the database (the column's own name if empty);
    `compute` derives the value from the looked-up row instead, reading `needs`.
    """

    name: str
    type: str
    meaning: str
    source: str = ""
    compute: Callable[[Row], Any] | None = field(default=None, compare=False)
    needs: tuple[str, ...] = ()

    @property
    def lookups(self) -> tuple[str, ...]:
        """What the column reads from the database."""
        return self.needs if self.compute else (self.source or self.name,)

    def value(self, row: Row) -> Any:
        """The column's value in a row of `.values()`."""
        return self.compute(row) if self.compute else row[self.source or self.name]


@dataclass(frozen=True)
class Table:
    """A table of the open data: its file name, what it holds, its columns and where from.

    `queryset` gives the only rows the table may hold; `rows`, when set, generates them
    without the database instead (the data dictionary).
    """

    name: str
    title: Promise
    description: Promise
    columns: tuple[Column, ...]
    queryset: Callable[[], QuerySet[Any]] | None = field(default=None, compare=False)
    order: tuple[str, ...] = ("id",)
    rows: Callable[[], Iterator[Row]] | None = field(default=None, compare=False)

    @property
    def header(self) -> list[str]:
        """The column names, in the order of the files."""
        return [c.name for c in self.columns]

    def read(self) -> Iterator[Row]:
        """The table's rows, read in one query and streamed."""
        if self.rows is not None:
            yield from self.rows()
            return
        assert self.queryset is not None
        lookups = dict.fromkeys(lookup for c in self.columns for lookup in c.lookups)
        values = self.queryset().order_by(*self.order).values(*lookups)
        for row in values.iterator(CHUNK_SIZE):
            yield {c.name: c.value(row) for c in self.columns}


# The querysets below are the only way data reaches the open data: each holds public rows only.


def published_reports() -> QuerySet[ProgressReport]:
    """Every published revision of a progress report, and nothing else."""
    return ProgressReport.objects.filter(status=ReportStatus.PUBLISHED)


def public_plans() -> QuerySet[Plan]:
    """Every plan version except drafts, which are the Party's work in progress."""
    return Plan.objects.exclude(status=PlanStatus.DRAFT)


def public_actions() -> QuerySet[Action]:
    """The actions of the plans that are not drafts."""
    return Action.objects.filter(plan__in=public_plans())


def published_progress() -> QuerySet[ActionProgress]:
    """Every action of a published report, with the Secretariat's assessment of it."""
    return ActionProgress.objects.filter(report__in=published_reports())


def _meeting_code(kind: str | None, number: int | None) -> str | None:
    return f"{kind}{number}" if kind and number is not None else None


def _report_file(meeting: str | None, party: str, revision: int) -> str:
    return f"reports/{meeting}-{party}-r{revision}.json"


def _meeting_column(prefix: str) -> Column:
    return Column(
        "meeting",
        "text",
        "The meeting's code, such as SC66 (see meetings).",
        compute=lambda r: _meeting_code(r[f"{prefix}kind"], r[f"{prefix}number"]),
        needs=(f"{prefix}kind", f"{prefix}number"),
    )


def _due(row: Row) -> datetime.date | None:
    if row["report_due"]:
        report_due: datetime.date = row["report_due"]
        return report_due
    start: datetime.date | None = row["start_date"]
    return start - datetime.timedelta(days=settings.TUSK_REPORT_DUE_DAYS) if start else None


def _interchange(row: Row) -> str:
    meeting = _meeting_code(row["meeting__kind"], row["meeting__number"])
    return _report_file(meeting, row["party__country"], row["revision"])


def _party(source: str = "party__country") -> Column:
    return Column("party_code", "text", "The Party's ISO 3166-1 alpha-2 code.", source)


def _demo(source: str = "") -> Column:
    return Column("is_demo", "boolean", "True for generated demonstration rows.", source)


def _id(what: str) -> Column:
    return Column("id", "integer", f"Tusk's identifier of the {what}.")


def _text(name: str, meaning: str, source: str = "") -> Column:
    return Column(name, "text", meaning, source)


def _blank_as_none(source: str) -> Callable[[Row], Any]:
    return lambda r: r[source] or None


AMOUNT = Column("amount", "decimal", "The amount, in the currency of the next column.")
CURRENCY = _text("currency", "ISO 4217 currency code of the amount.")
CREATED = Column("created_at", "datetime", "When the row was recorded in Tusk (UTC).")

TABLES: tuple[Table, ...] = (
    Table(
        "parties",
        _("Parties"),
        _("Every Party (or territory) in Tusk, its trade role and its stage in the NIAP process."),
        (
            _text("code", "ISO 3166-1 alpha-2 code of the country or territory.", "country"),
            Column(
                "name",
                "text",
                "The name Tusk shows: the stored name, else the English ISO name.",
                compute=lambda r: r["name"] or str(countries.name(r["country"])),
                needs=("name", "country"),
            ),
            Column(
                "iso_name",
                "text",
                "The English ISO 3166 name.",
                compute=lambda r: str(countries.name(r["country"])),
                needs=("country",),
            ),
            _text("trade_role", "source, transit, destination or a mix; may be empty."),
            _text("stage", "Stage in the process: developing, adequate, implementing, ..."),
            Column("in_niap_process", "boolean", "Whether the Party takes part in the process."),
            _demo(),
        ),
        lambda: Party.objects.all(),
        ("country",),
    ),
    Table(
        "categories",
        _("NIAP categories"),
        _("Each Party's NIAP category (A, B or C) in each ETIS analysis cycle."),
        (
            _party(),
            _text("cycle", "The CoP whose ETIS analysis set the category: CoP19."),
            _text("category", "The NIAP category: A, B or C."),
            _text("source", "The document that set the category."),
            _demo(),
        ),
        lambda: PartyCategory.objects.all(),
        ("party__country", "cycle"),
    ),
    Table(
        "meetings",
        _("Meetings"),
        _("Standing Committee meetings and Conferences of the Parties, and report due dates."),
        (
            Column(
                "code",
                "text",
                "The short name reports use: SC66, CoP19.",
                compute=lambda r: _meeting_code(r["kind"], r["number"]),
                needs=("kind", "number"),
            ),
            _text("kind", "SC (Standing Committee) or CoP (Conference of the Parties)."),
            Column("number", "integer", "The meeting's number."),
            Column("start_date", "date", "First day of the meeting."),
            Column("end_date", "date", "Last day of the meeting."),
            _text("place", "Where the meeting is held."),
            Column("takes_niap_reports", "boolean", "Whether NIAP progress reports go to it."),
            Column(
                "report_due",
                "date",
                "When progress reports are due.",
                compute=_due,
                needs=("report_due", "start_date"),
            ),
            _demo(),
        ),
        lambda: Meeting.objects.all(),
        ("start_date", "kind", "number"),
    ),
    Table(
        "plans",
        _("Plans"),
        _("Every version of each Party's National Ivory Action Plan, except drafts."),
        (
            _id("plan version"),
            _party(),
            Column("version", "integer", "The version number; a revision is a new version."),
            _text("title", "The plan's title."),
            _text("status", "adequate, or superseded by a revision."),
            Column("adopted", "date", "When the Party adopted this version."),
            _demo(),
        ),
        public_plans,
        ("party__country", "version"),
    ),
    Table(
        "actions",
        _("Plan actions"),
        _("The actions of those plans, with their pillar, lead agency and timeframe."),
        (
            _id("action"),
            Column("plan_id", "integer", "The plan it belongs to (plans.id)."),
            _party("plan__party__country"),
            Column("plan_version", "integer", "The version of that plan.", "plan__version"),
            _text("pillar", "The pillar's number as the plan gives it.", "pillar__number"),
            _text("pillar_name", "The pillar's name as the plan gives it.", "pillar__name"),
            Column(
                "standard_pillar",
                "text",
                "The standard NIAP pillar it maps to: legislation, enforcement, ...",
                compute=_blank_as_none("pillar__standard"),
                needs=("pillar__standard",),
            ),
            _text("code", "The action's code in the plan: 1.2."),
            _text("title", "What the action is."),
            Column("flagged", "boolean", "Marked with an asterisk in the plan."),
            _text("lead_agency", "The agency that leads it."),
            _text("timeframe", "When it is to be done, as the plan says."),
            _text("milestones", "Its milestones."),
            _text("indicators", "Its indicators of progress."),
            Column("replaces_id", "integer", "The action of an earlier version it carries on."),
            _demo("plan__is_demo"),
        ),
        public_actions,
        ("plan_id", "order", "id"),
    ),
    Table(
        "reports",
        _("Progress reports"),
        _("Every published progress report, with its period, scale and synopsis."),
        (
            _id("report revision"),
            _party(),
            _meeting_column("meeting__"),
            Column("revision", "integer", "The revision: 1 unless the report was revised."),
            Column("is_current", "boolean", "Whether this is the current revision."),
            Column("plan_id", "integer", "The plan version reported on (plans.id)."),
            Column("plan_version", "integer", "The version of that plan.", "plan__version"),
            _text("scale", "The rating scale: niap4 (SC65-SC67) or niap6 (from SC69)."),
            _text("language", "The report's language: en, fr or es."),
            _text("period_start", "Start of the period reported on, as written."),
            _text("period_end", "End of the period reported on, as written."),
            _text("prepared_by", "Who prepared the report."),
            _text("synopsis_overview", "Part A: overview."),
            _text("synopsis_progress", "Part A: progress to date."),
            _text("synopsis_outlook", "Part A: future outlook."),
            _text("source_kind", "What it was read from: docx, pdf, text, json, web, demo."),
            Column("submitted_at", "datetime", "When the Party submitted it (UTC)."),
            Column("published_at", "datetime", "When the Secretariat published it (UTC)."),
            Column(
                "interchange_file",
                "text",
                "The report in the tusk.progress-report.v1 format, in this data set.",
                compute=_interchange,
                needs=("meeting__kind", "meeting__number", "party__country", "revision"),
            ),
            _demo(),
        ),
        published_reports,
    ),
    Table(
        "ratings",
        _("Ratings"),
        _("One row per action of a published report: the Party's and the Secretariat's ratings."),
        (
            Column("report_id", "integer", "The report (reports.id)."),
            _party("report__party__country"),
            _meeting_column("report__meeting__"),
            _text("scale", "The report's rating scale.", "report__scale"),
            _text("action_code", "The action's code as reported.", "code"),
            _text("pillar", "The pillar's number as reported."),
            Column(
                "standard_pillar",
                "text",
                "The standard NIAP pillar, when the action is linked to the plan.",
                compute=_blank_as_none("action__pillar__standard"),
                needs=("action__pillar__standard",),
            ),
            Column("flagged", "boolean", "Marked with an asterisk in the report."),
            _text("party_rating", "The Party's own rating of its progress.", "rating"),
            _text("secretariat_rating", "The Secretariat's rating.", "assessment__rating"),
            _text("secretariat_comment", "The Secretariat's comment.", "assessment__comment"),
            _demo("report__is_demo"),
        ),
        published_progress,
        ("report_id", "order", "id"),
    ),
    Table(
        "needs",
        _("Needs"),
        _("What the Parties' actions still need: funding, technical assistance, equipment, ..."),
        (
            _id("need"),
            _party(),
            Column("action_id", "integer", "The action in need, if one (actions.id)."),
            _text("action_code", "That action's code.", "action__code"),
            _text("kind", "funding, technical_assistance, equipment, training, legal_drafting."),
            _text("description", "What is needed."),
            AMOUNT,
            CURRENCY,
            Column("needed_by", "date", "When it is needed."),
            _text("status", "open, partly_met, met or withdrawn."),
            CREATED,
            _demo(),
        ),
        lambda: Need.objects.all(),
    ),
    Table(
        "support",
        _("Support"),
        _("Partners' pledges, commitments and disbursements to Parties, needs and actions."),
        (
            _id("support"),
            _text("partner", "The partner organisation's name.", "partner__name"),
            _text("partner_acronym", "Its acronym.", "partner__acronym"),
            _text(
                "partner_kind", "government, multilateral, ngo, foundation, ...", "partner__kind"
            ),
            _party(),
            Column("need_id", "integer", "The need it answers, if one (needs.id)."),
            Column("action_id", "integer", "The action it supports, if one (actions.id)."),
            _text("action_code", "That action's code.", "action__code"),
            _text("stage", "pledged, committed or disbursed."),
            _text("role", "The partner's role: funding or implementing."),
            _text("description", "What the support is."),
            AMOUNT,
            CURRENCY,
            Column("date", "date", "When it was pledged, committed or disbursed."),
            CREATED,
            _demo(),
        ),
        lambda: Support.objects.all(),
    ),
)


def _dictionary_rows() -> Iterator[Row]:
    for table in TABLES:
        for column in table.columns:
            yield {
                "table": table.name,
                "column": column.name,
                "type": column.type,
                "meaning": column.meaning,
            }


DICTIONARY_TABLE = Table(
    DICTIONARY,
    _("Data dictionary"),
    _("Every column of every table, with its type and meaning."),
    (
        _text("table", "The table: its file name without the extension."),
        _text("column", "The column's name."),
        _text("type", "text, integer, decimal, boolean, date or datetime."),
        _text("meaning", "What the column holds."),
    ),
    rows=_dictionary_rows,
)

ALL_TABLES: dict[str, Table] = {t.name: t for t in (*TABLES, DICTIONARY_TABLE)}


def table_rows(table: Table) -> Iterator[Row]:
    """The rows of `table`, names in English whatever language the request speaks."""
    with translation.override("en"):
        yield from table.read()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal):
        return str(value)
    return str(_plain(value))


class _Line:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, text: str) -> str:
        return text


class Encoder:
    """Turns a table's rows into the text of a CSV or JSON file, piece by piece."""

    def __init__(self, table: Table, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.table, self.fmt, self.count = table, fmt, 0
        self._csv = csv.writer(_Line())

    def head(self) -> str:
        """The opening of the file: the header line, or the JSON array's bracket."""
        return self._csv.writerow(self.table.header) if self.fmt == "csv" else "["

    def row(self, row: Row) -> str:
        """One row; a row whose keys differ from the table's columns is a bug, and raises."""
        if self.count == 0 and list(row) != self.table.header:
            raise ValueError(f"{self.table.name}: the rows do not match the data dictionary")
        first, self.count = self.count == 0, self.count + 1
        if self.fmt == "csv":
            return str(self._csv.writerow([_cell(row[name]) for name in self.table.header]))
        item = {name: _plain(row[name]) for name in self.table.header}
        return ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False)

    def tail(self) -> str:
        """The end of the file."""
        return "" if self.fmt == "csv" else "\n]\n"


def table_chunks(table: Table, fmt: str) -> Iterator[str]:
    """The text of one table's file, for a streamed download."""
    encoder = Encoder(table, fmt)
    yield encoder.head()
    for row in table_rows(table):
        yield encoder.row(row)
    yield encoder.tail()


class Sink(Protocol):
    """Where an export writes its files: a folder or a zip archive."""

    def open(self, name: str) -> Any:
        """A context manager giving a text handle on the file `name` (a relative path)."""


class FolderSink:
    """Writes the files into a folder, creating subfolders as needed."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @contextmanager
    def open(self, name: str) -> Iterator[IO[str]]:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle


class ZipSink:
    """Writes the files into an open zip archive.

    A zip takes one file at a time, and a table is written in both formats at once, so each
    file is gathered in memory and added when it is complete; the archive is in memory anyway.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    @contextmanager
    def open(self, name: str) -> Iterator[IO[str]]:
        buffer = io.StringIO(newline="")
        yield buffer
        self.archive.writestr(name, buffer.getvalue().encode("utf-8"))


@dataclass
class ExportSummary:
    """What an export wrote: rows per table, the report files, and reports left out."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    report_files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _write_table(sink: Sink, table: Table, formats: Iterable[str]) -> tuple[int, list[str]]:
    """Write one table in each format from a single pass over its rows (one query)."""
    names = [f"{table.name}.{fmt}" for fmt in formats]
    encoders = [Encoder(table, fmt) for fmt in formats]
    count = 0
    with _open_all(sink, names) as handles:
        for encoder, handle in zip(encoders, handles, strict=True):
            handle.write(encoder.head())
        for row in table_rows(table):
            count += 1
            for encoder, handle in zip(encoders, handles, strict=True):
                handle.write(encoder.row(row))
        for encoder, handle in zip(encoders, handles, strict=True):
            handle.write(encoder.tail())
    return count, names


@contextmanager
def _open_all(sink: Sink, names: list[str]) -> Iterator[list[IO[str]]]:
    with ExitStack() as stack:
        yield [stack.enter_context(sink.open(name)) for name in names]


def published_documents() -> Iterator[tuple[str, doc.ProgressReport | ReportError]]:
    """Each published report in the interchange format, validated, with its file name.

    Three queries in all: the reports, their plans' pillars, and every action of them in
    report order, grouped as they stream by.
    """
    reports = list(published_reports().select_related("party", "meeting").order_by("id"))
    pillars: dict[int, list[Pillar]] = defaultdict(list)
    plan_ids = {r.plan_id for r in reports}
    for pillar in Pillar.objects.filter(plan_id__in=plan_ids).order_by(
        "plan_id", "order", "number"
    ):
        pillars[pillar.plan_id].append(pillar)
    progress = ActionProgress.objects.filter(report__in=published_reports()).order_by(
        "report_id", "order", "id"
    )
    groups = groupby(progress.iterator(CHUNK_SIZE), key=attrgetter("report_id"))
    pending = next(groups, None)
    for report in reports:
        items: list[ActionProgress] = []
        if pending is not None and pending[0] == report.pk:
            items = list(pending[1])
            pending = next(groups, None)
        name = _report_file(report.meeting.code, report.party.code, report.revision)
        document = report_as_document(report, items, pillars[report.plan_id])
        # Reports written in Tusk or generated have no source document the format allows.
        document.source = interchange_source(report, document)
        try:
            doc.validate(document.to_dict())
        except ReportError as exc:
            yield name, exc
            continue
        yield name, document


def _readme(summary: ExportSummary, today: datetime.date) -> str:
    lines = [
        "Tusk open data: CITES National Ivory Action Plans and their progress reports",
        "",
        f"Exported on {today.isoformat()}.",
        f"Licence: {LICENCE}.",
        "",
        "Only public data is here: published progress reports with their ratings and the",
        "Secretariat's assessments, plans other than drafts with their actions, Parties,",
        "NIAP categories, meetings, needs and partners' support. Rows marked is_demo = true",
        "are generated demonstration data; filter them out for analysis.",
        "",
        "data-dictionary.csv (and .json) describes every column of every table.",
        "reports/ holds each published report in the tusk.progress-report.v1 format.",
        "",
        "Tables (rows):",
    ]
    lines += [f"  {name}: {count}" for name, count in summary.rows.items()]
    lines.append(f"  reports/*.json: {len(summary.report_files)} files")
    if summary.skipped:
        lines += ["", "Reports left out because they break the interchange format:"]
        lines += [f"  {problem}" for problem in summary.skipped]
    return "\n".join(lines) + "\n"


def export_open_data(
    *, sink: Sink, formats: Iterable[str] = FORMATS, today: datetime.date
) -> ExportSummary:
    """Write the whole open data set into `sink`: tables, dictionary, reports and README."""
    formats = [fmt for fmt in FORMATS if fmt in set(formats)]
    summary = ExportSummary()
    for table in (*TABLES, DICTIONARY_TABLE):
        count, names = _write_table(sink, table, formats)
        summary.files += names
        if table is not DICTIONARY_TABLE:
            summary.rows[table.name] = count
    for name, document in published_documents():
        if isinstance(document, ReportError):
            summary.skipped.append(f"{name}: {document}")
            continue
        with sink.open(name) as handle:
            handle.write(document.to_json())
            handle.write("\n")
        summary.report_files.append(name)
    with sink.open("README.txt") as handle:
        handle.write(_readme(summary, today))
    summary.files += [*summary.report_files, "README.txt"]
    return summary


def open_data_zip(*, today: datetime.date) -> bytes:
    """The whole open data set as a zip archive, built in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        export_open_data(sink=ZipSink(archive), today=today)
    return buffer.getvalue()


def table_counts() -> dict[str, int]:
    """Rows per table for the open-data page, one count query per table."""
    return {t.name: t.queryset().count() for t in TABLES if t.queryset is not None}
