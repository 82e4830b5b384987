"""The matching mechanisms, proved on short texts of our own through the whole pipeline:
a toll of a past war, a subgroup, two cities, a rising toll, a count with no event,
zero counts and numbers that count nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from claimcheck.report.view import Report
from tests.helpers import compare_texts, find_claim, opposed, quantity_id, verdicts

pytestmark = pytest.mark.model


def _together(report: Report, a: str, b: str) -> bool:
    """Whether the two claims sit in an agreement or on one side of a contradiction."""
    for finding in report.findings:
        if {a, b} <= set(finding.claims):
            if finding.verdict is Verdict.AGREE:
                return True
            side = {c: n for n, members in enumerate(finding.sides) for c in members}
            if finding.verdict is Verdict.CONTRADICT and side[a] == side[b]:
                return True
    return False


def test_the_toll_of_a_past_war_is_not_this_weeks_toll(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Air strikes killed 23 people in the north of the region this week, "
                 "medics said.\n\nThe 1994 war left more than 3,000 people dead.\n",
        "b.txt": "At least 23 people were killed in the air strikes, officials said on "
                 "Thursday.\n",
    })
    week = quantity_id(report, "a.txt", "23")
    war = quantity_id(report, "a.txt", "more than 3,000")
    other = quantity_id(report, "b.txt", "At least 23")
    assert Verdict.AGREE in verdicts(report, week, other)
    assert not verdicts(report, war, other)


def test_two_sources_naming_one_past_wars_toll_agree_and_never_meet_this_weeks(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Air strikes killed 23 people in the valley on Tuesday, medics said.\n\n"
                 "The previous valley war, in 1994-1995, killed more than 3,000 people.\n",
        "b.txt": "At least 23 people were killed in the strikes on Tuesday, officials "
                 "said.\n\nThe fighting recalled the winter of 1994-95, when 3,000 people "
                 "died in the valley.\n",
    })
    week_a = quantity_id(report, "a.txt", "23")
    week_b = quantity_id(report, "b.txt", "At least 23")
    war_a = quantity_id(report, "a.txt", "more than 3,000")
    war_b = quantity_id(report, "b.txt", "3,000")
    assert Verdict.AGREE in verdicts(report, week_a, week_b)
    # one past war's toll, a bound and a round figure: agreeing within rounding
    agreeing = [f for f in report.findings
                if f.verdict is Verdict.AGREE and {war_a, war_b} <= set(f.claims)]
    assert agreeing and "within rounding" in agreeing[0].message
    for war in (war_a, war_b):
        for week in (week_a, week_b):
            assert not verdicts(report, war, week)


def test_tolls_of_two_different_past_wars_never_meet(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Air strikes killed 23 people in the valley on Tuesday, medics said.\n\n"
                 "The previous valley war, in 1994-1995, killed more than 3,000 people.\n",
        "b.txt": "At least 23 people were killed in the strikes on Tuesday, officials "
                 "said.\n\nThe fighting recalled the summer of 2006, when 3,000 people "
                 "died in the valley.\n",
    })
    war_a = quantity_id(report, "a.txt", "more than 3,000")
    war_b = quantity_id(report, "b.txt", "3,000")
    assert not verdicts(report, war_a, war_b)


def test_a_subgroup_is_never_compared_with_the_total(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The fire killed 14 people, including six children, the mayor said.\n",
        "b.txt": "Fourteen people died in the fire. Six children were among the dead.\n",
        "c.txt": "The fire killed eight children, a doctor said.\n",
    })
    total = quantity_id(report, "a.txt", "14")
    children = quantity_id(report, "a.txt", "six")
    assert Verdict.AGREE in verdicts(report, total, quantity_id(report, "b.txt", "Fourteen"))
    assert not verdicts(report, children, quantity_id(report, "b.txt", "Fourteen"))
    assert opposed(report, children, quantity_id(report, "c.txt", "eight"))


def test_facets_of_people_agree_and_two_nationalities_do_not_meet(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Three Israeli civilians were killed on Thursday. Rockets killed 19 "
                 "Palestinians.\n",
        "b.txt": "Three Israelis died on Thursday, and 19 Palestinians were killed.\n",
    })
    israelis = quantity_id(report, "a.txt", "Three")
    palestinians = quantity_id(report, "b.txt", "19")
    assert Verdict.AGREE in verdicts(report, israelis, quantity_id(report, "b.txt", "Three"))
    assert not verdicts(report, israelis, palestinians)


def test_counts_reported_from_two_cities_are_not_compared(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "philadelphia.txt": "Protesters in Philadelphia refused to leave. Police in "
                            "Philadelphia watched as about 300 tents stayed up. Philadelphia "
                            "officials said little.\n",
        "la.txt": "In Los Angeles, the camp had grown to roughly 400 tents. Police in Los "
                  "Angeles waited. The mayor of Los Angeles spoke.\n",
    })
    a = quantity_id(report, "philadelphia.txt", "about 300")
    b = quantity_id(report, "la.txt", "roughly 400")
    assert not verdicts(report, a, b)


def test_a_rising_toll_is_a_contradiction_with_its_time_order(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "early.txt": "The earthquake killed 120 people, officials said.\n",
        "late.txt": "The death toll from the earthquake rose to 310, officials said.\n",
    }, published={"early.txt": dt.date(2024, 3, 8), "late.txt": dt.date(2024, 3, 11)})
    early = quantity_id(report, "early.txt", "120")
    late = quantity_id(report, "late.txt", "310")
    assert opposed(report, early, late)
    finding = next(f for f in report.findings if f.verdict is Verdict.CONTRADICT)
    assert "the latest source, late.txt (3 days after early.txt), says “310”" in \
        finding.reason
    data = json.loads(report.render("json"))
    sides = next(f["sides"] for f in data["findings"] if f["verdict"] == "contradict")
    assert sorted(sides) == sorted([[early], [late]])


def test_a_count_that_says_what_happened_is_judged_one_that_does_not_is_not(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Police arrested 12 people near the stadium. About 40 people were there.\n",
        "b.txt": "Fifteen people were arrested, police said. Some 90 people were there.\n",
    })
    assert opposed(report, quantity_id(report, "a.txt", "12"),
                    quantity_id(report, "b.txt", "Fifteen"))
    # "people were there" says nothing of what happened to them: at most possibly related
    assert not verdicts(report, quantity_id(report, "a.txt", "About 40"),
                         quantity_id(report, "b.txt", "Some 90"))


def test_zero_counts_are_claims_and_addresses_and_ages_are_not_counts(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "No arrests have been made after the shooting in the 2300 block of Main "
                 "Street, where a 19-year-old was hurt.\n",
        "b.txt": "Police arrested two people after the shooting.\n",
    })
    zero = quantity_id(report, "a.txt", "No arrests")
    assert opposed(report, zero, quantity_id(report, "b.txt", "two"))
    texts = {c.text for c in report.claims if c.kind == "quantity"}
    assert "2300" not in texts and not any(t.startswith("19") for t in texts)


def test_ages_page_counters_reference_marks_and_ordinals_are_not_counts(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "A man, 52, died at the hospital. Another woman, also 31, was hurt.\n\n"
                 "Picture 3 of 14 Two people were hurt in the fire.[7]\n\n"
                 "A fourth was hurt later. Police sought four men in their late 20's.\n",
    })
    texts = {c.text.lower() for c in report.claims if c.kind == "quantity"}
    assert "two" in texts and "four" in texts
    assert not texts & {"52", "31", "3", "14", "7", "a fourth", "20"}, texts


def test_others_beyond_those_named_are_never_contradicted_unless_another_measure_came_first(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The gunman killed two others at the depot before police shot him dead.\n\n"
                 "One woman was killed and three others were hurt in the shooting.\n",
        "b.txt": "Three people were killed in the shooting at the depot, including the "
                 "gunman.\n\nFive people were hurt in the shooting, police said.\n",
    })
    rest = quantity_id(report, "a.txt", "two")
    assert not opposed(report, rest, quantity_id(report, "b.txt", "Three"))
    assert opposed(report, quantity_id(report, "a.txt", "three"),
                    quantity_id(report, "b.txt", "Five"))


def _date_id(report: Report, source: str, text: str) -> str:
    claim = find_claim(report, source, text, kind="date")
    assert claim is not None, f"no date “{text}” in {source}"
    return claim.id


def test_dates_of_statements_past_events_and_other_anchors_are_never_contradicted(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The Dayton mall shooting happened on Tuesday, police said.\n\n"
                 "Police will hold a news conference on Thursday.\n\n"
                 "The worst shooting at the mall was in 1998.\n",
        "b.txt": "Police held a news conference on Wednesday about the shooting.\n\n"
                 "The Dayton mall shooting happened on Monday night.\n\n"
                 "The mall shooting came weeks after a shooting at the mall on Jan. 2.\n",
    }, published={"a.txt": dt.date(2024, 3, 8), "b.txt": dt.date(2024, 3, 12)})
    assert not opposed(report, _date_id(report, "a.txt", "Thursday"),
                        _date_id(report, "b.txt", "Wednesday"))
    assert not opposed(report, _date_id(report, "a.txt", "1998"),
                        _date_id(report, "b.txt", "Jan. 2"))
    # Tuesday 5 March and Monday 11 March: read against dates four days apart
    assert not opposed(report, _date_id(report, "a.txt", "Tuesday"),
                        _date_id(report, "b.txt", "Monday"))
    same_day = compare_texts(nlp, {
        "a.txt": "The Dayton mall shooting happened on Tuesday, police said.\n",
        "b.txt": "The Dayton mall shooting happened on Wednesday night.\n",
    })
    assert opposed(same_day, _date_id(same_day, "a.txt", "Tuesday"),
                    _date_id(same_day, "b.txt", "Wednesday"))


def test_hedged_zeros_and_counts_in_a_condition_are_not_the_toll(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Seven people were hurt in the shooting at the depot. Two of them were in "
                 "critical condition.\n\nNo one was seriously injured in the crash. Nobody "
                 "should get shot, the mayor said.\n",
        "b.txt": "Seven people were injured in the shooting at the depot, police said.\n",
    })
    hurt = quantity_id(report, "a.txt", "Seven")
    assert Verdict.AGREE in verdicts(report, hurt, quantity_id(report, "b.txt", "Seven"))
    texts = {c.text.lower() for c in report.claims if c.kind == "quantity"}
    assert "no one" not in texts and "nobody" not in texts, texts
    critical = find_claim(report, "a.txt", "Two", kind="quantity")
    assert critical is not None and critical.about.counted is not None
    assert critical.about.counted.subgroup is not None


def test_a_dateline_is_where_the_source_reports_from_not_a_place_claim(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "PORTLAND, Ore. (AP) — Three people were killed in a shooting at a farm on "
                 "Monday.\n",
        "b.txt": "The shooting at the farm happened in Eugene on Monday.\n",
    })
    dateline = find_claim(report, "a.txt", "PORTLAND", kind="location")
    assert dateline is not None
    assert not any(dateline.id in group.claims and len(group.claims) > 1
                   for group in report.groups)


def test_a_report_written_weeks_later_still_dates_the_same_story(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Four people were killed in the shooting at the depot on Tuesday, police "
                 "said.\n",
        "b.txt": "On March 5, four people were killed in the shooting at the depot.\n",
    }, published={"a.txt": dt.date(2024, 3, 8), "b.txt": dt.date(2024, 5, 20)})
    assert Verdict.AGREE in verdicts(report, quantity_id(report, "a.txt", "Four"),
                                      quantity_id(report, "b.txt", "four"))


def test_the_part_of_the_shot_that_died_is_every_death(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Four people were shot, one fatally, in the depot shooting on Tuesday.\n",
        "b.txt": "Two people were killed in the depot shooting on Tuesday.\n",
    })
    assert opposed(report, quantity_id(report, "a.txt", "one"),
                    quantity_id(report, "b.txt", "Two"))


def test_non_fatal_injuries_are_injuries_not_deaths(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Three people suffered non-fatal injuries in the depot shooting on Tuesday.\n",
        "b.txt": "Three people were wounded in the depot shooting on Tuesday.\n",
    })
    first = find_claim(report, "a.txt", "Three")
    assert first is not None
    assert first.about.attribute == "injuries"
    assert Verdict.AGREE in verdicts(report, first.id, quantity_id(report, "b.txt", "Three"))


def test_a_date_with_no_event_noun_dates_the_count_of_its_clause(nlp: Any) -> None:
    # "killed on Tuesday" dates the deaths; "Tuesday's two fatalities" too
    report = compare_texts(nlp, {
        "a.txt": "Two soldiers were killed by a mortar round on Tuesday.\n\n"
                 "The council authorised the hiring of up to 500 nurses late on Monday.\n",
        "b.txt": "Tuesday's two military fatalities came when a shell struck a barracks.\n\n"
                 "The city on Monday approved the hiring of up to 500 nurses, a spokesman "
                 "said.\n",
        "c.txt": "Two soldiers were killed by a mortar round on Wednesday.\n",
    })
    tuesday = _date_id(report, "a.txt", "Tuesday")
    assert _together(report, tuesday, _date_id(report, "b.txt", "Tuesday"))
    assert opposed(report, tuesday, _date_id(report, "c.txt", "Wednesday"))
    assert _together(report, _date_id(report, "a.txt", "Monday"),
                     _date_id(report, "b.txt", "Monday"))
    # a date of the deaths is never compared with the date of the hiring
    assert not verdicts(report, tuesday, _date_id(report, "b.txt", "Monday"))


def test_a_date_of_a_count_of_people_that_says_nothing_happened_dates_nothing(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "About 100 people were in the square on Sunday.\n",
        "b.txt": "About 100 people were in the square on Saturday.\n",
    })
    assert not verdicts(report, _date_id(report, "a.txt", "Sunday"),
                         _date_id(report, "b.txt", "Saturday"))


def test_a_dateline_date_does_not_date_the_count_of_its_headline(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Two men killed in robbery SPRINGFIELD, Ill. (March 4, 2024) -- Police are "
                 "looking for two suspects.\n",
        "b.txt": "Two men killed in robbery SPRINGFIELD, Ill. (March 7, 2024) -- A man was "
                 "charged on Thursday.\n",
    }, published={"a.txt": dt.date(2024, 3, 4), "b.txt": dt.date(2024, 3, 7)})
    assert not verdicts(report, _date_id(report, "a.txt", "March 4, 2024"),
                         _date_id(report, "b.txt", "March 7, 2024"))


def test_a_figure_that_fits_every_side_of_a_contradiction_takes_none(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Officials said 19 people were killed in the floods.\n",
        "b.txt": "Officials said 29 people were killed in the floods.\n",
        "c.txt": "Officials said at least 15 people were killed in the floods.\n",
    })
    low, high = quantity_id(report, "a.txt", "19"), quantity_id(report, "b.txt", "29")
    bound = quantity_id(report, "c.txt", "at least 15")
    assert opposed(report, low, high)
    contradiction = next(f for f in report.findings if f.verdict is Verdict.CONTRADICT)
    assert contradiction.compatible == (bound,)
    assert bound in contradiction.claims
    assert all(bound not in side for side in contradiction.sides)


def test_a_days_count_and_a_running_total_are_different_figures(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Militants fired 40 rockets at the town on Friday, the army said.\n",
        "b.txt": "Militants have fired about 300 rockets at the town since the fighting "
                 "began, the army said.\n",
        "c.txt": "Militants have fired more than 280 rockets at the town, the army said.\n",
    })
    day = quantity_id(report, "a.txt", "40")
    total = quantity_id(report, "b.txt", "about 300")
    assert not verdicts(report, day, total)
    assert _together(report, total, quantity_id(report, "c.txt", "more than 280"))


def test_a_day_dates_the_count_whose_participle_the_parser_took_for_its_verb(
        nlp: Any) -> None:
    # the parser reads "fired" as the verb of "60 rockets" and "struck" as a clause of
    # its own: "on Sunday" still dates what the 60 rockets did, one day's count
    report = compare_texts(nlp, {
        "a.txt": "The army said 60 rockets fired from the border struck villages on Sunday "
                 "and 20 more were intercepted.\n",
        "b.txt": "Militants have fired about 300 rockets at the villages since the fighting "
                 "began, the army said.\n",
    })
    day = find_claim(report, "a.txt", "60", kind="quantity")
    assert day is not None and day.about.window == "day"
    assert not verdicts(report, day.id, quantity_id(report, "b.txt", "about 300"))


def test_a_cut_off_is_not_the_date_of_what_happened(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Officials said the air strikes had hit more than 40 sites by early Monday.\n",
        "b.txt": "New air strikes hit the port late Monday night, officials said.\n",
    })
    assert not verdicts(report, _date_id(report, "a.txt", "early Monday"),
                         _date_id(report, "b.txt", "late Monday night"))


def test_no_one_at_all_contradicts_a_count_of_some_of_them(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "No arrests have been made after the march, police said.\n",
        "b.txt": "Three students were arrested after the march, police said.\n",
        "c.txt": "Three people were arrested after the march, police said.\n",
    })
    none = quantity_id(report, "a.txt", "No arrests")
    assert opposed(report, none, quantity_id(report, "b.txt", "Three"))
    assert opposed(report, none, quantity_id(report, "c.txt", "Three"))
    some = compare_texts(nlp, {
        "a.txt": "None of the students on the bus were arrested after the march.\n",
        "b.txt": "Three students were arrested after the march, police said.\n",
    })
    assert not opposed(some, quantity_id(some, "a.txt", "None"),
                        quantity_id(some, "b.txt", "Three"))


def test_a_count_that_leaves_out_its_noun_counts_what_the_count_before_it_counts(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The army said 40 shells hit the town and 12 more were intercepted.\n",
        "b.txt": "The army said 40 shells hit the town, while another 12 were intercepted.\n",
    })
    more = find_claim(report, "a.txt", "12", kind="quantity")
    another = find_claim(report, "b.txt", "12", kind="quantity")
    assert more is not None and another is not None
    assert more.about.thing == another.about.thing == "shell"
    assert _together(report, more.id, another.id)


def test_things_struck_are_things_hit(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Officials said the air strikes had hit more than 40 sites in the city.\n",
        "b.txt": "The air force has now struck more than 30 sites in the city.\n",
    })
    assert _together(report, quantity_id(report, "a.txt", "more than 40"),
                     quantity_id(report, "b.txt", "more than 30"))


def test_places_named_only_inside_names_still_keep_two_cities_apart(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "denver.txt": "Members of Occupy Denver held the park overnight. Several hundred "
                      "people gathered to watch. Denver police made no move, and Occupy "
                      "Denver leaders said they would stay.\n",
        "boston.txt": "Police in Boston closed in before dawn. A crowd that had swelled to "
                      "2,000 overnight cheered. The camp in Boston stood.\n",
    })
    a = quantity_id(report, "denver.txt", "Several hundred")
    b = quantity_id(report, "boston.txt", "2,000")
    assert Verdict.CONTRADICT not in verdicts(report, a, b)
    inner = find_claim(report, "denver.txt", "Denver", kind="location")
    assert inner is not None and not any(
        inner.id in group.claims and len(group.claims) > 1 for group in report.groups)


def test_a_park_named_for_a_town_is_not_that_town(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Two people were wounded in a shooting at Paris Hill Park on Monday, "
                 "police said.\n",
        "b.txt": "Police said two people were wounded in the shooting in Dayton, Ohio, on "
                 "Monday.\n",
    })
    a = quantity_id(report, "a.txt", "Two")
    b = quantity_id(report, "b.txt", "two")
    assert Verdict.AGREE in verdicts(report, a, b)


def test_a_number_before_a_street_name_is_an_address(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "He was pronounced dead at the motel at 4410 North Elm St. on Saturday.\n",
    })
    assert "4410" not in {c.text for c in report.claims if c.kind == "quantity"}


def test_a_price_before_and_an_option_are_not_the_price(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "A case of Fizzo that cost $12.50 on May 1, 2018 now costs $19.20, a rise "
                 "of half. Tuesday's $150 million Lotto Max jackpot was won.\n",
        "b.txt": "At Mart, a $12.50 case of Fizzo now costs an extra $6.70 due to the tax. If "
                 "the winner takes the cash option, the jackpot would be $80 million.\n",
    })
    assert not any(f.verdict is Verdict.CONTRADICT for f in report.findings)
    for source, text in (("a.txt", "$12.50"), ("b.txt", "$12.50"), ("b.txt", "$80 million")):
        claim = find_claim(report, source, text, kind="quantity")
        assert claim is not None and claim.about.event is not None, (source, text)
        assert claim.about.event.distinct, (source, text)  # another slot: never judged
    now = find_claim(report, "a.txt", "$19.20", kind="quantity")
    assert now is not None and not (now.about.event and now.about.event.distinct)


def test_a_time_ago_is_not_a_length_of_time(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "People reached the island 40,000 years ago, the team said.\n",
        "b.txt": "The finds will be kept in the museum for a 6-month period, the team said.\n",
    })
    assert not any(f.verdict is Verdict.CONTRADICT for f in report.findings)
    ago = find_claim(report, "a.txt", "40,000 years", kind="quantity")
    assert ago is not None and ago.about.attribute == "time_ago"


def test_two_dates_of_when_one_event_began_are_compared(nlp: Any) -> None:
    # an event begins once: "a conflict that began" and "the war, which began" date
    # one beginning; a count's "since Tuesday" is when its counting starts, not that
    texts = {
        "a.txt": "Air strikes hit the port again on Friday, in a conflict that began on "
                 "Wednesday.\n",
        "b.txt": "The war, which began on Wednesday, has driven thousands from their homes.\n",
        "c.txt": "The army said 40 rockets had hit the city since Tuesday.\n",
    }
    report = compare_texts(nlp, texts, published={n: dt.date(2024, 3, 8) for n in texts})
    began = _date_id(report, "a.txt", "Wednesday")
    assert Verdict.AGREE in verdicts(report, began, _date_id(report, "b.txt", "Wednesday"))
    assert not verdicts(report, began, _date_id(report, "c.txt", "Tuesday"))
    texts["b.txt"] = "The war, which began on Monday, has driven thousands from their homes.\n"
    other = compare_texts(nlp, texts, published={n: dt.date(2024, 3, 8) for n in texts})
    assert opposed(other, _date_id(other, "a.txt", "Wednesday"),
                   _date_id(other, "b.txt", "Monday"))



def test_beginnings_of_two_event_nouns_may_agree_but_never_contradict(nlp: Any) -> None:
    # "an offensive that began on Wednesday" and "a conflict that erupted on Wednesday":
    # one beginning told with two nouns; on two days, two events may have begun
    texts = {
        "a.txt": "Shells fell on the port again on Friday, in an offensive that began on "
                 "Wednesday.\n",
        "b.txt": "The blockade tightened in a conflict that erupted on Wednesday.\n",
    }
    report = compare_texts(nlp, texts, published={n: dt.date(2024, 3, 8) for n in texts})
    began = _date_id(report, "a.txt", "Wednesday")
    assert Verdict.AGREE in verdicts(report, began, _date_id(report, "b.txt", "Wednesday"))
    texts["b.txt"] = "The blockade tightened in a conflict that erupted on Monday.\n"
    other = compare_texts(nlp, texts, published={n: dt.date(2024, 3, 8) for n in texts})
    assert Verdict.CONTRADICT not in verdicts(other, _date_id(other, "a.txt", "Wednesday"),
                                              _date_id(other, "b.txt", "Monday"))


_PAST_WAR = {
    "a.txt": "Air strikes killed 23 people in the valley on Tuesday, medics said.\n\n"
             "The previous valley war, a three-week blitz over the New Year of 1994-1995, "
             "killed more than 3,000 people.\n",
    "b.txt": "At least 23 people were killed in the strikes on Tuesday, officials said.\n\n"
             "The uneasy truce was forged after a three-week war in the winter of 1994-95.\n",
}


def test_one_past_event_named_with_two_nouns_agrees_and_never_meets_this_weeks(
        nlp: Any) -> None:
    # "a three-week blitz ... of 1994-1995" and "a three-week war in the winter of
    # 1994-95": one past war, whatever each source calls it; its dates agree too
    report = compare_texts(nlp, _PAST_WAR)
    lasted = [find_claim(report, name, "three-week", kind="quantity") for name in _PAST_WAR]
    assert lasted[0] is not None and lasted[1] is not None
    assert Verdict.AGREE in verdicts(report, lasted[0].id, lasted[1].id)
    assert Verdict.AGREE in verdicts(report, _date_id(report, "a.txt", "1994-1995"),
                                     _date_id(report, "b.txt", "winter of 1994-95"))
    assert not verdicts(report, _date_id(report, "a.txt", "1994-1995"),
                        _date_id(report, "a.txt", "Tuesday"))


def test_a_figure_that_fits_two_of_one_sources_figures_meets_the_one_in_its_lede(
        nlp: Any) -> None:
    # "seven" fits "Five" and "One" alike; a source's figure in its lede is the one it
    # reports, the later one a part: "seven" is judged against "Five"
    lede = ("Five people were wounded at a bus depot.\n\nThe gunman fled on foot. One "
            "person was wounded in the arm.\n")
    report = compare_texts(nlp, {"a.txt": lede,
                                 "b.txt": "Seven people were wounded at the depot.\n"})
    assert opposed(report, quantity_id(report, "a.txt", "Five"),
                   quantity_id(report, "b.txt", "Seven"))
    report = compare_texts(nlp, {"a.txt": lede,
                                 "b.txt": "Five people were wounded at the depot.\n"})
    assert Verdict.AGREE in verdicts(report, quantity_id(report, "a.txt", "Five"),
                                     quantity_id(report, "b.txt", "Five"))
    # deep in an article neither figure is its reported one: "seven" may be of either
    # slot, so it is never opposed to one of them
    deep = "The depot opened in 1961 and serves the whole county. " * 6 + lede
    report = compare_texts(nlp, {"a.txt": deep,
                                 "b.txt": "Seven people were wounded at the depot.\n"})
    assert not opposed(report, quantity_id(report, "a.txt", "Five"),
                       quantity_id(report, "b.txt", "Seven"))


def test_a_sources_lede_figure_takes_the_group_its_later_aside_joined_first(
        nlp: Any) -> None:
    # "six others … minor injuries" joins "eight others" first, as both count the rest;
    # "10 people wounded" in the headline and lede is what the article reports, and it
    # is the figure judged against "eight"
    report = compare_texts(nlp, {
        "a.txt": "Shooting at house party leaves 1 man dead, 10 people wounded\n\nOne man "
                 "was killed and 10 people were wounded at a house party early Sunday, "
                 "police said. The six others wounded received non-life threatening "
                 "injuries.\n",
        "b.txt": "Man killed, 8 others wounded in shooting at party\n\nOne man was killed "
                 "and eight others were wounded in a shooting at a house party early "
                 "Sunday, police said.\n"})
    eight = quantity_id(report, "b.txt", "eight")
    assert opposed(report, quantity_id(report, "a.txt", "10"), eight)
    assert not opposed(report, quantity_id(report, "a.txt", "six"), eight)
    group = next(g for g in report.groups if eight in g.claims)
    assert "the one in its lede, not a later one" in group.why
