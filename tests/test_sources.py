"""Reading sources: metadata, front matter, offsets and clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.sources import load_sources, source_from_text
from tests.helpers import SEEDS


def test_seeds_load_with_their_metadata() -> None:
    sources = load_sources([SEEDS])
    assert [s.id for s in sources] == sorted(s.id for s in sources)
    first = sources[0]
    assert first.published == dt.date(2013, 9, 13)
    assert any(s.outlet == "The Moscow Times" for s in sources)


def test_front_matter_sets_metadata_and_body_offset() -> None:
    text = "---\ntitle: T\npublished: 2013-10-08\n---\n\nBody 5 people.\n"
    source = source_from_text(text, "draft.md", role="draft")
    assert source.published == dt.date(2013, 10, 8)
    assert source.title == "T"
    assert source.body.startswith("\nBody")
    assert source.text[source.body_start:] == source.body


def test_line_column_counts_crlf_lines() -> None:
    source = source_from_text("one\r\ntwo three", "a.txt")
    offset = source.text.index("three")
    assert source.line_column(offset) == (2, 5)


def test_unclosed_front_matter_is_an_error_with_a_line() -> None:
    with pytest.raises(InputError) as caught:
        source_from_text("---\ntitle: x\n\nBody.", "d.md")
    assert caught.value.problems[0].render().startswith("d.md:1:1: CC110")


def test_bad_date_in_sources_yaml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "- file: a.txt\n  published: 13/09/2013\n- file: missing.txt\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    rendered = str(caught.value)
    assert "sources.yaml:1: CC113" in rendered
    assert "sources.yaml:3: CC123" in rendered and "missing.txt" in rendered


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"%PDF\x00\x01\x02")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path / "x.txt"])
    assert "x.txt:1:5: CC101" in str(caught.value)


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "l.txt").write_bytes("Caf\xe9 in S\xe3o Paulo: 12 people.".encode("latin-1"))
    (source,) = load_sources([tmp_path / "l.txt"])
    assert "São Paulo" in source.text


def test_missing_path_is_reported() -> None:
    with pytest.raises(InputError) as caught:
        load_sources([Path("no/such/folder")])
    assert "CC100" in str(caught.value)


def test_comments_are_blanked_without_moving_offsets() -> None:
    text = "A.\n<!-- claimcheck: ignore x -- why -->\nSome 90,000 died.\n"
    source = source_from_text(text, "d.md")
    readable = source.readable_body
    assert len(readable) == len(source.body)
    assert "claimcheck" not in readable
    assert readable.index("Some 90,000") == source.body.index("Some 90,000")
