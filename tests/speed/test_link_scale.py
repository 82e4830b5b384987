"""Grouping's shortcuts give the answers of the exhaustive searches they replace."""

from __future__ import annotations

import random

from benchmarks.bench_link import COMMON, RARE, synthetic_claims
from claimcheck.link import (
    _link_quotes,
    common_word_limit,
    merge_events_within_sources,
)
from tests.speed.test_quote_linking import pairwise_components, quote


def test_common_words_leave_the_quote_index_without_changing_groups() -> None:
    rng = random.Random(3)
    texts = []
    for _ in range(120):
        words = [rng.choice(COMMON if rng.random() < 0.35 else RARE) for _word in range(12)]
        texts.append(" ".join(words))
    chosen = []
    for i in range(360):  # each story quoted by a few sources, some with a word changed
        words = texts[i % len(texts)].split()
        if rng.random() < 0.3:
            words[rng.randrange(len(words))] = rng.choice(RARE)
        chosen.append(" ".join(words))
    chosen += ["people would think", "government would think together", "because"]
    quotes = [quote(i, words, f"s{i % 7}") for i, words in enumerate(chosen)]
    frequent = sum(1 for w in COMMON if sum(w in t.split() for t in chosen)
                   > common_word_limit(len(chosen)))
    assert frequent > 5  # the cut is at work
    groups = {frozenset(g.claims) for g in _link_quotes(quotes)}
    assert groups == pairwise_components(quotes)


def test_merging_copies_only_claims_whose_event_changes() -> None:
    claims = synthetic_claims(600)
    merged = merge_events_within_sources(claims)
    assert [c.id for c in merged] == [c.id for c in claims]
    kept = sum(a is b for a, b in zip(claims, merged, strict=True))
    assert kept > 0
    for before, after in zip(claims, merged, strict=True):
        if before is not after:
            assert before.about.event != after.about.event
