"""The render memo: a page whose inputs did not change is not rendered again (issue 7).

``render_pages`` renders the site in *jobs* (one source page; one actor's profile with its
list pages; one page of the claim table ...). A job reads the briefing only through the
methods of ``render.Reader``. When the memo is on, a job is rendered with a
``RecordingReader`` that returns the same values and writes down every read as a *fact*:
the read's key (method and arguments) and a summary of its value (the value itself when it is
small, else a digest of a canonical serialisation). The memo keeps, per job, those facts and
the pages. On the next run a job is served from the memo only when its templates are
unchanged and every one of its facts still has the same summary; otherwise it is rendered.

Why that is complete: a job is a deterministic function of its facts, its parameters and the
code and templates. The code is covered by the generator fingerprint, the parameters and
the fingerprint by the memo header, the templates by a digest per job. Two more channels are
closed explicitly:

* templates: a job is memoised only if its templates (and everything they include) pass a
  static check (``template_profile``): they never name ``ix`` or ``briefing``, use ``L``
  only as ``L.<link method>(...)``, use no attribute or string starting with ``_`` and no
  ``sameas`` test. Model objects shared by many pages (actors, claims) reach the template
  as ``View`` objects that expose only the dataclass fields the template names (every
  attribute name and string constant in it, a superset of what it reads); anything else
  (another field, printing or comparing the object itself ...) raises, and the job is
  rendered again without the memo. A fact about such objects summarises only those fields,
  so adding a mention to an actor does not re-render every page that links to it.
* the glossary of abbreviations is global: when it changes, a page is re-rendered if one of
  the changed acronyms occurs in it.

The memo is a pickle in the user's cache folder (``default_render_dir``), never in the
project, for the same reason as the extraction cache. A missing, unreadable or foreign memo
is an empty one. Results never depend on it: ``render_pages(..., cache=None)`` renders
everything and gives the same bytes (``tests/test_rendermemo.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import io
import os
import pickle
import posixpath
import re
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes

from generator.cache import default_render_dir, generator_fingerprint
from generator.gcpause import paused_gc
from generator.markup import Safe
from generator.models import Actor, Briefing, Claim, Source

MEMO_FORMAT = 1
MAX_MEMOS = 8  # memo files kept in the cache folder (one per project and template set)

# Model objects that many pages show but each page reads only a few fields of.
HUB_TYPES: tuple[type, ...] = (Actor, Claim)
# What a memoised template may call on ``L`` (``render.Links``); everything else is refused.
LINK_METHODS = frozenset({"to", "source", "sentence", "actor", "claim", "pager",
                          "source_label"})
BLOCKED_VARIABLES = frozenset({"ix", "briefing"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PRIMITIVES = (str, int, float, bool, type(None), bytes)

Job = tuple[Any, ...]


class Unmemoisable(Exception):  # noqa: N818 - a signal, not an error the user sees
    """A memoised job touched something its facts do not cover: render it without the memo.

    Deliberately not an AttributeError/TypeError/LookupError, which Jinja would swallow."""


# ------------------------------------------------------------------------------ views


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


class View:
    """A read-only stand-in for a model object that exposes only ``names`` among its fields.

    Any other use (another attribute, printing, comparing, hashing it) raises
    ``Unmemoisable``, so what a template does with a View depends only on those fields."""

    __slots__ = ("_target", "_names")

    def __init__(self, target: Any, names: frozenset[str]) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_names", names)

    def __getattribute__(self, name: str) -> Any:
        if name == "__class__":  # isinstance() asks; a View is none of the model classes
            return View
        target = object.__getattribute__(self, "_target")
        names = object.__getattribute__(self, "_names")
        if name in names and name in _fields(type(target)):
            return wrap(getattr(target, name), names)
        raise Unmemoisable(f"{type(target).__name__}.{name}")

    def __setattr__(self, name: str, value: object) -> None:
        raise Unmemoisable("assignment")

    def _refuse(self, *args: object) -> Any:
        raise Unmemoisable("the object itself was used")

    __repr__ = __str__ = __format__ = __eq__ = __ne__ = __hash__ = _refuse  # type: ignore[assignment]
    __reduce__ = __reduce_ex__ = __copy__ = __deepcopy__ = __dir__ = _refuse  # type: ignore[assignment]


def wrap(value: Any, names: frozenset[str]) -> Any:
    """``value`` with every hub object in it (lists, tuples, dicts) replaced by a View."""
    kind = type(value)
    if kind in HUB_TYPES:
        return View(value, names)
    if kind is list:
        return [wrap(v, names) for v in value]
    if kind is tuple:
        return tuple(wrap(v, names) for v in value)
    if kind is dict:
        return {k: wrap(v, names) for k, v in value.items()}
    return value


# ------------------------------------------------------------------------ summaries


def digest(value: Any) -> bytes:
    """Of a pickle: equal pickles unpickle to equal values, so equal digests mean equal
    values (bar a hash collision). Without the pickler's memo, so that how objects happen to
    be shared does not matter (extractions from worker processes or from the cache share
    strings differently; models are trees, so there is no cycle for the memo to break)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()


