"""Which tokens can make, or be part of, a date: the token vocabulary of the date finder.

A date needs a **calendar cue**: a month, a weekday, a day word ("yesterday"), a unit of
the calendar ("week", "year") that the resolver then has to accept with its modifier
("last week", "three years ago"), a holiday, a decade, a numeric date ("4/22",
"2013-10-08") or a year in date context ("in 2011", "2014 to 2018"). Without one, no
span becomes a date, so "between 20 and 30 people" stays a number range. Around the
cues, **connectors** (numbers, ordinals, "of", "to", "early", "the end of", …) may join
a longer expression; the finder tries the longest and backs off to its parts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from claimcheck.extract.date_words import DECADE_WORDS, MONTHS, WEEKDAYS

Token = Any  # spacy.tokens.Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH_FORMS = frozenset(MONTHS) | _words("jan feb mar apr jun jul aug sep sept oct nov dec")
# Month and weekday forms that are also common words: a cue only when written as a name.
_AMBIGUOUS = _words("may march mar jan sun sat wed mon dec jun aug")
_WEEKDAY_FORMS = frozenset(WEEKDAYS) | _words("mon tue tues wed thu thur thurs fri sat sun")
DAY_WORDS = _words("today tomorrow yesterday tonight tomorrow's yesterday's today's midweek")
CALENDAR_UNITS = _words("""
day days week weeks weekend weekends fortnight fortnights month months quarter
quarters year years decade decades century centuries semester""")
SEASONS = _words("spring summer autumn fall winter")
# Words that open a holiday's name (the resolver's holiday table says which dates).
HOLIDAY_HEADS = _words("""
christmas easter thanksgiving halloween xmas independence labor labour memorial
earth new valentine valentine's boxing mother's father's veterans columbus martin
presidents good palm ash st st. saint patrick patrick's patricks bastille canada australia
remembrance guy fawkes bonfire all saints""")
HOLIDAYS = _words("christmas easter thanksgiving halloween xmas juneteenth epiphany")
_PART_OF_YEAR = re.compile(r"^(?:early|mid|late)-(?:1\d|20)\d\ds?$")  # "mid-2009", one token
_YEAR = re.compile(r"^(?:1[0-9]|2[0-9])\d\d$")
_DECADE = re.compile(r"^(?:'?\d0s|(?:1[0-9]|20)\d0s|'\d0)$")
_NUMERIC_DATE = re.compile(
    r"^(?:\d{1,4}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}-\d{1,2}-\d{2,4}"
    r"|\d{1,2}[/.]\d{1,2}[/.,]\d{2,4})$"
)
_MONTH_INSIDE = re.compile(
    r"(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:[-/.]?\d|$)"
    r"|\d[-/.]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
)
# Words before a bare four-digit number that make it a year ("in 2011", "the summer of
# 2008"), and words that pair it with another ("2014 to 2018"), which a number range
# shares ("between 1500 and 2000 people"): those count only where the model reads no count.
_YEAR_LEADS = _words("""
in since by until till before after of year early mid late during circa c. summer winter
spring autumn fall throughout end start beginning middle half""")
_PAIRED_LEADS = _words("between and to - – from through than for around")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16})
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
NUMBER_WORDS = _words("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred thousand first second third fourth fifth sixth seventh eighth
ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
eighteenth nineteenth twentieth thirtieth a an few couple several half""")
CONNECTORS = _words("""
of the to till until through thru and between from next last this previous past
coming upcoming following early mid middle late end beginning start quarter ago
later earlier before after since in within on as than more less no not or around
about approximately roughly circa by prior starting s 's ’s ' - – / , . now hence
current same date time so far half""")
_CURRENCY_SIGNS = frozenset("$€£¥₹₽₩₪₺")
_DAY_NUMBER = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
_DAY_LEADS = _words("on by until till since from before after")
# Numeric dates the tokenizer splits: "9-18-15", "2013-10-08", "on 4-22"; and two years
# joined by a tilde, the range mark of some writers ("2014~2018"), that it keeps whole.
NUMERIC_SPANS = re.compile(
    r"(?<![\w.,/-])(?:\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})|(?:1\d|20)\d\d-\d{1,2}-\d{1,2}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|(?:1\d|20)\d\d\s?~\s?(?:1\d|20)\d\d)(?![\w/-])"
    r"|(?<=\bon )\d{1,2}-\d{1,2}(?![\w/-])", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def may_be_cue(lower: str) -> bool:
    """Whether a token written ``lower`` (lower-cased) can be a cue at all: every test
    of ``is_cue`` that reads more than the word itself is behind one of these, so a word
    failing them is no cue wherever it stands (most words: no Token need be made)."""
    bare = lower.rstrip(".")
    return (bare in _MONTH_FORMS or bare in _WEEKDAY_FORMS or lower in DECADE_WORDS
            or lower in DAY_WORDS or lower in CALENDAR_UNITS or lower in SEASONS
            or lower in HOLIDAYS or bool(_NUMERIC_DATE.match(lower))
            or bool(_DECADE.match(lower)) or bool(_MONTH_INSIDE.search(lower))
            or bool(_PART_OF_YEAR.match(lower)) or bool(_YEAR.match(lower))
            or bool(_DAY_NUMBER.match(lower)))


def is_cue(token: Token) -> bool:
    """Whether ``token`` can carry a date by itself or with its modifiers."""
    lower = token.lower_
    bare = lower.rstrip(".")
    if bare in _MONTH_FORMS or bare in _WEEKDAY_FORMS:
        return _named(token, bare)
    if lower in DECADE_WORDS:
        return not _no_calendar_decade(token)
    if lower in DAY_WORDS:
        return not _in_a_name(token)
    if lower in CALENDAR_UNITS:
        return True
    if lower in SEASONS or lower in HOLIDAYS:
        return True
    if _NUMERIC_DATE.match(lower):
        return _plausible_numeric(lower) and not _names_a_thing(token)
    if _DECADE.match(lower):
        return not _no_calendar_decade(token)
    if _MONTH_INSIDE.search(lower) or _PART_OF_YEAR.match(lower):
        return True
    if _YEAR.match(lower):
        return is_year(token)
    return _is_day_of_month(token)


_POSSESSIVES = _words("his her their my your our its one's")
_AGE_PARTS = _words("early mid late - the")
_READING_LEVELS = _words("high low upper lower")


def _no_calendar_decade(token: Token) -> bool:
    """"in their 20s", "a man in his early forties": a decade of a life, not of the
    calendar; so is a two-digit decade of people "aged" so, and a level ("the high 90s")."""
    if re.match(r"^(?:1[0-9]|20)\d0s$", token.lower_):
        return False  # "the 1960s" is always the calendar's
    previous = _near(token, -1)
    if previous is not None and previous.lower_ in _READING_LEVELS:
        return True  # "the high 90s", "the low 40s": a reading (heat, scores), no decade
    while previous is not None and previous.lower_ in _AGE_PARTS:
        previous = _near(previous, -1)
    if previous is not None and previous.lower_ in ("and", "or", "to", ","):
        first = _near(previous, -1)  # "in their 30s and 40s"
        return first is not None and bool(_DECADE.match(first.lower_)) and \
            _no_calendar_decade(first)
    return previous is not None and (previous.lower_ in _POSSESSIVES
                                     or previous.lower_ in ("aged", "age", "ages"))


def _is_day_of_month(token: Token) -> bool:
    """"on the 22nd", "for the 27": a day number after "the" that counts nothing."""
    if not _DAY_NUMBER.match(token.lower_):
        return False
    previous, following = _near(token, -1), _near(token, 1)
    if previous is None or previous.lower_ != "the":
        return False
    before = _near(previous, -1)
    if before is None or before.lower_ not in _DAY_LEADS | {"for", "of"}:
        return False
    return following is None or following.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")


def _named(token: Token, bare: str) -> bool:
    if bare not in _AMBIGUOUS:
        return True
    if token.tag_ == "MD" or (token.pos_ == "VERB" and bare == "march"):
        return False
    neighbours = [t for t in (_near(token, -1), _near(token, 1)) if t is not None]
    if any(t.like_num or _ORDINAL.match(t.lower_) for t in neighbours):
        return True
    return bool(token.text[:1].isupper() and token.pos_ == "PROPN")


_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC"})


def _in_a_name(token: Token) -> bool:
    """"USA TODAY", "told USA Today": a day word that is a word of a name (of a paper, a
    show) dates nothing; the parse shows it as a proper noun in such a name, or after
    another proper noun of its own."""
    if token.pos_ != "PROPN":
        return False
    return token.ent_type_ in _NAME_ENTITIES or any(
        child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < token.i
        for child in token.children)


def _near(token: Token, step: int) -> Token | None:
    index = token.i + step
    doc = token.doc
    return doc[index] if 0 <= index < len(doc) else None


def _names_a_thing(token: Token) -> bool:
    """"The 9/11 attacks", "24/7 news": a month and day without a year that modifies a
    noun names the thing, not its date."""
    parts = re.split(r"[-/.,]", token.lower_)
    return (
        len(parts) == 2
        and token.dep_ in ("compound", "amod", "nmod", "nummod")
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
    )


def _plausible_numeric(lower: str) -> bool:
    """"4/22" and "2013-10-08" are dates; "3.5", "1.2.3" and the fraction "3/4" are not."""
    parts = re.split(r"[-/.,]", lower)
    if len(parts) == 2 and "." in lower:
        return False  # a decimal number
    if not all(p.isdigit() and int(p) > 0 for p in parts):
        return False
    if len(parts) == 2 and "/" in lower:
        top, bottom = int(parts[0]), int(parts[1])
        return not (top < bottom and bottom in _FRACTION_DENOMINATORS)  # "1/2", "3/4"
    return True


def is_year(token: Token) -> bool:
    """A bare four-digit number reads as a year in date context: labelled a date by the
    model, led by a word of time ("in 2011", "the year 2019"), or next to another cue;
    never when it counts a noun ("2000 tons")."""
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
        return False
    if token.ent_type_ == "DATE":
        return True  # "the 2010 floods": the model knows a year that modifies a noun
    following = _near(token, 1)
    if (
        following is not None
        and following.pos_ == "NOUN"
        and following.lower_ not in CALENDAR_UNITS
        and following.lower_ not in SEASONS
        and token.dep_ == "nummod"
        and token.head.i == following.i
    ):
        return False
    previous = _near(token, -1)
    if previous is not None and (previous.lower_ in _YEAR_LEADS or _month_like(previous)):
        return True
    lead = _near(previous, -1) if previous is not None else None
    if previous is not None and previous.lower_ in ("-", "–") and lead is not None and \
            lead.lower_ in ("early", "mid", "late"):
        return True  # "mid-2009"
    if token.ent_type_ == "CARDINAL":
        return False  # "between 1500 and 2000 people": the model reads a count
    if previous is not None and previous.lower_ in _PAIRED_LEADS:
        return True
    after = _near(following, 1) if following is not None else None
    return following is not None and (_month_like(following) or (
        following.lower_ in _PAIRED_LEADS and after is not None
        and bool(_YEAR.match(after.lower_) or re.fullmatch(r"\d\d", after.lower_))))


def _month_like(token: Token) -> bool:
    return token.lower_.rstrip(".") in _MONTH_FORMS and _named(token, token.lower_.rstrip("."))


@lru_cache(maxsize=65_536)
def may_be_connector(lower: str, like_num: bool) -> bool:
    """Whether a token written ``lower`` (and ``like_num`` as spaCy says) can be a
    connector at all: as ``may_be_cue``, for ``is_connector``."""
    return (lower in CONNECTORS or lower in NUMBER_WORDS or lower in HOLIDAY_HEADS
            or like_num or bool(_ORDINAL.match(lower)) or lower.isdigit()
            or ("-" in lower and all(part in NUMBER_WORDS for part in lower.split("-") if part))
            or lower in ("day", "eve", "weekend"))


def is_connector(token: Token) -> bool:
    """Whether ``token`` may sit inside a date expression next to a cue."""
    lower = token.lower_
    if lower in CONNECTORS or lower in NUMBER_WORDS or lower in HOLIDAY_HEADS:
        return True
    if token.like_num or _ORDINAL.match(lower) or lower.isdigit():
        previous = _near(token, -1)
        return previous is None or previous.text not in _CURRENCY_SIGNS  # "$12" is money
    if "-" in lower and all(part in NUMBER_WORDS for part in lower.split("-") if part):
        return True  # "twenty-first"
    return lower in ("day", "eve", "weekend")
