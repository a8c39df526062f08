"""Open data: only published data ever, a dictionary that names every column, the command,
the page and its downloads for every persona, and a constant number of queries."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from niapdoc.model import validate
from tusk.documents import opendata
from tusk.plans.choices import PlanStatus
from tusk.reports.choices import ReportStatus
from tusk.testing.clients import client_for
from tusk.testing.factories import (
    ActionFactory,
    AssessmentFactory,
    MeetingFactory,
    NeedFactory,
    PartnerFactory,
    PartyFactory,
    PlanFactory,
    SupportFactory,
    report_with_actions,
)

pytestmark = pytest.mark.django_db

SECRETS = (
    "SECRET-ASSESSMENT",
    "SECRET-ASSESSED",
    "SECRET-PLAN",
    "SECRET-DRAFT-SYNOPSIS",
    "SECRET-SUBMITTED-SYNOPSIS",
)
PUBLIC_COMMENT = "The legislation was adopted in 2015."
TABLE_FILES = [f"{t.name}.{fmt}" for t in opendata.ALL_TABLES.values() for fmt in opendata.FORMATS]
PERSONAS = ["anonymous", "partner", "chan", "gaelle", "secretariat", "admin"]


def run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def published(party: Any, number: int) -> Any:
    """A published report of `party` for SC`number`, every action assessed."""
    report = report_with_actions(
        party=party, meeting=MeetingFactory(number=number), status=ReportStatus.PUBLISHED
    )
    for progress in report.progress.all():
        AssessmentFactory(progress=progress, rating="challenging", comment=PUBLIC_COMMENT)
    return report


@pytest.fixture
def world(cambodia: Any, gabon: Any) -> dict[str, Any]:
    """A published report beside a draft, a submitted and an assessed one, and a draft plan."""
    public = published(cambodia, 66)
    draft = report_with_actions(
        party=gabon, meeting=MeetingFactory(number=69), synopsis_overview="SECRET-DRAFT-SYNOPSIS"
    )
    submitted = report_with_actions(
        party=gabon,
        meeting=MeetingFactory(number=70),
        status=ReportStatus.SUBMITTED,
        synopsis_overview="SECRET-SUBMITTED-SYNOPSIS",
    )
    AssessmentFactory(progress=submitted.progress.first(), comment="SECRET-ASSESSMENT")
    assessed = report_with_actions(
        party=cambodia, meeting=MeetingFactory(number=70), status=ReportStatus.ASSESSED
    )
    AssessmentFactory(progress=assessed.progress.first(), comment="SECRET-ASSESSED")
    draft_plan = PlanFactory(party=gabon, status=PlanStatus.DRAFT, title="SECRET-PLAN")
    ActionFactory(plan=draft_plan, code="9.9", title="SECRET-PLAN action")
    NeedFactory(party=cambodia, action=public.plan.actions.first(), amount=1000, currency="USD")
    SupportFactory(party=cambodia, partner=PartnerFactory(), amount=500, currency="USD")
    return {
        "public": public,
        "hidden": [draft, submitted, assessed],
        "draft_plan": draft_plan,
    }


def export(tmp_path: Path, *args: str) -> Path:
    folder = tmp_path / "open"
    code, _, err = run("export-data", "-o", str(folder), *args)
    assert code == 0, err
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def body(response: Any) -> bytes:
    """The bytes of a streamed download."""
    return b"".join(response.streaming_content)


def every_file(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- Only published data -------------------------------------------------------------------


def test_it_never_exports_a_secret_of_unpublished_work(world: Any, tmp_path: Path) -> None:
    files = every_file(export(tmp_path))
    assert files
    for name, content in files.items():
        text = content.decode("utf-8")
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked into {name}"


def test_it_lists_only_published_reports_and_their_ratings(world: Any, tmp_path: Path) -> None:
    folder = export(tmp_path)
    public, hidden = world["public"], world["hidden"]
    reports = read_csv(folder / "reports.csv")
    assert [r["id"] for r in reports] == [str(public.pk)]
    ratings = read_csv(folder / "ratings.csv")
    assert {r["report_id"] for r in ratings} == {str(public.pk)}
    assert not {str(r.pk) for r in hidden} & {r["report_id"] for r in ratings}
    assert [(r["action_code"], r["party_rating"], r["secretariat_rating"]) for r in ratings] == [
        ("1.1", "on_track", "challenging"),
        ("1.2", "challenging", "challenging"),
        ("1.3", "substantially_achieved", "challenging"),
    ]
    assert {r["secretariat_comment"] for r in ratings} == {PUBLIC_COMMENT}
    assert {(r["party_code"], r["meeting"], r["pillar"]) for r in ratings} == {("KH", "SC66", "1")}
    as_json = json.loads((folder / "ratings.json").read_text(encoding="utf-8"))
    assert [r["secretariat_comment"] for r in as_json] == [PUBLIC_COMMENT] * 3
    assert as_json[0]["is_demo"] is False and as_json[0]["report_id"] == public.pk


def test_it_leaves_out_draft_plans_and_their_actions(world: Any, tmp_path: Path) -> None:
    folder = export(tmp_path)
    draft_plan = world["draft_plan"]
    plan_ids = {r["id"] for r in read_csv(folder / "plans.csv")}
    assert str(world["public"].plan_id) in plan_ids
    assert str(draft_plan.pk) not in plan_ids
    assert str(draft_plan.pk) not in {r["plan_id"] for r in read_csv(folder / "actions.csv")}


def test_it_exports_needs_and_support_with_their_demo_flag(world: Any, tmp_path: Path) -> None:
    folder = export(tmp_path)
    needs = json.loads((folder / "needs.json").read_text(encoding="utf-8"))
    assert [(n["party_code"], n["amount"], n["currency"], n["is_demo"]) for n in needs] == [
        ("KH", 1000.0, "USD", False)
    ]
    support = read_csv(folder / "support.csv")
    assert [(s["partner"], s["amount"], s["is_demo"]) for s in support] == [
        ("United Nations Office on Drugs and Crime", "500.00", "false")
    ]


# --- The files ---------------------------------------------------------------------------------


def test_it_writes_each_published_report_in_the_interchange_format(
    world: Any, tmp_path: Path
) -> None:
    folder = export(tmp_path)
    files = sorted((folder / "reports").iterdir())
    assert [f.name for f in files] == ["SC66-KH-r1.json"]
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        validate(data)
        assert data["format"] == "tusk.progress-report.v1"
        assert [a["code"] for a in data["actions"]] == ["1.1", "1.2", "1.3"]
    assert read_csv(folder / "reports.csv")[0]["interchange_file"] == "reports/SC66-KH-r1.json"


def test_the_data_dictionary_names_every_column_of_every_table(world: Any, tmp_path: Path) -> None:
    folder = export(tmp_path)
    dictionary = read_csv(folder / "data-dictionary.csv")
    described: dict[str, list[str]] = {}
    for row in dictionary:
        described.setdefault(row["table"], []).append(row["column"])
        assert row["type"] in {"text", "integer", "decimal", "boolean", "date", "datetime"}
        assert row["meaning"]
    tables = {p.stem for p in folder.glob("*.csv")} - {"data-dictionary"}
    assert set(described) == tables
    for table in tables:
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == described[table], table
        rows = json.loads((folder / f"{table}.json").read_text(encoding="utf-8"))
        assert all(list(r) == described[table] for r in rows), table
    assert json.loads((folder / "data-dictionary.json").read_text(encoding="utf-8")) == dictionary


def test_the_readme_states_the_licence_and_the_date(world: Any, tmp_path: Path) -> None:
    readme = (export(tmp_path) / "README.txt").read_text(encoding="utf-8")
    assert "to be set by the Secretariat" in readme
    assert timezone.localdate().isoformat() in readme
    assert "ratings: 3" in readme


# --- The command -------------------------------------------------------------------------------


def test_it_writes_every_file_and_exits_0(world: Any, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "open"
    code, out, _ = run("export-data", "-o", str(folder))
    assert code == 0
    assert set(every_file(folder)) == {*TABLE_FILES, "README.txt", "reports/SC66-KH-r1.json"}
    assert "ratings: 3 rows" in out


def test_it_writes_one_format_when_asked(world: Any, tmp_path: Path) -> None:
    folder = export(tmp_path, "--format", "csv")
    names = set(every_file(folder))
    assert "ratings.csv" in names and "ratings.json" not in names
    assert "reports/SC66-KH-r1.json" in names


def test_it_exits_2_in_one_line_when_the_folder_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "taken.txt"
    file.write_text("x")
    for target in (file, file / "inside"):
        code, out, err = run("export-data", "-o", str(target))
        assert code == 2
        assert err.count("\n") <= 1 and err.startswith("error: ") and str(target) in err
        assert out == ""


# --- The page and the downloads -----------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_and_every_file_answer_every_persona(
    world: Any, personas: dict[str, Any], persona: str
) -> None:
    client = client_for(personas[persona])
    page = client.get(reverse("open-data"))
    assert page.status_code == 200
    html = page.content.decode()
    for table in opendata.ALL_TABLES.values():
        for fmt in opendata.FORMATS:
            url = reverse("open-data-file", kwargs={"table": table.name, "fmt": fmt})
            assert url in html
            response = client.get(url)
            assert response.status_code == 200
            assert response["Content-Disposition"] == (f'attachment; filename="{table.name}.{fmt}"')
    assert reverse("open-data-zip") in html
    for secret in SECRETS:
        assert secret not in html


def test_no_download_holds_a_secret(world: Any) -> None:
    client = client_for(None)
    for table in opendata.ALL_TABLES.values():
        for fmt in opendata.FORMATS:
            url = reverse("open-data-file", kwargs={"table": table.name, "fmt": fmt})
            text = body(client.get(url)).decode()
            assert all(secret not in text for secret in SECRETS), url
    ratings = body(client.get("/open-data/ratings.csv")).decode()
    assert PUBLIC_COMMENT in ratings


def test_the_zip_holds_every_file_of_the_export(world: Any, tmp_path: Path) -> None:
    response = client_for(None).get(reverse("open-data-zip"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="tusk-open-data.zip"'
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    exported = every_file(export(tmp_path))
    assert set(archive.namelist()) == set(exported)
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8")
        assert all(secret not in text for secret in SECRETS), name
        if name != "README.txt":
            assert archive.read(name) == exported[name], name


def test_an_unknown_table_or_format_is_not_found(world: Any) -> None:
    client = client_for(None)
    assert client.get("/open-data/users.csv").status_code == 404
    assert client.get("/open-data/ratings.xlsx").status_code == 404


def test_the_files_are_in_english_whatever_the_visitors_language(world: Any) -> None:
    client = client_for(None)
    client.cookies["django_language"] = "fr"
    text = body(client.get("/open-data/parties.csv")).decode()
    assert "Cambodia" in text and "Cambodge" not in text


# --- Queries ----------------------------------------------------------------------------------


def grow(step: int) -> None:
    """More Parties with published reports, needs and support."""
    for offset, code in enumerate(("TG", "UG", "VN", "TH", "LA", "MZ")[:step]):
        party = PartyFactory(country=code)
        report = published(party, 80 + offset)
        NeedFactory(party=party, action=report.plan.actions.first())
        SupportFactory(party=party)


def count_queries(action: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def test_queries_stay_constant_as_the_data_grows(
    world: Any, tmp_path: Path, django_assert_max_num_queries: Any
) -> None:
    client = client_for(None)

    def everything() -> None:
        assert client.get(reverse("open-data")).status_code == 200
        for table in opendata.ALL_TABLES.values():
            body(client.get(f"/open-data/{table.name}.json"))
        body(client.get(reverse("open-data-zip")))
        opendata.export_open_data(
            sink=opendata.FolderSink(tmp_path / "q"), today=timezone.localdate()
        )

    few = count_queries(everything)
    grow(6)
    assert count_queries(everything) == few
    # One count per table for the page; one query per table, and three for the reports' files.
    with django_assert_max_num_queries(9):
        client.get(reverse("open-data"))
    with django_assert_max_num_queries(len(opendata.TABLES) + 3):
        opendata.open_data_zip(today=timezone.localdate())


# --- Translations -----------------------------------------------------------------------------


def test_every_string_of_the_page_has_its_french_and_spanish() -> None:
    import re

    from django.utils import translation
    from django.utils.translation.template import templatize

    root = Path(__file__).resolve().parents[3]
    page = templatize((root / "templates/documents/open_data.html").read_text(encoding="utf-8"))
    msgids = {m.group(2) for m in re.finditer(r"gettext\(u(['\"])(.*?)\1\)", page)}
    with translation.override("en"):
        for table in opendata.ALL_TABLES.values():
            msgids |= {str(table.title), str(table.description)}
    pending = json.loads((root / "locale/pending/opendata.json").read_text(encoding="utf-8"))
    assert "Open data" in msgids and "Ratings" in msgids
    for msgid in msgids:
        assert pending[msgid]["fr"] and pending[msgid]["es"], msgid
