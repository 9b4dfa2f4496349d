from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import story_archive
from dateline.record import Article
from dateline.store import Store, open_store
from dateline.stories import StoryIndex, _Postings, compare, normalize_tokens, title_similarity
from dateline.story_archive import group_stories, group_stories_between

PORTO_TITLE = "Douro bursts its banks in Porto, hundreds evacuated"
PORTO = [
    "The Douro river burst its banks in Porto on Tuesday night, forcing the evacuation of 640 residents "
    "from the Ribeira waterfront and closing two bridges to traffic, the civil protection agency said.",
    "Water reached the first floor of several houses on Rua da Reboleira by midnight, and firefighters used "
    "inflatable boats to carry elderly people and a dozen dogs to the dry end of the street.",
    '"We have not seen the river rise this quickly since 2001," said Helena Saraiva, who heads the regional '
    'civil protection office. "The dams upstream released more water than the channel can hold."',
    "The Dom Luis I bridge was closed to cars on its lower deck, and the metro suspended services between "
    "Sao Bento and Jardim do Morro for several hours as a precaution.",
    "Shop owners along the quay spent the evening stacking sandbags in doorways. Rui Teixeira, who runs a "
    "cafe near the old market, said the water had ruined his refrigerators and most of his stock.",
    "Meteorologists expect two more days of heavy rain across northern Portugal, and the agency raised its "
    "warning for the districts of Porto, Braga and Viana do Castelo to red.",
    "The city council opened three schools as temporary shelters and said it would pay an emergency grant "
    "of 500 euros to every household forced to leave its home.",
    "Opposition councillors asked why a flood wall promised for the waterfront in 2019 has still not been "
    "built, and called for an inquiry into the delays.",
]
LYON_TITLE = "Floods in Lyon force hundreds from their homes"
LYON = [
    "Heavy rain sent the Saone over its banks in Lyon on Tuesday, and emergency services moved about 300 "
    "people out of low-lying streets in the Vaise district, the prefecture said.",
    "Several basements in the 9th arrondissement filled with muddy water within an hour, and two schools "
    "were closed while engineers checked their foundations.",
    '"The level is still rising and we ask people to stay away from the quays," said Marc Girard, a '
    "spokesman for the regional fire service, at a briefing outside the town hall.",
    "River boats were moored further upstream, and a tram line along the left bank was cut until further "
    "notice after water covered the tracks near the Pont Mistral.",
    "Farmers north of the city said fields of young wheat had been under water since the weekend, and a "
    "cooperative in Villefranche estimated its losses at two million euros.",
    "Forecasters said the rain should ease on Thursday, but warned that the Rhone could peak on Friday as "
    "water from the Alps reaches the city.",
    "The mayor said the city would review its flood defences once the water had receded, and promised help "
    "for residents whose homes had been damaged.",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def base_index() -> StoryIndex:
    index = StoryIndex()
    index.add("porto", body(PORTO), PORTO_TITLE, "2024-03-12")
    return index


def test_wire_copy_with_dateline_cut_and_new_headline_joins() -> None:
    index = base_index()
    wire = ["PORTO, March 12 (Wire) - " + PORTO[0], *PORTO[1:5]]
    title = "Portugal floods: river rises in Porto"
    assert index.add("wire", body(wire), title, "2024-03-12T09:30:00+00:00") == "porto"


def test_cut_version_joins_even_when_most_is_gone() -> None:
    index = base_index()
    assert index.add("cut", body(PORTO[:2]), PORTO_TITLE, "2024-03-12") == "porto"


def test_update_with_paragraphs_added_at_the_end_joins() -> None:
    index = base_index()
    update = [
        PORTO[0].replace("640", "910"),
        *PORTO[1:],
        "By Wednesday afternoon the river had started to fall, and the agency said 910 residents had been "
        "moved in total, up from its first count of 640.",
        "Engineers will inspect the lower deck of the bridge before it reopens to cars on Thursday.",
    ]
    assert index.add("update", body(update), "UPDATE 2-" + PORTO_TITLE, "2024-03-13T15:00:00+00:00") == "porto"


def test_new_headline_and_light_edits_join() -> None:
    index = base_index()
    edited = [p.replace("said", "told reporters").replace("residents", "locals") for p in PORTO]
    assert index.add("rewrite", body(edited), "Porto waterfront under water after night of rain", None) == "porto"


def test_two_different_floods_stay_apart() -> None:
    index = base_index()
    assert index.add("lyon", body(LYON), LYON_TITLE, "2024-03-12") == "lyon"
    assert index.stories() == {"porto": ["porto"], "lyon": ["lyon"]}


def test_same_text_far_apart_in_time_is_still_one_story_but_a_cut_copy_is_not() -> None:
    index = base_index()
    assert index.add("reprint", body(PORTO), PORTO_TITLE, "2025-03-12") == "porto"
    # and a cut copy of the reprint, a year after the original, joins through the reprint
    assert index.add("reprint-cut", body(PORTO[:3]), None, "2025-03-13") == "porto"
    # a partial copy a month later is not trusted: the window applies to everything but exact copies
    assert index.add("late", body(PORTO[:5]), PORTO_TITLE, "2024-04-20") == "late"


def test_short_stubs_are_never_grouped() -> None:
    index = StoryIndex()
    stub = "Subscribe to continue reading. Already a subscriber? Log in."
    assert index.add("a", stub) == "a"
    assert index.add("b", stub) == "b"


def test_a_bridging_article_merges_two_stories_and_reports_it() -> None:
    index = StoryIndex()
    first_half = body(PORTO[:4])
    second_half = body(PORTO[4:])
    assert index.add("first", first_half, PORTO_TITLE, "2024-03-12") == "first"
    assert index.add("second", second_half, "Shops count the cost on Porto quay", "2024-03-12") == "second"
    assert index.add("full", body(PORTO), PORTO_TITLE, "2024-03-12") == "first"
    assert index.last_absorbed == ("second",)
    assert index.members("first") == ["first", "second", "full"]
    assert index.story_of("second") == "first"
    assert index.add("full", body(PORTO)) == "first"  # the same id again changes nothing
    assert index.last_absorbed == ()
    assert len(index) == 3 and "full" in index


def test_build_groups_rows_in_order() -> None:
    index = StoryIndex.build(
        [
            ("porto", body(PORTO), PORTO_TITLE, "2024-03-12"),
            ("lyon", body(LYON), LYON_TITLE, "2024-03-12"),
            ("wire", "PORTO, March 12 (Wire) - " + body(PORTO[:3]), None, None),
        ]
    )
    assert index.stories() == {"porto": ["porto", "wire"], "lyon": ["lyon"]}


def test_evicted_articles_are_only_matched_by_an_identical_body() -> None:
    index = base_index()
    index.add("lyon", body(LYON), LYON_TITLE, None)
    assert index.evict("2024-03-20") == 0  # 8 days later: still within a week and a day of slack
    assert index.evict("2024-03-21") == 1  # porto let go; the undated lyon never is
    assert index.held() == 1
    assert index.evict("2024-03-15") == 0  # going back in time changes nothing
    assert index.evict("not a date") == 0 and index.evict(None) == 0
    assert index.add("reprint", body(PORTO), PORTO_TITLE, "2024-03-21") == "porto"
    assert index.add("lyon-cut", body(LYON[:3]), LYON_TITLE, "2024-06-01") == "lyon"
    assert index.stories() == {"porto": ["porto", "reprint"], "lyon": ["lyon", "lyon-cut"]}
    assert dict(index.assignments()) == {"porto": "porto", "lyon": "lyon", "reprint": "porto", "lyon-cut": "lyon"}
    assert index.grouped() == 2


def dated_rows() -> list[tuple[str, str, str | None, str | None]]:
    """Porto's story and its copies, Lyon's, and unrelated fillers, over two months in date order."""
    rows: list[tuple[str, str, str | None, str | None]] = [("undated", body(LYON[2:]), None, None)]
    for day in range(1, 60):
        published = f"2024-{3 + (day - 1) // 30:02d}-{(day - 1) % 30 + 1:02d}T0{day % 10}:00:00+02:00"
        filler = [f"Item {day} {word} of the daily council notes for ward {day * 7} and its {word} budget."
                  for word in ("first", "second", "third")]  # fmt: skip
        rows.append((f"filler-{day}", body(filler), f"Council notes {day}", published))
        if day in (5, 40):
            rows.append((f"porto-{day}", body(PORTO), PORTO_TITLE, published))
        if day in (6, 41):
            rows.append((f"porto-cut-{day}", body(PORTO[:3]), PORTO_TITLE, published))
        if day == 50:
            rows.append(("lyon", body(LYON), LYON_TITLE, published))
    return rows


def test_eviction_in_date_order_changes_no_grouping_and_bounds_what_is_held() -> None:
    plain = StoryIndex.build(dated_rows())
    evicting = StoryIndex()
    most_held = 0
    for article_id, text, title, published in dated_rows():
        evicting.evict(published)
        evicting.add(article_id, text, title, published)
        most_held = max(most_held, evicting.held())
    assert evicting.stories() == plain.stories()
    assert plain.members("porto-5") == ["porto-5", "porto-cut-6", "porto-40", "porto-cut-41"]
    assert plain.members("undated") == ["undated", "lyon"]
    assert plain.held() == 65
    assert most_held <= 12  # the undated article and about nine days of dated ones


def test_postings_find_every_number_across_frozen_runs_and_prune() -> None:
    postings = _Postings(buffer=8)
    for number in range(100):
        postings.add([number % 7, 1000 + number], number)
    assert len(postings) == 200
    assert len(postings._runs) < 10  # merged, not one run per freeze
    assert sorted(postings.find(np.array([3, 1050], dtype=np.uint64))) == sorted([*range(3, 100, 7), 50])
    assert postings.find(np.array([999, 2**64 - 1], dtype=np.uint64)) == []
    postings.prune(lambda numbers: numbers >= 90)
    assert sorted(postings.find(np.array([3, 1050, 1095], dtype=np.uint64))) == [94, 95]


def test_band_settings_must_fit_the_permutations() -> None:
    with pytest.raises(ValueError, match="permutations"):
        StoryIndex(num_perm=64, body_params=(42, 3))


def test_normalization_drops_the_wire_dateline() -> None:
    assert normalize_tokens("LYON (Meridian Press) — The Saone rose.") == ["the", "saone", "rose"]
    assert normalize_tokens("PORTO, March 11 (Wire) - Water rose.") == ["water", "rose"]
    assert normalize_tokens("In Porto, the water rose.")[0] == "in"


def test_title_similarity_uses_content_words() -> None:
    assert title_similarity("Floods hit Porto", "Porto flooding hits homes") > 0.5
    assert title_similarity("Floods hit Porto", None) == 0.0


def test_sketch_is_what_datasketch_computes() -> None:
    values = np.array([1, 5, 99, 12_345_678, 4_000_000_000], dtype=np.uint32)
    reference = MinHash(num_perm=128, seed=1, hashfunc=int)
    reference.update_batch(values.tolist())
    assert np.array_equal(StoryIndex()._sketch(values), reference.hashvalues)


def test_compare_reports_added_removed_and_changed_paragraphs() -> None:
    other = ["PORTO, March 12 (Wire) - " + PORTO[0], PORTO[1], PORTO[3].replace("several", "three"), PORTO[2]]
    other.append("Local radio said the ferry to Gaia would not run on Wednesday.")
    diff = compare(body(PORTO), body(other))
    assert diff.added == ["Local radio said the ferry to Gaia would not run on Wednesday."]
    assert diff.removed == PORTO[4:]
    assert diff.changed == [(PORTO[0], other[0]), (PORTO[3], other[2])]
    assert diff.same == 2  # PORTO[1] in place and PORTO[2] moved


def test_compare_identical_and_unrelated() -> None:
    same = compare(body(PORTO), body(PORTO) + "\n\n")
    assert (same.added, same.removed, same.changed, same.same) == ([], [], [], len(PORTO))
    apart = compare(body(PORTO), body(LYON))
    assert apart.removed == PORTO and apart.added == LYON and apart.changed == []


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
texts = st.lists(words, max_size=60).map(" ".join)
dates = st.one_of(st.none(), st.sampled_from(["2024-03-12", "2024-03-12T10:00:00+02:00", "nonsense", "2024-13-45"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, st.one_of(st.none(), words), dates), max_size=8))
def test_adding_anything_never_raises(rows: list[tuple[str, str | None, str | None]]) -> None:
    index = StoryIndex()
    for number, (text, title, published) in enumerate(rows):
        story = index.add(str(number), text, title, published)
        assert story in index and story in index.stories()
    assert sum(len(members) for members in index.stories().values()) == len(rows)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=25, max_size=80).map(" ".join),
    st.lists(texts, max_size=4),
    dates,
    dates,
)
def test_the_same_text_always_joins_the_same_story(
    text: str, others: list[str], first_date: str | None, second_date: str | None
) -> None:
    index = StoryIndex()
    story = index.add("first", text, "one headline", first_date)
    for number, other in enumerate(others):
        index.add(f"other-{number}", other)
    assert index.add("again", text, "a different headline", second_date) == story == "first"


