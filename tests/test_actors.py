"""Actor detection on articles written for these tests and on the real seeds."""

from __future__ import annotations

import pytest
from actor_helpers import by_name, extract, names, seed

TRADE = """The European Union said on Tuesday it would challenge Canada’s new steel tariffs at \
the World Trade Organization. However, officials insisted the dispute could still be settled.
Canadian Trade Minister Mary Ng defended the plan. "We are protecting jobs," Ng told Reuters \
on Wednesday. Sources close to the talks said the Commission had warned the Canadian government \
twice in March. Ottawa insisted the measures were temporary, and the government promised a review.
Maria Lopez, a spokesperson for the European Commission on trade policy, said the EU’s Trade \
Office would publish its findings in April. Previously, the Office had criticised similar duties.
Acme Steel CEO John Harper welcomed the Steel Safeguards Act, which takes effect in June. Harper \
said Acme Steel’s Project Forge would add 400 jobs. Some analysts doubt it. Currently, \
Significant questions remain.
"""

AI = """Nova Labs released its Falcon 3 model on Monday, a system it says can write software \
on its own. The Falcon 3 model was developed by Nova Labs in Toronto. Insiders said the U.K.’s \
Online Safety Institute has been granted early access, while France’s data regulator remains \
excluded.
U.S. Commerce Secretary Gina Raimondo said the U.S. administration is watching closely. \
Washington warned that export restrictions may follow, and the administration will decide by \
July. Despite this, U.S. President Biden praised the company’s safety work. AI remains a \
political issue.
Dr. Priya Raman, chief scientist at Nova Labs, said the lab is seeking access to U.S. \
computing grants. The lab was previously described by the Financial Times as a rising star.
"""


def test_people_organisations_and_places_get_types():
    _, _, actors = extract(TRADE)
    assert by_name(actors, "European Union").type == "organisation"
    assert by_name(actors, "World Trade Organization").type == "organisation"
    assert by_name(actors, "Canada").type == "place"
    assert by_name(actors, "Mary Ng").type == "person"
    assert by_name(actors, "Reuters").type == "media"
    assert by_name(actors, "John Harper").type == "person"
    assert by_name(actors, "Acme Steel").type == "organisation"
    assert by_name(actors, "Steel Safeguards Act").type == "law"
    assert by_name(actors, "Project Forge").type == "programme"


def test_capitalised_non_actors_never_become_actors():
    _, _, actors = extract(TRADE + AI)
    found = {n.lower() for n in names(actors)}
    for word in ("however", "sources", "some", "previously", "currently", "significant",
                 "tuesday", "wednesday", "monday", "march", "april", "june", "july", "ai",
                 "insiders", "despite"):
        assert word not in found, word


def test_a_lone_letter_is_a_name_only_where_the_text_says_so():
    text = ("The social network X said on Monday it would appeal the fine. Regulators said X "
            "had failed to act. Plan B was rejected, and group C voters backed Vitamin D "
            "trials.\n")
    _, _, actors = extract(text)
    x = by_name(actors, "X")
    assert x.type == "organisation" and len(x.mentions) == 2
    assert not {"Plan B", "B", "C", "Vitamin D", "D"} & set(names(actors))


def test_surname_and_short_forms_join_the_full_name():
    _, _, actors = extract(TRADE)
    assert "Ng" in by_name(actors, "Mary Ng").aliases
    assert "Harper" in by_name(actors, "John Harper").aliases
    # "the Commission" after "the European Commission"; "the Office" after "the EU's Trade Office"
    commission = by_name(actors, "European Commission")
    assert "Commission" in commission.aliases
    office = by_name(actors, "Trade Office")
    assert office.name == "EU Trade Office" and len(office.mentions) == 2
    assert office.key != by_name(actors, "European Union").key


