"""Reading an article saved as an HTML page: its text and the metadata the page carries.

The text is extracted with trafilatura (main content only: navigation, footers, scripts
and comments are dropped) and its metadata (publication date through htmldate, title,
site name) kept. Claim offsets of an HTML source index the **extracted text**, which
becomes the source's ``text``: the markup has no stable offsets worth pointing into.
Nothing is fetched: trafilatura and htmldate only read the string they are given.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimcheck.budget import OverBudget

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# a page's markup is read whole, in memory, by an HTML parser: no bigger than the largest
# text file read (2,000,000 characters of up to 4 bytes); real pages, scripts and styles
# included, are under 3 MB
MAX_HTML_BYTES = 8_000_000


class HtmlArticle(BaseModel):
    """The readable article of one HTML page."""

    model_config = ConfigDict(frozen=True)

    text: str  # paragraphs separated by newlines, headline first when the page has one
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None  # the page's site name
    url: str | None = None  # the page's canonical address, when it names one


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # the page is already in memory and read under claimcheck's own time budget per
    # source: trafilatura's timeout (which only its command line uses) is off, its own
    # size cap is ours, and no date is guessed from anything but metadata
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_HTML_BYTES))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


# inline markup the extraction drops while keeping its text (formatting is not kept)
_INLINE = ("span", "b", "strong", "i", "em", "u", "font", "small", "big", "mark", "tt",
           "kbd", "samp", "var", "abbr", "cite", "dfn", "ins", "nobr", "bdi", "bdo")
# inline elements in one parent past which they are unwrapped first: no paragraph of news
# is marked up in more; beyond it, the extraction's text look-ups grow with the square of
# the run (each piece of text the dropped tags leave behind is read with all that follow)
MAX_INLINE_RUN = 2_000


def _unwrapped(html: str) -> str:
    """The page as it is, or, where one element holds more than ``MAX_INLINE_RUN`` inline
    elements (a page of thousands of tiny tags), with every inline element unwrapped (its
    text and tail kept in place) so that the text between them is one run again."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.LxmlError, ValueError):
        return html  # the extraction says what it makes of it
    inline = frozenset(_INLINE)
    if not any(sum(child.tag in inline for child in element) > MAX_INLINE_RUN
               for element in root.iter()):
        return html
    etree.strip_tags(root, *_INLINE)
    return str(lxml_html.tostring(root, encoding="unicode"))


def extract_article(html: str) -> HtmlArticle:
    """The main text of a page and its metadata; empty text when the page has none.

    trafilatura and htmldate fail on some broken markup (a fragment such as
    ``<body><script><html>`` parses to a lone ``script`` element, which htmldate's
    cleaning cannot drop): the page is then read again parsed as a whole document (its
    root always ``html``), then without its metadata; a page none of these reads has
    no article text, as far as claimcheck can tell."""
    page = _unwrapped(html)
    result: Any = None
    for attempt in (_as_given, _as_document, _without_metadata):
        try:
            result = attempt(page)
            break
        except (OverBudget, MemoryError):
            raise
        except Exception:  # a failure inside the extraction libraries
            continue
    if result is None or isinstance(result, dict):
        return HtmlArticle(text="")
    return HtmlArticle(
        text=result.text or "",
        title=_clean(result.title),
        published=_date(result.date),
        outlet=_clean(result.sitename),
        url=_clean(result.url),
    )


def _extraction(page: Any, with_metadata: bool = True) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        with_metadata=with_metadata,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        include_tables=True,
        deduplicate=False,
        config=_config(),
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _as_given(page: str) -> Any:
    return _extraction(page)


def _as_document(page: str) -> Any:
    return _extraction(_document(page))


def _without_metadata(page: str) -> Any:
    return _extraction(_document(page), with_metadata=False)


def _document(page: str) -> Any:
    """The page parsed as a whole document, as trafilatura's own parser reads it but
    never a lone element (lxml's ``fromstring`` returns the only element of a
    fragment)."""
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    return lxml_html.document_fromstring(page.encode("utf-8"), parser=parser)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
