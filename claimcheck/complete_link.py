"""Complete-link groups of one candidate block, in time near-linear in its claims.

Each claim, most specific first, joins the group whose members it fits best on average
(``matching.compatibility`` scores a pair; one hard exclusion forbids the group), or
starts its own. Done literally, every claim is scored against every member of every
group: a ``compatibility`` call per pair of claims, quadratic in the block.

Three facts make it cheap without changing a single group:

- a link depends only on what the two claims say, not on which claims they are: their
  profiles (``matching.profile``: kind, what they are about, the story's verdict on
  their event, their source's lead place), whether they share a source, and how their
  values relate (``matching.value_relation``). ``compatibility`` runs once per pair of
  profiles and relation, and is then looked up;
- members of one group with one profile whose values relate alike to a newcomer's are
  alike for it: a group keeps each profile's amounts in sorted lists of their bounds,
  so how many of them overlap the newcomer's (overall and of its own source) is two
  bisections, and other values as one *kind* per value (how many, from which sources).
  A claim is scored once per profile and relation, not once per member, even when one
  article states thousands of different figures of one kind. The group's mean is then
  a sum of counts times scores, computed in exact rationals, so it cannot depend on
  the order members joined;
- most groups a claim meets exclude it for a reason its key and a member's key show
  (another event, other places, dates far apart): ``exclusion_index.GroupIndex`` finds
  the groups no such reason rules out, and only those are scored.

``compatibility`` is symmetric in all but the wording of its evidence (a law the tests
hold it to), so a kind's score is the same whichever side of the newcomer its members
stand; evidence, which is worded in the order of the pair, is taken from the ordered link.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from claimcheck.exclusion_index import GroupIndex
from claimcheck.main_event import Story, event_of
from claimcheck.matching import (
    JOIN_SCORE,
    SELF_DISAGREE_DAYS,
    Link,
    anchors_relation,
    compatibility,
    profile,
    score_profile,
    value_key,
)
from claimcheck.model.claims import Claim
from claimcheck.model.dates import DateRange
from claimcheck.model.numbers import Interval

Exact = int | Fraction  # a score times ``SCALE``, exactly
SCALE = 1 << 16


def exact(score: float) -> Exact:
    """``score`` times ``SCALE`` without rounding: an int for the usual scores (halves,
    quarters), a Fraction for any other."""
    numerator, denominator = score.as_integer_ratio()
    if SCALE % denominator == 0:
        return numerator * (SCALE // denominator)
    return Fraction(numerator, denominator) * SCALE


@dataclass
class Cluster:
    members: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    weak: bool = False  # some member lacks the evidence a contradiction needs
    weak_members: list[int] = field(default_factory=list)  # those members
    tied: set[int] = field(default_factory=set)  # members that fit another group as well
    profiles: dict[int, _Profile] = field(default_factory=dict, repr=False)
    sources: set[int] = field(default_factory=set, repr=False)  # of its members
    excluder: int | None = field(default=None, repr=False)  # the profile that excluded last


@dataclass
class _Kind:
    """The members of a group with one profile and one value."""

    first: int  # the first of them to join
    count: int = 0
    by_source: dict[int, list[int]] = field(default_factory=dict)  # source → [count, member]
    other: int | None = None  # a member of another source than ``first``'s

    def add(self, member: int, source: int, first_source: int) -> None:
        self.count += 1
        entry = self.by_source.setdefault(source, [0, member])
        entry[0] += 1
        if self.other is None and source != first_source:
            self.other = member


_Bound = tuple[Decimal, int]  # a bound as a sortable key: the number, then how it ends


class _Amounts:
    """The amounts of members of one profile (and unit) in one group: how many of them
    overlap a given interval, in logarithmic time. Two non-empty intervals are disjoint
    when one lies wholly above the other; so the disjoint ones are counted by bisecting
    the sorted lower bounds (above) and upper bounds (below): with thousands of
    different figures in one group ("at least N" for many N), a newcomer is related to
    all of them without visiting each."""

    def __init__(self) -> None:
        self.members: list[int] = []  # in the order they joined
        self._lows: list[_Bound] = []  # of the non-empty intervals with a lower bound
        self._highs: list[_Bound] = []  # of the non-empty intervals with an upper bound
        self._empty = 0

    def add(self, member: int, interval: Interval) -> None:
        self.members.append(member)
        if interval.is_empty():
            self._empty += 1
            return
        if interval.low is not None:
            insort(self._lows, (interval.low, 0 if interval.low_inclusive else 1))
        if interval.high is not None:
            insort(self._highs, (interval.high, 1 if interval.high_inclusive else 0))

    def disjoint(self, interval: Interval) -> int:
        """How many members' intervals do not overlap ``interval`` (as ``overlaps``)."""
        if interval.is_empty():
            return len(self.members)
        above = below = 0
        if interval.high is not None:  # members starting past its upper end
            key = (interval.high, 0)
            lows = self._lows
            above = len(lows) - (bisect_right(lows, key) if interval.high_inclusive
                                 else bisect_left(lows, key))
        if interval.low is not None:  # members ending before its lower end
            key = (interval.low, 1)
            highs = self._highs
            below = bisect_left(highs, key) if interval.low_inclusive else \
                bisect_right(highs, key)
        return self._empty + above + below


