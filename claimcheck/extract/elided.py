"""Counts whose noun is left out: "97 rockets hit and 99 more were intercepted".

"99 more", "another 99", "12 others" name no noun: what they count is what the count
before them in the sentence counts, beyond those ("more": the rest, as ``REST`` says).
Only a count that names nothing it counts takes the noun, and only from a count of the
same sentence that names one; a count with nothing before it stays unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.extract.about import describe_slot
from claimcheck.extract.counted import as_rest
from claimcheck.model.claims import Claim, QuantityClaim

Token = Any  # spacy.tokens.Token

_BEYOND = frozenset({"more", "other", "others", "additional", "further"})


def with_elided_nouns(claims: Sequence[Claim], tokens: Sequence[Token]) -> list[Claim]:
    """``claims`` with each noun-less "N more" counting what the count before it counts."""
    result: list[Claim] = []
    last: dict[int, QuantityClaim] = {}  # sentence start → the last count naming its thing
    for claim, token in zip(claims, tokens, strict=True):
        if isinstance(claim, QuantityClaim) and claim.value.dimension == "count":
            counted = claim.about.counted
            before = last.get(claim.sentence_start)
            if (counted is None or counted.category is None) and before is not None and \
                    _beyond(token):
                claim = _counting_as(claim, before)
            elif counted is not None and counted.category is not None:
                last[claim.sentence_start] = claim
        result.append(claim)
    return result


def _beyond(token: Token) -> bool:
    """Whether a number says "more" of something: "99 more", "another 99"."""
    if any(child.lower_ in _BEYOND for child in token.children):
        return True
    doc = token.doc
    return bool(token.i > 0 and doc[token.i - 1].lower_ == "another")


def _counting_as(claim: QuantityClaim, before: QuantityClaim) -> QuantityClaim:
    assert before.about.counted is not None
    counted = as_rest(before.about.counted)
    about = claim.about
    thing = before.about.thing
    update = {"counted": counted, "thing": thing,
              "slot": describe_slot(about.attribute, thing, about.event)}
    return claim.model_copy(update={"about": about.model_copy(update=update)})
