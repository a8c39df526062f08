"""`make bench`: time Tusk's main operations on a throwaway SQLite database and print numbers.

Benchmarks print; they never pass or fail on time (tests never assert wall-clock times).
Later work adds the world-scale data set here.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst wall time of `repeat` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def bench_readers() -> list[tuple[str, str]]:
    """Documents read per second for each kind, and PDFs against pdftotext's time."""
    import shutil
    import subprocess

    from niapdoc.reading import read_report

    fixtures = ROOT / "niapdoc" / "tests" / "fixtures"
    files: dict[str, list[Path]] = {"text": [], "docx": [], "pdf": []}
    for path in sorted(fixtures.rglob("*")):
        kind = {".txt": "text", ".docx": "docx", ".pdf": "pdf"}.get(path.suffix)
        if kind and ".expected" not in path.name:
            files[kind].append(path)
    rows = []
    for kind, paths in files.items():
        if not paths:
            continue
        blobs = [(p.read_bytes(), p.name) for p in paths]
        per_doc: list[float] = []
        for raw, name in blobs:

            def read(raw: bytes = raw, name: str = name) -> object:
                return read_report(raw, filename=name)

            median, _ = timed(read, 5)
            per_doc.append(median)
        total = sum(per_doc)
        rows.append(
            (
                f"read {kind} ({len(paths)} documents)",
                f"{1000 * len(paths) / total:.0f} documents/s, "
                f"median {statistics.median(per_doc):.1f} ms, worst {max(per_doc):.1f} ms",
            )
        )
        if kind == "pdf" and shutil.which("pdftotext"):
            ratios = []
            for path, ours in zip(paths, per_doc, strict=True):

                def extract(path: Path = path) -> object:
                    return subprocess.run(  # noqa: S603
                        ["pdftotext", "-q", str(path), "-"],  # noqa: S607
                        check=False,
                        capture_output=True,
                    )

                floor, _ = timed(extract, 5)
                ratios.append(ours / floor)
            rows.append(
                (
                    "PDF parse time / pdftotext time",
                    f"median {statistics.median(ratios):.1f}x, worst {max(ratios):.1f}x "
                    "(pdftotext timed as a process, as a user would run it)",
                )
            )
    return rows


def bench_documents() -> list[tuple[str, str]]:
    """The annex table of SC70 in its four formats, and one report in each export format."""
    from django.contrib.auth.models import AnonymousUser

    from tusk.documents.annex_export import annex_export
    from tusk.documents.export import export_report
    from tusk.reports.models import ProgressReport

    rows = []
    start = time.perf_counter()
    sizes = []
    for fmt in ("csv", "xlsx", "docx", "pdf"):
        sizes.append(len(annex_export(user=AnonymousUser(), code="SC70", fmt=fmt, language="en")))
    rows.append(
        (
            "annex table SC70, all four formats",
            f"{time.perf_counter() - start:.2f} s together (csv, xlsx, docx, pdf: "
            + ", ".join(f"{size / 1024:.0f} KB" for size in sizes)
            + ")",
        )
    )
    report = ProgressReport.objects.get(party__country="KH", meeting__number=66, is_current=True)
    for fmt in ("docx", "pdf", "xlsx", "json"):

        def export(fmt: str = fmt) -> object:
            return export_report(report, fmt)

        median, worst = timed(export, 3)
        rows.append(
            (f"export Cambodia SC66 as {fmt}", f"median {median:.0f} ms, worst {worst:.0f} ms")
        )
    return rows


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="tusk-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tusk.settings")
    os.environ["TUSK_TESTING"] = "1"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from tusk.documents.demo import demo_load
    from tusk.documents.services import report_import

    call_command("migrate", verbosity=0)
    rows: list[tuple[str, str]] = bench_readers()

    start = time.perf_counter()
    demo_load()
    rows.append(("loaddemo (first load)", f"{time.perf_counter() - start:.2f} s"))
    start = time.perf_counter()
    demo_load()
    rows.append(("loaddemo (again, no change)", f"{time.perf_counter() - start:.2f} s"))

    rows += bench_documents()

    example = json.loads((ROOT / "niapdoc/tests/fixtures/cambodia-sc66.json").read_text())
    counter = iter(range(10_000))

    def import_once() -> None:
        n = next(counter)
        example["source"]["sha256"] = f"{n:064x}"
        example["meeting"] = "SC65"
        report_import(raw=json.dumps(example).encode(), filename=f"bench-{n}.json")

    median, worst = timed(import_once, 20)
    rows.append(
        ("import-report of a 13-action JSON", f"median {median:.1f} ms, worst {worst:.1f} ms")
    )

    client = Client()
    for label, url in [
        ("page /parties/", "/parties/"),
        ("page /parties/kh/", "/parties/kh/"),
    ]:
        queries: list[str] = []

        def count(execute, sql, params, many, context, queries=queries):  # type: ignore[no-untyped-def]
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        size = len(response.content)
        median, worst = timed(lambda: client.get(url), 20)  # noqa: B023 (called at once)
        rows.append(
            (
                label,
                f"median {median:.1f} ms, worst {worst:.1f} ms, {len(queries)} queries, "
                f"{size / 1024:.1f} KB HTML, status {response.status_code}",
            )
        )

    width = max(len(label) for label, _ in rows)
    print(f"Tusk benchmarks ({connection.vendor}, {os.cpu_count()} cores)")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")


if __name__ == "__main__":
    main()