_FEW = 6  # distinct amounts of a profile up to which each is scored on its own
# ``_Values.relation`` of two amounts of one unit: overlapping, one count apart, further
_OVERLAP, _ONE_APART, _FURTHER = (True, False, True), (False, True, True), (False, True, False)
_NEAR = (False, False, False)  # values that neither differ in time nor disagree
# the same as ``_Values.related`` numbers them
_OVERLAP_ID, _ONE_APART_ID, _FURTHER_ID, _NEAR_ID = range(4)


@dataclass
class _Profile:
    """The members of a group with one score profile: values that are no amounts as
    kinds; amounts as kinds too while they are few, and once there are many (one
    article's list of figures) counted by how they relate to a newcomer's (per unit,
    overall and per source)."""

    kinds: dict[int, _Kind] = field(default_factory=dict)  # value → its members
    amount_kinds: dict[int, _Kind] = field(default_factory=dict)  # the same, of amounts
    amounts: dict[tuple[bool, str | None], _Amounts] = field(default_factory=dict)
    by_source: dict[tuple[bool, str | None, int], _Amounts] = field(default_factory=dict)

    def add(self, links: _Links, member: int) -> None:
        value = links.value[member]
        amount = links.values.amount(value)
        kinds = self.kinds if amount is None else self.amount_kinds
        kind = kinds.get(value)
        if kind is None:
            kind = kinds[value] = _Kind(first=member)
        kind.add(member, links.source[member], links.source[kind.first])
        if amount is None:
            return
        is_count, unit, interval = amount
        self.amounts.setdefault((is_count, unit), _Amounts()).add(member, interval)
        self.by_source.setdefault((is_count, unit, links.source[member]),
                                  _Amounts()).add(member, interval)

    def each(self) -> Iterable[_Kind]:
        """The kinds scored one by one: all of them while the amounts are few."""
        yield from self.kinds.values()
        if len(self.amount_kinds) <= _FEW:
            yield from self.amount_kinds.values()

    def classes(self, links: _Links, i: int) -> Iterable[tuple[bool, int, int, _Amounts]]:
        """The amounts' members by how they stand to claim ``i``: (of ``i``'s source,
        value relation as ``_Values.related`` numbers it, how many, where to find one),
        each class with members; none while the amounts are few (``each`` has them)."""
        if len(self.amount_kinds) <= _FEW:
            return
        source = links.source[i]
        mine = links.values.amount(links.value[i])
        for (is_count, unit), every in self.amounts.items():
            own = self.by_source.get((is_count, unit, source))
            total, same = len(every.members), len(own.members) if own is not None else 0
            counts: tuple[tuple[bool, int, int], ...]
            if mine is not None and ((mine[0] and is_count) or mine[1] == unit):
                # the widened interval holds the claim's own (so what overlaps it overlaps
                # the widened one): members past the widened one are further apart
                widened = links.values.widened(links.value[i])
                apart, further = every.disjoint(mine[2]), every.disjoint(widened)
                own_apart, own_further = (own.disjoint(mine[2]), own.disjoint(widened)) \
                    if own is not None else (0, 0)
                counts = ((False, _OVERLAP_ID, total - apart - (same - own_apart)),
                          (False, _ONE_APART_ID, apart - further - (own_apart - own_further)),
                          (False, _FURTHER_ID, further - own_further),
                          (True, _OVERLAP_ID, same - own_apart),
                          (True, _ONE_APART_ID, own_apart - own_further),
                          (True, _FURTHER_ID, own_further))
            else:
                counts = ((False, _NEAR_ID, total - same), (True, _NEAR_ID, same))
            for same_source, relation, count in counts:
                if count:
                    yield same_source, relation, count, own if same_source and \
                        own is not None else every


