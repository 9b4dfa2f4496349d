"""HTML page -> Article: trafilatura for the body, standard markup for the metadata.

The page is decoded and parsed once; the metadata is read from the markup publishers write for search
engines and social cards (JSON-LD, OpenGraph, ``<meta>``, ``rel=author``, bylines), which is more exact
than guessing from the layout, and trafilatura gets the same tree for the body. What trafilatura drops on
purpose but a reader wants kept apart from the body (lead image caption and credit, related-article links,
author links) is read here too.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import SplitResult
from urllib.parse import urljoin as _urljoin
from urllib.parse import urlsplit as _urlsplit

import lxml.html
from lxml.etree import ParserError, XMLSyntaxError

from dateline.errors import DocumentError
from dateline.extract.html_authors import tidy_names
from dateline.extract.html_dates import byline_date, is_dateline, near_any, shown_date
from dateline.extract.html_furniture import (
    PRUNE_XPATHS,
    is_about_line,
    is_embed_residue,
    is_list_heading,
    trim_references,
)
from dateline.record import Article, Link

# trafilatura's own parser settings, so its extraction sees the tree it expects
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_CHARSET = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.I)
_LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|main|div|p|h1|title|meta)\b", re.I)

_ARTICLE_TYPES = {
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "socialmediaposting", "techarticle", "scholarlyarticle", "report", "review", "posting",
}  # fmt: skip


MIN_WORDS = 10  # fewer words than a one-sentence news brief: no article
_WORD = re.compile(r"\w+")


@dataclass
class _Page:
    """What the markup says about the page, gathered in one pass over the tree."""

    tree: Any
    base: str | None
    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)  # every JSON-LD object, @graph flattened
    article_ld: dict[str, Any] = field(default_factory=dict)  # the one describing this article

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return value.strip()
        return None


def read_html(content: bytes | str, origin: str, url: str | None = None) -> Article:
    """Read one HTML page into an Article; raise DocumentError when it holds no article."""
    text = content if isinstance(content, str) else decode_html(content)
    if "\x00" in text[:2000] or not _LOOKS_HTML.search(text[:20000]):
        raise DocumentError(origin, "not an HTML page")
    tree = _parse(text, origin)
    page = _read_markup(tree, url)
    canonical = url or _canonical_url(page)
    page.base = canonical or page.base

    title = _title(page)
    authors, author_links = _authors(page)
    caption, credit = _lead_image(page)
    related = _related_links(page)
    headline = _headline_element(page, title)
    published = _published(page, headline)

    # the headline in any of its forms is not part of the body
    headlines = [title, page.first("og:title"), *(_text(h1) for h1 in tree.iter("h1"))]
    body = _body(tree, canonical, headlines, authors, caption, credit, related)
    body = _prefer_declared_body(body, page.article_ld.get("articleBody"))
    body = _with_standfirst(body, page, headline)
    if len(_WORD.findall(body)) < MIN_WORDS:
        # a menu or a cookie notice is all trafilatura finds on pages without an article
        raise DocumentError(origin, "no article text found in the HTML page")
    if published is None:
        # no machine-readable date and none beside the headline: the byline's, else htmldate's guess
        published = byline_date(tree) or _htmldate(tree, canonical)

    return Article(
        origin=origin,
        text=body,
        url=canonical,
        title=title,
        published=published,
        authors=authors,
        outlet=_outlet(page, canonical),
        language=_language(page),
        caption=caption,
        credit=credit,
        links=author_links + related,
    )


# ---------------------------------------------------------------- decoding and parsing


def urlsplit(url: str) -> SplitResult:
    """urllib's urlsplit, except that a malformed host (an unclosed "[", characters that NFKC turns into
    separators) gives empty parts instead of a ValueError: a page's own URLs are whatever it says."""
    try:
        return _urlsplit(url)
    except ValueError:
        return _urlsplit("")


def urljoin(base: str, url: str) -> str:
    """urllib's urljoin, except that a malformed base or link leaves the link as it is (no ValueError)."""
    try:
        return _urljoin(base, url)
    except ValueError:
        return url


def decode_html(content: bytes) -> str:
    """Bytes -> str: byte-order mark, then the declared charset, then UTF-8, then charset detection."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, "replace")
    head = content[:4096]
    declared = _DECLARED_CHARSET.search(head) or _XML_CHARSET.search(head)
    if declared:
        codec = declared.group(1).decode("ascii").lower()
        # browsers read these labels as their supersets (WHATWG encoding standard)
        codec = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}.get(codec, codec)
        if codec.replace("-", "").replace("_", "") in ("utf8", "utf8mb4"):
            # a page that says UTF-8 is UTF-8 with a few broken bytes, as browsers read it
            return content.decode("utf-8", "replace")
        try:
            return content.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to what the bytes say
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is not None:
        return str(best)
    return content.decode("utf-8", "replace")


def _parse(text: str, origin: str) -> Any:
    try:
        tree = lxml.html.fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (ParserError, XMLSyntaxError, ValueError) as error:
        raise DocumentError(origin, f"HTML could not be parsed ({error})") from error
    if tree is None:
        raise DocumentError(origin, "empty HTML page")
    root = tree.getroottree().getroot()
    return root


def _read_markup(tree: Any, url: str | None) -> _Page:
    page = _Page(tree=tree, base=url)
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = element.get("content")
        if key and value is not None:
            page.meta.setdefault(key.strip().lower(), []).append(value)
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the other markup still counts
        page.ld.extend(_ld_objects(data))
    page.article_ld = _main_ld(page.ld)
    return page


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _ld_types(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return {str(name).lower() for name in names if name}


def _main_ld(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object describing the article itself (not the site, breadcrumbs or related items)."""
    best: dict[str, Any] = {}
    best_score = 0
    for obj in objects:
        types = _ld_types(obj)
        score = 0
        if types & _ARTICLE_TYPES or any(kind.endswith("article") for kind in types):
            score += 4
        elif "webpage" in types:
            score += 1
        if obj.get("headline"):
            score += 2
        if obj.get("datePublished"):
            score += 1
        if obj.get("articleBody"):
            score += 1
        if score > best_score:
            best, best_score = obj, score
    return best if best_score >= 3 else {}


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _clean(value: Any) -> str:
    """Whitespace-collapsed text; JSON-LD puts objects and numbers where text belongs, and those are not it."""
    return " ".join(value.split()) if isinstance(value, str) else ""


