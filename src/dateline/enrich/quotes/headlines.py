"""Attributions in an article's headline: "Clinton Slams Trump On Abortion", "Sanders promises action".

A headline is the first paragraph. Its grammar is not the body's: no final period, present tense,
dropped articles, and often Title Case, which makes the small spaCy model tag every word a proper
noun and miss the verb. So the headline is parsed again on its own, with the words that the body
writes in lower case lowered (same length, so offsets carry over unchanged) and a period added; on
that parse "SUBJECT VERB REST" is a statement of the subject's: news annotators take the whole rest
of the headline clause as what the subject said, did or backed (PolNeAR annotates endorsements,
attacks and pledges in headlines as attributions, not only speech verbs). Also read: a second verb
joined by "and" or a comma ("Backs Trump And Denounces Clinton": two statements), the speaker after
the words ("Records must be released, judge rules"), a speaker label before a colon ("Milbank: …"),
and a subhead (a short line right under the headline).

An article read from a page keeps its title apart from its text, so these rules run only when the caller
says the text opens with its headline (``find_quotes(…, headline=True)``: corpora that print it above the
body, or an article whose text starts with its own title), and then only on a first paragraph that looks
like one (``looks_like_headline``: one line of twenty words at most)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.enrich.quotes.marks import _close_open_quote, paragraphs
from dateline.enrich.quotes.records import _Candidate
from dateline.enrich.quotes.syntax import _tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: where a headline clause ends: a sentence break, a semicolon, a dash between words
CLAUSE_BREAK = re.compile(r"[.?!]\s+(?=\S)|;|\s[–—-]+\s|(?<=\w)[–—-]\s")


#: a short label before a colon, skipped to find the clause's own subject ("EXCLUSIVE: Saudis insist …")
LABEL = re.compile(r"[A-Za-z][\w' ]{0,24}:\s+")


#: verbs whose object is the listener, not what was said ("tells reporters that ...")
LISTENER_VERBS = frozenset({"tell", "urge", "ask", "warn", "remind", "assure", "reassure", "advise", "order", "press"})


#: verbs by which a headline reports someone's words, stance or backing ("slams", "endorses", "vows");
#: other verbs ("faces", "gives", "rolls out") report deeds, which annotators mostly leave alone
HEADLINE_CUES = frozenset(
    """say claim call slam blast endorse praise tell promise vow pledge urge warn deny insist accuse back
    announce reveal rip hit attack mock criticize criticise hint see want seek compare reassure dismiss blame
    suggest tweet argue predict demand question propose support oppose reject condemn denounce chide assail
    deride admit concede acknowledge apologize threaten push ask think believe fear doubt hope expect agree
    disagree refuse signal charge knock bash tout fault dispute declare confirm explain lash defend
    thank applaud laud welcome decry lament scold rebuke challenge dare vow swear recommend rebuff spurn
    whack hammer champion pressure nominate reaffirm pan tease""".split()
)


#: verbs that report a finding only after what was found ("…, poll finds", "…, judge rules"): before
#: it they are mostly deeds ("Syrians find a home")
FINDING_CUES = frozenset({"find", "rule", "show", "report", "conclude", "estimate", "write", "testify"})


#: words that open an adjunct after what was said ("slams Trump on abortion after ruling")
ADJUNCTS = re.compile(r"\s(?:after|while|amid|before|despite|during|following|ahead of)\s", re.IGNORECASE)


WORD = re.compile(r"[A-Za-z][\w'’]*")


def looks_like_headline(line: str) -> bool:
    """Whether an article's first paragraph is its headline rather than its lead: one short line of
    at most one sentence (an article body read without its title starts with a lead of more words)."""
    words = line.split()
    if "\n" in line or not 2 <= len(words) <= 20:
        return False
    return len(CLAUSE_BREAK.findall(line.rstrip(" .;"))) <= 1


def case_for_parsing(line: str, body: str) -> str:
    """``line`` with Title Case undone where the body says the word is not a name; same length.

    A word is kept capitalised when the body only ever writes it capitalised (a name: "Trump",
    "Sanders"); a word the body writes in lower case, or never writes at all ("Slams"), is lowered.
    All-capital words stay: acronyms ("DNC", "FBI") are names too.
    """
    words = WORD.findall(line)
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < 0.6 * len(words):
        return line  # sentence case already: the tagger reads it well enough
    body_words = set(WORD.findall(body))
    out = list(line)
    for match in WORD.finditer(line):
        word = match.group()
        if not word[0].isupper() or (len(word) > 1 and word.isupper()) or word == "I":
            continue
        if word in body_words and word.lower() not in body_words:
            continue
        out[match.start()] = word[0].lower()
    return "".join(out)


#: a word ending in a period that is no sentence end: "U.S.", "D.C.", "Ga.", "Sen."
ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Ala|Ariz|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Mass|Mich|Minn|Nev|Pa|Tenn|Va|Wash|Wis"
    r"|Sen|Rep|Gov|Gen|Jr|Sr|St|Mr|Mrs|Ms|Dr|Lt|Sgt|No|vs)\.)$"
)


def headline_clauses(line: str) -> list[tuple[int, int]]:
    """The clauses of a headline line as offsets into it, without their closing punctuation."""
    clauses: list[tuple[int, int]] = []
    start = 0
    for match in CLAUSE_BREAK.finditer(line):
        if line[match.start()] == "." and ABBREVIATION.search(line, 0, match.start() + 1):
            continue
        end = match.start() + (1 if line[match.start()] in ".?!" else 0)
        clauses.append((start, end))
        start = match.end()
    clauses.append((start, len(line)))
    trimmed: list[tuple[int, int]] = []
    for start, end in clauses:
        while end > start and (line[end - 1].isspace() or line[end - 1] in ".;,:–—-"):
            if line[end - 1] == "." and ABBREVIATION.search(line, 0, end):
                break
            end -= 1
        while start < end and line[start].isspace():
            start += 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def statements(hdoc: Doc, start: int, end: int) -> list[tuple[Token, Token, int, int]]:
    """Subject head, verb and content offsets of a clause ``SUBJECT VERB REST`` of the headline parse
    ``hdoc`` spanning ``start:end`` (character offsets into ``hdoc``); a second verb joined to the
    first ("Backs Trump And Denounces Clinton") ends the first content and starts its own."""
    tokens = [t for t in hdoc if start <= t.idx and t.idx + len(t.text) <= end]
    if len(tokens) < 3:
        return []
    first = tokens[0]
    verb = next(
        (
            t
            for t in tokens[1:]
            if t.pos_ == "VERB" and t.dep_ not in {"amod", "compound", "relcl", "acl", "advcl", "pcomp"}
        ),
        None,
    )
    if verb is None:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or not subjects:
        return []
    subject = subjects[0]
    if subject.i > verb.i or not _opens_clause(subject, verb, first):
        return []
    # a second verb of saying after "and", "but" or a comma, in the same form as the first, is the
    # headline subject's too, however the tagger reads it ("Backs Trump And Denounces Clinton" has
    # "Denounces" as a noun; "Says X Hacked DNC, Calls Y 'Troubling'" hangs "Calls" on the clause)
    joined = [
        t
        for t in tokens
        if t.i > verb.i + 1
        and ((t.head == verb and _joined_cue(t, end)) or (_same_form_after_joint(t, verb) and not _has_subject(t)))
    ]
    verbs = [verb, *joined]
    found: list[tuple[Token, Token, int, int]] = []
    for here, after in zip(verbs, [*verbs[1:], None], strict=True):
        stop = end
        if after is not None:
            edge = after.left_edge
            while edge.i > here.i + 1 and edge.nbor(-1).dep_ in {"cc", "punct"} and not edge.nbor(-1).is_quote:
                edge = edge.nbor(-1)
            stop = edge.idx
        # "endorses Berg, who says he is honored": the relative clause is Berg's own statement
        speaking = [t for t in here.subtree if t.dep_ == "relcl" and t.lemma_.lower() in HEADLINE_CUES]
        for relative in speaking:
            if relative.left_edge.i > 0 and relative.left_edge.nbor(-1).text == ",":
                stop = min(stop, relative.left_edge.nbor(-1).idx)
        if here.lemma_.lower() in HEADLINE_CUES:
            own = [c for c in here.children if c.dep_ == "nsubj"]
            found.append((own[0] if own else subject, here, _content_start(here, stop), _adjunct_start(here, stop)))
    return found


#: prepositions that, after the object of a verb of saying, tell where or how it was said
#: ("slams Trump in debate", "endorses Ryan with Trump's blessing"), not what
SETTING_PREPOSITIONS = frozenset({"in", "at", "with", "during"})


def _adjunct_start(verb: Token, end: int) -> int:
    """Where the setting of the statement begins after its object, else ``end``."""
    if not any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return end
    settings = [
        c.idx
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ in SETTING_PREPOSITIONS
        and c.i > verb.i + 1
        and c.idx < end
        and not any(t.is_quote or t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"} for t in c.subtree)
        and not any(t.dep_ == "pcomp" for t in c.children)  # "in saying …" is more of what was said
    ]
    return min(settings, default=end)


def said_after(hdoc: Doc, start: int, end: int) -> tuple[Token, Token, int] | None:
    """``CONTENT, SUBJECT VERB [listener]`` ("Records must be released, judge rules"): the subject head,
    the verb and where the content ends, for the clause ``start:end`` of ``hdoc``."""
    tokens = [t for t in hdoc if start <= t.idx and t.idx + len(t.text) <= end]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in HEADLINE_CUES | FINDING_CUES]
    if not verbs:
        return None
    verb = verbs[-1]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.tag_ not in {"WP", "WDT"}]
    tail = [t for t in tokens if t.i > verb.i and not t.is_punct]
    # what may follow the verb is a listener ("tells convention"), not a clause ("who says he is honored")
    if not subjects or len(tail) > 3 or any(t.pos_ in {"VERB", "AUX"} for t in tail):
        return None
    edge = subjects[0].left_edge
    if edge.i < tokens[0].i + 2 or verb.i - edge.i > 6:
        return None
    before = edge.nbor(-1)
    if before.text == ",":
        return subjects[0], verb, before.idx
    # a comma inside the closing quote mark belongs to the quotation ("a 'natural born citizen,'")
    if before.is_quote and edge.i >= tokens[0].i + 3 and before.nbor(-1).text == ",":
        return subjects[0], verb, before.idx + len(before.text)
    return None


def _opens_clause(subject: Token, verb: Token, first: Token) -> bool:
    """Whether the subject starts the clause, or follows only a fronted phrase of its verb and a
    comma ("Railing Against Trump, Sanders Vows …")."""
    edge = subject.left_edge
    if edge.i == first.i:
        return True
    if edge.i - first.i < 2 or edge.nbor(-1).text != ",":
        return False
    prefix = verb.doc[first.i : edge.i - 1]
    return all(verb in t.ancestors and subject not in t.ancestors for t in prefix)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i for c in token.children)


def _same_form_after_joint(token: Token, verb: Token) -> bool:
    """A cue word right after "and", "but", "then" or a comma, a verb or read as a plural noun in the
    headline verb's own form ("praises" after "chides")."""
    joint = token.nbor(-1)
    if token.lemma_.lower() not in HEADLINE_CUES or not (joint.lower_ in {"and", "but", "then"} or joint.text == ","):
        return False
    return token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.lower_.endswith("s") == verb.lower_.endswith("s"))


