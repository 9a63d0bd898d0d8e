"""Claim extraction: attribution, quote spans, hedges, numbers, dates, polarity, exclusions.

Sentences and actors are built here with a tiny splitter and hand-made LocalActors, so
these tests check find_claims alone; the seed tests at the end use the real stages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.extract.claims import content_terms, find_claims, headline, stem
from generator.models import (
    ClaimCandidate,
    Document,
    LocalActor,
    Mention,
    Metadata,
    Role,
    Sentence,
)

REPO = Path(__file__).resolve().parent.parent


def make_doc(text: str, doc_id: str = "src", outlet: str | None = None) -> Document:
    return Document(doc_id, f"seeds/{doc_id}.txt", "txt", text, Metadata(outlet=outlet), "")


def split(doc: Document) -> list[Sentence]:
    """A minimal splitter for tests: ends at . ! ? (optionally closing quote) before a space."""
    out = []
    for m in re.finditer(r"\S.*?(?:[.!?][\"\u201d]?(?=\s|$)|$)", doc.text):
        if m.group(0).strip():
            n = len(out)
            out.append(Sentence(f"s{n + 1}", doc.id, n, m.start(), m.end(), m.group(0)))
    return out


def actors_for(doc: Document, sentences: list[Sentence], spec: dict[str, tuple]) -> list:
    """LocalActors from {key: (type, surface, surface, ...)} with a mention per occurrence."""
    actors = []
    for key, (kind, *surfaces) in spec.items():
        mentions = []
        for surface in surfaces:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text):
                sent = next(s for s in sentences if s.start <= m.start() < s.end)
                mentions.append(Mention(key, doc.id, sent.id, m.start(), m.end(), surface))
        actors.append(LocalActor(key, surfaces[0], kind, list(surfaces[1:]), mentions))
    return actors


def claims_of(text: str, spec: dict[str, tuple] | None = None, **kw) -> list[ClaimCandidate]:
    doc = make_doc(text, **kw)
    sentences = split(doc)
    return find_claims(doc, sentences, actors_for(doc, sentences, spec or {}))


def one(text: str, spec: dict[str, tuple] | None = None, **kw) -> ClaimCandidate:
    claims = claims_of(text, spec, **kw)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def assert_appearance(claim: ClaimCandidate, **expected: object) -> None:
    """The claim's appearance has these field values (one dict, so a failure shows them all)."""
    app = claim.appearance
    assert {field: getattr(app, field) for field in expected} == expected


def assert_span(text: str, claim: ClaimCandidate) -> None:
    app = claim.appearance
    assert text[app.start : app.end] == app.quote


# ------------------------------------------------------------------------ attribution

PEOPLE = {
    "jane-doe": ("person", "Jane Doe", "Doe"),
    "acme": ("organisation", "Acme Corp", "Acme"),
    "ministry": ("government", "Ministry of Finance", "the ministry"),
    "reuters": ("media", "Reuters"),
    "wsj": ("media", "the Wall Street Journal"),
    "commission": ("government", "Commission"),
}


def test_x_said_that_takes_the_content_clause_and_the_person() -> None:
    text = "Jane Doe said that Acme Corp will close its plant in Ohio by March."
    c = one(text, PEOPLE)
    assert_appearance(
        c, quote="Acme Corp will close its plant in Ohio by March", attributed_to="jane-doe",
        attribution_kind="person", reporting_verb="said",
    )
    assert c.hedging == "reported"
    assert "acme" in c.actors and "jane-doe" not in c.actors
    assert_span(text, c)


def test_x_told_outlet_that_skips_the_addressee() -> None:
    text = "The ministry told Reuters that the budget deficit widened to 4% last year."
    c = one(text, PEOPLE)
    assert_appearance(
        c, quote="the budget deficit widened to 4% last year", attributed_to="ministry",
        attribution_kind="organisation", reporting_verb="told",
    )
    assert c.numbers == ["4%"]


