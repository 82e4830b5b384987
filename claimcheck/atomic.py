"""Files written whole or not at all: a temporary file beside the target, flushed to disk,
then renamed over it, so an interrupted or failing run leaves the previous file intact and
never half of one. The new file gets the permissions the old one had (or the umask's),
not the private mode of a temporary file.

Shared by every layer that writes (reports, baselines, caches), so it imports nothing of
claimcheck but its errors.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import InputError, Problem

CANNOT_WRITE = "CC150"


def write_atomic(path: Path, text: str, what: str = "the report") -> None:
    """Write ``text`` as UTF-8 (``\\n`` line ends) to ``path``, all or nothing."""
    write_atomic_chunks(path, (text,), what)


def write_atomic_bytes(path: Path, data: bytes, what: str = "the file") -> None:
    """Write ``data`` to ``path``, all or nothing (also for caches)."""
    write_atomic_chunks(path, (data,), what)


def write_atomic_chunks(path: Path, chunks: Iterable[str | bytes],
                        what: str = "the report") -> None:
    """Write what a streaming renderer yields (``Template.generate()``), all or nothing:
    if it fails midway, the half-written temporary file is removed and the old file
    stays. An OSError becomes an InputError saying it could not write ``what``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _cannot_write(path, err, what) from None
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
            raise _cannot_write(path, err, what) from None
        raise


def _cannot_write(path: Path, err: OSError, what: str) -> InputError:
    return InputError([Problem(CANNOT_WRITE, f"cannot write {what}: "
                               f"{err.strerror or err}", str(path))])


def _mode_for(path: Path) -> int:
    """The permissions the file has now, or what a newly created file would get."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
