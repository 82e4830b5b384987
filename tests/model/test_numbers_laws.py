"""Laws of intervals, comparison and parsing, checked with hypothesis."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.amounts import parse_amounts
from claimcheck.model.numbers import (
    Comparison,
    Interval,
    Qualifier,
    QuantityValue,
    Tolerance,
    compare_quantities,
    interval_for,
)

decimals = st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False,
                       allow_infinity=False)
bounds = st.one_of(st.none(), decimals)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Interval(low=low, high=high, low_inclusive=draw(st.booleans()),
                    high_inclusive=draw(st.booleans()))


@st.composite
def quantities(draw: st.DrawFn) -> QuantityValue:
    qualifier = draw(st.sampled_from(list(Qualifier)))
    value = draw(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False,
                             allow_infinity=False))
    upper = value + draw(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                                     allow_infinity=False))
    unit = draw(st.sampled_from([None, "km", "m", "t", "ton", "kg"]))
    dimension = {"km": "length", "m": "length", "t": "mass", "ton": "mass",
                 "kg": "mass"}.get(unit or "", "count")
    return QuantityValue(interval=interval_for(qualifier, value, upper), qualifier=qualifier,
                         unit=unit, dimension=dimension, stated=value)


tolerances = st.builds(
    Tolerance,
    relative=st.decimals(min_value=0, max_value=Decimal("0.5"), places=2),
    absolute=st.decimals(min_value=0, max_value=100, places=1),
    approximation=st.decimals(min_value=0, max_value=Decimal("0.3"), places=2),
)


@given(intervals(), intervals())
def test_overlap_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)


def _holds(interval: Interval, x: Decimal) -> bool:
    low, high = interval.low, interval.high
    return (low is None or x > low or (x == low and interval.low_inclusive)) and \
        (high is None or x < high or (x == high and interval.high_inclusive))


small = st.one_of(st.none(), st.integers(-3, 3).map(Decimal))


@st.composite
def small_intervals(draw: st.DrawFn) -> Interval:
    """Intervals on whole bounds, empty ones included (low above high)."""
    return Interval(low=draw(small), high=draw(small), low_inclusive=draw(st.booleans()),
                    high_inclusive=draw(st.booleans()))


@settings(max_examples=400)
@given(small_intervals(), small_intervals())
def test_overlap_is_a_shared_number(a: Interval, b: Interval) -> None:
    """Two intervals on whole bounds that share a number share a half-whole one."""
    grid = [Decimal(n) / 2 for n in range(-10, 11)]
    assert a.overlaps(b) == any(_holds(a, x) and _holds(b, x) for x in grid)


@given(intervals(), intervals(), st.decimals(min_value=0, max_value=10**6, places=2))
def test_widening_is_monotone(a: Interval, b: Interval, by: Decimal) -> None:
    widened = a.widen(by)
    assert widened.contains(a)
    if a.overlaps(b):
        assert widened.overlaps(b)


@given(intervals())
def test_hull_contains_both(a: Interval) -> None:
    b = a.widen(Decimal(1))
    assert a.hull(b).contains(a) and a.hull(b).contains(b)


@settings(max_examples=200, deadline=None)
@given(quantities(), quantities(), tolerances)
def test_agreement_is_symmetric(a: QuantityValue, b: QuantityValue, tol: Tolerance) -> None:
    assert compare_quantities(a, b, tol) is compare_quantities(b, a, tol)


@settings(deadline=None)  # the first call builds the units registry
@given(quantities(), tolerances)
def test_an_amount_never_contradicts_itself(a: QuantityValue, tol: Tolerance) -> None:
    assert compare_quantities(a, a, tol) is not Comparison.CONTRADICT


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand")]


def in_words(n: int) -> str:
    """English words for 0 <= n < 10**12 ("two hundred and two thousand")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + in_words(rest))
    for size, name in _SCALES:
        if n >= size:
            rest = n % size
            head = in_words(n // size) + " " + name
            if rest == 0:
                return head
            return head + (" and " if rest < 100 else " ") + in_words(rest)
    raise AssertionError(n)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_words_round_trip(n: int) -> None:
    text = f"They counted {in_words(n)} boats."
    (amount,) = parse_amounts(text)
    assert amount.value.stated == n


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_digits_with_separators_round_trip(n: int) -> None:
    if 1800 <= n <= 2100:
        n += 1000  # four bare digits in that span read as a year
    (amount,) = parse_amounts(f"They counted {n:,} boats.")
    assert amount.value.stated == n


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(_SCALES))
def test_scale_words_round_trip(whole: int, tenth: int, scale: tuple[int, str]) -> None:
    size, name = scale
    text = f"a loss of {whole}.{tenth} {name} last year"
    (amount,) = parse_amounts(text)
    assert amount.value.stated == (Decimal(whole) + Decimal(tenth) / 10) * size
    (worded,) = parse_amounts(f"a loss of {in_words(whole)} {name} last year")
    assert worded.value.stated == whole * size


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parsing_never_raises(text: str) -> None:
    for amount in parse_amounts(text):
        assert text[amount.start:amount.end] == amount.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "more", "than", "1,000", "about", "two", "hundred", "and", "a", "half", "million", "-",
    "$", "%", "km", "tons", "between", "to", "3.5", "dozens", "of", "k", "bn", "½", "1/2",
    "or", "so", "over", "nearly", "in", "five", "±", "1e5", ",", "Aug.", "2013", "1/0", "^",
    "1e9999", "per", "square", "٣", "\u202f000", "of", "(", ")", "<", ">=",
]), max_size=12))
def test_number_like_word_soup_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    for amount in parse_amounts(text):
        assert text[amount.start:amount.end] == amount.text


def test_vague_amounts_have_soft_edges() -> None:
    from decimal import Decimal

    from claimcheck.model.numbers import (
        Comparison,
        Interval,
        Qualifier,
        QuantityValue,
        Tolerance,
        compare_quantities,
    )

    tens_of_thousands = QuantityValue(interval=Interval(low=Decimal(20000), high=Decimal(99999)),
                                      qualifier=Qualifier.VAGUE, unit="person")
    hundred_thousand = QuantityValue(interval=Interval.point(Decimal(100000)), unit="person")
    million = QuantityValue(interval=Interval.point(Decimal(1000000)), unit="person")
    assert compare_quantities(tens_of_thousands, hundred_thousand, Tolerance()) is not \
        Comparison.CONTRADICT
    assert compare_quantities(tens_of_thousands, million, Tolerance()) is Comparison.CONTRADICT
