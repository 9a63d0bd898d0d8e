"""Cross-source claim clustering, contradictions, independence and status.

Input: one ``ClaimCandidate`` per claim-bearing sentence, actor keys already
rewritten to global actor ids. Output: ``Claim`` rows.

How it works (and why):

* **Frames.** Each candidate is compared as a light frame: who acts (its subject,
  else the one actor it names), what happens (its terms, folded a second time to
  the predicate classes of ``claim_frames.yml``: "scrapped" / "cancelled", "called
  off" -> cancel, "laid off" -> cut), and its slots: quantities with the thing they
  count, years, months and days, and polarity concepts (the extractor's, plus
  states such as "stays open" / "will close").
* **Similarity.** The frame is a bag of features: its normalised content
  terms (stems, synonyms and general news verbs folded to one form, polarity
  concepts like ``~access+``), its quantities (``#tonn=1200000``: "1.2 million
  tonnes" and "1,200,000 tonnes" are one feature; word numbers, currency words and
  "nine votes to four" are read too; "almost 90 per cent" matches "89%"), what
  they count (``#u:flight``, whatever the value) and its actors (``@id``).
  Features are weighted by inverse document frequency over all candidates;
  generic news words ("say", "may", "access", listed in ``claim_lexicon.yml``)
  and light verbs ("carried out", in ``claim_frames.yml``) weigh little. The score is the mean
  of the weighted cosine and the weighted overlap coefficient. Two candidates
  are compared at all only when they share ``MIN_SHARED_TERMS`` *strong*
  features (non-generic content words, a non-duration quantity, or one counted
  thing), or one strong feature and their subject: shared actors, generic words
  and polarity concepts never carry a pair alone.
* **Not quadratic.** Candidates are blocked by an inverted index on their
  strong features; a feature carried by more than ``MAX_BLOCK`` candidates is
  too common to block on. Only pairs that share a block are compared, and only
  across different sources. Vectors are built once; clause vectors lazily.
* **Clusters.** Pairs at or above ``MERGE_THRESHOLD`` are merged best-first; a
  cluster holds at most one appearance per source (so a chain of loosely
  similar sentences of one article cannot glue unrelated claims together). Two
  claims counting one thing with values that disagree never merge; different
  actors doing the same thing merge only within one story.
* **Contradictions.** A pair about the same subject that disagrees on a value
  becomes a conflict instead of a merge. A value conflict in a specific
  dimension needs only ``VALUE_CONFLICT_THRESHOLD``: the same counted unit with
  different values ("about 450 players" vs "more than 600 players"; approximate
  values within ``APPROX_TOLERANCE`` agree; "no homes" is zero homes), vote
  splits ("7-2" vs "6-3"), or different years ("next year" resolved against the
  publication date); a part ("two of the workers") is never compared with the
  whole. Percentages, money, months, days of one month and polarity need
  ``CONFLICT_THRESHOLD``; polarity conflicts are a shared concept with opposite
  signs ("approved" vs "refused to approve") or, with the stricter
  ``MERGE_THRESHOLD``, opposite negation. Claims whose subjects are different
  actors never conflict. Conflicts are linked both ways and make both claims
  ``contested``; where both sides have publication dates, the later report
  ``supersedes`` the earlier.
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
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import combinations

import yaml

from generator.crossref.timing import (
    WEEKDAYS,
    Restart,
    restart_of,
    restarts_disagree,
    same_week,
    week_start,
)
from generator.extract.claims import (
    CURRENCY_CODES,
    DATE_RE,
    _back_adverb,
    content_terms,
    later_clause_start,
    lexicon,
    relative_spans,
    stem,
)
from generator.extract.names import lexicon as name_lexicon
from generator.extract.prefilter import fold, literal_prefixes, located_finditer, locator
from generator.models import Appearance, Claim, ClaimCandidate, Source

MERGE_THRESHOLD = 0.30
CONFLICT_THRESHOLD = 0.22
# a value conflict in a specific dimension (a counted noun, a year, a vote split) is itself
# evidence of the same subject: such pairs need less word overlap than other conflicts
VALUE_CONFLICT_THRESHOLD = 0.15
_WEAK_UNITS = frozenset({"%", "pp", "$", "€", "£", "¥"})  # too common to mark one quantity
# two reports of one story (many actors in common) paraphrase each other more loosely than
# unrelated articles that happen to share words: their pairs need a little less overlap
SAME_STORY_THRESHOLD = 0.28
SAME_STORY_MIN_ACTORS = 2  # actors two sources share, at least ...
SAME_STORY_MIN_SHARE = 0.4  # ... and as a share of the smaller source's actors
MAX_COMMON_DURATION = 3  # "two years": a duration this short is no evidence of one subject
# a claim stated as a possibility ("insurers may raise premiums") and one stated as a fact
# ("premiums have doubled") are different assertions unless their words agree closely
MODAL_MISMATCH_THRESHOLD = 0.5
_MODAL_HEDGES = frozenset(
    {"may", "might", "could", "likely", "unlikely", "possibly", "potentially", "probably",
     "perhaps", "conditional", "is expected to", "are expected to", "was expected to",
     "were expected to", "about to"}
)
# two actors doing the same thing in unrelated stories are two claims; only near-identical
# wording or one exact figure still merges them
DIFFERENT_AGENTS_THRESHOLD = 0.75
MIN_SHARED_TERMS = 2  # shared content terms that are not generic (a shared quantity counts)
MAX_BLOCK = 60
MAX_PAIRS_PER_ITEM = 200  # a candidate compared with more than this is in no useful block
ACTOR_WEIGHT = 0.5  # actors are evidence of the same subject, not of the same assertion
CONCEPT_WEIGHT = 1.0  # per concept feature: "~support" (either sign) and "~support-" (signed)
QUANTITY_WEIGHT = 2.0  # the same value in the same unit ("1.2 million tonnes" = "1,200,000")
UNIT_WEIGHT = 1.0  # the same counted thing, whatever the value ("21,000 passengers" / "34,000")
GENERIC_WEIGHT = 0.3  # "say", "may", "access": present everywhere in news, weak evidence
APPROX_TOLERANCE = 0.15  # "about 450" and "nearly 500" do not conflict
REPRINT_CONTAINMENT = 0.5
SHINGLE = 5
MAX_SHINGLE_OWNERS = 20  # a phrase in very many sources is a cliche, not a reprint

_HEDGE_RANK = {"asserted": 0, "reported": 1, "hedged": 2}
_STATUS_RANK = {"corroborated": 0, "contested": 1, "single-source": 2}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
    "dozen": 12.0,
}
_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1,
}
_CURRENCY_WORDS = {
    "dollar": "$", "euro": "€", "pound": "£", "yen": "¥", "zloty": "PLN", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR", "koruna": "CZK", "forint": "HUF", "rouble": "RUB",
    "ruble": "RUB", "lira": "TRY", "rand": "ZAR", "franc": "CHF", "shilling": "shilling",
    "peso": "peso", "krona": "krona", "kronor": "krona", "krone": "krone", "kroner": "krone",
    "naira": "NGN", "dirham": "dirham", "riyal": "riyal", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "dinar": "dinar", "cedi": "GHS", "kwacha": "kwacha", "hryvnia": "UAH",
}
# codes with a symbol of their own compare as the symbol: "USD 5m" is "$5m"
_CODE_UNITS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
# heads too light to name what is counted: "21 crew members" counts crew
_LIGHT_HEADS = frozenset({"member", "members", "personnel", "staff"})
# a plural noun ends the unit: "two destroyers toward ...", "40 ships closer ..."
_PLURAL_RE = re.compile(r"[a-z]{2,}[^su]s$")
# "a crew of 21 was unharmed": the counted noun comes before the number
_OF_BEFORE_RE = re.compile(r"\b([a-z]{3,})\s+of\s*$")
_NOT_UNITS_BEFORE = frozenset(
    {"one", "some", "most", "all", "none", "each", "many", "any", "total", "out", "age",
     "top", "rest", "part", "both", "few", "lot", "lots", "number", "series", "group", "set"}
)
# words after a number that end its unit: verbs, auxiliaries, prepositions ("12,500 people were")
_UNIT_STOP = frozenset(
    {
        "a", "an", "and", "are", "at", "be", "been", "being", "by", "can", "could", "for", "from",
        "had", "has", "have", "in", "is", "may", "might", "of", "on", "or", "per", "reported",
        "said", "say", "says", "should", "that", "the", "to", "told", "was", "were", "which",
        "who", "will", "with", "would",
    }
)
_NUM_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONTH_RE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_REL_YEAR_RE = re.compile(r"\b(this|next|last)\s+year\b", re.I)
_SPLIT_RE = re.compile(r"(?<![\w.-])(\d{1,2})-(\d{1,2})(?![\w.-])")  # a vote or a score
_ZERO_RE = re.compile(r"\b(?:no|zero)\s+(?:new\s+|other\s+|more\s+)?([a-z]+)", re.I)
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class _Vocab:
    """Comparison-only word knowledge (claim_lexicon.yml, claim_frames.yml), stemmed once."""

    generic: frozenset[str]
    approximators: tuple[str, ...]
    counted: dict[str, str] = field(default_factory=dict)  # stem -> class ("famili" -> hous.)
    measures: dict[str, tuple[str, float]] = field(default_factory=dict)  # km -> (len, 1000)
    fold: dict[str, str] = field(default_factory=dict)  # term -> its predicate class
    phrases: re.Pattern[str] | None = None  # one named group per phrase of claim_frames.yml
    phrases_at: re.Pattern[str] | None = None  # where a phrase may start (``prefilter``)
    phrase_terms: tuple[str, ...] = ()  # the class term of each phrase group, by index
    states: re.Pattern[str] | None = None  # "stay open" / "closed": state words
    states_at: re.Pattern[str] | None = None
    # word -> ((concept, sign), ...): "halted" stops (continue-) and restricts (restrict+)
    state_signs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    negators: re.Pattern[str] | None = None  # explicit negators: "not", "never", "n't"
    # claim terms of the words a phrase or a state starts with: a claim without any of
    # them cannot hold one, and its text is not searched
    phrase_heads: frozenset[str] = frozenset()
    state_heads: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()  # stems the extractor's synonyms name
    # term -> (class term, context terms, state concept): the sense a word has beside one
    # of the context terms ("the deal will close" completes; "the bridge will close" shuts)
    senses: dict[str, tuple[str, frozenset[str], str]] = field(default_factory=dict)
    directions: frozenset[str] = frozenset()  # concepts of movement, not stance: "increase"
    responses: frozenset[str] = frozenset()  # concepts whose "-" refuses a thing: "rejected"
    # concept -> the sign that means running again ("~open+", "~suspend-"): see ``timing``
    resumption: dict[str, str] = field(default_factory=dict)
    # terms a restart is written with ("resume", "Friday", "earliest"): no evidence that two
    # restarts are of one thing
    restart_terms: frozenset[str] = frozenset()
    # counted nouns that name whatever a source counts ("four sites", "90 services"): see
    # ``_approx_aliases``
    hypernyms: frozenset[str] = frozenset()
    # "to" and what goes in or through a place ("to all vessels"): see ``_access_states``
    access_to: re.Pattern[str] | None = None


def _load(name: str) -> dict:
    return yaml.load(  # libyaml when installed: the same objects as safe_load
        resources.files("generator.data").joinpath(name).read_text("utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )


def _strip_e(term: str) -> str:
    return term[:-1] if len(term) > 4 and term[-1] == "e" else term


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = _load("claim_lexicon.yml")
    frames = _load("claim_frames.yml")
    lex = lexicon()
    fold = _fold_table(lex.synonyms, frames.get("predicate_classes", []))
    generic = set()
    for word in [*raw.get("generic_terms", []), *frames.get("light_verbs", [])]:
        s = stem(str(word))
        generic |= {s, lex.synonyms.get(s, s), _fold_with(fold, s)}
    approx = tuple(sorted((str(a).lower() for a in raw.get("approximators", [])), key=len))
    counted: dict[str, str] = {}
    for group in raw.get("counted_classes", []):
        for word in group:
            counted[_fold_with(fold, stem(str(word).lower()))] = _fold_with(
                fold, stem(str(group[0]).lower()))
    measures = {
        str(unit).lower(): (dim[:3], float(factor))
        for source in (raw, frames)
        for dim, units in source.get("measure_units", {}).items()
        for unit, factor in units.items()
    }
    phrases, phrase_terms = _phrase_pattern(frames.get("phrases", []), fold)
    states, signs = _state_pattern(frames.get("states", {}), frames.get("not_before", []),
                                   frames.get("states_before_to", []))
    negators = re.compile(
        r"n't\b|(?<![\w-])(?:"
        + "|".join(r"\s+".join(map(re.escape, w.split())) for w in
                   sorted(lex.negators, key=len, reverse=True) if w != "n't")
        + r")(?![\w-])",
        re.I,
    )
    heads = [form for entry in frames.get("phrases", [])
             for form in [*_inflections(str(entry["words"][0]).lower()),
                          *(str(f).lower() for f in entry.get("forms", []))]]
    return _Vocab(
        frozenset(generic), approx[::-1], counted, measures, fold, phrases,
        _locator_of(phrases), phrase_terms, states, _locator_of(states), signs, negators,
        _terms_of(heads), _terms_of(w.split()[0] for w in signs), _known_stems(),
        senses=_senses(frames.get("senses", []), fold),
        directions=frozenset(map(str, frames.get("direction_concepts", []))),
        responses=frozenset(map(str, frames.get("response_concepts", []))),
        access_to=_access_pattern(frames.get("access_after_to", [])),
        hypernyms=frozenset(counted.get(t, t) for w in frames.get("hypernym_units", [])
                            if (t := _fold_with(fold, stem(str(w).lower())))),
        resumption={str(c): str(s) for c, s in frames.get("resumption", {}).items()},
        restart_terms=_restart_terms(raw, frames, fold),
    )


_WHEN_WORDS = (*WEEKDAYS, "morning", "afternoon", "evening", "night", "early", "earliest",
               "late")


def _restart_terms(raw: dict, frames: dict, fold: dict[str, str]) -> frozenset[str]:
    """The compared terms of the resumption concepts' words and of weekdays."""
    concepts = frames.get("resumption", {})
    words = [w for c in concepts for side in raw["polarity"].get(c, {}).values() for w in side]
    words += [w for c in concepts for side in frames["states"].get(c, {}).values() for w in side]
    words = [part for w in [*words, *_WHEN_WORDS] for part in str(w).split()]
    return frozenset(_fold_with(fold, t) for t in _terms_of(words))