def test_verb_with_adverbial_before_that() -> None:
    text = "Doe noted on Thursday that the company is working closely with regulators."
    c = one(text, PEOPLE)
    assert_appearance(
        c, quote="the company is working closely with regulators", attributed_to="jane-doe",
        reporting_verb="noted",
    )


def test_trailing_attribution() -> None:
    text = "The plant will close by March, Jane Doe said."
    c = one(text, PEOPLE)
    assert_appearance(c, quote="The plant will close by March", attributed_to="jane-doe")
    assert c.text == "The plant will close by March."
    text2 = '"We will not sell the unit to Acme," said Jane Doe, the chief executive.'
    c2 = one(text2, PEOPLE)
    assert_appearance(c2, quote="We will not sell the unit to Acme", attributed_to="jane-doe")
    assert c2.negated
    assert_span(text2, c2)


def test_according_to_leading_and_trailing() -> None:
    text = "According to the ministry, tax revenue rose 12 percent in the first quarter."
    c = one(text, PEOPLE)
    assert_appearance(
        c, quote="tax revenue rose 12 percent in the first quarter",
        attribution_text="the ministry", attributed_to="ministry", reporting_verb="according to",
    )
    text2 = "Tax revenue rose 12 percent in the first quarter, according to Jane Doe."
    c2 = one(text2, PEOPLE)
    assert_appearance(
        c2, quote="Tax revenue rose 12 percent in the first quarter", attributed_to="jane-doe",
    )


def test_anonymous_sources_told_outlet() -> None:
    text = "Sources familiar with the matter told Reuters that Acme plans to cut 300 jobs."
    c = one(text, PEOPLE)
    assert c.appearance.attribution_kind == "anonymous"
    assert c.appearance.attributed_to is None
    assert_appearance(
        c, attribution_text="Sources familiar with the matter", quote="Acme plans to cut 300 jobs",
    )
    assert c.numbers == ["300 jobs"]


def test_insiders_revealed_after_discourse_marker() -> None:
    text = (
        "Previously, insiders revealed that the merger talks had collapsed over pricing in "
        "May 2023."
    )
    c = one(text, PEOPLE)
    assert_appearance(
        c, attribution_kind="anonymous", attribution_text="insiders", reporting_verb="revealed",
    )
    assert c.text == "The merger talks had collapsed over pricing in May 2023."


def test_as_reported_by_other_outlet() -> None:
    text = (
        "The regulator's refusal to approve 40 new licences, as reported by the Wall Street "
        "Journal, surprised the industry."
    )
    c = one(text, PEOPLE)
    assert_appearance(c, attribution_kind="other_outlet", attributed_to="wsj")
    assert c.numbers == ["40 new licences"]


def test_spokesperson_is_the_organisation() -> None:
    text = "A Commission spokesperson said the review would be finished before the summer."
    c = one(text, PEOPLE)
    assert_appearance(
        c, attribution_kind="organisation", attributed_to="commission",
        quote="the review would be finished before the summer",
    )


def test_person_with_apposition_in_a_statement() -> None:
    text = (
        "Jane Doe, a spokesperson for Acme Corp, welcomed the ruling in a statement, "
        "emphasizing that the company had always complied with the law."
    )
    c = one(text, PEOPLE)
    assert_appearance(
        c, attributed_to="jane-doe", attribution_text="Jane Doe, a spokesperson for Acme Corp",
        quote="the company had always complied with the law",
    )


def test_analysts_suggest_is_anonymous_and_hedged() -> None:
    text = "Some industry analysts suggest that Acme may lose market share in Europe."
    c = one(text, PEOPLE)
    assert c.appearance.attribution_kind == "anonymous"
    assert c.hedging == "hedged"
    assert {"suggest", "may"} <= set(c.appearance.hedges)


