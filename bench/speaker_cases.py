"""News passages we wrote to test speaker resolution: pronouns, role nouns, titles, groups, inheritance.

Each case is a short article (paragraphs separated by blank lines) and, for each statement in it, a
fragment of the statement's words and the speaker a reader would name: the longest form of the
person's name in the article, or the group or institution as the article writes it. The people,
places and events are invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expected: tuple[tuple[str, str], ...]  # (words inside the statement, the speaker's name; "|" between forms)


CASES: tuple[Case, ...] = (
    Case(
        "pronoun after a man and a woman",
        "Harbour director Tomas Lindqvist met Mayor Agnes Brandt on Monday to discuss the new ferry pier.\n\n"
        '"The pier will be ready before the summer season," he said after the meeting.\n\n'
        "She told reporters that the city would pay for the access road.",
        (("pier will be ready", "Tomas Lindqvist"), ("city would pay", "Agnes Brandt")),
    ),
    Case(
        "she after two men",
        "Finance Minister Petra Kolar and her deputy, Ivan Marek, presented the budget in parliament.\n\n"
        "Opposition leader Dusan Hruby called the plan reckless.\n\n"
        '"Nobody will pay more tax on wages next year," she said.',
        (("plan reckless", "Dusan Hruby"), ("Nobody will pay more tax", "Petra Kolar")),
    ),
    Case(
        "role noun back to its holder",
        "Police spokesman Arvid Sund said two men had been arrested near the station.\n\n"
        "The spokesman added that a third suspect was still being sought.",
        (("two men had been arrested", "Arvid Sund"), ("third suspect", "Arvid Sund")),
    ),
    Case(
        "the governor after two officials",
        "Governor Marta Ilves visited the flooded villages on Sunday with the regional fire chief, Karl Oja.\n\n"
        "Oja said the water level had started to fall overnight.\n\n"
        "The governor said that every family that lost its home would receive temporary housing.",
        (("water level had started to fall", "Karl Oja"), ("temporary housing", "Marta Ilves")),
    ),
    Case(
        "paragraph with no cue inherits the speaker",
        '"We have waited eleven years for this bridge," said Lena Vogt, who chairs the residents\' association.\n\n'
        '"Every winter the ferry stops for weeks and the old people on the island are cut off."',
        (("waited eleven years", "Lena Vogt"), ("ferry stops for weeks", "Lena Vogt")),
    ),
    Case(
        "surname only later in the article",
        "The contract was signed by Defence Minister Rui Falcao in Lisbon on Thursday.\n\n"
        "Critics questioned the price. Falcao said the ships would be built in Portuguese yards.",
        (("built in Portuguese yards", "Rui Falcao"),),
    ),
    Case(
        "they for a group",
        "Dock workers in Gdynia voted to extend their strike by a week.\n\n"
        "They said the port's offer did not cover the rise in rents.",
        (("did not cover the rise", "Dock workers in Gdynia|Dock workers"),),
    ),
    Case(
        "an institution speaks",
        "The Ministry of Health said on Friday that 14 new cases had been confirmed in the north of the country.",
        (("14 new cases", "The Ministry of Health|Ministry of Health"),),
    ),
    Case(
        "according to a named official",
        "Three bridges were closed after the storm, according to regional roads director Hanna Virtanen.",
        (("Three bridges were closed", "Hanna Virtanen"),),
    ),
    Case(
        "cue in the middle of a quote",
        '"We are not against the cranes," union leader Piotr Nowak said. "We are against being told last."',
        (("not against the cranes", "Piotr Nowak"), ("being told last", "Piotr Nowak")),
    ),
    Case(
        "he with a woman in between who is not quoted",
        "Chief executive Oskar Berg announced the closure of the plant in Tampere.\n\n"
        "The plant employs 400 people, among them engineer Sofia Laine, who has worked there for twenty years.\n\n"
        "He said the company would offer every employee a job at its other sites.",
        (("offer every employee a job", "Oskar Berg"),),
    ),
    Case(
        "Ms. title gives the gender",
        "Ms. Okafor, the school's head teacher, and the council's education officer, Daniel Reyes, "
        "both attended the meeting.\n\n"
        "She said the school would reopen on Monday.",
        (("school would reopen", "Okafor|Ms. Okafor"),),
    ),
    Case(
        "told reporters with an apposition",
        "Nikolai Petrov, the head of the local election commission, told reporters that turnout had reached "
        "61 percent by noon.",
        (("turnout had reached", "Nikolai Petrov"),),
    ),
    Case(
        "dash attribution",
        "\u201cThe river has never been this low in August.\u201d \u2014 hydrologist Ewa Zielinska",
        (("never been this low", "Ewa Zielinska"),),
    ),
    Case(
        "a quote split over two paragraphs",
        'Coach Marco Bellini was blunt after the defeat. "We did not deserve to win today. '
        "The second half was the worst we have played all season.\n\n"
        '"Next week we start again from zero," he said.',
        (("did not deserve to win", "Marco Bellini"), ("start again from zero", "Marco Bellini")),
    ),
    Case(
        "his successor is a different person",
        "Former mayor Jan de Wit handed over the office to Pieter Claes on Tuesday.\n\n"
        '"The city is in good hands," de Wit said. Claes said he would keep the budget of his predecessor.',
        (("in good hands", "Jan de Wit"), ("keep the budget", "Pieter Claes")),
    ),
    Case(
        "the minister among several officials",
        "Agriculture Minister Ines Soto met farmers' representatives and the head of the water agency, "
        "Luis Pardo, in Seville.\n\n"
        "The minister said the drought aid would be paid before the end of the month.",
        (("drought aid would be paid", "Ines Soto"),),
    ),
    Case(
        "she said later in a statement",
        "Senator Claire Dubois voted against the bill on Wednesday.\n\n"
        "In a statement released later, she said the bill gave the police too much power.",
        (("too much power", "Claire Dubois"),),
    ),
    Case(
        "officials speak as a group",
        "Russian officials said the drones had been shot down over the Black Sea.",
        (("drones had been shot down", "Russian officials"),),
    ),
    Case(
        "a quote after a colon with the speaker before",
        "From Governor Alan Brooks: \u201cEvery county will get the same help, whatever its size.\u201d",
        (("Every county will get the same help", "Alan Brooks"),),
    ),
    Case(
        "he across an intervening sentence",
        "Economist Viktor Ranta expects prices to keep rising through the winter.\n\n"
        "Energy costs rose by a third in October alone.\n\n"
        "He said the central bank would probably raise rates again in December.",
        (("raise rates again", "Viktor Ranta"),),
    ),
    Case(
        "a statement said on an earlier day",
        "Interior Minister Sanna Holm said Tuesday that border checks would remain in place until March.",
        (("border checks would remain", "Sanna Holm"),),
    ),
)


__all__ = ["CASES", "Case"]
