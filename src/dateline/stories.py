"""Stories across outlets: wire copies, cut versions, rewrites and updates of one article, grouped.

Pure and in memory; no I/O. The public surface is small:

``StoryIndex()``
    ``add(article_id, text, title=None, published=None) -> str`` files one article and returns its story
    id: the ``article_id`` of the story's earliest-added article. Adding an id again changes nothing and
    returns its current story id. When a new article matches two existing stories (a full copy arriving
    after two differently cut copies) the stories merge; the older story's id wins, and
    ``last_absorbed`` then lists the story ids that the latest ``add`` folded away, so an archive that
    stored them can relabel those articles.
    ``story_of(article_id)``, ``members(story_id)`` (article ids in the order added), ``stories()``
    (story id -> members, stories of one article included), ``len()`` and ``in``.
    ``StoryIndex.build(rows)`` adds ``(article_id, text, title, published)`` rows in order.

``compare(base_text, other_text) -> StoryDiff``
    What another outlet's version added, cut and lightly reworded, paragraph by paragraph
    (paragraphs are separated by a blank line, as in ``Article.text``).

How articles are matched: the body is normalized (NFKC, case-folded, word tokens; a wire dateline such
as ``PORTO, March 11 (Wire) -`` is dropped from the first paragraph) and cut into word 5-gram shingles.
Two MinHash LSH band tables (datasketch's 128 permutations) propose candidates: one over the whole body, set
low (a pair at Jaccard 0.4 is found with probability 0.94, at 0.05 with 0.005), and one over the lead
(its first paragraph, at most 50 words), which every cut copy keeps however much of the rest it
dropped. A candidate is then verified on the exact shingle sets: the shorter text must be largely
contained in the longer one (a cut copy is contained in the original, the original in an update), or
moderately contained with a similar headline; and when both publication dates are known they must be
within ``window_days``. Bodies identical after normalization always match. Bodies shorter than
``min_words`` words are never grouped: paywall stubs and error pages would otherwise form giant stories.

``evict(published)``, for callers that add articles in publication order (``group_stories``), lets go
of the articles that nothing still to come can match (older than ``window_days`` plus a day of slack)
without changing any result; ``assignments()`` yields (article id, story id) without building story lists.

Memory: an article still matchable costs about 4 bytes per word for its exact shingle set, 12 bytes per
LSH band (74 bands, in sorted numpy runs rather than Python dicts) and its headline words: some 4-6 KB
for a 600-word article, against ~20-30 KB with datasketch's MinHashLSH. Every article ever added keeps
about 0.25 KB (its id, its story link, its date and the digest that joins identical bodies at any
distance), so with eviction a million-article year stays at a few hundred MB.
"""

from __future__ import annotations

import difflib
import hashlib
import heapq
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from datasketch import MinHash

__all__ = ["StoryDiff", "StoryIndex", "compare"]

SHINGLE = 5
LEAD_WORDS = 50
LEAD_MIN_WORDS = 15
_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A wire dateline opening the first paragraph: "PORTO, March 11 (Wire) - ", "LYON (Reuters) — ",
# "SPLIT, Croatia, May 2 -". The city is in capitals, as wire services write it.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’\- ]{1,40}"
    r"(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s+"
)
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been it its this that "
    "after over into up out new says said say".split()
)
# Odd 64-bit multipliers, one per position in a shingle: the weighted sum of token hashes keeps word
# order, and its high 32 bits are well mixed.
_POSITION_KEYS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)[:SHINGLE]


@dataclass(slots=True)
class StoryDiff:
    """How ``other`` differs from ``base``, by paragraph.

    ``added``: paragraphs only in other (in other's order); ``removed``: paragraphs only in base (in base's
    order); ``changed``: (base paragraph, other paragraph) pairs that are light rewrites of each other;
    ``same``: how many paragraphs are identical (up to whitespace), wherever they moved to.
    """

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    same: int = 0


