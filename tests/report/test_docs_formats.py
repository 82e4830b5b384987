"""The README documents every output format and the exit codes (DESIGN §7)."""

from __future__ import annotations

from claimcheck.cli.outputs import plan_outputs
from claimcheck.report.formats import FORMATS
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_format_is_documented_and_offered() -> None:
    assert [plan_outputs([f]).stdout.fmt for f in FORMATS] == list(FORMATS)
    section = README.split("## Reports in CI", 1)[1]
    for fmt in FORMATS:
        assert f"| `{fmt}` |" in section, fmt


def test_exit_codes_are_documented() -> None:
    section = README.split("## Reports in CI", 1)[1]
    for code in ("0 when no", "1 when one does", "2 for a user error", "3 for an internal"):
        assert code in section
