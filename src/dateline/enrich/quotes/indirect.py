"""Indirect quotes: cue verbs and nouns with a clause or an object, interrupting cues, "according
to", passives, beliefs, stances and intentions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.enrich.quotes.clauses import (
    ADDRESSEE_VERBS,
    COMPLEMENT_PREPOSITIONS,
    LEADING_CONNECTIVES,
    OBJECT_PREPOSITIONS,
    REFLEXIVES,
    _content_tokens,
    _is_when,
    _rstrip_piece,
    _split_pieces,
    _trim_clause,
    _trim_object,
    coordinated_cue_cut,
    run_on_tail,
)
from dateline.enrich.quotes.lexicon import (
    CUE_NOUNS,
    CUE_WORDS,
    DOCUMENT_NOUNS,
    DOUBLE_MARKS,
    EVIDENCE_VERBS,
    EXPRESSING_VERBS,
    HEARSAY_PASSIVES,
    NAMING_VERBS,
    REGARD_VERBS,
    SCENE_OPENERS,
    SINGLE_OPEN,
    STANCE_NOUNS,
    TOPIC_VERBS,
)
from dateline.enrich.quotes.marks import _close_open_quote
from dateline.enrich.quotes.mixed import _mask, _mostly_quoted
from dateline.enrich.quotes.prepositions import PREPOSITION_CUES, preposition_attribution, without_leading_concession
from dateline.enrich.quotes.raising import unsourced_attribution
from dateline.enrich.quotes.reattach import answer_word, relative_subject
from dateline.enrich.quotes.records import _Candidate
from dateline.enrich.quotes.stance import STANCE_CUES, stance_attribution
from dateline.enrich.quotes.syntax import (
    SENTENCE_BREAK,
    _between_marks,
    _inside,
    _is_belief_verb,
    _is_cue_verb,
    _is_mark_token,
    _is_stance_verb,
    _lemma,
    _names_someone,
    _speaks,
    _subject,
    _subject_names_someone,
    _tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _takes_object_content(token: Token) -> bool:
    """A speech verb whose object is what was said ("cited the poll", "proposed a tax"), not whom to."""
    lemma = token.lemma_.lower()
    return _is_cue_verb(token) and lemma not in ADDRESSEE_VERBS and lemma not in NAMING_VERBS


def _object_content(verb: Token) -> list[Token] | None:
    """What a stance or speech verb with a noun object is about: the object and how it is taken
    ("criticized the law as a "crazy system"", "blamed the media for …", "spoke of a rigged system")."""
    rights = [c for c in verb.rights if not c.is_punct]
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ in REFLEXIVES:
        return None  # "they find themselves …", "he defended himself"
    if obj is not None and obj.ent_type_ in {"DATE", "TIME"}:
        return None  # "said Friday": when, not what
    if obj is None and verb.lemma_.lower() == "say":
        # "said on Fox News" names where it was said; only "said the same" or "said yes" says what
        return answer_word(verb)
    if obj is None:
        prep = next((c for c in rights if c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS), None)
        if prep is None or not any(c.dep_ in {"pobj", "pcomp"} for c in prep.children):
            return None
        return [t for t in prep.subtree if t != prep]
    tokens = list(obj.subtree)
    for child in rights:
        # "a poll shows Clinton with a lead": what a document shows someone with is what it shows
        shown_with = child.lower_ == "with" and verb.lemma_.lower() in EVIDENCE_VERBS
        if (
            child.i > obj.i
            and child.dep_ in {"prep", "oprd"}
            and (child.lower_ in COMPLEMENT_PREPOSITIONS or shown_with)
        ):
            tokens += list(child.subtree)
    return _trim_object(tokens)


def _regard_content(verb: Token) -> list[Token] | None:
    """``see the program as an easy way in``: the object and its "as" phrase are the view held."""
    if verb.lemma_.lower() not in REGARD_VERBS or verb.dep_ == "amod":
        return None
    # a small parser tags "farmers view the dam as …" a noun, yet hangs a subject and an object on it
    if verb.pos_ != "VERB" and not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    rights = [c for c in verb.rights if not c.is_punct]
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    how = [c for c in rights if c.i > obj.i and c.lower_ == "as" and c.dep_ in {"prep", "oprd", "advcl"}]
    how += [c for c in obj.children if c.lower_ == "as" and c.dep_ == "prep"]
    if not how:
        return None
    tokens = list(obj.subtree) + [t for c in how if c not in obj.subtree for t in c.subtree]
    return _trim_object(tokens)


def _topic_content(verb: Token) -> list[Token] | None:
    """``spoke emotionally of his flights``, ``talked about bringing people together``: the topic."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TOPIC_VERBS or not _subject_names_someone(verb):
        return None
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in {"about", "of"}), None)
    if prep is None:
        return None
    tokens = [t for t in prep.subtree if t != prep]
    return _trim_object(tokens) if any(c.dep_ in {"pobj", "pcomp"} for c in prep.children) else None


