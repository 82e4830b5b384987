"""Zero counts are claims: "no arrests have been made", "no one was killed".

The amount reader finds numbers; a count of none is written without one. This finder
reads two shapes from the parse: "no" before a noun that names what happened to people
("no arrests", "no deaths", "no injuries"), and "no one" / "nobody" / "none" as the
subject of a verb that does ("no one was hurt"). What the zero counts is then read like
any count's (``claimcheck.extract.measures``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from claimcheck.extract.mention import Mention
from claimcheck.model.numbers import Interval, QuantityValue

# nouns whose "no" is a count of people: what happened to them
_MEASURE_NOUNS = frozenset({"arrest", "death", "injury", "fatality", "casualty", "victim",
                            "suspect", "survivor"})
# verbs whose subject "no one" is a count of none
_MEASURE_VERBS = frozenset({"kill", "injure", "hurt", "wound", "arrest", "die", "shoot",
                            "harm", "detain", "charge", "rescue", "hospitalize",
                            "hospitalise"})
_NOBODY = frozenset({"nobody", "none"})


def find(doc: Any, published: date | None = None) -> list[Mention]:
    """Zero-count mentions of a parsed ``doc``; offsets are into ``doc.text``."""
    del published  # a count of none does not depend on the date
    mentions: list[Mention] = []
    for token in doc:
        lower = token.lower_
        if lower == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN" and \
                token.head.lemma_.lower() in _MEASURE_NOUNS and token.head.i == token.i + 1:
            noun = token.head
            mentions.append(_zero(token.idx, noun.idx + len(noun.text), token.i,
                                  noun.lemma_.lower()))
        elif lower == "one" and token.i > 0 and doc[token.i - 1].lower_ == "no" and \
                _subject_of_measure(token):
            before = doc[token.i - 1]
            mentions.append(_zero(before.idx, token.idx + len(token.text), token.i, None))
        elif lower in _NOBODY and _subject_of_measure(token):
            mentions.append(_zero(token.idx, token.idx + len(token.text), token.i, None))
    return mentions


def _subject_of_measure(token: Any) -> bool:
    verb = token.head
    return bool(token.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX")
                and verb.lemma_.lower() in _MEASURE_VERBS and not _hedged(verb))


# "nobody should get shot" says nothing happened to no one; "no one was seriously hurt"
# leaves the lightly hurt uncounted: neither is a count of none
_MODALS = frozenset({"should", "would", "could", "might", "may", "must", "shall", "can"})
_DEGREES = frozenset({"seriously", "critically", "badly", "severely", "gravely", "fatally",
                      "mortally", "significantly"})


def _hedged(verb: Any) -> bool:
    return any((c.dep_ == "aux" and c.lower_ in _MODALS) or
               (c.dep_ == "advmod" and c.lower_ in _DEGREES) for c in verb.children)


def _zero(start: int, end: int, token: int, noun: str | None) -> Mention:
    value = QuantityValue(interval=Interval.point(Decimal(0)), unit=noun,
                          stated=Decimal(0))
    return Mention(kind="quantity", start=start, end=end, value=value, token=token)
