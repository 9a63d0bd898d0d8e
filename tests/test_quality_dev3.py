"""Quality flags, third round: headlines ending on a particle, phrasal verbs at a line end,
wire end markers, subscription tails.

Every example is invented for this file; expectations were written before running the code.
"""

from __future__ import annotations

import pytest

from generator.extract.quality import mark_quality
from generator.extract.sentences import split_sentences
from generator.models import Document, Metadata, Sentence

BODY = (
    "The regional development bank approved a loan of 300 million dollars for the project "
    "on Thursday. Officials said construction would start next spring and take four years. "
    "Residents of three villages in the valley have opposed the plan since it was announced."
)
SECOND = (
    "A spokesperson for the bank said the decision followed a review of the environmental "
    "assessment. The villagers' lawyers said they would appeal."
)


def doc(text: str, fmt: str = "txt") -> Document:
    return Document(
        id="t", path=f"t.{fmt}", format=fmt, text=text, metadata=Metadata(), content_hash="",
    )  # fmt: skip


def run(text: str, fmt: str = "txt") -> list[Sentence]:
    d = doc(text, fmt)
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    return sentences


def truncated(text: str, fmt: str = "txt") -> list[str]:
    return [s.text for s in run(text, fmt) if s.truncated]


def boilerplate(text: str, fmt: str = "txt") -> list[str]:
    return [s.text for s in run(text, fmt) if s.boilerplate]


# ------------------------------------------------------------------ headlines, first line

HEADLINES = [
    "Dam wins bank backing as villagers vow to fight on",
    "Airline chief says strikes will carry on",
    "Rival bidder walks away as founder vows to take over",
    "Protesters refuse to back down as police move in",
    "Ministers press ahead with rescue plan as lenders sign off",
    "Markets shrug off rate fears as investors pile in",
    "Coalition talks collapse as junior partner walks out",
    "Storm-hit towns count the cost as floodwaters finally move on",
    "Judge refuses to step aside in fraud trial as defence presses on",
    "Chipmaker's profit warning sends shares lower as investors cash in",
    "Tech giant says the outage is over",
    "Why the village plans to fight on",
    # longer headlines with commas, up to ~16 words
    "Fed holds rates steady, signals two cuts later this year as inflation cools",
    "Mining town bets on lithium, but locals fear the boom will pass them by",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_first_line_headline_is_never_truncated(headline: str) -> None:
    assert truncated(f"{headline}\n\n{BODY}\n\n{SECOND}") == []
    assert truncated(f"{headline}\n{BODY}\n{SECOND}") == []  # single newlines too


@pytest.mark.parametrize("headline", HEADLINES[:6])
def test_title_case_headline_ending_on_a_particle_is_not_truncated(headline: str) -> None:
    title = " ".join(w[:1].upper() + w[1:] for w in headline.split())
    assert truncated(f"{title}\n\n{BODY}") == []


@pytest.mark.parametrize(
    "cut",
    [
        # prose cut off in the first paragraph is still flagged: an article, a conjunction,
        # or a preposition ending a line that reads as running text
        "The bank said on Thursday that it had approved the loan for the",
        "Officials said the construction would start next spring and",
        "The ministry said on Friday that it had received a formal request from",
    ],
)
def test_cut_off_first_paragraph_is_still_truncated(cut: str) -> None:
    assert truncated(f"{cut}\n\n{BODY}") == [cut]


# ------------------------------------------------------------------ phrasal-verb particles


@pytest.mark.parametrize(
    "line",
    [
        "Villagers vow to fight on",
        "Why the talks broke down",
        "Prices picked up",
        "Unions say they will carry on",
        "The rebels refused to give in",
        "Investors who bought in",
        "How the deal fell through",
        "Who will take over",
    ],
)
def test_subheading_ending_on_a_particle_is_not_truncated(line: str) -> None:
    assert truncated(f"{BODY}\n\n{line}\n\n{SECOND}") == []


@pytest.mark.parametrize(
    "cut",
    [
        "He was speaking to",
        "Talks with",
        "A request from",
        "The sale of",
    ],
)
def test_short_line_ending_on_a_true_preposition_is_still_truncated(cut: str) -> None:
    assert truncated(f"{BODY}\n\n{cut}\n\n{SECOND}") == [cut]


@pytest.mark.parametrize(
    "text",
    [
        f"{BODY} The villagers said they would fight on.",
        f"{BODY} The talks broke down. Prices picked up.",
        f"{BODY}\n\nShe said the union would press ahead, and that members would carry on.",
        f"{BODY}\n\nNobody knew who would take over.\n\n{SECOND}",
    ],
)
def test_complete_sentences_ending_on_particles_are_never_flagged(text: str) -> None:
    assert truncated(text) == []
    assert boilerplate(text) == []


# ------------------------------------------------------------------ wire end markers


@pytest.mark.parametrize(
    "marker",
    [
        "(END)",
        "-30-",
        "###",
        "— Reuters",
        "-- The Associated Press",
        "(Reporting by Ama Mensah in Accra; Editing by Tom Roe)",
        "ENDS",
    ],
)
def test_wire_end_marker_alone_on_a_line_is_boilerplate(marker: str) -> None:
    sentences = run(f"{BODY}\n\n{SECOND}\n\n{marker}\n")
    assert [s.text for s in sentences if s.boilerplate] == [marker]
    assert not any(s.truncated for s in sentences)


def test_wire_end_marker_is_flagged_before_a_copyright_line() -> None:
    text = f"{BODY}\n\n(END)\n\nCopyright 2026 Example Wire Service. All rights reserved.\n"
    flagged = boilerplate(text)
    assert flagged[0] == "(END)"
    assert "All rights reserved." in flagged
    assert not any(BODY.startswith(f) for f in flagged)


@pytest.mark.parametrize(
    "text",
    [
        # a dash line with a name in the middle of the text is a quote's attribution
        f"{BODY}\n\n\"We will not move.\"\n\n— Ama Mensah, village chief\n\n{SECOND}",
        # "end" as a word of a sentence
        f"{BODY}\n\nThe strike would end on Friday, the union said.",
        f"{BODY}\n\nNobody knows how it will end.",
    ],
)
def test_no_end_marker_in_ordinary_text(text: str) -> None:
    assert boilerplate(text) == []


# ------------------------------------------------------------------ subscription tails


@pytest.mark.parametrize(
    "tail",
    [
        "Enjoyed this?\n\nSubscribe to Platform Watch for a weekly dispatch on the business "
        "of online platforms.",
        "Enjoyed this? Subscribe to Harbour Notes for a daily briefing on shipping.",
        "Liked this?\n\nSign up for The Ledger, a weekly digest of fintech news.",
        "Subscribe to Village Voice Weekly.",
        "Subscribe to Market Morning, our daily newsletter.",
        "Found this useful?\n\nSubscribe to Policy Lab for a monthly roundup of research.",
    ],
)
def test_subscription_tail_is_boilerplate(tail: str) -> None:
    sentences = run(f"{BODY}\n\n{SECOND}\n\n{tail}\n")
    flagged = [s.text for s in sentences if s.boilerplate]
    expected = [p for p in tail.replace("? ", "?\n").split("\n") if p.strip()]
    assert flagged == expected
    assert not any(s.truncated for s in sentences)


@pytest.mark.parametrize(
    "ending",
    [
        "Subscribers to the service rose 10% in the quarter.",
        "Subscription revenue from its daily newsletter rose 12 percent.",
        "Readers who subscribe to the paper's weekly briefing get early access, the editor said.",
        "Subscribing to the weekly digest costs five dollars a month, the company said.",
        "The company said users could subscribe to a daily dispatch of alerts.",
        "Subscriptions to the weekly newsletter doubled after the launch.",
    ],
)
def test_reporting_about_subscriptions_is_not_boilerplate(ending: str) -> None:
    assert boilerplate(f"{BODY}\n\n{SECOND}\n\n{ending}\n") == []
    assert boilerplate(f"{BODY}\n\n{ending}\n\n{SECOND}\n") == []


# ------------------------------------------------------------------ quotations, lists, tails


def test_quotation_left_open_at_a_paragraph_end_is_truncated() -> None:
    cut = 'The manager told the court: "We were told the records had to look clean.'
    assert truncated(f"{BODY}\n\n{cut}\n\n{SECOND}") == [cut]
    curly = "The manager said: “We were told to keep quiet. Nobody asked why."
    assert truncated(f"{BODY}\n\n{curly}\n\n{SECOND}") == ["Nobody asked why."]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation continued in the next paragraph (news style), a closed one, a stray mark
        f'{BODY}\n\nShe said: "We will appeal.\n\n"And we will win."\n\n{SECOND}',
        f'{BODY}\n\nShe said: "We will appeal. We will win."\n\n{SECOND}',
        f'{BODY}\n\nThe field held the string "><b> in the old system.\n\n{SECOND}',
        f"{BODY}\n\nHe is 6'2\" tall and plays in goal for the reserve team every week.",
    ],
)
def test_closed_continued_or_stray_quotes_are_not_truncated(text: str) -> None:
    assert truncated(text) == []


