"""Word-level diffs of quotations for the report, as (operation, words) runs."""

from __future__ import annotations

from claimcheck.model.quotes import word_diff


def words_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Runs of equal, deleted (only in ``a``) and inserted (only in ``b``) words: the
    quote model's own diff, so the report shows what the rules judged."""
    return [(str(op), str(words)) for op, words in word_diff(a, b)]
