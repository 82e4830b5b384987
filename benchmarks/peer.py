"""Run the peer test suites (cases written by other projects) and print pass rates.

    python benchmarks/peer.py [--peer DIR] [--suite NAME ...] [--quiet]

The peer folder defaults to ``../shared/peer`` beside the project root (the nearest
ancestor holding ``shared/peer``). Each suite is a
runner registered in ``SUITES``: a function from the peer folder to a list of
``CaseResult``. A case passes when every expected item is matched by a found amount
whose span overlaps it and whose value agrees (see ``match_item``), and, for a case that
expects nothing, when nothing of the suite's kind is found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from claimcheck.extract.amounts import Amount, parse_amounts  # noqa: E402


def default_peer() -> Path:
    """``$CLAIMCHECK_PEER_DIR``, else ``../shared/peer`` beside the project root (or beside
    one of its parent folders)."""
    configured = os.environ.get("CLAIMCHECK_PEER_DIR")
    if configured:
        return Path(configured)
    for folder in PROJECT_ROOT.parents:
        candidate = folder / "shared" / "peer"
        if candidate.is_dir():
            return candidate
    return PROJECT_ROOT.parent / "shared" / "peer"


RELATIVE = Decimal("1e-6")


@dataclass
class CaseResult:
    id: str
    text: str
    passed: bool
    problems: list[str] = field(default_factory=list)


Runner = Callable[[Path], list[CaseResult]]


def _load(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _close(found: Decimal | None, expected: Any) -> bool:
    if expected is None:
        return found is None
    if found is None:
        return False
    want = Decimal(str(expected))
    return abs(found - want) <= max(abs(want), Decimal(1)) * RELATIVE


def _overlaps(amount: Amount, item: dict[str, Any]) -> bool:
    return bool(amount.start < item["end"] and item["start"] < amount.end)


def match_item(amount: Amount, item: dict[str, Any]) -> bool:
    """Whether a found amount stands for an expected item.

    Spans must overlap (suites differ on whether the qualifier or currency belongs to the
    span). A point is compared with the number as stated: the suites annotate "more than
    $ 247 million" as the point 247 000 000. A range is compared by its bounds, not its
    brackets (Recognizers-Text writes "X to Y" as half-open). A one-sided range also
    needs its finite bound's inclusiveness right ("more than" is not "at least").
    """
    if not _overlaps(amount, item):
        return False
    value = amount.value
    interval = value.interval
    low, high = item.get("low"), item.get("high")
    if item.get("value") is None and low is None and high is None:
        return True  # a unit mentioned without a number: any overlap will do
    if low is not None and high is not None and low == high:
        return _close(value.stated, low) or (
            _close(interval.low, low) and _close(interval.high, high))
    if low is not None and high is not None:
        return _close(interval.low, low) and _close(interval.high, high)
    if low is not None:
        return (_close(interval.low, low) and interval.high is None
                and interval.low_inclusive == bool(item.get("low_inclusive")))
    if high is not None:
        return (_close(interval.high, high) and interval.low in (None, Decimal(0))
                and interval.high_inclusive == bool(item.get("high_inclusive")))
    return _close(value.stated, item.get("value"))


def score_case(case: dict[str, Any], amounts: list[Amount],
               relevant: Callable[[Amount], bool]) -> CaseResult:
    expected = case["expected"]
    problems: list[str] = []
    for item in expected:
        if not any(match_item(a, item) for a in amounts):
            problems.append(f"missed {item['span']!r} ({item.get('low')}..{item.get('high')})")
    if not expected:
        for amount in amounts:
            if relevant(amount):
                problems.append(f"found {amount.text!r} where nothing is expected")
    result = CaseResult(id=case["id"], text=case["text"], passed=not problems, problems=problems)
    if problems:
        found = ", ".join(f"{a.text!r}={a.value.interval.describe()} {a.value.unit or ''}"
                          for a in amounts)
        result.problems.append(f"found: {found or 'nothing'}")
    return result


def _is_bare_number(amount: Amount) -> bool:
    return amount.value.dimension in ("count", "percent", "currency")


def _has_unit(amount: Amount) -> bool:
    return amount.value.dimension != "count"


def run_numbers(peer: Path) -> list[CaseResult]:
    """Recognizers-Text numbers, ranges and percentages; amounts with a unit of measure
    ("29km") are the quantities suite's business and do not count as found numbers."""
    return [score_case(case, parse_amounts(case["text"]), _is_bare_number)
            for case in _load(peer / "numbers.jsonl")]


def run_quantities(peer: Path) -> list[CaseResult]:
    """Recognizers-Text currencies and dimensions (units only) and quantulum3 quantities
    (which also counts bare numbers)."""
    results = []
    for case in _load(peer / "quantities.jsonl"):
        relevant = _has_unit if case["id"].startswith("rt-") else (lambda a: True)
        results.append(score_case(case, parse_amounts(case["text"]), relevant))
    return results


SUITES: dict[str, Runner] = {
    "numbers": run_numbers,
    "quantities": run_quantities,
}


def pass_rate(results: list[CaseResult]) -> float:
    return sum(r.passed for r in results) / len(results) if results else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, default=None, help="peer suites folder")
    parser.add_argument("--suite", action="append", choices=sorted(SUITES),
                        help="run only this suite (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="print rates only")
    args = parser.parse_args(argv)
    args.peer = args.peer or default_peer()
    if not args.peer.is_dir():
        print(f"peer folder not found: {args.peer}", file=sys.stderr)
        return 2
    for name in args.suite or list(SUITES):
        results = SUITES[name](args.peer)
        failures = [r for r in results if not r.passed]
        if not args.quiet:
            for r in failures:
                print(f"FAIL {name} {r.id}: {r.text[:100]!r}")
                for problem in r.problems:
                    print(f"     {problem}")
        print(f"{name}: {len(results) - len(failures)}/{len(results)} passed "
              f"({pass_rate(results):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
