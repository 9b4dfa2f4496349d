"""Direct quotes: a quoted passage in speech position and the cue before, after, inside or dashed
against it; lead-ins and run-ons that make it mixed; quotes that continue one another."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.enrich.quotes.clauses import (
    ADDRESSEE_VERBS,
    LEADING_CONNECTIVES,
    _content_tokens,
    _split_pieces,
    _trim_clause,
)
from dateline.enrich.quotes.lexicon import (
    DASHES,
    DOUBLE_MARKS,
    MAX_CUE_DISTANCE,
    MAX_INTERRUPTION_TOKENS,
    MAX_SUBJECT_TOKENS,
    OPENING_DOUBLE,
    SCENE_OPENERS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from dateline.enrich.quotes.marks import (
    _close_open_quote,
    _double_apostrophes_as_marks,
    paragraph_index,
    paragraphs,
    quote_pieces,
)
from dateline.enrich.quotes.records import _Candidate
from dateline.enrich.quotes.syntax import SENTENCE_BREAK, _inside, _is_cue_verb, _passive_subject, _subject, _tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _in_speech_position(text: str, start: int, para_start: int) -> bool:
    """A quote opening a paragraph, or after ':' ',' a dash or a word like 'said': not a scare quote."""
    before = text[para_start : max(para_start, start - 1)].rstrip()
    if not before:
        return True
    if before[-1] in ":,;" + DASHES or before[-1] in ".!?" or before[-1] in DOUBLE_MARKS:
        return True
    last_word = re.findall(r"\w+$", before)
    return bool(last_word) and last_word[0].lower() in SPEECH_WORD_FORMS


def _inflections(lemma: str) -> set[str]:
    """The regular finite forms of a verb ("declare" -> "declares", "declared")."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return {lemma + "s", lemma + "es", lemma + "ed"}


#: words after which a quote mark opens a statement ('declared "…"'), not a scare quote
SPEECH_WORD_FORMS = frozenset(
    {"that", "said", "told", "wrote", "says", "tells", "writes"}
    | {form for lemma in SPEECH_VERBS for form in _inflections(lemma)}
)


def _is_fragment(text: str, span: tuple[int, int], para_start: int) -> bool:
    start, end = span
    content = text[start:end]
    if not _in_speech_position(text, start, para_start):
        return True
    # a few words without a sentence end after a colon are still a quote ("No."), so only length rules here
    return len(content.split()) <= 2 and not content.rstrip().endswith((".", "!", "?", ","))


def _cue_after(sdoc: Doc, text: str, end: int, limit: int, quotes: list[tuple[int, int]]) -> _Candidate | None:
    """``"…," he said`` / ``"…," said Caddell`` / ``"…" — Commissioner X``: a cue right after the mark."""
    region_start = end + 1
    region = text[region_start:limit]
    # a no-break space before a signature dash ('…”\xa0― Jane Doe') is a space too
    stripped = region.lstrip(" ,\xa0")
    if stripped[:1] in DASHES:
        return _dash_speaker(sdoc, region_start + len(region) - len(stripped) + 1, limit)
    tokens = [t for t in _tokens(sdoc, region_start, limit) if t.idx >= region_start][:MAX_SUBJECT_TOKENS]
    closed_sentence = text[:end].rstrip()[-1:] == "." and stripped[:1].isupper()
    if closed_sentence and not (tokens and _is_cue_verb(tokens[0])):
        # '"… the timing." Gov. X said it would be …' : the period closed the sentence, and what follows
        # is a new one with a cue of its own ("said Reed" right after the mark still counts)
        return None
    # "Rep. Gwen Moore (D-Wis.) said": a party and state in brackets add no distance
    position, depth = -1, 0
    for token in tokens:
        depth += (token.text == "(") - (token.text == ")")
        position += depth == 0 and token.text != ")"
        if (token.text in {".", "!", "?"} and depth == 0) or token.text in DOUBLE_MARKS:
            break
        if _is_cue_verb(token) and (position <= MAX_CUE_DISTANCE or _subject_fills(token, tokens)):
            # a subject inside the quote is part of what was said, not the speaker; a parse may give the
            # cue both ('"… it will …," said James Acton')
            outside = [c for c in token.children if c.dep_ == "nsubj" and not _inside(c.idx, quotes)]
            subject = outside[0] if outside else _subject(token)
            if subject is not None and _inside(subject.idx, quotes):
                subject = None
            subject = subject or _governing_subject(token) or _adjacent_speaker(tokens, token)
            return _Candidate([], "direct", (token.idx, token.idx + len(token.text)), subject)
    return _manner_cue(text, end, tokens)


