"""Units of measure through pint: lookup of a written unit, its dimension, and conversion.

pint does the physics; this module adds what news needs on top of it: each currency is a
dimension of its own (a dollar never converts to a euro), written aliases pint lacks
("per cent", "tonnes", "sq mi", "rmb"), and the ambiguous ``ton`` of world news, which
may be a short, metric or long ton. A ``ton`` keeps its own unit name and converts to the
interval spanning the three readings (see :func:`readings`).
"""

from __future__ import annotations

import hashlib
import re
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from tokenize import TokenError
from typing import Any

from pydantic import BaseModel, ConfigDict

# ISO 4217 codes claimcheck knows; each becomes its own pint dimension.
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "INR", "RUB",
    "KRW", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY", "SGD", "SAR", "AED",
    "ILS", "EGP", "NGN", "KES", "PKR", "IDR", "THB", "UAH", "SYP", "IRR",
)

# Currency codes that are also English words: a code only in capitals ("TRY", not "try").
_CODE_WORDS = frozenset({"try", "sek", "nok", "inr", "sar", "all", "cad", "aed"})

# Written currency names → code. "dollar" alone is read as USD, the usual reading in
# world news; an editor sees the unit in the report.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD",
    "u.s. dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP",
    "sterling": "GBP", "british pounds": "GBP", "yen": "JPY", "japanese yen": "JPY",
    "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": "CHF", "franc": "CHF",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "australian dollars": "AUD",
    "australian dollar": "AUD", "rupee": "INR", "rupees": "INR", "indian rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "won": "KRW",
    "shekel": "ILS", "shekels": "ILS",
    "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny",
}

# Currency symbols written before (or after) a number.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "u.s $": "USD", "u.s. $": "USD", "c$": "CAD", "c $": "CAD",
    "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    "₪": "ILS", "₺": "TRY", "rs.": "INR", "rs": "INR",
}

# Written forms pint does not read, or reads otherwise than news means them.
_ALIASES: dict[str, str] = {
    "percentage point": "percentage_point", "percentage points": "percentage_point",
    "%": "percent", "per cent": "percent", "percent": "percent", "percents": "percent",
    "percentage": "percent", "pct": "percent",
    "ton": "ton", "tons": "ton",
    "tonne": "t", "tonnes": "t", "metric ton": "t", "metric tons": "t", "metric tonne": "t",
    "metric tonnes": "t", "t": "t",
    "short ton": "short_ton", "short tons": "short_ton", "long ton": "long_ton",
    "long tons": "long_ton",
    "km2": "km**2", "sq km": "km**2", "sq mi": "mi**2", "sq miles": "mi**2",
    "square kilometres": "km**2", "square kilometers": "km**2", "square miles": "mi**2",
    "km squared": "km**2", "m2": "m**2", "kph": "km/h", "km/h": "km/h", "mph": "mph",
    "lbs": "lb", "lb": "lb", "ft": "ft", "mcg": "µg", "μg": "µg",
    "metres": "m", "metre": "m", "meters": "m", "meter": "m",
    "kilometres": "km", "kilometre": "km", "kilometers": "km", "kilometer": "km",
    "centimetres": "cm", "centimetre": "cm", "millimetres": "mm", "millimetre": "mm",
    "° celsius": "degC", "°celsius": "degC", "° fahrenheit": "degF", "°fahrenheit": "degF",
    "degrees celsius": "degC", "degree celsius": "degC", "°c": "degC", "celsius": "degC",
    "degrees fahrenheit": "degF", "degree fahrenheit": "degF", "°f": "degF",
    "fahrenheit": "degF",
    "litres": "l", "litre": "l", "liters": "l", "liter": "l",
    "millibar": "mbar", "millibars": "mbar", "mbar": "mbar", "hectopascals": "hPa",
}
# Written forms whose reading depends on their case: "mb" is the weather's millibar
# (pint reads it as a millibarn, an area no news story measures), "Mb" a megabit.
# "Ma" and "Ga" are geology's million and billion years ("66 Ma ago"), "ma" no unit.
# A capital "C" or "F" after a number is the news's Celsius or Fahrenheit ("highs of
# 30C", "-5C overnight"), never the coulomb or the farad.
_CASED_ALIASES: dict[str, str] = {"mb": "mbar", "Mb": "Mbit", "MB": "MB", "Ma": "megayear",
                                  "Ga": "gigayear", "Myr": "megayear", "tpd": "t/d",
                                  "C": "degC", "F": "degF"}
# A temperature whose scale the text does not say ("45 degrees" in a heat wave): its own
# unit, which converts to neither Celsius nor Fahrenheit, so it never contradicts them.
UNSTATED_DEGREES = "°"

