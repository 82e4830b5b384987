"""The pre-commit hook: its definition, which files it checks, the commands it runs."""

from __future__ import annotations

import re
from pathlib import Path

from claimcheck.precommit import command, drafts_to_check, parse
from tests.helpers import ROOT, load_yaml


def test_hook_definition() -> None:
    (hook,) = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "claimcheck"
    assert hook["entry"] == "python -m claimcheck.precommit"
    assert hook["language"] == "python" and hook["require_serial"] is True
    assert re.search(hook["files"], "drafts/story.md")
    assert not re.search(hook["files"], "claimcheck/cli.py")
    assert parse([*hook["args"], "a.md"]).sources == ["sources/"]


def test_files_inside_the_sources_folder_are_not_drafts(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    drafts = [str(tmp_path / "story.md"), str(sources / "wire.txt")]
    assert drafts_to_check(drafts, [str(sources)]) == [drafts[0]]


def test_one_check_per_draft_with_the_options() -> None:
    args = parse(["--sources", "wire/", "-s", "agency/", "--fail-on", "warning",
                  "--format", "github", "a.md", "b.md"])
    assert args.drafts == ["a.md", "b.md"]
    assert command("a.md", args) == ["check", "a.md", "--format", "github",
                                     "--sources", "wire/", "--sources", "agency/",
                                     "--fail-on", "warning", "--no-html"]
    html = command("a.md", parse(["-s", "w/", "--html-dir", "out", "a.md"]))
    assert html[-2:] == ["--html", str(Path("out") / "a.html")]