def test_pronoun_speaker_resolves_to_last_person() -> None:
    text = "Jane Doe runs the Acme Corp plant. She said the line would restart in June."
    claims = claims_of(text, PEOPLE)
    said = next(c for c in claims if c.appearance.reporting_verb == "said")
    assert_appearance(said, attributed_to="jane-doe", quote="the line would restart in June")


def test_own_outlet_is_not_another_outlet() -> None:
    text = "Reuters reported that Acme Corp would be sold to a rival in 2025."
    c = one(text, PEOPLE, outlet="Reuters")
    assert c.appearance.attribution_kind == "outlet"
    assert c.hedging == "asserted"


def test_passive_by_phrase_is_not_an_attribution() -> None:
    text = 'The "turning point" warned of by Jane Doe appears to have arrived for Acme Corp.'
    c = one(text, PEOPLE)
    assert_appearance(c, attribution_kind="outlet", hedges=["appears"])
    assert c.hedging == "hedged"


# ---------------------------------------------------------------------------- hedges


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Acme Corp reportedly paid $2 billion for the unit.", "reportedly"),
        ("Acme Corp might close the plant in Ohio next year.", "might"),
        ("Acme Corp is expected to announce the deal on Monday.", "is expected to"),
        ("It is understood that Acme Corp rejected the offer last week.", "it is understood"),
        ("Acme Corp allegedly hid losses from auditors in 2022.", "allegedly"),
        ("Acme Corp is likely to miss its target for 2024.", "likely"),
        ("If the vote fails, Acme Corp would leave the market in 2026.", "conditional"),
    ],
)
def test_hedges(sentence: str, hedge: str) -> None:
    c = one(sentence, PEOPLE)
    assert hedge in c.appearance.hedges
    assert c.hedging == "hedged"


def test_plain_outlet_statement_is_asserted() -> None:
    c = one("Acme Corp closed its plant in Ohio on Friday.", PEOPLE)
    assert c.appearance.hedges == []
    assert c.hedging == "asserted"
    assert c.appearance.attribution_kind == "outlet"
    assert c.appearance.attributed_to is None


def test_may_the_month_is_not_a_hedge() -> None:
    c = one("Acme Corp opened the plant on May 5 after two years of work.", PEOPLE)
    assert c.appearance.hedges == []
    assert "May 5" in c.dates


# ---------------------------------------------------------------------- numbers, dates


def test_numbers_with_units_and_not_model_names_or_years() -> None:
    c = one(
        "Acme Corp plans to expand access to 70 additional organizations, spend $3 billion, "
        "cut costs by 15% and fix thousands of bugs in GPT-4 by 2025.",
        PEOPLE,
    )
    assert "70 additional organizations" in c.numbers
    assert "$3 billion" in c.numbers
    assert "15%" in c.numbers
    assert "thousands" in c.numbers
    assert not any(n == "4" or n.startswith("4 ") or "2025" in n for n in c.numbers)
    assert "2025" in c.dates


def test_dates_as_written() -> None:
    c = one(
        "Acme Corp first sold the device in April and met regulators on Thursday "
        "and over the past week.",
        PEOPLE,
    )
    assert c.dates == ["April", "Thursday", "the past week"]


# --------------------------------------------------------------------------- polarity


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("Acme Corp has been granted access to the data.", False),
        ("Acme Corp remains excluded from the data programme.", True),
        ("Acme Corp was denied access to the data.", True),
        ("The ministry opposes the merger with Acme Corp.", True),
        ("Acme Corp will never sell the plant in Ohio.", True),
        ("Acme Corp did not deny the report about the plant.", False),
        ("The ministry supports the merger with Acme Corp.", False),
    ],
)
def test_polarity(sentence: str, negated: bool) -> None:
    assert one(sentence, PEOPLE).negated is negated


# ------------------------------------------------------------------------- exclusions


