"""Held-out dev set for actor extraction: five articles the rules were not written against.

The articles in ``tests/fixtures/actors_dev/`` (a council housing vote, a mining strike, an
EU trade dispute, a hospital data breach, a space agency launch delay) were written and
annotated here, as a careful reader would, *before* the extractor was run on them. They
check that the general rules (sentence openers, possessive apostrophes inside names,
acronyms, "the Agency" short forms, head-word typing, role patterns) carry over to text
that the evaluation cases do not contain.

Each expectation is its own test so a failure names exactly what a reader would miss; the
checks and the matching rules are in ``actor_harness``.
"""

from __future__ import annotations

from actor_harness import ORG, ActorDevSet, Article, G, P, Want

ARTICLES: dict[str, Article] = {
    "council_housing": Article(
        actors=[
            Want("Riverton City Council", G),
            Want("Calder Homes Ltd", ORG, aliases=("Calder Homes",)),
            Want("Denise Okafor", P, aliases=("Okafor",), roles=((("Mayor",), ()),)),
            Want("Civic Alliance", ORG),
            Want("Graham Whitby", P, aliases=("Whitby",),
                 roles=((("leader",), ("Riverton Independents",)),)),
            Want("Riverton Independents", ORG),
            Want("Planning Inspectorate", G, aliases=("Inspectorate",)),
            Want("Ruth Adeyemi", P, aliases=("Adeyemi",),
                 roles=((("chief executive",), ("Calder Homes Ltd",)),)),
            Want("Riverton Echo", ("media",)),
            Want("Marcus Bell", P, roles=((("chair", "chairs"), ("Riverton Tenants’ Union",)),)),
            Want("Riverton Tenants’ Union", ORG, aliases=("RTU",)),
            Want("National Housing Federation", ORG),
            Want("Department for Housing", G, aliases=("Department",)),
        ],
        ignore=("Riverton", "Ashgate", "City Hall"),
        never=("Nobody", "Everyone", "Tenants", "Officials", "Mayor", "We", "The"),
        distinct=(("Riverton City Council", "Riverton Independents"),
                  ("Riverton Tenants’ Union", "Riverton City Council"),
                  ("Calder Homes Ltd", "Ruth Adeyemi")),
    ),
    "mining_strike": Article(
        actors=[
            Want("Kestrel Mining Corp", ORG, aliases=("Kestrel",)),
            Want("Union of Northern Mineworkers", ORG, aliases=("UNM",)),
            Want("Simon Achebe", P,
                 roles=((("chief operating officer",), ("Kestrel Mining Corp",)),)),
            Want("Rosa Villalobos", P, aliases=("Villalobos",),
                 roles=((("president",), ("Union of Northern Mineworkers",)),)),
            Want("Radio Bío-Bío", ("media",)),
            Want("Labour Ministry", G, aliases=("Ministry",),
                 accept=("Chile Labour Ministry", "Chilean Labour Ministry")),
            Want("Tomás Fuentes", P, roles=((("Labour Minister",),
                                             ("Labour Ministry", "Chile government")),)),
            Want("Priya Nandakumar", P, roles=((("head",), ("Larkfield Securities",)),)),
            Want("Larkfield Securities", ORG),
            Want("London Metal Exchange", ORG),
            Want("Codelco", ORG),
            Want("Chilean Copper Commission", G, aliases=("Cochilco",)),
            Want("Daniel Hart", P, roles=((("chief executive",), ("Kestrel Mining Corp",)),)),
        ],
        ignore=("Chile", "Chile government", "Los Cerros", "Punta Alta", "Peru", "Australia",
                "London", "Santiago"),
        never=("Strike", "Shares", "Analysts", "Every", "Copper", "We", "Its"),
        distinct=(("Kestrel Mining Corp", "Union of Northern Mineworkers"),
                  ("Chilean Copper Commission", "Labour Ministry"),
                  ("Codelco", "Kestrel Mining Corp"),
                  ("Chile", "Labour Ministry")),
    ),
    "eu_trade": Article(
        actors=[
            Want("European Commission", G, aliases=("Commission",)),
            Want("European Union", ORG, aliases=("EU",)),
            Want("Beijing", ("government", "place"),
                 accept=("China government", "Chinese government")),
            Want("Ilse Marquardt", P, roles=((("Trade Commissioner", "Commissioner"),
                                              ("European Union", "European Commission")),)),
            Want("European Bus Manufacturers’ Association", ORG,
                 aliases=("EBMA", "Association")),
            Want("Paolo Ferri", P, roles=((("director general",),
                                           ("European Bus Manufacturers’ Association",)),)),
            Want("Ministry of Commerce", G,
                 accept=("China Ministry of Commerce", "Chinese Ministry of Commerce")),
            Want("Zhou Lan", P, roles=((("spokesperson",), ("Ministry of Commerce",)),)),
            Want("Gábor Szekeres", P, roles=((("foreign minister",),
                                              ("Hungary", "Hungary government",
                                              "Hungarian government")),)),
            Want("German government", G, aliases=("Berlin",),
                 accept=("Germany government",)),
            Want("Foreign Subsidies Regulation", ("law",)),
            Want("World Trade Organization", ORG),
            Want("Huaxing Motor Group", ORG),
            Want("Martin Keane", P, roles=((("partner",), ("Keane & Rowe",)),)),
            Want("Keane & Rowe", ORG),
        ],
        ignore=("China", "Brussels", "Hungary", "Shenzhen", "Europe"),
        never=("Everyone", "Not", "Shares", "Fair", "We", "If", "Its"),
        distinct=(("European Union", "European Commission"),
                  ("China", "Ministry of Commerce"),
                  ("Martin Keane", "Keane & Rowe"),
                  ("European Bus Manufacturers’ Association", "European Union")),
    ),
    "hospital_breach": Article(
        actors=[
            Want("Lakeview Health System", ORG, aliases=("Lakeview",)),
            Want("Department of Health and Human Services", G,
                 accept=("U.S. Department of Health and Human Services",)),
            Want("Black Lantern", ("organisation", "other")),
            Want("Karen Doyle", P, roles=((("chief information officer",),
                                           ("Lakeview Health System",)),)),
            Want("Federal Bureau of Investigation", G, aliases=("FBI",)),
            Want("Ohio Attorney General's Office", G),
            Want("Michael Brandt", P, roles=((("Attorney General",), ()),)),
            Want("Teresa Molina", P),
            Want("Aaron Whitlock", P, roles=((("lawyer",), ("Whitlock Legal Group",)),)),
            Want("Whitlock Legal Group", ORG),
            Want("Brett Callahan", P, aliases=("Callahan",),
                 roles=((("analyst",), ("Redline Intelligence",)),)),
            Want("Redline Intelligence", ORG),
            Want("American Hospital Association", ORG, aliases=("AHA",)),
        ],
        ignore=("Ohio", "Columbus", "Midwest", "United States", "U.S."),
        never=("Hackers", "Patients", "Security", "Her", "It", "The"),
        distinct=(("Federal Bureau of Investigation", "Department of Health and Human Services"),
                  ("Aaron Whitlock", "Whitlock Legal Group"),
                  ("Lakeview Health System", "American Hospital Association"),
                  ("Ohio Attorney General's Office", "Michael Brandt")),
    ),
    "space_delay": Article(
        actors=[
            Want("European Space Agency", ("organisation", "government"),
                 aliases=("ESA", "Agency")),
            Want("Argonaut", ("programme", "other")),
            Want("Henrik Solberg", P, aliases=("Solberg",),
                 roles=((("Director General",), ("European Space Agency",)),)),
            Want("Veyra Launch Systems", ORG, aliases=("Veyra",)),
            Want("Claire Vautrin", P, roles=((("head", "heads"), ("Veyra Launch Systems",)),)),
            Want("NASA", G),
            Want("Artemis", ("programme",)),
            Want("Lorna Whitcombe", P, roles=((("associate administrator",), ("NASA",)),)),
            Want("Agenzia Spaziale Italiana", ("government", "organisation"), aliases=("ASI",)),
            Want("Marco Ferrante", P, roles=((("president",), ("Agenzia Spaziale Italiana",)),)),
            Want("Rome", G, accept=("Italy government", "Italian government")),
            Want("Amara Osei", P, roles=((("scientist",), ("University of Leeds",)),)),
            Want("University of Leeds", ORG),
            Want("Planetary Society", ORG),
        ],
        ignore=("Paris", "Kourou", "French Guiana", "Germany", "Europe", "Moon", "Italy",
                "Artemis III"),
        never=("Some", "Rushing", "We", "Launch", "The"),
        distinct=(("European Space Agency", "NASA"),
                  ("European Space Agency", "Agenzia Spaziale Italiana"),
                  ("Veyra Launch Systems", "European Space Agency"),
                  ("Argonaut", "Artemis")),
    ),
}

# Expectations the extractor does not meet yet (documented limits, see the report);
# strict, so fixing one makes its test fail until it is taken off this list.
KNOWN_MISSES: set[str] = set()

DEV = ActorDevSet("actors_dev", ARTICLES, KNOWN_MISSES)
globals().update(DEV.tests())  # one test per expectation, ids as test_x[article:kind:label]
