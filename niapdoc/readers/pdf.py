"""Reports as PDFs with a text layer: tables found by pdfplumber, text from pdfplumber or, where
a font's custom encoding garbles it, from pypdfium2.

Text is rebuilt from positioned characters: characters into lines, lines into paragraphs (a
bullet, a gap, or a short line ends one), words that a narrow column broke across lines joined
back, and the running heads and feet that repeat on every page dropped. Each page's tables
become Table blocks; a table that a page break split is carried on by the structure reader.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from niapdoc.blocks import Block, Cell, Paragraph, Table
from niapdoc.errors import ReportError
from niapdoc.text_rules import BULLET

MAX_PAGES = 300
MARGIN = 0.07  # the top and bottom share of a page where running heads and feet sit
CELL_PADDING = 5.4


@dataclass
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

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Region:
    """Where characters go: a table cell, or the running text of a page."""

    bbox: tuple[float, float, float, float]
    chars: list[Char] = field(default_factory=list)


def _broken(text: str) -> bool:
    """Whether extracted text is garbled: CID codes or unmapped glyphs instead of letters."""
    if not text:
        return False
    bad = text.count("(cid:") * 5 + sum(
        1 for c in text if c == "\ufffd" or "\ue000" <= c <= "\uf8ff"
    )
    return bad > 0.05 * len(text)


def _plumber_chars(page: Any) -> list[Char]:
    return [
        Char(c["x0"], c["top"], c["x1"], c["bottom"], c["text"], float(c.get("size") or 10))
        for c in page.chars
        if c.get("text")
    ]


def _pdfium_chars(document: Any, index: int, page_height: float) -> list[Char]:
    page = document[index]
    textpage = page.get_textpage()
    chars = []
    for i in range(textpage.count_chars()):
        text = textpage.get_text_range(i, 1)
        if not text or text in "\r\n":
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        chars.append(
            Char(left, page_height - top, right, page_height - bottom, text, max(top - bottom, 1.0))
        )
    return chars


def _lines(chars: list[Char]) -> list[Line]:
    """Characters into lines: near the same height, left to right, spaces where gaps are."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (round(c.top, 1), c.x0)):
        middle = (char.top + char.bottom) / 2
        for line in reversed(lines[-4:]):
            ref = line[0]
            if abs((ref.top + ref.bottom) / 2 - middle) < 0.45 * max(ref.size, char.size):
                line.append(char)
                break
        else:
            lines.append([char])
    out = []
    for line in lines:
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
        if text:
            first_end = line[0].x1
            for char in line[1:]:
                if char.text.isspace() or char.x0 - first_end > 0.2 * char.size:
                    break
                first_end = char.x1
            out.append(
                Line(text, min(c.x0 for c in line), min(c.top for c in line),
                     max(c.x1 for c in line), max(c.bottom for c in line),
                     first_end - line[0].x0, 0.3 * statistics.median(c.size for c in line))
            )  # fmt: skip
    out.sort(key=lambda ln: (round(ln.top), ln.x0))
    return out


