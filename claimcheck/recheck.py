"""A re-check that reads only what the draft can meet.

The claims cache keeps, beside each source's claims, an index made from them alone: the
source's story summary (``main_event.SourceStory``) and its claims split by candidate
block (``matching.candidate_key``; each quote in a block of its own, listed under each of
its long words; a claim the story may place at another event also in its
``matching.past_key`` block), each as grouping reads it (events merged within the
source, page furniture left out) with the claim as extracted. A warm ``check`` then
reads every source's summary, which is small, only the blocks that hold one of the
draft's claims, and only the quotes that share enough long words with one of the
draft's to be compared with it (``link.words_may_meet``): grouping compares claims only
within a block and quotes only with quotes, and the story combined from the summaries
is the story of every claim, so the groups, findings and report are those of a check
reading every claim (``--no-cache``), which groups in these blocks only the claims, and
of the quotes only those, that can meet one of the draft's (``link.meeting``,
``link.meeting_quotes``).

A source that is not indexed yet (new, or indexed by other code) is read whole, as
before, and indexed on the way; a stored claim that no longer fits its source's text is
not used, and the source is read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from claimcheck import parallel
from claimcheck.budget import TimeBudget
from claimcheck.cache import ClaimStore, cache_key, context_key
from claimcheck.gcpause import freeze_long_lived, paused_gc
from claimcheck.link import linkable, quote_words
from claimcheck.main_event import (
    MayBePast,
    SourceStory,
    Story,
    combine_stories,
    summarise_source,
)
from claimcheck.matching import candidate_key, past_key
from claimcheck.model.claims import Claim, Event, QuoteClaim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.nlp.identity import pipeline_identity
from claimcheck.sources import Source

QUOTES = "quote"  # what names a quote's block: quotes are grouped by their words alone
# what the index is made by, besides the claims (whose key covers the extraction)
_INDEXED_BY = ("link.py", "matching.py", "main_event.py", "recheck.py")


class IndexedClaim(BaseModel):
    """A claim as stored in a block: where it stands among its source's claims, the
    claim as extracted, and its event as grouping reads it when that differs."""

    model_config = ConfigDict(frozen=True)

    position: int
    claim: Claim
    event: Event | None = None

    def linkable(self) -> Claim:
        if self.event is None:
            return self.claim
        about = self.claim.about.model_copy(update={"event": self.event})
        return self.claim.model_copy(update={"about": about})


_BLOCK = TypeAdapter(list[IndexedClaim])


@lru_cache(maxsize=1)
def index_version() -> str:
    """Hash of the code the index is made by: other code, another index."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _INDEXED_BY:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes())
    return digest.hexdigest()


def block_name(claim: Claim) -> str | None:
    """The candidate block a linkable claim other than a quote is stored in; None: a
    quote (found by its words), or no block can meet it."""
    if isinstance(claim, QuoteClaim):
        return None
    key = candidate_key(claim)
    return None if key is None else repr(key)


@dataclass
class Indexed:
    """One source as the index gives it."""

    summary: SourceStory
    claims: list[Claim]  # as extracted: every claim, or those of the blocks read
    usable: list[Claim]  # as grouping reads them


def past_block_name(claim: Claim, may_be_past: MayBePast) -> str | None:
    """The block a linkable claim is also stored in when the story may show it is about
    another event (``matching.past_key``); None: it cannot be."""
    if isinstance(claim, QuoteClaim) or not may_be_past(claim):
        return None
    key = past_key(claim)
    return None if key is None else repr(key)


def _may_be_past(source: Source, summary: SourceStory) -> MayBePast:
    """Which of a source's claims the story may place at another event: by the date
    the story gives the source (its publication date, else its anchor)."""
    return MayBePast(summary, source.published or summary.anchor)


QuoteWords = list[tuple[str, str, int]]  # a long word, the block of a quote of it, its length


def index_source(source: Source,
                 claims: Sequence[Claim]) -> tuple[Indexed, dict[str, str], QuoteWords]:
    """The index of one source read whole, its blocks as stored and its quotes' words:
    each claim in its candidate block, a claim that may be about another event in its
    past block too, and each quote in a block of its own under each of its long words."""
    usable = linkable(claims)
    summary = summarise_source(source.id, usable)
    may_be_past = _may_be_past(source, summary)
    position = {claim.id: n for n, claim in enumerate(claims)}
    by_block: dict[str, list[IndexedClaim]] = {}
    words: QuoteWords = []
    for claim, read in zip(_originals(claims, usable), usable, strict=True):
        name = block_name(read)
        if isinstance(read, QuoteClaim):
            name = f"{QUOTES} {position[claim.id]}"
            _, long_words, length = quote_words(read)
            words.extend((word, name, length) for word in sorted(long_words))
        if name is None:
            continue
        event = read.about.event if read is not claim else None
        entry = IndexedClaim(position=position[claim.id], claim=claim, event=event)
        by_block.setdefault(name, []).append(entry)
        past = past_block_name(read, may_be_past)
        if past is not None:
            by_block.setdefault(past, []).append(entry)
    stored = {name: _BLOCK.dump_json(entries).decode() for name, entries in by_block.items()}
    return Indexed(summary=summary, claims=list(claims), usable=usable), stored, words


