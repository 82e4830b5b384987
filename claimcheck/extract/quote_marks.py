"""Where quotation marks open and close in a text: plain string work, no model.

Conventions of news copy this follows:

- Double marks (straight ``"``, curly ``“ ”``, ``„``, guillemets) delimit quotations and
  do not nest; single marks inside them are inner quotations and stay part of the text.
  Curly single marks (``‘ ’``) delimit a quotation only in a paragraph with no double
  marks (British style), and only where they cannot be apostrophes.
- Marks pair in order within a paragraph, whatever their shape: real copy pairs a curly
  opening mark with a straight one, or closes with an opening curly mark. A stray mark
  can only disturb its own paragraph.
- A paragraph that opens a quotation and does not close it runs to its end; when the next
  paragraph opens with a mark, the quotation continues there.
- A straight mark right after a digit (``12"``) is an inch sign, not a quotation mark.

Paragraphs are separated by blank lines when the text has any (Markdown, wrapped
lines), else by line breaks.
"""

from __future__ import annotations

import re
from typing import NamedTuple

DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_CLOSING_SHAPES = frozenset("\u201d\u00bb")
_OPEN_SINGLE, _CLOSE_SINGLE = "\u2018", "\u2019"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_PARAGRAPH_BREAK = re.compile(r"(?:\n[ \t\r\f\v]*){2,}")


class QuotedSpan(NamedTuple):
    """The text between a pair of quotation marks (marks excluded)."""

    start: int  # first character inside the marks
    end: int  # just past the last quoted character
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None if the paragraph ended first
    continues: bool = False  # runs on into the next paragraph's quotation
    continued: bool = False  # continues the previous paragraph's quotation


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph."""
    breaker = _PARAGRAPH_BREAK if _BLANK_LINE.search(text) else re.compile(r"\n")
    out: list[tuple[int, int]] = []
    start = 0
    for match in breaker.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in out) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_inch_sign(text: str, pos: int) -> bool:
    return text[pos] == '"' and pos > 0 and text[pos - 1].isdigit()


def _looks_opening(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _double_spans(text: str, start: int, end: int) -> tuple[list[QuotedSpan], int | None]:
    """Paired double marks of one paragraph, and the offset of an unclosed opening mark."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for pos in range(start, end):
        char = text[pos]
        if char not in DOUBLE_MARKS:
            continue
        if open_at is None:
            if _is_inch_sign(text, pos):
                continue
            if char in _CLOSING_SHAPES and not _looks_opening(text, pos):
                continue  # a stray closing mark
            open_at = pos
        else:
            inner_start, inner_end = _strip(text, open_at + 1, pos)
            spans.append(QuotedSpan(inner_start, inner_end, open_at, pos))
            open_at = None
    return spans, open_at


def _single_spans(text: str, start: int, end: int) -> list[QuotedSpan]:
    """British-style ‘…’ quotations; ’ inside or at the end of a word is an apostrophe."""
    spans: list[QuotedSpan] = []
    pos = start
    while pos < end:
        opening = text.find(_OPEN_SINGLE, pos, end)
        if opening == -1:
            break
        if not _looks_opening(text, opening):
            pos = opening + 1
            continue
        closing = opening + 1
        while True:
            closing = text.find(_CLOSE_SINGLE, closing, end)
            if closing == -1:
                return spans
            after = text[closing + 1] if closing + 1 < end else " "
            if not after.isalnum() and not text[closing - 1].isspace() \
                    and text[closing - 1] not in "sS":
                break
            closing += 1
        spans.append(QuotedSpan(opening + 1, closing, opening, closing))
        pos = closing + 1
    return spans


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quotation in ``text``, in order, with paragraph continuations marked."""
    spans: list[QuotedSpan] = []
    carried = False  # the previous paragraph left a quotation open, and this one opens one
    for start, end in paragraphs(text):
        found, unclosed = _double_spans(text, start, end)
        if not found and unclosed is None:
            found = _single_spans(text, start, end)
        if unclosed is not None:
            inner_start, inner_end = _strip(text, unclosed + 1, end)
            found.append(QuotedSpan(inner_start, inner_end, unclosed, None,
                                    continues=_next_paragraph_opens(text, end)))
        found = [s for s in found if s.end > s.start]
        if carried and found and found[0].open_mark == start:
            found[0] = found[0]._replace(continued=True)
        elif carried:
            spans[-1] = spans[-1]._replace(continues=False)
        carried = bool(found) and found[-1].continues
        spans.extend(found)
    return spans


def _next_paragraph_opens(text: str, end: int) -> bool:
    pos = end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos < len(text) and text[pos] in DOUBLE_MARKS and not _is_inch_sign(text, pos)


_ABBREVIATIONS = frozenset(str.split("""
mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr
sr inc ltd co corp no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx
dept est fig"""))
_SENTENCE_END = re.compile(r"""[.?!]+['’”"\)]*\s+(?=['‘“"(]?[A-Z0-9])""")
_TRIM_TAIL = ",;:—–- \t\r\n\u00a0"


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) offsets, trimmed.

    A quotation of two sentences becomes two claims, so each can be matched on its own.
    The comma that hands a quotation over to its attribution ("…crisis," Putin said) is
    not part of the words; a full stop, question or exclamation mark is.
    """
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = text[piece_start:match.start()].rsplit(None, 1)
        last = word[-1].lower().rstrip(".") if word else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last):
            continue
        cut = match.start() + len(match.group().rstrip())
        pieces.append((piece_start, cut))
        piece_start = match.end()
    pieces.append((piece_start, end))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        s, e = _strip(text, s, e)
        while e > s and text[e - 1] in _TRIM_TAIL:
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            out.append((s, e))
    return out
