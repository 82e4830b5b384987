"""Shared fixtures. Tests that load the trained pipeline are marked ``model``."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The trained English pipeline, loaded once per test session."""
    from claimcheck.nlp.pipeline import load_pipeline

    return load_pipeline()
