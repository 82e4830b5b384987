"""The words of dates: month and weekday names, number words, and text normalisation.

The resolver reads a date expression only after it is normalised here: lower case,
number words as digits ("twenty-first" → "21"), month abbreviations spelled out
("Sept." → "september"), ordinal suffixes dropped ("21st" → "21").
"""

from __future__ import annotations

import contextlib
import re

from text_to_num import alpha2digit

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NUMBER = {name: number for number, name in enumerate(WEEKDAYS)}  # Monday = 0

MONTH_RE = "(?:" + "|".join(MONTHS) + ")"
WEEKDAY_RE = "(?:" + "|".join(WEEKDAYS) + ")"

_MONTH_WORD = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])(\d)?")
_WEEKDAY_WORD = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?")
_WEEKDAY_FULL = {w[:3]: w for w in WEEKDAYS}
_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_SPOKEN_YEAR = re.compile(r"\b(\d{1,2},? )(1[1-9]|20) (\d{2})\b")
_DECADE_S = re.compile(r"\b(\d{2}|\d{4}) ?'?s\b")
_SPACES = re.compile(r"\s+")
_FEW = re.compile(r"\b(?:a few|few|several)\b")
_COUPLE = re.compile(r"\b(?:a couple of|a couple|couple of|couple)\b")
_A_UNIT = re.compile(r"\b(?:a|an|one)\s+(day|week|fortnight|month|year|decade)\b")
_HALF = re.compile(r"\bhalf an? (day|week|month|year)\b")
# "two and a half weeks", "a day and a half", "1½ days": a whole number and a half
_AND_A_HALF = re.compile(r"\b(\d+)(?: and a half (day|week|fortnight|month|year|decade)s?"
                         r"| (day|week|fortnight|month|year|decade)s? and a half|½ ?"
                         r"(day|week|fortnight|month|year|decade)s?)\b")
# An ordinal part of a year keeps its ordinal ("the first quarter" is Q1, not "in 1
# quarter"): rewritten before number words become digits and lose the difference.
_ORDINAL_PART = re.compile(
    r"\b(first|1st|second|2nd|third|3rd|fourth|4th|final|last)[- ](quarter|half)( of)?\b")
_PART_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4}
_THE_YEAR = re.compile(r"\b(?:the )?year (\d{4})\b")

DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
                "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}


def month_of(word: str) -> int | None:
    return MONTH_NUMBER.get(word)


def _month(match: re.Match[str]) -> str:
    word = match.group(1)
    full = next(name for name in MONTHS if name.startswith(word[:3]))
    return full + (" " + match.group(2) if match.group(2) else "")


def _weekday(match: re.Match[str]) -> str:
    return _WEEKDAY_FULL[match.group(1)[:3]]


def _ordinal_part(match: re.Match[str]) -> str:
    word, part, of = match.group(1), match.group(2), match.group(3) or ""
    letter = "q" if part == "quarter" else "h"
    if word in ("final", "last"):
        if word == "last" and not of:
            return match.group(0)  # "last quarter" is the one before this
        return f"{letter}{4 if part == 'quarter' else 2}{of}"
    number = _PART_NUMBER[word]
    if part == "half" and number > 2:
        return match.group(0)  # "the third half" is no part of a year
    return f"{letter}{number}{of}"


def _and_a_half(match: re.Match[str]) -> str:
    unit = match.group(2) or match.group(3) or match.group(4)
    return f"{match.group(1)}.5 {unit}s"


def normalise(text: str) -> str:
    """The canonical form of a date expression that the resolver's patterns read."""
    s = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-").lower()
    s = _SPACES.sub(" ", s).strip(" \t\n.,;:!?|\"()")
    s = s.replace("'s time", "").replace("year's", "year")
    s = _THE_YEAR.sub(r"\1", s)  # "the year 2030"; "the year before 2015" is kept
    s = _ORDINAL_PART.sub(_ordinal_part, s)
    s = _FEW.sub("3", s)
    s = _COUPLE.sub("2", s)
    s = _HALF.sub(r"0.5 \1", s)
    s = _A_UNIT.sub(r"1 \1", s)
    with contextlib.suppress(Exception):  # the number parser must never make resolution raise
        s = alpha2digit(s, "en", threshold=0)
    s = _AND_A_HALF.sub(_and_a_half, s)
    s = _ORDINAL_SUFFIX.sub(r"\1", s)
    s = _SPOKEN_YEAR.sub(r"\1\2\3", s)
    s = _MONTH_WORD.sub(_month, s)
    s = _WEEKDAY_WORD.sub(_weekday, s)
    s = _DECADE_S.sub(r"\1s", s)
    s = s.replace(" , ", ", ")
    return _SPACES.sub(" ", s).strip(" .,")
