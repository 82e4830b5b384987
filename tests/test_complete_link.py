"""The fast complete-link grouping gives exactly the groups of the literal algorithm.

``reference_cluster`` below is grouping as first written: every claim scored against
every member of every group, one ``compatibility`` call per pair. Random blocks of
claims, drawn from small pools of events, places, dates, people, authorities and values
so that some claims say the same and some differ by one detail, must come out of
``complete_link.cluster`` with the same members, evidence, ties and weak members.
The laws the fast algorithm rests on are tested on the same claims: ``compatibility``
is symmetric but for its wording, and it depends on a pair only through the two
profiles, whether they share a source and how their values relate.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.complete_link import (
    LEDE_CHARACTERS,
    SCALE,
    _Amounts,
    _Values,
    cluster,
    exact,
    placement_order,
)
from claimcheck.main_event import Story
from claimcheck.matching import (
    JOIN_SCORE,
    Link,
    compatibility,
    profile,
    score_profile,
    value_key,
    value_relation,
)
from claimcheck.model.claims import About, Claim, DateClaim, Event, LocationClaim, QuantityClaim
from claimcheck.model.counted import Counted
from claimcheck.model.dates import DateRange, DateValue, Granularity, day_range, month_range
from claimcheck.model.numbers import Interval, Qualifier, QuantityValue
from claimcheck.model.places import LocationValue, Place, PlaceLevel


@dataclass
class _Reference:
    members: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    weak_members: list[int] = field(default_factory=list)
    tied: set[int] = field(default_factory=set)


def reference_cluster(claims: Sequence[Claim], story: Story,
                      require_strong: bool = False) -> list[_Reference]:
    """The literal algorithm: quadratic, and the definition the fast one must meet."""
    order = placement_order(claims)
    clusters: list[_Reference] = []
    links: dict[tuple[int, int], Link] = {}

    def link_of(i: int, j: int) -> Link:
        key = (min(i, j), max(i, j))
        if key not in links:
            links[key] = compatibility(claims[key[0]], claims[key[1]], story)
        return links[key]

    for i in order:
        scores: list[tuple[Fraction, int]] = []
        for n, group in enumerate(clusters):
            found = [link_of(i, j) for j in group.members]
            if any(link.excluded or (require_strong and not link.explicit and
                                     claims[i].source != claims[j].source)
                   for link, j in zip(found, group.members, strict=True)):
                continue
            mean = sum(Fraction(link.score) for link in found) / len(found)  # exact ties
            if mean >= JOIN_SCORE:
                scores.append((mean, n))
        if not scores:
            clusters.append(_Reference(members=[i]))
            continue
        scores.sort(key=lambda s: (-s[0], s[1]))
        best = [clusters[n] for mean, n in scores if mean == scores[0][0]]
        group = best[0]
        tied = len(best) > 1
        if tied and len({claims[j].source for g in best for j in g.members}) == 1:
            # one source's figures for the slot: the one it states first, in its lede
            firsts = [min(claims[j].start for j in g.members) for g in best]
            if min(firsts) < LEDE_CHARACTERS:
                group, tied = best[firsts.index(min(firsts))], False
        for j in group.members:
            if claims[i].source != claims[j].source:
                group.evidence.extend(e for e in link_of(i, j).evidence
                                      if e not in group.evidence)
        if tied:
            group.tied.add(i)
            group.evidence.append("a claim that fits another group as well")
        elif len(best) > 1:
            group.evidence.append("of one source's figures, the one it states first")
        group.members.append(i)
    if not require_strong:
        _reference_regroup(claims, clusters, link_of)
    for group in clusters:
        group.members.sort()
        strong = {i for i in group.members if i not in group.tied and any(
            j not in group.tied and claims[i].source != claims[j].source and
            link_of(i, j).strong for j in group.members)}
        group.weak_members = [i for i in group.members if i not in strong]
    return clusters


def _reference_regroup(claims: Sequence[Claim], clusters: list[_Reference],
                       link_of: Callable[[int, int], Link]) -> None:
    """The lead-figure pass as first written: for each group of several sources (in
    order, each group moving once), each of its sources in the order placed, the first
    other group holding that source's figure from its lede, earlier than the group's
    own, that all the group's other members fit (no exclusion, mean to join, a strong
    link across sources) takes them; the source's later figures stay behind."""
    moved: set[int] = set()
    for n, aside in enumerate(clusters):
        sources = list(dict.fromkeys(claims[i].source for i in aside.members))
        if n in moved or len(sources) < 2:
            continue
        for source in sources:
            mine = [i for i in aside.members if claims[i].source == source]
            rest = [i for i in aside.members if claims[i].source != source]
            first = min(claims[i].start for i in mine)
            target = None
            for m, lead in enumerate(clusters):
                own = [j for j in lead.members if claims[j].source == source]
                if m == n or m in moved or not own:
                    continue
                start = min(claims[j].start for j in own)
                if start >= first or start >= LEDE_CHARACTERS:
                    continue
                found = [(link_of(i, j), i, j) for i in rest for j in lead.members]
                if any(link.excluded for link, _, _ in found):
                    continue
                mean = sum(Fraction(link.score) for link, _, _ in found) / len(found)
                if mean >= JOIN_SCORE and any(
                        link.strong and claims[i].source != claims[j].source
                        for link, i, j in found):
                    target = m
                    break
            if target is None:
                continue
            lead = clusters[target]
            lead.members.extend(rest)
            lead.tied |= aside.tied & set(rest)
            lead.evidence.extend(e for e in aside.evidence if e not in lead.evidence)
            note = "of one source's figures, the one in its lede, not a later one"
            if note not in lead.evidence:
                lead.evidence.append(note)
            aside.members, aside.evidence = mine, []
            aside.tied &= set(mine)
            moved.update((n, target))
            break


