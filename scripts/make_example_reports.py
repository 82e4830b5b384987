"""Regenerate the example reports in reports/examples/ with one command:

    python scripts/make_example_reports.py [--out DIR]

``seeds.html`` compares the seed articles; ``draft_syria.html`` checks the example draft
against them. Paths in the reports are relative to the repository, so the output does
not depend on where it was made; tests/report/test_examples.py checks they are current.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "examples"
SEEDS = Path("seeds")
DRAFT = Path("tests") / "examples" / "draft_syria.md"
# a draft without a date in its front matter is anchored here, not "today", so the
# example does not change from day to day
DRAFT_PUBLISHED = dt.date(2013, 9, 14)


def build(out: Path, nlp: object = None) -> list[Path]:
    """Write both reports into ``out``; returns their paths."""
    sys.path.insert(0, str(ROOT))
    from claimcheck import api
    from claimcheck.report.html import render_html
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    if nlp is None:
        from claimcheck.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
    ruleset = load_ruleset()
    cwd = Path.cwd()
    os.chdir(ROOT)  # relative paths in the reports
    try:
        seeds = load_sources([SEEDS])
        compare = api.compare(seeds, ruleset, nlp=nlp)
        (draft,) = load_sources([DRAFT], role="draft", published=DRAFT_PUBLISHED)
        if draft.published is None:
            draft = draft.model_copy(update={"published": DRAFT_PUBLISHED})
        check = api.check(draft, seeds, ruleset, nlp=nlp)
    finally:
        os.chdir(cwd)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, report in (("seeds.html", compare), ("draft_syria.html", check)):
        target = out / name
        target.write_text(render_html(report), encoding="utf-8", newline="\n")
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
