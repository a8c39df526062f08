"""The Secretariat's annex table: the published SC70 rows, its rules, its files and its page."""

from __future__ import annotations

import csv
import datetime
import io
import shutil
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from niapdoc import scales
from tusk.core.models import Meeting, Party
from tusk.documents.annex import Annex, AnnexRow, annex_for_user, percent, share_text
from tusk.documents.annex_export import CSV_COLUMNS, annex_csv, annex_export
from tusk.plans.models import Plan
from tusk.reports.choices import ReportStatus
from tusk.reports.models import ProgressReport
from tusk.testing import factories as f

NIAP6 = scales.SCALES[scales.NIAP6]
ANONYMOUS = AnonymousUser()

# Published figures of SC70 Doc. 27.4 Annex 1, Table 1 (domain.md), niap6 order; 0 for "–".
PUBLISHED = {
    ("Malawi", "SC70"): ((58, 17, 17, 0, 8, 0), (42, 25, 25, 8, 0, 0)),
    ("Malaysia", "SC70"): ((18, 55, 27, 0, 0, 0), (0, 27, 73, 0, 0, 0)),
    ("Cambodia", "SC69"): ((15, 8, 0, 54, 0, 23), (8, 15, 0, 54, 0, 23)),
}


def sc(number: int, start: datetime.date, **kw: Any) -> Meeting:
    return f.MeetingFactory.create(
        number=number, start_date=start, end_date=start, takes_niap_reports=True, **kw
    )


@pytest.fixture
def meetings(db: None) -> dict[str, Meeting]:
    return {
        "CoP16": f.MeetingFactory.create(
            kind="CoP", number=16, start_date=datetime.date(2013, 3, 3)
        ),
        "CoP17": f.MeetingFactory.create(
            kind="CoP", number=17, start_date=datetime.date(2016, 9, 24)
        ),
        "SC66": sc(66, datetime.date(2016, 1, 11)),
        "SC68": f.MeetingFactory.create(
            number=68, start_date=datetime.date(2016, 10, 5), takes_niap_reports=False
        ),
        "SC69": sc(69, datetime.date(2017, 11, 27)),
        "SC70": sc(70, datetime.date(2018, 10, 1)),
    }


def rated(
    party: Party,
    meeting: Meeting,
    own: tuple[int, ...],
    theirs: tuple[int, ...],
    *,
    plan: Plan | None = None,
    status: str = ReportStatus.PUBLISHED,
    submitted: datetime.date | None = None,
) -> ProgressReport:
    """A report whose Party rates `own[i]` actions with the i-th niap6 rating, and whose
    Secretariat rates `theirs[i]` of them so; the longer list sets how many actions there are."""
    report = f.ReportFactory.create(
        party=party,
        meeting=meeting,
        plan=plan or f.PlanFactory.create(party=party),
        scale=scales.NIAP6,
        status=status,
        submitted_at=timezone.make_aware(
            datetime.datetime.combine(
                submitted or (meeting.due_date or datetime.date(2000, 1, 1)), datetime.time(9)
            )
        ),
    )
    party_ratings = [code for code, n in zip(NIAP6, own, strict=False) for _ in range(n)]
    their_ratings = [code for code, n in zip(NIAP6, theirs, strict=False) for _ in range(n)]
    for i in range(max(len(party_ratings), len(their_ratings))):
        progress = f.ProgressFactory.create(
            report=report,
            code=f"{i + 1}",
            order=i,
            rating=party_ratings[i] if i < len(party_ratings) else None,
        )
        if i < len(their_ratings):
            f.AssessmentFactory.create(progress=progress, rating=their_ratings[i])
    return report


def party(code: str, name: str, *categories: tuple[str, str]) -> Party:
    found = f.PartyFactory.create(country=code, name=name)
    for cycle, category in categories:
        found.categories.get_or_create(cycle=cycle, defaults={"category": category})
    return found


