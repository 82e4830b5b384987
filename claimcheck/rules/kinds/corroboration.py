"""Corroboration: a draft claim must be supported by at least ``min_sources`` sources.

Support is judged by the agreement rule that covers the claim (the same tolerance the
claim's own verdict used); this rule only counts the distinct sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field

from claimcheck.model.claims import ClaimBase
from claimcheck.model.findings import Finding, Verdict
from claimcheck.rules.kinds.base import COMMON_PLACEHOLDERS, RuleBase, capped


class Corroboration(RuleBase):
    kind: Literal["corroboration"]
    min_sources: int = Field(default=2, ge=1)

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("quantity", "date", "location", "quote")
    VERDICTS: ClassVar[tuple[Verdict, ...]] = (Verdict.UNSUPPORTED,)
    PRIMARY: ClassVar[Verdict] = Verdict.UNSUPPORTED
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS | {"count", "min_sources"}

    def check_claim(self, claim: ClaimBase, supporters: Sequence[ClaimBase],
                    group: str | None = None) -> Finding | None:
        sources = sorted({s.source for s in supporters})
        if len(sources) >= self.min_sources:
            return None
        reason = (f"supported by {len(sources)} source(s), {self.min_sources} required"
                  + (f": {', '.join(sources)}" if sources else ""))
        shown, unlisted = capped(supporters)
        return self.finding(Verdict.UNSUPPORTED, (claim, *shown), reason, group=group,
                            extra={"count": str(len(sources)),
                                   "min_sources": str(self.min_sources)},
                            unlisted=unlisted)

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        return {"min_sources": str(self.min_sources)}