class _Links:
    """``compatibility`` of pairs of a block, computed once per pair of profiles, shared
    source and value relation."""

    def __init__(self, claims: Sequence[Claim], story: Story) -> None:
        self.claims = claims
        self.story = story
        self.profile = _interned(profile(c, story) for c in claims)
        self.scored = _interned(score_profile(c, story) for c in claims)
        value_ids: dict[Hashable, int] = {}
        self.value = [value_ids.setdefault(value_key(c), len(value_ids)) for c in claims]
        self.source = _interned(c.source for c in claims)
        self.values = _Values(list(value_ids))
        # the one phrase of a claim's own that a link words beyond its score profile: its
        # event's, where it dates a counted figure ("both date {text} ({figure})")
        self.wording = [_worded_phrase(c) for c in claims]
        self._links: dict[Hashable, tuple[Link, Exact]] = {}  # by profiles
        self._worded: dict[Hashable, tuple[Link, Exact]] = {}  # for evidence, in order
        self._scores: dict[Hashable, tuple[Link, Exact]] = {}  # by score profiles

    def relation(self, i: int, j: int) -> int:
        """How the values of ``i`` and ``j`` relate, as ``_Values.related`` numbers it."""
        return self.values.related(self.value[i], self.value[j])

    def ordered(self, i: int, j: int) -> Link:
        """``compatibility`` of claims ``i`` and ``j``, the earlier of the block first.

        Its evidence is worded from their score profiles, in this order, and the phrase
        of the first that a link words (``wording``): pairs alike in these (and in
        sharing and values) are worded alike, so one of them is computed."""
        if i > j:
            i, j = j, i
        same, relation = self.source[i] == self.source[j], self.relation(i, j)
        worded = (self.scored[i], self.scored[j], same, relation, self.wording[i])
        found = self._worded.get(worded)
        if found is None:
            key = (self.profile[i], self.profile[j], same, relation)
            found = self._links.get(key) or self._computed(key, i, j)
            self._worded[worded] = found
        return found[0]

    def either(self, i: int, j: int) -> tuple[Link, Exact]:
        """The link of ``i`` and ``j`` in either order, for what is symmetric in it (the
        exclusion, the score and its strength), with the score as an exact rational."""
        same = self.source[i] == self.source[j]
        relation = self.values.related(self.value[i], self.value[j])
        found = self._scores.get((self.scored[i], self.scored[j], same, relation))
        if found is None:
            first, second = (i, j) if i < j else (j, i)
            found = self._computed((self.profile[first], self.profile[second], same, relation),
                                   first, second)
        return found

    def to_other(self, i: int, j: int, row: dict[int, int]) -> tuple[Link, Exact]:
        """``either`` for ``j`` of another source than ``i``, with ``row`` (``values.row``
        of ``i``'s value) at hand: the loops over a group's members call this once per
        member, so the usual case is two dictionary lookups."""
        value = self.value[j]
        relation = row.get(value)
        if relation is None:
            relation = self.values.related(self.value[i], value)
        found = self._scores.get((self.scored[i], self.scored[j], False, relation))
        return found if found is not None else self.either(i, j)

    def of_class(self, i: int, kind: int, same: bool, relation: int,
                 pool: _Amounts) -> tuple[Link, Exact]:
        """The link of ``i`` to members of score profile ``kind`` that are (or are not)
        of its source and relate to its value so: looked up, or computed with the first
        such member of ``pool`` (any of them links alike)."""
        found = self._scores.get((self.scored[i], kind, same, relation))
        if found is not None:
            return found
        source = self.source[i]
        for j in pool.members:
            if (self.source[j] == source) == same and self.relation(i, j) == relation:
                return self.either(i, j)
        raise AssertionError("a class of members without a member")

    def _computed(self, key: tuple[int, int, bool, int], i: int,
                  j: int) -> tuple[Link, Exact]:
        """The link of ``i`` and ``j`` (``i`` first), kept under its profiles and under
        its score profiles, in both orders (what is read of it there is symmetric)."""
        link = compatibility(self.claims[i], self.claims[j], self.story)
        found = self._links[key] = (link, exact(link.score))
        _, _, same, relation = key
        self._scores.setdefault((self.scored[i], self.scored[j], same, relation), found)
        self._scores.setdefault((self.scored[j], self.scored[i], same, relation), found)
        return found



