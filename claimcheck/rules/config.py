"""Project configuration: ``[tool.claimcheck]`` in pyproject.toml, or claimcheck.toml.

Searched from a directory upward; in each directory ``claimcheck.toml`` wins over
``pyproject.toml``, and a pyproject.toml without ``[tool.claimcheck]`` is passed over.
In claimcheck.toml the keys may stand at the top or under ``[tool.claimcheck]``.
Pack paths are relative to the file. Strict: unknown keys and wrong types are
errors with file:line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import InputError, Problem, RuleError
from claimcheck.model.findings import FailOn, Severity
from claimcheck.reading import MAX_CONFIG_BYTES, read_text
from claimcheck.rules.yamlpos import did_you_mean, path_display

TOML_SYNTAX = "C100"
UNKNOWN_KEY = "C110"
WRONG_TYPE = "C112"
UNKNOWN_RULE = "C120"


class Config(BaseModel):
    """What a project sets: extra packs, rules switched off, severities, the failure gate."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    packs: tuple[Path, ...] = ()  # extra rule pack folders, or names of shipped packs
    disable: tuple[str, ...] = ()  # rule ids, or PACK/* for a whole pack
    severity: dict[str, Severity] = Field(default_factory=dict)  # rule id → severity
    fail_on: FailOn | None = None
    path: Path | None = Field(default=None, exclude=True)  # the file it came from


def load_config(start: Path) -> Config | None:
    """The nearest configuration from ``start`` upward, or None if there is none."""
    directory = start.resolve()
    if directory.is_file():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        for name in ("claimcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.exists() or candidate.is_symlink():  # a pipe or device: an error
                config = read_config(candidate)
                if config is not None:
                    return config
    return None


def read_config(path: Path) -> Config | None:
    """The configuration in one file (None for a pyproject.toml without our table)."""
    display = path_display(path)
    text = read_text(path, MAX_CONFIG_BYTES, display, "configuration")
    try:
        document = tomllib.loads(text)
    except RecursionError:
        line, column = _deepest_bracket(text)
        raise RuleError([_problem(TOML_SYNTAX, "invalid TOML: nested too deeply", display,
                                  text, line, column)]) from None
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line = int(match.group(1)) if match else None
        column = int(match.group(2)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        if line is None and "end of document" in message:
            line, column = text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1
            message = message.replace(" (at end of document)", " at the end of the file")
        raise RuleError([_problem(TOML_SYNTAX, f"invalid TOML: {message}", display, text,
                                  line, column)]) from None
    except ValueError as error:  # a value tomllib cannot build (a 5,000-digit integer)
        line, column = _long_number(text)
        raise RuleError([_problem(TOML_SYNTAX, f"invalid TOML: {_first_line(error)}",
                                  display, text, line, column)]) from None
    table: Any = document.get("tool", {}).get("claimcheck")
    if table is None:
        if path.name == "pyproject.toml":
            return None
        table = {k: v for k, v in document.items() if k != "tool"}
    if not isinstance(table, dict):
        raise RuleError([_problem(WRONG_TYPE, "[tool.claimcheck] must be a table", display,
                                  text, *_key_line(text, "claimcheck"))])
    try:
        config = Config.model_validate(table)
    except ValidationError as error:
        raise RuleError(_problems(error, display, text)) from None
    from claimcheck.rules.loader import resolve_pack

    packs = tuple(resolve_pack(p, path.parent) for p in config.packs)
    return config.model_copy(update={"packs": packs, "path": path})


def _problems(error: ValidationError, display: str, text: str) -> list[Problem]:
    problems = []
    valid = [name for name in Config.model_fields if name != "path"]
    for item in error.errors():
        loc = [str(p) for p in item["loc"]]
        key = loc[-1] if item["type"] == "extra_forbidden" else loc[0]
        line, column = _key_line(text, key)
        if item["type"] == "extra_forbidden" and len(loc) == 1:
            message = (f"unknown key {loc[0]!r}{did_you_mean(loc[0], valid)}; "
                       f"valid keys: {', '.join(valid)}")
            problems.append(_problem(UNKNOWN_KEY, message, display, text, line, column))
        else:
            got = item.get("input")
            reason = str(item["msg"]).removeprefix("Value error, ")
            message = f"{'.'.join(loc)}: {reason} (got {got!r})"
            problems.append(_problem(WRONG_TYPE, message, display, text, line, column))
    return problems


def unknown_rule_problem(config: Config, key: str, rule: str, known: list[str]) -> Problem:
    """A config naming a rule that does not exist: an error, so no typo goes unnoticed."""
    path = config.path
    try:
        text = read_text(path, MAX_CONFIG_BYTES, what="configuration") if path else ""
    except InputError:
        text = ""
    line, column = _key_line(text, rule) if text else (None, None)
    if line is None and text:
        line, column = _key_line(text, key)
    hint = did_you_mean(rule, known, cutoff=0.8)  # ids share their pack prefix
    return _problem(UNKNOWN_RULE, f"{key}: no rule {rule!r}{hint}",
                    path_display(path) if path else "<config>", text, line, column)


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{200,}")


def _long_number(text: str) -> tuple[int | None, int | None]:
    match = _LONG_NUMBER.search(text)
    return _position(text, match.start()) if match else (None, None)


def _deepest_bracket(text: str) -> tuple[int | None, int | None]:
    """Where brackets first nest deeper than any configuration needs (the stack overflowed
    somewhere past it)."""
    depth = 0
    for index, char in enumerate(text):
        depth += 1 if char in "[{" else -1 if char in "]}" and depth else 0
        if depth > 64:
            return _position(text, index)
    return None, None


def _position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def _key_line(text: str, key: str) -> tuple[int | None, int | None]:
    """Where ``key`` first appears as a key or quoted string (tomllib keeps no positions)."""
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern in (rf'^\s*"?{re.escape(key)}"?\s*=', rf'"{re.escape(key)}"',
                        rf"\[[^\]]*\b{re.escape(key)}\]"):
            match = re.search(pattern, line)
            if match:
                offset = len(line) - len(line.lstrip()) if pattern.startswith("^") else \
                    match.start()
                return number, offset + 1
    return None, None


def _problem(code: str, message: str, display: str, text: str, line: int | None,
             column: int | None) -> Problem:
    lines = text.splitlines()
    context = None
    if line is not None and 0 < line <= len(lines):
        context = lines[line - 1]
        if column is not None:
            context += "\n    " + " " * (column - 1) + "^"
    return Problem(code, message, display, line, column, context)