def _joined_cue(token: Token, end: int) -> bool:
    """A verb of saying coordinated with the clause's verb by "and", "but" or a comma."""
    if token.dep_ != "conj" or token.pos_ != "VERB" or token.idx >= end or token.i == 0:
        return False
    before = token.left_edge.nbor(-1) if token.left_edge.i > 0 else None
    return token.lemma_.lower() in HEADLINE_CUES and before is not None and (before.dep_ == "cc" or before.text == ",")


def _content_start(verb: Token, end: int) -> int:
    """Where what the subject said begins: after the verb, its particle or preposition ("calls on",
    "hints at"), and the listener of a verb of telling ("tells voters ...")."""
    doc = verb.doc
    position = verb.i + 1
    while position < len(doc) and doc[position].head == verb and doc[position].dep_ == "prt":
        position += 1
    after = doc[position] if position < len(doc) else None
    if (
        after is not None
        and after.head == verb
        and after.dep_ == "prep"
        and any(c.dep_ == "pobj" for c in after.children)
    ):
        position += 1
    if verb.lemma_.lower() in LISTENER_VERBS:
        # with an infinitive the listener is part of a demand ("urges voters to …"), not of an order told
        kinds = {"ccomp", "xcomp"} if verb.lemma_.lower() == "tell" else {"ccomp"}
        said = [c for c in verb.children if c.dep_ in kinds and c.i > verb.i]
        listener = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i]
        if said and listener and listener[0].i < said[0].left_edge.i:
            position = said[0].left_edge.i
    return doc[position].idx if position < len(doc) else end


