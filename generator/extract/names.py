"""Lexicon and token helpers for actor detection.

Everything here is general linguistic or world knowledge loaded from
``generator/data/`` (gazetteer of countries and major institutions, job titles,
organisation suffixes, capitalised non-actors, common given names). Nothing is
specific to any article. The lexicon is loaded once and turned into dict/set
lookups so detection stays linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import yaml

# One token: a dotted acronym ("U.S.", "U.K."), a word with inner hyphens, dots,
# ampersands or apostrophes before a capital ("Gemini-2.5-Pro", "AT&T", "O'Brien"),
# a possessive ending, or any other single non-space character.
# (The word alternative is written so that runs of word characters are one fast single-
# character repeat: "[^\W_](?:[\w&]+|[.\-](?=...)|...)*" matches the same, more slowly.)
TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}(?![^\W\d_])"
    r"|[^\W_][\w&]*(?:(?:[.\-](?=[^\W_])|['’](?=[A-Z]))[\w&]*)*"
    r"|['’]s\b"
    r"|\S"
)
_VERSION_RE = re.compile(r"^v?\d+(?:\.\d+)*[a-z]?$")
# A surname written with a lower-case particle joined to it ("al-Rawahi", "el-Sisi",
# "bin-Salman", "d'Alembert"): part of a name although it does not start with a capital.
_PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ud|bin|ibn|abu|bint|d)[-'’][A-Z]")
_HAS_DIGIT_RE = re.compile(r"\d")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=65536)  # the same names recur in every source that mentions them
def slugify(text: str) -> str:
    """URL-safe id from a name: "U.S. government" -> "us-government"."""
    text = text.translate(_APOSTROPHES).replace(".", "").replace("'", "")
    return _SLUG_RE.sub("-", text.lower()).strip("-") or "actor"


@lru_cache(maxsize=131072)
def norm(text: str) -> str:
    """Matching form of a name: case, dots, apostrophes, spaces and a leading "the" ignored.

    "U.S." and "US" both become "us"; "the EU’s" is not passed here (the possessive is
    split off by the tokenizer first).
    """
    text = text.translate(_APOSTROPHES).replace(".", "").lower()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Token(NamedTuple):
    """One token. A named tuple, not a dataclass: a sentence has dozens and building a
    tuple is much cheaper than running an ``__init__`` (tokens are never changed)."""

    text: str
    lower: str
    start: int  # absolute offsets into Document.text
    end: int
    cap: bool  # starts with a capital and can begin or continue a name
    version: bool  # a bare version number ("3", "2.5", "4o")


_new_token = tuple.__new__  # Token(...) without the generated ``__new__`` wrapper


# Punctuation that is a token of its own at the edge of a word: "(Acme", "said,", "end.”".
# ("’s" is a token too, but TOKEN_RE finds it; a closing apostrophe cannot join the word,
# "Footballers’" is two tokens, because no capital follows it.)
_OPENERS = "(“\"[‘"
_CLOSERS = ",.;:?!)”\"]’'"


def tokenize(text: str, offset: int) -> list[Token]:
    """Tokens of one sentence with absolute character offsets.

    The tokens of ``TOKEN_RE.finditer``, found faster. A sentence is mostly plain words
    between single spaces. Tokens never contain white space, ``TOKEN_RE`` looks at no
    character before a token, and every test it makes on the character after one fails
    or holds alike for a space and for the end of the text; so each space-separated chunk
    tokenises on its own exactly as inside the sentence. A chunk of letters is one word,
    with any punctuation around it one token per character; a chunk of digits or a single
    character is one token. Only other chunks (inner dots, hyphens, apostrophes, decimals)
    go through the regular expression.
    """
    chunks = text.split()
    if " ".join(chunks) != text:  # other white space than single spaces: offsets differ
        return _tokenize_matches(text, offset)
    tokens: list[Token] = []
    append = tokens.append
    make = _new_token
    start = offset
    for chunk in chunks:
        end = start + len(chunk)
        if chunk.isalpha():  # (a word of letters has no digit, hyphen or dot to look at)
            append(make(Token, (chunk, chunk.lower(), start, end, chunk[0].isupper(), False)))
        elif chunk[-1] in _CLOSERS and chunk[:-1].isalpha():  # "said,", "Labs."
            word = chunk[:-1]
            append(make(Token, (word, word.lower(), start, end - 1, word[0].isupper(), False)))
            append(make(Token, (chunk[-1], chunk[-1], end - 1, end, False, False)))
        elif len(chunk) == 1 or chunk.isdigit():  # "-", "—", "3500"
            append(_token(chunk, start))
        else:
            tokens += _punctuated_word(chunk, start) or _tokenize_matches(chunk, start)
        start = end + 1
    return tokens


def _punctuated_word(chunk: str, start: int) -> list[Token]:
    """Tokens of a word of letters with opening or closing punctuation ("(Acme)", "“We",
    "end.”"), or [] for any other chunk."""
    inner = chunk.lstrip(_OPENERS)
    word = inner.rstrip(_CLOSERS)
    if not word.isalpha():
        return []
    begin = start + len(chunk) - len(inner)
    end = begin + len(word)
    # (A punctuation mark of these sets is no name word and its own lower case.)
    out = [_new_token(Token, (ch, ch, k, k + 1, False, False))
           for k, ch in enumerate(chunk[: begin - start], start)]
    out.append(_new_token(Token, (word, word.lower(), begin, end, word[0].isupper(), False)))
    out += [_new_token(Token, (ch, ch, k, k + 1, False, False))
            for k, ch in enumerate(inner[len(word) :], end)]
    return out


def _tokenize_matches(text: str, offset: int) -> list[Token]:
    """Tokens of any text with absolute character offsets, match by match."""
    return [_token(m.group(), offset + m.start()) for m in TOKEN_RE.finditer(text)]


def _token(word: str, start: int) -> Token:
    """The token for one match of ``TOKEN_RE`` starting at ``start``."""
    end = start + len(word)
    if word.islower():  # most tokens: no capital, so already their own lower case
        version = word[0].isdigit() and _VERSION_RE.match(word) is not None
        return _new_token(Token, (word, word, start, end, False, version))
    first = word[0]
    if first.isupper():
        cap = "-" not in word or _capitalised_word(word)
        return _new_token(Token, (word, word.lower(), start, end, cap, False))
    if ("-" in word or "'" in word or "’" in word) and _PARTICLE_NAME_RE.match(word):
        return _new_token(Token, (word, word.lower(), start, end, True, False))
    if first.isdigit():
        return _new_token(Token, (word, word, start, end, False, bool(_VERSION_RE.match(word))))
    return _new_token(Token, (word, word.lower(), start, end, False, False))


def _capitalised_word(word: str) -> bool:
    """A capitalised token that can be part of a name.

    Hyphenated adjectives whose later part is lower case ("America-first",
    "Paris-based") describe something else and are not names.
    """
    if "-" in word:
        parts = word.split("-")
        tail = parts[-1]
        if tail and tail[0].islower() and not _HAS_DIGIT_RE.search(word):
            return hyphenated_given_name(word)
    return True


# Romanised syllables that close a hyphenated East Asian given name ("Min-seo", "Ji-hoon",
# "Da-eun", "Jae-won", "Xiao-ming"). General knowledge of romanisation, not a list of people.
_GIVEN_SYLLABLES = frozenset({
    "ae", "bin", "bok", "bong", "chan", "chang", "cheol", "chul", "dong", "eun", "gi", "gil",
    "gu", "gyu", "ha", "hae", "han", "hee", "ho", "hoon", "hun", "hwa", "hwan", "hye", "hyeok",
    "hyeon", "hyuk", "hyun", "il", "ja", "jae", "jeong", "ji", "jin", "jo", "joo", "joon", "ju",
    "jun", "jung", "kyu", "kyung", "mi", "min", "ming", "mok", "na", "nam", "ra", "rae", "rim",
    "rin", "ri", "seo", "seok", "seon", "seong", "seung", "shik", "sik", "soo", "sook", "su",
    "suk", "sun", "sung", "ue", "wan", "wei", "won", "woo", "woong", "yeon", "yeong", "yong",
    "yoon", "young", "yu", "yul", "yun", "hua", "hui", "jie", "jing", "kai", "lan", "li", "lin",
    "mei", "ning", "ping", "qi", "qiang", "tao", "ting", "xia", "xian", "xiang", "xin", "xiu",
    "yan", "yang", "ye", "yi", "ying", "yue", "zhen", "zhi", "zhong"
})


def hyphenated_given_name(word: str) -> bool:
    """"Min-seo", "Ji-hoon": a hyphenated given name whose second syllable is lower case.

    Both parts are short romanised syllables; "Paris-based" or "America-first" are not.
    """
    parts = word.split("-")
    return len(parts) == 2 and 1 <= len(parts[0]) <= 5 and parts[0].isalpha() and (
        parts[1] in _GIVEN_SYLLABLES
    )


def has_digit(word: str) -> bool:
    return bool(_HAS_DIGIT_RE.search(word))


# ------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer actor."""

    key: str
    name: str
    type: str
    kind: str  # "country" | "institution" | "media" | "place" | "government"
    country: str | None = None  # key of the country whose government this belongs to
    metonym: str | None = None  # key of the entry a city stands for when it acts
    context: str | None = None  # key that must be present for a short form to resolve
    level: str | None = None  # "state" for states and provinces (what a governor heads)


