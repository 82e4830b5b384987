"""The extraction stage: a parsed Doc of one source → its Claim records.

Finders (one module per kind) return mentions at offsets of the body; this module
shifts them into the file, drops repeats of a sentence the source already made, marks
page furniture, and works out what each claim is about.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.extract import about as about_mod
from claimcheck.extract.clause_dates import dated_by_clause
from claimcheck.extract.counted import (
    PART,
    added_to_others,
    as_rest,
    beyond_others,
    condition_adverb,
    condition_of,
    counted_noun,
    in_condition,
    is_listed,
    is_part,
    is_remaining,
    is_rest,
    others_than_another_measure,
    perpetrator_scope,
    read_counted,
    with_facet,
)
from claimcheck.extract.date_cues import SEASONS
from claimcheck.extract.doc_index import MAX_CLIMB, doc_index
from claimcheck.extract.elided import with_elided_nouns
from claimcheck.extract.furniture import (
    Paragraph,
    furniture_ranges,
    in_ranges,
    is_post_date,
    split_paragraphs,
)
from claimcheck.extract.mention import Mention
from claimcheck.extract.not_counts import is_page_counter, not_a_count
from claimcheck.extract.perpetrator import UNSAID, perpetrator_died
from claimcheck.extract.slots import other_slot
from claimcheck.extract.windows import with_windows
from claimcheck.model.claims import (
    About,
    Claim,
    DateClaim,
    Event,
    LocationClaim,
    QuantityClaim,
    QuoteClaim,
)
from claimcheck.model.counted import LISTED, REMAINING, REST, Counted
from claimcheck.model.dates import DateRange, DateValue
from claimcheck.model.numbers import QuantityValue
from claimcheck.model.places import LocationValue, Place
from claimcheck.model.quotes import QuoteValue
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.sources import Source

Doc = Any  # spacy.tokens.Doc
Finder = Callable[[Doc, date | None], list[Mention]]
CountryResolver = Callable[[str], str | None]

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PERSON = "person"
_WORD_FOLD = re.compile(r"[\W_]+")


def default_finders(date_order: str | None = None) -> list[Finder]:
    """The finder of each claim kind, imported here so tests can pass their own;
    ``date_order`` is the vocabulary's ("day_first" reads "10/8/2013" as 10 August)."""
    from claimcheck.extract import dates, numbers, places, quotes, zero_counts

    find_dates: Finder = dates.find if date_order is None else functools.partial(
        dates.find, day_first=date_order == "day_first")
    return [numbers.find, zero_counts.find, find_dates, places.find, quotes.find]


def default_country_resolver() -> CountryResolver:
    """Place name or adjective → ISO country code, through the gazetteer."""
    from claimcheck.extract.places import country_of

    return country_of


def default_place_resolver() -> Callable[[str], Place | None]:
    """Place name → gazetteer place, confident or not (used only to tell events apart)."""
    from claimcheck.extract.place_names import resolve_location

    def resolve(text: str) -> Place | None:
        place = resolve_location(text).place
        return place if place.resolved else None

    return resolve


