"""The sentence and entity of a token, from bounds read once per Doc (no model needed)."""

from __future__ import annotations

import gc

import spacy
from spacy.tokens import Doc, Span

from claimcheck.extract import doc_index as module
from claimcheck.extract.doc_index import doc_index


def _doc() -> Doc:
    words = ["Police", "said", "40", "died", ".", "It", "began", "in", "Aug.", "2013", "."]
    sent_starts = [True, False, False, False, False, True, False, False, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=sent_starts)
    doc.ents = [Span(doc, 2, 3, label="CARDINAL"), Span(doc, 8, 10, label="DATE")]
    return doc


def test_each_token_finds_its_sentence() -> None:
    doc = _doc()
    index = doc_index(doc)
    for token in doc:
        assert index.sentence(token.i) == (token.sent.start, token.sent.end)


def test_each_token_finds_its_entity() -> None:
    doc = _doc()
    index = doc_index(doc)
    assert [index.entity(i) for i in range(len(doc))] == [
        None, None, (2, 3), None, None, None, None, None, (8, 10), (8, 10), None]


def test_a_doc_without_boundaries_is_one_sentence() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["a", "b", "c"])
    assert doc_index(doc).sentence(2) == (0, 3)


def test_the_index_is_kept_per_doc_and_goes_with_it() -> None:
    doc = _doc()
    assert doc_index(doc) is doc_index(doc)
    count = len(module._INDEXES)
    del doc
    gc.collect()
    assert len(module._INDEXES) == count - 1