def _manner_cue(text: str, end: int, tokens: list[Token]) -> _Candidate | None:
    """``"…," Berg fumed on Tuesday.`` / ``"…," quipped Berg.``: a quotation closed by a comma leaves its
    sentence open, and the sentence's verb right after it, with a name or pronoun beside it, reports
    how the words were said whatever the verb is ("fumed", "quipped", "interjected"), so it is the cue."""
    if text[:end].rstrip()[-1:] != ",":
        return None
    words = [t for t in tokens if not t.is_space]
    verb_at = next((i for i, t in enumerate(words[:4]) if t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ"}), None)
    if verb_at is None:
        return None
    verb = words[verb_at]
    # only the speaker's name may come between: "…" in which X sits' opens the writer's clause
    lead = words[:verb_at]
    if any(t.is_punct or t.pos_ in {"ADP", "SCONJ"} or t.tag_ in {"WDT", "WP"} for t in lead):
        return None
    # a verb with an object or a clause of its own after it ("Berg won the vote") is a deed, not a cue
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.i > verb.i for c in verb.children):
        return None
    speaker = _adjacent_speaker(words, verb)
    if speaker is None:
        return None
    return _Candidate([], "direct", (verb.idx, verb.idx + len(verb.text)), speaker)


def _adjacent_speaker(between: list[Token], verb: Token) -> Token | None:
    """``"…," screenwriter Jo Hale wrote on Twitter`` / ``"…," declared Ana Ruiz, 29, of Bergen``: when
    the parse gives the cue right after a quotation no subject outside the marks (it tends to take one
    from inside the quote), the name standing between the mark and the verb, or right after the verb,
    is the speaker: nothing else can stand there in the news's cue clause."""
    before = [t for t in between if t.i < verb.i and not t.is_punct and not t.is_space]
    if before:
        last = before[-1]
        names = last.pos_ == "PROPN" or (last.pos_ == "PRON" and last.lower_ in SUBJECT_PRONOUNS)
        return last if names and last.i == verb.i - 1 and last.ent_type_ not in {"DATE", "TIME"} else None
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 8]]
    run: list[Token] = []
    for t in after:
        if t.pos_ != "PROPN" or t.ent_type_ in {"DATE", "TIME"}:
            break  # "said Tuesday" names a day, not a speaker
        run.append(t)
    return run[-1] if run else None