def _is_small(value: Any) -> bool:
    """A summary kept as it is rather than digested: a primitive, or a short tuple of them."""
    kind = type(value)
    if kind in _PRIMITIVES:
        return True
    return kind is tuple and len(value) <= 8 and all(
        type(v) in _PRIMITIVES or (type(v) is tuple and len(v) <= 8
                                   and all(type(w) in _PRIMITIVES for w in v))
        for v in value)


def same(a: Any, b: Any) -> bool:
    """Summaries equal in type and value (``1 == True == 1.0`` and ``0.0 == -0.0`` are
    not the same value on a page)."""
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is tuple:
        return len(a) == len(b) and all(map(same, a, b))
    if kind is float:
        return repr(a) == repr(b)
    return bool(a == b)


class FactBook:
    """Current values and summaries of facts, each computed once per run.

    ``plain`` is a ``render.Reader``; a fact ``(method, *args)`` is ``plain.method(*args)``.
    For a viewed read the key ends with the job kind whose template names apply."""

    def __init__(self, plain: Any, reads: Iterable[str], viewed: Iterable[str],
                 names: dict[str, frozenset[str]]) -> None:
        self.plain = plain
        self.viewed = frozenset(viewed)
        self.names = names
        self._methods = {kind: getattr(plain, kind) for kind in reads}
        self.rows: RowMemo | None = None
        self._summaries: dict[tuple, Any] = {}
        self._values: dict[tuple, tuple[Any, Any]] = {}  # (value, summary)
        self._views: dict[tuple[int, str], tuple[Any, Any]] = {}  # View per object and kind
        self._encodings: dict[tuple[int, str], tuple[Any, Any]] = {}
        self._shown: dict[tuple[type, str], tuple[str, ...]] = {}  # the fields a View shows

    def _raw(self, key: tuple) -> tuple[Any, str | None]:
        method = self._methods.get(key[0])
        if method is None:
            raise Unmemoisable(f"unknown fact {key[0]!r}")
        if key[0] in self.viewed:
            return method(*key[1:-1]), key[-1]
        return method(*key[1:]), None

    def summary(self, key: tuple) -> Any:
        found = self._summaries.get(key, _MISSING)
        if found is not _MISSING:
            return found
        method = self._methods.get(key[0])
        if method is None:
            raise Unmemoisable(f"unknown fact {key[0]!r}")
        if key[0] in self.viewed:
            return self._summarise(key, method(*key[1:-1]), key[-1])
        raw = method(*key[1:])
        kind = type(raw)
        if kind is bool or kind is str or raw is None:  # most facts: a label, a yes or no
            self._summaries[key] = raw
            return raw
        return self._summarise(key, raw, None)

    def _summarise(self, key: tuple, raw: Any, viewkey: str | None) -> Any:
        """A small value as it is; anything else as the digest of its canonical pickle, with
        each hub object in a viewed read reduced to the fields its template may read. A list
        of sources, actors or claims is summarised by the summaries of those items' own
        facts, which are worked out anyway (and pickling them twice cost a tenth of a run)."""
        kind = type(raw)
        if viewkey is not None:
            found = digest(self._project(raw, viewkey))
        elif kind is str or kind is bool or raw is None or _is_small(raw):
            found = raw
        else:
            found = digest(self._items_by_summary(raw) if kind is list else raw)
        self._summaries[key] = found
        return found

    def _items_by_summary(self, items: list) -> Any:
        """``items`` with each source, actor or claim replaced by the summary of its own fact
        (``source``, ``actor`` or ``claim``), when that fact reads this very object."""
        out: list[Any] = []
        for item in items:
            kind = _ITEM_FACTS.get(type(item))
            if kind is None or self._methods[kind](item.id) is not item:
                return items
            out.append((kind, self.summary((kind, item.id))))
        return (b"items", out)

    def read(self, key: tuple) -> tuple[Any, Any]:
        """The value a recording job gets for ``key`` (Views for viewed reads), and its summary."""
        found = self._values.get(key)
        if found is None:
            raw, viewkey = self._raw(key)
            value = raw if viewkey is None else self._wrap(raw, viewkey)
            summary = self._summaries.get(key, _MISSING)
            if summary is _MISSING:
                summary = self._summarise(key, raw, viewkey)
            found = self._values[key] = (value, summary)
        return found

    def _wrap(self, value: Any, viewkey: str) -> Any:
        """Like ``wrap``, one View per object and job kind: ``x in list`` compares identity
        first, so two Views of one object must be one View, as the object is one object."""
        kind = type(value)
        if kind in HUB_TYPES:
            slot = (id(value), viewkey)
            found = self._views.get(slot)
            if found is None:
                found = self._views[slot] = (value, View(value, self.names[viewkey]))
            return found[1]
        if kind is list:
            return [self._wrap(v, viewkey) for v in value]
        if kind is tuple:
            return tuple(self._wrap(v, viewkey) for v in value)
        return wrap(value, self.names[viewkey])

    def _project(self, value: Any, viewkey: str) -> Any:
        """``value`` with each hub object replaced by the fields a View of it exposes."""
        kind = type(value)
        if kind in _PRIMITIVES:
            return value
        if kind in HUB_TYPES:
            slot = (id(value), viewkey)
            found = self._encodings.get(slot)
            if found is None:
                shown = self._shown.get((kind, viewkey))
                if shown is None:
                    names = self.names[viewkey]
                    shown = self._shown[kind, viewkey] = tuple(
                        f for f in _fields(kind) if f in names)
                fields = tuple(
                    (f, v if type(v) in _PRIMITIVES else self._project(v, viewkey))
                    for f, v in zip(shown, [getattr(value, f) for f in shown], strict=True))
                found = self._encodings[slot] = (value, (b"view", kind.__qualname__, fields))
            return found[1]
        if kind is list or kind is tuple:
            items = [v if type(v) in _PRIMITIVES else self._project(v, viewkey) for v in value]
            return items if kind is list else tuple(items)
        if kind is dict:
            return {k: self._project(v, viewkey) for k, v in value.items()}
        return value  # whole: pickled as it is


