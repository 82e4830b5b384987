"""Comparing amounts: unit-aware, symmetric, and the check-mode question ``supports``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimcheck.extract.amounts import parse_amounts
from claimcheck.model.numbers import (
    Comparison,
    QuantityValue,
    Tolerance,
    compare_quantities,
    explain_comparison,
    supports,
)
from claimcheck.model.units import factor, lookup_unit

DEFAULT = Tolerance()


def value(text: str, thing: str | None = None) -> QuantityValue:
    (amount,) = parse_amounts(text)
    if thing is not None:
        return amount.value.model_copy(update={"unit": thing})
    return amount.value


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("over 100,000", "More than 100,000", Comparison.EQUIVALENT),
    ("more than 100,000", "some 90,000", Comparison.CONTRADICT),
    ("more than 120,000", "more than 100,000", Comparison.COMPATIBLE),
    ("an estimated 1,000-ton", "1,000-tonne", Comparison.COMPATIBLE),
    ("1,000-ton", "1,000 tonnes", Comparison.EQUIVALENT),
    ("1,000-ton", "2,000 tonnes", Comparison.CONTRADICT),
    ("5 km", "5,000 metres", Comparison.EQUIVALENT),
    ("5 km", "5 kg", Comparison.INCOMPARABLE),
    ("$5", "5 euros", Comparison.INCOMPARABLE),
    ("50 cents", "$0.50", Comparison.EQUIVALENT),
    ("20 percent", "one in five", Comparison.EQUIVALENT),
    ("hundreds", "about 500", Comparison.COMPATIBLE),
    ("hundreds", "tens of thousands", Comparison.CONTRADICT),
])
def test_compare(a: str, b: str, expected: Comparison) -> None:
    assert compare_quantities(value(a), value(b), DEFAULT) is expected
    assert compare_quantities(value(b), value(a), DEFAULT) is expected


def test_different_counted_things_are_not_compared() -> None:
    civilians = value("1,000", "civilian")
    soldiers = value("2,000", "soldier")
    assert compare_quantities(civilians, soldiers, DEFAULT) is Comparison.INCOMPARABLE
    assert compare_quantities(civilians, value("1,000"), DEFAULT) is Comparison.EQUIVALENT


def test_relative_and_absolute_tolerance() -> None:
    a, b = value("1,429"), value("1,400")
    assert compare_quantities(a, b, DEFAULT) is Comparison.CONTRADICT
    assert compare_quantities(a, b, Tolerance(relative=Decimal("0.05"))) is Comparison.EQUIVALENT
    assert compare_quantities(a, b, Tolerance(absolute=Decimal(29))) is Comparison.EQUIVALENT
    assert compare_quantities(a, b, Tolerance(absolute=Decimal(28))) is Comparison.CONTRADICT


@pytest.mark.parametrize(("evidence", "claim", "expected"), [
    ("over 100,000", "over 100,000", True),
    ("over 100,000", "more than 100,000", True),
    ("more than 100,000", "more than 120,000", False),
    ("more than 120,000", "more than 100,000", True),
    ("an estimated 1,000-ton", "1,000-tonne", True),
    ("more than 100,000", "some 90,000", False),
    ("some 90,000", "about 92,000", True),
    ("1,000 civilians", "over 1,000", False),
    ("1,200", "over 1,000", True),
])
def test_supports(evidence: str, claim: str, expected: bool) -> None:
    assert supports(value(evidence), value(claim), DEFAULT) is expected


def test_more_than_does_not_contradict_a_stronger_more_than() -> None:
    weaker, stronger = value("more than 100,000"), value("more than 120,000")
    assert compare_quantities(weaker, stronger, DEFAULT) is not Comparison.CONTRADICT
    assert not supports(weaker, stronger, DEFAULT)


def test_explanations() -> None:
    assert explain_comparison(value("over 100,000"), value("More than 100,000"), DEFAULT) == \
        "(100000, ∞) and (100000, ∞) agree"
    assert explain_comparison(value("more than 100,000"), value("Some 90,000"), DEFAULT) == \
        "(100000, ∞) and [81000, 99000] do not overlap"
    assert "not compared" in explain_comparison(value("5 km"), value("5 kg"), DEFAULT)


@pytest.mark.parametrize(("written", "name", "dimension"), [
    ("km", "km", "length"), ("metres", "m", "length"), ("tonnes", "t", "mass"),
    ("tons", "ton", "mass"), ("per cent", "percent", "percent"), ("USD", "USD", "currency"),
    ("dollars", "USD", "currency"), ("years", "year", "duration"), ("sq mi", "mi**2", "area"),
    ("gallons", "gal", "volume"), ("km/h", "km/h", "speed"),
])
def test_units_through_pint(written: str, name: str, dimension: str) -> None:
    info = lookup_unit(written)
    assert info is not None
    assert (info.name, info.dimension) == (name, dimension)


@pytest.mark.parametrize("written", ["in", "a", "pm", "people", "civilians", "units", "step"])
def test_words_that_are_not_units(written: str) -> None:
    assert lookup_unit(written) is None


def test_conversion_factors() -> None:
    assert factor("km", "m") == Decimal(1000)
    assert factor("USD", "EUR") is None
    assert factor("ratio", "percent") == Decimal(100)
