"""Parsing with the bounds spaCy itself does not set: parts and sentence lengths.

spaCy refuses a text over ``nlp.max_length`` (E088), and its memory grows with the
length of one Doc; the finders walk the sentence of each claim, and every claim carries
its sentence into the report, so one endless sentence (a list of ten thousand numbers,
brackets nested for pages) costs the claims times the sentence: quadratic. Here:

- a text longer than ``PART_CHARS`` is parsed in parts cut at paragraph breaks (else
  line breaks, else spaces), and the parts joined back into one Doc whose text and
  offsets are the text's own;
- before the parser, a run of more than ``MAX_SENTENCE_TOKENS`` tokens with no full
  stop, question or exclamation mark or line break gets a sentence start every so
  many tokens (after a comma or bracket where there is one), which the parser keeps.

Ordinary articles, shorter than a part and without such runs, parse exactly as before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

PART_CHARS = 100_000  # longer than nearly every article; spaCy's own limit is 1,000,000
MAX_SENTENCE_TOKENS = 250  # no sentence of news runs that long without a full stop
_ENDS = frozenset({".", "!", "?", "…", "。"})
_SOFT = frozenset({",", ";", ":", ")", "]", "(", "[", "-", "–", "—"})
_BREAKS = ("\n\n", "\n", " ", "\t")


def split_parts(text: str, limit: int = PART_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters that join back into it, each
    cut after a paragraph break where one is near the limit, else after a line break or a
    space; a stretch with none of them is cut at the limit."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in _BREAKS:
            found = text.rfind(mark, start + limit // 2, end)
            if found != -1:
                end = found + len(mark)
                break
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def cap_sentences(doc: Any, limit: int = MAX_SENTENCE_TOKENS) -> Any:
    """Mark sentence starts in ``doc`` (tokenized, not yet parsed) so that no run of more
    than ``limit`` tokens lacks a place where a sentence may end."""
    run_start = 0
    soft = -1  # the token after the latest comma or bracket of the run
    for index, token in enumerate(doc):
        text = token.text
        if text in _ENDS or (token.is_space and "\n" in text):
            run_start, soft = index + 1, -1
            continue
        if index - run_start >= limit:
            cut = soft if soft > run_start + limit // 2 else index
            doc[cut].is_sent_start = True
            run_start, soft = cut, -1
        if text in _SOFT:
            soft = index + 1
    return doc


def parse_texts(nlp: Any, texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
    """One Doc per text, in order, parsed by ``nlp.pipe`` in batches of parts with the
    sentence lengths capped; a Doc of several parts has the text's exact characters.

    A batch holds at most ``batch_size`` parts and, beyond its first, at most
    ``PART_CHARS`` characters: spaCy's working memory grows with the text of a whole
    batch (about 350 MB per 100,000 characters), so the parts of one long article are
    parsed a few at a time, not all at once."""
    from spacy.tokens import Doc

    counts: deque[int] = deque()
    limit = min(PART_CHARS, nlp.max_length)

    def parts() -> Iterator[tuple[Any, int]]:
        for text in texts:
            pieces = split_parts(text, limit)
            counts.append(len(pieces))
            for piece in pieces:
                yield cap_sentences(nlp.make_doc(piece)), len(piece)

    pending: list[Any] = []
    for batch in _batches(parts(), batch_size, limit):
        for doc in nlp.pipe(batch, batch_size=len(batch)):
            pending.append(doc)
            if len(pending) == counts[0]:
                counts.popleft()
                yield pending[0] if len(pending) == 1 else Doc.from_docs(
                    pending, ensure_whitespace=False)
                pending = []


def _batches(parts: Iterable[tuple[Any, int]], size: int, chars: int) -> Iterator[list[Any]]:
    """Parts grouped in order: at most ``size`` a group, and no more than ``chars``
    characters unless one part alone has them."""
    batch: list[Any] = []
    filled = 0
    for doc, length in parts:
        if batch and (len(batch) >= size or filled + length > chars):
            yield batch
            batch, filled = [], 0
        batch.append(doc)
        filled += length
    if batch:
        yield batch


__all__ = ["MAX_SENTENCE_TOKENS", "PART_CHARS", "cap_sentences", "parse_texts", "split_parts"]
