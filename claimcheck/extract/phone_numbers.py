"""Phone numbers in running text: digit groups that state neither an amount nor a date.

"Call 555 1234", "(901) 528-1234", "+1-222-2222/2222": the last group has four digits,
so read alone it could be a year. A group of three and then one of four, joined by a
hyphen, a stop or a space, with an optional area code, country code and extension, is a
phone number; set apart by a space alone, not when the four are a year before a word
("of the 150 2014 graduates": a count, then the year of what it counts).
"""

from __future__ import annotations

import re

PHONE_NUMBER = re.compile(
    r"(?<![\w.,/+-])(?:\+\d{1,3}[-. ]?|1-)?(?:\(\d{3}\)\s?|\d{3}[-.])?"
    r"\d{3}(?:[-.]|\s(?!(?:19|20)\d\d\s+[a-z]))\d{4}(?:/\d{1,5})?(?![\w/-]|[.,]\d)")


def phone_number_spans(text: str) -> list[tuple[int, int]]:
    """The character spans [start, end) of the phone numbers in ``text``."""
    return [match.span() for match in PHONE_NUMBER.finditer(text)]
