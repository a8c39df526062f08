"""The timeframe reader: the end date of many real and made-up forms, and None whenever the
text does not say it for sure."""

from __future__ import annotations

import datetime

import pytest

from tusk.dashboards.timeframes import normalise, timeframe_end

D = datetime.date

ENDS = [
    # Years and ranges of years
    ("2017", D(2017, 12, 31)),
    ("2016-2017", D(2017, 12, 31)),
    ("2015–2019", D(2019, 12, 31)),
    ("2015 — 2016", D(2016, 12, 31)),
    ("2016/2017", D(2017, 12, 31)),
    ("2016-17", D(2017, 12, 31)),
    ("2016/17", D(2017, 12, 31)),
    ("2016 to 2018", D(2018, 12, 31)),
    ("From 2016 to 2018", D(2018, 12, 31)),
    ("2017 and 2018", D(2018, 12, 31)),
    ("By 2020", D(2020, 12, 31)),
    ("by end of 2016", D(2016, 12, 31)),
    ("By the end of 2016", D(2016, 12, 31)),
    ("End-2018", D(2018, 12, 31)),
    ("Late 2018", D(2018, 12, 31)),
    ("Before 2019", D(2018, 12, 31)),
    # Months
    ("Dec 2018", D(2018, 12, 31)),
    ("Dec. 2018", D(2018, 12, 31)),
    ("December 2018", D(2018, 12, 31)),
    ("by June 2019", D(2019, 6, 30)),
    ("By December 2017", D(2017, 12, 31)),
    ("Feb 2020", D(2020, 2, 29)),
    ("Sept 2018", D(2018, 9, 30)),
    ("June 2016 – December 2017", D(2017, 12, 31)),
    ("January to June 2018", D(2018, 6, 30)),
    ("June-December 2017", D(2017, 12, 31)),
    ("Before March 2019", D(2019, 2, 28)),
    ("No later than April 2019", D(2019, 4, 30)),
    ("until end of June 2018", D(2018, 6, 30)),
    ("06/2019", D(2019, 6, 30)),
    ("2016-12", D(2016, 12, 31)),
    # Days
    ("30 June 2019", D(2019, 6, 30)),
    ("June 30, 2019", D(2019, 6, 30)),
    ("1st July 2018", D(2018, 7, 1)),
    ("2019-06-30", D(2019, 6, 30)),
    ("31/12/2018", D(2018, 12, 31)),
    ("12/31/2018", D(2018, 12, 31)),
    ("05/05/2018", D(2018, 5, 5)),
    ("Before 30 June 2019", D(2019, 6, 29)),
    # Quarters and halves
    ("Q3 2018", D(2018, 9, 30)),
    ("2018 Q1", D(2018, 3, 31)),
    ("Q4-2018", D(2018, 12, 31)),
    ("third quarter of 2018", D(2018, 9, 30)),
    ("2nd quarter 2019", D(2019, 6, 30)),
    ("H1 2019", D(2019, 6, 30)),
    ("second half of 2019", D(2019, 12, 31)),
    ("first semester 2020", D(2020, 6, 30)),
    # French
    ("D'ici décembre 2017", D(2017, 12, 31)),
    ("D’ici décembre 2017", D(2017, 12, 31)),
    ("Décembre 2018", D(2018, 12, 31)),
    ("déc. 2018", D(2018, 12, 31)),
    ("févr. 2019", D(2019, 2, 28)),
    ("juil. 2018", D(2018, 7, 31)),
    ("Août 2019", D(2019, 8, 31)),
    ("fin 2018", D(2018, 12, 31)),
    ("Fin juin 2018", D(2018, 6, 30)),
    ("avant juin 2019", D(2019, 5, 31)),
    ("Au plus tard le 30 juin 2019", D(2019, 6, 30)),
    ("1er juillet 2018", D(2018, 7, 1)),
    ("Jusqu'à fin 2020", D(2020, 12, 31)),
    ("de 2016 à 2018", D(2018, 12, 31)),
    ("entre 2016 et 2018", D(2018, 12, 31)),
    ("T4 2018", D(2018, 12, 31)),
    ("4e trimestre 2018", D(2018, 12, 31)),
    ("premier semestre 2019", D(2019, 6, 30)),
    ("courant 2018", D(2018, 12, 31)),
    # Spanish
    ("junio de 2019", D(2019, 6, 30)),
    ("hasta junio de 2019", D(2019, 6, 30)),
    ("Para diciembre de 2018", D(2018, 12, 31)),
    ("a más tardar en diciembre de 2018", D(2018, 12, 31)),
    ("30 de junio de 2019", D(2019, 6, 30)),
    ("finales de 2018", D(2018, 12, 31)),
    ("antes de marzo de 2020", D(2020, 2, 29)),
    ("setiembre 2018", D(2018, 9, 30)),
    ("dic. 2018", D(2018, 12, 31)),
    ("cuarto trimestre de 2018", D(2018, 12, 31)),
    ("segundo semestre de 2019", D(2019, 12, 31)),
    ("de enero a junio de 2018", D(2018, 6, 30)),
]

UNKNOWN = [
    "",
    "   ",
    None,
    # Open-ended
    "Ongoing",
    "On-going",
    "Continuous",
    "Permanent",
    "En continu",
    "En cours",
    "Continuo",
    "En curso",
    "2016 onwards",
    "2016 - ongoing",
    "2016-",
    "From 2016",
    "Since 2016",
    "Depuis 2016",
    "desde 2017",
    "à partir de 2018",
    # Relative
    "Short term",
    "Medium term",
    "Long term",
    "Court terme",
    "Corto plazo",
    "Immediate",
    "Within 12 months",
    "12 months after adoption",
    "Short term (2017)",
    # Vague or depending on the hemisphere
    "mid-2018",
    "Early 2019",
    "Summer 2018",
    "début 2019",
    "Dec 18",
    # Ambiguous
    "03/04/2019",
    "2011-12",
    # Impossible or out of range
    "31/02/2018",
    "13/2018",
    "Q5 2018",
    "3000",
    "1500 rangers",
    # Anything else
    "TBD",
    "To be determined",
    "Dec 2018 (extended)",
    "Phase 2 2018",
    "Annual",
    "Every year",
]


@pytest.mark.parametrize(("text", "end"), ENDS)
def test_it_reads_the_end_of_the_timeframe(text, end) -> None:
    assert timeframe_end(text) == end


@pytest.mark.parametrize("text", UNKNOWN)
def test_it_never_guesses_an_end_it_cannot_read_for_sure(text) -> None:
    assert timeframe_end(text) is None


def test_it_reads_every_timeframe_of_the_demo_plans() -> None:
    for template, end in (
        ("{a}–{b}", D(2019, 12, 31)),
        ("By December {b}", D(2019, 12, 31)),
        ("D'ici décembre {b}", D(2019, 12, 31)),
    ):
        assert timeframe_end(template.format(a=2016, b=2019)) == end
    assert timeframe_end("Ongoing") is None
    assert timeframe_end("En continu") is None


def test_it_normalises_case_accents_dashes_and_apostrophes() -> None:
    assert normalise("D’ici Décembre 2017 – 2018") == "d'ici decembre 2017 - 2018"


def test_it_never_imports_django() -> None:
    import ast
    from pathlib import Path

    import tusk.dashboards.timeframes as module

    tree = ast.parse(Path(module.__file__).read_text())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert "django" not in imported and "tusk" not in imported