def test_country_and_government_are_kept_apart():
    _, _, actors = extract(TRADE)
    canada = by_name(actors, "Canada")
    government = by_name(actors, "Canadian government")
    assert canada.key != government.key and government.type == "government"
    # a capital that acts stands for the government; "the government" refers back to it
    assert {m.text for m in government.mentions} >= {"Canadian government", "Ottawa", "government"}
    assert "Ottawa" not in names([canada])


def test_a_devolved_government_is_not_the_countrys():
    text = ("The Welsh government raised concerns on Monday. The Scottish Government said the "
            "review would finish in May, and the British government agreed. English councils "
            "face a funding gap, the English Football League said.\n")
    _, _, actors = extract(text)
    found = {a.name: a.type for a in actors}
    assert found.get("Welsh government") == "government"
    assert found.get("Scottish Government") == "government"
    assert found.get("United Kingdom government") == "government"
    assert len(by_name(actors, "United Kingdom government").mentions) == 1
    assert "English" not in found and "Welsh" not in found


def test_a_chamber_is_a_body_and_and_between_two_bodies_splits_them():
    text = ("The bill passed the Lower House on Tuesday and goes to the Upper House. Farmers "
            "in Lower Saxony protested. Chatham House and Penguin Random House said so, and "
            "the Food and Drug Administration agreed.\n")
    _, _, actors = extract(text)
    found = {a.name: a.type for a in actors}
    assert found.get("Lower House") == "government"
    assert found.get("Upper House") == "government"
    assert found.get("Lower Saxony") == "place"
    assert found.get("Chatham House") == "organisation"
    assert found.get("Penguin Random House") == "organisation"
    assert found.get("Food and Drug Administration") == "government"


def test_roles_from_titles_and_appositions():
    _, _, actors = extract(TRADE)
    ng = by_name(actors, "Mary Ng")
    assert [(r.title, r.organisation) for r in ng.roles] == [
        ("Trade Minister", by_name(actors, "Canadian government").key)
    ]
    lopez = by_name(actors, "Maria Lopez")
    (role,) = lopez.roles
    assert role.title == "spokesperson"
    assert role.organisation == by_name(actors, "European Commission").key
    assert role.qualifier == "on trade policy"
    (ceo,) = by_name(actors, "John Harper").roles
    assert (ceo.title, ceo.organisation) == ("CEO", by_name(actors, "Acme Steel").key)


def test_mentions_are_exact_spans_with_possessives_stripped():
    doc, sentences, actors = extract(TRADE)
    ids = {s.id for s in sentences}
    for actor in actors:
        for m in actor.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.sentence in ids and m.actor == actor.key
    canada = by_name(actors, "Canada")
    assert [m.text for m in canada.mentions] == ["Canada"]  # from "Canada’s"


def test_ai_models_governments_and_metonymy():
    _, _, actors = extract(AI)
    assert by_name(actors, "Falcon 3").type == "ai_model"
    assert by_name(actors, "Nova Labs").type == "organisation"
    us_gov = by_name(actors, "U.S. administration")
    assert us_gov.type == "government"
    assert {"Washington", "administration"} <= {m.text for m in us_gov.mentions}
    assert by_name(actors, "United States").key != us_gov.key
    institute = by_name(actors, "Online Safety Institute")
    assert institute.name == "U.K. Online Safety Institute"
    raimondo = by_name(actors, "Gina Raimondo")
    assert [(r.title, r.organisation) for r in raimondo.roles] == [
        ("Commerce Secretary", us_gov.key)
    ]
    assert [r.title for r in by_name(actors, "Biden").roles] == ["President"]
    raman = by_name(actors, "Priya Raman")
    assert raman.type == "person"
    assert [(r.title, r.organisation) for r in raman.roles] == [
        ("chief scientist", by_name(actors, "Nova Labs").key)
    ]
    assert by_name(actors, "Financial Times").type == "media"
    assert by_name(actors, "Toronto").type == "place"


