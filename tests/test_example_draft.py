"""The example draft with planted errors: each finding must get the expected verdict,
and the check must fail. Data in ``tests/examples/``."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from claimcheck.report.view import Report
from tests.helpers import TESTS, find_claim, load_yaml

pytestmark = pytest.mark.model
EXPECTED = load_yaml(TESTS / "examples" / "draft_syria.expected.yaml")


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    from claimcheck import api
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    examples = TESTS / "examples"
    draft = load_sources([examples / EXPECTED["draft"]], role="draft")[0]
    sources = load_sources([(examples / EXPECTED["sources"]).resolve()])
    return api.check(draft, sources, load_ruleset(), nlp=nlp)


@pytest.mark.parametrize("case", EXPECTED["findings"], ids=lambda c: c["text"][:30])
def test_draft_finding(report: Report, case: dict[str, Any]) -> None:
    draft_id = report.sources[0].id
    claim = find_claim(report, draft_id, case["text"])
    assert claim is not None, f"the draft's {case['text']!r} must be extracted"
    verdicts = [f.verdict for f in report.findings if f.claims and f.claims[0] == claim.id]
    assert Verdict(case["verdict"]) in verdicts, f"{case['why']}; got {verdicts}"
    opposite = {Verdict.SUPPORTED: Verdict.CONTRADICTED, Verdict.CONTRADICTED: Verdict.SUPPORTED}
    assert opposite.get(Verdict(case["verdict"])) not in verdicts


def test_check_fails_on_contradictions(report: Report) -> None:
    assert report.exit_status() == 1
