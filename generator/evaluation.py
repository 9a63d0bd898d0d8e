"""Extraction quality gate: measure the pipeline against human-annotated cases.

Each case is a folder under ``tests/eval/cases/`` holding one to three articles and an
``annotations.yml`` written by a person reading the articles (format: tests/eval/README.md).
``evaluate`` runs the real pipeline (load → extract → cross-reference) on each case and
scores what it produced; ``tests/eval/floors.yml`` holds the minimum each figure may reach.

Every figure is a micro-average over all cases (hits / total), so a case with many
annotations weighs more than a small one. A figure whose denominator is zero is reported
as ``None`` ("n/a"): it was not measurable, which never passes a non-zero floor.

Matching rules (why they are this loose and no looser):
- Names are compared after ``normalise_name``: case, curly apostrophes, possessive 's,
  dots (U.S. = US), punctuation and a leading "the" do not matter; spelling does.
- Claims and quality flags are located by a verbatim substring of the annotated
  sentence, mapped to whichever system sentence contains it, so the annotation does not
  depend on the splitter's sentence ids.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import traceback
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from generator.models import Actor, Briefing, Document, Metadata, Sentence

# The order in which figures are printed; also the set of known metric names.
METRICS: tuple[str, ...] = (
    "actor_precision",
    "actor_recall",
    "actor_type_accuracy",
    "actor_single_profile",
    "alias_merge_recall",
    "distinct_kept_apart",
    "role_recall",
    "role_organisation_recall",
    "claim_cluster_precision",
    "claim_cluster_recall",
    "claim_status_accuracy",
    "contested_recall",
    "contested_precision",
    "truncation_precision",
    "truncation_recall",
    "boilerplate_precision",
    "boilerplate_recall",
    "boilerplate_kept_out",
    "dateline_kept_out",
    "outlet_from_dateline",
    "event_recall",
    "event_date_accuracy",
)

REPO_CASES = Path(__file__).resolve().parent.parent / "tests" / "eval" / "cases"


class AnnotationError(ValueError):
    """An annotation that cannot be applied (bad YAML, substring not found, unknown id)."""


# ----------------------------------------------------------------------- tallies


@dataclass
class Tally:
    """hits / total for one figure, plus what went wrong, for the developer to act on."""

    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def add(self, ok: bool, miss: str | None = None) -> None:
        self.total += 1
        if ok:
            self.hits += 1
        elif miss:
            self.misses.append(miss)

    def merge(self, other: Tally) -> None:
        self.hits += other.hits
        self.total += other.total


@dataclass
class CaseResult:
    name: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    error: str | None = None

    def tally(self, metric: str) -> Tally:
        return self.tallies.setdefault(metric, Tally())


@dataclass
class Figure:
    metric: str
    value: float | None
    hits: int
    total: int
    floor: float | None

    @property
    def passed(self) -> bool:
        if self.floor is None:
            return True
        return self.value is not None and self.value + 1e-9 >= self.floor


@dataclass
class Report:
    figures: list[Figure]
    cases: list[CaseResult]
    errors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.errors and all(f.passed for f in self.figures)

    def figure(self, metric: str) -> Figure:
        return next(f for f in self.figures if f.metric == metric)


# ------------------------------------------------------------------ normalising

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_NON_WORD = re.compile(r"[^\w\s]+")


def normalise_name(name: str) -> str:
    """A name as compared: "the U.K.’s AI Office" -> "uk ai office"."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    text = _POSSESSIVE.sub("", text.replace(".", ""))  # dots first: "U.K.'s" -> "uk"
    text = " ".join(_NON_WORD.sub(" ", text).split())
    return text[4:] if text.startswith("the ") else text


def _names(values: Iterable[str]) -> set[str]:
    return {n for n in (normalise_name(v) for v in values) if n}


def system_names(actor: Actor) -> set[str]:
    """What the system calls an actor: its name and aliases (used for actor P/R)."""
    return _names([actor.name, *actor.aliases])


def system_forms(actor: Actor) -> set[str]:
    """Every surface form the system tied to an actor, mentions included (used for merging)."""
    return system_names(actor) | _names(m.text for m in actor.mentions)


