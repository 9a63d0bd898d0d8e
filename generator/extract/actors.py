"""Actor detection: people, organisations, governments, AI models, programmes, laws,
places and media outlets, with their mentions and roles, inside one source.

How it works (rule-based, linear in the text):

1. Each non-boilerplate sentence is tokenised once. Runs of capitalised tokens become
   candidate names; job titles ("Treasury Secretary", "CEO", "spokesperson") cut those
   runs, and words that are never names (weekdays, months, sentence openers, pronouns)
   are skipped. A lone capitalised word opening a sentence counts only if the source also
   capitalises it mid-sentence (so "Previously," or "Significant" never become actors).
2. Each candidate gets a type with a strength: the gazetteer (countries, major
   institutions, outlets, cities) beats head words ("... Act" law, "... Ministry"
   government, "... Journal" media, "Project ..." programme, version numbers or "... model"
   AI model), which beat cues from context (an honorific, a title, "told X"), which beat
   the default (two or three capitalised words: a person; otherwise an organisation).
3. Titles and appositions give roles tied to the person and the organisation served:
   "Acme CEO Jane Doe", "Jane Doe, a spokesperson for Acme on trade".
4. Candidates are grouped within the source: same normalised name; a surname after the
   full name; "the Commission"/"the Institute" after a full name ending in that word; an
   acronym after its expansion or in parentheses; gazetteer short forms whose context is
   present ("the Commission" in a text about the EU).

Country versus government (the rule): a country name is the country (type ``place``);
"<country> government/administration/authorities", a country in front of a public-office
title ("French President ...") and a capital that acts ("Washington said", "Beijing's
response") are that country's *government* (type ``government``), a separate actor;
"the administration"/"the government" refers back to the last government so named.
Institutions such as a presidential office are their own actors. A capital that does not
act ("from Brussels to Washington") is a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress
from operator import and_, itemgetter

from generator.extract.names import (
    Entry,
    Lexicon,
    Token,
    acronym_matches,
    has_digit,
    hyphenated_given_name,
    inverted_name,
    lexicon,
    norm,
    slugify,
    tokenize,
)
from generator.extract.quality import dateline_outlet
from generator.models import ACTOR_TYPES, Document, LocalActor, Mention, Role, Sentence

# Words after a country that make it its government ("the U.S. administration").
_GOV_WORDS = frozenset({"government", "administration", "authorities", "regime", "cabinet"})
# Verbs (and modals) right after a capital city that make it act for its government.
_ACTING = frozenset(
    [
        "said", "says", "say", "has", "have", "had", "is", "was", "will", "would", "wants",
        "wanted", "warned", "announced", "imposed", "accused", "rejected", "insisted", "argued",
        "believes", "fears", "hopes", "urged", "demanded", "responded", "retaliated", "signed",
        "agreed", "threatened", "plans", "planned", "seeks", "sought", "pushed", "pressed", "must",
        "should", "could", "can", "may", "might", "did", "does", "denied", "confirmed", "approved",
        "blocked", "opposed", "opposes", "welcomed", "criticised", "criticized", "vowed",
        "declined", "refused", "expected", "expects", "reacted", "reacts", "responds",
        "announces", "insists", "argues", "warns", "urges", "rejects", "denies", "confirms",
        "accuses", "demands", "agrees", "signs", "imposes", "approves", "blocks", "backs",
        "backed", "resisted", "resists", "condemned", "condemns", "protested", "summoned",
        "retaliates", "hit", "struck", "launched", "ordered", "sanctioned", "pledged",
    ]
)
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "des", "da", "di", "del", "bin",
                        "al", "la", "le", "ibn"})
_OPEN_PUNCT = frozenset({'"', "“", "‘", "'", "(", "[", "«", "—", "-", "–", ":"})
# Common nouns whose singular possessive sits inside names ("People's Bank of China").
_COMMON_POSSESSORS = frozenset({"people", "women", "children", "men", "workers", "king",
                                "queen", "veterans", "citizens", "farmers", "nations"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "lord", "lady", "mx"})
# First words of place names, not of people's names ("Los Cerros", "Port Talbot").
_PLACE_PREFIXES = frozenset({"los", "las", "el", "san", "santa", "santo", "são", "puerto",
                             "punta", "port", "fort", "mount", "mt", "lake", "cape", "st",
                             "saint", "new", "north", "south", "east", "west", "upper",
                             "lower", "greater"})
# People who work at an organisation: "analysts at X", "researchers at X".
_STAFF = frozenset({"analysts", "analyst", "economists", "economist", "researchers",
                    "strategists", "executives", "employees", "staff", "workers", "officials",
                    "engineers", "scientists", "traders", "bankers", "lawyers", "sources"})
# Nouns in front of a name that say it is an organisation ("cybersecurity firm Redline").
_ORG_BEFORE = frozenset({"firm", "company", "startup", "start-up", "group", "conglomerate",
                         "giant", "lab", "chain", "brand", "network", "platform", "charity",
                         "nonprofit", "non-profit", "gang", "club", "outfit", "fund",
                         "bank", "insurer", "lender", "maker", "developer", "operator",
                         "supplier", "retailer", "manufacturer", "carrier", "airline",
                         "broker", "consultancy", "agency", "organisation", "organization",
                         "party", "union", "society", "team"})
# Tokens after which a capital letter says nothing about the word ('... bluntly: "Is').
# Nouns that head an apposition after a name and say what it is: "Nordhavn Tankers, the
# ship's Copenhagen-based operator", "UKRIO, an advisory charity", "the Chemical Safety
# Board, an independent agency". Stronger than any other evidence: the text says it.
_APPOS_GOV = frozenset({"agency", "regulator", "ministry", "department", "watchdog"})
_APPOS_ORG = frozenset({"charity", "nonprofit", "non-profit", "ngo", "company", "firm",
                        "provider", "platform", "chain", "installer", "publisher", "agency",
                        "startup", "start-up", "operator", "manufacturer", "maker", "developer",
                        "lender", "insurer", "carrier", "airline", "retailer", "supplier",
                        "conglomerate", "broker", "consultancy", "newcomer", "challenger",
                        "subsidiary", "producer", "exporter", "importer", "shipowner",
                        "drugmaker", "carmaker", "chipmaker", "miner", "bank", "group",
                        "fund", "union", "association", "foundation"})
_APPOS_STOP = frozenset({",", ".", ";", ":", "that", "which", "who", "whose", "where", "with",
                         "by", "for", "in", "of", "at", "from", "to", "(", ")", '"', "“", "”",
                         "—", "–", "and", "is", "was", "has", "said"})
_APPOS = 4  # strength of an apposition's head noun (above the gazetteer's 3)
_CLAUSE_OPENERS = frozenset({'"', "“", "‘", ":", "(", "—", "–", "-"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# bodies named for their subject with "on" ("Intergovernmental Panel on Climate Change",
# "Committee on Foreign Affairs", "Working Group on Arbitrary Detention")
_ON_HEADS = frozenset({"group", "committee", "commission", "council", "panel", "conference",
                       "convention", "forum", "force", "centre", "center", "institute"})
# cardinals that open a sentence before a capitalised word ("Five Ruritanian soldiers ...",
# "Two Acme engineers ..."): a count, capitalised only because it comes first
_COUNT_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "hundreds", "thousands", "dozens",
})
_ROLE_PREPS = frozenset({"for", "of", "at", "with", "from", "to", "in"})
_QUALIFIER_PREPS = frozenset({"on", "for", "in"})
_QUALIFIER_STOP = frozenset({",", ".", ";", ":", "—", "–", ")", "(", '"', "“", "”"})
_SAYS = frozenset(
    [
        "said", "says", "told", "tells", "added", "argued", "warned", "wrote", "noted", "stated",
        "explained", "insisted", "announced", "confirmed", "denied",
    ]
)
_MEDIA_BEFORE = frozenset({"told", "telling"})
# Nouns right before a name that say it is an outlet ("in the journal Marine Ecology Letters")
_MEDIA_NOUNS = frozenset({"journal", "newspaper", "magazine", "tabloid", "broadcaster",
                          "daily", "weekly"})
_SPEAK = frozenset({"speaking", "talking", "spoke", "speak", "talked", "interview", "said"})
_MEDIA_AFTER = frozenset({"reported", "reports", "reporting", "reveals", "revealed"})
_OWNED = frozenset({"model", "models", "initiative", "project", "programme", "program",
                    "chatbot", "platform", "product", "products", "system", "tool", "app",
                    "service", "software", "chip", "chips", "plan", "assistant"})
_AI_WORDS = ("artificial intelligence", " ai ", " ai-", "model", "chatbot", "llm",
             "machine learning", "neural")
_PERSON_MAX_TOKENS = 5
# Legal forms at the end of a company name, dropped in later mentions ("Calder Homes Ltd").
_LEGAL_FORMS = frozenset({"ltd", "limited", "inc", "incorporated", "corp", "corporation",
                          "plc", "llc", "llp", "co", "sa", "ag", "nv", "bv", "gmbh", "spa",
                          "group", "holdings", "company"})
# A last word that numbers a series: "Artemis III", "Falcon 9", "Llama 3.1".
_NUMBERED = re.compile(r"^(?:[ivx]+|\d[\w.]*)$")
# Words before a place that use it as a location, not as an actor ("in Brussels").
_LOCATIVE = frozenset({"in", "at", "to", "near", "outside", "inside", "across", "around",
                       "via", "into", "through", "of"})
# A short form that may be an acronym: "BoE", "PFA", "CJEU", "AT&T".
_ACRONYM_RE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z&]{2,8}$")

# Token fields for C-level ``map`` over a sentence's tokens (see ``names.Token``).
_TEXT = itemgetter(0)
_FIRST_CHAR = itemgetter(0)
_LOWER = itemgetter(1)
_CAP = itemgetter(4)

# Strengths of type evidence, strongest wins.
_GAZ, _HEAD, _CUE, _DEFAULT = 3, 2, 1, 0


@dataclass(slots=True)
class _Cand:
    """One mention of a would-be actor, before grouping."""

    text: str
    start: int
    end: int
    sentence: str
    norm: str
    ntok: int
    type: str
    strength: int
    key: str | None = None  # fixed key (gazetteer, compound, government)
    name: str | None = None  # fixed canonical name
    aliases: list[str] = field(default_factory=list)
    votes: list[tuple[str, int]] = field(default_factory=list)  # extra (type, strength)


@dataclass(slots=True)
class _RoleCand:
    person: int  # index into the candidate list
    title: str
    org: int | None  # index into the candidate list
    sentence: str
    start: int
    end: int
    qualifier: str | None = None
    # The organisation named only by a reference resolved after grouping: a lower-case
    # head noun ("the agency's administrator"), "" for "its"/"whose" (the last organisation
    # named), with the country in front of it if any ("the U.S. agency's").
    anaphor: tuple[str, str | None] | None = None


@dataclass(slots=True)
class _Ctx:
    doc: Document
    lex: Lexicon
    mid_caps: frozenset[str]  # lower-cased words the source capitalises mid-sentence
    lone_caps: frozenset[str]  # ... as a name of one word ("Kestrel said", not "Copper Commission")
    lower_words: frozenset[str]  # words the source writes in lower case
    ai_doc: bool
    # ... as the first or last word of a name ("Kestrel" of "Kestrel Mining"; not "Growers"
    # of "Kiyonga Growers' Union")
    edge_caps: frozenset[str] = frozenset()
    cands: list[_Cand] = field(default_factory=list)
    roles: list[_RoleCand] = field(default_factory=list)
    last_gov: dict[str, int] = field(default_factory=dict)  # "administration" -> cand idx
    known: set[str] = field(default_factory=set)  # norms found outside headlines
    pairs: frozenset[str] = frozenset()  # "procter and gamble": "X and Y" opening a sentence
    group_types: dict[str, str] = field(default_factory=dict)  # filled once grouping is done
    group_starts: dict[str, list[int]] = field(default_factory=dict)
    # (group, normalised name, its words) of the named bodies, computed once for roles
    bodies: list[tuple[_Group, str, list[str]]] | None = None
    terms: frozenset[str] = frozenset()  # acronyms of lower-case phrases: "(EBIT)"


# ------------------------------------------------------------------ tokens and spans


def _title_len(toks: list[Token], i: int, lex: Lexicon) -> int:
    """Length of the longest job title starting at token i (0 if none)."""
    longest = lex.title_max.get(toks[i].lower, 0)
    if not longest:
        return 0
    for length in range(min(longest, len(toks) - i), 0, -1):
        words = tuple(t.lower for t in toks[i : i + length])
        if words in lex.titles:
            return length
    return 0


def _is_name_word(tok: Token, lex: Lexicon) -> bool:
    if not tok.cap:
        return False
    low = tok.lower
    # (rstrip only when there is a dot to strip: this is asked for most capitalised tokens)
    return low not in lex.never and (low[-1] != "." or low.rstrip(".") not in lex.never)


def _extend(toks: list[Token], i: int, lex: Lexicon) -> int:
    """End (exclusive) of the capitalised run starting at i, with name-internal connectors."""
    n = len(toks)
    j = i + 1
    of_chain = False  # inside "Court of Justice of the ...": later "of"/"and" stay in the name
    while j < n:
        tok = toks[j]
        if _title_len(toks, j, lex) and not (
            (of_chain or lex.suffix.get(tok.lower) == "government")
            and _title_closes_name(toks, j, lex)
        ):  # (a head word that is also a title ends a name: "Independent Football Regulator")
            break
        if _is_name_word(tok, lex):
            j += 1
            continue
        prev = toks[j - 1].lower
        if tok.text == "." and _initial_dot(toks, j, lex):
            j += 1  # "P. K. Wanjala", "Ingrid H. Solberg": an initial's dot stays in the name
            continue
        if tok.version and prev not in lex.not_versioned and norm(
            " ".join(t.text for t in toks[i:j])
        ) not in lex.forms:
            j += 1  # "Llama 3", "Gemini 2.5 Pro"
            continue
        nxt = j + 1 < n and _is_name_word(toks[j + 1], lex)
        if tok.lower in _PARTICLES:
            k = _after_particles(toks, j)  # "van der Berg", "de la Fuente"
            if k < n and _is_name_word(toks[k], lex) and not _title_len(toks, k, lex):
                j = k
                continue
        if (tok.lower in ("of", "for") and (prev in lex.suffix or of_chain)) or (
            tok.lower == "on" and (of_chain or prev in _ON_HEADS)
        ):  # "Center for Research on Foundation Models", "Council on Foreign Relations"
            k = j + 1
            if k < n and toks[k].lower == "the":
                k += 1
            if k < n and _is_name_word(toks[k], lex) and (
                not _title_len(toks, k, lex) or _title_closes_name(toks, k, lex)
            ):  # "Ministry of Justice": a title word ending the name is no title
                j = k + 1
                of_chain = True
                continue
        if of_chain and tok.text == ",":
            k = _listed_name_end(toks, j, lex)  # "Ministry of Energy, Water and Irrigation"
            if k:
                j = k
                continue
        if tok.text == "&" and nxt:  # "Procter & Gamble", "Keane & Rowe"
            j += 2
            continue
        if tok.lower == "and" and nxt:
            k = _run_end(toks, j + 1, lex)
            law = _law_after_of(toks, k, lex)
            if law:  # "Public Procurement and Disposal of Public Assets Act"
                j = law
                continue
            if _and_joins_head(toks, j, k, lex) or (
                of_chain and k - j <= 3 and toks[j + 1].text not in lex.given
            ) or _and_stays_in_name(toks, i, j, k, lex):
                j = k
                continue
        inner = _inner_possessive(toks, j, lex) if tok.text in _POSSESSIVE else 0
        if inner:
            j = inner
            continue
        if tok.cap and tok.text.isalpha() and nxt and tok.lower not in _DETERMINERS:
            k = _run_end(toks, j + 1, lex)  # "Patients First Alliance": "First" in a name
            if lex.suffix.get(toks[k - 1].lower) in ("organisation", "government"):
                j = k
                continue
        break
    return j


def _letter_name(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Is a lone capital letter a name here: after a noun that says it names a company or
    service ("social network X", "the platform X"), owning something ("X's owner"), or
    already found as a name in this source (a later "X had failed")?"""
    if j - i != 1:
        return False
    before = toks[i - 1].lower if i > 0 else ""
    if before in ctx.lex.letter_name_nouns or (j < len(toks) and toks[j].text in _POSSESSIVE):
        return True
    key = norm(toks[i].text)  # rare (a lone letter): a scan of the candidates is cheap
    return any(c.norm == key for c in ctx.cands)


