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
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import Claim, DateClaim, Event, LocationClaim, QuantityClaim
from claimcheck.model.dates import DateRange, Granularity, far_apart
from claimcheck.model.places import Place, PlaceLevel


@dataclass(frozen=True)
class OtherEvent:
    """The positive evidence of which other event a claim is about: the dates far from
    the story it is placed at ("the 2008–09 war", a sentence about "the winter of
    2008-9"), and the names of its event. Not being the story's says nothing of it, nor
    does a name alone: "a $12.50 case of Fizzo" before and now names one product."""

    names: frozenset[str]
    dates: tuple[DateRange, ...]  # never empty

    def same_as(self, other: OtherEvent) -> bool:
        """Whether two claims are shown to be about one other event: dates that overlap,
        and no two names of their events that differ."""
        if self.names and other.names and not self.names & other.names:
            return False
        return any(not far_apart(x, y, days=0) for x in self.dates for y in other.dates)


@dataclass(frozen=True)
class Story:
    """What the sources share, and each source's own lead."""

    main_head: str | None = None  # the event noun most sources lead with
    heads: dict[str, str] = field(default_factory=dict)  # source → its dominant event head
    places: dict[str, Place] = field(default_factory=dict)  # source → its dominant place
    dates: dict[str, date] = field(default_factory=dict)  # source → the date it is anchored on
    # (source, sentence start) → why the sentence is about another time ("2008–2009")
    other_times: dict[tuple[str, int], str] = field(default_factory=dict)
    # (source, sentence start) → the dates far from the story's of such a sentence
    other_dates: dict[tuple[str, int], tuple[DateRange, ...]] = field(default_factory=dict)
    # (source, sentence end) → that sentence's start: to find the sentence before a claim's
    sentence_ends: dict[tuple[str, int], int] = field(default_factory=dict)
    # (source, sentence start) → the other event a sentence names ("the last Gaza war"):
    # the next sentence, when it names no event, goes on about it
    other_sentences: dict[tuple[str, int], str] = field(default_factory=dict)
    # (source, claim start) → the time before its source's own that the figure is of
    # ("last year, when seven cases were confirmed"), in a source with no date to read
    # that time against
    other_claims: dict[tuple[str, int], str] = field(default_factory=dict)
    # the years the story is estimated to happen in when no source has a date: the
    # latest year its sources date events to (``estimate_years``)
    years: frozenset[int] = frozenset()
    # what the story says of each claim it was asked about (id → the claim, other event,
    # its evidence, past event): grouping asks of one claim for every pair it is in
    _read: dict[int, tuple[Claim, str | None, OtherEvent | None, OtherEvent | None]] = \
        field(default_factory=dict, init=False, compare=False, repr=False)

    def _of(self, claim: Claim) -> tuple[Claim, str | None, OtherEvent | None,
                                         OtherEvent | None]:
        """What the story says of ``claim``, worked out once (the claim is kept, so its
        id is not another's while the story lives)."""
        found = self._read.get(id(claim))
        if found is None or found[0] is not claim:
            other = self._other_event(claim)
            evidence = None if other is None else self._other_event_evidence(claim)
            found = (claim, other, evidence, self._past_event(claim, evidence))
            self._read[id(claim)] = found
        return found

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_read"}  # ids are this process's

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, _read={})

    def other_event(self, claim: Claim) -> str | None:
        """The positive evidence that ``claim`` is about another event than the story's."""
        return self._of(claim)[1]

    def other_event_evidence(self, claim: Claim) -> OtherEvent | None:
        """Which other event ``claim`` is about, as far as it says: None for a claim of
        the story's main event, or of another event it shows nothing of."""
        return self._of(claim)[2]

    def past_event(self, claim: Claim) -> OtherEvent | None:
        """The other event a claim is shown to be about by dates far from the story: a
        date's own value when it is far ("the winter of 1994-95" in a 2024 story), else
        ``other_event_evidence``. Such claims are compared only with one another
        (``matching.past_key``), whatever their event nouns."""
        return self._of(claim)[3]

    def _other_event(self, claim: Claim) -> str | None:
        event = claim.about.event
        if event is None:
            return self.other_time(claim)
        if event.distinct:
            return f"marked as another event (“{event.text or event.head}”)"
        when = event.date
        if when is not None and event.date_names_it and self.far_from_story(when):
            return f"dated {when.describe()}, far from the story"
        return self.other_time(claim)

    def _other_event_evidence(self, claim: Claim) -> OtherEvent | None:
        """``other_event_evidence`` of a claim about another event."""
        event = claim.about.event
        names = frozenset(event.names) if event is not None else frozenset()
        dates = list(self._sentence_dates(claim))
        if event is not None and event.date is not None and event.date_names_it and \
                self.far_from_story(event.date):
            dates.append(event.date)
        if not dates:
            return None
        return OtherEvent(names=names, dates=tuple(dates))

    def _past_event(self, claim: Claim, evidence: OtherEvent | None) -> OtherEvent | None:
        """``past_event``, given the claim's ``other_event_evidence``."""
        if isinstance(claim, DateClaim):
            when = claim.value.range
            if not when.resolved or not self.far_from_story(when):
                return None
            event = claim.about.event
            names = frozenset(event.names) if event is not None else frozenset()
            return OtherEvent(names=names, dates=(when,))
        return evidence

    def _sentence_dates(self, claim: Claim) -> tuple[DateRange, ...]:
        """The far dates of the sentence ``other_time`` places the claim by."""
        own = self.other_dates.get((claim.source, claim.sentence_start))
        if own is not None or isinstance(claim, DateClaim):
            return own or ()
        event = claim.about.event
        if event is not None and not event.implicit:
            return ()
        for gap in (1, 2):
            before = self.sentence_ends.get((claim.source, claim.sentence_start - gap))
            if before is not None:
                return self.other_dates.get((claim.source, before), ())
        return ()

    def far_from_story(self, when: DateRange) -> bool:
        """Whether a date is far from every source's date: a report written weeks
        after the event, next to one written that day, still dates the same story."""
        return bool(self.dates or self.years) and self._days.far_from_all(when)

    @cached_property
    def _days(self) -> _DayIndex:
        return _DayIndex(self.dates.values(), self.years)

    def other_time(self, claim: Claim) -> str | None:
        """Evidence from the claim's sentence (or, for a claim naming no event, the
        sentence just before it) that it is about another time than the story's."""
        if isinstance(claim, DateClaim):
            return None  # a date is compared for what it says, not placed by itself
        own = self.other_claims.get((claim.source, claim.start)) or \
            self.other_times.get((claim.source, claim.sentence_start))
        if own is not None:
            return own
        event = claim.about.event
        if event is not None and not event.implicit:
            return None
        for gap in (1, 2):  # "... in 1994-1995, killed 3,000 people. Forty soldiers died."
            before = self.sentence_ends.get((claim.source, claim.sentence_start - gap))
            if before is not None:
                key = (claim.source, before)
                return self.other_times.get(key) or self.other_sentences.get(key)
        return None


