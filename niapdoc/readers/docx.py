"""Reports as Word files (DOCX), read from their XML with lxml, safely.

A DOCX file is a zip of XML parts. Before anything is inflated, the archive's directory is
checked (entry count, declared sizes, compression ratios), and each part that is read is
inflated through a bounded stream, so that a zip bomb is refused whatever its directory
claims. XML is parsed with entities, DTDs and network access off, and a part that declares a
DTD at all is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from niapdoc.blocks import Block, Cell, Paragraph, Table
from niapdoc.errors import ReportError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MAX_ENTRIES = 5_000
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
HEADING_STYLE = re.compile(r"(?:heading|titre|titulo|título|berschrift|kop)\s*(\d)", re.IGNORECASE)


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )  # fmt: skip


def open_archive(raw: bytes, filename: str) -> zipfile.ZipFile:
    """The DOCX's zip, after checking its directory for what a Word file never holds."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:
        raise ReportError(
            f"{filename} is not a readable Word file: the archive is damaged or truncated "
            f"({exc}); save it again from Word as .docx"
        ) from None
    if len(infos) > MAX_ENTRIES:
        raise ReportError(
            f"{filename} holds {len(infos)} files, far more than a Word document: refused"
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > 1_048_576 and ratio > MAX_RATIO):
            raise ReportError(
                f"{filename} looks like a zip bomb ({info.filename} would inflate to "
                f"{info.file_size / 1_048_576:.0f} MB): refused without unpacking it"
            )
    if total > MAX_TOTAL_BYTES:
        raise ReportError(
            f"{filename} would inflate to {total / 1_048_576:.0f} MB, more than any Word report: "
            "refused without unpacking it"
        )
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if any(n.startswith("xl/") for n in names):
            what = "an Excel workbook"
        elif any(n.startswith("ppt/") for n in names):
            what = "a PowerPoint presentation"
        elif "content.xml" in names:
            what = "an OpenDocument file"
        else:
            what = "a zip archive"
        raise ReportError(
            f"{filename} is {what}, not a Word document: send the report as .docx, PDF or text"
        )
    return archive


def read_part(archive: zipfile.ZipFile, name: str, filename: str) -> etree._Element:
    """Inflate and parse one XML part, at most MAX_PART_BYTES whatever the directory says."""
    try:
        with archive.open(name) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise ReportError(
            f"{filename} is damaged: its part {name} cannot be unpacked ({exc}); save it again "
            "from Word"
        ) from None
    if len(data) > MAX_PART_BYTES:
        raise ReportError(f"{filename} looks like a zip bomb ({name} inflates past 50 MB): refused")
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise ReportError(
            f"{filename} declares XML entities or a DTD in {name}, which Word never writes: "
            "refused for safety; save it again from Word"
        )
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ReportError(
            f"{filename} is damaged: its part {name} is not well-formed XML ({exc}); save it "
            "again from Word"
        ) from None


def _text(paragraph: etree._Element) -> str:
    """A paragraph's visible text: deleted revisions and field codes left out."""
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == _q("t"):
            if not any(a.tag == _q("del") for a in node.iterancestors()):
                parts.append(node.text or "")
        elif tag in (_q("tab"), _q("ptab")):
            parts.append(" ")
        elif tag in (_q("br"), _q("cr")):
            parts.append("\n")
        elif tag == _q("noBreakHyphen"):
            parts.append("-")
        elif tag == _q("sym"):
            parts.append("•")
    return "".join(parts)


def _heading(paragraph: etree._Element) -> int:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    if style is not None:
        match = HEADING_STYLE.search(style.get(_q("val"), ""))
        if match:
            return int(match.group(1))
        if style.get(_q("val"), "").lower() == "title":
            return 1
    level = paragraph.find("w:pPr/w:outlineLvl", NS)
    if level is not None and (level.get(_q("val")) or "").isdigit():
        return int(level.get(_q("val")) or 0) + 1
    return 0


def _bold(paragraph: etree._Element) -> bool:
    runs = [r for r in paragraph.iter(_q("r")) if "".join(r.itertext()).strip()]
    return bool(runs) and all(r.find("w:rPr/w:b", NS) is not None for r in runs)


def _paragraph_lines(paragraph: etree._Element) -> list[str]:
    # Text boxes inside a paragraph are read as their own paragraphs, after it.
    boxes = list(paragraph.iter(_q("txbxContent")))
    for box in boxes:
        box.getparent().remove(box)
    lines = [line.strip() for line in _text(paragraph).split("\n")]
    for box in boxes:
        for inner in box.iter(_q("p")):
            lines += [line.strip() for line in _text(inner).split("\n")]
    return [line for line in lines if line]


def _cell(tc: etree._Element) -> Cell:
    paragraphs: list[str] = []
    for paragraph in tc.iter(_q("p")):
        paragraphs += _paragraph_lines(paragraph)
    return Cell(paragraphs)


def _table(tbl: etree._Element) -> Table:
    table = Table()
    for tr in tbl.findall("w:tr", NS):
        row: list[Cell] = []
        for tc in tr.findall("w:tc", NS) + tr.findall("w:sdt/w:sdtContent/w:tc", NS):
            merge = tc.find("w:tcPr/w:vMerge", NS)
            continued = merge is not None and merge.get(_q("val"), "continue") == "continue"
            row.append(Cell() if continued else _cell(tc))
            span = tc.find("w:tcPr/w:gridSpan", NS)
            extra = int(span.get(_q("val"), "1")) - 1 if span is not None else 0
            row += [Cell() for _ in range(max(0, min(extra, 50)))]
        table.rows.append(row)
    return table


def _body_blocks(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for child in body:
        if child.tag == _q("p"):
            heading, bold = _heading(child), _bold(child)
            blocks += [Paragraph(line, heading, bold) for line in _paragraph_lines(child)]
        elif child.tag == _q("tbl"):
            blocks.append(_table(child))
        elif child.tag == _q("sdt"):
            content = child.find("w:sdtContent", NS)
            if content is not None:
                blocks += _body_blocks(content)
    return blocks


def read_docx_blocks(raw: bytes, *, filename: str) -> list[Block]:
    """The blocks of a Word report: the page header's lines, then the body in reading order."""
    archive = open_archive(raw, filename)
    document = read_part(archive, "word/document.xml", filename)
    body = document.find("w:body", NS)
    if body is None:
        raise ReportError(f"{filename} has no document body: save it again from Word")
    header_lines: list[str] = []
    for name in sorted(n for n in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        for paragraph in read_part(archive, name, filename).iter(_q("p")):
            for line in _paragraph_lines(paragraph):
                if line not in header_lines:
                    header_lines.append(line)
    return [Paragraph(line) for line in header_lines] + _body_blocks(body)
