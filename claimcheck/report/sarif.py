"""SARIF 2.1.0 output, for code-scanning dashboards and editors that read it.

Each finding is a result: its rule, a level from its severity, the first claim as its
location and the other claims (the evidence) as related locations. Agreements are
results of kind ``pass`` and single-source claims of kind ``informational``, both with
level ``none``, so they are recorded but never alert.
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


def _rules(report: Report) -> list[dict[str, Any]]:
    first: dict[str, Finding] = {}
    for finding in report.findings:
        current = first.get(finding.rule)
        if current is None or finding.severity.rank > current.severity.rank:
            first[finding.rule] = finding
    return [
        {"id": rule, "name": rule.replace("/", "_"),
         "shortDescription": {"text": f"claimcheck rule {rule}"},
         "defaultConfiguration": {"level": LEVEL[finding.severity]}}
        for rule, finding in sorted(first.items())
    ]


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


def sarif_dict(report: Report) -> dict[str, Any]:
    rules = _rules(report)
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
            "invocations": [{"executionSuccessful": True,
                             "exitCode": report.exit_status(),
                             "properties": {"mode": report.mode,
                                            "failOn": report.fail_on.value}}],
            "results": [_result(report, f, index[f.rule]) for f in report.findings],
        }],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_dict(report), ensure_ascii=False, indent=2) + "\n"
