"""Which groups of a block a claim may join, found without scoring the others.

Most groups a claim meets exclude it, for one of a few hard reasons of
``matching.exclusion`` (another event, another subgroup, two named events, other
countries, far apart in time, disjoint places, places reported from that exclude each
other, a date far from its source's time), or, where only strong links join, because no
member of another source shares any explicit evidence with it. Each such reason is a
*facet*: a key per claim (read through the helpers ``exclusion`` itself reads) and the
helper's verdict on two keys, ``conflict``. A member whose key conflicts with a claim's
excludes it, so a group holding one can be skipped unscored.

To find the groups whose keys do not conflict without testing every key, each key has
labels: ``probe`` labels to look up with and ``store`` labels to be found under (None:
found by and finding every key). The law every facet keeps, and the tests hold it to:
two keys that do not conflict meet, the probe of either sharing a label with the store
of the other. Keys that do not meet are then certainly in conflict; keys that meet are
compared with the helper itself. A claim is scored only against the groups that, for
every facet, have no keyed member, or a member whose key does not conflict with its
own, or a member for which the facet's reason does not hold (one of its own source, a
shared event name): a superset of the groups it can join, so the groups are the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from claimcheck.main_event import Story, event_of
from claimcheck.matching import (
    SELF_DISAGREE_DAYS,
    _date_of,
    _effective,
    _far_from_source,
    _lead_place,
    _places,
    _places_disjoint,
    beginning_of,
)
from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim
from claimcheck.model.counted import Counted, same_counted
from claimcheck.model.dates import DateRange, far_apart
from claimcheck.model.numbers import Interval
from claimcheck.model.places import NEIGHBOUR_KM, Place, PlaceLevel

Labels = frozenset[Hashable]
# a key's labels: (probe, store); None for a key that meets every other
Labelled = tuple[Labels, Labels] | None


@dataclass(frozen=True)
class Facet:
    """One hard reason two claims cannot state one fact, as keys of single claims."""

    name: str
    key: Callable[[Claim, Story], Hashable | None]  # None: the reason says nothing of it
    conflict: Callable[[Hashable, Hashable], bool]  # the reason holds for two keys
    labels: Callable[[Hashable, _Block], Labelled]
    other_sources_only: bool = False  # the reason holds only between two sources
    same_source_only: bool = False  # the reason holds only within one source
    unless_named_alike: bool = False  # ... and not for events that share a name
    free: Callable[[Hashable], bool] | None = None  # keys of which two never conflict


# -- the facets ---------------------------------------------------------------------


_MAIN = ("main",)


def _other_event(claim: Claim, story: Story) -> Hashable:
    """As ``_other_events``: the story's main event, or another (marked as such or not,
    with the evidence of which one); and the past event the story shows it is of."""
    past = story.past_event(claim)
    if story.other_event(claim) is None:
        return (_MAIN, past)
    event = claim.about.event
    return (("other", event is not None and event.distinct, story.other_event_evidence(claim)),
            past)


def _other_events_conflict(a: Hashable, b: Hashable) -> bool:
    assert isinstance(a, tuple) and isinstance(b, tuple)
    (event_a, past_a), (event_b, past_b) = a, b
    if past_a is not None and past_b is not None:
        return not past_a.same_as(past_b)
    if event_a == _MAIN or event_b == _MAIN:
        return bool(event_a != event_b)
    seen_a, seen_b = event_a[2], event_b[2]
    if seen_a is not None and seen_b is not None:
        return not seen_a.same_as(seen_b)
    return bool(event_a[1] or event_b[1])


def _main_or_other(key: Hashable) -> Labelled:
    """The main event's claims meet one another, other events' one another, and claims
    of past events one another."""
    assert isinstance(key, tuple)
    label = frozenset({key[0] == _MAIN, *(("past",) if key[1] is not None else ())})
    return label, label


def _counted(claim: Claim, story: Story) -> Hashable | None:
    return claim.about.counted


def _names(claim: Claim, story: Story) -> Hashable | None:
    event = event_of(claim)
    return frozenset(event.names) if event is not None and event.names else None


def _countries(claim: Claim, story: Story) -> Hashable | None:
    event = event_of(claim)
    if event is None or not event.countries or isinstance(claim, LocationClaim):
        return None
    return frozenset(event.countries)


def _event_date(claim: Claim, story: Story) -> Hashable | None:
    return _date_of(claim)


def _own_places(claim: Claim, story: Story) -> Hashable | None:
    return _places(claim) or None


def _where(claim: Claim, story: Story) -> Hashable | None:
    if isinstance(claim, LocationClaim):
        return None
    return _places(claim) or _lead_place(story, claim.source) or None


def _far_from_its_source(claim: Claim, story: Story) -> Hashable | None:
    return _far_from_source(claim, story) if isinstance(claim, DateClaim) else None


def _named_date(claim: Claim, story: Story) -> Hashable | None:
    if not isinstance(claim, DateClaim):
        return None
    return claim.about.identifying, claim.value.range


def _past_date(claim: Claim, story: Story) -> Hashable | None:
    """A date far from its source's time: two such far apart date two past events."""
    if not isinstance(claim, DateClaim) or not _far_from_source(claim, story):
        return None
    return claim.value.range


