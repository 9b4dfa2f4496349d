"""Plain-text dumps of printed news pages -> Article.

A dump is what a PDF text layer gives for a news page printed from a browser: hard-wrapped lines, a
blank line wherever the page shows a gap, the URLs of each printed page's links listed after that page's
text, optionally the browser's header/footer lines and form feeds between pages, and an
``Original url:`` footer with the article URL wrapped over several lines. Around the article sit the
page's menus, share buttons, notices, promos and sometimes other articles.

``read_text_dump`` is pure: it takes the text and the origin (path or URL) and returns the Article.
Everything here is site-agnostic: no rule is keyed to a particular outlet's markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from urllib.parse import SplitResult, unquote
from urllib.parse import urlsplit as _urlsplit

from dateline.errors import DocumentError
from dateline.extract.textdump_furniture import (
    REFERENCE_NOTE,
    STANDARDS_NOTE,
    alt_text,
    bullet_runs,
    consent_notice,
    cut_teaser,
    labelled_credit,
    live_entry_stamps,
    printed_often,
    printed_twice_close,
)
from dateline.extract.textdump_headline import big_font, body_column, smaller_font
from dateline.extract.textdump_region import reach_on
from dateline.extract.textdump_tidy import drop_repeats
from dateline.record import Article, Link

__all__ = ["read_text_dump"]

# ---------------------------------------------------------------------------------------------------------
# line patterns

URL_LINE = re.compile(r"^(?:https?://|mailto:)\S*$", re.IGNORECASE)
PRINT_STAMP_LINE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?$")
PAGE_COUNTER_LINE = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
FOOTER_LABEL = re.compile(r"^\s*Original url:\s*(\S*)\s*$", re.IGNORECASE)
# line separators other than "\n" that str.splitlines() honours: fold them into plain line ends
OTHER_LINE_BREAKS = re.compile("\r\n|[\r\v\x1c\x1d\x1e\x85\u2028\u2029]")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# icon-font glyphs (share, comment, arrow symbols), zero-width characters and invisible soft hyphens
ICON_CHARS = re.compile("[\ue000-\uf8ff\u200b-\u200d\u2060\ufeff\u00ad]")
WORD = re.compile(r"\w+")
TERMINAL_END = re.compile(r"[.!?…:;\"”’')\]]$")
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
SPACED_AD_LABEL = re.compile(r"^A ?D ?V ?E ?R ?T ?I ?S ?E ?M ?E ?N ?T$")  # letter-spaced: 'A D V E RT I S E ...'
# an ad slot's label printed on a line of its own, often in the middle of a paragraph the ad interrupts
AD_LABEL_LINE = re.compile(
    r"^\W*(?:advertisement|advertising|ad|sponsored|(?:story|article|content) continues (?:below|after)(?: (?:this )?"
    r"(?:ad|advertisement))?|continue reading (?:below|after (?:the )?(?:ad|advertisement))|scroll to continue"
    r"(?: with content)?)\W*$",
    re.IGNORECASE,
)

PAGE_BREAK = None  # marker between printed pages in the line stream


@dataclass(slots=True)
class Paragraph:
    lines: list[str]
    page: int
    text: str = ""
    gap: str = "blank"  # what separates its first line from the line before (see PrintedLine)

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


@dataclass(slots=True)
class PrintedLine:
    text: str
    page: int
    gap: str  # what separates it from the line before: "none", "blank" (empty line) or "page"


@dataclass(slots=True)
class PageLink:
    url: str
    page: int


@dataclass(slots=True)
class Layout:
    """The dump taken apart: paragraphs of page text, link lists, footer URL, browser header title."""

    lines: list[PrintedLine] = field(default_factory=list)
    links: list[PageLink] = field(default_factory=list)
    footer_url: str | None = None
    header_title: str | None = None
    header_page_url: str | None = None
    printed_on: date | None = None  # the browser's print stamp: the page existed by then
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------------
# entry point


def read_text_dump(text: str, origin: str) -> Article:
    """Read one text dump of a printed news page into a clean Article (see module docstring)."""
    _reject_unreadable(text, origin)
    layout = _take_apart(text)
    paragraphs = _live_blog_summary(_assemble_paragraphs(layout.lines))
    if not any(p.words for p in paragraphs):
        raise DocumentError(origin, "no article text in the dump")

    url = layout.footer_url or layout.header_page_url or _url_from_share_links(layout.links)
    slug_words = _slug_words(url) if url else ()
    own_slug = set(slug_words)
    page_links = [link for link in layout.links if not own_slug or set(_slug_words(link.url)) != own_slug]
    scores = _paragraph_scores(paragraphs, page_links)
    region_scores = _cap_gaps(scores)
    region = _best_region(region_scores)
    title_index, title = _find_title(paragraphs, scores, layout.header_title, slug_words, region[0])
    printed = _printed_reference_title(
        paragraphs, _reference_titles(layout, url), region[0], layout.header_title, slug_words
    )
    if printed is not None:
        title = printed[1]
    if title_index is not None:
        start, end = _best_region_from(region_scores, title_index + 1)
        region = _join_far_region((_trim_front(region_scores, start, end), end), region, region_scores, paragraphs)
    region = _reach_on(paragraphs, scores, region)
    body_indices = _body_indices(paragraphs, scores, region, title_index)
    # bylines and dates are looked for around where the prose starts, standfirst or not
    body_start = body_indices[0] if body_indices else 0
    if title_index is not None and _is_standfirst(paragraphs, scores, title_index + 1, body_indices):
        body_indices.insert(0, title_index + 1)
    warnings = list(layout.warnings)

    caption, credit = _find_caption(paragraphs, body_indices, title_index)
    related = _related_links(paragraphs, layout.links)
    body = [paragraphs[i].text for i in body_indices if not _is_promo_or_caption(paragraphs[i].text, caption)]
    if not body:
        warnings.append("no article body found; kept the longest paragraphs")
        body = [p.text for p in paragraphs if _is_content_like(p.text)] or [
            max(paragraphs, key=lambda p: len(p.words)).text
        ]
    while len(body) > 1 and _is_end_note(body[-1]):
        body.pop()
    body = body[: _end_notes_start(body)]
    body = _trim_tail_promos(body[: _story_end(body)])
    body = _trim_head_meta(drop_repeats(_trim_disclaimers(body)))
    # (left in until here: where the story ends is read off them)
    body = [text for text in body if not consent_notice(text)] or body
    body_text = "\n\n".join(body)

    if title is None:
        title = _clean_header_title(layout.header_title) or _title_from_slug(slug_words, body_text)
    if title is None:
        warnings.append("no title found")
    else:
        title = _trim_title(_undouble_title(title))
    top = paragraphs[: body_start + 3]
    anchor = title_index if title_index is not None else body_start
    body_end = body_indices[-1] + 1 if body_indices else len(paragraphs)
    published = _published_date(url, paragraphs, anchor, body_end, layout.printed_on)
    if published is None:
        warnings.append("no publication date found")
    author_links = _author_links(layout.links, paragraphs, body_indices)
    outlet = _outlet(url, paragraphs, layout.header_title)
    authors = _byline_authors(top) or [link.text for link in author_links]
    if not url:
        warnings.append("no 'Original url:' footer; article URL unknown")

    return Article(
        origin=origin,
        text=body_text,
        url=url,
        title=title,
        published=published,
        authors=_dedupe(authors),
        outlet=outlet,
        caption=caption,
        credit=credit,
        links=author_links + related,
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------------------------
# taking the dump apart


LIVE_SUMMARY_PARAGRAPHS = 3  # of prose above the first entry: less is a page whose stamps are something else


def _live_blog_summary(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A live blog read as its summary: the page down to its first entry stamp, when the summary above
    holds a few paragraphs of prose (the entries under it are the stream, not the article)."""
    stamps = live_entry_stamps([p.text for p in paragraphs])
    if stamps and sum(_is_content_like(p.text) for p in paragraphs[: stamps[0]]) >= LIVE_SUMMARY_PARAGRAPHS:
        return paragraphs[: stamps[0]]
    return paragraphs


def _reject_unreadable(text: str, origin: str) -> None:
    if not text or not text.strip():
        raise DocumentError(origin, "empty text dump")
    sample = text[:20000]
    controls = len(CONTROL_CHARS.findall(sample.replace("\f", "")))
    if "\x00" in sample or controls > max(8, len(sample) // 50):
        raise DocumentError(origin, "binary data, not a text dump")
    if not WORD.search(text):
        raise DocumentError(origin, "no words in the text dump")


def _line_stream(text: str) -> list[str | None]:
    """Lines with form feeds turned into PAGE_BREAK markers, trailing whitespace and control chars gone."""
    stream: list[str | None] = []
    for raw in OTHER_LINE_BREAKS.sub("\n", text).split("\n"):
        pieces = raw.split("\f")
        for n, piece in enumerate(pieces):
            if n > 0:
                stream.append(PAGE_BREAK)
            line = ICON_CHARS.sub("", CONTROL_CHARS.sub("", piece)).rstrip().replace("\t", " ")
            if n == 0 or line:
                stream.append(line)
    return stream


def _take_apart(text: str) -> Layout:
    layout = Layout()
    stream = _line_stream(text)
    stream = _cut_footer(stream, layout)
    stream = _drop_browser_header_footer(stream, layout)

    page = 0
    gap = "page"
    blank_run = 0
    for line in stream:
        if line is PAGE_BREAK:
            page += 1
            gap, blank_run = "page", 0
            continue
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            # two empty lines in a row only happen between page blocks
            if blank_run == 2:
                page += 1
                gap = "page"
            elif gap == "none":
                gap = "blank"
            continue
        blank_run = 0
        if URL_LINE.match(stripped):
            layout.links.append(PageLink(stripped, page))
            gap = "page" if gap == "page" else "blank"
            continue
        if AD_LABEL_LINE.match(stripped) or SPACED_AD_LABEL.match(stripped):
            # dropped, not kept as a paragraph: the text the ad interrupts then joins up again
            gap = "page" if gap == "page" else "blank"
            continue
        layout.lines.append(PrintedLine(stripped, page, gap))
        gap = "none"
    return layout


def _cut_footer(stream: list[str | None], layout: Layout) -> list[str | None]:
    """Take out the last 'Original url:' footer, rejoining its wrapped URL exactly as printed."""
    label_at = None
    for i in range(len(stream) - 1, -1, -1):
        line = stream[i]
        if line is not None and FOOTER_LABEL.match(line):
            label_at = i
            break
    if label_at is None:
        return stream
    match = FOOTER_LABEL.match(stream[label_at] or "")
    pieces = [match.group(1)] if match and match.group(1) else []
    end = label_at + 1
    while end < len(stream):
        line = stream[end]
        if line is None or not line.strip():
            break
        pieces.append(line.strip())
        end += 1
    url = "".join(pieces)
    if url:
        layout.footer_url = url
    # after the footer only the browser footer and the last page's link list follow
    tail_links = [line for line in stream[end:] if line is None or URL_LINE.match(line.strip())]
    return [*stream[:label_at], PAGE_BREAK, *tail_links]


def _drop_browser_header_footer(stream: list[str | None], layout: Layout) -> list[str | None]:
    """Remove the print stamp and page title at each page top and the page counter at each page foot."""
    first = next((line.strip() for line in stream if line and line.strip()), "")
    if not PRINT_STAMP_LINE.match(first):
        return stream
    layout.printed_on = _stamp_date(first)
    kept: list[str | None] = []
    expect_title = False
    for line in stream:
        stripped = line.strip() if line is not None else None
        if stripped == first:
            kept.append(PAGE_BREAK)
            expect_title = True
            continue
        if expect_title and stripped:
            layout.header_title = layout.header_title or stripped
            expect_title = False
            continue
        counter = PAGE_COUNTER_LINE.match(stripped or "")
        if counter and int(counter.group(1)) <= int(counter.group(2)):
            continue
        kept.append(line)
    # the browser footer repeats the page URL above each counter: the most frequent link is that URL
    urls = Counter(line.strip() for line in kept if line and URL_LINE.match(line.strip()))
    if urls:
        page_url, count = urls.most_common(1)[0]
        if count >= 2 or len(urls) == 1:
            layout.header_page_url = page_url
    return kept


def _stamp_date(stamp: str) -> date | None:
    """The day of a print stamp, which the browser writes month first ('1/4/24, 1:48 AM')."""
    month, day, year = (int(part) for part in re.findall(r"\d+", stamp)[:3])
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None  # a day-first stamp of another locale: no bound rather than a wrong one


# ---------------------------------------------------------------------------------------------------------
# unwrapping lines and pages

# heads that are written with a hyphen before the next word far more often than split inside a word
HYPHEN_PREFIXES = frozenset("ex self non anti co well all half mid semi multi quasi vice cross".split())
COMPOUND_HEADS = frozenset(
    "pre post high low long short full one two three four five six seven eight nine ten so over under out "
    "inter pro counter part much first second third once far near old new up down off by".split()
)
COMMON_WORDS = frozenset(
    "a an the and or but to of in on at for with by from as is are was were be been up out off down over "
    "so old new time year day based led run term level made long free like type style sized size wide "
    "related owned backed funded friendly looking up".split()
)


def _vocabulary(lines: Sequence[PrintedLine]) -> Counter[str]:
    """Words of the document, leaving out the pieces at line-end hyphens: those are what is in doubt."""
    words: Counter[str] = Counter()
    for index, line in enumerate(lines):
        tokens = [t.lower() for t in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line.text)]
        if line.text.endswith("-") and tokens:
            tokens.pop()
        if index > 0 and lines[index - 1].text.endswith("-") and tokens:
            tokens.pop(0)
        words.update(tokens)
    return words