def _access_pattern(nouns: list[str]) -> re.Pattern[str] | None:
    """ "to" and, up to two words on, a noun of ``nouns`` ("to fishing boats")."""
    if not nouns:
        return None
    alt = "|".join(sorted(map(re.escape, map(str, nouns)), key=len, reverse=True))
    return re.compile(rf"\bto\s+(?:[\w-]+\s+){{0,2}}?(?:{alt})\b")


def _senses(raw: list[dict], fold: dict[str, str]) -> dict[str, tuple[str, frozenset[str], str]]:
    """claim_frames.yml's ``senses``, as compared terms."""
    def term(word: object) -> str:
        return _fold_with(fold, stem(str(word).lower()))

    return {term(entry["word"]): (term(entry["as"]), frozenset(map(term, entry["with"])),
                                  str(entry.get("state", "")))
            for entry in raw}


def _terms_of(words: Iterable[str]) -> frozenset[str]:
    """The claim terms (as the extractor makes them) of single words."""
    return frozenset(t for w in words for t in content_terms(w)[0] if t[0] != "~")


def _locator_of(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """Where ``pattern`` (led by ``(?<![\\w-])``) may match, for ``located_finditer``."""
    if pattern is None:
        return None
    return locator(literal_prefixes(pattern.pattern, pattern.flags), r"(?<![\w-])")


def _fold_table(synonyms: dict[str, str], classes: list[list[str]]) -> dict[str, str]:
    """term -> the form it compares as: the extractor's synonyms again on final-e forms
    (terms arrive folded, except where the stemmer split a word in two: "guarante" from
    "guarantee", "guarant" from "guarantees"), then the predicate classes of
    claim_frames.yml. Every key and value is in final-e form (see ``_final_e``)."""
    known = frozenset(synonyms) | frozenset(synonyms.values())
    table = {_final_e(k, known): _final_e(v, known) for k, v in synonyms.items()}

    def first(word: str) -> str:
        e = _final_e(stem(word.lower()), known)
        return table.get(e, e)

    for group in classes:
        canon = first(str(group[0]))
        for word in group:
            table[first(str(word))] = canon
    table = {k: table.get(v, v) for k, v in table.items()}  # synonyms follow their class
    return {k: v for k, v in table.items() if k != v}


def _final_e(term: str, known: frozenset[str]) -> str:
    """One form for a stem with and without its final e ("employe" / "employ"), unless
    the shorter form is another word the lexicon knows ("plane" is not "plan")."""
    short = _strip_e(term)
    return term if short != term and short in known else short


def _fold_with(table: dict[str, str], term: str) -> str:
    e = _final_e(term, _known_stems())
    return table.get(e, e)


@lru_cache(maxsize=1)
def _known_stems() -> frozenset[str]:
    syn = lexicon().synonyms
    return frozenset(syn) | frozenset(syn.values())


@lru_cache(maxsize=131072)
def fold_term(term: str) -> str:
    """A claim term as compared across sources: "scrap" -> "cancel", "employ" -> "worker".
    Acronyms ("UN") and polarity concepts ("~access+") are kept as they are."""
    if not term or not term[0].islower():
        return term
    vocab = _vocab()
    if len(term) > 4 and term[-1] == "e" and term[:-1] not in vocab.known:  # see _final_e
        term = term[:-1]
    return vocab.fold.get(term, term)


def _inflections(word: str) -> list[str]:
    """Regular forms of a phrase's first word ("call" -> calls, called, calling)."""
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and (
        word[-3] not in "aeiou"
    ) and len(word) <= 4:
        return [word, word + "s", word + word[-1] + "ed", word + word[-1] + "ing", word + "ed",
                word + "ing"]  # "step" -> stepped, "stop" -> stopping
    return [word, word + "s", word + "es", word + "ed", word + "ing"]


def _phrase_pattern(raw: list[dict], fold: dict[str, str]
                    ) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """One alternation over all phrases, a named group per phrase ("p0", "p1", ...)."""
    parts, terms = [], []
    gap = r"(?:\s+[\w'\u2019-]+){0,2}?\s+"  # up to two words between the parts
    for n, entry in enumerate(raw):
        words = [str(w).lower() for w in entry["words"]]
        heads = sorted({*_inflections(words[0]), *(str(f).lower() for f in entry.get("forms", []))},
                       key=len, reverse=True)
        body = "(?:" + "|".join(map(re.escape, heads)) + ")"
        for w in words[1:]:
            body += gap + re.escape(w) + r"(?:s|es)?"
        parts.append(rf"(?P<p{n}>{body})")
        terms.append(_fold_with(fold, stem(str(entry["as"]).lower())))
    if not parts:
        return None, ()
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I), tuple(terms)


def _state_pattern(raw: dict, not_before: list[str], before_to: list[str]
                   ) -> tuple[re.Pattern[str] | None, dict[str, tuple[tuple[str, str], ...]]]:
    """State words, lower case only (a capitalised "Open" is usually part of a name).

    A state word is no state before a word of ``not_before`` ("open letter"), also with an
    amount between ("closed 2% lower": a market); the words of ``before_to`` stay states
    before "to" ("closed to traffic"); see also ``_access_states``."""
    signs: dict[str, tuple[tuple[str, str], ...]] = {}
    for concept, sides in raw.items():
        for side, sign in (("positive", "+"), ("negative", "-")):
            for word in sides.get(side, []):
                key = " ".join(str(word).lower().split())
                signs[key] = (*signs.get(key, ()), (str(concept), sign))
    if not signs:
        return None, {}
    amount = r"(?:[\d.,]+\s?(?:%|per\s+cent|percent|points?)\s+)?"

    def words(phrase: str) -> str:
        return r"\s+".join(map(re.escape, phrase.split()))

    def tail(stops: list[str]) -> str:
        alt = "|".join(words(str(f).lower()) for f in sorted(stops, key=len, reverse=True))
        return rf"(?![\w-])(?!\s+{amount}(?:{alt})\b)" if alt else r"(?![\w-])"

    to_ok = {" ".join(str(w).lower().split()) for w in before_to}
    general, without_to = tail(not_before), tail([w for w in not_before if w != "to"])
    # one tail per group, not per word (compiling a tail per word cost more than the rest
    # of the vocabulary); longest first within a group, and the general group first, so a
    # longer word wins at one position ("shut down" before "shut") as with one alternation
    ordered = sorted(signs, key=len, reverse=True)
    groups = [(alt, t) for alt, t in (
        ("|".join(words(w) for w in ordered if w not in to_ok), general),
        ("|".join(words(w) for w in ordered if w in to_ok), without_to)) if alt]
    body = "|".join(f"(?:{alt}){t}" for alt, t in groups)
    return re.compile(rf"(?<![\w-])(?:{body})"), signs


# ------------------------------------------------------------------------------ features


@dataclass
class _Vec:
    """A weighted feature vector with its squared norm and total weight."""

    features: dict[str, float]
    norm2: float
    total: float
    order: tuple[str, ...] = ()  # features in sorted order: sums in a fixed order


def _vec(features: dict[str, float]) -> _Vec:
    order = tuple(sorted(features))
    return _Vec(
        features,
        sum(features[f] ** 2 for f in order),
        sum(features[f] for f in order),
        order,
    )


# a placeholder for an item's vector until ``_prepare`` has counted every item's features
# (building an empty one per item, as ``_Item``'s default does, costs more)
_UNSET_VEC = _vec({})


# Clause boundaries: semicolons, colons, dashes, and commas before a participle,
# relative pronoun or conjunction. Long sentences often join two assertions;
# comparing clause with clause finds the shared one.
_CLAUSE_RE = re.compile(
    r"\s*[;:\u2014\u2013]\s*|\s+--\s+|,\s+(?=(?:which|who|whose|while|whereas|but|and|as|"
    r"although|though|because|so|aiming|forcing|making|leaving|prompting|prioriti[sz]ing|"
    r"including|specifically|especially|particularly)\b)|,\s+(?=\w+ing\b)|,\s+(?=[A-Z])"
    r"|,?\s+and\s+(?=that\b)"  # "said X and that Y": two reported assertions
)
MIN_CLAUSE_TERMS = 3
MIN_SHARED_CLAUSE_TERMS = 3


