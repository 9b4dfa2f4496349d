"""How far a reported clause runs: what a cue's complement is, and where it is cut (semicolons,
asides, closing appositions and statements, wire datelines, time phrases after the cue).

How far a reported clause runs, when the parse hangs part of it on the cue.

PolNeAR-style annotation (and a reader) takes the words that follow a cue's content in the same sentence
as part of what was said, unless they say when or where it was said or are the speaker's own next act.
A small parser often hangs that tail on the cue verb instead of on the reported clause, so the content
stopped short; and it hangs the speaker's next speech verb inside the reported clause, so the content ran
on. Rules written from PolNeAR train articles 120 onwards, each kept because it helps (or does not hurt)
dev and the check slice (train articles 0-119):

- **a tail hung on the cue** ("accused the mayor of lying in his annual report", "pledged to name her
  if he wins", "said the talks had failed, but a deal was still possible"): a prepositional phrase that
  is not the time or occasion of the statement, an adverbial clause that is not a time clause nor a
  comma-led participle (", adding …"), a coordinated clause with a subject of its own that is not a
  speech verb;
- **an interrupted sentence** ("The vote would be close, she said, and turnout would decide it"): the
  words after the cue clause that the parse hangs on the cue are the second piece of the content;
- **a coordinated speech verb** ('said he welcomed the ruling and added, "…"'): a cue verb of the same
  form as the cue and no subject, coordinated inside the reported clause, ends it;
- **a clause left open** ("found 53 percent backed her and 42 percent favored him"): a phrase hung on
  the cue that opens on the word right after the content, with no punctuation between, finishes it;
- **asides between dashes**: only the writer's gloss ("-- a group of party leaders --", "-- as his
  rival noted --") is cut; an aside opening on anything else ("-- including X --", "-- mainly in
  cities --") qualifies what was said and stays in it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import DOUBLE_MARKS, INFINITIVE_CUES, NAMING_VERBS, QUESTION_VERBS, SPEECH_VERBS
from dateline.enrich.quotes.marks import _close_open_quote
from dateline.enrich.quotes.reattach import clause_after_phrase
from dateline.enrich.quotes.syntax import (
    WIRE_DATELINE,
    _between_marks,
    _is_cue_verb,
    _is_mark_token,
    _lemma,
    _subject_names_someone,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


#: what may hang on the cue after its content and still belong to what was said
TAIL_DEPS = frozenset({"prep", "advcl", "conj"})


#: subordinators of a clause that says when the statement was made ("… the bill when it came to a vote")
TIME_MARKERS = frozenset({"after", "before", "when", "while", "as", "until", "since", "once", "whenever"})


#: how the rest of an interrupted sentence hangs on the cue ("A, he said, that …", "…, by the calendar")
REST_DEPS = frozenset({"prep", "ccomp", "advcl", "xcomp", "conj", "dobj", "attr", "acomp", "oprd"})


Predicate = Callable[["Token"], bool]


def run_on_tail(content: list[Token], verb: Token, is_when: Predicate, is_cue_verb: Predicate) -> list[Token]:
    """The content with the words of its sentence that the parse hung on the cue instead of on it."""
    if not content:
        return content
    own = {t.i for t in content}
    first, last = min(own), max(own)
    if last < verb.i:
        return _after_interruption(content, verb, is_when, is_cue_verb)
    if first <= verb.i:
        return content  # a content around the cue: the parse put the whole sentence in it already
    doc = verb.doc
    added: list[Token] = []
    for child in verb.rights:
        if child.i <= last or child.dep_ == "cc":
            continue  # a conjunction is taken with the clause it joins, or not at all
        if _runs_straight_on(child, last, is_cue_verb):
            added += [t for t in doc[last + 1 : child.right_edge.i + 1] if not t.is_space and t.i not in own]
            last = child.right_edge.i
            continue
        between = doc[last + 1 : child.left_edge.i]
        joiners = {","} | ({t.text for t in between if t.dep_ == "cc"} if child.dep_ == "conj" else set())
        # a dash, colon or semicolon between them is the writer's break
        if any(not (t.text in joiners or t.is_space) for t in between if t.i not in own):
            break
        if child.dep_ not in TAIL_DEPS or child.right_edge.i >= verb.sent.end:
            break
        if any("\n" in t.text_with_ws for t in doc[last : child.right_edge.i]):
            break  # a paragraph break the parse ran over
        if not _belongs_to_statement(child, is_when, is_cue_verb):
            break
        added += [t for t in doc[last + 1 : child.right_edge.i + 1] if not t.is_space and t.i not in own]
        last = child.right_edge.i
    return sorted([*content, *added], key=lambda t: t.i) if added else content


#: how the parse hangs the rest of a reported clause on the cue when nothing parts them
STRAIGHT_DEPS = frozenset({"conj", "ccomp", "dobj", "dep", "attr", "acomp", "oprd", "xcomp"})


def _runs_straight_on(child: Token, last: int, is_cue_verb: Predicate) -> bool:
    """``found 53 percent backed her and 42 percent favored him``, ``accused her of implying officers
    were racist``: a phrase the parse hangs on the cue that opens on the very next word after the content,
    with no punctuation between, finishes the clause the content left open (its subject or verb)."""
    if child.dep_ not in STRAIGHT_DEPS or child.left_edge.i != last + 1 or is_cue_verb(child):
        return False
    if child.right_edge.i >= child.sent.end or child.doc[last].is_punct:
        return False
    return not any("\n" in t.text_with_ws for t in child.doc[last : child.right_edge.i])


def _belongs_to_statement(child: Token, is_when: Predicate, is_cue_verb: Predicate) -> bool:
    if child.dep_ == "prep":
        # "said … on Tuesday", "… in a statement": when and where it was said; "found support for the quota
        # among skippers": whom a finding was made among, kept out of a noun object (no change on PolNeAR)
        return not is_when(child) and child.lower_ != "among"
    if child.dep_ == "advcl":
        if child.tag_ == "VBG" and (is_cue_verb(child) or _after_comma(child.left_edge)):
            return False  # ", saying …", ", adding …": the speaker's own act, not what was said
        return not _opens_with_time(child)
    return _joins_statement(child, is_cue_verb)


def _after_interruption(content: list[Token], verb: Token, is_when: Predicate, is_cue_verb: Predicate) -> list[Token]:
    """``The argument would be aided, he said, by the calendar``: a cue set inside a sentence between
    commas interrupts one statement; the parse hangs the words after it on the cue, and they are what
    was said too (PolNeAR marks the two pieces as one content)."""
    doc = verb.doc
    last = max(t.i for t in content)
    if not any(t.text == "," for t in doc[last + 1 : verb.i]):
        return content
    subject = [c for c in verb.rights if c.dep_ in {"nsubj", "nsubjpass"}]
    skip = {t.i for c in subject for t in c.subtree} | {verb.i}
    # the comma that closes the cue clause comes right after the verb (and a subject after it: "said Ms. Ray,")
    i = verb.i + 1
    while i < len(doc) and i in skip:
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return content
    start = i + 1
    rest = next((c for c in verb.rights if c.left_edge.i == start), None)
    if rest is None or rest.dep_ not in REST_DEPS or rest.right_edge.i >= verb.sent.end:
        return content
    if is_cue_verb(rest) or (rest.dep_ == "prep" and is_when(rest)):
        return content
    if rest.dep_ == "advcl" and rest.tag_ == "VBG":
        return content  # ", she said, referring to …": the speaker's act
    if rest.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children if c.i < rest.i):
        return content
    if any("\n" in t.text_with_ws for t in doc[verb.i : rest.right_edge.i]):
        return content
    tail = [t for t in doc[start : rest.right_edge.i + 1] if not t.is_space]
    if any(t.text in {".", "!", "?"} for t in tail[:-1]):
        return content  # the parse ran the sentence on into the next
    return sorted([*content, *tail], key=lambda t: t.i)


def coordinated_cue_cut(verb: Token, spans: list[tuple[int, int]], is_cue_verb: Predicate) -> int | None:
    """``said he welcomed extradition and added, "…"``: a second speech verb with no subject of its own,
    coordinated inside the reported clause by the parse, is the speaker's next act; the content ends
    before its "and" (the character offset returned). Only a verb of the cue's own form: "said they would
    resign and explain why" coordinates two reported verbs."""
    if not spans or spans[0][0] <= verb.idx:
        return None
    start, end = spans[0][0], spans[-1][1]
    for token in verb.doc[verb.i + 1 :]:
        if token.idx >= end:
            break
        if token.idx <= start or token.dep_ != "conj" or token.tag_ != verb.tag_ or not is_cue_verb(token):
            continue
        if token.head.idx < start or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        cc = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
        cut = cc[-1].idx if cc else token.left_edge.idx
        return cut if cut > start else None
    return None


