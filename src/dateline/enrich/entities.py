"""Named entities of one article, merged: every way the article names a thing becomes one Entity.

spaCy's NER gives mentions; this component merges them within the article so that "Kremlin spokesman
Dmitry Peskov", "Dmitry Peskov" and "Peskov" are one PERSON with the canonical name "Dmitry Peskov"
(the longest full form), and "the Kremlin" twice is one ORG. Ids are "E1", "E2", ... in order of first
mention, so they are stable for a given text. Later components (quotes) may append mentions (resolved
pronouns) and new GROUP entities ("Russian officials").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.enrich import EnrichDoc, component
from dateline.enrich.first_names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from dateline.record import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: spaCy labels kept; the rest (DATE, CARDINAL, ...) belong to the times and quantities components
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})

#: words that may precede a person's name inside spaCy's PERSON span but are not part of the name
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lady lord st. president vice prime minister
    governor gov gov. senator sen sen. rep rep. representative congressman congresswoman mayor judge
    justice chancellor secretary general gen gen. colonel col col. lt lt. captain capt capt. sergeant
    sgt sgt. commissioner spokesman spokeswoman spokesperson ambassador king queen prince princess pope
    chairman chairwoman chair ceo director premier deputy chief commander patriarch metropolitan
    archbishop bishop rabbi imam father reverend rev rev. pastor former late
    """.split()
)

#: a single-token PERSON that spaCy gives to these words is a tagging error, not a name
NOT_NAMES = frozenset({"he", "she", "they", "it", "i", "we", "you"})

# "Peskov's" -> "Peskov": the possessive is not part of the name
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

#: a one-word "PERSON" before one of these nouns is a place used as a modifier: "the Kyiv regime"
PLACE_HEADS = frozenset(
    """
    regime government authorities officials region province district city forces troops army police
    administration leadership parliament oblast
    """.split()
)

#: when the same name is tagged with several types, prefer the more specific place type
TYPE_PRIORITY = ("PERSON", "GPE", "LOC", "ORG", "NORP")


@dataclass
class _Cluster:
    type: str
    names: list[str] = field(default_factory=list)  # every surface form, title-stripped
    mentions: list[tuple[int, int]] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)

    @property
    def canonical(self) -> str:
        # the longest full form; on a tie the first one the article used
        return max(self.names, key=lambda name: (len(name.split()), len(name), -self.names.index(name)))


def _strip_mention(span: Span) -> tuple[int, int, str] | None:
    """Character offsets and text of an entity span without leading titles/"the" and a possessive."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in TITLES or tokens[0].lower_ == "the") and len(tokens) > 1:
        tokens = tokens[1:]
    if span.label_ == "PERSON":
        # "Kremlin spokesman Dmitry Peskov": titles may also sit in the middle of spaCy's span
        while len(tokens) > 1 and any(token.lower_ in TITLES for token in tokens[:-1]):
            index = max(i for i, token in enumerate(tokens[:-1]) if token.lower_ in TITLES)
            tokens = tokens[index + 1 :]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"'s", "’s"}):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # from the tokens, not span.doc.text: Doc.text rebuilds the whole text on every call
    text = POSSESSIVE.sub("", "".join(t.text_with_ws for t in tokens).strip())
    end = start + len(text)
    if not text.strip() or text.lower() in NOT_NAMES:
        return None
    return start, end, text


#: titles that, right before a name, make it a person's whatever the tagger says ("Mayor Helena Saraiva"
#: tagged ORG); words that also open organisation names ("General", "Chief") are left out
PERSON_TITLES = TITLES - {"general", "chief", "director", "chair", "former", "late", "deputy", "vice", "st."}


def _corrected_label(span: Span) -> str:
    """The small model's label, except for a one-word "person" that modifies a place noun, and a short
    proper name right after a person's title."""
    if span.label_ == "PERSON" and len(span) == 1 and span.end < len(span.doc):
        following = span.doc[span.end]
        if following.lower_ in PLACE_HEADS:
            return "GPE"
    if (
        span.label_ in ("ORG", "GPE", "NORP")
        and span.start > 0
        and span.doc[span.start - 1].lower_ in PERSON_TITLES
        and len(span) <= 3
        and all(token.pos_ == "PROPN" and token.text[:1].isupper() for token in span)
    ):
        return "PERSON"
    return span.label_


#: nouns that make "Victoria Station" or "Georgia Avenue" a place or a building, not a person
NAMED_THING_HEADS = frozenset(
    """
    street st avenue ave road rd boulevard lane square park bridge station airport port harbour harbor
    island islands river lake bay beach mountain mount valley county city town village district province
    region state university college school academy hospital clinic church cathedral mosque temple hall
    center centre stadium arena museum theatre theater hotel tower building house palace library institute
    foundation fund group company bank prize award cup line
    """.split()
)

FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


