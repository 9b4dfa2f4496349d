"""Who said what: direct, mixed and indirect quotes with their cues and resolved speakers.

How it works, in four passes over one article (``find_quotes``):

1. **Quote marks.** Typed marks are paired per paragraph (“ ” ‘ ’ « » „ and straight quotes). An
   apostrophe inside or at the end of a word ("doesn't", "voters'") is never a mark; a quote left open at
   the end of a paragraph continues when the next paragraph opens with a mark (the news convention for
   multi-paragraph quotes) and is one quote with one piece per paragraph.
2. **Direct quotes.** A quoted passage in speech position (opening a paragraph, after ":" or "," or a
   speech verb in any form) looks for its cue right after it (``"…," he said``; never across a period
   that closed the quote's sentence), right before it (``Peskov said: "…"``), as a dash attribution
   (``"…" — Commissioner X``) or as a bare colon after a name (``From Governor X: "…"``). ``"A," he said,
   "B."`` is one quote with two spans, and so is ``"A," he said. "B."`` (not so ``he said on CNN's "State
   of the Union."``: out of speech position a mark opens a title); a quote with no cue joins the cued
   quote beside it in its paragraph (or the nearer reported clause that quotes); a paragraph that is
   nothing but a quote with no cue continues the cued quote of the paragraph before, and one that says
   more takes its speaker (the news convention for a run of quote paragraphs). ``said that "…"`` is a
   mixed quote whose content keeps "that" (however far the cue: ``is telling voters in Ohio that "…"``),
   and so is ``says "…" despite the loss`` (the sentence goes on after the mark) and ``revealed a few
   facts: "…"`` (what the cue says before the colon); a cue-less title in marks ("Make America Great
   Again.") is no quote; a cue-less quote inside a reported clause makes the clause mixed; a quoted line
   of capitalised words on its own ("'Legend of the Harbor.'") is a subhead. Interview transcripts
   ("PENCE: Well, …") are quotes of the person whose surname the label is. A quotation that does not
   end its sentence is mixed with the writer's words around it: a lead-in the cue interrupts ("The
   program, she said, "can continue …""), a lower-case opening after the writer's start ("In past
   campaigns, "we felt …," he said") and a run-on after the closing mark ("said, "We have three weeks
   to go" until the caucuses", also when the cue follows the run-on); a quote opened by "that" belongs
   to the cue before it even when another cue follows.
3. **Indirect and mixed quotes.** A cue verb with a clausal complement ("said Tuesday that …", "told
   reporters …", "warned …"), an interrupting cue ("The plan, he said, will …"), "according to X" and
   passives ("it was announced by X that …"), cue nouns ("Peskov's claim that …", "his claim that …"),
   unsourced expectations and hearsay ("is expected to …", "were said to …": ``quote_raising``; kept
   with no speaker), naming verbs ("called
   the charges fabricated", "called for a ban") and, with a clause only, verbs of belief and evidence
   ("believes that …", "a poll found that …") and of intention with an infinitive ("wants to …", "refused
   to …", "seeks to …"); a view voiced with a that-clause ("expressed doubt that …") is the voicer's; a
   question put to someone ("Asked whether …, X said") is what was asked. Verbs of stance ("criticized
   the law as a fraud", "endorsed Clinton") and speech verbs with a noun object ("cited a survey") take
   the object as content, as does a document's evidence verb ("Polls show a close race"); a
   poll's share of people ("a majority of voters") is a speaker, and so is "who" when its noun is
   someone. Verbs of regard take the object with its "as" phrase ("see the tax as a giveaway"), verbs of
   talk their topic ("spoke about her ties to …"), and "asked if/whether …" its question. Verbs that
   are no speech verbs ascribe a view in one frame each (``quote_stance``: "recognized that …", "agreed
   with X", "made it clear that …", "pointed to X as Y", "expressed concern about X", "took aim at X"). A reported
   clause is never taken from the paragraph before its cue (a parse may hang one on it), keeps an
   action conjoined to it ("said he posed a threat and refused to drop the gun"), and a belief, stance
   or paraphrase inside someone else's statement is reported once, with that statement. A reported
   clause drops a time phrase right after its cue ("told voters this weekend he …") and stops at a
   semicolon, before a second participial cue (", arguing that …"), a closing apposition, a dash aside
   (or a lone dash opening the writer's aside), a wire dateline and a closing "which" clause that is a
   statement of its own; it takes in a quotation it runs into (and a second one joined by "and"/"but"), a
   second clause the parser hangs on the cue ("said A and B was …"), the start of a sentence a cue set
   in commas interrupts ("The permit, his campaign said, had been …"), and "according to" vouches for
   its clause in its paragraph (inside brackets, for what the brackets hold). A reported clause with a
   quoted fragment is *mixed*; so is a quoted fragment that a naming verb attributes (``what Putin has
   called a "security zone"``) or that sits in the complement of a verb whose subject names someone
   (``blasted the media as "dishonest"``).
4. **Speakers.** The cue's subject from the dependency parse, widened to its noun phrase ("Kremlin
   spokesman Dmitry Peskov", "authorities in Russia's Belgorod region"; never a wire dateline before a
   dash, a live blog's time stamp, a comma-set participle ("Rubio, speaking in Miami,") or relative
   clause that is a statement of its own, a weekday hung on it, an opening "And"/"Even"; coordinated
   names from the first, across a possessive apostrophe), linked to the article's entities. Pronouns go
   to the nearest earlier person that agrees in gender (first names, titles, earlier pronouns) or, for
   "they", to the nearest earlier group that spoke (else to a close earlier subject naming people: "Dock
   workers voted …"); role nouns ("the spokesman") to the person last named with that role; group
   nouns ("Russian officials") become GROUP entities and unnamed institutions ("the port authority") ORG
   entities, appended to the article's entity list.

Offsets: a direct quote's ``start``/``end``/``spans`` cover what is inside the marks, without them
(a mixed quote's content keeps its marks). ``speaker.start/end`` is the mention naming the speaker best
(the canonical full name, nearest before the cue); :func:`find_quotes` also returns the speaker as
written at the cue ("he", "Brian Fallon, the campaign's press secretary,": the whole noun phrase with
its apposition), which the PolNeAR benchmark scores against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline.enrich import EnrichDoc, component
from dateline.enrich.first_names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from dateline.enrich.quote_clauses import (
    answer_word,
    clause_after_phrase,
    control_subject,
    message_speaker,
    relative_subject,
    stray_subject,
)
from dateline.enrich.quote_extent import coordinated_cue_cut, run_on_tail
from dateline.enrich.quote_filters import ACCORDING, governs, vouched_for
from dateline.enrich.quote_headlines import headline_statements, is_speaker_label, looks_like_headline
from dateline.enrich.quote_prepositions import PREPOSITION_CUES, preposition_attribution, without_leading_concession
from dateline.enrich.quote_raising import APPEARANCE_VERBS, HEARSAY_PASSIVES, unsourced_attribution
from dateline.enrich.quote_stance import STANCE_CUES, stance_attribution
from dateline.enrich.quote_subjects import climbed_subject, speaking_noun
from dateline.record import Entity, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# ---------------------------------------------------------------------------------------------------
# Lexicons (lower-case lemmas unless said otherwise)

#: verbs that report speech or a public statement; their subject is the speaker
SPEECH_VERBS = frozenset(
    """
    say tell add announce state declare claim assert argue insist explain note remark report write warn
    caution predict acknowledge admit concede confirm deny reply respond answer ask urge promise pledge
    vow threaten accuse allege complain contend maintain reiterate repeat stress emphasize emphasise
    reveal disclose estimate testify tweet post comment conclude mention observe proclaim joke quip shout
    whisper mutter yell scream exclaim chant boast brag counter retort rebut object protest plead demand
    recommend propose advise suggest indicate continue concur recall charge lament cite point announce
    assure inform notify hint predict forecast speculate summarize describe clarify affirm reaffirm
    acknowledge encourage
    """.split()
)

#: verbs of intention with a to-infinitive ("wants to double the fleet", "refused to release the
#: report"): what someone means to do is their attributed position, as their beliefs are; measured on
#: PolNeAR dev and a train slice, it helps both (a wanted noun, "wants a recount", stays out)
INTENT_VERBS = frozenset({"want", "plan", "refuse", "intend", "decline", "seek", "aim", "hope"})

#: verbs of stated belief or intent; PolNeAR and news readers count "X believes that …" as attributed
#: content, but only with a clausal complement (never as the cue of a direct quote)
BELIEF_VERBS = (
    frozenset({"believe", "think", "feel", "hope", "expect", "fear", "worry", "doubt", "suspect", "know"})
    | INTENT_VERBS
)

#: verbs of stance and evaluation: PolNeAR-style attribution counts "Trump criticized the law as a
#: fraud" as someone's attributed position; the content is the clause or the object (with how it is
#: taken: "as a fraud"). Verbs of wish and plan take only an infinitive (``INTENT_VERBS``), never an
#: object: "wants a recount" says little, and annotation rarely agrees on it.
STANCE_VERBS = frozenset(
    """
    question criticize criticise attack blast slam condemn denounce decry blame mock ridicule praise laud
    hail applaud welcome tout support endorse oppose reject dismiss defend champion promote advocate
    highlight echo reference cite discuss compare liken accuse challenge dispute favor favour lambaste
    berate deride disparage bemoan deplore lament downplay rail refer
    """.split()
)

#: verbs of regard that state a view only with an "as" complement: "Critics see the bill as a giveaway",
#: "Cruz cast himself as an outsider"; without "as" they are seeing and casting, not attributing
REGARD_VERBS = frozenset({"see", "view", "regard", "cast", "portray", "paint", "depict", "perceive", "frame"})

#: verbs of talking whose topic, after "about" or "of", is what was said: "spoke about her ties to the
#: church", "talked of a rigged system" ("spoke to reporters" names only whom to)
TOPIC_VERBS = frozenset({"speak", "talk"})

#: verbs by which a document speaks ("a poll found that …", "the report shows …"); clausal complement only
EVIDENCE_VERBS = frozenset({"show", "find", "conclude", "document", "demonstrate", "confirm", "agree"})

#: what shows or finds things with a noun object: "Polls show a close race", "Video shows him with his
#: hands up" (a person's evidence verbs go through the subject's name instead)
DOCUMENT_NOUNS = frozenset(
    """
    poll survey video footage analysis study report data document record average tally audit review
    research investigation figure number result count estimate projection model transcript recording
    """.split()
)

#: verbs that name something in someone's words: ``what Putin has called a "security zone"``
NAMING_VERBS = frozenset({"call", "describe", "dub", "term", "label", "brand", "characterize", "nickname"})

#: speech verbs that put a question: their "if"/"whether" clause is what was asked, not a condition
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})

#: cue verbs whose complement is a to-infinitive that reports speech ("vowed to retaliate")
INFINITIVE_CUES = (
    frozenset({"promise", "pledge", "vow", "threaten", "urge", "demand", "warn", "ask", "tell", "encourage"})
    | INTENT_VERBS
)

#: nouns that carry a statement: with a that-clause and a possessor they are cues of their own
#: ("Peskov's claim that the offensive was on schedule", "a warning from the ministry that …")
CUE_NOUNS = frozenset(
    """
    statement remarks remark comments comment claim claims assertion warning announcement promise pledge
    vow accusation allegation insistence admission denial suggestion argument prediction assurance
    message testimony
    """.split()
)

#: verbs that voice a view named by their object ("expressed doubt that …", "voiced confidence that …")
EXPRESSING_VERBS = frozenset({"express", "voice", "raise", "repeat", "reiterate"})
#: nouns of a view that such a verb voices, with a that-clause saying what the view is
STANCE_NOUNS = frozenset(
    """
    doubt doubts skepticism scepticism confidence concern concerns hope hopes fear fears belief view
    optimism pessimism worry worries frustration disappointment regret certainty
    """.split()
)

#: nouns for collective speakers: kept as GROUP speakers with their modifiers ("Russian officials")
GROUP_NOUNS = frozenset(
    """
    officials authorities police forces prosecutors investigators spokespeople sources residents
    witnesses experts analysts observers lawmakers legislators democrats republicans leaders diplomats
    officers troops critics supporters opponents agencies services people organizers activists
    researchers scientists doctors medics rescuers spokesmen staff aides advisers advisors workers
    members protesters economists unions
    """.split()
)

#: nouns for institutions that speak without a name: ORG speakers ("the port authority", "the ministry")
INSTITUTION_NOUNS = frozenset(
    """
    government administration ministry military army campaign committee council parliament commission
    agency department office service team union company operator firm authority association federation
    institute coalition alliance party court board bank embassy mission regulator watchdog
    """.split()
)

#: head words of a poll's share of people ("a majority of voters", "About three-quarters", "most")
SHARE_WORDS = frozenset(
    """
    majority minority plurality percent % most half third thirds quarter quarters fifth fifths share
    many few group
    """.split()
)

#: role nouns that name a person's job; "the spokesman said" means the last person named with that role
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson president governor mayor minister senator secretary chancellor
    ambassador commissioner commander general chief director premier prosecutor judge chairman chairwoman
    candidate nominee leader ceo official adviser advisor aide lawyer attorney
    """.split()
)

MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})

#: titles that tell a person's gender ("Mr.", "Queen")
MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "lord", "father", "brother", "monsieur", "herr"})
FEMALE_TITLES = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "dame", "sister", "madame"}
)

#: names that tell gender: the first-name lists, and names the news writes alone for a few figures
MALE_NAMES = MALE_FIRST_NAMES | {"lee", "lindsey", "xi", "zelensky"}
FEMALE_NAMES = FEMALE_FIRST_NAMES

#: Slavic surnames mark gender in their ending ("Zakharova" vs "Peskov"); used when the first name is unknown
FEMALE_SURNAME_END = re.compile(r"(?:ova|eva|yova|ina|aya|ska)$")
MALE_SURNAME_END = re.compile(r"(?:ov|ev|in|sky|skiy|skyi)$")

OPENING_DOUBLE = "“„«"
DOUBLE_MARKS = '"“”„«»'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
DASHES = "—–―"

#: a quote whose cue clause between two quoted pieces is at most this many tokens is one interrupted quote
MAX_INTERRUPTION_TOKENS = 14
#: a cue verb must be this close to its quote's mark (in tokens) to be its cue
MAX_CUE_DISTANCE = 6
#: how far after a quote a cue may sit when everything before it is its subject phrase
MAX_SUBJECT_TOKENS = 30