# -- random blocks ------------------------------------------------------------------

_SY = Place(id="iso:SY", name="Syria", country="SY", level=PlaceLevel.COUNTRY)
_PLACES = (
    Place(id="g:damascus", name="Damascus", country="SY", chain=("iso:SY",),
          latitude=33.5, longitude=36.3),
    Place(id="g:aleppo", name="Aleppo", country="SY", chain=("iso:SY",),
          latitude=36.2, longitude=37.2),
    Place(id="g:douma", name="Douma", country="SY", chain=("iso:SY",),
          latitude=33.57, longitude=36.4),
    Place(id="g:bishkek", name="Bishkek", country="KG", chain=("iso:KG",),
          latitude=42.9, longitude=74.6),
    _SY,
)
_DAYS = (dt.date(2013, 8, 21), dt.date(2013, 8, 22), dt.date(2013, 8, 23),
         dt.date(2013, 8, 28), dt.date(2013, 10, 5), dt.date(2013, 12, 1),
         dt.date(2010, 5, 1))
# a day, a month, a date with only its year or only its month and day stated
_RANGES = (*(day_range(d) for d in _DAYS), month_range(2013, 8), month_range(2013, 9),
           DateRange(granularity=Granularity.YEAR, year=2013),
           DateRange(granularity=Granularity.YEAR, year=2010),
           DateRange(granularity=Granularity.DAY, month=8, day=21))
_SOURCES = ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt")


def _event(rng: random.Random, head: str) -> Event | None:
    if rng.random() < 0.15:
        return None
    return Event(
        head=head,
        names=rng.choice(((), (), ("sco",), ("apec",), ("sco", "shanghai"))),
        modifiers=rng.choice(((), (), ("chemical",), ("joint",))),
        countries=rng.choice(((), (), ("SY",), ("KG",))),
        context_country=rng.choice((None, "SY")),
        date=rng.choice((None, None, *(day_range(d) for d in _DAYS))),
        places=rng.choice(((), (), *((p,) for p in _PLACES))),
        distinct=rng.random() < 0.05,
        implicit=rng.random() < 0.1,
        date_names_it=rng.random() < 0.2,
        counted_figure=rng.choice((None, None, "three", "four")),
        text=f"the {head}",
    )


def _about(rng: random.Random, attribute: str, event: Event | None,
           counted: Counted | None = None) -> About:
    return About(attribute=attribute, thing="person" if counted else None, counted=counted,
                 event=event, attribution=rng.choice((None, None, "police", "the UN",
                                                       "health officials")),
                 identifying=rng.random() < 0.2, slot=attribute,
                 window=rng.choice((None, None, "day", "total")))


