"""What a toll counts, proved on short texts of our own through the whole pipeline: the
measure read from the whole clause, people listed one by one, parts in a condition,
whether the one who did it is counted, totals over several events or a span of time,
and numbers inside names and addresses."""

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


def _attribute(report: Report, source: str, text: str) -> str:
    claim = find_claim(report, source, text, kind="quantity")
    assert claim is not None, f"no quantity “{text}” in {source}"
    return claim.about.attribute


def _contradictions(report: Report) -> int:
    return sum(f.verdict is Verdict.CONTRADICT for f in report.findings)


def test_the_measure_comes_from_the_whole_clause(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Eleven people were shot and wounded near the pier.\n\n"
                 "A guard used a stun gun on two men.\n\n"
                 "One of five victims of the pier shooting died on Monday.\n\n"
                 "Three teenagers are in custody.\n",
    })
    assert _attribute(report, "a.txt", "Eleven") == "injuries"
    assert _attribute(report, "a.txt", "two") != "shot"
    assert _attribute(report, "a.txt", "five") != "deaths"  # only the one died
    assert _attribute(report, "a.txt", "Three") == "arrests"
    shot = _compare(nlp, {"a.txt": "5 shot, 1 killed in Main Street shooting\n",
                          "b.txt": "Five people were shot in the Main Street shooting.\n"})
    assert Verdict.AGREE in {f.verdict for f in shot.findings
                             if {_id(shot, "a.txt", "5"), _id(shot, "b.txt", "Five")}
                             <= set(f.claims)}
    dead = _compare(nlp, {"a.txt": "2 shot dead in Main Street dispute\n\n"
                                   "3 shot in Elm Street shooting\n"})
    assert _attribute(dead, "a.txt", "2") == "deaths"  # the word after "shot" says more
    assert _attribute(dead, "a.txt", "3") == "shot"
    headline = _compare(nlp, {"a.txt": "Party Shooting Leaves 1 Man Dead, 9 People Wounded\n"})
    assert _attribute(headline, "a.txt", "1") == "deaths"
    assert _attribute(headline, "a.txt", "9") == "injuries"


def test_people_listed_one_by_one_are_never_the_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The shooting left a 12-year-old girl and two women wounded.\n\n"
                 "One officer and three deputies were killed in the ambush.\n",
        "b.txt": "Three people were wounded in the shooting.\n\n"
                 "Four deputies died in the ambush.\n",
        "c.txt": "One man, age 19, was hit in the arm, one, age 33, in the hip, and a "
                 "third in the foot.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "two"), _id(report, "b.txt", "Three"))
    assert not opposed(report, _id(report, "a.txt", "three"), _id(report, "b.txt", "Four"))
    assert not opposed(report, _id(report, "c.txt", "One"), _id(report, "b.txt", "Three"))
    assert _contradictions(report) == 0


def test_a_part_in_a_condition_is_compared_only_with_the_same_part(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Eleven people were shot and wounded, one critically.\n",
        "b.txt": "Police said nine people were wounded.\n",
        "c.txt": "Two people were hurt critically in the shooting.\n",
    })
    one = _id(report, "a.txt", "one")
    headline = _compare(nlp, {"a.txt": "Fourteen others injured, 5 critically\n",
                              "b.txt": "Police said 14 people were injured.\n"})
    assert not opposed(headline, _id(headline, "a.txt", "5"), _id(headline, "b.txt", "14"))
    assert Verdict.AGREE in {f.verdict for f in headline.findings
                             if {_id(headline, "a.txt", "Fourteen"),
                                 _id(headline, "b.txt", "14")} <= set(f.claims)}
    assert not opposed(report, one, _id(report, "b.txt", "nine"))
    assert opposed(report, _id(report, "a.txt", "Eleven"), _id(report, "b.txt", "nine"))
    assert opposed(report, one, _id(report, "c.txt", "Two"))