# ---------------------------------------------------------------------------------------------------
# Records


@dataclass
class QuoteMatch:
    """A found quote plus what the bench needs besides the record: the local speaker mention ("he")."""

    quote: Quote
    source: tuple[int, int] | None = None  # the speaker as written at the cue (may be a pronoun)


@dataclass
class _Candidate:
    spans: list[tuple[int, int]]
    kind: QuoteKind
    cue: tuple[int, int] | None = None
    subject: Token | None = None  # head token of the speaker phrase at the cue
    subject_span: tuple[int, int] | None = None  # for speakers found without a parse head (colon, dash)
    inherit: bool = False  # no cue: take the speaker of a neighbouring quote
    speaker: Speaker | None = None
    source: tuple[int, int] | None = None
    unsourced: bool = False  # "is expected to", "was said to": attributed to nobody named, kept without a speaker

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class _Mentions:
    """What speaker resolution knows about the article's people: positions, genders, roles."""

    entities: list[Entity]
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" | "f"
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (position, role noun, entity id)
    speakers: list[tuple[int, str, str]] = field(default_factory=list)  # (position, entity id, type)

    def by_id(self, entity_id: str) -> Entity:
        return next(entity for entity in self.entities if entity.id == entity_id)


# ---------------------------------------------------------------------------------------------------
# 1. Quote marks


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
    text = _double_apostrophes_as_marks(text)
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


# ---------------------------------------------------------------------------------------------------
# Parse helpers


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
LEMMA_FIXES = {"hoping": "hope"}


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
    # ran into the name: speakers the parse hangs elsewhere (``quote_clauses``)
    speech = verb.lemma_.lower() in SPEECH_VERBS
    # an ad or a letter attacking someone is the issuer's stance only as often as not: speech and naming
    speaker = message_speaker(verb, _subject, speech) if speech or verb.lemma_.lower() in NAMING_VERBS else None
    if speaker is None and speech:
        speaker = stray_subject(verb)
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
        spaced_hyphen = doc[i].text == "-" and i > 0 and bool(doc[i - 1].whitespace_)
        dash = doc[i].text in DASHES or doc[i].text == "--" or spaced_hyphen
        if "\n" in doc[i].text_with_ws or _quote_mark_in_phrase(doc[i]) or dash:
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


# ---------------------------------------------------------------------------------------------------
# 2. Direct quotes


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
            subject = subject or _governing_subject(token)
            return _Candidate([], "direct", (token.idx, token.idx + len(token.text)), subject)
    return None


def _governing_subject(verb: Token) -> Token | None:
    """A quote's cue with no subject of its own takes the speaker of the verb it completes: "The union
    went on to say, "…"" (an infinitive under a verb with no object), "The council issued a statement
    saying, "…"" (a participle on what that verb's subject put out)."""
    head = verb.head
    if head is verb:
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
        para_index = next(i for i, (s, e) in enumerate(paras) if s <= group[-1][0] <= e)
        para_start, para_end = paras[para_index]
        first_para = next(i for i, (s, e) in enumerate(paras) if s <= group[0][0] <= e)
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


def _run_on_past_mark(text: str, candidate: _Candidate) -> None:
    """``Tyler said, "We have three weeks to go" until the caucuses.`` / ``"This will be a challenge"
    for Clinton, said Kunin.``: a quotation with no punctuation of its own before the closing mark,
    followed by lower-case words, is part of a longer sentence that goes on to its end or to the cue
    after it; that sentence is what was said, a mixed quote (PolNeAR's content runs on the same way)."""
    if len(candidate.spans) != 1 or candidate.cue is None:
        return
    start, end = candidate.spans[0]
    if text[end : end + 1] not in DOUBLE_MARKS or text[end - 1 : end] in ".,;:!?—–-":
        return
    run_on = RUN_ON.match(text, end + 1)
    if run_on is None or len(run_on.group(1).split()) > MAX_RUN_ON_WORDS:
        return
    stop = run_on.end(1)
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
    if text[end : end + 1] not in DOUBLE_MARKS or text[end - 1 : end] in ".,;:!?—–-":
        return
    run_on = RUN_ON.match(text, end + 1)
    if run_on is None or len(run_on.group(1).split()) > MAX_RUN_ON_WORDS:
        return
    stop = run_on.end(1)
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


