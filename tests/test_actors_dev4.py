"""Fourth held-out dev set for actor extraction: places, lone letters and dateline outlets.

The five articles in ``tests/fixtures/actors_dev4/`` (floods in an invented region, a
vitamin trial, a dock strike, an election recount ruling, a chip plant) were written and
annotated here *before* the extractor was run on them. Every person, company and place
name that matters is invented. They cover three general failure categories:

1. unknown capitalised place names in locative contexts ("in the regions of Tavera and
   Kolmin", "the port of Sandvik", "flooding in Lower Varden", "near the town of Oskel",
   "Brenna province", "Halsey County") are places (type ``place``), as the gazetteer's
   known places are, never organisations;
2. a single capital letter ("Vitamin D", "group B", "Section 12 C", "the letter K",
   "N/A", initials such as "P. K." or "T. J.") is never an actor by itself, and
   "<word> <letter>" labels ("Vitamin D", "their Plan B") are not people;
3. the outlet named in a dateline's parentheses ("LJUBLJANA (Reuters) -", "(AP) —",
   "GOTHENBURG, Sweden, March 3 (AFP) -") is a media actor, even when the body never
   names it again; the names in a credit line ("Reporting by ...; Editing by ...") are
   not actors.

Ordinary actors (people with roles, companies, public bodies, an acronym in parentheses)
sit around them. The harness is ``actor_harness`` (see ``test_actors_dev3``).
"""

from __future__ import annotations

from actor_harness import COUNTRY, ORG, PLACE, ActorDevSet, Article, G, P, Want

MEDIA = ("media",)
JOURNAL = ("media", "organisation")

ARTICLES: dict[str, Article] = {
    "varden_floods": Article(
        actors=[
            Want("Reuters", MEDIA),
            Want("Lower Varden", PLACE),
            Want("Tavera", PLACE),
            Want("Kolmin", PLACE),
            Want("Oskel", PLACE),
            Want("Brenna", PLACE, accept=("Brenna province",)),
            Want("Sandvik", PLACE),
            Want("Civil Protection Directorate", G),
            Want("Marta Kovac", P, roles=((("director",), ("Civil Protection Directorate",)),)),
            Want("Nordhav Shipping", ORG),
            Want("Anton Zupan", P, roles=((("Prime Minister",), ()),)),
            Want("Red Cross", ORG),
        ],
        ignore=("Ljubljana",),
        never=("Petra Novak", "Alison Marsh", "Nobody", "Editing", "Reporting"),
        distinct=(("Tavera", "Kolmin"), ("Sandvik", "Nordhav Shipping"),
                  ("Reuters", "Lower Varden")),
    ),
    "vitamin_trial": Article(
        actors=[
            Want("AP", MEDIA, accept=("Associated Press",)),
            Want("Northern Medical Journal", JOURNAL),
            Want("Ingrid H. Solberg", P, aliases=("Solberg",)),
            Want("Halden Institute of Nutrition", ORG),
            Want("Health Ministry", G),
            Want("Lars Eid", P, roles=((("spokesperson",), ("Health Ministry",)),)),
            Want("Pharmavit Ltd", ORG),
            Want("Knut Rasmussen", P, roles=((("chief executive",), ("Pharmavit Ltd",)),)),
        ],
        ignore=("Plan B",),  # a programme's name here; acceptable as one, not required
        never=("Vitamin D", "D", "K", "B", "H", "Vitamin", "Half", "Admissions"),
        distinct=(("Ingrid H. Solberg", "Halden Institute of Nutrition"),
                  ("Lars Eid", "Health Ministry")),
    ),
    "halsey_strike": Article(
        actors=[
            Want("AFP", MEDIA, accept=("Agence France-Presse",)),
            Want("Halsey County", PLACE),
            Want("Brattvik", PLACE),
            Want("Ekeby", PLACE),
            Want("Vessby", PLACE, accept=("Vessby county",)),
            Want("Swedish Dockworkers' Union", ORG),
            Want("Erik Lindqvist", P, roles=((("chairman",), ("Swedish Dockworkers' Union",)),)),
            Want("Nordic Port Holdings", ORG),
            Want("Sofia Berg", P, roles=((("chief executive",), ()),)),
            Want("Labour Court", G),
        ],
        ignore=("Gothenburg", "Sweden", "Germany"),
        never=("Dockworkers", "Trucks", "Farmers", "Swedish"),
        distinct=(("Brattvik", "Ekeby"), ("Nordic Port Holdings", "Swedish Dockworkers' Union"),
                  ("AFP", "Halsey County")),
    ),
    "morava_recount": Article(
        actors=[
            Want("Lexwire", MEDIA),
            Want("High Court", G),
            Want("Morava", PLACE),
            Want("Kiambogo", PLACE, accept=("Kiambogo county",)),
            Want("Ruiru Falls", PLACE),
            Want("Elections Act", ("law",)),
            Want("P. K. Wanjala", P, roles=((("Justice",), ()),)),
            Want("Independent Electoral and Boundaries Commission", G,
                 aliases=("IEBC", "commission")),
            Want("Joseph M. Otieno", P),
            Want("Democratic Renewal Party", ORG),
            Want("Grace Achieng", P),
            Want("Samuel Kariuki", P, roles=((("chairman",),
                                              ("Independent Electoral and Boundaries "
                                               "Commission",)),)),
        ],
        ignore=("Nairobi",),
        never=("C", "N", "A", "P", "K", "M", "Section 12 C", "N/A", "Daniel Mwangi",
               "Ruth Njeri"),
        distinct=(("High Court", "Independent Electoral and Boundaries Commission"),
                  ("Morava", "Ruiru Falls"), ("Joseph M. Otieno", "Democratic Renewal Party")),
    ),
    "loxon_plant": Article(
        actors=[
            Want("Loxon Semiconductor", ORG, aliases=("Loxon",)),
            Want("Binh Lac", PLACE, accept=("Binh Lac province",)),
            Want("Phu Son", PLACE),
            Want("Ben Lanh", PLACE),
            Want("Tuyen Hoa", PLACE),
            Want("Chen Wei-lin", P, roles=((("chief executive",), ("Loxon Semiconductor",)),)),
            Want("Bloomberg", MEDIA),
            Want("Vietnam", COUNTRY, accept=("Vietnam government", "Vietnamese government")),
            Want("Ministry of Planning and Investment", G),
            Want("Nguyen Thi Mai", P, roles=((("Deputy Minister",),
                                              ("Ministry of Planning and Investment",)),)),
            Want("Corvus Securities", ORG),
            Want("T. J. Harlow", P, roles=((("analyst",), ("Corvus Securities",)),)),
        ],
        ignore=("Hanoi", "Taiwan", "Hsinchu"),
        never=("Plan B", "B", "T", "J", "Taiwanese", "Analysts", "Deputy Minister"),
        distinct=(("Binh Lac", "Tuyen Hoa"), ("Loxon Semiconductor", "Corvus Securities"),
                  ("Vietnam", "Ministry of Planning and Investment")),
    ),
}

# Expectations the extractor does not meet yet; strict, so fixing one makes its test fail
# until it is taken off this list. (All met since dev set 5: judicial titles with initials,
# "an analyst at the firm", plural openers capitalised only inside names.)
KNOWN_MISSES: set[str] = set()

DEV = ActorDevSet("actors_dev4", ARTICLES, KNOWN_MISSES)
globals().update(DEV.tests())  # one test per expectation, ids as test_x[article:kind:label]
