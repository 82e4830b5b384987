"""``claimcheck rules``: list, explain, validate and test rule packs.

Exit codes: 0 ok, 1 a case failed, 2 bad rule, case or configuration files.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from claimcheck.errors import ClaimcheckError, Problem
from claimcheck.rules.config import load_config
from claimcheck.rules.loader import default_pack, load_packs
from claimcheck.rules.ruleset import load_ruleset

rules_app = typer.Typer(help="List, explain, validate and test rule packs.",
                        no_args_is_help=True, add_completion=False,
                        context_settings={"help_option_names": ["-h", "--help"]})

RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", help="Extra rule pack folder (repeatable).", metavar="DIR",
    show_default=False)]
Dirs = Annotated[list[Path] | None, typer.Argument(help="Rule pack folders.", metavar="DIR")]


def _fail(problems: list[Problem]) -> typer.Exit:
    for problem in problems:
        typer.echo(problem.render(), err=True)
    typer.echo(f"{len(problems)} problem(s) found", err=True)
    return typer.Exit(2)


class ListFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@rules_app.command("list")
def list_rules(rules: RulesOption = None,
               fmt: Annotated[ListFormat, typer.Option(
                   "--format", "-f", help="text for people, json for tools.",
                   metavar="text|json")] = ListFormat.TEXT) -> None:
    """Every rule in force: id, kind, severity, first line of its description."""
    try:
        ruleset = load_ruleset(rules or (), load_config(Path.cwd()))
    except ClaimcheckError as error:
        raise _fail(error.problems) from None
    if fmt is ListFormat.JSON:
        typer.echo(json.dumps([{"id": r.id, "kind": r.kind_name, "severity": r.severity.value,
                                "description": r.description.strip(), "link": r.link}
                               for r in ruleset.rules], ensure_ascii=False, indent=2))
        return
    for rule in ruleset.rules:
        summary = rule.description.strip().split(". ")[0].rstrip(".")
        typer.echo(f"{rule.id:<32} {rule.kind:<20} {rule.severity.value:<8} {summary}")


@rules_app.command("explain")
def explain(rule_id: Annotated[str, typer.Argument(
                help="A rule id, e.g. default/quote-fidelity, or its name.", metavar="RULE")],
            rules: RulesOption = None) -> None:
    """A rule as YAML: its description, every setting (defaults included), and the cases
    it flags and passes."""
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
        typer.echo(f"claimcheck: no rule {rule_id!r}{hint}", err=True)
        raise typer.Exit(2)
    document: dict[str, Any] = {"id": rule.id, "kind": rule.kind_name,
                                "severity": rule.severity.value,
                                "description": _literal(_wrapped(rule.description))}
    settings = _plain(rule.model_dump(mode="python",
                                      exclude={"description", "kind", "severity", "id"}))
    document.update({k: v for k, v in settings.items() if v not in (None, {}, [])})
    pack = _pack_of(rule.id, rules or ())
    if pack is not None:
        from claimcheck.rules.cases import build_claim, collect_cases  # only here: heavy

        found, _, _ = collect_cases([pack])
        examples = [{"case": name, "mode": case.mode,
                     "claims": [f"{spec.source}: {build_claim(spec, i).text}"
                                for i, spec in enumerate(case.claims)],
                     "verdicts": [e.verdict.value for e in case.expect] or ["no finding"],
                     **({"description": case.description} if case.description else {})}
                    for rid, name, case in found if rid == rule.id]
        if examples:
            document["examples"] = examples
    typer.echo(_yaml(document), nl=False)


def _literal(text: str) -> Any:
    """Text YAML prints as a ``|`` block (kept as written, line breaks and all)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text)


def _wrapped(text: str, width: int = 84) -> str:
    import textwrap

    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs if p) + "\n"


def _plain(value: Any) -> Any:
    """Settings as YAML shows them: numbers as numbers, enums as their words, and empty
    lists and mappings left out."""
    from decimal import Decimal
    from enum import Enum

    if isinstance(value, dict):
        out = {str(_plain(k)): _plain(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, {}, [])}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _yaml(document: dict[str, Any]) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


Paths = Annotated[list[Path] | None, typer.Argument(
    help="Rule pack folders or single rule files (default: the default pack).",
    metavar="DIR|FILE")]


@rules_app.command("validate")
def validate(paths: Paths = None) -> None:
    """Check rule packs or rule files; print every problem at once."""
    targets = list(paths or [default_pack()])
    packs = [p for p in targets if p.is_dir() or not p.exists()]
    files = [p for p in targets if p.is_file()]
    rules, _, problems = load_packs(packs) if packs else ([], None, [])
    for path in files:
        found, more = _validate_file(path)
        rules.extend(found)
        problems.extend(more)
    if problems:
        raise _fail(problems)
    typer.echo(f"{len(rules)} rule(s) in {len(packs)} pack(s) and {len(files)} file(s): ok"
               if files else f"{len(rules)} rule(s) in {len(packs)} pack(s): ok")


def _validate_file(path: Path) -> tuple[list[Any], list[Problem]]:
    """One rule file, as part of the pack of its folder (its id and vocabulary)."""
    from claimcheck.rules.loader import (
        VOCABULARY_FILE,
        attribute_problems,
        load_rule_file,
        load_vocabulary,
    )

    if path.suffix != ".yaml" or path.name.endswith(".cases.yaml"):
        return [], [Problem("R103", "a rule file is NAME.yaml (not a case or other file)",
                            str(path))]
    rule, problems = load_rule_file(path, f"{path.parent.name}/{path.stem}")
    if rule is None:
        return [], problems
    vocabulary, found = load_vocabulary(default_pack() / VOCABULARY_FILE)
    problems.extend(found)
    local = path.parent / VOCABULARY_FILE
    if local.is_file() and vocabulary is not None:
        extra, found = load_vocabulary(local)
        problems.extend(found)
        vocabulary = vocabulary.merged(extra) if extra else vocabulary
    if vocabulary is not None:
        problems.extend(attribute_problems([rule], {rule.id: path}, vocabulary))
    return [rule], problems


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