_MISSING = object()
_ITEM_FACTS = {Source: "source", Actor: "actor", Claim: "claim"}


class _Poison:
    """Stands for ``ix`` and ``briefing`` in a memoised job: any use raises."""

    def __getattribute__(self, name: str) -> Any:
        raise Unmemoisable(name)

    def _refuse(self, *args: object) -> Any:
        raise Unmemoisable("ix or briefing")

    __repr__ = __str__ = __format__ = __eq__ = __hash__ = __iter__ = __len__ = _refuse  # type: ignore[assignment]
    __getitem__ = __contains__ = __bool__ = __call__ = _refuse  # type: ignore[assignment]


POISON = _Poison()


class RecordingReader:
    """The ``render.Reader`` interface over a ``FactBook``: same values (hub objects as
    Views in the lists a template shows), each read written down in ``reads``.

    It has no index to fall back on: a read that is not one of these methods cannot happen."""

    def __init__(self, book: FactBook, viewkey: str) -> None:
        plain = book.plain
        self.book = book
        self.viewkey = viewkey
        self.reads: dict[tuple, Any] = {}
        self._known = book._values
        self.new_rows: dict[tuple, tuple[dict[tuple, Any], tuple, tuple]] = {}  # see RowMemo
        self.page_size: int = plain.page_size
        self.cell_limit: int = plain.cell_limit
        self.section_limit: int = plain.section_limit
        self.glossary: dict[str, str] = plain.glossary  # checked globally: see RenderSession

    def template_variables(self) -> dict[str, Any]:
        return {"briefing": POISON, "ix": POISON}

    def _fact(self, *key: Any) -> Any:
        found = self._known.get(key)  # the usual case, inlined: a read made before this run
        if found is None:
            found = self.book.read(key)
        self.reads[key] = found[1]
        return found[0]

    def _viewed(self, *key: Any) -> Any:
        return self._fact(*key, self.viewkey)

    # One method per ``render.Reader`` read (``tests/test_rendermemo.py`` checks the list).
    def source(self, source_id: str) -> Any:
        return self._fact("source", source_id)

    def actor(self, actor_id: str) -> Any:
        return self._fact("actor", actor_id)

    def claim(self, claim_id: str) -> Any:
        return self._fact("claim", claim_id)

    def source_title(self, source_id: str) -> Any:
        return self._fact("source_title", source_id)

    def source_label(self, source_id: str) -> Any:
        return self._fact("source_label", source_id)

    def has_sentence(self, source_id: str, sentence_id: str) -> Any:
        return self._fact("has_sentence", source_id, sentence_id)

    def actor_name(self, actor_id: str) -> Any:
        return self._fact("actor_name", actor_id)

    def claim_target(self, claim_id: str) -> Any:
        return self._fact("claim_target", claim_id)

    def claim_detail(self, claim_id: str) -> Any:
        return self._fact("claim_detail", claim_id)

    def outlet_attribution(self, source_id: str) -> Any:
        return self._fact("outlet_attribution", source_id)

    def actor_relations(self, actor_id: str) -> Any:
        return self._fact("actor_relations", actor_id)

    def chunk(self, name: str, number: int) -> Any:
        return self._fact("chunk", name, number)

    def claim_ids(self, number: int) -> Any:
        return self._fact("claim_ids", number)

    def briefing_field(self, name: str) -> Any:
        return self._fact("briefing_field", name)

    def whole_briefing(self) -> Any:
        return _traced_briefing(self)

    def paging(self, name: str) -> Any:
        return self._fact("paging", name)

    def source_claim_count(self, source_id: str) -> Any:
        return self._fact("source_claim_count", source_id)

    def actor_source_count(self, actor_id: str) -> Any:
        return self._fact("actor_source_count", actor_id)

    def origin(self, page: str) -> Any:
        return self._fact("origin", page)

    def source_actors(self, source_id: str) -> Any:
        return self._viewed("source_actors", source_id)

    def source_claims(self, source_id: str) -> Any:
        return self._viewed("source_claims", source_id)

    def actor_statements(self, actor_id: str) -> Any:
        return self._viewed("actor_statements", actor_id)

    def actor_claims(self, actor_id: str) -> Any:
        return self._viewed("actor_claims", actor_id)

    def claim_rows(self, page: str, claims: Sequence[Any]) -> list[dict[str, Any]]:
        rows = self.book.rows
        assert rows is not None
        return [rows.row(self, page, claim) for claim in claims]


