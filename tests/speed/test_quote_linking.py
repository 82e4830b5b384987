"""Joining repeated quotes at once gives the groups of the full pairwise search."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.link import QUOTE_LINK_THRESHOLD, _link_quotes
from claimcheck.model.claims import About, QuoteClaim
from claimcheck.model.quotes import QuoteValue, fragment_of, normalise_quote, sequence_similarity

WORDS = ("we", "will", "not", "accept", "this", "cooperation", "weapons", "Syria",
         "destroyed", "pleased", "very", "steps", "initial", "the", "a")


def quote(i: int, words: str, source: str) -> QuoteClaim:
    return QuoteClaim(id=f"q-{i:04}", source=source, text=words, start=i, end=i + 1, line=1,
                      column=1, sentence=words, sentence_start=i,
                      about=About(attribute="words_of"), value=QuoteValue(quote=words))


class _UnionFind:
    """Plain union-find: the reference's connected components."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)


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


def candidate_rule_components(quotes: list[QuoteClaim]) -> set[frozenset[str]]:
    """The reference of the document-frequency cut: every pair of distinct texts that
    share a rare long word, or share a long word where one has no rare word, compared
    (repeats that link to themselves joined first)."""
    from claimcheck.link import _links_to_itself, common_word_limit

    uf = _UnionFind(len(quotes))
    normals = [normalise_quote(q.value.quote) for q in quotes]
    first: dict[str, int] = {}
    distinct = []
    for i, text in enumerate(normals):
        if text in first and _links_to_itself(text):
            uf.union(first[text], i)
            continue
        first.setdefault(text, i)
        distinct.append(i)
    words = {i: {w for w in normals[i].split() if len(w) >= 5} for i in distinct}
    frequency: dict[str, int] = defaultdict(int)
    for i in distinct:
        for word in words[i]:
            frequency[word] += 1
    limit = common_word_limit(len(distinct))
    rare = {i: {w for w in words[i] if frequency[w] <= limit} for i in distinct}
    for a in distinct:
        for b in distinct:
            if b <= a:
                continue
            shared = words[a] & words[b]
            if not (rare[a] & rare[b] or (shared and (not rare[a] or not rare[b]))):
                continue
            if len(shared) < 2 and min(len(normals[a].split()), len(normals[b].split())) > 4:
                continue
            score = 100.0 if fragment_of(normals[a], normals[b]) else sequence_similarity(
                normals[a], normals[b])
            if score >= QUOTE_LINK_THRESHOLD:
                uf.union(a, b)
    parts: dict[int, set[str]] = defaultdict(set)
    for i, q in enumerate(quotes):
        parts[uf.find(i)].add(q.id)
    return {frozenset(p) for p in parts.values()}


COMMONER = ("people", "would", "never", "accept", "again", "there", "those", "which")
RARER = tuple(f"word{n:02}x" for n in range(40))


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(60, 140))
def test_same_groups_as_the_candidate_rule_where_common_words_are_cut(
        rng: Any, count: int) -> None:
    """More than fifty quotes share each common word, so the cut is at work: quotes
    meet through rarer words, and quotes of common words only meet every quote."""
    texts = []
    for _ in range(count):
        size = rng.randint(1, 9)
        texts.append(" ".join(rng.choice(COMMONER if rng.random() < 0.7 else RARER)
                              for _ in range(size)))
    texts += [texts[rng.randrange(len(texts))] for _ in range(count // 5)]  # repeats
    quotes = [quote(i, words, f"s{i % 5}") for i, words in enumerate(texts)]
    groups = {frozenset(g.claims) for g in _link_quotes(quotes)}
    assert groups == candidate_rule_components(quotes)


def test_a_group_shows_the_similarity_of_its_weakest_link() -> None:
    """Not 100 for every group: two quotations show how alike they are, three the
    weakest of the links that joined them (the first quote meets the other two, in
    order), repeats of one quotation 100."""
    a = "we will never accept weapons in syria again"
    b = "we will never accept chemical weapons in syria"
    c = "they will never accept chemical weapons in syria today"
    pair = _link_quotes([quote(0, a, "s0"), quote(1, b, "s1")])
    alike = sequence_similarity(a, b)
    assert alike < 100
    assert [g.why for g in pair] == [f"similar words (similarity {alike:.0f} ≥ 50)"]
    chain = _link_quotes([quote(0, a, "s0"), quote(1, b, "s1"), quote(2, c, "s2")])
    weakest = min(alike, sequence_similarity(a, c))
    assert weakest < alike
    assert [g.why for g in chain] == [f"similar words (similarity {weakest:.0f} ≥ 50)"]
    repeats = _link_quotes([quote(0, a, "s0"), quote(1, a, "s1")])
    assert [g.why for g in repeats] == ["similar words (similarity 100 ≥ 50)"]
