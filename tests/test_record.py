from __future__ import annotations

import json

from dateline.record import JSON_FIELDS, Article, Entity, Link, Quote, Speaker, TimeExpression, article_id


def test_json_form_has_every_field_in_order() -> None:
    article = Article(origin="a.txt", text="One.\n\nTwo.")
    data = json.loads(article.to_json())
    assert tuple(data) == JSON_FIELDS
    assert data["authors"] == [] and data["quotes"] == [] and data["url"] is None


def test_round_trip_keeps_annotations() -> None:
    article = Article(
        origin="a.txt",
        text='"Yes," she said.',
        url="https://example.org/a",
        links=[Link("https://example.org/b", "B", "related")],
        quotes=[Quote(1, 4, [(1, 4)], "Yes", "direct", 7, 11, Speaker("Ana Lima", 0, 0, "E1"))],
        times=[TimeExpression(0, 3, "Yes", "DATE", "2024-01-01")],
        entities=[Entity("E1", "Ana Lima", "PERSON", [(0, 3)])],
    )
    again = Article.from_dict(json.loads(article.to_json()))
    assert again == article
    assert json.loads(article.to_json())["quotes"][0]["spans"] == [[1, 4]]


def test_identity_is_the_canonical_url() -> None:
    same = [
        "https://www.example.org/news/story-1",
        "http://example.org/news/story-1/",
        "https://example.org/news/story-1?utm_source=feed#comments",
    ]
    assert len({article_id(url, "any text") for url in same}) == 1
    assert article_id("https://example.org/news/story-2", "x") != article_id(same[0], "x")


def test_identity_without_url_is_the_text_ignoring_whitespace() -> None:
    assert article_id(None, "A  body\n\nof text") == article_id(None, "A body of text")
    assert article_id(None, "A body") != article_id(None, "Another body")


def test_components_run_in_their_order_whatever_was_imported_first() -> None:
    import dateline.enrich.quantities  # noqa: F401 - imported first on purpose
    from dateline.enrich import BUILTIN_ORDER, COMPONENTS, enrich

    calls: list[str] = []
    enrich(Article(origin="x", text="Nothing."), [])  # loads every built-in component
    saved = dict(COMPONENTS)  # all of them: later tests in this process enrich for real
    try:
        for name in list(COMPONENTS):
            COMPONENTS[name] = lambda doc, name=name: calls.append(name)
        enrich(Article(origin="x", text="Nothing."), ["quantities", "times", "places"])
        assert calls == ["times", "places", "quantities"]
        calls.clear()
        enrich(Article(origin="x", text="Nothing."))
        assert calls[: len(BUILTIN_ORDER)] == list(BUILTIN_ORDER)
    finally:
        COMPONENTS.clear()
        COMPONENTS.update(saved)
