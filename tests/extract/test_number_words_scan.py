"""read_number tries only the runs that can still read as one number, and finds the same
number as trying every length from the longest down (the reading it replaced)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.amounts import parse_amounts
from claimcheck.extract.number_words import (
    _PLAIN_INTEGER_WORDS,
    Atom,
    Reading,
    evaluate,
    integer_from_words,
    read_number,
)

# the words whose grammar the reader knows, and a few it must stop at
WORDS = ["zero", "one", "two", "three", "five", "nine", "ten", "eleven", "twenty", "forty",
         "ninety", "hundred", "thousand", "million", "billion", "lakh", "dozen", "dozens",
         "half", "halves", "third", "thirds", "quarter", "fifth", "first", "a", "an", "and",
         "&", "point", "of", "people"]


def every_length(atoms: list[Atom]) -> Reading | None:
    """The plain definition: the longest prefix that reads, text2num agreeing."""
    for length in range(len(atoms), 0, -1):
        reading = evaluate(atoms[:length])
        if reading is None:
            continue
        if length > 1 and all(a.kind == "word" and a.lower in _PLAIN_INTEGER_WORDS
                              for a in atoms[:length]):
            checked = integer_from_words([a.lower for a in atoms[:length]])
            if checked is not None and checked != reading.value:
                continue
        return reading
    return None


@st.composite
def atom_runs(draw: st.DrawFn) -> list[Atom]:
    atoms: list[Atom] = []
    for index in range(draw(st.integers(0, 12))):
        hyphen = index > 0 and draw(st.booleans())
        start = index * 10
        kind = draw(st.sampled_from(["word", "word", "word", "num", "frac"]))
        if kind == "word":
            word = draw(st.sampled_from(WORDS))
            atoms.append(Atom("word", start, start + len(word), word, hyphen_before=hyphen))
        elif kind == "num":
            value = draw(st.sampled_from(["3", "12", "100", "1.5", "2013"]))
            atoms.append(Atom("num", start, start + len(value), value, Decimal(value), hyphen))
        else:
            atoms.append(Atom("frac", start, start + 3, "1/2", Decimal("0.5"), hyphen))
    return atoms


@settings(max_examples=400, deadline=None)
@given(atom_runs(), st.integers(0, 3))
def test_read_number_agrees_with_trying_every_length(atoms: list[Atom], start: int) -> None:
    start = min(start, len(atoms))
    assert read_number(atoms, start) == every_length(atoms[start:])


def test_a_long_run_of_number_words_is_read_word_by_word() -> None:
    words = "one two three four five six seven eight nine ten "
    assert len(parse_amounts(words * 160)) == 1600


def test_a_long_hyphenated_run_is_no_amount() -> None:
    assert parse_amounts("-".join(["two"] * 200)) == []
    assert parse_amounts("-".join(["two"] * 4000)) == []