def test_whether_the_gunman_is_counted_keeps_two_tolls_apart(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Four people are dead, including the gunman, after the mall shooting.\n",
        "b.txt": "At the mall, the gunman killed three people and then himself.\n",
        "c.txt": "Six people died in the mall shooting, including the gunman.\n",
    })
    four = _id(report, "a.txt", "Four")
    assert not opposed(report, four, _id(report, "b.txt", "three"))
    assert opposed(report, four, _id(report, "c.txt", "Six"))


def test_a_toll_where_the_gunman_died_may_differ_by_him_alone(nlp: Any) -> None:
    texts = {
        "a.txt": "A gunman opened fire at the mall on Sunday, leaving one person dead. "
                 "The gunman was later shot and killed by officers.\n",
        "b.txt": "Two people are dead after the mall shooting on Sunday, police said.\n",
        "c.txt": "Five people are dead after the mall shooting on Sunday, police said.\n",
    }
    pair = _compare(nlp, {name: texts[name] for name in ("a.txt", "b.txt")})
    assert not opposed(pair, _id(pair, "a.txt", "one"), _id(pair, "b.txt", "Two"))  # him
    assert _contradictions(pair) == 0
    more = _compare(nlp, {name: texts[name] for name in ("a.txt", "c.txt")})
    assert opposed(more, _id(more, "a.txt", "one"), _id(more, "c.txt", "Five"))
    alive = _compare(nlp, {"a.txt": "A gunman opened fire at the mall on Sunday, leaving "
                           "one person dead. The gunman was arrested.\n",
                           "b.txt": texts["b.txt"]})
    assert opposed(alive, _id(alive, "a.txt", "one"), _id(alive, "b.txt", "Two"))


def test_the_one_the_police_killed_is_the_one_who_did_it(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The man killed two people at the mall on Sunday before police killed "
                 "him.\n",
        "b.txt": "Three people are dead after the mall shooting on Sunday, police said.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "two"), _id(report, "b.txt", "Three"))
    victim = _compare(nlp, {
        "a.txt": "The man killed two people at the mall on Sunday before a guard tackled "
                 "him.\n",
        "b.txt": "Three people are dead after the mall shooting on Sunday, police said.\n",
    })
    assert opposed(victim, _id(victim, "a.txt", "two"), _id(victim, "b.txt", "Three"))


def test_someone_included_who_took_her_own_life_is_counted(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Four people are dead after the mall shooting, including Jane Roe, who "
                 "took her own life.\n",
        "b.txt": "Three people were killed at the mall, including a child, and then the "
                 "gunman killed himself.\n",
    })
    four = find_claim(report, "a.txt", "Four", kind="quantity")
    three = find_claim(report, "b.txt", "Three", kind="quantity")
    assert four is not None and three is not None
    assert four.about.counted is not None and three.about.counted is not None
    assert "perpetrator:counted" in four.about.counted.facets
    assert "perpetrator:not counted" in three.about.counted.facets


def test_people_the_parse_lists_beside_the_count_are_some_of_them(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Police said the shooting in the park injured two men and a "
                 "10-year-old girl.\n\n"
                 "Two students were hospitalized along with their teacher.\n",
        "b.txt": "Three people were injured in the park shooting.\n",
    })
    three = _id(report, "b.txt", "Three")
    assert not opposed(report, _id(report, "a.txt", "two"), three)
    assert not opposed(report, _id(report, "a.txt", "Two"), three)
    assert _contradictions(report) == 0


def test_a_headline_with_no_full_stop_lends_its_words_to_no_count_below_it(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "4 shot, 1 killed on Elm Street\n\nFour men were shot during a fight on "
                 "Elm Street on Tuesday morning.\n",
        "b.txt": "One person is dead and three others are hurt after a shooting on Elm "
                 "Street on Tuesday.\n",
    })
    assert _attribute(report, "a.txt", "Four") == "shot"
    assert _attribute(report, "a.txt", "1") == "deaths"
    four = find_claim(report, "a.txt", "Four", kind="quantity")
    assert four is not None and "killed" not in four.sentence  # its own sentence
    assert _contradictions(report) == 0