#: where a sentence (or the quotation before it) ends: the lead-in of an interrupted sentence starts after it
SENTENCE_BREAK = re.compile(r"""(?:[.!?](?:''|["”’'])?|["”]|'')\s+""")
#: words opening the writer's scene before an interrupting cue, not the speaker's sentence
SCENE_OPENERS = frozenset({"as", "when", "while", "after", "before", "once", "since", "during", "asked", "pressed"})
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


# ---------------------------------------------------------------------------------------------------
# 3. Indirect and mixed quotes


def _is_mark_token(token: Token) -> bool:
    return token.text in DOUBLE_MARKS + SINGLE_OPEN + SINGLE_CLOSE or token.text == "''"


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
            if match.start() > start:
                cut.append((start, match.start()))
            start = match.end()
        end = _before_closing_aside(text, start, end)
        if end > start:
            cut.append((start, end))
    return cut


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
        # "WASHINGTON (AP) — Donald Trump has invested …": the wire's dateline is no part of the news
        wire = WIRE_DATELINE.match(text, pieces[0][0], pieces[0][1])
        if wire is not None and wire.end() < pieces[0][1]:
            pieces[0] = (wire.end(), pieces[0][1])
    return pieces


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


def _is_stance_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in STANCE_VERBS and token.dep_ != "amod"


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


def _subject_names_someone(verb: Token) -> bool:
    subject = _subject(verb)
    return subject is not None and _names_someone(subject)


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


def _speaks(token: Token) -> bool:
    return _is_cue_verb(token) or _is_belief_verb(token) or _is_stance_verb(token)


#: lemmas of the unsourced constructions ("is expected to", "was said to"), checked before any parse attribute
UNSOURCED_CUES = HEARSAY_PASSIVES

#: every word that can be a cue of an indirect or mixed quote
CUE_WORDS = (
    SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | NAMING_VERBS | STANCE_VERBS | CUE_NOUNS | REGARD_VERBS | TOPIC_VERBS
)


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
        if not in_mask[token.idx] and lemma in UNSOURCED_CUES:
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
            # "Kasich was at 25 percent in the most recent Fox poll": the poll's claim (quote_prepositions)
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


