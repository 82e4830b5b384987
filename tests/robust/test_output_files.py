"""Report files: written whole or not at all, only where asked, never over an input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.cli.output import (
    default_report_path,
    guard_target,
    report_name,
    write_atomic,
    write_atomic_chunks,
)
from claimcheck.errors import InputError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "r.html"
    write_atomic(target, "first")
    write_atomic(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert _leftovers(target.parent) == []


def test_a_renderer_failing_midway_leaves_the_previous_report(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    write_atomic(target, "previous report")
    written: list[str] = []

    def renderer() -> Iterator[str]:
        for part in ("<html>", "<body>", "half a report"):
            written.append(part)
            yield part
        raise RuntimeError("renderer failed midway")

    with pytest.raises(RuntimeError):
        write_atomic_chunks(target, renderer())
    assert len(written) == 3
    assert target.read_text(encoding="utf-8") == "previous report"
    assert target.read_text(encoding="utf-8") == "previous report"
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_the_previous_report(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.html"
    write_atomic(target, "previous report")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new report that never lands")
    assert target.read_text(encoding="utf-8") == "previous report"
    assert _leftovers(tmp_path) == []


def test_new_report_gets_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = tmp_path / "r.html"
        write_atomic(target, "x")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        write_atomic(target, "y")
        assert target.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_unwritable_target_is_a_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_atomic(blocker / "r.html", "x")
    assert caught.value.problems[0].code == "CC150"


@pytest.mark.parametrize(("name", "expected"), [
    ("draft_syria", "draft_syria"),
    ("../../etc/passwd", "etc_passwd"),
    ("-rf", "rf"),
    ("\x1b[31mred", "31mred"),
    ("..", "report"),
    ("", "report"),
    ("Bericht über Syrien", "Bericht_über_Syrien"),
])
def test_report_names_are_plain_file_names(name: str, expected: str) -> None:
    assert report_name(name) == expected


def test_default_report_stays_in_the_working_folder(tmp_path: Path) -> None:
    assert default_report_path("draft", tmp_path) == Path("reports") / "draft.html"


def test_default_report_through_a_symlink_elsewhere_is_refused(tmp_path: Path) -> None:
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    (work / "reports").symlink_to(elsewhere)
    with pytest.raises(InputError) as caught:
        default_report_path("draft", work)
    assert caught.value.problems[0].code == "CC151"
    assert "--html" in caught.value.problems[0].message


def test_report_over_an_input_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "draft.html"
    draft.write_text("<p>draft</p>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        guard_target(tmp_path / "." / "draft.html", [str(tmp_path / "a.txt"), str(draft)])
    assert caught.value.problems[0].code == "CC152"
    guard_target(tmp_path / "report.html", [str(draft)])


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
def test_a_device_is_written_in_place_never_replaced() -> None:
    """Run as root, as CI containers often are, a rename would replace ``/dev/null``
    itself with a regular file."""
    before = os.stat("/dev/null")
    write_atomic(Path("/dev/null"), "<p>report</p>")
    after = os.stat("/dev/null")
    assert Path("/dev/null").is_char_device()
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_through_a_symlink_the_file_is_replaced_and_the_link_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_written_to_its_reader_and_one_no_one_reads_is_an_error(
        tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as caught:  # no reader: an error at once, no hang
        write_atomic(fifo, "report")
    assert caught.value.problems[0].code == "CC150"
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "report")  # small enough for the pipe's buffer
        assert os.read(reader, 100) == b"report"
    finally:
        os.close(reader)
    assert fifo.is_fifo() and _leftovers(tmp_path) == []


@pytest.mark.model
@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null here")
def test_html_to_dev_null_through_the_command_line_leaves_the_device(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.cli import main

    (tmp_path / "a.txt").write_text("At least 40 people died on Friday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = os.stat("/dev/null")
    assert main(["compare", "a.txt", "--no-cache", "--html", "/dev/null"]) == 0
    capsys.readouterr()
    after = os.stat("/dev/null")
    assert Path("/dev/null").is_char_device() and after.st_ino == before.st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
