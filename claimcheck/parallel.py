"""Extraction at scale: cached sources skipped, the rest parsed in batches, optionally
in several processes, claims returned per source in the input order.

The result never depends on ``jobs``, the batch size or the cache: each source's
claims depend only on its own text and metadata. Docs are dropped as soon as their
claims are out, so memory grows with the number of claims, not with the texts read.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

from claimcheck import interrupt, timings
from claimcheck.budget import OverBudget, TimeBudget, within
from claimcheck.cache import ClaimStore, cache_key, context_key
from claimcheck.gcpause import freeze_long_lived
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.nlp.identity import materialise, pipeline_identity
from claimcheck.sources import Source

if TYPE_CHECKING:  # the finders are imported only when some source is parsed
    from claimcheck.extract.claims import Finder

BATCH_SIZE = 16  # nlp.pipe batch size: 16–32 is fastest for the small English pipeline
Advance = Callable[[int], None]
# called with the number of sources that need parsing; gives a callback per source done
Progress = Callable[[int], AbstractContextManager[Advance]]


def extract_sources(sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any, *,
                    jobs: int = 1, store: ClaimStore | None = None,
                    progress: Progress | None = None, batch_size: int = BATCH_SIZE,
                    finders: Sequence[Finder] | None = None,
                    budget: TimeBudget | None = None,
                    timed_out: list[Source] | None = None) -> list[list[Claim]]:
    """The claims of each source, in the order of ``sources``.

    ``nlp`` is a loaded ``Language`` or a ``LazyPipeline`` (loaded only if some source
    is not in ``store``). ``jobs`` > 1 parses in that many processes. Custom
    ``finders`` are not part of the cache key: use them without a ``store``. A source
    that takes longer than ``budget`` has no claims, is not cached, and is appended to
    ``timed_out``.
    """
    seconds = budget.seconds if budget is not None else 0.0
    results: list[list[Claim] | None] = [None] * len(sources)
    keys: list[str] = []
    if store is not None and store.enabled:
        context = context_key(pipeline_identity(nlp), vocabulary)
        keys = [cache_key(source, context) for source in sources]
        cached = store.get_many(keys)
        for i, key in enumerate(keys):
            claims = cached.get(key)
            if claims is not None and not claims_fit(claims, sources[i]):
                store.warn_row(sources[i].id)  # tampered or damaged: parse it again
                claims = None
            results[i] = claims
    todo = [i for i, claims in enumerate(results) if claims is None]
    jobs = min(jobs, usable_cores())  # more processes than cores: more memory, no speed
    if todo:
        todo_sources = [sources[i] for i in todo]
        with (progress(len(todo)) if progress is not None else nullcontext(_ignore)) as step:
            claims_stream = (_parallel(todo_sources, vocabulary, nlp, jobs, batch_size, finders,
                                       seconds)
                             if jobs > 1 and len(todo) > 1 else
                             _budgeted(todo_sources, vocabulary, materialise(nlp), batch_size,
                                       finders, seconds))
            for i, found in zip(todo, claims_stream, strict=True):
                step(1)
                if found is None:  # over its time budget
                    if timed_out is not None:
                        timed_out.append(sources[i])
                    continue
                results[i] = found
                if keys and store is not None:
                    store.put(keys[i], sources[i].id, found)
    # the claims live as long as the run: no later collection needs to walk them
    freeze_long_lived()
    return [claims if claims is not None else [] for claims in results]


def claims_fit(claims: Sequence[Claim], source: Source) -> bool:
    """Cached claims are trusted only if each is exactly its source's text at its
    offsets (``text == file[start:end]``; the sentence likewise, or as the parser was
    given it, comments blanked) and names the source."""
    text = source.text
    seen: str | None = None  # what the parser was given: masked only where it must be
    for claim in claims:
        sentence_end = claim.sentence_start + len(claim.sentence)
        if not (claim.source == source.id and 0 <= claim.start <= claim.end <= len(text)
                and text[claim.start:claim.end] == claim.text
                and claim.sentence_start >= 0 and sentence_end <= len(text)):
            return False
        if text[claim.sentence_start:sentence_end] != claim.sentence:
            if seen is None:
                seen = text[:source.body_start] + source.readable_body
            if seen[claim.sentence_start:sentence_end] != claim.sentence:
                return False
    return True


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _ignore(_: int) -> None:
    return None


def _load_long_lived() -> None:
    """What the finders load once per process: the gazetteer and the unit registry."""
    from claimcheck.extract.gazetteer import load_gazetteer
    from claimcheck.model.units import registry

    load_gazetteer()
    registry()


def _serial(sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any, batch_size: int,
            finders: Sequence[Finder] | None) -> Iterator[list[Claim]]:
    from claimcheck.extract.claims import extract_claims
    from claimcheck.nlp.parse import parse_texts

    docs = parse_texts(nlp, (source.readable_body for source in sources), batch_size)
    for source, doc in zip(sources, docs, strict=True):
        yield extract_claims(doc, source, vocabulary, finders)


def _budgeted(sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any, batch_size: int,
              finders: Sequence[Finder] | None, seconds: float) -> Iterator[list[Claim] | None]:
    """``_serial`` with a time budget: ``None`` for a source that ran past ``seconds``.

    A batch gets one source's budget as a whole (ordinary articles take a fraction of a
    second each); a batch that runs past it is done again one source at a time, each
    with its own budget, so a slow source costs at most twice its budget and the batch's
    other sources are still read."""
    if seconds <= 0:
        yield from _serial(sources, vocabulary, nlp, batch_size, finders)
        return
    _load_long_lived()  # the program's own start-up is not the first source's time
    for start in range(0, len(sources), batch_size):
        batch = sources[start:start + batch_size]
        done: list[list[Claim]] = []
        try:
            with within(seconds):
                for claims in _serial(batch, vocabulary, nlp, batch_size, finders):
                    done.append(claims)
        except OverBudget:
            if len(batch) == 1:
                yield None
                continue
        yield from done
        for source in batch[len(done):]:
            try:
                with within(seconds):
                    (claims,) = _serial([source], vocabulary, nlp, 1, finders)
            except OverBudget:
                yield None
                continue
            yield claims


# -- several processes -----------------------------------------------------------------
# Workers get the pipeline by inheritance (fork) or once through the initializer
# (spawn), never per task; tasks carry only sources, results only claims (and the
# processor time they took).
_worker: dict[str, Any] = {}


def _init_worker(nlp: Any, vocabulary: Vocabulary, batch_size: int,
                 finders: Sequence[Finder] | None, limit: float) -> None:
    interrupt.ignore_in_worker()  # the parent stops the pool on Ctrl-C
    _worker.update(nlp=materialise(nlp), vocabulary=vocabulary, batch_size=batch_size,
                   finders=finders, limit=limit)


def _work(chunk: list[Source]) -> tuple[int, float, list[list[Claim] | None]]:
    """The claims of each source of ``chunk`` (``None`` past its time budget), with
    this worker's id and the processor time they took (for ``CLAIMCHECK_TIMINGS``)."""
    started = time.process_time()
    claims = list(_budgeted(chunk, _worker["vocabulary"], _worker["nlp"],
                            _worker["batch_size"], _worker["finders"], _worker["limit"]))
    return os.getpid(), time.process_time() - started, claims


