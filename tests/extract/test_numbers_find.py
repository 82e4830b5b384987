"""The quantity finder on the real pipeline: counted things, dates dropped, head tokens."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.numbers import find

pytestmark = pytest.mark.model


def found(nlp: Any, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    return [(text[m.start:m.end], m.value.unit, doc[m.token].text) for m in find(doc, None)
            if m.token is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("The US blames it for killing over 1,000 civilians in the attack.",
     [("over 1,000", "civilian", "1,000")]),
    ("More than 100,000 people have died in the war.",
     [("More than 100,000", "person", "100,000")]),
    ("The war has left over 100,000 people dead.", [("over 100,000", "person", "100,000")]),
    ("Moscow proposed a four-step plan.", [("four-step", "step", "four")]),
    ("Police arrested 12 protesters and seized three trucks.",
     [("12", "protester", "12"), ("three", "truck", "three")]),
    ("The army called up 40,000 reservists.", [("40,000", "reservist", "40,000")]),
    ("It holds an estimated 1,000-ton stockpile.", [("1,000-ton", "ton", "1,000")]),
    ("Hundreds of people were killed.", [("Hundreds", "person", "Hundreds")]),
    ("Police detained dozens of protesters.", [("dozens", "protester", "dozens")]),
    ("Millions of Syrians need aid.", [("Millions", "syrian", "Millions")]),
    ("After the two-and-a-half-year conflict, talks began.",
     [("two-and-a-half-year", "year", "half")]),
    # the digits at the end of a link count nothing
    ("Join the 40 walkers today: pic.example.com/3K8PXOm7w0 — and more.",
     [("40", "walker", "40")]),
])
def test_counted_things(nlp: Any, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The attack took place on August 21, 2013.",
    "Talks could start around September 28.",
    "He came second in the first round.",
    "The summit opened on the 13th.",
    "The strikes went on into a third day.",
    "She won a fifth term.",
])
def test_dates_and_ordinals_are_not_quantities(nlp: Any, text: str) -> None:
    assert found(nlp, text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("The siege lasted a quarter century.", "a quarter century"),
    ("A fifth of the budget went to schools.", "A fifth"),
    ("The bill passed with a two-thirds majority.", "two-thirds"),
])
def test_fractions_before_a_noun_stay_amounts(nlp: Any, text: str, span: str) -> None:
    assert [f[0] for f in found(nlp, text)] == [span]


def test_offsets_index_the_text(nlp: Any) -> None:
    text = "Some 90,000 people have died since it began in early 2011, and 45 sites remain."
    doc = nlp(text)
    mentions = find(doc, date(2013, 10, 8))
    assert [text[m.start:m.end] for m in mentions] == ["Some 90,000", "45"]
    assert all(m.kind == "quantity" for m in mentions)


SEEDS = next((folder / "shared" / "seeds" for folder in Path(__file__).resolve().parents
              if (folder / "shared" / "seeds").is_dir()), Path("shared") / "seeds")


@pytest.mark.skipif(not (SEEDS / "004_eb993784b28d4e74.txt").exists(), reason="no seed articles")
def test_seed_article_quantities(nlp: Any) -> None:
    text = (SEEDS / "004_eb993784b28d4e74.txt").read_text(encoding="utf-8")
    mentions = {text[m.start:m.end]: m.value for m in find(nlp(text), None)}
    assert mentions["over 1,000"].unit == "civilian"
    assert mentions["over 100,000"].unit == "person"
    assert mentions["four-step"].stated == 4
