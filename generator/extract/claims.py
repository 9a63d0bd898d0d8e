"""Claim extraction: what each sentence asserts, who asserts it, and how hedged.

One candidate per claim-bearing sentence. A sentence bears a claim when it is
complete (not truncated), not boilerplate, not a question, and says something
checkable: it names an actor, a number or a date, reports someone's statement, or
states something of a plain subject ("Emergency departments remained open."). Pure
scene-setting ("This protective stance is not without its critics.") is left out.

The *quote* is the claim-carrying part of the sentence: the content clause
without the attribution frame ("Sources familiar with the matter told Reuters
that | the ministry informed ..."). It is always an exact substring of the
sentence, with offsets into ``Document.text``.

Everything is rule-based and linear in the text: a few pre-compiled regular
expressions per sentence, lexicons loaded once from ``generator/data``. Nothing
here knows about any particular topic; the lexicons hold general English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import yaml

from generator.extract.names import title_heads
from generator.extract.prefilter import (
    literal_prefixes,
    located_finditer,
    located_search,
    locator,
    required_literals,
)
from generator.extract.sentences import folded
from generator.extract.single_space import Locators, locators, pick, single_spaced
from generator.models import (
    Appearance,
    ClaimCandidate,
    Document,
    LocalActor,
    Mention,
    Sentence,
)

# ----------------------------------------------------------------------------- lexicons

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


# libyaml's parser when installed: the same objects as ``yaml.safe_load`` (the constructor
# and resolver are shared), several times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(name: str) -> dict:
    text = resources.files("generator.data").joinpath(name).read_text("utf-8")
    return yaml.load(text, Loader=_YAML_LOADER)


def _load_lines(name: str) -> list[str]:
    text = resources.files("generator.data").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _inflect(base: str) -> set[str]:
    """Regular inflections of a verb (good enough for reporting verbs)."""
    if " " in base:  # "point out" -> "pointed out", "points out"
        head, tail = base.split(" ", 1)
        return {f"{form} {tail}" for form in _inflect(head)}
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


def _alternation(words: set[str] | list[str]) -> str:
    """A regex alternation, longest first, multi-word entries matching any whitespace."""
    parts = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)


@dataclass(frozen=True)
class Lexicon:
    """All word lists used by claim extraction and comparison, compiled once."""

    verb_base: dict[str, str]  # inflected form -> base
    tell_forms: frozenset[str]
    object_forms: frozenset[str]  # "characterized X as Y": no clause of its own follows
    verb_re: re.Pattern[str]
    according_re: re.Pattern[str]
    anonymous: tuple[tuple[str, ...], ...]
    spokes: frozenset[str]
    hedge_re: re.Pattern[str]
    hedge_words: frozenset[str]
    cond_re: re.Pattern[str]
    modal_re: re.Pattern[str]
    negators: frozenset[str]
    polarity: dict[str, tuple[frozenset[str], int]]  # word -> (concepts, sign)
    synonyms: dict[str, str]  # stem -> canonical stem
    phrases: dict[tuple[str, ...], str]  # stemmed multi-word synonym -> canonical stem
    markers_re: re.Pattern[str]
    promo_re: re.Pattern[str]
    stopwords: frozenset[str]
    polarity_pair_heads: frozenset[str] = frozenset()  # first words of two-word polarity keys
    phrase_heads: frozenset[str] = frozenset()  # first stems of multi-word synonyms
    anonymous_heads: frozenset[str] = frozenset()  # first words of anonymous-source nouns
    hedge_heads: frozenset[str] = frozenset()  # first words of hedges, lower case
    np_object_forms: frozenset[str] = frozenset()  # "confirmed the letter's contents"
    denial_forms: frozenset[str] = frozenset()  # "denied that ...": keep the frame
    # verbs that end the state named after them ("ended its suspension", "lifted the ban")
    ender_forms: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()  # "The report says ...": a speaker
    # where a reporting verb or a hedge may start, in folded text (see ``prefilter``; the
    # hedges' for any text and for single-spaced text, see ``single_space``)
    verb_at: re.Pattern[str] | None = None
    hedge_ats: Locators = (None, None)
    # ``verb_re`` (``hedge_re``) for the forms starting with one word, by that word: see
    # ``_phrase_match``
    verb_by_word: _ByFirstWord | None = None
    hedge_by_word: _ByFirstWord | None = None
    # the anonymous nouns that are not spokes nouns ("people familiar", "sources")
    anonymous_plain: tuple[tuple[str, ...], ...] = ()
    # ``anonymous_plain`` by first word
    anonymous_by_head: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # where an "according to" phrase may start, in folded text (see ``prefilter``)
    according_ats: Locators = (None, None)
    # first words of the discourse markers, lower case (None: some is not plain ASCII)
    marker_heads: frozenset[str] | None = None
    # lower-case words one of which every match of ``cond_re`` (``modal_re``) holds
    cond_words: tuple[str, ...] = ()
    modal_words: tuple[str, ...] = ()


def _phrase_re(phrases: set[str] | list[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, case-insensitively (reporting verbs, hedges)."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.I)


_PLAIN_PHRASE_RE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class _ByFirstWord(dict[str, "re.Pattern[str] | None"]):
    """word -> ``_phrase_re`` of the phrases starting with that (lower-case) word, or None;
    compiled on first lookup (most words never occur)."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        super().__init__()
        self.groups = groups

    def __missing__(self, word: str) -> re.Pattern[str] | None:
        group = self.groups.get(word)
        sub = self[word] = _phrase_re(group) if group is not None else None
        return sub


def _by_first_word(phrases: set[str] | list[str]) -> _ByFirstWord | None:
    """The phrases by first word; None unless every phrase is ASCII words separated by
    single spaces (see ``_phrase_match``)."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if not _PLAIN_PHRASE_RE.fullmatch(phrase):
            return None
        groups.setdefault(phrase.split(" ", 1)[0].lower(), []).append(phrase)
    return _ByFirstWord(groups)


_LETTERS_RE = re.compile(r"[A-Za-z]+")


def _phrase_match(
    pattern: re.Pattern[str], by_word: _ByFirstWord | None, text: str, pos: int,
    word: str | None = None,
) -> re.Match[str] | None:
    """``pattern.match(text, pos)`` for a ``_phrase_re`` pattern, through ``by_word``.

    The big alternation tries hundreds of phrases at ``pos``; in ASCII text only those
    whose first word is the run of letters at ``pos`` can match (a shorter first word
    would be followed by a letter, where a space or the word's end must be), and among
    them the same one matches first (``_alternation`` orders both alike). Other text
    (where case folding maps odd letters onto ASCII ones) runs the whole pattern.
    ``word``: that run of letters in lower case, when the caller has it."""
    if by_word is None or not text.isascii():
        return pattern.match(text, pos)
    if word is None:
        letters = _LETTERS_RE.match(text, pos)
        if letters is None:
            return None  # every phrase starts with a letter
        word = letters.group(0).lower()
    sub = by_word[word]
    return sub.match(text, pos) if sub is not None else None


_CONJUNCTIONS = ("but", "and", "yet", "so", "still", "also")  # open a clause like markers


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = _load_yaml("reporting_verbs.yml")
    hedges = _load_yaml("hedges.yml")
    lex = _load_yaml("claim_lexicon.yml")
    verb_base: dict[str, str] = {}
    for base in verbs["verbs"]:
        for form in _inflect(base) | set(verbs["irregular"].get(base, [])):
            verb_base[form] = base
    tell_forms = frozenset(f for f, b in verb_base.items() if b in set(verbs["tell_verbs"]))
    polarity: dict[str, tuple[frozenset[str], int]] = {}
    for concept, sides in lex["polarity"].items():
        for sign_name, sign in (("positive", 1), ("negative", -1)):
            for word in sides[sign_name]:
                old = polarity.get(word, (frozenset(), sign))
                polarity[word] = (old[0] | {concept}, sign if word not in polarity else old[1])
    synonyms: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    stop = frozenset(_load_lines("stopwords.txt"))
    for group in lex["synonyms"]:
        canon = " ".join(stem(w) for w in group[0].split())
        for member in group:
            key = tuple(f"!{w}" if w in stop else stem(w) for w in member.split())
            if len(key) == 1:
                synonyms[key[0]] = canon
            else:
                phrases[key] = canon
    marker_alt = _alternation(lex["discourse_markers"])
    verb_re = _phrase_re(set(verb_base))
    hedge_re = _phrase_re(hedges["hedges"])
    according_re = re.compile(rf"(?<![\w-])(?:{_alternation(verbs['according'])})\s+", re.I)
    cond_re = re.compile(rf"\b(?:{_alternation(hedges['conditional_markers'])})\b", re.I)
    modal_re = re.compile(rf"\b(?:{_alternation(hedges['conditional_modals'])})\b", re.I)
    markers_re = re.compile(
        rf"(?:(?:{marker_alt})\s*,\s*|(?:{'|'.join(_CONJUNCTIONS)})\s+)", re.I
    )
    marker_words = [m.split() for m in lex["discourse_markers"]] + [[c] for c in _CONJUNCTIONS]
    anonymous_plain = tuple(
        tuple(a.split()) for a in verbs["anonymous_nouns"]
        if a.split()[0] not in set(verbs["spokes_nouns"])
    )
    anonymous_by_head: dict[str, tuple[tuple[str, ...], ...]] = {}
    for noun in anonymous_plain:
        anonymous_by_head[noun[0]] = (*anonymous_by_head.get(noun[0], ()), noun)
    return Lexicon(
        verb_base=verb_base,
        tell_forms=tell_forms,
        object_forms=frozenset(f for f, b in verb_base.items() if b in set(verbs["object_verbs"])),
        verb_re=verb_re,
        according_re=according_re,
        anonymous=tuple(tuple(a.split()) for a in verbs["anonymous_nouns"]),
        spokes=frozenset(verbs["spokes_nouns"]),
        hedge_re=hedge_re,
        hedge_words=frozenset(h for h in hedges["hedges"] if " " not in h),
        cond_re=cond_re,
        modal_re=modal_re,
        negators=frozenset(lex["negators"]),
        polarity=polarity,
        synonyms=synonyms,
        phrases=phrases,
        markers_re=markers_re,
        promo_re=re.compile(rf"^\W*(?:{_alternation(lex['promo_openers'])})\b", re.I),
        stopwords=stop,
        polarity_pair_heads=frozenset(w.split(" ", 1)[0] for w in polarity if " " in w),
        phrase_heads=frozenset(key[0] for key in phrases),
        anonymous_heads=frozenset(a.split()[0] for a in verbs["anonymous_nouns"]),
        hedge_heads=frozenset(h.lower().split()[0] for h in hedges["hedges"]),
        np_object_forms=frozenset(
            f for f, b in verb_base.items() if b in set(verbs["np_object_verbs"])
        ),
        denial_forms=frozenset(f for f, b in verb_base.items() if b in set(verbs["denial_verbs"])),
        documents=frozenset(verbs["document_nouns"]),
        ender_forms=frozenset(f for base in lex.get("state_enders", []) for f in _inflect(base)),
        verb_by_word=_by_first_word(set(verb_base)),
        hedge_by_word=_by_first_word(hedges["hedges"]),
        verb_at=locator(literal_prefixes(verb_re.pattern, verb_re.flags), r"(?<![\w-])"),
        hedge_ats=locators(hedge_re.pattern, hedge_re.flags, r"(?<![\w-])"),
        anonymous_plain=anonymous_plain,
        anonymous_by_head=anonymous_by_head,
        according_ats=(
            _opening_locator(literal_prefixes(according_re.pattern, according_re.flags), r"[\w-]"),
            _opening_locator(
                literal_prefixes(single_spaced(according_re.pattern), according_re.flags),
                r"[\w-]",
            ),
        ),
        cond_words=required_literals(cond_re.pattern, cond_re.flags) or ("",),
        modal_words=required_literals(modal_re.pattern, modal_re.flags) or ("",),
        marker_heads=frozenset(words[0].lower() for words in marker_words)
        if all(_PLAIN_PHRASE_RE.fullmatch(" ".join(words)) for words in marker_words)
        else None,
    )


# small patterns of the attribution and headline code, compiled once
# (?<![\w-])that\s+, opening with its "t" (the lookbehind then checks the character before
# it) so that ``re`` skips to the letter
_THAT_RE = re.compile(r"t(?<![\w-]t)hat\s+")
_OPEN_QUOTE_RE = re.compile(r"\s*[:,]?\s*[\"\u201c]")
_COLON_RE = re.compile(r"\s*:\s*")
_SPACE_RE = re.compile(r"\s+")
_COMMA_SPACE_RE = re.compile(r"\s*,(?=\s)")
_PASSIVE_BY_RE = re.compile(r"\s+(?:of\s+|about\s+|against\s+)?by\b")
_TAIL_COMMA_RE = re.compile(r",[\"\u201d]?\s")
_LEAD_COMMA_RE = re.compile(r"\s*,")
_THAT_NEXT_RE = re.compile(r"\s+that\b")
_SPEAKER_STOP_RE = re.compile(r"\s*(?:,|\u2014|\u2013|--|\s-\s|\)|[.;!?](?:\s|$)|$)")
_FINAL_STOP_RE = re.compile(r"[.!?][\"'\u201d\u2019]?$")
_CLOSED_RE = re.compile(r"[.!\"'\u201d)]$")
_COMMA_SPLIT_RE = re.compile(r"(,\s*)")
_CLAUSE_OPENER_RE = re.compile(r"(?<![\w-])that\b|[\"\u201c:]")
_TO_NAME_RE = re.compile(r"to\s+[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3}")


# ------------------------------------------------------------------------ normalisation


_SUFFIXES = (
    ("izations", ""),
    ("ization", ""),
    ("isations", ""),
    ("isation", ""),
    ("ations", ""),
    ("ation", ""),
    ("itions", ""),
    ("ition", ""),
    ("ments", ""),
    ("ment", ""),
    ("nesses", ""),
    ("ness", ""),
    ("ating", ""),
    ("ated", ""),
    ("ates", ""),
    ("ate", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


# nouns whose verb relative means something else ("government" is not "governed")
_NO_STEM = frozenset(
    {"government", "governments", "moment", "moments", "parliament", "news", "plane", "planes"}
)


@lru_cache(maxsize=1)
def _spelling_table() -> tuple[dict[str, str], frozenset[str]]:
    """(irregular British -> American words, stems the -our rule leaves alone), from
    claim_lexicon.yml. Read on its own: ``lexicon()`` stems its words, so ``stem`` cannot
    depend on it."""
    raw = _load_yaml("claim_lexicon.yml").get("spelling", {})
    variants = {str(k).lower(): str(v).lower()
                for key in ("variants", "senses") for k, v in raw.get(key, {}).items()}
    return variants, frozenset(str(w).lower() for w in raw.get("keep_our", []))


# British and American spellings of one stem: "centr"/"center", "cancell"/"cancel",
# "colour"/"color", "defenc"/"defens", "prioritis"/"prioritiz"; rules on the stem, so every
# inflection of a word folds the same way (an exception list keeps "hour", "tour" apart)
_OUR_RE = re.compile(r"(?<=[a-z]{2})our(?=(?:it|abl|er|ful|less)?$)")
_RE_ER_RE = re.compile(r"(?<=[a-z]{2})([tb])r$")
_LL_RE = re.compile(r"(?<=[a-z]{3}[aeiou])ll$")
_ISE_RE = re.compile(r"(?<=[a-z]{3})([iy])z(?=$|er$|abl$)")
_ENCE_RE = re.compile(r"(?<=[a-z]{3})enc$")
_MM_RE = re.compile(r"(?<=[a-z]{3})mm$")
# "dominant"/"dominance", "compliant"/"compliance": one stem; a short remainder is a word of
# its own ("grant", "want", "important" stays apart from "import")
_ANCE_RE = re.compile(r"^([a-z]{5,})an(?:ce|ces|t|ts)$")
_KEEP_ANT = frozenset(
    {"important", "restaurant", "constant", "instant", "instance", "pleasant", "elephant",
     "infant", "merchant", "servant", "distant", "distance", "sergeant", "covenant",
     "entrance", "substance", "substant", "abundance", "ordinance", "romance", "finance",
     "finances", "balance", "balances", "advance", "advances", "alliance", "alliances",
     "appliance", "appliances", "performance", "performances", "insurance", "allowance",
     "allowances", "guidance", "assistance", "resistance", "attendance"}
)


def _spelling(stemmed: str) -> str:
    """One spelling for British and American forms of a stem (only ever compared)."""
    if _OUR_RE.search(stemmed) and stemmed[: _OUR_RE.search(stemmed).start()] + "our" not in (
        _spelling_table()[1]
    ):
        stemmed = _OUR_RE.sub("or", stemmed)
    stemmed = _RE_ER_RE.sub(r"\1er", stemmed)
    stemmed = _LL_RE.sub("l", stemmed)
    stemmed = _ISE_RE.sub(r"\1s", stemmed)
    stemmed = _ENCE_RE.sub("ens", stemmed)
    return _MM_RE.sub("m", stemmed)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Lemma-lite: lower-case, strip possessive and common suffixes.

    Crude but consistent: "opposes", "opposition", "oppose" -> "oppos";
    "intensified" -> "intensify"; "organizations" -> "organ". Only used to
    compare claims with each other, never shown to a reader.
    """
    w = word.lower().translate(_QUOTES)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3 or not w.isalpha():
        return w
    if w in _NO_STEM:
        return w.removesuffix("s")
    w = _spelling_table()[0].get(w, w)
    derived = _ANCE_RE.match(w)
    if derived and w not in _KEEP_ANT:
        return _spelling(derived.group(1))
    for suffix, repl in _SUFFIXES:
        if not w.endswith(suffix):
            continue
        if suffix == "s" and w.endswith(("ss", "us", "is")):
            break
        base = w[: -len(suffix)] + repl
        if len(base) < 3:
            continue
        w = base
        if suffix in ("ed", "ing") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]  # stopped -> stop
        break
    if w.endswith("ee") and len(w) > 5:
        w = w[:-1]  # "guarantee" as "guarantees": "guarant" (not "guarante")
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return _spelling(w)