def _claim(rng: random.Random, kind: str, index: int) -> Claim:
    source = rng.choice(_SOURCES)
    start = index * 100
    common = {"id": f"c{index}", "source": source, "start": start, "end": start + 2,
              "line": 1, "column": 1, "sentence": "..",
              "sentence_start": rng.choice((start, 0, 50))}
    if kind == "quantity":
        counted = Counted(category="person", subgroup=rng.choice((None, None, "child")),
                          facets=rng.choice(((), (), ("from:SY",), ("role:civilian",),
                                             ("from:IL",), ("from:SY", "role:civilian"))))
        low = Decimal(rng.choice((100, 100, 102, 120, 300)))
        interval = rng.choice((Interval.point(low), Interval.point(low),
                               Interval(low=low, high=None), Interval(low=None, high=low,
                                                                      high_inclusive=False),
                               Interval(low=low, high=low * 2, low_inclusive=False)))
        value = QuantityValue(interval=interval, unit="person",
                              qualifier=rng.choice((Qualifier.EXACT, Qualifier.EXACT,
                                                    Qualifier.ABOUT)),
                              approximate=rng.random() < 0.2)
        return QuantityClaim(text="..", value=value,
                             about=_about(rng, "deaths", _event(rng, "attack"), counted),
                             **common)
    if kind == "date":
        value = DateValue(range=rng.choice(_RANGES),
                          anchor=rng.choice((None, *_DAYS[1:3], dt.date(2012, 8, 22))),
                          rule=rng.choice(("absolute", "weekday", "relative",
                                           "year_from_anchor")))
        return DateClaim(text="..", value=value,
                         about=_about(rng, "date_of", _event(rng, "summit")), **common)
    return LocationClaim(text="..", value=LocationValue(place=rng.choice(_PLACES)),
                         about=_about(rng, "place_of", _event(rng, "summit")), **common)


def _story(rng: random.Random) -> Story:
    return Story(
        main_head=rng.choice((None, "attack", "summit")),
        places={s: p for s in _SOURCES if (p := rng.choice((None, *_PLACES[:4])))},
        dates={s: dt.date(2013, 8, rng.choice((22, 23))) for s in _SOURCES},
        other_times={(s, 50): "in a sentence about 1982" for s in _SOURCES
                     if rng.random() < 0.3},
    )


def _block(seed: int) -> tuple[list[Claim], Story, bool]:
    rng = random.Random(seed)
    kind = rng.choice(("quantity", "quantity", "date", "location"))
    claims = [_claim(rng, kind, i) for i in range(rng.randint(2, 40))]
    claims.sort(key=lambda c: (c.source, c.start, c.id))
    return claims, _story(rng), kind != "quantity"


def _shape(groups: Sequence[object]) -> list[tuple[object, ...]]:
    return [(g.members, g.evidence, sorted(g.tied), g.weak_members)  # type: ignore[attr-defined]
            for g in groups]


def _assert_groups_as_literal(claims: list[Claim], story: Story,
                              strictness: Iterable[bool] = (False, True)) -> None:
    """The fast grouping gives the literal algorithm's groups, with and without strong links."""
    for require_strong in strictness:
        assert _shape(cluster(claims, story, require_strong)) == \
            _shape(reference_cluster(claims, story, require_strong))


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_fast_grouping_is_the_literal_algorithm(seed: int) -> None:
    claims, story, strict = _block(seed)
    _assert_groups_as_literal(claims, story, {strict, False})


