"""Sources: the articles and drafts claimcheck reads, with their metadata.

This module is the input edge: it reads files, decodes them, parses front matter and
``sources.yaml``, and maps offsets to line:column. Everything after it is pure.

What it accepts, and what it does with everything else:

- Articles are ``.txt``, ``.md``/``.markdown`` (YAML front matter allowed) and
  ``.html``/``.htm`` (the article text is extracted; offsets index that text).
- A folder is read with its subfolders, in name order; a file below it is known by its
  path relative to the folder given (``sub/a.txt``), so two ``index.html`` in two
  subfolders stay two sources. Hidden files and folders and ``sources.yaml`` are
  metadata or clutter, not articles; a link to a folder is not followed (it may loop),
  and is named; any other file (a PDF, an image) is **skipped with a warning line** so
  one stray file does not stop a deadline check. ``exclude_patterns`` (shell patterns,
  as ``--exclude`` takes) drop files and folders by name or by relative path. A file with an
  article suffix that cannot be read or decoded is an **error**: the user meant it.
- An empty or whitespace-only article is kept, with a warning: it has nothing to check.
- An article longer than the parser takes at once (``PARSER_CHARS``) is parsed in parts
  cut at paragraph breaks, with a warning; one longer than ``MAX_ARTICLE_CHARS`` is
  refused: that is a book or a dump, not an article. Split it into articles.
- Every problem is collected before raising, so a user sees all bad files at once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor

from claimcheck import budget, safe_yaml
from claimcheck.encoding import decode
from claimcheck.errors import InputError, Problem
from claimcheck.html_source import HTML_SUFFIXES, MAX_HTML_BYTES, extract_article
from claimcheck.reading import (
    MAX_METADATA_BYTES,
    NOT_A_FILE,
    UNREADABLE,
    TooLarge,
    read_bytes,
    read_text,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "METADATA_FILE",
    "PARSER_CHARS",
    "Source",
    "Warn",
    "decode",
    "load_sources",
    "read_metadata",
    "read_source",
    "source_from_bytes",
    "source_from_text",
    "split_front_matter",
]

Role = Literal["source", "draft"]
Format = Literal["text", "markdown", "html"]
Warn = Callable[[Problem], None]

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES)
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES)
METADATA_FILE = "sources.yaml"
PARSER_CHARS = 1_000_000  # spaCy's default ``nlp.max_length``: longer is parsed in parts
MAX_ARTICLE_CHARS = 2 * PARSER_CHARS  # longer is a book or a dump
_MAX_CHAR_BYTES = 4  # no encoding we read spends more bytes on a character

# stable problem codes of this module (CC100, CC106 and CC107 are the reader's)
NOT_ARTICLE = "CC103"
NOTHING_TO_CHECK = "CC104"
TOO_LONG = "CC105"
PARSED_IN_PARTS = "CC108"
FRONT_MATTER_UNCLOSED = "CC110"
FRONT_MATTER_NOT_MAPPING = "CC111"
BAD_YAML = "CC112"
BAD_DATE = "CC113"
NOT_TEXT_VALUE = "CC114"
METADATA_NOT_LIST = "CC120"
METADATA_NO_FILE = "CC121"
METADATA_UNKNOWN_KEY = "CC122"
METADATA_MISSING_FILE = "CC123"
DUPLICATE_ID = "CC124"
METADATA_BAD_NAME = "CC125"
METADATA_DUPLICATE = "CC126"
BAD_URL = "CC127"

_METADATA_KEYS = ("file", "outlet", "published", "title", "url")
_URL_SCHEMES = ("http://", "https://")


class Source(BaseModel):
    """One article or draft, decoded, with the metadata that anchors its dates."""

    model_config = ConfigDict(frozen=True)

    id: str  # the file name
    path: str
    role: Role = "source"
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None  # where the article is published (http or https), to click
    text: str  # the whole decoded file, front matter included (HTML: the extracted text)
    body_start: int = 0  # offset where the article body begins (after front matter)
    format: Format = "text"  # "html": ``text`` is extracted from the page, not the file

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def readable_body(self) -> str:
        """The body as a reader sees it: HTML comments (suppression markers, editors'
        notes) blanked out, offsets unchanged."""
        return mask_runaway_affixes(mask_escapes(mask_comments(self.body)))

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset into ``text``.

        Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as editors count them.
        """
        starts = _line_starts(self.text)
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1


_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_NOT_NEWLINE = re.compile(r"[^\n]")


