"""The doubling benchmark's ``--repeat``: the median run of each measurement is kept."""

from __future__ import annotations

from pathlib import Path

from benchmarks.doubling import _median


def test_repeat_keeps_the_median_run_and_the_largest_peak(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.write_text("", encoding="ascii")
    totals = [5.0, 1.0, 3.0, 9.0, 2.0]

    def work() -> dict[str, float]:  # each run in a forked child: count runs in a file
        done = len(runs.read_text(encoding="ascii"))
        with runs.open("a", encoding="ascii") as handle:
            handle.write("x")
        return {"total": totals[done], "read": float(done)}

    figures, peak = _median(work, 5)
    assert len(runs.read_text(encoding="ascii")) == 5
    assert figures == {"total": 3.0, "read": 2.0}  # the third run's, stages with it
    assert peak >= 0.0


def test_once_by_default(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    calls.write_text("", encoding="ascii")

    def work() -> dict[str, float]:
        with calls.open("a", encoding="ascii") as handle:
            handle.write("x")
        return {"total": 1.5}

    assert _median(work, 1)[0] == {"total": 1.5}
    assert len(calls.read_text(encoding="ascii")) == 1
