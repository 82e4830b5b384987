"""Place agreement: places of one slot must be the same, nested, or near each other.

Only places both resolved with confidence can contradict; an unresolved or ambiguous
place never does (DESIGN §3 "Places").
"""

from __future__ import annotations

from typing import ClassVar, Literal

from claimcheck.model.claims import ClaimBase, LocationClaim
from claimcheck.model.places import PlaceRelation, explain_relation, relate
from claimcheck.rules.kinds.agreement import AgreementRule, Judged, Related
from claimcheck.rules.kinds.base import Outcome, Relation

_WORDS = {
    PlaceRelation.SAME: "is the same place as",
    PlaceRelation.CONTAINS: "contains",
    PlaceRelation.WITHIN: "lies within",
    PlaceRelation.NEAR: "is the area around",
    PlaceRelation.DISJOINT: "is disjoint from",
    PlaceRelation.UNKNOWN: "cannot be compared with",
    PlaceRelation.UNDETERMINED: "cannot be told apart from",
}


class PlaceAgreement(AgreementRule):
    kind: Literal["place_agreement"]
    require_confident: bool = True  # both places must have resolved without ambiguity

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("location",)

    def _relation(self, a: LocationClaim, b: LocationClaim) -> tuple[PlaceRelation, str]:
        relation = relate(a.value.place, b.value.place)
        if relation is PlaceRelation.UNDETERMINED:
            # neighbouring towns, a town and a region of its country: no verdict either way
            relation = PlaceRelation.UNKNOWN
        if relation is PlaceRelation.DISJOINT and self.require_confident and not (
                a.value.confident and b.value.confident):
            relation = PlaceRelation.UNKNOWN
        if a.value.place.resolved and b.value.place.resolved:
            return relation, explain_relation(a.value.place, b.value.place)
        return relation, f"{_name(a)} {_WORDS[relation]} {_name(b)}"

    def relate(self, a: ClaimBase, b: ClaimBase) -> Related:
        assert isinstance(a, LocationClaim) and isinstance(b, LocationClaim)
        relation, reason = self._relation(a, b)
        if relation is PlaceRelation.UNKNOWN:
            return Relation.NONE, reason
        if relation is PlaceRelation.DISJOINT:
            return Relation.CONTRADICT, reason
        return Relation.AGREE, reason

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        """Supports when the evidence's place is the claim's, lies within it, or is near it."""
        assert isinstance(claim, LocationClaim) and isinstance(evidence, LocationClaim)
        relation, reason = self._relation(evidence, claim)
        if relation is PlaceRelation.UNKNOWN:
            return Outcome.NONE, reason
        if relation is PlaceRelation.DISJOINT:
            return Outcome.CONTRADICTS, reason
        if relation is PlaceRelation.CONTAINS:
            return Outcome.WEAKER, reason
        return Outcome.SUPPORTS, reason


def _name(claim: LocationClaim) -> str:
    place = claim.value.place
    name = f"near {place.name}" if place.around else place.name
    return f"{name} ({place.country})" if place.country else name
