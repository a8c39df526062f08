"""PDFs made with WeasyPrint from HTML: ruled tables whose header repeats on every page, rows
that a page break splits, a stamp in the page footer, and (`narrow`) columns so narrow that
words break across lines in the middle."""

from __future__ import annotations

import html

from niapdoc.tests.corpus import tables
from niapdoc.tests.corpus.spec import Case

CSS = """
@page { size: A4; margin: 2cm 2cm 2.4cm 2cm;
        @bottom-center { content: %(footer)s; font-size: 8pt; } }
body { font-family: "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.25; }
p { margin: 0 0 7pt 0; }
p.title { font-weight: bold; font-size: 12pt; }
p.heading { font-weight: bold; margin-top: 10pt; }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0 12pt 0; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { font-weight: bold; }
td p { margin: 0 0 3pt 0; }
td.category { font-weight: bold; background: #ddd; }
td.rating { font-weight: bold; }
tr { break-inside: auto; }
%(extra)s
"""

NARROW = """
body { font-size: 10.5pt; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _footer(template: str | None) -> str:
    if not template:
        return '""'
    before, _, after = template.partition("{page}")
    return f'"{before}" counter(page) "{after}"'


def _paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{_e(t)}</p>" for t in items)


def _synopsis(case: Case) -> list[str]:
    layout = case.layout
    out = []
    if layout.part_a:
        out.append(f'<p class="heading">{_e(layout.part_a)}</p>')
    for heading, paragraphs in (
        (None, case.overview),
        (layout.progress_heading, case.progress),
        (layout.outlook_heading, case.outlook),
    ):
        if heading and paragraphs:
            out.append(f'<p class="heading">{_e(heading)}</p>')
        out += [f"<p>{_e(p)}</p>" for p in paragraphs]
    return out


def _part_b(case: Case) -> list[str]:
    layout, columns = case.layout, case.columns()
    first = "22%" if not layout.narrow else "17%"
    out = ['<table class="b"><colgroup>', f'<col style="width: {first}">']
    out += ["<col>" for _ in columns]
    out.append("</colgroup><thead>")
    if layout.b_rating_head:
        out.append(
            f'<tr><th rowspan="2">{_e(layout.b_pillar_head)}</th>'
            f'<th colspan="{len(columns)}">{_e(layout.b_rating_head)}</th></tr>'
        )
        out.append("<tr>" + "".join(f"<th>{_e(w)}</th>" for w in columns) + "</tr>")
    else:
        out.append(
            f"<tr><th>{_e(layout.b_pillar_head)}</th>"
            + "".join(f"<th>{_e(w)}</th>" for w in columns)
            + "</tr>"
        )
    out.append("</thead><tbody>")
    for row in tables.part_b(case):
        if row.span:
            span = len(columns) + 1
            out.append(f'<tr><td class="category" colspan="{span}">{_e(row.label)}</td></tr>')
            continue
        cells = "".join("<td>" + _paragraphs(column) + "</td>" for column in row.columns)
        out.append(f"<tr><td>{_e(row.label)}</td>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def _part_c(case: Case) -> list[str]:
    layout = case.layout
    widths = {"action": "30%", "rating": "17%", "progress": "53%"}
    if layout.narrow:
        widths = {"action": "19%", "rating": "13%", "progress": "68%"}
    heads = dict(zip(("action", "rating", "progress"), layout.c_heads, strict=True))
    out = ['<table class="c"><colgroup>']
    out += [f'<col style="width: {widths[r]}">' for r in layout.c_order]
    out.append("</colgroup><thead><tr>")
    out += [f"<th>{_e(heads[r])}</th>" for r in layout.c_order]
    out.append("</tr></thead><tbody>")
    for row in tables.part_c(case):
        if row.is_category:
            out.append(f'<tr><td class="category" colspan="3">{_e(row.title)}</td></tr>')
            continue
        bullet = layout.bullet
        cells = {
            "action": f"<td>{_e(row.title)}</td>",
            "rating": f'<td class="rating">{_e(row.rating)}</td>',
            "progress": "<td>" + _paragraphs([bullet + i for i in row.progress]) + "</td>",
        }
        out.append("<tr>" + "".join(cells[r] for r in layout.c_order) + "</tr>")
    out.append("</tbody></table>")
    return out


def render_html(case: Case) -> str:
    """The case as an HTML page for WeasyPrint."""
    layout = case.layout
    extra = NARROW if layout.narrow else ""
    if layout.hyphens:
        extra += "td { hyphens: auto; }\n"
    style = CSS % {"footer": _footer(layout.footer), "extra": extra}
    body = [
        f'<p class="title">{_e(line)}</p>' if bold else f"<p>{_e(line)}</p>"
        for line, bold in tables.header_lines(case)
    ]
    body += _synopsis(case)
    if layout.part_b:
        body.append(f'<p class="heading">{_e(layout.part_b)}</p>')
    body += _part_b(case)
    if layout.part_c:
        body.append(f'<p class="heading">{_e(layout.part_c)}</p>')
    body += _part_c(case)
    return (
        f'<!DOCTYPE html><html lang="{case.language}"><head><meta charset="utf-8">'
        f"<title>{_e(case.header[0])}</title>"
        '<meta name="dcterms.created" content="2020-01-01T00:00:00Z">'
        '<meta name="dcterms.modified" content="2020-01-01T00:00:00Z">'
        f"<style>{style}</style></head><body>" + "\n".join(body) + "</body></html>"
    )


def render_pdf(case: Case) -> bytes:
    """The case as a PDF made by WeasyPrint, with a fixed identifier and dates."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(case)).write_pdf(pdf_identifier=case.name.encode("ascii"))
    return pdf
