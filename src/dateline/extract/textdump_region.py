"""Where the article's run of paragraphs ends, past the furniture a page prints between its paragraphs.

The run is first chosen by score (textdump._best_region_from): short furniture costs, prose pays. A
shopping or gallery article prints a dozen product tiles or picture credits between two paragraphs,
which costs more than the next paragraph pays, so the run stops short. The walk here goes on past such
furniture to the next full paragraph of the story's column, and stops for good at anything that says
the story is over (a section heading, a date line, comments, a promo, a linked headline)."""

from __future__ import annotations

from collections.abc import Callable

FURNITURE_MOST = 30  # short blocks in a row: a product grid between paragraphs has a dozen or two


def reach_on(end: int, count: int, stops: Callable[[int], bool], full_paragraph: Callable[[int], bool]) -> int:
    """The run's new end: the index after the last full paragraph reached from ``end``, crossing only
    blocks that neither stop the walk nor are full paragraphs (and not too many in a row)."""
    index, furniture = end, 0
    while index < count and furniture <= FURNITURE_MOST:
        if stops(index):
            break
        if full_paragraph(index):
            end, furniture = index + 1, 0
        else:
            furniture += 1
        index += 1
    return end
