"""``python -m claimcheck.precommit``: the pre-commit hook.

pre-commit passes every changed file at once; ``claimcheck check`` takes one draft. This
runs the check once per draft (the pipeline loads once), skips files inside the sources
folders, and exits with the worst status: 0 clean, 1 a finding reached ``--fail-on``,
2 a user error, 3 an internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="claimcheck-precommit",
                                     description="claimcheck check, once per changed draft")
    parser.add_argument("--sources", "-s", action="append", required=True,
                        help="source files or folders (repeatable)")
    parser.add_argument("--rules", action="append", default=[], help="extra rule folders")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"))
    parser.add_argument("--format", "-f", default="text",
                        choices=("text", "json", "sarif", "junit", "github"))
    parser.add_argument("--model")
    parser.add_argument("--html-dir", help="also write one HTML report per draft here")
    parser.add_argument("drafts", nargs="*", help="the changed files (given by pre-commit)")
    return parser.parse_args(list(argv))


def drafts_to_check(drafts: Sequence[str], sources: Sequence[str]) -> list[str]:
    """The changed files that are drafts: not a source, not inside a sources folder."""
    roots = [Path(s).resolve() for s in sources]
    out = []
    for draft in drafts:
        path = Path(draft).resolve()
        if any(path == root or root in path.parents for root in roots):
            continue
        out.append(draft)
    return out


def command(draft: str, args: argparse.Namespace) -> list[str]:
    argv = ["check", draft, "--format", args.format]
    for source in args.sources:
        argv += ["--sources", source]
    for rules in args.rules:
        argv += ["--rules", rules]
    if args.fail_on:
        argv += ["--fail-on", args.fail_on]
    if args.model:
        argv += ["--model", args.model]
    if args.html_dir:
        argv += ["--html", str(Path(args.html_dir) / f"{Path(draft).stem}.html")]
    else:
        argv.append("--no-html")
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    from claimcheck.cli import main as cli

    args = parse(sys.argv[1:] if argv is None else argv)
    worst = 0
    for draft in drafts_to_check(args.drafts, args.sources):
        code = cli(command(draft, args))
        worst = max(worst, code)
    return worst


if __name__ == "__main__":
    sys.exit(main())
