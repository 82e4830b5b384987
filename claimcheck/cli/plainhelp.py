"""Help text in the words of the command line, not of Python.

The command-line library shows each parameter's Python type (``SOURCES... <list[Path]>``,
``{SOURCES...}...`` in the usage line). Here every parameter shows its metavar alone:
``SOURCES...`` for an argument, ``--format FORMAT[:PATH]`` for an option, an option's
choices (``text|json|jsonl``) where it names no metavar, and a range in words
("at least 1", not ``x>=1``).
"""

from __future__ import annotations

from typing import Any


def plain_help(command: Any) -> Any:
    """``command`` and its subcommands with help that names no Python type (in place)."""
    for param in getattr(command, "params", ()):
        _plain(param)
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)
    return command


def _plain(param: Any) -> None:
    metavar = getattr(param, "metavar", None)
    if getattr(param, "param_type_name", "") == "argument":
        name = metavar or str(param.name).upper()
        plural = param.nargs != 1 and not name.endswith("...")
        shown = name + ("..." if plural else "")
        usage = shown if param.required else f"[{shown}]"
        param.metavar = shown
        param.display_type_rich = lambda ctx: ""
        param._usage_display_name = lambda: usage
        param.make_metavar = lambda ctx=None: usage
        return
    if hasattr(param, "_get_number_range_help_str"):
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        param._get_number_range_help_str = lambda: _plain_range(low, high)
    choices = getattr(getattr(param, "type", None), "choices", None)
    if metavar is None and choices:
        label = "|".join(str(getattr(c, "value", c)) for c in choices)
    else:
        label = metavar or str(param.name).upper()
    param.display_type_rich = lambda ctx: label


def _plain_range(low: object, high: object) -> str | None:
    if low is not None and high is not None:
        return f"from {low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return None
