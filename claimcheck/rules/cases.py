"""Rule cases as data: claims and groups as the engine sees them, and the findings expected.

Each rule ``NAME.yaml`` has ``NAME.cases.yaml`` beside it::

    cases:
      more_than_vs_over:
        mode: compare                # compare (default) or check
        claims:
          - {id: a, source: s1, kind: quantity, about: deaths,
             value: {value: 100000, qualifier: more_than}}
          - {id: b, source: s2, kind: quantity, about: deaths,
             value: {value: 100000, qualifier: more_than}}
        groups: [[a, b]]             # optional: by default all claims form one group
        expect:
          - {verdict: agree, claims: [a, b]}

In check mode the claims with ``draft: true`` are the draft's. ``expect`` lists exactly the
findings of the rule under test (an empty list: none); ``claims`` there is compared in
order (in check mode the draft claim comes first).

``texts:`` holds short articles run through the whole pipeline (they need the trained
model: ``claimcheck rules test --texts``); there ``expect`` names findings that must be
present, by verdict and the first claim's text, and ``never`` verdicts that must not be::

    texts:
      other_city_is_contradicted:
        published: 2024-03-10
        sources: {a.txt: "Leaders met at the G20 summit in Rome, Italy, on Saturday."}
        draft: "Leaders met at the G20 summit in Paris, France, on Saturday."
        expect:
          - {verdict: contradicted, text: "Paris"}
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from claimcheck.errors import Problem
from claimcheck.model.claims import About, Claim, Event
from claimcheck.model.dates import DateRange, DateValue, Extent, Granularity, day_range
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.model.numbers import Interval, Qualifier, QuantityValue, interval_for
from claimcheck.model.places import LocationValue, Place, PlaceLevel
from claimcheck.model.quotes import QuoteValue, normalise_quote
from claimcheck.rules import yamlpos
from claimcheck.rules.engine import evaluate_check, evaluate_compare
from claimcheck.rules.loader import CASES_SUFFIX
from claimcheck.rules.ruleset import RuleSet
from claimcheck.rules.yamlpos import YamlFile

CASE_PROBLEM = "R120"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventSpec(_Strict):
    head: str
    names: tuple[str, ...] = ()


class AboutSpec(_Strict):
    attribute: str
    thing: str | None = None
    event: EventSpec | str | None = None
    slot: str = ""


class QuantitySpec(_Strict):
    value: Decimal | None = None  # the stated number; with ``qualifier`` gives the interval
    upper: Decimal | None = None  # second number of a range
    low: Decimal | None = None  # or the bounds themselves
    high: Decimal | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None
    dimension: str = "count"
    approximate: bool = False


class DateSpec(_Strict):
    start: date | None = None
    end: date | None = None
    granularity: Granularity = Granularity.DAY
    year: int | None = None
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    extent: Extent = "at"  # since, after, before, until: open-ended dates


class PlaceSpec(_Strict):
    name: str
    id: str | None = None  # None: unresolved
    country: str | None = None
    level: PlaceLevel = PlaceLevel.CITY
    chain: tuple[str, ...] = ()
    around: bool = False
    confident: bool = True


class QuoteSpec(_Strict):
    quote: str
    speaker: str | None = None
    partial: bool = False  # a fragment woven into a sentence
    inferred: bool = False  # the speaker found through a pronoun or a role


class ClaimSpec(_Strict):
    id: str
    source: str = "source"
    kind: Literal["quantity", "date", "location", "quote"]
    text: str | None = None  # as written; defaults to a rendering of the value
    about: AboutSpec | str
    value: QuantitySpec | DateSpec | PlaceSpec | QuoteSpec | Decimal | date | str
    draft: bool = False
    furniture: bool = False
    line: int = 1


class GroupSpec(_Strict):
    claims: tuple[str, ...]
    related: bool = False
    slot: str = ""


class ExpectSpec(_Strict):
    verdict: Verdict
    claims: tuple[str, ...] | None = None
    severity: Severity | None = None


class Case(_Strict):
    description: str = ""
    mode: Literal["compare", "check"] = "compare"
    claims: tuple[ClaimSpec, ...]
    groups: tuple[GroupSpec | tuple[str, ...], ...] | None = None
    expect: tuple[ExpectSpec, ...] = ()


class TextExpect(_Strict):
    verdict: Verdict
    text: str  # the first claim's text (the draft's, in check mode)


class TextCase(_Strict):
    """Short articles run through the whole pipeline (needs the trained model)."""

    description: str = ""
    published: date | None = None  # every text's publication date
    sources: dict[str, str] = Field(min_length=1)  # file name → text
    draft: str | None = None  # with a draft, check mode
    expect: tuple[TextExpect, ...] = ()  # findings of this rule that must be there
    never: tuple[Verdict, ...] = ()  # verdicts this rule must not give at all


class CaseFile(_Strict):
    cases: dict[str, Case] = Field(default_factory=dict)
    texts: dict[str, TextCase] = Field(default_factory=dict)


yamlpos.register(CaseFile)
_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)


class CaseResult(BaseModel):
    id: str  # RULE_NAME::CASE
    rule: str
    passed: bool
    detail: str = ""


def case_file_for(rule_path: Path) -> Path:
    return rule_path.with_name(rule_path.name.removesuffix(".yaml") + CASES_SUFFIX)


def load_cases(path: Path) -> tuple[CaseFile | None, list[Problem]]:
    source = YamlFile(path, yamlpos.path_display(path))
    tree, problems = source.parse()
    if problems:
        return None, problems
    try:
        return CaseFile.model_validate(yamlpos.plain(tree)), []
    except ValidationError as error:
        found = source.validation_problems(error, tree)
        return None, [Problem(CASE_PROBLEM if p.code == yamlpos.WRONG_TYPE else p.code,
                              p.message, p.path, p.line, p.column, p.context) for p in found]


def run_text_case(rule_id: str, name: str, case: TextCase, ruleset: RuleSet,
                  nlp: Any) -> CaseResult:
    """Run short texts through extraction, grouping and the rules (imports the pipeline)."""
    from claimcheck import api
    from claimcheck.sources import source_from_text

    meta = {"published": case.published.isoformat()} if case.published else {}
    sources = [source_from_text(text, file_name, "source", meta)
               for file_name, text in sorted(case.sources.items())]
    if case.draft is not None:
        draft = source_from_text(case.draft, "draft.txt", "draft", meta)
        report = api.check(draft, sources, ruleset, nlp=nlp)
    else:
        report = api.compare(sources, ruleset, nlp=nlp)
    texts = {c.id: c.text for c in report.claims}
    mine = [f for f in report.findings if f.rule == rule_id]
    got = [(f.verdict, " ".join(texts.get(f.claims[0], "").split())) for f in mine]
    problems = [f"expected {w.verdict.value} “{w.text}”" for w in case.expect
                if (w.verdict, w.text) not in got]
    problems += [f"unexpected {v.value} “{t}”" for v, t in got if v in case.never]
    if problems:
        shown = ", ".join(f"{v.value} “{t}”" for v, t in got) or "nothing"
        problems.append(f"got: {shown}")
    return CaseResult(id=f"{rule_id.split('/', 1)[-1]}::{name}", rule=rule_id,
                      passed=not problems, detail="; ".join(problems))


def build_claim(spec: ClaimSpec, index: int) -> Claim:
    """A claim record from its data form (offsets are made up: cases have no file)."""
    about = spec.about if isinstance(spec.about, AboutSpec) else AboutSpec(attribute=spec.about)
    event = about.event
    if isinstance(event, str):
        event = EventSpec(head=event)
    record_about = About(attribute=about.attribute, thing=about.thing, slot=about.slot,
                         event=Event(head=event.head, names=event.names) if event else None)
    value, text = _value(spec)
    data: dict[str, Any] = {
        "id": spec.id, "source": spec.source, "kind": spec.kind, "text": spec.text or text,
        "start": index * 100, "end": index * 100 + len(spec.text or text), "line": spec.line,
        "column": 1, "sentence": spec.text or text, "sentence_start": index * 100,
        "about": record_about, "furniture": spec.furniture, "value": value,
    }
    return _CLAIM.validate_python(data)


def _value(spec: ClaimSpec) -> tuple[BaseModel, str]:
    raw = spec.value
    if spec.kind == "quantity":
        q = raw if isinstance(raw, QuantitySpec) else QuantitySpec(value=Decimal(str(raw)))
        if q.value is not None:
            interval = interval_for(q.qualifier, q.value, q.upper)
        else:
            interval = Interval(low=q.low, high=q.high, low_inclusive=q.low_inclusive,
                                high_inclusive=q.high_inclusive)
        value = QuantityValue(interval=interval, qualifier=q.qualifier, unit=q.unit,
                              dimension=q.dimension, stated=q.value, approximate=q.approximate)
        return value, interval.describe()
    if spec.kind == "date":
        if isinstance(raw, DateSpec):
            start, end = raw.start, raw.end or raw.start
            parts = {"year": raw.year, "month": raw.month, "day": raw.day}
            if start is not None and raw.granularity is Granularity.DAY and end == start:
                parts = {"year": start.year, "month": start.month, "day": start.day}
            rng = DateRange(start=start, end=end, granularity=raw.granularity, **parts)
            return (DateValue(range=rng, approximate=raw.approximate, extent=raw.extent),
                    rng.describe())
        day = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
        return DateValue(range=day_range(day)), day.isoformat()
    if spec.kind == "location":
        p = raw if isinstance(raw, PlaceSpec) else PlaceSpec(name=str(raw))
        place = Place(id=p.id, name=p.name, country=p.country, level=p.level, chain=p.chain,
                      around=p.around)
        return LocationValue(place=place, confident=p.confident), p.name
    q2 = raw if isinstance(raw, QuoteSpec) else QuoteSpec(quote=str(raw))
    return QuoteValue(quote=normalise_quote(q2.quote), speaker=q2.speaker,
                      partial=q2.partial, inferred=q2.inferred), q2.quote


def run_case(rule_id: str, name: str, case: Case, ruleset: RuleSet) -> CaseResult:
    claims = [build_claim(spec, i) for i, spec in enumerate(case.claims)]
    by_id = {c.id: c for c in claims}
    groups = _groups(case, claims)
    if case.mode == "check":
        draft = [c for c, spec in zip(claims, case.claims, strict=True) if spec.draft]
        sources = {c.id: c for c, spec in zip(claims, case.claims, strict=True)
                   if not spec.draft}
        findings = evaluate_check(draft, groups, {**sources, **{c.id: c for c in draft}},
                                  ruleset)
    else:
        findings = evaluate_compare(groups, by_id, ruleset)
    mine = [f for f in findings if f.rule == rule_id]
    case_id = f"{rule_id.split('/', 1)[-1]}::{name}"
    problem = _mismatch(mine, case.expect)
    return CaseResult(id=case_id, rule=rule_id, passed=problem is None, detail=problem or "")


def _groups(case: Case, claims: Sequence[Claim]) -> list[ClaimGroup]:
    if case.groups is None:
        specs = [GroupSpec(claims=tuple(c.id for c in claims))]
    else:
        specs = [g if isinstance(g, GroupSpec) else GroupSpec(claims=g) for g in case.groups]
    kinds = {c.id: c.kind for c in claims}
    return [ClaimGroup(id=f"g{i}", kind=kinds.get(g.claims[0], "quantity") if g.claims else "",
                       slot=g.slot, claims=g.claims, why="case", related=g.related)
            for i, g in enumerate(specs)]


def _mismatch(found: Sequence[Finding], expected: Sequence[ExpectSpec]) -> str | None:
    remaining = list(found)
    missing = []
    for want in expected:
        match = next((f for f in remaining if f.verdict is want.verdict
                      and (want.claims is None or f.claims == want.claims)
                      and (want.severity is None or f.severity is want.severity)), None)
        if match is None:
            missing.append(want)
        else:
            remaining.remove(match)
    if not missing and not remaining:
        return None
    lines = [f"expected {_show_expect(w)}" for w in missing]
    lines += [f"unexpected {f.verdict.value} {list(f.claims)} [{f.severity.value}]: "
              f"{f.reason}" for f in remaining]
    if missing:
        got = ", ".join(f"{f.verdict.value} {list(f.claims)}" for f in found) or "nothing"
        lines.append(f"got: {got}")
    return "; ".join(lines)


def _show_expect(want: ExpectSpec) -> str:
    text = want.verdict.value
    if want.claims is not None:
        text += f" {list(want.claims)}"
    if want.severity is not None:
        text += f" [{want.severity.value}]"
    return text


def collect_cases(packs: Sequence[Path]) -> tuple[list[tuple[str, str, Case]], RuleSet | None,
                                                 list[Problem]]:
    found, _, ruleset, problems = collect_all_cases(packs)
    return found, ruleset, problems


def collect_all_cases(packs: Sequence[Path]) -> tuple[
        list[tuple[str, str, Case]], list[tuple[str, str, TextCase]], RuleSet | None,
        list[Problem]]:
    """Every case of every rule in ``packs`` (rule id, case name, case), the rule set they
    run against (the default pack plus ``packs``), and every problem in rule or case files.
    A rule without a case file is a problem: every rule must say what it flags and passes.
    """
    from claimcheck.rules.loader import default_pack, load_packs, rule_files, rule_id

    unique: list[Path] = []
    for pack in (default_pack(), *packs):
        if pack.resolve() not in [p.resolve() for p in unique]:
            unique.append(pack)
    rules, vocabulary, problems = load_packs(unique)
    found: list[tuple[str, str, Case]] = []
    texts: list[tuple[str, str, TextCase]] = []
    for pack in packs:
        if not pack.is_dir():
            continue
        for path in rule_files(pack):
            identifier = rule_id(pack, path)
            case_path = case_file_for(path)
            if not case_path.is_file():
                problems.append(Problem(CASE_PROBLEM, f"rule {identifier} has no case file "
                                        f"{case_path.name}", yamlpos.path_display(path)))
                continue
            case_file, errors = load_cases(case_path)
            problems.extend(errors)
            if case_file is None:
                continue
            if not case_file.cases and not case_file.texts:
                problems.append(Problem(CASE_PROBLEM, "a case file needs 'cases' or 'texts'",
                                        yamlpos.path_display(case_path), 1, 1))
            found.extend((identifier, name, case) for name, case in case_file.cases.items())
            texts.extend((identifier, name, case) for name, case in case_file.texts.items())
    if problems:
        return found, texts, None, problems
    ruleset = RuleSet(rules=tuple(sorted(rules, key=lambda r: r.id)), vocabulary=vocabulary)
    return found, texts, ruleset, []


def run_packs(packs: Sequence[Path], nlp: Any = None) -> tuple[list[CaseResult], list[Problem]]:
    """Every case of the packs; text cases too when a pipeline ``nlp`` is given."""
    found, texts, ruleset, problems = collect_all_cases(packs)
    if ruleset is None:
        return [], problems
    results = [run_case(rule, name, case, ruleset) for rule, name, case in found]
    if nlp is not None:
        results += [run_text_case(rule, name, case, ruleset, nlp) for rule, name, case in texts]
    return results, []


def count_text_cases(packs: Sequence[Path]) -> int:
    return len(collect_all_cases(packs)[1])
