"""A noun that counts people names a kind of thing when a bare "of" follows it."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.model.counted import PERSON
from claimcheck.model.findings import Verdict
from tests.helpers import compare_texts, find_claim

pytestmark = pytest.mark.model


def test_a_body_of_water_is_no_body_and_the_bodies_of_victims_are(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The crash killed 54 people, officials said.\n",
        "b.txt": "Searchers think the wreck lies in one body of water.\n\n"
                 "Divers recovered the bodies of 12 victims.\n",
    })
    water = find_claim(report, "b.txt", "one", kind="quantity")
    bodies = find_claim(report, "b.txt", "12", kind="quantity")
    assert water is not None and bodies is not None
    assert water.about.counted is not None and water.about.counted.category != PERSON
    assert bodies.about.counted is not None and bodies.about.counted.category == PERSON
    assert not any(f.verdict is Verdict.CONTRADICT and water.id in f.claims
                   for f in report.findings)
