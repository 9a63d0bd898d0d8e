"""Third held-out dev set for actor extraction: the general failure categories of issue 3.

The five articles in ``tests/fixtures/actors_dev3/`` (Kenyan power tariffs, a Seoul court
ruling, an Indonesian ash cloud, English hospital waits, Philippine trade talks) were written
and annotated here *before* the extractor was run on them. Every name is invented. They cover
the categories measured on the held-out articles:

1. long official names joined by commas and "and" ("Ministry of Energy, Water Resources and
   Irrigation", "Office of the U.S. Trade Representative") and the acronym after them;
2. plural demonyms ("Kenyans", "Britons", "Filipinos") are never actors;
3. two capitalised words are a person only with evidence ("Bluewing Australia", "Pulse
   Ledger", "Medora Pharmacy" are not people);
4. surname-first East Asian names with hyphenated given names, the surname alone merged;
5. generic short forms ("the Court") never merge two different full names;
6. a company's first word alone goes to the entity last named in full, but a sister entity
   sharing the first word ("Hanbit Holdings", "Mabuhay Logistics") stays apart;
7. public bodies named after a country ("SkyNav Indonesia", "Investment Board Philippines")
   and geographic features ("Mount Lerapi", "Serayu Valley") are typed as such;
8. roles: co-chair, medical director, Cabinet Secretary, general counsel at X, X's chief
   executive Y, a subject minister linked to the matching ministry named in the text;
9. "the X government" / "X authorities" is the country's government; "NHS England" is an
   organisation.

The harness (matching, one test per expectation) is ``actor_harness``, as for ``test_actors_dev``,
except that two actors kept apart are compared by their full names only (category 5); the
cross-source tests at the end check category 5 and 6 across two sources.
"""

from __future__ import annotations

from actor_harness import (
    COUNTRY,
    GOV_OR_ORG,
    ORG,
    PLACE,
    ActorDevSet,
    Article,
    G,
    P,
    Want,
    describe,
    forms_of,
    full_forms,
)
from actor_helpers import extraction

from generator.crossref.actors import merge_actors
from generator.evaluation import normalise_name
from generator.models import Actor