def title_matches(expected: str, found: str) -> bool:
    """A role title matches when the expected words occur, in order, in the system title.

    "Treasury Secretary" matches "U.S. Treasury Secretary"; "CEO" does not match "CFO".
    """
    want, got = normalise_name(expected).split(), normalise_name(found).split()
    if not want:
        return False
    return any(got[i : i + len(want)] == want for i in range(len(got) - len(want) + 1))


# ------------------------------------------------------------------ annotations


@dataclass
class ExpectedActor:
    name: str
    types: list[str]
    aliases: list[str]  # other ways the text refers to it: must merge with the name
    roles: list[dict[str, Any]]
    accept: list[str] = field(default_factory=list)  # fine as a system name, not in the text

    @property
    def forms(self) -> set[str]:
        return _names([self.name, *self.aliases, *self.accept])


@dataclass
class Case:
    name: str
    folder: Path
    sources: list[dict[str, Any]]
    actors: list[ExpectedActor]
    ignore: set[str]
    distinct: list[tuple[str, str]]
    claims: dict[str, dict[str, Any]]
    contested: list[tuple[str, str]]
    truncated: list[tuple[str, str]]
    complete: list[tuple[str, str]]
    boilerplate: list[tuple[str, str]]
    events: list[dict[str, Any]] = field(default_factory=list)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _pairs(raw: Any, what: str, path: Path) -> list[tuple[str, str]]:
    out = []
    for item in _as_list(raw):
        if not (isinstance(item, list) and len(item) == 2):
            raise AnnotationError(f"{path}: each {what} entry must be a [first, second] pair")
        out.append((str(item[0]), str(item[1])))
    return out


def _actor(raw: dict[str, Any], path: Path) -> ExpectedActor:
    if "name" not in raw or "type" not in raw:
        raise AnnotationError(f"{path}: every actor needs a name and a type: {raw!r}")
    return ExpectedActor(
        name=str(raw["name"]),
        types=[str(t) for t in _as_list(raw["type"])],
        aliases=[str(a) for a in _as_list(raw.get("aliases"))],
        roles=[dict(r) for r in _as_list(raw.get("roles"))],
        accept=[str(a) for a in _as_list(raw.get("accept"))],
    )


def _check_forms_in_text(actors: list[ExpectedActor], texts: list[str], path: Path) -> None:
    """Names and aliases must be forms the articles use; anything else belongs in accept."""
    haystack = " " + " ".join(normalise_name(t) for t in texts) + " "
    for actor in actors:
        for form in [actor.name, *actor.aliases]:
            if f" {normalise_name(form)} " not in haystack:
                raise AnnotationError(
                    f"{path}: {form!r} ({actor.name}) does not occur in the sources; "
                    "list names the text never uses under accept:"
                )


def load_case(folder: Path) -> Case:
    """Read and check one case's annotations.yml."""
    path = folder / "annotations.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise AnnotationError(f"{path}: not valid YAML: {err}") from err
    sources = [s if isinstance(s, dict) else {"file": s} for s in _as_list(data.get("sources"))]
    for src in sources:
        if not (folder / str(src.get("file", ""))).is_file():
            raise AnnotationError(f"{path}: source file {src.get('file')!r} not in {folder}")
    claims = {}
    for raw in _as_list(data.get("claims")):
        claims[str(raw["id"])] = {
            "status": raw.get("status"),
            "appearances": _pairs(raw.get("appearances"), "appearance", path),
        }
    actors = [_actor(a, path) for a in _as_list(data.get("actors"))]
    texts = [(folder / str(s["file"])).read_text(encoding="utf-8") for s in sources]
    _check_forms_in_text(actors, texts, path)
    return Case(
        name=folder.name,
        folder=folder,
        sources=sources,
        actors=actors,
        ignore=_names(str(i) for i in _as_list(data.get("ignore"))),
        distinct=_pairs(data.get("distinct"), "distinct", path),
        claims=claims,
        contested=_pairs(data.get("contested"), "contested", path),
        truncated=_pairs(data.get("truncated"), "truncated", path),
        complete=_pairs(data.get("complete"), "complete", path),
        boilerplate=_pairs(data.get("boilerplate"), "boilerplate", path),
        events=[_event(e, path) for e in _as_list(data.get("events"))],
    )


