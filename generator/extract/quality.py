"""Quality flags on sentences: truncation, boilerplate, and a dateline/outlet prefix.

Everything is flagged, nothing deleted: the text and the sentence spans stay intact (except
that a dateline prefix is moved out of the first sentence's span), so the reader can see what
the source really says. Later stages keep flagged sentences out of key points and claims.

Truncation is judged only where a sentence ends a paragraph (or the document) without closing
punctuation, since that is where a cut-off shows. Headings, headlines, list items and short
credit or caption lines legitimately lack a full stop; they are flagged only when they end on
a word no sentence can end on ("the", "and", ...). A preposition-like last word that is the
particle of a phrasal verb ("vow to fight on"), a predicate ("the outage is over") or part of
an adverbial ("ever since") does not count, and the document's first line, when short and
followed by body text, is a headline, which may end on a preposition but never on "the".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import yaml

from generator.extract.events import month_number
from generator.extract.names import gazetteer, title_heads
from generator.extract.prefilter import anchored_at_start, any_of, required_literals
from generator.extract.sentences import DATA_DIR, folded
from generator.models import Document, QualityNote, Sentence

_CLOSERS = "\"'”’)]»"
_TERMINAL = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’)\]»]*$")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)[\"'”’)\]»]*$|\[\+\d+ chars\]$")
_RUNON_END = re.compile(r"[,;(/&\-–—]$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z'’\-]*)[\"'”’)\]»]*$")
_WH_START = re.compile(r"\W*(?:what|which|who|whom|where|how|why)\b", re.I)
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t])")
_DOMAIN = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\."
    r"(?:com|org|net|ai|io|co|news|info|uk|eu|de|fr|us|ca|au|in|cn|jp|tv|me|app|dev|gov|edu"
    r"|biz|online|site|media|press|today)\b(?:/\S*)?"
)
# Words a title-case headline leaves in lower case.
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for"}
    | {"with", "from", "as", "vs", "via", "into", "over", "per", "up"}
)
# Short unpunctuated lines that are prose fragments rather than headings or credit lines.
_PROSE_MIN_WORDS = 12
_HEADLINE_MAX_WORDS = 20


# ------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class _Alternation:
    """Patterns searched exactly as their alternation ``(?:p1)|(?:p2)|...`` would be, faster.

    ``re`` tries every alternative at every position, which made the ~40 boilerplate
    patterns the costliest regex of extraction. Here the whole alternation is tried only at
    the start of the text (where the ``^`` patterns live); elsewhere each pattern is searched
    on its own, and only when the text contains a literal every match of it needs (see
    ``prefilter``). The leftmost match wins, and at equal starts the earlier pattern, as in
    the alternation.
    """

    whole: re.Pattern[str]
    # (pattern, lower-case literals one of which every match contains, or None)
    inner: tuple[tuple[str, tuple[str, ...] | None], ...]
    any_need: re.Pattern[str] | None  # any literal of any inner pattern (None: some has none)
    flags: int
    # Inner patterns compiled on first use: most never get past their literal test, so
    # compiling them all up front only added to the start-up time of every run.
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def compile(cls, patterns: list[str], flags: int) -> _Alternation:
        whole = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        inner = tuple(
            (p, required_literals(p, flags)) for p in patterns if not anchored_at_start(p, flags)
        )
        needs = {n for _, ns in inner for n in ns or ()}
        any_need = any_of(needs) if all(ns for _, ns in inner) else None
        return cls(whole, inner, any_need, flags)

    def _pattern(self, source: str) -> re.Pattern[str]:
        pattern = self.compiled.get(source)
        if pattern is None:
            pattern = self.compiled[source] = re.compile(source, self.flags)
        return pattern

    def search(self, text: str) -> re.Match[str] | None:
        found = self.whole.match(text)
        if found is not None:
            return found  # what the alternation finds at position 0, so leftmost
        low = folded(text)  # the sentence as the later stages fold it: cached for them
        if low is not None and self.any_need is not None and not self.any_need.search(low):
            return None  # no inner pattern can match: most sentences end here
        best = None
        has = low.__contains__ if low is not None else None
        for source, needs in self.inner:
            if needs is not None and has is not None and not any(map(has, needs)):
                continue
            m = self._pattern(source).search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


@dataclass(frozen=True)
class _Boilerplate:
    anywhere: _Alternation
    related: re.Pattern[str]
    call_to_action: re.Pattern[str]
    promo: re.Pattern[str]
    max_words: int
    tail_paragraphs: int
    question_opener: re.Pattern[str]
    reader_address: re.Pattern[str]
    prompt_max_words: int
    tail_call_to_action: re.Pattern[str]
    sign_off: re.Pattern[str]
    tail_offer: re.Pattern[str]


def _words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# libyaml's parser when installed: the same objects as ``yaml.safe_load``, much faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_YAML_LOADER)


@lru_cache(maxsize=1)
def _boilerplate() -> _Boilerplate:
    data = _load_yaml((DATA_DIR / "boilerplate.yml").read_text(encoding="utf-8"))
    cta = _words_pattern(data["call_to_action"])
    address = "|".join(w.replace("'", "['’]") for w in data["reader_address"])
    offer = "|".join(f"(?:{p})" for p in data["tail_offer"])
    return _Boilerplate(
        anywhere=_Alternation.compile(data["anywhere"], re.I),
        related=re.compile("|".join(f"(?:{p})" for p in data["related"]), re.I),
        call_to_action=re.compile(rf"^\W*(?:{cta})\b", re.I),
        promo=re.compile(r"\b(?:" + "|".join(data["promo_words"]) + r")\b", re.I),
        max_words=int(data["max_words"]),
        tail_paragraphs=int(data["tail_paragraphs"]),
        question_opener=re.compile(
            rf"^\W*(?:{_words_pattern(data['reader_question_openers'])})\b", re.I
        ),
        reader_address=re.compile(rf"(?<![\w'’])(?:{address})(?![\w'’])", re.I),
        prompt_max_words=int(data["prompt_max_words"]),
        tail_call_to_action=re.compile(
            rf"^\W*(?:{_words_pattern(data['tail_call_to_action'])})\b", re.I
        ),
        sign_off=re.compile(data["sign_off"]),
        tail_offer=re.compile(offer, re.I),
    )


@lru_cache(maxsize=1)
def _dangling() -> dict[str, str]:
    """Lower-case function word -> "strong" | "weak" (see quality_dangling.txt)."""
    table = {}
    for line in (DATA_DIR / "quality_dangling.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, strength = line.split()
            table[word] = strength
    return table


@dataclass(frozen=True)
class _Particles:
    """Endings on a dangling word that still close a sentence (see quality_particles.yml)."""

    verbs: dict[str, frozenset[str]]  # particle -> verb forms that take it intransitively
    object_pronouns: frozenset[str]
    be_forms: frozenset[str]
    be_predicates: frozenset[str]
    adverbial: dict[str, frozenset[str]]  # word -> words before it that make an adverbial


def _verb_forms(base: str) -> set[str]:
    """``base`` with its regular inflections; overgenerating is harmless (a lookup set)."""
    forms = {base, base + "s", base + "es", base + "ed", base + "ing"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # step -> stepped
    return forms


@lru_cache(maxsize=1)
def _particles() -> _Particles:
    data = _load_yaml((DATA_DIR / "quality_particles.yml").read_text(encoding="utf-8"))
    verbs = {
        str(particle): frozenset(f for base in bases for f in _verb_forms(str(base).lower()))
        for particle, bases in data["verbs"].items()
    }
    adverbial = {str(w): frozenset(map(str, before)) for w, before in data["adverbial"].items()}
    return _Particles(
        verbs,
        frozenset(data["object_pronouns"]),
        frozenset(data["be_forms"]),
        frozenset(data["be_predicates"]),
        adverbial,
    )


@dataclass(frozen=True)
class _Dateline:
    outlet_prefix: re.Pattern[str]
    city_outlet: re.Pattern[str]
    city_only: re.Pattern[str]
    section_labels: frozenset[str]
    label_heads: frozenset[str]


_DASH = r"(?:[ \t]+[-–—]{1,2}[ \t]+|[ \t]*[—–][ \t]*)"
_NEXT = r"(?=[\"“‘'(]?[A-Z0-9])"
# ", Calif.", ", May 3", ", Jan. 5, 2025" after the place name of a dateline.
# British order puts the day first (", 3 February", ", 3 Feb. 2026").
_PLACE_EXTRA = (
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)?(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?"
    r"|,[ \t]*\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:,?[ \t]+\d{4})?)"
)


# Up to three capitalised words, then a spaced dash, then the sentence proper.
_NAME_PREFIX = re.compile(
    r"(?P<name>[A-Z][\w&'’.]*(?:[ \t]+[A-Z][\w&'’.]*){0,2})[ \t]+[-–—]{1,2}[ \t]+"
    r"(?=[\"“]?[A-Z])"
)


@lru_cache(maxsize=1)
def _dateline() -> _Dateline:
    data = _load_yaml((DATA_DIR / "dateline.yml").read_text(encoding="utf-8"))
    heads = "|".join(re.escape(h) for h in data["outlet_heads"])
    name_word = r"[A-Z][\w&'’.]*"
    outlet_prefix = re.compile(
        rf"(?P<outlet>(?:{name_word}[ \t]+){{0,4}}(?:{heads})"
        rf"|\((?P<paren>[A-Z][\w&.'’ \-]{{0,40}})\))"
        rf"{_DASH}{_NEXT}"
    )
    # A joint dateline names its cities with a slash ("PARIS/BERLIN").
    place = r"[A-Z][A-Za-z.'’\-]*(?:(?:[ \t]+|/)[A-Z][A-Za-z.'’\-]*){0,3}"
    city_outlet = re.compile(
        rf"(?P<place>{place}){_PLACE_EXTRA}{{0,2}}[ \t]*\((?P<outlet>[A-Z][\w&.'’ \-]{{0,40}})\)"
        rf"(?:{_DASH}|[ \t]*:[ \t]+){_NEXT}"
    )
    caps = r"[A-Z][A-Z.'’\-]+"
    city_only = re.compile(
        rf"(?P<place>{caps}(?:(?:[ \t]+|/){caps}){{0,3}}){_PLACE_EXTRA}{{0,2}}{_DASH}{_NEXT}"
    )
    return _Dateline(
        outlet_prefix,
        city_outlet,
        city_only,
        frozenset(data["section_labels"]),
        frozenset(data["label_heads"]),
    )


# ------------------------------------------------------------------------------ public API


def mark_quality(doc: Document, sentences: list[Sentence]) -> list[QualityNote]:
    """Flag truncated and boilerplate sentences in place, handle a dateline; return notes.

    Notes come in text order: the dateline note (if any) first, then one note per flagged
    sentence.
    """
    notes: list[QualityNote] = []
    if not sentences:
        return notes
    note = _handle_dateline(doc, sentences)
    if note is not None:
        notes.append(note)
    n_paragraphs = sentences[-1].paragraph + 1
    reasons = [_boilerplate_reason(doc, s, n_paragraphs) for s in sentences]
    _mark_publication_line(doc, sentences, reasons)
    _mark_byline(doc, sentences, reasons)
    _mark_related_lists(doc, sentences, reasons)
    _mark_tail_prompts(sentences, reasons)
    paragraph_start = 0  # where the current paragraph's first sentence starts in the text
    for i, s in enumerate(sentences):
        if i == 0 or sentences[i - 1].paragraph != s.paragraph:
            paragraph_start = s.start
        reason = reasons[i]
        if reason:
            s.boilerplate = True
            s.note = reason
            notes.append(QualityNote("boilerplate", f"{s.id}: {reason}", s.id))
            continue
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        reason = _truncation_reason(doc, sentences, i, nxt, paragraph_start)
        if reason:
            s.truncated = True
            s.note = reason
            notes.append(QualityNote("truncated", f"{s.id}: {reason}", s.id))
    return notes


# ------------------------------------------------------------------------------ boilerplate


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS_EDGE = re.compile(r"^[*_~\s]+|[*_~\s]+$")
_QUOTE_MARKS = re.compile("[\"“”«»]")
_RELATED_REASON = "related-links heading"
# A condition addressed to the reader before an imperative: "If you enjoyed this, share it."
_READER_CONDITION = re.compile(r"^\W*(?:if|when|once|whether) you\b[^,.?!]{0,60},\s*", re.I)


def _plain(text: str) -> str:
    """The sentence as read: Markdown links reduced to their text, emphasis marks cut."""
    text = text.strip()
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if text and not (text[0] in "*_~" or text[-1] in "*_~" or text[0].isspace()
                     or text[-1].isspace()):
        return text  # nothing for _EMPHASIS_EDGE to cut (it is all this test saves)
    return _EMPHASIS_EDGE.sub("", text)


def _boilerplate_reason(doc: Document, s: Sentence, n_paragraphs: int) -> str | None:
    """Why ``s`` is boilerplate (promotional tail, credits, share prompts...), or None."""
    bp = _boilerplate()
    text = _plain(s.text)
    words = len(text.split())
    if words > 60:
        return None  # long running text is reporting, whatever phrase it quotes
    m = bp.anywhere.search(text)
    if m:
        return f"boilerplate ({m.group().strip()[:40]!r})"
    if bp.related.search(text):
        return _RELATED_REASON
    if words > bp.max_words or not bp.call_to_action.search(text):
        return None
    in_tail = s.paragraph >= n_paragraphs - bp.tail_paragraphs
    has_link = _DOMAIN.search(text) is not None
    if in_tail and not has_link and bp.tail_call_to_action.search(text):
        return "promotional call to action at the end of the text"
    if has_link or (in_tail and bp.promo.search(text)):
        return "promotional call to action" + (" with a web address" if has_link else "")
    return None


def _mark_related_lists(doc: Document, sentences: list[Sentence], reasons: list[str | None]
                        ) -> None:
    """The links or headlines listed under a "Related:" heading are boilerplate too.

    The list runs over the following paragraphs while they are list items, Markdown links or
    short lines without closing punctuation (headlines); it ends at the first running text.
    """
    i = 0
    while i < len(sentences):
        if reasons[i] != _RELATED_REASON:
            i += 1
            continue
        heading_paragraph = sentences[i].paragraph
        j = i + 1
        while j < len(sentences) and sentences[j].paragraph == heading_paragraph:
            j += 1
        while j < len(sentences) and _is_listed_link(doc, sentences, j):
            reasons[j] = reasons[j] or "listed under a related-links heading"
            j += 1
        i = j


def _is_listed_link(doc: Document, sentences: list[Sentence], j: int) -> bool:
    """A paragraph of its own that is a list item, a link, or a short headline-like line."""
    s = sentences[j]
    alone = (j == 0 or sentences[j - 1].paragraph != s.paragraph) and (
        j + 1 == len(sentences) or sentences[j + 1].paragraph != s.paragraph
    )
    if not alone:
        return False
    line = _line_start(doc.text, s.start)
    text = s.text.strip()
    if _LIST_ITEM.match(line) or _MD_LINK.fullmatch(_EMPHASIS_EDGE.sub("", text)):
        return True
    return len(text.split()) <= _HEADLINE_MAX_WORDS and not _TERMINAL.search(_plain(text))


def _mark_tail_prompts(sentences: list[Sentence], reasons: list[str | None]) -> None:
    """Reader prompts in the trailing block of the text are boilerplate.

    Walking back from the last paragraph: a paragraph that is all boilerplate is passed over;
    one whose other sentences are all reader prompts ("Enjoyed this story?", "Forward it to a
    friend.", "Do you ...? Tell us ...", "Have a view? Tell us ...") is flagged; the first
    paragraph with anything else ends the trailing block. A question that merely says "you"
    counts only beside a stronger prompt or with boilerplate after it, and any other short
    question only beside a prompt, so an essay's closing rhetorical question stays. A
    paragraph that is only a dash and a name ("— Reuters") is a sign-off and is flagged too.
    """
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    block_has_boilerplate = False
    for paragraph in sorted(by_paragraph, reverse=True):
        open_ = [i for i in by_paragraph[paragraph] if not reasons[i]]
        if len(by_paragraph[paragraph]) == 1 and open_ and _is_sign_off(sentences[open_[0]]):
            reasons[open_[0]] = "sign-off at the end of the text"
            open_ = []
        if not open_:
            block_has_boilerplate = True
            continue
        kinds = [_prompt_kind(sentences[i].text) for i in open_]
        if None in kinds:
            return
        flagged_here = len(open_) < len(by_paragraph[paragraph])
        beside = flagged_here or "strong" in kinds  # a prompt or boilerplate in this paragraph
        if not beside and ("short" in kinds or not block_has_boilerplate):
            return
        for i in open_:
            reasons[i] = "reader prompt at the end of the text"
        block_has_boilerplate = True


def _is_sign_off(s: Sentence) -> bool:
    """A paragraph that is only a dash and a name ("— Reuters"): a wire or author sign-off."""
    return _boilerplate().sign_off.match(s.text.strip()) is not None


def _prompt_kind(text: str) -> str | None:
    """"strong" for an elliptical question or a reader-addressed imperative, "weak" for a
    question with "you", "short" for another short question (a prompt only beside a strong
    one: "Have a view on this? Tell us ..."), None for anything else (or anything quoted)."""
    bp = _boilerplate()
    plain = _plain(text)
    if _QUOTE_MARKS.search(plain) or len(plain.split()) > bp.prompt_max_words:
        return None
    question = plain.rstrip(_CLOSERS).endswith("?")
    if question and bp.question_opener.search(plain) and len(plain.split()) <= 8:
        return "strong"
    if not question and bp.tail_offer.search(plain) and _DOMAIN.search(plain):
        return "strong"  # a sales pitch with a web address: "Tickets are on sale now at ..."
    if not bp.reader_address.search(plain):
        return "short" if question and len(plain.split()) <= 8 else None
    if question:
        return "weak"
    imperative = _READER_CONDITION.sub("", plain)  # "If you found this useful, subscribe ..."
    return "strong" if bp.call_to_action.search(imperative) else None


# ------------------------------------------------------------------------------ truncation


def _truncation_reason(
    doc: Document, sentences: list[Sentence], i: int, nxt: Sentence | None,
    paragraph_start: int,
) -> str | None:
    """Why sentence ``i`` looks cut off, or None. Only paragraph-final sentences qualify."""
    s = sentences[i]
    if nxt is not None and nxt.paragraph == s.paragraph:
        return None
    text = s.text.rstrip()
    at_doc_end = nxt is None
    if _ELLIPSIS_END.search(text):
        return "ends with an ellipsis at the end of the text" if at_doc_end else None
    if _TERMINAL.search(text):
        if _quote_left_open(doc.text, paragraph_start, s.end) and not (
            _next_paragraph_opens_quote(nxt)
        ):
            return "ends inside an unclosed quotation"
        return None
    if text.endswith(":"):
        return "ends with a colon at the end of the text" if at_doc_end else None
    line_start = _line_start(doc.text, s.start)
    heading = _MD_HEADING.match(line_start) is not None
    list_item = _LIST_ITEM.match(line_start) is not None or _is_plain_list_item(sentences, i)
    single = i == 0 or sentences[i - 1].paragraph != s.paragraph
    last = _last_word(text)
    strength = _dangling().get(last.lower()) if last else None
    unclosed = _unclosed_quote(text)
    if unclosed and not _next_paragraph_opens_quote(nxt):
        return "ends inside an unclosed quotation"
    if _RUNON_END.search(text) and not (list_item and text[-1] in ",;"):
        return f"ends mid-clause with {text[-1]!r}"
    if strength == "weak" and _WH_START.match(text):
        strength = None  # a stranded preposition: "What it is made of", "Who they work for"
    if strength is not None and _ends_on_particle(text):
        strength = None  # "vow to fight on", "the outage is over", "ever since"
    lead_headline = single and _is_lead_headline(text, s, nxt)
    if strength == "strong" or (strength == "weak" and not last[0].isupper()):
        if heading or (single and _is_title_case(text, min_words=2)):
            return f"heading ends on {last!r}" if strength == "strong" else None
        if strength == "weak" and lead_headline:
            return None  # a headline may end on a preposition; it never ends on "the"
        return f"ends on {last!r}, a word no sentence ends on"
    if heading or list_item:
        return None
    if single and (lead_headline or _looks_like_heading(text, s.paragraph)):
        return None
    if single and len(text.split()) < _PROSE_MIN_WORDS:
        return None  # a byline, caption or label line
    return "no closing punctuation at the end of the paragraph"


def _line_start(text: str, pos: int) -> str:
    """The line containing ``pos``, from its start (for block markers)."""
    start = text.rfind("\n", 0, pos) + 1
    return text[start : pos + 1]


def _last_word(text: str) -> str:
    m = _LAST_WORD.search(text)
    return m.group(1) if m else ""


def _unclosed_quote(text: str) -> bool:
    """An opening double quote without its closing partner."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _quote_left_open(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` (a paragraph) leaves a double quotation open: its closing mark was
    cut off with the rest. Counted in place: no copy of the paragraph is made."""
    if text.count("“", start, end) > text.count("”", start, end):
        return True
    if text.count('"', start, end) % 2 == 0:
        return False
    # An odd count of straight quotes is an open quotation only when the last one opens a
    # quote (after a space or the start, before a word): a stray mark ('"><b>') is none.
    k = text.rindex('"', start, end)
    return (k == start or text[k - 1] in " \t\n([—–") and text[k + 1 : k + 2].isalnum()


def _is_plain_list_item(sentences: list[Sentence], i: int) -> bool:
    """A one-sentence paragraph in lower case after a lead-in ending with ":" ("Highlights
    include:") or after another such item: a list item whose marker the Markdown or HTML
    loader removed. Items lack a full stop."""
    s = sentences[i]
    if not s.text[:1].islower():
        return _is_boxed_item(sentences, i)
    k = i - 1
    while k >= 0:
        prev = sentences[k]
        alone = k == 0 or sentences[k - 1].paragraph != prev.paragraph
        text = prev.text.rstrip()
        if text.endswith(":"):
            return True
        if not (alone and text[:1].islower() and not _TERMINAL.search(text)):
            return False
        k -= 1  # a sibling item: keep looking for the lead-in
    return False


_LABEL_MAX_WORDS = 4  # "Key points", "What we know so far"


def _is_boxed_item(sentences: list[Sentence], i: int) -> bool:
    """A capitalised item of a box of points under a short label ("Key points", then one
    unpunctuated line per point): a label and at least two such lines in a row, each a
    paragraph of its own. One unpunctuated line alone may be cut off; a run of them under
    a label is a list whose markers the loader removed."""
    before = 0
    for k in range(i, -1, -1):
        kind = _box_line(sentences, k)
        if kind == "label":
            break
        if kind != "item":
            return False
        before += 1
    else:
        return False
    after = 0
    while i + after + 1 < len(sentences) and _box_line(sentences, i + after + 1) == "item":
        after += 1
    return before >= 1 and before + after >= 2


def _box_line(sentences: list[Sentence], k: int) -> str | None:
    """"label" or "item" for an unpunctuated one-sentence paragraph (by its length)."""
    s = sentences[k]
    alone = (k == 0 or sentences[k - 1].paragraph != s.paragraph) and (
        k + 1 >= len(sentences) or sentences[k + 1].paragraph != s.paragraph)
    text = s.text.rstrip()
    if not alone or not text or _TERMINAL.search(text) or text.endswith(":"):
        return None
    return "label" if len(text.split()) <= _LABEL_MAX_WORDS else "item"


def _next_paragraph_opens_quote(nxt: Sentence | None) -> bool:
    """News style leaves a quote open when it continues in the next paragraph."""
    return nxt is not None and nxt.text[:1] in '"“«'


def _is_title_case(text: str, min_words: int = 1) -> bool:
    """Most content words capitalised: a headline or section heading. One capitalised word
    ("Talks with") says little, hence ``min_words`` where the line ends on a preposition."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < max(min_words, 1) or len(words) > _HEADLINE_MAX_WORDS:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.8 * len(words)


def _ends_on_particle(text: str) -> bool:
    """The last word closes the sentence after all: a phrasal verb's particle ("vow to fight
    on", "pass them by"), a predicate after "be" ("the outage is over") or an adverbial
    ("early on", "ever since", "the day before")."""
    words = [w.lower() for w in _WORD.findall(text[-80:])]
    if len(words) < 2:
        return False
    pt = _particles()
    last, prev = words[-1], words[-2]
    verbs = pt.verbs.get(last, frozenset())
    if prev in verbs or prev in pt.adverbial.get(last, frozenset()):
        return True
    if prev in pt.object_pronouns and len(words) >= 3 and words[-3] in verbs:
        return True
    be = prev in pt.be_forms or prev.endswith(("'s", "’s"))
    return be and last in pt.be_predicates


_ARTICLES = frozenset({"the", "a", "an"})
_LEAD_HEADLINE_MAX_WORDS = 16


def _is_lead_headline(text: str, s: Sentence, nxt: Sentence | None) -> bool:
    """The document's first line, short, unpunctuated, with body text after it: a headline.

    Headlines drop articles, so a line with two or more reads as running prose cut off ("The
    ministry said it had received a request from"), and stays open to the truncation rules.
    """
    if s.paragraph != 0 or nxt is None:
        return False
    words = text.split()
    if len(words) > _LEAD_HEADLINE_MAX_WORDS:
        return False
    return sum(1 for w in words if w.lower() in _ARTICLES) < 2


def _looks_like_heading(text: str, paragraph: int) -> bool:
    """A title-case line, or a short sentence-case line opening the document (a headline)."""
    if _is_title_case(text):
        return True
    return paragraph == 0 and len(text.split()) <= 14 and "," not in text


# ------------------------------------------------------------------------------ dateline

_MONTH = r"(?P<month{n}>[A-Z][a-z]{{2,8}})\.?"
# "Published 12 October 2026", "Posted on Oct. 12, 2026, 09:30 BST", "First published:
# Monday 12 October 2026": a line of its own near the top stating when the text came out.
_PUBLICATION_LINE = re.compile(
    r"(?:First\s+[Pp]ublished|Published|Posted)(?:\s+on)?:?\s+"
    r"(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:(?P<day1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(n=1) + r",?\s+(?P<year1>\d{4})"
    r"|" + _MONTH.format(n=2) + r"\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\.?\s*$"
)
_PUBLICATION_LINE_WITHIN = 5  # sentences from the top


def _publication_date(text: str) -> str | None:
    """The ISO date a publication line states, or None (not one, or no real date)."""
    m = _PUBLICATION_LINE.match(text.strip())
    if m is None:
        return None
    if m.group("iso"):
        iso = m.group("iso")
        year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:])
    else:
        k = "1" if m.group("day1") else "2"
        month = month_number(m.group(f"month{k}")) or 0
        year, day = int(m.group(f"year{k}")), int(m.group(f"day{k}"))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _mark_publication_line(doc: Document, sentences: list[Sentence],
                           reasons: list[str | None]) -> None:
    """A publication line at the top of a plain text ("Published 12 October 2026") is
    metadata, not reporting: kept out of actors ("Published 12"), claims and the timeline,
    and, when no metadata gives the date, it is the publication date, so "on Monday" in the
    text can be dated. A date stated by the text is not invented."""
    for i, s in enumerate(sentences[:_PUBLICATION_LINE_WITHIN]):
        if reasons[i] or "ublished" not in s.text and "osted" not in s.text:
            continue
        iso = _publication_date(s.text)
        if iso is None:
            continue
        reasons[i] = "publication line"
        if not doc.metadata.published:
            doc.metadata.published = iso
            doc.metadata.provenance["published"] = "publication line"
            reasons[i] += f" (publication date set to {iso})"
        return


