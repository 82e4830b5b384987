"""``claimcheck rules`` list, explain, validate and test; exit codes 0, 1 and 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.rules import rules_app

runner = CliRunner()

RULE = ("kind: quantity_agreement\nseverity: warning\n"
        "message: '{slot}: {text} vs {evidence} ({reason}, within {tolerance})'\n"
        "description: Injury counts must agree within 5 %.\n"
        "tolerance: {relative: 0.05}\napplies_to: {attributes: [injuries]}\n")
CASES = """\
cases:
  within_five_percent:
    claims:
      - {id: a, source: s1, kind: quantity, about: injuries, value: 200}
      - {id: b, source: s2, kind: quantity, about: injuries, value: 208}
    expect:
      - {verdict: agree, claims: [a, b]}
"""


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "desk"
    pack.mkdir()
    (pack / "injuries.yaml").write_text(RULE, encoding="utf-8")
    (pack / "injuries.cases.yaml").write_text(CASES, encoding="utf-8")
    return pack


def test_list_shows_shipped_and_extra_rules(desk: Path) -> None:
    result = runner.invoke(rules_app, ["list", "--rules", str(desk)])
    assert result.exit_code == 0, result.output
    assert "default/quantity-agreement" in result.output
    assert "desk/injuries" in result.output


def test_explain_shows_description_settings_and_examples(desk: Path) -> None:
    result = runner.invoke(rules_app, ["explain", "default/quantity-agreement"])
    assert result.exit_code == 0, result.output
    assert "more_than_vs_over (compare)" in result.output
    assert "approximation" in result.output
    result = runner.invoke(rules_app, ["explain", "desk/injuries", "--rules", str(desk)])
    assert result.exit_code == 0, result.output
    assert "within_five_percent" in result.output


def test_explain_unknown_rule(desk: Path) -> None:
    result = runner.invoke(rules_app, ["explain", "default/quote-fidelty"])
    assert result.exit_code == 2
    assert "did you mean 'default/quote-fidelity'" in result.output


def test_validate_ok_and_broken(desk: Path) -> None:
    assert runner.invoke(rules_app, ["validate", str(desk)]).exit_code == 0
    (desk / "broken.yaml").write_text("kind: quantity_agreemnt\nmessage: x\n", encoding="utf-8")
    result = runner.invoke(rules_app, ["validate", "desk"])
    assert result.exit_code == 2
    assert "desk/broken.yaml:1:7: R113 unknown kind 'quantity_agreemnt'" in result.output


def test_test_passes_then_fails(desk: Path) -> None:
    result = runner.invoke(rules_app, ["test", str(desk)])
    assert result.exit_code == 0, result.output
    assert "PASS injuries::within_five_percent" in result.output
    (desk / "injuries.cases.yaml").write_text(CASES.replace("208", "240"), encoding="utf-8")
    result = runner.invoke(rules_app, ["test", str(desk)])
    assert result.exit_code == 1
    assert "FAIL injuries::within_five_percent" in result.output
    assert "unexpected contradict" in result.output


def test_test_without_case_file_is_a_bad_pack(desk: Path) -> None:
    (desk / "injuries.cases.yaml").unlink()
    result = runner.invoke(rules_app, ["test", str(desk)])
    assert result.exit_code == 2
    assert "has no case file" in result.output


def test_default_pack_cases_pass() -> None:
    result = runner.invoke(rules_app, ["test"])
    assert result.exit_code == 0, result.output
