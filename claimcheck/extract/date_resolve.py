"""Resolve a date expression against the publication date of its source (DESIGN §3).

``resolve_date("Friday", date(2013, 9, 13))`` is Fri 13 Sep 2013; ``"Aug. 21"`` in an
article of October 2013 is 21 Aug 2013; without an anchor it stays the partial date
"????-08-21". The rules are claimcheck's own:

* A date without a year takes the year that puts it nearest the anchor; with a past
  tense (or a cue word: "last", "ago", "earlier") the latest one not after the anchor,
  with a future tense ("next", "will", "later this month") the first one not over.
* A bare weekday is the nearest one not after the anchor (the anchor itself when it is
  that weekday), or the first one not before it in the future tense. "next Friday" and
  "last Friday" are the Friday of the next and previous Monday-to-Sunday week.
* Parts of a month: early = 1–10, mid = 11–20, late (or "end of") = 21–end. Parts of a
  year: early = January–April, mid = May–August, late = September–December. Seasons
  are northern meteorological: spring March–May, summer June–August, autumn/fall
  September–November, winter December to February of the next year.
* "two days later", "the next day" count from the anchor when nothing better is known;
  their rule is ``narrative`` so reports can show how weak that is.
* All-number dates whose day and month could swap follow the sources' order (a rule
  pack's ``date_order``); unknown, "10/8/2013" is month first and "8.10.2013" unread.
* Two-digit years pivot 30 years after the anchor: "3-7-27" in 2016 is 2027, "05/05/71"
  is 1971.

Every function here is pure and total: any string gives a value or ``None``.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from claimcheck.extract.date_words import (
    DECADE_WORDS,
    MONTH_NUMBER,
    MONTH_RE,
    WEEKDAY_NUMBER,
    WEEKDAY_RE,
    normalise,
)
from claimcheck.model.dates import DateRange, DateValue, Extent, Granularity

Tense = Literal["past", "future"]

_PAST_CUES = re.compile(r"\b(?:last|past|previous|ago|earlier|before|preceding|since)\b")
_FUTURE_CUES = re.compile(r"\b(?:next|coming|upcoming|later|hence|from now|following)\b")
_APPROX = re.compile(r"^(?:(?:probably|possibly|likely|maybe|perhaps|sometime)\s+)*"
                     r"(?:around|about|approximately|roughly|circa|c\.|some time around|"
                     r"or so)\s+")
_LEAD = re.compile(r"^(?:on|in|at|during|for|of|over|the|this past|as of)\s+")
_WEEK_OFFSETS = {"last": -1, "previous": -1, "this": 0, "next": 1}
_UNIT_RE = r"(day|week|fortnight|month|quarter|year|decade)s?"
_NUM_RE = r"(\d+(?:\.\d+)?)"
_UNIT_NC = r"(?:day|week|fortnight|month|quarter|year|decade)s?"
_NUM_NC = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Context:
    """What resolution needs besides the text: the anchor, the tense, the locale order."""

    anchor: date | None
    tense: Tense | None = None
    day_first: bool | None = None  # the sources' order; None: not known
    within_range: bool = False  # resolving one end of a range: ends are never ranges


@dataclass(frozen=True)
class Calendar:
    """A calendar expression before a year is chosen: what the text states."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # early, mid, late (of the month if any, else of the year)
    season: str | None = None