def _initial_dot(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """Is the dot at j the end of an initial inside a name: a lone capital letter right
    before it, and another name word after it ("T. J. Harlow", "Joseph M. Otieno")?"""
    prev = toks[j - 1].text
    return len(prev) == 1 and prev.isupper() and toks[j].start == toks[j - 1].end and (
        j + 1 < len(toks) and _is_name_word(toks[j + 1], lex)
    )


def _title_closes_name(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """Inside "Office of the ...", a capitalised title word ends the name ("Office of the
    Data Protection Commissioner", "Office of the U.S. Trade Representative") when no
    further name word follows it (a following name would be the title's holder)."""
    end = j + _title_len(toks, j, lex)
    if not all(t.cap for t in toks[j:end]):
        return False
    return end >= len(toks) or not _is_name_word(toks[end], lex)


def _segment_end(toks: list[Token], k: int, lex: Lexicon) -> int:
    """End of one capitalised segment of an official name's list ("the Digital Economy",
    "Water Resources"), or k when none starts at k. A given name starts no segment."""
    if k < len(toks) and toks[k].lower == "the":
        k += 1
    if k >= len(toks) or not _is_name_word(toks[k], lex) or toks[k].text in lex.given:
        return k
    end = k
    while end < len(toks) and _is_name_word(toks[end], lex):
        end += 1
    return end


def _listed_name_end(toks: list[Token], j: int, lex: Lexicon) -> int:
    """After "Ministry of Energy" at a comma (token j): the end of a list of capitalised
    segments joined by commas and closed by "and"/"&" ("..., Water Resources and
    Irrigation", "..., Communications and the Digital Economy"), else 0. An official name
    lists its portfolios this way; without the closing "and" the comma ends the name."""
    k = j
    while k < len(toks) and toks[k].text == ",":
        end = _segment_end(toks, k + 1, lex)
        if end == k + 1 or (toks[k + 1].lower == "the" and end == k + 2):
            return 0
        k = end
        if k < len(toks) and toks[k].lower in ("and", "&"):
            last = _segment_end(toks, k + 1, lex)
            return last if last > k + 1 and toks[last - 1].lower != "the" else 0
    return 0


def _after_particles(toks: list[Token], j: int) -> int:
    """Index of the first token after a run of lower-case name particles starting at j."""
    while j < len(toks) and toks[j].lower in _PARTICLES and toks[j].text.islower():
        j += 1
    return j


# Endings of abstract nouns that join a name after "and": "Research and Innovation",
# "Trade and Development", "Science and Security". A person or a company after "and" is
# another actor ("Acme and Globex"); an abstract noun is not.
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ship", "ics",
                     "ture", "ogy", "ism")


_BODY_HEADS = ("government", "organisation")


def _and_joins_head(toks: list[Token], j: int, k: int, lex: Lexicon) -> bool:
    """Does "and" at j lead to the head word of one name ("Food and Drug Administration")?
    Not when the words before "and" already end in a body's head: "Chatham House and
    Penguin Random House" are two bodies."""
    head = lex.suffix.get(toks[k - 1].lower)
    if head == "law":
        return True
    return head in _BODY_HEADS and lex.suffix.get(toks[j - 1].lower) not in _BODY_HEADS


def _and_stays_in_name(toks: list[Token], i: int, j: int, k: int, lex: Lexicon) -> bool:
    """Does "and" at j join the run i..j with the words j+1..k into one name?

    Yes when the whole is followed by its own acronym in parentheses ("UK Research and
    Innovation (UKRI)"), or when a single abstract noun follows a name of at least two
    words whose head is a generic institution word ("... Research and Innovation").
    """
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" and (
        _ACRONYM_RE.match(toks[k + 1].text)
        and acronym_matches(toks[k + 1].text, " ".join(t.text for t in toks[i:k]))
    ):
        return True
    word = toks[j + 1].lower
    return k == j + 2 and j - i >= 2 and toks[j - 1].lower in lex.suffix and (
        word.endswith(_ABSTRACT_ENDINGS) and word not in lex.suffix
    )


def _law_after_of(toks: list[Token], k: int, lex: Lexicon) -> int:
    """End of "of/for [the] Words ... Act" at token k, or 0: after "and", the words of a
    law's title run on to its head word ("... and Disposal of Public Assets Act"), where
    "and" between two bodies ("Acme and Bank of Ireland") does not."""
    if k >= len(toks) or toks[k].lower not in ("of", "for"):
        return 0
    m = k + 2 if k + 1 < len(toks) and toks[k + 1].lower == "the" else k + 1
    end = _run_end(toks, m, lex)
    return end if end > m and lex.suffix.get(toks[end - 1].lower) == "law" else 0


def _run_end(toks: list[Token], k: int, lex: Lexicon) -> int:
    """End of the plain run of name words starting at k (no connectors, no titles)."""
    while k < len(toks) and _is_name_word(toks[k], lex) and not _title_len(toks, k, lex):
        k += 1
    return k


def _inner_possessive(toks: list[Token], j: int, lex: Lexicon) -> int:
    """A possessive inside a name: "Professional Footballers’ Association", "Women's
    Tennis Association". Token j is the apostrophe; returns where the name continues, or 0.

    A plural possessive ("Footballers’") of a capitalised word, or "'s" after a common
    noun ("People's", "Women's"), stays in the name when the words after it end in an
    organisation or government head word; otherwise it is an ordinary possessive
    ("Kestrel's chief executive", "the EU's AI Office").
    """
    tok, prev = toks[j], toks[j - 1]
    if tok.start != prev.end or j + 1 >= len(toks):
        return 0
    plural = tok.text in ("’", "'") and prev.lower.endswith("s")
    common = tok.text in ("’s", "'s") and prev.lower in _COMMON_POSSESSORS
    if not (plural or common) or not _is_name_word(toks[j + 1], lex):
        return 0
    end = _run_end(toks, j + 1, lex)
    if lex.suffix.get(toks[end - 1].lower) in ("organisation", "government"):
        return j + 1
    return 0


def _spans(toks: list[Token], lex: Lexicon) -> list[tuple[str, int, int]]:
    """("title" | "cap", start, end) token spans of one sentence, in order."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(toks)
    title_max = lex.title_max
    while i < n:
        tok = toks[i]
        if not tok.cap and tok.lower not in title_max:
            i += 1  # most tokens: neither a title nor a name word (the checks below agree)
            continue
        length = _title_len(toks, i, lex) if tok.lower in title_max else 0
        if length == 1 and tok.text in lex.given and i + 1 < n and _is_name_word(
            toks[i + 1], lex
        ):
            length = 0  # "investor Dean Mercer": a given name, not the title "dean"
        if length:
            named = _title_led_name(toks, i, i + length, lex)
            if named:  # "Premier League", "Attorney General's Office"
                if out and out[-1][0] == "cap" and out[-1][2] == i:
                    i = out.pop()[1]
                out.append(("cap", i, named))
                i = named
                continue
            if len(out) >= 2 and out[-1][0] == "cap" and out[-2][0] == "title" and (
                out[-2][2] == out[-1][1] and out[-1][2] == i and _is_country(toks, out[-1], lex)
            ):  # "chief U.K. economist": the country qualifies the title
                out[-2:] = [("title", out[-2][1], i + length)]
            else:
                out.append(("title", i, i + length))
            i += length
        elif _is_name_word(toks[i], lex) or (
            i + 1 < n and toks[i + 1].text == "." and _initial_dot(toks, i + 1, lex)
        ):  # (an initial may be a word of the never list: "Justice A. W. Mutiso")
            j = _extend(toks, i, lex)
            if toks[i].lower in lex.descriptor and j - i >= 2:
                i += 1  # "Drugmaker Veltrax": the descriptor is not part of the name
            elif toks[i].lower in _COUNT_WORDS and j - i >= 2 and _sentence_initial(toks, i):
                i += 1  # "Five Ruritanian soldiers were killed": a count opens the sentence
            out.append(("cap", i, j))
            i = j
        else:
            i += 1
    return out


def _is_country(toks: list[Token], span: tuple[str, int, int], lex: Lexicon) -> bool:
    key = norm(" ".join(t.text for t in toks[span[1] : span[2]]))
    entry = lex.forms.get(key) or lex.demonyms.get(key)
    return entry is not None and entry.kind == "country"


def _title_led_name(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End of a name that starts with a title word, or 0.

    A capitalised title followed by capitalised words that end in an organisation or
    government head word is a name, not a title: "Premier League", "President's Council",
    "Attorney General's Office".
    """
    if not all(t.cap for t in toks[i:j]):
        return 0
    k = j
    if k < len(toks) and toks[k].text in _POSSESSIVE and toks[k].start == toks[k - 1].end:
        k += 1
    if k >= len(toks) or not _is_name_word(toks[k], lex):
        return 0
    end = _extend(toks, k, lex)
    head = _head_word(toks, k, end)
    if lex.suffix.get(head) in ("organisation", "government"):
        return end
    return 0


def _head_word(toks: list[Token], i: int, j: int) -> str:
    """The head noun of a name: the word before "of"/"for", else the last word."""
    for k in range(i + 1, j):
        if toks[k].lower in ("of", "for"):
            return toks[k - 1].lower
    return toks[j - 1].lower


def _sentence_initial(toks: list[Token], i: int) -> bool:
    """Is token i the first word of its sentence (only opening punctuation before it)?"""
    return all(toks[k].text in _OPEN_PUNCT for k in range(i))


def _is_headline(toks: list[Token]) -> bool:
    """Are most words capitalised? Counted with C-level ``map`` over the first characters:
    this looks at every token of the source."""
    firsts = list(map(_FIRST_CHAR, map(_TEXT, toks)))
    words = sum(map(str.isalpha, firsts))
    if words < 4:
        return False
    if sum(map(str.isupper, firsts)) / words < 0.7:
        return False  # (an upper-case symbol that is no letter only adds to this count)
    caps = sum(map(and_, map(str.isalpha, firsts), map(str.isupper, firsts)))
    return caps / words >= 0.7 and not _lowercase_content(toks)


def _lowercase_content(toks: list[Token]) -> bool:
    """Does a mostly capitalised line end like a sentence with a lower-case word that is no
    function word ("Lady Justice Jane Doe and Justice John Roe agreed.")? A headline in
    title case leaves only short function words in lower case, and has no final stop."""
    if toks[-1].text != ".":
        return False
    never = lexicon().never
    return any(t.text.isalpha() and t.text.islower() and t.lower not in never for t in toks)


def _text(doc: Document, toks: list[Token], i: int, j: int) -> str:
    return doc.text[toks[i].start : toks[j - 1].end]


# ------------------------------------------------------------------ classification


def _add(ctx: _Ctx, cand: _Cand) -> int:
    ctx.cands.append(cand)
    return len(ctx.cands) - 1


def _entry_cand(ctx: _Ctx, entry: Entry, text: str, start: int, end: int, sid: str) -> int:
    return _add(
        ctx,
        _Cand(text, start, end, sid, norm(text), len(text.split()), entry.type, _GAZ,
              key=entry.key, name=entry.name),
    )


def _head_type(toks: list[Token], i: int, j: int, lex: Lexicon) -> str | None:
    """Type from the head word: last word, or the word before "of"/"for"; or a prefix.

    An ambiguous governmental head ("Commission", "Council", "Agency") makes a government
    body only with a governmental modifier in the name ("National Weather Service",
    "Chilean Copper Commission", "Riverton City Council"); otherwise it is an
    organisation ("Player Welfare Commission", "Atlantic Council").
    """
    span = toks[i:j]
    head_word = None
    for k, tok in enumerate(span):
        if tok.lower in ("of", "for") and k > 0:
            head_word = span[k - 1].lower
            if head_word not in lex.suffix:
                # a law's title may hold "of" before its head ("... Disposal of Public
                # Assets Act"); any other unknown word before "of" says nothing
                return "law" if lex.suffix.get(span[-1].lower) == "law" else None
            break
    if head_word is None:
        prefixed = lex.prefix.get(span[0].lower) if j - i >= 2 else None
        if prefixed is not None and (prefixed != "place" or (
            j - i == 2 and span[-1].lower not in lex.suffix
        )):  # "Mount Lerapi" (not "Lake Victoria Health Research Council", "Upper House")
            return prefixed
        if j - i < 2 and span[0].text.isupper():
            return None
        head_word = span[-1].lower
    head = lex.suffix.get(head_word)
    if head == "government" and head_word in lex.ambiguous_gov and not _governmental(
        span, lex
    ):
        return "organisation"
    return head


def _governmental(span: list[Token], lex: Lexicon) -> bool:
    """Does a name carry a governmental modifier, a country or a demonym?"""
    for tok in span:
        word = tok.lower
        if word in lex.gov_modifiers or word in lex.demonyms:
            return True
        entry = lex.forms.get(norm(tok.text))
        if entry is not None and entry.kind in ("country", "place", "government"):
            return True
    return False