# "By Ann Lee", "By Ann Lee and Tom Ray", "By Ann Lee, Senior Correspondent": a line of
# its own near the top naming who wrote the text. Names are two to four capitalised words
# ("By Monday, the council had ..." is prose: one word, and it runs on).
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){1,3}"
_BYLINE = re.compile(
    rf"By\s+(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+){_NAME})*)"
    r"(?:\s*[,|\u2013\u2014-]\s*[A-Z][\w\s.'\u2019&-]{0,60})?\s*$"
)
_BYLINE_WITHIN = 5  # sentences from the top


def _mark_byline(doc: Document, sentences: list[Sentence], reasons: list[str | None]) -> None:
    """A byline at the top of a text is metadata, not reporting: the writer is no actor of
    the story and the line no claim. It fills the author when no metadata gives one."""
    for i, s in enumerate(sentences[:_BYLINE_WITHIN]):
        if reasons[i] or not s.text.startswith("By "):
            continue
        m = _BYLINE.match(s.text.strip())
        if m is None:
            continue
        reasons[i] = "byline"
        if not doc.metadata.author:
            doc.metadata.author = _byline_names(m.group("names"))
            doc.metadata.provenance["author"] = "byline"
        return


def _byline_names(names: str) -> str:
    """The writers of a byline without the title after them: "Ann Lee, Senior
    Correspondent" is Ann Lee (a part ending in a title word is a title, not a name)."""
    heads = title_heads()
    for part in re.finditer(r"\s*,\s*([^,]+)", names):
        if part.group(1).split()[-1].lower() in heads:
            return names[:part.start()]
    return names


