"""Spelled-out numbers: the value of a run of number words, digits, fractions and scales.

Integers in words ("two hundred and two thousand") go through ``text2num``; what it
does not cover is ours: fractions ("two thirds", "one and a half", "one million and a
half"), scale words after digits ("1.4 million", "4 thousand 3 hundred and 21"),
dozens, "point seventy-one" and the grammar that says where one number ends and the
next begins ("423 0000" and "fifty fifty" are two numbers each).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from text_to_num import text2num

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
BIG_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
              "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
# Denominators of fractions; "second" is left out (a unit of time first).
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20,
    "twentieths": 20, "hundredth": 100, "hundredths": 100, "thousandth": 1000,
    "thousandths": 1000,
}
_ORDINAL_ONES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9}
CONNECTIVES = frozenset({"and", "&", "a", "an", "point", "of"})
NUMBER_WORDS = frozenset(
    {*ONES, *TENS, "hundred", "hundreds", *BIG_SCALES, "dozen", "dozens", *DENOMINATORS}
)


@dataclass(frozen=True)
class Atom:
    """One piece of a written number: a word, digits or a fraction, at its offsets."""

    kind: str  # "num" (digits), "frac" (1/2, ½), "word"
    start: int
    end: int
    lower: str  # the word lower-cased, or the digits as written
    value: Decimal | None = None  # digits and fractions
    hyphen_before: bool = False  # joined to the previous atom by a hyphen

    @property
    def is_integer_digits(self) -> bool:
        return (self.kind == "num" and self.value is not None
                and self.value == self.value.to_integral_value() and "." not in self.lower)


@dataclass(frozen=True)
class Reading:
    """The value of atoms[0:length] and the largest scale word it ended on."""

    value: Decimal
    length: int
    scale: int  # 1, or 100 / 1000 / 10**6 … when a scale word multiplied the number
    words: bool  # spelled out (at least partly) rather than digits


def _cardinal(atom: Atom) -> int | None:
    if atom.kind != "word":
        return None
    if atom.lower in ONES:
        return ONES[atom.lower]
    return TENS.get(atom.lower)


def _denominator(atoms: Sequence[Atom], i: int, stop: int) -> tuple[int, int] | None:
    """(denominator, atoms used) at atoms[i]: "third", or a compound "twenty-fifth"."""
    atom = atoms[i]
    if atom.kind != "word":
        return None
    if atom.lower in TENS and i + 1 < stop and atoms[i + 1].hyphen_before:
        nxt = atoms[i + 1].lower
        unit = _ORDINAL_ONES.get(nxt.rstrip("s") if nxt.endswith("ths") else nxt)
        if unit is not None:
            return TENS[atom.lower] + unit, 2
    if atom.lower in DENOMINATORS:
        return DENOMINATORS[atom.lower], 1
    return None


def _numerator(atom: Atom) -> Decimal | None:
    if atom.kind == "word" and atom.lower in ("a", "an"):
        return Decimal(1)
    if atom.kind == "word" and atom.lower in ONES and ONES[atom.lower] > 0:
        return Decimal(ONES[atom.lower])
    if atom.kind == "word" and atom.lower in TENS:
        return Decimal(TENS[atom.lower])
    return None


def _is_digit_word(atom: Atom) -> bool:
    """A word that spells digits after "point": "seven", or "seventy" of "seventy-one"."""
    return atom.kind == "word" and (ONES.get(atom.lower, 10) < 10 or atom.lower in TENS)


def _is_scale(atom: Atom | None) -> bool:
    return atom is not None and atom.kind == "word" and (
        atom.lower in BIG_SCALES or atom.lower == "hundred")


def _multiplies(atom: Atom | None) -> bool:
    """A word a fraction before it multiplies: "half a million", "half a dozen"."""
    return _is_scale(atom) or (atom is not None and atom.kind == "word" and atom.lower == "dozen")


def evaluate(atoms: Sequence[Atom]) -> Reading | None:
    """The value of all of ``atoms`` read as one number, or None if they are not one."""
    result = _evaluate(atoms, 0, len(atoms))
    return result if isinstance(result, Reading) else None


def _evaluate(atoms: Sequence[Atom], start: int, n: int) -> Reading | int:
    """The value of ``atoms[start:n]`` read as one number; if they are not one, the index
    of the step where the reading failed (``n`` when it failed only at the end).

    A step at index ``i`` looks at most at ``atoms[i + 2]`` before it fails, so every
    longer run that agrees up to there fails at the same step (``read_number`` uses it).
    """
    if n <= start:
        return n
    total = Decimal(0)
    current: Decimal | None = None
    place: Decimal | None = None  # values below this may still be added to ``current``
    big: int | None = None  # the last big scale used ("million")
    scale = 1
    words = False
    after_and = False
    closed = False  # a fraction or "point" ended the number: only a scale may follow
    i = start
    while i < n:
        step = i
        atom = atoms[i]
        low = atom.lower
        nxt = atoms[i + 1] if i + 1 < n else None
        if atom.kind == "word":
            words = True
        # Fractions: "two thirds", "a half", "one twenty-fifth", "half (a) million".
        numerator = _numerator(atom)
        denom = _denominator(atoms, i + 1, n) if numerator is not None and nxt is not None \
            else None
        if numerator is not None and denom is not None and (current is None or after_and) \
                and not closed:
            fraction = numerator / Decimal(denom[0])
            i += 1 + denom[1]
        elif low in ("half", "quarter") and current is None and not closed and (
            _multiplies(nxt) or (nxt is not None and nxt.lower == "a" and i + 2 < n
                                 and _multiplies(atoms[i + 2]))):
            fraction = Decimal(1) / Decimal(DENOMINATORS[low])
            i += 1
        else:
            fraction = None
        if fraction is not None:
            # "of a million", "a million": the scale that the fraction multiplies
            while i < n and atoms[i].lower in ("of", "a") and i + 1 < n and (
                    atoms[i + 1].lower in ("a", *BIG_SCALES, "hundred", "dozen")):
                i += 1
            following = atoms[i] if i < n else None
            if _is_scale(following):
                current = (current or Decimal(0)) + fraction
                place = None
            elif current is None and big is not None:
                total += fraction * big
            else:
                current = (current or Decimal(0)) + fraction
            after_and = False
            closed = True
            continue
        if low in ("and", "&"):
            if (current is None and total == 0) or nxt is None or after_and:
                return step
            after_and = True
            i += 1
            continue
        if low == "point":
            if current is None or closed or current != current.to_integral_value():
                return step
            digits = ""
            i += 1
            while i < n and _is_digit_word(atoms[i]):
                digits += str(_cardinal(atoms[i]))
                if atoms[i].lower in TENS and i + 1 < n and atoms[i + 1].hyphen_before \
                        and atoms[i + 1].lower in ONES:
                    digits = digits[:-1] + str(ONES[atoms[i + 1].lower])
                    i += 1
                i += 1
            if not digits:
                return step
            current += Decimal("0." + digits)
            closed = True
            continue
        if low == "hundred" and atom.kind == "word":
            if closed and current is None:
                return step
            if current is not None and current >= 100:
                return step
            current = (current if current is not None else Decimal(1)) * 100
            place = Decimal(100)
            scale = max(scale, 100) if big is None else scale
            closed = False
            after_and = False
            i += 1
            continue
        if atom.kind == "word" and low in BIG_SCALES:
            size = BIG_SCALES[low]
            if big is not None and size >= big:
                return step
            total += (current if current is not None else Decimal(1)) * size
            current, place, big = None, None, size
            scale = max(scale, size)
            closed = False
            after_and = False
            i += 1
            continue
        if low in ("dozen", "dozens") and atom.kind == "word":
            if low == "dozens" and current is None:
                return step
            current = (current if current is not None else Decimal(1)) * 12
            place = Decimal(0)
            closed = True
            i += 1
            continue
        if low in ("a", "an") and atom.kind == "word":
            if current is not None and not after_and:
                return step
            if nxt is None or not (_is_scale(nxt) or nxt.lower == "dozen"):
                return step
            i += 1
            continue
        # Plain numbers: words or digits.
        if atom.kind == "frac":
            assert atom.value is not None
            if current is not None and (place is None or current != current.to_integral_value()):
                return step
            current = (current or Decimal(0)) + atom.value
            closed = True
            i += 1
            continue
        if closed:
            return step
        card = _cardinal(atom)
        if card is not None:
            value_d = Decimal(card)
            if nxt is not None and nxt.hyphen_before and low in TENS and \
                    0 < ONES.get(nxt.lower, 0) < 10:
                value_d += ONES[nxt.lower]
                i += 1
            new_place = Decimal(10) if low in TENS and value_d % 10 == 0 else Decimal(1)
        elif atom.kind == "num" and atom.value is not None:
            value_d = atom.value
            if current is not None and not atom.is_integer_digits:
                return step
            new_place = Decimal(0) if current is None else Decimal(1)
        else:
            return step
        if current is None:
            if after_and and big is None and total == 0:
                return step
            current = value_d
        elif place is not None and value_d < place and (after_and or atom.kind == "word"):
            current += value_d
        else:
            return step
        place = new_place
        after_and = False
        i += 1
    if after_and:
        return n
    value = total + (current or Decimal(0))
    return Reading(value=value, length=n - start, scale=scale, words=words)


def integer_from_words(words: list[str]) -> Decimal | None:
    """A whole number spelled in words, read by text2num ("two hundred and two thousand")."""
    try:
        return Decimal(text2num(" ".join(words), "en"))
    except ValueError:
        return None


_PLAIN_INTEGER_WORDS = frozenset({*ONES, *TENS, "hundred", "thousand", "million", "billion",
                                  "trillion", "and"})


def read_number(atoms: Sequence[Atom], start: int = 0) -> Reading | None:
    """The longest run of ``atoms`` from ``start`` that reads as one number.

    A run of plain integer words is cross-checked with text2num: where it reads the
    words otherwise, the shorter run wins.

    One reading of everything from ``start`` finds the step where the words stop being
    one number; only runs ending at most two atoms past it can read (a step looks no
    further ahead), so they are the only ones tried. Trying every length from the end
    re-read a long run of number words ("one two three …") from each of its words:
    cubic in its length.
    """
    stop = len(atoms)
    whole = _evaluate(atoms, start, stop)
    longest = stop if isinstance(whole, Reading) else min(stop, whole + 2)
    for end in range(longest, start, -1):
        reading = whole if end == stop else _evaluate(atoms, start, end)
        if not isinstance(reading, Reading):
            continue
        if end - start > 1 and all(a.kind == "word" and a.lower in _PLAIN_INTEGER_WORDS
                                   for a in atoms[start:end]):
            checked = integer_from_words([a.lower for a in atoms[start:end]])
            if checked is not None and checked != reading.value:
                continue
        return reading
    return None