def _person_like(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Could these tokens be a person's name? (Not a gazetteer entry, no org head word.)"""
    if j - i > _PERSON_MAX_TOKENS and j - i - sum(t.text == "." for t in toks[i:j]) > (
        _PERSON_MAX_TOKENS
    ):  # (an initial's dot is no word: "Justice P. K. Wanjala")
        return False
    words = [t for t in toks[i:j] if t.lower not in _PARTICLES and t.text != "."]
    if not words or norm(" ".join(t.text for t in toks[i:j])) in lex.forms:
        return False
    if lex.suffix.get(words[-1].lower) or words[-1].lower in lex.alone or len(
        words[-1].text
    ) == 1:  # a name ends in a surname, not in a letter ("Vitamin D", "Plan B")
        return False
    first = words[0].lower
    if first in lex.gov_modifiers or first in lex.demonyms or first in _PLACE_PREFIXES:
        return False  # "American Red Cross", "National Weather Service", "Punta Alta"
    return all(w.cap and w.text.replace("-", "").replace("'", "").replace(
        "’", "").isalpha() and not (len(w.text) > 1 and w.text.isupper()) for w in words)


# Letters written after a person's full name: silk ("KC", "QC", "SC"), membership of a
# parliament ("MP", "MEP") and honours ("OBE"). They mark the name before them as a person
# and are not part of it, so "Jane Roe KC" and "Roe" are one actor.
_POST_NOMINALS = frozenset({"KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "MBE",
                            "CBE", "KBE", "DBE", "FRS", "PhD"})


def _classify(ctx: _Ctx, toks: list[Token], i: int, j: int, sid: str,
              headline: bool) -> int | None:
    """Turn one capitalised span into a candidate (or None when it is not an actor)."""
    lex, doc = ctx.lex, ctx.doc
    text = _text(doc, toks, i, j)
    key = norm(text)
    n = len(toks)
    nxt = toks[j] if j < n else None
    start, end = toks[i].start, toks[j - 1].end
    entry = lex.forms.get(key)
    if headline and entry is None and key not in ctx.known:
        return None
    if entry is not None:
        return _gazetteer_cand(ctx, entry, toks, i, j, sid)
    if j - i == 1 and "-" in text and _hyphenated_places(ctx, text, start, sid):
        return None
    last = toks[j - 1].text
    if len(last) == 1 and last.isalpha() and not _letter_name(ctx, toks, i, j):
        # A lone letter names an item of a series ("group B", "Section 12 C", "the letter
        # K"), and so does a word before it ("Plan B", "Vitamin D"): never an actor. What
        # comes before that label may still be one ("Acme Class B" is Acme).
        return _classify(ctx, toks, i, j - 2, sid, headline) if j - i > 2 else None
    if j - i >= 3 and last in _POST_NOMINALS and _person_like(toks, i, j - 1, lex):
        return _person(ctx, toks, (i, j - 1), sid)  # "Jane Roe KC": the honour is no name
    if _plural_demonym(key, lex):
        return None  # "Kenyans", "South Koreans": people of a country, not one actor
    demonym = lex.demonyms.get(key)
    if demonym is not None:
        if nxt is not None and nxt.lower in _GOV_WORDS:
            return _government_cand(ctx, demonym, toks, i, j + 1, sid)
        return None  # "Chinese exporters": an adjective, not a mention
    if j - i == 1 and "-" in key and all(part in lex.never for part in key.split("-")):
        return None  # "July-to-September", "Monday-Friday": a period, like its words
    if j - i == 1 and toks[i].text in ctx.terms:
        return None  # "earnings before interest and taxes (EBIT)": a term, not an actor
    compound = _compound(ctx, toks, i, j, sid)
    if compound is not None:
        return compound if compound >= 0 else None
    # A lone generic word ("AI", "Commission") is kept for now: grouping resolves it
    # against a full name in the source or drops it; it never becomes an actor by itself.
    if j - i == 1:
        word = toks[i].lower
        if _clause_initial(toks, i) and (word not in ctx.mid_caps or (
            word in ctx.lower_words and word not in ctx.lone_caps
        ) or _inner_plural(ctx, word)) and not (
            nxt is not None and (nxt.text in _POSSESSIVE or _title_len(toks, j, lex))
        ) and not _speaker(ctx, toks[i], nxt) and not _appositive_opener(ctx, toks, i):
            return None
    actor_type, strength = _type_of(ctx, toks, i, j)
    cand = _Cand(text, start, end, sid, key, j - i, actor_type, strength)
    appos = _apposition_type(toks, j)
    if appos is not None:
        cand.votes.append((appos, _APPOS))
    _acronym_in_parentheses(toks, j, cand)
    _known_as(ctx, toks, j, cand)
    return _add(ctx, cand)


def _hyphenated_places(ctx: _Ctx, text: str, start: int, sid: str) -> bool:
    """"the Ruritania-Moldova border", "India-Pakistan talks": a hyphenated pair of known
    places modifies a noun and names each place, not a body of its own. Adds a mention of
    each and says whether it did."""
    parts = text.split("-")
    entries = [ctx.lex.forms.get(norm(part)) for part in parts]
    if len(parts) < 2 or any(e is None or e.kind not in ("country", "place") for e in entries):
        return False
    at = start
    for part, entry in zip(parts, entries, strict=True):
        _entry_cand(ctx, entry, part, at, at + len(part), sid)
        at += len(part) + 1
    return True


def _inner_plural(ctx: _Ctx, word: str) -> bool:
    """Is a plural opener ("Growers welcomed ...", "Dockworkers walked out") capitalised
    mid-sentence only inside names, never first or last ("Kiyonga Growers' Cooperative
    Union")? Then it is the common noun. A word that starts or ends a name ("Rovers" of
    "Harwick Rovers", "Acme" of "Acme Holdings") may stand for that name."""
    return word.endswith("s") and not word.endswith("ss") and (
        word not in ctx.lone_caps and word not in ctx.edge_caps)


def _plural_demonym(key: str, lex: Lexicon) -> bool:
    """"Kenyans", "Filipinos", "Britons": the plural of a demonym names a people."""
    if not key.endswith("s"):
        return False
    return key[:-1] in lex.demonyms or (key.endswith("es") and key[:-2] in lex.demonyms)


def _clause_initial(toks: list[Token], i: int) -> bool:
    """Is token i capitalised because of where it stands rather than what it is?

    True at the start of the sentence, after an opening quotation mark or colon
    ('... bluntly: "Is this the last increase?"') and after a dotted abbreviation that
    ended the previous sentence ("... jobs data from the U.S. Yields on gilts rose").
    """
    if i == 0:
        return True
    prev = toks[i - 1].text
    if prev in _CLAUSE_OPENERS:
        return True
    if prev in _OPEN_PUNCT:
        return _sentence_initial(toks, i)
    return len(prev) > 2 and prev.endswith(".") and prev.isupper()


def _appositive_opener(ctx: _Ctx, toks: list[Token], i: int) -> bool:
    """"Codelco, the state-owned miner, said": a lone opener followed by an apposition or
    a relative clause is a name (ordinary openers take no apposition: "However, the")."""
    if i + 2 >= len(toks) or toks[i + 1].text != ",":
        return False
    word = toks[i].lower
    return toks[i + 2].lower in ("the", "a", "an", "which", "who") and (
        word not in ctx.lower_words and not word.endswith("ly")
    )


def _known_as(ctx: _Ctx, toks: list[Token], j: int, cand: _Cand) -> None:
    """"the Chilean Copper Commission, known as Cochilco": the other name is an alias."""
    k = j
    if k < len(toks) and toks[k].text in (",", "(", "—", "–"):
        k += 1
    if k < len(toks) and toks[k].lower in ("also", "commonly", "widely", "better"):
        k += 1
    if k + 2 < len(toks) and toks[k].lower == "known" and toks[k + 1].lower == "as":
        end = k + 2
        while end < len(toks) and toks[end].cap and _is_name_word(toks[end], ctx.lex):
            end += 1
        if end > k + 2:
            cand.aliases.append(_text(ctx.doc, toks, k + 2, end))


def _speaker(ctx: _Ctx, tok: Token, nxt: Token | None) -> bool:
    """A lone capitalised opener that speaks ("Raman said") is a name, unless the source
    also uses the word in lower case or it looks like a plural noun ("Researchers said")."""
    word = tok.lower
    return (
        nxt is not None
        and nxt.lower in _SAYS
        and (word not in ctx.lower_words or word in ctx.lex.parties)  # "Labour said"
        and not (word.endswith("s") and not word.endswith("ss"))
    )


def _gazetteer_cand(ctx: _Ctx, entry: Entry, toks: list[Token], i: int, j: int,
                    sid: str) -> int | None:
    lex = ctx.lex
    nxt = toks[j] if j < len(toks) else None
    if entry.kind == "country" and nxt is not None and nxt.lower in _GOV_WORDS:
        return _government_cand(ctx, entry, toks, i, j + 1, sid)
    if entry.kind == "place" and entry.metonym and nxt is not None and (
        nxt.lower in _ACTING or nxt.text in _POSSESSIVE
    ):
        target = lex.entries.get(entry.metonym)
        if target is not None:
            if target.kind == "country":
                target = lex.government_of(target)
            return _entry_cand(ctx, target, _text(ctx.doc, toks, i, j), toks[i].start,
                               toks[j - 1].end, sid)
    return _entry_cand(ctx, entry, _text(ctx.doc, toks, i, j), toks[i].start,
                       toks[j - 1].end, sid)


def _government_cand(ctx: _Ctx, country: Entry, toks: list[Token], i: int, j: int,
                     sid: str) -> int:
    gov = ctx.lex.government_of(country)
    idx = _entry_cand(ctx, gov, _text(ctx.doc, toks, i, j), toks[i].start, toks[j - 1].end,
                      sid)
    ctx.last_gov[toks[j - 1].lower] = idx
    return idx


def _compound(ctx: _Ctx, toks: list[Token], i: int, j: int, sid: str) -> int | None:
    """A name that starts with a known actor: "EU AI Office", "U.S. Treasury".

    Returns the candidate index, -1 when the span was fully handled without a candidate,
    or None when the span does not start with a known actor.
    """
    lex = ctx.lex
    for length in range(min(lex.max_form_words, j - i - 1), 0, -1):
        prefix = norm(_text(ctx.doc, toks, i, i + length))
        entry = lex.forms.get(prefix) or lex.demonyms.get(prefix)
        if entry is None or entry.kind == "media":
            continue
        head = _head_type(toks, i + length, j, lex)
        if head in ("government", "organisation", "law", "programme", "media"):
            text = _text(ctx.doc, toks, i, j)
            rest = _text(ctx.doc, toks, i + length, j)
            actor_type = head
            if head == "organisation" and entry.kind == "country" and lex.suffix.get(
                toks[j - 1].lower
            ) == "government":
                actor_type = "government"
            cand = _Cand(text, toks[i].start, toks[j - 1].end, sid, norm(text), j - i,
                         actor_type, _GAZ, key=slugify(text), name=text, aliases=[rest])
            appos = _apposition_type(toks, j)
            if appos is not None:
                cand.votes.append((appos, _APPOS))
            return _add(ctx, cand)
        if prefix not in lex.forms:
            return None  # a demonym starts the name: "French Guiana", "American Express"
        if length == 1 and toks[i].text in lex.given and j - i == 2:
            return None  # "Jordan Peterson", "Chad Smith": a given name, not the country
        if entry.kind == "country" and _country_led_name(ctx, toks, i + length, j):
            text = _text(ctx.doc, toks, i, j)
            rest = _text(ctx.doc, toks, i + length, j)
            cand = _Cand(text, toks[i].start, toks[j - 1].end, sid, norm(text), j - i,
                         "organisation", _HEAD, key=slugify(text), name=text, aliases=[rest])
            return _add(ctx, cand)
        whole = _one_word_body(ctx, entry, toks, i + length, j)
        if whole is not None:  # "Kenya Power", "NHS England"
            text = _text(ctx.doc, toks, i, j)
            cand = _Cand(text, toks[i].start, toks[j - 1].end, sid, norm(text), j - i,
                         whole, _HEAD, key=slugify(text), name=text)
            return _add(ctx, cand)
        # Not one name: the known actor, then whatever follows it.
        _gazetteer_cand(ctx, entry, toks, i, i + length, sid)
        rest_idx = _classify(ctx, toks, i + length, j, sid, headline=False)
        return rest_idx if rest_idx is not None else -1
    return None


def _one_word_body(ctx: _Ctx, entry: Entry, toks: list[Token], k: int, j: int) -> str | None:
    """Type of a body named by a known actor and one more capitalised word, or None.

    A country and a word that is no name of its own ("Kenya Power", "Qatar Airways"
    aside, which the head word types) is a national company; an institution and a
    country or place ("NHS England", "BBC Scotland") is its branch there.
    """
    if j - k != 1:
        return None
    tok = toks[k]
    key = norm(tok.text)
    other = ctx.lex.forms.get(key)
    if entry.kind == "institution" and entry.type in ("government", "organisation", "media"):
        if other is not None and other.kind in ("country", "place"):
            return entry.type
        return None
    if entry.kind != "country" or other is not None or key in ctx.lex.demonyms:
        return None
    if tok.text in ctx.lex.given or not tok.text.isalpha() or tok.text.isupper() or (
        tok.lower in ctx.lex.alone or _title_len(toks, k, ctx.lex)
        or ctx.lex.suffix.get(tok.lower) == "government"  # "U.S. Treasury" stays split
    ):
        return None
    return "organisation"


def _country_led_name(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Is a country followed by these words one name ("UK Maritime Trade Operations",
    "UK Research and Innovation") rather than the country and another actor?

    Two or more capitalised words after the country, none a known actor or a person's
    name, read as one body; a single word ("China Mobile" aside) or a known actor
    ("U.S. Federal Reserve" is handled as a compound) is split off as before.
    """
    if j - i < 2 or norm(_text(ctx.doc, toks, i, j)) in ctx.lex.forms:
        return False
    if toks[i].text in ctx.lex.given or _person_like(toks, i, j, ctx.lex) and (
        toks[j - 1].lower not in ctx.lex.suffix
    ) and not _abstract_run(toks, i, j):
        return False
    return not any(t.version for t in toks[i:j])


def _abstract_run(toks: list[Token], i: int, j: int) -> bool:
    """Words that do not look like a person's name: an abstract noun or a plural."""
    return any(t.lower.endswith(_ABSTRACT_ENDINGS) or (
        t.lower.endswith("s") and not t.lower.endswith("ss")) for t in toks[i:j])


def _type_of(ctx: _Ctx, toks: list[Token], i: int, j: int) -> tuple[str, int]:
    """Type and strength of an unknown name from its own words and its neighbours."""
    lex = ctx.lex
    n = len(toks)
    head = _head_type(toks, i, j, lex)
    if head:
        return head, _HEAD
    prev = toks[i - 1].lower if i > 0 else ""
    prev2 = toks[i - 2].lower if i > 1 else ""
    nxt = toks[j].lower if j < n else ""
    if any(has_digit(t.text) for t in toks[i:j]):
        return ("ai_model" if ctx.ai_doc else "other"), _HEAD
    if nxt in lex.after:
        return lex.after[nxt], _HEAD
    if prev in ("model", "models", "chatbot") or (
        prev == "," and prev2 in ("model", "chatbot")  # "its own model, Beacon, which"
    ):
        return "ai_model", _HEAD
    if prev.rstrip(".") in _HONORIFICS:
        return "person", _HEAD
    if prev == "the" and i > 1:  # "told the Riverton Echo"
        prev, prev2 = prev2, toks[i - 3].lower if i > 2 else ""
    if prev in _MEDIA_BEFORE or prev in _MEDIA_NOUNS or (prev == "to" and prev2 in _SPEAK) or (
        prev == "by" and prev2 == "reported"
    ) or (prev == "with" and prev2 == "interview") or (
        nxt in _MEDIA_AFTER and not _results_after(toks, j + 1)
    ):
        return "media", _CUE
    cue = _context_cue(ctx, toks, i, j)
    if cue is not None:
        return cue, _CUE
    located = _locative(ctx, toks, i, j)
    if located is not None:
        return "place", located
    if _listed_with_place(ctx, toks, i, j):
        return "place", _DEFAULT  # "at Lower Haddon, Brookside and Upper Fenwick"
    if j - i >= 2 and _person_like(toks, i, j, lex):
        if _org_shaped(ctx, toks, i, j):
            return "organisation", _CUE
        strength = _CUE if toks[i].text in lex.given else _DEFAULT
        return "person", strength
    return "organisation", _DEFAULT


# What a company reports ("X reported profits", "reported record pre-tax losses"), where an
# outlet reports news: after "reported", these make X the company, not a medium.
_RESULTS = frozenset({"profit", "profits", "loss", "losses", "revenue", "revenues", "sales",
                      "earnings", "turnover", "income", "margins", "dividends"})
_RESULT_MODIFIERS = frozenset({"record", "higher", "lower", "net", "pre-tax", "pretax",
                               "operating", "quarterly", "annual", "half-year", "full-year",
                               "first-half", "strong", "weak", "weaker", "stronger"})


def _results_after(toks: list[Token], k: int) -> bool:
    """Do the words from k name a company's results ("profits", "record losses")?"""
    while k < len(toks) and toks[k].lower in _RESULT_MODIFIERS:
        k += 1
    return k < len(toks) and toks[k].lower in _RESULTS


def _list_start(toks: list[Token], i: int) -> int:
    """Index of the word before a list of names that ends with the name at i ("of" in
    "the regions of Tavera, Kolmin and Oskel"), or the word right before i."""
    k = i - 1
    for _ in range(4):  # a few names at most; a longer run is no list of places
        if k < 1 or toks[k].lower not in (",", "and", "or") or not toks[k - 1].cap:
            break
        k -= 1
        while k >= 1 and toks[k - 1].cap:
            k -= 1
        k -= 1
    return k


def _locative(ctx: _Ctx, toks: list[Token], i: int, j: int) -> int | None:
    """Strength of the evidence that an unknown name is a place from the words in front of
    it ("the port of Sandvik", "the regions of Tavera and Kolmin", "near Ekeby": a cue;
    "flooding in Lower Varden": the weakest evidence), or None."""
    n = len(toks)
    if j < n and toks[j].text in _POSSESSIVE:
        return None  # "near Acme's plant": the owner of what is located
    k = _list_start(toks, i)
    if k < 0:
        return None
    prev, lex = toks[k].lower, ctx.lex
    if prev == "of":
        return _CUE if k >= 1 and toks[k - 1].text in lex.place_before_of else None
    if prev in lex.place_prepositions:
        return _CUE
    if prev != "in" or toks[i].text in lex.given or (
        k >= 1 and toks[k - 1].lower in lex.not_before_in
    ):
        return None
    nxt = toks[j] if j < n else None
    if nxt is not None and nxt.text.isalpha() and nxt.text.islower() and (
        nxt.lower not in lex.never
    ):
        return None  # "in Nasdaq trading": the name modifies a noun
    return _DEFAULT


def _listed_with_place(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Is an unknown name listed ("X, Y and Z") right beside a name that its own words
    make a place ("Lower Haddon", "Halsey County", a gazetteer place)? Lists join like
    with like."""
    lex = ctx.lex
    if toks[i].text in lex.given:
        return False  # a person listed beside a place is still a person
    if i >= 2 and toks[i - 1].text in (",", "and", "or") and toks[i - 2].cap:
        k = i - 2
        while k > 0 and toks[k - 1].cap:
            k -= 1
        if _place_by_name(ctx, toks, k, i - 1):
            return True
    if j + 1 < len(toks) and toks[j].text in (",", "and", "or") and toks[j + 1].cap:
        end = _run_end(toks, j + 1, lex)
        return end > j + 1 and _place_by_name(ctx, toks, j + 1, end)
    return False


def _place_by_name(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Do the words of a name alone make it a place (gazetteer, head word or prefix)?"""
    entry = ctx.lex.forms.get(norm(_text(ctx.doc, toks, i, j)))
    if entry is not None:
        return entry.kind in ("place", "country")
    return _head_type(toks, i, j, ctx.lex) == "place"


def _org_shaped(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Two or three capitalised words without a known given name that read as a company or
    product rather than a person: the last word is a country or place ("Bluewing
    Australia", "Lumen Kenya"), a word the source also writes in lower case ("Sensor
    Tower", "Harbor Freight"), or the first word stands alone elsewhere in the source
    while the last does not ("Querion said" after "Querion Shopping"; a person is
    shortened to the surname)."""
    first, last = toks[i], toks[j - 1]
    if first.text in ctx.lex.given or hyphenated_given_name(last.text):
        return False
    entry = ctx.lex.forms.get(norm(last.text))
    if entry is not None and entry.kind in ("country", "place"):
        return True
    if last.lower in ctx.lower_words:
        return True
    return first.lower in ctx.lone_caps and last.lower not in ctx.lone_caps


def _context_cue(ctx: _Ctx, toks: list[Token], i: int, j: int) -> str | None:
    """Type from the words around an unknown name, when they say more than its shape.

    People are not written with "the" in front, are not "firm X" or "a gang calling
    itself X", and take "who" rather than "which"; "X, Ohio" is a place.
    """
    n = len(toks)
    prev = toks[i - 1].lower if i > 0 else ""
    prev2 = toks[i - 2].lower if i > 1 else ""
    nxt = toks[j].lower if j < n else ""
    after = toks[j + 1] if j + 1 < n else None
    if nxt in _POSSESSIVE and any(t.lower in _OWNED for t in toks[j + 1 : min(n, j + 5)]):
        return "organisation"
    if nxt == "," and after is not None:
        if after.lower == "which":
            return "organisation"
        if (after.lower == "who" and prev not in ("in", "near")) or _age_apposition(toks, j + 1):
            return "person"  # ("an officer in Kandoro, who ...": "who" is the officer)
        entry = ctx.lex.forms.get(norm(after.text))
        if entry is not None and entry.kind in ("country", "place"):
            return "place"  # "Kalamazoo, Michigan"
    if prev in _ORG_BEFORE or prev in ctx.lex.descriptor or prev == "itself" or (
        prev in ("called", "named", ",") and prev2 in _ORG_BEFORE
    ):
        return "organisation"
    if prev == "the" and not toks[i].text.isupper():
        return "organisation"
    if prev == "at" and prev2 in _STAFF:  # "analysts at Panmure Liberum"
        return "organisation"
    return None


def _age_apposition(toks: list[Token], k: int) -> bool:
    """ "Name, 58, was ...": a bare number set off by commas after a name is an age, which
    only people are given in news copy (a year or a count has more digits or a noun)."""
    age = toks[k].text
    return age.isdigit() and len(age) <= 3 and 0 < int(age) < 120 and k + 1 < len(toks) and (
        toks[k + 1].text == ",")


def _apposition_type(toks: list[Token], j: int) -> str | None:
    """Type said by an apposition right after a name (", a/the/X's ... NOUN that"), if any.

    The head is the last word before the apposition ends; "Jane Doe, the company's chief
    executive" ends in "executive" and says nothing.
    """
    k = j
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        k += 3  # "UK Research Integrity Office (UKRIO), an advisory charity"
    if k + 1 >= len(toks) or toks[k].text != ",":
        return None
    end = k + 1
    while end < len(toks) and end - k <= 7 and toks[end].lower not in _APPOS_STOP and not (
        end > k + 2 and toks[end].text.islower() and toks[end].text.endswith("ed")
    ):  # "a charity based in Geneva": a participle ends the noun phrase
        end += 1
    if end == k + 1 or end >= len(toks) or end - k > 7:
        return None
    head = toks[end - 1].lower
    if head in _APPOS_GOV:
        return "government"
    return "organisation" if head in _APPOS_ORG else None


def _initials_fit(acronym: str, name: str) -> bool:
    """Is a parenthesised acronym made from the name's words? Its letters follow, in
    order, the initials of the name's words ("U.S." gives two; "of", "the" may be left
    out or kept, a word may be skipped: "USTR" for "Office of the U.S. Trade
    Representative", "ITF" for "International Transport Workers' Federation"), starting
    and ending on a word's initial."""
    if acronym_matches(acronym, name):
        return True
    initials = "".join(w[0] for part in name.replace(".", ". ").split()
                       for w in [part.strip(".,’'")] if w and w[0].isalpha()).upper()
    letters = acronym.replace("&", "").upper()
    if not letters or not initials or letters[-1] != initials[-1]:
        return False
    pos = 0
    for letter in letters:
        pos = initials.find(letter, pos) + 1
        if pos == 0:
            return False
    return True


# Words an acronym of a phrase may leave out ("return on equity (ROE)").
_TERM_GLUE = frozenset({"and", "of", "on", "the", "for", "in", "to", "a", "per"})


def _defined_terms(text: str) -> frozenset[str]:
    """Acronyms the source defines for a lower-case phrase: "earnings before interest and
    taxes (EBIT)", "gross domestic product (GDP)". A name is written with capitals, so an
    acronym of a common-noun phrase is a term of the trade, never an actor."""
    found = set()
    for m in _PAREN_ACRONYM_RE.finditer(text):
        acronym = m.group(1)
        if acronym not in found and _term_acronym(
            text[max(0, m.start() - 90) : m.start()].split(), acronym
        ):
            found.add(acronym)
    return frozenset(found)


_PAREN_ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]{1,5})\)")


def _term_acronym(words: list[str], acronym: str) -> bool:
    """Do the initials of the lower-case words before "(" spell ``acronym``?"""
    letters = acronym.lower()
    pos, m = len(letters) - 1, len(words) - 1
    while pos >= 0 and m >= 0:
        word = words[m]
        if not (word.isalpha() and word.islower()):
            return False
        if word[0] == letters[pos]:
            pos -= 1
        elif word not in _TERM_GLUE:
            return False
        m -= 1
    return pos < 0


def _acronym_in_parentheses(toks: list[Token], j: int, cand: _Cand) -> None:
    """"General Data Protection Regulation (GDPR)": the acronym is an alias."""
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        acronym = toks[j + 1].text
        if len(acronym) >= 2 and sum(ch.isupper() for ch in acronym) >= 2 and (
            _initials_fit(acronym, cand.text) or acronym_matches(acronym, cand.name or "") or (
                acronym.isalpha() and cand.ntok >= 2  # "(CNE)": an acronym in another language
            )
        ):  # "(ODPC)" after "Office of the Data Protection Commissioner"; not "(R-Texas)"
            cand.aliases.append(acronym)


# ------------------------------------------------------------------ roles


def _org_from_modifier(ctx: _Ctx, toks: list[Token], a: tuple[int, int], title: str,
                       kind: str, sid: str) -> tuple[str, int | None]:
    """Title and organisation served from the words in front of a title.

    "U.S. Treasury" + "Secretary" -> ("Treasury Secretary", U.S. government);
    "Acme" + "CEO" -> ("CEO", Acme); "Treasury" + "Secretary" -> ("Treasury Secretary", None).
    """
    lex = ctx.lex
    i, j = a
    for length in range(min(lex.max_form_words, j - i), 0, -1):
        prefix = norm(_text(ctx.doc, toks, i, i + length))
        country = lex.forms.get(prefix) or lex.demonyms.get(prefix)
        if country is not None and kind != "government" and _one_word_body(
            ctx, country, toks, i + length, j
        ):
            return title, _classify(ctx, toks, i, j, sid, headline=False)  # "Kenya Power"
        if country is not None and country.kind == "country":
            extra = _text(ctx.doc, toks, i + length, j) if i + length < j else ""
            full = f"{extra} {title}".strip()
            if not extra and j < len(toks) and toks[j].text in _POSSESSIVE and (
                prefix in lex.forms
            ):  # "Oman's Foreign Minister": the text names the country itself
                return full, _entry_cand(ctx, country, _text(ctx.doc, toks, i, j),
                                         toks[i].start, toks[j - 1].end, sid)
            idx = _government_cand(ctx, country, toks, i, i + length, sid)
            return full, idx
        if country is not None and country.kind == "institution" and i + length < j and (
            country.type in ("government", "organisation")
        ):  # "EU Trade Commissioner": the commissioner serves the EU
            extra = _text(ctx.doc, toks, i + length, j)
            idx = _entry_cand(ctx, country, _text(ctx.doc, toks, i, i + length),
                              toks[i].start, toks[i + length - 1].end, sid)
            return f"{extra} {title}", idx
    whole = lex.forms.get(norm(_text(ctx.doc, toks, i, j)))
    head = _head_type(toks, i, j, lex)
    if j - i == 1 and whole is None and toks[i].lower in lex.suffix and kind == "government" and (
        not toks[i].text.isupper()
    ):
        return f"{toks[i].text} {title}", None  # "Health Minister": one title
    acronym = j - i == 1 and _ACRONYM_RE.match(toks[i].text) is not None
    if whole is not None or head or kind != "government" or acronym:
        idx = _classify(ctx, toks, i, j, sid, headline=False)
        if idx is not None and ctx.cands[idx].strength < _HEAD and not _person_owner(
            ctx, toks, i, j
        ):
            ctx.cands[idx].votes.append(("organisation", _CUE))
        if head == "place" and j - i >= 2 and title:
            title = f"{toks[j - 1].text} {title}"  # "Harris County Judge": a county judge
        return title, idx
    return f"{_text(ctx.doc, toks, i, j)} {title}", None


def _person_owner(ctx: _Ctx, toks: list[Token], i: int, j: int) -> bool:
    """Is the owner in "X's lawyer, Y" a person by the source's own evidence?

    A person has lawyers, spokespeople and advisers too, so the possessive alone is no
    evidence of an organisation: "Mary Okoro's lawyer" (a given name first) or "Okoro's
    lawyer" beside a person-shaped "Gareth Okoro" elsewhere in the source stays a person.
    """
    if j >= len(toks) or toks[j].text not in _POSSESSIVE:
        return False
    if j - i >= 2:
        return toks[i].text in ctx.lex.given and _person_like(toks, i, j, ctx.lex)
    word = " " + toks[i].text
    return any(c.ntok >= 2 and c.type == "person" and c.text.endswith(word) for c in ctx.cands)


def _person(ctx: _Ctx, toks: list[Token], p: tuple[int, int], sid: str) -> int | None:
    i, j = p
    if j - i >= 3 and toks[j - 1].text in _POST_NOMINALS:
        j -= 1  # "prosecutor Jane Roe KC": the person is Jane Roe
    if not _person_like(toks, i, j, ctx.lex):
        return None
    text = _text(ctx.doc, toks, i, j)
    return _add(ctx, _Cand(text, toks[i].start, toks[j - 1].end, sid, norm(text), j - i,
                           "person", _HEAD))


def _qualifier(ctx: _Ctx, toks: list[Token], k: int) -> str | None:
    """"on technological sovereignty" after the organisation of an apposition."""
    if k >= len(toks) or toks[k].lower not in _QUALIFIER_PREPS:
        return None
    end = k + 1
    while end < len(toks) and end - k <= 8 and toks[end].text not in _QUALIFIER_STOP:
        end += 1
    if end == k + 1:
        return None
    return _text(ctx.doc, toks, k, end)


def _scan_roles_and_names(ctx: _Ctx, toks: list[Token], sid: str, headline: bool) -> None:
    """Classify the capitalised spans of a sentence and read the roles around titles."""
    spans = _spans(toks, ctx.lex)
    used: set[int] = set()  # span positions already consumed by a role pattern
    titled: dict[int, int] = {}  # span position -> person candidate of "[Title] [Person]"
    for pos, (kind, i, j) in enumerate(spans):
        if kind != "title" or headline:
            continue
        title = _text(ctx.doc, toks, i, j)
        tkind = _title_kind(ctx.lex, toks, i, j)
        before = spans[pos - 1] if pos > 0 else None
        after = spans[pos + 1] if pos + 1 < len(spans) else None
        # "[Org] [Title] [Person]" / "[Org]'s [Title] [Person]" / "[Title] [Person]"
        if after and after[0] == "cap" and after[1] == j:
            org_span = None
            lead = _lowercase_lead(toks, before, i)  # "EPA regional administrator"
            weak = lead is not None and _weak_modifier(ctx, toks, before)
            if lead is not None and not weak:
                org_span = (before[1], before[2])
            person = _person(ctx, toks, (after[1], after[2]), sid)
            if person is None:
                continue
            org = None
            full_title = title if lead is None or lead == i else _text(ctx.doc, toks, lead, j)
            if weak and lead == i and _portfolio_opener(ctx, toks, before, tkind):
                full_title = f"{toks[before[1]].text} {title}"  # "Transport Minister X said"
                used.add(pos - 1)
            anaphor = None
            if org_span is not None:
                full_title, org = _org_from_modifier(ctx, toks, org_span, full_title, tkind,
                                                     sid)
                used.add(pos - 1)
                if org is None and pos >= 2:  # "Kenya's Health Minister": the owner serves
                    org = _possessive_owner(ctx, toks, spans, pos - 1, sid, used)
            elif i > 0 and toks[i - 1].lower in ("its", "whose", "their"):
                anaphor = ("", None)  # "The Ministry, through its spokesperson Reza Ghaffari"
            else:  # "Seismologist Hendra Gunawan of Gadjah Raya University"
                org = _org_after(ctx, toks, spans, pos + 1, sid, used)
            used.add(pos + 1)
            titled[pos + 1] = person
            ctx.roles.append(_RoleCand(person, full_title, org, sid, toks[i].start,
                                       toks[j - 1].end, anaphor=anaphor))
            continue
        # "[Org]'s [title], [Person]" / "Its [title], [Person]" / "[Title], [Person] of [Org]"
        if _title_then_person(ctx, toks, spans, pos, sid, used):
            continue
        # "Person, a title for/of/at [the] Org [on qualifier]" (also after a title:
        # "Professor Alastair Penrose, director of the university's Centre ...")
        if before and before[0] == "cap":
            _apposition(ctx, toks, spans, pos, sid, used)
    if not headline:
        _who_heads(ctx, toks, spans, sid, used, titled)
    last: tuple[int, int] | None = None  # (token end, candidate index) of the previous name
    for pos, (kind, i, j) in enumerate(spans):
        if kind != "cap" or pos in used:
            continue
        owner = last[1] if last and i >= 2 and last[0] == i - 1 else None
        if owner is not None and toks[i - 1].text in _POSSESSIVE:
            idx = _owned_body(ctx, toks, i, j, sid, owner)
        elif _and_pair(ctx, toks, spans, pos):
            j = spans[pos + 1][2]  # "Procter and Gamble agreed": one company
            used.add(pos + 1)
            idx = _classify(ctx, toks, i, j, sid, headline)
        else:
            idx = _classify(ctx, toks, i, j, sid, headline)
        if idx is not None:
            _acronym_in_parentheses(toks, j, ctx.cands[idx])
            _known_as(ctx, toks, j, ctx.cands[idx])
        last = (j, idx) if idx is not None else None


def _opening_pairs(ctx: _Ctx, tokenised: list[tuple[Sentence, list[Token]]]) -> frozenset[str]:
    """"X and Y" pairs that open a sentence as one company ("Procter and Gamble agreed"), so
    that the same pair elsewhere ("backed by Procter and Gamble") is one name too."""
    pairs = set()
    for _, toks in tokenised:
        if len(toks) > 3 and toks[1].lower == "and" and toks[0].cap and toks[2].cap and (
            not toks[3].cap and _pair_word(ctx, toks[0], set())
            and _pair_word(ctx, toks[2], set())
        ):
            pairs.add(f"{toks[0].lower} and {toks[2].lower}")
    return frozenset(pairs)


def _pair_word(ctx: _Ctx, tok: Token, seen: set[str]) -> bool:
    """Could this word be one half of an "X and Y" company name: an unknown capitalised
    word, no given name, generic word or word the source writes in lower case, and no word
    of an actor named earlier ("Smith and Jones said" after "John Smith")?"""
    low = tok.lower
    lex = ctx.lex
    return tok.text.isalpha() and not tok.text.isupper() and not (
        low in lex.forms or tok.text in lex.given or low in lex.alone or low in lex.suffix
        or low in ctx.lower_words or low in seen)


def _and_pair(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]],
              pos: int) -> bool:
    """"Marks and Spencer reported profits", "Procter and Gamble agreed": a sentence that
    opens with two unknown one-word names joined by "and" opens with one company's name.
    Alone, the opening word would be dropped as a capitalised opener and the second left as
    an actor of its own ("Gamble"), which no reading of the sentence supports. Elsewhere,
    "X and Y" is one name only once the source has used it as one (a headline's list)."""
    if pos + 1 >= len(spans) or spans[pos + 1][0] != "cap":
        return False
    _, i, j = spans[pos]
    _, i2, j2 = spans[pos + 1]
    if j - i != 1 or i2 != j + 1 or j2 != i2 + 1 or toks[j].lower != "and":
        return False
    if i != 0:
        return norm(_text(ctx.doc, toks, i, j2)) in ctx.pairs
    seen = {w for cand in ctx.cands if cand.type == "person" for w in cand.norm.split()}
    return _pair_word(ctx, toks[0], seen) and _pair_word(ctx, toks[2], seen)


