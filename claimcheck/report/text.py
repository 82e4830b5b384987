"""Plain-text output: linter lines for findings, and a per-slot summary for compare."""

from __future__ import annotations

from claimcheck.model.findings import Finding
from claimcheck.printable import printable_line
from claimcheck.report.describe import describe_value
from claimcheck.report.view import Report


def safe(text: str) -> str:
    """Control characters (ANSI escapes included) and line breaks shown, never sent to the
    terminal: each output line stays one line, whatever the article text holds."""
    return printable_line(text)


def finding_line(report: Report, finding: Finding) -> str:
    first = report.claim(finding.claims[0])
    source = report.source(first.source)
    muted = ""
    if getattr(finding, "suppressed", None):
        muted = " [suppressed]"
    elif getattr(finding, "baselined", False):
        muted = " [baselined]"
    return safe(f"{source.path}:{first.line}:{first.column}: {finding.severity.value} "
                f"{finding.verdict.value} {finding.rule} {finding.message}{muted}")


def by_position(report: Report) -> list[Finding]:
    """Findings in the order of their first claim in its file, as a linter lists them."""
    rank = {s.id: i for i, s in enumerate(report.sources)}

    def key(finding: Finding) -> tuple[int, int, int, str, str]:
        claim = report.claim(finding.claims[0])
        return rank[claim.source], claim.start, claim.end, finding.rule, finding.id

    return sorted(report.findings, key=key)


def render_text(report: Report) -> str:
    lines: list[str] = []
    if report.mode == "compare":
        lines.extend(_compare_body(report))
    else:
        lines.extend(finding_line(report, f) for f in by_position(report))
    lines.extend(source_legend(report))
    lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def plural(count: int, noun: str) -> str:
    """``1 source``, ``2 sources``."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def summary_line(report: Report) -> str:
    counts = ", ".join(f"{n} {verdict}" for verdict, n in report.verdict_counts().items())
    return (f"{plural(len(report.sources), 'source')}, {plural(len(report.claims), 'claim')}, "
            f"{plural(len(report.findings), 'finding')}" + (f" ({counts})" if counts else ""))


def source_legend(report: Report) -> list[str]:
    """The sources a reader can name or open: outlet, title and address, when known."""
    from claimcheck.sources import display_name

    lines = []
    for source in report.sources:
        name, url = display_name(source), source.url
        if name or url:
            lines.append(safe(f"    {source.id}: " + " ".join(p for p in (name, url) if p)))
    return ["", "Sources:", *lines] if lines else []


def _compare_body(report: Report) -> list[str]:
    lines: list[str] = []
    findings_by_group: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            findings_by_group.setdefault(finding.group, []).append(finding)
    for group in report.groups:
        claims = [report.claim(cid) for cid in group.claims]
        if group.related or len({c.source for c in claims}) < 2:
            continue
        lines.append(safe(f"● {group.slot}"))
        for claim in claims:
            lines.append(safe(f"    {claim.source}:{claim.line}:{claim.column}  "
                              f"“{claim.text}”  → {describe_value(claim)}"))
        for finding in findings_by_group.get(group.id, []):
            lines.append(safe(f"    ⇒ {finding.verdict.value} ({finding.severity.value}, "
                              f"{finding.rule}): {finding.message}"))
            lines.extend(safe(f"      side {n}: " + "; ".join(
                f"{report.claim(c).source} “{report.claim(c).text}”" for c in side))
                for n, side in enumerate(finding.sides, start=1))
        lines.append("")
    related = [g for g in report.groups if g.related]
    if related:
        lines.append(f"Possibly related, not compared: {len(related)} groups")
        for group in related:
            texts = ", ".join(f"{report.claim(c).source} “{report.claim(c).text}”"
                              for c in group.claims)
            lines.append(safe(f"    {group.slot}: {texts}"))
    return lines
