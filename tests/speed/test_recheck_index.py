"""A warm check reads only the draft's blocks from the cache's index, and its reports are
byte for byte those of reading every claim; a tampered index row is not used."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import DRAFT, generate, write
from claimcheck import recheck
from claimcheck.cache import ClaimStore
from claimcheck.cli import main
from claimcheck.link import linkable
from claimcheck.main_event import build_story, combine_stories, summarise_source
from tests.test_link_focus import _claims


def _check(tmp: Path, sources: Path, *options: str,
           draft: Path = DRAFT) -> tuple[str, str, str]:
    """stdout (text), the JSON report and stderr of one ``check``."""
    out, err = io.StringIO(), io.StringIO()
    report = tmp / "report.json"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["check", str(draft), "--sources", str(sources), "--no-html",
              "--format", "text", "--format", f"json:{report}", "--fail-on", "never",
              *options])
    return out.getvalue(), report.read_text(encoding="utf-8"), err.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    del nlp  # loaded once per session; the command line reuses it
    return write(generate(12), tmp_path_factory.mktemp("recheck") / "sources")


@pytest.mark.model
def test_an_indexed_check_gives_the_reports_of_a_full_one(corpus: Path,
                                                          tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    full = _check(tmp_path, corpus, "--no-cache")
    cold = _check(tmp_path, corpus, "--cache", str(cache))  # reads whole, indexes
    warm = _check(tmp_path, corpus, "--cache", str(cache))  # reads the draft's blocks
    assert cold[:2] == full[:2] and warm[:2] == full[:2] and warm[2] == ""
    with sqlite3.connect(cache) as db:
        blocks = db.execute("SELECT COUNT(DISTINCT block) FROM blocks").fetchone()[0]
        stories = db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        quote_words = db.execute("SELECT COUNT(*) FROM quote_words").fetchone()[0]
    assert stories == 12 and blocks > 1 and quote_words > 0


@pytest.mark.model
def test_an_index_made_by_other_code_is_made_again_with_its_quote_words(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c.sqlite"
    full = _check(tmp_path, corpus, "--no-cache")
    _check(tmp_path, corpus, "--cache", str(cache))
    real = recheck.index_version()
    monkeypatch.setattr(recheck, "index_version", lambda: "other code")
    stale = _check(tmp_path, corpus, "--cache", str(cache))  # read whole, indexed anew
    warm = _check(tmp_path, corpus, "--cache", str(cache))  # the draft's quotes by word
    assert stale[:2] == full[:2] and warm[:2] == full[:2] and warm[2] == ""
    with sqlite3.connect(cache) as db:
        versions = dict(db.execute(
            "SELECT version, COUNT(DISTINCT key) FROM quote_words GROUP BY version"))
    assert set(versions) == {real, "other code"}
    assert versions["other code"] == versions[real] > 0


@pytest.mark.model
def test_a_tampered_index_row_is_not_used(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    full = _check(tmp_path, corpus, "--no-cache")
    _check(tmp_path, corpus, "--cache", str(cache))
    with sqlite3.connect(cache) as db:  # every indexed claim's text no longer its source's
        db.execute("""UPDATE blocks SET claims = replace(claims, '"text":"', '"text":"X')""")
    out, report, err = _check(tmp_path, corpus, "--cache", str(cache))
    assert (out, report) == full[:2]
    assert "do not match its text" in err
    _, _, again = _check(tmp_path, corpus, "--cache", str(cache))  # indexed anew
    assert again == ""


@pytest.mark.parametrize("seed", range(6))
def test_the_story_of_summaries_is_the_story_of_every_claim(seed: int) -> None:
    usable = linkable(_claims(seed * 101))
    sources = sorted({c.source for c in usable})
    summaries = [summarise_source(s, [c for c in usable if c.source == s]) for s in sources]
    assert combine_stories(summaries) == build_story(usable)


@pytest.mark.model
def test_a_cache_failing_while_the_blocks_are_read_costs_time_not_evidence(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c.sqlite"
    full = _check(tmp_path, corpus, "--no-cache")
    _check(tmp_path, corpus, "--cache", str(cache))

    def failing(self: ClaimStore, *_: object) -> None:
        self._failed(sqlite3.OperationalError("disk I/O error"), "read")

    monkeypatch.setattr(ClaimStore, "blocks", failing)
    out, report, err = _check(tmp_path, corpus, "--cache", str(cache))
    assert (out, report) == full[:2] and "failed to read" in err


@pytest.mark.model
def test_an_indexed_check_of_a_past_event_gives_the_report_of_a_full_one(
        tmp_path: Path, nlp: Any) -> None:
    # the draft's past war meets the sources' through their past blocks, whatever the
    # nouns; this week's figures through their own
    del nlp
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text(
        "---\npublished: 2024-03-08\n---\nAir strikes killed 23 people in the valley on "
        "Tuesday.\n\nThe previous valley war, a three-week blitz in 1994-1995, killed "
        "3,000 people.\n", encoding="utf-8")
    (sources / "b.md").write_text(
        "---\npublished: 2024-03-08\n---\nThe truce was forged after a three-week war in "
        "the winter of 1994-95.\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2024-03-09\n---\nStrikes killed 23 people on Tuesday."
                     "\n\nThe three-week conflict of 1994-95 killed 3,000.\n",
                     encoding="utf-8")
    cache = tmp_path / "c.sqlite"
    runs = [_check(tmp_path, sources, *options, draft=draft) for options in (
        ("--no-cache",), ("--cache", str(cache)), ("--cache", str(cache)))]
    assert runs[1][:2] == runs[0][:2] and runs[2][:2] == runs[0][:2]
    assert '"verdict": "supported"' in runs[0][1]