# Lower-case words that may stand between an organisation and a title ("EPA regional
# administrator", "Acme senior vice president") without breaking the pattern.
_TITLE_MODIFIERS = frozenset({"regional", "senior", "deputy", "chief", "executive",
                              "associate", "acting", "interim", "assistant", "general",
                              "managing", "lead", "principal", "local", "national", "state",
                              "federal", "district", "former", "outgoing", "incoming", "new",
                              "top", "joint", "co"})


def _lowercase_lead(toks: list[Token], before: tuple[str, int, int] | None,
                    i: int) -> int | None:
    """Start of the title when the span ``before`` names the organisation in front of the
    title at i: directly, through a possessive ("Acme's CEO"), or through a few lower-case
    modifiers ("EPA regional administrator"). None when ``before`` is not in front."""
    if before is None or before[0] != "cap":
        return None
    end = before[2]
    if end == i:
        return i
    if end + 1 == i and toks[end].text in _POSSESSIVE:
        return i
    k = end
    while k < i and k - end < 2 and toks[k].lower in _TITLE_MODIFIERS:
        k += 1
    return end if k == i else None


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "another", "a", "an"})


def _weak_modifier(ctx: _Ctx, toks: list[Token], span: tuple[str, int, int] | None) -> bool:
    """A lone sentence opener in front of a title ("One analyst, ...", "Another spokesman")
    names no organisation."""
    if span is None or span[2] - span[1] != 1:
        return False
    tok = toks[span[1]]
    if not _clause_initial(toks, span[1]) or (len(tok.text) > 1 and tok.text.isupper()):
        return False  # an acronym is capitalised wherever it stands ("ASI president")
    if tok.lower in ctx.lex.forms or tok.lower in ctx.lex.demonyms or (
        span[2] < len(toks) and toks[span[2]].text in _POSSESSIVE
    ):  # "Hungary's foreign minister", "French Foreign Minister X": a known name, a demonym
        return False  # or an owner
    return tok.lower in _NUMBER_WORDS or tok.lower not in ctx.mid_caps and not _name_shaped(
        ctx, tok.lower)


