"""Cheap substring tests derived from regular expressions, to skip hopeless regex calls.

Python's ``re`` tries every alternative of a big alternation at every position of the text,
which makes the boilerplate and time-expression patterns the costliest part of extraction.
Most sentences cannot match at all, and a plain substring test (``"rights reserved" in
text``, ``text.startswith(("in", "on", "march"), i)``) tells so a hundred times faster.

The tests are computed from the patterns themselves (their parse tree), so they follow any
edit to a pattern or its data file and are never written by hand. They are *necessary*
conditions only: a passing test says nothing, and the real pattern still decides, so output
is exactly what the pattern alone gives. Every test compares lower-cased pattern literals
with the lower-cased text (``fold``), which is sound for case-insensitive and case-sensitive
patterns alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

try:  # the parse tree of the re module: private, present in CPython 3.11 to 3.13
    from re import _constants as sre
    from re import _parser
except ImportError:  # another Python: no tests are derived and every pattern simply runs
    sre = _parser = None  # type: ignore[assignment]

# Text characters for which ``str.lower`` disagrees with the regex engine's case folding
# (dotless i, long s, dotted capital I) or that ``\d`` matches beyond 0-9: with one of them in
# the text, no test is trusted.
_UNSAFE = re.compile(r"[ıſİ]|[^\D0-9]")
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than the space: tab, newline, nbsp...
_MAX_LEN = 20  # literals longer than this add nothing to selectivity
_MAX_SET = 256  # alternatives per test; beyond this the test costs more than it saves
_DIGITS = "0123456789"
_WORD_CHAR = re.compile(r"\w")
_START: frozenset[str] = frozenset({""})
_NONE: frozenset[str] = frozenset()

_Strings = frozenset[str]


def fold(text: str) -> str | None:
    """``text`` lower-cased with every whitespace character as a space, position for
    position, or None when the tests must not be used."""
    if not text.isascii() and _UNSAFE.search(text):
        return None
    low = text.lower()
    if _OTHER_SPACE.search(low):
        low = _OTHER_SPACE.sub(" ", low)
    return low


def literal_prefixes(pattern: str, flags: int = 0, *, word_start: bool = False
                     ) -> tuple[str, ...] | None:
    """Lower-case strings one of which starts every match of ``pattern``; None if unknown.

    With ``word_start``, only matches that start on a word character (``\\w``) count, as
    when the pattern is tried only at word starts.
    """
    if _parser is None:
        return None
    heads, _ = _expand(_items(_parser.parse(pattern, flags)), frozenset({""}), word_start)
    if "" in heads:
        return None
    return tuple(sorted(heads))


def locator(prefixes: tuple[str, ...] | None, before: str = r"\b") -> re.Pattern[str] | None:
    """A pattern that finds, in folded text, every word start where one of ``prefixes`` begins.

    For patterns whose matches start at a word boundary and on a word character (such as
    ``\\b(?:Monday|...)``). Zero-width (``\\b(?=...)``), so ``finditer`` visits every such
    position; the prefixes form a trie, which ``re`` scans several times faster than a flat
    alternation. ``before`` is the zero-width test every match start passes (the pattern's
    own leading ``\\b`` or lookbehind, such as ``(?<![\\w-])``).
    """
    if not prefixes:
        return None
    return re.compile(rf"{before}(?={_trie(_minimal(prefixes))})")


def any_of(literals: tuple[str, ...] | list[str] | set[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``literals`` (non-empty strings) anywhere in a text.

    Built as a prefix trie: ``re`` tries a flat alternation's branches one by one at every
    position, which for the dozens of literals behind the boilerplate patterns cost more
    than all the patterns it guards; the trie settles each position in a few steps.
    """
    return re.compile(_trie(_minimal(tuple(literals))))


def located_finditer(pattern: re.Pattern[str], text: str, at: re.Pattern[str] | None,
                     low: str | None = None) -> Iterator[re.Match[str]]:
    """Exactly the matches of ``pattern.finditer(text)``, tried only where ``at`` (a
    ``locator`` of the pattern's literal prefixes) finds a possible start in the folded text.

    ``pattern`` must never match the empty string; each located start is tried in order, as
    ``finditer`` would reach it, and starts inside an earlier match are skipped. Without a
    locator, or for text ``fold`` refuses, the pattern simply runs.
    """
    if at is not None and low is None:
        low = fold(text)
    if at is None or low is None:
        yield from pattern.finditer(text)
        return
    end = 0
    match = pattern.match
    for hit in at.finditer(low):
        start = hit.start()
        if start < end:
            continue
        m = match(text, start)
        if m is not None:
            end = m.end()
            yield m


