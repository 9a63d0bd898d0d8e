"""A small hand-built Briefing (two sources about a made-up factory) for export/curation tests.

Built directly from the models, so these tests do not depend on extraction quality;
every span really indexes its source text, so quote look-ups behave as on real seeds.
"""

from __future__ import annotations

import re

from briefing_builder import appearance_in, mention_at, sentence_at, sentences_at

from generator.models import (
    Actor,
    Appearance,
    Briefing,
    Claim,
    Event,
    Mention,
    Relation,
    Role,
    Source,
)

TEXT_A = (
    "Acme Corp said on Monday that it will open a factory in Lyon. "
    "Jane Doe, the chief executive of Acme, said the plant would employ 500 people. "
    "The Ministry of Industry welcomed the plan."
)
TEXT_B = (
    "Acme will build a new factory in Lyon, the company said. "
    "Doe told reporters the plant would employ 300 workers. "
    "Critics said the factory will “never open”."
)


def make_source(source_id: str, path: str, text: str) -> Source:
    parts = [m.group(0).rstrip() for m in re.finditer(r"[^.]+\.(?:”)?(?:\s|$)", text)]
    sentences = sentences_at(source_id, text, parts)
    return Source(id=source_id, path=path, format="txt", title=None, outlet=None, url=None,
                  published=None, language="en", text=text, sentences=sentences,
                  summary=[sentences[0].id])


def mention(actor: str, source: Source, text: str, nth: int = 0) -> Mention:
    """A mention at the ``nth`` occurrence of ``text`` in the source."""
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(text, start + 1)
    return mention_at(actor, sentence_at(source.sentences, start), start, text)


def appearance(source: Source, quote: str, attributed_to: str | None = None) -> Appearance:
    sentence = sentence_at(source.sentences, source.text.index(quote))
    return appearance_in(sentence, quote, attributed_to=attributed_to,
                         attribution_kind="organisation" if attributed_to else "outlet")


def make_briefing() -> Briefing:
    a = make_source("a-1", "seeds/a.txt", TEXT_A)
    b = make_source("b-2", "seeds/b.txt", TEXT_B)
    actors = [
        Actor(id="acme-corp", name="Acme Corp", type="organisation", aliases=["Acme"],
              mentions=[mention("acme-corp", a, "Acme Corp"), mention("acme-corp", a, "Acme", 1),
                        mention("acme-corp", b, "Acme")]),
        Actor(id="jane-doe", name="Jane Doe", type="person", aliases=["Doe"],
              roles=[Role(title="chief executive", organisation="acme-corp", source="a-1",
                          sentence="s2")],
              mentions=[mention("jane-doe", a, "Jane Doe"), mention("jane-doe", b, "Doe")]),
        Actor(id="ministry-of-industry", name="Ministry of Industry", type="organisation",
              mentions=[mention("ministry-of-industry", a, "Ministry of Industry")]),
        Actor(id="industry", name="Industry", type="organisation",
              mentions=[mention("industry", a, "Industry")]),
        Actor(id="lyon", name="Lyon", type="place",
              mentions=[mention("lyon", a, "Lyon"), mention("lyon", b, "Lyon")]),
        Actor(id="critics", name="Critics", type="other", mentions=[mention("critics", b,
                                                                            "Critics")]),
    ]
    claims = [
        Claim(id="c-open-a", text="Acme will open a factory in Lyon", status="single-source",
              appearances=[appearance(a, "it will open a factory in Lyon", "acme-corp")],
              actors=["acme-corp", "lyon"]),
        Claim(id="c-open-b", text="Acme will build a new factory in Lyon",
              status="single-source",
              appearances=[appearance(b, "Acme will build a new factory in Lyon", "acme-corp")],
              actors=["acme-corp", "lyon"]),
        Claim(id="c-jobs", text="The plant would employ 500 people", status="corroborated",
              appearances=[appearance(a, "the plant would employ 500 people", "jane-doe"),
                           appearance(b, "the plant would employ 300 workers", "jane-doe")],
              actors=["acme-corp", "jane-doe"], numbers=["500", "300"]),
        Claim(id="c-never", text="The factory will never open", status="single-source",
              appearances=[appearance(b, "the factory will “never open”", "critics")],
              actors=["critics"]),
    ]
    events = [Event(id="e-monday", when="on Monday", date=None,
                    text=a.sentences[0].text, source="a-1", sentence="s1",
                    start=a.text.index("on Monday"), end=a.text.index("on Monday") + 9)]
    relations = [
        Relation(subject="jane-doe", predicate="leads", object="acme-corp", source="a-1",
                 sentence="s2", text="chief executive of Acme"),
        Relation(subject="ministry-of-industry", predicate="supports", object="acme-corp",
                 source="a-1", sentence="s3", text="welcomed the plan"),
    ]
    return Briefing(sources=[a, b], actors=actors, claims=claims, events=events,
                    relations=relations, generator_version="test")
