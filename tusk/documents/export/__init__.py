"""Exports of a progress report: DOCX and PDF in the CITES layout, XLSX and interchange JSON.

Every format starts from the same `ReportContent`: the stored report in niapdoc's terms plus
what the layout needs (its pillars with their actions, the words of its scale). The labels are
in the report's language, not the reader's: a French report is exported in French whoever
downloads it, so they live in the table below and not in Django's catalogues.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation

from niapdoc import model as doc
from niapdoc.scales import RATINGS, ratings_of
from tusk.plans.models import Pillar
from tusk.reports.drafting import report_as_document
from tusk.reports.models import ProgressReport

FORMATS = ("docx", "pdf", "xlsx", "json")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "CITES {meeting} NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "prepared_for": "Prepared for the {ordinal} meeting of the CITES Standing Committee",
        "party": "Party: {party}",
        "period": "Reporting period: {period}",
        "prepared_by": "Prepared by {who}",
        "part_a": "PART A: Synopsis of NIAP implementation",
        "progress_to_date": "Progress to date",
        "future_outlook": "Future outlook",
        "part_b": "PART B: Summary evaluation of actions (assigned progress ratings)",
        "category_pillar": "CATEGORY/PILLAR",
        "progress_rating": "PROGRESS RATING",
        "part_c": "PART C: Detailed evaluation of actions",
        "action": "ACTION",
        "evaluation": "EVALUATION",
        "summary": "SUMMARY OF PROGRESS (and comments)",
        "ratings_chart": "Ratings of the actions at each meeting",
        "category": "CATEGORY {number}: {name}",
        "symbol": "{meeting} – {party} – NIAP progress report",
    },
    "fr": {
        "title": "CITES {meeting} – RAPPORT D'AVANCEMENT DU PANI",
        "prepared_for": "Préparé pour la {ordinal} session du Comité permanent de la CITES",
        "party": "Partie : {party}",
        "period": "Période de rapport : {period}",
        "prepared_by": "Préparé par : {who}",
        "part_a": "PARTIE A : Synopsis de la mise en œuvre du PANI",
        "progress_to_date": "Progrès à ce jour",
        "future_outlook": "Perspectives",
        "part_b": "PARTIE B : Évaluation sommaire des activités (notations des progrès attribuées)",
        "category_pillar": "CATÉGORIE/PILIER",
        "progress_rating": "NOTATION DES PROGRÈS",
        "part_c": "PARTIE C : Évaluation détaillée des activités",
        "action": "ACTIVITÉ",
        "evaluation": "ÉVALUATION",
        "summary": "RÉSUMÉ DES PROGRÈS (et observations)",
        "ratings_chart": "Évaluation des mesures à chaque session",
        "category": "CATÉGORIE {number} : {name}",
        "symbol": "{meeting} – {party} – rapport d'avancement du PANI",
    },
    "es": {
        "title": "CITES {meeting} – INFORME SOBRE LOS PROGRESOS DEL PANM",
        "prepared_for": "Preparado para la {ordinal} reunión del Comité Permanente de la CITES",
        "party": "Parte: {party}",
        "period": "Período del informe: {period}",
        "prepared_by": "Preparado por: {who}",
        "part_a": "PARTE A: Sinopsis de la aplicación del PANM",
        "progress_to_date": "Avances hasta la fecha",
        "future_outlook": "Perspectivas futuras",
        "part_b": (
            "PARTE B: Evaluación resumida de las medidas (calificaciones de progreso asignadas)"
        ),
        "category_pillar": "CATEGORÍA/PILAR",
        "progress_rating": "CALIFICACIÓN DE PROGRESO",
        "part_c": "PARTE C: Evaluación detallada de las medidas",
        "action": "MEDIDA",
        "evaluation": "EVALUACIÓN",
        "summary": "RESUMEN DE LOS AVANCES (y comentarios)",
        "ratings_chart": "Calificación de las medidas en cada reunión",
        "category": "CATEGORÍA {number}: {name}",
        "symbol": "{meeting} – {party} – informe sobre los progresos del PANM",
    },
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}


def _ordinal(number: int, language: str) -> str:
    if language == "fr":
        return f"{number}e"
    if language == "es":
        return f"{number}ª"
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _date(value: str, language: str) -> str:
    """'2014-11' as 'November 2014' ('novembre 2014', 'noviembre de 2014'), a day kept."""
    parts = value.split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return value
    month = MONTHS[language].split()[int(parts[1]) - 1]
    day = f"{int(parts[2])} " if len(parts) > 2 else ""
    if language == "es":
        return f"{day}de {month} de {parts[0]}" if day else f"{month} de {parts[0]}"
    return f"{day}{month} {parts[0]}"


@dataclass
class PillarRows:
    """A pillar of the report with its actions, in plan order."""

    number: str
    name: str | None
    actions: list[doc.Action] = field(default_factory=list)


@dataclass
class ReportContent:
    """What every export writes: the report's data and the words of its layout."""

    report: ProgressReport
    document: doc.ProgressReport
    pillars: list[PillarRows]
    # The Party's ratings over meetings, drawn after Part C; off where only the text matters.
    chart: bool = True

    @property
    def language(self) -> str:
        """The language the document is written in (English for any other)."""
        return self.document.language if self.document.language in LABELS else "en"

    def label(self, key: str, **values: str) -> str:
        """One heading or label of the layout in the report's language."""
        return LABELS[self.language][key].format(**values)

    @property
    def scale(self) -> list[tuple[str, str]]:
        """The (code, word) of each rating of the report's scale, best first."""
        return [(c, RATINGS[c].label(self.language)) for c in ratings_of(self.document.scale)]

    def rating_word(self, code: str | None) -> str:
        """A rating in the report's words, empty for none."""
        return RATINGS[code].label(self.language) if code in RATINGS else ""

    @property
    def title(self) -> str:
        return self.label("title", meeting=self.document.meeting or "")

    @property
    def prepared_for(self) -> str:
        code = self.document.meeting or ""
        match = re.fullmatch(r"SC(\d+)", code)
        if not match:
            return self.label("prepared_for", ordinal=code)
        return self.label("prepared_for", ordinal=_ordinal(int(match.group(1)), self.language))

    @property
    def period(self) -> str:
        start, end = self.document.period_start, self.document.period_end
        words = [_date(d, self.language) if d else "" for d in (start, end)]
        return " – ".join(words).strip(" –") if any(words) else ""

    @property
    def symbol(self) -> str:
        """The line that names the document in its footer."""
        return self.label("symbol", meeting=self.document.meeting or "", party=self.document.party)

    def action_label(self, action: doc.Action) -> str:
        """'1.1 Title*': the action as both tables of the template name it."""
        return f"{action.code} {action.title}{'*' if action.flagged else ''}"

    def pillar_label(self, pillar: PillarRows) -> str:
        return f"{pillar.number}. {pillar.name or ''}".strip()

    def category_label(self, pillar: PillarRows) -> str:
        return self.label("category", number=pillar.number, name=pillar.name or "").strip(" :")