class Vocabulary:
    """The words a document uses, to tell a word broken across lines from two words."""

    def __init__(self, texts: list[str]) -> None:
        self.counts = Counter(w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t))
        self.hyphenated = {w.lower() for t in texts for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", t)}

    def joined(self, left: str, right: str) -> str | None:
        """How to join the end of a line and the start of the next, if they are one word."""
        a = re.search(r"([^\W\d_]+)(-?)$", left)
        b = re.match(r"^([^\W\d_]+)", right)
        if not a or not b:
            return None
        head, hyphen, tail = a.group(1), a.group(2), b.group(1)
        whole = (head + tail).lower()
        if hyphen:
            if f"{head}-{tail}".lower() in self.hyphenated:
                return left + right
            if self.counts[whole] or tail[:1].islower():
                return left[:-1] + right
            return None
        if tail[:1].isupper():
            return None
        # Each fragment was counted once at the break itself; a real word stands elsewhere too.
        fragment = self.counts[head.lower()] <= 1 or self.counts[tail.lower()] <= 1
        if self.counts[whole] and fragment:
            return left + right
        return None


def _paragraphs(lines: list[Line], right: float, width: float, vocab: Vocabulary) -> list[str]:
    """Lines into paragraphs: a bullet, a gap or a short line above starts a new one."""
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        new = previous is None or bool(BULLET.match(line.text))
        if previous is not None and not new:
            gap = line.top - previous.bottom
            # Word wrap moves a word down only when it does not fit: if this line's first word
            # would have fitted at the end of the line above, that line ended a paragraph.
            room = right - previous.x1
            short = room > line.first_word + previous.space + 1.5
            new = gap > 0.75 * previous.height or short or line.top < previous.top - 1
        if new:
            paragraphs.append(line.text)
        else:
            joined = vocab.joined(paragraphs[-1], line.text)
            paragraphs[-1] = joined if joined is not None else f"{paragraphs[-1]} {line.text}"
        previous = line
    return paragraphs


def _inside(char: Char, bbox: tuple[float, float, float, float]) -> bool:
    x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return bbox[0] - 0.5 <= x <= bbox[2] + 0.5 and bbox[1] - 0.5 <= y <= bbox[3] + 0.5


def _open(raw: bytes, filename: str) -> Any:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises many kinds; each means the same to a user
        # pdfplumber wraps pdfminer's errors; the cause tells an encrypted file from a damaged one.
        causes = [
            exc,
            exc.__cause__,
            exc.__context__,
            *(a for a in exc.args if isinstance(a, BaseException)),
        ]
        names = " ".join(type(c).__name__ for c in causes if c is not None)
        name = type(exc).__name__
        if "Password" in names or "Encrypt" in names:
            raise ReportError(
                f"{filename} is encrypted with a password: save it again without one (in Word: "
                "File > Save As > PDF, no password), or send the Word file"
            ) from None
        raise ReportError(
            f"{filename} is not a readable PDF: the file is damaged or truncated ({name}); save "
            "it again from Word or send the Word file"
        ) from None
    if len(pages) > MAX_PAGES:
        raise ReportError(
            f"{filename} has {len(pages)} pages, more than a progress report: send the report "
            "without its annexes"
        )
    return pdf


def read_pdf_blocks(raw: bytes, *, filename: str) -> list[Block]:
    """The blocks of a PDF report, page by page, tables and running text in reading order."""
    import pypdfium2

    pdf = _open(raw, filename)
    pages: list[tuple[Any, list[Char], list[Any]]] = []
    pdfium_doc: Any = None
    try:
        for index, page in enumerate(pdf.pages):
            chars = _plumber_chars(page)
            if _broken("".join(c.text for c in chars)):
                if pdfium_doc is None:
                    pdfium_doc = pypdfium2.PdfDocument(raw)
                chars = _pdfium_chars(pdfium_doc, index, float(page.height))
            try:
                tables = page.find_tables()
            except Exception:  # a malformed drawing: read the page as running text
                tables = []
            pages.append((page, chars, tables))
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(
            f"{filename} is a damaged PDF: a page cannot be read ({type(exc).__name__}); save it "
            "again from Word or send the Word file"
        ) from None
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()
    if not any(chars for _, chars, _ in pages):
        raise ReportError(
            f"{filename} has no text layer: it is a scan; send the Word file or a PDF saved "
            "from Word"
        )
    running = _running_heads_and_feet(pages)
    texts = [ln.text for _, chars, _ in pages for ln in _lines(chars)]
    vocab = Vocabulary(texts)
    blocks: list[Block] = []
    for page, chars, tables in pages:
        page_blocks = _page_blocks(page, chars, tables, running, vocab)
        if page_blocks and blocks:
            last, first = blocks[-1], page_blocks[0]
            # A paragraph that a page break cut goes on in lower case on the next page.
            if (
                isinstance(last, Paragraph)
                and isinstance(first, Paragraph)
                and not re.search(r"[.:;!?]$", last.text)
                and first.text[:1].islower()
            ):
                last.text = f"{last.text} {first.text}"
                page_blocks = page_blocks[1:]
        blocks += page_blocks
    pdf.close()
    return blocks


def _running_heads_and_feet(pages: list[tuple[Any, list[Char], list[Any]]]) -> set[str]:
    """Lines in the top or bottom margin that repeat on several pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page, chars, _ in pages:
        height = float(page.height)
        margin = [c for c in chars if c.bottom < MARGIN * height or c.top > (1 - MARGIN) * height]
        for line in {re.sub(r"\d+", "#", ln.text) for ln in _lines(margin)}:
            seen[line] += 1
    return {line for line, count in seen.items() if count >= 2}


def _page_blocks(
    page: Any, chars: list[Char], tables: list[Any], running: set[str], vocab: Vocabulary
) -> list[Block]:
    height, width = float(page.height), float(page.width)
    placed: list[tuple[float, Block]] = []
    free = list(chars)
    for table in tables:
        rows: list[list[Cell]] = []
        columns = max((len(row.cells) for row in table.rows), default=0)
        for row in table.rows:
            cells: list[Cell] = []
            for bbox in row.cells:
                if bbox is None:
                    cells.append(Cell())
                    continue
                inside = [c for c in free if _inside(c, bbox)]
                lines = _lines(inside)
                # Word and LibreOffice pad cells by about 5.4 pt on each side.
                right = max([bbox[2] - CELL_PADDING, *(ln.x1 for ln in lines)])
                cells.append(Cell(_paragraphs(lines, right, bbox[2] - bbox[0], vocab)))
            cells += [Cell() for _ in range(columns - len(cells))]
            rows.append(cells)
        x0, top, x1, bottom = table.bbox
        free = [c for c in free if not _inside(c, (x0, top, x1, bottom))]
        if any(not c.is_empty for row in rows for c in row):
            placed.append((top, Table(rows)))
    lines = [
        ln
        for ln in _lines(free)
        if not (
            (ln.bottom < MARGIN * height or ln.top > (1 - MARGIN) * height)
            and re.sub(r"\d+", "#", ln.text) in running
        )
    ]
    if lines:
        right = max(ln.x1 for ln in lines)
        left = min(ln.x0 for ln in lines)
        # Running text between tables: split it at each table so the order stays true.
        groups: list[list[Line]] = [[]]
        table_tops = sorted(t for t, _ in placed)
        boundary = iter(table_tops)
        next_top = next(boundary, None)
        for line in lines:
            while next_top is not None and line.top > next_top:
                groups.append([])
                next_top = next(boundary, None)
            groups[-1].append(line)
        for group in groups:
            if not group:
                continue
            for text in _paragraphs(group, right, right - left, vocab):
                placed.append((group[0].top, Paragraph(text)))
    placed.sort(key=lambda item: item[0])
    # Paragraphs of one group share a top; keep their order by a stable sort on top only.
    return [block for _, block in placed]
