"""The seed gold: what must be extracted from the three seed articles, and which
cross-source verdicts are right. Data in ``tests/gold/seeds.yaml``; this test proves the
general mechanism on them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pycountry
import pytest

from claimcheck.model.claims import DateClaim, LocationClaim, QuantityClaim, QuoteClaim
from claimcheck.model.findings import Verdict
from claimcheck.model.quotes import normalise_quote
from claimcheck.report.view import Report
from tests.helpers import SEEDS, TESTS, find_claim, load_yaml

pytestmark = pytest.mark.model
GOLD = load_yaml(TESTS / "gold" / "seeds.yaml")


@pytest.fixture(scope="module")
def report(nlp: Any) -> Report:
    from claimcheck import api
    from claimcheck.rules import load_ruleset
    from claimcheck.sources import load_sources

    return api.compare(load_sources([SEEDS]), load_ruleset(), nlp=nlp)


def _claim_id(case: dict[str, Any]) -> str:
    return f"{case['source'][:3]}-{case['kind']}-{case['text'][:24]}"


def _country(name: str) -> str:
    return str(pycountry.countries.lookup(name.strip()).alpha_2)


@pytest.mark.parametrize("case", GOLD["claims"], ids=_claim_id)
def test_gold_claim_is_extracted(report: Report, case: dict[str, Any]) -> None:
    claim = find_claim(report, case["source"], case["text"], case["kind"], case.get("sentence"))
    assert claim is not None, f"no {case['kind']} claim {case['text']!r} in {case['source']}"
    assert not claim.furniture
    if isinstance(claim, QuantityClaim):
        _check_quantity(claim, case)
    elif isinstance(claim, DateClaim):
        _check_date(claim, case)
    elif isinstance(claim, LocationClaim):
        _check_place(claim, case)
    elif isinstance(claim, QuoteClaim):
        assert normalise_quote(case["text"]) in normalise_quote(claim.value.quote)
        assert claim.value.speaker == case["speaker"]


def _check_quantity(claim: QuantityClaim, case: dict[str, Any]) -> None:
    interval = claim.value.interval
    if "value" in case:
        assert interval.low == interval.high == Decimal(str(case["value"]))
    else:
        assert interval.low == Decimal(str(case["low"]))
        assert interval.low_inclusive == case["low_inclusive"]
        assert interval.high == (None if case["high"] is None else Decimal(str(case["high"])))
    if "unit" in case:
        assert (claim.value.unit is not None and claim.value.unit.startswith(
            {"ton": "t", "year": "year"}.get(case["unit"], case["unit"]))) or \
            claim.value.unit == case["unit"]
    if case.get("approximate"):
        assert claim.value.approximate


def _check_date(claim: DateClaim, case: dict[str, Any]) -> None:
    value = claim.value
    assert value.range.granularity.value == case["granularity"]
    text = str(case["date"])
    if len(text) == 10:
        day = dt.date.fromisoformat(text)
        assert value.range.start == value.range.end == day
    elif len(text) == 7:
        year, month = map(int, text.split("-"))
        assert value.range.start is not None and value.range.end is not None
        assert (value.range.start.year, value.range.start.month) == (year, month)
        assert (value.range.end.year, value.range.end.month) == (year, month)
    else:
        assert value.range.start is not None and value.range.end is not None
        assert value.range.start.year == value.range.end.year == int(text)
    if case.get("approximate"):
        assert value.approximate


def _check_place(claim: LocationClaim, case: dict[str, Any]) -> None:
    place = claim.value.place
    description = case["place"]
    around = description.startswith(("near ", "suburb of "))
    description = description.removeprefix("near ").removeprefix("suburb of ")
    name, _, country = description.partition(",")
    assert place.resolved
    if country:
        assert place.name == name.strip()
        assert place.country == _country(country)
    else:
        assert place.country == _country(name)
        assert place.level.value == "country"
    assert place.around == around


def _relation_id(case: dict[str, Any]) -> str:
    return f"{case['relation']}-{case['a']['text'][:20]}~{case['b']['text'][:20]}"


@pytest.mark.parametrize("case", GOLD["relations"], ids=_relation_id)
def test_gold_relation_holds(report: Report, case: dict[str, Any]) -> None:
    a = find_claim(report, case["a"]["source"], case["a"]["text"])
    b = find_claim(report, case["b"]["source"], case["b"]["text"])
    assert a is not None and b is not None, "both claims of the relation must be extracted"
    together = [g for g in report.groups if not g.related and a.id in g.claims
                and b.id in g.claims]
    verdicts = {f.verdict for f in report.findings if a.id in f.claims and b.id in f.claims}
    if case["relation"] == "not_compared":
        assert not together, f"grouped although {case['why']}"
        assert not verdicts
    else:
        assert together, "the two claims must be grouped"
        assert Verdict(case["relation"]) in verdicts
        assert Verdict.CONTRADICT not in verdicts


def test_repeated_sentence_counts_once(report: Report) -> None:
    fridays = [c for c in report.claims if c.source.startswith("000") and c.text == "Friday"
               and "global community" in c.sentence]
    assert len(fridays) == 1


def test_page_furniture_reaches_no_verdict(report: Report) -> None:
    furniture = {c.id for c in report.claims if c.furniture}
    appeal = [c for c in report.claims if c.source.startswith("001")
              and ("30 years" in c.sentence or "from just 2" in c.sentence)]
    assert appeal and all(c.id in furniture for c in appeal)
    assert not any(set(f.claims) & furniture for f in report.findings)
