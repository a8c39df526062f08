"""What the structure reader gathers from a document before it becomes the interchange format.

Shared by the readers of the header, Part B (`summary_table`) and Part C (`detail_table`), and
by the checks, which need to know where in the document each thing was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from niapdoc import header as hdr
from niapdoc.blocks import Cell

# The words that head a pillar in the three languages, accents optional, any case.
PILLAR_WORD = (
    r"(?:cat[eé]gor(?:y|ie|[ií]a)|pillar|pilier|pilar|th[eè]me|tema|objecti(?:ve|f)|objetivo|"
    r"compo(?:nent|sante|nente)|axe|eje)"
)
# "CATEGORY 2: [Name]", "PILLAR 2 – Enforcement", "Pilier 2 : Lutte contre la fraude".
CATEGORY_ROW = re.compile(
    rf"^\s*{PILLAR_WORD}\s*(?P<n>\d{{1,2}})(?![.,]?\d)\s*[:.\-–—)]?\s*(?P<name>.*)$",
    re.DOTALL | re.IGNORECASE,
)
# A pillar cell of Part B: "1. [Legislation]", "Pillar 1: Legislation", "PILLAR 1 – Legislation".
PILLAR_CELL = re.compile(
    rf"^\s*(?:{PILLAR_WORD}\s*)?(?P<n>\d{{1,2}})(?![.,]?\d)\s*[.:)\-–—]?\s*(?P<name>(?!\d).*)$",
    re.DOTALL | re.IGNORECASE,
)
PILLAR_HEAD = re.compile(rf"^\W*{PILLAR_WORD}", re.IGNORECASE)


@dataclass
class Entry:
    """One action as one part of the report lists it."""

    code: str
    pillar: str | None
    title: str
    flagged: bool
    position: int
    rating: str | None = None
    rating_words: str = ""
    placeholder: str = ""
    progress: list[str] = field(default_factory=list)
    progress_positions: list[int] = field(default_factory=list)


@dataclass
class PillarMention:
    """A pillar as one part heads it: its number, its name (None for a placeholder)."""

    number: str
    name: str | None
    placeholder: str
    position: int


@dataclass
class SummaryRow:
    """A row of Part B as the reader sees it once page breaks are undone.

    `cells` holds each column's paragraphs; `columns` the rating each column stands for and
    `unknown` the words heading a column that names no rating.
    """

    first: str
    cells: list[list[str]]
    columns: dict[int, str | None]
    unknown: dict[int, str]
    position: int


@dataclass
class Reading:
    """Everything read from the document, before it is merged into the interchange format."""

    language: str = "en"
    title: str = ""
    title_meeting: str | None = None
    prepared_for_meeting: str | None = None
    prepared_for_text: str = ""
    party: str | None = None
    period_text: str = ""
    period: hdr.Period = field(default_factory=lambda: hdr.Period(None, None))
    prepared_by: str | None = None
    synopsis: dict[str, list[str]] = field(
        default_factory=lambda: {"overview": [], "progress": [], "outlook": []}
    )
    synopsis_position: int = 0
    synopsis_part: str = "overview"
    scale_columns: set[str] = field(default_factory=set)
    summary_rows: list[SummaryRow] = field(default_factory=list)
    summary_columns: dict[int, str | None] = field(default_factory=dict)
    summary_unknown: dict[int, str] = field(default_factory=dict)
    summary_heads: set[tuple[str, ...]] = field(default_factory=set)
    summary_pending: tuple[list[list[str]], int] | None = None
    detail_columns: dict[str, int] = field(default_factory=dict)
    detail_pending: tuple[Cell, Cell, int] | None = None
    part_b: list[Entry] = field(default_factory=list)
    part_c: list[Entry] = field(default_factory=list)
    pillars_b: list[PillarMention] = field(default_factory=list)
    pillars_c: list[PillarMention] = field(default_factory=list)
    has_part_b: bool = False
    has_part_c: bool = False
