"""GitHub Actions workflow commands: one annotation per finding that flags something
(not an agreement, not a claim merely stated by one source).

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``. Values are
escaped as the runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in
properties), so article text cannot inject another command.
"""

from __future__ import annotations

from claimcheck.model.findings import Finding, Severity
from claimcheck.printable import printable
from claimcheck.report.labels import (
    INFORMATIONAL,
    PASSING,
    is_muted,
    verdict_label,
    with_reason,
)
from claimcheck.report.locate import span
from claimcheck.report.text import by_position
from claimcheck.report.view import Report, SkippedInput

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escaped for the runner; other control characters (ANSI colours the log viewer would
    obey) shown as escapes."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(report: Report, finding: Finding) -> str:
    claims = [report.claim(cid) for cid in finding.claims]
    where = span(report, claims[0])
    title = f"claimcheck {verdict_label(finding.verdict.value)} ({finding.rule})"
    message = with_reason(finding)
    subject = report.source(claims[0].source)
    if subject.url:
        message += f"\n{subject.url}"
    for claim in claims[1:]:
        source = report.source(claim.source)
        message += f"\n{source.path}:{claim.line}:{claim.column}: “{claim.text}”" \
                   + (f" {source.url}" if source.url else "")
    props = [("file", where.path), ("line", str(where.line)), ("col", str(where.column)),
             ("endLine", str(where.end_line)), ("endColumn", str(where.end_column)),
             ("title", title)]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMAND[finding.severity]} {joined}::{escape_data(message)}"


def _skipped_annotation(skipped: SkippedInput) -> str:
    props = [("file", skipped.path)]
    if skipped.line is not None:
        props.append(("line", str(skipped.line)))
    props.append(("title", f"claimcheck: skipped input ({skipped.code})"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::error {joined}::{escape_data(f'skipped, not checked: {skipped.message}')}"


def render_github(report: Report) -> str:
    shown = [f for f in by_position(report)
             if f.verdict not in PASSING | INFORMATIONAL and not is_muted(f)]
    lines = [_skipped_annotation(s) for s in report.skipped]
    lines += [annotation(report, f) for f in shown]
    failing = len(report.failing())
    lines.append(f"claimcheck: {len(report.findings)} findings, {failing} at or above "
                 f"{report.fail_on.value}; exit {report.exit_status()}")
    return "\n".join(lines) + "\n"
