"""How a corpus case is stated: the report as ground truth, its layout and quirks, its findings.

The ground truth is what the interchange JSON must say. The layout says how the document writes
it (headings, table shapes, brackets, page breaks, stamps); the quirks (`Extra` rows, literal
rating texts) put into the document what a reader must notice. The findings are written out by
hand in each case: they are never computed by Tusk's checks, so that the corpus can fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# What reports write for each rating, as a person would type it (not taken from niapdoc).
WORDS = {
    "en": {
        "achieved": "Achieved",
        "substantially_achieved": "Substantially achieved",
        "on_track": "On track",
        "partial_progress": "Partial progress",
        "pending_other_action": "Pending completion of another action",
        "not_commenced": "Not commenced",
        "challenging": "Challenging",
        "unclear": "Unclear",
    },
    "fr": {
        "achieved": "Réalisée",
        "substantially_achieved": "Substantiellement réalisée",
        "on_track": "En bonne voie",
        "partial_progress": "Progrès partiel",
        "pending_other_action": "En attente de l'achèvement d'une autre activité",
        "not_commenced": "Non commencée",
    },
    "es": {
        "achieved": "Logrado",
        "substantially_achieved": "Sustancialmente logrado",
        "on_track": "En curso",
        "partial_progress": "Progreso parcial",
        "pending_other_action": "Pendiente de otra medida",
        "not_commenced": "No iniciado",
    },
}

SCALE_ORDER = {
    "niap4": ("substantially_achieved", "on_track", "challenging", "unclear"),
    "niap6": (
        "achieved",
        "substantially_achieved",
        "on_track",
        "partial_progress",
        "pending_other_action",
        "not_commenced",
    ),
}

KIND_OF = {"text": "text", "docx": "docx", "pdf-lo": "pdf", "pdf-wp": "pdf"}
EXTENSION = {"text": "txt", "docx": "docx", "pdf": "pdf"}


@dataclass(frozen=True)
class Pillar:
    """A pillar: its true name, and how Parts B and C write it when they differ (`[Name]`)."""

    number: str
    name: str | None
    in_b: str | None = None
    in_c: str | None = None

    def written(self, part: str) -> str:
        """The name as `part` ('b' or 'c') writes it."""
        text = self.in_b if part == "b" else self.in_c
        return text if text is not None else (self.name or "")


@dataclass(frozen=True)
class Act:
    """An action as the JSON must give it, and how the document writes it.

    `b` and `c` are the rating codes each part gives (None for none); `b_text` and `c_text`
    replace the rating's words with literal text (a placeholder, an unknown word, "" for an
    empty cell). `in_b` / `in_c` say whether a part lists the action at all.
    """

    code: str
    title: str
    b: str | None = None
    c: str | None = None
    progress: tuple[str, ...] = ()
    flag: str = ""
    in_b: bool = True
    in_c: bool = True
    b_text: str | None = None
    c_text: str | None = None
    b_title: str | None = None
    b_joined: bool = False

    @property
    def pillar(self) -> str:
        return self.code.split(".")[0]

    def title_in(self, part: str) -> str:
        """The title as `part` writes it, with its asterisk when the part flags it."""
        title = self.b_title if part == "b" and self.b_title else self.title
        return title + ("*" if part in self.flag else "")


@dataclass(frozen=True)
class Extra:
    """A row or entry the document holds beyond the ground truth (a duplicate, a slip)."""

    part: str
    after: str
    code: str
    title: str
    rating: str
    progress: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A finding as the expected JSON lists it."""

    code: str
    severity: str
    action: str | None
    pillar: str | None
    message: str


