"""YAML loaded safely and within limits, for every YAML file claimcheck reads.

Safe loading builds only plain values, but plain values can still be hostile: an alias
bomb ("billion laughs") is a few hundred bytes that expand to billions of nodes once
anything walks them, a deeply nested list overflows the stack of every recursive
reader (and the YAML scanner is quadratic in flow depth), and a 5,000-digit integer
cannot be converted at all. So brackets are counted before parsing, the document is
composed into its node graph (aliases shared, nothing expanded), measured there (its
expanded size, its depth, its integers) and only then constructed. Every refusal is a
``YamlProblem`` with the line and column where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

MAX_NODES = 200_000  # values once every alias is expanded: far above any rule pack
MAX_DEPTH = 64  # nesting of lists and mappings
MAX_INT_DIGITS = 100  # longer integers are no count, date or tolerance
_INT_TAG = "tag:yaml.org,2002:int"
# a bracket, or a stretch to skip: a quoted string on one line, a comment
_BRACKETS = re.compile(r"""'[^'\n]*'|"(?:[^"\\\n]|\\.)*"|(?:^|(?<=\s))#[^\n]*|[\[\]{}]""",
                       re.MULTILINE)


@dataclass
class YamlProblem(Exception):
    """Why a YAML text was refused, and where (1-based; None when unknown)."""

    message: str
    line: int | None = None
    column: int | None = None


def load(yaml: YAML, text: str) -> Any:
    """The document in ``text``, loaded with ``yaml`` (any ``typ``) within the limits."""
    too_deep = _deepest_bracket(text)
    if too_deep is not None:
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", *too_deep)
    parser = None
    try:
        constructor, parser = yaml.get_constructor_parser(text)
        try:
            node = constructor.composer.get_single_node()
        except RecursionError:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep") from None
        if node is None:
            return None
        check(node)
        try:
            return constructor.construct_document(node)
        except RecursionError:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", 1, 1) from None
    except ReaderError as err:  # a character YAML does not allow (NUL, other controls)
        line, column = _offset_position(text, err.position)
        raise YamlProblem(f"the character {_codepoint(err.character)} is not allowed in "
                          "YAML", line, column) from None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if mark is not None and mark.line >= len(text.splitlines()) and err.context_mark:
            mark = err.context_mark  # ran off the end: point where the construct began
        raise YamlProblem(_marked_message(err), *_mark(mark)) from None
    except YAMLError as err:
        raise YamlProblem(_first_line(err)) from None
    except (ValueError, TypeError, OverflowError) as err:  # a value that cannot be built
        raise YamlProblem(_first_line(err)) from None
    finally:
        if parser is not None:
            parser.dispose()
        for part in ("reader", "scanner"):
            reset = getattr(getattr(yaml, "_" + part, None), f"reset_{part}", None)
            if callable(reset):
                reset()


def check(root: Node) -> None:
    """Refuse a node graph that is too big or too deep once expanded, or cyclic, or that
    holds an integer too long to be a number anyone meant. Linear in the distinct nodes:
    an alias is measured once, however often it is used."""
    sizes: dict[int, tuple[int, int]] = {}  # node → (values expanded, levels below)
    on_path: set[int] = set()
    # (node, children done?) — an explicit stack: no recursion to overflow
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            below = [sizes[id(child)] for child in _children(node)]
            size = 1 + sum(count for count, _ in below)
            height = 1 + max((levels for _, levels in below), default=0)
            if size > MAX_NODES:
                raise YamlProblem(f"expands to more than {MAX_NODES:,} values (aliases "
                                  "repeated inside aliases)", *_mark(node.start_mark))
            if height > MAX_DEPTH:
                raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep",
                                  *_mark(node.start_mark))
            sizes[key] = (size, height)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise YamlProblem("an alias refers to a value that contains it",
                              *_mark(node.start_mark))
        if isinstance(node, ScalarNode):
            if node.tag == _INT_TAG and len(str(node.value)) > MAX_INT_DIGITS:
                raise YamlProblem(f"an integer of {len(str(node.value)):,} digits; numbers "
                                  f"have at most {MAX_INT_DIGITS}", *_mark(node.start_mark))
            sizes[key] = (1, 1)
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _deepest_bracket(text: str) -> tuple[int, int] | None:
    """Where flow brackets first nest past the limit, if they do. Quoted text and
    comments are skipped, roughly: a false alarm needs dozens of unclosed brackets
    inside strings."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _offset_position(text, match.start())
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def _codepoint(character: Any) -> str:
    code = ord(character) if isinstance(character, str) and len(character) == 1 else \
        character if isinstance(character, int) else None
    return f"U+{code:04X}" if code is not None else repr(character)


def _mark(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _marked_message(err: MarkedYAMLError) -> str:
    message = str(err.problem or err.context or "invalid YAML").strip()
    if err.problem and err.context and "duplicate key" not in message:
        message = f"{message} ({str(err.context).strip()})"
    return message


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "MAX_NODES", "YamlProblem", "check", "load"]
