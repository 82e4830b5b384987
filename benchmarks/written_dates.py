"""Score dates in sentences written for claimcheck, end to end through ``claimcheck parse``.

    python -m benchmarks.written_dates [--set dev|held] [--failures]

The peer suites are a sample of what other projects test; these sentences
(``benchmarks/data/written_dates.tsv``) are news phrasing of each date form claimcheck
reads, written here and never taken from a shared text. The ``dev`` set is what the
rules were tuned on; the ``held`` set was written after, to measure how general they
are. A case passes when a date is found with exactly the expected text, first and last
day and extent, and, for ``NONE``, when no date is found at all.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

DATA = Path(__file__).resolve().parent / "data" / "written_dates.tsv"
SETS = ("dev", "held")


@dataclass(frozen=True)
class Case:
    set: str
    published: date
    sentence: str
    span: str | None  # None: no date may be found
    start: str | None
    end: str | None
    extent: str | None


def load(path: Path = DATA) -> list[Case]:
    cases: list[Case] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[3] == "NONE":
            cases.append(Case(fields[0], date.fromisoformat(fields[1]), fields[2],
                              None, None, None, None))
        else:
            kind, published, sentence, span, start, end, extent = fields
            cases.append(Case(kind, date.fromisoformat(published), sentence, span, start,
                              end, extent))
    return cases


def found_dates(cases: list[Case]) -> list[list[dict[str, Any]]]:
    """The dates ``claimcheck parse`` finds in each case, against its publication date."""
    from claimcheck.cli.parse_view import parse_texts

    by_day: dict[date, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        by_day[case.published].append(index)
    out: list[list[dict[str, Any]]] = [[] for _ in cases]
    for day, indexes in by_day.items():
        results = parse_texts([cases[i].sentence for i in indexes], day, None)
        for index, values in zip(indexes, results, strict=True):
            out[index] = [v for v in values if v["kind"] == "date"]
    return out


def passes(case: Case, dates: list[dict[str, Any]]) -> bool:
    if case.span is None:
        return not dates
    return any(d["text"] == case.span and d["value"].get("start") == case.start
               and d["value"].get("end") == case.end and d["value"].get("extent") == case.extent
               for d in dates)


def rates(cases: list[Case], found: list[list[dict[str, Any]]]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, dates in zip(cases, found, strict=True):
        table[case.set][0] += passes(case, dates)
        table[case.set][1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def _shown(dates: list[dict[str, Any]]) -> str:
    return ", ".join(f"{d['text']!r}={d['value'].get('extent')} {d['value'].get('start')}.."
                     f"{d['value'].get('end')}" for d in dates) or "nothing"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="only this set")
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    args = parser.parse_args(argv)
    cases = [c for c in load() if c.set in (args.set or SETS)]
    found = found_dates(cases)
    for name, (passed, total) in sorted(rates(cases, found).items()):
        print(f"{name:<6} {passed:3d}/{total:<3d} {100 * passed / total:5.1f} %")
    if args.failures:
        for case, dates in zip(cases, found, strict=True):
            if not passes(case, dates):
                want = ("no date" if case.span is None else
                        f"{case.span!r}={case.extent} {case.start}..{case.end}")
                print(f"FAIL [{case.set}] {case.published} {case.sentence}\n"
                      f"     want {want}\n     found {_shown(dates)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
