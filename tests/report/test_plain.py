"""Values in an editor's words, and the order in which problems are shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.dates import DateRange, DateValue, Granularity, day_range, month_range
from claimcheck.model.findings import Finding, Severity, Verdict
from claimcheck.model.numbers import Interval, Qualifier, QuantityValue, interval_for
from claimcheck.report.describe import plain_date, plain_day, plain_number, plain_quantity, plural
from claimcheck.report.triage import is_problem, urgency


def _amount(qualifier: Qualifier, value: int, upper: int | None = None, unit: str | None = "person",
            approximate: bool = False, dimension: str = "count") -> str:
    interval = interval_for(qualifier, Decimal(value), None if upper is None else Decimal(upper))
    return plain_quantity(QuantityValue(interval=interval, qualifier=qualifier, unit=unit,
                                        approximate=approximate, dimension=dimension))


@pytest.mark.parametrize(("words", "expected"), [
    (_amount(Qualifier.AT_LEAST, 120), "at least 120 people"),
    (_amount(Qualifier.MORE_THAN, 100000), "more than 100,000 people"),
    (_amount(Qualifier.RANGE, 1000, 1500, unit=None), "between 1,000 and 1,500"),
    (_amount(Qualifier.RANGE, 1000, 1500), "between 1,000 and 1,500 people"),
    (_amount(Qualifier.EXACT, 212), "212 people"),
    (_amount(Qualifier.EXACT, 1), "1 person"),
    (_amount(Qualifier.ABOUT, 90000), "about 90,000 people"),
    (_amount(Qualifier.EXACT, 90000, approximate=True), "about 90,000 people"),
    (_amount(Qualifier.NEARLY, 50, unit="civilian"), "nearly 50 civilians"),
    (_amount(Qualifier.LESS_THAN, 10, unit="child"), "fewer than 10 children"),
    (_amount(Qualifier.LESS_THAN, 5, unit="t", dimension="mass"), "less than 5 tonnes"),
    (_amount(Qualifier.AT_MOST, 30), "at most 30 people"),
    (_amount(Qualifier.EXACT, 1000, unit="ton", dimension="mass"), "1,000 tons"),
    (_amount(Qualifier.EXACT, 2500000, unit="USD", dimension="currency"), "$2.5 million"),
    (_amount(Qualifier.RANGE, 10, 20, unit="percent", dimension="percent"),
     "between 10% and 20%"),
    (_amount(Qualifier.EXACT, 300, unit="SYP", dimension="currency"), "300 SYP"),
])
def test_amounts_read_as_copy_writes_them(words: str, expected: str) -> None:
    assert words == expected


def test_numbers_are_grouped_and_large_ones_named() -> None:
    assert plain_number(Decimal("1500")) == "1,500"
    assert plain_number(Decimal("1234567")) == "1,234,567"  # not rounded away
    assert plain_number(Decimal("3000000000")) == "3 billion"
    assert plain_number(Decimal("0.50")) == "0.5"
    assert plain_number(Decimal("-12")) == "−12"


@given(st.integers(min_value=0, max_value=999_999))
def test_grouping_keeps_every_digit(n: int) -> None:
    assert plain_number(Decimal(n)).replace(",", "") == str(n)


@given(st.integers(min_value=1, max_value=10 ** 9), st.integers(min_value=1, max_value=10 ** 6))
def test_a_range_names_both_ends(low: int, width: int) -> None:
    words = _amount(Qualifier.RANGE, low, low + width, unit=None)
    assert words == f"between {plain_number(Decimal(low))} and {plain_number(Decimal(low + width))}"


def test_plurals() -> None:
    assert [plural(w) for w in ("person", "city", "bus", "day", "civilian", "police officer")
            ] == ["people", "cities", "buses", "days", "civilians", "police officers"]


def _spaced(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_dates_read_as_copy_writes_them() -> None:
    assert plain_day(dt.date(2013, 8, 21)) == "21\u00a0Aug\u00a02013", "a date never wraps"
    for day in (dt.date(2013, 8, 21), dt.date(2011, 1, 1)):
        assert " " not in plain_date(DateValue(range=day_range(day)))
    assert " " not in plain_date(DateValue(range=month_range(2013, 9)))
    assert _spaced(plain_date(DateValue(range=day_range(dt.date(2013, 8, 21))))) == "21 Aug 2013"
    assert _spaced(plain_date(DateValue(range=month_range(2013, 9), approximate=True))) == (
        "around Sep 2013")
    early = DateRange(start=dt.date(2011, 1, 1), end=dt.date(2011, 4, 30),
                      granularity=Granularity.PART_OF_YEAR, year=2011)
    assert _spaced(plain_date(DateValue(range=early, extent="since"))) == "since Jan–Apr 2011"
    mid = DateRange(start=dt.date(2013, 11, 11), end=dt.date(2013, 11, 20),
                    granularity=Granularity.PART_OF_MONTH, year=2013, month=11)
    assert _spaced(plain_date(DateValue(range=mid))) == "11–20 Nov 2013"
    partial = DateRange(month=8, day=21, granularity=Granularity.DAY)
    assert _spaced(plain_date(DateValue(range=partial, rule="partial"))) == (
        "21 Aug (no year given)")
    assert "-" not in plain_date(DateValue(range=day_range(dt.date(2024, 7, 2)))), (
        "no ISO dates that wrap at their hyphens")


def _finding(verdict: Verdict, severity: Severity, muted: bool = False) -> Finding:
    return Finding(id=f"{verdict}-{severity}", rule="r", severity=severity, verdict=verdict,
                   claims=("c",), message="m", baselined=muted)


def test_problems_are_ordered_contradictions_quotes_unsupported_then_the_rest() -> None:
    findings = [
        _finding(Verdict.SUPPORTED, Severity.INFO),
        _finding(Verdict.UNSUPPORTED, Severity.ERROR),
        _finding(Verdict.QUOTE_ALTERED, Severity.ERROR),
        _finding(Verdict.CONTRADICTED, Severity.ERROR, muted=True),
        _finding(Verdict.CONTRADICTED, Severity.ERROR),
        _finding(Verdict.QUOTE_MISATTRIBUTED, Severity.WARNING),
        _finding(Verdict.SINGLE_SOURCE, Severity.INFO),
    ]
    ordered = [(f.verdict.value, f.severity.value, f.baselined)
               for f in sorted(findings, key=urgency)]
    assert ordered == [
        ("contradicted", "error", False), ("quote_altered", "error", False),
        ("unsupported", "error", False), ("quote_misattributed", "warning", False),
        ("single_source", "info", False), ("supported", "info", False),
        ("contradicted", "error", True)]
    assert [f.verdict.value for f in findings if is_problem(f)] == [
        "unsupported", "quote_altered", "contradicted", "contradicted", "quote_misattributed"]


def test_an_open_interval_with_no_qualifier_still_reads() -> None:
    value = QuantityValue(interval=Interval(low=None, high=Decimal(5)), unit=None)
    assert plain_quantity(value) == "at most 5"
