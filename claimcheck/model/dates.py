"""Dates as ranges with a granularity (DESIGN §3 "Dates").

"mid-November" in an article of 2013 is 11–20 Nov 2013 at part-of-month granularity;
"Aug. 21" with no anchor keeps only the month and day, and is compared only on the
parts both sides have.
"""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"
    DECADE = "decade"


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
        if self.start and self.end:
            if self.start == self.end:
                return self.start.strftime("%a %d %b %Y")
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
        parts = [
            str(self.year) if self.year else "????",
            f"{self.month:02d}" if self.month else "??",
            f"{self.day:02d}" if self.day else "??",
        ]
        return "-".join(parts)


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
    """A date claim's value: the range, and how it was resolved (for the report)."""

    model_config = ConfigDict(frozen=True)

    range: DateRange
    anchor: date | None = None  # the publication date it was resolved against
    rule: str = "absolute"  # absolute, weekday, relative, partial, part_of_month, …
    approximate: bool = False  # "around September 28", "probably"


def dates_agree(a: DateValue, b: DateValue, slack_days: int = 0) -> bool:
    """Whether two dates can denote the same time, ``slack_days`` wider for approximations."""
    if slack_days and a.range.resolved and b.range.resolved and (a.approximate or b.approximate):
        from datetime import timedelta

        assert a.range.start and a.range.end and b.range.start and b.range.end
        pad = timedelta(days=slack_days)
        return a.range.start - pad <= b.range.end and b.range.start - pad <= a.range.end
    return a.range.overlaps(b.range)
