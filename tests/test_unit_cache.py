"""pint's parsed definitions are cached per pint installation, and read back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from claimcheck.model.units import pint_cache_folder


def test_each_pint_installation_has_its_own_cache_folder(tmp_path: Path) -> None:
    one = SimpleNamespace(__file__=str(tmp_path / "a" / "pint" / "__init__.py"),
                          __version__="0.25")
    other = SimpleNamespace(__file__=str(tmp_path / "b" / "pint" / "__init__.py"),
                            __version__="0.25")
    newer = SimpleNamespace(__file__=one.__file__, __version__="0.26")
    folders = {pint_cache_folder(p) for p in (one, other, newer)}
    assert len(folders) == 3
    assert pint_cache_folder(one) == pint_cache_folder(
        SimpleNamespace(__file__=one.__file__, __version__="0.25"))


def test_the_registry_writes_its_cache_once_and_reads_it_after(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    code = ("from claimcheck.model.units import lookup_unit\n"
            "assert lookup_unit('km').dimension == 'length'\n")
    for _ in range(2):
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    written = sorted(p.name for p in (tmp_path / "claimcheck" / "pint").rglob("*")
                     if p.is_file())
    assert written and all(p.endswith((".json", ".pickle")) for p in written)
