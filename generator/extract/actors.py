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

from dataclasses import dataclass, field

from generator.extract.names import (
    Entry,
    Lexicon,
    Token,
    has_digit,
    initials,
    lexicon,
    norm,
    slugify,
    tokenize,
)
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
        "declined", "refused",
    ]
)
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "des", "da", "di", "del", "bin",
                        "al", "la", "le", "ibn"})
_OPEN_PUNCT = frozenset({'"', "“", "‘", "'", "(", "[", "«", "—", "-", "–", ":"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "lord", "lady", "mx"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
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
_SPEAK = frozenset({"speaking", "talking", "spoke", "speak", "talked", "interview", "said"})
_MEDIA_AFTER = frozenset({"reported", "reports", "reporting", "reveals", "revealed"})
_OWNED = frozenset({"model", "models", "initiative", "project", "programme", "program",
                    "chatbot", "platform", "product", "products", "system", "tool", "app",
                    "service", "software", "chip", "chips", "plan", "assistant"})
_AI_WORDS = ("artificial intelligence", " ai ", " ai-", "model", "chatbot", "llm",
             "machine learning", "neural")
_PERSON_MAX_TOKENS = 5

# Strengths of type evidence, strongest wins.
_GAZ, _HEAD, _CUE, _DEFAULT = 3, 2, 1, 0


@dataclass
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


@dataclass
class _RoleCand:
    person: int  # index into the candidate list
    title: str
    org: int | None  # index into the candidate list
    sentence: str
    start: int
    end: int
    qualifier: str | None = None


@dataclass
class _Ctx:
    doc: Document
    lex: Lexicon
    mid_caps: frozenset[str]  # lower-cased words the source capitalises mid-sentence
    lower_words: frozenset[str]  # words the source writes in lower case
    ai_doc: bool
    cands: list[_Cand] = field(default_factory=list)
    roles: list[_RoleCand] = field(default_factory=list)
    last_gov: dict[str, int] = field(default_factory=dict)  # "administration" -> cand idx
    known: set[str] = field(default_factory=set)  # norms found outside headlines


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
    return tok.cap and tok.lower not in lex.never and tok.lower.rstrip(".") not in lex.never


def _extend(toks: list[Token], i: int, lex: Lexicon) -> int:
    """End (exclusive) of the capitalised run starting at i, with name-internal connectors."""
    n = len(toks)
    j = i + 1
    while j < n:
        tok = toks[j]
        if _title_len(toks, j, lex):
            break
        if _is_name_word(tok, lex):
            j += 1
            continue
        prev = toks[j - 1].lower
        if tok.version and prev not in lex.not_versioned and norm(
            " ".join(t.text for t in toks[i:j])
        ) not in lex.forms:
            j += 1  # "Llama 3", "Gemini 2.5 Pro"
            continue
        nxt = j + 1 < n and _is_name_word(toks[j + 1], lex)
        if tok.lower in _PARTICLES and nxt and not _title_len(toks, j + 1, lex):
            j += 1
            continue
        if tok.lower in ("of", "for") and prev in lex.suffix:
            k = j + 1
            if k < n and toks[k].lower == "the":
                k += 1
            if k < n and _is_name_word(toks[k], lex) and not _title_len(toks, k, lex):
                j = k + 1
                continue
        if tok.lower in ("and", "&") and nxt:
            k = j + 1
            while k < n and _is_name_word(toks[k], lex):
                k += 1
            if lex.suffix.get(toks[k - 1].lower) in ("government", "organisation"):
                j = k
                continue
        break
    return j


def _spans(toks: list[Token], lex: Lexicon) -> list[tuple[str, int, int]]:
    """("title" | "cap", start, end) token spans of one sentence, in order."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        length = _title_len(toks, i, lex)
        if length:
            out.append(("title", i, i + length))
            i += length
        elif _is_name_word(toks[i], lex):
            j = _extend(toks, i, lex)
            out.append(("cap", i, j))
            i = j
        else:
            i += 1
    return out


def _sentence_initial(toks: list[Token], i: int) -> bool:
    """Is token i the first word of its sentence (only opening punctuation before it)?"""
    return all(toks[k].text in _OPEN_PUNCT for k in range(i))


def _is_headline(toks: list[Token]) -> bool:
    words = [t for t in toks if t.text[0].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.7


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
    """Type from the head word: last word, or the word before "of"/"for"; or a prefix."""
    span = toks[i:j]
    for k, tok in enumerate(span):
        if tok.lower in ("of", "for") and k > 0:
            head = lex.suffix.get(span[k - 1].lower)
            if head:
                return head
            break
    if j - i >= 2 and span[0].lower in lex.prefix:
        return lex.prefix[span[0].lower]
    if j - i >= 2 or not span[0].text.isupper():
        return lex.suffix.get(span[-1].lower)
    return None


def _person_like(toks: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Could these tokens be a person's name? (Not a gazetteer entry, no org head word.)"""
    if j - i > _PERSON_MAX_TOKENS:
        return False
    words = [t for t in toks[i:j] if t.lower not in _PARTICLES]
    if not words or norm(" ".join(t.text for t in toks[i:j])) in lex.forms:
        return False
    if lex.suffix.get(words[-1].lower) or words[-1].lower in lex.alone:
        return False
    return all(w.text[0].isupper() and w.text.replace("-", "").replace("'", "").replace(
        "’", "").isalpha() and not (len(w.text) > 1 and w.text.isupper()) for w in words)


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
    demonym = lex.demonyms.get(key)
    if demonym is not None:
        if nxt is not None and nxt.lower in _GOV_WORDS:
            return _government_cand(ctx, demonym, toks, i, j + 1, sid)
        return None  # "Chinese exporters": an adjective, not a mention
    compound = _compound(ctx, toks, i, j, sid)
    if compound is not None:
        return compound if compound >= 0 else None
    # A lone generic word ("AI", "Commission") is kept for now: grouping resolves it
    # against a full name in the source or drops it; it never becomes an actor by itself.
    if j - i == 1:
        word = toks[i].lower
        if _sentence_initial(toks, i) and word not in ctx.mid_caps and not (
            nxt is not None and (nxt.text in _POSSESSIVE or _title_len(toks, j, lex))
        ) and not _speaker(ctx, toks[i], nxt):
            return None
    actor_type, strength = _type_of(ctx, toks, i, j)
    cand = _Cand(text, start, end, sid, key, j - i, actor_type, strength)
    _acronym_in_parentheses(toks, j, cand)
    return _add(ctx, cand)


def _speaker(ctx: _Ctx, tok: Token, nxt: Token | None) -> bool:
    """A lone capitalised opener that speaks ("Raman said") is a name, unless the source
    also uses the word in lower case or it looks like a plural noun ("Researchers said")."""
    word = tok.lower
    return (
        nxt is not None
        and nxt.lower in _SAYS
        and word not in ctx.lower_words
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
            return _add(ctx, cand)
        # Not one name: the known actor, then whatever follows it.
        if prefix in lex.forms:
            _gazetteer_cand(ctx, entry, toks, i, i + length, sid)
        rest_idx = _classify(ctx, toks, i + length, j, sid, headline=False)
        return rest_idx if rest_idx is not None else -1
    return None


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
    if prev in ("model", "models", "chatbot"):
        return "ai_model", _HEAD
    if prev.rstrip(".") in _HONORIFICS:
        return "person", _HEAD
    if prev in _MEDIA_BEFORE or (prev == "to" and prev2 in _SPEAK) or (
        prev == "by" and prev2 == "reported"
    ) or (prev == "with" and prev2 == "interview") or nxt in _MEDIA_AFTER:
        return "media", _CUE
    if nxt in _POSSESSIVE and any(
        t.lower in _OWNED for t in toks[j + 1 : min(n, j + 5)]
    ):
        return "organisation", _CUE
    if j - i >= 2 and _person_like(toks, i, j, lex):
        strength = _CUE if toks[i].text in lex.given else _DEFAULT
        return "person", strength
    return "organisation", _DEFAULT


def _acronym_in_parentheses(toks: list[Token], j: int, cand: _Cand) -> None:
    """"General Data Protection Regulation (GDPR)": the acronym is an alias."""
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
        acronym = toks[j + 1].text
        if acronym.isupper() and len(acronym) >= 2:
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
        if country is not None and country.kind == "country":
            extra = _text(ctx.doc, toks, i + length, j) if i + length < j else ""
            full = f"{extra} {title}".strip()
            idx = _government_cand(ctx, country, toks, i, i + length, sid)
            return full, idx
    whole = lex.forms.get(norm(_text(ctx.doc, toks, i, j)))
    if whole is not None or _head_type(toks, i, j, lex) or kind != "government":
        idx = _classify(ctx, toks, i, j, sid, headline=False)
        if idx is not None and ctx.cands[idx].strength < _HEAD:
            ctx.cands[idx].votes.append(("organisation", _CUE))
        return title, idx
    return f"{_text(ctx.doc, toks, i, j)} {title}", None


def _person(ctx: _Ctx, toks: list[Token], p: tuple[int, int], sid: str) -> int | None:
    i, j = p
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
    for pos, (kind, i, j) in enumerate(spans):
        if kind != "title" or headline:
            continue
        title = _text(ctx.doc, toks, i, j)
        tkind = ctx.lex.titles[tuple(t.lower for t in toks[i:j])]
        before = spans[pos - 1] if pos > 0 else None
        after = spans[pos + 1] if pos + 1 < len(spans) else None
        # "[Org] [Title] [Person]" / "[Org]'s [Title] [Person]" / "[Title] [Person]"
        if after and after[0] == "cap" and after[1] == j:
            org_span = None
            if before and before[0] == "cap" and (
                before[2] == i or (before[2] + 1 == i and toks[before[2]].text in _POSSESSIVE)
            ):
                org_span = (before[1], before[2])
            person = _person(ctx, toks, (after[1], after[2]), sid)
            if person is None:
                continue
            org = None
            full_title = title
            if org_span is not None:
                full_title, org = _org_from_modifier(ctx, toks, org_span, title, tkind, sid)
                used.add(pos - 1)
            used.add(pos + 1)
            ctx.roles.append(_RoleCand(person, full_title, org, sid, toks[i].start,
                                       toks[j - 1].end))
            continue
        # "Person, a title for/of/at [the] Org [on qualifier]"
        if before and before[0] == "cap" and pos - 1 not in used:
            _apposition(ctx, toks, spans, pos, sid, used)
    last: tuple[int, int] | None = None  # (token end, candidate index) of the previous name
    for pos, (kind, i, j) in enumerate(spans):
        if kind != "cap" or pos in used:
            continue
        owner = last[1] if last and i >= 2 and last[0] == i - 1 else None
        if owner is not None and toks[i - 1].text in _POSSESSIVE:
            idx = _owned_body(ctx, toks, i, j, sid, owner)
        else:
            idx = _classify(ctx, toks, i, j, sid, headline)
        last = (j, idx) if idx is not None else None


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
    while k < ti and toks[k].lower in _DETERMINERS:
        k += 1
    between = [p for p in range(ppos + 1, pos) if spans[p][0] == "cap"]
    if between:
        opos = between[-1]
        org = (spans[opos][1], spans[opos][2])
    elif ti - k > 3 or any(not t.text.isalpha() or t.cap for t in toks[k:ti]):
        return
    qualifier = None
    if org is None and tj < len(toks) and toks[tj].lower in _ROLE_PREPS:
        m = tj + 1
        if m < len(toks) and toks[m].lower == "the":
            m += 1
        after = next((p for p in range(pos + 1, len(spans)) if spans[p][1] == m), None)
        if after is not None and spans[after][0] == "cap":
            opos = after
            org = (spans[after][1], spans[after][2])
            qualifier = _qualifier(ctx, toks, spans[after][2])
    person = _person(ctx, toks, (pi, pj), sid)
    if person is None:
        return
    used.add(ppos)
    org_idx = None
    title = _text(ctx.doc, toks, ti, tj)
    if org is not None and opos is not None:
        tkind = ctx.lex.titles[tuple(t.lower for t in toks[ti:tj])]
        title, org_idx = _org_from_modifier(ctx, toks, org, title, tkind, sid)
        used.add(opos)
    ctx.roles.append(_RoleCand(person, title, org_idx, sid, toks[ti].start, toks[tj - 1].end,
                               qualifier))


def _anaphora(ctx: _Ctx, toks: list[Token], sid: str) -> None:
    """"the administration" / "the government" after a named government in this source."""
    for k in range(1, len(toks)):
        tok = toks[k]
        if tok.lower in ctx.last_gov and toks[k - 1].lower == "the":
            ref = ctx.last_gov[tok.lower]
            if ctx.cands[ref].start < tok.start:
                cand = ctx.cands[ref]
                _add(ctx, _Cand(tok.text, tok.start, tok.end, sid, norm(tok.text), 1,
                                cand.type, cand.strength, key=cand.key, name=cand.name))


# ------------------------------------------------------------------ grouping


@dataclass
class _Group:
    key: str  # provisional grouping key
    members: list[int] = field(default_factory=list)
    name: str | None = None  # canonical name when known (gazetteer)


def _vote(cands: list[_Cand], members: list[int]) -> str:
    """Strongest evidence wins; then the most frequent; then ACTOR_TYPES order."""
    score: dict[str, tuple[int, int]] = {}
    for idx in members:
        cand = cands[idx]
        for actor_type, strength in [(cand.type, cand.strength), *cand.votes]:
            best, count = score.get(actor_type, (-1, 0))
            score[actor_type] = (max(best, strength), count + 1)
    return min(score, key=lambda t: (-score[t][0], -score[t][1], ACTOR_TYPES.index(t)))


def _group(ctx: _Ctx) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for idx, cand in enumerate(ctx.cands):
        gkey = cand.key or f"n:{cand.norm}"
        groups.setdefault(gkey, _Group(gkey)).members.append(idx)
    _resolve_short_forms(ctx, groups)
    return groups


def _forms_of(ctx: _Ctx, group: _Group, actor_type: str) -> set[str]:
    """Forms by which a longer name may be referred to later in the same source."""
    forms: set[str] = set()
    for idx in group.members:
        cand = ctx.cands[idx]
        words = cand.norm.split()
        forms.update(norm(a) for a in cand.aliases)
        if len(words) < 2:
            continue
        forms.add(initials(cand.text).lower())
        if actor_type == "person":
            forms.add(words[-1])
        elif words[-1] in ctx.lex.suffix:
            forms.add(words[-1])  # "the Commission", "the Institute"
            if actor_type == "organisation" and words[0] not in ctx.lex.alone:
                forms.add(words[0])  # "Goldman" after "Goldman Sachs Group"
    return forms


def _resolve_short_forms(ctx: _Ctx, groups: dict[str, _Group]) -> None:
    """Fold short forms (surname, "Commission", acronym) into the unique longer name."""
    index: dict[str, set[str]] = {}
    for gkey, group in groups.items():
        for form in _forms_of(ctx, group, _vote(ctx.cands, group.members)):
            index.setdefault(form, set()).add(gkey)
    order = sorted(
        (g for g in groups.values() if g.key.startswith("n:")),
        key=lambda g: (len(g.key.split()), g.key),
    )
    for group in order:
        form = group.key[2:]
        targets = sorted(t for t in index.get(form, set()) if t != group.key and t in groups)
        target = targets[0] if len(targets) == 1 else None
        if target is None and not targets:
            target = _short_gazetteer(ctx, form, groups)
        if target is not None:
            groups[target].members.extend(group.members)
            del groups[group.key]
            continue
        words = form.split()
        if len(words) == 1 and (words[0] in ctx.lex.alone or words[0] in ctx.lex.suffix):
            del groups[group.key]  # a generic word that names nothing here


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
        actors[person].roles.append(
            Role(title=role.title, organisation=org, source=ctx.doc.id, sentence=role.sentence,
                 start=role.start, end=role.end, qualifier=role.qualifier)
        )
    for actor in actors.values():
        actor.roles.sort(key=lambda r: (r.start, r.title))
    return sorted(actors.values(), key=lambda a: a.key)


# ------------------------------------------------------------------ entry point


def _mid_caps(sentences: list[tuple[Sentence, list[Token]]]) -> frozenset[str]:
    words = set()
    for _, toks in sentences:
        first = next((k for k, t in enumerate(toks) if t.text not in _OPEN_PUNCT), 0)
        words.update(t.lower for t in toks[first + 1 :] if t.cap)
    return frozenset(words)


def _is_ai_doc(text: str) -> bool:
    lowered = f" {text.lower()} "
    return any(word in lowered for word in _AI_WORDS)


def find_actors(doc: Document, sentences: list[Sentence]) -> list[LocalActor]:
    """Every actor of one source, with its mentions (spans into doc.text) and roles."""
    lex = lexicon()
    tokenised = [(s, tokenize(s.text, s.start)) for s in sentences if not s.boilerplate]
    lower_words = frozenset(t.text for _, toks in tokenised for t in toks if t.text.islower())
    ctx = _Ctx(doc, lex, _mid_caps(tokenised), lower_words, _is_ai_doc(doc.text))
    headlines = []
    for sent, toks in tokenised:
        if _is_headline(toks):
            headlines.append((sent, toks))
            continue
        _scan_roles_and_names(ctx, toks, sent.id, headline=False)
        _anaphora(ctx, toks, sent.id)
    ctx.known = {c.norm for c in ctx.cands}
    for sent, toks in headlines:
        _scan_roles_and_names(ctx, toks, sent.id, headline=True)
    return _build(ctx, _group(ctx))