@dataclass
class HeadlineStatement:
    """One "SUBJECT VERB REST" clause of a headline, as offsets into the article text."""

    subject: tuple[int, int]  # the subject phrase
    head: int  # where the subject's head word starts
    cue: tuple[int, int]  # the verb
    content: tuple[int, int]  # the rest of the clause


def headline_statements(text: str, start: int, end: int) -> list[HeadlineStatement]:
    """The statements of the headline ``text[start:end]``, from one extra parse of that line alone."""
    from dateline.enrich.nlp import parse

    line = text[start:end]
    if not line.strip() or len(line) > 300:
        return []
    cased = case_for_parsing(line, text[end:])
    hdoc = parse(cased + ("" if cased.rstrip()[-1:] in {".", "?", "!"} else "."))
    found: list[HeadlineStatement] = []
    for clause_start, clause_end in headline_clauses(line):
        label = LABEL.match(line, clause_start, clause_end)
        if label is not None and len(label.group().split()) <= 3:
            clause_start = label.end()
        after = said_after(hdoc, clause_start, clause_end)
        if after is not None:
            subject, verb, content_end = after
            found.append(_statement(start, subject, verb, clause_start, content_end))
            continue
        for subject, verb, content_start, content_end in statements(hdoc, clause_start, clause_end):
            adjunct = ADJUNCTS.search(line, content_start, content_end)
            if adjunct is not None and not any(ch in "‘’'\"“”" for ch in line[adjunct.start() : content_end]):
                content_end = adjunct.start()
            while content_end > content_start and (line[content_end - 1].isspace() or line[content_end - 1] in ",;:"):
                content_end -= 1
            if content_start >= content_end or not WORD.search(line, content_start, content_end):
                continue
            found.append(_statement(start, subject, verb, content_start, content_end))
    return found


