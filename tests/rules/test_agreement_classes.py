"""Agreement rules judge classes of equal value: a handful of findings per group.

The laws: a group gets a contradict finding exactly when some pair of claims of
different sources contradicts, and it names exactly the claims of such pairs' values;
agree only when nothing contradicts or varies; one finding per verdict, whatever the
number of sources; check mode lists at most ``EVIDENCE_SHOWN`` evidence claims.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model.claims import ClaimBase
from claimcheck.model.findings import ClaimGroup, Verdict
from claimcheck.rules import load_ruleset
from claimcheck.rules.engine import evaluate_check, evaluate_compare
from claimcheck.rules.kinds import AgreementRule
from claimcheck.rules.kinds.base import EVIDENCE_SHOWN, Relation
from tests.factories import event, quantity

RULESET = load_ruleset()


def toll(source: str, value: int) -> ClaimBase:
    """A source's exact death toll of one named war."""
    return quantity(source, value, value, ev=CONFLICT)


CONFLICT = event("conflict", names=("Foo War",))


def _rule() -> AgreementRule:
    rules = [r for r in RULESET.rules if isinstance(r, AgreementRule)
             and r.covers(quantity("s", 1, ev=CONFLICT))]
    return max(rules, key=lambda r: r.applies_to.specificity)


def _group(claims: list[ClaimBase]) -> ClaimGroup:
    return ClaimGroup(id="g-test", kind="quantity", slot="deaths in the war",
                      claims=tuple(c.id for c in claims), why="test")


def _compare(claims: list[ClaimBase]) -> list:  # type: ignore[type-arg]
    found = evaluate_compare([_group(claims)], {c.id: c for c in claims}, RULESET)
    return [f for f in found if f.verdict is not Verdict.SINGLE_SOURCE]


def test_a_slot_stated_by_hundreds_of_sources_gives_one_finding() -> None:
    claims: list[ClaimBase] = [toll(f"s{i:03}", 1000 if i % 4 else 3000)
                               for i in range(400)]
    found = _compare(claims)
    assert [f.verdict for f in found] == [Verdict.CONTRADICT]
    finding = found[0]
    assert len(finding.claims) == 400
    by_id = {c.id: c for c in claims}
    # the first value stated is the subject; its side comes first, the other side after
    assert by_id[finding.claims[0]].text == "3000"
    assert {by_id[i].text for i in finding.claims[:100]} == {"3000"}
    assert {by_id[i].text for i in finding.claims[100:]} == {"1000"}
    assert "100 claims from 100 sources against 300 claims from 300 sources" in finding.reason
    assert f"and {399 - EVIDENCE_SHOWN} more" in finding.message


def test_equal_values_from_many_sources_agree_once() -> None:
    claims: list[ClaimBase] = [toll(f"s{i:03}", 1429) for i in range(300)]
    found = _compare(claims)
    assert [(f.verdict, len(f.claims)) for f in found] == [(Verdict.AGREE, 300)]


def test_repeats_within_one_source_are_not_compared() -> None:
    claims: list[ClaimBase] = [toll("s1", 100), toll("s1", 100),
                               toll("s1", 900)]
    assert _compare(claims) == []


def test_findings_are_deterministic_and_ids_stable() -> None:
    claims: list[ClaimBase] = [toll(f"s{i}", 10 * (i % 3 + 1))
                               for i in range(30)]
    assert _compare(claims) == _compare(list(claims))


values = st.lists(st.tuples(st.integers(0, 4), st.sampled_from([100, 105, 300, 1000])),
                  min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(values)
def test_classes_give_the_verdicts_of_every_pair(spec: list[tuple[int, int]]) -> None:
    claims: list[ClaimBase] = [toll(f"s{source}", value)
                               for source, value in spec]
    rule = _rule()
    contradicting: set[str] = set()
    agreeing = False
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.source == b.source:
                continue
            relation, _ = rule.relate(a, b)
            if relation is Relation.CONTRADICT:
                contradicting.update((a.id, b.id))
            agreeing = agreeing or relation is Relation.AGREE
    found = {f.verdict: f for f in _compare(claims)}
    if contradicting:
        assert set(found) == {Verdict.CONTRADICT}
        values_named = {c.text for c in claims if c.id in found[Verdict.CONTRADICT].claims}
        assert values_named == {c.text for c in claims if c.id in contradicting}
    elif agreeing:
        assert set(found) == {Verdict.AGREE}
    else:
        assert found == {}


def test_check_mode_lists_ten_pieces_of_evidence_and_counts_the_rest() -> None:
    draft = toll("draft.md", 1429)
    sources: list[ClaimBase] = [toll(f"s{i:03}", 1429) for i in range(40)]
    group = _group([draft, *sources])
    by_id = {c.id: c for c in [draft, *sources]}
    found = [f for f in evaluate_check([draft], [group], by_id, RULESET)
             if f.verdict is Verdict.SUPPORTED]
    assert len(found) == 1
    assert found[0].claims[0] == draft.id
    assert len(found[0].claims) == 1 + EVIDENCE_SHOWN
    assert f"and {40 - EVIDENCE_SHOWN} more" in found[0].message