# ---------------------------------------------------------------- title


_MEDIA_TAG = re.compile(r"\s*[\[(](?:watch|video|photos?|listen|audio|gallery|live)[\])]$", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—•·»:]|-{1,2}|::)\s+")


_SECTION_SUFFIX = re.compile(r"\s+\|\s+\S+(?:\s\S+)?$")  # "... | Editorial", "... | Live updates"


def _title(page: _Page) -> str | None:
    title = _headline(page)
    if title and _SECTION_SUFFIX.search(title) and len(_SECTION_SUFFIX.sub("", title).split()) >= 4:
        return _SECTION_SUFFIX.sub("", title)
    return title


def _headline(page: _Page) -> str | None:
    structured = [
        _clean(page.article_ld.get("headline")),
        _clean(page.first("og:title")),
        _clean(page.first("twitter:title")),
        _clean(page.first("headline", "title", "dc.title", "sailthru.title", "parsely-title")),
    ]
    site = {_key(page.first("og:site_name") or ""), _key(_publisher_name(page))}
    # a "headline" that is the site's name is a template's placeholder, not the article's title
    structured = [_unescape(value) for value in structured if value and _key(value) not in site]
    title_tag = page.tree.find(".//title")
    document_title = _text(title_tag) if title_tag is not None else ""

    # the visible headline is what readers (and the page's editors) see; prefer an <h1> that agrees with
    # the structured titles, which are often shortened for social cards or carry the site's name
    references = [*structured, document_title]
    h1s = [_text(h1) for h1 in page.tree.iter("h1")]
    h1s = [text for text in h1s if 2 < len(text) < 400]
    for h1 in h1s:
        if any(_similar(h1, reference) for reference in references if reference):
            # an <h1> often starts with a kicker ("Opinion", "Politics |") that the structured title lacks
            h1_key = _key(h1)
            for value in structured:
                key = _key(value)
                is_kicked = key != h1_key and len(key) >= 0.6 * len(h1_key) and h1_key.endswith(" " + key)
                if is_kicked and not value.endswith(("...", "…")):
                    return value
            return _MEDIA_TAG.sub("", h1)
    # one <h1> of headline length that is not the site's name (a logo) is the headline, however the
    # structured title words it
    headline_h1s = [h1 for h1 in h1s if len(h1.split()) >= 4 and _key(h1) not in site]
    if len(headline_h1s) == 1:
        return _MEDIA_TAG.sub("", headline_h1s[0])
    display = _display_headline(page, structured, site)
    if display:
        return display
    for value in structured:
        return _strip_site(value, page)
    if len(h1s) == 1:
        return h1s[0]
    if document_title:
        return _strip_site(document_title, page)
    return h1s[0] if h1s else None


def _display_headline(page: _Page, structured: list[str], site: set[str]) -> str | None:
    """A feature's short display headline ("The quantum phantom") when the structured title is the
    standfirst set right under it: magazines give search engines the dek, readers the <h1>."""
    h1s = [h1 for h1 in page.tree.iter("h1") if _text(h1)]
    if len(h1s) != 1 or not structured:
        return None
    h1 = h1s[0]
    text = _text(h1)
    # a section label in the <h1> ("Politics", a link to the section) over the real headline in an <h2> is
    # not this: the label is one word or a link, and the <h2> says no more than the structured title
    if not 2 <= len(text.split()) <= 8 or _key(text) in site or h1.xpath(_FURNITURE) or h1.xpath(".//a"):
        return None
    following = [element for element in h1.xpath("following::*[position() <= 12]") if element.tag in _DEK_TAGS]
    for element in following[:4]:
        dek = _text(element)
        longer = len(_words(dek)) > len(_words(structured[0]))
        marked = bool(_STANDFIRST_CLASS.search(element.get("class") or ""))
        if len(dek.split()) >= 6 and (longer or marked) and _similar(dek, structured[0]):
            return _MEDIA_TAG.sub("", text)
    return None


def _publisher_name(page: _Page) -> str:
    publisher = page.article_ld.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    return _clean(publisher.get("name")) if isinstance(publisher, dict) else ""


def _unescape(value: str) -> str:
    import html

    return html.unescape(value) if "&" in value else value


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _similar(candidate: str, reference: str) -> bool:
    """One title is the other, possibly with a site name added or a tail cut off for social cards."""
    a, b = _words(candidate), _words(reference)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= 4 and " ".join(longer).startswith(" ".join(shorter)):
        return True
    common = len(set(a) & set(b))
    return common / max(len(set(a)), len(set(b))) >= 0.8


def _strip_site(title: str, page: _Page) -> str:
    """Drop a " | Site name" or "Site name - " part from a title; leave a headline's own dashes alone."""
    site = _clean(page.first("og:site_name", "application-name")) or _publisher_name(page)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_words = set(_words(site)) if site else set()
    if site_words:
        kept = [part for part in parts if not set(_words(part)) <= site_words]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
        return title
    # no site name to compare with: a short tail after a bar or a spaced hyphen is usually the site
    tail = _SITE_TAIL.search(title)
    return title[: tail.start()] if tail else title


_SITE_TAIL = re.compile(r"\s+(?:\||-|·|•|»)\s+\S+(?:\s\S+){0,3}$")


# ---------------------------------------------------------------- date