@dataclass(frozen=True)
class Quantity:
    """A number as compared: unit (normalised), value, and whether it is approximate.

    ``alt`` is a second name of what is counted: the event verb after the noun ("54,000
    appointments were postponed" also counts postponements). A ``ceiling`` ("up to 5
    million") is a maximum, not a value: it neither matches nor contradicts one.
    ``common`` marks short durations ("two years"), no evidence of one subject. A ``part``
    ("two of the papers") counts some of a whole counted elsewhere.
    """

    unit: str
    value: float
    approx: bool = False
    alt: str | None = None
    ceiling: bool = False
    common: bool = False
    part: bool = False
    nobody: bool = False  # "no one", "nobody": zero people, a value worth comparing
    # the agent noun a "<verb> workers" unit also names ("30 rescue workers" are 30
    # rescuers); ``_quantities`` adds a second quantity counting it
    agent: str | None = None
    step: float = 0.0  # place of the last digit as written: 10 for "450", 1e5 for "1.2m"


@dataclass
class _Item:
    """A candidate prepared for comparison (all features computed once)."""

    n: int
    cand: ClaimCandidate
    source: str
    kind: int  # items of one kind share every feature derived from their text
    terms: frozenset[str]
    strong: frozenset[str] = frozenset()  # terms that are not generic, plus quantity features
    vec: _Vec = field(default_factory=lambda: _vec({}))
    clauses: list[_Vec] | None = None  # computed on first use
    quantities: list[Quantity] = field(default_factory=list)
    months: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    concepts: dict[str, str] = field(default_factory=dict)  # {"access": "+"} from "~access+"
    qterms: frozenset[str] = frozenset()  # content words inside its numbers ("households")
    days: frozenset[tuple[str, int]] = frozenset()  # ("jul", 1) from "July 1", "1 July"
    by_name: dict[str, list[Quantity]] = field(default_factory=dict)  # see ``_by_name``
    # values too common to block on ("two days", "48 hours"): one shared supports a pair
    # that other evidence brought together
    soft: frozenset[str] = frozenset()
    among: bool = False  # places someone among a group: see ``_one_among``

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.source, self.cand.appearance.start, self.n)


def _word_value(words: list[str]) -> tuple[float, int] | None:
    """("twenty-four", "thousand", ...) -> (24000.0, words used); None if not a number word."""
    if not words:
        return None
    head = words[0].lower()
    parts = head.split("-")
    if not all(p in _UNITS_WORDS for p in parts) or (head == "a" and len(words) < 2):
        return None
    value = float(sum(_UNITS_WORDS[p] for p in parts))
    used = 1
    if used < len(words) and words[used].lower() in _SCALES and words[used].lower() != "m":
        value *= _SCALES[words[used].lower()]
        used += 1
    elif head == "a":
        return None
    return value, used


def _measure(words: list[str]) -> tuple[str, float] | None:
    """(dimension, factor to its base unit) of the first measurement unit among ``words``."""
    measures = _vocab().measures
    for w in words[:2]:
        low = w.lower().strip(".,;:\"'()")
        if low in measures:
            return measures[low]
    return None


def _counted(unit: str) -> str:
    """The class of a counted noun ("famili" -> "household"), or the noun itself."""
    return _vocab().counted.get(unit, unit)


def _unit_of(words: list[str]) -> str | None:
    """The unit noun after a number: the last word before a verb or preposition."""
    kept = []
    for w in words[:3]:
        low = w.lower().strip(".,;:\"'()")
        if not low or low in _UNIT_STOP or not low.replace("-", "").isalpha():
            break
        kept.append(low)
        if _PLURAL_RE.search(low) or w.endswith((",", ";", ":", ")")):
            break  # the head noun ("two destroyers toward", "100 MHz, ...")
    while len(kept) > 1 and kept[-1].endswith(("ed", "ing")):
        kept.pop()  # "600 players signed", "two members preferring": a verb, not the unit
    if len(kept) > 1 and kept[-1] in _LIGHT_HEADS:
        kept.pop()
    if not kept:
        return None
    for word in kept:  # "a 5 million shilling fine": counted in shillings
        if word in _CURRENCY_WORDS or word.rstrip("s") in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[word.rstrip("s")]
    return _counted(fold_term(stem(kept[-1]))) + _side(kept[:-1])


def _side(modifiers: list[str]) -> str:
    """"@<country>" for a demonym among the words before a counted noun ("four Ruritanian
    soldiers"), else "". Counts of two countries' soldiers are two things, neither one
    claim nor a conflict; a count without a demonym stays comparable with neither."""
    if not modifiers:
        return ""
    demonyms = name_lexicon().demonyms
    for word in modifiers:
        entry = demonyms.get(word)
        if entry is not None and entry.kind == "country":
            return "@" + entry.key
    return ""


def _unit_before(context: str) -> str | None:
    """The counted noun written before the number: "a crew of 21" -> crew."""
    m = _OF_BEFORE_RE.search(context.lower())
    if m is None or m.group(1) in _NOT_UNITS_BEFORE or m.group(1) in _UNIT_STOP:
        return None
    return _unit_of([m.group(1)])


def parse_quantity(text: str, context: str = "", after: str = "") -> Quantity | None:
    """A number as written -> Quantity, or None for vague ones ("thousands").

    "70 additional organizations" -> (organ, 70); "5%" -> (%, 5); "$3 billion" -> ($, 3e9);
    "1.2 million tonnes" and "1,200,000 tonnes" -> (tonn, 1.2e6); "four thousand members"
    -> (memb, 4000); "1.9 billion dollars" -> ($, 1.9e9). ``context`` is the text just
    before the number, for approximators ("about", "more than"); ``after`` the text just
    after it, for the event verb of a counted noun.
    """
    compound = _COMPOUND_RE.match(text)  # "five-day", "72-hour"
    if compound is not None:
        text = f"{compound.group(1)} {compound.group(2)}{compound.group(3)}"
    code = text[:3] if text[:3] in CURRENCY_CODES else None
    m = _NUM_RE.search(text)
    words = text.split()
    if m is not None:
        value = float(m.group(0).replace(",", ""))
        step = _step(m.group(0))
        rest = text[m.end() :].strip().lower()
        tail = rest.split()
        if tail and tail[0] in _SCALES:
            scale = _SCALES[tail.pop(0)]
            value, step = value * scale, step * scale
    else:
        parsed = _word_value([w.strip(",") for w in words])
        if parsed is None:
            return None
        value, used = parsed
        step = value  # "three million", "a dozen": round numbers
        rest = " ".join(words[used:]).lower()
        tail = rest.split()
    # partitive: "two of the papers" is part of a set counted elsewhere ("the papers");
    # "12 of his papers" counts the affected ones of someone's, a count of its own
    part = tail[:2] == ["of", "the"] and len(tail) > 2
    if tail[:1] == ["of"] and len(tail) > 2:
        tail = tail[2:]
        if (own := _POSSESSED_RE.match(after)) is not None:  # "11 of the train's 40 wagons"
            tail = own.group(1).split()
    elif not tail and (whole := _OF_COUNTED_RE.match(after)) is not None:
        tail, part = whole.group(1).split(), True  # "90 of its 400 trains": 90 trains, a part
    if code is not None:
        unit: str | None = _CODE_UNITS.get(code, code)
    elif "%" in text or rest.startswith(("percent", "per cent")):
        unit = "%"
    elif text[:1] in "$€£¥":
        unit = text[0]
    elif rest.startswith("percentage point"):
        unit = "pp"
    elif (measure := _measure(tail)) is not None:  # "9 km" = "9,000 metres"
        dim, factor = measure
        before = " ".join(context.lower().split()[-3:])
        return Quantity(
            dim, value * factor, any(before.endswith(a) for a in _vocab().approximators),
            ceiling=bool(_CEILING_RE.search(before)),
            common=dim == "dur" and _common_duration(value, value * factor),
            step=step * factor,
        )
    else:
        unit = _unit_of(tail) or _unit_before(context)
    if unit is None:
        return None
    before = " ".join(context.lower().split()[-3:])
    approx = any(before.endswith(a) for a in _vocab().approximators)
    # "four soldiers were" + " killed": the number as found may end in the auxiliary
    alt = _event_after(f" {words[-1]}{after}" if words and words[-1].lower() in _EVENT_AUX
                       else after)
    if alt is not None and "@" in unit:  # "four Ruritanian soldiers were killed": their deaths
        alt += unit[unit.index("@") :]
    return Quantity(unit, value, approx, alt, bool(_CEILING_RE.search(before)),
                    part=part, step=step, agent=_agent_noun(tail))


# heads that make a compound name a doer of its modifier: "rescue workers" rescue
_DOER_HEADS = frozenset({"worker", "workers"})


def _agent_noun(tail: list[str]) -> str | None:
    """The agent noun of "<verb> workers" ("rescue workers" -> rescuer, "search workers"
    -> searcher), as a counted unit; None for any other unit. The compound keeps its own
    unit too (workers count as employees), so a modifier that is no verb ("factory
    workers") only adds a name nothing else counts."""
    if len(tail) < 2 or tail[1].strip(".,;:\"'()") not in _DOER_HEADS:
        return None
    verb = tail[0]
    if len(verb) < 3 or not verb.isalpha() or verb in _UNIT_STOP or verb in _NOT_AGENT_VERBS:
        return None
    return _counted(fold_term(stem(verb + ("r" if verb.endswith("e") else "er"))))


# Nouns before "workers" whose "-er" form names other people: office workers are not
# officers, farm workers not farmers (who own the farms).
_NOT_AGENT_VERBS = frozenset({"office", "farm"})


def _step(digits: str) -> float:
    """The place of the last significant digit of a number as written: "450" -> 10,
    "2,000" -> 1000, "12.5" -> 0.1."""
    digits = digits.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


_DURATION_STEPS = (1.0, 24.0, 168.0, 730.0, 8760.0)  # hour, day, week, month, year


def _common_duration(written: float, hours: float) -> bool:
    """A short duration ("two years", "48 hours" = two days), whatever unit it is written
    in: no evidence of one subject."""
    return written <= MAX_COMMON_DURATION or any(
        (n := hours / step) <= MAX_COMMON_DURATION and n.is_integer() for step in _DURATION_STEPS)


# what follows a possessor in a partitive ("of the train| 's 40 wagons"): the counted noun
# after a bare number: "of its 400 daily trains", "of the 16 crew" (the whole, counted)
_OF_COUNTED_RE = re.compile(
    r"^\s*of\s+(?:the|its|their|his|her|our)\s+[\d,.]+\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)")
_POSSESSED_RE = re.compile(r"^['\u2019]s\s+(?:[\d,.]+\s+)?([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)")


def _event_after(after: str) -> str | None:
    """The event verb right after a counted noun ("... appointments were postponed")."""
    m = _EVENT_AFTER_RE.match(after)
    if m is None:
        return None
    return fold_term(stem(m.group(1).lower()))


# "five-day", "72-hour" (not "45-year-old": an age)
_COMPOUND_RE = re.compile(
    r"^([\d.,]+|[a-z]+(?:-[a-z]+)?)-(minute|hour|day|week|month|year|mile|km|kilometre|"
    r"kilometer|metre|meter|foot|feet)()(?![\w-])",
    re.I,
)
_CEILING_RE = re.compile(r"(?:up to|as (?:many|much) as|maximum of|no more than|at most)$")
_EVENT_AUX = frozenset({"have", "has", "had", "were", "was", "are", "is", "been", "be",
                        "being"})
