"""Structures the corpus does not show, each in a small report of its own."""

from __future__ import annotations

from niapdoc.model import ProgressReport
from niapdoc.reading import read_report

HEADER = """**CITES NATIONAL IVORY ACTION PLAN**

**SC70 PROGRESS REPORT**

Prepared for SC70

Party: KENYA

Reporting period: July 2017 – June 2018

## PART A: Synopsis

Overall progress is good.

"""


def read(body: str, header: str = HEADER) -> ProgressReport:
    return read_report((header + body).encode(), filename="mini.txt")


def test_it_reads_the_code_and_the_title_from_two_columns() -> None:
    report = read(
        "## PART C: Detailed evaluation\n\n"
        "No.\tAction\tProgress rating\tSummary of progress\n"
        "<b>CATEGORY 1: Legislation</b>\t\t\t\n"
        "1.1\tReview the Act\tOn track\t<ul><li>• Drafted.</li></ul>\n"
        "1.2\tGazette the rules\tAchieved\t<ul><li>• Done.</li></ul>\n"
    )
    assert [(a.code, a.title, a.rating) for a in report.actions] == [
        ("1.1", "Review the Act", "on_track"),
        ("1.2", "Gazette the rules", "achieved"),
    ]


def test_it_takes_the_meeting_from_a_title_on_two_lines_and_a_short_prepared_for() -> None:
    report = read("Pillar\tAchieved\tOn track\n1. Legislation\t1.1 Review the Act\t\n")
    assert report.meeting == "SC70" and not report.findings


def test_it_numbers_a_pillar_named_without_its_number_from_its_actions() -> None:
    report = read(
        "Pillar\tAchieved\tOn track\tNot commenced\n"
        "Legislation\t1.1 Review the Act\t1.2 Gazette the rules\t\n"
        "Enforcement\t\t2.1 Train rangers\t2.2 Deploy dogs\n"
    )
    assert [(p.number, p.name) for p in report.pillars] == [
        ("1", "Legislation"),
        ("2", "Enforcement"),
    ]
    assert [(a.code, a.pillar, a.rating) for a in report.actions] == [
        ("1.1", "1", "achieved"),
        ("1.2", "1", "on_track"),
        ("2.1", "2", "on_track"),
        ("2.2", "2", "not_commenced"),
    ]


def test_a_code_inside_a_title_starts_no_action() -> None:
    report = read(
        "Pillar\tAchieved\tOn track\n"
        "1. Legislation\t1.1 Apply Resolution Conf. 10.10 (Rev. CoP18) to all seizures\t"
        "1.2 Align the law with paragraph 2.3 Annex of the Convention\n"
    )
    assert [(a.code, a.title) for a in report.actions] == [
        ("1.1", "Apply Resolution Conf. 10.10 (Rev. CoP18) to all seizures"),
        ("1.2", "Align the law with paragraph 2.3 Annex of the Convention"),
    ]


def test_a_total_of_one_pillar_is_not_taken_for_the_plan_s() -> None:
    header = HEADER.replace(
        "Overall progress is good.", "Two of the three actions under pillar 1 are on track."
    )
    report = read(
        "Pillar\tAchieved\tOn track\n"
        "1. Legislation\t1.1 Review the Act\t<p>1.2 Gazette the rules</p> <p>1.3 Train</p>\n",
        header,
    )
    assert [f.code for f in report.findings] == []


def test_headings_of_part_a_in_other_words_split_the_synopsis() -> None:
    header = HEADER.replace(
        "Overall progress is good.",
        "Overall progress is good.\n\n**Progress made**\n\nTwo laws passed.\n\n"
        "**Next steps**\n\nA third law.",
    )
    report = read("Pillar\tAchieved\tOn track\n1. Legislation\t1.1 Review the Act\t\n", header)
    assert (report.synopsis.overview, report.synopsis.progress, report.synopsis.outlook) == (
        "Overall progress is good.",
        "Two laws passed.",
        "A third law.",
    )
