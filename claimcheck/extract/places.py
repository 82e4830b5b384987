"""Place claims: where a text says something happened ("a summit in Bishkek").

A place name is a claim only where it locates something: the object of a locative
preposition ("in", "at", "near", "outside") attached to a verb or an event noun, the
city a suburb belongs to ("a Damascus suburb"), the name given to "the Kyrgyz capital",
or a dateline ("BALI, Indonesia —"). Names used as actors or modifiers ("Washington
said", "Syria's chemical weapons", "U.S. Secretary of State", "Russian President")
are not. spaCy finds the spans; ``place_names`` interprets them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from claimcheck.extract.doc_index import MAX_CLIMB, doc_index
from claimcheck.extract.gazetteer import Gazetteer, load_gazetteer, name_key
from claimcheck.extract.mention import Mention
from claimcheck.extract.outlets import is_outlet
from claimcheck.extract.place_names import resolve_location, resolve_place
from claimcheck.model.places import LocationValue, PlaceLevel

__all__ = ["country_of", "find", "resolve_location", "resolve_place"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that are never a place name, whatever the gazetteer knows.
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                               "CARDINAL", "PERSON", "WORK_OF_ART", "LAW", "EVENT"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "inside",
                                   "within", "throughout", "across", "nearby", "through"})
AROUND_PREPOSITIONS = frozenset({"near", "outside", "around", "nearby"})
# Nouns that name the area around a place: "a Damascus suburb", "the outskirts of X".
AROUND_NOUNS = frozenset({"suburb", "outskirts", "outskirt", "countryside", "vicinity",
                          "environs", "edge"})
# Nouns a place name can specify: "the Kyrgyz capital Bishkek", "the city of Aleppo".
KIND_NOUNS = frozenset({"capital", "city", "town", "village", "island", "province",
                        "region", "port", "resort", "state"})
# An organisation reached through these does not locate an event ("experts from the
# OPCW in The Hague"); through "at", "of" or "in" it may ("at the summit of the SCO in X").
_ORG_DETACHING = frozenset({"from", "with", "by", "for", "to", "against"})

# "BALI, Indonesia —", "DAMASCUS (Reuters) -": a dateline opens a line.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])"
    r"(?:,[ \t]*(?P<within>[A-Z][A-Za-z.'’ -]{1,40}?))?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?"
    r"(?:—|–|--?)[ \t]", re.MULTILINE)


_LOCAL = frozenset({PlaceLevel.CITY, PlaceLevel.REGION})
# Directions name a part of whatever the text is about ("in the South", "the Northeast"),
# never the gazetteer's namesakes (Cameroon's South region).
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                         "southeast", "southwest", "north east", "north west", "south east",
                         "south west", "midwest"})


def find(doc: Any, published: date | None = None) -> list[Mention]:
    """Place claims in a parsed text, one per located place name."""
    del published  # places do not depend on the publication date
    gaz = load_gazetteer()
    entities = list(doc.ents)  # spaCy builds the spans anew on every read: read once
    names, capitals = _candidate_tokens(doc)
    context = _context_countries(entities, gaz)
    mentions: dict[tuple[int, int], Mention] = {}
    for mention in _datelines(doc, gaz, context):
        mentions[(mention.start, mention.end)] = mention
    for span in _place_spans(doc, entities, names, gaz):
        if not _names_a_place(span):
            continue
        located = _locating_phrase(span, gaz)
        if located is None:
            continue
        hint, around = located
        key = (span.start_char, span.end_char)
        if key in mentions:
            continue
        value = resolve_location(span.text, country_hint=hint, context_countries=context,
                                 gazetteer=gaz)
        if value.place.level is PlaceLevel.CITY and _with_article(span, gaz):
            continue  # "a room at the Algiers": a hotel, a ship or a bar named for a city
        mentions[key] = _mention(span, _around(value) if around else value)
    for span, name in _places_in_names(doc, entities, gaz):
        key = (span.start_char, span.end_char)
        value = resolve_location(span.text, context_countries=context, gazetteer=gaz)
        if key not in mentions and value.confident and value.place.level in _LOCAL and \
                len({e.level for e in gaz.lookup(span.text)}) == 1:
            # a name shared by a city and a state ("University of Washington") tells
            # neither
            mentions[key] = _mention(span, value.model_copy(update={"named_in": name}))
    for span in _bare_capitals(doc, capitals, gaz):
        key = (span.start_char, span.end_char)
        value = resolve_location(span.text, context_countries=context, gazetteer=gaz)
        if key not in mentions and value.place.resolved:
            mentions[key] = _mention(span, value, token=span[-1].i)
    return [mentions[key] for key in sorted(mentions)]


@lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """The country a place name or adjective names: "Kyrgyz" → KG, "Bishkek" → KG.

    None when the name is unknown or its namesakes leave the country unclear.
    """
    gaz = load_gazetteer()
    code = gaz.demonyms.get(name_key(text))
    if code is not None:
        return code
    value = resolve_location(text, gazetteer=gaz)
    return value.place.country if value.confident else None


def _mention(span: Any, value: LocationValue, *, token: int | None = None) -> Mention:
    return Mention(kind="location", start=span.start_char, end=span.end_char, value=value,
                   token=span.root.i if token is None else token)


def _around(value: LocationValue) -> LocationValue:
    if not value.place.resolved or value.place.around:
        return value
    place = value.place.model_copy(update={"around": True, "level": PlaceLevel.AREA})
    return value.model_copy(update={"place": place})


def _candidate_tokens(doc: Any) -> tuple[list[int], list[int]]:
    """Indices of the tokens the finder reads one by one, from the Doc's arrays in one
    pass (no Token object made for the others): untagged capitalised proper nouns that
    are objects of a preposition, and "capital" as such an object."""
    import numpy
    from spacy.attrs import DEP, ENT_IOB, IS_TITLE, LOWER, POS
    from spacy.symbols import PROPN

    if not len(doc):
        return [], []
    columns = doc.to_array([POS, DEP, ENT_IOB, IS_TITLE, LOWER])
    strings = doc.vocab.strings
    pobj = columns[:, 1] == strings["pobj"]
    untagged = (columns[:, 2] == 0) | (columns[:, 2] == 2)  # no entity, or outside one
    names = (columns[:, 0] == PROPN) & pobj & untagged & (columns[:, 3] == 1)
    capital = numpy.isin(columns[:, 4], [strings["capital"], strings["capitals"]])
    return (numpy.flatnonzero(names).tolist(), numpy.flatnonzero(capital & pobj).tolist())


def _context_countries(entities: Sequence[Any], gaz: Gazetteer) -> tuple[str, ...]:
    """Countries the text names unambiguously, most mentioned first: they settle namesakes."""
    counts: dict[str, int] = {}
    for ent in entities:
        if ent.label_ not in PLACE_LABELS:
            continue
        value = resolve_location(ent.text, gazetteer=gaz)
        if value.confident and value.place.country:
            counts[value.place.country] = counts.get(value.place.country, 0) + 1
    return tuple(sorted(counts, key=lambda code: (-counts[code], code)))


def _names_a_place(span: Any) -> bool:
    """A capitalised name that is not a direction, nor a thing ("in a red Mustang")."""
    words = [t for t in span if t.lower_ != "the"]
    if not any(t.text[:1].isupper() for t in words):
        return False  # "metro areas": a place's name is capitalised
    if name_key(" ".join(t.text for t in words)) in _DIRECTIONS:
        return False
    return not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in span.root.children)


def _with_article(span: Any, gaz: Gazetteer) -> bool:
    """Whether a city's name is written after "the" that is not part of its own name
    ("the Algiers", but "The Hague")."""
    words = [t for t in span if t.lower_ != "the"]
    first = words[0] if words else span.root
    before = span.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.lower_ != "the":
        return False
    name = " ".join(t.text for t in words)
    return not gaz.lookup(f"the {name}")


def _is_demonym(text: str, gaz: Gazetteer) -> bool:
    return not gaz.lookup(text) and gaz.demonym_country(text) is not None


def _place_spans(doc: Any, entities: Sequence[Any], names: Sequence[int],
                 gaz: Gazetteer) -> list[Any]:
    """Candidate place names: GPE and LOC entities, and where the small model is weak,
    other spans the gazetteer knows ("BALI" tagged ORG, "Aleppo" tagged LANGUAGE or
    NORP, an untagged proper noun). Whether each locates something is decided later."""
    spans = []
    for ent in entities:
        if ent.label_ == "PERSON" and _place_after_preposition(ent, gaz):
            spans.append(ent)  # the small model tags some towns as people: "near Izmir"
            continue
        if ent.label_ in _NOT_PLACE_LABELS or _is_demonym(ent.text, gaz):
            continue
        # an organisation or an untagged word is a place only by a well-known place's
        # own name ("BALI" tagged ORG), not by a foreign alternate ("Hamas" for Hamm)
        if ent.label_ in ("GPE", "LOC") or gaz.well_known(ent.text):
            spans.append(ent)
    for token in map(doc.__getitem__, names):
        if (token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ == "pobj"
                and token.is_title and not _in_longer_name(token)
                and gaz.well_known(token.text)):
            spans.append(doc[token.i:token.i + 1])
    return spans


def _in_longer_name(token: Any) -> bool:
    """"the Old Vic": a capitalised word before it makes the name another one."""
    doc = token.doc
    return bool(token.i > 0 and doc[token.i - 1].text[:1].isupper()
                and doc[token.i - 1].head.i == token.i)


def _place_after_preposition(ent: Any, gaz: Gazetteer) -> bool:
    """A one-word "person" that is the object of a locative preposition and a place the
    gazetteer knows is a mislabelled place ("near Izmir"); people are rarely "near"."""
    root = ent.root
    return (len(ent) == 1 and root.dep_ == "pobj"
            and root.head.lower_ in LOCATIVE_PREPOSITIONS and gaz.well_known(ent.text))


def _locating_phrase(span: Any, gaz: Gazetteer) -> tuple[str | None, bool] | None:
    """(country hint, around) if the name locates something, else None."""
    node = span.root
    hint: str | None = None
    around = False
    if _qualifies_previous(span, gaz):
        return None  # "Indonesia" in "Bali, Indonesia" is the hint, not a claim
    if node.dep_ == "compound" and node.head.lemma_.lower() in AROUND_NOUNS | {"area"}:
        around, node = True, node.head  # "a Damascus suburb"
    elif node.dep_ == "appos" and node.head.lemma_.lower() in KIND_NOUNS:
        hint = _country_modifier(node.head, gaz)  # "the Kyrgyz capital Bishkek"
        node = node.head
    if (node.dep_ == "pobj" and node.head.lower_ == "of"
            and node.head.head.lemma_.lower() in AROUND_NOUNS | KIND_NOUNS):
        around = around or node.head.head.lemma_.lower() in AROUND_NOUNS
        node = node.head.head  # "the outskirts of Damascus", "the city of Aleppo"
    hint = hint or _following_qualifier(span, gaz)
    if around and node.lemma_.lower() in AROUND_NOUNS:
        return hint, True  # "rockets hit a Damascus suburb": the suburb is the place
    if node.dep_ != "pobj" or node.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return None
    preposition = node.head
    if not _attaches_to_event(preposition):
        return None
    return hint, around or preposition.lower_ in AROUND_PREPOSITIONS


def _attaches_to_event(preposition: Any) -> bool:
    """False when the phrase locates an organisation rather than an event."""
    head = preposition.head
    if head.ent_type_ != "ORG":
        return True
    bounds = doc_index(head.doc).entity(head.i)  # not a scan of doc.ents per place
    org_root = head.doc[bounds[0]:bounds[1]].root if bounds is not None else head
    for _ in range(MAX_CLIMB):
        if org_root.dep_ != "compound":
            break
        org_root = org_root.head
    return not (org_root.dep_ == "pobj" and org_root.head.lower_ in _ORG_DETACHING)


def _country_modifier(noun: Any, gaz: Gazetteer) -> str | None:
    """The country an adjective or name before "capital"/"island" names ("Kyrgyz")."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < noun.i:
            code = gaz.demonym_country(child.text)
            if code:
                return code
    return None


