"""Reported clauses that the parse hangs away from their cue or their speaker.

News constructions where the dependency parse of a small model attaches the speaker or the reported
clause of a cue somewhere other than on the cue, so that a plain statement was lost for want of a
speaker or a content (rules written from PolNeAR train articles 120 onwards, kept because they help on
dev and on the check slice):

- **a document that says**: "The board issued a statement saying that …", "His office put out a
  statement saying …". The participle hangs on the document noun; whoever issued the document speaks. A
  speech participle hung on people ("Clinton aides saying they …") has those people as its speaker.
- **a speaker the parse strays from**: "Senator Harry Reid, the minority leader, said that …" after an
  opening participle ("Alarmed by the unrest in Nevada,") that the parser reads as one phrase with the
  name in it. A finite speech verb with no subject takes the name right before it, across an apposition
  or a longer description set off by commas when the name opens its own phrase ("…, Patrick Kennedy,
  the undersecretary for management, wrote", "At the hearing, Olsen, who leads the board, said"), and
  a name the model glued to the verb as a compound ("…," Conway notes). A speaker the parse ran into
  the phrase opening the sentence ("After a day of tensions between two Republicans, Ryan's office
  announced …") is the noun phrase set off from it by a comma right before the verb.
- **a relative pronoun as the reported subject**: "her vote, which she has said was a mistake": the
  pronoun is part of what was said ("which" + "was a mistake", two pieces, as PolNeAR marks it).
- **a that-clause after the setting of the statement**: "said in a statement that …", "said on local
  radio that …", "yelled to the officers that …": the parse hangs the clause on the phrase's noun. Not
  after "to"/"about"/"of" a thing ("responded to reports that …": the reports say it).
- **an infinitive that says**: "She went on to say that …", "took the stage to insist that …": the
  subject of the verb governing the infinitive speaks (not after an object: "urged him to say"), when
  the infinitive has a reported clause; not "declined to say whether …" (nothing said) nor "seems to
  think …" (the writer's impression; raising verbs are handled in ``raising``).
- **a one-word answer**: "46 percent of voters said yes", "neither side would say so": the word is
  what was said (kept although it is as short as the remnant of a quotation that is otherwise dropped).

The writer's clause before a break ("Carson seems to see the problem — he told the AP that …") is
handled where a cue's complement is chosen (``clauses._content_tokens``: a clause after the cue wins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: nouns of documents and messages whose words are their issuer's ("a statement saying …")
MESSAGE_NOUNS = frozenset(
    """
    statement release note letter email e-mail tweet message memo post ad advertisement video editorial
    announcement notice filing report
    """.split()
)


#: entity types that can say something when the parse gives them no dependency to the cue
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})


def message_speaker(verb: Token, subject_of: Callable[[Token], Token | None], speech: bool) -> Token | None:
    """The speaker of a participle hung on a noun: the issuer of a document, or, for a verb of speech
    (``speech``), the people themselves."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    if noun.lemma_.lower() not in MESSAGE_NOUNS:
        # "Clinton aides saying they …": people say it; "a super PAC supporting Bush" names a group by
        # its stance, which is no statement, and "a sign saying" has no speaker the grammar names
        if not speech:
            return None
        return noun if noun.ent_type_ in SPEAKING_ENTITIES or noun.pos_ == "PRON" else None
    # "issued a statement", "responded with a note": climb through the preposition to the issuing verb
    node = noun
    for _ in range(3):
        if node.dep_ in {"dobj", "pobj", "prep"} and node.head.i != node.i:
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                return subject_of(node)
            continue
        return None
    return None


