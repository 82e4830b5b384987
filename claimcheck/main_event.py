"""The story: the sources given together report one story, with one main event.

Each source has a dominant event (the event noun it names most), a dominant place (the
city or region it names most, when one clearly leads) and a date (the publication date
its dates were resolved against). A claim belongs to the story's main event unless
there is positive evidence of another: a distinct marker ("a separate attack"), an
event date far from the story's ("the 2008–09 war" in a 2012 story), or a named event
whose names the story's main event does not share. Two sources whose dominant places
are disjoint (Philadelphia, Los Angeles) report the story in two places: their claims
with no place of their own are not about one another's place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from claimcheck.model.claims import Claim, DateClaim, Event, LocationClaim
from claimcheck.model.dates import DateRange, day_range, far_apart
from claimcheck.model.places import Place, PlaceLevel


@dataclass(frozen=True)
class Story:
    """What the sources share, and each source's own lead."""

    main_head: str | None = None  # the event noun most sources lead with
    heads: dict[str, str] = field(default_factory=dict)  # source → its dominant event head
    places: dict[str, Place] = field(default_factory=dict)  # source → its dominant place
    dates: dict[str, date] = field(default_factory=dict)  # source → the date it is anchored on
    # (source, sentence start) → why the sentence is about another time ("2008–2009")
    other_times: dict[tuple[str, int], str] = field(default_factory=dict)
    # (source, sentence end) → that sentence's start: to find the sentence before a claim's
    sentence_ends: dict[tuple[str, int], int] = field(default_factory=dict)
    # (source, sentence start) → the other event a sentence names ("the last Gaza war"):
    # the next sentence, when it names no event, goes on about it
    other_sentences: dict[tuple[str, int], str] = field(default_factory=dict)

    def other_event(self, claim: Claim) -> str | None:
        """The positive evidence that ``claim`` is about another event than the story's."""
        event = claim.about.event
        if event is None:
            return self.other_time(claim)
        if event.distinct:
            return f"marked as another event (“{event.text or event.head}”)"
        when = event.date
        if when is not None and event.date_names_it and self.far_from_story(when):
            return f"dated {when.describe()}, far from the story"
        return self.other_time(claim)

    def far_from_story(self, when: DateRange) -> bool:
        """Whether a date is far from every source's date: a report written weeks
        after the event, next to one written that day, still dates the same story."""
        return bool(self.dates) and all(far_apart(when, day_range(day), days=FAR_DAYS)
                                        for day in set(self.dates.values()))

    def other_time(self, claim: Claim) -> str | None:
        """Evidence from the claim's sentence (or, for a claim naming no event, the
        sentence just before it) that it is about another time than the story's."""
        if isinstance(claim, DateClaim):
            return None  # a date is compared for what it says, not placed by itself
        own = self.other_times.get((claim.source, claim.sentence_start))
        if own is not None:
            return own
        event = claim.about.event
        if event is not None and not event.implicit:
            return None
        for gap in (1, 2):  # "... of 2008-2009, killed 1,400 Palestinians. Thirteen Israelis died."
            before = self.sentence_ends.get((claim.source, claim.sentence_start - gap))
            if before is not None:
                key = (claim.source, before)
                return self.other_times.get(key) or self.other_sentences.get(key)
        return None


