"""Sentence splitting: exact spans, abbreviations, quotes, decimals, paragraphs, seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.sentences import split_sentences
from generator.models import Document, Metadata

_TXT_GAP = re.compile(r"(?:\s|[-*•])*")
_MD_GAP = re.compile(r"(?:\s|[-*+•#>]|\d{1,3}[.)]|---|title: X)*")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def doc(text: str, fmt: str = "txt", doc_id: str = "t") -> Document:
    return Document(
        id=doc_id, path=f"{doc_id}.{fmt}", format=fmt, text=text, metadata=Metadata(),
        content_hash="",
    )  # fmt: skip


def seed(name: str) -> Document:
    path = SEEDS / name
    return doc(path.read_text(encoding="utf-8"), doc_id=path.stem)


def texts(text: str, fmt: str = "txt") -> list[str]:
    return [s.text for s in split_sentences(doc(text, fmt))]


def assert_exact(d: Document) -> None:
    """Spans index the text, are ordered, disjoint, and together hold every visible char."""
    sentences = split_sentences(d)
    assert [s.id for s in sentences] == [f"s{n}" for n in range(1, len(sentences) + 1)]
    assert [s.index for s in sentences] == list(range(len(sentences)))
    last_end = 0
    for s in sentences:
        assert d.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        last_end = s.end
    # Between sentences only whitespace and list/heading markers may be left out.
    marker = _MD_GAP if d.format == "md" else _TXT_GAP
    bounds = [0] + [x for s in sentences for x in (s.start, s.end)] + [len(d.text)]
    for gap_start, gap_end in zip(bounds[::2], bounds[1::2], strict=True):
        assert marker.fullmatch(d.text[gap_start:gap_end]), d.text[gap_start:gap_end]


# ------------------------------------------------------------------------------ seeds


@pytest.mark.parametrize("name", ["000_2f70732335356d9f.txt", "003_c2df267b112e1647.txt"])
def test_seed_spans_are_exact_and_nothing_is_lost(name: str) -> None:
    assert_exact(seed(name))


def test_seed_000_sentences_and_paragraphs() -> None:
    sentences = split_sentences(seed("000_2f70732335356d9f.txt"))
    assert len(sentences) == 18
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == [0] * 3 + [1] * 4 + [2] * 3 + [3] * 4 + [4] * 3 + [5]
    # "U.S." and "U.K." inside sentences do not split them.
    assert sentences[7].text.startswith("U.S. Treasury Secretary Scott Bessent, representing")
    assert sentences[4].text == (
        "While the U.K.’s AI Security Institute has been granted preview access, "
        "the EU’s AI Office remains excluded."
    )
    assert sentences[-1].text == "Explore more exclusive insights at nextfin.ai."


def test_seed_003_line_without_punctuation_ends_its_sentence() -> None:
    sentences = split_sentences(seed("003_c2df267b112e1647.txt"))
    assert len(sentences) == 14
    assert sentences[1].text.endswith("the U.S. top artificial intelligence unicorn company")
    assert sentences[2].text.startswith("As a core component of Anthropic's")
    assert sentences[11].text.endswith("the advanced security model GPT-5.5-Cyber from")
    assert sentences[11].paragraph == 3 and sentences[12].paragraph == 4


# ------------------------------------------------------------------------------ hard cases


def test_titles_and_company_suffixes() -> None:
    assert texts(
        "Dr. Ana Ruiz and Mr. Lee met Mrs. Ito, Ms. Oduya and Prof. Klein at Acme Inc. offices. "
        "Gov. Hale of Acme Ltd. and Beta Co. agreed. St. Louis hosted Corp. lawyers."
    ) == [
        "Dr. Ana Ruiz and Mr. Lee met Mrs. Ito, Ms. Oduya and Prof. Klein at Acme Inc. offices.",
        "Gov. Hale of Acme Ltd. and Beta Co. agreed.",
        "St. Louis hosted Corp. lawyers.",
    ]


def test_dotted_country_abbreviations_split_only_before_a_sentence_opener() -> None:
    assert texts(
        "Talks with the U.S. Treasury stalled. Officials flew to the U.K. The meeting was short. "
        "The U.N. agency and the U.S. government disagreed."
    ) == [
        "Talks with the U.S. Treasury stalled.",
        "Officials flew to the U.K.",
        "The meeting was short.",
        "The U.N. agency and the U.S. government disagreed.",
    ]


def test_company_suffix_at_sentence_end() -> None:
    assert texts("She joined Acme Inc. In 2020 she left.") == [
        "She joined Acme Inc.",
        "In 2020 she left.",
    ]


def test_initials_months_numbers_and_latin() -> None:
    assert texts(
        "J. K. Rowling spoke on Jan. 5 and Feb. 12 about No. 10 policy, e.g. taxes, i.e. levies. "
        "The vote was 5 vs. 4 at 9 a.m. on Monday. It ended at 5 p.m. The crowd left."
    ) == [
        "J. K. Rowling spoke on Jan. 5 and Feb. 12 about No. 10 policy, e.g. taxes, i.e. levies.",
        "The vote was 5 vs. 4 at 9 a.m. on Monday.",
        "It ended at 5 p.m.",
        "The crowd left.",
    ]


def test_decimals_and_dotted_names_do_not_split() -> None:
    assert texts(
        "Revenue rose 5.5 percent to $3.2 billion. GPT-5.5-Cyber and version 2.0.1 shipped. "
        "See example.com for details."
    ) == [
        "Revenue rose 5.5 percent to $3.2 billion.",
        "GPT-5.5-Cyber and version 2.0.1 shipped.",
        "See example.com for details.",
    ]


def test_sentence_ending_inside_quotes() -> None:
    assert texts('He said "no." Then he left. “We will win.” She agreed.') == [
        'He said "no."',
        "Then he left.",
        "“We will win.”",
        "She agreed.",
    ]


def test_quoted_question_followed_by_lower_case_attribution_stays_whole() -> None:
    assert texts('"Is it safe?" she asked. "No!" he replied. Why now? Because.') == [
        '"Is it safe?" she asked.',
        '"No!" he replied.',
        "Why now?",
        "Because.",
    ]


def test_ellipsis() -> None:
    assert texts("He paused... then went on. It was over... The end came fast. Wait…What?") == [
        "He paused... then went on.",
        "It was over...",
        "The end came fast.",
        "Wait…What?",
    ]


def test_next_sentence_opening_with_quote_or_digit() -> None:
    assert texts('Prices fell. "This is bad," he said. 2024 was worse.') == [
        "Prices fell.",
        '"This is bad," he said.',
        "2024 was worse.",
    ]


def test_every_line_is_a_paragraph_and_its_end_a_boundary() -> None:
    sentences = split_sentences(doc("A Headline Without A Period\nFirst line ends here\nNext one."))
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("A Headline Without A Period", 0),
        ("First line ends here", 1),
        ("Next one.", 2),
    ]


def test_blank_lines_and_crlf() -> None:
    d = doc("One. Two.\r\n\r\n\r\nThree.\r\n")
    sentences = split_sentences(d)
    assert [(s.text, s.paragraph) for s in sentences] == [("One.", 0), ("Two.", 0), ("Three.", 1)]
    assert_exact(d)


def test_hard_wrapped_text_joins_lines_within_a_paragraph() -> None:
    text = (
        "The committee met on Tuesday to discuss the\n"
        "budget and agreed to a new plan that raises\n"
        "spending by two percent. Members said the vote\n"
        "was close.\n"
        "\n"
        "A second paragraph follows here and it also\n"
        "wraps over two lines.\n"
    )
    sentences = split_sentences(doc(text))
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert sentences[0].text.startswith("The committee") and sentences[0].text.endswith("percent.")
    assert sentences[1].text.endswith("was close.")


def test_markdown_markers_stay_out_of_sentences() -> None:
    text = "---\ntitle: X\n---\n# The Title\n\nIntro text. More.\n\n- first item\n- second item\n"
    sentences = split_sentences(doc(text, fmt="md"))
    assert [s.text for s in sentences] == [
        "The Title", "Intro text.", "More.", "first item", "second item",
    ]  # fmt: skip
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2, 3]


def test_empty_and_whitespace_documents() -> None:
    assert split_sentences(doc("")) == []
    assert split_sentences(doc(" \n\n\t\n")) == []


_ALPHABET = st.sampled_from(
    list("abc XYZ.,!?\"'“”’…()-\n\t0123456789") + ["U.S.", "Dr.", "e.g.", "...", "\n\n", " The "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_is_covered_exactly_once(text: str) -> None:
    assert_exact(doc(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_markdown_is_split_with_exact_spans(text: str) -> None:
    d = doc(text, fmt="md")
    for s in split_sentences(d):
        assert d.text[s.start : s.end] == s.text and s.text.strip() == s.text
