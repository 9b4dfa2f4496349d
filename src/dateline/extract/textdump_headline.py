"""Headline hints from the printed layout of a text dump: how wide a block's lines wrap.

A headline prints in a bigger font than the article, so its lines wrap far short of the body's column.
The dump keeps no font sizes, but the wrap width shows through: a line broke where the next word no
longer fitted. (Menus and sidebars wrap short too, so this only ever confirms a candidate found by
other means.)"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

HEADLINE_WRAP = 0.7  # of the body's column: a headline font is at least about 1.4 times the body's
MIN_BODY_LINES = 20  # below this the column width is a guess


def body_column(blocks: Sequence[Sequence[str]]) -> int | None:
    """The body's usual line width: the median of the wrapped (not last) lines of paragraphs of prose
    (three lines or more, ending a sentence; menus wrap in narrow columns but end no sentence)."""
    widths = sorted(
        len(line)
        for lines in blocks
        if len(lines) >= 3 and lines[-1].rstrip("\"”’')").endswith((".", "!", "?"))
        for line in lines[:-1]
    )
    return widths[len(widths) // 2] if len(widths) >= MIN_BODY_LINES else None


def wrap_bound(lines: Sequence[str]) -> int | None:
    """The widest a block's lines could have been: each line broke before the next one's first word."""
    if len(lines) < 2:
        return None
    return max(len(line) + 1 + len(following.split(" ", 1)[0]) for line, following in pairwise(lines))


def big_font(lines: Sequence[str], column: int | None) -> bool:
    """A block of two to five lines wrapped well short of the body's column."""
    if column is None or not 2 <= len(lines) <= 5:
        return False
    bound = wrap_bound(lines)
    return bound is not None and bound <= HEADLINE_WRAP * column


FONT_STEP = 0.8  # a headline's wrap width against the standfirst's under it: at least one font size apart


def smaller_font(above: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``below`` prints in a smaller font than the wrapped block ``above``: its lines wrap
    wider (or, on one line, run longer than ``above`` could hold)."""
    bound = wrap_bound(above)
    if bound is None or not below:
        return False
    width = wrap_bound(below) or len(below[0])
    return bound <= FONT_STEP * width
