"""The actor tokenizer: its fast path over space-separated chunks gives exactly the tokens
of the general, match-by-match path (the regular expression over the whole sentence)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.names import _tokenize_matches, tokenize

# Chunks that exercise every branch: plain words, punctuation around words, acronyms,
# possessives, hyphens, particles, numbers and versions, odd Unicode letters and marks.
CHUNKS = [
    "word", "Word", "WORD", "said,", "Labs.", "(UKE)", "\u201cThis", "end.\u201d",
    "Footballers\u2019", "Poland\u2019s", "Poland's", "U.S.", "U.K.", "A.", "Inc.", "'s",
    "\u2019s", "x'", "\u2014", "-",
    ",", "al-Rawahi", "d'Alembert", "4o", "5G", "2.5", "3500", "v2.5", "AT&T", "a_b", "O'Brien",
    '"quoted"', "[1]", "\u2018single\u2019", "\u01c5x", "\u24b6", "\u00e9clair", "\u0130x",
    "e\u0301", "\u201c", "\u201d", ")", "(", "?!", "x?", "Min-seo", "Paris-based", "GPT-4",
    "Gemini-2.5-Pro", "\u00b2", "\u00aa", "\u24d0", "iPhone", "co-founded", "...", "\u2026",
]
chunk_text = st.lists(st.sampled_from(CHUNKS), min_size=1, max_size=15).map(" ".join)
ALPHABET = "aAzZ .,-'\u2019&_0123\t\n\u00a0\u00c9\u00e9\u01c5\u0130\u201c\u201d()"
any_text = st.text(alphabet=st.sampled_from(list(ALPHABET)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(chunk_text, st.integers(min_value=0, max_value=500))
def test_single_spaced_sentences_tokenise_as_the_regular_expression_does(
    text: str, offset: int
) -> None:
    assert tokenize(text, offset) == _tokenize_matches(text, offset)


@settings(max_examples=400, deadline=None)
@given(any_text, st.integers(min_value=0, max_value=500))
def test_any_text_tokenises_as_the_regular_expression_does(text: str, offset: int) -> None:
    assert tokenize(text, offset) == _tokenize_matches(text, offset)


def test_tokens_are_spans_of_the_sentence() -> None:
    text = "Victor Haddad, the CEO of Sable Labs (SL), told \u201cThe Post\u201d it\u2019s 3.5% up."
    tokens = tokenize(text, 100)
    assert [t.text for t in tokens] == [
        "Victor", "Haddad", ",", "the", "CEO", "of", "Sable", "Labs", "(", "SL", ")", ",",
        "told", "\u201c", "The", "Post", "\u201d", "it", "\u2019s", "3.5", "%", "up", ".",
    ]
    for tok in tokens:
        assert text[tok.start - 100 : tok.end - 100] == tok.text
    caps = {t.text for t in tokens if t.cap}
    assert caps == {"Victor", "Haddad", "CEO", "Sable", "Labs", "SL", "The", "Post"}
    assert [t.text for t in tokens if t.version] == ["3.5"]