class _TracedBriefing(Briefing):
    """A Briefing whose every field is read through a RecordingReader, field by field
    (``briefing_field``): code that takes a whole briefing (the network diagram reads the
    actors and relations, and the claims only when relations are few) depends on exactly the
    fields it read. Anything else that would see all the fields at once raises."""

    def __getattribute__(self, name: str) -> Any:
        if name in _BRIEFING_FIELDS:
            return object.__getattribute__(self, "_reader").briefing_field(name)
        if name in ("__dict__", "__getstate__", "__reduce__", "__reduce_ex__", "_reader"):
            raise Unmemoisable(f"Briefing.{name}")
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: object) -> None:
        raise Unmemoisable("assignment")


_BRIEFING_FIELDS = frozenset(f.name for f in dataclasses.fields(Briefing))


def _traced_briefing(reader: RecordingReader) -> Briefing:
    traced = object.__new__(_TracedBriefing)
    object.__setattr__(traced, "_reader", reader)
    return traced


RowMaker = Callable[[Any, str, Any], tuple[dict[str, Any], bool]]


class RowMemo:
    """Claim-table rows kept on their own. One new claim moves every later row to another
    page, so those pages are rendered again; their rows need not be. A row is a function of
    its claim, its recorded reads and the folder of its page (links are relative), provided
    none of its links points to its own page (``make`` says so)."""

    def __init__(self, session: RenderSession, make: RowMaker) -> None:
        self.session = session
        self.make = make
        # (claim id, folder) -> (fact indexes, field names, cell texts)
        self.old: dict[tuple, tuple[bytes, tuple, tuple]] = session.old.get("rows", {}) if (
            session.old) else {}
        # rows rendered in this run, gathered from the jobs' results (workers' too) by finish()
        self.new: dict[tuple, tuple[dict[tuple, Any], tuple, tuple]] = {}
        self._names: dict[tuple, tuple] = {}  # one tuple of field names, shared by the rows

    def row(self, reader: RecordingReader, page: str, claim: Any) -> dict[str, Any]:
        key = (claim.id, posixpath.dirname(page))
        old = self.old.get(key)
        session = self.session
        if old is not None and session.still_valid(old[0]):
            for i in _indexes(old[0]):
                fact, summary = session.facts[i]
                reader.reads[fact] = summary
            return {name: Safe(text) for name, text in zip(old[1], old[2], strict=True)}
        part = RecordingReader(reader.book, reader.viewkey)
        own = part.claim(claim.id)
        row, cacheable = self.make(part, page, claim)
        reader.reads.update(part.reads)
        if cacheable and own is claim and all(type(v) is Safe for v in row.values()):
            names = tuple(row)
            reader.new_rows[key] = (part.reads, self._names.setdefault(names, names),
                                    tuple(str(v) for v in row.values()))
        return row


