"""The date resolver keeps the pass rate it reached on the peer date cases."""

from __future__ import annotations

import pytest

from benchmarks.peer_dates import default_peer_dir, load_cases, rates

# Reached when this test was written; raise them as the resolver improves.
FLOORS = {"DateParser": 0.98, "DateTimeModel": 0.83, "overall": 0.88}


def test_peer_date_rates_hold() -> None:
    peer = default_peer_dir()
    if not (peer / "dates.jsonl").is_file():
        pytest.skip(f"peer suite not found at {peer} (set CLAIMCHECK_PEER_DIR)")
    for suite, (passed, total) in rates(load_cases(peer)).items():
        assert passed / total >= FLOORS[suite], f"{suite}: {passed}/{total}"