@pytest.fixture
def sc70(meetings: dict[str, Meeting]) -> dict[str, Party]:
    """Malawi, Malaysia and Cambodia with the counts behind the published SC70 rows."""
    malawi = party("MW", "Malawi", ("CoP17", "A"))
    malaysia = party("MY", "Malaysia", ("CoP16", "A"), ("CoP17", "A"))
    cambodia = party("KH", "Cambodia", ("CoP16", "C"), ("CoP17", "B"), ("CoP19", "A"))
    rated(malawi, meetings["SC70"], (7, 2, 2, 0, 1, 0), (5, 3, 3, 1, 0, 0))
    rated(malaysia, meetings["SC70"], (2, 6, 3, 0, 0, 0), (0, 3, 8, 0, 0, 0))
    plan = f.PlanFactory.create(party=cambodia)
    rated(cambodia, meetings["SC69"], (2, 1, 0, 7, 0, 3), (1, 2, 0, 7, 0, 3), plan=plan)
    rated(cambodia, meetings["SC70"], (3, 0, 2, 8, 0, 0), (1, 2, 2, 7, 0, 1), plan=plan)
    return {"malawi": malawi, "malaysia": malaysia, "cambodia": cambodia}


def row_of(annex: Annex, name: str) -> AnnexRow:
    return next(r for r in annex.rows if r.party.display_name == name)


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_it_reproduces_the_published_sc70_rows_within_one_point(sc70: dict[str, Party]) -> None:
    annex = annex_for_user(user=ANONYMOUS, code="SC70")
    rows = {(r["party"], r["meeting"]): r for r in csv_rows(annex_csv(annex))}
    for key, (own, theirs) in PUBLISHED.items():
        row = rows[key]
        for code, published_own, published_theirs in zip(NIAP6, own, theirs, strict=True):
            assert abs(int(row[f"{code}_party"]) - published_own) <= 1, (key, code)
            assert abs(int(row[f"{code}_secretariat"]) - published_theirs) <= 1, (key, code)


def test_it_writes_the_cells_as_the_sc_document_does(sc70: dict[str, Party]) -> None:
    annex = annex_for_user(user=ANONYMOUS, code="SC70")
    assert [m.code for m in annex.meetings] == ["SC69", "SC70"]
    malawi = row_of(annex, "Malawi").columns[1]
    assert malawi.actions_cell == "12"
    assert [malawi.cell(c) for c in NIAP6] == [
        "58% (42%)",
        "17% (25%)",
        "17% (25%)",
        "- (8%)",
        "8% (-)",
        "-",
    ]
    malaysia = row_of(annex, "Malaysia").columns[1]
    assert [malaysia.cell(c) for c in NIAP6] == ["18% (-)", "55% (27%)", "27% (73%)", "-", "-", "-"]
    cambodia = row_of(annex, "Cambodia").columns[0]
    assert cambodia.actions_cell == "13"
    assert [cambodia.cell(c) for c in NIAP6] == ["15% (8%)", "8% (15%)", "-", "54%", "-", "23%"]
    assert row_of(annex, "Malawi").columns[0].blank


def test_it_rounds_half_up_to_whole_percents() -> None:
    assert percent(1, 8) == 13
    assert percent(5, 8) == 63
    assert round(62.5) == 62  # what float rounding would have printed
    assert percent(1, 200) == 1
    assert percent(1, 3) == 33
    assert percent(0, 0) == 0
    assert share_text(13, 13) == "13%"
    assert share_text(0, 0) == "-"
    assert share_text(0, 25) == "- (25%)"
    assert share_text(None, None) == ""


def test_it_rounds_a_report_of_eight_actions_half_up(meetings: dict[str, Meeting]) -> None:
    rated(party("MW", "Malawi"), meetings["SC70"], (1, 2, 5, 0, 0, 0), (1, 2, 5, 0, 0, 0))
    column = row_of(annex_for_user(user=ANONYMOUS, code="SC70"), "Malawi").columns[1]
    assert [column.cell(c) for c in NIAP6[:3]] == ["13%", "25%", "63%"]


