"""Names and titles of speakers, and resolving short forms and roles (no model)."""

from __future__ import annotations

import pytest

from claimcheck.extract.outlets import is_outlet
from claimcheck.extract.speakers import (
    NameBook,
    NameMention,
    TitledName,
    name_key,
    split_title,
)


@pytest.mark.parametrize(("words", "expected"), [
    ("Russian President Vladimir Putin", TitledName(("russian", "president"), "Vladimir Putin")),
    ("External Affairs Minister Salman Khurshid",
     TitledName(("external", "affairs", "minister"), "Salman Khurshid")),
    ("U.S. Secretary of State John Kerry",
     TitledName(("us", "secretary", "of", "state"), "John Kerry")),
    ("Secretary-General Ban Ki-moon", TitledName(("secretary", "general"), "Ban Ki-moon")),
    ("UN-Arab League envoy to Syria Lakhdar Brahimi",
     TitledName(("un", "arab", "league", "envoy", "to", "syria"), "Lakhdar Brahimi")),
    ("the Russian President", TitledName(("russian", "president"), "")),
    ("Putin", TitledName((), "Putin")),
    ("President Assad", TitledName(("president",), "Assad")),
    ("the global community", TitledName((), "")),
])
def test_split_title(words: str, expected: TitledName) -> None:
    assert split_title(words.split()) == expected


def test_leading_nationality_is_not_a_name() -> None:
    assert split_title(["Chinese", "Xi"], [True, False]).name == "Xi"


def book() -> NameBook:
    return NameBook([
        NameMention("Vladimir Putin", ("russian", "president"), 0, True, True),
        NameMention("Bashar al-Assad", ("syrian", "president"), 50, True, False),
        NameMention("John Kerry", ("us", "secretary", "of", "state"), 100, True, True),
        NameMention("Kerry", (), 150, True, True),
        NameMention("Xi Jinping", ("chinese", "president"), 300, True, True),
    ])


def test_short_form_resolves_to_the_full_name() -> None:
    assert book().full_name("Putin", 200) == "Vladimir Putin"
    assert book().full_name("Assad", 200) == "Bashar al-Assad"
    assert book().full_name("Kerry", 200) == "John Kerry"


def test_full_name_met_only_later_is_used() -> None:
    assert book().full_name("Jinping", 10) == "Xi Jinping"


def test_unknown_name_is_kept() -> None:
    assert book().full_name("Lavrov", 200) == "Lavrov"


def test_role_resolves_to_the_last_person_with_that_title() -> None:
    assert book().by_role(("russian", "president"), 200) == "Vladimir Putin"
    assert book().by_role(("syrian", "president"), 200) == "Bashar al-Assad"
    assert book().by_role(("secretary", "of", "state"), 200) == "John Kerry"
    assert book().by_role(("president",), 200) == "Bashar al-Assad"
    assert book().by_role(("president",), 400) == "Xi Jinping"
    assert book().by_role(("prime", "minister"), 400) is None


def test_pronoun_takes_the_last_subject_named() -> None:
    # Assad was named after Putin, but as an object: "he" is still Putin
    assert book().last_person(90) == "Vladimir Putin"
    assert book().last_person(200) == "John Kerry"
    assert book().last_person(0) is None


def test_pronoun_skips_people_a_title_gives_the_other_gender() -> None:
    names = NameBook([
        NameMention("Ann Lee", ("mrs",), 0, True, True, gender="f"),
        NameMention("Tom Ray", (), 50, True, True),
        NameMention("Lee", (), 60, True, False),
    ])
    assert names.last_person(100, "he") == "Tom Ray"
    assert names.last_person(100, "she") == "Tom Ray"  # his gender is unknown: a candidate
    # "Mrs Lee" later in the text tells Ann Lee's gender for every mention of her
    assert NameBook([NameMention("Tom Ray", (), 0, True, True),
                     NameMention("Ann Lee", (), 50, True, True),
                     NameMention("Lee", ("mrs",), 200, True, False, gender="f")]
                    ).last_person(100, "he") == "Tom Ray"


@pytest.mark.parametrize(("words", "flags", "name"), [
    # police ranks, spelt out or abbreviated, are titles
    ("Det Con Tim Bird", None, "Tim Bird"),
    ("DC Bird", None, "Bird"),
    # a common noun of occupation before a name is not part of it
    ("Actor Tom Hale", [True, False, False], "Tom Hale"),
    ("Geologist Ann Marsh", [False, False, False], "Ann Marsh"),
    # but a two-word name keeps both words
    ("Baptist Ann", [False, False], "Baptist Ann"),
    # what the tokenizer leaves of an age before a name, a byline's dash
    ("-old Ann Marsh", None, "Ann Marsh"),
    ("— Ann Marsh", None, "Ann Marsh"),
])
def test_titles_and_occupations_are_not_names(words: str, flags: list[bool] | None,
                                              name: str) -> None:
    assert split_title(words.split(), flags).name == name


def test_short_form_of_two_people_stays_as_written() -> None:
    names = NameBook([
        NameMention("Nora Vale", (), 0, True, True),
        NameMention("Peter Vale", (), 50, True, True),
    ])
    # "Vale" could be either: it is resolved to neither, and still matches both
    assert names.full_name("Vale", 100) == "Vale"
    assert names.full_name("Peter", 100) == "Peter Vale"


def test_longer_forms_of_one_name_still_resolve() -> None:
    names = NameBook([
        NameMention("Peter Vale", (), 0, True, True),
        NameMention("Peter K. Vale", (), 50, True, True),
    ])
    assert names.full_name("Vale", 100) == "Peter K. Vale"
    # a son is another person
    names.add(NameMention("Peter Vale Jr.", (), 80, True, True))
    assert names.full_name("Vale", 100) == "Vale"


def test_initials_written_two_ways_are_one_name() -> None:
    names = NameBook([NameMention("T.J. Orr", (), 0, True, True),
                      NameMention("TJ Orr", (), 40, True, True)])
    assert name_key("T.J. Orr") == name_key("TJ Orr")
    assert names.full_name("Orr", 100) == "TJ Orr"  # one name, not two people


def test_a_label_is_known_in_the_case_the_article_writes_it() -> None:
    names = NameBook([NameMention("Nora Vale", (), 0, True, True),
                      NameMention("Vale", (), 30, True, True)])
    assert names.knows("VALE") == "Vale"
    assert names.knows("ORR") is None


@pytest.mark.parametrize(("name", "person", "outlet"), [
    ("WXYZ", False, True),  # call letters
    ("KQRS-TV", False, True),
    ("WADA", False, False),  # an agency that speaks for itself
    ("WHO", False, False),
    ("Channel Nine News", False, True),
    ("the Mill Valley Herald", False, True),
    ("AP", False, True),
    ("Emily Post", True, False),  # a person whose surname is a paper's word
    ("Nora Vale", False, False),
])
def test_outlets_are_told_from_speakers(name: str, person: bool, outlet: bool) -> None:
    assert is_outlet(name, person) is outlet
