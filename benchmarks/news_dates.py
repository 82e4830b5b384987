"""Dates in real news, found and read right: the hand-annotated dates of ``news/events``.

    python -m benchmarks.news_dates [--news DIR] [--failures]

Each article (the text after its header line) is read as ``claimcheck parse`` reads it,
against its reference date. A gold date is *found* when a date claim overlaps its span,
and *read right* when that claim's days are the gold's: one day ("2012-11-16"), a year
("1991"), two years ("2008/2009": a range within them that reaches into both) or an ISO
week ("2011-W48"). Times that carry a day ("5 p.m. Sunday") count by their day.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.news import news_dir  # noqa: E402


def gold_days(gold: str) -> tuple[date, date, bool]:
    """The first and last day a gold date names, and whether ours need only lie within
    and reach both ends' years (two years: "2008/2009")."""
    if "/" in gold:
        first, last = (int(y) for y in gold.split("/"))
        return date(first, 1, 1), date(last, 12, 31), True
    if "-W" in gold:
        year, week = gold.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + timedelta(days=6), False
    if len(gold) == 4:
        return date(int(gold), 1, 1), date(int(gold), 12, 31), False
    day = date.fromisoformat(gold)
    return day, day, False


def read_right(value: dict[str, Any], gold: str) -> bool:
    if not value.get("start") or not value.get("end"):
        return False
    start, end = date.fromisoformat(value["start"]), date.fromisoformat(value["end"])
    first, last, within = gold_days(gold)
    if within:
        return first <= start and end <= last and start.year == first.year \
            and end.year == last.year
    return (start, end) == (first, last)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def run(root: Path) -> list[tuple[dict[str, Any], list[dict[str, Any]], bool]]:
    """(gold item, the dates found over it, read right) for every gold date."""
    from claimcheck.cli.parse_view import parse_texts

    folder = root / "events"
    index = _rows(folder / "news_index.jsonl")
    gold = [g for g in _rows(folder / "news_gold.jsonl")
            if g.get("date") and g["kind"] in ("date", "time")]
    found: dict[str, list[dict[str, Any]]] = {}
    offsets: dict[str, int] = {}
    for row in index:
        raw = (folder / "news" / row["file"]).read_text(encoding="utf-8")
        offsets[row["file"]] = raw.index("\n") + 1
        values = parse_texts([raw[offsets[row["file"]]:]],
                             date.fromisoformat(row["reference_date"]), None)[0]
        found[row["file"]] = [v for v in values if v["kind"] == "date"]
    out = []
    for item in gold:
        start, end = item["start"] - offsets[item["file"]], item["end"] - offsets[item["file"]]
        over = [v for v in found[item["file"]] if v["start"] < end and start < v["end"]]
        out.append((item, over, any(read_right(v["value"], item["date"]) for v in over)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--news", default=None, help="the news folder")
    parser.add_argument("--failures", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    root = news_dir(args.news)
    if not (root / "events").is_dir():
        print(f"events not found under {root} (set CLAIMCHECK_NEWS_DIR)", file=sys.stderr)
        return 2
    results = run(root)
    found = sum(bool(over) for _, over, _ in results)
    right = sum(ok for _, _, ok in results)
    total = len(results)
    print(f"events dates: {total} gold, found {found} ({100 * found / total:.0f} %), "
          f"read right {right} ({100 * right / total:.0f} %)")
    if args.failures:
        for item, over, ok in results:
            if not ok:
                shown = ", ".join(f"{v['text']!r}={v['value'].get('extent')} "
                                  f"{v['value'].get('start')}..{v['value'].get('end')}"
                                  for v in over) or "nothing"
                print(f"  MISS {item['id']} {item['text']!r} (gold {item['date']}): {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
