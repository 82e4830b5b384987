"""Quotes: who said which words, and how two quotations of them compare (DESIGN §3).

Two quotations are compared on their words after normalising quote marks, case,
punctuation and spacing. ``compare_quotes`` measures similarity on the *sequence of
words* (``sequence_similarity``, an Indel ratio over words, 0–100) rather than on
characters or word sets (``quote_similarity``, kept for finding candidates): a changed word
("should" → "must") costs the same wherever it falls, and a short fragment whose words
all occur somewhere in a long quote is not mistaken for it. Measured on the seeds: two
translations of the same Putin sentence score 66.7, the draft's altered sentence 83.3,
and every pair of unrelated quotes 39 or less.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class QuoteValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    # the quoted words, normalised (``normalise_quote``); the claim's ``text`` keeps them
    # as written, for display and ``word_diff``
    quote: str
    speaker: str | None = None  # full name when known, titles stripped
    speaker_text: str | None = None  # the mention as written: "he", "Putin", "a UN statement"
    cue: str | None = None  # reporting verb lemma: "say", "tell"
    partial: bool = False  # a fragment woven into a sentence
    # the speaker was inferred from a pronoun or a role ("he", "the minister"), not named:
    # good enough to agree, too weak to say the words were put in another mouth
    inferred: bool = False
    # how the speaker was found, for the report: "subject of 'told'", "no speaker found"
    attribution: str = ""


class QuoteMatch(StrEnum):
    VERBATIM = "verbatim"
    VARIANT = "variant"
    DIFFERENT = "different"


class QuoteRelation(StrEnum):
    """How two quotations relate, speakers included."""

    VERBATIM = "verbatim"  # same words (or one a fragment of the other), same or unknown speaker
    VARIANT = "variant"  # close words, same or unknown speaker
    MISATTRIBUTED = "misattributed"  # the same words under another speaker
    UNRELATED = "unrelated"


class QuoteThresholds(BaseModel):
    """Thresholds on ``sequence_similarity`` (0–100), set by the quote rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # at or above: the same words. 100 = identical after normalising; lower it only to
    # forgive typos, since one changed word in a 20-word quote already scores 95
    verbatim: float = Field(default=100.0, ge=0, le=100)
    # at or above: the same statement in other words (translations score 60–85)
    variant: float = Field(default=55.0, ge=0, le=100)
    # at or above, with different speakers: the words were put in the wrong mouth
    misattributed: float = Field(default=90.0, ge=0, le=100)
    # the same words under another speaker count as misattributed only when both
    # quotations have at least this many words ("the Syrian crisis" is anyone's words)
    misattributed_min_words: int = Field(default=5, ge=1)


_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                              "\u00ab": '"', "\u00bb": '"', "\u201e": '"', "\u201a": "'",
                              "\u2032": "'", "\u2033": '"'})
_NON_WORD = re.compile(r"[^\w\s']")
_EDGE_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=16_384)  # pairwise comparisons normalise the same quotes again and again
def normalise_quote(text: str) -> str:
    """Case, quote marks, punctuation and spacing folded, so only words are compared.

    Apostrophes inside words stay ("Syria's"); single marks used as inner quotation
    marks are dropped.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    text = _EDGE_APOSTROPHE.sub(" ", _NON_WORD.sub(" ", text))
    return " ".join(text.split())


def name_words(name: str) -> list[str]:
    """The words of a name, compared: case and marks folded, and initials joined, since
    "T.J. Smith", "T. J. Smith" and "TJ Smith" are one way of writing one name."""
    words = normalise_quote(name.replace("-", " ")).split()
    if not any(len(word) == 1 for word in words):
        return words
    joined: list[str] = []
    run = ""
    for word, written in zip(words, _written_words(name, len(words)), strict=True):
        if len(word) == 1 and written:
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    return joined


def _written_words(name: str, count: int) -> list[bool]:
    """For each word of a name, whether it was written as an initial ("T." or a lone
    capital), so a lone lower-case word ("a") is never taken for one."""
    pieces = [p for p in re.split(r"[\s\-]+|(?<=\.)(?=\w)", name) if normalise_quote(p)]
    flags = [bool(re.fullmatch(r"[A-Z]\.?", p.strip(",;"))) for p in pieces]
    return flags if len(flags) == count else [True] * count



_NAME_FILLERS = frozenset({"of", "the", "for", "and"})


@lru_cache(maxsize=16_384)  # read again for every pair of speakers
def _acronym(name: str) -> str | None:
    """"UN", "U.N." → "un"; None when the name is not written as an acronym."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.lower() if 1 < len(letters) <= 6 and letters.isupper() else None


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in _NAME_FILLERS)