_TOKEN_RE = re.compile(
    r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z][A-Za-z'\u2019]*)*(?:\.[A-Za-z]+)*\.?|\d[\d,.]*%?"
)


def content_terms(text: str, lex: Lexicon | None = None) -> tuple[list[str], int, set[str]]:
    """Normalised content words of ``text``, its polarity sign, and its polarity concepts.

    Returns (terms, polarity, concepts): terms are stems with synonyms mapped to
    one canonical form and stopwords, numbers, negators and hedges dropped;
    polarity is -1 when the text is negated an odd number of times ("not",
    "excluded", "opposes"), else +1.
    """
    lex = lex or lexicon()
    raw = _TOKEN_RE.findall(text if text.isascii() else text.translate(_QUOTES))
    infos = _token_infos(raw, lex)
    special = phrase = False
    terms = []
    for info in infos:  # nearly every token only adds its term (one plain loop is fastest)
        special = special or info.special
        if info.phrase_head:
            phrase = True
        elif info.term is not None:
            terms.append(info.term)
    sign, signed = _polarity(raw, infos, lex) if special else (1, {})
    if phrase:  # a multi-word synonym may start somewhere: read the stems again
        terms = _phrase_terms([i.stem for i in infos if i.stem is not None], lex)
    terms.extend(_acronyms(text))
    if signed:
        # a concept carries its clause's polarity: "opposes" and "opposition" share
        # "~support-"; "suspended exports after a drought cut the harvest" suspends (+)
        terms.extend(f"~{c}{'-' if signed[c] < 0 else '+'}" for c in sorted(signed))
    return terms, sign, set(signed)


# words that open an adverbial clause about another event (time, cause, concession): a
# negator or negative word after one does not turn round what the clause before it says
# ("suspended exports after a drought cut the harvest"). Conditions, relative clauses and
# "but" stay in one reading: "will not reopen unless ..." is still the main clause's.
_CLAUSE_OPENERS = frozenset(
    {"after", "because", "since", "while", "whereas", "although", "though", "before"}
)


def _polarity(raw: list[str], infos: list[_TokenInfo], lex: Lexicon
              ) -> tuple[int, dict[str, int]]:
    """(sign, {concept: sign}) of the tokens ``raw``: negators flip the sign, polarity
    words add their concepts (and flip it when negative). A concept takes the sign of its
    own clause (the first clause naming it); the whole text's sign is the product of its
    clauses'. Only ``_TokenInfo.special`` tokens and clause openers do anything."""
    polarity = lex.polarity
    sign = clause_sign = 1
    signed: dict[str, int] = {}
    pending: set[str] = set()  # concepts of the current clause
    last = len(raw) - 1
    for k, info in enumerate(infos):
        if not info.special:
            low = info.low
            if (low in _CLAUSE_OPENERS or (low == "and" and _coordinated_clause(raw, k))) and (
                    pending or clause_sign < 0):
                for c in pending:
                    signed.setdefault(c, clause_sign)
                sign *= clause_sign
                pending, clause_sign = set(), 1
            continue
        kind, low = info.kind, info.low
        if kind == _NEGATOR or _denies_clause(raw, k, low, lex):
            # "X denied that Y happened" says Y did not happen: a negator of the clause
            # after it, not a refusal of something ("denied the request", "denied access")
            clause_sign = -clause_sign
            continue
        polar = None
        if low in lex.polarity_pair_heads and k < last:  # "turned down"
            polar = polarity.get(f"{low} {raw[k + 1].lower()}")
        if polar is None and low in polarity and not _noun_use(raw, k, low):
            polar = polarity[low]  # "excluded"
        if polar is not None:
            found, s = polar
            if _ended(raw, k, lex):  # "ended its suspension": no longer suspended
                s = -s
            pending |= found
            if s < 0:
                clause_sign = -clause_sign
    for c in pending:
        signed.setdefault(c, clause_sign)
    return sign * clause_sign, signed


# auxiliaries that open a verb phrase of its own after "and": "was suspended at nightfall
# and will resume on Wednesday" names two states, one after the other
_COORDINATED_AUX = frozenset({"will", "would", "could", "should", "may", "might", "is", "are",
                              "was", "were", "has", "have", "had"})


def _coordinated_clause(raw: list[str], k: int) -> bool:
    """Does the "and" at ``raw[k]`` open a clause with its own verb ("... and will resume")?
    A concept then keeps the sign of the clause before it: the first state is the claim's,
    the later one what follows it (see ``later_clause_start``)."""
    return k + 1 < len(raw) and raw[k + 1].lower() in _COORDINATED_AUX


_LATER_CLAUSE_RE = re.compile(r"\band\s+(?=(?:" + "|".join(sorted(_COORDINATED_AUX)) + r")\b)",
                              re.I)


def later_clause_start(quote: str) -> int | None:
    """Where a coordinated clause with its own verb starts ("... at nightfall and| will resume
    on Wednesday"), or None."""
    m = _LATER_CLAUSE_RE.search(quote) if " and " in quote else None
    return m.end() if m is not None else None


def _ended(raw: list[str], k: int, lex: Lexicon) -> bool:
    """Is the polarity word at ``raw[k]`` the object of a verb that ends it ("ended its
    suspension", "lift the ban")?"""
    j = k - 1
    if j > 0 and raw[j].lower() in _DETERMINERS:
        j -= 1
    return j >= 0 and raw[j].lower() in lex.ender_forms


def _denies_clause(raw: list[str], k: int, low: str, lex: Lexicon) -> bool:
    """Is token ``k`` a denial verb followed by "that" ("denied that ...")?"""
    return low in lex.denial_forms and k + 1 < len(raw) and raw[k + 1].lower() == "that"


def _phrase_terms(stems: list[str], lex: Lexicon) -> list[str]:
    """Terms of ``stems`` with multi-word synonyms ("step up") read as one term."""
    phrases, phrase_heads, synonyms = lex.phrases, lex.phrase_heads, lex.synonyms
    terms: list[str] = []
    i = 0
    n = len(stems)
    while i < n:
        s = stems[i]
        if s in phrase_heads:
            for size in (3, 2):
                key = tuple(stems[i : i + size])
                if len(key) == size and key in phrases:
                    terms.append(phrases[key])
                    i += size
                    break
            else:
                if len(s) > 1 and not s.startswith("!"):
                    terms.append(synonyms.get(s, s))
                i += 1
            continue
        if len(s) > 1 and not s.startswith("!"):
            terms.append(synonyms.get(s, s))
        i += 1
    return terms


_SKIP, _NEGATOR, _WORD = 0, 1, 2

# words before a noun: "the biggest block", "its grants", "Penrose's grants" are things, not
# the verbs "block" and "grant"
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this"})
# "s" is what is left of "Penrose's" once the actor's name is blanked out
_NOUN_BEFORE = _DETERMINERS | {"s", "on", "of", "for", "from", "with"}
_ADVERB_AFTER = frozenset({"in", "into", "to", "from", "on", "home", "then", "when"})
# "back" is a place or a return, not a stance, after these ("was back online", "came back",
# "paid back") and before these particles ("backed down", "back online", "back up and running")
_BACK_ADVERB_BEFORE = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "come", "comes", "came", "coming",
     "go", "goes", "went", "going", "gone", "get", "gets", "got", "bring", "brings", "brought",
     "pay", "pays", "paid", "hold", "holds", "held", "fight", "fought", "cut", "cuts", "scale",
     "scaled", "roll", "rolled", "set", "sets", "step", "stepped", "look", "looked", "push",
     "pushed", "give", "gave", "given", "send", "sent", "hand", "handed", "call", "called",
     "turn", "turned", "move", "moved", "way", "far", "date", "dates", "dated", "bounce",
     "bounced", "claw", "clawed", "fall", "fell", "running", "straight", "right"}
)
_BACK_PARTICLES = _ADVERB_AFTER | {"online", "offline", "up", "down", "off", "out", "away",
                                   "again", "at", "after", "toward", "towards", "onto",
                                   "inside", "open", "together", "in", "normal"}