#: words that open an indirect question ("asked whether …", "asked who leads the party")
QUESTION_OPENERS = frozenset({"if", "whether", "who", "what", "which", "why", "how", "when", "where", "whom"})


def _asked_content(verb: Token) -> list[Token] | None:
    """``Asked about the loan, Reed said …`` / ``When asked whether she would run, …``: a question put
    to someone is attributed content (what was asked), with the answering clause's subject as who
    was asked. Only the participle with no subject of its own (the passive "asked")."""
    if verb.lemma_.lower() != "ask" or verb.tag_ != "VBN" or verb.head.i == verb.i:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return None  # "has been asked", "Cruz was asked": a clause of its own, no opening participle
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ == "about":
            tokens = [t for t in child.subtree if t.i != child.i]
            return _trim_object(tokens) if tokens else None
        opener = child.left_edge
        if child.dep_ in {"ccomp", "advcl", "xcomp"} and (opener.lower_ in QUESTION_OPENERS or opener.lower_ == "to"):
            return list(child.subtree)
    return None


def _according_to(token: Token) -> tuple[list[Token], Token] | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    own = {t.i for t in token.subtree}
    head = token.head
    # "… - which it often is, according to Scott": the phrase vouches for the clause it hangs on; on a
    # main clause that is the sentence
    scope = list(head.subtree) if head.i != token.i and head.dep_ in {"relcl", "advcl"} else list(token.sent)
    # "Iowa (93 percent were white, according to exit polls)": inside brackets, what the brackets hold
    before = token.doc[scope[0].i : token.i]
    opened = [t.i for t in before if t.text == "("]
    if opened and not any(t.text == ")" for t in before if t.i > opened[-1]):
        closing = next((t.i for t in token.doc[token.i : scope[-1].i + 1] if t.text == ")"), scope[-1].i)
        scope = [t for t in scope if opened[-1] < t.i < closing]
    # a parse may run a sentence over a paragraph break: what is vouched for is in the cue's paragraph
    doc = token.doc
    start = next((t.i + 1 for t in reversed(doc[scope[0].i : token.i]) if "\n" in t.text_with_ws), scope[0].i)
    end = next((t.i for t in doc[token.i : scope[-1].i + 1] if "\n" in t.text_with_ws), scope[-1].i)
    return [t for t in scope if t.i not in own and start <= t.i <= end], source