def normalize_tokens(text: str) -> list[str]:
    """Word tokens of a body for matching: NFKC, case-folded, wire dateline dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = _DATELINE.sub("", text, count=1)
    return _WORD.findall(text.casefold())


class _TokenHashes(dict[str, int]):
    """Token -> 32-bit hash, memoized: news vocabularies repeat, and a dict lookup beats re-hashing."""

    # bounded because a million-article archive has millions of distinct tokens (numbers, names); the
    # frequent ones arrive early, and a miss only costs one crc32
    limit = 250_000

    def __missing__(self, token: str) -> int:
        value = zlib.crc32(token.encode("utf-8"))
        if len(self) < self.limit:
            self[token] = value
        return value


def shingle_values(tokens: list[str], token_hashes: dict[str, int] | None = None) -> np.ndarray:
    """32-bit hashes of the word 5-grams in text order (one hash of the whole text when shorter)."""
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    lookup = (token_hashes if token_hashes is not None else _TokenHashes()).__getitem__
    word = np.fromiter(map(lookup, tokens), dtype=np.uint64, count=len(tokens))
    width = min(SHINGLE, len(tokens))  # a text shorter than a shingle is one shingle
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(width):
        combined += word[position : position + count] * _POSITION_KEYS[position]
    return (combined >> np.uint64(32)).astype(np.uint32)


def _lead_length(text: str) -> int:
    """Tokens in the lead: the first paragraph (or two, when the first is a stray line), at most LEAD_WORDS.

    Stopping at the paragraph end matters: a cut copy keeps the lead paragraph but often not the next one.
    """
    count = 0
    for paragraph in _PARAGRAPH_BREAK.split(text.strip(), maxsplit=3):
        count += len(normalize_tokens(paragraph) if count == 0 else _WORD.findall(paragraph))
        if count >= LEAD_MIN_WORDS:
            break
    return min(count, LEAD_WORDS)


def _fmix32(values: np.ndarray) -> np.ndarray:
    # MurmurHash3's finalizer, as datasketch's affine32 scheme applies before its permutations
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def _title_terms(title: str | None) -> frozenset[str]:
    if not title:
        return frozenset()
    terms = set()
    for word in _WORD.findall(unicodedata.normalize("NFKC", title).casefold()):
        if word in _STOP:
            continue
        # a crude stem, so "floods" and "flooding" meet
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        terms.add(word)
    return frozenset(terms)


def title_similarity(a: str | None, b: str | None) -> float:
    """Dice overlap of the headlines' content words (0 when either is missing)."""
    return _dice(_title_terms(a), _title_terms(b))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _day_number(published: str | None) -> float | None:
    """Days since the epoch for an ISO date or datetime; None when absent or unreadable."""
    if not published:
        return None
    value = published.strip()
    try:
        if len(value) <= 10:
            return float(date.fromisoformat(value).toordinal())
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.toordinal() + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400


@dataclass(slots=True)
class _Entry:
    shingles: np.ndarray
    title: frozenset[str]
    day: float | None


# Odd 64-bit multipliers folding a band's rows (and the band's number) into one 64-bit key: two bands
# collide by accident with probability about 2^-64, and a candidate is verified on the exact sets anyway.
_BAND_KEYS = np.array(
    [0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3, 0x1D8E4E27C47D124F],
    dtype=np.uint64,
)


def _band_keys(hashvalues: np.ndarray, bands: int, rows: int, first_band: int) -> np.ndarray:
    """One uint64 key per LSH band: equal keys exactly when the band's MinHash values are equal."""
    table = hashvalues[: bands * rows].astype(np.uint64).reshape(bands, rows)
    keys = (np.arange(first_band, first_band + bands, dtype=np.uint64) + np.uint64(1)) * _BAND_KEYS[-1]
    for row in range(rows):
        keys += table[:, row] * _BAND_KEYS[row]
    return keys