def extract_claims(doc: Doc, source: Source, vocabulary: Vocabulary,
                   finders: Sequence[Finder] | None = None,
                   resolve_country: CountryResolver | None = None) -> list[Claim]:
    """All claims of one source, in text order, each with what it is about."""
    finders = default_finders(vocabulary.date_order) if finders is None else finders
    resolve = default_country_resolver() if resolve_country is None else resolve_country
    place_resolver = default_place_resolver() if resolve_country is None else None
    mentions: list[Mention] = []
    for finder in finders:
        mentions.extend(finder(doc, source.published))
    mentions = _without_numbers_inside_dates(sorted(mentions,
                                                     key=lambda m: (m.start, m.end, m.kind)))
    text = doc_index(doc).text(doc)  # spaCy rebuilds Doc.text on every access
    furniture = furniture_ranges(_paragraphs(doc, text), vocabulary.furniture_cues)
    context_country = dominant_country(doc, resolve, mentions)
    sentences = Sentences(doc, text)
    resolve_date = _date_resolver(source.published)
    first_seen: dict[str, int] = {}
    claims: list[Claim] = []
    tokens: list[Any] = []
    for mention in mentions:
        token = _token_of(doc, mention)
        if token is None:
            continue
        mention = _without_list_dash(mention, text)
        if mention.kind == "quantity" and isinstance(mention.value, QuantityValue) and \
                mention.value.dimension in ("count", "duration") and \
                not_a_count(text, mention.start, mention.end, token) is not None:
            continue  # "the 500 block", "an 18-year-old": a number that counts nothing
        if mention.kind == "quantity" and is_page_counter(text, mention.start, mention.end):
            continue  # "Image 76 of 111 TV news stations": whatever unit it seems to have
        if mention.kind == "date" and _season_naming_a_kind(text[mention.start:mention.end],
                                                           token, vocabulary):
            continue  # "a summer camp dance", "spring training": a kind of thing, no time
        sentence = sentences.of(token.i)
        if first_seen.setdefault(sentence.key, sentence.start_char) != sentence.start_char:
            continue  # the source repeats a sentence it already made: it counts once
        about = _about(mention, token, vocabulary, resolve, context_country,
                       resolve_date, place_resolver)
        posted = mention.kind == "date" and is_post_date(text, mention.start)
        claims.append(_claim(mention, source, sentence, about,
                             furniture=posted or in_ranges(mention.start, furniture)))
        tokens.append(token)
    claims = with_elided_nouns(_others_after_another_measure(claims), tokens)
    return with_windows(dated_by_clause(claims, tokens), tokens)


def _season_naming_a_kind(written: str, token: Any, vocabulary: Vocabulary) -> bool:
    """A bare season that modifies a noun other than an event's ("a summer camp dance",
    "spring training"): it names a kind of thing, not a time anything happened in ("the
    summer attack" is dated by it)."""
    head = token.head
    return written.strip().lower() in SEASONS and token.dep_ in ("compound", "amod") \
        and head.i != token.i and head.pos_ in ("NOUN", "PROPN") and \
        not about_mod.is_event_noun(head, vocabulary)


def _others_after_another_measure(claims: list[Claim]) -> list[Claim]:
    """"One man was killed and three others were hurt": the others are other than the
    dead, so the three are all the hurt, not the rest of them. A count of others is a
    whole count when the count just before it (in its sentence, or a sentence or two
    before) measures something else and none of its sentence measures the same;
    otherwise ("a gunman killed two others") it stays the rest."""
    last: QuantityClaim | None = None
    same_sentence: dict[int, set[str]] = {}
    result: list[Claim] = []
    for claim in claims:
        about = claim.about
        counted = about.counted
        earlier = same_sentence.setdefault(claim.sentence_start, set())
        if isinstance(claim, QuantityClaim) and counted is not None and \
                (REST in counted.facets or (_part_of_another_measure(counted) and
                                            about.attribute != "count")) and \
                last is not None \
                and claim.start - last.end <= _OTHERS_REACH and \
                last.about.attribute not in (about.attribute, GENERIC) and \
                about.attribute not in earlier:
            # "four people were shot, one fatally": the part of the shot that died is
            # every death; "three others were hurt" after the dead: every hurt
            whole = counted.model_copy(update={
                "facets": tuple(f for f in counted.facets if f != REST),
                "subgroup": None if counted.subgroup == PART else counted.subgroup})
            claim = claim.model_copy(update={"about": about.model_copy(
                update={"counted": whole})})
        if isinstance(claim, QuantityClaim) and last is not None and \
                _others_of_the_same_events(claim, last):
            # "a pair of shootings that left one dead and four others wounded": the
            # others are of what the dead are of, however the parser hung them
            claim = claim.model_copy(update={"about": claim.about.model_copy(
                update={"event": last.about.event})})
        if isinstance(claim, QuantityClaim) and claim.value.dimension == "count":
            earlier.add(about.attribute)
            last = claim
        result.append(claim)
    return result


def _others_of_the_same_events(claim: QuantityClaim, last: QuantityClaim) -> bool:
    """Whether ``claim`` counts others, of another measure, right after a count of its
    sentence that is of other events than the story's (a distinct marker), while it
    names no event of its own."""
    before, event = last.about.event, claim.about.event
    return claim.about.thing == "other" and claim.sentence_start == last.sentence_start \
        and before is not None and before.distinct \
        and last.about.attribute not in (claim.about.attribute, GENERIC) \
        and (event is None or event.implicit) and claim.start - last.end <= _OTHERS_REACH


