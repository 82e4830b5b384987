"""A stories run end to end: same stories, same bytes, whatever the order or executor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.cache import ClaimStore
from claimcheck.cli import main
from tests.story.articles import ARTICLES, EVENTS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def local_json() -> str:
    return claimcheck.stories(ARTICLES).render("json")


def test_stories_group_the_articles_of_each_event(local_json: str) -> None:
    data = json.loads(local_json)
    groups = [sorted(story["sources"]) for story in data["stories"]]
    assert sorted(groups) == [["a1", "a2", "a3"], ["b1", "b2"], ["q1", "q2"]]
    assert data["unassigned"] == ["f1"]
    for story in data["stories"]:
        assert len({EVENTS[i] for i in story["sources"]}) == 1
        assert set(story) >= {"id", "title", "sources", "dates", "places", "summary",
                              "findings"}
        named = {c for f in story["findings"] for c in f["claims"]}
        assert named <= {c["id"] for c in story["claims"]}


def test_the_order_of_the_input_does_not_change_a_byte(local_json: str) -> None:
    assert claimcheck.stories(list(reversed(ARTICLES))).render("json") == local_json


def test_dask_gives_the_same_bytes_as_local_and_fills_the_cache(local_json: str,
                                                                 tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    cache = tmp_path / "cache.sqlite"
    result = claimcheck.stories(ARTICLES, executor="dask", workers=2, cache=cache)
    assert result.render("json") == local_json
    with ClaimStore(cache) as store:
        assert len(store) == len(ARTICLES)
    # a local run reads what the workers parsed, and still gives the same bytes
    assert claimcheck.stories(ARTICLES, cache=cache).render("json") == local_json


def test_the_command_writes_an_index_and_a_report_per_story(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], local_json: str) -> None:
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "pages"
    code = main(["stories", str(pile), "--format", "json", "--out", str(out),
                 "--cache", str(tmp_path / "cache.sqlite"), "--fail-on", "never"])
    printed = capsys.readouterr().out
    assert code == 0
    data: dict[str, Any] = json.loads(printed)
    assert data["stories"] == json.loads(local_json)["stories"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for story in data["stories"]:
        assert f'data-story="{story["id"]}"' in index
        assert (out / "stories" / f"{story['id']}.html").is_file()
    assert 'data-unassigned="f1"' in index
