"""Ranges of ranks: "ranks between the tenth and the fifteenth", "finished between 3rd and
5th place", "ranked higher than the tenth but lower than the fifteenth".

A lone ordinal says which one ("the third victim") and is no amount; two ordinals that
bound a place in an order are a range of ranks, an amount of unit ``rank`` that agrees
only with other ranks. A word of ranking is required before ("ranks", "finished",
"placed") or a noun of place after ("place", "position"), since "between the 10th and
the 15th" alone is as often a span of days. Two ordinals bounded from opposite sides
("higher than the tenth but lower than the fifteenth", "above 3rd and below 8th") place
the rank strictly between them, whichever way "higher" runs: a range open at both ends.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claimcheck.extract.amount_parts import RawAmount
from claimcheck.extract.number_words import ONES, TENS
from claimcheck.model.numbers import Interval

_ONES_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                  "twelfth": 12}
_ORDINAL_WORDS: dict[str, int] = {
    **_ONES_ORDINALS,
    **{f"{word}th": value for word, value in ONES.items() if 13 <= value <= 19},
    **{f"{word[:-1]}ieth": value for word, value in TENS.items()},
}
for _tens, _ten in TENS.items():
    for _word, _one in _ONES_ORDINALS.items():
        if _one < 10:
            _ORDINAL_WORDS[f"{_tens}-{_word}"] = _ten + _one

_ORDINAL = (r"(?:\d{1,3}(?:st|nd|rd|th)|"
            + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")")
_RANKING = (r"(?:rank(?:s|ed|ing)?|rated|placed?|places|finish(?:ed|es|ing)?|came|comes"
            r"|coming|ended|ends|stood|stands|sits|sat)")
_RANK_RANGE = re.compile(
    rf"\b(?:(?P<verb>{_RANKING})\s+(?:(?:somewhere|anywhere)\s+)?)?(?P<span>between\s+"
    rf"(?:the\s+)?(?P<low>{_ORDINAL})\s+and\s+(?:the\s+)?(?P<high>{_ORDINAL}))"
    rf"(?P<noun>\s+(?:place|position|spot|rank)s?\b)?", re.IGNORECASE)


_UPWARD = r"(?:(?:higher|better|more)\s+than|above)"
_DOWNWARD = r"(?:(?:lower|worse|less)\s+than|below|under)"
_RANK_BOUNDS = re.compile(
    rf"\b(?P<verb>{_RANKING})\s+(?P<span>(?P<first>{_UPWARD}|{_DOWNWARD})\s+(?:the\s+)?"
    rf"(?P<low>{_ORDINAL})\s*,?\s+(?:but|and|yet)\s+(?P<second>{_UPWARD}|{_DOWNWARD})\s+"
    rf"(?:the\s+)?(?P<high>{_ORDINAL}))(?P<noun>\s+(?:place|position|spot|rank)s?\b)?",
    re.IGNORECASE)
_UPWARD_WORD = re.compile(rf"{_UPWARD}$", re.IGNORECASE)


def _ordinal_value(word: str) -> int:
    lower = word.lower()
    return int(lower[:-2]) if lower[:1].isdigit() else _ORDINAL_WORDS[lower]


def rank_ranges(text: str) -> list[RawAmount]:
    """The ranges of ranks stated in ``text``, low to high."""
    raws: list[RawAmount] = []
    for match in _RANK_RANGE.finditer(text):
        if not (match.group("verb") or match.group("noun")):
            continue
        low, high = sorted((_ordinal_value(match.group("low")),
                            _ordinal_value(match.group("high"))))
        if low == high or low == 0:
            continue
        start, end = match.start("span"), match.end("noun") if match.group("noun") \
            else match.end("span")
        raws.append(RawAmount(start=start, end=end, number_start=match.start("low"),
                              number_end=match.end("high"), value=Decimal(low),
                              upper=Decimal(high), unit="rank", dimension="rank"))
    raws.extend(_bounded_ranks(text))
    return sorted(raws, key=lambda r: r.start)


def _bounded_ranks(text: str) -> list[RawAmount]:
    """"ranks higher than the tenth but lower than the fifteenth": strictly between."""
    raws: list[RawAmount] = []
    for match in _RANK_BOUNDS.finditer(text):
        first_up = _UPWARD_WORD.match(match.group("first")) is not None
        second_up = _UPWARD_WORD.match(match.group("second")) is not None
        if first_up == second_up:
            continue  # "above 3rd and above 8th": no range between them
        low, high = sorted((_ordinal_value(match.group("low")),
                            _ordinal_value(match.group("high"))))
        if high - low < 2 or low == 0:
            continue  # nothing lies strictly between them
        end = match.end("noun") if match.group("noun") else match.end("span")
        raws.append(RawAmount(
            start=match.start("span"), end=end, number_start=match.start("low"),
            number_end=match.end("high"), value=Decimal(low), upper=Decimal(high),
            unit="rank", dimension="rank",
            bounds=Interval(low=Decimal(low), high=Decimal(high), low_inclusive=False,
                            high_inclusive=False)))
    return raws
