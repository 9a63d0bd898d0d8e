"""Sixth held-out dev set for claim clustering, written for the second claim-quality pass.

The articles in ``tests/fixtures/claims_dev6/`` (a wheat export ban, a nurses' strike, a car
recall, a storm that stops ferries; two or three outlets each, one a later report) were
written for this test, with invented names, and the expectations below were written with
them, before running the system on them. They exercise general readings: state-change verbs
that paraphrase each other ("suspended" / "paused" / "halted"), a nominalisation against
its verb ("the suspension takes effect" / "exports were halted"), active against passive
("will review the measure" / "would be reviewed"), numbers written differently ("3 million"
/ "3m", "120,000" / "120k", "half" / "50 per cent", "48-hour" / "two-day"), dates written
differently ("March 10" / "10 March"), approximate and bounded figures ("more than 2,000" /
"some 2,300", "more than 3%" / "4 per cent"), negated against affirmed ("were not
restricted" / "also suspended", "would resume on Friday" / "would not restart before
Sunday"), a later report that revises a figure, and pairs that share actors, numbers or
verbs but say different things (an offer and its rejection, this recall and last year's).
"""

from __future__ import annotations

from claim_harness import ClaimDevSet, Pair, Ref

# The same assertion in different words.
TOGETHER: list[Pair] = [
    (
        ("grain_wire.txt", "The suspension takes effect on March 10"),
        ("grain_ledger.txt", "The halt on exports will begin on 10 March"),
    ),
    (
        ("grain_wire.txt", "The suspension takes effect on March 10"),
        ("grain_courier.txt", "Exports were halted on March 10"),
    ),
    (
        ("grain_wire.txt", "The harvest fell to 11.2 million tonnes"),
        ("grain_ledger.txt", "wheat crop shrank to 11.2m tonnes"),
    ),
    (
        ("grain_wire.txt", "barley exports were not restricted"),
        ("grain_courier.txt", "barley exports had never been restricted"),
    ),
    (
        ("grain_wire.txt", "The ministry will review the measure in June"),
        ("grain_ledger.txt", "the measure would be reviewed in June"),
    ),
    (
        ("nurses_post.txt", "Planned operations were postponed at all four sites"),
        ("nurses_herald.txt", "Non-urgent operations were put off"),
    ),
    (
        ("nurses_post.txt", "About half of the trust's 6,000 nurses joined the strike"),
        ("nurses_herald.txt", "The union put turnout at 50 per cent"),
    ),
    (
        ("nurses_post.txt", "Emergency departments remained open throughout the day"),
        ("nurses_herald.txt", "Accident and emergency units stayed open during the strike"),
    ),
    (
        ("nurses_post.txt", "stage a second 48-hour strike next week"),
        ("nurses_herald.txt", "A further two-day walkout is planned for next week"),
    ),
    (
        ("recall_wire.txt", "Orvan Motors is recalling 120,000 vehicles in Europe"),
        ("recall_review.txt", "About 120k Orvan cars are being called back"),
    ),
    (
        ("recall_wire.txt", "repairs will be carried out free of charge"),
        ("recall_review.txt", "Dealers will replace the hoses for free"),
    ),
    (
        ("recall_wire.txt", "Orvan shares fell 2 per cent in Frankfurt trading"),
        ("recall_review.txt", "Shares in the carmaker closed 2% lower on Thursday"),
    ),
    (
        ("storm_gazette.txt", "Ferry services between Port Alder and the Skerra islands were"),
        ("storm_times.txt", "Northline has halted all sailings to the Skerra islands"),
    ),
    (
        ("storm_gazette.txt", "More than 2,000 passengers were affected by the cancellations"),
        ("storm_times.txt", "Some 2,300 travellers had their crossings cancelled"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("nurses_post.txt", "The trust has offered a 4 per cent pay rise"),
        ("nurses_herald.txt", "Union members rejected a 4 per cent pay offer"),
    ),
    (
        ("nurses_post.txt", "The trust has offered a 4 per cent pay rise"),
        ("nurses_herald.txt", "the trust could not afford a bigger rise"),
    ),
    (
        ("recall_wire.txt", "Orvan Motors is recalling 120,000 vehicles in Europe"),
        ("recall_review.txt", "Orvan recalled 40,000 vans last year"),
    ),
    (
        ("grain_wire.txt", "Marenia exported 8.4 million tonnes of wheat last season"),
        ("grain_ledger.txt", "paused all wheat shipments abroad"),
    ),
    (
        ("grain_wire.txt", "Marenia has suspended wheat exports for three months"),
        ("grain_courier.txt", "Marenia will end its suspension of wheat exports on April 1"),
    ),
    (
        ("grain_wire.txt", "covers about 3 million tonnes of grain"),
        ("grain_courier.txt", "keep a reserve of 1 million tonnes of wheat"),
    ),
    (
        ("storm_gazette.txt", "Schools on the two largest islands will stay closed"),
        ("storm_times.txt", "The harbour authority closed Port Alder to all vessels"),
    ),
    (
        ("storm_gazette.txt", "Ferry services between Port Alder and the Skerra islands were"),
        ("storm_times.txt", "Northline said it would add extra sailings"),
    ),
]

# The same subject with conflicting values: linked both ways and contested.
CONTESTED: list[Pair] = [
    (
        ("grain_wire.txt", "barley exports were not restricted"),
        ("grain_ledger.txt", "Officials also suspended barley exports"),
    ),
    (
        ("grain_courier.txt", "barley exports had never been restricted"),
        ("grain_ledger.txt", "Officials also suspended barley exports"),
    ),
    (
        ("grain_wire.txt", "The harvest fell to 11.2 million tonnes"),
        ("grain_courier.txt", "puts this year's harvest at about 12.5 million tonnes"),
    ),
    (
        ("grain_ledger.txt", "wheat crop shrank to 11.2m tonnes"),
        ("grain_courier.txt", "puts this year's harvest at about 12.5 million tonnes"),
    ),
    (
        ("nurses_post.txt", "About half of the trust's 6,000 nurses joined the strike"),
        ("nurses_herald.txt", "fewer than 40 per cent of nurses had walked out"),
    ),
    (
        ("recall_wire.txt", "no accidents or injuries had been linked to the fault"),
        ("recall_review.txt", "aware of three minor crashes linked to the problem"),
    ),
    (
        ("recall_wire.txt", "models built between 2021 and 2023"),
        ("recall_review.txt", "cars were made between 2022 and 2024"),
    ),
    (
        ("storm_gazette.txt", "sailings would resume on Friday"),
        ("storm_times.txt", "crossings would not restart before Sunday"),
    ),
    (
        ("storm_gazette.txt", "The harbour at Port Alder remained open to fishing boats"),
        ("storm_times.txt", "The harbour authority closed Port Alder to all vessels"),
    ),
    (
        ("storm_gazette.txt", "two fishermen were rescued from a stricken trawler"),
        ("storm_times.txt", "winched three men to safety from a fishing boat"),
    ),
]

# Never contested.
NOT_CONTESTED: list[Ref] = [
    ("recall_review.txt", "Orvan recalled 40,000 vans last year"),
    ("recall_wire.txt", "Orvan shares fell 2 per cent in Frankfurt trading"),
    ("grain_courier.txt", "keep a reserve of 1 million tonnes of wheat"),
    ("grain_wire.txt", "Marenia exported 8.4 million tonnes of wheat last season"),
    ("storm_times.txt", "Gusts reached 130 km/h on exposed headlands"),
    ("storm_gazette.txt", "More than 2,000 passengers were affected by the cancellations"),
    ("storm_gazette.txt", "Schools on the two largest islands will stay closed"),
    ("nurses_post.txt", "Emergency departments remained open throughout the day"),
    ("nurses_post.txt", "The trust has offered a 4 per cent pay rise"),
]

# Expectations the system does not meet yet (strict xfails, so a fix shows up):
# - the herald's sentence joins the postponement to the strike with "as": since "four sites"
#   compares with "four hospitals" (fourth pass) the two score as one claim, but the
#   sentence clusters with the strike ("Nurses at four hospitals ... walked out"), its other
#   assertion, and a sentence joins one claim only;
# - "repairs will be carried out free of charge" / "replace the hoses for free": different
#   words for the repair;
# - "two fishermen were rescued from a stricken trawler" / "winched three men to safety from
#   a fishing boat": no word in common.
# Met since by the third pass (dev set 7): "sailings would resume on Friday" / "crossings would
# not restart before Sunday" (a restart day and its lower bound, crossref/timing.py; "the
# company said" is the operator named elsewhere in the story), and "will end its suspension
# of wheat exports" (an ending verb turns the state it ends round, claim_lexicon.yml
# ``state_enders``); by the fourth pass: "remained open to fishing boats" (a state word stays
# one before "to" and what goes in or through a place, claim_frames.yml ``access_after_to``).
KNOWN_GAPS: set[str] = {
    "together:nurses:Planned operations were postpo",
    "together:recall:repairs will be carried out fr",
    "contested:storm:two fishermen were rescued fro",
}

DEV = ClaimDevSet("claims_dev6", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS,
                  contested_needs_link=True)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]