# Endings of the adjectives that open a sentence before a title ("Independent analyst X",
# "Veteran economist", "Leading lawyer", "Senior", "Former", "Local"...).
_ADJECTIVE_ENDINGS = ("ent", "ant", "ive", "al", "ous", "ful", "ic", "ed", "ing", "ior", "er",
                      "an", "ary", "ish", "est", "ile", "ble", "less", "ist", "eran")


def _name_shaped(ctx: _Ctx, word: str) -> bool:
    """Is a one-word sentence opener before a title ("Swedbank economist X", "Jefferies
    analyst Y") more likely the employer's name than an adjective? The source never writes
    it in lower case, no list knows it as a common word, and it has no adjective's ending."""
    lex = ctx.lex
    return len(word) > 3 and word.isalpha() and word not in ctx.lower_words and (
        word not in lex.never and word not in lex.alone and word not in lex.descriptor
        and word not in lex.given and word not in _BUSINESS_FUNCTIONS
        and not word.endswith(_ADJECTIVE_ENDINGS))


def _portfolio_opener(ctx: _Ctx, toks: list[Token], span: tuple[str, int, int],
                      tkind: str) -> bool:
    """"Transport Minister Daniel Okwu said": one word opening the sentence in front of a
    government title names its portfolio, as it does mid-sentence ("said Transport
    Minister X"), not an organisation; "One minister", "Another secretary" do not. A
    department of a firm does so before any title ("Finance chief X")."""
    word = toks[span[1]].lower
    if span[2] - span[1] == 1 and word in _BUSINESS_FUNCTIONS:
        return True  # "Finance chief Jane Roe", "Marketing director ...": a department
    return tkind == "government" and span[2] - span[1] == 1 and word.isalpha() and (
        word not in _NUMBER_WORDS and word not in ctx.lex.forms)


# Departments of any firm: before a title they say which part of it a person runs
# ("Finance chief", "Operations director"), never which organisation.
_BUSINESS_FUNCTIONS = frozenset({
    "finance", "financial", "marketing", "sales", "operations", "technology", "strategy",
    "investment", "communications", "compliance", "legal", "commercial", "product", "research",
    "security", "risk", "policy", "digital", "data", "engineering", "procurement", "personnel",
    "design", "editorial", "medical", "scientific", "creative", "executive", "information",
})


def _possessive_owner(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]],
                      bpos: int, sid: str, used: set[int]) -> int | None:
    """"Kenya's Health Minister X": the span before the title ("Health") names no body;
    the owner before the possessive ("Kenya") is the organisation served."""
    kind, oi, oj = spans[bpos - 1]
    start = spans[bpos][1]
    if kind != "cap" or oj + 1 != start or toks[oj].text not in _POSSESSIVE:
        return None
    if bpos - 1 in used:
        return None
    used.add(bpos - 1)
    _, idx = _org_from_modifier(ctx, toks, (oi, oj), "", "government", sid)
    return idx


def _title_kind(lex: Lexicon, toks: list[Token], i: int, j: int) -> str:
    """Kind of a title span; a merged span ("chief U.K. economist") takes its last title."""
    words = tuple(t.lower for t in toks[i:j])
    for k in range(len(words)):
        if words[k:] in lex.titles:
            return lex.titles[words[k:]]
    return "any"


# World regions a job covers ("head of Asia-Pacific at ..."): part of the title, never the
# organisation served.
_REGIONS = frozenset({"asia-pacific", "apac", "emea", "latam", "americas", "asia", "europe",
                      "africa", "oceania", "eurasia", "nordics", "benelux", "mena"})


def _complement(toks: list[Token], k: int) -> int:
    """End of a lower-case complement after a title: "head [of metals research]",
    "associate administrator [for exploration]" (k when there is none)."""
    if k >= len(toks) or toks[k].lower not in ("of", "for"):
        return k
    end = k + 1
    while end < len(toks) and end - k <= 4 and (toks[end].lower in _REGIONS or (
        toks[end].text.isalpha() and toks[end].text.islower()
        and toks[end].lower not in _DETERMINERS and toks[end].lower not in _ROLE_PREPS
    )):
        end += 1
    if end > k + 1 and end < len(toks) and toks[end].lower in (",", "at", "with"):
        return end
    return k


def _described(toks: list[Token], k: int) -> int:
    """Index of the first token after up to two lower-case words describing a person
    ("retired teacher", "former senator") at k, when a capitalised word follows them;
    else k."""
    m = k
    while m < len(toks) and m - k < 2 and toks[m].text.isalpha() and toks[m].text.islower(
    ) and toks[m].lower not in _DETERMINERS and toks[m].lower not in _ROLE_PREPS and (
        toks[m].lower not in ("and", "or", "who", "which", "said", "says")
    ):
        m += 1
    return m if m > k and m < len(toks) and toks[m].cap else k


def _title_then_person(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]],
                       pos: int, sid: str, used: set[int]) -> bool:
    """"Kestrel's chief operating officer, Simon Achebe, said", "Its director general,
    Paolo Ferri", "The agency's administrator, Carlos Ibarra", "Her lawyer, Aaron
    Whitlock of Whitlock Legal Group". Returns True when a role was read."""
    _, i, j = spans[pos]
    k = _complement(toks, j)
    ref = _referred_org(ctx, toks, k)  # "A spokesperson for the authority, Joris Bakker"
    title_end = k
    if ref is not None:
        k += 3
    if k >= len(toks) or toks[k].text != ",":
        return False
    first = _described(toks, k + 1)  # "Its organiser, retired teacher Margaret Quinn"
    after = next((p for p in range(pos + 1, len(spans)) if spans[p][1] == first), None)
    if after is not None and spans[after][0] == "title" and after + 1 < len(spans) and (
        spans[after + 1][1] == spans[after][2]
    ):
        after += 1  # "The university's vice-chancellor, Professor Margaret Ellison"
    if after is None or spans[after][0] != "cap":
        return False
    _, pi, pj = spans[after]
    if pj < len(toks) and toks[pj].text in _POSSESSIVE:
        return False
    if _before_is_apposition(toks, spans, pos, i):
        return False
    person = _person(ctx, toks, (pi, pj), sid)
    if person is None:
        return False
    used.add(after)
    title = _text(ctx.doc, toks, i, title_end)
    tkind = _title_kind(ctx.lex, toks, i, j)
    org, anaphor = None, None
    before = spans[pos - 1] if pos > 0 else None
    m = i - 1
    while m >= 0 and toks[m].lower in ("the", "a", "an", "former", "outgoing", "new"):
        m -= 1
    if before and before[0] == "cap" and pos - 1 not in used and (
        before[2] == i or (before[2] == m and toks[m].text in _POSSESSIVE)
    ) and not _weak_modifier(ctx, toks, before):
        title, org = _org_from_modifier(ctx, toks, (before[1], before[2]), title, tkind, sid)
        used.add(pos - 1)
    else:
        anaphor = ref or _anaphor_before(ctx, toks, i)
    if org is None and anaphor is None:
        org = _org_after(ctx, toks, spans, after, sid, used)
    ctx.roles.append(_RoleCand(person, title, org, sid, toks[i].start, toks[title_end - 1].end,
                               anaphor=anaphor))
    return True


def _referred_org(ctx: _Ctx, toks: list[Token], k: int,
                  closed: bool = True) -> tuple[str, None] | None:
    """"for the authority," after a title: the organisation is referred to by its head
    noun; returns the anaphor when tokens k..k+2 are "for/of/at the <noun>"."""
    if k + 3 >= len(toks) or toks[k].lower not in ("for", "of", "at"):
        return None
    if toks[k + 1].lower != "the" or not toks[k + 2].text.islower():
        return None
    noun = toks[k + 2].lower
    if (closed and toks[k + 3].text != ",") or not (
        noun in ctx.lex.suffix or noun in _ORG_BEFORE
    ):
        return None
    return (noun, None)


def _before_is_apposition(toks: list[Token], spans: list[tuple[str, int, int]], pos: int,
                          i: int) -> bool:
    """Is the title itself an apposition to a name before it ("Jane Doe, the CEO, ...")?"""
    m = i - 1
    while m >= 0 and toks[m].lower in _DETERMINERS:
        m -= 1
    return m >= 1 and toks[m].text == "," and any(
        kind == "cap" and end == m for kind, _, end in spans[:pos]
    )


