"""Content-derived ids: slugs and short hashes that do not depend on list positions.

An id must survive unrelated edits (another seed added, a sentence inserted
elsewhere), so it is computed from what the item *says*, never from where it sits
in a list. Hashes use sha256 of UTF-8 text, which is the same on every machine and
independent of ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII slug: "Ana Nuñez" -> "ana-nunez"; accents folded, never empty."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", folded.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug or "x"


def short_hash(*parts: str, length: int = 10) -> str:
    """A short hex digest of ``parts`` (joined with a separator that cannot occur in text)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


def unique_id(base: str, taken: Iterable[str], salt: str) -> str:
    """``base`` if free, else ``base-<hash of salt>``: deterministic for the same inputs."""
    taken = set(taken)
    if base not in taken:
        return base
    candidate = f"{base}-{short_hash(salt, length=6)}"
    n = 2
    while candidate in taken:
        candidate = f"{base}-{short_hash(salt, str(n), length=6)}"
        n += 1
    return candidate


def actor_id(name: str) -> str:
    """The id an actor gets from its canonical name (used for analyst-created actors)."""
    return slugify(name)


def claim_id(quotes: Iterable[tuple[str, str]]) -> str:
    """A claim id from its appearances' (source id, normalised quote): content, not positions."""
    parts = sorted(f"{source}\x1e{' '.join(quote.split()).casefold()}" for source, quote in quotes)
    return "c-" + short_hash(*parts)