_APART_DAYS = 31  # ``far_apart``'s gap: dates further apart are another event's


class _Values:
    """``matching.value_relation`` by value number, from facts read once per distinct
    value (its ``value_key``): days as ordinals, a quantity's unit class and effective
    interval. The thresholds are ``far_apart``'s: a test holds the two to each other."""

    def __init__(self, keys: Sequence[Hashable]) -> None:
        self._dates: list[tuple[int | None, int | None, int | None] | None] = []
        self._anchors: list[date | None] = []
        self._amounts: list[tuple[bool, str | None, Interval] | None] = []
        self._widened: dict[int, Interval] = {}
        # an amount's interval as two sortable bounds (``_Amounts``' keys, None where
        # unbounded) and whether it is empty; the widened one the same, once asked for
        self._bounds: list[_Bounds | None] = []
        self._widened_bounds: dict[int, _Bounds] = {}
        # value → other value → the number of their relation (both ways)
        self._rows: list[dict[int, int]] = [{} for _ in keys]
        self._numbers: dict[Hashable, int] = {
            relation: n for n, relation in enumerate((_OVERLAP, _ONE_APART, _FURTHER, _NEAR))}
        for key in keys:
            dates: tuple[int | None, int | None, int | None] | None = None
            amounts: tuple[bool, str | None, Interval] | None = None
            anchor: date | None = None
            if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], DateRange):
                when, anchor = key
                dates = ((when.start.toordinal(), when.end.toordinal(), when.year)
                         if when.start is not None and when.end is not None
                         else (None, None, when.year))
            elif isinstance(key, tuple):
                dimension, unit, interval = key
                amounts = (dimension == "count", unit, interval)
            self._dates.append(dates)
            self._anchors.append(anchor)
            self._amounts.append(amounts)
            self._bounds.append(_bounds(amounts[2]) if amounts is not None else None)

    def widened(self, a: int) -> Interval:
        """Amount ``a``'s interval one more on either side (computed once per value)."""
        found = self._widened.get(a)
        if found is None:
            amount = self._amounts[a]
            assert amount is not None
            found = self._widened[a] = _widened(amount[2])
        return found

    def amount(self, a: int) -> tuple[bool, str | None, Interval] | None:
        """Value ``a`` as an amount (a count or not, its unit, its effective interval)."""
        return self._amounts[a]

    def relation(self, a: int, b: int) -> Hashable:
        """As ``value_relation``: (far apart in time, disagree, disjoint, anchors) of two
        dates, (overlap, disagree, overlap once one counts one more) of two amounts of
        one unit; else nothing to relate. Symmetric."""
        return self._relation(a, b) if a <= b else self._relation(b, a)

    def related(self, a: int, b: int) -> int:
        """``relation`` as a small number, equal relations alike (cheap to hash in the
        keys of links); computed once per pair of values: a group of many figures asks
        again and again of the same pairs."""
        found = self._rows[a].get(b)
        if found is None:
            relation = self.relation(a, b)
            found = self._numbers.setdefault(relation, len(self._numbers))
            self._rows[a][b] = self._rows[b][a] = found
        return found

    def row(self, a: int) -> dict[int, int]:
        """The relations of value ``a`` known so far, by other value (``related`` where
        missing): a loop over a group's members reads them without a call per member."""
        return self._rows[a]

    def _relation(self, a: int, b: int) -> Hashable:
        da, db = self._dates[a], self._dates[b]
        if da is not None and db is not None:
            anchors = anchors_relation(self._anchors[a], self._anchors[b])
            if da[0] is not None and db[0] is not None:
                assert da[1] is not None and db[1] is not None
                gap = max(db[0] - da[1], da[0] - db[1])
                return (False, False, gap > 0, anchors) if gap <= SELF_DISAGREE_DAYS else \
                    (gap > _APART_DAYS, True, True, anchors)
            far = da[2] is not None and db[2] is not None and da[2] != db[2]
            return (far, far, far, anchors)
        qa, qb = self._amounts[a], self._amounts[b]
        if qa is not None and qb is not None and ((qa[0] and qb[0]) or qa[1] == qb[1]):
            ba, bb = self._bounds[a], self._bounds[b]
            assert ba is not None and bb is not None
            if _overlap(ba, bb):
                return _OVERLAP
            widened = self._widened_bounds.get(a)
            if widened is None:
                widened = self._widened_bounds[a] = _bounds(self.widened(a))
            return _ONE_APART if _overlap(widened, bb) else _FURTHER
        return _NEAR


