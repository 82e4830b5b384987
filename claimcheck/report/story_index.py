"""The index page of a ``stories`` run, in the reports' own style: one card per story,
each linking to its report, with its counts of verdicts.

It renders the stories' flat index view (``claimcheck.story.index.index_view``) as
given, adding only presentation: dates in words and the tone of each story. The page
shares the reports' stylesheet and Content-Security-Policy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from claimcheck.report.describe import plain_day
from claimcheck.report.labels import verdict_label, verdict_symbol, verdict_tone


def _day(text: str) -> str:
    try:
        return plain_day(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _story(story: Mapping[str, Any]) -> dict[str, Any]:
    counts = [{"verdict": c["verdict"], "count": c["count"],
               "label": verdict_label(c["verdict"]), "tone": verdict_tone(c["verdict"]),
               "symbol": verdict_symbol(c["verdict"])} for c in story["counts"]]
    return {**story, "dates": [_day(d) for d in story["dates"]], "counts": counts,
            "tone": "bad" if story["failing"] else "warn" if story["contradictions"]
            else "ok"}


def story_index_page(view: Mapping[str, Any]) -> dict[str, Any]:
    """The index view with what the page adds: its policy, style and tones."""
    from claimcheck.report.html import CSP, STYLE

    return {**view, "csp": CSP, "style": STYLE,
            "stories": [_story(s) for s in view["stories"]]}


def render_story_index(view: Mapping[str, Any]) -> str:
    """The index page, one self-contained HTML file, from the stories' index view."""
    from claimcheck.report.html import render_template

    return render_template("stories.html.j2", story_index_page(view))