@dataclass
class Lexicon:
    forms: dict[str, Entry] = field(default_factory=dict)  # norm(name or alias) -> entry
    entries: dict[str, Entry] = field(default_factory=dict)  # key -> entry
    short: dict[str, list[Entry]] = field(default_factory=dict)  # norm(short form) -> entries
    demonyms: dict[str, Entry] = field(default_factory=dict)  # norm(demonym) -> country
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # words -> kind
    title_max: dict[str, int] = field(default_factory=dict)  # first word -> longest length
    suffix: dict[str, str] = field(default_factory=dict)  # head word -> actor type
    prefix: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    not_versioned: frozenset[str] = frozenset()
    ambiguous_gov: frozenset[str] = frozenset()  # "commission": government only if modified
    gov_modifiers: frozenset[str] = frozenset()  # "national", "federal", "city", ...
    never: frozenset[str] = frozenset()
    alone: frozenset[str] = frozenset()
    descriptor: frozenset[str] = frozenset()  # "Drugmaker" in front of a name
    parties: frozenset[str] = frozenset()  # "Labour", "Conservatives": a party where read as one
    given: frozenset[str] = frozenset()
    max_form_words: int = 1
    # locative contexts (suffixes.yml ``locative``): "the port of X", "near X", "in X"
    place_before_of: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    not_before_in: frozenset[str] = frozenset()
    letter_name_nouns: frozenset[str] = frozenset()  # "social network X"

    def government_of(self, country: Entry) -> Entry:
        """The government of a country, as its own actor (distinct from the country)."""
        return self.entries[f"{country.key}-government"]


