"""The tense hint: is a time expression's clause in the past, present or future?

"Tuesday" and "May" name different days depending on it ("said Tuesday", "will meet Tuesday"). The
tagger takes the caller's hint when given (a parser's, see :mod:`dateline.enrich.times`), else
:func:`guess_tense` looks at the words around the expression in its sentence. Word lists live in
:mod:`dateline.enrich.timex_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from dateline.enrich.timex_lexicon import (
    FUTURE_BIGRAMS,
    FUTURE_MARKERS,
    NOT_BEFORE_PAST,
    NOT_PAST_ED,
    PAST_IRREGULAR,
    PRESENT_CUES,
)

Tense = Literal["PAST", "PRESENT", "FUTURE"]

#: (text, start, end) -> tense of the verb that governs the expression, or None when unknown
TenseHint = Callable[[str, int, int], Tense | None]

_PAST_PERFECT_BEFORE = re.compile(r"\bhad(?:\s+been)?$")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n|\n(?=[A-Z])")


def _verb_tense(word: str) -> Tense | None:
    w = word.lower()
    if w in ("will", "'ll", "shall", "going", "scheduled", "upcoming", "due", "plans", "expected", "expects"):
        return "FUTURE"
    if w in PAST_IRREGULAR:
        return "PAST"
    if w in PRESENT_CUES:
        return "PRESENT"  # stops the search: "is calling for redemption on Dec. 7" is not the past
    if len(w) > 4 and w.endswith("ed") and w not in NOT_PAST_ED and not w.startswith("un"):
        return "PAST"  # "unspecified", "unnamed" are adjectives
    return None


_REACH_BEFORE = 8  # words before the expression searched for a tense cue


def guess_tense(text: str, start: int, end: int) -> Tense | None:
    """The tense governing ``text[start:end]``, guessed from the words of its sentence (a cheap hint).

    The nearest cue among up to eight words before the expression decides ("said Tuesday", "will
    travel on Tuesday, officials said"), else the nearest of six words after it. Cues: future
    markers and modals, past forms (irregular list, "-ed" unless after "be"/"to"/a determiner),
    present forms ("is calling for redemption on Dec. 7" is not the past). "until/by" point ahead.
    """
    left = max(0, start - 200)
    before = text[left:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    after = text[end : end + 150]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    words_before = _WORD.findall(before)[-_REACH_BEFORE - 4 :]
    words_after = _WORD.findall(after)[:10]
    if words_before and words_before[-1].lower() in ("until", "till", "by"):
        # "completed by Dec. 15" lies ahead, unless the clause is in the past ("had filed reports by Wednesday")
        # ... or, opening the sentence, the clause follows it ("Until Thursday, they had not called him a suspect")
        following = words_after[:4] if len(words_before) == 1 else []
        for word in [*reversed(words_before[-6:-1]), *following]:
            if word.lower() in ("had", "was", "were", "did"):
                return "PAST"
        return "FUTURE"
    # the nearest tense cue before the expression wins, else the nearest after: "said Tuesday",
    # "will meet on Friday, officials said"; a participle after "be"/"to" is no past ("to be
    # published in May")
    order = [(words_before, len(words_before) - d) for d in range(1, _REACH_BEFORE + 1)] + [
        (words_after, d) for d in range(6)
    ]
    for words, index in order:
        if not 0 <= index < len(words):
            continue
        word = words[index].lower()
        future = (word in FUTURE_MARKERS and words[index] != "May") or (
            index + 1 < len(words) and f"{word} {words[index + 1].lower()}" in FUTURE_BIGRAMS
        )
        if future:
            # a plan in the past perfect ("had been due to expire Friday", "had planned to leave on
            # Monday") was overtaken before the story was written: its day lies behind
            if _PAST_PERFECT_BEFORE.search(" ".join(words[max(0, index - 2) : index]).lower()):
                return "PAST"
            return "FUTURE"
        tense = _verb_tense(word)
        if tense == "PAST" and index > 0 and words[index - 1].lower() in ("is", "are", "am"):
            return "PRESENT"  # a present passive ("when the case is heard in May")
        # a participle after "be"/"to" is no past ("to be published"), nor an adjective ("the reduced dividend")
        if tense == "PAST" and not (index > 0 and words[index - 1].lower() in NOT_BEFORE_PAST):
            return "PAST"
        if tense == "FUTURE" and _PAST_PERFECT_BEFORE.search(" ".join(words[max(0, index - 2) : index]).lower()):
            return "PAST"
        if tense in ("FUTURE", "PRESENT"):
            return tense
    return None
