"""Where the work of a stories run is done: processes on this machine, or a Dask cluster.

Both executors do the same two maps with the same functions (extraction per article,
``compare`` per story), so the result never depends on which one ran, or on how many
workers it had. The claims cache is read and written here, on the machine that runs the
command, under both: workers only parse what the cache does not hold.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from claimcheck import parallel
from claimcheck.cache import ClaimStore, cache_key, context_key
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.rules import RuleSet
from claimcheck.sources import Source
from claimcheck.story.assemble import StoryPlan, check
from claimcheck.story.model import Story

Progress = Callable[[int, str], AbstractContextManager[Callable[[int], None]]]
Say = Callable[[str], None]


class Executor(Protocol):
    def extract(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[list[Claim]]:
        """The claims of each source, in the order of ``sources``."""

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        """Each story checked, in the order of ``plans``."""

    def close(self) -> None: ...


def _no_progress(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
    del total, label
    return nullcontext(lambda _: None)


class LocalExecutor:
    """Extraction in ``jobs`` processes (as ``compare --jobs``), checks in this process."""

    def __init__(self, nlp: Any = None, *, store: ClaimStore | None = None, jobs: int = 1,
                 progress: Progress | None = None) -> None:
        from claimcheck.nlp.identity import LazyPipeline

        self.nlp = nlp if nlp is not None else LazyPipeline(None)
        self.store = store
        self.jobs = jobs
        self.progress = progress or _no_progress

    def extract(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[list[Claim]]:
        def bar(total: int) -> AbstractContextManager[Callable[[int], None]]:
            return self.progress(total, "Reading articles")

        return parallel.extract_sources(sources, vocabulary, self.nlp, jobs=self.jobs,
                                        store=self.store, progress=bar)

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        out = []
        with self.progress(len(plans), "Checking stories") as step:
            for plan in plans:
                out.append(check(plan, ruleset))
                step(1)
        return out

    def close(self) -> None:
        return None


# -- Dask ------------------------------------------------------------------------------


def extract_chunk(chunk: list[Source], vocabulary: Vocabulary,
                  model: str | None) -> tuple[str, list[list[Claim]]]:
    """On a worker: the claims of a chunk of sources, and the identity of the pipeline
    that made them (the client caches them only if it is the one it expects)."""
    from claimcheck.nlp.identity import pipeline_identity
    from claimcheck.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)  # loaded once per worker process, then cached
    return pipeline_identity(nlp), parallel.extract_sources(chunk, vocabulary, nlp)


def check_story(plan: StoryPlan, ruleset: RuleSet) -> Story:
    """On a worker: one story's ``compare``."""
    return check(plan, ruleset)


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

    def extract(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[list[Claim]]:
        from claimcheck.nlp.identity import LazyPipeline, pipeline_identity

        expected = pipeline_identity(LazyPipeline(self.model))
        results: list[list[Claim] | None] = [None] * len(sources)
        keys: list[str] = []
        if self.store is not None and self.store.enabled:
            context = context_key(expected, vocabulary)
            keys = [cache_key(source, context) for source in sources]
            cached = self.store.get_many(keys)
            results = [cached.get(key) for key in keys]
        todo = [i for i, claims in enumerate(results) if claims is None]
        chunks = [todo[i:i + self.chunk] for i in range(0, len(todo), self.chunk)]
        if chunks:
            vocab = self.client.scatter(vocabulary, broadcast=True)
            futures = self.client.map(extract_chunk, [[sources[i] for i in c] for c in chunks],
                                      vocabulary=vocab, model=self.model, pure=False)
            with self.progress(len(todo), "Reading articles") as step:
                for index, (identity, claims_of_chunk) in self._in_order(futures):
                    for i, claims in zip(chunks[index], claims_of_chunk, strict=True):
                        results[i] = claims
                        if keys and self.store is not None and identity == expected:
                            self.store.put(keys[i], sources[i].id, claims)
                    step(len(chunks[index]))
        return [claims if claims is not None else [] for claims in results]

    def check(self, plans: Sequence[StoryPlan], ruleset: RuleSet) -> list[Story]:
        if not plans:
            return []
        rules = self.client.scatter(ruleset, broadcast=True)
        futures = self.client.map(check_story, list(plans), ruleset=rules, pure=False)
        out: list[Story | None] = [None] * len(plans)
        with self.progress(len(plans), "Checking stories") as step:
            for index, story in self._in_order(futures):
                out[index] = story
                step(1)
        return [story for story in out if story is not None]

    def _in_order(self, futures: list[Any]) -> Iterator[tuple[int, Any]]:
        """(index, result) as each future finishes; the caller puts them in place."""
        position = {future.key: i for i, future in enumerate(futures)}
        for future in _distributed().as_completed(futures):
            yield position[future.key], future.result()
            future.release()

    def close(self) -> None:
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