def _data(name: str) -> str:
    return resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")


# libyaml's parser when installed: the same objects as ``yaml.safe_load`` (the constructor
# and resolver are shared), several times faster to load the lexicon
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(name: str) -> dict:
    return yaml.load(_data(name), Loader=_YAML_LOADER)


def _words(block: str) -> list[str]:
    return [w for line in block.splitlines() if not line.startswith("#") for w in line.split()]


def _add_form(lex: Lexicon, form: str, entry: Entry) -> None:
    key = norm(form)
    lex.forms.setdefault(key, entry)
    lex.max_form_words = max(lex.max_form_words, len(key.split()))


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """The parsed ``gazetteer.yml``, read once per process (the actor lexicon and the
    dateline's place names both use it). Read-only: callers must not change it."""
    return _yaml("gazetteer.yml")


def _load_gazetteer(lex: Lexicon) -> None:
    gaz = gazetteer()
    capitals: dict[str, str] = {}
    for name, info in gaz.get("countries", {}).items():
        info = info or {}
        entry = Entry(slugify(name), name, "place", "country")
        lex.entries[entry.key] = entry
        government = Entry(f"{entry.key}-government", f"{name} government", "government",
                           "government", country=entry.key)
        lex.entries[government.key] = government
        for form in [name, *info.get("aliases", [])]:
            _add_form(lex, form, entry)
        for demonym in info.get("demonyms", []):
            lex.demonyms[norm(demonym)] = entry
        if info.get("capital"):
            capitals[info["capital"]] = entry.key
    sections = (("institutions", "institution"), ("media", "media"))
    for section, kind in sections:
        for name, info in gaz.get(section, {}).items():
            info = info or {}
            country = info.get("country")
            context = info.get("context")
            entry = Entry(
                slugify(name),
                name,
                info.get("type", "media" if kind == "media" else "organisation"),
                kind,
                country=slugify(country) if country else None,
                context=slugify(context) if context else None,
            )
            lex.entries[entry.key] = entry
            for form in [name, *info.get("aliases", [])]:
                _add_form(lex, form, entry)
            for form in info.get("short", []):
                lex.short.setdefault(norm(form), []).append(entry)
    places = {name: dict(info or {}) for name, info in gaz.get("places", {}).items()}
    for city, country_key in capitals.items():
        info = places.setdefault(city, {})
        if not info.get("metonym"):  # a capital acts for its country unless told otherwise
            info["metonym_key"] = country_key
    for name, info in places.items():
        info = info or {}
        metonym = info.get("metonym_key") or (
            slugify(info["metonym"]) if info.get("metonym") else None
        )
        entry = Entry(slugify(name), name, "place", "place", metonym=metonym,
                      level=info.get("level"))
        lex.entries.setdefault(entry.key, entry)
        _add_form(lex, name, lex.entries[entry.key])
        if info.get("demonyms"):
            _add_devolved_government(lex, lex.entries[entry.key], info["demonyms"])


