"""Ctrl-C, the cap on processes, and a disk that will not take the report, from outside:
"interrupted" and exit 130, one process per core at most, a clear error and never a
half-written or replaced report."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import claimcheck.parallel as parallel
from claimcheck.cli import main
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.sources import Source
from tests.helpers import ROOT, SEEDS

PREVIOUS = "<html>the previous report</html>"


def _long_folder(tmp_path: Path) -> Path:
    """Sources that take several seconds to parse, so Ctrl-C lands in the middle."""
    folder = tmp_path / "s"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text("".join(
            f"At least {n} people were killed on Friday in clashes near Damascus, "
            "officials said.\n\n" for n in range(1_500)), encoding="utf-8")
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.model
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_quietly_and_replaces_no_report(tmp_path: Path, jobs: str) -> None:
    folder = _long_folder(tmp_path)
    report = tmp_path / "out.html"
    report.write_text(PREVIOUS, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "compare", str(folder), "--html", str(report),
         "--jobs", jobs, "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    time.sleep(6)  # the pipeline is loaded and parsing has begun
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "claimcheck: interrupted"
    assert "Traceback" not in err
    assert report.read_text(encoding="utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


def _spy_parallel(calls: list[int]) -> Any:
    def spy(sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any, jobs: int,
            *rest: Any) -> Iterator[list[Claim] | None]:
        calls.append(jobs)
        return iter([[] for _ in sources])
    return spy


def test_jobs_are_capped_at_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    sources = [Source(id=f"{n}.txt", path=f"/in/{n}.txt", text="Two died.") for n in range(8)]
    calls: list[int] = []
    monkeypatch.setattr(parallel, "_parallel", _spy_parallel(calls))
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    parallel.extract_sources(sources, Vocabulary(), nlp, jobs=8, finders=[])
    assert calls == [2]
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)  # one core: no pool at all
    assert parallel.extract_sources(sources, Vocabulary(), nlp, jobs=8, finders=[]) == \
        [[] for _ in sources]
    assert calls == [2]


def test_the_usable_cores_follow_the_affinity_mask() -> None:
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("no affinity masks here")
    code = ("import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "from claimcheck.parallel import usable_cores; print(usable_cores())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "1"


@pytest.mark.model
def test_a_full_disk_is_one_clear_error_and_the_old_report_stays(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        nlp: Any) -> None:
    del nlp  # loaded once per session
    report = tmp_path / "out.html"
    report.write_text(PREVIOUS, encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code = main(["compare", str(SEEDS), "--html", str(report), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{report}: CC150" in err and "No space left on device" in err
    assert report.read_text(encoding="utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []


def _small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, 16_384))


@pytest.mark.model
def test_a_file_size_limit_on_the_report_and_cache_is_an_error_not_a_traceback(
        tmp_path: Path) -> None:
    """A real write that fails (the kernel refuses past 16 KiB, as a full disk refuses):
    the report keeps its old contents, the cache is given up with one line."""
    report = tmp_path / "out.html"
    report.write_text(PREVIOUS, encoding="utf-8")
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache.sqlite")}
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "compare", str(SEEDS), "--html", str(report)],
        cwd=ROOT, capture_output=True, text=True, preexec_fn=_small_files, env=env,
        timeout=300)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{report}: CC150" in done.stderr
    assert report.read_text(encoding="utf-8") == PREVIOUS
    assert _leftovers(tmp_path) == []
