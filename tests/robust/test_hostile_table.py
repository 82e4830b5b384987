"""The cases of ``hostile_cases.yaml`` through the command line: exit code, the problem
on standard error, no internal error, and no file that must survive replaced."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from claimcheck.cli import main

TABLE = Path(__file__).with_name("hostile_cases.yaml")
CASES: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(TABLE.read_text("utf-8"))


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


_MADE = {
    "alias-bomb": _bomb,
    "deep-flow": lambda: "[" * 10_000 + "]" * 10_000,
    "big-int": lambda: "7" * 5000 + "}",
    "deep-toml": lambda: "[" * 5000 + "]" * 5000,
    "big-int-toml": lambda: "7" * 5000,
}


def _build(root: Path, files: dict[str, dict[str, Any]]) -> None:
    for name, spec in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if spec.get("fifo"):
            if not hasattr(os, "mkfifo"):
                pytest.skip("no named pipes here")
            os.mkfifo(path)
        elif "symlink" in spec:
            target = spec["symlink"]
            if target.startswith("/") and not Path(target).exists():
                pytest.skip(f"no {target} here")
            path.symlink_to(target if target.startswith("/") else root / target)
        elif "hardlink" in spec:
            os.link(root / spec["hardlink"], path)
        elif "hex" in spec:
            path.write_bytes(bytes.fromhex(spec["hex"]))
        elif "make" in spec:
            text = spec.get("prefix", "") + _MADE[spec["make"]]() + spec.get("suffix", "")
            path.write_text(text, encoding="utf-8")
        elif "repeat" in spec:
            path.write_text(spec["repeat"] * spec["times"], encoding="utf-8")
        else:
            path.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))


def _snapshot(root: Path, names: list[str]) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in names}


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case["id"], marks=[pytest.mark.model] if case.get("model") else [])
    for case in CASES])
def test_hostile_case(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    _build(tmp_path, case["files"])
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path, case.get("unchanged", []))
    if "stdin" in case:
        data = (tmp_path / case["stdin"]).read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(case["args"])
    out, err = capsys.readouterr()
    assert code == case["exit"], err
    assert "Traceback" not in err and "internal error" not in err, err
    if "stderr" in case:
        assert re.search(case["stderr"], err), err
    for absent in case.get("stdout_absent", []):
        assert absent not in out
    assert _snapshot(tmp_path, case.get("unchanged", [])) == before


def test_every_case_has_a_distinct_id() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
