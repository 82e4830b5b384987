"""Numbers as intervals of Decimals: the semantics of DESIGN §3 "Numbers and quantities".

A stated number is never a bare float: "more than 100,000" is the open interval
(100000, ∞), "about 90,000" the point 90,000 with its qualifier, widened by the
comparing rule's approximation tolerance.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Interval(BaseModel):
    """A set of numbers between two bounds; ``None`` is unbounded on that side."""

    model_config = ConfigDict(frozen=True)

    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(low=value, high=value)

    def is_empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        if self.low > self.high:
            return True
        return self.low == self.high and not (self.low_inclusive and self.high_inclusive)

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals (symmetric)."""
        if self.is_empty() or other.is_empty():
            return False
        return _below(self.low, self.low_inclusive, other.high, other.high_inclusive) and _below(
            other.low, other.low_inclusive, self.high, self.high_inclusive
        )

    def contains(self, other: Interval) -> bool:
        """True when every number of ``other`` is in this interval."""
        if other.is_empty():
            return True
        low_ok = (
            self.low is None
            or (other.low is not None and (
                other.low > self.low
                or (other.low == self.low and (self.low_inclusive or not other.low_inclusive))
            ))
        )
        high_ok = (
            self.high is None
            or (other.high is not None and (
                other.high < self.high
                or (other.high == self.high and (self.high_inclusive or not other.high_inclusive))
            ))
        )
        return low_ok and high_ok

    def widen(self, absolute: Decimal) -> Interval:
        """Both bounds moved outwards by ``absolute`` (monotone: the result contains self)."""
        return Interval(
            low=None if self.low is None else self.low - absolute,
            high=None if self.high is None else self.high + absolute,
            low_inclusive=self.low_inclusive,
            high_inclusive=self.high_inclusive,
        )

    def scaled(self, factor: Decimal) -> Interval:
        """Both bounds multiplied by a positive factor (unit conversion)."""
        return Interval(
            low=None if self.low is None else self.low * factor,
            high=None if self.high is None else self.high * factor,
            low_inclusive=self.low_inclusive,
            high_inclusive=self.high_inclusive,
        )

    def hull(self, other: Interval) -> Interval:
        """The smallest interval containing both."""
        if self.low is None or other.low is None:
            low, low_inc = None, True
        elif self.low == other.low:
            low, low_inc = self.low, self.low_inclusive or other.low_inclusive
        else:
            low, low_inc = min((self.low, self.low_inclusive), (other.low, other.low_inclusive),
                               key=lambda b: b[0])
        if self.high is None or other.high is None:
            high, high_inc = None, True
        elif self.high == other.high:
            high, high_inc = self.high, self.high_inclusive or other.high_inclusive
        else:
            high, high_inc = max((self.high, self.high_inclusive),
                                 (other.high, other.high_inclusive), key=lambda b: b[0])
        return Interval(low=low, high=high, low_inclusive=low_inc, high_inclusive=high_inc)

    def describe(self) -> str:
        """Mathematical notation, e.g. ``(100000, ∞)`` or ``[1000, 1000]``."""
        if self.low is not None and self.low == self.high and self.low_inclusive:
            return _fmt(self.low)
        left = "[" if self.low_inclusive and self.low is not None else "("
        right = "]" if self.high_inclusive and self.high is not None else ")"
        low = "−∞" if self.low is None else _fmt(self.low)
        high = "∞" if self.high is None else _fmt(self.high)
        return f"{left}{low}, {high}{right}"


def _below(low: Decimal | None, low_inc: bool, high: Decimal | None, high_inc: bool) -> bool:
    """Whether a lower bound lies below (or touches, when both ends include it) an upper bound."""
    if low is None or high is None:
        return True
    if low < high:
        return True
    return low == high and low_inc and high_inc


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


