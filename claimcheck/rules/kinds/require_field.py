"""Require a field: claims of some attribute must state something (money → currency).

Fields are named by what a reader misses, each read from the claim record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from claimcheck.model.claims import ClaimBase, QuantityClaim, QuoteClaim
from claimcheck.model.findings import Finding, Verdict
from claimcheck.rules.kinds.base import COMMON_PLACEHOLDERS, RuleBase

_CURRENCY_DIMENSION = "currency"


def _has_unit(claim: ClaimBase) -> bool:
    return isinstance(claim, QuantityClaim) and bool(claim.value.unit)


def _has_currency(claim: ClaimBase) -> bool:
    return (isinstance(claim, QuantityClaim) and claim.value.dimension == _CURRENCY_DIMENSION
            and bool(claim.value.unit))


def _has_speaker(claim: ClaimBase) -> bool:
    return isinstance(claim, QuoteClaim) and bool(claim.value.speaker)


FIELDS: dict[str, Callable[[ClaimBase], bool]] = {
    "currency": _has_currency,
    "unit": _has_unit,
    "speaker": _has_speaker,
    "event": lambda claim: claim.about.event is not None,
    "attribution": lambda claim: bool(claim.about.attribution),
    "thing": lambda claim: bool(claim.about.thing),
}
FieldName = Literal["currency", "unit", "speaker", "event", "attribution", "thing"]


class RequireField(RuleBase):
    kind: Literal["require_field"]
    field: FieldName
    modes: tuple[Literal["check", "compare"], ...] = ("check",)  # drafts only, by default

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("quantity", "date", "location", "quote")
    VERDICTS: ClassVar[tuple[Verdict, ...]] = (Verdict.MISSING_FIELD,)
    PRIMARY: ClassVar[Verdict] = Verdict.MISSING_FIELD
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS | {"field"}

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        return {"field": self.field}

    def check(self, claim: ClaimBase) -> Finding | None:
        if FIELDS[self.field](claim):
            return None
        return self.finding(Verdict.MISSING_FIELD, (claim,), f"no {self.field} stated")