def mask_comments(text: str) -> str:
    """HTML comments replaced by spaces (newlines kept), so every offset stays valid.

    A linear scan: a pattern like ``<!--.*?-->`` rescans to the end of the text from
    every unclosed ``<!--``, which hostile text can repeat thousands of times.
    """
    pieces: list[str] = []
    done = 0
    while (start := text.find(_COMMENT_OPEN, done)) != -1:
        end = text.find(_COMMENT_CLOSE, start + len(_COMMENT_OPEN))
        if end == -1:
            break  # never closed: neither this nor any later opening is a comment
        end += len(_COMMENT_CLOSE)
        pieces.append(text[done:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# terminal escape sequences (colours pasted from a terminal: "\x1b[32m2"): CSI, OSC, or
# a lone ESC and the character after it
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)?|.?)",
                     re.DOTALL)


def mask_escapes(text: str) -> str:
    """Terminal escape codes replaced by spaces, offsets unchanged: "32m" of a colour
    code is no 32 square metres."""
    if "\x1b" not in text:
        return text
    return _ESCAPE.sub(lambda match: " " * len(match.group()), text)


# a stretch with no whitespace longer than any word, number or address of an article
_LONG_RUN = re.compile(r"\S{65,}")
# punctuation not inside a word or number (the ',' of "1,200" and '-' of "al-Assad" stay)
_LOOSE_PUNCTUATION = re.compile(r"(?<!\w)[^\w\s]|[^\w\s](?!\w)")


def mask_runaway_affixes(text: str) -> str:
    """Punctuation that is not inside a word blanked out in stretches of 65 and more
    characters without whitespace, offsets unchanged. spaCy's tokenizer peels prefixes
    and suffixes off such a stretch one at a time, rescanning the rest each time: 25,000
    nested brackets take it minutes. A stretch that long is no prose."""
    if len(text) < 65 or _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(lambda run: _LOOSE_PUNCTUATION.sub(
        lambda mark: " " * len(mark.group()), run.group()), text)


_LINE_BREAK = re.compile(r"\r\n?|\n")


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    """Offsets where lines start; cached, since every claim of a source asks again."""
    return (0, *(match.end() for match in _LINE_BREAK.finditer(text)))


# ---------------------------------------------------------------------------- metadata


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """YAML front matter between ``---`` lines at the top, and where the body starts."""
    front, _, body_start = _front_matter(text, path)
    return front, body_start


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], dict[str, int], int]:
    """Front matter, the file line of each of its keys, and where the body starts."""
    if not text.startswith("---"):
        return {}, {}, 0
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].strip() != "---":
        return {}, {}, 0
    close = text.find("\n---", first_end)
    line_end = len(text)
    while close != -1:
        line_end = text.find("\n", close + 1)
        line_end = len(text) if line_end == -1 else line_end
        if text[close + 1:line_end].strip() == "---":
            break
        close = text.find("\n---", close + 1)
    if close == -1:
        raise InputError([Problem(FRONT_MATTER_UNCLOSED, "front matter opened with '---' is "
                                  "never closed", path, 1, 1)])
    block = text[first_end + 1:close + 1]
    data = _load_yaml(block, path, line_offset=1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem(FRONT_MATTER_NOT_MAPPING, "front matter must be a mapping "
                                  "of keys to values", path, 2, 1)])
    body_start = line_end + 1 if line_end < len(text) else len(text)
    lines = {str(key): line + 1 for key in data
             if (line := _key_line(block, str(key))) is not None}
    return {str(key): value for key, value in data.items()}, lines, body_start


def _key_line(block: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}\s*:", block, re.MULTILINE)
    return None if match is None else block.count("\n", 0, match.start()) + 1


class _SafeConstructor(SafeConstructor):
    """Safe loading, with timestamps left as strings for ``parse_date`` to judge: the
    YAML library raises a bare ValueError on an impossible date such as 2013-02-30."""


class _RoundTripConstructor(RoundTripConstructor):
    """Round-trip loading (keeps line numbers) with timestamps left as strings."""


for _constructor in (_SafeConstructor, _RoundTripConstructor):
    _constructor.add_constructor("tag:yaml.org,2002:timestamp",
                                 _constructor.construct_yaml_str)


