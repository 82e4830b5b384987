"""Is the extraction after spaCy linear on number-heavy text? Double and see, per finder.

Run: ``python -m benchmarks.extract_doubling [--shapes number-lists,number-words]
[--steps N] [--base CHARS]``. For each shape of ``benchmarks.doubling`` it parses the
article at size n, 2n, 4n… once, then times (CPU seconds) the amount reader alone
(``parse_amounts``, no model), each finder on the parsed Doc, and the whole claim
extraction, and prints the ratio of each step to the one before (2.0 is linear, 4.0
quadratic). spaCy's own time is left out: this is what claimcheck adds after it.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from typing import Any

from benchmarks.doubling import SHAPES


def _cpu(work: Callable[[], Any]) -> float:
    gc.collect()
    began = time.process_time()
    work()
    return time.process_time() - began


def _times(source: Any, doc: Any, finders: list[Any], vocabulary: Any) -> list[float]:
    """CPU seconds of the amount reader, of each finder and of the whole extraction."""
    from claimcheck.extract.amounts import parse_amounts
    from claimcheck.extract.claims import extract_claims

    times = [_cpu(lambda: parse_amounts(source.readable_body))]
    times += [_cpu(lambda f=finder: f(doc, source.published)) for finder in finders]
    times.append(_cpu(lambda: extract_claims(doc, source, vocabulary)))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shapes", default="number-lists,number-words")
    parser.add_argument("--steps", type=int, default=3, help="sizes per shape (doubling)")
    parser.add_argument("--base", type=int, default=25_000, help="first size in characters")
    args = parser.parse_args()

    from claimcheck.extract.claims import default_finders, extract_claims
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.rules.loader import default_pack, load_pack
    from claimcheck.sources import source_from_text

    nlp = load_pipeline()
    vocabulary = load_pack(default_pack())[1]
    assert vocabulary is not None
    finders = default_finders()
    warm = source_from_text(SHAPES["long-article"][0](3000), "warm.txt")
    extract_claims(nlp(warm.readable_body), warm, vocabulary)  # imports, tables, caches
    print(f"{'shape':<14} {'chars':>8}  " + "  ".join(
        f"{name:>16}" for name in ("amounts", *(f.__module__.split(".")[-1] for f in finders),
                                   "extraction")))
    for shape in [s for s in args.shapes.split(",") if s]:
        build = SHAPES[shape][0]
        previous: list[float] = []
        for step in range(args.steps):
            chars = args.base * 2 ** step
            source = source_from_text(build(chars), f"{shape}.txt")
            times = _times(source, nlp(source.readable_body), finders, vocabulary)
            cells = [f"{t:7.2f}s" + (f" x{t / p:4.2f}" if previous and p > 0.01 else "      ")
                     for t, p in zip(times, previous or times, strict=True)]
            print(f"{shape:<14} {chars:>8}  " + "  ".join(f"{c:>16}" for c in cells))
            previous = times


if __name__ == "__main__":
    main()
