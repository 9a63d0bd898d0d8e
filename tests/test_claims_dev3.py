"""Third held-out dev set for claim clustering: the general failure categories seen on
unseen article pairs (spelling variants, pronoun subjects, multi-clause reports, counted
nouns and units, times, outcomes, rules versus facts, paraphrased predicates).

The articles in ``tests/fixtures/claims_dev3/`` (an airline storm, a volcano, a competition
ruling, a doctors' strike, a data breach, a dam vote; two outlets each) were written for
this test, and the expectations below were written with them, before running the system on
them. All twelve articles go through the real pipeline together (``claim_harness``), so a claim
from one story clustering with another story is caught too. A contested pair must be two
claims linked both ways.
"""

from __future__ import annotations

import pytest
from claim_harness import ClaimDevSet, Pair, Ref

# --------------------------------------------------------------------------- expectations

# The same assertion in different words, spellings or numbers.
TOGETHER: list[Pair] = [
    # 1 spelling + 2 pronoun subject
    (
        ("airline_ledger.txt", "It had cancelled all of its Tuesday services"),
        ("airline_signal.txt", "Skyrun Airways canceled all Tuesday services"),
    ),
    # 3 multi-clause report: the first clause is kept
    (
        ("airline_ledger.txt", "the terminal remained open but warned"),
        ("airline_signal.txt", "The terminal at Portvale Airport remained open"),
    ),
    # 1 programme/program, travellers/travelers
    (
        ("airline_ledger.txt", "compensate affected travellers under its passenger care"),
        ("airline_signal.txt", "Affected travelers will be compensated through"),
    ),
    # 2 pronoun She
    (
        ("airline_ledger.txt", "She said the coastguard had rescued two fishermen"),
        ("airline_signal.txt", "two fishermen had been rescued by the coastguard"),
    ),
    # 8 alert to its highest level
    (
        ("volcano_courier.txt", "raised the alert to its highest level"),
        ("volcano_wire.txt", "raised the alert level for Mount Kereva to the highest level"),
    ),
    (
        ("volcano_courier.txt", "lava flows had not reached any of the villages"),
        ("volcano_wire.txt", "Lava flows have not reached any villages"),
    ),
    # 8 agreed / sufficiently proven; abuse/abusing, dominant/dominance
    (
        ("court_times.txt", "the regulator had sufficiently proven that Lintel abused"),
        ("court_daily.txt", "The High Court agreed that Lintel had abused its dominance"),
    ),
    (
        ("court_times.txt", "ruled in 2024 that Lintel abused its dominant position"),
        ("court_daily.txt", "fined Lintel in 2024 for abusing its dominance"),
    ),
    # 8 possible appeal / likely to take the case
    (
        ("court_times.txt", "considering a possible appeal to the Supreme Court"),
        ("court_daily.txt", "say it is likely to take the case to the Supreme Court"),
    ),
    # 1 organisation/organization, centre/center
    (
        ("strike_gazette.txt", "said it had opened a crisis centre"),
        ("strike_post.txt", "has opened a crisis center to coordinate staffing"),
    ),
    (
        ("strike_gazette.txt", "the walkout was a last resort after two years"),
        ("strike_post.txt", "doctors had walked out as a last resort"),
    ),
    # 8 discovered / spotted
    (
        ("breach_herald.txt", "The flaw was discovered in May by researcher"),
        ("breach_review.txt", "The vulnerability was first spotted by researcher"),
    ),
    # 2 pronoun She after a sentence naming the person
    (
        ("breach_herald.txt", "She said the flaw had been fixed within a week"),
        ("breach_review.txt", "said the flaw had been fixed within a week"),
    ),
    (
        ("breach_herald.txt", "no payment card numbers were exposed"),
        ("breach_review.txt", "Payment card numbers were not exposed"),
    ),
    (
        ("dam_tribune.txt", "said it had not been properly consulted"),
        ("dam_observer.txt", "complained that it had not been properly consulted"),
    ),
    (
        ("dam_tribune.txt", "Construction is expected to begin in 2027"),
        ("dam_observer.txt", "Construction is due to start in 2027"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    # 7 a rule with a maximum is not a specific fine
    (
        ("court_times.txt", "firms can be fined up to 5 million shillings"),
        ("court_times.txt", "upheld in full a 5 million shilling fine"),
    ),
    (
        ("court_times.txt", "firms can be fined up to 5 million shillings"),
        ("court_daily.txt", "The High Court reduced the fine imposed on Lintel"),
    ),
    # 7 a relative clause about an actor drives nothing
    (
        ("dam_tribune.txt", "said it had not been properly consulted"),
        ("dam_observer.txt", "represents about 600 households in the valley"),
    ),
    (
        ("airline_ledger.txt", "said it had not been properly consulted about the schedule"),
        ("airline_signal.txt", "represents about 900 pilots at the airport"),
    ),
    (
        ("volcano_courier.txt", "Mount Kereva erupted at 4 a.m. on Tuesday"),
        ("volcano_wire.txt", "The ash column rose 11 kilometres"),
    ),
    (
        ("strike_gazette.txt", "would present a new pay offer by June"),
        ("strike_post.txt", "Some 54,000 appointments have been postponed"),
    ),
]

# The same subject with conflicting values: linked both ways and contested.
CONTESTED: list[Pair] = [
    # 4 counted nouns that name the same people
    (
        ("airline_ledger.txt", "The cancellations affected about 21,000 passengers"),
        ("airline_signal.txt", "The cancellations hit some 34,000 customers"),
    ),
    (
        ("volcano_courier.txt", "evacuated about 600 households"),
        ("volcano_wire.txt", "evacuated 1,400 families"),
    ),
    (
        ("breach_herald.txt", "exposed the data of 1.3 million riders"),
        ("breach_review.txt", "affected 2.1 million users of its ticketing app"),
    ),
    # 4 noun and verb form of one event
    (
        ("strike_gazette.txt", "30,000 postponements of operations"),
        ("strike_post.txt", "Some 54,000 appointments have been postponed"),
    ),
    # 4 units: km / kilometres, days / hours
    (
        ("volcano_courier.txt", "an ash column 9 km high"),
        ("volcano_wire.txt", "The ash column rose 11 kilometres"),
    ),
    (
        ("volcano_courier.txt", "will remain closed for five days"),
        ("volcano_wire.txt", "will stay closed for 72 hours"),
    ),
    (
        ("strike_gazette.txt", "began a five-day strike on Monday"),
        ("strike_post.txt", "walked out on Monday for a strike lasting 72 hours"),
    ),
    # 5 times
    (
        ("volcano_courier.txt", "Mount Kereva erupted at 4 a.m. on Tuesday"),
        ("volcano_wire.txt", "Mount Kereva erupted late on Monday"),
    ),
    (
        ("court_times.txt", "launched its mobile money service in 2019"),
        ("court_daily.txt", "mobile money service was launched in 2018"),
    ),
    # 6 outcomes
    (
        ("court_times.txt", "upheld in full a 5 million shilling fine"),
        ("court_daily.txt", "The High Court reduced the fine imposed on Lintel"),
    ),
    (
        ("breach_herald.txt", "fined the Velmar Transit Authority 2 million euros"),
        ("breach_review.txt", "has not yet decided on a penalty"),
    ),
    (
        ("dam_tribune.txt", "approved the Selwyn dam project on Wednesday"),
        ("dam_observer.txt", "rejected the Selwyn dam project on Wednesday"),
    ),
]

# Never contested: different framings or different things.
NOT_CONTESTED: list[Ref] = [
    ("strike_gazette.txt", "would present a new pay offer by June"),
    ("strike_post.txt", "promised to present a new pay offer within 90 days"),
    ("court_times.txt", "firms can be fined up to 5 million shillings"),
    ("dam_observer.txt", "represents about 600 households in the valley"),
    ("airline_signal.txt", "represents about 900 pilots at the airport"),
    ("breach_herald.txt", "no payment card numbers were exposed"),
]


# Expectations the system did not meet after the fixes are strict xfails here, so a fix
# shows up. "21,000 passengers" / "34,000 customers" (the counted class and one word in
# common) was one; the claim frames link it: the counted class is evidence of one subject.
KNOWN_GAPS: set[str] = set()

DEV = ClaimDevSet("claims_dev3", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS,
                  contested_needs_link=True)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]


# ------------------------------------------------------------------ extraction details


def _actor_named(file: str, name: str) -> str:
    source = next(s for s in DEV.briefing().sources if s.path.endswith("/" + file))
    for actor in DEV.briefing().actors:
        if name in (actor.name, *actor.aliases) and any(
            m.source == source.id for m in actor.mentions
        ):
            return actor.id
    raise AssertionError(f"no actor {name!r} in {file}")


@pytest.mark.parametrize(
    ("ref", "name"),
    [
        (("airline_ledger.txt", "It had cancelled all of its Tuesday services"), "Skyrun Airways"),
        (("airline_ledger.txt", "She said the coastguard had rescued"), "Helen Ashdown"),
        (("breach_herald.txt", "She said the flaw had been fixed"), "Mara Lind"),
    ],
    ids=["it-organisation", "she-person", "she-after-person"],
)
def test_pronoun_subject_resolves_to_the_last_actor(ref: Ref, name: str) -> None:
    """A pronoun opening a claim ("It had cancelled ...") or its frame ("She said ...")
    stands for the actor named before: the claim's actor, or its speaker."""
    claims = DEV.claims_of(ref)
    wanted = _actor_named(ref[0], name)
    assert any(
        wanted in c.actors or any(a.attributed_to == wanted for a in c.appearances)
        for c in claims
    ), [(c.actors, [a.attributed_to for a in c.appearances]) for c in claims]
    if ref[1].startswith("It "):
        assert DEV.candidate(ref).subject is not None


def test_multi_clause_report_keeps_both_clauses() -> None:
    text = " ".join(c.text for c in DEV.claims_of(
        ("airline_ledger.txt", "the terminal remained open but warned")))
    assert "remained open" in text and "more cancellations were likely" in text, text


def test_headline_of_coordinated_subject_has_no_leaked_verb() -> None:
    (claim,) = DEV.claims_of(("court_daily.txt", "say it is likely to take the case"))
    assert not claim.text.lower().startswith(("say ", "says ")), claim.text
    assert "Supreme Court" in claim.text


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("The flights were cancelled.", "The flights were canceled."),
        ("The centre opened.", "The center opened."),
        ("The organisation grew.", "The organization grew."),
        ("The programme ended.", "The program ended."),
        ("The defence ministry spoke.", "The defense ministry spoke."),
        ("The labour market cooled.", "The labor market cooled."),
        ("The licence was renewed.", "The license was renewed."),
        ("Travelling staff were told.", "Traveling staff were told."),
        ("They will prioritise safety.", "They will prioritize safety."),
        ("The harbour flooded.", "The harbor flooded."),
        ("The kilometres driven rose.", "The kilometers driven rose."),
    ],
)
def test_british_and_american_spellings_compare_alike(british: str, american: str) -> None:
    from generator.extract.claims import content_terms

    assert set(content_terms(british)[0]) == set(content_terms(american)[0])


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [("hour", "hor", False), ("tour", "tor", False), ("flour", "flor", False),
     ("colour", "color", True), ("honour", "honor", True)],
)
def test_spelling_rule_does_not_merge_unrelated_words(a: str, b: str, alike: bool) -> None:
    """-our -> -or must not touch "hour", "tour", "flour" (an exception list)."""
    from generator.extract.claims import content_terms

    same = set(content_terms(f"The {a} came.")[0]) == set(content_terms(f"The {b} came.")[0])
    assert same is alike