RAW_READS = ("source", "actor", "claim", "source_title", "source_label", "has_sentence",
             "actor_name", "claim_target", "claim_detail", "outlet_attribution",
             "actor_relations", "chunk", "claim_ids", "paging", "source_claim_count",
             "actor_source_count", "origin", "briefing_field")
VIEWED_READS = ("source_actors", "source_claims", "actor_statements", "actor_claims")


# ------------------------------------------------------------------------ templates


@dataclass(frozen=True)
class TemplateProfile:
    """What the memo needs to know about a template and everything it includes."""

    digest: bytes  # of the sources of the template and of every template it includes
    names: frozenset[str]  # every attribute name and identifier in a string constant
    memoisable: bool
    reason: str = ""


# What one template's source says, by its digest: (names, reason not to memoise, the templates
# it includes; None for one with a computed name). Parsing all templates on every run cost
# more than serving the memo; this is kept with the memo too.
Parsed = tuple[frozenset[str], str, tuple[str | None, ...]]


def template_profile(env: jinja2.Environment, name: str,
                     _seen: dict[str, TemplateProfile] | None = None,
                     parsed: dict[bytes, Parsed] | None = None,
                     used: set[bytes] | None = None) -> TemplateProfile:
    seen = {} if _seen is None else _seen
    parsed = {} if parsed is None else parsed
    if name in seen:
        return seen[name]
    # Met again while its includes are being profiled: an include cycle. Such a template is
    # not memoised (what the cycle includes would be missing from its names and reasons).
    seen[name] = TemplateProfile(b"", frozenset(), False, "includes itself")
    assert env.loader is not None
    try:
        source = env.loader.get_source(env, name)[0]
        key = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if key not in parsed:
            tree = env.parse(source)
            own_names, own_reason = _names_and_reason(tree)
            parsed[key] = (frozenset(own_names), own_reason,
                           tuple(meta.find_referenced_templates(tree)))
        if used is not None:
            used.add(key)
    except jinja2.TemplateError as err:  # the render reports it; nothing to memoise
        profile = TemplateProfile(digest(("broken", name)), frozenset(), False, str(err))
        seen[name] = profile
        return profile
    own, reason, includes = parsed[key]
    names = set(own)
    parts = [(name, source)]
    memoisable = not reason
    for included in includes:
        if included is None:
            memoisable, reason = False, reason or "an include with a computed name"
            continue
        child = template_profile(env, included, seen, parsed, used)
        names |= child.names
        parts.append((included, child.digest.hex()))
        if not child.memoisable:
            memoisable, reason = False, reason or child.reason or included
    profile = TemplateProfile(digest(parts), frozenset(names), memoisable, reason)
    seen[name] = profile
    return profile


