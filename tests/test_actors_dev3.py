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

The harness (matching, one test per expectation) is the one of ``test_actors_dev``; the
cross-source tests at the end check category 5 and 6 across two sources.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from actor_helpers import extraction, make_doc
from test_actors_dev import Article, Want, describe, forms_of, names_of

from generator.crossref.actors import merge_actors
from generator.evaluation import normalise_name, title_matches
from generator.extract.actors import find_actors
from generator.extract.quality import mark_quality
from generator.extract.relations import find_relations
from generator.extract.sentences import split_sentences
from generator.models import Actor, SourceExtraction

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "actors_dev3"

P, ORG, G = ("person",), ("organisation",), ("government",)
GOV_OR_ORG = ("government", "organisation")
COUNTRY = ("place", "government")
PLACE = ("place",)

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


@cache
def actors_of(article: str) -> tuple[Actor, ...]:
    """The article's actors as the pipeline would profile them (extract, then merge)."""
    path = FIXTURES / f"{article}.txt"
    doc = make_doc(path.read_text(encoding="utf-8"), article)
    sentences = split_sentences(doc)
    mark_quality(doc, sentences)
    local = find_actors(doc, sentences)
    relations = find_relations(doc, sentences, local)
    merged, _ = merge_actors([SourceExtraction(doc, sentences, local, [], [], relations, [])])
    return tuple(merged)


def matching(article: str, want: Want) -> list[Actor]:
    return [a for a in actors_of(article) if names_of(a) & want.forms]


def _params(kind: str) -> list:
    """One pytest param per expectation of the given kind, with a readable id."""
    out = []
    for article, spec in ARTICLES.items():
        items: list[tuple[str, object]] = []
        if kind in ("found", "type"):
            items = [(w.name, w) for w in spec.actors]
        elif kind == "alias":
            items = [(f"{w.name}+{a}", (w, a)) for w in spec.actors for a in w.aliases]
        elif kind == "role":
            items = [(f"{w.name}:{r[0][0]}", (w, r)) for w in spec.actors for r in w.roles]
        elif kind == "distinct":
            items = [(f"{a}|{b}", (a, b)) for a, b in spec.distinct]
        for label, value in items:
            pid = f"{article}:{kind}:{label}"
            marks = [pytest.mark.xfail(strict=True, reason="known limit")] if (
                pid in KNOWN_MISSES) else []
            out.append(pytest.param(article, value, id=pid, marks=marks))
    return out


@pytest.mark.parametrize(("article", "want"), _params("found"))
def test_expected_actor_has_one_profile(article: str, want: Want) -> None:
    found = matching(article, want)
    assert found, f"missed {want.name}; have: {describe(actors_of(article))}"
    others = [w.forms for w in ARTICLES[article].actors if w is not want]
    own = [a for a in found if not any(names_of(a) & f for f in others)]
    assert len(own) <= 1, f"{want.name} split over {describe(own)}"


@pytest.mark.parametrize(("article", "want"), _params("type"))
def test_expected_actor_type(article: str, want: Want) -> None:
    found = matching(article, want)
    assert found, f"missed {want.name}"
    primary = sorted(found, key=lambda a: (-len(a.mentions), a.id))[0]
    assert primary.type in want.types, describe([primary])


@pytest.mark.parametrize(("article", "pair"), _params("alias"))
def test_alias_is_merged_with_the_name(article: str, pair: tuple[Want, str]) -> None:
    want, alias = pair
    head, form = normalise_name(want.name), normalise_name(alias)
    holders = [a for a in actors_of(article) if form in forms_of(a)]
    assert any(head in forms_of(a) for a in holders), (
        f"{alias!r} not with {want.name!r}: {describe(holders) or 'alias not found'}"
    )


@pytest.mark.parametrize(("article", "pair"), _params("role"))
def test_role_with_its_organisation(article: str, pair) -> None:
    want, (titles, orgs) = pair
    found = matching(article, want)
    roles = [r for a in found for r in a.roles if any(title_matches(t, r.title) for t in titles)]
    assert roles, f"{want.name}: no {titles[0]!r}; has {[r.title for a in found for r in a.roles]}"
    if not orgs:
        return
    spec = ARTICLES[article]
    forms: set[str] = set()
    for org in orgs:
        forms |= spec.want_by_name[org].forms if org in spec.want_by_name else {
            normalise_name(org)}
    by_id = {a.id: a for a in actors_of(article)}
    served = [by_id[r.organisation] for r in roles if r.organisation in by_id]
    assert any(names_of(a) & forms for a in served), (
        f"{want.name}: {titles[0]} linked to {[a.name for a in served] or 'nothing'}"
    )


def _full_forms(spec: Article, name: str) -> set[str]:
    """Full names of an expected actor (its name and accepted system names): a generic
    alias two entities both carry ("the Court" after each court) does not make them one."""
    want = spec.want_by_name.get(name)
    if want is None:
        return {normalise_name(name)}
    return {normalise_name(n) for n in (want.name, *want.accept)}


@pytest.mark.parametrize(("article", "pair"), _params("distinct"))
def test_distinct_entities_are_kept_apart(article: str, pair: tuple[str, str]) -> None:
    spec = ARTICLES[article]
    left, right = (_full_forms(spec, n) for n in pair)
    joint = [a for a in actors_of(article) if forms_of(a) & left and forms_of(a) & right]
    assert not joint, f"{pair} merged into {describe(joint)}"


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_no_capitalised_non_actors(article: str) -> None:
    spec = ARTICLES[article]
    banned = {normalise_name(w) for w in spec.never}
    bad = [a for a in actors_of(article) if names_of(a) & banned]
    assert not bad, describe(bad)


@pytest.mark.parametrize("article", sorted(ARTICLES))
def test_actor_precision_on_dev_article(article: str) -> None:
    """At most one actor in ten may be something the reader did not list (or ignore)."""
    spec = ARTICLES[article]
    wanted = set().union(*(w.forms for w in spec.actors))
    ignored = {normalise_name(n) for n in spec.ignore}
    actors = actors_of(article)
    extra = [a for a in actors if not names_of(a) & (wanted | ignored)]
    assert len(extra) <= len(actors) // 10, f"extra actors: {describe(extra)}"


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


def test_generic_court_alias_does_not_merge_two_courts_across_sources() -> None:
    actors = _merged(COURT_A, COURT_B)
    district = _holders(actors, "Varna District Court")
    constitutional = _holders(actors, "Constitutional Court")
    assert district and constitutional, describe(actors)
    assert not {a.id for a in district} & {a.id for a in constitutional}, describe(actors)


def test_sister_companies_sharing_a_first_word_stay_apart_across_sources() -> None:
    actors = _merged(FIRM_A, FIRM_B)
    inc = _holders(actors, "Tarsel Inc.")
    holdings = _holders(actors, "Tarsel Holdings")
    assert inc and holdings, describe(actors)
    assert not {a.id for a in inc} & {a.id for a in holdings}, describe(actors)


def test_legal_suffix_alone_does_not_split_a_company_across_sources() -> None:
    actors = _merged("Orvane Ltd said profits rose.", "Orvane said on Friday that profits rose.")
    assert len(_holders(actors, "Orvane Ltd")) == 1
    assert {a.id for a in _holders(actors, "Orvane Ltd")} == {
        a.id for a in _holders(actors, "Orvane")}, describe(actors)