def _add_devolved_government(lex: Lexicon, place: Entry, demonyms: list[str]) -> None:
    """A nation or region with a government of its own: "the Scottish government" is
    Scotland's, not the United Kingdom's, so its demonym names the region."""
    government = Entry(f"{place.key}-government", f"{demonyms[0]} government", "government",
                       "government", country=place.key)
    lex.entries.setdefault(government.key, government)
    for demonym in demonyms:
        lex.demonyms[norm(demonym)] = place


def _load_titles(lex: Lexicon) -> None:
    titles = _yaml("titles.yml")
    for kind, items in titles.items():
        for title in items:
            words = tuple(title.lower().split())
            lex.titles.setdefault(words, kind)
            lex.title_max[words[0]] = max(lex.title_max.get(words[0], 0), len(words))


def _load_suffixes(lex: Lexicon) -> None:
    data = _yaml("suffixes.yml")
    for actor_type in ("law", "programme", "media", "government", "organisation", "place"):
        for word in data.get(actor_type, []):
            lex.suffix.setdefault(word.lower(), actor_type)
    for actor_type, words in (data.get("prefix") or {}).items():
        for word in words:
            lex.prefix[word.lower()] = actor_type
    for actor_type, words in (data.get("after") or {}).items():
        for word in words:
            lex.after[word.lower()] = actor_type
    lex.not_versioned = frozenset(w.lower() for w in data.get("not_versioned", []))
    lex.ambiguous_gov = frozenset(w.lower() for w in data.get("ambiguous_government", []))
    lex.gov_modifiers = frozenset(w.lower() for w in data.get("government_modifiers", []))
    locative = data.get("locative") or {}
    lex.place_before_of = frozenset(w.lower() for w in locative.get("before_of", []))
    lex.place_prepositions = frozenset(w.lower() for w in locative.get("prepositions", []))
    lex.not_before_in = frozenset(w.lower() for w in locative.get("not_before_in", []))
    lex.letter_name_nouns = frozenset(w.lower() for w in data.get("letter_name_after", []))


def _load_non_actors(lex: Lexicon) -> None:
    sections: dict[str, list[str]] = {"never": [], "alone": [], "descriptor": [], "party": []}
    current = "never"
    for line in _data("non_actors.txt").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if line and not line.startswith("#"):
            sections.setdefault(current, []).extend(w.lower() for w in line.split())
    lex.never = frozenset(sections["never"])
    lex.descriptor = frozenset(sections["descriptor"])
    lex.parties = frozenset(sections["party"])
    lex.alone = frozenset(sections["alone"]) | lex.descriptor | lex.parties


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Last words of job titles ("minister", "executive", "correspondent"), from titles.yml."""
    return frozenset(words[-1] for words in lexicon().titles if words[-1].isalpha())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared, read-only lexicon (loaded once per process)."""
    lex = Lexicon()
    _load_gazetteer(lex)
    _load_titles(lex)
    _load_suffixes(lex)
    _load_non_actors(lex)
    lex.given = frozenset(_words(_data("given_names.txt")))
    return lex


