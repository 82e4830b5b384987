"""Quantity agreement: two amounts of one slot must overlap within a tolerance.

Approximations ("about", "some", "estimated") are widened by the approximation
tolerance before comparing; units of one dimension are converted (policy ``convert``)
or must be the same (policy ``same``); what a count counts is the grouping's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import product
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from claimcheck.model.claims import ClaimBase, QuantityClaim
from claimcheck.model.numbers import (
    Comparison,
    Interval,
    Qualifier,
    QuantityValue,
    Tolerance,
    compare_quantities,
    effective_interval,
)
from claimcheck.rules.kinds.agreement import AgreementRule, Judged, Related
from claimcheck.rules.kinds.base import COMMON_PLACEHOLDERS, Outcome, Relation
from claimcheck.rules.kinds.units import readings


class ToleranceSpec(Tolerance):
    """``relative`` (fraction of the larger magnitude), ``absolute``, ``approximation``:
    none negative (a negative tolerance would make every figure disagree with itself),
    and fractions at most 1."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    relative: Decimal = Field(default=Decimal("0"), ge=0, le=1)
    absolute: Decimal = Field(default=Decimal("0"), ge=0)
    approximation: Decimal = Field(default=Decimal("0.1"), ge=0, le=1)
    # the least round figure (two significant digits at most) at which an open bound
    # meets the same figure stated plainly: "more than 1,400" and "1,400" agree within
    # rounding, "more than 10" and "10" do not; None: never
    rounding: Decimal | None = Field(default=None, gt=0)


class QuantityAgreement(AgreementRule):
    kind: Literal["quantity_agreement"]
    tolerance: ToleranceSpec = Field(default_factory=ToleranceSpec)
    units: Literal["convert", "same"] = "convert"

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("quantity",)
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS | {"tolerance"}

    def _readings(self, value: QuantityValue, converted: bool = False) -> list[QuantityValue]:
        """The value's effective interval in a common unit, once per reading of its unit.

        ``converted``: the other amount is in another unit, so one of the two figures may
        be the other converted and rounded ("30 feet (9m)"); each then stands for what
        rounds to it, half a unit of its last written digit either way."""
        return list(_readings(value, converted, self.tolerance.approximation, self.units))

    def _pairs(self, a: QuantityValue, b: QuantityValue) -> list[tuple[QuantityValue,
                                                                      QuantityValue]]:
        converted = a.dimension != "count" and a.unit != b.unit
        return [(x, y) for x, y in product(self._readings(a, converted),
                                           self._readings(b, converted))
                if x.unit == y.unit or x.dimension == "count"]

    def _exact(self) -> Tolerance:
        return _without_approximation(self.tolerance)

    def relate(self, a: ClaimBase, b: ClaimBase) -> Related:
        assert isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim)
        pairs = self._pairs(a.value, b.value)
        if not pairs:
            return Relation.NONE, f"{_unit(a.value)} and {_unit(b.value)} are not comparable"
        reason = _describe(a.value, b.value)
        exact = self._exact()
        every_reading_contradicts = True
        for x, y in pairs:  # one reading that overlaps is enough to agree
            outcome = compare_quantities(x, y, exact)
            if outcome in (Comparison.EQUIVALENT, Comparison.COMPATIBLE):
                return Relation.AGREE, reason + " overlap"
            every_reading_contradicts &= outcome is Comparison.CONTRADICT
        if every_reading_contradicts:
            point = rounded_meeting(a.value, b.value, self.tolerance.rounding)
            if point is not None:
                return Relation.AGREE, reason + (
                    f" agree within rounding (an open bound at the round figure {point:,})")
            return Relation.CONTRADICT, reason + " do not overlap"
        return Relation.NONE, reason + " are not comparable"

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        """Supports when the evidence implies the claim (its interval lies inside the claim's)."""
        assert isinstance(claim, QuantityClaim) and isinstance(evidence, QuantityClaim)
        relation, reason = self.relate(claim, evidence)
        if relation is Relation.CONTRADICT:
            return Outcome.CONTRADICTS, reason
        if relation is Relation.NONE:
            return Outcome.NONE, reason
        for mine, theirs in self._pairs(claim.value, evidence.value):
            slack = _slack(mine.interval, theirs.interval, self.tolerance)
            if mine.interval.widen(slack).contains(theirs.interval):
                return Outcome.SUPPORTS, (
                    f"{_describe(evidence.value, claim.value, ' lies within ')}")
        return Outcome.WEAKER, _describe(evidence.value, claim.value, " does not imply ")

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        return {"tolerance": _fmt_tolerance(self.tolerance)}


