"""`tusk parse-report` and `tusk check-report`: output, exit codes, one-line errors."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from niapdoc.model import validate

FIXTURES = Path(__file__).resolve().parents[3] / "niapdoc" / "tests" / "fixtures"
SEED = FIXTURES / "cambodia-sc66.txt"


def run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_parse_report_prints_the_interchange_json() -> None:
    code, out, _ = run("parse-report", str(SEED))
    assert code == 0
    printed = json.loads(out)
    validate(printed)
    assert printed == json.loads((FIXTURES / "cambodia-sc66.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["cambodia-sc66.docx", "cambodia-sc66.pdf"])
def test_parse_report_reads_word_and_pdf(name: str) -> None:
    code, out, _ = run("parse-report", str(FIXTURES / "samples" / name), "--compact")
    assert code == 0 and out.count("\n") == 1
    assert json.loads(out)["source"]["kind"] == name.rsplit(".", 1)[1]


def test_check_report_names_the_seeds_problems_and_exits_1() -> None:
    code, out, err = run("check-report", str(SEED))
    lines = out.splitlines()
    assert code == 1
    assert any(line.startswith("error: rating-placeholder [5.2]:") for line in lines)
    assert any(line.startswith("warning: template-text [1.2]:") for line in lines)
    assert sum("[Name]" in line or "[name]" in line for line in lines) == 4
    assert "13 actions, 6 findings (1 error)" in err


def test_check_report_exits_0_on_a_report_without_errors(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("[PROGRESS RATING]", "[ON TRACK]")
    clean = tmp_path / "clean.txt"
    clean.write_text(text, encoding="utf-8")
    code, out, _ = run("check-report", str(clean), "--json")
    assert code == 0
    assert {f["severity"] for f in json.loads(out)} == {"warning"}


@pytest.mark.parametrize("command", ["parse-report", "check-report"])
def test_bad_input_exits_2_with_one_line(command: str, tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    code, out, err = run(command, str(bad))
    assert code == 2 and out == ""
    assert err == (
        "error: scan.pdf is a JPEG image, not a progress report: if it is a scan of the "
        "report, send the Word file or a PDF saved from Word\n"
    )
