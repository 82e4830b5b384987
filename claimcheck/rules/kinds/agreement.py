"""The shared logic of agreement kinds: pairwise relations become verdicts.

A kind only says how two claims relate (``relate``) and how a source claim bears on a
draft claim (``judge``); turning those into findings is the same for every kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from claimcheck.model.claims import ClaimBase
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.rules.kinds.base import Outcome, Relation, RuleBase

Judged = tuple[Outcome, str]
Related = tuple[Relation, str]

_CHECK_ORDER = (
    (Outcome.CONTRADICTS, Verdict.CONTRADICTED),
    (Outcome.SUPPORTS, Verdict.SUPPORTED),
    (Outcome.ALTERED, Verdict.QUOTE_ALTERED),
    (Outcome.MISATTRIBUTED, Verdict.QUOTE_MISATTRIBUTED),
)


class AgreementRule(RuleBase):
    """A rule that compares claims of one kind across sources."""

    VERDICTS: ClassVar[tuple[Verdict, ...]] = (
        Verdict.AGREE, Verdict.CONTRADICT, Verdict.SUPPORTED, Verdict.CONTRADICTED,
        Verdict.UNSUPPORTED,
    )
    PRIMARY: ClassVar[Verdict] = Verdict.CONTRADICTED
    DEFAULT_MESSAGES: ClassVar[dict[Verdict, str]] = {
        Verdict.AGREE: "{slot}: the sources agree ({reason})",
        Verdict.CONTRADICT: "{slot}: “{text}” ({source}) contradicts {evidence} ({reason})",
        Verdict.SUPPORTED: "{slot}: “{text}” is supported by {evidence} ({reason})",
        Verdict.CONTRADICTED: "{slot}: “{text}” is contradicted by {evidence} ({reason})",
        Verdict.UNSUPPORTED: "{slot}: no source supports “{text}” ({reason})",
        Verdict.QUOTE_VARIANT: "{slot}: the sources quote these words differently ({reason})",
        Verdict.QUOTE_ALTERED: "{slot}: “{text}” differs from {evidence} ({reason})",
        Verdict.QUOTE_MISATTRIBUTED: "{slot}: {evidence} attribute(s) these words to "
                                     "someone else ({reason})",
    }

    def severity_of(self, verdict: Verdict) -> Severity:
        """'unsupported' is a warning unless ``severities`` says otherwise."""
        if verdict is Verdict.UNSUPPORTED and verdict not in self.severities:
            return Severity.WARNING
        return super().severity_of(verdict)

    def relate(self, a: ClaimBase, b: ClaimBase) -> Related:
        raise NotImplementedError

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        raise NotImplementedError

    # -- compare mode ---------------------------------------------------------------
    def compare_group(self, group: ClaimGroup, claims: Sequence[ClaimBase]) -> list[Finding]:
        """Contradictions and variants pair by pair; otherwise one agreement."""
        found: list[Finding] = []
        agreeing: dict[str, ClaimBase] = {}
        agree_reasons: list[str] = []
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if a.source == b.source:
                    continue  # one source's repeats: the grouping stage merges them
                relation, reason = self.relate(a, b)
                if relation is Relation.CONTRADICT:
                    found.append(self.finding(Verdict.CONTRADICT, (a, b), reason,
                                              slot=group.slot, group=group.id))
                elif relation is Relation.VARIANT:
                    found.append(self.finding(Verdict.QUOTE_VARIANT, (a, b), reason,
                                              slot=group.slot, group=group.id))
                elif relation is Relation.AGREE:
                    agreeing.setdefault(a.id, a)
                    agreeing.setdefault(b.id, b)
                    agree_reasons.append(reason)
        if agreeing and not found:
            members = [c for c in claims if c.id in agreeing]
            reason = agree_reasons[0] if len(set(agree_reasons)) == 1 else "; ".join(
                sorted(set(agree_reasons)))
            found.append(self.finding(Verdict.AGREE, members, reason,
                                      slot=group.slot, group=group.id))
        return found

    # -- check mode -----------------------------------------------------------------
    def check_claim(self, claim: ClaimBase, evidence: Sequence[ClaimBase],
                    group: str | None = None) -> Finding:
        """The draft claim's verdict; a contradiction outranks support (an editor must see it)."""
        judged = [(e, *self.judge(claim, e)) for e in evidence]
        for outcome, verdict in _CHECK_ORDER:
            hits = [(e, why) for e, o, why in judged if o is outcome]
            if hits:
                reason = "; ".join(dict.fromkeys(why for _, why in hits))
                return self.finding(verdict, (claim, *[e for e, _ in hits]), reason,
                                    group=group)
        weaker = [(e, why) for e, o, why in judged if o is Outcome.WEAKER]
        if weaker:
            reason = "only weaker evidence: " + "; ".join(dict.fromkeys(w for _, w in weaker))
            return self.finding(Verdict.UNSUPPORTED, (claim, *[e for e, _ in weaker]), reason,
                                group=group)
        return self.finding(Verdict.UNSUPPORTED, (claim,), "no source states it", group=group)

    def supporters(self, claim: ClaimBase, evidence: Sequence[ClaimBase]) -> list[ClaimBase]:
        """The evidence that implies ``claim`` (used by corroboration)."""
        return [e for e in evidence if self.judge(claim, e)[0] is Outcome.SUPPORTS]