_Bounds = tuple[_Bound | None, _Bound | None, bool]  # lower, upper, empty


def _bounds(a: Interval) -> _Bounds:
    """``a``'s bounds as ``_Amounts`` sorts them (None: unbounded), and whether it is
    empty: so that two intervals are compared as ``Interval.overlaps`` does, without
    reading the records again."""
    low = None if a.low is None else (a.low, 0 if a.low_inclusive else 1)
    high = None if a.high is None else (a.high, 1 if a.high_inclusive else 0)
    return low, high, a.is_empty()


def _overlap(a: _Bounds, b: _Bounds) -> bool:
    """``Interval.overlaps`` of two intervals given as ``_bounds``: a lower bound below
    an upper one (or touching it where both ends include it) is a smaller key."""
    low_a, high_a, empty_a = a
    low_b, high_b, empty_b = b
    if empty_a or empty_b:
        return False
    return (low_a is None or high_b is None or low_a < high_b) and \
        (low_b is None or high_a is None or low_b < high_a)


def _widened(a: Interval) -> Interval:
    """``a`` one more on either side."""
    return a.model_copy(update={"low": None if a.low is None else a.low - 1,
                                "high": None if a.high is None else a.high + 1})


class _Barred:
    """Groups a claim cannot join whatever the values: found per profile, not per group.

    A block of many groups whose claims few profiles describe (one article listing many
    figures of one kind) would otherwise test each claim against every group. For a
    profile of the block, the link of a claim to that profile's members, computed with
    the member's value made the claim's own (values that agree never exclude where
    values that differ would not: a law the tests hold ``compatibility`` to), tells
    whether every member of that profile excludes the claim; then every group holding
    one does (when the member with the claim's value has the profile it had: a date
    read against its source's time may not). Used only while the block has fewer
    profiles than groups: otherwise the groups themselves are quicker to test."""

    def __init__(self, links: _Links, require_strong: bool) -> None:
        self.links = links
        self.require_strong = require_strong
        self.groups: dict[int, set[int]] = {}  # profile → groups holding a member of it
        self.members: dict[int, dict[int, int]] = {}  # profile → source → a member
        self.two: dict[int, list[int]] = {}  # profile → a member, one of another source
        self._hard: dict[tuple[int, int, bool], bool] = {}

    def add(self, i: int, group: int) -> None:
        kind = self.links.profile[i]
        self.groups.setdefault(kind, set()).add(group)
        self.members.setdefault(kind, {}).setdefault(self.links.source[i], i)
        two = self.two.setdefault(kind, [i])
        if len(two) == 1 and self.links.source[two[0]] != self.links.source[i]:
            two.append(i)

    def groups_excluding(self, i: int, groups: int) -> set[int]:
        if len(self.groups) * 2 > groups:
            return set()
        source = self.links.source[i]
        excluded: set[int] = set()
        for kind, members in self.members.items():
            same = members.get(source)
            two = self.two[kind]
            other = two[0] if self.links.source[two[0]] != source else \
                (two[1] if len(two) > 1 else None)
            if (same is None or self._excludes(i, same)) and \
                    (other is None or self._excludes(i, other)):
                excluded |= self.groups[kind]
        return excluded

    def _excludes(self, i: int, j: int) -> bool:
        """Whether ``j``'s profile excludes ``i`` whatever ``j``'s value."""
        links = self.links
        same = links.source[i] == links.source[j]
        key = (links.profile[i], links.profile[j], same)
        found = self._hard.get(key)
        if found is None:
            first, second = (i, j) if i < j else (j, i)
            a, b = links.claims[first], links.claims[second]
            alike = b.model_copy(update={"value": a.value})
            if profile(alike, links.story) != profile(b, links.story):
                found = self._hard[key] = False  # the value is part of what it says
                return found
            link = compatibility(a, alike, links.story)
            found = self._hard[key] = bool(link.excluded) or (
                self.require_strong and not same and not link.explicit)
        return found


