"""Which pipeline made a set of claims, known before (and without) loading it.

A warm run whose claims are all cached must not pay for importing spaCy and loading
the model, so the claims cache keys on the installed package's ``meta.json`` and the
spaCy version, and ``LazyPipeline`` loads the model only when a text needs parsing.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import Any

from claimcheck.nlp.pipeline import PREFERRED_MODELS, load_pipeline


def identity_from_meta(meta: dict[str, Any], pipes: list[str] | None = None) -> str:
    """``en_core_web_sm==3.8.0;spacy==3.8.18;pipes=tok2vec,...``: name, version, the
    spaCy library that runs it, and the components that run."""
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"
    if pipes is None:
        disabled = set(meta.get("disabled", ()))
        pipes = [p for p in meta.get("pipeline", ()) if p not in disabled]
    return (f"{name}=={meta.get('version', '0')};spacy=={_spacy_version()};"
            f"pipes={','.join(pipes)}")


def pipeline_identity(nlp: Any) -> str:
    """The identity of a loaded ``Language`` or of a ``LazyPipeline``."""
    if isinstance(nlp, LazyPipeline):
        return nlp.identity
    return identity_from_meta(dict(nlp.meta), list(nlp.pipe_names))


def _spacy_version() -> str:
    try:
        return importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        return "none"


def installed_meta(model: str) -> dict[str, Any] | None:
    """``meta.json`` of an installed pipeline package or a pipeline folder, unparsed by
    spaCy (no import); None when it cannot be found."""
    candidates: list[Path] = []
    path = Path(model)
    if path.is_dir():
        candidates.append(path / "meta.json")
    else:
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            candidates.extend(Path(p) / "meta.json" for p in spec.submodule_search_locations)
    for candidate in candidates:
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return None


class LazyPipeline:
    """A pipeline by name, loaded on first use (``load_pipeline`` caches it)."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._identity: str | None = None

    @property
    def identity(self) -> str:
        if self._identity is None:
            names = (self.model,) if self.model else PREFERRED_MODELS
            meta = next((m for m in map(installed_meta, names) if m is not None), None)
            self._identity = (identity_from_meta(meta) if meta is not None
                              else pipeline_identity(self.load()))
        return self._identity

    def load(self) -> Any:
        return load_pipeline(self.model)


def materialise(nlp: Any) -> Any:
    """The loaded ``Language`` behind ``nlp``."""
    return nlp.load() if isinstance(nlp, LazyPipeline) else nlp
