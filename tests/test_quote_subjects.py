"""Speakers of cue verbs with no subject of their own (``enrich/quote_subjects.py``), checked on short
texts written for these tests."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc, Token

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.reattach import leading_phrase_subject, stray_subject
from dateline.enrich.quotes.subjects import climbed_subject, contracted_perfect_subject, inverted_subject
from dateline.enrich.quotes.syntax import _subject
from tests.quote_helpers import by_cue, cued, pieces, source_of


def _verb(text: str, word: str) -> Token:
    return next(t for t in parse(text) if t.text == word)


def test_a_purpose_clause_takes_the_subject_of_the_verb_it_serves() -> None:
    text = "Councillor Dahl went before reporters on Monday to denounce the new parking fees."
    match = by_cue(text, "denounce")
    assert pieces(text, match) == ["the new parking fees"]
    assert source_of(text, match) == "Councillor Dahl"


def test_a_purpose_clause_with_a_that_clause() -> None:
    text = "The chief took the floor to insist that the station would stay open."
    match = by_cue(text, "insist")
    assert pieces(text, match) == ["that the station would stay open"]
    assert source_of(text, match) == "The chief"


def test_an_infinitive_after_an_object_is_said_by_the_object() -> None:
    text = "The protests prompted the minister to defend the tax in parliament."
    match = by_cue(text, "defend")
    assert source_of(text, match) == "the minister"
    text = "The vote led several councillors to question whether the budget was sound."
    match = by_cue(text, "question")
    assert pieces(text, match) == ["whether the budget was sound"]
    assert source_of(text, match) == "several councillors"


def test_the_object_of_a_verb_of_means_does_not_speak() -> None:
    text = "The board used the meeting to complain that the ferry was late."
    match = by_cue(text, "complain")
    assert pieces(text, match) == ["that the ferry was late"]
    assert source_of(text, match) == "The board"
    text = "The mayor used her weekly radio slot to criticize the harbour board for the delays."
    assert source_of(text, by_cue(text, "criticize")) == "The mayor"


def test_a_plain_infinitive_complement_is_left_without_a_speaker() -> None:
    # "tried to explain" reports an effort: the annotation keeps it apart from a statement
    text = "The teacher tried to explain the new rules to the parents."
    assert climbed_subject(_verb(text, "explain")) is None
    assert not cued(text, "explain")


def test_a_passive_participle_borrows_no_speaker() -> None:
    # the mayor is the one questioned, not the one who asks
    text = "When questioned about the fees, the mayor left the room."
    assert climbed_subject(_verb(text, "questioned")) is None
    assert _subject(_verb(text, "questioned")) is None
    text = "If asked to comment, the agency will refuse."
    assert climbed_subject(_verb(text, "asked")) is None


def test_a_speech_participle_on_people_is_said_by_them() -> None:
    text = "Two officials saying that the border would reopen were quoted by the radio."
    match = by_cue(text, "saying")
    # the participle and what it says are no part of the speaker
    assert source_of(text, match) == "Two officials"
    assert pieces(text, match)[0].startswith("that the border would reopen")


def test_a_speech_participle_on_a_thing_names_no_speaker() -> None:
    text = "A sign saying that the road was closed stood by the bridge."
    assert not cued(text, "saying")


def test_a_gerund_on_an_adverb_or_an_object_takes_the_verbs_subject() -> None:
    text = "Ms. Ortega stopped short of calling for a recount of the votes."
    match = by_cue(text, "calling for")
    assert pieces(text, match) == ["a recount of the votes"]
    assert source_of(text, match) == "Ms. Ortega"
    text = "The senator has a long history of blaming the press for his defeats."
    assert source_of(text, by_cue(text, "blaming")) == "The senator"


def _built(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str], ents: list[str]
) -> Doc:
    """A parse written by hand: the slips these rules mend are the model's, and a test should not hang
    on the model making them today."""
    return Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)


def test_an_inverted_cue_after_a_quote_is_said_by_the_name_after_it() -> None:
    # the model reads "a Vermont Republican" as the object of "added"
    text = '"The budget is a mess," added a Vermont Republican.'
    verb = _verb(text, "added")
    assert not any(c.dep_ == "nsubj" for c in verb.children)
    subject = _subject(verb)
    assert subject is not None and subject.text == "Republican"
    assert source_of(text, by_cue(text, "added")) == "a Vermont Republican"


def test_a_name_after_a_cue_with_no_quote_before_it_is_no_speaker() -> None:
    words = ["Officials", "said", "on", "Monday", ";", "added", "a", "Vermont", "Republican", "."]
    doc = _built(
        words,
        [1, 1, 1, 2, 1, 5, 8, 8, 5, 5],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "ROOT", "det", "compound", "dobj", "punct"],
        ["NNS", "VBD", "IN", "NNP", ":", "VBD", "DT", "NNP", "NNP", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "DET", "PROPN", "PROPN", "PUNCT"],
        ["O", "O", "O", "B-DATE", "O", "O", "O", "B-NORP", "O", "O"],
    )
    assert inverted_subject(doc[5], lambda token: True) is None
    # the same words after a closing mark are inverted
    words[4] = '"'
    doc = _built(
        words,
        [1, 1, 1, 2, 5, 5, 8, 8, 5, 5],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "ROOT", "det", "compound", "dobj", "punct"],
        ["NNS", "VBD", "IN", "NNP", "''", "VBD", "DT", "NNP", "NNP", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "DET", "PROPN", "PROPN", "PUNCT"],
        ["O", "O", "O", "B-DATE", "O", "O", "O", "B-NORP", "O", "O"],
    )
    speaker = inverted_subject(doc[5], lambda token: True)
    assert speaker is not None and speaker.text == "Republican"


def test_a_contracted_has_read_as_a_passive_keeps_its_speaker() -> None:
    text = "He's said he will stay in the race until the end."
    verb = _verb(text, "said")
    assert not any(c.dep_ == "nsubj" for c in verb.children)
    subject = _subject(verb)
    assert subject is not None and subject.text == "He"
    # "he's said to be …" is a passive: he is the one spoken of
    assert contracted_perfect_subject(_verb("He's said to be unhappy with the plan.", "said")) is None
    # "he's asked whether …" may be "he is asked": the one asked is no speaker
    assert contracted_perfect_subject(_verb("He's asked whether the plan will work.", "asked")) is None


def test_a_name_after_a_leading_phrase_and_before_a_description_speaks() -> None:
    text = "At the hearing, Olsen, who leads the board, also said the files were lost."
    verb = _verb(text, "said")
    assert not any(c.dep_ == "nsubj" for c in verb.children)
    assert stray_subject(verb) is not None and stray_subject(verb).text == "Olsen"  # type: ignore[union-attr]
    match = by_cue(text, "said")
    assert pieces(text, match) == ["the files were lost"]
    assert (source_of(text, match) or "").startswith("Olsen, who leads the board")


def test_a_name_inside_a_description_of_someone_else_is_no_speaker() -> None:
    # "founded by Joe Smith of Ohio," ends a description of the group: Smith opens no phrase of his own
    words = ["The", "group", ",", "founded", "by", "Joe", "Smith", "of", "Ohio", ",", "said", "it", "won", "."]
    doc = _built(
        words,
        [1, 10, 1, 1, 3, 6, 4, 6, 7, 1, 10, 12, 10, 10],
        "det dep punct acl agent compound pobj prep pobj punct ROOT nsubj ccomp punct".split(),
        ["DT", "NN", ",", "VBN", "IN", "NNP", "NNP", "IN", "NNP", ",", "VBD", "PRP", "VBD", "."],
        "DET NOUN PUNCT VERB ADP PROPN PROPN ADP PROPN PUNCT VERB PRON VERB PUNCT".split(),
        ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O"],
    )
    assert stray_subject(doc[10]) is None
    # set apart after a comma, the same name speaks: "Ohio, Joe Smith, the head of the group, said"
    words = ["In", "Ohio", ",", "Joe", "Smith", ",", "the", "head", "of", "the", "group", ",", "said", "it", "won", "."]
    doc = _built(
        words,
        [12, 0, 1, 4, 1, 4, 7, 4, 7, 10, 8, 12, 12, 14, 12, 12],
        "prep pobj punct compound appos punct det appos prep det pobj punct ROOT nsubj ccomp punct".split(),
        "IN NNP , NNP NNP , DT NN IN DT NN , VBD PRP VBD .".split(),
        "ADP PROPN PUNCT PROPN PROPN PUNCT DET NOUN ADP DET NOUN PUNCT VERB PRON VERB PUNCT".split(),
        "O B-GPE O B-PERSON I-PERSON O O O O O O O O O O O".split(),
    )
    speaker = stray_subject(doc[12])
    assert speaker is not None and speaker.text == "Smith"


def test_a_name_the_model_glues_to_its_verb_speaks() -> None:
    # '"…," Conway notes.': the model may read the name as a compound of the verb
    words = ['"', "It", "works", ",", '"', "Conway", "notes", "."]
    doc = _built(
        words,
        [6, 2, 6, 6, 6, 6, 6, 6],
        ["punct", "nsubj", "ccomp", "punct", "punct", "compound", "ROOT", "punct"],
        ["``", "PRP", "VBZ", ",", "''", "NNP", "VBZ", "."],
        ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ["O", "O", "O", "O", "O", "B-PERSON", "O", "O"],
    )
    speaker = stray_subject(doc[6])
    assert speaker is not None and speaker.text == "Conway"
    # a common noun glued to the verb is no name
    doc = _built(
        ["The", "report", "notes", "it", "."],
        [2, 2, 2, 2, 2],
        ["det", "compound", "ROOT", "dobj", "punct"],
        ["DT", "NN", "VBZ", "PRP", "."],
        ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
        ["O", "O", "O", "O", "O"],
    )
    assert stray_subject(doc[2]) is None


def test_going_on_to_attack_is_the_subjects_statement() -> None:
    text = "The senator went on to attack the governor's record on schools."
    verb = _verb(text, "attack")
    subject = climbed_subject(verb)
    assert subject is not None and subject.text == "senator"
    # trying is an effort, not a statement
    assert climbed_subject(_verb("The senator tried to attack the governor's record.", "attack")) is None


def _rehung(text: str, word: str, dep: str, head: str) -> Doc:
    """The model's parse of ``text`` with ``word`` hung on ``head`` as ``dep``: the slip a rule mends,
    made by hand so the test does not depend on the model making it."""
    parsed = parse(text)
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    moved = next(t.i for t in parsed if t.text == word)
    heads[moved] = next(t.i for t in parsed if t.text == head)
    deps[moved] = dep
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in parsed]
    return _built([t.text for t in parsed], heads, deps, [t.tag_ for t in parsed], [t.pos_ for t in parsed], ents)


def test_a_speaker_run_into_the_opening_phrase_speaks() -> None:
    text = "After a day of tensions between the two leaders, the council's office announced that talks would resume."
    doc = _rehung(text, "office", "conj", "leaders")
    verb = next(t for t in doc if t.text == "announced")
    speaker = leading_phrase_subject(verb, lambda token: token.lower_ == "office")
    assert speaker is not None and speaker.text == "office"
    # a noun that names no one is no speaker
    assert leading_phrase_subject(verb, lambda token: False) is None
    # without the comma the noun belongs to the opening phrase
    text = "After a day of tensions between the two leaders and the council's office announced that talks would resume."
    doc = _rehung(text, "office", "conj", "leaders")
    verb = next(t for t in doc if t.text == "announced")
    assert leading_phrase_subject(verb, lambda token: True) is None


def test_hopes_and_hoped_are_cues_though_the_small_model_lemmatises_them_as_hop() -> None:
    text = "The mayor hopes that the port reopens in May. Her deputy hoped to reopen it sooner."
    assert pieces(text, by_cue(text, "hopes")) == ["that the port reopens in May"]
    assert source_of(text, by_cue(text, "hoped")) == "Her deputy"


def test_a_relative_pronoun_is_never_a_speakers_name() -> None:
    from dateline.enrich import enrich
    from dateline.record import Article

    text = "Fishermen who said the quota was unfair walked out of the hearing on Monday."
    article = enrich(Article(origin="t", text=text), ["entities", "quotes"])
    assert all(q.speaker is None or q.speaker.name.lower() not in {"who", "which", "that"} for q in article.quotes)
