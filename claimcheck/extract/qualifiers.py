"""Qualifiers of amounts (DESIGN §3): "more than", "at least", "about", "or more"…

Each is found next to a number already read and sets how its interval follows from it;
approximations ("about", "some", "an estimated") stay points marked approximate.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.extract.amount_parts import RawAmount, after_window, before_window, search_tail
from claimcheck.extract.number_words import NUMBER_WORDS
from claimcheck.model.numbers import Qualifier

_QUALIFIERS_BEFORE: tuple[tuple[str, Qualifier], ...] = (
    (r"(?:less|fewer|lower|smaller)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|fewer"
     r"|lower|smaller)\s+than|(?:less|lower|smaller)\s+or\s+equal\s+(?:than|to)",
     Qualifier.AT_MOST),
    (r"(?:more|greater|higher|larger)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:more"
     r"|greater|higher|larger)\s+than|(?:greater|higher|larger|more)\s+or\s+equal\s+(?:than|to)",
     Qualifier.AT_LEAST),
    (r"no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of"
     r"|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as"
     r"|(?:might|could|may|would)\s+(?:reach|rise\s+to|climb\s+to|hit)"
     r"|(?<![<>=])(?:<=|≤|<\s=)", Qualifier.AT_MOST),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
     r"|>=|≥|>\s=", Qualifier.AT_LEAST),
    (r"just\s+under|nearly|almost|close\s+to|just\s+shy\s+of", Qualifier.NEARLY),
    (r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|greater\s+than|larger\s+than"
     r"|higher\s+than|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)"
     # the verb "top" after a modal or "to" ("could top $5bn"); "the top 10" is a ranking
     r"|(?:could|would|will|may|might|can|should|to|not|did|does)\s+top"
     r"|just\s+over|well\s+over|(?<![<=])>",
     Qualifier.MORE_THAN),
    (r"fewer\s+than|less\s+than|under|below|lower\s+than|smaller\s+than|(?<![<>=])<",
     Qualifier.LESS_THAN),
    (r"about|around|some|roughly|approximately|approx\.|circa|an\s+approximate|(?<![\w])~",
     Qualifier.ABOUT),
)
_QUALIFIER_BEFORE = [(re.compile(rf"(?:(?<![A-Za-z])(?:{p}))\s*$", re.IGNORECASE), q)
                     for p, q in _QUALIFIERS_BEFORE]
_ESTIMATED_BEFORE = re.compile(r"\b(?:an\s+)?estimated\s+$", re.IGNORECASE)
_NOT_A_CLAUSE_END = (r"(?!\s+than\s*\w|\s+(?:a|an|the|" + "|".join(sorted(NUMBER_WORDS))
                     + r")\b|\s*\d)")
_QUALIFIER_AFTER: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    (re.compile(r"^(?:\s+or\s+(?:more|greater|above|over)|\s+and\s+(?:more|above|up)"
                r"|-plus\b|\+)" + _NOT_A_CLAUSE_END, re.IGNORECASE), Qualifier.AT_LEAST),
    (re.compile(r"^\s+(?:or\s+(?:fewer|less|below|under)|and\s+(?:under|below))\b"
                + _NOT_A_CLAUSE_END, re.IGNORECASE), Qualifier.AT_MOST),
    (re.compile(r"^\s+or\s+so\b", re.IGNORECASE), Qualifier.ABOUT),
)
_OR_EQUAL_AFTER = re.compile(r"^\s+or\s+equal(?:\s+to)?(?!\s*(?:\d|[A-Za-z]))", re.IGNORECASE)
# Every qualifier before a number ends in a letter or one of these signs ("than", "<=").
_QUALIFIER_ENDINGS = frozenset("<>=≤≥~.")
_INCLUSIVE = {Qualifier.MORE_THAN: Qualifier.AT_LEAST, Qualifier.LESS_THAN: Qualifier.AT_MOST}


def qualify(text: str, raw: RawAmount) -> RawAmount:
    """``raw`` with the qualifier written after or before it, its span widened to it."""
    after = after_window(text, raw.end)
    for pattern, qualifier in _QUALIFIER_AFTER:
        m = pattern.match(after)
        if m:
            return replace(raw, end=raw.end + m.end(), qualifier=qualifier)
    before, base = before_window(text, raw.start)
    last = before.rstrip()[-1:]
    if not (last.isalpha() or last in _QUALIFIER_ENDINGS):
        return raw  # no qualifier ends here: spare the patterns, each tried at every position
    if search_tail(_ESTIMATED_BEFORE, before):
        return replace(raw, qualifier=Qualifier.ABOUT, approximate=True)
    for pattern, qualifier in _QUALIFIER_BEFORE:
        m = search_tail(pattern, before)
        if m:
            or_equal = _OR_EQUAL_AFTER.match(after) if qualifier in _INCLUSIVE else None
            if or_equal:  # "more than 5000 or equal to"
                return replace(raw, start=base + m.start(), end=raw.end + or_equal.end(),
                               qualifier=_INCLUSIVE[qualifier])
            return replace(raw, start=base + m.start(), qualifier=qualifier)
    return raw
