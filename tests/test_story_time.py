"""The story's time when no source has a date: estimated from the years its sources name,
so a figure of another year is positive evidence of another time than the story's."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.main_event import SourceStory, combine_stories, earlier_figures, estimate_years
from claimcheck.model.claims import QuantityClaim
from claimcheck.model.findings import Verdict
from tests.factories import quantity
from tests.helpers import compare_texts, quantity_id, verdicts


def test_the_latest_year_named_is_the_story_year_and_a_later_stray_number_is_not() -> None:
    summaries = [SourceStory(source="a", years=((2009, 2), (2014, 1))),
                 SourceStory(source="b", years=((2011, 1), (3170, 1)))]
    assert estimate_years(summaries) == frozenset({2014})
    assert estimate_years([SourceStory(source="a")]) == frozenset()


def test_a_story_with_a_date_is_not_estimated() -> None:
    import datetime as dt

    story = combine_stories([SourceStory(source="a", years=((2009, 1),))],
                            {"a": dt.date(2020, 5, 1)})
    assert story.years == frozenset()
    assert combine_stories([SourceStory(source="a", years=((2009, 1),))]).years == \
        frozenset({2009})


@pytest.mark.model
@pytest.mark.parametrize(("event", "now_text", "past_text", "past_figure"), [
    # a year named on the figure, earlier than the story's (the year another source names)
    ("storm",
     "The storm killed 12 people, officials said.\n\nIt struck the valley on March 3, 2019.\n",
     "The storm killed 40 people in the valley in 2011, records show.\n", "40"),
    # a time before the source's own, with no date to read it against
    ("fire", "The fire killed 12 people, officials said.\n",
     "Last year, 30 people were killed when a fire swept the same block.\n", "30"),
], ids=["an earlier year", "last year"])
def test_a_figure_of_an_earlier_time_in_an_undated_story_is_never_judged_with_the_story(
        nlp: Any, event: str, now_text: str, past_text: str, past_figure: str) -> None:
    report = compare_texts(nlp, {
        "a.txt": now_text,
        "b.txt": past_text,
        "c.txt": f"At least 12 people were killed in the {event}, officials said.\n",
    }, default=None)
    now = quantity_id(report, "a.txt", "12")
    past = quantity_id(report, "b.txt", past_figure)
    other = quantity_id(report, "c.txt", "At least 12")
    assert Verdict.AGREE in verdicts(report, now, other)
    assert not verdicts(report, past, now)


@pytest.mark.model
def test_the_years_of_what_is_to_come_do_not_date_the_story(nlp: Any) -> None:
    from claimcheck.api import pipeline_claims
    from claimcheck.main_event import build_story
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import Source

    text = ("The mill closed in 2015, the company said.\n\n"
            "A new plant will open in 2031, the mayor said.\n")
    claims = pipeline_claims([Source(id="a", path="a", text=text)], load_ruleset(), nlp)
    assert build_story(claims).years == frozenset({2015})


def _in_sentence(sentence: str, text: str, at: int = 100) -> QuantityClaim:
    """A figure written ``text`` in ``sentence``, which starts at offset ``at``."""
    start = at + sentence.index(text)
    return quantity("a", 1).model_copy(update={
        "text": text, "start": start, "end": start + len(text), "sentence": sentence,
        "sentence_start": at})


def test_a_time_phrase_is_said_of_the_figure_nearest_to_it() -> None:
    sentence = "Officials counted 32 cases this year, against 7 cases two years ago."
    figures = [_in_sentence(sentence, "32"), _in_sentence(sentence, "7")]
    assert earlier_figures(figures) == {figures[1].start: "two years ago"}
    alone = "Last year's harvest was 7 tonnes."
    assert earlier_figures([_in_sentence(alone, "7")]) == {100 + alone.index("7"): "Last year's"}
    span = "The fine is $500 a year, and 3 years in prison."
    assert earlier_figures([_in_sentence(span, "$500"), _in_sentence(span, "3 years")]) == {}
