"""The pile's signatures → stories: weigh terms, block, decide pairs, agglomerate.

Pure and deterministic: the result depends on the set of signatures only (sorted by id
on entry), never on their order or on where each was computed.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.story import blocking, weights
from claimcheck.story.cluster import agglomerate
from claimcheck.story.decide import DEFAULT, Decision, Thresholds, decide, evidence, excluded
from claimcheck.story.signature import Signature


def cluster(signatures: Sequence[Signature], thresholds: Thresholds = DEFAULT, *,
            keys_per_article: int = blocking.KEYS_PER_ARTICLE,
            max_block: int = blocking.MAX_BLOCK) -> list[list[str]]:
    """Article ids grouped into stories (singletons included), sorted."""
    ordered = sorted(signatures, key=lambda s: s.id)
    by_id = {s.id: s for s in ordered}
    idf = weights.idf_table(weights.document_frequencies(ordered), len(ordered))
    vectors = {s.id: weights.vector(s, idf) for s in ordered}
    keyed = [(s.id, weights.top_terms(vectors[s.id], keys_per_article)) for s in ordered]
    links: list[tuple[float, str, str]] = []
    for a, b in blocking.candidate_pairs(keyed, max_block):
        similarity = weights.cosine(vectors[a], vectors[b])
        if decide(evidence(by_id[a], by_id[b], similarity, thresholds),
                  thresholds) is Decision.SAME:
            links.append((round(similarity, 12), a, b))

    def excludes(a: str, b: str) -> bool:
        return excluded(by_id[a], by_id[b], thresholds)

    return agglomerate([s.id for s in ordered], links, excludes)
