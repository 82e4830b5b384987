"""An event's place is the whole name the parse found, never one of its words alone:
"Rouge" is a town in Canada and "Mexico" another country than "New Mexico"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from tests.helpers import compare_texts, find_claim, verdicts
from tests.helpers import quantity_id as _id

pytestmark = pytest.mark.model


def _event_of(report: Any, source: str, text: str) -> Any:
    claim = find_claim(report, source, text, kind="quantity")
    assert claim is not None and claim.about.event is not None, text
    return claim.about.event


def test_a_two_word_city_before_the_event_noun_is_that_city(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Three officers were killed in the Baton Rouge ambush on Sunday.\n",
        "b.txt": "Three officers died in the ambush in Baton Rouge on Sunday.\n",
    }, default=dt.date(2024, 7, 18))
    places = {(p.name, p.country) for p in _event_of(report, "a.txt", "Three").places}
    assert places == {("Baton Rouge", "US")}
    assert Verdict.AGREE in verdicts(report, _id(report, "a.txt", "Three"),
                                     _id(report, "b.txt", "Three"))


def test_a_place_whose_last_word_is_a_country_is_not_that_country(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The quake struck western New Mexico on Sunday, killing two people.\n",
    }, default=dt.date(2024, 7, 18))
    assert "MX" not in _event_of(report, "a.txt", "two").countries
