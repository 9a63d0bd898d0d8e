"""Shortcuts taken for large corpora give what the plain rule gives.

Cross-referencing compares a name written in many sources once per distinct (type, name),
and the boilerplate test looks for all its literals with one prefix-tree pattern; these
tests hold both to the rule they stand for.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.crossref.actors import merge_actors
from generator.extract.prefilter import any_of
from generator.models import Document, LocalActor, Mention, Metadata, SourceExtraction


def _source(doc_id: str, *actors: tuple[str, str, list[str]]) -> SourceExtraction:
    doc = Document(id=doc_id, path=f"seeds/{doc_id}.txt", format="txt", text="",
                   metadata=Metadata(), content_hash=doc_id)
    local = []
    for n, (name, actor_type, aliases) in enumerate(actors):
        key = f"k{n}"
        mention = Mention(key, doc_id, "s1", 0, len(name), name)
        local.append(LocalActor(key, name, actor_type, aliases, [mention]))
    return SourceExtraction(doc, [], local, [], [], [], [])


def _sources_with(actors, name: str) -> list[set[str]]:
    return sorted(({m.source for m in a.mentions} for a in actors if a.name == name or
                   name in a.aliases), key=sorted)


def test_an_alias_joins_every_source_that_names_the_actor():
    # "a0" reads the name as a place, which joins nothing; in "a1".."a4" it is the model
    # itself, and only the alias in "b" says the four are one model (no two of them link
    # on their own, since their name's first carrier is the place).
    sources = [_source("a0", ("Quill Nine", "place", []))]
    sources += [_source(f"a{n}", ("Quill Nine", "ai_model", [])) for n in range(1, 5)]
    sources.append(_source("b", ("Quill Nine Pro", "ai_model", ["Quill Nine"])))
    actors, mapping = merge_actors(sources)
    model = next(a for a in actors if a.name == "Quill Nine Pro")
    assert {m.source for m in model.mentions} == {"a1", "a2", "a3", "a4", "b"}
    place = next(a for a in actors if a.type == "place")
    assert {m.source for m in place.mentions} == {"a0"}
    assert len({mapping[(f"a{n}", "k0")] for n in range(1, 5)}) == 1


def test_an_alias_naming_only_its_own_actor_links_nothing():
    sources = [_source("a", ("Quill Nine", "ai_model", ["Quill Nine"])),
               _source("b", ("Quill Nine", "place", []))]
    actors, _ = merge_actors(sources)
    assert sorted(len(a.mentions) for a in actors) == [1, 1]


LITERALS = ["rights reserved", " deal", " posted by", "[+", "posted", "©", "via getty"]
text_parts = st.sampled_from(["all rights", " reserved", " deal", "posted", " by", "[", "+",
                              "©", "via", " getty", "x", " ", "ideal", "dea"])


@given(st.lists(text_parts, max_size=12).map("".join))
def test_any_of_finds_a_literal_exactly_when_the_text_holds_one(text: str):
    assert (any_of(LITERALS).search(text) is not None) == any(lit in text for lit in LITERALS)
