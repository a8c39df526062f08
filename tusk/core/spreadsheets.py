"""What every CSV and XLSX download of Tusk does the same way: text that a spreadsheet would run
as a formula is written with a leading apostrophe, and CSV is UTF-8 with a header line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

# A cell starting with one of these is read as a formula (or a command) by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(value: Any) -> Any:
    """`value` as a spreadsheet may read it without running anything: text that would start a
    formula gets a leading apostrophe; anything else is left as it is."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def csv_bytes(
    header: Sequence[str], rows: Iterable[Iterable[Any]], *, made_safe: bool = False
) -> bytes:
    """A CSV file, UTF-8, `header` first, each cell made safe with `cell_safe` unless the
    caller did so already (`made_safe`: numbers it wrote as text, "-5", stay numbers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(list(row) if made_safe else [cell_safe(value) for value in row])
    return out.getvalue().encode("utf-8")
