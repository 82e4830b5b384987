"""Shared fixtures. Tests that load the trained pipeline are marked ``model``."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Commands run by tests keep their claims cache in a temporary folder, not in
    ``.claimcheck/`` of whatever folder the suite runs from (subprocesses inherit it)."""
    import os

    previous = os.environ.get("CLAIMCHECK_CACHE")
    os.environ["CLAIMCHECK_CACHE"] = str(tmp_path_factory.mktemp("cache") / "cache.sqlite")
    yield
    if previous is None:
        os.environ.pop("CLAIMCHECK_CACHE", None)
    else:
        os.environ["CLAIMCHECK_CACHE"] = previous


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The trained English pipeline, loaded once per test session."""
    from claimcheck.nlp.pipeline import load_pipeline

    return load_pipeline()