_EVENT_AFTER_RE = re.compile(
    r"^\s+(?:(?:have|has|had|were|was|are|is|been|be|being|already|now)\s+)+([a-z]{3,}ed)\b",
    re.I,
)


def _quantities(cand: ClaimCandidate) -> list[Quantity]:
    quote = cand.appearance.quote
    out = []
    pos = 0
    # "a professor, who has published 200 papers, ...": background
    background = relative_spans(quote) if cand.numbers else []
    for number in cand.numbers:
        at = quote.find(number, pos)
        context = quote[max(0, at - 30) : at] if at >= 0 else ""
        if at >= 0:
            pos = at + len(number)
            if any(s <= at < e for s, e in background):
                continue
        after = quote[at + len(number) : at + len(number) + 40] if at >= 0 else ""
        q = parse_quantity(number, context, after)
        if q is not None:
            out.append(q)
            if q.agent is not None:  # "30 rescue workers" also counts 30 rescuers
                out.append(replace(q, unit=q.agent, agent=None))
    # the plain substring tests skip patterns that cannot match (most quotes)
    for m in _SPLIT_RE.finditer(quote) if "-" in quote else ():  # "voted 7-2", "split 6-3"
        out.append(Quantity("split", float(m.group(1)) * 100 + float(m.group(2))))
    low = quote.lower()
    for m in _VOTES_RE.finditer(quote) if "vote" in low else ():  # "nine votes to four"
        yes, no = _small_number(m.group(1)), _small_number(m.group(2))
        if yes is not None and no is not None:
            out.append(Quantity("split", yes * 100 + no))
    for m in _FRACTION_RE.finditer(quote) if _FRACTION_AT.search(low) else ():
        before = " ".join(low[max(0, m.start() - 30) : m.start()].split()[-3:])
        out.append(Quantity("%", _FRACTIONS[" ".join(m.group(1).lower().replace("-", " ").split())],
                            any(before.endswith(a) for a in _vocab().approximators)))
    for m in _total_re().finditer(quote) if "toll" in low or "number of" in low else ():
        total = _total(m)
        if total is not None:
            out.append(total)
    one = _ONE_RE.match(quote) if low[:4] == "one " else None
    if one:  # "One sailor is still missing": NUMBER_RE leaves "one" alone, it is so often no count
        out.append(Quantity(_counted(fold_term(stem(one.group(1).lower()))), 1.0, step=1.0))
    zero = "no" in low or "zero" in low
    for m in _ZERO_RE.finditer(quote) if zero else ():  # "no homes were destroyed": none
        if m.group(1).lower() != "one":  # "no one": see below
            out.append(Quantity(_counted(fold_term(stem(m.group(1).lower()))), 0.0, False))
    for m in _NOBODY_RE.finditer(quote) if zero else ():  # "no one was hurt", "nobody died"
        out.append(Quantity(_counted(fold_term(stem("people"))), 0.0,
                            alt=_event_after(quote[m.end() : m.end() + 40]), nobody=True))
    return out


_NOBODY_RE = re.compile(r"\b(?:no(?:\s+|-)one|nobody)\b", re.I)
# a running total and its new value: "the death toll rose to 11", "the number of people
# infected has climbed to 1,284" (the number stands apart from its noun, so the value is
# otherwise a bare number); "initial reports put the toll at six" is no current total
@lru_cache(maxsize=1)
def _total_re() -> re.Pattern[str]:
    """Compiled on first use: few claims state a running total."""
    return re.compile(
        r"\bthe\s+(?:(?:death\s+|casualty\s+)?(?P<toll>toll)|number\s+of\s+(?P<noun>[a-z]+)"
        r"(?:\s+(?P<event>[a-z]+ed))?)\b[^.;\"\u201c]{0,80}?"
        r"\b(?:has\s+|had\s+|have\s+)?(?:risen|rose|climbed|increased|jumped|grown|grew|reached"
        r"|stands\s+at|stood\s+at)\s+(?:to\s+)?(?P<approx>at\s+least\s+|about\s+|around\s+|"
        r"nearly\s+|almost\s+|more\s+than\s+)?(?P<value>\d[\d,]*(?:\.\d+)?|[a-z]+)\b",
        re.I,
    )



def _total(m: re.Match[str]) -> Quantity | None:
    """The quantity a running total states: a toll counts deaths; "the number of soldiers
    killed" counts soldiers, killed."""
    written = m.group("value").replace(",", "")
    if written[0].isdigit():
        value, step = float(written), _step(m.group("value"))
    else:
        parsed = _word_value([written.lower()])
        if parsed is None:
            return None
        value, step = parsed[0], parsed[0]
    approx = m.group("approx") is not None
    if m.group("toll"):
        return Quantity(_counted(fold_term(stem("deaths"))), value, approx, step=step)
    noun = m.group("noun").lower()
    if noun in _UNIT_STOP:
        return None
    event = m.group("event")
    return Quantity(_counted(fold_term(stem(noun))), value, approx,
                    fold_term(stem(event.lower())) if event else None, step=step)
# a claim opening with one of something and what it is ("One sailor is still missing")
_ONE_RE = re.compile(r"one\s+([a-z]+)\s+(?:is|was|has|had|remains|remained)\b", re.I)
# a share of a group in words ("half of the nurses", "two-thirds of members") is a percentage;
# "the second half of next year" is a time
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25.0,
              "one quarter": 25.0, "two thirds": 200 / 3, "three quarters": 75.0}
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?<!first\s)(?<!second\s)(?<!the\s)(?<!last\s)"
    r"(half|(?:a|one)\s+(?:third|quarter)|two[-\s]thirds|three[-\s]quarters)"
    r"\s+of\b", re.I)
_FRACTION_AT = re.compile(r"half|third|quarter")


_VOTES_RE = re.compile(r"\b(\w+(?:-\w+)?)\s+votes?\s+to\s+(\w+(?:-\w+)?)\b", re.I)


def _small_number(word: str) -> float | None:
    """A count of votes in digits or words ("9", "nine", "twenty-one"), else None."""
    if word.isdigit():
        return float(word) if int(word) < 100 else None
    parsed = _word_value([word])
    return parsed[0] if parsed is not None and parsed[0] < 100 else None


_DIMENSIONS = frozenset({"dur", "len", "mas", "vol"})  # what measure units convert to
# stuff measured by mass or volume can be anything: a difference needs a conflict's overlap
_STUFF = frozenset({"mas", "vol"})
# "three months" / "90 days", "five miles" / "8 km": conversions as people speak them
DIMENSION_TOLERANCE = 0.05


def _unit_feature(q: Quantity, generic: frozenset[str]) -> str | None:
    """"#u:wagon": what a quantity counts, whatever the value. Two claims counting the same
    thing are about one subject, and disagree when their values differ ("11 wagons" /
    "14 wagons"). Money, percentages, people, measures ("within 14 days" / "for 16 weeks"),
    maxima and parts count too many different things to be evidence."""
    if q.ceiling or q.part or not q.value or q.unit in _WEAK_UNITS or q.unit in CURRENCY_CODES:
        return None  # "two of the papers" is part of a count; "no harmful levels" counts none
    if q.unit in _DIMENSIONS:
        return None
    if q.unit in generic or q.unit in _CURRENCY_WORDS.values():
        return None
    return f"#u:{q.unit}"


def _quantity_feature(q: Quantity) -> str:
    return f"#{q.unit}{'<=' if q.ceiling else '='}{q.value:g}"


def _years(dates: str, quote: str, published: str | None) -> frozenset[str]:
    """Years a claim names; "next year" resolved against the publication year when known."""
    years = set(_YEAR_RE.findall(dates))
    base = int(published[:4]) if published and published[:4].isdigit() else None
    for m in _REL_YEAR_RE.finditer(quote) if "year" in quote.lower() else ():
        shift = {"this": 0, "next": 1, "last": -1}[m.group(1).lower()]
        years.add(str(base + shift) if base is not None else f"{m.group(1).lower()}")
    return frozenset(years)


_Prepared = tuple[
    list[Quantity], frozenset[str], frozenset[str], frozenset[str], frozenset[str],
    dict[str, str], frozenset[str], frozenset[str], frozenset[tuple[str, int]],
    dict[str, list[Quantity]], frozenset[str],
]


def _prepare(cands: list[ClaimCandidate], published: dict[str, str | None]) -> list[_Item]:
    vocab = _vocab()
    items = []
    raw: list[frozenset[str]] = []
    # reprints repeat a sentence word for word: derive its features once per call (and
    # build one vector per distinct feature set); items share these immutable parts
    prepared: dict[tuple[object, ...], _Prepared] = {}
    kinds: dict[tuple[object, ...], int] = {}  # prepared key -> its number
    kind_items: list[int] = []  # kind number -> how many items are of that kind
    for n, cand in enumerate(cands):
        pub = published.get(cand.appearance.source)
        key = (cand.appearance.quote, tuple(cand.numbers), tuple(cand.terms),
               tuple(cand.dates), tuple(cand.actors), pub)
        known = prepared.get(key)
        if known is None:
            known = prepared[key] = _prepare_one(cand, pub, vocab.generic)
            kinds[key] = len(kinds)
            kind_items.append(0)
        kind = kinds[key]
        kind_items[kind] += 1
        (quantities, terms, strong, months, years, concepts, qterms, feats, days, by_name,
         soft) = known
        items.append(_Item(
            n=n,
            kind=kind,
            cand=cand,
            source=cand.appearance.source,
            terms=terms,
            strong=strong,
            vec=_UNSET_VEC,  # set below, once every item's features are counted
            quantities=quantities,  # shared, never changed
            months=months,
            years=years,
            concepts=concepts,
            qterms=qterms,
            days=days,
            by_name=by_name,
            soft=soft,
            among=" among " in cand.appearance.quote
            and _AMONG_RE.search(cand.appearance.quote) is not None,
        ))
        raw.append(feats)
    # document frequency: the items whose features hold each feature, counted per kind
    df: Counter[str] = Counter()
    for feats, count in zip(
        (known[7] for known in prepared.values()), kind_items, strict=True
    ):
        for f in feats:
            df[f] += count
    total = len(items)
    weight = {f: math.log(1.0 + total / n) * _weight(f, vocab) for f, n in df.items()}
    vecs: dict[int, _Vec] = {}
    for item, feats in zip(items, raw, strict=True):
        vec = vecs.get(id(feats))  # feats objects live in ``prepared``: ids stay unique
        if vec is None:
            vec = vecs[id(feats)] = _vec({f: weight[f] for f in feats})
        item.vec = vec
    return items


