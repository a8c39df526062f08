"""The one entry point that turns the bytes of a report file into a `ProgressReport`.

The kind of file is found from its content, never trusted from its name.
"""

from __future__ import annotations

from niapdoc import model
from niapdoc.errors import ReportError

MAX_BYTES = 20 * 1024 * 1024


def detect_kind(raw: bytes) -> str:
    """'json', 'docx', 'pdf' or 'text', from the first bytes of the file."""
    head = raw[:8].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json"
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    return "text"


def read_report(raw: bytes, *, filename: str, max_bytes: int = MAX_BYTES) -> model.ProgressReport:
    """Read a report file of any supported kind, or raise ReportError saying why and what to do."""
    if not raw:
        raise ReportError(f"{filename} is empty: send the report file itself")
    if len(raw) > max_bytes:
        raise ReportError(
            f"{filename} is {len(raw) / 1_048_576:.1f} MB, over the limit of "
            f"{max_bytes / 1_048_576:.0f} MB: remove pictures or split the annexes off"
        )
    kind = detect_kind(raw)
    if kind == "json":
        try:
            return model.loads(raw)
        except ReportError as exc:
            raise ReportError(f"{filename}: {exc}") from None
    names = {"pdf": "a PDF", "docx": "a Word (DOCX) file", "text": "text"}
    raise ReportError(
        f"{filename} looks like {names[kind]}; this version of Tusk imports progress reports "
        "as tusk.progress-report.v1 JSON only: convert the report to that format first"
    )
