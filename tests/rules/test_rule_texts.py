"""The text cases of the shipped rules: short articles through the whole pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.rules.cases import collect_all_cases, run_text_case
from claimcheck.rules.loader import shipped_packs

_, _TEXTS, _RULESET, _ = collect_all_cases(shipped_packs())


@pytest.mark.model
@pytest.mark.parametrize(("rule", "name", "case"), _TEXTS,
                         ids=[f"{r.split('/', 1)[-1]}::{n}" for r, n, _ in _TEXTS])
def test_rule_text_case(nlp: Any, rule: str, name: str, case: Any) -> None:
    for finder in ("numbers", "dates", "places", "quotes"):  # every extractor must be there
        pytest.importorskip(f"claimcheck.extract.{finder}")
    assert _RULESET is not None
    result = run_text_case(rule, name, case, _RULESET, nlp)
    assert result.passed, result.detail