def test_group_stories_walks_the_archive_in_date_order_with_the_same_result(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "archive.db"))
    rows = dated_rows()
    for article_id, text, title, published in reversed(rows):  # stored out of order: the walk sorts
        store.upsert(Article(origin=article_id, url=f"https://example.org/{article_id}", title=title,
                             published=published, text=text))  # fmt: skip
    ids = {article.url: article.id for article in store.articles()}
    assert group_stories(store) == 2
    expected = StoryIndex.build([(ids[f"https://example.org/{r[0]}"], r[1], r[2], r[3]) for r in rows]).stories()
    for story_id, members in expected.items():
        assert all(store.story_of(member) == story_id for member in members)
    store.close()


def _store_rows(store: Store, rows: list[tuple[str, str, str | None, str | None]]) -> dict[str, str]:
    """Upsert the rows; their article ids by row name."""
    ids = {}
    for name, text, title, published in rows:
        article = Article(origin=name, url=f"https://example.org/{name}", title=title, published=published, text=text)
        store.upsert(article)
        ids[name] = article.id
    return ids


def _partition(store: Store) -> dict[str, set[str]]:
    stories: dict[str, set[str]] = {}
    for article in store.articles():
        stories.setdefault(store.story_of(article.id) or "-", set()).add(article.id)
    return stories


