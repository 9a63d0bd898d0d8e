"""The speed-ups in front of the extraction regexes change no result.

``generator.extract.prefilter`` derives cheap substring tests from the boilerplate, time and
date patterns; quality, events and key points use them to skip regex calls that cannot
match. These tests hold the fast paths to the plain regex on every sentence of the articles
the suite ships and on generated text full of the words the patterns look for.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract import events, keypoints, quality
from generator.extract.prefilter import (
    anchored_at_start,
    fold,
    literal_prefixes,
    locator,
    required_literals,
)
from generator.extract.sentences import DATA_DIR

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BOILERPLATE = yaml.safe_load((DATA_DIR / "boilerplate.yml").read_text(encoding="utf-8"))
PLAIN_ANYWHERE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE["anywhere"]), re.I)


def shipped_lines() -> list[str]:
    """Every line of every article in the repository's seeds and test fixtures."""
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(TESTS.glob("eval/cases/*/*.txt"))
    paths += sorted(p for p in TESTS.glob("fixtures/**/*") if p.suffix in (".txt", ".md"))
    lines = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.append(line)
            lines.extend(part for part in re.split(r"(?<=[.!?])\s+", line) if part)
    return lines


# Words and marks the patterns care about, mixed with ordinary words and awkward characters
# (a dotless i, a long s, Arabic digits, non-breaking spaces) that defeat naive lower-casing.
WORDS = (
    "the a an in on by of to at since until from last next this earlier later past coming "
    "Monday Friday monday March May may Jan. Sept. Dec Q3 H1 FY2024 FY 2024 2024s 1990s 3rd "
    "21 9 9th 1999 quarter half week weeks days ago tonight yesterday today night fiscal "
    "spring year "
    "All rights reserved Copyright © (c) follow us on Getty Images via / originally published "
    "this story was contributed to this report Read more Subscribe newsletter [+12 chars] "
    "said officials percent company x-ray mid-2024 nıght weekſ İn ٢٠٢٤ Kelvin K"
)
VOCABULARY = WORDS.split()
SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", ", ", ". ", "-", "/", "", "?", '"']
texts = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)), max_size=20
).map(lambda parts: "".join(word + sep for word, sep in parts))


def same_search(fast: re.Match[str] | None, plain: re.Match[str] | None) -> bool:
    if fast is None or plain is None:
        return fast is plain
    return fast.span() == plain.span()


# ------------------------------------------------------------------------ the fast paths


def test_boilerplate_search_finds_what_the_plain_alternation_finds_on_shipped_text() -> None:
    anywhere = quality._boilerplate().anywhere
    lines = shipped_lines()
    assert any(PLAIN_ANYWHERE.search(line) for line in lines)  # the check has teeth
    for line in lines:
        assert same_search(anywhere.search(line), PLAIN_ANYWHERE.search(line)), line


def test_time_triggers_and_expressions_match_the_plain_regex_on_shipped_text() -> None:
    for line in shipped_lines():
        plain = [t.span() for t in events._TRIGGER.finditer(line)]
        assert events._triggers(line, fold(line)) == plain, line


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fast_paths_agree_with_the_plain_regexes_on_generated_text(text: str) -> None:
    assert same_search(quality._boilerplate().anywhere.search(text), PLAIN_ANYWHERE.search(text))
    assert events._triggers(text, fold(text)) == [t.span() for t in events._TRIGGER.finditer(text)]
    plain_terms = [w.lower() for w in keypoints._TOKEN.findall(text)]
    assert keypoints.terms(text) == [t for t in map(keypoints._term, plain_terms) if t]
    assert keypoints._has_date_word(text, fold(text)) == bool(keypoints._DATE_WORD.search(text))


# ------------------------------------------------------------------------ the analysis


NEEDS = [(re.compile(p, re.I), required_literals(p, re.I)) for p in BOILERPLATE["anywhere"]]
STARTS = [(re.compile(body, re.I), literal_prefixes(body, re.I, word_start=True))
          for _, body in events._PATTERNS]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_derived_literals_occur_in_every_match(text: str) -> None:
    low = fold(text)
    if low is None:
        return  # such text is always given to the full regex
    for pattern, needs in NEEDS:
        if needs and pattern.search(text):
            assert any(n in low for n in needs), pattern.pattern
    for pattern, starts in STARTS:
        assert starts is not None
        for w in events._WORD_START.finditer(text):
            if pattern.match(text, w.start()):
                assert low.startswith(starts, w.start()), (pattern.pattern, w.start())


def test_analysis_of_small_patterns() -> None:
    assert required_literals(r"\ball rights reserved\b", re.I) == ("all rights reserved",)
    assert literal_prefixes(r"(?:on\s+)?(?:Monday|Friday)", re.I, word_start=True) == (
        "friday", "monday", "on ",
    )  # fmt: skip
    assert literal_prefixes(r"[\s-]?(?:19|20)\d0s", word_start=True) == tuple(
        f"{c}{d}0s" for c in ("19", "20") for d in "0123456789"
    )
    assert literal_prefixes(r"\w+") is None  # no literal start: always try the regex
    assert anchored_at_start(r"^\s*Photo:") and not anchored_at_start(r"(?m)^Photo:")
    finder = locator(("may", "monday"))
    assert finder is not None
    assert [m.start() for m in finder.finditer("mayday monday dismay")] == [0, 7]


def test_fold_refuses_text_whose_case_folding_differs_from_the_regex_engine() -> None:
    assert fold("On Monday\u00a0NIGHT\tit rained") == "on monday night it rained"
    assert fold("nıght") is None and fold("weekſ") is None and fold("٢٠٢٤") is None