def _assemble_paragraphs(lines: Sequence[PrintedLine]) -> list[Paragraph]:
    """Group printed lines into paragraphs, unwrapping hard-wrapped lines.

    A blank line usually ends a paragraph, but pages with a tall line height print one after every
    line, paragraphs may run on without one, and a page break cuts paragraphs anywhere. So the
    decision looks at the line itself: a line that fills its column and does not end a sentence
    continues in the next one; a line that leaves room for the next line's first word ended.
    """
    vocabulary = _vocabulary(lines)
    spaced_pages = _double_spaced_pages(lines)
    paragraphs: list[Paragraph] = []
    for index, line in enumerate(lines):
        if index == 0 or _starts_paragraph(lines, index, spaced_pages) or _promo_edge(paragraphs[-1], line):
            paragraphs.append(Paragraph([line.text], line.page, line.text, line.gap))
            continue
        current = paragraphs[-1]
        current.lines.append(line.text)
        current.text = _join_lines(current.text, line.text, vocabulary)
    for paragraph in paragraphs:
        paragraph.text = paragraph.text.strip()
    return [p for p in paragraphs if p.text]


def _promo_edge(current: Paragraph, line: PrintedLine) -> bool:
    """Where a 'Related: <headline>' promo starts or ends on a page with a blank line after every line.

    It opens a paragraph of its own, and the article's prose resumes under it with a capital, where
    a promo headline that wraps would go on after a word like 'with'."""
    if line.gap == "none":
        return False
    if PROMO.match(line.text):
        return True
    return line.text[:1].isupper() and bool(PROMO.match(current.text)) and not HEADLINE_CONTINUES.search(current.text)


def _column_width(lines: Sequence[PrintedLine], index: int) -> int:
    """The width of the column a line sits in: the longest of its neighbours on the same page."""
    page = lines[index].page
    lo, hi = max(0, index - 4), min(len(lines), index + 5)
    return max(len(line.text) for line in lines[lo:hi] if line.page == page)


def _fills_column(lines: Sequence[PrintedLine], index: int) -> bool:
    """Whether line ``index`` left no room for the first word of the next line."""
    line, following = lines[index].text, lines[index + 1].text
    next_word = following.split(" ", 1)[0]
    width = _column_width(lines, index)
    return len(line) >= 30 and len(line) + 1 + len(next_word) >= 0.9 * width


def _double_spaced_pages(lines: Sequence[PrintedLine]) -> set[int]:
    """Pages whose blank lines fall inside sentences, i.e. printed with a blank line after every line."""
    inside: Counter[int] = Counter()
    after_full: Counter[int] = Counter()
    for index in range(len(lines) - 1):
        following = lines[index + 1]
        if following.gap != "blank" or not _fills_column(lines, index):
            continue
        after_full[following.page] += 1
        if not TERMINAL_END.search(lines[index].text):
            inside[following.page] += 1
    return {page for page, count in inside.items() if count >= 3 and count >= 0.4 * after_full[page]}


CREDIT_TAIL = re.compile(
    r"(?:[.!?][\"”’]?\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}\s+/\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
    r"|\b(?:Getty Images|Shutterstock|AP Photo[^)]*\)|Photo:[^.]{0,60}|Image credit:[^.]{0,60}))$"
)


def _starts_paragraph(lines: Sequence[PrintedLine], index: int, spaced_pages: set[int]) -> bool:
    line, previous = lines[index], lines[index - 1]
    text, before = line.text, previous.text
    terminal = bool(TERMINAL_END.search(before))
    lower_start = text[:1].islower()
    full = _fills_column(lines, index - 1)
    if line.gap == "none":
        if lower_start or full or re.search(r"\w-$", before):
            return False
        return terminal or (text[:1].isupper() and len(before) < 0.6 * _column_width(lines, index - 1))
    if CREDIT_TAIL.search(before):
        return True  # a photo caption ends with its credit, and the article does not run on into it
    if line.gap == "page":
        return not (not terminal and (lower_start or full) and len(before) >= 20)
    if full and (not terminal or line.page in spaced_pages):
        return False
    return not (lower_start and not terminal and len(before) >= 30)


def _join_lines(left: str, right: str, vocabulary: Counter[str]) -> str:
    if left.endswith("-") and not left.endswith((" -", "--")):
        head_match = re.search(r"([^\W\d_]+)-$", left)
        tail_match = re.match(r"([^\W\d_]+)", right)
        if head_match and tail_match and _is_soft_hyphen(head_match.group(1), tail_match.group(1), vocabulary):
            return left[:-1] + right
        return left + right
    if left.endswith(("—", "/")) and not left.endswith(" —"):
        return left + right
    return left + " " + right


def _is_soft_hyphen(head: str, tail: str, vocabulary: Counter[str]) -> bool:
    """Whether 'head-' + 'tail' is one word broken at the line end (join) rather than a compound."""
    if not tail[0].islower():
        return False  # 'Journal-' / 'Constitution', 'COVID-' / '19'
    joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
    if vocabulary[joined] > 0:
        return True
    head_l, tail_l = head.lower(), tail.lower()
    if vocabulary[hyphenated] > 0 or head_l in HYPHEN_PREFIXES:
        return False
    # both pieces seen as words of their own elsewhere in the document: a compound such as 'state-owned'
    head_is_word = head_l in COMPOUND_HEADS or head_l in COMMON_WORDS or vocabulary[head_l] > 0
    tail_is_word = tail_l in COMMON_WORDS or vocabulary[tail_l] > 0
    return not (head_is_word and tail_is_word)


# ---------------------------------------------------------------------------------------------------------
# title

STOP_WORDS = frozenset(
    "a an the and or but to of in on at for with by from as is are was were be it its this that after "
    "over into about how why what who will has have s".split()
)
# ids and codes in a slug: numbers, hex hashes, letter-digit codes ('dec23', 'kr4ikvar7ncnbn2e'), file types
SLUG_ID = re.compile(
    r"^(?:[a-z]?\d+[a-z\d]*|[a-f\d]{8,}|(?=[a-z\d]{5,}$)[a-z]+\d[a-z\d]*|html?|php|aspx?|story|index|amp)$"
)


def urlsplit(url: str) -> SplitResult:
    """urllib's urlsplit, except that a malformed host (an unclosed "[", characters that NFKC turns into
    separators) gives empty parts instead of a ValueError: a dump prints whatever its page linked to."""
    try:
        return _urlsplit(url)
    except ValueError:
        return _urlsplit("")


@lru_cache(maxsize=4096)
def _slug_words(url: str) -> tuple[str, ...]:
    """The words of the article's slug: the longest path segment made of words."""
    path = unquote(urlsplit(url).path)
    best: list[str] = []
    segments = [segment for segment in path.split("/") if segment]
    for number, segment in enumerate(segments):
        segment = re.sub(r"\.(?:html?|php|aspx?|shtml)$", "", segment)
        words = [w for w in re.split(r"[-_+]+", segment.lower()) if w]
        words = [w for w in words if not SLUG_ID.match(w)]
        # two words in a folder above the page are a section ('/sports/inter-miami/article123.html'),
        # unless the folder comes after the date ('/2023/12/20/ferry-returns/7123/')
        dated = any(re.fullmatch(r"(?:19|20)\d\d", earlier) for earlier in segments[:number])
        least = 2 if number == len(segments) - 1 or dated else 3
        if len(words) >= least and len(words) > len(best):
            best = words
    return tuple(best)


def _normal_tokens(text: str) -> list[str]:
    return [t for t in WORD.findall(text.lower().replace("'", "").replace("’", "")) if t]


@lru_cache(maxsize=65536)  # called for every token pair of every headline candidate
def _same_word(token: str, slug_word: str) -> bool:
    # slugs often keep a word's stem only: 'assault' for 'assaulting', 'georgia' for "Georgia's"
    if token == slug_word:
        return True
    shorter, longer = sorted((token, slug_word), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter) and len(longer) - len(shorter) <= 3


def _slug_match(text: str, slug_words: Sequence[str], beta: float = 1.0, fuzzy: bool = True) -> float:
    """F-measure of the text's words against the slug's (``beta`` > 1 weighs the slug's recall more)."""
    if not slug_words:
        return 0.0
    tokens = set(_normal_tokens(text))
    if not tokens:
        return 0.0
    slug = set(slug_words)
    found = slug & tokens
    if fuzzy:
        found |= {w for w in slug - found if any(_same_word(t, w) for t in tokens)}
    if not found:
        return 0.0
    recall = len(found) / len(slug)
    content_tokens = {t for t in tokens if t not in STOP_WORDS} or tokens
    if fuzzy:
        matched = sum(1 for t in content_tokens if any(_same_word(t, w) for w in slug))
    else:
        matched = len(content_tokens & slug)
    precision = matched / len(content_tokens)
    b2 = beta * beta
    return (1 + b2) * recall * precision / (b2 * precision + recall) if precision else 0.0


def _clean_header_title(header_title: str | None) -> str | None:
    if not header_title:
        return None
    title = header_title.rstrip("…").rstrip()
    title = re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", title)[0] if re.search(r"\s[|–—-]\s", title) else title
    return title.strip() or None


TITLE_RECALL_WEIGHT = 1.5  # a slug drops words of the headline far more often than the headline lacks slug words
PROSE_SCORE = 25.0  # a paragraph scoring this much reads as running text
MIN_TITLE_MATCH = 0.35  # below this the slug or title line names a different text: fall back to the shape


CUT_TITLE_PENALTY = 0.15  # more than the size and distance terms: a cut copy loses to a full one, not to prose
BREADCRUMB = re.compile(r"^(?:[^/»›>]{1,30}\s[/»›>]\s){2,}")  # 'News / India News / Headline'


def _find_title(
    paragraphs: Sequence[Paragraph],
    scores: Sequence[float],
    header_title: str | None,
    slug_words: Sequence[str],
    body_start: int,
) -> tuple[int | None, str | None]:
    """The headline as the page prints it, and the index of its (last) paragraph.

    Candidates are runs of one to four printed lines, within a paragraph or across two, above the body
    (or just inside it); each is scored by how well it matches the URL slug or the browser's title
    line, with a slight preference for the one nearest the body."""
    header = _clean_header_title(header_title)
    header_tokens = _normal_tokens(header) if header else []
    header_variants = [
        _normal_tokens(variant) for variant in _header_variants(header_title) if not _is_site_part(variant, slug_words)
    ]
    truncated_header = bool(header_title and header_title.rstrip().endswith("…"))
    flat: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs[: min(len(paragraphs), body_start + 3)]):
        if scores[index] >= PROSE_SCORE or (index >= body_start and paragraph.text.endswith(".")):
            continue  # prose is never the headline
        if sum(max(score, 0.0) for score in scores[body_start:index]) >= TRIM_PROSE_LIMIT:
            break  # under the body's first paragraphs of prose (not just a caption): a subheading
        if len(paragraph.lines) <= 6 and len(paragraph.words) <= 60:
            flat.extend((index, line) for line in paragraph.lines)
    candidates = len(flat)
    # the headline's last line may sit in the next paragraph (split off by its width): it can join
    tail = body_start + 3
    while tail < len(paragraphs) and paragraphs[tail].gap == "none" and len(paragraphs[tail].lines) <= 2:
        flat.extend((tail, line) for line in paragraphs[tail].lines)
        tail += 1
    best: tuple[float, int, str, int, int] | None = None
    credits: dict[int, bool] = {}
    above_credit: dict[int, bool] = {}

    def credited(index: int) -> bool:
        if index not in credits:
            credits[index] = _has_credit(paragraphs[index].text)
        return credits[index]

    for first in range(candidates):
        for size in range(1, 5):
            piece = flat[first : first + size]
            # a big headline font may print a blank line between the headline's own lines
            if len(piece) < size or piece[-1][0] - piece[0][0] > 3:
                break
            text = _join_headline_lines(line for _, line in piece)
            tokens = _normal_tokens(text)
            if not 2 <= len(tokens) <= 40:
                continue
            if any(credited(index) for index, _ in piece):
                continue  # a photo caption with its credit printed under the headline
            if _is_image_text([line for _, line in piece], piece[-1][0], paragraphs, above_credit):
                continue
            score = _slug_match(text, slug_words, TITLE_RECALL_WEIGHT)
            if text.rstrip().endswith(("…", "...")) or BREADCRUMB.search(text):
                score -= CUT_TITLE_PENALTY  # a cut copy of the headline or a trail to it: the full one wins
            if header_tokens:
                if tokens in header_variants:
                    score = max(score, 1.0 + 0.01 * len(tokens))  # the fullest exact match wins
                elif truncated_header and tokens[: len(header_tokens)] == header_tokens:
                    score = max(score, 0.97)
                else:
                    score = max(score, 0.9 * _token_f1(tokens, header_tokens))
            last = piece[-1][0]
            score -= 0.002 * abs(body_start - last) + 0.005 * (size - 1)
            if best is None or score > best[0] + 1e-9:
                best = (score, last, text, first, first + size)
    if best is not None and best[0] >= MIN_TITLE_MATCH:
        best = _longer_form(flat, candidates, best)
    if best is not None and best[0] >= 1.0:
        return best[1], best[2]  # printed exactly as the browser's title line: nothing to complete
    if best is not None and best[0] >= MIN_TITLE_MATCH:
        reference = set(slug_words) | set(header_tokens)
        line_counts = Counter(line for paragraph in paragraphs for line in paragraph.lines)
        return _complete_headline(flat, best[3], best[4], reference, paragraphs, line_counts, slug_words)
    return _headline_by_shape(paragraphs, body_start)


SHARE_TITLE_KEYS = frozenset("title text subject t su name article_name ampsubject p[title]".split())
REFERENCE_SEPARATOR = re.compile(r"\s+[|–—·•-]\s+|:\s+|\s+\|\s*")
QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "′": "'"})


def _reference_titles(layout: Layout, url: str | None) -> list[str]:
    """What the page calls itself outside its printed text: the browser's title line and the text
    its share buttons pass on (a tweet's text, a mail's subject) for the article's own URL."""
    references: list[str] = []
    if layout.header_title:
        references.append(layout.header_title)
    own = "-".join(_slug_words(url)) if url else ""
    shares = [link for link in layout.links if "?" in link.url]
    if not own and shares:
        # the article's URL unknown: its share buttons are the first ones the printout shows
        first_page = shares[0].page
        shares = [link for link in shares if link.page == first_page]
    for link in shares:
        decoded = unquote(unquote(link.url)).lower()
        if own and own not in re.sub(r"[^a-z0-9/]+", "-", decoded):
            continue  # a share button for another article (a promo further down the page)
        query = link.url.split("?", 1)[1]
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            if unquote(key).lower() not in SHARE_TITLE_KEYS:
                continue
            text = " ".join(unquote(value.replace("+", " ")).split())
            text = re.sub(r"\s*(?:https?://\S*|\bvia @\w+|@\w+)\s*", " ", text).strip()
            if len(text.split()) >= 2 and text not in references:
                references.append(text)
    return references[:12]


