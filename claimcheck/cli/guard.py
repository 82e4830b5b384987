"""Outputs never replace what a run reads: checked before any work starts.

A report, a baseline or the claims cache written over an article, a rule file, the
configuration, the baseline being read or a folder's ``sources.yaml`` would destroy the
newsroom's own files, so every output path is compared with every file the run reads
**by identity** (device and inode, following symlinks): a hard link or a symlink to an
input is the input. Two outputs at one place are refused too. The check runs once the
inputs are known and before the pipeline is loaded, so a refused run costs nothing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimcheck.errors import InputError, Problem

OVERWRITES_INPUT = "CC152"
SAME_OUTPUT = "CC153"

# (what it is, for the message, e.g. "--html" or "an input article"; its path)
Named = tuple[str, Path]


def guard_outputs(outputs: Sequence[Named], protected: Iterable[Named]) -> None:
    """Raise one ``InputError`` naming every output that would replace a protected file
    or another output. Outputs that are devices or pipes (``/dev/null``, ``/dev/stdout``)
    replace nothing: they are written in place."""
    protected_ids: dict[object, Named] = {}
    for what, path in protected:
        identity = _identity(path)
        if identity is not None and not _special(path):
            protected_ids.setdefault(identity, (what, path))
        elif identity is None:  # not there yet (a cache about to be made): by its place
            protected_ids.setdefault(_where(path), (what, path))
    problems: list[Problem] = []
    seen: dict[object, str] = {}
    for option, path in outputs:
        identity = _identity(path)
        clash = protected_ids.get(identity if identity is not None else _where(path)) or \
            protected_ids.get(_where(path))
        if clash is not None:
            what, original = clash
            same = "" if _same_name(path, original) else f" ({original})"
            problems.append(Problem(OVERWRITES_INPUT, f"{option} would replace {what}{same}, "
                                    f"which this run reads; choose another {option} path",
                                    str(path)))
            continue
        if _special(path):
            continue
        place: object = identity if identity is not None else _where(path)
        if place in seen:
            problems.append(Problem(SAME_OUTPUT, f"{option} and {seen[place]} name the same "
                                    "file; give each its own path", str(path)))
        seen[place] = option
    if problems:
        raise InputError(problems)


def run_inputs(sources: Iterable[str | Path], rule_dirs: Iterable[Path] = (),
               baseline: Path | None = None, cwd: Path | None = None) -> list[Named]:
    """Every file a ``compare`` or ``check`` run reads: the articles, each folder's
    ``sources.yaml``, the configuration, every file of every rule pack, the baseline."""
    from claimcheck.rules import load_config
    from claimcheck.rules.loader import default_pack, resolve_pack
    from claimcheck.sources import METADATA_FILE

    named: list[Named] = [("an input article", Path(s)) for s in sources]
    folders = sorted({Path(s).parent for s in sources})
    named += [("a sources.yaml", folder / METADATA_FILE) for folder in folders]
    config = load_config(cwd or Path.cwd())
    if config is not None and config.path is not None:
        named.append(("the configuration", config.path))
    packs = [default_pack(), *(config.packs if config else ()),
             *(resolve_pack(d) for d in rule_dirs)]
    for pack in packs:
        if pack.is_dir():
            named += [("a rule file", f) for f in sorted(pack.rglob("*")) if f.is_file()]
    if baseline is not None:
        named.append(("the baseline", baseline))
    return named


def cache_files(cache: Path) -> list[Named]:
    """The claims cache and SQLite's files beside it."""
    return [("the claims cache", cache),
            *(("the claims cache", cache.with_name(cache.name + suffix))
              for suffix in ("-wal", "-shm"))]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _special(path: Path) -> bool:
    """A device, pipe or socket (``/dev/null``, ``/dev/stdout`` as a pipe): several
    outputs may share one."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _where(path: Path) -> str:
    return os.path.realpath(path)


def _same_name(a: Path, b: Path) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


__all__ = ["OVERWRITES_INPUT", "SAME_OUTPUT", "cache_files", "guard_outputs", "run_inputs"]
