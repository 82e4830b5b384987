"""Where a run's time goes: stage timings on standard error when ``CLAIMCHECK_TIMINGS``
is set (``CLAIMCHECK_TIMINGS=1 claimcheck compare …``).

A whole-process benchmark sees only the total; this says how much of it came before the
parser, in it, and after it. When the variable is unset the stages cost one ``if``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "CLAIMCHECK_TIMINGS"
_started = time.perf_counter()
_spent: dict[str, float] = {}


def enabled() -> bool:
    return bool(os.environ.get(ENV))


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent inside the block to stage ``name`` (stages may repeat)."""
    if not enabled():
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        _spent[name] = _spent.get(name, 0.0) + time.perf_counter() - start


def report() -> None:
    """One line on standard error: each stage's seconds and the total since import."""
    if not enabled():
        return
    total = time.perf_counter() - _started
    parts = " ".join(f"{name}={seconds:.3f}" for name, seconds in _spent.items())
    sys.stderr.write(f"claimcheck: timings: {parts} total={total:.3f}\n")
