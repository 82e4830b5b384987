"""The linter-like command line end to end on the seeds: quiet, severities, several
formats, standard input, statistics, colour, rule selection, source names."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from claimcheck.cli import main
from tests.helpers import SEEDS, TESTS

pytestmark = pytest.mark.model
DRAFT = TESTS / "examples" / "draft_syria.md"
LINE = re.compile(r"^.+:\d+:\d+: (info|warning|error) [a-z_]+ \S+ .+$")


@pytest.fixture(autouse=True)
def _in_tmp(nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    del nlp  # loaded once; the CLI reuses it
    monkeypatch.chdir(tmp_path)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--no-cache"])
    out, err = capsys.readouterr()
    return code, out, err


def _check(*args: str) -> list[str]:
    return ["check", str(DRAFT), "--sources", str(SEEDS), *args]


def test_quiet_prints_only_finding_lines_at_warning_and_above(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, *_check("-q"))
    lines = out.splitlines()
    assert code == 1 and lines and all(LINE.match(line) for line in lines)
    assert {line.split(": ", 1)[1].split()[0] for line in lines} <= {"error", "warning"}
    assert not Path("reports").exists() or list(Path("reports").iterdir())


def test_min_severity_and_errors_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check("--min-severity", "warning", "--no-html"))
    severities = [line.split(": ", 1)[1].split()[0] for line in out.splitlines()
                  if LINE.match(line)]
    assert severities and "info" not in severities
    assert severities == sorted(severities, key=["error", "warning"].index)
    _, everything, _ = _run(capsys, *_check("--no-html"))
    assert "info supported" in everything


def test_text_and_two_files_in_one_run_and_no_default_report(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, *_check("--format", "text", "--format", "sarif:out/cc.sarif",
                                        "-f", "junit:junit.xml"))
    assert code == 1 and any(LINE.match(line) for line in out.splitlines())
    assert json.loads(Path("out/cc.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.parse("junit.xml").getroot().tag == "testsuites"
    assert not Path("reports").exists()


def test_sarif_on_stdout_writes_no_report_file(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check("--format", "sarif"))
    assert json.loads(out)["version"] == "2.1.0"
    assert not Path("reports").exists()


def test_default_text_run_writes_the_html_report(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check())
    assert Path("reports/draft_syria.html").is_file()
    assert "HTML report: reports/draft_syria.html" in out


def test_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check("--format", "json", "-o", "cc.json"))
    assert out == "" and json.loads(Path("cc.json").read_text(encoding="utf-8"))["findings"]


def test_draft_from_standard_input(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Stdin(io.StringIO):
        buffer = io.BytesIO(DRAFT.read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin())
    code, out, _ = _run(capsys, "check", "-", "--stdin-filename", "drafts/story.md",
                        "--sources", str(SEEDS), "--no-html", "-q")
    _, from_file, _ = _run(capsys, *_check("--no-html", "-q"))
    assert code == 1
    assert out == from_file.replace(str(DRAFT), "drafts/story.md")


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "compare", str(SEEDS), "--statistics", "--no-html")
    rows = [line.split() for line in out.splitlines()[:-1]]
    assert rows and all(row[0].isdigit() and row[1] in ("info", "warning", "error")
                        for row in rows)
    counts = {(row[3], row[2]): int(row[0]) for row in rows}
    _, data, _ = _run(capsys, "compare", str(SEEDS), "--format", "json")
    findings = json.loads(data)["findings"]
    assert sum(counts.values()) == len(findings)
    assert counts[("default/single-source", "single_source")] == sum(
        f["verdict"] == "single_source" for f in findings)


def test_colour_only_when_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    _, always, _ = _run(capsys, *_check("--no-html", "--color", "always"))
    _, piped, _ = _run(capsys, *_check("--no-html"))
    assert "\x1b[" in always and "\x1b[" not in piped


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check("--no-html", "--select", "quote-fidelity"))
    rules = {line.split()[3] for line in out.splitlines() if LINE.match(line)}
    assert rules == {"default/quote-fidelity"}
    _, out, _ = _run(capsys, *_check("--no-html", "--ignore", "quote-fidelity"))
    assert "default/quote-fidelity" not in out
    code, _, err = _run(capsys, *_check("--no-html", "--select", "quote-fidelty"))
    assert code == 2 and "did you mean" in err


def test_evidence_is_named_by_outlet(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, *_check("--no-html"))
    assert "(The Moscow Times, 001_1b8d3af3106904aa.txt)" in out
    assert "    001_1b8d3af3106904aa.txt: The Moscow Times" in out


def test_compare_recurses_into_subfolders(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    nest = tmp_path / "nest"
    (nest / "sub").mkdir(parents=True)
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    (nest / names[0]).write_bytes((SEEDS / names[0]).read_bytes())
    for name in names[1:]:
        (nest / "sub" / name).write_bytes((SEEDS / name).read_bytes())
    _, out, _ = _run(capsys, "compare", "nest", "--no-html")
    assert out.rstrip().splitlines()[-1].startswith(f"{len(names)} sources,")
