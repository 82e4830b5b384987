"""A figure given in two units is rounded in one of them ("30 feet (9m)"): the quantity
rule lets each stand for what rounds to it when the units differ, and only then."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.claims import About, QuantityClaim
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.rules.kinds.base import Relation
from claimcheck.rules.kinds.quantity import QuantityAgreement, ToleranceSpec

_MILE = Decimal("1.609344")


def claim(number: str | Decimal, unit: str, source: str) -> QuantityClaim:
    stated = Decimal(number)
    value = QuantityValue(interval=interval_for(Qualifier.EXACT, stated, None),
                          qualifier=Qualifier.EXACT, unit=unit, dimension="length",
                          stated=stated)
    return QuantityClaim(id=f"{source}-c", source=source, text="n", start=0, end=1, line=1,
                         column=1, sentence="n", sentence_start=0,
                         about=About(attribute="length"), value=value)


RULE = QuantityAgreement(kind="quantity_agreement", message="{reason}",
                         tolerance=ToleranceSpec())


@pytest.mark.parametrize(("a", "b", "relation"), [
    (("30", "ft"), ("9", "m"), Relation.AGREE),
    (("100", "km"), ("62", "mi"), Relation.AGREE),
    (("30", "ft"), ("12", "m"), Relation.CONTRADICT),
    (("100", "km"), ("70", "mi"), Relation.CONTRADICT),
    (("30", "ft"), ("29", "ft"), Relation.CONTRADICT),  # one unit: no rounding to blame
])
def test_rounded_conversions(a: tuple[str, str], b: tuple[str, str],
                             relation: Relation) -> None:
    assert RULE.relate(claim(*a, "s1"), claim(*b, "s2"))[0] is relation


@given(st.integers(1, 100_000), st.sampled_from(["1", "0.1"]))
def test_a_distance_converted_and_rounded_agrees(km: int, place: str) -> None:
    miles = (Decimal(km) / _MILE).quantize(Decimal(place), rounding=ROUND_HALF_UP)
    if miles == 0:
        return
    assert RULE.relate(claim(km, "km", "s1"), claim(miles, "mi", "s2"))[0] is Relation.AGREE
