"""Every amount a text states, as typed records: ``parse_amounts(text) -> list[Amount]``.

A pure function of the string (no model): digits with separators, decimals, words,
fractions, scale words and abbreviations, vague amounts ("tens of thousands"), ranges,
the qualifiers of DESIGN §3, currencies and units glued or spaced. What is *not* an
amount is left out: ordinals, years, times of day, dates ("Aug. 21"), phone numbers and
identifiers ("QZ8501", "Resolution 2118").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict

from claimcheck.extract.amount_joins import merge_amounts
from claimcheck.extract.amount_parts import (
    RawAmount,
    after_window,
    before_window,
    search_tail,
)
from claimcheck.extract.number_words import (
    BIG_SCALES,
    CONNECTIVES,
    NUMBER_WORDS,
    Atom,
    Reading,
    read_number,
)
from claimcheck.extract.qualifiers import qualify
from claimcheck.extract.ranks import rank_ranges
from claimcheck.extract.unit_context import in_context
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.model.units import (
    BUILD_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    UNSTATED_DEGREES,
    UnitInfo,
    lookup_unit,
    unit_as_written,
)


class Amount(BaseModel):
    """An amount found in a text; ``text == source[start:end]``, qualifier and unit included."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    value: QuantityValue
    number_start: int = 0  # the number itself, without qualifier, currency or unit
    number_end: int = 0


_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5",
           "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8",
           "⅞": "7/8"}
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16})

_ATOM = re.compile(
    r"(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<frac>(?<![\d/.,])\d{1,2}/\d{1,2}(?![\d/]))"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?:[eE][-+]?\d{1,3})?(?!\d)"
    r"|(?<!\d)\.\d+)"
    r"|(?P<word>[A-Za-z]+|&)"
)
_DIGITS = 28  # Decimal's precision: a whole number with more digits cannot be quantized
_GAP_IN_NUMBER = re.compile(r"[ \t\u00a0\u202f]*-?[ \t\u00a0\u202f]*|[ \t\u00a0\u202f]+")

# Spans that hold digits but no amount: phone numbers, year pairs, clock times, scores.
_BLOCKED = re.compile(
    r"\+?\d{1,4}(?:[-.]\d{2,5}){2,}(?:/\d+)*"  # +1-222-2222/2222
    r"|\b(?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b"  # 2013-14, 2013–2014
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?"  # 10:30
    r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)(?![A-Za-z])"  # 6pm, 2 p.m.
    r"|\b\d+(?:st|nd|rd|th)\b"  # ordinals
    r"|<>\s?\d[\d,.]*"  # "not equal to"
    r"|\b\d{3}-\d{4}\b(?![.,]\d)"  # 555-1234 (no thousands are grouped by four)
    # 423 0000, but not a count and the year of what it counts ("the 150 2014 graduates")
    r"|\b\d{3} (?!(?:19|20)\d\d\s+[a-z])\d{4}\b(?![.,]\d)"
    # identifiers: QZ8501, m212, L-202, COVID-19 (but not USD50)
    rf"|(?<![\d.,A-Za-z])(?!(?:{'|'.join(CURRENCY_CODES)})\d)[A-Za-z]+-?\d[\w-]*",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
_IDENTIFIER_NOUN = re.compile(
    r"\b(?:resolution|resolutions|flight|article|section|chapter|room|route|highway|exit|"
    r"no\.|nos\.|page|pages|bus|platform|gate|paragraph|clause|amendment|vol\.|"
    r"terminal|channel|model|type|category|level|phase|act|bill|stage|round|apartment|apt\.|"
    r"seat|suite|floor)\s*$",
    re.IGNORECASE,
)
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:this|that|the|which|each|every|no|any|another|a|one|last|only|same|other)\s+$",
    re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(r"^(?:\s+(?:of|another|by)\b|'s|’s)", re.IGNORECASE)

