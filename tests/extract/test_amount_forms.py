"""parse_amounts on forms news writes that join, share or change a unit: one range over a
hyphenated unit, speeds, temperatures by context, prices per unit, numbers sharing the
unit after them, spelled groups set off by commas; and the laws those forms keep."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.amounts import Amount, parse_amounts
from claimcheck.extract.number_words import ONES
from claimcheck.model.units import UNSTATED_DEGREES, factor


def one(text: str) -> Amount:
    amounts = parse_amounts(text)
    assert len(amounts) == 1, [a.text for a in amounts]
    return amounts[0]


def read(amount: Amount) -> tuple[str, Decimal | None, Decimal | None, str | None]:
    interval = amount.value.interval
    return amount.text, interval.low, interval.high, amount.value.unit


@pytest.mark.parametrize(("text", "expected"), [
    ("The yard builds 4- to 6-metre hulls.", ("4- to 6-metre", 4, 6, "m")),
    ("Estimates ran from 200 to almost 900 deaths.", ("from 200 to almost 900", 200, 900, None)),
    ("Between roughly 30 and nearly 40 boats left.",
     ("Between roughly 30 and nearly 40", 30, 40, None)),
    ("Half a dozen boats sank.", ("Half a dozen", 6, 6, None)),
    ("Four million, six hundred thousand voters", ("Four million, six hundred thousand",
                                                   4_600_000, 4_600_000, None)),
    ("The bill came to 3000 dollars.", ("3000 dollars", 3000, 3000, "USD")),
    ("It raised 2 bln usd.", ("2 bln usd", 2 * 10**9, 2 * 10**9, "USD")),
    ("The fee was usd 450.", ("usd 450", 450, 450, "USD")),
    ("It cost Eur 40 million.", ("Eur 40 million", 40 * 10**6, 40 * 10**6, "EUR")),
    ("The rate rose by a percent of 10.", ("percent of 10", 10, 10, "percent")),
    ("a growth per cent of 2.5", ("per cent of 2.5", 2.5, 2.5, "percent")),
])
def test_forms_read_whole(text: str, expected: tuple[str, int, int, str | None]) -> None:
    span, low, high, unit = expected
    assert read(one(text)) == (span, Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Claims could top $2bn this year.", "more_than"),
    ("Turnout is expected to top 60 percent.", "more_than"),
    ("the top 10 exporters", "exact"),
])
def test_top_is_a_lower_bound_only_as_a_verb(text: str, qualifier: str) -> None:
    assert one(text).value.qualifier.value == qualifier


def test_an_approximate_end_makes_the_range_approximate() -> None:
    assert one("from 200 to almost 900 deaths").value.approximate


@pytest.mark.parametrize(("text", "spans"), [
    ("Deaths rose from 200 to almost 900.", ["200", "almost 900"]),  # a change
    ("In 1990, ten million, two million more by 2000", ["ten million", "two million"]),
    ("one thousand, one, two", ["one thousand", "one", "two"]),
])
def test_what_stays_apart(text: str, spans: list[str]) -> None:
    assert [a.text for a in parse_amounts(text)] == spans


@pytest.mark.parametrize(("text", "percent"), [
    ("It was 5 percent of 10.", ["5 percent"]),  # a share of ten
    ("the percent of 10 people", []),  # a share of ten people
    ("five per cent of 40,", ["five per cent"]),
])
def test_a_percentage_named_before_a_number_only_where_it_is_not_a_share_of_it(
        text: str, percent: list[str]) -> None:
    assert [a.text for a in parse_amounts(text) if a.value.unit == "percent"] == percent


@pytest.mark.parametrize(("text", "span", "unit", "dimension"), [
    ("Gusts reached 120 miles an hour.", "120 miles an hour", "mi/h", "speed"),
    ("a train at 300 kilometres an hour", "300 kilometres an hour", "km/h", "speed"),
    ("The field gives 80,000 barrels a day.", "80,000 barrels", "bbl", "volume"),
    ("Central pressure dropped to 950 mb.", "950 mb", "mbar", "pressure"),
    ("a 20 MB file", "20 MB", "MB", "information"),
    ("a 64-bit processor", "64-bit", "bit", "information"),
    ("Bakers charged 80 cents a dozen for rolls.", "80 cents a dozen", "cent/dozen",
     "currency_rate"),
    ("Beef sold at $4 a pound.", "$4 a pound", "USD/lb", "currency_rate"),
    ("The board is 3 in thick.", "3 in", "in", "length"),
    ("The board measures 3 in.", "3 in", "in", "length"),
    ("probes fell at 9.8 m/s2", "9.8 m/s2", "m/s**2", "acceleration"),
    ("Ferries sail three times a week.", "three times a week", "times/week", "frequency"),
    ("doses 2 times per day", "2 times per day", "times/day", "frequency"),
    ("The crater formed 35 Ma ago.", "35 Ma", "Ma", "duration"),
    ("a smelter of 1,200 tpd", "1,200 tpd", "t/d", "other"),
])
def test_units(text: str, span: str, unit: str, dimension: str) -> None:
    amount = one(text)
    assert (amount.text, amount.value.unit, amount.value.dimension) == (span, unit, dimension)


def test_in_before_its_object_is_no_inch() -> None:
    assert one("They came 2 in the morning.").value.unit is None


@pytest.mark.parametrize(("text", "unit", "dimension"), [
    ("The heat wave pushed temperatures to 41 degrees on Monday.", UNSTATED_DEGREES,
     "temperature"),
    ("It was freezing: minus 12 degrees at dawn.", UNSTATED_DEGREES, "temperature"),
    ("The road climbs the slope at 12 degrees.", "deg", "angle"),
    ("The ship turned 90 degrees to port.", "deg", "angle"),
    ("Heat in the south turned deadly at 47 degrees.", UNSTATED_DEGREES, "temperature"),
    ("Temperatures reached 41 degrees Celsius.", "°C", "temperature"),
])
def test_degrees_by_context(text: str, unit: str, dimension: str) -> None:
    amount = one(text)
    assert (amount.value.unit, amount.value.dimension) == (unit, dimension)


def test_a_temperature_of_unstated_scale_converts_to_none() -> None:
    assert factor(UNSTATED_DEGREES, "degC") is None
    assert factor("degC", "degF") is None  # an offset, not a factor
    assert factor("K", "degC") is None


def test_frequencies_convert() -> None:
    ratio = factor("times/week", "times/day")
    assert ratio is not None and abs(ratio - Decimal(1) / 7) < Decimal("1e-9")


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("Doses of 20 and 40 mg were tested.", ["20", "40"], "mg"),
    ("flights of 100, 200 or 300 km", ["100", "200", "300"], "km"),
    ("rates of 5 and 10 percent", ["5", "10"], "percent"),
])
def test_numbers_listed_before_a_unit_share_it(text: str, values: list[str], unit: str) -> None:
    amounts = parse_amounts(text)
    assert [(str(a.value.stated), a.value.unit) for a in amounts] == [(v, unit) for v in values]


def test_a_price_symbol_is_not_shared() -> None:
    assert [a.value.unit for a in parse_amounts("3 and $5")] == [None, "USD"]


@pytest.mark.parametrize(("text", "values"), [
    ("a beam of 12 m 2 dm", [("12 m", "m"), ("2 dm", "dm")]),
    ("he is 6 ft 1 in", [("6 ft 1 in", "ft")]),
    ("fifteen dollars and 50 cents", [("fifteen dollars and 50 cents", "USD")]),
])
def test_mixed_units_join_only_where_they_are_not_decimal(
        text: str, values: list[tuple[str, str]]) -> None:
    assert [(a.text, a.value.unit) for a in parse_amounts(text)] == values


# -- laws ---------------------------------------------------------------------------------

@settings(max_examples=80, deadline=None)
@given(st.integers(1, 5000), st.integers(0, 5000), st.sampled_from(["metre", "foot", "mile"]))
def test_a_suspended_hyphen_range_is_low_to_high(low: int, width: int, unit: str) -> None:
    amounts = parse_amounts(f"a {low}- to {low + width}-{unit} wall")
    for amount in amounts:
        interval = amount.value.interval
        assert interval.low is not None and interval.high is not None
        assert interval.low <= interval.high
    if width > 0:
        assert len(amounts) == 1 and read(amounts[0])[1:3] == (low, low + width)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6),
       st.sampled_from(["from {a} to almost {b}", "from about {a} to {b}",
                        "between nearly {a} and {b}"]))
def test_a_range_with_approximate_ends_is_low_to_high(a: int, b: int, form: str) -> None:
    amounts = parse_amounts("costs " + form.format(a=f"{a:,}", b=f"{b:,}") + " dollars")
    for amount in amounts:
        interval = amount.value.interval
        if interval.low is not None and interval.high is not None:
            assert interval.low <= interval.high
    if a < b:
        assert len(amounts) == 1 and read(amounts[0])[1:] == (a, b, "USD")
        assert amounts[0].value.approximate


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 10**5).filter(lambda v: not 1800 <= v <= 2100),  # years
                min_size=2, max_size=6),
       st.sampled_from(["kg", "km", "percent"]))
def test_every_number_listed_before_a_unit_takes_it(values: list[int], unit: str) -> None:
    listed = ", ".join(str(v) for v in values[:-1]) + f" and {values[-1]} {unit}"
    amounts = parse_amounts(f"levels of {listed} were seen")
    assert [a.value.stated for a in amounts] == [Decimal(v) for v in values]
    assert len({a.value.unit for a in amounts}) == 1 and amounts[0].value.unit is not None


_SPELLED = [w for w, n in ONES.items() if n > 0]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SPELLED), st.sampled_from(_SPELLED),
       st.sampled_from([("million", 10**6), ("billion", 10**9)]))
def test_spelled_groups_add_up(big: str, hundreds: str, scale: tuple[str, int]) -> None:
    word, size = scale
    amount = one(f"{big} {word}, {hundreds} hundred and one people")
    assert amount.value.stated == ONES[big] * size + ONES[hundreds] * 100 + 1


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 8), st.integers(0, 11))
def test_feet_and_inches_add_up(feet: int, inches: int) -> None:
    amounts = parse_amounts(f"he is {feet} ft {inches} in tall")
    if inches == 0:
        return  # "5 ft 0 in" is written by no one; either reading will do
    assert len(amounts) == 1 and amounts[0].value.unit == "ft"
    stated = amounts[0].value.stated
    assert stated is not None and abs(stated - (feet + Decimal(inches) / 12)) < Decimal("1e-9")


@pytest.mark.parametrize("junk", ["2e799", "7E1000", "1e-999"])
def test_a_huge_exponent_in_a_hash_leaves_the_other_amounts(junk: str) -> None:
    text = f"See commit 94c8eb8d{junk}fd. Up to 75,000 reservists were called."
    assert "Up to 75,000" in [a.text for a in parse_amounts(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # "over" before a span of time is "during" ...
    ("Ten were killed over two days of shelling.", ("two days", 2, 2, "exact")),
    ("Prices rose 5% over five years.", ("five years", 5, 5, "exact")),
    ("Over three weeks, the river rose.", ("three weeks", 3, 3, "exact")),
    # ... except where a length is measured or the span is placed
    ("The talks lasted over two days.", ("over two days", 2, None, "more_than")),
    ("He was jailed for over 20 years.", ("over 20 years", 20, None, "more_than")),
    ("It has been over two years since the vote.", ("over two years", 2, None, "more_than")),
    ("The wall fell over two years ago.", ("over two years", 2, None, "more_than")),
    ("He is over thirty years old.", ("over thirty years", 30, None, "more_than")),
    ("The dam held just over two days.", ("just over two days", 2, None, "more_than")),
    # and "over" before anything else stays "more than"
    ("Over 200 people were hurt.", ("Over 200", 200, None, "more_than")),
])
def test_over_a_span_of_time_is_during_unless_a_length_is_measured(
        text: str, expected: tuple[str, int, int | None, str]) -> None:
    span, low, high, qualifier = expected
    amount = [a for a in parse_amounts(text) if a.value.dimension in ("duration", "count")][-1]
    interval = amount.value.interval
    assert (amount.text, interval.low, interval.high, amount.value.qualifier.value) == (
        span, Decimal(low), None if high is None else Decimal(high), qualifier)


@pytest.mark.parametrize(("text", "expected"), [
    ('a pen that is 10 " long', ('10 "', "in")),
    ("a wall 6′ high", ("6′", "ft")),
    ("a 12' long boat", ("12'", "ft")),
])
def test_inch_and_foot_marks_before_the_size_they_give(
        text: str, expected: tuple[str, str]) -> None:
    amount = one(text)
    assert (amount.text, amount.value.unit) == expected


@pytest.mark.parametrize("text", ['"We lost 10" he said.', "the '90s", 'she said "10"'])
def test_a_mark_elsewhere_is_no_unit(text: str) -> None:
    assert all(a.value.unit is None for a in parse_amounts(text))


@pytest.mark.parametrize("text", ["Call 423 0000 today.", "Call 555-1234 today."])
def test_a_phone_number_holds_no_amount(text: str) -> None:
    assert parse_amounts(text) == []


@pytest.mark.parametrize(("text", "count"), [
    ("Of the 150 2014 graduates, most found work.", "150"),
    ("The 3 2012 models were recalled.", "3"),
])
def test_a_count_before_the_year_of_what_it_counts_is_no_phone_number(
        text: str, count: str) -> None:
    assert [a.text for a in parse_amounts(text)] == [count]


def test_digits_grouped_by_three_stay_one_number() -> None:
    assert read(one("1 000 000 people")) == ("1 000 000", Decimal(10**6), Decimal(10**6), None)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("=<30", "at_most"), ("=>30", "at_least"), ("<=30", "at_most"), (">=30", "at_least"),
])
def test_signs_of_comparison_either_way_round(text: str, qualifier: str) -> None:
    assert one(text).value.qualifier.value == qualifier


def test_absolute_zero_is_a_temperature_not_a_count() -> None:
    amount = one("The gas was cooled to absolute zero.")
    assert (amount.text, amount.value.unit, amount.value.dimension) == (
        "absolute zero", "K", "temperature")
    assert one("zero people").value.dimension == "count"


@pytest.mark.parametrize(("text", "expected"), [
    ("Highs of 30C are forecast.", ("30C", 30, 30, "°C")),
    ("It fell to -5C overnight.", ("-5C", -5, -5, "°C")),
    ("a reading of 40F", ("40F", 40, 40, "°F")),
    ("It was 5 degrees below zero.", ("5 degrees below zero", -5, -5, UNSTATED_DEGREES)),
    ("It was minus 5 degrees.", ("minus 5 degrees", -5, -5, UNSTATED_DEGREES)),
    ("Lows of 5 to 10 degrees below zero", ("5 to 10 degrees below zero", -10, -5,
                                             UNSTATED_DEGREES)),
])
def test_temperatures_written_the_ways_news_writes_them(
        text: str, expected: tuple[str, int, int, str]) -> None:
    span, low, high, unit = expected
    amount = one(text)
    assert read(amount) == (span, Decimal(low), Decimal(high), unit)
    assert amount.value.dimension == "temperature"


@pytest.mark.parametrize("text", ["Apartment 5C was searched.", "He sat in seat 12F."])
def test_a_letter_after_an_identifier_is_no_unit(text: str) -> None:
    assert parse_amounts(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He scores between 10 and 15 points.", ("between 10 and 15", 10, 15, "range")),
    ("Scores of people fled.", ("Scores", 40, 99, "vague")),
    ("sales bigger than 5 million", ("bigger than 5 million", 5_000_000, None, "more_than")),
    ("x>10", (">10", 10, None, "more_than")),
])
def test_comparisons_and_vague_plurals(text: str,
                                       expected: tuple[str, int, int | None, str]) -> None:
    span, low, high, qualifier = expected
    amount = one(text)
    interval = amount.value.interval
    assert (amount.text, interval.low, interval.high, amount.value.qualifier.value) == (
        span, Decimal(low), None if high is None else Decimal(high), qualifier)


@pytest.mark.parametrize("text", ["Test scores rose.", "He scores often."])
def test_scores_as_a_noun_or_verb_is_no_amount(text: str) -> None:
    assert parse_amounts(text) == []


@given(st.integers(0, 80), st.integers(0, 80), st.sampled_from(["to", "-", "and"]))
def test_a_range_below_zero_is_low_to_high(a: int, b: int, gap: str) -> None:
    opener = "between " if gap == "and" else ""
    joint = f" {gap} " if gap != "-" else "-"
    for amount in parse_amounts(f"lows of {opener}{a}{joint}{b} degrees below zero"):
        interval = amount.value.interval
        assert interval.low is not None and interval.high is not None
        assert interval.low <= interval.high <= 0 or amount.value.dimension == "count"


@pytest.mark.parametrize(("text", "span", "low", "high"), [
    ("He ranks between the tenth and the fifteenth.", "between the tenth and the fifteenth",
     10, 15),
    ("She finished between 3rd and 5th place.", "between 3rd and 5th place", 3, 5),
    ("They ranked between twenty-first and thirtieth.", "between twenty-first and thirtieth",
     21, 30),
    ("It came between the fifth and the second.", "between the fifth and the second", 2, 5),
])
def test_two_ordinals_bounding_a_place_are_a_range_of_ranks(text: str, span: str, low: int,
                                                           high: int) -> None:
    amount = one(text)
    assert read(amount) == (span, Decimal(low), Decimal(high), "rank")
    assert amount.value.dimension == "rank"


@pytest.mark.parametrize(("text", "span", "low", "high"), [
    ("He ranks higher than the tenth but lower than the fifteenth.",
     "higher than the tenth but lower than the fifteenth", 10, 15),
    ("She finished below 8th and above 3rd place.", "below 8th and above 3rd place", 3, 8),
])
def test_ordinals_bounded_from_both_sides_are_an_open_range_of_ranks(
        text: str, span: str, low: int, high: int) -> None:
    amount = one(text)
    assert read(amount) == (span, Decimal(low), Decimal(high), "rank")
    assert not amount.value.interval.low_inclusive and not amount.value.interval.high_inclusive


@pytest.mark.parametrize("text", ["He ranked above 3rd and above 8th.",
                                  "She finished higher than 4th but lower than 5th."])
def test_bounds_with_no_rank_between_them_are_no_range(text: str) -> None:
    assert [a for a in parse_amounts(text) if a.value.unit == "rank"] == []


@given(st.integers(1, 19), st.integers(1, 19), st.booleans())
def test_a_bounded_range_of_ranks_is_low_to_high(a: int, b: int, up_first: bool) -> None:
    first, second = ("higher", "lower") if up_first else ("lower", "higher")
    text = (f"He ranked {first} than the {_ORDINAL_NAMES[a - 1]} but {second} than the "
            f"{_ORDINAL_NAMES[b - 1]}.")
    ranks = [x for x in parse_amounts(text) if x.value.unit == "rank"]
    if abs(a - b) < 2:
        assert ranks == []
        return
    assert len(ranks) == 1
    interval = ranks[0].value.interval
    assert (interval.low, interval.high) == (Decimal(min(a, b)), Decimal(max(a, b)))


@pytest.mark.parametrize("text", ["Talks run between the 10th and the 15th.",
                                  "between the first and second rounds",
                                  "the third victim"])
def test_ordinals_without_a_word_of_ranking_are_no_ranks(text: str) -> None:
    assert [a for a in parse_amounts(text) if a.value.unit == "rank"] == []


_ORDINAL_NAMES = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]


@given(st.integers(1, 19), st.integers(1, 19), st.booleans())
def test_a_range_of_ranks_is_low_to_high(a: int, b: int, digits: bool) -> None:
    def written(n: int) -> str:
        suffix = "th" if n in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}" if digits else _ORDINAL_NAMES[n - 1]
    ranks = [x for x in parse_amounts(f"He ranked between {written(a)} and {written(b)}.")
             if x.value.unit == "rank"]
    if a == b:
        assert ranks == []
        return
    assert len(ranks) == 1
    interval = ranks[0].value.interval
    assert (interval.low, interval.high) == (Decimal(min(a, b)), Decimal(max(a, b)))
