"""Held-out dev set for the text-level stages: boilerplate, datelines, events, key points.

The five articles in ``tests/fixtures/text_dev/`` were written for this test, each with a
different structure (a wire story with dateline, contributor line, syndication credit and
copyright notice; a Markdown blog post with reader prompts, a newsletter offer and a
"Related:" link list; a saved web page with image credits and app/newsletter offers; a long
feature with quotes, including a question and the word "subscribe" inside quotes; a short
wire brief with "Reporting by ...; Editing by ..." and a "(c)" line). The expectations below
were written from reading the articles and a calendar, before looking at the system output.

Snippets locate a sentence: a verbatim substring that occurs once in its article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_harness import extract_folder, find_event, find_sentence

from generator.models import Event, Sentence, SourceExtraction

DEV = Path(__file__).resolve().parent / "fixtures" / "text_dev"


def extractions() -> dict[str, SourceExtraction]:
    return extract_folder("text_dev")


def sentence(file: str, snippet: str) -> Sentence:
    return find_sentence("text_dev", file, snippet)


# ------------------------------------------------------------------------ boilerplate

BOILERPLATE = [
    ("wire_port.txt", "Jan Hendriks in Amsterdam contributed to this report"),
    ("wire_port.txt", "This story was distributed by The Associated Press"),
    ("wire_port.txt", "Copyright 2027 The Associated Press"),
    ("wire_port.txt", "All rights reserved"),
    ("wire_port.txt", "This material may not be reproduced"),
    ("blog_gardens.md", "Do you live in a building with a flat roof?"),
    ("blog_gardens.md", "Tell us what you think in the comments"),
    ("blog_gardens.md", "Like what you're reading?"),
    ("blog_gardens.md", "Get our weekly climate newsletter"),
    ("blog_gardens.md", "Related:"),
    ("blog_gardens.md", "Heat maps show downtown's hottest streets"),
    ("blog_gardens.md", "Why the city lost its tree canopy"),
    ("blog_gardens.md", "Five plants that survive on a roof"),
    ("html_museum.html", "Photo: Anna Berg/Getty Images"),
    ("html_museum.html", "Image credit: Reuters/Piroschka"),
    ("html_museum.html", "(Photo by Remko de Waal"),
    ("html_museum.html", "Sign up for The Metro Courier"),
    ("html_museum.html", "Download our app"),
    ("feature_glacier.txt", "This article has been updated"),
    ("brief_recall.txt", "Reporting by Dana Holt"),
    ("brief_recall.txt", "(c) Copyright Thomson Reuters 2027"),
    ("brief_recall.txt", "Click For Restrictions"),
]

NOT_BOILERPLATE = [
    ("wire_port.txt", "Dock strike halts traffic"),
    ("wire_port.txt", "Nobody asked us whether we wanted robots"),
    ("wire_port.txt", "It said about 40 ships were waiting"),
    ("blog_gardens.md", "Who is going to maintain these gardens"),
    ("blog_gardens.md", "told residents to subscribe to the council"),
    ("blog_gardens.md", "Building owners can apply online"),
    ("html_museum.html", "handed back 23 bronze sculptures"),
    ("html_museum.html", "We could not keep what was never ours"),
    ("feature_glacier.txt", "People subscribe to the idea that ice is forever"),
    ("feature_glacier.txt", "Why would anyone think that"),
    ("feature_glacier.txt", "Someone should be able to read what was here"),
    ("brief_recall.txt", "Kestrel said it was not aware of any injuries"),
]


@pytest.mark.parametrize(("file", "snippet"), BOILERPLATE)
def test_boilerplate_is_flagged(file: str, snippet: str) -> None:
    assert sentence(file, snippet).boilerplate


@pytest.mark.parametrize(("file", "snippet"), NOT_BOILERPLATE)
def test_reporting_is_not_boilerplate(file: str, snippet: str) -> None:
    s = sentence(file, snippet)
    assert not s.boilerplate, s.note


def test_no_dev_sentence_is_flagged_truncated() -> None:
    """Every article is complete: a truncation flag anywhere is a false alarm."""
    flagged = [(f, s.text) for f, e in extractions().items() for s in e.sentences if s.truncated]
    assert flagged == []


# ------------------------------------------------------------------------ datelines

DATELINES = [
    ("wire_port.txt", "ROTTERDAM, Netherlands (AP) — ", "AP"),
    ("brief_recall.txt", "DETROIT (Reuters) - ", "Reuters"),
    ("feature_glacier.txt", "GLETSCH, Switzerland — ", "Alpine Review"),
]


@pytest.mark.parametrize(("file", "prefix", "outlet"), DATELINES)
def test_dateline_is_kept_out_and_fills_outlet(file: str, prefix: str, outlet: str) -> None:
    ex = extractions()[file]
    start = ex.document.text.index(prefix)
    end = start + len(prefix.rstrip())
    assert all(s.end <= start or s.start >= end for s in ex.sentences)
    assert ex.document.metadata.outlet == outlet


# ------------------------------------------------------------------------ events

# (file, snippet of the sentence, the time expression, date, period)
EVENTS = [
    ("wire_port.txt", "walked off the job on Tuesday", "Tuesday", "2027-02-16", None),
    ("wire_port.txt", "after a vote on Monday", "Monday", "2027-02-15", None),
    ("wire_port.txt", "would begin on Saturday", "Saturday", "2027-02-20", None),
    ("wire_port.txt", "to berth by Tuesday evening", "Tuesday", "2027-02-16", None),
    ("wire_port.txt", "to Antwerp since Monday", "Monday", "2027-02-15", None),
    ("wire_port.txt", "fell 3% in 2026", "2026", None, "2026"),
    ("wire_port.txt", "released in January 2027", "January 2027", None, "2027-01"),
    ("blog_gardens.md", "voted 9-4 on Tuesday night", "Tuesday", "2026-11-03", None),
    ("blog_gardens.md", "applications from Monday", "Monday", "2026-11-09", None),
    ("blog_gardens.md", "in March 2026 found", "March 2026", None, "2026-03"),
    ("blog_gardens.md", "until January 31, 2027", "January 31, 2027", "2027-01-31", None),
    ("blog_gardens.md", "to storms since 2020", "2020", None, "2020"),
    ("html_museum.html", "to Nigeria on Thursday", "Thursday", "2027-01-28", None),
    ("html_museum.html", "to Nigeria in 2022", "2022", None, "2022"),
    ("html_museum.html", "by Friday next week", "Friday", "2027-02-05", None),
    ("feature_glacier.txt", "volume in 2026", "2026", None, "2026"),
    ("feature_glacier.txt", "In August, the Swiss", "August", None, None),
    ("feature_glacier.txt", "approved by voters in June 2023", "June 2023", None, "2023-06"),
    ("feature_glacier.txt", "in parliament last Monday", "Monday", None, None),
    # Said "last Monday" that something would happen "on Wednesday": this week's or next
    # week's Wednesday, the text does not say which.
    ("feature_glacier.txt", "would be presented on Wednesday", "Wednesday", None, None),
    # "next year" against a known publication year is as certain as "in April this year".
    ("feature_glacier.txt", "when he retires next year", "next year", None, "2027"),
    ("brief_recall.txt", "said on Wednesday", "Wednesday", "2027-05-12", None),
    ("brief_recall.txt", "by mail from June 1", "June 1", "2027-06-01", None),
]


def event(file: str, snippet: str, when: str) -> Event:
    return find_event("text_dev", file, snippet, when)


@pytest.mark.parametrize(("file", "snippet", "when", "date", "period"), EVENTS)
def test_event_is_dated_only_when_certain(
    file: str, snippet: str, when: str, date: str | None, period: str | None
) -> None:
    e = event(file, snippet, when)
    assert (e.date, e.period) == (date, period), e.text


def test_no_event_comes_from_boilerplate() -> None:
    for ex in extractions().values():
        flagged = {s.id for s in ex.sentences if s.boilerplate}
        assert not [e.when for e in ex.events if e.sentence in flagged]


# ------------------------------------------------------------------------ key points

LEADS = {
    "wire_port.txt": "Dock workers at Europe's largest port walked off",
    "blog_gardens.md": "The city council voted 9-4",
    "html_museum.html": "handed back 23 bronze sculptures",
    "brief_recall.txt": "Kestrel Motors is recalling about 86,000",
}


@pytest.mark.parametrize("file", sorted(p.name for p in DEV.glob("*") if p.suffix != ".yml"))
def test_key_points_are_few_clean_and_distinct(file: str) -> None:
    from generator.extract.keypoints import terms

    ex = extractions()[file]
    by_id = {s.id: s for s in ex.sentences}
    points = [by_id[k] for k in ex.key_points]
    assert 3 <= len(points) <= 5
    for s in points:
        assert not (s.boilerplate or s.truncated), s.text
        assert s.text.rstrip()[-1] in ".!?\"”’", f"not a full sentence: {s.text!r}"
        assert len(s.text.split()) >= 6
        assert not s.text.rstrip("\"'”’ ").endswith("?"), f"a question: {s.text!r}"
    bags = [set(terms(s.text)) for s in points]
    for i, a in enumerate(bags):
        for b in bags[i + 1 :]:
            assert len(a & b) < 0.6 * min(len(a), len(b)), "two key points say the same"


@pytest.mark.parametrize(("file", "snippet"), sorted(LEADS.items()))
def test_lead_sentence_is_a_key_point(file: str, snippet: str) -> None:
    assert sentence(file, snippet).id in extractions()[file].key_points


def test_feature_key_points_include_the_news_top() -> None:
    """A feature opens with a scene; one of its first three paragraphs still leads."""
    ex = extractions()["feature_glacier.txt"]
    by_id = {s.id: s for s in ex.sentences}
    first_body = min(s.paragraph for s in ex.sentences if len(s.text.split()) > 12)
    assert any(by_id[k].paragraph < first_body + 3 for k in ex.key_points)