def _rstrip_piece(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


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


def _between_marks(token: Token) -> bool:
    """Whether a token sits inside quotation marks in its sentence (a cheap check on the raw text)."""
    sentence = token.sent
    before = "".join(t.text_with_ws for t in sentence if t.i < token.i)
    # a parse may start the sentence with the last paragraph's closing mark: count from the break on
    before = before[before.rfind("\n") + 1 :]
    opened = sum(before.count(m) for m in "“«") - sum(before.count(m) for m in "”»") + before.count('"') % 2
    return opened > 0


def _mostly_quoted(text: str, pieces: list[tuple[int, int]], quoted: bytearray) -> bool:
    """True when a clause is a direct quote already found: little but marks and 'that' outside it."""
    outside = sum(1 for s, e in pieces for i in range(s, e) if not quoted[i] and text[i].isalnum())
    return outside <= len("that")


def _mask(length: int, ranges: list[tuple[int, int]]) -> bytearray:
    """Which character positions the ranges cover, for constant-time lookups over a whole article."""
    mask = bytearray(length + 1)
    for start, end in ranges:
        mask[max(0, start) : max(0, min(end, length))] = b"\x01" * max(0, min(end, length) - max(0, start))
    return mask


def mixed_candidates(
    sdoc: Doc, text: str, fragments: list[list[tuple[int, int]]], indirect: list[_Candidate]
) -> list[_Candidate]:
    """Quoted fragments: inside a reported clause they make it mixed; after a naming verb they are quotes."""
    found: list[_Candidate] = []
    for group in fragments:
        start, end = group[0]
        holder = next((c for c in indirect if c.start <= start and end <= c.end), None)
        if holder is not None:
            holder.kind = "mixed"
            continue
        tokens = _tokens(sdoc, start, end)
        if not tokens:
            continue
        verb = _governing_verb(tokens[0])
        if verb is not None:
            content = _trim_fragment(text, start, end)
            cue = (verb.idx, verb.idx + len(verb.text))
            found.append(_Candidate([content], "mixed", cue, _subject(verb)))
            continue
        evaluation = _evaluating_verb(tokens[0], text)
        if evaluation is not None:
            found.append(evaluation)
    return found


#: the parts of a verb phrase that may carry someone's quoted words ("blasted the media as "dishonest"")
COMPLEMENT_DEPS = frozenset({"dobj", "prep", "oprd", "advcl", "xcomp"})


def _evaluating_verb(token: Token, text: str) -> _Candidate | None:
    """``Trump blasted the media as "dishonest"``: a quoted fragment in the complement of a verb whose
    subject names someone is that someone's words; the complement up to the fragment is the content."""
    node = token
    for _ in range(4):
        if node.head == node:
            return None
        child, node = node, node.head
        if node.pos_ != "VERB":
            continue
        if node.lemma_.lower() in ADDRESSEE_VERBS or node.lemma_.lower() == "say":
            # "told MSNBC's "Morning Joe"": the quoted words name whom he told; "said on "Fox and
            # Friends"": where he said it (a quote in what was said is found with the clause)
            return None
        if node.lemma_.lower() not in CUE_WORDS:
            return None  # "bought a "philanthropub"", "sent its "national reporter"": no one's words
        subject = _subject(node)
        if subject is None or not _names_someone(subject) or child.i < node.i:
            return None
        complements = [c for c in node.rights if c.i <= child.i and c.dep_ in COMPLEMENT_DEPS]
        tokens = [t for c in complements for t in c.subtree]
        pieces = _split_pieces(tokens, text)
        if not pieces:
            return None
        whole = (pieces[0][0], pieces[-1][1])
        return _Candidate([whole], "mixed", (node.idx, node.idx + len(node.text)), subject)
    return None


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


def _governing_verb(token: Token) -> Token | None:
    """The naming or speech verb above a quoted fragment, if its subject names someone."""
    node = token
    for _ in range(6):
        # a speech verb's quoted fragment lies inside its reported clause (handled there); only a naming
        # verb makes a quote of the bare fragment
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in NAMING_VERBS:
            return node if _subject(node) is not None else None
        if node.head == node:
            return None
        node = node.head
    return None


def _trim_fragment(text: str, start: int, end: int) -> tuple[int, int]:
    # US style puts the sentence's period inside the marks: "a "security zone."" quotes two words
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------------
# 4. Speakers


def _gender_of_name(name: str) -> str | None:
    words = [w.strip(".").lower() for w in name.split()]
    if not words:
        return None
    if words[0] in MALE_TITLES or words[0] in MALE_NAMES:
        return "m"
    if words[0] in FEMALE_TITLES or words[0] in FEMALE_NAMES:
        return "f"
    if len(words) > 1:
        if FEMALE_SURNAME_END.search(words[-1]):
            return "f"
        if MALE_SURNAME_END.search(words[-1]):
            return "m"
    return None


def _prepare_mentions(sdoc: Doc, entities: list[Entity]) -> _Mentions:
    """Genders from first names and titles; roles from the words before a name or in its apposition."""
    known = _Mentions(entities)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        gender = _gender_of_name(entity.name)
        for start, end in entity.mentions:
            tokens = _tokens(sdoc, start, end)
            if not tokens:
                continue
            before = [t for t in sdoc[max(0, tokens[0].i - 3) : tokens[0].i] if not t.is_punct]
            gender = gender or _gender_of_name(" ".join(t.text for t in before[-1:]) + " x")
            for token in before:
                if token.lower_ in ROLE_NOUNS:
                    known.roles.append((start, token.lower_, entity.id))
            for child in tokens[-1].children:
                if child.dep_ == "appos":
                    for word in child.subtree:
                        if word.lower_ in ROLE_NOUNS:
                            known.roles.append((start, word.lower_, entity.id))
        if gender:
            known.gender[entity.id] = gender
    known.roles.sort()
    return known


def _entity_at(entities: list[Entity], start: int, end: int, types: set[str]) -> tuple[Entity, tuple[int, int]] | None:
    """The entity with a mention covering [start, end) (a head word), persons first."""
    hits = [
        (entity, mention)
        for entity in entities
        if entity.type in types
        for mention in entity.mentions
        if mention[0] <= start and end <= mention[1]
    ]
    hits.sort(key=lambda hit: hit[0].type != "PERSON")
    return hits[0] if hits else None


def _best_mention(entity: Entity, local: tuple[int, int], text: str) -> tuple[int, int]:
    """The mention that names the speaker best: the canonical name itself, nearest before the cue."""
    full = [m for m in entity.mentions if text[m[0] : m[1]] == entity.name]
    if not full:
        return local
    before = [m for m in full if m[0] <= local[0]]
    return before[-1] if before else full[0]


def _resolve(candidate: _Candidate, text: str, known: _Mentions, quoted: list[tuple[int, int]]) -> None:
    token = candidate.subject
    if token is None and candidate.subject_span is None:
        return
    if token is not None and token.pos_ == "PRON":
        _resolve_pronoun(candidate, token, text, known, quoted)
        return
    local = _noun_phrase(token) if token is not None else candidate.subject_span
    assert local is not None
    written = candidate.subject_span
    candidate.source = written if written is not None else _source_phrase(token) if token is not None else local
    # the entity that the phrase's head belongs to: "Belgorod Governor Vyacheslav Gladkov" is the person,
    # "authorities in Russia's Belgorod region" is no place but a group
    head = (token.idx, token.idx + len(token.text)) if token is not None else local
    found = _entity_at(known.entities, head[0], head[1], {"PERSON", "ORG", "GPE", "NORP", "LOC"})
    if found is None and token is None:
        found = _person_by_surname(known.entities, text[local[0] : local[1]], local)
    if token is not None and found is None and token.lower_ in ROLE_NOUNS:
        _resolve_role(candidate, token, text, known)
        if candidate.speaker is not None:
            return
    if found is not None:
        entity, mention = found
        best = _best_mention(entity, mention, text)
        candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)
        known.speakers.append((candidate.start, entity.id, entity.type))
        return
    name = text[local[0] : local[1]]
    kind = _group_kind(token)
    group = _group_entity(known, name, local, kind) if kind else None
    candidate.speaker = Speaker(name, local[0], local[1], group.id if group else None)
    if group is not None:
        known.speakers.append((candidate.start, group.id, group.type))


def _person_by_surname(
    entities: list[Entity], label: str, mention: tuple[int, int]
) -> tuple[Entity, tuple[int, int]] | None:
    """A transcript label ("PENCE") or a signature names the person whose surname it is."""
    key = label.split()[-1].strip(".").lower() if label.split() else ""
    for entity in entities:
        if entity.type == "PERSON" and entity.name.split() and entity.name.split()[-1].lower() == key:
            return entity, mention
    return None


def _group_kind(token: Token | None) -> str | None:
    """GROUP for people spoken of together ("officials"), ORG for an unnamed institution ("the ministry")."""
    if token is None or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = {token.lower_, token.lemma_.lower()}
    if words & GROUP_NOUNS:
        return "GROUP"
    return "ORG" if words & INSTITUTION_NOUNS else None


def _group_entity(known: _Mentions, name: str, mention: tuple[int, int], kind: str) -> Entity:
    """One entity per distinct group phrase ("Russian officials" twice is one group)."""
    key = name.lower().removeprefix("the ")
    for entity in known.entities:
        if entity.type == kind and entity.name.lower().removeprefix("the ") == key:
            if mention not in entity.mentions:
                entity.mentions.append(mention)
            return entity
    entity = Entity(f"E{len(known.entities) + 1}", name, kind, [mention])
    known.entities.append(entity)
    return entity


def _resolve_role(candidate: _Candidate, token: Token, text: str, known: _Mentions) -> None:
    earlier = [(pos, eid) for pos, role, eid in known.roles if role == token.lower_ and pos < token.idx]
    if not earlier:
        return
    entity = known.by_id(earlier[-1][1])
    best = _best_mention(entity, (token.idx, token.idx), text)
    candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)