def country_canonical(name: str) -> str:
    """A normalised name with a leading country form or demonym spelled as the country.

    "uk maritime trade operations" and "united kingdom maritime trade operations", or
    "iranian foreign ministry" and "iran foreign ministry", name one body; both become
    "united kingdom ..." / "iran ...". Names not starting with a country are returned as is.
    """
    lex = lexicon()
    words = name.split()
    for length in range(min(lex.max_form_words, len(words) - 1), 0, -1):
        head = " ".join(words[:length])
        entry = lex.forms.get(head) or lex.demonyms.get(head)
        if entry is not None and entry.kind == "country":
            return " ".join([norm(entry.name), *words[length:]])
    return name


_INVERTIBLE = frozenset({"university", "college", "polytechnic", "academy", "school"})


def inverted_name(name: str) -> str | None:
    """The other common spelling of "university of X" ("X university") or "ministry of X"
    ("X ministry"), or None.

    Only for heads that are routinely written both ways; "Bank of England" is never
    "England Bank".
    """
    words = name.split()
    if len(words) in (3, 4) and words[0] in _INVERTIBLE and words[1] == "of":
        return " ".join([*words[2:], words[0]])
    # "(Ruritania) ministry of defence" is as often "(Ruritania) defence ministry"; a
    # country in front stays in front
    for k in (0, 1):
        if len(words) in (k + 3, k + 4) and words[k] == "ministry" and words[k + 1] == "of":
            return " ".join([*words[:k], *words[k + 2 :], "ministry"])
    return None


def initials(name: str) -> str:
    """Acronym a name would have: "European Central Bank" -> "ECB", "AI Security Institute"
    -> "AISI" (all-capital words contribute whole)."""
    out = []
    for word in name.replace("-", " ").split():
        if word.lower() in {"of", "for", "and", "the", "&", "on", "de"}:
            continue
        out.append(word if word.isupper() else word[0].upper())
    return "".join(out)


_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "&", "on", "de", "du", "des", "la",
                             "le", "del", "di", "in", "at", "to"})
_ACRONYM_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def acronym_matches(acronym: str, name: str) -> bool:
    """Could ``acronym`` abbreviate ``name``?

    Each content word gives its first letter (an all-capital word may give all of its
    letters: "AI Security Institute" -> "AISI"); function words ("of", "and", "the") give
    their first letter or nothing, which covers "BoE" (Bank of England), "CJEU" (Court of
    Justice of the European Union) and "DoD" alike. Case is ignored; hyphens and
    apostrophes split nothing ("Footballers’" is one word).
    """
    letters = "".join(ch for ch in acronym.lower() if ch.isalnum())
    words = [w.lower() if not w.isupper() else w for w in _ACRONYM_WORD_RE.findall(
        name.replace("-", " "))]
    if len(letters) < 2 or len(words) < 2 or len(letters) > 2 * len(words) + 4:
        return False
    if not _first_letter_fits(letters[0], words):
        return False  # most pairs of a short form and a name: decided without the search
    return _acronym_from(letters, 0, words, 0, {})


def _first_letter_fits(letter: str, words: list[str]) -> bool:
    """Can a word give the acronym's first letter? Only a word whose words before it are
    all function words (which may be skipped), so the first content word at the latest."""
    for word in words:
        low = word.lower()
        if low[0] == letter:
            return True
        if low not in _FUNCTION_WORDS:
            return False
    return False


def _acronym_from(letters: str, li: int, words: list[str], wi: int,
                  memo: dict[tuple[int, int], bool]) -> bool:
    """Dynamic programme over (letter, word) positions for ``acronym_matches``."""
    if wi == len(words):
        return li == len(letters)
    key = (li, wi)
    if key in memo:
        return memo[key]
    word = words[wi]
    low = word.lower()
    options: list[int] = []
    if low in _FUNCTION_WORDS:
        options.append(li)  # skipped
    if li < len(letters) and letters[li] == low[0]:
        options.append(li + 1)
        if word.isupper() and len(word) > 1 and letters.startswith(low, li):
            options.append(li + len(word))
    result = any(_acronym_from(letters, nl, words, wi + 1, memo) for nl in options)
    memo[key] = result
    return result


def is_version(token: Token) -> bool:
    return token.version


__all__ = [
    "Entry",
    "acronym_matches",
    "country_canonical",
    "gazetteer",
    "inverted_name",
    "Lexicon",
    "Token",
    "has_digit",
    "initials",
    "is_version",
    "lexicon",
    "norm",
    "slugify",
    "tokenize",
]
