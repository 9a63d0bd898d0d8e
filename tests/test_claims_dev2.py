"""Second held-out dev set for claim clustering, written after the blind eval cases.

The articles in ``tests/fixtures/claims_dev2/`` (a colliery collapse, a fare rise, an airport
outage; two outlets each) were written for this test, and the expectations below were
written with them, before running the system on them: they check that the general fixes
made for the blind eval cases (paraphrased predicates, number + unit evidence, partitive and
reversed quantities, negation and value conflicts) carry over to text nobody tuned on.
All six articles go through the real pipeline together (``claim_harness``), so a claim from
one story clustering with another story is caught too.
"""

from __future__ import annotations

from claim_harness import ClaimDevSet, Pair, Ref

# --------------------------------------------------------------------------- expectations

# The same assertion in different words (or numbers written differently).
TOGETHER: list[Pair] = [
    (
        ("mine_wire.txt", "Rescuers freed 11 miners on Tuesday"),
        ("mine_gazette.txt", "Eleven miners were rescued alive on Tuesday"),
    ),
    (
        ("mine_wire.txt", "it was deploying a team of 30 rescuers"),
        ("mine_gazette.txt", "Halden Mining is sending 30 rescue workers"),
    ),
    (
        ("mine_wire.txt", "said it had opened an investigation into the accident"),
        ("mine_gazette.txt", "will carry out its own investigation"),
    ),
    (
        ("mine_wire.txt", "would provide 50 million koruna to the families"),
        ("mine_gazette.txt", "has promised 50 million koruna in aid"),
    ),
    (
        ("mine_wire.txt", "miners had warned managers about cracks in the tunnel for weeks"),
        ("mine_gazette.txt", "Miners had complained about cracks in the tunnel walls"),
    ),
    (
        ("transit_post.txt", "approved a 12% increase in bus and tram fares"),
        ("transit_chronicle.txt", "have voted to raise public transport fares by 12 percent"),
    ),
    (
        ("transit_post.txt", "The council voted 9-4 in favour of the plan"),
        ("transit_chronicle.txt", "The measure passed by nine votes to four"),
    ),
    (
        ("transit_post.txt", "Single tickets will cost 2.80 euros"),
        ("transit_chronicle.txt", "A single ticket will rise to 2.80 euros"),
    ),
    (
        ("transit_post.txt", "ridership had fallen by 8% since last year"),
        ("transit_chronicle.txt", "Passenger numbers have dropped 8% over the past year"),
    ),
    (
        ("outage_daily.txt", "the fault had been traced to a faulty software update"),
        ("outage_courier.txt", "a faulty software update had caused the failure"),
    ),
    (
        ("outage_daily.txt", "The airport's systems were restored late on Saturday evening"),
        ("outage_courier.txt", "Systems were back online by late Saturday evening"),
    ),
    (
        ("outage_daily.txt", "regulator said it would review the incident"),
        ("outage_courier.txt", "The aviation regulator will examine what went wrong"),
    ),
    (
        ("outage_daily.txt", "passengers could claim refunds or rebook free of charge"),
        ("outage_courier.txt", "Carriers are offering free rebooking or a refund"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("mine_wire.txt", "Twenty-three workers were in the shaft"),
        ("mine_gazette.txt", "Eleven miners were rescued alive on Tuesday"),
    ),
    (
        ("mine_wire.txt", "said it had opened an investigation into the accident"),
        ("mine_gazette.txt", "could face fines if inspectors find"),
    ),
    (
        ("transit_post.txt", "said it would challenge the decision in court"),
        ("transit_chronicle.txt", "did not say whether it would take legal action"),
    ),
    (
        ("transit_post.txt", "the higher fares were needed to protect services"),
        ("transit_chronicle.txt", "poorer residents would be hit hardest"),
    ),
    (
        ("outage_daily.txt", "180 flights were cancelled"),
        ("outage_courier.txt", "The airport has ruled out a cyberattack"),
    ),
]

# The same quantity or date with conflicting values: linked and contested.
CONTESTED: list[Pair] = [
    (
        ("mine_wire.txt", "Three miners remain missing"),
        ("mine_gazette.txt", "Four miners are still missing"),
    ),
    (
        ("transit_post.txt", "would take effect on July 1"),
        ("transit_chronicle.txt", "The new fares start on June 1"),
    ),
    (
        ("outage_daily.txt", "180 flights were cancelled"),
        ("outage_courier.txt", "cancelled 240 flights on Saturday"),
    ),
]

# Different quantities of different things: never contested.
NOT_CONTESTED: list[Ref] = [
    ("mine_wire.txt", "Twenty-three workers were in the shaft"),
    ("mine_gazette.txt", "could face fines if inspectors find"),
    ("transit_post.txt", "said it would challenge the decision in court"),
    ("outage_courier.txt", "The airport has ruled out a cyberattack"),
]


# Expectations the system did not meet on its first run over these articles (measured after
# the expectations above were written; kept as written, marked strict so a fix shows up).
# Met since by the claim frames (crossref/claims.py, data/claim_frames.yml): one actor and
# one shared noun ("opened an investigation" / "will carry out its own investigation"),
# "restored" / "back online", "9-4" / "nine votes to four", and the July 1 / June 1 date
# conflict ("take effect" / "start"). Met since by the fourth claim pass: "30 rescuers" /
# "30 rescue workers" ("<verb> workers" also counts the verb's agent noun). Met since by the
# claim-quality pass: "review" / "examine" (the
# pronoun "it" now stands for the speaker that said it, not the airport named last) and the
# cyberattack sentence (a short denial is now a claim candidate).
KNOWN_GAPS: set[str] = set()

DEV = ClaimDevSet("claims_dev2", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]
