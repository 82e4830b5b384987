"""Laws of the quantity rule over random stated amounts (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.claims import About, QuantityClaim
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.rules.kinds.base import Outcome, Relation
from claimcheck.rules.kinds.quantity import QuantityAgreement, ToleranceSpec

QUALIFIERS = st.sampled_from([q for q in Qualifier if q is not Qualifier.VAGUE])
NUMBERS = st.integers(min_value=0, max_value=2_000_000).map(Decimal)
UNITS = st.sampled_from([(None, "count"), ("t", "mass"), ("ton", "mass"), ("kg", "mass")])


@st.composite
def claims(draw: st.DrawFn, source: str = "s1") -> QuantityClaim:
    qualifier = draw(QUALIFIERS)
    low = draw(NUMBERS)
    upper = low + draw(NUMBERS) if qualifier is Qualifier.RANGE else None
    unit, dimension = draw(UNITS)
    value = QuantityValue(interval=interval_for(qualifier, low, upper), qualifier=qualifier,
                          unit=unit, dimension=dimension, stated=low,
                          approximate=draw(st.booleans()))
    return QuantityClaim(id=f"{source}-c", source=source, text="n", start=0, end=1, line=1,
                         column=1, sentence="n", sentence_start=0,
                         about=About(attribute="count"), value=value)


def rule(relative: str = "0") -> QuantityAgreement:
    return QuantityAgreement(kind="quantity_agreement", message="{reason}",
                             tolerance=ToleranceSpec(relative=Decimal(relative)))


@given(claims(), claims("s2"))
def test_relation_is_symmetric(a: QuantityClaim, b: QuantityClaim) -> None:
    assert rule().relate(a, b)[0] is rule().relate(b, a)[0]


@given(claims())
def test_every_claim_supports_itself(a: QuantityClaim) -> None:
    assert rule().judge(a, a)[0] is Outcome.SUPPORTS


@given(claims(), claims("s2"))
def test_support_never_goes_with_contradiction(a: QuantityClaim, b: QuantityClaim) -> None:
    if rule().judge(a, b)[0] is Outcome.SUPPORTS:
        assert rule().relate(a, b)[0] is Relation.AGREE


@given(claims(), claims("s2"), st.sampled_from(["0.01", "0.05", "0.2"]))
def test_more_tolerance_never_makes_a_contradiction(a: QuantityClaim, b: QuantityClaim,
                                                    relative: str) -> None:
    if rule().relate(a, b)[0] is Relation.AGREE:
        assert rule(relative).relate(a, b)[0] is Relation.AGREE
    if rule().judge(a, b)[0] is Outcome.SUPPORTS:
        assert rule(relative).judge(a, b)[0] is Outcome.SUPPORTS
