"""Grouping of extracted claims as the number of sources grows.

Run: ``python -m benchmarks.bench_grouping [--sizes 50,100,200,1000] [--cache PATH]``.
Extracts the claims of generated articles (``benchmarks.corpus``) once, through the
claims cache (``.claimcheck/bench-grouping.sqlite`` by default, so later runs start
warm), then times ``link`` (grouping: blocks, complete-link clusters, quotes) on the
first N sources for each N in one process, and prints the claims, the groups, the
``compatibility`` calls and the seconds (wall and CPU); the ratio of each size's CPU
time to the one before shows the growth (2.0 per doubling is linear). CPU seconds are
the fairer figure on a machine busy with other work.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.corpus import generate
from claimcheck import complete_link
from claimcheck.api import pipeline_claims
from claimcheck.cache import ClaimStore
from claimcheck.link import link
from claimcheck.model.claims import Claim
from claimcheck.nlp.identity import LazyPipeline
from claimcheck.rules import load_ruleset
from claimcheck.sources import Source

DEFAULT_CACHE = Path(".claimcheck") / "bench-grouping.sqlite"


def claims_of(sources: list[Source], cache: Path) -> list[list[Claim]]:
    ruleset = load_ruleset()
    per_source = []
    with ClaimStore(cache) as store:
        for source in sources:  # one at a time: each source's claims kept apart
            per_source.append(pipeline_claims([source], ruleset, LazyPipeline(None),
                                              store=store))
    return per_source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50,100,200")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))
    sources = generate(max(sizes))
    start = time.perf_counter()
    per_source = claims_of(sources, args.cache)
    print(f"claims of {len(sources)} generated sources in {time.perf_counter() - start:.1f} s "
          f"(cache {args.cache})")
    calls = [0]
    compatibility = complete_link.compatibility

    def counted(*pair: object) -> object:
        calls[0] += 1
        return compatibility(*pair)  # type: ignore[arg-type]

    complete_link.compatibility = counted  # type: ignore[assignment]
    print(f"{'sources':>8} {'claims':>7} {'groups':>7} {'calls':>9} {'link s':>8} "
          f"{'cpu s':>7} {'ratio':>6}")
    before: float | None = None
    for size in sizes:
        claims = [c for claims in per_source[:size] for c in claims]
        published = {s.id: s.published for s in sources[:size]}
        calls[0] = 0
        start, cpu = time.perf_counter(), time.process_time()
        groups = link(claims, published=published)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        ratio = f"{cpu / before:6.2f}" if before else "     -"
        print(f"{size:>8,} {len(claims):>7,} {len(groups):>7,} {calls[0]:>9,} "
              f"{elapsed:>8.2f} {cpu:>7.2f} {ratio}", flush=True)
        before = cpu


if __name__ == "__main__":
    main()
