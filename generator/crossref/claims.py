"""Cross-source claim clustering, contradictions, independence and status.

Input: one ``ClaimCandidate`` per claim-bearing sentence, actor keys already
rewritten to global actor ids. Output: ``Claim`` rows.

How it works (and why):

* **Similarity.** Each candidate is a bag of features: its normalised content
  terms (stems, synonyms folded to one form, polarity concepts like ``~access``)
  and its actors (``@id``). Features are weighted by inverse document frequency
  over all candidates, so "security" (everywhere) counts little and
  "permission" (rare) counts a lot. The score is the mean of the weighted cosine
  and the weighted overlap coefficient: cosine punishes a long sentence that
  contains a short one, overlap does not; the mean behaves well on both.
  Two candidates must also share at least ``MIN_SHARED_TERMS`` content terms
  (actors do not count), so claims that merely share actors never cluster.
* **Not quadratic.** Candidates are blocked by an inverted index on their
  features; a feature carried by more than ``MAX_BLOCK`` candidates is too
  common to block on. Only pairs that share a block are compared, and only
  across different sources.
* **Clusters.** Pairs at or above ``MERGE_THRESHOLD`` are merged best-first; a
  cluster holds at most one appearance per source (so a chain of loosely
  similar sentences of one article cannot glue unrelated claims together).
* **Contradictions.** A pair about the same subject (score at or above
  ``CONFLICT_THRESHOLD``) that disagrees on a value becomes a conflict instead
  of a merge: the same unit with different numbers, disjoint months or years,
  or opposite polarity ("granted access" vs "remains excluded", "supports" vs
  "opposes"; opposite polarity needs the stricter ``MERGE_THRESHOLD``).
  Conflicts are linked both ways and make both claims ``contested``. Where both
  sides have publication dates, the later report ``supersedes`` the earlier.
* **Independence.** Two sources are not independent when they share an outlet
  or when one reprints the other (containment of word 5-gram shingles of their
  texts >= ``REPRINT_CONTAINMENT``: wire copy reprinted with a new lede is still
  one story). An appearance that says "as reported by X" counts as outlet X.
  A claim is ``corroborated`` with two or more independent groups.
* **Hedging** of a claim is the least hedged of its appearances (asserted <
  reported < hedged): if any independent source states it flatly, so does the
  claim table; each appearance keeps its own hedges for the reader.
* **Ids** are "c-" + 8 hex of sha1 of the folded headline of the canonical
  appearance (lowest source id, then position); a collision is resolved by
  hashing the headline with the canonical source and sentence.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator.extract.claims import DATE_RE, content_terms, stem
from generator.models import Appearance, Claim, ClaimCandidate, Source

MERGE_THRESHOLD = 0.27
CONFLICT_THRESHOLD = 0.25
MIN_SHARED_TERMS = 2
MAX_BLOCK = 60
ACTOR_WEIGHT = 0.5  # actors are evidence of the same subject, not of the same assertion
CONCEPT_WEIGHT = 2.0  # a shared polarity concept ("~support-") is the same predicate
REPRINT_CONTAINMENT = 0.5
SHINGLE = 5

_HEDGE_RANK = {"asserted": 0, "reported": 1, "hedged": 2}
_STATUS_RANK = {"corroborated": 0, "contested": 1, "single-source": 2}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}
_NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONTH_RE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_WORD_RE = re.compile(r"\w+")


# ------------------------------------------------------------------------------ features


@dataclass
class _Vec:
    """A weighted feature vector with its squared norm and total weight."""

    features: dict[str, float]
    norm2: float
    total: float


def _vec(features: dict[str, float]) -> _Vec:
    return _Vec(features, sum(w * w for w in features.values()), sum(features.values()))


# Clause boundaries: semicolons, colons, dashes, and commas before a participle,
# relative pronoun or conjunction. Long sentences often join two assertions;
# comparing clause with clause finds the shared one.
_CLAUSE_RE = re.compile(
    r"\s*[;:\u2014\u2013]\s*|\s+--\s+|,\s+(?=(?:which|who|whose|while|whereas|but|and|as|"
    r"although|though|because|so|aiming|forcing|making|leaving|prompting|prioriti[sz]ing|"
    r"including|specifically|especially|particularly)\b)|,\s+(?=\w+ing\b)|,\s+(?=[A-Z])"
)
MIN_CLAUSE_TERMS = 3
MIN_SHARED_CLAUSE_TERMS = 3


@dataclass
class _Item:
    """A candidate prepared for comparison."""

    n: int
    cand: ClaimCandidate
    source: str
    terms: frozenset[str]
    features: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    total: float = 0.0
    clauses: list[_Vec] = field(default_factory=list)
    quantities: list[tuple[str, float]] = field(default_factory=list)
    months: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.source, self.cand.appearance.start, self.n)


def parse_quantity(text: str) -> tuple[str, float] | None:
    """(unit, value) of a number as written, or None for vague ones ("thousands").

    "70 additional organizations" -> ("organ", 70.0); "5%" -> ("%", 5.0);
    "$3 billion" -> ("$", 3e9). The unit is the stem of the last word.
    """
    m = _NUM_RE.search(text)
    if m is None:
        return None
    value = float(m.group(0).replace(",", ""))
    rest = text[m.end() :].strip().lower()
    words = rest.split()
    if words and words[0] in _SCALES:
        value *= _SCALES[words.pop(0)]
    if "%" in rest or rest.startswith(("percent", "per cent")):
        unit = "%"
    elif text[:1] in "$€£¥":
        unit = text[0]
    elif words:
        unit = stem(words[-1])
    else:
        return None
    return unit, value


def _prepare(cands: list[ClaimCandidate]) -> list[_Item]:
    items = []
    for n, cand in enumerate(cands):
        dates = " ".join(cand.dates)
        items.append(
            _Item(
                n=n,
                cand=cand,
                source=cand.appearance.source,
                terms=frozenset(cand.terms),
                quantities=[q for q in map(parse_quantity, cand.numbers) if q],
                months=frozenset(m.lower()[:3] for m in _MONTH_RE.findall(dates)),
                years=frozenset(_YEAR_RE.findall(dates)),
            )
        )
    df: dict[str, int] = defaultdict(int)
    raw = []
    for item in items:
        feats = set(item.terms) | {f"@{a}" for a in item.cand.actors}
        raw.append(feats)
        for f in feats:
            df[f] += 1
    total = len(items)
    for item, feats in zip(items, raw, strict=True):
        for f in sorted(feats):
            w = math.log(1.0 + total / df[f])
            item.features[f] = w * _weight(f)
        item.norm2 = sum(w * w for w in item.features.values())
        item.total = sum(item.features.values())
        item.clauses = _clause_vectors(item, df, total)
    return items


def _clause_vectors(item: _Item, df: dict[str, int], total: int) -> list[_Vec]:
    pieces = [p for p in _CLAUSE_RE.split(item.cand.appearance.quote) if p and p.strip()]
    if len(pieces) < 2:
        return []
    actors = {f: w for f, w in item.features.items() if f.startswith("@")}
    out = []
    for piece in pieces:
        # only terms the whole quote kept (actor names were blanked out there)
        terms = set(content_terms(piece)[0]) & item.terms
        if len(terms) < MIN_CLAUSE_TERMS:
            continue
        feats = {t: math.log(1.0 + total / df.get(t, 1)) * _weight(t) for t in sorted(terms)}
        out.append(_vec({**feats, **actors}))
    return out


def _score(a: _Vec, b: _Vec, min_shared: int) -> float:
    """Mean of weighted cosine and weighted overlap coefficient; 0 without enough shared terms."""
    shared = sorted(a.features.keys() & b.features.keys())
    if sum(1 for f in shared if not f.startswith("@")) < min_shared:
        return 0.0
    dot = sum(a.features[f] * b.features[f] for f in shared)
    cosine = dot / math.sqrt(a.norm2 * b.norm2) if a.norm2 and b.norm2 else 0.0
    inter = sum(min(a.features[f], b.features[f]) for f in shared)
    smaller = min(a.total, b.total)
    overlap = inter / smaller if smaller else 0.0
    return (cosine + overlap) / 2


def _weight(feature: str) -> float:
    if feature.startswith("@"):
        return ACTOR_WEIGHT
    return CONCEPT_WEIGHT if feature.startswith("~") else 1.0


def similarity(a: _Item, b: _Item) -> float:
    """Best score of the whole quotes or of any of their clauses (clauses need more overlap)."""
    n_shared = len(a.terms & b.terms)
    if n_shared < MIN_SHARED_TERMS:
        return 0.0  # clause terms are a subset of the quote's, so no clause can do better
    whole_a = _Vec(a.features, a.norm2, a.total)
    whole_b = _Vec(b.features, b.norm2, b.total)
    best = _score(whole_a, whole_b, MIN_SHARED_TERMS)
    if n_shared < MIN_SHARED_CLAUSE_TERMS or best >= MERGE_THRESHOLD:
        return best
    for x in [whole_a, *a.clauses]:
        for y in [whole_b, *b.clauses]:
            if x is not whole_a or y is not whole_b:
                best = max(best, _score(x, y, MIN_SHARED_CLAUSE_TERMS))
    return best


def _conflict(a: _Item, b: _Item, score: float) -> bool:
    """Do two candidates about the same subject disagree on a value?"""
    if score < CONFLICT_THRESHOLD:
        return False
    for unit, value in a.quantities:
        for unit_b, value_b in b.quantities:
            if unit == unit_b and not math.isclose(value, value_b):
                return True
    if a.months and b.months and not a.months & b.months:
        return True
    if a.years and b.years and not a.years & b.years:
        return True
    return score >= MERGE_THRESHOLD and a.cand.negated != b.cand.negated


def _candidate_pairs(items: list[_Item]) -> set[tuple[int, int]]:
    """Pairs of items from different sources that share a blocking feature."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for f in item.features:
            index[f].append(i)
    pairs = set()
    for f in sorted(index):
        posting = index[f]
        if len(posting) < 2 or len(posting) > MAX_BLOCK:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1 :]:
                if items[i].source != items[j].source:
                    pairs.add((i, j))
    return pairs


