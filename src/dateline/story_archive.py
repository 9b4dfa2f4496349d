"""Stories in the archive: stored articles grouped into stories (all of them, or around the days an
ingest wrote), and one story's versions with what each changed against the first.

The grouping itself (MinHash bands, verification, the time window) is :mod:`dateline.stories`, which
knows no archive; this module is where it meets the store, for the CLI, the web app and Spark alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateline.store.base import SearchQuery, Store

if TYPE_CHECKING:
    from dateline.pipeline import IngestReport


def group_stories(store: Store) -> int:
    """Regroup every archived article into stories (oldest first, so a story's id is its first article's).

    The archive is walked in publication order, so the index lets go of every article older than its
    time window: memory grows with the articles published within a week or so of each other, plus about
    200 bytes an article for the ids, not with the archive's length.
    Returns the number of stories told by more than one article."""
    from dateline.stories import StoryIndex

    index = StoryIndex()
    for article in store.articles():
        index.evict(article.published)
        index.add(article.id, article.text, article.title, article.published)
    store.set_stories(dict(index.assignments()))
    return index.grouped()


#: regrouping walks the whole archive (about 1,000 articles per CPU-second): only an ingest that wrote
#: undated articles (which only a whole regrouping can place) into an archive this small regroups it whole
FULL_REGROUP_LIMIT = 50_000


def group_written_stories(store: Store, report: IngestReport) -> int:
    """Bring the stories up to date after an ingest wrote articles; returns how many written articles
    are left ungrouped (those without a publication date, in an archive too large to regroup whole).

    Dated articles are grouped around the days they were written: an upload or a feed poll costs the
    articles of a few weeks, not the whole archive's (21.7 s an upload at 50,000 articles before)."""
    if report.undated and store.count() <= FULL_REGROUP_LIMIT:
        group_stories(store)
        return 0
    if report.days:
        group_stories_between(store, *report.days)
    return report.undated


def group_stories_between(store: Store, since: str, until: str) -> int:
    """Bring the stories of the articles published from ``since`` to ``until`` (YYYY-MM-DD) up to date
    without walking the whole archive: what an ingest of new articles needs. Returns how many articles
    of those days and the window around them were put in another story (members of a merged story
    published outside it move too, and are not counted).

    An article can only join articles published within the story window of it, so the articles of
    those days and of a window either side are grouped afresh, and each group found is reconciled with
    the stories already stored: it joins the oldest story any of its articles is in (a story's id is its
    first article's), other stories it touches are merged into that one, and stories are never split.
    Two things only ``group_stories`` (``dateline stories --rebuild``) does: group articles without a
    publication date, and join identical bodies published further apart than the window."""
    from dateline.stories import StoryIndex

    index = StoryIndex()
    pad = timedelta(days=index.window_days + 1)
    first = (date.fromisoformat(since) - pad).isoformat()
    last = (date.fromisoformat(until) + pad).isoformat()
    order: dict[str, tuple[str, str, str]] = {}  # the archive's walk order of each article seen
    for article in store.articles(first, last):
        index.evict(article.published)
        index.add(article.id, article.text, article.title, article.published)
        order[article.id] = (article.published[:10] if article.published else "", article.published or "", article.id)

    def walk_order(story: str) -> tuple[str, str, str]:
        # a story's id is its first article's; one that began before these days is looked up
        if story not in order:
            first_article = store.get(story)
            published = first_article.published if first_article else None
            order[story] = (published[:10] if published else "", published or "", story)
        return order[story]

    # the groups found, each joined with the stories its articles are stored in; a new article (no
    # story yet) stands for itself. Groups touching one story are one story.
    stored: dict[str, str | None] = {}
    parent: dict[str, str] = {}

    def find(story: str) -> str:
        while parent.setdefault(story, story) != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    for group in index.stories().values():
        labels = []
        for article_id in group:
            stored[article_id] = store.story_of(article_id)
            labels.append(find(stored[article_id] or article_id))
        for label in labels[1:]:
            parent[find(label)] = find(labels[0])
    oldest: dict[str, str] = {}
    for story in list(parent):
        label = find(story)
        if label not in oldest or walk_order(story) < walk_order(oldest[label]):
            oldest[label] = story
    merges = {story: oldest[find(story)] for story in set(stored.values()) if story and story != oldest[find(story)]}
    members: dict[str, str] = {}
    for article_id, current in stored.items():
        target = oldest[find(current or article_id)]
        if current != target:
            members[article_id] = target
    store.update_stories(members, merges)
    return len(members)


@dataclass
class StoryVersion:
    """One article of a story and what it added, cut and reworded against the story's first article
    (paragraphs; ``changed`` pairs a first-article paragraph with its rewording, ``same`` counts the rest)."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    same: int = 0


def story_versions(store: Store, story_id: str) -> list[StoryVersion]:
    """The story's articles, oldest first (its first article leading), each compared with the first."""
    from dateline.stories import compare

    hits = store.search(SearchQuery(story=story_id, limit=200))
    articles = [a for a in (store.get(hit.id) for hit in hits) if a is not None]
    articles.sort(key=lambda a: (a.published or "", a.id != story_id))
    if not articles:
        return []
    base = articles[0]
    versions = []
    for article in articles:
        version = StoryVersion(article.id, article.title, article.outlet, article.url, article.published)
        if article is base:
            version.same = len(article.paragraphs)
        else:
            diff = compare(base.text, article.text)
            version.added, version.removed, version.same = diff.added, diff.removed, diff.same
            version.changed = list(diff.changed)
        versions.append(version)
    return versions
