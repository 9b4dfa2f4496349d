"""The words quote finding knows: cue verbs and nouns by kind, people and group nouns, pronouns,
titles and quotation marks (lower-case lemmas unless said otherwise)."""

from __future__ import annotations

import re

from dateline.enrich.first_names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

#: verbs whose passive with an infinitive attributes the clause to unnamed people ("is said to")
HEARSAY_PASSIVES = frozenset(
    """
    expect say report believe think rumor rumour know consider project predict estimate understand allege
    """.split()
)


#: raising verbs that state an impression ("seems", "appears"): not attributions, but their subject is
#: the speaker of a speech verb under them
APPEARANCE_VERBS = frozenset({"seem", "appear"})


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


#: words opening the writer's scene before an interrupting cue, not the speaker's sentence
SCENE_OPENERS = frozenset({"as", "when", "while", "after", "before", "once", "since", "during", "asked", "pressed"})


#: every word that can be a cue of an indirect or mixed quote
CUE_WORDS = (
    SPEECH_VERBS | BELIEF_VERBS | EVIDENCE_VERBS | NAMING_VERBS | STANCE_VERBS | CUE_NOUNS | REGARD_VERBS | TOPIC_VERBS
)


#: pronouns that may stand as a cue's subject ("she said", "officials who said") without naming anyone
SUBJECT_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | {"i", "we", "you", "it", "who", "which", "that"}

#: tags of a finite verb, which carries a subject of its own ("said"; a bare "saying" or "to say" borrows one)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