class _Postings:
    """64-bit key -> article numbers, about 12 bytes a posting.

    A Python dict costs some 100 bytes a posting, which over 74 bands made the index ~30 KB an article.
    New postings go to a small dict; when it fills it is frozen into a sorted run (uint64 keys, int32
    numbers), and runs of similar size are merged, log-structured, so a lookup is one vectorized binary
    search per run (a handful) and appending stays cheap."""

    def __init__(self, buffer: int = 1 << 15) -> None:
        self._buffer = buffer
        self._recent: dict[int, list[int]] = {}
        self._recent_count = 0
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []

    def __len__(self) -> int:
        return self._recent_count + sum(len(keys) for keys, _ in self._runs)

    def add(self, keys: Iterable[int], number: int) -> None:
        recent = self._recent
        added = 0
        for key in keys:
            bucket = recent.get(key)
            if bucket is None:
                recent[key] = [number]
            else:
                bucket.append(number)
            added += 1
        self._recent_count += added
        if self._recent_count >= self._buffer:
            self._freeze()

    def find(self, keys: np.ndarray) -> list[int]:
        """Every number filed under any of ``keys`` (with repeats)."""
        found: list[int] = []
        recent = self._recent
        for key in keys.tolist():
            bucket = recent.get(key)
            if bucket is not None:
                found.extend(bucket)
        for run_keys, run_numbers in self._runs:
            low = np.searchsorted(run_keys, keys, side="left")
            high = np.searchsorted(run_keys, keys, side="right")
            hit = high > low
            if hit.any():
                for start, stop in zip(low[hit].tolist(), high[hit].tolist(), strict=True):
                    found.extend(run_numbers[start:stop].tolist())
        return found

    def prune(self, alive: Any) -> None:
        """Drop the postings of numbers for which ``alive(numbers)`` (a vectorized test) is False."""
        runs = []
        for keys, numbers in self._runs:
            keep = alive(numbers)
            if not keep.all():
                keys, numbers = keys[keep], numbers[keep]
            if len(keys):
                runs.append((keys, numbers))
        self._runs = runs

    def _freeze(self) -> None:
        count = self._recent_count
        keys = np.empty(count, dtype=np.uint64)
        numbers = np.empty(count, dtype=np.int32)
        position = 0
        for key, bucket in self._recent.items():
            keys[position : position + len(bucket)] = key
            numbers[position : position + len(bucket)] = bucket
            position += len(bucket)
        self._recent = {}
        self._recent_count = 0
        self._runs.append(_sorted_run(keys, numbers))
        # merge while the newest run is at least half the one before: O(log n) runs, each posting
        # rewritten O(log n) times
        while len(self._runs) >= 2 and 2 * len(self._runs[-1][0]) >= len(self._runs[-2][0]):
            (keys_a, numbers_a), (keys_b, numbers_b) = self._runs[-2], self._runs[-1]
            self._runs[-2:] = [_sorted_run(np.concatenate((keys_a, keys_b)), np.concatenate((numbers_a, numbers_b)))]


def _sorted_run(keys: np.ndarray, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, kind="stable")
    return keys[order], numbers[order]


