"""Loading rule packs: one YAML file per rule, every problem in every file at once.

A pack is a folder. Each ``NAME.yaml`` in it (at any depth) is one rule whose id is
``PACK/NAME`` (``PACK`` the folder's name, ``NAME`` the file's path inside it without
``.yaml``); ``NAME.cases.yaml`` holds its test cases and ``vocabulary.yaml`` the pack's
words. A file that cannot be read as a rule is an error, never a rule switched off.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck.errors import Problem
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.rules import yamlpos
from claimcheck.rules.schema import Rule, field_names, kind_model, kind_names
from claimcheck.rules.yamlpos import YamlFile

VOCABULARY_FILE = "vocabulary.yaml"
CASES_SUFFIX = ".cases.yaml"

yamlpos.register(Vocabulary)


def default_pack() -> Path:
    """The default pack: inside the installed wheel, or the source tree's ``rules/``."""
    spec = importlib.util.find_spec("claimcheck.packs")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))) / "default"
    return Path(__file__).resolve().parents[2] / "rules" / "default"


def shipped_packs() -> list[Path]:
    """Every pack shipped with claimcheck (``default`` and the optional ones)."""
    root = default_pack().parent
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def resolve_pack(pack: Path, base: Path | None = None) -> Path:
    """A pack folder by path (relative to ``base``), else a shipped pack by name."""
    local = pack if pack.is_absolute() or base is None else base / pack
    if local.is_dir():
        return local
    shipped = default_pack().parent / str(pack)
    if len(pack.parts) == 1 and shipped.is_dir():
        return shipped
    return local


def rule_files(pack: Path) -> list[Path]:
    return sorted(p for p in pack.rglob("*.yaml")
                  if p.name != VOCABULARY_FILE and not p.name.endswith(CASES_SUFFIX))


def rule_id(pack: Path, path: Path) -> str:
    relative = path.relative_to(pack).with_suffix("").as_posix()
    return f"{pack.name}/{relative}"


def load_pack(pack: Path) -> tuple[list[Rule], Vocabulary | None, list[Problem]]:
    """The pack's rules and vocabulary, and every problem found in its files."""
    rules: list[Rule] = []
    problems: list[Problem] = []
    if not pack.is_dir():
        return [], None, [Problem(yamlpos.NO_SUCH_PACK,
                                  f"no such rule pack directory: {pack}", str(pack))]
    for stray in sorted(pack.rglob("*.yml")):
        problems.append(Problem(yamlpos.BAD_FILE_NAME,
                                "rule files end in .yaml; rename this file so it is loaded",
                                yamlpos.path_display(stray)))
    for path in rule_files(pack):
        rule, found = load_rule_file(path, rule_id(pack, path))
        problems.extend(found)
        if rule is not None:
            rules.append(rule)
    vocabulary = None
    vocabulary_path = pack / VOCABULARY_FILE
    if vocabulary_path.exists() or vocabulary_path.is_symlink():  # a pipe: the reader says
        vocabulary, found = load_vocabulary(vocabulary_path)
        problems.extend(found)
    return rules, vocabulary, problems


def load_rule_file(path: Path, identifier: str) -> tuple[Rule | None, list[Problem]]:
    source = YamlFile(path, yamlpos.path_display(path))
    tree, problems = source.parse()
    if problems:
        return None, problems
    if not isinstance(tree, dict):
        return None, [source.problem(yamlpos.NOT_A_MAPPING,
                                     "a rule file is a mapping of keys (kind, severity, "
                                     "message, …)", 1, 1)]
    return rule_from_tree(source, tree, identifier)


def rule_from_tree(source: YamlFile, tree: Any, identifier: str) -> tuple[Rule | None,
                                                                         list[Problem]]:
    kinds = kind_names()
    problems: list[Problem] = []
    if "id" in tree:
        line, column = yamlpos._key_position(tree, "id")
        problems.append(source.problem(
            yamlpos.ID_FROM_PATH,
            f"a rule's id comes from its path ({identifier}); remove the 'id' key",
            line, column))
    if "kind" not in tree:
        line, column = yamlpos._node_position(tree)
        problems.append(source.problem(yamlpos.MISSING_KEY,
                                       f"missing required key 'kind'; valid kinds: "
                                       f"{', '.join(kinds)}", line, column))
        return None, problems
    kind = tree["kind"]
    model = kind_model(kind) if isinstance(kind, str) else None
    if model is None:
        line, column = yamlpos._value_position(tree, ("kind",))
        hint = yamlpos.did_you_mean(str(kind), kinds)
        problems.append(source.problem(yamlpos.UNKNOWN_KIND,
                                       f"unknown kind {kind!r}{hint}; valid kinds: "
                                       f"{', '.join(kinds)}", line, column))
        return None, problems
    data = {k: v for k, v in yamlpos.plain(tree).items() if k != "id"}
    try:
        rule: Rule = model.model_validate(data)
    except ValidationError as error:
        yamlpos.register(model)
        problems.extend(source.validation_problems(error, tree))
        return None, problems
    if problems:
        return None, problems
    return rule.model_copy(update={"id": identifier}), []


