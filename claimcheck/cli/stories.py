"""The ``stories`` command: a pile of articles → stories, each checked as ``compare``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.commands import (
    DEFAULT_CACHE,
    DEFAULT_TIMEOUT,
    CacheOption,
    FailOnOption,
    JobsOption,
    ModelOption,
    NoCacheOption,
    RulesOption,
    _ruleset,
    _warn,
    check_timeout,
)

if TYPE_CHECKING:
    from claimcheck.sources import Source


class StoriesFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


class ExecutorName(StrEnum):
    LOCAL = "local"
    DASK = "dask"


def stories_command(
    sources: Annotated[list[Path], typer.Argument(
        help="Article files, folders of them (read recursively), or .jsonl / .parquet "
        "files of article records (id, text, title, published, outlet, url).",
        show_default=False, metavar="SOURCES...")],
    fmt: Annotated[StoriesFormat, typer.Option(
        "--format", "-f", help="What to print on standard output.",
        metavar="text|json|html")] = StoriesFormat.TEXT,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write an index page and one HTML report per story into this folder.",
        show_default=False, metavar="DIR")] = None,
    rules: RulesOption = None,
    model: ModelOption = None,
    fail_on: FailOnOption = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 1,
    executor: Annotated[ExecutorName, typer.Option(
        "--executor", help="Where to parse articles and check stories: processes on this "
        "machine, or a Dask cluster (same result).",
        metavar="local|dask")] = ExecutorName.LOCAL,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Address of a running Dask scheduler (with --executor dask) "
        "[default: start a local cluster].", show_default=False,
        metavar="ADDRESS")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Worker processes of the local Dask cluster [default: one "
        "per core].", show_default=False, metavar="N")] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds one article may take to parse (with --executor local) "
        "and an HTML page to give its article; past it the article is named, and checked "
        "without its claims (exit 4). 0: no limit.", metavar="SECONDS")] = DEFAULT_TIMEOUT,
) -> int:
    """Find the stories in a pile of articles, and check each as compare does."""
    from claimcheck.budget import TIMED_OUT, TimeBudget
    from claimcheck.cache import ClaimStore
    from claimcheck.errors import Problem
    from claimcheck.progress import terminal_progress
    from claimcheck.report.view import SKIPPED_INPUTS
    from claimcheck.story.api import make_executor
    from claimcheck.story.executor import say_stderr
    from claimcheck.story.inputs import read_pile
    from claimcheck.story.run import find_stories

    check_timeout(timeout)
    ruleset = _ruleset(rules, fail_on)
    skipped: list[Problem] = []
    pile = read_pile(sources, warn=_warn, time_budget=timeout, skipped=skipped)
    for problem in skipped:
        _warn(problem)
    if out is not None:
        _check_out(out, sources)
    if not no_cache:
        _guard_cache(cache, pile.sources, rules)
    store = None if no_cache else ClaimStore(cache)
    late: list[Source] = []
    try:
        runner = make_executor(executor.value, scheduler=scheduler, workers=workers, jobs=jobs,
                               model=model, store=store, progress=terminal_progress,
                               say=say_stderr, budget=TimeBudget(seconds=timeout),
                               timed_out=late)
        try:
            result = find_stories(pile.sources, ruleset, runner, urls=pile.urls)
        finally:
            runner.close()
    finally:
        if store is not None:
            store.close()
    for source in late:
        _warn(Problem(TIMED_OUT, f"took longer than {timeout:g} s to parse and check "
                      "(--timeout): checked without its claims", source.path))
    if out is not None:
        _write_out(out, result)
    sys.stdout.write(result.render(fmt.value))
    return SKIPPED_INPUTS if skipped or late else result.exit_status()


def _check_out(out: Path, inputs: Sequence[Path]) -> None:
    """``--out`` is a folder of its own: not a file, not inside an input folder nor holding
    an input (the pages written there would be read as articles next time)."""
    from claimcheck.errors import InputError, Problem

    if out.exists() and not out.is_dir():
        raise InputError([Problem("CC167", "--out must be a folder, not a file", str(out))])
    target = out.resolve()
    for item in inputs:
        given = item.resolve()
        inside = target.is_relative_to(given) if item.is_dir() else False
        if inside or given.is_relative_to(target):
            raise InputError([Problem("CC152", f"--out overlaps the input {item}; write the "
                                      "pages to a folder of their own", str(out))])


def _guard_cache(cache: Path, sources: Sequence[Source], rules: list[Path] | None) -> None:
    """The cache never replaces an article, a pile of records or a rule file."""
    from claimcheck.cli.guard import guard_outputs, run_inputs

    files = sorted({_file_of(source.path) for source in sources})
    guard_outputs([("--cache", cache)], run_inputs(files, rules or ()))


def _file_of(path: str) -> str:
    """The file a source was read from: a record's path is ``FILE:LINE``."""
    head, _, tail = path.rpartition(":")
    return head if head and tail.isdigit() and not Path(path).exists() else path


def _write_out(out: Path, result: object) -> None:
    """The index page and one report per story, each written whole (then renamed)."""
    from claimcheck.cli.output import write_atomic
    from claimcheck.report.html import render_html
    from claimcheck.story.index import STORY_DIR, render_index, story_href
    from claimcheck.story.model import StoriesResult

    assert isinstance(result, StoriesResult)
    (out / STORY_DIR).mkdir(parents=True, exist_ok=True)
    for story in result.stories:
        write_atomic(out / story_href(story.id), render_html(story.report))
    write_atomic(out / "index.html", render_index(result))
