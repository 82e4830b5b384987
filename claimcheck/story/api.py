"""``claimcheck.stories``: the Python API on paths or records, as the command line runs.

``paths_or_records`` is a path (file, folder, ``.jsonl`` or ``.parquet`` of articles),
a list of them, or a list of article records (mappings with ``id``, ``text`` and the
optional ``title``, ``published``, ``outlet``, ``url``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from claimcheck.model.findings import FailOn
from claimcheck.story.model import StoriesResult

PathLike = str | Path
Item = PathLike | Mapping[str, Any]


def stories(paths_or_records: Item | Iterable[Item], *,
            executor: Literal["local", "dask"] = "local", scheduler: str | None = None,
            workers: int | None = None, jobs: int = 1, rules: Sequence[PathLike] = (),
            fail_on: FailOn | str | None = None, model: str | None = None,
            cache: PathLike | None = None, config_dir: PathLike | None = None) -> StoriesResult:
    """Find the stories in a pile of articles and check each (``compare`` per story).

    ``executor="dask"`` runs the maps on the cluster at ``scheduler``, or on a new
    ``LocalCluster`` of ``workers`` processes; the result is the same as ``"local"``.
    ``cache`` is the path of a claims cache to read and fill (none by default).
    """
    from claimcheck.cache import ClaimStore
    from claimcheck.files import _ruleset
    from claimcheck.story.inputs import read_pile
    from claimcheck.story.run import find_stories

    pile = read_pile(_items(paths_or_records))
    ruleset = _ruleset(rules, fail_on, config_dir)
    store = ClaimStore(cache) if cache is not None else None
    try:
        runner = make_executor(executor, scheduler=scheduler, workers=workers, jobs=jobs,
                               model=model, store=store)
        try:
            return find_stories(pile.sources, ruleset, runner, urls=pile.urls)
        finally:
            runner.close()
    finally:
        if store is not None:
            store.close()


def make_executor(name: str, *, scheduler: str | None = None, workers: int | None = None,
                  jobs: int = 1, model: str | None = None, store: Any = None,
                  progress: Any = None, say: Any = None, budget: Any = None,
                  timed_out: Any = None) -> Any:
    from claimcheck.story.executor import DaskExecutor, LocalExecutor

    if name == "dask":
        return DaskExecutor(scheduler, workers=workers, model=model, store=store,
                            progress=progress, say=say)
    if name != "local":
        raise ValueError(f"unknown executor {name!r} (valid: local, dask)")
    from claimcheck.nlp.identity import LazyPipeline

    return LocalExecutor(LazyPipeline(model), store=store, jobs=jobs, progress=progress,
                         budget=budget, timed_out=timed_out)


def _items(value: Item | Iterable[Item]) -> list[Path | Mapping[str, Any]]:
    if isinstance(value, str | Path):
        return [Path(value)]
    if isinstance(value, Mapping):
        return [value]
    return [Path(v) if isinstance(v, str) else v for v in value]
