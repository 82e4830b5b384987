"""The end-to-end rates on the peer suites (cases written by other projects) do not fall.

Each case's whole sentence goes through ``claimcheck parse`` (``benchmarks/peer_parse``):
a value counts only when it is found in the sentence and read right, unit included.
"""

from __future__ import annotations

import pytest

from benchmarks.peer_parse import FILES, default_peer, rates, run

# The rates reached when these floors were last raised; raise them when they improve.
FLOORS = {"dates": 0.905, "numbers": 0.953, "quantities": 0.92}

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def table() -> dict[str, tuple[int, int]]:
    peer = default_peer()
    if not all((peer / f"{name}.jsonl").is_file() for name in FILES):
        pytest.skip(f"peer suites not found at {peer} (set CLAIMCHECK_PEER_DIR)")
    return rates(run(peer))


@pytest.mark.parametrize("name", FILES)
def test_end_to_end_rate_does_not_fall(table: dict[str, tuple[int, int]], name: str) -> None:
    passed, total = table[name]
    assert passed / total >= FLOORS[name], f"{name}: {passed}/{total} < {FLOORS[name]:.0%}"
