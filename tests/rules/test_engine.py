"""Verdicts on hand-built claims and groups, in both modes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claimcheck.model.claims import About, Claim, DateClaim, LocationClaim, QuantityClaim
from claimcheck.model.dates import DateValue, day_range
from claimcheck.model.findings import ClaimGroup, Severity, Verdict
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.model.places import LocationValue, Place
from claimcheck.rules import RuleSet, evaluate_check, evaluate_compare, load_ruleset


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_ruleset()


def quantity(cid: str, source: str, text: str, n: int, qualifier: Qualifier = Qualifier.EXACT,
             attribute: str = "deaths", **extra: object) -> QuantityClaim:
    value = QuantityValue(interval=interval_for(qualifier, Decimal(n)), qualifier=qualifier,
                          stated=Decimal(n), **extra)  # type: ignore[arg-type]
    return QuantityClaim(id=cid, source=source, text=text, start=0, end=len(text), line=1,
                         column=1, sentence=text, sentence_start=0,
                         about=About(attribute=attribute, slot=f"{attribute} in the war"),
                         value=value)


def day(cid: str, source: str, text: str, when: date) -> DateClaim:
    return DateClaim(id=cid, source=source, text=text, start=0, end=len(text), line=1,
                     column=1, sentence=text, sentence_start=0,
                     about=About(attribute="date_of"), value=DateValue(range=day_range(when)))


def place(cid: str, source: str, name: str, pid: str | None, country: str | None,
          confident: bool = True) -> LocationClaim:
    return LocationClaim(id=cid, source=source, text=name, start=0, end=len(name), line=1,
                         column=1, sentence=name, sentence_start=0,
                         about=About(attribute="place_of"),
                         value=LocationValue(place=Place(id=pid, name=name, country=country),
                                             confident=confident))


def group(*claims: Claim, related: bool = False) -> ClaimGroup:
    return ClaimGroup(id="g1", kind=claims[0].kind, slot="the slot",
                      claims=tuple(c.id for c in claims), why="test", related=related)


def compare(ruleset: RuleSet, *claims: Claim, related: bool = False) -> list[tuple[str, ...]]:
    found = evaluate_compare([group(*claims, related=related)], {c.id: c for c in claims},
                             ruleset)
    return [(f.verdict.value, *f.claims) for f in found]


def check(ruleset: RuleSet, draft: Claim, *sources: Claim) -> list[tuple[str, ...]]:
    claims = {c.id: c for c in (draft, *sources)}
    found = evaluate_check([draft], [group(draft, *sources)], claims, ruleset)
    return [(f.verdict.value, *f.claims) for f in found]


def test_more_than_and_over_agree(ruleset: RuleSet) -> None:
    a = quantity("a", "s1", "More than 100,000", 100000, Qualifier.MORE_THAN)
    b = quantity("b", "s2", "over 100,000", 100000, Qualifier.MORE_THAN)
    found = evaluate_compare([group(a, b)], {"a": a, "b": b}, ruleset)
    assert [(f.verdict, f.claims, f.severity) for f in found] == [
        (Verdict.AGREE, ("a", "b"), Severity.INFO)]
    assert found[0].reason == "(100000, ∞) and (100000, ∞) overlap"


def test_ton_supports_tonne(ruleset: RuleSet) -> None:
    draft = quantity("d", "draft", "1,000-tonne", 1000, attribute="mass", unit="t",
                     dimension="mass", approximate=True)
    source = quantity("s", "s1", "1,000-ton", 1000, attribute="mass", unit="ton",
                      dimension="mass", approximate=True)
    assert check(ruleset, draft, source) == [("supported", "d", "s")]


def test_some_90000_contradicted_by_more_than_100000(ruleset: RuleSet) -> None:
    draft = quantity("d", "draft", "Some 90,000", 90000, Qualifier.ABOUT)
    source = quantity("s", "s1", "more than 100,000", 100000, Qualifier.MORE_THAN)
    assert check(ruleset, draft, source) == [("contradicted", "d", "s")]


def test_weaker_evidence_leaves_the_claim_unsupported(ruleset: RuleSet) -> None:
    draft = quantity("d", "draft", "more than 120,000", 120000, Qualifier.MORE_THAN)
    source = quantity("s", "s1", "more than 100,000", 100000, Qualifier.MORE_THAN)
    assert check(ruleset, draft, source) == [("unsupported", "d", "s")]


def test_date_two_days_off_is_contradicted(ruleset: RuleSet) -> None:
    draft = day("d", "draft", "Aug. 23", date(2013, 8, 23))
    source = day("s", "s1", "Aug. 21", date(2013, 8, 21))
    assert check(ruleset, draft, source) == [("contradicted", "d", "s")]


def test_astana_contradicted_by_bishkek(ruleset: RuleSet) -> None:
    draft = place("d", "draft", "Astana", "geonames:1526273", "KZ")
    source = place("s", "s1", "Bishkek", "geonames:1528675", "KG")
    assert check(ruleset, draft, source) == [("contradicted", "d", "s")]
    assert compare(ruleset, draft.model_copy(update={"source": "s0"}), source) == [
        ("contradict", "d", "s")]


def test_unresolved_place_never_contradicts(ruleset: RuleSet) -> None:
    a = place("a", "s1", "Ghouta", None, None)
    b = place("b", "s2", "Bishkek", "geonames:1528675", "KG")
    assert compare(ruleset, a, b) == []
    assert check(ruleset, a.model_copy(update={"source": "draft"}), b) == [
        ("unsupported", "a")]


def test_unconfident_place_never_contradicts(ruleset: RuleSet) -> None:
    a = place("a", "s1", "Georgia", "iso:GE", "GE", confident=False)
    b = place("b", "s2", "Atlanta", "geonames:4180439", "US")
    assert compare(ruleset, a, b) == []


def test_related_groups_get_no_verdict(ruleset: RuleSet) -> None:
    a = quantity("a", "s1", "1,429", 1429)
    b = quantity("b", "s2", "355", 355)
    assert compare(ruleset, a, b, related=True) == []
    found = evaluate_check([a], [group(a, b, related=True)], {"a": a, "b": b}, ruleset)
    assert [(f.verdict.value, *f.claims) for f in found] == [("unsupported", "a")]


def test_furniture_gets_no_verdict(ruleset: RuleSet) -> None:
    a = quantity("a", "s1", "1,429", 1429).model_copy(update={"furniture": True})
    b = quantity("b", "s2", "355", 355)
    assert [v for v, *_ in compare(ruleset, a, b)] == ["single_source"]
    assert evaluate_check([a], [group(a, b)], {"a": a, "b": b}, ruleset) == []


def test_draft_claim_in_no_group_is_unsupported(ruleset: RuleSet) -> None:
    a = quantity("a", "draft", "45", 45, attribute="sites")
    found = evaluate_check([a], [], {"a": a}, ruleset)
    assert [(f.verdict, f.claims, f.severity) for f in found] == [
        (Verdict.UNSUPPORTED, ("a",), Severity.WARNING)]


def test_output_is_deterministic_and_ids_are_stable(ruleset: RuleSet) -> None:
    a = quantity("a", "s1", "1,429", 1429)
    b = quantity("b", "s2", "355", 355)
    c = quantity("c", "s3", "1,400", 1400)
    groups = [group(a, b, c)]
    claims = {"a": a, "b": b, "c": c}
    first = evaluate_compare(groups, claims, ruleset)
    again = evaluate_compare(list(reversed(groups)), dict(reversed(claims.items())), ruleset)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in again]
    assert {f.verdict for f in first} == {Verdict.CONTRADICT}
    renamed = {k: v.model_copy(update={"id": v.id + "x"}) for k, v in claims.items()}
    regrouped = [group(*renamed.values())]
    ids = [f.id for f in evaluate_compare(regrouped, {c.id: c for c in renamed.values()},
                                           ruleset)]
    assert ids == [f.id for f in first]  # a hash of rule, verdict, sources and texts


def test_contradiction_outranks_support(ruleset: RuleSet) -> None:
    draft = quantity("d", "draft", "1,429", 1429)
    agreeing = quantity("s1", "s1", "1,429", 1429)
    disagreeing = quantity("s2", "s2", "355", 355)
    assert check(ruleset, draft, agreeing, disagreeing) == [("contradicted", "d", "s2")]


def test_a_specific_rule_replaces_the_general_one(tmp_path: object) -> None:
    from pathlib import Path

    pack = Path(str(tmp_path)) / "desk"
    pack.mkdir()
    (pack / "injuries.yaml").write_text(
        "kind: quantity_agreement\nseverity: warning\nmessage: '{slot}: {reason}'\n"
        "tolerance: {relative: 0.05}\napplies_to: {attributes: [injuries]}\n",
        encoding="utf-8")
    ruleset = load_ruleset([pack])
    a = quantity("a", "s1", "200", 200, attribute="injuries")
    b = quantity("b", "s2", "208", 208, attribute="injuries")
    found = evaluate_compare([group(a, b)], {"a": a, "b": b}, ruleset)
    assert [(f.rule, f.verdict.value) for f in found] == [("desk/injuries", "agree")]
    c = quantity("c", "s1", "200", 200)
    d = quantity("d", "s2", "208", 208)
    found = evaluate_compare([group(c, d)], {"c": c, "d": d}, ruleset)
    assert [(f.rule, f.verdict.value) for f in found] == [
        ("default/quantity-agreement", "contradict")]


def test_claims_of_another_kind_in_a_group_are_left_alone(ruleset: RuleSet) -> None:
    a = quantity("a", "s1", "1,429", 1429)
    b = quantity("b", "s2", "1,429", 1429)
    c = day("c", "s3", "Aug. 21", date(2013, 8, 21))
    found = evaluate_compare([group(a, b, c)], {"a": a, "b": b, "c": c}, ruleset)
    assert [(f.verdict.value, *f.claims) for f in found] == [("agree", "a", "b")]
    draft = quantity("d", "draft", "1,429", 1429)
    checked = evaluate_check([draft], [group(draft, c, a)], {"d": draft, "c": c, "a": a},
                             ruleset)
    assert [(f.verdict.value, *f.claims) for f in checked] == [("supported", "d", "a")]
