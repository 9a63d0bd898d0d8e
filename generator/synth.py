"""Synthetic news corpora for benchmarks and scale tests.

Articles are built from a fixed cast of invented people, organisations and
countries, so actors recur across sources, claims repeat in other words and
contradict each other (different figures, granted versus denied), and some
articles are cut off mid-sentence or end with a promotional line, as real feeds
do. Everything is driven by one seed: the same ``n`` always gives the same files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

FIRST = ("Maria", "Jonas", "Aiko", "Samuel", "Leila", "Tomas", "Grace", "Ibrahim", "Elena",
         "Victor", "Nadia", "Oskar", "Priya", "Rafael", "Ingrid", "Kofi", "Lucia", "Mateo",
         "Hana", "Dmitri", "Amara", "Felix", "Sofia", "Yusuf")
LAST = ("Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak", "Whitfield", "Castillo",
        "Brandt", "Kowalski", "Mensah", "Ferreira", "Ivanova", "Achterberg", "Delacroix",
        "Nakamura", "Osei", "Varga", "Quintero", "Halvorsen", "Abernathy", "Sorensen")
ORG_STEMS = ("Northwind", "Helix", "Bluecrest", "Arcadia", "Meridian", "Cobalt", "Sable",
             "Juniper", "Orion", "Vantage", "Keystone", "Lumen", "Tessera", "Halcyon")
ORG_SUFFIX = ("Holdings", "Group", "Labs", "Energy", "Bank", "Systems", "Pharmaceuticals",
              "Logistics", "Capital", "Technologies")
MINISTRIES = ("Finance", "Health", "Energy", "Transport", "Trade", "Defence")
COUNTRIES = ("France", "Germany", "Japan", "Brazil", "Canada", "Kenya", "India", "Norway",
             "Mexico", "Poland", "Chile", "Ghana")
OUTLETS = ("Harbour Tribune", "Daily Ledger", "Continental Post", "Evening Courier",
           "Metro Wire", "Global Dispatch", "Valley Herald", "Coastal Times")
TITLES = ("chief executive", "finance minister", "spokesperson", "chief economist",
          "head of regulation", "chair")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November")
OBJECTS = ("pipeline project", "data centre", "merger", "vaccine programme", "port expansion",
           "satellite network", "rail link", "chip plant")
PROMOS = ("Read more stories like this at dailyledger.example.",
          "Subscribe to our newsletter for more exclusive insights.",
          "Share this article with your colleagues.")


@dataclass(frozen=True)
class Cast:
    people: list[tuple[str, str, str]]  # (full name, title, organisation)
    organisations: list[str]
    countries: list[str]


def make_cast(rng: random.Random, size: int) -> Cast:
    orgs = sorted({f"{rng.choice(ORG_STEMS)} {rng.choice(ORG_SUFFIX)}" for _ in range(size)})
    orgs += [f"Ministry of {m}" for m in MINISTRIES]
    people = []
    for _ in range(size):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        people.append((name, rng.choice(TITLES), rng.choice(orgs)))
    return Cast(people=people, organisations=orgs, countries=list(COUNTRIES))


def _story_facts(rng: random.Random, cast: Cast, story: int) -> dict[str, object]:
    """The facts of one story; several articles report (and sometimes misreport) them."""
    story_rng = random.Random(story * 7919 + 17)
    person = story_rng.choice(cast.people)
    return {
        "person": person,
        "org": story_rng.choice(cast.organisations),
        "other": story_rng.choice(cast.organisations),
        "country": story_rng.choice(cast.countries),
        "object": story_rng.choice(OBJECTS),
        "amount": story_rng.randrange(2, 90) * 10,
        "jobs": story_rng.randrange(1, 40) * 100,
        "month": story_rng.choice(MONTHS),
        "weekday": story_rng.choice(WEEKDAYS),
    }


def _article(rng: random.Random, facts: dict[str, object], outlet: str) -> str:
    name, title, employer = facts["person"]  # type: ignore[misc]
    surname = name.split()[-1]
    org, other, country = facts["org"], facts["other"], facts["country"]
    obj, month, weekday = facts["object"], facts["month"], facts["weekday"]
    amount = facts["amount"]
    if rng.random() < 0.15:  # a contradicting figure
        amount = int(amount) + rng.randrange(1, 5) * 10
    granted = rng.random() > 0.2
    lead = rng.choice([
        f"{org} said on {weekday} that it will invest {amount} million euros in a {obj} "
        f"in {country}.",
        f"On {weekday}, {org} announced a {amount} million euro investment in a new {obj} "
        f"in {country}.",
    ])
    paras = [
        f"{outlet} - {lead} The plan was first presented in {month}, according to people "
        f"familiar with the matter.",
        f"{name}, the {title} of {employer}, told reporters that the project would create "
        f"about {facts['jobs']} jobs. \u201cThis is a long-term commitment,\u201d {surname} said.",
        (f"The government of {country} has granted {org} a licence for the {obj}."
         if granted else
         f"The government of {country} has refused to grant {org} a licence for the {obj}."),
        f"Analysts suggest that {other} may respond with a competing offer, which could "
        f"delay the decision until later this year.",
        f"{surname} added that talks with {other} had been constructive and that the "
        f"company expects a final decision in the coming months.",
    ]
    rng.shuffle(paras[1:4])
    if rng.random() < 0.1:  # cut off mid-sentence, as scraped feeds often are
        paras[2] = paras[2].rsplit(" ", 4)[0]
    if rng.random() < 0.3:
        paras.append(rng.choice(PROMOS))
    return "\n".join(paras) + "\n"


def write_corpus(directory: Path, n: int, seed: int = 20261123) -> list[Path]:
    """Write ``n`` synthetic articles into ``directory`` (about three articles per story)."""
    rng = random.Random(seed)
    cast = make_cast(rng, size=max(12, n // 10))
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        facts = _story_facts(rng, cast, story=i // 3)
        outlet = OUTLETS[i % len(OUTLETS)]
        path = directory / f"article-{i:05d}.txt"
        path.write_text(_article(rng, facts, outlet), encoding="utf-8")
        paths.append(path)
    return paths
