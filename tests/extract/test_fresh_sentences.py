"""Dates and amounts in sentences written for these tests, read end to end as ``parse``
reads them: a check that the finder's rules are general, not fitted to the peer cases."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli.parse_view import parse_texts
from claimcheck.extract.amounts import parse_amounts
from claimcheck.extract.date_resolve import resolve_date

PUBLISHED = date(2019, 6, 12)  # a Wednesday

# (sentence, words the date found must hold, start, end, extent)
DATES = [
    ("The ferry sank on 3 February 2017 off the coast.", "3 February 2017",
     "2017-02-03", "2017-02-03", "at"),
    ("Strikes went on from March to July 2018 in the port.", "March to July 2018",
     "2018-03-01", "2018-07-31", "at"),
    ("Prices have doubled since 2015, the bank said.", "2015", "2015-01-01", "2015-12-31",
     "since"),
    ("The talks were held between 2010 and 2012 in Oslo.", "2010 and 2012", "2010-01-01",
     "2012-12-31", "at"),
    ("Elections are due before the end of 2020.", "end of 2020", None, None, "until"),
    ("The dam was built in the 1970s by a state firm.", "1970s", "1970-01-01",
     "1979-12-31", "at"),
    ("Crowds gathered on Memorial Day 2016 in the square.", "Memorial Day 2016",
     "2016-05-30", "2016-05-30", "at"),
    ("The minister resigned two weeks before May 20, 2014.", "two weeks before May 20, 2014",
     "2014-05-06", "2014-05-06", "at"),
    ("The bridge reopened on 2018-09-14 after repairs.", "2018-09-14", "2018-09-14",
     "2018-09-14", "at"),
    ("Protesters met again on Monday near the palace.", "Monday", "2019-06-10", "2019-06-10",
     "at"),
    ("Results will be published on Friday, officials said.", "Friday", "2019-06-14",
     "2019-06-14", "at"),
    ("The fund was set up in mid-2009 by three banks.", "mid-2009", "2009-05-01",
     "2009-08-31", "part"),
    ("Curfews were lifted until Easter 2013 in the north.", "Easter 2013", None, None, "until"),
    ("The union called for a general strike in early March.", "early March", "2020-03-01",
     "2020-03-10", "at"),
    ("Mediators proposed new talks in late July, a diplomat said.", "late July", "2019-07-21",
     "2019-07-31", "at"),
    ("The lease ends in the year 2031, the council said.", "year 2031", "2031-01-01",
     "2031-12-31", "at"),
]

# (sentence, words the amount found must hold, low, high, unit)
AMOUNTS = [
    ("Between 20 and 30 people were hurt on Sunday.", "Between 20 and 30", 20, 30, "person"),
    ("Between 45 and 50 cases were reported in the city.", "Between 45 and 50", 45, 50, "case"),
    ("Ticket sales reached 2.5 bln in the quarter.", "2.5 bln", 2_500_000_000,
     2_500_000_000, None),
    ("The firm raised US$ 3MM from investors.", "US$ 3MM", 3_000_000, 3_000_000, "USD"),
    ("The fine was 400 - 900 usd per driver.", "400 - 900 usd", 400, 900, "USD/driver"),
    ("Rescuers said the toll could exceed 2,000.", "exceed 2,000", 2000, None, None),
    ("As many as 600 homes were flooded.", "As many as 600", 0, 600, "home"),
    ("The storm might reach 1,100 kilometres inland.", "might reach 1,100 kilometres", 0, 1100,
     "km"),
    ("A fifth of the budget went to schools.", "A fifth", 0.2, 0.2, "ratio"),
    ("Three quarters of voters backed the plan.", "Three quarters", 0.75, 0.75, "ratio"),
    ("Fewer than 80 ships used the canal.", "Fewer than 80", 0, 80, "ship"),
    ("Exports topped 9,000 tonnes last year.", "topped 9,000 tonnes", 9000, None, "t"),
    # a spaced dash is a list's before a whole count, a sign before a fraction
    ("The balance stood at - 3 1/4 after the trade.", "- 3 1/4", -3.25, -3.25, None),
    ("Aid workers said:\n- 2.5 million people fled.", "2.5 million", 2_500_000, 2_500_000,
     "person"),
]


def _values(sentence: str) -> list[dict[str, Any]]:
    return parse_texts([sentence], PUBLISHED, None)[0]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "text", "start", "end", "extent"), DATES,
                         ids=[d[1] for d in DATES])
def test_fresh_dates_are_found_whole_and_read_right(sentence: str, text: str, start: str | None,
                                                    end: str | None, extent: str) -> None:
    dates = [v for v in _values(sentence) if v["kind"] == "date"]
    assert len(dates) == 1 and text in dates[0]["text"], dates  # one date, found whole
    value = dates[0]["value"]
    if start is not None:
        assert (value["start"], value["end"]) == (start, end)
    if extent != "part":
        assert value["extent"] == extent


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), AMOUNTS,
                         ids=[a[1] for a in AMOUNTS])
def test_fresh_amounts_are_found_whole_and_read_right(sentence: str, text: str, low: float,
                                                      high: float | None,
                                                      unit: str | None) -> None:
    amounts = [v for v in _values(sentence) if v["kind"] == "quantity"]
    whole = [a for a in amounts if text in a["text"]]
    assert whole, amounts
    value = whole[0]["value"]
    assert value["low"] == pytest.approx(low) and (
        value["high"] == pytest.approx(high) if high is not None else value["high"] is None)
    if unit is not None:
        assert value["unit"] == unit
    assert not [v for v in _values(sentence) if v["kind"] == "date" and v["text"] == text]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 10**6), st.sampled_from([" - ", " to ", "-"]))
def test_a_written_range_has_its_low_below_its_high(low: int, width: int, dash: str) -> None:
    amounts = parse_amounts(f"costs of {low:,}{dash}{low + width:,} dollars were paid")
    for amount in amounts:
        interval = amount.value.interval
        if interval.low is not None and interval.high is not None:
            assert interval.low <= interval.high


@settings(max_examples=60, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2090, 12, 31)), st.integers(1, 400),
       st.sampled_from(["days", "weeks"]))
def test_an_offset_before_a_date_adds_back_to_it(day: date, n: int, unit: str) -> None:
    written = f"{n} {unit} before {day:%B} {day.day}, {day.year}"
    value = resolve_date(written, PUBLISHED)
    assert value is not None and value.range.start is not None
    step = timedelta(days=n if unit == "days" else 7 * n)
    assert value.range.start + step == day


@settings(max_examples=60, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2090, 12, 31)), st.integers(0, 900))
def test_a_date_range_starts_before_it_ends(first: date, days: int) -> None:
    last = first + timedelta(days=days)
    value = resolve_date(f"from {first:%B} {first.day}, {first.year} to {last:%B} {last.day}, "
                         f"{last.year}", PUBLISHED)
    assert value is not None
    low, high = value.range.start, value.range.end
    assert low is not None and high is not None and low <= high
    assert (low, high) == (first, last)
