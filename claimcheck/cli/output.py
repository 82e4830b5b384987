"""Writing output files safely.

- Atomically (``claimcheck.atomic``, re-exported here): a temporary file beside the
  target, flushed to disk, then renamed over it, so an interrupted or failing run leaves
  the previous report intact and never half a report.
- Only where asked: the default report goes to ``reports/NAME.html`` under the working
  folder, and is refused if that leads outside it (``reports`` a symlink elsewhere);
  any other place must be named explicitly (``--html PATH``).
- Never over an input: a report path that is one of the articles read is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from claimcheck.atomic import CANNOT_WRITE, write_atomic, write_atomic_bytes, write_atomic_chunks
from claimcheck.errors import InputError, Problem

__all__ = ["CANNOT_WRITE", "OUTSIDE_WORKING_FOLDER", "OVERWRITES_INPUT", "REPORTS_DIR",
           "default_report_path", "guard_target", "report_name", "write_atomic",
           "write_atomic_bytes", "write_atomic_chunks"]

REPORTS_DIR = Path("reports")
OUTSIDE_WORKING_FOLDER = "CC151"
OVERWRITES_INPUT = "CC152"

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def report_name(name: str) -> str:
    """A file name made of an input's name: letters, digits, ``.``, ``_`` and ``-`` only."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip("._-")
    return cleaned or "report"


def default_report_path(name: str, cwd: Path | None = None) -> Path:
    """``reports/NAME.html`` under the working folder, refused if it leads outside it."""
    root = (cwd or Path.cwd()).resolve()
    target = REPORTS_DIR / f"{report_name(name)}.html"
    resolved = (root / target).resolve()
    if not resolved.is_relative_to(root):
        raise InputError([Problem(OUTSIDE_WORKING_FOLDER, f"the default report path leads "
                                  f"outside the working folder (to {resolved}); name the "
                                  "report explicitly with --html PATH, or --no-html",
                                  str(target))])
    return target


def guard_target(target: Path, inputs: Iterable[str | Path]) -> None:
    """Refuse to write a report over one of the files that were read."""
    resolved = _resolved(target)
    for item in inputs:
        if _resolved(Path(item)) == resolved:
            raise InputError([Problem(OVERWRITES_INPUT, "the report would overwrite an input "
                                      "file; choose another --html path", str(target))])


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
