"""Text normalisation for matching, with offsets back into the original text.

Extraction and curation compare text that was typed in different ways: curly
or straight quotes, en or em dashes, non-breaking spaces, line breaks inside a
quotation, ligatures. ``normalize`` produces a canonical copy for matching and
remembers, for every character of that copy, which span of the original it
came from, so that a match found in the copy is reported as a span of the
*original* (all spans in the models index the original text).

Normalisation is applied per "cluster" (a base character and the combining
marks after it), so that NFKC's composition of "e" + U+0301 into "é" still
maps back to both original characters. That makes it very slightly weaker than
whole-string NFKC for exotic scripts (e.g. conjoining Hangul jamo), which does
not matter for matching: both sides go through the same function.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Typographic variants that people type interchangeably. NFKC leaves these alone.
_QUOTE_MAP = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark / apostrophe
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9 quotation mark
    "\u2032": "'",  # prime (NFKC keeps it)
    "\u02bc": "'",  # modifier letter apostrophe
    "\u0060": "'",  # grave accent used as an opening quote
    "\u00b4": "'",  # acute accent used as an apostrophe
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # guillemets
    "\u00bb": '"',
    "\u2039": "'",
    "\u203a": "'",
}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_CHAR_MAP: dict[str, str] = {**_QUOTE_MAP, **{d: "-" for d in _DASHES}}
# Invisible characters that only affect line breaking or shaping: dropped for matching.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised copy of ``original`` plus, per character, the original span it came from."""

    original: str
    text: str
    starts: tuple[int, ...]  # starts[i]: original offset where text[i]'s source begins
    ends: tuple[int, ...]  # ends[i]: original offset where text[i]'s source ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of ``text`` to the span of ``original`` it came from.

        The result always satisfies ``0 <= s <= e <= len(original)``. An empty span maps
        to an empty span at the corresponding position.
        """
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end > start:
            return self.starts[start], self.ends[end - 1]
        pos = self.starts[start] if start < n else len(self.original)
        return pos, pos


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split into [start, end) runs of one base character and its combining marks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            if i > start:
                spans.append((start, i))
            start = i
    return spans


def _normalize_cluster(chunk: str, casefold: bool) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", chunk):
        if ch in _INVISIBLE:
            continue
        out.append(_CHAR_MAP.get(ch, ch))
    result = "".join(out)
    return result.casefold() if casefold else result


def normalize(text: str, *, casefold: bool = False) -> NormalizedText:
    """Normalise ``text`` for matching and keep the mapping back to the original.

    NFKC; curly quotes and apostrophes become straight; all dashes become "-";
    invisible characters (soft hyphen, zero-width spaces, BOM) are dropped; every
    run of whitespace (including line breaks) becomes one space. With ``casefold``
    the result is also case-folded. Leading/trailing whitespace is kept (as one
    space) so offsets stay simple; strip the result if you need to.
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for c_start, c_end in _clusters(text):
        piece = _normalize_cluster(text[c_start:c_end], casefold)
        for ch in piece:
            if ch.isspace():
                if chars and chars[-1] == " ":
                    ends[-1] = c_end  # extend the run's single space over this one
                    continue
                ch = " "
            chars.append(ch)
            starts.append(c_start)
            ends.append(c_end)
    return NormalizedText(text, "".join(chars), tuple(starts), tuple(ends))


_TRANSLATE = {ord(k): v for k, v in _CHAR_MAP.items()} | {ord(c): None for c in _INVISIBLE}


def fold(s: str) -> str:
    """The comparison key of a string: normalised as by ``normalize``, case-folded, trimmed.

    Works on the whole string at C speed (no offsets), so it is cheap enough for
    keys of whole documents; it equals ``normalize(s, casefold=True).text.strip()``
    except for exotic composition across cluster boundaries.
    """
    text = unicodedata.normalize("NFKC", s).translate(_TRANSLATE).casefold()
    return " ".join(text.split())


def find_normalized(
    haystack: str, needle: str, *, casefold: bool = False, start: int = 0
) -> tuple[int, int] | None:
    """Find ``needle`` in ``haystack`` ignoring quote, dash, Unicode and whitespace variants.

    Returns the span of the match in the ORIGINAL ``haystack`` (so
    ``haystack[s:e]`` is the text as written), or ``None``. Case matters unless
    ``casefold`` is set: a verbatim quote should keep its case. ``start`` is an
    original offset from which to search.
    """
    wanted = normalize(needle, casefold=casefold).text.strip()
    if not wanted:
        return None
    hay = normalize(haystack, casefold=casefold)
    from_index = next((i for i, s in enumerate(hay.starts) if s >= start), len(hay.text))
    index = hay.text.find(wanted, from_index)
    while index >= 0 and not _on_cluster_bounds(hay, index, index + len(wanted)):
        # "e" is not in "e\u0301" (é): a match must not split a letter from its accents
        index = hay.text.find(wanted, index + 1)
    if index < 0:
        return None
    return hay.original_span(index, index + len(wanted))


def _on_cluster_bounds(hay: NormalizedText, start: int, end: int) -> bool:
    """Do normalised offsets ``start`` and ``end`` fall between two characters of the
    original text, not inside one base character with its combining marks?"""
    starts = hay.starts
    return (start == 0 or starts[start] != starts[start - 1]) and (
        end >= len(starts) or starts[end] != starts[end - 1])
