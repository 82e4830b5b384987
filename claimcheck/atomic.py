"""Files written whole or not at all: a temporary file beside the target, flushed to disk,
then renamed over it, so an interrupted or failing run leaves the previous file intact and
never half of one. The new file gets the permissions the old one had (or the umask's),
not the private mode of a temporary file.

Shared by every layer that writes (reports, baselines, caches), so it imports nothing of
claimcheck but its errors.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck import interrupt
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
    stays. An OSError becomes an InputError saying it could not write ``what``.

    A target that is not a regular file is never replaced: a device or pipe
    (``/dev/null``, ``/dev/stdout``) is written in place, and through a symlink the file
    it points to is replaced, the link kept."""
    path, in_place = _target(path)
    if in_place:
        _write_in_place(path, chunks, what)
        return
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
        interrupt.check()  # Ctrl-C pressed, even if swallowed: keep the old file
        os.replace(temp, path)
    except BaseException as err:
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _cannot_write(path, err, what) from None
        raise


def _target(path: Path) -> tuple[Path, bool]:
    """Where to write, and whether in place (a device, pipe or socket, or a link into
    ``/proc`` such as ``/dev/stdout``)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        return path, True
    if path.is_symlink():
        real = os.path.realpath(path)
        if real.startswith("/proc/"):
            return path, True
        return Path(real), False
    return path, False


def _write_in_place(path: Path, chunks: Iterable[str | bytes], what: str) -> None:
    """Stream into a device or pipe; a pipe no one reads is an error, not a hang."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise InputError([Problem(CANNOT_WRITE, f"cannot write {what}: no program reads "
                                      "this pipe", str(path))]) from None
        raise _cannot_write(path, err, what) from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=True) as handle:
            fd = -1
            for chunk in chunks:
                interrupt.check()
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    except OSError as err:
        raise _cannot_write(path, err, what) from None
    finally:
        if fd != -1:
            os.close(fd)


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
