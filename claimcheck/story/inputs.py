"""Reading a pile of articles: files, folders (recursively), JSON Lines and Parquet.

A record of a JSON Lines or Parquet file is one article with the documented fields
``id`` and ``text`` (required) and ``title``, ``published``, ``outlet``, ``url``
(optional). Article files and folders are read as ``compare`` reads them, folders at any
depth (each folder's ``sources.yaml`` describes its own files). Every problem is
collected and raised together, each naming its file and line (a Parquet file's row).
"""

from __future__ import annotations

import datetime as dt
import difflib
import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import InputError, Problem
from claimcheck.sources import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_CHARS,
    Source,
    Warn,
    load_sources,
    parse_date,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
RECORD_FIELDS = ("id", "text", "title", "published", "outlet", "url")
REQUIRED_FIELDS = ("id", "text")

# stable problem codes of this module
BAD_RECORD = "CC160"  # not a JSON object, or not JSON at all
MISSING_FIELD = "CC161"
UNKNOWN_FIELD = "CC162"
WRONG_TYPE = "CC163"
DUPLICATE_ARTICLE = "CC164"
NO_PARQUET = "CC165"
RECORD_TOO_LONG = "CC166"
NO_ARTICLES = "CC141"


class Pile(BaseModel):
    """The articles of a run, sorted by id, and the link of each that has one."""

    model_config = ConfigDict(frozen=True)

    sources: tuple[Source, ...]
    urls: dict[str, str] = {}


def read_pile(items: Iterable[Path | Mapping[str, Any]], *, warn: Warn | None = None,
              time_budget: float = 0.0, skipped: list[Problem] | None = None) -> Pile:
    """Every article of ``items`` (paths, or records as mappings); ids must be unique.

    ``time_budget``: seconds an HTML page may take to give its article (0: no limit);
    with a ``skipped`` list, a file that cannot be read as an article (or past that
    budget) is named there and the others are read, as ``load_sources`` does.

    The result depends only on the articles, not on the order they were given in.
    """
    sources: list[Source] = []
    urls: dict[str, str] = {}
    problems: list[Problem] = []
    files: list[Path] = []
    records: list[tuple[Mapping[str, Any], str, int | None]] = []
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            records.append((item, "<records>", index + 1))
        elif isinstance(item, Path | str):
            path = Path(item)
            if path.is_file() and path.suffix.lower() in JSONL_SUFFIXES:
                records.extend(_jsonl_rows(path, problems))
            elif path.is_file() and path.suffix.lower() in PARQUET_SUFFIXES:
                records.extend(_parquet_rows(path, problems))
            elif path.is_dir():
                files.extend(_folders(path))
            else:
                files.append(path)
        else:
            problems.append(Problem(BAD_RECORD, f"not a path or an article record: a "
                                    f"{type(item).__name__}", "<records>", index + 1))
    for record, where, line in records:
        try:
            source, url = record_source(record, where, line)
        except InputError as err:
            problems.extend(err.problems)
            continue
        sources.append(source)
        if url:
            urls[source.id] = url
    if files:
        try:
            sources.extend(load_sources(files, warn=warn, time_budget=time_budget,
                                        skipped=skipped))
        except InputError as err:
            problems.extend(err.problems)
    problems.extend(_duplicates(sources))
    if problems:
        raise InputError(problems)
    if not sources:
        shown = ", ".join(str(i) for i in items if isinstance(i, Path | str)) or None
        raise InputError([Problem(NO_ARTICLES, "no articles found (.txt, .md, .html files, or "
                                  ".jsonl / .parquet files of records)", shown)])
    return Pile(sources=tuple(sorted(sources, key=lambda s: s.id)), urls=urls)


def _folders(root: Path) -> list[Path]:
    """The folder and each folder below it that holds articles, in name order; hidden
    folders are skipped. Each is read by ``load_sources`` with its own metadata."""
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            found.append(folder)  # load_sources names the problem
            continue
        if any(e.is_file() and e.suffix.lower() in ARTICLE_SUFFIXES for e in entries):
            found.append(folder)
        stack.extend(reversed([e for e in entries if e.is_dir() and not e.is_symlink()
                               and not e.name.startswith(".")]))
    return found or [root]


