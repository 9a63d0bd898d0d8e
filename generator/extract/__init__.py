"""Stage 2: per-source extraction.

``extract_source`` is a pure function of one ``Document`` (and the generator
version): no global state, no I/O. That makes it cacheable by content hash and
safe to run in parallel, one seed per worker.
"""

from __future__ import annotations

from generator.extract.actors import find_actors
from generator.extract.claims import find_claims
from generator.extract.events import find_events
from generator.extract.keypoints import pick_key_points
from generator.extract.quality import mark_quality
from generator.extract.relations import find_relations
from generator.extract.sentences import folded, split_sentences
from generator.gcpause import paused_gc
from generator.models import Document, SourceExtraction

__all__ = ["extract_source", "paused_gc"]


def extract_source(document: Document) -> SourceExtraction:
    with paused_gc():
        return _extract(document)


def _extract(document: Document) -> SourceExtraction:
    # The folded-sentence cache is shared by this document's stages only: a sentence
    # repeated in another document is folded again, as the work on it is.
    folded.cache_clear()
    sentences = split_sentences(document)
    notes = mark_quality(document, sentences)
    actors = find_actors(document, sentences)
    claims = find_claims(document, sentences, actors)
    events = find_events(document, sentences)
    relations = find_relations(document, sentences, actors)
    key_points = pick_key_points(sentences, actors, claims)
    return SourceExtraction(
        document=document,
        sentences=sentences,
        actors=actors,
        claims=claims,
        events=events,
        relations=relations,
        key_points=key_points,
        notes=notes,
    )
