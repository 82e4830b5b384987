"""Numbers that are not counts: street addresses, ages, phone numbers.

"The 500 block of Main Street", "an 18-year-old", "call (901) 528-CASH": each holds a
number that counts nothing. They are dropped before claims are made, so no rule ever
compares them with a toll.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.doc_index import doc_index

# nouns a number names a place on, not an amount of: "the 2300 block", "1200 Main St"
_ADDRESS_NOUNS = frozenset({"block", "street", "avenue", "road", "st", "ave", "drive",
                            "lane", "boulevard", "blvd", "highway", "route", "interstate",
                            "suite", "parkway", "pkwy", "rd", "dr", "ln", "court", "ct",
                            "place", "pl", "way", "circle", "terrace", "pike"})
# "a 4-year-old", "two 4-year-olds" (people of that age)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:years?|yrs?|months?|weeks?)(?:-|\s)olds?\b|^[-\s]olds?\b",
                        re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)
_PHONE_AFTER = re.compile(r"^\)?\s?[-.]?\s?(?:\d{3}[-.]\d{4}|\d{4}\b|[A-Z]{4}\b)")
_PHONE_BEFORE = re.compile(r"(?:\(\s*|\d{3}[-.)]\s?)$")
_SPACED_GROUP = re.compile(r"^\s\d{4}\b")  # "555 1234": the groups set apart by a space alone
_YEAR_BEFORE_WORD = re.compile(r"^\s(?:19|20)\d\d\s+[a-z]")  # "150 2014 graduates"


def _phone_after(written: str, after: str) -> bool:
    """Whether what follows a number makes it the first group of a phone number.

    Groups joined by a hyphen or a stop ("555-1234") are a phone's. Set apart by a space
    alone, only three digits and then four are ("555 1234"), and not when the four are a
    year before a word ("of the 150 2014 graduates", "the 3 2012 models"): a count, then
    the year of what it counts."""
    if not _PHONE_AFTER.match(after):
        return False
    if _SPACED_GROUP.match(after):
        return re.fullmatch(r"\d{3}", written.strip()) is not None and \
            not _YEAR_BEFORE_WORD.match(after)
    return True


# nouns for one person, after which a number set off by commas is an age: "a man, 40, died"
_PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "child",
                           "victim", "suspect", "driver", "mother", "father", "son",
                           "daughter", "wife", "husband", "brother", "sister", "student",
                           "officer", "friend", "gunman", "shooter", "person", "resident",
                           "baby", "toddler", "infant", "youth", "jr", "sr", "jr.", "sr.",
                           "male", "female"})
_SET_OFF_ADVERBS = frozenset({"also", "both", "each", "now", "then"})
_PAGE_COUNTER_BEFORE = re.compile(
    r"\b(?:image|photo|picture|slide|page|video|item|part)s?\s*(?:\d+\s*of\s*/?\s*)?$",
    re.IGNORECASE)
_PAGE_COUNTER_AFTER = re.compile(r"^\s*of\s*/?\s*\d+", re.IGNORECASE)
# "1 / 9 Back to Gallery", "3 / 12": a slide counter, numbers set apart by a spaced slash
_SLASH_COUNTER_AFTER = re.compile(r"^ / \d+\b(?!\s*/)")
_SLASH_COUNTER_BEFORE = re.compile(r"[\d/]\s*$")
_SLASH_TOTAL_BEFORE = re.compile(r"(?<![\d/])\b\d+ / $")
# "four were hurt, not five as first reported": the figure the text corrects
_CORRECTED_BEFORE = re.compile(r"\bnot\s+$", re.IGNORECASE)
_CORRECTED_AFTER = re.compile(
    r"^(?:\s+[a-z]+){0,2}?,?\s+as\s+(?:(?:was|had\s+been|were)\s+)?(?:first|initially|"
    r"originally|previously|earlier|once)?\s*(?:reported|stated|said|announced|thought|"
    r"believed|feared)\b", re.IGNORECASE)
_DECADE_AGE_BEFORE = re.compile(r"\b(?:their|his|her|in the)\s+(?:early|mid|late)?[-\s]*$",
                                re.IGNORECASE)
_DECADE_AGE_AFTER = re.compile(r"^'?s\b")
_ORDINAL = re.compile(r"^(?:a|an|the)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth)$", re.IGNORECASE)


def _after_a_name(token: Any) -> bool:
    """A number set off after a person's name or a noun for one person: "Dallas Bidwell,
    19, of Memphis", "a man, 40, died", "another woman, also 22,"."""
    doc = token.doc
    at = token.i - 1
    if at >= 1 and doc[at].lower_ in _SET_OFF_ADVERBS:
        at -= 1
    if at < 1 or doc[at].text != ",":
        return False
    name = doc[at - 1]
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # the small model often takes a surname for a place ("Cornell Beckley, 27,")
    named = name.pos_ == "PROPN" and name.ent_type_ not in ("NORP", "DATE", "CARDINAL")
    person = name.lower_ in _PERSON_NOUNS or name.lemma_.lower() in _PERSON_NOUNS
    return bool((named or person) and
                (following is None or following.text in (",", ".", ";", ")") or
                 following.lower_ in ("of", "and", "from", "who", "in")))