def cluster(claims: Sequence[Claim], story: Story,
            require_strong: bool = False) -> list[Cluster]:
    """Complete-link groups: no group holds an excluded pair; each claim joins the group
    with the best mean score at least ``JOIN_SCORE`` (a tie: the earlier group, and the
    join is weak, unless the tied groups are one source's figures and one is in its lede:
    ``_lead_figure``), or starts its own. With ``require_strong`` (dates and places, where
    the event itself is what is compared) only strong links join.

    Claims that say more (facets, an event, a place) are placed first, so that a claim
    that says little joins the group that fits it, rather than founding one that a
    more specific claim cannot enter.
    """
    order = placement_order(claims)
    links = _Links(claims, story)
    clusters: list[Cluster] = []
    barred = _Barred(links, require_strong)
    index = GroupIndex(claims, story, require_strong)
    for i in order:
        scores: list[tuple[Fraction, int]] = []
        excluded = barred.groups_excluding(i, len(clusters))
        candidates = index.candidates(i, len(clusters))
        if excluded:
            candidates = [n for n in candidates if n not in excluded]
        for n in candidates:
            group = clusters[n]
            mean = _mean(links, group, i, require_strong)
            if mean is not None and mean >= JOIN_SCORE:
                scores.append((mean, n))
        if not scores:
            group = Cluster()
            clusters.append(group)
            number = len(clusters) - 1
        else:
            scores.sort(key=lambda s: (-s[0], s[1]))
            best = [n for mean, n in scores if mean == scores[0][0]]
            lead = _lead_figure(links, [clusters[n] for n in best]) if len(best) > 1 else None
            number = best[0] if lead is None else best[lead]
            group = clusters[number]
            _add_evidence(links, group, i)
            if len(best) > 1 and lead is None:
                group.tied.add(i)  # it fits another group as well: enough to agree, no more
                group.evidence.append("a claim that fits another group as well")
            elif lead is not None:
                group.evidence.append("of one source's figures, the one it states first")
        _add_member(links, group, i)
        barred.add(i, number)
        index.add(i, number)
    if not require_strong:
        _regroup_lead_figures(links, clusters)
    for group in clusters:
        group.members.sort()
        # a claim may take part in a contradiction only through a strong link to a claim
        # of another source (both not joined by a tie): one source's group has none
        strong = _strongly_linked(links, group) if len(group.sources) > 1 else set()
        group.weak_members = [i for i in group.members if i not in strong]
        group.weak = bool(group.weak_members)
        group.profiles, group.excluder = {}, None  # working state of the placement only
        group.sources = set()
    return clusters


# how far into a source its headline and lede reach: a figure there is the one it reports
LEDE_CHARACTERS = 300


def _regroup_lead_figures(links: _Links, clusters: list[Cluster]) -> None:
    """Give each group a source's lead figure where only a later one keeps them apart.

    Placement is greedy: a source's minor figure ("killed one person, then himself",
    "six of them with minor injuries") may join another source's group first, and its
    lead figure ("Two people are dead", in the lede) then cannot enter, since one source
    states both. Where a group (the aside) holds such a later figure of a source and
    another group holds that source's figure from its lede, and the rest of the aside
    fits that group as a whole (no exclusion, a mean score to join, a strong link
    across sources), the rest moves there and the later figures stay behind on their
    own: groups then compare what each source reports, not its asides. Groups are
    visited in order, a source's figures in the order they were placed, and a group
    takes part in one move at most, so the result is deterministic and the pass ends."""
    by_source: dict[int, list[int]] = {}
    for number, group in enumerate(clusters):
        for source in group.sources:
            by_source.setdefault(source, []).append(number)
    moved: set[int] = set()
    for number, aside in enumerate(clusters):
        if number in moved or len(aside.sources) < 2:
            continue
        for source in _sources_in_order(links, aside):
            mine = [i for i in aside.members if links.source[i] == source]
            rest = [i for i in aside.members if links.source[i] != source]
            first = min(links.claims[i].start for i in mine)
            target = next((n for n in by_source[source] if n != number and n not in moved
                           and _leads(links, clusters[n], source, first, rest)), None)
            if target is None:
                continue
            lead = clusters[target]
            for i in rest:
                lead.members.append(i)
                lead.sources.add(links.source[i])
                by_source[links.source[i]].append(target)
            lead.tied |= aside.tied & set(rest)
            lead.evidence.extend(e for e in aside.evidence if e not in lead.evidence)
            if _LEAD_REGROUPED not in lead.evidence:
                lead.evidence.append(_LEAD_REGROUPED)
            aside.members, aside.sources, aside.evidence = mine, {source}, []
            aside.tied &= set(mine)
            moved.update((number, target))
            break


_LEAD_REGROUPED = "of one source's figures, the one in its lede, not a later one"


def _sources_in_order(links: _Links, group: Cluster) -> list[int]:
    """The sources of a group's members, in the order their first member was placed."""
    return list(dict.fromkeys(links.source[i] for i in group.members))


