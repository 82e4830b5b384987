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
    (r"(?:more|greater|higher|larger|bigger)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:more"
     r"|greater|higher|larger|bigger)\s+than|(?:greater|higher|larger|bigger|more)\s+or\s+equal"
     r"\s+(?:than|to)",
     Qualifier.AT_LEAST),
    (r"no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of"
     r"|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as"
     r"|(?:might|could|may|would)\s+(?:reach|rise\s+to|climb\s+to|hit)"
     r"|(?<![<>=])(?:<=|≤|<\s=|=<)", Qualifier.AT_MOST),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
     r"|>=|≥|>\s=|=>", Qualifier.AT_LEAST),
    (r"just\s+under|nearly|almost|close\s+to|just\s+shy\s+of", Qualifier.NEARLY),
    (r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|greater\s+than|larger\s+than"
     r"|bigger\s+than"
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
# A word starts after no letter ("over", not "hover"); a sign may follow one ("x>10").
_QUALIFIER_BEFORE = [(re.compile(rf"(?:(?:(?<![A-Za-z])|(?![A-Za-z]))(?:{p}))\s*$",
                                 re.IGNORECASE), q)
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
# "over" before a span of time is "during" ("killed over two days of attacks", "rose 5%
# over five years"), except where a length is measured: after a preposition or a verb of
# lasting ("for over a month", "took over a year", "has been over two years") or before a
# word that places the span ("over two years ago", "over thirty years old").
_OVER = re.compile(r"over\s*$", re.IGNORECASE)
_LENGTH_BEFORE_OVER = re.compile(
    r"(?<![A-Za-z])(?:for|in|into|of|to|with|within|after|by|than|at|under|is|are|was|were|be|"
    r"been|being|'s|’s|takes?|took|taken|taking|lasts?|lasted|lasting|spends?|spent|spending|"
    r"waits?|waited|waiting|needs?|needed|serves?|served|serving|lives?|lived|living|works?|"
    r"worked|working|stays?|stayed|remains?|remained|delayed|sentenced|jailed|imprisoned|"
    r"detained|held|kept|missing|aged?|ages)\s+$", re.IGNORECASE)
_PLACED_AFTER_SPAN = re.compile(r"^[\s-]+(?:ago|old|later|earlier|before|after|since|long|"
                                r"older|younger|prior|past)\b", re.IGNORECASE)


def _over_is_during(text: str, over_start: int, raw: RawAmount) -> bool:
    """Whether "over" before the span of time ``raw`` means "during" (DESIGN §3)."""
    if raw.dimension != "duration" or raw.upper is not None:
        return False
    before, _ = before_window(text, over_start)
    return not search_tail(_LENGTH_BEFORE_OVER, before) and \
        not _PLACED_AFTER_SPAN.match(after_window(text, raw.end))


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
            if qualifier is Qualifier.MORE_THAN and _OVER.fullmatch(m.group().strip()) and \
                    _over_is_during(text, base + m.start(), raw):
                return raw  # "killed over two days": a span of two days, not more than two
            or_equal = _OR_EQUAL_AFTER.match(after) if qualifier in _INCLUSIVE else None
            if or_equal:  # "more than 5000 or equal to"
                return replace(raw, start=base + m.start(), end=raw.end + or_equal.end(),
                               qualifier=_INCLUSIVE[qualifier])
            return replace(raw, start=base + m.start(), qualifier=qualifier)
    return raw