def _prepare_one(cand: ClaimCandidate, published: str | None, generic: frozenset[str]
                 ) -> _Prepared:
    """The comparison features of one candidate (see ``_Item``)."""
    quote = cand.appearance.quote
    dates = " ".join(cand.dates)
    quantities = _quantities(cand)
    qfeats = {_quantity_feature(q) for q in quantities if q.value > 0}
    # "two years", "three days": short durations recur in unrelated claims and are
    # no evidence; "15 years", "28 days" are specific enough to block on
    strong_q = {_quantity_feature(q) for q in quantities if q.value > 0
                and (q.unit not in generic or q.value > MAX_COMMON_DURATION)
                and not q.common}
    strong_q |= {u for q in quantities if (u := _unit_feature(q, generic)) is not None}
    if quantities and any(q.nobody for q in quantities):  # "no one was hurt" / "nobody was"
        qfeats |= {_quantity_feature(q) for q in quantities if q.nobody}
        strong_q |= {_quantity_feature(q) for q in quantities if q.nobody}
    terms = _frame_terms(quote, cand.terms)
    # polarity concepts ("~increase-") say which way, not what: never strong
    strong = frozenset(t for t in terms - generic if t[0] != "~") | strong_q
    months = (frozenset(m.lower()[:3] for m in _MONTH_RE.findall(dates)) if dates
              else frozenset())
    # a concept counts signed and unsigned: the same predicate either way, more so when
    # both go the same way
    units = {f for f in strong_q if f.startswith("#u:")}
    days = _days(cand.dates)
    # "March 10" / "10 March": one day named in both is evidence of one event
    day_feats = {f"#d:{m}{d}" for m, d in days}
    feats = (terms | {_unsigned(t) for t in terms} | qfeats | units | day_feats
             | {f"@{a}" for a in cand.actors})
    return (quantities, terms, strong | day_feats, months, _years(dates, quote, published),
            _concepts(terms), _number_terms(cand.numbers), feats, days,
            _by_name(quantities), frozenset(qfeats - strong_q))


_DAY_MONTH_RE = re.compile(
    r"^(?:([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+"
    r"([A-Za-z]{3})[a-z]*\.?)(?:\b|$)"
)


def _days(dates: list[str]) -> frozenset[tuple[str, int]]:
    """(month, day) of each date written with both: "July 1", "Feb. 22", "24 February"."""
    out = set()
    for date in dates:
        m = _DAY_MONTH_RE.match(date)
        if m is None:
            continue
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month.lower()[:3] in _MONTHS and 1 <= int(day) <= 31:
            out.add((month.lower()[:3], int(day)))
    return frozenset(out)


_MONTHS = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                     "dec"))


def _frame_terms(text: str, terms: list[str] | set[str]) -> frozenset[str]:
    """A claim's terms as compared: folded to predicate classes, phrases read as one word
    ("called off" -> cancel), and state words as polarity concepts ("stays open" ->
    ~open+, "will not reopen" -> ~open-)."""
    vocab = _vocab()
    out = {fold_term(t) for t in terms}
    sense = None if vocab.senses.keys().isdisjoint(out) else _sense(out, vocab)
    phrases = vocab.phrases is not None and not vocab.phrase_heads.isdisjoint(terms)
    # "could still swim": a state named by stopwords alone, which leave no term
    states = vocab.states is not None and (
        not vocab.state_heads.isdisjoint(terms) or " still " in text)
    if not (phrases or states):
        return frozenset(out)
    low = fold(text)  # for the pattern pre-filters; position for position
    if phrases:
        polarity = lexicon().polarity
        for m in located_finditer(vocab.phrases, text, vocab.phrases_at, low):  # type: ignore[arg-type]
            head = m.group(0).split(None, 1)[0].lower()
            out.discard(fold_term(stem(head)))
            out.add(vocab.phrase_terms[int(str(m.lastgroup)[1:])])
            # "back online" is no stance: the head word's polarity concept goes with it
            for concept in polarity.get(head, ((),))[0]:
                out -= {f"~{concept}+", f"~{concept}-"}
    if states:
        out |= _state_concepts(text, vocab, low)
        if sense:  # "the deal will close": no state of being open or shut
            out -= {f"~{sense}+", f"~{sense}-"}
    return frozenset(out)


def _sense(out: set[str], vocab: _Vocab) -> str | None:
    """Fold the words of ``out`` that have a sense beside another of its terms ("close"
    beside "deal" -> complete), in place; the state concept they then do not name."""
    dropped = None
    for word in [w for w in out if w in vocab.senses]:
        as_term, context, state = vocab.senses[word]
        if not context.isdisjoint(out):
            out.discard(word)
            out.add(as_term)
            dropped = state or dropped
    return dropped


def _state_concepts(text: str, vocab: _Vocab, low: str | None) -> set[str]:
    """Polarity concepts of the state words in ``text``; a concept named both ways
    ("closed ... will reopen") says nothing and is left out."""
    found: dict[str, set[str]] = {}
    states = vocab.states
    assert states is not None
    named = [(m.start(), " ".join(m.group(0).lower().split()))
             for m in located_finditer(states, text, vocab.states_at, low)]
    if vocab.access_to is not None and " to " in text:
        named += _access_states(text, vocab)
    for start, word in named:
        clause = _clause_start(text, start)  # negators of this clause
        flip = (_negations(text[clause : start]) + _ends_state(text, start)) % 2
        for concept, sign in vocab.state_signs[word]:
            if flip:
                sign = "-" if sign == "+" else "+"
            found.setdefault(concept, set()).add(sign)
    return {f"~{c}{signs.pop()}" for c, signs in found.items() if len(signs) == 1}


def _access_states(text: str, vocab: _Vocab) -> list[tuple[int, str]]:
    """(start, state word) of the state words right before "to" and what goes in or through
    a place ("remained open to fishing boats"), which ``_state_pattern`` leaves out as
    "to" mostly makes them something else ("open to talks"). One found there too ("closed
    to traffic") only names its sign again."""
    out = []
    assert vocab.access_to is not None
    for m in vocab.access_to.finditer(text):
        before = text[: m.start()].split()[-3:]
        for n in (3, 2, 1):  # the longest state word ending there ("remained open")
            if len(before) >= n:
                word = " ".join(before[-n:])
                if word in vocab.state_signs:  # lower case only, as in ``_state_pattern``
                    start = m.start()
                    for part in reversed(before[-n:]):
                        start = text.rfind(part, 0, start)
                    out.append((start, word))
                    break
    return out


# "were not restricted and would continue": a negator does not reach past these
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:]|\s(?:and|but|while|whereas|after|because|although|though|unless|if|when|until)\s")


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding ``end`` starts: just after the last break before it."""
    start = 0
    for m in _CLAUSE_BREAK_RE.finditer(text, 0, end):
        start = m.end()
    return start


@lru_cache(maxsize=1)
def _ender_re() -> re.Pattern[str]:
    """An ending verb ("ended", "lift"), maybe a determiner, then the end of the text."""
    forms = "|".join(sorted(lexicon().ender_forms, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{forms})\s+(?:(?:the|its|their|his|her|a|an|this)\s+)?$",
                      re.I)


def _ends_state(text: str, at: int) -> int:
    """1 when the state word at ``at`` is what a verb ends ("ended its suspension"), else 0."""
    return 1 if _ender_re().search(text, max(0, at - 24), at) else 0


def _negations(text: str) -> int:
    """Explicit negators in ``text`` ("not", "never", "n't"; not "refused")."""
    return len(_vocab().negators.findall(text))  # type: ignore[union-attr]


@lru_cache(maxsize=65536)
def _number_terms_of(number: str) -> frozenset[str]:
    return frozenset(map(fold_term, content_terms(number)[0]))


def _number_terms(numbers: list[str]) -> frozenset[str]:
    """Content words written inside a claim's numbers ("about 600 households")."""
    out: set[str] = set()
    for number in numbers:
        out |= _number_terms_of(number)
    return frozenset(out)


def _unsigned(term: str) -> str:
    """A polarity concept without its sign, as similarity sees it: "approved" and "refused
    to approve" are about the same predicate; which way each goes is ``_conflict``'s job."""
    return term[:-1] if term[0] == "~" else term


def _clause_vectors(item: _Item) -> list[_Vec]:
    """Clause-level vectors of a long quote, computed once and only when needed."""
    if item.clauses is not None:
        return item.clauses
    item.clauses = []
    pieces = [p for p in _CLAUSE_RE.split(item.cand.appearance.quote) if p and p.strip()]
    if len(pieces) < 2:
        return item.clauses
    feats = item.vec.features
    actors = {f: w for f, w in feats.items() if f.startswith(("@", "#"))}
    for piece in pieces:
        # only terms the whole quote kept (actor names were blanked out there)
        terms = set(_frame_terms(piece, content_terms(piece)[0])) & item.terms
        if len(terms) < MIN_CLAUSE_TERMS:
            continue
        both = terms | {_unsigned(t) for t in terms}
        item.clauses.append(_vec({**{t: feats[t] for t in both}, **actors}))
    return item.clauses


def _score(a: _Vec, b: _Vec) -> float:
    """Mean of weighted cosine and weighted overlap coefficient."""
    small, large = (a, b) if len(a.order) <= len(b.order) else (b, a)
    fa, fb = small.features, large.features
    dot = inter = 0.0
    for f in small.order:
        w = fb.get(f)
        if w is not None:
            v = fa[f]
            dot += v * w
            inter += v if v < w else w
    if not dot:
        return 0.0
    cosine = dot / math.sqrt(a.norm2 * b.norm2)
    smaller = min(a.total, b.total)
    overlap = inter / smaller if smaller else 0.0
    return (cosine + overlap) / 2


def _weight(feature: str, vocab: _Vocab) -> float:
    if feature.startswith("@"):
        return ACTOR_WEIGHT
    if feature.startswith("#"):
        return UNIT_WEIGHT if feature.startswith("#u:") else QUANTITY_WEIGHT
    if feature.startswith("~"):
        return CONCEPT_WEIGHT
    return GENERIC_WEIGHT if feature in vocab.generic else 1.0


@lru_cache(maxsize=65536)
def _acronym_of(short: str, long: str) -> bool:
    """"boe" and "bank-of-england": ids of one actor the actor merger kept apart."""
    parts = [p for p in re.split(r"[^a-z0-9]+", long.lower()) if p]
    return len(parts) >= 2 and "".join(p[0] for p in parts) == re.sub(r"[^a-z0-9]", "", short)


def _different_subjects(a: _Item, b: _Item) -> bool:
    """Are the two claims about different actors ("Northgate raises ..." / "the Bank ...")?"""
    return _unrelated(a, b, a.cand.subject, b.cand.subject)


def _shared_value(a: _Item, b: _Item) -> bool:
    """Do the two name one exact quantity ("1.2 million tonnes" / "1,200,000 tonnes")? A
    percentage ("4 per cent") recurs in unrelated claims too often to count."""
    return any(f[0] == "#" and f[1:3] not in ("u:", "d:", "%=", "pp")
               for f in a.strong & b.strong)


def _agent(item: _Item) -> str | None:
    """Who acts in a claim: its subject, else the one actor it names ("Investigators from
    the agency have opened ..." is the agency acting)."""
    cand = item.cand
    if cand.subject:
        return cand.subject
    return cand.actors[0] if len(cand.actors) == 1 else None


def _different_agents(a: _Item, b: _Item) -> bool:
    """Different actors doing the same thing ("the safety board opened an investigation" /
    "the environment agency opened an investigation") make two claims, not one."""
    return _unrelated(a, b, _agent(a), _agent(b))


def _unrelated(a: _Item, b: _Item, sa: str | None, sb: str | None) -> bool:
    """Are ``sa`` of ``a`` and ``sb`` of ``b`` two actors, neither named in the other claim
    nor the acronym of the other?"""
    if not sa or not sb or sa == sb:
        return False
    if sa in b.cand.actors or sb in a.cand.actors:
        return False
    return not (_acronym_of(sa, sb) or _acronym_of(sb, sa))