def _named_far(a: Hashable, b: Hashable) -> bool:
    """As ``_dates_of_other_times``: one of two dates names its event, far from the other."""
    assert isinstance(a, tuple) and isinstance(b, tuple)
    return bool(a[0] or b[0]) and far_apart(a[1], b[1])


def _named_date_labels(key: Hashable) -> Labelled:
    """Dates meet the dates near them (two that do not name their events are free)."""
    return date_labels(key[1])  # type: ignore[index]


def _not_naming(key: Hashable) -> bool:
    return not key[0]  # type: ignore[index]


def _own_figure(claim: Claim, story: Story) -> Hashable | None:
    """A figure as ``_disagree`` compares one source's two: amounts by unit (every count
    alike) and effective interval, dates by their days."""
    if isinstance(claim, QuantityClaim):
        value = claim.value
        unit = "count" if value.dimension == "count" else ("unit", value.unit)
        return ("amount", unit, _effective(claim))
    if isinstance(claim, DateClaim):
        return ("date", claim.value.range)
    return None


def _figures_disagree(a: Hashable, b: Hashable) -> bool:
    assert isinstance(a, tuple) and isinstance(b, tuple)
    if a[0] != b[0]:
        return False
    if a[0] == "date":
        return far_apart(a[1], b[1], days=SELF_DISAGREE_DAYS)
    return bool(a[1] == b[1] and not a[2].overlaps(b[2]))



def _figure_labels(key: Hashable, block: _Block) -> Labelled:
    """Dates meet the dates near them, amounts those of their unit sharing a stretch of
    the number line (and of every other unit: figures of two units never disagree).

    A single number overlaps another only where the two are equal, so it meets the
    other single numbers by its value, not by its stretch: a text of thousands of
    distinct figures (a list, number words) would otherwise test each against every
    figure of its magnitude. Ranges still meet single numbers by stretch, both ways."""
    assert isinstance(key, tuple)
    if key[0] == "date":
        found = date_labels(key[1])
        return None if found is None else (found[0] | {"amounts"}, found[1] | {"dates"})
    _, unit, interval = key
    stretches = _stretches(interval)
    if stretches is None:
        return None
    others = {("unit", u) for u in block.units if u != unit}
    if _single(interval):
        spans = {("amount", unit, n) for n in stretches}  # the ranges reaching it
        own = ("number", unit, interval.low)
        return (frozenset({*spans, own, *others, "dates"}),
                frozenset({own, ("number in", unit, stretches[1]), ("unit", unit),
                           "amounts"}))
    spans = {("amount", unit, n) for n in stretches}
    numbers = {("number in", unit, n) for n in stretches}  # the single numbers in it
    return (frozenset({*spans, *numbers, *others, "dates"}),
            frozenset({*spans, ("unit", unit), "amounts"}))


def _single(interval: Interval) -> bool:
    """A closed interval of one number."""
    return interval.low is not None and interval.low == interval.high and \
        interval.low_inclusive and interval.high_inclusive


_STEPS = 16  # stretches per doubling of a number


def _stretches(interval: Interval) -> range | None:
    """The stretches of the number line (by magnitude, a sixteenth of a doubling each,
    and one more on each side) an interval reaches; None when it is unbounded or
    reaches too many."""
    if interval.low is None or interval.high is None:
        return None
    low, high = _stretch(interval.low), _stretch(interval.high)
    if low is None or high is None or high - low > 64:
        return None
    return range(low - 1, high + 2)


