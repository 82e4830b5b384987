"""A baseline of accepted findings, by stable id, so CI fails only on new ones.

The file is JSON: ``{"version": 1, "findings": [{"id", "rule", "verdict", "message"}]}``,
sorted by id so it diffs well. Baselined findings are kept and marked, not dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from claimcheck.atomic import write_atomic
from claimcheck.errors import InputError, Problem
from claimcheck.model.findings import Finding
from claimcheck.reading import MAX_METADATA_BYTES, read_text

BAD_BASELINE = "B100"
VERSION = 1


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True)

    ids: frozenset[str] = frozenset()


def load_baseline(path: Path) -> Baseline:
    text = read_text(path, MAX_METADATA_BYTES, str(path), "baseline")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError([Problem(BAD_BASELINE, f"invalid JSON: {error.msg}", str(path),
                                  error.lineno, error.colno)]) from None
    except RecursionError:
        raise InputError([Problem(BAD_BASELINE, "invalid baseline: nested too deeply",
                                  str(path), 1, 1)]) from None
    except ValueError as error:  # an integer of thousands of digits
        raise InputError([Problem(BAD_BASELINE, f"invalid JSON: {error}", str(path), 1,
                                  1)]) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries):
        raise InputError([Problem(BAD_BASELINE, 'expected {"version": 1, "findings": '
                                  '[{"id": "…"}, …]}', str(path))])
    return Baseline(ids=frozenset(e["id"] for e in entries))


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Write the baseline of ``findings``, whole or not at all."""
    entries = sorted(({"id": f.id, "rule": f.rule, "verdict": f.verdict.value,
                       "message": f.message} for f in findings), key=lambda e: e["id"])
    unique = list({e["id"]: e for e in entries}.values())
    text = json.dumps({"version": VERSION, "findings": unique}, indent=2, ensure_ascii=False)
    write_atomic(path, text + "\n", "the baseline")  # an interrupted run keeps the old one


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> list[Finding]:
    return [f.model_copy(update={"baselined": True}) if f.id in baseline.ids else f
            for f in findings]