GENERIC = "count"  # the class of a count whose measure is unknown: no other measure
_OTHERS_REACH = 250  # characters back to the count that "others" are other than


def _part_of_another_measure(counted: Counted) -> bool:
    """A part that may be the whole of its own measure ("four shot, one fatally"); not
    one of a list of men and women ("five men and four women were hurt")."""
    return counted.subgroup == PART and not any(f.startswith("sex:") for f in counted.facets)


@dataclass(frozen=True)
class Sentence:
    """A sentence's offsets and text, read once for all the claims it holds."""

    start_char: int
    text: str
    key: str  # the words folded, to spot a sentence the source repeats


class Sentences:
    """The sentence of any token, each read once for all the claims it holds.

    ``token.sent`` walks to both ends of the sentence and ``Span.text`` joins its
    tokens: per claim, that is quadratic in the length of a sentence holding many
    claims (hostile text can be one sentence of thousands of tokens).
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self._doc = doc
        self._text = text
        self._index = doc_index(doc)
        self._read: dict[int, Sentence] = {}

    def of(self, token_index: int) -> Sentence:
        """The sentence holding the token at ``token_index``."""
        start, end = self._index.sentence(token_index)
        sentence = self._read.get(start)
        if sentence is None:
            first, last = self._doc[start], self._doc[end - 1]
            start_char, end_char = first.idx, last.idx + len(last)
            text = self._text[start_char:end_char]
            key = _WORD_FOLD.sub(" ", text.lower()).strip()
            sentence = self._read[start] = Sentence(start_char=start_char, text=text, key=key)
        return sentence


_LIST_DASH = re.compile(r"[-\u2013\u2014]\s+")


def _without_list_dash(mention: Mention, text: str) -> Mention:
    """A count after a list or dateline dash ("Memphis -\n- Two people are dead") is the
    count, not its negative: the dash is punctuation. A count of things is whole, so a
    spaced dash before a fraction ("- 1 4/5", "- 0.5") is its sign."""
    value = mention.value
    if not isinstance(value, QuantityValue) or value.dimension != "count":
        return mention
    interval = value.interval
    dash = _LIST_DASH.match(text, mention.start)
    if dash is None or interval.low is None or interval.low != interval.high or \
            interval.low >= 0 or interval.low != interval.low.to_integral_value():
        return mention
    positive = interval.model_copy(update={"low": -interval.low, "high": -interval.low})
    stated = -value.stated if value.stated is not None else None
    return mention.model_copy(update={
        "start": dash.end(), "value": value.model_copy(update={"interval": positive,
                                                             "stated": stated})})


def _without_numbers_inside_dates(mentions: list[Mention]) -> list[Mention]:
    """A number that is part of a date ("21" in "Aug. 21") is the date's, not an amount."""
    dates = sorted((m.start, m.end) for m in mentions if m.kind == "date")
    starts = [start for start, _ in dates]
    reach = list(itertools.accumulate((end for _, end in dates), max))  # furthest end so far

    def inside_a_date(m: Mention) -> bool:
        # the dates starting before the number ends: does any of them end after it starts?
        index = bisect.bisect_left(starts, m.end) - 1
        return index >= 0 and reach[index] > m.start

    return [m for m in mentions if m.kind != "quantity" or not inside_a_date(m)]


def _date_resolver(published: date | None) -> Callable[[str], DateRange | None]:
    from claimcheck.extract.date_resolve import resolve_date

    def resolve(text: str) -> DateRange | None:
        value = resolve_date(text, published)
        return None if value is None else value.range

    return resolve


