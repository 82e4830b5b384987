"""Finding dates in parsed text: spans, tense from the verb, context words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.dates import find

FRI = date(2013, 9, 13)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def found(nlp: Any, text: str, published: date | None = FRI) -> dict[str, Any]:
    doc = nlp(text)
    return {text[m.start:m.end]: m for m in find(doc, published)}


@pytest.mark.model
def test_span_is_the_date_and_token_its_head(nlp: Any) -> None:
    text = "Russian President Vladimir Putin said on Friday the deal should stand."
    mentions = found(nlp, text)
    assert list(mentions) == ["Friday"]
    mention = mentions["Friday"]
    assert mention.value.range.start == FRI
    assert nlp(text)[mention.token].text == "Friday"


@pytest.mark.model
def test_tense_places_a_weekday(nlp: Any) -> None:
    monday = date(2013, 10, 7)
    past = found(nlp, "The ministers met on Thursday in Geneva.", monday)["Thursday"]
    future = found(nlp, "The ministers will meet on Thursday in Geneva.", monday)["Thursday"]
    assert past.value.range.start == date(2013, 10, 3)
    assert future.value.range.start == date(2013, 10, 10)


@pytest.mark.model
def test_future_of_to_be_held(nlp: Any) -> None:
    text = "A conference is to be held in Geneva in late August."
    mention = found(nlp, text)["late August"]
    assert mention.value.range.start == date(2014, 8, 21)


@pytest.mark.model
def test_durations_and_event_ordinals_are_not_dates(nlp: Any) -> None:
    text = ("The two-and-a-half-year conflict has lasted several weeks longer than "
            "expected, and the talks went into a second day.")
    assert found(nlp, text) == {}


@pytest.mark.model
def test_a_counted_span_of_time_is_not_an_offset(nlp: Any) -> None:
    text = ("Eleven people died in three days of fighting, and after two weeks of talks "
            "the sides agreed. The envoy returns in three days, in the first week of "
            "October.")
    mentions = found(nlp, text)
    assert "in three days" in mentions  # the envoy's return: an offset
    assert mentions["in three days"].value.range.start == date(2013, 9, 16)
    assert not any("three days of" in span or "two weeks" in span for span in mentions)
    assert "first week of October" in mentions


@pytest.mark.model
def test_a_number_word_after_a_weekday_is_a_count_not_its_day(nlp: Any) -> None:
    text = "Five men were shot Tuesday, two fatally, and three were hurt Friday, one badly."
    assert set(found(nlp, text)) == {"Tuesday", "Friday"}
    assert found(nlp, "They met on May first.")["May first"].value.range.start.day == 1


@pytest.mark.model
def test_context_words_make_dates_approximate_or_open(nlp: Any) -> None:
    mentions = found(nlp, "They will meet again probably around September 28. "
                          "The fighting has gone on since 2011.")
    assert mentions["September 28"].value.approximate
    assert mentions["2011"].value.extent == "since"


@pytest.mark.model
def test_a_preposition_governing_the_event_is_not_an_extent(nlp: Any) -> None:
    text = "The deal was struck after the Aug. 23 chemical attack near Damascus."
    mention = found(nlp, text, date(2013, 10, 8))["Aug. 23"]
    assert mention.value.extent == "at"
    assert mention.value.range.start == date(2013, 8, 23)


@pytest.mark.model
def test_without_a_publication_date_dates_stay_partial(nlp: Any) -> None:
    mention = found(nlp, "The attack on Aug. 21 killed hundreds.", None)["Aug. 21"]
    assert mention.value.range.start is None
    assert (mention.value.range.month, mention.value.range.day) == (8, 21)


GOLD = [  # (file, published, text, start, end, granularity, approximate)
    ("001_1b8d3af3106904aa.txt", date(2013, 10, 7), "Aug. 21", "2013-08-21", "2013-08-21",
     "day", False),
    ("004_eb993784b28d4e74.txt", FRI, "August 21", "2013-08-21", "2013-08-21", "day", False),
    ("001_1b8d3af3106904aa.txt", date(2013, 10, 7), "Sept. 28", "2013-09-28", "2013-09-28",
     "day", False),
    ("004_eb993784b28d4e74.txt", FRI, "September 28", "2013-09-28", "2013-09-28", "day", True),
    ("000_0e9b06dfa165c864.txt", FRI, "Friday", "2013-09-13", "2013-09-13", "day", False),
    ("001_1b8d3af3106904aa.txt", date(2013, 10, 7), "mid-November", "2013-11-11",
     "2013-11-20", "part_of_month", False),
    ("001_1b8d3af3106904aa.txt", date(2013, 10, 7), "early 2011", "2011-01-01", "2011-04-30",
     "part_of_year", False),
]


@pytest.mark.model
@pytest.mark.parametrize(("name", "published", "text", "start", "end", "granularity",
                          "approximate"), GOLD)
def test_seed_dates(nlp: Any, name: str, published: date, text: str, start: str, end: str,
                    granularity: str, approximate: bool) -> None:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed article {name} not found beside the project")
    mentions = found(nlp, path.read_text(encoding="utf-8"), published)
    assert text in mentions
    value = mentions[text].value
    assert (value.range.start, value.range.end) == (date.fromisoformat(start),
                                                    date.fromisoformat(end))
    assert value.range.granularity.value == granularity
    assert value.approximate is approximate


@pytest.mark.model
def test_names_and_ages_are_not_dates(nlp: Any) -> None:
    text = "A 30-year-old man was held after the 9/11 attacks; the shop is open 24/7."
    assert found(nlp, text) == {}


@pytest.mark.model
@pytest.mark.parametrize("number", ["555 1234", "555-1234", "(901) 528-1234",
                                    "+1-222-2222/2222", "212.555.1987"])
def test_no_part_of_a_phone_number_is_a_year(nlp: Any, number: str) -> None:
    text = f"For tickets call {number} before Friday."
    assert list(found(nlp, text)) == ["Friday"]


@pytest.mark.model
@pytest.mark.parametrize("years", ["2009~2011", "2009 ~ 2011"])
def test_two_years_joined_by_a_tilde_are_a_range(nlp: Any, years: str) -> None:
    mentions = found(nlp, f"Sales rose in {years}, the firm said.")
    value = mentions[years].value
    assert (value.range.start, value.range.end) == (date(2009, 1, 1), date(2011, 12, 31))


@pytest.mark.model
def test_a_count_before_the_year_of_what_it_counts_keeps_the_year(nlp: Any) -> None:
    mentions = found(nlp, "Of the 150 2014 graduates, most found work.")
    assert mentions["2014"].value.range.start == date(2014, 1, 1)


@pytest.mark.model
def test_ranges_and_relative_phrases_in_news(nlp: Any) -> None:
    monday = date(2013, 10, 7)
    mentions = found(nlp, "Talks ran on Sept. 12-14 in Geneva. Fighting flared over the "
                          "weekend and two days later a truce was agreed. The vote is "
                          "expected next month.", monday)
    assert (mentions["Sept. 12-14"].value.range.start,
            mentions["Sept. 12-14"].value.range.end) == (date(2013, 9, 12), date(2013, 9, 14))
    assert mentions["next month"].value.range.start == date(2013, 11, 1)
    assert mentions["two days later"].value.rule == "narrative"


@pytest.mark.model
def test_a_packs_date_order_reads_numeric_dates(nlp: Any) -> None:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.model.claims import DateClaim
    from claimcheck.model.vocabulary import Vocabulary
    from claimcheck.sources import Source

    text = "The accord was signed on 10/8/2013 and ratified on 8.10.2013."
    source = Source(id="s", path="s.txt", text=text, published=date(2014, 1, 1))
    days: dict[str | None, list[date | None]] = {}
    for order in (None, "day_first", "month_first"):
        claims = extract_claims(nlp(text), source, Vocabulary(date_order=order))
        days[order] = [c.value.range.start for c in claims if isinstance(c, DateClaim)]
    assert days[None] == [date(2013, 10, 8)]  # the dotted one could swap: not read
    assert days["day_first"] == [date(2013, 8, 10), date(2013, 10, 8)]
    assert days["month_first"] == [date(2013, 10, 8), date(2013, 8, 10)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The shooting happened late on Friday, the mayor told USA TODAY.",
    "Follow the reporter on Twitter, USA Today reported on Friday.",
])
def test_a_day_word_in_a_papers_name_dates_nothing(nlp: Any, text: str) -> None:
    assert list(found(nlp, text)) == ["Friday"]


@pytest.mark.model
def test_a_day_word_on_its_own_is_a_date(nlp: Any) -> None:
    for text in ("The ministry said today that the talks would go on.",
                 "Today, the ministry said the talks would go on."):
        mentions = found(nlp, text)
        assert [m.value.range.start for m in mentions.values()] == [FRI], text
