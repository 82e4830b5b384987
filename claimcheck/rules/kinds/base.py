"""What every rule kind shares: common fields, message templates, findings.

A rule kind is a pydantic model (``extra="forbid"``) discriminated on ``kind``; its
class variables say which claims it judges, which verdicts it gives and which
placeholders its message templates may use, so templates are checked at load time.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimcheck.model.claims import ClaimBase, ClaimKind
from claimcheck.model.findings import Finding, Severity, Verdict

# placeholders every kind's templates may use
COMMON_PLACEHOLDERS = frozenset(
    {"rule", "verdict", "slot", "text", "source", "evidence", "sources", "reason"}
)
# verdicts that report no problem: always given at info severity
POSITIVE = frozenset({Verdict.AGREE, Verdict.SUPPORTED})
# how many evidence claims a message names (and check-mode findings list) before "and N more"
EVIDENCE_SHOWN = 10


class AppliesTo(BaseModel):
    """Which claims a rule covers; an empty list means all."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    attributes: tuple[str, ...] = ()  # About.attribute: deaths, money, date_of, …
    kinds: tuple[ClaimKind, ...] = ()  # quantity, date, location, quote
    events: tuple[str, ...] = ()  # Event.head lemmas: attack, summit, conflict

    def matches(self, claim: ClaimBase, kind: str) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if self.attributes and claim.about.attribute not in self.attributes:
            return False
        if self.events:
            event = claim.about.event
            if event is None or event.head not in self.events:
                return False
        return True

    @property
    def specificity(self) -> int:
        """Rules naming attributes or events win over general ones of the same kind."""
        return (2 if self.attributes else 0) + (1 if self.events else 0)


def template_fields(template: str) -> list[str]:
    """The placeholder names of a ``str.format`` template (raises ValueError if malformed)."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if spec or conversion:
            raise ValueError(f"placeholder {{{name}}} may not carry a format spec or conversion")
        names.append(name)
    return names


def check_template(template: str, allowed: frozenset[str]) -> str:
    try:
        names = template_fields(template)
    except ValueError as error:
        raise ValueError(f"bad message template: {error}") from None
    for name in names:
        if name not in allowed:
            import difflib

            close = difflib.get_close_matches(name, sorted(allowed), n=1)
            hint = f" (did you mean {{{close[0]}}}?)" if close else ""
            raise ValueError(
                f"unknown placeholder {{{name}}}{hint}; "
                f"valid: {', '.join('{' + a + '}' for a in sorted(allowed))}"
            )
    return template


class Outcome(StrEnum):
    """How one source claim bears on another (check mode: evidence → draft claim)."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    ALTERED = "altered"  # quotes: same speaker, other words
    MISATTRIBUTED = "misattributed"  # quotes: same words, other speaker
    WEAKER = "weaker"  # compatible but does not imply the claim
    NONE = "none"  # nothing to say (unresolved, other unit, unrelated words)