_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "article.published", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date",
    "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate", "displaydate",
    "published_time", "published-date", "release_date", "citation_publication_date", "date.published",
)  # fmt: skip


def _published(page: _Page, headline: Any = None) -> str | None:
    """The publication date: the structured one, unless the header shows readers another day that is
    also one of the page's machine-readable dates (or a day off one: the same instant in the outlet's
    time zone); then the shown day, as the page tells it."""
    structured = _structured_published(page)
    shown = shown_date(page.tree, headline) if headline is not None else None
    if shown is None or (structured is not None and shown == structured[:10]):
        return structured
    if near_any(shown, _machine_dates(page)):
        return shown
    return structured


def _headline_element(page: _Page, title: str | None) -> Any:
    """The heading that holds the headline (pages have logos and section names in <h1> too, and some
    set the headline in an <h2>); None when no heading is the headline."""
    if not title:
        return None
    for tag in ("h1", "h2"):
        for heading in page.tree.iter(tag):
            if _similar(_text(heading), title):
                return heading
    return None


def _machine_dates(page: _Page) -> list[str]:
    """Every date the page states for machines about itself: JSON-LD, date meta tags, <time datetime>,
    and the URL's path."""
    values: list[str] = []
    for obj in page.ld:
        if obj is page.article_ld or _ld_types(obj) & (_ARTICLE_TYPES | {"webpage"}):
            values += [obj[key] for key in _LD_DATES if isinstance(obj.get(key), str)]
    for key, found in page.meta.items():
        if _DATE_KEY.search(key):
            # "November 6, 2023" as well as ISO: some pages write the date for people even in <meta>
            values += [value if value[:2] in ("19", "20") else iso_date(value) or "" for value in found]
    values += [element.get("datetime") or "" for element in page.tree.iterfind(".//time[@datetime]")]
    in_url = _URL_DATE.search(page.base or "")
    if in_url:
        values.append("-".join(part for part in in_url.groups() if part))
    return values


_DATE_KEY = re.compile(r"date|time|modified|published", re.I)
_LD_DATES = ("datePublished", "dateModified", "dateCreated")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)(?:[/-]([0-3]\d))?(?:/|-|$)")


def _structured_published(page: _Page) -> str | None:
    candidates: list[Any] = [page.article_ld.get("datePublished")]
    candidates += [page.first(key) for key in _DATE_META]
    # the page's own WebPage node may carry the date; teasers of other articles (their own nodes,
    # <time> elements in asides) must never move it
    candidates += [
        obj.get("datePublished")
        for obj in page.ld
        if obj is not page.article_ld and _ld_types(obj) & (_ARTICLE_TYPES | {"webpage"})
    ]
    for element in page.tree.iterfind(".//time"):
        marked = element.get("itemprop") == "datePublished" or element.get("pubdate") is not None
        if marked and not element.xpath(_FURNITURE):
            candidates.insert(1, element.get("datetime"))
            break
    candidates.append(page.article_ld.get("dateCreated"))
    for value in candidates:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip():
            iso = iso_date(value)
            if iso:
                return _in_local_time(iso, page) if iso.endswith("+00:00") else iso
    return None


def _in_local_time(iso: str, page: _Page) -> str:
    """A UTC timestamp told in the outlet's own time zone when the page also writes the local time.

    Readers (and the page's own dateline) see the local day; 01:48 UTC on the 23rd is 20:48 on the 22nd
    in New York. The offset is the difference between the local wall-clock time and UTC.
    """
    utc = datetime.fromisoformat(iso).replace(tzinfo=None)
    values = [element.get("datetime") or "" for element in page.tree.iterfind(".//time")]
    values += [value for values in page.meta.values() for value in values if value[:2] in ("19", "20")]
    for value in values:
        if len(value.strip()) < 16 or value.strip()[10:11] not in ("T", " "):
            continue  # a bare date has no wall-clock time to compare
        try:
            local = datetime.fromisoformat(value.strip()[:19].replace(" ", "T"))
        except ValueError:
            continue
        if local.tzinfo is not None or value.strip()[19:20] in ("+", "-", "Z", "z"):
            continue  # carries its own offset: not a wall-clock reading
        shift = (local - utc).total_seconds()
        if shift and abs(shift) <= 14 * 3600 and shift % 900 == 0:
            sign = "+" if shift > 0 else "-"
            minutes = int(abs(shift)) // 60
            return f"{local.isoformat()}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return iso


def iso_date(value: str) -> str | None:
    """ISO 8601 from what pages write: datetime with offset when the page gives both, else the date."""
    value = value.strip()
    if re.fullmatch(r"\d{10}(\d{3})?", value):  # Unix time, in seconds or milliseconds
        stamp = int(value[:10])
        return datetime.fromtimestamp(stamp, UTC).isoformat() if stamp > 0 else None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            from dateutil import parser as dateutil_parser

            with warnings.catch_warnings():
                # "PST" and the like: the day is still right, and a naive result is kept as a date only
                warnings.simplefilter("ignore")
                parsed = dateutil_parser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
            return match.group(0) if match else None
    if not 1900 < parsed.year < 2100:
        return None
    midnight_without_time = (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and "T" not in value
    if parsed.tzinfo is None or midnight_without_time:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()  # sub-second digits are CMS noise, not news


def _htmldate(tree: Any, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return found or None


# ---------------------------------------------------------------- authors


_BY = re.compile(r"^\s*(?:written\s+|posted\s+|reported\s+|words\s+)?by[:\s]+", re.I)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b)\s*", re.I)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|[():\[\]{}]|\b(?:updated|published|min read|comments?)\b", re.I)
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|writers?|staff|people|profiles?|contributors?|journalists?|reporters?|columnists?|by|byline)"
    r"(?:/[^/?#]+){1,2}/?(?:[?#].*)?$",
    re.I,
)
_ROLE = re.compile(  # "Jane Roe - Contributing Writer"
    r"\s+[-–—|]\s+[^-–—|]*\b(?:writer|editor|reporter|correspondent|contributor|columnist|staff|producer|critic)s?\b.*$",
    re.I,
)
_TITLES = re.compile(r"^(?:jr|sr|ph\.?d|m\.?d|ms|ma|mba|rdn?|ld|cpt|esq|ii|iii|iv)\.?$", re.I)
_WIRES = re.compile(r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg)$", re.I)