def _load_yaml(text: str, path: str, line_offset: int = 0, typ: str = "safe",
               pure: bool = True) -> Any:
    """``pure=False``: libyaml's parser where installed (safe loading only), several
    times faster, but its messages are its own: callers use it only for the fast path."""
    yaml = YAML(typ=typ, pure=pure)
    yaml.Constructor = _RoundTripConstructor if typ == "rt" else _SafeConstructor
    try:
        return safe_yaml.load(yaml, text)
    except safe_yaml.YamlProblem as err:
        line = err.line + line_offset if err.line is not None else None
        raise InputError([Problem(BAD_YAML, f"invalid YAML: {err.message}", path, line,
                                  err.column)]) from None


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def parse_date(value: Any, path: str, line: int | None, field: str) -> dt.date | None:
    """A publication date from metadata: ISO ``YYYY-MM-DD``, or an ISO date and time."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str | int) else ""
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            continue
    shown = repr(value) if isinstance(value, str | int | float) else f"a {type(value).__name__}"
    raise InputError([Problem(BAD_DATE, f"{field}: {_short(shown)} is not a date (use "
                              "YYYY-MM-DD)", path, line)]) from None


def _text_value(value: Any, path: str, field: str, line: int | None = None) -> str | None:
    """Outlet and title must be text: a list or mapping is a mistake (and may be huge)."""
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError([Problem(NOT_TEXT_VALUE, f"{field} must be text, not a "
                              f"{type(value).__name__}", path, line)])


def url_value(value: Any, path: str, line: int | None = None) -> str | None:
    """An article's address: text starting ``http://`` or ``https://`` (a report shows
    it as a link, so ``javascript:`` and friends are refused)."""
    text = _text_value(value, path, "url", line)
    if text is None or not text.strip():
        return None
    text = text.strip()
    if not text.lower().startswith(_URL_SCHEMES) or any(ch.isspace() for ch in text):
        raise InputError([Problem(BAD_URL, f"url: {_short(repr(text))} is not an http(s) "
                                  "address", path, line)])
    return text


def display_name(source: Source) -> str | None:
    """How a report names a source to a reader: its outlet and title, when known."""
    outlet = source.outlet if source.outlet and source.outlet.lower() != "unknown" else None
    title = f"“{_short(source.title)}”" if source.title else None
    parts = [p for p in (outlet, title) if p]
    return ", ".join(parts) or None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def read_metadata(folder: Path) -> dict[str, dict[str, Any]]:
    """``sources.yaml`` of a folder: a list of {file, outlet, published}, by file name."""
    meta_path = folder / METADATA_FILE
    if not (meta_path.exists() or meta_path.is_symlink()):
        return {}
    shown = str(meta_path)
    text = read_text(meta_path, MAX_METADATA_BYTES, shown, "sources.yaml")
    # A file of a thousand entries takes a quarter of a second in the round-trip loader
    # that knows each entry's line: read it with the C loader first, and only when
    # something is wrong again with line numbers, to say where.
    try:
        return _metadata(_load_yaml(text, shown, pure=False), folder, shown)
    except InputError:
        pass
    return _metadata(_load_yaml(text, shown, typ="rt"), folder, shown)


def _metadata(data: Any, folder: Path, shown: str) -> dict[str, dict[str, Any]]:
    """The entries of a loaded ``sources.yaml``, each checked; lines only when ``data``
    comes from the round-trip loader."""
    if data is None:
        return {}
    if not isinstance(data, list):
        raise InputError([Problem(METADATA_NOT_LIST, "must be a list of entries with 'file', "
                                  "'outlet' and 'published'", shown, 1, 1)])
    problems: list[Problem] = []
    result: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(data):
        line = entry.lc.line + 1 if hasattr(entry, "lc") else None
        if not isinstance(entry, dict) or "file" not in entry:
            problems.append(Problem(METADATA_NO_FILE, f"entry {index + 1} has no 'file'",
                                    shown, line))
            continue
        unknown = sorted(str(k) for k in set(entry) - set(_METADATA_KEYS))
        if unknown:
            from claimcheck.rules.yamlpos import did_you_mean

            hint = did_you_mean(unknown[0], _METADATA_KEYS)
            problems.append(Problem(METADATA_UNKNOWN_KEY, f"unknown key {_short(unknown[0])!r}"
                                    f"{hint} (valid: {', '.join(_METADATA_KEYS)})", shown,
                                    line))
        try:
            name = _text_value(entry["file"], shown, "file", line) or ""
            if name != Path(name).name or name in ("", ".", ".."):
                problems.append(Problem(METADATA_BAD_NAME, f"'file' must be the name of a file "
                                        f"in this folder, not {_short(name)!r}", shown, line))
                continue
            if name in result:
                problems.append(Problem(METADATA_DUPLICATE, f"{name!r} is listed twice", shown,
                                        line))
            elif not (folder / name).is_file():
                problems.append(Problem(METADATA_MISSING_FILE, f"names {name!r}, which is not "
                                        f"in {folder}", shown, line))
            result[name] = {
                "outlet": _text_value(entry.get("outlet"), shown, "outlet", line),
                "published": parse_date(entry.get("published"), shown, line, "published"),
                "title": _text_value(entry.get("title"), shown, "title", line),
                "url": url_value(entry.get("url"), shown, line),
            }
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return result


# ------------------------------------------------------------------------------ reading


def source_from_text(text: str, path: str, role: Role = "source",
                     metadata: dict[str, Any] | None = None,
                     source_id: str | None = None) -> Source:
    """Build a Source from decoded text; front matter wins over ``metadata`` defaults."""
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        front, lines, body_start = _front_matter(text, path)
        fmt: Format = "markdown"
    else:
        front, lines, body_start, fmt = {}, {}, 0, "text"
    front = {k: v for k, v in front.items() if v is not None}
    meta = {**(metadata or {}), **front}
    problems: list[Problem] = []
    fields: dict[str, Any] = {}
    for field in ("outlet", "title", "published", "url"):
        line = lines.get(field) if field in front else None
        try:
            if field == "published":
                fields[field] = parse_date(meta.get(field), path, line, field)
            elif field == "url":
                fields[field] = url_value(meta.get(field), path, line)
            else:
                fields[field] = _text_value(meta.get(field), path, field, line)
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return Source(id=source_id or Path(path).name, path=path, role=role, text=text,
                  body_start=body_start, format=fmt, **fields)


def source_from_html(html: str, path: str, role: Role = "source",
                     metadata: dict[str, Any] | None = None,
                     source_id: str | None = None) -> Source:
    """Build a Source from an HTML page: the extracted article text, the page's metadata.

    ``metadata`` (from ``sources.yaml`` or ``--published``) wins over what the page says:
    the page's date is read from its markup and may be a modification date.
    """
    article = extract_article(html)
    meta = {k: v for k, v in (metadata or {}).items() if v is not None}
    url = meta.get("url", article.url)
    if url is not None and not str(url).lower().startswith(_URL_SCHEMES):
        url = None  # a page's own canonical link that is not http(s): not worth an error
    return Source(
        id=source_id or Path(path).name, path=path, role=role, text=article.text,
        format="html", url=url_value(url, path),
        outlet=_text_value(meta.get("outlet", article.outlet), path, "outlet"),
        title=_text_value(meta.get("title", article.title), path, "title"),
        published=parse_date(meta.get("published", article.published), path, None,
                             "published"),
    )


def _too_long(path: str, size: str) -> InputError:
    return InputError([Problem(TOO_LONG, f"is too long for one article ({size}; the limit is "
                               f"{MAX_ARTICLE_CHARS:,} characters): split it into articles",
                               path)])


def read_source(path: Path, role: Role = "source",
                metadata: dict[str, Any] | None = None,
                source_id: str | None = None, seconds: float = 0.0) -> Source:
    """Read, decode and parse one article file (text, Markdown or HTML); extracting
    a page's article may take at most ``seconds`` (0: no limit)."""
    shown = str(path)
    is_html = path.suffix.lower() in HTML_SUFFIXES
    limit = MAX_HTML_BYTES if is_html else MAX_ARTICLE_CHARS * _MAX_CHAR_BYTES
    try:  # a regular file only, refused before reading when too big for an article
        data = read_bytes(path, limit, shown, "article")
    except TooLarge as err:
        raise _too_long(shown, f"{err.size / 1e6:.1f} MB") from None
    return source_from_bytes(data, shown, role, metadata, source_id, seconds)


