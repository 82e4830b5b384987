"""Every case of every shipped rule, one test each (ids like ``quantity-agreement::case``)."""

from __future__ import annotations

import pytest

from claimcheck.rules.cases import collect_cases, run_case
from claimcheck.rules.loader import default_pack, rule_files

_FOUND, _RULESET, _PROBLEMS = collect_cases([default_pack()])


def test_shipped_case_files_are_valid() -> None:
    assert [p.render() for p in _PROBLEMS] == []


def test_every_shipped_rule_has_cases() -> None:
    with_cases = {rule for rule, _, _ in _FOUND}
    pack = default_pack()
    assert {f"{pack.name}/{p.stem}" for p in rule_files(pack)} == with_cases


@pytest.mark.parametrize(("rule", "name", "case"), _FOUND,
                         ids=[f"{r.split('/', 1)[-1]}::{n}" for r, n, _ in _FOUND])
def test_rule_case(rule: str, name: str, case: object) -> None:
    assert _RULESET is not None
    result = run_case(rule, name, case, _RULESET)  # type: ignore[arg-type]
    assert result.passed, result.detail
