"""Questions put to the dependency parse that every pass asks: tokens of a span, the subject of a
cue, the noun phrase a speaker is named by, whether a verb is a cue."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import (
    APPEARANCE_VERBS,
    BELIEF_VERBS,
    CUE_WORDS,
    DASHES,
    DOUBLE_MARKS,
    EVIDENCE_VERBS,
    FEMALE_PRONOUNS,
    GROUP_NOUNS,
    HEARSAY_PASSIVES,
    INSTITUTION_NOUNS,
    MALE_PRONOUNS,
    NAMING_VERBS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SHARE_WORDS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from dateline.enrich.quotes.reattach import control_subject, leading_phrase_subject, message_speaker, stray_subject
from dateline.enrich.quotes.subjects import (
    climbed_subject,
    contracted_perfect_subject,
    inverted_subject,
    speaking_noun,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _tokens(sdoc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in ranges)


def _is_cue_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
        return False
    lemma = token.lemma_.lower()
    # "as Rosenthal put it, '…'": the idiom reports speech
    return lemma in SPEECH_VERBS or (
        lemma == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.rights)
    )


def _is_belief_verb(token: Token) -> bool:
    """Belief and evidence verbs: cues of reported content, but only with a clause, never of a direct quote."""
    lemma = _lemma(token)
    return token.pos_ == "VERB" and (lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS)


#: forms the small English model lemmatizes wrongly ("hoping" -> "hop")
LEMMA_FIXES = {"hoping": "hope", "hopes": "hope", "hoped": "hope", "lambasted": "lambaste", "lambasts": "lambaste"}


def _lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the model's known slips corrected."""
    lower = token.lower_
    return LEMMA_FIXES.get(lower) or token.lemma_.lower()