def indirect_candidates(
    sdoc: Doc, text: str, direct: list[_Candidate], fragments: list[list[tuple[int, int]]] | None = None
) -> list[_Candidate]:
    quoted = [span for candidate in direct for span in candidate.spans]
    # a cue inside quoted words ("focusing on “he said this”") is part of what was said
    in_marks = quoted + [span for group in fragments or [] for span in group]
    in_mask, quoted_mask = _mask(len(text), in_marks), _mask(len(text), quoted)
    used_cues = {candidate.cue for candidate in direct if candidate.cue}
    found: list[_Candidate] = []
    for token in sdoc:
        # most words are no cue: one set lookup before any parse attribute is read
        lemma = _lemma(token)
        if not in_mask[token.idx] and lemma in HEARSAY_PASSIVES:
            unsourced = unsourced_attribution(token, _speaks)
            if unsourced is not None:
                pieces = _split_pieces(unsourced[0], text)
                if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                    found.append(_Candidate(pieces, "indirect", unsourced[1], unsourced=True))
                continue
        if lemma in STANCE_CUES and not in_mask[token.idx]:
            # realizing, agreeing, making clear, pointing to: a view ascribed by a verb that is no speech verb
            cue = (token.idx, token.idx + len(token.text))
            stance_found = stance_attribution(token, _subject, _names_someone) if cue not in used_cues else None
            if stance_found is not None:
                pieces = _split_pieces(_trim_clause(stance_found[0], token), text)
                if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                    found.append(_Candidate(pieces, "indirect", cue, stance_found[1]))
                continue
        if token.lower_ in PREPOSITION_CUES and not in_mask[token.idx]:
            # "Kasich was at 25 percent in the most recent Fox poll": the poll's claim (``prepositions``)
            by_phrase = preposition_attribution(token, _speaks)
            if by_phrase is not None:
                pieces = _split_pieces(_trim_clause(by_phrase[0], token), text)
                if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                    found.append(_Candidate(pieces, "indirect", (token.idx, token.idx + len(token.text)), by_phrase[1]))
            continue
        if in_mask[token.idx] or (lemma not in CUE_WORDS and lemma not in STANCE_NOUNS and token.lower_ != "according"):
            continue
        according = _according_to(token)
        if according is not None:
            tokens, source = according
            pieces = _split_pieces(_trim_clause(without_leading_concession(tokens, token), token), text)
            if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                cue = (token.idx, token.idx + len("according to"))
                found.append(_Candidate(pieces, "indirect", cue, source))
            continue
        cue = (token.idx, token.idx + len(token.text))
        noun = _cue_noun(token)
        if noun is not None:
            pieces = _split_pieces(noun[0], text)
            if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                found.append(_Candidate(pieces, "indirect", cue, noun[1]))
            continue
        naming = _naming_content(token)
        if naming is not None:
            tokens, cue = naming
            pieces = _split_pieces(tokens, text)
            if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                found.append(_Candidate(pieces, "indirect", cue, _subject(token)))
            continue
        if cue in used_cues:
            continue
        asked = _asked_content(token)
        if asked is not None:
            pieces = _split_pieces(asked, text)
            if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                found.append(_Candidate(pieces, "indirect", cue, _subject(token.head)))
            continue
        regard = _regard_content(token)
        if regard is None:
            regard = _topic_content(token)
        if regard is not None:
            subject = _subject(token)
            pieces = _split_pieces(regard, text) if subject is not None and subject not in regard else []
            if pieces and not _mostly_quoted(text, pieces, quoted_mask):
                found.append(_Candidate(pieces, "indirect", cue, subject))
            continue
        stance = _is_stance_verb(token)
        if not (_is_cue_verb(token) or _is_belief_verb(token) or stance):
            continue
        subject = _subject(token)
        content = _content_tokens(token)
        # "a poll shows a tight race": what a document shows is its content too
        evidence = token.pos_ == "VERB" and token.lemma_.lower() in EVIDENCE_VERBS
        if not content and (stance or evidence or _takes_object_content(token)) and subject is not None:
            speaks = _names_someone(subject) or (evidence and subject.lemma_.lower() in DOCUMENT_NOUNS)
            if evidence and not stance and not _is_cue_verb(token) and not _keeps_records(subject):
                speaks = False  # "Sanders found a receptive audience", "found ways to …": a thing found
            content = _object_content(token) if speaks else None
        if subject is None or not content or subject in content:
            continue
        content = run_on_tail(content, token, _is_when, _is_cue_verb)
        pieces = _split_pieces(_trim_clause(content, token), text)
        # "said yes" is short, not a remnant of a quotation
        if not pieces or (_mostly_quoted(text, pieces, quoted_mask) and content != answer_word(token)):
            continue
        relative = relative_subject(token, content)
        if relative is not None:
            pieces = [relative, *pieces]
        found.append(_Candidate(pieces, "indirect", cue, subject))
    for candidate in found:
        _detach_coordinated_cue(candidate, found, sdoc, text)
        _extend_over_quote(candidate, in_marks, text)
        _interrupted_subject(sdoc, text, candidate)
    for candidate in found:
        # after every second cue has taken its speaker from the statement it sits in
        _end_before_coordinated_cue(candidate, sdoc, text)
    return found


def _keeps_records(subject: Token) -> bool:
    """Whether a subject's "found"/"shows" with a noun object reports a finding: a document ("the poll
    finds Clinton ahead") or an organisation ("Gallup finds states shifting"). A person finds ways and
    audiences (on train articles 120+, 10 of 74 such attributions were annotated)."""
    return subject.lemma_.lower() in DOCUMENT_NOUNS or subject.ent_type_ == "ORG"


