"""The one reader and safe YAML: special files refused without reading, hostile YAML
refused while still unexpanded, every refusal located."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from claimcheck import safe_yaml
from claimcheck.errors import InputError
from claimcheck.reading import read_bytes, read_text


def _yaml(typ: str = "rt") -> YAML:
    yaml = YAML(typ=typ, pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def _bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link):
        with pytest.raises(InputError) as caught:
            read_bytes(path, 10)
        assert caught.value.problems[0].code == "CC107"
        assert "a device" in caught.value.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        read_text(fifo)
    assert "a pipe" in caught.value.problems[0].message


def test_a_file_over_its_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError) as caught:
        read_text(path, 100)
    assert caught.value.problems[0].code == "CC106"


def test_utf16_and_windows_1252_config_files_are_read(tmp_path: Path) -> None:
    for codec in ("utf-16", "cp1252"):
        path = tmp_path / f"{codec}.yaml"
        path.write_bytes("outlet: “Le Monde” café\n".encode(codec))
        assert "café" in read_text(path)


def test_a_binary_file_is_named_with_the_position_of_its_first_nul(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"kind: x\nsev\x00erity: y\n")
    with pytest.raises(InputError) as caught:
        read_text(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("CC101", 2, 4)


@pytest.mark.parametrize(("text", "says", "line"), [
    pytest.param(_bomb(), "expands to more than", 6, id="billion-laughs"),
    pytest.param("a: &a [*a]\n", "contains it", 1, id="recursive-alias"),
    pytest.param("a: " + "[" * 5000 + "]" * 5000 + "\n", "levels deep", 1, id="deep-flow"),
    pytest.param("".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v\n",
                 "levels deep", None, id="deep-block"),
    pytest.param("n: " + "7" * 5000 + "\n", "5,000 digits", 1, id="huge-integer"),
    pytest.param("a: 1\n\x07b: 2\n", "U+0007", 2, id="control-character"),
])
def test_hostile_yaml_is_refused_with_a_position(text: str, says: str,
                                                 line: int | None) -> None:
    for typ in ("rt", "safe"):
        with pytest.raises(safe_yaml.YamlProblem) as caught:
            safe_yaml.load(_yaml(typ), text)
        assert says in caught.value.message
        if line is not None:
            assert caught.value.line == line


def test_chained_aliases_count_their_depth_once_expanded() -> None:
    """Each anchor is shallow, but aliases nest them: the expanded depth is what a reader
    walks, so that is what is limited."""
    lines = ["a0: &a0 [[[[x]]]]"]
    lines += [f"a{i}: &a{i} [[[[*a{i - 1}]]]]" for i in range(1, 20)]
    with pytest.raises(safe_yaml.YamlProblem) as caught:
        safe_yaml.load(_yaml(), "\n".join(lines))
    assert "levels deep" in caught.value.message


def test_ordinary_aliases_still_load() -> None:
    data = safe_yaml.load(_yaml("safe"), "base: &b {x: 1}\nrule: {<<: *b, y: 2}\n")
    assert data == {"base": {"x": 1}, "rule": {"x": 1, "y": 2}}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`?,\n\t 0123456789\x00é")),
               max_size=120))
def test_any_text_loads_or_is_one_located_problem(text: str) -> None:
    for typ in ("rt", "safe"):
        try:
            safe_yaml.load(_yaml(typ), text)
        except safe_yaml.YamlProblem as problem:
            assert problem.message
