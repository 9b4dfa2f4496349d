"""Stories across outlets: grouping accuracy on a rewrite corpus, and false merges among distinct articles.

    .venv/bin/python bench/stories.py [--stories 1000] [--distinct 10000] [--seed 5]

Every article is generated here from our own sentence templates and word lists (seeded): a story has a
topic (flood, fire, strike, election, court ruling, company results, rail accident, outbreak, storm,
protest, cyberattack, budget), a city, an official, a witness, an expert and its own numbers, and 9-14
paragraphs of 2-3 sentences (about 600 words).

Rewrite corpus (``--stories``): each story is published by 1-5 further outlets the ways outlets do it:
a wire copy (capitalised dateline prefix, tail cut, new headline), a cut version (tail or middle
paragraphs dropped), a version with added local paragraphs, a new headline, word-level copy-desk edits
(said/told, spelling, number style), a rewrite (a sentence replaced in about half the paragraphs), an
update (a paragraph appended, the lead's figure revised, a day later), a reorder of two paragraphs;
usually two or three of these at once. Articles are fed in a random
order. Pairwise precision/recall/F1 of grouping is printed for StoryIndex and for two naive baselines
(exact body hash, exact headline).

Distinct run (``--distinct``): that many further stories, no rewrites, all published within 14 days (so
the date window barely helps); every pair StoryIndex groups is a false merge. Prints the count and the
articles/s rate. Acceptance: F1 >= 0.95 on the rewrite corpus, 0 false pairs among 10,000.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateline.stories import StoryIndex

FIRST = (
    "Ana Marta Joana Ines Rita Clara Sofia Lena Mira Tomas Rui Pedro Jonas Erik Lars Nils Karin Maja Petra Iva "
    "Luka Marko Zora Dario Elena Irina Oskar Hugo Felix Noor Amir Leila Samir Yusuf Daniel Rosa Carmen Pablo "
    "Greta Henrik Sven Aino Eero Kaisa Juhan Liis Tanel Agnieszka Tomasz Kasia Milan Jana Ondrej Vera Gaspard "
    "Camille Louis Odile Bruno Chiara Matteo"
).split()
LAST = (
    "Lima Saraiva Moreira Teixeira Brandt Halvorsen Lindqvist Nieminen Tamm Kask Kowalczyk Nowicki Horvat "
    "Kovac Novak Dvorak Marchetti Ricci Colombo Laurent Girard Moreau Okafor Mensah Haddad Rahimi Demir Aydin "
    "Petrov Ivanova Sorensen Dahl Berg Vidal Navarro Castillo Ferreira Quintana Weber Hoffmann Fischer Maier "
    "Virtanen Salo Ozols Berzins Kalnina Jurkevicius Petrauskas Varga Toth Balogh Radu Popescu Stan Andersen "
    "Holm Rasku Mattila Cerny"
).split()
CITIES = (
    "Porto Braga Coimbra Bergen Trondheim Tallinn Tartu Gdansk Poznan Wroclaw Lyon Nantes Rennes Turin Bologna "
    "Genoa Ghent Leuven Malmo Uppsala Tampere Turku Split Rijeka Kaunas Klaipeda Brno Ostrava Graz Linz Leeds "
    "Cork Galway Bilbao Valencia Seville Riga Vilnius Debrecen Szeged Cluj Iasi Varna Plovdiv Aarhus Odense "
    "Freiburg Leipzig Dresden Utrecht Eindhoven Groningen Salzburg Innsbruck Lille Nice Palermo Bari Gothenburg "
    "Stavanger"
).split()
DISTRICTS = (
    "the old town|the harbour district|the northern suburbs|the riverside quarter|the university area|"
    "the industrial estate|the eastern outskirts|the market quarter|the hill district|the station area|"
    "the western estates|the canal district|the cathedral quarter|the southern bypass area|the airport zone"
).split("|")
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
JOBS = (
    "shop owner|bus driver|nurse|teacher|baker|pharmacist|retired engineer|student|taxi driver|café owner|"
    "postal worker|electrician|dock worker|librarian|farmer"
).split("|")
EXPERT_ROLES = (
    "a professor of civil engineering|an economist|a political scientist|a public health researcher|"
    "a climate scientist|a law lecturer|a transport analyst|a security researcher|a historian"
).split("|")
AGENCIES = ["Wire", "Meridian Press", "Northline", "Coastal Wire Service", "Baltic Press Agency"]

# Each topic fills the generic templates below with its own words; a field is a list to choose from.
TOPICS: dict[str, dict[str, list[str]]] = {
    "flood": {
        "event": ["flooding", "flash floods", "rising river water", "floodwater"],
        "hit": ["swept through", "inundated", "submerged streets in", "cut off"],
        "unit": ["homes", "residents", "households", "businesses"],
        "state": ["evacuated", "left without power", "cut off", "damaged"],
        "org": ["civil protection agency", "regional water authority", "fire service", "city council"],
        "role": ["head", "spokeswoman", "director", "deputy chief"],
        "measure": ["sandbag walls", "emergency pumps", "evacuation orders", "temporary shelters"],
        "scene": ["water reaching the first floor", "cars floating down the street", "boats ferrying neighbours"],
        "concern": ["slow warnings", "unfinished flood barriers", "blocked drains", "building on flood plains"],
        "quote": ["We have never seen the river this high", "The water came faster than anyone expected",
                  "Our priority is getting people out safely"],
        "next": ["inspect every bridge", "reopen the schools", "assess the damage to roads", "pay emergency grants"],
        "headline": ["{n1} {unit} evacuated as floods hit {city}", "Floodwater swamps {district} of {city}",
                     "{city} flooding: {n1} {unit} affected", "River bursts its banks in {city}",
                     "Flash floods cut off parts of {city}"],
    },
    "fire": {
        "event": ["a fire", "a blaze", "a large fire", "flames"],
        "hit": ["tore through", "gutted", "spread through", "destroyed part of"],
        "unit": ["residents", "families", "workers", "people"],
        "state": ["evacuated", "treated for smoke inhalation", "moved to emergency housing", "rescued"],
        "org": ["fire brigade", "police", "city council", "ambulance service"],
        "role": ["chief", "spokesman", "commander", "duty officer"],
        "measure": ["road closures", "a safety cordon", "emergency housing", "an investigation"],
        "scene": ["black smoke above the rooftops", "firefighters on ladders", "windows bursting from the heat"],
        "concern": ["missing fire alarms", "blocked exits", "cladding on older buildings", "slow inspections"],
        "quote": ["The crews worked through the night", "It is a miracle nobody died",
                  "The cause is still being investigated"],
        "next": ["publish the inspection findings", "rehouse the families", "check similar buildings"],
        "headline": ["Fire guts building in {city}", "{n1} {unit} evacuated after blaze in {city}",
                     "Blaze in {district} of {city} forces evacuation", "{city} fire: crews battle flames overnight"],
    },
    "strike": {
        "event": ["a strike", "a walkout", "industrial action", "a stoppage"],
        "hit": ["halted services across", "shut down", "disrupted", "paralysed"],
        "unit": ["workers", "commuters", "passengers", "staff"],
        "state": ["on strike", "left stranded", "affected", "without transport"],
        "org": ["transport union", "port operator", "hospital workers' union", "teachers' union"],
        "role": ["general secretary", "negotiator", "chair", "press officer"],
        "measure": ["a pay offer", "talks at the labour ministry", "a replacement bus service", "mediation"],
        "scene": ["empty platforms", "picket lines at the depot gates", "queues for taxis"],
        "concern": ["wages lagging behind prices", "staff shortages", "longer shifts", "pension changes"],
        "quote": ["Our members have had enough", "The offer on the table is an insult",
                  "We remain open to talks"],
        "next": ["hold a ballot on the offer", "return to the negotiating table", "announce further dates"],
        "headline": ["Strike halts services in {city}", "{n1} {unit} walk out in {city} pay dispute",
                     "{city} {org} stages walkout", "Walkout disrupts {city} as talks stall"],
    },
    "election": {
        "event": ["the local election", "a mayoral vote", "the council election", "a runoff"],
        "hit": ["reshaped politics in", "unsettled", "transformed the council in", "was closely fought in"],
        "unit": ["votes", "voters", "ballots", "seats"],
        "state": ["counted", "cast", "contested", "declared invalid"],
        "org": ["electoral commission", "Green Alliance", "Civic Platform", "Social Union"],
        "role": ["candidate", "leader", "campaign chief", "chair"],
        "measure": ["a recount", "coalition talks", "a formal complaint", "an audit of postal ballots"],
        "scene": ["queues outside polling stations", "supporters cheering in the square", "tense counting rooms"],
        "concern": ["low turnout", "postal ballot errors", "campaign spending", "misleading adverts"],
        "quote": ["Voters have sent a clear message", "We will respect the result",
                  "This is a new chapter for the city"],
        "next": ["certify the result", "form a governing coalition", "swear in the new council"],
        "headline": ["{person} wins {city} mayoral vote", "{city} election: turnout at {pct} percent",
                     "Recount ordered in {city} council race", "{org} claims victory in {city}"],
    },
    "court": {
        "event": ["the ruling", "a court decision", "the verdict", "an appeals judgment"],
        "hit": ["stunned", "divided opinion in", "was welcomed in", "angered campaigners in"],
        "unit": ["defendants", "claimants", "tenants", "former employees"],
        "state": ["acquitted", "awarded compensation", "ordered to pay costs", "cleared"],
        "org": ["district court", "appeals court", "prosecutor's office", "bar association"],
        "role": ["presiding judge", "chief prosecutor", "defence lawyer", "spokeswoman"],
        "measure": ["an appeal", "a retrial", "a compensation fund", "a review of the evidence"],
        "scene": ["relatives embracing outside the courthouse", "reporters packed into the gallery"],
        "concern": ["the length of the trial", "missing evidence", "legal costs", "witness protection"],
        "quote": ["Justice has finally been done", "We will study the judgment carefully",
                  "This case should never have come to court"],
        "next": ["file an appeal", "publish the full judgment", "pay the compensation"],
        "headline": ["Court rules in {city} case", "{city} court clears {n1} {unit}",
                     "Judge orders compensation in {city}", "Verdict in {city} trial sparks appeal"],
    },
    "company": {
        "event": ["the results", "quarterly figures", "the restructuring", "the expansion plan"],
        "hit": ["lifted shares in", "surprised investors in", "worried workers in", "boosted hopes in"],
        "unit": ["jobs", "employees", "shares", "contracts"],
        "state": ["cut", "created", "transferred", "put at risk"],
        "org": ["shipbuilder", "logistics group", "battery maker", "textile firm"],
        "role": ["chief executive", "finance director", "chair", "head of operations"],
        "measure": ["a cost programme", "a new factory", "a share buyback", "a hiring freeze"],
        "scene": ["workers gathering at the factory gates", "analysts crowding the results call"],
        "concern": ["rising energy costs", "weak export demand", "debt levels", "supply delays"],
        "quote": ["We are confident about the second half", "The market remains difficult",
                  "Our order book has never been stronger"],
        "next": ["open the new plant", "present a strategy update", "complete the sale of the unit"],
        "headline": ["{city} {org} to cut {n1} jobs", "{org} in {city} posts record profit",
                     "{city} firm announces new factory", "Shares jump as {city} {org} beats forecasts"],
    },
    "rail": {
        "event": ["the derailment", "a train collision", "the rail accident", "a level-crossing crash"],
        "hit": ["shut the main line through", "halted trains in", "closed tracks near", "disrupted travel across"],
        "unit": ["passengers", "people", "travellers", "crew members"],
        "state": ["injured", "taken to hospital", "evacuated", "treated at the scene"],
        "org": ["rail operator", "accident investigation board", "transport ministry", "track authority"],
        "role": ["chief executive", "lead investigator", "spokesman", "regional director"],
        "measure": ["replacement buses", "a speed limit", "an investigation", "track repairs"],
        "scene": ["carriages tipped on their side", "rescuers climbing through windows"],
        "concern": ["ageing signals", "maintenance backlogs", "staff fatigue", "missing barriers"],
        "quote": ["Our thoughts are with the injured", "We will find out what went wrong",
                  "The line will stay closed for now"],
        "next": ["reopen the line", "publish an interim report", "inspect every crossing on the route"],
        "headline": ["Train derails near {city}", "{n1} injured in {city} rail accident",
                     "Rail line through {city} closed after crash", "{city} train crash: inquiry opened"],
    },
    "outbreak": {
        "event": ["an outbreak of measles", "a norovirus outbreak", "a salmonella outbreak", "a flu wave"],
        "hit": ["spread through", "closed schools in", "filled hospital wards in", "was confirmed in"],
        "unit": ["cases", "patients", "children", "residents"],
        "state": ["confirmed", "admitted to hospital", "tested", "vaccinated"],
        "org": ["public health agency", "regional hospital", "health ministry", "school board"],
        "role": ["director", "chief medical officer", "epidemiologist", "spokeswoman"],
        "measure": ["a vaccination drive", "school closures", "visiting restrictions", "contact tracing"],
        "scene": ["queues at the vaccination centre", "empty classrooms"],
        "concern": ["low vaccination rates", "late reporting", "overcrowded wards", "contaminated food"],
        "quote": ["The risk to the public remains low", "Parents should check their records",
                  "We are following every lead"],
        "next": ["extend the vaccination clinics", "reopen the schools", "publish test results"],
        "headline": ["{n1} cases confirmed in {city} outbreak", "{city} outbreak closes schools",
                     "Health officials race to contain {city} outbreak", "Outbreak in {city}: clinics open late"],
    },
    "storm": {
        "event": ["the storm", "gale-force winds", "a violent thunderstorm", "hailstorms"],
        "hit": ["battered", "toppled trees across", "knocked out power in", "tore roofs off in"],
        "unit": ["homes", "customers", "flights", "ferries"],
        "state": ["without power", "cancelled", "damaged", "grounded"],
        "org": ["weather service", "power company", "airport", "roads agency"],
        "role": ["forecaster", "spokeswoman", "operations director", "duty manager"],
        "measure": ["a red warning", "road closures", "emergency repair crews", "cancelled ferries"],
        "scene": ["fallen trees blocking roads", "roof tiles scattered over cars"],
        "concern": ["overhead power lines", "late warnings", "insurance payouts", "unsafe scaffolding"],
        "quote": ["Stay indoors until the wind drops", "Crews will work around the clock",
                  "This was the strongest storm in years"],
        "next": ["restore power to every home", "clear the main roads", "lift the warning"],
        "headline": ["Storm leaves {n1} {unit} without power in {city}", "Gales batter {city}",
                     "{city} storm: flights cancelled", "Red warning as storm hits {city}"],
    },
    "protest": {
        "event": ["a protest", "a march", "demonstrations", "a rally"],
        "hit": ["filled the streets of", "blocked traffic in", "brought thousands onto the squares of"],
        "unit": ["protesters", "marchers", "people", "students"],
        "state": ["detained", "gathered", "marching", "dispersed"],
        "org": ["police", "student union", "residents' association", "city hall"],
        "role": ["spokesman", "organiser", "commander", "deputy mayor"],
        "measure": ["road closures", "a public consultation", "a temporary ban", "talks with organisers"],
        "scene": ["banners hanging from balconies", "drums echoing across the square"],
        "concern": ["rent increases", "a new motorway", "school closures", "police tactics"],
        "quote": ["We will keep marching until they listen", "The protest was peaceful",
                  "Our city is not for sale"],
        "next": ["hold a public hearing", "review the plan", "meet the organisers"],
        "headline": ["Thousands march in {city}", "{city} protest over {concern}",
                     "{n1} {unit} rally in {city}", "Police detain protesters in {city}"],
    },
    "cyber": {
        "event": ["a cyberattack", "a ransomware attack", "a data breach", "an IT outage"],
        "hit": ["knocked out systems in", "crippled services in", "exposed records held in", "disrupted"],
        "unit": ["records", "customers", "patients", "accounts"],
        "state": ["exposed", "locked", "affected", "compromised"],
        "org": ["city council", "regional hospital", "water utility", "university"],
        "role": ["chief information officer", "spokeswoman", "security chief", "director"],
        "measure": ["password resets", "paper backups", "a police investigation", "a forensic audit"],
        "scene": ["staff working with pen and paper", "screens showing a ransom note"],
        "concern": ["outdated software", "missing backups", "slow disclosure", "paying ransoms"],
        "quote": ["No ransom will be paid", "We are restoring systems step by step",
                  "Customers should change their passwords"],
        "next": ["restore online services", "notify affected customers", "complete the audit"],
        "headline": ["Cyberattack hits {city} {org}", "{n1} {unit} exposed in {city} breach",
                     "{city} {org} systems down after attack", "Ransomware cripples {city} services"],
    },
    "budget": {
        "event": ["the budget", "the spending plan", "the new tax proposal", "the investment package"],
        "hit": ["split the council in", "drew protests in", "was approved in", "was rejected in"],
        "unit": ["euros", "teachers", "bus routes", "housing units"],
        "state": ["allocated", "cut", "promised", "frozen"],
        "org": ["city council", "finance committee", "regional government", "audit office"],
        "role": ["finance chief", "mayor", "treasurer", "opposition leader"],
        "measure": ["a property tax rise", "new housing grants", "a hiring freeze", "a tram extension"],
        "scene": ["a packed council chamber", "protesters outside city hall"],
        "concern": ["rising debt", "cuts to libraries", "higher fares", "delayed repairs"],
        "quote": ["This budget protects the services people rely on", "The numbers simply do not add up",
                  "We had to make hard choices"],
        "next": ["vote on the final budget", "publish the spending details", "review the tax rise"],
        "headline": ["{city} council approves budget", "Budget row in {city} over {concern}",
                     "{city} plans {n1} new {unit}", "{city} budget: taxes to rise"],
    },
}

# Sentence templates: {name} is a fact of the story or a word drawn from its topic; [a|b] is a choice.
LEAD = [
    "[On|Early on|Late on] {day}, {event} {hit} {district} of {city}, and {n1} {unit} were {state}, "
    "[officials|the {org}|local authorities] said.",
    "{n1} {unit} were {state} in {city} [on|by] {day} after {event} {hit} {district}, [according to|said] "
    "the {org}.",
    "{event_cap} {hit} {city} on {day}, with {district} [worst|hardest|most badly] [hit|affected] and "
    "{n1} {unit} {state} by [the evening|nightfall|midday], the {org} said.",
]
BODY = [
    "{person}, {role} of the {org}, said {measure} [would remain|would stay|were] in place [until|through] "
    "{day2}.",
    '"{quote}," {surname} [told reporters|said|said at a briefing|told a news conference] [on {day}|in '
    "{city}|outside the {org} offices].",
    "[According to|Figures from|Data released by] the {org}, {n2} {unit} had been {state} by {time}.",
    "{witness}, a {job} [in|from] {district}, said [she|he] had [seen|watched] {scene} [on {day}|that morning"
    "|within an hour].",
    '"[It was|It felt] [terrifying|unreal|chaotic], [honestly|really]," said {witness_surname}, {age}. '
    '"[I|We] [saw|could see] {scene}."',
    "The {org} has [faced|drawn] [criticism|questions] [over|about] {concern} [since|after] a [similar|smaller]"
    " [case|incident|episode] in {year}.",
    "{expert}, {expert_role} at the University of {city2}, said {concern} [had|may have] [played a role|made "
    "things worse|been a factor] [in {city}|this time].",
    "[Officials|The {org}|Authorities] [plan|intend|hope] to {next} [by|before] the end of {month}.",
    "[Costs|The bill] [were|was] [estimated at|put at|expected to reach] {money} million euros, [according to"
    "|said] the {org2}.",
    "{district_cap} [was|had been] the [worst|hardest|most badly] [hit|affected] area, with {n3} {unit} "
    "[reported|recorded|counted] there [alone|by {time}].",
    "[Opposition|Local] councillor {other_person} [called for|demanded|urged] {measure} and [an inquiry|a "
    "review|answers] [into|about] {concern}.",
    "In {year}, {city} [introduced|promised|began] {measure} after [complaints|protests|a report] about "
    "{concern}, [but|although] [work|progress] [stalled|was slow|was delayed].",
    "{surname} [said|added] that {n4} [extra|additional] [staff|officers|volunteers] had been [sent|deployed"
    "|brought in] from {city2} and {city3}.",
    "[Residents|People] in {district} [said|complained] [they|that they] had [waited|been waiting] {hours} "
    "hours for [news|help|information] from the {org}.",
    "The {org2} [said|confirmed] it [was|would be] [reviewing|examining|looking into] {concern} and [would"
    "|planned to] {next}.",
    "[A statement from|A spokesperson for] the {org2} [described|called] the [situation|events] [as|] "
    "[serious|under control|unprecedented] and [thanked|praised] {unit_owner} for [their|its] patience.",
    "{n5} [of the|of those] {unit} [were|had been] {state} [in|near] {district2}, [a further|another] "
    "{n6} in {district3}.",
    "{surname} [has|had] [led|headed|run] the {org} since {year2} and [previously|earlier] [worked|served] in "
    "{city2}.",
]
UPDATE = [
    "[Update|Later on {day2}]: the {org} said the number of {unit} {state} had risen to {n7}, [up from|from] "
    "{n1} [earlier|in its first count].",
    "[In a later statement|By the evening of {day2}], {person} said {measure} [would be extended|would be "
    "reviewed] and that {n7} {unit} were now {state}.",
]
LOCAL = [
    "[In|Near] {city4}, [about|some] {n8} [km|kilometres] away, [officials|residents] said they were "
    "[watching|following] the [situation|events] in {city} [closely|with concern].",
    "[Our|This] [reporter|correspondent] in {city} [saw|counted] {n8} [vehicles|people|volunteers] "
    "[near|outside] the {org} [on {day2}|that evening].",
    "[Readers|Local businesses] in {district2} [told|wrote to] [us|this newspaper] that {concern} had "
    "[worried|troubled] them for [years|months].",
]
EDITS = [  # copy-desk edits: (pattern, replacement)
    (r"\bsaid\b", "told reporters"), (r"\bsaid\b", "stated"), (r"\babout\b", "around"),
    (r"\bcriticism\b", "criticisms"), (r"\bharbour\b", "harbor"), (r"\bneighbours\b", "neighbors"),
    (r"\borganiser\b", "organizer"), (r"\bparalysed\b", "paralyzed"), (r"\bhad been\b", "were"),
    (r"\bmillion euros\b", "million euro"), (r"\bpercent\b", "per cent"), (r"\bresidents\b", "locals"),
    (r"\bofficials\b", "authorities"), (r"\bhonestly\b", "frankly"), (r"\bthe evening\b", "evening"),
    (r"\bwould\b", "will"), (r"\btravellers\b", "travelers"), (r"\bcentre\b", "center"),
]


@dataclass(slots=True)
class Doc:
    article_id: str
    story: int
    title: str
    text: str
    published: str
    ops: str = ""  # the rewrites that made this copy; "" for an original
    topic: str = ""
    city: str = ""


def _choices(template: str, rng: random.Random) -> str:
    return re.sub(r"\[([^\[\]]*)\]", lambda match: rng.choice(match.group(1).split("|")), template)


class Story:
    """One event with its cast and numbers; writes paragraphs, headlines and updates about it."""

    def __init__(self, number: int, rng: random.Random, start: datetime, span_days: int) -> None:
        self.number = number
        self.rng = rng
        self.topic_name = rng.choice(sorted(TOPICS))
        self.topic = TOPICS[self.topic_name]
        cities = rng.sample(CITIES, 5)
        districts = rng.sample(DISTRICTS, 3)
        self.when = start + timedelta(days=rng.uniform(0, span_days))
        self.facts: dict[str, str] = {
            "city": cities[0], "city2": cities[1], "city3": cities[2], "city4": cities[3],
            "district": districts[0], "district2": districts[1], "district3": districts[2],
            "district_cap": districts[0][0].upper() + districts[0][1:],
            "day": DAYS[self.when.weekday()], "day2": DAYS[(self.when.weekday() + 1) % 7],
            "month": rng.choice(MONTHS), "year": str(rng.randint(1995, 2023)), "year2": str(rng.randint(2005, 2024)),
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "other_person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "witness": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "expert": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "expert_role": rng.choice(EXPERT_ROLES),
            "job": rng.choice(JOBS), "age": str(rng.randint(19, 84)),
            "time": f"{rng.randint(1, 11)}{rng.choice(['am', 'pm'])}", "hours": str(rng.randint(2, 30)),
            "money": f"{rng.randint(2, 900)}.{rng.randint(1, 9)}", "pct": str(rng.randint(21, 79)),
            "unit_owner": rng.choice(["residents", "the public", "customers", "everyone affected"]),
        }  # fmt: skip
        self.facts["surname"] = self.facts["person"].split()[1]
        self.facts["witness_surname"] = self.facts["witness"].split()[1]
        for key in ("org", "org2", "role"):
            source = "org" if key == "org2" else key
            self.facts[key] = rng.choice(self.topic[source])
        for index in range(1, 9):
            self.facts[f"n{index}"] = f"{rng.randint(3, 4000):,}"
        event = rng.choice(self.topic["event"])
        self.facts["event"], self.facts["event_cap"] = event, event[0].upper() + event[1:]

    def fill(self, template: str) -> str:
        text = _choices(template, self.rng)

        def slot(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in self.facts:
                return self.facts[name]
            return self.rng.choice(self.topic[name])

        text = re.sub(r"\{(\w+)\}", slot, text)
        text = re.sub(r"\s+([,.])", r"\1", text.replace("  ", " "))
        return text[0].upper() + text[1:]

    def paragraph(self, pool: list[str]) -> str:
        count = min(len(pool), self.rng.randint(2, 4))
        return " ".join(self.fill(template) for template in self.rng.sample(pool, count))

    def article(self) -> tuple[str, list[str]]:
        lead = self.fill(self.rng.choice(LEAD))
        body = [self.paragraph(BODY) for _ in range(self.rng.randint(10, 14))]
        return self.headline(), [lead, *body]

    def headline(self) -> str:
        return self.fill(self.rng.choice(self.topic["headline"]))


def rewrite(story: Story, title: str, paragraphs: list[str], rng: random.Random) -> tuple[str, list[str], float, str]:
    """Another outlet's version: (title, paragraphs, hours after the original, what was done)."""
    kinds = ["wire", "cut", "cut_middle", "add", "headline", "edits", "rewrite", "update", "reorder"]
    ops = rng.sample(kinds, rng.randint(1, 3))
    paragraphs = list(paragraphs)
    hours = rng.uniform(0.2, 20)
    for op in ops:
        if op == "wire":
            when = story.when
            prefix = f"{story.facts['city'].upper()}, {MONTHS[when.month - 1]} {when.day} ({rng.choice(AGENCIES)}) - "
            paragraphs[0] = prefix + paragraphs[0]
            keep = max(3, round(len(paragraphs) * rng.uniform(0.5, 0.9)))
            paragraphs = paragraphs[:keep]
            title = story.headline()
        elif op == "cut":
            paragraphs = paragraphs[: max(2, round(len(paragraphs) * rng.uniform(0.3, 0.8)))]
        elif op == "cut_middle" and len(paragraphs) > 4:
            for _ in range(rng.randint(1, 3)):
                paragraphs.pop(rng.randrange(1, len(paragraphs) - 1))
        elif op == "add":
            for _ in range(rng.randint(1, 3)):
                pool = LOCAL if rng.random() < 0.5 else BODY
                paragraphs.insert(rng.randint(1, len(paragraphs)), story.paragraph(pool))
        elif op == "headline":
            title = story.headline()
        elif op == "edits":
            edited = []
            for paragraph in paragraphs:
                for _ in range(rng.randint(0, 2)):
                    pattern, replacement = rng.choice(EDITS)
                    paragraph = re.sub(pattern, replacement, paragraph, count=1)
                paragraph = re.sub(r"(\d),(\d{3})", r"\1\2", paragraph) if rng.random() < 0.3 else paragraph
                edited.append(paragraph)
            paragraphs = edited
        elif op == "rewrite":
            # a rewrite desk: in about half the paragraphs one sentence is replaced by the outlet's own
            rewritten = [paragraphs[0]]
            for paragraph in paragraphs[1:]:
                sentences = re.split(r"(?<=[.!?\"]) (?=[A-Z\"])", paragraph)
                if rng.random() < 0.5:
                    sentences[rng.randrange(len(sentences))] = story.fill(rng.choice(BODY))
                rewritten.append(" ".join(sentences))
            paragraphs = rewritten
        elif op == "update":
            paragraphs.append(story.fill(rng.choice(UPDATE)))
            paragraphs[0] = paragraphs[0].replace(story.facts["n1"], story.facts["n7"], 1)
            title = "UPDATE 1-" + title
            hours += rng.uniform(4, 30)
        elif op == "reorder" and len(paragraphs) > 4:
            i, j = rng.sample(range(1, len(paragraphs)), 2)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    return title, paragraphs, hours, "+".join(ops)


