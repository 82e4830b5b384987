"""parse_amounts: every way news states an amount, read without a model."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimcheck.extract.amounts import Amount, parse_amounts
from claimcheck.model.numbers import Qualifier


def one(text: str) -> Amount:
    amounts = parse_amounts(text)
    assert len(amounts) == 1, [a.text for a in amounts]
    return amounts[0]


def bounds(amount: Amount) -> tuple[Decimal | None, Decimal | None]:
    return amount.value.interval.low, amount.value.interval.high


@pytest.mark.parametrize(("text", "span", "value"), [
    ("It cost 1,429 lives.", "1,429", "1429"),
    ("A share fell to 1.429 points.", "1.429", "1.429"),
    ("About 100 000 fled.", "About 100 000", "100000"),
    ("Forty-two ships sailed.", "Forty-two", "42"),
    ("a dozen eggs", "a dozen", "12"),
    ("half a million refugees", "half a million", "500000"),
    ("two and a half days later", "two and a half days", "2.5"),
    ("1.4 million voters", "1.4 million", "1400000"),
    ("a 3bn deal", "3bn", "3000000000"),
    ("twenty-one trillion and three hundred", "twenty-one trillion and three hundred",
     "21000000000300"),
    ("one hundred and three and two thirds", "one hundred and three and two thirds", None),
    ("10k runners", "10k", "10000"),
])
def test_points(text: str, span: str, value: str | None) -> None:
    amount = one(text)
    assert amount.text == span
    assert text[amount.start:amount.end] == amount.text
    if value is not None:
        assert amount.value.stated == Decimal(value)


@pytest.mark.parametrize(("text", "span", "qualifier", "low", "high", "low_inc", "high_inc"), [
    ("More than 100,000 people", "More than 100,000", Qualifier.MORE_THAN, "100000", None,
     False, True),
    ("killing over 1,000 civilians", "over 1,000", Qualifier.MORE_THAN, "1000", None, False,
     True),
    ("at least 20 people", "at least 20", Qualifier.AT_LEAST, "20", None, True, True),
    ("20 or more people", "20 or more", Qualifier.AT_LEAST, "20", None, True, True),
    ("fewer than 5 boats", "fewer than 5", Qualifier.LESS_THAN, "0", "5", True, False),
    ("up to 700 troops", "up to 700", Qualifier.AT_MOST, "0", "700", True, True),
    ("between 1,300 and 1,729 people", "between 1,300 and 1,729", Qualifier.RANGE, "1300",
     "1729", True, True),
    ("20-30 people", "20-30", Qualifier.RANGE, "20", "30", True, True),
    ("from 5 to 10 years", "from 5 to 10 years", Qualifier.RANGE, "5", "10", True, True),
    ("hundreds of people", "hundreds", Qualifier.VAGUE, "200", "999", True, True),
    ("tens of thousands of people", "tens of thousands", Qualifier.VAGUE, "20000", "99999",
     True, True),
    ("more than 10 and less than 20", "more than 10 and less than 20", Qualifier.RANGE, "10",
     "20", False, False),
    ("$5-10 million", "$5-10 million", Qualifier.RANGE, "5000000", "10000000", True, True),
])
def test_qualified(text: str, span: str, qualifier: Qualifier, low: str | None,
                   high: str | None, low_inc: bool, high_inc: bool) -> None:
    amount = one(text)
    assert amount.text == span
    assert amount.value.qualifier is qualifier
    interval = amount.value.interval
    assert bounds(amount) == (None if low is None else Decimal(low),
                              None if high is None else Decimal(high))
    assert (interval.low_inclusive, interval.high_inclusive) == (low_inc, high_inc)


@pytest.mark.parametrize(("text", "span", "approximate"), [
    ("Some 90,000 people have died", "Some 90,000", True),
    ("about 12 percent", "about 12 percent", True),
    ("nearly 40 boats", "nearly 40", True),
    ("its estimated 1,000-ton stockpile", "1,000-ton", True),
    ("an estimated 1,000-tonne stockpile", "1,000-tonne", True),
    ("exactly 40 boats", "40", False),
])
def test_approximations_stay_points(text: str, span: str, approximate: bool) -> None:
    amount = one(text)
    assert amount.text == span
    assert amount.value.approximate is approximate
    assert amount.value.interval.low == amount.value.interval.high == amount.value.stated


@pytest.mark.parametrize(("text", "span", "unit", "dimension"), [
    ("a 1,000-ton stockpile", "1,000-ton", "ton", "mass"),
    ("1,000 metric tons", "1,000 metric tons", "t", "mass"),
    ("an 18-metre wall", "18-metre", "m", "length"),
    ("a 5km walk", "5km", "km", "length"),
    ("the two-and-a-half-year conflict", "two-and-a-half-year", "year", "duration"),
    ("a $2.5m fine", "$2.5m", "USD", "currency"),
    ("€ 2 million", "€ 2 million", "EUR", "currency"),
    ("500 USD", "500 USD", "USD", "currency"),
    ("GBP 350", "GBP 350", "GBP", "currency"),
    ("five million yen", "five million yen", "JPY", "currency"),
    ("a 12-cent dividend", "12-cent", "cent", "currency"),
    ("40% of voters", "40%", "percent", "percent"),
    ("40 per cent of voters", "40 per cent", "percent", "percent"),
    ("190,000 square meters", "190,000 square meters", "m**2", "area"),
    ("at 60 mph", "60 mph", "mph", "speed"),
    ("six gallons", "six gallons", "gal", "volume"),
    ("a four-step plan", "four-step", "step", "count"),
    ("one in five children", "one in five", "ratio", "percent"),
    ("A magnitude 6.8 earthquake", "6.8", "magnitude", "magnitude"),
    ("The 6.8-magnitude quake", "6.8-magnitude", "magnitude", "magnitude"),
])
def test_units(text: str, span: str, unit: str, dimension: str) -> None:
    amount = one(text)
    assert (amount.text, amount.value.unit, amount.value.dimension) == (span, unit, dimension)


@pytest.mark.parametrize("text", [
    "in 2013", "since 2011, the war", "the 1990s", "on Aug. 21", "21 August", "at 6pm",
    "at 10:30 a.m.", "Flight QZ8501", "Resolution 2118", "call +1-222-2222/2222",
    "the third day", "the 21st century", "That one is good", "one of the victims",
    "a 3-2 win", "the 2013-14 season", "COVID-19", "He may go",
])
def test_not_amounts(text: str) -> None:
    assert parse_amounts(text) == []


def test_spans_are_exact_substrings() -> None:
    text = "Over 1,000 died; some 90,000 fled. About 12 percent of $3bn, 5km away."
    for amount in parse_amounts(text):
        assert text[amount.start:amount.end] == amount.text
        assert amount.start <= amount.number_start < amount.number_end <= amount.end


def test_compound_units_add_up() -> None:
    amount = one("he is 5 feet and 2 inches tall")
    assert amount.value.unit == "ft"
    assert abs(amount.value.stated - Decimal(62) / 12) < Decimal("1e-9")  # type: ignore[operator]


def test_margin_of_error_is_a_range() -> None:
    amount = one("support stood at 45 ± 3 percent")
    assert bounds(amount) == (Decimal(42), Decimal(48))


@pytest.mark.parametrize(("text", "spans"), [
    ("The Dow fell 1.5 percent to 15,000.23.", ["1.5 percent", "15,000.23"]),
    ("Oil rose $1.20 to $105 a barrel.", ["$1.20", "$105 a barrel"]),
    ("Refugees rose from 1.5 million to 2 million.", ["1.5 million", "2 million"]),
    ("He was sentenced to 15 years in prison.", ["15 years"]),
    ("See pages 10-12.", []),
])
def test_changes_are_not_ranges(text: str, spans: list[str]) -> None:
    assert [a.text for a in parse_amounts(text)] == spans


@pytest.mark.parametrize(("text", "unit", "dimension"), [
    ("up 2.1 percentage points", "percentage_point", "percentage_point"),
    ("offering $70 a share", "USD/share", "currency_rate"),
    ("$350 per kg", "USD/kg", "currency_rate"),
])
def test_points_and_prices_per_unit(text: str, unit: str, dimension: str) -> None:
    amount = one(text)
    assert (amount.value.unit, amount.value.dimension) == (unit, dimension)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Nearly two-thirds of voters", "Nearly two-thirds", None),
    ("more than half of the people", "more than half", "0.5"),
    ("a third of the budget", "a third", None),
])
def test_shares_are_ratios(text: str, span: str, value: str | None) -> None:
    amount = one(text)
    assert (amount.text, amount.value.unit, amount.value.dimension) == (span, "ratio", "percent")
    if value is not None:
        assert amount.value.stated == Decimal(value)


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("1.5m people fled", "1.5m", "1500000", None),
    ("a 100m sprint", "100m", "100", "m"),
    ("a 5m-long wall", "5m", "5", "m"),
    ("Rs 500 crore", "Rs 500 crore", "5000000000", "INR"),
])
def test_m_is_million_before_a_plural_noun(text: str, span: str, value: str,
                                           unit: str | None) -> None:
    amount = one(text)
    assert (amount.text, amount.value.stated, amount.value.unit) == (span, Decimal(value), unit)