SHARE_URL_KEYS = frozenset("url u href link".split())


def _url_from_share_links(links: Sequence[PageLink]) -> str | None:
    """Without a footer: the page's own URL as its share buttons pass it on ('...?url=https://...')."""
    counts: Counter[str] = Counter()
    for link in links:
        if "?" not in link.url:
            continue
        for pair in link.url.split("?", 1)[1].split("&"):
            key, _, value = pair.partition("=")
            value = unquote(value)
            if key.lower() in SHARE_URL_KEYS and URL_LINE.match(value) and value.startswith("http"):
                value = value.split("#", 1)[0].split("?", 1)[0]
                if len(urlsplit(value).path.strip("/")) > 1:
                    counts[value] += 1
    if not counts:
        return None
    url, count = counts.most_common(1)[0]
    return url if count >= 2 else None


def _reference_variants(reference: str) -> list[str]:
    """A reference with none, some or all of its ' | Site', 'Site: ' and ' - Section' parts cut off."""
    text = reference.rstrip("…").strip()
    parts = REFERENCE_SEPARATOR.split(text)
    separators = REFERENCE_SEPARATOR.findall(text)
    if len(text) > 400 or len(parts) > 6:
        return []  # a long text is a teaser, not a title; and the variants grow with the square of the parts
    variants = []
    for first in range(len(parts)):
        for last in range(first + 1, len(parts) + 1):
            variant = parts[first] + "".join(separators[k - 1] + parts[k] for k in range(first + 1, last))
            if len(WORD.findall(variant)) >= 2:
                variants.append(variant.strip())
    return sorted(set(variants), key=len, reverse=True)


def _is_site_part(variant: str, slug_words: Sequence[str]) -> bool:
    """'Teen Vogue', 'FOX Sports': the site's part of a 'Headline | Site' title, printed as its logo."""
    return bool(slug_words) and len(_normal_tokens(variant)) < 4 and _slug_match(variant, slug_words) == 0.0


def _compact(text: str) -> str:
    return "".join(text.translate(QUOTE_FOLD).casefold().split())


def _printed_reference_title(
    paragraphs: Sequence[Paragraph],
    references: Sequence[str],
    body_start: int,
    header_title: str | None = None,
    slug_words: Sequence[str] = (),
) -> tuple[int, str] | None:
    """The longest form of a reference title that the page prints as whole lines of its own.

    Matching ignores whitespace, case and quote style (headline fonts print capitals; share texts
    straighten quotes). The printed spelling is returned, except where the print lost something the
    reference keeps: the casing of an all-capitals headline, the spaces hidden by a line break."""
    if not references:
        return None
    pieces: list[str] = []
    lines: list[tuple[int, str]] = []  # (paragraph index, line) of each piece
    starts: dict[int, int] = {}  # compact offset of a line start -> its number in ``lines``
    ends: dict[int, int] = {}  # compact offset of a line end -> its number in ``lines``
    offset = 0
    header = " ".join((header_title or "").split())
    for index, paragraph in enumerate(paragraphs):
        for line in paragraph.lines:
            compact = _compact(line)
            if not compact or line == header:
                continue  # the browser's title line left over from a page top is not the printed headline
            starts[offset] = len(lines)
            lines.append((index, line))
            pieces.append(compact)
            offset += len(compact)
            ends[offset] = len(lines) - 1
    page = "".join(pieces)
    best: tuple[float, int, str] | None = None
    for reference in references:
        for variant in _reference_variants(reference):
            needle = _compact(variant)
            if len(needle) < 8:
                continue
            if _is_site_part(variant, slug_words):
                continue
            position = page.find(needle)
            while position >= 0:
                end = position + len(needle)
                if position in starts and end in ends:
                    first, last = starts[position], ends[end]
                    index = lines[last][0]
                    # the longest form wins; among equals the one printed nearest above the body
                    rank = len(needle) - 0.001 * abs(body_start - index)
                    if best is None or rank > best[0]:
                        text = _join_headline_lines(line for _, line in lines[first : last + 1])
                        # a headline font may print capitals only, and the line breaks hide spaces:
                        # then the reference has the real casing and spacing
                        respaced = "".join(text.split()) == "".join(variant.split())
                        if (text.isupper() and not variant.isupper()) or respaced:
                            text = variant
                        best = (rank, index, text)
                position = page.find(needle, position + 1)
    return (best[1], best[2]) if best else None


# what a page prints beside its headline, on the same line, that is no part of it: a media tag
# ('[Watch]', '(video)'), a section tag after a bar ('| Opinion'), a field label ('Date:'), a player's
# 'Listen · 13:47', the author's photo's alt text
TITLE_TAIL = re.compile(
    r"\s+(?:[\[(](?:watch|video|videos|photos?|pics|gallery|listen|audio|podcast)[\])]"
    r"|\|\s*(?:editorial|opinion|analysis|commentary|review|exclusive|explainer|column)"
    r"|(?:date|published|updated|posted|by)\s*:|(?:listen|watch)\b[^\w]*\d{1,2}:\d\d.*"
    r"|author (?:photo|image|avatar|headshot))\s*$",
    re.IGNORECASE,
)


INLINE_MARKUP = re.compile(r"</?(?:i|b|em|strong|span|u|br)\s*/?>", re.IGNORECASE)


def _trim_title(title: str) -> str:
    # a share text or title line may carry the headline's markup ('GOTY: <i>Kotaku</i>'s Top 12')
    trimmed = TITLE_TAIL.sub("", INLINE_MARKUP.sub("", title)).strip()
    return trimmed if len(WORD.findall(trimmed)) >= 2 else title