def test_many_alike_claims_from_many_sources_group_as_the_literal_algorithm() -> None:
    """Large kinds (one profile and value from many sources) and several groups."""
    rng = random.Random(5)
    claims = [_claim(rng, "quantity", i) for i in range(150)]
    claims = [c.model_copy(update={"source": f"s{i % 60}.txt"}) for i, c in enumerate(claims)]
    claims.sort(key=lambda c: (c.source, c.start, c.id))
    story = Story(main_head="attack")
    assert _shape(cluster(claims, story)) == _shape(reference_cluster(claims, story))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_compatibility_is_symmetric_but_for_its_wording(seed: int) -> None:
    claims, story, _ = _block(seed)
    for a in claims[:8]:
        for b in claims[:8]:
            ab, ba = compatibility(a, b, story), compatibility(b, a, story)
            assert (bool(ab.excluded), ab.score, ab.strong, ab.explicit) == \
                (bool(ba.excluded), ba.score, ba.strong, ba.explicit)
            assert value_relation(a, b) == value_relation(b, a)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_a_link_depends_only_on_profiles_sharing_and_values(seed: int) -> None:
    """Pairs alike in profiles, shared source and value relation link alike."""
    claims, story, _ = _block(seed)
    _assert_links_depend_only_on_profiles(claims, story)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_values_relate_by_their_keys_as_value_relation_says(seed: int) -> None:
    claims, _, _ = _block(seed)
    keys = list(dict.fromkeys(value_key(c) for c in claims))
    values = _Values(keys)
    for a in claims:
        for b in claims:
            assert values.relation(keys.index(value_key(a)), keys.index(value_key(b))) == \
                value_relation(a, b)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_equal_value_keys_relate_alike(seed: int) -> None:
    claims, _, _ = _block(seed)
    for a in claims:
        for b in claims:
            if value_key(a) == value_key(b):
                assert all(value_relation(a, c) == value_relation(b, c) for c in claims)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3,
                   min_value=-100, max_value=100))
def test_scores_are_scaled_exactly(score: Decimal) -> None:
    value = float(score)
    assert Fraction(exact(value)) / SCALE == Fraction(value)


def _listed(rng: random.Random, values: Sequence[tuple[Claim, object]]) -> list[Claim]:
    """Claims of one or two articles, in reading order: each a copy of its shape with
    its value, one after the other."""
    claims = [shape.model_copy(update={"id": f"c{i}", "start": i * 100,
                                       "source": rng.choice(_SOURCES[:2]), "value": value})
              for i, (shape, value) in enumerate(values)]
    return sorted(claims, key=lambda c: (c.source, c.start, c.id))


def _few_profiles(seed: int) -> tuple[list[Claim], Story]:
    """One or two articles listing many figures or dates of a few kinds: many groups,
    few profiles (where groups are barred per profile)."""
    rng = random.Random(seed)
    kind = rng.choice(("quantity", "date"))
    shapes = [_claim(rng, kind, n) for n in range(3)]
    values: list[tuple[Claim, object]] = []
    for _ in range(rng.randint(20, 80)):
        shape = rng.choice(shapes)
        if kind == "quantity":
            value = shape.value.model_copy(update={"interval": Interval.point(
                Decimal(rng.randint(1, 40)))})
        else:
            value = DateValue(range=day_range(dt.date(2013, 1, 1) +
                                              dt.timedelta(days=rng.randint(0, 400))),
                              anchor=rng.choice((None, *_DAYS[1:3], dt.date(2012, 8, 22))),
                              rule=rng.choice(("absolute", "weekday", "year_from_anchor")))
        values.append((shape, value))
    return _listed(rng, values), _story(rng)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_many_groups_of_few_profiles_group_as_the_literal_algorithm(seed: int) -> None:
    claims, story = _few_profiles(seed)
    _assert_groups_as_literal(claims, story)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_links_of_few_profiles_depend_only_on_profiles_sharing_and_values(seed: int) -> None:
    """Where profiles repeat (dates read against several dates, with several rules)."""
    claims, story = _few_profiles(seed)
    _assert_links_depend_only_on_profiles(claims[:30], story)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_agreeing_values_never_exclude_where_the_values_do_not(seed: int) -> None:
    """The link of two claims with the second's value made the first's (its profile
    unchanged) excludes them (or lacks explicit evidence) only if their own link does."""
    claims, story, _ = _block(seed)
    for a in claims[:10]:
        for b in claims[:10]:
            moved = b.model_copy(update={"value": a.value})
            if profile(moved, story) != profile(b, story):
                continue  # the value is part of what the claim says: not this law's case
            alike = compatibility(a, moved, story)
            real = compatibility(a, b, story)
            if alike.excluded:
                assert real.excluded
            assert alike.explicit == real.explicit or real.excluded


