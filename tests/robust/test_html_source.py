"""HTML articles: the readable text and the page's metadata, nothing fetched, no markup."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.html_source import extract_article
from claimcheck.sources import load_sources

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Quake kills 40 near Bishkek | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2014-05-03T08:15:00+06:00">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/tracker.js"></script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Quake kills 40 near Bishkek</h1>
<p>At least 40 people were killed on Friday when an earthquake struck villages near
Bishkek, the Kyrgyz emergencies ministry said.</p>
<p>&ldquo;It is a terrible day,&rdquo; the mayor said. <script>alert("x")</script></p>
<p>Rescue teams from Kazakhstan arrived on Saturday with 120 tonnes of supplies.</p>
<img src="https://example.com/pixel.gif" onerror="alert(1)">
</article>
<footer>Donate now. Read more: related stories.</footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_article_text_and_metadata(no_network: None) -> None:
    article = extract_article(PAGE)
    assert "At least 40 people were killed" in article.text
    assert "120 tonnes" in article.text
    assert article.published == dt.date(2014, 5, 3)
    assert article.outlet == "Daily Planet"
    assert article.title and "Quake kills 40" in article.title
    for furniture in ("Home", "Donate now", "alert", "<", "tracker"):
        assert furniture not in article.text


def test_html_source_offsets_index_the_extracted_text(tmp_path: Path, no_network: None) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (source,) = load_sources([tmp_path])
    assert source.format == "html"
    assert source.id == "page.html"
    assert source.published == dt.date(2014, 5, 3)
    start = source.text.index("40 people")
    assert source.body[start:start + 9] == "40 people"
    line, column = source.line_column(start)
    assert source.text.splitlines()[line - 1][column - 1:].startswith("40 people")


def test_sources_yaml_wins_over_the_page(tmp_path: Path) -> None:
    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "- file: page.htm\n  outlet: Wire\n  published: 2014-05-04\n", encoding="utf-8")
    (source,) = load_sources([tmp_path])
    assert (source.outlet, source.published) == ("Wire", dt.date(2014, 5, 4))


def test_page_in_windows_1252_declared_in_markup(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "villages", "villages — “remote” ones —")
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    (source,) = load_sources([tmp_path / "p.html"])
    assert "“remote”" in source.text


@pytest.mark.parametrize("page", [
    "", "<html></html>", "<<<>>>", "<p>" * 5000, "<html><body><nav>Home</nav></body></html>",
])
def test_pages_without_an_article_warn_and_do_not_crash(tmp_path: Path, page: str) -> None:
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    warnings: list[object] = []
    (source,) = load_sources([tmp_path / "p.html"], warn=warnings.append)
    assert source.body.strip() == "" or "<" not in source.body
    if not source.body.strip():
        assert len(warnings) == 1


MARKUP = ["<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<!--", "-->",
          "<![CDATA[", "]]>", "<meta property=\"article:published_time\" content=\"",
          "\">", "&amp;", "&#0;", "&#xD800;", "<br/>", "<table><tr><td>", "\x00", "\x0c",
          "\ufeff", "<?xml version=\"1.0\"?>", "<html>", "<body>", "<title>", "</title>",
          "At least 40 people were killed near Bishkek. "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=15)), max_size=40))
def test_any_page_extracts_without_crashing(pieces: list[str]) -> None:
    article = extract_article("".join(pieces))
    assert isinstance(article.text, str)


def test_a_page_over_the_html_cap_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from claimcheck.errors import InputError
    from claimcheck.html_source import MAX_HTML_BYTES, _config

    page = tmp_path / "huge.html"
    with page.open("wb") as handle:
        handle.truncate(MAX_HTML_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(InputError) as caught:
        load_sources([page])
    assert [p.code for p in caught.value.problems] == ["CC105"]
    assert _config().getint("DEFAULT", "MAX_FILE_SIZE") == MAX_HTML_BYTES


def test_a_paragraph_of_thousands_of_tiny_tags_is_unwrapped_to_the_same_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the run of inline elements no paragraph has, they are unwrapped before the
    extraction (whose look-ups would grow with the square of the run): same text."""
    from claimcheck import html_source

    words = "".join(f"<span>{n}</span> <b>killed</b><i>x</i>, " for n in range(60))
    page = PAGE.replace("<p>Rescue teams", f"<p>{words} and <em>then</em> rescue teams")
    as_read = extract_article(page)
    assert html_source._unwrapped(PAGE) is PAGE  # an ordinary page is read as it is
    monkeypatch.setattr(html_source, "MAX_INLINE_RUN", 100)
    assert html_source._unwrapped(page) is not page
    assert "<span>" not in html_source._unwrapped(page)
    unwrapped = extract_article(page)
    assert unwrapped == as_read and "59 killedx, and then rescue teams" in unwrapped.text


@pytest.mark.parametrize("page", [
    "<body><script><html>",
    "<body><script><html><p>At least 40 people were killed near Bishkek on Friday, the "
    "ministry said.</p>",
])
def test_a_fragment_that_parses_to_a_lone_script_has_no_article(page: str) -> None:
    """lxml reads such a fragment as a lone ``script`` element, which htmldate's cleaning
    cannot drop (an AssertionError inside lxml): read again as a whole document, the
    script is a script, and its contents are no article."""
    assert extract_article(page).text == ""


def test_a_page_whose_metadata_the_libraries_fail_on_keeps_its_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.metadata

    def broken(*args: object, **kwargs: object) -> None:
        raise AssertionError("inside the date search")

    monkeypatch.setattr(trafilatura.metadata, "find_date", broken)
    article = extract_article(PAGE)
    assert "At least 40 people were killed" in article.text
    assert article.published is None and article.title is None


def test_the_time_budget_is_not_taken_for_a_library_failure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.metadata

    from claimcheck.budget import OverBudget

    def over(*args: object, **kwargs: object) -> None:
        raise OverBudget

    monkeypatch.setattr(trafilatura.metadata, "find_date", over)
    with pytest.raises(OverBudget):
        extract_article(PAGE)
