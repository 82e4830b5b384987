"""HTML report: a flat view built here, rendered by a template that computes nothing.

Autoescape is on and undefined names fail, so article text is always shown as text.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from claimcheck.model.claims import Claim
from claimcheck.model.findings import Finding
from claimcheck.report.describe import describe_value
from claimcheck.report.view import Report

_ENV = Environment(
    loader=PackageLoader("claimcheck.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _claim_view(report: Report, claim: Claim) -> dict[str, Any]:
    offset = claim.start - claim.sentence_start
    sentence = claim.sentence
    end = offset + (claim.end - claim.start)
    source = report.source(claim.source)
    return {
        "id": claim.id,
        "kind": claim.kind,
        "source": claim.source,
        "outlet": source.outlet or "",
        "role": source.role,
        "location": f"{claim.line}:{claim.column}",
        "text": claim.text,
        "before": sentence[:offset] if 0 <= offset <= len(sentence) else "",
        "after": sentence[end:] if 0 <= offset <= len(sentence) else "",
        "value": describe_value(claim),
        "about": claim.about.slot,
        "attribution": claim.about.attribution or "",
    }


def _finding_view(report: Report, finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "verdict": finding.verdict.value,
        "message": finding.message,
        "reason": finding.reason,
        "muted": bool(getattr(finding, "suppressed", None) or getattr(finding, "baselined",
                                                                        False)),
        "claims": [_claim_view(report, report.claim(cid)) for cid in finding.claims],
    }


def html_view(report: Report) -> dict[str, Any]:
    findings_by_group: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            findings_by_group.setdefault(finding.group, []).append(finding)
    cards = []
    single = []
    related = []
    for group in report.groups:
        claims = [_claim_view(report, report.claim(cid)) for cid in group.claims]
        findings = [_finding_view(report, f) for f in findings_by_group.get(group.id, [])]
        card = {"id": group.id, "slot": group.slot, "why": group.why, "kind": group.kind,
                "claims": claims, "findings": findings,
                "verdict": findings[0]["verdict"] if findings else "none"}
        if group.related:
            related.append(card)
        elif len({c["source"] for c in claims}) < 2:
            single.append(card)
        else:
            cards.append(card)
    return {
        "mode": report.mode,
        "title": "claimcheck — " + ("check of a draft" if report.mode == "check"
                                     else "comparison of sources"),
        "sources": [
            {"id": s.id, "path": s.path, "role": s.role, "outlet": s.outlet or "unknown outlet",
             "published": s.published.isoformat() if s.published else "no date",
             "title": s.title or ""}
            for s in report.sources
        ],
        "verdicts": report.verdict_counts(),
        "severities": report.severity_counts(),
        "exit_status": report.exit_status(),
        "fail_on": report.fail_on.value,
        "findings": [_finding_view(report, f) for f in report.findings],
        "cards": cards,
        "single": single,
        "related": related,
        "claim_count": len(report.claims),
    }


def render_html(report: Report) -> str:
    return _ENV.get_template("report.html.j2").render(view=html_view(report))