_SUFFIX_SCALE = re.compile(r"(?:(?P<glued>bln|bn|mn|mln|MM|tn|trn|k|K|M|G|T|B|b)"
                           r"|(?P<spaced>\s(?:k|K|bln|bn|mln|mn|MM|G)))(?![A-Za-z\d])")
_CURRENCY_MILLION = re.compile(r"m(?![A-Za-z\d])")
# "1.5m people", "10m years": million before a plural noun; "a 100m sprint" stays metres
_MILLION_BEFORE_PLURAL = re.compile(r"m(?=\s+(?:people|[a-z]{2,}s)\b)")
# "MM" is the financial press's million (a thousand thousand), "bln" and "mln" the wires'.
_SUFFIX_SCALES = {"k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "mln": 10**6,
                  "MM": 10**6, "bln": 10**9,
                  "b": 10**9, "B": 10**9, "bn": 10**9, "G": 10**9, "T": 10**12, "tn": 10**12,
                  "trn": 10**12}
_SCALE_WORD_AFTER = re.compile(r"^\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)

_SYMBOL_ALTERNATION = "|".join(
    re.escape(s).replace(r"\ ", r"\s?") for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CODE_ALTERNATION = "|".join(CURRENCY_CODES)
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{_SYMBOL_ALTERNATION})|(?<![A-Za-z])(?P<code>{_CODE_ALTERNATION}))"
    r"\s?$", re.IGNORECASE)
# A currency before a number ends at the number, so a match starts at most this far back
# (the longest symbol or code, and one space); searching only there gives the same match
# and spares trying every alternative at every position of the window.
_CURRENCY_REACH = max(len(s) for s in (*CURRENCY_SYMBOLS, *CURRENCY_CODES)) + 1


def _currency_before(before: str) -> re.Match[str] | None:
    """The currency symbol or code that ``before`` ends with (``$``, ``USD ``)."""
    return _CURRENCY_BEFORE.search(before, max(0, len(before) - _CURRENCY_REACH))


_CURRENCY_SYMBOL_AFTER = re.compile(r"^\s?(?P<sym>[€£$¥₹₽])")
_CURRENCY_CODE_AFTER = re.compile(rf"^\s?(?P<code>{_CODE_ALTERNATION})(?![A-Za-z\d])")
_PERCENT = re.compile(r"^\s?(?:%|per\s?cents?\b|percent(?:age)?s?\b(?!\s+points?\b)|pct\b\.?)",
                      re.IGNORECASE)
# A capitalised word of three letters or more, glued to digits, is a name's ("2Day FM",
# "7Eleven") unless it is a unit's symbol as written ("50Hz", "10Mbit").
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")
_GLUED_WORD = re.compile(r"^-(?P<word>[A-Za-z]+)(?:-(?P<more>[A-Za-z]+))?")
_UNIT_WORDS = re.compile(
    r"^(?P<gap>\s?)(?P<w1>[A-Za-zµμ°][\w°µμ/^²³.]*?)(?=[\s,;:)!?\]>\"'’]|-[A-Za-z]|\.(?:\s|$)|$)"
    r"(?:\s(?P<w2>[A-Za-z][\w/^²³]*))?(?:\s(?P<w3>[A-Za-z][\w/^²³]*))?")
_BRACKETED_UNIT = re.compile(r"^\s?[\[<](?P<u>[A-Za-zµμ°]+)[\]>]")
_GLUED_NOT_NOUNS = frozenset({"old", "strong", "long", "wide", "high", "deep", "tall", "odd",
                              "plus", "point", "and", "or", "to", "year-old"})

_NEGATIVE_BEFORE = re.compile(r"(?:(?:^|(?<=[\s(<>=$€£]))-\s?|^-\s|\b(?:minus|negative)\s+)$",
                              re.IGNORECASE)
