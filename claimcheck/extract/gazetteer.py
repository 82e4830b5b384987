"""The offline gazetteer: countries and subdivisions from pycountry, cities from GeoNames.

Cities come from the slim table ``data/gazetteer_cities.tsv.gz`` that
``scripts/build_gazetteer.py`` generates; country short names and capitals from
``data/gazetteer_countries.tsv``; news aliases and demonyms from
``data/place_aliases.tsv``. Everything is looked up by a normalised key (case, accents,
dots and hyphens ignored), loaded once on first use.

The ~90,000 city names are keyed when the data is built, not on every start: the same
script writes ``data/gazetteer_city_keys.tsv.gz`` (key → ids of the cities so named),
and a city's entry is made from its row only when a lookup meets it.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from claimcheck.gcpause import freeze_long_lived
from claimcheck.model.places import Place, PlaceLevel

_DOTS = re.compile(r"\.")
_SEPARATORS = re.compile(r"[\s\-‐‑–_/]+")
_APOSTROPHES = re.compile(r"[’‘`´]")


# The same key for ASCII text without the Unicode decomposition, four times faster: most
# names are ASCII, and building the city keys and every lookup key names.
_ASCII_KEY = str.maketrans({"`": "'", ".": None, "-": " ", "_": " ", "/": " "})


def name_key(text: str) -> str:
    """The lookup key of a name: "U.S." → "us", "Nur-Sultan" → "nur sultan"."""
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_KEY).split()).strip(" ,")
    return unicode_name_key(text)


def unicode_name_key(text: str) -> str:
    """``name_key`` of any text, by way of its Unicode decomposition."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("'", plain).casefold()
    plain = _DOTS.sub("", plain)
    return _SEPARATORS.sub(" ", plain).strip(" ,")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place; ``rank`` orders candidates of one name (bigger first)."""

    id: str
    name: str
    country: str
    level: PlaceLevel
    population: int = 0
    capital: bool = False
    latitude: float | None = None
    longitude: float | None = None
    chain: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        if self.level is PlaceLevel.COUNTRY:
            return 10**12 + self.population
        if self.capital:
            return 10**9 + self.population
        if self.level is PlaceLevel.REGION:
            return REGION_RANK
        return self.population

    def to_place(self, *, around: bool = False) -> Place:
        return Place(id=self.id, name=self.name, country=self.country,
                     level=PlaceLevel.AREA if around else self.level, chain=self.chain,
                     around=around, latitude=self.latitude, longitude=self.longitude)


# A province outranks towns smaller than this ("Bali" is the Indonesian province, not
# the Cameroonian town of 27,000) and yields to larger cities.
REGION_RANK = 100_000


@dataclass
class Gazetteer:
    """Name keys → entries; primary names apart from GeoNames' alternate names."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    alternates: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # key → country code
    countries: dict[str, Entry] = field(default_factory=dict)
    capitals: dict[str, Entry] = field(default_factory=dict)  # country code → city
    by_id: dict[str, Entry] = field(default_factory=dict)
    # cities, made into entries on first use: geonameid → the rest of its table row;
    # key → "ids<TAB>alternate ids" of the cities of that primary or alternate name
    city_rows: dict[str, str] = field(default_factory=dict)
    city_keys: dict[str, str] = field(default_factory=dict)

    def add(self, key_text: str, entry: Entry, *, alternate: bool = False) -> None:
        key = name_key(key_text)
        if not key:
            return
        table = self.alternates if alternate else self.names
        bucket = table.setdefault(key, [])
        if all(e.id != entry.id for e in bucket):
            bucket.append(entry)

    def lookup(self, name: str) -> list[Entry]:
        """Entries named ``name``; alternate names only when no primary name matches."""
        key = name_key(name)
        primary_ids, alternate_ids = _city_ids(self.city_keys.get(key))
        found = [*self.names.get(key, ()), *map(self.city, primary_ids)]
        alternates = [*self.alternates.get(key, ()), *map(self.city, alternate_ids)]
        if found:
            # A primary name hides alternates, except a city named after it by its
            # full name: "New York" → New York City beside the state.
            found += [e for e in alternates if e not in found
                      and name_key(e.name).startswith(key + " ")]
        else:
            found = list(alternates)
        # "Bali" is spelt "Bali", not "Bāli": prefer entries spelt as written, accents
        # and all, when there are any.
        written = name.strip().casefold()
        if any(e.name.casefold() == written for e in found):
            found = [e for e in found if e.name.casefold() == written
                     or name_key(e.name) != key]  # drop only the other spellings
        return sorted(found, key=lambda e: (-e.rank, e.id))

    def only_alternate(self, name: str, entry: Entry) -> bool:
        """Whether ``name`` names ``entry`` only by one of GeoNames' alternate names
        that shares no word with its own ("Shelltown" for Tuscaloosa): no place has it
        as its own name, and it is no form of the entry's ("Washington DC", "Vegas")."""
        key = name_key(name)
        primary_ids, alternate_ids = _city_ids(self.city_keys.get(key))
        if self.names.get(key) or primary_ids or not (self.alternates.get(key) or
                                                       alternate_ids):
            return False
        return not set(key.split()) & set(name_key(entry.name).split())

    def well_known(self, name: str) -> bool:
        """Whether ``name`` is a well-known place's own name as written (case aside): a
        country, region or news alias, or a capital or city of ``REGION_RANK`` people by
        its primary name, accents and all (any town for a name of several words: "State
        College"). For a word the model did not tag as a place: GeoNames' alternate
        names (other languages: "Hamas" for Hamm), accent-stripped forms ("God" for Göd)
        and small towns named like common words ("Police", "Green") do not count."""
        key = name_key(name)
        if key in self.names:
            return True
        primary_ids, _ = _city_ids(self.city_keys.get(key))
        written = name.strip().casefold()
        least = 0 if " " in key else REGION_RANK
        return any(entry.name.casefold() == written and entry.rank >= least
                   for entry in map(self.city, primary_ids))

    def demonym_country(self, word: str) -> str | None:
        """"Kyrgyz" → "KG"; also a country's own name used as an adjective."""
        key = name_key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        countries = [e for e in self.names.get(key, ()) if e.level is PlaceLevel.COUNTRY]
        return countries[0].country if len(countries) == 1 else None

    def country(self, code: str) -> Entry | None:
        return self.countries.get(code.upper())

    def city(self, geonameid: str) -> Entry:
        """The entry of a city of the table, made from its row on first use."""
        known = self.by_id.get(f"geonames:{geonameid}")
        if known is not None:
            return known
        entry = city_entry(self, [geonameid, *self.city_rows[geonameid].split("\t")])
        self.by_id[entry.id] = entry
        return entry


