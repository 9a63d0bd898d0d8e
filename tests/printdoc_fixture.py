"""A small hand-built Briefing with hostile strings everywhere, for the print/network/dist tests.

Every string that a seed, its metadata or curation could supply carries markup,
a script, a quote or an entity, so a renderer that forgets to escape anything
shows up as an injected element in the parsed output.
"""

from __future__ import annotations

from briefing_builder import mention_in, sentences_at

from generator.models import (
    Actor,
    Appearance,
    Briefing,
    Claim,
    Event,
    QualityNote,
    Relation,
    Role,
    Source,
)

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def hostile_briefing() -> Briefing:
    """Two sources, four actors, three claims (one corroborated), events and relations."""
    a_parts = [
        f"Ada <b>Lovelace</b> {EVIL} said the Analytical & Engine Board approved the plan.",
        "The board, known as AEB, met on Monday in Harbour City.",
        "According to insiders, the \"plan\" was delayed by ]]> and {{ 7*7 }} reviewers",
    ]
    b_parts = [
        "The Analytical & Engine Board approved the plan, officials said.",
        "Lovelace denied that the <i>plan</i> was delayed.",
        "Subscribe at javascript:alert(1) for more.",
    ]
    text_a = " ".join(a_parts)
    text_b = "\n".join(b_parts)
    sa = sentences_at("src-a", text_a, a_parts)
    sb = sentences_at("src-b", text_b, b_parts)
    sa[2].truncated = True
    sa[2].note = "ends without punctuation <em>x</em>"
    sb[2].boilerplate = True
    sb[2].paragraph = 2
    sb[1].paragraph = 1
    sources = [
        Source(id="src-a", path="seeds/a<evil>.txt", format="txt",
               title=f"Board news {EVIL}", outlet='The "Daily" <Herald>',
               url="javascript:alert(document.cookie)", published="2024-04-02",
               language="en", text=text_a, sentences=sa, summary=["s1", "s2"],
               notes=[QualityNote("truncated", f"Sentence s3 is cut off {EVIL}", "s3")]),
        Source(id="src-b", path="seeds/b.txt", format="txt", title=None,
               outlet="Wire & Co", url="https://example.org/story?a=1&b=<2>",
               published=None, language="en", text=text_b, sentences=sb, summary=["s1"]),
    ]

    actors = [
        Actor(id="ada-lovelace", name=f"Ada <b>Lovelace</b> {EVIL}", type="person",
              aliases=["Lovelace", "Countess <Ada>"],
              roles=[Role("chair & \"founder\"", "aeb", "src-a", "s1")],
              mentions=[mention_in("ada-lovelace", sa[0], "Ada <b>Lovelace</b>"),
                        mention_in("ada-lovelace", sb[1], "Lovelace")],
              description=f"Analyst note {EVIL}"),
        Actor(id="aeb", name="Analytical & Engine Board", type="organisation",
              aliases=["AEB", "the Board"],
              mentions=[mention_in("aeb", sa[0], "Analytical & Engine Board"),
                        mention_in("aeb", sa[1], "AEB"),
                        mention_in("aeb", sb[0], "Analytical & Engine Board")]),
        Actor(id="harbour-city", name="Harbour City", type="place",
              mentions=[mention_in("harbour-city", sa[1], "Harbour City")]),
        Actor(id="x-onerror", name='"><svg onload=alert(2)>', type="weird-type",
              aliases=["javascript:alert(3)"], mentions=[]),
    ]
    claims = [
        Claim(id="c-approved", text="The Analytical & Engine Board approved the plan <u>now</u>.",
              status="corroborated",
              appearances=[
                  Appearance("src-a", "s1", sa[0].text, sa[0].start, sa[0].end, "ada-lovelace",
                             "person", "Ada Lovelace", "said"),
                  Appearance("src-b", "s1", sb[0].text, sb[0].start, sb[0].end, None,
                             "anonymous", "officials <script>", "said", ["reportedly"]),
              ],
              actors=["ada-lovelace", "aeb"]),
        Claim(id="c-delayed", text=f"The plan was delayed {EVIL}", status="contested",
              appearances=[Appearance("src-a", "s3", sa[2].text, sa[2].start, sa[2].end, None,
                                      "anonymous", "insiders", None, ["according to"])],
              actors=["aeb"], conflicts_with=["c-denied"], hedging="reported",
              note=f"curation note {EVIL}"),
        Claim(id="c-denied", text="Lovelace denied the delay.", status="contested",
              appearances=[Appearance("src-b", "s2", sb[1].text, sb[1].start, sb[1].end,
                                      "ada-lovelace", "person", "Lovelace", "denied")],
              actors=["ada-lovelace"], conflicts_with=["c-delayed"]),
    ]
    events = [Event("e1", "on Monday <now>", None, sa[1].text, "src-a", "s2", sa[1].start,
                    sa[1].end)]
    relations = [Relation("ada-lovelace", "chairs", "aeb", "src-a", "s1", "chair"),
                 Relation("aeb", "meets_in", "harbour-city", "src-a", "s2", "met in")]
    return Briefing(sources=sources, actors=actors, claims=claims, events=events,
                    relations=relations, generator_version="0.1.0")