_VAGUE = re.compile(
    r"(?<![\w-])(?:(?P<few>several|a\s+few|a\s+couple\s+of)\s+(?P<unit>hundred|thousand|million"
    r"|billion)|(?P<word>tens|dozens|scores(?=\s+(?:of|more)\b)|hundreds|thousands|millions"
    r"|billions)(?:\s+of\s+(?P<of>thousands|millions|billions))?)\b", re.IGNORECASE)
# ("scores" is vague only as "scores of"/"scores more": "he scores", "test scores" are not)
# What the vague plurals denote: "hundreds" is [200, 999].
_VAGUE_RANGES = {"tens": (20, 99), "dozens": (24, 99), "scores": (40, 99),
                 "hundreds": (200, 999), "thousands": (2000, 9999),
                 "millions": (2 * 10**6, 10**9 - 1), "billions": (2 * 10**9, 10**12 - 1)}
_VAGUE_BASE = {"thousands": 1000, "millions": 10**6, "billions": 10**9}
_FEW_RANGES = {"several": (3, 9), "a few": (2, 9), "a couple of": (2, 3)}
def parse_amounts(text: str) -> list[Amount]:
    """Every amount stated in ``text``, in order, with exact spans."""
    try:
        raws = _find_raw(text)
    except (InvalidOperation, OverflowError):  # absurd exponents: no amounts, never a crash
        return []
    return [_to_amount(text, raw) for raw in raws]


def _to_amount(text: str, raw: RawAmount) -> Amount:
    qualifier = raw.qualifier
    if raw.upper is not None and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.RANGE
    value = QuantityValue(
        interval=raw.bounds or interval_for(qualifier, raw.value, raw.upper),
        qualifier=qualifier,
        unit=raw.unit,
        dimension=raw.dimension,
        stated=raw.value,
        approximate=raw.approximate or qualifier in (Qualifier.ABOUT, Qualifier.NEARLY),
    )
    return Amount(start=raw.start, end=raw.end, text=text[raw.start:raw.end], value=value,
                  number_start=raw.number_start, number_end=raw.number_end)


def _find_raw(text: str) -> list[RawAmount]:
    blocked = [m.span() for m in _BLOCKED.finditer(text)]
    vague = _vague_amounts(text)
    ranks = rank_ranges(text)
    taken = [(r.start, r.end) for r in (*vague, *ranks)]
    raws: list[RawAmount] = []
    rejected_end = -1
    for reading_atoms, reading in _numbers(text):
        start, end = reading_atoms[0].start, reading_atoms[-1].end
        if _inside(start, end, blocked) or _inside(start, end, taken):
            continue
        if rejected_end >= 0 and text[rejected_end:start] in ("-", "–"):
            rejected_end = end  # "pages 10-12": the range of a rejected number goes with it
            continue
        raw = RawAmount(start=start, end=end, number_start=start, number_end=end,
                   value=reading.value, scale=reading.scale, words=reading.words)
        try:
            completed = _complete(text, raw, reading_atoms)
        except (InvalidOperation, OverflowError):
            completed = None  # an absurd exponent ("9e999999 million"): this number only
        if completed is not None:
            raws.append(completed)
        else:
            rejected_end = end
    raws.extend(_complete_vague(text, r) for r in vague)
    raws.extend(ranks)
    raws.extend(_qualified_halves(text, [(r.number_start, r.number_end) for r in raws]))
    raws.sort(key=lambda r: r.start)
    return merge_amounts(text, _without_overlaps(raws))


def _without_overlaps(raws: list[RawAmount]) -> list[RawAmount]:
    """An amount that grew over the next number ("64.2 cents a dozen") keeps it."""
    kept: list[RawAmount] = []
    for raw in raws:
        if kept and raw.start < kept[-1].end:
            continue
        kept.append(raw)
    return kept


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any((s <= start and end <= e) or (s < end and start < e) for s, e in spans)


# the only words a number is read from; every other word is left out of the atoms
_NUMBER_RUN_WORDS = NUMBER_WORDS | CONNECTIVES


