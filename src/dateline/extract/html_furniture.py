"""Page furniture that trafilatura keeps in an article's text, recognised by markup or by wording.

Two kinds: containers that are never the article (dialogs, disclosure boxes, reader comments), pruned
from trafilatura's copy of the tree by XPath; and lines that survive extraction but are not the
article's prose (the reference list under a science story, the leftovers of a social-media embed, a
"most read" list after the text), dropped from the extracted paragraphs.
"""

from __future__ import annotations

import re

# Pruned whatever their class spelling elsewhere: a dialog or an affiliate disclosure is never the text.
# The length guard keeps a page whose whole article sits in such a box (a lightbox gallery) readable.
PRUNE_XPATHS = [
    "//*[@role='dialog' or @aria-modal='true' or contains(@class, 'isclosure')]"
    "[string-length(normalize-space(.)) < 3000]",
    # reader comments under names trafilatura's own comment rule does not know ("xenforo-comment-widget",
    # "comments-area"); never "commentary", an opinion column's own label. The first test is cheap and
    # leaves few elements for the others.
    "//*[contains(@class, 'comment') or contains(@id, 'comments')][contains(@class, 'comments-list')"
    " or contains(@class, 'comment-list') or contains(@class, 'commentlist') or contains(@class, 'comment-widget')"
    " or contains(@class, 'comments-area') or contains(@class, 'comment-body') or contains(@class, 'comment-content')"
    " or contains(@class, 'comments-section') or contains(@id, 'comments')]",
]

# a citation: "[3] Smith, ...", "Jane Roe et al. 2023. Title. Journal", "Jane Roe et al, Title, Journal
# (2023)" (not "a study by Roe et al. in 2023"), a DOI, or the labels science
# news services put under their stories ("More information:", "Journal information:", "Provided by")
_REFERENCE = re.compile(
    r"^\[\d{1,3}\]\s|\bet al\b[.,]?\s*(?:\(?(?:19|20)\d\d\)?[.,]|[^.]{5,200}\((?:19|20)\d\d\))"
    r"|\bdoi:?\s*10\.\d{4,}/"
    r"|^(?:more information|journal information|journal reference|citation|provided by|source)\s*:"
    r"|^provided by\s[^.]{1,80}$",
    re.I,
)
_REFERENCE_HEADING = re.compile(
    r"^(?:footnotes?|references?|notes|sources?|bibliography|works cited|citations?|journal reference"
    r"|(?:photo )?credits)\s*:?$",
    re.I,
)
_RULE = re.compile(r"^[\W_]+$")  # "_____", "***": a separator, no words


