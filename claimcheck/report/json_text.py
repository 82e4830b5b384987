"""Indented JSON text, byte for byte what ``json.dumps(value, ensure_ascii=False,
indent=2)`` writes, faster.

With ``indent`` the standard library leaves its C encoder for a pure-Python one built of
nested generators. Here one function walks the containers and appends to one list, and
every text goes through the C string encoder: a third less time (calling the C encoder
for each run of plain values costs more than it saves). A value of a type it does not
know (a subclass, a non-text key) is left to ``json.dumps`` whole, so the text is
always the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_STEP = "  "


class _Unknown(Exception):
    """A value this writer leaves to the standard library."""


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except _Unknown:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append ``value``; ``newline`` is the line break and indent of its own level."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_float(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _STEP
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unknown
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + _STEP
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:
        raise _Unknown
