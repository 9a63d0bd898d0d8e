"""Merge source-local actors into one global actor per real-world entity.

Two local actors are the same entity when (union-find, all links checked for type):

- their normalised names are equal ("U.S." / "US", "the EU" / "EU");
- one's name is another's alias (an acronym and its expansion, "AI Office" and
  "EU AI Office" when the source wrote "the EU's AI Office");
- a surname (or other short form) matches exactly one longer name across all sources;
- their names differ by a small misspelling (edit distance 1, or 2 for names of 10+
  characters), they have the same type and the same first letter. Candidates are blocked
  by (type, first letter) and compared only within a length window, so it is not
  quadratic in the number of actors.

Distinct entities stay apart because links need equal names or aliases, not shared
words: the EU and the European Commission, the EU and the EU AI Office, a country and
its government (different names and types) never link.

The global id is the slug of the canonical name (the gazetteer name or the most complete
form: most words, then most mentions, then alphabetical), so it depends on the content
only; clashes get a numeric suffix in sorted order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from rapidfuzz.distance import Levenshtein

from generator.extract.names import (
    acronym_matches,
    country_canonical,
    inverted_name,
    lexicon,
    norm,
    slugify,
)
from generator.models import ACTOR_TYPES, Actor, LocalActor, SourceExtraction

_Ref = tuple[str, str]  # (source id, local key)
_SPECIFIC = ("person", "ai_model", "law", "programme", "media", "government", "organisation",
             "place", "other")
_MIN_FUZZY = 6  # shorter names are too easily confused to match on spelling
_T = TypeVar("_T")


def evolve(obj: _T, **changes: Any) -> _T:
    """``dataclasses.replace`` for the plain model dataclasses, several times faster.

    The models have no ``__post_init__`` and no slots, so copying the instance dict is
    the same shallow copy ``replace`` makes; other objects fall back to ``replace``.
    """
    cls = type(obj)
    plain = _PLAIN_TYPES.get(cls)
    if plain is None:  # decided once per class (a few model classes, thousands of copies)
        plain = _PLAIN_TYPES[cls] = (
            getattr(obj, "__dict__", None) is not None and not hasattr(obj, "__post_init__"))
    if not plain:
        return replace(obj, **changes)  # type: ignore[type-var]
    state = obj.__dict__.copy()
    state.update(changes)
    new = object.__new__(cls)
    new.__dict__ = state
    return new


_PLAIN_TYPES: dict[type, bool] = {}  # class -> copied by ``evolve`` without ``replace``


class _UnionFind:
    def __init__(self, items: list[_Ref]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: _Ref) -> _Ref:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: _Ref, b: _Ref) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller ref is the root: deterministic whatever the order of unions
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _compatible(a: LocalActor, b: LocalActor) -> bool:
    """Types that may describe one entity (extraction types can be uncertain)."""
    if a.type == b.type:
        return True
    loose = {"organisation", "other", "media", "government"}
    return a.type in loose and b.type in loose and "government" not in (a.type, b.type)


# Legal-form words that do not change which company a name is ("Querion Inc." = "Querion").
_LEGAL_SUFFIXES = frozenset({"inc", "ltd", "limited", "plc", "corp", "corporation", "llc",
                             "co", "ag", "sa", "se", "nv", "bv", "gmbh", "pte", "pty", "oyj",
                             "ab", "asa", "spa", "srl", "kk", "incorporated"})


def _generic_alias(alias: str) -> bool:
    """"the Court", "the Ministry", "the company": a one-word alias that is a generic head
    word names an entity only inside its own source and never links two sources."""
    words = norm(alias).split()
    lex = lexicon()
    return len(words) == 1 and (words[0] in lex.suffix or words[0] in lex.alone or words[0] in (
        "company", "firm", "group"))


def _different_full_names(a: LocalActor, b: LocalActor) -> bool:
    """Two bodies both named in full, differently ("Tarsel Inc." and "Tarsel Holdings"):
    a shared short form does not make them one."""
    if "person" in (a.type, b.type):
        return False
    full = len(norm(a.name).split()) >= 2 and len(norm(b.name).split()) >= 2
    return full and _bare(a.name) != _bare(b.name)


def _bare(name: str) -> str:
    words = norm(name).split()
    if len(words) >= 2 and words[-1] in _LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[str]:
    """Matching keys of one name: normalised, with a leading country or demonym spelled as
    the country ("UK ..." = "United Kingdom ...", "Iranian Foreign Ministry" = "Iran foreign
    ministry"), and "University of X" = "X University"."""
    key = norm(name)
    keys = {key, country_canonical(key)}
    words = key.split()
    if len(words) >= 2 and words[-1] in _LEGAL_SUFFIXES:
        keys.add(" ".join(words[:-1]))  # "Orvane Ltd" is "Orvane"
    inverted = inverted_name(key)
    if inverted:
        keys.add(inverted)
    return frozenset(keys)


def _same_name_compatible(a: LocalActor, b: LocalActor, key: str) -> bool:
    """Types may differ for one full name written identically in two sources ("Aurora
    Mobile" read as a person in one, an organisation in the other); a place never joins
    anything else, and one-word names must agree on type."""
    if _compatible(a, b):
        return True
    if len(key.split()) < 2 or "place" in (a.type, b.type):
        return False
    return "person" in (a.type, b.type)


def _link_names(actors: dict[_Ref, LocalActor], uf: _UnionFind) -> None:
    """Equal normalised names, or a name equal to another actor's alias."""
    by_name: dict[str, list[_Ref]] = {}
    for ref, actor in actors.items():
        for key in _name_keys(actor.name):
            by_name.setdefault(key, []).append(ref)
    for key, refs in by_name.items():
        for ref in refs[1:]:
            if _same_name_compatible(actors[refs[0]], actors[ref], key):
                uf.union(refs[0], ref)
    _link_aliases(actors, by_name, uf)


def _link_aliases(actors: dict[_Ref, LocalActor], by_name: dict[str, list[_Ref]],
                  uf: _UnionFind) -> None:
    """An actor joins every compatible actor whose name is one of its aliases.

    Whether an alias links depends only on the type and name of the actor named, so the
    actors carrying one key are taken together, per (type, name): when the alias links to
    them, they all end up in one cluster with the alias's owner. Linking the owner to one
    of them and them to each other gives the same clusters as linking the owner to each,
    without comparing a name written in a thousand sources a thousand times per alias.
    """
    classes: dict[str, dict[tuple[str, str], list[_Ref]]] = {}
    joined: set[tuple[str, tuple[str, str]]] = set()  # classes already linked together
    for ref, actor in actors.items():
        for alias in actor.aliases:
            if _generic_alias(alias):
                continue
            several_words = len(norm(alias).split()) >= 2
            for key in _name_keys(alias):
                if key not in by_name:
                    continue
                if key not in classes:
                    classes[key] = _by_type_and_name(by_name[key], actors)
                for sig, refs in classes[key].items():
                    other = actors[refs[0]]
                    if not (_compatible(actor, other) and (
                        several_words or not _different_full_names(actor, other)
                    )):
                        continue
                    target = refs[0] if refs[0] != ref else (refs[1] if len(refs) > 1 else None)
                    if target is None:
                        continue  # the actor's alias names only itself
                    uf.union(ref, target)
                    if (key, sig) not in joined:
                        joined.add((key, sig))
                        for member in refs[1:]:
                            uf.union(refs[0], member)


def _by_type_and_name(refs: list[_Ref], actors: dict[_Ref, LocalActor]
                      ) -> dict[tuple[str, str], list[_Ref]]:
    out: dict[tuple[str, str], list[_Ref]] = {}
    for ref in refs:
        actor = actors[ref]
        out.setdefault((actor.type, actor.name), []).append(ref)
    return out


def _link_short_forms(actors: dict[_Ref, LocalActor], uf: _UnionFind) -> None:
    """A one-word name (surname, "Commission") joins the unique longer name it shortens."""
    index: dict[str, set[_Ref]] = {}
    for ref, actor in actors.items():
        words = norm(actor.name).split()
        if len(words) < 2:
            continue
        if actor.type == "person":
            index.setdefault(words[-1], set()).add(uf.find(ref))
        for alias in actor.aliases:
            if len(norm(alias).split()) == 1:
                index.setdefault(norm(alias), set()).add(uf.find(ref))
    for ref, actor in actors.items():
        words = norm(actor.name).split()
        if len(words) != 1:
            continue
        roots = {uf.find(r) for r in index.get(words[0], set())} - {uf.find(ref)}
        if len(roots) == 1:
            target = next(iter(roots))
            if _compatible(actor, actors[target]) or actor.type in ("organisation", "other"):
                uf.union(ref, target)


_INSTITUTIONAL = ("organisation", "government", "other", "media", "programme", "law")
# Bodies whose type the extractor may read either way from one source ("an independent
# agency" in one, "... Board" in another): official-name and acronym links allow them.
_BODIES = frozenset({"organisation", "government", "other", "media"})


def _body_compatible(a: LocalActor, b: LocalActor) -> bool:
    return a.type == b.type or (a.type in _BODIES and b.type in _BODIES)


@lru_cache(maxsize=65536)  # a name recurs in every source that mentions it
def _words_of(name: str) -> tuple[str, ...]:
    """Normalised words of a name with a plural "s" dropped ("Guards" = "Guard")."""
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for w in norm(name).split())


