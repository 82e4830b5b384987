"""Writing output files safely.

- Atomically: a temporary file beside the target, flushed to disk, then renamed over it,
  so an interrupted or failing run leaves the previous report intact and never half a
  report. The new file gets the permissions the old one had (or the umask's), not the
  private mode of a temporary file.
- Only where asked: the default report goes to ``reports/NAME.html`` under the working
  folder, and is refused if that leads outside it (``reports`` a symlink elsewhere);
  any other place must be named explicitly (``--html PATH``).
- Never over an input: a report path that is one of the articles read is refused.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import InputError, Problem

REPORTS_DIR = Path("reports")
CANNOT_WRITE = "CC150"
OUTSIDE_WORKING_FOLDER = "CC151"
OVERWRITES_INPUT = "CC152"

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 (``\\n`` line ends) to ``path``, all or nothing."""
    write_atomic_chunks(path, (text,))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, all or nothing (also for caches)."""
    write_atomic_chunks(path, (data,))


def write_atomic_chunks(path: Path, chunks: Iterable[str | bytes]) -> None:
    """Write what a streaming renderer yields (``Template.generate()``), all or nothing:
    if it fails midway, the half-written temporary file is removed and the old file
    stays."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _cannot_write(path, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as err:
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _cannot_write(path, err) from None
        raise


def _cannot_write(path: Path, err: OSError) -> InputError:
    return InputError([Problem(CANNOT_WRITE, f"cannot write the report: "
                               f"{err.strerror or err}", str(path))])


def _mode_for(path: Path) -> int:
    """The permissions the file has now, or what a newly created file would get."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
