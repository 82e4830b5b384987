"""Where the work of a stories run is done: processes on this machine, or a Dask cluster.

Both executors do the same two maps with the same functions (extraction and signature
per article, ``compare`` per story), so the result never depends on which one ran, or on
how many workers it had. The claims cache is read and written here, on the machine that runs the
command, under both: workers only parse what the cache does not hold.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from claimcheck import parallel
from claimcheck.budget import TimeBudget
from claimcheck.cache import ClaimStore, cache_key, context_key
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.rules import RuleSet
from claimcheck.sources import Source
from claimcheck.story.assemble import StoryPlan, check
from claimcheck.story.model import Story
from claimcheck.story.signature import Signature, signature

Progress = Callable[[int, str], AbstractContextManager[Callable[[int], None]]]
Say = Callable[[str], None]


class Executor(Protocol):
    def signatures(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[Signature]:
        """Extract the claims of each source (kept by the executor for the checks) and
        return each source's signature, in the order of ``sources``."""

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        """Each story checked, in the order of ``plans``."""

    def close(self) -> None: ...


def _no_progress(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
    del total, label
    return nullcontext(lambda _: None)


class LocalExecutor:
    """Extraction in ``jobs`` processes (as ``compare --jobs``), checks in this process."""

    def __init__(self, nlp: Any = None, *, store: ClaimStore | None = None, jobs: int = 1,
                 progress: Progress | None = None, budget: TimeBudget | None = None,
                 timed_out: list[Source] | None = None) -> None:
        """``budget``: the time each article may take to parse and extract; those past
        it have no claims and are appended to ``timed_out``."""
        from claimcheck.nlp.identity import LazyPipeline

        self.nlp = nlp if nlp is not None else LazyPipeline(None)
        self.store = store
        self.jobs = jobs
        self.progress = progress or _no_progress
        self.budget = budget
        self.timed_out = timed_out
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, list[Claim]] = {}

    def signatures(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[Signature]:
        def bar(total: int) -> AbstractContextManager[Callable[[int], None]]:
            return self.progress(total, "Reading articles")

        per_source = parallel.extract_sources(sources, vocabulary, self.nlp, jobs=self.jobs,
                                              store=self.store, progress=bar,
                                              budget=self.budget, timed_out=self.timed_out)
        self._sources = {s.id: s for s in sources}
        self._claims = {s.id: c for s, c in zip(sources, per_source, strict=True)}
        return [signature(s, self._claims[s.id]) for s in sources]

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        out = []
        with self.progress(len(plans), "Checking stories") as step:
            for plan in plans:
                out.append(check(plan, [self._sources[i] for i in plan.sources],
                                 [c for i in plan.sources for c in self._claims[i]], ruleset))
                step(1)
        return out

    def close(self) -> None:
        return None


# -- Dask ------------------------------------------------------------------------------
# Claims stay on the workers, in chunks of sources: the client gets signatures (and the
# claims it must cache), and each story is checked on a worker from the chunks that hold
# its articles. The client's memory grows with signatures, not with claims.


class Chunk(BaseModel):
    """Sources and their claims, as a worker holds them."""

    model_config = ConfigDict(frozen=True)

    identity: str  # the pipeline that parsed them ("" when all came from the cache)
    sources: tuple[Source, ...]
    claims: tuple[tuple[Claim, ...], ...]
    parsed: tuple[int, ...]  # which of them were parsed here, not read from the cache


def extract_chunk(sources: list[Source], cached: list[list[Claim] | None],
                  vocabulary: Vocabulary, model: str | None) -> Chunk:
    """On a worker: the claims of a chunk of sources (those the client's cache did not
    hold are parsed here, by a pipeline loaded once per worker process)."""
    todo = [i for i, claims in enumerate(cached) if claims is None]
    identity = ""
    parsed: dict[int, list[Claim]] = {}
    if todo:
        from claimcheck.nlp.identity import pipeline_identity
        from claimcheck.nlp.pipeline import load_pipeline

        nlp = load_pipeline(model)  # cached by load_pipeline: once per process
        identity = pipeline_identity(nlp)
        found = parallel.extract_sources([sources[i] for i in todo], vocabulary, nlp)
        parsed = dict(zip(todo, found, strict=True))
    claims = tuple(tuple(parsed[i] if c is None else c) for i, c in enumerate(cached))
    return Chunk(identity=identity, sources=tuple(sources), claims=claims, parsed=tuple(todo))


def chunk_signatures(chunk: Chunk) -> list[Signature]:
    return [signature(s, c) for s, c in zip(chunk.sources, chunk.claims, strict=True)]


def new_claims(chunk: Chunk) -> tuple[str, list[tuple[int, tuple[Claim, ...]]]]:
    """What the client must add to its cache: the claims parsed on the worker."""
    return chunk.identity, [(i, chunk.claims[i]) for i in chunk.parsed]


def check_from_chunks(plan: StoryPlan, ruleset: RuleSet, *chunks: Chunk) -> Story:
    """On a worker: one story's ``compare``, from the chunks that hold its articles."""
    sources: dict[str, Source] = {}
    claims: dict[str, tuple[Claim, ...]] = {}
    for chunk in chunks:
        for source, found in zip(chunk.sources, chunk.claims, strict=True):
            sources[source.id] = source
            claims[source.id] = found
    return check(plan, [sources[i] for i in plan.sources],
                 [c for i in plan.sources for c in claims[i]], ruleset)


class DaskExecutor:
    """Both maps on a ``dask.distributed`` cluster: the one at ``scheduler`` (an address
    such as ``tcp://10.0.0.5:8786``), or a ``LocalCluster`` of ``workers`` processes."""

    def __init__(self, scheduler: str | None = None, *, workers: int | None = None,
                 model: str | None = None, store: ClaimStore | None = None,
                 progress: Progress | None = None, say: Say | None = None,
                 chunk: int = parallel.BATCH_SIZE) -> None:
        try:
            distributed = _distributed()
        except ImportError:
            from claimcheck.errors import InputError, Problem

            raise InputError([Problem("CC170", "--executor dask needs Dask: pip install "
                                      "'claimcheck[dask]'")]) from None
        self.model = model
        self.store = store
        self.progress = progress or _no_progress
        self.chunk = chunk
        self._cluster: Any = None
        self._chunks: list[Any] = []  # futures of Chunk, held on the workers
        self._chunk_of: dict[str, int] = {}
        if scheduler is not None:
            self.client: Any = distributed.Client(scheduler)
        else:
            self._cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                                     threads_per_worker=1, processes=True,
                                                     dashboard_address=":0",
                                                     silence_logs=logging.ERROR)
            self.client = distributed.Client(self._cluster)
        link = _dashboard(self.client)
        if link and say is not None:
            say(f"Dask dashboard: {link}")

    def signatures(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[Signature]:
        from claimcheck.nlp.identity import LazyPipeline, pipeline_identity

        expected = pipeline_identity(LazyPipeline(self.model))
        cached: list[list[Claim] | None] = [None] * len(sources)
        keys: list[str] = []
        caching = self.store is not None and self.store.enabled
        if caching and self.store is not None:
            context = context_key(expected, vocabulary)
            keys = [cache_key(source, context) for source in sources]
            found = self.store.get_many(keys)
            cached = [found.get(key) for key in keys]
        starts = range(0, len(sources), self.chunk)
        vocab = self.client.scatter(vocabulary, broadcast=True)
        self._chunks = self.client.map(
            extract_chunk, [list(sources[i:i + self.chunk]) for i in starts],
            [cached[i:i + self.chunk] for i in starts], vocabulary=vocab, model=self.model,
            pure=False)
        self._chunk_of = {s.id: i // self.chunk for i, s in enumerate(sources)}
        signature_futures = self.client.map(chunk_signatures, self._chunks, pure=False)
        todo = sum(1 for claims in cached if claims is None)
        with self.progress(todo, "Reading articles") as step:
            if caching and todo:
                fresh = [f for f, start in zip(self._chunks, starts, strict=True)
                         if any(c is None for c in cached[start:start + self.chunk])]
                first = {f.key: start for f, start in zip(self._chunks, starts, strict=True)}
                wanted = self.client.map(new_claims, fresh, pure=False)
                origin = {w.key: first[f.key] for w, f in zip(wanted, fresh, strict=True)}
                for future in _distributed().as_completed(wanted):
                    identity, parsed = future.result()
                    start = origin[future.key]
                    for i, claims in parsed:
                        if identity == expected and self.store is not None:
                            self.store.put(keys[start + i], sources[start + i].id, claims)
                    step(len(parsed))
                    future.release()
            elif todo:
                pending = {f.key: sum(1 for c in cached[start:start + self.chunk] if c is None)
                           for f, start in zip(signature_futures, starts, strict=True)}
                for future in _distributed().as_completed(signature_futures):
                    step(pending[future.key])
            results = self.client.gather(signature_futures)
        return [sig for part in results for sig in part]

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        if not plans:
            return []
        rules = self.client.scatter(ruleset, broadcast=True)
        futures = []
        for plan in plans:
            needed = sorted({self._chunk_of[i] for i in plan.sources})
            futures.append(self.client.submit(check_from_chunks, plan, rules,
                                              *[self._chunks[i] for i in needed], pure=False))
        out: list[Story | None] = [None] * len(plans)
        position = {future.key: i for i, future in enumerate(futures)}
        with self.progress(len(plans), "Checking stories") as step:
            for future in _distributed().as_completed(futures):
                out[position[future.key]] = future.result()
                future.release()
                step(1)
        return [story for story in out if story is not None]

    def close(self) -> None:
        self._chunks = []
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _distributed() -> Any:
    """``dask.distributed``, imported only when asked for (it is an optional extra)."""
    import importlib

    return importlib.import_module("dask.distributed")


def _dashboard(client: Any) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh)."""
    try:
        info = client.scheduler_info()
    except Exception:  # pragma: no cover - an old or unusual scheduler
        return None
    services = info.get("services", {}) if isinstance(info, dict) else {}
    if "dashboard" not in services:
        return None
    link = client.dashboard_link
    return str(link) if link else None


def say_stderr(message: str) -> None:
    sys.stderr.write(f"{message}\n")
