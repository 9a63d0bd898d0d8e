"""Quality flags: truncation, boilerplate, datelines — on the seeds and on written cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.quality import mark_quality
from generator.extract.sentences import split_sentences
from generator.models import Document, Metadata, Sentence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = (
    "The city council approved the new budget on Tuesday after a long debate. "
    "Officials said the plan would raise spending on schools by four percent. "
    "Opponents argued that the increase was too small to matter."
)


def doc(text: str, fmt: str = "txt", outlet: str | None = None) -> Document:
    return Document(
        id="t", path=f"t.{fmt}", format=fmt, text=text, metadata=Metadata(outlet=outlet),
        content_hash="",
    )  # fmt: skip


def seed(name: str) -> Document:
    path = SEEDS / name
    return Document(
        id=path.stem, path=f"seeds/{path.name}", format="txt",
        text=path.read_text(encoding="utf-8"), metadata=Metadata(), content_hash="",
    )  # fmt: skip


def run(d: Document) -> tuple[list[Sentence], list]:
    sentences = split_sentences(d)
    return sentences, mark_quality(d, sentences)


def flagged(text: str, fmt: str = "txt") -> tuple[list[str], list[str]]:
    """(texts of truncated sentences, texts of boilerplate sentences)."""
    sentences, _ = run(doc(text, fmt))
    return (
        [s.text for s in sentences if s.truncated],
        [s.text for s in sentences if s.boilerplate],
    )


# ------------------------------------------------------------------------------ seeds


def test_seed_003_exactly_the_two_cut_sentences_are_truncated() -> None:
    sentences, notes = run(seed("003_c2df267b112e1647.txt"))
    truncated = [s for s in sentences if s.truncated]
    assert [s.id for s in truncated] == ["s2", "s12"]
    assert truncated[0].text.endswith("intelligence unicorn company")
    assert truncated[1].text.endswith("GPT-5.5-Cyber from")
    assert all(s.note for s in truncated)
    assert [(n.kind, n.sentence) for n in notes] == [("truncated", "s2"), ("truncated", "s12")]
    assert not any(s.boilerplate for s in sentences)


def test_seed_000_promo_line_is_the_only_boilerplate_and_nothing_is_truncated() -> None:
    sentences, notes = run(seed("000_2f70732335356d9f.txt"))
    assert [s.text for s in sentences if s.boilerplate] == [
        "Explore more exclusive insights at nextfin.ai."
    ]
    assert not any(s.truncated for s in sentences)
    assert sorted(n.kind for n in notes) == ["boilerplate", "dateline"]


def test_seed_000_dateline_fills_outlet_and_leaves_the_sentence() -> None:
    d = seed("000_2f70732335356d9f.txt")
    sentences, notes = run(d)
    first = sentences[0]
    assert first.text.startswith("The European Union is moving to")
    assert d.text[first.start : first.end] == first.text
    assert d.metadata.outlet == "NextFin News"
    assert d.metadata.provenance["outlet"] == "dateline"
    assert notes[0].kind == "dateline" and notes[0].sentence == "s1"


# ------------------------------------------------------------------------------ truncation


@pytest.mark.parametrize(
    "cut",
    [
        "The ministry said on Friday that it had received a formal request from",  # preposition
        "Investors were told the deal would close soon and",  # conjunction
        "The regulator has now opened an inquiry into the",  # article
        "Analysts expect the merger to reshape the market for its",  # possessive
        "The agency confirmed it had reached an agreement with the largest state-owned company",
        "Officials said the programme would continue,",  # trailing comma
        'The minister told reporters that "the negotiations are far from over and',  # open quote
    ],
)
def test_cut_off_sentence_at_paragraph_end_is_truncated(cut: str) -> None:
    truncated, _ = flagged(f"{BODY}\n{cut}\nA later paragraph is complete.")
    assert truncated == [cut]


def test_cut_off_at_document_end_is_truncated() -> None:
    cut = "Officials said the programme would continue until the"
    assert flagged(f"{BODY} {cut}")[0] == [cut]


def test_short_prose_line_ending_on_function_word_is_truncated() -> None:
    assert flagged(f"{BODY}\nHe was speaking to\nNext paragraph.")[0] == ["He was speaking to"]


def test_ellipsis_at_the_end_of_the_text_is_truncated() -> None:
    last = "The company said it would expand the programme to several more..."
    assert flagged(f"{BODY}\n{last}")[0] == [last]


@pytest.mark.parametrize(
    "text",
    [
        f"City Council Approves Budget After Long Debate\n{BODY}",  # title-case headline
        f"Council approves budget after long debate\n{BODY}",  # sentence-case headline
        f"{BODY}\nBudget Fight Moves to the Courts\n{BODY}",  # title-case subheading
        f"# Council approves the budget for\n\n{BODY}",  # markdown heading (preposition ok)
        f"{BODY} Will it pass? It did!",  # question and exclamation
        f'{BODY} "We are pleased," she said. "It is done."',  # quote closes after period
        f"{BODY} (The figures were later revised.)",  # bracket after period
        f"{BODY} The options were:\n- raise taxes\n- cut spending",  # colon and list items
        f'The mayor said: "We will not stop.\n"We will keep going," she added. {BODY}',  # quote
        f"{BODY}\nWhat it is made of",  # headline-style question fragment, weak ending
    ],
)
def test_complete_text_is_never_flagged(text: str) -> None:
    fmt = "md" if text.startswith("#") or "\n- " in text else "txt"
    assert flagged(text, fmt) == ([], [])


def test_heading_ending_on_an_article_is_truncated() -> None:
    assert flagged(f"Council Approves the\n{BODY}")[0] == ["Council Approves the"]


# ------------------------------------------------------------------------------ boilerplate


@pytest.mark.parametrize(
    "tail",
    [
        "Explore more exclusive insights at example.ai.",
        "Read more: https://example.com/story",
        "Subscribe to our newsletter for daily updates.",
        "Sign up for our free morning briefing.",
        "Follow us on Twitter and LinkedIn.",
        "Share this article",
        "Click here to download the full report.",
        "© 2024 Example Media. All rights reserved.",
        "(c) 2024 Example Media Group",
        "Copyright 2023 Example Corp.",
        "This article was originally published on Example Daily.",
        "Related: Five things to know about the budget",
        "Advertisement",
        "Reporting by Jane Doe; Editing by John Roe",
        "Visit example.org for more stories.",
        "Newsletter: Get the week's most important business news every Friday.",
        "Don't miss our latest coverage.",
        "Download our app to stay informed.",
    ],
)
def test_boilerplate_tail_is_flagged_not_deleted(tail: str) -> None:
    d = doc(f"{BODY}\n{tail}\n")
    sentences, notes = run(d)
    flagged_texts = [s.text for s in sentences if s.boilerplate]
    assert flagged_texts and " ".join(flagged_texts) == tail
    assert not any(s.truncated for s in sentences)
    assert {n.kind for n in notes} == {"boilerplate"}
    assert tail in d.text  # flagged, never removed


@pytest.mark.parametrize(
    "sentence",
    [
        "Read the full statement, the minister urged lawmakers on Monday.",
        "Explore options for reform, the committee recommended in its report.",
        "Visitors can follow the debate on the parliament's website.",
        "The firm said its share of the market had grown to 30 percent.",
        "Many readers subscribe to several newspapers at once.",
    ],
)
def test_reporting_that_mentions_such_words_is_not_boilerplate(sentence: str) -> None:
    assert flagged(f"{BODY}\n{sentence}\n{BODY}") == ([], [])


@pytest.mark.parametrize(
    "tail",
    [
        "Want more business news? Subscribe to our free weekly newsletter.",
        "Enjoyed this article? Pass it on to a colleague.",
        "Have a view on this? Tell us in the comments.",
        "Get the Example Daily briefing delivered to your inbox every morning.",
        "Example Gazette carries this report from Reuters.",
        "Jane Doe in Paris contributed to this report.",
        "This material may not be published, broadcast or redistributed.",
        "(Photo by Jane Doe/AFP via Getty Images)",
        "This story has been updated with comment from the ministry.",
        "Correction: An earlier version of this story misstated the date of the vote.",
        "(c) Copyright Example Media 2025.",
        "If you have a news tip, email our newsroom.",
    ],
)
def test_reader_prompts_credits_and_notices_at_the_end_are_boilerplate(tail: str) -> None:
    d = doc(f"{BODY}\n{tail}\n")
    sentences, _ = run(d)
    assert " ".join(s.text for s in sentences if s.boilerplate) == tail


@pytest.mark.parametrize(
    "ending",
    [
        # a closing rhetorical question or a quoted question is the writer's, not a prompt
        "Would you trust a bank that cannot explain its own models?",
        '"Do you really think we want to strike?" she asked the crowd.',
        "Residents were told to subscribe to text alerts from the county.",
        "Copyright law was last reformed in 2019.",
        "The victim's name may not be published for legal reasons.",
        "Images by a commercial satellite showed the damage on Tuesday.",
        "Stay away from the river, the fire chief told residents on Monday.",
        "If you see smoke, call the fire service at once.",
    ],
)
def test_ordinary_sentences_at_the_end_are_not_boilerplate(ending: str) -> None:
    assert flagged(f"{BODY}\n{ending}\n") == ([], [])


def test_links_listed_under_a_related_heading_are_boilerplate() -> None:
    text = f"{BODY}\n\nRelated:\n\n- Five things to know\n- [Why it matters](/why)\n"
    sentences, _ = run(doc(text, fmt="md"))
    assert [s.text for s in sentences if s.boilerplate] == [
        "Related:", "Five things to know", "[Why it matters](/why)"
    ]


# ------------------------------------------------------------------------------ dateline


@pytest.mark.parametrize(
    ("prefix", "outlet"),
    [
        ("Example Daily News - ", "Example Daily News"),
        ("WASHINGTON (Reuters) - ", "Reuters"),
        ("LONDON, May 3 (AP) — ", "AP"),
        ("SAN FRANCISCO, Calif., Jan. 5, 2025 (Example Wire) – ", "Example Wire"),
        ("Paris (AFP) -- ", "AFP"),
        ("(Reuters) - ", "Reuters"),
        ("The Example Times – ", "The Example Times"),
        ("BERLIN — ", None),
        ("Market Pulse - ", "Market Pulse"),  # any short name before a spaced dash
        ("Brussels - ", None),  # ... unless it is a known place
        ("Exclusive - ", None),
        ("Breaking News - ", None),
        ("LONDON, 3 May - ", None),  # the day before the month
        ("NAIROBI, 3 May 2026 (AP) - ", "AP"),
        ("PARIS/BERLIN, May 3 (Example Wire) - ", "Example Wire"),  # a joint dateline
        ("KYIV/WARSAW - ", None),
    ],
)
def test_dateline_prefix_is_moved_out_and_fills_outlet(prefix: str, outlet: str | None) -> None:
    d = doc(prefix + BODY)
    sentences, notes = run(d)
    assert sentences[0].text.startswith("The city council approved")
    assert d.text[sentences[0].start : sentences[0].end] == sentences[0].text
    assert d.metadata.outlet == outlet
    assert d.metadata.provenance.get("outlet") == ("dateline" if outlet else None)
    assert [n.kind for n in notes] == ["dateline"]


def test_dateline_after_a_headline() -> None:
    d = doc(f"Council approves budget\nLONDON (Reuters) - {BODY}")
    sentences, _ = run(d)
    assert sentences[0].text == "Council approves budget"
    assert sentences[1].text.startswith("The city council approved")
    assert d.metadata.outlet == "Reuters"


def test_dateline_after_a_headline_byline_and_publication_line() -> None:
    # The metadata lines above the body do not push the dateline out of reach.
    d = doc(f"Council approves budget\n\nBy Ann Lee, Staff Writer\n\nPublished 3 May 2026"
            f"\n\nLONDON - {BODY}")
    sentences, notes = run(d)
    assert sentences[3].text.startswith("The city council approved")
    assert "dateline" in [n.kind for n in notes]


def test_dateline_does_not_override_known_outlet() -> None:
    d = doc("WASHINGTON (Reuters) - " + BODY, outlet="Known Outlet")
    sentences, notes = run(d)
    assert d.metadata.outlet == "Known Outlet" and "outlet" not in d.metadata.provenance
    assert sentences[0].text.startswith("The city council")
    assert notes[0].kind == "dateline"


@pytest.mark.parametrize(
    "text",
    [
        "The Times reported on Monday that the council had approved the budget.",
        "Fox News - a cable channel - reported the story first.",
        f"{BODY} LONDON (Reuters) - This is not the first sentence.",
        "US stocks rose - The index gained 2 percent on Monday.",
    ],
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    d = doc(text)
    sentences, notes = run(d)
    assert d.metadata.outlet is None
    assert "dateline" not in [n.kind for n in notes]
    assert sentences[0].start == 0


@pytest.mark.parametrize("line, iso", [
    ("Published 14 October 2026", "2026-10-14"),
    ("Posted on Oct. 14, 2026, 09:30 BST", "2026-10-14"),
    ("First published: Wednesday 14 October 2026", "2026-10-14"),
])
def test_a_publication_line_is_kept_out_and_dates_an_undated_text(line: str, iso: str) -> None:
    d = doc(f"Council approves budget\n\nBy Ann Lowe\n{line}\n\n{BODY}\n")
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    flagged = [s.text for s in sentences if s.boilerplate]
    assert flagged == ["By Ann Lowe", line]
    assert d.metadata.published == iso


def test_a_publication_line_never_overrides_metadata_or_reads_prose() -> None:
    d = doc(f"Published 14 October 2026\n\n{BODY} Published 3 May 2020 was the report.\n")
    d.metadata.published = "2026-10-15"
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    assert d.metadata.published == "2026-10-15"
    assert [s.text for s in sentences if s.boilerplate] == ["Published 14 October 2026"]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ann Lowe", "Ann Lowe"),
        ("By Ann Lowe and Tom Ray", "Ann Lowe and Tom Ray"),
        ("By Miriam Achebe-Lowe, Senior Infrastructure Correspondent", "Miriam Achebe-Lowe"),
    ],
)
def test_a_byline_is_kept_out_and_names_the_author(line: str, author: str) -> None:
    d = doc(f"Council approves budget\n\n{line}\n\n{BODY}\n")
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    assert [s.text for s in sentences if s.boilerplate] == [line]  # metadata, not reporting
    assert not any(s.truncated for s in sentences)
    assert d.metadata.author == author


def test_prose_opening_with_by_is_no_byline_and_metadata_wins() -> None:
    d = doc(f"By Monday, the council had approved the plan.\n\nBy Ann Lowe\n\n{BODY}\n")
    d.metadata.author = "Staff reporter"
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    assert [s.text for s in sentences if s.boilerplate] == ["By Ann Lowe"]
    assert d.metadata.author == "Staff reporter"


def test_unpunctuated_points_under_a_short_label_are_list_items_not_cut_off() -> None:
    text = ("Key points\n\n"
            "Part of the old swing bridge has collapsed into the river this morning\n\n"
            "At least five people have died, according to the emergency services in the city\n\n"
            "The bridge is closed in both directions and will remain shut until further notice\n\n"
            f"{BODY}\n\nThe council said the bridge would be inspected by engineers from\n")
    d = doc(text)
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    assert [s.text for s in sentences if s.truncated] == [
        "The council said the bridge would be inspected by engineers from"]
