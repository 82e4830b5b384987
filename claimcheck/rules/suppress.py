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
from collections.abc import Collection, Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import InputError, Problem
from claimcheck.model.claims import Claim
from claimcheck.model.findings import Finding
from claimcheck.rules.yamlpos import did_you_mean

MISSING_REASON = "S100"
UNKNOWN_RULE = "S101"

_MARKER = re.compile(
    r"(?:<!--|\[)\s*claimcheck\s*:\s*ignore\s+(?P<rules>[^\s\]>]+)"
    r"\s*(?:--\s*(?P<reason>.*?))?\s*(?:-->|\])",
    re.IGNORECASE,
)


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
        for match in _MARKER.finditer(line):
            column = match.start() + 1
            rules = tuple(r for r in match.group("rules").split(",") if r)
            reason = (match.group("reason") or "").strip()
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