def build_story(claims: Sequence[Claim],
                published: Mapping[str, date | None] | None = None) -> Story:
    """The story of a set of claims (of every source given together); ``published``
    gives each source's date, else the anchor its date claims were resolved on."""
    heads: dict[str, Counter[str]] = {}
    places: dict[str, Counter[Place]] = {}
    anchors: dict[str, Counter[date]] = {}
    for claim in claims:
        if claim.furniture:
            continue
        event = claim.about.event
        if event is not None and not event.implicit and event.head and not event.distinct \
                and not event.of_count and claim.kind != "quote" and not is_telling(event):
            heads.setdefault(claim.source, Counter())[event.head] += 1
        if isinstance(claim, LocationClaim) and claim.value.confident and \
                claim.value.place.resolved and claim.value.place.level in _LOCAL:
            places.setdefault(claim.source, Counter())[claim.value.place] += 1
        if isinstance(claim, DateClaim) and claim.value.anchor is not None:
            anchors.setdefault(claim.source, Counter())[claim.value.anchor] += 1
    lead = {source: _leader(counts) for source, counts in heads.items()}
    # heads named by two sources or more: the main event when no source clearly leads
    shared = Counter(head for counts in heads.values() for head in counts)
    story_dates = {s: counts.most_common(1)[0][0] for s, counts in anchors.items()}
    story_dates.update({s: day for s, day in (published or {}).items() if day is not None})
    other_times: dict[tuple[str, int], str] = {}
    near: set[tuple[str, int]] = set()
    ends: dict[tuple[str, int], int] = {}
    other_sentences: dict[tuple[str, int], str] = {}
    for claim in claims:
        ends[(claim.source, claim.sentence_start + len(claim.sentence))] = claim.sentence_start
        marked = claim.about.event
        if marked is not None and marked.distinct and not marked.implicit and \
                claim.kind != "quote":
            other_sentences.setdefault((claim.source, claim.sentence_start),
                                       f"after a sentence about “{marked.text or marked.head}”")
        anchor = story_dates.get(claim.source)
        if not isinstance(claim, DateClaim) or anchor is None or \
                not claim.value.range.resolved or claim.about.attribute != "date_of":
            continue
        key = (claim.source, claim.sentence_start)
        if _DECADE_ONLY.fullmatch(claim.text.strip()):
            continue  # "all in their 20s": an age, whatever the date reader made of it
        if claim.value.extent != "at":
            near.add(key)
        elif all(far_apart(claim.value.range, day_range(day), days=FAR_DAYS)
                 for day in set(story_dates.values())):
            other_times.setdefault(key, f"in a sentence about {claim.value.range.describe()}")
        elif claim.value.range.granularity.value in ("year", "part_of_year"):
            # "750 rockets fired this year": a count over a year, not the story's days
            other_times.setdefault(key, f"a count over {claim.value.range.describe()}")
        else:
            near.add(key)
    other_times = {k: v for k, v in other_times.items() if k not in near}
    overall = Counter(head for head in lead.values() if head)
    if not overall:
        overall = Counter({head: n for head, n in shared.items()
                           if sum(head in counts for counts in heads.values()) >= 2})
    ranked = overall.most_common(2)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
    return Story(
        main_head=main,
        heads={s: h for s, h in lead.items() if h},
        places={s: p for s, counts in places.items()
                if (p := _leader(counts)) is not None},
        dates=story_dates,
        other_times=other_times,
        sentence_ends=ends,
        other_sentences=other_sentences,
    )


T = TypeVar("T")
_DECADE_ONLY = re.compile(r"(?:the\s+|their\s+|his\s+|her\s+)?'?\d0s", re.IGNORECASE)
FAR_DAYS = 62  # a date further than this from the story's is another event's
# events of telling: a source's own statement or briefing is dated, but many are held
# about one story, on many days; neither its date nor its name is the story's event
_TELLING = frozenset({"statement", "announcement", "briefing", "interview", "release",
                      "speech", "remark", "comment", "testimony"})
_TELLING_MODIFIERS = frozenset({"news", "press", "media"})
_LOCAL = frozenset({PlaceLevel.CITY, PlaceLevel.REGION})


def _leader(counts: Counter[T], alone: int = 2) -> T | None:
    """The item that clearly leads (at least twice, and half again as often as the next;
    ``alone`` times when it is the only one)."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if runner_up == 0:
        return top if n >= alone else None
    return top if n >= 2 and n >= 1.5 * runner_up else None


def event_of(claim: Claim) -> Event | None:
    """The event a claim names, if any: none when only its circumstances are known, and
    none for an act of telling ("said on Friday", "at a news conference"), which is how
    the source learned of the event, not the event."""
    event = claim.about.event
    return None if event is None or event.implicit or is_telling(event) else event


def is_telling(event: Event) -> bool:
    """Whether an event is an act of telling by no one named: "police said Tuesday", a
    news conference. A named speaker's statement ("Putin said on Friday") is an event
    of its own, whose date sources can be checked on."""
    if event.names:
        return False
    return event.head in _TELLING or bool(
        event.head == "conference" and set(event.modifiers) & _TELLING_MODIFIERS)


# after a dateline's place: ", State", "(Agency)", then a dash
_DATELINE_REST = re.compile(r"(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,40}?)?[ \t]*"
                            r"(?:\([^)\n]{1,40}\)[ \t]*)?(?:—|–|--?)[ \t]")


def is_dateline(claim: Claim) -> bool:
    """Whether a place claim is its source's dateline ("SALEM, Ore. (AP) —" opening a
    line): where the source reports from, not a claim of where something happened (a
    report from Geneva on a war elsewhere). It counts as one mention of its place."""
    if not isinstance(claim, LocationClaim) or not claim.text.isupper():
        return False
    at = claim.start - claim.sentence_start
    before = claim.sentence[:at]
    if before.strip() and not re.search(r"\n[ \t]*$", before):
        return False
    return _DATELINE_REST.match(claim.sentence, at + len(claim.text)) is not None