def _authors(page: _Page) -> tuple[list[str], list[Link]]:
    """Author names, most explicit source first: JSON-LD persons, meta tags, rel=author, visible bylines."""
    links: list[Link] = []
    people: list[str] = []
    organizations: list[str] = []
    for person in _ld_people(page.article_ld.get("author")):
        name = person.get("name") or ""
        if isinstance(name, list):
            name = ", ".join(str(part) for part in name)
        link = person.get("url") or person.get("@id")
        if isinstance(link, list) and link:
            link = link[0]
        # an @id like https://site/#/schema/person/ab12 names a node of the JSON-LD graph, not a page
        if isinstance(link, str) and link.startswith("http") and "#" not in link and name:
            links.append(Link(url=link, text=_clean(name), rel="author"))
        target = (
            organizations
            if "organization" in _ld_types(person) or _ld_types(person) & {"newsmediaorganization", "corporation"}
            else people
        )
        target.extend(_split_names(str(name)))

    meta_names: list[str] = []
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
        for value in page.meta.get(key, ()):
            if value.strip() and not value.strip().startswith("http"):
                meta_names.extend(_split_names(value))
        if meta_names:
            break

    for element in page.tree.iterfind(".//a[@href]"):
        if _is_author_link(element, strict=False):
            links.append(Link(url=_absolute(page, element.get("href") or ""), text=_text(element), rel="author"))

    people = _credited_people(people, meta_names)
    if people:
        # the byline's rel=author links name co-authors that the JSON-LD left out
        byline = _unique_names(_byline_cluster(page, strict=True))
        known = {name.lower() for name in people}
        if known < {name.lower() for name in byline} and len(byline) <= 4:
            people = byline
    site = {_key(page.first("og:site_name") or ""), _key(_host(page.base)), *(_key(o) for o in organizations)}
    site.add(_key(_publisher_name(page)))
    fallback: list[str] = []
    for source in (
        lambda: people,
        lambda: meta_names,
        lambda: _byline_cluster(page, strict=True),
        lambda: _byline_cluster(page, strict=False),
        lambda: _byline_names(page),
        lambda: organizations,
    ):
        names = _unique_names(tidy_names(_unique_names(source())))
        # a wire or the outlet itself next to named people is a credit line, not an author
        persons = [name for name in names if not any(f" {_key(name)} " in f" {key} " for key in site if key)]
        persons = [name for name in persons if not _WIRES.match(name)] or persons
        if persons:
            return persons, _author_links(links, persons)
        fallback = fallback or names
    return fallback, _author_links(links, fallback)


def _credited_people(people: list[str], meta_names: list[str]) -> list[str]:
    """The JSON-LD people the byline credits: CMSs put editors and contributors in the JSON-LD author
    list too, and the author meta tag then names the byline's few. Both must agree on who they are."""
    if len(people) < 2 or not meta_names:
        return people
    wanted = {name.lower() for name in meta_names}
    credited = [name for name in people if name.lower() in wanted]
    return credited if credited and len(credited) < len(people) and len(credited) == len(wanted) else people


def _author_links(links: list[Link], names: list[str]) -> list[Link]:
    """Links to the chosen authors' pages only (not every author link in sidebars and teasers)."""
    wanted = {name.lower() for name in names}
    return _unique_links(link for link in links if link.text.lower() in wanted)


def _is_author_link(element: Any, strict: bool) -> bool:
    """rel=author (strict), or also a link to an author page such as /author/jane-roe (not strict)."""
    if "author" in (element.get("rel") or "").lower().split():
        return _looks_like_name(_text(element))
    return not strict and bool(_AUTHOR_HREF.search(element.get("href") or "")) and _looks_like_name(_text(element))


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 < len(words) <= 5 or _NOT_A_NAME.search(text) or len(text) > 60:
        return False
    return sum(word[:1].isupper() for word in words) >= len(words) - 1


def _byline_cluster(page: _Page, strict: bool) -> list[str]:
    """Every author link of the byline: the author links that share the first one's parent.

    A link preceded by "By" is the byline; without one, the first author link outside navigation, asides
    and footers (where "more from" lists and staff directories live).
    """
    anchors = [element for element in page.tree.iterfind(".//a[@href]") if _is_author_link(element, strict)]
    anchors = [element for element in anchors if not element.xpath(_FURNITURE)]
    bylined = [element for element in anchors if _BY.match(_preceding_text(element))]
    for element in bylined or anchors:
        parent = element.getparent()
        scope = parent.getparent() if parent is not None and parent.tag in ("span", "strong", "b", "li") else parent
        if scope is None:
            return [_text(element)]
        texts = [_text(anchor) for anchor in scope.iterfind(".//a[@href]") if _is_author_link(anchor, strict)]
        return [name for text in texts for name in _split_names(text)]
    return []


_FURNITURE = "ancestor::nav|ancestor::footer|ancestor::aside|ancestor::header[not(ancestor::article)]"


def _preceding_text(element: Any) -> str:
    """The text just before an element inside its parent (the "By " of "By <a>Jane Roe</a>")."""
    previous = element.getprevious()
    parent = element.getparent()
    if previous is not None:
        text = previous.tail or ""
    elif parent is not None:
        text = parent.text or ""
        if not text.strip() and parent.getprevious() is None and parent.getparent() is not None:
            text = parent.getparent().text or ""  # <p>By <span><a>Jane Roe</a></span></p>
    else:
        text = ""
    return text.strip() + " "


