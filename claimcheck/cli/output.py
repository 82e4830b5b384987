"""Writing output files atomically: a temporary file beside the target, then a rename,
so an interrupted run leaves the previous report intact."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimcheck.errors import InputError, Problem


def write_atomic(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise InputError([Problem("CC150", f"cannot write the report: {err.strerror}",
                                  str(path))]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