def _after_comma(token: Token) -> bool:
    """A comma right before the token, or before the closing mark before it ('only "partial," meaning …')."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.is_quote and token.i > 1:
        previous = doc[token.i - 2]
    return previous is not None and previous.text == ","


def _opens_with_time(clause: Token) -> bool:
    return any(c.dep_ in {"mark", "advmod"} and c.i < clause.i and c.lower_ in TIME_MARKERS for c in clause.children)


def _joins_statement(conj: Token, is_cue_verb: Predicate) -> bool:
    """A clause coordinated with the cue that goes on with what was said: one with a subject of its own
    and no speech verb ("said X, but she wanted …"); a verb with none ("said X and left") is the speaker's."""
    if conj.pos_ not in {"VERB", "AUX"} or is_cue_verb(conj):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children)


def _is_trailing_punct(token: Token) -> bool:
    return token.is_punct and token.text != "%"


def _span_of(tokens: list[Token], text: str) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[0].is_punct and not _is_mark_token(tokens[0]):
        tokens = tokens[1:]
    # a clause never ends on a dangling "and" or dash: the parse cut it before what they joined
    # "with just 22%": a percent sign is the number's unit, not a closing punctuation mark
    while tokens and ((_is_trailing_punct(tokens[-1]) and not _is_mark_token(tokens[-1])) or tokens[-1].dep_ == "cc"):
        if tokens[-1].text == ")" and sum(t.text == "(" for t in tokens) > sum(t.text == ")" for t in tokens[:-1]):
            break  # "Rep. Don Beyer (D-Va.)": the bracket closes what the clause opened
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