class StoryIndex:
    """Incremental grouping of articles into stories; see the module docstring."""

    def __init__(
        self,
        *,
        num_perm: int = 128,
        body_params: tuple[int, int] = (42, 3),
        lead_params: tuple[int, int] = (32, 4),
        window_days: float = 7.0,
        min_words: int = 20,
        min_shared: int = 8,
        containment: float = 0.45,
        weak_containment: float = 0.3,
        title_support: float = 0.5,
    ) -> None:
        # (bands, rows): 42x3 finds a pair at Jaccard 0.4 with p=0.94 and at 0.05 only with p=0.005;
        # 32x4 on the lead still finds a lead with a figure or two words changed (p=0.999 at 0.67, 0.23 at 0.3).
        for bands, rows in (body_params, lead_params):
            if bands * rows > num_perm:
                raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} permutations, not {num_perm}")
        self.window_days = window_days
        self.min_words = min_words
        self.min_shared = min_shared
        self.containment = containment
        self.weak_containment = weak_containment
        self.title_support = title_support
        self._body_params = body_params
        self._lead_params = lead_params
        # datasketch's permutations for seed 1, so the sketches are the ones datasketch computes
        self._permutations: tuple[np.ndarray, np.ndarray] = MinHash(num_perm=num_perm, seed=1).permutations
        self._bands = _Postings()  # body and lead bands in one table: band numbers keep them apart
        self._digests = _Postings(buffer=1 << 12)  # never pruned: identical bodies match at any distance
        self._token_hashes = _TokenHashes()
        self._ids: list[str] = []
        self._entries: list[_Entry | None] = []  # None once evicted (or never groupable)
        self._days = np.empty(1024, dtype=np.float64)  # NaN: no date, never evicted
        self._by_day: list[tuple[float, int]] = []  # heap of the dated entries still held
        self._cutoff = -np.inf
        self._pruned_at = -np.inf
        self._index: dict[str, int] = {}
        self._parent = array("q")
        self._members: dict[int, list[int]] = {}  # stories of more than one article only
        self.last_absorbed: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        articles: Iterable[tuple[str, str, str | None, str | None]],
        **options: Any,
    ) -> StoryIndex:
        """An index holding ``(article_id, text, title, published)`` rows, added in order."""
        index = cls(**options)
        for article_id, text, title, published in articles:
            index.add(article_id, text, title, published)
        return index

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index

    def add(self, article_id: str, text: str, title: str | None = None, published: str | None = None) -> str:
        """File one article; return its story id (the id of the story's earliest-added article)."""
        self.last_absorbed = ()
        if article_id in self._index:
            return self.story_of(article_id)
        tokens = normalize_tokens(text)
        number = len(self._ids)
        self._ids.append(article_id)
        self._index[article_id] = number
        self._parent.append(number)
        day = _day_number(published)
        self._record_day(number, day)
        if len(tokens) < self.min_words:
            self._entries.append(None)
            return article_id
        values = shingle_values(tokens, self._token_hashes)
        entry = _Entry(np.unique(values), _title_terms(title), day)
        self._entries.append(entry)
        if day is not None:
            heapq.heappush(self._by_day, (day, number))
        digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=8).digest()
        digest_key = np.array([int.from_bytes(digest, "little")], dtype=np.uint64)
        twins = self._digests.find(digest_key)
        if twins:
            # an identical body is the same story whatever its headline or date says; the copy is still
            # indexed, as later articles may be near it in time but not near the first copy
            self._union(min(twins), number)
        else:
            self._digests.add(digest_key.tolist(), number)
        body = _band_keys(self._sketch(entry.shingles), *self._body_params, first_band=0)
        lead_sketch = self._sketch(values[: max(1, _lead_length(text) - SHINGLE + 1)])
        lead = _band_keys(lead_sketch, *self._lead_params, first_band=self._body_params[0])
        keys = np.concatenate((body, lead))
        entries = self._entries
        for other in sorted(set(self._bands.find(keys))):
            candidate = entries[other]
            if candidate is None or self._find(other) == self._find(number):
                continue  # evicted, or already joined through an earlier match: no need to verify
            if self._matches(candidate, entry):
                self._union(other, number)
        self._bands.add(keys.tolist(), number)
        return self._ids[self._find(number)]

    def evict(self, published: str | None) -> int:
        """Stop matching against articles published long before ``published``; return how many were let go.

        For callers that add articles in publication order (``group_stories`` walks the archive so): the
        caller promises that every later ``add`` is published on that date (its first ten characters,
        the local date) or later. An article more than ``window_days`` older than anything still to come
        can only be matched by an identical body, so its shingles and bands are dropped, and the index
        holds only a window of articles however long the archive; results are those without eviction.
        Articles without a readable date are never evicted (they match at any distance); the one case
        that differs from no eviction is such an article added after others were let go: it is compared
        only with what is still held."""
        if not published:
            return 0
        try:
            floor = date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            return 0
        # a day of slack: a local date starts up to 14 hours before that day starts in UTC
        cutoff = floor - 1 - self.window_days
        if cutoff <= self._cutoff:
            return 0
        self._cutoff = cutoff
        evicted = 0
        while self._by_day and self._by_day[0][0] < cutoff:
            _, number = heapq.heappop(self._by_day)
            self._entries[number] = None
            evicted += 1
        if cutoff - self._pruned_at >= 1:  # bands of evicted articles: swept once a day of dates
            self._pruned_at = cutoff
            days = self._days
            self._bands.prune(lambda numbers: ~(days[numbers] < cutoff))
        return evicted

    def held(self) -> int:
        """Articles still matchable by their text (added, groupable and not evicted)."""
        return sum(1 for entry in self._entries if entry is not None)

    def story_of(self, article_id: str) -> str:
        return self._ids[self._find(self._index[article_id])]

    def members(self, story_id: str) -> list[str]:
        root = self._find(self._index[story_id])
        return [self._ids[number] for number in self._members.get(root, [root])]

    def stories(self) -> dict[str, list[str]]:
        """Story id -> member ids, stories in the order they were founded (one-article stories too)."""
        members = self._members
        return {
            self._ids[number]: [self._ids[member] for member in members.get(number, [number])]
            for number in range(len(self._ids))
            if self._parent[number] == number
        }

    def assignments(self) -> Iterator[tuple[str, str]]:
        """(article id, story id) for every article, in the order added: no per-story lists built."""
        for number, article_id in enumerate(self._ids):
            yield article_id, self._ids[self._find(number)]

    def grouped(self) -> int:
        """How many stories are told by more than one article."""
        return len(self._members)

    def _record_day(self, number: int, day: float | None) -> None:
        if number == len(self._days):
            grown = np.empty(2 * len(self._days), dtype=np.float64)
            grown[:number] = self._days
            self._days = grown
        self._days[number] = np.nan if day is None else day

    def _sketch(self, shingles: np.ndarray) -> np.ndarray:
        # What MinHash.update_batch computes, vectorized over the array instead of a Python loop per shingle
        a, b = self._permutations
        permuted = _fmix32(shingles.astype(np.uint32))[:, None] * a + b
        return permuted.min(axis=0)

    def _matches(self, a: _Entry, b: _Entry) -> bool:
        if a.day is not None and b.day is not None and abs(a.day - b.day) > self.window_days:
            return False
        shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
        if shared < self.min_shared:
            return False
        contained = shared / min(len(a.shingles), len(b.shingles))
        if contained >= self.containment:
            return True
        if contained < self.weak_containment:
            return False
        # a rewrite that kept only part of the text: the headline has to agree too
        return _dice(a.title, b.title) >= self.title_support

    def _find(self, number: int) -> int:
        parent = self._parent
        root = number
        while parent[root] != root:
            root = parent[root]
        while parent[number] != root:
            parent[number], number = root, parent[number]
        return root

    def _union(self, a: int, b: int) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        # the story founded first keeps its id, so ids handed out earlier stay valid for most articles
        old, young = min(root_a, root_b), max(root_a, root_b)
        self._parent[young] = old
        moved = self._members.pop(young, None) or [young]
        group = self._members.setdefault(old, [old])
        group.extend(moved)
        group.sort()
        if young != len(self._ids) - 1:
            self.last_absorbed = (*self.last_absorbed, self._ids[young])


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def _key(paragraph: str) -> str:
    return " ".join(paragraph.split())