def _atoms(text: str) -> list[Atom]:
    atoms: list[Atom] = []
    previous_end = -1
    for m in _ATOM.finditer(text):
        kind = m.lastgroup or "word"
        raw = m.group()
        if kind == "word" and raw.lower() not in _NUMBER_RUN_WORDS:
            previous_end = m.end()  # no number reads it, and it still ends a run
            continue
        hyphen = previous_end >= 0 and text[previous_end:m.start()].strip() == "-"
        value: Decimal | None = None
        if kind == "vulgar":
            kind, raw_frac = "frac", _VULGAR[raw]
            a, b = raw_frac.split("/")
            value = Decimal(a) / Decimal(b)
        elif kind == "frac":
            a, b = raw.split("/")
            if int(b) not in _FRACTION_DENOMINATORS or int(a) >= int(b) or int(a) == 0:
                previous_end = m.end()
                continue
            value = Decimal(a) / Decimal(b)
        elif kind == "num":
            value = Decimal(re.sub(r"[,\s\u00a0\u202f\u2009]", "", raw))
            if "e" in raw.lower() and value == value.to_integral_value() and \
                    value.adjusted() < _DIGITS:
                value = value.quantize(Decimal(1))  # "1e3" is 1000; "2e799" in a hash stays
        atoms.append(Atom(kind=kind, start=m.start(), end=m.end(), lower=raw.lower()
                          if kind == "word" else raw, value=value, hyphen_before=hyphen))
        previous_end = m.end()
    return atoms


def _is_numeric(atom: Atom) -> bool:
    return atom.kind in ("num", "frac") or atom.lower in NUMBER_WORDS


def _numbers(text: str) -> list[tuple[list[Atom], Reading]]:
    """Runs of number atoms, each split into the numbers it holds."""
    atoms = _atoms(text)
    found: list[tuple[list[Atom], Reading]] = []
    i = 0
    while i < len(atoms):
        if not (_is_numeric(atoms[i]) or atoms[i].lower in ("a", "an")):
            i += 1
            continue
        j = i + 1
        while j < len(atoms) and (_is_numeric(atoms[j]) or atoms[j].lower in CONNECTIVES) and \
                _GAP_IN_NUMBER.fullmatch(text[atoms[j - 1].end:atoms[j].start]) and \
                not (atoms[j - 1].kind == "num" and atoms[j].kind == "num"):
            j += 1
        run = atoms[i:j]
        k = 0
        while k < len(run):
            reading = read_number(run, k)
            if reading is None:
                k += 1
                continue
            used = run[k:k + reading.length]
            if used[0].lower not in ("and", "&", "of", "point"):
                found.append((used, reading))
            k += reading.length
        i = j
    return found


