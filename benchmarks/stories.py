"""Stories on the GVA set: how well the pile is sorted, and how fast.

Run from the repository root:

    python -m benchmarks.stories                 # B-cubed on the dev and held-out halves
    python -m benchmarks.stories --speed         # articles/s and peak memory, local and Dask
    python -m benchmarks.stories --speed --quick # 100 and 200 articles: a small try

**Scores.** The articles of all GVA incidents are poured into one pile per half (incidents
split by a hash of their id), clustered as ``claimcheck stories`` clusters them, and
scored with B-cubed precision, recall and F1 against the incidents; thresholds were tuned
on the dev half only. Claims come from the claims cache (``--cache``, default
``.claimcheck/cache.sqlite``): the first run parses every article (minutes), later runs
read them. A text-only row (signatures without claims) shows what the claims add.

**Speed.** Each configuration (pile size × executor) runs in a fresh process, first with
an empty claims cache, so parsing is timed as a first run pays it, then again reading
that cache (a rerun: clustering and checks only; its output must be the same bytes).
Peak memory (the largest resident
set of the process, plus that of the largest parsing process for ``local`` and of each
worker for Dask) is its own. Prints articles per second,
seconds per article (flat as the pile grows, if nothing is quadratic), the stages' seconds
(start-up of the executor, extraction, clustering, checks), the share of time in
clustering, the rerun's articles per second, and peak memory. Other work on the machine
slows every row alike: compare rows of one run.
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


def one_run(size: int, executor: str, workers: int, cache: Path) -> dict[str, Any]:
    """One timed run in this process with an empty claims cache (a first run pays for
    parsing), then the same again reading it (a rerun): what the parent prints as a row."""
    from claimcheck.cache import ClaimStore
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
    for stale in (cache, cache.with_name(cache.name + "-wal"),
                  cache.with_name(cache.name + "-shm")):
        stale.unlink(missing_ok=True)
    rows: list[dict[str, float]] = []
    worker_peaks: list[int] = []
    outputs = []
    for _ in ("cold", "warm"):
        timings: dict[str, float] = {}
        start = time.perf_counter()
        with ClaimStore(cache) as store:
            runner = make_executor(executor, workers=workers, jobs=workers, store=store)
            timings["startup"] = time.perf_counter() - start
            try:
                result = find_stories(pile.sources, ruleset, runner, timings=timings)
                if executor == "dask" and not worker_peaks:  # the cold run's workers
                    peaks = runner.client.run(_peak_kib)
                    worker_peaks = sorted(int(v) for v in peaks.values())
            finally:
                runner.close()
        timings["seconds"] = time.perf_counter() - start
        rows.append(timings)
        outputs.append(result.render("json"))
    if executor == "local":  # the parsing processes (--jobs), once they have ended
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        worker_peaks = [children] if children else []
    return {"articles": len(pile.sources), "words": words, "executor": executor,
            "workers": workers, "cold": rows[0], "warm": rows[1],
            "same": outputs[0] == outputs[1], "stories": len(result.stories),
            "peak_kib": _peak_kib(), "worker_peak_kib": worker_peaks}


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def speed(sizes: list[int], workers: int, cache_dir: Path) -> None:
    if gva_dir() is None:
        print("GVA set not found: skipped")
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>8} {'executor':9} {'art/s':>6} {'s/art':>6} {'words/s':>7} "
          f"{'start':>5} {'extract':>7} {'cluster':>7} {'check':>6} {'cluster%':>8} "
          f"{'rerun art/s':>11} {'peak MB':>14}")
    for size in sizes:
        for executor in ("local", "dask"):
            cache = cache_dir / f"{size}-{executor}.sqlite"
            command = [sys.executable, "-m", "benchmarks.stories", "--one", str(size),
                       executor, str(workers), str(cache)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  check=False)
            if done.returncode != 0:
                print(f"{size:8} {executor:9} failed: {done.stderr.strip()[-300:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            cold, warm = row["cold"], row["warm"]
            seconds, count = cold["seconds"], row["articles"]
            label = "local" if executor == "local" else "dask"
            label += f" x{workers}"
            peak = f"{row['peak_kib'] / 1024:.0f}"
            if row["worker_peak_kib"]:
                peak += " + " + "/".join(f"{k / 1024:.0f}" for k in row["worker_peak_kib"])
            same = "" if row["same"] else "  (rerun differs!)"
            print(f"{count:8} {label:9} {count / seconds:6.1f} {seconds / count:6.3f} "
                  f"{row['words'] / seconds:7.0f} {cold.get('startup', 0):5.1f} "
                  f"{cold.get('extract', 0):7.1f} {cold.get('cluster', 0):7.2f} "
                  f"{cold.get('check', 0):6.1f} {100 * cold.get('cluster', 0) / seconds:7.1f}% "
                  f"{count / warm['seconds']:11.1f} {peak:>14}{same}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=ROOT / ".claimcheck" / "cache.sqlite",
                        help="claims cache for the scores (default .claimcheck/cache.sqlite)")
    parser.add_argument("--speed", action="store_true", help="time runs instead of scoring")
    parser.add_argument("--sizes", default="500,2000,0",
                        help="pile sizes for --speed (0 = every article)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="--speed on 100 and 200 articles")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / ".claimcheck" / "bench",
                        help="where --speed keeps the cache of each run (emptied first)")
    parser.add_argument("--one", nargs=4, metavar=("SIZE", "EXECUTOR", "WORKERS", "CACHE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        size, executor, workers, cache = args.one
        print(json.dumps(one_run(int(size), executor, int(workers), Path(cache))))
    elif args.speed:
        sizes = "100,200" if args.quick else args.sizes
        speed([int(n) for n in sizes.split(",")], args.workers, args.cache_dir)
    else:
        scores(args.cache)


if __name__ == "__main__":
    main()
