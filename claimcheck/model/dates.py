"""Dates as ranges with a granularity (DESIGN §3 "Dates").

"mid-November" in an article of 2013 is 11–20 Nov 2013 at part-of-month granularity;
"Aug. 21" with no anchor keeps only the month and day, and is compared only on the
parts both sides have.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimcheck.model.numbers import Comparison

Extent = Literal["at", "since", "after", "before", "until"]


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class DateRange(BaseModel):
    """An inclusive range of days, or the known parts of a partial date.

    ``start``/``end`` are set when the date is resolved (absolute or anchored);
    ``year``/``month``/``day`` always hold what the text itself stated or implied.
    """

    model_config = ConfigDict(frozen=True)

    start: date | None = None
    end: date | None = None
    granularity: Granularity = Granularity.DAY
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, other: DateRange) -> bool:
        """Whether the two can denote the same time (symmetric).

        Resolved ranges overlap by days; otherwise only the parts both sides state
        are compared (a partial "Aug. 21" agrees with "21 August 2013").
        """
        if self.resolved and other.resolved:
            assert self.start and self.end and other.start and other.end
            return self.start <= other.end and other.start <= self.end
        for mine, theirs in ((self.year, other.year), (self.month, other.month),
                             (self.day, other.day)):
            if mine is not None and theirs is not None and mine != theirs:
                return False
        return True

    def describe(self) -> str:
        """Compact and readable: "Fri 13 Sep 2013", "11–20 Nov 2013", "Jan–Apr 2011"."""
        if self.start and self.end:
            return _describe_days(self.start, self.end)
        parts = [
            str(self.year) if self.year else "????",
            f"{self.month:02d}" if self.month else "??",
            f"{self.day:02d}" if self.day else "??",
        ]
        return "-".join(parts)


@lru_cache(maxsize=16_384)  # rules describe each date of a slot once per pair
def _describe_days(start: date, end: date) -> str:
    if start == end:
        return f"{start:%a} {start.day} {start:%b %Y}"
    month_start = start.day == 1
    month_end = (end + timedelta(days=1)).day == 1
    if start.year == end.year:
        if month_start and month_end:
            if (start.month, end.month) == (1, 12):
                return str(start.year)
            if start.month == end.month:
                return start.strftime("%b %Y")
            return f"{start.strftime('%b')}–{end.strftime('%b %Y')}"
        if start.month == end.month:
            return f"{start.day}–{end.day} {end.strftime('%b %Y')}"
        return f"{start.day} {start.strftime('%b')} – {end.day} {end.strftime('%b %Y')}"
    return f"{start.day} {start.strftime('%b %Y')} – {end.day} {end.strftime('%b %Y')}"


@lru_cache(maxsize=4096)  # the publication day of every date a slot's pairs describe
def _day_month_year(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def day_range(day: date) -> DateRange:
    return DateRange(start=day, end=day, granularity=Granularity.DAY,
                     year=day.year, month=day.month, day=day.day)


def month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(start=date(year, month, 1), end=date(year, month, last),
                     granularity=Granularity.MONTH, year=year, month=month)


def year_range(year: int) -> DateRange:
    return DateRange(start=date(year, 1, 1), end=date(year, 12, 31),
                     granularity=Granularity.YEAR, year=year)


class DateValue(BaseModel):
    """A date claim's value: the range, and how it was resolved (for the report).

    ``extent`` says how the text bounds the time: "at" the range itself, "since 2011"
    from its start on, "after May" from the day after it, "before 2015" up to the day
    before it, "until Friday" up to its end. ``rule`` names the resolution rule used
    (absolute, partial, weekday, relative, part_of_month, …) and ``anchor`` the
    publication date it was resolved against, so a report can say
    "Friday → Fri 13 Sep 2013 (published 13 Sep 2013)".
    """

    model_config = ConfigDict(frozen=True)

    range: DateRange
    anchor: date | None = None  # the publication date it was resolved against
    rule: str = "absolute"  # absolute, weekday, relative, partial, part_of_month, …
    approximate: bool = False  # "around September 28", "probably"
    extent: Extent = "at"

    def bounds(self) -> tuple[date | None, date | None]:
        """The inclusive days the claim allows; ``None`` is open on that side (or unresolved)."""
        start, end = self.range.start, self.range.end
        if start is None or end is None:
            return None, None
        if self.extent == "since":
            return start, None
        if self.extent == "after":
            return end + timedelta(days=1), None
        if self.extent == "before":
            return None, start - timedelta(days=1)
        if self.extent == "until":
            return None, end
        return start, end

    def describe(self) -> str:
        """"Fri 13 Sep 2013 (as of publication on 13 Sep 2013)"-style text for reports."""
        text = self.range.describe()
        if self.extent != "at":
            text = f"{self.extent} {text}"
        if self.approximate:
            text = f"around {text}"
        if self.anchor is not None and self.rule not in ("absolute", "partial"):
            text += f" (as of publication on {_day_month_year(self.anchor)})"
        return text


    def explain(self, text: str) -> str:
        """How the words became this date: "Friday → Fri 13 Sep 2013 (published 13 Sep 2013)"."""
        out = f"{text} → "
        if self.extent != "at":
            out += f"{self.extent} "
        out += self.range.describe()
        if self.approximate:
            out += " (approximate)"
        if self.anchor is not None and self.rule not in ("absolute", "partial"):
            out += f" (published {_day_month_year(self.anchor)})"
        elif self.rule == "partial":
            out += " (no publication date: compared on the parts stated)"
        return out


def _widened(value: DateValue, slack_days: int) -> tuple[date | None, date | None]:
    low, high = value.bounds()
    if value.approximate and slack_days:
        pad = timedelta(days=slack_days)
        low = low - pad if low is not None else None
        high = high + pad if high is not None else None
    return low, high


def _partial_matches(partial: DateRange, low: date | None, high: date | None) -> bool:
    """Whether some day in [low, high] has the parts a partial date states."""
    if low is None or high is None:
        return True  # open-ended: too weak to rule anything out
    if partial.year is not None and not low.year <= partial.year <= high.year:
        return False
    years = [partial.year] if partial.year is not None else range(low.year, high.year + 1)
    for year in years:
        months = [partial.month] if partial.month is not None else range(1, 13)
        for month in months:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            if partial.day is not None:
                if partial.day > last.day:
                    continue
                first = last = date(year, month, partial.day)
            if first <= high and low <= last:
                return True
    return False


def compare_dates(a: DateValue, b: DateValue, slack_days: int = 0) -> Comparison:
    """How two dates relate (symmetric), by range and granularity.

    A day inside "mid-November" is compatible with it; "Aug. 23" contradicts
    "Aug. 21"; an approximate date ("around Sept. 28") is widened by ``slack_days``
    on each side; a partial date without an anchor is compared only on the parts
    both sides state; open-ended dates ("since 2011") compare as half-lines.
    """
    if not a.range.resolved or not b.range.resolved:
        if not a.range.resolved and not b.range.resolved:
            agree = a.range.overlaps(b.range)
            return _same_or_compatible(a, b) if agree else Comparison.CONTRADICT
        partial, whole = (a, b) if not a.range.resolved else (b, a)
        low, high = _widened(whole, slack_days)
        if partial.approximate and slack_days:
            return Comparison.COMPATIBLE
        if _partial_matches(partial.range, low, high):
            return Comparison.COMPATIBLE
        return Comparison.CONTRADICT
    a_low, a_high = _widened(a, slack_days)
    b_low, b_high = _widened(b, slack_days)
    if (a_low is not None and b_high is not None and a_low > b_high) or (
        b_low is not None and a_high is not None and b_low > a_high
    ):
        return Comparison.CONTRADICT
    if a.bounds() == b.bounds():
        return Comparison.EQUIVALENT
    return Comparison.COMPATIBLE


def _same_or_compatible(a: DateValue, b: DateValue) -> Comparison:
    same = (a.range.year, a.range.month, a.range.day) == (b.range.year, b.range.month, b.range.day)
    return Comparison.EQUIVALENT if same and a.extent == b.extent else Comparison.COMPATIBLE


def dates_agree(a: DateValue, b: DateValue, slack_days: int = 0) -> bool:
    """Whether two dates can denote the same time, ``slack_days`` wider for approximations."""
    return compare_dates(a, b, slack_days) is not Comparison.CONTRADICT


def date_reason(a: DateValue, b: DateValue, slack_days: int = 0) -> str:
    """One line for a report: why the two dates agree or contradict."""
    verdict = compare_dates(a, b, slack_days)
    left, right = a.describe(), b.describe()
    if verdict is Comparison.CONTRADICT:
        return f"{left} and {right} do not overlap"
    if verdict is Comparison.EQUIVALENT:
        return f"{left} and {right} are the same date"
    if not a.range.resolved or not b.range.resolved:
        return f"{left} and {right} agree on the parts both state"
    if a.approximate or b.approximate:
        return f"{left} and {right} overlap within {slack_days} days of approximation"
    return f"{left} and {right} overlap"


def far_apart(a: DateRange, b: DateRange, days: int = 31) -> bool:
    """Whether two dates are too far apart to be one event's (a gap of more than ``days``).

    Two reports of one event may disagree on its date by a day or two (that is a
    contradiction worth showing); an earthquake "in 1999" and one "on Tuesday" are two
    events. Partial dates are far apart only when both state different years.
    """
    if a.resolved and b.resolved:
        assert a.start and a.end and b.start and b.end
        gap = max((b.start - a.end).days, (a.start - b.end).days)
        return gap > days
    return a.year is not None and b.year is not None and a.year != b.year