def _interrupted_subject(sdoc: Doc, text: str, candidate: _Candidate) -> None:
    """``The contrast with Trump, said Doyle, would be clear`` / ``the permit, his campaign said, had
    been hard to get``: a cue set in commas inside the reported sentence leaves its subject before the
    cue; when the parse gives only the rest, the words from the sentence start to the comma are the
    first piece of what was said."""
    if candidate.cue is None or candidate.subject is None or len(candidate.spans) != 1:
        return
    cue_start, cue_end = candidate.cue
    start, _ = candidate.spans[0]
    subject = candidate.subject
    # the cue clause is only the speaker and the cue (either order), set off by commas on both sides
    clause_start = min(subject.left_edge.idx, cue_start)
    clause_end = max(subject.right_edge.idx + len(subject.right_edge.text), cue_end)
    if not (clause_end <= start and text[clause_end:start].strip() == ","):
        return
    para_start = text.rfind("\n", 0, clause_start) + 1
    before = text[para_start:clause_start].rstrip()
    if not before.endswith(","):
        return
    comma = para_start + len(before) - 1
    breaks = list(SENTENCE_BREAK.finditer(text, para_start, comma))
    lead_start = breaks[-1].end() if breaks else para_start
    lead = _tokens(sdoc, lead_start, comma)
    while lead and (lead[0].lower_ in LEADING_CONNECTIVES or lead[0].is_punct):
        lead = lead[1:]
    words = [t for t in lead if not t.is_punct]
    # a noun phrase, not a clause of the writer's ("In Iowa, Reed said, …" is where, not what)
    if not words or len(words) > 12 or any(t.pos_ in {"VERB", "AUX"} or _is_mark_token(t) for t in lead):
        return
    if lead[0].pos_ == "ADP" or lead[0].lower_ in SCENE_OPENERS or all(t.pos_ == "ADV" for t in words):
        return  # "Even then, he said, …": when, not what
    candidate.spans = [(lead[0].idx, comma), *candidate.spans]


def _extend_over_quote(candidate: _Candidate, in_marks: list[tuple[int, int]], text: str) -> None:
    """A reported clause never stops at or inside a quotation it runs into: ``focusing on "he said
    this."`` (a parse often cuts the quoted words off as a clause of their own)."""
    start, end = candidate.spans[-1]
    for q_start, q_end in in_marks:
        between = text[end:q_start]
        touches = q_start >= end and len(between) <= 2 and not between.strip(" " + DOUBLE_MARKS + SINGLE_OPEN)
        if (touches or q_start <= end < q_end) and "\n" not in text[end:q_end]:
            candidate.spans[-1] = _close_open_quote(text, start, q_end)
            _extend_over_coordinated_quote(candidate, in_marks, text)
            return
    _extend_over_coordinated_quote(candidate, in_marks, text)


#: what joins a second quoted fragment to a clause that ends in one: ``is "a big problem" but "nobody …"``
COORDINATED_QUOTE = re.compile(r"""[,]?\s+(?:and|but|or)\s+(?=["“])""")


def _extend_over_coordinated_quote(candidate: _Candidate, in_marks: list[tuple[int, int]], text: str) -> None:
    """``voting fraud is "a big problem" but "nobody has the guts to talk about it."``: a clause that
    ends on quoted words goes on over a second quotation joined to them by "and"/"but"."""
    start, end = candidate.spans[-1]
    if text[end - 1 : end] not in DOUBLE_MARKS:
        return
    joined = COORDINATED_QUOTE.match(text, end)
    if joined is None:
        return
    for q_start, q_end in in_marks:
        if q_start - 1 == joined.end() and "\n" not in text[end:q_end]:
            candidate.spans[-1] = _close_open_quote(
                text, start, q_end + 1 if text[q_end : q_end + 1] in DOUBLE_MARKS else q_end
            )
            return


def _detach_coordinated_cue(candidate: _Candidate, found: list[_Candidate], sdoc: Doc, text: str) -> None:
    """``X said A and urged B``: the parser often hangs "urged" inside A, lending it A's subject.

    The second cue is X's too, and A ends before its "and".
    """
    if candidate.cue is None:
        return
    verbs = _tokens(sdoc, *candidate.cue)
    # a belief or an intention is no statement of its own: "said he posed a threat and refused to drop the
    # gun" reports what he did, all of it said (the nested intention is dropped later)
    if not verbs or verbs[0].dep_ != "conj" or _is_belief_verb(verbs[0]):
        return
    verb = verbs[0]
    outer = next(
        (o for o in found if o is not candidate and o.subject is not None and _inside(verb.idx, o.spans)), None
    )
    if outer is None or candidate.subject is None or not _inside(candidate.subject.idx, outer.spans):
        return
    candidate.subject = outer.subject
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    cut = before.idx if before is not None and before.dep_ == "cc" else verb.idx
    pieces = [(s, min(e, cut)) for s, e in outer.spans if s < cut]
    trimmed = [(s, e) for s, e in (_rstrip_piece(text, s, e) for s, e in pieces) if e > s]
    if trimmed:
        outer.spans = trimmed