def test_not_claims_questions_boilerplate_truncated_scene_setting() -> None:
    text = (
        "Will Acme Corp survive the winter? "
        "This protective stance is not without its critics. "
        "Acme Corp cut 200 jobs in Ohio on Friday. "
        "Read more about Acme Corp on our site. "
        "Jane Doe said the company would appeal the ruling from"
    )
    doc = make_doc(text)
    sentences = split(doc)
    sentences[3].boilerplate = True
    sentences[4].truncated = True
    claims = find_claims(doc, sentences, actors_for(doc, sentences, PEOPLE))
    assert [c.appearance.sentence for c in claims] == ["s3"]


def test_headline_drops_markers_capitalises_and_ends_with_period() -> None:
    assert headline("However, the plan was dropped") == "The plan was dropped."
    assert headline("In response, the EU has intensified talks") == "The EU has intensified talks."
    assert headline("Acme cut 200 jobs.") == "Acme cut 200 jobs."


def test_terms_are_normalised_for_matching() -> None:
    terms_a, _, _ = content_terms("The organizations needed permission from the government")
    terms_b, _, _ = content_terms("Each company requires approval of the administration")
    assert set(terms_a) & set(terms_b) >= {stem("organization"), stem("permission")}
    assert "the" not in terms_a
    assert stem("opposes") == stem("opposition") == stem("oppose")
    us_terms, _, _ = content_terms("the U.S. and the US")
    assert us_terms == ["US", "US"]


# ---------------------------------------------------------------------------- seeds


def _seed_claims() -> dict[str, tuple[Document, list[Sentence], list[ClaimCandidate]]]:
    from generator.extract.actors import find_actors
    from generator.extract.quality import mark_quality
    from generator.extract.sentences import split_sentences

    out = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        doc = make_doc(path.read_text(encoding="utf-8"), doc_id=path.stem)
        sentences = split_sentences(doc)
        mark_quality(doc, sentences)
        out[path.stem] = (doc, sentences, find_claims(doc, sentences, find_actors(doc, sentences)))
    return out


def test_seed_claims_keep_out_promo_and_truncated_and_spans_are_exact() -> None:
    seeds = _seed_claims()
    assert len(seeds) == 2
    for doc, sentences, claims in seeds.values():
        flagged = {s.id for s in sentences if s.truncated or s.boilerplate}
        assert claims
        for c in claims:
            assert c.appearance.sentence not in flagged
            assert doc.text[c.appearance.start : c.appearance.end] == c.appearance.quote
            assert "nextfin.ai" not in c.appearance.quote
            assert "unicorn company" not in c.appearance.quote


def test_seed_attributions() -> None:
    seeds = _seed_claims()
    apps = [c.appearance for _, _, claims in seeds.values() for c in claims]
    by_text = {a.attribution_text: a for a in apps if a.attribution_text}
    assert by_text["Sources familiar with the matter"].attribution_kind == "anonymous"
    assert by_text["Sources familiar with the matter"].quote.startswith("Anthropic informed")
    assert by_text["insiders"].attribution_kind == "anonymous"
    assert by_text["Some industry analysts"].attribution_kind == "anonymous"
    wsj = next(a for a in apps if a.reporting_verb == "reported")
    assert wsj.attribution_kind == "other_outlet"
    assert any(t.startswith("Thomas Regnier, a spokesperson") for t in by_text)
    assert any(t.startswith("a Commission spokesperson") for t in by_text)


def test_object_complement_verbs_keep_the_subject() -> None:
    text = "Jane Doe characterized the current plan as a delicate balancing act for Acme Corp."
    c = one(text, PEOPLE)
    assert c.appearance.quote == text.rstrip(".")
    assert c.text == text
    assert_appearance(c, attributed_to="jane-doe", reporting_verb="characterized")


def test_addressee_outlet_of_anonymous_sources_is_kept() -> None:
    text = "Sources familiar with the matter told the Wall Street Journal that Acme will sell."
    c = one(text, PEOPLE)
    assert_appearance(c, attribution_kind="anonymous", via="the Wall Street Journal")
    named = one("Jane Doe told reporters that Acme Corp will close its plant in Ohio.", PEOPLE)
    assert named.appearance.via is None