class Relation(StrEnum):
    """How two claims of different sources relate (compare mode, symmetric)."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    VARIANT = "variant"
    NONE = "none"


class RuleBase(BaseModel):
    """Fields every rule file has. ``id`` comes from the file's path, never from YAML."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(default="", exclude=True)
    severity: Severity = Severity.WARNING
    severities: dict[Verdict, Severity] = Field(default_factory=dict)  # per-verdict overrides
    message: str
    messages: dict[Verdict, str] = Field(default_factory=dict)
    description: str = ""
    link: str | None = None
    applies_to: AppliesTo = Field(default_factory=AppliesTo)

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ()
    VERDICTS: ClassVar[tuple[Verdict, ...]] = ()
    PRIMARY: ClassVar[Verdict]  # the verdict ``message`` is the template of
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS
    DEFAULT_MESSAGES: ClassVar[dict[Verdict, str]] = {}

    @field_validator("message")
    @classmethod
    def _message_placeholders(cls, value: str) -> str:
        return check_template(value, cls.PLACEHOLDERS)

    @field_validator("messages")
    @classmethod
    def _messages_placeholders(cls, value: dict[Verdict, str]) -> dict[Verdict, str]:
        for verdict, template in value.items():
            if verdict not in cls.VERDICTS:
                raise ValueError(
                    f"this kind never gives {verdict.value!r}; "
                    f"valid: {', '.join(v.value for v in cls.VERDICTS)}"
                )
            check_template(template, cls.PLACEHOLDERS)
        return value

    @field_validator("severities")
    @classmethod
    def _severity_verdicts(cls, value: dict[Verdict, Severity]) -> dict[Verdict, Severity]:
        for verdict in value:
            if verdict not in cls.VERDICTS:
                raise ValueError(
                    f"this kind never gives {verdict.value!r}; "
                    f"valid: {', '.join(v.value for v in cls.VERDICTS)}"
                )
        return value

    @property
    def kind_name(self) -> str:
        return str(getattr(self, "kind", ""))

    def covers(self, claim: ClaimBase) -> bool:
        kind = str(getattr(claim, "kind", ""))
        return kind in self.CLAIM_KINDS and self.applies_to.matches(claim, kind)

    def severity_of(self, verdict: Verdict) -> Severity:
        """``severities`` first; verdicts that report no problem are info; else ``severity``."""
        if verdict in self.severities:
            return self.severities[verdict]
        if verdict in POSITIVE:
            return Severity.INFO
        return self.severity

    def template_for(self, verdict: Verdict) -> str:
        if verdict in self.messages:
            return self.messages[verdict]
        if verdict is self.PRIMARY:
            return self.message
        return self.DEFAULT_MESSAGES.get(verdict, self.message)

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        """Values of the kind's own placeholders (``{tolerance}``, ``{min_sources}``, …)."""
        return {}

    def finding(
        self,
        verdict: Verdict,
        claims: Sequence[ClaimBase],
        reason: str,
        *,
        slot: str = "",
        group: str | None = None,
        extra: Mapping[str, str] | None = None,
        unlisted: int = 0,
    ) -> Finding:
        """A finding of this rule about ``claims`` (the first is the subject).

        The message names at most ``EVIDENCE_SHOWN`` evidence claims and sources and
        says how many more there are; ``unlisted`` counts evidence left out of ``claims``.
        """
        first, rest = claims[0], claims[1:]
        values = dict.fromkeys(self.PLACEHOLDERS, "")
        values.update(
            rule=self.id,
            verdict=verdict.value.replace("_", " "),
            slot=slot or first.about.slot or first.about.attribute,
            text=first.text,
            source=source_name(first.source),
            evidence=_capped_list([f"“{c.text}” ({source_name(c.source)})"
                                   for c in rest[:EVIDENCE_SHOWN]],
                                  "; ", unlisted + max(0, len(rest) - EVIDENCE_SHOWN)),
            sources=_capped_list(sorted({source_name(c.source) for c in rest}), ", "),
            reason=reason,
        )
        values.update(self.placeholder_values(claims))
        values.update(extra or {})
        message = self.template_for(verdict).format_map(values)
        return Finding(
            id=finding_id(self.id, verdict, claims),
            rule=self.id,
            severity=self.severity_of(verdict),
            verdict=verdict,
            claims=tuple(c.id for c in claims),
            message=" ".join(message.split()),
            reason=reason,
            group=group,
        )


# How messages name a source: "The Moscow Times, “Title” (a.txt)" when its outlet or
# title is known, else its id. Set for one evaluation by ``naming_sources``.
_SOURCE_NAMES: ContextVar[Mapping[str, str] | None] = ContextVar("source_names", default=None)


def source_name(source_id: str) -> str:
    names = _SOURCE_NAMES.get()
    return names.get(source_id, source_id) if names else source_id


@contextmanager
def naming_sources(names: Mapping[str, str]) -> Iterator[None]:
    """Messages of findings made inside name sources by ``names`` (source id → name)."""
    token = _SOURCE_NAMES.set(names)
    try:
        yield
    finally:
        _SOURCE_NAMES.reset(token)


def capped(evidence: Sequence[ClaimBase]) -> tuple[Sequence[ClaimBase], int]:
    """The evidence a check-mode finding lists, and how many claims it leaves out."""
    return evidence[:EVIDENCE_SHOWN], max(0, len(evidence) - EVIDENCE_SHOWN)


def _capped_list(items: Sequence[str], separator: str, unlisted: int = 0) -> str:
    shown = separator.join(items[:EVIDENCE_SHOWN])
    more = max(0, len(items) - EVIDENCE_SHOWN) + unlisted
    return f"{shown} and {more} more" if more else shown


def finding_id(rule: str, verdict: Verdict, claims: Sequence[ClaimBase]) -> str:
    """Stable across runs and machines: rule, verdict and each claim's source and text."""
    digest = hashlib.sha256()
    digest.update(f"{rule}\x1f{verdict.value}".encode())
    for claim in claims:
        digest.update(f"\x1e{claim.source}\x1f{claim.text}".encode())
    return digest.hexdigest()[:16]


KindName = Literal[
    "quantity_agreement", "date_agreement", "place_agreement", "quote_fidelity",
    "corroboration", "single_source", "require_field",
]
