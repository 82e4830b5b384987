"""The HTML reports in a real headless Chromium: filters change what is visible, the
page's own script is allowed by its Content-Security-Policy, and it reads with
scripts off. Screenshots go to ``$CLAIMCHECK_SCREENSHOTS`` when set (else a temp dir)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.report.html import SCRIPT, csp_hash, render_html
from claimcheck.report.view import Report
from tests.report.browser import (
    dump_dom,
    find_chromium,
    page_requests,
    run,
    run_dom,
    screenshot,
)
from tests.report.dom import Element, parse
from tests.report.samples import check_report, compare_report, rising_toll_report

CHROMIUM = find_chromium()
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")]


def _page(tmp_path: Path, make: Callable[[], Report], name: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(render_html(make()), encoding="utf-8")
    return page


def _visible(dom: Element) -> list[Element]:
    return [el for el in dom.find_all(data_filterable=None) if "hidden" not in el.attrs]


def test_filters_change_what_is_visible(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = _page(tmp_path, check_report, "check")
    everything, _ = dump_dom(CHROMIUM, tmp_path / "profile", page.as_uri())
    dom = parse(everything)
    (form,) = dom.find_all("form", data_section="filters")
    assert "hidden" not in form.attrs, "the policy lets the page's own script run"
    assert len(_visible(dom)) == 5
    assert dom.find_all("body")[0].attrs["data-shown"] == "5"

    only, _ = dump_dom(CHROMIUM, tmp_path / "profile", page.as_uri() + "#verdict=contradicted")
    dom = parse(only)
    assert [el.attrs["data-verdict"] for el in _visible(dom)] == ["contradicted"]
    marks = {m.attrs["data-verdict"]: m.attrs.get("class", "") for m in
             dom.find_all("a", data_mark=None)}
    assert "dim" in (marks["unsupported"] or "") and "dim" not in (marks["contradicted"] or "")

    nothing, _ = dump_dom(CHROMIUM, tmp_path / "profile", page.as_uri() + "#verdict=none")
    dom = parse(nothing)
    assert not _visible(dom)
    (note,) = dom.find_all("p", data_filter_empty=None)
    assert "hidden" not in note.attrs

    errors, _ = dump_dom(CHROMIUM, tmp_path / "profile",
                         page.as_uri() + "#severity=error&kind=quote")
    visible = _visible(parse(errors))
    assert [(el.attrs["data-severity"], el.attrs["data-kind"]) for el in visible] == [
        ("error", "quote")]


def test_compare_filters_by_kind(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = _page(tmp_path, compare_report, "compare")
    html, _ = dump_dom(CHROMIUM, tmp_path / "profile", page.as_uri() + "#kind=quote")
    assert [el.attrs["data-group"] for el in _visible(parse(html))] == ["g2"]


def test_readable_with_scripts_off(tmp_path: Path) -> None:
    """Scripts off, simulated by a policy whose hash matches no script (headless
    Chromium's own switches for it do not work with --dump-dom); this also shows the
    policy is enforced."""
    assert CHROMIUM is not None
    page = tmp_path / "noscript.html"
    html = render_html(check_report())
    pinned = csp_hash(SCRIPT).strip("'")
    assert pinned in html
    page.write_text(html.replace(pinned, "sha256-" + "A" * 43 + "="), encoding="utf-8")
    html, _ = dump_dom(CHROMIUM, tmp_path / "profile", page.as_uri() + "#verdict=contradicted")
    dom = parse(html)
    assert "hidden" in dom.find_all("form", data_section="filters")[0].attrs
    assert len(_visible(dom)) == 5, "without scripts nothing is filtered away"
    assert dom.find_all(data_role="triage")[0].find_all("li")
    assert dom.find_all("svg", data_role="number-line")
    for card in dom.find_all("article", data_severity="error"):
        assert "open" in card.find_all("details")[0].attrs, "errors are unfolded"


@pytest.mark.parametrize(("make", "name", "size"), [
    (check_report, "check-laptop", (1400, 1400)),
    (compare_report, "compare-laptop", (1400, 1400)),
    (rising_toll_report, "toll-laptop", (1400, 1400)),
    (check_report, "check-phone", (390, 1600)),
    (compare_report, "compare-phone", (390, 1600)),
])
def test_screenshots(tmp_path: Path, make: Callable[[], Report], name: str,
                     size: tuple[int, int]) -> None:
    assert CHROMIUM is not None
    folder = Path(os.environ.get("CLAIMCHECK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = screenshot(CHROMIUM, tmp_path / "profile", _page(tmp_path, make, name).as_uri(),
                      folder / f"{name}.png", size)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_prints_to_pdf(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    pdf = tmp_path / "check.pdf"
    run(CHROMIUM, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
        _page(tmp_path, check_report, "check").as_uri())
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2, "none": 3}


def _dom_of(tmp_path: Path, make: Callable[[], Report], name: str, fragment: str = "") -> Element:
    assert CHROMIUM is not None
    html, _ = dump_dom(CHROMIUM, tmp_path / "profile",
                       _page(tmp_path, make, name).as_uri() + fragment)
    return parse(html)


@pytest.mark.parametrize("make", [check_report, compare_report, rising_toll_report])
def test_the_first_card_is_the_most_severe_finding(tmp_path: Path,
                                                   make: Callable[[], Report]) -> None:
    report = make()
    dom = _dom_of(tmp_path, make, "first")
    cards = [el for el in dom.find_all("article", data_filterable=None)]
    worst = min(SEVERITY_RANK[f.severity.value] for f in report.findings)
    assert SEVERITY_RANK[cards[0].attrs["data-severity"] or "none"] == worst
    ranks = [SEVERITY_RANK[c.attrs["data-severity"] or "none"] for c in cards
             if "data-group" not in c.attrs or c.find_all("details")]
    assert ranks == sorted(ranks), "cards are sorted by severity"
    if report.mode == "check":
        assert cards[0].attrs["data-verdict"] == "contradicted"
    first_details = cards[0].find_all("details")[0]
    assert "open" in first_details.attrs, "an error card is open"


@pytest.mark.parametrize("make", [check_report, compare_report, rising_toll_report])
def test_the_summary_lists_every_error_with_a_link_to_its_card(
        tmp_path: Path, make: Callable[[], Report]) -> None:
    report = make()
    dom = _dom_of(tmp_path, make, "triage")
    (triage,) = dom.find_all(data_role="triage")
    items = triage.find_all("li")
    errors = [f for f in report.findings if f.severity.value == "error"]
    assert sum(int(li.attrs["data-count"] or 0) for li in items
               if li.attrs["data-severity"] == "error") == len(errors)
    ids = {el.attrs.get("id") for el in dom.iter()}
    for li in items:
        (link,) = li.find_all("a")
        assert (link.attrs["href"] or "").lstrip("#") in ids
    order = [SEVERITY_RANK[li.attrs["data-severity"] or "none"] for li in items]
    assert order == sorted(order)
    # the triage comes before every card in the page
    html = "".join(str(el.attrs) for el in dom.iter())
    assert html.index("'triage'") < html.index("data-filterable")


def test_the_matrix_has_a_row_per_judged_slot_and_a_column_per_source(tmp_path: Path) -> None:
    report = compare_report()
    dom = _dom_of(tmp_path, compare_report, "matrix")
    (matrix,) = dom.find_all("table", data_role="slot-matrix")
    judged = {g.id for g in report.groups
              if not g.related and len({report.claim(c).source for c in g.claims}) > 1}
    rows = matrix.find_all("tr", data_group=None)
    assert {r.attrs["data-group"] for r in rows} == judged and len(rows) == len(judged)
    columns = [th.attrs["data-source"] for th in matrix.find_all("th", data_source=None)]
    assert columns == [s.id for s in report.sources]
    for row in rows:
        assert [td.attrs["data-source"] for td in row.find_all("td")] == columns
    (toll,) = [r for r in rows if r.attrs["data-group"] == "g1"]
    cells = {td.attrs["data-source"]: td for td in toll.find_all("td")}
    assert "212 people" in cells["a.txt"].text()
    assert "more than 300 people" in cells["b.txt"].text()


@pytest.mark.parametrize("make", [check_report, compare_report, rising_toll_report])
def test_each_quantity_slot_has_a_number_line_with_one_mark_per_source(
        tmp_path: Path, make: Callable[[], Report]) -> None:
    dom = _dom_of(tmp_path, make, "lines")
    cards = [c for c in dom.find_all("article", data_filterable=None)
             if c.attrs["data-kind"] == "quantity" and c.find_all("details")]
    assert cards
    for card in cards:
        (line,) = card.find_all("svg", data_role="number-line")
        sources = {c.attrs["data-source"] for c in card.find_all("div", data_claim=None)}
        marks = [g.attrs["data-mark-source"] for g in line.find_all("g", data_mark_source=None)]
        assert sorted(marks) == sorted(sources), "one mark per source"
        assert line.find_all("circle") or line.find_all("rect")


def test_a_figure_stated_on_several_days_has_a_timeline(tmp_path: Path) -> None:
    dom = _dom_of(tmp_path, rising_toll_report, "timeline")
    (timeline,) = dom.find_all("svg", data_role="timeline")
    points = timeline.find_all("g", data_mark_source=None)
    assert [p.attrs["data-mark-source"] for p in points] == [
        "early.txt", "later.txt", "latest.txt"], "in order of publication"
    heights = [float(p.find_all("circle")[0].attrs["cy"] or 0) for p in points]
    assert heights == sorted(heights, reverse=True), "a rising toll is drawn rising"
    assert "rising" in timeline.find_all("title")[0].text()
    assert not _dom_of(tmp_path, compare_report, "flat").find_all(data_role="timeline"), (
        "sources of one day have no timeline")


def test_search_and_source_filter(tmp_path: Path) -> None:
    dom = _dom_of(tmp_path, check_report, "search", "#q=bridge")
    assert [el.attrs["data-kind"] for el in _visible(dom)] == ["quote"]
    dom = _dom_of(tmp_path, compare_report, "by-source", "#source=s0")
    shown = {el.attrs["data-group"] for el in _visible(dom)}
    assert shown == {"g1", "g2"}, "only what a.txt states"


def test_nothing_leaves_the_page(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    probe = tmp_path / "probe.html"
    probe.write_text('<img src="http://127.0.0.1:9/probe.png">', encoding="utf-8")
    seen = page_requests(CHROMIUM, tmp_path / "p0", probe.as_uri(), tmp_path / "probe.json")
    assert seen == ["http://127.0.0.1:9/probe.png"], "the net log sees a page's request"
    for make in (check_report, compare_report, rising_toll_report):
        page = _page(tmp_path, make, f"net-{make.__name__}")
        assert page_requests(CHROMIUM, tmp_path / f"p-{make.__name__}", page.as_uri(),
                             tmp_path / f"{make.__name__}.json") == []


PROBE = ("document.body.setAttribute('data-overflow', String("
         "document.documentElement.scrollWidth > window.innerWidth + 1));")


def _probed(tmp_path: Path, make: Callable[[], Report], name: str) -> Path:
    """The page with one more script, allowed by its hash, that records whether the
    page is wider than the window (a phone would have to scroll sideways)."""
    html = render_html(make())
    pinned, probe = csp_hash(SCRIPT).strip("'"), csp_hash(PROBE).strip("'")
    assert html.count(pinned) == 1  # inside the escaped policy: 'sha256-…'
    html = html.replace(pinned, f"{pinned}&#39; &#39;{probe}", 1)
    html = html.replace("</body>", f"<script>{PROBE}</script>\n</body>", 1)
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    return page


@pytest.mark.parametrize("make", [check_report, compare_report, rising_toll_report])
def test_a_phone_never_scrolls_sideways(tmp_path: Path, make: Callable[[], Report]) -> None:
    assert CHROMIUM is not None
    page = _probed(tmp_path, make, f"phone-{make.__name__}")
    html, _ = run_dom(CHROMIUM, tmp_path / "profile", page.as_uri(), (390, 1600))
    (body,) = parse(html).find_all("body")
    assert body.attrs.get("data-overflow") == "false", "the page fits a 390 px screen"
