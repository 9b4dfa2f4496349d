"""Last passes over a text dump's body paragraphs, once the article's region is chosen.

These work on the paragraph texts alone (no layout), so they are cheap and easy to test on their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

WORD = re.compile(r"\w+")
REPEAT_MIN_WORDS = 8  # a sentence printed twice is a copy; a list's field lines ('Next fight: TBA') repeat by right


def drop_repeats(body: Sequence[str]) -> list[str]:
    """Each paragraph once: a page prints a caption again in its lightbox, a related headline in two
    boxes, a pull quote beside the paragraph it quotes; the story itself never repeats a paragraph."""
    seen: set[str] = set()
    kept: list[str] = []
    for text in body:
        key = " ".join(text.split())
        if len(WORD.findall(key)) >= REPEAT_MIN_WORDS:
            if key in seen:
                continue
            seen.add(key)
        kept.append(text)
    return kept
