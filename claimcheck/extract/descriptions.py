"""Numbers that describe or name a thing, not count what a story reports.

A number hyphenated to a noun of an object's build, before the object's noun, is part
of its description: "a two-lane road", "a 20-gauge shotgun", "a .40-caliber handgun", "a
four-door sedan", "a two-story house" say what kind of road or gun it is, and no rule
should compare them with a toll. The nouns of build are a closed class (lanes, doors,
storeys, gauge, calibre, seats…); other counts glued to a noun stay counts ("a four-step
plan" gives the plan's steps, "a three-car crash" the cars in it), and units of measure
("a three-week war", "a 10-foot wall") stay measures.

Spelled numbers capitalised inside running text are words of a name: "Zero Dark
Thirty", "the Fantastic Four", "Ocean's Eleven". A headline capitalises every word, and
a sentence or a quotation its first, so a capital counts only in a sentence that is
mostly lower case, next to another capitalised word, not after punctuation.
"""

from __future__ import annotations

from typing import Any

_NOUNS = frozenset({"NOUN", "PROPN"})
# Nouns that give the build of an object, its make, not what happened to it.
_BUILD_NOUNS = frozenset({
    "lane", "track", "gauge", "caliber", "calibre", "bore", "shot", "round", "barrel",
    "door", "story", "storey", "floor", "bedroom", "bathroom", "room", "bed", "seat",
    "seater", "cylinder", "engine", "wheel", "wheeler", "axle", "speed", "star", "string",
    "passenger", "unit", "stall", "bay"})
_RUNNING_TEXT = 0.5  # the share of a sentence's words in lower case above which it is prose


def describes_its_noun(doc: Any, start: int, end: int, unit: str | None) -> bool:
    """Whether the count ``doc.text[start:end]`` ("two-lane") gives the build of the
    noun after it ("a two-lane road")."""
    written = doc.text[start:end]
    if unit is None or unit.lower() not in _BUILD_NOUNS or \
            not written.lower().endswith(f"-{unit.lower()}"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    glued = span[-1]
    head = glued.head
    return bool(glued.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod")
                and head.i > glued.i and head.i >= span.end and head.pos_ in _NOUNS)


def in_a_title(doc: Any, start: int, end: int) -> bool:
    """Whether the spelled number at ``doc.text[start:end]`` is a word of a name
    ("He watched Zero Dark Thirty")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    if not first.is_alpha or not first.is_title or first.is_sent_start or first.i == 0:
        return False
    previous = doc[first.i - 1]
    if previous.is_punct or previous.is_space or previous.is_quote:
        return False
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if not (_capitalised(previous) or (following is not None and _capitalised(following))):
        return False
    words = [t for t in first.sent if t.is_alpha and not t.is_sent_start]
    lower = sum(1 for t in words if t.is_lower)
    return bool(words) and lower / len(words) > _RUNNING_TEXT


def _capitalised(token: Any) -> bool:
    return bool(token.is_alpha and token.is_title)
