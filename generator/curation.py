"""Analyst curation: seeds/curation/{actors,claims,sources}.yml corrects the extraction.

Curation wins over automatic extraction. Entries refer to actors and claims by id
or, more robustly across re-extraction, by name (actors), headline or a verbatim
quote (claims). The formats are documented in the commented header of each file.

Two kinds of trouble are distinguished:

* errors: the file is malformed (unknown key, wrong type, bad value, duplicate
  entry) or a quote does not appear in the source it cites. The build stops.
* unmatched entries: an entry refers to an actor, claim or source that the
  extraction no longer produces (a seed was edited). The build reports a warning
  and goes on; ``briefing check`` reports it as an error.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import BriefingError, Problem
from generator.ids import actor_id, claim_id, unique_id
from generator.models import ACTOR_TYPES, Actor, Appearance, Briefing, Claim, Source
from generator.project import Project
from generator.textnorm import find_normalized, fold
from generator.yamlio import YamlDoc, parse_yaml, suggest

CURATION_FILES = ("sources.yml", "actors.yml", "claims.yml")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
_SENTENCE_ID = re.compile(r"^s[1-9][0-9]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---------------------------------------------------------------- entry model


@dataclass
class Entry:
    """One curation entry: its raw mapping and where it came from."""

    file: str  # project-relative path
    index: int  # position in the file's list (for line look-ups)
    data: dict[str, Any]
    doc: YamlDoc

    def line(self, *keys: Any) -> int | None:
        return self.doc.line(self.index, *keys)

    def problem(self, message: str, hint: str = "", *keys: Any,
                severity: str = "error") -> Problem:
        return Problem(self.file, message, hint=hint, line=self.line(*keys), severity=severity)

    @property
    def label(self) -> str:
        ref = self.data.get("match", self.data.get("add"))
        return _ref_text(ref)


@dataclass
class Curation:
    """Every curation entry, validated, in file order."""

    sources: list[Entry] = field(default_factory=list)
    actors: list[Entry] = field(default_factory=list)
    claims: list[Entry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _ref_text(ref: Any) -> str:
    if isinstance(ref, dict):
        if "quote" in ref:
            return f"quote {ref.get('quote')!r} in {ref.get('source')}"
        return f"{ref.get('source')} {ref.get('sentence')}"
    return repr(ref)


# ------------------------------------------------------------------ validation

Check = Callable[[Any], str | None]  # returns an error message or None


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be non-empty text"


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _is_str_list(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of names, e.g. [First, Second]"


def _one_of(options: Iterable[str]) -> Check:
    options = tuple(options)
    return lambda v: None if v in options else f"must be one of {', '.join(options)}"


def _credibility(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6
    return None if ok else "must be a whole number from 1 (confirmed) to 6 (cannot be judged)"


def _iso_date(value: Any) -> str | None:
    if isinstance(value, _dt.date):
        return None
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            _dt.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return "must be a date written YYYY-MM-DD"


def _url(value: Any) -> str | None:
    ok = isinstance(value, str) and re.match(r"^https?://[^\s<>\"']+$", value) is not None
    return None if ok else "must be an http:// or https:// address"


SOURCE_KEYS: dict[str, Check] = {
    "match": _is_str, "title": _is_str, "outlet": _is_str, "published": _iso_date,
    "url": _url, "reliability": _one_of(RELIABILITY),
}
ACTOR_KEYS: dict[str, Check] = {
    "match": _is_str, "rename": _is_str, "type": _one_of(ACTOR_TYPES), "description": _is_str,
    "add_aliases": _is_str_list, "remove_aliases": _is_str_list, "merge": _is_str_list,
    "split": lambda v: None if isinstance(v, list) else "must be a list of new actors",
    "drop": _is_bool,
}
SPLIT_ACTOR_KEYS: dict[str, Check] = {
    "name": _is_str, "type": _one_of(ACTOR_TYPES), "description": _is_str,
    "aliases": _is_str_list,
}


def _claim_ref_check(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    if isinstance(value, dict):
        return None  # checked key by key in _check_app_ref
    return "must be a claim id, a headline, or {source: ..., quote: ...}"


def _list_of(check: Check) -> Check:
    def inner(value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be a list"
        return next((msg for msg in map(check, value) if msg), None)
    return inner


CLAIM_KEYS: dict[str, Check] = {
    "match": _claim_ref_check, "add": _is_str, "text": _is_str, "note": _is_str,
    "credibility": _credibility, "merge": _list_of(_claim_ref_check),
    "split": lambda v: None if isinstance(v, list) else "must be a list of new claims",
    "contradicts": _list_of(_claim_ref_check), "consistent_with": _list_of(_claim_ref_check),
    "appearances": lambda v: None if isinstance(v, list) else "must be a list of quotes",
    "drop": _is_bool,
}
SPLIT_CLAIM_KEYS: dict[str, Check] = {
    "text": _is_str,
    "appearances": lambda v: None if isinstance(v, list) else "must be a list of quotes",
}
APP_REF_KEYS: dict[str, Check] = {
    "source": _is_str, "quote": _is_str,
    "sentence": lambda v: None if isinstance(v, str) and _SENTENCE_ID.match(v)
    else "must be a sentence id such as s3",
    "attributed_to": _is_str,
}


def _did_you_mean(key: Any, allowed: Iterable[str]) -> str:
    guess = suggest(key, allowed) if isinstance(key, str) else None
    known = "allowed keys: " + ", ".join(sorted(allowed))
    return f"did you mean '{guess}'? {known}" if guess else known


def _check_mapping(entry: Entry, value: Any, spec: dict[str, Check], keys: tuple[Any, ...],
                   what: str) -> list[Problem]:
    """Unknown keys (with a suggestion) and wrong types/values, each at its own line."""
    if not isinstance(value, dict):
        return [entry.problem(f"{what} must be a mapping of key: value", "", *keys)]
    problems = []
    for key, item in value.items():
        if key not in spec:
            hint = _did_you_mean(key, spec)
            problems.append(entry.problem(f"unknown key '{key}' in {what}", hint, *keys, key))
            continue
        message = spec[key](item)
        if message:
            problems.append(entry.problem(f"'{key}' {message}", "", *keys, key))
    return problems


def _check_app_refs(entry: Entry, refs: Any, keys: tuple[Any, ...], allow_attr: bool,
                    what: str) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(refs, list):
        return problems  # the type error is reported by the key check
    for i, ref in enumerate(refs):
        problems += _check_app_ref(entry, ref, (*keys, i), allow_attr, what)
    return problems


def _check_app_ref(entry: Entry, ref: Any, keys: tuple[Any, ...], allow_attr: bool,
                   what: str) -> list[Problem]:
    spec = dict(APP_REF_KEYS)
    if not allow_attr:
        spec.pop("attributed_to")
    problems = _check_mapping(entry, ref, spec, keys, what)
    if isinstance(ref, dict):
        if "source" not in ref:
            problems.append(entry.problem(f"{what} needs a 'source'", "a source id or file name",
                                          *keys))
        if ("quote" in ref) == ("sentence" in ref):
            problems.append(entry.problem(f"{what} needs either 'quote' or 'sentence'",
                                          "quote: the exact words from the article", *keys))
    return problems


def _validate_source(entry: Entry) -> list[Problem]:
    problems = _check_mapping(entry, entry.data, SOURCE_KEYS, (), "a sources.yml entry")
    if "match" not in entry.data:
        problems.append(entry.problem("entry has no 'match'", "match: the source id or file name"))
    return problems


def _validate_actor(entry: Entry) -> list[Problem]:
    problems = _check_mapping(entry, entry.data, ACTOR_KEYS, (), "an actors.yml entry")
    if "match" not in entry.data:
        problems.append(entry.problem("entry has no 'match'", "match: an actor id or name"))
    split = entry.data.get("split")
    if isinstance(split, list):
        for i, item in enumerate(split):
            problems += _check_mapping(entry, item, SPLIT_ACTOR_KEYS, ("split", i), "a split")
            if isinstance(item, dict) and "name" not in item:
                problems.append(entry.problem("a split needs the new actor's 'name'", "",
                                              "split", i))
    return problems


def _validate_claim(entry: Entry) -> list[Problem]:
    data = entry.data
    problems = _check_mapping(entry, data, CLAIM_KEYS, (), "a claims.yml entry")
    if ("match" in data) == ("add" in data):
        problems.append(entry.problem(
            "an entry needs exactly one of 'match' (change a claim) or 'add' (a new claim)", ""))
    if "match" in data and isinstance(data["match"], dict):
        problems += _check_app_ref(entry, data["match"], ("match",), False, "'match'")
    for key in ("merge", "contradicts", "consistent_with"):
        refs = data.get(key)
        if isinstance(refs, list):
            for i, ref in enumerate(refs):
                if isinstance(ref, dict):
                    problems += _check_app_ref(entry, ref, (key, i), False, f"'{key}' item")
    if "appearances" in data and "add" not in data:
        problems.append(entry.problem("'appearances' only goes with 'add'",
                                      "to move quotes out of a claim use 'split'", "appearances"))
    if "add" in data and not data.get("appearances"):
        problems.append(entry.problem("a new claim needs 'appearances'",
                                      "appearances: [{source: ..., quote: ...}]", "add"))
    problems += _check_app_refs(entry, data.get("appearances"), ("appearances",), True,
                                "an appearance")
    split = data.get("split")
    if isinstance(split, list):
        for i, item in enumerate(split):
            problems += _check_mapping(entry, item, SPLIT_CLAIM_KEYS, ("split", i), "a split")
            if isinstance(item, dict):
                if not item.get("appearances"):
                    problems.append(entry.problem("a split needs 'appearances' to move", "",
                                                  "split", i))
                problems += _check_app_refs(entry, item.get("appearances"),
                                            ("split", i, "appearances"), False, "an appearance")
    return problems


_VALIDATORS = {"sources.yml": _validate_source, "actors.yml": _validate_actor,
               "claims.yml": _validate_claim}


def _duplicates(entries: list[Entry]) -> list[Problem]:
    """Two entries for the same target in one file would silently override each other."""
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        ref = entry.data.get("match", entry.data.get("add"))
        key = fold(_ref_text(ref)) if ref is not None else None
        if key is None:
            continue
        if key in seen:
            first = seen[key]
            problems.append(entry.problem(
                f"duplicate entry for {entry.label} (first at line {first.line()})",
                "merge the two entries into one"))
        else:
            seen[key] = entry
    return problems


def read_curation(project: Project) -> tuple[Curation | None, list[Problem]]:
    """Parse and validate every curation file; never raises for bad content."""
    folder = project.curation_dir
    paths = [folder / name for name in CURATION_FILES if (folder / name).is_file()]
    if not paths:
        return None, []
    curation = Curation()
    problems: list[Problem] = []
    for path in paths:
        rel = project.relative(path)
        curation.files.append(rel)
        entries, file_problems = _read_file(path, rel)
        problems += file_problems
        getattr(curation, path.stem).extend(entries)
    return curation, problems


def _read_file(path: Path, rel: str) -> tuple[list[Entry], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return [], [Problem(rel, f"not UTF-8 text ({err.reason})", hint="save it as UTF-8")]
    try:
        doc = parse_yaml(text, rel)
    except BriefingError as err:
        return [], err.problems
    if doc.data is None:
        return [], []  # only comments: nothing curated yet
    if not isinstance(doc.data, list):
        return [], [Problem(rel, "the file must be a list of entries, each starting with '- '",
                            hint="see the comment at the top of the file", line=doc.line() or 1)]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for i, item in enumerate(doc.data):
        entry = Entry(rel, i, item if isinstance(item, dict) else {}, doc)
        if not isinstance(item, dict):
            problems.append(entry.problem("an entry must be a mapping (key: value lines)", ""))
            continue
        problems += _VALIDATORS[path.name](entry)
        entries.append(entry)
    problems += _duplicates(entries)
    return entries, problems


def load_curation(project: Project) -> Curation | None:
    """The project's curation, or None if there is none. Raises BriefingError on any error."""
    curation, problems = read_curation(project)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise BriefingError(problems)
    return curation


