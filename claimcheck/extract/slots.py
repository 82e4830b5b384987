"""Two slots of one amount in one sentence: a figure before and after, an option.

"A crate that cost $12 in May now costs $19": the first is the price before, the second
the price now. "Down from $40", "up from $40", "from $40 to $55": the figure after
"from" is the one before the change. "If the winner takes the cash option, the prize
would be $80 million", "or a lump sum of $80 million": an option beside the advertised
figure. Such an amount is a slot of its own, never the rival of the story's figure of
that thing. Read from the parse of the amount's clause; nothing here names a story.
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.doc_index import MAX_CLIMB, clause_verb, doc_index

Token = Any  # spacy.tokens.Token

_VERBAL = frozenset({"VERB", "AUX"})
_BEFORE_ADVERBS = frozenset({"previously", "formerly", "originally", "initially"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_NOW = frozenset({"now", "currently", "today"})
_CONDITIONS = frozenset({"if", "unless"})
_HYPOTHETICAL = frozenset({"would", "could", "might"})
_CHANGE_VERBS = frozenset({"rise", "fall", "increase", "decrease", "drop", "grow", "climb",
                           "jump", "cut", "raise", "lower", "reduce", "decline", "slip",
                           "soar", "plunge", "shrink", "swell", "go", "change", "move"})
_OPTION_NOUNS = frozenset({"option", "alternative", "lump"})
# the amount's own words and the words that carry it to its clause
_CARRYING = frozenset({"nummod", "compound", "quantmod", "amod", "pobj", "npadvmod", "nmod",
                       "appos", "prep"})


def other_slot(token: Token) -> str | None:
    """Why the amount at ``token`` is another slot than its thing's figure, or None."""
    carried = _carried_by(token)
    below = token
    for node in carried:
        if node.lower_ == "to" and node.dep_ == "prep":
            break  # "from $40 to $55": $55 is the figure after
        if node.lower_ == "from" and node.dep_ == "prep" and below.dep_ == "pobj" and \
                _a_change(node):
            return "the figure before a change (“from …”)"
        below = node
        if node.lemma_.lower() in _OPTION_NOUNS or any(
                c.lemma_.lower() in _OPTION_NOUNS for c in node.children
                if c.dep_ in ("compound", "amod")):
            return "an option (“lump sum”, “option”)"
    verb = clause_verb(token)
    if verb is None:
        return None
    if any(c.lower_ in _BEFORE_ADVERBS for c in verb.children):
        return "an earlier figure (“previously”, “originally”)"
    if _hypothetical(verb):
        return "a figure on a condition (“if …, it would be …”)"
    if not _now_in_sentence(token):
        return None
    if verb.tag_ in _PAST_TAGS and not _has_now(verb):
        return "an earlier figure, beside one said to hold now"
    # "a $15.99 crate now costs $26.33": the price the crate had, beside what it costs now
    noun = carried[0] if carried else None
    if token.dep_ == "nummod" and noun is not None and noun.pos_ == "NOUN" and _has_now(verb):
        return "an earlier figure, beside one said to hold now"
    return None


def _a_change(preposition: Token) -> bool:
    """Whether "from" starts a change ("down from", "rose from … to …"), not a distance
    or a source ("100 yards from the house", "a gift from her son")."""
    head = preposition.head
    return any(c.lower_ in ("down", "up") for c in preposition.children) or \
        (preposition.i > 0 and preposition.doc[preposition.i - 1].lower_ in ("down", "up")) or \
        head.lemma_.lower() in _CHANGE_VERBS or any(
            c.dep_ == "prep" and c.lower_ == "to" for c in head.children)


def _carried_by(token: Token) -> list[Token]:
    """The tokens from the amount up to its clause's verb (not included), nearest first."""
    path = []
    node = token
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i or node.head.pos_ in _VERBAL:
            break
        if node.dep_ not in _CARRYING and node.i != token.i:
            break
        node = node.head
        path.append(node)
    return path


def _has_now(verb: Token) -> bool:
    return any(c.lower_ in _NOW and c.dep_ in ("advmod", "npadvmod") for c in verb.children)


def _now_in_sentence(token: Token) -> bool:
    """Whether the amount's sentence says of some figure that it holds "now"."""
    doc = token.doc
    start, end = doc_index(doc).sentence(token.i)
    return any(doc[i].lower_ in _NOW and doc[i].dep_ in ("advmod", "npadvmod")
               for i in range(start, end))


def _hypothetical(verb: Token) -> bool:
    """"If the winner takes the cash option, the prize would be …": a modal verb with a
    condition hanging on it."""
    modal = any(c.lower_ in _HYPOTHETICAL and c.dep_ == "aux" for c in verb.children)
    return modal and any(
        c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS and m.dep_ == "mark"
                                  for m in c.children)
        for c in verb.children)
