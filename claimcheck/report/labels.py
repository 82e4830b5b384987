"""Words, symbols and tones for verdicts and severities, shared by every renderer.

A colour is never the only signal: each tone comes with a symbol and a text label.
"""

from __future__ import annotations

from claimcheck.model.findings import Finding, Severity, Verdict

# verdicts that say "this is fine": machine outputs report them as passes, not problems
PASSING = frozenset({Verdict.AGREE, Verdict.SUPPORTED})

# verdicts that record something without claiming a problem: never annotated on a diff
INFORMATIONAL = frozenset({Verdict.SINGLE_SOURCE})

_TONE = {
    Verdict.AGREE: "ok", Verdict.SUPPORTED: "ok",
    Verdict.CONTRADICT: "bad", Verdict.CONTRADICTED: "bad",
    Verdict.QUOTE_MISATTRIBUTED: "bad",
    Verdict.QUOTE_VARIANT: "warn", Verdict.QUOTE_ALTERED: "warn",
    Verdict.UNSUPPORTED: "neutral", Verdict.SINGLE_SOURCE: "neutral",
}
_SYMBOL = {"ok": "✓", "bad": "✗", "warn": "≈", "neutral": "?"}
QUOTE_VERDICTS = frozenset({Verdict.QUOTE_VARIANT, Verdict.QUOTE_ALTERED,
                            Verdict.QUOTE_MISATTRIBUTED})


def verdict_label(verdict: str) -> str:
    """``quote_altered`` → ``quote altered``."""
    return verdict.replace("_", " ")


def verdict_tone(verdict: str) -> str:
    try:
        return _TONE[Verdict(verdict)]
    except ValueError:
        return "neutral"


def verdict_symbol(verdict: str) -> str:
    return _SYMBOL[verdict_tone(verdict)]


def is_muted(finding: Finding) -> bool:
    """Suppressed inline or accepted in a baseline: shown, but never fails a run."""
    return bool(getattr(finding, "suppressed", None) or getattr(finding, "baselined", False))


def most_severe(findings: list[Finding]) -> Finding | None:
    """The finding an editor should see first: highest severity, then a failing verdict."""
    if not findings:
        return None
    return max(findings, key=lambda f: (not is_muted(f), f.severity.rank,
                                        f.verdict not in PASSING))


SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def with_reason(finding: Finding) -> str:
    """The message, and the reason after it unless the message already quotes it."""
    if finding.reason and finding.reason not in finding.message:
        return f"{finding.message} ({finding.reason})"
    return finding.message