def _qualifies_previous(span: Any, gaz: Gazetteer) -> bool:
    """Whether ``span`` is the ", Country" after another place name."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    before = doc[span.start - 2]
    return bool(before.ent_type_ in PLACE_LABELS | {"ORG"} and _is_qualifier_of(span, before)
                and _qualifier_code(span.text, gaz))


def _is_qualifier_of(qualifier: Any, place: Any) -> bool:
    """The parse hangs "Indonesia" on "Bali" (apposition or conjunct), not on what follows:
    in "talks in Geneva, US Secretary of State John Kerry said" "US" qualifies Kerry."""
    return bool(qualifier.root.dep_ in ("appos", "conj", "npadvmod")
                and qualifier.root.head.i == place.i)


def _following_qualifier(span: Any, gaz: Gazetteer) -> str | None:
    """The country in "Bali, Indonesia" or "Paris, Texas" right after a name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    bounds = doc_index(doc).entity(span.end + 1)  # not a scan of doc.ents per place
    if bounds is None or bounds[0] != span.end + 1:
        return None
    following = doc[bounds[0]:bounds[1]]
    if not _is_qualifier_of(following, span.root):
        return None
    return _qualifier_code(following.text, gaz)


def _qualifier_code(text: str, gaz: Gazetteer) -> str | None:
    entries = [e for e in gaz.lookup(text)
               if e.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION)]
    return entries[0].country if entries else None