@lru_cache(maxsize=16384)
def resolve_date(text: str, anchor: date | None, *, tense: Tense | None = None,
                 day_first: bool | None = None) -> DateValue | None:
    """The ``DateValue`` of a date expression, or ``None`` when it is not one.

    ``anchor`` is the publication date of the source; ``tense`` the tense of the
    sentence (cue words in the expression itself win); ``day_first`` is the sources'
    order for an all-number date whose parts could swap: True reads "8/9" as 8
    September, False as 9 August, None (not known) reads slashes month first and leaves
    a dotted "8.10.2013" unread. Cached: the finder tries many overlapping spans, and
    the values are frozen.
    """
    try:
        s = normalise(text)
    except Exception:
        return None
    if not s or len(s) > 80:
        return None
    approximate = False
    match = _APPROX.match(s)
    if match:
        approximate, s = True, s[match.end():]
    if s.endswith(" or so"):
        approximate, s = True, s[: -len(" or so")]
    cue = _cue_tense(_BOUND_LEAD.sub("", s))
    ctx = Context(anchor, cue or tense, day_first)
    try:
        value = _resolve(s, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
        return None
    if value is None:
        return None
    return value.model_copy(update={"approximate": True}) if approximate else value


# An open bound's word says nothing of past or future: "expected before Tuesday".
_BOUND_LEAD = re.compile(r"^(?:on or |no |not )?(?:before|after|until|till|by|prior to"
                         r"|later than|earlier than|sooner than) ")


# "the last three months of", "the last week of July": the closing stretch of a period,
# which says nothing of past or future.
_CLOSING_STRETCH = re.compile(r"\b(?:last|final)(?= (?:\d+ )?(?:day|week|fortnight|month"
                              r"|quarter|year|weekend)s? of\b)")


def _cue_tense(s: str) -> Tense | None:
    s = _CLOSING_STRETCH.sub("", s)
    past, future = bool(_PAST_CUES.search(s)), bool(_FUTURE_CUES.search(s))
    if past != future:
        return "past" if past else "future"
    return None


# -- the grammar: each rule reads the whole normalised expression -----------------------

def _resolve(s: str, ctx: Context) -> DateValue | None:
    for rule in _RULES:
        value = rule(s, ctx)
        if value is not None:
            return value
    stripped = _LEAD.sub("", s, count=1)
    if stripped != s:
        return _resolve(stripped, ctx)
    return None


_EXTENT = re.compile(
    r"^(since|from|starting|beginning|on or after|on or before|after|before|until|till|by"
    r"|prior to|no later than|not later than|no earlier than|not earlier than|later than"
    r"|earlier than|sooner than|no sooner than|not before|not after|as late as|as early as"
    r"|ending) (.+)$")
_EXTENT_WORDS: dict[str, Extent] = {
    "since": "since", "from": "since", "starting": "since", "beginning": "since",
    "no earlier than": "since", "as early as": "since", "after": "after",
    "before": "before", "prior to": "before", "until": "until", "till": "until",
    "by": "until", "no later than": "until", "not later than": "until",
    "as late as": "until", "ending": "until", "on or after": "since",
    "on or before": "until", "not earlier than": "since", "later than": "after",
    "earlier than": "before", "sooner than": "before", "no sooner than": "since",
    "not before": "since", "not after": "until"}
_OR_LATER = re.compile(r"^(.+?) (?:or|and) (later|after|earlier|before)$")


def _extent(s: str, ctx: Context) -> DateValue | None:
    """"since 2011", "after Feb", "before the end of December", "2018 or later"."""
    match = _OR_LATER.match(s)
    if match:
        inner = _resolve(match.group(1), ctx)
        if inner is None or inner.extent != "at":
            return None
        return inner.model_copy(update={
            "extent": "since" if match.group(2) in ("later", "after") else "until"})
    match = _EXTENT.match(s)
    if not match:
        return None
    word, rest = match.group(1), match.group(2)
    if word == "from" and _RANGE_SPLIT.search(rest):
        return None  # "from X to Y" is a range
    inner = _resolve(rest, ctx)
    if inner is None or inner.extent != "at":
        return None
    extent = _EXTENT_WORDS[word]
    if rest.startswith("the end of") and extent in ("before", "until"):
        extent = "until"
    return inner.model_copy(update={"extent": extent})


_RANGE_SPLIT = re.compile(r"\s*(?: to |-|~| through | thru | till | until |\u2013)\s*")
_BETWEEN = re.compile(
    r"^(?:between|from) (.+?)(?: (?:and|to|through|till|until) |\s*[-~]\s*)(.+)$")
_BETWEEN_SEP = re.compile(r" (?:and|to|through|till|until) |\s*[-~]\s*")
_SPLIT_RANGE = re.compile(
    r"^(?:from )?(.+?)\s*(?: to |~| through | thru | till | until |-)\s*(.+)$")


def _range(s: str, ctx: Context) -> DateValue | None:
    """Two ends: "Sept. 12-14", "between 2014 and 2018", "Nov-Feb 2017"."""
    if ctx.within_range:
        return None
    ctx = replace(ctx, within_range=True)
    for pattern in (_BETWEEN, _SPLIT_RANGE):
        for match in _all_splits(pattern, s):
            left, right = match
            value = _range_of(left, right, ctx)
            if value is not None:
                return value
    return None


def _all_splits(pattern: re.Pattern[str], s: str) -> list[tuple[str, str]]:
    """Every way to cut ``s`` at a range separator (numeric dates contain hyphens too)."""
    match = pattern.match(s)
    if not match:
        return []
    cuts = []
    prefix = "from " if s.startswith("from ") else ""
    body = s[len(prefix):] if pattern is _SPLIT_RANGE else s
    if pattern is _BETWEEN:  # every cut, words first: "between 2000-01-01 and 2000-01-05"
        body = s.split(" ", 1)[1]
        seps = sorted(_BETWEEN_SEP.finditer(body), key=lambda m: not m.group(0).strip()[:1]
                      .isalpha())
        return [(body[: m.start()], body[m.end():]) for m in seps
                if m.start() > 0 and m.end() < len(body)]
    for sep in _RANGE_SPLIT.finditer(body):
        cuts.append((body[: sep.start()], body[sep.end():]))
    return cuts


_BARE_DAY = re.compile(r"\s*(?:the )?(\d{1,2})\s*")


def _range_of(left: str, right: str, ctx: Context) -> DateValue | None:
    right_cal = parse_calendar(right, ctx)
    left_cal = parse_calendar(left, ctx)
    next_year = _next_year_suffix(left, right)
    if next_year is not None and re.fullmatch(r"(?:(?:the|in|of|from) )?\d{4}", left.strip()):
        right = str(next_year)  # "2012-13", "2008-9": two years
    elif next_year is not None:
        # "the winter of 2008-9": the season that runs into the next year, not a day 9
        return _resolve(left, ctx)
    bare_left, bare_right = _BARE_DAY.fullmatch(left), _BARE_DAY.fullmatch(right)
    if left_cal is None and right_cal is not None and bare_left:
        left_cal = Calendar(day=int(bare_left.group(1)))
    if left_cal is not None and right_cal is None and bare_right:
        right_cal = Calendar(day=int(bare_right.group(1)))
    if left_cal is not None and right_cal is not None:
        value = _calendar_range(left_cal, right_cal, ctx)
        if value is not None:
            return value
    low = _resolve(left, ctx)
    high = _resolve(right, ctx)
    if low is None or high is None or low.extent != "at" or high.extent != "at":
        return None
    if low.range.start and high.range.end and high.range.end < low.range.start:
        # a year-less end reads forward from the start: "from April until the end of June"
        later = _resolve(right, Context(low.range.start, "future", ctx.day_first, True))
        if later is None:
            return None
        high = later.model_copy(update={"anchor": ctx.anchor})
    return _span(low, high, "range")


def _next_year_suffix(left: str, right: str) -> int | None:
    """The year a short suffix names when it is the year after the left end's ("2008-9",
    "2012-13"), else None (a day: "Nov 8-9")."""
    year = re.search(r"(?:^|\s)(\d{4})\s*$", left)
    suffix = right.strip()
    if year is None or not re.fullmatch(r"\d{1,2}", suffix):
        return None
    following = int(year.group(1)) + 1
    return following if following % 10 ** len(suffix) == int(suffix) else None


def _calendar_range(left: Calendar, right: Calendar, ctx: Context) -> DateValue | None:
    if left.part or right.part or left.season or right.season:
        return None
    if (left.day is not None and left.month is None and right.month is None) or (
            right.day is not None and right.month is None and left.month is None):
        return None  # a day of no month
    if right.month is None and right.day is not None:
        right = replace(right, month=left.month)
    if left.month is None and left.day is not None:
        left = replace(left, month=right.month)
    if left.year is None and right.year is not None:
        left = replace(left, year=right.year)
        if (left.month or 0, left.day or 0) > (right.month or 0, right.day or 0):
            left = replace(left, year=right.year - 1)
    if left.year is None and (
            (left.day is not None and right.day is None)
            or (left.month is None and right.month)):
        return None  # mixed granularity: "4-23 in next month" is not a calendar range
    if left.year is not None and right.year is None:
        right = replace(right, year=left.year)
        if (left.month or 0, left.day or 0) > (right.month or 0, right.day or 0):
            right = replace(right, year=left.year + 1)
    if left.year is not None and right.year is not None:
        low, high = _calendar_value(left, ctx), _calendar_value(right, ctx)
        if low is None or high is None:
            return None
        return _span(low, high, "range")

    def both(year: int) -> DateRange | None:
        low = _fixed(replace(left, year=year))
        wraps = (left.month or 0, left.day or 0) > (right.month or 0, right.day or 0)
        high = _fixed(replace(right, year=year + 1 if wraps else year))
        if low is None or high is None or low.start is None or high.end is None:
            return None
        return DateRange(start=low.start, end=high.end, granularity=low.granularity)

    if ctx.anchor is None:
        return None
    chosen = _choose_year(both, ctx)
    if chosen is None:
        return None
    return DateValue(range=chosen, anchor=ctx.anchor, rule="range")


def _span(low: DateValue, high: DateValue, rule: str) -> DateValue | None:
    a, b = low.range, high.range
    if a.start is None or b.end is None or a.start > b.end:
        return None
    granularity = a.granularity if a.granularity == b.granularity else Granularity.DAY
    anchor = low.anchor or high.anchor
    return DateValue(range=DateRange(start=a.start, end=b.end, granularity=granularity),
                     anchor=anchor, rule=rule)


# -- calendar expressions --------------------------------------------------------------

_D = r"(\d{1,2})"
_Y = r"(\d{4}|'\d{2})"
_SEP = r"[-/. ]"
_CAL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:{WEEKDAY_RE},? )?(?:the )?({MONTH_RE})[-/ ](?:the )?{_D}"
                rf"(?:(?:,? | of | in |[-/]){_Y})?$"), "mdy"),
    (re.compile(rf"^(?:{WEEKDAY_RE},? )?(?:the )?{_D}(?: of | |[-/])({MONTH_RE})"
                rf"(?:(?:,? | of | in |[-/]){_Y})?$"), "dmy"),
    (re.compile(rf"^(\d{{4}})[-/ ]({MONTH_RE})[-/ ]{_D}$"), "ymd"),
    (re.compile(rf"^(\d{{4}})[-/ ]{_D}[-/ ]({MONTH_RE})$"), "ydm"),
    (re.compile(rf"^({MONTH_RE})(?:,? | of | in |[-/]){_Y}$"), "my"),
    (re.compile(rf"^({MONTH_RE}) of (\d{{2}})$"), "my"),
    (re.compile(rf"^(?:the month of )?({MONTH_RE})$"), "m"),
    (re.compile(r"^(\d{4})$"), "y"),
]
_NUMERIC = re.compile(  # after a comma only a four-digit year: "11/20, 12 of Nov" is two
    r"^(?:" + WEEKDAY_RE + r",? )?(\d{1,4})([-/. ])(\d{1,2})(?:\2(\d{2,4})|,(\d{2})|, ?(\d{4}))?$")
