"""A stories run composed: claims of every article, signatures, stories, their checks.

No file I/O: the executor does the maps (and owns the cache and the claims); clustering
runs here, on signatures only, so its result is the same whichever executor made them.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, MutableMapping, Sequence

from claimcheck.rules import RuleSet
from claimcheck.sources import Source
from claimcheck.story import assemble, clustering
from claimcheck.story.decide import DEFAULT, Thresholds
from claimcheck.story.executor import Executor
from claimcheck.story.model import StoriesResult


def find_stories(sources: Sequence[Source], ruleset: RuleSet, executor: Executor, *,
                 thresholds: Thresholds = DEFAULT,
                 urls: Mapping[str, str] | None = None,
                 timings: MutableMapping[str, float] | None = None) -> StoriesResult:
    """Cluster ``sources`` into stories and check each as ``compare`` would.

    ``timings``, when given, receives the seconds spent in each stage (for benchmarks).
    """
    clock = _Clock(timings)
    ordered = sorted(sources, key=lambda s: s.id)
    signatures = {sig.id: sig for sig in executor.signatures(ordered, ruleset.vocabulary)}
    clock.lap("extract")
    clusters = clustering.cluster(list(signatures.values()), thresholds)
    plans, alone = assemble.plans(clusters, {s.id: s for s in ordered}, signatures)
    clock.lap("cluster")
    stories = executor.check(plans, ruleset)
    clock.lap("check")
    return StoriesResult(stories=tuple(stories), unassigned=tuple(alone),
                         urls=dict(sorted((urls or {}).items())), fail_on=ruleset.fail_on)


class _Clock:
    def __init__(self, into: MutableMapping[str, float] | None) -> None:
        self.into = into
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now
