"""Unit conversion for comparing amounts: each unit is one or more readings in a base unit.

A bare ``ton`` in world news may be metric, short or long (DESIGN §3), so it has three
readings; two amounts agree when some reading of each agrees, and contradict only when
every reading contradicts.
"""

from __future__ import annotations

from decimal import Decimal

_SHORT_TON = Decimal("907.18474")
_LONG_TON = Decimal("1016.0469088")

# unit (lower case, as the extractor normalises it or as written) → (base unit, factors)
_UNITS: dict[str, tuple[str, tuple[Decimal, ...]]] = {}


def _add(base: str, factors: tuple[Decimal, ...], *names: str) -> None:
    for name in names:
        _UNITS[name] = (base, factors)


_add("kg", (Decimal(1000),), "t", "tonne", "tonnes", "metric ton", "metric tons", "mt")
_add("kg", (Decimal(1000), _SHORT_TON, _LONG_TON), "ton", "tons")
_add("kg", (_SHORT_TON,), "short ton", "short tons", "short_ton", "ton_us")
_add("kg", (_LONG_TON,), "long ton", "long tons", "long_ton", "ton_uk")
_add("kg", (Decimal(1),), "kg", "kilogram", "kilograms", "kilo", "kilos")
_add("kg", (Decimal("0.001"),), "g", "gram", "grams")
_add("kg", (Decimal("0.45359237"),), "lb", "lbs", "pound", "pounds")
_add("m", (Decimal(1000),), "km", "kilometre", "kilometres", "kilometer", "kilometers")
_add("m", (Decimal(1),), "m", "metre", "metres", "meter", "meters")
_add("m", (Decimal("0.01"),), "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("m", (Decimal("1609.344"),), "mi", "mile", "miles")
_add("m", (Decimal("0.3048"),), "ft", "foot", "feet")
_add("km2", (Decimal(1),), "km2", "km²", "sq km", "square kilometre", "square kilometres",
     "square kilometer", "square kilometers")
_add("km2", (Decimal("2.589988110336"),), "mi2", "mi²", "sq mi", "square mile", "square miles")
_add("km2", (Decimal("0.01"),), "ha", "hectare", "hectares")
_add("day", (Decimal(1),), "day", "days", "d")
_add("day", (Decimal(7),), "week", "weeks")
_add("day", (Decimal("30.436875"),), "month", "months")
_add("day", (Decimal("365.2425"),), "year", "years", "yr", "a")
_add("l", (Decimal(1),), "l", "litre", "litres", "liter", "liters")
_add("l", (Decimal("3.785411784"),), "gal", "gallon", "gallons")
_add("l", (Decimal("158.987294928"),), "bbl", "barrel", "barrels")


def readings(unit: str | None) -> tuple[str, tuple[Decimal, ...]] | None:
    """The base unit and the factors to it, or None for units we cannot convert."""
    if unit is None:
        return None
    return _UNITS.get(unit.strip().lower())
