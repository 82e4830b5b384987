"""Where a run's time goes: stage timings on standard error when ``CLAIMCHECK_TIMINGS``
is set (``CLAIMCHECK_TIMINGS=1 claimcheck compare …``).

A whole-process benchmark sees only the total; this says how much of it came before the
parser, in it, and after it. When the variable is unset the stages cost one ``if``.

A second line gives the processor time of each stage in this process and that of each
``--jobs`` worker: on a machine shared with other work, wall times say little about how
the processes would share an idle machine, and processor times do.
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
_cpu: dict[str, float] = {}
_worker_cpu: dict[int, float] = {}


def enabled() -> bool:
    return bool(os.environ.get(ENV))


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent inside the block to stage ``name`` (stages may repeat)."""
    if not enabled():
        yield
        return
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _spent[name] = _spent.get(name, 0.0) + time.perf_counter() - start
        _cpu[name] = _cpu.get(name, 0.0) + time.process_time() - cpu


def add_worker_cpu(worker: int, seconds: float) -> None:
    """Count ``seconds`` of processor time spent by the worker process ``worker``."""
    if enabled():
        _worker_cpu[worker] = _worker_cpu.get(worker, 0.0) + seconds


def report() -> None:
    """Two lines on standard error: each stage's seconds and the total since import, then
    each stage's processor seconds, this process's in all and each worker's."""
    if not enabled():
        return
    total = time.perf_counter() - _started
    parts = " ".join(f"{name}={seconds:.3f}" for name, seconds in _spent.items())
    sys.stderr.write(f"claimcheck: timings: {parts} total={total:.3f}\n")
    cpu = " ".join(f"{name}={seconds:.3f}" for name, seconds in _cpu.items())
    workers = ",".join(f"{seconds:.3f}" for seconds in _worker_cpu.values())
    sys.stderr.write(f"claimcheck: cpu: {cpu} self={time.process_time():.3f}"
                     + (f" workers={workers}" if workers else "") + "\n")
