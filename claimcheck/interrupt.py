"""Ctrl-C that cannot be lost: once asked, no output is replaced.

Python delivers SIGINT as a ``KeyboardInterrupt`` wherever the main thread happens to
be, and a few places swallow it (a finaliser, a callback inside a C library), after
which the run would go on and replace the report. The handler installed here also
records the request, and every writer asks ``check()`` before it replaces a file.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

_requested = threading.Event()


def _handler(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    if _requested.is_set():
        return  # pressed again while stopping: let the cleanup finish quietly
    _requested.set()
    raise KeyboardInterrupt


def install() -> Any:
    """Record Ctrl-C, then raise as Python does; returns the handler it replaced (for
    ``restore``). Main thread only; elsewhere a no-op."""
    _requested.clear()
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, _handler)


def restore(previous: Any) -> None:
    if previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, previous)


def requested() -> bool:
    return _requested.is_set()


def check() -> None:
    """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed, even if it was swallowed."""
    if _requested.is_set():
        raise KeyboardInterrupt


def ignore_in_worker() -> None:
    """Worker processes leave Ctrl-C to the parent, which stops them: no traceback from
    each worker, one "interrupted" from the command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


__all__ = ["check", "ignore_in_worker", "install", "requested", "restore"]
