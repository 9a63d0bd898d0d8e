"""Typed models that join the pipeline stages.

load → ``Document`` ; extract → ``SourceExtraction`` (one per seed, a pure
function of that seed) ; cross-reference → ``Briefing`` ; render → pages.

Every extracted item carries its provenance: the source id, the sentence id
and a character span ``[start, end)`` into ``Document.text`` / ``Source.text``.
Offsets always index the *original* text as loaded (after decoding and, for
HTML, main-text extraction), never a normalised copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

ActorType = Literal[
    "person",
    "organisation",
    "government",
    "ai_model",
    "programme",
    "law",
    "place",
    "media",
    "other",
]
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
ACTOR_TYPE_LABELS: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "government": "Government",
    "ai_model": "AI model",
    "programme": "Programme",
    "law": "Law",
    "place": "Place",
    "media": "Media",
    "other": "Other",
}
ClaimStatus = Literal["corroborated", "single-source", "contested"]
AttributionKind = Literal[
    "person",  # a named person ("X said")
    "organisation",  # a named organisation or government ("the Commission said")
    "anonymous",  # "sources familiar with the matter", "insiders"
    "outlet",  # the outlet itself, unattributed assertion
    "other_outlet",  # "as reported by the Wall Street Journal"
]


# --------------------------------------------------------------------------- load


@dataclass(frozen=True)
class Origin:
    """Where a value came from, for error messages and edit links."""

    path: str  # project-relative POSIX path
    line: int | None = None


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None  # only http(s); anything else dropped with a warning
    published: str | None = None  # ISO date (YYYY-MM-DD) or None: never invented
    language: str = "en"
    reliability: str | None = None  # Admiralty A–F, from curation
    author: str | None = None  # byline, from front matter / sidecar / HTML meta
    tags: list[str] = field(default_factory=list)  # analyst's tags, from front matter / sidecar
    # field name -> where the value came from ("front matter", "sidecar", "dateline", ...)
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    """A seed as loaded: decoded text plus metadata, before extraction."""

    id: str  # stable, URL-safe (derived from the file name)
    path: str  # project-relative POSIX path of the seed
    format: Literal["txt", "md", "html"]
    text: str  # the article body; all spans index this string
    metadata: Metadata
    content_hash: str  # sha256 of the raw bytes (+ sidecar), for caching
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------ extract


@dataclass
class Sentence:
    id: str  # "s1", "s2", ... unique within its source; anchor is f"{source}-{id}"
    source: str
    index: int  # 0-based position in the source
    start: int
    end: int
    text: str  # == document.text[start:end]
    paragraph: int = 0
    truncated: bool = False
    boilerplate: bool = False
    note: str | None = None  # why it was flagged, for quality notes


@dataclass
class Mention:
    actor: str  # actor id (local key during extraction, global id after cross-reference)
    source: str
    sentence: str
    start: int
    end: int
    text: str  # surface form as written


@dataclass
class Role:
    title: str  # "Treasury Secretary", "spokesperson", "CEO"
    organisation: str | None  # actor id of the organisation served, if known
    source: str
    sentence: str
    start: int = 0
    end: int = 0
    qualifier: str | None = None  # "on technological sovereignty"


@dataclass
class Actor:
    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None  # from curation


@dataclass
class Appearance:
    """One occurrence of a claim in one sentence of one source."""

    source: str
    sentence: str
    quote: str  # the exact text carrying the claim (a substring of the sentence)
    start: int
    end: int
    attributed_to: str | None  # actor id, or None for the outlet itself
    attribution_kind: str = "outlet"  # one of AttributionKind
    attribution_text: str | None = None  # as written: "Sources familiar with the matter"
    reporting_verb: str | None = None  # "said", "told", "suggest"
    hedges: list[str] = field(default_factory=list)  # "reportedly", "may", "likely"
    # the outlet an (often anonymous) speaker told: "sources told Reuters" -> "Reuters"
    via: str | None = None


@dataclass
class Claim:
    id: str
    text: str  # headline: the assertion in plain words
    status: str  # one of ClaimStatus
    appearances: list[Appearance] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # actor ids
    conflicts_with: list[str] = field(default_factory=list)  # claim ids
    hedging: str = "asserted"  # "asserted" | "hedged" | "reported"
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    supersedes: list[str] = field(default_factory=list)  # claim ids an later report replaces
    superseded_by: list[str] = field(default_factory=list)
    credibility: int | None = None  # Admiralty 1–6, from curation
    note: str | None = None  # analyst note, from curation


@dataclass
class Event:
    id: str
    when: str  # the time expression as written
    date: str | None  # ISO date only when certain, else None
    text: str  # what happened (the sentence, or its clause)
    source: str
    sentence: str
    start: int = 0
    end: int = 0
    # A month, year or quarter ("2025-04", "2025", "2025-Q3") when the expression names one
    # for certain but no single day, so the timeline can still place it; else None.
    period: str | None = None


def timeline_key(ev: Event) -> tuple[str, str, int, str]:
    """Day, else period (a quarter at its first month, so "2025-Q3" sorts as "2025-07"),
    else last: a month or year the text makes certain still places the event."""
    return (_when_key(ev), ev.source, ev.start, ev.id)


def _when_key(ev: Event) -> str:
    if ev.date:
        return ev.date
    if ev.period:
        head, _, quarter = ev.period.partition("-Q")
        return f"{head}-{3 * int(quarter) - 2:02d}" if quarter else ev.period
    return "9999"


@dataclass
class Relation:
    subject: str  # actor id
    predicate: str  # "develops", "grants_access", "seeks_access", "opposes", "reports_on", ...
    object: str  # actor id
    source: str
    sentence: str
    text: str = ""  # evidence: the words that carry it


@dataclass
class QualityNote:
    kind: str  # "truncated" | "boilerplate" | "dateline" | "encoding" | ...
    message: str
    sentence: str | None = None


@dataclass
class LocalActor:
    """An actor as found inside one source, before cross-source merging."""

    key: str  # source-local key, e.g. "european-commission"
    name: str  # longest/most complete surface form in this source
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass
class ClaimCandidate:
    """A claim as found in one sentence of one source, before clustering."""

    appearance: Appearance  # attributed_to holds a LocalActor key (or None)
    text: str  # headline
    actors: list[str] = field(default_factory=list)  # LocalActor keys involved
    hedging: str = "asserted"  # "asserted" | "hedged" | "reported"
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    negated: bool = False  # polarity, for contradiction detection
    terms: list[str] = field(default_factory=list)  # normalised content words, for blocking
    subject: str | None = None  # actor key of the grammatical subject, if an actor


@dataclass
class SourceExtraction:
    """Everything extracted from one seed. A pure function of the seed + generator version."""

    document: Document
    sentences: list[Sentence]
    actors: list[LocalActor]  # Mention.actor / Relation ids are LocalActor.key
    claims: list[ClaimCandidate]  # one per claim-bearing sentence
    events: list[Event]
    relations: list[Relation]
    key_points: list[str]  # sentence ids, 3–5, best first
    notes: list[QualityNote] = field(default_factory=list)


# ---------------------------------------------------------------- cross-reference


@dataclass
class Source:
    id: str
    path: str
    format: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str
    text: str
    sentences: list[Sentence]
    summary: list[str]  # key-point sentence ids
    notes: list[QualityNote] = field(default_factory=list)
    reliability: str | None = None
    content_hash: str = ""
    author: str | None = None  # byline, from metadata or the text's own byline line


@dataclass
class Briefing:
    sources: list[Source]
    actors: list[Actor]
    claims: list[Claim]
    events: list[Event]
    relations: list[Relation]
    warnings: list[str] = field(default_factory=list)
    generator_version: str = ""

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)