def _stretch(number: Decimal) -> int | None:
    value = float(number)
    if not math.isfinite(value):
        return None
    if abs(value) < 2.0 ** -32:
        return 0
    step = math.floor(math.log2(abs(value)) * _STEPS) + 33 * _STEPS
    return step if value > 0 else -step


def _alike(key: Hashable) -> Labelled:
    return frozenset({key}), frozenset({key})


def _by_counted(key: Hashable) -> Labelled:
    assert isinstance(key, Counted)
    kind = frozenset({(key.category, key.subgroup)}) if key.category is not None \
        else frozenset()  # what is counted is unknown: it conflicts with every count
    return kind, kind


def _by_members(key: Hashable) -> Labelled:
    assert isinstance(key, frozenset)
    return key, key


def _counted_conflict(a: Hashable, b: Hashable) -> bool:
    return same_counted(a, b) is not None  # type: ignore[arg-type]


def _dates_conflict(a: Hashable, b: Hashable) -> bool:
    return far_apart(a, b)  # type: ignore[arg-type]


def _places_conflict(a: Hashable, b: Hashable) -> bool:
    return _places_disjoint(a, b)  # type: ignore[arg-type]


def _disjoint_sets(a: Hashable, b: Hashable) -> bool:
    return not a & b  # type: ignore[operator]


def _differ(a: Hashable, b: Hashable) -> bool:
    return a != b


def _ignore_places(labels: Callable[[Hashable], Labelled]) -> Callable[
        [Hashable, _Block], Labelled]:
    return lambda key, block: labels(key)


FACETS: tuple[Facet, ...] = (
    Facet("other event", _other_event, _other_events_conflict,
          _ignore_places(_main_or_other)),
    Facet("counted", _counted, _counted_conflict, _ignore_places(_by_counted)),
    Facet("names", _names, _disjoint_sets, _ignore_places(_by_members)),
    Facet("countries", _countries, _disjoint_sets, _ignore_places(_by_members)),
    Facet("event date", _event_date, _dates_conflict,
          _ignore_places(lambda key: date_labels(key))),  # type: ignore[arg-type]
    Facet("places", _own_places, _places_conflict,
          lambda key, block: block.places.labels(key)),  # type: ignore[arg-type]
    Facet("reported from", _where, _places_conflict,
          lambda key, block: block.places.labels(key),  # type: ignore[arg-type]
          other_sources_only=True, unless_named_alike=True),
    Facet("far from its source", _far_from_its_source, _differ, _ignore_places(_alike)),
    Facet("date naming its event", _named_date, _named_far,
          _ignore_places(_named_date_labels), free=_not_naming),
    Facet("dates of past events", _past_date, _dates_conflict,
          _ignore_places(lambda key: date_labels(key))),  # type: ignore[arg-type]
    Facet("one source's two figures", _own_figure, _figures_disagree, _figure_labels,
          same_source_only=True),
)


_FINE = frozenset({"day", "week", "part_of_month"})


def _explicit_evidence(claim: Claim, story: Story) -> Hashable | None:
    """What ``compatibility``'s explicit evidence of one event can rest on: a place of
    the event (or one containing it), and, for a named event, its names, a day of it,
    or the event noun with a detail, a country, its date or the figure it is dated by,
    or the noun whose beginning a date states.
    Labelled so that only tokens two explicitly linked claims share meet; the area
    around a place, shared by distance, meets every claim."""
    tokens: set[tuple[str, Hashable]] = set()
    for place in _places(claim):
        if place.around:
            return None
        if place.resolved:
            tokens.add(("place", place.id))
            tokens.update(("within", p) for p in place.chain)
    event = event_of(claim)
    if event is not None:
        head = event.head
        tokens.update(("name", n) for n in event.names)
        tokens.update(("detail", (head, m)) for m in event.modifiers)
        tokens.update(("country", (head, c)) for c in event.countries)
        if event.context_country is not None:
            tokens.add(("context", (head, event.context_country)))
        if event.counted_figure is not None:
            tokens.add(("figure", (head, event.counted_figure)))
        when = _date_of(claim)
        if when is not None:
            tokens.add(("date", (head, when)))
            if when.granularity.value in _FINE:
                tokens.add(("day", when))
    if isinstance(claim, DateClaim) and story.past_event(claim) is not None:
        tokens.add(("past", None))  # dates of another event meet by their overlap
    began = beginning_of(claim, story)
    if began is not None:
        tokens.add(("began", began))
        tokens.add(("began", None))  # a beginning of another noun may be the same
    return frozenset(tokens)