def _listed_after_an_age(token: Any) -> bool:
    """The next of a list of ages set off after people: the 19 of "two men, 33 and
    19, were shot", the 40 of "three women, 22, 31 and 40, …"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].lower_ not in ("and", ","):
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.text not in (",", ".", ";", ")") and \
            following.lower_ not in ("of", "and", "from", "who", "were", "are", "was"):
        return False
    at = token.i - 2
    for _ in range(_AGE_LIST_REACH):
        previous = doc[at]
        if not (previous.is_digit and len(previous.text) <= 3):
            return False
        if _after_a_name(previous):
            return True
        if at < 2 or doc[at - 1].text != ",":
            return False
        at -= 2
    return False


_AGE_LIST_REACH = 4  # ages listed before this one


# words before a number in a station's or a channel's name: "News 12", "FOX 8"
_STATION_WORDS = frozenset({"news", "channel", "fox", "eyewitness", "action", "local", "ch"})
_STATION_LETTERS = re.compile(r"^[A-Z]{2,5}$")
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][a-z'’-]+,$")
_SET_OFF_AFTER = re.compile(r"^\s?(?:,|of\b)")
_ONE_OF_THEM = frozenset({"one", "other", "both"})
_AGE_ENDS = frozenset({",", "and", ")", ".", ";"})
_ADDRESS_PREPS = frozenset({"at", "on", "near", "outside"})


def _in_a_name(token: Any) -> bool:
    """A number inside a station's name ("KSLA News 12 Shreveport", "FOX 8 reported")."""
    if token.i < 1:
        return False
    before = token.doc[token.i - 1]
    return (before.lower_ in _STATION_WORDS and before.text[:1].isupper()) or bool(
        _STATION_LETTERS.match(before.text) and before.pos_ == "PROPN"
        and before.ent_type_ in ("ORG", ""))


def _an_address(token: Any) -> bool:
    """A house number before a street's name: "the shooting at 16411 Saybrook"."""
    doc = token.doc
    if token.i < 1 or token.i + 1 >= len(doc) or len(token.text) < 3:
        return False
    following = doc[token.i + 1]
    return doc[token.i - 1].lower_ in _ADDRESS_PREPS and following.pos_ == "PROPN" and \
        following.ent_type_ not in ("NORP", "PERSON") and following.text[:1].isupper()


# a road named by its number: "U.S. 41", "Interstate 95", "I-95", "Highway 7", "Route 9",
# "State Road 84", "SR 84", "County Road 5", "Hwy. 30"
_ROAD_BEFORE = re.compile(
    r"(?:\bU\.\s?S\.?|\bUS|\bInterstate|\bI-?|\b[Hh]ighway|\bHwy\.?|\b[Rr]oute|"
    r"\bRt\.?|\b(?:State|County|Farm to Market) (?:Road|Route|Highway)|\bS[RH]|\bCR"
    r"|\bSTH?)[\s-]?$")


def _a_road(text: str, start: int, written: str, token: Any) -> bool:
    """"Bodies found beside U.S. 41", "a crash on I-95": the number names a road (not
    "the U.S. 12 soldiers", where it counts a noun)."""
    if token is not None and token.dep_ == "nummod" and token.head.pos_ == "NOUN":
        return False
    return written.strip().isdigit() and _ROAD_BEFORE.search(text[max(0, start - 22):start]) \
        is not None


# "a father of three": the size of someone's family, not a count of what happened
_FAMILY_OF = re.compile(r"\b(?:father|mother|parent|dad|mom|grandfather|grandmother|"
                        r"grandparent)\s+of\s+$", re.IGNORECASE)


def is_page_counter(text: str, start: int, end: int) -> bool:
    """"Image 8 of 12", "Image 76 of 111 TV news stations …", "1 / 9 Back to Gallery": a
    counter of the page's pictures, whatever word follows it. A slash set apart by
    spaces between two whole numbers is a gallery's counter; "1/2" (a fraction) and a
    date ("3/14/2016") are not."""
    after = text[end:end + 12]
    before = text[max(0, start - 8):start]
    written = text[start:end]
    if written.isdigit() and _SLASH_COUNTER_AFTER.match(after) and \
            not _SLASH_COUNTER_BEFORE.search(before):
        return True
    if written.isdigit() and _SLASH_TOTAL_BEFORE.search(before) and \
            not re.match(r"\s*/", after):
        return True  # the 9 of "1 / 9"
    return bool(_PAGE_COUNTER_BEFORE.search(text[max(0, start - 24):start]) and (
        _PAGE_COUNTER_AFTER.match(after) or re.search(r"of\s*/?\s*$", before)))


# "police initially said six were shot", "the initial report was that eight had been
# shot": a first figure the text reports as given before, and superseded
_SUPERSEDED_BEFORE = re.compile(
    r"\b(?:(?:initially|originally|at first|first)\b(?:\s+\w+){0,2}\s+(?:said|reported|"
    r"stated|announced|thought|believed)|(?:initial|original|first|early)\s+reports?\s+"
    r"(?:was|were|said|indicated|suggested|had))\b[^.;!?]*$", re.IGNORECASE)