def _governing_subject(verb: Token) -> Token | None:
    """A quote's cue with no subject of its own takes the speaker of the verb it completes: "The union
    went on to say, "…"" (an infinitive under a verb with no object), "The council issued a statement
    saying, "…"" (a participle on what that verb's subject put out)."""
    head = verb.head
    if head == verb:
        return None
    infinitive = verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and head.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in head.children):
        return _subject(head) or _passive_subject(head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return _subject(head.head)
    return None


def _subject_fills(verb: Token, between: list[Token]) -> bool:
    """``"…," Sen. Mark Lane, the chairman of the committee, said``: a long speaker phrase between the
    mark and the cue is fine when it is all the cue's subject."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    words = [t for t in between if t.i < verb.i and not t.is_punct]
    return (
        subject is not None and bool(words) and all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in words)
    )


def _dash_speaker(sdoc: Doc, start: int, limit: int) -> _Candidate | None:
    tokens = [t for t in _tokens(sdoc, start, limit) if t.idx >= start]
    name = [t for t in tokens[:8] if t.ent_type_ in {"PERSON", "ORG"} or t.pos_ == "PROPN"]
    if not name:
        return None
    head = name[-1]
    dash = start - 1
    # the signature as written: the run of name words after the dash ("— Commissioner Frank Olsen")
    run = [t for t in tokens if t.i <= head.i and t.i >= name[0].i and not t.is_space]
    signed = (run[0].idx, run[-1].idx + len(run[-1].text)) if run else None
    return _Candidate([], "direct", (dash, dash + 1), head, subject_span=signed)


def _cue_before(sdoc: Doc, text: str, start: int, para_start: int, quotes: list[tuple[int, int]]) -> _Candidate | None:
    """``Peskov said: "…"`` / ``told reporters, "…"`` / ``From Governor X: "…"``: a cue just before."""
    open_mark = start - 1
    tokens = [t for t in _tokens(sdoc, para_start, open_mark) if t.idx < open_mark and not _inside(t.idx, quotes)]
    if not tokens:
        return None
    # only the sentence the quote opens in counts: stop at a sentence end before the mark
    tail: list[Token] = []
    for token in reversed(tokens):
        # a quote after a full stop starts a sentence of its own: its cue (if any) comes after it
        if token.text in {".", "!", "?"}:
            break
        if token.text in {"”", '"'}:
            break
        tail.insert(0, token)
    if not tail:
        return None
    ends_with_colon = tail[-1].text == ":"
    for distance, token in enumerate(reversed(tail)):
        if _is_cue_verb(token) and distance <= MAX_CUE_DISTANCE:
            subject = _subject(token) or _governing_subject(token)
            return _Candidate([], "direct", (token.idx, token.idx + len(token.text)), subject)
    if tail[-1].lower_ == "that":
        # 'is telling supporters after his victory in the primary that "…"': "that" opens the cue's
        # reported clause however far the cue is
        for token in reversed(tail):
            if _is_cue_verb(token):
                return _Candidate([], "direct", (token.idx, token.idx + len(token.text)), _subject(token))
    if ends_with_colon:
        names = [t for t in tail if t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or t.pos_ == "PROPN"]
        words = [t for t in tail if not t.is_punct and not t.is_space]
        opener = words[0] if words else None
        # a small model often tags a sentence-initial "Stated" as part of the name after it
        inverted = opener is not None and (_is_cue_verb(opener) or opener.lower_ in SPEECH_WORD_FORMS)
        after = [t for t in names if opener is not None and t.i > opener.i]
        if after and opener is not None and inverted:
            # "Tweeted Murphy, the head of the PAC:" / "Continued Stone:": a cue opening the sentence,
            # its speaker after it, the quote after the colon
            end = tail[-2] if len(tail) > 1 and tail[-2].text == "," else tail[-1]
            cue = (opener.idx, opener.idx + len(opener.text))
            return _Candidate([], "direct", cue, after[0], subject_span=(after[0].idx, end.idx))
        for token in reversed(tail):
            # "said she has the quality for the job: "…"": a cue whose clause runs up to the colon
            # introduces the quote however far it is
            if _is_cue_verb(token) and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                return _Candidate([], "direct", (token.idx, token.idx + len(token.text)), _subject(token))
        if names:
            colon = tail[-1]
            return _Candidate([], "direct", (colon.idx, colon.idx + 1), names[-1])
    return None


def _cue_in_previous_paragraph(sdoc: Doc, text: str, para: tuple[int, int]) -> _Candidate | None:
    """``Caddell continued:`` closing one paragraph introduces the quote that opens the next."""
    start, end = para
    if not text[start:end].rstrip().endswith(":"):
        return None
    return _cue_before(sdoc, text, end + 1, start, [])


def direct_candidates(sdoc: Doc, text: str) -> tuple[list[_Candidate], list[list[tuple[int, int]]]]:
    """Direct quotes with their cues, and the quoted fragments left over for the mixed pass."""
    groups = quote_pieces(text)
    raw = text
    # judge speech position on the text as the mark pairing read it: "lawyers. ''There's" opens a
    # sentence, which the raw second apostrophe would hide
    text = _double_apostrophes_as_marks(text)
    paras = paragraphs(text)
    all_pieces = [piece for group in groups for piece in group]
    found: list[_Candidate] = []
    fragments: list[list[tuple[int, int]]] = []
    merged_into: dict[int, int] = {}
    for index, group in enumerate(groups):
        if index in merged_into:
            continue
        para_index = paragraph_index(paras, group[-1][0])
        para_start, para_end = paras[para_index]
        first_para = paragraph_index(paras, group[0][0])
        first_para_start = paras[first_para][0]
        if len(group) == 1 and _is_fragment(text, group[0], first_para_start):
            fragments.append(group)
            continue
        candidate = _attribute_direct(sdoc, text, groups, index, (para_start, para_end), all_pieces)
        if candidate is None and first_para_start == group[0][0] - 1 and first_para > 0:
            candidate = _cue_in_previous_paragraph(sdoc, text, paras[first_para - 1])
        if candidate is None and len(group) == 1:
            candidate = _cue_after_run_on(sdoc, raw, group[0], para_end, all_pieces)
            if candidate is not None:
                found.append(candidate)
                continue
        if candidate is None:
            candidate = _Candidate([], "direct", inherit=True)
        candidate.spans = list(group)
        following = index + 1
        if following < len(groups) and _continues(sdoc, text, candidate, groups[following], paras[para_index]):
            candidate.spans.extend(groups[following])
            merged_into[following] = index
            _run_on_before_cue(raw, candidate)
        else:
            _widen_to_reported_clause(sdoc, raw, candidate)
            if candidate.kind == "direct" and candidate.cue is not None:
                _run_on_past_mark(raw, candidate)
            if candidate.kind == "direct" and candidate.cue is not None:
                _lead_in_before_mark(sdoc, raw, candidate)
        found.append(candidate)
    return found, fragments


def _lead_in_before_mark(sdoc: Doc, text: str, candidate: _Candidate) -> None:
    """``In past campaigns, "we felt that we could reach them," he said.``: a quotation opening in lower
    case goes on with a sentence the writer began; with its cue after it, the whole sentence up to the
    closing mark is what was said, a mixed quote."""
    if len(candidate.spans) != 1 or candidate.cue is None or candidate.cue[0] < candidate.end:
        return
    start, end = candidate.spans[0]
    opening = re.search(r"[^\W\d_]", text[start:end])
    # a few quoted words are a phrase being named ("coined a new phrase, "undocumented Democrats,""), not
    # the rest of a sentence
    if opening is None or opening.group().isupper() or len(text[start:end].split()) < 4:
        return
    para_start = text.rfind("\n", 0, start) + 1
    breaks = list(SENTENCE_BREAK.finditer(text, para_start, start - 1))
    lead_start = breaks[-1].end() if breaks else para_start
    lead = text[lead_start : start - 1]
    words = re.findall(r"[\w’']+", lead)
    if not words or len(words) > MAX_LEAD_IN_WORDS or any(mark in lead for mark in [*DOUBLE_MARKS, "''"]):
        return
    lead_tokens = _tokens(sdoc, lead_start, start - 1)
    if words[0].lower() in SCENE_OPENERS or any(_is_cue_verb(t) or t.lower_ in SPEECH_WORD_FORMS for t in lead_tokens):
        return  # the writer's scene, or a cue of its own before the quotation
    if lead_tokens and lead_tokens[0].tag_ in {"VBG", "VBN"}:
        return
    close = end + 1 if text[end : end + 1] in DOUBLE_MARKS else end
    candidate.spans = [(lead_start, close)]
    candidate.kind = "mixed"


#: lower-case words after a closing mark, up to a comma ("…" if she lost by that much, said X)
RUN_ON_TO_COMMA = re.compile(r"""[ \t]+([a-z][^.,;:!?\n"“”«»]{0,120}?),""")


def _cue_after_run_on(
    sdoc: Doc, text: str, piece: tuple[int, int], para_end: int, pieces: list[tuple[int, int]]
) -> _Candidate | None:
    """``"Many would consider that an embarrassment" if she didn't win by more, said David Wasserman.``:
    a quotation whose sentence goes on in the writer's words has its cue after that run-on; the
    sentence up to the cue is what was said, a mixed quote."""
    start, end = piece
    if text[end : end + 1] not in DOUBLE_MARKS:
        return None
    run_on = RUN_ON_TO_COMMA.match(text, end + 1)
    if run_on is None or len(run_on.group(1).split()) > MAX_RUN_ON_WORDS:
        return None
    comma = run_on.end(1)
    limit = _next_mark(text, comma + 1, para_end)
    candidate = _cue_after(sdoc, text, comma, limit, pieces)
    if candidate is None:
        return None
    candidate.spans = [(start - 1, comma)]
    candidate.kind = "mixed"
    return candidate


#: the words a sentence may go on with after a quotation that did not end it ("…" for Clinton, said X)
RUN_ON = re.compile(r"""[ \t]+([a-z][^.,;:!?\n"“”«»]{0,120}?)(?=[.,;:!?]|\n|$)""")


#: the most words of such a run-on
MAX_RUN_ON_WORDS = 12


def _run_on_end(text: str, end: int) -> int | None:
    """Where the writer's words running on after a quotation's closing mark end, when the quotation has no
    punctuation of its own before the mark (it did not end its sentence) and a few lower-case words follow."""
    if text[end : end + 1] not in DOUBLE_MARKS or text[end - 1 : end] in ".,;:!?—–-":
        return None
    run_on = RUN_ON.match(text, end + 1)
    if run_on is None or len(run_on.group(1).split()) > MAX_RUN_ON_WORDS:
        return None
    return run_on.end(1)


def _run_on_past_mark(text: str, candidate: _Candidate) -> None:
    """``Tyler said, "We have three weeks to go" until the caucuses.`` / ``"This will be a challenge"
    for Clinton, said Kunin.``: a quotation with no punctuation of its own before the closing mark,
    followed by lower-case words, is part of a longer sentence that goes on to its end or to the cue
    after it; that sentence is what was said, a mixed quote (PolNeAR's content runs on the same way)."""
    if len(candidate.spans) != 1 or candidate.cue is None:
        return
    start, end = candidate.spans[0]
    stop = _run_on_end(text, end)
    if stop is None:
        return
    if end < candidate.cue[0] < stop:
        return  # '"…" he said': the words after the mark are the cue
    candidate.spans = [(start - 1, stop)]
    candidate.kind = "mixed"


def _run_on_before_cue(text: str, candidate: _Candidate) -> None:
    """``"People were dancing" before the show, she said. "Then the truck came."``: the first piece of an
    interrupted quote whose sentence runs on in the writer's words up to the cue takes that run-on, as a
    single quote does (``_run_on_past_mark``); the run-on is part of what she said."""
    if candidate.cue is None or len(candidate.spans) < 2:
        return
    start, end = candidate.spans[0]
    stop = _run_on_end(text, end)
    if stop is None:
        return
    # the run-on must end at the comma before the cue's clause ('…" before the show, she said')
    if not (stop < candidate.cue[0] < candidate.spans[1][0]) or text[stop : stop + 1] != ",":
        return
    candidate.spans = [(start - 1, stop), *candidate.spans[1:]]
    candidate.kind = "mixed"


def _widen_to_reported_clause(sdoc: Doc, text: str, candidate: _Candidate) -> None:
    """``said that "…"`` / ``said on the other hand, "…" for now``: a quote inside the reported clause
    of a cue verb before it is a mixed quote whose content is the whole clause ("that" included).

    A colon or a bare comma between the cue and the mark keeps it direct (``said: "…"``).
    """
    if candidate.cue is None or len(candidate.spans) != 1:
        return
    start, end = candidate.spans[0]
    cue = _tokens(sdoc, *candidate.cue)
    if not cue or candidate.cue[1] >= start or not _is_cue_verb(cue[0]):
        return
    gap = text[candidate.cue[1] : start - 1]
    if ":" in gap:
        _take_what_the_colon_introduces(text, candidate, cue[0], gap)
        return
    if not re.search(r"\w", gap):
        if "," not in gap:
            _run_on_after_quote(text, candidate, cue[0])
        else:
            _take_lead_in(text, candidate, cue[0])
        return
    content = _content_tokens(cue[0])
    pieces = _split_pieces(_trim_clause(content, cue[0]), text) if content else []
    if len(pieces) == 1:
        clause_start, clause_end = pieces[0]
        # the clause must hold the whole quote and add words of its own before it
        if clause_start < start - 1 and clause_end >= end and re.search(r"\w", text[clause_start : start - 1]):
            candidate.spans = [(clause_start, clause_end)]
            candidate.kind = "mixed"
            return
    that = re.search(r"\bthat,?\s*$", gap)
    if that is not None:
        # 'told Fox that "they hit him"': whatever the parse made of it, "that" opens the clause
        candidate.spans = [_close_open_quote(text, candidate.cue[1] + that.start(), end)]
        candidate.kind = "mixed"


#: the most words a lead-in before an interrupting cue may have ("If Clinton is elected, he said, "…"")
MAX_LEAD_IN_WORDS = 25


def _take_lead_in(text: str, candidate: _Candidate, verb: Token) -> None:
    """``The program, she said, "can continue …"`` / ``Sooner or later, he said, "it starts to pay
    off."``: a sentence that the cue interrupts and that goes on in quotation marks is one statement,
    the writer's lead-in and the quoted rest (PolNeAR's content has both pieces): a mixed quote."""
    start, end = candidate.spans[0]
    subject = candidate.subject
    # the quotation goes on with the sentence only when it does not open one ("…, he said, "it starts")
    opening = re.search(r"[^\W\d_]", text[start:end])
    if subject is None or subject.i > verb.i or candidate.cue is None or opening is None or opening.group().isupper():
        return
    # only the speaker's phrase between the comma and the cue ("Sooner or later, Reed said, …")
    left = subject.left_edge
    if any(t.is_punct for t in verb.doc[left.i : verb.i]) or verb.i - left.i > 6:
        return
    para_start = text.rfind("\n", 0, left.idx) + 1
    before = text[para_start : left.idx].rstrip()
    if not before.endswith(","):
        return
    comma = para_start + len(before) - 1
    breaks = list(SENTENCE_BREAK.finditer(text, para_start, comma))
    lead_start = breaks[-1].end() if breaks else para_start
    lead = text[lead_start:comma]
    words = re.findall(r"\w+", lead)
    if not words or len(words) > MAX_LEAD_IN_WORDS or any(mark in lead for mark in [*DOUBLE_MARKS, "''"]):
        return
    # "Asked about the bomb, he said, "…"" / "As a phone rang, …": the writer setting the scene
    first = _tokens(verb.doc, lead_start, lead_start + len(words[0]))
    if words[0].lower() in SCENE_OPENERS or (first and first[0].tag_ in {"VBG", "VBN"}):
        return
    # "But, he said, "…"": a connective links to the sentence before, as it does before a reported clause
    if all(word.lower() in LEADING_CONNECTIVES for word in words):
        return
    close = end + 1 if text[end : end + 1] in DOUBLE_MARKS else end
    candidate.spans = [(lead_start, comma), (start - 1, close)]
    candidate.kind = "mixed"


def _take_what_the_colon_introduces(text: str, candidate: _Candidate, verb: Token, gap: str) -> None:
    """``revealed a few relevant facts: "Of its 76,981 voters …"`` / ``said she has the quality for
    the job: "Steadiness."``: what the cue says before the colon (its object or clause) announces the
    quote, and both are what was said. ``said: "…"``, ``told reporters: "…"`` stay direct."""
    start, end = candidate.spans[0]
    colon = candidate.cue[1] + gap.rindex(":") if candidate.cue else -1
    if text[colon + 1 : start - 1].strip() or candidate.cue is None:
        return  # words after the colon: not a colon right before the quote
    lemma = verb.lemma_.lower()
    said = [
        c
        for c in verb.rights
        if candidate.cue[1] <= c.idx < colon
        and (c.dep_ == "ccomp" or (c.dep_ == "dobj" and lemma not in ADDRESSEE_VERBS))
    ]
    # 'put it this way: "…"', 'said this: "…"': a pronoun only points at the quote, which is all that was said
    if not said or all(c.pos_ == "PRON" or c.lower_ in {"this", "that"} for c in said):
        return
    first = min(t.idx for c in said for t in c.subtree)
    close = end + 1 if text[end : end + 1] in DOUBLE_MARKS else end
    candidate.spans = [(first, close)]
    candidate.kind = "mixed"


def _run_on_after_quote(text: str, candidate: _Candidate, verb: Token) -> None:
    """``says "the wind is at our backs" despite the loss``: a quote right after its cue (no colon,
    no comma) whose sentence goes on after the closing mark is part of a longer reported clause;
    the clause, from the opening mark to where the parse ends it, is a mixed quote."""
    start, end = candidate.spans[0]
    after = text[end + 1 : end + 3]
    if not (after[:1] == " " and after[1:2].isalpha() and after[1:2].islower()):
        return
    content = _content_tokens(verb)
    pieces = _split_pieces(_trim_clause(content, verb), text) if content else []
    if len(pieces) != 1:
        return
    clause_start, clause_end = pieces[0]
    if clause_start <= start and clause_end > end + 1:
        candidate.spans = [_close_open_quote(text, start - 1, clause_end)]
        candidate.kind = "mixed"


def _continues(sdoc: Doc, text: str, candidate: _Candidate, nxt: list[tuple[int, int]], para: tuple[int, int]) -> bool:
    """``"A," he said, "B."``: the next quote right after this one's cue clause continues it."""
    cue = candidate.cue
    last_end = candidate.spans[-1][1]
    para_start, para_end = para
    if cue is None or cue[0] < last_end or not para_start <= nxt[0][0] <= para_end or cue[1] > nxt[0][0]:
        return False
    # 'he said on CNN's "State of the Union."', 'He called Burma a "good news story"': a quote that
    # does not open in speech position is a title or a fragment, not the statement's next piece
    if not _in_speech_position(text, nxt[0][0], para_start):
        return False
    gap = _tokens(sdoc, last_end + 1, nxt[0][0] - 1)
    # a second cue in the gap ("Trump said, adding later, “…”") starts a quote of its own
    if len(gap) > MAX_INTERRUPTION_TOKENS or any(_is_cue_verb(t) and t.idx != cue[0] for t in gap):
        return False
    limit = _next_mark(text, nxt[-1][1] + 1, para_end)
    return _cue_after(sdoc, text, nxt[-1][1], limit, []) is None


def _next_mark(text: str, start: int, para_end: int) -> int:
    for i in range(start, para_end):
        if text[i] in OPENING_DOUBLE or (text[i] == '"' and i + 1 < para_end and not text[i + 1].isspace()):
            return i
    return para_end


def _attribute_direct(
    sdoc: Doc,
    text: str,
    groups: list[list[tuple[int, int]]],
    index: int,
    para: tuple[int, int],
    pieces: list[tuple[int, int]],
) -> _Candidate | None:
    group = groups[index]
    para_start, para_end = para
    first_para_start = next((s for s, e in paragraphs(text) if s <= group[0][0] <= e), para_start)
    limit = _next_mark(text, group[-1][1] + 1, para_end)
    # 'claimed on Tuesday that "…," one of the prosecutors said': a quote opened by "that" is inside
    # the reported clause of the cue before it, whatever follows
    if re.search(r"\bthat,?\s*$", text[first_para_start : group[0][0] - 1]):
        before = _cue_before(sdoc, text, group[0][0], first_para_start, pieces)
        if before is not None:
            return before
    after = _cue_after(sdoc, text, group[-1][1], limit, pieces)
    if after is not None:
        return after
    return _cue_before(sdoc, text, group[0][0], first_para_start, pieces)
