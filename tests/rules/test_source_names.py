"""Messages name sources by outlet and title when the run knows them."""

from __future__ import annotations

from claimcheck.model.findings import ClaimGroup, Verdict
from claimcheck.rules import evaluate_compare, load_ruleset
from tests.rules.test_repeated_figure import _count


def test_subject_and_evidence_are_named() -> None:
    a = _count("q-a", "a.txt", "212", 212, 0, 1)
    b = _count("q-b", "b.txt", "more than 300", 300, 0, 1)
    group = ClaimGroup(id="g1", kind="quantity", slot="people killed in the floods",
                       claims=("q-a", "q-b"), why="test")
    names = {"a.txt": "Valley Post, a.txt", "b.txt": "The Wire, “Floods”, b.txt"}
    findings = evaluate_compare([group], {"q-a": a, "q-b": b}, load_ruleset(), names)
    (contradiction,) = [f for f in findings if f.verdict is Verdict.CONTRADICT]
    assert "(Valley Post, a.txt)" in contradiction.message
    assert "(The Wire, “Floods”, b.txt)" in contradiction.message
    plain = evaluate_compare([group], {"q-a": a, "q-b": b}, load_ruleset())
    assert [f.id for f in plain] == [f.id for f in findings]  # names never change ids
    assert "(a.txt)" in next(f.message for f in plain if f.verdict is Verdict.CONTRADICT)