def test_it_writes_the_csv_columns_exactly(sc70: dict[str, Party]) -> None:
    content = annex_export(user=ANONYMOUS, code="SC70", fmt="csv", language="en")
    header = content.decode().splitlines()[0].split(",")
    assert header == [
        "category",
        "party",
        "party_code",
        "meeting",
        "scale",
        "party_actions",
        "secretariat_actions",
        *(
            f"{code}_{who}"
            for code in (
                "achieved",
                "substantially_achieved",
                "on_track",
                "partial_progress",
                "pending_other_action",
                "not_commenced",
                "challenging",
                "unclear",
            )
            for who in ("party", "secretariat")
        ),
    ]
    assert tuple(header) == CSV_COLUMNS
    rows = csv_rows(content)
    malawi = next(r for r in rows if r["party"] == "Malawi" and r["meeting"] == "SC70")
    assert (malawi["category"], malawi["party_code"], malawi["scale"]) == ("A", "MW", "niap6")
    assert (malawi["party_actions"], malawi["secretariat_actions"]) == ("12", "12")
    assert (malawi["achieved_party"], malawi["achieved_secretariat"]) == ("58", "42")
    assert malawi["challenging_party"] == malawi["unclear_secretariat"] == ""
    blank = next(r for r in rows if r["party"] == "Malawi" and r["meeting"] == "SC69")
    assert blank["scale"] == blank["party_actions"] == blank["achieved_party"] == ""
    assert [(r["category"], r["party"]) for r in rows[::2]] == [
        ("A", "Malawi"),
        ("A", "Malaysia"),
        ("B", "Cambodia"),
    ]


def test_it_takes_the_category_of_the_cycle_current_at_the_meeting(
    meetings: dict[str, Meeting],
) -> None:
    cambodia = party("KH", "Cambodia", ("CoP16", "C"), ("CoP17", "B"), ("CoP19", "A"))
    rated(cambodia, meetings["SC66"], (1, 0, 0, 0, 0, 0), ())
    rated(cambodia, meetings["SC70"], (1, 0, 0, 0, 0, 0), ())
    assert row_of(annex_for_user(user=ANONYMOUS, code="SC66"), "Cambodia").category == "C"
    assert row_of(annex_for_user(user=ANONYMOUS, code="SC70"), "Cambodia").category == "B"


def test_it_compares_with_the_last_meeting_that_took_reports(
    meetings: dict[str, Meeting],
) -> None:
    rated(party("MW", "Malawi"), meetings["SC69"], (1, 0, 0, 0, 0, 0), ())
    annex = annex_for_user(user=ANONYMOUS, code="SC69")
    assert [m.code for m in annex.meetings] == ["SC66", "SC69"]  # SC68 took no reports


def test_it_hides_unpublished_reports_from_everyone_but_the_secretariat(
    meetings: dict[str, Meeting], personas: dict[str, Any]
) -> None:
    cambodia = Party.objects.get(country="KH")
    rated(cambodia, meetings["SC70"], (1, 1, 0, 0, 0, 0), (1, 1, 0, 0, 0, 0), status="assessed")
    for name in ("anonymous", "partner", "chan", "gaelle"):
        user = personas[name] or ANONYMOUS
        assert annex_for_user(user=user, code="SC70").rows == [], name
    for name in ("secretariat", "admin"):
        annex = annex_for_user(user=personas[name], code="SC70")
        assert [r.party.code for r in annex.rows] == ["KH"]
        assert "unpublished" in annex.rows[0].columns[1].notes
        assert annex.footnotes[0] == (1, "Not yet published: shown to the Secretariat only.")


