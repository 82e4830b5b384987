"""One small error hierarchy with stable codes.

Only the CLI maps these to exit codes; library callers catch ``ClaimcheckError``.
Every user-facing error names where it happened (path, line, column) when known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.printable import printable, printable_line


@dataclass
class Problem:
    """One thing wrong with one input, located as precisely as we can."""

    code: str
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    context: str | None = None  # the offending line, shown under the message

    def location(self) -> str:
        if self.path is None:  # a command-line option, not a file
            return "claimcheck"
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """``path:line:col: CODE message``; names and text from inputs cannot drive the
        terminal or add lines."""
        text = printable_line(f"{self.location()}: {self.code} {self.message}")
        if self.context is not None:
            text += f"\n    {printable(self.context)}"  # may carry a caret line
        return text


@dataclass
class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose; carries all problems found."""

    problems: list[Problem] = field(default_factory=list)
    exit_code: int = 2

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)


class InputError(ClaimcheckError):
    """A source, draft or metadata file cannot be read or is malformed (user error)."""


class RuleError(ClaimcheckError):
    """A rule file or configuration is invalid (user error)."""


class InternalError(ClaimcheckError):
    """A bug in claimcheck: never the user's fault."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems=problems, exit_code=3)


def input_error(code: str, message: str, path: str | None = None,
                line: int | None = None, column: int | None = None) -> InputError:
    """Shorthand for the common single-problem input error."""
    return InputError(problems=[Problem(code, message, path, line, column)])