def test_a_headlines_capitalised_verb_or_adverb_says_what_its_number_counts(
        nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Party Shooting Kills 1 Person, Wounds 5 In Springfield\n\n"
                 "Police are looking for the gunman.\n",
        "b.txt": "7 Shot, 2 Fatally, At Springfield Party\n\nPolice have no suspect.\n",
    })
    assert _attribute(report, "a.txt", "1") == "deaths"
    assert _attribute(report, "a.txt", "5") == "injuries"
    assert _attribute(report, "b.txt", "2") == "deaths"


def test_people_also_hurt_are_beyond_someone_already_counted(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Officers said a man was shot in the arm at the tavern on Friday.\n\n"
                 "Two women were also shot inside the tavern.\n",
        "b.txt": "Three people were shot inside the tavern, police said.\n",
    })
    two = find_claim(report, "a.txt", "Two", kind="quantity")
    assert two is not None and two.about.counted is not None
    assert "rest:other" in two.about.counted.facets
    assert not opposed(report, two.id, _id(report, "b.txt", "Three"))


def test_also_in_a_relative_clause_the_parser_hung_elsewhere_still_adds(nlp: Any) -> None:
    # the parser hangs "who were also shot" on "legs", not on "victims": the clause
    # that opens right after the count's noun is still its own
    report = _compare(nlp, {
        "a.txt": "Medics found one man, who was shot twice in the legs and two female "
                 "victims, who were also shot once in the legs inside the bar.\n",
        "b.txt": "A gunman shot four people in the bar on Sunday, police said.\n",
    })
    two = find_claim(report, "a.txt", "two", kind="quantity")
    assert two is not None and two.about.counted is not None
    assert "rest:other" in two.about.counted.facets
    assert not opposed(report, two.id, _id(report, "b.txt", "four"))


def test_totals_over_several_events_or_a_span_of_time_are_no_events_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Police are looking into a pair of shootings that left five people "
                 "wounded.\n\nSo far this year, 81 people have been shot in the city.\n\n"
                 "Officials named three men who were killed over the past week.\n",
        "b.txt": "Two people were wounded in the shooting on Elm Street.\n\n"
                 "Two people were shot at the party.\n\nOne man was killed in the "
                 "shooting.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "five"), _id(report, "b.txt", "Two"))
    assert _contradictions(report) == 0


def test_a_perfect_verb_over_a_month_or_the_country_adds_up_many_events(nlp: Any) -> None:
    # "have been slain nationwide in July" adds up the month's killings; "were killed in
    # July" may be the story's own toll, dated by its month
    report = compare_texts(nlp, {
        "a.txt": "One officer was killed in the shooting on Elm Street, police said.\n",
        "b.txt": "Figures on a memorial website showed that 19 officers have been slain "
                 "nationwide in July.\n\nTwo officers were killed in July in the "
                 "shooting on Elm Street.\n",
    }, default=dt.date(2024, 7, 22))
    one = _id(report, "a.txt", "One")
    month = find_claim(report, "b.txt", "19", kind="quantity")
    assert month is not None and month.about.event is not None and month.about.event.distinct
    assert not opposed(report, month.id, one)
    assert opposed(report, _id(report, "b.txt", "Two"), one)


def test_a_count_in_what_someone_is_accused_of_is_not_of_the_act_above_it(nlp: Any) -> None:
    # "accused of wounding seven others, he halted his trial": the seven were wounded in
    # the shooting, not in the trial the sentence is about
    report = _compare(nlp, {
        "a.txt": "A man accused of killing a bartender and wounding seven others "
                 "abruptly halted his trial on Tuesday and pleaded guilty.\n",
        "b.txt": "One person was killed and five others were injured in a shooting at a "
                 "nightclub, police said.\n",
    })
    seven = find_claim(report, "a.txt", "seven", kind="quantity")
    assert seven is not None
    assert seven.about.event is None or seven.about.event.head != "trial"
    assert opposed(report, seven.id, _id(report, "b.txt", "five"))


