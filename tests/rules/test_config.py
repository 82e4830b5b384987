"""Configuration: found upward, strict, applied to the rule set with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import RuleError
from claimcheck.model.findings import FailOn, Severity
from claimcheck.rules import load_config, load_ruleset


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_a_subdirectory_in_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.claimcheck]\n'
          'disable = ["default/single-source"]\nfail_on = "warning"\n'
          'severity = { "default/quote-fidelity" = "warning" }\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    config = load_config(tmp_path / "a" / "b")
    assert config is not None
    assert config.path == tmp_path / "pyproject.toml"
    ruleset = load_ruleset(config=config)
    ids = [r.id for r in ruleset.rules]
    assert "default/single-source" not in ids
    assert ruleset.fail_on is FailOn.WARNING
    rule = ruleset.get("default/quote-fidelity")
    assert rule is not None and rule.severity is Severity.WARNING


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'fail_on = "never"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(tmp_path / "sub")
    assert config is not None and config.fail_on is FailOn.NEVER


def test_claimcheck_toml_wins_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail_on = "info"\n')
    write(tmp_path / "claimcheck.toml", '[tool.claimcheck]\nfail_on = "error"\n')
    config = load_config(tmp_path)
    assert config is not None and config.fail_on is FailOn.ERROR


def test_no_configuration(tmp_path: Path) -> None:
    assert load_config(tmp_path) is None


def test_packs_relative_to_the_file_and_shipped_by_name(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "r.yaml", "kind: single_source\nmessage: x\n")
    write(tmp_path / "claimcheck.toml", 'packs = ["desk", "strict"]\n')
    config = load_config(tmp_path)
    assert config is not None
    ids = [r.id for r in load_ruleset(config=config).rules]
    assert "desk/r" in ids and "strict/corroboration" in ids


@pytest.mark.parametrize(("text", "expected"), [
    ('fail_on = "warning"\ndisabled = ["x"]\n',
     "claimcheck.toml:2:1: C110 unknown key 'disabled' (did you mean 'disable'?); "
     "valid keys: packs, disable, severity, fail_on"),
    ('fail_on = "sometimes"\n',
     "claimcheck.toml:1:1: C112 fail_on: Input should be 'info', 'warning', 'error' or "
     "'never' (got 'sometimes')"),
    ('fail_on = "warning\n',
     "claimcheck.toml:1:19: C100 invalid TOML: Illegal character"),
    ('\n[tool.claimcheck]\nseverity = { "default/quote-fidelity" = "loud" }\n',
     "claimcheck.toml:3:1: C112 severity.default/quote-fidelity: Input should be"),
], ids=["unknown-key", "wrong-type", "syntax", "bad-severity"])
def test_config_errors_are_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   text: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(RuleError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(expected), str(caught.value)


def test_unknown_rule_ids_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "claimcheck.toml",
          'disable = ["default/quote-fidelty"]\n\n[severity]\n"default/nope" = "info"\n')
    config = load_config(tmp_path)
    assert config is not None
    with pytest.raises(RuleError) as caught:
        load_ruleset(config=config)
    lines = [p.render().splitlines()[0] for p in caught.value.problems]
    assert lines == [
        "claimcheck.toml:1:12: C120 disable: no rule 'default/quote-fidelty' "
        "(did you mean 'default/quote-fidelity'?)",
        "claimcheck.toml:4:1: C120 severity: no rule 'default/nope'",
    ]


def test_disable_a_whole_pack_by_pattern(tmp_path: Path) -> None:
    write(tmp_path / "claimcheck.toml", 'packs = ["strict"]\ndisable = ["strict/*"]\n')
    config = load_config(tmp_path)
    assert config is not None
    assert not [r for r in load_ruleset(config=config).rules if r.id.startswith("strict/")]