def source_from_bytes(data: bytes, path: str, role: Role = "source",
                      metadata: dict[str, Any] | None = None,
                      source_id: str | None = None, seconds: float = 0.0) -> Source:
    """Decode and parse an article's bytes as the file ``path`` (its suffix says text,
    Markdown or HTML): a file, or standard input read under a name."""
    is_html = Path(path).suffix.lower() in HTML_SUFFIXES
    limit = MAX_HTML_BYTES if is_html else MAX_ARTICLE_CHARS * _MAX_CHAR_BYTES
    if len(data) > limit:
        raise _too_long(path, f"{len(data) / 1e6:.1f} MB")
    text = decode(data, path)
    if is_html:
        try:  # the HTML parser is the reading step whose time a page can blow up
            with budget.within(seconds):
                source = source_from_html(text, path, role, metadata, source_id)
        except budget.OverBudget:
            raise InputError([Problem(budget.TIMED_OUT, f"took longer than {seconds:g} s to "
                                      "extract its article from the HTML (--timeout): "
                                      "skipped", path)]) from None
    else:
        source = source_from_text(text, path, role, metadata, source_id)
    if len(source.body) > MAX_ARTICLE_CHARS:
        raise _too_long(path, f"{len(source.body):,} characters")
    return source


def _ignored(path: Path) -> bool:
    """Hidden files and the folder's metadata are not articles, and not worth a warning."""
    return path.name.startswith(".") or path.name == METADATA_FILE