def _approx_aliases(a: _Item, b: _Item) -> dict[str, str]:
    """b's quantity features naming one of a's values approximately ("almost 90 per cent"
    for "89%", "some 2,000" for "2,100"), renamed to a's: they count as the same value."""
    if not (a.quantities and b.quantities):
        return {}
    out = {}
    hypernyms = _vocab().hypernyms
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit != qb.unit:
                if (qa.value == qb.value and (qa.unit in hypernyms) != (qb.unit in hypernyms)
                        and not (qa.ceiling or qb.ceiling)):
                    # "90 services" / "90 trains", "four sites" / "four hospitals": the
                    # general noun counts the same things (for comparison only: no conflict)
                    out[_quantity_feature(qb)] = _quantity_feature(qa)
                    out[f"#u:{qb.unit}"] = f"#u:{qa.unit}"
                continue
            if (qa.ceiling or qb.ceiling or not (qa.approx or qb.approx)
                    or math.isclose(qa.value, qb.value) or _values_conflict(qa, qb)):
                continue
            out[_quantity_feature(qb)] = _quantity_feature(qa)
    return out


def _renamed(vec: _Vec, aliases: dict[str, str]) -> _Vec:
    features: dict[str, float] = {}
    for f, w in vec.features.items():
        name = aliases.get(f, f)
        features[name] = max(w, features.get(name, 0.0))
    return _vec(features)


def _shared_strong(a: _Item, b: _Item) -> int:
    """Strong features two items share; "600 households" is one piece of evidence, not
    the value, the unit and its noun three times. A unit shared with different values
    ("11 wagons" / "14 wagons") is evidence of one subject too: what a conflict needs."""
    common = a.strong & b.strong
    units = {_feature_unit(f) for f in common if f[0] == "#"}
    if a.quantities and b.quantities:
        units |= {_feature_unit(f) for f in _approx_aliases(a, b).values()
                  if f in a.strong}
    soft = 1 if a.soft and not a.soft.isdisjoint(b.soft) and common else 0
    if not units:
        return len(common) + soft
    plain = [f for f in common if f[0] != "#"]
    return len(plain) + len(units) - min(len(units), len(common & a.qterms & b.qterms)) + soft


@lru_cache(maxsize=65536)
def _feature_unit(feature: str) -> str:
    """The unit of a quantity feature: "#u:wagon", "#wagon=11", "#$<=5e+06" -> wagon, $."""
    if feature.startswith("#u:"):
        return feature[3:]
    return feature[1:].split("=", 1)[0].removesuffix("<")


_PRONOUN_LEAD_RE = re.compile(r"^(?:it|he|she|they)\b", re.I)


def _pronoun_led(item: _Item) -> bool:
    """Does the claim open with a subject pronoun ("it had not been consulted")?"""
    return bool(_PRONOUN_LEAD_RE.match(item.cand.appearance.quote))


def _same_subject(a: _Item, b: _Item) -> bool:
    """One actor doing both: the same subject, or the subject of one named in the other
    where that one has no subject of its own ("The agency opened an inquiry" /
    "Investigators from the agency are looking into ...")."""
    sa, sb = a.cand.subject, b.cand.subject
    if sa and sb:
        return sa == sb
    if sa:
        return sa in b.cand.actors
    return bool(sb) and sb in a.cand.actors


def _one_voice(a: _Item, b: _Item) -> bool:
    """One named speaker denying the same thing in both ("X denied that the vessel had been
    overloaded" / "X said the ship was not overloaded"): a negative assertion is a speaker's
    answer to one charge, so the speaker stands in for a subject the two name differently."""
    sa, sb = a.cand.appearance.attributed_to, b.cand.appearance.attributed_to
    return (sa is not None and sa == sb and a.cand.negated and b.cand.negated
            and a.source != b.source)


def similarity(a: _Item, b: _Item) -> float:
    """Best score of the whole quotes or of any of their clauses (clauses need more overlap).

    Zero unless the two share ``MIN_SHARED_TERMS`` strong features (content words that
    are not generic, or the same quantity): shared actors and words like "say", "may",
    "access" never carry a pair alone.
    """
    shared = _shared_strong(a, b)
    return _similarity(a, b, shared, _same_subject(a, b) or (
        shared == MIN_SHARED_TERMS - 1 and _one_voice(a, b)))


# "X was among those rescued", "were among the dead": one member of a group, no count
_AMONG_RE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:also\s+)?among\s+(?:those|the)\b",
                       re.I)


def _one_among(a: _Item, b: _Item) -> bool:
    """Does ``a`` place someone among a group ("the captain was among those rescued") that
    ``b`` counts ("14 crew were rescued")? Who was in it and how many were are different
    assertions, and neither contradicts the other."""
    return a.among and not a.quantities and bool(b.quantities)


def _similarity(a: _Item, b: _Item, shared: int, same: bool) -> float:
    """``similarity`` given the strong features the two share and whether they have the
    same subject."""
    if shared and same:
        shared += 1  # one actor doing the thing named by a shared word: the same subject
    if shared < MIN_SHARED_TERMS:
        return 0.0
    if (a.among or b.among) and (_one_among(a, b) or _one_among(b, a)):
        return 0.0
    aliases = _approx_aliases(a, b)
    best = _score(a.vec, _renamed(b.vec, aliases) if aliases else b.vec)
    if best < MERGE_THRESHOLD and len(a.terms & b.terms) >= MIN_SHARED_CLAUSE_TERMS:
        for x in [a.vec, *_clause_vectors(a)]:
            for y in [b.vec, *_clause_vectors(b)]:
                if x is a.vec and y is b.vec:
                    continue
                shared = sum(1 for f in x.order if f in y.features and not f.startswith("@"))
                if shared >= MIN_SHARED_CLAUSE_TERMS:
                    best = max(best, _score(x, y))
    return best


def _tolerance(x: Quantity, y: Quantity, hi: float) -> float:
    """How far two values, one of them approximate, may be apart and still agree: a share
    of the larger, but no more than the coarser of the two is written ("about 12.5 million"
    is near 12.5 million, not 11.2 million; "nearly 500" may be 450)."""
    share = APPROX_TOLERANCE * hi
    steps = [q.step for q in (x, y) if q.step]
    return min(share, max(steps)) if len(steps) == 2 else share


def _values_conflict(x: Quantity, y: Quantity) -> bool:
    if math.isclose(x.value, y.value):
        return False
    if x.unit in _DIMENSIONS and math.isclose(x.value, y.value, rel_tol=DIMENSION_TOLERANCE):
        return False
    if x.approx or y.approx:
        hi = max(abs(x.value), abs(y.value))
        return abs(x.value - y.value) > _tolerance(x, y, hi)
    return True


def _names(q: Quantity) -> frozenset[str]:
    """What a quantity counts: its unit, and the event verb after it if any."""
    return frozenset((q.unit, q.alt)) - {None} if q.alt else frozenset((q.unit,))


def _by_name(quantities: list[Quantity]) -> dict[str, list[Quantity]]:
    """A claim's values by what they count (unit and event verb); maxima ("up to 5
    million") are rules, not values, and are left out."""
    out: dict[str, list[Quantity]] = {}
    for q in quantities:
        if not q.ceiling:
            for name in _names(q):
                out.setdefault(name, []).append(q)
    for name, qs in list(out.items()) if any(q.part for q in quantities) else ():
        if not all(q.part for q in qs) and any(q.part for q in qs):
            # "eleven of the 40 wagons left the tracks": the count is the part; the whole is
            # background, kept apart (compared with wholes, and never contradicted)
            out[name] = [replace(q, part=False) for q in qs if q.part]
            out[name + _WHOLE] = [q for q in qs if not q.part]
    return out


_WHOLE = "\0whole"  # ``_by_name`` key suffix: the wholes of partitive counts


def _disagreeing_units(a: _Item, b: _Item) -> list[str]:
    """Units both count with values that disagree, and no value of that unit in common
    ("30,000 postponements" and "54,000 appointments were postponed" count one thing;
    with one value in common, the other may be a different quantity). A part ("two of the
    injured workers") is compared with parts only, never with the whole it is part of."""
    ma, mb = a.by_name, b.by_name
    if not ma or not mb:
        return []
    return [unit for unit in ma.keys() & mb.keys()
            if all(x.part == y.part and _values_conflict(x, y)
                   for x in ma[unit] for y in mb[unit])
            and not _names_whole(ma, mb, unit) and not _names_whole(mb, ma, unit)]


def _other_events(x: Quantity, y: Quantity) -> bool:
    """Do two counts of one noun count what happened to them differently ("four soldiers
    were killed" / "15 soldiers were wounded")? Then they are two numbers: no conflict (and,
    their values disagreeing, no one claim either)."""
    return x.alt is not None and y.alt is not None and x.alt != y.alt


def _names_whole(ma: dict[str, list[Quantity]], mb: dict[str, list[Quantity]], unit: str
                 ) -> bool:
    """Does the other claim give the value of the whole one claim takes a part of ("the
    train had 40 wagons" / "eleven of its 40 wagons")? Then it counts the whole."""
    wholes = ma.get(unit + _WHOLE)
    return bool(wholes) and any(not _values_conflict(w, y) for w in wholes for y in mb[unit])


def _values_disagree(a: _Item, b: _Item) -> bool:
    """Do the two count one thing with values that disagree ("21,000 passengers" / "34,000
    customers")? Then they are never one claim, whether or not they are a conflict."""
    return bool(_disagreeing_units(a, b))


def _quantity_conflict(a: _Item, b: _Item, score: float) -> bool:
    """A unit both count with values that disagree, at a score that makes the two about
    one subject (money needs more overlap: amounts of money are everywhere)."""
    return any(
        score >= (CONFLICT_THRESHOLD
                  if unit in _WEAK_UNITS or unit in CURRENCY_CODES or unit in _STUFF
                  else VALUE_CONFLICT_THRESHOLD)
        for unit in _disagreeing_units(a, b)
        if not all(_other_events(x, y) for x in a.by_name[unit] for y in b.by_name[unit])
    )


def _conflict(a: _Item, b: _Item, score: float) -> bool:
    """Do two candidates about the same subject disagree on a value?"""
    if score < VALUE_CONFLICT_THRESHOLD or _different_subjects(a, b):
        return False
    if _quantity_conflict(a, b, score):
        return True
    if a.years and b.years and not a.years & b.years:
        return True
    if score < CONFLICT_THRESHOLD:
        return False
    if _weekday_conflict(a, b):
        return True
    if _date_conflict(a, b):
        return True
    ca, cb = a.concepts, b.concepts
    if any(ca[c] != cb[c] for c in ca.keys() & cb.keys()):
        # "approved" vs "refused to approve": the same predicate, opposite signs; but the
        # end of a state presupposes it: "ended its suspension" does not deny "suspended"
        return not (_ends_a_state(a) or _ends_a_state(b))
    if any(ca[c] == cb[c] for c in ca.keys() & cb.keys()):
        return False  # the same predicate with the same sign: agreeing
    if (ca and not cb) or (cb and not ca):
        return False  # "rejected" vs "turned down": one side's polarity is unknown
    if _direction_only(ca) != _direction_only(cb):
        return False  # "offered a rise" / "rejected the offer": a movement is no stance
    # "granted" vs "rejected" (different predicates, opposite signs), "will" vs "will not";
    # "they had not been warned" with "they" unknown may be anyone: no evidence of one subject
    return (score >= MERGE_THRESHOLD and a.cand.negated != b.cand.negated
            and not _unknown_pronoun(a) and not _unknown_pronoun(b))


