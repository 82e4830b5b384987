"""The quantity finder: amounts in a parsed article, with what they count.

``parse_amounts`` (pure, no model) reads the values; this module only asks the spaCy
parse two things: which amounts are really dates, times or ordinals (the entity
labels), and what noun a count counts ("over 1,000 civilians" → ``civilian``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from claimcheck.extract.amounts import Amount, parse_amounts
from claimcheck.extract.doc_index import doc_index
from claimcheck.extract.mention import Mention
from claimcheck.extract.name_numbers import in_a_name
from claimcheck.extract.number_words import DENOMINATORS

__all__ = ["Amount", "counted_thing", "find", "parse_amounts"]

# The model's labels that veto a count: a time of day, an ordinal ("the third day") but
# not a fraction ("one fifth"). DATE is no veto: a number is a date's only where the date
# finder claims its span, which the extraction stage enforces.
_NOT_AMOUNTS = frozenset({"TIME", "ORDINAL"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Lemmas the English lemmatizer leaves plural that mean the same thing as a singular.
# "two 4-year-olds": the plural "olds" is people of an age.
_LEMMA_FIXES = {"people": "person", "persons": "person"}
_PEOPLE_FORMS = {"olds": "person"}


def find(doc: Any, published: date | None = None) -> list[Mention]:
    """Quantity mentions of a parsed ``doc``; offsets are into ``doc.text``.

    ``published`` is unused here (amounts do not depend on the date) and kept for the
    finder contract.
    """
    mentions: list[Mention] = []
    for amount in parse_amounts(doc_index(doc).text(doc)):  # the Doc's text, read once
        head = _number_head(doc, amount)
        if head is None:
            continue
        if amount.value.dimension == "count" and amount.value.unit is None and \
                _is_date_or_ordinal(doc, amount):
            continue
        if _is_ordinal_adjective(doc[head]):
            continue  # "to a third day", "a fifth term": which one, not a share
        value = amount.value
        if value.dimension == "count" and in_a_name(doc, amount.number_start,
                                                    amount.number_end):
            continue  # "Zero Dark Thirty": the words of a name, no count
        if value.dimension == "count" and value.unit is None:
            thing = counted_thing(doc[head], amount)
            if thing is not None:
                value = value.model_copy(update={"unit": thing})
        mentions.append(Mention(kind="quantity", start=amount.start, end=amount.end,
                                value=value, token=head))
    return mentions


def _number_head(doc: Any, amount: Amount) -> int | None:
    """Index of the token holding the last character of the number itself; None when
    no token holds it, or it is part of a link."""
    span = doc.char_span(amount.number_start, amount.number_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if any(token.like_url for token in span):
        return None  # the digits of a link ("pic.twitter.com/7R4GZ0m5w0") count nothing
    return int(span[-1].i)


def _is_date_or_ordinal(doc: Any, amount: Amount) -> bool:
    span = doc.char_span(amount.number_start, amount.number_end, alignment_mode="expand")
    if span is None:
        return False
    stated = amount.value.stated
    if stated is not None and stated != stated.to_integral_value():
        return False  # "one fifth", "two and a half": the words of a fraction, not an ordinal
    return any(t.ent_type_ in _NOT_AMOUNTS for t in span)


# Denominators that are ordinals too; "half" and "quarter" before a noun stay fractions
# ("a half hour", "a quarter century").
_ORDINAL_DENOMINATORS = frozenset(
    word for word, size in DENOMINATORS.items() if size > 2 and word not in ("quarter",)
    and not word.endswith("s"))


def _is_ordinal_adjective(token: Any) -> bool:
    """"third" in "a third day": the parse makes it an adjective of the noun after it."""
    return bool(token.lower_ in _ORDINAL_DENOMINATORS and token.tag_ == "JJ" and
                token.dep_ == "amod" and token.head.i > token.i)


def counted_thing(token: Any, amount: Amount) -> str | None:
    """The lemma of the noun a number modifies, or None when it counts nothing named.

    "hundreds of people", "1,000 of the troops": the object of "of". Otherwise climbs
    from the number through number-internal links ("100" → "million", "1,000" of
    "over 1,000") to the first noun it attaches to as a modifier.
    """
    of_noun = _of_object(token)
    if of_noun is not None:
        return of_noun
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        inside = amount.start <= head.idx < amount.end
        if current.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") \
                and head.pos_ in _NOUNS and not inside:
            return _lemma(head)
        if not inside and head.pos_ not in ("NUM", "ADP", "ADV", "SYM", "PUNCT"):
            return None
        current = head
    return None


def _of_object(token: Any) -> str | None:
    """The noun of "of" after a number that heads its phrase ("dozens of protesters")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                    return _lemma(obj)
    return None


def _lemma(token: Any) -> str:
    """Lower-case lemma; plural proper nouns ("Syrians") lose their plural too."""
    if token.lower_ in _PEOPLE_FORMS:
        return _PEOPLE_FORMS[token.lower_]
    lemma = str(token.lemma_).lower()
    if token.tag_ == "NNPS" and lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]
    return _LEMMA_FIXES.get(lemma, lemma)
