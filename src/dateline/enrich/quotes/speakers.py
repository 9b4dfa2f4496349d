"""Speakers: the cue's subject linked to the article's entities; pronouns, role nouns, surnames and
groups resolved to the person or group they stand for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import (
    FEMALE_NAMES,
    FEMALE_PRONOUNS,
    FEMALE_SURNAME_END,
    FEMALE_TITLES,
    GROUP_NOUNS,
    MALE_NAMES,
    MALE_PRONOUNS,
    MALE_SURNAME_END,
    MALE_TITLES,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
)
from dateline.enrich.quotes.records import _Candidate, _Mentions
from dateline.enrich.quotes.syntax import (
    OF_PHRASE_HEADS,
    _group_kind,
    _inside,
    _noun_phrase,
    _source_phrase,
    _tokens,
)
from dateline.record import Entity, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _gender_of_name(name: str) -> str | None:
    words = [w.strip(".").lower() for w in name.split()]
    if not words:
        return None
    if words[0] in MALE_TITLES or words[0] in MALE_NAMES:
        return "m"
    if words[0] in FEMALE_TITLES or words[0] in FEMALE_NAMES:
        return "f"
    if len(words) > 1:
        if FEMALE_SURNAME_END.search(words[-1]):
            return "f"
        if MALE_SURNAME_END.search(words[-1]):
            return "m"
    return None


def _prepare_mentions(sdoc: Doc, entities: list[Entity]) -> _Mentions:
    """Genders from first names and titles; roles from the words before a name or in its apposition."""
    known = _Mentions(entities)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        gender = _gender_of_name(entity.name)
        for start, end in entity.mentions:
            tokens = _tokens(sdoc, start, end)
            if not tokens:
                continue
            before = [t for t in sdoc[max(0, tokens[0].i - 3) : tokens[0].i] if not t.is_punct]
            gender = gender or _gender_of_name(" ".join(t.text for t in before[-1:]) + " x")
            for token in before:
                if token.lower_ in ROLE_NOUNS:
                    known.roles.append((start, token.lower_, entity.id))
            for child in tokens[-1].children:
                if child.dep_ == "appos":
                    for word in child.subtree:
                        if word.lower_ in ROLE_NOUNS:
                            known.roles.append((start, word.lower_, entity.id))
        if gender:
            known.gender[entity.id] = gender
    known.roles.sort()
    return known


def _entity_at(entities: list[Entity], start: int, end: int, types: set[str]) -> tuple[Entity, tuple[int, int]] | None:
    """The entity with a mention covering [start, end) (a head word), persons first."""
    hits = [
        (entity, mention)
        for entity in entities
        if entity.type in types
        for mention in entity.mentions
        if mention[0] <= start and end <= mention[1]
    ]
    hits.sort(key=lambda hit: hit[0].type != "PERSON")
    return hits[0] if hits else None


def _best_mention(entity: Entity, local: tuple[int, int], text: str) -> tuple[int, int]:
    """The mention that names the speaker best: the canonical name itself, nearest before the cue."""
    full = [m for m in entity.mentions if text[m[0] : m[1]] == entity.name]
    if not full:
        return local
    before = [m for m in full if m[0] <= local[0]]
    return before[-1] if before else full[0]


def _resolve(candidate: _Candidate, text: str, known: _Mentions, quoted: list[tuple[int, int]]) -> None:
    token = candidate.subject
    if token is None and candidate.subject_span is None:
        return
    if token is not None and token.pos_ == "PRON":
        _resolve_pronoun(candidate, token, text, known, quoted)
        return
    local = _noun_phrase(token) if token is not None else candidate.subject_span
    assert local is not None
    written = candidate.subject_span
    candidate.source = written if written is not None else _source_phrase(token) if token is not None else local
    # the entity that the phrase's head belongs to: "Belgorod Governor Vyacheslav Gladkov" is the person,
    # "authorities in Russia's Belgorod region" is no place but a group
    head = (token.idx, token.idx + len(token.text)) if token is not None else local
    found = _entity_at(known.entities, head[0], head[1], {"PERSON", "ORG", "GPE", "NORP", "LOC"})
    if found is None and token is None:
        found = _person_by_surname(known.entities, text[local[0] : local[1]], local)
    if token is not None and found is None and token.lower_ in ROLE_NOUNS:
        _resolve_role(candidate, token, text, known)
        if candidate.speaker is not None:
            return
    if found is not None:
        entity, mention = found
        best = _best_mention(entity, mention, text)
        candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)
        known.speakers.append((candidate.start, entity.id, entity.type))
        return
    name = text[local[0] : local[1]]
    kind = _group_kind(token)
    group = _group_entity(known, name, local, kind) if kind else None
    candidate.speaker = Speaker(name, local[0], local[1], group.id if group else None)
    if group is not None:
        known.speakers.append((candidate.start, group.id, group.type))


def _person_by_surname(
    entities: list[Entity], label: str, mention: tuple[int, int]
) -> tuple[Entity, tuple[int, int]] | None:
    """A transcript label ("PENCE") or a signature names the person whose surname it is."""
    key = label.split()[-1].strip(".").lower() if label.split() else ""
    for entity in entities:
        if entity.type == "PERSON" and entity.name.split() and entity.name.split()[-1].lower() == key:
            return entity, mention
    return None


def _group_entity(known: _Mentions, name: str, mention: tuple[int, int], kind: str) -> Entity:
    """One entity per distinct group phrase ("Russian officials" twice is one group)."""
    key = name.lower().removeprefix("the ")
    for entity in known.entities:
        if entity.type == kind and entity.name.lower().removeprefix("the ") == key:
            if mention not in entity.mentions:
                entity.mentions.append(mention)
            return entity
    entity = Entity(f"E{len(known.entities) + 1}", name, kind, [mention])
    known.entities.append(entity)
    return entity


def _resolve_role(candidate: _Candidate, token: Token, text: str, known: _Mentions) -> None:
    earlier = [(pos, eid) for pos, role, eid in known.roles if role == token.lower_ and pos < token.idx]
    if not earlier:
        return
    entity = known.by_id(earlier[-1][1])
    best = _best_mention(entity, (token.idx, token.idx), text)
    candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)


#: what may follow a pronoun inside its speaker phrase: "she and her aides", "some of his allies",
#: "those surveyed", "anyone who knows him", "someone in attendance"
PRONOUN_PHRASE_DEPS = frozenset({"conj", "prep", "relcl", "acl", "amod"})


#: pronouns that stand for people and take such words; "who" opens a clause of its own, "it", "this" and
#: "nothing" are no one
PEOPLE_PRONOUNS = frozenset(
    """
    he she they we i you those some all anyone someone everyone anybody somebody everybody many most
    others few both several each none one
    """.split()
)


def _pronoun_phrase(token: Token) -> tuple[int, int]:
    """The source span of a pronoun subject as PolNeAR writes it: the pronoun, with the people it is
    coordinated with or the words that say whom it means."""
    local = (token.idx, token.idx + len(token.text))
    if token.lower_ not in PEOPLE_PRONOUNS:
        return local
    if not any(child.dep_ in PRONOUN_PHRASE_DEPS for child in token.rights):
        return local
    if any(child.lower_ in {"this", "that", "these", "those"} for child in token.children):
        return local  # "All this and more …" is a thing, not people
    start, end = _source_phrase(token)
    return (start, end) if start <= local[0] and end >= local[1] else local


def _resolve_pronoun(
    candidate: _Candidate, token: Token, text: str, known: _Mentions, quoted: list[tuple[int, int]]
) -> None:
    local = (token.idx, token.idx + len(token.text))
    candidate.source = _pronoun_phrase(token)
    pronoun = token.lower_
    entity: Entity | None = None
    if pronoun in MALE_PRONOUNS or pronoun in FEMALE_PRONOUNS:
        gender = "m" if pronoun in MALE_PRONOUNS else "f"
        entity, grounded = _nearest_person(known, token.idx, gender, quoted, token.doc)
        if entity is not None and grounded:
            # later pronouns learn from this one only when it went to a subject or a speaker: a guess
            # at someone named in passing, taken as knowledge, sends every later "she" to the wrong person
            known.gender.setdefault(entity.id, gender)
    elif pronoun in PLURAL_PRONOUNS:
        entity = _nearest_group(token, text, known, quoted)
    if entity is None:
        # "some of the residents": the name is the whole partitive, not "some"
        named = _noun_phrase(token) if token.lower_ in OF_PHRASE_HEADS else local
        candidate.speaker = Speaker(text[named[0] : named[1]], named[0], named[1], None)
        return
    if local not in entity.mentions:
        entity.mentions.append(local)
        entity.mentions.sort()
    best = _best_mention(entity, local, text)
    candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)
    known.speakers.append((candidate.start, entity.id, entity.type))


#: how far back a plural pronoun looks for a group that was the subject of a sentence
GROUP_SUBJECT_WINDOW = 400


#: plural nouns for people acting together that "they" may stand for, besides ``GROUP_NOUNS`` (kept
#: apart so that speaker kinds elsewhere do not change)
PEOPLE_NOUNS = GROUP_NOUNS | frozenset(
    """
    nurses teachers farmers fishermen students parents employees miners drivers pilots soldiers villagers
    citizens families voters passengers customers tenants owners victims survivors volunteers campaigners
    demonstrators strikers dockers
    """.split()
)


def _group_subject_before(token: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """With no group heard yet, "they" is the nearest earlier subject headed by a plural noun for
    people, when one is close by ("Dock workers voted to strike. They said …")."""
    for earlier in reversed(token.doc[: token.i]):
        if earlier.idx < token.idx - GROUP_SUBJECT_WINDOW:
            break
        if earlier.dep_ not in {"nsubj", "nsubjpass"} or earlier.tag_ not in {"NNS", "NNPS"}:
            continue
        if earlier.lower_ not in PEOPLE_NOUNS or _inside(earlier.idx, quoted):
            continue
        return earlier
    return None


#: how far back a plural pronoun looks for a group that already spoke: beyond this a group heard
#: paragraphs earlier is more often someone else's "they" than its own
GROUP_SPEAKER_WINDOW = 600


def _nearest_group(token: Token, text: str, known: _Mentions, quoted: list[tuple[int, int]]) -> Entity | None:
    """ "they": the nearer of the group that spoke last (when close by) and the plural subject for people
    before the pronoun."""
    groups = [
        (pos, eid)
        for pos, eid, kind in known.speakers
        if pos < token.idx and kind in {"GROUP", "ORG"} and pos >= token.idx - GROUP_SPEAKER_WINDOW
    ]
    subject = _group_subject_before(token, quoted)
    if groups and (subject is None or groups[-1][0] > subject.idx):
        return known.by_id(groups[-1][1])
    if subject is None:
        return None
    local = _noun_phrase(subject)
    return _group_entity(known, text[local[0] : local[1]], local, "GROUP")


def _is_subject(doc: Doc | None, start: int, end: int) -> bool:
    """Whether a mention is the subject of its clause (or an apposition to one): a person named as an
    object ("she thanked John Reed") is seldom the next "she" or "he"."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ in {"nsubj", "nsubjpass"}


def _nearest_person(
    known: _Mentions, position: int, gender: str, quoted: list[tuple[int, int]], doc: Doc | None = None
) -> tuple[Entity | None, bool]:
    """The person a "he" or "she" at ``position`` stands for: the last one mentioned before it (outside
    quotes) whose gender does not disagree, preferring a person known to have that gender, one who
    already spoke, or one named as a subject, over a person of unknown gender named in passing; and
    whether the choice rests on such grounds rather than on nearness alone."""
    spoke = {eid for pos, eid, _kind in known.speakers if pos < position}
    nearest: tuple[int, Entity] | None = None
    strong: tuple[int, Entity] | None = None
    for entity in known.entities:
        if entity.type != "PERSON" or known.gender.get(entity.id, gender) != gender:
            continue
        sure = entity.id in known.gender or entity.id in spoke
        for start, end in entity.mentions:
            if start >= position or _inside(start, quoted):
                continue
            if nearest is None or start > nearest[0]:
                nearest = (start, entity)
            if (sure or _is_subject(doc, start, end)) and (strong is None or start > strong[0]):
                strong = (start, entity)
    if strong is not None:
        return strong[1], True
    return (nearest[1] if nearest else None), False
