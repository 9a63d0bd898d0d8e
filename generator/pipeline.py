"""The pipeline, stage by stage: load seeds → extract → cross-reference → curate → render → build.

Each stage is one module joined to the next by the typed models in ``models``.
Everything is gathered in memory first; files are written last (``site.write_docs``),
so a failure anywhere leaves the previous output untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from generator import __version__
from generator.crossref import cross_reference
from generator.curation import apply_curation, load_curation
from generator.extract import extract_source
from generator.load import load_seeds
from generator.models import Briefing, Document, SourceExtraction
from generator.project import Project

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def extract_all(documents: list[Document], progress: Progress = _quiet) -> list[SourceExtraction]:
    extractions = []
    for n, document in enumerate(documents, 1):
        extractions.append(extract_source(document))
        progress("extract", n, len(documents))
    return extractions


def make_briefing(project: Project, progress: Progress = _quiet) -> Briefing:
    """Seeds in, cross-referenced (and, unless disabled, curated) briefing out. Writes nothing."""
    documents = load_seeds(project)
    progress("load", len(documents), len(documents))
    curation = load_curation(project) if project.use_curation else None
    extractions = extract_all(documents, progress)
    briefing = cross_reference(extractions)
    briefing.generator_version = __version__
    if curation is not None:
        briefing = apply_curation(briefing, curation)
    return briefing