def test_lower_case_items_after_a_lead_in_are_a_list() -> None:
    items = [
        "the opening concert by a local quartet at half past seven on the first evening",
        "a free family afternoon in the park with games and music for younger children",
    ]
    text = f"{BODY}\n\nHighlights include:\n\n{items[0]}\n\n{items[1]}\n\n{SECOND}"
    assert truncated(text) == []
    # an item still cannot end on an article
    assert truncated(f"{BODY}\n\nHighlights include:\n\n{items[0]} and the\n\n{SECOND}") == [
        f"{items[0]} and the"
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "(Photo: Weavers at the mill in March. Credit: Jane Roe)",
        "Credit: Jane Roe/Example Agency",
    ],
)
def test_caption_and_credit_lines_are_boilerplate(caption: str) -> None:
    sentences = run(f"{BODY}\n\n{caption}\n\n{SECOND}")
    flagged = [s.text for s in sentences if s.boilerplate]
    assert flagged and " ".join(flagged) == caption
    assert not any(s.truncated for s in sentences)


def test_sales_offer_with_a_web_address_in_the_tail_is_boilerplate() -> None:
    offer = "Tickets are on sale now at example.org."
    assert boilerplate(f"{BODY}\n\n{SECOND}\n\n{offer}") == [offer]
    # reporting that tickets went on sale, or an offer in the body, is not
    news = "Tickets went on sale on Monday at example.org and sold out within hours."
    assert boilerplate(f"{BODY}\n\n{SECOND}\n\n{news}") == []
    assert boilerplate(f"{offer}\n\n{BODY}\n\n{SECOND}\n\n{BODY}\n\n{SECOND}") == []
