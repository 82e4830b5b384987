"""Verdicts, severities, claim groups and findings."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def reaches(self, threshold: FailOn) -> bool:
        """Whether a finding of this severity fails a run gated at ``threshold``."""
        if threshold is FailOn.NEVER:
            return False
        return self.rank >= Severity(threshold.value).rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FailOn(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    NEVER = "never"


class Verdict(StrEnum):
    # compare mode
    AGREE = "agree"
    CONTRADICT = "contradict"
    QUOTE_VARIANT = "quote_variant"
    SINGLE_SOURCE = "single_source"
    # check mode
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNSUPPORTED = "unsupported"
    QUOTE_ALTERED = "quote_altered"
    QUOTE_MISATTRIBUTED = "quote_misattributed"
    # either mode: a claim lacks a field a rule requires (e.g. money without a currency)
    MISSING_FIELD = "missing_field"


class ClaimGroup(BaseModel):
    """Claims judged to be about the same slot, and why they were put together."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    slot: str  # human-readable: "people killed in the conflict"
    claims: tuple[str, ...]  # claim ids, in source order
    why: str  # the evidence for grouping: "same attribute (deaths) and event (conflict)"
    related: bool = False  # only "possibly related": never judged
    # the evidence shows the claims may agree, but is too weak to call them contradictory
    agreement_only: bool = False
    # members joined on evidence enough to agree, not to contradict: a contradiction is
    # judged among the other members only
    weak: tuple[str, ...] = ()
    # graded evidence shown on its findings: different authorities, figures of other days
    notes: tuple[str, ...] = ()


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # stable: a hash of rule, verdict and the claims' source and text
    rule: str
    severity: Severity
    verdict: Verdict
    claims: tuple[str, ...]  # in check mode the draft's claim first, then its evidence
    message: str
    reason: str = ""  # one line on how the verdict was reached: "(100000, ∞) overlaps (100000, ∞)"
    # a contradiction's sides: claim ids that agree among themselves, side by side
    sides: tuple[tuple[str, ...], ...] = ()
    # claims of a contradiction that agree with every side ("at least 19" beside 19 and
    # 29): listed in ``claims``, on no side
    compatible: tuple[str, ...] = ()
    group: str | None = None
    suppressed: str | None = None  # the reason of an inline ignore marker; kept, not dropped
    baselined: bool = False  # accepted earlier (in the baseline file); kept, not dropped
