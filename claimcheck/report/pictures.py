"""Pictures of the numbers: geometry for inline SVG number lines and timelines.

Everything is computed here, in the coordinates of the SVG's ``viewBox``; the template
only draws the shapes it is given. A number line has one row per source, each showing
the interval the source's words commit to: a dot for an exact figure, a bar for a range,
an arrow for an open end ("more than 300"), and a soft band for "about". A timeline puts
each source's figure at its publication date, so a rising toll reads as rising.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claimcheck.model.numbers import Qualifier, QuantityValue
from claimcheck.report.describe import plain_day, plain_number

# "about N" is drawn as a band of ±10 % around N: the default rules' approximation. The
# band shows softness, it does not judge (the rules do that, with their own setting).
ABOUT_BAND = 0.1

WIDTH = 640
LABEL_WIDTH = 200
RIGHT = 24
ROW = 26
TOP = 10
AXIS = 34
LABEL_CHARS = 30
MOST_ROWS = 24


@dataclass(frozen=True)
class Figure:
    """One source's figure for a slot, as the pictures need it."""

    source: str  # source id (a hook for tests and tools)
    label: str  # what the row is called: outlet or file
    value: QuantityValue
    tone: str = "neutral"
    draft: bool = False
    published: dt.date | None = None


def _bounds(value: QuantityValue) -> tuple[float | None, float | None, bool]:
    """The figure's interval as floats, and whether it is an approximation."""
    interval = value.interval
    low = None if interval.low is None else float(interval.low)
    high = None if interval.high is None else float(interval.high)
    soft = value.approximate or value.qualifier in (Qualifier.ABOUT, Qualifier.NEARLY,
                                                    Qualifier.VAGUE)
    return low, high, soft


def _extent(figures: Sequence[Figure]) -> tuple[float, float] | None:
    finite: list[float] = []
    for figure in figures:
        low, high, soft = _bounds(figure.value)
        for bound in (low, high):
            if bound is not None:
                finite.append(bound)
        if soft and low is not None and low == high:
            finite += [low * (1 - ABOUT_BAND), low * (1 + ABOUT_BAND)]
    if not finite:
        return None
    lo, hi = min(finite), max(finite)
    if lo == hi:
        pad = abs(lo) * 0.2 or 1.0
        return lo - pad, hi + pad
    return lo, hi


class _Scale:
    """Linear, or logarithmic when the figures span more than an order and a half."""

    def __init__(self, lo: float, hi: float, left: float, right: float) -> None:
        self.log = lo > 0 and hi / lo >= 30
        if self.log:
            lo, hi = math.log10(lo), math.log10(hi)
        margin = (hi - lo) * 0.06
        self.lo, self.hi = lo - margin, hi + margin
        self.left, self.right = left, right

    def __call__(self, value: float) -> float:
        if self.log:
            value = math.log10(value) if value > 0 else self.lo
        span = self.hi - self.lo
        x = self.left + (value - self.lo) / span * (self.right - self.left)
        return round(min(max(x, self.left), self.right), 1)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = math.ceil(self.lo), math.floor(self.hi)
            return [10.0 ** k for k in range(first, last + 1)] or [10 ** self.lo]
        return _nice_ticks(self.lo, self.hi)


def _nice_ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    span = hi - lo
    raw = span / most
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _tick_label(value: float) -> str:
    return plain_number(Decimal(repr(round(value, 6))).normalize())


def _marks(value: QuantityValue, scale: _Scale, y: float) -> list[dict[str, Any]]:
    low, high, soft = _bounds(value)
    left, right = scale.left, scale.right
    marks: list[dict[str, Any]] = []
    if low is not None and low == high:
        x = scale(low)
        if soft:
            marks.append({"shape": "band", "x": scale(low * (1 - ABOUT_BAND)), "y": y - 7,
                          "w": round(scale(low * (1 + ABOUT_BAND)) - scale(low * (1 - ABOUT_BAND)),
                                     1), "h": 14})
        marks.append({"shape": "dot", "x": x, "y": y, "hollow": False})
        return marks
    start = left if low is None else scale(low)
    end = right if high is None else scale(high)
    shape = "band" if soft else "bar"
    marks.append({"shape": shape, "x": start, "y": y - (7 if soft else 4),
                  "w": round(max(end - start, 2.0), 1), "h": 14 if soft else 8})
    if high is None:
        marks.append({"shape": "arrow", "points": f"{right},{y} {right - 9},{y - 6} "
                                                  f"{right - 9},{y + 6}"})
    if low is None:
        marks.append({"shape": "arrow", "points": f"{left},{y} {left + 9},{y - 6} "
                                                 f"{left + 9},{y + 6}"})
    if low is not None:
        marks.append({"shape": "dot", "x": start, "y": y,
                      "hollow": not value.interval.low_inclusive})
    if high is not None:
        marks.append({"shape": "dot", "x": end, "y": y,
                      "hollow": not value.interval.high_inclusive})
    return marks


