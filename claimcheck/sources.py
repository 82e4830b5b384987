"""Sources: the articles and drafts claimcheck reads, with their metadata.

This module is the input edge: it reads files, decodes them, parses front matter and
``sources.yaml``, and maps offsets to line:column. Everything after it is pure.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from claimcheck.errors import InputError, Problem

Role = Literal["source", "draft"]
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
METADATA_FILE = "sources.yaml"


class Source(BaseModel):
    """One article or draft, decoded, with the metadata that anchors its dates."""

    model_config = ConfigDict(frozen=True)

    id: str  # the file name
    path: str
    role: Role = "source"
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    text: str  # the whole decoded file, front matter included
    body_start: int = 0  # offset where the article body begins (after front matter)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def readable_body(self) -> str:
        """The body as a reader sees it: HTML comments (suppression markers, editors'
        notes) blanked out, offsets unchanged."""
        return mask_comments(self.body)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset into ``text``."""
        starts = _line_starts(self.text)
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def mask_comments(text: str) -> str:
    """HTML comments replaced by spaces (newlines kept), so every offset stays valid."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


@lru_cache(maxsize=16)
def _line_starts(text: str) -> tuple[int, ...]:
    """Offsets where lines start; cached, as every claim of a source asks for them."""
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return tuple(starts)


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM), else a detected encoding."""
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:4096]:
        raise InputError([Problem("CC101", "looks like a binary file, not text", path)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError([Problem("CC102", "cannot detect the text encoding (save it as "
                                  "UTF-8)", path)])
    if _single_byte_latin(best.encoding):
        # detectors cannot tell the Latin code pages apart on short texts; English news
        # copy that is not UTF-8 is overwhelmingly Windows-1252 (a superset of Latin-1)
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _single_byte_latin(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return name.startswith(("cp125", "iso8859", "latin", "mac_", "windows_125")) and \
        name not in ("cp1251", "windows_1251", "iso8859_5", "mac_cyrillic", "cp1253",
                     "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6")


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """YAML front matter between ``---`` lines at the top, and where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].strip() != "---":
        return {}, 0
    close = text.find("\n---", first_end)
    while close != -1:
        line_end = text.find("\n", close + 1)
        line_end = len(text) if line_end == -1 else line_end
        if text[close + 1:line_end].strip() == "---":
            break
        close = text.find("\n---", close + 1)
    if close == -1:
        raise InputError([Problem("CC110", "front matter opened with '---' is never closed",
                                  path, 1, 1)])
    block = text[first_end + 1:close + 1]
    data = _load_yaml(block, path, line_offset=1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem("CC111", "front matter must be a mapping of keys to values",
                                  path, 2, 1)])
    body_start = line_end + 1 if line_end < len(text) else len(text)
    return dict(data), body_start


def _load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    yaml = YAML(typ="safe", pure=True)
    try:
        return yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark
        line = (mark.line + 1 + line_offset) if mark is not None else None
        column = (mark.column + 1) if mark is not None else None
        raise InputError([Problem("CC112", f"invalid YAML: {err.problem}", path, line,
                                  column)]) from None


def parse_date(value: Any, path: str, line: int | None, field: str) -> dt.date | None:
    """A publication date from metadata: ISO ``YYYY-MM-DD`` (string or YAML date)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError([Problem("CC113", f"{field}: {value!r} is not a date (use YYYY-MM-DD)",
                                  path, line)]) from None


def source_from_text(text: str, path: str, role: Role = "source",
                     metadata: dict[str, Any] | None = None) -> Source:
    """Build a Source from decoded text; front matter wins over ``metadata`` defaults."""
    front, body_start = split_front_matter(text, path) if path.endswith(
        (".md", ".markdown")) else ({}, 0)
    meta = dict(metadata or {})
    meta.update({k: v for k, v in front.items() if v is not None})
    name = Path(path).name
    return Source(
        id=name,
        path=path,
        role=role,
        outlet=_optional_str(meta.get("outlet")),
        published=parse_date(meta.get("published"), path, None, "published"),
        title=_optional_str(meta.get("title")),
        text=text,
        body_start=body_start,
    )


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_source(path: Path, role: Role = "source",
                metadata: dict[str, Any] | None = None) -> Source:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError([Problem("CC100", f"cannot read file: {err.strerror}",
                                  str(path))]) from None
    return source_from_text(decode(data, str(path)), str(path), role, metadata)


def read_metadata(folder: Path) -> dict[str, dict[str, Any]]:
    """``sources.yaml`` of a folder: a list of {file, outlet, published}, by file name."""
    meta_path = folder / METADATA_FILE
    if not meta_path.exists():
        return {}
    text = decode(meta_path.read_bytes(), str(meta_path))
    yaml = YAML(typ="rt", pure=True)
    try:
        data = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark
        raise InputError([Problem(
            "CC112", f"invalid YAML: {err.problem}", str(meta_path),
            None if mark is None else mark.line + 1, None if mark is None else mark.column + 1,
        )]) from None
    if data is None:
        return {}
    if not isinstance(data, list):
        raise InputError([Problem("CC120", "must be a list of entries with 'file', 'outlet' and "
                                  "'published'", str(meta_path), 1, 1)])
    problems: list[Problem] = []
    result: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(data):
        line = entry.lc.line + 1 if hasattr(entry, "lc") else None
        if not isinstance(entry, dict) or "file" not in entry:
            problems.append(Problem("CC121", f"entry {index + 1} has no 'file'", str(meta_path),
                                    line))
            continue
        unknown = sorted(set(entry) - {"file", "outlet", "published", "title"})
        if unknown:
            problems.append(Problem("CC122", f"unknown key {unknown[0]!r} (valid: file, outlet, "
                                    "published, title)", str(meta_path), line))
        name = str(entry["file"])
        if not (folder / name).is_file():
            problems.append(Problem("CC123", f"names {name!r}, which is not in {folder}",
                                    str(meta_path), line))
        try:
            published = parse_date(entry.get("published"), str(meta_path), line, "published")
        except InputError as err:
            problems.extend(err.problems)
            published = None
        result[name] = {"outlet": entry.get("outlet"), "published": published,
                        "title": entry.get("title")}
    if problems:
        raise InputError(problems)
    return result


def load_sources(paths: Iterable[Path], role: Role = "source",
                 published: dt.date | None = None,
                 exclude: Iterable[Path] = ()) -> list[Source]:
    """Read files and folders of articles; folders use their ``sources.yaml`` when present.

    Collects every problem before raising, so a user sees all bad files at once.
    """
    excluded = {p.resolve() for p in exclude}
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            try:
                metadata = read_metadata(path)
            except InputError as err:
                problems.extend(err.problems)
                metadata = {}
            files = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            for file in files:
                if file.resolve() in excluded:
                    continue
                try:
                    sources.append(read_source(file, role, metadata.get(file.name)))
                except InputError as err:
                    problems.extend(err.problems)
        elif path.is_file():
            meta = {"published": published} if published else None
            try:
                sources.append(read_source(path, role, meta))
            except InputError as err:
                problems.extend(err.problems)
        else:
            problems.append(Problem("CC100", "no such file or folder", str(path)))
    if problems:
        raise InputError(problems)
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            problems.append(Problem("CC124", "two inputs have this file name; source ids must "
                                    "be unique", source.path))
        seen.add(source.id)
    if problems:
        raise InputError(problems)
    return sources