def _ld_people(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _ld_people(item)
    elif isinstance(value, dict):
        if "name" in value:
            yield value
    elif isinstance(value, str) and value.strip():
        yield {"name": value}


def _split_names(value: str) -> list[str]:
    # some pages print a Python list into the markup: "['A. Writer', 'B. Writer']"
    value = _clean(_unescape(value)).strip("[]")
    value = re.sub(r"""(?:^|(?<=,))\s*['"]|['"]\s*(?=,|$)""", "", value)
    value = _BY.sub("", value)
    parts = [_ROLE.sub("", part) for part in _SPLIT_NAMES.split(value) if part]
    # "Jane Roe, Ph.D." and "John Doe, Jr." are one person, not two
    merged: list[str] = []
    for part in parts:
        if merged and _TITLES.match(part.strip()):
            continue
        merged.append(part)
    return merged


def _byline_names(page: _Page) -> list[str]:
    """Names from visible bylines: itemprop=author, then elements whose class says byline or author."""
    names: list[str] = []
    # itemprop may list several properties ("author creator")
    for element in page.tree.xpath('//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]'):
        inner = element.xpath('.//*[@itemprop="name"]')
        names.extend(_split_names(_text(inner[0]) if inner else _text(element)))
    if names:
        return names
    for element in page.tree.xpath(
        '//*[contains(@class, "byline") or contains(@class, "author-name") or contains(@class, "article-author")]'
        '[not(ancestor::*[contains(@class, "comment")])]'
    ):
        text = _text(element)
        if 2 < len(text) < 80:
            names.extend(name for name in _split_names(text) if _looks_like_name(name))
        if names:
            return names
    # "By Jane Roe" in any element whose class or test id speaks of the author ("author", "authName",
    # "AuthorNameLink"), outside the furniture where teaser cards repeat other bylines
    for element in page.tree.xpath(_AUTHORISH):
        text = _text(element)
        if not 4 < len(text) < 80 or element.xpath(_FURNITURE):
            continue
        if _BY.match(text) or _BY.match(_preceding_text(element)) or element.tag == "a":
            names.extend(name for name in _split_names(text) if _looks_like_name(name))
        if names:
            break
    return names


_AUTHORISH = (
    '//*[contains(@class, "author") or contains(@class, "Author") or contains(@class, "authName")'
    ' or contains(@data-testid, "Author") or contains(@data-testid, "author")]'
    '[not(ancestor-or-self::*[contains(@class, "comment") or contains(@class, "Comment")])]'
)


def _unique_names(names: Iterable[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        name = name.strip(" ,:;-–—|'\"")
        if not name or len(name) > 60 or _NOT_A_NAME.search(name) or len(name.split()) > 5:
            continue
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        kept.append(name)
    return kept


def _unique_links(links: Iterable[Link]) -> list[Link]:
    kept: list[Link] = []
    seen: set[str] = set()
    for link in links:
        key = link.url.split("://", 1)[-1].removeprefix("www.").rstrip("/")  # http and https: one page
        if key not in seen:
            seen.add(key)
            kept.append(link)
    return kept


# ---------------------------------------------------------------- outlet, language, url


def _outlet(page: _Page, url: str | None) -> str | None:
    site = page.first("og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone")
    if site:
        return _clean(site)
    if _publisher_name(page):
        return _publisher_name(page)
    for obj in page.ld:
        if _ld_types(obj) & {"newsmediaorganization", "organization", "website"} and _clean(obj.get("name")):
            return _clean(obj.get("name"))
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _language(page: _Page) -> str | None:
    root = page.tree
    declared = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    declared = declared or page.first("content-language", "og:locale", "language", "dc.language")
    declared = declared or _clean(page.article_ld.get("inLanguage"))
    if not declared:
        return None
    return re.split(r"[-_]", declared.strip())[0].lower() or None


def _canonical_url(page: _Page) -> str | None:
    for element in page.tree.iterfind(".//link[@rel]"):
        if element.get("rel", "").lower() == "canonical" and element.get("href", "").startswith("http"):
            return str(element.get("href")).strip()
    value = page.first("og:url")
    if value and value.startswith("http"):
        return value
    return None


def _absolute(page: _Page, href: str) -> str:
    return urljoin(page.base, href.strip()) if page.base else href.strip()


# ---------------------------------------------------------------- caption, credit, related links


_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|image-source|photo-source|attribution", re.I)
_CAPTION_CLASS = re.compile(r"caption", re.I)


def _lead_image(page: _Page) -> tuple[str | None, str | None]:
    caption = credit = None
    image = page.article_ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    if isinstance(image, dict):
        caption = _clean(image.get("caption")) or None
        credit = _clean(image.get("creditText") or image.get("copyrightHolder") or "") or None
        if isinstance(image.get("author"), dict | str) and not credit:
            author = image["author"]
            credit = _clean(author.get("name") if isinstance(author, dict) else author) or None

    figure = _lead_figure(page)
    if figure is not None:
        credit_elements = [
            element
            for element in figure.iter()
            if isinstance(element.tag, str) and _CREDIT_CLASS.search(element.get("class") or "")
        ]
        found_credit = " ".join(_text(element) for element in credit_elements[:1]).strip()
        captions = figure.xpath(".//figcaption") or [
            element
            for element in figure.iter()
            if isinstance(element.tag, str) and _CAPTION_CLASS.search(element.get("class") or "")
        ]
        found_caption = _text(captions[0]) if captions else ""
        if found_credit:
            found_caption = found_caption.replace(found_credit, "").strip()
            credit = credit or _strip_credit_label(found_credit)
        if found_caption:
            caption = caption or found_caption
    if caption and credit and caption.endswith(credit):
        caption = caption[: -len(credit)].rstrip(" ()|/-–—")
    if caption and _CREDIT_LABEL.match(caption):  # "Photo: Jane Roe" is a credit, not a caption
        credit, caption = credit or _strip_credit_label(caption), None
    if caption and (len(caption.split()) < 3 or caption.lower().endswith(" by")):
        caption = None  # a label ("COMMENTARY BY", "Image") caught by a caption class
    return caption or None, credit or None


def _lead_figure(page: _Page) -> Any:
    """The first figure of the article (its lead image), else the first on the page with a caption."""
    for scope in ("//article//figure", "//main//figure", "//figure"):
        for figure in page.tree.xpath(scope):
            if figure.xpath(".//img|.//picture|.//video") and figure.xpath(_CAPTIONED):
                return figure
    return None


_CAPTIONED = ".//figcaption|.//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"


def _strip_credit_label(credit: str) -> str:
    return _CREDIT_LABEL.sub("", credit)


_CREDIT_LABEL = re.compile(r"^(?:photo|image|picture|credit|photograph|foto)s?\s*(?:credit)?\s*[:/]\s*", re.I)


_RELATED_XPATH = (
    "//*[self::aside or self::section or self::div or self::ul or self::nav]"
    "[contains(translate(@class, 'RELATED', 'related'), 'related') or contains(@class, 'read-more')"
    " or contains(@class, 'readmore') or contains(@class, 'more-stories') or contains(@class, 'recommended')"
    " or contains(@class, 'also-read') or contains(@class, 'see-also') or contains(@id, 'related')"
    " or contains(@class, 'further-reading')]"
)


_RELATED_LABEL = re.compile(r"^(?:related|read more|see also|also read|more)\s*:\s*", re.I)


def _related_links(page: _Page, limit: int = 30) -> list[Link]:
    """Links from related / read-more blocks; they are kept apart from the body, never in it."""
    links: list[Link] = []
    seen: set[str] = set()
    own = page.base.split("#")[0] if page.base else None
    for block in page.tree.xpath(_RELATED_XPATH):
        for anchor in block.iterfind(".//a[@href]"):
            href = anchor.get("href", "").strip()
            text = _RELATED_LABEL.sub("", _text(anchor))
            if not href or href.startswith(("#", "javascript:", "mailto:")) or len(text.split()) < 3:
                continue
            if _AUTHOR_HREF.search(href):
                continue  # a byline inside a teaser card
            absolute = _absolute(page, href)
            if absolute in seen or absolute.split("#")[0] == own:
                continue
            seen.add(absolute)
            links.append(Link(url=absolute, text=text, rel="related"))
            if len(links) >= limit:
                return links
    return links


# ---------------------------------------------------------------- body


_BULLET = re.compile(r"^[-*•]\s+")  # a list mark trafilatura adds; "1." is the writer's and stays
_BOILER = re.compile(
    r"^(?:related|read more|see also|also read|more from|recommended|advertisement|sign up|subscribe)\b.{0,120}$"
    r"|^[\[(]?(?:more|also|related|read next|read more|don'?t miss|required reading|see also|watch|listen|trending)"
    r"(?: on [^:]{1,40})?\s*:\s",
    re.I,
)


def _class_has(*words: str) -> str:
    # "imageCaption" and "BylineWrapper" are the same furniture as "caption" and "byline"
    return " or ".join(f"contains(@class, '{word}') or contains(@class, '{word.capitalize()}')" for word in words)


# page furniture trafilatura keeps now and then: captions and credits (read separately), newsletter boxes,
# author bios, share bars; pruned from trafilatura's copy of the tree, never from the page
_PRUNE = [
    "//*[{}][string-length(normalize-space(.)) < 600]".format(
        _class_has(
            "caption",
            "credit",
            "newsletter",
            "signup",
            "sign-up",
            "author-bio",
            "author-info",
            "bio-box",
            "share-bar",
            "social-share",
            "byline",
        )
    ),
    "//figcaption",
    # social embeds: the quoted post is not the article's text
    f"//blockquote[{_class_has('twitter-tweet', 'instagram-media', 'tiktok-embed', 'twitter-video')}]",
    *PRUNE_XPATHS,
]
_FOOTER_LINE = re.compile(
    r"\b(?:can|may) be reached at\b|^contact (?:reporter|the writer)\b|^follow (?:him|her|them) on\b"
    r"|^thanks? (?:you )?for (?:subscribing|signing up)|^(?:something|oops).{0,20}went wrong"
    r"|^—\s*[^—]{1,80}\(@\w+\)\s+\w+ \d{1,2}, \d{4}$"
    r"|^.{0,100}\bclick(?:ing)? here\b.{0,60}$"
    r"|^(?:article|story) continues (?:below|after)|^share this (?:article|story)|^people are also reading"
    r"|^continue reading\b|^next:\s|^(?:reporting|additional reporting) by\b.{0,150}\b(?:editing|writing) by\b"
    r"|^follow\b.{0,60}\bon (?:facebook|twitter|instagram|x|snapchat|threads|youtube|tiktok)\b"
    r"|\bsign up\b.{0,80}\bnewsletter\b.{0,80}$"
    r"|^this (?:article|story|piece) (?:originally )?appeared\b|^(?:our standards|story source|cite this page):"
    r"|^[(\[]?(?:photo|image|pictured)s?:[^)\]]{0,120}[)\]]?$|^have a (?:news )?tip\b"
    r"|\baffiliate (?:links?|commissions?|partnerships?|programs?)\b|^all products (?:featured|are independently)"
    r"|^read the original article on\b|^(?:install|download) the\b.{0,40}\bapp\b|^be the first to (?:get|know)\b"
    r"|^want to bookmark\b|^get alerts\b|\bwherever you get your podcasts\b|^please log in again\b"
    r"|^session expired$|^supported by$|^please enter your (?:date of birth|birth ?date)\b"
    r"|^by clicking\b.{0,60}\byou agree\b"
    r"|^(?:terms of (?:use|service)|privacy policy)(?: and (?:privacy policy|terms of use))?$"
    r"|\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|inbox|e-?mails?|e-?course)\b|\bsign up (?:for it )?here\b"
    r"|\bdelivered (?:right |straight )?to your inbox\b|^this article has been reviewed according to\b"
    r"|^(?:fact-checked|peer-reviewed publication|trusted source|proofread|reputable news agency)$"
    r"|^\[(?:image|photo|video|pictures?)s? (?:via|by|credit|courtesy)\b[^\]]*\]$"
    r"|\b(?:contact|reach|e-?mail)\b.{0,60}\bat [\w.+-]+@[\w-]+\.\w",
    re.I,
)


def _body(
    tree: Any,
    url: str | None,
    headlines: list[str | None],
    authors: list[str],
    caption: str | None,
    credit: str | None,
    related: list[Link],
) -> str:
    from trafilatura import bare_extraction

    # fast: the fallback extractors cost time and, on news pages, add boilerplate more often than text
    document: Any = bare_extraction(
        tree,
        url=url,
        fast=True,
        include_comments=False,
        include_tables=False,
        with_metadata=False,
        prune_xpath=_PRUNE,
    )
    if document is None or not document.text:
        return ""
    drop = {_key(text) for text in (*headlines, caption, credit) if text}
    drop |= {_key(link.text) for link in related}
    names = {name.lower() for name in authors}
    paragraphs: list[str] = []
    for line in document.text.split("\n"):
        line = _BULLET.sub("", " ".join(line.split()))
        if not line:
            continue
        key = _key(line)
        if key in drop or _BOILER.match(line) or _is_byline(line, names):
            continue
        if is_embed_residue(line) or is_about_line(line):
            continue
        if len(line) < 250 and _FOOTER_LINE.search(line):  # promos are short; a paragraph may mention one
            continue
        if is_dateline(line) or (len(line) < 200 and _COPYRIGHT.search(line)):
            continue
        paragraphs.append(line)
    paragraphs = _trim_ends(trim_references(_drop_pros_cons(_cut_at_more_stories(paragraphs))))
    return "\n\n".join(_drop_author_bio(paragraphs, authors))


_END_CREDIT = re.compile(
    r"\breported from\b|\bcontributed (?:to )?this (?:report|story)\b|^includes (?:information|reporting) from\b"
    r"|^cross-posted from\b|^[—–-]?\s*field level media$|^reporting by (?:the )?(?:associated press|reuters|afp)\b",
    re.I,
)


def _trim_ends(paragraphs: list[str]) -> list[str]:
    """A section label or kicker the extractor kept above the text ("NFL", "Guest Essay": a few words and
    no sentence), and the wire's credit lines under it ("Jane Roe reported from Oslo."), are not the text."""
    start = 0
    while start < min(2, len(paragraphs) - 1):
        label = paragraphs[start]
        if len(label.split()) > 3 or label.endswith((".", "!", "?", ":", '"', "”")):
            break
        start += 1
    end = len(paragraphs)
    while end > start + 1 and end > len(paragraphs) - 2:
        if len(paragraphs[end - 1]) >= 200 or not _END_CREDIT.search(paragraphs[end - 1]):
            break
        end -= 1
    return paragraphs[start:end]


_MORE_STORIES = re.compile(
    r"^(?:(?:more|other|top|recommended|related|popular|latest|must)\b[\w\s'’-]{0,30}\b"
    r"(?:reads?|stories|articles|news|coverage|videos?)(?: (?:from|on|in) [\w\s.'’-]{1,30})?"
    r"|(?:you (?:may|might) (?:also )?like|don'?t miss|read next|trending now|editors'? picks))\s*:?$",
    re.I,
)


def _cut_at_more_stories(paragraphs: list[str]) -> list[str]:
    """Everything from a "More stories from ..." heading in the second half on (or anywhere, when only
    headlines follow it): the article has ended and a list of other headlines follows."""
    for index in range(1, len(paragraphs)):
        line = paragraphs[index]
        if not ((len(line) < 60 and _MORE_STORIES.match(line)) or is_list_heading(line)):
            continue
        # earlier than half way only when nothing but headlines (short, no full stop) follows
        if index >= len(paragraphs) // 2 or all(
            len(rest) < 150 and not rest.endswith(".") for rest in paragraphs[index + 1 :]
        ):
            return paragraphs[:index]
    return paragraphs


_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)\s*\d{4})|\ball rights reserved\b", re.I)
_PROS_CONS = re.compile(r"^(?:pros|cons|the good|the bad|what we like|what we don'?t like)\s*:?$", re.I)


