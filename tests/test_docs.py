"""The README documents every command (DESIGN §7: docs are checked by a test)."""

from __future__ import annotations

from typing import Any

import typer

from claimcheck.cli import app
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix}{name}")
        if hasattr(command, "commands"):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


def test_readme_documents_every_command() -> None:
    group = typer.main.get_command(app)
    missing = [name for name in _commands(group) if f"claimcheck {name}" not in README
               and name.split()[-1] not in README]
    assert missing == []


def test_readme_names_the_test_command() -> None:
    assert "python -m pytest" in README
