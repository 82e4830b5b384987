"""Hostile text cannot stall an unattended run: degenerate inputs of a few thousand
characters (runs of numbers, dates, brackets, one endless sentence) and a long article
(31,000 characters) are read in time proportional to their length. Known super-linear
stages are strict xfails, so fixing them turns the case green."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from claimcheck.sources import source_from_text

pytestmark = pytest.mark.model

# CPU seconds of work after spaCy for a few thousand characters; these take 0.005-0.35
# (the most for 1,000 claims in 3,000 characters). CPU time, not the clock, so a machine
# busy with other work does not fail the test; a super-linear stage takes seconds.
BUDGET = 0.5
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
def test_degenerate_text_is_read_in_linear_time(make: Callable[[], str], nlp: Any,
                                                vocabulary: Any) -> None:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.link import link

    text = make()
    source = source_from_text(text, "a.txt")
    doc = nlp(source.body)
    began = time.process_time()
    claims = extract_claims(doc, source, vocabulary)
    link(claims, vocabulary)
    elapsed = time.process_time() - began
    assert all(c.text == text[c.start:c.end] for c in claims)
    assert elapsed < BUDGET, f"{elapsed:.2f} s after spaCy for {len(text):,} characters"


def test_suppression_markers_are_read_in_linear_time() -> None:
    from claimcheck.rules import parse_suppressions

    text = "[claimcheck: ignore default/quote-fidelity -- " + " " * 4000 + "x\n"
    began = time.process_time()
    assert parse_suppressions(text, "d.md") == []  # never closed: no marker
    assert time.process_time() - began < 0.5
