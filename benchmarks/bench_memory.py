"""Peak memory of a ``compare`` over many articles.

Run: ``python -m benchmarks.bench_memory [--quick] [--articles N] [--jobs N]``.
Extracts a generated corpus (no cache) in this process, with ``--with-rules`` also
groups and judges it, and prints the peak resident memory (``getrusage``) after loading
the pipeline, after extraction and at the end, with the number of claims: memory should
follow the claims, not the texts already parsed (Docs are dropped batch by batch).
Compare ``--quick`` (200 articles) with the default (1,000) to see the growth.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from benchmarks.corpus import generate, word_count
from claimcheck import api
from claimcheck.nlp.pipeline import load_pipeline
from claimcheck.rules import load_ruleset

_KIB = 1024 if sys.platform != "darwin" else 1  # ru_maxrss: KiB on Linux, bytes on macOS


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss * _KIB / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="200 articles")
    parser.add_argument("--with-rules", action="store_true",
                        help="also group and judge, as compare does")
    args = parser.parse_args()
    count = 200 if args.quick else args.articles
    ruleset = load_ruleset()
    nlp = load_pipeline()
    sources = generate(count)
    print(f"{count} articles, {word_count(sources):,} words, "
          f"{sum(len(s.text) for s in sources) / 2**20:.1f} MiB of text")
    print(f"peak after loading            {peak_mib():8.0f} MiB")
    start = time.perf_counter()
    claims = api.pipeline_claims(sources, ruleset, nlp, jobs=args.jobs)
    extracted = time.perf_counter() - start
    print(f"peak after extraction         {peak_mib():8.0f} MiB  ({len(claims):,} claims, "
          f"{extracted:.0f} s)")
    if args.with_rules:
        report = api.compare(sources, ruleset, nlp=nlp, claims=claims)
        print(f"peak after grouping and rules {peak_mib():8.0f} MiB  "
              f"({len(report.groups):,} groups, {len(report.findings):,} findings)")
    if args.jobs > 1:
        print(f"largest worker peak           {peak_mib(resource.RUSAGE_CHILDREN):8.0f} MiB")
    peak = max(peak_mib(), peak_mib(resource.RUSAGE_CHILDREN))
    print(f"within the 1,536 MiB target: {peak <= 1536}")


if __name__ == "__main__":
    main()
