"""Entities merged within one article: one entity per person, canonical name, ids by first mention."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.record import Entity

TEXT = "\n\n".join(
    [
        "The Kremlin said on Monday that the talks in Geneva would go on.",
        "Ministry spokesman Martin Lindqvist told reporters the port would open in May.",
        "Lindqvist added that the ships were ready, and Lindqvist's deputy agreed.",
        "Prime Minister Anna Berglund visited Geneva on Tuesday.",
        "Attacks by the Kyiv regime continued.",
    ]
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_7cf8419b6963604b.txt"


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    return cluster_entities(parse(TEXT))


def _named(entities: list[Entity], name: str) -> Entity:
    found = [entity for entity in entities if entity.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in entities]
    return found[0]


def test_person_mentions_merge_under_the_longest_full_form(entities: list[Entity]) -> None:
    person = _named(entities, "Martin Lindqvist")
    assert person.type == "PERSON"
    assert [TEXT[s:e] for s, e in person.mentions] == ["Martin Lindqvist", "Lindqvist", "Lindqvist"]


def test_titles_are_not_part_of_the_name(entities: list[Entity]) -> None:
    assert _named(entities, "Anna Berglund").type == "PERSON"
    assert not [e for e in entities if "Minister" in e.name or "spokesman" in e.name]


def test_same_place_twice_is_one_entity(entities: list[Entity]) -> None:
    geneva = _named(entities, "Geneva")
    assert len(geneva.mentions) == 2


def test_one_word_person_before_a_place_noun_is_a_place(entities: list[Entity]) -> None:
    assert [e.type for e in entities if e.name == "Kyiv"] == ["GPE"]


def test_ids_follow_first_mention(entities: list[Entity]) -> None:
    assert [e.id for e in entities] == [f"E{i}" for i in range(1, len(entities) + 1)]
    firsts = [e.mentions[0][0] for e in entities]
    assert firsts == sorted(firsts)


def test_mentions_point_into_the_text(entities: list[Entity]) -> None:
    for entity in entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(TEXT)
            assert TEXT[start:end].strip() == TEXT[start:end]


def test_empty_text_has_no_entities() -> None:
    assert cluster_entities(parse("")) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_people() -> None:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8")) if p.strip()]
    skip = ("http", "Related article:", "Original url:")
    text = "\n\n".join(p for p in paragraphs[1:] if not p.startswith(skip) and " " in p)
    found = cluster_entities(parse(text))
    peskov = _named(found, "Dmitry Peskov")
    assert [text[s:e] for s, e in peskov.mentions] == ["Dmitry Peskov", "Peskov"]
    assert _named(found, "Vyacheslav Gladkov").type == "PERSON"
    assert _named(found, "Vladimir Putin").type == "PERSON"


def test_a_name_after_a_persons_title_is_a_person_whatever_the_tagger_says() -> None:
    text = (
        '"The barrier will be built," Mayor Helena Saraiva said on Monday. '
        "Saraiva said the national government would pay half of the cost."
    )
    people = [e for e in cluster_entities(parse(text)) if e.type == "PERSON"]
    saraiva = [e for e in people if e.name == "Helena Saraiva"]
    assert len(saraiva) == 1 and len(saraiva[0].mentions) == 2


def test_people_the_tagger_leaves_out_are_found_by_title_or_first_name() -> None:
    text = (
        "Harbour director Tomas Lindqvist met Mayor Agnes Brandt on Monday to discuss the new ferry pier. "
        "Brandt said the city would pay for the access road."
    )
    entities = cluster_entities(parse(text))
    brandt = _named(entities, "Agnes Brandt")
    assert brandt.type == "PERSON" and len(brandt.mentions) == 2
    assert text[slice(*brandt.mentions[0])] == "Agnes Brandt"


def test_a_first_name_that_begins_a_place_or_building_is_not_a_person() -> None:
    text = "Passengers waited at Victoria Station while the ferry to Maria Island was cancelled."
    people = [e.name for e in cluster_entities(parse(text)) if e.type == "PERSON"]
    assert not any(name.startswith(("Victoria", "Maria")) for name in people), people