@lru_cache(maxsize=16_384)  # a slot of hundreds of figures reads each value once
def _readings(value: QuantityValue, converted: bool, approximation: Decimal,
              units: str) -> tuple[QuantityValue, ...]:
    qualifier = value.qualifier
    if value.approximate and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.ABOUT
    interval = effective_interval(value.interval, qualifier, approximation)
    if converted:
        interval = interval.widen(_half_last_digit(value.interval))
    conversion = readings(value.unit) if units == "convert" else None
    if value.dimension == "count" or conversion is None:
        unit = None if value.dimension == "count" else value.unit
        return (QuantityValue(interval=interval, unit=unit, dimension=value.dimension),)
    base, factors = conversion
    return tuple(QuantityValue(interval=interval.scaled(f), unit=base,
                               dimension=value.dimension) for f in factors)


@lru_cache(maxsize=64)
def _without_approximation(tolerance: Tolerance) -> Tolerance:
    """The tolerance once readings are widened (one per rule, built once)."""
    return Tolerance(relative=tolerance.relative, absolute=tolerance.absolute,
                     approximation=Decimal(0))


def _half_last_digit(interval: Interval) -> Decimal:
    """Half the place of the last digit of the bounds as written: 9 → 0.5, 9.1 → 0.05."""
    places = [Decimal(1).scaleb(int(bound.as_tuple().exponent))
              for bound in (interval.low, interval.high)
              if bound is not None and bound.is_finite() and bound != 0]
    return max(places, default=Decimal(0)) / 2


def _slack(a: Interval, b: Interval, tolerance: Tolerance) -> Decimal:
    magnitudes = [abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None]
    return max(tolerance.absolute, max(magnitudes, default=Decimal(0)) * tolerance.relative)


def _unit(value: QuantityValue) -> str:
    return value.unit or value.dimension


def _stated(value: QuantityValue) -> str:
    text = value.interval.describe()
    if value.approximate or value.qualifier in (Qualifier.ABOUT, Qualifier.NEARLY):
        text = f"{value.qualifier.value if value.qualifier is not Qualifier.EXACT else 'about'} "\
               f"{text}"
    if value.unit and value.dimension != "count":
        text += f" {value.unit}"
    return text


def rounded_meeting(a: QuantityValue, b: QuantityValue,
                    least: Decimal | None) -> Decimal | None:
    """The round figure N where one amount is open at N ("more than N", "fewer than N")
    and the other is N stated plainly, N at least ``least`` and of two significant
    digits at most: a report rounds, so "more than 1,400" may be the "1,400" of
    another. None when there is no such figure."""
    if least is None or a.dimension != b.dimension or (
            a.dimension != "count" and a.unit != b.unit):
        return None
    for bound, plain in ((a, b), (b, a)):
        point = _open_at(bound)
        if point is None or plain.approximate or plain.qualifier is not Qualifier.EXACT:
            continue
        interval = plain.interval
        if interval.low == point and interval.high == point and point >= least and \
                len(point.normalize().as_tuple().digits) <= 2:
            return point
    return None


def _open_at(value: QuantityValue) -> Decimal | None:
    """N of "more than N" ((N, ∞)) or "fewer than N" ([0, N)); None for anything else."""
    interval = value.interval
    if value.qualifier is Qualifier.MORE_THAN and interval.high is None and \
            not interval.low_inclusive:
        return interval.low
    if value.qualifier is Qualifier.LESS_THAN and interval.low in (None, 0) and \
            not interval.high_inclusive:
        return interval.high
    return None


def _describe(a: QuantityValue, b: QuantityValue, joint: str = " and ") -> str:
    return f"{_stated(a)}{joint}{_stated(b)}"


def _fmt_tolerance(tolerance: Tolerance) -> str:
    parts = []
    if tolerance.relative:
        parts.append(f"{tolerance.relative * 100:g} %")
    if tolerance.absolute:
        parts.append(f"± {tolerance.absolute}")
    return " or ".join(parts) or "exact"