def _shortens(short: list[str], long: list[str]) -> bool:
    """Is ``short`` a common short form of the official name ``long``?

    Either the same head word with the short name's words in order inside the long one
    ("Chemical Safety Board" / "U.S. Chemical Safety and Hazard Investigation Board"), or
    the short name whole inside the long one with at most one word before it and one
    generic head word after it ("Revolutionary Guards" / "Islamic Revolutionary Guard
    Corps"). "Harris County" does not shorten "Harris County Fire Marshal's Office".
    """
    if len(short) < 2 or len(long) <= len(short):
        return False
    if short[-1] == long[-1] and _head(short) == _head(long):
        pos = 0
        for word in short:
            while pos < len(long) and long[pos] != word:
                pos += 1
            if pos == len(long):
                return False
            pos += 1
        return short[0] != long[0] or len(long) - len(short) >= 2
    suffix = lexicon().suffix
    for start in range(0, min(2, len(long) - len(short) + 1)):
        end = start + len(short)
        if long[start:end] == short and len(long) - end <= 1 and (
            end == len(long) or long[end] in suffix or f"{long[end]}s" in suffix
        ):
            return True
    return False


def _head(words: list[str]) -> str:
    """Head word: the word before the first "of"/"for" ("Court of Justice of the European
    Union" is a court), else the last word."""
    for k in range(1, len(words)):
        if words[k] in ("of", "for"):
            return words[k - 1]
    return words[-1]