@lru_cache(maxsize=16_384)  # a slot's speakers are each compared with all the others
def _compared_name(name: str) -> tuple[str, ...]:
    return tuple(name_words(name))


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both speakers are known and tell, None otherwise.

    A short form matches the full name when all its words are in it ("Putin" is
    "Vladimir Putin", "Assad" is "Bashar al-Assad"); an acronym matches the initials
    ("UN" is "United Nations"); a transliteration keeps the surname and the initial
    ("Sergey Lavrov" is "Sergei Lavrov"). "Barack Obama" is not "Michelle Obama". Names
    that share a first word but end differently ("Ann Lee", "Ann Lee Smith" written
    "Ann Smith") may be one person under a middle name: they do not tell (None).
    """
    if not a or not b:
        return None
    left, right = _compared_name(a), _compared_name(b)
    if not left or not right:
        return None
    shorter, longer = sorted((left, right), key=len)
    if set(shorter) <= set(longer):
        return True
    for short, full in ((a, right), (b, left)):
        acronym = _acronym(short)
        if acronym is not None and acronym == _initials(full):
            return True
    if (len(left) > 1 and len(right) > 1 and left[-1] == right[-1]
            and left[0][0] == right[0][0] and len(left) == len(right)):
        return True
    if len(left) > 1 and len(right) > 1 and left[0] == right[0] and left[-1] != right[-1]:
        return None
    return False


@lru_cache(maxsize=16_384)  # every pair of a slot's quotations counts both again
def _word_count(text: str) -> int:
    return len(normalise_quote(text).split())


def misattribution_evidence(a: QuoteValue, b: QuoteValue, min_words: int) -> str | None:
    """Why two quotations cannot show the words went to the wrong speaker, or None.

    Saying that sources give the same words to different people needs both speakers
    named (a pronoun or a role may resolve to the wrong person), whole quotations (a
    woven fragment is the writer's framing), and enough words to be one utterance rather
    than anyone's phrase ("I don't know.", "Polls.", a title such as "State of the
    Union").
    """
    if a.inferred or b.inferred:
        return "a speaker is inferred, not named"
    if a.partial or b.partial:
        return "a fragment woven into a sentence"
    if min(_word_count(a.quote), _word_count(b.quote)) < min_words:
        return f"fewer than {min_words} words"
    return None


def quote_similarity(a: str, b: str) -> float:
    """0–100: how alike two quotations' word *sets* are, word order and repeats aside.

    Good for finding candidates (linking); 100 whenever one side's words are a subset of
    the other's, so ``compare_quotes`` judges on ``sequence_similarity`` instead.
    """
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(normalise_quote(a), normalise_quote(b)))


def sequence_similarity(a: str, b: str) -> float:
    """0–100: how alike two quotations are as sequences of normalised words."""
    from rapidfuzz import fuzz

    left, right = normalise_quote(a).split(), normalise_quote(b).split()
    if not left and not right:
        return 100.0
    return float(fuzz.ratio(left, right))


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def fragment_of(a: str, b: str) -> bool:
    """Whether one quotation's words run unbroken inside the other's (or are equal)."""
    left, right = normalise_quote(a), normalise_quote(b)
    return _contains(left, right) or _contains(right, left)


def match_quotes(a: str, b: str, variant_threshold: float = 70.0) -> QuoteMatch:
    """Verbatim when equal after normalising (or one contains the other), else by word-set
    similarity (``quote_similarity``). ``compare_quotes`` is the stricter judgement."""
    if fragment_of(a, b):
        return QuoteMatch.VERBATIM
    if quote_similarity(a, b) >= variant_threshold:
        return QuoteMatch.VARIANT
    return QuoteMatch.DIFFERENT


class QuoteComparison(BaseModel):
    """A relation with the figures it rests on, for a finding's one-line reason."""

    model_config = ConfigDict(frozen=True)

    relation: QuoteRelation
    similarity: float  # ``sequence_similarity`` of the words, 0–100
    fragment: bool  # one quotation's words run unbroken inside the other's
    same_speaker: bool | None  # None when a speaker is unknown

    @property
    def reason(self) -> str:
        speakers = {True: "same speaker", False: "different speakers",
                    None: "speaker unknown"}[self.same_speaker]
        words = "one quotes part of the other" if self.fragment else \
            f"words {self.similarity:.0f}/100 alike"
        return f"{speakers}; {words}"


def assess_quotes(a: QuoteValue, b: QuoteValue,
                  thresholds: QuoteThresholds | None = None) -> QuoteComparison:
    """How two quotations relate, and why; symmetric in ``a`` and ``b``.

    Same (or unknown) speaker: verbatim when the words are the same or one quotation is
    a fragment of the other, variant when close. Different speakers: misattributed only
    when the words are (nearly) the same, since two people may well say similar things,
    and only on the evidence ``misattribution_evidence`` asks for.
    """
    limits = thresholds or QuoteThresholds()
    similarity = sequence_similarity(a.quote, b.quote)
    contained = fragment_of(a.quote, b.quote)
    speakers = same_speaker(a.speaker, b.speaker)
    relation = QuoteRelation.UNRELATED
    if speakers is False:
        if (similarity >= limits.misattributed or contained) and misattribution_evidence(
                a, b, limits.misattributed_min_words) is None:
            relation = QuoteRelation.MISATTRIBUTED
    elif contained or similarity >= limits.verbatim:
        relation = QuoteRelation.VERBATIM
    elif similarity >= limits.variant:
        relation = QuoteRelation.VARIANT
    return QuoteComparison(relation=relation, similarity=similarity, fragment=contained,
                           same_speaker=speakers)


def compare_quotes(a: QuoteValue, b: QuoteValue,
                   thresholds: QuoteThresholds | None = None) -> QuoteRelation:
    """How two quotations relate (see ``assess_quotes``); symmetric in ``a`` and ``b``."""
    return assess_quotes(a, b, thresholds).relation


DiffOp = Literal["equal", "insert", "delete"]


def word_diff(a: str, b: str) -> list[tuple[DiffOp, str]]:
    """Word-level diff from ``a`` to ``b`` for the report, in the words as written.

    Words are matched on their normalised form, so a changed quote mark or capital is not
    shown as an edit; runs of the same operation are joined with single spaces.
    """
    left, right = a.split(), b.split()
    matcher = difflib.SequenceMatcher(
        None, [normalise_quote(w) for w in left], [normalise_quote(w) for w in right],
        autojunk=False)
    out: list[tuple[DiffOp, str]] = []

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
