"""Quotation marks: paragraphs, typed and straight marks paired per paragraph (an apostrophe inside or
at the end of a word is never a mark), quotes running on over paragraphs."""

from __future__ import annotations

import re

from dateline.enrich.quotes.lexicon import DOUBLE_MARKS, OPENING_DOUBLE, SINGLE_OPEN


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs (the article text joins them with a blank line).

    A single line break counts too: text read with ``--plain`` may break paragraphs that way.
    """
    ranges, start = [], 0
    for match in re.finditer(r"\n\s*", text):
        ranges.append((start, match.start()))
        start = match.end()
    ranges.append((start, len(text)))
    return [(s, e) for s, e in ranges if e > s]


def paragraph_index(paras: list[tuple[int, int]], position: int) -> int:
    """The index of the paragraph (of ``paragraphs``) that holds ``position``, or -1."""
    return next((i for i, (s, e) in enumerate(paras) if s <= position <= e), -1)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _opens(text: str, i: int, para_start: int) -> bool:
    """Whether the mark at ``i`` can open a quote (typographic openers always; straight ones by context)."""
    char = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in OPENING_DOUBLE or char in SINGLE_OPEN:
        return not (char == "‘" and _is_word_char(before))
    if char == "”":
        # a closing mark typed at the start of a quote (a common typo): opens when a word follows
        return not _is_word_char(before) and _is_word_char(after)
    if char in "\"'":
        # straight marks open after a space, an opening bracket or a dash, before a non-space
        return not _is_word_char(before) and before not in ".,;!?" and not after.isspace()
    return False


def _closes(text: str, i: int, opener: str) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1]
    if opener in '“„«"”':
        if char in '”"»' or (opener == "„" and char == "“"):
            return not (char == '"' and before.isspace() and not after.isspace())
        return False
    # single quotes: "doesn’t" has a letter on both sides, so it is an apostrophe, not a closing mark
    if char in "’'›":
        return not _is_word_char(after) and not before.isspace()
    return False


def _closes_later(text: str, i: int, end: int) -> bool:
    """An inner opener counts as nested only when two closers follow it in the paragraph (its own and
    the outer quote's); otherwise it is a stray mark and the next closer ends the quote."""
    closer = "”" if text[i] == "“" else "»"
    return text.count(closer, i, end) >= 2


def _is_single(mark: str) -> bool:
    return mark in "‘‹'"


def quote_pieces(text: str) -> list[list[tuple[int, int]]]:
    """Top-level quoted passages as lists of pieces (one per paragraph), offsets inside the marks."""
    groups: list[list[tuple[int, int]]] = []
    carried: list[tuple[int, int]] = []
    paras = paragraphs(text)
    text = _markup_masked(_double_apostrophes_as_marks(text))
    for index, (p_start, p_end) in enumerate(paras):
        opener: str | None = None
        open_at = -1
        if carried and text[p_start] in DOUBLE_MARKS + SINGLE_OPEN:
            opener, open_at = text[p_start], p_start
        elif carried:
            groups.append(carried)
            carried = []
        i = p_start + (1 if opener else 0)
        depth = 0  # typographic openers of the same kind nested inside the quote ('“… what he calls “hell” …”')
        while i < p_end:
            char = text[i]
            if opener is None:
                if char in DOUBLE_MARKS + SINGLE_OPEN + "'" and _opens(text, i, p_start):
                    opener, open_at, depth = char, i, 0
            elif char == opener and opener in "“«" and _opens(text, i, p_start) and _closes_later(text, i, p_end):
                depth += 1
            elif _closes(text, i, opener) and depth > 0:
                depth -= 1
            elif _closes(text, i, opener):
                carried.append((open_at + 1, i))
                groups.append(carried)
                carried, opener = [], None
            i += 1
        if opener is not None:
            continues = index + 1 < len(paras) and text[paras[index + 1][0]] in DOUBLE_MARKS + SINGLE_OPEN
            if continues and not _is_single(opener):
                carried.append((open_at + 1, p_end))
            elif open_at == p_start and not _is_single(opener):
                # an unclosed quote that fills its paragraph: the closing mark was lost
                carried.append((open_at + 1, p_end))
                groups.append(carried)
                carried = []
            elif carried:
                groups.append(carried)
                carried = []
    if carried:
        groups.append(carried)
    trimmed = [_trim_group(text, group) for group in groups]
    return [group for group in trimmed if group]


#: a markup tag left in the text by the page ("<tweet author="x" date="May 4">", "<a href="…">")
MARKUP_TAG = re.compile(r"""<[A-Za-z/][\w-]*(?:\s[^<>]*)?/?>""")


def _markup_masked(text: str) -> str:
    """Marks inside a markup tag delimit its attribute values, not anyone's words: blank them (same
    offsets), so that a tag's ``"`` never opens a quote that swallows the text after it."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"""["'“”‘’]""", " ", match.group())

    return MARKUP_TAG.sub(blank, text)


def _double_apostrophes_as_marks(text: str) -> str:
    """Some archives type ``''quote''`` for a double quote: read it as one straight mark (same offsets)."""

    def replace(match: re.Match[str]) -> str:
        after = text[match.end()] if match.end() < len(text) else " "
        return ' "' if not after.isspace() and after not in ".,;:!?" else '" '

    return re.sub(r"''", replace, text)


def _trim_group(text: str, group: list[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed = []
    for start, end in group:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _close_open_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """``is "unfit to serve."``: a clause ending inside a quote takes its closing mark (and the period in it)."""
    content = text[start:end]
    opened = sum(content.count(m) for m in "“«") > sum(content.count(m) for m in "”»")
    opened = opened or (content.count('"') + content.count("''")) % 2 == 1
    match = re.match(r"""[.,!?;:]*(?:''|["”»])""", text[end:])
    if opened and match:
        return start, end + match.end()
    # a single-quoted title ("Speaks ‘Directly To White People’"): an opener in the clause, none closed
    single_open = len(re.findall(r"(?:^|(?<=\s))[‘']", content))
    single_close = len(re.findall(r"[’'](?=$|[\s.,;:!?])", content))
    match = re.match(r"[.,!?;:]*[’'](?!\w)", text[end:])
    return (start, end + match.end()) if single_open > single_close and match else (start, end)
