"""The quantity finder: amounts in a parsed article, with what they count.

``parse_amounts`` (pure, no model) reads the values; this module only asks the spaCy
parse two things: which amounts are really dates, times or ordinals (the entity
labels), and what noun a count counts ("over 1,000 civilians" → ``civilian``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from claimcheck.extract.amounts import Amount, parse_amounts
from claimcheck.extract.mention import Mention

__all__ = ["Amount", "counted_thing", "find", "parse_amounts"]

_NOT_AMOUNTS = frozenset({"DATE", "TIME", "ORDINAL"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Lemmas the English lemmatizer leaves plural that mean the same thing as a singular.
_LEMMA_FIXES = {"people": "person", "persons": "person"}


def find(doc: Any, published: date | None = None) -> list[Mention]:
    """Quantity mentions of a parsed ``doc``; offsets are into ``doc.text``.

    ``published`` is unused here (amounts do not depend on the date) and kept for the
    finder contract.
    """
    mentions: list[Mention] = []
    for amount in parse_amounts(doc.text):
        head = _number_head(doc, amount)
        if head is None:
            continue
        if amount.value.dimension == "count" and amount.value.unit is None and \
                _is_date_or_ordinal(doc, amount):
            continue
        value = amount.value
        if value.dimension == "count" and value.unit is None:
            thing = counted_thing(doc[head], amount)
            if thing is not None:
                value = value.model_copy(update={"unit": thing})
        mentions.append(Mention(kind="quantity", start=amount.start, end=amount.end,
                                value=value, token=head))
    return mentions


def _number_head(doc: Any, amount: Amount) -> int | None:
    """Index of the token holding the last character of the number itself."""
    span = doc.char_span(amount.number_start, amount.number_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return int(span[-1].i)


def _is_date_or_ordinal(doc: Any, amount: Amount) -> bool:
    span = doc.char_span(amount.number_start, amount.number_end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in _NOT_AMOUNTS for t in span)


def counted_thing(token: Any, amount: Amount) -> str | None:
    """The lemma of the noun a number modifies, or None when it counts nothing named.

    Climbs from the number through number-internal links ("100" → "million", "1,000" of
    "over 1,000") to the first noun it attaches to as a modifier.
    """
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        inside = amount.start <= head.idx < amount.end
        if current.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") \
                and head.pos_ in _NOUNS and not inside:
            lemma = str(head.lemma_).lower()
            return _LEMMA_FIXES.get(lemma, lemma)
        if not inside and head.pos_ not in ("NUM", "ADP", "ADV", "SYM", "PUNCT"):
            return None
        current = head
    return None