@lru_cache(maxsize=1 << 16)
def _evidence_labels(key: Hashable) -> Labelled:
    """A place meets itself and the places within it; a country the same country, or
    the country the other's article is about."""
    assert isinstance(key, frozenset)
    probe: set[Hashable] = set()
    store: set[Hashable] = set()
    for kind, token in key:
        if kind == "place":
            probe.update((("place", token), ("within", token)))
            store.add(("place", token))
        elif kind == "within":
            probe.add(("place", token))
            store.add(("within", token))
        elif kind == "country":
            probe.update((("country", token), ("context", token)))
            store.update((("country", token), ("context", token)))
        elif kind == "context":
            probe.add(("country", token))
            store.add(("context", token))
        else:
            probe.add((kind, token))
            store.add((kind, token))
    return frozenset(probe), frozenset(store)


def _evidence_apart(a: Hashable, b: Hashable) -> bool:
    labels_a, labels_b = _evidence_labels(a), _evidence_labels(b)
    assert labels_a is not None and labels_b is not None
    return labels_a[0].isdisjoint(labels_b[1])


# where only strong links join, a member of another source that shares no explicit
# evidence with a claim keeps it out
EXPLICIT = Facet("explicit evidence", _explicit_evidence, _evidence_apart,
                 _ignore_places(_evidence_labels), other_sources_only=True)


# -- labels of dates and places -----------------------------------------------------

_DAYS = 64  # a label per 64 days; a date meets the dates within 31 days of it
_WIDEN = 16
_MAX_DAY_LABELS = 64


def date_labels(when: DateRange) -> Labelled:
    """Labels by which dates that are not ``far_apart`` meet: resolved dates by the
    64-day spans they reach (widened by 16 days on each side, so two dates at most 31
    days apart share one), and a resolved and a partial date by the year both state."""
    if when.resolved:
        assert when.start is not None and when.end is not None
        first = (when.start.toordinal() - _WIDEN) // _DAYS
        last = (when.end.toordinal() + _WIDEN) // _DAYS
        if last - first >= _MAX_DAY_LABELS:
            return None
        spans = {("days", n) for n in range(first, last + 1)}
        year = when.year
        probe = {*spans, ("partial year", year) if year is not None else ("any partial",)}
        store = {*spans, ("resolved year", year) if year is not None else ("any resolved",)}
        return frozenset(probe), frozenset(store)
    if when.year is None:
        return None  # far from no date
    return (frozenset({("resolved year", when.year), ("any resolved",),
                       ("partial year", when.year)}),
            frozenset({("partial year", when.year), ("any partial",)}))


_CELL_KM = 50.0  # wider than NEIGHBOUR_KM: towns near enough to overlap share a cell
_EARTH_KM = 6371.0
_NEIGHBOURS = tuple((x, y, z) for x in (-1, 0, 1) for y in (-1, 0, 1) for z in (-1, 0, 1))
assert _CELL_KM > NEIGHBOUR_KM


@dataclass
class _Places:
    """Labels of tuples of places, by which places that are not disjoint
    (``places.relate``) meet: the same place or one in the other's chain, any two places
    of one country where one is not a town, two towns near enough to be one another's
    by their cells on the globe. Places of other countries never meet, but only where
    no place of the block ties them (the same id, or a chain, across a border), no
    place is the area around another (disjoint only by distance), and every side is
    resolved with a country: otherwise the tuple meets every other."""

    unclean: set[str | None] = field(default_factory=set)
    _labels: dict[tuple[Place, ...], Labelled] = field(default_factory=dict)

    @classmethod
    def of(cls, places: Iterable[Place]) -> _Places:
        seen = set(places)
        countries: dict[str | None, set[str | None]] = {}
        for place in seen:
            countries.setdefault(place.id, set()).add(place.country)
            for parent in place.chain:
                countries.setdefault(parent, set()).add(place.country)
        unclean = {pid for pid, found in countries.items() if len(found) > 1}
        return cls(unclean={None, *unclean})

    def labels(self, places: tuple[Place, ...]) -> Labelled:
        found = self._labels.get(places, ())
        if found == ():
            found = self._labels[places] = self._labelled(places)
        return found  # type: ignore[return-value]

    def _labelled(self, places: tuple[Place, ...]) -> Labelled:
        probe: set[Hashable] = set()
        store: set[Hashable] = set()
        for place in places:
            if place.around or place.country is None or place.id in self.unclean:
                return None
            country = place.country
            store.add(("place", place.id))
            probe.add(("place", place.id))
            probe.update(("place", parent) for parent in place.chain)
            store.update(("under", parent) for parent in place.chain)
            probe.add(("under", place.id))
            store.add(("in", country))
            if place.is_point and place.level is not PlaceLevel.COUNTRY:
                cell = _cell(place)
                store.add(("cell", cell))
                probe.update(("cell", tuple(c + d for c, d in zip(cell, step, strict=True)))
                             for step in _NEIGHBOURS)
                probe.add(("broad", country))
            else:
                store.add(("broad", country))
                probe.add(("in", country))
        return frozenset(probe), frozenset(store)