def _names_and_reason(tree: nodes.Template) -> tuple[set[str], str]:
    names: set[str] = set()
    reasons: list[str] = []
    blocked = meta.find_undeclared_variables(tree) & BLOCKED_VARIABLES
    if blocked:
        reasons.append(f"uses {', '.join(sorted(blocked))}")
    link_uses: set[int] = set()
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            reasons.append(f"reads .{node.attr}")
        names.add(node.attr)
        if (isinstance(node.node, nodes.Name) and node.node.name == "L"
                and node.attr in LINK_METHODS):
            link_uses.add(id(node.node))
    for node in tree.find_all(nodes.Name):
        if node.name == "L" and node.ctx == "load" and id(node) not in link_uses:
            reasons.append("uses L other than as L.<link method>")
    for node in tree.find_all(nodes.Const):
        if isinstance(node.value, str):
            found = _IDENTIFIER.findall(node.value)
            if any(word.startswith("_") and len(word) > 1 for word in found):
                reasons.append(f"string {node.value!r}")
            names.update(found)
    if any(test.name == "sameas" for test in tree.find_all(nodes.Test)):
        reasons.append("uses the sameas test")
    return names, "; ".join(dict.fromkeys(reasons))


# --------------------------------------------------------------------------- the memo


@dataclass
class JobResult:
    job: Job
    pages: dict[str, str]
    reads: dict[tuple, Any] | None  # None: rendered without recording (not memoisable)
    rows: dict[tuple, Any] = field(default_factory=dict)  # claim-table rows it rendered


# A job in the memo: (digest of its templates, indexes of its facts in the fact table or None
# for "render this job without the memo", its pages as sorted (path, Markdown) pairs). A plain
# tuple: the memo loads in a fifth of the time a dataclass per job takes.
_Entry = tuple[bytes, "bytes | None", tuple[tuple[str, str], ...]]


def _indexes(refs: bytes) -> memoryview:
    """Fact indexes, stored as the bytes of an unsigned-int array: arrays pickle slowly."""
    return memoryview(refs).cast("I")


@dataclass
class MemoStats:
    """Jobs served from the memo, rendered with recording, and rendered without the memo."""

    hits: int = 0
    recorded: int = 0
    plain: int = 0
    saved: bool = False
    reasons: dict[str, str] = field(default_factory=dict)  # job kind -> why not memoised


