"""Spelled numbers that are words of a name, not counts: "Zero Dark Thirty", "Regional One
Hospital", "Air Force One", "the Ten Point Coalition".

In running prose only names are capitalised; a headline capitalises every word, and a
sentence or a quotation its first. So a capitalised number word is a name's only on a
line of prose (most words of its sentence there in lower case), neither first in its
sentence nor after punctuation other than a comma, and only where a capitalised word
goes on the name: after it ("Three Rivers", "Zero Dark"), or before it with no word
after it that the number could count or do ("taken to Regional One where he died", but
"Stockton Five people were killed", "News One killed, four hurt"). A number that counts
a noun in lower case ("Two Dallas County officers") stays a count.
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.doc_index import doc_index

_RUNNING_TEXT = 0.5  # the share of a line's words in lower case above which it is prose
_COUNTING = frozenset({"nummod", "compound", "quantmod", "amod", "nmod"})
# words after "Regional One" that no number counts or does: "where", "in", "and", "to"
_NAME_WORDS = frozenset({"PROPN", "NOUN", "ADJ"})
_NAME_ENDS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "PART", "PRON", "DET"})


def in_a_name(doc: Any, start: int, end: int) -> bool:
    """Whether the spelled number at ``doc.text[start:end]`` is a word of a name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    if not first.is_alpha or not first.is_title or first.is_sent_start or first.i == 0:
        return False
    previous = doc[first.i - 1]
    if (previous.is_punct and previous.text != ",") or previous.is_space or \
            previous.is_quote or not _on_prose(first):
        return False  # a sentence or a quotation may start after them; a comma goes on
    head = last.head
    if last.dep_ in _COUNTING and head.i > last.i and head.pos_ == "NOUN" and head.is_lower:
        return False  # "Two Dallas County officers": it counts the officers
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is not None and _capitalised(following) and following.pos_ in _NAME_WORDS:
        return True  # "Three Rivers", "Zero Dark Thirty"; not "Three Fatally Shot"
    return _capitalised(previous) and (following is None or following.is_punct or
                                       following.pos_ in _NAME_ENDS)


def _on_prose(token: Any) -> bool:
    """Whether the words of ``token``'s sentence on its line are mostly lower case."""
    text = doc_index(token.doc).text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line_end = len(text) if line_end < 0 else line_end
    words = [t for t in token.sent if t.is_alpha and not t.is_sent_start
             and line_start <= t.idx < line_end]
    return bool(words) and sum(1 for t in words if t.is_lower) / len(words) > _RUNNING_TEXT


def _capitalised(token: Any) -> bool:
    return bool(token.is_alpha and token.is_title)
