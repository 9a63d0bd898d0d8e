"""Relations between actors, each with its sentence as evidence."""

from __future__ import annotations

from actor_helpers import extraction, seed

ARTICLE = """Helio Robotics released its Atlas 2 model on Thursday. The Atlas 2 model, developed \
by Helio Robotics, sorts parcels without human help.
Meanwhile, Orbit Systems opposed Helio Robotics, and the Japanese government welcomed \
Helio Robotics. Japan’s Digital Agency has been granted early access, while \
Germany’s Federal Cartel Office remains excluded.
Helio Robotics informed the European Commission of the release, a company spokesperson \
told Bloomberg. Kenji Sato, chief executive of Helio Robotics, said the Commission is seeking \
access to the model.
"""


def triples(ext) -> set[tuple[str, str, str]]:
    names = {a.key: a.name for a in ext.actors}
    return {(names[r.subject], r.predicate, names[r.object]) for r in ext.relations}


def test_relations_from_text_with_evidence():
    ext = extraction(ARTICLE, "rel")
    found = triples(ext)
    expected = {
        ("Helio Robotics", "develops", "Atlas 2"),
        ("Japan government", "supports", "Helio Robotics"),
        ("Orbit Systems", "opposes", "Helio Robotics"),
        ("Japan Digital Agency", "granted_access", "Atlas 2"),
        ("Japan Digital Agency", "part_of", "Japan"),
        ("Germany Federal Cartel Office", "excluded_from", "Atlas 2"),
        ("Helio Robotics", "informs", "European Commission"),
        ("Bloomberg", "reports_on", "Helio Robotics"),
        ("Kenji Sato", "works_for", "Helio Robotics"),
        ("European Commission", "seeks_access", "Atlas 2"),
    }
    missing = expected - found
    assert not missing, (missing, found)
    sentences = {s.id: s for s in ext.sentences}
    for rel in ext.relations:
        assert rel.source == "rel" and rel.sentence in sentences
        assert rel.text and rel.text.split()[0] in " ".join(ext.document.text.split())


def test_relations_are_deduplicated_and_never_reflexive():
    ext = extraction(ARTICLE + ARTICLE.replace("Thursday", "Friday"), "dup")
    keys = [(r.subject, r.predicate, r.object) for r in ext.relations]
    assert len(keys) == len(set(keys))
    assert all(r.subject != r.object for r in ext.relations)


def test_no_relation_without_a_cue():
    ext = extraction("Helio Robotics and the European Commission both have offices in Tokyo. "
                     "Orbit Systems also works in Osaka.", "none")
    assert ext.relations == []


def test_seed_relations():
    ext = seed("000_2f70732335356d9f.txt")
    found = triples(ext)
    assert {
        ("Anthropic", "develops", "Mythos"),
        ("Anthropic", "runs", "Project Glasswing"),
        ("U.K. AI Security Institute", "granted_access", "Mythos"),
        ("EU AI Office", "excluded_from", "Mythos"),
        ("EU AI Office", "part_of", "European Union"),
        ("Anthropic", "informs", "European Commission"),
        ("White House", "opposes", "Anthropic"),
        ("Wall Street Journal", "reports_on", "White House"),
        ("CNBC", "reports_on", "Anthropic"),
        ("Dario Amodei", "works_for", "Anthropic"),
        ("Scott Bessent", "works_for", "United States government"),
    } <= found
    # "restricting the EU's access to Mythos" does not make the EU its developer
    assert ("European Union", "develops", "Mythos") not in found
    other = triples(seed("003_c2df267b112e1647.txt"))
    assert ("European Union", "granted_access", "GPT-5.5-Cyber") in other
    assert ("Thomas Regnier", "works_for", "European Union") in other