_PART = re.compile(r"^(early|mid(?!dle)|late|the end of|end of|the beginning of|beginning of"
                   r"|the start of|start of|the middle of|middle of)[- ]?(.+)$")
_PART_WORDS = {"early": "early", "beginning of": "early", "start of": "early",
               "mid": "mid", "middle of": "mid", "late": "late", "end of": "late"}
_SEASON = re.compile(r"^(?:the )?(spring|summer|autumn|fall|winter)(?:,? (?:of )?(\d{4}))?$")
_WINTER_OF_YEARS = re.compile(r"^(?:(?:the )?winter,? (?:of )?(\d{4})[-/](\d{1,4})"
                              r"|(?:the )?(\d{4})[-/](\d{1,4}) winter)$")
_OF_NEAR_YEAR = re.compile(r"^(.+?),? (?:of )?(this|next|last) year$")
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
                  "winter": (12, 14)}


def parse_calendar(s: str, ctx: Context) -> Calendar | None:
    """The stated parts of a calendar date ("august 21", "8/21/13", "mid-november 2013")."""
    s = s.strip()
    s = re.sub(r"^(?:on|in|of|the) ", "", s)
    match = _PART.match(s)
    if match:
        inner = parse_calendar(match.group(2), ctx)
        part = _PART_WORDS[match.group(1).removeprefix("the ")]
        if inner is None or inner.day is not None or inner.part or inner.season:
            return None
        return replace(inner, part=part)
    match = _SEASON.match(s)
    if match:
        return Calendar(season=match.group(1),
                        year=int(match.group(2)) if match.group(2) else None)
    match = _WINTER_OF_YEARS.match(s)
    if match:
        first = match.group(1) or match.group(3)
        second = match.group(2) or match.group(4)
        # "the winter of 2008-9": the one winter that runs from one year into the next
        if int(second) != (int(first) + 1) % 10 ** len(second):  # "1999-00" too
            return None
        return Calendar(season="winter", year=int(first))
    if ctx.anchor is not None:
        match = _OF_NEAR_YEAR.match(s)
        if match:  # "June next year", "the spring of last year"
            inner = parse_calendar(match.group(1), ctx)
            if inner is None or inner.year is not None:
                return None
            return replace(inner, year=ctx.anchor.year + _PERIOD_OFFSET[match.group(2)])
    for pattern, order in _CAL_PATTERNS:
        match = pattern.match(s)
        if match:
            return _from_groups(match.groups(), order, ctx)
    match = _NUMERIC.match(s)
    if match:
        return _numeric(match.group(1), match.group(2), match.group(3),
                        match.group(4) or match.group(5) or match.group(6), ctx)
    return None


def _year(text: str | None, ctx: Context) -> int | None:
    if text is None:
        return None
    text = text.lstrip("'")
    if len(text) == 4:
        return int(text)
    if len(text) != 2:
        raise ValueError(text)
    yy = int(text)
    base = (ctx.anchor or date.today()).year
    pivot = base % 100 + 30
    century = base // 100 * 100
    return century + yy if yy <= pivot % 100 or pivot >= 100 else century - 100 + yy


def _from_groups(groups: tuple[str | None, ...], order: str, ctx: Context) -> Calendar | None:
    if order == "mdy":
        return Calendar(month=MONTH_NUMBER[str(groups[0])], day=int(str(groups[1])),
                        year=_year(groups[2], ctx))
    if order == "dmy":
        return Calendar(day=int(str(groups[0])), month=MONTH_NUMBER[str(groups[1])],
                        year=_year(groups[2], ctx))
    if order == "ymd":
        return Calendar(year=int(str(groups[0])), month=MONTH_NUMBER[str(groups[1])],
                        day=int(str(groups[2])))
    if order == "ydm":
        return Calendar(year=int(str(groups[0])), day=int(str(groups[1])),
                        month=MONTH_NUMBER[str(groups[2])])
    if order == "my":
        return Calendar(month=MONTH_NUMBER[str(groups[0])], year=_year(groups[1], ctx))
    if order == "m":
        return Calendar(month=MONTH_NUMBER[str(groups[0])])
    year = int(str(groups[0]))
    return Calendar(year=year) if 1000 <= year <= 2999 else None


def _numeric(a: str, sep: str, b: str, c: str | None, ctx: Context) -> Calendar | None:
    """"8/21", "21/04/2016", "2015/08/12", "13.5.2015", "9-18-15", "2016 10 16"."""
    if len(a) == 4:
        if c is None or len(c) > 2:
            return None
        return Calendar(year=int(a), month=int(b), day=int(c))
    if len(a) == 3:
        return None
    if c is not None and len(c) == 3:
        return None
    first, second = int(a), int(b)
    if c is None and first > 12 and not ctx.day_first:
        return None  # a day-first date needs its year or the locale's say: "24/7" is a rate
    if first > 12 or second > 12:
        day_first = first > 12  # only one order makes a date
    elif ctx.day_first is not None:
        day_first = ctx.day_first
    elif sep == ".":
        return None  # "8.10.2013": 8 October or August 10, as the sources' locale writes
    else:
        day_first = False  # "10/8/2013": month first, as English-language news writes
    month, day = (second, first) if day_first else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if c is None and sep == "." :
        return None  # "3.5" is a number
    return Calendar(year=_year(c, ctx), month=month, day=day)


def _fixed(cal: Calendar) -> DateRange | None:
    """The range of a calendar expression whose year is known."""
    year = cal.year
    if year is None:
        return None
    if cal.season:
        first, last = _SEASON_MONTHS[cal.season]
        start = date(year, first, 1)
        end_month = date(year, 1, 1) + relativedelta(months=last)
        end = end_month - timedelta(days=1)
        return DateRange(start=start, end=end, granularity=Granularity.PART_OF_YEAR,
                         year=year)
    if cal.month is None:
        if cal.part:
            first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[cal.part]
            return DateRange(start=date(year, first, 1),
                             end=date(year, last, calendar.monthrange(year, last)[1]),
                             granularity=Granularity.PART_OF_YEAR, year=year)
        return DateRange(start=date(year, 1, 1), end=date(year, 12, 31),
                         granularity=Granularity.YEAR, year=year)
    last_day = calendar.monthrange(year, cal.month)[1]
    if cal.day is not None:
        if cal.day > last_day:
            return None
        day = date(year, cal.month, cal.day)
        return DateRange(start=day, end=day, granularity=Granularity.DAY, year=year,
                         month=cal.month, day=cal.day)
    if cal.part:
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}[cal.part]
        return DateRange(start=date(year, cal.month, first), end=date(year, cal.month, last),
                         granularity=Granularity.PART_OF_MONTH, year=year, month=cal.month)
    return DateRange(start=date(year, cal.month, 1), end=date(year, cal.month, last_day),
                     granularity=Granularity.MONTH, year=year, month=cal.month)


def _partial(cal: Calendar) -> DateRange | None:
    """A year-less date kept partial (no anchor): only what the text states."""
    if cal.year is None and cal.month is None and cal.day is None:
        return None  # "summer" with no year and no anchor says nothing comparable
    if cal.month is not None and cal.day is not None and cal.day > (
            29 if cal.month == 2 else calendar.monthrange(2001, cal.month)[1]):
        return None
    granularity = (Granularity.DAY if cal.day is not None
                   else Granularity.PART_OF_MONTH if cal.part and cal.month
                   else Granularity.MONTH if cal.month
                   else Granularity.PART_OF_YEAR)
    return DateRange(granularity=granularity, year=cal.year, month=cal.month, day=cal.day)