def _datelines(doc: Any, gaz: Gazetteer, context: tuple[str, ...]) -> list[Mention]:
    mentions = []
    for match in _DATELINE.finditer(doc_index(doc).text(doc)):
        name = match["place"].strip()
        if not gaz.lookup(name):
            continue
        hint = _qualifier_code(match["within"], gaz) if match["within"] else None
        start = match.start("place")
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None:
            continue
        value = resolve_location(name, country_hint=hint, context_countries=context,
                                 gazetteer=gaz)
        mentions.append(_mention(span, value))
    return mentions


def _places_in_names(doc: Any, entities: Sequence[Any],
                     gaz: Gazetteer) -> list[tuple[Any, str]]:
    """Places named inside the name of an organisation or a movement of that place
    ("Occupy Philadelphia", "the University of Texas"), with that name. They do not say
    where something happened, but that the source's story is there; an outlet's name
    ("the Philadelphia Inquirer") says only where it is published."""
    found = []
    for ent in entities:
        if ent.label_ == "ORG" and len(ent) > 1 and not is_outlet(ent.text):
            inner = _inner_place(ent, gaz)
            if inner is not None:
                found.append((inner, re.sub(r"^(?:the|a|an)\s+", "", ent.text,
                                            flags=re.IGNORECASE)))
    return found