def _noun_use(raw: list[str], k: int, low: str) -> bool:
    """Is the polarity verb at ``raw[k]`` used as a noun or an adverb here?

    Nominalisations ("opposition", "approval", "refusal") keep their polarity: they name
    the stance itself. A bare verb form after a determiner, a possessive or a superlative
    is a thing ("the biggest block", "his grants"); "back in October" is an adverb.
    """
    if low.endswith(("ion", "al")):
        return False
    if low[:4] == "back" and _back_adverb(raw, k, low):
        return True
    if k == 0:
        return False
    prev = raw[k - 1].lower().translate(_QUOTES)
    return prev in _NOUN_BEFORE or prev.endswith(("'s", "est"))


def _back_adverb(raw: list[str], k: int, low: str) -> bool:
    """Is "back" at ``raw[k]`` a place or a return ("systems were back online", "backed
    down") rather than the stance "X backs Y"?"""
    if k + 1 < len(raw) and raw[k + 1].lower() in _BACK_PARTICLES:
        return True
    if low == "back" and k + 1 == len(raw) and k > 1:
        return True  # last in its clause: "will get their money back", "paid it back"
    return low == "back" and k > 0 and raw[k - 1].lower() in _BACK_ADVERB_BEFORE


class _TokenInfo(NamedTuple):
    """How ``content_terms`` reads one raw token (see ``_classify_token``)."""

    kind: int  # _SKIP, _NEGATOR or _WORD
    low: str  # lower case, final period dropped
    stem: str | None  # None for numbers; "!word" for stopwords and hedges
    special: bool  # a negator or polarity word (else it only adds its stem)
    phrase_head: bool  # its stem may start a multi-word synonym
    term: str | None  # the term its stem gives outside a phrase (None: none)


def _classify_token(tok: str, lex: Lexicon) -> _TokenInfo:
    """How ``content_terms`` reads one raw token.

    The stem is the acronym itself for acronyms ("U.S." == "US", kept apart from "us"),
    "!word" for stopwords and hedges (kept for phrases such as "step up", dropped after),
    and None for numbers written in digits.
    """
    kind, low, stemmed = _kind_low_stem(tok, lex)
    special = kind == _NEGATOR or (
        kind == _WORD and (low in lex.polarity_pair_heads or low in lex.polarity)
    )
    term = None
    if stemmed is not None and len(stemmed) > 1 and stemmed[0] != "!":
        term = lex.synonyms.get(stemmed, stemmed)
    return _TokenInfo(kind, low, stemmed, special, stemmed in lex.phrase_heads, term)


def _kind_low_stem(tok: str, lex: Lexicon) -> tuple[int, str, str | None]:
    low = tok.lower().rstrip(".")
    if low in _NUMBER_WORDS or low.split("-")[0] in _NUMBER_WORDS:
        return _SKIP, low, None
    if low in lex.negators or low.endswith("n't"):
        return _NEGATOR, low, None
    if tok[0].isdigit():
        return _WORD, low, None
    letters = tok.replace(".", "")
    if letters.isupper() and len(letters) <= 6:
        return _WORD, low, letters
    if low in lex.stopwords or low in lex.hedge_words:
        return _WORD, low, f"!{low}"
    return _WORD, low, stem(low)


# raw token -> its reading with the shared lexicon. News reuses its words, so each is read
# once; bounded by clearing (the cache only saves time, never changes a result).
_TOKEN_INFO: dict[str, _TokenInfo] = {}
_TOKEN_CACHE_SIZE = 200_000


def _token_infos(raw: list[str], lex: Lexicon) -> list[_TokenInfo]:
    """``_classify_token`` of each token, from the cache for the shared lexicon."""
    if lex is not lexicon():
        return [_classify_token(tok, lex) for tok in raw]
    cache = _TOKEN_INFO
    if len(cache) > _TOKEN_CACHE_SIZE:
        cache.clear()
    infos = []
    for tok in raw:
        info = cache.get(tok)
        if info is None:
            info = cache[tok] = _classify_token(tok, lex)
        infos.append(info)
    return infos


_NUMBER_WORDS = frozenset(
    {
        "billion", "dozen", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five",
        "forty", "four", "fourteen", "hundred", "million", "nine", "nineteen", "ninety", "one",
        "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "thirteen", "thirty",
        "thousand", "three", "trillion", "twelve", "twenty", "two",
    }
)
# (?<![\w.])(?:[A-Z][a-z]+(?:\s+(?:of|for|and)\s+|\s+)){1,4}[A-Z][a-z]+, written to open with
# [A-Z] (the lookbehind checks the character before it) so that ``re`` skips to capitals
_NAME_RUN_RE = re.compile(
    r"[A-Z](?<![\w.][A-Z])[a-z]+(?:\s+(?:of|for|and)\s+|\s+)"
    r"(?:[A-Z][a-z]+(?:\s+(?:of|for|and)\s+|\s+)){0,3}[A-Z][a-z]+"
)


def _acronyms(text: str) -> list[str]:
    """Initials of multi-word names, so "European Union" also matches "EU" elsewhere."""
    out = []
    for m in _NAME_RUN_RE.finditer(text):
        words = [w for w in m.group(0).split() if w[0].isupper() and w not in ("The", "A", "An")]
        if len(words) >= 2:
            out.append("".join(w[0] for w in words))
    return out


# ----------------------------------------------------------------------- numbers, dates

_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|m|k)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORDNUM = (
    rf"(?:{_TENS}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a dozen|a hundred|a thousand|a million|a billion)"
)
_VAGUE = r"(?:tens of thousands|hundreds of thousands|dozens|hundreds|thousands|millions|billions)"
_UNIT_WORD = (
    r"(?:\s+(?!(?:of|to|in|on|at|for|and|or|the|a|an|by|from|with|that|which)\b)[a-z][a-z-]+)"
)
# ISO codes written before an amount ("PLN 2.4bn", "EUR 300m"); matched case-sensitively
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN",
    "CZK", "HUF", "RON", "TRY", "RUB", "INR", "BRL", "MXN", "ZAR", "KRW", "HKD", "SGD",
)
_DETERMINER_OF = r"of\s+(?:the|his|her|its|their|these|those|our)"
# "a five-day strike", "a 72-hour closure": a duration or distance written as one word
_COMPOUND_UNIT = (
    r"(?:minute|hour|day|week|month|year|mile|km|kilometre|kilometer|metre|meter|foot|feet)"
)
NUMBER_RE = re.compile(
    rf"(?<![\w.-])(?:(?:{_NUM}|{_WORDNUM})-{_COMPOUND_UNIT}(?![\w-])"
    rf"|[$€£¥]\s?(?:{_NUM})(?:\s?{_SCALE}\b)?"
    rf"|(?-i:(?:{'|'.join(CURRENCY_CODES)}))\s?(?:{_NUM})(?:\s?{_SCALE}\b)?"
    rf"|(?:{_NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b)"
    # partitives too: "two of the papers", "12 of his published papers"
    # "3m tonnes", "120k cars": a scale written against the digits ("10m-high" is a height)
    rf"|(?!(?:19|20)\d\d\b)(?:{_NUM})(?:(?:bn|mn|m|k)(?![\w-])|(?![\w-]|\.\d)(?:\s{_SCALE}\b)?)"
    rf"(?:\s+{_DETERMINER_OF}(?={_UNIT_WORD}))?{_UNIT_WORD}{{0,2}}"
    rf"|\b{_VAGUE}\b"
    rf"|\b{_WORDNUM}\b(?:\s+{_DETERMINER_OF}|\s+of)?{_UNIT_WORD}{{1,2}})",
    re.I,
)
_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December"
    "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
_MONTH = rf"(?:{_MONTHS}|May(?=\s+\d|\s+(?:19|20)\d\d)|(?<=in |on )May)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE_RE = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?:19|20)\d\d)?"
    rf"|{_MONTH}(?:\s+(?:(?:19|20)\d\d|this year|last year|next year))?"
    rf"|(?:early|mid|late)-?\s?(?:19|20)\d\d"
    rf"|(?<![\d,.$])(?:19|20)\d\d(?![\d%]|,\d)"
    rf"|(?:last|next|this|past)\s+{_WEEKDAY}|{_WEEKDAY}"
    rf"|(?:the\s+)?(?:last|next|past|coming|previous)\s+(?:few\s+)?(?:week|month|year|quarter|"
    rf"weekend|decade|days|weeks|months|years)"
    rf"|(?:earlier|later)\s+this\s+(?:week|month|year)"
    rf"|yesterday|tomorrow)\b",
)


# Where a number or a date may start, in folded text (see ``prefilter``): the big patterns
# are tried only there, which finds exactly their matches.
_NUMBER_AT = locator(literal_prefixes(NUMBER_RE.pattern, NUMBER_RE.flags), r"(?<![\w.-])")
_DATE_AT = locator(literal_prefixes(DATE_RE.pattern, DATE_RE.flags, word_start=True))


def find_numbers(text: str, low: str | None = None) -> list[str]:
    """Quantities as written: "70 additional organizations", "5%", "$3 billion", "thousands".

    ``low`` is ``prefilter.fold(text)`` when the caller has it."""
    out = []
    for m in located_finditer(NUMBER_RE, text, _NUMBER_AT, low):
        value = m.group(0).strip()
        if DATE_RE.fullmatch(value) or _day_of_month(text, m.start(), value):
            continue
        out.append(value)
    return out


# a month name just before a number: "on March 10 under a decree" is a date, not ten of
# something
_MONTH_BEFORE_RE = re.compile(rf"(?:{_MONTHS}|May)\s+$")


def _day_of_month(text: str, start: int, value: str) -> bool:
    """Is the number at ``start`` the day of a date written month first ("March 10")?"""
    return (value[:1].isdigit() and (len(value) < 3 or not value[2].isdigit())
            and _MONTH_BEFORE_RE.search(text, max(0, start - 12), start) is not None)


def find_dates(text: str, low: str | None = None) -> list[str]:
    """Time expressions as written: "April", "Thursday", "the past week", "2024-05-01"."""
    return [m.group(0) for m in located_finditer(DATE_RE, text, _DATE_AT, low)]


# --------------------------------------------------------------------------- attribution


@dataclass
class Frame:
    """The attribution frame found in a sentence (offsets relative to the sentence)."""

    quote_start: int
    quote_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    verb: str | None = None


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "organisation",
    "they": "anonymous",
    "we": "organisation",
    "i": "person",
}
_GENERIC_ORGS = _wordset(
    """
    company firm ministry agency government department commission group bank court police
    authority regulator office administration union lab laboratory startup start-up council
    committee institute organisation organization embassy party campaign team board
    centre center service association federation foundation airline carrier operator airport
    hospital university watchdog inspectorate coastguard army military observatory network
    prosecutors prosecutor investigators authorities owners organisers organizers
    charity society services unions
    media television broadcaster newspaper radio
    """
)
# Heads of the job titles a news story refers back to with "the": "the judge said", "the
# governor told reporters". Such a speaker is the one person of the source holding that title.
_TITLE_HEADS = _wordset(
    """
    judge magistrate coroner prosecutor minister governor president chancellor mayor senator
    ambassador chairman chairwoman director analyst economist professor commissioner
    secretary premier coach lawyer barrister solicitor attorney inspector detective sheriff
    bishop admiral
    """
)
# words that make a would-be speaker a clause: "it would raise prices by 9% in October"
_VERBISH = _wordset(
    """
    will would could can may might should must shall is are was were be been has have had
    did does do
    """
)
_NP_BLOCK = _wordset(
    """
    to will would could may might can should must not be been being is are was were as which
    that who if when
    """
)
_SUBORDINATORS = _wordset(
    """
    if when while although though because as after before since unless despite whether once
    until how why what where
    """
)
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][\w&.'\u2019]*[ ,]+|\([^)]{1,30}\)\s*){1,6}[-\u2013\u2014]{1,2}\s+(?=[A-Z\"\u201c])"
)
_SPLIT_NP_RE = re.compile(r"\s*(?:,|\u2014|\u2013|--|\s-\s|\()")
_NP_BREAK_CHAR_RE = re.compile(r"[,\u2014\u2013(-]")  # one is in every _SPLIT_NP_RE match


def _np_core(text: str) -> str:
    """``text`` up to its first comma, dash or bracket (``_SPLIT_NP_RE``)."""
    if _NP_BREAK_CHAR_RE.search(text) is None:
        return text  # the common case: no regex scan that starts at every space
    return _SPLIT_NP_RE.split(text, maxsplit=1)[0]