def _complete(text: str, raw: RawAmount, atoms: list[Atom]) -> RawAmount | None:
    """Extend a bare number with sign, scale, currency, percent, unit and qualifiers."""
    before, base = before_window(text, raw.start)
    after = after_window(text, raw.end)
    digits = atoms[0].kind == "num"
    single_word = len(atoms) == 1 and atoms[0].kind == "word"
    # Numbers that are parts of something else.
    if digits and re.search(r"(?<![\d.,A-Za-z])[A-Za-z]+-?$|\d$|\d[.,]$", before) and \
            not _currency_before(before):
        return None
    if digits and re.match(r"[.,]\d|\d", after):
        return None
    if raw.value == raw.value.to_integral_value() and 1 <= raw.value <= 31 and not raw.words and (
            search_tail(_MONTH_BEFORE, before) or _MONTH_AFTER.match(after)):
        return None
    if single_word and atoms[0].lower == "one" and (
            search_tail(_PRONOUN_ONE_BEFORE, before) or _PRONOUN_ONE_AFTER.match(after)):
        return None
    if digits and search_tail(_IDENTIFIER_NOUN, before):
        return None
    if single_word and atoms[0].lower == "zero" and search_tail(_ABSOLUTE_BEFORE, before):
        # "near absolute zero": the temperature, 0 kelvin, not a count of nothing
        return qualify(text, replace(raw, start=base + len(before.rstrip()) - len("absolute"),
                                     unit="K", dimension="temperature"))
    # Sign.
    negative = _NEGATIVE_BEFORE.search(before)
    if negative and re.search(r"\d\s*$", before[:negative.start()]):
        negative = None  # "1000 - 5000": a dash between two numbers joins a range
    if negative:
        raw = replace(raw, start=base + negative.start(), number_start=base + negative.start(),
                      value=-raw.value)
        before, base = before_window(text, raw.start)
    # Abbreviated scales glued to digits: 10k, 3bn, $2.5m.
    currency: str | None = None
    prefix = _currency_before(before)
    if prefix:
        currency = _currency_code(prefix.group("sym"), prefix.group("code"))
        if currency is not None:
            raw = replace(raw, start=base + prefix.start())
    if digits and raw.scale == 1 and len(atoms) == 1:
        suffix = _SUFFIX_SCALE.match(after)
        million = _CURRENCY_MILLION.match(after) if currency else \
            _MILLION_BEFORE_PLURAL.match(after)
        if million:
            raw = _scaled(raw, 10**6, million.end())
        elif suffix:
            key = (suffix.group("glued") or suffix.group("spaced")).strip()
            raw = _scaled(raw, _SUFFIX_SCALES[key], suffix.end())
        after = after_window(text, raw.end)
    if digits and re.match(r"[A-Za-z]", after):
        glued = re.match(r"[A-Za-zµμ°][\w°µμ/^²³]*", after)
        if glued and lookup_unit(glued.group()) is None and not _PERCENT.match(after):
            return None  # "1990s", "173m": part of a word
        if glued and _NAME_WORD.fullmatch(glued.group()) and not unit_as_written(glued.group()):
            return None  # "2Day FM", "3Com": a capitalised word glued on makes a name
    # Percent.
    percent = _PERCENT.match(after)
    if currency is None and percent:
        raw = replace(raw, end=raw.end + percent.end(), unit="percent", dimension="percent")
        after = after_window(text, raw.end)
    elif currency is None and raw.unit is None and _CLAUSE_END.match(after):
        led = _percent_before(before)
        if led is not None:
            raw = replace(raw, start=base + led, unit="percent", dimension="percent")
    # Currencies written after the number: "500 USD", "5 €", "five million yen".
    if currency is None and raw.unit is None:
        currency_end = _currencyafter_window(after)
        if currency_end is not None:
            currency, length = currency_end
            raw = replace(raw, end=raw.end + length,
                          words_unit=after[:length].strip()[:1].isalpha())
            after = after_window(text, raw.end)
            scale_word = _SCALE_WORD_AFTER.match(after)
            if scale_word:
                raw = _scaled(raw, BIG_SCALES[scale_word.group(1).lower()], scale_word.end())
                after = after_window(text, raw.end)
    if currency is not None:
        raw = _per(text, replace(raw, unit=currency, dimension="currency"))
    elif raw.unit is None:
        raw = _with_unit(text, raw)
        after = after_window(text, raw.end)
    # Years: four digits from 1800 to 2100 with nothing that makes them an amount.
    if digits and raw.unit is None and raw.scale == 1 and len(atoms) == 1 and \
            re.fullmatch(r"\d{4}", atoms[0].lower) and 1800 <= raw.value <= 2100 and \
            not _SUSPENDED_HYPHEN.match(after):
        return None
    return qualify(text, _as_share(text, raw))


# "a percent of 10", "per cent of 210": the percentage named before its number, which
# then closes the clause ("percent of 10 people" is a share of ten people)
_PERCENT_OF = re.compile(r"\b(?:per\s?cent|percent(?:age)?)\s+of\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"^\s*(?:[.,;:!?)]|$)")


