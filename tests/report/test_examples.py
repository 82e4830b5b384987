"""The example reports in reports/examples/ are what the script makes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.report.dom import parse

pytestmark = pytest.mark.model
EXAMPLES = ROOT / "reports" / "examples"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_example_reports", ROOT / "scripts" / "make_example_reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_reports_are_up_to_date(nlp: Any, tmp_path: Path) -> None:
    written = _script().build(tmp_path, nlp=nlp)
    assert [p.name for p in written] == ["seeds.html", "draft_syria.html"]
    for fresh in written:
        kept = EXAMPLES / fresh.name
        assert kept.exists(), f"missing {kept.name}: run python scripts/make_example_reports.py"
        assert kept.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
            f"{kept.name} is out of date: run python scripts/make_example_reports.py")


def test_example_reports_show_both_modes() -> None:
    seeds = parse((EXAMPLES / "seeds.html").read_text(encoding="utf-8"))
    assert seeds.find_all("body")[0].attrs["data-mode"] == "compare"
    assert len(seeds.find_all("tr", data_source=None)) == 3
    draft = parse((EXAMPLES / "draft_syria.html").read_text(encoding="utf-8"))
    assert draft.find_all("body")[0].attrs["data-mode"] == "check"
    assert draft.find_all("a", data_mark=None), "the draft's claims are marked in place"