def interchange_source(report: ProgressReport, document: doc.ProgressReport) -> doc.Source:
    """The document the report was read from, in terms the interchange format allows.

    The format knows text, Word and PDF sources only. A report imported from JSON keeps the
    document that JSON was read from (its kind told by its name); one written in Tusk or
    generated has no document, so it is named by the sha256 of its own content.
    """
    kind = report.source_kind
    if kind not in {"text", "docx", "pdf"}:
        suffix = report.source_filename.rsplit(".", 1)[-1].lower()
        kind = suffix if suffix in {"docx", "pdf"} else "text"
    sha256 = report.document_sha256 or report.source_sha256
    if not sha256:
        sha256 = hashlib.sha256(document.to_json(indent=None).encode()).hexdigest()
    return doc.Source(
        filename=report.source_filename or export_filename(report, "json"),
        sha256=sha256,
        kind=kind,
    )


def report_content(report: ProgressReport) -> ReportContent:
    """Gather a report's content for export, in a fixed small number of queries."""
    pillars = list(Pillar.objects.filter(plan_id=report.plan_id).order_by("order", "number"))
    progress = report.progress.order_by("order", "id")
    document = report_as_document(report, progress, pillars)
    document.findings = [
        doc.Finding(
            code=f.code,
            severity=f.severity,
            action=f.action_code or None,
            pillar=f.pillar or None,
            message=f.message,
        )
        for f in report.findings.order_by("order", "id")
    ]
    with translation.override(report.language if report.language in LABELS else "en"):
        document.party = str(report.party.display_name)
    document.source = interchange_source(report, document)
    rows = {p.number: PillarRows(number=p.number, name=p.name or None) for p in document.pillars}
    for action in document.actions:
        number = action.pillar or ""
        if number not in rows:
            rows[number] = PillarRows(number=number, name=None)
        rows[number].actions.append(action)
    return ReportContent(report=report, document=document, pillars=list(rows.values()))


def export_filename(report: ProgressReport, fmt: str) -> str:
    """`SC66-KH-niap-progress-report-r1.docx`: what the download is saved as."""
    return (
        f"{report.meeting.code}-{report.party.code}-niap-progress-report-r{report.revision}.{fmt}"
    )


def export_report(report: ProgressReport, fmt: str, *, chart: bool = True) -> bytes:
    """The report as the bytes of a `fmt` file; ValueError for a format Tusk does not write.

    Word and PDF end with the chart of the Party's ratings at each meeting (the page's chart);
    `chart=False` leaves it out, for bulk exports where only the text matters.
    """
    if fmt not in FORMATS:
        raise ValueError(f"not an export format: {fmt!r} (use {', '.join(FORMATS)})")
    content = report_content(report)
    content.chart = chart
    if fmt == "json":
        return content.document.to_json().encode()
    # Imported on demand: WeasyPrint alone takes a second to load.
    module = importlib.import_module(f"tusk.documents.export.report_{fmt}")
    write: Callable[[ReportContent], bytes] = getattr(module, f"write_{fmt}")
    return write(content)