def _ends_a_state(item: _Item) -> bool:
    """Does the claim end a state ("ended its suspension", "lifted the ban")?"""
    quote = item.cand.appearance.quote
    lex = lexicon()
    if lex.ender_forms.isdisjoint(quote.lower().split()):
        return False
    signs = _vocab().state_signs
    return any(_ends_state(quote, m.start()) for m in _WORD_RE.finditer(quote)
               if (w := m.group(0).lower()) in lex.polarity or w in signs)


def _refusal_of_other(a: _Item, b: _Item) -> bool:
    """Is ``a`` a refusal ("the union rejected a 4% offer") where ``b`` takes no stance
    ("the trust offered 4%") and is not reported as denied ("X denied that ...")? Then ``a``
    is about ``b``'s thing, not the same claim."""
    vocab = _vocab()
    return (any(s == "-" and c in vocab.responses for c, s in a.concepts.items())
            and all(c in vocab.directions for c in b.concepts)
            and b.cand.appearance.reporting_verb not in lexicon().denial_forms)


def _direction_only(concepts: dict[str, str]) -> bool:
    """Does a claim name only which way something moves ("rose", "cut"), no stance?"""
    return bool(concepts) and _vocab().directions.issuperset(concepts)


def _unknown_pronoun(item: _Item) -> bool:
    """An unresolved pronoun subject, or "no one" / "nobody" (whose negation the zero
    count carries: "no one was hurt" and "nobody was hurt" agree)."""
    return (not item.cand.subject and _pronoun_led(item)) or any(
        q.nobody for q in item.quantities)


def _years_agree(a: _Item, b: _Item) -> bool:
    """No year tells the two apart: the same years, or one names none ("in July" /
    "in August next year" may be the same year)."""
    return not (a.years and b.years) or bool(a.years & b.years)


def _date_conflict(a: _Item, b: _Item) -> bool:
    """Different months ("in July" / "next August"), or the same month with different
    days ("on Feb. 22" / "on Feb. 24"), in years that agree."""
    if not _years_agree(a, b):
        return False
    if a.months and b.months and not a.months & b.months:
        return True
    if len(a.days) == 1 and len(b.days) == 1 and a.days != b.days:
        (ma, _), (mb, _) = next(iter(a.days)), next(iter(b.days))
        return ma == mb
    return False


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_conflict(a: _Item, b: _Item) -> bool:
    """One actor's one event on two different weekdays ("erupted at 4 a.m. on Tuesday" vs
    "erupted late on Monday"): each claim names exactly one weekday, no other date tells
    them apart, and the two share the subject and the event word."""
    if a.years != b.years or a.months != b.months or not _weekday_differs(a, b):
        return False
    return bool(a.cand.subject) and a.cand.subject == b.cand.subject


def _weekday_differs(a: _Item, b: _Item) -> bool:
    da, db = _weekday(a), _weekday(b)
    return da is not None and db is not None and da != db


def _weekday(item: _Item) -> str | None:
    found = {d for d in _WEEKDAYS if d in item.terms}
    return found.pop() if len(found) == 1 else None


def _concepts(terms: frozenset[str]) -> dict[str, str]:
    """Polarity concepts of a claim: {"access": "+"} from "~access+"."""
    return {t[1:-1]: t[-1] for t in sorted(terms) if t.startswith("~")}


def _candidate_pairs(items: list[_Item]) -> list[tuple[int, list[int]]]:
    """Pairs of items from different sources that share a rare blocking feature, as
    (i, the items j > i it pairs with) for each i that has any.

    Only strong features block (content words that are not generic, quantities): a
    feature carried by more than ``MAX_BLOCK`` candidates is too common to block on.
    Items with one set of strong features have one set of neighbours, gathered once with
    C-level set updates; pairs are emitted in sorted order (i ascending, then j).
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for f in item.strong:
            index[f].append(i)
    blocks = {f: posting for f, posting in index.items() if 1 < len(posting) <= MAX_BLOCK}
    neighbours: dict[frozenset[str], list[int]] = {}
    run_end = _source_run_ends(items)
    pairs: list[tuple[int, list[int]]] = []
    for i, item in enumerate(items):
        near = neighbours.get(item.strong)
        if near is None:
            found: set[int] = set()
            for f in item.strong:
                posting = blocks.get(f)
                if posting is not None:
                    found.update(posting)
            near = neighbours[item.strong] = sorted(found)
        if not near:
            continue
        if run_end is not None:  # one source's items are contiguous: later sources follow
            later = near[bisect_left(near, run_end[i]) :]
        else:
            src = item.source
            later = [j for j in near if j > i and items[j].source != src]
        if later:
            pairs.append((i, later))
    return pairs


def _source_run_ends(items: list[_Item]) -> list[int] | None:
    """Per item, the index just past its source's run of items; None when some source's
    items are not contiguous."""
    ends = [0] * len(items)
    seen: set[str] = set()
    start = 0
    for k in range(1, len(items) + 1):
        if k == len(items) or items[k].source != items[start].source:
            if items[start].source in seen:
                return None
            seen.add(items[start].source)
            ends[start:k] = [k] * (k - start)
            start = k
    return ends


def _opposed(a: _Item, b: _Item) -> bool:
    """One predicate with opposite signs ("approved" / "refused to approve"): never one
    claim, whether or not ``_conflict`` found the two to be about the same subject."""
    ca, cb = a.concepts, b.concepts
    return any(ca[c] != cb[c] for c in ca.keys() & cb.keys())


def _stances_differ(a: _Item, b: _Item) -> bool:
    """Does one claim use a word of a stance the other uses the opposite word of ("X
    praised the plan" / "X criticised the plan"), whatever the polarity of the whole?"""
    sa, sb = _stances(a.cand.appearance.quote), _stances(b.cand.appearance.quote)
    return any((concept, -sign) in sb for concept, sign in sa)


@lru_cache(maxsize=65536)
def _stances(quote: str) -> frozenset[tuple[str, int]]:
    """(concept, sign) of each polarity word in a quote ("criticised" -> support, -1)."""
    polarity = lexicon().polarity
    words = _WORD_RE.findall(quote.lower())
    return frozenset(
        (concept, sign)
        for k, word in enumerate(words) if word in polarity
        and not (word[:4] == "back" and _back_adverb(words, k, word))  # "back online"
        for concept in polarity[word][0] for sign in (polarity[word][1],)
    )


def _modal(item: _Item) -> bool:
    """Is the claim stated as a possibility or a forecast ("may raise", "is expected to")?
    Only a hedge of the main clause counts: "cars are being recalled after the company
    found that hoses could leak" states the recall as a fact."""
    found = _MODAL_HEDGES.intersection(item.cand.appearance.hedges)
    return bool(found) and any(_main_clause_hedge(item.cand.appearance.quote, h) for h in found)


# words that open a clause below the main one
_SUBORDINATE_RE = re.compile(
    r"\b(?:that|after|because|which|who|whose|when|since|although|though|while|whereas)\b",
    re.I)


@lru_cache(maxsize=16384)
def _main_clause_hedge(quote: str, hedge: str) -> bool:
    """Is ``hedge`` (as written, or a hedge with no word of its own) in the quote's main
    clause, before any subordinate clause opens?"""
    at = re.search(rf"(?<![\w-]){re.escape(hedge)}(?![\w-])", quote, re.I)
    return at is None or _SUBORDINATE_RE.search(quote, 0, at.start()) is None


def _merge_thresholds(a: _Item, b: _Item, shared: int, same: bool) -> tuple[float, float]:
    """The score two candidates need to merge, in general and when their two sources
    report one story: more when one is a possibility and the other an unhedged statement
    of fact (a forecast is not a report of what happened); infinite for one predicate
    with opposite signs. Different actors doing the same thing merge only within one
    story, where one entity is often named two ways ("the terminal" / "the port", "the
    ministry" / "the government"); across stories they are two claims."""
    threshold, story = _base_thresholds(a, b, shared, same)
    if _different_agents(a, b) and not _shared_value(a, b):
        return max(threshold, DIFFERENT_AGENTS_THRESHOLD), story
    return threshold, story


def _base_thresholds(a: _Item, b: _Item, shared: int, same: bool) -> tuple[float, float]:
    if _opposed(a, b) or _values_disagree(a, b):
        return math.inf, math.inf
    if _different_subjects(a, b) and (
        _pronoun_led(a) or _pronoun_led(b) or a.cand.negated != b.cand.negated
    ):
        # "X said it had not been consulted" / "Y said it had not been consulted": the
        # pronoun carries who; "X was not consulted" / "Y is open to talks": different
        # actors, opposite polarity (not a conflict either: ``_conflict`` needs one subject)
        return math.inf, math.inf
    ha, hb = a.cand.appearance.hedges, b.cand.appearance.hedges
    if (_modal(a) and not hb) or (_modal(b) and not ha):
        return MODAL_MISMATCH_THRESHOLD, MODAL_MISMATCH_THRESHOLD
    if _refusal_of_other(a, b) or _refusal_of_other(b, a):
        return MODAL_MISMATCH_THRESHOLD, MODAL_MISMATCH_THRESHOLD
    # one actor and one strong word ("the agency opened an inspection" / "the agency will
    # carry out its own inspection") is a frame in common; without the actor, a pair
    # compared for their common subject alone needs closer words
    if shared < MIN_SHARED_TERMS and (
        shared + same < MIN_SHARED_TERMS or _stances_differ(a, b)
    ):
        return MODAL_MISMATCH_THRESHOLD, MODAL_MISMATCH_THRESHOLD
    return MERGE_THRESHOLD, SAME_STORY_THRESHOLD


def _outcome(a: _Item, b: _Item) -> tuple[float, bool, float, float]:
    """(score, conflict, merge threshold, same-story merge threshold) of one pair; a
    conflict, or a score below every threshold, never merges."""
    shared = _shared_strong(a, b)
    # a speaker stands in for a subject only where one more piece of evidence is needed
    same = _same_subject(a, b) or (shared == MIN_SHARED_TERMS - 1 and _one_voice(a, b))
    score = _similarity(a, b, shared, same)
    if score <= 0:
        return _value_outcome(a, b)
    if _conflict(a, b, score):
        return score, True, math.inf, math.inf
    if score < min(MERGE_THRESHOLD, SAME_STORY_THRESHOLD):
        return score, False, math.inf, math.inf
    return (score, False, *_merge_thresholds(a, b, shared, same))


def _value_outcome(a: _Item, b: _Item) -> tuple[float, bool, float, float]:
    """A pair too different in words to merge may still disagree on one actor's value:
    "Kereva airport will remain closed for five days" / "... will stay closed for 72 hours",
    "Mount X erupted at 4 a.m. on Tuesday" / "Mount X erupted late on Monday". They share
    a content word (they are a blocked pair) and an actor; a conflict, never a merge."""
    shared_actor = (a.cand.subject and a.cand.subject == b.cand.subject) or (
        a.cand.actors and set(a.cand.actors) == set(b.cand.actors)
    )
    if not shared_actor or _different_subjects(a, b):
        return 0.0, False, math.inf, math.inf
    score = _score(a.vec, b.vec)
    if score < CONFLICT_THRESHOLD:
        return 0.0, False, math.inf, math.inf
    conflict = _quantity_conflict(a, b, score) or (
        a.years == b.years and a.months == b.months and _weekday_differs(a, b)
    )
    return (score, True, math.inf, math.inf) if conflict else (0.0, False, math.inf, math.inf)


def _story_actors(items: list[_Item]) -> dict[str, frozenset[str]]:
    """Source id -> the actors its claims name (the story it tells, by who is in it)."""
    found: dict[str, set[str]] = defaultdict(set)
    for item in items:
        found[item.source].update(item.cand.actors)
        if item.cand.appearance.attributed_to:  # speakers are in the story too
            found[item.source].add(item.cand.appearance.attributed_to)
    return {src: frozenset(actors) for src, actors in found.items()}


def _same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    smaller = min(len(a), len(b))
    return shared >= SAME_STORY_MIN_ACTORS and shared >= SAME_STORY_MIN_SHARE * smaller


def _related_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sources share an actor, and that a fair share of the smaller one's? Weaker
    than ``_same_story``: evidence of one story only beside a shared content word."""
    shared = len(a & b)
    return shared >= 1 and shared >= SAME_STORY_MIN_SHARE * min(len(a), len(b))


def _signature(item: _Item) -> tuple[object, ...]:
    """Everything ``similarity`` and ``_conflict`` read from an item: its kind (quote,
    numbers, terms, dates, actors and publication year, see ``_prepare``) and the rest.

    Reprinted copies of one sentence have equal signatures, so a pair of signatures is
    scored once however many copies there are (wire stories run in many outlets).
    """
    cand = item.cand
    return (item.kind, cand.subject, cand.negated, tuple(cand.appearance.hedges))


# --------------------------------------------------------------------------- clustering


def _clusters(items: list[_Item]) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Greedy best-first clustering; returns clusters (item indexes) and conflict pairs.

    Items come in ``key`` order (source, start, position), so an item's index sorts like
    its key and the sorts below use plain indexes.
    """
    merges, conflicts = [], []
    sig_ids: dict[tuple[object, ...], int] = {}
    sigs = [sig_ids.setdefault(_signature(item), len(sig_ids)) for item in items]
    # (score, conflict, threshold, same-story threshold) per pair of signatures
    outcome: dict[int, tuple[float, bool, float, float]] = {}
    width = len(sig_ids)  # a pair of signatures as one int key: cheaper to hash than a tuple
    story = _story_actors(items)
    stories: dict[tuple[str, str], bool] = {}
    for i, later in _candidate_pairs(items):  # per item: fewer lookups for its many pairs
        row = sigs[i] * width
        for j in later:
            key = row + sigs[j]
            known = outcome.get(key)
            if known is None:
                known = outcome[key] = _outcome(items[i], items[j])
            score, conflict, threshold, story_threshold = known
            if score <= 0:
                continue
            if conflict:
                conflicts.append((i, j))
            elif score >= threshold:
                merges.append((-score, i, j))
            elif score >= story_threshold:
                sa, sb = items[i].source, items[j].source
                same = stories.get((sa, sb))
                if same is None:
                    same = stories[(sa, sb)] = _same_story(story[sa], story[sb])
                if same:
                    merges.append((-score, i, j))
    parent = list(range(len(items)))
    sources = [{item.source} for item in items]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    merges.sort()
    for _score, i, j in merges:
        ri, rj = find(i), find(j)
        if ri != rj and sources[ri].isdisjoint(sources[rj]):  # (no intersection built)
            parent[rj] = ri
            sources[ri] |= sources[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    return sorted(groups.values()), conflicts  # members ascend; clusters sort by first member


# ------------------------------------------------------------------------- independence


def _shingles(text: str) -> set[str]:
    """Word 5-grams of a text, as space-joined strings (exact: words hold no spaces).

    Strings cache their hash, tuples do not: the owner index below hashes every
    shingle again, so strings keep it cheap.
    """
    words = _WORD_RE.findall(text.lower())
    return set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))


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
    by_text: dict[str, set[str]] = {}  # a text saved twice is shingled once
    shingles = {s.id: by_text[s.text] if s.text in by_text
                else by_text.setdefault(s.text, _shingles(s.text)) for s in ordered}
    # in how many sources each shingle is: a text saved n times adds n to each of its
    # shingles, in one pass (``update`` with a mapping adds its values)
    copies = Counter(s.text for s in ordered)
    counts: Counter[str] = Counter()
    for text, found in by_text.items():
        n = copies[text]
        counts.update(found if n == 1 else dict.fromkeys(found, n))
    # only shingles that can link sources: in two or more, and not a cliché
    linking = {h for h, n in counts.items() if 1 < n <= MAX_SHINGLE_OWNERS}
    owners: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(shingles):
        for h in shingles[sid] & linking:
            owners[h].append(sid)
    # a passage two sources share gives many shingles with the same owners: count each
    # owner list once, with its number of shingles
    # (a plain dict: ``Counter`` would call its Python ``__missing__`` for every new pair)
    shared: dict[tuple[str, str], int] = {}
    for ids, n in Counter(map(tuple, owners.values())).items():
        for pair in combinations(ids, 2):  # ids ascend, so pairs come as (smaller, larger)
            shared[pair] = shared.get(pair, 0) + n
    size = {sid: len(found) for sid, found in shingles.items()}
    for (a, b), n in shared.items():  # the root is a set's smallest id: order is irrelevant
        smaller = size[a] if size[a] < size[b] else size[b]
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
    folded = _fold(headline)  # once: reprinted headlines go round the loop below
    cid = "c-" + hashlib.sha1(folded.encode()).hexdigest()[:8]
    salt = 0
    while cid in taken:
        salt += 1
        payload = f"{folded}\x1f{source}\x1f{sentence}\x1f{salt}"
        cid = "c-" + hashlib.sha1(payload.encode()).hexdigest()[:8]
    taken.add(cid)
    return cid