def _percent_before(before: str) -> int | None:
    """Where a percentage named before its number starts in ``before``, or None; not
    after a number ("5 percent of 10"), which it is the share of."""
    match = search_tail(_PERCENT_OF, before)
    if match is None:
        return None
    words = before[:match.start()].split()
    previous = words[-1].lower().strip(",") if words else ""
    if any(c.isdigit() for c in previous) or previous in NUMBER_WORDS:
        return None
    return match.start()


_ZERO_AFTER = re.compile(r"\s+(below|above)\s+zero\b", re.IGNORECASE)
_ABSOLUTE_BEFORE = re.compile(r"\babsolute\s+$", re.IGNORECASE)
# "2000- to 3000-metre": the hyphen waits for a unit, so the number is no year
_SUSPENDED_HYPHEN = re.compile(r"^-\s+(?:to|or|and)\s")
_OF_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)


def _as_share(text: str, raw: RawAmount) -> RawAmount:
    """"two-thirds of voters", "half of them": a share (unit ``ratio``, converts to percent)."""
    if raw.unit is None and raw.words and 0 < raw.value < 1 and raw.scale == 1 and \
            _OF_AFTER.match(after_window(text, raw.end)):
        return replace(raw, unit="ratio", dimension="percent")
    return raw


_PER = re.compile(r"^(?:\s+per|\s+an?|\s?/)\s?(?P<what>[A-Za-z][A-Za-z/]*)")
_PER_WEIGHT = frozenset({"pound", "lb"})
_NOT_PER = frozenset({"year", "month", "week", "day", "hour"})  # "$5bn a year": a flow, kept


def _per(text: str, raw: RawAmount) -> RawAmount:
    """A price per unit: "$350 per kg", "$70 a share" (unit ``USD/kg``, ``USD/share``)."""
    m = _PER.match(after_window(text, raw.end))
    if not m:
        return raw
    what = m.group("what")
    info = lookup_unit(what)
    if what.lower() in _PER_WEIGHT:
        per = "lb"  # "$3 a pound": the pound weighed, not the currency
    elif what.lower() == "dozen":
        per = "dozen"  # "64.2 cents a dozen"
    elif info is not None and info.dimension not in ("currency", "duration"):
        per = info.name
    elif info is None and what.islower() and what not in NUMBER_WORDS and \
            what not in CONNECTIVES and what.rstrip("s") not in _NOT_PER and len(what) > 2:
        per = what
    else:
        return raw
    return replace(raw, end=raw.end + m.end(), unit=f"{raw.unit}/{per}",
                   dimension="currency_rate")


def _scaled(raw: RawAmount, factor: int, length: int) -> RawAmount:
    return replace(raw, value=raw.value * factor, scale=factor, end=raw.end + length,
                   number_end=raw.end + length)


def _currency_code(symbol: str | None, code: str | None) -> str | None:
    if code is not None:  # "USD 5", "usd 5"; "try 5" is no Turkish lira (a code only in capitals)
        info = lookup_unit(code)
        return info.name if info is not None and info.dimension == "currency" else None
    if symbol is None:
        return None
    key = re.sub(r"\s+", " ", symbol.lower())
    return CURRENCY_SYMBOLS.get(key) or CURRENCY_SYMBOLS.get(key.replace(" ", ""))


def _currencyafter_window(after: str) -> tuple[str, int] | None:
    symbol = _CURRENCY_SYMBOL_AFTER.match(after)
    if symbol:
        return CURRENCY_SYMBOLS[symbol.group("sym")], symbol.end()
    code = _CURRENCY_CODE_AFTER.match(after)
    if code:
        return code.group("code"), code.end()
    words = re.match(r"^(\s)([A-Za-z.]+)(?:\s([A-Za-z]+))?", after)
    if not words:
        return None
    first, second = words.group(2), words.group(3)
    # "u.s. dollars" keeps its dots; "3000 dollars." does not take the full stop
    bare = first.rstrip(".")
    for phrase, length in ((f"{first} {second}", words.end()) if second else ("", 0),
                           (first, 1 + len(first)), (bare, 1 + len(bare))):
        if not phrase:
            continue
        info = lookup_unit(phrase)
        if info is not None and info.dimension == "currency" and \
                phrase.lower().split()[-1] not in ("won",) and \
                not after[length:length + 1].isalnum():  # "3 USD50 cards": USD50 is the next
            return info.name, length
    return None


