"""The verdict engine: groups and rules in, findings out. Pure, deterministic.

Which rules judge a claim: among the agreement rules of its kind that cover it, only the
most specific fire (a rule naming the claim's attribute or event outranks a general
one), so a pack can tighten "injuries within 5 %" without doubling verdicts.
Related groups and page furniture never reach a verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimcheck.gcpause import paused_gc
from claimcheck.model.claims import Claim, ClaimBase
from claimcheck.model.findings import ClaimGroup, Finding, Verdict
from claimcheck.rules.kinds import (
    AgreementRule,
    Corroboration,
    RequireField,
    SingleSource,
)
from claimcheck.rules.kinds.base import naming_sources
from claimcheck.rules.ruleset import RuleSet


def evaluate_compare(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
                     ruleset: RuleSet,
                     source_names: Mapping[str, str] | None = None) -> list[Finding]:
    """Cross-source verdicts for every group: agree, contradict, quote_variant, single_source.
    Messages name sources by ``source_names`` (id → "outlet, title (id)") where given."""
    with paused_gc(), naming_sources(source_names or {}):  # gc: see claimcheck.gcpause
        return _compare(groups, claims, ruleset)


def _compare(groups: Sequence[ClaimGroup], claims: Mapping[str, Claim],
             ruleset: RuleSet) -> list[Finding]:
    findings: list[Finding] = []
    for group in sorted(groups, key=lambda g: g.id):
        if group.related:
            continue
        members = _members(group, claims)
        if not members:
            continue
        for rule in _agreement_rules(ruleset, members[0]):
            covered = [m for m in members if rule.covers(m)]
            findings.extend(_annotated(f, group) for f in _judged(rule, group, covered))
        for notice in ruleset.rules:
            if isinstance(notice, SingleSource) and notice.covers(members[0]):
                findings.extend(notice.compare_group(group, members))
    findings.extend(_required_fields(
        [c for c in claims.values() if not c.furniture], ruleset, "compare"))
    return _sorted(findings, claims)


def _judged(rule: AgreementRule, group: ClaimGroup, covered: Sequence[Claim]
            ) -> list[Finding]:
    """The rule's findings on a group; a group that may only agree keeps, instead of a
    contradiction, the agreement of the side that most sources take."""
    found = rule.compare_group(group, covered)
    if not group.agreement_only and not group.weak:
        return found
    if not group.agreement_only and any(f.verdict is Verdict.CONTRADICT for f in found):
        weak = set(group.weak)
        strong = [c for c in covered if c.id not in weak]
        among_strong = [f for f in rule.compare_group(group, strong)
                        if f.verdict is Verdict.CONTRADICT]
        if among_strong:
            return among_strong
    kept = [f for f in found if f.verdict is not Verdict.CONTRADICT]
    for finding in found:
        if finding.verdict is not Verdict.CONTRADICT:
            continue
        by_id = {c.id: c for c in covered}
        sides = [[by_id[i] for i in side if i in by_id] for side in finding.sides]
        best = max(sides, key=lambda side: (len({c.source for c in side}), -sides.index(side)),
                   default=[])
        if len({c.source for c in best}) > 1:
            kept.extend(f for f in rule.compare_group(group, best)
                        if f.verdict is Verdict.AGREE)
    return kept


def _annotated(finding: Finding, group: ClaimGroup) -> Finding:
    """A contradiction with the group's graded evidence (authorities, time order) added to
    its reason and message: it explains the verdict, it does not change it."""
    if finding.verdict is not Verdict.CONTRADICT or not group.notes:
        return finding
    notes = "; ".join(group.notes)
    return finding.model_copy(update={"reason": f"{finding.reason}; {notes}",
                                      "message": f"{finding.message} — {notes}"})


def evaluate_check(draft: Sequence[Claim], groups: Sequence[ClaimGroup],
                   claims: Mapping[str, Claim], ruleset: RuleSet,
                   source_names: Mapping[str, str] | None = None) -> list[Finding]:
    """A verdict per draft claim against the sources' claims grouped with it.

    The draft claim's id comes first in ``Finding.claims``, the evidence after it.
    """
    with paused_gc(), naming_sources(source_names or {}):  # gc: see claimcheck.gcpause
        return _check(draft, groups, claims, ruleset)


def _check(draft: Sequence[Claim], groups: Sequence[ClaimGroup],
           claims: Mapping[str, Claim], ruleset: RuleSet) -> list[Finding]:
    findings: list[Finding] = []
    by_claim: dict[str, list[ClaimGroup]] = {}
    for group in sorted(groups, key=lambda g: g.id):
        if not group.related:
            for member in group.claims:
                by_claim.setdefault(member, []).append(group)
    for claim in sorted(draft, key=lambda c: (c.start, c.id)):
        if claim.furniture:
            continue
        own_groups = by_claim.get(claim.id, [])
        evidence, group_id = _evidence(claim, own_groups, claims)
        for rule in _agreement_rules(ruleset, claim):
            found = rule.check_claim(claim, evidence, group=group_id)
            if found.verdict is Verdict.CONTRADICTED:
                found = _contradicted_on_strong_evidence(rule, claim, evidence, own_groups,
                                                         group_id) or found
            findings.append(found)
        judge = next(iter(_agreement_rules(ruleset, claim)), None)
        supporters: list[ClaimBase] | None = None  # judged only for a rule that counts them
        for count in ruleset.rules:
            if isinstance(count, Corroboration) and count.covers(claim):
                if supporters is None:
                    supporters = judge.supporters(claim, evidence) if judge else []
                counted = count.check_claim(claim, supporters, group=group_id)
                if counted is not None:
                    findings.append(counted)
    findings.extend(_required_fields([c for c in draft if not c.furniture], ruleset, "check"))
    return _sorted(findings, claims)


def _contradicted_on_strong_evidence(rule: AgreementRule, claim: Claim,
                                     evidence: Sequence[ClaimBase],
                                     groups: Sequence[ClaimGroup],
                                     group_id: str | None) -> Finding | None:
    """A draft claim is contradicted only by evidence strong enough for a contradiction:
    in a group that may only agree, or joined weakly, it is judged again on the strongly
    linked evidence alone (none at all: unsupported). None: the verdict stands."""
    weak = {member for g in groups for member in g.weak}
    if not any(g.agreement_only for g in groups) and claim.id not in weak and \
            not weak & {e.id for e in evidence}:
        return None
    strong: list[ClaimBase] = []
    if not any(g.agreement_only for g in groups) and claim.id not in weak:
        strong = [e for e in evidence if e.id not in weak]
    return rule.check_claim(claim, strong, group=group_id)


def _members(group: ClaimGroup, claims: Mapping[str, Claim]) -> list[Claim]:
    found = [claims[i] for i in group.claims if i in claims]
    return [c for c in found if not c.furniture]


def _evidence(claim: Claim, groups: Sequence[ClaimGroup],
              claims: Mapping[str, Claim]) -> tuple[list[ClaimBase], str | None]:
    """Source claims sharing one of ``groups`` (its unrelated groups) with the draft claim."""
    evidence: dict[str, ClaimBase] = {}
    group_id = None
    for group in groups:
        group_id = group_id or group.id
        for member in _members(group, claims):
            if member.source != claim.source and member.kind == claim.kind:
                evidence.setdefault(member.id, member)
    ordered = sorted(evidence.values(), key=lambda c: (c.source, c.start, c.id))
    return ordered, group_id


def _agreement_rules(ruleset: RuleSet, claim: ClaimBase) -> list[AgreementRule]:
    covering = [r for r in ruleset.rules if isinstance(r, AgreementRule) and r.covers(claim)]
    if not covering:
        return []
    best = max(r.applies_to.specificity for r in covering)
    return [r for r in covering if r.applies_to.specificity == best]


def _required_fields(claims: Sequence[ClaimBase], ruleset: RuleSet,
                     mode: str) -> list[Finding]:
    findings = []
    for rule in ruleset.rules:
        if not isinstance(rule, RequireField) or mode not in rule.modes:
            continue
        covered = [c for c in claims if rule.covers(c)]  # few: sort only these
        for claim in sorted(covered, key=lambda c: (c.source, c.start, c.id)):
            found = rule.check(claim)
            if found is not None:
                findings.append(found)
    return findings


def _sorted(findings: list[Finding], claims: Mapping[str, Claim]) -> list[Finding]:
    """One finding per (rule, verdict, claims), in a stable order, each with its own id.

    A figure stated twice in a draft ("212" in the lede and again below) gives two
    findings whose ids, made of rule, verdict and claim texts, are equal: the first
    keeps the id (so baselines stay valid), a later one gets the id of its occurrence.
    """
    unique = {(f.id, f.group, f.claims): f for f in findings}
    ordered = sorted(unique.values(), key=lambda f: (f.rule, f.claims, f.verdict.value, f.id))
    seen: dict[str, int] = {}
    out = []
    for finding in sorted(ordered, key=lambda f: (f.id, _subject_position(f, claims))):
        count = seen.get(finding.id, 0)
        seen[finding.id] = count + 1
        if count:
            finding = finding.model_copy(update={"id": occurrence_id(finding.id, count + 1)})
        out.append(finding)
    return sorted(out, key=lambda f: (f.rule, f.claims, f.verdict.value, f.id))


def _subject_position(finding: Finding, claims: Mapping[str, Claim]) -> tuple[str, int, str]:
    """Where the finding's first claim is (source, offset), to number occurrences."""
    subject = finding.claims[0] if finding.claims else ""
    claim = claims.get(subject)
    return (claim.source, claim.start, subject) if claim is not None else ("", 0, subject)


def occurrence_id(finding_id: str, occurrence: int) -> str:
    """The stable id of the ``occurrence``-th finding that would share ``finding_id``."""
    import hashlib

    return hashlib.sha256(f"{finding_id}#{occurrence}".encode()).hexdigest()[:16]
