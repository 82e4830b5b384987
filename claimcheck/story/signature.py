"""What an article says about its event, in a form cheap to compare across a big pile.

A signature is made from the article's own text and its extracted claims only, so it is
computed where the claims are (a worker), and never depends on the rest of the pile:

- **terms**: content words of the title and text, with names (runs of capitalised
  words: people, streets, places), and street numbers; rare ones are what tell one
  shooting in Chicago from another;
- **days**: the days the article's dated claims fall on, near its publication date
  (the event it reports happened then), and **mentioned** days up to a year before (a
  follow-up names the day of the event it follows);
- **places**: the cities and regions its claims resolve to with confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import Claim, DateClaim, LocationClaim
from claimcheck.model.dates import Granularity
from claimcheck.model.places import Place, PlaceLevel
from claimcheck.sources import Source
from claimcheck.story.stopwords import STOP_WORDS

# a dated claim is about the reported event only if it falls this close before (or on
# the day after) publication; older dates are background (last year's trial)
EVENT_DAYS_BEFORE = 10
EVENT_DAYS_AFTER = 1
MENTIONED_DAYS_BEFORE = 400
MAX_TEXT_CHARS = 20_000  # the lead says what the story is; the rest adds cost, not signal

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|\d{3,5}(?![\d,.])")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z]\.|[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+))+")
_NAME_HEADS = frozenset({"The", "A", "An", "In", "On", "At", "But", "And", "When", "After",
                         "He", "She", "They", "It", "His", "Her", "Police", "Officers"})


class Signature(BaseModel):
    """The evidence an article offers about which event it reports."""

    model_config = ConfigDict(frozen=True)

    id: str
    published: dt.date | None = None
    terms: tuple[tuple[str, int], ...] = ()  # (term, count), sorted by term
    days: tuple[dt.date, ...] = ()  # sorted, unique
    mentioned: tuple[dt.date, ...] = ()  # every day-precise date of the past year
    places: tuple[str, ...] = ()  # gazetteer ids, sorted, unique
    place_names: tuple[str, ...] = ()  # their names, for the story's description

    @property
    def day_set(self) -> frozenset[dt.date]:
        return frozenset(self.days)


def signature(source: Source, claims: Sequence[Claim]) -> Signature:
    """The signature of one article from its text and claims (pure, order-free)."""
    text = " ".join(part for part in (source.title, source.body[:MAX_TEXT_CHARS]) if part)
    return Signature(id=source.id, published=source.published,
                     terms=tuple(sorted(term_counts(text).items())),
                     days=event_days(claims, source.published),
                     mentioned=event_days(claims, source.published, MENTIONED_DAYS_BEFORE),
                     places=tuple(sorted({p.id for p in _places(claims) if p.id})),
                     place_names=tuple(sorted({p.name for p in _places(claims)})))


def term_counts(text: str) -> Counter[str]:
    """Content words (lower case, no stop words) and names ("name:sarah davidson")."""
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= 3 and word not in STOP_WORDS:
            counts[word] += 1
    for match in _NAME.finditer(text):
        words = re.split(r"[ -]", match.group())
        if words[0] in _NAME_HEADS:
            words = words[1:]
        if len(words) >= 2:
            counts["name:" + " ".join(w.lower() for w in words)] += 1
    return counts


def event_days(claims: Sequence[Claim], published: dt.date | None,
               before: int = EVENT_DAYS_BEFORE) -> tuple[dt.date, ...]:
    """Days named by the article's day-precise dates up to ``before`` days before its
    publication (and the day after)."""
    if published is None:
        return ()
    first = published - dt.timedelta(days=before)
    last = published + dt.timedelta(days=EVENT_DAYS_AFTER)
    days = set()
    for claim in claims:
        if not isinstance(claim, DateClaim) or claim.furniture:
            continue
        span = claim.value.range
        if (span.granularity is Granularity.DAY and span.start is not None
                and span.start == span.end and first <= span.start <= last):
            days.add(span.start)
    return tuple(sorted(days))


def _places(claims: Sequence[Claim]) -> list[Place]:
    """The cities and regions the claims name with confidence (gazetteer entries)."""
    return [claim.value.place for claim in claims
            if isinstance(claim, LocationClaim) and not claim.furniture
            and claim.value.confident and claim.value.place.id is not None
            and claim.value.place.level is not PlaceLevel.COUNTRY]
