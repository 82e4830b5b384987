"""Quotes: who said which words, and how two quotations of them compare (DESIGN §3)."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class QuoteValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    quote: str  # the quoted words, normalised (see ``normalise_quote``)
    speaker: str | None = None  # full name when known, titles stripped
    speaker_text: str | None = None  # the mention as written: "he", "Putin", "a UN statement"
    cue: str | None = None  # reporting verb lemma: "say", "tell"
    partial: bool = False  # a fragment woven into a sentence


class QuoteMatch(StrEnum):
    VERBATIM = "verbatim"
    VARIANT = "variant"
    DIFFERENT = "different"


_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                              "\u00ab": '"', "\u00bb": '"'})


def normalise_quote(text: str) -> str:
    """Case, quote marks, punctuation and spacing folded, so only words are compared."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both speakers are known; a surname matches the full name."""
    if not a or not b:
        return None
    left, right = a.lower().split(), b.lower().split()
    return left == right or left[-1] == right[-1]


def quote_similarity(a: str, b: str) -> float:
    """0–100: how alike two quotations are, word order and repeats aside."""
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(normalise_quote(a), normalise_quote(b)))


def match_quotes(a: str, b: str, variant_threshold: float = 70.0) -> QuoteMatch:
    """Verbatim when equal after normalising (or one contains the other), else by similarity."""
    left, right = normalise_quote(a), normalise_quote(b)
    if left == right or (left and right and (f" {left} " in f" {right} "
                                             or f" {right} " in f" {left} ")):
        return QuoteMatch.VERBATIM
    if quote_similarity(left, right) >= variant_threshold:
        return QuoteMatch.VARIANT
    return QuoteMatch.DIFFERENT
