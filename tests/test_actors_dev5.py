"""Fifth held-out dev set for actor extraction: courts, clubs, councils, labs and models.

The five articles in ``tests/fixtures/actors_dev5/`` (an appeal court ruling on a
privatisation, a football club takeover, a university research release, a city council
budget vote, an AI model launch) were written and annotated here *before* the extractor
was run on them. Every person, company, club and small place is invented; real public
bodies and major institutions appear as they would in such news. Besides ordinary actors
with roles, they cover:

1. judicial titles: "Justice A. W. Mutiso" (title + initials), "Lady Justice ...", a
   bench of judges and the counsel of each party ("Its counsel, X", "Its lawyer, X");
2. "Lower X" / "Upper X" place names, and district names in a list after "at";
3. a plural sentence opener that is capitalised elsewhere only inside a name
   ("Supporters have protested" beside "Supporters' Trust", "Seagrass meadows" beside
   "Seagrass Recovery Programme"), plural party names that are actors ("the
   Conservatives", "the Liberal Democrats");
4. a club's last word used alone ("Rovers" after "Harwick Rovers"), a company's first word
   ("Norvale", "Vantic", "Mavuno"), "the council", "the union", "the trust", "the
   university" after the full name, curly apostrophes ("Eastmoor’s vice-chancellor");
5. an AI model with a version number and a sibling ("Quill 3", "Quill 3 Mini", "Quill")
   kept apart from its maker; a two-word company with no suffix ("Brightwell Cloud");
6. "a senior analyst at the firm" after "Analysts at X ... published by Y": the firm is
   the analysts' employer, not the organisation named last;
7. an outlet in a credit line ("(Additional reporting by AFP)") and in a dateline
   ("LONDON, May 14 (Reuters) -") is a media actor; nationalities used as adjectives
   ("Ugandan", "American", "English", "European"), weekdays, months, headline words and
   "Sources" are never actors.

The harness is ``actor_harness`` (see ``test_actors_dev3``).
"""

from __future__ import annotations

from actor_harness import GOV_OR_ORG, ORG, PLACE, ActorDevSet, Article, G, P, Want

MEDIA = ("media",)
JOURNAL = ("media", "organisation")
LAW = ("law",)
MODEL = ("ai_model",)

