"""Places: gazetteer entries with their containment chain (DESIGN §3 "Places").

Two places agree when they are the same, one contains the other, or one is the area
around the other; they contradict only when both resolved with confidence and are
known to be disjoint. Where the gazetteer cannot tell (a town and a province of the
same country whose boundaries it lacks, two neighbouring towns), the relation is
``UNDETERMINED`` and nothing is reported: precision first.
"""

from __future__ import annotations

import math
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class PlaceLevel(StrEnum):
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    AREA = "area"  # the area around a place: "near Damascus", "a Damascus suburb"


class PlaceRelation(StrEnum):
    SAME = "same"
    CONTAINS = "contains"      # a contains b
    WITHIN = "within"          # a lies within b
    NEAR = "near"              # one is the area around the other
    DISJOINT = "disjoint"
    UNKNOWN = "unknown"        # at least one side did not resolve
    UNDETERMINED = "undetermined"  # both resolved, but the gazetteer cannot tell


# The area around a place ("near X", "outside X", "a X suburb") reaches this far.
AROUND_KM = 50.0
# Two towns closer than this may be named for one another (a suburb for its city).
NEIGHBOUR_KM = 30.0
# An area around a place and a town further than this are disjoint.
FAR_KM = 150.0


class Place(BaseModel):
    """A resolved (or unresolved) place. ``chain`` lists the ids that contain it.

    ``around`` marks the area around the named place: ``id``, ``name`` and ``chain`` are
    the named place's, ``level`` is ``AREA``.
    """

    model_config = ConfigDict(frozen=True)

    id: str | None  # gazetteer id, e.g. "geonames:1528675" or "iso:KG"; None = unresolved
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    level: PlaceLevel = PlaceLevel.CITY
    chain: tuple[str, ...] = ()  # ids of the places containing it, nearest first
    around: bool = False  # "near X", "outside X", "a X suburb": the area around X
    latitude: float | None = None  # of a city (GeoNames); None for regions and countries
    longitude: float | None = None

    @property
    def resolved(self) -> bool:
        return self.id is not None

    @property
    def is_point(self) -> bool:
        """A town or the area around one: a place with coordinates."""
        return self.latitude is not None and self.longitude is not None

    def label(self) -> str:
        """How a report names it: "Bishkek, KG", "near Damascus, SY", "Kyrgyzstan"."""
        text = f"near {self.name}" if self.around else self.name
        if self.country and self.level is not PlaceLevel.COUNTRY:
            text = f"{text}, {self.country}"
        return text


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates, else None."""
    if (a.latitude is None or a.longitude is None
            or b.latitude is None or b.longitude is None):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude,
                                                b.latitude, b.longitude))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def relate(a: Place, b: Place) -> PlaceRelation:
    """How two places relate, by id, containment and distance.

    Symmetric up to CONTAINS/WITHIN: ``relate(b, a)`` swaps those two and keeps the rest.
    """
    if not a.resolved or not b.resolved:
        return PlaceRelation.UNKNOWN
    if a.id == b.id:
        return PlaceRelation.NEAR if a.around != b.around else PlaceRelation.SAME
    if a.id in b.chain:
        return PlaceRelation.NEAR if a.around else PlaceRelation.CONTAINS
    if b.id in a.chain:
        return PlaceRelation.NEAR if b.around else PlaceRelation.WITHIN
    if a.around or b.around:
        return _relate_areas(a, b)
    if a.country and b.country and a.country != b.country:
        return PlaceRelation.DISJOINT
    return _relate_in_country(a, b)


def _relate_areas(a: Place, b: Place) -> PlaceRelation:
    """At least one side is the area around a place: decide by distance."""
    km = distance_km(a, b)
    if km is None:
        return PlaceRelation.UNDETERMINED
    if km <= AROUND_KM:
        return PlaceRelation.NEAR
    return PlaceRelation.DISJOINT if km > FAR_KM else PlaceRelation.UNDETERMINED


def _relate_in_country(a: Place, b: Place) -> PlaceRelation:
    """Two places of one country, neither containing the other by its chain."""
    if a.level is PlaceLevel.COUNTRY or b.level is PlaceLevel.COUNTRY:
        return PlaceRelation.UNDETERMINED  # a country whose chain we lack: no verdict
    if a.is_point and b.is_point:
        km = distance_km(a, b)
        return (PlaceRelation.UNDETERMINED if km is not None and km <= NEIGHBOUR_KM
                else PlaceRelation.DISJOINT)
    if a.is_point != b.is_point:
        town, region = (a, b) if a.is_point else (b, a)
        # Disjoint only when the town's chain names its first-level division and the
        # region is another first-level division ("Greater London" is not "England").
        top_level = region.level is PlaceLevel.REGION and len(region.chain) == 1
        if top_level and len(town.chain) >= 2 and _is_region_id(town.chain[-2]):
            return PlaceRelation.DISJOINT
        return PlaceRelation.UNDETERMINED
    # Two divisions, neither in the other's chain: disjoint if of the same depth.
    if len(a.chain) == len(b.chain):
        return PlaceRelation.DISJOINT
    return PlaceRelation.UNDETERMINED


def _is_region_id(place_id: str) -> bool:
    return place_id.startswith("iso:") and "-" in place_id


class LocationValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    place: Place
    confident: bool = True  # resolved without ambiguity (a known city, not "Georgia")
    # the name the place was found inside ("Occupy Philadelphia", "Philadelphia police"):
    # evidence of where the source's story is, not a claim of where something happened
    named_in: str | None = None


def places_agree(a: Place, b: Place) -> bool | None:
    """True if compatible, False if known disjoint, None if it cannot be told."""
    relation = relate(a, b)
    if relation in (PlaceRelation.UNKNOWN, PlaceRelation.UNDETERMINED):
        return None
    return relation is not PlaceRelation.DISJOINT


def locations_agree(a: LocationValue, b: LocationValue) -> bool | None:
    """Like ``places_agree``, but a disjoint pair contradicts only if both are confident."""
    verdict = places_agree(a.place, b.place)
    if verdict is False and not (a.confident and b.confident):
        return None
    return verdict


def explain_relation(a: Place, b: Place) -> str:
    """One line for a report: "Bishkek lies in Kyrgyzstan", "Bishkek and Astana differ"."""
    relation = relate(a, b)
    first, second = a.label(), b.label()
    if relation is PlaceRelation.UNKNOWN:
        missing = [p.name for p in (a, b) if not p.resolved]
        return f"{' and '.join(missing)} not found in the gazetteer"
    if relation is PlaceRelation.SAME:
        return f"both name {first}"
    if relation is PlaceRelation.CONTAINS:
        return f"{b.name} lies in {a.name}"
    if relation is PlaceRelation.WITHIN:
        return f"{a.name} lies in {b.name}"
    if relation is PlaceRelation.NEAR:
        km = distance_km(a, b)
        where = f" ({km:.0f} km apart)" if km else ""
        return f"{first} and {second} are the same area{where}"
    if relation is PlaceRelation.DISJOINT:
        km = distance_km(a, b)
        where = f", {km:.0f} km apart" if km else ""
        return f"{first} and {second} are different places{where}"
    return f"the gazetteer cannot tell whether {first} and {second} overlap"