#: a parenthetical between dashes inside a reported clause: the writer's gloss, not what was said
DASH_ASIDE = re.compile(r"\s(--|—|–|-)\s[^\n\"“”]{3,200}?\s\1\s")


def _cut_dash_asides(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cut: list[tuple[int, int]] = []
    for start, end in pieces:
        for match in DASH_ASIDE.finditer(text, start, end):
            before = text[start : match.start()]
            if (before.count('"') + before.count("“") + before.count("”")) % 2:
                continue  # inside someone's quoted words the dashes are theirs
            if not _is_gloss(match.group()):
                continue  # "-- including X --", "-- mainly in cities --": what was said goes on
            if match.start() > start:
                cut.append((start, match.start()))
            start = match.end()
        end = _before_closing_aside(text, start, end)
        if end > start:
            cut.append((start, end))
    return cut


#: words that open a writer's gloss between dashes: a noun phrase set beside a word of the clause ("-- a
#: group of party leaders --"), a relative or "as" clause ("-- as his rival noted --"), a sentence of the
#: writer's ("-- he was first elected in 1990 --")
GLOSS_OPENERS = frozenset(
    """
    a an the which who whom whose as he she they it his her their its this that these those one
    """.split()
)


def _is_gloss(aside: str) -> bool:
    """Whether a pair of dashes sets off the writer's gloss, cut from what was said. An aside opening on
    anything else (an adverb, a preposition, a number, "including", "and") qualifies the statement and
    PolNeAR keeps it (on train articles 120+, 76 of 85 such asides were kept in one piece)."""
    words = aside.split()
    if len(words) < 2 or words[1].lower() in ASIDE_CONTINUATIONS:
        return False
    return words[1][:1].isupper() or words[1].lower() in GLOSS_OPENERS


#: a dash that opens a writer's aside running to the end of the clause ("… election -- meddling he said …")
CLOSING_ASIDE = re.compile(r"\s(?:--|—|–)\s")


def _before_closing_aside(text: str, start: int, end: int) -> int:
    """A lone dash late in a reported clause opens the writer's aside to the end of it; what was said
    ends before the dash (a pair of dashes is an aside inside the clause, cut above)."""
    for match in CLOSING_ASIDE.finditer(text, start, end):
        before = text[start : match.start()]
        if (before.count('"') + before.count("“") + before.count("”")) % 2:
            continue  # inside someone's quoted words the dash is theirs
        dash = match.group().strip()
        after = text[match.end() : end]
        first = after.split()[0].lower() if after.split() else ""
        paired = dash in after or dash in before
        quoting = after[:1] in DOUBLE_MARKS or after[:2] == "''"
        if paired or quoting or first in ASIDE_CONTINUATIONS or WIRE_DATELINE.match(text, start, match.end()):
            # a pair of dashes, the speaker's own words, a list going on ("— including X"), a dateline
            continue
        if len(before.split()) >= 4:
            return match.start()
    return end


#: words after a dash that go on with what was said rather than open the writer's aside
ASIDE_CONTINUATIONS = frozenset({"including", "and", "or", "but", "especially", "even", "from", "not", "something"})


def _split_pieces(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Contiguous runs of token indices as character pieces (an interrupting cue leaves two)."""
    pieces: list[tuple[int, int]] = []
    run: list[Token] = []
    for token in sorted(tokens, key=lambda t: t.i):
        # a paragraph break parts pieces too: a parse may run a sentence on over it
        broken = bool(run) and "\n" in text[run[-1].idx : token.idx]
        if run and (token.i != run[-1].i + 1 or broken):
            span = _span_of(run, text)
            if span:
                pieces.append(span)
            run = []
        run.append(token)
    span = _span_of(run, text) if run else None
    if span:
        pieces.append(span)
    # a stray mark left of a paragraph break is no piece of what was said
    pieces = [(s, e) for s, e in _cut_dash_asides(text, pieces) if any(ch.isalnum() for ch in text[s:e])]
    if pieces:
        pieces[-1] = _close_open_quote(text, *pieces[-1])
    return [piece for piece in (_without_dateline(text, index, *piece) for index, piece in enumerate(pieces)) if piece]


def _without_dateline(text: str, index: int, start: int, end: int) -> tuple[int, int] | None:
    """A piece without the dateline opening it; None when the piece is nothing but a dateline.
    "WASHINGTON (AP) — Donald Trump has invested …": the wire's dateline is no part of the news; a parse
    run on over a paragraph break ("…, experts say\n\nJERUSALEM — …") may put it in any piece, or make
    the place alone a piece (the dash after it left out as trailing punctuation)."""
    at_paragraph = start == 0 or text[start - 1] == "\n"
    wire = WIRE_DATELINE.match(text, start, end) if index == 0 or at_paragraph else None
    if wire is not None:
        return (wire.end(), end) if wire.end() < end else (start, end)
    # the dash may lie just past the piece: look a few characters on
    city = _city_dateline(text, start, min(len(text), end + 4))
    if city is None:
        return start, end
    return (city.end(), end) if city.end() < end else None


#: a dateline without the wire's name, "JERUSALEM — " or "ST. PAUL, Minn. - ": a place in capitals and a
#: dash; PolNeAR leaves it out of the content of the statement it opens
CITY_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?\s*(?:[—–―]|--|-(?=\s))\s*"
)


def _city_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A capitalised place and a dash opening a paragraph: written anywhere else, capitals and a dash
    may be someone's shouted words ("NO — not again")."""
    if start > 0 and text[start - 1] != "\n":
        return None
    match = CITY_DATELINE.match(text, start, end)
    # "I - …", "NO — …": a word of one or two letters is no place
    return match if match is not None and len(match.group().split()[0].strip(".,")) > 2 else None


def _content_tokens(verb: Token) -> list[Token] | None:
    """The reported clause of a cue verb: a clausal complement, or the clause it interrupts."""
    children = list(verb.children)
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in children):
        # '… this spring — in fact, she said it "humanizes" her': a parse may hang the clause before a dash
        # or a semicolon on the cue as well; a clause after the cue is the one it reports
        children = [c for c in children if not (c.dep_ == "ccomp" and c.i < verb.i)]
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and _lemma(verb) in INFINITIVE_CUES):
            if _across_paragraphs(verb, child):
                continue  # a parse may hang the paragraph before ("“…” \n\n Jolly said he …") on the cue
            tokens = list(child.subtree)
            if child.dep_ == "xcomp":
                # "urged supporters to monitor polling places": who is urged belongs to what was said
                tokens += [t for c in verb.children if c.dep_ == "dobj" and c.i < child.i for t in c.subtree]
            marker = [c for c in child.lefts if c.dep_ == "mark"]
            tokens = tokens if not marker or marker[0] in tokens else [*marker, *tokens]
            return tokens + _second_clause(verb, child, tokens)
    if verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        # "The plan, he said, will work": the clause around the cue is what was said
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own]
    clause = _misparsed_clause(verb)
    if clause is None and _lemma(verb) in SPEECH_VERBS:
        clause = clause_after_phrase(verb)
    return clause


