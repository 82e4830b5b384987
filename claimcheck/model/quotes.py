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
