"""Converted text, as the shared example: markdown paragraphs, tables as tab-separated rows whose
cells hold inline HTML, a page break as a blank line, stamps, and the table's header again."""

from __future__ import annotations

import html
import re

from niapdoc.tests.corpus import tables
from niapdoc.tests.corpus.spec import Case


class _Pages:
    """Page breaks: the noise lines each break leaves in the text, numbered by page."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.page = 1

    def lines(self) -> list[str]:
        self.page += 1
        out = [""]
        for line in self.case.layout.noise:
            out += [line.format(page=self.page, previous=self.page - 1), ""]
        return out


def _emphasis(case: Case, text: str) -> str:
    for word in case.layout.emphasis:
        text = re.sub(rf"(?<![\w*]){re.escape(word)}(?![\w*])", f"*{word}*", text)
    return text


def _synopsis(case: Case) -> list[str]:
    layout = case.layout
    out: list[str] = []
    if layout.part_a:
        out += [f"## **{layout.part_a}**", ""]
    for heading, paragraphs in (
        (None, case.overview),
        (layout.progress_heading, case.progress),
        (layout.outlook_heading, case.outlook),
    ):
        if heading and paragraphs:
            out += [f"### **{heading}**", ""]
        for paragraph in paragraphs:
            out += [_emphasis(case, html.escape(paragraph, quote=False)), ""]
    return out


def _cell(paragraphs: list[str]) -> str:
    texts = [html.escape(p, quote=False) for p in paragraphs]
    if len(texts) == 1:
        return texts[0]
    return " ".join(f"<p>{t}</p>" for t in texts)


def _part_b(case: Case, pages: _Pages) -> list[str]:
    layout = case.layout
    columns = case.columns()
    if layout.b_rating_head:
        head = [
            f"{layout.b_pillar_head}\t{layout.b_rating_head}" + "\t" * (len(columns) - 1),
            "\t" + "\t".join(columns),
        ]
    else:
        head = [layout.b_pillar_head + "\t" + "\t".join(columns)]
    out = [*head]
    for row in tables.part_b(case):
        if row.pillar.number in layout.b_page_breaks:
            out += [*pages.lines(), *head]
        label = html.escape(row.label, quote=False)
        if row.span:
            out.append(f"<b>{label}</b>" + "\t" * len(columns))
        else:
            out.append(label + "\t" + "\t".join(map(_cell, row.columns)))
    return [*out, ""]


def _progress(case: Case, items: tuple[str, ...]) -> str:
    if not items:
        return ""
    bullet = case.layout.bullet
    inner = " ".join(f"<li>{bullet}{html.escape(i, quote=False)}</li>" for i in items)
    return f'<ul style="list-style-type: none"> {inner} </ul>'


def _c_line(case: Case, action: str, rating: str, progress: str) -> str:
    cells = {"action": action, "rating": rating, "progress": progress}
    return "\t".join(cells[role] for role in case.layout.c_order)


def _part_c(case: Case, pages: _Pages) -> list[str]:
    layout = case.layout
    heads = dict(zip(("action", "rating", "progress"), layout.c_heads, strict=True))
    head = "\t".join(heads[role] for role in layout.c_order)
    out = [head]
    for row in tables.part_c(case):
        if row.is_category:
            label = html.escape(row.title, quote=False)
            out.append(_c_line(case, f"<b>{label}</b>", "", ""))
            continue
        rating = f"<b>{html.escape(row.rating, quote=False)}</b>" if row.rating else ""
        title = html.escape(row.title, quote=False)
        if row.code == layout.split_c:
            words, items = title.split(" "), row.progress
            k, m = layout.split_at
            out.append(_c_line(case, " ".join(words[:k]), rating, _progress(case, items[:m])))
            out += [*pages.lines(), head]
            out.append(_c_line(case, " ".join(words[k:]), "", _progress(case, items[m:])))
        else:
            out.append(_c_line(case, title, rating, _progress(case, row.progress)))
        if row.code in layout.c_page_breaks:
            out += [*pages.lines(), head]
    return out


def render_text(case: Case) -> bytes:
    """The case as converted text, UTF-8."""
    layout = case.layout
    pages = _Pages(case)
    out = ["", ""]
    for line, bold in tables.header_lines(case):
        out += [f"**{line}**  " if bold else line, ""]
    out += _synopsis(case)
    if layout.part_b:
        out += [f"**{layout.part_b}**", ""]
    out += _part_b(case, pages)
    if layout.part_c:
        out += [f"## {layout.part_c}", ""]
    out += _part_c(case, pages)
    text = "\n".join(out).rstrip("\n") + "\n"
    return text.encode("utf-8")