class DatedSentence(BaseModel):
    """A sentence of one source with a date of an event in it: whether it is about
    another time than the story's is decided once every source's date is known."""

    model_config = ConfigDict(frozen=True)

    start: int  # the sentence's start in its source
    at: bool  # the date is when it happened ("at"), not "since" or "until" it
    range: DateRange


class SourceStory(BaseModel):
    """What one source gives the story, made from its own claims alone: the story of
    several sources combines these (``combine_stories``), so a summary can be stored
    with the source's claims and the story built without reading them again."""

    model_config = ConfigDict(frozen=True)

    source: str
    head_counts: dict[str, int] = {}  # event head → mentions, in order of first mention
    lead: str | None = None  # the head it clearly leads with
    place: Place | None = None  # the city or region it clearly leads with
    anchor: date | None = None  # the date its dates were most often resolved against
    dated: tuple[DatedSentence, ...] = ()
    sentence_ends: tuple[tuple[int, int], ...] = ()  # (end, start) of each claim's sentence
    # (start, why) of each sentence naming another event than the story's
    other_sentences: tuple[tuple[int, str], ...] = ()
    # (year, mentions) of the years it dates events to, for a story with no dates
    years: tuple[tuple[int, int], ...] = ()
    # (claim start, phrase) of each figure a time before its source's is on ("last year")
    earlier: tuple[tuple[int, str], ...] = ()


