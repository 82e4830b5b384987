"""The rules documentation names every shipped rule and kind, and its worked example works."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from claimcheck.rules.cases import run_packs
from claimcheck.rules.loader import rule_files, rule_id, shipped_packs
from claimcheck.rules.schema import kind_names

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_every_shipped_rule_and_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for pack in shipped_packs():
        for path in rule_files(pack):
            assert f"`{rule_id(pack, path)}`" in text
    for kind in kind_names():
        assert f"`{kind}`" in text


def test_the_worked_example_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    pack = tmp_path / "standards"
    pack.mkdir()
    (pack / "injuries.yaml").write_text(textwrap.dedent(blocks[0]), encoding="utf-8")
    (pack / "injuries.cases.yaml").write_text(textwrap.dedent(blocks[1]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    results, problems = run_packs([Path("standards")])
    assert problems == []
    assert [(r.id, r.passed) for r in results] == [
        ("injuries::within_five_percent", True), ("injuries::beyond_five_percent", True)]


def test_the_readme_example_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rules", 1)[1]
    rule, cases = re.findall(r"<<'YAML'\n(.*?)YAML\n", section, re.S)[:2]
    pack = tmp_path / "standards"
    pack.mkdir()
    (pack / "injuries.yaml").write_text(rule, encoding="utf-8")
    (pack / "injuries.cases.yaml").write_text(cases, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    results, problems = run_packs([Path("standards")])
    assert problems == []
    assert [(r.id, r.passed) for r in results] == [("injuries::within_five_percent", True)]
