"""What a short command loads: nothing it does not use, so that it starts at once."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


def test_help_loads_no_parser_template_or_unit_library() -> None:
    loaded = _modules_after("from claimcheck.cli import main\n"
                            "import contextlib, io\n"
                            "with contextlib.redirect_stdout(io.StringIO()):\n"
                            "    main(['--help'])")
    assert not loaded & {"spacy", "jinja2", "pint", "pycountry", "claimcheck.rules.cases"}


def test_package_names_are_imported_on_first_use() -> None:
    loaded = _modules_after("import claimcheck")
    assert "claimcheck.files" not in loaded and "pydantic" not in loaded
    loaded = _modules_after("import claimcheck\nassert claimcheck.Report.__name__ == 'Report'")
    assert "claimcheck.report.view" in loaded


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="needs dask installed")
def test_pint_is_imported_without_dask_and_dask_stays_importable() -> None:
    loaded = _modules_after("from claimcheck.model.units import lookup_unit\n"
                            "assert lookup_unit('km') is not None")
    assert "pint" in loaded and "dask" not in loaded
    loaded = _modules_after("from claimcheck.model.units import registry\nregistry()\n"
                            "import dask.base")
    assert "dask.base" in loaded
