"""The corpus's reports laid out in other ways still read to the same interchange data.

Each case of the corpus is rendered again, as converted text and as a Word file, with one
thing of its layout changed: how ratings and titles are written, the bullets, the category
rows, Part B's shape (one header row, codes only, a tick per action), the order of Part C's
columns, no 'PART B' or 'PART C' headings. What the report says does not change, so neither
may what Tusk reads: this is what keeps the readers reading structure, not the corpus's wording.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from niapdoc.reading import read_report
from niapdoc.tests.corpus.cases import CASES
from niapdoc.tests.corpus.render_docx import render_docx
from niapdoc.tests.corpus.render_text import render_text
from niapdoc.tests.corpus.spec import Case, expected
from niapdoc.tests.test_corpus import _diff

CHANGES: dict[str, dict[str, Any]] = {
    "ratings-bracketed-upper": {"c_rating_upper": True, "c_rating_format": "[{word}]"},
    "ratings-plain": {"c_rating_upper": False, "c_rating_format": "{word}"},
    "titles-bracketed": {"c_title_format": "{code} [{title}]"},
    "codes-with-dot": {"c_title_format": "{code}. {title}"},
    "dash-bullets": {"bullet": "- "},
    "list-bullets": {"bullet": ""},
    "category-rows-pillar": {"c_category_format": "Pillar {n} – {name}"},
    "category-rows-numbered": {"c_category_format": "{n}. {name}"},
    "pillar-cells-worded": {"b_pillar_format": "Pillar {n}: {name}"},
    "one-header-row": {"b_rating_head": None},
    "no-part-headings": {"part_b": None, "part_c": None},
    "columns-reordered": {"c_order": ("action", "progress", "rating")},
    "codes-only": {"b_style": "codes"},
    "ticks": {"b_style": "ticks"},
}


def _changes_the_data(case: Case, change: dict[str, Any]) -> bool:
    """Whether a layout would drop something the expected data keeps (a Part B title)."""
    style = change.get("b_style")
    if style and any(e.part == "b" for e in case.extras):
        return True
    unplaced = any(a.in_b and a.b is None and a.b_text is None for a in case.actions)
    if unplaced and (style or case.layout.b_style) != "ticks":
        return True  # only a row of ticks can list an action without a rating
    if style == "codes":
        titles_from_b = any(a.in_b and not a.in_c for a in case.actions)
        flags_from_b = any("b" in a.flag and "c" not in a.flag for a in case.actions)
        return titles_from_b or flags_from_b or bool(case.layout.b_columns)
    return False


VARIANTS = [
    (case, name, kind)
    for case in CASES
    for name, change in CHANGES.items()
    if not _changes_the_data(case, change)
    for kind in ("text", "docx")
]


@pytest.mark.parametrize(
    ("case", "change", "kind"), VARIANTS, ids=[f"{c.name}-{n}-{k}" for c, n, k in VARIANTS]
)
def test_a_report_laid_out_otherwise_reads_the_same(case: Case, change: str, kind: str) -> None:
    layout = dataclasses.replace(case.layout, **CHANGES[change])
    variant = dataclasses.replace(case, kind=kind, layout=layout)
    raw = render_text(variant) if kind == "text" else render_docx(variant)
    got = read_report(raw, filename=variant.filename).to_dict()
    want = expected(variant, sha256=got["source"]["sha256"])
    assert got == want, f"{case.name} with {change} as {kind}:\n{_diff(want, got)}"
