"""Grouping across sources: precision first (DESIGN §4)."""

from __future__ import annotations

import datetime as dt

from claimcheck.link import link, merge_events_within_sources
from claimcheck.model.claims import QuantityClaim
from claimcheck.model.findings import ClaimGroup
from tests.factories import date_claim, event, place_claim, quantity


def _together(groups: list[ClaimGroup], a: str, b: str) -> bool:
    return any(not g.related and a in g.claims and b in g.claims for g in groups)


def _judged(groups: list[ClaimGroup], a: str, b: str) -> bool:
    """Together, with enough evidence to judge a contradiction."""
    return any(not g.related and not g.agreement_only and a in g.claims and b in g.claims
               for g in groups)


def test_same_deaths_in_same_conflict_group() -> None:
    a = quantity("s1", 100000, ev=event("conflict", countries=("SY",)))
    b = quantity("s2", 100000, ev=event("conflict", context="SY"))
    assert _together(link([a, b]), a.id, b.id)


def test_different_counted_things_never_group() -> None:
    a = quantity("s1", 100000, thing="person", ev=event("conflict", countries=("SY",)))
    b = quantity("s2", 1000, thing="civilian", ev=event("conflict", countries=("SY",)))
    assert not _together(link([a, b]), a.id, b.id)


def test_mass_is_not_a_death_toll() -> None:
    a = quantity("s1", 1000, attribute="mass", thing="", dimension="mass",
                 ev=event("stockpile", countries=("SY",)))
    b = quantity("s2", 1000, ev=event("stockpile", countries=("SY",)))
    assert not _together(link([a, b]), a.id, b.id)


def test_differently_named_events_never_group() -> None:
    a = place_claim("s1", "Bali", "ID", event("summit", names=("apec",)))
    b = place_claim("s2", "Bishkek", "KG", event("summit", names=("sco",)))
    assert not _together(link([a, b]), a.id, b.id)


def test_named_and_unnamed_event_are_only_possibly_related() -> None:
    a = place_claim("s1", "Bali", "ID", event("summit", modifiers=("economic",)))
    b = place_claim("s2", "Bishkek", "KG", event("summit", names=("sco",)))
    groups = link([a, b])
    assert not _together(groups, a.id, b.id)
    assert any(g.related and {a.id, b.id} <= set(g.claims) for g in groups)


def test_shared_acronym_groups_events() -> None:
    a = place_claim("s1", "Bishkek", "KG", event("summit", names=("sco",)))
    b = place_claim("s2", "Astana", "KZ", event("summit", names=("sco", "shanghai")))
    assert _together(link([a, b]), a.id, b.id)


def test_unnamed_events_need_a_shared_detail() -> None:
    a = date_claim("s1", dt.date(2013, 8, 21), event("attack", modifiers=("chemical",)))
    b = date_claim("s2", dt.date(2013, 8, 23), event("attack", modifiers=("chemical",)))
    c = date_claim("s3", dt.date(2013, 8, 1), event("attack"))
    groups = link([a, b, c])
    assert _together(groups, a.id, b.id)
    assert not _together(groups, a.id, c.id)


def test_the_story_main_event_needs_no_shared_detail() -> None:
    # sources given together report one story: the bombing both name is its main event
    a = quantity("s1", 5, ev=event("bombing", context="SY"))
    b = quantity("s2", 9, ev=event("bombing", context="SY"))
    assert _together(link([a, b]), a.id, b.id)


def test_a_lone_event_noun_of_another_kind_is_not_enough_to_contradict() -> None:
    main = [quantity(f"s{i}", 20 + k, attribute=attribute, ev=event("bombing"))
            for i in (1, 2) for k, attribute in enumerate(("deaths", "injuries"))]
    a = quantity("s1", 5, attribute="arrests", ev=event("raid"))
    b = quantity("s2", 9, attribute="arrests", ev=event("raid"))
    groups = link([*main, a, b])
    group = next(g for g in groups if a.id in g.claims)
    assert b.id in group.claims and group.agreement_only


