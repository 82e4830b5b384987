"""The peer benchmark's conventions follow a news reader without excusing a wrong reading:
each stands for an item only when the values found carry the same information."""

from __future__ import annotations

from typing import Any

from benchmarks.peer_parse import score


def item(text: str, span: str, low: float | None, high: float | None,
         unit: str | None = None, **extra: Any) -> dict[str, Any]:
    start = text.index(span)
    value = low if low == high else None
    return {"span": span, "start": start, "end": start + len(span), "value": value,
            "low": low, "high": high, "low_inclusive": True, "high_inclusive": True,
            "unit": unit, **extra}


def found(text: str, span: str, low: float, high: float, unit: str | None,
          dimension: str) -> dict[str, Any]:
    start = text.index(span)
    return {"kind": "quantity", "text": span, "start": start, "end": start + len(span),
            "value": {"low": low, "high": high, "stated": low, "unit": unit,
                      "dimension": dimension, "low_inclusive": True, "high_inclusive": True}}


def case(text: str, expected: list[dict[str, Any]], source: str = "quantulum3/x.json"
         ) -> dict[str, Any]:
    return {"id": "c", "text": text, "expected": expected, "source": source}


def test_a_change_stands_for_the_range_only_with_both_values() -> None:
    text = "Output rose from 40 kg to 70 kg."
    expected = [item(text, "40 kg to 70 kg", 40, 70, "kilogram")]
    right = [found(text, "40 kg", 40, 40, "kg", "mass"), found(text, "70 kg", 70, 70, "kg", "mass")]
    wrong = [found(text, "40 kg", 40, 40, "kg", "mass"), found(text, "70 kg", 75, 75, "kg", "mass")]
    assert score("quantities", case(text, expected), right).passed
    assert not score("quantities", case(text, expected), wrong).passed


def test_two_values_without_a_verb_of_change_do_not_stand_for_a_range() -> None:
    text = "They were given 40 kg to 70 kg."
    expected = [item(text, "40 kg to 70 kg", 40, 70, "kilogram")]
    values = [found(text, "40 kg", 40, 40, "kg", "mass"),
              found(text, "70 kg", 70, 70, "kg", "mass")]
    assert not score("quantities", case(text, expected), values).passed


def test_mixed_units_stand_for_their_parts_only_as_their_sum() -> None:
    text = "It took two years and six months."
    expected = [item(text, "two years", 2, 2, "year"), item(text, "six months", 6, 6, "month")]
    span = "two years and six months"
    assert score("quantities", case(text, expected),
                 [found(text, span, 2.5, 2.5, "year", "duration")]).passed
    assert not score("quantities", case(text, expected),
                     [found(text, span, 2.6, 2.6, "year", "duration")]).passed


def test_a_range_stands_for_its_end_only_in_a_model_without_ranges() -> None:
    text = "walls six to 9 feet tall"
    expected = [item(text, "9 feet", 9, 9, "Foot", dimension="Length")]
    values = [found(text, "six to 9 feet", 6, 9, "ft", "length")]
    assert score("quantities", case(text, expected, "x/DimensionModel.json"), values).passed
    assert not score("quantities", case(text, expected), values).passed


def test_what_is_declined_by_design_is_a_miss_as_the_suite_says() -> None:
    """A unit named with no number, the digit groups of a phone number: no value carries
    what the suite asks for, so no convention excuses them."""
    text = "the kilogram is a unit"
    expected = [item(text, "kilogram", None, None, "Kilogram")]
    assert not score("quantities", case(text, expected, "x/DimensionModel.json"), []).passed
    text = "Call 555-0123 or 20 people"
    expected = [item(text, "555", 555, 555), item(text, "20", 20, 20)]
    twenty = found(text, "20", 20, 20, None, "count")
    assert not score("numbers", case(text, expected, "x/NumberModel.json"), [twenty]).passed


def test_without_conventions_only_the_suites_reading_counts() -> None:
    text = "Output rose from 40 kg to 70 kg."
    expected = [item(text, "40 kg to 70 kg", 40, 70, "kilogram")]
    values = [found(text, "40 kg", 40, 40, "kg", "mass"),
              found(text, "70 kg", 70, 70, "kg", "mass")]
    assert score("quantities", case(text, expected), values).passed
    assert not score("quantities", case(text, expected), values, conventions=False).passed
