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


def _shell_blocks(text: str) -> list[str]:
    import re

    return re.findall(r"```(?:sh|yaml)\n(.*?)```", text, re.DOTALL)


def test_readme_installs_from_the_clone_not_pypi() -> None:
    """``claimcheck`` on PyPI is an unrelated project: no block may install it by name."""
    for block in _shell_blocks(README):
        for line in block.splitlines():
            words = line.replace("&&", " ").split()
            for i, word in enumerate(words[:-1]):
                if word == "install" and words[i - 1].endswith("pip"):
                    assert words[i + 1] != "claimcheck", line
    first = README.index("```sh")
    assert "python3 -m venv" in README[first:README.index("```", first + 5)]


def test_precommit_rev_is_not_a_tag_that_does_not_exist() -> None:
    import re
    import subprocess

    revs = re.findall(r"^\s*rev:\s*(\S+)", README, re.MULTILINE)
    assert revs
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True,
                          check=False).stdout.split()
    for rev in revs:
        assert rev in tags or re.fullmatch(r"[0-9a-f]{40}", rev), rev


def test_readme_option_tables_name_every_option() -> None:
    """Every option of every command is in the README (its tables or its prose)."""
    group = typer.main.get_command(app)
    missing = []

    def walk(command: Any, name: str) -> None:
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help",) and f"`{opt}" not in README:
                    missing.append(f"{name} {opt}")
        for sub_name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{name} {sub_name}".strip())

    walk(group, "")
    assert missing == []
