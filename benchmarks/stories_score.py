"""B-cubed precision, recall and F1 of story clusters against gold incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence


def bcubed(clusters: Sequence[Sequence[str]], gold: Mapping[str, str]) -> tuple[
        float, float, float]:
    """Per-article B-cubed over the articles of ``clusters`` (all must be in ``gold``)."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    for group in clusters:
        for item in group:
            by_gold[gold[item]].add(item)
    precision = recall = 0.0
    count = 0
    for group in clusters:
        members = set(group)
        for item in group:
            truth = by_gold[gold[item]]
            common = len(members & truth)
            precision += common / len(members)
            recall += common / len(truth)
            count += 1
    if count == 0:
        return 0.0, 0.0, 0.0
    precision /= count
    recall /= count
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
