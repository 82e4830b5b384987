"""Two slots of one amount: a figure before and after, an option (loads the pipeline)."""

from __future__ import annotations

from typing import Any

import pytest

from claimcheck.extract.slots import other_slot

pytestmark = pytest.mark.model


def _slots(nlp: Any, text: str) -> dict[str, bool]:
    doc = nlp(text)
    return {t.text: other_slot(t) is not None for t in doc if t.like_num}


@pytest.mark.parametrize(("text", "expected"), [
    # was and now
    ("A crate of pears that cost $12.50 in May now costs $19.20.",
     {"12.50": True, "19.20": False}),
    ("At the market, a $12.50 crate of pears now costs an extra $6.70.",
     {"12.50": True, "6.70": False}),
    # "from" is the figure before the change
    ("The fare rose from $2.50 to $3.", {"2.50": True, "3": False}),
    ("Shares closed at $30, down from $41.", {"30": False, "41": True}),
    # an option or a condition beside the figure
    ("The prize is $150 million, or a lump sum of $80 million.",
     {"150": False, "80": True}),
    ("If the winner takes the cash option, the prize would be $80 million.", {"80": True}),
    # one figure, one slot; "from" of a distance or a giver is no change
    ("The tickets cost $20 each.", {"20": False}),
    ("The car stopped about 100 yards from the house.", {"100": False}),
    ("She got a gift of $500 from her son.", {"500": False}),
])
def test_amounts_of_another_slot(nlp: Any, text: str, expected: dict[str, bool]) -> None:
    found = _slots(nlp, text)
    assert {k: found[k] for k in expected} == expected
