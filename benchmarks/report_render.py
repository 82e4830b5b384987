"""Render time of the reports: the HTML page of a story told by many sources, and every
format on the seeds.

    python benchmarks/report_render.py [--sources 60,600,1000] [--against REV] [--seeds]

``--sources``: a generated story (no model needed) in which every source states five
shared slots (a toll, a count of injured, a date, a place, a quote) and five claims of
its own, with one source in ten disagreeing on the toll; the HTML page is rendered and
the time and size printed per size. Time per source should stay flat: the renderer is
linear in its input. ``--against REV`` renders the same reports with the package as it
was at git revision REV, in a subprocess, and prints both side by side (the before and
after of a change, measured in one run). ``--seeds`` times every format on the seeds and
the example draft (loads the spaCy model).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from decimal import Decimal
from io import BytesIO
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# a run measuring another revision points here at that revision's package
ROOT = Path(os.environ.get("CLAIMCHECK_BENCH_ROOT") or PROJECT_ROOT)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claimcheck.model.claims import (  # noqa: E402
    About,
    Claim,
    DateClaim,
    Event,
    LocationClaim,
    QuantityClaim,
    QuoteClaim,
)
from claimcheck.model.dates import DateValue, day_range  # noqa: E402
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict  # noqa: E402
from claimcheck.model.numbers import Interval, Qualifier, QuantityValue  # noqa: E402
from claimcheck.model.places import LocationValue, Place  # noqa: E402
from claimcheck.model.quotes import QuoteValue  # noqa: E402
from claimcheck.report.view import Report, build_report  # noqa: E402
from claimcheck.sources import Source  # noqa: E402

SENTENCE = ("Officials said {text} on Thursday after the storm reached the coast, "
            "according to the agency.")
FIRST_DAY = dt.date(2024, 7, 1)


def _claim(kind: str, source: Source, n: int, text: str, slot: str, attribute: str,
           value: object) -> Claim:
    sentence = SENTENCE.format(text=text)
    start = n * 200
    offset = sentence.index(text)
    common = {"id": f"{source.id}:{n}", "source": source.id, "text": text,
              "start": start + offset, "end": start + offset + len(text), "line": n + 1,
              "column": offset + 1, "sentence": sentence, "sentence_start": start,
              "about": About(attribute=attribute, event=Event(head="storm"), slot=slot)}
    if kind == "quantity":
        return QuantityClaim(**common, value=value)
    if kind == "date":
        return DateClaim(**common, value=value)
    if kind == "location":
        return LocationClaim(**common, value=value)
    return QuoteClaim(**common, value=value)


def story(sources: int) -> Report:
    """One story told by ``sources`` outlets, as the renderer receives it."""
    all_sources, claims, shared = [], [], {k: [] for k in range(5)}
    groups, findings = [], []
    for i in range(sources):
        source = Source(id=f"{i:04d}_article.txt", path=f"story/{i:04d}_article.txt",
                        outlet=f"Outlet {i % 97}", title=f"Storm reaches the coast ({i})",
                        published=FIRST_DAY + dt.timedelta(days=i % 5), text="x" * 2_000)
        all_sources.append(source)
        toll = 40 + (i % 5) * 3 if i % 10 else 90
        mine = [
            _claim("quantity", source, 0, f"at least {toll}", "people killed in the storm",
                   "deaths", QuantityValue(interval=Interval(low=Decimal(toll), high=None),
                                           qualifier=Qualifier.AT_LEAST, unit="person")),
            _claim("quantity", source, 1, "about 200", "people injured in the storm",
                   "injuries", QuantityValue(interval=Interval.point(Decimal(200)),
                                             qualifier=Qualifier.ABOUT, unit="person",
                                             approximate=True)),
            _claim("date", source, 2, "Thursday", "date of the storm", "date_of",
                   DateValue(range=day_range(FIRST_DAY), anchor=source.published,
                             rule="weekday")),
            _claim("location", source, 3, "Kochi", "place of the storm", "place_of",
                   LocationValue(place=Place(id="geo:kochi", name="Kochi", country="IN"))),
            _claim("quote", source, 4, "We have never seen water like this",
                   "words of the mayor", "words_of",
                   QuoteValue(quote="we have never seen water like this", speaker="the mayor")),
        ]
        for k, claim in enumerate(mine):
            shared[k].append(claim)
        for n in range(5, 10):
            own = _claim("quantity", source, n, f"{n * 7 + i} homes", f"homes lost ({i}, {n})",
                         "count", QuantityValue(interval=Interval.point(Decimal(n * 7 + i)),
                                                unit="home"))
            mine.append(own)
            group = ClaimGroup(id=f"g{i}-{n}", kind="quantity", slot=own.about.slot,
                               claims=(own.id,), why="one source")
            groups.append(group)
            findings.append(Finding(id=f"f{i}-{n}", rule="single", severity=Severity.INFO,
                                    verdict=Verdict.SINGLE_SOURCE, claims=(own.id,),
                                    message="only one source states it", group=group.id))
        claims.extend(mine)
    for k, members in shared.items():
        first = members[0]
        group = ClaimGroup(id=f"shared{k}", kind=first.kind, slot=first.about.slot,
                           claims=tuple(c.id for c in members), why="same attribute and event")
        groups.append(group)
        verdict = Verdict.CONTRADICT if k == 0 else Verdict.AGREE
        findings.append(Finding(id=f"shared{k}", rule="agreement",
                                severity=Severity.ERROR if k == 0 else Severity.INFO,
                                verdict=verdict, claims=group.claims, group=group.id,
                                message="the sources disagree" if k == 0 else "they agree"))
    return build_report("compare", all_sources, claims, groups, findings)


def measure(sizes: list[int], repeat: int) -> list[dict[str, float]]:
    from claimcheck.report.html import render_html

    render_html(story(3))  # warm: the template compiles once
    rows = []
    for size in sizes:
        report = story(size)
        best = float("inf")
        page = ""
        for _ in range(repeat):
            start = time.perf_counter()
            page = render_html(report)
            best = min(best, time.perf_counter() - start)
        rows.append({"sources": size, "claims": len(report.claims), "seconds": best,
                     "megabytes": len(page.encode("utf-8")) / 1e6})
    return rows


def _revision_tree(revision: str, into: Path) -> Path:
    """The ``claimcheck`` package as it was at ``revision``, unpacked into ``into``."""
    archive = subprocess.run(["git", "-C", str(PROJECT_ROOT), "archive", "--format=tar",
                              revision, "claimcheck"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _against(revision: str, sizes: list[int], repeat: int) -> list[dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        root = _revision_tree(revision, Path(folder))
        env = {**os.environ, "CLAIMCHECK_BENCH_ROOT": str(root), "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, __file__, "--json", "--repeat", str(repeat),
                               "--sources", ",".join(map(str, sizes))],
                              env=env, capture_output=True, text=True, check=True,
                              cwd=folder)
    result: list[dict[str, float]] = json.loads(done.stdout)
    return result


def seeds(repeat: int) -> None:
    from claimcheck import api
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.report.formats import FORMATS, render
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    nlp, ruleset = load_pipeline(), load_ruleset()
    found = load_sources([PROJECT_ROOT / "seeds"])
    (draft,) = load_sources([PROJECT_ROOT / "tests" / "examples" / "draft_syria.md"],
                            role="draft")
    reports = {"compare": api.compare(found, ruleset, nlp=nlp),
               "check": api.check(draft, found, ruleset, nlp=nlp)}
    print(f"{'mode':8} {'format':7} {'ms/report':>9}  (claims, findings)")
    for mode, report in reports.items():
        for fmt in FORMATS:
            render(report, fmt)
            start = time.perf_counter()
            for _ in range(repeat):
                render(report, fmt)
            took = (time.perf_counter() - start) / repeat * 1000
            print(f"{mode:8} {fmt:7} {took:9.2f}  ({len(report.claims)}, "
                  f"{len(report.findings)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default="60,600,1000",
                        help="comma-separated numbers of sources of the generated story")
    parser.add_argument("--repeat", type=int, default=3, help="best of N renders")
    parser.add_argument("--against", metavar="REV", help="also render with revision REV")
    parser.add_argument("--seeds", action="store_true", help="every format on the seeds")
    parser.add_argument("--quick", action="store_true", help="60 and 300 sources, once")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [60, 300] if args.quick else [int(n) for n in args.sources.split(",")]
    repeat = 1 if args.quick else args.repeat
    if args.seeds:
        seeds(repeat)
        return 0
    now = measure(sizes, repeat)
    if args.json:
        print(json.dumps(now))
        return 0
    before = _against(args.against, sizes, repeat) if args.against else None
    print("HTML page of a generated story (best of "
          f"{repeat}; s = seconds, ms/src = milliseconds per source)")
    head = f"{'sources':>7} {'claims':>7} {'s':>8} {'ms/src':>7} {'MB':>6}"
    if before:
        head += f"   {'s at ' + args.against[:10]:>16} {'ms/src':>7} {'speed-up':>8}"
    print(head)
    for index, row in enumerate(now):
        line = (f"{row['sources']:>7} {row['claims']:>7} {row['seconds']:>8.3f} "
                f"{row['seconds'] / row['sources'] * 1000:>7.2f} {row['megabytes']:>6.2f}")
        if before:
            old = before[index]
            line += (f"   {old['seconds']:>16.3f} {old['seconds'] / old['sources'] * 1000:>7.2f}"
                     f" {old['seconds'] / row['seconds']:>7.1f}×")
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