ARTICLES: dict[str, Article] = {
    "kenya_power": Article(
        actors=[
            Want("Ministry of Energy, Water Resources and Irrigation", G,
                 accept=("Kenya Ministry of Energy, Water Resources and Irrigation",)),
            Want("Wafula Chebet", P, roles=((("Cabinet Secretary",),
                                             ("Ministry of Energy, Water Resources and "
                                              "Irrigation", "Kenya government", "Kenya")),)),
            Want("Kenya", COUNTRY, accept=("Kenya government", "Kenyan government")),
            Want("Office of the Data Protection Commissioner", G, aliases=("ODPC",)),
            Want("Kenya Power", GOV_OR_ORG),
            Want("Halima Njoroge", P, roles=((("Commissioner",),
                                              ("Office of the Data Protection Commissioner",)),)),
            Want("Peter Kiprono", P, roles=((("general counsel",), ("Kenya Power",)),)),
            Want("Grace Wanjiku", P, roles=((("chief executive",), ("Kenya Power",)),)),
            Want("Amani Odhiambo", P, roles=((("co-chair",),
                                              ("Consumer Federation of Kenya",)),)),
            Want("Consumer Federation of Kenya", ORG),
            Want("Pulse Ledger", ORG),
            Want("Lumen Kenya", ORG),
        ],
        ignore=("Nairobi", "Rift Valley"),
        never=("Kenyans", "Ugandans", "Tanzanians", "Water Resources and Irrigation",
               "Ministry of Energy", "Cabinet", "Kenyan", "Separately"),
        distinct=(("Kenya Power", "Kenya"),
                  ("Office of the Data Protection Commissioner", "Kenya Power"),
                  ("Lumen Kenya", "Kenya"),
                  ("Ministry of Energy, Water Resources and Irrigation", "Kenya Power")),
    ),
    "seoul_court": Article(
        actors=[
            Want("Seoul High Court", G, aliases=("Court",)),
            Want("Supreme Court", G),
            Want("Hanbit Mobility Inc.", ORG, aliases=("Hanbit",)),
            Want("Hanbit Holdings", ORG),
            Want("Platform Competition and Consumer Welfare Act", ("law",)),
            Want("Kang Min-seo", P, aliases=("Kang",), roles=((("judge",), ()),)),
            Want("Yoon Da-eun", P, roles=((("chief executive",), ("Hanbit Mobility Inc.",)),)),
            Want("Korea Fair Trade Commission", G, aliases=("KFTC",)),
            Want("Choi Jae-won", P, roles=((("spokesperson",),
                                            ("Korea Fair Trade Commission",)),)),
            Want("Park Ji-hoon", P, aliases=("Park",),
                 roles=((("law professor", "professor"), ("Hallim University",)),)),
            Want("Hallim University", ORG),
            Want("Ministry of Science, Technology and Digital Innovation", G),
            Want("South Korea", COUNTRY, accept=("South Korean government",
                                                 "South Korea government")),
        ],
        ignore=("Seoul",),
        never=("Koreans", "Digital Innovation", "Min-seo", "Ji-hoon", "Presiding",
               "Shares", "Technology and Digital Innovation"),
        distinct=(("Seoul High Court", "Supreme Court"),
                  ("Hanbit Mobility Inc.", "Hanbit Holdings"),
                  ("Korea Fair Trade Commission", "Seoul High Court"),
                  ("Kang Min-seo", "Park Ji-hoon")),
    ),
    "merapi_ash": Article(
        actors=[
            Want("Indonesia", COUNTRY, accept=("Indonesia government", "Indonesian government",
                                               "Indonesian authorities")),
            Want("Centre for Volcanology, Seismology and Geological Hazard Mitigation", G,
                 aliases=("centre",)),
            Want("Budi Santoso", P, roles=((("head",), (
                "Centre for Volcanology, Seismology and Geological Hazard Mitigation",)),)),
            Want("SkyNav Indonesia", GOV_OR_ORG),
            Want("Dwi Hartono", P, roles=((("spokesperson",), ("SkyNav Indonesia",)),)),
            Want("Nusantara Air", ORG),
            Want("Bluewing Australia", ORG),
            Want("Ayu Lestari", P, roles=((("medical director",),
                                           ("Kelam General Hospital",)),)),
            Want("Kelam General Hospital", ORG),
            Want("Retno Wulandari", P, roles=((("spokesperson",), ()),)),
            Want("Hendra Gunawan", P, roles=((("Seismologist",), ("Gadjah Raya University",)),)),
            Want("Gadjah Raya University", ORG),
            Want("Mount Lerapi", PLACE),
        ],
        ignore=("Jakarta", "Java", "Bali", "Serayu Valley", "Kelam River"),
        never=("Australians", "Villagers", "Australia", "Indonesian", "Dr"),
        distinct=(("SkyNav Indonesia", "Indonesia"),
                  ("Bluewing Australia", "Nusantara Air"),
                  ("Kelam General Hospital", "Kelam River")),
    ),
    "nhs_waits": Article(
        actors=[
            Want("Owen Pritchard", P, roles=((("Health Secretary",),
                                              ("Department of Health and Social Care",)),)),
            Want("Department of Health and Social Care", G, aliases=("department",)),
            Want("NHS England", GOV_OR_ORG),
            Want("Siobhan Gallagher", P, roles=((("medical director",), ("NHS England",)),)),
            Want("NHS Confederation", ORG),
            Want("Nadia Rahman", P, roles=((("co-chair",), ("Patients First Alliance",)),)),
            Want("Patients First Alliance", ORG),
            Want("Medora Pharmacy", ORG),
            Want("Tom Ashworth", P, roles=((("chief executive",), ("Medora Pharmacy",)),)),
            Want("British Medical Association", ORG, aliases=("BMA",)),
            Want("Ravi Menon", P, roles=((("chairs", "chair"), ("British Medical Association",)),)),
        ],
        ignore=("London",),
        never=("Britons", "Health Secretary", "Social Care", "Its", "Professor"),
        distinct=(("NHS England", "NHS Confederation"),
                  ("Department of Health and Social Care", "NHS England"),
                  ("Medora Pharmacy", "Tom Ashworth")),
    ),
    "manila_trade": Article(
        actors=[
            Want("Philippines", COUNTRY, accept=("Philippine government",
                                                 "Philippines government")),
            Want("Ramon Dizon", P, aliases=("Dizon",), roles=(
                (("Trade Secretary", "Secretary"),
                 ("Department of Trade, Industry and Investment Promotion",)),)),
            Want("Department of Trade, Industry and Investment Promotion", G),
            Want("Office of the U.S. Trade Representative", G, aliases=("USTR",)),
            Want("Laura Bennett", P, roles=((("Trade Representative",),
                                             ("Office of the U.S. Trade Representative",)),)),
            Want("Investment Board Philippines", G),
            Want("Mabuhay Foods Corp.", ORG, aliases=("Mabuhay Foods", "Mabuhay")),
            Want("Andres Villanueva", P, roles=((("chief executive",), ("Mabuhay Foods Corp.",)),)),
            Want("Mabuhay Logistics", ORG),
            Want("Lena Ortiz", P, roles=((("head",), ("Dunmore Research",)),)),
            Want("Dunmore Research", ORG),
        ],
        ignore=("Manila", "Washington", "Singapore", "United States", "U.S.", "US"),
        never=("Filipinos", "Office of the U.S.", "Asia-Pacific", "Industry and Investment "
               "Promotion", "Investment Promotion"),
        distinct=(("Mabuhay Foods Corp.", "Mabuhay Logistics"),
                  ("Office of the U.S. Trade Representative", "Laura Bennett"),
                  ("Investment Board Philippines", "Philippines")),
    ),
}

