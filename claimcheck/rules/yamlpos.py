"""YAML 1.2 reading with positions, and pydantic errors turned into located problems.

Every node keeps its line and column (ruamel.yaml round-trip loading), so a problem can
be reported as ``path:line:col: CODE message`` with the offending line under it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck import safe_yaml
from claimcheck.errors import InputError, Problem
from claimcheck.reading import MAX_CONFIG_BYTES, read_text

# stable problem codes of rule, case and vocabulary files
YAML_SYNTAX = "R100"
DUPLICATE_KEY = "R101"
NOT_A_MAPPING = "R102"
BAD_FILE_NAME = "R103"
NO_SUCH_PACK = "R104"
UNKNOWN_KEY = "R110"
MISSING_KEY = "R111"
WRONG_TYPE = "R112"
UNKNOWN_KIND = "R113"
BAD_PLACEHOLDER = "R114"
ID_FROM_PATH = "R115"
DUPLICATE_RULE = "R116"
UNKNOWN_ATTRIBUTE = "R117"


class YamlFile:
    """One YAML file: its text, its parsed tree (with positions) and how to locate nodes.

    The file is read by the one reader (regular files only, size-limited, any newsroom
    encoding) and loaded within the limits of ``claimcheck.safe_yaml``; a file that
    cannot be read is a problem of ``parse``, never an exception."""

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.display = display or str(path)
        self.read_problems: list[Problem] = []
        try:
            self.text = read_text(path, MAX_CONFIG_BYTES, self.display, "rule file")
        except InputError as err:
            self.text, self.read_problems = "", err.problems
        self.lines = self.text.splitlines()

    def parse(self) -> tuple[Any, list[Problem]]:
        if self.read_problems:
            return None, self.read_problems
        yaml = YAML(typ="rt")
        yaml.allow_duplicate_keys = False
        try:
            return safe_yaml.load(yaml, self.text), []
        except safe_yaml.YamlProblem as error:
            line, column = error.line, error.column
            message = error.message
            duplicate = "duplicate key" in message
            if duplicate:
                message = _duplicate_message(message)
            code = DUPLICATE_KEY if duplicate else YAML_SYNTAX
            return None, [self.problem(code, message, line, column)]

    def problem(self, code: str, message: str, line: int | None, column: int | None) -> Problem:
        context = None
        if line is not None and 0 < line <= len(self.lines):
            context, caret = _window(self.lines[line - 1], column)
            if caret is not None:
                context += "\n    " + " " * (caret - 1) + "^"
        return Problem(code, message, self.display, line, column, context)

    def validation_problems(self, error: ValidationError, root: Any,
                            skip: Sequence[str] = ()) -> list[Problem]:
        """One located problem per pydantic error, with valid options and a "did you mean"."""
        problems = []
        for item in error.errors():
            loc = tuple(part for part in item["loc"] if part not in skip)
            kind = item["type"]
            dotted = ".".join(str(p) for p in loc) or "(file)"
            if kind == "extra_forbidden":
                parent = _walk(root, loc[:-1])
                valid = _valid_keys(error, loc[:-1])
                hint = _did_you_mean(str(loc[-1]), valid)
                options = f"; valid keys: {', '.join(valid)}" if valid else ""
                code, message = UNKNOWN_KEY, f"unknown key {loc[-1]!r}{hint}{options}"
                line, column = _key_position(parent, loc[-1])
            elif kind == "missing":
                code, message = MISSING_KEY, f"missing required key {dotted!r}"
                line, column = _node_position(_walk(root, loc[:-1]))
            else:
                text = str(item["msg"]).removeprefix("Value error, ")
                code = BAD_PLACEHOLDER if "placeholder" in text and loc[:1] in (
                    ("message",), ("messages",)) else WRONG_TYPE
                got = item.get("input")
                if code == WRONG_TYPE and not isinstance(got, dict | list):
                    text += f" (got {got!r})"
                    choices = re.findall(r"'([^']+)'", str(item["msg"]))
                    if isinstance(got, str) and choices:
                        text += _did_you_mean(got, choices)
                message = f"{dotted}: {text}"
                line, column = _value_position(root, loc)
            problems.append(self.problem(code, message, line, column))
        return problems


_CONTEXT = 100  # characters of a long line shown around the problem


def _window(line: str, column: int | None) -> tuple[str, int | None]:
    """The offending line, cut to a window around ``column`` when it is very long (a
    5,000-digit number), with the caret's column in the window."""
    if len(line) <= 2 * _CONTEXT:
        return line, column
    start = max(0, (column or 1) - 1 - _CONTEXT // 2)
    window = line[start:start + _CONTEXT]
    prefix = "…" if start else ""
    suffix = "…" if start + _CONTEXT < len(line) else ""
    caret = None if column is None else column - start + len(prefix)
    return prefix + window + suffix, caret


def plain(node: Any) -> Any:
    """The parsed tree as plain Python values (dicts, lists, str, int, float, bool, None)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def did_you_mean(word: str, options: Sequence[str], cutoff: float = 0.6) -> str:
    return _did_you_mean(word, options, cutoff)


def _did_you_mean(word: str, options: Sequence[str], cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _walk(root: Any, loc: Sequence[Any]) -> Any:
    node = root
    for part in loc:
        in_map = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_map or in_list:
            node = node[part]
        else:
            break
    return node


def _node_position(node: Any) -> tuple[int | None, int | None]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return node.lc.line + 1, node.lc.col + 1
    return None, None


def _key_position(parent: Any, key: Any) -> tuple[int | None, int | None]:
    if isinstance(parent, CommentedMap) and key in parent:
        line, col = parent.lc.key(key)
        return line + 1, col + 1
    return _node_position(parent)


def _value_position(root: Any, loc: Sequence[Any]) -> tuple[int | None, int | None]:
    """The position of the value at ``loc``, or of the deepest node that exists."""
    node, position = root, _node_position(root)
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.value(part)
            position = (line + 1, col + 1)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line, col = node.lc.item(part)
            position = (line + 1, col + 1)
            node = node[part]
        else:
            break
    return position


def _valid_keys(error: ValidationError, loc: Sequence[Any]) -> list[str]:
    """Keys allowed at ``loc``, found by walking the registered model along the path."""
    model = MODELS.get(error.title)
    if model is None:
        return []
    current = [model]
    for part in loc:
        inner = [m for t in current if str(part) in t.model_fields
                 for m in _models_in(t.model_fields[str(part)].annotation)]
        if inner:
            current = inner
        # else: a list index, a mapping key or a union member's tag: stay on the same models
    return sorted({name for t in current for name, info in t.model_fields.items()
                   if not info.exclude})


def _models_in(annotation: Any) -> list[type[Any]]:
    """The pydantic models inside an annotation (through unions, tuples, dicts, lists)."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


# model name (ValidationError.title) → model, for "valid keys" hints
MODELS: dict[str, type[Any]] = {}


def register(model: type[Any]) -> None:
    """Make ``model``'s errors list the valid keys at each level."""
    MODELS[model.__name__] = model


def _duplicate_message(problem: str) -> str:
    match = re.search(r'duplicate key "([^"]*)"', problem)
    key = match.group(1) if match else "?"
    return f"duplicate key {key!r}: each key may appear once"


def path_display(path: Path) -> str:
    """Paths relative to the working directory when below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