def _subject(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, the agent of a passive, or a coordinated verb's."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if len(subjects) > 1:
        # a parse may run a live blog's time stamp ("5:45 p.m.") on into the next paragraph as a second
        # subject: the one in the verb's own paragraph speaks
        doc = verb.doc
        near = [c for c in subjects if "\n" not in doc[min(c.i, verb.i) : max(c.i, verb.i)].text]
        subjects = near or subjects
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    # "He arrived and said …", "…, saying that …": the subject is the governing verb's
    head = verb.head
    borrows = verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG")
    if borrows and head != verb and head.pos_ in {"VERB", "AUX"}:
        return _subject(head) or _passive_subject(head)
    # "voters seemed more likely to say …", "she is expected to announce …": a raising verb lends its
    # subject to the infinitive that says something
    raised = _raising_subject(verb)
    if raised is not None:
        return raised
    controller = control_subject(verb, _subject)
    if controller is not None:
        return controller
    # "began by saying …", "after saying …, she was taken to hospital": through the preposition
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP" and head.head != head:
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"}:
            return _subject(governor) or _passive_subject(governor)
    # "issued a statement saying …", "Reid, the minority leader, said …" after a participle the parse
    # ran into the name: speakers the parse hangs elsewhere (``reattach``)
    speech = verb.lemma_.lower() in SPEECH_VERBS
    # an ad or a letter attacking someone is the issuer's stance only as often as not: speech and naming
    speaker = message_speaker(verb, _subject, speech) if speech or verb.lemma_.lower() in NAMING_VERBS else None
    if speaker is None and speech:
        speaker = stray_subject(verb) or inverted_subject(verb, _names_someone) or contracted_perfect_subject(verb)
        speaker = speaker or leading_phrase_subject(verb, _names_someone)
    if speaker is None:
        # "used the platform to discuss …", "prompted Sanders to advocate …": a verb further up speaks
        speaker = climbed_subject(verb)
    if speaker is None and speech:
        speaker = speaking_noun(verb, _names_someone)  # "a gunman claiming allegiance to …"
    return speaker


def _raising_subject(verb: Token) -> Token | None:
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    node = verb.head
    for _ in range(2):
        if node.lemma_.lower() in RAISING_HEADS and node.pos_ in {"VERB", "AUX"}:
            return next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if node.dep_ not in {"acomp", "oprd", "xcomp"} or node.head == node:
            return None
        node = node.head
    return None


#: verbs whose subject is the subject of the infinitive they govern ("seemed to say", "is expected to
#: announce", "was likely to say"); "urged them to say" is no such verb: its object speaks
RAISING_HEADS = APPEARANCE_VERBS | HEARSAY_PASSIVES | {"be"}


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


#: heads that name no one without their "of" phrase: "one of the officials", "the head of the agency"
OF_PHRASE_HEADS = frozenset(
    """
    one some many most several few all none each both two three four any majority half dozens
    head chief director spokesman spokeswoman spokesperson president chairman chairwoman chair
    member members leader leaders secretary minister governor mayor commissioner ceo founder
    """.split()
)


def _noun_phrase(token: Token) -> tuple[int, int]:
    """The speaker phrase of a head noun: its premodifiers, and for groups a following "in/at/of X"."""
    left = token
    for child in token.lefts:
        if child.dep_ in {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod"}:
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    right = token
    if _group_kind(token) is not None:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "of", "from", "for"}:
                # "authorities in Russia's Belgorod region, which borders Kharkiv": stop at the comma
                for word in child.subtree:
                    if word.is_punct or word.dep_ in {"relcl", "acl"}:
                        break
                    right = word
                break
    elif token.lower_ in OF_PHRASE_HEADS:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                # "one of the engineers who inspected it": the clause, "who" included, describes them
                clauses = {w.i for c in child.subtree if c.dep_ in {"relcl", "acl"} for w in c.subtree}
                for word in child.subtree:
                    if word.is_punct or word.i in clauses or "\n" in word.text:
                        break
                    right = word
                break
    for child in token.rights:
        if child.dep_ == "compound" or (child.dep_ == "flat"):
            right = max(right, child.right_edge, key=lambda t: t.i)
    # a parse may run a name on across a paragraph break ("… Olsen\n\nReed said"): a phrase never does
    while left.i < token.i and any("\n" in t.text_with_ws for t in left.doc[left.i : token.i]):
        left = left.doc[left.i + 1]
    start = left.idx
    end = right.idx + len(right.text)
    return start, end


def _source_phrase(token: Token) -> tuple[int, int]:
    """The speaker as written at the cue: the whole noun phrase with what describes it.

    "Brian Fallon, the campaign's press secretary," / "Sen. David Perdue (R-Ga.)" / "a spokeswoman for
    Hillary Clinton" / "Joseph and other community members": appositions, parentheses, prepositional
    and relative modifiers and coordinated names belong to the source; a comma that closes an
    apposition or a relative clause is kept with it. Never crosses a paragraph or a quotation mark.
    """
    doc = token.doc
    token = _coordination_head(token)
    left, right = token.left_edge.i, token.right_edge.i
    # "officials saying that …": the participle that speaks is the cue, and what it says no part of its speaker
    for child in token.rights:
        if child.dep_ == "acl" and child.tag_ == "VBG" and _speaks(child):
            right = min(right, max(token.i, child.left_edge.i - 1))
            break
    # a parse can hang a dateline, a time stamp or a quote on the subject: keep to the words near it
    for i in range(token.i - 1, left - 1, -1):
        # "RENO, Nev. (AP) — Donald Trump said": a dateline before a dash is no part of the speaker
        # (a spaced hyphen too: "JUST TOO EARLY - Mark Blumenthal and Jon Cohen")
        if "\n" in doc[i].text_with_ws or _quote_mark_in_phrase(doc[i]) or _is_dash(doc[i]):
            left = i + 1
            break
    for i in range(token.i, right + 1):
        if "\n" in doc[i].text_with_ws[len(doc[i].text) :] or "\n" in doc[i].text or _quote_mark_in_phrase(doc[i]):
            right = max(token.i, i - 1 if i > token.i else i)
            break
    # a signature's dash ("-Nate Cohn"), a bracket the phrase does not close, a stray space: not the speaker
    while left < token.i and (
        doc[left].is_space
        or doc[left].text in {"-", "(", "[", ",", ";", ":"} | set(DASHES)
        # "And a third, Daniel Traynor," / "Even Lindsey Graham": a connective or a focus word is the
        # writer's, not the speaker's name
        or (doc[left].lower_ in SOURCE_OPENERS and doc[left].dep_ in {"cc", "advmod", "preconj"})
    ):
        left += 1
    right = _before_when(token, _before_aside(token, right))
    while right > token.i and (doc[right].is_space or (doc[right].is_punct and doc[right].text not in {")", "]"})):
        right -= 1
    # "Proponents, including the mayors," is described as much as an apposition is
    described = any(t.dep_ in {"appos", "relcl", "acl"} or t.lower_ == "including" for t in doc[token.i : right + 1])
    # the comma closing "X, the spokesman," before its verb; after the verb ("said X, a lawyer") it
    # ends the sentence's clause instead
    before_verb = token.head.i > right + 1
    if described and before_verb and right + 1 < len(doc) and doc[right + 1].text == "," and token.i < right:
        right += 1
    # "Democrats — and some Republicans — say": a dash that closes an aside opened in the phrase is
    # kept with it, as the closing comma of an apposition is
    opened = sum(_is_dash(t) for t in doc[token.i + 1 : right + 1]) % 2 == 1
    if opened and before_verb and right + 1 < len(doc) and _is_dash(doc[right + 1]):
        right += 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    # a parse may make the wire dateline the subject ("MACAU (Reuters) – Top donor X said"): the speaker
    # is what follows it
    # the phrase's own text, not ``doc.text``: spaCy rebuilds the whole article's string on each call
    phrase = doc[left : right + 1].text
    wire = WIRE_DATELINE.match(phrase)
    if wire is not None and start + wire.end() < end:
        start += wire.end()
    return start, end


#: days a parse may hang on a speaker phrase ("a report on Wednesday said")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


#: words opening a speaker phrase that PolNeAR leaves out of the source ("Even Lindsey Graham said")
SOURCE_OPENERS = frozenset({"and", "but", "or", "so", "yet", "even"})


def _before_when(token: Token, right: int) -> int:
    """Where a speaker phrase ends before a day the parse hung on it ("host Trevor Noah on Thursday",
    "a report Wednesday"): when someone spoke is not who spoke."""
    for word in token.doc[token.i + 1 : right + 1]:
        if word.head != token or word.right_edge.i < right:
            continue  # only a phrase on the speaker itself that ends it ("X, who on Tuesday endorsed Y," stays)
        # a weekday only: PolNeAR's sources leave "on Thursday" out far more often than they keep it, while
        # "a poll in June" and "defenders today" are as often kept
        dated = word.dep_ == "npadvmod" and word.lower_ in WEEKDAYS
        dated = dated or (word.dep_ == "prep" and any(c.dep_ == "pobj" and c.lower_ in WEEKDAYS for c in word.children))
        if dated:
            return max(token.i, word.left_edge.i - 1)
    return right


def _quote_mark_in_phrase(token: Token) -> bool:
    """A quotation mark bounds a speaker phrase; a possessive apostrophe ("Sanders’ campaign manager") does not."""
    if not _is_mark_token(token) or token.tag_ == "POS":
        return False
    doc = token.doc
    if token.text in "’'" and 0 < token.i < len(doc) - 1:
        before, after = doc[token.i - 1], doc[token.i + 1]
        # the model often tags it as a closing mark: glued to a plural, a word after it, no single opener
        glued = before.text[-1:] in "sS" and not before.whitespace_ and bool(token.whitespace_) and after.is_alpha
        opened = any(t.text in {"‘", "'"} for t in doc[token.sent.start : token.i])
        return not (glued and not opened)
    return True


def _coordination_head(token: Token) -> Token:
    """``"…," wrote Mark Blumenthal and Jon Cohen``: a parse may make the last of coordinated names the
    cue's subject; the speakers are all of them, from the first."""
    while token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ in {"PROPN", "NOUN"}:
        if "\n" in token.doc[token.head.i : token.i].text:
            break
        token = token.head
    return token


def _before_aside(token: Token, right: int) -> int:
    """Where a speaker phrase ends before a comma-set aside about what the speaker did or is doing:
    a participle ("Rubio, speaking at a rally in Miami,") or a relative clause that is a statement of
    its own ("Sanders, who on Tuesday endorsed Clinton,"). Such a clause is the writer's scene-setting
    or another attribution, not the name of the speaker; an apposition ("X, the party's chairman,")
    and a relative clause saying who the speaker is ("X, who served as ambassador,") stay."""
    doc = token.doc
    for child in token.rights:
        if child.i > right or child.dep_ not in {"relcl", "acl", "advcl"}:
            continue
        edge = child.left_edge
        comma = doc[edge.i - 1] if edge.i > token.i + 1 else None
        if comma is not None and _is_dash(comma) and child.dep_ == "relcl":
            # "Sanders - who flew home on Wednesday - said": a dash sets the clause apart as the writer's aside
            return comma.i - 1
        if comma is None or comma.text != ",":
            continue
        # "X, who served as ambassador," says who X is and stays; "X, who said …" is a statement of its own
        relative = child.dep_ == "relcl" and edge.lower_ in {"who", "which", "whose", "whom"}
        relative = relative and child.lemma_.lower() in CUE_WORDS
        participle = child.dep_ != "relcl" and child.tag_ in {"VBG", "VBN"} and edge.i == child.i
        # "Ted Cruz, when asked what is wrong with the plan," is scene-setting as a participle is
        participle = participle or (child.dep_ == "advcl" and edge.lower_ in {"when", "while", "after", "before", "as"})
        if relative or participle:
            return comma.i - 1
    return right


def _is_dash(token: Token) -> bool:
    """A dash between words: an em or en dash, "--", or a hyphen with spaces round it."""
    doc = token.doc
    spaced_hyphen = token.text == "-" and token.i > 0 and bool(doc[token.i - 1].whitespace_)
    return token.text in DASHES or token.text == "--" or spaced_hyphen


#: a news-wire dateline opening a first sentence: "RENO, Nev. (AP) — ", "MACAU (Reuters) – "
WIRE_DATELINE = re.compile(r"[A-Z][\w .,'’-]{0,60}\([A-Z][A-Za-z]{1,12}\)\s*(?:[—–―]|--|-(?=\s))\s*")


#: where a sentence (or the quotation before it) ends: the lead-in of an interrupted sentence starts after it
SENTENCE_BREAK = re.compile(r"""(?:[.!?](?:''|["”’'])?|["”]|'')\s+""")


def _is_mark_token(token: Token) -> bool:
    return token.text in DOUBLE_MARKS + SINGLE_OPEN + SINGLE_CLOSE or token.text == "''"


def _is_stance_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in STANCE_VERBS and token.dep_ != "amod"


def _subject_names_someone(verb: Token) -> bool:
    subject = _subject(verb)
    return subject is not None and _names_someone(subject)


def _speaks(token: Token) -> bool:
    return _is_cue_verb(token) or _is_belief_verb(token) or _is_stance_verb(token)


def _between_marks(token: Token) -> bool:
    """Whether a token sits inside quotation marks in its sentence (a cheap check on the raw text)."""
    sentence = token.sent
    before = "".join(t.text_with_ws for t in sentence if t.i < token.i)
    # a parse may start the sentence with the last paragraph's closing mark: count from the break on
    before = before[before.rfind("\n") + 1 :]
    opened = sum(before.count(m) for m in "“«") - sum(before.count(m) for m in "”»") + before.count('"') % 2
    return opened > 0


def _names_someone(token: Token) -> bool:
    if token.pos_ == "PRON":
        if token.lower_ == "who" and token.head.dep_ == "relcl" and token.head.head.i < token.i:
            # "voters who supported Sanders": the relative pronoun stands for its noun
            return token.head.head.lower_ != "who" and _names_someone(token.head.head)
        return token.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS
    if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or _group_kind(token) is not None:
        return True
    if token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper():
        return True  # a small model often leaves a surname untyped ("Trump cited …")
    if token.lower_ in SHARE_WORDS or token.text.isdigit():
        # "a majority of Republicans support deportation", "6 in 10 voters backed Sanders": a poll's
        # share of people holds the view
        return True
    return token.lower_ in ROLE_NOUNS  # "the mayor cited a survey"


def _group_kind(token: Token | None) -> str | None:
    """GROUP for people spoken of together ("officials"), ORG for an unnamed institution ("the ministry")."""
    if token is None or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = {token.lower_, token.lemma_.lower()}
    if words & GROUP_NOUNS:
        return "GROUP"
    return "ORG" if words & INSTITUTION_NOUNS else None