def summarise_source(source: str, claims: Sequence[Claim]) -> SourceStory:
    """The summary of one source from its claims (all of that source)."""
    heads: Counter[str] = Counter()
    places: Counter[Place] = Counter()
    anchors: Counter[date] = Counter()
    dated: list[DatedSentence] = []
    ends: dict[int, int] = {}
    other_sentences: dict[int, str] = {}
    years: Counter[int] = Counter()
    for claim in claims:
        if not claim.furniture:
            event = claim.about.event
            if event is not None and not event.implicit and event.head and \
                    not event.distinct and not event.of_count and claim.kind != "quote" \
                    and not is_telling(event):
                heads[event.head] += 1
            if isinstance(claim, LocationClaim) and claim.value.confident and \
                    claim.value.place.resolved and claim.value.place.level in _LOCAL and \
                    claim.about.attribute != "residence":
                places[claim.value.place] += 1
            if isinstance(claim, DateClaim) and claim.value.anchor is not None:
                anchors[claim.value.anchor] += 1
        ends[claim.sentence_start + len(claim.sentence)] = claim.sentence_start
        marked = claim.about.event
        if marked is not None and marked.distinct and not marked.implicit and \
                claim.kind != "quote":
            other_sentences.setdefault(claim.sentence_start,
                                       f"after a sentence about “{marked.text or marked.head}”")
        if isinstance(claim, DateClaim) and claim.value.range.resolved and \
                claim.about.attribute == "date_of" and \
                not _DECADE_ONLY.fullmatch(claim.text.strip()):
            # "all in their 20s" is an age, whatever the date reader made of it
            dated.append(DatedSentence(start=claim.sentence_start,
                                       at=claim.value.extent == "at",
                                       range=claim.value.range))
            year = _year_of_event(claim)
            if year is not None:
                years[year] += 1
    return SourceStory(
        source=source, head_counts=dict(heads), lead=_leader(heads) if heads else None,
        place=_leader(places) if places else None,
        anchor=anchors.most_common(1)[0][0] if anchors else None,
        dated=tuple(dated), sentence_ends=tuple(ends.items()),
        other_sentences=tuple(other_sentences.items()),
        years=tuple(sorted(years.items())),
        earlier=tuple(sorted(earlier_figures(claims).items())))


class MayBePast:
    """Whether ``Story.past_event`` may find a claim of one source about another event,
    from that source alone: its summary, and ``own``, the date the story will give the
    source (its publication date, else its anchor). A date far from every source's date
    is far from its own, so of the claims the story places at another event none is
    left out: a date far from ``own`` in the claim's value, its event's naming date or
    a dated sentence the story reads it by; with no date of its own, any such date."""

    def __init__(self, summary: SourceStory, own: date | None) -> None:
        self._days = _DayIndex([own] if own is not None else [])
        self._own = own
        self._ends = dict(summary.sentence_ends)
        self._far_sentences = {sentence.start for sentence in summary.dated
                               if sentence.at and self._far(sentence.range)}

    def _far(self, when: DateRange) -> bool:
        return self._own is None or self._days.far_from_all(when)

    def __call__(self, claim: Claim) -> bool:
        if isinstance(claim, DateClaim):
            return claim.value.range.resolved and self._far(claim.value.range)
        event = claim.about.event
        if event is not None and event.date is not None and event.date_names_it and \
                self._far(event.date):
            return True
        if claim.sentence_start in self._far_sentences:
            return True
        if event is not None and not event.implicit:
            return False
        return any(self._ends.get(claim.sentence_start - gap) in self._far_sentences
                   for gap in (1, 2))