def _statement(start: int, subject: Token, verb: Token, content_start: int, content_end: int) -> HeadlineStatement:
    """Offsets in the headline parse, moved to the article's (the line starts at ``start``)."""
    right = subject.right_edge
    return HeadlineStatement(
        subject=(start + subject.left_edge.idx, start + right.idx + len(right.text)),
        head=start + subject.idx,
        cue=(start + verb.idx, start + verb.idx + len(verb.text)),
        content=(start + content_start, start + content_end),
    )


#: kickers: a headline's opening word before a colon that flags the story, nobody who speaks
KICKERS = frozenset(
    """breaking exclusive watch wow busted look update updated revealed bombshell video photos just leaked
    live analysis opinion editorial review explainer factbox timeline the latest boom confirmed byline
    dateline correction paid notice""".split()
)


def is_speaker_label(label: str) -> bool:
    """Whether the words before a headline's colon name who speaks ("Milbank", "Insiders", "Pence"):
    a few capitalised words, not a kicker ("BREAKING", "Wow", "The Latest")."""
    words = label.split()
    if not 1 <= len(words) <= 3 or not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    return label.lower() not in KICKERS and not any(w.lower() in KICKERS for w in words[:1])


#: a headline that gives someone's words after their name: "Rush Limbaugh: Hillary Is Scared"
HEADLINE_LABEL = re.compile(r"([A-Z][^:\n]{1,40}?):[ \t]+(?=\S)")


#: what speaks in a headline without a name ("Poll: Clinton and Trump in dead heat")
HEADLINE_SOURCES = frozenset({"poll", "survey", "study", "report", "analysis", "sources"})


