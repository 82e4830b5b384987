"""Whether two articles report the same event: positive evidence, and what excludes it.

Evidence is the similarity of what they say (the cosine of their term vectors, where rare
names and words weigh most), read against how far apart they were published: articles
a day apart need less, a follow-up weeks later needs much more. Dates exclude: when two
articles published within a week of each other both date their event to the day, and no
day of one is within a day of the other's, they are two events (two shootings in one city
a week apart), however alike the words.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from claimcheck.story.signature import Signature


class Decision(StrEnum):
    SAME = "same"
    DIFFERENT = "different"  # excluded: never in one story, even through others
    UNKNOWN = "unknown"  # not enough evidence either way: not joined


class Thresholds(BaseModel):
    """Similarity needed by publication gap (days); tuned on the GVA dev half."""

    model_config = ConfigDict(frozen=True)

    near_days: int = 3
    near: float = 0.15
    mid_days: int = 14
    mid: float = 0.20
    far: float = 0.50  # follow-ups: trials, funerals, anniversaries
    # a later article that names the day of the earlier one's event needs less
    dated_follow_up: float = 0.20
    undated: float = 0.30  # one or both articles without a publication date
    day_slack: int = 1  # event days this close are the same day (late night, time zones)
    # dates exclude only between articles published this close: both are first reports
    # of their event; a follow-up weeks later dates its own news (a hearing, a funeral)
    exclude_within_days: int = 7


DEFAULT = Thresholds()


class PairEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    similarity: float
    gap_days: int | None  # publication dates apart; None when one is undated
    days_disjoint: bool  # both date the event, to days no closer than the slack
    names_event_day: bool = False  # the later names a day the earlier dates its event to


def evidence(a: Signature, b: Signature, similarity: float,
             thresholds: Thresholds = DEFAULT) -> PairEvidence:
    gap = (abs((a.published - b.published).days)
           if a.published is not None and b.published is not None else None)
    later, earlier = (a, b) if gap is not None and a.published > b.published else (b, a)  # type: ignore[operator]
    return PairEvidence(similarity=similarity, gap_days=gap,
                        days_disjoint=excluded(a, b, thresholds),
                        names_event_day=not days_disjoint(later.mentioned, earlier.days,
                                                          thresholds.day_slack)
                        and bool(later.mentioned and earlier.days))


def days_disjoint(a: tuple[dt.date, ...], b: tuple[dt.date, ...], slack: int) -> bool:
    if not a or not b:
        return False
    return all(abs((x - y).days) > slack for x in a for y in b)


def excluded(a: Signature, b: Signature, thresholds: Thresholds = DEFAULT) -> bool:
    """Positive evidence of two events: never in one story, even through others."""
    if a.published is None or b.published is None:
        return False
    if abs((a.published - b.published).days) > thresholds.exclude_within_days:
        return False
    return days_disjoint(a.days, b.days, thresholds.day_slack)


def decide(ev: PairEvidence, thresholds: Thresholds = DEFAULT) -> Decision:
    if ev.days_disjoint:
        return Decision.DIFFERENT
    if ev.gap_days is None:
        needed = thresholds.undated
    elif ev.gap_days <= thresholds.near_days:
        needed = thresholds.near
    elif ev.gap_days <= thresholds.mid_days:
        needed = thresholds.mid
    else:
        needed = thresholds.dated_follow_up if ev.names_event_day else thresholds.far
    return Decision.SAME if ev.similarity >= needed else Decision.UNKNOWN
