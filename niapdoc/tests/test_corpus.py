"""Every report of the corpus reads to exactly its expected JSON, and the corpus covers enough.

The corpus (`fixtures/corpus/`, made by `python -m niapdoc.tests.corpus.build`) holds reports
as converted text, Word files and PDFs in English, French and Spanish, each with the JSON a
reader must give, its findings written by hand. The shared example is the contract and runs
with them.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from niapdoc import model
from niapdoc.reading import read_report

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
FINDING_CODES = model.schema()["properties"]["findings"]["items"]["properties"]["code"]["enum"]


def _pairs() -> list[tuple[Path, Path]]:
    pairs = [(FIXTURES / "cambodia-sc66.txt", FIXTURES / "cambodia-sc66.json")]
    for expected in sorted(CORPUS.glob("*.expected.json")):
        source = json.loads(expected.read_text(encoding="utf-8"))["source"]
        pairs.append((CORPUS / source["filename"], expected))
    return pairs


PAIRS = _pairs()
EXPECTED = {path.name: json.loads(path.read_text(encoding="utf-8")) for _, path in PAIRS}


def _diff(expected: dict[str, Any], got: dict[str, Any]) -> str:
    """A readable account of where two reports differ: fields first, then a unified diff."""
    lines = []
    for key in expected:
        if expected[key] != got.get(key) and key not in {"actions", "findings"}:
            lines.append(f"{key}: expected {expected[key]!r}, got {got.get(key)!r}")
    want = {a["code"]: a for a in expected["actions"]}
    have = {a["code"]: a for a in got["actions"]}
    for code in dict.fromkeys([*want, *have]):
        if code not in have:
            lines.append(f"action {code}: missing")
        elif code not in want:
            lines.append(f"action {code}: not expected ({have[code]['title']!r})")
        else:
            for field, value in want[code].items():
                if have[code][field] != value:
                    lines.append(f"action {code} {field}: expected {value!r}, got "
                                 f"{have[code][field]!r}")  # fmt: skip
    if expected["findings"] != got["findings"]:
        lines.append("findings expected:")
        lines += [f"  {f['code']} {f['action'] or f['pillar'] or ''}: {f['message']}"
                  for f in expected["findings"]]  # fmt: skip
        lines.append("findings read:")
        lines += [f"  {f['code']} {f['action'] or f['pillar'] or ''}: {f['message']}"
                  for f in got["findings"]]  # fmt: skip
    text_a = json.dumps(expected, ensure_ascii=False, indent=1).splitlines()
    text_b = json.dumps(got, ensure_ascii=False, indent=1).splitlines()
    diff = difflib.unified_diff(text_a, text_b, "expected", "read", n=1, lineterm="")
    return "\n".join([*lines, "", *list(diff)[:200]])


@pytest.mark.parametrize(("document", "expected"), PAIRS, ids=[d.name for d, _ in PAIRS])
def test_it_reads_each_report_to_its_expected_json(document: Path, expected: Path) -> None:
    want = EXPECTED[expected.name]
    got = read_report(document.read_bytes(), filename=document.name).to_dict()
    model.validate(got)
    assert got == want, f"{document.name} reads differently:\n{_diff(want, got)}"


def test_every_expected_file_follows_the_format() -> None:
    for name, data in EXPECTED.items():
        try:
            model.validate(data)
        except Exception as exc:  # the name of the file is what a failure needs
            pytest.fail(f"{name}: {exc}")


def test_every_finding_code_appears_somewhere_in_the_corpus() -> None:
    seen = {f["code"] for data in EXPECTED.values() for f in data["findings"]}
    assert set(FINDING_CODES) - seen == set()


def test_the_corpus_covers_each_kind_and_language() -> None:
    corpus = [data for name, data in EXPECTED.items() if name.endswith(".expected.json")]
    kinds = Counter(d["source"]["kind"] for d in corpus)
    languages = Counter(d["language"] for d in corpus)
    scales = Counter(d["scale"] for d in corpus)
    assert len(corpus) >= 14
    assert all(kinds[kind] >= 3 for kind in ("text", "docx", "pdf")), kinds
    assert languages["fr"] >= 1 and languages["es"] >= 1, languages
    assert scales["niap4"] >= 1 and scales["niap6"] >= 1, scales


def test_each_document_is_the_one_its_expected_json_names() -> None:
    import hashlib

    for document, expected in PAIRS:
        source = EXPECTED[expected.name]["source"]
        assert source["filename"] == document.name
        assert source["sha256"] == hashlib.sha256(document.read_bytes()).hexdigest(), (
            f"{document.name} changed since its expected JSON was written: run "
            "python -m niapdoc.tests.corpus.build"
        )