def _jsonl_rows(path: Path, problems: list[Problem]) -> Iterator[
        tuple[Mapping[str, Any], str, int | None]]:
    shown = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        problems.append(Problem("CC100", f"cannot read file: {err.strerror or err}", shown))
        return
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except ValueError as err:
                    column = getattr(err, "colno", None)
                    message = getattr(err, "msg", str(err))
                    problems.append(Problem(BAD_RECORD, f"not valid JSON: {message}", shown,
                                            number, column))
                    continue
                if not isinstance(value, dict):
                    problems.append(Problem(BAD_RECORD, "each line must be one JSON object "
                                            f"(an article), not a {_json_type(value)}",
                                            shown, number, 1))
                    continue
                yield value, shown, number
        except UnicodeDecodeError as err:
            problems.append(Problem("CC102", f"is not UTF-8 text ({err.reason})", shown))


def _parquet_rows(path: Path, problems: list[Problem]) -> Iterator[
        tuple[Mapping[str, Any], str, int | None]]:
    shown = str(path)
    try:
        pq: Any = importlib.import_module("pyarrow.parquet")
    except ImportError:
        problems.append(Problem(NO_PARQUET, "reading Parquet needs pyarrow: pip install "
                                "'claimcheck[dask]'", shown))
        return
    try:
        table = pq.read_table(path)
    except (OSError, ValueError) as err:  # pyarrow's errors derive from these
        problems.append(Problem(BAD_RECORD, f"cannot read as Parquet: {err}", shown))
        return
    for number, row in enumerate(table.to_pylist(), start=1):
        yield row, shown, number


def _json_type(value: object) -> str:
    names = {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def record_source(record: Mapping[str, Any], where: str, line: int | None) -> tuple[
        Source, str | None]:
    """One record as a ``Source`` (and its url); all of its problems at once."""
    problems: list[Problem] = []
    for key in sorted(str(k) for k in record if k not in RECORD_FIELDS):
        near = difflib.get_close_matches(key, RECORD_FIELDS, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        problems.append(Problem(UNKNOWN_FIELD, f"unknown field {key[:60]!r} (valid: "
                                f"{', '.join(RECORD_FIELDS)}){hint}", where, line))
    for key in REQUIRED_FIELDS:
        if record.get(key) in (None, ""):
            problems.append(Problem(MISSING_FIELD, f"the article has no {key!r}", where, line))
    values: dict[str, str | None] = {}
    for key in ("id", "text", "title", "outlet", "url"):
        value = record.get(key)
        if value is None or isinstance(value, str):
            values[key] = value
        elif key == "id" and isinstance(value, int) and not isinstance(value, bool):
            values[key] = str(value)
        else:
            problems.append(Problem(WRONG_TYPE, f"{key!r} must be text, not a "
                                    f"{_json_type(value)}", where, line))
    published: dt.date | None = None
    try:
        published = parse_date(record.get("published"), where, line, "published")
    except InputError as err:
        problems.extend(err.problems)
    text = values.get("text") or ""
    if len(text) > MAX_ARTICLE_CHARS:
        problems.append(Problem(RECORD_TOO_LONG, f"the text is too long for one article "
                                f"({len(text):,} characters; the limit is "
                                f"{MAX_ARTICLE_CHARS:,})", where, line))
    if problems:
        raise InputError(problems)
    article_id = values["id"] or ""
    path = f"{where}:{line}" if line is not None else where
    source = Source(id=article_id, path=path, text=text, title=values.get("title"),
                    outlet=values.get("outlet"), published=published)
    return source, values.get("url")


def _duplicates(sources: list[Source]) -> list[Problem]:
    first: dict[str, Source] = {}
    problems = []
    for source in sorted(sources, key=lambda s: (s.id, s.path)):
        if source.id in first:
            problems.append(Problem(DUPLICATE_ARTICLE, f"article id {source.id[:80]!r} is also "
                                    f"used by {first[source.id].path}; ids must be unique",
                                    *_split_location(source.path)))
        else:
            first[source.id] = source
    return problems


def _split_location(path: str) -> tuple[str, int | None]:
    head, _, tail = path.rpartition(":")
    if head and tail.isdigit():
        return head, int(tail)
    return path, None
