"""Where a claim is in its file: start and end as line and column, for machine outputs."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import Claim
from claimcheck.report.view import Report


class Span(BaseModel):
    """A claim's place in its file; lines and columns are 1-based, columns count
    Unicode code points, and the end column is exclusive (as SARIF and GitHub read it)."""

    model_config = ConfigDict(frozen=True)

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


def span(report: Report, claim: Claim) -> Span:
    source = report.source(claim.source)
    end_line, end_column = end_of(claim.line, claim.column, claim.text)
    return Span(path=source.path, start=claim.start, end=claim.end, line=claim.line,
                column=claim.column, end_line=end_line, end_column=end_column)


def end_of(line: int, column: int, text: str) -> tuple[int, int]:
    """Line and (exclusive) column just after ``text`` that starts at ``line:column``."""
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


def uri(path: str) -> str:
    """A relative URI reference for a file path: forward slashes, spaces and % escaped."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:-._~")
