"""A stories result as JSON (a stable contract, deterministic bytes) or text lines.

JSON: ``{"version", "stories": [{"id", "title", "sources", "dates", "places",
"summary", "findings", "claims"}], "unassigned": [...]}``; each story's findings and the
claims they name use the fields of ``compare``'s JSON.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.report.json import report_dict
from claimcheck.story.model import StoriesResult, Story

STORIES_JSON_VERSION = 1


def story_dict(story: Story) -> dict[str, Any]:
    full = report_dict(story.report)
    named = {claim_id for finding in full["findings"] for claim_id in finding["claims"]}
    return {
        "id": story.id,
        "title": story.title,
        "sources": list(story.sources),
        "dates": list(story.dates),
        "places": list(story.places),
        "summary": story.report.verdict_counts(),
        "findings": full["findings"],
        "claims": [claim for claim in full["claims"] if claim["id"] in named],
    }


def stories_dict(result: StoriesResult) -> dict[str, Any]:
    return {
        "version": STORIES_JSON_VERSION,
        "stories": [story_dict(story) for story in result.stories],
        "unassigned": list(result.unassigned),
        "exit_status": result.exit_status(),
    }


def render_json(result: StoriesResult) -> str:
    return json.dumps(stories_dict(result), ensure_ascii=False, indent=2) + "\n"


def render_text(result: StoriesResult) -> str:
    """One line per story: id, size, dates, places, verdict counts and title."""
    from claimcheck.report.text import safe

    lines = []
    for story in result.stories:
        counts = ", ".join(f"{n} {verdict}" for verdict, n in
                           story.report.verdict_counts().items()) or "nothing compared"
        when = story.dates[0] if story.dates else "undated"
        where = "; ".join(story.places[:3]) or "no place"
        lines.append(safe(f"{story.id}  {len(story.sources)} sources  {when}  {where}  "
                          f"[{counts}]  {story.title or ''}".rstrip()))
    lines.append(f"{len(result.stories)} stories; {len(result.unassigned)} articles reported "
                 "by no other article")
    return "\n".join(lines) + "\n"


def render(result: StoriesResult, fmt: str) -> str:
    if fmt == "json":
        return render_json(result)
    if fmt == "text":
        return render_text(result)
    if fmt == "html":
        from claimcheck.story.index import render_index

        return render_index(result)
    raise ValueError(f"unknown format {fmt!r} (valid: text, json, html)")
