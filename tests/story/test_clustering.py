"""Laws of story clustering, on signatures of articles written for these tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.story.blocking import candidate_pairs
from claimcheck.story.cluster import agglomerate
from claimcheck.story.clustering import cluster
from claimcheck.story.decide import Thresholds, days_disjoint
from claimcheck.story.inputs import read_pile
from claimcheck.story.signature import Signature, signature, term_counts
from tests.story.articles import ARTICLES, EVENT_DAYS, EVENTS, MENTIONED_DAYS

PILE = read_pile(ARTICLES)


def _dated(sig: Signature) -> Signature:
    """The signature with the days its claims would give (the text alone gives none)."""
    days = [dt.date.fromisoformat(d) for d in [EVENT_DAYS.get(sig.id)] if d]
    mentioned = [dt.date.fromisoformat(d) for d in
                 [EVENT_DAYS.get(sig.id), MENTIONED_DAYS.get(sig.id)] if d]
    return sig.model_copy(update={"days": tuple(days), "mentioned": tuple(mentioned)})


SIGNATURES = [_dated(signature(source, [])) for source in PILE.sources]


def _events(clusters: list[list[str]]) -> list[set[str]]:
    return [{EVENTS[i] for i in group} for group in clusters]


def test_each_event_is_one_story_and_no_story_mixes_events() -> None:
    clusters = cluster(SIGNATURES)
    assert all(len(events) == 1 for events in _events(clusters))
    assert sorted(map(sorted, clusters)) == [["a1", "a2", "a3"], ["b1", "b2"], ["f1"],
                                             ["q1", "q2"]]


def test_the_same_city_a_week_apart_is_two_stories() -> None:
    clusters = cluster(SIGNATURES)
    together = next(group for group in clusters if "a1" in group)
    assert "b1" not in together and "b2" not in together


def test_a_follow_up_that_names_the_day_of_the_event_joins_it() -> None:
    undated = [s.model_copy(update={"mentioned": ()}) if s.id == "a3" else s
               for s in SIGNATURES]
    assert ["a3"] in cluster(undated)
    assert ["a1", "a2", "a3"] in cluster(SIGNATURES)


def test_dates_that_exclude_split_even_alike_texts() -> None:
    """Two articles with the same words but event days a week apart are two stories."""
    a, b = SIGNATURES[0], SIGNATURES[0].model_copy(update={"id": "copy"})
    assert cluster([a, b]) == [[a.id, "copy"]]
    a = a.model_copy(update={"days": (dt.date(2021, 3, 5),)})
    b = b.model_copy(update={"days": (dt.date(2021, 3, 12),)})
    assert cluster([a, b]) == [[a.id], ["copy"]]


def test_an_exclusion_is_not_bypassed_through_a_third_article() -> None:
    links = [(0.9, "a", "b"), (0.8, "b", "c")]
    def excludes(x: str, y: str) -> bool:
        return {x, y} == {"a", "c"}
    assert agglomerate(["a", "b", "c"], links, excludes) == [["a", "b"], ["c"]]


@settings(max_examples=25, deadline=None)
@given(st.permutations(SIGNATURES))
def test_the_order_of_articles_does_not_matter(shuffled: list[Signature]) -> None:
    assert cluster(shuffled) == cluster(SIGNATURES)


def test_undated_articles_need_stronger_evidence() -> None:
    undated = [s.model_copy(update={"published": None}) for s in SIGNATURES]
    strict = cluster(undated, Thresholds(undated=1.01))
    assert all(len(group) == 1 for group in strict)


def test_days_within_the_slack_are_the_same_day() -> None:
    day = dt.date(2021, 3, 5)
    assert not days_disjoint((day,), (day + dt.timedelta(days=1),), 1)
    assert days_disjoint((day,), (day + dt.timedelta(days=2),), 1)
    assert not days_disjoint((), (day,), 1)


def test_names_are_terms_of_their_own() -> None:
    counts = term_counts("The victim, Tremaine Whitlock, was found by Sergeant Lorna Vasquez.")
    assert counts["name:tremaine whitlock"] == 1
    assert "the" not in counts and "victim" in counts


def test_blocking_drops_keys_too_common_to_tell_events_apart() -> None:
    keyed = [(f"x{i}", ["city", f"own{i // 2}"]) for i in range(10)]
    pairs = candidate_pairs(keyed, max_block=4)
    assert pairs == [(f"x{i}", f"x{i + 1}") for i in range(0, 10, 2)]