def _leads(links: _Links, lead: Cluster, source: int, first: int,
           rest: Sequence[int]) -> bool:
    """Whether ``lead`` holds a figure of ``source`` from its lede, stated before
    ``first``, and ``rest`` fits it as a whole: no member excludes one of ``rest``, the
    mean score is one to join, and one link across sources is strong."""
    own = [i for i in lead.members if links.source[i] == source]
    if not own:
        return False
    start = min(links.claims[i].start for i in own)
    if start >= first or start >= LEDE_CHARACTERS:
        return False
    total: Exact = 0
    strong = False
    for i in rest:
        for j in lead.members:
            link, score = links.either(i, j)
            if link.excluded:
                return False
            total += score
            strong = strong or (link.strong and links.source[i] != links.source[j])
    return strong and Fraction(total, SCALE * len(rest) * len(lead.members)) >= JOIN_SCORE


def _lead_figure(links: _Links, tied: Sequence[Cluster]) -> int | None:
    """Of groups that fit a claim equally, each holding the claims of one and the same
    source (its figures for one slot: "four people were shot … one sustained
    life-threatening injuries"), the one holding the figure that source states first,
    in its headline or lede: the figure it reports, the others parts or asides. None when
    the groups are not one source's alternatives: a tie then only lets the claim agree."""
    sources = {links.claims[m].source for group in tied for m in group.members}
    if len(sources) != 1:
        return None
    firsts = [min(links.claims[m].start for m in group.members) for group in tied]
    lead = min(firsts)
    return firsts.index(lead) if lead < LEDE_CHARACTERS else None


def _mean(links: _Links, group: Cluster, i: int, require_strong: bool) -> Fraction | None:
    """The mean score of claim ``i`` against the members of ``group``; None if a member
    excludes it. The profile that excluded a claim last is tried first: most groups a
    claim meets exclude it, and mostly for the reason they excluded the one before."""
    profiles = group.profiles
    if group.excluder is not None and \
            _profile_share(links, group.excluder, profiles[group.excluder], i,
                           require_strong) is None:
        return None
    total: Exact = 0
    for key, members in profiles.items():
        share = _profile_share(links, key, members, i, require_strong)
        if share is None:
            group.excluder = key
            return None
        total += share
    return Fraction(total, SCALE * len(group.members))


def _profile_share(links: _Links, key: int, members: _Profile, i: int,
                   require_strong: bool) -> Exact | None:
    """The summed score of claim ``i`` against a group's members of one profile; None if
    they exclude it. Members of another source must not exclude it (nor, with
    ``require_strong``, lack explicit evidence); members of its own source must not
    exclude it. (``members.each()`` and ``members.classes``, without their generators
    where there are no amounts or only few: the usual case, met once per member.)"""
    total = _kinds_share(links, members.kinds.values(), i, require_strong)
    if total is None:
        return None
    amounts = members.amount_kinds
    if not amounts:
        return total
    if len(amounts) <= _FEW:
        share = _kinds_share(links, amounts.values(), i, require_strong)
        return None if share is None else total + share
    for same, relation, count, pool in members.classes(links, i):
        link, score = links.of_class(i, key, same, relation, pool)
        if link.excluded or (require_strong and not same and not link.explicit):
            return None
        total += count * score
    return total


def _kinds_share(links: _Links, kinds: Iterable[_Kind], i: int,
                 require_strong: bool) -> Exact | None:
    """``_share`` summed over ``kinds``; None if one excludes ``i``. Every placement runs
    this over the members of each group it meets: a kind of other sources only (the
    usual one) is one ``to_other`` lookup."""
    source = links.source[i]
    row = links.values.row(links.value[i])
    total: Exact = 0
    for kind in kinds:
        if source in kind.by_source:
            share = _share(links, kind, i, require_strong)
            if share is None:
                return None
            total += share
            continue
        # of another source than i's, as every member of the kind
        link, score = links.to_other(i, kind.first, row)
        if link.excluded or (require_strong and not link.explicit):
            return None
        total += kind.count * score
    return total