def test_relative_that_is_not_the_reported_clause() -> None:
    text = "Investigators believe the fire was started by a power line that fell in a storm."
    c = one(text, PEOPLE)
    assert c.appearance.quote == "the fire was started by a power line that fell in a storm"


def test_hyphenated_compound_is_one_term() -> None:
    """"blood-pressure medicine" says nothing about "pressure on the company": a compound
    is compared whole, so the two share no word."""
    medicine = set(content_terms("the second recall of a blood-pressure medicine")[0])
    business = set(content_terms("adds to pressure on the company")[0])
    assert not {t for t in medicine & business if "pressur" in t}
    assert "twenty-four" not in " ".join(content_terms("twenty-four hours")[0])


def test_a_quotation_over_several_sentences_is_its_speakers_throughout() -> None:
    from generator.extract.sentences import split_sentences

    text = ('"We warned the council twice last year," said Jane Doe, who led the survey. '
            '"The bearings on the old bridge were badly corroded. The bridge has been '
            'unsafe since 2023."\n\n'
            '"The plan is dead in the water. We will fight it in the courts," Doe said.\n\n'
            'The council approved the repair plan on Monday. "The bridge will reopen in May."\n')
    doc = make_doc(text)
    sentences = split_sentences(doc)
    claims = find_claims(doc, sentences, actors_for(doc, sentences, PEOPLE))
    speakers = {c.text: c.appearance.attributed_to for c in claims}
    assert speakers == {
        "We warned the council twice last year.": "jane-doe",
        "The bearings on the old bridge were badly corroded.": "jane-doe",
        "The bridge has been unsafe since 2023.": "jane-doe",
        "The plan is dead in the water.": "jane-doe",
        "We will fight it in the courts.": "jane-doe",
        "The council approved the repair plan on Monday.": None,
        "The bridge will reopen in May.": None,  # the outlet's sentence before names no one
    }


def test_an_inverted_speaker_may_take_a_long_apposition() -> None:
    claim = one('"We warned the council twice last year," said Jane Doe, the structural '
                'engineer who led an independent inspection of the bridge for the civic trust.',
                PEOPLE)
    assert claim.text == "We warned the council twice last year."
    assert claim.appearance.attributed_to == "jane-doe"


@pytest.mark.parametrize("text, speaker", [
    ("Emergency services say at least five people have died after the bridge collapsed.",
     "Emergency services"),
    ("The council ignored three warnings about the bridge, the charity said.", "the charity"),
])
def test_a_generic_body_speaks(text: str, speaker: str) -> None:
    claim = one(text)
    assert (claim.appearance.attribution_kind, claim.appearance.attribution_text) == (
        "organisation", speaker)


def test_whom_a_witness_told_is_not_the_speaker() -> None:
    claim = one('"There was a noise like thunder and then the road was gone," one witness, '
                'who did not want to be named, told Reuters.', PEOPLE)
    assert claim.text == "There was a noise like thunder and then the road was gone."
    assert (claim.appearance.attribution_kind, claim.appearance.attributed_to) == (
        "anonymous", None)


def test_an_owners_title_and_name_speak_for_the_named_person_not_the_owner() -> None:
    people = {**PEOPLE, "tom-ray": ("person", "Tom Ray")}
    claim = one("Doe's deputy, Tom Ray, said the board had approved the plan unanimously.",
                people)
    assert claim.appearance.attributed_to == "tom-ray"


def test_the_title_alone_speaks_for_the_one_person_holding_it():
    # "the judge said" is the person the source introduced as "Judge X".
    text = ("Judge Odile Marrant adjourned the hearing. "
            "\"You abused a position of trust,\" the judge said.")
    actors = {"odile-marrant": ("person", "Odile Marrant")}
    doc = make_doc(text)
    sentences = split(doc)
    local = actors_for(doc, sentences, actors)
    local[0].roles.append(Role("Judge", None, doc.id, "s1"))
    claim = [c for c in find_claims(doc, sentences, local) if c.appearance.sentence == "s2"][0]
    assert claim.appearance.attributed_to == "odile-marrant"
    assert claim.appearance.attribution_kind == "person"
    assert claim.text == "You abused a position of trust."


