"""Every output format by name, so the CLI and the API choose a renderer the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads FORMATS when it starts: no report model to import then
    from claimcheck.report.view import Report

Renderer = Callable[["Report"], str]


def renderers() -> dict[str, Renderer]:
    """Format name → renderer; imported on demand so a text run loads no jinja2."""
    from claimcheck.report.github import render_github
    from claimcheck.report.html import render_html
    from claimcheck.report.json import render_json
    from claimcheck.report.junit import render_junit
    from claimcheck.report.sarif import render_sarif
    from claimcheck.report.text import render_text

    return {"text": render_text, "json": render_json, "html": render_html,
            "sarif": render_sarif, "junit": render_junit, "github": render_github}


FORMATS = ("text", "json", "html", "sarif", "junit", "github")


def render(report: Report, fmt: str) -> str:
    """The report in one of ``FORMATS``."""
    table = renderers()
    if fmt not in table:
        from claimcheck.errors import InputError, Problem

        raise InputError([Problem("CC160", f"unknown format {fmt!r} (valid: "
                                  f"{', '.join(FORMATS)})")])
    return table[fmt](report)