def _speaker_like(text: str, lex: Lexicon) -> bool:
    """Does ``text`` (the subject before a reporting verb) name someone who speaks?

    Looks at the core noun phrase only (before the first comma or dash, so
    appositions and relative clauses do not count) and accepts it when it ends
    in a name (capitalised word), a pronoun, an anonymous or spokes noun, or a
    generic organisation noun ("the company"), possibly followed by a short
    modifier ("familiar with the matter", "for the Commission").
    """
    core = _np_core(text.strip()).strip()
    words = core.split()
    if not words or len(words) > 10:
        return False
    low_set = {w.lower().strip(",\"'\u201c\u201d") for w in words}
    if low_set <= _DETERMINERS or not low_set.isdisjoint(_VERBISH) or '"' in core:
        return False  # "The report": a noun, not a speaker; "it would raise ...": a clause
    if "\u201c" in core or "\u201d" in core:
        return False
    if " and " in core and not core.lower().startswith(tuple(_SUBORDINATORS)):
        # "Lintel and its lawyers say ...": a coordinated speaker speaks if a conjunct does
        parts = [p for p in core.split(" and ") if p.strip()]
        if len(parts) == 2 and " and " not in parts[0] and _speaker_like(parts[0], lex):
            return True
    low = [w.lower().strip("\"'\u201c\u201d") for w in words]
    if low[0] in _SUBORDINATORS:
        return False
    if len(low) == 1 and low[0] in _PRONOUNS:
        return True
    for i, w in enumerate(low):
        head = w.rstrip(".,")
        if (
            head in lex.spokes
            or head in _GENERIC_ORGS
            or head in lex.anonymous_heads
            or head in lex.documents
            or head in _TITLE_HEADS and i > 0 and low[i - 1] in _DETERMINERS
            or (i > 0 and low[0] in _TITLE_DETERMINERS and head in title_heads())
        ):
            rest = low[i + 1 :]
            if not rest or rest[0] in {
                "familiar",
                "close",
                "with",
                "at",
                "in",
                "from",
                "of",
                "for",
                "on",
                "briefed",
                "involved",
                "who",
                "knowledgeable",
            }:
                return True
    last = words[-1].strip("\"'\u201c\u201d")
    if last[:1].isupper() or last.replace(".", "").isupper():
        return True
    return _NAMED_APPOSITION_RE.match(text.strip()) is not None  # "The zoo's vet, Ann Lee,"


# a description and then the name of who it is: "The zoo's chief vet, Maren Holst,"
_NAMED_APPOSITION_RE = re.compile(
    r"[^,]{3,60},\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*,?$")


_FINITE = frozenset({"is", "was", "were", "are", "been", "has", "have", "had", "will", "would"})


def _content_after(text: str, pos: int, verb: str, lex: Lexicon) -> int | None:
    """Where the reported content starts after a reporting verb ending at ``pos``."""
    window = text[pos : pos + 160]
    m = _THAT_RE.search(window)
    if m and _relative_that(text, pos, pos + m.start(), verb, lex):
        m = None  # "described a boom that rattled windows": "that" opens a relative clause
    head = window[: m.start()] if m else ""
    if m and "." not in head.replace("U.S.", "").replace("U.K.", ""):
        before = head.split()
        lowered = head.lower()
        # "believe the fire was started by a line that fell": a relative "that" after a
        # clause of its own is not the complementiser of the reporting verb
        if len(before) <= 12 and _FINITE.isdisjoint(lowered.split()):
            # (no "and" or "but" at all: no coordinated report)
            if ("and" not in lowered and "but" not in lowered) or not _coordinated_report(
                before, lex
            ):
                return pos + m.end()
            # "said the airport remained open but warned that ...": both reported clauses
            return pos + len(window) - len(window.lstrip())
    skipped = _skip_adverbials(text, pos)
    if skipped != pos:
        pos, window = skipped, text[skipped : skipped + 160]
    m = _OPEN_QUOTE_RE.match(window)
    if m:
        return pos + m.end() - 1
    m = _COLON_RE.match(window)
    if m:
        return pos + m.end()
    if verb.lower() in lex.tell_forms:  # "told reporters the plan ..." -> skip the addressee
        m = _ADDRESSEE_SKIP_RE.match(window)
        return pos + m.end() if m else None
    m = _SPACE_RE.match(window)
    return pos + (m.end() if m else 0)


# (hearers in court, parliament and meetings too: "told jurors the scheme was ...", "told
# the committee the plan had failed")
_ADDRESSEE_SKIP_RE = re.compile(
    r"\s+(?:[A-Z][\w.&'-]*\s+){1,4}|\s+(?:reporters|journalists|lawmakers|"
    r"investors|members|staff|employees|customers|them|him|her|us|me|jurors|"
    r"shareholders|analysts|delegates|MPs|senators|parliament|"
    r"the\s+(?:court|jury|tribunal|committee|inquiry|hearing|panel|meeting|conference|"
    r"audience|crowd|chamber|house|senate|assembly|board))\s+"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# a time or a setting between a reporting verb and its clause: "said on Monday the port
# would reopen", "said in a statement on Friday: ..."
_ADVERBIAL_RE = re.compile(
    r"\s*,?\s+(?:"
    r"(?:(?:late|early)\s+)?(?:(?:on|by)\s+)?(?:" + _WEEKDAYS + r")"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year|night|morning)"
    r"|earlier\s+this\s+(?:week|month|year)"
    r"|(?:in|at|during|on|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|conference|speech|post|letter|filing|e-?mail|memo|"
    r"video|hearing|meeting|call|report)s?"
    r")(?=[\s,:])",
    re.I,
)


def _skip_adverbials(text: str, pos: int) -> int:
    """``pos`` moved past up to three time or setting adverbials (and a comma after)."""
    for _ in range(3):
        m = _ADVERBIAL_RE.match(text, pos)
        if m is None:
            break
        pos = m.end()
    m = _COMMA_SPACE_RE.match(text, pos)
    return m.end() if m and pos > 0 else pos


def _relative_that(text: str, pos: int, that: int, verb: str, lex: Lexicon) -> bool:
    """Is the "that" at ``that`` a relative pronoun after the object of a verb that takes
    one ("described a boom that ...", "confirmed the deal that ...")? The complementiser
    follows the verb directly, or after an adverbial or "to X" ("confirmed to Reuters")."""
    form = " ".join(verb.lower().split())
    if form not in lex.object_forms and form not in lex.np_object_forms:
        return False
    between = text[_skip_adverbials(text, pos) : that].strip()
    if not between or between.endswith(","):
        return False
    if between.split()[-1].lower() in lex.verb_base:
        return False  # "welcomed this in a statement, emphasizing that ...": a complementiser
    return not _TO_NAME_RE.fullmatch(between)


_WORD_RE = re.compile(r"[A-Za-z]+(?:\s+out\b)?")


def _coordinated_report(words: list[str], lex: Lexicon) -> bool:
    """Do ``words`` hold a clause and then "but/and <reporting verb>" ("the airport remained
    open but warned")? Then the speaker reports two things, the first before "that"."""
    low = [w.lower().strip(",") for w in words]
    return any(
        w in ("but", "and") and k > 0 and k + 1 < len(low) and low[k + 1] in lex.verb_base
        for k, w in enumerate(low)
    )


def _verbs(text: str, lex: Lexicon, low: str | None, start: int = 0) -> Iterator[re.Match[str]]:
    """Reporting verbs in ``text`` from ``start`` (a word start): a word scan plus a set
    lookup (``low``: ``fold(text)``).

    Much faster than one big alternation regex; the alternation only confirms a hit
    (and handles word boundaries such as "re-said" the same way everywhere). Only words
    that begin like a reporting verb (``lex.verb_at`` on the folded text) are looked at:
    every hit starts such a word, after a character that is neither a word character nor
    a hyphen, so it also starts one of the words the scan visits (no verb begins "out").
    """
    if low is None or lex.verb_at is None:
        words_at: Iterator[re.Match[str] | None] = _WORD_RE.finditer(text, start)
    else:
        words_at = (_WORD_RE.match(text, at.start()) for at in lex.verb_at.finditer(low, start))
    for m in words_at:
        if m is None:
            continue
        words = m.group(0).lower().split()
        if words[0] == "state" and _state_modifier(text, m.end()):
            continue
        if words[0] in lex.verb_base or " ".join(words) in lex.verb_base:
            # words[0] is the run of letters at m.start(), lower-cased
            hit = _phrase_match(lex.verb_re, lex.verb_by_word, text, m.start(), words[0])
            if hit is not None:
                yield hit


# nouns that "state" modifies ("state media reported", "state television said"): there it
# names the government's outlets or officials, and is no reporting verb
_STATE_NOUNS = frozenset(
    {"media", "television", "tv", "broadcaster", "broadcasters", "news", "agency", "radio",
     "newspaper", "newspapers", "press", "outlets", "channel", "channels", "officials",
     "prosecutors", "department", "secretary", "governments", "government", "authorities"}
)
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")


def _state_modifier(text: str, end: int) -> bool:
    """Is the word "state" ending at ``end`` a modifier of the noun after it?"""
    m = _NEXT_WORD_RE.match(text, end)
    return m is not None and m.group(1).lower() in _STATE_NOUNS


# a non-restrictive relative clause: background about an actor, not the sentence's assertion
_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose)\b")
# ", who ...", and appositions built on one: ", an agency that investigates ... ,"
_RELATIVE_CLAUSE_RE = re.compile(
    r",\s+(?:(?:who|which|whose)\b|an?\s[^,;]*?\b(?:that|which|who)\b)[^,;\u2014\u2013]*(?:,|$)"
)


# a relative clause that ends the sentence and looks ahead ("..., which is expected to decide
# by the end of June", "..., who will take over in May") adds what happens next: news, not
# background about the one it is attached to
_FORWARD_RELATIVE_RE = re.compile(
    r",\s+(?:who|which)\s+(?:will|(?:is|are)\s+(?:expected|due|set|scheduled|likely)\s+to)\b")


def _background(m: re.Match[str]) -> bool:
    """Is the relative clause ``m`` background? Not when it ends the quote looking ahead."""
    return m.end() < len(m.string) or _FORWARD_RELATIVE_RE.match(m.group(0)) is None


def relative_spans(quote: str) -> list[tuple[int, int]]:
    """(start, end) of the relative clauses of a quote: background, not its assertion."""
    if ", " not in quote:
        return []
    return [m.span() for m in _RELATIVE_CLAUSE_RE.finditer(quote) if _background(m)]


def _in_relative(before: str) -> bool:
    """Does ``before`` (the text up to a reporting verb) end inside an open relative
    clause ("Penrose, who has")? A closed one ("UKRI, which funds him, said") is fine."""
    if "wh" not in before:
        return False  # no relative pronoun at all (the common case): skip the regex
    ends = [m.end() for m in _RELATIVE_RE.finditer(before)]
    return bool(ends) and "," not in before[ends[-1] :]


def _blank_relatives(quote: str) -> str:
    """The quote with relative clauses blanked (same length): they are not what it asserts.

    "Penrose, who has said he never falsified data, is expected to appeal" asserts the
    appeal; "..., which is operated by X" describes a ship. Comparing claims on such
    background would cluster different assertions about one actor.
    """
    if ", " not in quote:
        return quote
    return _RELATIVE_CLAUSE_RE.sub(
        lambda m: " " * len(m.group(0)) if _background(m) else m.group(0), quote)


def _leading_frame(text: str, start: int, lex: Lexicon, low: str | None) -> Frame | None:
    """ "X said (that) ...", "X told Y that ...", "X noted on Thursday that ...".

    ``low``: ``fold(text)``."""
    for m in _verbs(text, lex, low, start):
        before = text[start : m.start()]
        words = before.split()  # empty exactly when ``before`` is blank
        prev = words[-1].lower().strip(",") if words else ""
        if not words or len(words) > 25 or (prev in _NP_BLOCK and not words[-1].isupper()):
            continue  # ("The WHO warned": an acronym, not the pronoun)
        if prev in _DETERMINERS or prev.endswith(("'s", "\u2019s")):
            continue  # "The report says", "its statement": the noun, not the verb
        if len(words) >= 2 and _compound_noun(words[-2], m.group(0)):
            continue  # "raised its revenue forecast": a noun after its modifier
        if words[-1].endswith(",") and m.group(0).endswith("ing"):
            continue  # "X launched Y, describing it as ...": a participle, not X's report
        after = text[m.end() : m.end() + 12].lower()
        if _PASSIVE_BY_RE.match(after):  # passive: "warned of by X"
            continue
        while len(words) >= 2 and (prev in _PERFECT_AUX or prev in _SPEAKER_ADVERBS):
            # "The agency has warned that ...", "The ministry also said": the auxiliary and
            # the adverb are no part of the speaker
            before = before.rstrip()[: -len(words.pop())]
            prev = words[-1].lower().strip(",")
        sp_start = start
        if (opener := _participle_intro(before, 0)) is not None:
            # "Speaking in Geneva, X said": the participle's subject is the speaker, so its
            # clause is never part of the speaker phrase (nor is its place the speaker)
            sp_start, before = start + opener.end(), before[opener.end() :]
        intro = _INTRO_RE.match(before)
        like = None  # _speaker_like(before), once known
        if intro is not None:
            rest = before[intro.end() :]
            if _speaker_like(rest, lex):
                # "Opening the case in May, prosecutor Ann Roe told ...": the speaker follows
                # the introductory phrase, however name-like its last word ("May") is
                sp_start, before, like = start + intro.end(), rest, True
            else:
                like = _speaker_like(before, lex)
                if not like:
                    sp_start, before, like = start + intro.end(), rest, None
        if _in_relative(before) or not (_speaker_like(before, lex) if like is None else like):
            continue  # "Penrose, who has said he ..., is expected to": not the main verb
        content = _content_after(text, m.end(), m.group(0), lex)
        if content is None or content >= len(text.rstrip()) - 1:
            continue
        stripped = before.rstrip(" ,")
        return Frame(content, len(text), sp_start, sp_start + len(stripped), m.group(0))
    return None


_PERFECT_AUX = frozenset({"has", "have", "had"})
# adverbs between a speaker and the reporting verb ("The ministry also said")
_SPEAKER_ADVERBS = frozenset({
    "also", "later", "earlier", "separately", "previously", "repeatedly", "again", "further",
    "subsequently", "initially", "originally", "publicly", "privately", "recently", "since",
    "already", "still", "then", "yesterday", "today", "first", "once", "twice", "reportedly",
    "allegedly"})