CITY_TABLE = "gazetteer_cities.tsv.gz"
CITY_KEYS = "gazetteer_city_keys.tsv.gz"


def _data_text(name: str) -> list[str]:
    """Lines of a shipped TSV table, without comments and the header."""
    resource = resources.files("claimcheck.data").joinpath(name)
    raw = resource.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    lines = raw.decode("utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")][1:]


def _data_lines(name: str) -> Iterator[list[str]]:
    """Rows of a shipped TSV table, without comments and the header."""
    for line in _data_text(name):
        yield line.split("\t")


def _load_countries(gaz: Gazetteer) -> dict[str, str]:
    """Countries by ISO code; returns code → capital geonameid."""
    import pycountry

    short_names: dict[str, tuple[str, int, str]] = {}
    for iso, name, capital_id, people in _data_lines("gazetteer_countries.tsv"):
        short_names[iso] = (name, int(people or 0), capital_id)
    capital_ids: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        short, population, capital_id = short_names.get(code, (country.name, 0, ""))
        entry = Entry(id=f"iso:{code}", name=short, country=code,
                      level=PlaceLevel.COUNTRY, population=population)
        gaz.countries[code] = entry
        gaz.by_id[entry.id] = entry
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                gaz.add(value, entry)
        gaz.add(short, entry)
        if capital_id:
            capital_ids[code] = capital_id
    return capital_ids


