"""A time budget per source: one article that would take the parser or a finder many
minutes is given up and named, as semgrep's ``--timeout`` gives up a file, instead of
holding the whole check past its deadline.

The budget is a real-time alarm (``SIGALRM``) that raises ``OverBudget`` in the thread
that set it; Python runs the handler between bytecodes, so a single call into compiled
code (one spaCy component on one batch) finishes before the alarm is seen. Where there
is no such alarm (another thread, a system without ``SIGALRM``) the budget is not
enforced and nothing else changes.
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from pydantic import BaseModel, ConfigDict

DEFAULT_SECONDS = 300.0  # a 2,000,000-character article parses in well under it
TIMED_OUT = "CC109"


class OverBudget(Exception):
    """The work in a ``within`` block ran past its seconds."""


class TimeBudget(BaseModel):
    """Seconds each source may take to parse and extract; 0 or less: no limit."""

    model_config = ConfigDict(frozen=True)

    seconds: float = DEFAULT_SECONDS

    @property
    def enforced(self) -> bool:
        return self.seconds > 0 and available()


def available() -> bool:
    """Whether an alarm can interrupt work here (the main thread, with ``SIGALRM``)."""
    return (hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


_RETRY_SECONDS = 0.02  # how soon an alarm that could not raise tries again


def _raise(signum: int, frame: FrameType | None) -> None:
    """Raise where the exception reaches the work; inside a garbage-collector callback
    or a finaliser Python would only print and drop it, so try again a moment later."""
    del signum
    signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)  # again, should this be dropped
    if _inside_a_callback(frame):
        return
    raise OverBudget


def _inside_a_callback(frame: FrameType | None) -> bool:
    callbacks = {getattr(cb, "__code__", None) for cb in gc.callbacks}
    while frame is not None:
        if frame.f_code in callbacks or frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` inside the block once ``seconds`` of real time have passed
    (nothing when ``seconds`` <= 0 or no alarm is available)."""
    if seconds <= 0 or not available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["DEFAULT_SECONDS", "TIMED_OUT", "OverBudget", "TimeBudget", "available", "within"]
