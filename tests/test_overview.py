"""The facets of the whole archive (the home page): counted from the tables, cached until a write."""

from __future__ import annotations

from pathlib import Path

from dateline.record import Article, Entity, Place, Quote, Speaker
from dateline.store import SearchQuery
from dateline.store.sqlite import SQLiteStore


def _article(number: int, outlet: str | None, published: str | None, speaker: str, place: str) -> Article:
    text = f'Report {number} from the harbour.\n\n"We are ready," said {speaker}.'
    start = text.index("We are")
    name_at = text.index(speaker)
    return Article(
        origin=f"a{number}.html",
        url=f"https://news{number % 3}.example/{number}",
        title=f"Harbour report {number}",
        published=published,
        outlet=outlet,
        text=text,
        entities=[Entity("E1", speaker, "PERSON", [(name_at, name_at + len(speaker))])],
        quotes=[
            Quote(
                start,
                start + 12,
                [(start, start + 12)],
                "We are ready",
                "direct",
                None,
                None,
                Speaker(speaker, name_at, name_at + len(speaker), "E1"),
            )
        ],
        places=[Place(text.index("harbour"), text.index("harbour") + 7, place)],
    )


def _fill(store: SQLiteStore) -> None:
    outlets = ["Coastline Wire", "The Northfield Ledger", "coastline wire", None]
    for number in range(40):
        published = None if number % 7 == 0 else f"2025-{1 + number % 5:02d}-{1 + number % 27:02d}"
        speaker = ["Helena Saraiva", "Piret Kask", "Rasmus Aavik"][number % 3]
        place = ["Porto", "Tallinn", "Bergen", "Lisbon"][number % 4]
        store.upsert(_article(number, outlets[number % 4], published, speaker, place))


def test_the_overview_counts_what_the_general_query_counts(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    _fill(store)
    for size in (2, 3, 10):
        assert store.facets(SearchQuery(""), size) == store._counted_facets(SearchQuery(""), size)
    store.close()


def test_the_overview_follows_writes_from_this_and_other_connections(tmp_path: Path) -> None:
    reader = SQLiteStore(tmp_path / "a.db")
    _fill(reader)
    before = reader.facets(SearchQuery(""))
    assert reader.facets(SearchQuery("")) is before  # cached while nothing changes
    writer = SQLiteStore(tmp_path / "a.db")
    for number in range(100, 130):
        writer.upsert(_article(number, "Brand New Outlet", "2026-01-05", "Ada Lind", "Oslo"))
    writer.close()
    after = reader.facets(SearchQuery(""))
    assert after.outlets[0].value == "Brand New Outlet" and after.outlets[0].count == 30
    assert after == reader._counted_facets(SearchQuery(""), 10)
    reader.upsert(_article(200, "Brand New Outlet", "2026-01-06", "Ada Lind", "Oslo"))
    assert reader.facets(SearchQuery("")).outlets[0].count == 31
    reader.close()