def test_people_beyond_someone_named_are_the_rest(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Deputies found two dead men in the truck in addition to the driver.\n",
        "b.txt": "Three bodies were found in the truck, deputies said.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "two"), _id(report, "b.txt", "Three"))


def test_numbers_in_names_addresses_and_after_names_are_not_counts(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "WXYZ News 12 Springfield reported a shooting at 4417 Elmhurst on "
                 "Friday.\n\nPolice arrested Jon Doe Smith, 23 in connection with the "
                 "shooting.\n\nPolice said two men, one 17 and the other 20, were hurt.\n\n"
                 "Photo 14 of 52 TV crews line the street.\n",
    })
    texts = {c.text for c in report.claims if c.kind == "quantity"}
    assert not texts & {"12", "4417", "23", "17", "20", "14", "52 TV", "52"}, texts


def test_tolls_over_unnamed_shootings_or_recent_weeks_are_no_events_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "One Killed, Four Wounded In Overnight Shootings\n\n"
                 "Police are looking for two gunmen.\n\n"
                 "Across the city, 60 people have been shot in recent weeks.\n",
        "b.txt": "Two people were wounded in the shooting on Elm Street on Friday.\n\n"
                 "A man was killed in the shooting.\n\n"
                 "Two people were shot.\n",
    })
    for text in ("One", "Four", "60"):
        claim = find_claim(report, "a.txt", text, kind="quantity")
        assert claim is not None and claim.about.event is not None, text
        assert claim.about.event.distinct, text
    assert _contradictions(report) == 0


def test_a_family_a_shot_fired_and_people_not_shot_are_no_tolls(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "A father of three was wounded in the shooting.\n\n"
                 "The gunman fired one shot at a man and missed.\n\n"
                 "Police said two girls on the porch were not shot.\n",
    })
    texts = {c.text: c for c in report.claims if c.kind == "quantity"}
    assert "three" not in texts, texts
    assert texts["one"].about.attribute != "shot"
    assert texts["two"].about.attribute != "shot"


def test_a_roads_number_is_not_a_count(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Two bodies were found in a car beside U.S. 27 on Monday.\n\n"
                 "The crash closed Interstate 80 and I-75 for hours.\n\n"
                 "The U.S. 3 soldiers were flown home.\n",
    })
    texts = {c.text for c in report.claims if c.kind == "quantity"}
    assert not texts & {"27", "80", "75"}, texts
    assert {"Two", "3"} <= texts, texts


def test_a_condition_and_a_zero_belong_to_their_own_clause(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Five people were killed and another critically injured at the farm.\n",
        "b.txt": "Six people died at the farm, police said.\n",
        "c.txt": "Two people were found shot to death in a truck.\n",
    })
    assert opposed(report, _id(report, "a.txt", "Five"), _id(report, "b.txt", "Six"))
    assert _attribute(report, "c.txt", "Two") == "deaths"
    zero = _compare(nlp, {
        "a.txt": "Luckily no one was shot from the four rounds that were fired.\n",
        "b.txt": "Police said three people were shot at the farm.\n",
    })
    assert not opposed(zero, _id(zero, "a.txt", "no one"), _id(zero, "b.txt", "three"))


def test_an_age_glued_to_a_name_is_not_a_count(nlp: Any) -> None:
    report = _compare(nlp, {"a.txt": "Jane Doe,20, of Springfield died at the scene.\n"})
    assert not [c for c in report.claims if c.kind == "quantity"]