def test_dotted_and_undotted_forms_are_one_actor():
    _, _, actors = extract("The US said the U.S. Senate must vote, but the U.S. disagreed. "
                           "The UK and the U.K. agree. Officials in the E.U. said the EU would "
                           "respond.")
    assert by_name(actors, "U.S. Senate").key != by_name(actors, "US").key
    assert by_name(actors, "US").key == by_name(actors, "U.S.").key
    assert by_name(actors, "UK").key == by_name(actors, "U.K.").key
    assert by_name(actors, "EU").key == by_name(actors, "E.U.").key


def test_acronym_after_expansion_in_parentheses():
    _, _, actors = extract("The General Data Protection Regulation (GDPR) took effect in 2018. "
                           "Regulators say the GDPR is still poorly enforced.")
    gdpr = by_name(actors, "General Data Protection Regulation")
    assert gdpr.type == "law" and "GDPR" in gdpr.aliases and len(gdpr.mentions) == 3


def test_headline_words_are_not_actors():
    _, _, actors = extract("Markets Rally As Oil Prices Slide Ahead Of Fed Meeting\n"
                           "Shares rose on Friday as traders bet the Fed would cut rates.")
    assert names(actors) <= {"Federal Reserve", "Fed"}
    assert by_name(actors, "Fed").type == "government"


# ------------------------------------------------------------------ the real seeds

SEED_A = "000_2f70732335356d9f.txt"
SEED_B = "003_c2df267b112e1647.txt"


@pytest.fixture(scope="module")
def seed_actors():
    return seed(SEED_A).actors, seed(SEED_B).actors


def test_seed_a_expected_actors(seed_actors):
    actors, _ = seed_actors
    expected = {
        "European Union": "organisation", "European Commission": "government",
        "Anthropic": "organisation", "Mythos": "ai_model", "Project Glasswing": "programme",
        "U.K. AI Security Institute": "organisation", "EU AI Office": "government",
        "CNBC": "media", "Scott Bessent": "person", "Trump": "person", "China": "place",
        "Wall Street Journal": "media", "Dario Amodei": "person", "AI Act": "law",
        "White House": "government", "United States": "place",
        "United States government": "government",
    }
    for name, actor_type in expected.items():
        assert by_name(actors, name).type == actor_type, name
    assert "Commission" in by_name(actors, "European Commission").aliases
    assert "Bessent" in by_name(actors, "Scott Bessent").aliases
    assert {"U.S. government", "U.S. administration"} <= set(
        by_name(actors, "United States government").aliases
    )
    assert by_name(actors, "Washington").type in ("place", "government")
    assert by_name(actors, "Brussels").type in ("place", "organisation")


def test_seed_a_roles(seed_actors):
    actors, _ = seed_actors
    us_gov = by_name(actors, "United States government").key
    assert [(r.title, r.organisation) for r in by_name(actors, "Scott Bessent").roles] == [
        ("Treasury Secretary", us_gov)
    ]
    assert [(r.title, r.organisation) for r in by_name(actors, "Trump").roles] == [
        ("President", us_gov)
    ]
    assert [(r.title, r.organisation) for r in by_name(actors, "Dario Amodei").roles] == [
        ("CEO", by_name(actors, "Anthropic").key)
    ]


def test_seed_b_expected_actors_and_roles(seed_actors):
    _, actors = seed_actors
    assert by_name(actors, "GPT-5.5-Cyber").type == "ai_model"
    assert by_name(actors, "European Commission").type == "government"
    regnier = by_name(actors, "Thomas Regnier")
    (role,) = regnier.roles
    assert role.title == "spokesperson"
    assert role.organisation == by_name(actors, "European Union").key
    assert role.qualifier == "on technological sovereignty"


def test_seeds_have_no_spurious_actors(seed_actors):
    for actors in seed_actors:
        found = {n.lower() for n in names(actors)}
        for word in ("some", "sources", "however", "thursday", "monday", "april", "ai",
                     "significant", "previously", "currently", "despite", "insiders",
                     "america-first", "explore", "nextfin.ai"):
            assert word not in found, word
        assert all(a.mentions for a in actors)


