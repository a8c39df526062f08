"""From what was read to the interchange format: parts merged, scale found, findings added."""

from __future__ import annotations

import re

from niapdoc import model
from niapdoc.blocks import Block
from niapdoc.checks import check
from niapdoc.errors import ReportError
from niapdoc.scales import SCALES
from niapdoc.structure import Entry, Reading, party_of, read_structure, scale_of


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def report_from_blocks(blocks: list[Block], *, source: model.Source) -> model.ProgressReport:
    """Read a whole report from its blocks, or raise ReportError if it is not a report."""
    reading = read_structure(blocks)
    if not reading.part_b and not reading.part_c:
        raise ReportError(
            f"{source.filename} does not look like a NIAP progress report: it has no table of "
            "actions with their ratings (Part B or Part C of the template); check that this is "
            "the progress report and not a cover letter or annex"
        )
    party, party_code = party_of(reading)
    meeting = reading.prepared_for_meeting or reading.title_meeting
    scale = scale_of(reading, meeting)
    report = model.ProgressReport(
        source=source,
        language=reading.language,
        party=party,
        party_code=party_code,
        meeting=meeting,
        period_start=reading.period.start,
        period_end=reading.period.end,
        prepared_by=reading.prepared_by,
        scale=scale,
        synopsis=model.Synopsis(
            overview="\n\n".join(reading.synopsis["overview"]),
            progress="\n\n".join(reading.synopsis["progress"]),
            outlook="\n\n".join(reading.synopsis["outlook"]),
        ),
        pillars=_pillars(reading),
        actions=_actions(reading, scale),
    )
    report.findings = check(reading, report)
    return report


def _pillars(reading: Reading) -> list[model.Pillar]:
    names: dict[str, str | None] = {}
    for mention in (*reading.pillars_b, *reading.pillars_c):
        if mention.number not in names or (names[mention.number] is None and mention.name):
            names[mention.number] = mention.name
    for entry in (*reading.part_b, *reading.part_c):
        if entry.pillar and entry.pillar not in names:
            names[entry.pillar] = None
    # Part B's name wins when both parts name a pillar: it is the summary the Party signs off.
    for mention in reading.pillars_b:
        if mention.name:
            names[mention.number] = mention.name
    order = sorted(names, key=lambda n: (0, int(n)) if n.isdigit() else (1, 0))
    return [model.Pillar(number=n, name=names[n]) for n in order]


def _actions(reading: Reading, scale: str) -> list[model.Action]:
    b_entries: dict[str, Entry] = {}
    c_entries: dict[str, Entry] = {}
    for entry in reading.part_b:
        b_entries.setdefault(entry.code, entry)
    for entry in reading.part_c:
        c_entries.setdefault(entry.code, entry)
    codes = list(dict.fromkeys([*c_entries, *b_entries]))
    if all(re.fullmatch(r"\d+(?:\.\d+)*", code) for code in codes):
        codes.sort(key=_code_key)
    actions = []
    for code in codes:
        b, c = b_entries.get(code), c_entries.get(code)
        on_scale_b = b.rating if b and b.rating in SCALES[scale] else None
        on_scale_c = c.rating if c and c.rating in SCALES[scale] else None
        actions.append(
            model.Action(
                code=code,
                pillar=(c.pillar if c else None) or (b.pillar if b else None),
                title=(c.title if c and c.title else "") or (b.title if b else ""),
                flagged=bool((b and b.flagged) or (c and c.flagged)),
                rating=on_scale_c or on_scale_b,
                rating_part_b=on_scale_b,
                rating_part_c=on_scale_c,
                progress=list(c.progress) if c else [],
            )
        )
    return actions