def _inner_place(ent: Any, gaz: Gazetteer) -> Any | None:
    """The longest run of an organisation's words that is a well-known place's name,
    where it names the place the body is of: at the end, after "of" or one word
    ("Occupy Philadelphia", "University of Texas"). Elsewhere a place's name may be a
    namesake's ("the Algiers Motel") or a body's seat rather than its story's ("the
    Dallas Police Department" on a shooting in a suburb)."""
    doc = ent.doc
    first = ent.start + (doc[ent.start].lower_ == "the")
    for size in range(len(ent) - 1, 0, -1):
        for start in range(first, ent.end - size + 1):
            span = doc[start:start + size]
            end = start + size
            if not (span[0].text[:1].isupper() and span[-1].text[:1].isupper()):
                continue
            if end < ent.end or (start - 1 >= first and doc[start - 1].lower_ != "of"
                                 and start - 1 != first):
                continue  # last, after "of" or a single word ("Occupy")
            if name_key(span.text) not in _DIRECTIONS and gaz.well_known(span.text):
                return span
    return None


def _bare_capitals(doc: Any, capitals: Sequence[int], gaz: Gazetteer) -> list[Any]:
    """"in the Syrian capital" with no name after it: the span "Syrian capital"."""
    spans = []
    for token in map(doc.__getitem__, capitals):
        if token.lemma_.lower() != "capital" or token.dep_ != "pobj":
            continue
        if token.head.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if any(child.dep_ == "appos" for child in token.children):
            continue
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")
                     and c.i < token.i and gaz.demonym_country(c.text)]
        if modifiers:
            spans.append(doc[modifiers[0].i:token.i + 1])
    return spans
