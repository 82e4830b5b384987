"""Bytes of an input file → text, or one clear problem saying why not.

Order: byte-order marks (UTF-32, UTF-16, UTF-8), binary signatures, strict UTF-8, then a
detected encoding. English news copy that is not UTF-8 is overwhelmingly Windows-1252
(a superset of Latin-1 in practice), and detectors cannot tell the Latin code pages
apart on short texts, so a detected Latin code page is read as Windows-1252. A file
that is mostly UTF-8 with a few stray Windows-1252 bytes (a pasted curly quote) keeps
its UTF-8 and reads only the stray bytes as Windows-1252.

The decoded text is never normalised: claim offsets index it exactly.
"""

from __future__ import annotations

import codecs
import re

from claimcheck.errors import InputError, Problem

BINARY = "CC101"
UNDECODABLE = "CC102"

# leading bytes of formats an editor may drop into a folder by mistake
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
# control characters that do not occur in text (tab, newlines and form feed excluded, and
# escape: terminal colour codes pasted with text, masked before parsing)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_MIXED_HANDLER = "claimcheck-cp1252"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MAX_HIGH_SHARE = 0.2
_REPLACEMENT = "\ufffd".encode()
_MAX_STRAY = 4
_MAX_STRAY_SHARE = 0.005


def _cp1252_for_stray_bytes(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    chunk = err.object[err.start:err.end]
    return bytes(chunk).decode("cp1252", errors="replace"), err.end


codecs.register_error(_MIXED_HANDLER, _cp1252_for_stray_bytes)


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; raise ``InputError`` (CC101, CC102) naming the file if not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                line, column = _byte_position(data, err.start, codec)
                raise InputError([Problem(UNDECODABLE, f"starts with a {codec.upper()} "
                                          "byte-order mark but is not valid "
                                          f"{codec.upper()}", path, line, column)]) from None
    kind = binary_kind(data)
    if kind is not None:
        raise InputError([Problem(BINARY, f"is {kind}, not text; claimcheck reads plain "
                                  "text, Markdown and HTML articles", path)])
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            line, column = _byte_position(data, data.index(b"\x00"), "utf-8")
            raise InputError([Problem(BINARY, "looks like a binary file, not text (a NUL "
                                      "byte)", path, line, column)])
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as err:
            line, column = _byte_position(data, err.start, utf16)
            raise InputError([Problem(UNDECODABLE, "looks like UTF-16 without a byte-order "
                                      "mark but is not valid UTF-16; save it as UTF-8", path,
                                      line, column)]) from None
        return _checked(text, path)
    utf8 = _try(data, "utf-8-sig")
    return _checked(utf8 if utf8 is not None else _detected(data, path), path)


def binary_kind(data: bytes) -> str | None:
    """What a known binary format is, from its first bytes; None for anything else."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII-range text has a zero in every other byte."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _detected(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    if _few_stray_bytes(data) or _mostly_ascii(data):
        # UTF-8 with a pasted Windows-1252 quote, or a few accented letters in English
        # copy: detectors guess wildly on so little evidence (Cyrillic, Greek); a Western
        # code page for the odd bytes is by far the likeliest
        return data.decode("utf-8", errors=_MIXED_HANDLER)
    best = from_bytes(data).best()
    if best is None:
        line, column = _first_bad_utf8(data)
        raise InputError([Problem(UNDECODABLE, "cannot detect the text encoding; save it as "
                                  "UTF-8 (the first byte that is not UTF-8)", path, line,
                                  column)])
    if _single_byte_latin(best.encoding):
        # stray Windows-1252 bytes inside UTF-8 text keep the UTF-8; plain Windows-1252
        # (or Latin-1) text has no valid multi-byte sequences, so reads the same either way
        return data.decode("utf-8", errors=_MIXED_HANDLER)
    return str(best)


def _few_stray_bytes(data: bytes) -> bool:
    """Valid UTF-8 but for a handful of bytes."""
    stray = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(_REPLACEMENT)
    return stray <= max(_MAX_STRAY, _MAX_STRAY_SHARE * len(data))


def _mostly_ascii(data: bytes) -> bool:
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return high <= _MAX_HIGH_SHARE * len(data)


def _single_byte_latin(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return name.startswith(("cp125", "iso8859", "latin", "mac_", "windows_125")) and \
        name not in ("cp1251", "windows_1251", "iso8859_5", "mac_cyrillic", "cp1253",
                     "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6")


def _checked(text: str, path: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        first = _CONTROL.search(sample)
        line, column = text_position(text, first.start() if first else 0)
        raise InputError([Problem(BINARY, "looks like a binary file, not text (control "
                                  "characters)", path, line, column)])
    return text


def text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character offset (lines end at ``\\n``)."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _byte_position(data: bytes, offset: int, codec: str) -> tuple[int, int]:
    """Line and column of the character that starts at byte ``offset``."""
    prefix = data[:offset].decode(codec, errors="replace").lstrip("\ufeff")
    return text_position(prefix, len(prefix))


def _first_bad_utf8(data: bytes) -> tuple[int, int]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _byte_position(data, err.start, "utf-8")
    return 1, 1