# --------------------------------------------------------------------------- clustering


def _clusters(items: list[_Item]) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Greedy best-first clustering; returns clusters (item indexes) and conflict pairs."""
    merges, conflicts = [], []
    for i, j in _candidate_pairs(items):
        score = similarity(items[i], items[j])
        if score <= 0:
            continue
        if _conflict(items[i], items[j], score):
            conflicts.append((i, j))
        elif score >= MERGE_THRESHOLD:
            merges.append((score, i, j))
    parent = list(range(len(items)))
    sources = [{item.source} for item in items]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _score, i, j in sorted(merges, key=lambda t: (-t[0], items[t[1]].key, items[t[2]].key)):
        ri, rj = find(i), find(j)
        if ri != rj and not sources[ri] & sources[rj]:
            parent[rj] = ri
            sources[ri] |= sources[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    clusters = [sorted(g, key=lambda i: items[i].key) for g in groups.values()]
    clusters.sort(key=lambda g: items[g[0]].key)
    return clusters, conflicts


# ------------------------------------------------------------------------- independence


def _shingles(text: str) -> set[int]:
    words = _WORD_RE.findall(text.lower())
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest(),
            "big",
        )
        for i in range(max(0, len(words) - SHINGLE + 1))
    }


def independence_groups(sources: list[Source]) -> dict[str, str]:
    """Source id -> group id; sources in one group are one story (reprint or same outlet)."""
    ordered = sorted(sources, key=lambda s: s.id)
    parent = {s.id: s.id for s in ordered}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_outlet: dict[str, str] = {}
    for s in ordered:
        outlet = " ".join((s.outlet or "").lower().removeprefix("the ").split())
        if outlet:
            if outlet in by_outlet:
                union(by_outlet[outlet], s.id)
            else:
                by_outlet[outlet] = s.id
    shingles = {s.id: _shingles(s.text) for s in ordered}
    owners: dict[int, list[str]] = defaultdict(list)
    for sid in sorted(shingles):
        for h in shingles[sid]:
            owners[h].append(sid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in owners.values():
        if 1 < len(ids) <= 20:  # a phrase in very many sources is a cliché, not a reprint
            for x, a in enumerate(ids):
                for b in ids[x + 1 :]:
                    shared[(a, b)] += 1
    for (a, b), n in sorted(shared.items()):
        smaller = min(len(shingles[a]), len(shingles[b]))
        if smaller and n / smaller >= REPRINT_CONTAINMENT:
            union(a, b)
    return {sid: find(sid) for sid in parent}


def _independence_key(app: Appearance, groups: dict[str, str]) -> str:
    if app.attribution_kind == "other_outlet" and app.attributed_to:
        return f"outlet:{app.attributed_to}"
    return f"group:{groups.get(app.source, app.source)}"


# ------------------------------------------------------------------------------ output


def _fold(text: str) -> str:
    return " ".join(
        text.casefold().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
    )


def _claim_id(headline: str, source: str, sentence: str, taken: set[str]) -> str:
    cid = "c-" + hashlib.sha1(_fold(headline).encode()).hexdigest()[:8]
    salt = 0
    while cid in taken:
        salt += 1
        payload = f"{_fold(headline)}\x1f{source}\x1f{sentence}\x1f{salt}"
        cid = "c-" + hashlib.sha1(payload.encode()).hexdigest()[:8]
    taken.add(cid)
    return cid


def _union_ordered(lists: list[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for values in lists:
        for v in values:
            seen.setdefault(v, None)
    return list(seen)


def _build_claim(members: list[_Item], groups: dict[str, str], taken: set[str]) -> Claim:
    canon = members[0].cand
    apps = [m.cand.appearance for m in members]
    independent = {_independence_key(a, groups) for a in apps}
    return Claim(
        id=_claim_id(canon.text, canon.appearance.source, canon.appearance.sentence, taken),
        text=canon.text,
        status="corroborated" if len(independent) >= 2 else "single-source",
        appearances=apps,
        actors=sorted({a for m in members for a in m.cand.actors}),
        hedging=min((m.cand.hedging for m in members), key=lambda h: _HEDGE_RANK.get(h, 3)),
        numbers=_union_ordered([m.cand.numbers for m in members]),
        dates=_union_ordered([m.cand.dates for m in members]),
    )


def _link_conflicts(
    claims: list[Claim],
    owner: list[int],
    conflicts: list[tuple[int, int]],
    published: dict[str, str | None],
) -> None:
    for i, j in conflicts:
        a, b = claims[owner[i]], claims[owner[j]]
        if a is b:
            continue
        if b.id not in a.conflicts_with:
            a.conflicts_with.append(b.id)
            b.conflicts_with.append(a.id)
        da, db = _first_reported(a, published), _first_reported(b, published)
        if da and db and da != db:
            later, earlier = (a, b) if da > db else (b, a)
            if earlier.id not in later.supersedes:
                later.supersedes.append(earlier.id)
                earlier.superseded_by.append(later.id)
    for claim in claims:
        claim.conflicts_with.sort()
        claim.supersedes.sort()
        claim.superseded_by.sort()
        if claim.conflicts_with:
            claim.status = "contested"


def _first_reported(claim: Claim, published: dict[str, str | None]) -> str | None:
    dates = [published.get(a.source) for a in claim.appearances]
    known = [d for d in dates if d]
    return min(known) if known else None


def cluster_claims(candidates: list[ClaimCandidate], sources: list[Source]) -> list[Claim]:
    """Cluster candidates saying the same thing across sources into Claims with a status."""
    ordered = sorted(
        candidates,
        key=lambda c: (c.appearance.source, c.appearance.start, c.appearance.end, c.text),
    )
    items = _prepare(ordered)
    clusters, conflicts = _clusters(items)
    groups = independence_groups(sources)
    taken: set[str] = set()
    claims = [_build_claim([items[i] for i in members], groups, taken) for members in clusters]
    owner = [0] * len(items)
    for n, members in enumerate(clusters):
        for i in members:
            owner[i] = n
    published = {s.id: s.published for s in sources}
    _link_conflicts(claims, owner, sorted(conflicts), published)
    support = {c.id: len({_independence_key(a, groups) for a in c.appearances}) for c in claims}
    position = {c.id: (c.appearances[0].source, c.appearances[0].start) for c in claims}
    claims.sort(key=lambda c: (_STATUS_RANK[c.status], -support[c.id], position[c.id]))
    return claims


__all__ = ["DATE_RE", "cluster_claims", "independence_groups", "parse_quantity", "similarity"]