def _handle_dateline(doc: Document, sentences: list[Sentence]) -> QualityNote | None:
    """Move a dateline/outlet prefix out of the first body sentence; fill the outlet.

    The body may open after a headline and after a byline and a publication line, which
    are metadata lines: they do not count towards the three lines looked at."""
    looked = 0
    for s in sentences[:_DATELINE_WITHIN + _BYLINE_WITHIN]:
        if _is_metadata_line(s.text):
            continue
        looked += 1
        if looked > _DATELINE_WITHIN:
            return None
        found = _match_dateline(s.text)
        if found is None:
            if _TERMINAL.search(s.text.rstrip()):
                return None  # the body has started without a dateline
            continue
        cut, outlet, place = found
        prefix = s.text[:cut].strip()
        rest = s.text[cut:]
        shift = cut + (len(rest) - len(rest.lstrip()))
        s.start += shift
        s.text = doc.text[s.start : s.end]
        message = f"{s.id}: dateline {prefix!r} kept out of the sentence"
        if outlet and not doc.metadata.outlet:
            doc.metadata.outlet = outlet
            doc.metadata.provenance["outlet"] = "dateline"
            message += f"; outlet set to {outlet!r}"
        if place:
            message += f"; place {place!r}"
        return QualityNote("dateline", message, s.id)
    return None


