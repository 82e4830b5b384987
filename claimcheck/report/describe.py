"""One-line human descriptions of claim values, shared by the text and HTML renderers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim, QuoteClaim
from claimcheck.model.dates import DateValue
from claimcheck.model.numbers import Qualifier, QuantityValue


def describe_value(claim: Claim) -> str:
    if isinstance(claim, QuantityClaim):
        v = claim.value
        text = v.interval.describe()
        if v.unit:
            text += f" {v.unit}"
        if v.approximate:
            text += f" ({v.qualifier.value}, approximate)"
        elif v.qualifier.value != "exact":
            text += f" ({v.qualifier.value})"
        return text
    if isinstance(claim, DateClaim):
        d = claim.value
        text = d.range.describe()
        if d.extent != "at":
            text = f"{d.extent} {text}"  # "since Jun 2013": an open bound, not the month
        if d.range.granularity.value != "day":
            text += f" ({d.range.granularity.value})"
        if d.anchor is not None and d.rule != "absolute":
            text += f" — {claim.text} resolved against publication {d.anchor.strftime('%d %b %Y')}"
        if d.approximate:
            text += ", approximate"
        return text
    if isinstance(claim, LocationClaim):
        p = claim.value.place
        if not p.resolved:
            return f"{p.name} (not in the gazetteer)"
        text = f"{p.name}, {p.country}" if p.country and p.level.value != "country" else p.name
        return f"around {text}" if p.around else text
    if isinstance(claim, QuoteClaim):
        q = claim.value
        who = q.speaker or "speaker unknown"
        return f"quoted from {who}" + (" (partial)" if q.partial else "")
    return ""


# -- plain language, for editors ------------------------------------------------------
# The HTML report speaks as a newsroom does: "at least 120 people", "between 1,000 and
# 1,500", "21 Aug 2013". The notation above stays for the terminal and ``parse``, where
# rule authors need the exact interval.

_CURRENCY_PREFIX = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_UNIT_WORDS = {
    "t": ("tonne", "tonnes"), "ton": ("ton", "tons"), "short_ton": ("short ton", "short tons"),
    "long_ton": ("long ton", "long tons"), "kg": ("kg", "kg"), "g": ("g", "g"),
    "km": ("km", "km"), "m": ("metre", "metres"), "mi": ("mile", "miles"),
    "km2": ("km²", "km²"), "percentage_point": ("percentage point", "percentage points"),
    "cent": ("cent", "cents"), "penny": ("penny", "pence"),
}
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women",
              "foot": "feet", "tooth": "teeth", "mouse": "mice", "sheep": "sheep",
              "fish": "fish", "aircraft": "aircraft", "police": "police", "people": "people",
              "staff": "staff", "crew": "crew", "series": "series", "species": "species"}
_LARGE = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
          (Decimal(10) ** 6, "million"))


def plain_number(value: Decimal) -> str:
    """``1500`` → "1,500", ``2500000`` → "2.5 million", ``0.50`` → "0.5"."""
    sign = "−" if value < 0 else ""
    value = abs(value)
    for size, word in _LARGE:
        if value >= size:
            scaled = value / size
            if scaled == scaled.quantize(Decimal("0.01")):
                return f"{sign}{_grouped(scaled)} {word}"
            break
    return sign + _grouped(value)


def _grouped(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def plural(noun: str) -> str:
    """English plural of a counted thing: person → people, city → cities."""
    words = noun.split(" ")
    last = words[-1]
    lower = last.lower()
    if lower in _IRREGULAR:
        last = _IRREGULAR[lower]
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _amount(value: Decimal, unit: str | None, one: bool) -> str:
    """One number with its unit, as written in copy: "$300", "40%", "212 people"."""
    number = plain_number(value)
    if unit is None:
        return number
    if unit in _CURRENCY_PREFIX:
        return f"{_CURRENCY_PREFIX[unit]}{number}"
    if unit == "percent":
        return f"{number}%"
    if unit in _UNIT_WORDS:
        singular, many = _UNIT_WORDS[unit]
        return f"{number} {singular if one else many}"
    if unit.isupper() and len(unit) == 3:  # other ISO 4217 codes
        return f"{number} {unit}"
    return f"{number} {unit if one else plural(unit)}"


def plain_quantity(value: QuantityValue) -> str:
    """An amount in the words of copy, bounds included: "more than 300 people",
    "between 1,000 and 1,500", "about 90,000 people", "fewer than 10 children"."""
    interval, qualifier, unit = value.interval, value.qualifier, value.unit
    low, high = interval.low, interval.high

    def amount(number: Decimal) -> str:
        return _amount(number, unit, one=number == 1)

    if low is not None and low == high:
        if qualifier is Qualifier.NEARLY:
            return f"nearly {amount(low)}"
        if value.approximate or qualifier is Qualifier.ABOUT:
            return f"about {amount(low)}"
        return amount(low)
    if low is not None and high is None:
        return f"{'at least' if interval.low_inclusive else 'more than'} {amount(low)}"
    if high is not None and (low is None or qualifier in (Qualifier.LESS_THAN,
                                                           Qualifier.AT_MOST)):
        if qualifier is Qualifier.AT_MOST or interval.high_inclusive:
            return f"at most {amount(high)}"
        fewer = value.dimension == "count"
        return f"{'fewer' if fewer else 'less'} than {amount(high)}"
    if low is not None and high is not None:
        many = _amount(high, unit, one=False)
        if unit in _CURRENCY_PREFIX or unit == "percent":
            return f"between {_amount(low, unit, one=False)} and {many}"
        return f"between {plain_number(low)} and {many}"
    return "any amount"


NBSP = "\u00a0"


def plain_day(day: dt.date) -> str:
    """"21 Aug 2013": day, short month, year, joined by no-break spaces so a date never
    wraps across lines; never a bare ISO date in a report."""
    return f"{day.day}{NBSP}{day:%b}{NBSP}{day:%Y}"


def _plain_days(start: dt.date, end: dt.date) -> str:
    if start == end:
        return plain_day(start)
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if start.year == end.year:
        if whole_months:
            if (start.month, end.month) == (1, 12):
                return str(start.year)
            if start.month == end.month:
                return f"{start:%b %Y}"
            return f"{start:%b}–{end:%b %Y}"
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%b %Y}"
        return f"{start.day} {start:%b} – {plain_day(end)}"
    if whole_months and (start.month, end.month) == (1, 12):
        return f"{start.year}–{end.year}"
    return f"{plain_day(start)} – {plain_day(end)}"


_EXTENT_WORDS = {"since": "since", "after": "after", "before": "before", "until": "until"}


def plain_date(value: DateValue) -> str:
    """A date as copy writes it: "21 Aug 2013", "since Jan–Apr 2011", "around Sep 2013";
    a date with no year keeps only what the text said: "21 Aug (no year given)"."""
    rng = value.range
    if rng.start is not None and rng.end is not None:
        text = _plain_days(rng.start, rng.end).replace(" ", NBSP)
    else:
        month = dt.date(2000, rng.month, 1).strftime("%b") if rng.month else None
        parts = [str(p) for p in (rng.day, month, rng.year) if p]
        text = NBSP.join(parts) or "an unknown date"
        if rng.year is None:
            text += " (no year given)"
    if value.extent in _EXTENT_WORDS:
        text = f"{_EXTENT_WORDS[value.extent]} {text}"
    if value.approximate:
        text = f"around {text}"
    return text


def date_basis(claim: DateClaim) -> str:
    """How a relative date was read: "“Friday”, counted from publication on 13 Sep 2013"."""
    value = claim.value
    if value.anchor is None or value.rule in ("absolute", "partial"):
        return ""
    return f"“{claim.text}”, counted from publication on {plain_day(value.anchor)}"


def plain_value(claim: Claim) -> str:
    """What a claim states, in an editor's words."""
    if isinstance(claim, QuantityClaim):
        return plain_quantity(claim.value)
    if isinstance(claim, DateClaim):
        return plain_date(claim.value)
    if isinstance(claim, LocationClaim):
        p = claim.value.place
        if not p.resolved:
            return f"{p.name} (place not found)"
        text = f"{p.name}, {p.country}" if p.country and p.level.value != "country" else p.name
        return f"near {text}" if p.around else text
    if isinstance(claim, QuoteClaim):
        q = claim.value
        who = f"said by {q.speaker}" if q.speaker else "speaker not found"
        return who + (" (part of a sentence)" if q.partial else "")
    return ""