def _event(raw: Any, path: Path) -> dict[str, Any]:
    """{file, sentence (snippet), when (as written), date (ISO, null = must be undated)}."""
    if not (isinstance(raw, dict) and {"file", "sentence", "when"} <= set(raw)):
        raise AnnotationError(f"{path}: each event needs file, sentence and when: {raw!r}")
    event = {k: str(raw[k]) for k in ("file", "sentence", "when")}
    if "date" in raw:
        event["date"] = None if raw["date"] is None else str(raw["date"])
    return event


# --------------------------------------------------------------------- running


def _documents_directly(folder: Path, files: list[str]) -> list[Document]:
    """Plain-text documents without the loader (unit tests; or before generator.load exists)."""
    from generator.ids import slugify

    docs = []
    for name in files:
        raw = (folder / name).read_bytes()
        fmt = name.rsplit(".", 1)[-1] if name.endswith((".md", ".html")) else "txt"
        docs.append(Document(id=slugify(Path(name).stem), path=f"seeds/{name}", format=fmt,
                             text=raw.decode("utf-8"), metadata=Metadata(),
                             content_hash=hashlib.sha256(raw).hexdigest()))
    return docs


def load_documents(case: Case) -> dict[str, Document]:
    """The case's sources loaded the way `briefing build` loads seeds, keyed by file name."""
    files = [str(s["file"]) for s in case.sources]
    try:
        from generator.load import load_seeds
        from generator.project import Project
    except ImportError:
        docs = _documents_directly(case.folder, files)
    else:
        with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
            seeds = Path(tmp) / "seeds"
            seeds.mkdir()
            for name in files:
                shutil.copy2(case.folder / name, seeds / name)
            docs = load_seeds(Project.at(tmp, seeds=seeds, use_curation=False))
    by_file = {}
    for doc in docs:
        name = doc.path.rsplit("/", 1)[-1]
        by_file[name] = doc
    for src in case.sources:
        doc = by_file[str(src["file"])]
        if src.get("published") and not doc.metadata.published:
            doc.metadata.published = str(src["published"])
    return by_file


def run_pipeline(docs: Iterable[Document]) -> Briefing:
    from generator.crossref import cross_reference
    from generator.extract import extract_source

    return cross_reference([extract_source(doc) for doc in docs])


# ------------------------------------------------------------ locating sentences


@dataclass
class Located:
    """An annotated substring resolved to the system's sentence that holds it."""

    file: str
    snippet: str
    source: str  # source id
    sentence: Sentence | None

    @property
    def key(self) -> tuple[str, str] | None:
        return (self.source, self.sentence.id) if self.sentence else None

    def label(self) -> str:
        return f"{self.file}: {self.snippet[:70]!r}"


class Locator:
    """Finds annotated substrings in the loaded texts and the system sentences holding them."""

    def __init__(self, case: Case, docs: dict[str, Document], briefing: Briefing):
        self.case = case
        self.docs = docs
        self.sentences = {s.id: s.sentences for s in briefing.sources}

    def offset(self, file: str, snippet: str) -> int:
        if file not in self.docs:
            raise AnnotationError(f"{self.case.name}: {file!r} is not one of the case's sources")
        text = self.docs[file].text
        first = text.find(snippet)
        if first < 0:
            raise AnnotationError(f"{self.case.name}/{file}: substring not found: {snippet!r}")
        if text.find(snippet, first + 1) >= 0:
            raise AnnotationError(f"{self.case.name}/{file}: substring is not unique: {snippet!r}")
        return first

    def locate(self, file: str, snippet: str, *, at_end: bool = False) -> Located:
        """The sentence holding the snippet's first character (or its last, for truncation)."""
        start = self.offset(file, snippet)
        point = start + len(snippet) - 1 if at_end else start
        source = self.docs[file].id
        found = next(
            (s for s in self.sentences.get(source, []) if s.start <= point < s.end), None
        )
        return Located(file, snippet, source, found)


# --------------------------------------------------------------------- actors


def _matching(actors: list[Actor], forms: set[str]) -> list[Actor]:
    return [a for a in actors if system_names(a) & forms]