_SCALE_BEFORE = re.compile(r"\b(?:magnitude|richter)[-\s]$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"^-?(?:magnitude|richter)\b", re.IGNORECASE)


def _with_unit(text: str, raw: RawAmount) -> RawAmount:
    """The unit after a number: glued ("1,000-ton", "5km"), spaced ("17 km") or bracketed;
    or a scale named before it ("magnitude 6.8", like "6.8-magnitude")."""
    after = after_window(text, raw.end)
    before, _ = before_window(text, raw.start)
    if search_tail(_SCALE_BEFORE, before):
        return replace(raw, unit="magnitude", dimension="magnitude")
    scale = _SCALE_AFTER.match(after)
    if scale:
        return replace(raw, end=raw.end + scale.end(), unit="magnitude", dimension="magnitude")
    glued = _GLUED_WORD.match(after)
    if glued:
        word = glued.group("word")
        if word.lower() == "plus":
            return raw
        info = lookup_unit(word)
        if info is not None:
            return replace(raw, end=raw.end + glued.end("word"), unit=info.name,
                           dimension=info.dimension)
        if word.lower() in BUILD_NOUNS:  # "a four-story building": its height in storeys
            return replace(raw, end=raw.end + glued.end("word"),
                           unit=BUILD_NOUNS[word.lower()], dimension="build")
        if word.islower() and word not in _GLUED_NOT_NOUNS and word not in NUMBER_WORDS \
                and word not in CONNECTIVES:
            # "a four-step plan": the glued noun is what is counted
            return replace(raw, end=raw.end + glued.end("word"), unit=word)
        return raw
    bracketed = _BRACKETED_UNIT.match(after)
    if bracketed:
        info = lookup_unit(bracketed.group("u"))
        if info is not None:
            return replace(raw, end=raw.end + bracketed.end(), unit=info.name,
                           dimension=info.dimension)
    mark = _MARK.match(after)
    if mark:
        return replace(raw, end=raw.end + mark.end(), unit="in" if mark.group("inch") else "ft",
                       dimension="length")
    words = _UNIT_WORDS.match(after)
    if not words:
        return raw
    parts = [words.group("w1"), words.group("w2"), words.group("w3")]
    ends = [words.end("w1"), words.end("w2"), words.end("w3")]
    for n in (3, 2, 1):
        chunk = parts[:n]
        if any(p is None for p in chunk):
            continue
        phrase = " ".join(p for p in chunk if p is not None)
        if n == 3 and _is_rate(chunk):
            phrase = f"{chunk[0]}/{chunk[2]}"  # "km per hour", "188 miles an hour"
        info = _frequency(chunk) if n == 3 else lookup_unit(phrase)
        info = info or (lookup_unit(phrase) if n == 3 else None)
        if info is None or info.dimension == "currency":
            continue
        end = raw.end + ends[n - 1]
        zero = _ZERO_AFTER.match(text, end, min(len(text), end + 16)) \
            if info.name == "deg" or info.dimension == "temperature" else None
        if zero is not None:  # "5 degrees below zero": minus 5, a temperature
            info = info if info.dimension == "temperature" else UnitInfo(
                name=UNSTATED_DEGREES, dimension="temperature")
            sign = -1 if zero.group(1).lower() == "below" else 1
            return replace(raw, end=zero.end(), unit=info.name, dimension=info.dimension,
                           value=sign * raw.value)
        info = in_context(text, raw.start, end, info)
        return replace(raw, end=end, unit=info.name, dimension=info.dimension)
    inch = _INCH.match(after)
    if inch:
        return replace(raw, end=raw.end + inch.end(), unit="in", dimension="length")
    return raw


# The inch and foot marks (", ″, ', ′) are the unit only before the size they give
# ("a pen 10 \" long", "a 6′ wall"); elsewhere a straight mark may close a quotation.
_MARK = re.compile(r"^\s?(?:(?P<inch>[\"″])|(?P<foot>['′]))(?=\s+(?:thick|long|wide|tall|"
                   r"high|deep|across|in\s+diameter)\b)")

# "in" after a number is the inch where no object follows it: at the end of a clause
# ("a pencil 2 in."), before the size it gives ("2 in thick") or in "5 ft 2 in".
_INCH = re.compile(r"^\s?in(?=\s*(?:[,;:)!?]|\.(?:\s|$)|$)|\s+(?:thick|long|wide|tall|"
                   r"high|deep|across|in\s+diameter|of\s+(?:rain|snow|water)\b))")


def _frequency(words: list[str | None]) -> UnitInfo | None:
    """"four times a week", "3 times per day": how often (unit ``times/week``)."""
    if words[0] not in ("times", "time") or words[1] not in ("a", "an", "per") or \
            words[2] is None:
        return None
    period = lookup_unit(words[2])
    if period is None or period.dimension != "duration":
        return None
    return UnitInfo(name=f"times/{period.name}", dimension="frequency")


def _is_rate(words: list[str | None]) -> bool:
    """"km per hour", "miles an hour": a unit per another ("an" only for a speed)."""
    if words[1] == "per":
        return True
    if words[1] not in ("a", "an") or words[2] is None:
        return False
    # "500,000 barrels a day" stays barrels (a flow, like "$5bn a year"); a speed is a unit
    info = lookup_unit(f"{words[0]}/{words[2]}")
    return info is not None and info.dimension == "speed"


_HALF = re.compile(r"\bhalf\b(?!\s+(?:a\s+)?(?:hundred|thousand|million|billion|trillion)\b)",
                   re.IGNORECASE)


def _qualified_halves(text: str, taken: list[tuple[int, int]]) -> list[RawAmount]:
    """A bare "half" is an amount only with a qualifier: "more than half", "nearly half"."""
    raws = []
    for m in _HALF.finditer(text):
        if _inside(m.start(), m.end(), taken):
            continue
        raw = RawAmount(start=m.start(), end=m.end(), number_start=m.start(), number_end=m.end(),
                   value=Decimal("0.5"), words=True)
        qualified = qualify(text, _as_share(text, raw))
        if qualified.qualifier is not Qualifier.EXACT:
            raws.append(qualified)
    return raws


def _vague_amounts(text: str) -> list[RawAmount]:
    raws: list[RawAmount] = []
    for m in _VAGUE.finditer(text):
        before, _ = before_window(text, m.start())
        if re.search(r"(?:\d|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r"))\s*$", before,
                     re.IGNORECASE):
            continue  # "3 dozens", "two hundreds": counted, not vague
        if m.group("few"):
            low, high = _FEW_RANGES[re.sub(r"\s+", " ", m.group("few").lower())]
            base = BIG_SCALES.get(m.group("unit").lower(), 100)
            lo, hi = Decimal(low * base), Decimal((high + 1) * base - 1)
        else:
            low, high = _VAGUE_RANGES[m.group("word").lower()]
            base = _VAGUE_BASE.get((m.group("of") or "").lower(), 1)
            lo = Decimal(low * base)
            hi = Decimal((high + 1) * base - 1) if base > 1 else Decimal(high)
        raws.append(RawAmount(start=m.start(), end=m.end(), number_start=m.start(),
                         number_end=m.end(), value=lo, upper=hi, qualifier=Qualifier.VAGUE,
                         words=True))
    return raws


def _complete_vague(text: str, raw: RawAmount) -> RawAmount:
    return _with_unit(text, raw) if text[raw.end:raw.end + 1] == "-" else raw
