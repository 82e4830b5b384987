"""Find the dates of a parsed article and resolve each against its publication date.

Spans come from spaCy's DATE entities and from a few patterns of our own for what the
small model misses (weekdays, "mid-November", "Sept. 12-14"); only spans that resolve
to a date are kept, so durations ("several weeks", "the two-and-a-half-year conflict")
and ordinals of an event ("the second day of talks") stay out. The span is the date
itself ("Friday", not "on Friday"); the words around it say whether it is approximate
("probably around September 28") or open ("since 2011"), and the sentence's verb gives
the tense that places a year-less date or a weekday in the past or the future.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from claimcheck.extract.date_cues import (
    DAY_WORDS,
    NUMERIC_SPANS,
    is_connector,
    is_cue,
    may_be_connector,
    may_be_cue,
)
from claimcheck.extract.date_resolve import Tense, resolve_date
from claimcheck.extract.date_words import MONTHS, WEEKDAYS
from claimcheck.extract.doc_index import doc_index
from claimcheck.extract.mention import Mention
from claimcheck.extract.phone_numbers import phone_number_spans
from claimcheck.model.dates import DateValue, Extent, Granularity

Doc = Any  # spacy.tokens.Doc
Span = Any
Token = Any

_LEADING = re.compile(r"^(?:(?:on|in|at|during|of|the|for|since|from|until|till|before"
                      r"|after|by|as of)\s+)+", re.IGNORECASE)
_APPROX_LEAD = re.compile(
    r"^(?:probably|possibly|around|about|approximately|roughly|circa|sometime)\s+",
    re.IGNORECASE)
_APPROX_WORDS = frozenset({"around", "about", "approximately", "roughly", "circa", "c.",
                           "some", "sometime"})
_EXTENT_WORDS: dict[str, Extent] = {"since": "since", "until": "until", "till": "until",
                                    "before": "before", "after": "after", "by": "until"}
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
# A span never opens or closes on these: they join a date to its neighbours.
_DAY_NUMBER = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
_NO_EDGE = frozenset({",", "-", "–", "/", "and", "or", ".", "'s", "'"})
_NO_END = _NO_EDGE | frozenset({"to", "of", "the", "a", "an", "in", "on", "at", "by", "from",
                                "between", "through", "till", "until", "since", "before",
                                "after", "than", "as", "no", "not", "more", "less", "this",
                                "next", "last", "early", "mid", "late", "within", "around",
                                "about", "for"})
# "in two days of attacks", "after three weeks of talks": a counted span of time that
# measures something, not an offset from the article's date
_SPAN_UNITS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "fortnight",
                         "month", "months", "year", "years", "decade", "decades"})
MAX_TOKENS = 14  # the longest date expression tried, in tokens
LOOKAHEAD = 3  # how many starts compete for the longest span
MAX_CHARS = 80  # and in characters (the resolver reads nothing longer)


def find(doc: Doc, published: date | None, day_first: bool | None = None) -> list[Mention]:
    """Every date the text states, resolved against ``published`` (the source's date);
    ``day_first`` is the sources' order for an all-number date ("10/8/2013"), if known.

    Runs of date-like tokens around a calendar cue are the candidates (the model's DATE
    entities only widen a run); within each run, the longest span the resolver accepts
    wins, backing off to shorter parts.
    """
    text = doc_index(doc).text(doc)  # spaCy rebuilds Doc.text on every access
    mentions: list[Mention] = []
    cues = _cues(doc, text)
    phones = _phone_tokens(doc, text)
    for index in phones:
        cues[index] = False
    for first, last in _runs(doc, cues, phones):
        mentions.extend(_longest_dates(doc, text, first, last, published, cues, day_first))
    return sorted(mentions, key=lambda m: m.start)


def _phone_tokens(doc: Doc, text: str) -> set[int]:
    """The tokens of phone numbers ("555 1234"): no part of one is a year or a day."""
    tokens: set[int] = set()
    for start, end in phone_number_spans(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _runs(doc: Doc, cues: list[bool], blocked: set[int]) -> list[tuple[int, int]]:
    """Maximal token runs [first, last) of cues and connectors holding a cue, within
    one sentence; a ``blocked`` token is in none."""
    runs: list[tuple[int, int]] = []
    inside = list(cues)
    words = doc.to_array(["LOWER", "LIKE_NUM", "ENT_TYPE"]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    connecting: dict[tuple[int, int], bool] = {}
    dated: dict[int, bool] = {}
    for i, (lower, like_num, entity) in enumerate(words):
        if inside[i] or i in blocked:
            continue
        if entity:
            if entity not in dated:
                dated[entity] = strings[entity] == "DATE"
            if dated[entity]:
                inside[i] = True
                continue
        key = (lower, like_num)
        if key not in connecting:
            connecting[key] = may_be_connector(strings[lower], bool(like_num))
        if connecting[key]:
            inside[i] = is_connector(doc[i])
    index, size = 0, len(doc)
    while index < size:
        if not inside[index]:
            index += 1
            continue
        end = index
        while end < size and inside[end] and (end == index or not doc[end].is_sent_start
                                              or _false_break(doc, end)):
            end += 1
        if any(cues[index:end]):
            runs.append((index, end))
        index = end
    return runs


_MONTH_ABBREVIATION = re.compile(r"(?:^|[-–/])(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$")


def _false_break(doc: Doc, index: int) -> bool:
    """"Jan.-Feb. 2017": the model may end a sentence at a month's abbreviation point."""
    return (index >= 2 and doc[index - 1].text == "." and doc[index].like_num
            and bool(_MONTH_ABBREVIATION.search(doc[index - 2].lower_.rstrip("."))))


def _cues(doc: Doc, text: str) -> list[bool]:
    """Which tokens are calendar cues: by themselves, or inside a numeric date that the
    tokenizer split ("9-18-15"). Each distinct word is tested once for whether it can be
    one; only the tokens of those that can are looked at in their place."""
    cues = [False] * len(doc)
    lowers = doc.to_array("LOWER").tolist() if len(doc) else []
    strings = doc.vocab.strings
    possible = {lower for lower in set(lowers) if may_be_cue(strings[lower])}
    for i, lower in enumerate(lowers):
        if lower in possible:
            cues[i] = is_cue(doc[i])
    for match in NUMERIC_SPANS.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            for token in span:
                cues[token.i] = True
    return cues


def _longest_dates(doc: Doc, text: str, first: int, last: int, published: date | None,
                   cues: list[bool], day_first: bool | None = None) -> list[Mention]:
    """The dates of the token run [first, last): from each position, the longest span
    (holding a cue) that the resolver accepts starting there or a few tokens on
    ("from this May to Oct 2020" beats "from this May"), then on past it. Each position
    tries a bounded number of spans, so a run costs time linear in its length.
    """
    mentions: list[Mention] = []
    i = first
    while i < last:
        best: tuple[int, int, Mention] | None = None
        for start in range(i, min(last, i + LOOKAHEAD)):
            found = _longest_from(doc, text, start, last, cues, published, day_first)
            if found is not None and (best is None or found[0] - start > best[1] - best[0]):
                best = (start, found[0], found[1])
        if best is None:
            i += 1
            continue
        start, end, mention = best
        if start > i:
            mentions.extend(_longest_dates(doc, text, i, start, published, cues, day_first))
        if not _drops_a_stated_day(doc, start, end, mention):
            mentions.append(mention)
        i = end
    return mentions


def _drops_a_stated_day(doc: Doc, i: int, j: int, mention: Mention) -> bool:
    """"Feb 30", "the 31st of this month" (in November): the day the text states does not
    exist, so the month alone would be a wrong reading, not a vaguer one."""
    value = mention.value
    if not isinstance(value, DateValue) or value.range.granularity is not Granularity.MONTH:
        return False
    if any(t.like_num and len(t.text) == 4 for t in doc[i:j]):
        return False  # "May 2013": the number beside it is something else
    def day(index: int) -> bool:
        return 0 <= index < len(doc) and bool(_DAY_NUMBER.match(doc[index].lower_))
    return day(j) or day(i - 1) or (i >= 2 and doc[i - 1].lower_ == "of" and day(i - 2))


def _longest_from(doc: Doc, text: str, i: int, last: int, cues: list[bool],
                  published: date | None, day_first: bool | None = None
                  ) -> tuple[int, Mention] | None:
    """The longest accepted span starting at token ``i``: its end and its mention."""
    for j in range(min(last, i + MAX_TOKENS), i, -1):
        if not any(cues[i:j]) or not _edges_ok(doc, i, j):
            continue
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        if end - start > MAX_CHARS:
            continue
        found = _mention(doc, text, start, end, published, day_first)
        if found is not None:
            return j, found
    return None


def _edges_ok(doc: Doc, i: int, j: int) -> bool:
    """A span neither opens nor closes on a joining word, and a preposition opens it
    only when it governs the rest: "after" in "after the Aug. 23 attack" is the attack's."""
    if doc[i].lower_ in _NO_EDGE:
        return False
    if doc[j - 1].lower_ in _NO_END and not _ends_the_clause(doc, j):
        return False
    if _measures_a_span(doc, i, j):
        return False
    if _count_after_a_weekday(doc, i, j):
        return False
    if doc[i].pos_ == "ADP" and j - i > 1 and doc[i].dep_ not in ("amod", "det", "advmod"):
        # (an "ADP" that modifies, "next" in "again next Tuesday", governs nothing)
        return any(t.head.i == i for t in doc[i + 1: j])
    return True


def _measures_a_span(doc: Doc, i: int, j: int) -> bool:
    """"in two days of Israeli attacks": a number of days followed by "of" counts how long
    something lasted; read as a date it would be two days after publication."""
    return (j < len(doc) and doc[j].lower_ == "of" and doc[j - 1].lower_ in _SPAN_UNITS
            and any(t.tag_ == "CD" for t in doc[i:j - 1]))


def _count_after_a_weekday(doc: Doc, i: int, j: int) -> bool:
    """"shot Tuesday, one fatally": a number word set off after a weekday, with no month
    in the span, counts people; it is not the day of a month."""
    last = doc[j - 1]
    return (j - i > 2 and last.tag_ == "CD" and last.is_alpha and doc[j - 2].text == ","
            and doc[j - 3].lower_ in WEEKDAYS
            and not any(t.lower_.rstrip(".") in MONTHS for t in doc[i:j]))


def _ends_the_clause(doc: Doc, j: int) -> bool:
    """"the day before." / "the week after,": an adverb of time closing its clause, not
    a preposition waiting for its object ("the day before the vote")."""
    last = doc[j - 1]
    if last.lower_ not in ("before", "after", "earlier") or j - 1 == 0:
        return False
    return j == len(doc) or doc[j].is_punct or doc[j].is_sent_start is True


def _mention(doc: Doc, doc_text: str, start: int, end: int,
             published: date | None, day_first: bool | None = None) -> Mention | None:
    """The date of ``doc_text[start:end]``. The span keeps only the date itself ("June"
    of "since June", "Friday" of "on Friday") when that alone reads as the same days;
    the words dropped still give the extent and the approximation."""
    whole = _resolved(doc, doc_text, start, end, published, day_first)
    if whole is None:
        return None
    trimmed, approximate = start, False
    while lead := (_LEADING.match(doc_text[trimmed:end]) or
                   _APPROX_LEAD.match(doc_text[trimmed:end])):
        approximate = approximate or lead.re is _APPROX_LEAD
        trimmed += lead.end()
    if trimmed == start:
        return whole
    inner = _resolved(doc, doc_text, trimmed, end, published, day_first)
    value = whole.value
    assert isinstance(value, DateValue)
    if inner is None or not isinstance(inner.value, DateValue) or \
            inner.value.range != value.range:
        return whole
    if value.extent == "at" and inner.value.extent != "at":
        value = value.model_copy(update={"extent": inner.value.extent})
    if approximate or inner.value.approximate:
        value = value.model_copy(update={"approximate": True})
    return inner.model_copy(update={"value": value})


def _resolved(doc: Doc, doc_text: str, start: int, end: int,
              published: date | None, day_first: bool | None = None) -> Mention | None:
    text = doc_text[start:end].rstrip(" ,;:")
    end = start + len(text)
    if not text or not any(ch.isalnum() for ch in text):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    value = resolve_date(text, published, tense=sentence_tense(head), day_first=day_first)
    if value is None:
        return None
    value = _with_context(value, doc, span)
    return Mention(kind="date", start=start, end=end, value=value, token=head.i)


def _with_context(value: DateValue, doc: Doc, span: Span) -> DateValue:
    """Approximation ("probably around") and extent ("since") from the words before."""
    before = [t.lower_ for t in doc[max(span.start - 3, 0): span.start]]
    update: dict[str, object] = {}
    if before and (before[-1] in _APPROX_WORDS or
                   (before[-1] in ("in", "on", "by") and len(before) > 1
                    and before[-2] in _APPROX_WORDS)):
        update["approximate"] = True
    root = span.root
    governor = root.head if root.dep_ == "pobj" else None
    if governor is not None and governor.lower_ in ("in", "on") and governor.dep_ == "pobj":
        governor = governor.head  # "since in early 2011" is rare; "until on Friday" too
    if value.extent == "at" and governor is not None and governor.lower_ in _EXTENT_WORDS:
        update["extent"] = _EXTENT_WORDS[governor.lower_]
    return value.model_copy(update=update) if update else value


_LOOKING_AHEAD = frozenset({"call", "plan", "propose", "schedule", "urge", "prepare"})
# "postponed to Jan. 15", "set for March 10", "due on 30 September", "expected before
# Tuesday": the date is ahead of the act, whatever its tense.
_EXPECTED = frozenset({"expect", "due"})
_AHEAD_BY_PREPOSITION = {"to": frozenset({"postpone", "delay", "defer", "reschedule",
                                          "adjourn", "push", "move", "bring"}),
                         "until": frozenset({"postpone", "delay", "defer", "adjourn"})
                         | _EXPECTED,
                         "for": frozenset({"set", "slate", "schedule", "plan"}) | _EXPECTED,
                         "on": _EXPECTED, "by": _EXPECTED, "before": _EXPECTED,
                         "in": _EXPECTED}
# Nouns of a time of day or a part of a period: the date's own, no other event's.
_TIME_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "hours", "hour", "day",
                         "week", "weekend", "end", "beginning", "start", "middle", "eve",
                         "dawn", "early", "late"})