def _rows(by_source: dict[str, list[Figure]]
          ) -> list[tuple[list[str], str, list[Figure]]]:
    """One row per source; with more sources than ``MOST_ROWS``, one row per distinct
    figure, named by how many sources state it, so a story told by 600 outlets still
    fits on a screen."""
    if len(by_source) <= MOST_ROWS:
        return [([source], mine[0].label, mine) for source, mine in by_source.items()]
    alike: dict[tuple[object, ...], tuple[list[str], list[Figure]]] = {}
    for source, mine in by_source.items():
        key = (mine[0].draft, mine[0].tone, *(f.value for f in mine))
        sources, members = alike.setdefault(key, ([], []))
        sources.append(source)
        if not members:
            members.extend(mine)
    rows = []
    for sources, members in alike.values():
        label = members[0].label if len(sources) == 1 else f"{len(sources)} sources"
        rows.append((sources, label, members))
    return rows


def number_line(figures: Sequence[Figure], caption: str) -> dict[str, Any] | None:
    """Rows of marks, one row per source, on one shared axis; None with no finite figure."""
    extent = _extent(figures)
    if extent is None:
        return None
    scale = _Scale(*extent, LABEL_WIDTH + 8, WIDTH - RIGHT)
    by_source: dict[str, list[Figure]] = {}
    for figure in figures:
        by_source.setdefault(figure.source, []).append(figure)
    rows = []
    for index, (sources, label, mine) in enumerate(_rows(by_source)):
        y = TOP + index * ROW + ROW / 2
        marks = [m for f in mine for m in _marks(f.value, scale, y)]
        first = mine[0]
        rows.append({"source": " ".join(sources), "label": _label(label),
                     "full_label": label, "y": y, "text_y": y + 4, "tone": first.tone,
                     "draft": first.draft, "marks": marks})
    axis_y = TOP + len(rows) * ROW + 4
    ticks = [{"x": scale(t), "label": _tick_label(t)} for t in scale.ticks()]
    return {"width": WIDTH, "height": axis_y + AXIS, "rows": rows, "axis_y": axis_y,
            "axis_left": scale.left, "axis_right": scale.right, "tick_y": axis_y + 18,
            "ticks": ticks, "log": scale.log, "caption": caption,
            "grid_top": TOP, "label_x": scale.left - 12}


T_HEIGHT = 150
T_LEFT = 70
T_TOP = 12
T_BOTTOM = 30


def _representative(value: QuantityValue) -> float | None:
    low, high, _ = _bounds(value)
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def timeline(figures: Sequence[Figure], caption: str) -> dict[str, Any] | None:
    """Each dated figure at its publication date; None unless two dates differ."""
    dated = [f for f in figures if f.published is not None
             and _representative(f.value) is not None]
    days = sorted({f.published for f in dated if f.published is not None})
    if len(days) < 2:
        return None
    dated.sort(key=lambda f: (f.published or dt.date.min, f.source))
    finite = [b for f in dated for b in _bounds(f.value)[:2] if b is not None]
    lo, hi = min(finite), max(finite)
    if lo == hi:
        lo, hi = lo - (abs(lo) * 0.2 or 1.0), hi + (abs(hi) * 0.2 or 1.0)
    margin = (hi - lo) * 0.08
    lo, hi = lo - margin, hi + margin
    bottom = T_HEIGHT - T_BOTTOM
    first, last = days[0], days[-1]
    span = (last - first).days

    def x_of(day: dt.date) -> float:
        return round(T_LEFT + (day - first).days / span * (WIDTH - RIGHT - T_LEFT), 1)

    def y_of(value: float) -> float:
        clipped = min(max(value, lo), hi)
        return round(bottom - (clipped - lo) / (hi - lo) * (bottom - T_TOP), 1)

    points = []
    for figure in dated:
        assert figure.published is not None
        low, high, soft = _bounds(figure.value)
        centre = _representative(figure.value)
        assert centre is not None
        x = x_of(figure.published)
        points.append({
            "source": figure.source, "label": figure.label, "x": x, "y": y_of(centre),
            "y_low": y_of(low) if low is not None else bottom,
            "y_high": y_of(high) if high is not None else T_TOP,
            "open_high": high is None, "soft": soft, "tone": figure.tone,
            "draft": figure.draft, "date": plain_day(figure.published),
        })
    path = " ".join(f"{p['x']},{p['y']}" for p in points)
    return {
        "width": WIDTH, "height": T_HEIGHT, "points": points, "path": path,
        "left": T_LEFT, "tick_x": T_LEFT - 6, "right": WIDTH - RIGHT, "top": T_TOP,
        "bottom": bottom,
        "first": plain_day(first), "last": plain_day(last), "label_y": bottom + 18,
        "low": _tick_label(lo + margin),
        "high": _tick_label(hi - margin), "y_low": y_of(lo + margin),
        "y_high": y_of(hi - margin), "caption": caption,
        "rising": _direction(points),
    }


def _direction(points: Sequence[dict[str, Any]]) -> str:
    """In words, for the caption and for readers of assistive technology."""
    ys = [p["y"] for p in points]
    if ys[-1] < ys[0]:
        return "rising over time"
    if ys[-1] > ys[0]:
        return "falling over time"
    return "steady over time"