def test_units_currency_codes_and_demonyms_are_not_actors():
    _, _, actors = extract(
        "Tallinn Telecom paid EUR 40m for 50 MHz of spectrum in the 3.5 GHz band, while "
        "Omani, Ugandan and Bolivian bidders were excluded. The operator also moved 2 million "
        "TEU and spent KES 300m in Kenya."
    )
    found = {n.lower() for n in names(actors)}
    for word in ("eur", "mhz", "ghz", "teu", "kes", "omani", "ugandan", "bolivian"):
        assert not any(word in n.split() for n in found), (word, found)


def test_every_un_member_state_is_a_place_with_a_demonym():
    from generator.extract.names import lexicon

    lex = lexicon()
    countries = [e for e in lex.entries.values() if e.kind == "country"]
    assert len(countries) >= 193
    with_demonym = {e.key for e in lex.demonyms.values()}
    assert all(e.type == "place" for e in countries)
    assert len(with_demonym) >= 190


def test_name_particles_stay_in_the_name_and_the_surname():
    _, _, actors = extract(
        "Oman's Foreign Minister Khalid al-Rawahi met union leader Pieter van der Berg in "
        "Muscat. Al-Rawahi said the talks were useful. Van der Berg agreed."
    )
    rawahi = by_name(actors, "Khalid al-Rawahi")
    assert rawahi.type == "person" and "Al-Rawahi" in rawahi.aliases
    assert any(r.title == "Foreign Minister" for r in rawahi.roles)
    berg = by_name(actors, "Pieter van der Berg")
    assert "Van der Berg" in berg.aliases
    assert "Khalid" not in names(actors) and "Pieter" not in names(actors)


def test_title_inside_a_capitalised_run_splits_place_role_and_person():
    _, _, actors = extract(
        "Bexar County Judge Ana Lucía Ortega said the shelters would stay open overnight."
    )
    person = by_name(actors, "Ana Lucía Ortega")
    county = by_name(actors, "Bexar County")
    assert county.type == "place"
    (role,) = person.roles
    assert role.title == "County Judge" and role.organisation == county.key


def test_company_shaped_names_are_not_people():
    _, _, actors = extract(
        "Fjord Gateway, the Bergen-based operator, won the contract. Halden Robotics said it "
        "would appeal, and Halden later withdrew the claim."
    )
    assert by_name(actors, "Fjord Gateway").type == "organisation"
    halden = by_name(actors, "Halden Robotics")
    assert halden.type == "organisation" and "Halden" in halden.aliases


def test_a_portfolio_word_opening_a_sentence_belongs_to_the_title():
    # "Fisheries Minister X" opening a sentence: "Fisheries" is the minister's portfolio, as
    # it is mid-sentence, not an organisation of its own.
    _, _, actors = extract("Fisheries Minister Ruth Calloway said the quotas would be cut "
                           "next spring.\n")
    assert names(actors) == {"Ruth Calloway"}
    assert [r.title for r in by_name(actors, "Ruth Calloway").roles] == ["Fisheries Minister"]


def test_two_unknown_words_joined_by_and_open_a_sentence_as_one_company():
    # Alone, the opening word is dropped as a capitalised opener, leaving "Gamble"; the
    # sentence names one company. Names already met ("John Smith") stay two actors.
    _, _, actors = extract("Halloway and Finch agreed to buy a minority stake in the firm "
                           "on Monday.\n")
    assert names(actors) == {"Halloway and Finch"}
    assert by_name(actors, "Halloway and Finch").type == "organisation"
    _, _, actors = extract("The fund is backed by Halloway and Finch, its filing shows. "
                           "Halloway and Finch agreed to buy a minority stake on Monday.\n")
    assert names(actors) == {"Halloway and Finch"}
    assert len(by_name(actors, "Halloway and Finch").mentions) == 2
    _, _, actors = extract("John Smith and Mary Jones met in the town hall on Monday. "
                           "Smith and Jones agreed to share the cost of the repairs.\n")
    assert {a.name for a in actors} == {"John Smith", "Mary Jones"}


