"""A rule set compiled once: packs whose files are unchanged are not parsed again.

Reading the packs' YAML with the position of every node (for errors that name a line)
costs more than the rest of a warm re-check. The rules and words of packs that loaded
without a problem are stored under a hash of every file in the packs and of the code
that reads and models them; a changed, added or removed file, or other code, is another
key, so the files are read again and every problem is reported as before.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ValidationError

from claimcheck.model.vocabulary import Vocabulary
from claimcheck.rules.schema import Rule

# a file larger than the reader takes is never read here: it cannot load without a problem
_LARGEST = 2 * 1024 * 1024
# what reads and models rules, besides the packs (paths relative to the package)
_CODE = ("rules", "model")


class CompiledStore(Protocol):
    """Where compiled rule sets are kept (the claims cache)."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, payload: str) -> None: ...


class _Compiled(BaseModel):
    ids: list[str]
    rules: list[Rule]  # without their ids, which the loader sets from the path
    vocabulary: Vocabulary


@lru_cache(maxsize=1)
def _code_digest() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(importlib.metadata.version("pydantic").encode())
    for package in _CODE:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def packs_key(packs: Sequence[Path]) -> str:
    """Hash of the packs' every file (by name and content; anything but a regular file
    by its name alone) and of the code that loads them."""
    digest = hashlib.sha256(_code_digest().encode())
    for pack in packs:
        digest.update(b"\0pack\0" + str(pack.resolve()).encode("utf-8", "surrogatepass"))
        if not pack.is_dir():
            continue
        for path in sorted(pack.rglob("*")):
            name = path.relative_to(pack).as_posix().encode("utf-8", "surrogatepass")
            digest.update(b"\0file\0" + name + b"\0")
            if not path.is_file() or path.stat().st_size > _LARGEST:
                digest.update(b"<not read>")
            else:
                digest.update(path.read_bytes())
    return digest.hexdigest()


def encode(rules: Sequence[Rule], vocabulary: Vocabulary) -> str:
    """What ``decode`` reads back as equal rules and words (the same fields set)."""
    compiled = _Compiled(ids=[rule.id for rule in rules], rules=list(rules),
                         vocabulary=vocabulary)
    return compiled.model_dump_json(exclude_unset=True)


def decode(payload: str) -> tuple[list[Rule], Vocabulary] | None:
    """The rules and words stored by ``encode``; None when the payload is not one."""
    try:
        compiled = _Compiled.model_validate_json(payload)
    except ValidationError:
        return None
    if len(compiled.ids) != len(compiled.rules):
        return None
    rules = [rule.model_copy(update={"id": identifier})
             for identifier, rule in zip(compiled.ids, compiled.rules, strict=True)]
    return rules, compiled.vocabulary
