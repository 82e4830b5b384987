"""HTML report: a flat view built here, rendered by a template that computes nothing.

Autoescape is on and undefined names fail, so article text is always shown as text. The
page is one self-contained file; its Content-Security-Policy allows only its own inline
style and script, pinned by hash, so nothing else can load or run in it.

The view is built in time linear in the report: every claim, source and finding is
turned into its view once and looked up by id, never found by a scan.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from claimcheck.model.claims import Claim, DateClaim, QuantityClaim, QuoteClaim
from claimcheck.model.findings import ClaimGroup, Finding, Verdict
from claimcheck.model.units import factor
from claimcheck.report.agreement import STATES, claim_states
from claimcheck.report.describe import date_basis, describe_value, plain_day, plain_value
from claimcheck.report.diff import words_diff
from claimcheck.report.labels import (
    QUOTE_VERDICTS,
    SEVERITY_ORDER,
    is_muted,
    verdict_label,
    verdict_symbol,
    verdict_tone,
)
from claimcheck.report.pictures import Figure, number_line, timeline
from claimcheck.report.triage import headline, is_problem, most_urgent, urgency
from claimcheck.report.view import Report
from claimcheck.sources import Source


class _ViewEnvironment(Environment):
    """jinja2's environment, reading a view's ``a.b`` as the key ``b`` of the dict ``a``
    first. jinja2 tries the attribute first and the key after: on a dict every
    lookup fails as an attribute, raising and catching an error, which cost a tenth of
    a large report's rendering. No key of a view is named like a dict method, so
    the page is the same."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_ENV = _ViewEnvironment(
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

# sources shown in the summary table before it is folded away
SOURCES_OPEN = 8
# problems listed in the triage summary before the rest are folded away
TRIAGE_OPEN = 15
# sources shown side by side in a card before the rest are folded away
CLAIMS_OPEN = 6
_STATE_ORDER = {"minority": 0, "split": 1, "variant": 2, "majority": 3, "agrees": 4}