def _primary(actors: list[Actor]) -> Actor:
    """The matched system actor that carries most mentions (ties: by id, for determinism)."""
    return sorted(actors, key=lambda a: (-len(a.mentions), a.id))[0]


def _describe(actor: Actor) -> str:
    aliases = f" aka {', '.join(sorted(actor.aliases))}" if actor.aliases else ""
    return f"{actor.name} [{actor.type}]{aliases}"


def score_actors(case: Case, briefing: Briefing, result: CaseResult) -> None:
    """Actor precision/recall, type accuracy, alias merging, distinctness, roles."""
    actors = briefing.actors
    expected_forms = set().union(*(e.forms for e in case.actors)) if case.actors else set()
    precision = result.tally("actor_precision")
    for actor in sorted(actors, key=lambda a: a.id):
        names = system_names(actor)
        if names & expected_forms:
            precision.add(True)
        elif not names & case.ignore:
            precision.add(False, f"extra actor: {_describe(actor)}")
    for expected in case.actors:
        found = _matching(actors, expected.forms)
        result.tally("actor_recall").add(bool(found), f"missed actor: {expected.name}")
        if found:
            primary = _primary(found)
            # A profile that also matches another expected actor is a merge question
            # (distinct_kept_apart), not a split of this one.
            others = [e.forms for e in case.actors if e is not expected]
            own = [a for a in found if not any(system_names(a) & f for f in others)]
            result.tally("actor_single_profile").add(
                len(own) <= 1,
                f"{expected.name}: split over {len(own)} profiles: "
                + "; ".join(_describe(a) for a in own),
            )
            result.tally("actor_type_accuracy").add(
                primary.type in expected.types,
                f"{expected.name}: type {primary.type}, expected {'/'.join(expected.types)}",
            )
        _score_merging(expected, actors, result)
        _score_roles(case, expected, found, actors, result)
    _score_distinct(case, actors, result)


def _score_merging(expected: ExpectedActor, actors: list[Actor], result: CaseResult) -> None:
    """Each alias must end up in one actor together with the canonical name."""
    head = normalise_name(expected.name)
    for alias in expected.aliases:
        form = normalise_name(alias)
        if form == head:
            continue  # "U.S." vs "US": identical after normalising, nothing to merge
        merged = any({head, form} <= system_forms(a) for a in actors)
        holders = [a.name for a in actors if form in system_forms(a)]
        where = f"found on {', '.join(sorted(holders))}" if holders else "alias not found"
        result.tally("alias_merge_recall").add(
            merged, f"{expected.name!r} + {alias!r} not merged ({where})"
        )


def _forms_of(case: Case, name: str) -> set[str]:
    """An expected actor's forms when ``name`` names one, else just the name itself."""
    form = normalise_name(name)
    for expected in case.actors:
        if form in expected.forms:
            return expected.forms
    return {form}


def _score_distinct(case: Case, actors: list[Actor], result: CaseResult) -> None:
    """Distinct entities must not share a system actor; pairs the system lacks are not scored."""
    for left, right in case.distinct:
        lforms, rforms = _forms_of(case, left), _forms_of(case, right)
        if not (_matching(actors, lforms) and _matching(actors, rforms)):
            continue
        joint = [a for a in actors if system_forms(a) & lforms and system_forms(a) & rforms]
        result.tally("distinct_kept_apart").add(
            not joint, f"{left!r} and {right!r} merged into {', '.join(a.name for a in joint)}"
        )


def _score_roles(
    case: Case, expected: ExpectedActor, found: list[Actor], actors: list[Actor],
    result: CaseResult,
) -> None:
    by_id = {a.id: a for a in actors}
    for role in expected.roles:
        titles = [str(t) for t in _as_list(role.get("title"))]
        got = [r for a in found for r in a.roles if any(title_matches(t, r.title) for t in titles)]
        seen = sorted({r.title for a in found for r in a.roles})
        result.tally("role_recall").add(
            bool(got), f"{expected.name}: role {titles[0]!r} missing (has {seen or 'none'})"
        )
        orgs = _as_list(role.get("organisation"))
        if not orgs:
            continue
        forms = set().union(*(_forms_of(case, str(o)) for o in orgs))
        served = [by_id[r.organisation] for r in got if r.organisation in by_id]
        ok = any(system_names(a) & forms for a in served)
        result.tally("role_organisation_recall").add(
            ok, f"{expected.name}: {titles[0]} of {orgs[0]!r} not linked "
            f"(linked to {sorted(a.name for a in served) or 'nothing'})",
        )