_DATELINE_WITHIN = 3  # lines from the top, metadata lines not counted


def _is_metadata_line(text: str) -> bool:
    """A byline or a publication line ("By Ann Lee", "Published 3 May 2026")."""
    stripped = text.strip()
    return (stripped.startswith("By ") and _BYLINE.match(stripped) is not None) or (
        stripped.startswith(("Published", "Posted", "First"))
        and _publication_date(stripped) is not None)


def _match_dateline(text: str) -> tuple[int, str | None, str | None] | None:
    """(length of the prefix, outlet or None, place or None) if ``text`` opens with one."""
    dl = _dateline()
    m = dl.city_outlet.match(text)
    if m:
        return m.end(), _clean_outlet(m.group("outlet")), m.group("place")
    m = dl.outlet_prefix.match(text)
    if m:
        name = m.group("paren") or m.group("outlet")
        outlet = None if _is_section_label(name) else _clean_outlet(name)
        return m.end(), outlet, None
    m = dl.city_only.match(text)
    if m and len(m.group("place")) >= 3:
        return m.end(), None, m.group("place")
    m = _NAME_PREFIX.match(text)
    if m and len(text[m.end() :].split()) >= _PROSE_MIN_WORDS:
        # "Market Pulse - The bank ...": a short capitalised name before a spaced dash at the
        # very start of the body is an outlet, unless it is a known place ("Brussels - ").
        name = m.group("name")
        if name.lower() in _known_places():
            return m.end(), None, name
        outlet = None if _is_section_label(name) else name
        return m.end(), outlet, None
    return None


