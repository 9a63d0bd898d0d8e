"""Fourth held-out dev set for claim clustering, written for the claim-frame work.

The articles in ``tests/fixtures/claims_dev4/`` (a freight derailment, software job cuts, a
sewage spill, a cancelled festival; two outlets each) were written for this test, and the
expectations below were written with them, before running the system on them. They cover
paraphrased predicates (launched an inquiry / opened an investigation, cut / laying off,
rose / climbed, called off / cancelled), the same number in different words, conflicting
counts, weekdays, months and polarity, and look-alikes that must stay apart (refunds for
tickets vs no refunds for travel). All eight articles go through the real pipeline together
(``claim_harness``), so a claim from one story clustering with another story is caught too.
A contested pair must be two claims linked both ways.
"""

from __future__ import annotations

from claim_harness import ClaimDevSet, Pair, Ref

# --------------------------------------------------------------------------- expectations

# The same assertion in different words.
TOGETHER: list[Pair] = [
    (
        ("derail_wire.txt", "No one was injured in the accident"),
        ("derail_gazette.txt", "Nobody was hurt, the fire service said"),
    ),
    (
        ("derail_wire.txt", "The Rail Accident Investigation Branch has launched an inquiry"),
        ("derail_gazette.txt", "have opened an investigation into what caused the crash"),
    ),
    (
        ("layoffs_business.txt", "will cut 1,200 jobs"),
        ("layoffs_techdesk.txt", "is laying off 1,200 employees"),
    ),
    (
        ("layoffs_business.txt", "The cuts will fall mostly on the company's sales and marketing"),
        ("layoffs_techdesk.txt", "Most of the roles being eliminated are in sales and marketing"),
    ),
    (
        ("layoffs_business.txt", "Shares in Brightline rose 5% after the announcement"),
        ("layoffs_techdesk.txt", "Brightline's stock climbed 5% in early trading"),
    ),
    (
        ("river_herald.txt", "The discharges killed about 2,000 fish"),
        ("river_observer.txt", "around 2,000 fish died along six miles"),
    ),
    (
        ("river_herald.txt", "The company has been fined 3.5 million pounds"),
        ("river_observer.txt", "was fined 3.5 million pounds in 2023"),
    ),
    (
        ("river_herald.txt", "The Environment Agency has opened a criminal investigation"),
        ("river_observer.txt", "The agency is carrying out a criminal investigation"),
    ),
    (
        ("river_herald.txt", "heavy rainfall had overwhelmed its treatment works"),
        ("river_observer.txt", "blamed heavy rain for overwhelming its treatment plant"),
    ),
    (
        ("festival_post.txt", "has been cancelled after a storm destroyed its main stage"),
        ("festival_review.txt", "Organisers have called off Harbourfest after high winds"),
    ),
    (
        ("festival_post.txt", "Around 40,000 ticket holders will receive full refunds"),
        ("festival_review.txt", "All 40,000 ticket holders are to be refunded in full"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("derail_wire.txt", "Our priority is to get residents home safely"),
        ("derail_gazette.txt", "Residents complained that they had not been warned"),
    ),
    (
        ("derail_wire.txt", "No one was injured in the accident"),
        ("derail_gazette.txt", "Fourteen wagons came off the rails"),
    ),
    (
        ("layoffs_business.txt", "revenue rose 3% to $2.4 billion"),
        ("layoffs_techdesk.txt", "Brightline's stock climbed 5% in early trading"),
    ),
    (
        ("layoffs_business.txt", "will cut 1,200 jobs"),
        ("layoffs_techdesk.txt", "would hire 200 engineers"),
    ),
    (
        ("river_herald.txt", "Campaigners said the company had failed to invest"),
        ("river_observer.txt", "plans to spend 40 million pounds upgrading"),
    ),
    (
        ("festival_post.txt", "Around 40,000 ticket holders will receive full refunds"),
        ("festival_review.txt", "Ticket holders will not get their money back for travel"),
    ),
    (
        ("festival_post.txt", "Local traders said the cancellation would cost the town"),
        ("festival_review.txt", "Police said the site would be closed to the public"),
    ),
]

# The same subject with conflicting values: linked both ways and contested.
CONTESTED: list[Pair] = [
    (
        ("derail_wire.txt", "forcing the evacuation of about 300 homes"),
        ("derail_gazette.txt", "Some 450 households were told to leave their homes"),
    ),
    (
        ("derail_wire.txt", "Eleven of the train's 40 wagons left the tracks"),
        ("derail_gazette.txt", "Fourteen wagons came off the rails"),
    ),
    (
        ("derail_wire.txt", "would stay closed until Thursday"),
        ("derail_gazette.txt", "The line will reopen on Saturday at the earliest"),
    ),
    (
        ("derail_wire.txt", "but the spill had been contained"),
        ("derail_gazette.txt", "the leaked fuel had not been contained"),
    ),
    (
        ("layoffs_business.txt", "Departing employees will receive 16 weeks of severance pay"),
        ("layoffs_techdesk.txt", "Affected workers will get 12 weeks of severance"),
    ),
    (
        ("layoffs_business.txt", "Brightline will keep its offices in Dublin and Austin open"),
        ("layoffs_techdesk.txt", "The company will close its Austin office by the end of the year"),
    ),
    (
        ("river_herald.txt", "discharged untreated sewage into the River Wend for 61 hours"),
        ("river_observer.txt", "Raw sewage poured into the River Wend for 83 hours"),
    ),
    (
        ("river_herald.txt", "Swimming in the river has been banned until further notice"),
        ("river_observer.txt", "residents could still swim in the river"),
    ),
    (
        ("festival_post.txt", "The festival will return next August"),
        ("festival_review.txt", "The festival will return in July next year"),
    ),
]

# Never contested: different framings or different things.
NOT_CONTESTED: list[Ref] = [
    ("derail_gazette.txt", "Residents complained that they had not been warned"),
    ("derail_wire.txt", "No one was injured in the accident"),
    ("layoffs_business.txt", "revenue rose 3% to $2.4 billion"),
    ("layoffs_techdesk.txt", "would hire 200 engineers"),
    ("layoffs_techdesk.txt", "since it raised prices in 2022"),
    ("river_observer.txt", "plans to spend 40 million pounds upgrading"),
    ("river_herald.txt", "The company has been fined 3.5 million pounds"),
    ("festival_review.txt", "Ticket holders will not get their money back for travel"),
    ("festival_post.txt", "Around 40,000 ticket holders will receive full refunds"),
]

# Expectations the system did not meet on its first run over these articles (measured after
# the expectations above were written, then after the claim-frame work; kept as written,
# marked strict so a fix shows up). Met since by the claim-quality pass: "No one was
# injured" (a short negative fact is a claim; "no one" / "nobody" count zero people) and
# "Eleven of the train's 40 wagons" (the counted noun follows the possessive; the part is
# the count, the whole background); by the third pass (dev set 7): "would stay closed until
# Thursday" / "will reopen on Saturday" (a restart day read from either side of the state,
# crossref/timing.py); by the fourth pass: "has been banned" / "could still swim"
# ("can/could/may still" is free to: the unrestricted side).
KNOWN_GAPS: set[str] = set()

DEV = ClaimDevSet("claims_dev4", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS,
                  contested_needs_link=True)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]