def test_grouping_the_days_an_ingest_wrote_matches_regrouping_everything(tmp_path: Path) -> None:
    rows = [row for row in dated_rows() if row[0] not in ("undated", "porto-40")]  # see the docstring's two
    late = [("porto-cut-7", body(PORTO[:3]), PORTO_TITLE, "2024-03-07T10:00:00+02:00")]  # arrives late
    first, second = [row for row in rows if row[3] and row[3] < "2024-04"], [row for row in rows if row[3] >= "2024-04"]
    incremental = open_store(str(tmp_path / "incremental.db"))
    _store_rows(incremental, first)
    group_stories(incremental)
    ids = _store_rows(incremental, second + late)
    days = sorted(row[3][:10] for row in second + late if row[3])
    assert group_stories_between(incremental, days[0], days[-1]) == len(second) + 1
    whole = open_store(str(tmp_path / "whole.db"))
    _store_rows(whole, rows + late)
    group_stories(whole)
    assert _partition(incremental) == _partition(whole)
    assert incremental.story_of(ids["porto-cut-7"]) == incremental.story_of(ids["porto-cut-41"]) is not None


def test_a_new_article_bridging_two_stories_merges_them_under_the_oldest(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "archive.db"))
    ids = _store_rows(store, [
        ("first", body(PORTO[:4]), PORTO_TITLE, "2024-03-12T08:00:00+00:00"),
        ("second", body(PORTO[4:]), "Shops count the cost on Porto quay", "2024-03-12T09:00:00+00:00"),
        ("second-reprint", body(PORTO[4:]), "Shops count the cost", "2024-05-20T09:00:00+00:00"),  # far away
    ])  # fmt: skip
    group_stories(store)
    assert store.story_of(ids["second-reprint"]) == ids["second"] != store.story_of(ids["first"])
    ids |= _store_rows(store, [("full", body(PORTO), PORTO_TITLE, "2024-03-13T07:00:00+00:00")])
    group_stories_between(store, "2024-03-13", "2024-03-13")
    # the reprint, outside the days grouped, moves with its story
    assert {store.story_of(ids[name]) for name in ("first", "second", "second-reprint", "full")} == {ids["first"]}
    # an article older than the story's first becomes its first: the story takes its id
    ids |= _store_rows(store, [("early", body(PORTO[:5]), PORTO_TITLE, "2024-03-11T07:00:00+00:00")])
    assert group_stories_between(store, "2024-03-11", "2024-03-11") == 4  # the reprint moves by the merge
    assert {store.story_of(article_id) for article_id in ids.values()} == {ids["early"]}
    store.close()