def compare(base_text: str, other_text: str, *, threshold: float = 0.8) -> StoryDiff:
    """Paragraphs ``other_text`` added, cut and lightly rewrote relative to ``base_text``.

    Identical paragraphs (up to whitespace) match wherever they moved; the rest are paired greedily by
    difflib ratio, best first, and a pair at ``threshold`` or above is a light rewrite (``changed``).
    """
    base, other = _paragraphs(base_text), _paragraphs(other_text)
    diff = StoryDiff()
    unmatched_other: dict[str, list[int]] = {}
    for position, paragraph in enumerate(other):
        unmatched_other.setdefault(_key(paragraph), []).append(position)
    base_left: list[int] = []
    other_used: set[int] = set()
    for position, paragraph in enumerate(base):
        slots = unmatched_other.get(_key(paragraph))
        if slots:
            other_used.add(slots.pop(0))
            diff.same += 1
        else:
            base_left.append(position)
    other_left = [position for position in range(len(other)) if position not in other_used]
    pairs: list[tuple[float, int, int]] = []
    for i in base_left:
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(_key(base[i]))
        for j in other_left:
            matcher.set_seq1(_key(other[j]))
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                pairs.append((ratio, i, j))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    paired_base: dict[int, int] = {}
    paired_other: set[int] = set()
    for _, i, j in pairs:
        if i in paired_base or j in paired_other:
            continue
        paired_base[i] = j
        paired_other.add(j)
    diff.changed = [(base[i], other[paired_base[i]]) for i in base_left if i in paired_base]
    diff.removed = [base[i] for i in base_left if i not in paired_base]
    diff.added = [other[j] for j in other_left if j not in paired_other]
    return diff