ARTICLES: dict[str, Article] = {
    "mavuno_appeal": Article(
        actors=[
            Want("Court of Appeal", G),
            Want("Mavuno Fertiliser Company", GOV_OR_ORG, aliases=("Mavuno",)),
            Want("Privatisation Unit", G, aliases=("unit",)),
            Want("Public Procurement and Disposal of Public Assets Act", LAW),
            Want("A. W. Mutiso", P, aliases=("Mutiso",), roles=((("Justice",), ()),)),
            Want("Hellen Nakato", P, roles=((("Lady Justice", "Justice"), ()),)),
            Want("Moses Kiggundu", P, roles=((("Justice",), ()),)),
            Want("Granary Holdings Ltd", ORG),
            Want("Paul Ssemwogerere", P, aliases=("Ssemwogerere",),
                 roles=((("counsel",), ("Granary Holdings Ltd",)),)),
            Want("Kiyonga Growers' Cooperative Union", ORG),
            Want("Beatrice Nyanzi", P,
                 roles=((("lawyer",), ("Kiyonga Growers' Cooperative Union",)),)),
            Want("Lower Namasere", PLACE),
            Want("Upper Kitamba", PLACE),
            Want("Rose Auma", P),
            Want("Budaka", PLACE),
            Want("Kenneth Odongo", P, roles=((("Attorney General",), ()),)),
            Want("Supreme Court", G),
            Want("Ministry of Finance", G),
            Want("Samuel Okello", P,
                 roles=((("managing director",), ("Mavuno Fertiliser Company",)),)),
            Want("Tororo", PLACE),
        ],
        ignore=("Kampala", "Uganda"),
        never=("Ugandan", "Growers", "Sources", "Thursday", "Friday", "Lady", "Justice",
               "Lady Justice", "Appeal", "My", "Now", "W", "A", "Namasere", "Kitamba"),
        distinct=(("Court of Appeal", "Supreme Court"),
                  ("Mavuno Fertiliser Company", "Granary Holdings Ltd"),
                  ("Lower Namasere", "Upper Kitamba"),
                  ("Privatisation Unit", "Ministry of Finance"),
                  ("A. W. Mutiso", "Moses Kiggundu")),
    ),
    "rovers_takeover": Article(
        actors=[
            Want("Reuters", MEDIA),
            Want("Dean Mercer", P, aliases=("Mercer",)),
            Want("Harwick Rovers", ORG, aliases=("Rovers",)),
            Want("Calloway Sports Group", ORG, aliases=("Calloway",)),
            Want("Roger Ashby", P, aliases=("Ashby",),
                 roles=((("chairman",), ("Harwick Rovers",)),)),
            Want("English Football League", GOV_OR_ORG, aliases=("EFL",)),
            Want("Independent Football Regulator", GOV_OR_ORG),
            Want("Millfield Park", ("place", "other")),
            Want("Major League Soccer", ORG),
            Want("Colorado Summit FC", ORG),
            Want("Karen Liu", P, roles=((("president",), ("Calloway Sports Group",)),)),
            Want("Harwick Rovers Supporters' Trust", ORG, aliases=("trust",)),
            Want("Gemma Hollins", P,
                 roles=((("chair",), ("Harwick Rovers Supporters' Trust",)),)),
            Want("Luis Carvalho", P, roles=((("head coach", "coach"), ()),)),
            Want("Companies House", GOV_OR_ORG),
            Want("Deloitte", ORG),
        ],
        ignore=("London", "Denver", "US", "Championship"),
        never=("Supporters", "Fans", "American", "English", "Wednesday", "March", "May",
               "This", "We", "Head", "Head coach", "Analysts"),
        distinct=(("Harwick Rovers", "Harwick Rovers Supporters' Trust"),
                  ("Calloway Sports Group", "Harwick Rovers"),
                  ("English Football League", "Independent Football Regulator"),
                  ("Dean Mercer", "Calloway Sports Group"),
                  ("Major League Soccer", "Colorado Summit FC")),
    ),
    "eastmoor_seagrass": Article(
        actors=[
            Want("University of Eastmoor", ORG, aliases=("university", "Eastmoor")),
            Want("Marine Ecology Letters", JOURNAL),
            Want("Holy Island", PLACE),
            Want("River Tyne", PLACE, accept=("Tyne",)),
            Want("Helen Achterberg", P, aliases=("Achterberg",),
                 roles=((("director", "directs"), ("Centre for Coastal Ecology",)),)),
            Want("Centre for Coastal Ecology", ORG, aliases=("CCE",)),
            Want("Natural Environment Research Council", GOV_OR_ORG),
            Want("Marine Conservation Society", ORG),
            Want("Northumbria Wildlife Trust", ORG),
            Want("Tomasz Wilk", P,
                 roles=((("researcher",), ("Centre for Coastal Ecology",)),)),
            Want("Priya Raman", P, roles=((("biogeochemist",), ("Harlow Bay Institute",)),)),
            Want("Harlow Bay Institute", ORG),
            Want("Natural England", GOV_OR_ORG),
            Want("Environment Agency", G),
            Want("Seagrass Recovery Programme", ("programme",)),
            Want("Mark Olusanya", P,
                 roles=((("vice-chancellor",), ("University of Eastmoor",)),)),
        ],
        ignore=("England", "Britain"),
        never=("Seagrass", "Divers", "Volunteers", "Some", "Not", "Professor", "Dr", "Lead",
               "Lead author", "Tuesday", "June", "It", "We", "Harlow Bay"),
        distinct=(("University of Eastmoor", "Centre for Coastal Ecology"),
                  ("Natural England", "Environment Agency"),
                  ("Harlow Bay Institute", "University of Eastmoor"),
                  ("Marine Conservation Society", "Northumbria Wildlife Trust"),
                  ("Natural Environment Research Council", "Environment Agency"),
                  ("Helen Achterberg", "Centre for Coastal Ecology")),
    ),
    "brenmouth_budget": Article(
        actors=[
            Want("Brenmouth City Council", G, aliases=("council",)),
            Want("Labour", ORG, accept=("Labour group", "Labour Party")),
            Want("Conservatives", ORG, accept=("Conservative Party",)),
            Want("Liberal Democrats", ORG),
            Want("Green Party", ORG),
            Want("Fiona Marsh", P, aliases=("Marsh",),
                 roles=((("leader",), ("Brenmouth City Council",)),)),
            Want("Daniel Okoye", P, roles=((("leader",), ()),)),
            Want("Wharf Street", PLACE),
            Want("Lower Haddon", PLACE),
            Want("Brookside", PLACE),
            Want("Upper Fenwick", PLACE),
            Want("Save Brenmouth Libraries", ORG),
            Want("Margaret Quinn", P, roles=((("organiser",), ("Save Brenmouth Libraries",)),)),
            Want("Unison", ORG, aliases=("union",)),
            Want("Tom Haverford", P, roles=((("regional secretary",), ("Unison",)),)),
            Want("Ahmed Siddiqui", P, roles=((("Councillor",), ()), (("cabinet member",), ()))),
            Want("Local Government Association", GOV_OR_ORG),
            Want("Ministry of Housing, Communities and Local Government", G),
        ],
        ignore=("Brenmouth",),
        never=("Tuesday", "September", "Opposition", "Campaigners", "Nobody", "But",
               "English", "Section 114", "Section", "Its", "Councillor", "Council leader",
               "There", "Communities and Local Government", "Local Government", "Haddon",
               "Fenwick"),
        distinct=(("Brenmouth City Council", "Save Brenmouth Libraries"),
                  ("Lower Haddon", "Upper Fenwick"),
                  ("Labour", "Liberal Democrats"),
                  ("Conservatives", "Liberal Democrats"),
                  ("Local Government Association",
                   "Ministry of Housing, Communities and Local Government"),
                  ("Fiona Marsh", "Daniel Okoye")),
    ),
    "quill_launch": Article(
        actors=[
            Want("Norvale Labs", ORG, aliases=("Norvale",)),
            Want("Quill 3", MODEL, aliases=("Quill",)),
            Want("Quill 3 Mini", MODEL),
            Want("Vantic Semiconductor", ORG, aliases=("Vantic",)),
            Want("Brightwell Cloud", ORG),
            Want("Amara Whitlock-Jones", P, aliases=("Whitlock-Jones",),
                 roles=((("chief executive",), ("Norvale Labs",)),)),
            Want("DeepMind", ORG),
            Want("Halcyon Ventures", ORG),
            Want("Pellham Research", ORG),
            Want("Rhea Banerjee", P,
                 roles=((("senior analyst", "analyst"), ("Pellham Research",)),)),
            Want("EU", GOV_OR_ORG, accept=("European Union",)),
            Want("AI Act", LAW, accept=("EU AI Act",)),
            Want("European Commission", G),
            Want("AI Office", G),
            Want("AFP", MEDIA, accept=("Agence France-Presse",)),
        ],
        ignore=("London", "Frankfurt", "Google"),
        never=("Developers", "Independent", "Analysts", "Shares", "Monday", "June",
               "January", "European", "We", "Additional", "Additional reporting", "Mini",
               "AI", "It"),
        distinct=(("Norvale Labs", "Quill 3"),
                  ("Quill 3", "Quill 3 Mini"),
                  ("Norvale Labs", "Pellham Research"),
                  ("European Commission", "AI Office"),
                  ("Vantic Semiconductor", "Brightwell Cloud"),
                  ("AI Act", "AI Office"),
                  ("Rhea Banerjee", "Pellham Research")),
    ),
}