def _across_paragraphs(verb: Token, child: Token) -> bool:
    """Whether a paragraph break parts a cue from its complement: what was said is in the cue's paragraph."""
    doc = verb.doc
    # the complement's head, not its edge: a parse that hangs the paragraph before on the cue may also
    # hang the words opening the cue's sentence ("Similarly,") on that paragraph's clause
    low, high = min(child.i, verb.i), max(child.i, verb.i)
    return any("\n" in t.text_with_ws for t in doc[low:high])


def _second_clause(verb: Token, first: Token, tokens: list[Token]) -> list[Token]:
    """``said A has "respect" for X and his comment was Y``: a parser may hang the second of two
    coordinated reported clauses on the cue as a clausal complement of its own; it is what was said
    too, with the "and" between them."""
    if first.dep_ != "ccomp" or first.i < verb.i:
        return []
    last = max(t.i for t in tokens)
    doc = verb.doc
    # the comma may hang on the first clause: look at the words between the clauses themselves
    words = max((t.i for t in tokens if not (t.is_punct or t.dep_ == "cc") or _is_mark_token(t)), default=last)
    for child in verb.rights:
        if child.dep_ != "ccomp" or child.i == first.i or child.i <= last or _is_cue_verb(child):
            continue  # "… and the S.E.C. said …" is a statement of its own
        opening = next((t.i for t in child.subtree if not (t.is_punct or t.dep_ == "cc")), child.i)
        between = doc[words + 1 : opening]
        # only a bare "and" (or nothing) joins them: after a comma the writer goes on in their own voice
        # (", and three-quarters said the same", ", a swipe at …")
        if all(t.dep_ == "cc" for t in between):
            own = {t.i for t in tokens}
            return [t for t in (*between, *child.subtree) if t.i not in own]
    for child in verb.rights:
        # "said they had misgivings, but could not bear to insult him": the parser hangs a clause that
        # goes on with the reported one on the cue; one with a verb but no subject of its own
        if child.dep_ != "conj" or child.i <= last or _is_cue_verb(child) or child.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ not in {"to"} for c in child.children):
            continue  # "said X and left": the speaker left; only "… but could not …" goes on with X
        own = {t.i for t in tokens}
        return [t for t in doc[words + 1 : child.right_edge.i + 1] if t.i not in own and not t.is_space]
    return []


