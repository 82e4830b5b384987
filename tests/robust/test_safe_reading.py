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


_RULE_ALPHABET = st.sampled_from([*"abkindsevrty:-[]{}&*!|>'\"#,\n\t 0123456789.%\x00\x1bé",
                                  "kind: ", "severity: ", "message: ", "quantity_agreement",
                                  "tolerance: ", "applies_to: ", "{slot}", "- ", "  "])


@settings(max_examples=120, deadline=None)
@given(st.lists(_RULE_ALPHABET, max_size=60).map("".join),
       st.sampled_from(["r.yaml", "vocabulary.yaml", "r.cases.yaml"]),
       st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_any_rule_pack_file_loads_or_gives_located_problems(text: str, name: str,
                                                            codec: str) -> None:
    """No rule, vocabulary or cases file makes the loader raise: every failure is a
    problem with the file's name, as the command line prints it (exit 2)."""
    import tempfile

    from claimcheck.rules.cases import collect_cases
    from claimcheck.rules.loader import load_packs

    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack"
        pack.mkdir()
        (pack / name).write_bytes(text.encode(codec, errors="replace"))
        if name == "r.cases.yaml":
            (pack / "r.yaml").write_text("kind: single_source\nseverity: info\n",
                                         encoding="utf-8")
            _, _, problems = collect_cases([pack])
        else:
            _, _, problems = load_packs([pack])
        assert all(p.path and p.code for p in problems)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from([*"packs=disable[]{}\"'#.,\n 0123456789\x00é",
                                 "fail_on = ", "severity = ", "[tool.claimcheck]\n",
                                 '"error"', "packs = [", "disable = ["]),
                max_size=60).map("".join),
       st.sampled_from(["claimcheck.toml", "pyproject.toml"]))
def test_any_config_file_loads_or_is_a_user_error(text: str, name: str) -> None:
    import tempfile

    from claimcheck.errors import ClaimcheckError
    from claimcheck.rules.config import read_config

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8"))
        try:
            read_config(path)
        except ClaimcheckError as error:
            assert error.exit_code == 2 and error.problems


def test_runaway_punctuation_is_blanked_for_the_parser_only() -> None:
    from claimcheck.sources import mask_runaway_affixes

    text = "(" * 80 + "40 people [died]" + ")" * 80 + " and 1,200 were hurt (officials said)."
    masked = mask_runaway_affixes(text)
    assert len(masked) == len(text)
    assert masked.endswith(" and 1,200 were hurt (officials said).")  # prose untouched
    assert "(" not in masked[:80] and "40 people  died" in masked


def test_a_file_named_directly_keeps_its_folders_metadata(tmp_path: Path) -> None:
    from claimcheck.sources import load_sources

    (tmp_path / "a.txt").write_text("At least 40 people died.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  outlet: Wire\n"
                                           "  published: '2013-09-13'\n", encoding="utf-8")
    (by_name,) = load_sources([tmp_path / "a.txt"])
    (walked,) = load_sources([tmp_path])
    assert (by_name.outlet, by_name.published) == (walked.outlet, walked.published)
    assert by_name.outlet == "Wire"
