"""Places: gazetteer entries with their containment chain (DESIGN §3 "Places").

Two places agree when they are the same, one contains the other, or one is the area
around the other; they contradict only when both resolved with confidence and are
disjoint.
"""

from __future__ import annotations

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


class Place(BaseModel):
    """A resolved (or unresolved) place. ``chain`` lists the ids that contain it."""

    model_config = ConfigDict(frozen=True)

    id: str | None  # gazetteer id, e.g. "geonames:1528675" or "iso:KG"; None = unresolved
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    level: PlaceLevel = PlaceLevel.CITY
    chain: tuple[str, ...] = ()  # ids of the places containing it, nearest first
    around: bool = False  # "near X", "outside X", "a X suburb": the area around X

    @property
    def resolved(self) -> bool:
        return self.id is not None


def relate(a: Place, b: Place) -> PlaceRelation:
    """How two places relate, by id and containment; symmetric up to CONTAINS/WITHIN."""
    if not a.resolved or not b.resolved:
        return PlaceRelation.UNKNOWN
    if a.id == b.id:
        return PlaceRelation.NEAR if a.around != b.around else PlaceRelation.SAME
    if a.id in b.chain:
        return PlaceRelation.CONTAINS
    if b.id in a.chain:
        return PlaceRelation.WITHIN
    return PlaceRelation.DISJOINT


class LocationValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    place: Place
    confident: bool = True  # resolved without ambiguity (a known city, not "Georgia")


def places_agree(a: Place, b: Place) -> bool | None:
    """True if compatible, False if they contradict, None if one did not resolve."""
    relation = relate(a, b)
    if relation is PlaceRelation.UNKNOWN:
        return None
    return relation is not PlaceRelation.DISJOINT
