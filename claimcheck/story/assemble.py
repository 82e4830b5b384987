"""Clusters of articles → stories: name, date and place each, and check it as ``compare``.

Pure. A plan names a story's articles and is made from signatures and sources only, so
the claims can stay where they were extracted (a worker); the check of a story is
``claimcheck.api.compare`` on its sources and their claims, so a story is judged exactly
as the same articles given to ``compare`` would be.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import Claim
from claimcheck.rules import RuleSet
from claimcheck.sources import Source
from claimcheck.story.model import Story
from claimcheck.story.signature import Signature


class StoryPlan(BaseModel):
    """One story before its check: its articles, and what the index says of it."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str | None
    sources: tuple[str, ...]  # source ids, sorted
    dates: tuple[str, ...]
    places: tuple[str, ...]
    first_published: str = ""


def story_id(source_ids: Sequence[str]) -> str:
    digest = hashlib.sha256("\0".join(sorted(source_ids)).encode("utf-8")).hexdigest()
    return f"story-{digest[:12]}"


def plans(clusters: Sequence[Sequence[str]], sources: Mapping[str, Source],
          signatures: Mapping[str, Signature]) -> tuple[list[StoryPlan], list[str]]:
    """A plan per cluster of two or more articles (in story order), and the ids of the
    articles left alone."""
    stories: list[StoryPlan] = []
    alone: list[str] = []
    for group in clusters:
        if len(group) < 2:
            alone.extend(group)
            continue
        members = [sources[i] for i in sorted(group)]
        published = sorted(s.published.isoformat() for s in members if s.published)
        stories.append(StoryPlan(
            id=story_id(group), title=_title(members),
            sources=tuple(s.id for s in members),
            dates=_shared_days([signatures[s.id] for s in members]),
            places=_shared_places([signatures[s.id] for s in members]),
            first_published=published[0] if published else "9999",
        ))
    stories.sort(key=lambda p: (p.dates[0] if p.dates else p.first_published, p.id))
    return stories, sorted(alone)


def check(plan: StoryPlan, sources: Sequence[Source], claims: Sequence[Claim],
          ruleset: RuleSet) -> Story:
    """The story's report: ``compare`` on its sources and their claims."""
    from claimcheck import api

    report = api.compare(sources, ruleset, claims=claims)
    return Story(id=plan.id, title=plan.title, sources=plan.sources, dates=plan.dates,
                 places=plan.places, report=report)


def _title(members: Sequence[Source]) -> str | None:
    """The title of the first article published (ties by id), else its first line."""
    first = min(members, key=lambda s: (s.published is None, s.published or 0, s.id))
    if first.title:
        return first.title
    line = first.body.strip().split("\n", 1)[0].strip()
    return line[:120] or None


def _shared_days(signatures: Sequence[Signature]) -> tuple[str, ...]:
    """Days that two or more of the articles date the event to; else the most named."""
    counts = Counter(day for sig in signatures for day in sig.days)
    shared = sorted(day for day, n in counts.items() if n >= 2)
    if not shared and counts:
        top = max(counts.values())
        shared = sorted(day for day, n in counts.items() if n == top)[:1]
    return tuple(day.isoformat() for day in shared)


def _shared_places(signatures: Sequence[Signature]) -> tuple[str, ...]:
    """Places named with confidence by two or more articles (or by the only one)."""
    counts: Counter[str] = Counter()
    for sig in signatures:
        counts.update(set(sig.place_names))
    need = 2 if len(signatures) > 1 else 1
    return tuple(sorted(name for name, n in counts.items() if n >= need))