def _paragraphs(doc: Doc, text: str) -> list[Paragraph]:
    paragraphs = []
    for start, end in split_paragraphs(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        finite = span is None or any(t.tag_ in _FINITE_TAGS for t in span)
        paragraphs.append(Paragraph(start=start, end=end, text=text[start:end],
                                    has_finite_verb=finite))
    return paragraphs


def dominant_country(doc: Doc, resolve: CountryResolver,
                     mentions: Sequence[Mention] = ()) -> str | None:
    """The country an article is mostly about, when one clearly leads its place mentions
    (named entities, and the places the finder resolved where the model missed them)."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            code = resolve(ent.text)
            if code:
                counts[code] += 1
                seen.add(ent.start_char)
    for mention in mentions:
        if isinstance(mention.value, LocationValue) and mention.start not in seen and \
                not mention.value.named_in:  # "the Dallas Police": not what it is about
            country = mention.value.place.country
            if country and mention.value.confident:
                counts[country] += 1
    if not counts:
        return None
    ranked = [*counts.most_common(2), ("", 0)]
    (best, top), (_, runner_up) = ranked[0], ranked[1]
    return best if top >= 2 and top >= 1.5 * runner_up else None


def _token_of(doc: Doc, mention: Mention) -> Any:
    if mention.token is not None and 0 <= mention.token < len(doc):
        return doc[mention.token]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _about(mention: Mention, token: Any, vocabulary: Vocabulary, resolve: CountryResolver,
           context_country: str | None,
           resolve_date: Callable[[str], DateRange | None] | None = None,
           resolve_place: Callable[[str], Place | None] | None = None) -> About:
    doc = token.doc
    own = {t.i for t in doc.char_span(mention.start, mention.end, alignment_mode="expand")
           or [token]}
    value = mention.value
    event_token = None
    thing: str | None = None
    counted: Counted | None = None
    if isinstance(value, QuantityValue):
        if value.dimension == "count":
            noun = counted_noun(token)
            unit = value.unit
            if noun is not None and noun.lower_ == "shot" and unit == "shot" and \
                    noun.dep_ not in ("dobj", "pobj"):  # "fired one shot": a shot
                noun = unit = None  # "5 shot, 1 killed": people shot, not five shots
            counted = read_counted(unit, noun, vocabulary, resolve, part=is_part(token))
            people = None if counted.category is None else counted.category == PERSON
            attribute = about_mod.quantity_attribute(token, value, vocabulary, people)
            if counted.category is None and attribute in vocabulary.human_classes:
                counted = counted.model_copy(update={"category": PERSON})
            if counted.category == PERSON and counted.subgroup is None and \
                    is_listed(token, noun, vocabulary):
                counted = counted.model_copy(update={"subgroup": LISTED})
            beyond = is_rest(token, noun) or added_to_others(token, noun)
            if is_remaining(token, noun):
                counted = as_rest(counted, REMAINING)  # whatever was counted before
            elif (beyond and not others_than_another_measure(token, attribute, vocabulary)) \
                    or (counted.category == PERSON and beyond_others(token, noun)):
                counted = as_rest(counted)
            if counted.category == PERSON:
                scope = perpetrator_scope(token, vocabulary, attribute == "deaths")
                if scope is None and attribute == "deaths" and \
                        perpetrator_died(doc, vocabulary):
                    scope = UNSAID  # the article reports him dead; this toll does not say
                if scope is not None:
                    counted = with_facet(counted, scope)
            condition = condition_of(token, noun) if counted.category in (None, PERSON) \
                else None
            if condition is None and counted.category == PERSON:
                condition = condition_adverb(token, noun)
            if condition is not None:
                counted = in_condition(counted, condition)
        else:
            attribute = about_mod.quantity_attribute(token, value, vocabulary)
            if value.dimension == "duration" and \
                    _AGO.match(doc_index(doc).text(doc), mention.end):
                attribute = "time_ago"  # "50,000 years ago" dates something: no length
        if value.dimension == "count":
            # a toll with no counted noun counts people: "the death toll rose to 312"
            thing = unit or (PERSON if counted is not None and
                                   counted.category == PERSON else None)
            glued = any(doc[i].pos_ == "NOUN" for i in own)  # "the 735-seat parliament"
            event_token = (about_mod.measured_noun(token, own) if glued else None) or \
                about_mod.find_event_token(token, vocabulary)
        else:
            event_token = about_mod.measured_noun(token, own) or about_mod.find_event_token(
                token, vocabulary)
    elif isinstance(value, DateValue):
        event_token = about_mod.find_event_token(token, vocabulary, of_an_act=True)
        attribute = _date_attribute(token)
        if attribute == "date_of" and value.extent in _WINDOW_ENDS:
            # "since Wednesday", "by early Friday": where a span counted begins or ends,
            # not the date of what happened
            attribute = _WINDOW_ENDS[value.extent]
    elif isinstance(value, LocationValue):
        # where someone lives ("a nurse who lived in Oakland") is no place of an event
        attribute = "residence" if about_mod.is_residence(token) else "place_of"
        # a place inside a name ("Occupy Philadelphia") locates no event of its clause
        event_token = None if value.named_in or attribute == "residence" else \
            about_mod.find_event_token(token, vocabulary, of_an_act=True)
    else:
        attribute = "words_of"
        thing = value.speaker if isinstance(value, QuoteValue) else None
    event: Event | None = None
    if event_token is None and isinstance(value, QuantityValue) and value.dimension == "count":
        event = about_mod.implicit_event(token, resolve, own, resolve_date, resolve_place)
    if event_token is not None:
        event = about_mod.event_from_token(
            event_token, vocabulary, resolve, exclude=own, resolve_date=resolve_date,
            value_token=token if isinstance(value, QuantityValue) else None,
            resolve_place=resolve_place)
        if not event.countries and context_country:
            event = event.model_copy(update={"context_country": context_country})
    if event_token is not None and isinstance(value, DateValue | LocationValue) and \
            about_mod.is_event_noun_plural(event_token) and \
            about_mod.is_event_noun(event_token, vocabulary):
        # "the shootings in Tulsa", "attacks in two states": several incidents, or a
        # spree; a place or date of one of them, or of all, may agree with another's,
        # never contradict it ("the floods", "the protests" may be one event that goes on)
        assert event is not None
        event = event.model_copy(update={"several": True})
    if isinstance(value, QuantityValue) and value.dimension == "count" and (
            about_mod.an_aggregate(token) or about_mod.by_another_hand(token) or (
                value.interval.high == 0 and about_mod.zero_of_one_act(token))):
        # "76 people shot so far this year", "killed by another man": never the toll of
        # the story's event
        event = (event or Event(head="", implicit=True)).model_copy(update={"distinct": True})
    if isinstance(value, QuantityValue) and value.dimension != "count" and \
            (slot := other_slot(token)) is not None:
        # "cost $12 in May, now costs $19", "or a lump sum of $80 million": another slot
        event = (event or Event(head="", implicit=True, text=slot)).model_copy(
            update={"distinct": True})
    who = about_mod.attribution(token, vocabulary) if attribute != "words_of" else None
    identifying = isinstance(value, DateValue) and about_mod.names_its_event(token, event_token)
    return about_mod.build_about(attribute, thing, event, who, identifying, counted)


_AGO = re.compile(r"\s*ago\b", re.IGNORECASE)
_WINDOW_ENDS = {"since": "start_date", "until": "end_date"}


def _date_attribute(token: Any) -> str:
    for node in itertools.islice(token.ancestors, MAX_CLIMB):
        if node.pos_ in ("VERB", "AUX"):
            return about_mod.date_attribute(node)
    return "date_of"


def claim_id(source_id: str, kind: str, start: int, end: int) -> str:
    """Stable and readable: the same input always gives the same id."""
    digest = hashlib.sha1(f"{source_id}\0{kind}\0{start}\0{end}".encode()).hexdigest()[:8]
    return f"{kind[0]}-{digest}"


def _claim(mention: Mention, source: Source, sentence: Sentence, about: About,
           furniture: bool) -> Claim:
    offset = source.body_start
    start, end = mention.start + offset, mention.end + offset
    line, column = source.line_column(start)
    common = {
        "id": claim_id(source.id, mention.kind, start, end),
        "source": source.id,
        "text": source.text[start:end],
        "start": start,
        "end": end,
        "line": line,
        "column": column,
        "sentence": sentence.text,
        "sentence_start": sentence.start_char + offset,
        "about": about,
        "furniture": furniture,
    }
    value = mention.value
    if isinstance(value, QuantityValue):
        return QuantityClaim(value=value, **common)
    if isinstance(value, DateValue):
        return DateClaim(value=value, **common)
    if isinstance(value, LocationValue):
        return LocationClaim(value=value, **common)
    return QuoteClaim(value=value, **common)
