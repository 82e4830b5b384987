"""Over what time a count is counted: one day, or a whole span so far.

"97 rockets hit on Friday" counts one day's rockets; "300 rockets since the fighting
began" counts every one so far. The two are different figures of one story, never rivals.
A count's window comes from its clause: a date of one day that dates it ("on Friday")
makes it a day's count; "since …" (a date or a clause), "so far", "thus far" or "to date"
make it a running total. "In total" and "a total of" are not: they sum what one incident
counted as well as what weeks did. A count whose clause says neither has no window, and
is compared with either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.extract.clause_dates import clause_counts, count_anchors, in_parentheses
from claimcheck.extract.counted import counted_noun
from claimcheck.extract.doc_index import clause_verb
from claimcheck.model.claims import Claim, DateClaim, QuantityClaim
from claimcheck.model.dates import Granularity

Token = Any  # spacy.tokens.Token

DAY = "day"
TOTAL = "total"
_VERBAL = frozenset({"VERB", "AUX"})
_SO_FAR = frozenset({"so", "thus"})


def with_windows(claims: Sequence[Claim], tokens: Sequence[Token]) -> list[Claim]:
    """``claims`` with each count's window read from its clause, where it has one."""
    anchors: dict[int, list[QuantityClaim]] = {}
    windows: dict[str, set[str]] = {}
    for claim, token in zip(claims, tokens, strict=True):
        if isinstance(claim, QuantityClaim) and claim.value.dimension == "count":
            for anchor in count_anchors(token):
                anchors.setdefault(anchor, []).append(claim)
            if _running_total(token):
                windows.setdefault(claim.id, set()).add(TOTAL)
    for claim, token in zip(claims, tokens, strict=True):
        if not isinstance(claim, DateClaim) or in_parentheses(claim):
            continue
        window = _window_of_date(claim)
        if window is None:
            continue
        for count in clause_counts(token, anchors):
            windows.setdefault(count.id, set()).add(window)
    result: list[Claim] = []
    for claim in claims:
        found = windows.get(claim.id, set())
        if len(found) == 1:  # a day and a total in one clause: which is which is unknown
            claim = claim.model_copy(update={"about": claim.about.model_copy(
                update={"window": found.pop()})})
        result.append(claim)
    return result


def _window_of_date(claim: DateClaim) -> str | None:
    value = claim.value
    if value.extent == "since":
        return TOTAL
    if value.extent == "at" and value.range.resolved and \
            value.range.granularity is Granularity.DAY:
        return DAY
    return None


def _running_total(token: Token) -> bool:
    """Whether the count's clause or phrase says it counts everything so far."""
    noun = counted_noun(token)
    holders = [token, *([noun] if noun is not None else [])]
    verb = clause_verb(token, limit=8)
    if verb is not None:
        holders.append(verb)
        holders.extend(c for c in verb.children if c.dep_ == "advcl")
    return any(_says_so_far(child) for holder in holders for child in holder.children)


def _says_so_far(child: Token) -> bool:
    lower = child.lower_
    if lower == "since" and child.dep_ in ("prep", "mark"):
        return True
    if lower == "far" and any(g.lower_ in _SO_FAR for g in child.children):
        return True
    if child.dep_ == "prep" and lower == "to":
        return any(g.dep_ == "pobj" and g.lower_ == "date" for g in child.children)
    return False