def _assert_links_depend_only_on_profiles(claims: Sequence[Claim], story: Story) -> None:
    """Every two pairs alike in profiles, shared source and value relation link alike."""
    seen: dict[object, Link] = {}
    for a in claims:
        for b in claims:
            if a is not b:
                key = (profile(a, story), profile(b, story), a.source == b.source,
                       value_relation(a, b))
                link = compatibility(a, b, story)
                assert seen.setdefault(key, link) == link


_BOUNDS = st.one_of(st.none(), st.integers(min_value=0, max_value=6).map(Decimal))
_INTERVALS = st.builds(Interval, low=_BOUNDS, high=_BOUNDS, low_inclusive=st.booleans(),
                       high_inclusive=st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_INTERVALS, max_size=12), _INTERVALS)
def test_amounts_count_the_intervals_that_do_not_overlap(members: list[Interval],
                                                          newcomer: Interval) -> None:
    """Open and closed ends, unbounded and empty intervals: the bisected count is
    the count of ``Interval.overlaps``."""
    amounts = _Amounts()
    for n, interval in enumerate(members):
        amounts.add(n, interval)
    assert amounts.disjoint(newcomer) == sum(not m.overlaps(newcomer) for m in members)


def _many_figures(seed: int) -> tuple[list[Claim], Story]:
    """One or two articles stating many different figures of a few kinds, bounded and
    open ("at least N", "fewer than N", "between N and M"): groups that hold many
    values of one profile, related to a newcomer's by how their intervals overlap."""
    rng = random.Random(seed)
    shapes = [_claim(rng, "quantity", n) for n in range(2)]
    values: list[tuple[Claim, object]] = []
    for _ in range(rng.randint(20, 70)):
        low = Decimal(rng.randint(1, 30))
        interval = rng.choice((Interval.point(low), Interval(low=low, high=None),
                               Interval(low=None, high=low, high_inclusive=False),
                               Interval(low=low, high=low + rng.randint(1, 6),
                                        low_inclusive=rng.random() < 0.5)))
        shape = rng.choice(shapes)
        value = shape.value.model_copy(update={"interval": interval})  # type: ignore[union-attr]
        values.append((shape, value))
    return _listed(rng, values), _story(rng)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_groups_of_many_figures_group_as_the_literal_algorithm(seed: int) -> None:
    claims, story = _many_figures(seed)
    _assert_groups_as_literal(claims, story)


def _assert_scores_depend_only_on_score_profiles(claims: Sequence[Claim], story: Story) -> None:
    """Every two pairs alike in score profiles, shared source and value relation are
    alike in exclusion, score and strength (their evidence may be worded apart)."""
    seen: dict[object, tuple[bool, float, bool, bool]] = {}
    for a in claims:
        for b in claims:
            if a is not b:
                key = (score_profile(a, story), score_profile(b, story),
                       a.source == b.source, value_relation(a, b))
                link = compatibility(a, b, story)
                found = (bool(link.excluded), link.score, link.strong, link.explicit)
                assert seen.setdefault(key, found) == found


def _reworded(claims: list[Claim], seed: int) -> list[Claim]:
    """The claims with their event phrases, slots and attributions worded in other
    ways that say the same ("police" / "a police spokesman")."""
    rng = random.Random(seed)
    out = []
    for claim in claims:
        about = claim.about
        event = about.event
        update: dict[str, object] = {"slot": rng.choice(("", about.slot, "x"))}
        if about.attribution == "police":
            update["attribution"] = rng.choice(("police", "a police spokesman"))
        if event is not None:
            update["event"] = event.model_copy(update={"text": rng.choice(("", "the thing"))})
        out.append(claim.model_copy(update={"about": about.model_copy(update=update)}))
    return out


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_scores_depend_only_on_score_profiles_sharing_and_values(seed: int) -> None:
    claims, story, _ = _block(seed)
    _assert_scores_depend_only_on_score_profiles(_reworded(claims, seed), story)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_reworded_blocks_group_as_the_literal_algorithm(seed: int) -> None:
    """Claims that differ only in wording share score profiles, not profiles: their
    groups and evidence are still the literal algorithm's."""
    claims, story, strict = _block(seed)
    claims = _reworded(claims, seed)
    _assert_groups_as_literal(claims, story, {strict, False})
