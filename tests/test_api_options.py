"""The Python API takes what the command line takes, and raises ``ClaimcheckError`` for
every user mistake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.errors import ClaimcheckError
from tests.helpers import SEEDS, TESTS

DRAFT = TESTS / "examples" / "draft_syria.md"


@pytest.mark.parametrize("kwargs", [
    {"published": "13/09/2013"},
    {"fail_on": "sometimes"},
    {"jobs": 0},
    {"select": ["quote-fidelty"]},
    {"config": "no/such/claimcheck.toml"},
])
def test_user_mistakes_raise_the_one_error_hierarchy(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ClaimcheckError):
        claimcheck.compare(SEEDS, nlp=object(), **kwargs)
    with pytest.raises(ClaimcheckError):
        claimcheck.check(DRAFT, SEEDS, nlp=object(), **kwargs)


def test_missing_files_and_a_folder_as_draft_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(ClaimcheckError):
        claimcheck.compare(tmp_path / "missing", nlp=object())
    with pytest.raises(ClaimcheckError):
        claimcheck.check(tmp_path, SEEDS, nlp=object())


def test_an_unknown_format_is_a_user_error() -> None:
    from tests.report.samples import check_report

    with pytest.raises(ClaimcheckError):
        check_report().render("pdf")


@pytest.mark.model
def test_cache_jobs_baseline_and_selection(nlp: Any, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "claims.sqlite"
    first = claimcheck.check(DRAFT, SEEDS, nlp=nlp, cache=cache, published="2013-09-14")
    assert cache.is_file() and first.exit_status() == 1
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "findings": [
        {"id": f.id} for f in first.findings]}), encoding="utf-8")
    again = claimcheck.check(DRAFT, SEEDS, nlp=nlp, cache=cache, baseline=baseline,
                             published="2013-09-14", jobs=1)
    assert again.exit_status() == 0 and all(f.baselined for f in again.findings)
    quotes = claimcheck.check(DRAFT, SEEDS, nlp=nlp, select=["quote-fidelity"],
                              published="2013-09-14")
    assert {f.rule for f in quotes.findings} == {"default/quote-fidelity"}