# --------------------------------------------------------------------- claims


def _claims_by_sentence(briefing: Briefing) -> dict[tuple[str, str], set[str]]:
    index: dict[tuple[str, str], set[str]] = {}
    for claim in briefing.claims:
        for app in claim.appearances:
            index.setdefault((app.source, app.sentence), set()).add(claim.id)
    return index


def score_claims(case: Case, loc: Locator, briefing: Briefing, result: CaseResult) -> None:
    """Pairwise clustering P/R over the annotated appearances, status and contradictions."""
    index = _claims_by_sentence(briefing)
    items: list[tuple[str, Located, set[str]]] = []
    for cid, claim in sorted(case.claims.items()):
        for file, snippet in claim["appearances"]:
            found = loc.locate(file, snippet)
            items.append((cid, found, index.get(found.key, set()) if found.key else set()))
    excused = {frozenset(p) for p in case.contested}
    texts = {c.id: c.text for c in briefing.claims}

    def where(ids: set[str]) -> str:
        return " | ".join(f"{c}: {texts[c][:50]!r}" for c in sorted(ids)) or "in no claim"

    for (ca, la, sa), (cb, lb, sb) in combinations(items, 2):
        if ca != cb and frozenset((ca, cb)) in excused:
            continue  # conflicting claims may be one contested row or two linked rows
        gold, system = ca == cb, bool(sa & sb)
        if system:
            result.tally("claim_cluster_precision").add(
                gold, f"wrongly clustered: [{ca}] {la.label()} + [{cb}] {lb.label()}"
            )
        if gold:
            result.tally("claim_cluster_recall").add(
                system, f"[{ca}] not clustered: {la.label()} ({where(sa)}) + "
                f"{lb.label()} ({where(sb)})",
            )
    _score_status(case, items, briefing, result)
    _score_contested(case, items, briefing, result)


def _score_status(case: Case, items: list[tuple[str, Located, set[str]]], briefing: Briefing,
                  result: CaseResult) -> None:
    status = {c.id: c.status for c in briefing.claims}
    for cid, claim in sorted(case.claims.items()):
        want = claim.get("status")
        if not want:
            continue
        got = sorted({status[c] for name, _, ids in items if name == cid for c in ids})
        result.tally("claim_status_accuracy").add(
            got == [want], f"[{cid}] status {'/'.join(got) or 'no claim'}, expected {want}"
        )


def _score_contested(case: Case, items: list[tuple[str, Located, set[str]]],
                     briefing: Briefing, result: CaseResult) -> None:
    claims = {c.id: c for c in briefing.claims}

    def ids_of(cid: str) -> set[str]:
        return set().union(*[ids for name, _, ids in items if name == cid])

    for left, right in case.contested:
        a, b = ids_of(left), ids_of(right)
        same = any(claims[c].status == "contested" for c in a & b)
        linked = any(
            x != y and (y in claims[x].conflicts_with or x in claims[y].conflicts_with)
            for x in a for y in b
        )
        result.tally("contested_recall").add(same or linked, f"[{left}] vs [{right}] not linked")
    contested_ids = {c for pair in case.contested for c in pair}
    judged: dict[str, set[str]] = {}
    for name, _, ids in items:
        for c in ids:
            judged.setdefault(c, set()).add(name)
    for claim_id, names in sorted(judged.items()):
        if claims[claim_id].status == "contested":
            result.tally("contested_precision").add(
                bool(names & contested_ids),
                f"marked contested but annotated as agreeing: {', '.join(sorted(names))}",
            )


# ------------------------------------------------------------------- quality


