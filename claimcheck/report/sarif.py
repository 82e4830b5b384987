"""SARIF 2.1.0 output, for code-scanning dashboards and editors that read it.

Each finding is a result: its rule, a level from its severity, the first claim as its
location and the other claims (the evidence) as related locations. Agreements are
results of kind ``pass`` with level ``none``, recorded but never alerting; single-source
notices (kind ``informational``) are left out unless asked for. Each rule that ran is
described from its YAML (``shortDescription``, ``fullDescription``, ``help``).
Suppressed findings carry a SARIF suppression; baselined ones ``baselineState: unchanged``.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.model.claims import Claim
from claimcheck.model.findings import Finding, Severity
from claimcheck.report.labels import INFORMATIONAL, PASSING, verdict_label, with_reason
from claimcheck.report.locate import span, uri
from claimcheck.report.view import Report
from claimcheck.version import VERSION

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def result_kind(finding: Finding) -> str:
    if finding.verdict in PASSING:
        return "pass"
    return "informational" if finding.verdict in INFORMATIONAL else "fail"


def result_level(finding: Finding) -> str:
    """SARIF §3.27.10: a result whose kind is not ``fail`` has level ``none``."""
    return LEVEL[finding.severity] if result_kind(finding) == "fail" else "none"


def _location(report: Report, claim: Claim, index: int | None = None) -> dict[str, Any]:
    where = span(report, claim)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(where.path)},
            "region": {
                "startLine": where.line, "startColumn": where.column,
                "endLine": where.end_line, "endColumn": where.end_column,
                "charOffset": where.start, "charLength": where.end - where.start,
                "snippet": {"text": claim.text},
            },
        },
        "message": {"text": f"{claim.source}: “{claim.text}” ({claim.about.slot})"},
    }
    if index is not None:
        location["id"] = index
    return location


def _rules(report: Report, findings: list[Finding]) -> list[dict[str, Any]]:
    """Every rule that ran (and any other a finding names), described from its YAML."""
    worst: dict[str, Finding] = {}
    for finding in findings:
        current = worst.get(finding.rule)
        if current is None or finding.severity.rank > current.severity.rank:
            worst[finding.rule] = finding
    docs = {doc.id: doc for doc in report.rules}
    out = []
    for rule in sorted(set(docs) | set(worst)):
        doc = docs.get(rule)
        description = doc.description if doc and doc.description else f"claimcheck rule {rule}"
        first = description.split("\n\n")[0]
        short = first.split(". ")[0].rstrip(".") + "."
        severity = Severity(doc.severity) if doc else worst[rule].severity
        entry: dict[str, Any] = {
            "id": rule, "name": rule.replace("/", "_").replace("-", "_"),
            "shortDescription": {"text": " ".join(short.split())},
            "fullDescription": {"text": " ".join(first.split())},
            "help": {"text": f"{description}\n\nSee it with its examples: "
                             f"claimcheck rules explain {rule}",
                     "markdown": f"{description}\n\nSee it with its examples: "
                                 f"`claimcheck rules explain {rule}`"},
            "defaultConfiguration": {"level": LEVEL[severity]},
            "properties": {"kind": doc.kind if doc else "unknown"},
        }
        if doc and doc.link:
            entry["helpUri"] = doc.link
        out.append(entry)
    return out


def _result(report: Report, finding: Finding, rule_index: int) -> dict[str, Any]:
    claims = [report.claim(cid) for cid in finding.claims]
    text = f"{verdict_label(finding.verdict.value)}: {with_reason(finding)}"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "kind": result_kind(finding),
        "level": result_level(finding),
        "message": {"text": text},
        "locations": [_location(report, claims[0])],
        "partialFingerprints": {"claimcheckFinding/v1": finding.id},
        "properties": {"verdict": finding.verdict.value, "severity": finding.severity.value,
                       "claims": list(finding.claims)},
    }
    if len(claims) > 1:
        result["relatedLocations"] = [_location(report, c, i)
                                      for i, c in enumerate(claims[1:], start=1)]
    suppressed = getattr(finding, "suppressed", None)
    if suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": str(suppressed)}]
    if getattr(finding, "baselined", False):
        result["baselineState"] = "unchanged"
    return result


def _artifact(report: Report, path: str) -> dict[str, Any]:
    """A file read; its web address and outlet, when known, as the artifact's description
    (a link viewers show) and properties."""
    from claimcheck.sources import display_name

    artifact: dict[str, Any] = {"location": {"uri": uri(path)}, "mimeType": "text/plain",
                                "encoding": "utf-8"}
    source = next(s for s in report.sources if s.path == path)
    name = display_name(source)
    if source.url or name:
        text = " ".join(p for p in (name, source.url) if p)
        artifact["description"] = {"text": text}
        if source.url:
            artifact["description"]["markdown"] = f"[{name or source.id}]({source.url})"
        artifact["properties"] = {k: v for k, v in (("url", source.url), ("name", name)) if v}
    return artifact


def sarif_findings(report: Report, informational: bool = False) -> list[Finding]:
    """The findings SARIF carries: single-source notices only when asked for (they are
    not problems, and dozens of them would bury the alerts in code scanning)."""
    return [f for f in report.findings
            if informational or result_kind(f) != "informational"]


def sarif_dict(report: Report, informational: bool = False) -> dict[str, Any]:
    findings = sarif_findings(report, informational)
    rules = _rules(report, findings)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    paths = sorted({s.path for s in report.sources})
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": VERSION,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [_artifact(report, p) for p in paths],
            "invocations": [{"executionSuccessful": not report.skipped,
                             "exitCode": report.exit_status(),
                             **_notifications(report),
                             "properties": {"mode": report.mode,
                                            "failOn": report.fail_on.value}}],
            "results": [_result(report, f, index[f.rule]) for f in findings],
        }],
    }


def _notifications(report: Report) -> dict[str, Any]:
    """Skipped inputs as tool execution notifications (errors of the run, not results)."""
    if not report.skipped:
        return {}
    notes = []
    for skipped in report.skipped:
        location: dict[str, Any] = {"artifactLocation": {"uri": uri(skipped.path)}}
        if skipped.line is not None:
            region = {"startLine": skipped.line}
            if skipped.column is not None:
                region["startColumn"] = skipped.column
            location["region"] = region
        notes.append({"level": "error", "descriptor": {"id": skipped.code},
                      "message": {"text": f"skipped, not checked: {skipped.message}"},
                      "locations": [{"physicalLocation": location}]})
    return {"toolExecutionNotifications": notes}


def render_sarif(report: Report, informational: bool = False) -> str:
    return json.dumps(sarif_dict(report, informational), ensure_ascii=False, indent=2) + "\n"
