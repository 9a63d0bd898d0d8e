"""Second held-out dev set for actor extraction, written after the blind evaluation cases.

The three articles in ``tests/fixtures/actors_dev2/`` (a Dutch port strike, a Kenyan vaccine
trial, an Arizona well contamination) were written and annotated here *before* the extractor
was run on them. They exercise, in different words and with different names, the general
causes of the misses found on the blind cases: name particles ("van der", "de", "bin",
O'), demonyms and units or currency codes that are not actors ("Ugandan", "EUR", "TEU",
"mg"), a title inside a capitalised run ("Pinal County Supervisor Rosa Delgado"),
"X University" / "University of X" / "the University", two-word company names without a
given name ("Scheldt Gateway"), a company's first word used alone ("Nyota"), a charity
named "... Office", roles in apposition to a possessive organisation ("director of the
university's Institute ...", "The university's vice-chancellor, Professor ..."), and a
country's minister ("Kenya's Health Minister ...").

The harness (matching, one test per expectation) is ``actor_harness``, as for ``test_actors_dev``.
"""

from __future__ import annotations

from actor_harness import COUNTRY, GOV_OR_ORG, ORG, ActorDevSet, Article, G, P, Want

ARTICLES: dict[str, Article] = {
    "port_strike": Article(
        actors=[
            Want("FNV Havens", ORG),
            Want("Kranvelt Terminals", ORG, aliases=("Kranvelt",)),
            Want("Pieter van der Berg", P, aliases=("Van der Berg",),
                 roles=((("leader",), ("FNV Havens",)),)),
            Want("Sanne de Vries", P,
                 roles=((("chief executive",), ("Kranvelt Terminals",)),)),
            Want("Port of Rotterdam Authority", GOV_OR_ORG),
            Want("Joris Bakker", P,
                 roles=((("spokesperson",), ("Port of Rotterdam Authority",)),)),
            Want("Scheldt Gateway", ORG),
            Want("Ministry of Infrastructure and Water Management", G,
                 accept=("Dutch Ministry of Infrastructure and Water Management",)),
            Want("Hendrik Mulder", P, roles=((("Infrastructure Minister", "minister"),
                                              ("Ministry of Infrastructure and Water "
                                               "Management",)),)),
            Want("International Transport Workers' Federation", ORG, aliases=("ITF",)),
            Want("Amina Oyelaran", P, roles=((("general secretary",),
                                              ("International Transport Workers' "
                                               "Federation",)),)),
            Want("Haverstock Capital", ORG),
        ],
        ignore=("Rotterdam", "Europe", "North Sea", "Antwerp", "Lowlands Wire", "Netherlands"),
        never=("EUR", "TEU", "Dutch", "Belgian", "Moroccan", "Spanish", "Pieter", "Van",
               "Our", "Vries"),
        distinct=(("Kranvelt Terminals", "Sanne de Vries"),
                  ("FNV Havens", "International Transport Workers' Federation"),
                  ("Port of Rotterdam Authority",
                   "Ministry of Infrastructure and Water Management")),
    ),
    "malaria_trial": Article(
        actors=[
            Want("University of Kisumu", ORG, aliases=("Kisumu University", "University")),
            Want("Institute for Tropical Immunology", ORG),
            Want("Wanjiru Kamau", P,
                 roles=((("director",), ("Institute for Tropical Immunology",)),)),
            Want("Joseph Otieno", P,
                 roles=((("vice-chancellor",), ("University of Kisumu",)),)),
            Want("Nyota Biologics", ORG, aliases=("Nyota",)),
            Want("Kenya", COUNTRY, accept=("Kenya government",)),
            Want("Yusuf bin Salim", P, aliases=("Bin Salim",),
                 roles=((("Health Minister", "minister"), ("Kenya",)),)),
            Want("Lake Victoria Health Research Council", GOV_OR_ORG, aliases=("LVHRC",)),
            Want("World Health Organization", ORG),
            Want("Global Vaccine Access Office", ORG),
            Want("Ingrid Solheim", P,
                 roles=((("director",), ("Global Vaccine Access Office",)),)),
            Want("East African Medical Review", ("media", "organisation")),
        ],
        ignore=("Nairobi", "Geneva", "Health Horizon", "Kisumu", "Africa"),
        never=("KES", "ml", "Ugandan", "Tanzanian", "Rwandan", "Kenyan", "One", "Some", "Dr",
               "These", "Yusuf", "Bin"),
        distinct=(("University of Kisumu", "Institute for Tropical Immunology"),
                  ("Global Vaccine Access Office", "World Health Organization"),
                  ("Joseph Otieno", "Wanjiru Kamau"),
                  ("Nyota Biologics", "University of Kisumu")),
    ),
    "water_wells": Article(
        actors=[
            Want("Pinal County", ("government", "place")),
            Want("Rosa Delgado", P, aliases=("Delgado",),
                 roles=((("County Supervisor", "Supervisor"), ("Pinal County",)),)),
            Want("Arizona Department of Environmental Quality", G, aliases=("ADEQ",)),
            Want("Copper Basin Dairies", ORG, aliases=("Copper Basin",)),
            Want("Sunfield Farms", ORG),
            Want("Marcus O'Neill", P, roles=((("owner",), ("Sunfield Farms",)),)),
            Want("Environmental Protection Agency", G, aliases=("EPA",),
                 accept=("U.S. Environmental Protection Agency",)),
            Want("Karen van Houten", P, roles=((("regional administrator", "administrator"),
                                                ("Environmental Protection Agency",)),)),
            Want("Clean Water Pinal", ORG),
            Want("Teresa Nakamura", P, roles=((("founder",), ("Clean Water Pinal",)),)),
            Want("Casa Grande Courier", ("media",)),
        ],
        ignore=("Arizona", "Phoenix", "Desert Dispatch", "U.S.", "United States"),
        never=("mg", "Karen", "Houten", "Nobody", "Its", "Supervisor"),
        distinct=(("Pinal County", "Clean Water Pinal"),
                  ("Copper Basin Dairies", "Sunfield Farms"),
                  ("Arizona Department of Environmental Quality",
                   "Environmental Protection Agency"),
                  ("Pinal County", "Rosa Delgado")),
    ),
}

# Expectations the extractor does not meet yet (documented limits, see the report);
# strict, so fixing one makes its test fail until it is taken off this list.
KNOWN_MISSES: set[str] = set()

DEV = ActorDevSet("actors_dev2", ARTICLES, KNOWN_MISSES)
globals().update(DEV.tests())  # one test per expectation, ids as test_x[article:kind:label]
