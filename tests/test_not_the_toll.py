"""Counts, dates and places that are not the story's toll, date or place, proved on
short texts of our own through the whole pipeline: relatives counted in a family,
people taken to a hospital, the rest of people already counted, where someone lives,
the date of an embedded post or of the page, and places deep in a count's clause."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from claimcheck.report.view import Report
from tests.helpers import compare_texts, find_claim, opposed
from tests.helpers import quantity_id as _id

pytestmark = pytest.mark.model


def _compare(nlp: Any, texts: dict[str, str]) -> Report:
    return compare_texts(nlp, texts, default=dt.date(2024, 5, 6))


def _attribute(report: Report, source: str, text: str, kind: str = "quantity") -> str:
    claim = find_claim(report, source, text, kind=kind)
    assert claim is not None, f"no {kind} “{text}” in {source}"
    return claim.about.attribute


def _contradictions(report: Report) -> list[str]:
    return [f.message for f in report.findings if f.verdict is Verdict.CONTRADICT]


def test_relatives_are_people_never_buildings(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The boy was at home with his three sisters when the shot was fired.\n",
        "b.txt": "The boy was at home with his two sisters when the shot was fired.\n",
    })
    assert _attribute(report, "a.txt", "three") != "buildings"
    assert not _contradictions(report)


def test_people_taken_to_a_hospital_are_no_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "A gunman opened fire at the Elm Street fair on Saturday.\n\n"
                 "The remaining four were taken to a hospital.\n\n"
                 "Three hospitals were damaged by the storm.\n\n"
                 "Two men were wounded and taken to a hospital.\n",
        "b.txt": "Six people were wounded in the Elm Street fair shooting on Saturday.\n",
    })
    assert _attribute(report, "a.txt", "four") == "count"  # not buildings, nor the hurt
    assert _attribute(report, "a.txt", "Three") == "buildings"  # hospitals counted
    assert _attribute(report, "a.txt", "Two") == "injuries"  # the nearer word says it
    assert not opposed(report, _id(report, "a.txt", "four"), _id(report, "b.txt", "Six"))


def test_the_remaining_are_the_rest_of_their_own_kind(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "One man died in the Elm Street shooting.\n\n"
                 "The remaining three wounded were treated at the scene.\n",
        "b.txt": "One man died and 13 people were wounded in the Elm Street shooting.\n",
    })
    assert _attribute(report, "a.txt", "three") == "injuries"
    # the rest of people the article counted before: enough to agree, never opposed
    assert not opposed(report, _id(report, "a.txt", "three"), _id(report, "b.txt", "13"))


def test_where_someone_lives_is_not_where_it_happened(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The shooting happened in Fresno on Tuesday, police said.\n",
        "b.txt": "The woman killed in the shooting on Tuesday was a nurse who lived in "
                 "Oakland.\n",
    })
    assert _attribute(report, "b.txt", "Oakland", kind="location") == "residence"
    assert not _contradictions(report)


def test_the_date_of_an_embedded_post_or_of_the_page_is_no_event_date(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Two people were shot on Sunday, May 5, 2024 at the Elm Street fair.\n\n"
                 "A witness filmed the scene pic.twitter.com/Xy12Ab — Jane Roe (@janeroe) "
                 "May 6, 2024\n\n"
                 "Posted: Tuesday, May 7, 2024 10:39 PM\n",
        "b.txt": "Two people were shot on Sunday, May 5, 2024 at the Elm Street fair.\n",
    })
    for text in ("May 6, 2024", "Tuesday, May 7, 2024"):
        claim = find_claim(report, "a.txt", text, kind="date")
        assert claim is not None and claim.furniture, text
    assert not _contradictions(report)


def test_a_place_deep_in_a_counts_clause_places_its_event(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Two deputies were killed in the ambush in Louisville on Sunday.\n",
        "b.txt": "Three deputies were wounded in the ambush in Louisville on Sunday.\n\n"
                 "A sniper killed five deputies during a parade through downtown "
                 "Dallas.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "Two"), _id(report, "b.txt", "five"))


def test_a_time_after_a_marker_dates_the_event_it_does_not_set_it_apart() -> None:
    import spacy
    from spacy.tokens import Doc

    from claimcheck.extract.about import event_from_token
    from claimcheck.rules.ruleset import default_vocabulary

    vocabulary = default_vocabulary()

    def event(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Any:
        doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
                  lemmas=[w.lower() for w in words])
        return event_from_token(doc[1], vocabulary, lambda _: None)

    # "the fire earlier this week": "earlier" begins the time of the event
    later = event(["the", "fire", "earlier", "this", "week"], [1, 1, 1, 4, 2],
                  ["det", "ROOT", "advmod", "det", "npadvmod"],
                  ["DET", "NOUN", "ADV", "DET", "NOUN"])
    # "the earlier fire": another one than the story's
    other = event(["the", "earlier", "fire"], [2, 2, 2], ["det", "amod", "ROOT"],
                  ["DET", "ADJ", "NOUN"])
    assert not later.distinct
    assert other.distinct


def test_the_date_of_an_act_for_an_event_is_not_the_events_date(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Officers detained a suspect on Saturday, May 4, 2024, for the fatal "
                 "shooting in Louisville.\n",
        "b.txt": "The fatal shooting in Louisville happened on Thursday, May 2, 2024.\n",
    })
    assert not _contradictions(report)


def test_what_happened_to_a_part_or_besides_others_is_not_the_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "9-Year-Old Boy Hurt, 2 Men Also Wounded In Park Shooting\n",
        "b.txt": "Three people were wounded in the park shooting.\n",
        "c.txt": "Troopers found two gunshot victims beside the road, one of whom was "
                 "pronounced dead.\n",
    })
    assert _attribute(report, "c.txt", "two") != "deaths"  # only one of them died
    # the men wounded besides the boy: enough to agree, never opposed to the total
    assert not opposed(report, _id(report, "a.txt", "2"), _id(report, "b.txt", "Three"))


def test_places_of_several_incidents_never_contradict(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Marchers protested the police shootings in Ohio and Texas.\n",
        "b.txt": "Investigators say the suspect carried out the fatal police shootings "
                 "in Louisville.\n",
    })
    assert not _contradictions(report)


def test_a_season_naming_a_kind_of_thing_is_no_time(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "A summer camp dance on Elm Street ended with one man killed.\n",
    })
    assert find_claim(report, "a.txt", "summer", kind="date") is None
    assert find_claim(report, "a.txt", "one", kind="quantity") is not None
