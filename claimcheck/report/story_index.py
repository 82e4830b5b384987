"""The index page of a ``stories`` run: one line per story, the stories with problems
first, each linking to its own report.

A story's entry is built from its report (``story_entry``); the page shares the
reports' stylesheet and their Content-Security-Policy, and like them needs no script.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from claimcheck.report.labels import verdict_label, verdict_symbol, verdict_tone
from claimcheck.report.triage import is_problem
from claimcheck.report.view import Report


class StoryEntry(BaseModel):
    """What the index says about one story."""

    model_config = ConfigDict(frozen=True)

    name: str  # the story's headline or name
    href: str  # its report, relative to the index page
    sources: int
    claims: int
    problems: int  # findings an editor must look at (contradictions, quotes, …)
    failing: int  # findings that fail the run
    verdicts: tuple[tuple[str, int], ...] = ()  # verdict → count, in verdict order
    published: str = ""  # the span of publication dates, in words


def story_entry(name: str, href: str, report: Report) -> StoryEntry:
    """The index entry of a story whose report is at ``href``."""
    from claimcheck.report.describe import plain_day

    days = sorted(s.published for s in report.sources if s.published is not None)
    span = "" if not days else plain_day(days[0]) if days[0] == days[-1] else (
        f"{plain_day(days[0])} – {plain_day(days[-1])}")
    return StoryEntry(
        name=name, href=href, sources=len(report.sources), claims=len(report.claims),
        problems=sum(1 for f in report.findings if is_problem(f)),
        failing=len(report.failing()), verdicts=tuple(report.verdict_counts().items()),
        published=span)


def story_index_view(entries: Sequence[StoryEntry], title: str) -> dict[str, Any]:
    from claimcheck.report.html import CSP, SCRIPT, STYLE

    ordered = sorted(entries, key=lambda e: (-e.failing, -e.problems, e.name, e.href))
    return {
        "title": title, "csp": CSP, "style": STYLE, "script": SCRIPT,
        "failing": sum(1 for e in entries if e.failing),
        "stories": [{
            "name": e.name, "href": e.href, "sources": e.sources, "claims": e.claims,
            "problems": e.problems, "failing": e.failing, "published": e.published,
            "tone": "bad" if e.failing else "warn" if e.problems else "ok",
            "verdicts": [{"value": v, "label": verdict_label(v), "n": n,
                          "tone": verdict_tone(v), "symbol": verdict_symbol(v)}
                         for v, n in e.verdicts],
        } for e in ordered],
    }


def render_story_index(entries: Sequence[StoryEntry], title: str = "claimcheck — stories"
                       ) -> str:
    """The index page, as one self-contained HTML file."""
    from claimcheck.report.html import render_template

    return render_template("stories.html.j2", story_index_view(entries, title))
