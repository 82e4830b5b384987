"""The stories index page's flat view model: every value the page shows, decided here.

``index_view`` decides every value (links included); the page is rendered by the report
package's stories index template, which computes nothing. Each story links to its own report,
``stories/ID.html`` beside the index, as ``--out DIR`` writes them.
"""

from __future__ import annotations

from typing import Any

from claimcheck.story.model import StoriesResult

STORY_DIR = "stories"


def story_href(story_id: str) -> str:
    return f"{STORY_DIR}/{story_id}.html"


def index_view(result: StoriesResult) -> dict[str, Any]:
    stories = []
    for story in result.stories:
        counts = story.report.verdict_counts()
        stories.append({
            "id": story.id,
            "title": story.title or story.id,
            "href": story_href(story.id),
            "source_count": len(story.sources),
            "dates": list(story.dates),
            "places": list(story.places),
            "counts": [{"verdict": verdict, "count": n} for verdict, n in counts.items()],
            "contradictions": counts.get("contradict", 0) + counts.get("quote_variant", 0),
            "failing": bool(story.report.failing()),
        })
    return {
        "title": "Stories",
        "story_count": len(result.stories),
        "article_count": sum(len(s.sources) for s in result.stories) + len(result.unassigned),
        "unassigned_count": len(result.unassigned),
        "stories": stories,
        "unassigned": [{"id": source_id, "url": _web_link(result.urls.get(source_id))}
                       for source_id in result.unassigned],
        "exit_status": result.exit_status(),
    }


def _web_link(url: str | None) -> str | None:
    """Only web addresses become links: a ``javascript:`` url from a record never does."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def render_index(result: StoriesResult) -> str:
    """The index page, in the reports' style and under their Content-Security-Policy."""
    from claimcheck.report.story_index import render_story_index

    return render_story_index(index_view(result))
