"""Date forms of news read by rule: parts of years, open bounds, offsets, seasons across
a year's end, decades of the calendar and not of a life, the sources' numeric order."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.date_resolve import resolve_date
from claimcheck.model.dates import DateValue

JUNE = date(2019, 6, 12)  # a Wednesday
NOV = date(2016, 11, 3)  # a Thursday


def _read(text: str, anchor: date | None, tense: Any = None, **options: Any) -> DateValue:
    value = resolve_date(text, anchor, tense=tense, **options)
    assert value is not None, text
    return value


@pytest.mark.parametrize(("text", "anchor", "tense", "start", "end"), [
    ("the first quarter of 2017", None, None, "2017-01-01", "2017-03-31"),
    ("Q4 2015", None, None, "2015-10-01", "2015-12-31"),
    ("the final quarter of 2008", None, None, "2008-10-01", "2008-12-31"),
    ("the last quarter of 2008", None, None, "2008-10-01", "2008-12-31"),
    ("the second half of 2012", None, None, "2012-07-01", "2012-12-31"),
    ("the first quarter of the year", NOV, None, "2016-01-01", "2016-03-31"),
    ("the third quarter of next year", NOV, None, "2017-07-01", "2017-09-30"),
    ("the first half of last year", NOV, None, "2015-01-01", "2015-06-30"),
    ("the fourth quarter", JUNE, "past", "2018-10-01", "2018-12-31"),
    ("the fourth quarter", JUNE, "future", "2019-10-01", "2019-12-31"),
    ("in the first quarter", JUNE, "past", "2019-01-01", "2019-03-31"),
    ("the middle of 2004", None, None, "2004-05-01", "2004-08-31"),
    ("the winter of 2008-9", None, None, "2008-12-01", "2009-02-28"),
    ("winter 2011/12", None, None, "2011-12-01", "2012-02-29"),
    ("the 1999-2000 winter", None, None, "1999-12-01", "2000-02-29"),
    ("the early 1980s", None, None, "1980-01-01", "1983-12-31"),
    ("the mid-1990s", None, None, "1994-01-01", "1996-12-31"),
    ("the late 1960s", None, None, "1967-01-01", "1969-12-31"),
    ("year to date", JUNE, None, "2019-01-01", "2019-06-12"),
    ("so far this year", NOV, None, "2016-01-01", "2016-11-03"),
    ("the year 2031", None, None, "2031-01-01", "2031-12-31"),
    ("the year before 2015", None, None, "2014-01-01", "2014-12-31"),
    ("the day after Christmas 2010", None, None, "2010-12-26", "2010-12-26"),
    ("the week after Easter 2019", None, None, "2019-04-22", "2019-04-28"),
    ("September next year", JUNE, None, "2020-09-01", "2020-09-30"),
    ("between June and August next year", JUNE, None, "2020-06-01", "2020-08-31"),
    ("next spring", JUNE, None, "2020-03-01", "2020-05-31"),
    ("last winter", JUNE, None, "2018-12-01", "2019-02-28"),
    ("the last week of 2019", None, None, "2019-12-23", "2019-12-29"),
    ("the first week of February 2019", None, None, "2019-02-04", "2019-02-10"),
    ("a fortnight after 14 March 2011", None, None, "2011-03-28", "2011-03-28"),
    ("in two years", JUNE, None, "2021-06-12", "2021-06-12"),
    ("less than a week ago", JUNE, None, "2019-06-05", "2019-06-12"),
    ("the first six months of 2013", None, None, "2013-01-01", "2013-06-30"),
    ("the last three months of 2012", None, None, "2012-10-01", "2012-12-31"),
    ("the first ten days of October", NOV, "past", "2016-10-01", "2016-10-10"),
    ("the final two weeks of March 2019", None, None, "2019-03-18", "2019-03-31"),
    ("the first nine months of last year", NOV, None, "2015-01-01", "2015-09-30"),
    # a part of "the year" (month, week) lies on the side of the anchor the tense says
    ("the last three months of the year", JUNE, "past", "2018-10-01", "2018-12-31"),
    ("the last three months of the year", JUNE, "future", "2019-10-01", "2019-12-31"),
    ("the first three months of the year", JUNE, "past", "2019-01-01", "2019-03-31"),
    ("the first quarter of the year", JUNE, "future", "2020-01-01", "2020-03-31"),
    ("the fourth quarter of the year", JUNE, "past", "2018-10-01", "2018-12-31"),
    ("the end of the year", JUNE, "past", "2018-09-01", "2018-12-31"),
    ("the end of this year", JUNE, "past", "2019-09-01", "2019-12-31"),
    ("the last ten days of the month", JUNE, "past", "2019-05-22", "2019-05-31"),
    ("the last week of July", JUNE, "future", "2019-07-22", "2019-07-28"),
    # a part of a day lands on one of two days, as the hour counted from allows
    ("1.5 days later", JUNE, None, "2019-06-13", "2019-06-14"),
    ("a day and a half before 1 June 2019", None, None, "2019-05-30", "2019-05-31"),
    ("1.5 weeks ago", JUNE, None, "2019-06-01", "2019-06-02"),
])
def test_forms_resolve(text: str, anchor: date | None, tense: Any, start: str,
                       end: str) -> None:
    value = _read(text, anchor, tense)
    assert (value.range.start, value.range.end) == (date.fromisoformat(start),
                                                    date.fromisoformat(end))
    assert value.extent == "at"


@pytest.mark.parametrize(("text", "extent", "low", "high"), [
    ("later than 2018", "after", "2019-01-01", None),
    ("earlier than March 2017", "before", None, "2017-02-28"),
    ("no later than 3 May 2014", "until", None, "2014-05-03"),
    ("not before 2020", "since", "2020-01-01", None),
    ("on or after 3 October 2017", "since", "2017-10-03", None),
    ("on or before 30 September 2017", "until", None, "2017-09-30"),
    ("2012 or later", "since", "2012-01-01", None),
    ("more than three weeks ago", "before", None, "2019-05-21"),
    ("at least two days after 1 June 2019", "since", "2019-06-03", None),
    ("more than a year before 2019-06-01", "before", None, "2018-05-31"),
])
def test_open_bounds(text: str, extent: str, low: str | None, high: str | None) -> None:
    value = _read(text, JUNE)
    assert value.extent == extent
    assert value.bounds() == (date.fromisoformat(low) if low else None,
                              date.fromisoformat(high) if high else None)


def test_nearly_is_an_approximate_point() -> None:
    value = _read("nearly a decade ago", JUNE)
    assert value.approximate and value.range.start == date(2009, 6, 12)


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("10/8/2013", None, date(2013, 10, 8)),
    ("10/8/2013", False, date(2013, 10, 8)),
    ("10/8/2013", True, date(2013, 8, 10)),
    ("8.10.2013", True, date(2013, 10, 8)),
    ("8.10.2013", False, date(2013, 8, 10)),
    ("13.5.2015", None, date(2015, 5, 13)),
    ("5/13/2015", True, date(2015, 5, 13)),  # only one order makes a date
])
def test_numeric_dates_follow_the_sources_order(text: str, day_first: bool | None,
                                                expected: date) -> None:
    assert _read(text, None, day_first=day_first).range.start == expected


def test_a_dotted_date_that_could_swap_needs_the_order() -> None:
    assert resolve_date("8.10.2013", None) is None


@pytest.mark.parametrize("text", ["the third half of 2012", "Q5 2019", "the winter of 2008-11",
                                  "11/20, 12", "the late 1965s", "in the first days",
                                  "the first 12 months of 2013", "the first 40 days of March"])
def test_not_dates(text: str) -> None:
    assert resolve_date(text, JUNE) is None


# -- laws -------------------------------------------------------------------------------

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))
UNITS = {"days": 1, "weeks": 7}


@given(days, st.integers(1, 60), st.sampled_from(sorted(UNITS)))
def test_n_units_before_a_date_plus_n_units_is_that_date(day: date, n: int, unit: str) -> None:
    text = f"{n} {unit} before {day:%B} {day.day}, {day.year}"
    value = _read(text, None)
    assert value.range.start is not None
    assert value.range.start + timedelta(days=n * UNITS[unit]) == day
    after = _read(f"{n} {unit} after {day:%B} {day.day}, {day.year}", None)
    assert after.range.start is not None
    assert after.range.start - timedelta(days=n * UNITS[unit]) == day


@given(days, st.integers(0, 60), st.sampled_from(sorted(UNITS)),
       st.sampled_from(["before", "after"]))
def test_a_part_of_a_day_away_from_a_date_lands_on_the_two_days_around_it(
        day: date, n: int, unit: str, side: str) -> None:
    """"N.5 days before X" + N.5 days is X: the two days it may be, shifted back, hold X."""
    length = (n + 0.5) * UNITS[unit]
    value = _read(f"{n}.5 {unit} {side} {day:%B} {day.day}, {day.year}", None)
    start, end = value.range.start, value.range.end
    assert start is not None and end is not None
    sign = -1 if side == "before" else 1
    whole = timedelta(days=int(length))
    if length == int(length):  # half a week of 7 days is not whole: only n = 0 weeks
        assert start == end == day + sign * whole
        return
    assert end - start == timedelta(days=1)
    assert {start, end} == {day + sign * whole, day + sign * (whole + timedelta(days=1))}


@given(days, st.sampled_from(["past", "future"]),
       st.sampled_from(["the first three months of the year", "the last two months of the year",
                        "the fourth quarter of the year", "the first half of the year",
                        "the end of the year", "the last ten days of the month",
                        "the first week of the month", "the middle of the year",
                        "the beginning of the month"]))
def test_a_part_of_the_year_lies_on_the_side_of_the_anchor_its_tense_says(
        anchor: date, tense: Any, text: str) -> None:
    value = _read(text, anchor, tense)
    start, end = value.range.start, value.range.end
    assert start is not None and end is not None and start <= end
    if tense == "past":
        assert start <= anchor and anchor - start < timedelta(days=2 * 366)
    else:
        assert end >= anchor and end - anchor < timedelta(days=2 * 366)


@given(days, st.integers(1, 40), st.sampled_from(["more than", "less than", "at least"]))
def test_a_bounded_offset_is_on_the_side_of_its_words(anchor: date, n: int,
                                                      word: str) -> None:
    value = _read(f"{word} {n} days ago", anchor)
    low, high = value.bounds()
    point = anchor - timedelta(days=n)
    if word == "less than":
        assert (low, high) == (point, anchor)
    elif word == "at least":
        assert (low, high) == (None, point)
    else:
        assert (low, high) == (None, point - timedelta(days=1))


@given(st.integers(1901, 2090), st.sampled_from(["q", "h"]), st.integers(1, 4))
def test_parts_of_a_year_tile_it(year: int, letter: str, number: int) -> None:
    count = 4 if letter == "q" else 2
    if number > count:
        return
    word = ["first", "second", "third", "fourth"][number - 1]
    part = "quarter" if letter == "q" else "half"
    value = _read(f"the {word} {part} of {year}", None)
    start, end = value.range.start, value.range.end
    assert start is not None and end is not None and start <= end
    assert start.year == end.year == year
    assert start.month == (number - 1) * 12 // count + 1
    following = end + timedelta(days=1)
    assert following.day == 1 and following.month in (1, number * 12 // count + 1)


@given(st.integers(1901, 2090), st.integers(1, 12), st.sampled_from(["first", "last"]),
       st.sampled_from(["days", "weeks", "months"]), st.integers(2, 11))
def test_a_stretch_of_a_period_lies_inside_it_and_lasts_as_long_as_it_says(
        year: int, month: int, side: str, unit: str, count: int) -> None:
    whole = f"{date(year, month, 1):%B} {year}" if unit != "months" else str(year)
    value = resolve_date(f"the {side} {count} {unit} of {whole}", None)
    first = date(year, month if unit != "months" else 1, 1)
    last = (date(year, 12, 31) if unit == "months" else
            date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    length = {"days": timedelta(days=count), "weeks": timedelta(weeks=count)}.get(unit)
    if length is not None and length >= last - first + timedelta(days=1):
        assert value is None  # as long as the period or longer: no part of it
        return
    assert value is not None
    start, end = value.range.start, value.range.end
    assert start is not None and end is not None and first <= start <= end <= last
    assert (start == first) if side == "first" else (end == last)
    if length is not None:
        assert end - start + timedelta(days=1) == length
    else:
        assert (end.month - start.month + 1) == count and start.day == 1


@given(st.integers(1901, 2090), st.sampled_from(["-", "/"]), st.booleans())
def test_a_winter_across_two_years_starts_before_it_ends(year: int, dash: str,
                                                         short: bool) -> None:
    second = str(year + 1)[2:] if short else str(year + 1)
    value = _read(f"the winter of {year}{dash}{second}", None)
    start, end = value.range.start, value.range.end
    assert start == date(year, 12, 1) and end is not None and end.year == year + 1
    assert end.month == 2 and start <= end


@given(days, st.integers(0, 400))
def test_a_written_date_range_starts_no_later_than_it_ends(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    for text in (f"from {first:%B} {first.day}, {first.year} to {last:%B} {last.day}, "
                 f"{last.year}", f"between {first.isoformat()} and {last.isoformat()}"):
        value = _read(text, None)
        assert value.range.start == first and value.range.end == last
        assert value.range.start <= value.range.end
