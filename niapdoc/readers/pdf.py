"""Reports as PDFs with a text layer, read with PDFium (pypdfium2): characters with their
boxes, and the ruling lines that draw the tables (`pdf_grid`).

Text is rebuilt from positioned characters: characters into lines, lines into paragraphs (a
bullet, a gap, or a short line ends one), words that a narrow column broke across lines joined
back, and the running heads and feet that repeat on every page dropped. Each page's tables
become Table blocks; a table that a page break split is carried on by the structure reader.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from niapdoc.blocks import Block, Cell, Paragraph, Table
from niapdoc.errors import ReportError
from niapdoc.readers.pdf_grid import Grid, find_grids, page_rules
from niapdoc.text_rules import BULLET, join_broken

MAX_PAGES = 300
MARGIN = 0.07  # the top and bottom share of a page where running heads and feet sit
CELL_PADDING = 5.4


@dataclass(slots=True)
class Char:
    """One character with its box, top-down coordinates in points."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float


@dataclass
class Line:
    """A line of text and its box, and how wide its first word is (to judge wrapping)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    first_word: float = 0.0
    space: float = 3.0
    baseline: float = 0.0
    size: float = 10.0


def _broken(text: str) -> bool:
    """Whether extracted text is garbled: CID codes or unmapped glyphs instead of letters."""
    if not text:
        return False
    bad = sum(1 for c in text if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    return bad > 0.05 * len(text)


def _page_chars(page: Any, height: float) -> list[Char]:
    """The characters of a page with their boxes, in top-down coordinates."""
    import pypdfium2.raw as raw

    textpage = raw.FPDFText_LoadPage(page.raw)
    if not textpage:
        return []
    try:
        count = raw.FPDFText_CountChars(textpage)
        if count <= 0:
            return []
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        raw.FPDFText_GetText(
            textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        )
        text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
        if len(text) != count:  # characters outside the BMP: one code unit each, then
            text = "".join(
                chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count)
            )
        # PDFium marks a hyphen that ends a line as U+FFFE: it is the document's own "-".
        text = text.replace("\ufffe", "-")
        box = raw.FS_RECTF()
        chars = []
        loose_box, font_size, generated = (
            raw.FPDFText_GetLooseCharBox,
            raw.FPDFText_GetFontSize,
            raw.FPDFText_IsGenerated,
        )
        for i, char in enumerate(text):
            if char in "\r\n\x00" or (char == " " and generated(textpage, i) == 1):
                continue
            loose_box(textpage, i, box)
            size = font_size(textpage, i) or (box.top - box.bottom)
            chars.append(Char(box.left, height - box.top, box.right, height - box.bottom, char,
                              max(size, 1.0)))  # fmt: skip
        return chars
    finally:
        raw.FPDFText_ClosePage(textpage)


def _group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters whose middles are at about the same height, top to bottom."""
    groups: list[list[Char]] = []
    refs: list[tuple[float, float]] = []  # the middle and size of each line's first character
    for char in sorted(chars, key=lambda c: (round(c.top, 1), c.x0)):
        middle, size = (char.top + char.bottom) / 2, char.size
        for k in range(len(groups) - 1, max(len(groups) - 5, -1), -1):
            ref_middle, ref_size = refs[k]
            if abs(ref_middle - middle) < 0.45 * (ref_size if ref_size > size else size):
                groups[k].append(char)
                break
        else:
            groups.append([char])
            refs.append((middle, size))
    return groups


def _first_unit(line: list[Char]) -> float:
    """How wide the first unit of a line is, the one wrapping moves as a whole: a word with the
    punctuation that may not start a line ("signé ;", "(see below)")."""
    first_end = line[0].x1
    after_space = False
    for char in line[1:]:
        if char.text.isspace() or char.x0 - first_end > 0.2 * char.size:
            after_space = True
            if char.text.isspace():
                continue
        if after_space and char.text not in NO_LINE_START:
            break
        after_space = False
        first_end = char.x1
    return first_end - line[0].x0


