"""A source's url and its name (outlet, title) reach every report."""

from __future__ import annotations

import json

from claimcheck.report.formats import render
from claimcheck.report.html import html_view
from claimcheck.report.text import plural, render_text
from claimcheck.report.view import Report
from tests.report.samples import check_report, compare_report

URL = "https://example.org/valley-post/floods"


def _with_url(report: Report) -> Report:
    sources = tuple(s.model_copy(update={"url": URL}) if s.id == "a.txt" else s
                    for s in report.sources)
    return report.model_copy(update={"sources": sources})


def test_every_format_shows_the_url() -> None:
    for make in (check_report, compare_report):
        report = _with_url(make())
        for fmt in ("text", "json", "sarif", "junit", "github"):
            assert URL in render(report, fmt), (make.__name__, fmt)


def test_json_and_html_view_carry_the_url() -> None:
    report = _with_url(compare_report())
    (source,) = [s for s in json.loads(render(report, "json"))["sources"] if s["id"] == "a.txt"]
    assert source["url"] == URL
    view = html_view(report)
    assert [s["url"] for s in view["sources"] if s["id"] == "a.txt"] == [URL]


def test_sarif_links_the_artifact() -> None:
    run = json.loads(render(_with_url(check_report()), "sarif"))["runs"][0]
    (artifact,) = [a for a in run["artifacts"] if a["location"]["uri"] == "news/a.txt"]
    assert artifact["properties"]["url"] == URL
    assert artifact["description"]["markdown"] == f"[Valley Post]({URL})"


def test_text_names_sources_by_outlet() -> None:
    text = render_text(check_report())
    assert "    b.txt: Wire <b>&</b> Co" in text


def test_counts_are_singular_for_one() -> None:
    assert plural(1, "source") == "1 source" and plural(2, "source") == "2 sources"
    report = compare_report()
    one = report.model_copy(update={"sources": report.sources[:1]})
    assert "1 source," in render_text(one)
