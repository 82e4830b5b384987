"""The Python API on files: ``claimcheck.check`` and ``claimcheck.compare`` take paths,
read them as the command line does, and return the typed ``Report``.

``claimcheck.api`` composes the stages on ``Source`` records and does no I/O; this module
is its edge for notebooks and services. In Jupyter a report displays as its HTML page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.model.findings import FailOn
from claimcheck.report.view import Report

if TYPE_CHECKING:
    from claimcheck.rules import RuleSet

PathLike = str | Path
Paths = PathLike | Iterable[PathLike]


def compare(*sources: Paths, rules: Sequence[PathLike] = (), fail_on: FailOn | str | None = None,
            published: dt.date | str | None = None, model: str | None = None,
            nlp: Any = None, config_dir: PathLike | None = None) -> Report:
    """Compare articles: files or folders (a folder's ``sources.yaml`` gives outlets and
    dates). ``published`` anchors the relative dates of files given without metadata."""
    from claimcheck import api
    from claimcheck.sources import load_sources

    loaded = load_sources(_paths(sources), published=_date(published))
    ruleset = _ruleset(rules, fail_on, config_dir)
    return api.compare(loaded, ruleset, nlp=nlp if nlp is not None else _pipeline(model))


def check(draft: PathLike, sources: Paths, *, rules: Sequence[PathLike] = (),
          fail_on: FailOn | str | None = None, published: dt.date | str | None = None,
          model: str | None = None, nlp: Any = None,
          config_dir: PathLike | None = None) -> Report:
    """Check a draft against source files or folders. The draft's publication date comes
    from its front matter, else ``published``, else today (to anchor "on Friday")."""
    from claimcheck import api
    from claimcheck.sources import load_sources

    draft_path = Path(draft)
    (draft_source,) = load_sources([draft_path], role="draft", published=_date(published))
    if draft_source.published is None:
        draft_source = draft_source.model_copy(update={"published": dt.date.today()})
    loaded = load_sources(_paths([sources]), exclude=[draft_path])
    ruleset = _ruleset(rules, fail_on, config_dir)
    return api.check(draft_source, loaded, ruleset,
                     nlp=nlp if nlp is not None else _pipeline(model))


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
    return dt.date.fromisoformat(value)


def _ruleset(rules: Sequence[PathLike], fail_on: FailOn | str | None,
             config_dir: PathLike | None) -> RuleSet:
    from claimcheck.rules import load_config, load_ruleset

    config = load_config(Path(config_dir) if config_dir is not None else Path.cwd())
    ruleset = load_ruleset([Path(r) for r in rules], config)
    if fail_on is not None:
        ruleset = ruleset.model_copy(update={"fail_on": FailOn(fail_on)})
    return ruleset


def _pipeline(model: str | None) -> Any:
    from claimcheck.nlp.pipeline import load_pipeline

    return load_pipeline(model)