def _lines(chars: list[Char]) -> list[Line]:
    """Characters into lines: near the same height, left to right, spaces where gaps are."""
    out = []
    for line in _group_lines(chars):
        line.sort(key=lambda c: c.x0)
        parts: list[str] = []
        previous: Char | None = None
        for char in line:
            if previous is not None:
                gap = char.x0 - previous.x1
                if gap > 0.2 * char.size and not (char.text.isspace() or previous.text.isspace()):
                    parts.append(" ")
            parts.append(char.text)
            previous = char
        text = " ".join("".join(parts).split())
        if not text:
            continue
        middle = len(line) // 2
        size = sorted(c.size for c in line)[middle]
        # Most letters sit on the baseline: the median of their bottoms is the baseline.
        bottoms = sorted(c.bottom for c in line)
        out.append(
            Line(text, line[0].x0, min(c.top for c in line), max(c.x1 for c in line),
                 bottoms[-1], _first_unit(line), 0.3 * size, bottoms[middle], size)
        )  # fmt: skip
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


HYPHENS = "-\u2010\u00ad"
NO_LINE_START = set(";:!?,.)]}»%…")


class Vocabulary:
    """The words a document uses, to tell a word broken across lines from two words.

    A word that a narrow column broke is a fragment: it stands only at a line's end (its head)
    or start (its tail), never inside a line, while the whole word stands somewhere else.
    """

    def __init__(self, regions: list[list[str]]) -> None:
        self.counts: Counter[str] = Counter()
        self.inside: Counter[str] = Counter()
        self.breaks: Counter[tuple[str, str]] = Counter()
        self.leading: dict[int, float] = {}
        self.hyphenated: set[str] = set()
        for lines in regions:
            previous, hyphenated = "", False
            for text in lines:
                words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
                # The pieces of a word that hyphenation split are not words of their own.
                counted = words[1:] if hyphenated else words
                ends_hyphenated = bool(re.search(r"[^\W\d_][\u2010\u00ad]$", text))
                self.counts.update(counted[:-1] if ends_hyphenated else counted)
                self.inside.update(words[1:-1])
                self.hyphenated.update(w.lower() for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", text))
                if previous and words:
                    self.breaks[(previous, words[0])] += 1
                previous = words[-1] if words else ""
                hyphenated = ends_hyphenated

    def joined(self, left: str, right: str, *, filled: bool = False) -> str | None:
        """How to join the end of a line and the start of the next, if they are one word.

        `filled` says that the line above is one word as wide as the column: a word too long
        for its column is the only one a writer breaks in the middle.
        """
        if re.search(r"[^\s][/–—]$", left) and right[:1].isalnum():
            # "06/2019/" and "ND-CP", "ANPN–" and "gendarmerie": a line may break after a
            # slash or a dash that joins two words.
            return left + right
        a = re.search(rf"([^\W\d_]+)([{HYPHENS}]?)$", left)
        b = re.match(r"^(-?)([^\W\d_]+)", right)
        if not a or not b:
            return None
        head, hyphen, lead, tail = a.group(1), a.group(2), b.group(1), b.group(2)
        whole = (head + tail).lower()
        if lead:
            # "intelligence" / "-led": the line broke before a compound's hyphen.
            return None if hyphen else left + right
        if hyphen:
            if f"{head}-{tail}".lower() in self.hyphenated:
                return left[:-1] + "-" + right
            # A soft or typographic hyphen at a line end was added by hyphenation; a plain one
            # is dropped only when the whole word stands elsewhere, else it joins a compound.
            if hyphen != "-" or self.counts[whole]:
                return left[:-1] + right
            return left + right
        if tail[:1].isupper() and not (head.isupper() and tail.isupper()):
            return None
        fragment = not self.inside[head.lower()] or not self.inside[tail.lower()]
        if self.counts[whole] and fragment:
            return left + right
        # Without the whole word elsewhere: two pieces seen only at this break (perhaps more
        # than once, in a header repeated on each page), never in a line's middle.
        pair = (head.lower(), tail.lower())
        seen = self.breaks[pair]
        if filled and all(not self.inside[p] and self.counts[p] <= seen for p in pair):
            return left + right
        return None


def _wrapped(lines: list[Line], right: float) -> list[tuple[int, float]]:
    """(font size, distance between baselines) where a line surely wrapped: the next line's
    first word would not have fitted on it."""
    return [
        (round(a.size), b.baseline - a.baseline)
        for a, b in itertools.pairwise(lines)
        if b.top > a.top + 1 and right - a.x1 <= b.first_word + a.space + 1.5
    ]


def _paragraphs(lines: list[Line], right: float, vocab: Vocabulary) -> list[str]:
    """Lines into paragraphs: a bullet, a wider gap than between the lines of a paragraph, or a
    short line above (one whose next word would have fitted) starts a new one."""
    left = min((ln.x0 for ln in lines), default=0.0)
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        new = previous is None or bool(BULLET.match(line.text))
        filled = False
        if previous is not None and not new:
            pitch = line.baseline - previous.baseline
            leading = vocab.leading.get(round(previous.size), 1.25 * previous.size)
            room = right - previous.x1
            broken = bool(re.search(rf"[^\W\d_][{HYPHENS}]$", previous.text))
            short = room > line.first_word + previous.space + 1.5 and not broken
            wide_gap = pitch > leading + max(1.5, 0.2 * previous.size)
            new = wide_gap or short or line.top < previous.top - 1
            filled = bool(re.fullmatch(r"[^\W\d_]+", previous.text)) and previous.x0 - left < 1
            filled = filled and room < 0.6 * previous.size
        if new:
            paragraphs.append(line.text)
        else:
            joined = vocab.joined(paragraphs[-1], line.text, filled=filled)
            paragraphs[-1] = joined if joined is not None else f"{paragraphs[-1]} {line.text}"
        previous = line
    return paragraphs


def _open(raw: bytes, filename: str) -> Any:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise ReportError(
                f"{filename} is encrypted with a password: save it again without one (in Word: "
                "File > Save As > PDF, no password), or send the Word file"
            ) from None
        raise ReportError(
            f"{filename} is not a readable PDF: the file is damaged or truncated; save it again "
            "from Word or send the Word file"
        ) from None
    if len(document) > MAX_PAGES:
        pages = len(document)
        document.close()
        raise ReportError(
            f"{filename} has {pages} pages, more than a progress report: send the report "
            "without its annexes"
        )
    return document


@dataclass
class Page:
    """A page as read: its size, its tables with the characters of each cell, the rest."""

    height: float
    grids: list[Grid]
    cells: list[dict[tuple[int, int], list[Char]]]
    free: list[Char]
    lines: dict[tuple[int, tuple[int, int]], list[Line]] = field(default_factory=dict)
    free_lines: list[Line] = field(default_factory=list)


def _read_page(page: Any) -> Page:
    height = float(page.get_mediabox()[3])
    chars = _page_chars(page, height)
    grids = find_grids(*page_rules(page, height)) if chars else []
    cells: list[dict[tuple[int, int], list[Char]]] = [{} for _ in grids]
    boxes = [(k, grid, *grid.bbox) for k, grid in enumerate(grids)]
    free = []
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        for k, grid, x0, top, x1, bottom in boxes:
            if x0 - 0.5 <= x <= x1 + 0.5 and top - 0.5 <= y <= bottom + 0.5:
                unit = grid.locate(x, y)
                if unit is not None:
                    cells[k].setdefault(unit, []).append(char)
                    break
        else:
            free.append(char)
    result = Page(height, grids, cells, free)
    for k, table in enumerate(cells):
        for unit, inside in table.items():
            result.lines[(k, unit)] = _lines(inside)
    result.free_lines = _lines(free)
    return result


def read_pdf_blocks(raw: bytes, *, filename: str) -> list[Block]:
    """The blocks of a PDF report, page by page, tables and running text in reading order."""
    document = _open(raw, filename)
    try:
        pages = [_read_page(page) for page in document]
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(
            f"{filename} is a damaged PDF: a page cannot be read ({type(exc).__name__}); save it "
            "again from Word or send the Word file"
        ) from None
    finally:
        document.close()
    text = "".join(ln.text for p in pages for lines in (*p.lines.values(), p.free_lines)
                   for ln in lines)  # fmt: skip
    if not text.strip():
        raise ReportError(
            f"{filename} has no text layer: it is a scan; send the Word file or a PDF saved "
            "from Word"
        )
    if _broken(text):
        raise ReportError(
            f"{filename} uses fonts whose letters cannot be read back from the PDF: send the Word "
            "file, or save the PDF again from Word"
        )
    running = _running_heads_and_feet(pages)
    vocab = Vocabulary(
        [[ln.text for ln in lines] for p in pages for lines in (*p.lines.values(), p.free_lines)]
    )
    _measure_leading(pages, vocab)
    blocks: list[Block] = []
    for page in pages:
        page_blocks = _page_blocks(page, running, vocab)
        if page_blocks and blocks:
            last, first = blocks[-1], page_blocks[0]
            # A paragraph that a page break cut goes on in lower case on the next page.
            if (
                isinstance(last, Paragraph)
                and isinstance(first, Paragraph)
                and not re.search(r"[.:;!?]$", last.text)
                and first.text[:1].islower()
            ):
                last.text = join_broken(last.text, first.text)
                page_blocks = page_blocks[1:]
        blocks += page_blocks
    return blocks


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < MARGIN * height or line.top > (1 - MARGIN) * height


def _running_heads_and_feet(pages: list[Page]) -> set[str]:
    """Lines in the top or bottom margin that repeat on several pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        margin = [ln for ln in page.free_lines if _in_margin(ln, page.height)]
        for text in {re.sub(r"\d+", "#", ln.text) for ln in margin}:
            seen[text] += 1
    return {text for text, count in seen.items() if count >= 2}


def _cell_right(grid: Grid, unit: tuple[int, int], lines: list[Line]) -> float:
    """Where a cell's lines end when full: Word and LibreOffice pad cells by about 5.4 pt."""
    return max([grid.cell_box(unit)[2] - CELL_PADDING, *(ln.x1 for ln in lines)])


def _measure_leading(pages: list[Page], vocab: Vocabulary) -> None:
    """The usual distance between the lines of a paragraph, per font size, over the document."""
    pitches: dict[int, list[float]] = {}
    for page in pages:
        regions = [
            (lines, _cell_right(page.grids[k], unit, lines))
            for (k, unit), lines in page.lines.items()
        ]
        if page.free_lines:
            regions.append((page.free_lines, max(ln.x1 for ln in page.free_lines)))
        for lines, right in regions:
            for size, pitch in _wrapped(lines, right):
                pitches.setdefault(size, []).append(pitch)
    vocab.leading = {size: statistics.median(values) for size, values in pitches.items()}


def _table(page: Page, k: int, vocab: Vocabulary) -> Table:
    grid = page.grids[k]
    rows: list[list[Cell]] = []
    for i in range(len(grid.ys) - 1):
        row: list[Cell] = []
        for j in range(len(grid.xs) - 1):
            lines = page.lines.get((k, (i, j)))
            if grid.anchor.get((i, j)) != (i, j) or not lines:
                row.append(Cell())
                continue
            row.append(Cell(_paragraphs(lines, _cell_right(grid, (i, j), lines), vocab)))
        rows.append(row)
    return Table(rows)


def _page_blocks(page: Page, running: set[str], vocab: Vocabulary) -> list[Block]:
    placed: list[tuple[float, Block]] = []
    for k, grid in enumerate(page.grids):
        table = _table(page, k, vocab)
        if any(not c.is_empty for row in table.rows for c in row):
            placed.append((grid.ys[0], table))
    lines = [
        ln
        for ln in page.free_lines
        if not (_in_margin(ln, page.height) and re.sub(r"\d+", "#", ln.text) in running)
    ]
    if lines:
        right = max(ln.x1 for ln in lines)
        # Running text between tables: split it at each table so the order stays true.
        groups: list[list[Line]] = [[]]
        boundary = iter(sorted(t for t, _ in placed))
        next_top = next(boundary, None)
        for line in lines:
            while next_top is not None and line.top > next_top:
                groups.append([])
                next_top = next(boundary, None)
            groups[-1].append(line)
        for group in groups:
            if not group:
                continue
            for text in _paragraphs(group, right, vocab):
                placed.append((group[0].top, Paragraph(text)))
    # Paragraphs of one group share a top; a stable sort on the top keeps their order.
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]