def load_vocabulary(path: Path) -> tuple[Vocabulary | None, list[Problem]]:
    source = YamlFile(path, yamlpos.path_display(path))
    tree, problems = source.parse()
    if problems:
        return None, problems
    if tree is None:
        return Vocabulary(), []
    if not isinstance(tree, dict):
        return None, [source.problem(yamlpos.NOT_A_MAPPING,
                                     "a vocabulary file is a mapping; valid keys: "
                                     + ", ".join(Vocabulary.model_fields), 1, 1)]
    try:
        return Vocabulary.model_validate(yamlpos.plain(tree)), []
    except ValidationError as error:
        return None, source.validation_problems(error, tree)


# what a claim can be about besides the vocabulary's attributes and the units' dimensions
CLAIM_ATTRIBUTES = frozenset({"count", "money", "date_of", "start_date", "end_date",
                              "place_of", "residence", "words_of", "time_ago"})


def known_attributes(vocabulary: Vocabulary) -> frozenset[str]:
    """Every ``About.attribute`` a claim can carry: a rule naming another never fires."""
    from claimcheck.model.units import dimension_names

    return frozenset({*vocabulary.attributes, *CLAIM_ATTRIBUTES,
                      *(dimension_names() - {"currency"})})


def attribute_problems(rules: Sequence[Rule], files: dict[str, Path],
                       vocabulary: Vocabulary) -> list[Problem]:
    """Rules whose ``applies_to.attributes`` name an attribute no claim has."""
    known = sorted(known_attributes(vocabulary))
    problems = []
    for rule in rules:
        for attribute in rule.applies_to.attributes:
            if attribute in known:
                continue
            path = files.get(rule.id)
            line, column = _word_position(path, attribute) if path else (None, None)
            problems.append(Problem(
                yamlpos.UNKNOWN_ATTRIBUTE,
                f"applies_to.attributes: no claim is about {attribute!r}"
                f"{yamlpos.did_you_mean(attribute, known)}, so the rule would never fire; "
                f"known: {', '.join(known)}",
                yamlpos.path_display(path) if path else rule.id, line, column))
    return problems


def _word_position(path: Path, word: str) -> tuple[int | None, int | None]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None, None
    import re

    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    inside = False
    for number, line in enumerate(lines, start=1):
        inside = inside or "attributes" in line
        match = pattern.search(line)
        if inside and match and not line.lstrip().startswith("#"):
            return number, match.start() + 1
    return None, None


def load_packs(packs: Sequence[Path]) -> tuple[list[Rule], Vocabulary, list[Problem]]:
    """Several packs at once; later vocabularies add to earlier ones. A rule naming an
    attribute no claim can have is a problem (checked against the merged vocabulary)."""
    rules: list[Rule] = []
    vocabulary = Vocabulary()
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    files: dict[str, Path] = {}
    for pack in packs:
        found_rules, found_vocabulary, found = load_pack(pack)
        problems.extend(found)
        for rule in found_rules:
            if rule.id in seen:
                problems.append(Problem(
                    yamlpos.DUPLICATE_RULE,
                    f"rule id {rule.id!r} is also defined by the pack {seen[rule.id]}; "
                    "rename one of the pack folders", yamlpos.path_display(pack)))
                continue
            seen[rule.id] = pack
            files[rule.id] = pack / f"{rule.id.split('/', 1)[1]}.yaml"
            rules.append(rule)
        if found_vocabulary is not None:
            vocabulary = vocabulary.merged(found_vocabulary)
    words = vocabulary
    if rules and default_pack().resolve() not in {p.resolve() for p in packs}:
        # a pack is always used over the default pack: its words count too
        default_words, _ = load_vocabulary(default_pack() / VOCABULARY_FILE)
        words = default_words.merged(vocabulary) if default_words else vocabulary
    problems.extend(attribute_problems(rules, files, words))
    return rules, vocabulary, problems


__all__ = ["default_pack", "field_names", "load_pack", "load_packs", "load_rule_file",
           "rule_files", "rule_id"]
