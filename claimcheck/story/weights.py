"""Term weights over the pile: a word used by few articles says more than one used by all.

``tf-idf`` with a damped term count (``1 + log tf``) and smoothed inverse document
frequency, each article's vector of unit length, so the dot product of two vectors is
their cosine. The document frequencies are a sum over articles (a reduction), so they can
be counted where the signatures are and added up.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from claimcheck.story.signature import Signature

Vector = dict[str, float]


def document_frequencies(signatures: Iterable[Signature]) -> Counter[str]:
    """How many articles use each term."""
    counts: Counter[str] = Counter()
    for sig in signatures:
        counts.update(term for term, _ in sig.terms)
    return counts


def idf_table(frequencies: Mapping[str, int], articles: int) -> dict[str, float]:
    return {term: math.log((articles + 1) / (df + 1)) + 1.0
            for term, df in frequencies.items()}


def vector(sig: Signature, idf: Mapping[str, float], name_boost: float = 1.0) -> Vector:
    """The article's unit-length tf-idf vector; names may weigh more than words."""
    weights = {}
    for term, count in sig.terms:
        weight = (1.0 + math.log(count)) * idf.get(term, 1.0)
        if term.startswith("name:"):
            weight *= name_boost
        weights[term] = weight
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if norm == 0.0:
        return {}
    return {term: w / norm for term, w in weights.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def top_terms(vec: Vector, count: int) -> list[str]:
    """The ``count`` heaviest terms (ties by term, so the choice is deterministic)."""
    return [t for t, _ in sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:count]]