def csp_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (f"default-src 'none'; script-src {csp_hash(SCRIPT)}; style-src {csp_hash(STYLE)}; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def _known(outlet: str | None) -> str:
    return "" if not outlet or outlet.strip().lower() == "unknown" else outlet


def _link(source: Source) -> str:
    """The article's address when one is known; sources accept only http(s) addresses,
    and this checks again, so a link never runs a script."""
    url = source.url or ""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _source_view(index: int, source: Source, claims: int) -> dict[str, Any]:
    outlet = _known(source.outlet)
    title = source.title or ""
    return {
        "id": source.id, "token": f"s{index}", "path": source.path, "role": source.role,
        "outlet": outlet or "unknown outlet", "outlet_known": bool(outlet), "title": title,
        "label": outlet or title or source.id,
        "published": plain_day(source.published) if source.published else "no date",
        "url": _link(source), "claims": claims,
    }


def _unique_rows(sources: list[dict[str, Any]]) -> None:
    """Each source's name in a picture (``row``): its label, with the date when two
    sources share a label, and the file when that is not enough."""
    seen = Counter(s["label"] for s in sources)
    for s in sources:
        s["row"] = s["label"] if seen[s["label"]] == 1 else f"{s['label']}, {s['published']}"
    seen = Counter(s["row"] for s in sources)
    for s in sources:
        if seen[s["row"]] > 1:
            s["row"] = f"{s['row']} ({s['id'][:8]})"


class _Views:
    """Every view of the report, each built once and looked up by id."""

    def __init__(self, report: Report) -> None:
        self.report = report
        per_source = Counter(c.source for c in report.claims)
        self.sources = {s.id: _source_view(i, s, per_source[s.id])
                        for i, s in enumerate(report.sources)}
        _unique_rows(list(self.sources.values()))
        self.groups: dict[str, ClaimGroup] = {g.id: g for g in report.groups}
        self._claims: dict[str, dict[str, Any]] = {}
        self._plain: dict[str, str] = {}

    def plain(self, claim_id: str) -> str:
        text = self._plain.get(claim_id)
        if text is None:
            text = self._plain[claim_id] = plain_value(self.report.claim(claim_id))
        return text

    def key(self, claim_id: str) -> str:
        """Equal for claims that state the same: the quoted words, or the exact reading."""
        claim = self.report.claim(claim_id)
        if isinstance(claim, QuoteClaim):
            return claim.value.quote
        return describe_value(claim)

    def claim(self, claim_id: str) -> dict[str, Any]:
        view = self._claims.get(claim_id)
        if view is None:
            view = self._claims[claim_id] = self._claim_view(self.report.claim(claim_id))
        return view

    def _claim_view(self, claim: Claim) -> dict[str, Any]:
        offset = claim.start - claim.sentence_start
        sentence = claim.sentence
        end = offset + (claim.end - claim.start)
        inside = 0 <= offset <= end <= len(sentence) and sentence[offset:end] == claim.text
        source = self.sources[claim.source]
        return {
            "id": claim.id, "kind": claim.kind, "source": claim.source,
            "source_token": source["token"], "path": source["path"],
            "outlet": source["outlet"] if source["outlet_known"] else "",
            "label": source["label"], "title": source["title"], "url": source["url"],
            "published": source["published"] if self.report.source(claim.source).published
            else "",
            "role": source["role"], "location": f"{claim.line}:{claim.column}",
            "line": claim.line, "text": claim.text,
            "before": sentence[:offset] if inside else "",
            "after": sentence[end:] if inside else "",
            "value": self.plain(claim.id), "notation": describe_value(claim),
            "basis": date_basis(claim) if isinstance(claim, DateClaim) else "",
            "about": claim.about.slot, "attribution": claim.about.attribution or "",
            "state": "unjudged", "state_tone": "neutral", "state_words": "",
        }


def _diff_view(a: str, b: str) -> list[dict[str, str]]:
    return [{"op": op, "words": words} for op, words in words_diff(a, b)]


def _tone_state(state: str) -> tuple[str, str]:
    return STATES[state]


def _values_line(views: _Views, claim_ids: Sequence[str]) -> str:
    """Distinct values with who states them: "212 people (Valley Post) · more than 300"."""
    by_value: dict[str, dict[str, str]] = {}
    for claim_id in claim_ids:
        claim = views.claim(claim_id)
        # a quote is told apart by its words, not by who said it
        value = _snippet(claim["text"]) if claim["kind"] == "quote" else claim["value"]
        by_value.setdefault(value, {}).setdefault(claim["source"], claim["label"])
    parts = []
    for value, names in list(by_value.items())[:4]:
        who = next(iter(names.values())) if len(names) == 1 else f"{len(names)} sources"
        parts.append(f"{value} ({who})")
    if len(by_value) > 4:
        parts.append(f"and {len(by_value) - 4} other values")
    return " · ".join(parts)


def _snippet(text: str, most: int = 48) -> str:
    return f"“{text}”" if len(text) <= most else f"“{text[:most].rstrip()}…”"


def _finding_view(views: _Views, finding: Finding) -> dict[str, Any]:
    report = views.report
    first = report.claim(finding.claims[0])
    evidence = []
    for claim_id in finding.claims[1:]:
        view = views.claim(claim_id)
        # the diff reads from the evidence to the claim judged: what the first one changed
        diff = (_diff_view(view["text"], first.text)
                if finding.verdict in QUOTE_VERDICTS and view["kind"] == "quote" else [])
        evidence.append({**view, "diff": diff})
    group = views.groups.get(finding.group) if finding.group else None
    suppressed = finding.suppressed
    weaker = finding.verdict is Verdict.UNSUPPORTED and len(finding.claims) > 1
    if report.mode == "check":
        values = (f"Draft: {views.plain(first.id)}"
                  + (f" · sources: {_values_line(views, finding.claims[1:])}"
                     if finding.claims[1:] else ""))
    else:
        values = _values_line(views, finding.claims)
    claim = views.claim(first.id)
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
        "headline": headline(finding.verdict, weaker),
        "said": values,
        "slot": first.about.slot,
        "message": finding.message,
        # messages often quote their reason already: show it once
        "reason": "" if finding.reason and finding.reason in finding.message
        else finding.reason,
        "why": group.why if group is not None else "",
        "muted": is_muted(finding),
        "muted_label": (f"suppressed: {suppressed}" if suppressed
                        else "baselined" if finding.baselined else ""),
        "claim": claim,
        "evidence": evidence,
        "sources": " ".join(dict.fromkeys(views.claim(c)["source_token"]
                                          for c in finding.claims)),
        "open": finding.severity.value != "info" and not is_muted(finding),
        # a contradiction's sides, each a list of claim views that agree among themselves
        "sides": [[views.claim(cid) for cid in side] for side in finding.sides],
        # claims that agree with every side: on none of them
        "compatible": [views.claim(cid) for cid in finding.compatible],
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


def _draft_view(report: Report, views: Mapping[str, dict[str, Any]],
                by_claim: dict[str, list[Finding]]) -> dict[str, Any] | None:
    draft = next((s for s in report.sources if s.role == "draft"), None)
    if draft is None:
        return None
    marks = []
    for claim in report.claims:
        if claim.source != draft.id or claim.id not in by_claim:
            continue
        top = most_urgent(by_claim[claim.id])
        assert top is not None
        view = views[top.id]
        marks.append((claim.start, claim.end, {
            "claim": claim.id, "anchor": view["anchor"], "verdict": view["verdict"],
            "verdict_label": view["verdict_label"], "symbol": view["symbol"],
            "tone": view["tone"], "severity": view["severity"], "kind": claim.kind,
            "title": f"{view['verdict_label']} ({view['severity']}): {view['headline']}",
        }))
    return {"id": draft.id, "path": draft.path,
            "paragraphs": paragraphs(draft_segments(draft.text, draft.body_start, marks))}


def _options(values: list[str], order: Sequence[str] = ()) -> list[dict[str, Any]]:
    counts = Counter(values)
    rank = {v: i for i, v in enumerate(order)}
    keys = sorted(counts, key=lambda v: (rank.get(v, len(rank)), v))
    return [{"value": k, "label": "not judged" if k == "none" else verdict_label(k),
             "n": counts[k]} for k in keys]


def _figures(views: _Views, claim_ids: Sequence[str], tones: Mapping[str, str]
             ) -> list[Figure]:
    report = views.report
    figures = []
    for claim_id in claim_ids:
        claim = report.claim(claim_id)
        if not isinstance(claim, QuantityClaim):
            continue
        source = report.source(claim.source)
        draft = source.role == "draft"
        figures.append(Figure(
            source=claim.source, label="Draft" if draft else views.sources[claim.source]["row"],
            value=claim.value, tone="draft" if draft else tones.get(claim_id, "neutral"),
            draft=draft, published=source.published))
    return _one_unit(figures)


def _one_unit(figures: list[Figure]) -> list[Figure]:
    """Figures on one axis, in the slot's most common unit: others are converted to it
    ("2 days" is 0.0055 years); counts of different things, which the rules compared as
    counts, share it as they are; a figure is left out only when no conversion exists."""
    units = Counter(f.value.unit for f in figures)
    if len(units) < 2:
        return figures
    unit = units.most_common(1)[0][0]
    dimension = next(f.value.dimension for f in figures if f.value.unit == unit)
    shared = []
    for figure in figures:
        if figure.value.unit == unit or (dimension == "count"
                                         and figure.value.dimension == "count"):
            shared.append(figure)
            continue
        ratio = (factor(figure.value.unit, unit)
                 if figure.value.unit is not None and unit is not None else None)
        if ratio is None or ratio <= 0:
            continue
        value = figure.value.model_copy(update={
            "interval": figure.value.interval.scaled(ratio), "unit": unit})
        shared.append(replace(figure, value=value))
    return shared


def _pictures(views: _Views, kind: str, slot: str, claim_ids: Sequence[str],
              tones: Mapping[str, str]) -> dict[str, Any]:
    if kind != "quantity":
        return {"number_line": None, "timeline": None}
    figures = _figures(views, claim_ids, tones)
    line = number_line(figures, f"Where each source's figure for {slot} lies")
    return {"number_line": line,
            "timeline": timeline([f for f in figures if not f.draft],
                                 f"{slot} by publication date")}


def _card(views: _Views, group: ClaimGroup, findings: list[Finding],
          finding_views: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    report = views.report
    top = most_urgent(findings)
    states = claim_states(group.claims, findings,
                          {c: report.claim(c).source for c in group.claims}, views.key)
    claims = []
    for claim_id in group.claims:
        tone, words = _tone_state(states[claim_id])
        claims.append({**views.claim(claim_id), "state": states[claim_id],
                       "state_tone": tone,
                       "state_words": words if states[claim_id] != "unjudged" else ""})
    # the odd ones out first: what an editor must look at
    shown = sorted(claims, key=lambda c: _STATE_ORDER.get(c["state"], 9))
    diff: list[dict[str, Any]] = []
    if top is not None and top.verdict in QUOTE_VERDICTS and len(claims) > 1:
        first = claims[0]
        diff = [{"label": f"{first['label']} → {c['label']}:",
                 "words": _diff_view(first["text"], c["text"])}
                for c in claims[1:] if c["kind"] == "quote"]
    ordered = sorted(findings, key=urgency)
    top_view = finding_views[top.id] if top is not None else None
    split = next((f for f in ordered if f.sides), None)
    return {
        "id": group.id, "anchor": f"group-{group.id}", "slot": group.slot, "why": group.why,
        "kind": group.kind, "claims": claims, "states": states,
        "shown": shown[:CLAIMS_OPEN], "folded": shown[CLAIMS_OPEN:],
        "sources": len({c["source"] for c in claims}),
        "source_tokens": " ".join(dict.fromkeys(c["source_token"] for c in claims)),
        "findings": [finding_views[f.id] for f in ordered],
        "verdict": top.verdict.value if top else "none",
        "verdict_label": verdict_label(top.verdict.value) if top else "not judged",
        "symbol": verdict_symbol(top.verdict.value) if top else "·",
        "tone": verdict_tone(top.verdict.value) if top else "neutral",
        "severity": top.severity.value if top else "none",
        "headline": top_view["headline"] if top_view else "Not judged",
        "said": _values_line(views, group.claims),
        "open": bool(top is not None and top.severity.value != "info" and not is_muted(top)),
        "urgency": urgency(top) if top is not None else (2, 1, 9),
        "diff": diff,
        "sides": _sides(views, split, claims) if split is not None else [],
        "weak": group.agreement_only,
        **_pictures(views, group.kind, group.slot, group.claims,
                    {c: STATES[s][0] for c, s in states.items()}),
    }


def _sides(views: _Views, finding: Finding, claims: Sequence[dict[str, Any]]
           ) -> list[dict[str, Any]]:
    """The claims of a contradiction side by side, as the rules split them: each side
    holds claims that agree among themselves; claims that fit every side come last."""
    by_id = {c["id"]: c for c in claims}
    placed: set[str] = set()
    out = []
    for number, side in enumerate(finding.sides, start=1):
        members = [by_id[c] for c in side if c in by_id]
        if not members:
            continue
        placed.update(c["id"] for c in members)
        sources = len({c["source"] for c in members})
        out.append({"number": number, "label": f"Side {number}",
                    "sources": f"{sources} {'source' if sources == 1 else 'sources'}",
                    "said": " / ".join(dict.fromkeys(c["value"] for c in members)),
                    "tone": members[0]["state_tone"], "state": members[0]["state_words"],
                    "shown": members[:CLAIMS_OPEN], "folded": members[CLAIMS_OPEN:]})
    rest = [c for c in claims if c["id"] not in placed]
    if rest:
        sources = len({c["source"] for c in rest})
        out.append({"number": 0, "label": "Fits every side",
                    "sources": f"{sources} {'source' if sources == 1 else 'sources'}",
                    "said": " / ".join(dict.fromkeys(c["value"] for c in rest)),
                    "tone": "ok", "state": "agrees with each side",
                    "shown": rest[:CLAIMS_OPEN], "folded": rest[CLAIMS_OPEN:]})
    return out


def _check_pictures(views: _Views, finding: Finding) -> dict[str, Any]:
    first = views.report.claim(finding.claims[0])
    tone = verdict_tone(finding.verdict.value)
    return _pictures(views, first.kind, first.about.slot, finding.claims,
                     dict.fromkeys(finding.claims[1:], tone))


def _matrix(views: _Views, cards: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Slots × sources: each cell the source's value, toned by how it stands.

    Each row's cells are written here, once, as markup (``cells_html``): a story of 600
    sources has some 340,000 cells, most of them the same "not stated" cell of a
    column, and a template loop over them cost seconds."""
    columns = [s for s in views.sources.values() if s["role"] != "draft"]
    if not cards or len(columns) < 2:
        return None
    absent = [_cell_html({"source": column["id"], "empty": True, "value": "",
                          "tone": "none", "state": "absent", "words": "not stated"})
              for column in columns]
    rows = []
    for card in cards:
        by_source: dict[str, list[dict[str, Any]]] = {}
        for claim in card["claims"]:
            by_source.setdefault(claim["source"], []).append(claim)
        cells = []
        for n, column in enumerate(columns):
            mine = by_source.get(column["id"])
            if not mine:
                cells.append(absent[n])
                continue
            values = list(dict.fromkeys(c["value"] for c in mine))
            worst = min(mine, key=lambda c: _STATE_ORDER.get(c["state"], 9))
            state = worst["state"]
            cells.append(_cell_html({"source": column["id"], "empty": False,
                                     "value": " / ".join(values) if card["kind"] != "quote"
                                     else _snippet(mine[0]["text"], 40),
                                     "tone": worst["state_tone"], "state": state,
                                     "words": worst["state_words"] or "not judged"}))
        rows.append({"slot": card["slot"], "anchor": card["anchor"], "group": card["id"],
                     "verdict": card["verdict"], "tone": card["tone"],
                     "symbol": card["symbol"], "cells_html": Markup("".join(cells))})
    legend = [{"tone": tone, "words": words} for state, (tone, words) in STATES.items()
              if state not in ("agrees",)]
    return {"columns": columns, "rows": rows, "legend": legend}


def _cell_html(cell: Mapping[str, Any]) -> str:
    """One ``<td>`` of the matrix, escaped as the template escapes what it prints."""
    inner = '<span class="absent">—</span>' if cell["empty"] else escape(cell["value"])
    return (f'<td class="cell cell-{escape(cell["tone"])}" data-source="{escape(cell["source"])}"'
            f' data-state="{escape(cell["state"])}" title="{escape(cell["words"])}">'
            f'{inner}</td>')


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _exit_line(report: Report, failing: int) -> str:
    threshold = report.fail_on.value
    if threshold == "never":
        return "nothing fails the run (--fail-on never)"
    if failing:
        plural = "finding" if failing == 1 else "findings"
        return f"{failing} {plural} at or above {threshold}: the check fails (exit 1)"
    return f"nothing at or above {threshold}: the check passes (exit 0)"


def _triage(items: Sequence[dict[str, Any]], findings: Sequence[Finding],
            views: Mapping[str, dict[str, Any]], anchor_of: Mapping[str, str],
            mode: str) -> list[dict[str, Any]]:
    problems = sorted((f for f in findings if is_problem(f)),
                      key=lambda f: (urgency(f), views[f.id]["claim"]["line"], f.id))
    out: list[dict[str, Any]] = []
    alike: dict[tuple[str, ...], dict[str, Any]] = {}
    for finding in problems:
        view = views[finding.id]
        text = view["claim"]["text"] if mode == "check" else ""
        # the same words judged the same way at several places: one line, counted
        key = (view["verdict"], view["severity"], view["slot"], text, view["said"])
        if key in alike:
            alike[key]["times"] += 1
            alike[key]["lines"].append(str(view["claim"]["line"]))
            continue
        item = {"anchor": anchor_of[finding.id], "verdict": view["verdict"],
                "verdict_label": view["verdict_label"], "symbol": view["symbol"],
                "tone": view["tone"], "severity": view["severity"],
                "slot": view["slot"], "headline": view["headline"],
                "said": view["said"], "muted": view["muted"], "text": text,
                "times": 1, "lines": [str(view["claim"]["line"])]}
        alike[key] = item
        out.append(item)
    for item in out:
        lines = list(dict.fromkeys(item.pop("lines")))
        item["where"] = ("line" + ("s " if len(lines) > 1 else " ") + ", ".join(lines)
                         if mode == "check" else "")
    return out


def html_view(report: Report) -> dict[str, Any]:
    """Everything the template shows, decided and ordered here."""
    views = _Views(report)
    findings_by_group: dict[str, list[Finding]] = {}
    by_claim: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            findings_by_group.setdefault(finding.group, []).append(finding)
        by_claim.setdefault(finding.claims[0], []).append(finding)
    finding_views = {f.id: _finding_view(views, f) for f in report.findings}
    cards, single, related = [], [], []
    for group in report.groups:
        card = _card(views, group, findings_by_group.get(group.id, []), finding_views)
        if group.related:
            related.append(card)
        elif card["sources"] < 2:
            single.append(card)
        else:
            cards.append(card)
    cards.sort(key=lambda c: (c["urgency"], c["slot"], c["id"]))
    findings = [finding_views[f.id] for f in report.findings]
    anchor_of: dict[str, str] = {}
    if report.mode == "check":
        line_of = {f.id: (report.claim(f.claims[0]).start) for f in report.findings}
        ordered = sorted(report.findings, key=lambda f: (urgency(f), line_of[f.id], f.id))
        findings = []
        for finding in ordered:
            view = {**finding_views[finding.id], **_check_pictures(views, finding)}
            findings.append(view)
            anchor_of[finding.id] = view["anchor"]
        filterable = findings
    else:
        for card in cards + single:
            for finding in card["findings"]:
                anchor_of[finding["id"]] = card["anchor"]
        for finding in report.findings:
            anchor_of.setdefault(finding.id, finding_views[finding.id]["anchor"])
        filterable = cards + single
    verdict_order = [v.value for v in Verdict]
    severity_order = [s.value for s in SEVERITY_ORDER] + ["none"]
    sources = list(views.sources.values())
    counts = report.verdict_counts()
    severity_counts = report.severity_counts()
    failing = len(report.failing())
    triage = _triage(filterable, report.findings, finding_views, anchor_of, report.mode)
    return {
        "mode": report.mode,
        "title": "claimcheck — " + ("check of a draft" if report.mode == "check"
                                     else "comparison of sources"),
        "csp": CSP,
        "style": STYLE,
        "script": SCRIPT,
        "sources": sources,
        "sources_open": len(sources) <= SOURCES_OPEN,
        "source_options": [{"value": s["token"], "label": f"{s['label']} ({s['id']})"
                            if s["label"] != s["id"] else s["id"]}
                           for s in sources],
        "verdicts": [{"value": v, "label": verdict_label(v), "n": counts[v],
                      "tone": verdict_tone(v), "symbol": verdict_symbol(v)}
                     for v in sorted(counts, key=verdict_order.index)],
        "severities": [{"value": s.value, "n": severity_counts.get(s.value, 0)}
                       for s in SEVERITY_ORDER],
        "exit_status": report.exit_status() if report.skipped else 1 if failing else 0,
        "exit_line": _exit_line(report, failing),
        "skipped": [{"where": item.render().rsplit(f": {item.code} ", 1)[0],
                     "code": item.code, "message": item.message} for item in report.skipped],
        "fail_on": report.fail_on.value,
        "failing": failing,
        "muted": sum(1 for f in report.findings if is_muted(f)),
        "triage": triage[:TRIAGE_OPEN],
        "triage_more": triage[TRIAGE_OPEN:],
        "triage_count": sum(t["times"] for t in triage),
        "triage_more_start": TRIAGE_OPEN + 1,
        "triage_errors": sum(t["times"] for t in triage if t["severity"] == "error"),
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
        "draft": (_draft_view(report, finding_views, by_claim) if report.mode == "check"
                  else None),
        "matrix": _matrix(views, cards) if report.mode == "compare" else None,
        "cards": cards,
        "single": single,
        "related": related,
        "counts_line": " · ".join(_count(n, noun) for n, noun in (
            (len(report.sources), "file"), (len(report.claims), "claim"),
            (len(report.findings), "finding"))),
        "claim_count": len(report.claims),
        "finding_count": len(report.findings),
    }


def render_template(name: str, view: Mapping[str, Any]) -> str:
    """A page of the report's templates, given its flat view."""
    return _ENV.get_template(name).render(view=view)


def render_view(view: Mapping[str, Any]) -> str:
    return render_template("report.html.j2", view)


def render_html(report: Report) -> str:
    """The page. The cycle collector is paused while the view's many small dicts are
    built: none of them forms a cycle, and full collections walking them all would make
    a story of 1,000 sources cost more per source than one of 60."""
    from claimcheck.gcpause import paused_gc

    with paused_gc():
        return render_view(html_view(report))


def notebook_frame(report: Report, height: int = 720) -> str:
    """The page in an ``<iframe srcdoc>`` for Jupyter: its styles and script stay inside
    the frame instead of restyling the notebook, and its own policy still applies."""
    from markupsafe import escape

    return (f'<iframe title="claimcheck report" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #cfd4da" '
            f'srcdoc="{escape(render_html(report))}"></iframe>')
