"""Long texts are parsed in parts and endless sentences are cut before the parser, with
the text's own offsets; ordinary text parses exactly as one Doc would."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from claimcheck.nlp import parse
from claimcheck.nlp.parse import cap_sentences, parse_texts, split_parts
from claimcheck.sources import PARSER_CHARS, load_sources

PARAGRAPH = ("At least {n} people were killed on Friday in clashes near Damascus, officials "
             "said, and more than 1,200 were injured in the fighting that began on Aug. 21.\n\n")


def _news_dir() -> Path | None:
    configured = os.environ.get("CLAIMCHECK_NEWS_DIR")
    if configured:
        return Path(configured) if Path(configured).is_dir() else None
    return next((folder / "shared" / "news" for folder in Path(__file__).resolve().parents
                 if (folder / "shared" / "news").is_dir()), None)


def test_parts_join_back_into_the_text_and_are_cut_at_paragraph_breaks() -> None:
    text = "".join(PARAGRAPH.format(n=n) for n in range(400))
    parts = split_parts(text, 5_000)
    assert "".join(parts) == text and len(parts) > 1
    assert all(len(part) <= 5_000 and part.endswith("\n\n") for part in parts[:-1])


def test_a_stretch_without_breaks_is_still_cut_at_the_limit() -> None:
    text = "x" * 12_345
    parts = split_parts(text, 5_000)
    assert "".join(parts) == text and [len(p) for p in parts] == [5_000, 5_000, 2_345]
    assert split_parts("short", 5_000) == ["short"]


def test_a_run_without_full_stops_gets_sentence_starts_and_prose_none() -> None:
    import spacy

    blank = spacy.blank("en")
    listed = cap_sentences(blank.make_doc(", ".join(str(n) for n in range(3_000))), 100)
    starts = [token.i for token in listed[1:] if token.is_sent_start]
    assert starts and all(b - a <= 100 for a, b in zip([0, *starts], [*starts, len(listed)],
                                                        strict=True))
    assert all(listed[i - 1].text == "," for i in starts)  # cut after a comma
    prose = cap_sentences(blank.make_doc("".join(PARAGRAPH.format(n=n) for n in range(50))))
    assert not any(token.is_sent_start for token in prose[1:])


def test_an_article_over_the_parsers_limit_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    text = "".join(PARAGRAPH.format(n=n) for n in range(PARSER_CHARS // len(PARAGRAPH) + 50))
    path.write_text(text, encoding="utf-8")
    warnings: list[Any] = []
    (source,) = load_sources([path], warn=warnings.append)
    assert source.text == text
    assert [w.code for w in warnings] == ["CC108"] and "parsed in parts" in warnings[0].message


@pytest.mark.model
def test_a_doc_in_parts_has_the_texts_characters_past_the_parsers_limit(
        nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "PART_CHARS", 3_000)
    monkeypatch.setattr(nlp, "max_length", 4_000)  # E088 past it, as at 1,000,000
    text = "".join(PARAGRAPH.format(n=n) for n in range(60))
    (doc, short) = parse_texts(nlp, [text, "Two died."])
    assert short.text == "Two died."
    assert doc.text == text and len(text) > nlp.max_length
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in nlp.tokenizer(text)]
    assert {ent.text for ent in doc.ents} >= {"Damascus", "Friday"}


@pytest.mark.model
def test_number_lists_reach_the_parser_in_sentences_of_bounded_length(nlp: Any) -> None:
    text = ", ".join(str(12 + 2 * n) for n in range(4_000))
    (doc,) = parse_texts(nlp, [text])
    assert max(len(sentence) for sentence in doc.sents) <= parse.MAX_SENTENCE_TOKENS


def _real_articles(count: int) -> list[str]:
    news = _news_dir()
    if news is None or not (news / "multinews_dev.jsonl").is_file():
        pytest.skip("no real news beside the project")
    texts: list[str] = []
    with (news / "multinews_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for article in record.get("documents") or []:
                body = article.get("text") if isinstance(article, dict) else article
                if isinstance(body, str) and len(body) > 2_000:
                    texts.append(body)
            if len(texts) >= count:
                break
    if len(texts) < count:
        pytest.skip("too few real articles")
    return texts[:count]


@pytest.mark.model
def test_real_articles_joined_and_parsed_in_parts_give_the_same_annotations(
        nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts cut at paragraph breaks change nothing the finders read: real articles, one
    long text, parsed whole and in parts of a few thousand characters."""
    text = "\n\n".join(_real_articles(6))
    whole = nlp(text)
    monkeypatch.setattr(parse, "PART_CHARS", 4_000)
    (parted,) = parse_texts(nlp, [text])
    assert parted.text == text

    def annotations(doc: Any) -> list[tuple[Any, ...]]:
        return [(t.idx, t.ent_type_, t.ent_iob_, t.pos_, t.dep_, t.head.i) for t in doc]

    same = sum(a == b for a, b in zip(annotations(whole), annotations(parted), strict=True))
    assert same / len(whole) > 0.995


def test_batches_of_parts_hold_a_bounded_number_of_characters() -> None:
    lengths = [60_000, 60_000, 30_000, 10_000, 150_000, 5]
    batches = list(parse._batches(((n, n) for n in lengths), 16, 100_000))
    assert batches == [[60_000], [60_000, 30_000, 10_000], [150_000], [5]]
    assert list(parse._batches(((n, n) for n in [1] * 5), 2, 100_000)) == [[1, 1], [1, 1], [1]]
