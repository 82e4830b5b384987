"""HTML report: a flat view built here, rendered by a template that computes nothing.

Autoescape is on and undefined names fail, so article text is always shown as text. The
page is one self-contained file; its Content-Security-Policy allows only its own inline
style and script, pinned by hash, so nothing else can load or run in it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from claimcheck.model.claims import Claim
from claimcheck.model.findings import Finding, Verdict
from claimcheck.report.describe import describe_value
from claimcheck.report.diff import words_diff
from claimcheck.report.labels import (
    QUOTE_VERDICTS,
    SEVERITY_ORDER,
    is_muted,
    most_severe,
    verdict_label,
    verdict_symbol,
    verdict_tone,
)
from claimcheck.report.view import Report

_ENV = Environment(
    loader=PackageLoader("claimcheck.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_TEMPLATES = files("claimcheck.report") / "templates"
SCRIPT = (_TEMPLATES / "report.js").read_text(encoding="utf-8")
STYLE = (_TEMPLATES / "report.css").read_text(encoding="utf-8")


def csp_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (f"default-src 'none'; script-src {csp_hash(SCRIPT)}; style-src {csp_hash(STYLE)}; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def _claim_view(report: Report, claim: Claim) -> dict[str, Any]:
    offset = claim.start - claim.sentence_start
    sentence = claim.sentence
    end = offset + (claim.end - claim.start)
    inside = 0 <= offset <= end <= len(sentence) and sentence[offset:end] == claim.text
    source = report.source(claim.source)
    return {
        "id": claim.id,
        "kind": claim.kind,
        "source": claim.source,
        "path": source.path,
        "outlet": source.outlet or "",
        "url": source.url or "",
        "published": source.published.isoformat() if source.published else "",
        "role": source.role,
        "location": f"{claim.line}:{claim.column}",
        "text": claim.text,
        "before": sentence[:offset] if inside else "",
        "after": sentence[end:] if inside else "",
        "value": describe_value(claim),
        "about": claim.about.slot,
        "attribution": claim.about.attribution or "",
    }


def _diff_view(a: str, b: str) -> list[dict[str, str]]:
    return [{"op": op, "words": words} for op, words in words_diff(a, b)]


def _finding_view(report: Report, finding: Finding) -> dict[str, Any]:
    claims = [report.claim(cid) for cid in finding.claims]
    first = claims[0]
    evidence = []
    for claim in claims[1:]:
        view = _claim_view(report, claim)
        # the diff reads from the evidence to the claim judged: what the first one changed
        view["diff"] = (_diff_view(claim.text, first.text)
                        if finding.verdict in QUOTE_VERDICTS and claim.kind == "quote" else [])
        evidence.append(view)
    group = next((g for g in report.groups if g.id == finding.group), None)
    suppressed = getattr(finding, "suppressed", None)
    return {
        "id": finding.id,
        "anchor": f"finding-{finding.id}",
        "rule": finding.rule,
        "severity": finding.severity.value,
        "verdict": finding.verdict.value,
        "verdict_label": verdict_label(finding.verdict.value),
        "symbol": verdict_symbol(finding.verdict.value),
        "tone": verdict_tone(finding.verdict.value),
        "kind": first.kind,
        "message": finding.message,
        # messages often quote their reason already: show it once
        "reason": "" if finding.reason and finding.reason in finding.message
        else finding.reason,
        "why": group.why if group is not None else "",
        "muted": is_muted(finding),
        "muted_label": (f"suppressed: {suppressed}" if suppressed
                        else "baselined" if getattr(finding, "baselined", False) else ""),
                "claim": _claim_view(report, first),
        "evidence": evidence,
        "claims": [_claim_view(report, c) for c in claims],
    }


def draft_segments(text: str, start: int, marks: Sequence[tuple[int, int, dict[str, Any]]]
                   ) -> list[dict[str, Any]]:
    """The draft from ``start`` cut into plain runs and marked claims, in order.

    Overlapping marks keep the earlier (then the longer) one: a claim is never cut in two.
    """
    segments: list[dict[str, Any]] = []
    position = start
    for mark_start, mark_end, payload in sorted(marks, key=lambda m: (m[0], -m[1])):
        if mark_start < position or mark_end > len(text) or mark_end <= mark_start:
            continue
        if mark_start > position:
            segments.append({"text": text[position:mark_start], "mark": None})
        segments.append({"text": text[mark_start:mark_end], "mark": payload})
        position = mark_end
    if position < len(text):
        segments.append({"text": text[position:], "mark": None})
    return segments


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(segments: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Segments grouped into paragraphs at blank lines; single line breaks of hard-wrapped
    copy are left to the browser to reflow, as a reader of the published text sees it."""
    out: list[list[dict[str, Any]]] = [[]]
    for segment in segments:
        if segment["mark"] is not None:
            out[-1].append(segment)
            continue
        pieces = _PARAGRAPH_BREAK.split(segment["text"])
        for index, piece in enumerate(pieces):
            if index:
                out.append([])
            if piece:
                out[-1].append({"text": piece, "mark": None})
    return [p for p in out if p]


def _draft_view(report: Report, findings: list[dict[str, Any]],
                by_claim: dict[str, list[Finding]]) -> dict[str, Any] | None:
    draft = next((s for s in report.sources if s.role == "draft"), None)
    if draft is None:
        return None
    views = {f["id"]: f for f in findings}
    marks = []
    for claim in report.claims:
        if claim.source != draft.id or claim.id not in by_claim:
            continue
        top = most_severe(by_claim[claim.id])
        assert top is not None
        view = views[top.id]
        marks.append((claim.start, claim.end, {
            "claim": claim.id, "anchor": view["anchor"], "verdict": view["verdict"],
            "verdict_label": view["verdict_label"], "symbol": view["symbol"],
            "tone": view["tone"], "severity": view["severity"], "kind": claim.kind,
            "title": f"{view['verdict_label']} ({view['severity']}): {view['message']}",
        }))
    return {"id": draft.id, "path": draft.path,
            "paragraphs": paragraphs(draft_segments(draft.text, draft.body_start, marks))}


