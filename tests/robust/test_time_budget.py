"""A time budget per source: a source that runs past it is skipped and named, the
others are read, nothing of it is cached; through the command line it is in every
output's skipped list with exit 4."""

from __future__ import annotations

import datetime as dt
import gc
import json
import time
from pathlib import Path
from typing import Any

import pytest

from claimcheck.budget import OverBudget, TimeBudget, within
from claimcheck.cache import ClaimStore
from claimcheck.cli import main
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.parallel import extract_sources
from claimcheck.sources import Source

VOCABULARY = Vocabulary(event_nouns=("attack",))


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_work_past_its_seconds_is_stopped_and_the_alarm_is_cleared() -> None:
    began = time.monotonic()
    with pytest.raises(OverBudget), within(0.2):
        _spin(5)
    assert time.monotonic() - began < 2
    with within(0.5):
        _spin(0.05)  # within the budget: nothing raised
    _spin(0.6)  # and no alarm left behind once the block is over
    with within(0):
        _spin(0.05)


def test_an_alarm_during_a_collector_callback_still_stops_the_work() -> None:
    """Python drops an exception raised in a gc callback (only printing it), so an alarm
    that lands there must wait and strike in the work itself."""
    calls: list[str] = []

    def slow_callback(phase: str, info: dict[str, int]) -> None:
        del info
        if phase == "start" and not calls:
            calls.append(phase)
            _spin(0.3)  # the alarm at 0.1 s lands in here

    gc.callbacks.append(slow_callback)
    try:
        began = time.monotonic()
        with pytest.raises(OverBudget), within(0.1):
            gc.collect()
            _spin(3)
        assert calls and time.monotonic() - began < 1.5
    finally:
        gc.callbacks.remove(slow_callback)


def _slow_on_marker(doc: Any, published: dt.date | None) -> list[Any]:
    """A finder that never ends on one text: what a super-linear finder does."""
    del published
    if "SLOW" in doc.text:
        _spin(60)
    return []


def _source(name: str, text: str) -> Source:
    return Source(id=name, path=f"/in/{name}", text=text)


def test_a_source_over_its_budget_is_named_the_others_read_and_none_cached(
        tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    sources = [_source("a.txt", "Ten people died."), _source("b.txt", "SLOW text."),
               _source("c.txt", "Two died.")]
    late: list[Source] = []
    with ClaimStore(tmp_path / "c.sqlite") as store:
        began = time.monotonic()
        claims = extract_sources(sources, VOCABULARY, nlp, finders=[_slow_on_marker],
                                 budget=TimeBudget(seconds=0.5), timed_out=late)
        assert time.monotonic() - began < 20  # twice the budget and start-up, not 60 s
        assert claims == [[], [], []]
        assert [s.id for s in late] == ["b.txt"]
        assert len(store) == 0


@pytest.mark.model
def test_the_command_line_skips_a_slow_source_in_every_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Any) -> None:
    del nlp  # loaded once per session
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text("At least 40 people died near Damascus on Friday, "
                                  "officials said.\n", encoding="utf-8")
    # about a minute of parsing here: far past a budget of two seconds
    (folder / "long.txt").write_text(
        "".join(f"At least {n} people were killed on Friday in clashes near Damascus, "
                "officials said.\n\n" for n in range(6_000)), encoding="utf-8")
    code = main(["compare", str(folder), "--timeout", "2", "--no-cache", "--no-html",
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 4
    assert f"{folder / 'long.txt'}: CC109 took longer than 2 s" in err
    report = json.loads(out)
    assert [(s["path"], s["code"]) for s in report["skipped"]] == [
        (str(folder / "long.txt"), "CC109")]
    assert any(c["source"] == "a.txt" for c in report["claims"])
    assert not any(c["source"] == "long.txt" for c in report["claims"])


def test_a_negative_timeout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "nowhere", "--timeout", "-1", "--no-html"]) == 2
    assert "--timeout: -1 is not a number of seconds" in capsys.readouterr().err


def test_a_page_whose_article_takes_too_long_to_extract_is_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.sources as sources_module
    from claimcheck.errors import Problem
    from claimcheck.sources import load_sources

    def slow_page(html: str) -> Any:
        _spin(60)  # what the HTML parser does on some pages of many tiny tags

    monkeypatch.setattr(sources_module, "extract_article", slow_page)
    (tmp_path / "page.html").write_text("<p>At least 40 people died.</p>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("At least 40 people died.", encoding="utf-8")
    skipped: list[Problem] = []
    began = time.monotonic()
    loaded = load_sources([tmp_path], skipped=skipped, time_budget=0.3)
    assert time.monotonic() - began < 10
    assert [s.id for s in loaded] == ["a.txt"]
    assert [(p.code, Path(p.path or "").name) for p in skipped] == [("CC109", "page.html")]
    assert "to extract its article from the HTML" in skipped[0].message


@pytest.mark.parametrize("from_stdin", [True, False])
def test_a_draft_page_whose_article_takes_too_long_is_an_error_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], from_stdin: bool) -> None:
    """The draft is read under the same budget as the sources, from a file or from
    standard input: past it, the check stops with the draft named (exit 2)."""
    import io
    import sys

    import claimcheck.sources as sources_module

    def slow_page(html: str) -> Any:
        _spin(60)

    monkeypatch.setattr(sources_module, "extract_article", slow_page)
    page = b"<html><body><p>At least 40 people died.</p></body></html>"
    (tmp_path / "a.txt").write_text("At least 40 people died.", encoding="utf-8")
    draft = tmp_path / "draft.html"
    draft.write_bytes(page)
    if from_stdin:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    args = ["check", "-" if from_stdin else str(draft), "--stdin-filename", "draft.html",
            "--sources", str(tmp_path / "a.txt"), "--timeout", "0.3", "--no-cache",
            "--no-html"]
    began = time.monotonic()
    code = main(args if from_stdin else [a for a in args if a not in (
        "--stdin-filename", "draft.html")])
    assert time.monotonic() - began < 20
    assert code == 2
    assert "draft.html: CC109 took longer than 0.3 s to extract its article" in \
        capsys.readouterr().err


@pytest.mark.model
def test_stories_reads_pages_and_parses_articles_under_the_budget(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], nlp: Any) -> None:
    """A page whose article takes too long to extract is skipped, an article that takes
    too long to parse is checked without its claims: each named, exit 4."""
    del nlp  # loaded once per session
    import claimcheck.sources as sources_module

    real = sources_module.extract_article

    def slow_page(html: str) -> Any:
        if "SLOW" in html:
            _spin(60)
        return real(html)

    monkeypatch.setattr(sources_module, "extract_article", slow_page)
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "page.html").write_text("<html><body><p>SLOW. At least 40 people died.</p>"
                                    "</body></html>", encoding="utf-8")
    (pile / "a.txt").write_text("At least 40 people died near Damascus on Friday, "
                                "officials said.\n", encoding="utf-8")
    (pile / "long.txt").write_text(
        "".join(f"At least {n} people were killed on Friday in clashes near Damascus, "
                "officials said.\n\n" for n in range(6_000)), encoding="utf-8")
    began = time.monotonic()
    code = main(["stories", str(pile), "--timeout", "2", "--no-cache", "--format", "json"])
    assert time.monotonic() - began < 120
    err = capsys.readouterr().err
    assert code == 4
    assert f"{pile / 'page.html'}: CC109 took longer than 2 s to extract" in err
    assert f"{pile / 'long.txt'}: CC109 took longer than 2 s to parse and check" in err
    assert main(["stories", str(pile), "--timeout", "-1"]) == 2
