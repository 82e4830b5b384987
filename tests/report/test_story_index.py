"""The index page of many stories: problems first, each linking to its report."""

from __future__ import annotations

from claimcheck.report.html import CSP
from claimcheck.report.story_index import render_story_index, story_entry
from tests.report.dom import parse
from tests.report.samples import HOSTILE, compare_report, rising_toll_report


def test_stories_with_problems_come_first_and_link_to_their_report() -> None:
    calm = compare_report().model_copy(update={"findings": ()})
    entries = [story_entry("Calm story", "calm/report.html", calm),
               story_entry("Floods", "floods/report.html", compare_report()),
               story_entry(HOSTILE, "toll/report.html", rising_toll_report())]
    dom = parse(render_story_index(entries))
    (index,) = dom.find_all(data_role="story-index")
    stories = index.find_all("article", data_story=None)
    assert [s.attrs["data-story"] for s in stories][-1] == "calm/report.html"
    assert all(s.attrs["data-failing"] != "0" for s in stories[:2])
    links = [s.find_all("a")[0] for s in stories]
    assert [a.attrs["href"] for a in links] == [s.attrs["data-story"] for s in stories]
    assert HOSTILE in dom.text() and not dom.find_all("b")
    (toll,) = [s for s in stories if s.attrs["data-story"] == "toll/report.html"]
    assert "1 Jul 2024 – 4 Jul 2024" in toll.text() and "3 sources" in toll.text()
    (meta,) = dom.find_all("meta", http_equiv="Content-Security-Policy")
    assert meta.attrs["content"] == CSP
