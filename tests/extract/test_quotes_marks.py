"""Finding quotation marks and quoted sentences in plain text (no model)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.quote_marks import find_quoted_spans, paragraphs, split_sentences


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "one thing" and “another thing” and «a third».'
    assert quoted(text) == ["one thing", "another thing", "a third"]


def test_span_excludes_the_marks() -> None:
    text = 'Lavrov said, "We agree."'
    (span,) = find_quoted_spans(text)
    assert text[span.open_mark] == '"' and text[span.close_mark or 0] == '"'
    assert text[span.start:span.end] == "We agree."


def test_quote_spanning_sentences_is_one_span() -> None:
    text = '"We came. We saw," she said.'
    assert quoted(text) == ["We came. We saw,"]


def test_nested_single_marks_stay_inside() -> None:
    text = 'He said: "They call it \'the plan\', and we agree."'
    assert quoted(text) == ["They call it 'the plan', and we agree."]


def test_mismatched_shapes_pair_in_order() -> None:
    # a straight opening closed by an opening curly mark, as in real copy
    text = '"We are concerned, “the minister said. Later: "All is well."'
    assert quoted(text) == ["We are concerned,", "All is well."]


def test_stray_mark_does_not_derail_the_next_paragraph() -> None:
    text = 'A stray " mark here.\nShe said: "Fine words."\n"More words," he said.'
    assert quoted(text)[-2:] == ["Fine words.", "More words,"]


def test_unclosed_paragraph_continues_in_the_next() -> None:
    text = ('He said: "The first paragraph of the quote.\n\n'
            '"The second paragraph ends it," he added.\n\nNo quote here.')
    first, second = find_quoted_spans(text)
    assert text[first.start:first.end] == "The first paragraph of the quote."
    assert first.close_mark is None and first.continues and not first.continued
    assert text[second.start:second.end] == "The second paragraph ends it,"
    assert second.continued and not second.continues


def test_unclosed_paragraph_without_continuation_runs_to_its_end() -> None:
    text = 'He said: "An unclosed quote.\nNext paragraph.'
    (span,) = find_quoted_spans(text)
    assert text[span.start:span.end] == "An unclosed quote."
    assert not span.continues


def test_inch_sign_is_not_a_quote_mark() -> None:
    assert quoted('A 12" pipe and a "real quote" here.') == ["real quote"]


def test_british_single_marks_but_not_apostrophes() -> None:
    assert quoted("She called it ‘a grave mistake’ on Syria’s plan.") == ["a grave mistake"]
    assert quoted("Syria’s plan and the rebels’ reply.") == []


def test_paragraphs_by_blank_lines_else_by_lines() -> None:
    assert paragraphs("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraphs("a\nb") == [(0, 1), (2, 3)]


def test_split_sentences_keeps_stops_and_drops_handover_comma() -> None:
    text = "I believe we should welcome it. I hope it will be a serious step,"
    pieces = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert pieces == ["I believe we should welcome it.", "I hope it will be a serious step"]


def test_split_sentences_respects_abbreviations() -> None:
    text = "The U.S. Secretary met Mr. Lavrov on Sept. 28 in Geneva. Then they spoke."
    pieces = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert pieces == ["The U.S. Secretary met Mr. Lavrov on Sept. 28 in Geneva.",
                      "Then they spoke."]


def test_split_sentences_of_question_and_exclamation() -> None:
    text = "Why now? Because we must! It is time."
    assert len(split_sentences(text, 0, len(text))) == 3


@given(st.text(st.sampled_from('ab "“”‘’\'.,\n'), max_size=60))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    last = -1
    for span in find_quoted_spans(text):
        assert 0 <= span.open_mark < span.start < span.end <= len(text)
        assert span.open_mark > last
        last = span.end
        for start, end in split_sentences(text, span.start, span.end):
            assert span.start <= start < end <= span.end