def build_story(claims: Sequence[Claim],
                published: Mapping[str, date | None] | None = None) -> Story:
    """The story of a set of claims (of every source given together); ``published``
    gives each source's date, else the anchor its date claims were resolved on."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    return combine_stories([summarise_source(source, own)
                            for source, own in by_source.items()], published)


def combine_stories(summaries: Sequence[SourceStory],
                    published: Mapping[str, date | None] | None = None) -> Story:
    """The story of several sources from their summaries (in the sources' order)."""
    lead = {s.source: s.lead for s in summaries if s.head_counts}
    # heads named by two sources or more: the main event when no source clearly leads
    shared: Counter[str] = Counter()
    naming: Counter[str] = Counter()  # how many sources name each head
    for summary in summaries:
        shared.update(summary.head_counts)
        naming.update(summary.head_counts.keys())
    story_dates = {s.source: s.anchor for s in summaries if s.anchor is not None}
    story_dates.update({s: day for s, day in (published or {}).items() if day is not None})
    years = frozenset() if story_dates else estimate_years(summaries)
    days = _DayIndex(story_dates.values(), years)
    other_times: dict[tuple[str, int], str] = {}
    other_dates: dict[tuple[str, int], list[DateRange]] = {}
    near: set[tuple[str, int]] = set()
    ends: dict[tuple[str, int], int] = {}
    other_sentences: dict[tuple[str, int], str] = {}
    other_claims: dict[tuple[str, int], str] = {}
    for summary in summaries:
        source = summary.source
        ends.update(((source, end), start) for end, start in summary.sentence_ends)
        other_sentences.update(((source, start), why) for start, why in summary.other_sentences)
        if story_dates.get(source) is None:
            # "last year" had no date to be read against, so it is no date claim
            other_claims.update(((source, start), f"a figure of “{phrase}”")
                                for start, phrase in summary.earlier)
        if not (story_dates or years):
            continue  # no time to place its dates against
        for sentence in summary.dated:
            key = (source, sentence.start)
            if not sentence.at:
                near.add(key)
            elif days.far_from_all(sentence.range):
                other_times.setdefault(key, f"in a sentence about {sentence.range.describe()}")
                other_dates.setdefault(key, []).append(sentence.range)
            elif sentence.range.granularity.value in ("year", "part_of_year") and \
                    not years:
                # "750 rockets fired this year": a count over a year, not the story's days
                # (but a year named is how an estimated year was found: the story's)
                other_times.setdefault(key, f"a count over {sentence.range.describe()}")
            else:
                near.add(key)
    other_times = {k: v for k, v in other_times.items() if k not in near}
    overall = Counter(head for head in lead.values() if head)
    if not overall:
        overall = Counter({head: n for head, n in shared.items() if naming[head] >= 2})
    ranked = overall.most_common(2)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
    return Story(
        main_head=main,
        heads={s: h for s, h in lead.items() if h},
        places={s.source: s.place for s in summaries if s.place is not None},
        dates=story_dates,
        other_times=other_times,
        other_dates={k: tuple(v) for k, v in other_dates.items() if k in other_times},
        sentence_ends=ends,
        other_sentences=other_sentences,
        other_claims=other_claims,
        years=years,
    )


def estimate_years(summaries: Sequence[SourceStory]) -> frozenset[int]:
    """The year a story with no dates happens in, from the years its sources date events
    to: the latest. Reports name the past as background ("the 2012 record", "in 2009"),
    the future in sentences of what is to come (left out), and rarely their own year;
    when they do not, the story's year is later still, and nothing is placed after it."""
    named = {year for summary in summaries for year, _ in summary.years
             if year <= LAST_NEWS_YEAR}
    return frozenset({max(named)}) if named else frozenset()


class _DayIndex:
    """The story's days, sorted, to tell in logarithmic time whether a date is far
    (``FAR_DAYS``) from every one of them, as ``far_apart`` against each would."""

    def __init__(self, days: Iterable[date], estimated: frozenset[int] = frozenset()) -> None:
        self.days = sorted(set(days))
        self.years = {day.year for day in self.days}
        self.estimated = estimated

    def far_from_all(self, when: DateRange) -> bool:
        if not self.days and self.estimated:
            return self._far_from_estimate(when)
        if not self.days:
            return True
        if when.start is None or when.end is None:
            # a partial date is far from a day only when both state different years
            return when.year is not None and when.year not in self.years
        lowest = when.start - timedelta(days=FAR_DAYS)
        at = bisect_left(self.days, lowest)
        return at == len(self.days) or self.days[at] > when.end + timedelta(days=FAR_DAYS)

    def _far_from_estimate(self, when: DateRange) -> bool:
        """Against an estimated year: a year is far when it is another; a day or a month
        when it is further than ``FAR_DAYS`` outside the year (a December date in a
        January report)."""
        if when.start is None or when.end is None:
            return when.year is not None and when.year not in self.estimated
        if when.granularity not in _FINE:
            return not any(when.start.year <= year <= when.end.year for year in self.estimated)
        first = date(min(self.estimated), 1, 1) - timedelta(days=FAR_DAYS)
        last = date(max(self.estimated), 12, 31) + timedelta(days=FAR_DAYS)
        return when.end < first or when.start > last


T = TypeVar("T")
_DECADE_ONLY = re.compile(r"(?:the\s+|their\s+|his\s+|her\s+)?'?\d0s", re.IGNORECASE)
LAST_NEWS_YEAR = 2100  # a later "year" is a number misread (a count, a phone's digits)
FAR_DAYS = 62  # a date further than this from the story's is another event's
# events of telling: a source's own statement or briefing is dated, but many are held
# about one story, on many days; neither its date nor its name is the story's event
_TELLING = frozenset({"statement", "announcement", "briefing", "interview", "release",
                      "speech", "remark", "comment", "testimony"})
_TELLING_MODIFIERS = frozenset({"news", "press", "media"})
_LOCAL = frozenset({PlaceLevel.CITY, PlaceLevel.REGION})
_FINE = frozenset({Granularity.DAY, Granularity.WEEK, Granularity.PART_OF_MONTH,
                   Granularity.MONTH})
_YEARS = frozenset({*_FINE, Granularity.PART_OF_YEAR, Granularity.YEAR})
# a sentence about what is to come: its dates say nothing of when the story happened
_FUTURE = re.compile(r"(?:\b(?:will|would|next|upcoming|scheduled|expected|plans?|planned)"
                     r"|'ll)\b", re.IGNORECASE)
# a time before the source's own, named beside a figure: "last year's", "two years ago"
_EARLIER = re.compile(r"\b(?:last year|(?:the )?(?:previous|prior|preceding) year|"
                      r"the year before|(?:a|one|two|three|four|five|six|seven|eight|nine|"
                      r"ten|\d{1,2}) years? (?:ago|earlier|before))(?:'s|’s)?\b",
                      re.IGNORECASE)
# the source's own time: a figure nearest to it is the story's
_NOW = re.compile(r"\b(?:this year|this season|to date|so far)\b", re.IGNORECASE)
_NEAR_CHARS = 80  # how far from a figure a time can be said of it


def earlier_figures(claims: Sequence[Claim]) -> dict[int, str]:
    """The figures a time before the source's own is said of ("last year, when seven
    cases were confirmed"): each time phrase is of the figure nearest to it in its
    sentence, so "32 this year, up from seven last year" dates only the seven."""
    by_sentence: dict[int, list[QuantityClaim]] = {}
    for claim in claims:
        if isinstance(claim, QuantityClaim):
            by_sentence.setdefault(claim.sentence_start, []).append(claim)
    found: dict[int, str] = {}
    for figures in by_sentence.values():
        sentence = figures[0].sentence
        if not _EARLIER.search(sentence):
            continue
        now: set[int] = set()
        earlier: dict[int, str] = {}
        for pattern, into in ((_NOW, None), (_EARLIER, earlier)):
            for match in pattern.finditer(sentence):
                nearest = _nearest(figures, match.start(), match.end())
                if nearest is None:
                    continue
                if into is None:
                    now.add(nearest.start)
                else:
                    into.setdefault(nearest.start, match.group(0))
        found.update((start, phrase) for start, phrase in earlier.items() if start not in now)
    return found


def _nearest(figures: Sequence[QuantityClaim], start: int, end: int) -> QuantityClaim | None:
    """The figure nearest to a phrase at [start, end) of their sentence, within reach."""
    def gap(claim: QuantityClaim) -> int:
        at = claim.start - claim.sentence_start
        return max(start - (at + len(claim.text)), at - end, 0)
    best = min(figures, key=gap)
    return best if gap(best) <= _NEAR_CHARS else None


def _year_of_event(claim: DateClaim) -> int | None:
    """The single year a date places an event in, if it can tell the story's year."""
    value = claim.value
    start, end = value.range.start, value.range.end
    if value.extent != "at" or value.range.granularity not in _YEARS or start is None or \
            end is None or start.year != end.year or _FUTURE.search(claim.sentence):
        return None
    return start.year


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
    if event is None or event.implicit or is_telling(event):
        return None
    if isinstance(claim, QuantityClaim) and claim.about.attribute in _PEOPLE_MEASURES and \
            _told_in(event):
        return None  # "killed three, police said in a statement by X": the killing's
    return event


# measures of what happened to people: never counted in the act that tells of it
_PEOPLE_MEASURES = frozenset({"deaths", "injuries", "shot", "missing", "displaced",
                              "rescued", "arrests", "affected"})


def _told_in(event: Event) -> bool:
    """Whether an event is an act of telling, named or not."""
    return event.head in _TELLING or bool(
        event.head == "conference" and set(event.modifiers) & _TELLING_MODIFIERS)


def is_telling(event: Event) -> bool:
    """Whether an event is an act of telling by no one named: "police said Tuesday", a
    news conference. A named speaker's statement ("Putin said on Friday") is an event
    of its own, whose date sources can be checked on."""
    return not event.names and _told_in(event)


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
