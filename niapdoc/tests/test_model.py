"""The interchange format: the shared example round-trips, and bad files are refused plainly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from niapdoc import model
from niapdoc.errors import ReportError
from niapdoc.reading import detect_kind, read_report
from niapdoc.scales import SCALES, rating_from_words

EXAMPLE = Path(__file__).parent / "fixtures" / "cambodia-sc66.json"


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_it_reads_the_shared_example_and_writes_it_back_identically() -> None:
    report = model.loads(EXAMPLE.read_bytes())
    assert report.party_code == "KH"
    assert [a.code for a in report.actions][:3] == ["1.1", "1.2", "2.1"]
    assert report.to_dict() == example()


def test_it_refuses_text_that_is_not_json() -> None:
    with pytest.raises(ReportError, match=r"not valid JSON \(line 1, column 2"):
        model.loads(b"{oops")


def test_it_refuses_another_format_version() -> None:
    data = example() | {"format": "tusk.progress-report.v2"}
    with pytest.raises(ReportError, match=r"not 'tusk\.progress-report\.v1'"):
        model.loads(json.dumps(data))


def test_it_names_the_place_where_the_schema_is_broken() -> None:
    data = example()
    data["actions"][3]["rating"] = "brilliant"
    with pytest.raises(ReportError, match=r"at actions\[3\]\.rating"):
        model.loads(json.dumps(data))


def test_it_never_mixes_the_two_scales() -> None:
    data = example()
    data["actions"][0]["rating"] = "partial_progress"  # a niap6 rating in a niap4 report
    with pytest.raises(ReportError, match=r"not on the report's scale niap4"):
        model.loads(json.dumps(data))


def test_it_detects_the_kind_from_the_content_not_the_name() -> None:
    assert detect_kind(b'\xef\xbb\xbf  {"format": 1}') == "json"
    assert detect_kind(b"%PDF-1.7 ...") == "pdf"
    assert detect_kind(b"PK\x03\x04....") == "docx"
    assert detect_kind(b"CITES SC66 NATIONAL IVORY ACTION PLAN") == "text"


def test_it_refuses_an_empty_file_and_one_over_the_limit() -> None:
    with pytest.raises(ReportError, match=r"report\.json is empty"):
        read_report(b"", filename="report.json")
    with pytest.raises(ReportError, match="over the limit of 1 MB"):
        read_report(b"{" + b" " * 2_000_000 + b"}", filename="big.json", max_bytes=1_048_576)


def test_it_reads_rating_words_in_three_languages() -> None:
    assert rating_from_words("[ON TRACK]") == "on_track"
    assert rating_from_words("Substantiellement réalisée") == "substantially_achieved"
    assert rating_from_words("No iniciado") == "not_commenced"
    assert rating_from_words("Splendid") is None
    assert set(SCALES["niap4"]).isdisjoint({"achieved", "partial_progress"})


def test_it_never_imports_django() -> None:
    code = (
        "import sys, niapdoc.model, niapdoc.reading, niapdoc.scales, niapdoc.errors;"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
