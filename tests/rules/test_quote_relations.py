"""Quote groups skip the pairs that cannot relate, and say exactly what relating every pair says.

The reference is the pairwise loop: ``relate`` for every pair of classes, read as it
was before pairs were skipped. The laws: a pair the quote rule's ``class_relations``
answers None for relates by ``Relation.NONE``, any other answer is ``relate``'s, and a
group's findings are the same bytes either way, whatever the thresholds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model.claims import About, ClaimBase, QuoteClaim
from claimcheck.model.findings import ClaimGroup, Finding, Verdict
from claimcheck.model.quotes import (
    QuoteMatch,
    match_quotes,
    misattribution_evidence,
    normalise_quote,
    quote_similarity,
    same_speaker,
)
from claimcheck.rules import load_ruleset
from claimcheck.rules.engine import evaluate_compare
from claimcheck.rules.kinds import AgreementRule
from claimcheck.rules.kinds.agreement import Related
from claimcheck.rules.kinds.base import Relation
from claimcheck.rules.kinds.quote import QuoteFidelity

RULESET = load_ruleset()
RULE = next(r for r in RULESET.rules if isinstance(r, QuoteFidelity))

SENTENCES = (
    "we will not allow the chemical weapons to be used again in syria",
    "the talks in geneva were constructive and we expect progress soon",
    "nobody should doubt our resolve to defend the country",
    "polls",
)
# close names, initials, acronyms, a shared first name and unknown speakers
SPEAKERS = (None, "", "Vladimir Putin", "Putin", "V. Putin", "Sergei Lavrov",
            "Sergey Lavrov", "United Nations", "UN", "Ann Lee", "Ann Smith",
            "Barack Obama", "Michelle Obama", "he")


def _variant(draw: st.DrawFn) -> str:
    """A sentence as a source quotes it: whole, cut, with words dropped, swapped or
    misspelt (misspelt words share no word with the original yet score close)."""
    words = draw(st.sampled_from(SENTENCES)).split()
    edits = draw(st.lists(st.tuples(st.sampled_from("cdsmx"), st.integers(0, 30)),
                          max_size=3))
    for op, at in edits:
        if not words:
            break
        k = at % len(words)
        if op == "c":
            words = words[k:] or words
        elif op == "d" and len(words) > 1:
            del words[k]
        elif op == "s":
            words[k] = draw(st.sampled_from(("must", "shall", "never", "again", "the")))
        elif op == "m":
            words = [w[:-1] + w[-1] * 2 if len(w) > 2 else w for w in words]
        else:
            words[k], words[-1] = words[-1], words[k]
    return " ".join(words)


@st.composite
def quotes(draw: st.DrawFn, n: int) -> QuoteClaim:
    words = _variant(draw)
    source = draw(st.sampled_from(("s1", "s2", "s3", "s4", "s5")))
    return QuoteClaim(
        id=f"{source}-q{n}", source=source, text=words, start=n, end=n + len(words),
        line=1, column=n + 1, sentence=words, sentence_start=n,
        about=About(attribute="quote", slot="words"),
        value={"quote": normalise_quote(words), "speaker": draw(st.sampled_from(SPEAKERS)),
               "speaker_text": draw(st.sampled_from((None, "he", "the minister"))),
               "partial": draw(st.booleans()), "inferred": draw(st.booleans())})


@st.composite
def groups(draw: st.DrawFn) -> list[ClaimBase]:
    count = draw(st.integers(2, 40))
    return [draw(quotes(n)) for n in range(count)]


rules = st.builds(
    lambda vt, mt, mw: RULE.model_copy(update={
        "variant_threshold": vt, "misattribution_threshold": mt,
        "misattribution_min_words": mw}),
    st.sampled_from((0.0, 55.0, 70.0, 95.0, 100.0)),
    st.sampled_from((0.0, 60.0, 90.0, 100.0)), st.integers(1, 8)) | st.just(RULE)


def _literal_relate(rule: QuoteFidelity, a: ClaimBase, b: ClaimBase) -> Related:
    """``relate`` as first written: every figure computed, for every pair."""
    assert isinstance(a, QuoteClaim) and isinstance(b, QuoteClaim)
    left, right = a.value, b.value
    words = match_quotes(left.quote, right.quote, rule.variant_threshold)
    score = quote_similarity(left.quote, right.quote)
    speakers = same_speaker(left.speaker, right.speaker)
    reason = (f"{words.value} words ({score:.0f}/100), {left.speaker or 'unknown speaker'} / "
              f"{right.speaker or 'unknown speaker'}")
    if speakers is True and words is QuoteMatch.VERBATIM:
        return Relation.AGREE, reason
    if speakers is True and words is QuoteMatch.VARIANT:
        return Relation.VARIANT, reason
    if speakers is False and misattribution_evidence(
            left, right, rule.misattribution_min_words) is None and (
            words is QuoteMatch.VERBATIM or score >= rule.misattribution_threshold):
        return Relation.CONTRADICT, reason
    return Relation.NONE, reason


@contextmanager
def pairwise() -> Iterator[None]:
    """The quote rule as the pairwise loop: the literal ``relate`` for every pair."""
    with mock.patch.object(QuoteFidelity, "class_relations", AgreementRule.class_relations), \
            mock.patch.object(QuoteFidelity, "relate", _literal_relate):
        yield


def _group(claims: list[ClaimBase]) -> ClaimGroup:
    return ClaimGroup(id="g-quote", kind="quote", slot="words of the minister",
                      claims=tuple(c.id for c in claims), why="test")


def _dumped(findings: list[Finding]) -> list[str]:
    return [f.model_dump_json() for f in findings]


@settings(max_examples=150, deadline=None)
@given(rules, groups())
def test_a_skipped_pair_relates_by_none_and_others_as_relate_says(
        rule: QuoteFidelity, claims: list[ClaimBase]) -> None:
    relation = rule.class_relations(claims)
    for i, a in enumerate(claims):
        for j, b in enumerate(claims):
            expected = _literal_relate(rule, a, b)
            got = relation(i, j)
            assert got == (None if expected[0] is Relation.NONE else expected)


@settings(max_examples=150, deadline=None)
@given(rules, groups())
def test_findings_are_those_of_the_pairwise_loop(rule: QuoteFidelity,
                                                 claims: list[ClaimBase]) -> None:
    fast = _dumped(rule.compare_group(_group(claims), claims))
    with pairwise():
        literal = _dumped(rule.compare_group(_group(claims), claims))
    assert fast == literal


@settings(max_examples=40, deadline=None)
@given(groups())
def test_the_engine_reports_the_same_bytes(claims: list[ClaimBase]) -> None:
    by_id = {c.id: c for c in claims}
    fast = _dumped(evaluate_compare([_group(claims)], by_id, RULESET))
    with pairwise():
        literal = _dumped(evaluate_compare([_group(claims)], by_id, RULESET))
    assert fast == literal


def test_many_variants_of_one_speaker_and_others_words() -> None:
    """A slot quoted by a hundred sources: variants, a misattribution, unknown speakers."""
    words = SENTENCES[0].split()
    claims: list[ClaimBase] = []
    for n in range(100):
        quote = " ".join(words[: 6 + n % 7]) if n % 5 else " ".join(reversed(words))
        speaker = ("Vladimir Putin", "Putin", None, "Sergei Lavrov")[n % 4]
        claims.append(QuoteClaim(
            id=f"s{n}-q", source=f"s{n}", text=quote, start=0, end=len(quote), line=1,
            column=1, sentence=quote, sentence_start=0,
            about=About(attribute="quote", slot="words"),
            value={"quote": quote, "speaker": speaker}))
    fast = RULE.compare_group(_group(claims), claims)
    with pairwise():
        literal = RULE.compare_group(_group(claims), claims)
    assert _dumped(fast) == _dumped(literal)
    assert {f.verdict for f in fast} == {Verdict.CONTRADICT, Verdict.QUOTE_VARIANT}
