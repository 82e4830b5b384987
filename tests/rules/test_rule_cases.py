"""Every case of every shipped rule, one test each (ids like ``quantity-agreement::case``)."""

from __future__ import annotations

import pytest

from claimcheck.rules.cases import collect_cases, run_case
from claimcheck.rules.loader import rule_files, shipped_packs

_FOUND, _RULESET, _PROBLEMS = collect_cases(shipped_packs())


def test_shipped_case_files_are_valid() -> None:
    assert [p.render() for p in _PROBLEMS] == []


def test_every_shipped_rule_has_cases() -> None:
    with_cases = {rule for rule, _, _ in _FOUND}
    shipped = {f"{pack.name}/{p.stem}" for pack in shipped_packs() for p in rule_files(pack)}
    assert shipped == with_cases
    assert {"default/quantity-agreement", "strict/corroboration"} <= shipped


def _case_id(rule: str, name: str) -> str:
    pack, rule_name = rule.split("/", 1)
    return f"{rule_name}::{name}" if pack == "default" else f"{pack}/{rule_name}::{name}"


@pytest.mark.parametrize(("rule", "name", "case"), _FOUND,
                         ids=[_case_id(r, n) for r, n, _ in _FOUND])
def test_rule_case(rule: str, name: str, case: object) -> None:
    assert _RULESET is not None
    result = run_case(rule, name, case, _RULESET)  # type: ignore[arg-type]
    assert result.passed, result.detail
