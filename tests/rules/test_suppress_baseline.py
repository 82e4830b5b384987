"""Inline suppression markers and baselines: findings are marked, never dropped."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.model.claims import About, QuantityClaim
from claimcheck.model.findings import ClaimGroup
from claimcheck.model.numbers import Interval, QuantityValue
from claimcheck.rules import (
    apply_baseline,
    apply_suppressions,
    evaluate_check,
    load_baseline,
    load_ruleset,
    parse_suppressions,
    write_baseline,
)

DRAFT = """\
# Draft

Officials said 45 sites were declared.
<!-- claimcheck: ignore quantity-agreement -- figure confirmed by phone with the ministry -->

The inspectors visited 12 sites. [claimcheck: ignore default/quantity-agreement -- ours]
Another 7 sites remain.
"""


def claim(cid: str, text: str, line: int, n: int) -> QuantityClaim:
    return QuantityClaim(id=cid, source="draft.md", text=text, start=0, end=len(text), line=line,
                         column=1, sentence=text, sentence_start=0,
                         about=About(attribute="sites"),
                         value=QuantityValue(interval=Interval.point(Decimal(n))))


def test_markers_cover_their_line_and_the_next_non_blank_line() -> None:
    found = parse_suppressions(DRAFT, "draft.md", source="draft.md")
    assert [(s.rules, s.line, s.lines) for s in found] == [
        (("quantity-agreement",), 4, (4, 6)),
        (("default/quantity-agreement",), 6, (6, 7)),
    ]
    assert found[0].reason == "figure confirmed by phone with the ministry"


def test_suppressed_findings_are_kept_and_marked() -> None:
    ruleset = load_ruleset()
    claims = [claim("a", "45", 3, 45), claim("b", "12", 6, 12), claim("c", "7", 7, 7),
              claim("d", "3", 9, 3)]
    by_id = {c.id: c for c in claims}
    findings = evaluate_check(claims, [], by_id, ruleset)
    marked = apply_suppressions(findings, parse_suppressions(DRAFT, "draft.md"), by_id)
    assert len(marked) == len(findings) == 4
    reasons = {f.claims[0]: f.suppressed for f in marked}
    assert reasons == {"a": None,  # the marker is below its sentence: it covers lines 4 and 6
                       "b": "figure confirmed by phone with the ministry",
                       "c": "ours", "d": None}


def test_a_marker_without_reason_is_an_error_naming_file_and_line() -> None:
    text = ("Fine.\n\nBad <!-- claimcheck: ignore quote-fidelity -->\n"
            "Also [claimcheck: ignore all --]\n")
    with pytest.raises(InputError) as caught:
        parse_suppressions(text, "draft.md")
    assert [p.location() + " " + p.code for p in caught.value.problems] == [
        "draft.md:3:5 S100", "draft.md:4:6 S100"]


def test_a_marker_naming_no_rule_is_an_error() -> None:
    text = "<!-- claimcheck: ignore quote-fidelty -- known -->\n"
    with pytest.raises(InputError) as caught:
        parse_suppressions(text, "draft.md", known_rules=["default/quote-fidelity"])
    assert caught.value.problems[0].render().startswith(
        "draft.md:1:1: S101 no rule 'quote-fidelty' (did you mean 'quote-fidelity'?)")


def test_baseline_round_trip(tmp_path: Path) -> None:
    ruleset = load_ruleset()
    claims = [claim("a", "45", 3, 45), claim("b", "12", 6, 12)]
    by_id = {c.id: c for c in claims}
    findings = evaluate_check(claims, [ClaimGroup(id="g", kind="quantity", slot="s",
                                                  claims=("a",), why="t")], by_id, ruleset)
    path = tmp_path / "baseline.json"
    write_baseline(path, findings[:1])
    first = path.read_text(encoding="utf-8")
    write_baseline(path, findings[:1])
    assert path.read_text(encoding="utf-8") == first
    marked = apply_baseline(findings, load_baseline(path))
    assert [f.baselined for f in marked] == [True, False]
    assert [f.id for f in marked] == [f.id for f in findings]


@pytest.mark.parametrize(("text", "location"), [
    ("{not json", "baseline.json:1:2"),
    ('{"version": 1, "findings": [{"rule": "x"}]}', "baseline.json"),
])
def test_bad_baseline_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        text: str, location: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("baseline.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(Path("baseline.json"))
    assert caught.value.problems[0].location() == location
