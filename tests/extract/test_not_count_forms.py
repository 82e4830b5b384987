"""Numbers that give an object's build are measures of it, numbers inside names and ages
make no count claims, and a lower-case adjective is no nationality: short texts of our
own, through the extraction stage."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimcheck.extract.amounts import parse_amounts

pytestmark = pytest.mark.model

PUBLISHED = date(2016, 6, 12)


def counts(nlp: Any, text: str, dimension: str = "count") -> list[tuple[str, str | None]]:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.model.claims import QuantityClaim
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import Source

    source = Source(id="t", path="t.txt", text=text, published=PUBLISHED)
    claims = extract_claims(nlp(text), source, load_ruleset().vocabulary)
    return [(c.text, c.value.unit) for c in claims
            if isinstance(c, QuantityClaim) and c.value.dimension == dimension]


@pytest.mark.parametrize(("text", "builds"), [
    ("Deputies found a .22-caliber rifle and a 12-gauge shotgun in the trunk.",
     [(".22-caliber", "caliber"), ("12-gauge", "gauge")]),
    ("The truck rolled off a four-lane bridge near the river.", [("four-lane", "lane")]),
    ("A two-storey shop and a three-story house burned down overnight.",
     [("two-storey", "storey"), ("three-story", "storey")]),
    ("She drove off in a two-door coupe with a 15-round magazine.",
     [("two-door", "door"), ("15-round", "round")]),
])
def test_a_number_giving_an_objects_build_is_its_measure_not_a_count(
        nlp: Any, text: str, builds: list[tuple[str, str]]) -> None:
    assert counts(nlp, text) == []
    assert counts(nlp, text, "build") == builds


def test_other_counts_glued_to_a_noun_stay_counts(nlp: Any) -> None:
    assert counts(nlp, "The council backed a five-stage plan after a three-car crash.") == [
        ("five-stage", "stage"), ("three-car", "car")]


def test_spelled_numbers_capitalised_in_running_text_are_a_names_words(nlp: Any) -> None:
    assert counts(nlp, "Crowds queued to watch Zero Dark Thirty at the old cinema.") == []


@pytest.mark.parametrize(("text", "count"), [
    ("Two Killed in Crash Near Ames Plant", "Two"),
    ("Gunman Kills Three at Kansas Plant", "Three"),
    ("The mayor said: Four officers were hurt in the blast.", "Four"),
])
def test_capitalised_counts_in_headlines_and_after_punctuation_stay_counts(
        nlp: Any, text: str, count: str) -> None:
    assert [written for written, _ in counts(nlp, text)] == [count]


@pytest.mark.parametrize("text", ["Listeners of 9News FM called in.", "Shares of 3Com rose."])
def test_digits_glued_to_a_capitalised_word_are_a_names(text: str) -> None:
    assert parse_amounts(text) == []


def test_a_unit_symbol_glued_as_written_stays_a_unit() -> None:
    assert [(a.text, a.value.unit) for a in parse_amounts("a 60Hz hum")] == [("60Hz", "Hz")]


def test_people_of_an_age_are_counted_people_and_their_age_no_claim(nlp: Any) -> None:
    assert counts(nlp, "Rescuers pulled three 6-year-olds from the river.") == [
        ("three", "person")]


def test_a_number_set_off_after_male_is_an_age(nlp: Any) -> None:
    assert counts(nlp, "A female, 31, and two men were hurt.") == [("two", "man")]


def test_a_lower_case_adjective_is_no_nationality(nlp: Any) -> None:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.model.claims import QuantityClaim
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import Source

    text = "Two male victims and three Israeli sailors were hurt."
    source = Source(id="t", path="t.txt", text=text, published=PUBLISHED)
    claims = [c for c in extract_claims(nlp(text), source, load_ruleset().vocabulary)
              if isinstance(c, QuantityClaim)]
    facets = {c.text: c.about.counted.facets if c.about.counted else () for c in claims}
    assert not any(f.startswith("from:") for f in facets["Two"])
    assert "from:IL" in facets["three"]