def _load_subdivisions(gaz: Gazetteer) -> None:
    import pycountry

    subdivisions = {s.code: s for s in pycountry.subdivisions}

    def chain_of(code: str) -> tuple[str, ...]:
        links: list[str] = []
        parent = subdivisions[code].parent_code
        while parent and parent in subdivisions and len(links) < 5:
            links.append(f"iso:{parent}")
            parent = subdivisions[parent].parent_code
        links.append(f"iso:{subdivisions[code].country_code}")
        return tuple(links)

    for code, sub in subdivisions.items():
        entry = Entry(id=f"iso:{code}", name=sub.name, country=sub.country_code,
                      level=PlaceLevel.REGION, chain=chain_of(code))
        gaz.by_id[entry.id] = entry
        gaz.add(sub.name, entry)


def _city_chain(gaz: Gazetteer, country: str, admin1: str) -> tuple[str, ...]:
    """City → its ISO region where GeoNames' admin1 code is the ISO one → country."""
    region = gaz.by_id.get(f"iso:{country}-{admin1}") if admin1.isalpha() else None
    if region is not None and region.level is PlaceLevel.REGION:
        return (region.id, *region.chain)
    return (f"iso:{country}",)


def _city_ids(line: str | None) -> tuple[list[str], list[str]]:
    if not line:
        return [], []
    primary, alternate = line.split("\t")
    return primary.split(",") if primary else [], alternate.split(",") if alternate else []


def city_entry(gaz: Gazetteer, row: list[str]) -> Entry:
    """The entry of one row of the city table (its regions must be loaded)."""
    gid, name, _, country, admin1, population, lat, lon, capital, _ = row
    return Entry(id=f"geonames:{gid}", name=name, country=country, level=PlaceLevel.CITY,
                 population=int(population), capital=capital == "1", latitude=float(lat),
                 longitude=float(lon), chain=_city_chain(gaz, country, admin1))


def city_names(row: list[str]) -> tuple[list[str], list[str]]:
    """The primary names (name, ASCII name) and the alternate names of a city row."""
    _, name, ascii_name, *_, alternates = row
    return [name, ascii_name], alternates.split("|") if alternates else []


def city_keys(rows: Iterable[list[str]]) -> dict[str, tuple[list[str], list[str]]]:
    """Key → ids of the cities with that primary name, and with that alternate name,
    in table order: what ``scripts/build_gazetteer.py`` writes beside the city table."""
    keys: dict[str, tuple[list[str], list[str]]] = {}
    for row in rows:
        primary, alternates = city_names(row)
        for names, column in ((primary, 0), (alternates, 1)):
            for written in names:
                key = name_key(written)
                if key:
                    ids = keys.setdefault(key, ([], []))[column]
                    if row[0] not in ids:
                        ids.append(row[0])
    return keys


def _first_field(line: str) -> list[str]:
    return line.split("\t", 1)


def _load_cities(gaz: Gazetteer, capital_ids: dict[str, str]) -> None:
    # first fields → the rest of the line, split when a lookup needs the row
    gaz.city_rows = dict(map(_first_field, _data_text(CITY_TABLE)))
    gaz.city_keys = dict(map(_first_field, _data_text(CITY_KEYS)))
    capital_of = {gid: code for code, gid in capital_ids.items()}
    for gid, code in capital_of.items():
        if gid in gaz.city_rows:
            gaz.capitals[code] = gaz.city(gid)


def _load_aliases(gaz: Gazetteer) -> None:
    for text, target, kind in _data_lines("place_aliases.tsv"):
        if kind == "demonym":
            gaz.demonyms[name_key(text)] = target
        else:
            entry = gaz.countries.get(target)
            if entry is not None:
                gaz.add(text, entry)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process."""
    gaz = Gazetteer()
    capital_ids = _load_countries(gaz)
    _load_subdivisions(gaz)
    _load_cities(gaz, capital_ids)
    _load_aliases(gaz)
    freeze_long_lived()
    return gaz