def _choose_year(make: Callable[[int], DateRange | None], ctx: Context) -> DateRange | None:
    """The year for a year-less date: nearest the anchor, or by tense (module docstring)."""
    assert ctx.anchor is not None
    anchor = ctx.anchor
    candidates = [r for year in range(anchor.year - 8, anchor.year + 9)
                  if (r := make(year)) is not None and r.start and r.end]
    if not candidates:
        return None
    if ctx.tense == "past":
        past = [r for r in candidates if r.start and r.start <= anchor]
        return past[-1] if past else None
    if ctx.tense == "future":
        future = [r for r in candidates if r.end and r.end >= anchor]
        return future[0] if future else None

    def distance(r: DateRange) -> tuple[int, int]:
        assert r.start and r.end
        if r.start <= anchor <= r.end:
            return 0, 0
        gap = (anchor - r.end).days if r.end < anchor else (r.start - anchor).days
        return gap, 0 if r.end < anchor else 1

    return min(candidates, key=distance)


def _calendar_value(cal: Calendar, ctx: Context) -> DateValue | None:
    rule = "part_of_month" if cal.part and cal.month else (
        "part_of_year" if cal.part or cal.season else "absolute")
    if cal.year is not None:
        fixed = _fixed(cal)
        return DateValue(range=fixed, rule=rule) if fixed else None
    if cal.month is None and cal.day is None and cal.season is None:
        return None
    if ctx.anchor is None:
        partial = _partial(cal)
        return DateValue(range=partial, rule="partial") if partial else None
    chosen = _choose_year(lambda year: _fixed(replace(cal, year=year)), ctx)
    if chosen is None:
        return None
    return DateValue(range=chosen, anchor=ctx.anchor,
                     rule="year_from_anchor" if rule == "absolute" else rule)


_CUED_MONTH = re.compile(rf"^(this|last|next|this past|this coming|past|coming) ({MONTH_RE}"
                         r"|spring|summer|autumn|fall|winter)$")


def _calendar(s: str, ctx: Context) -> DateValue | None:
    """A calendar date; "this August" is the August of the anchor's year."""
    match = _CUED_MONTH.match(s)
    if match and ctx.anchor is not None:
        cue, word = match.group(1), match.group(2)
        cal = (Calendar(month=MONTH_NUMBER[word]) if word in MONTH_NUMBER
               else Calendar(season=word))
        if cue == "this":
            return _calendar_value(replace(cal, year=ctx.anchor.year), ctx)
        return _next_or_last(cal, cue, ctx)
    parsed = parse_calendar(s, ctx)
    value = _calendar_value(parsed, ctx) if parsed is not None else None
    if value is not None and value.rule == "absolute" and _OF_NEAR_YEAR.match(s):
        value = value.model_copy(update={"anchor": ctx.anchor, "rule": "year_from_anchor"})
    return value


def _next_or_last(cal: Calendar, cue: str, ctx: Context) -> DateValue | None:
    """"next spring" begins after the anchor, "last August" ended before it, whatever
    the tense of the sentence or other words of the span ("no earlier than next spring")."""
    assert ctx.anchor is not None
    anchor = ctx.anchor
    ahead = cue in ("next", "coming", "this coming")
    candidates = [r for year in range(anchor.year - 2, anchor.year + 3)
                  if (r := _fixed(replace(cal, year=year))) is not None]
    chosen = (next((r for r in candidates if r.start and r.start > anchor), None) if ahead
              else next((r for r in reversed(candidates) if r.end and r.end < anchor), None))
    if chosen is None:
        return None
    rule = "part_of_year" if cal.season else "year_from_anchor"
    return DateValue(range=chosen, anchor=anchor, rule=rule)


# -- days, weekdays and periods relative to the anchor ----------------------------------

_DAY_WORDS = {"today": 0, "this day": 0, "tonight": 0, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "now": 0,
              "yesterday": -1, "last night": -1, "tomorrow": 1,
              "the day after tomorrow": 2, "day after tomorrow": 2,
              "the day before yesterday": -2, "day before yesterday": -2}
_NARRATIVE_DAYS = {"next day": 1, "the next day": 1, "the following day": 1,
                   "following day": 1, "the day after": 1, "the previous day": -1,
                   "previous day": -1, "the day before": -1, "the last day": -1,
                   "the preceding day": -1}


def _day_word(s: str, ctx: Context) -> DateValue | None:
    if ctx.anchor is None:
        return None
    if s in _DAY_WORDS:
        return _day(ctx.anchor + timedelta(days=_DAY_WORDS[s]), ctx, "relative")
    if s in _NARRATIVE_DAYS:
        return _day(ctx.anchor + timedelta(days=_NARRATIVE_DAYS[s]), ctx, "narrative")
    return None


def _day(day: date, ctx: Context, rule: str) -> DateValue:
    return DateValue(range=DateRange(start=day, end=day, granularity=Granularity.DAY,
                                     year=day.year, month=day.month, day=day.day),
                     anchor=ctx.anchor, rule=rule)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


_WEEKDAY = re.compile(
    rf"^(?:(last|previous|this|next|past|coming|this coming|this past) )?({WEEKDAY_RE})"
    r"(?: (this|next|last|previous) week)?(?:,? (morning|afternoon|evening|night))?$")
_WEEK_WEEKDAY = re.compile(rf"^(this|next|last|previous) week,? ({WEEKDAY_RE})$")
_WEEKDAY_DAY = re.compile(rf"^({WEEKDAY_RE}),? (?:the )?(\d{{1,2}})$")
_NTH_WEEKDAY = re.compile(
    rf"^(?:the )?(\d|last) ({WEEKDAY_RE})(?: (?:in|of) (this|next|last|the) month"
    rf"| (?:in|of) ({MONTH_RE})(?: (\d{{4}}))?)?$")