def _undouble_title(title: str) -> str:
    """A headline printed twice in a row (breadcrumb, then the heading) is taken once, without the crumbs."""
    words = title.split()
    if len(words) > 80:
        return title
    for size in range(len(words) // 2, 3, -1):
        for start in range(len(words) - 2 * size + 1):
            if words[start : start + size] == words[start + size : start + 2 * size]:
                return " ".join(words[start : start + size])
    return title


def _join_headline_lines(lines: Iterable[str]) -> str:
    text = ""
    for line in lines:
        # a word broken at a hyphen or dash joins up; a spaced dash (' -') keeps its space
        glued = text.endswith(("-", "—")) and not text.endswith((" -", " —"))
        text = line if not text else text + line if glued else text + " " + line
    return text


HEADER_SEPARATOR = re.compile(r"\s+[|–—:-]\s+|\s+\|\s*")


def _header_variants(header_title: str | None) -> list[str]:
    """The browser title line with none, one or two of its ' | Site' / ' - Section' parts cut off."""
    if not header_title:
        return []
    title = header_title.rstrip("…").strip()
    parts = HEADER_SEPARATOR.split(title)
    separators = HEADER_SEPARATOR.findall(title)
    variants = []
    for first in range(len(parts)):
        for last in range(first + 1, len(parts) + 1):
            text = parts[first] + "".join(separators[k - 1] + parts[k] for k in range(first + 1, last))
            if len(text.split()) >= 2:
                variants.append(text)
    return variants


STAFF_BYLINE = re.compile(r"\b(?:staff|staff writer|contributor|correspondent)$", re.IGNORECASE)


def _is_headline_junk(line: str) -> bool:
    """Lines printed next to a headline that are not part of it: 'By', 'SHARE', '| Opinion', '[Watch]'."""
    words = WORD.findall(line)
    return (
        not words
        or line[:1] in "|[(•·"
        or bool(re.search(r"\s[>›»►/]\s|►", line))  # a breadcrumb trail
        or bool(re.search(r"\b\d{1,2}:\d\d\b", line))  # a clock time or a clip's running time
        or (len(words) <= 4 and bool(STAFF_BYLINE.search(line)))  # 'MLSsoccer staff' under the headline
        or bool(BYLINE.match(line) or BOILERPLATE.search(line) or re.match(r"^by\b", line, re.I))
        or (len(words) <= 2 and line.isupper() and len(line) > 1)
        or _has_date(line)
    )


HEADLINE_CONTINUES = re.compile(
    r"(?:\b(?:a|an|the|and|or|but|to|of|in|on|at|for|with|by|from|as|into|over|up|after|before|about|"
    r"is|are|was|were|be|its|their|his|her|your|our|my|this|that|than|they|you|we|it|not|no|how|why|what)"
    r"|[,:;—–-])$",
    re.IGNORECASE,
)


HEADLINE_MOST_LINES = 12  # a narrow headline column prints a word or two a line


# a title-cased headline line that opens with a word that cannot start a headline ('That Brought ...',
# 'Who Built ...') continues the line above it
HEADLINE_CONTINUATION_START = re.compile(r"(?:that|who|which|whose|and|or|but|than|of)\s", re.IGNORECASE)


def _complete_headline(
    flat: Sequence[tuple[int, str]],
    first: int,
    end: int,
    reference: set[str],
    paragraphs: Sequence[Paragraph] = (),
    line_counts: Counter[str] | None = None,
    slug_words: Sequence[str] = (),
) -> tuple[int, str]:
    """Grow the best-matching lines to the whole headline (a slug rarely spells its last words).

    A following line joins when it shares a word with the slug or title line, starts in lower case,
    or follows a line that cannot end a headline (one ending in 'to', 'the', a comma); or when it is a
    line of the headline's own paragraph. A line printed on its own elsewhere in the dump too ('College
    Football', 'play') is a label, not a tail; so is any line without slug words once the lines so far
    spell the whole slug and end with its last word."""
    counts = line_counts or Counter()
    headline_caps = all(text.isupper() for _, text in flat[first:end] if any(c.isalpha() for c in text))

    def is_label(line: str) -> bool:
        return counts[line] >= 2 or (line.isupper() and not headline_caps)

    def adjacent(index: int, most_words: int = 8) -> bool:
        """Printed right under the line before it, with no gap (a width-based paragraph split)."""
        if flat[index][0] == flat[index - 1][0]:
            return True
        paragraph = flat[index][0]
        if not 0 <= paragraph < len(paragraphs) or paragraphs[paragraph].gap != "none":
            return False
        # a standfirst runs on under the headline too, but over lines of its own
        return len(paragraphs[paragraph].lines) <= 2 and len(paragraphs[paragraph].words) <= most_words

    def complete(last: int) -> bool:
        """Every word of the slug printed, its last one ending the headline so far."""
        tokens = _normal_tokens(flat[last][1])
        if not slug_words or not tokens or not _same_word(tokens[-1], slug_words[-1]):
            return False
        printed = {token for _, text in flat[first : last + 1] for token in _normal_tokens(text)}
        return set(slug_words) <= printed

    def wraps_on(index: int, previous: int) -> bool:
        """A Title Case line of three words or more printed right under a Title Case line that ends no
        sentence: the headline wraps on, though the slug stopped short of its end."""
        line, neighbour = flat[index][1], flat[previous][1]
        paragraph = flat[index][0]
        under = paragraph == flat[previous][0] or (
            paragraph == flat[previous][0] + 1
            and 0 <= paragraph < len(paragraphs)
            and paragraphs[paragraph].gap == "none"
            and paragraphs[paragraph].lines[0] == line
        )
        return (
            under
            and not neighbour.endswith((".", "!", "?", ":"))
            and len(WORD.findall(line)) >= 3
            and _title_cased(line)
            and _title_cased(flat[previous][1])
        )

    def page_turn(index: int, previous: int) -> bool:
        """The headline's last words printed atop the next page ('... Costing More' / 'Than $40,000'):
        a short line that opens a page, spells words of the slug and follows a line ending no sentence."""
        paragraph = flat[index][0]
        return (
            paragraph == flat[previous][0] + 1
            and 0 <= paragraph < len(paragraphs)
            and paragraphs[paragraph].gap == "page"
            and paragraphs[paragraph].lines[0] == flat[index][1]
            and len(WORD.findall(flat[index][1])) <= 4
            and not flat[previous][1].endswith((".", "!", "?", ":"))
            and bool(set(_normal_tokens(flat[index][1])) & set(slug_words))
        )

    def belongs(index: int, previous: int) -> bool:
        line, neighbour = flat[index][1], flat[previous][1]
        if _is_headline_junk(line) or line.endswith(".") or neighbour.endswith((".", "!")):
            return False
        if flat[index][0] - flat[previous][0] > 1 or line in (text for _, text in flat[first:end]):
            return False
        long_words = LONG_WORD.findall(line)
        if (
            long_words
            and all(w[0].islower() for w in long_words)
            and _title_cased(_join_headline_lines(text for _, text in flat[first:index]))
        ):
            return False  # a Title Case headline does not go on in lower case: an image's alt text
        opening, compact = _compact(flat[first][1]), _compact(line)
        if compact and (opening.startswith(compact) or compact.startswith(opening)):
            return False  # the headline printed once more (a second, shorter or longer form of it)
        # (the line before decides, so the line may be longer than a standfirst's first line would be)
        if HEADLINE_CONTINUES.search(neighbour) and adjacent(index, 14) and not is_label(line):
            return True  # 'Grew Up on the' / 'Runway. Now, She's Ready': the line before cannot end a headline
        if wraps_on(index, previous) and not is_label(line):
            return True
        if page_turn(index, previous):
            return True
        if re.search(r"[.!?]\s+[A-Z]", line):
            return False  # sentences of a standfirst
        if not adjacent(index):
            return line[:1].islower() and len(WORD.findall(line)) >= 2 and not neighbour.endswith((":", "?"))
        if line[:1].islower() or HEADLINE_CONTINUES.search(neighbour) or HEADLINE_CONTINUATION_START.match(line):
            return True
        if is_label(line) or line.endswith(":"):
            return False  # 'Date:' opens a field of its own
        if complete(previous) and not set(_normal_tokens(line)) & reference:
            return False  # the slug's words are all printed: 'Enlarge', 'Staff writer' come after
        if flat[index][0] == flat[previous][0]:
            return True  # a headline block wraps over lines of its own paragraph
        if neighbour.endswith("?"):
            return False
        return bool(set(_normal_tokens(line)) & reference) or len(WORD.findall(line)) <= 5

    def words(start: int, stop: int) -> int:
        return sum(len(WORD.findall(text)) for _, text in flat[start:stop])

    def short_label(line: str) -> bool:
        if set(_normal_tokens(line)) & reference:
            return False
        return len(WORD.findall(line)) <= 3 and (is_label(line) or line.endswith(":"))

    def kicker(index: int) -> bool:
        """A line in capitals above a headline that is not: a rubric ('THE WEEKLY BRIEF', 'OPINION')."""
        line, rest = flat[index][1], [text for _, text in flat[index + 1 : end]]
        return line.isupper() and len(WORD.findall(line)) <= 6 and not all(text.isupper() for text in rest)

    # a section name printed above the headline ('Movies', also in the menu) is not part of it
    while end - first > 1 and ((flat[first][0] != flat[first + 1][0] and short_label(flat[first][1])) or kicker(first)):
        first += 1

    first = _skip_label_above(flat, first, end, paragraphs)
    while (
        end < len(flat) and end - first < HEADLINE_MOST_LINES and words(first, end + 1) <= 40 and belongs(end, end - 1)
    ):
        end += 1
    while first > 0 and end - first < HEADLINE_MOST_LINES and words(first - 1, end) <= 40:
        line = flat[first - 1][1]
        if line.endswith((".", "!", "?")) or _is_headline_junk(line) or is_label(line):
            break
        same = flat[first - 1][0] == flat[first][0]
        shared = bool(set(_normal_tokens(line)) & reference)
        wraps = flat[first][1][:1].islower() or bool(HEADLINE_CONTINUES.search(line))
        # a line ending in 'of the' printed right above (no gap) runs on into the headline's first line
        if not (shared or wraps) or not (same or adjacent(first)):
            break
        if not same and len(paragraphs[flat[first][0]].lines) > 2:
            break
        first -= 1
    text = _join_headline_lines(line for _, line in flat[first:end])
    if len(WORD.findall(text)) > 40:
        text = flat[first][1]
    return flat[end - 1][0], text


LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
CAPTION_CREDIT = re.compile(
    r"\b(?:illustration|photo|photograph|image|picture|video) (?:by|courtesy of)\b", re.IGNORECASE
)


FILE_NAME = re.compile(r"^\S+\.(?:html?|php|aspx?|jpe?g|png|gif|webp)$", re.IGNORECASE)


def _is_image_text(
    lines: Sequence[str], last: int, paragraphs: Sequence[Paragraph], cache: dict[int, bool] | None = None
) -> bool:
    """An image's alt text or file name printed where the image failed to load: a first line all in
    lower case ('db cooper's skull'), a file name, or a line right above an image credit
    ('(Image credit: EA)'). (A headline's later lines may well be in lower case: 'the lower town'.)"""
    if any(FILE_NAME.match(line) for line in lines) or not any(c.isupper() for c in lines[0]):
        return True
    if cache is None:
        return _above_image_credit(last, paragraphs)
    if last not in cache:
        cache[last] = _above_image_credit(last, paragraphs)
    return cache[last]


def _above_image_credit(last: int, paragraphs: Sequence[Paragraph]) -> bool:
    if last + 1 >= len(paragraphs):
        return False
    following = paragraphs[last + 1]
    if following.gap == "none" and _is_credited_caption(following):
        return True  # the alt text, then the caption with its credit right under it
    return len(following.words) <= 8 and bool(
        PHOTO_CREDIT.match(following.text) or IMAGE_CREDIT_LINE.match(following.text)
    )


IMAGE_CREDIT_LINE = re.compile(r"^\(?(?:image|photo|picture) credit\s*:", re.IGNORECASE)


def _title_cased(text: str) -> bool:
    long_words = LONG_WORD.findall(text)
    return len(long_words) >= 2 and all(word[0].isupper() for word in long_words)


def _has_credit(line: str) -> bool:
    return bool(
        CREDIT_TAIL.search(line) or PHOTO_CREDIT.search(line) or CAPTION_CREDIT.search(line)
    ) or _names_picture_source(line)


# how a headline's fuller form goes on where its short form (a breadcrumb, an og:title) stops
LONGER_FORM_TAIL = re.compile(r"^(?:[,:;]|-\s|\s[—–]\s)\s*\w")


def _longer_form(
    flat: Sequence[tuple[int, str]], candidates: int, best: tuple[float, int, str, int, int]
) -> tuple[float, int, str, int, int]:
    """The fullest printed form of the chosen headline: the page may print it twice, once cut short
    ('... for urban kids') and once whole ('... for / urban kids, says new study')."""
    chosen: tuple[float, int, str, int, int] | None = None
    for first in range(candidates):
        for size in range(1, 5):
            piece = flat[first : first + size]
            if len(piece) < size or piece[-1][0] - piece[0][0] > 1:
                break
            text = _join_headline_lines(line for _, line in piece)
            if len(text) <= len(best[2]) or not text.casefold().startswith(best[2].casefold()):
                continue
            if chosen is not None and len(text) >= len(chosen[2]):
                continue  # the shortest such form: longer ones run on into the byline
            if LONGER_FORM_TAIL.match(text[len(best[2]) :]) and len(_normal_tokens(text)) <= 40:
                chosen = (best[0], piece[-1][0], text, first, first + size)
    return chosen or best


def _skip_label_above(flat: Sequence[tuple[int, str]], first: int, end: int, paragraphs: Sequence[Paragraph]) -> int:
    """Drop a short line printed apart above a headline block ('Bradley Cooper', 'NASCAR Cup Series',
    an image's alt text): a headline whose lines follow one another with no gap is whole without it."""
    start = next((i for i in range(first, end) if flat[i][0] != flat[first][0]), end)
    rest = flat[start:end]
    if len(rest) < 2 or not all(0 <= index < len(paragraphs) for index, _ in rest):
        return first
    opening = paragraphs[rest[0][0]]
    if opening.gap == "none" or opening.lines[0] != rest[0][1] or not rest[0][1][:1].isupper():
        return first
    # the headline's own lines: in one paragraph, or in paragraphs printed with no gap between them
    if any(index != before and paragraphs[index].gap != "none" for (before, _), (index, _) in pairwise(rest)):
        return first
    above = " ".join(line for _, line in flat[first:start])
    rest_words = sum(len(WORD.findall(line)) for _, line in rest)
    if rest_words < 6 or len(WORD.findall(above)) > 8 or HEADLINE_CONTINUES.search(above):
        return first
    return start


def _token_f1(tokens: Sequence[str], reference: Sequence[str]) -> float:
    common = sum((Counter(tokens) & Counter(reference)).values())
    return 2 * common / (len(tokens) + len(reference)) if common else 0.0


AGENCY_TAIL = re.compile(r"\s(?:AP|AFP|Reuters|REUTERS|EPA|PA|Getty|Shutterstock|Bloomberg)$")  # a caption's credit


BYLINE_TAIL = re.compile(
    r"\s+By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:on\s+|[|·•–—-]\s*)?(?=[^\d]{0,12}\d).*$"
)


def _headline_by_shape(paragraphs: Sequence[Paragraph], body_start: int) -> tuple[int | None, str | None]:
    """Without slug or title line: the nearest short, unpunctuated, non-byline paragraph above the body."""
    printed = Counter(p.text for p in paragraphs)
    column = body_column([paragraph.lines for paragraph in paragraphs])
    opening = paragraphs[body_start] if body_start < len(paragraphs) else None
    if opening and 5 <= len(opening.words) <= 25 and _sentence_headline(paragraphs, body_start, column, top=True):
        return body_start, paragraphs[body_start].text  # its score as prose put it at the body's top
    for index in range(min(body_start, len(paragraphs)) - 1, max(-1, body_start - 15), -1):
        paragraph = paragraphs[index]
        # a headline run together with its byline and date ('... to Salmon By Ann Reed on May 2, 2023')
        head = BYLINE_TAIL.sub("", paragraph.text)
        if head != paragraph.text and 5 <= len(WORD.findall(head)) <= 25 and _title_cased(head):
            return index, head
        # the headline printed twice over in one block (the heading, then its copy for another screen)
        single = _undouble_title(paragraph.text)
        if single != paragraph.text and 2 * len(single) + 1 == len(paragraph.text) and _plain_headline(single):
            return index, single
        # the headline with the byline printed on a line of its own right under it, no gap between
        # (unless a headline-like line sits above: then this is the standfirst over the byline)
        if (
            2 <= len(paragraph.lines) <= 4
            and BYLINE.match(paragraph.lines[-1])
            and not _headline_above(paragraphs, index)
        ):
            head = _join_headline_lines(paragraph.lines[:-1])
            if 3 <= len(WORD.findall(head)) <= 25 and head[:1].isupper() and not SENTENCE_END.search(head):
                return index, head
        if not _shaped_like_headline(paragraphs, index, printed, column):
            continue
        following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
        if len(following.split()) >= 3 and _ends_with(paragraph.text, following):
            return index + 1, following  # a breadcrumb trail whose last crumb is the headline under it
        above = index - 1
        if (
            above >= 0
            and paragraph.gap == "blank"
            and big_font(paragraphs[above].lines, column)
            and smaller_font(paragraphs[above].lines, paragraph.lines)
            and _shaped_like_headline(paragraphs, above, printed, column)
        ):
            index = above  # the nearest was the standfirst, in a smaller font under the headline
        return _merge_headline_paragraphs(paragraphs, index)
    return None, None


BYLINE_END = re.compile(r"\sby\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}$")


def _ends_with(text: str, tail: str) -> bool:
    """``text`` goes on into ``tail`` as its last words ('Home News Ferry returns?' / 'Ferry returns?')."""
    return text != tail and text.endswith(" " + tail)


def _shaped_like_headline(
    paragraphs: Sequence[Paragraph], index: int, printed: Counter[str], column: int | None
) -> bool:
    """A paragraph that may be the headline by its shape alone: short, capitalised, no sentence end
    (unless set in a headline font), and none of a byline, date, credit or caption."""
    paragraph = paragraphs[index]
    text = paragraph.text
    if not 5 <= len(paragraph.words) <= 25 or len(paragraph.lines) > 3:
        return False
    if re.search(r"\.[\"”’')]*$", text) and not _sentence_headline(paragraphs, index, column):
        return False
    if BYLINE.match(text) or BOILERPLATE.search(text) or _has_date(text) or CREDIT_LINE.search(text):
        return False
    if CREDIT_TAIL.search(text) or _split_caption(text) or _has_credit(text) or AGENCY_TAIL.search(text):
        return False
    if not text[:1].isupper() and text[:1] not in "\"“‘'":
        return False
    if printed.get(text, 0) >= 2 or (index > 0 and paragraphs[index - 1].text.lower() in {"by", "written by"}):
        return False  # the author's name: under a 'By' of its own, and printed again at the author's bio
    if BYLINE_END.search(text):
        return False  # a standfirst or the author's photo caption run on into the byline: under the headline
    return not (index > 0 and _continues_name_block(paragraphs[index - 1], text))


def _plain_headline(text: str) -> bool:
    """Shaped like a headline on its own: a few words, capitalised, no closing period, no date or credit."""
    return (
        5 <= len(WORD.findall(text)) <= 25
        and (text[:1].isupper() or text[:1] in "\"“‘'")
        and not text.endswith(".")
        and not BOILERPLATE.search(text)
        and not _has_date(text)
        and not _has_credit(text)
    )


def _headline_above(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Whether a headline-like line (not furniture) is printed right above paragraph ``index``."""
    if index == 0:
        return False
    above = paragraphs[index - 1]
    text = above.text
    return (
        3 <= len(above.words) <= 25
        and text[:1].isupper()
        and not text.endswith(".")
        and not BOILERPLATE.search(text)
        and not _is_headline_junk(text)
    )


def _sentence_headline(paragraphs: Sequence[Paragraph], index: int, column: int | None, top: bool = False) -> bool:
    """A headline written as sentences ('Drugs are coming. Here's how.'): printed in a headline font
    (its lines wrap well short of the body's column), opening the prose (``top``) or with its date line
    right under it."""
    paragraph = paragraphs[index]
    if not big_font(paragraph.lines, column) or index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1]
    return top or (len(following.words) <= 16 and _has_date(following.text))


def _continues_name_block(above: Paragraph, text: str) -> bool:
    """'MCCORMICK Cherry Hill Courier-Post' under 'KAITLYN / KAITLYN MCCORMICK / MCCORMICK': an author
    card printed in pieces (first name, full name, surname) whose last piece runs on into the outlet."""
    last = above.lines[-1]
    return (
        last.isupper()
        and len(last.split()) <= 2
        and len(last) >= 3
        and text.startswith(last + " ")
        and all(line.isupper() and len(line.split()) <= 4 for line in above.lines)
    )


def _merge_headline_paragraphs(paragraphs: Sequence[Paragraph], index: int) -> tuple[int, str]:
    """A headline split into paragraphs by line width: its lines are printed with no gap between them."""
    counts = Counter(p.text for p in paragraphs)

    def headline_like(paragraph: Paragraph) -> bool:
        text = paragraph.text
        return (
            len(paragraph.lines) <= 2
            and 1 <= len(paragraph.words) <= 20
            and not text.endswith((".", "!", "?"))
            and not _is_headline_junk(text)
            and counts[text] < 2
            and not (text.isupper() and not paragraphs[index].text.isupper())
        )

    start = end = index
    while start > 0 and index - start < 3 and paragraphs[start].gap == "none" and headline_like(paragraphs[start - 1]):
        above, below = paragraphs[start - 1].lines[-1], paragraphs[start].text
        if len(WORD.findall(above)) <= 2 and not (below[:1].islower() or HEADLINE_CONTINUES.search(above)):
            break  # a label printed right above ('Full Bio', 'Opinion'), not the headline's first line
        start -= 1
    lines = {line for paragraph in paragraphs for line in paragraph.lines}
    while end + 1 < len(paragraphs) and end - index < 3 and paragraphs[end + 1].gap == "none":
        following, last_line = paragraphs[end + 1], paragraphs[end].lines[-1]
        # a Title Case tail ('Coat') joins when the page prints the joined headline whole elsewhere too
        whole = _join_headline_lines(p.text for p in paragraphs[start : end + 2]) in lines
        if not headline_like(following) or not (
            whole or following.text[:1].islower() or HEADLINE_CONTINUES.search(last_line)
        ):
            break
        end += 1
    return end, _join_headline_lines(p.text for p in paragraphs[start : end + 1])


def _has_date(text: str) -> bool:
    return any(pattern.search(text) for pattern in TEXT_DATES)


CREDIT_LINE = re.compile(r"\b(?:getty images|photo|image credit|illustration|shutterstock|/ ?ap|reuters)\b", re.I)


def _title_from_slug(slug_words: Sequence[str], body: str) -> str | None:
    """A title made from the URL slug, each word cased the way the body writes it.

    A word the body ever writes in lower case is a common word (its capitals come from sentence
    starts); a word it only writes capitalised ('Kremlin', 'AFP') keeps its most frequent form."""
    if not slug_words:
        return None
    written: dict[str, Counter[str]] = {}
    for token in WORD.findall(body):
        written.setdefault(token.lower(), Counter())[token] += 1
    words = []
    for n, word in enumerate(slug_words):
        forms = written.get(word)
        chosen = word if not forms or forms.get(word) else forms.most_common(1)[0][0]
        words.append(chosen[0].upper() + chosen[1:] if n == 0 else chosen)
    return " ".join(words)


# ---------------------------------------------------------------------------------------------------------
# body

BOILERPLATE = re.compile(
    r"\b(?:cookies?|subscribe|subscription|subscriber|newsletters?|sign (?:up|in)|log ?in|privacy policy|"
    r"terms of (?:use|service)|all rights reserved|advertisement|share (?:this|on)|follow us|"
    r"(?:leave|post|add|view|show|load) (?:a |the |all )?comments?|\d+ comments|read more|"
    r"related (?:articles?|stories|content)|recommended for you|most (?:popular|read)|click here|"
    r"download (?:the|our) app|skip to|trending now|ad choices|contact us|about us|sign up|"
    r"subject to copyright|unauthori[sz]ed use|comments are closed|click(?:ing)? here|"
    r"listen to this (?:story|article)|get the (?:full )?recipe|"
    # affiliate disclosures printed above or inside shopping articles
    r"(?:may|might) (?:receive|earn|get) (?:a |an )?(?:small )?(?:affiliate )?(?:compensation|commission|revenue)|"
    r"affiliate (?:links?|commissions?|relationships?|programs?))\b|©|"
    # reference lines under science and wire stories ('Citation: ...', 'More information: ...')
    r"^(?:citation|more information|journal information|provided by)\s*:",
    re.IGNORECASE,
)
PROMO = re.compile(
    r"^(?:exclusive\s+)?(?:related(?: articles?| stories| story| content| reading| coverage)?|read (?:more|also|next)|"
    r"see also|also read|must read|don'?t miss|more on this|recommended|watch|listen|more)"
    r"\s*(?:[:»]|-(?=\s*[A-Z])|\s[–—-]\s)\s*\S",
    re.IGNORECASE,
)


END_NOTE = re.compile(
    r"\S@\S+\.\w\w|\b(?:contributed (?:to )?(?:this|reporting)|edited for (?:length|clarity)|"
    r"originally (?:appeared|published|ran)|cross-posted|can be reached at|writes about|through a link on|"
    r"for informational purposes only|(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,4}(?:writer|reporter|editor|"
    r"correspondent|analyst|columnist|contributor|journalist|critic|fellow|chairman|professor)\b|"
    # credits and notes about the story itself: who reported, what changed, where it also runs
    r"(?:a )?previous ver(?:si|is)on of this (?:story|article)|this (?:story|article|episode) (?:was|has been) "
    r"(?:corrected|produced|edited)|will appear in (?:the )?.{0,30}\bissue\b|appears in print|"
    r"(?:may|can) be reached\b)|^(?:corrections?|clarification)\b|"
    r"^(?:contributing|(?:additional )?reporting by|editing by|writing by)\b|"
    r"^(?:styling|grooming|hair|makeup|prop styling)\s*:|^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} @\w+$",
    re.IGNORECASE,
)


def _is_end_note(text: str) -> bool:
    """A note under the story: the author's bio or address, a correction, a 'first appeared in' line."""
    return len(WORD.findall(text)) <= 60 and bool(END_NOTE.search(text))


# an author's bio ('Jane Doe is a senior reporter for ...') or contact line: narrower than END_NOTE, since it
# cuts the paragraphs under it too
BIO_NOTE = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was|has been) (?:a|an|the) (?:[\w-]+ ){0,4}(?:writer|reporter|editor|"
    r"correspondent|columnist|contributor|journalist|critic)s?\b|\b(?:can|may) be reached\b"
)
# notices the outlet prints above or under every story: affiliate and opinion disclaimers, inbox promos,
# method notes; at the body's edges they are the page's, not the writer's
DISCLAIMER = re.compile(
    r"\baffiliate (?:links?|partnerships?|commissions?|programs?)\b|"
    r"\b(?:we|may) (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)\b|"
    r"\bopinions expressed (?:by|in) [\w\s]{1,40}(?:are (?:their|the author)|do not)|"
    r"\b(?:brighten|sign up to get .{1,40}) (?:in )?your inbox\b|\bin your inbox\b|"
    r"\bthe data used to compile this article\b|"
    # the outlet's standards notes and advice disclaimers under a story
    r"\bfor (?:educational|informational|general)(?: and (?:educational|informational))? (?:purposes|use) only\b|"
    r"\buses only high-quality sources\b|\bjournalistic mission\b|\beditorial (?:policy|policies|standards)\b",
    re.IGNORECASE,
)
DISCLAIMER_WORDS = 70


# what a page prints between the headline and the story: reading time, a labelled date, the byline with
# the story's age ('Ann Reed 2 months'), a rating prompt
HEAD_META = re.compile(
    r"\b\d+\s*min(?:ute)?s?\.? read\b|\b(?:posted|published|updated)\s*:|"
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} \d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?: ago)?$|"
    r"\bbe the first to (?:rate|review|comment)\b",
    re.IGNORECASE,
)
HEAD_META_WORDS = 30


def _trim_head_meta(body: list[str]) -> list[str]:
    """Drop the reading time, dated byline and rating prompt left over the story's first paragraph."""
    start = 0
    while len(body) - start > 1 and len(WORD.findall(body[start])) <= HEAD_META_WORDS and HEAD_META.search(body[start]):
        start += 1
    return body[start:]


def _trim_disclaimers(body: list[str]) -> list[str]:
    def notice(text: str) -> bool:
        return len(WORD.findall(text)) <= DISCLAIMER_WORDS and bool(DISCLAIMER.search(text))

    start, end = 0, len(body)
    while end - start > 1 and notice(body[start]):
        start += 1
    while end - start > 1 and notice(body[end - 1]):
        end -= 1
    return body[start:end]


BIO_TAIL_WORDS = 40  # a bio's own further lines are short; a paragraph of the story runs longer
END_NOTE_REACH = 4  # paragraphs from the end: an author's bio runs to two or three, a sign-off under it


def _end_notes_start(body: Sequence[str]) -> int:
    """Where the notes under the story begin: the first end note among the last paragraphs when only
    short paragraphs follow it (the rest of a bio, a sign-off); else the end of the body."""
    for index in range(max(1, len(body) - END_NOTE_REACH), len(body)):
        rest = body[index + 1 :]
        if (
            _is_end_note(body[index])
            and BIO_NOTE.search(body[index])
            and all(len(WORD.findall(text)) <= BIO_TAIL_WORDS for text in rest)
        ):
            return index
    return len(body)


# what a page prints under a story to keep the reader: newsletters, follow and join prompts, events
TAIL_PROMO = re.compile(
    r"\b(?:newsletters?|sign(?:ing)? up|subscribe|subscription|inbox|email updates?|daily email|"
    r"follow (?:us|the \w+(?: \w+)? (?:page|account))|join (?:us|our)|get (?:every|the latest) updates?|"
    r"don'?t miss (?:out|a)|stay (?:on|ahead|informed|up to date)|"
    r"accepting applications|apply by|invitation-only|download (?:our|the) app|more (?:news|stories) like this)\b",
    re.IGNORECASE,
)
# a promo speaks to the reader ('your inbox', 'Join us', 'Sign up'); a story's closing line about a
# subscription or a newsletter does not
ADDRESSES_READER = re.compile(
    r"\byou(?:r|'re|’re)?\b|"
    r"^(?:\W*)(?:sign|join|get|subscribe|follow|download|stay|don'?t|now|apply|a (?:daily|weekly))\b",
    re.IGNORECASE,
)
TAIL_PROMO_WORDS = 45  # a promo is a line or two; a paragraph of the story that mentions a newsletter runs longer


# a reference under a science story: 'Jane Doe et al. 2023. Title. Journal', '[2] Report, p. 5', a DOI
CITATION = re.compile(
    r"\bet al\.?,? \(?(?:19|20)\d\d\b|\bdoi:? ?10\.\d|^\[\d{1,3}\] |^\d{1,3}\. [A-Z][\w'’-]+ [A-Z]{1,3}(?:,|\.| et al)"
)
REFERENCE_HEADING = re.compile(r"^(?:references|footnotes|sources|bibliography|notes|citations?)\s*:?$", re.IGNORECASE)
CITATION_WORDS = 80


def _trim_tail_promos(body: list[str]) -> list[str]:
    """Drop the newsletter, follow and event prompts and the reference list printed under the story
    (short paragraphs at its very end)."""
    end = len(body)
    while end > 1:
        text, words = body[end - 1], len(WORD.findall(body[end - 1]))
        promo = words <= TAIL_PROMO_WORDS and bool(TAIL_PROMO.search(text)) and bool(ADDRESSES_READER.search(text))
        reference = words <= CITATION_WORDS and bool(CITATION.search(text) or REFERENCE_HEADING.match(text))
        if not (promo or reference):
            break
        end -= 1
    return body[:end]


STORY_END_SHARE = 0.6  # where in the body an end note may cut what follows it


def _story_end(body: Sequence[str]) -> int:
    """Where the story stops: its first end note (the author's bio, a 'contributed to this report', a
    correction) in the body's last part; what the page prints under it is no part of the story."""
    first = max(3, int(len(body) * STORY_END_SHARE))
    for index in range(first, len(body)):
        following = body[index + 1] if index + 1 < len(body) else ""
        if _ends_story(body[index]) and not (STORY_GOES_ON.match(following) or REPORTED.search(following)):
            return index
    return len(body)


# the story goes on about the person a bio-like sentence named: 'He said ...', 'Her book ...'
STORY_GOES_ON = re.compile(r"(?:he|she|they|his|her|their|it|its)\b", re.IGNORECASE)


# 'Jane Doe is senior political analyst for ...', 'John Roe is chairman of ...': a bio opens with the
# author's name and their post, with or without an article before it
AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w.'’-]+ ){2,3}(?:is|was|has been|serves as) (?:a |an |the )?(?:[\w'’&-]+ ){0,5}"
    r"(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|critic|analyst|chair(?:man|woman)?|"
    r"officer|director|president|founder|professor|fellow|author|host|producer|lecturer|researcher|economist|"
    r"consultant|strategist|commentator)s?\b"
)
REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
# the author's card under the story: 'Author: Ann Reed, Editor', 'Recent stories by Ann Reed:'
AUTHOR_CARD = re.compile(
    r"(?:author|about the author)\s*:\s*[A-Z]|(?:recent|more|latest) (?:stories|articles|posts) by\b", re.I
)
EMAIL_SHORT_NOTE = 30  # words: 'You can email Ann at ...' ends a story; a paragraph that names an address may not


