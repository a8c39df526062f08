"""The layout every reader reduces a document to: paragraphs and tables, in reading order.

Readers differ in how they find paragraphs and table cells (markdown and tab-separated rows,
Word's XML, a PDF's words and ruling lines); what a progress report *means* is then read from
these blocks by `niapdoc.structure`, the same way for every kind of file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """A line or paragraph of running text; `heading` is its outline level (0 for body text)."""

    text: str
    heading: int = 0
    bold: bool = False


@dataclass
class Cell:
    """A table cell: its paragraphs (and bullets) in order, markup removed."""

    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's paragraphs joined by spaces."""
        return " ".join(p for p in self.paragraphs if p)

    @property
    def is_empty(self) -> bool:
        """Whether the cell holds no text at all."""
        return not self.text.strip()


@dataclass
class Table:
    """A table as rows of cells; merged cells appear once, in their first column."""

    rows: list[list[Cell]] = field(default_factory=list)


Block = Paragraph | Table