def test_it_never_counts_a_draft_even_for_the_secretariat(
    meetings: dict[str, Meeting], sofia: Any
) -> None:
    rated(party("KH", "Cambodia"), meetings["SC70"], (1, 0, 0, 0, 0, 0), (), status="draft")
    assert annex_for_user(user=sofia, code="SC70").rows == []


def test_it_footnotes_late_first_revised_and_different_counts(
    meetings: dict[str, Meeting],
) -> None:
    tanzania = party("TZ", "Tanzania", ("CoP17", "A"))
    due = meetings["SC70"].due_date
    assert due is not None
    old, new = f.PlanFactory.create(party=tanzania), f.PlanFactory.create(party=tanzania)
    rated(tanzania, meetings["SC66"], (1, 0, 0, 0, 0, 0), (), plan=old)
    rated(tanzania, meetings["SC69"], (2, 0, 0, 0, 0, 0), (2, 0, 0, 0, 0, 0), plan=old)
    rated(
        tanzania,
        meetings["SC70"],
        (4, 5, 10, 0, 0, 0),
        (4, 5, 10, 2, 0, 0),
        plan=new,
        submitted=due + datetime.timedelta(days=1),
    )
    togo = party("TG", "Togo", ("CoP17", "A"))
    rated(togo, meetings["SC70"], (1, 0, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0), submitted=due)

    annex = annex_for_user(user=ANONYMOUS, code="SC70")
    before, now = row_of(annex, "Tanzania").columns
    assert before.blank and before.notes == ("revised",)
    assert now.actions_cell == "19 (21)"
    assert set(now.notes) == {"late", "counts"}
    assert row_of(annex, "Togo").columns[1].notes == ("first",)
    assert list(annex.notes) == ["late", "first", "revised", "counts"]
    texts = dict(annex.footnotes)
    assert texts[1] == "Report submitted after the due date."
    assert texts[2] == "First progress report of this Party."
    assert texts[3].startswith("Plan revised since this meeting")
    assert "different numbers of actions" in texts[4]


