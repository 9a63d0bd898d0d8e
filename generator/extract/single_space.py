"""Sharper pattern pre-filters for text whose whitespace comes one character at a time.

``prefilter.literal_prefixes`` stops at a ``\\s+``: it cannot know how many whitespace
characters follow, so "the\\s+(?:last|next)" yields only "the ", which every "the" in the
text passes. In text where no two whitespace characters stand together (``fold`` maps each
to a space, so: no "  " in the folded text), ``\\s+`` matches exactly one space; read so, the
pattern yields "the last", "the next" and most of those tests fail at once.

``locators`` returns both tests; ``pick`` chooses per text. Either is a necessary condition
only, like every ``prefilter`` test: the real pattern still decides.
"""

from __future__ import annotations

import re

from generator.extract.prefilter import literal_prefixes, locator


def single_spaced(pattern: str) -> str:
    """``pattern`` as it reads on folded text with single spaces: ``\\s+`` and ``\\s`` are
    one space, ``\\s*`` and ``\\s?`` an optional one, ``\\s`` in a character class a space.

    On such text the result matches (lower-cased) wherever ``pattern`` matches, so its
    literal prefixes are necessary conditions there.
    """
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        char = pattern[i]
        if char == "\\":
            escape = pattern[i : i + 2]
            i += 2
            if escape != r"\s":
                out.append(escape)
            elif in_class:
                out.append(" ")
            elif pattern[i : i + 1] == "+":
                out.append(" ")
                i += 1
            elif pattern[i : i + 1] in ("*", "?"):
                out.append(" ?")
                i += 1
            else:
                out.append(" ")
            continue
        out.append(char)
        i += 1
        if char == "[" and not in_class:
            in_class = True
            for literal in ("^", "]"):  # "[^]..." and "[]...": a leading "]" is a member
                if pattern[i : i + 1] == literal:
                    out.append(literal)
                    i += 1
        elif char == "]" and in_class:
            in_class = False
    return "".join(out)


Locators = tuple[re.Pattern[str] | None, re.Pattern[str] | None]


def locators(pattern: str, flags: int = 0, before: str = r"\b", *,
             word_start: bool = False) -> Locators:
    """``prefilter.locator`` of ``pattern``'s literal prefixes for any text, and of
    ``single_spaced(pattern)``'s for single-spaced text."""
    return (
        locator(literal_prefixes(pattern, flags, word_start=word_start), before),
        locator(literal_prefixes(single_spaced(pattern), flags, word_start=word_start), before),
    )


def pick(tests: Locators, low: str) -> re.Pattern[str] | None:
    """The test of ``tests`` for the folded text ``low``: the sharper one when no two
    whitespace characters stand together in it (and it has one)."""
    return tests[0] if tests[1] is None or "  " in low else tests[1]
