"""The group index skips a group only where ``matching`` itself would exclude the claim.

Each facet's verdict on two keys must be one of ``exclusion``'s reasons (or, for the
explicit-evidence facet, the lack of ``compatibility``'s explicit evidence), and keys
that do not conflict must meet by their labels. On random claims with places of every
shape (towns, regions, countries, areas around a town, places no gazetteer knows, a
chain across a border), the candidates the index gives a claim hold every group it
could join, and grouping through the index is the literal algorithm's.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.complete_link import cluster
from claimcheck.exclusion_index import (
    EXPLICIT,
    FACETS,
    Facet,
    GroupIndex,
    _Block,
    _figure_labels,
    _figures_disagree,
    _Places,
    _stretches,
    date_labels,
)
from claimcheck.main_event import Story, event_of
from claimcheck.matching import compatibility, exclusion
from claimcheck.model.claims import Claim
from claimcheck.model.dates import DateRange, Granularity, day_range, far_apart, month_range
from claimcheck.model.numbers import Interval
from claimcheck.model.places import Place, PlaceLevel, PlaceRelation, relate
from tests.test_complete_link import _block, _shape, reference_cluster

_PLACES = (
    Place(id="g:damascus", name="Damascus", country="SY", chain=("r:dm", "iso:SY"),
          latitude=33.5, longitude=36.3),
    Place(id="g:douma", name="Douma", country="SY", chain=("r:dm", "iso:SY"),
          latitude=33.57, longitude=36.4),
    Place(id="g:aleppo", name="Aleppo", country="SY", chain=("r:al", "iso:SY"),
          latitude=36.2, longitude=37.2),
    Place(id="g:damascus", name="Damascus", country="SY", chain=("r:dm", "iso:SY"),
          latitude=33.5, longitude=36.3, around=True, level=PlaceLevel.AREA),
    Place(id="r:dm", name="Damascus Governorate", country="SY", level=PlaceLevel.REGION,
          chain=("iso:SY",)),
    Place(id="r:al", name="Aleppo Governorate", country="SY", level=PlaceLevel.REGION,
          chain=("iso:SY",)),
    Place(id="iso:SY", name="Syria", country="SY", level=PlaceLevel.COUNTRY),
    Place(id="g:beirut", name="Beirut", country="LB", chain=("iso:LB",),
          latitude=33.89, longitude=35.5),
    Place(id="g:beirut", name="Beirut", country="LB", chain=("iso:LB",),
          latitude=33.89, longitude=35.5, around=True, level=PlaceLevel.AREA),
    Place(id="iso:LB", name="Lebanon", country="LB", level=PlaceLevel.COUNTRY),
    Place(id="g:bishkek", name="Bishkek", country="KG", chain=("iso:KG",),
          latitude=42.9, longitude=74.6),
    Place(id=None, name="Nowhere"),
    Place(id="g:enclave", name="Enclave", country="LB", chain=("iso:SY",),
          latitude=33.6, longitude=36.2),  # a chain across a border
    Place(id="g:far", name="Far", country="KG", chain=("iso:KG",), latitude=-42.9,
          longitude=-105.4),
)


def _rich_block(seed: int) -> tuple[list[Claim], Story, bool]:
    """A random block, its events placed anywhere in ``_PLACES``."""
    claims, story, strict = _block(seed)
    rng = random.Random(seed + 1)
    pool = _PLACES if rng.random() < 0.7 else _PLACES[:3] + _PLACES[7:8]
    placed = []
    for claim in claims:
        event = claim.about.event
        if event is not None and rng.random() < 0.6:
            places = tuple(rng.sample(pool, rng.choice((1, 1, 2))))
            about = claim.about.model_copy(update={"event": event.model_copy(
                update={"places": places})})
            claim = claim.model_copy(update={"about": about})
        placed.append(claim)
    leads = {s: p for s in story.places if (p := rng.choice((None, *pool)))}
    return placed, Story(main_head=story.main_head, places=leads, dates=story.dates,
                         other_times=story.other_times), strict


def _exempt(facet: Facet, a: Claim, b: Claim) -> bool:
    if facet.other_sources_only and a.source == b.source:
        return True
    if facet.same_source_only and a.source != b.source:
        return True
    ea, eb = event_of(a), event_of(b)
    return facet.unless_named_alike and ea is not None and eb is not None and \
        bool(set(ea.names) & set(eb.names))


def _keys_law(claims: Sequence[Claim], story: Story) -> None:
    block = _Block.of(claims, story)
    for facet in (*FACETS, EXPLICIT):
        keys = [facet.key(c, story) for c in claims]
        for a, ka in zip(claims, keys, strict=True):
            for b, kb in zip(claims, keys, strict=True):
                if a is b or ka is None or kb is None:
                    continue
                conflict = facet.conflict(ka, kb)
                assert conflict == facet.conflict(kb, ka), facet.name
                if conflict and not _exempt(facet, a, b):
                    if facet is EXPLICIT:
                        assert not compatibility(a, b, story).explicit, (facet.name, a, b)
                    else:
                        assert exclusion(a, b, story) is not None, (facet.name, a, b)
                free = facet.free is not None and facet.free(ka) and facet.free(kb)
                if not conflict and not free:  # free keys need not meet
                    la, lb = facet.labels(ka, block), facet.labels(kb, block)
                    assert la is None or lb is None or not la[0].isdisjoint(lb[1]), \
                        (facet.name, ka, kb)


@settings(max_examples=120, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_a_facet_in_conflict_is_a_reason_matching_excludes_for(seed: int) -> None:
    claims, story, _ = _rich_block(seed)
    _keys_law(claims[:14], story)


def _relate_law(places: Sequence[Place]) -> None:
    labels = _Places.of(places)
    for x in places:
        for y in places:
            lx, ly = labels.labels((x,)), labels.labels((y,))
            if relate(x, y) is not PlaceRelation.DISJOINT:
                assert lx is None or ly is None or not lx[0].isdisjoint(ly[1]), (x, y)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PLACES), min_size=1, max_size=6),
       st.lists(st.tuples(st.floats(-80, 80), st.floats(-179, 179)), max_size=4))
def test_places_that_are_not_disjoint_meet(pool: list[Place],
                                           towns: list[tuple[float, float]]) -> None:
    """Towns anywhere on the globe, some close to each other, meet when they may be one."""
    extra = []
    for n, (lat, lon) in enumerate(towns):
        for step in (0.0, 0.1, 0.25):  # a town and its neighbours a few kilometres away
            extra.append(Place(id=f"t:{n}:{step}", name="Town", country="SY",
                               chain=("iso:SY",), latitude=lat + step, longitude=lon))
    _relate_law([*pool, *extra])


_DATES = st.one_of(
    st.builds(lambda d, span: DateRange(start=d, end=d + dt.timedelta(days=span),
                                        year=d.year, granularity=Granularity.DAY),
              st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 400)),
    st.builds(lambda d: day_range(d), st.dates(dt.date(2012, 1, 1), dt.date(2014, 1, 1))),
    st.builds(lambda y, m: month_range(y, m), st.integers(2011, 2015), st.integers(1, 12)),
    st.builds(lambda y: DateRange(granularity=Granularity.YEAR, year=y),
              st.one_of(st.none(), st.integers(2011, 2015))),
    st.builds(lambda d: DateRange(start=d, end=d, granularity=Granularity.DAY),
              st.dates(dt.date(2012, 1, 1), dt.date(2014, 1, 1))),  # a day, no year stated
)


@settings(max_examples=300, deadline=None)
@given(_DATES, _DATES)
def test_dates_that_are_not_far_apart_meet(a: DateRange, b: DateRange) -> None:
    _assert_dates_meet(a, b)


def _assert_dates_meet(a: DateRange, b: DateRange) -> None:
    la, lb = date_labels(a), date_labels(b)
    if not far_apart(a, b):
        assert la is None or lb is None or not la[0].isdisjoint(lb[1])
        assert la is None or lb is None or not lb[0].isdisjoint(la[1])


@settings(max_examples=300, deadline=None)
@given(_DATES, st.integers(-40, 40), st.integers(0, 3))
def test_dates_a_month_apart_meet(a: DateRange, shift: int, span: int) -> None:
    """Near the 31 days ``far_apart`` allows, where a label boundary is easily missed."""
    if not a.resolved:
        return
    assert a.start is not None and a.end is not None
    start = a.end + dt.timedelta(days=shift)
    b = DateRange(start=start, end=start + dt.timedelta(days=span), year=start.year)
    _assert_dates_meet(a, b)


_NUMBERS = st.decimals(min_value=-10**7, max_value=10**7, allow_nan=False, places=3)


@settings(max_examples=300, deadline=None)
@given(_NUMBERS, _NUMBERS, _NUMBERS, _NUMBERS, st.booleans(), st.booleans())
def test_overlapping_amounts_reach_a_stretch_in_common(a: Decimal, b: Decimal, c: Decimal,
                                                       d: Decimal, open_a: bool,
                                                       open_b: bool) -> None:
    first = Interval(low=min(a, b), high=max(a, b), low_inclusive=not open_a)
    second = Interval(low=min(c, d), high=max(c, d), high_inclusive=not open_b)
    near = Interval(low=first.high, high=first.high * 2 + 1)  # one touching the first
    for one, other in ((first, second), (first, near)):
        if one.overlaps(other):
            stretches, others = _stretches(one), _stretches(other)
            assert stretches is None or others is None or set(stretches) & set(others)


_FIGURES = st.one_of(
    st.builds(Interval.point, _NUMBERS),
    st.builds(lambda a, b, open_low: Interval(low=min(a, b), high=max(a, b),
                                              low_inclusive=not open_low),
              _NUMBERS, _NUMBERS, st.booleans()),
)


@settings(max_examples=300, deadline=None)
@given(_FIGURES, _FIGURES, st.sampled_from(["count", ("unit", "km")]),
       st.sampled_from(["count", ("unit", "km")]))
def test_figures_that_overlap_meet_single_numbers_by_value(
        a: Interval, b: Interval, unit_a: object, unit_b: object) -> None:
    """One source's two figures that may be one meet by their labels, both ways: single
    numbers equal to each other or inside a range, ranges sharing a stretch."""
    block = _Block(places=_Places(), units=frozenset({"count", ("unit", "km")}))
    keys = [("amount", unit_a, a), ("amount", unit_b, b)]
    if unit_a == unit_b:
        keys.append(("amount", unit_a, Interval.point(a.high)))  # equal to an end of a
    for ka in keys:
        for kb in keys:
            la, lb = _figure_labels(ka, block), _figure_labels(kb, block)
            if not _figures_disagree(ka, kb):
                assert la is None or lb is None or not la[0].isdisjoint(lb[1]), (ka, kb)


def _joinable(claims: Sequence[Claim], story: Story, group: list[int], i: int,
              require_strong: bool) -> bool:
    for j in group:
        a, b = (claims[i], claims[j]) if i < j else (claims[j], claims[i])
        link = compatibility(a, b, story)
        if link.excluded or (require_strong and a.source != b.source and not link.explicit):
            return False
    return True


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_the_candidates_hold_every_group_a_claim_could_join(seed: int) -> None:
    """Groups formed any way at all: the index never leaves out one a claim could join."""
    claims, story, strict = _rich_block(seed)
    rng = random.Random(seed)
    for require_strong in {strict, False}:
        index = GroupIndex(claims, story, require_strong)
        groups: list[list[int]] = []
        for i in rng.sample(range(len(claims)), len(claims)):
            joinable = [n for n, g in enumerate(groups)
                        if _joinable(claims, story, g, i, require_strong)]
            candidates = set(index.candidates(i, len(groups)))
            assert set(joinable) <= candidates
            if joinable and rng.random() < 0.8:
                n = rng.choice(joinable)
            else:
                n = len(groups)
                groups.append([])
            groups[n].append(i)
            index.add(i, n)


@settings(max_examples=120, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_grouping_through_the_index_is_the_literal_algorithm(seed: int) -> None:
    claims, story, strict = _rich_block(seed)
    for require_strong in {strict, False}:
        assert _shape(cluster(claims, story, require_strong)) == \
            _shape(reference_cluster(claims, story, require_strong))


def test_the_index_leaves_out_groups_of_other_stories() -> None:
    """It does prune: claims of two places far apart are not candidates of each other."""
    claims, story, _ = _rich_block(7)
    index = GroupIndex(claims, story)
    skipped = 0
    groups = 0
    for i in range(len(claims)):
        skipped += groups - len(list(index.candidates(i, groups)))
        index.add(i, groups)
        groups += 1
    assert skipped > groups
