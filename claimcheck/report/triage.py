"""What an editor fixes first: the order of problems, and each one said in a line.

Contradictions come first, then quotes changed or given to someone else, then what no
source states, then the rest; within a class, the higher severity first. Suppressed and
baselined findings go last: they were already looked at.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.model.findings import Finding, Verdict
from claimcheck.report.labels import INFORMATIONAL, PASSING, is_muted

_CLASS = {
    Verdict.CONTRADICTED: 0, Verdict.CONTRADICT: 0,
    Verdict.QUOTE_MISATTRIBUTED: 1, Verdict.QUOTE_ALTERED: 1, Verdict.QUOTE_VARIANT: 1,
    Verdict.UNSUPPORTED: 2,
    Verdict.MISSING_FIELD: 3,
    Verdict.SINGLE_SOURCE: 4,
    Verdict.AGREE: 5, Verdict.SUPPORTED: 5,
}


def urgency(finding: Finding) -> tuple[int, int, int]:
    """Sort key: smaller is more urgent."""
    return (int(is_muted(finding)), -finding.severity.rank, _CLASS.get(finding.verdict, 3))


def most_urgent(findings: Sequence[Finding]) -> Finding | None:
    return min(findings, key=urgency, default=None)


def is_problem(finding: Finding) -> bool:
    """Listed in the triage summary: not an agreement, not a mere single-source note."""
    return finding.verdict not in PASSING and finding.verdict not in INFORMATIONAL


_HEADLINE = {
    Verdict.CONTRADICTED: "Sources say otherwise",
    Verdict.SUPPORTED: "Sources say the same",
    Verdict.UNSUPPORTED: "No source states this",
    Verdict.QUOTE_ALTERED: "The quote's words differ from the source",
    Verdict.QUOTE_MISATTRIBUTED: "A source gives these words to someone else",
    Verdict.CONTRADICT: "Sources disagree",
    Verdict.AGREE: "Sources agree",
    Verdict.QUOTE_VARIANT: "Sources quote these words differently",
    Verdict.SINGLE_SOURCE: "Only one source states this",
    Verdict.MISSING_FIELD: "A detail a rule requires is missing",
}


def headline(verdict: Verdict, weaker: bool = False) -> str:
    """The verdict as an editor would say it."""
    if verdict is Verdict.UNSUPPORTED and weaker:
        return "Sources only give weaker evidence"
    return _HEADLINE.get(verdict, verdict.value.replace("_", " "))