def _weekday(s: str, ctx: Context) -> DateValue | None:
    """"Friday", "next Sunday", "Tuesday next week", "Thursday the 21st"."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    if s in ("midweek", "mid-week"):  # "since midweek": about Wednesday
        wednesday = _weekday("wednesday", ctx)
        return wednesday.model_copy(update={"approximate": True}) if wednesday else None
    match = _WEEK_WEEKDAY.match(s)
    if match:
        s = f"{match.group(2)} {match.group(1)} week"
    match = _WEEKDAY.match(s)
    if match:
        cue, name, week = match.group(1), match.group(2), match.group(3)
        target = WEEKDAY_NUMBER[name]
        if week or cue in _WEEK_OFFSETS:
            offset = _WEEK_OFFSETS[week or cue]
            day = _week_start(anchor) + timedelta(weeks=offset, days=target)
        elif cue == "past" or cue == "this past":
            day = anchor - timedelta(days=(anchor.weekday() - target - 1) % 7 + 1)
        elif cue in ("coming", "this coming"):
            day = anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
        elif ctx.tense == "future":
            day = anchor + timedelta(days=(target - anchor.weekday()) % 7)
        else:
            day = anchor - timedelta(days=(anchor.weekday() - target) % 7)
        return _day(day, ctx, "weekday")
    match = _WEEKDAY_DAY.match(s)
    if match:
        return _weekday_of_month_day(WEEKDAY_NUMBER[match.group(1)], int(match.group(2)), ctx)
    match = _NTH_WEEKDAY.match(s)
    if match:
        return _nth_weekday(match, ctx)
    return None


def _weekday_of_month_day(weekday: int, day: int, ctx: Context) -> DateValue | None:
    """"Friday the 15th": the month nearest the anchor whose 15th is a Friday."""
    assert ctx.anchor is not None
    first = ctx.anchor.replace(day=1)
    steps = [0]
    for k in range(1, 40):
        if ctx.tense != "future":
            steps.append(-k)
        if ctx.tense != "past":
            steps.append(k)
    for step in steps:
        month = first + relativedelta(months=step)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidate = month.replace(day=day)
            if candidate.weekday() == weekday:
                return _day(candidate, ctx, "weekday")
    return None


def _nth_weekday(match: re.Match[str], ctx: Context) -> DateValue | None:
    """"the first Friday in this month", "the second Monday of next month"."""
    assert ctx.anchor is not None
    nth, weekday = match.group(1), WEEKDAY_NUMBER[match.group(2)]
    which, month_name, year = match.group(3), match.group(4), match.group(5)
    if month_name:
        cal = Calendar(month=MONTH_NUMBER[month_name], year=int(year) if year else None)
        value = _calendar_value(cal, ctx)
        if value is None or value.range.start is None:
            return None
        first = value.range.start
    else:
        offset = {"next": 1, "last": -1}.get(which or "this", 0)
        first = ctx.anchor.replace(day=1) + relativedelta(months=offset)
    last_day = calendar.monthrange(first.year, first.month)[1]
    days = [first.replace(day=d) for d in range(1, last_day + 1)
            if first.replace(day=d).weekday() == weekday]
    index = -1 if nth == "last" else int(nth) - 1
    if not -1 <= index < len(days):
        return None
    return _day(days[index], ctx, "weekday")


_DAY_OF_MONTH = re.compile(r"^(?:the )?(\d{1,2})(?:(?: day)? of (this|next|last) month)?$")


def _day_of_month(s: str, ctx: Context) -> DateValue | None:
    """"the 27th", "on 15", "the 20th of next month": a day of a month near the anchor."""
    match = _DAY_OF_MONTH.match(s)
    if not match or ctx.anchor is None:
        return None
    day = int(match.group(1))
    if not 1 <= day <= 31:
        return None
    if match.group(2):
        offset = {"this": 0, "next": 1, "last": -1}[match.group(2)]
        month = ctx.anchor.replace(day=1) + relativedelta(months=offset)
        if day > calendar.monthrange(month.year, month.month)[1]:
            return None
        return _day(month.replace(day=day), ctx, "relative")
    if not s.startswith("the ") and ctx.tense is None:
        return None  # a bare number is a date only with a tense to place it
    first = ctx.anchor.replace(day=1)
    candidates = []
    for step in range(-2, 3):
        month = first + relativedelta(months=step)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidates.append(month.replace(day=day))
    if ctx.tense == "future":
        chosen = next(c for c in candidates if c >= ctx.anchor)
    else:
        chosen = [c for c in candidates if c <= ctx.anchor][-1]
    return _day(chosen, ctx, "relative")


_PERIOD = re.compile(r"^(last|previous|past|this|current|next|coming|the) "
                     r"(week|fortnight|month|quarter|year|decade|weekend)$")
_LATER_THIS = re.compile(r"^(earlier|later) (?:this|in the) (week|month|year)$")
_PERIOD_OFFSET = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0,
                  "the": 0, "next": 1, "coming": 1}


def _period_range(anchor: date, unit: str, offset: int) -> DateRange:
    if unit == "fortnight":  # the two Monday-to-Sunday weeks after (or before) this one
        start = _week_start(anchor) + timedelta(weeks=1 if offset > 0 else -2 * (offset < 0))
        return DateRange(start=start, end=start + timedelta(days=13),
                         granularity=Granularity.WEEK)
    if unit in ("week", "weekend"):
        start = _week_start(anchor) + timedelta(weeks=offset)
        if unit == "weekend":
            return DateRange(start=start + timedelta(days=5), end=start + timedelta(days=6),
                             granularity=Granularity.WEEK)
        return DateRange(start=start, end=start + timedelta(days=6), granularity=Granularity.WEEK)
    if unit == "month":
        month = anchor.replace(day=1) + relativedelta(months=offset)
        last = calendar.monthrange(month.year, month.month)[1]
        return DateRange(start=month, end=month.replace(day=last), granularity=Granularity.MONTH,
                         year=month.year, month=month.month)
    if unit == "quarter":
        first_month = (anchor.month - 1) // 3 * 3 + 1
        start = date(anchor.year, first_month, 1) + relativedelta(months=3 * offset)
        end = start + relativedelta(months=3) - timedelta(days=1)
        return DateRange(start=start, end=end, granularity=Granularity.PART_OF_YEAR,
                         year=start.year)
    if unit == "decade":
        first = anchor.year // 10 * 10 + 10 * offset
        return DateRange(start=date(first, 1, 1), end=date(first + 9, 12, 31),
                         granularity=Granularity.DECADE)
    year = anchor.year + offset
    return DateRange(start=date(year, 1, 1), end=date(year, 12, 31),
                     granularity=Granularity.YEAR, year=year)


_PART_OF = {"week": Granularity.WEEK, "month": Granularity.PART_OF_MONTH,
            "year": Granularity.PART_OF_YEAR}
_ROLLING = {"week": relativedelta(days=7), "month": relativedelta(months=1),
            "year": relativedelta(years=1), "decade": relativedelta(years=10)}


def _weekend_near(anchor: date, tense: Tense | None) -> DateRange:
    """"the weekend": the one the anchor is in; else the last one in the past tense,
    the next one in the future, and the nearer one (Monday–Wednesday: the last) otherwise."""
    this_saturday = _week_start(anchor) + timedelta(days=5)
    if anchor.weekday() >= 5:
        saturday = this_saturday
    elif tense == "past" or (tense is None and anchor.weekday() <= 2):
        saturday = this_saturday - timedelta(weeks=1)
    else:
        saturday = this_saturday
    return DateRange(start=saturday, end=saturday + timedelta(days=1),
                     granularity=Granularity.WEEK)


def _period(s: str, ctx: Context) -> DateValue | None:
    """"last week", "this month", "next year", "earlier this month", "later this week"."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    match = _PERIOD.match(s)
    if match:
        cue, unit = match.group(1), match.group(2)
        if unit == "weekend" and cue in ("this", "the", "current"):
            tense = ctx.tense or ("future" if cue == "this" else None)
            return DateValue(range=_weekend_near(anchor, tense), anchor=anchor,
                             rule="relative")
        if unit == "week" and cue == "this" and anchor.weekday() == 6 and \
                ctx.tense != "past":
            # seen from its last day, a week still to come is the next one: a Sunday
            # paper's "this week" is the week ahead
            return DateValue(range=_period_range(anchor, unit, 1), anchor=anchor,
                             rule="relative")
        if cue == "past" and unit in _ROLLING:
            start = anchor - _ROLLING[unit]
            return DateValue(range=DateRange(start=start, end=anchor - timedelta(days=1),
                                             granularity=Granularity.DAY),
                             anchor=anchor, rule="relative")
        offset = _PERIOD_OFFSET[cue]
        return DateValue(range=_period_range(anchor, unit, offset), anchor=anchor,
                         rule="relative")
    match = _LATER_THIS.match(s)
    if match:
        whole = _period_range(anchor, match.group(2), 0)
        assert whole.start and whole.end
        granularity = _PART_OF[match.group(2)]
        if match.group(1) == "later":
            part = DateRange(start=anchor, end=whole.end, granularity=granularity)
        else:
            part = DateRange(start=whole.start, end=anchor, granularity=granularity)
        part = part.model_copy(update={"year": whole.year, "month": whole.month})
        return DateValue(range=part, anchor=anchor, rule="relative")
    return None


