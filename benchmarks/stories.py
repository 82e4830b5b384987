"""Stories on the GVA set: how well the pile is sorted, and how fast.

Run from the repository root:

    python -m benchmarks.stories                 # B-cubed on the dev and held-out halves
    python -m benchmarks.stories --speed         # articles/s and peak memory, local and Dask
    python -m benchmarks.stories --speed --sizes 100,300 --quick-speed   # a small try

**Scores.** The articles of all GVA incidents are poured into one pile per half (incidents
split by a hash of their id), clustered as ``claimcheck stories`` clusters them, and
scored with B-cubed precision, recall and F1 against the incidents; thresholds were tuned
on the dev half only. Claims come from the claims cache (``--cache``, default
``.claimcheck/cache.sqlite``): the first run parses every article (minutes), later runs
read them. A text-only row (signatures without claims) shows what the claims add.

**Speed.** Each configuration (pile size × executor) runs in a fresh process with no
cache, so parsing is timed as a first run pays it, and peak memory (the largest resident
set of the process, plus that of the largest parsing process for ``local`` and of each
worker for Dask) is its own. Prints articles per second,
seconds per article (flat as the pile grows, if nothing is quadratic), the share of time
in clustering, and peak memory. Other work on the machine slows every row alike: compare
rows of one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.gva_pile import ROOT, gva_dir, load
from benchmarks.stories_score import bcubed


def _claims(sources: list[Any], cache: Path | None) -> dict[str, list[Any]]:
    from claimcheck import parallel
    from claimcheck.cache import ClaimStore
    from claimcheck.nlp.identity import LazyPipeline
    from claimcheck.progress import terminal_progress
    from claimcheck.rules import load_ruleset

    vocabulary = load_ruleset().vocabulary
    store = ClaimStore(cache) if cache is not None else None
    try:
        per_source = parallel.extract_sources(sources, vocabulary, LazyPipeline(None),
                                              store=store, progress=terminal_progress)
    finally:
        if store is not None:
            store.close()
    return {s.id: claims for s, claims in zip(sources, per_source, strict=True)}


def scores(cache: Path | None) -> None:
    from claimcheck.story.clustering import cluster
    from claimcheck.story.inputs import read_pile
    from claimcheck.story.signature import signature

    folder = gva_dir()
    if folder is None:
        print("GVA set not found (../shared/news/gva or $CLAIMCHECK_NEWS_DIR): skipped")
        return
    records, gold, halves = load(folder)
    pile = read_pile(records)
    claims = _claims(list(pile.sources), cache)
    print(f"{len(pile.sources)} articles, {len(set(gold.values()))} incidents")
    print(f"{'half':10} {'signals':14} {'articles':>8} {'incidents':>9} {'stories':>7} "
          f"{'P':>6} {'R':>6} {'F1':>6} {'cluster s':>9}")
    for which in ("dev", "held_out"):
        members = [s for s in pile.sources if halves[gold[s.id]] == which]
        incidents = len({gold[s.id] for s in members})
        for label, use_claims in (("claims + text", True), ("text only", False)):
            start = time.perf_counter()
            signatures = [signature(s, claims[s.id] if use_claims else []) for s in members]
            clusters = cluster(signatures)
            took = time.perf_counter() - start
            precision, recall, f1 = bcubed(clusters, gold)
            stories = sum(1 for group in clusters if len(group) > 1)
            print(f"{which:10} {label:14} {len(members):8} {incidents:9} {stories:7} "
                  f"{precision:6.3f} {recall:6.3f} {f1:6.3f} {took:9.2f}")


# -- speed ---------------------------------------------------------------------------


def one_run(size: int, executor: str, workers: int) -> dict[str, Any]:
    """One timed run in this process (no cache): what the parent prints as a row."""
    from claimcheck.rules import load_ruleset
    from claimcheck.story.api import make_executor
    from claimcheck.story.inputs import read_pile
    from claimcheck.story.run import find_stories

    folder = gva_dir()
    assert folder is not None
    records, _, _ = load(folder)
    pile = read_pile(records[:size] if size else records)
    words = sum(len(s.text.split()) for s in pile.sources)
    ruleset = load_ruleset()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    runner = make_executor(executor, workers=workers, jobs=workers)
    started = time.perf_counter() - start
    worker_peaks: list[int] = []
    try:
        result = find_stories(pile.sources, ruleset, runner, timings=timings)
        if executor == "dask":
            peaks = runner.client.run(_peak_kib)
            worker_peaks = sorted(int(v) for v in peaks.values())
    finally:
        runner.close()
    if executor == "local":  # the parsing processes (--jobs), once they have ended
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        worker_peaks = [children] if children else []
    total = time.perf_counter() - start
    return {"articles": len(pile.sources), "words": words, "executor": executor,
            "workers": workers, "seconds": total, "startup": started, **timings,
            "stories": len(result.stories), "peak_kib": _peak_kib(),
            "worker_peak_kib": worker_peaks}


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def speed(sizes: list[int], workers: int) -> None:
    if gva_dir() is None:
        print("GVA set not found: skipped")
        return
    print(f"{'articles':>8} {'executor':10} {'art/s':>6} {'s/art':>6} {'words/s':>7} "
          f"{'extract':>7} {'cluster':>7} {'check':>6} {'cluster%':>8} {'peak MB':>14}")
    for size in sizes:
        for executor in ("local", "dask"):
            command = [sys.executable, "-m", "benchmarks.stories", "--one", str(size),
                       executor, str(workers)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  check=False)
            if done.returncode != 0:
                print(f"{size:8} {executor:10} failed: {done.stderr.strip()[-300:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            seconds = row["seconds"]
            label = executor if executor == "local" else f"dask x{workers}"
            peak = f"{row['peak_kib'] / 1024:.0f}"
            if row["worker_peak_kib"]:
                peak += " + " + "/".join(f"{k / 1024:.0f}" for k in row["worker_peak_kib"])
            print(f"{row['articles']:8} {label:10} {row['articles'] / seconds:6.1f} "
                  f"{seconds / row['articles']:6.3f} {row['words'] / seconds:7.0f} "
                  f"{row.get('extract', 0):7.1f} {row.get('cluster', 0):7.2f} "
                  f"{row.get('check', 0):6.1f} {100 * row.get('cluster', 0) / seconds:7.1f}% "
                  f"{peak:>14}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=ROOT / ".claimcheck" / "cache.sqlite",
                        help="claims cache for the scores (default .claimcheck/cache.sqlite)")
    parser.add_argument("--speed", action="store_true", help="time runs instead of scoring")
    parser.add_argument("--sizes", default="500,2000,0",
                        help="pile sizes for --speed (0 = every article)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one", nargs=3, metavar=("SIZE", "EXECUTOR", "WORKERS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, executor, workers = args.one
        print(json.dumps(one_run(int(size), executor, int(workers))))
    elif args.speed:
        speed([int(n) for n in args.sizes.split(",")], args.workers)
    else:
        scores(args.cache)


if __name__ == "__main__":
    main()
