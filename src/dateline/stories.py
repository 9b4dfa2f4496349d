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
Two MinHash LSH indexes (datasketch, 128 permutations) propose candidates: one over the whole body, set
low (a pair at Jaccard 0.4 is found with probability 0.94, at 0.05 with 0.005), and one over the lead
(its first paragraph, at most 50 words), which every cut copy keeps however much of the rest it
dropped. A candidate is then verified on the exact shingle sets: the shorter text must be largely
contained in the longer one (a cut copy is contained in the original, the original in an update), or
moderately contained with a similar headline; and when both publication dates are known they must be
within ``window_days``. Bodies identical after normalization always match. Bodies shorter than
``min_words`` words are never grouped: paywall stubs and error pages would otherwise form giant stories.

Memory: about 4 bytes per word of text for the exact shingle sets, plus two small sketches per article.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

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

    limit = 2_000_000

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
    article_id: str
    shingles: np.ndarray
    title: frozenset[str]
    day: float | None
    digest: bytes | None  # hash of the normalized body; None when too short to group


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
        self.window_days = window_days
        self.min_words = min_words
        self.min_shared = min_shared
        self.containment = containment
        self.weak_containment = weak_containment
        self.title_support = title_support
        self._permutations = MinHash(num_perm=num_perm, seed=1).permutations
        self._body_lsh = MinHashLSH(num_perm=num_perm, params=body_params)
        self._lead_lsh = MinHashLSH(num_perm=num_perm, params=lead_params)
        self._token_hashes = _TokenHashes()
        self._entries: list[_Entry] = []
        self._index: dict[str, int] = {}
        self._digests: dict[bytes, int] = {}
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}
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
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index

    def add(self, article_id: str, text: str, title: str | None = None, published: str | None = None) -> str:
        """File one article; return its story id (the id of the story's earliest-added article)."""
        self.last_absorbed = ()
        if article_id in self._index:
            return self.story_of(article_id)
        tokens = normalize_tokens(text)
        number = len(self._entries)
        groupable = len(tokens) >= self.min_words
        values = shingle_values(tokens, self._token_hashes) if groupable else np.empty(0, dtype=np.uint32)
        shingles = np.unique(values)
        digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).digest() if groupable else None
        entry = _Entry(article_id, shingles, _title_terms(title), _day_number(published), digest)
        self._entries.append(entry)
        self._index[article_id] = number
        self._parent.append(number)
        self._members[number] = [number]
        if digest is None:
            return article_id
        twin = self._digests.setdefault(digest, number)
        if twin != number:
            # an identical body is the same story whatever its headline or date says; the copy is still
            # indexed, as later articles may be near it in time but not near the first copy
            self._union(twin, number)
        body = self._minhash(shingles)
        lead = self._minhash(values[: max(1, _lead_length(text) - SHINGLE + 1)])
        candidates = set(self._body_lsh.query(body)) | set(self._lead_lsh.query(lead))
        for other in sorted(candidates):
            if self._find(other) == self._find(number):
                continue  # already joined through an earlier match: no need to verify
            if self._matches(self._entries[other], entry):
                self._union(other, number)
        self._body_lsh.insert(number, body, check_duplication=False)
        self._lead_lsh.insert(number, lead, check_duplication=False)
        return self._entries[self._find(number)].article_id

    def story_of(self, article_id: str) -> str:
        return self._entries[self._find(self._index[article_id])].article_id

    def members(self, story_id: str) -> list[str]:
        root = self._find(self._index[story_id])
        return [self._entries[number].article_id for number in self._members[root]]

    def stories(self) -> dict[str, list[str]]:
        return {
            self._entries[root].article_id: [self._entries[number].article_id for number in numbers]
            for root, numbers in self._members.items()
        }

    def _minhash(self, shingles: np.ndarray) -> MinHash:
        # What MinHash.update_batch computes, vectorized over the array instead of a Python loop per shingle
        a, b = self._permutations
        permuted = _fmix32(shingles.astype(np.uint32))[:, None] * a + b
        return MinHash(hashvalues=permuted.min(axis=0), permutations=self._permutations, scheme="affine32")

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
        self._members[old].extend(self._members.pop(young))
        self._members[old].sort()
        if young != len(self._entries) - 1:
            self.last_absorbed = (*self.last_absorbed, self._entries[young].article_id)


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