def _end_before_coordinated_cue(candidate: _Candidate, sdoc: Doc, text: str) -> None:
    """``said A and added, "…"``: what was said ends before the speaker's next speech verb, also when that
    verb found no statement of its own to take its speaker from this one (``_detach_coordinated_cue``)."""
    verbs = _tokens(sdoc, *candidate.cue) if candidate.cue else []
    if not verbs or verbs[0].pos_ != "VERB":
        return
    cut = coordinated_cue_cut(verbs[0], candidate.spans, _is_cue_verb)
    if cut is None:
        return
    pieces = [_rstrip_piece(text, s, min(e, cut)) for s, e in candidate.spans if s < cut]
    trimmed = [(s, e) for s, e in pieces if e > s]
    if trimmed:
        candidate.spans = trimmed


def _cue_noun(token: Token) -> tuple[list[Token], Token] | None:
    """``Peskov's claim that …`` / ``a warning from the ministry that …``: content and speaker of a cue noun."""
    lemma = token.lemma_.lower()
    expressed = token.dep_ == "dobj" and token.head.lemma_.lower() in EXPRESSING_VERBS
    if token.pos_ != "NOUN" or not (lemma in CUE_NOUNS or (expressed and lemma in STANCE_NOUNS)):
        return None
    clause = next((c for c in token.rights if c.dep_ in {"acl", "ccomp"} and c.left_edge.lower_ == "that"), None)
    if clause is None:
        return None
    # "his suggestion that …": a possessive pronoun names the speaker as a name does, resolved later
    speaker = next((c for c in token.lefts if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN", "PRON"}), None)
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"by", "from"}):
        speaker = speaker or next((c for c in prep.children if c.dep_ == "pobj"), None)
    if speaker is None and expressed:
        # "the White House expressed doubt that …": who expressed it holds the view
        speaker = _subject(token.head)
    return (list(clause.subtree), speaker) if speaker is not None else None


def _naming_content(verb: Token) -> tuple[list[Token], tuple[int, int]] | None:
    """``called the charges "fabricated"``, ``called for a ban``: what a naming verb's subject said.

    Returns the content tokens and the cue. A naming verb needs an object and what it is called (a
    bare object is an event: "called a press conference"); "call for/on" takes its object as content.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS or _subject(verb) is None:
        return None
    rights = [c for c in verb.rights if not c.is_punct]
    # "called for a ban", "called on Congress to act"; "called Machado on Friday" is a phone call
    particle = next(
        (c for c in rights if c.lower_ in {"for", "on"} and c.dep_ in {"prep", "prt"} and c.i == verb.i + 1), None
    )
    if particle is not None and verb.lemma_.lower() == "call":
        tokens = [t for c in rights if c.i > particle.i for t in c.subtree]
        tokens += [t for t in particle.subtree if t != particle]
        cue = (verb.idx, particle.idx + len(particle.text))
        tokens = _trim_object(tokens)
        return (tokens, cue) if tokens else None
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        following is not None
        and following.lower_ == "for"
        and following.dep_ == "mark"
        and verb.lemma_.lower() == "call"
    ):
        # "is calling for the party to unite": the parser reads "for" as opening a clause of purpose
        clause = following.head
        if clause.head.i == verb.i and clause.dep_ == "advcl":
            tokens = [t for t in clause.subtree if t.i != following.i]
            return tokens, (verb.idx, following.idx + len(following.text))
    # "described the law as a fraud"; a prepositional phrase of time or place ("called Reed on Friday")
    # names nothing
    complements = [
        c
        for c in rights
        if c.dep_ in {"dobj", "oprd", "ccomp", "xcomp", "attr", "acomp"} or (c.dep_ == "prep" and not _is_when(c))
    ]
    kinds = {c.dep_ for c in complements}
    if not (kinds & {"oprd", "ccomp", "xcomp"} or {"dobj", "prep"} <= kinds or {"dobj", "attr"} <= kinds):
        return None
    tokens = [t for c in complements for t in c.subtree]
    # 'what Putin called a "security zone"': only the quoted words are his; the fragment pass takes them
    plain = [t for t in tokens if not t.is_punct and t.dep_ != "det" and not _between_marks(t)]
    if not plain:
        return None
    return tokens, (verb.idx, verb.idx + len(verb.text))