def _union_ordered(lists: list[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for values in lists:
        for v in values:
            seen.setdefault(v, None)
    return list(seen)


def _build_claim(members: list[_Item], groups: dict[str, str], taken: set[str]
                 ) -> tuple[Claim, int]:
    """The claim of one cluster, and its number of independent sources."""
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
    ), len(independent)


def _link_conflicts(
    claims: list[Claim],
    owner: list[int],
    conflicts: list[tuple[int, int]],
    published: dict[str, str | None],
) -> None:
    first: dict[int, str | None] = {}  # claim number -> its first report, once per claim

    def reported(n: int) -> str | None:  # a claim of many reprints is in many conflict pairs
        if n not in first:
            first[n] = _first_reported(claims[n], published)
        return first[n]

    for i, j in conflicts:
        a, b = claims[owner[i]], claims[owner[j]]
        if a is b:
            continue
        if b.id not in a.conflicts_with:
            a.conflicts_with.append(b.id)
            b.conflicts_with.append(a.id)
        da, db = reported(owner[i]), reported(owner[j])
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


def _restart(item: _Item) -> Restart | None:
    """The restart a claim names (see ``timing``), if any."""
    vocab = _vocab()
    if vocab.resumption.keys().isdisjoint(item.concepts):
        return None  # nearly every claim: no regex
    quote = item.cand.appearance.quote
    found = restart_of(quote, item.concepts, vocab.resumption, bool(_negations(quote)))
    if found is None and (at := later_clause_start(quote)) is not None:
        # "was suspended at nightfall and will resume on Wednesday": the claim is the stop,
        # the restart is the later clause's
        later = quote[at:]
        concepts = _concepts(_frame_terms(later, content_terms(later)[0]))
        found = restart_of(later, concepts, vocab.resumption, bool(_negations(later)))
    return found


def _restart_keys(item: _Item) -> list[str]:
    """What two restarts of one thing may share: a subject, a speaker, a content word."""
    app = item.cand.appearance
    keys = sorted(item.strong - _vocab().restart_terms)
    keys += [f"@{who}" for who in sorted({item.cand.subject or "", app.attributed_to or ""})
             if who]
    if app.attribution_kind == "organisation":  # "the company said": see ``_one_speaker``
        keys.append("@organisation")
    return keys


def _one_thing_restarts(a: _Item, b: _Item, same_story: bool, related: bool = False) -> bool:
    """Evidence that two restarts are of one thing: one subject; or, in one story, a content
    word in common besides the restart's own words, or one speaker where neither names an
    actor ("Northline said sailings would resume" / "the company said crossings would not
    restart"). ``related``: the two sources share an actor, too few for one story by
    ``_same_story`` but enough with a shared content word ("the aviary")."""
    if _different_subjects(a, b):
        return False
    if (a.cand.subject or b.cand.subject) and _same_subject(a, b):
        return True
    if not (same_story or related):
        return False
    if (a.strong & b.strong) - _vocab().restart_terms:
        return True
    return same_story and _one_speaker(a.cand.appearance, b.cand.appearance) and not (
        a.cand.actors or b.cand.actors)


def _one_speaker(a: Appearance, b: Appearance) -> bool:
    """One named speaker, or a named organisation and one left unnamed ("the company
    said"), which in one story is most often that organisation again."""
    if a.attributed_to and b.attributed_to:
        return a.attributed_to == b.attributed_to
    unnamed = a if not a.attributed_to else b
    return (unnamed.attribution_kind == "organisation"
            and (a.attributed_to or b.attributed_to) is not None
            and (a if unnamed is b else b).attribution_kind == "organisation")


def _restart_conflicts(items: list[_Item], published: dict[str, str | None]
                       ) -> list[tuple[int, int]]:
    """Pairs of items of one story, from different sources, that name one thing restarting
    on days that cannot both be right ("resume on Friday" / "not restart before Sunday").
    Few claims name a restart: they are compared within blocks of what they share."""
    restarts = {i: r for i, item in enumerate(items) if (r := _restart(item)) is not None}
    if len(restarts) < 2:
        return []
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in restarts:
        for key in _restart_keys(items[i]):
            blocks[key].append(i)
    story = _story_actors(items)
    found: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for i, j in combinations(members, 2):  # members ascend: i < j
            a, b = items[i], items[j]
            sa, sb = story[a.source], story[b.source]
            if ((i, j) in found or a.source == b.source or not _one_thing_restarts(
                    a, b, _same_story(sa, sb), _related_story(sa, sb))):
                continue
            pa, pb = published.get(a.source), published.get(b.source)
            if not same_week(pa, pb):
                continue  # "Friday" in reports a fortnight apart: two different Fridays
            start = week_start(min(filter(None, (pa, pb)), default=None))
            if restarts_disagree(restarts[i], restarts[j], start):
                found.add((i, j))
    return sorted(found)


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
    published = {s.id: s.published for s in sources}
    items = _prepare(ordered, published)
    clusters, conflicts = _clusters(items)
    conflicts += _restart_conflicts(items, published)
    groups = independence_groups(sources)
    taken: set[str] = set()
    built = [_build_claim([items[i] for i in members], groups, taken) for members in clusters]
    claims = [claim for claim, _ in built]
    owner = [0] * len(items)
    for n, members in enumerate(clusters):
        for i in members:
            owner[i] = n
    _link_conflicts(claims, owner, sorted(conflicts), published)
    support = {claim.id: n for claim, n in built}
    position = {c.id: (c.appearances[0].source, c.appearances[0].start) for c in claims}
    claims.sort(key=lambda c: (_STATUS_RANK[c.status], -support[c.id], position[c.id]))
    return claims


__all__ = ["DATE_RE", "cluster_claims", "independence_groups", "parse_quantity", "similarity"]