def excluded_by(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path (``/``-separated) or one of its folders matches one of the shell
    patterns, by name or by path (``drafts``, ``*.html``, ``sub/old-*``, ``**/tmp``)."""
    parts = [part for part in relative.split("/") if part not in ("", ".")]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        bare = pattern[3:] if pattern.startswith("**/") else pattern
        for end in range(1, len(parts) + 1):
            prefix = "/".join(parts[:end])
            if (fnmatch.fnmatchcase(parts[end - 1], bare) or fnmatch.fnmatchcase(prefix, pattern)
                    or fnmatch.fnmatchcase(prefix, bare)):
                return True
    return False


def _folder_files(folder: Path, warn: Warn, problems: list[Problem],
                  patterns: tuple[str, ...] = (), prefix: str = "") -> list[tuple[Path, str]]:
    """The article files under ``folder``, each with its id (the path relative to the
    folder first given), subfolders after the files of their parent, in name order."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        problems.append(Problem(UNREADABLE, f"cannot list folder: {err.strerror or err}",
                                str(folder)))
        return []
    files: list[tuple[Path, str]] = []
    folders: list[tuple[Path, str]] = []
    for entry in entries:
        relative = f"{prefix}{entry.name}"
        if _ignored(entry) or excluded_by(relative, patterns):
            continue
        if entry.is_dir():
            if entry.is_symlink():
                warn(Problem(NOT_ARTICLE, "skipped: a link to a folder is not followed "
                             "(name the folder itself)", str(entry)))
            else:
                folders.append((entry, relative))
            continue
        if entry.suffix.lower() not in ARTICLE_SUFFIXES:
            warn(Problem(NOT_ARTICLE, "skipped: not an article file (claimcheck reads "
                         f"{', '.join(ARTICLE_SUFFIXES)})", str(entry)))
            continue
        if not _regular(entry):  # a pipe would hang the run, /dev/zero never ends
            warn(Problem(NOT_A_FILE, "is not a regular file (a pipe, device, socket "
                         "or broken link)", str(entry)))
            continue
        files.append((entry, relative))
    for sub, relative in folders:
        files.extend(_folder_files(sub, warn, problems, patterns, f"{relative}/"))
    return files


