"""Property tests: whatever text comes in, extraction does not crash and every span it
reports lies inside its source and says what the source says there."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.crossref import cross_reference
from generator.extract import extract_source
from generator.models import Document, Metadata, SourceExtraction

# Text that looks enough like news to exercise every extractor: capitalised names,
# titles, quotes, numbers, dates, reporting verbs, abbreviations, odd punctuation.
WORDS = [
    "The", "European", "Commission", "said", "on", "Monday", "that", "U.S.", "Dr.",
    "President", "Jane", "Doe", "Acme", "Corp", "Inc.", "according", "to", "sources",
    "told", "Reuters", "may", "reportedly", "30", "percent", "1.2", "million", "in",
    "April", "2025", "last", "week", "\u201cWe", "will", "not\u201d", "(AP)", "-", "\u2014",
    "Ministry", "of", "Health", "Act", "Project", "Glow", "GPT-4", "its", "\u2019s", "...",
    "?", "!", ";", ":", ",", ".", "Read", "more", "at", "example.com", "Subscribe", "and",
]
SUBJECTS = ["The European Commission", "Jane Doe", "Acme Corp", "U.S. President Jo Ray",
            "Sources familiar with the matter", "The Ministry of Health", "Analysts", "It"]
VERBS = ["said", "told Reuters", "warned", "confirmed", "denied", "may", "reportedly"]
CLAUSES = ["that it will invest 30 million euros in April", "the plan was rejected on Monday",
           "access was granted to 70 organisations", "\u201cwe will not back down\u201d",
           "the Act requires permission from the White House", "prices rose 1.2 percent"]
sentence = st.builds(
    lambda s, v, c, end: f"{s} {v} {c}{end}",
    st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(CLAUSES),
    st.sampled_from([".", ".", "?", "", " and", ".\u201d"]),
)
noise = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
news_text = st.lists(
    st.one_of(sentence, sentence, noise, st.sampled_from(["\n", "\n\n"])), max_size=25
).map(" ".join)
any_text = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                       st.sampled_from(string.punctuation + "\n\u2019\u201c\u201d")),
    max_size=400,
)


def _document(text: str, doc_id: str = "doc", published: str | None = None) -> Document:
    return Document(
        id=doc_id, path=f"seeds/{doc_id}.txt", format="txt", text=text,
        metadata=Metadata(published=published), content_hash="",
    )


def _assert_spans_inside(extraction: SourceExtraction) -> None:
    text = extraction.document.text
    n = len(text)
    sentence_ids = {s.id for s in extraction.sentences}
    for s in extraction.sentences:
        assert 0 <= s.start <= s.end <= n
        assert text[s.start : s.end] == s.text
    for actor in extraction.actors:
        for m in actor.mentions:
            assert m.sentence in sentence_ids
            assert 0 <= m.start <= m.end <= n and text[m.start : m.end] == m.text
    for claim in extraction.claims:
        a = claim.appearance
        assert a.sentence in sentence_ids
        assert 0 <= a.start <= a.end <= n and text[a.start : a.end] == a.quote
    for event in extraction.events:
        assert event.sentence in sentence_ids
        assert 0 <= event.start <= event.end <= n
    assert set(extraction.key_points) <= sentence_ids


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text, st.sampled_from([None, "2025-04-14"]))
def test_news_like_text_never_crashes_and_spans_stay_inside(text: str, published: str | None):
    _assert_spans_inside(extract_source(_document(text, published=published)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_text_never_crashes_and_spans_stay_inside(text: str):
    _assert_spans_inside(extract_source(_document(text)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_text, min_size=1, max_size=4))
def test_cross_reference_of_any_sources_keeps_provenance(texts: list[str]):
    extractions = [extract_source(_document(t, f"doc-{i}")) for i, t in enumerate(texts)]
    briefing = cross_reference(extractions)
    sources = {s.id: s for s in briefing.sources}
    for claim in briefing.claims:
        assert claim.appearances
        for a in claim.appearances:
            assert sources[a.source].text[a.start : a.end] == a.quote
    for actor in briefing.actors:
        for m in actor.mentions:
            assert sources[m.source].text[m.start : m.end] == m.text
    assert len({a.id for a in briefing.actors}) == len(briefing.actors)
    assert len({c.id for c in briefing.claims}) == len(briefing.claims)
