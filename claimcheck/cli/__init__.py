"""The command line: parse arguments, read and write files, map errors to exit codes.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a user
error (bad arguments, unreadable input, bad rules); 3 an internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from claimcheck import interrupt
from claimcheck.cli.commands import check_command, compare_command, parse_command
from claimcheck.cli.stories import stories_command
from claimcheck.errors import ClaimcheckError

app = typer.Typer(
    name="claimcheck",
    help="Find the numbers, dates, places and quotes in news text, and check where "
    "sources agree and contradict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.command("compare")(compare_command)
app.command("check")(check_command)
app.command("parse")(parse_command)
app.command("stories")(stories_command)


def _mount_rules() -> None:
    try:
        from claimcheck.cli.rules import rules_app
    except ImportError:  # pragma: no cover - the rules commands ship with the package
        return
    app.add_typer(rules_app, name="rules")


_mount_rules()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code instead of raising (tests call it directly)."""
    args = list(sys.argv[1:] if argv is None else argv)
    previous = interrupt.install()
    try:
        return _run(args)
    finally:
        interrupt.restore(previous)


def _run(args: list[str]) -> int:
    try:
        result = app(args=args, prog_name="claimcheck", standalone_mode=False)
    except typer.Exit as done:
        return int(done.exit_code)
    except typer.Abort:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except typer.TyperException as err:  # bad arguments: typer's own usage errors
        show = getattr(err, "show", None)
        if callable(show):
            show()
        else:
            print(f"claimcheck: {err}", file=sys.stderr)
        return int(getattr(err, "exit_code", 2) or 2)
    except ClaimcheckError as err:
        print(str(err), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: say so plainly, show the traceback only when asked
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(f"claimcheck: internal error: {type(err).__name__}: {err}\n"
              "Set CLAIMCHECK_DEBUG=1 to see the traceback, and please report it.",
              file=sys.stderr)
        return 3
    if interrupt.requested():  # Ctrl-C swallowed somewhere: still an interrupted run
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0


def run() -> None:
    from claimcheck import timings

    status = main()
    timings.report()
    sys.exit(status)
