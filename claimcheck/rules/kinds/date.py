"""Date agreement: two dates of one slot must be able to denote the same time.

Partial dates ("Aug. 21" with no year) are compared only on the parts both state;
``slack_days`` widens approximate dates ("around 28 September").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import ClassVar, Literal

from pydantic import Field

from claimcheck.model.claims import ClaimBase, DateClaim
from claimcheck.model.dates import DateRange, DateValue, Granularity, date_reason, dates_agree
from claimcheck.rules.kinds.agreement import AgreementRule, Judged, Related
from claimcheck.rules.kinds.base import COMMON_PLACEHOLDERS, Outcome, Relation


class DateAgreement(AgreementRule):
    kind: Literal["date_agreement"]
    slack_days: int = Field(default=0, ge=0, le=366)

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("date",)
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS | {"slack_days"}

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        return {"slack_days": str(self.slack_days)}

    def relate(self, a: ClaimBase, b: ClaimBase) -> Related:
        assert isinstance(a, DateClaim) and isinstance(b, DateClaim)
        reason = date_reason(a.value, b.value, self.slack_days)
        if dates_agree(a.value, b.value, self.slack_days):
            return Relation.AGREE, reason
        return Relation.CONTRADICT, reason

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        """Supports when the evidence's date lies within the claim's (a day within a month)."""
        assert isinstance(claim, DateClaim) and isinstance(evidence, DateClaim)
        relation, reason = self.relate(claim, evidence)
        if relation is Relation.CONTRADICT:
            return Outcome.CONTRADICTS, reason
        shown = f"{evidence.value.describe()} {{}} {claim.value.describe()}"
        if _implies(evidence.value, claim.value, self.slack_days):
            return Outcome.SUPPORTS, shown.format("lies within")
        return Outcome.WEAKER, shown.format("does not imply")


def _implies(evidence: DateValue, claim: DateValue, slack_days: int) -> bool:
    """Every day the evidence allows, the claim allows (open ends as half-lines)."""
    if not (evidence.range.resolved and claim.range.resolved):
        return _parts_imply(evidence.range, claim.range)
    e_low, e_high = evidence.bounds()
    c_low, c_high = claim.bounds()
    if claim.approximate or evidence.approximate:
        pad = timedelta(days=slack_days)
        c_low = c_low - pad if c_low is not None else None
        c_high = c_high + pad if c_high is not None else None
    low_ok = c_low is None or (e_low is not None and c_low <= e_low)
    high_ok = c_high is None or (e_high is not None and e_high <= c_high)
    return low_ok and high_ok


def _parts_imply(evidence: DateRange, claim: DateRange) -> bool:
    """Every part the claim states, the evidence states the same, at least as finely."""
    for mine, theirs in ((claim.year, evidence.year), (claim.month, evidence.month),
                         (claim.day, evidence.day)):
        if mine is not None and theirs != mine:
            return False
    return _FINENESS.index(evidence.granularity) <= _FINENESS.index(claim.granularity)


_FINENESS = list(Granularity)  # finest first: day, week, part of month, month, …
