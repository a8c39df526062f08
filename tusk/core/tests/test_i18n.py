"""The French and Spanish catalogues are complete, and the pages speak the reader's language."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tusk.testing.factories import PartyCategoryFactory, report_with_actions

LANGUAGES = ["fr", "es"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def _catalogue(language: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"


@dataclass
class Entry:
    """One message of a .po file."""

    line: int
    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [value for key, value in self.fields.items() if key.startswith("msgstr")]


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file: flags, msgid, msgid_plural, msgstr and msgstr[n]."""
    entries: list[Entry] = []
    entry: Entry | None = None
    key = ""
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if not line.strip():
            if entry is not None:
                entries.append(entry)
            entry = None
            continue
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry.fields[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry.fields[key] = ast.literal_eval(value)
    return entries


def test_it_parses_a_po_file() -> None:
    entries = parse_po(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#, fuzzy, python-format\n'
        'msgid "%(days)s day"\nmsgid_plural "%(days)s days"\nmsgstr[0] "%(days)s jour"\n'
        'msgstr[1] ""\n'
    )
    assert entries[0].fields["msgstr"] == "Language: fr\n"
    assert entries[1].flags == {"fuzzy", "python-format"}
    assert entries[1].translations == ["%(days)s jour", ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_translates_every_message_of_the_catalogue(language) -> None:
    entries = parse_po(_catalogue(language).read_text(encoding="utf-8"))
    assert len(entries) > 100
    header, messages = entries[0], entries[1:]
    assert header.msgid == "" and f"Language: {language}\n" in header.fields["msgstr"]
    problems = []
    for entry in [header, *messages]:
        if "fuzzy" in entry.flags:
            problems.append(f"line {entry.line}: fuzzy: {entry.msgid!r}")
    for entry in messages:
        if not all(entry.translations):
            problems.append(f"line {entry.line}: untranslated: {entry.msgid!r}")
        plural = entry.fields.get("msgid_plural")
        if plural is None:
            wanted = sorted(PLACEHOLDER.findall(entry.msgid))
            for translation in entry.translations:
                if translation and sorted(PLACEHOLDER.findall(translation)) != wanted:
                    problems.append(f"line {entry.line}: placeholders differ: {translation!r}")
            continue
        # A singular may spell its number out ("One field…"); the other forms use the count.
        allowed = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(plural))
        for translation in entry.translations:
            if not set(PLACEHOLDER.findall(translation)) <= allowed:
                problems.append(f"line {entry.line}: unknown placeholder: {translation!r}")
        last = entry.translations[-1] if entry.translations else ""
        if sorted(PLACEHOLDER.findall(last)) != sorted(PLACEHOLDER.findall(plural)):
            problems.append(f"line {entry.line}: plural placeholders differ: {last!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_compiles_the_catalogue_without_an_error(language) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext is not installed (make setup installs it)")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(_catalogue(language))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr


@pytest.fixture
def compiled(settings, tmp_path) -> None:
    """The catalogues as written, compiled afresh, so a page test never reads a stale .mo."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext is not installed (make setup installs it)")
    for language in LANGUAGES:
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        subprocess.run(
            [msgfmt, "-o", str(folder / "django.mo"), str(_catalogue(language))], check=True
        )
    settings.LOCALE_PATHS = [tmp_path]


@pytest.mark.django_db
def test_it_shows_the_party_list_in_french_to_a_french_browser(compiled, cambodia) -> None:
    PartyCategoryFactory.create(party=cambodia, cycle="CoP19", category="A")
    report_with_actions(party=cambodia, status="published")
    html = Client().get("/parties/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="fr">' in html
    assert "Parties dans le processus des PANI" in html
    assert "Catégorie A" in html and "Se connecter" in html and "Publié" in html
    assert "Cambodge" in html  # django-countries' own French name
    assert "Parties in the NIAP process" not in html


@pytest.mark.django_db
def test_it_keeps_the_language_chosen_with_the_switcher(compiled, cambodia) -> None:
    report = report_with_actions(party=cambodia, status="published")
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/parties/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    html = client.get("/parties/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Partes en el proceso de los PANM" in html
    html = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Evaluación de la Parte" in html and "En curso" in html and "Difícil" in html
    # The report's own words stay in the report's language.
    assert '<td data-label="Medida" lang="en">Action 1.1</td>' in html