def _flag_scores(
    case: Case, loc: Locator, briefing: Briefing, result: CaseResult, kind: str,
    gold: list[tuple[str, str]], *, absent_ok: bool,
) -> set[tuple[str, str]]:
    """Precision/recall of one sentence flag ("truncated" or "boilerplate")."""
    at_end = kind == "truncated"
    prefix = "truncation" if kind == "truncated" else "boilerplate"
    wanted: set[tuple[str, str]] = set()
    for file, snippet in gold:
        found = loc.locate(file, snippet, at_end=at_end)
        if found.key:
            wanted.add(found.key)
            ok = getattr(found.sentence, kind)
            result.tally(f"{prefix}_recall").add(
                ok, f"not flagged {kind}: {found.label()}"
            )
        else:
            result.tally(f"{prefix}_recall").add(
                absent_ok, f"not in any sentence: {found.label()}"
            )
    risky = {loc.locate(f, s, at_end=True).key: s for f, s in case.complete}
    metric = f"{prefix}_precision"
    for source in briefing.sources:
        if source.path.rsplit("/", 1)[-1] not in loc.docs:
            continue
        for sent in source.sentences:
            if getattr(sent, kind):
                key = (source.id, sent.id)
                why = " (annotated as complete)" if key in risky and kind == "truncated" else ""
                result.tally(metric).add(
                    key in wanted, f"wrongly flagged {kind}{why}: {sent.id} {sent.text[:70]!r}"
                )
    return wanted


def score_quality(case: Case, loc: Locator, briefing: Briefing, result: CaseResult) -> None:
    _flag_scores(case, loc, briefing, result, "truncated", case.truncated, absent_ok=False)
    boiler = _flag_scores(case, loc, briefing, result, "boilerplate", case.boilerplate,
                          absent_ok=True)
    used = {(a.source, a.sentence) for c in briefing.claims for a in c.appearances}
    used |= {(s.id, sid) for s in briefing.sources for sid in s.summary}
    for key in sorted(boiler):
        result.tally("boilerplate_kept_out").add(
            key not in used, f"boilerplate used in a claim or key point: {key[0]} {key[1]}"
        )
    _score_datelines(case, loc, briefing, result)


def _score_datelines(case: Case, loc: Locator, briefing: Briefing, result: CaseResult) -> None:
    for src in case.sources:
        file = str(src["file"])
        source = briefing.source(loc.docs[file].id)
        if src.get("dateline"):
            start = loc.offset(file, str(src["dateline"]))
            end = start + len(str(src["dateline"]))
            inside = [s.id for s in source.sentences if s.start < end and s.end > start]
            result.tally("dateline_kept_out").add(
                not inside, f"{file}: dateline {src['dateline']!r} inside {', '.join(inside)}"
            )
        if src.get("outlet"):
            wants = _names(str(o) for o in _as_list(src["outlet"]))
            got = normalise_name(source.outlet or "")
            result.tally("outlet_from_dateline").add(
                bool(got) and any(w in got or got in w for w in wants),
                f"{file}: outlet {source.outlet!r}, expected {src['outlet']!r}",
            )


# -------------------------------------------------------------------- events


def score_events(case: Case, loc: Locator, briefing: Briefing, result: CaseResult) -> None:
    """Each annotated time expression must be an event of its sentence, dated only if certain."""
    for want in case.events:
        found = loc.locate(want["file"], want["sentence"])
        when = normalise_name(want["when"])
        hits = [
            ev for ev in briefing.events
            if found.key == (ev.source, ev.sentence)
            and (when in normalise_name(ev.when) or normalise_name(ev.when) in when)
        ]
        result.tally("event_recall").add(
            bool(hits), f"no event for {want['when']!r} in {found.label()}"
        )
        if hits and "date" in want:
            got = sorted({ev.date or "undated" for ev in hits})
            expected = want["date"] or "undated"
            result.tally("event_date_accuracy").add(
                got == [expected], f"{want['when']!r}: dated {'/'.join(got)}, expected "
                f"{expected} ({want['file']})",
            )


# -------------------------------------------------------------------- driver


def evaluate_case(case: Case) -> CaseResult:
    """Run the pipeline on one case and score it; pipeline crashes are recorded, not raised."""
    result = CaseResult(case.name)
    try:
        docs = load_documents(case)
        briefing = run_pipeline(docs.values())
    except Exception:  # noqa: BLE001 - a crashing stage is a gate failure to report
        result.error = traceback.format_exc()
        return result
    loc = Locator(case, docs, briefing)
    score_actors(case, briefing, result)
    score_claims(case, loc, briefing, result)
    score_quality(case, loc, briefing, result)
    score_events(case, loc, briefing, result)
    return result


