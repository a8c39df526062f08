"""Meeting codes as reports write them."""

from __future__ import annotations

import re

_CODE = re.compile(r"^\s*(SC|CoP)\s*(\d{1,3})\s*$", re.IGNORECASE)


def parse_meeting_code(code: str) -> tuple[str, int] | None:
    """('SC', 66) for 'SC66' or 'sc 66'; ('CoP', 19) for 'CoP19'; None for anything else."""
    match = _CODE.match(code or "")
    if not match:
        return None
    kind = "SC" if match.group(1).upper() == "SC" else "CoP"
    return kind, int(match.group(2))
