"""The rules stage with quote pairs skipped against the pairwise loop, side by side.

Run: ``python -m benchmarks.quote_pairs [--articles 600] [--runs 3] [--cache PATH] [--quick]``.
Extracts and groups the claims of generated articles (``benchmarks.corpus``) once, through
the claims cache (``.claimcheck/bench-grouping.sqlite`` by default, shared with
``benchmarks.bench_grouping``, so later runs start warm), then times ``evaluate_compare``
in turns: as it is, and with the quote rule relating every pair of classes (the
generic ``AgreementRule.class_relations``). Prints the best CPU seconds of each and
whether their findings are the same bytes (they must be).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from unittest import mock

from benchmarks.bench_grouping import DEFAULT_CACHE, claims_of
from benchmarks.corpus import generate
from claimcheck.link import link
from claimcheck.model.claims import Claim
from claimcheck.model.findings import ClaimGroup
from claimcheck.rules import evaluate_compare, load_ruleset
from claimcheck.rules.kinds import AgreementRule
from claimcheck.rules.kinds.quote import QuoteFidelity


@contextmanager
def pairwise() -> Iterator[None]:
    """The quote rule relating every pair of classes, as every other kind does."""
    with mock.patch.object(QuoteFidelity, "class_relations", AgreementRule.class_relations):
        yield


def timed(groups: Sequence[ClaimGroup], by_id: Mapping[str, Claim],
          mode: Callable[[], AbstractContextManager[None]]) -> tuple[float, list[str]]:
    ruleset = load_ruleset()
    with mode():
        cpu = time.process_time()
        found = evaluate_compare(groups, by_id, ruleset)
        cpu = time.process_time() - cpu
    return cpu, [f.model_dump_json() for f in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--quick", action="store_true", help="60 articles, one run")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.runs = 60, 1
    sources = generate(args.articles)
    claims = [c for per_source in claims_of(sources, args.cache) for c in per_source]
    groups = link(claims, published={s.id: s.published for s in sources})
    by_id = {c.id: c for c in claims}
    modes: dict[str, Callable[[], AbstractContextManager[None]]] = {
        "skipping quote pairs": nullcontext, "every quote pair": pairwise}
    best = dict.fromkeys(modes, float("inf"))
    outputs: dict[str, list[str]] = {}
    for _ in range(args.runs):
        for name, mode in modes.items():
            cpu, outputs[name] = timed(groups, by_id, mode)
            best[name] = min(best[name], cpu)
    print(f"rules stage on {len(sources)} generated articles ({len(claims):,} claims, "
          f"{len(groups):,} groups), best CPU seconds of {args.runs}:")
    for name, seconds in best.items():
        print(f"  {name:>20}: {seconds:6.2f} s")
    same = len({tuple(found) for found in outputs.values()}) == 1
    print(f"  findings: {len(outputs['every quote pair']):,}, "
          f"{'the same bytes' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
