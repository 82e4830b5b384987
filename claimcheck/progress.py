"""A progress bar on standard error, only when someone watches and the wait is long."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_ITEMS = 20  # fewer sources than this parse in a few seconds: no bar


@contextmanager
def terminal_progress(total: int, label: str = "Reading sources") -> Iterator[
        Callable[[int], None]]:
    """A callback advancing a bar of ``total`` items; a no-op when standard error is not
    a terminal (CI logs, pipes) or the work is short."""
    if total < MIN_ITEMS or not sys.stderr.isatty():
        yield lambda _: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
