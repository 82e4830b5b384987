"""Amounts that join into one: ranges ("between A and B", "A-B", "from A to B"), bounds
("more than 10 and less than 20"), mixed units ("5 ft 2 in"), margins ("45 ± 3") and
proportions ("one in five"). A change ("rose 5 to 10") is two values, not a range.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from claimcheck.extract.amount_parts import (
    RawAmount,
    after_window,
    before_window,
    search_tail,
)
from claimcheck.model.numbers import Interval, Qualifier
from claimcheck.model.units import factor

# "8- to 16-meter": the first number's hyphen waits for the unit of the second
_RANGE_GAP = re.compile(r"^\s?(?:-|–|—|~)\s?$|^-?\s+(?:to|through)\s+$|^\s?–\s?$")
# "rose 1.5 percent to 15,000", "fell from 5 to 3": two values of a change, not a range.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|up|down|increased?|"
    r"increasing|decreased?|decreasing|climbed|climbing|dropped|dropping|jumped|gained|lost|"
    r"grew|grown|declined?|slipped|slid|surged|soared|plunged|plummeted|tumbled|edged|added|"
    r"shed|cut|raised|lowered|reduced|revised|changed|went|by)\s+(?:from\s+)?$",
    re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between)\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SCORE_GAP = re.compile(r"[-–]")
_RATIO_GAP = re.compile(r"\s+in\s+")


def _join_ratio(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    """"one in five", "2 in 5 or more": a proportion (unit ``ratio``, converts to percent)."""
    postfix_only = b.start == b.number_start  # "5 or more": the qualifier follows the number
    if a.unit or b.unit or a.upper is not None or b.upper is not None or not postfix_only or \
            not _RATIO_GAP.fullmatch(text[a.end:b.start]):
        return None
    if not (0 < a.value < b.value) or a.value != a.value.to_integral_value() or \
            b.value != b.value.to_integral_value() or a.scale != 1 or b.scale != 1:
        return None
    qualifier = b.qualifier if b.qualifier is not Qualifier.EXACT else a.qualifier
    return replace(a, end=b.end, number_end=b.number_end, value=a.value / b.value,
                   unit="ratio", dimension="percent", qualifier=qualifier)


def merge_amounts(text: str, raws: list[RawAmount]) -> list[RawAmount]:
    """Join "between A and B", "from A to B", "A to B", "A-B" into one range; numbers
    listed before a unit take it ("45 and 50 mg")."""
    return _sharing_units(text, _merged(text, raws))


_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def _sharing_units(text: str, raws: list[RawAmount]) -> list[RawAmount]:
    """"45 and 50 mg", "10, 20 or 30 km": a bare number listed just before an amount whose
    unit is written after it has that unit too (walked from the end, so a whole list does)."""
    shared = list(raws)
    gives = [r.end > r.number_end and r.start == r.number_start for r in raws]
    for i in range(len(shared) - 2, -1, -1):
        a, b = shared[i], shared[i + 1]
        if a.unit is not None or a.upper is not None or a.qualifier is not Qualifier.EXACT or \
                b.unit is None or b.dimension in ("count", "currency_rate") or \
                not gives[i + 1] or not _LIST_GAP.fullmatch(text[a.end:b.start]):
            continue
        below_zero = _BELOW_ZERO_END.search(text, b.number_end, b.end) is not None
        shared[i] = replace(a, unit=b.unit, dimension=b.dimension,
                            value=-a.value if below_zero else a.value)  # "5 and 10 below zero"
        gives[i] = True
    return shared


def _merged(text: str, raws: list[RawAmount]) -> list[RawAmount]:
    merged: list[RawAmount] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and _SCORE_GAP.fullmatch(text[a.end:b.start]) and not a.unit and \
                not b.unit and a.value >= b.value and a.value < 1000:
            i += 2  # "3-2": a score, not two amounts
            continue
        if b is not None:
            joined = _join(text, a, b)
            if joined is not None:
                merged.append(joined)
                i += 2
                continue
        merged.append(a)
        i += 1
    return merged


_LOWER_BOUNDS = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_UPPER_BOUNDS = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST})
_BOUND_GAP = re.compile(r"\s*,?\s*(?:(?:and|but)\s+)?", re.IGNORECASE)


def _join_bounds(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    """"more than 10 and less than 20" → (10, 20); "more than 40 and less than 10" stays two."""
    kinds = {a.qualifier, b.qualifier}
    if not (kinds & _LOWER_BOUNDS and kinds & _UPPER_BOUNDS) or a.upper or b.upper:
        return None
    if not _BOUND_GAP.fullmatch(text[a.end:b.start]) or \
            (a.unit, a.dimension) != (b.unit, b.dimension):
        return None
    low, high = (a, b) if a.qualifier in _LOWER_BOUNDS else (b, a)
    interval = Interval(low=low.value, high=high.value,
                        low_inclusive=low.qualifier is Qualifier.AT_LEAST,
                        high_inclusive=high.qualifier is Qualifier.AT_MOST)
    if interval.is_empty():
        return None
    return replace(a, end=b.end, number_end=b.number_end, value=low.value, upper=high.value,
                   qualifier=Qualifier.RANGE, bounds=interval)


_MINOR_CURRENCIES = frozenset({"cent", "penny"})  # no smaller coin follows them
_COMPOUND_GAP = re.compile(r"\s+(?:and\s+)?")
_MINOR_CURRENCY_END = re.compile(r"\s*(?:[^\w\s]|$)")
_UNCERTAINTY_GAP = re.compile(r"\s*(?:\+/-|±|\+-)\s*")


def _join_compound(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    """Mixed units: "5 ft 2 in", "1 hour 30 minutes", "15 dollars and 50 (cents)"."""
    if a.unit is None or a.qualifier is not Qualifier.EXACT or b.qualifier is not Qualifier.EXACT \
            or a.upper is not None or b.upper is not None or a.scale != 1 or b.scale != 1:
        return None
    if not _COMPOUND_GAP.fullmatch(text[a.end:b.start]) or b.value < 0:
        return None
    if b.unit is None and a.dimension == "currency" and a.words_unit and \
            a.unit not in _MINOR_CURRENCIES:
        # "thirteen dollars forty five": the minor unit, when nothing else follows
        if b.value >= 100 or b.value != b.value.to_integral_value() or \
                not _MINOR_CURRENCY_END.match(after_window(text, b.end)):
            return None
        added = b.value / 100
    elif b.unit is not None and b.dimension == a.dimension:
        ratio = factor(b.unit, a.unit)
        if ratio is None or ratio >= 1 or b.value * ratio >= 1 or (
                a.dimension != "currency" and _decimal_step(ratio)):
            return None  # "12 m 2 dm": metric units are written as decimals, not mixed
        added = b.value * ratio
    else:
        return None
    return replace(a, end=b.end, number_end=b.number_end, value=a.value + added)


def _decimal_step(ratio: Decimal) -> bool:
    """Whether one unit is a power of ten of the other (dm of m, g of kg)."""
    exponent = -ratio.log10()
    return abs(exponent - exponent.to_integral_value()) < Decimal("1e-9")


def _join_uncertainty(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    """"9.83 ± 0.01 km": the range the margin gives, around the stated value."""
    if a.upper is not None or b.upper is not None or not _UNCERTAINTY_GAP.fullmatch(
            text[a.end:b.start]) or b.value < 0:
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    low, high = a.value - b.value, a.value + b.value
    return replace(a, end=b.end, number_end=b.number_end, upper=high, qualifier=Qualifier.RANGE,
                   unit=a.unit or b.unit, dimension=a.dimension if a.unit else b.dimension,
                   bounds=Interval(low=low, high=high))


def _is_range_gap(gap: str, before: str, a: RawAmount, b: RawAmount) -> bool:
    """"A-B", "A to B" make a range, unless a change ("rose 5 to 10") or units differ."""
    if not _RANGE_GAP.match(gap) or search_tail(_CHANGE_BEFORE, before):
        return False
    return not (gap.strip(" -") in ("to", "through") and a.unit is not None and
                b.unit != a.unit)


# Qualifiers a range's ends may carry: "from about 100 to almost 800" is one range,
# approximate; a bound ("more than 5 to 10") is not an end.
_APPROXIMATE = frozenset({Qualifier.EXACT, Qualifier.ABOUT, Qualifier.NEARLY})


_BELOW_ZERO_END = re.compile(r"below\s+zero$", re.IGNORECASE)
_GROUP_GAP = re.compile(r",\s*")
_ENDS_ON_SCALE = re.compile(r"(?:thousand|million|billion|trillion)$", re.IGNORECASE)


def _join_spelled_groups(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    """"three million, two hundred and forty": spelled groups set off by a comma, each
    below the scale the one before ends on and itself of hundreds or more ("ten million,
    two million" and "one thousand, one, two" stay apart)."""
    if not (a.words and b.words) or a.unit or b.unit or a.upper is not None or \
            b.upper is not None or Qualifier.EXACT is not b.qualifier or \
            b.start != b.number_start or not _GROUP_GAP.fullmatch(text[a.end:b.start]) or \
            not _ENDS_ON_SCALE.search(text[a.number_start:a.number_end]):
        return None
    if not (0 < b.value < a.scale) or not 100 <= b.scale < a.scale or a.end != a.number_end:
        return None
    return replace(a, end=b.end, number_end=b.number_end, value=a.value + b.value)


def _join(text: str, a: RawAmount, b: RawAmount) -> RawAmount | None:
    for joiner in (_join_bounds, _join_compound, _join_uncertainty, _join_ratio,
                   _join_spelled_groups):
        joined = joiner(text, a, b)
        if joined is not None:
            return joined
    if a.upper is not None or b.upper is not None:
        return None
    if a.qualifier not in _APPROXIMATE or b.qualifier not in _APPROXIMATE:
        return None
    gap = text[a.end:b.start]
    before, base = before_window(text, a.start)
    between = search_tail(_BETWEEN, before)
    opener = between or search_tail(_FROM, before)
    if b.qualifier is not Qualifier.EXACT and opener is None:
        return None  # "5 to almost 8" without "from" or "between": not surely one range
    if not (between and re.fullmatch(r"\s+and\s+", gap)) and not _is_range_gap(gap, before, a, b):
        return None
    if a.unit is not None and b.unit is not None and (a.unit, a.dimension) != (b.unit, b.dimension):
        return None
    low, high = a.value, b.value
    if b.value < 0 < a.value and a.unit is None and \
            _BELOW_ZERO_END.search(text, b.number_end, b.end):
        low, high = b.value, -a.value  # "5 to 10 degrees below zero": -10 to -5
    if a.scale == 1 and b.scale > 1 and low * b.scale <= high and not a.words:
        low = low * b.scale
    if low >= high:
        return None
    start = base + opener.start() if opener else a.start
    return RawAmount(start=start, approximate=a.qualifier is not Qualifier.EXACT or
                     b.qualifier is not Qualifier.EXACT, end=b.end,
                number_start=a.number_start, number_end=b.number_end,
                value=low, upper=high, qualifier=Qualifier.RANGE, unit=b.unit or a.unit,
                dimension=b.dimension if b.unit else a.dimension, scale=b.scale,
                words=a.words and b.words)
