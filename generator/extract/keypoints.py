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

from generator.extract.sentences import DATA_DIR
from generator.models import ClaimCandidate, LocalActor, Sentence

_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*[a-z0-9]|[a-z]", re.I)
_NUMBER = re.compile(r"\d")
_DATE_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December|yesterday|today)\b"
)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
# A question: "?" closes the sentence, or closes a quotation that opens it ('"Why?" she asked.')
_QUESTION = re.compile(r"\?[\"'”’)\]]*$|^[\"“‘'][^\"”’]*\?[\"”’]")
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
    stop = _stopwords()
    out = []
    for raw in _TOKEN.findall(text):
        word = raw.lower()
        if word in stop or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


# ------------------------------------------------------------------------------ public API


def pick_key_points(
    sentences: list[Sentence], actors: list[LocalActor], claims: list[ClaimCandidate]
) -> list[str]:
    """3 to 5 sentence ids, best first (fewer only when fewer sentences are eligible)."""
    content = [s for s in sentences if not s.truncated and not s.boilerplate]
    eligible = [s for s in content if _is_summary_sentence(s)] or content
    if not eligible:
        return []
    bags = {s.id: Counter(terms(s.text)) for s in content}
    centrality = _centrality(content, bags)
    information = _information(eligible, actors, claims)
    position = _position(eligible)
    scored = []
    for s in eligible:
        score = (
            _WEIGHTS["centrality"] * centrality.get(s.id, 0.0)
            + _WEIGHTS["information"] * information[s.id]
            + _WEIGHTS["position"] * position[s.id]
        )
        scored.append((-score, s.index, s))
    scored.sort(key=lambda item: (item[0], item[1]))
    by_length = -(-len(eligible) // _SENTENCES_PER_POINT)  # ceiling division
    wanted = min(len(eligible), _MAX_POINTS, max(_MIN_POINTS, by_length))
    chosen: list[Sentence] = []
    for _, _, s in scored:
        if len(chosen) == wanted:
            break
        if not any(_near_duplicate(bags[s.id], bags[c.id]) for c in chosen):
            chosen.append(s)
    return [s.id for s in chosen]


def _is_summary_sentence(s: Sentence) -> bool:
    """Running-text statements only: no headings, captions, fragments, nor questions (a
    question, even a quoted one, asserts nothing a reader can take away)."""
    text = s.text.rstrip()
    if len(text.split()) < _MIN_WORDS or not _ENDS_SENTENCE.search(text):
        return False
    return not _QUESTION.search(text)


# ------------------------------------------------------------------------------ scores


def _centrality(sentences: list[Sentence], bags: dict[str, Counter[str]]) -> dict[str, float]:
    """Cosine of each sentence's tf-idf vector with the centroid of the other sentences."""
    n = len(sentences)
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(bags[s.id].keys())
    idf = {t: math.log(1 + n / d) for t, d in df.items()}
    total: Counter[str] = Counter()
    vectors = {}
    for s in sentences:
        vec = {t: c * idf[t] for t, c in bags[s.id].items()}
        vectors[s.id] = vec
        for t, w in vec.items():
            total[t] += w
    # |total - v|^2 = |total|^2 - 2 total·v + |v|^2, so each sentence costs O(its terms).
    total_sq = sum(w * w for w in total.values())
    raw = {}
    for sid, vec in vectors.items():
        dot_total = sum(w * total[t] for t, w in vec.items())
        self_sq = sum(w * w for w in vec.values())
        rest_sq = total_sq - 2 * dot_total + self_sq
        if self_sq <= 0 or rest_sq <= 1e-12:
            raw[sid] = 0.0
            continue
        raw[sid] = (dot_total - self_sq) / math.sqrt(self_sq * rest_sq)
    return _normalise(raw)


def _information(
    sentences: list[Sentence], actors: list[LocalActor], claims: list[ClaimCandidate]
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
        value += 0.5 if _DATE_WORD.search(s.text) else 0.0
        raw[s.id] = value
    return _normalise(raw)


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


def _near_duplicate(a: Counter[str], b: Counter[str]) -> bool:
    """Most of the smaller sentence's terms appear in the other one."""
    if not a or not b:
        return False
    shared = len(a.keys() & b.keys())
    return shared >= _DUPLICATE_OVERLAP * min(len(a), len(b))
