"""The fast indented JSON writer writes exactly what the standard library writes."""

from __future__ import annotations

import json
import math
from enum import StrEnum
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.report.json_text import dumps_indented

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
SCALARS = st.none() | st.booleans() | st.integers() | TEXT | st.floats(allow_nan=True)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner)
    | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=40)


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=300)
@given(VALUES)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps_indented(value) == standard(value)


class Colour(StrEnum):
    RED = "red"


def test_values_it_leaves_to_the_standard_library() -> None:
    for value in ({1: "a", "b": [2]}, {"a": {2.5: None}}, [Colour.RED, {"c": Colour.RED}],
                  {"x": [math.inf, -0.0, 10**30]}, [[], {}, [[]], {"e": {}}]):
        assert dumps_indented(value) == standard(value)
