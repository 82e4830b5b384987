"""The compiled rule set: an unchanged pack is not read again, a changed one always is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.cache import ClaimStore, read_compiled
from claimcheck.errors import RuleError
from claimcheck.rules import ruleset as ruleset_module
from claimcheck.rules.compiled import packs_key
from claimcheck.rules.loader import default_pack
from claimcheck.rules.ruleset import load_ruleset


class Memory:
    def __init__(self) -> None:
        self.payloads: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.payloads.get(key)

    def put(self, key: str, payload: str) -> None:
        self.payloads[key] = payload


def test_a_compiled_rule_set_is_the_rule_set_read(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = Memory()
    read = load_ruleset(compiled=memory)
    assert read == load_ruleset() and len(memory.payloads) == 1

    def no_reading(*_: object) -> None:
        raise AssertionError("the packs were read although they are unchanged")

    monkeypatch.setattr(ruleset_module, "load_packs", no_reading)
    assert load_ruleset(compiled=memory) == read


def test_a_changed_pack_is_read_again_and_its_problems_reported(tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    shutil.copytree(default_pack(), pack)
    (pack / "vocabulary.yaml").unlink()
    memory = Memory()
    load_ruleset([pack], compiled=memory)
    before = packs_key([default_pack(), pack])
    rule = pack / "quantity-agreement.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "severty: error\n", encoding="utf-8")
    assert packs_key([default_pack(), pack]) != before
    with pytest.raises(RuleError, match="severty"):
        load_ruleset([pack], compiled=memory)
    assert len(memory.payloads) == 1  # a pack with a problem is never kept


def test_the_cache_is_read_only_before_the_outputs_are_guarded(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Ten people died.", encoding="utf-8")
    assert read_compiled(article, "k") is None
    assert article.read_text(encoding="utf-8") == "Ten people died."
    assert read_compiled(tmp_path / "absent.sqlite", "k") is None
    assert not (tmp_path / "absent.sqlite").exists()
    with ClaimStore(tmp_path / "c.sqlite") as store:
        store.put_compiled("k", "payload")
    assert read_compiled(tmp_path / "c.sqlite", "k") == "payload"
    assert read_compiled(tmp_path / "c.sqlite", "other") is None
