"""A parse thousands of levels deep (hostile text such as "5% 5% 5% …") is walked
without recursion, and only as far as a phrase anyone writes reaches."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimcheck.extract.about import MAX_PHRASE, _noun_phrase


def test_noun_phrase_of_a_very_deep_parse() -> None:
    depth = 5000
    words = ["5%"] * depth
    heads = [i + 1 for i in range(depth - 1)] + [depth - 1]  # each word hangs on the next
    deps = ["nmod"] * (depth - 1) + ["ROOT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    phrase = _noun_phrase(doc[depth - 1])
    assert [t.i for t in phrase] == list(range(depth - MAX_PHRASE, depth))  # the nearest