@dataclass(frozen=True)
class Layout:
    """How the document is laid out; the defaults are the English template's."""

    title_lines: int = 1
    part_a: str | None = "PART A: Synopsis of NIAP implementation"
    part_b: str | None = "PART B: Summary evaluation of actions (assigned progress ratings)"
    part_c: str | None = "PART C: Detailed evaluation of actions"
    progress_heading: str = "Progress to date"
    outlook_heading: str = "Future outlook"
    b_pillar_head: str = "CATEGORY/PILLAR"
    b_rating_head: str | None = "PROGRESS RATING"
    b_columns: tuple[str, ...] = ()
    b_pillar_format: str = "{n}. {name}"
    b_style: str = "columns"
    c_heads: tuple[str, str, str] = ("ACTION", "EVALUATION", "SUMMARY OF PROGRESS (and comments)")
    c_order: tuple[str, str, str] = ("action", "rating", "progress")
    c_category_format: str = "CATEGORY {n}: {name}"
    c_title_format: str = "{code} {title}"
    c_rating_format: str = "{word}"
    c_rating_upper: bool = False
    bullet: str = "• "
    b_page_breaks: tuple[str, ...] = ()
    c_page_breaks: tuple[str, ...] = ()
    split_c: str | None = None
    split_at: tuple[int, int] = (6, 1)
    noise: tuple[str, ...] = ()
    footer: str | None = None
    narrow: bool = False
    hyphens: bool = False
    emphasis: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One report of the corpus: ground truth, document, and the findings written by hand."""

    name: str
    kind: str
    language: str
    scale: str
    header: tuple[str, ...]
    party: str
    party_code: str | None
    meeting: str | None
    period_start: str | None
    period_end: str | None
    prepared_by: str | None
    pillars: tuple[Pillar, ...]
    actions: tuple[Act, ...]
    findings: tuple[Finding, ...]
    overview: tuple[str, ...] = ()
    progress: tuple[str, ...] = ()
    outlook: tuple[str, ...] = ()
    extras: tuple[Extra, ...] = ()
    layout: Layout = field(default_factory=Layout)
    quirks: tuple[str, ...] = ()

    @property
    def file_kind(self) -> str:
        return KIND_OF[self.kind]

    @property
    def filename(self) -> str:
        return f"{self.name}.{EXTENSION[self.file_kind]}"

    def word(self, code: str) -> str:
        """The rating's words in the report's language."""
        return WORDS[self.language][code]

    def columns(self) -> tuple[str, ...]:
        """Part B's rating columns as written: the scale's words unless the layout says."""
        if self.layout.b_columns:
            return self.layout.b_columns
        return tuple(self.word(code) for code in SCALE_ORDER[self.scale])

    def column_of(self, act_or_rating: str) -> int:
        """The index (among rating columns) where Part B puts a rating code or column text."""
        words = self.columns()
        if act_or_rating in SCALE_ORDER[self.scale]:
            written = self.word(act_or_rating).casefold()
            for i, word in enumerate(words):
                if word.casefold() == written:
                    return i
        for i, word in enumerate(words):
            if word == act_or_rating:
                return i
        raise ValueError(f"{self.name}: no Part B column for {act_or_rating!r}")

    def rating_text(self, act: Act) -> str:
        """What Part C's evaluation cell says for `act`."""
        if act.c_text is not None:
            return act.c_text
        if act.c is None:
            return ""
        word = self.word(act.c)
        if self.layout.c_rating_upper:
            word = word.upper()
        return self.layout.c_rating_format.format(word=word)

    def pillar_actions(self, number: str, part: str) -> list[Act]:
        """The actions of a pillar that `part` lists, in plan order."""
        listed = [a for a in self.actions if a.pillar == number]
        return [a for a in listed if (a.in_b if part == "b" else a.in_c)]

    def extras_after(self, code: str, part: str) -> list[Extra]:
        """The extra rows or entries the document puts after action `code` in `part`."""
        return [e for e in self.extras if e.after == code and e.part == part]


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def expected(case: Case, *, sha256: str) -> dict[str, Any]:
    """The interchange JSON that reading the case's document must give."""
    actions = []
    for act in sorted(case.actions, key=lambda a: _code_key(a.code)):
        part_b = act.b if act.in_b else None
        part_c = act.c if act.in_c else None
        flagged = ("b" in act.flag and act.in_b) or ("c" in act.flag and act.in_c)
        title = act.title if act.in_c else (act.b_title or act.title)
        actions.append(
            {
                "code": act.code,
                "pillar": act.pillar,
                "title": title,
                "flagged": flagged,
                "rating": part_c or part_b,
                "rating_part_b": part_b,
                "rating_part_c": part_c,
                "progress": list(act.progress) if act.in_c else [],
            }
        )
    return {
        "format": "tusk.progress-report.v1",
        "source": {"filename": case.filename, "sha256": sha256, "kind": case.file_kind},
        "language": case.language,
        "party": case.party,
        "party_code": case.party_code,
        "meeting": case.meeting,
        "period_start": case.period_start,
        "period_end": case.period_end,
        "prepared_by": case.prepared_by,
        "scale": case.scale,
        "synopsis": {
            "overview": "\n\n".join(case.overview),
            "progress": "\n\n".join(case.progress),
            "outlook": "\n\n".join(case.outlook),
        },
        "pillars": [{"number": p.number, "name": p.name} for p in case.pillars],
        "actions": actions,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "action": f.action,
                "pillar": f.pillar,
                "message": f.message,
            }
            for f in case.findings
        ],
    }
