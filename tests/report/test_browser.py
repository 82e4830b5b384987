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
from tests.report.browser import dump_dom, find_chromium, run, screenshot
from tests.report.dom import Element, parse
from tests.report.samples import check_report, compare_report

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


@pytest.mark.parametrize(("make", "name", "size"), [
    (check_report, "check-laptop", (1280, 1400)),
    (compare_report, "compare-laptop", (1280, 1400)),
    (check_report, "check-phone", (390, 1600)),
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
