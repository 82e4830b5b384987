"""A loaded rule set: rules of every pack with the configuration applied."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.errors import Problem, RuleError
from claimcheck.model.findings import FailOn
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.rules.compiled import CompiledStore
from claimcheck.rules.config import Config, unknown_rule_problem
from claimcheck.rules.loader import default_pack, load_packs, resolve_pack
from claimcheck.rules.schema import Rule


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True)

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary = Field(default_factory=Vocabulary)
    fail_on: FailOn = FailOn.ERROR

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def load_ruleset(extra_dirs: Sequence[Path] = (), config: Config | None = None, *,
                 compiled: CompiledStore | None = None) -> RuleSet:
    """The default pack, the configured and extra packs, with the configuration applied.
    Packs that ``compiled`` holds unchanged are not read again; those read without a
    problem are put in it.

    Raises RuleError listing every problem in every file at once.
    """
    packs: list[Path] = []
    for pack in (default_pack(), *(config.packs if config else ()),
                 *(resolve_pack(d) for d in extra_dirs)):
        if pack.resolve() not in [p.resolve() for p in packs]:
            packs.append(pack)
    rules, vocabulary, problems = _packs(packs, compiled)
    if config is not None:
        rules, found = apply_config(rules, config)
        problems.extend(found)
    if problems:
        raise RuleError(problems)
    return RuleSet(rules=tuple(sorted(rules, key=lambda r: r.id)), vocabulary=vocabulary,
                   fail_on=config.fail_on if config and config.fail_on else FailOn.ERROR)


def _packs(packs: Sequence[Path], compiled: CompiledStore | None
           ) -> tuple[list[Rule], Vocabulary, list[Problem]]:
    if compiled is None:
        return load_packs(packs)
    from claimcheck.rules import compiled as compiling

    key = compiling.packs_key(packs)
    payload = compiled.get(key)
    found = compiling.decode(payload) if payload is not None else None
    if found is not None:
        return found[0], found[1], []
    rules, vocabulary, problems = load_packs(packs)
    if not problems:
        compiled.put(key, compiling.encode(rules, vocabulary))
    return rules, vocabulary, problems


def apply_config(rules: list[Rule], config: Config) -> tuple[list[Rule], list[Problem]]:
    """Rules switched off and severities overridden; a name matching no rule is an error."""
    known = [r.id for r in rules]
    problems: list[Problem] = []
    disabled: set[str] = set()
    for pattern in config.disable:
        matched = fnmatch.filter(known, pattern)
        if not matched:
            problems.append(unknown_rule_problem(config, "disable", pattern, known))
        disabled.update(matched)
    for rule_id in config.severity:
        if rule_id not in known:
            problems.append(unknown_rule_problem(config, "severity", rule_id, known))
    kept = [r.model_copy(update={"severity": config.severity[r.id]})
            if r.id in config.severity else r
            for r in rules if r.id not in disabled]
    return kept, problems


def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary alone, for stages that need words but no rules."""
    from claimcheck.rules.loader import load_vocabulary

    vocabulary, problems = load_vocabulary(default_pack() / "vocabulary.yaml")
    if problems or vocabulary is None:
        raise RuleError(problems)
    return vocabulary


SELECT_UNKNOWN = "C121"


def select_rules(ruleset: RuleSet, select: Sequence[str] = (),
                 ignore: Sequence[str] = ()) -> RuleSet:
    """The rules ``select`` names (all when empty) less those ``ignore`` names, as
    ``--select``/``--ignore`` take them: a full id (``default/quote-fidelity``), a name
    without its pack (``quote-fidelity``), a pack (``default/`` or ``default/*``), a
    shell pattern, or ``all``; several may be joined by commas. A name matching no rule
    is an error, so a typo never switches a check off unnoticed."""
    known = [r.id for r in ruleset.rules]
    problems: list[Problem] = []

    def matched(option: str, names: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for name in (n.strip() for item in names for n in item.split(",")):
            if not name:
                continue
            hits = _matching(name, known)
            if not hits:
                from claimcheck.rules.yamlpos import did_you_mean

                short = sorted({k.split("/", 1)[-1] for k in known})
                problems.append(Problem(SELECT_UNKNOWN, f"{option}: no rule {name!r}"
                                        f"{did_you_mean(name, [*known, *short])}"))
            found |= hits
        return found

    chosen = matched("--select", select) if select else set(known)
    dropped = matched("--ignore", ignore)
    if problems:
        raise RuleError(problems)
    rules = tuple(r for r in ruleset.rules if r.id in chosen and r.id not in dropped)
    return ruleset.model_copy(update={"rules": rules})


def _matching(name: str, known: Sequence[str]) -> set[str]:
    if name.lower() == "all":
        return set(known)
    pattern = name + "*" if name.endswith("/") else name
    return {rule for rule in known
            if fnmatch.fnmatchcase(rule, pattern)
            or fnmatch.fnmatchcase(rule.split("/", 1)[-1], pattern)}
