"""Every text file claimcheck opens is read here: articles, drafts, rule packs, cases,
vocabularies, configurations, ``sources.yaml`` and baselines.

Only regular files are read. A pipe, a device or a symlink to one (``/dev/zero``) is
refused without waiting or reading: it is opened non-blocking, checked by ``fstat`` on
the open descriptor (no gap between the check and the read), and never read past its
size limit, so a file that grows while read cannot exhaust memory either. The bytes go
through the one careful decoder (``claimcheck.encoding``), so a rule file in UTF-16 or
Windows-1252 reads as an article would, and one that is binary is named with the
position of the first byte that is not text.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.encoding import decode
from claimcheck.errors import InputError, Problem

UNREADABLE = "CC100"
TOO_LARGE = "CC106"
NOT_A_FILE = "CC107"

MAX_CONFIG_BYTES = 2_000_000  # a rule file, cases file, vocabulary or configuration
MAX_METADATA_BYTES = 20_000_000  # sources.yaml of a very large folder; a baseline

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 20


class TooLarge(InputError):
    """A file over its size limit; ``size`` is how many bytes it has (at least)."""

    def __init__(self, problems: list[Problem], size: int) -> None:
        super().__init__(problems)
        self.size = size


def read_bytes(path: Path, limit: int, display: str | None = None,
               what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an ``InputError``."""
    shown = display or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except OSError as err:
        raise _unreadable(shown, err) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError([Problem(NOT_A_FILE, f"is {_kind(info.st_mode)}, not a regular "
                                      f"file; claimcheck reads a {what} only from a file",
                                      shown)])
        if info.st_size > limit:
            raise _too_large(shown, info.st_size, limit, what)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while read
                raise _too_large(shown, size, limit, what)
        return b"".join(chunks)
    except OSError as err:
        raise _unreadable(shown, err) from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int = MAX_CONFIG_BYTES, display: str | None = None,
              what: str = "file") -> str:
    """A regular file's text, decoded as articles are; an ``InputError`` names the file
    (and the position of the first byte that is not text) when it cannot be read."""
    shown = display or str(path)
    return decode(read_bytes(path, limit, shown, what), shown)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _unreadable(shown: str, err: OSError) -> InputError:
    reason = "no such file" if isinstance(err, FileNotFoundError) else \
        f"cannot read file: {err.strerror or err}"
    return InputError([Problem(UNREADABLE, reason, shown)])


def _too_large(shown: str, size: int, limit: int, what: str) -> TooLarge:
    return TooLarge([Problem(TOO_LARGE, f"is too large for a {what} ({size / 1e6:.1f} MB; "
                               f"the limit is {limit / 1e6:g} MB)", shown)], size)


__all__ = ["MAX_CONFIG_BYTES", "MAX_METADATA_BYTES", "NOT_A_FILE", "TOO_LARGE", "UNREADABLE",
           "TooLarge", "read_bytes", "read_text"]
