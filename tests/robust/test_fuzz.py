"""Fuzzing the whole pipeline: any Unicode text as a source or a draft gives claims whose
text is the exact slice of the file, valid JSON, and the same bytes every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import api
from claimcheck.errors import InputError
from claimcheck.report.json import render_json
from claimcheck.report.view import Report
from claimcheck.sources import Source, load_sources, source_from_text
from tests.helpers import ROOT

pytestmark = pytest.mark.model

# pieces that wake every finder, and the characters that break naive offset arithmetic
NEWS = [
    "At least 40 people were killed", " on Friday", " near Damascus", ", officials said.",
    "“We will not give up,” Putin said.", " Some 1,429 civilians", " on Aug. 21", " in 2013",
    " half a million", " 5 km", " $3bn", " more than 100,000", "BISHKEK —", " the Kyrgyz capital",
    "\n\n", "\r\n", "\r", "\u2028", "\t", "\x00", "\x1b[31m", "<script>alert(1)</script>",
    "{{ 7*7 }}", "\ufeff", "e\u0301", "👩‍👩‍👧", "\u202e", "دمشق", "\u200b", "---\n",
    "Read more: ", "Donate now", ". ", "\"", "'", " ",
]
TEXTS = st.lists(st.one_of(st.sampled_from(NEWS), st.text(max_size=12)), max_size=30).map(
    "".join)
SETTINGS = settings(max_examples=int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "40")),
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def ruleset() -> Any:
    from claimcheck.rules import load_ruleset

    return load_ruleset()


def _assert_contract(report: Report, sources: list[Source]) -> None:
    texts = {s.id: s.text for s in sources}
    for claim in report.claims:
        text = texts[claim.source]
        assert claim.text == text[claim.start:claim.end]
        assert 0 <= claim.start <= claim.end <= len(text)
        assert (claim.line, claim.column) == report.source(claim.source).line_column(
            claim.start)
    data = json.loads(render_json(report))
    assert {c["id"] for c in data["claims"]} == {c.id for c in report.claims}
    for finding in data["findings"]:
        assert set(finding["claims"]) <= {c["id"] for c in data["claims"]}


def _source(text: str, name: str, role: str = "source") -> Source | None:
    try:
        return source_from_text(text, name, role=role)  # type: ignore[arg-type]
    except InputError:
        return None  # broken front matter: a clean, located error is the right answer


@SETTINGS
@given(TEXTS, TEXTS)
def test_any_text_as_sources(nlp: Any, ruleset: Any, first: str, second: str) -> None:
    sources = [s for s in (_source(first, "a.txt"), _source(second, "b.md")) if s]
    report = api.compare(sources, ruleset, nlp=nlp)
    _assert_contract(report, sources)


@SETTINGS
@given(TEXTS, TEXTS)
def test_any_text_as_a_draft(nlp: Any, ruleset: Any, draft_text: str, source_text: str) -> None:
    draft = _source(draft_text, "draft.md", role="draft")
    source = _source(source_text, "a.txt")
    if draft is None or source is None:
        return
    report = api.check(draft, [source], ruleset, nlp=nlp)
    _assert_contract(report, [draft, source])


@settings(max_examples=10, deadline=None)
@given(st.permutations(["c.txt", "a.md", "b.txt", "d.txt"]), st.data())
def test_same_json_whatever_the_order_on_disk(nlp: Any, ruleset: Any, tmp_path_factory:
                                              pytest.TempPathFactory, order: list[str],
                                              data: st.DataObject) -> None:
    texts = {name: data.draw(TEXTS, label=name).replace("\x00", "") for name in sorted(order)}
    folder = tmp_path_factory.mktemp("order")
    outputs = []
    for names in (sorted(order), order):
        for name in names:  # creation order decides the order of the directory listing
            (folder / name).write_text(texts[name], encoding="utf-8", newline="")
        try:
            sources = load_sources([folder])
        except InputError:
            return
        outputs.append(render_json(api.compare(sources, ruleset, nlp=nlp)))
        for name in names:
            (folder / name).unlink()
    assert outputs[0] == outputs[1]


def _run_with_hash_seed(seed: str, folder: Path, draft: Path) -> tuple[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    outputs = []
    for args in (["compare", str(folder)], ["check", str(draft), "--sources", str(folder)]):
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args, "--format", "json", "--no-html"],
            capture_output=True, env=env, cwd=folder.parent, timeout=300, check=False)
        assert done.returncode in (0, 1), done.stderr.decode()
        outputs.append(done.stdout.decode("utf-8"))
    return outputs[0], outputs[1]


def test_same_json_whatever_the_hash_seed(tmp_path: Path) -> None:
    seeds = ROOT / "seeds"
    folder = tmp_path / "s"
    folder.mkdir()
    for path in sorted(seeds.iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    draft = ROOT / "tests" / "examples" / "draft_syria.md"
    first = _run_with_hash_seed("1", folder, draft)
    second = _run_with_hash_seed("4242", folder, draft)
    assert json.loads(first[0])["claims"], "the seeds have claims"
    assert first == second