#: what may follow a pronoun inside its speaker phrase: "she and her aides", "some of his allies",
#: "those surveyed", "anyone who knows him", "someone in attendance"
PRONOUN_PHRASE_DEPS = frozenset({"conj", "prep", "relcl", "acl", "amod"})

#: pronouns that stand for people and take such words; "who" opens a clause of its own, "it", "this" and
#: "nothing" are no one
PEOPLE_PRONOUNS = frozenset(
    """
    he she they we i you those some all anyone someone everyone anybody somebody everybody many most
    others few both several each none one
    """.split()
)


def _pronoun_phrase(token: Token) -> tuple[int, int]:
    """The source span of a pronoun subject as PolNeAR writes it: the pronoun, with the people it is
    coordinated with or the words that say whom it means."""
    local = (token.idx, token.idx + len(token.text))
    if token.lower_ not in PEOPLE_PRONOUNS:
        return local
    if not any(child.dep_ in PRONOUN_PHRASE_DEPS for child in token.rights):
        return local
    if any(child.lower_ in {"this", "that", "these", "those"} for child in token.children):
        return local  # "All this and more …" is a thing, not people
    start, end = _source_phrase(token)
    return (start, end) if start <= local[0] and end >= local[1] else local


def _resolve_pronoun(
    candidate: _Candidate, token: Token, text: str, known: _Mentions, quoted: list[tuple[int, int]]
) -> None:
    local = (token.idx, token.idx + len(token.text))
    candidate.source = _pronoun_phrase(token)
    pronoun = token.lower_
    entity: Entity | None = None
    if pronoun in MALE_PRONOUNS or pronoun in FEMALE_PRONOUNS:
        gender = "m" if pronoun in MALE_PRONOUNS else "f"
        entity = _nearest_person(known, token.idx, gender, quoted)
        if entity is not None:
            known.gender.setdefault(entity.id, gender)  # later pronouns learn from this one
    elif pronoun in PLURAL_PRONOUNS:
        groups = [eid for pos, eid, kind in known.speakers if pos < token.idx and kind in {"GROUP", "ORG"}]
        entity = known.by_id(groups[-1]) if groups else _group_subject_before(token, text, known, quoted)
    if entity is None:
        candidate.speaker = Speaker(token.text, local[0], local[1], None)
        return
    if local not in entity.mentions:
        entity.mentions.append(local)
        entity.mentions.sort()
    best = _best_mention(entity, local, text)
    candidate.speaker = Speaker(entity.name, best[0], best[1], entity.id)
    known.speakers.append((candidate.start, entity.id, entity.type))


#: how far back a plural pronoun looks for a group that was the subject of a sentence
GROUP_SUBJECT_WINDOW = 400

#: plural nouns for people acting together that "they" may stand for, besides ``GROUP_NOUNS`` (kept
#: apart so that speaker kinds elsewhere do not change)
PEOPLE_NOUNS = GROUP_NOUNS | frozenset(
    """
    nurses teachers farmers fishermen students parents employees miners drivers pilots soldiers villagers
    citizens families voters passengers customers tenants owners victims survivors volunteers campaigners
    demonstrators strikers dockers
    """.split()
)


def _group_subject_before(token: Token, text: str, known: _Mentions, quoted: list[tuple[int, int]]) -> Entity | None:
    """With no group heard yet, "they" is the nearest earlier subject headed by a plural noun for
    people, when one is close by ("Dock workers voted to strike. They said …")."""
    for earlier in reversed(token.doc[: token.i]):
        if earlier.idx < token.idx - GROUP_SUBJECT_WINDOW:
            break
        if earlier.dep_ not in {"nsubj", "nsubjpass"} or earlier.tag_ not in {"NNS", "NNPS"}:
            continue
        if earlier.lower_ not in PEOPLE_NOUNS or _inside(earlier.idx, quoted):
            continue
        local = _noun_phrase(earlier)
        return _group_entity(known, text[local[0] : local[1]], local, "GROUP")
    return None


def _nearest_person(known: _Mentions, position: int, gender: str, quoted: list[tuple[int, int]]) -> Entity | None:
    """The person mentioned last before ``position`` (outside quotes) whose gender does not disagree."""
    best: tuple[int, Entity] | None = None
    for entity in known.entities:
        if entity.type != "PERSON" or known.gender.get(entity.id, gender) != gender:
            continue
        for start, _end in entity.mentions:
            if start < position and not _inside(start, quoted) and (best is None or start > best[0]):
                best = (start, entity)
    return best[1] if best else None


def _inherit(candidates: list[_Candidate], text: str) -> None:
    """A quote with no cue speaks with the voice of its paragraph, or of the paragraph before."""
    paras = paragraphs(text)

    def para_of(position: int) -> int:
        return next((i for i, (s, e) in enumerate(paras) if s <= position <= e), -1)

    for index, candidate in enumerate(candidates):
        if not candidate.inherit:
            continue
        here = para_of(candidate.start)
        same = [c for c in candidates if c.speaker and para_of(c.start) == here and c is not candidate]
        if same:
            candidate.speaker = replace(same[0].speaker) if same[0].speaker else None
            candidate.source = same[0].source  # one source span may serve several quotes
            continue
        opens_paragraph = paras[here][0] == candidate.start - 1 if here >= 0 else False
        previous = [c for c in candidates[:index] if c.speaker and para_of(c.start) == here - 1]
        if opens_paragraph and previous and previous[-1].speaker:
            candidate.speaker = replace(previous[-1].speaker)
            candidate.source = previous[-1].source


#: a transcript turn: a paragraph opening (after an optional quote mark) with a speaker's name in
#: capitals and a colon ("PENCE: Well, look, …")
TURN_LABEL = re.compile(r"""["“']?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t\u00a0]+(?=\S)""")