class Qualifier(StrEnum):
    """How a number was stated; decides its interval (DESIGN §3 table)."""

    EXACT = "exact"
    MORE_THAN = "more_than"        # (N, ∞)
    AT_LEAST = "at_least"          # [N, ∞)
    LESS_THAN = "less_than"        # [0, N)
    AT_MOST = "at_most"            # [0, N]
    NEARLY = "nearly"              # [N − a, N)
    ABOUT = "about"                # [N − a, N + a]
    RANGE = "range"                # [N, M]
    VAGUE = "vague"                # "hundreds of": the range the word denotes


APPROXIMATE = frozenset({Qualifier.NEARLY, Qualifier.ABOUT})


def interval_for(qualifier: Qualifier, value: Decimal, upper: Decimal | None = None) -> Interval:
    """The stated bounds of a qualified number (approximations stay points: rules widen them)."""
    match qualifier:
        case Qualifier.MORE_THAN:
            return Interval(low=value, high=None, low_inclusive=False)
        case Qualifier.AT_LEAST:
            return Interval(low=value, high=None)
        case Qualifier.LESS_THAN:
            return Interval(low=Decimal(0), high=value, high_inclusive=False)
        case Qualifier.AT_MOST:
            return Interval(low=Decimal(0), high=value)
        case Qualifier.RANGE | Qualifier.VAGUE:
            return Interval(low=value, high=value if upper is None else upper)
        case _:
            return Interval.point(value)


def effective_interval(stated: Interval, qualifier: Qualifier, approximation: Decimal) -> Interval:
    """The interval a rule compares: approximations widened by the relative tolerance ``a``.

    ``about N`` → [N − a·N, N + a·N]; ``nearly N`` → [N − a·N, N).
    """
    if qualifier not in APPROXIMATE or stated.low is None:
        return stated
    n = stated.low
    delta = abs(n) * approximation
    if qualifier is Qualifier.NEARLY:
        return Interval(low=n - delta, high=n, high_inclusive=False)
    return Interval(low=n - delta, high=n + delta)


class QuantityValue(BaseModel):
    """A stated amount: the interval as stated, its qualifier and unit."""

    model_config = ConfigDict(frozen=True)

    interval: Interval
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None  # normalised unit ("t", "km", "USD", "percent") or counted thing
    dimension: str = "count"  # count, mass, length, area, volume, speed, currency, percent, …
    stated: Decimal | None = None  # the number as written, before the qualifier's bounds
    approximate: bool = False  # "about", "estimated", "some": widened by the tolerance


class Tolerance(BaseModel):
    """How far two amounts may differ and still agree (a rule setting)."""

    model_config = ConfigDict(frozen=True)

    relative: Decimal = Decimal("0")  # fraction of the larger magnitude
    absolute: Decimal = Decimal("0")
    approximation: Decimal = Decimal("0.1")  # ``a`` for "about N", "nearly N"


class Comparison(StrEnum):
    """How two amounts relate (symmetric)."""

    EQUIVALENT = "equivalent"  # the same bounds, within tolerance
    COMPATIBLE = "compatible"  # overlapping, but one is weaker or different
    CONTRADICT = "contradict"  # no value satisfies both
    INCOMPARABLE = "incomparable"  # different dimensions: never compared


def compare_quantities(a: QuantityValue, b: QuantityValue, tolerance: Tolerance) -> Comparison:
    """Compare two amounts of the same dimension under a tolerance."""
    if a.dimension != b.dimension:
        return Comparison.INCOMPARABLE
    left = effective_interval(a.interval, a.qualifier, tolerance.approximation)
    right = effective_interval(b.interval, b.qualifier, tolerance.approximation)
    if left == right:
        return Comparison.EQUIVALENT
    slack = _slack(left, right, tolerance)
    if left.widen(slack).overlaps(right) or right.widen(slack).overlaps(left):
        if left.widen(slack).contains(right) and right.widen(slack).contains(left):
            return Comparison.EQUIVALENT
        return Comparison.COMPATIBLE
    return Comparison.CONTRADICT


def _slack(a: Interval, b: Interval, tolerance: Tolerance) -> Decimal:
    magnitudes = [abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None]
    largest = max(magnitudes, default=Decimal(0))
    return max(tolerance.absolute, largest * tolerance.relative)
