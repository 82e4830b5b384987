"""Score the peer suites end to end, the way a user sees them: ``claimcheck parse``.

    python -m benchmarks.peer_parse [--peer DIR] [--file dates|numbers|quantities ...]
                                    [--failures] [--json] [--no-conventions]

Every case's whole sentence goes through the same code as ``claimcheck parse`` (the
pipeline, the finders, the claim records, the JSON value contract); nothing is handed
the gold span. A case is right when every expected item is *found* (a claim of the
file's kind overlaps its span) and *read right* (that claim's value is the expected
one), and, for a case that expects nothing, when nothing of the kind is found.

How values are compared:
- numbers and quantities: a point by the number as stated (the suites annotate
  "more than $ 247 million" as 247 000 000), a range by its bounds, not its brackets
  (Recognizers-Text writes "X to Y" as half-open; a news reader takes it closed), a
  one-sided range also by its finite bound's inclusiveness. Units are checked: the
  expected unit name is read with claimcheck's own unit table, and the found unit must
  be that unit (or convert to it, the values then converted); currencies by code
  ("Dollar" is any dollar; a price per unit, "$ 98 a share", by its currency). The
  number suite annotates no units: there the number of "$10000" is read alone.
- dates: a DateParser item by its day, which must be the expected past or future
  resolution (the suite gives both; an impossible date must not be found); a
  DateTimeModel item by the bounds of its candidate, range ends exclusive in the suite
  (an end matches the day after ours, our last day, or the first day of the month or
  year ours closes; the suite's "after" a single day starts on that day, exclusive).
  For the suite's "mid"/"start"/"end" parts of a period, whose
  edges are conventions, our range must lie inside theirs and be shorter than the
  period.

Where a suite annotates a text otherwise than a news reader reads it, the comparison
follows the reader, by one of the rules in ``CONVENTIONS`` (each a rule over every case,
with its reason; none names a case), and only where the values found carry the item's
information in another shape. ``--failures`` prints how often each was applied;
``--no-conventions`` scores by the suites' reading alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.peer import default_peer  # noqa: E402
from benchmarks.peer_dates import _end_matches  # noqa: E402
from claimcheck.model.units import factor, lookup_unit  # noqa: E402

FILES = ("dates", "numbers", "quantities")
KIND = {"dates": "date", "numbers": "quantity", "quantities": "quantity"}
IMPOSSIBLE = "0001-01-01"
RELATIVE = Decimal("1e-6")
_DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD"})
# Currency names of the suites that name no one currency.
_CURRENCY_NAMES: dict[str, frozenset[str]] = {
    "dollar": _DOLLARS, "pound": frozenset({"GBP", "EGP"}), "pence": frozenset({"penny"}),
    "cent": frozenset({"cent"}), "franc": frozenset({"CHF"}),
    "rupee": frozenset({"INR", "PKR"}), "euro": frozenset({"EUR"}),
    "pound sterling": frozenset({"GBP"}), "british pound": frozenset({"GBP"}),
}


# Where the suites' annotation and a news reader's reading part, and how the comparison
# follows the reader. Each is a rule over every case; none names a case. Each stands for
# an item only when the values found carry the item's own information in another shape:
# what claimcheck declines by design (a unit named with no number, the digit groups of
# a phone number) is scored as the suite says, a miss.
CONVENTIONS: dict[str, str] = {
    "range in a unit model": (
        "Recognizers-Text's currency and dimension models have no ranges: of 'eight to 10 "
        "feet' they give the end that carries the unit. A found range of that unit, "
        "spanning the item, with the item's value as one of its bounds, stands for it."),
    "mixed units": (
        "quantulum3 gives each part of a mixed amount ('twenty-one years and six months') "
        "as its own item; a reader takes it as one length of time. One found amount "
        "spanning two or more such items stands for them when its value is their sum."),
    "change": (
        "quantulum3 reads 'rose from $350 per kg to $680 per kg' as one range; a reader, "
        "like claimcheck, reads a change: two values, before and after. After a verb of "
        "change, two found values in the range's span, its low first and its high "
        "second, stand for it."),
}

# A verb of change just before an amount ("rose from about", "was reduced from").
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increased?|increas(?:es|ing)|"
    r"decreased?|decreas(?:es|ing)|reduced?|reduc(?:es|ing)|cut|climb(?:s|ed|ing)?|"
    r"dropp?(?:s|ed|ing)?|jump(?:s|ed|ing)?|grew|grow(?:s|n|ing)?|declined?|declin(?:es|ing)|"
    r"raised?|rais(?:es|ing)|lowered|went|gone|soared|plunged|surged|slipped|changed?)"
    r"\s+(?:from\s+)?(?:(?:about|around|roughly|some|nearly|almost)\s+)?$",
    re.IGNORECASE)
_UNIT_MODELS = ("CurrencyModel", "DimensionModel")


@dataclass
class CaseResult:
    id: str
    file: str
    origin: str
    text: str
    passed: bool
    problems: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    conventions: list[str] = field(default_factory=list)  # the CONVENTIONS applied


def load(peer: Path, name: str) -> list[dict[str, Any]]:
    with (peer / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def origin_of(case: dict[str, Any]) -> str:
    source = str(case["source"])
    if "quantulum3" in source:
        return "quantulum3"
    return Path(source).stem


def parse_cases(cases: Sequence[dict[str, Any]], model: str | None = None
                ) -> list[list[dict[str, Any]]]:
    """The ``claimcheck parse`` values of each case's text, against its reference date."""
    from claimcheck.cli.parse_view import parse_texts

    by_anchor: dict[str | None, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        by_anchor[case.get("reference_date")].append(index)
    out: list[list[dict[str, Any]]] = [[] for _ in cases]
    for anchor, indexes in by_anchor.items():
        published = date.fromisoformat(anchor) if anchor else None
        results = parse_texts([cases[i]["text"] for i in indexes], published, model)
        for index, values in zip(indexes, results, strict=True):
            out[index] = values
    return out


def _overlaps(value: dict[str, Any], item: dict[str, Any]) -> bool:
    return bool(value["start"] < item["end"] and item["start"] < value["end"])


def _dec(number: Any) -> Decimal | None:
    return None if number is None else Decimal(str(number))


def _close(found: Decimal | None, expected: Any) -> bool:
    if expected is None:
        return found is None
    if found is None:
        return False
    want = Decimal(str(expected))
    return abs(found - want) <= max(abs(want), Decimal(1)) * RELATIVE


# -- numbers and quantities -------------------------------------------------------------

def _unit_scale(value: dict[str, Any], item: dict[str, Any], file: str) -> Decimal | None:
    """How many expected units one found unit is (1 when the same), or None when the
    found unit is not the expected one."""
    ours, dimension = value.get("unit"), value.get("dimension")
    name = item.get("unit")
    if file == "numbers" and name is None:
        return Decimal(1)  # the number suite reads the number of "$10000", not its unit
    if dimension == "currency_rate" and isinstance(ours, str) and "/" in ours:
        ours, dimension = ours.split("/")[0], "currency"  # "$ 98 a share": dollars, per share
    if name in (None, "dimensionless"):
        # a bare number; a share in words ("two thirds") is kept as a ratio
        return Decimal(1) if dimension == "count" or ours == "ratio" else None
    if name == "percent":
        return Decimal(1) if dimension == "percent" else None
    if item.get("type") == "currency" or item.get("iso_currency"):
        codes = (frozenset({item["iso_currency"]}) if item.get("iso_currency")
                 else _CURRENCY_NAMES.get(str(name).lower(), frozenset()))
        if not codes:
            return Decimal(1) if dimension == "currency" else None
        return Decimal(1) if ours in codes else None
    info = lookup_unit(str(name).lower()) or lookup_unit(str(name))
    if info is None:
        # a unit our table cannot name: any unit of measure the value has will do
        return Decimal(1) if dimension not in ("count", None) else None
    if info.dimension == "currency":
        codes = _CURRENCY_NAMES.get(str(name).lower(), frozenset({info.name}))
        return Decimal(1) if ours in codes | {info.name} else None
    if ours is None or dimension == "count":
        return None
    if ours == info.name:
        return Decimal(1)
    return factor(str(ours), info.name)


def amount_matches(value: dict[str, Any], item: dict[str, Any], file: str) -> bool:
    """Whether a found amount (a ``parse`` value) stands for an expected item."""
    if not _overlaps(value, item):
        return False
    scale = _unit_scale(value["value"], item, file)
    if scale is None:
        return False
    v = value["value"]

    def scaled(key: str) -> Decimal | None:
        number = _dec(v.get(key))
        return None if number is None else number * scale

    low_found, high_found, stated = scaled("low"), scaled("high"), scaled("stated")
    low, high = item.get("low"), item.get("high")
    if item.get("value") is None and low is None and high is None:
        return True  # a unit mentioned without a number: any overlap will do
    if low is not None and high is not None and low == high:
        return _close(stated, low) or (_close(low_found, low) and _close(high_found, high))
    if low is not None and high is not None:
        return _close(low_found, low) and _close(high_found, high)
    if low is not None:
        return (_close(low_found, low) and high_found is None
                and bool(v["low_inclusive"]) == bool(item.get("low_inclusive")))
    if high is not None:
        return (_close(high_found, high) and low_found in (None, Decimal(0))
                and bool(v["high_inclusive"]) == bool(item.get("high_inclusive")))
    return _close(stated, item.get("value"))


def _relevant_amount(file: str, case: dict[str, Any], value: dict[str, Any]) -> bool:
    """What counts as wrongly found in a case that expects nothing: for the number
    suite a bare number, percentage or price (a "29km" is a quantity, not a number);
    for Recognizers-Text units any amount with a unit; for quantulum3 anything."""
    dimension = value["value"].get("dimension")
    if file == "numbers":
        return dimension in ("count", "percent", "currency")
    if str(case["id"]).startswith("rt-"):
        # the suite's currency and dimension models; temperatures and ages are other models,
        # and a price found in a case of the dimension model is the currency model's
        others = ("count", "temperature", "duration")
        if "DimensionModel" in str(case.get("source", "")):
            others = (*others, "currency", "currency_rate")
        return dimension not in others
    return True


# -- dates ------------------------------------------------------------------------------

def _bounds(value: dict[str, Any]) -> tuple[date | None, date | None]:
    """The inclusive days a found date allows, open where its extent opens it."""
    v = value["value"]
    start = date.fromisoformat(v["start"]) if v.get("start") else None
    end = date.fromisoformat(v["end"]) if v.get("end") else None
    if start is None or end is None:
        return None, None
    extent = v.get("extent", "at")
    if extent == "since":
        return start, None
    if extent == "after":
        return end + timedelta(days=1), None
    if extent == "before":
        return None, start - timedelta(days=1)
    if extent == "until":
        return None, end
    return start, end


def _candidate_matches(value: dict[str, Any], candidate: dict[str, Any]) -> bool:
    low, high = _bounds(value)
    if candidate.get("value"):
        return low is not None and low == high and low.isoformat() == candidate["value"]
    start, end = candidate.get("start"), candidate.get("end")
    mod = str(candidate.get("mod") or "")
    if mod in ("mid", "start", "end") and start and end and low and high:
        first, last = date.fromisoformat(start), date.fromisoformat(end) - timedelta(days=1)
        inside = first <= low and high <= last
        return inside and (high - low) < timedelta(days=300 if last.year != first.year
                                                     or (last - first).days > 40 else 25)
    if (start is None) != (low is None):
        return False
    if start is not None and low is not None and date.fromisoformat(start) != low:
        # "after the 15th": the suite starts a point's "after" on the point, exclusive
        single_day = value["value"].get("start") == value["value"].get("end")
        if not (mod == "after" and single_day
                and date.fromisoformat(start) == low - timedelta(days=1)):
            return False
    return _end_matches(high, end)


def date_matches(value: dict[str, Any], item: dict[str, Any]) -> bool:
    if not _overlaps(value, item):
        return False
    if "past" in item:
        low, high = _bounds(value)
        return low is not None and low == high and low.isoformat() in (item["past"],
                                                                       item["future"])
    return any(_candidate_matches(value, c) for c in item.get("candidates", []))


# -- scoring ----------------------------------------------------------------------------

def _describe(value: dict[str, Any]) -> str:
    v = value["value"]
    if value["kind"] == "date":
        extent = v.get("extent", "at")
        lead = "" if extent == "at" else f"{extent} "
        return f"{value['text']!r}={lead}{v.get('start')}..{v.get('end')}"
    return (f"{value['text']!r}={v.get('low')}..{v.get('high')}"
            f" {v.get('unit') or ''}[{v.get('dimension')}]")


# -- conventions (see CONVENTIONS) -------------------------------------------------------

def _covers(value: dict[str, Any], item: dict[str, Any]) -> bool:
    return bool(value["start"] <= item["start"] and item["end"] <= value["end"])


def _range_end_matches(value: dict[str, Any], item: dict[str, Any], file: str,
                       case: dict[str, Any]) -> bool:
    """"range in a unit model": a found range standing for the item at one of its ends."""
    if not any(model in str(case.get("source", "")) for model in _UNIT_MODELS) or \
            item.get("value") is None or not _covers(value, item):
        return False
    v = value["value"]
    low, high, scale = _dec(v.get("low")), _dec(v.get("high")), _unit_scale(v, item, file)
    if low is None or high is None or low == high or scale is None:
        return False
    return _close(low * scale, item["value"]) or _close(high * scale, item["value"])


def _mixed_units_match(value: dict[str, Any], items: Sequence[dict[str, Any]],
                       file: str) -> bool:
    """"mixed units": one found amount whose value is the sum of the items it spans."""
    covered = [it for it in items if it.get("value") is not None and _covers(value, it)]
    v = value["value"]
    stated = _dec(v.get("stated"))
    if len(covered) < 2 or stated is None:
        return False
    total = Decimal(0)
    for it in covered:
        scale = _unit_scale(v, it, file)  # expected units in one found unit
        if not scale:
            return False
        total += Decimal(str(it["value"])) / scale
    return _close(stated, total)


def _change_matches(values: Sequence[dict[str, Any]], item: dict[str, Any], text: str,
                    file: str) -> bool:
    """"change": the two values of a change standing for the range the suite reads."""
    low, high = item.get("low"), item.get("high")
    if low is None or high is None or low == high or \
            not _CHANGE_BEFORE.search(text, 0, item["start"]):
        return False
    inside = sorted((v for v in values if _overlaps(v, item)), key=lambda v: v["start"])
    if len(inside) != 2:
        return False
    return all(amount_matches(v, {**item, "start": v["start"], "end": v["end"], "value": bound,
                                  "low": bound, "high": bound}, file)
               for v, bound in zip(inside, (low, high), strict=True))


def _by_convention(file: str, case: dict[str, Any], values: Sequence[dict[str, Any]],
                   item: dict[str, Any]) -> str | None:
    """The convention under which the found values stand for ``item``, if any."""
    if any(_range_end_matches(v, item, file, case) for v in values):
        return "range in a unit model"
    if any(_overlaps(v, item) and _mixed_units_match(v, case["expected"], file)
           for v in values):
        return "mixed units"
    if _change_matches(values, item, case["text"], file):
        return "change"
    return None


def score(file: str, case: dict[str, Any], values: Sequence[dict[str, Any]],
          conventions: bool = True) -> CaseResult:
    """Whether the found ``values`` are the case's expected items; with ``conventions``
    off, by the suite's own reading alone."""
    kind = KIND[file]
    mine = [v for v in values if v["kind"] == kind]
    problems: list[str] = []
    applied: list[str] = []
    for item in case["expected"]:
        if item.get("past") == IMPOSSIBLE:
            if any(_overlaps(v, item) for v in mine):
                problems.append(f"found an impossible date in {item['span']!r}")
            continue
        if kind == "date":
            if not any(date_matches(v, item) for v in mine):
                problems.append(f"missed {item['span']!r}")
            continue
        if any(amount_matches(v, item, file) for v in mine):
            continue
        convention = _by_convention(file, case, mine, item) if conventions else None
        if convention is None:
            problems.append(f"missed {item['span']!r}")
        else:
            applied.append(convention)
    if not case["expected"]:
        for value in mine:
            if kind == "date" or _relevant_amount(file, case, value):
                problems.append(f"found {value['text']!r} where nothing is expected")
    return CaseResult(id=case["id"], file=file, origin=origin_of(case), text=case["text"],
                      passed=not problems, problems=problems,
                      found=[_describe(v) for v in mine], conventions=applied)


def run(peer: Path, files: Iterable[str] = FILES, model: str | None = None,
        conventions: bool = True) -> list[CaseResult]:
    results: list[CaseResult] = []
    for file in files:
        cases = load(peer, file)
        for case, values in zip(cases, parse_cases(cases, model), strict=True):
            results.append(score(file, case, values, conventions))
    return results


def rates(results: Sequence[CaseResult]) -> dict[str, tuple[int, int]]:
    """(passed, total) per file, per ``file/origin``."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for key in (r.file, f"{r.file}/{r.origin}"):
            out[key][0] += r.passed
            out[key][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--peer", type=Path, default=None, help="peer suites folder")
    parser.add_argument("--file", action="append", choices=FILES,
                        help="score only this file (repeatable)")
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    parser.add_argument("--json", action="store_true", help="print the rates as JSON")
    parser.add_argument("--model", default=None, help="another installed spaCy pipeline")
    parser.add_argument("--no-conventions", action="store_true",
                        help="score by the suites' own reading alone (no CONVENTIONS)")
    args = parser.parse_args(argv)
    peer = args.peer or default_peer()
    if not peer.is_dir():
        print(f"peer folder not found: {peer} (set CLAIMCHECK_PEER_DIR)", file=sys.stderr)
        return 2
    results = run(peer, args.file or FILES, args.model, not args.no_conventions)
    table = rates(results)
    if args.json:
        print(json.dumps({k: {"passed": p, "total": t} for k, (p, t) in table.items()}))
    else:
        for key, (passed, total) in table.items():
            indent = "  " if "/" in key else ""
            print(f"{indent}{key:<36} {passed:4d}/{total:<4d} {100 * passed / total:5.1f} %")
    if args.failures:
        applied: dict[str, int] = defaultdict(int)
        for r in results:
            for name in r.conventions:
                applied[name] += 1
        for name in CONVENTIONS:
            print(f"convention {name!r}: applied to {applied[name]} item(s)")
        for r in results:
            if not r.passed:
                print(f"FAIL {r.id}: {r.text[:110]!r}")
                for problem in r.problems:
                    print(f"     {problem}")
                print(f"     found: {', '.join(r.found) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
