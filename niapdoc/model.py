"""The progress report as data: dataclasses of the `tusk.progress-report.v1` interchange format.

Every reader produces a `ProgressReport`; the import, the checks and the exports consume it. The
JSON form is specified in shared/spec/progress-report.md and validated against the JSON Schema
kept beside this module.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from niapdoc.errors import ReportError
from niapdoc.scales import SCALES

FORMAT = "tusk.progress-report.v1"


@dataclass
class Source:
    """The document a report was read from."""

    filename: str
    sha256: str
    kind: str


@dataclass
class Synopsis:
    """Part A: the overview, progress to date, and future outlook."""

    overview: str = ""
    progress: str = ""
    outlook: str = ""


@dataclass
class Pillar:
    """A category (pillar) of the plan, as the report numbers and names it."""

    number: str
    name: str | None


@dataclass
class Action:
    """One action of the plan with the ratings Parts B and C give it and its progress text."""

    code: str
    pillar: str | None
    title: str
    flagged: bool = False
    rating: str | None = None
    rating_part_b: str | None = None
    rating_part_c: str | None = None
    progress: list[str] = field(default_factory=list)


@dataclass
class Finding:
    """Something the quality checks found wrong or worth a look."""

    code: str
    severity: str
    action: str | None
    pillar: str | None
    message: str


@dataclass
class ProgressReport:
    """A whole NIAP progress report in the interchange format."""

    source: Source
    language: str
    party: str
    party_code: str | None
    meeting: str | None
    period_start: str | None
    period_end: str | None
    prepared_by: str | None
    scale: str
    synopsis: Synopsis
    pillars: list[Pillar] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    format: str = FORMAT

    def to_dict(self) -> dict[str, Any]:
        """The report as the JSON object of the format, keys in the specification's order."""
        data = asdict(self)
        ordered = {"format": data.pop("format")}
        ordered.update(data)
        return ordered

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text, non-ASCII kept as written."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> ProgressReport:
        """Build a report from decoded JSON, raising ReportError where it breaks the format."""
        validate(data)
        return cls(
            format=data["format"],
            source=Source(**data["source"]),
            language=data["language"],
            party=data["party"],
            party_code=data["party_code"],
            meeting=data["meeting"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            prepared_by=data["prepared_by"],
            scale=data["scale"],
            synopsis=Synopsis(**data["synopsis"]),
            pillars=[Pillar(**p) for p in data["pillars"]],
            actions=[Action(**{**a, "progress": list(a["progress"])}) for a in data["actions"]],
            findings=[Finding(**f) for f in data["findings"]],
        )


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the interchange format."""
    text = resources.files("niapdoc").joinpath("schema/progress-report.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _place(error: jsonschema.ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return path.lstrip(".") or "the top level"


def validate(data: Any) -> None:
    """Raise ReportError naming the first place where `data` breaks the format, if any.

    Beyond the schema, it checks what the schema cannot say: every rating belongs to the
    report's scale, so that the two scales are never mixed.
    """
    if not isinstance(data, dict):
        raise ReportError(
            "the file is JSON but not an object: expected a tusk.progress-report.v1 report"
        )
    found = data.get("format")
    if found != FORMAT:
        raise ReportError(
            f"the format is {found!r}, not {FORMAT!r}: export the report again from a reader "
            f"that writes {FORMAT}"
        )
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise ReportError(
            f"the report does not follow {FORMAT} at {_place(first)}: {first.message}"
        )
    scale = data["scale"]
    for action in data["actions"]:
        for key in ("rating", "rating_part_b", "rating_part_c"):
            value = action[key]
            if value is not None and value not in SCALES[scale]:
                raise ReportError(
                    f"action {action['code']} has {key} {value!r}, which is not on the report's "
                    f"scale {scale} ({', '.join(SCALES[scale])}): fix the rating or the scale"
                )


def loads(text: str | bytes) -> ProgressReport:
    """Parse interchange JSON text into a report, raising ReportError with the reason and fix."""
    try:
        data = json.loads(text)
    except UnicodeDecodeError as exc:
        raise ReportError(f"the file is not UTF-8 text ({exc.reason}): save it as UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ReportError(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    return ProgressReport.from_dict(data)
