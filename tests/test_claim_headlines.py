"""What a reader sees for each claim: headline, attribution and hedging, sentence by sentence.

A table of invented news sentences, each run through the real extraction stages (sentence
splitting, quality marks, actor finding, claim finding) as a one-sentence article. For
each row the expected headline is written out: faithful and extractive (the sentence's own
words, in order), first letter capitalised, a final period, and none of the frame around
the claim (no speaker fragment, no leading reporting verb, no orphan apposition, no
discourse label). ``None`` means the sentence carries no claim (a question, a cut-off
sentence). The expectations were written before the extractor was run on them.
"""

from __future__ import annotations

import re

import pytest

from generator.extract import extract_source
from generator.models import ClaimCandidate, Document, Metadata

# (sentence, headline or None, attribution kind, attribution text, hedging)
ROWS: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    # --- reporting verb before the content: "X said (that) ..."
    (
        "Jane Okafor said that the ministry will cut fuel subsidies by 15% next year.",
        "The ministry will cut fuel subsidies by 15% next year.",
        "person", "Jane Okafor", "reported",
    ),
    (
        "The company told Reuters that it had laid off 300 workers at its plant in Ohio.",
        "It had laid off 300 workers at its plant in Ohio.",
        "organisation", "The company", "reported",
    ),
    (
        "The health ministry told lawmakers on Tuesday that 14 hospitals had run out of "
        "insulin.",
        "14 hospitals had run out of insulin.",
        "organisation", "The health ministry", "reported",
    ),
    (
        "A spokesperson for the European Commission told reporters that talks with the "
        "United States would continue.",
        "Talks with the United States would continue.",
        "organisation", "A spokesperson for the European Commission", "reported",
    ),
    (
        "The prime minister's office said: “No decision has been taken on the tax.”",
        "No decision has been taken on the tax.",
        "organisation", "The prime minister's office", "reported",
    ),
    # --- an adverbial between the verb and a content clause without "that"
    (
        "Elena Petrova, the mayor of Varna, said on Monday the port would reopen within days.",
        "The port would reopen within days.",
        "person", "Elena Petrova, the mayor of Varna", "reported",
    ),
    # --- trailing attribution: "..., X said." / "..., said X, a spokesperson for Y."
    (
        "The ministry will cut fuel subsidies by 15% next year, Finance Minister Jane Okafor "
        "said.",
        "The ministry will cut fuel subsidies by 15% next year.",
        "person", "Finance Minister Jane Okafor", "reported",
    ),
    (
        "“We will not raise prices this year,” said Tomas Berg, a spokesman for Nordlys Energy.",
        "We will not raise prices this year.",
        "person", "Tomas Berg, a spokesman for Nordlys Energy", "reported",
    ),
    (
        "Prices for diesel rose 12 percent in March to 1.89 euros a litre, the statistics "
        "office said.",
        "Prices for diesel rose 12 percent in March to 1.89 euros a litre.",
        "organisation", "the statistics office", "reported",
    ),
    (
        "Sales fell 8% in the second quarter, the company said in a statement on Wednesday.",
        "Sales fell 8% in the second quarter.",
        "organisation", "the company", "reported",
    ),
    (
        "“Our first concern is the people who were hurt,” Mira Costa, the plant's manager, "
        "said in a statement.",
        "Our first concern is the people who were hurt.",
        "person", "Mira Costa, the plant's manager", "reported",
    ),
    (
        "Two people were killed and 15 injured when a bus overturned near Kandy on Sunday, "
        "police said.",
        "Two people were killed and 15 injured when a bus overturned near Kandy on Sunday.",
        "organisation", "police", "reported",
    ),
    (
        "“The situation is under control,” the ministry said, adding that 40 firefighters "
        "were at the scene.",
        "The situation is under control.",
        "organisation", "the ministry", "reported",
    ),
    (
        "It was disappointed and was reviewing the decision, including a possible appeal to "
        "the Supreme Court, a spokesperson said.",
        "It was disappointed and was reviewing the decision, including a possible appeal to "
        "the Supreme Court.",
        "organisation", "a spokesperson", "reported",
    ),
    # --- "According to X, ...", "..., according to X.", "as reported by X"
    (
        "According to the World Health Organization, cholera cases rose to 4,200 in the first "
        "week of June.",
        "Cholera cases rose to 4,200 in the first week of June.",
        "organisation", "the World Health Organization", "reported",
    ),
    (
        "Cholera cases rose to 4,200 in the first week of June, according to the World Health "
        "Organization.",
        "Cholera cases rose to 4,200 in the first week of June.",
        "organisation", "the World Health Organization", "reported",
    ),
    (
        "The central bank is likely to cut rates again in June, according to economists polled "
        "by Reuters.",
        "The central bank is likely to cut rates again in June.",
        "anonymous", "economists polled by Reuters", "hedged",
    ),
    (
        "The bank plans to close 40 branches next year, as reported by the Financial Times.",
        "The bank plans to close 40 branches next year.",
        "other_outlet", "the Financial Times", "reported",
    ),
    # --- speakers with relative clauses, appositions, coordination, prepositional phrases
    (
        "Mayor Ana Ruiz, who took office in January, said the city would hire 200 new "
        "teachers.",
        "The city would hire 200 new teachers.",
        "person", "Mayor Ana Ruiz", "reported",
    ),
    (
        "Nordlys Energy, which supplies power to 2 million homes, said it would raise prices "
        "by 9% in October.",
        "It would raise prices by 9% in October.",
        "organisation", "Nordlys Energy", "reported",
    ),
    (
        "Mayor Ana Ruiz and council leader Tom Hale said the budget would be balanced by 2027.",
        "The budget would be balanced by 2027.",
        "person", "Mayor Ana Ruiz and council leader Tom Hale", "reported",
    ),
    (
        "Lawyers for the company and its chairman say it is likely to take the case to the "
        "Supreme Court.",
        "It is likely to take the case to the Supreme Court.",
        "organisation", "Lawyers for the company and its chairman", "hedged",
    ),
    (
        "Lawyers for Daewon Group and its chairman Park Min-ho say the group will appeal the "
        "ruling.",
        "The group will appeal the ruling.",
        "organisation", "Lawyers for Daewon Group and its chairman Park Min-ho", "reported",
    ),
    (
        "Dr Amara Nwosu, an epidemiologist at the University of Lagos, warned that the "
        "outbreak may spread to neighbouring states.",
        "The outbreak may spread to neighbouring states.",
        "person", "Dr Amara Nwosu, an epidemiologist at the University of Lagos", "hedged",
    ),
    (
        "Analysts at Kepler Bank estimate that the merger could save 1.2 billion euros a year.",
        "The merger could save 1.2 billion euros a year.",
        "organisation", "Analysts at Kepler Bank", "hedged",
    ),
    (
        "Despite the protests, the government said the law would take effect on 1 July.",
        "The law would take effect on 1 July.",
        "organisation", "the government", "reported",
    ),
    (
        "Prosecutors allege that the former minister accepted bribes worth $2 million.",
        "The former minister accepted bribes worth $2 million.",
        "organisation", "Prosecutors", "reported",
    ),
    (
        "Residents said the water had risen more than two metres in an hour.",
        "The water had risen more than two metres in an hour.",
        "anonymous", "Residents", "reported",
    ),
    # --- quoted evaluations: the evaluation needs its subject, so the sentence stays whole
    (
        "Harbor's chief executive, Kim Da-eun, called the decision “a victory for every small "
        "business in Korea.”",
        "Harbor's chief executive called the decision “a victory for every small business in "
        "Korea.”",
        "person", "Harbor's chief executive, Kim Da-eun", "reported",
    ),
    (
        "Transport Secretary Paul Greer described the new rail timetable as “a disaster for "
        "commuters.”",
        "Transport Secretary Paul Greer described the new rail timetable as “a disaster for "
        "commuters.”",
        "person", "Transport Secretary Paul Greer", "reported",
    ),
    # --- a reporting verb with a plain object, no clause: the act itself is the claim
    (
        "Norvik Telecom announced a 5% rise in quarterly profit on Thursday.",
        "Norvik Telecom announced a 5% rise in quarterly profit on Thursday.",
        "organisation", "Norvik Telecom", "reported",
    ),
    (
        "Governor Lydia Park declared a state of emergency in three districts and asked the "
        "army for help.",
        "Governor Lydia Park declared a state of emergency in three districts and asked the "
        "army for help.",
        "person", "Governor Lydia Park", "reported",
    ),
    # --- denials and multi-clause reports keep the frame: without it the headline would
    # say the opposite, or make the content's subject the one who warns
    (
        "The airline denied that any passengers had been injured during the landing.",
        "The airline denied that any passengers had been injured during the landing.",
        "organisation", "The airline", "reported",
    ),
    (
        "The airport authority said the runway remained open but warned that flights could "
        "be delayed until Sunday.",
        "The airport authority said the runway remained open but warned that flights could "
        "be delayed until Sunday.",
        "organisation", "The airport authority", "hedged",
    ),
    (
        "The union said the talks had failed and that the strike would begin on Monday.",
        "The talks had failed and the strike would begin on Monday.",
        "organisation", "The union", "reported",
    ),
    # --- appositions and relative clauses of the subject: dropped from the headline
    (
        "Indonesia’s volcanology agency, known by its Indonesian acronym PVMBG, raised the "
        "alert level for the volcano to the highest level on Tuesday.",
        "Indonesia’s volcanology agency raised the alert level for the volcano to the highest "
        "level on Tuesday.",
        "outlet", None, "asserted",
    ),
    (
        "The ceasefire, which took effect at midnight, appeared to be holding on Saturday.",
        "The ceasefire appeared to be holding on Saturday.",
        "outlet", None, "hedged",
    ),
    # --- discourse labels and markers: dropped
    (
        "Some context: the regulator fined Norvik Telecom in 2024 for abusing its dominance.",
        "The regulator fined Norvik Telecom in 2024 for abusing its dominance.",
        "outlet", None, "asserted",
    ),
    (
        "Update: the airport reopened its main runway at 6 a.m. on Friday.",
        "The airport reopened its main runway at 6 a.m. on Friday.",
        "outlet", None, "asserted",
    ),
    (
        "Meanwhile, the central bank kept its main interest rate at 3.5%.",
        "The central bank kept its main interest rate at 3.5%.",
        "outlet", None, "asserted",
    ),
    (
        "However, the union said the strike would go ahead on Monday.",
        "The strike would go ahead on Monday.",
        "organisation", "the union", "reported",
    ),
    (
        "Also, the factory will stay closed until further notice, the owners said.",
        "The factory will stay closed until further notice.",
        "organisation", "the owners", "reported",
    ),
    # --- hedges and anonymous sources
    (
        "People familiar with the matter said the deal could be announced as soon as next "
        "week.",
        "The deal could be announced as soon as next week.",
        "anonymous", "People familiar with the matter", "hedged",
    ),
    (
        "Insiders say the board is expected to approve the merger on Thursday.",
        "The board is expected to approve the merger on Thursday.",
        "anonymous", "Insiders", "hedged",
    ),
    (
        "The suspect reportedly fled to Spain after the robbery in Lyon.",
        "The suspect reportedly fled to Spain after the robbery in Lyon.",
        "outlet", None, "hedged",
    ),
    (
        "The new line is expected to carry 50,000 passengers a day when it opens in 2027.",
        "The new line is expected to carry 50,000 passengers a day when it opens in 2027.",
        "outlet", None, "hedged",
    ),
    # --- documents as sources
    (
        "The report says air pollution caused 12,000 early deaths in the region in 2023.",
        "Air pollution caused 12,000 early deaths in the region in 2023.",
        "organisation", "The report", "reported",
    ),
    # --- numbers with units, negations
    (
        "The storm left 120,000 homes without power across three provinces on Sunday.",
        "The storm left 120,000 homes without power across three provinces on Sunday.",
        "outlet", None, "asserted",
    ),
    (
        "The company did not say how many jobs would be lost at the Leeds plant.",
        "The company did not say how many jobs would be lost at the Leeds plant.",
        "outlet", None, "asserted",
    ),
    (
        "The court did not rule on the question of damages in the Halden case.",
        "The court did not rule on the question of damages in the Halden case.",
        "outlet", None, "asserted",
    ),
    # --- no claim: questions, cut-off sentences
    ("Will the government raise taxes on fuel before the election in May?",
     None, None, None, None),
    ("The minister said the new rules would apply to all companies with more than",
     None, None, None, None),
]