def docx_table(content: bytes) -> list[list[str]]:
    from docx import Document

    table = Document(io.BytesIO(content)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_it_exports_files_that_open(sc70: dict[str, Party], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlsx = annex_export(user=ANONYMOUS, code="SC70", fmt="xlsx", language="en")
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Malawi" in values and "58% (42%)" in values

    pdf = annex_export(user=ANONYMOUS, code="SC70", fmt="pdf", language="en")
    assert pdf.startswith(b"%PDF")

    soffice = shutil.which("soffice")
    assert soffice, "soffice (LibreOffice) is needed to prove the DOCX opens"
    docx = tmp_path / "sc70.docx"
    docx.write_bytes(annex_export(user=ANONYMOUS, code="SC70", fmt="docx", language="en"))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert (tmp_path / "sc70.pdf").read_bytes().startswith(b"%PDF")


def test_it_puts_the_csv_figures_in_the_docx_table(sc70: dict[str, Party]) -> None:
    figures = csv_rows(annex_export(user=ANONYMOUS, code="SC70", fmt="csv", language="en"))
    table = docx_table(annex_export(user=ANONYMOUS, code="SC70", fmt="docx", language="en"))
    assert table[1][1:8] == [
        "Actions",
        "Achieved",
        "Substantially achieved",
        "On track",
        "Partial progress",
        "Pending completion of another action",
        "Not commenced",
    ]
    annex = annex_for_user(user=ANONYMOUS, code="SC70")
    marks = {
        (row.party.display_name, column.meeting.code): ",".join(map(str, annex.marks(column)))
        for row in annex.rows
        for column in row.columns
    }
    by_party = {row[0]: row for row in table[2:]}
    assert "Category A" in by_party and "Category B" in by_party
    for figure in figures:
        cells = by_party[figure["party"]]
        block = cells[1:8] if figure["meeting"] == "SC69" else cells[8:15]
        expected = [
            share_text(int(figure[f"{c}_party"]), int(figure[f"{c}_secretariat"]))
            if figure["scale"]
            else ""
            for c in NIAP6
        ]
        assert block[1:] == expected, figure["party"]
        if figure["party_actions"]:
            # The footnote numbers follow the count as a superscript run.
            assert block[0] == figure["party_actions"] + marks[figure["party"], figure["meeting"]]


def test_it_labels_the_files_in_the_language_asked(sc70: dict[str, Party]) -> None:
    table = docx_table(annex_export(user=ANONYMOUS, code="SC70", fmt="docx", language="fr"))
    assert "Réalisée" in table[1] and "Non commencée" in table[1]
    table = docx_table(annex_export(user=ANONYMOUS, code="SC70", fmt="docx", language="es"))
    assert "Logrado" in table[1]


@pytest.mark.parametrize(
    "persona", ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]
)
def test_it_shows_the_page_to_every_persona(
    client: Any, sc70: dict[str, Party], personas: dict[str, Any], persona: str
) -> None:
    rated(
        party("GA", "Gabon"),
        Meeting.objects.get(number=70),
        (1, 0, 0, 0, 0, 0),
        (),
        status="assessed",
    )
    if personas[persona]:
        client.force_login(personas[persona])
    response = client.get(reverse("meeting-annex", args=["SC70"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Malawi" in page and "58% (42%)" in page
    assert reverse("meeting-annex-export", args=["SC70", "docx"]) in page
    sees_unpublished = persona in {"secretariat", "admin"}
    assert ("Gabon" in page) is sees_unpublished
    assert ("Not yet published" in page) is sees_unpublished


def test_it_downloads_each_format(client: Any, sc70: dict[str, Party]) -> None:
    for fmt, start in (("csv", b"category,"), ("xlsx", b"PK"), ("docx", b"PK"), ("pdf", b"%PDF")):
        response = client.get(reverse("meeting-annex-export", args=["SC70", fmt]))
        assert response.status_code == 200
        assert response.content.startswith(start)
        assert "attachment" in response["Content-Disposition"]
    assert client.get("/meetings/SC70/annex.exe").status_code == 404
    assert client.get(reverse("meeting-annex", args=["SC99"])).status_code == 404


def _add_parties(meeting: Meeting, codes: str) -> None:
    for code in codes.split():
        rated(party(code, code, ("CoP17", "B")), meeting, (2, 1, 0, 1, 0, 0), (1, 2, 0, 1, 0, 0))


def test_it_reads_the_page_in_a_fixed_number_of_queries(
    client: Any, meetings: dict[str, Meeting], sofia: Any
) -> None:
    client.force_login(sofia)
    url = reverse("meeting-annex", args=["SC70"])
    _add_parties(meetings["SC70"], "MW MY")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _add_parties(meetings["SC70"], "KH GA TZ TG NG CM")
    _add_parties(meetings["SC69"], "KH GA TZ")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_it_compiles_the_annex_in_five_queries(
    meetings: dict[str, Meeting], django_assert_max_num_queries: Any
) -> None:
    _add_parties(meetings["SC70"], "MW MY KH GA TZ TG NG CM")
    with django_assert_max_num_queries(5):
        annex = annex_for_user(user=ANONYMOUS, code="SC70")
        annex_csv(annex)
    assert len(annex.rows) == 8


def test_the_command_writes_the_file(sc70: dict[str, Party], tmp_path: Path) -> None:
    out = tmp_path / "sc70.csv"
    call_command("annex", "--meeting", "SC70", "--format", "csv", "-o", str(out), stdout=StringIO())
    assert "58" in out.read_text()
    err = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("annex", "--meeting", "SC99", "--format", "csv", "-o", str(out), stderr=err)
    assert exit_.value.code == 2
    assert "no such meeting" in err.getvalue() and "SC70" in err.getvalue()