def _anaphor_before(ctx: _Ctx, toks: list[Token], i: int) -> tuple[str, str | None] | None:
    """The organisation a title serves when it is referred to, not named, before it."""
    m = i - 1
    if m < 0:
        return None
    word = toks[m].lower
    if m >= 1 and toks[m - 1].lower in ("its", "whose", "their") and toks[m].text.isalpha() and (
        toks[m].text.islower()
    ):
        word = toks[m - 1].lower  # "Its national officer, Bobby Morton"
    if word in ("its", "whose", "their"):
        return ("", None)
    if toks[m].text in _POSSESSIVE and m >= 1 and toks[m - 1].text.islower():
        head = toks[m - 1].lower  # "the agency's administrator"
        country = None
        if m >= 2:
            entry = ctx.lex.forms.get(norm(toks[m - 2].text)) or ctx.lex.demonyms.get(
                norm(toks[m - 2].text))
            if entry is not None and entry.kind == "country":
                country = entry.key  # "the U.S. agency's"
        return (head, country) if head in ctx.lex.suffix or head in _ORG_BEFORE else None
    if toks[m].text.islower() and m >= 1 and toks[m - 1].lower in ("a", "an", "the") and (
        word in ctx.lex.suffix or word in _ORG_BEFORE
    ):
        return (word, None)  # "A ministry spokesperson, Zhou Lan"
    if word == "ministry" and toks[m].text.islower():
        return (word, None)  # "Iran's foreign ministry spokesman, Reza Ghafari"
    return None


def _org_after(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]], ppos: int,
               sid: str, used: set[int]) -> int | None:
    """"Aaron Whitlock of Whitlock Legal Group": the organisation right after a name."""
    end = spans[ppos][2]
    if end >= len(toks) or toks[end].lower not in ("of", "at", "from", "with"):
        return None
    opos = _org_span_after(toks, spans, end + 1)
    if opos is None:
        return None
    used.add(opos)
    return _classify(ctx, toks, spans[opos][1], spans[opos][2], sid, headline=False)


def _org_span_after(toks: list[Token], spans: list[tuple[str, int, int]], m: int) -> int | None:
    """Position of the organisation span starting at token m, after "the" and up to three
    lower-case descriptors ("at cybersecurity firm Redline", "of the opposition X group");
    an owner's possessive is skipped to the body it owns ("of the PFA’s Player Welfare
    Commission" is the commission)."""
    if m < len(toks) and toks[m].lower == "the":
        m += 1
    start = m
    while m < len(toks) and m - start < 3 and (toks[m].text.isalpha() and toks[m].text.islower(
    ) and toks[m].lower not in _ROLE_PREPS and toks[m].lower not in ("and", "or", "who")
            or toks[m].lower.endswith(_PLACED_SUFFIXES)):  # "the Lyon-based X Institute"
        m += 1
    if m > start and m < len(toks) and toks[m].text in _POSSESSIVE:
        m += 1  # "director of the university's Centre for Tumour Biology"
    opos = next((p for p in range(len(spans)) if spans[p][1] == m), None)
    if opos is None or spans[opos][0] != "cap":
        return None
    end = spans[opos][2]
    if end + 1 < len(toks) and toks[end].text in _POSSESSIVE and opos + 1 < len(spans) and (
        spans[opos + 1][0] == "cap" and spans[opos + 1][1] == end + 1
    ):
        return opos + 1
    return opos


# a compound modifier saying where or by whom a body is based, owned or run
_PLACED_SUFFIXES = ("-based", "-headquartered", "-registered", "-listed", "-owned", "-backed",
                    "-funded", "-run")


# "X, who heads Y": the verb says the role.
_HEADS_VERBS = {"heads": "head", "chairs": "chair", "leads": "leader", "runs": "head",
                "directs": "director", "manages": "manager", "founded": "founder",
                "co-founded": "co-founder", "oversees": "head", "represents": "representative"}


def _who_heads(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]], sid: str,
               used: set[int], titled: dict[int, int]) -> None:
    """"Marcus Bell, who chairs the Tenants’ Union", "Claire Vautrin, who heads Veyra's
    engine division": a relative clause names the role and the organisation. A person
    after a title ("Professor Helen Doe, who directs ...") has a second role here."""
    for ppos, (kind, pi, pj) in enumerate(spans):
        if kind != "cap" or (ppos in used and ppos not in titled) or pj + 2 >= len(toks):
            continue
        if toks[pj].text != "," or toks[pj + 1].lower != "who":
            continue
        verb = toks[pj + 2].lower
        if verb not in _HEADS_VERBS:
            continue
        opos = _org_span_after(toks, spans, pj + 3)
        if opos is None:
            continue
        oi, oj = spans[opos][1], spans[opos][2]
        person = titled[ppos] if ppos in titled else _person(ctx, toks, (pi, pj), sid)
        if person is None:
            continue
        used.update((ppos, opos))
        org = _classify(ctx, toks, oi, oj, sid, headline=False)
        ctx.roles.append(_RoleCand(person, _HEADS_VERBS[verb], org, sid, toks[pj + 2].start,
                                   toks[pj + 2].end))


def _owned_body(ctx: _Ctx, toks: list[Token], i: int, j: int, sid: str,
                owner: int) -> int | None:
    """"the EU's AI Office" is the body "EU AI Office" (distinct from the EU itself)."""
    owner_cand = ctx.cands[owner]
    entry = ctx.lex.entries.get(owner_cand.key or "")
    head = _head_type(toks, i, j, ctx.lex)
    if entry is None or entry.kind not in ("country", "institution", "government") or head not in (
        "government", "organisation"
    ):
        return _classify(ctx, toks, i, j, sid, headline=False)
    if head == "organisation" and entry.kind == "institution" and entry.type == "government":
        head = "government"  # "the FDA's Center for Drug Evaluation and Research"
    rest = _text(ctx.doc, toks, i, j)
    name = f"{_clean(owner_cand.text)} {rest}"
    return _add(ctx, _Cand(rest, toks[i].start, toks[j - 1].end, sid, norm(rest), j - i, head,
                           _GAZ, key=slugify(name), name=name, aliases=[rest]))


def _apposition(ctx: _Ctx, toks: list[Token], spans: list[tuple[str, int, int]], pos: int,
                sid: str, used: set[int]) -> None:
    """Roles from an apposition: "Jane Doe, a spokesperson for Acme on trade"."""
    _, ti, tj = spans[pos]
    # Find the person span before the comma.
    for ppos in range(pos - 1, -1, -1):
        kind, pi, pj = spans[ppos]
        if kind != "cap":
            return
        if pj < len(toks) and toks[pj].text == ",":
            break
        if ppos < pos - 1:
            return
    else:
        return
    k = pj + 1
    org: tuple[int, int] | None = None
    opos = None
    # ", [det] [Org]['s] Title" or ", [det] [words] Title [prep] [the] Org"
    if k + 2 < ti and _age_apposition(toks, k):
        k += 2  # "Jane Roe, 58, a director of Acme": the age stands between
    while k < ti and toks[k].lower in _DETERMINERS:
        k += 1
    between = [p for p in range(ppos + 1, pos) if spans[p][0] == "cap"]
    owner = None  # "the company's": the body served, referred to by its head noun
    if between:
        opos = between[-1]
        if len(between) > 1 or spans[opos][1] != k or _lowercase_lead(
            toks, spans[opos], ti
        ) is None:
            return  # "Otieno, said Kisumu University would seek a partner": no apposition
        org = (spans[opos][1], spans[opos][2])
    elif ti - k > 3 or any(not t.text.isalpha() or t.cap or t.lower in _SAYS
                           for t in toks[k:ti]):
        owner = _possessive_owner_noun(ctx, toks, k, ti)
        if owner is None:
            return  # ("X, said the minister had cut": what X said, not who X is)
        k = ti  # "Jane Doe, the company's former chief executive": served by "the company"
    qualifier = None
    tend = _complement(toks, tj)  # "head of metals research at ..."
    if org is None and tend < len(toks) and toks[tend].lower in _ROLE_PREPS:
        after = _org_span_after(toks, spans, tend + 1)
        if after is not None:
            opos = after
            org = (spans[after][1], spans[after][2])
            qualifier = _qualifier(ctx, toks, spans[after][2])
    anaphor = owner
    if org is None and owner is None and tend < len(toks) and toks[tend].lower in _ROLE_PREPS:
        anaphor = _referred_org(ctx, toks, tend, closed=False)  # "head of the centre"
    person = _person(ctx, toks, (pi, pj), sid)
    if person is None:
        return
    used.add(ppos)
    org_idx = None
    title = _text(ctx.doc, toks, ti, tend)
    if org is not None and opos is not None:
        tkind = _title_kind(ctx.lex, toks, ti, tj)
        title, org_idx = _org_from_modifier(ctx, toks, org, title, tkind, sid)
        used.add(opos)
    ctx.roles.append(_RoleCand(person, title, org_idx, sid, toks[ti].start, toks[tj - 1].end,
                               qualifier, anaphor=anaphor))


def _possessive_owner_noun(ctx: _Ctx, toks: list[Token], k: int, ti: int
                          ) -> tuple[str, None] | None:
    """"the company's [former] chief executive" in an apposition: the organisation served is
    the one the source last named with that head noun (an anaphor), when tokens k..ti are a
    body's head noun, a possessive and at most two lower-case words before the title."""
    if ti - k > 4 or ti - k < 2 or toks[k + 1].text not in _POSSESSIVE:
        return None
    noun = toks[k].text
    if not (noun.isalpha() and noun.islower()) or not all(
        t.text.isalpha() and t.text.islower() and t.lower not in _SAYS for t in toks[k + 2 : ti]
    ):
        return None
    return (noun, None) if noun in ctx.lex.suffix or noun in _ORG_BEFORE else None


def _lowercase_ministries(ctx: _Ctx, toks: list[Token], sid: str) -> None:
    """"the German economy ministry", "the economy ministry": a ministry written in lower
    case is still a government body; a demonym or country in front names whose it is."""
    if "ministry" not in map(_TEXT, toks):
        return  # most sentences (a C-level scan instead of the loop below)
    for k in range(2, len(toks)):
        if toks[k].text != "ministry":
            continue
        mod = toks[k - 1]
        if not (mod.text.isalpha() and mod.text.islower()) or mod.lower in _DETERMINERS:
            continue
        m = k - 2
        if toks[m].text in _POSSESSIVE and m >= 1:
            m -= 1
        key = norm(toks[m].text)
        country = ctx.lex.demonyms.get(key) or ctx.lex.forms.get(key)
        rest = _text(ctx.doc, toks, k - 1, k + 1)
        if country is not None and country.kind == "country":
            # "German economy ministry" (demonym kept) / "Germany economy ministry"
            name = f"{toks[m].text if key in ctx.lex.demonyms else country.name} {rest}"
            text = _text(ctx.doc, toks, m, k + 1)
            _add(ctx, _Cand(text, toks[m].start, toks[k].end, sid, norm(name), k + 1 - m,
                            "government", _HEAD, key=slugify(name), name=name,
                            aliases=[rest]))
        elif toks[k - 2].lower == "the":
            _add(ctx, _Cand(rest, toks[k - 1].start, toks[k].end, sid, norm(rest), 2,
                            "government", _HEAD))


# Head nouns that, in lower case after "the", refer back to a body named in full ("talks
# with the department had stalled", "head of the centre, said").
_REFERRING_HEADS = frozenset({"ministry", "department", "agency", "commission", "authority",
                              "office", "court", "board", "institute", "centre", "center",
                              "council", "regulator", "bureau", "inspectorate", "tribunal",
                              "university", "hospital", "federation", "association",
                              "unit", "society", "foundation"})
# What may follow such a reference for it to be the body itself rather than a compound
# noun ("the court case", "the office building"): punctuation or a verb of the clause.
_AFTER_REFERENCE = frozenset({"said", "says", "has", "had", "have", "is", "was", "will",
                              "would", "could", "may", "might", "added", "announced",
                              "warned", "declined", "did", "does", "rejected", "ruled",
                              "found", "also", "which", "that", "confirmed", "denied",
                              "stated", "argued", "told", "urged", "welcomed", "issued",
                              "ordered", "can", "should", "must", "noted"})


def _lowercase_references(ctx: _Ctx, toks: list[Token], sid: str) -> None:
    """"the department" in lower case: a mention of the department named earlier, kept as
    a short form that grouping resolves to the full name (or drops when none fits)."""
    if _REFERRING_HEADS.isdisjoint(map(_TEXT, toks)):
        return  # most sentences (a C-level scan instead of the loop below)
    for k in range(1, len(toks)):
        tok = toks[k]
        if tok.text not in _REFERRING_HEADS or toks[k - 1].lower != "the":
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.text[0].isalnum() and nxt.lower not in _AFTER_REFERENCE:
            continue
        actor_type = ctx.lex.suffix.get(tok.lower, "organisation")
        _add(ctx, _Cand(tok.text, tok.start, tok.end, sid, tok.lower, 1, actor_type,
                        _DEFAULT))


def _anaphora(ctx: _Ctx, toks: list[Token], sid: str) -> None:
    """"the administration" / "the government" after a named government in this source."""
    if not ctx.last_gov or ctx.last_gov.keys().isdisjoint(map(_LOWER, toks)):
        return  # most sentences (a C-level scan instead of the loop below)
    for k in range(1, len(toks)):
        tok = toks[k]
        if tok.lower in ctx.last_gov and toks[k - 1].lower == "the":
            ref = ctx.last_gov[tok.lower]
            if ctx.cands[ref].start < tok.start:
                cand = ctx.cands[ref]
                _add(ctx, _Cand(tok.text, tok.start, tok.end, sid, norm(tok.text), 1,
                                cand.type, cand.strength, key=cand.key, name=cand.name))


# ------------------------------------------------------------------ grouping


@dataclass(slots=True)
class _Group:
    key: str  # provisional grouping key
    members: list[int] = field(default_factory=list)
    name: str | None = None  # canonical name when known (gazetteer)


def _vote(cands: list[_Cand], members: list[int]) -> str:
    """Strongest evidence wins; then the most frequent; then ACTOR_TYPES order."""
    if len(members) == 1 and not cands[members[0]].votes:
        return cands[members[0]].type  # one piece of evidence (most groups)
    score: dict[str, tuple[int, int]] = {}
    for idx in members:
        cand = cands[idx]
        for actor_type, strength in [(cand.type, cand.strength), *cand.votes]:
            best, count = score.get(actor_type, (-1, 0))
            score[actor_type] = (max(best, strength), count + 1)
    if len(score) == 1:
        return next(iter(score))
    return min(score, key=lambda t: (-score[t][0], -score[t][1], ACTOR_TYPES.index(t)))


def _capitals_that_act(ctx: _Ctx) -> None:
    """Once a source uses a capital for its government ("Beijing reacted"), its other
    non-locative mentions ("threats of retaliation from Beijing") are the government too;
    "in Beijing" stays a place."""
    acting: dict[str, _Cand] = {}
    for cand in ctx.cands:
        entry = ctx.lex.forms.get(cand.norm)
        if entry is not None and entry.metonym and cand.key != entry.key:
            acting.setdefault(cand.norm, cand)
    for cand in ctx.cands:
        gov = acting.get(cand.norm)
        if gov is None or cand.key == gov.key:
            continue
        before = ctx.doc.text[max(0, cand.start - 12) : cand.start].split()
        if before and before[-1].lower() in _LOCATIVE:
            continue
        cand.key, cand.name, cand.type, cand.strength = gov.key, gov.name, gov.type, gov.strength


def _group(ctx: _Ctx) -> dict[str, _Group]:
    _capitals_that_act(ctx)
    groups: dict[str, _Group] = {}
    for idx, cand in enumerate(ctx.cands):
        gkey = cand.key or f"n:{cand.norm}"
        groups.setdefault(gkey, _Group(gkey)).members.append(idx)
    _join_inverted_names(groups)
    _resolve_short_forms(ctx, groups)
    return groups


