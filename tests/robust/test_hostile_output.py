"""Hostile content in every output format: shown as text, never run, never driving a
terminal. Reports are built by hand, so no model is needed."""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import pytest

from claimcheck.errors import Problem
from claimcheck.model.claims import About, QuoteClaim
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.model.quotes import QuoteValue
from claimcheck.report.html import render_html
from claimcheck.report.json import render_json
from claimcheck.report.text import render_text
from claimcheck.report.view import Report, build_report
from claimcheck.sources import Source

SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = "\"><img src=x onerror=alert(1)>"
TEMPLATE = "{{ 7*7 }}{% if true %}T{% endif %}"
ANSI = "\x1b[31mRED\x1b[0m\x9b2J"
BIDI = "\u202egnp.exe"
CONTROL = "bell\x07nul\x00back\x08"
FORGED = "fine\ndraft.md:1:1: error contradicted forged line"
HOSTILE = [SCRIPT, ATTRIBUTE, TEMPLATE, ANSI, BIDI, CONTROL, FORGED]
TERMINAL_CONTROLS = ["\x1b", "\x9b", "\u202e", "\x07", "\x00", "\x08"]


def _report(mode: str, hostile: str) -> Report:
    sentence = f"He said “{hostile}” today."
    sources = []
    claims = []
    for role, name in (("draft", f"draft{hostile}.md"), ("source", f"a{hostile}.txt")):
        text = sentence
        sources.append(Source(id=name, path=f"in/{name}", role=role,  # type: ignore[arg-type]
                              outlet=hostile, title=hostile, text=text))
        start = text.index(hostile)
        claims.append(QuoteClaim(
            id=f"q-{role}", source=name, text=hostile, start=start, end=start + len(hostile),
            line=1, column=start + 1, sentence=sentence, sentence_start=0,
            about=About(attribute="words_of", thing=hostile, slot=f"words of {hostile}",
                        attribution=hostile),
            value=QuoteValue(quote=hostile, speaker=hostile, speaker_text=hostile,
                             cue="say"),
        ))
    group = ClaimGroup(id="g1", kind="quote", slot=f"words of {hostile}",
                       claims=tuple(c.id for c in claims), why=hostile)
    verdict = Verdict.QUOTE_ALTERED if mode == "check" else Verdict.QUOTE_VARIANT
    finding = Finding(id="f1", rule=f"default/{hostile}", severity=Severity.ERROR,
                      verdict=verdict, claims=tuple(c.id for c in claims),
                      message=f"quote differs: {hostile}", reason=hostile, group="g1")
    return build_report(mode, sources, claims, [group], [finding])  # type: ignore[arg-type]


class _Tags(HTMLParser):
    """Start tags with their attributes, text, and the code of inline scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.inline:
            self._open = tag
            self.inline[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.inline[self._open][-1] += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _policy(parsed: _Tags) -> dict[str, list[str]]:
    metas = [a for tag, a in parsed.tags
             if tag == "meta" and (a.get("http-equiv") or "").lower() ==
             "content-security-policy"]
    assert len(metas) == 1
    return {d.split()[0]: d.split()[1:] for d in (metas[0]["content"] or "").split(";")
            if d.strip()}


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_html_shows_hostile_text_as_text(mode: str, hostile: str) -> None:
    page = render_html(_report(mode, hostile))
    parsed = _parse(page)
    names = Counter(tag for tag, _ in parsed.tags)
    benign = Counter(tag for tag, _ in _parse(render_html(_report(mode, "plain words"))).tags)
    assert names == benign  # hostile text adds no element
    assert names["script"] == 1  # the report's own, allowed by its hash
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")]
        assert tag != "script" or not attrs
    allowed = _policy(parsed)
    assert all(_hash(code) in allowed["script-src"] for code in parsed.inline["script"])
    shown = "".join(parsed.text)
    assert hostile.replace("\x00", "") in shown.replace("\x00", "") or hostile == FORGED
    assert "49" not in shown  # template syntax in data is never evaluated


def test_html_content_security_policy_allows_only_its_own_code() -> None:
    page = render_html(_report("check", SCRIPT))
    parsed = _parse(page)
    policy = _policy(parsed)
    assert policy["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert policy[directive], directive
        assert all(source.startswith("'sha256-") for source in policy[directive]), directive
    assert [_hash(code) for code in parsed.inline["script"]] == policy["script-src"]
    assert [_hash(code) for code in parsed.inline["style"]] == policy["style-src"]
    assert policy.get("base-uri") == ["'none'"]
    assert page.index("Content-Security-Policy") < page.index("<title>")


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_json_carries_hostile_text_exactly(mode: str, hostile: str) -> None:
    output = render_json(_report(mode, hostile))
    assert not set(output) & {"\x1b", "\x00", "\x07", "\x08"}
    data: dict[str, Any] = json.loads(output)
    assert {c["text"] for c in data["claims"]} == {hostile}
    assert all(s["outlet"] == hostile for s in data["sources"])
    assert data["findings"][0]["message"].endswith(hostile.split("\n")[-1])


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_output_cannot_drive_the_terminal(mode: str, hostile: str) -> None:
    output = render_text(_report(mode, hostile))
    for control in TERMINAL_CONTROLS:
        assert control not in output
    assert "forged line" not in output or not any(
        line.startswith("draft.md:1:1:") for line in output.splitlines())


def test_problem_lines_cannot_drive_the_terminal() -> None:
    problem = Problem("CC101", f"is binary {ANSI}", f"in/{FORGED}{BIDI}.txt", 3, 4,
                      context=CONTROL)
    rendered = problem.render()
    for control in TERMINAL_CONTROLS:
        assert control not in rendered
    assert len(rendered.splitlines()) == 2  # the message, and its context line
    assert "\\x1b[31m" in rendered and "\\u202e" in rendered


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_sarif_is_valid_json_with_the_text_intact(mode: str, hostile: str) -> None:
    from claimcheck.report.sarif import render_sarif

    output = render_sarif(_report(mode, hostile))
    assert not set(output) & {"\x1b", "\x00", "\x07", "\x08"}
    assert any(hostile in value for value in _strings(json.loads(output)))


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_junit_is_well_formed_xml(mode: str, hostile: str) -> None:
    import xml.etree.ElementTree as ET

    from claimcheck.report.junit import render_junit

    root = ET.fromstring(render_junit(_report(mode, hostile)))
    assert root.iter() is not None
    for element in root.iter():
        assert element.tag in ("testsuites", "testsuite", "testcase", "failure", "skipped",
                               "system-out", "properties", "property", "error")


@pytest.mark.parametrize("mode", ["compare", "check"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_github_annotations_cannot_inject_workflow_commands(mode: str, hostile: str) -> None:
    from claimcheck.report.github import render_github

    report = _report(mode, hostile)
    lines = render_github(report).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) <= len(report.findings)
    for line in commands:
        assert line.split(" ", 1)[0] in ("::error", "::warning", "::notice")
        assert "\r" not in line and "\x1b" not in line
