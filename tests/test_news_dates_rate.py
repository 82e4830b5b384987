"""Dates of real news (the hand-annotated ``news/events``) found and read right do not
fall; skipped where the news folder is absent."""

from __future__ import annotations

import pytest

from benchmarks.news import news_dir
from benchmarks.news_dates import gold_days, read_right, run

FLOOR = 0.95  # read right when last raised (43 of 44)


@pytest.mark.model
def test_real_news_dates_are_read_right() -> None:
    root = news_dir(None)
    if not (root / "events" / "news_gold.jsonl").is_file():
        pytest.skip(f"news not found at {root} (set CLAIMCHECK_NEWS_DIR)")
    results = run(root)
    right = sum(ok for _, _, ok in results)
    assert right / len(results) >= FLOOR, f"{right}/{len(results)} < {FLOOR:.0%}"


@pytest.mark.parametrize(("gold", "start", "end", "ok"), [
    ("2012-11-16", "2012-11-16", "2012-11-16", True),
    ("2012-11-16", "2012-11-15", "2012-11-16", False),
    ("1991", "1991-01-01", "1991-12-31", True),
    ("2008/2009", "2008-12-01", "2009-02-28", True),
    ("2008/2009", "2008-12-01", "2012-11-09", False),
    ("2008/2009", "2008-01-01", "2008-12-31", False),
    ("2011-W48", "2011-11-28", "2011-12-04", True),
    ("2011-W48", "2011-11-21", "2011-11-27", False),
])
def test_the_scorer_reads_each_gold_form(gold: str, start: str, end: str, ok: bool) -> None:
    assert read_right({"start": start, "end": end}, gold) is ok
    first, last, _ = gold_days(gold)
    assert first <= last
