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

import bisect
import re
from datetime import date
from typing import Any

from claimcheck.extract.date_resolve import Tense, resolve_date
from claimcheck.extract.mention import Mention
from claimcheck.model.dates import DateValue, Extent

Doc = Any  # spacy.tokens.Doc
Span = Any
Token = Any

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_PATTERNS = re.compile(
    "|".join([
        rf"\b(?:(?:early|mid|late)[- ])?{_MONTH} {_DAY}(?:\s?[-\u2013]\s?{_DAY})?(?:,? \d{{4}})?\b",
        rf"\b{_DAY}(?:\s?[-\u2013]\s?{_DAY})? {_MONTH}(?:,? \d{{4}})?(?![\w])",
        rf"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]){_MONTH}(?:,? \d{{4}})?(?![\w])",
        rf"\b{_MONTH},? \d{{4}}\b",
        r"\b(?:[Ee]arly|[Mm]id|[Ll]ate)[- ](?:1[5-9]|20)\d\d\b",
        r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b",
        r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b",
        r"\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this) (?:week|month|year)\b",
        r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
        r"\b(?:1[5-9]|20)\d\d-\d\d-\d\d\b",
    ]))
_LEADING = re.compile(r"^(?:(?:on|in|at|during|of|the|from)\s+)+", re.IGNORECASE)
_APPROX_LEAD = re.compile(
    r"^(?:probably|possibly|around|about|approximately|roughly|circa|sometime)\s+",
    re.IGNORECASE)
_APPROX_WORDS = frozenset({"around", "about", "approximately", "roughly", "circa", "c.",
                           "some", "sometime"})
_EXTENT_WORDS: dict[str, Extent] = {"since": "since", "until": "until", "till": "until",
                                    "before": "before", "after": "after", "by": "until"}
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})


def find(doc: Doc, published: date | None) -> list[Mention]:
    """Every date the text states, resolved against ``published`` (the source's date)."""
    text = doc.text  # spaCy rebuilds Doc.text from its tokens on every access: read it once
    mentions: list[Mention] = []
    layers: list[_Taken] = []
    for spans in _candidate_spans(doc, text):
        taken = _Taken()  # spans come in text order: each layer only ever appends
        layers.append(taken)
        for start, end in spans:
            if any(layer.overlaps(start, end) for layer in layers):
                continue
            mention = _mention(doc, text, start, end, published)
            if mention is None:
                for inner in _PATTERNS.finditer(text, start, end):
                    mention = _mention(doc, text, inner.start(), inner.end(), published)
                    if mention is not None:
                        mentions.append(mention)
                        taken.add(mention.start, mention.end)
                continue
            mentions.append(mention)
            taken.add(mention.start, mention.end)
    return sorted(mentions, key=lambda m: m.start)


def _candidate_spans(doc: Doc, text: str) -> tuple[list[tuple[int, int]], ...]:
    """DATE entities first (the model sees context), then our patterns, each in text order."""
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    own = [(m.start(), m.end()) for m in _PATTERNS.finditer(text)]
    return ents, own


class _Taken:
    """Disjoint character ranges already used by a date, kept sorted: each check is a
    binary search, not a scan of every date so far (a run of dates is one long list)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # only the last range starting before ``end`` can reach past ``start``
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def _mention(doc: Doc, doc_text: str, start: int, end: int,
             published: date | None) -> Mention | None:
    text = doc_text[start:end]
    approximate = False
    while lead := (_LEADING.match(text) or _APPROX_LEAD.match(text)):
        approximate = approximate or lead.re is _APPROX_LEAD
        start += lead.end()
        text = doc_text[start:end]
    text = text.rstrip(" ,;:")
    end = start + len(text)
    if not text or not any(ch.isalnum() for ch in text):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    value = resolve_date(text, published, tense=sentence_tense(head))
    if value is None:
        return None
    value = _with_context(value, doc, span)
    if approximate and not value.approximate:
        value = value.model_copy(update={"approximate": True})
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


def sentence_tense(token: Token) -> Tense | None:
    """Past or future from the verb that governs ``token``, or ``None`` when present/unclear.

    "said on Friday" (VBD) is past; "will meet", "would meet again", "is to be held",
    "are going to" are future.
    """
    verb = token
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for node in (verb, verb.head):
        children = list(node.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in children):
            return "future"
        if any(c.tag_ == "TO" for c in children) and node.tag_ in ("VB", "VBN"):
            return "future"
        if node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in children):
            return "past"
        if node.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in children):
            return "past"
        if node.dep_ not in ("xcomp", "advcl", "conj", "relcl", "acl"):
            break
    return None