def _drop_pros_cons(paragraphs: list[str]) -> list[str]:
    """A review's "Pros" / "Cons" box (a label, then short items) is a summary card, not the article's prose."""
    kept: list[str] = []
    in_box = False
    for paragraph in paragraphs:
        if _PROS_CONS.match(paragraph):
            in_box = True
            continue
        if in_box and len(paragraph) < 100 and not paragraph.endswith((".", "?", "!", ":", '"', "”")):
            continue
        in_box = False
        kept.append(paragraph)
    return kept


_BIO = re.compile(
    r"^(?:\S+\s){0,3}?(?:is an?|is the|writes|covers|reports|has been|was previously|currently|joined)\b", re.I
)


def _drop_author_bio(paragraphs: list[str], authors: list[str]) -> list[str]:
    """The author's bio box ("Jane Roe is a reporter covering ...") that ends many pages is not the article."""
    if len(paragraphs) < 4 or not authors:
        return paragraphs
    # "Mr. Roe is the deputy editor": the surname with an honorific, as some outlets write their bios
    full = {name.lower() for name in authors}
    full |= {f"{title} {name.split()[-1].lower()}" for name in authors if name.split() for title in _HONORIFICS}
    first = {name.split()[0].lower() for name in authors if name.split()}
    # the bio box ends the page, or sits under the byline at the top as one short line; there the full
    # name is needed, as a lead often opens on someone who shares the author's first name
    limits = {index: (250, full) for index in range(min(3, len(paragraphs) - 3))}
    limits.update({index: (600, full | first) for index in range(max(len(paragraphs) - 3, 1), len(paragraphs))})
    dropped = set()
    for index, (limit, starts) in limits.items():
        paragraph = paragraphs[index]
        lowered = paragraph.lower()
        name = next((start for start in sorted(starts, key=len, reverse=True) if lowered.startswith(start)), None)
        if name and len(paragraph) < limit and _BIO.match(paragraph[len(name) :].lstrip()):
            dropped.add(index)
    return [paragraph for index, paragraph in enumerate(paragraphs) if index not in dropped]


