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
        """True when some number lies in both intervals (symmetric). Each bound is read
        once: grouping compares a block's figures pair by pair."""
        a_low, a_high, a_low_in, a_high_in = self.low, self.high, self.low_inclusive, \
            self.high_inclusive
        b_low, b_high, b_low_in, b_high_in = other.low, other.high, other.low_inclusive, \
            other.high_inclusive
        if a_low is not None and a_high is not None and (
                a_low > a_high or (a_low == a_high and not (a_low_in and a_high_in))):
            return False  # empty
        if b_low is not None and b_high is not None and (
                b_low > b_high or (b_low == b_high and not (b_low_in and b_high_in))):
            return False
        # each lower bound lies below (or touches, both including it) the other's upper
        return (a_low is None or b_high is None or a_low < b_high
                or (a_low == b_high and a_low_in and b_high_in)) and \
            (b_low is None or a_high is None or b_low < a_high
             or (b_low == a_high and b_low_in and a_high_in))

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
            return Interval(low=Decimal(0) if value > 0 else None, high=value,
                            high_inclusive=False)
        case Qualifier.AT_MOST:
            return Interval(low=Decimal(0) if value > 0 else None, high=value)
        case Qualifier.RANGE | Qualifier.VAGUE:
            return Interval(low=value, high=value if upper is None else upper)
        case _:
            return Interval.point(value)


def effective_interval(stated: Interval, qualifier: Qualifier, approximation: Decimal) -> Interval:
    """The interval a rule compares: approximations widened by the relative tolerance ``a``.

    ``about N`` → [N − a·N, N + a·N]; ``nearly N`` → [N − a·N, N); a vague amount's
    range ("hundreds": [200, 999]) is widened by ``a`` on both ends.
    """
    if qualifier is Qualifier.VAGUE and stated.low is not None and stated.high is not None:
        # "tens of thousands" has soft edges: 100,000 is not a contradiction of it
        return Interval(low=stated.low * (1 - approximation),
                        high=stated.high * (1 + approximation),
                        low_inclusive=stated.low_inclusive, high_inclusive=stated.high_inclusive)
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
    """How two amounts relate under a tolerance (symmetric).

    Amounts of different dimensions, different currencies or different counted things are
    INCOMPARABLE; otherwise both are converted into one unit (an ambiguous ``ton``
    stands for each of its readings: the pair contradicts only if every reading does,
    and is equivalent if some reading is).
    """
    return _decide(a, b, tolerance)[0]


def supports(evidence: QuantityValue, claim: QuantityValue, tolerance: Tolerance) -> bool:
    """Whether ``evidence`` implies ``claim`` (the check-mode question; not symmetric).

    The evidence's stated bounds (an approximation is its point: the value the source
    gave) must lie inside the claim's interval, widened by the claim's approximation and
    the tolerance. "more than 100,000" supports "over 100,000" but not "more than
    120,000"; "an estimated 1,000-ton" supports "1,000-tonne" (one reading of the ton).
    """
    for _, stated, claimed in _reading_pairs(evidence, claim):
        target = effective_interval(claimed, claim.qualifier, tolerance.approximation)
        slack = _slack(stated, target, tolerance)
        if target.widen(slack).contains(stated):
            return True
    return False


def explain_comparison(a: QuantityValue, b: QuantityValue, tolerance: Tolerance) -> str:
    """One line for the report: "(100000, ∞) and [81000, 99000] do not overlap"."""
    verdict, unit, left, right = _decide(a, b, tolerance)
    if verdict is Comparison.INCOMPARABLE or left is None or right is None:
        return (f"{_label(a)} and {_label(b)} measure different things; not compared")
    shown = ""
    if a.dimension != "count" and unit is not None:
        shown = f" {unit}"
        if "ton" in (a.unit, b.unit):
            shown += " (reading ton as " + {"t": "metric", "short_ton": "short",
                                             "long_ton": "long"}.get(unit, unit) + " tons)"
    pair = f"{_rounded(left).describe()} and {_rounded(right).describe()}{shown}"
    match verdict:
        case Comparison.EQUIVALENT:
            return f"{pair} agree"
        case Comparison.COMPATIBLE:
            return f"{pair} overlap"
        case _:
            return f"{pair} do not overlap"


def _decide(a: QuantityValue, b: QuantityValue, tolerance: Tolerance
            ) -> tuple[Comparison, str | None, Interval | None, Interval | None]:
    """The verdict, and the reading (common unit and effective intervals) that gave it."""
    readings = [
        (unit, effective_interval(left, a.qualifier, tolerance.approximation),
         effective_interval(right, b.qualifier, tolerance.approximation))
        for unit, left, right in _reading_pairs(a, b)
    ]
    if not readings:
        return Comparison.INCOMPARABLE, None, None, None
    decided = [(_compare_intervals(left, right, tolerance), unit, left, right)
               for unit, left, right in readings]
    for verdict in (Comparison.EQUIVALENT, Comparison.COMPATIBLE, Comparison.CONTRADICT):
        for found in decided:
            if found[0] is verdict:
                return found
    return decided[0]


def _rounded(interval: Interval) -> Interval:
    """Bounds to at most nine significant digits, for reading (conversions add noise)."""
    def cut(value: Decimal | None) -> Decimal | None:
        return None if value is None else Decimal(format(value, ".9g"))

    return Interval(low=cut(interval.low), high=cut(interval.high),
                    low_inclusive=interval.low_inclusive, high_inclusive=interval.high_inclusive)


def _label(value: QuantityValue) -> str:
    unit = f" {value.unit}" if value.unit else ""
    return f"{value.interval.describe()}{unit}"


def _compare_intervals(left: Interval, right: Interval, tolerance: Tolerance) -> Comparison:
    if left == right:
        return Comparison.EQUIVALENT
    slack = _slack(left, right, tolerance)
    if left.widen(slack).overlaps(right) or right.widen(slack).overlaps(left):
        if left.widen(slack).contains(right) and right.widen(slack).contains(left):
            return Comparison.EQUIVALENT
        return Comparison.COMPATIBLE
    return Comparison.CONTRADICT


def _reading_pairs(a: QuantityValue, b: QuantityValue
                   ) -> list[tuple[str | None, Interval, Interval]]:
    """Stated intervals of ``a`` and ``b`` in a common unit, one triple per reading of the
    units (the common unit first)."""
    if a.dimension != b.dimension:
        return []
    if a.dimension == "count":
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            return []
        return [(a.unit or b.unit, a.interval, b.interval)]
    if a.unit is None or b.unit is None:
        return [(None, a.interval, b.interval)] if a.unit == b.unit else []
    from claimcheck.model.units import factor, readings

    triples: list[tuple[str | None, Interval, Interval]] = []
    for unit_a in readings(a.unit):
        for unit_b in readings(b.unit):
            # one common unit whatever the order, so that absolute tolerances stay symmetric
            common = min(unit_a, unit_b)
            ratio_a, ratio_b = factor(unit_a, common), factor(unit_b, common)
            if ratio_a is not None and ratio_b is not None and ratio_a > 0 and ratio_b > 0:
                triple = (common, a.interval.scaled(ratio_a), b.interval.scaled(ratio_b))
                if triple not in triples:
                    triples.append(triple)
    return triples


def _slack(a: Interval, b: Interval, tolerance: Tolerance) -> Decimal:
    magnitudes = [abs(v) for v in (a.low, a.high, b.low, b.high) if v is not None]
    largest = max(magnitudes, default=Decimal(0))
    return max(tolerance.absolute, largest * tolerance.relative)