def _ends_story(text: str) -> bool:
    """An end note that nothing of the story follows. A role ('is an author and professor') inside a
    sentence, or an address inside a long paragraph, is the story's own."""
    words = len(WORD.findall(text))
    if words > 60:
        return False
    if BIO_NOTE.search(text) or AUTHOR_CARD.match(text) or REFERENCE_NOTE.match(text) or STANDARDS_NOTE.search(text):
        return True
    if AUTHOR_BIO.match(text) and not REPORTED.search(text):
        return True  # (a source introduced by name and post is quoted or said something: the story's own)
    for match in END_NOTE.finditer(text):
        found = match.group(0)
        if "@" in found and not found.startswith("@"):
            if words <= EMAIL_SHORT_NOTE:
                return True
        elif not re.match(r"(?:is|was)\s", found, re.IGNORECASE):
            return True
    return False


def _is_content_like(text: str) -> bool:
    return len(WORD.findall(text)) >= 12 and bool(SENTENCE_END.search(text))


def _link_anchor_score(text: str, links: Sequence[PageLink], page: int) -> float:
    """How well a short text matches the slug of a link on its page: headlines of link lists do."""
    tokens = set(_normal_tokens(text))
    if not tokens or len(tokens) > 30:
        return 0.0
    best = 0.0
    for link in links:
        if abs(link.page - page) > 0:
            continue
        slug = _slug_words(link.url)
        if len(slug) < 3:
            continue
        best = max(best, _slug_match(text, slug, fuzzy=False))
    return best


SCORE_CAP = 40.0  # words beyond this add nothing: one long paragraph must not pull in a distant region
SHORT_PENALTY = 5.0  # tuned on the dev set: 4.0 let short menu items glue separate prose runs together


PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?:photo|image|credit|getty|reuters|afp|epa)\b[^()]*)\)|\b(?:getty images|shutterstock|"
    r"image credit:[^.]*|photograph:[^.]*|photo:[^.]*|photo by [^.]*|credit:[^.]*))\s*$",
    re.IGNORECASE,
)


