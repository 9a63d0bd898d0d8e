"""Stage 3: cross-reference the per-source extractions into one briefing.

Actors are merged across sources first (one actor per real-world entity), then
every source-local actor key is rewritten to its global id, then claims are
clustered across sources and given a status.
"""

from __future__ import annotations

from generator.crossref.actors import evolve, merge_actors
from generator.crossref.claims import cluster_claims
from generator.gcpause import paused_gc
from generator.models import (
    Briefing,
    ClaimCandidate,
    Relation,
    Source,
    SourceExtraction,
    timeline_key,
)


def _source_of(extraction: SourceExtraction) -> Source:
    doc = extraction.document
    meta = doc.metadata
    return Source(
        id=doc.id,
        path=doc.path,
        format=doc.format,
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        language=meta.language,
        text=doc.text,
        sentences=extraction.sentences,
        summary=list(extraction.key_points),
        notes=list(extraction.notes),
        reliability=meta.reliability,
        content_hash=doc.content_hash,
        author=meta.author,
    )


def _global(
    local_to_global: dict[tuple[str, str], str], source: str, key: str | None
) -> str | None:
    if key is None:
        return None
    return local_to_global.get((source, key), key)


def _rekey_claims(
    extraction: SourceExtraction, local_to_global: dict[tuple[str, str], str]
) -> list[ClaimCandidate]:
    source = extraction.document.id
    rekeyed = []
    for cand in extraction.claims:
        appearance = evolve(
            cand.appearance,
            attributed_to=_global(local_to_global, source, cand.appearance.attributed_to),
        )
        actors = sorted({_global(local_to_global, source, k) or k for k in cand.actors})
        subject = _global(local_to_global, source, cand.subject)
        rekeyed.append(evolve(cand, appearance=appearance, actors=actors, subject=subject))
    return rekeyed


def _rekey_relations(
    extraction: SourceExtraction, local_to_global: dict[tuple[str, str], str]
) -> list[Relation]:
    source = extraction.document.id
    return [
        evolve(
            rel,
            subject=_global(local_to_global, source, rel.subject) or rel.subject,
            object=_global(local_to_global, source, rel.object) or rel.object,
        )
        for rel in extraction.relations
    ]


def cross_reference(extractions: list[SourceExtraction]) -> Briefing:
    with paused_gc():
        return _cross_reference(extractions)


def _cross_reference(extractions: list[SourceExtraction]) -> Briefing:
    extractions = sorted(extractions, key=lambda e: e.document.id)
    sources = [_source_of(e) for e in extractions]
    actors, local_to_global = merge_actors(extractions)
    candidates = [c for e in extractions for c in _rekey_claims(e, local_to_global)]
    claims = cluster_claims(candidates, sources)
    relations = [r for e in extractions for r in _rekey_relations(e, local_to_global)]
    events = sorted(
        (ev for e in extractions for ev in e.events),
        key=timeline_key,
    )
    warnings = [w for e in extractions for w in e.document.warnings]
    return Briefing(
        sources=sources,
        actors=actors,
        claims=claims,
        events=events,
        relations=relations,
        warnings=warnings,
    )
