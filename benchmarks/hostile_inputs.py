"""How long degenerate and long texts take after spaCy, and how that grows.

Run: ``python -m benchmarks.hostile_inputs [--quick]``. For each case it prints the CPU
seconds of extraction and grouping after spaCy for the text at size n and 2n, and their
ratio: about 2 means linear, 4 quadratic. Then the cost of reading suppression markers,
masking comments and reading number words at growing sizes. A pre-publication check runs
unattended on whatever lands in a folder; none of these may grow faster than the text.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from claimcheck.sources import mask_comments, source_from_text

PARAGRAPH = ("At least {n} people were killed on Friday in clashes near Damascus, officials "
             "said, and more than 1,200 were injured in the fighting that began on Aug. 21.\n\n")

# each case builds a text from a size n (about n repetitions of its pattern)
CASES: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "40" + " " * (10 * n) + " people died.",
    "open-quotes": lambda n: "“" * (4 * n) + "40 people died.",
    "parentheses": lambda n: "(" * (3 * n) + "40" + ")" * (3 * n),
    "capitals": lambda n: "Damascus Bishkek " * n,
    "datelines": lambda n: "BISHKEK — " * n,
    "qualifiers": lambda n: "more than " * n + "40 people died.",
    "between": lambda n: "between 1 and " * n + "2 people died.",
    "said-quotes": lambda n: '"We will win," he said. ' * (n // 2),
    "percentages": lambda n: "5% " * (3 * n),
    "dates": lambda n: "Aug. 21 " * (3 * n),
    "number-words": lambda n: "one two three four five six seven eight nine ten " * (n // 4),
    "hyphenated-numbers": lambda n: "-".join(["two"] * (3 * n)),
    "long-article": lambda n: "".join(PARAGRAPH.format(n=i) for i in range(n // 2)),
}


def _cpu(work: Callable[[], Any]) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller texts")
    args = parser.parse_args()
    size = 100 if args.quick else 400

    from claimcheck.extract.claims import extract_claims
    from claimcheck.link import link
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.rules import load_ruleset, parse_suppressions

    nlp = load_pipeline()
    vocabulary = load_ruleset().vocabulary
    warm = "At least 40 people were killed near Damascus on Aug. 21, 2013, he said."
    extract_claims(nlp(warm), source_from_text(warm, "warm.txt"), vocabulary)

    print(f"{'case':<20} {'chars n':>9} {'s at n':>8} {'s at 2n':>8} {'ratio':>6}")
    for name, make in CASES.items():
        timings = []
        for n in (size, 2 * size):
            text = make(n)
            source = source_from_text(text, "case.txt")
            doc = nlp(source.body)

            def work(doc: Any = doc, source: Any = source) -> None:
                link(extract_claims(doc, source, vocabulary), vocabulary)

            timings.append((len(text), _cpu(work)))
        (chars, small), (_, large) = timings
        ratio = large / small if small > 1e-4 else float("nan")
        print(f"{name:<20} {chars:>9,} {small:>8.3f} {large:>8.3f} {ratio:>6.1f}")

    print()
    for label, make_text in (
        ("unclosed marker, spaces", lambda n: "[claimcheck: ignore x -- " + " " * n + "y\n"),
        ("unclosed comments", lambda n: "<!--" * n),
    ):
        for n in (10_000, 100_000):
            text = make_text(n)
            if label.startswith("unclosed marker"):
                seconds = _cpu(lambda text=text: parse_suppressions(text, "d.md"))
            else:
                seconds = _cpu(lambda text=text: mask_comments(text))
            print(f"{label:<26} n={n:>7,}: {seconds * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