def test_another_doer_a_tenure_and_a_surname_taken_for_a_place(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "He struck days after four deputies were shot and killed by another man.\n\n"
                 "Officer Lane, a 9-year veteran of the force, was hurt.\n\n"
                 "One suspect, Carl Beckman, 27, was arrested on Thursday.\n",
        "b.txt": "Two deputies were killed in the ambush.\n\n"
                 "A 12-year veteran of the force was hurt.\n\nPolice arrested two men.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "four"), _id(report, "b.txt", "Two"))
    texts = {c.text for c in report.claims if c.kind == "quantity"}
    assert not texts & {"9-year", "12-year", "27"}, texts


def test_others_than_people_another_measure_named_are_all_of_theirs(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The shooting killed Jane Doe, 21, and John Roe, 22, on Friday. Police said "
                 "two others were injured.\n",
        "b.txt": "Four people were injured in the shooting on Friday.\n",
    })
    assert opposed(report, _id(report, "a.txt", "two"), _id(report, "b.txt", "Four"))


def test_people_a_relative_clause_picks_out_are_some_of_them(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The two people who drove themselves to the hospital had minor injuries.\n",
        "b.txt": "Five people were injured in the shooting.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "two"), _id(report, "b.txt", "Five"))


def test_a_named_person_and_others_are_a_list_not_the_toll(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "He faces several counts of murder. Flowers lay at the house where Nathan "
                 "Cole and seven others were killed on Sunday.\n",
        "b.txt": "Eight people were killed in the house on Sunday.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "seven"), _id(report, "b.txt", "Eight"))


def test_a_count_before_a_year_is_a_count_and_a_phone_number_is_none(nlp: Any) -> None:
    report = _compare(nlp, {"a.txt": "Of the 150 2014 graduates, most found work. Call "
                                     "555 1234 or 555-2014 for tickets.\n"})
    assert [c.text for c in report.claims if c.kind == "quantity"] == ["150"]


def test_the_words_of_a_parks_name_are_not_a_town(nlp: Any) -> None:
    report = _compare(nlp, {"a.txt": "Two teens were shot at Los Altos Skate Park on Friday, "
                                     "police said.\n"})
    count = find_claim(report, "a.txt", "Two", kind="quantity")
    assert count is not None and count.about.event is not None
    assert [p.name for p in count.about.event.places] == []


def test_a_gallery_counter_a_corrected_figure_and_listed_ages_are_no_counts(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Photo: City Police 2 men sought in the bar shooting 1 / 3 Back to Gallery\n\n"
                 "Officials said three people were hurt, not four as first reported.\n\n"
                 "Police said two men, 41 and 26, were shot on Elm Street.\n",
        "b.txt": "Four people were shot at the bar, police said.\n",
    })
    texts = {c.text for c in report.claims if c.kind == "quantity" and c.source == "a.txt"}
    assert not texts & {"1", "3", "four", "41", "26"}, texts
    assert {"three", "two"} <= texts, texts
    assert _contradictions(_compare(nlp, {
        "a.txt": "Photo: Staff 1 / 2 Back to Gallery\n\nSix people were shot on Friday.\n",
        "b.txt": "Police said six people were shot on Friday.\n"})) == 0


def test_one_of_people_just_counted_and_a_list_of_kinds_are_parts(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The other victims were a 15-year-old shot in the hand and two 17-year-olds, "
                 "one shot in the leg and the other in the arm.\n",
        "b.txt": "Five shot at a park in Springfield\n",
        "c.txt": "3 adults, 1 child shot in Springfield\n",
        "d.txt": "5 adults, one child shot in Springfield\n",
    })
    assert not opposed(report, _id(report, "a.txt", "one"), _id(report, "b.txt", "Five"))
    assert not opposed(report, _id(report, "c.txt", "3"), _id(report, "d.txt", "5"))
    assert _contradictions(report) == 0