def test_a_name_that_reports_results_is_a_company_not_an_outlet():
    _, _, actors = extract("Last month the retailer Halvex reported record profits of 410 "
                           "million pounds. Analysts said the Harbour Gazette reported that the "
                           "deal had collapsed.\n")
    found = {a.name: a.type for a in actors}
    assert found.get("Halvex") == "organisation"
    assert found.get("Harbour Gazette") == "media"


def test_a_party_word_is_a_party_only_where_it_is_read_as_a_name():
    text = ("The Conservatives welcomed the plan. Labour said it was a good start. Labour "
            "costs rose sharply. The Labour Ministry and the labour market were not "
            "mentioned by Democrats, who argue otherwise.\n")
    _, _, actors = extract(text)
    found = {a.name: a.type for a in actors}
    assert found == {"Conservatives": "organisation", "Labour": "organisation",
                     "Labour Ministry": "government"}
    labour = by_name(actors, "Labour")
    assert len(labour.mentions) == 1  # not "Labour costs"


def test_the_words_before_of_and_a_place_name_the_same_body():
    _, _, actors = extract("The Harbour Board of Kellam owns the old swing bridge. Later the "
                           "Harbour Board rejected that account of the inspection.\n")
    assert {a.name for a in actors} == {"Harbour Board of Kellam"}
    assert "Harbour Board" in by_name(actors, "Harbour Board of Kellam").aliases


def test_a_name_before_a_natural_feature_is_a_place():
    _, _, actors = extract("A section of the road fell into the Drennick estuary on Tuesday, "
                           "and farms in the Ossery valley were flooded.\n")
    found = {a.name: a.type for a in actors}
    assert found == {"Drennick": "place", "Ossery": "place"}


def test_a_word_opening_three_bodies_names_is_their_place():
    text = ("The Kellam Civic Trust warned of corrosion. The Kellam Health Board said four "
            "people were hurt, and Kellam Police closed the road. The minister is travelling "
            "to Kellam.\n")
    _, _, actors = extract(text)
    found = {a.name: (a.type, a.aliases) for a in actors}
    assert found["Kellam"] == ("place", [])
    assert found["Kellam Health Board"][1] == []


def test_a_located_first_word_of_a_body_is_the_place_not_the_body():
    _, _, actors = extract("The site near Kellam was chosen for its port links. The firm "
                           "will open an academy with Kellam College next year.\n")
    found = {a.name: (a.type, a.aliases) for a in actors}
    assert found == {"Kellam": ("place", []), "Kellam College": ("organisation", [])}


def test_a_title_in_what_someone_said_is_not_their_role():
    _, _, actors = extract("The party's housing spokesperson, Nell Varga, said the minister "
                           "had cut the grant by a fifth two years ago.\n")
    assert [r.title for r in by_name(actors, "Nell Varga").roles] == ["spokesperson"]


def test_an_age_set_off_by_commas_makes_a_person_and_their_surname_follows():
    # "Name, 58," is an age: the bare surname mentioned twice later is the same person,
    # not an organisation outvoting the full name.
    text = ("Tobias Wrenfield, 58, was convicted on Monday. Wrenfield denied the charges. "
            "The jury heard that Wrenfield had backdated invoices.")
    _, _, actors = extract(text)
    assert by_name(actors, "Tobias Wrenfield").type == "person"


def test_the_owner_of_a_lawyer_may_be_a_person():
    # "X's lawyer" is no evidence of an organisation when X is a person's surname.
    text = ("Tobias Wrenfield was convicted on Monday. Wrenfield's lawyer, Ada Quist, said "
            "he would appeal.")
    _, _, actors = extract(text)
    assert by_name(actors, "Tobias Wrenfield").type == "person"
    assert by_name(actors, "Ada Quist").type == "person"