def stray_subject(verb: Token) -> Token | None:
    """The name right before a finite speech verb the parse gave no subject: "X, the leader, said …",
    "Patrick Kennedy, the undersecretary for management, wrote …", "At the hearing, Olsen, who leads
    the board, said …", "…, Conway notes."."""
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    # "X, the leader, also said", "X, the leader, last week said": the verb's own adverbs stand between
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in {"advmod", "npadvmod"} and doc[i].i < verb.i:
        i = doc[i].left_edge.i - 1
    if i < 0:
        return None
    if doc[i].text != ",":
        # "Conway notes", "Dems hope": a small model reads a name glued to a present-tense verb as a
        # compound of it; without that the words before are the writer's ("in a statement said")
        token = doc[i]
        if token.dep_ == "compound" and token.head.i == verb.i and _ends_name(token):
            return token
        return None
    i -= 1
    if i < 0:
        return None
    token = doc[i]
    # "Reid, the minority leader, said", "Kennedy, the undersecretary for management, wrote": climb from
    # the word before the comma through what describes the name back to the name itself
    appositions_only = True
    for _ in range(MAX_DESCRIPTION_LINKS):
        # through appositions alone the name is plainly the one described; through a longer description
        # it must stand apart ("founded by Joe Smith of Ohio," ends a description of someone else)
        if _ends_name(token) and (appositions_only or _opens_phrase(token)):
            break
        if token.dep_ not in DESCRIPTION_DEPS or token.head.i >= token.i:
            return None
        appositions_only = appositions_only and token.dep_ == "appos"
        token = token.head
    else:
        return None
    if any("\n" in t.text_with_ws for t in doc[token.i : verb.i]):
        return None
    return token


def leading_phrase_subject(verb: Token, names_someone: Callable[[Token], bool]) -> Token | None:
    """The speaker a parse ran into the phrase opening the sentence: "After a day of tensions between two
    Republicans, House Speaker Paul Ryan's office announced …", "Although …, a White House official who
    spoke anonymously said …": the noun phrase right before the verb, set off from the opening phrase by
    a comma, is hung on a noun of that phrase instead of on the verb."""
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in {"advmod", "npadvmod"}:
        i = doc[i].left_edge.i - 1
    if i < 0 or doc[i].is_punct:
        return None
    token = doc[i]
    for _ in range(MAX_DESCRIPTION_LINKS):
        start = token.left_edge.i
        if token.dep_ in {"appos", "conj", "pobj"} and start > 0 and doc[start - 1].text == ",":
            break
        if token.dep_ not in DESCRIPTION_DEPS or token.head.i >= token.i:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in {"NOUN", "PROPN"} or not names_someone(token):
        return None
    if any("\n" in t.text_with_ws for t in doc[token.left_edge.i : verb.i]):
        return None
    return token


#: links inside a description set off by commas after a name ("the undersecretary for management",
#: "a rabbi helping to organize the boycott")
DESCRIPTION_DEPS = frozenset(
    {"appos", "pobj", "prep", "compound", "amod", "acl", "relcl", "xcomp", "dobj", "nummod", "npadvmod"}
)


#: how many links the climb from the end of a description back to its name may take
MAX_DESCRIPTION_LINKS = 6