def test_parts_by_origin_severity_and_inclusion_are_never_the_total(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "The gunfire injured nine people, six from the same family, police said.\n\n"
                 "One person, a man in his 20s, received serious injuries.\n\n"
                 "Apart from the boy, the wounded included a woman in her 40s, and five men "
                 "in their 20s.\n\n"
                 "A woman, who was walking her dog, and three men were hospitalized.\n",
        "b.txt": "Police said eight people were hurt in the shooting.\n",
    })
    for text in ("six", "One", "five", "three"):
        assert not opposed(report, _id(report, "a.txt", text), _id(report, "b.txt", "eight"))
    assert opposed(report, _id(report, "a.txt", "nine"), _id(report, "b.txt", "eight"))


def test_a_first_figure_the_text_says_was_superseded_is_no_count(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Police initially said that seven people were shot, with five people hurt.\n\n"
                 "Police said on Friday that six people were shot.\n",
        "b.txt": "Six people were shot at the party, police said.\n",
    })
    texts = {c.text for c in report.claims if c.kind == "quantity" and c.source == "a.txt"}
    assert texts == {"six"}, texts
    assert _contradictions(report) == 0


def test_others_wounded_after_one_killed_are_all_the_wounded(nlp: Any) -> None:
    report = _compare(nlp, {
        "a.txt": "Jon Doe is accused of killing Jane Roe and wounding four others in the "
                 "shooting at the club.\n",
        "b.txt": "The shooting killed one woman and wounded six people at the club.\n",
    })
    assert opposed(report, _id(report, "a.txt", "four"), _id(report, "b.txt", "six"))


def test_a_count_placed_in_a_sequence_is_some_of_the_people(nlp: Any) -> None:
    # "the first three victims" are the first of more: never the toll of the attack
    report = _compare(nlp, {
        "a.txt": "The killing began on Friday night, with the first three victims "
                 "stabbed to death in a house.\n",
        "b.txt": "A man killed six people in the attack on Friday night.\n",
    })
    assert not opposed(report, _id(report, "a.txt", "three"), _id(report, "b.txt", "six"))
    assert _contradictions(report) == 0


def test_people_in_another_statement_or_clause_make_no_list_of_the_count(nlp: Any) -> None:
    # a semicolon parts two statements of a headline; a name that ends the clause
    # before the count's is no item of a list with it: both counts are the toll
    report = _compare(nlp, {
        "a.txt": "Toddler killed in drive-by shooting in Ohio; 2 adults hurt\n\nDAYTON, Ohio "
                 "(AP) — Authorities in a southwest Ohio city say a 13-month-old boy has "
                 "been killed in a drive-by shooting.\n",
        "b.txt": "A boy was killed in a drive-by shooting in Ohio on Friday. In the shooting "
                 "that killed Johnson, three adults were shot and wounded.\n",
    })
    assert opposed(report, _id(report, "a.txt", "2"), _id(report, "b.txt", "three"))
    # an age after a name is no count, whatever clause the name ends
    ages = _compare(nlp, {
        "a.txt": "Calvin Williams, 24 was shot in the chest, and Jamie Clayton, 22 was shot "
                 "in both legs.\n",
        "b.txt": "Two people were shot.\n",
    })
    assert _contradictions(ages) == 0


def test_others_beside_a_toll_of_several_shootings_are_of_them_too(nlp: Any) -> None:
    # the parser hangs "four others wounded" on "pair", outside the clause of the dead:
    # the others are still the toll of the two shootings, not of the story's one
    report = _compare(nlp, {
        "a.txt": "Police are investigating a pair of shootings that have left at least one "
                 "person dead and four others wounded in South Los Angeles Wednesday.\n",
        "b.txt": "Three people were wounded in the shooting in South Los Angeles on "
                 "Wednesday.\n",
    })
    four = find_claim(report, "a.txt", "four", kind="quantity")
    assert four is not None and four.about.event is not None and four.about.event.distinct
    assert not opposed(report, four.id, _id(report, "b.txt", "Three"))
