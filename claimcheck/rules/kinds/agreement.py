"""The shared logic of agreement kinds: relations between values become verdicts.

A kind only says how two claims relate (``relate``) and how a source claim bears on a
draft claim (``judge``); turning those into findings is the same for every kind. Both
read only the claims' values, so claims of equal value are judged once, and a slot
stated by hundreds of sources gives a handful of findings, not one per pair.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import ClassVar

from claimcheck.model.claims import ClaimBase
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.rules.kinds.base import Outcome, Relation, RuleBase, capped

Judged = tuple[Outcome, str]
Related = tuple[Relation, str]
# how two classes of a group relate, by their indices; None when they cannot relate
PairRelation = Callable[[int, int], Related | None]

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
    def value_key(self, claim: ClaimBase) -> Hashable:
        """Claims with equal keys relate alike to every claim (``relate`` reads only values)."""
        value = getattr(claim, "value", None)
        try:
            hash(value)
        except TypeError:
            return repr(value)
        return value

    def relation_key(self, claim: ClaimBase) -> Hashable:
        """What ``relate`` reads of a claim: two pairs of claims with equal keys relate
        alike, so each pair of keys is related once (the value, unless a kind reads less
        of it)."""
        return self.value_key(claim)

    def value_classes(self, claims: Sequence[ClaimBase]) -> list[list[ClaimBase]]:
        """``claims`` split by equal value, in order of each class's first member."""
        by_key: dict[Hashable, list[ClaimBase]] = {}
        for claim in claims:
            by_key.setdefault(self.value_key(claim), []).append(claim)
        return list(by_key.values())

    def class_relations(self, representatives: Sequence[ClaimBase]) -> PairRelation:
        """How the ``i``-th and ``j``-th representatives relate: ``relate`` once per pair
        of relation keys. A kind may answer None for a pair it can tell relates by
        ``Relation.NONE`` without ``relate``: such a pair makes no finding."""
        # each relation key as a number: keys are values (pydantic models, hashed in
        # Python), looked up for every pair of classes
        numbered: dict[Hashable, int] = {}
        keys = [numbered.setdefault(self.relation_key(c), len(numbered))
                for c in representatives]
        related: dict[tuple[int, int], Related] = {}

        def relation(i: int, j: int) -> Related:
            pair = (keys[i], keys[j])
            known = related.get(pair)
            if known is None:
                known = related[pair] = self.relate(representatives[i], representatives[j])
            return known

        return relation

    def compare_group(self, group: ClaimGroup, claims: Sequence[ClaimBase]) -> list[Finding]:
        """At most one finding per verdict: contradict and quote_variant, else agree.

        Claims of equal value form a class and only class representatives are compared,
        so the cost grows with the number of distinct values, not with the square of the
        sources. Claims of one source are never compared with each other.
        """
        if len({c.source for c in claims}) < 2:
            return []  # one source's repeats: the grouping stage merges them
        classes = self.value_classes(claims)
        sources = [frozenset(c.source for c in members) for members in classes]
        relation_of = self.class_relations([members[0] for members in classes])
        edges: dict[Relation, dict[tuple[int, int], str]] = {r: {} for r in Relation}
        for i, members in enumerate(classes):
            if len(sources[i]) > 1:
                other = next(c for c in members if c.source != members[0].source)
                relation, reason = self.relate(members[0], other)
                edges[relation][(i, i)] = reason
            for j in range(i + 1, len(classes)):
                if len(sources[i]) == 1 and sources[i] == sources[j]:
                    continue  # one source's repeats: the grouping stage merges them
                known = relation_of(i, j)
                if known is not None:
                    edges[known[0]][(i, j)] = known[1]
        agreeing = edges[Relation.AGREE]
        found = [self._sides(verdict, edges[relation], classes, group, agreeing)
                 for relation, verdict in ((Relation.CONTRADICT, Verdict.CONTRADICT),
                                           (Relation.VARIANT, Verdict.QUOTE_VARIANT))
                 if edges[relation]]
        if agreeing and not found:
            involved = {k for pair in agreeing for k in pair}
            members = [c for k in sorted(involved) for c in classes[k]]
            order = {c.id: n for n, c in enumerate(claims)}
            members.sort(key=lambda c: order[c.id])
            found.append(self.finding(Verdict.AGREE, members, _join_reasons(agreeing.values()),
                                      slot=group.slot, group=group.id))
        return found

    def _sides(self, verdict: Verdict, pairs: dict[tuple[int, int], str],
               classes: Sequence[Sequence[ClaimBase]], group: ClaimGroup,
               agreeing: dict[tuple[int, int], str] | None = None) -> Finding:
        """One finding for every pair of classes that relate by ``verdict``.

        The subject is the class in most such pairs (the first on a tie); its opponents
        follow, then classes that disagree only among themselves. A class that agrees
        with every side ("at least 19" beside 19 and 29) takes no side: the finding
        names it as compatible with all of them.
        """
        degree: dict[int, int] = {}
        for i, j in pairs:
            degree[i] = degree.get(i, 0) + 1
            degree[j] = degree.get(j, 0) + 1
        subject = min(degree, key=lambda k: (-degree[k], k))
        opponents = sorted({j if i == subject else i for i, j in pairs
                            if subject in (i, j)} - {subject})
        rest = sorted(set(degree) - {subject, *opponents})
        ordered = [c for k in (subject, *opponents, *rest) for c in classes[k]]
        reason = _join_reasons(pairs.values())
        if len(ordered) > 2:
            reason += "; " + _side_sizes(classes[subject],
                                         [c for k in opponents for c in classes[k]],
                                         [c for k in rest for c in classes[k]])
        found = self.finding(verdict, ordered, reason, slot=group.slot, group=group.id)
        # sides: classes that do not contradict one another stand together, the
        # subject's side first
        sides: list[list[int]] = []
        for k in (subject, *opponents, *rest):
            side = next((members for members in sides
                         if not any((min(k, m), max(k, m)) in pairs for m in members)), None)
            if side is None:
                sides.append([k])
            else:
                side.append(k)
        involved = set(degree)
        compatible = [c for k in range(len(classes)) if k not in involved and agreeing
                      and all((min(k, m), max(k, m)) in agreeing for m in involved)
                      for c in classes[k]]
        update: dict[str, object] = {"sides": tuple(
            tuple(c.id for k in side for c in classes[k]) for side in sides)}
        if compatible:
            update["compatible"] = tuple(c.id for c in compatible)
            update["claims"] = (*found.claims, *(c.id for c in compatible))
        return found.model_copy(update=update)

    # -- check mode -----------------------------------------------------------------
    def check_claim(self, claim: ClaimBase, evidence: Sequence[ClaimBase],
                    group: str | None = None) -> Finding:
        """The draft claim's verdict; a contradiction outranks support (an editor must see it)."""
        judged = self._judged(claim, evidence)
        for outcome, verdict in _CHECK_ORDER:
            hits = [(e, why) for e, o, why in judged if o is outcome]
            if hits:
                reason = _join_reasons(why for _, why in hits)
                return self._listed(verdict, claim, [e for e, _ in hits], reason, group)
        weaker = [(e, why) for e, o, why in judged if o is Outcome.WEAKER]
        if weaker:
            reason = "only weaker evidence: " + _join_reasons(w for _, w in weaker)
            return self._listed(Verdict.UNSUPPORTED, claim, [e for e, _ in weaker], reason,
                                group)
        return self.finding(Verdict.UNSUPPORTED, (claim,), "no source states it", group=group)

    def _listed(self, verdict: Verdict, claim: ClaimBase, evidence: Sequence[ClaimBase],
                reason: str, group: str | None) -> Finding:
        """The draft claim first, then at most ``EVIDENCE_SHOWN`` of its evidence."""
        shown, unlisted = capped(evidence)
        return self.finding(verdict, (claim, *shown), reason, group=group, unlisted=unlisted)

    def _judged(self, claim: ClaimBase,
                evidence: Sequence[ClaimBase]) -> list[tuple[ClaimBase, Outcome, str]]:
        """``judge`` for every evidence claim, once per distinct value."""
        cache: dict[Hashable, Judged] = {}
        judged = []
        for item in evidence:
            key = self.value_key(item)
            if key not in cache:
                cache[key] = self.judge(claim, item)
            judged.append((item, *cache[key]))
        return judged

    def supporters(self, claim: ClaimBase, evidence: Sequence[ClaimBase]) -> list[ClaimBase]:
        """The evidence that implies ``claim`` (used by corroboration)."""
        return [e for e, outcome, _ in self._judged(claim, evidence)
                if outcome is Outcome.SUPPORTS]


_REASONS_SHOWN = 5


def _join_reasons(reasons: Iterable[str]) -> str:
    """Distinct reasons in order of first appearance, at most ``_REASONS_SHOWN`` of them."""
    distinct = list(dict.fromkeys(reasons))
    shown = "; ".join(distinct[:_REASONS_SHOWN])
    more = len(distinct) - _REASONS_SHOWN
    return f"{shown}; and {more} more" if more > 0 else shown


def _count(claims: Sequence[ClaimBase]) -> str:
    sources = len({c.source for c in claims})
    return (f"{len(claims)} claim{'s' if len(claims) != 1 else ''} from {sources} "
            f"source{'s' if sources != 1 else ''}")


def _side_sizes(subject: Sequence[ClaimBase], opponents: Sequence[ClaimBase],
                rest: Sequence[ClaimBase]) -> str:
    text = f"{_count(subject)} against {_count(opponents)}"
    return text + (f", and {_count(rest)} disagreeing among themselves" if rest else "")
