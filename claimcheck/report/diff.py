"""Word-level diffs of quotations for the report, as (operation, words) runs."""

from __future__ import annotations

import difflib
from typing import Literal

from claimcheck.model import quotes

DiffOp = Literal["equal", "delete", "insert"]


def words_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Runs of equal, deleted (only in ``a``) and inserted (only in ``b``) words.

    Uses the quote model's ``word_diff`` when it exists, so the report shows the same
    diff the rules judged; otherwise a plain difflib diff on case-folded words.
    """
    model_diff = getattr(quotes, "word_diff", None)
    if callable(model_diff):
        return [(str(op), str(words)) for op, words in model_diff(a, b)]
    return _difflib_words(a, b)


def _difflib_words(a: str, b: str) -> list[tuple[str, str]]:
    left, right = a.split(), b.split()
    matcher = difflib.SequenceMatcher(None, [_fold(w) for w in left], [_fold(w) for w in right],
                                      autojunk=False)
    out: list[tuple[str, str]] = []

    def emit(op: DiffOp, words: list[str]) -> None:
        if not words:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, f"{out[-1][1]} {' '.join(words)}")
        else:
            out.append((op, " ".join(words)))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            emit("equal", left[i1:i2])
        else:
            emit("delete", left[i1:i2])
            emit("insert", right[j1:j2])
    return out


def _fold(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalnum() or ch == "'")