# a participial clause before the speaker: "Speaking in Geneva, the spokesperson said"
_PARTICIPLES = ("speaking", "writing", "addressing", "talking", "responding", "replying",
                "commenting", "asked")


_PARTICIPLE_FORMS = _PARTICIPLES + tuple(p.capitalize() for p in _PARTICIPLES)


@lru_cache(maxsize=1)
def _participle_intro_re() -> re.Pattern[str]:
    """Compiled on first use: most texts never open a sentence with a participle."""
    return re.compile(r"(?:" + "|".join(_PARTICIPLES) + r")\b[^,\"\u201c]{0,80},\s+", re.I)


def _participle_intro(text: str, start: int) -> re.Match[str] | None:
    """The participial clause opening ``text`` at ``start``, with its comma, or None."""
    if not text.startswith(_PARTICIPLE_FORMS, start):  # C-level, no slice: most sentences
        return None
    return _participle_intro_re().match(text, start)


# Reporting verbs that are also nouns, and the possessives that make a following word
# their modifier: "its revenue forecast", "the firm's profit warning".
_NOUN_VERBS = frozenset({"forecast", "forecasts", "report", "reports", "estimate", "estimates",
                         "warning", "warnings", "claim", "claims", "comment", "comments",
                         "statement", "outlook", "projection", "projections", "guidance"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your", "whose"})


def _compound_noun(before: str, verb: str) -> bool:
    """Is ``verb`` the head noun of a compound whose modifier follows ``before``?"""
    if verb.lower() not in _NOUN_VERBS:
        return False
    low = before.lower()
    return low in _POSSESSIVE_PRONOUNS or low.endswith(("'s", "\u2019s"))


# an introductory adverbial before the speaker: "Despite the protests, the government said",
# or a participle clause: "Opening the case, the prosecutor said"
_INTRO_RE = re.compile(
    r"(?:despite|after|before|in|on|at|during|following|amid|with|under|since|while|"
    r"although|though|because|earlier|later|last|by|[a-z]+ing)\b[^,\"\u201c]{0,80},\s+",
    re.I,
)


def _trailing_frame(text: str, start: int, lex: Lexicon, low: str | None) -> Frame | None:
    """ "..., X said." / "..., said X, the chief executive." / "..., X told Reuters on Monday."

    ``low``: ``fold(text)``."""
    body = text.rstrip()
    # "Speaking in Lyon, Jane Doe said ...": the opener's comma ends no quoted clause
    opener = _participle_intro(text, start)
    floor = opener.end() if opener else start
    commas = [m.start() for m in _TAIL_COMMA_RE.finditer(body)
              if m.start() > start and m.start() >= floor]
    for cut in reversed(commas[-3:]):
        frame = _trailing_at(text, body, start, cut, lex, low)
        if frame is not None:
            return frame
    return None


def _trailing_at(
    text: str, body: str, start: int, cut: int, lex: Lexicon, low: str | None
) -> Frame | None:
    """The frame of the tail after the comma at ``cut`` (``body``: ``text`` without trailing
    space)."""
    tail_start = cut + 1
    if body[tail_start : tail_start + 1] in ("\u201d", '"'):
        tail_start += 1
    tail = body[tail_start:].strip().rstrip(".!")
    words = tail.split()
    if not words or (len(words) > 14 and not _inverted_speaker(tail, lex)
                     and not _participle_after(tail)):
        return None
    base = body.find(tail, tail_start)
    # the tail's first reporting verb: the sentence's first one from the tail's start (the
    # tail runs to the end but for stops and spaces, and follows a space, comma or quote: the
    # words and their bounds are the tail's own)
    v = next(_verbs(text, lex, low, base), None)
    if v is None:
        return None
    v_start, v_end, verb = v.start() - base, v.end() - base, v.group(0)
    if v_start == 0:  # "..., said Jane Doe, a spokesperson."
        if verb.endswith("ing"):
            return None  # "..., describing it as its best": a participle, no inversion
        speaker = tail[v_end:].strip()
        if not speaker or not _speaker_like(speaker, lex) or speaker.lower().startswith("that"):
            return None
        if " ".join(verb.lower().split()) in lex.object_forms:
            return None  # "..., called the decision X": no inversion, an object follows
        if verb.lower() in lex.tell_forms:
            return None  # "..., one witness told the Star": whom it was told, not who told
        if speaker.split()[0].lower() in _PREPOSITIONS:
            return None  # "..., said in a statement": the speaker comes before the comma
        sp_off = tail.find(speaker)
    else:
        speaker = tail[:v_start].strip()
        sp_off = 0
        rest = tail[v_end:]
        if _LEAD_COMMA_RE.match(rest):  # "..., the carrier said, as a storm hit": background
            rest = ""
        elif (k := _skip_adverbials(tail, v_end)) > v_end and tail[k - 1] == ",":
            rest = ""  # "..., the ministry said on Wednesday, raising the toll": background
        if rest:  # '"...," she said at the daily briefing in New York': a setting
            rest = _tail_setting_re().sub("", rest, count=1)
        if len(rest.split()) > 6 or not _speaker_like(speaker, lex):
            return None
        if _THAT_NEXT_RE.match(tail[v_end:]):
            return None
        if verb.lower() in lex.tell_forms and not _FINITE.isdisjoint(rest.lower().split()):
            return None  # "..., X told jurors the scheme was a fraud": X's own clause follows
    sp_start = base + sp_off
    if v_start > 0:  # '"...," Acme's president, Jane Doe, said': the role is the speaker's
        back = _apposed_role(body, start, cut)
        if back is not None:
            tail_start, sp_start = back, back
    return Frame(start, tail_start, sp_start, base + sp_off + len(speaker), verb)


# where a trailing attribution was made: "at the company's headquarters", "in New York"
@lru_cache(maxsize=1)
def _tail_setting_re() -> re.Pattern[str]:
    """Compiled on first use (only a trailing attribution with words after its verb)."""
    return re.compile(
        r"^\s*(?:reporters\s+|journalists\s+)?(?:at|in)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}"
        r"(?:headquarters|offices?|briefing|summit|meeting|conference|news\s+conference|"
        r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\b")


def _participle_after(tail: str) -> bool:
    """"the ministry said on Tuesday, bringing the total to 1,284": a short attribution and
    then a participial clause of background, which does not make the tail too long."""
    head, comma, after = tail.partition(", ")
    return bool(comma) and len(head.split()) <= 14 and after.split(None, 1)[0].endswith("ing")


def _inverted_speaker(tail: str, lex: Lexicon) -> bool:
    """'..., said Jane Doe, the engineer who led the inspection for the trust': a tail that
    opens with a reporting verb and a short speaker before a comma may go on with an
    apposition of any length; it describes the speaker and is no clause of its own."""
    head, comma, _ = tail.partition(",")
    words = head.split()
    return bool(comma) and 2 <= len(words) <= 6 and words[0].lower() in lex.verb_base


_ROLE_BEFORE_RE = re.compile(r"[\"\u201d],?\s+([^,\"\u201c\u201d]{3,60})$")


def _apposed_role(body: str, start: int, cut: int) -> int | None:
    """Start of a short noun phrase between a closing quotation and the speaker's comma
    at ``cut`` ('"...," Harlan's president, Jane Doe, said'), or None."""
    m = _ROLE_BEFORE_RE.search(body, start, cut)
    if m is None:
        return None
    words = m.group(1).lower().split()
    if len(words) > 6 or not _VERBISH.isdisjoint(words) or words[0] in _SUBORDINATORS:
        return None
    return m.start(1)


def _according_frame(text: str, start: int, lex: Lexicon, low: str | None) -> Frame | None:
    """ "According to X, ...", "..., according to X.", "...—as reported by X—..."

    ``low``: ``fold(text)``."""
    at = pick(lex.according_ats, low) if low is not None else None
    for m in _located_from(lex.according_re, text, start, at, low):
        phrase = m.group(0).strip().lower()
        words = phrase.split()
        verb = "according to" if phrase.startswith("according") else words[max(0, len(words) - 2)]
        if phrase == "per" and not text[m.end() : m.end() + 1].isupper():
            continue
        end = _SPEAKER_STOP_RE.search(text, m.end())
        sp_end = end.start() if end else len(text)
        # a speaker is a noun phrase: cut at a relative clause or a reporting verb
        if m.start() == start or text[start : m.start()].strip() == "":
            comma = text.find(",", m.end())
            if comma < 0:
                continue
            return Frame(
                comma + 1 + (len(text[comma + 1 :]) - len(text[comma + 1 :].lstrip())),
                len(text),
                m.end(),
                comma,
                verb,
            )
        if end is None or end.end() >= len(text.rstrip()) - 1:  # trailing: "..., according to X."
            q_end = m.start()
            return Frame(start, q_end, m.end(), sp_end, verb)
        return Frame(start, len(text), m.end(), sp_end, verb)  # parenthetical: keep the whole
    return None


def _located_from(
    pattern: re.Pattern[str], text: str, start: int, at: re.Pattern[str] | None, low: str | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start)``, tried only where ``at`` finds a possible start in
    ``low`` (``fold(text)``): ``prefilter.located_finditer`` from a position."""
    if at is None or low is None:
        yield from pattern.finditer(text, start)
        return
    end = start
    for hit in at.finditer(low, start):
        if hit.start() >= end:
            m = pattern.match(text, hit.start())
            if m is not None:
                end = m.end()
                yield m


def _opening_locator(prefixes: tuple[str, ...] | None, not_after: str) -> re.Pattern[str] | None:
    """What ``prefilter.locator(prefixes, f"(?<!{not_after})")`` finds, as a pattern that
    opens with a literal character in each alternative: ``re`` then skips straight to the
    characters a prefix starts with, much faster when they are few ("a", "p")."""
    if not prefixes:
        return None
    rests: dict[str, list[str]] = {}
    for prefix in sorted(set(prefixes)):
        rests.setdefault(prefix[0], []).append(re.escape(prefix[1:]))
    return re.compile("|".join(
        f"{re.escape(first)}(?<!{not_after}.)(?={'|'.join(tails)})"
        for first, tails in sorted(rests.items())
    ))


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, punctuation and unbalanced quotation marks from a span."""
    for _ in range(3):
        while start < end and text[start] in _STRIP_LEFT:
            start += 1
        while end > start and text[end - 1] in _STRIP_RIGHT:
            end -= 1
        seg = text[start:end]
        if (
            len(seg) > 2
            and seg[0] in '"\u201c'
            and seg[-1] in '"\u201d'
            and not any(q in seg[1:-1] for q in '"\u201c\u201d')
        ):  # one whole quotation: the words inside are the claim
            start, end = start + 1, end - 1
        elif seg[:1] in '"\u201c' and _unbalanced(seg):
            start += 1
        elif seg[-1:] in '"\u201d' and _unbalanced(seg):
            end -= 1
        else:
            break
    return start, end


_STRIP_LEFT = " \t\n,;:-\u2014\u2013"
_STRIP_RIGHT = " \t\n,;:.!-\u2014\u2013"


def _unbalanced(seg: str) -> bool:
    return seg.count('"') % 2 == 1 or seg.count("\u201c") != seg.count("\u201d")


# ---------------------------------------------------------------------------- assembly


_APPOSITION_RE = re.compile(r"(?:a|an|the|one|its|his|her|their|[A-Z][\w.]*)\b")


def _speaker_extent(speaker: str) -> int:
    """Length of the speaker phrase worth showing: the core name plus appositions.

    "Jane Doe, a spokesperson for X, welcomed this in a statement" keeps
    "Jane Doe, a spokesperson for X"; "Doe, who has ..." keeps "Doe".
    """
    pieces = _COMMA_SPLIT_RE.split(speaker)
    end = len(pieces[0])
    for i in range(2, len(pieces), 2):
        piece = pieces[i]
        if not _APPOSITION_RE.match(piece) or piece.split()[0].lower() in _SUBORDINATORS:
            break
        end += len(pieces[i - 1]) + len(piece)
    return len(speaker[:end].rstrip(" ,"))


def _kind_of(actor: LocalActor | None) -> str:
    if actor is None:
        return "organisation"
    if actor.type == "person":
        return "person"
    if actor.type == "media":
        return "other_outlet"
    return "organisation"


def _attribute(
    speaker: str,
    sp_start: int,
    sp_end: int,
    mentions: list[Mention],
    by_key: dict[str, LocalActor],
    last_person: str | None,
    last_org: str | None,
    lex: Lexicon,
) -> tuple[str | None, str]:
    """(actor key or None, attribution kind) for the speaker span of a frame."""
    inside = [m for m in mentions if m.start >= sp_start and m.end <= sp_end]
    low = speaker.lower().split()
    core = _np_core(speaker.strip())
    core_end = sp_start + len(core)
    first = low[0].strip(",") if low else ""
    if len(low) == 1 and first in _PRONOUNS:
        kind = _PRONOUNS[first]
        key = last_person if kind == "person" else last_org if kind == "organisation" else None
        return key, kind if key or kind == "anonymous" else kind
    people = [m for m in inside if by_key.get(m.actor) and by_key[m.actor].type == "person"]
    # "Lawyers for X and its chairman Y": a name after a preposition is whom the speaker
    # speaks for, not the speaker
    core_people = [
        m for m in people
        if m.end <= core_end and not _after_preposition(speaker[: m.start - sp_start])
        and not _owner(speaker, m.end - sp_start)  # "Dray's deputy, X": Dray does not speak
    ]
    if core_people:
        return core_people[0].actor, "person"
    named = [m for m in people if m.start > core_end]
    if named and core.split()[-1].islower():
        return named[0].actor, "person"  # "Harbor's chief executive, Kim Da-eun"
    heads = {w.strip(",.\"'") for w in core.lower().split()}
    if first in _TITLE_DETERMINERS and not heads.isdisjoint(title_heads()) and not (
        heads & lex.spokes or inside
    ):  # "The minister said": the one person of the source with that title; "a minister"
        if first in ("a", "an"):
            return None, "anonymous"
        return _titled_person(heads, by_key), "person"
    anon = _anonymous_core(core, heads, lex)
    employer = _employer(speaker, sp_start, inside, by_key)
    if anon and employer is None:
        return None, "anonymous"
    others = [m for m in inside if m.actor in by_key
              and not _located_speaker(speaker, m.start - sp_start, by_key[m.actor])]
    if len(others) > 1 and _owner(speaker, others[0].end - sp_start):
        others = others[1:]  # "Ruritania's Defence Ministry said": the ministry speaks
    others = others or [m for m in _named_in(speaker, by_key)
                        if not _located_speaker(speaker, speaker.find(m.text), by_key[m.actor])]
    if others:
        actor = by_key[others[0].actor]
        return actor.key, _kind_of(actor)
    if not heads.isdisjoint(_TITLE_HEADS) and (holder := _titled_person(heads, by_key)):
        return holder, "person"  # "the judge said" after "Judge Ann Roe"
    if heads & lex.spokes and (org := _org_of_spokes(core, by_key, lex)) is not None:
        return org, "organisation"  # "a zoo spokesman" after "Linford Zoo"
    if heads & lex.spokes or heads & _GENERIC_ORGS or heads & lex.documents:
        return None, "organisation"
    if not heads.isdisjoint(lex.anonymous_heads):
        return None, "anonymous"
    if core[:1].isupper():
        return None, "person" if len(core.split()) <= 3 else "organisation"
    return None, "anonymous"


def _located_speaker(speaker: str, start: int, actor: LocalActor) -> bool:
    """Is the place mentioned at ``start`` where a named-before speaker is ("the ministry in
    Baku", "officials in Lyon")? A place after "in" is a location, never the one speaking."""
    if actor.type != "place":
        return False
    before = speaker[:start].split()
    return len(before) >= 2 and before[-1].lower() == "in"


# "the minister", "a minister", "its chief executive": a title as the speaker
_TITLE_DETERMINERS = frozenset({"the", "its", "their", "a", "an"})


def _titled_person(heads: set[str], by_key: dict[str, LocalActor]) -> str | None:
    """The one person of the source whose role ends in a title word of the speaker ("the
    minister" after "Health Minister Grace Chirwa"), else None (unknown or ambiguous)."""
    found = {key for key, actor in by_key.items() if actor.type == "person"
             and any(role.title.lower().split()[-1] in heads for role in actor.roles)}
    return found.pop() if len(found) == 1 else None


def _owner(speaker: str, end: int) -> bool:
    """Does the mention ending at ``end`` own what follows ("Lendrick's chairman")?"""
    return speaker[end : end + 2] in ("'s", "’s")


def _org_of_spokes(core: str, by_key: dict[str, LocalActor], lex: Lexicon) -> str | None:
    """The one organisation of the source a spokes noun's common-noun modifier names by its
    last word ("a zoo spokesman": "Linford Zoo"; "a council spokeswoman": "Ardley Council")."""
    words = [w.strip(",.\"'") for w in core.split()]
    at = next((i for i, w in enumerate(words) if w.lower() in lex.spokes), 0)
    if at == 0 or not words[at - 1].islower():
        return None  # no modifier, or a name ("a Westlink spokesman": found as a mention)
    head = words[at - 1]
    found = {key for key, actor in by_key.items()
             if actor.type in ("organisation", "government")
             and actor.name.rsplit(None, 1)[-1].lower() == head}
    return found.pop() if len(found) == 1 else None


def _anonymous_core(core: str, heads: set[str], lex: Lexicon) -> bool:
    """Is the speaker's core an unnamed group ("Sources", "people familiar", "Residents")?
    Not when the noun is part of a name: "The Valley Residents Association"."""
    by_head = lex.anonymous_by_head
    in_name = None  # words followed by a capitalised word, once needed
    for head in heads:
        for noun in by_head.get(head, ()):
            if all(part in heads for part in noun):
                if in_name is None:
                    words = [w.strip(",.\"'") for w in core.split()]
                    in_name = {
                        words[i].lower()
                        for i in range(len(words) - 1)
                        if words[i + 1][:1].isupper()
                    }
                if noun[-1] not in in_name:
                    return True
    return False


def _after_preposition(before: str) -> bool:
    """Does the speaker text before a name hold a preposition ("Lawyers for ...")?"""
    return not _PREPOSITIONS.isdisjoint(w.lower() for w in before.split())


def _employer(
    speaker: str, sp_start: int, inside: list[Mention], by_key: dict[str, LocalActor]
) -> str | None:
    """The organisation an anonymous-sounding speaker works for: "Analysts at Kepler Bank",
    "researchers from the institute". Then the speaker is that organisation's people."""
    for m in inside:
        actor = by_key.get(m.actor)
        if actor is None or actor.type not in ("organisation", "government"):
            continue
        before = speaker[: m.start - sp_start].lower().split()
        if before and before[-1] in ("at", "from") or before[-2:-1] in (["at"], ["from"]):
            return actor.key
    return None


def _named_in(speaker: str, by_key: dict[str, LocalActor]) -> list[Mention]:
    """Actors whose name or alias is written in ``speaker`` (when no mention covers it).

    A fallback for speakers the actor finder did not mark in this sentence,
    e.g. "a Commission spokesperson" after "the European Commission" earlier.
    """
    found = []
    for key in sorted(by_key):
        actor = by_key[key]
        for name in [actor.name, *actor.aliases]:
            bare = name.removeprefix("the ").removeprefix("The ")
            if len(bare) < 2 or bare not in speaker:
                continue  # not written at all (the common case): no pattern to build
            if re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", speaker):
                found.append(Mention(key, "", "", 0, 0, bare))
                break
    found.sort(key=lambda m: -len(m.text))
    return found[:1]


_ALPHA_RUN_RE = re.compile(r"[a-z]+")
# characters that IGNORECASE matching folds onto ASCII letters although str.lower() does not
_ODD_FOLDS = ("\u017f", "\u212a", "\u0130", "\u0131")


def _may_hedge(text: str, lex: Lexicon) -> bool:
    """Could ``lex.hedge_re`` match at all? A cheap word-set test that skips the big
    alternation for most sentences: every hedge starts with a whole word of its own."""
    if any(ch in text for ch in _ODD_FOLDS):
        return True
    return not lex.hedge_heads.isdisjoint(_ALPHA_RUN_RE.findall(text.lower()))


def _hedges(text: str, lex: Lexicon, low: str | None = None) -> list[str]:
    """Hedges of a sentence (``low``: its ``prefilter.fold``, when the caller has it)."""
    found: list[str] = []
    if lex.hedge_ats[0] is not None and low is not None:
        matches: Iterator[re.Match[str]] = _hedge_matches(text, lex, low)
    elif lex.hedge_ats[0] is not None:
        matches = located_finditer(lex.hedge_re, text, lex.hedge_ats[0], low)
    else:
        matches = lex.hedge_re.finditer(text) if _may_hedge(text, lex) else iter(())
    for m in matches:
        word = " ".join(m.group(0).split())
        if word == "May" and (m.start() > 0 or text[m.end() : m.end() + 3].strip()[:1].isdigit()):
            continue  # the month: the modal is capitalised only at the start of a sentence
        if word.lower() in _ATTRIBUTIVE_HEDGES and _DET_BEFORE_RE.search(text, 0, m.start()):
            continue  # "a possible appeal", "the likely winner": a thing, not a hedged claim
        if word.lower() == "possible" and _idiom_possible_re().search(text, 0, m.start()):
            continue  # "everything possible", "as soon as possible": effort, not doubt
        if word.lower() not in found:
            found.append(word.lower())
    if _conditional(text, lex, low) and "conditional" not in found:
        found.append("conditional")
    return found


def _hedge_matches(text: str, lex: Lexicon, low: str) -> Iterator[re.Match[str]]:
    """``lex.hedge_re.finditer(text)``, tried where ``lex.hedge_ats`` find a possible start
    in ``low`` (``fold(text)``), each through ``_phrase_match`` (as
    ``prefilter.located_finditer`` does with the whole pattern)."""
    end = 0
    for hit in pick(lex.hedge_ats, low).finditer(low):  # type: ignore[union-attr]
        if hit.start() >= end:
            m = _phrase_match(lex.hedge_re, lex.hedge_by_word, text, hit.start())
            if m is not None:
                end = m.end()
                yield m


def _conditional(text: str, lex: Lexicon, low: str | None) -> bool:
    """Has ``text`` a conditional marker and a modal ("if ... would")? Each pattern runs only
    when one of its words occurs in ``low`` (``fold(text)``) at all."""
    if low is not None and not any(map(low.__contains__, lex.cond_words)):
        return False
    if not lex.cond_re.search(text):
        return False
    if low is not None and not any(map(low.__contains__, lex.modal_words)):
        return False
    return lex.modal_re.search(text) is not None


_ATTRIBUTIVE_HEDGES = frozenset({"possible", "likely", "unlikely"})
# "possible" that measures effort or speed, not likelihood
@lru_cache(maxsize=1)
def _idiom_possible_re() -> re.Pattern[str]:
    """Compiled on first use (only a sentence hedged by "possible")."""
    return re.compile(
        r"(?:\b(?:everything|all|whatever|anything|every\s+effort|as\s+\w+\s+as)|"
        r"\b\w+est)\s+$", re.I)


_DET_BEFORE_RE = re.compile(r"(?<![\w-])(?:a|an|the|any|its|their|his|her)\s+$", re.I)


def headline(quote: str, *, after_that: bool = False) -> str:
    """A readable headline from a quote: markers and labels dropped, the subject's
    apposition or relative clause dropped, capitalised, one final period.

    Extractive: the words are the quote's own, in order. ``after_that`` says the quote is a
    "that" clause, so a second "and that ..." loses its "that" too.
    """
    lex = lexicon()
    text = " ".join(quote.split())
    while True:
        m = _marker(text, 0, lex)
        end = m.end() if m else _label_end(text, 0, lex)
        if end is None or end >= len(text):
            break
        text = text[end:]
    text = _drop_apposition(text.strip(" ,;:-\u2014\u2013"))
    if after_that:
        text = _AND_THAT_RE.sub(r"\1 ", text) if "that" in text else text
    if not text:
        return ""
    if text[0].islower():
        text = text[0].upper() + text[1:]
    if not _FINAL_STOP_RE.search(text, max(0, len(text) - 3)):  # a match is 1 to 3 long
        text += "."
    return text


_AND_THAT_RE = re.compile(r"(,?\s(?:and|but))\s+that\s+")
# the subject, an apposition or relative clause between commas, then the predicate
_APPOSED_RE = re.compile(
    r"([^,;:\"\u201c\u201d]{2,80}?),\s+([^,;\"\u201c\u201d]{2,160}?),\s+(?=([a-z][\w-]*))"
)
_APPOSITION_OPENERS = frozenset(
    {"who", "which", "whose", "known", "led", "a", "an", "the", "its", "his", "her", "their",
     "one", "formerly", "once", "also", "now", "based", "headquartered", "founded", "owned",
     "run", "part", "home"}
)


def _drop_apposition(text: str) -> str:
    """``text`` without the apposition or relative clause after its opening subject:
    "The agency, known by its acronym X, raised ..." -> "The agency raised ...". Kept when
    the opening is not a plain noun phrase (it holds a verb, or is an adverbial), or the
    piece between the commas is a list item ("Brazil, the US, Canada and ...")."""
    first = text.find(", ")
    if first < 0 or first > 80 or text.find(", ", first + 2) < 0:
        return text  # no two commas near the start: nothing to drop (and no regex to run)
    m = _APPOSED_RE.match(text)
    if m is None:
        return text
    subject, middle, nxt = m.group(1), m.group(2), m.group(3)
    words = subject.lower().split()
    if len(words) > 7 or words[0] in _SUBORDINATORS or words[0] in _PREPOSITIONS:
        return text
    if not _VERBISH.isdisjoint(words) or any(w.endswith("ed") and w.islower() for w in words):
        return text
    if words[-1][-1:].isdigit() or words[-1].endswith("%"):
        return text
    opener = middle.split()[0]
    named = opener[:1].isupper() and subject.split()[-1].islower()  # "Its chief, Kim Da-eun,"
    if opener.lower() not in _APPOSITION_OPENERS and not opener.endswith("ed") and not named:
        return text
    if nxt in ("and", "or", "but", "nor") or nxt in _SUBORDINATORS or nxt in _PREPOSITIONS:
        return text
    return f"{subject} {text[m.end():]}"


def _claim_shaped(sentence: Sentence, lex: Lexicon) -> bool:
    """Is the sentence a complete statement: not truncated, boilerplate, a question, a
    promotion or a fragment? (Told before anything else is read from it.)"""
    text = sentence.text.strip()
    if sentence.truncated or sentence.boilerplate or not text:
        return False
    if text.rstrip("\"'\u201d)").endswith("?") or lex.promo_re.match(text):
        return False
    if len(text.split(None, 5)) < 6 and not _NOBODY_OPENER_RE.match(text) and not (
        len(text.split(None, 3)) > 3
        and (_count_opener(text) or _negative_assertion(text, lex))
    ):
        # fewer than six words, unless "No one was hurt.", "X ruled out Y.", "Two sailors
        # are missing."
        return False
    return _CLOSED_RE.search(text, max(0, len(text) - 2)) is not None


def _count_opener(text: str) -> bool:
    """Does a sentence open with a count ("Two sailors are missing.", "One man died.")? Then
    even a short one states a fact a second report can confirm or contradict."""
    return text[:4].lower() == "one " or NUMBER_RE.match(text) is not None


def _claim_worthy(
    sentence: Sentence, n_mentions: int, has_frame: bool, lex: Lexicon, low: str | None
) -> bool:
    """Does a ``_claim_shaped`` sentence say something checkable (see the module
    docstring)? ``low``: ``fold`` of its text."""
    text = sentence.text.strip()
    if len(text) != len(sentence.text):
        low = None  # for another text: the pre-filters fold it themselves
    if has_frame or n_mentions or _PROPER_RE.search(text):
        return True
    if located_search(NUMBER_RE, text, _NUMBER_AT, low):
        return True
    if located_search(DATE_RE, text, _DATE_AT, low):
        return True
    # nothing concrete named: a claim only if it does not merely set the scene. A short
    # sentence with a plain subject states a fact ("Emergency departments remained open
    # throughout the day."); one about "it", "this", "there" sets the scene ("It was a long
    # night."), unless it denies something; a long one ("this attribute triggered deep
    # concerns from ...") asserts
    n_words = len(text.split())
    if not _SCENE_RE.match(lex.markers_re.sub("", text, count=1)):
        return True
    return _negative_assertion(text, lex) if n_words < 8 else n_words >= 16


# "No one was hurt.", "Nobody died.": a short sentence, but a statement of fact
_NOBODY_OPENER_RE = re.compile(r"(?:no(?:\s+|-)one|nobody|none)\s+\S+\s+\S", re.I)


def _negative_assertion(text: str, lex: Lexicon) -> bool:
    """Is a short sentence naming nothing concrete a denial or a negative fact ("No one
    was injured.", "The airport has ruled out sabotage.")? A second report can confirm or
    contradict it; a short positive one ("It was a long night.") mostly sets the scene."""
    if _SCENE_RE.match(lex.markers_re.sub("", text, count=1)):
        return False
    return bool(_NOBODY_OPENER_RE.match(text)) or content_terms(text, lex)[1] < 0


# "This protective stance ...", "There is ...", "Beneath this battle ...": scene-setting
_SCENE_RE = re.compile(
    r"^\W*(?:(?:this|these|that|those|such|there|it|its|his|her|their)\b"
    r"|(?:\S+\s+){0,3}(?:this|these|such)\b)",
    re.I,
)


# a capitalised word that is not the sentence's first word: a name the actor finder may miss
# (?<=[a-z,;:)] )(?:[A-Z][a-z]+[A-Z]?\w*|[A-Z]\.?[A-Z][\w.]*), opening with [A-Z] (see
# ``_NAME_RUN_RE``)
_PROPER_RE = re.compile(r"[A-Z](?<=[a-z,;:)] [A-Z])(?:[a-z]+[A-Z]?\w*|\.?[A-Z][\w.]*)")


def _mentions_by_sentence(actors: list[LocalActor]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for actor in actors:
        for m in actor.mentions:
            out.setdefault(m.sentence, []).append(m)
    for ms in out.values():
        ms.sort(key=lambda m: (m.start, -m.end, m.actor))
    return out


def find_claims(
    doc: Document, sentences: list[Sentence], actors: list[LocalActor]
) -> list[ClaimCandidate]:
    """One ClaimCandidate per claim-bearing sentence, in reading order."""
    lex = lexicon()
    by_key = {a.key: a for a in actors}
    mentions = _mentions_by_sentence(actors)
    out: list[ClaimCandidate] = []
    last_person: str | None = None
    last_org: str | None = None
    orgs: list[str] = []  # organisations in order of their latest mention, latest last
    for sentence in sentences:
        ms = mentions.get(sentence.id, [])
        cand = _candidate(doc, sentence, ms, by_key, last_person, last_org, lex)
        if cand is not None:
            out.append(_resolved(cand, by_key, last_person, orgs, doc.text))
        for m in ms:  # pronoun antecedents for the next sentences
            actor = by_key.get(m.actor)
            if actor is not None:
                if actor.type == "person":
                    last_person = actor.key
                elif actor.type in ("organisation", "government"):
                    last_org = actor.key
                    if actor.key in orgs:
                        orgs.remove(actor.key)
                    orgs.append(actor.key)
    _quoted_speakers(out, sentences)
    return out


def _quote_state(sentences: list[Sentence]) -> dict[str, bool]:
    """For each sentence id: does the sentence stand inside a quotation, opened by itself
    at its start or by an earlier sentence of its paragraph and not yet closed?"""
    inside: dict[str, bool] = {}
    paragraph, open_quote = -1, False
    for s in sentences:
        if s.paragraph != paragraph:
            paragraph, open_quote = s.paragraph, False
        text = s.text.lstrip()
        inside[s.id] = open_quote or text[:1] in ('"', "“")
        if "“" in text or "”" in text:
            open_quote = text.count("“") > text.count("”") or (
                open_quote and text.count("“") == text.count("”"))
        if text.count('"') % 2:
            open_quote = not open_quote
    return inside


def _quoted_speakers(claims: list[ClaimCandidate], sentences: list[Sentence]) -> None:
    """A quotation that runs over several sentences is the speaker's throughout:
    '"We warned them," said X. "The bearings were corroded."' and '"The plan is dead. We
    will fight on," she said.' The sentences inside it with no speaker of their own take the
    speaker of the next claim in the same quotation, else of the claim just before in the
    paragraph (the news convention for a quote that goes on after its attribution)."""
    if not any('"' in s.text or "“" in s.text for s in sentences):
        return
    inside = _quote_state(sentences)
    position = {s.id: (k, s.paragraph) for k, s in enumerate(sentences)}
    for n, cand in enumerate(claims):
        app = cand.appearance
        if app.attribution_kind != "outlet" or app.attribution_text or not inside[app.sentence]:
            continue
        source = _quote_speaker(claims, n, position, inside)
        if source is None:
            continue
        given = source.appearance
        app.attributed_to, app.attribution_kind = given.attributed_to, given.attribution_kind
        app.attribution_text, app.reporting_verb = given.attribution_text, given.reporting_verb
        if cand.hedging == "asserted":
            cand.hedging = "reported"


def _quote_speaker(claims: list[ClaimCandidate], n: int, position: dict[str, tuple[int, int]],
                   inside: dict[str, bool]) -> ClaimCandidate | None:
    """The claim whose speaker the quoted claim ``n`` shares (see ``_quoted_speakers``)."""
    index, paragraph = position[claims[n].appearance.sentence]
    k = index
    for later in claims[n + 1 :]:  # on through the quotation: '... we will fight on," she said'
        at, par = position[later.appearance.sentence]
        if par != paragraph or at != k + 1 or not inside[later.appearance.sentence]:
            break
        if later.appearance.attribution_text and later.appearance.attribution_kind != "outlet":
            return later
        k = at
    if n == 0:
        return None
    before = claims[n - 1]
    at, par = position[before.appearance.sentence]
    if par == paragraph and at == index - 1 and before.appearance.attribution_text and (
        before.appearance.attribution_kind != "outlet"
    ):
        return before
    return None


# "The company", "the airline": a definite description of an organisation named before
_DEFINITE_ORG_RE = re.compile(r"^(?:the|its|their)\s+([a-z]+)\b", re.I)
# heads that stand for any organisation, whatever its name
_ANY_ORG_HEADS = frozenset(
    {"company", "firm", "group", "business", "airline", "carrier", "operator", "lender",
     "insurer", "manufacturer", "maker", "retailer", "startup", "start-up", "conglomerate",
     "developer", "provider", "supplier", "utility", "organisation", "organization"}
)


def _resolved(
    cand: ClaimCandidate,
    by_key: dict[str, LocalActor],
    last_person: str | None,
    orgs: list[str],
    text: str = "",
) -> ClaimCandidate:
    """The candidate with a pronoun or definite subject ("It had cancelled ...", "The
    airline will ...") resolved to the latest compatible actor: an organisation for "it",
    "they" and "the company", a person for "he" and "she". The actor joins the claim's
    actors, so two reports of one act by one actor compare as such."""
    if cand.subject is not None:
        return cand
    quote = cand.appearance.quote
    words = quote.split(None, 1)
    first = words[0].lower() if words else ""
    subject: str | None = None
    if first in _SUBJECT_PRONOUNS and cand.appearance.attribution_text is not None:
        return _speaker_subject(cand, first, by_key, orgs)
    if first in ("he", "she"):
        subject = last_person
    elif first in ("it", "they") and orgs:
        subject = orgs[-1]
    elif (m := _DEFINITE_ORG_RE.match(quote)) is not None and orgs:
        head = m.group(1).lower()
        subject = _speaking_org(cand, head, by_key) or _org_by_head(head, by_key, orgs, text)
    if subject is None:
        return cand
    if subject not in cand.actors:
        cand.actors = sorted({*cand.actors, subject})
    cand.subject = subject  # ``cand`` is new and nobody else's: no copy needed
    return cand


def _speaking_org(cand: ClaimCandidate, head: str, by_key: dict[str, LocalActor]
                  ) -> str | None:
    """"A Riksbank spokesperson said the bank would ...": an organisation speaking of "the
    <head>" means itself when its name ends in that head, even inside one word ("Riksbank",
    "Bundesbank"), or the head stands for any organisation ("the company")."""
    actor = by_key.get(cand.appearance.attributed_to or "")
    if actor is None or actor.type not in ("organisation", "government"):
        return None
    if head in _ANY_ORG_HEADS or actor.name.lower().endswith(head):
        return actor.key
    return None


def _speaker_subject(
    cand: ClaimCandidate, pronoun: str, by_key: dict[str, LocalActor], orgs: list[str]
) -> ClaimCandidate:
    """"The national regulator said it would ...": the pronoun stands for the speaker,
    never for the organisation named last. A definite speaker ("the association") is the
    organisation named before with that head word; one that is no actor gives the claim
    its words ("regulator"), as a named one gives its id. "it" after a plural speaker
    ("officials said it would take weeks") stands for something else."""
    speaker = cand.appearance.attribution_text or ""
    words = speaker.split()
    head = words[-1].lower() if words else ""
    if cand.appearance.attributed_to is not None or (
        pronoun == "it" and head.endswith("s") and not head.endswith("ss")
    ):
        return cand  # a named speaker compares by id; see ``_subject``
    if not _DEFINITE_ORG_RE.match(speaker) or len(words) > 4:
        return cand
    if pronoun in ("it", "they") and orgs and (
        subject := _org_by_head(head, by_key, orgs)
    ) is not None:
        cand.actors = sorted({*cand.actors, subject})
        cand.subject = subject
        return cand
    extra = content_terms(speaker)[0]
    if extra:
        cand.terms = sorted({*cand.terms, *(t for t in extra if t[0] != "~")})
    return cand


def _org_by_head(head: str, by_key: dict[str, LocalActor], orgs: list[str], text: str = ""
                 ) -> str | None:
    """The latest organisation "the <head>" can stand for: one whose name has the head
    word ("the authority" -> "Velmar Transit Authority"), else, for a generic head ("the
    company", "the airline"), the latest organisation of all that the source ever names
    other than as a place (``text``: the document's text)."""
    s = stem(head)
    for key in reversed(orgs):
        actor = by_key[key]
        if s in _name_stems((actor.name, *actor.aliases)):
            return key
    if head not in _ANY_ORG_HEADS:
        return None
    for key in reversed(orgs):
        if not text or not _only_placed(by_key[key], text):
            return key
    return orgs[-1]


# "in X", "near X": where something is ("at X" is as often an employer: "workers at X"),
# but not a holding in a company ("a stake in X", "shares in X")
_PLACE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?<!stake\s)(?<!stakes\s)(?<!shares\s)(?<!interest\s)(?<!investment\s)"
    r"(?<!invested\s)(?:in|near)\s$", re.I)


def _only_placed(actor: LocalActor, text: str) -> bool:
    """Is ``actor`` a one-word name of which every mention is where something is ("a
    warehouse in Brannock", "in Brannock's industrial park")? A name used only so is a
    place here, whatever its type, and never what "the company" stands for."""
    return " " not in actor.name and bool(actor.mentions) and all(
        _PLACE_BEFORE_RE.search(text, max(0, m.start - 6), m.start) is not None
        for m in actor.mentions)


@lru_cache(maxsize=8192)
def _name_stems(names: tuple[str, ...]) -> frozenset[str]:
    """Stems of the words of an actor's names (its name and aliases): an actor recurs in
    many sentences and sources."""
    return frozenset(stem(w) for name in names for w in name.split())


def _candidate(
    doc: Document,
    sentence: Sentence,
    ms: list[Mention],
    by_key: dict[str, LocalActor],
    last_person: str | None,
    last_org: str | None,
    lex: Lexicon,
) -> ClaimCandidate | None:
    if not _claim_shaped(sentence, lex):
        return None  # cheap tests first: most of the work below is for claims only
    text = sentence.text
    start = 0
    dl = _DATELINE_RE.match(text) if sentence.index == 0 else None
    if dl:
        start = dl.end()
    low = folded(text)  # for the pattern pre-filters; position for position
    while True:  # leading discourse markers and labels are not part of the claim
        m = _marker(text, start, lex)
        end = m.end() if m else _label_end(text, start, lex)
        if end is None or end >= len(text):
            break
        start = end
    frame = (
        _according_frame(text, start, lex, low)
        or _trailing_frame(text, start, lex, low)
        or _leading_frame(text, start, lex, low)
    )
    if not _claim_worthy(sentence, len(ms), frame is not None, lex, low):
        return None
    q_start, q_end = (frame.quote_start, frame.quote_end) if frame else (start, len(text))
    if frame is not None and _object_complement(text, frame, lex):
        q_start, q_end = start, len(text)  # "X characterized Y as Z": keep the subject
    q_start, q_end = _clean_span(text, q_start, q_end)
    if len(text[q_start:q_end].split()) < 4:
        q_start, q_end = _clean_span(text, start, len(text))
    quote = text[q_start:q_end]
    h_start, h_end = q_start, q_end
    if frame is not None and _keeps_frame(text, frame, q_start, quote, lex):
        h_start, h_end = _clean_span(text, frame.speaker_start or start, q_end)
    # a reported clause: "said A and that B" reads "A and B" in a headline
    after_that = (
        frame is not None
        and frame.speaker_end is not None
        and frame.speaker_end <= q_start
        and h_start == q_start
    )
    attributed, kind, att_text, verb, via = None, "outlet", None, None, None
    if frame and frame.speaker_start is not None and frame.speaker_end is not None:
        sp_s, sp_e = _clean_span(text, frame.speaker_start, frame.speaker_end)
        sp_e = sp_s + _speaker_extent(text[sp_s:sp_e])
        att_text = text[sp_s:sp_e]
        abs_s, abs_e = sentence.start + sp_s, sentence.start + sp_e
        attributed, kind = _attribute(
            att_text, abs_s, abs_e, ms, by_key, last_person, last_org, lex
        )
        verb = " ".join(frame.verb.lower().split()) if frame.verb else None
        if verb == "reported" and kind in ("organisation", "anonymous"):
            kind = "other_outlet"  # "as reported by X", "X reported": another outlet
        if _is_own_outlet(att_text, doc):
            attributed, kind = None, "outlet"
        via = _via(text, frame, kind, sentence.start, ms, by_key, lex)
    hedges = _hedges(text, lex, low)
    if hedges:
        hedging = "hedged"
    elif kind != "outlet":
        hedging = "reported"
    else:
        hedging = "asserted"
    abs_q_start, abs_q_end = sentence.start + q_start, sentence.start + q_end
    in_quote = sorted({m.actor for m in ms if m.start >= abs_q_start and m.end <= abs_q_end})
    blanked = _blank_relatives(_blank_mentions(quote, abs_q_start, ms))
    terms, sign, _concepts = content_terms(blanked, lex)
    if _denied(frame, lex):
        terms, sign = _flip_polarity(terms), -sign
    appearance = Appearance(
        source=sentence.source,
        sentence=sentence.id,
        quote=quote,
        start=abs_q_start,
        end=abs_q_end,
        attributed_to=attributed,
        attribution_kind=kind,
        attribution_text=att_text,
        reporting_verb=verb,
        hedges=hedges,
        via=via,
    )
    return ClaimCandidate(
        appearance=appearance,
        text=headline(text[h_start:h_end], after_that=after_that),
        actors=in_quote,
        hedging=hedging,
        numbers=find_numbers(quote, low[q_start:q_end] if low is not None else None),
        dates=find_dates(quote, low[q_start:q_end] if low is not None else None),
        negated=sign < 0,
        terms=sorted(set(terms)),
        subject=_subject(quote, abs_q_start, ms, by_key, attributed),
    )


# a label before a colon at the start: "Some context:", "Update:", "TL;DR:"; what follows
# must open in lower case (a clause), so "The final tally: PLN 2.4bn" keeps its subject
_LABEL_RE = re.compile(
    r"(?:[A-Z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,2}|[A-Z]{1,4};[A-Z]{1,4}):\s+"
    r"(?=[a-z\d\"\u201c\u2018'])"
)


def _marker(text: str, start: int, lex: Lexicon) -> re.Match[str] | None:
    """``lex.markers_re.match(text, start)``: a discourse marker ("However, ", "But ") there.

    Tried only when the word at ``start`` is the first word of a marker: in ASCII text a
    marker's first word is followed by a space or comma, so it is the whole run of letters
    there (in other text, case folding may map odd letters onto ASCII ones)."""
    if lex.marker_heads is not None and text.isascii():
        word = _LETTERS_RE.match(text, start)
        if word is None or word.group(0).lower() not in lex.marker_heads:
            return None
    return lex.markers_re.match(text, start)


def _label_end(text: str, start: int, lex: Lexicon) -> int | None:
    """End of a discourse label ("Some context: ") at ``start``, or None. A speaker before
    a colon ("Officials said: ...") is no label."""
    if text.find(":", start) < 0:
        return None  # no colon, no label (the common case): skip the regex
    m = _LABEL_RE.match(text, start)
    if m is None:
        return None
    words = m.group(0).rstrip(": ").lower().split()
    return None if any(w in lex.verb_base for w in words) else m.end()


def _denied(frame: Frame | None, lex: Lexicon) -> bool:
    """Is the content reported through a denial verb ("X denied that Y had happened",
    "Y did not happen, X denied")? Then the claim asserts the opposite of its words."""
    return (frame is not None and frame.verb is not None
            and " ".join(frame.verb.lower().split()) in lex.denial_forms)


def _flip_polarity(terms: list[str]) -> list[str]:
    """``terms`` with every polarity concept ("~suspend+") on its other side."""
    return sorted(
        t[:-1] + ("-" if t[-1] == "+" else "+") if t.startswith("~") and t[-1] in "+-" else t
        for t in terms
    )


def _keeps_frame(text: str, frame: Frame, q_start: int, quote: str, lex: Lexicon) -> bool:
    """Must the headline keep the speaker and verb before the content? Yes for a denial
    ("denied that X": X alone says the opposite) and for a second report coordinated in the
    content ("said A but warned that B": without the speaker, A's subject would warn)."""
    if frame.speaker_start is None or frame.speaker_start >= q_start or not frame.verb:
        return False
    if " ".join(frame.verb.lower().split()) in lex.denial_forms:
        return True
    for m in _COORD_VERB_RE.finditer(quote):
        form = m.group(1).lower()
        if form in lex.verb_base and form != lex.verb_base[form]:
            return True
    return False


# \b(?:but|and)\s+(?:also\s+)?([A-Za-z]+)\b, each alternative opening with its letter (the
# lookbehind then checks the character before it) so that ``re`` skips to "a" and "b"
_COORD_VERB_RE = re.compile(r"(?:b(?<!\wb)ut|a(?<!\wa)nd)\s+(?:also\s+)?([A-Za-z]+)\b")


def _verb_end(text: str, frame: Frame) -> int | None:
    """Offset just after the frame's reporting verb (searched from the speaker on)."""
    if not frame.verb:
        return None
    at = text.find(frame.verb, frame.speaker_end or 0)
    return at + len(frame.verb) if at >= 0 else None


def _object_complement(text: str, frame: Frame, lex: Lexicon) -> bool:
    """Is the frame's verb one that takes an object ("characterized the plan as ...",
    "declared a state of emergency") with no "that", quotation or colon introducing a
    clause of its own? Then the act is the claim, and its subject belongs to it."""
    verb = " ".join(frame.verb.lower().split()) if frame.verb else ""
    if verb not in lex.object_forms and verb not in lex.np_object_forms:
        return False
    end = _verb_end(text, frame)
    if end is None or end > frame.quote_start:
        return False
    between = text[end : frame.quote_start]
    if _CLAUSE_OPENER_RE.search(between):
        return False
    if verb in lex.object_forms:
        return True
    return not _reads_as_clause(text[frame.quote_start : frame.quote_end])


_SUBJECT_START_RE = re.compile(r"(?:he|she|it|they|we|i|there)\b", re.I)
_CLAUSE_STOP_RE = re.compile(r",|;|\s(?:and|but|while|after|before|as)\s")


def _reads_as_clause(content: str) -> bool:
    """Does ``content`` (what follows a verb with no "that") open with a clause? Its first
    stretch, up to a comma or a conjunction, has a finite verb or opens with a pronoun.
    "the deal would close in March" is one; "defeat on Sunday night and said ..." is not."""
    if _SUBJECT_START_RE.match(content):
        return True
    stop = _CLAUSE_STOP_RE.search(content)
    head = content[: stop.start()] if stop else content
    words = {w.lower() for w in head.split()[:10]}
    return not words.isdisjoint(_VERBISH) or any(w.endswith("n't") for w in words)


_ADDRESSEE_RE = re.compile(
    r"\s+((?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w.&'\u2019-]*){0,4})"
)


def _via(
    text: str,
    frame: Frame | None,
    kind: str,
    offset: int,
    ms: list[Mention],
    by_key: dict[str, LocalActor],
    lex: Lexicon,
) -> str | None:
    """The outlet a speaker told ("sources ... told Reuters that" -> "Reuters"), as written.

    Kept for anonymous speakers (the channel is then all a reader learns about the
    source) and for any speaker whose addressee is a media actor.
    """
    if frame is None or not frame.verb or frame.verb.lower() not in lex.tell_forms:
        return None
    end = _verb_end(text, frame)
    m = _ADDRESSEE_RE.match(text, end) if end is not None else None
    if m is None:
        return None
    name = m.group(1)
    if kind == "anonymous":
        return name
    s, e = offset + m.start(1), offset + m.end(1)
    media = any(
        x.start < e and x.end > s and by_key.get(x.actor) and by_key[x.actor].type == "media"
        for x in ms
    )
    return name if media else None


_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
_SUBJECT_TYPES = frozenset({"person", "organisation", "government", "media"})


def _subject(
    quote: str,
    offset: int,
    ms: list[Mention],
    by_key: dict[str, LocalActor],
    speaker: str | None,
) -> str | None:
    """The actor a claim is about, when it opens the quote ("Acme cut ...", "It will ...").

    A pronoun opening a reported clause stands for the speaker ("X said it would ...").
    """
    words = quote.split(None, 6)
    if words and words[0].lower() in _SUBJECT_PRONOUNS:
        return speaker
    limit = offset + len(" ".join(words[:5]))
    for m in ms:
        actor = by_key.get(m.actor)
        if offset <= m.start < limit and actor is not None and actor.type in _SUBJECT_TYPES:
            before = quote[: m.start - offset].lower().split()
            after = quote[m.end - offset : m.end - offset + 2]
            if _PREPOSITIONS.intersection(before) or after in ("'s", "\u2019s"):
                return None  # "payments on X's grants": X modifies the subject
            return m.actor
    return None


_PREPOSITIONS = frozenset(
    {"on", "of", "in", "for", "at", "by", "with", "from", "to", "about", "against", "over",
     "between", "among", "across", "through", "into", "near", "inside", "outside", "around"}
)


def _blank_mentions(quote: str, offset: int, ms: list[Mention]) -> str:
    """The quote with actor mentions blanked out: actors are compared by id, not by words.

    Otherwise two claims about "Acme Corp" would share the terms "acme" and "corp"
    and look alike merely because they name the same actor.
    """
    spans = []
    for m in ms:
        s, e = m.start - offset, m.end - offset
        if 0 <= s < e <= len(quote):
            # the name's article goes with it: "The [High Court] reduced" must not read as
            # "the reduced" (a noun use of the verb)
            art = _ARTICLE_BEFORE_RE.search(quote, max(0, s - 4), s)
            if art is not None:
                s = art.start()
            spans.append((s, e))
    if not spans:
        return quote
    pieces, done = [], 0  # the quote up to ``done`` is in ``pieces``
    for s, e in sorted(spans):
        if e > done:
            s = max(s, done)
            pieces += (quote[done:s], " " * (e - s))
            done = e
    pieces.append(quote[done:])
    return "".join(pieces)


_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'])[Tt]he\s+$")


def _is_own_outlet(att_text: str, doc: Document) -> bool:
    outlet = (doc.metadata.outlet or "").strip().lower()
    return bool(outlet) and att_text.strip().lower().removeprefix("the ") == outlet.removeprefix(
        "the "
    )