# Words that pint reads as units but that in running English text almost never are.
_NOT_UNITS = frozenset({
    "a", "an", "in", "at", "am", "pm", "as", "are", "is", "it", "me", "us", "do", "or", "and",
    "to", "of", "by", "per", "s", "h", "cd", "b", "e", "pi", "c", "f", "p", "d", "y", "u", "x",
    "v", "j", "k", "n", "r", "w", "point", "points", "times", "time", "turn", "gross", "dozen",
    "mil", "nit", "nits", "st", "ct", "pt", "rd", "th", "nd", "sr", "ma", "da", "unit", "units",
    "no", "so", "up", "he", "we", "be", "go", "hi", "my", "on", "ok", "oh", "if", "P", "G", "T",
    "B", "K", "M", "Mm", "sec", "atm", "gy", "year's", "kt", "ns", "pc", "ly",
    "shot",  # "5 shot, 1 killed": people shot (a volume only in "a shot of whisky")
})

# Durations keep their long names; everything else pint's short symbol.
_DURATIONS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
              "minute": "minute", "second": "second", "decade": "decade", "century": "century"}


class UnitInfo(BaseModel):
    """A unit as claimcheck stores it: a normalised name and a dimension name."""

    model_config = ConfigDict(frozen=True)

    name: str  # "t", "km", "USD", "percent", "year", "ton"
    dimension: str  # mass, length, area, volume, speed, duration, currency, percent, …


def import_pint() -> Any:
    """pint, imported without its Dask support: where Dask is installed, pint imports
    ``dask.base`` on import (a fifth of a second of every run), for Dask arrays that
    claimcheck never gives it. Dask itself stays importable."""
    if "pint" in sys.modules or "dask" in sys.modules:
        import pint

        return pint
    sys.modules["dask"] = None  # type: ignore[assignment]  # import and find_spec: absent
    try:
        import pint
    finally:
        if sys.modules.get("dask", "") is None:
            del sys.modules["dask"]
    return pint


def pint_cache_folder(pint: Any) -> Path:
    """A cache folder of this pint installation's own.

    pint's ``":auto:"`` folder is shared by every environment of the user, and its
    entries are named by the definition files' content alone while they hold the paths
    of the files they include: once the environment that wrote an entry is removed,
    every other environment fails to read it (and builds the registry in full on every
    start, without ever repairing the entry). Keyed by where pint is installed, each
    environment reads only what it wrote itself."""
    import platformdirs

    where = str(Path(pint.__file__).resolve().parent)
    key = hashlib.sha256(f"{where}\0{pint.__version__}".encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_path("claimcheck", appauthor=False)) / "pint" / key


@lru_cache(maxsize=1)
def registry() -> Any:
    """The pint registry, with one dimension per currency code (built once).

    pint parses its definition files on every start (a fifth of a second); with
    ``cache_folder`` it keeps the parsed result in a cache folder and reads that instead.
    Where that folder cannot be written or read, the registry is built without it."""
    pint = import_pint()
    ureg: Any
    try:
        ureg = pint.UnitRegistry(cache_folder=pint_cache_folder(pint))
    except OSError:
        ureg = pint.UnitRegistry()
    for code in CURRENCY_CODES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("cent = 0.01 USD")
    ureg.define("penny = 0.01 GBP = _ = pence")
    ureg.define("degree_unstated = [temperature_unstated]")
    return ureg


_DIMENSION_NAMES: dict[tuple[tuple[str, int], ...], str] = {
    (("[mass]", 1),): "mass",
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[length]", 1), ("[time]", -2)): "acceleration",
    (("[time]", 1),): "duration",
    (("[temperature]", 1),): "temperature",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (("[length]", -1), ("[mass]", 1), ("[time]", -2)): "pressure",
}

_DIMENSIONLESS_NAMES = {"percent": "percent", "degree": "angle", "radian": "angle",
                        "turn": "angle", "byte": "information", "bit": "information"}


def _dimension_of(units: Any) -> str | None:
    dims = tuple(sorted((str(k), int(v)) for k, v in units.dimensionality.items()))
    for k, _ in dims:
        if k.startswith("[currency_"):
            return "currency"
    if dims:
        return _DIMENSION_NAMES.get(dims, "other")
    name = str(units)
    for key, dim in _DIMENSIONLESS_NAMES.items():
        if name.endswith(key):
            return dim
    return None


def _name_of(units: Any) -> str:
    long_name = str(units)
    if long_name in _DURATIONS:
        return _DURATIONS[long_name]
    if long_name in ("ton", "short_ton"):
        return "short_ton" if long_name == "short_ton" else "ton"
    return f"{units:~C}"


