"""Place phrases → gazetteer places: pure functions of the text and its context.

Handles the ways news names a place: a bare name ("Bishkek"), a name with its country
or region ("Bali, Indonesia", "Paris, Texas"), a capital by its country ("the Kyrgyz
capital", "the capital of Syria", "the Kyrgyz capital Bishkek"), a kind of place with
its country ("the Indonesian island of Bali") and the area around a place ("near
Damascus", "outside Damascus", "a Damascus suburb", "the suburbs of Damascus", "20 km
north of Damascus"). The area around a place keeps that place's id and chain, with
``around=True`` and level ``AREA``.

Among several places of one name the choice goes: the country named beside it, then
rank (a country, then a capital, then population; a province counts as a town of
100,000), and only when rank leaves it unclear, the countries the article names
elsewhere. The result is confident when the
choice is clear (no rival of another country, or rivals a fifth the size at most).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from claimcheck.model.places import LocationValue, Place, PlaceLevel

# "near X", "outside X", "on the outskirts of X", "20 km north of X"
_AROUND_BEFORE = re.compile(
    r"^(?:(?:just|right|close)\s+)?(?:near(?:by)?|outside(?:\s+of)?|around|close\s+to|"
    r"(?:on\s+)?(?:the\s+)?(?:outskirts|suburbs?|environs|vicinity|countryside)\s+(?:of|around)|"
    r"(?:a|the)\s+(?:suburb|district|neighbou?rhood)\s+of|"
    r"(?:(?:some|about|around)\s+)?(?:[\d.,]+|a\s+few|several)?\s*(?:-\s*)?"
    r"(?:km|kilomet(?:er|re)s?|miles?)?\s*"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of)"
    r"\s+(?P<rest>.+)$", re.IGNORECASE)
# "a Damascus suburb", "the Damascus suburbs", "the Damascus area"
_AROUND_AFTER = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<rest>.+?)\s+(?:suburbs?|outskirts|area|countryside|"
    r"environs|region)$", re.IGNORECASE)
# "the Kyrgyz capital", "the Kyrgyz capital Bishkek", "the Kyrgyz capital, Bishkek"
_CAPITAL_OF_ADJ = re.compile(
    r"^(?:(?:the|its)\s+)?(?P<country>.+?)(?:'s|’s)?\s+capital(?:\s+city)?(?:,?\s+(?P<name>.+))?$",
    re.IGNORECASE)
# "the capital of Syria", "the Syrian capital of Damascus" is rare; "capital Damascus"
_CAPITAL_OF_NOUN = re.compile(
    r"^(?:the\s+)?capital(?:\s+city)?\s+of\s+(?P<country>.+)$", re.IGNORECASE)
# "the Indonesian island of Bali", "the Syrian city Aleppo", "the resort town of Bali"
_KIND_OF = re.compile(
    r"^(?:(?:the|a)\s+)?(?P<country>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+"
    r"(?:city|town|village|island|province|region|state|port|resort|border\s+town)"
    r"(?:\s+of)?,?\s+(?P<name>[A-Z].*)$")
# "New York state", "Aceh province": the division, not its namesake city
_DIVISION = re.compile(r"^(?P<name>.+?)\s+(?:state|province|region|governorate|county|oblast)$",
                       re.IGNORECASE)
_LEADING_PREPOSITION = re.compile(r"^(?:in|at|from|to|into|inside|within)\s+", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

# A rival at most this share of the chosen place's rank leaves the choice confident.
RIVAL_SHARE = 5
# a city this populous is confidently the one its old or foreign names mean
WELL_KNOWN_CITY = 1_000_000


def resolve_place(name: str, *, country_hint: str | None = None,
                  context_countries: Sequence[str] = ()) -> Place:
    """The place a phrase names; ``Place(id=None, name=...)`` when it cannot be told."""
    return resolve_location(name, country_hint=country_hint,
                            context_countries=context_countries).place


def resolve_location(name: str, *, country_hint: str | None = None,
                     context_countries: Sequence[str] = (),
                     gazetteer: Gazetteer | None = None) -> LocationValue:
    """Like ``resolve_place``, with whether the choice among namesakes was clear."""
    gaz = gazetteer or load_gazetteer()
    text = _LEADING_PREPOSITION.sub("", " ".join(name.split()))
    around = False
    for pattern in (_AROUND_BEFORE, _AROUND_AFTER):
        match = pattern.match(text)
        if match and (resolved := _resolve_plain(gaz, match["rest"], country_hint,
                                                 context_countries)) and resolved[0]:
            around = True
            text = match["rest"]
            break
    entry, confident = _resolve_plain(gaz, text, country_hint, context_countries)
    if entry is None:
        return LocationValue(place=Place(id=None, name=name.strip()), confident=False)
    if confident and entry.level is PlaceLevel.CITY and entry.population < WELL_KNOWN_CITY \
            and gaz.only_alternate(text.strip(" ,.;:"), entry):
        # "Shelltown", a San Diego neighbourhood, is an old name of Tuscaloosa: a town
        # found only by another name than its own may be another place of that name
        # that the table lacks; a city of millions is known by its old names ("Bombay")
        confident = False
    return LocationValue(place=entry.to_place(around=around), confident=confident)


def _resolve_plain(gaz: Gazetteer, text: str, country_hint: str | None,
                   context: Sequence[str]) -> tuple[Entry | None, bool]:
    """A name without "near": capitals, kinds of place, "X, Country", then the name."""
    text = text.strip(" ,.;:")
    if not text:
        return None, False
    for pattern in (_CAPITAL_OF_NOUN, _CAPITAL_OF_ADJ):
        match = pattern.match(text)
        if match:
            found = _capital(gaz, match, context)
            if found[0] is not None:
                return found
    match = _DIVISION.match(text)
    if match:
        divisions = [e for e in gaz.lookup(match["name"]) if e.level is PlaceLevel.REGION]
        if country_hint:
            divisions = [e for e in divisions if e.country == country_hint.upper()]
        if divisions:
            return divisions[0], _clear(divisions)
    match = _KIND_OF.match(text)
    if match and (code := gaz.demonym_country(match["country"])):
        return _choose(gaz, match["name"], code, context)
    if "," in text:
        head, _, qualifier = text.rpartition(",")
        within = _qualifier(gaz, qualifier.strip())
        if within is not None and head.strip():
            return _choose(gaz, head, country_hint, context, within=within)
    found = _choose(gaz, text, country_hint, context)
    if found[0] is None and _LEADING_ARTICLE.match(text):
        found = _choose(gaz, _LEADING_ARTICLE.sub("", text), country_hint, context)
    return found


def _capital(gaz: Gazetteer, match: re.Match[str],
             context: Sequence[str]) -> tuple[Entry | None, bool]:
    code = gaz.demonym_country(match["country"])
    if code is None:
        return None, False
    named = match.groupdict().get("name")
    if named:
        return _choose(gaz, named, code, context)
    capital = gaz.capitals.get(code)
    return (capital, True) if capital is not None else (None, False)


def _qualifier(gaz: Gazetteer, text: str) -> Entry | None:
    """The country or region after a comma ("Indonesia", "Texas"), if unambiguous."""
    candidates = [e for e in gaz.lookup(text)
                  if e.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION)]
    if not candidates:
        return None
    countries = [e for e in candidates if e.level is PlaceLevel.COUNTRY]
    if countries:
        return countries[0]
    return candidates[0] if len(candidates) == 1 else None


def _choose(gaz: Gazetteer, text: str, country_hint: str | None, context: Sequence[str],
            *, within: Entry | None = None) -> tuple[Entry | None, bool]:
    """The best entry for a name, and whether it clearly beats its namesakes."""
    candidates = gaz.lookup(text.strip(" ,.;:"))
    if not candidates:
        return None, False
    if within is not None:
        inside = [e for e in candidates
                  if within.id in e.chain or e.id == within.id
                  or (within.level is PlaceLevel.COUNTRY and e.country == within.country)]
        if not inside:
            return None, False
        return inside[0], _clear(inside)
    if country_hint:
        hinted = [e for e in candidates if e.country == country_hint.upper()]
        if hinted:
            return hinted[0], _clear(hinted)
        return candidates[0], False
    if _clear(candidates):
        return candidates[0], True
    # Only an unclear choice looks at the article's other countries: "Geneva" stays in
    # Switzerland in an article that names the US ten times.
    wanted = {code.upper() for code in context}
    in_context = [e for e in candidates if e.country in wanted]
    if in_context:
        return in_context[0], _clear(in_context)
    return candidates[0], False


def _clear(candidates: list[Entry]) -> bool:
    """Whether the first (best-ranked) entry clearly beats the rest."""
    best, rivals = candidates[0], candidates[1:]
    for rival in rivals:
        if rival.country == best.country and (
                best.level is PlaceLevel.COUNTRY or rival.level is PlaceLevel.REGION):
            continue  # a namesake inside the chosen country, or a city's own province
        if rival.level is not PlaceLevel.CITY or rival.rank * RIVAL_SHARE > best.rank:
            return False
    return True
