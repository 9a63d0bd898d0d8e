"""Extractive key points: the 3–5 sentences that best summarise one source.

Each eligible sentence gets a score from three parts, all computed in time linear in the text:

* centrality: cosine similarity between the sentence's tf-idf vector and the centroid of all
  *other* sentences (the document minus the sentence itself, so a long sentence does not score
  by overlapping with itself); this is the one-step form of TextRank against the centroid;
* information: named actors mentioned in it, claims made in it (attributed claims count more),
  numbers and dates;
* position: news puts the most important facts first (inverted pyramid), so lead sentences and
  paragraph openings get a prior.

Truncated and boilerplate sentences are never eligible; neither are headings (no closing
punctuation), very short lines nor questions, unless nothing else is left. Selection is greedy
by score, skipping a sentence that mostly repeats one already chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from operator import mul

from generator.extract.prefilter import fold, required_literals
from generator.extract.sentences import DATA_DIR, folded
from generator.models import ClaimCandidate, LocalActor, Sentence

_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*[a-z0-9]|[a-z]", re.I)
_LOWER_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*[a-z0-9]|[a-z]")  # on ``fold``ed text
_NUMBER = re.compile(r"\d")
_DATE_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December|yesterday|today)\b"
)
# The words one of which every _DATE_WORD match is, lower case (None: unknown)
_DATE_WORDS = frozenset(required_literals(_DATE_WORD.pattern) or ()) or None
# ASCII text to its words (\w runs) in lower case: every other character becomes a space
_ASCII_WORDS = str.maketrans(
    {chr(c): (" " if not re.match(r"\w", chr(c)) else chr(c).lower()) for c in range(128)}
)
# A question: "?" closes the sentence (before any closing marks), or closes a quotation that
# opens it ('"Why?" she asked.').
_QUOTED_QUESTION = re.compile(r"[\"“‘'][^\"”’]*\?[\"”’]")
_CLOSERS = "\"'”’)]"  # closing marks allowed after the final punctuation
_MIN_WORDS = 6
_MIN_POINTS = 3
_MAX_POINTS = 5
_SENTENCES_PER_POINT = 5
_DUPLICATE_OVERLAP = 0.6
_WEIGHTS = {"centrality": 0.5, "information": 0.25, "position": 0.25}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = (DATA_DIR / "keypoints_stopwords.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(w.lower() for line in lines for w in line.split())


def terms(text: str) -> list[str]:
    """Content words, lower-cased and crudely singularised, for overlap measures."""
    return _terms(text, fold(text))


def _terms(text: str, low: str | None) -> list[str]:
    """``terms(text)``, given ``fold(text)``."""
    if low is not None:
        words = _LOWER_TOKEN.findall(low)  # the same tokens, lower-cased once for the text
    else:
        words = [raw.lower() for raw in _TOKEN.findall(text)]
    cache = _TERM_OF
    if len(cache) > _TERM_CACHE_SIZE:
        cache.clear()
    out = []
    for word in words:
        term = cache.get(word)
        if term is None:
            term = cache[word] = _term(word)
        if term:
            out.append(term)
    return out


# word -> its term ("" for a stop word or a single letter). Words recur across sentences and
# sources, so each is normalised once; the cache only saves time, never changes a result.
_TERM_OF: dict[str, str] = {}
_TERM_CACHE_SIZE = 200_000


def _term_bag(text: str, low: str | None) -> dict[str, int]:
    """Counts of ``_terms(text, low)`` in first-seen order (what ``Counter`` gives, without
    its overhead), in one pass."""
    if low is not None:
        words = _LOWER_TOKEN.findall(low)
    else:
        words = [raw.lower() for raw in _TOKEN.findall(text)]
    cache = _TERM_OF
    if len(cache) > _TERM_CACHE_SIZE:
        cache.clear()
    bag: dict[str, int] = {}
    for word in words:
        term = cache.get(word)
        if term is None:
            term = cache[word] = _term(word)
        if term:
            bag[term] = bag.get(term, 0) + 1
    return bag


def _term(word: str) -> str:
    if word in _stopwords() or len(word) < 2:
        return ""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# ------------------------------------------------------------------------------ public API


def pick_key_points(
    sentences: list[Sentence], actors: list[LocalActor], claims: list[ClaimCandidate]
) -> list[str]:
    """3 to 5 sentence ids, best first (fewer only when fewer sentences are eligible)."""
    content = [s for s in sentences if not s.truncated and not s.boilerplate]
    eligible = [s for s in content if _is_summary_sentence(s)] or content
    if not eligible:
        return []
    low = {s.id: folded(s.text) for s in content}
    bags = {s.id: _term_bag(s.text, low[s.id]) for s in content}
    centrality = _centrality(content, bags)
    information = _information(eligible, actors, claims, low)
    position = _position(eligible)
    scored = []
    for s in eligible:
        score = (
            _WEIGHTS["centrality"] * centrality.get(s.id, 0.0)
            + _WEIGHTS["information"] * information[s.id]
            + _WEIGHTS["position"] * position[s.id]
        )
        scored.append((_context_bound(s.text), -score, s.index, s))
    # a sentence that needs the one before it comes after every other, whatever its score
    scored.sort(key=lambda item: item[:3])
    by_length = -(-len(eligible) // _SENTENCES_PER_POINT)  # ceiling division
    wanted = min(len(eligible), _MAX_POINTS, max(_MIN_POINTS, by_length))
    chosen: list[Sentence] = []
    for *_, s in scored:
        if len(chosen) == wanted:
            break
        if not any(_near_duplicate(bags[s.id], bags[c.id]) for c in chosen):
            chosen.append(s)
    return [s.id for s in chosen]


def _is_summary_sentence(s: Sentence) -> bool:
    """Running-text statements only: no headings, captions, fragments, nor questions (a
    question, even a quoted one, asserts nothing a reader can take away)."""
    text = s.text.rstrip()
    if len(text.split()) < _MIN_WORDS:
        return False
    last = text.rstrip(_CLOSERS)[-1:]  # the final punctuation, closing marks aside
    if not last or last not in ".!?…":
        return False
    return last != "?" and not _QUOTED_QUESTION.match(text)


# pronouns whose referent a reader of the key points alone would not know
_BARE_SUBJECTS = frozenset({"He", "She", "They"})


def _context_bound(text: str) -> bool:
    """Does the sentence need the one before it? "She said four soldiers had died" (who?),
    or the second sentence of a quotation, which closes a quote it never opened ('We are
    confident," he told reporters')."""
    if text.split(None, 1)[0] in _BARE_SUBJECTS:
        return True
    close = text.find("\u201d")
    if close >= 0 and not 0 <= text.find("\u201c") < close:
        return True
    return text.count('"') % 2 == 1 and not text.lstrip().startswith('"')


# ------------------------------------------------------------------------------ scores


def _centrality(sentences: list[Sentence], bags: dict[str, dict[str, int]]) -> dict[str, float]:
    """Cosine of each sentence's tf-idf vector with the centroid of the other sentences."""
    n = len(sentences)
    # one C-level count over every sentence's terms (not one ``update`` call per sentence)
    df = Counter(chain.from_iterable(bags[s.id] for s in sentences))
    idf = {t: math.log(1 + n / d) for t, d in df.items()}
    total: dict[str, float] = {}
    vectors = {}
    for s in sentences:
        vec = vectors[s.id] = {t: c * idf[t] for t, c in bags[s.id].items()}
        for t, w in vec.items():  # the same sums, in the same order, as one loop
            total[t] = total.get(t, 0) + w
    # |total - v|^2 = |total|^2 - 2 total·v + |v|^2, so each sentence costs O(its terms).
    # (Sums over map(mul, ...) add the same products in the same order as a loop would.)
    total_sq = sum(map(mul, total.values(), total.values()))
    raw = {}
    for sid, vec in vectors.items():
        weights = vec.values()
        dot_total = sum(map(mul, weights, map(total.__getitem__, vec)))
        self_sq = sum(map(mul, weights, weights))
        rest_sq = total_sq - 2 * dot_total + self_sq
        if self_sq <= 0 or rest_sq <= 1e-12:
            raw[sid] = 0.0
            continue
        raw[sid] = (dot_total - self_sq) / math.sqrt(self_sq * rest_sq)
    return _normalise(raw)


def _information(
    sentences: list[Sentence], actors: list[LocalActor], claims: list[ClaimCandidate],
    low: dict[str, str | None],
) -> dict[str, float]:
    """Named actors, claims, numbers and dates in each sentence, scaled to [0, 1]."""
    actors_in: dict[str, set[str]] = {}
    for actor in actors:
        for mention in actor.mentions:
            actors_in.setdefault(mention.sentence, set()).add(actor.key)
    claim_weight: dict[str, float] = {}
    for claim in claims:
        sid = claim.appearance.sentence
        attributed = claim.appearance.attribution_kind != "outlet"
        claim_weight[sid] = max(claim_weight.get(sid, 0.0), 1.5 if attributed else 1.0)
    raw = {}
    for s in sentences:
        value = min(len(actors_in.get(s.id, ())), 3)
        value += claim_weight.get(s.id, 0.0)
        value += 0.5 if _NUMBER.search(s.text) else 0.0
        value += 0.5 if _has_date_word(s.text, low[s.id]) else 0.0
        raw[s.id] = value
    return _normalise(raw)


def _has_date_word(text: str, low: str | None = None) -> bool:
    """``_DATE_WORD.search(text)``, skipped when no whole word of the text is a date word, told
    from its ASCII words (``low``: ``fold(text)`` when the caller has it; its words are the
    text's in lower case): a split and a set test cost a fraction of a regex scan."""
    source = text if low is None else low
    if (
        _DATE_WORDS is not None
        and source.isascii()
        and _DATE_WORDS.isdisjoint(source.translate(_ASCII_WORDS).split())
    ):
        return False
    return _DATE_WORD.search(text) is not None


def _position(sentences: list[Sentence]) -> dict[str, float]:
    """Inverted-pyramid prior: the lead most, paragraph openings a little."""
    out = {}
    for rank, s in enumerate(sentences):
        opens_paragraph = rank == 0 or sentences[rank - 1].paragraph != s.paragraph
        out[s.id] = 1.0 / (1.0 + 0.25 * rank) + (0.15 if opens_paragraph else 0.0)
    return _normalise(out)


def _normalise(values: dict[str, float]) -> dict[str, float]:
    """Scale to [0, 1] (all zero when there is no spread)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high - low <= 1e-12:
        return {k: 0.0 for k in values}
    return {k: (v - low) / (high - low) for k, v in values.items()}


def _near_duplicate(a: dict[str, int], b: dict[str, int]) -> bool:
    """Most of the smaller sentence's terms appear in the other one."""
    if not a or not b:
        return False
    shared = len(a.keys() & b.keys())
    return shared >= _DUPLICATE_OVERLAP * min(len(a), len(b))
