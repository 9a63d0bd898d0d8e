"""Normalisation for matching keeps offsets into the original text."""

from __future__ import annotations

from generator.textnorm import find_normalized, fold, normalize


def test_quotes_dashes_and_whitespace_are_unified() -> None:
    norm = normalize("\u201cIt\u2019s  done\u201d \u2014 she said,\r\n\tfinally\u2026")
    assert norm.text == "\"It's done\" - she said, finally..."


def test_nfkc_ligatures_and_nbsp() -> None:
    assert normalize("\ufb01nal\u00a0word").text == "final word"


def test_invisible_characters_are_dropped() -> None:
    assert normalize("co\u00adoperate\u200b now").text == "cooperate now"


def test_original_span_maps_each_character_back() -> None:
    original = "A \u201cbig\u201d   \ufb01x"
    norm = normalize(original)
    start = norm.text.index("big")
    s, e = norm.original_span(start, start + 3)
    assert original[s:e] == "big"
    # the ligature expands to two characters; either maps back to the whole ligature
    f = norm.text.index("fi")
    assert norm.original_span(f, f + 1) == (original.index("\ufb01"), original.index("\ufb01") + 1)
    # a collapsed whitespace run maps back to the whole run
    space = norm.text.index(" ", norm.text.index('"', 3))
    s, e = norm.original_span(space, space + 1)
    assert original[s:e] == "   "


def test_combining_marks_map_back_with_their_base() -> None:
    original = "cafe\u0301 time"
    norm = normalize(original)
    assert norm.text == "café time"
    assert norm.original_span(3, 4) == (3, 5)


def test_empty_and_out_of_range_spans_are_clamped() -> None:
    norm = normalize("abc")
    assert norm.original_span(1, 1) == (1, 1)
    assert norm.original_span(3, 3) == (3, 3)
    assert norm.original_span(-5, 99) == (0, 3)


def test_fold_ignores_case_and_typography() -> None:
    assert fold("  The \u201cEuropean\u201d\nCOMMISSION ") == fold('the "european" commission')
    assert fold("Stra\u00dfe") == fold("STRASSE")


def test_find_normalized_returns_original_offsets() -> None:
    text = "He said: \u201cWe will\n  not   comply\u201d \u2014 and left."
    span = find_normalized(text, '"we will not comply"', casefold=True)
    assert span is not None
    assert text[span[0]:span[1]] == "\u201cWe will\n  not   comply\u201d"
    assert find_normalized(text, "we will not comply") is None  # case matters by default
    assert find_normalized(text, "We will not comply") is not None


def test_find_normalized_dash_variants_and_start() -> None:
    text = "GPT-5 and GPT\u20135 again"
    first = find_normalized(text, "GPT-5")
    assert first == (0, 5)
    second = find_normalized(text, "GPT-5", start=1)
    assert second is not None and text[second[0]:second[1]] == "GPT\u20135"


def test_find_normalized_rejects_empty_or_missing() -> None:
    assert find_normalized("abc", "   ") is None
    assert find_normalized("abc", "abd") is None
