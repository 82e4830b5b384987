"""Laws of place relations: identity, symmetry, containment, areas, unresolved names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model.places import (
    LocationValue,
    Place,
    PlaceLevel,
    PlaceRelation,
    explain_relation,
    locations_agree,
    places_agree,
    relate,
)

KG = Place(id="iso:KG", name="Kyrgyzstan", country="KG", level=PlaceLevel.COUNTRY)
KZ = Place(id="iso:KZ", name="Kazakhstan", country="KZ", level=PlaceLevel.COUNTRY)
BISHKEK = Place(id="geonames:1528675", name="Bishkek", country="KG", chain=("iso:KG",),
                latitude=42.87, longitude=74.59)
ASTANA = Place(id="geonames:1526273", name="Astana", country="KZ", chain=("iso:KZ",),
               latitude=51.18, longitude=71.45)
DAMASCUS = Place(id="geonames:170654", name="Damascus", country="SY", chain=("iso:SY",),
                 latitude=33.51, longitude=36.29)
NEAR_DAMASCUS = DAMASCUS.model_copy(update={"around": True, "level": PlaceLevel.AREA})
DOUMA = Place(id="geonames:170592", name="Douma", country="SY", chain=("iso:SY",),
              latitude=33.57, longitude=36.40)
ALEPPO = Place(id="geonames:170063", name="Aleppo", country="SY", chain=("iso:SY",),
               latitude=36.20, longitude=37.16)
BALI = Place(id="iso:ID-BA", name="Bali", country="ID", level=PlaceLevel.REGION,
             chain=("iso:ID-NU", "iso:ID"))
DENPASAR = Place(id="geonames:1645528", name="Denpasar", country="ID", chain=("iso:ID",),
                 latitude=-8.65, longitude=115.22)
SEATTLE = Place(id="geonames:5809844", name="Seattle", country="US",
                chain=("iso:US-WA", "iso:US"), latitude=47.61, longitude=-122.33)
TEXAS = Place(id="iso:US-TX", name="Texas", country="US", level=PlaceLevel.REGION,
              chain=("iso:US",))
UNKNOWN = Place(id=None, name="Xyzzyville")

ALL = [KG, KZ, BISHKEK, ASTANA, DAMASCUS, NEAR_DAMASCUS, DOUMA, ALEPPO, BALI, DENPASAR,
       SEATTLE, TEXAS, UNKNOWN]
SWAPPED = {PlaceRelation.CONTAINS: PlaceRelation.WITHIN,
           PlaceRelation.WITHIN: PlaceRelation.CONTAINS}


@given(st.sampled_from(ALL))
def test_a_resolved_place_is_the_same_as_itself(place: Place) -> None:
    expected = PlaceRelation.SAME if place.resolved else PlaceRelation.UNKNOWN
    assert relate(place, place) is expected


@given(st.sampled_from(ALL), st.sampled_from(ALL))
def test_relate_is_symmetric_up_to_containment(a: Place, b: Place) -> None:
    forward, backward = relate(a, b), relate(b, a)
    assert backward is SWAPPED.get(forward, forward)
    assert places_agree(a, b) == places_agree(b, a)


def test_containment() -> None:
    assert relate(BISHKEK, KG) is PlaceRelation.WITHIN
    assert relate(KG, BISHKEK) is PlaceRelation.CONTAINS
    assert places_agree(KG, BISHKEK) is True


def test_confident_disjoint_places_contradict() -> None:
    assert relate(BISHKEK, ASTANA) is PlaceRelation.DISJOINT
    assert places_agree(BISHKEK, ASTANA) is False
    assert places_agree(BISHKEK, KZ) is False
    assert locations_agree(LocationValue(place=BISHKEK), LocationValue(place=ASTANA)) is False


def test_an_unconfident_side_never_contradicts() -> None:
    doubtful = LocationValue(place=ASTANA, confident=False)
    assert locations_agree(LocationValue(place=BISHKEK), doubtful) is None


def test_an_unknown_name_is_unresolved_never_a_contradiction() -> None:
    assert relate(BISHKEK, UNKNOWN) is PlaceRelation.UNKNOWN
    assert places_agree(UNKNOWN, ASTANA) is None
    assert "Xyzzyville" in explain_relation(UNKNOWN, ASTANA)


def test_the_area_around_a_place_agrees_with_it_and_its_neighbours() -> None:
    assert relate(NEAR_DAMASCUS, DAMASCUS) is PlaceRelation.NEAR
    assert relate(NEAR_DAMASCUS, DOUMA) is PlaceRelation.NEAR
    assert places_agree(NEAR_DAMASCUS, ALEPPO) is False


def test_a_town_and_a_region_without_known_boundaries_are_undetermined() -> None:
    assert relate(DENPASAR, BALI) is PlaceRelation.UNDETERMINED
    assert places_agree(BALI, DENPASAR) is None
    assert relate(SEATTLE, TEXAS) is PlaceRelation.DISJOINT  # Seattle's chain names its state


def test_reasons_read_as_one_line() -> None:
    assert explain_relation(BISHKEK, KG) == "Bishkek lies in Kyrgyzstan"
    assert explain_relation(KG, BISHKEK) == "Bishkek lies in Kyrgyzstan"
    assert explain_relation(BISHKEK, ASTANA).startswith("Bishkek, KG and Astana, KZ are different")
    assert "near Damascus" in explain_relation(NEAR_DAMASCUS, DAMASCUS)


def test_divisions_of_different_depth_are_not_called_disjoint() -> None:
    england = Place(id="iso:GB-ENG", name="England", country="GB", level=PlaceLevel.REGION,
                    chain=("iso:GB",))
    scotland = Place(id="iso:GB-SCT", name="Scotland", country="GB", level=PlaceLevel.REGION,
                     chain=("iso:GB",))
    greater_london = Place(id="iso:GB-LND", name="London, City of", country="GB",
                           level=PlaceLevel.REGION, chain=("iso:GB-ENG", "iso:GB"))
    london = Place(id="geonames:2643743", name="London", country="GB",
                   chain=("iso:GB-ENG", "iso:GB"), latitude=51.51, longitude=-0.13)
    assert relate(london, england) is PlaceRelation.WITHIN
    assert relate(london, scotland) is PlaceRelation.DISJOINT
    assert relate(london, greater_london) is PlaceRelation.UNDETERMINED
    assert relate(england, scotland) is PlaceRelation.DISJOINT
    assert relate(greater_london, scotland) is PlaceRelation.UNDETERMINED


coordinates = st.tuples(st.floats(-80, 80), st.floats(-179, 179))


@st.composite
def towns(draw: st.DrawFn) -> Place:
    lat, lon = draw(coordinates)
    country = draw(st.sampled_from(["SY", "KG", "KZ"]))
    around = draw(st.booleans())
    return Place(id=f"geonames:{draw(st.integers(1, 6))}", name="x", country=country,
                 chain=(f"iso:{country}",), around=around,
                 level=PlaceLevel.AREA if around else PlaceLevel.CITY,
                 latitude=lat, longitude=lon)


@given(towns(), towns())
def test_relations_of_towns_are_symmetric(a: Place, b: Place) -> None:
    forward, backward = relate(a, b), relate(b, a)
    assert backward is SWAPPED.get(forward, forward)
    assert explain_relation(a, b)
