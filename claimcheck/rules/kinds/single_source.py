"""Single-source notice: a slot only one source states cannot be cross-checked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from claimcheck.model.claims import ClaimBase
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.rules.kinds.base import RuleBase


class SingleSource(RuleBase):
    kind: Literal["single_source"]
    severity: Severity = Severity.INFO

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("quantity", "date", "location", "quote")
    VERDICTS: ClassVar[tuple[Verdict, ...]] = (Verdict.SINGLE_SOURCE,)
    PRIMARY: ClassVar[Verdict] = Verdict.SINGLE_SOURCE

    def compare_group(self, group: ClaimGroup, claims: Sequence[ClaimBase]) -> list[Finding]:
        sources = {c.source for c in claims}
        if len(sources) != 1:
            return []
        return [self.finding(Verdict.SINGLE_SOURCE, claims,
                             f"only {claims[0].source} states it", slot=group.slot,
                             group=group.id)]
