"""``claimcheck rules``: list, explain, validate and test rule packs.

Exit codes: 0 ok, 1 a case failed, 2 bad rule, case or configuration files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.rules.config import load_config
from claimcheck.rules.loader import default_pack, load_packs
from claimcheck.rules.ruleset import load_ruleset

rules_app = typer.Typer(help="List, explain, validate and test rule packs.",
                        no_args_is_help=True, add_completion=False)

RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", help="Extra rule pack folder (repeatable).")]
Dirs = Annotated[list[Path] | None, typer.Argument(help="Rule pack folders.")]


def _fail(problems: list[Problem]) -> typer.Exit:
    for problem in problems:
        typer.echo(problem.render(), err=True)
    typer.echo(f"{len(problems)} problem(s) found", err=True)
    return typer.Exit(2)


@rules_app.command("list")
def list_rules(rules: RulesOption = None) -> None:
    """Every rule in force: id, kind, severity, first line of its description."""
    try:
        ruleset = load_ruleset(rules or (), load_config(Path.cwd()))
    except ClaimcheckError as error:
        raise _fail(error.problems) from None
    for rule in ruleset.rules:
        summary = rule.description.strip().split(". ")[0].rstrip(".")
        typer.echo(f"{rule.id:<32} {rule.kind:<20} {rule.severity.value:<8} {summary}")


@rules_app.command("explain")
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. default/quote-fidelity")],
            rules: RulesOption = None) -> None:
    """A rule's description, settings, and the cases it flags and passes."""
    try:
        ruleset = load_ruleset(rules or (), load_config(Path.cwd()))
    except ClaimcheckError as error:
        raise _fail(error.problems) from None
    rule = ruleset.get(rule_id) or next(
        (r for r in ruleset.rules if r.id.split("/", 1)[-1] == rule_id), None)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(rule_id, [r.id for r in ruleset.rules], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        typer.echo(f"no rule {rule_id!r}{hint}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{rule.id}  ({rule.kind}, {rule.severity.value})\n")
    typer.echo(rule.description.strip() + "\n")
    settings = rule.model_dump(mode="json", exclude={"description", "kind"})
    typer.echo("settings:")
    for key, value in settings.items():
        if value not in (None, {}, []):
            typer.echo(f"  {key}: {value}")
    if rule.link:
        typer.echo(f"\nsee {rule.link}")
    pack = _pack_of(rule.id, rules or ())
    if pack is None:
        return
    from claimcheck.rules.cases import build_claim, collect_cases  # only here: heavy

    found, _, _ = collect_cases([pack])
    examples = [(name, case) for rid, name, case in found if rid == rule.id]
    if examples:
        typer.echo("\nexamples:")
    for name, case in examples:
        verdicts = ", ".join(e.verdict.value for e in case.expect) or "no finding"
        claims = "; ".join(f"{spec.source}: {build_claim(spec, i).text}"
                           for i, spec in enumerate(case.claims))
        typer.echo(f"  {name} ({case.mode}): {claims} → {verdicts}")
        if case.description:
            typer.echo(f"      {case.description}")


@rules_app.command("validate")
def validate(dirs: Dirs = None) -> None:
    """Check rule packs (default: the default pack); print every problem at once."""
    packs = list(dirs or [default_pack()])
    rules, _, problems = load_packs(packs)
    if problems:
        raise _fail(problems)
    typer.echo(f"{len(rules)} rule(s) in {len(packs)} pack(s): ok")


@rules_app.command("test")
def test(dirs: Dirs = None,
         texts: Annotated[bool, typer.Option(
             "--texts", help="Also run the text cases (loads the trained pipeline).")] = False,
         ) -> None:
    """Run the case files of rule packs (default: the default pack)."""
    from claimcheck.rules.cases import count_text_cases, run_packs  # only here: heavy

    packs = list(dirs or [default_pack()])
    nlp = None
    if texts:
        from claimcheck.nlp.pipeline import load_pipeline

        nlp = load_pipeline()
    results, problems = run_packs(packs, nlp)
    if problems:
        raise _fail(problems)
    failed = [r for r in results if not r.passed]
    for result in results:
        typer.echo(f"{'PASS' if result.passed else 'FAIL'} {result.id}")
        if not result.passed:
            typer.echo(f"     {result.detail}")
    skipped = 0 if texts else count_text_cases(packs)
    note = f", {skipped} text case(s) skipped (run with --texts)" if skipped else ""
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed{note}")
    if failed:
        raise typer.Exit(1)


def _pack_of(rule_id: str, extra: list[Path] | tuple[Path, ...]) -> Path | None:
    name = rule_id.split("/", 1)[0]
    config = load_config(Path.cwd())
    candidates: list[Path] = [default_pack(), *(config.packs if config else ()), *extra]
    for pack in candidates:
        if pack.name == name:
            return pack
    return None
