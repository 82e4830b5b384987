"""Composes the stages: sources → claims → groups → findings → report. No file I/O here.

    Source ──nlp──▶ Doc ──extract──▶ Claim[] ──link──▶ ClaimGroup[] ──evaluate──▶ Finding[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from claimcheck import parallel
from claimcheck.budget import TimeBudget
from claimcheck.cache import ClaimStore
from claimcheck.link import link, link_linkable
from claimcheck.model.claims import Claim
from claimcheck.model.findings import ClaimGroup, Finding
from claimcheck.recheck import check_claims
from claimcheck.report.view import Report, build_report
from claimcheck.rules import (
    Baseline,
    RuleSet,
    apply_baseline,
    apply_suppressions,
    evaluate_check,
    evaluate_compare,
    load_ruleset,
    parse_suppressions,
)
from claimcheck.sources import Source
from claimcheck.timings import stage

BATCH_SIZE = parallel.BATCH_SIZE
ClaimSource = Callable[[Sequence[Source]], Iterator[list[Claim]]]


def pipeline_claims(sources: Sequence[Source], ruleset: RuleSet, nlp: Any, *,
                    store: ClaimStore | None = None, jobs: int = 1,
                    progress: parallel.Progress | None = None,
                    budget: TimeBudget | None = None,
                    timed_out: list[Source] | None = None) -> list[Claim]:
    """Parse every source body with ``nlp.pipe`` (batched, in ``jobs`` processes) and
    extract its claims; sources whose claims are in ``store`` are not parsed again.
    ``nlp`` may be a ``LazyPipeline``: it is loaded only when some source needs it. A
    source over its time ``budget`` gives no claims and is appended to ``timed_out``."""
    per_source = parallel.extract_sources(sources, ruleset.vocabulary, nlp, jobs=jobs,
                                          store=store, progress=progress, budget=budget,
                                          timed_out=timed_out)
    return [claim for claims in per_source for claim in claims]


def _nlp(model: str | None) -> Any:
    from claimcheck.nlp.identity import LazyPipeline

    return LazyPipeline(model)


def compare(sources: Sequence[Source], ruleset: RuleSet | None = None, *,
            nlp: Any = None, claims: Sequence[Claim] | None = None,
            store: ClaimStore | None = None, jobs: int = 1,
            progress: parallel.Progress | None = None,
            budget: TimeBudget | None = None,
            timed_out: list[Source] | None = None) -> Report:
    """Cross-source consistency of a set of articles."""
    ruleset = ruleset or load_ruleset()
    if claims is None:
        with stage("extract"):
            claims = pipeline_claims(sources, ruleset, nlp if nlp is not None else _nlp(None),
                                     store=store, jobs=jobs, progress=progress,
                                     budget=budget, timed_out=timed_out)
    with stage("link"):
        groups = link(claims, ruleset.vocabulary,
                      published={s.id: s.published for s in sources})
    by_id = {c.id: c for c in claims}
    with stage("rules"):
        findings = evaluate_compare(groups, by_id, ruleset, source_names(sources))
    with stage("report"):
        return build_report("compare", sources, claims, groups, findings, ruleset)


def check(draft: Source, sources: Sequence[Source], ruleset: RuleSet | None = None, *,
          nlp: Any = None, claims: Sequence[Claim] | None = None,
          store: ClaimStore | None = None, jobs: int = 1,
          progress: parallel.Progress | None = None,
          baseline: Baseline | None = None,
          budget: TimeBudget | None = None,
          timed_out: list[Source] | None = None) -> Report:
    """A pre-publication check: every claim of the draft against the sources.

    Findings an editor marked in the draft (``<!-- claimcheck: ignore RULE -- why -->``)
    come back suppressed, and those in ``baseline`` baselined: kept, but not failing.
    """
    ruleset = ruleset or load_ruleset()
    suppressions = parse_suppressions(draft.text, draft.path, draft.id,
                                      known_rules=[rule.id for rule in ruleset.rules])
    everything = [draft, *sources]
    published = {s.id: s.published for s in everything}
    if claims is None and store is not None and store.enabled:
        # the cache's index: only the sources' claims that can meet the draft's are read
        with stage("extract"):
            claims, usable, story = check_claims(
                draft, sources, ruleset.vocabulary, nlp if nlp is not None else _nlp(None),
                store, jobs=jobs, progress=progress, budget=budget, timed_out=timed_out,
                published=published)
        with stage("link"):
            groups = link_linkable(usable, story, focus=draft.id)
    else:
        if claims is None:
            with stage("extract"):
                claims = pipeline_claims(everything, ruleset,
                                         nlp if nlp is not None else _nlp(None),
                                         store=store, jobs=jobs, progress=progress,
                                         budget=budget, timed_out=timed_out)
        with stage("link"):
            # only the groups of the draft's claims: other blocks are not grouped
            groups = link(claims, ruleset.vocabulary, published=published, focus=draft.id)
    by_id = {c.id: c for c in claims}
    draft_claims = [c for c in claims if c.source == draft.id and not c.furniture]
    with stage("rules"):
        findings = evaluate_check(draft_claims, groups, by_id, ruleset, source_names(everything))
        findings = apply_suppressions(findings, suppressions, by_id)
        if baseline is not None:
            findings = apply_baseline(findings, baseline)
    with stage("report"):
        return build_report("check", everything, draft_and_evidence(claims, draft.id, groups),
                            groups, findings, ruleset)


def draft_and_evidence(claims: Sequence[Claim], draft_id: str,
                       groups: Sequence[ClaimGroup]) -> list[Claim]:
    """What a check report lists: the draft's claims and the sources' claims grouped
    with them, not every claim of every source."""
    shown = {member for group in groups for member in group.claims}
    return [c for c in claims if c.source == draft_id or c.id in shown]


def source_names(sources: Sequence[Source]) -> dict[str, str]:
    """How findings name each source: outlet and title with the id, when known."""
    from claimcheck.sources import display_name

    names = {}
    for source in sources:
        name = display_name(source)
        if name:
            names[source.id] = f"{name}, {source.id}"
    return names


def groups_and_findings(report: Report) -> tuple[list[ClaimGroup], list[Finding]]:
    return list(report.groups), list(report.findings)