def test_furniture_is_never_grouped() -> None:
    a = quantity("s1", 30, ev=event("conflict", countries=("SY",)), furniture=True)
    b = quantity("s2", 30, ev=event("conflict", countries=("SY",)))
    assert not _together(link([a, b]), a.id, b.id)


def test_mentions_of_one_event_in_a_source_merge() -> None:
    named = place_claim("s1", "Bishkek", "KG", event("summit", names=("sco",)))
    unnamed = place_claim("s1", "Kyrgyzstan", "KG", event("summit", modifiers=("security",)))
    merged = merge_events_within_sources([named, unnamed])
    assert merged[1].about.event is not None and "sco" in merged[1].about.event.names


def test_grouping_is_deterministic_whatever_the_order() -> None:
    claims = [quantity(f"s{i}", 100 + i, ev=event("conflict", countries=("SY",)))
              for i in range(6)]
    assert link(claims) == link(list(reversed(claims)))


def test_events_years_apart_never_group() -> None:
    from claimcheck.model.dates import day_range, year_range

    quake_now = event("earthquake", countries=("TR",)).model_copy(
        update={"date": day_range(dt.date(2021, 3, 9))})
    quake_1999 = event("earthquake", countries=("TR",)).model_copy(
        update={"date": year_range(1999)})
    a = quantity("s1", 310, ev=quake_now)
    b = quantity("s2", 17000, ev=quake_1999)
    c = quantity("s3", 300, ev=event("earthquake", countries=("TR",)))
    groups = link([a, b, c])
    assert not _together(groups, a.id, b.id)
    assert _together(groups, a.id, c.id) != _together(groups, b.id, c.id) or not \
        _together(groups, a.id, c.id)


def test_a_two_day_date_discrepancy_is_still_one_event() -> None:
    from claimcheck.model.dates import day_range

    a = quantity("s1", 1000, ev=event("attack", modifiers=("chemical",)).model_copy(
        update={"date": day_range(dt.date(2013, 8, 21))}))
    b = quantity("s2", 1000, ev=event("attack", modifiers=("chemical",)).model_copy(
        update={"date": day_range(dt.date(2013, 8, 23))}))
    assert _together(link([a, b]), a.id, b.id)


def test_figures_of_different_authorities_are_compared_and_the_difference_shown() -> None:
    police = quantity("s1", 20000, ev=event("protest", countries=("ES",)))
    police = police.model_copy(update={"about": police.about.model_copy(
        update={"attribution": "Police"})})
    organisers = quantity("s2", 100000, ev=event("protest", countries=("ES",)))
    organisers = organisers.model_copy(update={"about": organisers.about.model_copy(
        update={"attribution": "organisers"})})
    groups = link([police, organisers])
    assert _together(groups, police.id, organisers.id)
    group = next(g for g in groups if police.id in g.claims)
    assert "different authorities (police / organizer)" in group.why


def test_unnamed_events_on_the_same_precise_date_group() -> None:
    from claimcheck.model.dates import DateRange, Granularity

    mid_november = DateRange(start=dt.date(2013, 11, 11), end=dt.date(2013, 11, 20),
                             granularity=Granularity.PART_OF_MONTH, year=2013, month=11)
    a = place_claim("s1", "Geneva", "CH", event("conference").model_copy(
        update={"date": mid_november}))
    b = place_claim("s2", "Geneva", "CH", event("conference").model_copy(
        update={"date": mid_november}))
    assert _together(link([a, b]), a.id, b.id)


def test_a_date_that_names_its_event_keeps_far_dates_apart() -> None:
    from claimcheck.model.dates import month_range, year_range

    floods = event("flood", countries=("PK",))
    june = date_claim("s1", dt.date(2022, 6, 1), floods).model_copy(
        update={"value": date_claim("s1", dt.date(2022, 6, 1), floods).value.model_copy(
            update={"range": month_range(2022, 6)})})
    the_2010_floods = date_claim("s2", dt.date(2010, 1, 1), floods)
    the_2010_floods = the_2010_floods.model_copy(update={
        "value": the_2010_floods.value.model_copy(update={"range": year_range(2010)}),
        "about": the_2010_floods.about.model_copy(update={"identifying": True})})
    assert not _together(link([june, the_2010_floods]), june.id, the_2010_floods.id)


