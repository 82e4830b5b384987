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
    assert "case: more_than_vs_over\n    mode: compare" in result.output
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


# ------------------------------------------------ validate FILE, attributes, tolerances


def test_validate_one_rule_file(desk: Path) -> None:
    result = runner.invoke(rules_app, ["validate", str(desk / "injuries.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 file(s): ok" in result.output


@pytest.mark.parametrize("target", ["file", "pack"])
def test_an_attribute_no_claim_has_is_an_error(desk: Path, target: str) -> None:
    (desk / "injuries.yaml").write_text(RULE.replace("[injuries]", "[injures]"),
                                        encoding="utf-8")
    path = desk / "injuries.yaml" if target == "file" else desk
    result = runner.invoke(rules_app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "injuries.yaml:6:" in result.output and "R117" in result.output
    assert "did you mean 'injuries'" in result.output


@pytest.mark.parametrize("tolerance", ["{relative: -0.05}", "{absolute: -3}",
                                       "{approximation: 2}"])
def test_a_negative_or_impossible_tolerance_is_an_error(desk: Path, tolerance: str) -> None:
    (desk / "injuries.yaml").write_text(RULE.replace("{relative: 0.05}", tolerance),
                                        encoding="utf-8")
    result = runner.invoke(rules_app, ["validate", str(desk / "injuries.yaml")])
    assert result.exit_code == 2 and "R112" in result.output and ":5:" in result.output


def test_explain_prints_yaml(desk: Path) -> None:
    from ruamel.yaml import YAML

    result = runner.invoke(rules_app, ["explain", "desk/injuries", "--rules", str(desk)])
    assert result.exit_code == 0, result.output
    document = YAML(typ="safe", pure=True).load(result.output)
    assert document["id"] == "desk/injuries" and document["kind"] == "quantity_agreement"
    assert document["tolerance"]["relative"] == 0.05
    assert document["applies_to"] == {"attributes": ["injuries"]}
    assert document["examples"][0]["verdicts"] == ["agree"]
    assert "{'" not in result.output


def test_list_as_json(desk: Path) -> None:
    import json

    result = runner.invoke(rules_app, ["list", "--format", "json", "--rules", str(desk)])
    rules = json.loads(result.output)
    assert "desk/injuries" in [r["id"] for r in rules]
    assert {"id", "kind", "severity", "description", "link"} <= set(rules[0])