_HONORIFICS = ("mr.", "ms.", "mrs.", "dr.")


def _prefer_declared_body(body: str, declared: Any) -> str:
    """The publisher's own JSON-LD articleBody when the extracted text has next to nothing in common with it,
    or when it is a whole article that the extracted text holds with much more around it.

    The first happens when the layout misleads the extractor (a teaser grid or a gallery taken for the
    article); the second when the extractor sweeps the boxes and cards that follow a short article into it.
    The declared body is otherwise often a truncated teaser, so it wins only in those two cases: a teaser
    is short and stops mid-sentence, a whole article is neither.
    """
    if not isinstance(declared, str) or len(declared) < 400:
        return body
    declared_words = _words(declared)
    declared_grams = {tuple(declared_words[i : i + 4]) for i in range(len(declared_words) - 3)}
    body_words = _words(body)
    body_grams = {tuple(body_words[i : i + 4]) for i in range(len(body_words) - 3)}
    shared = len(declared_grams & body_grams)
    disagree = shared < 0.1 * len(declared_grams)
    whole = len(declared) >= 1000 and declared.rstrip().endswith((".", "!", "?", '"', "”"))
    swept = whole and shared >= 0.95 * len(declared_grams) and len(body_words) >= 3 * len(declared_words)
    if declared_grams and (disagree or swept):
        paragraphs = [" ".join(line.split()) for line in _unescape(declared).splitlines()]
        return "\n\n".join(line for line in paragraphs if line)
    return body


