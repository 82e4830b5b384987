"""A figure stated twice in a draft is judged at each place, and a marker covers one."""

from __future__ import annotations

from decimal import Decimal

from claimcheck.model.claims import About, QuantityClaim
from claimcheck.model.findings import ClaimGroup, Verdict
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.rules import apply_suppressions, evaluate_check, load_ruleset, parse_suppressions

DRAFT = ("Floods killed 212 people, officials said.\n"
         "<!-- claimcheck: ignore all -- checked with the ministry -->\n"
         "The ministry confirmed that 212 people died.\n")


def _count(cid: str, source: str, text: str, n: int, start: int, line: int) -> QuantityClaim:
    value = QuantityValue(interval=interval_for(Qualifier.EXACT, Decimal(n)),
                          qualifier=Qualifier.EXACT, stated=Decimal(n))
    return QuantityClaim(id=cid, source=source, text=text, start=start,
                         end=start + len(text), line=line, column=1, sentence=text,
                         sentence_start=start,
                         about=About(attribute="deaths", slot="people killed in the floods"),
                         value=value)


def _claims() -> dict[str, QuantityClaim]:
    lede = _count("q-lede", "draft.md", "212", 212, DRAFT.index("212"), 1)
    later = _count("q-later", "draft.md", "212", 212, DRAFT.rindex("212"), 3)
    source = _count("q-src", "a.txt", "more than 300", 300, 0, 1)
    return {c.id: c for c in (lede, later, source)}


def _findings() -> list:  # type: ignore[type-arg]
    claims = _claims()
    group = ClaimGroup(id="g1", kind="quantity", slot="people killed in the floods",
                       claims=tuple(claims), why="test")
    draft = [claims["q-lede"], claims["q-later"]]
    return evaluate_check(draft, [group], claims, load_ruleset())


def test_each_occurrence_gets_its_own_finding_and_id() -> None:
    judged = [f for f in _findings() if f.verdict is Verdict.CONTRADICTED]
    assert sorted(f.claims[0] for f in judged) == ["q-later", "q-lede"]
    assert len({f.id for f in judged}) == 2


def test_first_occurrence_keeps_the_plain_id() -> None:
    findings = _findings()
    lede = next(f for f in findings if f.claims[0] == "q-lede"
                and f.verdict is Verdict.CONTRADICTED)
    alone = evaluate_check([_claims()["q-lede"]],
                           [ClaimGroup(id="g1", kind="quantity", slot="s",
                                       claims=("q-lede", "q-src"), why="test")],
                           _claims(), load_ruleset())
    assert lede.id in {f.id for f in alone}


def test_a_marker_silences_only_its_own_line() -> None:
    ruleset = load_ruleset()
    markers = parse_suppressions(DRAFT, "draft.md", "draft.md",
                                 known_rules=[r.id for r in ruleset.rules])
    marked = apply_suppressions(_findings(), markers, _claims())
    judged = {f.claims[0]: f for f in marked if f.verdict is Verdict.CONTRADICTED}
    assert judged["q-later"].suppressed == "checked with the ministry"
    assert judged["q-lede"].suppressed is None
