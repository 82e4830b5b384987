"""Inline suppression markers in a draft: an editor's "we know, and here is why".

Markdown: ``<!-- claimcheck: ignore RULE_ID -- reason -->``; plain text:
``[claimcheck: ignore RULE_ID -- reason]``. RULE_ID is a full id (``default/quote-fidelity``),
a rule's name without its pack (``quote-fidelity``), several ids joined by commas, or
``all``. A marker covers findings whose draft claim starts on the marker's own line or on
the next non-blank line after it. The reason is required. Suppressed findings are kept,
with ``suppressed`` set to the reason, so reports can still show them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import InputError, Problem
from claimcheck.model.claims import Claim
from claimcheck.model.findings import Finding
from claimcheck.rules.yamlpos import did_you_mean

MISSING_REASON = "S100"
UNKNOWN_RULE = "S101"

# The start of a marker; where it ends is found with str.find, not a pattern: the pattern
# ``\s*(?:--\s*(?P<reason>.*?))?\s*(?:-->|\])`` backtracked over every split of a run of
# spaces after "--" (4,000 spaces in an unclosed marker: 100 s).
_HEAD = re.compile(r"(?:<!--|\[)\s*claimcheck\s*:\s*ignore\s+(?P<rules>[^\s\]>]+)",
                   re.IGNORECASE)
_TERMINATORS = ("-->", "]")


class Marker(NamedTuple):
    """A marker on one line: where it starts, its rule ids as written, and its reason
    (None when it has no ``--`` part)."""

    start: int
    end: int
    rules: str
    reason: str | None


def find_markers(line: str) -> Iterator[Marker]:
    """The markers of one line, in order, in time linear in its length.

    The rule ids run to the first space, ``]`` or ``>``; the reason follows ``--`` and
    runs to the first ``-->`` or ``]``. As a regular expression would, when the ids as
    read leave no closed marker, a ``--`` inside them ends them instead
    ("ignore quote-fidelity--reason]").
    """
    position = 0
    terminators = _Terminators(line)
    while (head := _HEAD.search(line, position)) is not None:
        closed = _close(line, head.start("rules"), head.end("rules"), terminators)
        if closed is None:
            position = head.start() + 1
            continue
        rules_end, reason, end = closed
        yield Marker(head.start(), end, line[head.start("rules"):rules_end], reason)
        position = end


def _close(line: str, start: int, end: int,
           terminators: _Terminators) -> tuple[int, str | None, int] | None:
    """(end of the rule ids, reason, end of the marker) for ids at ``line[start:end]``."""
    after = _skip_spaces(line, end)
    beyond = terminators.first(end)  # the first terminator after the ids
    # the ids as read, then ended at each "--" inside them, longest first
    cuts = [end, *(j for j in range(end - 2, start, -1) if line.startswith("--", j))]
    for cut in cuts:
        separator = after if cut == end else cut
        if line.startswith("--", separator):
            reason_start = separator + 2
            if cut == end:
                closing = terminators.first(reason_start)
            elif reason_start <= end - 2 and line.startswith("-->", end - 2):
                closing = (end - 2, 3)  # no terminator lies inside the ids but this one
            else:
                closing = beyond
            if closing is not None:
                reason = line[reason_start:closing[0]].strip()
                return cut, reason, closing[0] + closing[1]
        for mark in _TERMINATORS:
            if line.startswith(mark, separator):
                return cut, None, separator + len(mark)
    return None


def _skip_spaces(line: str, position: int) -> int:
    while position < len(line) and line[position].isspace():
        position += 1
    return position


class _Terminators:
    """The first ``-->`` or ``]`` at or after a position. Markers are read left to right,
    so each search goes on from the last: one pass over the line for all its markers."""

    def __init__(self, line: str) -> None:
        self._line = line
        # per terminator: the position searched from, and what was found (-1: none)
        self._found = {mark: (-1, -1) for mark in _TERMINATORS}

    def first(self, position: int) -> tuple[int, int] | None:
        """(offset, length) of the first terminator at or after ``position``."""
        best: tuple[int, int] | None = None
        for mark in _TERMINATORS:
            searched_from, index = self._found[mark]
            if position < searched_from or (index != -1 and index < position) or \
                    searched_from == -1:
                index = self._line.find(mark, position)
                self._found[mark] = (position, index)
            if index != -1 and (best is None or index < best[0]):
                best = (index, len(mark))
        return best


class Suppression(BaseModel):
    model_config = ConfigDict(frozen=True)

    rules: tuple[str, ...]
    reason: str
    line: int  # 1-based line of the marker
    lines: tuple[int, ...]  # the lines it covers
    source: str | None = None  # the draft's source id

    def covers(self, finding: Finding, claim: Claim) -> bool:
        if self.source is not None and claim.source != self.source:
            return False
        if claim.line not in self.lines:
            return False
        return any(_rule_matches(rule, finding.rule) for rule in self.rules)


def parse_suppressions(text: str, path: str, source: str | None = None,
                       known_rules: Collection[str] | None = None) -> list[Suppression]:
    """The markers of a draft; raises InputError naming every bad marker's file and line."""
    lines = text.splitlines()
    found: list[Suppression] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        for marker in find_markers(line):
            column = marker.start + 1
            rules = tuple(r for r in marker.rules.split(",") if r)
            reason = (marker.reason or "").strip()
            if not reason:
                problems.append(Problem(
                    MISSING_REASON,
                    "a suppression needs a reason: <!-- claimcheck: ignore RULE_ID -- why -->",
                    path, number, column, line))
                continue
            for rule in rules:
                if known_rules is not None and not any(_rule_matches(rule, k)
                                                       for k in known_rules):
                    short = sorted({k.split("/", 1)[-1] for k in known_rules})
                    problems.append(Problem(
                        UNKNOWN_RULE,
                        f"no rule {rule!r}{did_you_mean(rule, [*known_rules, *short])}",
                        path, number, column, line))
            found.append(Suppression(rules=rules, reason=reason, line=number,
                                     lines=_covered(lines, number), source=source))
    if problems:
        raise InputError(problems)
    return found


def apply_suppressions(findings: Sequence[Finding], suppressions: Sequence[Suppression],
                       claims: Mapping[str, Claim]) -> list[Finding]:
    """The findings, those a marker covers marked with its reason (none are dropped)."""
    marked = []
    for finding in findings:
        claim = claims.get(finding.claims[0]) if finding.claims else None
        hit = next((s for s in suppressions if claim is not None and s.covers(finding, claim)),
                   None)
        marked.append(finding.model_copy(update={"suppressed": hit.reason}) if hit else finding)
    return marked


def _covered(lines: list[str], number: int) -> tuple[int, ...]:
    for following in range(number + 1, len(lines) + 1):
        if lines[following - 1].strip():
            return (number, following)
    return (number,)


def _rule_matches(marker: str, rule: str) -> bool:
    return marker.lower() == "all" or marker == rule or rule.endswith("/" + marker)
