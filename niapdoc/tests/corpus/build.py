"""Write the corpus: each case's document and the JSON that reading it must give.

Run as `python -m niapdoc.tests.corpus.build [--force] [NAME ...]`. Text and Word files come out
byte for byte the same on every run. PDFs are made by LibreOffice (from the case's Word file) or
WeasyPrint (from its HTML); their bytes may change between runs, so a PDF is only made again when
its source changed (`sources.json` keeps the source's sha256), and the expected JSON always takes
the sha256 of the PDF on disk. The sha256 is not a judgement: the findings are written by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from niapdoc.tests.corpus.cases import CASES
from niapdoc.tests.corpus.render_docx import render_docx
from niapdoc.tests.corpus.render_html import render_html, render_pdf
from niapdoc.tests.corpus.render_text import render_text
from niapdoc.tests.corpus.spec import Case, expected

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
SOURCES = OUT / "sources.json"
SOFFICE_TIMEOUT = 180


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def libreoffice_pdf(docx: bytes, name: str) -> bytes:
    """The PDF LibreOffice makes of a Word file, in a private profile so runs do not clash."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to make the PDF cases")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=SOFFICE_TIMEOUT,
        )  # fmt: skip
        return (folder / f"{name}.pdf").read_bytes()


def _document(case: Case, sources: dict[str, str], force: bool) -> bytes:
    """The case's document, made again only when its source changed (for PDFs)."""
    if case.kind == "text":
        return render_text(case)
    if case.kind == "docx":
        return render_docx(case)
    source = (
        render_docx(case, manual_breaks=False)
        if case.kind == "pdf-lo"
        else render_html(case).encode("utf-8")
    )
    path = OUT / case.filename
    if not force and path.exists() and sources.get(case.name) == _sha(source):
        return path.read_bytes()
    sources[case.name] = _sha(source)
    return libreoffice_pdf(source, case.name) if case.kind == "pdf-lo" else render_pdf(case)


def build(names: list[str], *, force: bool = False) -> None:
    """Write the documents and expected JSON of the named cases (all when none is named)."""
    OUT.mkdir(parents=True, exist_ok=True)
    sources = json.loads(SOURCES.read_text()) if SOURCES.exists() else {}
    chosen = [c for c in CASES if not names or c.name in names]
    for case in chosen:
        document = _document(case, sources, force)
        (OUT / case.filename).write_bytes(document)
        data = expected(case, sha256=_sha(document))
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        (OUT / f"{case.name}.expected.json").write_text(text, encoding="utf-8")
        print(f"{case.filename}: {len(document)} bytes")
    if not names:
        known = {c.filename for c in CASES} | {f"{c.name}.expected.json" for c in CASES}
        for path in OUT.iterdir():
            if path.name not in known and path != SOURCES:
                path.unlink()
        sources = {k: v for k, v in sources.items() if any(c.name == k for c in CASES)}
    SOURCES.write_text(json.dumps(sources, indent=2, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> None:
    """Build the corpus from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="cases to build (default: all)")
    parser.add_argument("--force", action="store_true", help="make every PDF again")
    args = parser.parse_args(argv)
    unknown = set(args.names) - {c.name for c in CASES}
    if unknown:
        sys.exit(f"no such case: {', '.join(sorted(unknown))}")
    build(args.names, force=args.force)


if __name__ == "__main__":
    main()
