"""The one entry point that turns the bytes of a report file into a `ProgressReport`.

The kind of file is found from its content, never trusted from its name.
"""

from __future__ import annotations

import hashlib

from niapdoc import model
from niapdoc.assemble import report_from_blocks
from niapdoc.errors import ReportError

MAX_BYTES = 20 * 1024 * 1024


# File types people send by mistake, told by their first bytes.
NOT_REPORTS = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word (.doc) or Excel (.xls) file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
]


def detect_kind(raw: bytes) -> str:
    """'json', 'docx', 'pdf' or 'text', from the first bytes of the file."""
    head = raw[:8].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and not raw.startswith(b"{\\rtf"):
        return "json"
    if raw.startswith(b"%PDF") or raw[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    return "text"


def _decode_text(raw: bytes, filename: str) -> str:
    if b"\x00" in raw[:4096]:
        raise ReportError(
            f"{filename} is not a text, Word or PDF file (it holds binary data): send the "
            "report as a Word file (.docx), a PDF saved from Word, or UTF-8 text"
        )
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("cp1252", errors="replace")


def read_report(raw: bytes, *, filename: str, max_bytes: int = MAX_BYTES) -> model.ProgressReport:
    """Read a report file of any supported kind, or raise ReportError saying why and what to do."""
    if not raw:
        raise ReportError(f"{filename} is empty: send the report file itself")
    if len(raw) > max_bytes:
        raise ReportError(
            f"{filename} is {len(raw) / 1_048_576:.1f} MB, over the limit of "
            f"{max_bytes / 1_048_576:.0f} MB: remove pictures or split the annexes off"
        )
    for magic, what in NOT_REPORTS:
        if raw.startswith(magic):
            advice = (
                "if it is a scan of the report, send the Word file or a PDF saved from Word"
                if "image" in what
                else "save the report as .docx (Word) or PDF and send that"
            )
            raise ReportError(f"{filename} is {what}, not a progress report: {advice}")
    kind = detect_kind(raw)
    if kind == "json":
        try:
            return model.loads(raw)
        except ReportError as exc:
            raise ReportError(f"{filename}: {exc}") from None
    source = model.Source(filename=filename, sha256=hashlib.sha256(raw).hexdigest(), kind=kind)
    if kind == "text":
        from niapdoc.readers.text import read_text_blocks

        return report_from_blocks(read_text_blocks(_decode_text(raw, filename)), source=source)
    if kind == "docx":
        from niapdoc.readers.docx import read_docx_blocks

        return report_from_blocks(read_docx_blocks(raw, filename=filename), source=source)
    from niapdoc.readers.pdf import read_pdf_blocks

    return report_from_blocks(read_pdf_blocks(raw, filename=filename), source=source)
