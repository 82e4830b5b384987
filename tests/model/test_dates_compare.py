"""Comparing dates: by range and granularity, with approximations and partial dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.dates import (
    DateRange,
    DateValue,
    Granularity,
    compare_dates,
    date_reason,
    dates_agree,
    day_range,
    month_range,
)
from claimcheck.model.numbers import Comparison


def day(y: int, m: int, d: int, **kw: object) -> DateValue:
    return DateValue(range=day_range(date(y, m, d)), **kw)  # type: ignore[arg-type]


MID_NOV = DateValue(range=DateRange(start=date(2013, 11, 11), end=date(2013, 11, 20),
                                    granularity=Granularity.PART_OF_MONTH, year=2013, month=11),
                    rule="part_of_month")
PARTIAL_AUG_21 = DateValue(range=DateRange(month=8, day=21), rule="partial")


def test_a_day_inside_a_part_of_month_agrees() -> None:
    assert compare_dates(day(2013, 11, 15), MID_NOV) is Comparison.COMPATIBLE
    assert compare_dates(day(2013, 11, 25), MID_NOV) is Comparison.CONTRADICT


def test_different_days_contradict_and_equal_days_are_equivalent() -> None:
    assert compare_dates(day(2013, 8, 23), day(2013, 8, 21)) is Comparison.CONTRADICT
    assert compare_dates(day(2013, 8, 21), day(2013, 8, 21)) is Comparison.EQUIVALENT
    assert not dates_agree(day(2013, 8, 23), day(2013, 8, 21))


def test_approximation_widens_by_the_slack() -> None:
    around = day(2013, 9, 28, approximate=True)
    assert compare_dates(around, day(2013, 9, 30), slack_days=3) is Comparison.COMPATIBLE
    assert compare_dates(around, day(2013, 9, 30)) is Comparison.CONTRADICT
    assert compare_dates(around, day(2013, 10, 5), slack_days=3) is Comparison.CONTRADICT


def test_partial_dates_compare_only_on_the_parts_both_state() -> None:
    assert dates_agree(PARTIAL_AUG_21, day(2013, 8, 21))
    assert not dates_agree(PARTIAL_AUG_21, day(2013, 8, 23))
    assert dates_agree(PARTIAL_AUG_21, DateValue(range=month_range(2013, 8)))
    august = DateRange(month=8, granularity=Granularity.MONTH)
    assert dates_agree(PARTIAL_AUG_21, DateValue(range=august))
    assert not dates_agree(PARTIAL_AUG_21, DateValue(range=DateRange(month=8, day=22)))


def test_open_ended_dates_compare_as_half_lines() -> None:
    since = DateValue(range=DateRange(start=date(2011, 1, 1), end=date(2011, 12, 31),
                                      granularity=Granularity.YEAR, year=2011), extent="since")
    assert dates_agree(since, day(2013, 3, 1))
    assert not dates_agree(since, day(2010, 3, 1))


def test_reason_says_why() -> None:
    reason = date_reason(day(2013, 8, 23), day(2013, 8, 21))
    assert "do not overlap" in reason and "23 Aug 2013" in reason
    assert "overlap" in date_reason(day(2013, 11, 15), MID_NOV)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    kind = draw(st.sampled_from(["range", "partial"]))
    if kind == "partial":
        month = draw(st.one_of(st.none(), st.integers(1, 12)))
        dom = draw(st.one_of(st.none(), st.integers(1, 28)))
        year = draw(st.one_of(st.none(), st.integers(2000, 2030)))
        return DateValue(range=DateRange(year=year, month=month, day=dom), rule="partial",
                         approximate=draw(st.booleans()))
    start = draw(days)
    end = start + timedelta(days=draw(st.integers(0, 400)))
    return DateValue(range=DateRange(start=start, end=end),
                     approximate=draw(st.booleans()),
                     extent=draw(st.sampled_from(["at", "since", "after", "before", "until"])))


@given(date_values(), date_values(), st.integers(0, 10))
def test_comparison_is_symmetric(a: DateValue, b: DateValue, slack: int) -> None:
    assert compare_dates(a, b, slack) is compare_dates(b, a, slack)


@given(date_values())
def test_a_date_agrees_with_itself(a: DateValue) -> None:
    assert dates_agree(a, a)


@given(days, st.integers(0, 60), st.integers(0, 60))
def test_a_range_agrees_with_each_day_inside_it(start: date, length: int, offset: int) -> None:
    whole = DateValue(range=DateRange(start=start, end=start + timedelta(days=length)))
    inside = day_range(start + timedelta(days=min(offset, length)))
    assert dates_agree(whole, DateValue(range=inside))


def test_descriptions_are_compact() -> None:
    assert MID_NOV.range.describe() == "11–20 Nov 2013"
    early = DateRange(start=date(2011, 1, 1), end=date(2011, 4, 30))
    assert early.describe() == "Jan–Apr 2011"
    assert month_range(2013, 9).describe() == "Sep 2013"
    assert PARTIAL_AUG_21.range.describe() == "????-08-21"


def test_explain_names_the_anchor() -> None:
    friday = day(2013, 9, 13, anchor=date(2013, 9, 13), rule="weekday")
    assert friday.explain("Friday") == "Friday → Fri 13 Sep 2013 (published 13 Sep 2013)"
