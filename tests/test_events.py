"""Events: time expressions with what happened, dated only when certain."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.events import find_events
from generator.extract.quality import mark_quality
from generator.extract.sentences import split_sentences
from generator.models import Document, Event, Metadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
THURSDAY = "2025-05-08"  # a Thursday


def events(text: str, published: str | None = None) -> list[Event]:
    d = Document(
        id="src", path="src.txt", format="txt", text=text,
        metadata=Metadata(published=published), content_hash="",
    )  # fmt: skip
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    return find_events(d, sentences)


def whens(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(e.when, e.date) for e in events(text, published)]


@pytest.mark.parametrize(
    ("sentence", "when", "dated", "undated"),
    [
        ("The deal was signed on March 3, 2025.", "on March 3, 2025", "2025-03-03", "2025-03-03"),
        ("The deal was signed on 3 March 2025.", "on 3 March 2025", "2025-03-03", "2025-03-03"),
        ("The filing is dated 2024-11-30.", "2024-11-30", "2024-11-30", "2024-11-30"),
        ("The board met on Monday.", "on Monday", "2025-05-05", None),
        ("On Thursday, the minister resigned.", "On Thursday", THURSDAY, None),
        ("The board will vote on Friday.", "on Friday", "2025-05-09", None),
        ("Yesterday the firm cut its forecast.", "Yesterday", "2025-05-07", None),
        ("The summit opens tomorrow.", "tomorrow", "2025-05-09", None),
        ("Protests continued last night.", "last night", "2025-05-07", None),
        ("The company reported results today.", "today", THURSDAY, None),
        ("Talks resumed on May 2.", "on May 2", "2025-05-02", None),
        ("The model was released in April.", "in April", None, None),
        ("It was released in April this year.", "in April this year", None, None),
        ("Sales fell in May 2024.", "in May 2024", None, None),
        ("Prices rose last year.", "last year", None, None),
        ("Prices rose this year.", "this year", None, None),
        ("The law took effect in 2024.", "in 2024", None, None),
        ("Earlier this month, the agency warned investors.", "Earlier this month", None, None),
        ("The talks intensified over the past week.", "over the past week", None, None),
        ("The vote is expected next week.", "next week", None, None),
        ("Profits doubled in the third quarter.", "in the third quarter", None, None),
        ("The plant closed two weeks ago.", "two weeks ago", None, None),
        ("The follows the April release of the model.", "April", None, None),
        ("In recent months, tensions grew.", "In recent months", None, None),
        ("Attention turned to the 2024 election.", "2024", None, None),
        ("Growth slowed in the 1990s.", "in the 1990s", None, None),
    ],
)
def test_time_expressions(sentence: str, when: str, dated: str | None, undated: str | None) -> None:
    assert whens(sentence, THURSDAY) == [(when, dated)]
    assert whens(sentence) == [(when, undated)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The negotiations dragged on for months.",
        "After months of talks and several months of delays, nothing changed.",
        "He has worked there for two years.",
        "She runs every Monday and on Sundays.",
        "April Ryan asked the first question.",
        "It may rain, Theresa May said.",
        "Some 2000 people attended and the index rose to 2024 points.",
        "The price was $2024 and the model GPT-2024 shipped.",
        "Previously, officials had recently said so.",
        # a year in a law's name is no time: "the Bribery Act 2010", "the 2010 Act"
        "They were convicted under the Fraud Act 2006.",
        "The maximum sentence under the 2006 Act is ten years.",
        # how long before something, not when: "for more than two days before returning"
        "The jury deliberated for more than two days before returning its verdicts.",
    ],
)
def test_durations_recurrences_names_and_counts_are_not_events(sentence: str) -> None:
    assert whens(sentence, THURSDAY) == []


def test_weekday_without_clear_tense_or_with_last_next_is_undated() -> None:
    assert whens("The summit, on Monday.", THURSDAY) == [("on Monday", None)]
    assert whens("The board met last Monday.", THURSDAY) == [("last Monday", None)]
    assert whens("The board meets next Monday.", THURSDAY) == [("next Monday", None)]


def test_month_day_without_year_uses_the_nearest_year_only_when_close() -> None:
    assert whens("It snowed on Dec. 28.", "2025-01-10") == [("on Dec. 28", "2024-12-28")]
    assert whens("The plan dates from July 4.", "2025-01-10") == [("from July 4", None)]


def test_invalid_dates_are_not_invented() -> None:
    assert whens("It happened on February 30, 2025.", THURSDAY) == [("on February 30, 2025", None)]
    assert whens("The board met on Monday.", "not a date") == [("on Monday", None)]


def test_events_carry_ids_clause_and_provenance_in_text_order() -> None:
    text = (
        "The agency opened an inquiry on Monday; officials expect a ruling in June. "
        "Last year the firm was fined."
    )
    found = events(text, THURSDAY)
    assert [e.id for e in found] == ["src-e1", "src-e2", "src-e3"]
    assert [e.when for e in found] == ["on Monday", "in June", "Last year"]
    assert found[0].text == "The agency opened an inquiry on Monday"
    assert found[1].text == "officials expect a ruling in June."
    for e in found:
        assert text[e.start : e.end] == e.text
        assert e.source == "src"
    assert [e.sentence for e in found] == ["s1", "s1", "s2"]


def test_boilerplate_yields_no_event_but_truncated_sentences_do() -> None:
    found = events(
        "The ministry said on Tuesday that it had received a formal request from\n"
        "The council voted in March.\n"
        "Subscribe to our newsletter for updates every Friday.\n"
    )
    assert [(e.when, e.sentence) for e in found] == [("on Tuesday", "s1"), ("in March", "s2")]


def _seed(name: str, published: str | None = None) -> list[Event]:
    path = SEEDS / name
    return events(path.read_text(encoding="utf-8"), published)


def test_seed_events() -> None:
    assert [(e.when, e.sentence, e.date) for e in _seed("000_2f70732335356d9f.txt")] == [
        ("April", "s2", None),
        ("on Thursday", "s9", None),
    ]
    assert [(e.when, e.sentence, e.date) for e in _seed("003_c2df267b112e1647.txt")] == [
        ("On Monday", "s2", None),
        ("in April this year", "s3", None),
        ("over the past week", "s9", None),
    ]


def test_seed_events_resolve_with_a_publication_date() -> None:
    found = _seed("003_c2df267b112e1647.txt", published="2025-05-14")  # a Wednesday
    assert [(e.when, e.date) for e in found] == [
        ("On Monday", "2025-05-12"),
        ("in April this year", None),
        ("over the past week", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "when", "date"),
    [
        # the verb the weekday belongs to decides, not another verb in the clause
        ("The council voted on Tuesday to fund a plan its backers say will cool the city.",
         "on Tuesday", "2025-05-06"),
        ("The lender said it would raise its rates from Monday.", "from Monday", "2025-05-12"),
        ("Forecasters warned the river could crest by Saturday.", "by Saturday", "2025-05-10"),
        ("The scheme, which will open to applications from Monday, has $2 million.",
         "from Monday", "2025-05-12"),
        ("The deal was first reported by a rival outlet on Sunday, a day before it was signed.",
         "on Sunday", "2025-05-04"),
        ("The plant has been closed since Monday.", "since Monday", "2025-05-05"),
        ("On Tuesday, the minister resigned.", "On Tuesday", "2025-05-06"),
        ("Ships were waiting to berth by Tuesday evening.", "by Tuesday evening", "2025-05-06"),
        ("The ministry said it would publish the report by Friday next week.", "by Friday",
         "2025-05-16"),
        ("The board met on Monday last week.", "on Monday", "2025-04-28"),
        ("The vote scheduled for Saturday will go ahead.", "Saturday", "2025-05-10"),
        # a verbless phrase, a counterfactual, a decision about a later day: no date
        ("The firm will pay $38 a share, a premium to the closing price on Friday.", "on Friday",
         None),
        ("Prices would have fallen on Monday without the deal.", "on Monday", None),
        ("The union agreed to pay the fine by Friday.", "by Friday", None),
        ("The company is due to report results on Friday.", "on Friday", "2025-05-09"),
    ],
)
def test_weekday_follows_the_tense_of_its_own_verb(sentence: str, when: str, date: str) -> None:
    found = [(e.when, e.date) for e in events(sentence, THURSDAY) if "day" in e.when]
    assert found[0] == (when, date)


def test_reported_future_is_undated_when_the_paragraph_is_set_in_an_earlier_week() -> None:
    text = "The minister spoke in parliament last Monday. He said a bill would follow on Wednesday."
    assert ("on Wednesday", None) in whens(text, THURSDAY)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Sales fell in May 2024.", "2024-05"),
        ("It was released in April this year.", "2025-04"),
        ("It was released in April last year.", "2024-04"),
        ("The law took effect in 2024.", "2024"),
        ("Prices rose last year.", "2024"),
        ("Profits doubled in the third quarter of 2023.", "2023-Q3"),
        ("The deal should close in the first quarter of next year.", "2026-Q1"),
        ("Revenue hit a record in Q4 2024.", "2024-Q4"),
        ("Exports fell last month.", "2025-04"),
        ("The model was released in April.", None),  # which April is not written
        ("Profits doubled in the third quarter.", None),
        ("Growth slowed in the 1990s.", None),
        ("The talks intensified over the past week.", None),
    ],
)
def test_period_is_given_only_when_the_text_makes_it_certain(sentence: str, period: str) -> None:
    found = events(sentence, THURSDAY)
    assert [e.period for e in found] == [period]
    assert all(e.date is None for e in found)


def test_relative_periods_need_a_publication_date() -> None:
    assert [e.period for e in events("Prices rose last year and in May 2024.")] == [None, "2024-05"]


@pytest.mark.parametrize(
    ("sentence", "when", "period"),
    [
        # a span is one expression: no single day, the year or month it lies in when certain
        ("Output fell between 2015 and 2018.", "between 2015 and 2018", None),
        ("Sales rose from March to June this year.", "from March to June this year", "2025"),
        ("Sales rose between November and February last year.",
         "between November and February last year", None),  # across the turn of a year
        ("The fair runs from 12 to 14 June.", "from 12 to 14 June", "2025-06"),
        ("The fair runs June 12-14, 2026.", "June 12-14, 2026", "2026-06"),
        ("Profits rose in the first half of 2024.", "in the first half of 2024", "2024"),
        ("The forecast for 2026 was cut.", "for 2026", "2026"),
    ],
)
def test_spans_halves_and_years_for(sentence: str, when: str, period: str | None) -> None:
    found = events(sentence, THURSDAY)
    assert [(e.when, e.date, e.period) for e in found] == [(when, None, period)]


def test_a_span_of_counts_is_no_event() -> None:
    assert whens("Between 2000 and 2500 workers joined the strike.", THURSDAY) == []


@pytest.mark.parametrize(
    ("sentence", "when", "date"),
    [
        ("The blast happened at 14:30 GMT.", "at 14:30 GMT", None),
        ("Shares fell 3% by 11:45.", "by 11:45", None),
        ("The vote will be held at 7pm on Friday.", "at 7pm on Friday", "2025-05-09"),
        ("The blast happened on Tuesday at 4:30 a.m.", "on Tuesday at 4:30 a.m.", "2025-05-06"),
        ("Doors open at 10am tomorrow.", "at 10am tomorrow", "2025-05-09"),
        ("Tickets will be released at 10am on Monday.", "at 10am on Monday", "2025-05-12"),
    ],
)
def test_a_time_of_day_is_dated_only_by_the_day_written_with_it(
    sentence: str, when: str, date: str | None
) -> None:
    assert whens(sentence, THURSDAY) == [(when, date)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The trial is expected to last three weeks.",
        "The ceasefire will last two days.",
        "The ratio was 3:1 and the score 2:10.",
    ],
)
def test_verbs_and_ratios_are_not_events(sentence: str) -> None:
    assert whens(sentence, THURSDAY) == []


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Today it employs 140 people.", None),  # the present era
        ("Today the town has two schools.", None),
        ("Today the council is expected to vote.", THURSDAY),
        ("Today, the company reported a loss.", THURSDAY),
        ("Today the board has voted to sell.", THURSDAY),
    ],
)
def test_today_with_a_present_state_means_nowadays(sentence: str, date: str | None) -> None:
    assert [e.date for e in events(sentence, THURSDAY)] == [date]
