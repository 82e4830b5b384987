"""The input edge: folders, metadata, front matter, offsets and limits."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError, Problem
from claimcheck.sources import (
    MAX_ARTICLE_CHARS,
    load_sources,
    mask_comments,
    read_source,
    source_from_text,
)

BODY = "At least 40 people were killed on Friday, officials said.\n"


def _codes(err: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [p.code for p in err.value.problems]


def _load(*paths: Path, **kwargs: object) -> tuple[list[str], list[Problem]]:
    warnings: list[Problem] = []
    sources = load_sources(list(paths), warn=warnings.append, **kwargs)  # type: ignore[arg-type]
    return [s.id for s in sources], warnings


# ----------------------------------------------------------------------- offsets


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_with_any_line_ending(newline: str) -> None:
    text = newline.join(["First line.", "", "Then 40 people died."])
    source = source_from_text(text, "a.txt")
    start = text.index("40")
    assert source.text[start:start + 2] == "40"
    assert source.line_column(start) == (3, 6)


def _naive_line_column(text: str, offset: int) -> tuple[int, int]:
    before = re.split(r"\r\n|\r|\n", text[:offset])
    return len(before), len(before[-1]) + 1


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from("ab \r\n\u2028é"), max_size=60), st.data())
def test_line_column_matches_a_naive_count(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1:offset + 1] == "\r\n":
        offset -= 1  # the middle of a CRLF pair is no position a claim can start at
    assert source_from_text(text, "x.txt").line_column(offset) == \
        _naive_line_column(text, offset)


def test_crlf_front_matter_keeps_offsets_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_bytes(b"---\r\ntitle: T\r\npublished: 2013-09-13\r\n---\r\n" + BODY.encode()
                     .replace(b"\n", b"\r\n"))
    source = read_source(path)
    assert source.published == dt.date(2013, 9, 13)
    start = source.text.index("40")
    assert source.body_start < start
    assert source.line_column(start) == (5, 10)


# ------------------------------------------------------------------------ folders


def test_folder_skips_other_files_with_a_warning_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "photo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(BODY, encoding="utf-8")
    ids, warnings = _load(tmp_path)
    assert ids == ["a.txt", "b.md", "sub/c.txt"]
    assert sorted(Path(w.path or "").name for w in warnings) == ["photo.PNG", "scan.pdf"]
    assert all(w.code == "CC103" for w in warnings)


def test_binary_file_with_an_article_suffix_is_an_error_and_the_rest_still_read(
        tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "c.md").write_text("---\ntitle: [unclosed\n---\nBody", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    assert _codes(caught) == ["CC101", "CC101", "CC112"]


def test_empty_and_blank_articles_are_kept_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\r\n", encoding="utf-8")
    (tmp_path / "front-only.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    ids, warnings = _load(tmp_path)
    assert ids == ["blank.txt", "empty.txt", "front-only.md"]
    assert [w.code for w in warnings] == ["CC104"] * 3


def test_order_on_disk_and_on_the_command_line_does_not_matter(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    forward, _ = _load(tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt")
    backward, _ = _load(tmp_path / "c.txt", tmp_path / "b.txt", tmp_path / "a.txt")
    assert forward == backward == ["a.txt", "b.txt", "c.txt"]


def test_draft_inside_the_sources_folder_is_not_a_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "draft.md").write_text(BODY, encoding="utf-8")
    ids, _ = _load(tmp_path, exclude=[tmp_path / "sub" / ".." / "draft.md"])
    assert ids == ["a.txt"]


def test_thousands_of_files_load_quickly(tmp_path: Path) -> None:

    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(BODY, encoding="utf-8")
    ids, _ = _load(tmp_path)
    assert len(ids) == 2000


def test_same_file_name_in_two_folders_is_an_error(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path / "x", tmp_path / "y"])
    assert _codes(caught) == ["CC124"]


# ------------------------------------------------------------------- unreadable


def test_dangling_link_in_a_folder_is_skipped_by_name(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    warnings: list[Problem] = []
    sources = load_sources([tmp_path], warn=warnings.append)
    assert [s.id for s in sources] == ["ok.txt"]
    (problem,) = warnings
    assert problem.code == "CC107" and problem.path and problem.path.endswith("gone.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not stop root")
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert "Permission denied" in str(caught.value)


def test_read_errors_become_one_line_each(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")

    def denied(fd: int, size: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "read", denied)
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert all(line.endswith("CC100 cannot read file: Permission denied") for line in lines)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:
        load_sources([fifo])
    assert _codes(caught) == ["CC107"]


# ------------------------------------------------------------------------ limits


def test_a_20_mb_article_is_refused_without_reading_it(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(20_000_000)  # sparse: costs no disk

    def must_not_read(self: Path) -> bytes:
        raise AssertionError("read a file that is refused by its size")

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert _codes(caught) == ["CC105"]
    assert "split it into articles" in str(caught.value)


def test_long_article_is_refused_by_its_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("x" * (MAX_ARTICLE_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([path])
    assert _codes(caught) == ["CC105"]


def test_very_long_line_loads_with_right_columns(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    text = "word " * 150_000 + "40 people"
    path.write_text(text, encoding="utf-8")
    (source,) = load_sources([path])
    assert source.line_column(text.index("40 people")) == (1, 750_001)


# ---------------------------------------------------------------- front matter


@pytest.mark.parametrize(("text", "code", "where"), [
    ("---\ntitle: x\n\nBody", "CC110", "d.md:1:1:"),
    ("---\ntitle: [x\n---\nBody", "CC112", "d.md:"),
    ("---\n- a\n- b\n---\nBody", "CC111", "d.md:2:1:"),
    ("---\ntitle: T\npublished: 13/09/2013\n---\nBody", "CC113", "d.md:3:"),
    ("---\ntitle: T\npublished: 2013-02-30\n---\nBody", "CC113", "d.md:3:"),
    ("---\noutlet: [a, b]\n---\nBody", "CC114", "d.md:2:"),
    ("---\na: 1\na: 2\n---\nBody", "CC112", "d.md:"),
    ("---\nx: " + "[" * 3000 + "\n---\nBody", "CC112", "d.md:"),
    ("---\nx: !!python/object/apply:os.system ['echo hi']\n---\nBody", "CC112", "d.md:"),
    ("---\nx: \x1b[31m\n---\nBody", "CC112", "d.md:"),
])
def test_broken_front_matter_is_one_located_line(text: str, code: str, where: str) -> None:
    with pytest.raises(InputError) as caught:
        source_from_text(text, "d.md")
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.render().startswith(where)
    assert "\n" not in problem.render()


def test_billion_laughs_in_front_matter_is_refused_quickly() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "---\n" + "\n".join(levels) + "\noutlet: *a8\n---\nBody"
    with pytest.raises(InputError) as caught:
        source_from_text(text, "d.md")
    assert _codes(caught) == ["CC112"]  # refused while still unexpanded
    assert "expands to more than" in str(caught.value)


def test_datetime_in_front_matter_is_a_date() -> None:
    source = source_from_text("---\npublished: 2013-09-13T10:00:00+02:00\n---\nB", "d.md")
    assert source.published == dt.date(2013, 9, 13)


# ------------------------------------------------------------------ sources.yaml


@pytest.mark.parametrize(("yaml", "codes"), [
    ("- file: a.txt\n  published: 13/09/2013\n", ["CC113"]),
    ("- file: a.txt\n- file: missing.txt\n", ["CC123"]),
    ("- file: ../a.txt\n", ["CC125"]),
    ("- file: a.txt\n- file: a.txt\n", ["CC126"]),
    ("- file: a.txt\n  outlett: X\n", ["CC122"]),
    ("- outlet: X\n", ["CC121"]),
    ("file: a.txt\n", ["CC120"]),
    ("- file: a.txt\n  outlet: {name: X}\n", ["CC114"]),
    ("- file: [a.txt\n", ["CC112"]),
    ("- file: a.txt\n  published: 2013-02-30\n- file: nope.txt\n", ["CC113", "CC123"]),
])
def test_bad_sources_yaml_names_every_problem(tmp_path: Path, yaml: str,
                                              codes: list[str]) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(yaml, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    assert _codes(caught) == codes
    assert all("sources.yaml" in (p.path or "") for p in caught.value.problems)


def test_sources_yaml_python_tags_are_data_not_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        f"- file: a.txt\n  outlet: !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8")
    with pytest.raises(InputError):
        load_sources([tmp_path])
    assert not marker.exists()


def test_sources_yaml_in_latin1_with_a_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes(
        "- file: a.txt\n  outlet: Le Monde Diplomatique, édition\n  published: 2013-09-13\n"
        .encode("latin-1"))
    (source,) = load_sources([tmp_path])
    assert source.outlet == "Le Monde Diplomatique, édition"
    assert source.published == dt.date(2013, 9, 13)


# ------------------------------------------------------------------ HTML comments

_COMMENT_PATTERN = re.compile(r"<!--.*?-->", re.DOTALL)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "<!-->", "-", "a", "\n", "\r\n"]),
                max_size=30).map("".join))
def test_masking_comments_blanks_what_a_comment_pattern_finds(text: str) -> None:
    expected = _COMMENT_PATTERN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    assert mask_comments(text) == expected
    assert len(mask_comments(text)) == len(text)


def test_masking_thousands_of_unclosed_comments_changes_nothing() -> None:
    assert mask_comments("<!--" * 200_000) == "<!--" * 200_000