def _join_inverted_names(groups: dict[str, _Group]) -> None:
    """"Northmoor University" and "University of Northmoor" are one name written two ways
    ("<Head> of <X>" / "<X> <Head>" for a one-word head such as University or College)."""
    for gkey in sorted(groups):
        inverted = inverted_name(gkey[2:]) if gkey.startswith("n:") else None
        other = f"n:{inverted}" if inverted else None
        if other in groups and gkey in groups and other != gkey:
            groups[gkey].members.extend(groups.pop(other).members)


def _forms_of(ctx: _Ctx, group: _Group, actor_type: str) -> tuple[set[str], set[str]]:
    """Forms by which a longer name may be referred to later in the same source.

    Strong forms (a surname, the head word: "the Bank" for "Bank of England", "the
    Association", an alias, the name without its legal form: "Calder Homes" for "Calder
    Homes Ltd") may be shared by several names and then resolve to the most recent one.
    Weak forms (the first word of an organisation: "Goldman") count only when unique.
    """
    strong: set[str] = set()
    weak: set[str] = set()
    lex = ctx.lex
    unsure = actor_type == "person" and not _firmly_person(ctx, group)
    for idx in group.members:
        cand = ctx.cands[idx]
        words = cand.norm.split()
        if cand.aliases:
            strong.update(map(norm, cand.aliases))
        if len(words) < 2:
            continue
        if actor_type == "person":
            strong.add(words[-1])
            if hyphenated_given_name(cand.text.split()[-1]):
                strong.add(words[0])  # "Kang" after "Kang Min-seo": the surname comes first
            particle = next((k for k in range(1, len(words) - 1) if words[k] in _PARTICLES),
                            None)
            if particle is not None:  # "van der Berg", "bin Salim" after the full name
                strong.add(" ".join(words[particle:]))
            if unsure:  # "Nyota" after "Nyota Biologics": a company, not a person
                weak.update(_leading_forms(words, lex))
            continue
        if actor_type == "place":
            continue
        if len(words) == 3 and words[1] == "of" and words[0] in lex.suffix and (
            words[2] not in lex.forms and words[2] not in ctx.lower_words
        ):  # (a word the source also writes in lower case is a common noun: "Appeal")
            weak.add(words[2])  # "Northmoor" after "University of Northmoor"
        head = _norm_head(words)
        if head in lex.suffix:
            strong.add(head)  # "the Commission", "the Institute", "the Bank"
        strong.update(_before_of(words, lex))
        if words[-1] in _LEGAL_FORMS and len(words) >= 3:
            strong.add(" ".join(words[:-1]))  # "Calder Homes" for "Calder Homes Ltd"
        if actor_type == "organisation":
            weak.update(_leading_forms(words, lex))
            weak.update(_trailing_form(words, lex))
        if actor_type == "ai_model" and len(words) == 2 and _NUMBERED.match(words[1]):
            weak.add(words[0])  # "Quill" after "Quill 3": the model's family name
    return strong, weak


_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on", "de", "du", "la", "le"})


def _before_of(words: list[str], lex: Lexicon) -> set[str]:
    """"Port Authority" after "Port Authority of Valmouth": the words before "of" that end in
    a head word name the body without its place or field, as "the Bank" does for "Bank of
    England" (one word before "of" is already the head word)."""
    if "of" not in words:
        return set()
    k = words.index("of")
    return {" ".join(words[:k])} if k >= 2 and words[k - 1] in lex.suffix else set()


def _leading_forms(words: list[str], lex: Lexicon) -> set[str]:
    """First word(s) of an organisation's name that may stand for it: "Goldman" after
    "Goldman Sachs Group", "Copper Basin" after "Copper Basin Dairies"."""
    if words[0] in lex.alone or words[0] in lex.suffix or _NUMBERED.match(words[-1]):
        return set()  # "Artemis" is not "Artemis III"
    out = {words[0]}
    if len(words) == 3 and words[1] not in _CONNECTORS and words[1] not in lex.suffix:
        out.add(" ".join(words[:2]))
    return out


def _trailing_form(words: list[str], lex: Lexicon) -> set[str]:
    """The last word of a two-word organisation that is no generic head word or known
    name: "Rovers" after "Harwick Rovers", as clubs and firms are shortened ("United",
    "Sachs"); not "Research" of "Pellham Research" nor "Kenya" of "Lumen Kenya"."""
    if len(words) != 2:
        return set()
    last = words[1]
    if last in lex.suffix or last in lex.alone or last in lex.forms or last in lex.demonyms:
        return set()
    return {last} if last.isalpha() else set()


def _firmly_person(ctx: _Ctx, group: _Group) -> bool:
    """Is there more than the shape of the name to say this is a person (a title, an
    honorific, a known given name, "who")?"""
    for idx in group.members:
        cand = ctx.cands[idx]
        if cand.type == "person" and cand.strength >= _CUE:
            return True
        if any(t == "person" and st >= _CUE for t, st in cand.votes):
            return True
    return False


def _norm_head(words: list[str]) -> str:
    """Head word of a normalised name: the word before "of"/"for", else the last word."""
    for k in range(1, len(words)):
        if words[k] in ("of", "for"):
            return words[k - 1]
    return words[-1]


def _resolve_short_forms(ctx: _Ctx, groups: dict[str, _Group]) -> None:
    """Fold short forms (surname, "the Bank", acronym) into the longer name they shorten.

    A form several names share ("the Association" after both "Football Association" and
    "Professional Footballers’ Association") goes, mention by mention, to the name
    mentioned most recently before it.
    """
    strong: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}
    for gkey, group in groups.items():
        forms, firsts = _forms_of(ctx, group, _vote(ctx.cands, group.members))
        for form in forms:
            strong.setdefault(form, set()).add(gkey)
        for form in firsts:
            weak.setdefault(form, set()).add(gkey)
    order = sorted(
        (g for g in groups.values() if g.key.startswith("n:")),
        key=lambda g: (-len(g.key.split()), g.key),
    )
    for group in order:
        form = group.key[2:]
        targets = _other_groups(strong.get(form), group, groups)
        if not targets:
            targets = _acronym_targets(ctx, group, groups)
        if not targets:
            firsts = _other_groups(weak.get(form), group, groups)
            if firsts and _located(ctx, group):
                firsts = []  # "the site near Sunderland" is not "Sunderland College"
            targets = firsts  # several ("Hanbit Mobility", "Hanbit Holdings"): by recency
            vote = "organisation"
            if firsts and len(form.split()) == 1 and _bodies_opening_with(form, groups) >= (
                _PLACE_PREFIX_BODIES
            ):
                # "Valmouth Police", "Valmouth Civic Trust", "Valmouth Regional Health Board":
                # a word that opens three bodies' names is the place they serve ("to Valmouth")
                targets, vote = [], "place"
            for idx in group.members if firsts else []:
                ctx.cands[idx].votes.append((vote, _CUE))
        if not targets:
            target = _short_gazetteer(ctx, form, groups)
            if target is not None:
                entry_type = ctx.lex.entries[target].type
                for idx in group.members:  # the gazetteer says what it is
                    ctx.cands[idx].votes.append((entry_type, _GAZ))
                targets = [target]
        if len(targets) == 1:
            groups[targets[0]].members.extend(group.members)
            del groups[group.key]
            continue
        if len(targets) > 1:
            _by_recency(ctx, group, targets, groups)
            if not group.members:
                del groups[group.key]
                continue
        words = form.split()
        if len(words) == 1 and words[0] in ctx.lex.parties and _party_named(ctx, group):
            for idx in group.members:  # "the Conservatives", "Labour said": a party
                ctx.cands[idx].votes.append(("organisation", _HEAD))
            continue
        if len(words) == 1 and (words[0] in ctx.lex.alone or words[0] in ctx.lex.suffix):
            del groups[group.key]  # a generic word that names nothing here


_PLACE_PREFIX_BODIES = 3  # bodies whose names open with one word that make it a place's


def _located(ctx: _Ctx, group: _Group) -> bool:
    """Does a locative context ("near X", "the port of X") make every mention a place? Then
    the first word of a body's name ("Sunderland College") is the place, not the body."""
    return all(ctx.cands[idx].type == "place" and ctx.cands[idx].strength >= _CUE
               for idx in group.members)


def _bodies_opening_with(word: str, groups: dict[str, _Group]) -> int:
    """How many names of two or more words in the source open with ``word``?"""
    prefix = f"n:{word} "
    return sum(1 for key in groups if key.startswith(prefix))


def _party_named(ctx: _Ctx, group: _Group) -> bool:
    """Does one mention of a party word read as the party's name (non_actors.txt [party])?
    A plural needs "the" in front ("the Conservatives"; "Conservatives argue" may be anyone
    conservative); a singular opening a sentence needs to own or speak ("Labour's
    spokesperson", "Labour said"), not to qualify a noun ("Labour costs rose")."""
    text = ctx.doc.text
    for idx in group.members:
        cand = ctx.cands[idx]
        before = text[max(0, cand.start - 4) : cand.start].lower()
        if cand.norm.endswith("s"):
            if before.endswith("the "):
                return True
            continue
        after = text[cand.end : cand.end + 12]
        opens = not before.strip() or before.rstrip()[-1] in ".!?\"“:"
        next_word = after.split(" ", 2)[1].lower() if after.startswith(" ") else ""
        if not opens or after[:1] in ("'", "’") or next_word in _SAYS:
            return True
    return False


def _other_groups(keys: set[str] | None, group: _Group, groups: dict[str, _Group]) -> list[str]:
    """The keys, in order, of the groups still there other than ``group`` (most short forms
    name no other group: no keys at all)."""
    if not keys:
        return []
    return sorted(k for k in keys if k != group.key and k in groups)


def _by_recency(ctx: _Ctx, group: _Group, targets: list[str],
                groups: dict[str, _Group]) -> None:
    """Give each mention of a shared short form to the name mentioned last before it."""
    starts = {t: sorted(ctx.cands[m].start for m in groups[t].members) for t in targets}
    keep = []
    for idx in group.members:
        pos = ctx.cands[idx].start
        best, best_pos = None, -1
        for t in targets:
            before = [p for p in starts[t] if p < pos]
            if before and before[-1] > best_pos:
                best, best_pos = t, before[-1]
        if best is None:
            keep.append(idx)
        else:
            groups[best].members.append(idx)
    group.members = keep


def _acronym_targets(ctx: _Ctx, group: _Group, groups: dict[str, _Group]) -> list[str]:
    """Longer names in the source that an acronym-like short form abbreviates ("BoE")."""
    text = ctx.cands[group.members[0]].text
    if not _ACRONYM_RE.match(text):
        return []
    out = []
    for gkey, other in groups.items():
        if gkey == group.key:
            continue
        names = {_clean(ctx.cands[m].text) for m in other.members} | {_name_of(ctx, other)}
        if any(len(n.split()) >= 2 and acronym_matches(text, n) for n in names) and (
            _vote(ctx.cands, other.members) not in ("person", "place")  # rarely asked
        ):
            out.append(gkey)
    return sorted(out)


def _short_gazetteer(ctx: _Ctx, form: str, groups: dict[str, _Group]) -> str | None:
    """"the Commission" is the European Commission when the source mentions the EU."""
    for entry in ctx.lex.short.get(form, []):
        if entry.context in groups or entry.key in groups:
            groups.setdefault(entry.key, _Group(entry.key, name=entry.name))
            return entry.key
    return None


def _name_of(ctx: _Ctx, group: _Group) -> str:
    if group.name:
        return group.name
    members = group.members
    for idx in members:
        if ctx.cands[idx].name:
            return ctx.cands[idx].name or ""
    if len(members) == 1:
        return _clean(ctx.cands[members[0]].text)
    best = min(members, key=lambda m: (-ctx.cands[m].ntok, -len(ctx.cands[m].text), m))
    return _clean(ctx.cands[best].text)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _build(ctx: _Ctx, groups: dict[str, _Group]) -> list[LocalActor]:
    actors: dict[str, LocalActor] = {}
    cand_key: dict[int, str] = {}
    for gkey in sorted(groups, key=lambda g: min(ctx.cands[m].start for m in groups[g].members)):
        group = groups[gkey]
        if not group.members:
            continue
        name = _name_of(ctx, group)
        key = slugify(name)
        if key in actors:  # two distinct actors with the same slug: keep both apart
            key = f"{key}-{len(actors)}"
        actor_type = _vote(ctx.cands, group.members)
        members = sorted(group.members, key=lambda m: (ctx.cands[m].start, ctx.cands[m].end))
        aliases = {_clean(ctx.cands[m].text) for m in members}
        aliases.update(a for m in members for a in ctx.cands[m].aliases)
        aliases.discard(name)
        mentions = []
        seen: set[tuple[int, int]] = set()
        for m in members:
            cand = ctx.cands[m]
            cand_key[m] = key
            if (cand.start, cand.end) in seen:
                continue
            seen.add((cand.start, cand.end))
            mentions.append(Mention(key, ctx.doc.id, cand.sentence, cand.start, cand.end,
                                    cand.text))
        actors[key] = LocalActor(key=key, name=name, type=actor_type, aliases=sorted(aliases),
                                 mentions=mentions)
    for role in ctx.roles:
        person = cand_key.get(role.person)
        if person is None:
            continue
        org = cand_key.get(role.org) if role.org is not None else None
        if org is None or _is_country_government(ctx, org):
            org = _titled_body(ctx, role, groups, cand_key, org) or org
        if org is None:
            org = _implied_org(ctx, role, groups, cand_key)
        actors[person].roles.append(
            Role(title=role.title, organisation=org, source=ctx.doc.id, sentence=role.sentence,
                 start=role.start, end=role.end, qualifier=role.qualifier)
        )
    for actor in actors.values():
        actor.roles.sort(key=lambda r: (r.start, r.title))
    return sorted(actors.values(), key=lambda a: a.key)


# ------------------------------------------------------------------ implied organisations

# Titles of national office: with no organisation named, they serve the government of the
# country the source is about ("Outgoing Prime Minister Sofia Marques" in a Portugal story).
_NATIONAL_TITLES = frozenset({"president", "prime minister", "premier", "chancellor", "king",
                              "cabinet secretary",
                              "queen", "foreign minister", "finance minister",
                              "defence minister", "defense minister", "interior minister",
                              "economy minister", "trade minister", "deputy prime minister",
                              "vice president"})
# Titles that head a state or province, or a central bank ("Governor Lydia Park").
_STATE_TITLES = frozenset({"governor", "lieutenant governor", "deputy governor"})


# Title heads whose subject words name the body served: "Health Secretary" serves the
# "Department of Health and Social Care", "Energy Minister" the "Ministry of Energy, ...".
_SUBJECT_TITLES = frozenset({"minister", "secretary", "commissioner", "cabinet secretary",
                             "representative", "director", "chief"})
_PORTFOLIO_HEADS = frozenset({"ministry", "department", "secretariat"})


def _is_country_government(ctx: _Ctx, gkey: str) -> bool:
    entry = ctx.lex.entries.get(gkey)
    return entry is not None and entry.kind == "government"


