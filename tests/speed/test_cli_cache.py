"""The cache and --jobs through the command line: same report, no model when cached."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest

import claimcheck.nlp.identity as identity
from claimcheck.cli import main
from tests.helpers import SEEDS

pytestmark = pytest.mark.model


def compare(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    code = main(["compare", str(SEEDS), "--format", "json", "--no-html", *options])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def uncached(nlp: Any) -> str:
    del nlp  # loaded once per session; the command line reuses it
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["compare", str(SEEDS), "--format", "json", "--no-html", "--no-cache"])
    return buffer.getvalue()


def test_a_warm_run_gives_the_same_report_without_loading_the_model(
        uncached: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c.sqlite"
    _, cold, _ = compare(capsys, "--cache", str(cache))
    assert cold == uncached and cache.exists()

    def no_model(model: str | None = None) -> Any:
        raise AssertionError("the pipeline was loaded although every source is cached")

    monkeypatch.setattr(identity, "load_pipeline", no_model)
    _, warm, err = compare(capsys, "--cache", str(cache))
    assert warm == uncached and err == ""


def test_no_cache_writes_nothing(uncached: str, capsys: pytest.CaptureFixture[str],
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _, out, _ = compare(capsys, "--no-cache")
    assert out == uncached and not (tmp_path / ".claimcheck").exists()


def test_a_corrupt_cache_is_reported_in_one_line_and_rebuilt(
        uncached: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    cache.write_bytes(b"\x00garbage" * 500)
    code, out, err = compare(capsys, "--cache", str(cache))
    assert code in (0, 1) and out == uncached
    assert len(err.strip().splitlines()) == 1 and "unusable" in err
    _, again, err = compare(capsys, "--cache", str(cache))
    assert again == uncached and err == ""


def test_two_jobs_give_the_same_report(uncached: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = compare(capsys, "--no-cache", "--jobs", "2")
    assert out == uncached


def test_the_cache_lives_where_claimcheck_cache_says_else_in_the_working_folder(
        uncached: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "elsewhere.sqlite"))
    assert compare(capsys)[1] == uncached
    assert (tmp_path / "elsewhere.sqlite").is_file() and not (tmp_path / ".claimcheck").exists()
    monkeypatch.delenv("CLAIMCHECK_CACHE")
    assert compare(capsys)[1] == uncached
    assert (tmp_path / ".claimcheck" / "cache.sqlite").is_file()


def test_a_tampered_cache_row_is_not_trusted(
        uncached: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A row whose claims no longer fit their source's text (here every claim's offsets
    moved by one) is extracted again: the report never holds a claim whose text is not
    ``file[start:end]``."""
    import json
    import sqlite3

    cache = tmp_path / "c.sqlite"
    compare(capsys, "--cache", str(cache))
    with sqlite3.connect(cache) as conn:
        rows = conn.execute("SELECT key, claims FROM claims").fetchall()
        assert rows
        for key, payload in rows:
            claims = json.loads(payload)
            for claim in claims:
                claim["start"] += 1
                claim["end"] += 1
            conn.execute("UPDATE claims SET claims = ? WHERE key = ?",
                         (json.dumps(claims), key))
    conn.close()
    _, out, err = compare(capsys, "--cache", str(cache))
    assert out == uncached
    assert len(err.strip().splitlines()) == len(rows) and "do not match its text" in err