def chunks(sources: Sequence[Source], jobs: int, batch_size: int) -> list[list[Source]]:
    """The pool's tasks, in order: a full parsing batch while much text is left, then
    smaller ones, each about a ``2 × jobs``-th of the text still left (guided
    self-scheduling), so that the processes finish together however long the articles
    are, instead of one parsing a last batch while the others wait."""
    sizes = [len(source.text) - source.body_start + 1 for source in sources]
    left = sum(sizes)
    tasks: list[list[Source]] = []
    start = 0
    while start < len(sources):
        target = left / (2 * jobs)
        end, filled = start + 1, sizes[start]
        while (end < len(sources) and end - start < batch_size
               and filled + sizes[end] <= target):
            filled += sizes[end]
            end += 1
        tasks.append(list(sources[start:end]))
        left -= filled
        start = end
    return tasks


def _parallel(sources: Sequence[Source], vocabulary: Vocabulary, nlp: Any, jobs: int,
              batch_size: int, finders: Sequence[Finder] | None,
              limit: float) -> Iterator[list[Claim] | None]:
    tasks = chunks(sources, jobs, batch_size)
    fork = "fork" in multiprocessing.get_all_start_methods()
    # with fork, load once here: the workers share the parent's pages instead of loading
    # (the pipeline, the gazetteer, the unit registry), frozen so that no collection in a
    # worker writes to those pages and copies them
    if fork:
        nlp = materialise(nlp)
        _load_long_lived()
        freeze_long_lived()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    pool = context.Pool(min(jobs, len(tasks)), _init_worker,
                        (nlp, vocabulary, batch_size, finders, limit))
    with pool:
        for worker, seconds, claims_of_chunk in pool.imap(_work, tasks):
            timings.add_worker_cpu(worker, seconds)
            yield from claims_of_chunk
        pool.close()
        pool.join()
