"""Sentence splitting with exact character spans into ``Document.text``.

Rule-based and linear: the text is cut into paragraphs (lines, or blank-line blocks when the
text is hard-wrapped), then each paragraph is scanned once for candidate boundaries (``.``,
``?``, ``!``, an ellipsis, optionally followed by closing quotes or brackets, then whitespace).
Each candidate is accepted or rejected by looking at the word before it (abbreviations,
initials) and the word after it (lower case never starts a sentence; after an abbreviation
that may end a sentence, only a typical sentence opener does). The end of a paragraph always
ends a sentence, so a line without final punctuation is a sentence of its own.

Nothing is lost or duplicated: the sentences are the paragraphs' text cut at the accepted
boundaries, with surrounding whitespace (and Markdown block markers) left outside the spans.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from generator.extract.prefilter import fold
from generator.models import Document, Sentence

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# A candidate boundary: terminal punctuation (any run of . ! ? and …, ellipses included),
# closing quotes/brackets, then whitespace or end. Opening with a character class lets ``re``
# skip straight to the punctuation.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
# Opening punctuation to skip before judging the next word's case.
_OPENERS = "\"'“‘([«"
# Markdown/plain-text block markers that are not part of a sentence.
_MD_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*)")
_TXT_MARKER = re.compile(r"[ \t]*(?:[-*•][ \t]+)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TERMINAL_END = re.compile(r"[.!?:…][\"'”’)\]]*\s*$")
_WS = " \t\n\r\f\v\u00a0\u2009\u202f"


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation (lower case, with dots) -> kind ("title", "never", "number", "maybe")."""
    table: dict[str, str] = {}
    for line in (DATA_DIR / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, kind = line.split()
            table[word] = kind
    return table


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Lower-case words that typically open a sentence."""
    words = (DATA_DIR / "sentence_starters.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in words if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=4096)
def folded(text: str) -> str | None:
    """``prefilter.fold(text)`` of a sentence, cached: claims, events and key points each
    fold every sentence of a document, one stage after the other. ``extract_source``
    clears the cache per document."""
    return fold(text)


# ------------------------------------------------------------------------------ paragraphs


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of every line from ``start``, end excluding the newline."""
    out = []
    n = len(text)
    while start < n:
        newline = text.find("\n", start)
        if newline < 0:
            out.append((start, n))
            break
        out.append((start, newline))
        start = newline + 1
    return out


def _is_block_start(line: str) -> bool:
    """A line that starts its own block even inside a hard-wrapped paragraph."""
    return bool(_MD_MARKER.match(line)) or line.lstrip().startswith("|")


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when single newlines wrap lines inside paragraphs (e-mail/Gutenberg style).

    Typical news plain text has one paragraph per line: long lines, most ending in
    punctuation. Hard-wrapped text has short lines (< ~100 chars) that mostly run on into
    the next line (no final punctuation, or the next line continues in lower case).
    """
    inner = []
    for (a, b), (c, d) in zip(lines, lines[1:], strict=False):
        if text[a:b].strip() and text[c:d].strip():
            inner.append((a, b, c))
    if len(inner) < 3:
        return False
    lengths = sorted(b - a for a, b, _ in inner)
    if lengths[len(lengths) // 2] > 100:
        return False
    running_on = 0
    for a, b, c in inner:
        nxt = text[c : c + 40].lstrip()
        if not _TERMINAL_END.search(text[a:b]) or (nxt[:1].islower()):
            running_on += 1
    return running_on * 2 >= len(inner)


def paragraph_spans(text: str, fmt: str = "txt") -> list[tuple[int, int]]:
    """Paragraphs as (start, end) spans, whitespace trimmed, in order.

    Every non-blank line is a paragraph, unless the text is hard-wrapped, in which case
    blank lines separate paragraphs (and Markdown headings, list items, quotes and table
    rows still start their own).
    """
    offset = 0
    if fmt == "md":
        fm = _FRONT_MATTER.match(text)
        if fm:
            offset = fm.end()
    lines = _lines(text, offset)
    wrapped = _hard_wrapped(text, lines)
    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for a, b in lines:
        line = text[a:b]
        blank = not line.strip()
        if blank or not wrapped or _is_block_start(line) or cur is None:
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = None if blank else [a, b]
        else:
            cur[1] = b
        if wrapped and cur is not None and line.lstrip().startswith("#"):
            spans.append((cur[0], cur[1]))  # a heading never runs on
            cur = None
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[0] < s[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


# ------------------------------------------------------------------------------ boundaries


def _previous_token(text: str, para_start: int, pos: int) -> str:
    """The whitespace-delimited token ending at ``pos`` (exclusive), opening punctuation cut."""
    i = pos
    while i > para_start and text[i - 1] not in _WS:
        i -= 1
    return text[i:pos].lstrip(_OPENERS)


def _next_word(text: str, pos: int, end: int) -> tuple[str, bool]:
    """The next word after ``pos`` and whether opening punctuation preceded it."""
    i = pos
    while i < end and text[i] in _WS:
        i += 1
    quoted = False
    while i < end and text[i] in _OPENERS:
        i += 1
        quoted = True
    j = i
    while j < end and (text[j].isalnum() or text[j] in "'’-"):
        j += 1
    return text[i:j] if j > i else text[i : i + 1], quoted


def _is_boundary(text: str, m: re.Match[str], para_start: int, para_end: int) -> bool:
    """Decide whether the candidate ``m`` ends a sentence."""
    punct = m.group().rstrip("\"'”’)]")
    word, quoted = _next_word(text, m.end(), para_end)
    if not word:
        return True
    first = word[0]
    if first.islower():
        return False  # "approx. five", "'Really?' he asked", "wait... then"
    if punct != ".":
        return True  # ?, !, ellipsis, "?!" before a capital, digit or opening quote
    token = _previous_token(text, para_start, m.start() + 1)
    kind = _abbreviation_kind(token)
    if kind is None:
        return True
    if kind in ("title", "never"):
        return False
    if kind == "number" and first.isdigit():
        return False
    # "maybe": the abbreviation ends the sentence only if a typical opener follows.
    return quoted or word.lower() in sentence_starters()


def _abbreviation_kind(token: str) -> str | None:
    """Kind of abbreviation ``token`` (which ends with its final period) is, if any."""
    low = token.lower()
    kind = abbreviations().get(low)
    if kind is not None:
        return kind
    if len(token) == 2 and token[0].isalpha() and token[0].isupper():
        return "maybe"  # an initial: "J. K. Rowling"
    if _DOTTED.match(token):
        return "maybe"  # any dotted acronym: "U.S.A."
    return None


# ------------------------------------------------------------------------------ public API


def _marker_end(text: str, start: int, end: int, fmt: str) -> int:
    """Offset after a Markdown/bullet marker at the start of a paragraph (or ``start``)."""
    pattern = _MD_MARKER if fmt == "md" else _TXT_MARKER
    m = pattern.match(text, start, end)
    return m.end() if m and m.end() < end else start


def split_sentences(doc: Document) -> list[Sentence]:
    """Split ``doc.text`` into sentences with exact spans, ids "s1".. and paragraph indexes."""
    text = doc.text
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(text, doc.format)):
        start = _marker_end(text, p_start, p_end, doc.format)
        for m in _CANDIDATE.finditer(text, start, p_end):
            if m.end() < p_end and _is_boundary(text, m, start, p_end):
                _append(sentences, doc, start, m.end(), p_index)
                start = m.end()
        _append(sentences, doc, start, p_end, p_index)
    return sentences


def _append(out: list[Sentence], doc: Document, start: int, end: int, paragraph: int) -> None:
    start, end = _trim(doc.text, start, end)
    if start >= end:
        return
    n = len(out)
    out.append(
        Sentence(
            id=f"s{n + 1}",
            source=doc.id,
            index=n,
            start=start,
            end=end,
            text=doc.text[start:end],
            paragraph=paragraph,
        )
    )
