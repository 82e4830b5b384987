"""A part of a town named on its own ("the Englewood neighborhood") is not the town of
that name elsewhere, and a count over such events in general is no toll of one."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.model.findings import Verdict
from tests.helpers import compare_texts, quantity_id

pytestmark = pytest.mark.model


def test_a_neighborhood_named_like_a_town_elsewhere_does_not_keep_two_reports_apart(
        nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Two men were shot in the Englewood neighborhood on Sunday, police said.\n",
        "b.txt": "Police said two men were shot on Sunday in Chicago.\n",
    })
    a, b = quantity_id(report, "a.txt", "Two"), quantity_id(report, "b.txt", "two")
    assert any(f.verdict is Verdict.AGREE and {a, b} <= set(f.claims) for f in report.findings)


def test_a_neighborhood_of_a_town_is_in_that_town(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Three men were killed in a Baghdad neighborhood on Friday.\n",
    })
    claim = report.claims[0]
    assert claim.about.event is not None
    assert [p.name for p in claim.about.event.places] == ["Baghdad"]


def test_a_count_in_shootings_across_a_city_is_no_toll_of_one(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "Three people were killed in a house on Sunday, police said.\n",
        "b.txt": "Police said four people were killed in shootings across the city over the "
                 "weekend.\n",
    })
    assert not any(f.verdict is Verdict.CONTRADICT for f in report.findings)
