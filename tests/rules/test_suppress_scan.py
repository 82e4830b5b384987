"""Suppression markers are read in time linear in the line, with the meaning the
regular expression they replaced gave them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.rules import parse_suppressions
from claimcheck.rules.suppress import find_markers

# the pattern the scan replaced: right, but polynomial on spaces after "--"
REFERENCE = re.compile(
    r"(?:<!--|\[)\s*claimcheck\s*:\s*ignore\s+(?P<rules>[^\s\]>]+)"
    r"\s*(?:--\s*(?P<reason>.*?))?\s*(?:-->|\])",
    re.IGNORECASE,
)
PIECES = ["[", "]", "<!--", "-->", "--", "-", ">", " ", "  ", "\t", "claimcheck", ":",
          "ignore", " ignore ", "[claimcheck: ignore ", "<!-- claimcheck: ignore ", "a",
          "quote-fidelity", ",", "x", "why"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_scan_reads_what_the_pattern_read(line: str) -> None:
    expected = [(m.start(), m.end(), m.group("rules"), (m.group("reason") or "").strip())
                for m in REFERENCE.finditer(line)]
    found = [(m.start, m.end, m.rules, (m.reason or "").strip()) for m in find_markers(line)]
    assert found == expected


def test_ids_glued_to_the_reason_end_at_the_separator() -> None:
    [marker] = find_markers("[claimcheck: ignore quote-fidelity--a known typo]")
    assert (marker.rules, marker.reason) == ("quote-fidelity", "a known typo")


def test_an_unclosed_marker_full_of_spaces_is_read_in_linear_time() -> None:
    for text in ("[claimcheck: ignore default/quote-fidelity -- " + " " * 100_000 + "x\n",
                 "<!-- claimcheck: ignore " + "-" * 100_000 + "\n",
                 "[claimcheck: ignore a " * 20_000 + "\n"):
        assert parse_suppressions(text, "d.md") == []
