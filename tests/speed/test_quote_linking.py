"""Joining repeated quotes at once gives the groups of the full pairwise search."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.link import QUOTE_LINK_THRESHOLD, _link_quotes, _UnionFind
from claimcheck.model.claims import About, QuoteClaim
from claimcheck.model.quotes import QuoteValue, fragment_of, normalise_quote, sequence_similarity

WORDS = ("we", "will", "not", "accept", "this", "cooperation", "weapons", "Syria",
         "destroyed", "pleased", "very", "steps", "initial", "the", "a")


def quote(i: int, words: str, source: str) -> QuoteClaim:
    return QuoteClaim(id=f"q-{i:04}", source=source, text=words, start=i, end=i + 1, line=1,
                      column=1, sentence=words, sentence_start=i,
                      about=About(attribute="words_of"), value=QuoteValue(quote=words))


def pairwise_components(quotes: list[QuoteClaim]) -> set[frozenset[str]]:
    """The reference: every candidate pair compared, repeats included."""
    uf = _UnionFind(len(quotes))
    normals = [normalise_quote(q.value.quote) for q in quotes]
    index: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(normals):
        for word in {w for w in text.split() if len(w) >= 5}:
            index[word].append(i)
    for i, text in enumerate(normals):
        counts: dict[int, int] = defaultdict(int)
        for word in {w for w in text.split() if len(w) >= 5}:
            for j in index[word]:
                if j > i:
                    counts[j] += 1
        for j, shared in counts.items():
            if shared < 2 and min(len(text.split()), len(normals[j].split())) > 4:
                continue
            score = 100.0 if fragment_of(text, normals[j]) else sequence_similarity(
                text, normals[j])
            if score >= QUOTE_LINK_THRESHOLD:
                uf.union(i, j)
    parts: dict[int, set[str]] = defaultdict(set)
    for i, q in enumerate(quotes):
        parts[uf.find(i)].add(q.id)
    return {frozenset(p) for p in parts.values()}


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, min_size=1, max_size=6), st.lists(st.integers(0, 5), max_size=25))
def test_same_groups_as_comparing_every_pair(distinct: list[str], picks: list[int]) -> None:
    chosen = [distinct[p % len(distinct)] for p in picks] + distinct
    quotes = [quote(i, words, f"s{i % 4}") for i, words in enumerate(chosen)]
    groups = {frozenset(g.claims) for g in _link_quotes(quotes)}
    assert groups == pairwise_components(quotes)


def test_many_copies_of_one_quote_form_one_group() -> None:
    words = "We are very pleased with the initial steps Syria has taken"
    quotes = [quote(i, words, f"s{i}") for i in range(300)]
    assert [len(g.claims) for g in _link_quotes(quotes)] == [300]
