"""Cross-source actor merging: one global actor per real-world entity."""

from __future__ import annotations

from actor_helpers import by_name, extraction, seed

from generator.crossref.actors import merge_actors

SOURCE_A = """Dr. Priya Raman, chief scientist at Nova Labs, said the General Data Protection \
Regulation (GDPR) slows research. The European Union and the European Commission disagree. \
The U.S. government has urged the EU to relax the rules, officials in the United States said. \
The EU’s AI Office is reviewing the complaint."""

SOURCE_B = """Raman told Reuters on Monday that the GDPR must change. Nova Labs declined to \
comment. The US administration backed the lab, while the EU said the Commission would respond \
within weeks. Critics in the US were unconvinced."""

SOURCE_C = """Priya Ramen, the Nova Labs researcher, repeated her criticism on Friday. The \
European Union’s data chief said the EU AI Office would publish guidance. Dr. Aaron Raman, an \
unrelated economist, disagreed."""


def merged(*texts: str):
    exts = [extraction(text, f"src{n}") for n, text in enumerate(texts)]
    actors, mapping = merge_actors(exts)
    return exts, actors, mapping


def _sources(actor) -> set[str]:
    """The sources that mention the actor."""
    return {m.source for m in actor.mentions}


def _sources_of(actors, name: str) -> set[str]:
    return _sources(by_name(actors, name))


def test_same_entity_across_sources_is_one_actor():
    exts, actors, mapping = merged(SOURCE_A, SOURCE_B)
    assert _sources_of(actors, "Nova Labs") == {"src0", "src1"}
    gdpr = by_name(actors, "General Data Protection Regulation")
    assert "GDPR" in gdpr.aliases and _sources(gdpr) == {"src0", "src1"}
    raman = by_name(actors, "Priya Raman")  # surname in source B joins the full name
    assert _sources(raman) == {"src0", "src1"}
    assert raman.id == "priya-raman" and raman.type == "person"
    # every local actor is mapped, and every mention now carries its global id
    for ext in exts:
        for local in ext.actors:
            gid = mapping[(ext.document.id, local.key)]
            actor = next(a for a in actors if a.id == gid)
            assert all(m.actor == gid for m in actor.mentions)


def test_distinct_entities_stay_apart():
    _, actors, _ = merged(SOURCE_A, SOURCE_B)
    ids = {
        by_name(actors, "European Union").id,
        by_name(actors, "European Commission").id,
        by_name(actors, "EU AI Office").id,
        by_name(actors, "United States").id,
        by_name(actors, "United States government").id,
    }
    assert len(ids) == 5
    # "U.S." vs "US" forms
    assert _sources_of(actors, "United States government") == {"src0", "src1"}


def test_small_misspelling_merges_but_other_people_do_not():
    _, actors, _ = merged(SOURCE_A, SOURCE_B, SOURCE_C)
    raman = by_name(actors, "Priya Raman")
    assert "Priya Ramen" in raman.aliases
    aaron = by_name(actors, "Aaron Raman")
    assert aaron.id != raman.id
    # With two Ramans in the corpus, source B's bare "Raman" cannot be assigned to either.
    assert _sources(raman) == {"src0", "src2"}
    assert _sources(aaron) == {"src2"}
    (bare,) = [a for a in actors if a.name == "Raman"]
    assert _sources(bare) == {"src1"}
    assert _sources_of(actors, "EU AI Office") == {"src0", "src2"}


def test_unambiguous_surname_joins_the_only_full_name():
    _, actors, _ = merged(SOURCE_C, "Raman said the rules were unclear.")
    assert _sources_of(actors, "Aaron Raman") == {"src0", "src1"}


def test_roles_point_to_global_ids_and_output_is_sorted_and_stable():
    exts, actors, mapping = merged(SOURCE_A, SOURCE_B, SOURCE_C)
    ids = [a.id for a in actors]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for actor in actors:
        for role in actor.roles:
            assert role.organisation is None or role.organisation in ids
        assert actor.aliases == sorted(actor.aliases)
    again, mapping2 = merge_actors(list(reversed(exts)))
    assert again == actors and mapping2 == mapping