# an embedded social-media post printed in the page: its short link, photo link, or its signature line
# ('— Ann Lee (@annlee) March 4, 2025'); quoted posts are the page's furniture, never the article's prose
EMBEDDED_POST = re.compile(
    r"\bpic\.twitter\.com/|\bhttps?://t\.co/|\(@\w{1,30}\)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
EMBEDDED_POST_SCORE = -10.0  # cheap to cross: posts sit between the article's own paragraphs


def _is_embedded_post(paragraph: Paragraph) -> bool:
    return len(paragraph.words) <= 80 and bool(EMBEDDED_POST.search(paragraph.text))


# more ways a caption names its picture's source: '(Carlos Ruiz/AP)', '... Credit: IMO.', 'Photograph by
# Ann Lee.', 'PHOTO BY ANN LEE ...', '... EPA/ANN LEE', a line that is only 'Ann Lee/Insider', and the alt
# text of a product shot ('... bottle on a white background')
CAPTION_SOURCE = re.compile(
    r"\b(?:credit|photo|photograph|image|picture|screenshot|screengrab|illustration|graphic)s?\s*:\s*[^.:]{1,60}\.?\s*$"
    r"|\b(?:photo|photograph|image|illustration|picture)s?\s+(?:by|courtesy of)\s+[^.]{2,60}\.?\s*$"
    r"|^(?:photo|photograph|image|picture)s?\s+(?:by\s|courtesy\b|:)"
    r"|\bon (?:a )?(?:white|grey|gray|black|pink|blue|beige|green|red|yellow|orange|purple|colou?red) background$",
    re.IGNORECASE,
)
# the source's name is capitalised: these are matched with case kept
CAPTION_SOURCE_NAME = re.compile(
    r"\([A-Z][^()]{0,60}/[^()]{1,60}\)\s*$"
    r"|[.!?][\"”’)]?\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}/[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}$"
    r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$"
)


# how captions open: a wire photo's 'FILE - ', or the people in the picture with their place in it
# ('Ann Lee, centre, meets ...', 'Ann Lee, top left, smiles ...')
CAPTION_OPENING = re.compile(
    r"^(?:FILE\s*[-–—]\s|FILE PHOTO\b|From (?:left|right|top|bottom)(?: to (?:right|left|bottom|top))?:\s)|"
    r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4},\s\(?(?:left|right|center|centre|"
    r"top|bottom|top left|top right|bottom left|bottom right|front|back|second from (?:left|right)|far (?:left|right)|"
    r"foreground|background)\)?,\s"
)


# an image's description standing in for it ('A screenshot of ...', 'Close-up of ...', 'Animation showing ...')
ALT_TEXT_OPENING = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:screenshot|screen grab|screengrab|photo|photograph|image|picture|"
    r"illustration|rendering|render|still|close-up|closeup|map|chart|graph|gif|diagram|infographic|animation)s?\s+"
    r"(?:of|showing|shows|depicting|from)\b",
    re.IGNORECASE,
)


def _is_credited_caption(paragraph: Paragraph) -> bool:
    text = paragraph.text
    if labelled_credit(text):
        return True
    if len(paragraph.words) <= 100 and (CAPTION_OPENING.search(text) or ALT_TEXT_OPENING.search(text)):
        return True
    if len(paragraph.words) > 60:
        return False
    return bool(CREDIT_TAIL.search(text) or PHOTO_CREDIT.search(text) or _names_picture_source(text))


# an agency's credit anywhere in a short text: 'Ann Lee/Getty Images for Vogue', 'REUTERS/Ann Lee/File Photo'
AGENCY_CREDIT = re.compile(
    r"(?i:\bgetty images\b|\blicensing rights\b)|/(?:AP|AFP|EPA|REUTERS|Reuters|Getty)\b|\b(?:AP|AFP|EPA|REUTERS)/"
)


def _names_picture_source(text: str) -> bool:
    if len(WORD.findall(text)) <= 15 and AGENCY_CREDIT.search(text):
        return True
    return bool(CAPTION_SOURCE.search(text) or CAPTION_SOURCE_NAME.search(text))


def _capitalised_share(words: Sequence[str]) -> float:
    alphabetic = [w for w in words if w[:1].isalpha()]
    return sum(1 for w in alphabetic if w[0].isupper()) / len(alphabetic) if alphabetic else 0.0


def _paragraph_score(paragraph: Paragraph, links: Sequence[PageLink]) -> float:
    """How much a paragraph looks like article prose (positive) or page furniture (negative)."""
    text = paragraph.text
    words = paragraph.words
    count = len(words)
    sentence = bool(SENTENCE_END.search(text))
    if PROMO.match(text):
        return -10.0
    if _is_embedded_post(paragraph):
        return EMBEDDED_POST_SCORE
    boiler = len(BOILERPLATE.findall(text))
    if boiler and count < 40:
        return -max(10.0, float(count))
    if _is_credited_caption(paragraph):
        return -10.0  # a photo caption with its credit
    if count <= 40 and text.endswith(("...", "…")) and not text.endswith((" ...", " …")):
        return -10.0  # a teaser cut off mid-sentence: a promo for another article
    prose_sentence = sentence and text.endswith((".", ".”", '."')) and count >= 8
    if count <= 30 and not prose_sentence and _link_anchor_score(text, links, paragraph.page) >= 0.6:
        return -10.0
    if count >= 4 and _capitalised_share(words) > 0.5 and not (sentence and count > 12):
        return -(SHORT_PENALTY + 0.3 * count)  # headline lists and menus write every word capitalised
    value = min(float(count), SCORE_CAP)
    if count >= 12 and sentence:
        return value
    if count >= 25:
        return 0.5 * value
    if sentence and count >= 6:
        return 0.5 * value
    return -(SHORT_PENALTY + 0.3 * count)


SECTION_END_SCORE = -60.0  # a related-stories box mid-article is crossed only when prose follows it
HARD_STOP_PROSE = 100.0  # after a few paragraphs of prose, comments or a next article end the body for good
COMMENTS_SCORE = -1000.0  # nothing of the article comes after the readers' comments
COMMENTS_COUNT = re.compile(r"^\W*\d+\s+comments?\b", re.IGNORECASE)
COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:reader )?comments?|responses|replies|discussion|join the (?:conversation|discussion)|"
    r"leave a (?:reply|comment)|add a comment|post a comment|show comments|view comments|conversation)"
    r"(?:\s*\(?\d+\)?)?\W*$",
    re.IGNORECASE,
)
SECTION_END = re.compile(
    r"^(?:(?:related|more|recommended|latest|popular|trending|top|editor'?s?’?s?|most|next|further|also|you may|"
    r"people are|don'?t miss|best of|around the|tags?|topics?|comments?|about the authors?|"
    r"footer|read next|watch next|what to read)\b[^.!?]{0,60}|"
    r"[^.!?]{1,40}\s(?:picks|links|stories|articles|headlines|news|reads|topics|videos|comments)[:]?)$",
    re.IGNORECASE,
)


def _paragraph_scores(paragraphs: Sequence[Paragraph], links: Sequence[PageLink]) -> list[float]:
    scores = [_paragraph_score(p, links) for p in paragraphs]
    seen = Counter(p.text for p in paragraphs if len(p.words) >= 3)
    for index, paragraph in enumerate(paragraphs):
        if seen[paragraph.text] >= 3:
            # the same text again and again: a notice (costly) or an in-article ad label (cheap to cross)
            scores[index] = -min(40.0, max(5.0, float(len(paragraph.words))))
        elif COMMENTS_HEADING.match(paragraph.text) or COMMENTS_COUNT.match(paragraph.text):
            scores[index] = COMMENTS_SCORE
        elif _is_section_end(paragraphs, scores, index):
            scores[index] = SECTION_END_SCORE
    prose_before = 0.0
    for index in range(1, len(paragraphs)):
        prose_before += max(scores[index - 1], 0.0)
        # the first headline-byline-prose run of the page, with no prose above it, is the article's own
        if prose_before >= TRIM_PROSE_LIMIT and _starts_another_article(paragraphs, scores, index):
            scores[index] = COMMENTS_SCORE
    return scores


RELATIVE_TIME = re.compile(r"\b\d+\s*(?:[smhd]|min|mins|hours?|days?)\s+ago\b", re.IGNORECASE)


def _is_dateline(paragraph: Paragraph) -> bool:
    text = paragraph.text
    if len(paragraph.words) > 14 or len(paragraph.lines) > 2 or "@" in text or text[:1] in "—–-":
        return False  # '— Name (@handle) date' closes an embedded post, not an article
    label = FIELD_LINE.match(text)
    if label and not re.match(r"(?i)(?:published|updated|posted|date|modified)\b", text):
        return False  # 'Last fight: Nov. 1, 2022 - ...': a fact line of a list entry
    if NARRATED_DAY.match(text):
        return False  # 'It's November 24, 1971.': the story telling a day, not a date line
    return bool(BYLINE.match(text) or RELATIVE_TIME.search(text) or (_has_date(text) and len(paragraph.words) <= 10))


# a sentence that narrates a day: a subject and a verb before the date, and a full stop after it
NARRATED_DAY = re.compile(
    r"^(?:it|this|that|today|tomorrow|yesterday)(?:['’]s| is| was| will be)\s.*[.!]$", re.IGNORECASE
)


def _starts_another_article(paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int) -> bool:
    """A headline, then a byline or date line, then prose: the next article of an infinite-scroll page."""
    if not _is_dateline(paragraphs[index]):
        return False
    following = scores[index + 1 : index + 4]
    if not following or max(following) < 15:
        return False
    for back in (1, 2):
        if index - back < 0:
            break
        candidate = paragraphs[index - back]
        count = len(candidate.words)
        if 4 <= count <= 30 and not candidate.text.endswith(".") and scores[index - back] <= 0:
            return True
        if not _is_dateline(candidate):
            break
    return False


def _is_section_end(paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int) -> bool:
    """A heading such as 'Related stories', 'More from us' or 'Comments' opening a list, not prose."""
    text = paragraphs[index].text
    if len(paragraphs[index].words) > 8 or SENTENCE_END.search(text) or not SECTION_END.match(text):
        return False
    if PROMO.match(text):
        return False  # 'More: <headline>' is one promo inside the story, not a heading over a list
    following = scores[index + 1 : index + 3]
    return not following or max(following) <= 0


GAP_CAP = 120.0  # set on the dev set (100-140 score within 0.001; 40 let comments and promos join the body)


def _cap_gaps(scores: Sequence[float]) -> list[float]:
    """Scores for finding the article's run, where a run of short furniture between two paragraphs
    (a shopping article's product tiles, a gallery's captions) costs at most GAP_CAP: one paragraph of
    prose on each side is worth crossing it. Headings that end a section are kept at their full cost."""
    capped = list(scores)
    run: list[int] = []
    for index in range(len(scores) + 1):
        if index < len(scores) and SECTION_END_SCORE < scores[index] < 0:
            run.append(index)
            continue
        total = -sum(scores[i] for i in run)
        if total > GAP_CAP:
            for i in run:
                capped[i] = scores[i] * GAP_CAP / total
        run = []
    return capped


def _best_region_from(scores: Sequence[float], start: int) -> tuple[int, int]:
    """Starting at the first prose paragraph from ``start``, the end that gives the highest total.

    A section heading ('Related stories', 'Comments') ends the article only once some of its prose
    has been read: above the body the same headings label share bars and teasers."""
    while start < len(scores) and scores[start] <= 0:
        start += 1
    best_sum, best_end, running, prose = 0.0, start, 0.0, 0.0
    for i in range(start, len(scores)):
        score = scores[i]
        if score <= COMMENTS_SCORE and prose >= HARD_STOP_PROSE:
            # comments or the next article of an infinite-scroll page: however long the text after it,
            # it belongs to something else (crossing it would let _trim_front drop this article instead)
            break
        if score <= SECTION_END_SCORE and prose < 60:
            score = -10.0
        running += score
        prose += max(score, 0.0)
        if running > best_sum:
            best_sum, best_end = running, i + 1
    return start, best_end


FAR_REGION_RATIO = 2.0
OPENING_MOST = 6 * SCORE_CAP  # six full paragraphs: more under the headline is a story of its own


def _join_far_region(
    near: tuple[int, int], best: tuple[int, int], scores: Sequence[float], paragraphs: Sequence[Paragraph]
) -> tuple[int, int]:
    """The run under the headline, reaching on to the page's best run of prose when that one lies
    further down and weighs far more: the story's opening, then a block of ads or menus, then the rest.
    (A whole story under the headline, then a longer one further down, is an infinite-scroll page.)"""
    opening = sum(scores[near[0] : near[1]])
    if best[0] < near[1] or opening > OPENING_MOST or sum(scores[best[0] : best[1]]) < FAR_REGION_RATIO * opening:
        return near
    if any(_starts_another_article(paragraphs, scores, index) for index in range(near[1], best[0] + 1)):
        return near  # a headline and its date line between: the run further down is the next story
    return near[0], best[1]


TRIM_PROSE_LIMIT = 60.0  # about two paragraphs: past that the front is the article's own opening


def _trim_front(scores: Sequence[float], start: int, end: int) -> int:
    """Drop a front part that costs more than it brings (furniture between a far-off headline and the body)."""
    best_start, best_sum = start, sum(scores[start:end])
    running, dropped_prose = best_sum, 0.0
    for i in range(start, end - 1):
        running -= scores[i]
        dropped_prose += max(scores[i], 0.0)
        if dropped_prose >= TRIM_PROSE_LIMIT:
            break  # this much prose under the headline is the article's opening, not furniture
        if running > best_sum:
            best_start, best_sum = i + 1, running
    return best_start


PROSE_SCORE_MIN = 15.0  # as in _is_subheading and _announced_list: a paragraph scoring this is prose
FLAGGED_SCORE = -10.0  # what _paragraph_score gives a promo, a linked headline, a caption or a teaser cut short
REACH_WORDS = 50  # a full paragraph of the story: a product tile or a caption runs far shorter
REACH_STOP_WORDS = 25  # a longer block that is not prose (a teaser, a notice) ends the story
COMMENT_WORD = re.compile(r"\bcomment(?:s|ing)?\b", re.IGNORECASE)


