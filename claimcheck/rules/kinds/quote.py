"""Quote fidelity: who said which words, across sources.

Quote groups hold quotations of similar words whatever the speaker. The same speaker
with the same words agrees; with close but different words it is a variant (compare) or
an altered quote (check); the same words from another known speaker are misattributed.
An unknown speaker (an unresolved "he") never makes a quote misattributed, nor does a
speaker only inferred, a woven fragment or a phrase too short to be one utterance
(``misattribution_evidence``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import lru_cache
from typing import ClassVar, Literal

from pydantic import Field

from claimcheck.model.claims import ClaimBase, QuoteClaim
from claimcheck.model.findings import Verdict
from claimcheck.model.quotes import (
    QuoteMatch,
    QuoteValue,
    match_quotes,
    misattribution_evidence,
    quote_similarity,
    same_speaker,
)
from claimcheck.rules.kinds.agreement import AgreementRule, Judged, PairRelation, Related
from claimcheck.rules.kinds.base import COMMON_PLACEHOLDERS, Outcome, Relation


class QuoteFidelity(AgreementRule):
    kind: Literal["quote_fidelity"]
    variant_threshold: float = Field(default=70.0, ge=0, le=100)  # same speaker: a variant
    misattribution_threshold: float = Field(default=90.0, ge=0, le=100)  # other speaker
    # the same words under another speaker need this many words on both sides
    misattribution_min_words: int = Field(default=5, ge=1)

    CLAIM_KINDS: ClassVar[tuple[str, ...]] = ("quote",)
    VERDICTS: ClassVar[tuple[Verdict, ...]] = (
        Verdict.AGREE, Verdict.QUOTE_VARIANT, Verdict.CONTRADICT, Verdict.SUPPORTED,
        Verdict.QUOTE_ALTERED, Verdict.QUOTE_MISATTRIBUTED, Verdict.UNSUPPORTED,
    )
    PRIMARY: ClassVar[Verdict] = Verdict.QUOTE_ALTERED
    PLACEHOLDERS: ClassVar[frozenset[str]] = COMMON_PLACEHOLDERS | {"speaker", "evidence_speaker"}

    def _pair(self, a: QuoteClaim, b: QuoteClaim) -> tuple[QuoteMatch, bool | None, str]:
        words, _, described = _words(a.value.quote, b.value.quote, self.variant_threshold)
        speakers = _same_speaker(a.value.speaker, b.value.speaker)
        who = (f"{a.value.speaker or 'unknown speaker'} / {b.value.speaker or 'unknown speaker'}")
        return words, speakers, f"{described}, {who}"

    def relation_key(self, claim: ClaimBase) -> Hashable:
        """The words, the speaker and how the speaker and the words were found: all
        that ``relate`` reads (not how the speaker was written, nor the cue)."""
        assert isinstance(claim, QuoteClaim)
        value = claim.value
        return (value.quote, value.speaker, value.partial, value.inferred)

    def relate(self, a: ClaimBase, b: ClaimBase) -> Related:
        """Called for every pair of a slot's distinct quotations (tens of thousands in a
        slot quoted by hundreds of sources): each piece is read once."""
        assert isinstance(a, QuoteClaim) and isinstance(b, QuoteClaim)
        left, right = a.value, b.value
        words, score, described = _words(left.quote, right.quote, self.variant_threshold)
        speakers = _same_speaker(left.speaker, right.speaker)
        evidenced = speakers is False and misattribution_evidence(
            left, right, self.misattribution_min_words) is None
        return (self._relation(words, score, speakers, evidenced),
                _reason(described, left, right))

    def class_relations(self, representatives: Sequence[ClaimBase]) -> PairRelation:
        """``relate`` for a slot's classes, reading each class once: most pairs of a slot
        quoted by hundreds of sources cannot relate (a speaker unknown, or a fragment
        beside another speaker), and those answer None before a reason is written."""
        values = [_value(c) for c in representatives]
        # misattribution_evidence reads each side alone: a pair has none when neither has
        eligible = [misattribution_evidence(v, v, self.misattribution_min_words) is None
                    for v in values]

        def relation(i: int, j: int) -> Related | None:
            left, right = values[i], values[j]
            words, score, described = _words(left.quote, right.quote, self.variant_threshold)
            evidenced = eligible[i] and eligible[j]
            if not self._may_relate(words, score, evidenced):
                return None
            found = self._relation(words, score, _same_speaker(left.speaker, right.speaker),
                                   evidenced)
            return None if found is Relation.NONE else (found, _reason(described, left, right))

        return relation

    def _relation(self, words: QuoteMatch, score: float, speakers: bool | None,
                  evidenced: bool) -> Relation:
        """The same speaker's words agree or vary; the same words from another named
        speaker contradict, when ``misattribution_evidence`` allows (``evidenced``)."""
        if speakers is True and words is QuoteMatch.VERBATIM:
            return Relation.AGREE
        if speakers is True and words is QuoteMatch.VARIANT:
            return Relation.VARIANT
        if speakers is False and evidenced and (
                words is QuoteMatch.VERBATIM or score >= self.misattribution_threshold):
            return Relation.CONTRADICT
        return Relation.NONE

    def _may_relate(self, words: QuoteMatch, score: float, evidenced: bool) -> bool:
        """Whether ``_relation`` can be other than NONE whatever the speakers, so
        speakers are compared only then."""
        return words is not QuoteMatch.DIFFERENT or (
            evidenced and score >= self.misattribution_threshold)

    def _misattributed(self, a: QuoteClaim, b: QuoteClaim, words: QuoteMatch,
                       score: float | None = None) -> bool:
        """``_relation``'s contradiction of two named speakers, for a check's judge."""
        if score is None:
            score = _words(a.value.quote, b.value.quote, self.variant_threshold)[1]
        evidenced = misattribution_evidence(a.value, b.value,
                                            self.misattribution_min_words) is None
        return self._relation(words, score, False, evidenced) is Relation.CONTRADICT

    def judge(self, claim: ClaimBase, evidence: ClaimBase) -> Judged:
        assert isinstance(claim, QuoteClaim) and isinstance(evidence, QuoteClaim)
        words, speakers, reason = self._pair(claim, evidence)
        if words is QuoteMatch.VERBATIM and speakers is not False:
            return Outcome.SUPPORTS, reason
        if speakers is True and words is QuoteMatch.VARIANT:
            return Outcome.ALTERED, reason
        if speakers is False and self._misattributed(claim, evidence, words):
            return Outcome.MISATTRIBUTED, reason
        return Outcome.NONE, reason

    def placeholder_values(self, claims: Sequence[ClaimBase]) -> dict[str, str]:
        first = claims[0]
        speaker = first.value.speaker if isinstance(first, QuoteClaim) else None
        others = sorted({c.value.speaker for c in claims[1:]
                         if isinstance(c, QuoteClaim) and c.value.speaker})
        return {"speaker": speaker or "an unknown speaker",
                "evidence_speaker": " / ".join(others) or "an unknown speaker"}


# A slot quoted by hundreds of sources pairs the same few quotations and speakers again
# and again (its classes differ by speaker, or by how the speaker was written): each pair
# of words and each pair of speakers is compared once.
@lru_cache(maxsize=65_536)
def _words(a: str, b: str, variant_threshold: float) -> tuple[QuoteMatch, float, str]:
    """How two quotations' words match, their similarity, and both as the reason says."""
    words, score = match_quotes(a, b, variant_threshold), quote_similarity(a, b)
    return words, score, f"{words.value} words ({score:.0f}/100)"


def _value(claim: ClaimBase) -> QuoteValue:
    assert isinstance(claim, QuoteClaim)
    return claim.value


def _reason(described: str, left: QuoteValue, right: QuoteValue) -> str:
    return (f"{described}, {left.speaker or 'unknown speaker'} / "
            f"{right.speaker or 'unknown speaker'}")


@lru_cache(maxsize=262_144)  # a slot quoted from hundreds of speakers' names
def _same_speaker(a: str | None, b: str | None) -> bool | None:
    return same_speaker(a, b)