def test_ids_do_not_depend_on_unrelated_sources():
    _, alone, _ = merged(SOURCE_A)
    _, together, _ = merged(SOURCE_A, "Oil prices rose as OPEC met in Vienna on Sunday.")
    assert {a.id for a in alone} <= {a.id for a in together}


def test_seeds_merge_into_one_actor_each():
    exts = [seed("000_2f70732335356d9f.txt"), seed("003_c2df267b112e1647.txt")]
    actors, mapping = merge_actors(exts)
    assert len(mapping) == sum(len(e.actors) for e in exts)
    for name in ("European Union", "European Commission", "Anthropic", "Mythos",
                 "Project Glasswing", "United States", "United States government"):
        actor = by_name(actors, name)
        assert _sources(actor) == {e.document.id for e in exts}, name
    assert by_name(actors, "European Union").id != by_name(actors, "European Commission").id
    assert by_name(actors, "EU AI Office").id != by_name(actors, "European Union").id
    bessent = by_name(actors, "Scott Bessent")
    assert [(r.title, r.organisation) for r in bessent.roles] == [
        ("Treasury Secretary", by_name(actors, "United States government").id)
    ]


def test_acronym_in_one_source_joins_its_expansion_in_another():
    _, actors, _ = merged(
        "The Baltic Freight Exchange Council published its weekly index on Monday.",
        "Shipping rates rose again, the BFEC said on Tuesday, citing stronger demand.",
    )
    assert _sources_of(actors, "Baltic Freight Exchange Council") == {"src0", "src1"}


def test_ambiguous_acronym_across_sources_stays_apart():
    _, actors, _ = merged(
        "The Northern Rail Authority and the National Road Association met on Monday.",
        "The NRA said on Tuesday that it would publish its findings next month.",
    )
    assert _sources_of(actors, "NRA") == {"src1"}


def test_official_name_and_its_common_short_name_merge_across_sources():
    _, actors, _ = merged(
        "The U.S. Marine Mammal and Fisheries Protection Board said it was investigating.",
        "The Marine Mammal Protection Board is sending two inspectors to the harbour.",
    )
    assert _sources_of(actors, "Marine Mammal Protection Board") == {"src0", "src1"}


def test_place_and_its_office_are_not_a_short_name():
    _, actors, _ = merged(
        "Officials said Bexar County Fire Marshal's Office had closed the road.",
        "Bexar County declared an emergency on Tuesday.",
    )
    county = by_name(actors, "Bexar County")
    assert county.type == "place" and _sources(county) == {"src1"}


def test_country_and_demonym_or_short_country_forms_name_one_body():
    _, actors, _ = merged(
        "The Ghanaian Ministry of Fisheries said the boats had been released. The UK Coastal "
        "Safety Operations centre issued a warning.",
        "Ghana’s ministry of fisheries denied the report. The United Kingdom Coastal Safety "
        "Operations said the warning stood.",
    )
    assert _sources_of(actors, "United Kingdom Coastal Safety Operations") == {"src0", "src1"}


def test_university_written_both_ways_across_sources():
    _, actors, _ = merged(
        "Researchers at the University of Eastvale said the results were robust.",
        "Eastvale University declined to comment further on Friday.",
    )
    assert _sources_of(actors, "University of Eastvale") == {"src0", "src1"}


def test_same_name_typed_differently_in_two_sources_is_one_organisation():
    _, actors, _ = merged(
        "Tern Mobile, the country's second-largest operator, won two blocks.",
        "Analysts expected Tern Mobile to bid aggressively in the auction.",
    )
    tern = by_name(actors, "Tern Mobile")
    assert tern.type == "organisation" and _sources(tern) == {"src0", "src1"}


def test_ministry_written_both_ways_across_sources():
    # "France's Ministry of Defence" in one report is "the French defence ministry" in another
    _, actors, _ = merged(
        "France's Ministry of Defence said three soldiers had been hurt in the exercise.",
        "France's defence ministry said on Friday the exercise would go on.",
    )
    sources = [_sources(a) for a in actors if "ministry" in a.name.lower()]
    assert sources == [{"src0", "src1"}]