def load_floors(path: Path) -> dict[str, float]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = sorted(set(data) - set(METRICS))
    if unknown:
        raise AnnotationError(f"{path}: unknown metric(s) {', '.join(unknown)}")
    return {str(k): float(v) for k, v in data.items()}


def case_folders(cases_dir: Path) -> list[Path]:
    return sorted(p for p in cases_dir.iterdir() if (p / "annotations.yml").is_file())


def build_report(results: list[CaseResult], floors: dict[str, float],
                 errors: list[str] | None = None) -> Report:
    """Sum the per-case tallies into figures and compare them with the floors."""
    figures = []
    for metric in METRICS:
        total = Tally()
        for res in results:
            if metric in res.tallies:
                total.merge(res.tallies[metric])
        figures.append(Figure(metric, total.value, total.hits, total.total, floors.get(metric)))
    errors = list(errors or []) + [f"{r.name}: pipeline failed (see the case above)"
                                   for r in results if r.error]
    return Report(figures=figures, cases=results, errors=errors)


def evaluate(cases_dir: Path | None = None, floors_path: Path | None = None) -> Report:
    """Score the pipeline on every case under ``cases_dir`` against ``floors.yml`` beside it."""
    cases_dir = Path(cases_dir) if cases_dir else REPO_CASES
    floors_path = floors_path or cases_dir.parent / "floors.yml"
    results, errors = [], []
    for folder in case_folders(cases_dir):
        try:
            case = load_case(folder)
            results.append(evaluate_case(case))
        except AnnotationError as err:
            errors.append(f"annotation error: {err}")
    try:
        floors = load_floors(floors_path)
    except AnnotationError as err:
        floors, errors = {}, [*errors, f"floors: {err}"]
    if not results and not errors:
        errors.append(f"no annotated cases found in {cases_dir}")
    return build_report(results, floors, errors)


# -------------------------------------------------------------------- output


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _as_dict(report: Report) -> dict[str, Any]:
    return {
        "passed": report.passed,
        "errors": report.errors,
        "metrics": {
            f.metric: {"value": None if f.value is None else round(f.value, 4),
                       "hits": f.hits, "total": f.total, "floor": f.floor, "passed": f.passed}
            for f in report.figures
        },
        "cases": {
            r.name: {
                "error": r.error,
                "metrics": {m: {"hits": t.hits, "total": t.total, "misses": t.misses}
                            for m, t in sorted(r.tallies.items())},
            }
            for r in report.cases
        },
    }


def format_report(report: Report, as_json: bool = False) -> str:
    """The figures table, then per case every miss, so a developer knows what to fix."""
    if as_json:
        return json.dumps(_as_dict(report), indent=2, sort_keys=True, ensure_ascii=False)
    lines = [f"{'metric':<26} {'value':>7} {'floor':>6}  {'result':<6} n", "-" * 60]
    for f in report.figures:
        floor = "-" if f.floor is None else f"{f.floor:.2f}"
        verdict = "-" if f.floor is None else ("pass" if f.passed else "FAIL")
        lines.append(f"{f.metric:<26} {_fmt(f.value):>7} {floor:>6}  {verdict:<6} "
                     f"{f.hits}/{f.total}")
    for res in report.cases:
        lines += ["", f"== case {res.name}"]
        if res.error:
            tail = res.error.strip().splitlines()[-3:]
            lines += ["  pipeline failed:"] + [f"    {line}" for line in tail]
        for metric in METRICS:
            tally = res.tallies.get(metric)
            if tally is None:
                continue
            lines.append(f"  {metric:<26} {_fmt(tally.value):>7}  {tally.hits}/{tally.total}")
            lines += [f"      - {m}" for m in tally.misses]
    if report.errors:
        lines += ["", "errors:"] + [f"  {e}" for e in report.errors]
    lines += ["", "PASSED" if report.passed else "FAILED: a figure is below its floor or an "
              "error occurred"]
    return "\n".join(lines)
