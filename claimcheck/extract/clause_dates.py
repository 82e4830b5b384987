"""Dates with no event noun take the event of their clause's count.

"Three soldiers were killed on Tuesday" names no event noun, yet the date says when the
three were killed: it dates the deaths its clause counts. A date whose parse reaches,
before any other verb, the verb of a count (or the noun that count counts: "Tuesday's
three fatalities") is the date of that count's event: its head is the count's measure
class ("deaths"), or what it counts when the class is unknown but the thing is named
("reservists"). The count's figure travels with it, so two sources dating one figure's
event ("three killed on Tuesday") share a detail a date comparison can trust; counts of
people with no class and no role ("100 people were there on Sunday") date nothing, and
neither does a date set off in parentheses (a dateline's).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from claimcheck.extract.about import describe_slot
from claimcheck.extract.counted import counted_noun
from claimcheck.extract.doc_index import MAX_CLIMB, clause_verb
from claimcheck.model.claims import Claim, DateClaim, Event, QuantityClaim
from claimcheck.model.counted import PERSON

Token = Any  # spacy.tokens.Token

_VERBAL = frozenset({"VERB", "AUX"})
GENERIC = "count"


def dated_by_clause(claims: Sequence[Claim], tokens: Sequence[Token]) -> list[Claim]:
    """``claims`` with each event-less date given the event of its clause's count."""
    anchors: dict[int, list[QuantityClaim]] = {}  # token index → counts anchored there
    for claim, token in zip(claims, tokens, strict=True):
        if _dates_its_event(claim):
            assert isinstance(claim, QuantityClaim)
            for anchor in count_anchors(token):
                anchors.setdefault(anchor, []).append(claim)
    if not anchors:
        return list(claims)
    result: list[Claim] = []
    for claim, token in zip(claims, tokens, strict=True):
        if isinstance(claim, DateClaim) and claim.about.event is None and \
                not in_parentheses(claim):
            counts = clause_counts(token, anchors)
            event = _event_of_counts(counts) if counts else None
            if event is not None:
                slot = describe_slot(claim.about.attribute, claim.about.thing, event)
                claim = claim.model_copy(update={"about": claim.about.model_copy(
                    update={"event": event, "slot": slot})})
        result.append(claim)
    return result


def in_parentheses(claim: Claim) -> bool:
    """A date set off in parentheses is an aside, not its clause's circumstance: a
    dateline's "(May 3, 2016) --" is when the report was filed."""
    at = claim.start - claim.sentence_start
    before = claim.sentence[:at].rstrip()
    after = claim.sentence[at + len(claim.text):].lstrip()
    return before.endswith("(") and after.startswith(")")


def _dates_its_event(claim: Claim) -> bool:
    """Whether a count says enough of what happened for a date of it to be compared."""
    if not isinstance(claim, QuantityClaim) or claim.value.dimension != "count":
        return False
    about = claim.about
    if about.event is not None and not about.event.implicit:
        return False  # "killed in the attack on Tuesday": the date is the attack's
    counted = about.counted
    if counted is None or counted.category is None:
        return False
    if about.attribute != GENERIC:
        return True
    return counted.category != PERSON or counted.specific


def count_anchors(token: Token) -> list[int]:
    """Where a date must reach to date a count: the count's noun and its clause's verb
    (and the predicate the parser split from it, see ``split_predicate``)."""
    found: list[int] = []
    noun = counted_noun(token)
    if noun is not None:
        found.append(noun.i)
    verb = clause_verb(token)
    if verb is not None:
        found.append(verb.i)
        predicate = split_predicate(noun, verb)
        if predicate is not None:
            found.append(predicate.i)
    return found


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def split_predicate(noun: Token | None, verb: Token) -> Token | None:
    """The real predicate of a count's noun when the parser read a reduced relative
    clause as its verb: in "40 shells fired from the hills hit the town on Monday" the
    participle "fired" (no auxiliary) took "shells" as its subject and "hit" became a
    clause of its own, with no subject. That finite verb, just after the participle's
    words and with no subject or conjunction of its own, is what the noun did."""
    if noun is None or noun.head.i != verb.i or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    candidates = [c for c in (*verb.children, *verb.head.children)
                  if c.i > verb.i and c.dep_ in ("conj", "ccomp") and c.tag_ in _FINITE]
    for candidate in sorted(candidates, key=lambda c: c.i):
        between = range(verb.i + 1, candidate.left_edge.i)
        if any(verb.doc[i].dep_ == "cc" or verb.doc[i].is_punct for i in between):
            return None
        if any(c.dep_ in _SUBJECTS for c in candidate.children):
            return None
        return candidate
    return None


def clause_counts(token: Token, anchors: dict[int, list[QuantityClaim]]
                   ) -> list[QuantityClaim]:
    """The counts whose noun or verb a date's parse reaches up to its first verb."""
    for node in islice(token.ancestors, MAX_CLIMB):
        if node.i in anchors:
            return anchors[node.i]
        if node.pos_ in _VERBAL:
            return []
    return []


def _event_of_counts(counts: Sequence[QuantityClaim]) -> Event | None:
    """The event a date of these counts dates: one head for all of them, else none (the
    date may be of either); the figure only when they state one."""
    heads = {_head(c) for c in counts}
    if len(heads) != 1:
        return None
    head = heads.pop()
    figures = {c.value.interval.describe() for c in counts}
    figure = figures.pop() if len(figures) == 1 else None
    return Event(head=head, counted_figure=figure, of_count=True,
                 text=counts[0].about.slot or head)


def _head(count: QuantityClaim) -> str:
    about = count.about
    if about.attribute != GENERIC:
        return about.attribute
    return about.thing or (about.counted.category if about.counted else None) or GENERIC
