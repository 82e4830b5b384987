"""Keeping Python's cycle collector off what needs no collecting.

Long-lived loads (the spaCy pipeline, the gazetteer) are frozen: moved out of the
collector's generations, so no later collection walks their hundreds of thousands of
objects again (about half a second of a run), and forked workers do not touch their pages.

The collector is paused while a pure stage builds many small records: grouping and rule
evaluation allocate hundreds of thousands of short-lived pydantic
records and create no reference cycles; with a large heap alive (every claim of a
corpus), each full collection walks all of it, and at 100k claims the collector cost
more than the work. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cycle collector inside the block; restore its state after (re-entrant)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_long_lived() -> None:
    """Exempt every object alive now from later collections: call after loading what
    lives as long as the process (``gc.freeze``)."""
    gc.freeze()
