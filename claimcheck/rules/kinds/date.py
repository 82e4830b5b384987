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
from claimcheck.model.dates import DateRange, DateValue, Granularity, dates_agree
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
        pair = f"{_show(a.value)} and {_show(b.value)}"
        if dates_agree(a.value, b.value, self.slack_days):
            return Relation.AGREE, pair + " overlap"
        return Relation.CONTRADICT, pair + " do not overlap"

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        """Supports when the evidence's date lies within the claim's (a day within a month)."""
        assert isinstance(claim, DateClaim) and isinstance(evidence, DateClaim)
        relation, reason = self.relate(claim, evidence)
        if relation is Relation.CONTRADICT:
            return Outcome.CONTRADICTS, reason
        if _implies(evidence.value, claim.value, self.slack_days):
            return Outcome.SUPPORTS, f"{_show(evidence.value)} lies within {_show(claim.value)}"
        return Outcome.WEAKER, f"{_show(evidence.value)} does not imply {_show(claim.value)}"


def _implies(evidence: DateValue, claim: DateValue, slack_days: int) -> bool:
    e, c = evidence.range, claim.range
    if e.resolved and c.resolved:
        assert e.start and e.end and c.start and c.end
        pad = timedelta(days=slack_days if (evidence.approximate or claim.approximate) else 0)
        return c.start - pad <= e.start and e.end <= c.end + pad
    return _parts_imply(e, c)


def _parts_imply(evidence: DateRange, claim: DateRange) -> bool:
    """Every part the claim states, the evidence states the same."""
    for mine, theirs in ((claim.year, evidence.year), (claim.month, evidence.month),
                         (claim.day, evidence.day)):
        if mine is not None and theirs != mine:
            return False
    return _FINENESS.index(evidence.granularity) <= _FINENESS.index(claim.granularity)


_FINENESS = list(Granularity)  # finest first: day, week, part of month, month, …


def _show(value: DateValue) -> str:
    text = value.range.describe()
    return f"about {text}" if value.approximate else text
