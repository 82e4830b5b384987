"""Decoding: every encoding a newsroom produces, binary files refused by name."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.encoding import decode
from claimcheck.errors import InputError

TEXT = "Café “quoted” — 40 people in São Paulo, 3 km away.\r\nNext line: 12 injured."
WESTERN = "Café in São Paulo: 12 people died, “officials” said — naïve façade."


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, id="utf-8-bom"),
    pytest.param(TEXT.encode("utf-16"), TEXT, id="utf-16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, id="utf-16-be-bom"),
    pytest.param(TEXT.encode("utf-16-le"), TEXT, id="utf-16-le-no-bom"),
    pytest.param(TEXT.encode("utf-16-be"), TEXT, id="utf-16-be-no-bom"),
    pytest.param(TEXT.encode("utf-32"), TEXT, id="utf-32-bom"),
    pytest.param(WESTERN.encode("latin-1", errors="ignore"),
                 WESTERN.encode("latin-1", errors="ignore").decode("latin-1"), id="latin-1"),
    pytest.param(WESTERN.encode("cp1252"), WESTERN, id="windows-1252"),
    pytest.param(TEXT.encode("cp1252"), TEXT, id="windows-1252-crlf"),
    pytest.param(TEXT.encode("utf-8") + " “stray”".encode("cp1252"), TEXT + " “stray”",
                 id="utf-8-with-stray-windows-1252"),
    pytest.param("Привет, это текст на русском языке о погибших.".encode("cp1251"),
                 "Привет, это текст на русском языке о погибших.", id="windows-1251"),
    pytest.param(b"", "", id="empty"),
    pytest.param(b" \r\n\t\n", " \r\n\t\n", id="whitespace"),
])
def test_encodings_decode_to_the_same_text(data: bytes, expected: str) -> None:
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(("data", "says"), [
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>", "PDF", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG", id="jpeg"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP", id="docx"),
    pytest.param(bytes(range(256)) * 8, "binary", id="all-bytes"),
    pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "binary", id="controls"),
])
def test_binary_files_are_refused_by_name(data: bytes, says: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "folder/x.txt")
    (problem,) = caught.value.problems
    assert problem.code == "CC101"
    # a known format is named by the file; bytes that are not text by their position too
    assert re.match(r"folder/x\.txt(:\d+:\d+)?: CC101 ", problem.render())
    assert says in problem.message


def test_broken_utf16_is_named_as_such() -> None:
    with pytest.raises(InputError) as caught:
        decode(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "u.txt")  # a lone high surrogate
    assert caught.value.problems[0].code == "CC102"
    assert "UTF-16" in caught.value.problems[0].message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode(data, "x.txt")
    except InputError as err:
        assert err.problems and err.problems[0].code in ("CC101", "CC102")
    else:
        assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufeff"),
               max_size=500),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips_through_utf_encodings(text: str, codec: str) -> None:
    try:
        decoded = decode(text.encode(codec), "x.txt")
    except InputError as err:  # text that is mostly control characters reads as binary
        assert err.problems[0].code == "CC101"
    else:
        assert decoded == text