def test_an_ingest_into_a_large_archive_groups_only_its_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.pipeline as pipeline

    store = open_store(str(tmp_path / "archive.db"))
    ids = _store_rows(
        store, [("porto", body(PORTO), PORTO_TITLE, "2024-03-12"), ("lyon", body(LYON), LYON_TITLE, None)]
    )
    group_stories(store)
    monkeypatch.setattr(story_archive, "FULL_REGROUP_LIMIT", 1)
    report = pipeline.IngestReport()
    for name, text, published in (
        ("wire", "PORTO (Wire) - " + body(PORTO[:3]), "2024-03-13"),
        ("undated", body(LYON[:3]), None),
    ):
        article = Article(origin=name, url=f"https://example.org/{name}", title=None, published=published, text=text)
        store.upsert(article)
        report.wrote(article)
        ids[name] = article.id
    assert report.days == ("2024-03-13", "2024-03-13") and report.undated == 1
    assert story_archive.group_written_stories(store, report) == 1  # the undated one waits for a rebuild
    assert store.story_of(ids["wire"]) == ids["porto"] and store.story_of(ids["undated"]) is None
    store.close()


def test_an_ingest_into_a_small_archive_groups_only_its_days_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below FULL_REGROUP_LIMIT a dated upload or poll no longer walks the whole archive, and the
    stories come out as a full regrouping gives them; undated articles still get a full regrouping."""
    import dateline.pipeline as pipeline

    # the data of the equality test above (identical bodies weeks apart are only joined by a rebuild)
    rows = [row for row in dated_rows() if row[0] not in ("undated", "porto-40")]
    late = [("porto-cut-7", body(PORTO[:3]), PORTO_TITLE, "2024-03-07T10:00:00+02:00")]
    first, second = [row for row in rows if row[3] and row[3] < "2024-04"], [row for row in rows if row[3] >= "2024-04"]
    incremental = open_store(str(tmp_path / "incremental.db"))
    _store_rows(incremental, first)
    group_stories(incremental)
    report = pipeline.IngestReport()
    for name, text, title, published in second + late:
        article = Article(origin=name, url=f"https://example.org/{name}", title=title, published=published, text=text)
        incremental.upsert(article)
        report.wrote(article)
    whole = open_store(str(tmp_path / "whole.db"))
    _store_rows(whole, rows + late)
    group_stories(whole)

    def walks_everything(store: Store) -> int:
        raise AssertionError("a dated ingest regrouped the whole archive")

    with monkeypatch.context() as patched:
        patched.setattr(story_archive, "group_stories", walks_everything)
        assert incremental.count() < story_archive.FULL_REGROUP_LIMIT
        assert story_archive.group_written_stories(incremental, report) == 0
    assert _partition(incremental) == _partition(whole)
    undated = Article(origin="lyon", url="https://example.org/lyon", title=LYON_TITLE, published=None, text=body(LYON))
    incremental.upsert(undated)
    report = pipeline.IngestReport()
    report.wrote(undated)
    whole_regroupings: list[int] = []
    counted = lambda store: whole_regroupings.append(1) or group_stories(store)  # noqa: E731
    monkeypatch.setattr(story_archive, "group_stories", counted)
    assert story_archive.group_written_stories(incremental, report) == 0 and whole_regroupings == [1]
    incremental.close()
    whole.close()


def test_reports_of_parts_add_up() -> None:
    from dateline.pipeline import IngestReport

    total, part = IngestReport(new=1, days=("2024-03-02", "2024-03-04")), IngestReport(updated=2, undated=1)
    part.days = ("2024-02-27", "2024-03-01")
    total.add(part)
    total.add(IngestReport())
    assert (total.new, total.updated, total.undated, total.days) == (1, 2, 1, ("2024-02-27", "2024-03-04"))
