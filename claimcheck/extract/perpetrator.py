"""Whether an article says that the one who did it died.

A toll of the dead may or may not count a gunman who was killed or killed himself: "two
dead" and "one person dead" in one article, where "the shooter was also killed by a SWAT
officer", are one toll counted two ways. Where the count says so itself ("including the
gunman", "and then himself") ``counted.perpetrator_scope`` reads it; where it does not
and its article reports the perpetrator dead, whether he is counted is unsaid, and two
such tolls that differ may differ by him alone: enough to agree, never to contradict.
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.doc_index import doc_index
from claimcheck.model.counted import PERPETRATOR_UNSAID
from claimcheck.model.vocabulary import Vocabulary

Doc = Any  # spacy.tokens.Doc
Token = Any  # spacy.tokens.Token

UNSAID = PERPETRATOR_UNSAID  # the article reports him dead; the count does not say
_KILL = frozenset({"kill", "slay", "murder"})
_DEAD_WORDS = frozenset({"dead", "fatally", "death"})
_SELF = frozenset({"himself", "herself", "themselves"})
_SELF_HARM = frozenset({"kill", "shoot", "turn"})  # "shot himself", "turned the gun on himself"
_OWN_LIFE_VERBS = frozenset({"take", "end"})
_PRONOUNS = frozenset({"him", "her"})
_LAW = frozenset({"police", "officer", "deputy", "trooper", "agent", "swat", "marksman",
                  "sniper", "policeman", "cop", "sheriff"})


def perpetrator_died(doc: Doc, vocabulary: Vocabulary) -> bool:
    """Whether any sentence of ``doc`` reports the perpetrator dead: "the gunman was
    shot and killed by police", "deputies killed the suspect", "the shooter died", "then
    turned the gun on himself", "took his own life". Read once per Doc."""
    memo = doc_index(doc).memo
    key = ("perpetrator_died", -1)
    if key not in memo:
        people = frozenset(vocabulary.perpetrators) - _SELF
        memo[key] = any(_reports_death(token, people) for token in doc)
    return bool(memo[key])


def _reports_death(token: Token, perpetrators: frozenset[str]) -> bool:
    lower = token.lower_
    head = token.head
    if lower in _SELF:
        verb = head.head if head.dep_ == "prep" else head
        return verb.lemma_.lower() in _SELF_HARM and not _negated(verb)
    if lower == "life" or lower == "lives":
        return head.lemma_.lower() in _OWN_LIFE_VERBS and token.dep_ == "dobj" and any(
            c.dep_ == "poss" for c in token.children) and any(
            c.lower_ == "own" for c in token.children)
    if lower in _PRONOUNS and token.dep_ == "dobj":
        # "before police killed him", "deputies shot and killed her": the one the police
        # kill is, in a report of a shooting, the one who did it
        return _kills(head) and not _negated(head) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _LAW for c in head.children)
    if token.lemma_.lower() not in perpetrators or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "nsubj":
        return head.lemma_.lower() == "die" and not _negated(head)
    if token.dep_ in ("nsubjpass", "dobj"):
        return _kills(head) and not _negated(head)
    return False


def _kills(verb: Token) -> bool:
    """A verb (or the verb joined to it: "shot and killed") that kills: "killed",
    "fatally shot", "shot dead", "pronounced dead"."""
    for node in (verb, *(c for c in verb.children if c.dep_ == "conj")):
        if node.lemma_.lower() in _KILL:
            return True
        if any(c.lower_ in _DEAD_WORDS and c.dep_ in ("advmod", "acomp", "oprd", "xcomp")
               for c in node.children):
            return True
    return False


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)
