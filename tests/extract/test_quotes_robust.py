"""The quotation finder never raises, whatever the marks (blank pipeline, no model)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract.quotes import find
from claimcheck.model.quotes import QuoteValue


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


_pieces = st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", " ", "\n", "\n\n", ". ",
                           ", ", ": ", "said", "He", "Anna Berg", "we agree", "12", "-"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(st.lists(_pieces, max_size=30).map("".join))
def test_find_never_raises_and_spans_are_inside(blank: Any, text: str) -> None:
    doc = blank(text)
    for mention in find(doc, None):
        assert 0 <= mention.start < mention.end <= len(text)
        assert isinstance(mention.value, QuoteValue)
        assert mention.token is None or 0 <= mention.token < len(doc)


def test_without_a_parse_a_set_off_quote_is_kept_without_speaker(blank: Any) -> None:
    text = 'Nothing to see.\n"We will publish the full report in May."'
    (mention,) = find(blank(text), None)
    assert text[mention.start:mention.end] == "We will publish the full report in May."
    assert mention.value.speaker is None  # type: ignore[union-attr]