def _looks_ahead(verb: Token, token: Token) -> bool:
    """"called for a peace conference in early December": a verb that looks ahead, with
    its object (a noun) standing between it and the date."""
    if verb.lemma_.lower() not in _LOOKING_AHEAD:
        return False
    objects = [t for t in verb.subtree if t.dep_ in ("dobj", "pobj") and t.pos_ == "NOUN"
               and verb.i < t.i < token.i and not t.is_ancestor(token)]
    return bool(objects) and token.lower_ not in DAY_WORDS


def sentence_tense(token: Token) -> Tense | None:
    """Past or future from the verb that governs ``token``, or ``None`` when present/unclear.

    "said on Friday" (VBD) is past; "will meet", "would meet again", "is to be held",
    "are going to" are future.
    """
    verb = token
    preposition: str | None = None
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        if verb is not token and verb.pos_ == "NOUN" and verb.dep_ != "npadvmod" and \
                verb.lower_ not in _TIME_NOUNS:
            return None  # "called for a conference in early December": the conference's date
        if verb.pos_ == "ADP" and preposition is None:
            preposition = verb.lower_
        if verb.pos_ == "ADJ" and preposition is not None and \
                verb.lemma_.lower() in _AHEAD_BY_PREPOSITION.get(preposition, ()):
            return "future"  # "due on 30 September"
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if preposition is not None and \
            verb.lemma_.lower() in _AHEAD_BY_PREPOSITION.get(preposition, ()):
        return "future"
    if _looks_ahead(verb, token):
        return "future"  # the date of what is called for, not of the call: the next one
    for node in (verb, verb.head):
        children = list(node.children)
        perfect = node.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had")
                                             for c in children)
        if perfect and not any(c.lower_ in ("will", "'ll", "shall") for c in children):
            return "past"  # "appeared to have been uploaded on Friday night"
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in children):
            return "future"
        if any(c.tag_ == "TO" for c in children) and node.tag_ in ("VB", "VBN"):
            return "future"
        if node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in children):
            return "past"
        if node.dep_ not in ("xcomp", "advcl", "conj", "relcl", "acl"):
            break
    return None
