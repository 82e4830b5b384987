"""The new outputs on the real pipeline: the example draft against the seeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import claimcheck
from claimcheck.cli import main
from claimcheck.report.view import Report
from tests.helpers import SEEDS, TESTS

pytestmark = pytest.mark.model
DRAFT = TESTS / "examples" / "draft_syria.md"
SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-subset.schema.json").read_text(
    encoding="utf-8"))


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    return claimcheck.check(DRAFT, SEEDS, nlp=nlp)


def test_the_python_api_returns_the_typed_report(report: Report, nlp: Any) -> None:
    assert isinstance(report, claimcheck.Report) and report.mode == "check"
    assert report.exit_status() == 1, "the example draft has planted errors"
    assert report.exit_status(claimcheck.FailOn.NEVER) == 0
    assert report._repr_html_().startswith("<iframe")
    compared = claimcheck.compare(SEEDS, nlp=nlp)
    assert {s.id for s in compared.sources} == {p.name for p in SEEDS.glob("*.txt")}


def test_sarif_of_the_example_draft_validates(report: Report) -> None:
    data = json.loads(report.render("sarif"))
    jsonschema.validate(data, SCHEMA)
    run = data["runs"][0]
    assert len(run["results"]) == len(report.findings)
    failing = [r for r in run["results"] if r["level"] == "error"]
    assert len(failing) == len(report.failing())
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        text = DRAFT.read_text(encoding="utf-8")
        start = region["charOffset"]
        assert text[start:start + region["charLength"]] == region["snippet"]["text"]


def test_junit_and_github_of_the_example_draft(report: Report) -> None:
    root = ET.fromstring(report.render("junit"))
    assert int(root.attrib["failures"]) >= 1
    draft_claims = [c for c in report.claims if c.source == DRAFT.name and not c.furniture]
    assert int(root.attrib["tests"]) == len(draft_claims)
    lines = report.render("github").splitlines()
    assert any(line.startswith("::error file=") for line in lines)


def test_cli_sarif_format_and_exit_code(capsys: pytest.CaptureFixture[str], nlp: Any) -> None:
    del nlp  # warms the cached pipeline the CLI uses
    status = main(["check", str(DRAFT), "--sources", str(SEEDS), "--format", "sarif",
                   "--no-html", "--fail-on", "warning"])
    out = capsys.readouterr().out
    assert status == 1
    data = json.loads(out)
    assert data["runs"][0]["invocations"][0]["exitCode"] == 1
    assert data["runs"][0]["invocations"][0]["properties"]["failOn"] == "warning"


def test_precommit_hook_checks_changed_drafts(capsys: pytest.CaptureFixture[str],
                                              nlp: Any) -> None:
    from claimcheck.precommit import main as hook

    del nlp
    seed = next(SEEDS.glob("*.txt"))
    assert hook(["--sources", str(SEEDS), str(DRAFT), str(seed)]) == 1
    out = capsys.readouterr().out
    assert str(DRAFT) in out and seed.name + ":" not in out.split("\n")[0]
    assert hook(["--sources", str(SEEDS), str(seed)]) == 0, "sources are not drafts"