def _cell(place: Place) -> tuple[int, int, int]:
    """The cube of ``_CELL_KM`` a town's point on the globe falls in: the straight line
    between two points is never longer than the way round the globe."""
    assert place.latitude is not None and place.longitude is not None
    lat, lon = math.radians(place.latitude), math.radians(place.longitude)
    x = _EARTH_KM * math.cos(lat) * math.cos(lon)
    y = _EARTH_KM * math.cos(lat) * math.sin(lon)
    z = _EARTH_KM * math.sin(lat)
    return (math.floor(x / _CELL_KM), math.floor(y / _CELL_KM), math.floor(z / _CELL_KM))


@dataclass
class _Block:
    """What labels read of the whole block: its places, its figures' units."""

    places: _Places
    units: frozenset[Hashable]

    @classmethod
    def of(cls, claims: Sequence[Claim], story: Story) -> _Block:
        units = {key[1] for c in claims
                 if isinstance(key := _own_figure(c, story), tuple) and key[0] == "amount"}
        return cls(places=_Places.of(_block_places(claims, story)), units=frozenset(units))


# -- the index ----------------------------------------------------------------------


class _FacetIndex:
    """One facet's keys of a block, and the keys of each group's members."""

    def __init__(self, facet: Facet, claims: Sequence[Claim], story: Story,
                 block: _Block) -> None:
        self.facet = facet
        ids: dict[Hashable, int] = {}
        self.key: list[int] = []  # claim → key number, -1: no key
        for claim in claims:
            key = facet.key(claim, story)
            self.key.append(-1 if key is None else ids.setdefault(key, len(ids)))
        self.keys = list(ids)
        self._labels = [facet.labels(key, block) for key in self.keys]
        self._stored: dict[Hashable, list[int]] = {}
        self._everywhere: list[int] = []  # keys found by every probe
        for number, labelled in enumerate(self._labels):
            if labelled is None:
                self._everywhere.append(number)
                continue
            for label in labelled[1]:
                self._stored.setdefault(label, []).append(number)
        free = facet.free
        self.free = [free is not None and free(key) for key in self.keys]
        self._compatible: dict[int, frozenset[int]] = {}
        self.groups: list[set[int]] = [set() for _ in self.keys]  # key → groups
        self.free_groups: set[int] = set()  # groups holding a free key
        # group → the keys of its members → their sources
        self.group_keys: dict[int, dict[int, set[str]]] = {}
        self.unkeyed: set[int] = set()  # groups with no keyed member

    def meets_all(self, key: int) -> bool:
        return self._labels[key] is None

    def compatible(self, key: int) -> frozenset[int]:
        """The keys that do not conflict with ``key``."""
        found = self._compatible.get(key)
        if found is not None:
            return found
        labelled = self._labels[key]
        if labelled is None:
            met: Iterable[int] = range(len(self.keys))
        else:
            near = set(self._everywhere)
            for label in labelled[0]:
                near.update(self._stored.get(label, ()))
            met = near
        mine, keys, free = self.keys[key], self.keys, self.free
        conflict = self.facet.conflict
        if free[key]:
            met = [k for k in met if not free[k]]  # free keys are compatible by themselves
        found = self._compatible[key] = frozenset(
            k for k in met if not conflict(mine, keys[k]))
        return found

    def add(self, i: int, group: int, source: str) -> None:
        key = self.key[i]
        keys = self.group_keys.get(group)
        if keys is None:
            keys = self.group_keys[group] = {}
            self.unkeyed.add(group)
        if key < 0:
            return
        keys.setdefault(key, set()).add(source)
        self.unkeyed.discard(group)
        self.groups[key].add(group)
        if self.free[key]:
            self.free_groups.add(group)

    def admits(self, group: int, compatible: frozenset[int], free_probe: bool,
               source: str) -> bool:
        """Whether no member of ``group`` has a key in conflict (for a facet of two
        sources, none of another source than ``source``)."""
        keys, free = self.group_keys[group], self.free
        if self.facet.other_sources_only:
            return all(k in compatible or (free[k] and free_probe) or sources == {source}
                       for k, sources in keys.items())
        if self.facet.same_source_only:
            return all(k in compatible or source not in sources for k, sources in keys.items())
        return all(k in compatible or (free[k] and free_probe) for k in keys)


