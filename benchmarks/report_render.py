"""Time every report format on the seeds (compare) and the example draft (check).

    python benchmarks/report_render.py [--repeat N]

The pipeline runs once; each renderer then runs N times and the mean is printed in
milliseconds per report. Rendering is work after spaCy and must stay far under 0.1 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from claimcheck import api  # noqa: E402
from claimcheck.nlp.pipeline import load_pipeline  # noqa: E402
from claimcheck.report.formats import FORMATS, render  # noqa: E402
from claimcheck.rules import load_ruleset  # noqa: E402
from claimcheck.sources import load_sources  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    nlp, ruleset = load_pipeline(), load_ruleset()
    seeds = load_sources([PROJECT_ROOT / "seeds"])
    (draft,) = load_sources([PROJECT_ROOT / "tests" / "examples" / "draft_syria.md"],
                            role="draft")
    reports = {"compare": api.compare(seeds, ruleset, nlp=nlp),
               "check": api.check(draft, seeds, ruleset, nlp=nlp)}
    print(f"{'mode':8} {'format':7} {'ms/report':>9}  (claims, findings)")
    for mode, report in reports.items():
        for fmt in FORMATS:
            render(report, fmt)  # warm: templates compile once
            start = time.perf_counter()
            for _ in range(args.repeat):
                render(report, fmt)
            took = (time.perf_counter() - start) / args.repeat * 1000
            print(f"{mode:8} {fmt:7} {took:9.2f}  ({len(report.claims)}, "
                  f"{len(report.findings)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
