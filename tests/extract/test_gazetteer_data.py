"""The shipped gazetteer data: the city keys are those of the city table, and the fast
ASCII key is the Unicode key."""

from __future__ import annotations

import gzip
import sys
from importlib import resources
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.gazetteer import (
    CITY_KEYS,
    CITY_TABLE,
    load_gazetteer,
    name_key,
    unicode_name_key,
)

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def test_city_keys_file_is_generated_from_the_city_table() -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        from build_gazetteer import city_keys_text
    finally:
        sys.path.remove(str(SCRIPTS))
    data = resources.files("claimcheck.data")
    shipped = gzip.decompress(data.joinpath(CITY_KEYS).read_bytes()).decode("utf-8")
    assert shipped == city_keys_text(data.joinpath(CITY_TABLE).read_bytes()), (
        "run: python scripts/build_gazetteer.py --keys-only")


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_key_is_the_unicode_key(text: str) -> None:
    assert name_key(text) == unicode_name_key(text)


@given(st.text(alphabet=" \t\n\x1c.,-_/`'’aZé"))
def test_key_of_separators_and_marks(text: str) -> None:
    assert name_key(text) == unicode_name_key(text)


def test_cities_are_made_on_lookup_and_once() -> None:
    gazetteer = load_gazetteer()
    (first,) = [e for e in gazetteer.lookup("Nairobi") if e.country == "KE"]
    assert first.chain[-1] == "iso:KE" and first.population > 1_000_000
    assert any(e is first for e in gazetteer.lookup("nairobi"))
    assert gazetteer.capitals["KE"] is first
