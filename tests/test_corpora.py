"""Multi-source sets written for the tests: one event each, from several angles, with
real-looking agreements, contradictions and traps. Data in ``tests/corpora/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from claimcheck.report.view import Report
from tests.helpers import TESTS, find_claim, load_yaml

pytestmark = pytest.mark.model
CORPORA = sorted(p for p in (TESTS / "corpora").iterdir() if (p / "expected.yaml").exists())


def _compare(folder: Path) -> Report:
    from claimcheck import api
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    return api.compare(load_sources([folder]), load_ruleset(), nlp=load_pipeline())


def _relations() -> list[Any]:
    cases = []
    for folder in CORPORA:
        for index, relation in enumerate(load_yaml(folder / "expected.yaml")["relations"]):
            cases.append(pytest.param(folder, relation,
                                      id=f"{folder.name}-{index}-{relation['relation']}"))
    return cases


_REPORTS: dict[Path, Report] = {}


def _report(folder: Path) -> Report:
    if folder not in _REPORTS:
        _REPORTS[folder] = _compare(folder)
    return _REPORTS[folder]


@pytest.mark.parametrize(("folder", "case"), _relations())
def test_relation(nlp: Any, folder: Path, case: dict[str, Any]) -> None:
    del nlp
    report = _report(folder)
    a = find_claim(report, case["a"]["source"], case["a"]["text"])
    b = find_claim(report, case["b"]["source"], case["b"]["text"])
    assert a is not None and b is not None, "both claims must be extracted"
    together = [g for g in report.groups if not g.related and {a.id, b.id} <= set(g.claims)]
    verdicts = {f.verdict for f in report.findings if {a.id, b.id} <= set(f.claims)}
    if case["relation"] == "not_compared":
        # together only where the evidence could show agreement, never a contradiction
        assert not [g for g in together if not g.agreement_only], case.get("why", "")
        assert not verdicts
    else:
        assert together, "the two claims must be grouped"
        assert Verdict(case["relation"]) in verdicts
        if case["relation"] != "contradict":
            assert Verdict.CONTRADICT not in verdicts


def _checks() -> list[Any]:
    cases = []
    for folder in CORPORA:
        expected = load_yaml(folder / "expected.yaml")
        for finding in expected.get("findings", []):
            cases.append(pytest.param(folder, expected["draft"], finding,
                                      id=f"{folder.name}-{finding['text'][:24]}"))
    return cases


_CHECKS: dict[Path, Report] = {}


@pytest.mark.parametrize(("folder", "draft", "case"), _checks())
def test_draft_check(nlp: Any, folder: Path, draft: str, case: dict[str, Any]) -> None:
    from claimcheck import api
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    if folder not in _CHECKS:
        draft_source = load_sources([(folder / draft).resolve()], role="draft")[0]
        _CHECKS[folder] = api.check(draft_source, load_sources([folder]), load_ruleset(),
                                    nlp=nlp)
    report = _CHECKS[folder]
    claim = find_claim(report, report.sources[0].id, case["text"])
    assert claim is not None, f"the draft's {case['text']!r} must be extracted"
    verdicts = [f.verdict for f in report.findings if f.claims and f.claims[0] == claim.id]
    assert Verdict(case["verdict"]) in verdicts, f"{case['why']}; got {verdicts}"