_PART_RELATIVE = re.compile(r"^(early|mid(?!dle)|late|the end of|end of|the beginning of"
                            r"|beginning of|the start of|start of|the middle of|middle of)[- ]"
                            r"(?:(this|next|last|the) )?(month|year)$")


def _part_of_period(s: str, ctx: Context) -> DateValue | None:
    """"end of this month", "early next year"."""
    match = _PART_RELATIVE.match(s)
    if not match or ctx.anchor is None:
        return None
    unit = match.group(3)
    part = _PART_WORDS[match.group(1).removeprefix("the ")]

    def of(offset: int) -> DateValue | None:
        assert ctx.anchor is not None
        whole = _period_range(ctx.anchor, unit, offset)
        assert whole.start
        cal = Calendar(year=whole.start.year, part=part,
                       month=whole.start.month if unit == "month" else None)
        return _calendar_value(cal, ctx)

    if match.group(2) in (None, "the"):
        value = _the_period(of, ctx)
    else:
        value = of(_PERIOD_OFFSET[match.group(2)])
    return value.model_copy(update={"anchor": ctx.anchor}) if value else None


def _the_period(part_of: Callable[[int], DateValue | None], ctx: Context
                ) -> DateValue | None:
    """A part of "the year" ("the month", "the week"), given by ``part_of`` for the
    anchor's period (0), the one before (-1) or after (1): the anchor's, unless the
    tense puts the part on the other side of the anchor. "Sales fell in the last three
    months of the year" in a June paper are last year's; "will open in the first
    quarter of the year" in June, next year's."""
    value = part_of(0)
    if value is None or ctx.anchor is None or not value.range.resolved:
        return value
    assert value.range.start and value.range.end
    if ctx.tense == "past" and value.range.start > ctx.anchor:
        return part_of(-1) or value
    if ctx.tense == "future" and value.range.end < ctx.anchor:
        return part_of(1) or value
    return value


_DURATION_PART = re.compile(rf"{_NUM_RE} {_UNIT_RE}")
_DURATION = rf"(?:{_NUM_NC} {_UNIT_NC}(?:,? (?:and )?{_NUM_NC} {_UNIT_NC})*)"
_AGO = re.compile(rf"^({_DURATION}) (ago|earlier|before|later|after|from now|hence|on)$")
_IN = re.compile(rf"^(?:in|within|after) (?:the )?({_DURATION})$")
_WITHIN = re.compile(rf"^within (?:the )?(next )?({_DURATION})$")
# "in the first days" (normalised "in the 1 days"): which days, not how many
_ORDINAL_SPAN = re.compile(rf"^\w+ the 1 {_UNIT_NC}$")
_NEXT_N = re.compile(rf"^(?:the )?(next|last|past|coming|previous) ({_DURATION})$")
_N_NEXT = re.compile(rf"^(?:the )?{_NUM_RE} (upcoming|coming|past|last|next) {_UNIT_RE}$")
_FROM = re.compile(rf"^({_DURATION}) (from|after|before|since|following|prior to) (.+)$")


def _duration_bounds(text: str) -> tuple[relativedelta, relativedelta] | None:
    """The shortest and longest whole-day shifts a duration can be: "1.5 days later"
    lands on the next day or the one after, as the hour it counts from is before or
    after noon; "two days" is two days either way. Fractions of months and years are
    counted in months and 30-day months, as a reader rounds them."""
    total = relativedelta()
    fraction = False
    for number, unit in _DURATION_PART.findall(text):
        amount = float(number)
        whole = int(amount)
        if unit in ("day", "week", "fortnight"):
            days = amount * {"day": 1, "week": 7, "fortnight": 14}[unit]
            total += relativedelta(days=math.floor(days))
            fraction = fraction or days != math.floor(days)
        elif unit in ("month", "quarter"):
            months = amount * (3 if unit == "quarter" else 1)
            total += relativedelta(months=int(months), days=round((months % 1) * 30))
        elif unit == "year":
            total += relativedelta(years=whole, months=round((amount % 1) * 12))
        else:
            total += relativedelta(years=10 * whole)
    if total == relativedelta() and not fraction:
        return None
    return total, total + relativedelta(days=1 if fraction else 0)


_BOUNDED = re.compile(r"^(more than|over|at least|less than|under|no more than|not more than"
                      r"|almost|nearly|just over|just under|some) (.+)$")
_ADJACENT = re.compile(r"^the (day|week|month|year) (before|after) (.+)$")
_TO_DATE = re.compile(r"^(?:the )?(?:(year|month|week)[- ]to[- ]date|ytd"
                      r"|so far (?:this|in the|in this) (year|month|week)"
                      r"|(?:this|the) (year|month|week) so far)$")


def _bounded_offset(s: str, ctx: Context) -> DateValue | None:
    """"more than two years ago" (before that day), "less than a week ago" (since it),
    "at least three days after the vote", "nearly a decade ago" (around it)."""
    match = _BOUNDED.match(s)
    if not match:
        return None
    shifted = _offset(match.group(2), ctx)
    if shifted is None:
        return None
    value, reference = shifted
    day = value.range.start
    assert day is not None
    word = match.group(1)
    if word in ("almost", "nearly", "just over", "just under", "some"):
        return value.model_copy(update={"approximate": True})
    back = day < reference
    if word in ("less than", "under", "no more than", "not more than"):
        low, high = (day, reference) if back else (reference, day)
        return DateValue(range=DateRange(start=low, end=high, granularity=Granularity.DAY),
                         anchor=value.anchor, rule=value.rule)
    at_least: dict[bool, Extent] = {True: "until", False: "since"}
    beyond: dict[bool, Extent] = {True: "before", False: "after"}
    return value.model_copy(update={"extent": (at_least if word == "at least" else beyond)[back]})


def _offset(s: str, ctx: Context) -> tuple[DateValue, date] | None:
    """A day a duration away from another ("3 weeks ago", "two days after May 3"), and
    the day it counts from."""
    match = _FROM.match(s)
    if match:
        base = _resolve(match.group(3), ctx)
        value = _relative(s, ctx)
        if base is None or base.range.start is None or value is None:
            return None
        return value, base.range.start
    match = _AGO.match(s) or _IN.match(s)
    if match and ctx.anchor is not None:
        value = _relative(s, ctx)
        return (value, ctx.anchor) if value is not None else None
    return None


def _adjacent(s: str, ctx: Context) -> DateValue | None:
    """"the year before 2015" (2014), "the day after Christmas", "the week after Easter"."""
    match = _ADJACENT.match(s)
    if not match:
        return None
    base = _resolve(match.group(3), ctx)
    if base is None or base.extent != "at" or not base.range.resolved:
        return None
    assert base.range.start and base.range.end
    unit, sign = match.group(1), -1 if match.group(2) == "before" else 1
    edge = base.range.start if sign < 0 else base.range.end
    if unit == "day":
        range_ = _day(edge + timedelta(days=sign), ctx, "relative").range
    elif unit == "week":
        start = _week_start(edge + timedelta(days=7 * sign))
        range_ = DateRange(start=start, end=start + timedelta(days=6),
                           granularity=Granularity.WEEK)
    elif unit == "month":
        month = edge + relativedelta(months=sign)
        range_ = _period_range(month, "month", 0)
    else:
        range_ = _period_range(edge + relativedelta(years=sign), "year", 0)
    return DateValue(range=range_, anchor=base.anchor, rule=base.rule)


