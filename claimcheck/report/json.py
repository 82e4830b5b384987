"""The JSON output contract (DESIGN §6): stable fields, deterministic bytes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim
from claimcheck.report.json_text import dumps_indented
from claimcheck.report.view import Report

JSON_VERSION = 1


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integers stay integers."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def claim_value(claim: Claim) -> dict[str, Any]:
    """The normalised value of a claim, by kind, with the contract's field names."""
    if isinstance(claim, QuantityClaim):
        v = claim.value
        return {
            "low": number(v.interval.low), "high": number(v.interval.high),
            "low_inclusive": v.interval.low_inclusive,
            "high_inclusive": v.interval.high_inclusive,
            "unit": v.unit, "qualifier": v.qualifier.value, "approximate": v.approximate,
            "dimension": v.dimension, "stated": number(v.stated),
        }
    if isinstance(claim, DateClaim):
        d = claim.value
        return {
            "start": d.range.start.isoformat() if d.range.start else None,
            "end": d.range.end.isoformat() if d.range.end else None,
            "granularity": d.range.granularity.value,
            "anchor": d.anchor.isoformat() if d.anchor else None,
            "rule": d.rule, "approximate": d.approximate, "extent": d.extent,
            "year": d.range.year, "month": d.range.month, "day": d.range.day,
        }
    if isinstance(claim, LocationClaim):
        p = claim.value.place
        return {"name": p.name, "country": p.country, "level": p.level.value, "id": p.id,
                "around": p.around, "resolved": p.resolved, "named_in": claim.value.named_in}
    q = claim.value
    return {"quote": q.quote, "speaker": q.speaker, "speaker_text": q.speaker_text,
            "cue": q.cue, "partial": q.partial}


def report_dict(report: Report) -> dict[str, Any]:
    document: dict[str, Any] = {
        "version": JSON_VERSION,
        "mode": report.mode,
        "sources": [
            {"id": s.id, "path": s.path, "role": s.role, "outlet": s.outlet,
             "published": s.published.isoformat() if s.published else None, "title": s.title,
             "url": s.url}
            for s in report.sources
        ],
        "claims": [
            {"id": c.id, "source": c.source, "kind": c.kind, "text": c.text, "start": c.start,
             "end": c.end, "line": c.line, "column": c.column, "about": c.about.slot,
             "attribute": c.about.attribute, "attribution": c.about.attribution,
             "furniture": c.furniture, "value": claim_value(c)}
            for c in report.claims
        ],
        "groups": [
            {"id": g.id, "kind": g.kind, "about": g.slot, "claims": list(g.claims), "why": g.why,
             "related": g.related, "agreement_only": g.agreement_only, "weak": list(g.weak),
             "notes": list(g.notes)}
            for g in report.groups
        ],
        "findings": [
            {"id": f.id, "rule": f.rule, "severity": f.severity.value, "verdict": f.verdict.value,
             "claims": list(f.claims), "sides": [list(side) for side in f.sides],
             "compatible": list(f.compatible),
             "message": f.message, "reason": f.reason,
             "group": f.group, "suppressed": getattr(f, "suppressed", None),
             "baselined": bool(getattr(f, "baselined", False))}
            for f in report.findings
        ],
        "summary": {"verdicts": report.verdict_counts(), "severities": report.severity_counts(),
                    "exit_status": report.exit_status()},
    }
    if report.skipped:  # only then, so a complete run's JSON is what it always was
        document["skipped"] = [skipped.model_dump() for skipped in report.skipped]
    return document


def render_json(report: Report) -> str:
    """The report as indented JSON, as ``json.dumps(..., ensure_ascii=False, indent=2)``
    writes it (``json_text`` does it at the C encoder's pace)."""
    return dumps_indented(report_dict(report)) + "\n"