def located_search(pattern: re.Pattern[str], text: str, at: re.Pattern[str] | None,
                   low: str | None = None) -> re.Match[str] | None:
    """``pattern.search(text)``, tried only at the starts ``at`` finds (see above)."""
    return next(located_finditer(pattern, text, at, low), None)


def _minimal(strings: tuple[str, ...]) -> list[str]:
    """The strings without those that extend another (which the shorter one already finds)."""
    out: list[str] = []
    for s in sorted(set(strings)):
        if not (out and s.startswith(out[-1])):
            out.append(s)
    return out


def _trie(strings: list[str]) -> str:
    """An alternation of ``strings`` (non-empty, none a prefix of another) as a prefix trie."""
    groups: dict[str, list[str]] = {}
    for s in strings:
        groups.setdefault(s[0], []).append(s[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        if rests == [""]:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + rests[0]))
        else:
            parts.append(f"{re.escape(first)}(?:{_trie(rests)})")
    return "|".join(parts)


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case strings one of which occurs in every match of ``pattern``; None if unknown.

    Candidates are the prefixes of the pattern's tail from each top-level item on (every
    match contains a match of each tail); the most selective one is kept: the fewest
    alternatives, then the longest shortest literal.
    """
    if _parser is None:
        return None
    items = _items(_parser.parse(pattern, flags))
    best: tuple[tuple[int, int, int], _Strings] | None = None
    for k in range(len(items)):
        heads, _ = _expand(items[k:], frozenset({""}), False)
        if "" in heads or not heads:
            continue
        shortest = min(map(len, heads))
        key = (-(shortest >= 4), len(heads), -shortest)
        if best is None or key < best[0]:
            best = (key, heads)
    return tuple(sorted(best[1])) if best else None


def anchored_at_start(pattern: str, flags: int = 0) -> bool:
    """True when ``pattern`` can only match at the very start of the string (``^...``)."""
    if _parser is None:
        return False
    parsed = _parser.parse(pattern, flags)
    if (flags | parsed.state.flags) & re.MULTILINE:
        return False  # "^" also matches after each newline
    return _anchored(_items(parsed))


def _anchored(items: list) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT:
        return av is sre.AT_BEGINNING or av is sre.AT_BEGINNING_STRING
    if op is sre.SUBPATTERN:
        return not av[1] & re.MULTILINE and _anchored(_items(av[3]))
    if op is sre.BRANCH:
        return all(_anchored(_items(alt)) for alt in av[1])
    return False


# ------------------------------------------------------------------------------ analysis


def _items(sub: object) -> list:
    """The items of a parsed (sub)pattern as a list. ``SubPattern`` keeps them in ``data``;
    ``list(sub)`` would fetch them one ``__getitem__`` call at a time."""
    data = getattr(sub, "data", None)
    return data if isinstance(data, list) else list(sub)  # type: ignore[call-overload]


def _expand(items: list, heads: _Strings, word_start: bool) -> tuple[_Strings, bool]:
    """Prefixes of the matches of ``heads`` followed by ``items``, and whether they are whole.

    ``heads`` are literal strings already matched. The result is a set of strings one of which
    starts every match; "whole" means each is a complete match (so more can be appended).
    Zero-width items (anchors, lookarounds) are skipped: they consume nothing. With
    ``word_start``, a first character that cannot be a word character ends the path: it
    yields no strings at all.
    """
    k = 0
    while k < len(items):
        op, av = items[k]
        if not heads:
            return heads, True  # a path no match can take
        shortest = min(map(len, heads))
        if shortest >= _MAX_LEN:
            return heads, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            k += 1
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            if low == 0:
                return _optional(_items(body), high, items[k + 1 :], heads, word_start)
            grown, whole = _expand(_items(body), heads, word_start)
            if not (whole and low == high == 1):
                return grown, False
            heads = grown
            k += 1
            continue
        if op is sre.BRANCH:
            return _branch(av[1], items[k + 1 :], heads, word_start)
        if op is sre.LITERAL and len(heads) <= _MAX_SET and not (
            word_start and heads == _START
        ):
            # A word of the pattern is one LITERAL item per character: appending the whole
            # run at once gives what the steps one by one give (the length cap included),
            # building the sets once per run rather than once per character (this analysis
            # of the data files' patterns runs at every start-up).
            run = _literal_run(items, k, _MAX_LEN - shortest)
            if run:
                heads = frozenset([h + run for h in heads])
                k += len(run)
                continue
        grown = _step(op, av, heads, word_start)
        if grown is None:
            return heads, False
        heads, whole = grown
        if not whole:
            return heads, False
        k += 1
    return heads, True


def _literal_run(items: list, k: int, limit: int) -> str:
    """The characters of the LITERAL items from k on (at most ``limit``), as ``_step`` would
    append them; it stops before any item that is not a literal or not safely lower-cased."""
    out = []
    for op, av in items[k : k + limit]:
        char = _literal_chars(av) if op is sre.LITERAL else None
        if char is None:
            break
        out.append(char)
    return "".join(out)


def _optional(body: list, high: int, rest: list, heads: _Strings, word_start: bool
              ) -> tuple[_Strings, bool]:
    """An item repeated zero or more times: the matches with it and those without it."""
    without, whole_without = _expand(rest, heads, word_start)
    with_body, whole_body = _expand(body, heads, word_start)
    if whole_body and high == 1:
        with_body, whole_body = _expand(rest, with_body, word_start)
    else:
        whole_body = False
    merged = without | with_body
    if len(merged) > _MAX_SET:
        return _shrink(merged), False
    return merged, whole_without and whole_body


def _branch(alternatives: list, rest: list, heads: _Strings, word_start: bool
            ) -> tuple[_Strings, bool]:
    """Alternatives, then the rest of the sequence after those that were spelled out whole."""
    whole: set[str] = set()
    partial: set[str] = set()
    for alt in alternatives:
        grown, complete = _expand(_items(alt), heads, word_start)
        (whole if complete else partial).update(grown)
    if len(whole) + len(partial) > _MAX_SET:
        return _shrink(frozenset(whole | partial)), False
    then, then_whole = _expand(rest, frozenset(whole), word_start) if whole else (_NONE, True)
    merged = frozenset(partial) | then
    if len(merged) > _MAX_SET:
        return _shrink(merged), False
    return merged, not partial and then_whole


def _step(op: object, av: object, heads: _Strings, word_start: bool
          ) -> tuple[_Strings, bool] | None:
    """Heads extended by one consuming item, or None if the item is not a small literal set."""
    if word_start and heads == _START and _never_word(op, av):
        return frozenset(), True
    if op is sre.LITERAL:
        chars = _literal_chars(av)  # type: ignore[arg-type]
    elif op is sre.IN:
        chars = _class_chars(av)  # type: ignore[arg-type]
    elif op is sre.SUBPATTERN:
        return _expand(_items(av[3]), heads, word_start)  # type: ignore[index]
    else:
        return None
    if chars is None:
        return None
    grown = frozenset(h + c for h in heads for c in chars)
    if len(grown) > _MAX_SET:
        return _shrink(grown), False
    return grown, True


def _shrink(strings: _Strings) -> _Strings:
    """Cut the strings shorter until few enough are left (a prefix of a prefix is one too)."""
    if len(strings) <= _MAX_SET:
        return strings
    # The longest cut that leaves few enough: fewer distinct prefixes the shorter the cut,
    # so a binary search finds the same cut as shortening one character at a time.
    low, high = 0, max(map(len, strings)) - 1  # a cut of `low` characters always fits
    while low < high:
        middle = (low + high + 1) // 2
        if len({s[:middle] for s in strings}) <= _MAX_SET:
            low = middle
        else:
            high = middle - 1
    return frozenset(s[:low] for s in strings)


def _never_word(op: object, av: object) -> bool:
    """A literal or class that cannot match a word character (space, dash, punctuation)."""
    if op is sre.LITERAL:
        return not _WORD_CHAR.match(chr(av))  # type: ignore[arg-type]
    if op is not sre.IN:
        return False
    for member, value in av:  # type: ignore[attr-defined]
        if member is sre.LITERAL and not _WORD_CHAR.match(chr(value)):
            continue
        if member is sre.CATEGORY and value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            continue
        return False
    return True


@cache  # a few hundred distinct characters, asked for thousands of times
def _literal_chars(code: int) -> str | None:
    """The character, if lower-casing it is safe (ASCII, or a caseless symbol like ©)."""
    char = chr(code)
    if char.isspace():
        return " "  # ``fold`` turns all whitespace into spaces
    if char.isascii() or not char.isalpha():
        return char.lower()
    return None


def _class_chars(members: list) -> str | None:
    """The characters of a small positive class like [12], [1-9], \\d; None otherwise."""
    out = []
    for op, av in members:
        if op is sre.LITERAL:
            char = _literal_chars(av)
            if char is None:
                return None
            out.append(char)
        elif op is sre.RANGE and av[1] - av[0] < 10 and av[1] < 128:
            out.extend(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            out.extend(_DIGITS)  # non-ASCII digits make ``fold`` refuse the text
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            out.append(" ")  # ``fold`` turns all whitespace into spaces
        else:
            return None
    return "".join(sorted(set(out)))