def trim_references(paragraphs: list[str]) -> list[str]:
    """Drop the reference list that ends a science or history piece: citations, their heading and the
    separator above them, read from the end up. A citation inside the text ("Andersen et al. v. ...")
    stays, as prose follows it."""
    end = len(paragraphs)
    while end > 1:
        last = paragraphs[end - 1]
        if len(last) < 600 and (_REFERENCE.search(last) or _RULE.match(last)):
            end -= 1
            continue
        break
    if end < len(paragraphs) and end > 1 and _REFERENCE_HEADING.match(paragraphs[end - 1]):
        end -= 1
    # a heading such as "References" with the list under it may stand before a short closing credit
    if end == len(paragraphs):
        for index in range(max(len(paragraphs) // 2, 1), len(paragraphs) - 1):
            if _REFERENCE_HEADING.match(paragraphs[index]) and all(
                _REFERENCE.search(line) or len(line) < 80 for line in paragraphs[index + 1 :]
            ):
                return paragraphs[:index]
    while end > 1 and _RULE.match(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end]


# what a social embed leaves when its script did not run: raw markup as text, and the poster's name
# with their handle on a line of its own
_MARKUP = re.compile(r"<(?:a|p|blockquote|span|div|img|iframe|br)\b[^>]{0,300}>|</(?:a|p|blockquote)>", re.I)
_POSTER = re.compile(r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s+\(?@\w{2,15}\)?$")


def is_embed_residue(line: str) -> bool:
    return bool(_MARKUP.search(line) or (len(line) < 70 and _POSTER.match(line)))


# a "most read" or "trending" heading after the text, with the outlet's name in front of it or the
# year after it ("Vanity Fair's Most Read Stories of 2023", "Trending this week")
_LIST_HEADING = re.compile(
    r"^(?:[\w.&-]+(?:\s[\w.&-]+){0,3}[’']s\s+)?(?:most (?:read|popular|viewed|shared)|trending)"
    r"(?:\s(?:stories|articles|news|now|today|this week|on [\w.-]+(?:\s[\w.-]+){0,2}))?(?: of (?:19|20)\d\d)?\s*:?$"
    r"|^(?:our|more) (?:latest )?coverage(?: of [^.!?]{1,60})?\s*:?$",
    re.I,
)


def is_list_heading(line: str) -> bool:
    return len(line) < 70 and bool(_LIST_HEADING.match(line))


# short lines that are about the article, not in it: an editor's note, a contributor credit, where to
# read more, the print edition it ran in, and the placeholder text an embed leaves when it does not load;
# then the outlet talking about itself: newsletters, subscriptions, podcasts, forums, its mission, its
# testing, its corrections, and the press-release service's credit. Split in two because a pattern
# anchored at the start is tried once per line, the others at every position.
_ABOUT_START = re.compile(
    r"editor[’']?s['’]? note\b"
    r"|for more\b.{0,80}\bvisit:?\s+(?:https?://|www\.|[\w-]+\.[a-z]{2,})"
    r"|from the [\w\s,]{3,30} (?:print )?edition$"
    r"|(?:instagram|twitter|tiktok|youtube|facebook|x|pinterest|spotify|threads) (?:content|post|video)$"
    r"|this content can also be viewed on the site it originates from\.?$"
    r"|waiting for your permission to load\b|not a subscriber\b|support (?:our|independent) journalism\b"
    r"|(?:listen|subscribe) to\b.{0,60}\bon (?:spotify|apple podcasts|google podcasts)\b"
    r"|also available on (?:apple podcasts|spotify|google podcasts)\b"
    r"|join our\b.{0,40}\b(?:forums?|community|discord)\b"
    # the outlet's own mission, not a company's in a business story ("Tesla's mission is to ...")
    r"|[\w.'’ ]{2,40}[’']s (?:\w+ ){0,2}mission is\b(?=.*\b(?:journalis\w*|editorial|news|readers|briefings)\b)"
    r"|(?:a previous|an earlier) \w+ of this (?:article|story|post)\b"
    r"|materials? provided by\b|your subscription has been confirmed\b|comments on this (?:piece|article|story) are\b"
    r"|this (?:story|article|post|piece) (?:will appear|appears|originally appeared|was originally published)\b"
    r"|\*?(?:some )?(?:names|details) (?:have|has) been changed\b|discuss this in the forum\b"
    r"|(?:source |lead )?(?:images?|photos?) ?(?:by|courtesy of|:) [^.]{1,80}(?:\.|$)",
    re.I,
)
_ABOUT_ANYWHERE = re.compile(
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$"
    r"|\bdelivered (?:every|each) (?:\w+day|week|morning|evening)\b|\bsubscribe today\b"
    r"|\bjournalism needs your support\b|\bfind out more about how we test\b"
    r"|\bcontent may be edited for style and length\b",
    re.I,
)


# the byline strip's counters ("2 Shares 1530 Views", "5 min read"), often glued to the name and date
_COUNTERS = re.compile(r"\d\s*(?:shares?|views?|comments?|min(?:ute)?s? read)\b", re.I)


def is_about_line(line: str) -> bool:
    if len(line) < 100 and not line.endswith(".") and _COUNTERS.search(line):
        return True
    return len(line) < 600 and bool(_ABOUT_START.match(line) or _ABOUT_ANYWHERE.search(line))