# ------------------------------------------------------------------------- apply


def _status(claim: Claim) -> str:
    """Contested if it conflicts with another claim; corroborated if ≥2 sources carry it."""
    if claim.conflicts_with:
        return "contested"
    return "corroborated" if len({a.source for a in claim.appearances}) >= 2 else "single-source"


class _Curator:
    """Applies entries to a private copy of the briefing, collecting problems as it goes."""

    def __init__(self, briefing: Briefing):
        self.b = copy.deepcopy(briefing)
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # claim ids whose status must be recomputed

    # ---- reporting
    def unmatched(self, entry: Entry, what: str, *keys: Any) -> None:
        self.problems.append(entry.problem(
            f"{what} matches nothing in the current extraction",
            "the seed may have changed: update or delete this entry", *keys, severity="warning"))

    def error(self, entry: Entry, message: str, hint: str, *keys: Any) -> None:
        self.problems.append(entry.problem(message, hint, *keys))

    # ---- sources
    def find_source(self, ref: str) -> Source | None:
        for source in self.b.sources:
            path = Path(source.path)
            if ref in (source.id, source.path, path.name, path.stem):
                return source
        return None

    def apply_source(self, entry: Entry) -> None:
        source = self.find_source(entry.data["match"])
        if source is None:
            self.unmatched(entry, f"source {entry.data['match']!r}", "match")
            return
        for key in ("title", "outlet", "url", "reliability"):
            if key in entry.data:
                setattr(source, key, entry.data[key])
        if "published" in entry.data:
            source.published = str(entry.data["published"])

    # ---- quotes
    def locate(self, entry: Entry, ref: dict[str, Any], keys: tuple[Any, ...]
               ) -> tuple[Source, int, int, str] | None:
        """(source, start, end, sentence id) of an appearance reference, or None (reported)."""
        source = self.find_source(str(ref["source"]))
        if source is None:
            self.unmatched(entry, f"source {ref['source']!r}", *keys, "source")
            return None
        if "sentence" in ref:
            sentence = next((s for s in source.sentences if s.id == ref["sentence"]), None)
            if sentence is None:
                self.unmatched(entry, f"sentence {ref['sentence']} of {source.id}", *keys)
                return None
            return source, sentence.start, sentence.end, sentence.id
        span = find_normalized(source.text, str(ref["quote"]))
        if span is None:
            self.error(entry, f"quote not found in {source.path}: {ref['quote']!r}",
                       "a quote must be the article's exact words (quote marks and spacing "
                       "may differ); do not paraphrase", *keys, "quote")
            return None
        sentence = next((s for s in source.sentences if s.start <= span[0] < s.end), None)
        return source, span[0], span[1], sentence.id if sentence else ""

    # ---- actors
    def find_actor(self, entry: Entry, ref: str, *keys: Any) -> Actor | None:
        by_id = [a for a in self.b.actors if a.id == ref]
        if by_id:
            return by_id[0]
        wanted = fold(ref)
        found = [a for a in self.b.actors
                 if wanted == fold(a.name) or wanted in {fold(x) for x in a.aliases}]
        if len(found) > 1:
            ids = ", ".join(sorted(a.id for a in found))
            self.problems.append(entry.problem(
                f"{ref!r} names several actors ({ids})", "use an actor id instead", *keys,
                severity="warning"))
            return None
        if not found:
            self.unmatched(entry, f"actor {ref!r}", *keys)
            return None
        return found[0]

    def redirect_actor(self, old: str, new: str | None) -> None:
        """Point every reference to actor ``old`` at ``new`` (None: the actor was dropped)."""
        for claim in self.b.claims:
            actors = [new if a == old else a for a in claim.actors]
            claim.actors = sorted({a for a in actors if a is not None})
            for appearance in claim.appearances:
                if appearance.attributed_to == old:
                    appearance.attributed_to = new
        relations = []
        for rel in self.b.relations:
            rel.subject = new if rel.subject == old else rel.subject  # type: ignore[assignment]
            rel.object = new if rel.object == old else rel.object  # type: ignore[assignment]
            if rel.subject is not None and rel.object is not None and rel.subject != rel.object:
                relations.append(rel)
        self.b.relations = relations
        for actor in self.b.actors:
            for role in actor.roles:
                if role.organisation == old:
                    role.organisation = new

    def merge_actor(self, entry: Entry, target: Actor, i: int, ref: str) -> None:
        other = self.find_actor(entry, ref, "merge", i)
        if other is None or other is target:
            return
        target.aliases = sorted({*target.aliases, other.name, *other.aliases} - {target.name})
        for mention in other.mentions:
            mention.actor = target.id
        target.mentions += other.mentions
        target.roles += other.roles
        target.description = target.description or other.description
        self.b.actors.remove(other)
        self.redirect_actor(other.id, target.id)

    def split_actor(self, entry: Entry, actor: Actor, i: int, spec: dict[str, Any]) -> None:
        names = {fold(spec["name"]), *(fold(a) for a in spec.get("aliases", []))}
        moved = [m for m in actor.mentions if fold(m.text) in names]
        if not moved:
            self.unmatched(entry, f"split {spec['name']!r} (no mention of {actor.id} uses "
                           "these names)", "split", i)
            return
        new_id = unique_id(actor_id(spec["name"]), (a.id for a in self.b.actors), actor.id)
        actor.mentions = [m for m in actor.mentions if m not in moved]
        kept_sentences = {(m.source, m.sentence) for m in actor.mentions}
        moved_sentences = {(m.source, m.sentence) for m in moved}
        for mention in moved:
            mention.actor = new_id
        roles = [r for r in actor.roles if (r.source, r.sentence) in moved_sentences
                 and (r.source, r.sentence) not in kept_sentences]
        actor.roles = [r for r in actor.roles if r not in roles]
        actor.aliases = [a for a in actor.aliases if fold(a) not in names]
        if fold(actor.name) in names:
            actor.name = actor.aliases.pop(0) if actor.aliases else actor.mentions[0].text \
                if actor.mentions else actor.name
        aliases = sorted({m.text for m in moved} - {spec["name"]})
        self.b.actors.append(Actor(id=new_id, name=spec["name"], type=spec.get("type", actor.type),
                                   aliases=aliases, roles=roles, mentions=moved,
                                   description=spec.get("description")))
        self.reassign_in_sentences(actor.id, new_id, moved_sentences, kept_sentences)

    def reassign_in_sentences(self, old: str, new: str, moved: set[tuple[str, str]],
                              kept: set[tuple[str, str]]) -> None:
        """After a split, claims and relations in the moved sentences follow the new actor."""
        for claim in self.b.claims:
            where = {(a.source, a.sentence) for a in claim.appearances}
            if old in claim.actors and where & moved:
                claim.actors = sorted({*claim.actors, new} - ({old} if not where & kept else set()))
            for appearance in claim.appearances:
                key = (appearance.source, appearance.sentence)
                if appearance.attributed_to == old and key in moved and key not in kept:
                    appearance.attributed_to = new
        for rel in self.b.relations:
            key = (rel.source, rel.sentence)
            if key in moved and key not in kept:
                rel.subject = new if rel.subject == old else rel.subject
                rel.object = new if rel.object == old else rel.object

    def apply_actor(self, entry: Entry) -> None:
        data = entry.data
        actor = self.find_actor(entry, data["match"], "match")
        if actor is None:
            return
        for i, ref in enumerate(data.get("merge", [])):
            self.merge_actor(entry, actor, i, ref)
        for i, spec in enumerate(data.get("split", [])):
            self.split_actor(entry, actor, i, spec)
        if "rename" in data and data["rename"] != actor.name:
            actor.aliases = sorted({*actor.aliases, actor.name} - {data["rename"]})
            actor.name = data["rename"]
        actor.type = data.get("type", actor.type)
        actor.description = data.get("description", actor.description)
        actor.aliases = sorted({*actor.aliases, *data.get("add_aliases", [])} - {actor.name})
        for i, alias in enumerate(data.get("remove_aliases", [])):
            if fold(alias) not in {fold(a) for a in actor.aliases}:
                self.unmatched(entry, f"alias {alias!r} of {actor.id}", "remove_aliases", i)
            actor.aliases = [a for a in actor.aliases if fold(a) != fold(alias)]
        if data.get("drop"):
            self.b.actors.remove(actor)
            self.redirect_actor(actor.id, None)

    # ---- claims
    def find_claims(self, entry: Entry, ref: Any, *keys: Any) -> list[Claim]:
        """Claims a reference names: by id, by headline, or by a quote in a source."""
        if isinstance(ref, dict):
            located = self.locate(entry, ref, keys)
            if located is None:
                return []
            source, start, end, sentence = located
            found = [c for c in self.b.claims if any(
                a.source == source.id and (a.sentence == sentence or (a.start < end and
                                                                      start < a.end))
                for a in c.appearances)]
        else:
            found = [c for c in self.b.claims if c.id == ref]
            found = found or [c for c in self.b.claims if fold(c.text) == fold(ref)]
        if not found:
            self.unmatched(entry, f"claim {_ref_text(ref)}", *keys)
        return found

    def find_claim(self, entry: Entry, ref: Any, *keys: Any) -> Claim | None:
        found = self.find_claims(entry, ref, *keys)
        if len(found) > 1:
            ids = ", ".join(sorted(c.id for c in found))
            self.problems.append(entry.problem(
                f"{_ref_text(ref)} matches several claims ({ids})", "use a claim id instead",
                *keys, severity="warning"))
            return None
        return found[0] if found else None

    def redirect_claim(self, old: str, new: str | None) -> None:
        for claim in self.b.claims:
            for key in ("conflicts_with", "supersedes", "superseded_by"):
                if old not in getattr(claim, key):
                    continue
                ids = [new if c == old else c for c in getattr(claim, key)]
                setattr(claim, key, sorted({c for c in ids if c is not None and c != claim.id}))
                self.touched.add(claim.id)

    def merge_claim(self, entry: Entry, target: Claim, i: int, ref: Any) -> None:
        other = self.find_claim(entry, ref, "merge", i)
        if other is None or other is target:
            return
        seen = {(a.source, a.start, a.end) for a in target.appearances}
        target.appearances += [a for a in other.appearances
                               if (a.source, a.start, a.end) not in seen]
        target.actors = sorted({*target.actors, *other.actors})
        target.conflicts_with = sorted({*target.conflicts_with, *other.conflicts_with})
        target.note = target.note or other.note
        self.b.claims.remove(other)
        self.redirect_claim(other.id, target.id)
        self.touched.add(target.id)

    def actors_in(self, appearances: list[Appearance]) -> set[str]:
        where = {(a.source, a.sentence) for a in appearances}
        found = {a.attributed_to for a in appearances if a.attributed_to}
        for actor in self.b.actors:
            if any((m.source, m.sentence) in where for m in actor.mentions):
                found.add(actor.id)
        return found

    def split_claim(self, entry: Entry, claim: Claim, i: int, spec: dict[str, Any]) -> None:
        moved: list[Appearance] = []
        for j, ref in enumerate(spec["appearances"]):
            located = self.locate(entry, ref, ("split", i, "appearances", j))
            if located is None:
                continue
            source, start, end, sentence = located
            hits = [a for a in claim.appearances if a.source == source.id and a not in moved
                    and (a.sentence == sentence or (a.start < end and start < a.end))]
            if not hits:
                self.unmatched(entry, f"appearance {_ref_text(ref)} of {claim.id}",
                               "split", i, "appearances", j)
            moved += hits
        if not moved:
            return
        if len(moved) == len(claim.appearances):
            self.error(entry, f"the split would move every appearance out of {claim.id}",
                       "to reword the claim use 'text' instead", "split", i)
            return
        claim.appearances = [a for a in claim.appearances if a not in moved]
        new_id = unique_id(claim_id((a.source, a.quote) for a in moved),
                           (c.id for c in self.b.claims), claim.id)
        new = Claim(id=new_id, text=spec.get("text", claim.text), status="single-source",
                    appearances=moved, actors=sorted(self.actors_in(moved) & set(claim.actors)),
                    hedging=claim.hedging)
        claim.actors = sorted(self.actors_in(claim.appearances) & set(claim.actors))
        self.b.claims.append(new)
        self.touched |= {claim.id, new.id}

    def add_claim(self, entry: Entry) -> Claim | None:
        appearances = []
        for j, ref in enumerate(entry.data["appearances"]):
            located = self.locate(entry, ref, ("appearances", j))
            if located is None:
                continue
            source, start, end, sentence = located
            attributed = None
            if "attributed_to" in ref:
                actor = self.find_actor(entry, ref["attributed_to"], "appearances", j,
                                        "attributed_to")
                attributed = actor.id if actor else None
            appearances.append(Appearance(
                source=source.id, sentence=sentence, quote=source.text[start:end], start=start,
                end=end, attributed_to=attributed,
                attribution_kind="person" if attributed else "outlet"))
        if not appearances:
            return None
        new_id = unique_id(claim_id((a.source, a.quote) for a in appearances),
                           (c.id for c in self.b.claims), entry.data["add"])
        claim = Claim(id=new_id, text=entry.data["add"], status="single-source",
                      appearances=appearances, actors=sorted(self.actors_in(appearances)))
        self.b.claims.append(claim)
        return claim

    def set_conflict(self, entry: Entry, claim: Claim, key: str, i: int, ref: Any,
                     conflict: bool) -> None:
        other = self.find_claim(entry, ref, key, i)
        if other is None or other is claim:
            return
        for a, b in ((claim, other), (other, claim)):
            ids = {*a.conflicts_with, b.id} if conflict else set(a.conflicts_with) - {b.id}
            a.conflicts_with = sorted(ids)
        self.touched |= {claim.id, other.id}

    def apply_claim(self, entry: Entry) -> None:
        data = entry.data
        claim = self.add_claim(entry) if "add" in data else \
            self.find_claim(entry, data["match"], "match")
        if claim is None:
            return
        if "add" in data:
            self.touched.add(claim.id)
        for i, ref in enumerate(data.get("merge", [])):
            self.merge_claim(entry, claim, i, ref)
        for i, spec in enumerate(data.get("split", [])):
            self.split_claim(entry, claim, i, spec)
        for i, ref in enumerate(data.get("contradicts", [])):
            self.set_conflict(entry, claim, "contradicts", i, ref, True)
        for i, ref in enumerate(data.get("consistent_with", [])):
            self.set_conflict(entry, claim, "consistent_with", i, ref, False)
        claim.text = data.get("text", claim.text)
        claim.note = data.get("note", claim.note)
        claim.credibility = data.get("credibility", claim.credibility)
        if data.get("drop"):
            self.b.claims.remove(claim)
            self.redirect_claim(claim.id, None)

    def finish(self) -> Briefing:
        """Recompute the status of every claim whose cluster or conflicts curation changed.

        Claims curation did not restructure keep the status cross-referencing gave them.
        """
        for claim in self.b.claims:
            if claim.id in self.touched:
                claim.status = _status(claim)
        return self.b


def curate(briefing: Briefing, curation: Curation) -> tuple[Briefing, list[Problem]]:
    """Apply curation to a copy of ``briefing``; return it with every problem found."""
    curator = _Curator(briefing)
    for entry in curation.sources:
        curator.apply_source(entry)
    for entry in curation.actors:
        curator.apply_actor(entry)
    for entry in curation.claims:
        curator.apply_claim(entry)
    return curator.finish(), curator.problems


def apply_curation(briefing: Briefing, curation: Curation) -> Briefing:
    """Curated briefing. Errors (quotes not found) raise; unmatched entries become warnings."""
    curated, problems = curate(briefing, curation)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise BriefingError(problems)
    curated.warnings = [*curated.warnings, *(str(p) for p in problems)]
    return curated
