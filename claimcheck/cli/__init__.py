"""The command line: parse arguments, read and write files, map errors to exit codes.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a user
error (bad arguments, unreadable input, bad rules): nothing was checked; 3 an internal
error; 4 sources that could not be read were skipped and the rest checked; 130 Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

import typer

from claimcheck import interrupt
from claimcheck.cli.commands import (
    CHECK_EXAMPLES,
    COMPARE_EXAMPLES,
    check_command,
    compare_command,
    parse_command,
)
from claimcheck.cli.plainhelp import plain_help
from claimcheck.cli.stories import stories_command
from claimcheck.errors import ClaimcheckError

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
COMPLETE_VAR = "_CLAIMCHECK_COMPLETE"

app = typer.Typer(
    name="claimcheck",
    help="Find the numbers, dates, places and quotes in news text, and check where "
    "sources agree and contradict.",
    epilog="Run 'claimcheck COMMAND -h' for a command's options and examples.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=HELP_OPTIONS,
)
app.command("compare", epilog=COMPARE_EXAMPLES)(compare_command)
app.command("check", epilog=CHECK_EXAMPLES)(check_command)
app.command("parse")(parse_command)
app.command("stories")(stories_command)


def _version(value: bool) -> None:
    if value:
        from claimcheck.version import VERSION

        typer.echo(f"claimcheck {VERSION}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", "-V", help="Print the version and exit.", is_eager=True,
        callback=_version)] = False,
) -> None:
    """Find the numbers, dates, places and quotes in news text, and check where sources
    agree and contradict."""


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"
    POWERSHELL = "powershell"


@app.command("completion", epilog="Examples:\n\n\b\n"
             "  claimcheck completion bash >> ~/.bashrc\n"
             "  claimcheck completion zsh > \"${fpath[1]}/_claimcheck\"\n"
             "  claimcheck completion fish > ~/.config/fish/completions/claimcheck.fish")
def completion_command(
    shell: Annotated[Shell, typer.Argument(help="The shell to complete in.",
                                           metavar="bash|zsh|fish|powershell")],
) -> int:
    """Print the shell's completion script for claimcheck (commands, options, values)."""
    from typer._completion_shared import get_completion_script

    typer.echo(get_completion_script(prog_name="claimcheck", complete_var=COMPLETE_VAR,
                                     shell=shell.value))
    return 0


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
    if os.environ.get(COMPLETE_VAR):
        from typer._completion_classes import completion_init

        completion_init()
    try:
        command = plain_help(typer.main.get_command(app))
        result = command.main(args=args, prog_name="claimcheck", standalone_mode=False,
                              complete_var=COMPLETE_VAR)
    except typer.Exit as done:
        return int(done.exit_code)
    except typer.Abort:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except typer.TyperException as err:  # bad arguments: typer's own usage errors
        message = getattr(err, "message", None)
        if isinstance(message, str):  # the validation library's wording, not the user's
            err.message = plain_error(message)
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


_PYDANTIC_WORDING = {
    "Input should be a valid integer, unable to parse string as an integer":
        "not a whole number",
    "Input should be a valid number, unable to parse string as a number": "not a number",
}


def plain_error(message: str) -> str:
    """A usage error in the command line's words: no "Value error," prefix and no
    "Input should be a valid integer" of the validation library underneath."""
    message = message.removeprefix("Value error, ")
    return _PYDANTIC_WORDING.get(message, message)


def run() -> None:
    from claimcheck import timings
    from claimcheck.gcpause import freeze_long_lived

    # the process's modules and command tree live as long as it: no collection walks them
    # again (a few hundredths of a second of a warm check)
    freeze_long_lived()
    status = main()
    timings.report()
    sys.exit(status)
