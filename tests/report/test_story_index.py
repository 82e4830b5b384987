"""The index page of a stories run: in the reports' style, each story linking to its
report, the page as self-contained and locked down as the reports."""

from __future__ import annotations

from claimcheck.report.html import CSP
from claimcheck.story.index import render_index, story_href
from claimcheck.story.model import StoriesResult, Story
from tests.report.dom import parse
from tests.report.samples import HOSTILE, compare_report, rising_toll_report


def _result() -> StoriesResult:
    floods = compare_report()
    toll = rising_toll_report()
    return StoriesResult(
        stories=(Story(id="floods", title="Floods in Nepal", sources=("a.txt", "b.txt"),
                       dates=("2024-07-02",), places=("Pokhara",), report=floods),
                 Story(id="toll", title=HOSTILE, sources=("early.txt",), dates=(),
                       places=(), report=toll)),
        unassigned=("lone.txt", "odd.txt"),
        urls={"lone.txt": "https://example.org/lone", "odd.txt": "javascript:alert(1)"})


def test_each_story_links_to_its_report_with_its_counts() -> None:
    dom = parse(render_index(_result()))
    (index,) = dom.find_all(data_role="story-index")
    stories = index.find_all("article", data_story=None)
    assert [s.attrs["data-story"] for s in stories] == ["floods", "toll"]
    for story in stories:
        (link,) = story.find_all("a")
        assert link.attrs["href"] == story_href(story.attrs["data-story"] or "")
    floods = stories[0]
    assert "data-failing" in floods.attrs and "2\u00a0Jul\u00a02024" in floods.text()
    verdicts = {el.attrs["data-verdict"] for el in floods.find_all(data_verdict=None)}
    assert {"contradict", "quote_variant"} <= verdicts
    assert HOSTILE in dom.text() and not dom.find_all("b") and not dom.find_all("script")
    links = {el.attrs["data-unassigned"]: el.find_all("a") for el in
             dom.find_all("li", data_unassigned=None)}
    assert [a.attrs["href"] for a in links["lone.txt"]] == ["https://example.org/lone"]
    assert links["odd.txt"] == [], "only web addresses link"
    (meta,) = dom.find_all("meta", http_equiv="Content-Security-Policy")
    assert meta.attrs["content"] == CSP and "unsafe-inline" not in CSP