def _reach_on(paragraphs: Sequence[Paragraph], scores: Sequence[float], region: tuple[int, int]) -> tuple[int, int]:
    """The region reaching on past short furniture (product tiles, picture credits) to the story's
    further full paragraphs: blocks of three lines or more, in the body's column, scoring as prose."""
    start, end = region
    widths = sorted(_block_width(paragraphs[i]) for i in range(start, end) if len(paragraphs[i].lines) >= 3)
    if len(widths) < 2:
        return region  # too little of the story to know its column
    column = widths[len(widths) // 2]

    def stops(index: int) -> bool:
        paragraph, score = paragraphs[index], scores[index]
        text = paragraph.text
        if score <= SECTION_END_SCORE or SECTION_END.match(text) or _is_dateline(paragraph):
            return True  # a section heading, comments, another story's date line
        if score == FLAGGED_SCORE and not _is_credited_caption(paragraph):
            return True  # a linked headline, a promo, a teaser cut short (a picture's credit is crossed)
        if BOILERPLATE.search(text) or PROMO.match(text) or COMMENT_WORD.search(text):
            return True
        return score < PROSE_SCORE_MIN and len(paragraph.words) > REACH_STOP_WORDS

    def full_paragraph(index: int) -> bool:
        paragraph = paragraphs[index]
        return (
            scores[index] >= PROSE_SCORE_MIN
            and len(paragraph.words) >= REACH_WORDS
            and len(paragraph.lines) >= 3
            and _block_width(paragraph) >= NARROW_COLUMN * column
        )

    return start, reach_on(end, len(paragraphs), stops, full_paragraph)


def _best_region(scores: Sequence[float]) -> tuple[int, int]:
    """The run of paragraphs with the highest total score (maximum-sum subarray), as [start, end)."""
    best_sum, best_range = 0.0, (0, 0)
    running, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, run_start = 0.0, i
        running += score
        if running > best_sum:
            best_sum, best_range = running, (run_start, i + 1)
    return best_range


def _body_indices(
    paragraphs: Sequence[Paragraph], scores: Sequence[float], region: tuple[int, int], title_index: int | None
) -> list[int]:
    start, end = region
    if title_index is not None and title_index >= start:
        start = title_index + 1
    listed = _announced_list(paragraphs, scores, start, end)
    notices = printed_often((p.text, p.page) for p in paragraphs)
    notices |= printed_twice_close([p.text for p in paragraphs])
    # (only the region's blocks are looked at: the rest of a long page costs nothing)
    item_like = [
        start <= i < end and scores[i] != FLAGGED_SCORE and _is_list_item(p, notices) for i, p in enumerate(paragraphs)
    ]
    label_like = [start <= i < end and _is_list_label(p, notices) for i, p in enumerate(paragraphs)]
    listed |= bullet_runs(scores, item_like, label_like, start, end)
    kept = [
        i
        for i in range(start, end)
        if (
            scores[i] > -5.0
            or len(paragraphs[i].words) > 12
            or _is_subheading(paragraphs, scores, i, start, end)
            or _is_entry_field(paragraphs, scores, i, end)
            or _is_short_sentence(paragraphs, scores, i, start, end)
            or i in listed
        )
        and not _is_embedded_post(paragraphs[i])
        and not _is_credited_caption(paragraphs[i])
        and paragraphs[i].text not in notices
        and not alt_text(paragraphs[i].text)
        and not cut_teaser(paragraphs[i].text)
    ]
    # the article's prose fills one column; a block of full lines in a narrower column (a sidebar, a
    # teaser, a caption) sitting inside the region is not part of it. A wider block is kept: the body
    # runs full width once a sidebar beside it ends, so most wide blocks are the article's own prose
    widths = sorted(_block_width(paragraphs[i]) for i in kept if len(paragraphs[i].lines) >= 3)
    if len(widths) < 3:
        return kept
    column = widths[len(widths) // 2]
    narrow = {i for i in kept if len(paragraphs[i].lines) >= 2 and _block_width(paragraphs[i]) < NARROW_COLUMN * column}
    # a numbered list runs in its own, narrower column, item after item: the article's, not a sidebar's
    items = {i for i in narrow if NUMBERED_HEADING.match(paragraphs[i].text)}
    if len(items) >= LIST_ITEMS_OWN:
        narrow -= items
    return [i for i in kept if i not in narrow]


LIST_ITEMS_OWN = 3


def _is_standfirst(
    paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int, body_indices: Sequence[int]
) -> bool:
    """The standfirst printed right under the headline ('Tourists returned; office workers did not.'):
    the article's own opening line, though it sits apart from the body's prose."""
    if not body_indices or not index < body_indices[0] or index >= len(paragraphs):
        return False
    paragraph = paragraphs[index]
    text = paragraph.text
    if not 5 <= len(paragraph.words) <= 60 or len(paragraph.lines) > 4 or text.isupper():
        return False
    if not (text[:1].isupper() or text[:1] in "\"“‘'"):
        return False
    if scores[index] <= SECTION_END_SCORE or BYLINE.match(text) or _has_date(text) or RELATIVE_TIME.search(text):
        return False
    if BOILERPLATE.search(text) or PROMO.match(text) or _is_credited_caption(paragraph) or _is_embedded_post(paragraph):
        return False
    if _has_credit(text) or _split_caption(text) or AGENCY_CREDIT.search(text) or text.endswith(("…", "...")):
        return False  # a caption, or a teaser cut short
    if _title_cased(text) or re.search(r"\bBy [A-Z]", text) or re.match(MONTH + r"\s+\d", text, re.IGNORECASE):
        return False  # another headline, a byline, a date line
    headline = _normal_tokens(paragraphs[index - 1].text) if index > 0 else []
    return _token_f1(_normal_tokens(text), headline) < 0.8  # not the headline printed again


def _is_subheading(paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int, start: int, end: int) -> bool:
    """A short line inside the story with prose under it: a section heading of the article itself
    ('What is short sleep?', '3. Ann Lee, 26, lightweight champion'), not page furniture."""
    if index + 1 >= end or index <= start or scores[index] <= SECTION_END_SCORE:
        return False
    paragraph = paragraphs[index]
    text = paragraph.text
    numbered = bool(NUMBERED_HEADING.match(text))
    if (
        _next_prose(paragraphs, scores, index, end) if numbered else index + 1 if scores[index + 1] >= 15 else None
    ) is None:
        return False
    if len(paragraph.lines) > 2 or len(paragraph.words) > 20 or text.endswith((".", ",", ";")):
        return False
    if not re.search(r"[^\W\d_]{2,}", text):
        return False  # '0:00': a video player's clock
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'"):
        return False
    if ("/" in text and len(paragraph.words) <= 4) or _names_picture_source(text) or _is_credited_caption(paragraph):
        return False  # 'Ann Lee/Insider': a picture's credit between two paragraphs, not a heading
    if BOILERPLATE.search(text) or PROMO.match(text) or SECTION_END.match(text) or COMMENTS_HEADING.match(text):
        return False
    if _is_embedded_post(paragraph) or BYLINE.match(text) or _has_date(text):
        return False
    if any(other.text == text for n, other in enumerate(paragraphs) if n != index):
        return False  # printed again elsewhere: a label ('Content continues below'), not a heading
    if NUMBERED_HEADING.match(text) or text.endswith("?"):
        return max(scores[start:index]) >= 15  # a list's numbered entry or a question the next part answers
    # any other short line: a plain heading only between two paragraphs of prose (else a gallery's caption)
    return scores[index] > SUBHEADING_SCORE and scores[index - 1] >= 15


NUMBERED_HEADING = re.compile(r"^\d{1,3}[.)]\s+\S")
# a fact line of a list entry: 'Record: 40-0, 31 KOs', 'Next fight: TBA', 'Price: $49'
FIELD_LINE = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: \S")


def _is_field_line(paragraph: Paragraph) -> bool:
    return (
        len(paragraph.lines) == 1
        and len(paragraph.words) <= 14
        and bool(FIELD_LINE.match(paragraph.text))
        and not _names_picture_source(paragraph.text)
        and not BOILERPLATE.search(paragraph.text)
        and not PROMO.match(paragraph.text)
    )


def _next_prose(paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int, end: int) -> int | None:
    """The prose paragraph a list entry's heading leads to, past its fact lines and its picture."""
    following = index + 1
    while following < end and following - index <= 6:
        if not (_is_field_line(paragraphs[following]) or _is_credited_caption(paragraphs[following])):
            break
        following += 1
    return following if following < end and scores[following] >= 15 else None


def _is_entry_field(paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int, end: int) -> bool:
    """A fact line between a numbered entry's heading and its prose."""
    if not _is_field_line(paragraphs[index]):
        return False
    back = index - 1
    while back >= 0 and index - back <= 6 and _is_field_line(paragraphs[back]):
        back -= 1
    heading = back >= 0 and bool(NUMBERED_HEADING.match(paragraphs[back].text))
    return heading and _next_prose(paragraphs, scores, index, end) is not None


SUBHEADING_SCORE = -9.0


LIST_ITEM_WORDS = 30
LIST_MOST_ITEMS = 25


def _announced_list(paragraphs: Sequence[Paragraph], scores: Sequence[float], start: int, end: int) -> set[int]:
    """The items of a list the prose announces ('Here are the highlights:'): short lines, kept up to
    the next paragraph of prose, though each alone scores as furniture."""
    listed: set[int] = set()
    for index in range(start, end - 1):
        text = paragraphs[index].text
        if scores[index] < 15 or not text.endswith(":"):
            continue
        items: list[int] = []
        following = index + 1
        while following < end and scores[following] < 15 and len(items) < LIST_MOST_ITEMS:
            item = paragraphs[following]
            if len(item.words) > LIST_ITEM_WORDS or BOILERPLATE.search(item.text) or PROMO.match(item.text):
                break
            if _is_credited_caption(item) or _is_embedded_post(item) or scores[following] <= SECTION_END_SCORE:
                break
            items.append(following)
            following += 1
        if len(items) >= 2:
            listed.update(items)
    return listed


LIST_ITEM_MOST_LINES = 2


def _is_list_item(paragraph: Paragraph, notices: set[str]) -> bool:
    """A line shaped like one item of a list printed without bullets: short, in sentence case (menus
    and headline boxes capitalise every word), ending no sentence (a caption between two paragraphs
    does), and nothing a page prints as furniture."""
    text = paragraph.text
    words = paragraph.words
    if not 2 <= len(words) <= LIST_ITEM_WORDS or len(paragraph.lines) > LIST_ITEM_MOST_LINES or text in notices:
        return False
    if SENTENCE_END.search(text) or text.endswith((":", "…")) or text.isupper() or _capitalised_share(words) > 0.5:
        return False
    if "@" in text or "www." in text or BOILERPLATE.search(text) or PROMO.match(text) or SECTION_END.match(text):
        return False
    return not (_is_credited_caption(paragraph) or _is_embedded_post(paragraph) or _names_picture_source(text))


LIST_LABEL_WORDS = 5


def _is_list_label(paragraph: Paragraph, notices: set[str]) -> bool:
    """A short label inside a list ('Just the dip', 'Choose your dipper'): one line, a few words."""
    text = paragraph.text
    return (
        len(paragraph.lines) == 1
        and 1 <= len(paragraph.words) <= LIST_LABEL_WORDS
        and text not in notices
        and not SENTENCE_END.search(text)
        and not (BOILERPLATE.search(text) or PROMO.match(text) or SECTION_END.match(text))
    )


MEDIA_LINE = re.compile(r"^(?:photos?|images?|pictures?|videos?|listen|watch|subscribe)\b", re.IGNORECASE)


def _is_short_sentence(
    paragraphs: Sequence[Paragraph], scores: Sequence[float], index: int, start: int, end: int
) -> bool:
    """A paragraph of one short sentence between two of prose ('Now, for the fix.'): the writer's own
    beat, though too short to score as prose. (A caption there names a picture or its source.)"""
    if not start < index < end - 1 or scores[index - 1] < 15 or scores[index + 1] < 15:
        return False
    paragraph = paragraphs[index]
    text = paragraph.text
    if len(paragraph.lines) > 2 or not 1 <= len(paragraph.words) <= 12 or not SENTENCE_END.search(text):
        return False
    if not (text[:1].isupper() or text[:1] in "\"“‘'"):
        return False
    if BOILERPLATE.search(text) or PROMO.match(text) or _names_picture_source(text) or _is_credited_caption(paragraph):
        return False
    if MEDIA_LINE.match(text):
        return False
    return not any(other.text == text for n, other in enumerate(paragraphs) if n != index)


NARROW_COLUMN = 0.85  # tuned on the dev set (0.8 kept more sidebars, 0.9 cut ragged article blocks)


def _block_width(paragraph: Paragraph) -> int:
    return max(len(line) for line in paragraph.lines)


def _is_promo_or_caption(text: str, caption: str | None) -> bool:
    if PROMO.match(text):
        return True
    return bool(caption) and text.startswith(caption or "")


# ---------------------------------------------------------------------------------------------------------
# caption and credit

CREDIT_WORDS = re.compile(
    r"\b(?:photo|photograph|image|images|getty|reuters|ap|afp|tass|epa|shutterstock|courtesy|illustration|"
    r"pool|file|via|credit|press|agency|news)\b|/",
    re.IGNORECASE,
)


def _split_caption(text: str) -> tuple[str, str] | None:
    paren = re.match(r"^(.*\S)\s*\(((?:[^()]*?)(?:photo|image|credit|getty|reuters|ap|afp)[^()]*)\)\s*$", text, re.I)
    if paren and len(paren.group(1).split()) >= 3:
        return paren.group(1).strip(), paren.group(2).strip()
    # (an ellipsis is a pause inside a headline, not the end of a caption's sentence)
    sentence = re.match(r"^(.*(?<!\.\.)[.!?][\"”’)]?)\s+([^.!?]{2,80})$", text)
    if sentence:
        caption, credit = sentence.group(1).strip(), sentence.group(2).strip()
        credit_words = credit.split()
        capitalised = sum(1 for w in credit_words if w[:1].isupper() or not w[:1].isalpha())
        if len(credit_words) <= 10 and (CREDIT_WORDS.search(credit) or capitalised == len(credit_words)):
            return caption, credit
    return None


def _find_caption(
    paragraphs: Sequence[Paragraph], body_indices: Sequence[int], title_index: int | None
) -> tuple[str | None, str | None]:
    if not body_indices:
        return None, None
    start = title_index + 1 if title_index is not None else max(0, body_indices[0] - 3)
    for index in range(start, min(body_indices[0] + 2, len(paragraphs))):
        text = paragraphs[index].text
        if len(text.split()) > 60 or (SENTENCE_END.search(text) and index in body_indices[1:]):
            continue
        split = _split_caption(text)
        if split and not SENTENCE_END.search(split[1]):
            return split
    return None, None


# ---------------------------------------------------------------------------------------------------------
# links: related promos and authors

AUTHOR_PATH = re.compile(
    r"/(?:author|authors|by|people|profile|profiles|staff|contributor|contributors|writer|writers|reporter|"
    r"reporters|journalist|journalists|team)/([^/?#]+)/?(?:[?#].*)?$",
    re.IGNORECASE,
)


def _related_links(paragraphs: Sequence[Paragraph], links: Sequence[PageLink]) -> list[Link]:
    related: list[Link] = []
    for paragraph in paragraphs:
        match = PROMO.match(paragraph.text)
        if not match:
            continue
        title = paragraph.text[match.end() - 1 :].strip()  # the pattern ends on the title's first character
        scored = [(_slug_match(title, _slug_words(link.url)), link.url) for link in links]
        scored = [item for item in scored if item[0] >= 0.6]
        if scored:
            url = max(scored, key=lambda item: item[0])[1]
            if all(link.url != url for link in related):
                related.append(Link(url=url, text=title, rel="related"))
    return related


NOT_A_PERSON_SLUG = frozenset(
    "login logout register signin signup pwdreset password account admin administrator user users profile "
    "staff editor editors team contributors subscribe settings".split()
)


def _name_from_slug(slug: str, document: str) -> str | None:
    slug = re.sub(r"[-_]\d+$", "", unquote(slug))
    if slug.lower().replace("-", "").replace("_", "") in NOT_A_PERSON_SLUG:
        return None
    words = [w for w in re.split(r"[-_.+]+", slug) if w and not w.isdigit()]
    if not words or len(words) > 5:
        return None
    pattern = r"\b" + r"[\s-]+".join(re.escape(w) for w in words) + r"\b"
    written = re.search(pattern, document, re.IGNORECASE)
    if written:
        return " ".join(written.group(0).split())
    return " ".join(w.upper() if len(w) <= 3 and len(words) == 1 else w.capitalize() for w in words)


def _author_links(
    links: Sequence[PageLink], paragraphs: Sequence[Paragraph], body_indices: Sequence[int]
) -> list[Link]:
    document = "\n".join(p.text for p in paragraphs)
    first_page = paragraphs[body_indices[0]].page if body_indices else 0
    candidates = [link for link in links if AUTHOR_PATH.search(link.url)]
    if not candidates:
        return []
    # the article's own author links sit on the pages where the article starts, not in later promos
    nearest_page = min((link.page for link in candidates), key=lambda page: abs(page - first_page))
    authors: list[Link] = []
    for link in candidates:
        if link.page != nearest_page:
            continue
        match = AUTHOR_PATH.search(link.url)
        name = _name_from_slug(match.group(1), document) if match else None
        if name and all(a.text != name for a in authors):
            authors.append(Link(url=link.url, text=name, rel="author"))
    return authors[:4]


# 'By Ann Lee', 'WRITTEN BY: Ann Lee'; the name's capital is matched with case kept ('By default, ...' is prose)
BYLINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s*(?-i:(?=[A-Z]))(.{2,120})$", re.IGNORECASE)
NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|del|la|le|bin|al))*$")


