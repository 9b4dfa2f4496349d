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
   unsourced expectations and hearsay ("is expected to …", "were said to …": ``raising``; kept
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
   are no speech verbs ascribe a view in one frame each (``stance``: "recognized that …", "agreed
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

Offsets: a direct quote's ``start``/``end``/``spans`` cover what is inside the marks, without them,
and so do those of a mixed quote that is only a quoted phrase; a reported clause keeps the marks inside it.
``speaker.start/end`` is the mention naming the speaker best
(the canonical full name, nearest before the cue); :func:`find_quotes` also returns the speaker as
written at the cue ("he", "Brian Fallon, the campaign's press secretary,": the whole noun phrase with
its apposition), which the PolNeAR benchmark scores against."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.enrich import EnrichDoc, component
from dateline.enrich.quotes.direct import direct_candidates
from dateline.enrich.quotes.filters import _drop_nested, _named, _within_cue_paragraph, _worth_keeping
from dateline.enrich.quotes.headlines import headline_candidates, read_headline
from dateline.enrich.quotes.indirect import indirect_candidates
from dateline.enrich.quotes.layout import _absorb_uncued, _inherit, _is_title_line, _merge_uncued, transcript_candidates
from dateline.enrich.quotes.mixed import mixed_candidates
from dateline.enrich.quotes.records import QuoteMatch, _Candidate
from dateline.enrich.quotes.speakers import _prepare_mentions, _resolve
from dateline.record import Article, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(text: str, sdoc: Doc, entities: list[Entity], *, headline: bool = False) -> list[QuoteMatch]:
    """All quotes of one article; may append pronoun mentions and GROUP entities to ``entities``.

    ``headline``: the text's first paragraph is the article's headline, read with headline grammar
    ("Sanders Vows To …", "Poll: …"). Corpora print the headline above the body; an article's text
    does not, so the component says so only when the text opens with the article's title, and a short
    lead paragraph is never read as a headline."""
    direct, fragments = direct_candidates(sdoc, text)
    turns = transcript_candidates(text, entities)
    if turns:
        # a transcript turn is one statement: the quote marks around it say nothing more
        direct = [c for c in direct if not any(t.start - 12 <= c.start <= t.end for t in turns)]
        direct += turns
    indirect = indirect_candidates(sdoc, text, direct, fragments)
    if headline:
        indirect += headline_candidates(sdoc, text, direct)
        direct, indirect = read_headline(sdoc, text, direct, indirect)
    mixed = mixed_candidates(sdoc, text, fragments, indirect)
    kept_direct = [c for c in _absorb_uncued(direct, indirect) if not _is_title_line(c, text)]
    candidates = sorted([*kept_direct, *indirect, *mixed], key=lambda c: (c.start, c.end))
    candidates = _drop_nested([c for c in candidates if _within_cue_paragraph(c, text)], sdoc)
    known = _prepare_mentions(sdoc, entities)
    quoted = [span for c in direct for span in c.spans]
    for candidate in candidates:
        _resolve(candidate, text, known, quoted)
    candidates = _merge_uncued(candidates, text)
    _inherit(candidates, text)
    return [_to_match(candidate, text) for candidate in candidates if _worth_keeping(candidate, text)]


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


@component("quotes")
def quotes(doc: EnrichDoc) -> None:
    if not doc.text.strip():
        return
    matches = find_quotes(doc.text, doc.spacy, doc.entities, headline=_opens_with_title(doc.article))
    doc.quotes = [match.quote for match in matches]


def _opens_with_title(article: Article) -> bool:
    """Whether the article's text starts with its own title as a paragraph (a dump or a plain file that
    kept the headline above the body)."""
    if not article.title:
        return False
    first = article.text.lstrip().split("\n\n", 1)[0]
    return " ".join(first.split()).rstrip(".").lower() == " ".join(article.title.split()).rstrip(".").lower()
