"""The pipeline, stage by stage: load seeds → extract → cross-reference → curate → render → build.

Each stage is one module joined to the next by the typed models in ``models``.
Everything is gathered in memory first; files are written last (``site``), so a
failure anywhere leaves the previous output untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from generator import __version__
from generator.cache import ExtractionCache, default_cache_dir
from generator.crossref import cross_reference
from generator.curation import apply_curation, load_curation
from generator.errors import BriefingError, Problem
from generator.extract import extract_source
from generator.gcpause import paused_gc
from generator.load import load_seeds
from generator.models import Briefing, Document, SourceExtraction
from generator.project import Project

Progress = Callable[[str, int, int], None]  # (stage, done, total)

# Below this much uncached text (about 100,000 words, two to three seconds of extraction),
# starting worker processes and shipping documents to them costs more than it saves.
PARALLEL_MIN_CHARS = 600_000


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def _workers() -> int:
    configured = os.environ.get("BRIEFING_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, min(os.cpu_count() or 1, 8))


def extract_all(
    documents: list[Document],
    progress: Progress = _quiet,
    cache: ExtractionCache | None = None,
) -> list[SourceExtraction]:
    """Extract every document, reusing cached results and spreading the rest over the cores."""
    with paused_gc():
        results: list[SourceExtraction | None] = [
            cache.get(doc) if cache else None for doc in documents
        ]
    for doc, cached in zip(documents, results, strict=True):
        if cached is not None:
            # Warnings such as "same text as another seed" depend on the other seeds.
            cached.document.warnings = list(doc.warnings)
    todo = [i for i, result in enumerate(results) if result is None]
    done = len(documents) - len(todo)
    progress("extract", done, len(documents))
    # Paused for the whole loop, not only inside each extract_source: the results pile up
    # here, and between documents the collector would scan them all again and again.
    # Extraction leaves no cyclic garbage, so nothing accumulates meanwhile.
    with paused_gc():
        _extract_todo(documents, todo, results, done, progress)
    if cache:
        for i in todo:
            cache.put(documents[i], results[i])  # type: ignore[arg-type]
    extractions = [r for r in results if r is not None]
    _require_sentences(extractions)
    return extractions


def _extract_todo(documents: list[Document], todo: list[int],
                  results: list[SourceExtraction | None], done: int,
                  progress: Progress) -> None:
    """Fill ``results[i]`` for each index in ``todo``, on all cores when that pays."""
    workers = _workers()
    todo_chars = sum(len(documents[i].text) for i in todo)
    if len(todo) > 1 and todo_chars >= PARALLEL_MIN_CHARS and workers > 1:
        # The first document in this process loads every lexicon once, before the
        # workers are forked, instead of once per worker.
        first, todo_rest = todo[0], todo[1:]
        results[first] = extract_source(documents[first])
        done += 1
        with ProcessPoolExecutor(max_workers=workers) as pool:
            fresh = pool.map(extract_source, (documents[i] for i in todo_rest),
                             chunksize=max(1, len(todo_rest) // (workers * 8)))
            for i, extraction in zip(todo_rest, fresh, strict=True):
                results[i] = extraction
                done += 1
                progress("extract", done, len(documents))
    else:
        for i in todo:
            results[i] = extract_source(documents[i])
            done += 1
            progress("extract", done, len(documents))


def _require_sentences(extractions: list[SourceExtraction]) -> None:
    """A seed in which no sentence was found is almost always a wrong file: say so."""
    empty = [
        e.document.path
        for e in extractions
        if not any(any(ch.isalpha() for ch in s.text) for s in e.sentences)
    ]
    if empty:
        raise BriefingError([
            Problem(path, "no sentence with words found in this seed",
                    hint="check that it is an article in plain text, Markdown or HTML; "
                         "remove it from seeds/ if it is not")
            for path in empty
        ])


def make_briefing(
    project: Project,
    progress: Progress = _quiet,
    *,
    use_cache: bool = True,
) -> Briefing:
    """Seeds in, cross-referenced (and, unless disabled, curated) briefing out. Writes no output."""
    documents = load_seeds(project)
    progress("load", len(documents), len(documents))
    curation = load_curation(project) if project.use_curation else None
    cache = ExtractionCache(default_cache_dir()) if use_cache else None
    extractions = extract_all(documents, progress, cache)
    briefing = cross_reference(extractions)
    progress("crossref", 1, 1)
    briefing.generator_version = __version__
    if curation is not None:
        briefing = apply_curation(briefing, curation)
    return briefing