def _ends_name(token: Token) -> bool:
    """A person's or an organisation's name that ends here (not "the Reid plan")."""
    if token.ent_type_ not in SPEAKING_ENTITIES or token.pos_ != "PROPN":
        return False
    doc = token.doc
    return not (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")


def _opens_phrase(token: Token) -> bool:
    """Whether the name starts its own phrase, after a comma, a break or nothing, and a comma follows
    it: "storage, Patrick F. Kennedy, the …" is the speaker set apart; "founded by Joe Smith," is not."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= start:
        start -= 1
    if start == token.sent.start:
        return True
    before = doc[start - 1]
    return before.text in {",", ";", ":"} or "\n" in before.text_with_ws or before.is_quote


#: relative pronouns that can stand for the subject of a reported clause ("which she said was a mistake")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def relative_subject(verb: Token, content: list[Token]) -> tuple[int, int] | None:
    """``her vote, which she has said was a mistake``: the relative pronoun before the cue is the subject
    of the reported clause, which the parse leaves with none (hanging the pronoun on the cue); it is
    part of what was said, as a piece of its own (character offsets). With no pronoun ("a provision they
    say could …") the noun is not taken: on PolNeAR it made as many wrong pieces as right ones."""
    if verb.dep_ != "relcl" or not content:
        return None
    pronoun = next(
        (c for c in verb.lefts if c.lower_ in RELATIVE_PRONOUNS and c.tag_ in {"WDT", "WP"} and c.dep_ != "nsubj"), None
    )
    if pronoun is None:
        return None
    heads = [t for t in content if t.head not in content or t.head.i == t.i]
    clause = heads[0] if len(heads) == 1 else None
    if clause is None or clause.pos_ not in {"VERB", "AUX"} or clause.i < verb.i:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children):
        return None  # "which she said they wanted": the clause has a subject; the pronoun is its object
    return pronoun.idx, pronoun.idx + len(pronoun.text)


#: prepositions whose noun is what the statement is about or answers ("responded to reports that …"):
#: a that-clause on that noun is the noun's content; other phrases ("in a statement", "on CNN", "for the
#: first time") are the setting of the statement
CONTENT_PREPOSITIONS = frozenset({"to", "about", "of", "with", "against", "despite"})


#: how far the that-clause may open after the cue: "said in one of a series of Twitter messages that …"
MAX_PHRASE_TOKENS = 12


def clause_after_phrase(verb: Token) -> list[Token] | None:
    """``said in a statement that …``, ``said on MSNBC that …``: the parse hangs the reported clause on
    the noun of the phrase between the cue and "that" (a statement "that …" as if it were its content);
    a that-clause with a subject of its own opening right after such a phrase is what the cue says."""
    doc = verb.doc
    for prep in verb.rights:
        # "responded to reports that …", "pointed to the fact that …": after "to" or "about" the noun is
        # what the clause belongs to (the reports say it), not a place or medium of saying
        if prep.dep_ != "prep" or (prep.lower_ in CONTENT_PREPOSITIONS and not _to_someone(prep)):
            continue
        for node in prep.subtree:
            if node.dep_ not in {"acl", "ccomp", "advcl", "relcl"} or node.pos_ not in {"VERB", "AUX"}:
                continue
            mark = next((c for c in node.lefts if c.dep_ == "mark"), None)
            if mark is None or mark.lower_ != "that" or mark.i != node.left_edge.i:
                continue
            subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in node.children)
            if mark.i - verb.i > MAX_PHRASE_TOKENS or not subject:
                continue
            if any("\n" in t.text_with_ws for t in doc[verb.i : node.right_edge.i]):
                return None  # what was said is in the cue's paragraph
            return list(node.subtree)
    return None


#: people a statement is made to ("yelled to the officers that …", "said to reporters that …")
AUDIENCE_NOUNS = frozenset(
    """
    reporter reporters journalist journalists officer officers crowd audience supporters voters students
    members delegates donors lawmakers senators viewers listeners readers followers police
    """.split()
)


def _to_someone(prep: Token) -> bool:
    """Whether "to" names the audience of the statement, not a thing it answers or points at."""
    if prep.lower_ != "to":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    return obj.ent_type_ in {"PERSON", "NORP"} or obj.pos_ == "PRON" or obj.lower_ in AUDIENCE_NOUNS


def control_subject(verb: Token, subject_of: Callable[[Token], Token | None]) -> Token | None:
    """``went on to say that …``, ``was quick to say …``: the subject of the verb governing the infinitive
    says it, unless that verb has an object, who would be the one to speak ("urged him to say")."""
    if verb.dep_ not in {"xcomp", "advcl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None  # "refused to explain her vote", "moved to call for …": an act, not a statement
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
        return None  # "declined to say whether …": a question left open, nothing said
    head = verb.head
    if head.i == verb.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    if head.lemma_.lower() in {"seem", "appear"}:
        return None  # "seems to think …" is the writer's impression; raising verbs are handled apart
    # a purpose clause ("called reporters to say …") is the subject's; a complement after an object
    # ("urged him to say") is the object's
    if verb.dep_ == "xcomp" and any(c.dep_ in {"dobj", "iobj", "dative"} for c in head.children):
        return None
    return subject_of(head)


#: one-word answers a speech verb reports ("46 percent said yes", "would not say so")
ANSWER_WORDS = frozenset({"yes", "no", "so"})


def answer_word(verb: Token) -> list[Token] | None:
    """``said yes``, ``would say so``: the word right after the cue is the whole of what was said."""
    if verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.head.i != verb.i or word.lower_ not in ANSWER_WORDS or word.dep_ not in {"intj", "advmod", "dobj"}:
        return None
    # "said so far", "said no more": the word opens a longer phrase, not an answer
    if word.i + 1 < len(verb.doc) and not verb.doc[word.i + 1].is_punct:
        return None
    return [word]
