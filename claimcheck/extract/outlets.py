"""News outlets: a station, a paper or an agency reports what others say and where.

It is not the speaker of the words it quotes ("WOFL says, …"), and a place in its name
("the Philadelphia Inquirer", "the Los Angeles Times") is where it is published, not
where its story is.
"""

from __future__ import annotations

import re

# Outlets report what others said: a station, a paper, an agency is not the speaker of
# the words it quotes. Broadcast call letters ("WOFL", "KTLA-TV"): four letters from K or
# W, but a few organisations that speak for themselves are written alike.
_CALL_LETTERS = re.compile(r"[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT|LP|CD)\d*)?")
_NOT_CALL_LETTERS = frozenset({"WADA", "WNBA", "WIPO", "KPMG", "WWII", "KKK"})
_OUTLET_ACRONYMS = frozenset({"ap", "afp", "upi", "cnn", "bbc", "npr", "pbs", "msnbc",
                              "cnbc", "abc", "cbs", "nbc", "tmz", "reuters", "ians",
                              "pti", "xinhua", "tass", "ria", "itar", "dpa", "ansa"})
# the last word of an outlet's name: "Fox News", "the Los Angeles Times", "USA Today"
_OUTLET_WORDS = frozenset(str.split("""
news newspaper newspapers radio tv television network networks magazine times post
journal tribune herald gazette chronicle inquirer telegraph guardian observer examiner
courier dispatch bulletin register mirror express globe monitor reporter today wire
newswire weekly daily press star sun sentinel leader
"""))


def is_outlet(name: str, person: bool = False) -> bool:
    """Whether a name is a news outlet's: call letters, an agency, "X News", a paper.

    ``person``: the parse took the name for a person's, so a surname that is also a
    paper's word ("Emily Post") keeps it a person."""
    words = name.replace("’", "'").split()
    if not words:
        return False
    if len(words) == 1 and _CALL_LETTERS.fullmatch(words[0]) and \
            words[0] not in _NOT_CALL_LETTERS:
        return True
    if len(words) == 1 and _plain_word(words[0]) in _OUTLET_ACRONYMS:
        return True
    last = _plain_word(words[-1])
    return not person and len(words) > 1 and words[-1][:1].isupper() and \
        last in _OUTLET_WORDS


def _plain_word(word: str) -> str:
    return word.lower().replace(".", "").strip(",")