def _options(values: list[str], order: Sequence[str] = ()) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    rank = {v: i for i, v in enumerate(order)}
    keys = sorted(counts, key=lambda v: (rank.get(v, len(rank)), v))
    return [{"value": k, "label": verdict_label(k), "n": counts[k]} for k in keys]


def _card(report: Report, group_id: str, slot: str, why: str, kind: str,
          claim_ids: Sequence[str], findings: list[Finding]) -> dict[str, Any]:
    top = most_severe(findings)
    claims = [_claim_view(report, report.claim(cid)) for cid in claim_ids]
    finding_views = [_finding_view(report, f) for f in findings]
    diff: list[dict[str, Any]] = []
    if top is not None and top.verdict in QUOTE_VERDICTS and len(claims) > 1:
        first = report.claim(claim_ids[0])
        diff = [{"label": f"{first.source} → {c['source']}:",
                 "words": _diff_view(first.text, c["text"])}
                for c in claims[1:] if c["kind"] == "quote"]
    return {
        "id": group_id, "slot": slot, "why": why, "kind": kind, "claims": claims,
        "sources": len({c["source"] for c in claims}), "findings": finding_views,
        "verdict": top.verdict.value if top else "none",
        "verdict_label": verdict_label(top.verdict.value) if top else "not judged",
        "symbol": verdict_symbol(top.verdict.value) if top else "·",
        "tone": verdict_tone(top.verdict.value) if top else "neutral",
        "severity": top.severity.value if top else "none",
        "diff": diff,
    }


def _exit_line(report: Report) -> str:
    failing = len(report.failing())
    threshold = report.fail_on.value
    if threshold == "never":
        return "exit 0: --fail-on never, the run does not fail on findings"
    if failing:
        plural = "finding" if failing == 1 else "findings"
        return f"exit 1: {failing} {plural} at or above {threshold}"
    return f"exit 0: nothing at or above {threshold}"


def html_view(report: Report) -> dict[str, Any]:
    """Everything the template shows, decided and ordered here."""
    findings_by_group: dict[str, list[Finding]] = {}
    by_claim: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            findings_by_group.setdefault(finding.group, []).append(finding)
        by_claim.setdefault(finding.claims[0], []).append(finding)
    cards, single, related = [], [], []
    for group in report.groups:
        card = _card(report, group.id, group.slot, group.why, group.kind, group.claims,
                     findings_by_group.get(group.id, []))
        if group.related:
            related.append(card)
        elif card["sources"] < 2:
            single.append(card)
        else:
            cards.append(card)
    findings = [_finding_view(report, f) for f in report.findings]
    if report.mode == "check":
        findings.sort(key=lambda f: (report.claim(f["claim"]["id"]).start, f["id"]))
        filterable = findings
    else:
        filterable = cards + single
    verdict_order = [v.value for v in Verdict]
    severity_order = [s.value for s in SEVERITY_ORDER] + ["none"]
    sources = []
    for s in report.sources:
        sources.append({
            "id": s.id, "path": s.path, "role": s.role,
            "outlet": s.outlet or "unknown outlet",
            "published": s.published.isoformat() if s.published else "no date",
            "title": s.title or "",
            "url": s.url or "",  # http(s) only (sources.url_value): safe as a link
            "claims": sum(1 for c in report.claims if c.source == s.id),
        })
    counts = report.verdict_counts()
    return {
        "mode": report.mode,
        "title": "claimcheck — " + ("check of a draft" if report.mode == "check"
                                     else "comparison of sources"),
        "csp": CSP,
        "style": STYLE,
        "script": SCRIPT,
        "sources": sources,
        "verdicts": [{"value": v, "label": verdict_label(v), "n": counts[v],
                      "tone": verdict_tone(v), "symbol": verdict_symbol(v)}
                     for v in sorted(counts, key=verdict_order.index)],
        "severities": [{"value": s.value, "n": report.severity_counts().get(s.value, 0)}
                       for s in SEVERITY_ORDER],
        "exit_status": report.exit_status(),
        "exit_line": _exit_line(report),
        "fail_on": report.fail_on.value,
        "failing": len(report.failing()),
        "muted": sum(1 for f in report.findings if is_muted(f)),
        "filters": [
            {"name": "verdict", "label": "Verdict",
             "options": _options([i["verdict"] for i in filterable], [*verdict_order, "none"])},
            {"name": "severity", "label": "Severity",
             "options": _options([i["severity"] for i in filterable], severity_order)},
            {"name": "kind", "label": "Kind",
             "options": _options([i["kind"] for i in filterable],
                                 ("quantity", "date", "location", "quote"))},
        ],
        "findings": findings,
        "draft": _draft_view(report, findings, by_claim) if report.mode == "check" else None,
        "cards": cards,
        "single": single,
        "related": related,
        "claim_count": len(report.claims),
        "finding_count": len(report.findings),
    }


def render_html(report: Report) -> str:
    return _ENV.get_template("report.html.j2").render(view=html_view(report))


def notebook_frame(report: Report, height: int = 720) -> str:
    """The page in an ``<iframe srcdoc>`` for Jupyter: its styles and script stay inside
    the frame instead of restyling the notebook, and its own policy still applies."""
    from markupsafe import escape

    return (f'<iframe title="claimcheck report" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #cfd4da" '
            f'srcdoc="{escape(render_html(report))}"></iframe>')
