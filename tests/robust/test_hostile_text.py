"""Degenerate text (runs of numbers, dates, brackets, one endless sentence) and a long
article are read to the end with every claim's offsets exact. How long they take is
measured, not tested: ``python -m benchmarks.hostile_inputs`` prints the time of each case
and how it grows when the text doubles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from claimcheck.sources import source_from_text

pytestmark = pytest.mark.model

PARAGRAPH = ("At least {n} people were killed on Friday in clashes near Damascus, officials "
             "said, and more than 1,200 were injured in the fighting that began on Aug. 21.\n\n")


def _case(text: Callable[[], str], reason: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(text, marks=marks)


CASES = {
    "spaces": _case(lambda: "40" + " " * 4000 + " people died."),
    "newlines": _case(lambda: "\n" * 4000 + "40 people died."),
    "carriage-returns": _case(lambda: "\r" * 4000 + "40 people died."),
    "open-quotes": _case(lambda: "“" * 1500 + "40 people died."),
    "parentheses": _case(lambda: "(" * 1000 + "40" + ")" * 1000),
    "dashes": _case(lambda: "—" * 1500 + " 40 people died."),
    "capitals": _case(lambda: "Damascus Bishkek " * 250),
    "datelines": _case(lambda: "BISHKEK — " * 400),
    "qualifiers": _case(lambda: "more than " * 400 + "40 people died."),
    "between": _case(lambda: "between 1 and " * 300 + "2 people died."),
    "said-quotes": _case(lambda: '"We will win," he said. ' * 150),
    "percentages": _case(lambda: "5% " * 1000),
    "dates": _case(lambda: "Aug. 21 " * 1200),
    "number-words": _case(lambda: "one two three four five six seven eight nine ten " * 80),
    "long-article": _case(lambda: "".join(PARAGRAPH.format(n=i) for i in range(200))),
    "hyphenated-numbers": _case(lambda: "-".join(["two"] * 1200)),
}


@pytest.fixture(scope="module")
def vocabulary(nlp: Any) -> Any:
    """The default vocabulary, with every lazy table (gazetteer, units) loaded once."""
    from claimcheck.extract.claims import extract_claims
    from claimcheck.rules import load_ruleset

    vocabulary = load_ruleset().vocabulary
    warm = "At least 40 people were killed near Damascus on Aug. 21, 2013, he said."
    extract_claims(nlp(warm), source_from_text(warm, "warm.txt"), vocabulary)
    return vocabulary


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_degenerate_text_is_read_to_the_end(make: Callable[[], str], nlp: Any,
                                            vocabulary: Any) -> None:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.link import link

    text = make()
    source = source_from_text(text, "a.txt")
    doc = nlp(source.body)
    claims = extract_claims(doc, source, vocabulary)
    link(claims, vocabulary)
    assert all(c.text == text[c.start:c.end] for c in claims)


def test_an_unclosed_suppression_marker_is_no_marker() -> None:
    from claimcheck.rules import parse_suppressions

    text = "[claimcheck: ignore default/quote-fidelity -- " + " " * 4000 + "x\n"
    assert parse_suppressions(text, "d.md") == []