_SUPERSEDED_REACH = 90  # characters back from the number to its cue


def is_superseded(text: str, start: int, sentence_start: int) -> bool:
    """A figure the text says was given first ("police initially said six were shot"):
    the report it was superseded by states the toll, not this."""
    return _SUPERSEDED_BEFORE.search(
        text[max(sentence_start, start - _SUPERSEDED_REACH):start]) is not None


def _sentence_start(token: Any) -> int:
    """Where the token's sentence starts in the text (``token.sent`` walks the sentence:
    quadratic over a long one)."""
    first, _ = doc_index(token.doc).sentence(token.i)
    return int(token.doc[first].idx)


def is_corrected(text: str, start: int, end: int) -> bool:
    """"Four people were hurt, not five as first reported": a figure the text says was
    wrong states nothing."""
    return bool(_CORRECTED_BEFORE.search(text[max(0, start - 6):start]) and
                _CORRECTED_AFTER.match(text[end:end + 60]))


# "a 9-year veteran of the department", "a 16-year department veteran": one person's tenure
_TENURE = re.compile(r"^[-\s]?(?:year|month)s?\b[-\s]+(?:[A-Za-z]+[-\s]+){0,2}?"
                     r"(?:veteran|employee|member|officer|deputy|trooper|agent|teacher)s?\b",
                     re.IGNORECASE)


def _address_noun(token: Any) -> bool:
    """"Street", "St." and "St" alike."""
    return token.lemma_.lower().rstrip(".") in _ADDRESS_NOUNS


def not_a_count(text: str, start: int, end: int, token: Any) -> str | None:
    """Why the count at ``text[start:end]`` (number token ``token``) is no count, or None."""
    after = text[end:end + 12]
    before = text[max(0, start - 8):start]
    written = text[start:end]
    unit = written[written.rindex("-"):] if re.search(r"-(?:year|month)$", written) else ""
    if _TENURE.match(unit + text[end:end + 48]):
        return "a person's tenure"  # "a 9-year veteran": who someone is, not a measure
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or \
            written.lower().endswith(("-year-old", "year-old")):
        return "an age"
    if any(c.isdigit() for c in written) and (_phone_after(written, after) or (
            _PHONE_BEFORE.search(before) and re.match(r"^\)?\s?\d", after))):
        return "a phone number"
    if token is not None and written.strip().isdigit() and (
            _after_a_name(token) or _listed_after_an_age(token)):
        return "an age"  # "Dallas Bidwell, 19.", "two men, 33 and 19,"
    if written.strip().isdigit() and _NAME_COMMA_BEFORE.search(text[max(0, start - 24):start]) \
            and _SET_OFF_AFTER.match(after) and text[start - 1:start] == ",":
        return "an age"  # "Jane Doe,20, of Springfield": the tokenizer kept "Doe,20" whole
    if re.fullmatch(r"\d0", written.strip()) and _DECADE_AGE_AFTER.match(after) and \
            _DECADE_AGE_BEFORE.search(text[max(0, start - 24):start]):
        return "an age"  # "men in their early 30's"
    if is_page_counter(text, start, end):
        return "a page counter"  # "Image 8 of 12"
    if is_corrected(text, start, end):
        return "a figure the text corrects"  # "not five as first reported"
    if token is not None and is_superseded(text, start, _sentence_start(token)):
        return "a first figure, superseded"  # "police initially said six were shot"
    if _FAMILY_OF.search(text[max(0, start - 24):start]):
        return "the size of a family"  # "a father of three"
    if _a_road(text, start, written, token):
        return "a road's number"  # "near U.S. 41", "on Interstate 95"
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return "a reference mark"  # "… was found in the bathroom.[9]"
    if _ORDINAL.match(written.strip()) and not re.match(r"^\s+of\b", after):
        return "an ordinal"  # "a third victim", "a fourth was wounded"
    if token is not None and written.strip().isdigit() and token.i >= 1 and \
            token.doc[token.i - 1].lower_ in _ONE_OF_THEM and int(written) <= 110 and \
            (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].text in _AGE_ENDS):
        return "an age"  # "two men, one 17 and the other 21"
    if token is not None and written.strip().isdigit() and _in_a_name(token):
        return "part of a name"  # "KSLA News 12 Shreveport"
    if token is not None and written.strip().isdigit() and _an_address(token):
        return "a street address"  # "the shooting at 16411 Saybrook"
    if token is not None and written.strip().isdigit():
        head = token.head if token.dep_ in ("nummod", "compound", "npadvmod") else None
        if head is not None and _address_noun(head):
            return "a street address"
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and token.dep_ in ("nummod", "compound") \
                and any(_address_noun(t) for t in
                        token.doc[token.i + 1:min(len(token.doc), token.i + 4)]):
            return "a street address"  # "1200 Main St."
    return None