def _misparsed_clause(verb: Token) -> list[Token] | None:
    """``said after the convention he would not …``: a small parser often hangs a reported clause
    that has no "that" on the cue as an adverbial clause; a finite clause with its own subject and no
    subordinating conjunction after a speech verb is what was said (from its subject on)."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS:
        return None
    for child in verb.rights:
        marks = [c for c in child.children if c.dep_ == "mark"]
        if child.dep_ == "advcl" and lemma in QUESTION_VERBS and marks and marks[0].lower_ in {"if", "whether"}:
            # "asked workers if they planned to vote": the parser reads a question as a condition
            return list(child.subtree)
        if child.dep_ != "advcl" or any(c.lower_ != "that" for c in marks):
            continue
        subject = next((c for c in child.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or child.tag_ in {"VBG", "VBN", "TO"}:
            continue
        first = subject.left_edge.i
        marker = [c for c in child.children if c.dep_ == "mark" and c.i < first]
        return [*marker, *(t for t in child.subtree if t.i >= first)]
    return None


def _trim_object(tokens: list[Token]) -> list[Token]:
    """An object's content ends before the writer's asides: a comma-led relative clause ("RT, which
    receives public money") and a closing phrase of time or occasion ("during a campaign stop")."""
    tokens = sorted(tokens, key=lambda t: t.i)
    for token in tokens:
        if token.dep_ == "relcl" and token.left_edge.lower_ in {"which", "who", "whom", "whose"}:
            edge = token.left_edge
            if edge.i > 0 and edge.doc[edge.i - 1].text == ",":
                return [t for t in tokens if t.i < edge.i - 1]
        if token.dep_ == "prep" and token != tokens[0] and _is_occasion(token):
            return [t for t in tokens if t.i < token.i]
    return tokens


#: prepositions that open the time or occasion of a statement, not what it is about
OCCASION_PREPOSITIONS = frozenset({"during", "after", "before", "since", "while", "amid"})


#: where a statement was made: "in a statement", "at a rally", "on Twitter"
OCCASION_NOUNS = frozenset(
    """
    statement interview speech rally debate hearing meeting conference briefing email letter tweet post
    event forum appearance address remarks twitter television radio
    """.split()
)


def _is_when(prep: Token) -> bool:
    """A prepositional phrase of time or occasion ("on Friday", "in a statement")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return _is_occasion(prep) or any(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _is_occasion(prep: Token) -> bool:
    if prep.lower_ in OCCASION_PREPOSITIONS:
        return True
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ in {"in", "at", "on"} and any(o.lemma_.lower() in OCCASION_NOUNS for o in objects)


#: verbs whose noun object is someone spoken to, not something said ("told reporters", "urged Congress"),
#: or whose object is no statement at all ("maintains a program", "posted a video"); "say" is not one:
#: its noun object is what was said ("three-quarters said the same of Sanders", "said his piece")
ADDRESSEE_VERBS = frozenset(
    """
    tell add ask urge warn assure inform notify remind answer continue reply respond point repeat
    advise maintain post encourage
    """.split()
)


REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"})


#: prepositions that introduce what a stance is about when there is no object ("spoke of", "talked about")
OBJECT_PREPOSITIONS = frozenset({"of", "about", "to", "on", "against", "for"})


#: prepositions after an object that say how the speaker takes it ("as a fraud", "for its spending")
COMPLEMENT_PREPOSITIONS = frozenset({"as", "for", "of", "over", "to"})


#: words that open a sentence without being part of what was said ("But, he said, …")
LEADING_CONNECTIVES = frozenset(
    """
    and but so yet or however meanwhile moreover furthermore nonetheless nevertheless instead still
    also additionally indeed
    """.split()
)


#: focus words between a cue and its "that" ("said only that …")
FOCUS_WORDS = frozenset({"only", "simply", "merely", "just"})


#: how a parser hangs a second participial cue (", arguing that …") inside the first one's clause
PARTICIPLE_DEPS = frozenset({"advcl", "conj", "xcomp"})


def _trim_clause(tokens: list[Token], verb: Token) -> list[Token]:
    """Cut what PolNeAR-style annotation (and a reader) leaves out of a reported clause.

    The part on the other side of a semicolon from the cue (two claims, or the writer's own) or of a
    colon before it ("fireworks on Friday: Republicans said …"); a connective opening the sentence
    before the cue ("But", "However,"); a participial cue of its own (", arguing that …"), which is a
    second statement; a closing apposition (", the alliance that …"), the writer's gloss.
    """
    tokens = sorted(tokens, key=lambda t: t.i)
    stops = [t.i for t in tokens if (t.text == ";" or (t.text == ":" and t.i < verb.i)) and not _between_marks(t)]
    if stops:
        before = [i for i in stops if i < verb.i]
        after = [i for i in stops if i > verb.i]
        low = before[-1] if before else -1
        high = after[0] if after else len(verb.doc)
        tokens = [t for t in tokens if low < t.i < high]
    while tokens and tokens[0].i < verb.i and (tokens[0].lower_ in LEADING_CONNECTIVES or tokens[0].text == ","):
        tokens = tokens[1:]
    # "said only that …", "said simply that …": the focus word is the writer's, the clause opens at "that"
    if len(tokens) > 1 and tokens[0].i > verb.i and tokens[0].lower_ in FOCUS_WORDS and tokens[1].lower_ == "that":
        tokens = tokens[1:]
    tokens = _drop_leading_when(tokens, verb)
    for token in tokens:
        if token.i > verb.i and token.tag_ == "VBG" and _is_cue_verb(token) and token.dep_ in PARTICIPLE_DEPS:
            previous = token.doc[token.i - 1]
            # 'has "expanded the party," claiming …': US style puts the comma inside the closing mark
            closed = _is_mark_token(previous) and token.i > 1 and token.doc[token.i - 2].text == ","
            if previous.text == "," or closed:
                drop = {t.i for t in token.subtree} | ({previous.i} if previous.text == "," else set())
                tokens = [t for t in tokens if t.i not in drop]
                break
    if tokens:
        last = max(t.i for t in tokens if not t.is_punct) if any(not t.is_punct for t in tokens) else -1
        for token in tokens:
            if token.dep_ == "appos" and token.i > verb.i and token.right_edge.i >= last:
                edge = token.left_edge
                previous = token.doc[edge.i - 1]
                if previous.text == "," and token.head.pos_ == "PROPN":
                    tokens = [t for t in tokens if t.i < previous.i]
                    break
    return _cut_closing_which(tokens, verb)


def _cut_closing_which(tokens: list[Token], verb: Token) -> list[Token]:
    """``would have a path to the nomination, which he declared "a disaster"``: a comma-led "which"
    clause closing the reported clause is a second statement when its verb is a cue with a speaker of
    its own (it is found as such); what it says is no part of the first. A plain "which" clause stays:
    annotation keeps it as often as not."""
    if not tokens:
        return tokens
    last = tokens[-1].i
    for token in tokens:
        if token.i <= verb.i or token.dep_ != "relcl" or token.right_edge.i < last - 1:
            continue
        edge = token.left_edge
        speaks = token.lemma_.lower() in SPEECH_VERBS | NAMING_VERBS and _subject_names_someone(token)
        if speaks and edge.lower_ == "which" and edge.doc[edge.i - 1].text == "," and not _between_marks(edge):
            return [t for t in tokens if t.i < edge.i - 1]
    return tokens


def _drop_leading_when(tokens: list[Token], verb: Token) -> list[Token]:
    """``told voters this weekend he would …``: a time phrase right after the cue says when it was
    said; the parse hangs it on the reported clause."""
    if not tokens or tokens[0].i <= verb.i:
        return tokens
    first = tokens[0]
    head = next((t for t in tokens if t.left_edge.i == first.i and t.dep_ in {"npadvmod", "tmod", "prep"}), None)
    if head is None:
        return tokens
    dated = head.ent_type_ in {"DATE", "TIME"} or (
        head.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in head.children)
    )
    if not dated or head.right_edge.i >= tokens[-1].i:
        return tokens
    rest = [t for t in tokens if t.i > head.right_edge.i]
    return rest[1:] if rest and rest[0].text == "," else rest


def _rstrip_piece(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end
