"""Text bound for a terminal or a log, made inert: control characters are shown, not sent.

Article text, quotes, file names and outlet names can hold ANSI escape sequences (which
recolour or rewrite a terminal), C1 controls (an 8-bit CSI acts like ``ESC [``) and
bidirectional overrides (which make text display in another order than it reads). All
are replaced by visible escapes such as ``\\x1b`` or ``\\u202e``.
"""

from __future__ import annotations

_CONTROL = [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0),
            *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _CONTROL}
_ONE_LINE = {**_ESCAPES, 0x0A: "\\n", 0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\x85"}


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return text.translate(_ESCAPES)


def printable_line(text: str) -> str:
    """``printable``, with line breaks escaped too: one record stays on one line, so an
    article cannot forge extra lines of linter output."""
    return text.translate(_ONE_LINE)