def _with_standfirst(body: str, page: _Page, headline: Any = None) -> str:
    """Put the standfirst (the summary under the headline) first when the page shows it and trafilatura
    left it out: the element right under the headline whose class names it a standfirst, or else an
    element that repeats the description (pages mark it up in too many ways to find it by class alone)."""
    if not body:
        return body
    body_key = _key(body)
    marked = _marked_standfirst(headline) if headline is not None else None
    if marked and _key(marked) not in body_key:
        return f"{marked}\n\n{body}"
    description = _clean(page.first("og:description", "description", "twitter:description"))
    if len(description) < 40 or _key(description) in body_key:
        return body
    shown = page.tree.xpath(
        "//body//*[self::p or self::h2 or self::div or self::span][normalize-space(.) = $text]", text=description
    )
    return f"{description}\n\n{body}" if shown else body


_STANDFIRST_CLASS = re.compile(
    r"sub-?head|dec?k(?![a-z])|standfirst|strapline|subtitle|sub-title|article-summary|\bsummary\b|excerpt", re.I
)


def _marked_standfirst(headline: Any) -> str | None:
    """The standfirst shown under the headline: an element just after it whose class says sub-headline,
    dek, strapline or standfirst; else the one sentence (or sentence-case sub-heading) set right under it;
    else such a marked element further down the header (after the byline, say)."""
    following = [element for element in headline.xpath("following::*[position() <= 40]") if element.tag in _DEK_TAGS]
    near = _classed_standfirst(following[:6])
    if near:
        return near
    # unmarked: the first text under the headline, when it is one sentence without links (a byline has
    # links and no full stop) or a sub-heading written as a sentence (a second headline is in Title Case)
    first = next((element for element in following if _text(element)), None)
    if first is not None and not first.xpath(".//a|.//time|.//img"):
        text = _text(first)
        words = text.split()
        if (
            4 <= len(words) <= 60
            and not is_dateline(text)
            and not _FOOTER_LINE.search(text)
            and not _BOILER.match(text)
        ):
            if text.endswith((".", "?", "!")):
                return text
            if first.tag == "h2" and sum(word[:1].isupper() for word in words) < 0.5 * len(words):
                return text
    return _classed_standfirst(following[6:])


def _classed_standfirst(elements: list[Any]) -> str | None:
    for element in elements:
        if not _STANDFIRST_CLASS.search(element.get("class") or ""):
            continue
        text = _text(element)
        if _BY.match(text) or element.xpath(".//time"):
            continue  # a byline strip styled as a subtitle
        if len(text.split()) >= 3 and len(text) <= 400 and not _FOOTER_LINE.search(text):
            return text
    return None


_DEK_TAGS = {"h2", "p", "div", "span", "section"}


def _key(text: str) -> str:
    return " ".join(_words(text))


_BYLINE_LINE = re.compile(r"^By:? [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:(?:,| and| &) .{0,60})?$")


def _is_byline(line: str, names: set[str]) -> bool:
    """A byline line: "By" and names, the names being the authors' or, by their look, someone's."""
    if len(line) > 120:
        return False
    if _BYLINE_LINE.match(line):
        return True
    if not names:
        return False
    rest = _BY.sub("", line)
    if rest == line and line.lower() not in names:
        return False
    parts = {part.lower() for part in _SPLIT_NAMES.split(rest) if part}
    return bool(parts) and parts <= names
