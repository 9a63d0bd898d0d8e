"""Per-seed extraction cache, keyed by content hash and generator fingerprint.

``extract_source`` is a pure function of one document and the generator code, so
its result can be reused whenever neither changed. The fingerprint hashes the
generator's own source and data files: editing an extractor invalidates every
entry without anyone having to remember to bump a version.

The cache lives in the user's cache folder, never inside the project: entries are
pickles, and a pull request must not be able to plant one that CI would load.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from generator import __version__
from generator.models import Document, SourceExtraction

PACKAGE_DIR = Path(__file__).resolve().parent
_FINGERPRINTED = ("*.py", "data/*")


@lru_cache(maxsize=1)
def default_cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    explicit = os.environ.get("BRIEFING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing" / "extract"


def default_render_dir() -> Path:
    """Where the render memo lives (``generator.rendermemo``): beside the extraction cache,
    in ``render/`` under ``$BRIEFING_CACHE_DIR`` or ``$XDG_CACHE_HOME/briefing``."""
    explicit = os.environ.get("BRIEFING_CACHE_DIR")
    if explicit:
        return Path(explicit) / "render"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing" / "render"


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """Hash of the version and every extraction-relevant file of the package."""
    digest = hashlib.sha256(__version__.encode())
    for pattern in _FINGERPRINTED:
        for path in sorted(PACKAGE_DIR.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def document_key(document: Document) -> str:
    """Everything extraction reads from a document, hashed: text, id, path and metadata."""
    meta = document.metadata
    parts = [
        generator_fingerprint(),
        document.id,
        document.path,
        document.format,
        document.content_hash,
        hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest(),
        repr(
            (meta.title, meta.outlet, meta.url, meta.published, meta.language, meta.reliability,
             meta.author, meta.tags, sorted(meta.provenance.items()))
        ),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class ExtractionCache:
    """A folder of pickled ``SourceExtraction`` objects, one file per document key.

    The cache only ever holds our own output, written atomically; a corrupt or
    unreadable entry is treated as a miss.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, document: Document) -> SourceExtraction | None:
        path = self._path(document_key(document))
        try:
            with path.open("rb") as handle:
                extraction = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        if not isinstance(extraction, SourceExtraction):
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, document: Document, extraction: SourceExtraction) -> None:
        path = self._path(document_key(document))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(extraction, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
