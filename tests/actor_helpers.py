"""Shared helpers for the actor, relation and merge tests: documents from text."""

from __future__ import annotations

from pathlib import Path

from generator.extract.actors import find_actors
from generator.extract.relations import find_relations
from generator.extract.sentences import split_sentences
from generator.models import Document, LocalActor, Metadata, Sentence, SourceExtraction

REPO = Path(__file__).resolve().parent.parent


def make_doc(text: str, doc_id: str = "t") -> Document:
    return Document(id=doc_id, path=f"seeds/{doc_id}.txt", format="txt", text=text,
                    metadata=Metadata(), content_hash=doc_id)


def extract(text: str, doc_id: str = "t") -> tuple[Document, list[Sentence], list[LocalActor]]:
    doc = make_doc(text, doc_id)
    sentences = split_sentences(doc)
    return doc, sentences, find_actors(doc, sentences)


def extraction(text: str, doc_id: str) -> SourceExtraction:
    doc, sentences, actors = extract(text, doc_id)
    relations = find_relations(doc, sentences, actors)
    return SourceExtraction(doc, sentences, actors, [], [], relations, [])


def extract_file(path: Path, doc_id: str | None = None) -> SourceExtraction:
    """A text file as the pipeline sees it (quality marks boilerplate before actors are found)."""
    from generator.extract.quality import mark_quality

    doc = make_doc(path.read_text(encoding="utf-8"), doc_id or path.stem)
    sentences = split_sentences(doc)
    mark_quality(doc, sentences)
    actors = find_actors(doc, sentences)
    return SourceExtraction(doc, sentences, actors, [], [],
                            find_relations(doc, sentences, actors), [])


def seed(name: str) -> SourceExtraction:
    """A seed from ``seeds/`` as the pipeline sees it."""
    return extract_file(REPO / "seeds" / name)


def by_name(actors: list, name: str):
    """The actor whose name or alias is ``name`` (exactly one), else AssertionError."""
    found = [a for a in actors if a.name == name or name in a.aliases]
    assert len(found) == 1, f"{name!r}: {[(a.name, a.aliases) for a in found]} of " + ", ".join(
        a.name for a in actors
    )
    return found[0]


def names(actors: list) -> set[str]:
    return {a.name for a in actors} | {alias for a in actors for alias in a.aliases}
