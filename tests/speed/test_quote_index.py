"""The cache's word index of quotes: a warm check reads every cached quote that one of
the draft's could be compared with (``link.meeting_quotes``), and few others."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.cache import ClaimStore
from claimcheck.link import meeting_quotes, quote_words
from claimcheck.model.claims import QuoteClaim
from claimcheck.recheck import _BLOCK, index_source
from claimcheck.sources import Source
from tests.factories import quote_claim

_BY_ID: dict[str, QuoteClaim] = {}  # every quote made here, to name what was read


def _quote(source: str, words: str) -> QuoteClaim:
    claim = quote_claim(source, words)
    _BY_ID[claim.id] = claim
    return claim

# long words (five letters or more) and short ones, so that pairs share none, one or more
WORDS = ("chemical", "weapons", "Syria", "destroyed", "pleased", "steps", "initial",
         "regime", "we", "will", "not", "the", "a", "this", "very")
QUOTE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)
VERSION = "test-version"


def _indexed(store: ClaimStore, texts: list[list[str]]) -> list[str]:
    """Sources of these quotes indexed in ``store``; their keys."""
    keys = []
    for n, quotes in enumerate(texts):
        source = Source(id=f"s{n}", path=f"s{n}", text="")
        claims = [_quote(source.id, words) for words in quotes]
        indexed, blocks, words = index_source(source, claims)
        assert indexed.claims == claims
        key = f"key-{n}"
        store.put_index(key, VERSION, indexed.summary.model_dump_json(), blocks, words)
        keys.append(key)
    return keys


def _read(store: ClaimStore, keys: list[str], drafts: list[QuoteClaim]) -> set[str]:
    probes = [quote_words(q)[1:] for q in drafts]
    found = store.quote_blocks(keys, VERSION, probes)
    assert found is not None
    return {entry.claim.id for payloads in found.values() for payload in payloads
            for entry in _BLOCK.validate_json(payload)}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts=st.lists(QUOTE, min_size=1, max_size=3),
       sources=st.lists(st.lists(QUOTE, min_size=1, max_size=4), min_size=1, max_size=5))
def test_every_quote_a_draft_quote_can_meet_is_read(tmp_path: Path, drafts: list[str],
                                                    sources: list[list[str]]) -> None:
    with ClaimStore(tmp_path / f"c{abs(hash((tuple(drafts), str(sources))))}.sqlite") as store:
        keys = _indexed(store, sources)
        mine = [_quote("draft", words) for words in drafts]
        read = _read(store, keys, mine)
        cached = [_quote(f"s{n}", words) for n, quotes in enumerate(sources)
                  for words in quotes]
    # the index's claims and these are made apart (other ids): compared by what they say
    met = {(q.source, q.value.quote) for q in meeting_quotes([*mine, *cached], "draft")
           if q.source != "draft"}
    assert met <= {(_BY_ID[i].source, _BY_ID[i].value.quote) for i in read}


def test_quotes_sharing_no_long_word_with_the_draft_are_not_read(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "c.sqlite") as store:
        keys = _indexed(store, [["the regime destroyed the weapons", "we are very pleased"],
                                ["initial steps were taken by the regime"],
                                ["nothing of that sort"]])
        read = _read(store, keys, [_quote("draft", "the regime destroyed its weapons")])
    assert {_BY_ID[i].value.quote for i in read} == {"the regime destroyed the weapons"}


def test_a_long_quote_needs_two_shared_words_a_short_one_one(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "c.sqlite") as store:
        keys = _indexed(store, [["the regime said that it will comply"],  # one word: no
                                ["regime change"]])  # short: one word is enough
        read = _read(store, keys, [_quote("draft", "the regime has destroyed weapons")])
    assert {_BY_ID[i].value.quote for i in read} == {"regime change"}


def test_a_draft_quote_of_more_words_than_a_statement_takes_still_finds_its_quotes(
        tmp_path: Path) -> None:
    many = " ".join(f"wordnumber{n}" for n in range(1000))
    with ClaimStore(tmp_path / "c.sqlite") as store:
        keys = _indexed(store, [["wordnumber999 and wordnumber3 were said"],
                                ["wordnumber500 alone was not said here"]])
        read = _read(store, keys, [_quote("draft", many)])
    assert len(read) == 2


def test_keys_not_asked_for_are_not_read(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "c.sqlite") as store:
        keys = _indexed(store, [["the regime destroyed the weapons"]] * 2)
        read = _read(store, keys[:1], [_quote("draft", "the regime destroyed weapons")])
    assert {_BY_ID[i].source for i in read} == {"s0"}