def transcript_candidates(text: str, entities: list[Entity]) -> list[_Candidate]:
    """Interview transcripts: a turn runs from its label to the end of the paragraph, and on over the
    following paragraphs that open with a quote mark but no label. A label counts only when it is the
    surname of a person the article names, so "CORRECTION:" or "UPDATE:" never speaks."""
    surnames = {e.name.split()[-1].upper() for e in entities if e.type == "PERSON" and e.name.split()}
    turns: list[_Candidate] = []
    current: _Candidate | None = None
    for start, end in paragraphs(text):
        match = TURN_LABEL.match(text, start, end)
        if match is not None and match.group(1).split()[-1] in surnames:
            label = (match.start(1), match.end(1))
            current = _Candidate([], "direct", (match.end(1), match.end(1) + 1), subject_span=label)
            turns.append(current)
            piece = _turn_piece(text, match.end(), end)
        elif current is not None and text[start] in DOUBLE_MARKS and match is None:
            piece = _turn_piece(text, start + 1, end)
        else:
            current = None
            continue
        if piece is not None and current is not None:
            current.spans.append(piece)
    return [turn for turn in turns if turn.spans]


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


def _headline_statements(
    sdoc: Doc, text: str, direct: list[_Candidate], indirect: list[_Candidate]
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Headline clauses "SUBJECT VERB REST" from a parse of the headline alone (``quote_headlines``).

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


def _turn_piece(text: str, start: int, end: int) -> tuple[int, int] | None:
    while end > start and (text[end - 1].isspace() or text[end - 1] in DOUBLE_MARKS):
        end -= 1
    return (start, end) if end > start else None


def _absorb_uncued(direct: list[_Candidate], indirect: list[_Candidate]) -> list[_Candidate]:
    """``said Friday that if he won, "she would sign it."``: a quote with no cue of its own inside a
    reported clause is part of that clause, which becomes a mixed quote."""
    kept = []
    for candidate in direct:
        holder = None
        if candidate.inherit and len(candidate.spans) == 1:
            start, end = candidate.spans[0]
            holder = next((c for c in indirect if c.start < start - 1 and end <= c.end + 1), None)
        if holder is None:
            kept.append(candidate)
            continue
        holder.kind = "mixed"
        last_start, last_end = holder.spans[-1]
        holder.spans[-1] = (last_start, max(last_end, candidate.end))
    return kept


def _is_title_line(candidate: _Candidate, text: str) -> bool:
    """A quoted paragraph of a few capitalised words ("'Legend in the Coal Fields.'") is a subhead or
    a headline quoting someone, not a statement with a cue."""
    if not candidate.inherit or len(candidate.spans) != 1:
        return False
    start, end = candidate.spans[0]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start:start] + text[end:line_end]
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    if re.search(r"\w", outside.replace("''", "")) or not words or len(words) > 8:
        return False
    small = {"a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "is", "isn't", "with"}
    return all(w[0].isupper() or w.lower() in small for w in words)


def _merge_uncued(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """A quote with no cue of its own goes on the statement of the quote beside it in its paragraph.

    ``"A," he said. "B."`` and ``"A." "B," he said.`` are one statement in two pieces; so is a quote
    after a reported clause that quotes (``X did "too little," he added. "B."``). A paragraph that is
    nothing but a quote with no cue goes on the cued direct quote of the paragraph before it (the news
    convention for a run of quote paragraphs, ``"A," Reed said.`` / ``"B."``); a paragraph that says
    more, or follows no cued quote, stays a quote of its own and inherits the speaker later.
    """
    paras = paragraphs(text)

    def para_of(position: int) -> int:
        return next((i for i, (s, e) in enumerate(paras) if s <= position <= e), -1)

    kept: list[_Candidate] = []
    for index, candidate in enumerate(candidates):
        if not (candidate.inherit and candidate.kind == "direct"):
            kept.append(candidate)
            continue
        here = para_of(candidate.start)
        # the statement right before it: a reported clause inside the cue clause ("said Fowler, who
        # backed Clinton.") does not part them, but one that quotes ('"A," X said. Y "b," he added.
        # "C."') takes the quote instead, being nearer
        previous = next((k for k in reversed(kept) if k.kind == "direct" or _quotes_words(k, text)), None)
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        run_on = (
            previous is not None
            and previous.kind == "direct"
            and not previous.inherit
            and para_of(previous.end) == here - 1
            and paras[here][0] == candidate.start - 1
            and not re.search(r"\w", text[candidate.end : paras[here][1]])
        )
        if run_on and previous is not None:
            previous.spans = sorted([*previous.spans, *candidate.spans])
            continue
        if previous is not None and para_of(previous.end) == here and _may_take(previous, candidate, text):
            previous.spans = sorted([*previous.spans, *candidate.spans])
            continue
        if (
            following is not None
            and following.kind == "direct"
            and not following.inherit
            and para_of(following.start) == here
        ):
            following.spans = sorted([*candidate.spans, *following.spans])
            continue
        kept.append(candidate)
    return kept


def _may_take(previous: _Candidate, candidate: _Candidate, text: str) -> bool:
    """Whether a quote with no cue continues the statement before it: a direct quote always; a
    reported clause when it carries quoted words of its own (``The summit did "too little," he
    added. "Europe risks a lot."``), not a plain paraphrase."""
    if previous.end > candidate.start:
        return False
    if previous.kind == "direct":
        return True
    return previous.cue is not None and previous.cue[0] < candidate.start


def _quotes_words(candidate: _Candidate, text: str) -> bool:
    """Whether a reported clause holds a whole quotation (an opening and a closing mark)."""
    words = " ".join(text[start:end] for start, end in candidate.spans)
    return ("“" in words and "”" in words) or words.count('"') >= 2


# ---------------------------------------------------------------------------------------------------
# Entry points


def find_quotes(text: str, sdoc: Doc, entities: list[Entity]) -> list[QuoteMatch]:
    """All quotes of one article; may append pronoun mentions and GROUP entities to ``entities``."""
    direct, fragments = direct_candidates(sdoc, text)
    turns = transcript_candidates(text, entities)
    if turns:
        # a transcript turn is one statement: the quote marks around it say nothing more
        direct = [c for c in direct if not any(t.start - 12 <= c.start <= t.end for t in turns)]
        direct += turns
    indirect = indirect_candidates(sdoc, text, direct, fragments)
    indirect += headline_candidates(sdoc, text, direct)
    direct, indirect = _headline_statements(sdoc, text, direct, indirect)
    mixed = mixed_candidates(sdoc, text, fragments, indirect)
    kept_direct = [c for c in _absorb_uncued(direct, indirect) if not _is_title_line(c, text)]
    candidates = sorted([*kept_direct, *indirect, *mixed], key=lambda c: (c.start, c.end))
    candidates = _drop_nested(candidates, sdoc)
    known = _prepare_mentions(sdoc, entities)
    quoted = [span for c in direct for span in c.spans]
    for candidate in candidates:
        _resolve(candidate, text, known, quoted)
    candidates = _merge_uncued(candidates, text)
    _inherit(candidates, text)
    return [_to_match(candidate, text) for candidate in candidates if _worth_keeping(candidate, text)]


def _drop_nested(candidates: list[_Candidate], sdoc: Doc) -> list[_Candidate]:
    """Report a clause once: drop repeats of one cue, and beliefs inside what someone said.

    "He said he expects Clinton to recover" is one statement by him; the belief is part of what he said.
    """
    kept: list[_Candidate] = []
    for candidate in candidates:
        inside = [k for k in kept if k.start <= candidate.start and candidate.end <= k.end and k.cue == candidate.cue]
        if inside or _nested_belief(candidate, candidates, sdoc) or _nested_statement(candidate, candidates, sdoc):
            continue
        kept.append(candidate)
    return kept


def _nested_statement(candidate: _Candidate, candidates: list[_Candidate], sdoc: Doc) -> bool:
    """A reported clause that the parse puts under another's cue is part of that statement: "The poll
    showed that 72 percent said …" is the poll's finding, "He said Trump called it a disaster" his
    claim, and "X said Y, according to Z" Z's account of what X said (PolNeAR annotates one attribution
    in each; on train articles 120+ the inner one was exact in 8 cases of 100). A quotation stands on its
    marks; a stance verb's object may run on past its own statement ("criticized him for saying …"
    keeps "saying"), so only verbs of speech, belief and evidence hold a nested statement."""
    if candidate.kind == "direct" or candidate.cue is None:
        return False
    cue = _tokens(sdoc, *candidate.cue)
    if not cue or _lemma(cue[0]) == ACCORDING:
        return False
    inner = cue[0]
    for other in candidates:
        if other is candidate or other.kind == "direct" or other.cue is None:
            continue
        outer_cue = _tokens(sdoc, *other.cue)
        if not outer_cue:
            continue
        outer = outer_cue[0]
        if vouched_for(inner, outer):
            return True
        if not _inside(candidate.cue[0], other.spans):
            continue
        if governs(outer, inner) and _holds_statements(outer, inner):
            return True
    return False


def _holds_statements(outer: Token, inner: Token) -> bool:
    """Whether a cue's reported clause can hold another's statement as part of its own."""
    lemma = _lemma(outer)
    if lemma in NAMING_VERBS or (lemma in STANCE_VERBS and _lemma(inner) in SPEECH_VERBS):
        return False
    return lemma in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS


def _nested_belief(candidate: _Candidate, candidates: list[_Candidate], sdoc: Doc) -> bool:
    """A belief, a stance or a paraphrased statement inside what someone else said is part of that
    statement ("He said she had called the plan a fraud" is his claim): reported once. A quotation
    stands on its marks and is kept."""
    if candidate.cue is None or candidate.kind == "direct":
        return False
    if candidate.unsourced:
        # "He said the bank is expected to act": the expectation is part of his statement
        return any(o is not candidate and _inside(candidate.cue[0], o.spans) for o in candidates)
    cue = _tokens(sdoc, *candidate.cue)
    if not cue:
        return False
    if _is_belief_verb(cue[0]) or _is_stance_verb(cue[0]):
        return any(o is not candidate and _inside(candidate.cue[0], o.spans) for o in candidates)
    if not _is_cue_verb(cue[0]):
        return False
    # a statement inside a statement; not inside what a stance verb takes, which may run on too far
    # ("dismissed suggestions that …, coming a day after officials said …")
    return any(
        o is not candidate and o.kind != "direct" and _inside(candidate.cue[0], o.spans) and _said_by(o, sdoc)
        for o in candidates
    )


def _said_by(candidate: _Candidate, sdoc: Doc) -> bool:
    cue = _tokens(sdoc, *candidate.cue) if candidate.cue else []
    return bool(cue) and _is_cue_verb(cue[0])


def _worth_keeping(candidate: _Candidate, text: str) -> bool:
    # an indirect "quote" with nobody saying it is just a clause, unless its grammar attributes it to
    # people left unnamed ("is expected to"); a direct quote stands on its marks,
    # unless nobody says it and it is a title or a slogan ("Make America Great Again.")
    if candidate.kind != "direct":
        return candidate.speaker is not None or candidate.unsourced
    return candidate.speaker is not None or candidate.cue is not None or not _title_cased(candidate, text)


def _title_cased(candidate: _Candidate, text: str) -> bool:
    """A short quote whose words are all capitalised but the small ones: a title, a show or a slogan."""
    words = re.findall(r"[A-Za-z][\w'’-]*", " ".join(text[s:e] for s, e in candidate.spans))
    if not 2 <= len(words) <= 8:
        return False  # one word ("Scam.") is as often a verdict quoted as a name
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


#: words a title leaves in lower case
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "is", "isn't", "with"}
)


def _to_match(candidate: _Candidate, text: str) -> QuoteMatch:
    start, end = candidate.start, candidate.end
    cue_start, cue_end = candidate.cue if candidate.cue else (None, None)
    quote = Quote(
        start=start,
        end=end,
        spans=list(candidate.spans),
        text=text[start:end],
        kind=candidate.kind,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker=_named(candidate.speaker),
    )
    return QuoteMatch(quote, candidate.source)


#: pronouns that may stand as a cue's subject ("she said") without naming anyone
SUBJECT_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | {"i", "we", "you", "it"}


def _named(speaker: Speaker | None) -> Speaker | None:
    """A pronoun the article never ties to anyone is not a speaker's name: the record leaves the speaker
    unknown rather than list "She" among the archive's speakers (the cue still shows where it is said)."""
    if speaker is not None and speaker.entity is None and speaker.name.strip().lower() in SUBJECT_PRONOUNS:
        return None
    return speaker


@component("quotes")
def quotes(doc: EnrichDoc) -> None:
    if not doc.text.strip():
        return
    matches = find_quotes(doc.text, doc.spacy, doc.entities)
    doc.quotes = [match.quote for match in matches]