def _link_official_short_names(actors: dict[_Ref, LocalActor], uf: _UnionFind) -> None:
    """A short name of two or more words joins the one longer official name it shortens.

    Candidates are blocked by the short name's last word (or the word the long name has
    after it), so only names sharing that word are compared.
    """
    # word -> long name (its words) -> the refs carrying it: a name repeated in many
    # sources is tested once per short name, not once per copy
    long_by_word: dict[str, dict[tuple[str, ...], set[_Ref]]] = {}
    for ref, actor in actors.items():
        if actor.type not in _INSTITUTIONAL:
            continue
        for name in (actor.name, *actor.aliases):
            words = _words_of(name)
            if len(words) >= 3:
                for word in set(words):
                    long_by_word.setdefault(word, {}).setdefault(words, set()).add(ref)
    # (short name, type) -> the refs whose long name it shortens, with a compatible type
    candidates: dict[tuple[tuple[str, ...], str], list[_Ref]] = {}
    for ref, actor in sorted(actors.items()):
        if actor.type not in _INSTITUTIONAL:
            continue
        short = list(_words_of(actor.name))
        if not 2 <= len(short) <= 4:
            continue
        key = (tuple(short), actor.type)
        others = candidates.get(key)
        if others is None:
            others = candidates[key] = [
                other
                for words, refs in long_by_word.get(short[-1], {}).items()
                if _shortens(short, list(words))
                for other in refs
                if _body_compatible(actor, actors[other])
            ]
        roots = {uf.find(other) for other in others}
        roots.discard(uf.find(ref))
        if len(roots) == 1:
            uf.union(ref, next(iter(roots)))


def _link_acronyms(actors: dict[_Ref, LocalActor], uf: _UnionFind) -> None:
    """An acronym used in one source joins the one expansion written in another ("CSB"
    and "Chemical Safety Board"). Expansions are blocked by their first letter."""
    # first letter -> expansion as written -> the refs carrying it (a name repeated in many
    # sources is matched once per acronym, not once per copy)
    by_letter: dict[str, dict[str, set[_Ref]]] = {}
    for ref, actor in actors.items():
        if actor.type not in _INSTITUTIONAL:
            continue
        for name in (actor.name, *actor.aliases):
            key = norm(name)
            if len(key.split()) >= 2:
                by_letter.setdefault(key[0], {}).setdefault(name, set()).add(ref)
    # (acronym, type) -> the refs whose expansion it matches, with a compatible type
    candidates: dict[tuple[str, str], list[_Ref]] = {}
    for ref, actor in sorted(actors.items()):
        name = actor.name
        if actor.type not in _INSTITUTIONAL or not _is_acronym(name):
            continue
        others = candidates.get((name, actor.type))
        if others is None:
            others = candidates[(name, actor.type)] = [
                other
                for long, refs in by_letter.get(name[0].lower(), {}).items()
                if acronym_matches(name, long)
                for other in refs
                if _body_compatible(actor, actors[other])
            ]
        roots = {uf.find(other) for other in others}
        roots.discard(uf.find(ref))
        if len(roots) == 1:
            uf.union(ref, next(iter(roots)))


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(
        ch.isupper() for ch in letters) >= 2 and " " not in name