# Expectations the extractor does not meet yet (documented limits, see the report);
# strict, so fixing one makes its test fail until it is taken off this list.
# Found after the expectations were written and kept as written (strict, so a fix shows):
# - "Kenya" / "Philippines": the expectation folds the country and its government into
#   one profile, while the extractor keeps the place ("Kenya's Ministry ...") apart from
#   "the Kenyan government" as the issue asks (apart unless the text uses one for the
#   other), so the two profiles count as a split here.
# - the volcanology centre is typed organisation: nothing in its name or the text says
#   it is a public body ("Centre" heads private research bodies as often).
KNOWN_MISSES: set[str] = {
    "kenya_power:found:Kenya",
    "manila_trade:found:Philippines",
    "merapi_ash:type:Centre for Volcanology, Seismology and Geological Hazard Mitigation",
}

DEV = ActorDevSet("actors_dev3", ARTICLES, KNOWN_MISSES, keep_apart_forms=full_forms)
globals().update(DEV.tests())  # one test per expectation, ids as test_x[article:kind:label]


# ------------------------------------------------------------------ across two sources

COURT_A = ("The Varna District Court on Monday fined the port operator. The Court said the "
           "operator had ignored safety orders.")
COURT_B = ("The Constitutional Court will hear the appeal in May. The Court has overturned "
           "two similar fines.")
FIRM_A = ("Tarsel Inc. reported record sales on Monday. Tarsel said demand for its drones "
          "had doubled.")
FIRM_B = ("Tarsel Holdings, which owns several drone makers, sold bonds on Tuesday. Tarsel "
          "said it would use the money to repay loans.")


def _merged(*texts: str) -> list[Actor]:
    extractions = [extraction(text, f"src{i}") for i, text in enumerate(texts)]
    merged, _ = merge_actors(extractions)
    return merged


def _holders(actors: list[Actor], name: str) -> list[Actor]:
    form = normalise_name(name)
    return [a for a in actors if form in forms_of(a)]


def _assert_found_and_apart(actors: list[Actor], left: str, right: str) -> None:
    """Both names have a profile, and no profile holds both."""
    left_ids = {a.id for a in _holders(actors, left)}
    right_ids = {a.id for a in _holders(actors, right)}
    assert left_ids and right_ids, describe(actors)
    assert not left_ids & right_ids, describe(actors)


def test_generic_court_alias_does_not_merge_two_courts_across_sources() -> None:
    _assert_found_and_apart(_merged(COURT_A, COURT_B), "Varna District Court",
                            "Constitutional Court")


def test_sister_companies_sharing_a_first_word_stay_apart_across_sources() -> None:
    _assert_found_and_apart(_merged(FIRM_A, FIRM_B), "Tarsel Inc.", "Tarsel Holdings")


def test_legal_suffix_alone_does_not_split_a_company_across_sources() -> None:
    actors = _merged("Orvane Ltd said profits rose.", "Orvane said on Friday that profits rose.")
    assert len(_holders(actors, "Orvane Ltd")) == 1
    assert {a.id for a in _holders(actors, "Orvane Ltd")} == {
        a.id for a in _holders(actors, "Orvane")}, describe(actors)