def _originals(claims: Sequence[Claim], usable: Sequence[Claim]) -> list[Claim]:
    """The claim as extracted behind each linkable one (merging keeps the ids)."""
    by_id = {claim.id: claim for claim in claims}
    return [by_id[claim.id] for claim in usable]


def check_claims(draft: Source, sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any,
                 store: ClaimStore, *, jobs: int = 1,
                 progress: parallel.Progress | None = None,
                 budget: TimeBudget | None = None,
                 timed_out: list[Source] | None = None,
                 published: Mapping[str, date | None] | None = None,
                 ) -> tuple[list[Claim], list[Claim], Story]:
    """The claims a check of ``draft`` against ``sources`` needs: the draft's, and the
    sources' claims of the blocks the draft's claims are in (as extracted, and as
    grouping reads them), with the story of every source."""
    version = index_version()
    context = context_key(pipeline_identity(nlp), vocabulary)
    keys = [cache_key(source, context) for source in sources]
    summaries = store.stories(keys, version)
    whole = [i for i, key in enumerate(keys) if key not in summaries]

    def extract(chosen: Sequence[Source]) -> list[list[Claim]]:
        return parallel.extract_sources(chosen, vocabulary, nlp, store=store, jobs=jobs,
                                        progress=progress, budget=budget,
                                        timed_out=timed_out)

    read: dict[int, Indexed] = {}
    (draft_claims,) = extract([draft])
    draft_index, _, _ = index_source(draft, draft_claims)
    may_be_past = _may_be_past(draft, draft_index.summary)
    wanted = sorted({name for claim in draft_index.usable
                     for name in (block_name(claim), past_block_name(claim, may_be_past))
                     if name is not None})
    probes = [quote_words(claim)[1:] for claim in draft_index.usable
              if isinstance(claim, QuoteClaim)]
    indexed_already = [i for i, key in enumerate(keys) if key in summaries]
    found = _merged(store.blocks([keys[i] for i in indexed_already], version, wanted),
                    store.quote_blocks([keys[i] for i in indexed_already], version, probes))
    with paused_gc():  # many small records, no cycles: see claimcheck.gcpause
        for i in indexed_already:
            if found is None:  # the cache failed (and is off): read every source whole
                whole.append(i)
                continue
            indexed = _from_store(sources[i], summaries[keys[i]], found.get(keys[i], []))
            if indexed is None:
                store.warn_row(sources[i].id)  # tampered or damaged: read it whole again
                whole.append(i)
            else:
                read[i] = indexed
        freeze_long_lived()  # what a check reads lives as long as it: no collection walks it
    whole.sort()
    fresh = extract([sources[i] for i in whole])
    late = {id(source) for source in timed_out or ()}  # not cached: not indexed
    for i, claims in zip(whole, fresh, strict=True):
        indexed, blocks, words = index_source(sources[i], claims)
        read[i] = indexed
        if id(sources[i]) not in late:
            store.put_index(keys[i], version, indexed.summary.model_dump_json(), blocks,
                            words)
    ordered = [draft_index, *(read[i] for i in range(len(sources)))]
    story = combine_stories([s.summary for s in ordered], published)
    claims = [claim for s in ordered for claim in s.claims]
    usable = [claim for s in ordered for claim in s.usable]
    return claims, usable, story


def _merged(blocks: dict[str, list[str]] | None,
            quotes: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
    """The blocks read and the quotes read, by key; None when either could not be."""
    if blocks is None or quotes is None:
        return None
    for key, payloads in quotes.items():
        blocks.setdefault(key, []).extend(payloads)
    return blocks


def _from_store(source: Source, summary: str, payloads: Sequence[str]) -> Indexed | None:
    """A cached source from its summary and the blocks read; None when they are not
    this source's (edited by hand, damaged, written by an incompatible version)."""
    try:
        story = SourceStory.model_validate_json(summary)
        read = {entry.position: entry for payload in payloads
                for entry in _BLOCK.validate_json(payload)}  # a claim of two blocks once
        entries = [read[position] for position in sorted(read)]
    except ValidationError:
        return None
    claims = [entry.claim for entry in entries]
    if story.source != source.id or not parallel.claims_fit(claims, source):
        return None
    return Indexed(summary=story, claims=claims, usable=[e.linkable() for e in entries])