def test_post_nominal_letters_are_no_part_of_a_persons_name():
    # "KC", "QC", "MP", "OBE" after a full name mark a person and stay out of the name.
    text = ("Prosecutor Wilma Dunstable KC told jurors the scheme was a fraud. His barrister, "
            "Osric Penhallow QC, argued otherwise. Dunstable said the case was clear.")
    _, _, actors = extract(text)
    wilma = by_name(actors, "Wilma Dunstable")
    assert wilma.type == "person" and "Dunstable" in wilma.aliases
    assert [r.title.lower() for r in wilma.roles] == ["prosecutor"]
    osric = by_name(actors, "Osric Penhallow")
    assert osric.type == "person" and [r.title for r in osric.roles] == ["barrister"]
    assert not any("KC" in a.name or "QC" in a.name for a in actors)


def test_mp_before_a_name_is_a_title():
    _, _, actors = extract("Opposition MP Harriet Vell said the vote was rushed.\n")
    vell = by_name(actors, "Harriet Vell")
    assert vell.type == "person" and vell.roles and vell.roles[0].title.endswith("MP")


def test_an_acronym_defined_for_a_lower_case_phrase_is_a_term():
    # The initials of "earnings before interest and taxes" spell "EBIT": a term of the
    # trade, not an organisation, wherever the source uses it; a name's acronym stays.
    text = ("Adjusted earnings before interest and taxes (EBIT) rose 11%, the Harlow Mining "
            "Company (HMC) said. Analysts had expected EBIT of $40m. HMC shares rose.")
    _, _, actors = extract(text)
    assert "EBIT" not in names(actors)
    assert "HMC" in by_name(actors, "Harlow Mining Company").aliases


def test_a_department_opening_a_sentence_before_a_title_is_part_of_the_title():
    # "Finance chief X": the department names no organisation ("Transport Minister X").
    _, _, actors = extract("Finance chief Odile Sarrant was more guarded about margins.\n")
    assert names(actors) == {"Odile Sarrant"}
    assert by_name(actors, "Odile Sarrant").roles[0].title == "Finance chief"


def test_a_hyphenated_run_of_months_is_a_period_not_a_name():
    text = ("Sales for the July-to-September period rose, and April-June revenue fell, "
            "Coca-Cola said.\n")
    _, _, actors = extract(text)
    assert names(actors) == {"Coca-Cola"}


def test_a_company_name_opening_a_sentence_before_a_title_is_the_employer():
    # "Harbrook economist X": a word the source never writes in lower case, with no
    # adjective's ending, is the employer; "Independent analyst Y" is not.
    text = ("Harbrook economist Lina Sorvik said the cut was likely. Independent analyst "
            "Ben Oduya disagreed.\n")
    _, _, actors = extract(text)
    lina = by_name(actors, "Lina Sorvik")
    assert lina.roles[0].organisation == by_name(actors, "Harbrook").key
    assert by_name(actors, "Ben Oduya").roles[0].organisation is None
    assert "Independent" not in names(actors)


def test_an_age_between_a_name_and_its_apposition_keeps_the_role():
    _, _, actors = extract("Tobias Wrenfield, 58, a director of Harbrook Cables, was "
                           "convicted on Monday.\n")
    role = by_name(actors, "Tobias Wrenfield").roles[0]
    assert role.title == "director"
    assert role.organisation == by_name(actors, "Harbrook Cables").key


def test_central_banks_of_major_economies_are_known_institutions():
    _, _, actors = extract("The Riksbank held rates while Norges Bank and the RBA cut.\n")
    assert by_name(actors, "Riksbank").type == "government"
    assert by_name(actors, "Norges Bank").type == "government"
    assert by_name(actors, "Reserve Bank of Australia").type == "government"


