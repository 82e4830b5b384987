"""Plain-text output: linter lines for findings, and a per-slot summary for compare."""

from __future__ import annotations

from collections import Counter

from claimcheck.model.findings import Finding
from claimcheck.printable import printable_line
from claimcheck.report.describe import describe_value
from claimcheck.report.labels import PASSING, is_muted, verdict_tone
from claimcheck.report.view import Report


def safe(text: str) -> str:
    """Control characters (ANSI escapes included) and line breaks shown, never sent to the
    terminal: each output line stays one line, whatever the article text holds."""
    return printable_line(text)


_COLOURS = {"error": "31;1", "warning": "33", "info": "36", "bad": "1", "path": "1",
            "muted": "2"}


class Style:
    """ANSI colours for a terminal, or none. Applied after ``safe``: article text can
    never carry its own escapes through."""

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def __call__(self, text: str, tone: str) -> str:
        if not self.colour or not text or tone not in _COLOURS:
            return text
        return f"\x1b[{_COLOURS[tone]}m{text}\x1b[0m"


PLAIN = Style(False)


def finding_line(report: Report, finding: Finding, style: Style = PLAIN) -> str:
    first = report.claim(finding.claims[0])
    source = report.source(first.source)
    muted = ""
    if getattr(finding, "suppressed", None):
        muted = " [suppressed]"
    elif getattr(finding, "baselined", False):
        muted = " [baselined]"
    severity = finding.severity.value
    verdict = finding.verdict.value
    return (style(safe(f"{source.path}:{first.line}:{first.column}:"), "path") + " "
            + style(severity, "muted" if muted else severity) + " "
            + style(verdict, "bad" if verdict_tone(verdict) == "bad" else "") + " "
            + safe(f"{finding.rule} {finding.message}") + style(muted, "muted"))


def by_position(report: Report) -> list[Finding]:
    """Findings in the order of their first claim in its file, as a linter lists them."""
    rank = {s.id: i for i, s in enumerate(report.sources)}

    def key(finding: Finding) -> tuple[int, int, int, str, str]:
        claim = report.claim(finding.claims[0])
        return rank[claim.source], claim.start, claim.end, finding.rule, finding.id

    return sorted(report.findings, key=key)


def by_severity(report: Report) -> list[Finding]:
    """Errors first, then warnings, then the rest; muted findings after those of their
    severity that count; each severity in file order."""
    return sorted(by_position(report), key=lambda f: (-f.severity.rank, is_muted(f)))


def render_text(report: Report, *, style: Style = PLAIN, quiet: bool = False) -> str:
    """The findings, most severe first (``compare``: the claim slots, those with the most
    severe verdicts first), a legend of named sources and a summary line. ``quiet``: one
    linter line per finding, nothing else."""
    lines: list[str] = []
    if report.mode == "compare" and not quiet:
        lines.extend(_compare_body(report, style))
    else:
        lines.extend(finding_line(report, f, style) for f in by_severity(report))
    if quiet:
        return "".join(line + "\n" for line in lines)
    lines.extend(source_legend(report))
    lines.extend(skipped_lines(report))
    lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_statistics(report: Report) -> str:
    """Counts per rule, verdict and severity, the most frequent first (``--statistics``)."""
    counts = Counter((f.rule, f.verdict.value, f.severity.value) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(f"{n:,}") for _, n in rows), default=1)
    lines = [safe(f"{n:>{width},}  {severity:<7}  {verdict:<19}  {rule}")
             for (rule, verdict, severity), n in rows]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def skipped_lines(report: Report) -> list[str]:
    """Files that could not be read: named, so nobody takes the check as complete."""
    if not report.skipped:
        return []
    return ["", f"Skipped, not checked ({plural(len(report.skipped), 'file')}):",
            *(safe(f"    {skipped.render()}") for skipped in report.skipped)]


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


def _compare_body(report: Report, style: Style = PLAIN) -> list[str]:
    lines: list[str] = []
    findings_by_group: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.group:
            findings_by_group.setdefault(finding.group, []).append(finding)
    shown = []
    for order, group in enumerate(report.groups):
        claims = [report.claim(cid) for cid in group.claims]
        found = findings_by_group.get(group.id, [])
        if group.related or len({c.source for c in claims}) < 2 or not found:
            continue
        worst = max((f.severity.rank for f in found if not is_muted(f)), default=-1)
        alarming = any(f.verdict not in PASSING for f in found)
        shown.append(((-worst, not alarming, order), group, claims, found))
    for _, group, claims, found in sorted(shown, key=lambda item: item[0]):
        lines.append(safe(f"● {group.slot}"))
        for claim in claims:
            lines.append(safe(f"    {claim.source}:{claim.line}:{claim.column}  "
                              f"“{claim.text}”  → {describe_value(claim)}"))
        for finding in sorted(found, key=lambda f: -f.severity.rank):
            severity = finding.severity.value
            lines.append(safe(f"    ⇒ {finding.verdict.value} (") + style(severity, severity)
                         + safe(f", {finding.rule}): {finding.message}"))
            lines.extend(safe(f"      side {n}: " + "; ".join(
                f"{report.claim(c).source} “{report.claim(c).text}”" for c in side))
                for n, side in enumerate(finding.sides, start=1))
            if finding.compatible:
                lines.append(safe("      compatible with every side: " + "; ".join(
                    f"{report.claim(c).source} “{report.claim(c).text}”"
                    for c in finding.compatible)))
        lines.append("")
    related = [g for g in report.groups if g.related]
    if related:
        lines.append(f"Possibly related, not compared: {plural(len(related), 'group')}")
        for group in related:
            texts = ", ".join(f"{report.claim(c).source} “{report.claim(c).text}”"
                              for c in group.claims)
            lines.append(safe(f"    {group.slot}: {texts}"))
    return lines