def _titled_body(ctx: _Ctx, role: _RoleCand, groups: dict[str, _Group],
                 cand_key: dict[int, str], government: str | None = None) -> str | None:
    """The public body of the source a title names: its whole title inside the body's
    name ("Commissioner" of the "Office of the Data Protection Commissioner", "Trade
    Representative" of the "Office of the U.S. Trade Representative"), or its subject
    words in a ministry's or department's portfolio ("Health Secretary" of the "Department
    of Health and Social Care"). The body mentioned last before the role wins."""
    words = norm(role.title).split()
    if not words:
        return None
    title = " ".join(words)
    subject: list[str] = []
    for k in range(len(words)):
        if " ".join(words[k:]) in _SUBJECT_TITLES:
            subject = [w for w in words[:k] if w not in _TITLE_MODIFIERS]
            break
    else:
        return None
    if ctx.bodies is None:
        ctx.bodies = _bodies(ctx, groups)
    best, best_pos = None, -1
    for group, name, name_words in ctx.bodies:
        if government is not None and _other_country(ctx, name_words, government):
            continue  # "Azerbaijani Foreign Minister X" is not of the "Armenia Foreign Ministry"
        if f" {title}" in f" {name}" and name.endswith(title) and name != title:
            fits = True
        else:
            fits = bool(subject) and _norm_head(name_words) in _PORTFOLIO_HEADS and all(
                w in _portfolio(name_words) for w in subject)
        if not fits:
            continue
        distance = min((abs(p - role.start) for p in _group_starts(ctx, group)), default=0)
        if best is None or distance < best_pos:
            best, best_pos = group, distance
    return cand_key.get(best.members[0]) if best is not None else None


def _other_country(ctx: _Ctx, name_words: list[str], government: str) -> bool:
    """Does a body's name open with a country or demonym other than the one whose
    ``government`` (a gazetteer government key) the role already serves?"""
    entry = ctx.lex.forms.get(name_words[0]) or ctx.lex.demonyms.get(name_words[0])
    return (entry is not None and entry.kind == "country"
            and f"{entry.key}-government" != government)


def _bodies(ctx: _Ctx, groups: dict[str, _Group]) -> list[tuple[_Group, str, list[str]]]:
    """Organisations and government bodies of two or more words, with their names."""
    out = []
    for gkey in sorted(groups):
        group = groups[gkey]
        if _group_type(ctx, group) not in ("government", "organisation"):
            continue
        name = norm(_name_of(ctx, group)).replace(",", "")
        if len(name.split()) >= 2:
            out.append((group, name, name.split()))
    return out


def _portfolio(words: list[str]) -> list[str]:
    """Words after "of"/"for" in "ministry of energy water resources and irrigation", or
    before the head in "energy ministry"."""
    for k, word in enumerate(words):
        if word in ("of", "for"):
            return words[k + 1 :]
    return words[:-1]


def _implied_org(ctx: _Ctx, role: _RoleCand, groups: dict[str, _Group],
                 cand_key: dict[int, str]) -> str | None:
    """The organisation a role serves when the text refers to it rather than naming it."""
    pos = role.start
    if role.anaphor is not None:
        if role.anaphor[0] in _ORG_BEFORE and role.title.split()[-1].lower() in _STAFF:
            staff = _staff_employer(ctx, pos, groups, cand_key)
            if staff is not None:  # "an analyst at the firm" after "Analysts at X"
                return staff
        if not role.anaphor[0] and _opens_sentence(ctx.doc.text, pos):
            subject = _previous_subject(ctx, pos, groups, cand_key)
            if subject is not None:  # "Its president, X" after "Acme, which ..., owns Y."
                return subject
        return _anaphor_org(ctx, role.anaphor, pos, groups, cand_key)
    title = norm(role.title)
    if title.endswith(" minister"):  # "Labour Minister" serves the "Labour Ministry"
        subject = title[: -len(" minister")]
        for gkey in sorted(groups):
            name = norm(_name_of(ctx, groups[gkey]))
            if f"{subject} ministry" in name or f"ministry of {subject}" in name:
                return cand_key.get(groups[gkey].members[0])
    if title in ("minister", "deputy minister"):  # "Minister Piotr Zawadzki said"
        found = _anaphor_org(ctx, ("ministry", None), pos, groups, cand_key)
        if found is not None:
            return found
    words = title.split()
    if any(" ".join(words[k:]) in _NATIONAL_TITLES for k in range(len(words))):
        return _dominant(ctx, groups, cand_key, _country_of)
    if any(" ".join(words[k:]) in _STATE_TITLES for k in range(len(words))):
        return _dominant(ctx, groups, cand_key, _state_of) or _dominant(
            ctx, groups, cand_key, _central_bank)
    return None


# "Its" / "Their" (and one lower-case word: "Its national officer") opening a sentence.
_OPENING_ITS_RE = re.compile(r"(?:^|[.!?][\"”’]?\s+)(?:Its|Their)\s+(?:[a-z-]+\s+)?$")
# "analysts at [the] " right before an organisation's name
_STAFF_WORDS = "|".join(sorted(_STAFF))
_STAFF_AT_RE = re.compile(rf"\b(?:{_STAFF_WORDS})\s+at\s+(?:the\s+)?$", re.IGNORECASE)


def _opens_sentence(text: str, pos: int) -> bool:
    """Is the title at ``pos`` introduced by "Its"/"Their" opening a sentence?"""
    return _OPENING_ITS_RE.search(text, max(0, pos - 40), pos) is not None


def _fitting_bodies(ctx: _Ctx, groups: dict[str, _Group]) -> list[_Group]:
    """The groups an organisation anaphor may point to."""
    return [g for g in groups.values() if _group_type(ctx, g) in ("organisation", "government")]


def _previous_subject(ctx: _Ctx, pos: int, groups: dict[str, _Group],
                      cand_key: dict[int, str]) -> str | None:
    """The organisation a sentence-opening "Its" refers to: the first one named in the last
    sentence that names one, which is that sentence's subject far more often than the one
    named last ("Calloway, which is based in Denver, owns a stake in Summit FC. Its
    president ..." is Calloway's)."""
    mentions = [(ctx.cands[m].start, ctx.cands[m].sentence, g)
                for g in _fitting_bodies(ctx, groups) for m in g.members
                if ctx.cands[m].start < pos]
    if not mentions:
        return None
    last_sentence = max(mentions, key=lambda x: x[0])[1]
    first = min((x for x in mentions if x[1] == last_sentence), key=lambda x: x[0])
    return cand_key.get(first[2].members[0])


def _staff_employer(ctx: _Ctx, pos: int, groups: dict[str, _Group],
                    cand_key: dict[int, str]) -> str | None:
    """The organisation last named as employer of staff ("Analysts at Pellham Research
    said ...") before "an analyst at the firm" at ``pos``, or None."""
    text = ctx.doc.text
    best, best_start = None, -1
    for group in _fitting_bodies(ctx, groups):
        for m in group.members:
            start = ctx.cands[m].start
            if best_start < start < pos and _STAFF_AT_RE.search(text, max(0, start - 30),
                                                                start):
                best, best_start = group, start
    return cand_key.get(best.members[0]) if best is not None else None


def _anaphor_org(ctx: _Ctx, anaphor: tuple[str, str | None], pos: int,
                 groups: dict[str, _Group], cand_key: dict[int, str]) -> str | None:
    """The group mentioned last before ``pos`` that fits "the agency" / "its" / "the U.S.
    agency": same head word, or any organisation for "its" and generic nouns ("company")."""
    head, country = anaphor
    best, best_pos = None, -1
    for group in groups.values():
        actor_type = _group_type(ctx, group)
        if actor_type in ("person", "place", "media"):
            continue
        entry = ctx.lex.entries.get(group.key)
        if country is not None:
            fits = entry is not None and entry.country == country
        elif head and head in ctx.lex.suffix:
            fits = any(head in (_norm_head(words), words[-1]) for words in (
                ctx.cands[m].norm.split() for m in group.members))
        else:
            fits = actor_type in ("organisation", "government")
        if not fits:
            continue
        starts = _group_starts(ctx, group)
        last = bisect_left(starts, pos) - 1
        if last >= 0 and starts[last] > best_pos:
            best, best_pos = group, starts[last]
    if best is None and head in _ANY_BODY_HEADS and country is None:
        # "the company's chief executive" after "Acme Corp": a generic head names any body
        return _anaphor_org(ctx, ("", None), pos, groups, cand_key)
    return cand_key.get(best.members[0]) if best is not None else None


# Head nouns that stand for any organisation when no name of the source ends in them.
_ANY_BODY_HEADS = frozenset({"company", "firm", "group", "business", "corporation", "bank",
                             "lender", "insurer", "carrier", "airline", "operator", "maker"})


def _group_type(ctx: _Ctx, group: _Group) -> str:
    """The group's voted type, computed once per group after grouping is final."""
    if group.key not in ctx.group_types:
        ctx.group_types[group.key] = _vote(ctx.cands, group.members)
    return ctx.group_types[group.key]


def _group_starts(ctx: _Ctx, group: _Group) -> list[int]:
    """Sorted mention starts of a group, computed once per group."""
    if group.key not in ctx.group_starts:
        ctx.group_starts[group.key] = sorted(ctx.cands[m].start for m in group.members)
    return ctx.group_starts[group.key]


def _country_of(ctx: _Ctx, group: _Group) -> bool:
    """A country or a country's government (counted together by ``_dominant``)."""
    entry = ctx.lex.entries.get(group.key)
    return entry is not None and (
        entry.kind == "country" or (entry.kind == "government" and entry.country is not None)
    )


def _state_of(ctx: _Ctx, group: _Group) -> bool:
    entry = ctx.lex.entries.get(group.key)
    return entry is not None and entry.level == "state"


def _central_bank(ctx: _Ctx, group: _Group) -> bool:
    return _group_type(ctx, group) == "government" and any(
        _norm_head(ctx.cands[m].norm.split()) == "bank" for m in group.members
    )


def _dominant(ctx: _Ctx, groups: dict[str, _Group], cand_key: dict[int, str],
              accept) -> str | None:
    """The accepted group the source mentions most, if clearly ahead of the next one.

    A country and its government count together; the government is preferred as the
    organisation served when the source names it.
    """
    counts: dict[str, int] = {}
    for gkey, group in groups.items():
        if accept(ctx, group):
            base = gkey.removesuffix("-government")
            counts[base] = counts.get(base, 0) + len(group.members)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None  # no clear subject
    base = ranked[0][0]
    chosen = groups.get(f"{base}-government") or groups.get(base)
    return cand_key.get(chosen.members[0]) if chosen is not None else None


# ------------------------------------------------------------------ entry point


_NAME_LINKS = frozenset({"of", "for", "and", "&"})


def _mid_caps(sentences: list[tuple[Sentence, list[Token]]]
              ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words the source capitalises mid-sentence, those among them that stand alone
    (no capitalised neighbour): "Kestrel" in "said Kestrel", not "Copper" in "Chilean
    Copper Commission", and those that start or end a run of capitalised words."""
    words: set[str] = set()
    lone: set[str] = set()
    edge: set[str] = set()
    for _, toks in sentences:
        first = next((k for k, t in enumerate(toks) if t.text not in _OPEN_PUNCT), 0)
        for k in compress(range(len(toks)), map(_CAP, toks)):  # the few capitalised tokens
            if k <= first or _clause_initial(toks, k):
                continue
            tok = toks[k]
            words.add(tok.lower)
            prev = toks[k - 1]
            starts = not prev.cap and not (  # (nor after "of" inside "Court of Appeal")
                prev.lower in _NAME_LINKS and k >= 2 and toks[k - 2].cap)
            nxt = k + 2 if k + 2 < len(toks) and toks[k + 1].text in _POSSESSIVE else k + 1
            ends = not (nxt < len(toks) and toks[nxt].cap)  # (on past "Growers' Union")
            if starts and ends:
                lone.add(tok.lower)
            elif starts or ends:
                edge.add(tok.lower)
    return frozenset(words), frozenset(lone), frozenset(edge)


def _dateline_outlet(ctx: _Ctx, sentences: list[Sentence]) -> None:
    """The outlet credited in a dateline ("LONDON (Reuters) -", "(AP) —") is a media actor.

    ``mark_quality`` has moved the dateline out of its sentence (it is no claim and no
    sentence text), so it is found in the gap before one of the first sentences; its
    mention belongs to that sentence, whose span it precedes.
    """
    text = ctx.doc.text
    prev_end = 0
    for s in sentences[:3]:
        gap = text[prev_end : s.start]
        prev_end = s.end
        if "(" not in gap:
            continue  # most sources: nothing between two sentences but white space
        gap_start = s.start - len(gap.lstrip())
        span = dateline_outlet(text[gap_start : s.end])
        if span is None or gap_start + span[1] > s.start:
            continue
        start, end = gap_start + span[0], gap_start + span[1]
        name = text[start:end]
        entry = ctx.lex.forms.get(norm(name))
        if entry is not None:
            _entry_cand(ctx, entry, name, start, end, s.id)
        else:  # the dateline says what it is: as strong as a gazetteer entry
            _add(ctx, _Cand(name, start, end, s.id, norm(name), len(name.split()), "media",
                            _GAZ))
        return


_CREDIT_RE = re.compile(r"^\W*(?:additional )?reporting by\b", re.IGNORECASE)


def _credit_outlets(ctx: _Ctx, sentences: list[Sentence]) -> None:
    """A known outlet credited in a credit line ("(Additional reporting by AFP)",
    "Reporting by Jane Doe and Reuters") is a media actor: it contributed to the story.
    The people credited there are not actors, and only a gazetteer outlet is taken (the
    line is boilerplate, left out of everything else)."""
    for s in sentences:
        if not s.boilerplate or not _CREDIT_RE.match(s.text):
            continue
        toks = tokenize(s.text, s.start)
        for kind, i, j in _spans(toks, ctx.lex):
            entry = ctx.lex.forms.get(norm(_text(ctx.doc, toks, i, j)))
            if kind == "cap" and entry is not None and entry.kind == "media":
                _entry_cand(ctx, entry, _text(ctx.doc, toks, i, j), toks[i].start,
                            toks[j - 1].end, s.id)


def _is_ai_doc(text: str) -> bool:
    lowered = f" {text.lower()} "
    return any(word in lowered for word in _AI_WORDS)


def find_actors(doc: Document, sentences: list[Sentence]) -> list[LocalActor]:
    """Every actor of one source, with its mentions (spans into doc.text) and roles."""
    lex = lexicon()
    tokenised = [(s, tokenize(s.text, s.start)) for s in sentences if not s.boilerplate]
    words: set[str] = set()
    for _, toks in tokenised:  # C-level map/filter: this visits every token of the source
        words.update(filter(str.islower, map(_TEXT, toks)))
    lower_words = frozenset(words)  # (a word with no capital is its own lower case)
    mid_caps, lone_caps, edge_caps = _mid_caps(tokenised)
    ctx = _Ctx(doc, lex, mid_caps, lone_caps, lower_words, _is_ai_doc(doc.text), edge_caps)
    ctx.pairs = _opening_pairs(ctx, tokenised)
    if "(" in doc.text:
        ctx.terms = _defined_terms(doc.text)
    # Lower-case ministries and references need (lower-case) words most sources never
    # use: asked once for the source rather than sentence by sentence.
    ministries = "ministry" in lower_words
    references = not _REFERRING_HEADS.isdisjoint(lower_words)
    headlines = []
    for sent, toks in tokenised:
        if _is_headline(toks):
            headlines.append((sent, toks))
            continue
        _scan_roles_and_names(ctx, toks, sent.id, headline=False)
        _anaphora(ctx, toks, sent.id)
        if ministries:
            _lowercase_ministries(ctx, toks, sent.id)
        if references:
            _lowercase_references(ctx, toks, sent.id)
    _dateline_outlet(ctx, sentences)
    _credit_outlets(ctx, sentences)
    ctx.known = {c.norm for c in ctx.cands}
    for sent, toks in headlines:
        _scan_roles_and_names(ctx, toks, sent.id, headline=True)
    return _build(ctx, _group(ctx))
