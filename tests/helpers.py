"""Helpers shared by the end-to-end tests: load YAML data, run the pipeline once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from claimcheck.model.claims import Claim
from claimcheck.model.findings import Verdict
from claimcheck.report.view import Report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TESTS = ROOT / "tests"


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def find_claim(report: Report, source: str, text: str, kind: str | None = None,
               sentence: str | None = None) -> Claim | None:
    """The claim of ``source`` whose text is ``text``; failing that, one inside it or
    containing it (gold texts like "near Damascus" name the place with its cue)."""
    candidates = [c for c in report.claims if c.source == source
                  and (kind is None or c.kind == kind)
                  and (sentence is None or sentence in c.sentence)]
    text = " ".join(text.split())

    def folded(claim: Claim) -> str:
        return " ".join(claim.text.split())

    for match in (lambda c: folded(c) == text, lambda c: folded(c) in text,
                  lambda c: text in folded(c)):
        found = [c for c in candidates if match(c)]
        if found:
            return found[0]
    return None


def verdicts(report: Report, a: str, b: str) -> set[Verdict]:
    """The verdicts of the findings that hold both claims."""
    return {f.verdict for f in report.findings if {a, b} <= set(f.claims)}


def opposed(report: Report, a: str, b: str) -> bool:
    """Whether a contradiction puts the two claims on different sides."""
    for finding in report.findings:
        if finding.verdict is Verdict.CONTRADICT and {a, b} <= set(finding.claims):
            side = {c: n for n, members in enumerate(finding.sides) for c in members}
            if side[a] != side[b]:
                return True
    return False


def compare_texts(nlp: Any, texts: dict[str, str], published: dict[str, dt.date] | None = None,
                  default: dt.date | None = dt.date(2024, 3, 8)) -> Report:
    """``compare`` of short texts by source name, each published on its date in
    ``published``, else on ``default`` (``None``: with no date, as many archives give)."""
    from claimcheck.api import compare
    from claimcheck.sources import Source

    sources = [Source(id=name, path=name, text=text,
                      published=(published or {}).get(name, default))
               for name, text in texts.items()]
    return compare(sources, nlp=nlp)


def quantity_id(report: Report, source: str, text: str) -> str:
    """The id of the quantity claim of ``source`` written ``text``; fails if none."""
    claim = find_claim(report, source, text, kind="quantity")
    assert claim is not None, f"no quantity “{text}” in {source}"
    return claim.id