def _link_misspellings(actors: dict[_Ref, LocalActor], uf: _UnionFind) -> None:
    """"Jane Smyth" and "Jane Smith": same type, same first letter, tiny edit distance.

    Names are compared once per distinct (type, name), not once per local actor: a name
    written in hundreds of sources is still one comparison. When two names match, every
    actor carrying either name is linked, exactly as comparing all pairs would.
    """
    named: dict[tuple[str, str], list[_Ref]] = {}
    for ref, actor in actors.items():
        name = norm(actor.name)
        if len(name) >= _MIN_FUZZY:
            named.setdefault((actor.type, name), []).append(ref)
    blocks: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for actor_type, name in named:
        blocks.setdefault((actor_type, name[0]), []).append((len(name), name))
    for (actor_type, _first), items in blocks.items():
        items.sort()
        for n, (length, name) in enumerate(items):
            for other_len, other in items[n + 1 :]:
                if other_len - length > 2:
                    break
                limit = 2 if min(length, other_len) >= 10 else 1
                if Levenshtein.distance(name, other, score_cutoff=limit) <= limit and (
                    _same_shape(name, other)
                ):
                    refs = named[(actor_type, name)] + named[(actor_type, other)]
                    for ref in refs[1:]:
                        uf.union(refs[0], ref)


def _same_shape(a: str, b: str) -> bool:
    """Same number of words and equal digits: "GPT-4" and "GPT-5" are different models."""
    digits_a = "".join(ch for ch in a if ch.isdigit())
    digits_b = "".join(ch for ch in b if ch.isdigit())
    return len(a.split()) == len(b.split()) and digits_a == digits_b


def _canonical(members: list[LocalActor]) -> str:
    """Most complete name: most words, then most mentions, then longest, then alphabetical."""
    counts: Counter[str] = Counter()
    for actor in members:
        counts[actor.name] += len(actor.mentions) or 1
    return min(counts, key=lambda n: (-len(n.split()), -counts[n], -len(n), n))


def _merged_type(members: list[LocalActor]) -> str:
    """Majority type weighted by mentions; ties go to the more specific type."""
    votes: Counter[str] = Counter()
    for actor in members:
        votes[actor.type] += len(actor.mentions) or 1
    if "person" in votes and "organisation" in votes and not any(
        actor.roles for actor in members if actor.type == "person"
    ):  # one name read as a person only from its shape in one source, a body in another
        del votes["person"]
    return min(votes, key=lambda t: (-votes[t], _SPECIFIC.index(t) if t in _SPECIFIC
                                     else len(_SPECIFIC), ACTOR_TYPES.index(t)))


def merge_actors(
    extractions: list[SourceExtraction],
) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """One Actor per entity across sources, and (source_id, local_key) -> global id."""
    actors: dict[_Ref, LocalActor] = {}
    for ext in sorted(extractions, key=lambda e: e.document.id):
        for local in sorted(ext.actors, key=lambda a: a.key):
            actors[(ext.document.id, local.key)] = local
    uf = _UnionFind(sorted(actors))
    _link_names(actors, uf)
    _link_short_forms(actors, uf)
    _link_official_short_names(actors, uf)
    _link_acronyms(actors, uf)
    _link_misspellings(actors, uf)
    clusters: dict[_Ref, list[_Ref]] = {}
    for ref in sorted(actors):
        clusters.setdefault(uf.find(ref), []).append(ref)
    named = []
    for refs in clusters.values():
        members = [actors[r] for r in refs]
        named.append((slugify(_canonical(members)), _canonical(members), refs))
    named.sort()
    mapping: dict[tuple[str, str], str] = {}
    result: list[Actor] = []
    used: Counter[str] = Counter()
    ids = []
    for base, name, refs in named:
        used[base] += 1
        gid = base if used[base] == 1 else f"{base}-{used[base]}"
        for ref in refs:
            mapping[ref] = gid
        ids.append((gid, name, refs))
    for gid, name, refs in ids:
        result.append(_actor(gid, name, [actors[r] for r in refs], mapping))
    return sorted(result, key=lambda a: a.id), mapping


def _actor(gid: str, name: str, members: list[LocalActor],
           mapping: dict[tuple[str, str], str]) -> Actor:
    """The merged actor; mentions and role organisations rewritten to global ids."""
    aliases = {a for m in members for a in (m.name, *m.aliases)}
    aliases.discard(name)
    mentions = sorted(
        (evolve(mention, actor=gid) for m in members for mention in m.mentions),
        key=lambda x: (x.source, x.start, x.end),
    )
    roles = sorted(
        (
            evolve(role, organisation=mapping.get((role.source, role.organisation),
                                                   role.organisation))
            if role.organisation else role
            for m in members
            for role in m.roles
        ),
        key=lambda r: (r.source, r.start, r.title),
    )
    return Actor(id=gid, name=name, type=_merged_type(members), aliases=sorted(aliases),
                 roles=roles, mentions=mentions)