# Expectations the extractor does not meet yet; strict, so fixing one makes its test fail
# until it is taken off this list. Found after the expectations were written, kept as written:
# - "Major League Soccer", "Millfield Park", "Brightwell Cloud": two or
#   three capitalised words with no head word, title or cue are typed by their shape, which
#   is a person's; nothing general in the text says otherwise.
# - "the union" for Unison: only world knowledge says Unison is a union.
# - "the trust's chair" as a mention of the Supporters' Trust: made "the trust" a reference
#   like "the council", it also took "the trust's nursing staff" in a claims dev article
#   (tests/fixtures/claims_dev6/nurses_herald.txt), where "The union ..." is named only
#   later, and its two conflicting figures were no longer contested; left out (the role
#   "the trust's chair" is still read with the trust).
# - "Seagrass meadows ..." opens the headline and the first sentence, and "Seagrass" starts
#   a name elsewhere ("the Seagrass Recovery Programme"), as a company's first word does
#   ("Acme shares fell" after "Acme Holdings"), so it stays a one-word actor.
KNOWN_MISSES: set[str] = {
    "rovers_takeover:type:Major League Soccer",
    "rovers_takeover:type:Millfield Park",
    "quill_launch:type:Brightwell Cloud",
    "brenmouth_budget:alias:Unison+union",
    "rovers_takeover:alias:Harwick Rovers Supporters' Trust+trust",
    "eastmoor_seagrass:never",  # test_no_capitalised_non_actors: "Seagrass"
}

DEV = ActorDevSet("actors_dev5", ARTICLES, KNOWN_MISSES)
globals().update(DEV.tests())  # one test per expectation, ids as test_x[article:kind:label]