def _byline_authors(top: Sequence[Paragraph]) -> list[str]:
    for paragraph in top:
        for line in paragraph.lines:
            match = BYLINE.match(line)
            if not match:
                continue
            names = re.split(r"\s*(?:,|\band\b|&|\|)\s*", match.group(1))
            found = [" ".join(n.split()) for n in names if NAME.match(n.strip()) and len(n.split()) <= 4]
            if found:
                return found
    return []


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item.lower() not in (s.lower() for s in seen):
            seen.append(item)
    return seen


# ---------------------------------------------------------------------------------------------------------
# publication date

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
TEXT_DATES = [
    re.compile(MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.I
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<nmonth>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"\b(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)\b"),
    # the US order with dashes ('12-19-2025'); a four-digit year only, so codes and scores do not match
    re.compile(r"(?<![\w-])(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})-(?P<year>(?:19|20)\d\d)(?![\w-])"),
    # with a two-digit year ('12-22-23') only as a line of its own: inside text it may be a score or code
    re.compile(r"^(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d\d)$"),
]
URL_DATES = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)/" + MONTH + r"/(?P<day>\d{1,2})(?:/|$)", re.IGNORECASE),
    # '/2023/12/16-new-officers' is a slug starting with a number, not the 16th: a day ends its segment
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})(?:/|\.|$)"),
    # also at the end of a slug: '/world/talks-resume-2023-12-23/'
    re.compile(r"[/_-](?P<year>(?:19|20)\d\d)-(?P<nmonth>\d\d)-(?P<day>\d\d)(?:/|-|_|\.|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<nmonth>\d\d)(?P<day>\d\d)(?:/|-|_|$)"),
    # a compact date closing the slug: '/europe/dock-strike-automation-20250302'
    re.compile(r"[_-](?P<year>(?:19|20)\d\d)(?P<nmonth>\d\d)(?P<day>\d\d)(?:/|\.html?)?$"),
]
URL_MONTH = re.compile(r"[/-]((?:19|20)\d\d)[/-](\d{1,2})(?:/|$|-(?!\d))")
# 'Published' as a label: capitalised, or opening the line or a field ('· published 3 May 2023')
PUBLISHED_LABEL = re.compile(
    r"\b(?:Published|PUBLISHED|Posted|POSTED)\b|(?:^|[^\w\s]\s*)(?:first |originally )?(?:published|posted)\b"
)
ACCESS_CUE = re.compile(r"\b(?:retrieved|accessed|printed|downloaded)\b[^.]{0,12}$", re.IGNORECASE)
ISO_STAMP = re.compile(r"(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d")
UPDATED_CUE = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)


# hosts of countries that write the day first ('03/12/2023' is 3 December); elsewhere the US month first
DAY_FIRST_SUFFIXES = (".uk", ".ie", ".in", ".au", ".nz", ".za", ".sg", ".pk", ".ng", ".ke", ".eu", ".fr", ".de", ".it",
                      ".es", ".nl", ".be", ".pt", ".br", ".ar", ".mx")  # fmt: skip


def _day_first(url: str | None) -> bool:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.endswith(DAY_FIRST_SUFFIXES)


def _date_from_match(match: re.Match[str], day_first: bool = False) -> date | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if year < 100:
            year += 2000
        if groups.get("month"):
            return date(year, MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"]))
        month, day = int(groups["nmonth"]), int(groups["day"])
        numeric_first = match.start("nmonth") < match.start("year")  # '12/03/2023', not ISO '2023-12-03'
        # a first number over 12 can only be the day, whatever the country
        if numeric_first and (month > 12 or (day_first and day <= 12)):
            month, day = day, month
        return date(year, month, day)
    except (KeyError, ValueError, TypeError):
        return None


STRONG_DATE_TIER = 2  # a 'Published' label, a byline date or a date line next to the headline
REPUBLISHED_AFTER = 365  # days after the URL's date: a printed date this much later is a republication
URL_DATE_SLACK = 2  # days: a printed date further off the URL's is another event (an update, a republication)


def _published_date(
    url: str | None, paragraphs: Sequence[Paragraph], anchor: int, body_end: int, printed_on: date | None = None
) -> str | None:
    """The date in the URL path, else the printed date that says most about publication (_date_tier),
    the one nearest the headline among equals.

    Long paragraphs of running text are never read (their dates are what the article is about), nor
    are the URLs of related links: a page may well link to newer articles. `printed_on`, the date in the
    browser's print header, bounds them all: nothing is published after it was printed."""
    url_date, candidates = _date_evidence(url, paragraphs, anchor, body_end)
    if url_date is not None:
        # the URL is made when the story is filed; a labelled date by the headline a day off is the
        # publication itself in the outlet's time zone (filed late in the evening, out the next day)
        # (a byline date of another story further down, months off, does not hide the one by the headline)
        strong = [day for tier, _, day in sorted(candidates) if tier <= STRONG_DATE_TIER]
        close = [day for day in strong if abs((day - url_date).days) <= URL_DATE_SLACK]
        # an evergreen story republished years after its URL was made prints the new date by the headline
        republished = [day for day in strong if (day - url_date).days > REPUBLISHED_AFTER]
        if not close and republished and (printed_on is None or republished[0] <= printed_on):
            return republished[0].isoformat()
        return (close[0] if close else url_date).isoformat()
    if not candidates:
        return None
    found = min(candidates)[2]
    if printed_on is not None and found > printed_on:
        # a page that stamps the current year on its own date ('Best X of 2024'): the year before fits
        earlier = _year_before(found)
        if earlier is None or earlier > printed_on:
            return None
        found = earlier
    return found.isoformat()


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return None  # 29 February


def _date_evidence(
    url: str | None, paragraphs: Sequence[Paragraph], anchor: int, body_end: int
) -> tuple[date | None, list[tuple[int, int, date]]]:
    """The date the URL path spells, and the printed dates as (tier, distance from the headline, date)."""
    url_month: tuple[int, int] | None = None
    url_date: date | None = None
    if url:
        path = urlsplit(url).path
        for pattern in URL_DATES:
            match = pattern.search(path)
            if match and (found := _date_from_match(match)):
                url_date = found
                break
        month_match = URL_MONTH.search(path)
        if url_date is None and month_match and 1 <= int(month_match.group(2)) <= 12:
            url_month = (int(month_match.group(1)), int(month_match.group(2)))
    candidates: list[tuple[int, int, date]] = []  # (tier, distance from the headline, date)
    day_first = _day_first(url)
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph.words) > 60:
            continue  # running text: its dates are what the article is about
        distance = abs(index - anchor)
        near = anchor - 10 <= index < body_end + 8
        for line in paragraph.lines:
            for pattern in TEXT_DATES:
                for match in pattern.finditer(line):
                    found = _date_from_match(match, day_first)
                    if not found or (url_month and (found.year, found.month) != url_month):
                        continue  # a URL that names the month rules out dates of other months
                    tier = _date_tier(line, match, near, len(paragraph.words), distance)
                    if tier is not None:
                        candidates.append((tier, distance, found))
    return url_date, candidates


BYLINE_BEFORE_DATE = re.compile(r"\bBy\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+(?:on\s+|[|·•–—-]\s*)?$")
NARRATED_DATE = re.compile(r"(?:^|[\s(])(?:[Oo]n|in|since|from|until|before|after|between)\s+(?:\w+day,?\s+)?$")


def _date_tier(line: str, match: re.Match[str], near: bool, paragraph_words: int, distance: int) -> int | None:
    """How much a printed date says about publication (lower is better), or None for no evidence.

    Near the headline: a 'Published' label or a byline date first, then a line that is just a date
    (or an 'Updated' one). A 'Published' label anywhere else beats a date inside a sentence next to the
    headline (a caption's 'on Thursday, June 1, 2023.'); other dates far away count for nothing."""
    context = line[max(0, match.start() - 40) : match.start()]
    if ACCESS_CUE.search(context):
        return None  # 'retrieved 24 December 2023': when a citation was made, not the article
    # a label, not a sentence of the article ('a story published Sept. 26, 2021, in the Times')
    published = bool(PUBLISHED_LABEL.search(context)) and paragraph_words <= 40
    byline = (
        bool(BYLINE.match(line) and match.start() < 80)
        or bool(ISO_STAMP.match(line, match.start()))
        or bool(BYLINE_BEFORE_DATE.search(line[: match.start()]))  # '... By Ann Reed on May 2, 2023'
    )
    updated = bool(UPDATED_CUE.search(context))
    # a line that is the date (and its time, zone or weekday), not a caption or sentence mentioning it
    rest = line[: match.start()] + " " + line[match.end() :]
    date_line = len(WORD.findall(rest)) <= 6 and not re.match(r"\s*[.;(]", line[match.end() :])
    if near:
        if published or byline:
            return 0 if published else 1
        if date_line or updated:
            return 2
        if NARRATED_DATE.search(line[: match.start()]):
            return None  # 'On May 6, 1999, two fishermen found ...': what the story tells, not when it ran
        if distance <= 3 and paragraph_words <= 40:
            return 4
        return 7 if paragraph_words <= 40 else None
    if published or byline:
        return 3 if published else 5
    if updated:
        return 6
    return None


# ---------------------------------------------------------------------------------------------------------
# outlet

KNOWN_OUTLETS = {
    "themoscowtimes.com": "The Moscow Times",
    "apnews.com": "AP News",
    "reuters.com": "Reuters",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "cnn.com": "CNN",
    "abcnews.go.com": "ABC News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "foxnews.com": "Fox News",
    "aljazeera.com": "Al Jazeera",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "time.com": "TIME",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "bloomberg.com": "Bloomberg",
    "npr.org": "NPR",
    "arstechnica.com": "Ars Technica",
    "theverge.com": "The Verge",
    "meduza.io": "Meduza",
    "kyivindependent.com": "The Kyiv Independent",
    "tass.com": "TASS",
    "rferl.org": "Radio Free Europe/Radio Liberty",
}


def _outlet(url: str | None, paragraphs: Sequence[Paragraph], header_title: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    for known, name in KNOWN_OUTLETS.items():
        if host == known or host.endswith("." + known):
            return name
    labels = host.split(".")
    label = (
        labels[-3]
        if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "ac"}
        else labels[-2]
        if len(labels) >= 2
        else labels[0]
    )
    # the outlet's name as the page writes it: capitalised words that spell the host label
    texts = [header_title or ""] + [p.text for p in paragraphs if len(p.words) <= 40]
    target = label.replace("-", "")
    for text in texts:
        tokens = re.findall(r"[A-Z][\w'’&]*|[a-z]+", text)
        for i in range(len(tokens)):
            joined = ""
            for j in range(i, min(i + 6, len(tokens))):
                joined += tokens[j].lower()
                if joined == target and tokens[i][0].isupper():
                    return " ".join(tokens[i : j + 1])
                if not target.startswith(joined):
                    break
    if len(label) <= 4:
        return label.upper()
    return " ".join(part.capitalize() for part in label.split("-"))