def _to_date(s: str, ctx: Context) -> DateValue | None:
    """"year to date", "so far this year": from the period's first day to the anchor."""
    match = _TO_DATE.match(s)
    if not match or ctx.anchor is None:
        return None
    unit = match.group(1) or match.group(2) or match.group(3) or "year"
    whole = _period_range(ctx.anchor, unit, 0)
    assert whole.start
    return DateValue(range=DateRange(start=whole.start, end=ctx.anchor,
                                     granularity=Granularity.DAY),
                     anchor=ctx.anchor, rule="relative")


def _relative(s: str, ctx: Context) -> DateValue | None:
    """"two days later", "3 weeks ago", "in two weeks", "2 weeks from January 15"."""
    match = _FROM.match(s)
    if match:
        bounds = _duration_bounds(match.group(1))
        base = _resolve(match.group(3), ctx)
        if bounds is None or base is None or base.range.start is None:
            return None
        sign = -1 if match.group(2) in ("before", "prior to") else 1
        return _shifted(base.range.start, sign, bounds, ctx, "relative").model_copy(
            update={"anchor": base.anchor})
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    match = _AGO.match(s)
    if match:
        bounds = _duration_bounds(match.group(1))
        if bounds is None:
            return None
        word = match.group(2)
        rule = "narrative" if word in ("later", "after", "earlier", "before") else "relative"
        sign = -1 if word in ("ago", "earlier", "before") else 1
        return _shifted(anchor, sign, bounds, ctx, rule)
    match = _WITHIN.match(s)
    if match:
        bounds = _duration_bounds(match.group(2))
        if bounds is None:
            return None
        return DateValue(range=DateRange(start=anchor, end=anchor + bounds[1],
                                         granularity=Granularity.DAY),
                         anchor=anchor, rule="relative")
    match = _IN.match(s)
    if match and not _ORDINAL_SPAN.match(s):
        bounds = _duration_bounds(match.group(1))
        return _shifted(anchor, 1, bounds, ctx, "relative") if bounds else None
    match = _NEXT_N.match(s)
    if match:
        return _next_n(match.group(1), match.group(2), ctx)
    match = _N_NEXT.match(s)
    if match and (match.group(1) == "1") == (not s.endswith("s")):  # "3 next week" is not
        return _next_n(match.group(2), f"{match.group(1)} {match.group(3)}", ctx)
    return None


def _shifted(base: date, sign: int, bounds: tuple[relativedelta, relativedelta],
             ctx: Context, rule: str) -> DateValue:
    """The day a duration away from ``base``; the two days it may land on when the
    duration holds a part of a day ("1.5 days later")."""
    near, far = base + sign * bounds[0], base + sign * bounds[1]
    if near == far:
        return _day(near, ctx, rule)
    start, end = min(near, far), max(near, far)
    return DateValue(range=DateRange(start=start, end=end, granularity=Granularity.DAY),
                     anchor=ctx.anchor, rule=rule)


def _next_n(direction: str, duration: str, ctx: Context) -> DateValue | None:
    """"the next two days" (from tomorrow), "the last 3 months" (up to yesterday)."""
    assert ctx.anchor is not None
    bounds = _duration_bounds(duration)
    if bounds is None:
        return None
    shift = bounds[1]
    anchor = ctx.anchor
    if direction in ("next", "coming", "upcoming"):
        start, end = anchor + timedelta(days=1), anchor + shift
    else:
        start, end = anchor - shift, anchor - timedelta(days=1)
    if end < start:
        start, end = end, start
    return DateValue(range=DateRange(start=start, end=end, granularity=Granularity.DAY),
                     anchor=anchor, rule="relative")


_DECADE = re.compile(r"^(?:the )?(?:(\d{4})s|'?(\d{2})s|(" + "|".join(DECADE_WORDS) + "))$")
_CENTURY = re.compile(r"^(?:the )?(\d{1,2}) century$")
_WEEK_OF = re.compile(r"^(?:the )?(\d|last) week of (.+)$")
_THE_WEEK_OF = re.compile(r"^the week of (.+)$")
_QUARTER = re.compile(r"^(?:the )?([qh])(\d)(?:,? (?:of )?(?:(\d{4})|(?:the )?(?:fiscal )?"
                      r"(?:(this|next|last|the|current|previous) )(?:fiscal )?year))?$")
_DECADE_PART = re.compile(r"^(?:the )?(early|mid|late)[- ](?:the )?(.+s)$")
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _era(s: str, ctx: Context) -> DateValue | None:
    """Decades ("the 1990s", "the nineties"), centuries, quarters."""
    match = _DECADE_PART.match(s)
    if match:
        whole = _era(match.group(2), ctx)
        if whole is None or whole.range.granularity is not Granularity.DECADE:
            return None
        assert whole.range.start
        first_year, last_year = (whole.range.start.year + k
                                 for k in _DECADE_PARTS[match.group(1)])
        return whole.model_copy(update={"range": DateRange(
            start=date(first_year, 1, 1), end=date(last_year, 12, 31),
            granularity=Granularity.DECADE)})
    match = _DECADE.match(s)
    if match:
        if match.group(1):
            first = int(match.group(1))
            if first % 10:
                return None
        else:
            yy = int(match.group(2)) if match.group(2) else DECADE_WORDS[str(match.group(3))]
            base = (ctx.anchor or date.today()).year
            first = base // 100 * 100 + yy
            if first > base:
                first -= 100
        return DateValue(range=DateRange(start=date(first, 1, 1), end=date(first + 9, 12, 31),
                                         granularity=Granularity.DECADE),
                         anchor=ctx.anchor if not match.group(1) else None,
                         rule="absolute" if match.group(1) else "year_from_anchor")
    match = _CENTURY.match(s)
    if match:
        number = int(match.group(1))
        if not 1 <= number <= 30:
            return None
        first = (number - 1) * 100
        return DateValue(range=DateRange(start=date(max(first, 1), 1, 1),
                                         end=date(first + 99, 12, 31),
                                         granularity=Granularity.CENTURY))
    return _year_part(s, ctx)


def _year_part(s: str, ctx: Context) -> DateValue | None:
    """Quarters and halves: "Q3 2019", "the first quarter of next year", "the second
    half of the year" (the anchor's), and a bare "the third quarter", placed like a
    year-less date (by tense, else the nearest)."""
    match = _QUARTER.match(s)
    if not match:
        return None
    months = 3 if match.group(1) == "q" else 6
    number = int(match.group(2))
    if not 1 <= number <= 12 // months:
        return None

    def of(year: int) -> DateRange:
        start = date(year, months * (number - 1) + 1, 1)
        end = start + relativedelta(months=months) - timedelta(days=1)
        return DateRange(start=start, end=end, year=year,
                         granularity=Granularity.PART_OF_YEAR)

    if match.group(3):
        return DateValue(range=of(int(match.group(3))), rule="absolute")
    if ctx.anchor is None:
        return None
    if match.group(4) == "the":
        year = ctx.anchor.year
        return _the_period(lambda offset: DateValue(range=of(year + offset), anchor=ctx.anchor,
                                                    rule="year_from_anchor"), ctx)
    if match.group(4):
        year = ctx.anchor.year + _PERIOD_OFFSET[match.group(4)]
        return DateValue(range=of(year), anchor=ctx.anchor, rule="year_from_anchor")
    chosen = _choose_year(of, ctx)
    return DateValue(range=chosen, anchor=ctx.anchor,
                     rule="year_from_anchor") if chosen else None


