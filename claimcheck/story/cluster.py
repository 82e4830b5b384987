"""Stories from pair decisions: the strongest links first, never across an exclusion.

Plain connected components chain: A like B, B like C, and A and C end up together even
when their dates exclude it. Here pairs are merged from the most similar down (ties by
ids, so the result is the same in any order), and a merge is refused when any excluded
pair would end up inside one story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

Excludes = Callable[[str, str], bool]


def agglomerate(ids: Sequence[str], links: Iterable[tuple[float, str, str]],
                excludes: Excludes) -> list[list[str]]:
    """Clusters of ``ids`` (each sorted; clusters sorted by first id).

    ``links`` are (score, a, b) of pairs judged the same event; two articles for which
    ``excludes`` holds never share a cluster, whether or not they were linked directly.
    """
    cluster_of = {i: i for i in ids}
    members: dict[str, list[str]] = {i: [i] for i in ids}
    for _, a, b in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        if len(members[ca]) < len(members[cb]):
            ca, cb = cb, ca
        if any(excludes(x, y) for x in members[ca] for y in members[cb]):
            continue
        for item in members[cb]:
            cluster_of[item] = ca
        members[ca].extend(members.pop(cb))
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])