def headline_candidates(sdoc: Doc, text: str, direct: list[_Candidate]) -> list[_Candidate]:
    """The first paragraph (the headline) as "NAME: words": the words are the named one's."""
    paras = paragraphs(text)
    if not paras:
        return []
    start, end = paras[0]
    match = HEADLINE_LABEL.match(text, start, end)
    # a cued quote in the headline is its own statement; an uncued one is a fragment of the words
    if match is None or len(match.group(1).split()) > 4 or any(c.start < end and not c.inherit for c in direct):
        return []
    label = _tokens(sdoc, match.start(1), match.end(1))
    names = [t for t in label if t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}]
    if not names and not any(t.lower_ in HEADLINE_SOURCES for t in label) and not is_speaker_label(match.group(1)):
        return []
    head = names[-1] if names else label[-1]
    content_end = end
    while content_end > match.end() and text[content_end - 1] in " .;":
        content_end -= 1
    content = _close_open_quote(text, match.end(), content_end)
    colon = match.end(1)
    return [_Candidate([content], "indirect", (colon, colon + 1), head, subject_span=(match.start(1), match.end(1)))]


def read_headline(
    sdoc: Doc, text: str, direct: list[_Candidate], indirect: list[_Candidate]
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Headline clauses "SUBJECT VERB REST" from a parse of the headline alone.

    Such a statement replaces what the article's parse made of the same verb (title case misleads it),
    and takes in the quote marks inside its clause: "X Says Y 'Makes You Retch'" is one mixed quote.
    A clause already inside a headline statement (after "NAME:") is left to that one.
    """
    paras = paragraphs(text)
    if len(paras) < 2 or not looks_like_headline(text[paras[0][0] : paras[0][1]]):
        return direct, indirect
    # "Reid: 'Never underestimate him.'": the quote is the colon statement's words, not one more quote
    colons = [c for c in indirect if c.cue is not None and c.cue[0] < paras[0][1] and text[c.cue[0] : c.cue[1]] == ":"]
    direct = [c for c in direct if not (c.inherit and any(h.start <= c.start and c.end <= h.end + 1 for h in colons))]
    # the headline is no part of what a body sentence reports, nor the body of what the headline says
    # (a parse that runs the two together)
    head_end, body = paras[0][1], paras[1][0]
    for candidate in [*direct, *indirect]:
        if candidate.cue is not None and candidate.cue[0] >= head_end and candidate.start < head_end:
            clipped = [(max(start, body), end) for start, end in candidate.spans]
            candidate.spans = [(start, end) for start, end in clipped if end > start]
        elif candidate.cue is not None and candidate.cue[0] < head_end and candidate.start < head_end:
            # (a quote wholly in the body may be the headline line's: "Stated Hall:" / "“We will rebuild.”")
            clipped = [(start, min(end, head_end)) for start, end in candidate.spans]
            candidate.spans = [(start, end) for start, end in clipped if end > start]
    direct = [c for c in direct if c.spans]
    indirect = [c for c in indirect if c.spans]
    found_all = headline_statements(text, *paras[0])
    if len(paras) > 2 and text[paras[0][1] : paras[1][0]].strip(" ") == "\n" and paras[1][1] - paras[1][0] < 200:
        # a subhead: a short line right under the headline, the body starting after a blank line
        found_all += headline_statements(text, *paras[1])
    for found in found_all:
        content = found.content
        # a statement already there around this verb, or a colon statement inside this one's words
        # ("Warren Hammers CEO: 'You Should Be Investigated'"), is the headline's own reading
        if any(
            c.start <= found.cue[0] < c.end
            or (c.cue is not None and content[0] <= c.cue[0] < content[1] and text[c.cue[0] : c.cue[1]] == ":")
            for c in [*direct, *indirect]
        ):
            continue
        direct = [c for c in direct if c.cue != found.cue and not (content[0] <= c.start and c.end <= content[1])]
        indirect = [c for c in indirect if c.cue is None or not found.cue[0] <= c.cue[0] < found.cue[1]]
        marked = bool(re.search(r"[‘\"“”]|(?<!\w)'", text[content[0] : content[1]]))
        head = next((t for t in _tokens(sdoc, found.head, found.head + 1)), None)
        indirect.append(
            _Candidate([content], "mixed" if marked else "indirect", found.cue, head, subject_span=found.subject)
        )
    return direct, indirect