def _untagged_people(sdoc: Doc) -> list[tuple[int, int, str]]:
    """People the small model leaves untagged: a person's title, or a known first name, followed by
    capitalised proper nouns that no entity span covers ("met Mayor Agnes Brandt on Monday")."""
    tagged = bytearray(len(sdoc))
    for ent in sdoc.ents:
        tagged[ent.start : ent.end] = b"\x01" * len(ent)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(sdoc):
        token = sdoc[i]
        titled = token.lower_ in PERSON_TITLES
        named = token.lower_ in FIRST_NAMES and token.pos_ == "PROPN" and token.text[:1].isupper()
        start = i + 1 if titled else i  # a title is not part of the name; a first name is
        end = start if titled else start + 1
        while end < len(sdoc) and end - start < 3 and _name_part(sdoc[end]) and not tagged[end]:
            end += 1
        long_enough = end - start >= (1 if titled else 2)  # "Agnes" alone may be a place or a ship
        if (titled or named) and long_enough and not any(tagged[start:end]) and not _names_a_thing(sdoc, end):
            first, last = sdoc[start], sdoc[end - 1]
            found.append((first.idx, last.idx + len(last.text), sdoc.text[first.idx : last.idx + len(last.text)]))
            i = end
        else:
            i += 1
    return found


def _names_a_thing(sdoc: Doc, end: int) -> bool:
    """ "Victoria Station", "Maria Island Ferry": the name ends in, or runs into, a place or building noun."""
    return sdoc[end - 1].lower_ in NAMED_THING_HEADS or (end < len(sdoc) and sdoc[end].lower_ in NAMED_THING_HEADS)


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and token.lower_ not in TITLES


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _same_person(short: str, long: str) -> bool:
    """'Peskov' and 'Dmitry Peskov' name one person: the shorter is a run of the longer's words."""
    a, b = short.split(), long.split()
    if len(a) > len(b):
        a, b = b, a
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def cluster_entities(sdoc: Doc) -> list[Entity]:
    """Merge the NER mentions of one parsed article into entities with canonical names."""
    mentions: list[tuple[int, int, str, str]] = []
    for span in sdoc.ents:
        if span.label_ not in KEPT_LABELS:
            continue
        stripped = _strip_mention(span)
        if stripped is not None:
            mentions.append((*stripped, _corrected_label(span)))
    mentions.extend((start, end, text, "PERSON") for start, end, text in _untagged_people(sdoc))
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    for start, end, text, label in sorted(mentions):  # in reading order: a full name before its surname
        cluster = _find_cluster(clusters, by_key, label, text)
        if cluster is None:
            cluster = _Cluster(label)
            clusters.append(cluster)
        cluster.names.append(text)
        cluster.mentions.append((start, end))
        cluster.types[label] += 1
        by_key[_name_key(text)] = cluster
    _add_surname_mentions(sdoc.text, clusters)
    clusters.sort(key=lambda cluster: min(cluster.mentions))  # ids follow first mention
    return [_to_entity(i, cluster) for i, cluster in enumerate(clusters, 1)]


def _find_cluster(clusters: list[_Cluster], by_key: dict[str, _Cluster], label: str, text: str) -> _Cluster | None:
    key = _name_key(text)
    if label == "PERSON":
        # the most recent person whose name contains this one (or is contained by it)
        for cluster in reversed(clusters):
            if cluster.type == "PERSON" and any(_same_person(text, name) for name in cluster.names):
                return cluster
        # spaCy sometimes tags a person's surname as ORG/GPE first; a later PERSON tag wins
        found = by_key.get(key)
        if found is not None:
            found.type = "PERSON"
        return found
    found = by_key.get(key)
    if found is not None and found.type == "PERSON" and len(text.split()) == 1:
        # "Peskov" tagged ORG after "Dmitry Peskov" was seen as a person: still the person
        return found
    if found is None:
        for cluster in reversed(clusters):
            if cluster.type == "PERSON" and len(text.split()) == 1 and text in cluster.canonical.split()[1:]:
                return cluster
    return found


def _add_surname_mentions(text: str, clusters: list[_Cluster]) -> None:
    """Add the mentions NER missed: a known person's surname standing alone elsewhere in the text."""
    covered = [m for cluster in clusters for m in cluster.mentions]
    for cluster in clusters:
        if cluster.type != "PERSON":
            continue
        surname = cluster.canonical.split()[-1]
        if len(surname) < 3 or not surname[0].isupper():
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            span = (match.start(), match.end())
            if not any(s < span[1] and span[0] < e for s, e in covered):
                cluster.mentions.append(span)
                covered.append(span)
        cluster.mentions.sort()


def _to_entity(index: int, cluster: _Cluster) -> Entity:
    entity_type = cluster.type
    if entity_type != "PERSON" and cluster.types:
        # the majority label over all mentions ("Kharkiv" tagged LOC twice and ORG twice -> LOC)
        best = max(cluster.types.values())
        entity_type = next(t for t in TYPE_PRIORITY if cluster.types.get(t) == best)
    return Entity(f"E{index}", cluster.canonical, entity_type, sorted(set(cluster.mentions)))


@component("entities")
def entities(doc: EnrichDoc) -> None:
    doc.entities = cluster_entities(doc.spacy)
