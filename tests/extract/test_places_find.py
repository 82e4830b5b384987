"""Place claims found in parsed text (loads the trained pipeline)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.places import find
from claimcheck.model.places import LocationValue

pytestmark = pytest.mark.model

# The shared seed articles live in a ``shared/`` folder beside the repository.
SEEDS = next((parent / "shared" / "seeds" for parent in Path(__file__).resolve().parents
              if (parent / "shared" / "seeds").is_dir()), Path("shared") / "seeds")


def claims(nlp: Any, text: str) -> list[tuple[str, str, bool]]:
    doc = nlp(text)
    found = []
    for mention in find(doc, date(2013, 9, 13)):
        assert isinstance(mention.value, LocationValue)
        assert mention.kind == "location"
        assert mention.token is not None
        assert mention.start <= doc[mention.token].idx < mention.end  # the name's head
        found.append((text[mention.start:mention.end], mention.value.place.label(),
                      mention.value.place.around))
    return found


@pytest.mark.parametrize(("text", "expected"), [
    ("Leaders met at a security summit in Kyrgyzstan on Friday.",
     [("Kyrgyzstan", "Kyrgyzstan", False)]),
    ("Putin spoke at the summit in the Kyrgyz capital Bishkek.",
     [("Bishkek", "Bishkek, KG", False)]),
    ("The attack took place near Damascus last month.",
     [("Damascus", "near Damascus, SY", True)]),
    ("Rockets hit a Damascus suburb on Sunday.",
     [("Damascus", "near Damascus, SY", True)]),
    ("Ministers met on the sidelines of a summit in Bali, Indonesia, on Monday.",
     [("Bali", "Bali, ID", False)]),
    ("Officials gathered for talks in Astana, Kazakhstan, last month.",
     [("Astana", "Astana, KZ", False)]),
    ("The festival was held in Paris, Texas, last year.",
     [("Paris", "Paris, US", False)]),
    ("Shells fell on the outskirts of Aleppo overnight.",  # the model tags Aleppo LANGUAGE
     [("Aleppo", "near Aleppo, SY", True)]),
    ("Clashes erupted outside Homs on Sunday.", [("Homs", "near Homs, SY", True)]),
    ("Protesters gathered in Tahrir Square in Cairo.", [("Cairo", "Cairo, EG", False)]),
    ("Talks in Geneva, US Secretary of State John Kerry said, went well.",
     [("Geneva", "Geneva, CH", False)]),
])
def test_places_that_locate_an_event(nlp: Any, text: str,
                                     expected: list[tuple[str, str, bool]]) -> None:
    assert claims(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin said the plan was sound.",
    "Syria's chemical weapons will be destroyed.",
    "U.S. Secretary of State John Kerry praised the deal.",
    "Washington said it would renounce the threats.",
    "Experts from the Organization for the Prohibition of Chemical Weapons in The Hague "
    "began work.",
])
def test_names_that_locate_nothing_are_not_claims(nlp: Any, text: str) -> None:
    assert claims(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("BALI, Indonesia — President Vladimir Putin says the decision was justified.",
     ("BALI", "Bali, ID", False)),
    ("DAMASCUS (Reuters) - Syrian forces shelled rebel areas on Sunday.",
     ("DAMASCUS", "Damascus, SY", False)),
    ("GENEVA -- Talks resumed on Monday.", ("GENEVA", "Geneva, CH", False)),
])
def test_a_dateline_locates_the_story(nlp: Any, text: str,
                                      expected: tuple[str, str, bool]) -> None:
    assert claims(nlp, text) == [expected]


def test_a_bare_capital_phrase_is_resolved(nlp: Any) -> None:
    assert claims(nlp, "Fighting broke out in the Syrian capital on Sunday.") == [
        ("Syrian capital", "Damascus, SY", False)]


def test_an_unknown_place_is_an_unresolved_claim(nlp: Any) -> None:
    doc = nlp("The meeting was held in Xyzzyville on Monday.")
    values = [m.value for m in find(doc, None) if isinstance(m.value, LocationValue)]
    assert all(v.place.id is None and not v.confident for v in values)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
@pytest.mark.parametrize(("source", "sentence", "label"), [
    ("000_0e9b06dfa165c864.txt", "told a security summit in Kyrgyzstan", "Kyrgyzstan"),
    ("000_0e9b06dfa165c864.txt", "in the Kyrgyz capital Bishkek", "Bishkek, KG"),
    ("004_eb993784b28d4e74.txt", "Heads of State Summit in Bishkek", "Bishkek, KG"),
    ("001_1b8d3af3106904aa.txt", "an economic summit in Bali, Indonesia", "Bali, ID"),
    ("001_1b8d3af3106904aa.txt", "chemical weapons attack near Damascus",
     "near Damascus, SY"),
    ("004_eb993784b28d4e74.txt", "attack in a Damascus suburb", "near Damascus, SY"),
])
def test_seed_places(nlp: Any, source: str, sentence: str, label: str) -> None:
    text = (SEEDS / source).read_text(encoding="utf-8")
    doc = nlp(text)
    where = text.index(sentence)
    inside = [m for m in find(doc, None)
              if where <= m.start < where + len(sentence)]
    assert len(inside) == 1
    value = inside[0].value
    assert isinstance(value, LocationValue)
    assert value.place.label() == label
    assert value.confident


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not present")
def test_seed_non_places(nlp: Any) -> None:
    text = (SEEDS / "000_0e9b06dfa165c864.txt").read_text(encoding="utf-8")
    spans = {text[m.start:m.end] for m in find(nlp(text), None)}
    assert spans == {"Kyrgyzstan", "Bishkek"}  # no "Russian", "Syria's", "Washington"


@pytest.mark.model
def test_a_town_the_model_calls_a_person_is_still_a_place(nlp: Any) -> None:
    from claimcheck.extract.places import find

    doc = nlp("The quake hit near Izmir shortly after 3 a.m., flattening apartment blocks.")
    names = [doc.text[m.start:m.end] for m in find(doc, None)]
    assert names == ["Izmir"]


@pytest.mark.parametrize("text", [
    # an organisation named like a foreign alternate of a town (GeoNames lists other
    # languages' names): not a place
    "Officials pressed the Egyptians to rein in Hamas after the strikes.",
    # directions are parts of what the text is about, not the gazetteer's namesakes
    "The team will march under one flag at the games in the South next month.",
    "Flooding closed roads in the Northeast on Sunday.",
    # a capitalised thing with an article, a lower-case word, an accent the text lacks
    "She said she was in a red Mustang headed north.",
    "The glasses were sold in major metro areas around the country.",
    "She spoke about her faith in God in the memoir.",
])
def test_words_that_only_look_like_places(nlp: Any, text: str) -> None:
    assert claims(nlp, text) == []


def test_small_town_the_model_missed_needs_a_name_of_several_words() -> None:
    from claimcheck.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.well_known("Bishkek") and gaz.well_known("BALI") and gaz.well_known("U.S.")
    assert gaz.well_known("State College")  # a town, but no common word
    assert not gaz.well_known("Hamas")  # an alternate name of Hamm
    assert not gaz.well_known("God")  # Göd, accent stripped
    assert not gaz.well_known("Police") and not gaz.well_known("Green")  # small towns


def _named_in(nlp: Any, text: str) -> list[tuple[str, str, str | None]]:
    found = []
    for mention in find(nlp(text), None):
        assert isinstance(mention.value, LocationValue)
        found.append((text[mention.start:mention.end], mention.value.place.label(),
                      mention.value.named_in))
    return found


@pytest.mark.parametrize(("text", "place", "name"), [
    # a movement or a public body named for its place
    ("Members of Occupy Denver stayed on the lawn all night.", "Denver, US",
     "Occupy Denver"),
    ("Students at the University of Vermont marched on Friday.", "Vermont, US",
     "University of Vermont"),
])
def test_a_place_inside_a_name_is_evidence_of_where(nlp: Any, text: str, place: str,
                                                    name: str) -> None:
    found = _named_in(nlp, text)
    assert [(label, named) for _, label, named in found] == [(place, name)]


@pytest.mark.parametrize("text", [
    # a business or an outlet named for a city is not in it
    "Guests stayed at the Algiers Motel for a week.",
    "The Chicago Tribune reported the vote on Monday.",
    # a body's seat, not its story's place: a city's police work in its suburbs too
    "The Denver Police Department gave no reason.",
    # a name a city and a state share tells neither
    "Students at the University of Oklahoma marched on Friday.",
    # a city's name after "the" that is not part of it names something else
    "They took a room at the Algiers and waited out the storm.",
])
def test_namesakes_of_places_are_not_evidence(nlp: Any, text: str) -> None:
    assert _named_in(nlp, text) == []
