"""What a claim is about, read from the parse of short sentences (not from story lists)."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.extract.about import (
    an_aggregate,
    describe_slot,
    event_from_token,
    find_event_token,
    name_keys,
    normalise_name,
    quantity_attribute,
)
from claimcheck.model.claims import Event
from claimcheck.model.numbers import Interval, QuantityValue
from claimcheck.model.vocabulary import Vocabulary

VOCABULARY = Vocabulary(
    attributes={"deaths": ("die", "kill", "dead", "death"), "injuries": ("injure", "wound")},
    event_nouns=("attack", "summit", "conflict", "talk", "meeting", "flood"),
    event_synonyms={"conflict": ("war",)},
    event_verbs={"say": "statement", "meet": "meeting"},
    reporting_verbs=("say", "tell"),
    aliases={"un": "united nations"},
)
COUNTRIES = {"Syria": "SY", "Syrian": "SY", "Bishkek": "KG", "Geneva": "CH", "Damascus": "SY"}


def _country(text: str) -> str | None:
    return COUNTRIES.get(text)


def _token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


COUNT = QuantityValue(interval=Interval.point(__import__("decimal").Decimal(5)))


def test_name_keys_fold_spelling_and_make_acronyms() -> None:
    keys = name_keys("Shanghai Cooperation Organisation", VOCABULARY)
    assert {"shanghai cooperation organization", "sco"} <= keys
    assert "united nations" in name_keys("UN", VOCABULARY)
    assert normalise_name("the Organisation's") == "organization"


def test_describe_slot_reads_like_a_sentence() -> None:
    event = Event(head="conflict", text="conflict in Syria")
    assert describe_slot("deaths", "person", event) == "people killed in the conflict in Syria"
    assert describe_slot("place_of", None, Event(head="summit", text="SCO summit")) == \
        "place of the SCO summit"
    # a phrase with its own determiner, or the rest of a possessive, takes no "the"
    assert describe_slot("injuries", "other", Event(head="trial", text="his trial")) == \
        "others injured in his trial"
    assert describe_slot("date_of", None, Event(head="shooting", text="'s deadly shooting")) \
        == "date of the deadly shooting"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "number", "attribute", "event"), [
    ("More than 100,000 people have died in the conflict in Syria.", "100,000", "deaths",
     "conflict"),
    ("The war has left over 100,000 people dead.", "100,000", "deaths", "conflict"),
    ("Troops fired, killing 12 civilians in an attack on the market.", "12", "deaths",
     "attack"),
    ("At least 40 people were injured in the flood.", "40", "injuries", "flood"),
    ("The committee has 12 members.", "12", "count", None),
])
def test_count_attribute_and_event(nlp: Any, sentence: str, number: str, attribute: str,
                                   event: str | None) -> None:
    doc = nlp(sentence)
    token = _token(doc, number)
    assert quantity_attribute(token, COUNT, VOCABULARY) == attribute
    found = find_event_token(token, VOCABULARY)
    if event is None:
        assert found is None
    else:
        assert found is not None
        assert event_from_token(found, VOCABULARY, _country).head == event


@pytest.mark.model
def test_event_names_come_from_the_phrase(nlp: Any) -> None:
    doc = nlp("Speaking at the Shanghai Cooperation Organisation's Heads of State Summit in "
              "Bishkek, the president said the plan would work.")
    token = _token(doc, "Bishkek")
    found = find_event_token(token, VOCABULARY)
    assert found is not None
    event = event_from_token(found, VOCABULARY, _country, exclude={token.i})
    assert event.head == "summit"
    assert "sco" in event.names
    assert event.countries == ()  # the claim's own place is not evidence of its event


@pytest.mark.model
def test_chemical_attack_keeps_its_details_and_place(nlp: Any) -> None:
    doc = nlp("It followed a chemical weapons attack near Damascus, which triggered a U.S. "
              "military strike.")
    found = find_event_token(_token(doc, "chemical"), VOCABULARY)
    assert found is not None and found.text == "attack"
    event = event_from_token(found, VOCABULARY, _country)
    assert {"chemical", "weapon"} <= set(event.modifiers)
    assert event.countries == ("SY",)


@pytest.mark.model
def test_a_statement_is_the_event_of_its_own_date_only(nlp: Any) -> None:
    doc = nlp("Lavrov said on Friday that the opposition could not set preconditions for the "
              "talks in Geneva.")
    friday = find_event_token(_token(doc, "Friday"), VOCABULARY)
    assert friday is not None
    statement = event_from_token(friday, VOCABULARY, _country)
    assert statement.head == "statement" and statement.names == ("lavrov",)
    geneva = find_event_token(_token(doc, "Geneva"), VOCABULARY)
    assert geneva is not None and geneva.lemma_ == "talk"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "value", "event"), [
    # what was done after the event dates or places that act, not the event
    ("The medical examiner on Monday identified the second victim in the shooting.",
     "Monday", None),
    ("A second teen was arrested Tuesday in the shooting of 15 people.", "Tuesday", None),
    # what happened in it, or to it, dates the event
    ("Two people were killed on Sunday in the shooting.", "Sunday", "shooting"),
    ("The shooting happened on Sunday near the park.", "Sunday", "shooting"),
    ("Police received a report of a shooting on Monday.", "Monday", "shooting"),
    # the event is the subject of a verb whose complement names another act
    ("The shooting may be affecting policing in nearby Springfield, officials said.",
     "Springfield", None),
])
def test_a_date_of_what_was_done_after_an_event_is_not_its_date(
        nlp: Any, sentence: str, value: str, event: str | None) -> None:
    vocabulary = VOCABULARY.model_copy(update={"event_nouns": ("shooting",)})
    found = find_event_token(_token(nlp(sentence), value), vocabulary, of_an_act=True)
    assert (found.lemma_ if found is not None else None) == event


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "aggregate"), [
    ("Police are investigating a series of shootings that left five people wounded.", True),
    ("Two shootings that wounded five people kept the police busy.", True),
    ("A shooting that wounded five people kept the police busy.", False),
])
def test_a_count_of_several_events_a_clause_names_is_an_aggregate(
        nlp: Any, sentence: str, aggregate: bool) -> None:
    assert an_aggregate(_token(nlp(sentence), "five")) is aggregate


@pytest.mark.model
def test_a_separate_event_is_marked_distinct(nlp: Any) -> None:
    doc = nlp("Three people were killed in a separate accident in Bihar last week.")
    found = find_event_token(_token(doc, "Three"), VOCABULARY.model_copy(
        update={"event_nouns": ("accident",)}))
    assert found is not None
    assert event_from_token(found, VOCABULARY, _country).distinct


def test_a_count_named_after_its_thing_reads_as_a_number() -> None:
    assert describe_slot("sites", "site", None) == "number of sites"
    assert describe_slot("count", "step", None) == "number of steps"