def test_counts_with_no_event_happening_in_different_cities_are_not_compared() -> None:
    from claimcheck.model.places import Place, PlaceLevel

    def where(city: str) -> Event:
        place = Place(id=f"x:{city}", name=city, country="AF", level=PlaceLevel.CITY,
                      chain=("iso:AF",))
        return Event(head="", places=(place,), countries=("AF",), implicit=True)

    from claimcheck.model.claims import Event

    a = quantity("s1", 14, ev=where("Kabul"))
    b = quantity("s2", 19, ev=where("Jalalabad"))
    c = quantity("s3", 14, ev=None)
    groups = link([a, b, c])
    assert not _together(groups, a.id, b.id)
    # a count that names no city joins the group it fits best (the same figure), never both
    assert _together(groups, a.id, c.id) and not _together(groups, b.id, c.id)


def test_a_source_never_contradicts_itself_within_one_slot() -> None:
    seats = quantity("s1", 118, 118, attribute="votes", thing="seat")
    chamber = quantity("s1", 735, 735, attribute="votes", thing="seat")
    other = quantity("s2", 118, 118, attribute="votes", thing="seat")
    groups = link([seats, chamber, other])
    assert not _together(groups, seats.id, chamber.id)
    # "118" of s2 fits both s1 slots, which s1 keeps apart: it joins neither
    assert not _together(groups, other.id, chamber.id)


def test_a_draft_figure_on_weak_evidence_is_unsupported_not_contradicted() -> None:
    from claimcheck.model.findings import Verdict
    from claimcheck.rules import evaluate_check, load_ruleset

    main = [quantity(f"s{i}", 20 + k, attribute=attribute, ev=event("bombing"))
            for i in ("draft", "s2") for k, attribute in enumerate(("deaths", "injuries"))]
    draft = quantity("draft", 5, 5, attribute="arrests", ev=event("raid"))
    source = quantity("s2", 9, 9, attribute="arrests", ev=event("raid"))
    claims = [*main, draft, source]
    groups = link(claims)
    assert any(g.agreement_only and draft.id in g.claims for g in groups)
    verdicts = {f.verdict for f in evaluate_check([draft], groups, {c.id: c for c in claims},
                                                  load_ruleset()) if f.claims[0] == draft.id}
    assert Verdict.CONTRADICTED not in verdicts and Verdict.UNSUPPORTED in verdicts


def test_a_count_naming_no_time_joins_the_running_total_it_fits_not_the_first_figure() -> None:
    def windowed(claim: QuantityClaim, window: str | None) -> QuantityClaim:
        return claim.model_copy(update={"about": claim.about.model_copy(
            update={"window": window})})

    # "40 shells hit the town on Friday", "more than 150 shells were fired", "about 150
    # shells since the siege began": the day's figure comes first in source order
    day = windowed(quantity("s1", 40, 40, attribute="fired", thing="shell"), "day")
    some = quantity("s2", 150, attribute="fired", thing="shell", low_inclusive=False)
    total = windowed(quantity("s3", 150, 150, attribute="fired", thing="shell"), "total")
    groups = link([day, some, total])
    assert _together(groups, some.id, total.id)
    assert not _together(groups, day.id, some.id)


def test_a_toll_told_in_a_named_statement_is_the_events_toll() -> None:
    # "three wounded, said a statement by Chief Smith": the statement tells of the
    # wounding; the toll is the story's, judged against another source's
    told = quantity("s1", 3, 3, attribute="injuries",
                    ev=event("statement", names=("smith",)))
    other = quantity("s2", 5, 5, attribute="injuries", ev=event("shooting"))
    groups = link([told, other])
    group = next(g for g in groups if told.id in g.claims)
    assert other.id in group.claims and not group.agreement_only and not group.related
