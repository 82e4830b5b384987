"""The Python API on files: ``claimcheck.check`` and ``claimcheck.compare`` take paths,
read them as the command line does, and return the typed ``Report``.

``claimcheck.api`` composes the stages on ``Source`` records and does no I/O; this module
is its edge for notebooks and services. In Jupyter a report displays as its HTML page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.errors import InputError, Problem
from claimcheck.model.findings import FailOn
from claimcheck.report.view import Report

if TYPE_CHECKING:
    from claimcheck.rules import RuleSet

PathLike = str | Path
Paths = PathLike | Iterable[PathLike]


def compare(*sources: Paths, rules: Sequence[PathLike] = (), fail_on: FailOn | str | None = None,
            published: dt.date | str | None = None, model: str | None = None,
            nlp: Any = None, config_dir: PathLike | None = None,
            config: PathLike | None = None, select: Sequence[str] = (),
            ignore: Sequence[str] = (), exclude: Sequence[str] = (),
            cache: PathLike | None = None, jobs: int = 1) -> Report:
    """Compare articles: files, folders (with their subfolders; a folder's
    ``sources.yaml`` gives outlets, dates and urls) or shell patterns. ``published``
    anchors the relative dates of files given without metadata.

    The options are the command line's: ``config`` (a ``claimcheck.toml`` or
    ``pyproject.toml``; else the nearest from ``config_dir`` or the working folder up),
    ``select``/``ignore`` rules, ``exclude`` patterns, a claims ``cache`` file (none by
    default) and ``jobs`` processes. Every user mistake raises ``ClaimcheckError``.
    """
    from claimcheck import api
    from claimcheck.sources import load_sources

    _jobs(jobs)
    ruleset = _ruleset(rules, fail_on, config_dir, config, select, ignore)
    loaded = load_sources(_paths(sources), published=_date(published),
                          exclude_patterns=exclude)
    with _store(cache) as store:
        return api.compare(loaded, ruleset, nlp=nlp if nlp is not None else _pipeline(model),
                           store=store, jobs=jobs)


def check(draft: PathLike, sources: Paths, *, rules: Sequence[PathLike] = (),
          fail_on: FailOn | str | None = None, published: dt.date | str | None = None,
          model: str | None = None, nlp: Any = None,
          config_dir: PathLike | None = None, config: PathLike | None = None,
          select: Sequence[str] = (), ignore: Sequence[str] = (),
          exclude: Sequence[str] = (), baseline: PathLike | None = None,
          cache: PathLike | None = None, jobs: int = 1) -> Report:
    """Check a draft against source files or folders. The draft's publication date comes
    from its front matter, else ``published``, else today (to anchor "on Friday").
    ``baseline`` is a file of accepted findings; the other options are ``compare``'s."""
    from claimcheck import api
    from claimcheck.rules import load_baseline
    from claimcheck.sources import load_sources

    _jobs(jobs)
    ruleset = _ruleset(rules, fail_on, config_dir, config, select, ignore)
    draft_path = Path(draft)
    if draft_path.is_dir():
        raise InputError([Problem("CC142", "the draft must be one file, not a folder",
                                  str(draft_path))])
    (draft_source,) = load_sources([draft_path], role="draft", published=_date(published))
    if draft_source.published is None:
        draft_source = draft_source.model_copy(update={"published": dt.date.today()})
    loaded = load_sources(_paths([sources]), exclude=[draft_path], exclude_patterns=exclude)
    accepted = load_baseline(Path(baseline)) if baseline is not None else None
    with _store(cache) as store:
        return api.check(draft_source, loaded, ruleset,
                         nlp=nlp if nlp is not None else _pipeline(model), store=store,
                         jobs=jobs, baseline=accepted)


@contextmanager
def _store(cache: PathLike | None) -> Iterator[Any]:
    if cache is None:
        yield None
        return
    from claimcheck.cache import ClaimStore

    store = ClaimStore(Path(cache))
    try:
        yield store
    finally:
        store.close()


def _jobs(jobs: int) -> None:
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise InputError([Problem("CC144", f"jobs: {jobs!r} is not a number of processes "
                                  "(give 1 or more)")])


def _paths(items: Iterable[Paths]) -> list[Path]:
    out: list[Path] = []
    for item in items:
        if isinstance(item, str | Path):
            out.append(Path(item))
        else:
            out.extend(Path(p) for p in item)
    return out


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError([Problem("CC140", f"published: {value!r} is not a date "
                                  "(use YYYY-MM-DD)")]) from None


def _ruleset(rules: Sequence[PathLike], fail_on: FailOn | str | None,
             config_dir: PathLike | None, config: PathLike | None = None,
             select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
    from claimcheck.rules import load_config, load_ruleset, select_rules
    from claimcheck.rules.config import read_config

    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise InputError([Problem("CC143", "config: no such file", str(path))])
        found = read_config(path)
        if found is None:
            raise InputError([Problem("CC143", "config: this pyproject.toml has no "
                                      "[tool.claimcheck] table", str(path))])
    else:
        found = load_config(Path(config_dir) if config_dir is not None else Path.cwd())
    ruleset = load_ruleset([Path(r) for r in rules], found)
    if fail_on is not None:
        try:
            gate = FailOn(fail_on)
        except ValueError:
            raise InputError([Problem("CC145", f"fail_on: {fail_on!r} is not one of "
                                      f"{', '.join(f.value for f in FailOn)}")]) from None
        ruleset = ruleset.model_copy(update={"fail_on": gate})
    if select or ignore:
        ruleset = select_rules(ruleset, list(select), list(ignore))
    return ruleset


def _pipeline(model: str | None) -> Any:
    from claimcheck.nlp.pipeline import load_pipeline

    return load_pipeline(model)
