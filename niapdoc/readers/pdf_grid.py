"""Tables in a PDF, found from their ruling lines: the lattice a word processor draws.

Rules are read from the page's path objects with PDFium, merged where they touch, and grouped
into tables where they cross. A table's grid is every column rule by every row rule; its cells
are the grid's boxes, joined wherever no rule separates them (merged cells). Where a page break
split a row and the writer drew no rule across the foot (or head) of the page, the rule is put
back where two or more column rules end together.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

SNAP = 2.0  # points: rules closer than this are one rule
MIN_LENGTH = 3.0
MAX_PATH_SEGMENTS = 400


@dataclass
class Rule:
    """A horizontal rule (`at` is its y, from `start` to `end` in x) or a vertical one."""

    at: float
    start: float
    end: float

    def covers(self, value: float) -> bool:
        return self.start - SNAP <= value <= self.end + SNAP


@dataclass
class Grid:
    """A table: its column and row boundaries, and for each box of the grid the box that
    anchors the cell it belongs to (itself, unless merged with a box above or to its left)."""

    xs: list[float]
    ys: list[float]
    anchor: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The anchor box of the cell holding the point, or None outside the table."""
        xs, ys = self.xs, self.ys
        if not (xs[0] - 0.5 <= x <= xs[-1] + 0.5 and ys[0] - 0.5 <= y <= ys[-1] + 0.5):
            return None
        j = bisect_right(xs, x) - 1
        i = bisect_right(ys, y) - 1
        j = 0 if j < 0 else len(xs) - 2 if j > len(xs) - 2 else j
        i = 0 if i < 0 else len(ys) - 2 if i > len(ys) - 2 else i
        return self.anchor.get((i, j))

    def cell_box(self, unit: tuple[int, int]) -> tuple[float, float, float, float]:
        """The box of the cell anchored at `unit`: its boxes joined."""
        units = [u for u, a in self.anchor.items() if a == unit]
        return (
            self.xs[min(j for _, j in units)],
            self.ys[min(i for i, _ in units)],
            self.xs[max(j for _, j in units) + 1],
            self.ys[max(i for i, _ in units) + 1],
        )


def _segment_edges(obj: Any, raw: Any, height: float) -> list[tuple[float, float, float, float]]:
    """The straight segments of a path object, in top-down page coordinates."""
    count = raw.FPDFPath_CountSegments(obj.raw)
    if count <= 0 or count > MAX_PATH_SEGMENTS:
        return []
    matrix = obj.get_matrix()
    a, b, c, d, e, f = matrix.get()
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[float, float, float, float]] = []
    start = previous = (0.0, 0.0)
    for k in range(count):
        segment = raw.FPDFPath_GetPathSegment(obj.raw, k)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO:
            out.append((*previous, *point))
        previous = point
        if raw.FPDFPathSegment_GetClose(segment):
            out.append((*previous, *start))
            previous = start
    return out


def page_rules(page: Any, height: float) -> tuple[list[Rule], list[Rule]]:
    """The horizontal and vertical rules drawn on a page, merged where they touch."""
    import pypdfium2.raw as raw

    flat: list[Rule] = []
    upright: list[Rule] = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        width, tall = right - left, top - bottom
        if tall <= 2.5 and width >= MIN_LENGTH:
            flat.append(Rule(height - (top + bottom) / 2, left, right))
            continue
        if width <= 2.5 and tall >= MIN_LENGTH:
            upright.append(Rule((left + right) / 2, height - top, height - bottom))
            continue
        if obj.level > 0:
            continue
        for x0, y0, x1, y1 in _segment_edges(obj, raw, height):
            if abs(y1 - y0) < 1 and abs(x1 - x0) >= MIN_LENGTH:
                flat.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) < 1 and abs(y1 - y0) >= MIN_LENGTH:
                upright.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return _merge(flat), _merge(upright)


def _merge(rules: list[Rule]) -> list[Rule]:
    """Rules at the same place (within SNAP) that touch or overlap, as one rule each."""
    rules.sort(key=lambda r: r.at)
    merged: list[Rule] = []
    cluster: list[Rule] = []
    for rule in [*rules, None]:
        if rule is not None and (not cluster or rule.at - cluster[0].at <= SNAP):
            cluster.append(rule)
            continue
        if cluster:
            at = sum(r.at for r in cluster) / len(cluster)
            for part in sorted(cluster, key=lambda r: r.start):
                if merged and merged[-1].at == at and part.start <= merged[-1].end + SNAP:
                    merged[-1].end = max(merged[-1].end, part.end)
                else:
                    merged.append(Rule(at, part.start, part.end))
        cluster = [rule] if rule is not None else []
    return merged


def _crosses(flat: Rule, upright: Rule) -> bool:
    return flat.covers(upright.at) and upright.covers(flat.at)


def _close_open_ends(flat: list[Rule], upright: list[Rule]) -> list[Rule]:
    """Rules across column rules that end together with nothing across them."""
    open_ends: dict[int, list[float]] = {}
    for rule in upright:
        for y in (rule.start, rule.end):
            if not any(abs(h.at - y) <= SNAP and h.covers(rule.at) for h in flat):
                open_ends.setdefault(round(y), []).append(rule.at)
    return [Rule(float(y), min(xs), max(xs)) for y, xs in open_ends.items() if len(xs) >= 2]


def _components(flat: list[Rule], upright: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """The rules grouped into tables: rules that cross each other, directly or not."""
    parent = list(range(len(flat) + len(upright)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, h in enumerate(flat):
        for j, v in enumerate(upright):
            if _crosses(h, v):
                parent[find(i)] = find(len(flat) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(flat):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(upright):
        groups.setdefault(find(len(flat) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 1 and len(g[1]) >= 2]


def _positions(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def _grid(flat: list[Rule], upright: list[Rule]) -> Grid | None:
    flat = flat + _close_open_ends(flat, upright)
    xs, ys = _positions([v.at for v in upright]), _positions([h.at for h in flat])
    if len(xs) < 2 or len(ys) < 2:
        return None
    grid = Grid(xs, ys)

    def parted_across(i: int, j: int) -> bool:  # a column rule between boxes (i, j), (i, j+1)
        middle = (ys[i] + ys[i + 1]) / 2
        return any(abs(v.at - xs[j + 1]) <= SNAP and v.covers(middle) for v in upright)

    def parted_down(i: int, j: int) -> bool:  # a row rule between boxes (i, j), (i+1, j)
        middle = (xs[j] + xs[j + 1]) / 2
        return any(abs(h.at - ys[i + 1]) <= SNAP and h.covers(middle) for h in flat)

    rows, columns = len(ys) - 1, len(xs) - 1
    for i in range(rows):
        for j in range(columns):
            if i and not parted_down(i - 1, j):
                grid.anchor[(i, j)] = grid.anchor[(i - 1, j)]
            elif j and not parted_across(i, j - 1):
                grid.anchor[(i, j)] = grid.anchor[(i, j - 1)]
            else:
                grid.anchor[(i, j)] = (i, j)
    if len(set(grid.anchor.values())) < 2:
        return None  # a framed box, not a table
    return grid


def find_grids(flat: list[Rule], upright: list[Rule]) -> list[Grid]:
    """The tables the rules of a page draw, top first."""
    grids = [g for group in _components(flat, upright) if (g := _grid(*group))]
    return sorted(grids, key=lambda g: g.ys[0])