def dateline_outlet(text: str) -> tuple[int, int] | None:
    """Span in ``text`` of the outlet named in parentheses by the dateline ``text`` opens
    with ("LONDON (Reuters) - ...", "(AP) — ..."), or None. An outlet given only as a
    prefix before a dash ("Market Pulse - ") may be a section label or a site's name, so
    only the parenthesised credit counts."""
    found = _match_dateline(text)
    if found is None or found[1] is None:
        return None
    cut, outlet, _ = found
    k = text.find(f"({outlet}", 0, cut)
    return (k + 1, k + 1 + len(outlet)) if k >= 0 else None


def _is_section_label(name: str) -> bool:
    """A section label ("Breaking News", "Market Update", "Exclusive"), not an outlet name."""
    dl = _dateline()
    words = name.split()
    return words[0] in dl.section_labels and all(
        w in dl.section_labels or w in dl.label_heads for w in words
    )


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Lower-case country, capital and city names from the shared gazetteer (if present)."""
    if not (DATA_DIR / "gazetteer.yml").exists():
        return frozenset()
    data = gazetteer() or {}  # parsed once for the actor lexicon and for this
    names: set[str] = set()
    for name, info in (data.get("countries") or {}).items():
        info = info or {}
        names.add(name)
        names.update(info.get("aliases") or [])
        if info.get("capital"):
            names.add(info["capital"])
    names.update((data.get("places") or {}).keys())
    return frozenset(n.lower() for n in names)


def _clean_outlet(name: str) -> str | None:
    name = name.strip(" \t" + _CLOSERS)
    return name or None
