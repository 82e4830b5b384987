"""The working record of an amount while it is read, and the text windows around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from claimcheck.model.numbers import Interval, Qualifier


@dataclass(frozen=True)
class RawAmount:
    """An amount being read: offsets, value, qualifier and unit, before it becomes a record."""

    start: int  # span start (qualifier, currency symbol included)
    end: int
    number_start: int
    number_end: int
    value: Decimal
    upper: Decimal | None = None  # ranges and vague amounts
    qualifier: Qualifier = Qualifier.EXACT
    approximate: bool = False
    unit: str | None = None
    dimension: str = "count"
    scale: int = 1
    words: bool = False
    bounds: Interval | None = None  # set when two one-sided bounds make one range
    words_unit: bool = False  # the unit is a word ("dollars"), not a symbol ("$")


WINDOW = 160  # characters around a number that its qualifier, currency or unit may take


def before_window(text: str, position: int) -> tuple[str, int]:
    """The text just before ``position`` and its offset: patterns anchored at its end stay
    linear in the length of the article."""
    base = max(0, position - WINDOW)
    return text[base:position], base


def after_window(text: str, position: int) -> str:
    """The text just after ``position``, as far as a unit or qualifier may reach."""
    return text[position:position + WINDOW]


TAIL = 64  # the longest phrase a pattern anchored at the end of a window may match


def search_tail(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """``pattern.search(before)`` for a pattern anchored at ``before``'s end ("more than",
    "Resolution") and no longer than ``TAIL``: only the tail is tried, not every position
    of the window (look-behinds still see the text before the tail)."""
    return pattern.search(before, max(0, len(before) - TAIL))
