"""Page furniture a text dump prints inside the article's run of paragraphs, told apart from the story:
notices and captions printed again, labelled picture credits, alt text, cut teasers, cookie notices, a
live blog's entry stamps, the notes under a story; and the story's own lists printed without bullets.

These look at paragraph texts (and at most their printed page or score), so they are cheap and easy to
test on their own; textdump.py calls them when it picks the body's paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

WORD = re.compile(r"\w+")

NOTICE_PAGES = 3  # a consent notice or a 'Source:' box comes back on page after page; a story's text does not
NOTICE_MIN_WORDS = 8  # a list's field lines ('Next fight: TBA') repeat by right


def printed_often(blocks: Iterable[tuple[str, int]]) -> set[str]:
    """Texts (of blocks given with their printed page) that come back on three printed pages or more:
    notices and boxes repeated down the page. However long, they are never the story's own paragraphs
    (a quote a page prints twice in a row is, so copies on one page do not count)."""
    pages: dict[str, set[int]] = {}
    for text, page in blocks:
        if len(WORD.findall(text)) >= NOTICE_MIN_WORDS:
            pages.setdefault(text, set()).add(page)
    return {text for text, seen in pages.items() if len(seen) >= NOTICE_PAGES}


TWICE_REACH = 5  # blocks: a caption and its lightbox copy, a teaser in two boxes side by side
TWICE_MOST_WORDS = 30  # a caption or a teaser; a paragraph of the story printed twice is a glitch, kept once


def printed_twice_close(texts: Sequence[str]) -> set[str]:
    """Short texts a page prints again within a few blocks: a photo's caption under the picture and in
    its lightbox, a teaser in two boxes side by side. A story does not repeat itself a few lines later,
    so neither copy is the story's. (Longer copies are a glitch of the page or a pull quote: drop_repeats
    keeps one.)"""
    found: set[str] = set()
    for index, text in enumerate(texts):
        if text in texts[index + 1 : index + 1 + TWICE_REACH] and (
            NOTICE_MIN_WORDS <= len(WORD.findall(text)) <= TWICE_MOST_WORDS
        ):
            found.add(text)
    return found


# a picture's credit given with its label inside a caption ('... reconstruction. Image credit: Ann Lee et
# al., doi: 10.1/x.'): the label can sit anywhere, the caption's own text runs on after it
CREDIT_LABEL = re.compile(r"\b(?:image|photo|picture|photograph|video)\s+(?:credits?|courtesy)\s*:", re.IGNORECASE)
CREDIT_LABEL_WORDS = 80
# a wire photo's credit closing its caption ('... in Belgrade. (AP Photo/Ann Lee, File)'), which a lightbox
# prints with the caption twice over: longer, but a story never writes its own text so
WIRE_PHOTO_CREDIT = re.compile(r"\((?:AP|AFP|EPA|Reuters|REUTERS)\s+Photo\s*/[^)]{2,60}\)", re.IGNORECASE)
WIRE_CAPTION_WORDS = 150


def labelled_credit(text: str) -> bool:
    """A short block carrying an 'Image credit:' label or a wire photo's credit: a caption, not prose
    (a story names a picture's source in its own words, not under a label)."""
    if CREDIT_LABEL.search(text):
        return len(WORD.findall(text)) <= CREDIT_LABEL_WORDS
    return bool(WIRE_PHOTO_CREDIT.search(text)) and len(WORD.findall(text)) <= WIRE_CAPTION_WORDS


# a live blog's entry stamp: the entry's age and its clock time ('2d ago / 7:58 AM UTC', '3h ago',
# '7:58 AM ET'), a line of its own. (A bare '5:48' is a video's length, so a clock needs its AM/PM.)
ENTRY_STAMP = re.compile(
    r"^(?:\d{1,2}\s*(?:[smhd]|mins?|hours?|days?)\s+ago(?:\s*[/|·•–—-]\s*)?)?"
    r"(?:\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?(?:\s+[A-Z]{2,4})?)?$"
)
LIVE_ENTRIES = 3  # stamps down the page: fewer are a byline's age or a related story's


ENTRY_REACH = 3  # blocks from a stamp to its entry's prose: the entry's headline and author come between
ENTRY_PROSE_WORDS = 20  # an entry opens with a paragraph; a teaser's blurb under its age runs a line


def live_entry_stamps(texts: Sequence[str]) -> list[int]:
    """Where the entries of a live blog begin: the indices of its entry stamps, when three or more of
    them open an entry of prose. A live blog's article is its summary above the first entry; the entries
    under it are a stream of short reports (annotated and read as the page's, not as one story). (A box
    of latest headlines prints its ages one after another, with no prose under them.)"""
    stamps = [index for index, text in enumerate(texts) if text.strip() and ENTRY_STAMP.match(text.strip())]
    entries = [index for index in stamps if any(_prose(text) for text in texts[index + 1 : index + 1 + ENTRY_REACH])]
    return stamps if len(entries) >= LIVE_ENTRIES else []


def _prose(text: str) -> bool:
    return len(WORD.findall(text)) >= ENTRY_PROSE_WORDS and text.rstrip("\"”’')]").endswith((".", "!", "?"))


# the reference block under a science or wire story ('More information: Ann Lee et al, ...', 'Citation:
# ...', 'Provided by University of ...'): the story has ended above it, and what follows is the page's
REFERENCE_NOTE = re.compile(r"^(?:more information|citation|journal information|provided by)\s*:", re.IGNORECASE)
# the outlet's note on its standards under an opinion or advice piece ('The opinions expressed here are the
# author's', '... do not own shares in any securities mentioned', 'Read our editorial policies'): the story is
# over (a story about a paper's editorial policy names it without 'our')
STANDARDS_NOTE = re.compile(
    r"\bopinions expressed (?:here|in this (?:article|column|piece)|by)\b|"
    r"\b(?:our|read|about)\s+(?:\w+['’]s\s+)?editorial (?:policy|policies|standards|guidelines)\b|"
    r"\b(?:do|does) not own shares\b|\bfor (?:educational|informational|general) (?:purposes|use) only\b",
    re.IGNORECASE,
)


# an image's alt text printed where the picture was: a description in lower case that is no sentence
# ('a cat chases a red dot on a couch'); the story's paragraphs open with a capital and end a sentence
ALT_TEXT = re.compile(r"^(?:a|an|the|two|three|several|close-up of)\s+[a-z]")
ALT_TEXT_WORDS = 40


def alt_text(text: str) -> bool:
    return (
        bool(ALT_TEXT.match(text))
        and not text.rstrip("\"”’')]").endswith((".", "!", "?", ":"))
        and len(WORD.findall(text)) <= ALT_TEXT_WORDS
    )


PROSE = 15.0  # a paragraph scoring this much is running text (as textdump scores paragraphs)
BULLETS_LEAST = 3  # two short lines between paragraphs may be a caption and its credit
BULLETS_MOST = 25


def bullet_runs(
    scores: Sequence[float], item_like: Sequence[bool], label_like: Sequence[bool], start: int, end: int
) -> set[int]:
    """The items of a list printed without its bullets: three or more short lines shaped like list
    items (with the odd short label among them: 'Choose your dipper'), with the story's prose right
    above and right under them. Each alone scores as furniture; between two of the story's paragraphs
    they are its own list (an ingredient list, the features of a product), where a menu or a box of
    links sits at the story's edge."""
    listed: set[int] = set()
    index = start + 1
    while index < end - 1:
        if not (scores[index - 1] >= PROSE and scores[index] < PROSE):
            index += 1
            continue
        following, items, labels = index, 0, 0
        while following < end and scores[following] < PROSE:
            if item_like[following]:
                items += 1
            elif label_like[following]:
                labels += 1
            elif scores[following] <= 0:
                break  # furniture (a line scoring above 0 is kept anyway: 'Pickled radish (the yellow ones!)')
            following += 1
        if (
            following < end
            and scores[following] >= PROSE
            and BULLETS_LEAST <= items <= BULLETS_MOST
            and labels * 2 <= items
        ):
            listed.update(range(index, following))
        index = following + 1
    return listed


# a teaser cut short with its link to the rest ('... and game mechanics. … Read more', '… more >'): however
# long, the text of another page
CUT_TEASER = re.compile(r"(?:…|\.\.\.)\s*(?:read more|more\s*>|continue reading|keep reading)\W*$", re.IGNORECASE)


def cut_teaser(text: str) -> bool:
    return bool(CUT_TEASER.search(text))


# what a cookie or privacy notice says; a story about cookies (the baked kind) or privacy says one of
# these, a notice says several
CONSENT_CUE = re.compile(
    r"\bcookies\b|\bconsent\b|\bopt[- ]out\b|\bpersonal (?:information|data)\b|\bthird[- ]part(?:y|ies)\b|"
    r"\byour (?:browser|device|preferences|choices)\b|\badvertising partners\b|\bprivacy (?:policy|settings)\b",
    re.IGNORECASE,
)
CONSENT_CUES_LEAST = 3


def consent_notice(text: str) -> bool:
    """A cookie or privacy notice (or a paragraph a notice printed over is mixed into): three kinds of
    what such a notice says."""
    return len({cue.group(0).lower() for cue in CONSENT_CUE.finditer(text)}) >= CONSENT_CUES_LEAST
