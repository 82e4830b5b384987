"""The report view model: everything a renderer shows, already decided and sorted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr

from claimcheck.model.claims import Claim
from claimcheck.model.findings import ClaimGroup, FailOn, Finding
from claimcheck.sources import Source

if TYPE_CHECKING:
    from claimcheck.rules import RuleSet

Mode = Literal["compare", "check"]
SKIPPED_INPUTS = 4  # exit status of a run that checked what it could but skipped files


class SkippedInput(BaseModel):
    """A file the run could not read as an article, and why: shown in every format."""

    model_config = ConfigDict(frozen=True)

    path: str
    code: str
    message: str
    line: int | None = None
    column: int | None = None

    def render(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line, self.column) if p is not None)
        return f"{where}: {self.code} {self.message}"


class RuleDoc(BaseModel):
    """What a report says about a rule that ran (SARIF's rule metadata): from its YAML."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    severity: str
    description: str = ""
    link: str | None = None


class Report(BaseModel):
    """One run's result: the inputs, every claim, the groups and the verdicts."""

    model_config = ConfigDict(frozen=True)

    mode: Mode
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    findings: tuple[Finding, ...]
    fail_on: FailOn = FailOn.ERROR
    rules: tuple[RuleDoc, ...] = ()  # the rules that ran, by id
    skipped: tuple[SkippedInput, ...] = ()  # inputs that could not be read, not checked

    # lookups by id, rebuilt when a copy carries other claims or sources
    _index: dict[str, Any] = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        """Equal when the fields are; the lookup cache does not count."""
        if not isinstance(other, Report):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name)
                   for name in type(self).model_fields)

    def claim(self, claim_id: str) -> Claim:
        cached = self._index.get("claims")
        if cached is None or cached[0] is not self.claims:
            cached = (self.claims, {c.id: c for c in self.claims})
            self._index["claims"] = cached
        by_id: dict[str, Claim] = cached[1]
        return by_id[claim_id]

    def source(self, source_id: str) -> Source:
        cached = self._index.get("sources")
        if cached is None or cached[0] is not self.sources:
            cached = (self.sources, {s.id: s for s in self.sources})
            self._index["sources"] = cached
        by_id: dict[str, Source] = cached[1]
        return by_id[source_id]

    def active_findings(self) -> list[Finding]:
        """Findings that count towards the exit status (not suppressed or baselined)."""
        return [f for f in self.findings if not _muted(f)]

    def failing(self, fail_on: FailOn | None = None) -> list[Finding]:
        threshold = self.fail_on if fail_on is None else fail_on
        return [f for f in self.active_findings() if f.severity.reaches(threshold)]

    def exit_status(self, fail_on: FailOn | None = None) -> int:
        """0 nothing reached ``fail_on``, 1 something did; 4 (whatever the findings) when
        inputs were skipped: the check is incomplete, and CI must not pass it."""
        if self.skipped:
            return SKIPPED_INPUTS
        return 1 if self.failing(fail_on) else 0

    def verdict_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.verdict.value for f in self.findings).items()))

    def severity_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.severity.value for f in self.findings).items()))

    def render(self, fmt: str = "text") -> str:
        """The report as text, json, html, sarif, junit or github annotations."""
        from claimcheck.report.formats import render

        return render(self, fmt)

    def _repr_html_(self) -> str:
        """Jupyter shows a report as its HTML page, in a frame of its own."""
        from claimcheck.report.html import notebook_frame

        return notebook_frame(self)


def _muted(finding: Finding) -> bool:
    return bool(getattr(finding, "suppressed", None) or getattr(finding, "baselined", False))


def build_report(mode: Mode, sources: Sequence[Source], claims: Sequence[Claim],
                 groups: Sequence[ClaimGroup], findings: Sequence[Finding],
                 ruleset: RuleSet | None = None) -> Report:
    """Sort everything so the same input always gives the same report."""
    ordered_sources = sorted(sources, key=lambda s: (s.role != "draft", s.id))
    rank = {s.id: i for i, s in enumerate(ordered_sources)}
    ordered_claims = sorted(claims, key=lambda c: (rank.get(c.source, 0), c.start, c.end, c.kind))
    position = {c.id: (rank.get(c.source, 0), c.start, c.end) for c in claims}

    def finding_order(finding: Finding) -> tuple[object, ...]:
        first = finding.claims[0] if finding.claims else ""
        return (position.get(first, (0, 0, 0)), finding.rule, finding.verdict.value, finding.id)

    return Report(
        mode=mode,
        sources=tuple(ordered_sources),
        claims=tuple(ordered_claims),
        groups=tuple(sorted(groups, key=lambda g: (g.related, g.slot, g.id))),
        findings=tuple(sorted(findings, key=finding_order)),
        fail_on=ruleset.fail_on if ruleset is not None else FailOn.ERROR,
        rules=tuple(RuleDoc(id=r.id, kind=r.kind_name, severity=r.severity.value,
                            description=r.description.strip(), link=r.link)
                    for r in sorted(ruleset.rules, key=lambda r: r.id)) if ruleset else (),
    )