def test_an_apposition_through_a_possessive_head_noun_gives_the_role():
    # "X, the company's former chief executive,": the company is the body named before.
    text = ("Harbrook Cables Ltd cut its dividend. Tobias Wrenfield, the company's former chief "
            "executive, said the plan had failed.\n")
    _, _, actors = extract(text)
    role = by_name(actors, "Tobias Wrenfield").roles[0]
    assert role.title == "chief executive"
    assert role.organisation == by_name(actors, "Harbrook Cables Ltd").key


def test_a_count_opening_a_sentence_is_no_part_of_a_name():
    # "Five Brenlow workers ...": the number word is capitalised only because it opens the
    # sentence; the name after it is the actor
    _, _, actors = extract("Fighting broke out on Tuesday.\n\nFive French soldiers were "
                           "killed.\n\nTwelve Brenlow Mining engineers were hurt.\n")
    assert names(actors) == {"Brenlow Mining"}


def test_a_qualified_vice_president_is_one_title():
    _, _, actors = extract('"We expect cooperation," Executive Vice-President Hanne Solvik '
                           "said on Monday.\n")
    assert names(actors) == {"Hanne Solvik"}
    assert [r.title for r in by_name(actors, "Hanne Solvik").roles] == [
        "Executive Vice-President"]


def test_a_hyphenated_pair_of_countries_names_each_country():
    # "the France-Spain border" modifies a noun: two places, not an organisation
    doc, _, actors = extract("Fighting broke out on Tuesday.\n\nTrucks queued at the "
                             "France-Spain border for a day.\n")
    assert names(actors) == {"France", "Spain"}
    for actor in actors:
        assert actor.type == "place"
        assert [doc.text[m.start:m.end] for m in actor.mentions] == [actor.name]


def test_a_demonym_opening_a_sentence_names_whose_minister():
    # "French Foreign Minister X" opening a sentence: the demonym says whose government the
    # minister serves, as mid-sentence; it is no portfolio, and no other government in
    # the source is his
    _, _, actors = extract("An official in the German government said talks would go "
                           "ahead.\n\nFrench Foreign Minister Anne Vallier said the talks "
                           "had stalled.\n")
    roles = by_name(actors, "Anne Vallier").roles
    assert [r.title for r in roles] == ["Foreign Minister"]
    assert by_name(actors, "France government").key == roles[0].organisation


def test_a_body_named_for_its_subject_with_on_is_one_name():
    _, _, actors = extract("The Brenlow Committee on Coastal Erosion met on Monday. The "
                           "Brenlow Council on Friday voted to fund it.\n")
    assert names(actors) == {"Brenlow Committee on Coastal Erosion", "Brenlow Council"}


def test_who_after_a_place_refers_to_the_person_before_it():
    # "an officer in Kandoro, who ...": "who" is the officer; Kandoro is where
    _, _, actors = extract('"We have enough doses," said a district officer in Kandoro, who '
                           "spoke on condition of anonymity.\n")
    assert by_name(actors, "Kandoro").type == "place"


def test_a_based_modifier_before_the_employer_keeps_the_role_organisation():
    _, _, actors = extract('"Every incident is a reminder," said Irina Volk, a researcher at '
                           "the Lyon-based Alpine Policy Institute.\n")
    role = by_name(actors, "Irina Volk").roles[0]
    assert role.organisation == by_name(actors, "Alpine Policy Institute").key


def test_a_ministry_of_another_country_is_not_the_ministers():
    # "French Foreign Minister X" serves France's government, not the "Spain Foreign
    # Ministry" named earlier; a Spanish foreign minister does serve it
    _, _, actors = extract("Spain's Foreign Ministry called the report false.\n\n"
                           "French Foreign Minister Anne Vallier said the talks had "
                           "stalled.\n\nSpanish Foreign Minister Luis Ortega said the talks "
                           "would resume.\n")
    assert by_name(actors, "Anne Vallier").roles[0].organisation == by_name(
        actors, "France government").key
    assert by_name(actors, "Luis Ortega").roles[0].organisation == by_name(
        actors, "Spain Foreign Ministry").key