def extract(sentence: str) -> list[ClaimCandidate]:
    doc = Document(
        "probe", "seeds/probe.txt", "txt", sentence, Metadata(outlet="The Daily Probe"), ""
    )
    return extract_source(doc).claims


def _words(text: str) -> list[str]:
    """Lower-case words, numbers kept whole ("1.89", "4,200", "a.m")."""
    return re.findall(r"[\w'\u2019%$]+(?:[.,-][\w'\u2019%$]+)*", text.lower())


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


def _row_id(row: tuple) -> str:
    return row[0][:40]


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_what_a_reader_sees(row: tuple) -> None:
    sentence, headline, kind, att_text, hedging = row
    claims = extract(sentence)
    if headline is None:
        assert claims == [], [c.text for c in claims]
        return
    assert len(claims) == 1, [c.text for c in claims]
    claim = claims[0]
    app = claim.appearance
    assert claim.text == headline
    assert (app.attribution_kind, app.attribution_text) == (kind, att_text)
    assert claim.hedging == hedging


@pytest.mark.parametrize("row", [r for r in ROWS if r[1] is not None], ids=_row_id)
def test_headline_shape_and_quote_span(row: tuple) -> None:
    """Whatever the exact words: a headline is a capitalised, extractive sentence with one
    final period, and the quote is an exact substring of the sentence."""
    sentence = row[0]
    for claim in extract(sentence):
        text = claim.text
        assert text[:1].isupper() or text[:1].isdigit(), text
        assert re.search(r"[.!?][\"\u201d]?$", text) and not text.endswith(('..', '.".', '.”.'))
        assert _is_subsequence(_words(text.rstrip(".")), _words(sentence)), text
        app = claim.appearance
        assert sentence[app.start : app.end] == app.quote