class RenderCache:
    """One memo file in the user's cache folder, named by a key (the project and its template
    folders): ``{job: (template digest, facts, pages)}`` plus a shared fact table."""

    def __init__(self, directory: Path | None = None, key: str = "default") -> None:
        self.directory = directory if directory is not None else default_render_dir()
        self.path = self.directory / f"{key}.pickle"
        self.stats = MemoStats()

    @classmethod
    def for_project(cls, project: Any, directory: Path | None = None) -> RenderCache:
        where = repr(tuple(str(p) for p in (project.root, project.docs_dir,
                                             project.templates_dir, project.override_templates)))
        return cls(directory, hashlib.sha256(where.encode()).hexdigest()[:24])

    def load(self, header: tuple) -> dict[str, Any] | None:
        try:
            with _gc_paused_then_frozen(), self.path.open("rb") as handle:
                data = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                ValueError, TypeError, IndexError):
            return None
        if not isinstance(data, dict) or data.get("header") != header:
            return None
        return data if _well_formed(data) else None

    def save(self, data: dict[str, Any]) -> None:
        """Atomically, then drop the least recently used memos beyond ``MAX_MEMOS``. A memo
        that cannot be written is only a missed speed-up."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self.stats.saved = True
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        memos = []
        for path in self.directory.glob("*.pickle"):
            with contextlib.suppress(OSError):
                memos.append((path.stat().st_mtime, path))
        for _, path in sorted(memos, reverse=True)[MAX_MEMOS:]:
            if path != self.path:
                path.unlink(missing_ok=True)


def _well_formed(data: dict[str, Any]) -> bool:
    """The shape ``RenderSession`` writes (it is only ever our own output, but a memo that is
    not what it should be must be an empty one, not a crash)."""
    facts, jobs, rows = data.get("facts"), data.get("jobs"), data.get("rows")
    if not (isinstance(facts, list) and isinstance(jobs, dict) and isinstance(rows, dict)
            and isinstance(data.get("glossary"), dict)
            and isinstance(data.get("templates"), dict)):
        return False
    if not all(type(f) is tuple and len(f) == 2 and type(f[0]) is tuple for f in facts):
        return False
    entries = [(e[1], e) for e in jobs.values() if type(e) is tuple and len(e) == 3]
    entries += [(e[0], e) for e in rows.values() if type(e) is tuple and len(e) == 3]
    if len(entries) != len(jobs) + len(rows):
        return False
    limit = len(facts)
    return all(refs is None or (type(refs) is bytes and len(refs) % 4 == 0
                                and max(_indexes(refs), default=0) < limit)
               for refs, _ in entries)


@contextlib.contextmanager
def heap_frozen() -> Iterator[None]:
    """Keep the objects that exist now (the briefing, the extractions) out of the cyclic
    collector's scans for a while: rendering allocates much, and each full collection would
    walk the whole briefing again. Nothing is collected or frozen twice: a caller that froze
    the heap already keeps it frozen."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _gc_paused_then_frozen() -> Iterator[None]:
    """``paused_gc``, and what was built meanwhile (the memo, the facts) joins the frozen heap
    of ``render_pages`` (``heap_frozen``) instead of being scanned by the first collection
    after: it lives until the render ends, when the heap is unfrozen."""
    if not gc.get_freeze_count():  # not inside heap_frozen: nothing would unfreeze it
        with paused_gc():
            yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class RenderSession:
    """One ``render_pages`` call with the memo: which jobs to serve, record or render plain,
    and the new memo made from the outcome."""

    def __init__(self, cache: RenderCache, env: jinja2.Environment, plain: Any,
                 params: tuple, job_templates: dict[str, Sequence[str]],
                 never: Callable[[Job], bool], row_maker: RowMaker) -> None:
        self.cache = cache
        self.stats = cache.stats = MemoStats()
        self.header = (MEMO_FORMAT, generator_fingerprint(), params)
        self.glossary = dict(plain.glossary)
        self.never = never
        self.old = cache.load(self.header)
        self.parsed: dict[bytes, Parsed] = dict(self.old.get("templates", {})) if self.old else {}
        known = set(self.parsed)
        used: set[bytes] = set()
        seen: dict[str, TemplateProfile] = {}
        self.kinds: dict[str, tuple[bytes, bool]] = {}
        names: dict[str, frozenset[str]] = {}
        for kind, templates in job_templates.items():
            profiles = [template_profile(env, t, seen, self.parsed, used) for t in templates]
            names[kind] = frozenset().union(*(p.names for p in profiles))
            memoisable = all(p.memoisable for p in profiles)
            self.kinds[kind] = (digest([p.digest for p in profiles]), memoisable)
            if not memoisable:
                self.stats.reasons[kind] = "; ".join(p.reason for p in profiles if p.reason)
        self.book = FactBook(plain, RAW_READS + VIEWED_READS, VIEWED_READS, names)
        self.facts: list[tuple[tuple, Any]] = self.old["facts"] if self.old else []
        self.valid = bytearray(len(self.facts))  # per fact: 0 not checked, 1 holds, 2 changed
        self.book.rows = RowMemo(self, row_maker)
        self.hits: dict[Job, _Entry] = {}  # served from the memo
        self.kept: dict[Job, _Entry] = {}  # rendered without recording, as last time
        self.parsed = {k: v for k, v in self.parsed.items() if k in used}
        self.changed = self.old is None or set(self.parsed) != known

    def plan(self, jobs: Sequence[Job]) -> tuple[dict[str, str], set[Job]]:
        """Pages served from the memo, and the jobs to render with recording."""
        pages: dict[str, str] = {}
        record: set[Job] = set()
        old_jobs = self.old["jobs"] if self.old else {}
        changed_acronyms = self._glossary_change()
        with _gc_paused_then_frozen():
            for job in jobs:
                templates, memoisable = self.kinds[job[0]]
                if not memoisable or self.never(job):
                    self.stats.plain += 1
                    continue
                entry = old_jobs.get(job)
                if entry is None or entry[0] != templates:
                    record.add(job)
                elif entry[1] is None:
                    self.stats.plain += 1  # fell back last time, with the same templates
                    self.kept[job] = entry
                elif self.still_valid(entry[1]) and not (
                        changed_acronyms and any(changed_acronyms.search(text)
                                                 for _, text in entry[2])):
                    self.hits[job] = entry
                    pages.update(entry[2])
                else:
                    record.add(job)
        self.stats.hits = len(self.hits)
        if set(old_jobs) != set(self.hits) | set(self.kept) or record:
            self.changed = True
        return pages, record

    def still_valid(self, refs: bytes) -> bool:
        """Whether every fact of the old memo that ``refs`` points to still holds."""
        summary_of = self.book.summary
        facts, valid = self.facts, self.valid
        for i in _indexes(refs):
            state = valid[i]
            if state == 0:
                key, summary = facts[i]
                try:
                    now = summary_of(key)
                    state = 1 if (now == summary and type(now) is str and type(summary) is str
                                  ) or same(now, summary) else 2
                except Exception:  # noqa: BLE001 - a fact that cannot be computed changed
                    state = 2
                valid[i] = state
            if state == 2:
                return False
        return True

    def _glossary_change(self) -> re.Pattern[str] | None:
        """The acronyms added, removed or re-expanded since the memo was written, as one
        pattern; a page in which none of them occurs has the same abbreviation list."""
        if self.old is None:
            return None
        old = self.old.get("glossary", {})
        changed = sorted(k for k in old.keys() | self.glossary.keys()
                         if old.get(k) != self.glossary.get(k))
        if not changed:
            return None
        self.changed = True
        return re.compile(r"\b(" + "|".join(map(re.escape, changed)) + r")\b")

    def finish(self, results: Sequence[JobResult], record: set[Job]) -> None:
        """Write the new memo: the jobs served from the old one, and those just recorded.

        The old fact table is kept and extended; a fact whose summary changed gets a new
        entry, since rows kept from the old memo without being checked may refer to the old
        one."""
        rows = self.book.rows
        assert rows is not None
        for result in results:
            rows.new.update(result.rows)
        if not self.changed and not rows.new:
            return
        facts: list[tuple[tuple, Any]] = list(self.old["facts"]) if self.old else []
        table = {key: i for i, (key, _) in enumerate(facts)}
        jobs: dict[Job, _Entry] = {**self.hits, **self.kept}
        for result in results:
            if result.job not in record:
                continue
            self.stats.recorded += result.reads is not None
            self.stats.plain += result.reads is None
            refs = None
            if result.reads is not None:
                refs = array("I", (_ref(facts, table, key, summary)
                                   for key, summary in result.reads.items())).tobytes()
            pages = tuple(sorted(result.pages.items())) if refs is not None else ()
            jobs[result.job] = (self.kinds[result.job[0]][0], refs, pages)
        kept_rows = {key: entry for key, entry in rows.old.items()
                     if key not in rows.new and self.book.plain.claim(key[0]) is not None}
        for key, (reads, names, cells) in rows.new.items():
            kept_rows[key] = (array("I", (_ref(facts, table, k, v)
                                          for k, v in reads.items())).tobytes(), names, cells)
        facts, jobs, kept_rows = _compacted(facts, jobs, kept_rows)
        self.cache.save({"header": self.header, "glossary": self.glossary, "facts": facts,
                         "jobs": jobs, "rows": kept_rows, "templates": self.parsed})


