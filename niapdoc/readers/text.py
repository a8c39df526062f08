"""Reports as converted text: markdown paragraphs and headings, tables as tab-separated rows
whose cells may hold inline HTML (`<p>`, `<ul>`, `<li>`, `<b>`, `<i>`, `<br>`)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from niapdoc.blocks import Block, Cell, Paragraph, Table

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
EMPHASIS = [
    re.compile(r"\*\*(.+?)\*\*"),
    re.compile(r"__(.+?)__"),
    re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])"),
]
BREAKS = {"p", "li", "br", "ul", "ol", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}


class _CellParser(HTMLParser):
    """Split a cell's inline HTML into paragraphs at block tags; drop every tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BREAKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def cell_paragraphs(text: str) -> list[str]:
    """The paragraphs of one cell of converted text, markup removed."""
    if "<" not in text:
        plain = " ".join(html.unescape(text).split())
        return [plain] if plain else []
    parser = _CellParser()
    parser.feed(text)
    parser.close()
    return parser.paragraphs


def plain(text: str) -> str:
    """A line of markdown without its emphasis markers and inline HTML."""
    if "<" in text:
        text = " ".join(cell_paragraphs(text))
    for rule in EMPHASIS:
        text = rule.sub(r"\1", text)
    return " ".join(html.unescape(text).split())


def read_text_blocks(text: str) -> list[Block]:
    """The blocks of a converted-text report: each tab-separated run of lines is a table."""
    blocks: list[Block] = []
    table: Table | None = None
    for raw_line in text.splitlines():
        line = raw_line.rstrip("\r\n")
        if "\t" in line:
            if table is None:
                table = Table()
                blocks.append(table)
            table.rows.append([Cell(cell_paragraphs(cell)) for cell in line.split("\t")])
            continue
        table = None
        stripped = line.strip()
        if not stripped:
            continue
        heading = HEADING.match(stripped)
        if heading:
            blocks.append(Paragraph(plain(heading.group(2)), heading=len(heading.group(1))))
            continue
        bold = stripped.startswith("**") and stripped.rstrip().endswith("**")
        blocks.append(Paragraph(plain(stripped), bold=bold))
    return blocks