def test_a_participle_clause_before_the_speaker_is_not_the_speaker():
    # "Opening the case in May," ends in a capital but names nobody; the speaker follows it,
    # and "told jurors" / "told the court" are addressees like "told reporters".
    spec = {"ann-roe": ("person", "Ann Roe")}
    claim = one("Opening the case in May, prosecutor Ann Roe told jurors the scheme was a "
                "fraud.", spec)
    assert claim.appearance.attributed_to == "ann-roe"
    assert claim.text == "The scheme was a fraud."
    claim = one("Ann Roe told the court the invoices had been backdated.", spec)
    assert claim.appearance.attributed_to == "ann-roe"
    assert claim.text == "The invoices had been backdated."


def test_a_reporting_verb_after_its_modifier_is_a_noun():
    # "raised its revenue forecast": "forecast" heads a compound noun, so the company
    # asserts nothing; the outlet reports the raise.
    claim = one("Harbrook, the cable maker, raised its revenue forecast for the year on "
                "Wednesday.",
                {"harbrook": ("organisation", "Harbrook")})
    assert claim.appearance.attribution_kind == "outlet"
    assert claim.appearance.reporting_verb is None


def test_what_the_court_heard_is_reported_not_asserted_by_the_outlet():
    # "The court heard that ..." is evidence put to the court, not a finding of the outlet.
    claim = one("The court heard that Ann Roe had backdated the invoices.")
    assert claim.appearance.attribution_kind == "organisation"
    assert claim.appearance.reporting_verb == "heard"
    assert claim.hedging == "reported"
    assert claim.text == "Ann Roe had backdated the invoices."


def test_an_organisation_speaking_of_the_head_of_its_name_means_itself():
    # "A Harbank spokesperson said the bank ..." is Harbank, not the bank named before.
    spec = {"lindqvist-bank": ("organisation", "Lindqvist Bank"),
            "harbank": ("organisation", "Harbank")}
    claims = claims_of("Lindqvist Bank said rates would fall. A Harbank spokesperson said "
                       "the bank would not comment on the data.", spec)
    claim = [c for c in claims if c.appearance.sentence == "s2"][0]
    assert claim.appearance.attributed_to == "harbank"
    assert claim.subject == "harbank" and "lindqvist-bank" not in claim.actors


# ------------------------------------------------------------------ speaker and place


def test_participial_opener_is_not_part_of_the_speaker() -> None:
    # "Speaking in X, Y said": Y speaks; the participle's place is not the speaker, nor does
    # its "in" make Y someone the speaker speaks for
    claim = one("Speaking in Lyon, spokesperson Jane Doe said the talks would resume.",
                {"lyon": ("place", "Lyon"), **PEOPLE})
    assert_appearance(claim, attributed_to="jane-doe", attribution_kind="person",
                      quote="the talks would resume")


def test_place_after_in_is_not_the_speaker() -> None:
    claim = one("The ministry in Lyon also said 12 soldiers were wounded.",
                {"lyon": ("place", "Lyon")})
    assert claim.appearance.attributed_to is None
    assert claim.appearance.attribution_kind == "organisation"


