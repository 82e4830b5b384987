"""Scored matching: which claims of one candidate block state the same fact.

For two claims of one block (``candidate_key``: kind, measure class, what is counted),
``compatibility`` returns either a hard exclusion (another event, another subgroup,
disjoint places or times, one source stating two figures for one slot) or a score and
the evidence behind it (the same event noun or name, a shared place or date, the same
facets, the same figure). ``complete_link.cluster`` groups claims so that no group holds
an excluded pair: each claim joins the group it fits best, or starts its own.

Evidence is graded. A group whose every cross-source link has strong evidence may be
judged either way; one joined on weaker evidence may only be said to agree: a
contradiction needs more evidence than an agreement.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from claimcheck.main_event import FAR_DAYS, Story, event_of, is_dateline, is_telling
from claimcheck.model.claims import (
    About,
    Claim,
    DateClaim,
    Event,
    LocationClaim,
    QuantityClaim,
)
from claimcheck.model.counted import (
    PERPETRATOR,
    PERPETRATOR_UNSAID,
    PERSON,
    REMAINING,
    REST,
    Counted,
    same_counted,
)
from claimcheck.model.dates import DateRange, day_range, far_apart
from claimcheck.model.numbers import Interval, Qualifier, effective_interval
from claimcheck.model.places import Place, PlaceRelation, relate

_SELF_TOLERANCE = Decimal("0.1")  # how loosely one article may restate its own figure
SELF_DISAGREE_DAYS = 1  # one source's two dates of one slot further apart disagree
GENERIC = "count"
JOIN_SCORE = 0.5  # the mean score from which a claim joins a group
_DATE_ATTRIBUTES = frozenset({"date_of", "start_date", "end_date"})


def candidate_key(claim: Claim) -> Hashable | None:
    """The block a claim is compared within, or None when it is compared with nothing.

    Claims are scored pairwise only inside one block, so the key must never separate
    two claims that could state the same fact: kind and measure class (deaths,
    injuries, …, or ``count``), and what is counted — "person" for every count of
    people (facets and subgroups are scored, not keyed), the folded lemma of a thing.
    Measurements (money, mass, duration) also key on their unit's dimension. Dates and
    places key on the head of their event. An index of many claims can store this key.
    """
    about = claim.about
    if isinstance(claim, QuantityClaim):
        value = claim.value
        if value.dimension == "count":
            counted = about.counted or Counted(category=about.thing)
            return ("quantity", about.attribute, counted.category or "")
        return ("quantity", about.attribute, value.dimension, _head(claim))
    if is_dateline(claim) or (isinstance(claim, LocationClaim) and claim.value.named_in):
        return None  # where the source reports from: the story's evidence, not a claim
    if isinstance(claim, DateClaim | LocationClaim):
        head = _head(claim)
        if head and about.attribute == "start_date":
            # beginnings of two event nouns may be one ("a strike that began on
            # Monday", "a walkout that started on Monday"): ``compatibility``
            # tells, so the noun is scored, not keyed
            return (claim.kind, about.attribute)
        return (claim.kind, about.attribute, head) if head else None
    return None


def past_key(claim: Claim) -> Hashable | None:
    """The block of a claim the story shows is about another event (``Story.past_event``:
    "the war of 1994-95", a date far from the story's): kind, measure class and what is
    counted or measured, but not the event noun, which two sources name differently
    ("a ten-day siege", "the ten-day war"). Such claims are compared with one another only,
    and link when their far dates overlap; None when the claim is compared with nothing."""
    key = candidate_key(claim)
    if key is None:
        return None
    assert isinstance(key, tuple)
    if isinstance(claim, QuantityClaim) and claim.value.dimension == "count":
        return ("past", *key)
    return ("past", *key[:3]) if isinstance(claim, QuantityClaim) else ("past", *key[:2])


def block_of(claim: Claim, story: Story) -> Hashable | None:
    """The block a claim is compared within, given the story: ``past_key`` for a claim
    about another event, else ``candidate_key``."""
    if story.past_event(claim) is not None:
        return past_key(claim)
    return candidate_key(claim)


def _head(claim: Claim) -> str:
    event = event_of(claim)
    return event.head if event is not None else ""


def judgeable(claim: Claim) -> str | None:
    """What is missing for a claim to be judged at all (None: nothing)."""
    about = claim.about
    if isinstance(claim, DateClaim) and claim.about.event is not None and \
            is_telling(claim.about.event):
        return "the date of a statement, not of what happened"
    if isinstance(claim, QuantityClaim):
        if claim.value.dimension == "count":
            counted = about.counted or Counted(category=about.thing)
            if counted.category is None:
                return "what is counted is not said"
            if about.attribute == GENERIC and (counted.category == PERSON
                                               or not counted.specific):
                return "what happened to the people counted is not said"
            return None
        if not _head(claim) and about.thing is None:
            return f"what the {about.attribute} measures is not said"
    return None


@dataclass(frozen=True)
class Link:
    """How two claims relate: excluded (with why), or a score with its evidence."""

    excluded: str | None = None
    score: float = 0.0
    evidence: tuple[str, ...] = ()
    strong: bool = False  # enough to judge a contradiction
    explicit: bool = False  # strong by a shared name, detail, place or date of the event


def compatibility(a: Claim, b: Claim, story: Story) -> Link:
    """Whether two claims of one block may state the same fact, and how well they fit."""
    why = exclusion(a, b, story)
    if why is not None:
        return Link(excluded=why)
    evidence: list[str] = []
    score = 1.0
    ea, eb = event_of(a), event_of(b)
    strong_event = False
    if ea is not None and eb is not None:
        shared = set(ea.names) & set(eb.names)
        if shared:
            score += 2
            evidence.append(f"shared name “{sorted(shared)[0]}”")
            strong_event = True
        elif ea.head == eb.head:
            score += 1
            evidence.append(f"the same {ea.head}")
            strong_event = True
        details = set(ea.modifiers) & set(eb.modifiers)
        if details and not shared:
            score += 1
            evidence.append(f"shared detail “{sorted(details)[0]}”")
        if _shared_country(ea, eb):
            score += 0.5
        if ea.counted_figure is not None and ea.counted_figure == eb.counted_figure:
            # "three killed on Tuesday" in both: the dates are of one figure's event
            score += 1
            evidence.append(f"both date {ea.text} ({ea.counted_figure})")
    da, db = _date_of(a), _date_of(b)
    if da is not None and db is not None and da == db and da.granularity.value in (
            "day", "week", "part_of_month"):
        score += 0.5
        evidence.append(f"both dated {da.describe()}")
        strong_event = True
    shared_place = _shared_place(a, b)
    if shared_place:
        score += 0.5
        evidence.append(f"both in {shared_place}")
        strong_event = True
    elif strong_event and not (ea is not None and eb is not None and (
            set(ea.names) & set(eb.names) or set(ea.modifiers) & set(eb.modifiers)
            or _shared_country(ea, eb) or (da is not None and da == db)
            or (ea.counted_figure is not None and ea.counted_figure == eb.counted_figure))):
        strong_event = False  # the same event noun alone: strong only for the main event
    began = beginning_of(a, story)
    if not strong_event and began is not None and began == beginning_of(b, story):
        # "the offensive that began on Wednesday" and "an offensive launched on
        # Wednesday": one beginning, when neither is another event's
        evidence.append(f"both date when the {began} began")
        strong_event = True
    seen_a = story.other_event_evidence(a)
    seen_b = story.other_event_evidence(b)
    if seen_a is not None and seen_b is not None:
        evidence.append(f"both about another event than the story's, of "
                        f"{seen_a.dates[0].describe()}")
    explicit = strong_event  # what it rests on: ``exclusion_index._explicit_evidence``
    past_a, past_b = story.past_event(a), story.past_event(b)
    two_nouns = ea is not None and eb is not None and ea.head != eb.head
    if isinstance(a, DateClaim) and (past_a is not None or past_b is not None):
        if past_a is not None and past_b is not None and past_a.same_as(past_b):
            # two dates far from the story that overlap ("1994-1995", "the winter of
            # 1994-95"): one past event, whatever its nouns (``past_key``); enough to
            # agree, and with two nouns no more
            explicit = True
            evidence.append(f"both date another event than the story's, of "
                            f"{past_a.dates[0].describe()}")
        elif two_nouns:
            explicit = False
        if two_nouns or ea is None or eb is None:
            strong_event = False
    elif isinstance(a, DateClaim) and two_nouns:
        # dates of two event nouns meet only as beginnings (``candidate_key``): two
        # events of the story that began on one day may be one beginning, told with two
        # nouns; enough to agree, never to contradict. Other dates of two nouns never join
        other_began = beginning_of(b, story)
        explicit = began is not None and other_began is not None
        strong_event = False
        if explicit:
            evidence.append(f"both date when an event of the story began (the {began} / "
                            f"the {other_began})")
    if not strong_event and story.other_event(a) is None and story.other_event(b) is None \
            and not (isinstance(a, DateClaim) and (two_nouns or past_a is not None or
                                                past_b is not None)):
        heads = {e.head for e in (ea, eb) if e is not None}
        if heads <= {story.main_head} or (story.main_head is None and len(heads) == 1):
            evidence.append("the story's main event" + (
                f" (the {story.main_head})" if story.main_head and heads else
                " (no other event named)"))
            strong_event = True
    ca, cb = a.about.counted, b.about.counted
    strong_thing = True
    if ca is not None and cb is not None:
        if ca.facets == cb.facets and set(ca.facets) - {PERPETRATOR_UNSAID}:
            score += 0.5
            evidence.append("the same people (" + ", ".join(
                f.split(":", 1)[1] for f in ca.facets if f != PERPETRATOR_UNSAID) + ")")
        elif ca.facets != cb.facets:
            evidence.append("compatible facets of the people counted")
        roles_a = {f for f in ca.facets if f.startswith("role:")}
        roles_b = {f for f in cb.facets if f.startswith("role:")}
        if _a_rest(ca) != _a_rest(cb):
            # "three others hurt" beside "three hurt": the others may be all of them, or
            # the rest after someone the article counted first; enough to agree, no more
            strong_thing = False
            evidence.append("one counts the others beyond those already named")
        perpetrator_a = {f for f in ca.facets if f.startswith(PERPETRATOR)}
        perpetrator_b = {f for f in cb.facets if f.startswith(PERPETRATOR)}
        if perpetrator_a - {PERPETRATOR_UNSAID} != perpetrator_b - {PERPETRATOR_UNSAID}:
            # "three dead, including the gunman" beside "two dead": one counts him, the
            # other may not; enough to agree, no more
            strong_thing = False
            evidence.append("one says whether the one who did it is counted")
        elif PERPETRATOR_UNSAID in perpetrator_a | perpetrator_b and \
                not _values_overlap(a, b) and _one_apart(a, b):
            # "one person dead" where "the gunman was also killed", beside "two dead":
            # the tolls may differ by him alone; enough to agree, no more
            strong_thing = False
            evidence.append("the one who did it died: the tolls may differ by him alone")
        if roles_a != roles_b and not (_none_at_all(a, roles_a) or _none_at_all(b, roles_b)):
            # "16 civilians" among "19 people", "three soldiers" among "dozens": maybe a
            # part, maybe the same people; enough to agree, not to contradict. But "no
            # arrests" of anyone excludes four demonstrators arrested: nothing has a part
            score -= 1
            strong_thing = False
    if _values_overlap(a, b):
        score += 0.5
    authorities = (_authority(a), _authority(b))
    if all(authorities) and authorities[0] == authorities[1]:
        score += 0.5
        evidence.append(f"the same authority ({authorities[0]})")
    elif all(authorities):
        score -= 0.25
        evidence.append(f"different authorities ({authorities[0]} / {authorities[1]})")
    if isinstance(a, QuantityClaim) and (a.value.dimension != "count" or
                                         a.about.attribute == GENERIC):
        # a measurement or a count of things with no class ("32 cases", "30 feet") is
        # judged only with explicit evidence of one event: the story alone is not enough
        strong_event = explicit
    strong_value = True
    if isinstance(a, DateClaim | LocationClaim) and (_several(ea) or _several(eb)):
        # "the shootings in Tulsa": the date or place of several incidents, or of some of
        # them; enough to agree, never to contradict
        strong_value = False
        evidence.append("of several incidents")
    if isinstance(a, DateClaim) and isinstance(b, DateClaim) and _anchored_apart(a, b):
        # "Sunday" in two reports published days apart: each was read against its own
        # publication date, so a difference may be the dates', not the texts'
        strong_value = False
        evidence.append("dates read against different publication dates")
    return Link(score=score, evidence=tuple(evidence),
                strong=strong_event and strong_thing and strong_value,
                explicit=explicit and strong_thing)


def _several(event: Event | None) -> bool:
    return event is not None and event.several


def _a_rest(counted: Counted) -> bool:
    """Whether a count is of people beyond some already counted ("three others", "the
    remaining three")."""
    return REST in counted.facets or REMAINING in counted.facets


def beginning_of(claim: Claim, story: Story) -> str | None:
    """The event noun whose beginning a date states ("the offensive that began on
    Wednesday"; not a count's "since Wednesday"), when it is not about another event:
    an event begins once, so two such dates of one noun date one beginning."""
    if not isinstance(claim, DateClaim) or claim.about.attribute != "start_date" or \
            claim.value.extent != "at":
        return None
    event = event_of(claim)
    if event is None or event.of_count or not event.head:
        return None
    return event.head if story.other_event(claim) is None else None


_NONE_AT_ALL = re.compile(r"no\s+(?!one\b|body\b|other\b)[a-z]+", re.IGNORECASE)


def _none_at_all(claim: Claim, roles: set[str]) -> bool:
    """Whether a count says that none at all was counted, in the plain form "no
    arrests", "no deaths" (no role named). "None of the students", "no one else staying
    there" speak of some people only."""
    if roles or not isinstance(claim, QuantityClaim):
        return False
    interval = claim.value.interval
    return interval.low == 0 and interval.high == 0 and \
        _NONE_AT_ALL.fullmatch(claim.text.strip()) is not None


_RELATIVE_RULES = frozenset({"weekday", "relative"})


def _anchored_apart(a: DateClaim, b: DateClaim) -> bool:
    """Whether two dates that do not overlap may differ only because each was read
    against its own source's date: one is relative ("Sunday", "yesterday") and the
    sources' dates differ, or one took its year from its source's date and the two
    sources' years differ."""
    first, second = a.value, b.value
    if first.anchor is None or second.anchor is None or first.anchor == second.anchor:
        return False
    relative = first.rule in _RELATIVE_RULES or second.rule in _RELATIVE_RULES or (
        "year_from_anchor" in (first.rule, second.rule) and
        first.anchor.year != second.anchor.year)
    return relative and far_apart(first.range, second.range, days=0)


def exclusion(a: Claim, b: Claim, story: Story) -> str | None:
    """The hard reason two claims cannot state one fact, or None: ``compatibility``'s
    ``excluded``, for a caller that needs no score nor evidence. Each reason is also a
    facet of ``exclusion_index``, which skips groups by them: tests hold the two alike."""
    why = _other_events(a, b, story)
    if why is not None:
        return why
    if {a.about.window, b.about.window} == {"day", "total"} and not _values_overlap(a, b):
        # "97 on Friday" and "300 since it began": a day's figure and a running total;
        # the same figure in both is no sign of two slots
        return "counted over different times (one day's / a total so far)"
    ca, cb = a.about.counted, b.about.counted
    if ca is not None and cb is not None:
        why = same_counted(ca, cb)
        if why is not None:
            return why
    na, nb = event_of(a), event_of(b)
    if na is not None and nb is not None and na.names and nb.names and \
            not set(na.names) & set(nb.names):
        return "two named events"
    if na is not None and nb is not None and na.countries and nb.countries and \
            not set(na.countries) & set(nb.countries) and not isinstance(a, LocationClaim):
        return "events in different countries"
    dates = [d for d in (_date_of(a), _date_of(b))]
    if dates[0] is not None and dates[1] is not None and far_apart(dates[0], dates[1]):
        return "far apart in time"
    if _places_disjoint(_places(a), _places(b)):
        return "in places that exclude each other"
    named_alike = na is not None and nb is not None and bool(set(na.names) & set(nb.names))
    if a.source != b.source and not named_alike and not isinstance(a, LocationClaim):
        # a claim with no place of its own happened where its source reports from
        where_a = _places(a) or _lead_place(story, a.source)
        where_b = _places(b) or _lead_place(story, b.source)
        if _places_disjoint(where_a, where_b):
            return (f"reported from places that exclude each other ({where_a[0].name} / "
                    f"{where_b[0].name})")
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        why = _dates_of_other_times(a, b, story)
        if why is not None:
            return why
    if a.source == b.source and _disagree(a, b):
        return "one source states both figures"
    return None


def _other_events(a: Claim, b: Claim, story: Story) -> str | None:
    """Why two claims are not about one event: one is the story's main event's and the
    other is not, or both are of other events shown to differ, or of other events one
    of which is marked as such ("the last war") and not shown to be the other's."""
    past_a, past_b = story.past_event(a), story.past_event(b)
    if past_a is not None and past_b is not None:  # the claims of ``past_key``'s blocks
        return None if past_a.same_as(past_b) else "about two other events"
    other_a, other_b = story.other_event(a), story.other_event(b)
    if other_a is None and other_b is None:
        return None
    if other_a is None or other_b is None:
        return "one is about another event: " + (other_a or other_b or "")
    seen_a, seen_b = story.other_event_evidence(a), story.other_event_evidence(b)
    if seen_a is not None and seen_b is not None:
        return None if seen_a.same_as(seen_b) else "about two other events"
    if _distinct(a) or _distinct(b):
        return "one is marked as another event"
    return None


def _distinct(claim: Claim) -> bool:
    event = claim.about.event
    return event is not None and event.distinct


def _dates_of_other_times(a: DateClaim, b: DateClaim, story: Story) -> str | None:
    """Two dates that cannot date one event: one names its event and is far from the
    other, or one is far from its source's time ("in 1991" in this week's report: the
    date of a past event, mentioned as background) while the other is not, or both are
    far from their sources' time and far apart from each other."""
    if (a.about.identifying or b.about.identifying) and \
            far_apart(a.value.range, b.value.range):
        return "a date that names its event, far from the other"
    far_a, far_b = _far_from_source(a, story), _far_from_source(b, story)
    if far_a != far_b:
        return "one dates another time than its source's"
    if far_a and far_b and far_apart(a.value.range, b.value.range):
        return "two dates of past events, far apart"
    return None


def _far_from_source(claim: DateClaim, story: Story) -> bool:
    anchor = story.dates.get(claim.source)
    return anchor is not None and claim.value.range.resolved and \
        far_apart(claim.value.range, day_range(anchor), days=FAR_DAYS)


def _shared_country(a: Event, b: Event) -> bool:
    """A country one event is placed in, and the other too or its article is about."""
    return bool(set(a.countries) & ({*b.countries, b.context_country} - {None}) or
                set(b.countries) & ({*a.countries, a.context_country} - {None}))


def _date_of(claim: Claim) -> DateRange | None:
    if isinstance(claim, DateClaim):
        return None  # a date claim's own value is what is compared, not evidence
    event = claim.about.event
    return event.date if event is not None else None


def _places(claim: Claim) -> tuple[Place, ...]:
    if isinstance(claim, LocationClaim):
        return ()
    event = claim.about.event
    return event.places if event is not None else ()


def _lead_place(story: Story, source: str) -> tuple[Place, ...]:
    place = story.places.get(source)
    return (place,) if place is not None else ()


def _places_disjoint(a: Sequence[Place], b: Sequence[Place]) -> bool:
    return bool(a and b) and all(relate(x, y) is PlaceRelation.DISJOINT for x in a for y in b)


def _shared_place(a: Claim, b: Claim) -> str | None:
    for x in _places(a):
        for y in _places(b):
            if relate(x, y) in (PlaceRelation.SAME, PlaceRelation.CONTAINS,
                                PlaceRelation.WITHIN, PlaceRelation.NEAR):
                return x.name
    return None


def _effective(claim: QuantityClaim) -> Interval:
    value = claim.value
    qualifier = Qualifier.ABOUT if value.approximate and value.qualifier is Qualifier.EXACT \
        else value.qualifier
    return effective_interval(value.interval, qualifier, _SELF_TOLERANCE)


def _same_unit(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Counts of one block count the same thing whatever their noun; amounts need one unit."""
    if a.value.dimension == "count" and b.value.dimension == "count":
        return True
    return a.value.unit == b.value.unit


def _values_overlap(a: Claim, b: Claim) -> bool:
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim) and _same_unit(a, b):
        return _effective(a).overlaps(_effective(b))
    return False


def _one_apart(a: Claim, b: Claim) -> bool:
    """Whether two counts overlap once one of them counts one person more or less."""
    if not (isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim) and
            _same_unit(a, b)):
        return False
    first = _effective(a)
    widened = first.model_copy(update={
        "low": None if first.low is None else first.low - 1,
        "high": None if first.high is None else first.high + 1})
    return widened.overlaps(_effective(b))


def _disagree(a: Claim, b: Claim) -> bool:
    """Whether one source's two claims state incompatible figures (two slots, then)."""
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        return _same_unit(a, b) and not _effective(a).overlaps(_effective(b))
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        return far_apart(a.value.range, b.value.range, days=SELF_DISAGREE_DAYS)
    return False


def _authority(claim: Claim) -> str:
    return _authority_of(claim.about.attribution)


@lru_cache(maxsize=4096)
def _authority_of(attribution: str | None) -> str:
    """Whose figure, as compared: pairs of claims ask again and again of a few names."""
    from claimcheck.link import attribution_key

    return " ".join(sorted(attribution_key(attribution)))


def profile(claim: Claim, story: Story) -> Hashable:
    """All that ``compatibility`` reads of one claim but its value and its source's
    identity: its kind and units, what it is about, the story's evidence that it is
    about another event, and its source's lead place. Two claims of equal profiles,
    paired alike (one source or two, values related alike), link alike: grouping
    computes one link per such pair. Anything ``compatibility`` or ``exclusion`` comes
    to read of a claim belongs here or in ``value_relation``."""
    units = (claim.value.dimension, claim.value.unit) if isinstance(claim, QuantityClaim) \
        else None
    # a date: how it was read (relative to its source's date or not, against a date at
    # all), whether it is far from its source's time, and how it bounds the time ("at",
    # "since"); the date it was read against is its value's (``value_relation``)
    reading = (claim.value.rule, claim.value.anchor is None,
               _far_from_source(claim, story), claim.value.extent) \
        if isinstance(claim, DateClaim) else None
    return (claim.kind, units, claim.about, story.other_event(claim),
            story.other_event_evidence(claim), _lead_place(story, claim.source), reading,
            story.past_event(claim))


def score_profile(claim: Claim, story: Story) -> Hashable:
    """``profile`` less what only words a link's evidence: the event's phrase as
    written, the slot's wording, the attribution as written (its authority key is what
    is scored) and which other event the story sees (only whether it sees one); plus
    whether a count says that none at all was counted ("no arrests"), which is read
    from the claim's text. Pairs alike in these, in sharing and in values are alike in
    exclusion, score and strength: grouping scores one pair of each."""
    full = profile(claim, story)
    assert isinstance(full, tuple)
    kind, units, about, other, *rest = full  # the about and the other event replaced
    assert isinstance(about, About)
    event = about.event
    plain = about.model_copy(update={
        "slot": "", "attribution": _authority_of(about.attribution),
        "event": event.model_copy(update={"text": ""}) if event is not None else None})
    return (kind, units, plain, other is None, *rest, _none_at_all(claim, set()))


def value_key(claim: Claim) -> Hashable:
    """A claim's value as far as ``value_relation`` reads it (equal keys relate alike)."""
    if isinstance(claim, QuantityClaim):
        return (claim.value.dimension, claim.value.unit, _effective(claim))
    if isinstance(claim, DateClaim):
        return (claim.value.range, claim.value.anchor)
    return None


def value_relation(a: Claim, b: Claim) -> Hashable:
    """How the values of two claims relate, as ``compatibility`` reads them: whether
    they overlap (also when one counts one more), whether one source stating both would
    disagree with itself, whether
    two dates are far apart, and whether they were read against one date, or dates of
    one year. Symmetric."""
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        disjoint = far_apart(a.value.range, b.value.range, days=0)
        anchors = anchors_relation(a.value.anchor, b.value.anchor)
        if not _disagree(a, b):  # within a day: then not far apart either
            return (False, False, disjoint, anchors)
        return (far_apart(a.value.range, b.value.range), True, disjoint, anchors)
    return (_values_overlap(a, b), _disagree(a, b), _one_apart(a, b))


def anchors_relation(a: date | None, b: date | None) -> tuple[bool, bool] | None:
    """Whether two dates were read against the same date, and one of the same year
    (as ``_anchored_apart`` reads them); None when one was read against none."""
    if a is None or b is None:
        return None
    return (a == b, a.year == b.year)
