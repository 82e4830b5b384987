"""A cold and a warm ``claimcheck check`` of one draft against many sources.

Run: ``python -m benchmarks.bench_check [--quick] [--sources N] [--jobs N]``.
Writes a generated corpus to a temporary folder and times the command line as an
editor runs it (new process each time): cold with an empty claims cache, warm with
every source cached, and after an edit of the draft (only the draft is parsed again).
The reports of the three runs must be identical apart from the edit.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import DRAFT, generate, word_count, write


def run(draft: Path, folder: Path, cache: Path, jobs: int) -> tuple[float, str]:
    command = [sys.executable, "-m", "claimcheck", "check", str(draft), "--sources",
               str(folder), "--cache", str(cache), "--no-html", "--format", "json",
               "--fail-on", "never", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"check failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="40 sources")
    args = parser.parse_args()
    count = 40 if args.quick else args.sources
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = generate(count)
        folder = write(sources, root / "sources")
        draft = root / "draft.md"
        draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
        cache = root / "cache.sqlite"
        print(f"check of one draft against {count} sources ({word_count(sources):,} words), "
              f"--jobs {args.jobs}")
        cold, cold_out = run(draft, folder, cache, args.jobs)
        warm, warm_out = run(draft, folder, cache, args.jobs)
        draft.write_text(draft.read_text(encoding="utf-8") + "\nThe talks resume on "
                         "Monday.\n", encoding="utf-8")
        edited, _ = run(draft, folder, cache, args.jobs)
        size = cache.stat().st_size
    print(f"cold (empty cache)          {cold:7.2f} s")
    print(f"warm (all cached)           {warm:7.2f} s  {warm / cold:.1%} of cold (target ≤ 10 %)")
    print(f"draft edited (draft parsed) {edited:7.2f} s  {edited / cold:.1%} of cold")
    print(f"same report cold and warm: {cold_out == warm_out}; cache file {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
