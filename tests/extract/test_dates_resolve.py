"""The date resolver: expressions → DateValue against a publication date, without a model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.date_resolve import resolve_date
from claimcheck.extract.date_words import WEEKDAYS
from claimcheck.model.dates import Granularity

FRI = date(2013, 9, 13)  # a Friday
MON = date(2013, 10, 7)  # a Monday


@pytest.mark.parametrize(("text", "anchor", "tense", "start", "end", "granularity"), [
    ("Aug. 21", MON, None, "2013-08-21", "2013-08-21", Granularity.DAY),
    ("August 21, 2013", None, None, "2013-08-21", "2013-08-21", Granularity.DAY),
    ("21 August", MON, "past", "2013-08-21", "2013-08-21", Granularity.DAY),
    ("8/21", MON, None, "2013-08-21", "2013-08-21", Granularity.DAY),
    ("Sept. 28", FRI, None, "2013-09-28", "2013-09-28", Granularity.DAY),
    ("Friday", FRI, None, "2013-09-13", "2013-09-13", Granularity.DAY),
    ("on Friday", FRI, "past", "2013-09-13", "2013-09-13", Granularity.DAY),
    ("Friday", MON, "past", "2013-10-04", "2013-10-04", Granularity.DAY),
    ("Friday", MON, "future", "2013-10-11", "2013-10-11", Granularity.DAY),
    ("next Friday", MON, None, "2013-10-18", "2013-10-18", Granularity.DAY),
    ("last Friday", MON, None, "2013-10-04", "2013-10-04", Granularity.DAY),
    ("yesterday", MON, None, "2013-10-06", "2013-10-06", Granularity.DAY),
    ("today", MON, None, "2013-10-07", "2013-10-07", Granularity.DAY),
    ("last week", MON, None, "2013-09-30", "2013-10-06", Granularity.WEEK),
    ("earlier this month", MON, None, "2013-10-01", "2013-10-07", Granularity.PART_OF_MONTH),
    ("later this month", FRI, None, "2013-09-13", "2013-09-30", Granularity.PART_OF_MONTH),
    ("next month", MON, None, "2013-11-01", "2013-11-30", Granularity.MONTH),
    ("mid-November", MON, None, "2013-11-11", "2013-11-20", Granularity.PART_OF_MONTH),
    ("late August", MON, None, "2013-08-21", "2013-08-31", Granularity.PART_OF_MONTH),
    ("early 2011", MON, None, "2011-01-01", "2011-04-30", Granularity.PART_OF_YEAR),
    ("mid-2013", None, None, "2013-05-01", "2013-08-31", Granularity.PART_OF_YEAR),
    ("late 2012", None, None, "2012-09-01", "2012-12-31", Granularity.PART_OF_YEAR),
    ("the summer of 2012", None, None, "2012-06-01", "2012-08-31", Granularity.PART_OF_YEAR),
    ("the winter of 2012", None, None, "2012-12-01", "2013-02-28", Granularity.PART_OF_YEAR),
    ("in 2013", None, None, "2013-01-01", "2013-12-31", Granularity.YEAR),
    ("in May 2013", None, None, "2013-05-01", "2013-05-31", Granularity.MONTH),
    ("Sept. 12-14", MON, None, "2013-09-12", "2013-09-14", Granularity.DAY),
    ("12-14 September 2013", None, None, "2013-09-12", "2013-09-14", Granularity.DAY),
    ("Dec. 30 - Jan. 2", date(2014, 1, 5), None, "2013-12-30", "2014-01-02", Granularity.DAY),
    ("two days later", FRI, None, "2013-09-15", "2013-09-15", Granularity.DAY),
    ("three weeks ago", FRI, None, "2013-08-23", "2013-08-23", Granularity.DAY),
    ("the 1990s", None, None, "1990-01-01", "1999-12-31", Granularity.DECADE),
])
def test_resolves(text: str, anchor: date | None, tense: str | None, start: str, end: str,
                  granularity: Granularity) -> None:
    value = resolve_date(text, anchor, tense=tense)  # type: ignore[arg-type]
    assert value is not None, text
    assert (value.range.start, value.range.end) == (date.fromisoformat(start),
                                                    date.fromisoformat(end))
    assert value.range.granularity is granularity


def test_the_record_keeps_anchor_and_rule() -> None:
    value = resolve_date("Friday", FRI)
    assert value is not None
    assert value.anchor == FRI and value.rule == "weekday"
    assert value.describe() == "Fri 13 Sep 2013 (as of publication on 13 Sep 2013)"


def test_without_an_anchor_a_partial_date_stays_partial() -> None:
    value = resolve_date("Aug. 21", None)
    assert value is not None
    assert value.range.start is None and value.range.end is None
    assert (value.range.year, value.range.month, value.range.day) == (None, 8, 21)
    assert value.rule == "partial"


@pytest.mark.parametrize(("text", "extent", "start"), [
    ("since 2011", "since", "2011-01-01"),
    ("after May 2013", "after", "2013-06-01"),
    ("2018 or later", "since", "2018-01-01"),
])
def test_open_dates_keep_their_extent(text: str, extent: str, start: str) -> None:
    value = resolve_date(text, MON)
    assert value is not None and value.extent == extent
    assert value.bounds() == (date.fromisoformat(start), None)


@pytest.mark.parametrize("text", ["around Sept. 28", "probably around September 28",
                                  "about Aug. 21", "Aug. 21 or so"])
def test_approximations(text: str) -> None:
    value = resolve_date(text, FRI)
    assert value is not None and value.approximate


def test_locale_order_is_a_parameter() -> None:
    us = resolve_date("8/9/2013", None)
    eu = resolve_date("8/9/2013", None, day_first=True)
    assert us is not None and eu is not None
    assert us.range.start == date(2013, 8, 9) and eu.range.start == date(2013, 9, 8)


def test_cue_words_beat_the_sentence_tense() -> None:
    value = resolve_date("next month", MON, tense="past")
    assert value is not None and value.range.start == date(2013, 11, 1)


@pytest.mark.parametrize("text", ["several weeks", "over 30 years", "monthly", "a week",
                                  "second day", "the two-and-a-half-year conflict", "",
                                  "Feb 30", "the 45", "100,000", "Putin"])
def test_non_dates_do_not_resolve(text: str) -> None:
    assert resolve_date(text, MON) is None


anchors = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(anchors, st.sampled_from(WEEKDAYS), st.sampled_from([None, "past", "future"]))
def test_a_resolved_weekday_is_that_weekday_within_a_week(anchor: date, name: str,
                                                          tense: str | None) -> None:
    value = resolve_date(name.capitalize(), anchor, tense=tense)  # type: ignore[arg-type]
    assert value is not None and value.range.start is not None
    day = value.range.start
    assert day.weekday() == WEEKDAYS.index(name)
    assert abs((day - anchor).days) < 7
    if tense != "future":
        assert day <= anchor
    else:
        assert day >= anchor


@given(anchors, st.integers(1, 12), st.integers(1, 28), st.integers(0, 20))
def test_ranges_contain_their_endpoints(anchor: date, month: int, day: int, length: int) -> None:
    first = date(2013, month, day)
    last = first + timedelta(days=length)
    text = (f"{first.strftime('%B')} {first.day}, {first.year} - "
            f"{last.strftime('%B')} {last.day}, {last.year}")
    value = resolve_date(text, anchor)
    assert value is not None
    assert value.range.start == first and value.range.end == last
    for end in (first, last):
        point = resolve_date(f"{end.strftime('%B')} {end.day}, {end.year}", anchor)
        assert point is not None and point.range.start is not None
        assert value.range.start <= point.range.start <= value.range.end


@given(st.text(max_size=60), st.one_of(st.none(), anchors),
       st.sampled_from([None, "past", "future"]))
def test_resolution_never_raises(text: str, anchor: date | None, tense: str | None) -> None:
    value = resolve_date(text, anchor, tense=tense)  # type: ignore[arg-type]
    if value is not None and value.range.start and value.range.end:
        assert value.range.start <= value.range.end


@given(st.lists(st.sampled_from(
    ["on", "the", "last", "next", "mid", "early", "late", "-", "of", "since", "to", "and",
     "Friday", "Aug.", "21", "2013", "8/21", "week", "month", "days", "two", "later", "ago",
     "summer", "between", "around", "this", "1990s", "through"]), max_size=6),
    anchors)
def test_date_like_word_salad_never_raises(words: list[str], anchor: date) -> None:
    resolve_date(" ".join(words), anchor)


def test_range_ends_are_not_ranges_themselves() -> None:
    # one split per separator, not one per way of nesting them
    assert resolve_date("1-2-3-4-5-6-7-8-9-1-2-3-4-5-6-7-8-9-1-2", MON) is None
    assert resolve_date("2014-2018-2019-2020-2021", MON) is None


@pytest.mark.parametrize(("text", "anchor", "start", "end"), [
    ("over the weekend", MON, "2013-10-05", "2013-10-06"),
    ("this weekend", MON, "2013-10-12", "2013-10-13"),
    ("the past week", MON, "2013-09-30", "2013-10-06"),
    ("last summer", MON, "2013-06-01", "2013-08-31"),
    ("this fall", MON, "2013-09-01", "2013-11-30"),
    ("2012-13", MON, "2012-01-01", "2013-12-31"),
    ("the 1998-9", MON, "1998-01-01", "1999-12-31"),
    ("the winter of 1998-9", MON, "1998-12-01", "1999-02-28"),
    ("the winter of 1998-99", MON, "1998-12-01", "1999-02-28"),
    ("Sept. 8-9", MON, "2013-09-08", "2013-09-09"),
    ("the end of September", MON, "2013-09-21", "2013-09-30"),
    ("Monday, Oct. 7", MON, "2013-10-07", "2013-10-07"),
    ("between Sept. 12 and 14", MON, "2013-09-12", "2013-09-14"),
])
def test_news_phrasings(text: str, anchor: date, start: str, end: str) -> None:
    value = resolve_date(text, anchor)
    assert value is not None, text
    assert (str(value.range.start), str(value.range.end)) == (start, end)


def test_a_season_without_year_or_anchor_is_not_a_date() -> None:
    assert resolve_date("summer", None) is None