def _share(links: _Links, kind: _Kind, i: int, require_strong: bool) -> Exact | None:
    """The summed score of claim ``i`` against the members of one kind; None if they
    exclude it."""
    source = links.source[i]
    mine = kind.by_source.get(source)
    if mine is None:  # the usual case: every member of the kind is of another source
        link, score = links.either(i, kind.first)
        if link.excluded or (require_strong and not link.explicit):
            return None
        return kind.count * score
    same = mine[0]
    total: Exact = 0
    if kind.count > same:
        other = kind.first if links.source[kind.first] != source else kind.other
        assert other is not None
        link, score = links.either(i, other)
        if link.excluded or (require_strong and not link.explicit):
            return None
        total += (kind.count - same) * score
    link, score = links.either(i, mine[1])
    if link.excluded:
        return None
    return total + same * score


def _add_evidence(links: _Links, group: Cluster, i: int) -> None:
    """The evidence of ``i``'s links to the members of other sources, in the order they
    joined, each wording once."""
    source = links.source[i]
    if group.sources <= {source}:
        return  # one article's own figures: no link to word
    # ``links.ordered`` looked up here as it keys its links (of two sources, the earlier
    # claim first): a group's every member is visited for each claim that joins it
    sources, scored, value, wording = links.source, links.scored, links.value, links.wording
    related, worded = links.values.related, links._worded
    mine, own_value, own_wording = scored[i], value[i], wording[i]
    row = links.values.row(own_value)
    evidence = group.evidence
    seen: set[int] = set()
    for j in group.members:
        if sources[j] == source:
            continue
        relation = row.get(value[j])
        if relation is None:
            relation = related(own_value, value[j])
        found = worded.get((scored[j], mine, False, relation, wording[j]) if j < i else
                           (mine, scored[j], False, relation, own_wording))
        link = found[0] if found is not None else links.ordered(i, j)
        if id(link) in seen:
            continue
        seen.add(id(link))
        evidence.extend(e for e in link.evidence if e not in evidence)


def _add_member(links: _Links, group: Cluster, i: int) -> None:
    group.members.append(i)
    group.sources.add(links.source[i])
    key = links.scored[i]
    members = group.profiles.get(key)
    if members is None:
        members = group.profiles[key] = _Profile()
    members.add(links, i)


def _strongly_linked(links: _Links, group: Cluster) -> set[int]:
    """The members, not joined by a tie, with a strong link to an untied member of
    another source."""
    untied: dict[int, _Profile] = {}
    for j in group.members:
        if j not in group.tied:
            untied.setdefault(links.scored[j], _Profile()).add(links, j)
    strong: set[int] = set()
    for i in group.members:
        if i not in group.tied and any(_strong_to(links, key, members, i)
                                       for key, members in untied.items()):
            strong.add(i)
    return strong


def _strong_to(links: _Links, key: int, members: _Profile, i: int) -> bool:
    """Whether ``i`` links strongly to a member of another source among ``members``."""
    source = links.source[i]
    row = links.values.row(links.value[i])
    for kind in members.each():
        mine = kind.by_source.get(source)
        if kind.count == (mine[0] if mine is not None else 0):
            continue  # every member of this kind is of i's own source
        other = kind.first if links.source[kind.first] != source else kind.other
        assert other is not None
        if links.to_other(i, other, row)[0].strong:
            return True
    return any(links.of_class(i, key, same, relation, pool)[0].strong
               for same, relation, _, pool in members.classes(links, i) if not same)


def _worded_phrase(claim: Claim) -> str | None:
    """The event's phrase as written, where a link words it: a date's event that dates
    a counted figure. Else None (no link words anything of the claim's own text)."""
    event = event_of(claim)
    return event.text if event is not None and event.counted_figure is not None else None


def _interned(items: Iterable[Hashable]) -> list[int]:
    """Each item as a small number, equal items alike (cheap to hash and compare)."""
    ids: dict[Hashable, int] = {}
    return [ids.setdefault(item, len(ids)) for item in items]


def placement_order(claims: Sequence[Claim]) -> list[int]:
    """The order claims are placed in: those that say more first (``_specificity``);
    among those that say as much, a running total ("300 since the fighting began", "so
    far": an explicit cue) before the rest. A differing day's figure never shares its
    group, so a count that names no time, placed after the total has founded its group,
    joins whichever of the two it fits best, not the day's figure because it came first."""
    return sorted(range(len(claims)), key=lambda i: (
        -_specificity(claims[i]), claims[i].about.window != "total", i))


def _specificity(claim: Claim) -> int:
    about = claim.about
    score = 0
    if about.counted is not None:
        score += len(about.counted.facets) + (1 if about.counted.subgroup else 0)
    event = event_of(claim)
    if event is not None:
        score += 1 + len(event.names) + (1 if event.places else 0)
    return score
