"""What a claim is about is read a bounded distance from its token: a root with thousands
of children or a chain thousands deep (parses of hostile text) are walked without
recursion and within the caps of ``extract/doc_index.py`` (their cost is measured by
``python -m benchmarks.hostile_inputs``)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimcheck.extract.about import attribution, find_event_token, measured_noun
from claimcheck.rules import load_ruleset


def _walk_every_claim(doc: Doc) -> int:
    vocabulary = load_ruleset().vocabulary
    walked = 0
    for token in list(doc)[::5]:
        find_event_token(token, vocabulary)
        attribution(token, vocabulary)
        measured_noun(token)
        walked += 1
    return walked


def test_a_root_with_thousands_of_children() -> None:
    n = 5000
    words = ["said"] + ["attack"] * (n - 1)
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0] * n,
              deps=["ROOT"] + ["npadvmod"] * (n - 1), pos=["VERB"] + ["NOUN"] * (n - 1),
              lemmas=["say"] + ["attack"] * (n - 1))
    assert _walk_every_claim(doc) == n // 5


def test_a_chain_thousands_deep() -> None:
    n = 5000
    doc = Doc(spacy.blank("en").vocab, words=["5%"] * n,
              heads=[i + 1 for i in range(n - 1)] + [n - 1],
              deps=["nmod"] * (n - 1) + ["ROOT"], pos=["NOUN"] * n, lemmas=["%"] * n)
    assert _walk_every_claim(doc) == n // 5


def test_an_according_to_far_from_the_claim_is_still_read() -> None:
    words = ["According", "to", "police", ",", *["many"] * 50, "40", "died", "."]
    n = len(words)
    heads = [n - 2, 0, 1, n - 2, *[n - 2] * 50, n - 2, n - 2, n - 2]
    deps = ["prep", "pcomp", "pobj", "punct", *["dep"] * 50, "nsubj", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    vocabulary = load_ruleset().vocabulary
    assert attribution(doc[n - 3], vocabulary) == "police"