def _weeks(s: str, ctx: Context) -> DateValue | None:
    """"the week of April 10th", "the last week of July", "3rd week of Jan"."""
    match = _THE_WEEK_OF.match(s)
    if match:
        inner = _resolve(match.group(1), ctx)
        if inner is None or inner.range.start is None or inner.range.end != inner.range.start:
            return None
        start = _week_start(inner.range.start)
        return DateValue(range=DateRange(start=start, end=start + timedelta(days=6),
                                         granularity=Granularity.WEEK),
                         anchor=inner.anchor, rule=inner.rule)
    match = _WEEK_OF.match(s)
    if not match:
        return None
    return _part_of(match.group(2), ctx, lambda inner: _week_of(match, inner),
                    periods=("month", "year"))


def _week_of(match: re.Match[str], inner: DateValue) -> DateValue | None:
    """The numbered or last week of a month or a year."""
    if inner.range.start is None or inner.range.end is None:
        return None
    if inner.range.granularity not in (Granularity.MONTH, Granularity.YEAR):
        return None
    # A week belongs to the month or year that holds its Thursday (as ISO weeks do).
    if match.group(1) == "last":
        thursday = inner.range.end - timedelta(days=(inner.range.end.weekday() - 3) % 7)
        start = _week_start(thursday)
    else:
        first = inner.range.start + timedelta(days=(3 - inner.range.start.weekday()) % 7)
        start = _week_start(first) + timedelta(weeks=int(match.group(1)) - 1)
    if start + timedelta(days=3) > inner.range.end:
        return None
    return DateValue(range=DateRange(start=start, end=start + timedelta(days=6),
                                     granularity=Granularity.WEEK),
                     anchor=inner.anchor, rule=inner.rule)


# "the first six months of 2013", "the last ten days of October", "the final two weeks of
# the campaign year": the opening or closing stretch of a period ("first" is "1" here).
_STRETCH_OF = re.compile(r"^(?:the )?(1|last|final|opening|closing) (\d{1,3}) "
                         r"(day|week|month)s? of (.+)$")
_STRETCH_GRANULARITY = {"day": Granularity.DAY, "week": Granularity.WEEK,
                        "month": Granularity.PART_OF_YEAR}


def _stretch(s: str, ctx: Context) -> DateValue | None:
    """The first or last N days, weeks or months of a period that holds more than them."""
    match = _STRETCH_OF.match(s)
    if not match:
        return None
    return _part_of(match.group(4), ctx, lambda inner: _stretch_of(match, inner))


def _part_of(whole: str, ctx: Context, part: Callable[[DateValue], DateValue | None],
             periods: tuple[str, ...] = ("week", "month", "year")) -> DateValue | None:
    """A part of a period: of "the month" (or week, year), on the side of the publication
    date the tense says; of any other period, of that period as resolved."""
    the = _THE_PERIOD.match(whole)
    if the and the.group(1) in periods and ctx.anchor is not None:
        anchor, period = ctx.anchor, the.group(1)
        return _the_period(lambda offset: part(DateValue(
            range=_period_range(anchor, period, offset), anchor=anchor, rule="relative")), ctx)
    inner = _resolve(whole, ctx)
    return part(inner) if inner is not None else None


_THE_PERIOD = re.compile(r"^the (week|month|year)$")


def _stretch_of(match: re.Match[str], inner: DateValue) -> DateValue | None:
    if inner.extent != "at" or inner.range.start is None or inner.range.end is None:
        return None
    count, unit = int(match.group(2)), match.group(3)
    length = {"day": relativedelta(days=count), "week": relativedelta(weeks=count),
              "month": relativedelta(months=count)}[unit]
    whole = inner.range
    assert whole.start is not None and whole.end is not None
    if match.group(1) == "1":
        start, end = whole.start, whole.start + length - timedelta(days=1)
    else:
        start, end = whole.end - length + timedelta(days=1), whole.end
    if count < 1 or start < whole.start or end > whole.end or \
            end - start >= whole.end - whole.start:
        return None  # the stretch must be a part of the period, not all of it or more
    return DateValue(range=DateRange(start=start, end=end,
                                     granularity=_STRETCH_GRANULARITY[unit]),
                     anchor=inner.anchor, rule=inner.rule)


@lru_cache(maxsize=1)
def holiday_rules() -> dict[str, str]:
    """Holiday name → rule, from the table shipped in ``claimcheck/data/holidays.tsv``."""
    from importlib import resources

    table = resources.files("claimcheck.data").joinpath("holidays.tsv").read_text("utf-8")
    rules: dict[str, str] = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            name, rule = line.split("\t")
            rules[name.strip()] = rule.strip()
    return rules


@lru_cache(maxsize=1)
def _holiday_pattern() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(n) for n in holiday_rules()), key=len, reverse=True))
    return re.compile(rf"^(?:(next|last|previous|this) )?(?:the )?(weekend of )?({names})"
                      r"(?:,? (?:of )?(\d{4}|this year|next year|last year))?( weekend)?$")


def holiday_on(name: str, year: int) -> date:
    """The day of holiday ``name`` (a key of the table) in ``year``."""
    rule = holiday_rules()[name]
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[len("easter"):]))
    if "-" in rule:
        fixed_month, fixed_day = rule.split("-")
        return date(year, int(fixed_month), int(fixed_day))
    nth, weekday, month_text = rule.split()
    month = int(month_text)
    wanted = WEEKDAY_NUMBER[weekday]
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == wanted]
    return days[-1] if nth == "last" else days[int(nth) - 1]


def _holiday(s: str, ctx: Context) -> DateValue | None:
    """Fixed and movable feasts that news dates events by ("Christmas", "Easter 2012",
    "Labor Day", "Thanksgiving of next year"), from the holiday table."""
    match = _holiday_pattern().match(s.replace("'", "").replace("’", ""))
    if not match:
        return None
    cue, name, year = match.group(1), match.group(3), match.group(4)
    weekend = bool(match.group(2) or match.group(5))

    def on(year: int) -> DateRange:
        day = holiday_on(name, year)
        if weekend:  # "Labor Day weekend": the weekend the holiday joins, holiday included
            saturday = day + timedelta(days=5 - day.weekday()) if day.weekday() >= 3 \
                else day - timedelta(days=day.weekday() + 2)
            return DateRange(start=min(day, saturday), end=max(day, saturday + timedelta(1)),
                             granularity=Granularity.WEEK, year=year)
        return DateRange(start=day, end=day, granularity=Granularity.DAY, year=year,
                         month=day.month, day=day.day)

    if year and year[0].isdigit():
        return DateValue(range=on(int(year)))
    if ctx.anchor is None:
        return None
    if year:
        offset = {"this year": 0, "next year": 1, "last year": -1}[year]
        return DateValue(range=on(ctx.anchor.year + offset), anchor=ctx.anchor,
                         rule="year_from_anchor")
    tense: Tense | None = {"next": "future", "last": "past", "previous": "past"}.get(
        cue or "", ctx.tense)  # type: ignore[assignment]
    if cue in ("next", "last", "previous"):
        anchor = ctx.anchor
        days = [on(y) for y in range(anchor.year - 1, anchor.year + 2)]
        if cue == "next":
            chosen = next(r for r in days if r.start and r.start > anchor)
        else:
            chosen = [r for r in days if r.start and r.start < anchor][-1]
        return DateValue(range=chosen, anchor=anchor, rule="year_from_anchor")
    chosen_range = _choose_year(on, Context(ctx.anchor, tense))
    return DateValue(range=chosen_range, anchor=ctx.anchor,
                     rule="year_from_anchor") if chosen_range else None


_RULES: tuple[Callable[[str, Context], DateValue | None], ...] = (
    _calendar, _day_word, _weekday, _period, _part_of_period, _relative, _era, _weeks,
    _holiday, _stretch, _day_of_month, _to_date, _adjacent, _bounded_offset, _extent,
    _range)
