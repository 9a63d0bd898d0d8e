"""The harness shared by the text-level dev sets (``test_text_dev*.py``): every article of a
fixture folder through load + ``extract_source``, and lookups of a sentence or an event by a
verbatim snippet that occurs once in its article."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from generator.models import Event, Sentence, SourceExtraction

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def extract_folder(folder: str) -> dict[str, SourceExtraction]:
    """Every article of ``tests/fixtures/<folder>/`` extracted, keyed by file name."""
    from generator.extract import extract_source
    from generator.load import load_seeds
    from generator.project import Project

    with tempfile.TemporaryDirectory(prefix=f"{folder}-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for path in sorted((FIXTURES / folder).iterdir()):
            shutil.copy2(path, seeds / path.name)
        docs = load_seeds(Project.at(tmp, seeds=seeds, use_curation=False))
        return {Path(d.path).name: extract_source(d) for d in docs}


def find_sentence(folder: str, file: str, snippet: str) -> Sentence:
    ex = extract_folder(folder)[file]
    text = ex.document.text
    assert text.count(snippet) == 1, f"snippet not unique in {file}: {snippet!r}"
    offset = text.index(snippet)
    found = [s for s in ex.sentences if s.start <= offset < s.end]
    assert found, f"{snippet!r} lies in no sentence of {file}"
    return found[0]


def find_event(folder: str, file: str, snippet: str, when: str) -> Event:
    s = find_sentence(folder, file, snippet)
    found = [e for e in extract_folder(folder)[file].events
             if e.sentence == s.id and when in e.when]
    assert found, f"no event {when!r} in {s.text!r}"
    return found[0]
