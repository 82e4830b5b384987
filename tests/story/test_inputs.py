"""Reading a pile: JSON Lines, Parquet, folders at any depth; bad records named by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.story.inputs import read_pile
from tests.story.articles import ARTICLES


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_json_lines_records_become_sources_in_id_order(tmp_path: Path) -> None:
    pile = read_pile([_jsonl(tmp_path / "pile.jsonl", list(reversed(ARTICLES)))])
    assert [s.id for s in pile.sources] == sorted(a["id"] for a in ARTICLES)
    first = pile.sources[0]
    assert first.published is not None and first.published.isoformat() == "2021-03-06"
    assert first.title == ARTICLES[0]["title"] and first.path.endswith("pile.jsonl:8")


def test_every_bad_record_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "text": "Fine."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "t", "text": 5}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "d", "text": "x", "published": "last week"}),
        json.dumps({"id": "u", "text": "x", "publsihed": "2021-01-01"}),
        json.dumps({"id": "ok", "text": "again"}),
    ]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_pile([path])
    lines = str(caught.value).splitlines()
    where = [line.split(": ")[0] for line in lines]
    assert where == [f"{path}:2:2", f"{path}:3:1", f"{path}:4", f"{path}:5", f"{path}:6",
                     f"{path}:7", f"{path}:8"]
    assert "did you mean 'published'" in lines[5]
    assert "CC164" in lines[6] and f"{path}:1" in lines[6]


def test_parquet_records_read_as_json_lines(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "pile.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES), path)
    from_parquet = read_pile([path])
    from_jsonl = read_pile([_jsonl(tmp_path / "pile.jsonl", ARTICLES)])
    strip = [s.model_dump(exclude={"path"}) for s in from_parquet.sources]
    assert strip == [s.model_dump(exclude={"path"}) for s in from_jsonl.sources]


def test_folders_are_read_at_any_depth(tmp_path: Path) -> None:
    for index, article in enumerate(ARTICLES[:3]):
        folder = tmp_path / "wire" / f"day{index}" / "desk"
        folder.mkdir(parents=True)
        (folder / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    pile = read_pile([tmp_path / "wire"])
    assert [s.id for s in pile.sources] == ["a1.txt", "a2.txt", "a3.txt"]


def test_the_command_exits_2_on_a_bad_record(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(tmp_path / "bad.jsonl", [{"id": "x"}])
    assert main(["stories", str(path), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:1: CC161 ") and "Traceback" not in err


def test_out_may_not_be_inside_an_input_folder(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text("Text.", encoding="utf-8")
    code = main(["stories", str(tmp_path / "wire"), "--no-cache", "--out",
                 str(tmp_path / "wire" / "pages")])
    assert code == 2 and "CC152" in capsys.readouterr().err


def test_the_cache_may_not_replace_the_pile(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(tmp_path / "pile.jsonl", ARTICLES)
    before = path.read_bytes()
    assert main(["stories", str(path), "--cache", str(path)]) == 2
    assert "CC152" in capsys.readouterr().err and path.read_bytes() == before
