"""Clusters of articles → stories: name, date and place each, and check it as ``compare``.

Pure: sources, their claims and the clusters in, ``Story`` records out. The check of a
story is ``claimcheck.api.compare`` on its sources and their claims, so a story is judged
exactly as the same articles given to ``compare`` would be.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import Claim, LocationClaim
from claimcheck.rules import RuleSet
from claimcheck.sources import Source
from claimcheck.story.model import Story
from claimcheck.story.signature import Signature


class StoryPlan(BaseModel):
    """One story before its check: what a worker needs to run ``compare`` on it."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str | None
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    dates: tuple[str, ...]
    places: tuple[str, ...]


def story_id(source_ids: Sequence[str]) -> str:
    digest = hashlib.sha256("\0".join(sorted(source_ids)).encode("utf-8")).hexdigest()
    return f"story-{digest[:12]}"


def plans(clusters: Sequence[Sequence[str]], sources: Mapping[str, Source],
          claims: Mapping[str, Sequence[Claim]],
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
        stories.append(StoryPlan(
            id=story_id(group), title=_title(members),
            sources=tuple(members),
            claims=tuple(c for s in members for c in claims.get(s.id, ())),
            dates=_shared_days([signatures[s.id] for s in members]),
            places=_shared_places([claims.get(s.id, ()) for s in members]),
        ))
    stories.sort(key=lambda p: (p.dates[0] if p.dates else _first_published(p), p.id))
    return stories, sorted(alone)


def check(plan: StoryPlan, ruleset: RuleSet) -> Story:
    """The story's report: ``compare`` on its sources and claims."""
    from claimcheck import api

    report = api.compare(plan.sources, ruleset, claims=plan.claims)
    return Story(id=plan.id, title=plan.title, sources=tuple(s.id for s in plan.sources),
                 dates=plan.dates, places=plan.places, report=report)


def _title(members: Sequence[Source]) -> str | None:
    """The title of the first article published (ties by id), else its first line."""
    first = min(members, key=lambda s: (s.published is None, s.published or 0, s.id))
    if first.title:
        return first.title
    line = first.body.strip().split("\n", 1)[0].strip()
    return line[:120] or None


def _first_published(plan: StoryPlan) -> str:
    dates = sorted(s.published.isoformat() for s in plan.sources if s.published is not None)
    return dates[0] if dates else "9999"


def _shared_days(signatures: Sequence[Signature]) -> tuple[str, ...]:
    """Days that two or more of the articles date the event to; else the most named."""
    counts = Counter(day for sig in signatures for day in sig.days)
    shared = sorted(day for day, n in counts.items() if n >= 2)
    if not shared and counts:
        top = max(counts.values())
        shared = sorted(day for day, n in counts.items() if n == top)[:1]
    return tuple(day.isoformat() for day in shared)


def _shared_places(per_source: Sequence[Sequence[Claim]]) -> tuple[str, ...]:
    """Places named with confidence by two or more articles (or by the only one)."""
    counts: Counter[str] = Counter()
    for claims in per_source:
        names = {c.value.place.name for c in claims
                 if isinstance(c, LocationClaim) and c.value.confident and not c.furniture}
        counts.update(names)
    need = 2 if len(per_source) > 1 else 1
    return tuple(sorted(name for name, n in counts.items() if n >= need))
