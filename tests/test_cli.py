"""The command line end to end: exit codes, the JSON contract, determinism, reports."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from claimcheck.cli import main
from claimcheck.sources import decode
from tests.helpers import ROOT, SEEDS, TESTS

pytestmark = pytest.mark.model
DRAFT = TESTS / "examples" / "draft_syria.md"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seeds_json(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    from claimcheck.cli.commands import compare_command

    del nlp  # loaded once for the module; the CLI reuses the cached pipeline
    out = tmp_path_factory.mktemp("out")
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = compare_command([SEEDS], fmt=["json"], html=out / "s.html")
    assert code in (0, 1)
    return buffer.getvalue()


def test_json_contract_on_the_seeds(seeds_json: str) -> None:
    data = json.loads(seeds_json)
    assert data["version"] == 1
    assert {s["id"] for s in data["sources"]} == {p.name for p in SEEDS.glob("*.txt")}
    texts = {s["id"]: decode((SEEDS / s["id"]).read_bytes(), s["id"]) for s in data["sources"]}
    assert data["claims"], "the seeds have claims"
    for claim in data["claims"]:
        assert claim["text"] == texts[claim["source"]][claim["start"]:claim["end"]]
        assert claim["kind"] in ("quantity", "date", "location", "quote")
        assert isinstance(claim["value"], dict)
    ids = {c["id"] for c in data["claims"]}
    for finding in data["findings"]:
        assert set(finding["claims"]) <= ids
        assert finding["severity"] in ("info", "warning", "error")


def test_json_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str],
                                            seeds_json: str, tmp_path: Path) -> None:
    _, again, _ = _run(capsys, "compare", str(SEEDS), "--format", "json", "--html",
                       str(tmp_path / "r.html"))
    assert again == seeds_json


def test_check_prints_linter_lines_and_exits_1(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    html = tmp_path / "draft.html"
    code, out, _ = _run(capsys, "check", str(DRAFT), "--sources", str(SEEDS), "--html", str(html))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(str(DRAFT))]
    assert lines
    pattern = re.compile(r"^.+:\d+:\d+: (info|warning|error) [a-z_]+ \S+ .+$")
    assert all(pattern.match(line) for line in lines)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_fail_on_never_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = _run(capsys, "check", str(DRAFT), "--sources", str(SEEDS), "--fail-on", "never",
                      "--no-html")
    assert code == 0


@pytest.mark.parametrize(("args", "message"), [
    (["compare", "no/such/dir", "--no-html"], "CC100"),
    (["compare", str(SEEDS / "000_0e9b06dfa165c864.txt"), "--published", "13/09/2013",
      "--no-html"], "CC140"),
    (["check", str(DRAFT), "--sources", "missing-folder", "--no-html"], "CC100"),
    (["compare", "--format", "pdf", str(SEEDS)], "pdf"),
])
def test_user_errors_exit_2_without_traceback(capsys: pytest.CaptureFixture[str],
                                              args: list[str], message: str) -> None:
    code, _, err = _run(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_parse_jsonl_one_object_per_line(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Some 90,000 people died.\nNothing here.\n"))
    code, out, _ = _run(capsys, "parse", "--format", "jsonl", "--published", "2013-10-08")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["Some 90,000 people died.", "Nothing here."]
    assert rows[1]["values"] == []
    (value,) = [v for v in rows[0]["values"] if v["kind"] == "quantity"]
    assert value["text"] == "Some 90,000"


def test_module_entry_point_exists() -> None:
    assert (ROOT / "claimcheck" / "__main__.py").exists()


def test_baseline_accepts_known_findings(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, _ = _run(capsys, "check", str(DRAFT), "--sources", str(SEEDS), "--no-html",
                      "--write-baseline", str(baseline))
    assert code == 1 and baseline.exists()
    code, out, _ = _run(capsys, "check", str(DRAFT), "--sources", str(SEEDS), "--no-html",
                        "--baseline", str(baseline))
    assert code == 0
    assert "[baselined]" in out


def test_inline_marker_suppresses_with_its_reason(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    text = DRAFT.read_text(encoding="utf-8").replace(
        "Some 90,000 people",
        "<!-- claimcheck: ignore quantity-agreement -- toll disputed -->\nSome 90,000 people")
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(draft), "--sources", str(SEEDS), "--no-html",
                        "--format", "json")
    data = json.loads(out)
    toll = [f for f in data["findings"] if f["verdict"] == "contradicted"
            and "90,000" in f["message"]]
    assert toll and all(f["suppressed"] == "toll disputed" for f in toll)
    assert code == 1  # the other contradictions still fail the check


def test_marker_without_reason_is_a_user_error(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- claimcheck: ignore quantity-agreement -->\nTen people died.\n",
                     encoding="utf-8")
    code, _, err = _run(capsys, "check", str(draft), "--sources", str(SEEDS), "--no-html")
    assert code == 2
    assert "draft.md:1:" in err


def test_json_contract_on_the_example_draft(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", str(DRAFT), "--sources", str(SEEDS), "--no-html",
                        "--format", "json")
    assert code == 1
    data = json.loads(out)
    files = {s["id"]: Path(s["path"]) for s in data["sources"]}
    assert data["sources"][0]["role"] == "draft" and data["sources"][0]["published"]
    for claim in data["claims"]:
        text = decode(files[claim["source"]].read_bytes(), claim["source"])
        assert claim["text"] == text[claim["start"]:claim["end"]]
    draft_id = data["sources"][0]["id"]
    by_id = {c["id"]: c for c in data["claims"]}
    for finding in data["findings"]:
        assert by_id[finding["claims"][0]]["source"] == draft_id


def test_an_unquoted_pattern_after_sources_checks_every_file_it_gives(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--sources wire/*`` unquoted: the shell gives one file to the option and the rest
    after it; every one is a source, as with the quoted pattern."""
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "a.txt").write_text("Officials said 20 people were killed in the attack on "
                                "Friday.\n", encoding="utf-8")
    (wire / "b.txt").write_text("The attack on Friday killed 20 people, police said.\n",
                                encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The attack on Friday killed 25 people, officials said.\n",
                     encoding="utf-8")
    options = ("--format", "json", "--no-html", "--no-cache")
    code, expanded, err = _run(capsys, "check", str(draft), "--sources",
                               str(wire / "a.txt"), str(wire / "b.txt"), *options)
    assert code == 1, err
    _, quoted, _ = _run(capsys, "check", str(draft), "--sources", str(wire / "*"), *options)
    assert json.loads(expanded) == json.loads(quoted)
    assert {s["id"] for s in json.loads(expanded)["sources"]} >= {"a.txt", "b.txt"}


def test_sources_after_the_draft_still_need_the_option(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The attack killed 25 people.\n", encoding="utf-8")
    code, _, err = _run(capsys, "check", str(draft), str(draft), "--no-html")
    assert code == 2 and "--sources" in err and "Traceback" not in err
