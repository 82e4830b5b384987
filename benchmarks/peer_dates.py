"""Score the date resolver on the Recognizers-Text date cases of the peer suite.

Each expected item's span is resolved against the case's reference date:
- DateParser items pass when the past-tense resolution equals ``past`` and the
  future-tense one equals ``future`` (an impossible date, ``0001-01-01``, must not resolve);
- DateTimeModel items pass when the resolution (no tense hint) matches one candidate:
  a ``date`` by its day, a ``daterange`` by its bounds. Recognizers-Text writes range
  ends as exclusive and ``X to Y`` as half-open, so an end matches when it is the day
  after ours, our last day itself, or the first day of the month or year ours closes.
Cases that expect nothing test detection, not resolution, and are not scored here.

Usage: python benchmarks/peer_dates.py [--peer DIR] [--failures]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.extract.date_resolve import resolve_date
from claimcheck.model.dates import DateValue

PROJECT_ROOT = Path(__file__).resolve().parent.parent
IMPOSSIBLE = "0001-01-01"


def default_peer_dir() -> Path:
    """``$CLAIMCHECK_PEER_DIR``, else the first ``shared/peer`` beside the project or
    beside the folder that holds it (a checkout kept one level down)."""
    configured = os.environ.get("CLAIMCHECK_PEER_DIR")
    if configured:
        return Path(configured)
    candidates = [PROJECT_ROOT.parent / "shared" / "peer",
                  PROJECT_ROOT.parent.parent / "shared" / "peer"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def load_cases(peer: Path) -> list[dict[str, Any]]:
    with (peer / "dates.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def suite_of(case: dict[str, Any]) -> str:
    return "DateParser" if "DateParser" in case["source"] else "DateTimeModel"


def _anchor(case: dict[str, Any]) -> date | None:
    ref = case.get("reference_date")
    return date.fromisoformat(ref) if ref else None


def _day_of(value: DateValue | None) -> str | None:
    if value is None:
        return IMPOSSIBLE
    start, end = value.bounds()
    return start.isoformat() if start is not None and start == end else None


def _end_matches(ours: date | None, theirs: str | None) -> bool:
    if theirs is None or ours is None:
        return theirs is None and ours is None
    end = date.fromisoformat(theirs)
    if end in (ours, ours + timedelta(days=1)):
        return True
    closes_month = (ours + timedelta(days=1)).day == 1 and end == ours.replace(day=1)
    closes_year = ours.month == 12 and ours.day == 31 and end == date(ours.year, 1, 1)
    return closes_month or closes_year


def _candidate_matches(value: DateValue, candidate: dict[str, Any]) -> bool:
    if "value" in candidate and candidate.get("value"):
        return bool(_day_of(value) == candidate["value"])
    low, high = value.bounds()
    start = candidate.get("start")
    if (start is None) != (low is None) or (start and low and date.fromisoformat(start) != low):
        return False
    return _end_matches(high, candidate.get("end"))


def score_item(case: dict[str, Any], item: dict[str, Any]) -> tuple[bool, str]:
    """Whether one expected item resolves right, and what we produced (for the failure list)."""
    anchor = _anchor(case)
    if suite_of(case) == "DateParser":
        past = resolve_date(item["span"], anchor, tense="past")
        future = resolve_date(item["span"], anchor, tense="future")
        days = (_day_of(past), _day_of(future))
        return days == (item["past"], item["future"]), f"past={days[0]} future={days[1]}"
    value = resolve_date(item["span"], anchor)
    if value is None:
        return False, "None"
    got = f"{value.bounds()[0]}..{value.bounds()[1]}"
    return any(_candidate_matches(value, c) for c in item["candidates"]), got


def run_dates(cases: list[dict[str, Any]]) -> tuple[int, int, list[str]]:
    """(passed, total, failures) over the cases that expect a date; a case passes when
    all of its items do."""
    passed = total = 0
    failures: list[str] = []
    for case in cases:
        if not case["expected"]:
            continue
        total += 1
        results = [score_item(case, item) for item in case["expected"]]
        if all(ok for ok, _ in results):
            passed += 1
        else:
            wrong = "; ".join(f"{item['span']!r} -> {got}" for item, (ok, got)
                              in zip(case["expected"], results, strict=True) if not ok)
            failures.append(f"{case['id']} [{case.get('reference_date')}] {wrong}")
    return passed, total, failures


def rates(cases: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """(passed, total) per suite and overall."""
    out: dict[str, tuple[int, int]] = {}
    groups: Counter[str] = Counter(suite_of(c) for c in cases)
    for suite in sorted(groups):
        passed, total, _ = run_dates([c for c in cases if suite_of(c) == suite])
        out[suite] = (passed, total)
    passed, total, _ = run_dates(cases)
    out["overall"] = (passed, total)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, default=None)
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    args = parser.parse_args(argv)
    cases = load_cases(args.peer or default_peer_dir())
    for suite, (passed, total) in rates(cases).items():
        print(f"dates {suite:14s} {passed:4d}/{total:<4d} {100 * passed / max(total, 1):5.1f} %")
    if args.failures:
        for line in run_dates(cases)[2]:
            print("  FAIL", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