def test_owner_before_a_named_speaker_does_not_speak() -> None:
    # "X's Defence Ministry said": the ministry speaks, not the country that owns it
    claim = one("Ruritania's Defence Ministry said seven of its soldiers had died.",
                {"rur": ("place", "Ruritania"),
                 "mod": ("government", "Defence Ministry")})
    assert_appearance(claim, attributed_to="mod", attribution_kind="organisation")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ruritanian state media reported that two civilians were injured.",
         "Ruritanian state media"),
        ("State television said calm had returned to the area.", "State television"),
    ],
)
def test_state_before_a_noun_is_no_reporting_verb(text: str, speaker: str) -> None:
    claim = one(text)
    assert claim.appearance.attribution_text == speaker
    assert claim.appearance.reporting_verb in ("reported", "said")


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed in the fighting, the ministry said on Wednesday, raising "
        "an earlier toll of four.",
        "The outbreak has spread to three more districts, the ministry said on Tuesday, "
        "bringing the number of confirmed cases in the country to 1,284.",
    ],
)
def test_participial_background_after_a_trailing_attribution(text: str) -> None:
    # "..., X said on Tuesday, bringing ...": X speaks; the participial clause after the
    # attribution is background, however long
    claim = one(text)
    assert claim.appearance.attribution_text == "the ministry"
    assert claim.appearance.quote == text.split(", the ministry")[0]


def test_a_title_speaks_for_the_one_person_of_the_source_with_that_title() -> None:
    text = ("Finance Minister Jane Doe visited the port on Monday. The minister said the "
            "budget would be published on Friday. A former minister said the plan would fail.")
    doc = make_doc(text)
    sentences = split(doc)
    actors = actors_for(doc, sentences, {"jane-doe": ("person", "Jane Doe")})
    actors[0].roles.append(Role("Finance Minister", None, "src", "s1"))
    claims = {c.appearance.attribution_text: c.appearance
              for c in find_claims(doc, sentences, actors)}
    assert claims["The minister"].attributed_to == "jane-doe"
    assert claims["The minister"].attribution_kind == "person"
    assert claims["A former minister"].attributed_to is None
    assert claims["A former minister"].attribution_kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ('The agency said it was "doing everything possible" to stop the leak.', []),
        ("The agency said it would repair the pipe as soon as possible.", []),
        ("The agency said a strike was possible next week.", ["possible"]),
    ],
)
def test_possible_of_effort_is_no_hedge(text: str, hedges: list[str]) -> None:
    assert one(text).appearance.hedges == hedges


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The agency has warned that the supply of vaccines remains critically limited.",
         "The agency"),
        ("The WHO warned that the supply of vaccines remains critically limited.", "The WHO"),
    ],
)
def test_perfect_tense_and_an_acronym_that_spells_a_pronoun_still_report(
    text: str, speaker: str
) -> None:
    claim = one(text, {"who": ("organisation", "World Health Organization", "WHO")})
    assert claim.appearance.attribution_text == speaker
    assert claim.appearance.quote == "the supply of vaccines remains critically limited"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry also said 12 soldiers were wounded in the clash.",
        "The ministry has also said 12 soldiers were wounded in the clash.",
        "The ministry later said 12 soldiers were wounded in the clash.",
    ],
)
def test_an_adverb_before_the_reporting_verb_is_no_part_of_the_speaker(text: str) -> None:
    claim = one(text)
    assert claim.appearance.attribution_text == "The ministry"
    assert claim.appearance.quote == "12 soldiers were wounded in the clash"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The agency is deeply concerned by reports of casualties," she said at the daily '
         "briefing in New York.", "she"),
        ('"We are confident the model complies with the law," he told reporters at the '
         "company's headquarters on Thursday.", "he"),
    ],
)
def test_a_setting_after_a_trailing_attribution_keeps_it(text: str, speaker: str) -> None:
    claim = one(text)
    assert claim.appearance.attribution_text == speaker
    assert not claim.appearance.quote.endswith(("York", "Thursday"))


def test_a_participle_after_a_comma_is_no_inverted_attribution() -> None:
    claim = one("The company launched the Nova model on 18 March, describing it as its most "
                "capable system yet.", {"nova": ("ai_model", "Nova")})
    assert claim.appearance.attributed_to is None
    assert claim.appearance.attribution_kind == "outlet"