_SPACES = re.compile(r"\s+")
# Multi-word units pint may read: "square metres", "cubic feet", "km squared".
_COMPOSED = re.compile(r"^(?:square|cubic|sq)\s+\S+$|^\S+\s+(?:squared|cubed)$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def lookup_unit(written: str) -> UnitInfo | None:
    """The unit a written form names ("km", "metres", "square meters", "USD"), or None.

    Only forms that read as units in running text count: "in", "a", "pm" are words first.
    """
    phrase = _SPACES.sub(" ", written.strip())
    if not phrase:
        return None
    lower = phrase.lower()
    if phrase == UNSTATED_DEGREES:
        return UnitInfo(name=UNSTATED_DEGREES, dimension="temperature")
    if phrase in _CASED_ALIASES:
        phrase = lower = _CASED_ALIASES[phrase]
    if lower in CURRENCY_WORDS:
        code = CURRENCY_WORDS[lower]
        return UnitInfo(name=code, dimension="currency")
    if phrase.upper() in CURRENCY_CODES and (phrase.isupper() or lower not in _CODE_WORDS):
        return UnitInfo(name=phrase.upper(), dimension="currency")  # "USD", "usd", "Usd"
    if lower in _ALIASES:
        target = _ALIASES[lower]
        if target == "percent":
            return UnitInfo(name="percent", dimension="percent")
        if target == "ton":
            return UnitInfo(name="ton", dimension="mass")
        if target == "percentage_point":
            return UnitInfo(name="percentage_point", dimension="percentage_point")
        phrase = target
    elif phrase in _NOT_UNITS or (lower in _NOT_UNITS and not phrase.isupper()):
        return None
    if " " in phrase and not _COMPOSED.match(phrase):
        return None  # pint would multiply the words ("years in" → year·inch)
    units = _parse(phrase) or (_parse(lower) if lower != phrase else None)
    if units is None:
        return None
    dimension = _dimension_of(units)
    if dimension is None:
        return None
    return UnitInfo(name=_name_of(units), dimension=dimension)


@lru_cache(maxsize=1024)
def unit_as_written(written: str) -> bool:
    """Whether ``written`` names a unit in the case it is written in: pint's symbols are
    cased ("Hz", "Mbit", "Btu"), while "Day" or "Mile" read as units only lower-cased."""
    return written in _CASED_ALIASES or _parse(written) is not None


_PER_POWER = re.compile(r"/([A-Za-z]+)([23])\b")


def _parse(phrase: str) -> Any:
    pint = import_pint()
    text = phrase.replace("^", "**").replace(" squared", "**2")
    text = _PER_POWER.sub(r"/\1**\2", text)  # "km/s2": per second squared
    if not re.fullmatch(r"[\w°µμ/*. ]+", text) or text[0].isdigit():
        return None
    try:
        units = registry().parse_units(text)
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, KeyError,
            AssertionError, SyntaxError, TokenError, ArithmeticError):
        return None
    return units


# A ton in world news may be short (907.18474 kg), metric (1,000 kg) or long (1,016.05 kg).
TON_READINGS = ("t", "short_ton", "long_ton")


def readings(unit: str) -> tuple[str, ...]:
    """The units a written unit may mean: the three tons for ``ton``, else itself."""
    return TON_READINGS if unit == "ton" else (unit,)


@lru_cache(maxsize=1024)
def factor(source: str, target: str) -> Decimal | None:
    """How many ``target`` one ``source`` is, or None when the dimensions differ."""
    if source == target:
        return Decimal(1)
    proportions = {"percent": Decimal(100), "ratio": Decimal(1)}
    if source in proportions or target in proportions:
        if source in proportions and target in proportions:
            return proportions[target] / proportions[source]
        return None
    pint = import_pint()
    ureg = registry()
    try:
        if ureg.Quantity(0, _pint_name(source)).to(_pint_name(target)).magnitude != 0:
            return None  # Celsius and Fahrenheit: no factor turns one into the other
        value = ureg.Quantity(1, _pint_name(source)).to(_pint_name(target)).magnitude
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, KeyError,
            AssertionError, SyntaxError, ArithmeticError):
        return None
    return Decimal(repr(float(value)))


def _pint_name(unit: str) -> str:
    if unit.startswith("times/"):
        return "1/" + unit.removeprefix("times/")  # a frequency: "times/week" is 1/week
    return {"year": "year", "ton": "short_ton", UNSTATED_DEGREES: "degree_unstated"}.get(
        unit, unit)


def dimension_names() -> frozenset[str]:
    """Every dimension a unit can have here (``mass``, ``length``, ``currency``, …)."""
    return frozenset({*_DIMENSION_NAMES.values(), *_DIMENSIONLESS_NAMES.values(), "other",
                      "currency", "percent", "percentage_point", "currency_rate", "frequency",
                      "magnitude", "rank", "build"})


# Nouns of an object's build, glued to a number before the object's noun: "a four-story
# building", "a 20-gauge shotgun", "a two-lane road". Each is a unit of its own (dimension
# ``build``), so "four-story" is the building's height in storeys, no count of storeys,
# and compares only with the same unit. Spelling variants fold to one name.
BUILD_NOUNS: dict[str, str] = {
    **{noun: noun for noun in (
        "lane", "track", "gauge", "bore", "shot", "round", "barrel", "door", "floor",
        "bedroom", "bathroom", "room", "bed", "seat", "seater", "cylinder", "engine", "wheel",
        "wheeler", "axle", "speed", "star", "string", "passenger", "stall", "bay")},
    "story": "storey", "storey": "storey", "caliber": "caliber", "calibre": "caliber",
}