def doc_id(*parts: object) -> str:
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:16]


def rewrite_corpus(stories: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    start = datetime(2025, 3, 1, 6, 0)
    docs = []
    for number in range(stories):
        story = Story(number, rng, start, span_days=60)
        title, paragraphs = story.article()
        docs.append(Doc(doc_id("s", seed, number, 0), number, title, "\n\n".join(paragraphs), story.when.isoformat()))
        for copy in range(1, rng.randint(2, 6)):
            new_title, new_paragraphs, hours, ops = rewrite(story, title, paragraphs, rng)
            published = (story.when + timedelta(hours=hours)).isoformat()
            text = "\n\n".join(new_paragraphs)
            docs.append(Doc(doc_id("s", seed, number, copy), number, new_title, text, published, ops))
    rng.shuffle(docs)
    return docs


def distinct_corpus(count: int, seed: int) -> list[Doc]:
    rng = random.Random(seed * 7919 + 1)
    start = datetime(2025, 6, 1, 6, 0)
    docs = []
    for number in range(count):
        story = Story(number, rng, start, span_days=14)
        title, paragraphs = story.article()
        text = "\n\n".join(paragraphs)
        published = story.when.isoformat()
        city = story.facts["city"]
        docs.append(Doc(doc_id("d", seed, number), number, title, text, published, "", story.topic_name, city))
    return docs


def pair_scores(truth: list[int], predicted: Iterable[object]) -> tuple[float, float, float, int]:
    """Pairwise precision, recall, F1 of a clustering, and the number of falsely joined pairs."""
    predicted = list(predicted)

    def pairs(counter: Counter[object]) -> int:
        return sum(size * (size - 1) // 2 for size in counter.values())

    true_pairs = pairs(Counter(truth))
    found_pairs = pairs(Counter(predicted))
    right = pairs(Counter(zip(truth, predicted, strict=True)))
    precision = right / found_pairs if found_pairs else 1.0
    recall = right / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, found_pairs - right


def run_index(docs: list[Doc]) -> tuple[list[str], float, float]:
    """Story ids in doc order, wall seconds and CPU seconds (the machine may be shared)."""
    index = StoryIndex()
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        index.add(doc.article_id, doc.text, doc.title, doc.published)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return [index.story_of(doc.article_id) for doc in docs], elapsed, cpu


def rate(count: int, elapsed: float, cpu: float) -> str:
    return (
        f"grouped in {elapsed:.1f} s wall, {cpu:.1f} s CPU: {count / elapsed:,.0f} articles/s wall, "
        f"{count / cpu:,.0f} articles/s per CPU-second (one core)"
    )


def baseline(docs: list[Doc], key: Callable[[Doc], str]) -> list[str]:
    return [key(doc) for doc in docs]


def report(name: str, truth: list[int], predicted: list[str]) -> None:
    precision, recall, f1, false_pairs = pair_scores(truth, predicted)
    print(f"  {name:<28} P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}  false pairs {false_pairs:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1000, help="stories in the rewrite corpus")
    parser.add_argument("--distinct", type=int, default=10_000, help="distinct articles for the false-merge run")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    docs = rewrite_corpus(args.stories, args.seed)
    truth = [doc.story for doc in docs]
    words = sum(len(doc.text.split()) for doc in docs) / len(docs)
    print(f"rewrite corpus: {args.stories:,} stories, {len(docs):,} articles (mean {words:.0f} words), "
          f"seed {args.seed}, fed in random order")  # fmt: skip
    predicted, elapsed, cpu = run_index(docs)
    report("StoryIndex (MinHash LSH)", truth, predicted)
    report("exact body hash", truth, baseline(docs, lambda doc: " ".join(doc.text.split())))
    report("exact headline", truth, baseline(docs, lambda doc: doc.title.casefold()))
    print(f"  {rate(len(docs), elapsed, cpu)}")
    # per rewrite: how often a copy made with it landed in its original's story
    original = {doc.story: group for doc, group in zip(docs, predicted, strict=True) if not doc.ops}
    joined: Counter[str] = Counter()
    made: Counter[str] = Counter()
    for doc, group in zip(docs, predicted, strict=True):
        for op in doc.ops.split("+") if doc.ops else []:
            made[op] += 1
            joined[op] += group == original[doc.story]
    tally = ", ".join(f"{op} {joined[op]}/{made[op]}" for op in sorted(made))
    print(f"  copy joined its original, by rewrite: {tally}")

    if args.distinct:
        distinct = distinct_corpus(args.distinct, args.seed)
        words = sum(len(doc.text.split()) for doc in distinct) / len(distinct)
        predicted, elapsed, cpu = run_index(distinct)
        _, _, _, false_pairs = pair_scores([doc.story for doc in distinct], predicted)
        titles = pair_scores([doc.story for doc in distinct], baseline(distinct, lambda doc: doc.title.casefold()))[3]
        # the hard negatives: different stories on the same topic in the same city, a week apart or less
        near = Counter((doc.topic, doc.city) for doc in distinct)
        print(f"distinct run: {len(distinct):,} articles (mean {words:.0f} words), published within 14 days; "
              f"{sum(n * (n - 1) // 2 for n in near.values()):,} pairs share topic and city")  # fmt: skip
        print(f"  StoryIndex false pairs {false_pairs:,}   (exact headline baseline: {titles:,} false pairs)")
        print(f"  {rate(len(distinct), elapsed, cpu)}")


if __name__ == "__main__":
    main()
