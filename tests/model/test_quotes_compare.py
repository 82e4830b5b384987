"""Quotation comparison: normalising, speakers, relations, word diff."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.quotes import (
    QuoteMatch,
    QuoteRelation,
    QuoteThresholds,
    QuoteValue,
    assess_quotes,
    compare_quotes,
    fragment_of,
    match_quotes,
    misattribution_evidence,
    name_words,
    normalise_quote,
    quote_similarity,
    same_speaker,
    sequence_similarity,
    word_diff,
)

PUTIN_000 = ("I would like to express hope that it will be a very serious step on the path "
             "towards solving the Syrian crisis")
PUTIN_004 = ("I would like to voice hope that this will mark a serious step toward the "
             "settlement of the Syrian crisis")
WELCOME_000 = "I believe we should welcome such a decision of the Syrian leadership."
WELCOME_DRAFT = "I believe we must welcome such a decision of the Syrian government."
XI = ("We support the Russian initiative to hand over Syrian chemical weapons under "
      "international control.")
KHURSHID = ("We are encouraged by the current proposal, steered by Russia, that is aimed at "
            "bringing the Syrian chemical stockpile under international control.")


def q(words: str, speaker: str | None = None, partial: bool = False) -> QuoteValue:
    return QuoteValue(quote=words, speaker=speaker, partial=partial)


@pytest.mark.parametrize(("raw", "expected"), [
    ("“Hello,” World!", "hello world"),
    ('"Hello,"   world', "hello world"),
    ("Syria\u2019s  decision", "syria's decision"),
    ("the ‘politics of threats’ now", "the politics of threats now"),
    ("A\nB", "a b"),
])
def test_normalise_quote(raw: str, expected: str) -> None:
    assert normalise_quote(raw) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Vladimir Putin", "Putin", True),
    ("Putin", "Vladimir Putin", True),
    ("Bashar al-Assad", "Assad", True),
    ("Barack Obama", "Michelle Obama", False),
    ("Xi Jinping", "Vladimir Putin", False),
    ("UN", "United Nations", True),
    ("U.S.", "United States", True),
    ("Institute for Fiscal Studies", "IFS", True),
    ("UN", "European Union", False),
    ("Sergey Lavrov", "Sergei Lavrov", True),
    ("Hillary Clinton", "Bill Clinton", False),
    ("Sergei Lavrov and John Kerry", "John Kerry", True),
    # one first name, two last names: a middle name or a surname cannot be told
    ("Ann Delia", "Ann Brook", None),
    (None, "Putin", None),
    ("Putin", "", None),
    # initials written with stops, spaces or neither are one name
    ("T.J. Smith", "TJ Smith", True),
    ("T. J. Smith", "Lt. TJ Smith", True),
    ("J.K. Rowe", "Rowe", True),
    ("T.J. Smith", "T.K. Smith", True),  # the transliteration rule: initial and surname
    ("TJ Smith", "Ann Smith", False),
])
def test_same_speaker(a: str | None, b: str | None, expected: bool | None) -> None:
    assert same_speaker(a, b) is expected


@pytest.mark.parametrize(("name", "words"), [
    ("T.J. Smith", ["tj", "smith"]),
    ("T. J. Smith", ["tj", "smith"]),
    ("TJ Smith", ["tj", "smith"]),
    ("John F. Kerr", ["john", "f", "kerr"]),  # a lone initial stays a word
    ("Ban Ki-moon", ["ban", "ki", "moon"]),
    ("Jo a Lee", ["jo", "a", "lee"]),  # a lower-case word is not an initial
])
def test_name_words_join_initials(name: str, words: list[str]) -> None:
    assert name_words(name) == words


@pytest.mark.parametrize(("a", "b", "expected"), [
    # the seeds: two translations of the same sentence
    (q(PUTIN_000, "Vladimir Putin"), q(PUTIN_004, "Vladimir Putin"), QuoteRelation.VARIANT),
    # the draft example: one changed word and one changed noun
    (q(WELCOME_DRAFT, "Vladimir Putin"), q(WELCOME_000, "Vladimir Putin"),
     QuoteRelation.VARIANT),
    # the draft example: Xi Jinping's words given to Putin
    (q(XI, "Vladimir Putin"), q(XI, "Xi Jinping"), QuoteRelation.MISATTRIBUTED),
    # marks, case and spacing do not matter
    (q("“We  support THE initiative.”", "Putin"), q('"we support the initiative"', "Putin"),
     QuoteRelation.VERBATIM),
    # a fragment of the longer quotation from the same speaker
    (q("serious intentions to follow this path.", "Putin", partial=True),
     q("This shows serious intentions to follow this path, he said", "Vladimir Putin"),
     QuoteRelation.VERBATIM),
    # unrelated quotations of one speaker
    (q(WELCOME_000, "Putin"), q(PUTIN_004, "Putin"), QuoteRelation.UNRELATED),
    # unrelated quotations of two speakers
    (q(XI, "Xi Jinping"), q(KHURSHID, "Salman Khurshid"), QuoteRelation.UNRELATED),
    # similar words from two speakers are not a misattribution
    (q(WELCOME_DRAFT, "Vladimir Putin"), q(WELCOME_000, "Xi Jinping"),
     QuoteRelation.UNRELATED),
    # a short fragment in another speaker's mouth is anyone's words
    (q("the Syrian crisis", "Kerry", partial=True), q(PUTIN_000, "Putin"),
     QuoteRelation.UNRELATED),
    # unknown speaker: judged on the words
    (q(XI), q(XI, "Xi Jinping"), QuoteRelation.VERBATIM),
    (q(WELCOME_DRAFT), q(WELCOME_000, "Putin"), QuoteRelation.VARIANT),
])
def test_compare_quotes(a: QuoteValue, b: QuoteValue, expected: QuoteRelation) -> None:
    assert compare_quotes(a, b) is expected
    assert compare_quotes(b, a) is expected


def inferred(words: str, speaker: str) -> QuoteValue:
    return QuoteValue(quote=words, speaker=speaker, inferred=True)


@pytest.mark.parametrize(("a", "b"), [
    # a speaker found through "he" or "the minister" may be the wrong person
    (inferred(XI, "Vladimir Putin"), q(XI, "Xi Jinping")),
    # a woven fragment is the writer's framing, not the speaker's whole utterance
    (q(XI, "Vladimir Putin", partial=True), q(XI, "Xi Jinping")),
    # four words are anyone's: a reply in an interview, a title
    (q("I answered your question.", "Ann Lee"), q("I answered your question.", "Bo Chen")),
    (q("State of the Union", "Ann Lee"), q("State of the Union.", "Bo Chen")),
])
def test_same_words_under_another_speaker_need_evidence(a: QuoteValue, b: QuoteValue) -> None:
    assert compare_quotes(a, b) is QuoteRelation.UNRELATED
    assert misattribution_evidence(a, b, 5) is not None


def test_assessment_gives_its_reason() -> None:
    found = assess_quotes(q(WELCOME_DRAFT, "Vladimir Putin"), q(WELCOME_000, "Putin"))
    assert found.relation is QuoteRelation.VARIANT and found.same_speaker is True
    assert found.reason == "same speaker; words 83/100 alike"
    partial = assess_quotes(q("to follow this path", "Putin", partial=True),
                            q("serious intentions to follow this path.", None))
    assert partial.reason == "speaker unknown; one quotes part of the other"


def test_thresholds_are_settings() -> None:
    strict = QuoteThresholds(variant=90.0)
    pair = (q(PUTIN_000, "Putin"), q(PUTIN_004, "Putin"))
    assert compare_quotes(*pair, strict) is QuoteRelation.UNRELATED
    forgiving = QuoteThresholds(verbatim=60.0)
    assert compare_quotes(*pair, forgiving) is QuoteRelation.VERBATIM


def test_sequence_similarity_separates_variants_from_unrelated() -> None:
    assert sequence_similarity(PUTIN_000, PUTIN_004) > 60
    assert sequence_similarity(WELCOME_DRAFT, WELCOME_000) > 80
    assert sequence_similarity(XI, KHURSHID) < 45
    assert sequence_similarity(WELCOME_000, PUTIN_004) < 45


def test_word_set_similarity_is_blind_to_order_and_subsets() -> None:
    # why comparisons use the sequence: a scattered subset scores 100 on word sets
    scattered = "we the syrian control"
    assert quote_similarity(scattered, XI) == 100
    assert sequence_similarity(scattered, XI) < 50
    assert match_quotes(PUTIN_000, PUTIN_004) is QuoteMatch.VARIANT


def test_fragment_needs_whole_words() -> None:
    assert fragment_of("follow this path", "to follow this path.")
    assert not fragment_of("low this path", "to follow this path.")


def test_word_diff_shows_changed_words_as_written() -> None:
    assert word_diff(WELCOME_DRAFT, WELCOME_000) == [
        ("equal", "I believe we"), ("delete", "must"), ("insert", "should"),
        ("equal", "welcome such a decision of the Syrian"), ("delete", "government."),
        ("insert", "leadership."),
    ]


def test_word_diff_ignores_marks_and_case() -> None:
    assert word_diff("“We support it,”", '"we support it"') == [("equal", "“We support it,”")]


def test_word_diff_of_empty() -> None:
    assert word_diff("", "") == []
    assert word_diff("", "new words") == [("insert", "new words")]


_text = st.text(st.sampled_from("abc XYZ'’\"“”,.!?-\n\t"), max_size=40) | st.text(max_size=40)
_speaker = st.none() | st.sampled_from(["Putin", "Vladimir Putin", "Xi Jinping", "", "al-Assad",
                                         "UN", "United Nations", "Sergey Putin", "-"])


@given(_text)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_quote(text)
    assert normalise_quote(once) == once


@given(_text, _text, _speaker, _speaker, st.booleans())
def test_compare_is_symmetric_and_total(a: str, b: str, sa: str | None, sb: str | None,
                                        partial: bool) -> None:
    left, right = QuoteValue(quote=a, speaker=sa, partial=partial), QuoteValue(quote=b, speaker=sb)
    relation = compare_quotes(left, right)
    assert relation is compare_quotes(right, left)
    assert relation in QuoteRelation


@given(_text, _text)
def test_similarity_is_bounded_and_symmetric(a: str, b: str) -> None:
    for measure in (quote_similarity, sequence_similarity):
        score = measure(a, b)
        assert 0 <= score <= 100
        assert score == measure(b, a)


@given(_text)
def test_a_quote_is_verbatim_with_itself(text: str) -> None:
    value = QuoteValue(quote=text, speaker="Putin")
    assert compare_quotes(value, value) is QuoteRelation.VERBATIM


@given(_text, _text)
def test_word_diff_rebuilds_both_sides(a: str, b: str) -> None:
    diff = word_diff(a, b)
    assert " ".join(t for op, t in diff if op != "insert").split() == a.split()
    # equal runs are shown as ``a`` wrote them: ``b`` is rebuilt up to marks and case
    rebuilt = " ".join(t for op, t in diff if op != "delete")
    assert normalise_quote(rebuilt) == normalise_quote(b)