class GroupIndex:
    """For each claim of a block, the groups it may join: those no facet rules out."""

    def __init__(self, claims: Sequence[Claim], story: Story,
                 require_strong: bool = False) -> None:
        block = _Block.of(claims, story)
        facets = (*FACETS, EXPLICIT) if require_strong else FACETS
        self.facets = [_FacetIndex(f, claims, story, block) for f in facets]
        self.source = [c.source for c in claims]
        self.names: list[frozenset[str]] = [
            _names(c, story) or frozenset() for c in claims]  # type: ignore[misc]
        self.by_source: dict[str, set[int]] = {}  # source → groups with a member of it
        self.sources_of: dict[int, set[str]] = {}  # group → its members' sources
        self.solely: dict[str, set[int]] = {}  # source → groups of its members only
        self.by_name: dict[str, set[int]] = {}

    def add(self, i: int, group: int) -> None:
        source = self.source[i]
        for index in self.facets:
            index.add(i, group, source)
        self.by_source.setdefault(source, set()).add(group)
        sources = self.sources_of.setdefault(group, set())
        if not sources:
            self.solely.setdefault(source, set()).add(group)
        elif len(sources) == 1 and source not in sources:
            self.solely[next(iter(sources))].discard(group)
        sources.add(source)
        for name in self.names[i]:
            self.by_name.setdefault(name, set()).add(group)

    def candidates(self, i: int, groups: int) -> Iterable[int]:
        """The groups, in order, that claim ``i`` is not certainly excluded from."""
        if groups == 0:
            return ()
        source = self.source[i]
        own = self.by_source.get(source, set())
        solely = self.solely.get(source, set())
        named = set().union(*(self.by_name.get(n, ()) for n in self.names[i]))
        # (size, facet, key, compatible keys, exempt groups; None: those with a member
        # of another source)
        tests: list[tuple[int, _FacetIndex, int, frozenset[int], set[int] | None]] = []
        for index in self.facets:
            key = index.key[i]
            if key < 0 or index.meets_all(key):
                continue  # a key that meets every other rules out few: not worth a test
            facet = index.facet
            if facet.same_source_only and not own:
                continue  # no group holds a member of its source: it rules out none
            compatible = index.compatible(key)
            # a facet of two sources says nothing of one source's members (nor of events
            # named alike, where it says so); one of one source, of the others'
            exempt: set[int] | None = set()
            if facet.other_sources_only:
                exempt = own | named if facet.unless_named_alike else own
            elif facet.same_source_only:
                exempt = None
            size = len(index.unkeyed) + (groups - len(solely) if exempt is None else
                                         len(exempt)) + sum(
                len(index.groups[k]) for k in compatible) + (
                len(index.free_groups) if index.free[key] else 0)
            tests.append((size, index, key, compatible, exempt))
        if not tests:
            return range(groups)
        tests.sort(key=lambda t: t[0])
        _, first, key, compatible, exempt = tests[0]
        found = first.unkeyed | (set(range(groups)) - solely if exempt is None else exempt)
        if first.free[key]:
            found |= first.free_groups
        for k in compatible:
            found |= first.groups[k]
        for _, index, key, compatible, _exempt in tests:
            if not found:
                break
            alike = named if index.facet.unless_named_alike else ()
            free = index.free[key]
            found = {g for g in found
                     if g in alike or index.admits(g, compatible, free, source)}
        return sorted(found)


def _block_places(claims: Sequence[Claim], story: Story) -> list[Place]:
    found: list[Place] = []
    for claim in claims:
        found.extend(_places(claim))
        found.extend(_lead_place(story, claim.source))
    return found