def _regular(path: Path) -> bool:
    """A regular file, or a symlink to one: what a folder walk may open."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _folder_jobs(folder: Path, warn: Warn, problems: list[Problem],
                 patterns: tuple[str, ...],
                 excluded: set[Path]) -> list[tuple[Path, dict[str, Any] | None, str]]:
    """(file, its metadata from its own folder's ``sources.yaml``, id) under ``folder``."""
    metadata: dict[Path, dict[str, dict[str, Any]]] = {}
    jobs = []
    for file, relative in _folder_files(folder, warn, problems, patterns):
        if _resolved(file) in excluded:
            continue
        found = _folder_metadata(file.parent, metadata, problems)
        jobs.append((file, found.get(file.name), relative))
    return jobs


_GLOB_CHARS = frozenset("*?[")


def expand_globs(paths: Iterable[Path], patterns: Iterable[str] = ()) -> list[Path]:
    """Paths as given; one that does not exist and holds ``*``, ``?`` or ``[`` is a shell
    pattern (quoted, or from a shell that does not expand), expanded in name order
    (``**`` crosses folders), less what ``patterns`` exclude. A pattern that matches
    nothing stays, to be reported; a file named outright is never excluded."""
    patterns = tuple(patterns)
    out: list[Path] = []
    for path in paths:
        text = str(path)
        if _GLOB_CHARS & set(text) and not os.path.lexists(path):
            import glob

            matches = sorted(glob.glob(text, recursive=True))
            if matches:
                out.extend(Path(m) for m in matches
                           if not excluded_by(Path(m).as_posix(), patterns))
                continue
        out.append(path)
    return out


def _ignore(problem: Problem) -> None:
    del problem


def load_sources(paths: Iterable[Path], role: Role = "source",
                 published: dt.date | None = None,
                 exclude: Iterable[Path] = (), *,
                 warn: Warn | None = None,
                 exclude_patterns: Iterable[str] = (),
                 skipped: list[Problem] | None = None,
                 time_budget: float = 0.0) -> list[Source]:
    """Read files and folders of articles (with their subfolders, and shell patterns
    expanded); each folder's ``sources.yaml`` gives the metadata of its files.

    Returns the sources sorted by id, whatever the order of ``paths`` or of the disk.
    Problems that stop nothing (a skipped PDF, an empty article) go to ``warn``; all
    errors are collected and raised together as one ``InputError``.

    With a ``skipped`` list, a file that cannot be read as an article (binary, not
    decodable, too long, broken front matter, a pipe or device in a folder) is put
    there instead, and the others are still read: one corrupt wire file does not stop a
    deadline check. Paths that do not exist and bad ``sources.yaml`` files stay errors.
    ``time_budget``: seconds one HTML page may take to give its article (0: no limit).
    """
    warn = warn or _ignore
    if skipped is not None:
        warn = _diverting(warn, skipped)
    excluded = {_resolved(p) for p in exclude}
    patterns = tuple(exclude_patterns)
    sources: list[Source] = []
    problems: list[Problem] = []
    folder_metadata: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in expand_globs(paths, patterns):
        jobs: list[tuple[Path, dict[str, Any] | None, str | None]]
        if path.is_dir():
            jobs = list(_folder_jobs(path, warn, problems, patterns, excluded))
        elif path.is_file() and path.name == METADATA_FILE and role == "source":
            # ``folder/*`` names it beside the files it describes: a walk skips it too
            warn(Problem(NOT_ARTICLE, "skipped: a folder's metadata (it describes the "
                         "files beside it), not an article", str(path)))
            continue
        elif path.is_file():  # its folder's sources.yaml describes it, as in a folder walk
            described = dict(_folder_metadata(path.parent, folder_metadata, problems)
                             .get(path.name) or {})
            if published:
                described["published"] = published
            jobs = [(path, described or None, None)]
        elif path.exists() or os.path.lexists(path):
            problems.append(Problem(NOT_A_FILE, "is not a regular file or folder", str(path)))
            continue
        else:
            problems.append(Problem(UNREADABLE, "no such file or folder", str(path)))
            continue
        for file, meta, source_id in jobs:
            try:
                source = read_source(file, role, meta, source_id, time_budget)
            except InputError as err:
                (problems if skipped is None else skipped).extend(err.problems)
                continue
            if len(source.body) > PARSER_CHARS:
                warn(Problem(PARSED_IN_PARTS, f"is {len(source.body):,} characters, more than "
                             f"the parser takes at once ({PARSER_CHARS:,}): parsed in parts "
                             "cut at paragraph breaks", source.path))
            if not source.body.strip():
                warn(Problem(NOTHING_TO_CHECK, "no article text found in the page"
                             if source.format == "html" else "has no text to check",
                             source.path))
            sources.append(source)
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            problems.append(Problem(DUPLICATE_ID, f"two inputs are known as {source.id!r}; "
                                    "source ids must be unique (give their common folder "
                                    "instead)", source.path))
        seen.add(source.id)
    if problems:
        raise InputError(problems)
    return sorted(sources, key=lambda s: (s.id, s.path))


def _folder_metadata(folder: Path, known: dict[Path, dict[str, dict[str, Any]]],
                     problems: list[Problem]) -> dict[str, dict[str, Any]]:
    """A folder's ``sources.yaml``, read once however many of its files are named."""
    if folder not in known:
        try:
            known[folder] = read_metadata(folder)
        except InputError as err:
            problems.extend(err.problems)
            known[folder] = {}
    return known[folder]


def _diverting(warn: Warn, skipped: list[Problem]) -> Warn:
    """Special files met in a folder walk go to ``skipped``; other warnings to ``warn``."""
    def divert(problem: Problem) -> None:
        if problem.code == NOT_A_FILE:
            skipped.append(problem)
        else:
            warn(problem)
    return divert


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
