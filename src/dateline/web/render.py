"""Article text -> safe HTML with its annotations highlighted, and server-rendered SVG charts.

Everything taken from an article is escaped here before it becomes markup; templates only ever
receive ``Markup`` built by these functions or plain strings that Jinja escapes itself.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote as quote_url
from urllib.parse import urlencode, urlsplit

from markupsafe import Markup, escape

from dateline.record import Article
from dateline.store.base import HIGHLIGHT_END, HIGHLIGHT_START, PlaceSummary, SearchQuery, TimelineBucket


@dataclass(frozen=True)
class Mark:
    """One highlighted span: its CSS class and the normalized value shown on hover or focus."""

    start: int
    end: int
    kind: str  # time | place | quantity
    tip: str


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its match markers turned into <mark>, everything else escaped."""
    escaped = str(escape(" ".join(snippet.split())))
    return Markup(escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>"))


def article_marks(article: Article) -> list[Mark]:
    marks = [
        Mark(t.start, t.end, "time", f"{t.type} {t.value}" + (f" ({t.mod})" if t.mod else "")) for t in article.times
    ]
    for place in article.places:
        where = ", ".join(filter(None, [place.name, place.admin1, place.country]))
        coordinates = f" · {place.lat:.2f}, {place.lon:.2f}" if place.lat is not None and place.lon is not None else ""
        marks.append(Mark(place.start, place.end, "place", where + coordinates))
    for quantity in article.quantities:
        amount = quantity.qualifier or ""
        if quantity.value is not None:
            amount = f"{amount} {quantity.value:g}".strip()
        marks.append(Mark(quantity.start, quantity.end, "quantity", " ".join(filter(None, [amount, quantity.counts]))))
    return marks


def article_html(article: Article) -> Markup:
    """The body as <p> paragraphs; quotes underlined (linked to the who-said-what panel), facts marked."""
    text = article.text
    quote_of: list[int | None] = [None] * len(text)
    for number, quote in enumerate(article.quotes):
        for start, end in quote.spans or [(quote.start, quote.end)]:
            for index in range(max(start, 0), min(end, len(text))):
                quote_of[index] = number
    marks = sorted(
        (m for m in article_marks(article) if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end)
    )
    mark_at: dict[int, Mark] = {}
    covered_until = -1
    for mark in marks:  # overlapping facts: the earlier, longer one wins
        if mark.start >= covered_until:
            mark_at[mark.start] = mark
            covered_until = mark.end
    paragraphs: list[str] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        paragraphs.append(_paragraph_html(text, offset, offset + len(paragraph), quote_of, mark_at, article))
        offset += len(paragraph) + 2
    return Markup("\n".join(f"<p>{p}</p>" for p in paragraphs))


def _paragraph_html(
    text: str, start: int, end: int, quote_of: list[int | None], mark_at: dict[int, Mark], article: Article
) -> str:
    out: list[str] = []
    index = start
    while index < end:
        mark = mark_at.get(index)
        stop = min(mark.end, end) if mark else _next_boundary(index, end, quote_of, mark_at)
        piece = str(escape(text[index:stop]))
        if mark:
            piece = (
                f'<mark class="fact {mark.kind}" tabindex="0" data-tip="{escape(mark.tip)}" '
                f'aria-label="{escape(mark.kind + ": " + mark.tip)}">{piece}</mark>'
            )
        quote = quote_of[index]
        if quote is not None:
            speaker = article.quotes[quote].speaker
            who = speaker.name if speaker else "unknown speaker"
            piece = (
                f'<span class="quote {article.quotes[quote].kind}" data-quote="{quote}" '
                f'title="{escape(who)}">{piece}</span>'
            )
        out.append(piece)
        index = stop
    return "".join(out)


def _next_boundary(index: int, end: int, quote_of: list[int | None], mark_at: dict[int, Mark]) -> int:
    current = quote_of[index]
    probe = index + 1
    while probe < end and quote_of[probe] == current and probe not in mark_at:
        probe += 1
    return probe


def timeline_svg(dates: Sequence[str], width: int = 720, height: int = 90, label: str = "statements") -> Markup:
    """Dots per day on a time axis, one row; a month tick at each month start. Dates are ISO strings."""
    days = sorted(date.fromisoformat(d[:10]) for d in dates if _is_date(d))
    if not days:
        return Markup("")
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    pad = 30

    def x(day: date) -> float:
        return pad + (width - 2 * pad) * (day - first).days / span

    counts: dict[date, int] = {}
    for day in days:
        counts[day] = counts.get(day, 0) + 1
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{len(days)} {escape(label)} from {first} to {last}">',
        f'<line x1="{pad}" y1="50" x2="{width - pad}" y2="50" class="axis"/>',
    ]
    for day, count in counts.items():
        radius = 4 + min(count, 6)
        parts.append(
            f'<circle cx="{x(day):.1f}" cy="50" r="{radius}" class="dot">'
            f"<title>{day}: {count} {escape(label)}</title></circle>"
        )
    for tick in _month_starts(first, last):
        parts.append(f'<text x="{x(tick):.1f}" y="80" class="tick">{tick:%b %Y}</text>')
    parts.append(f'<text x="{pad}" y="20" class="tick">{first}</text>')
    parts.append(f'<text x="{width - pad}" y="20" class="tick" text-anchor="end">{last}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _month_starts(first: date, last: date, most: int = 8) -> list[date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if date(year, month, 1) >= first:
            months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, len(months) // most + (1 if len(months) % most else 0))
    return months[::step]


def _is_date(value: str | None) -> bool:
    try:
        date.fromisoformat((value or "")[:10])
    except ValueError:
        return False
    return True


def timeline_bars(buckets: Sequence[TimelineBucket], width: int = 760, height: int = 180) -> Markup:
    """Stacked bars per period: dated mentions and statements; a label under every few bars."""
    if not buckets:
        return Markup("")
    pad, bottom = 36, height - 28
    peak = max(b.mentions + b.statements for b in buckets) or 1
    step = (width - 2 * pad) / len(buckets)
    bar = max(step * 0.8, 1.0)
    label_every = max(1, len(buckets) // 12)
    parts = [
        f'<svg class="timeline bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{len(buckets)} periods from {escape(buckets[0].period)} to {escape(buckets[-1].period)}">',
        f'<line x1="{pad}" y1="{bottom}" x2="{width - pad}" y2="{bottom}" class="axis"/>',
        f'<text x="4" y="16" class="tick">{peak}</text>',
    ]
    for index, bucket in enumerate(buckets):
        x = pad + index * step
        mentions_h = (bottom - 20) * bucket.mentions / peak
        statements_h = (bottom - 20) * bucket.statements / peak
        tip = (
            f"{bucket.period}: {bucket.mentions} dated mentions, {bucket.statements} statements, "
            f"{bucket.articles} articles"
        )
        parts.append(
            f"<g><title>{escape(tip)}</title>"
            f'<rect x="{x:.1f}" y="{bottom - mentions_h:.1f}" width="{bar:.1f}" '
            f'height="{mentions_h:.1f}" class="mentions"/>'
            f'<rect x="{x:.1f}" y="{bottom - mentions_h - statements_h:.1f}" width="{bar:.1f}" '
            f'height="{statements_h:.1f}" class="statements"/></g>'
        )
        if index % label_every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 10}" class="tick">{escape(bucket.period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def places_map(places: Sequence[PlaceSummary], width: int = 760, height: int = 380) -> Markup:
    """Places as dots on an equirectangular graticule, sized by the number of articles."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if not located:
        return Markup("")
    peak = max(p.articles for p in located)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    parts = [f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-label="{len(located)} places">']
    for lon in range(-180, 181, 30):
        x, _ = xy(0, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" class="grid"/>')
    for lat in range(-60, 61, 30):
        _, y = xy(lat, 0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" class="grid"/>')
    for place in located:
        x, y = xy(float(place.lat or 0), float(place.lon or 0))
        radius = 3 + 9 * (place.articles / peak) ** 0.5
        where = ", ".join(filter(None, [place.name, place.admin1, place.country]))
        parts.append(
            f'<a href="/places/{escape(url_segment(place.name))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
            f'class="dot"><title>{escape(where)}: {place.articles} articles</title></circle></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def url_segment(value: str) -> str:
    """``value`` as one path segment: "/" is quoted too, or a name like "AC/DC" would split the path."""
    return quote_url(value, safe="")


# what a browser strips or ignores in an href before reading its scheme: "java\tscript:" is javascript:
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_URL_IGNORED = str.maketrans("", "", "\t\n\r")


def safe_href(url: str | None) -> str | None:
    """``url`` if a browser would open it as an http(s) page, else None (the template then shows plain text).

    Article data is untrusted: Jinja escapes markup but not a ``javascript:`` or ``data:`` scheme, which
    would run script in our origin on a click. Relative links are refused as well: an article's link
    resolved against our site would point somewhere its author never meant.
    """
    if not url:
        return None
    cleaned = url.strip(_URL_EDGE).translate(_URL_IGNORED)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned


# the search page's parameters, in the order its links spell them
SEARCH_FILTERS = ("since", "until", "outlet", "speaker", "place", "entity", "story")


def page_url(query: SearchQuery, **changes: str | int | None) -> str:
    """The search page for ``query`` with ``changes`` applied (None removes a parameter).

    Every link of the search page is built here so that none drops an active filter; a changed filter
    starts again from the first page unless ``offset`` is among the changes.
    """
    params: dict[str, str | int | None] = {"q": query.text}
    params.update({name: getattr(query, name) for name in SEARCH_FILTERS})
    params["offset"] = query.offset
    unknown = set(changes) - set(params)
    if unknown:
        raise TypeError(f"not a search parameter: {', '.join(sorted(unknown))}")
    if "offset" not in changes:
        params["offset"] = None
    params.update(changes)
    kept = [(name, str(value)) for name, value in params.items() if value not in (None, "", 0)]
    return "/?" + urlencode(kept) if kept else "/"


def month_bounds(month: str) -> tuple[str, str]:
    """The first and last day of a YYYY-MM month facet, for a since/until filter."""
    try:
        last = calendar.monthrange(int(month[:4]), int(month[5:7]))[1]
    except ValueError:  # not a YYYY-MM value: a filter on that exact string matches what it can
        return month, month
    return f"{month[:7]}-01", f"{month[:7]}-{last:02d}"