def _ref(facts: list[tuple[tuple, Any]], table: dict[tuple, int], key: tuple,
         summary: Any) -> int:
    """The index of (key, summary) in the fact table, appended when it is new."""
    index = table.get(key)
    if index is None or not (facts[index][1] is summary or same(facts[index][1], summary)):
        index = table[key] = len(facts)
        facts.append((key, summary))
    return index


def _compacted(facts: list[tuple[tuple, Any]], jobs: dict[Job, _Entry],
               rows: dict[tuple, tuple[bytes, tuple, tuple]]
               ) -> tuple[list[tuple[tuple, Any]], dict[Job, _Entry], dict]:
    """The fact table without the facts nothing refers to any more, once they are a quarter."""
    used: set[int] = set()
    for entry in jobs.values():
        if entry[1] is not None:
            used.update(_indexes(entry[1]))
    for entry in rows.values():
        used.update(_indexes(entry[0]))
    if len(used) * 4 >= len(facts) * 3:
        return facts, jobs, rows
    order = sorted(used)
    new_index = {old: new for new, old in enumerate(order)}

    def remap(refs: bytes) -> bytes:
        return array("I", (new_index[i] for i in _indexes(refs))).tobytes()

    compact = {job: (entry[0], None if entry[1] is None else remap(entry[1]), entry[2])
               for job, entry in jobs.items()}
    return ([facts[i] for i in order], compact,
            {key: (remap(refs), *rest) for key, (refs, *rest) in rows.items()})
