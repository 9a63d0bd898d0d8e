"""Seventh held-out dev set for claim clustering, written for the third claim-quality pass.

The articles in ``tests/fixtures/claims_dev7/`` (a dairy takeover, a cargo ship sinking and
its rescue, a heatwave that cancels trains, bird flu closing a zoo; two or three outlets
each, two of them later reports) were written for this test, with invented names, and the
expectations below were written with them, before running the system on them. They exercise
general readings: a state-change verb against the end of that state ("suspended" / "ended
its suspension"), a resumption against its negated bound ("would resume on Friday" / "would
not be restored before Sunday"), a closure with an end against a reopening ("closed until
Thursday" / "would reopen on Saturday", "remain shut for at least a month" / "will reopen
next week"), parts of a total ("90 of its 400 daily trains", "14 of the ship's 16 crew"),
number words against digits ("Fourteen" / "14", "Thirty rescue workers" / "About 30
rescuers"), denial verbs read as negation ("denied that ... had been overloaded" / "was not
overloaded"; "denied that it had delayed" / "had delayed"), an attribution sentence followed
by a background sentence, approximations ("about €1.4bn" / "1.4 billion euros"), a later
report that revises a figure ("15 crew members", "One sailor is still missing"), and pairs
that share actors or numbers but say different things (1,500 ticket holders / 1,500
animals, 400 daily trains / 400 drivers, an offer and its raised successor).
"""

from __future__ import annotations

from claim_harness import ClaimDevSet, Pair, Ref

# The same assertion in different words.
TOGETHER: list[Pair] = [
    (
        ("merger_wire.txt", "has agreed to buy its rival Corrin Dairies for 1.4 billion euros"),
        ("merger_ledger.txt", "Halvard Foods will pay about €1.4bn for Corrin Dairies"),
    ),
    (
        ("merger_wire.txt", "Halvard will pay 18 euros in cash for each Corrin share"),
        ("merger_ledger.txt", "The offer values each Corrin share at €18"),
    ),
    (
        ("merger_wire.txt", "denied that the deal would lead to factory closures"),
        ("merger_ledger.txt", "said no factories would close as a result of the takeover"),
    ),
    (
        ("merger_wire.txt", "The combined group will employ about 9,000 people"),
        ("merger_ledger.txt", "The enlarged company will have roughly 9,000 employees"),
    ),
    (
        ("merger_wire.txt", "Corrin shares rose 24 per cent to 17.10 euros"),
        ("merger_ledger.txt", "Corrin's shares jumped 24% on the news"),
    ),
    (
        ("merger_wire.txt", "which is expected to decide by the end of June"),
        ("merger_ledger.txt", "The competition authority will rule on the deal by the end"),
    ),
    (
        ("merger_wire.txt", "expected annual cost savings of 60 million euros"),
        ("merger_review.txt", "Halvard still expects annual cost savings of 60 million euros"),
    ),
    (
        ("rescue_wire.txt", "Fourteen crew members were rescued after the cargo ship"),
        ("rescue_gazette.txt", "14 of the ship's 16 crew had been pulled from the water"),
    ),
    (
        ("rescue_wire.txt", "About 30 rescuers, two helicopters"),
        ("rescue_gazette.txt", "Thirty rescue workers spent the night searching"),
    ),
    (
        ("rescue_wire.txt", "Two sailors are still missing."),
        ("rescue_gazette.txt", "Two crew members remain unaccounted for."),
    ),
    (
        ("rescue_wire.txt", "The ship was carrying 2,400 tonnes of fertiliser"),
        ("rescue_gazette.txt", "The freighter had a cargo of about 2,400 tonnes of fertiliser"),
    ),
    (
        ("rescue_wire.txt", "denied that the vessel had been overloaded"),
        ("rescue_gazette.txt", "Skarde Shipping said the Orla Brenn was not overloaded"),
    ),
    (
        ("rescue_wire.txt", "was suspended at nightfall"),
        ("rescue_gazette.txt", "The search was paused at dusk on Tuesday."),
    ),
    (
        ("rail_post.txt", "cancelled 90 of its 400 daily trains"),
        ("rail_courier.txt", "Westlink Rail scrapped 90 services on Tuesday"),
    ),
    (
        ("rail_post.txt", "Speed limits of 60 mph were imposed on all lines"),
        ("rail_courier.txt", "Trains were limited to 60 mph on every line"),
    ),
    (
        ("rail_post.txt", "Nearly 20,000 passengers were affected by the cancellations"),
        ("rail_courier.txt", "About 20,000 travellers were hit by the cancellations"),
    ),
    (
        ("zoo_herald.txt", "Bird flu was found in three flamingos at Linford Zoo"),
        ("zoo_times.txt", "Three of the zoo's 42 flamingos tested positive for bird flu"),
    ),
    (
        ("zoo_herald.txt", "Around 1,500 visitors who had booked tickets for the week"),
        ("zoo_times.txt", "About 1,500 ticket holders will get their money back"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("merger_wire.txt", "has agreed to buy its rival Corrin Dairies for 1.4 billion euros"),
        ("merger_review.txt", "has raised its offer for Corrin Dairies to 1.55 billion euros"),
    ),
    (
        ("merger_wire.txt", "Halvard will pay 18 euros in cash for each Corrin share"),
        ("merger_review.txt", "Halvard will now pay 20 euros for each Corrin share"),
    ),
    (
        ("merger_wire.txt", "Corrin shares rose 24 per cent to 17.10 euros"),
        ("merger_review.txt", "Corrin shares closed at 20.40 euros on Tuesday"),
    ),
    (
        ("merger_ledger.txt", "up to 400 jobs could be cut"),
        ("merger_ledger.txt", "The enlarged company will have roughly 9,000 employees"),
    ),
    (
        ("merger_wire.txt", "denied that the deal would lead to factory closures"),
        ("merger_ledger.txt", "up to 400 jobs could be cut"),
    ),
    (
        ("merger_wire.txt", "Corrin's board has unanimously backed the offer"),
        ("merger_wire.txt", "Corrin was founded in 1952"),
    ),
    (
        ("merger_wire.txt", "Corrin's board has unanimously backed the offer"),
        ("merger_review.txt", "said it would accept the higher offer"),
    ),
    (
        ("rescue_wire.txt", "was suspended at nightfall"),
        ("rescue_update.txt", "The coastguard ended its suspension of the search"),
    ),
    (
        ("rescue_gazette.txt", "The search was paused at dusk on Tuesday."),
        ("rescue_update.txt", "The coastguard ended its suspension of the search"),
    ),
    (
        ("rescue_wire.txt", "About 30 rescuers, two helicopters"),
        ("rescue_gazette.txt", "14 of the ship's 16 crew had been pulled from the water"),
    ),
    (
        ("rescue_wire.txt", "denied that the vessel had been overloaded"),
        ("rescue_update.txt", "Skarde Shipping has been fined twice since 2019"),
    ),
    (
        ("rescue_wire.txt", "Fourteen crew members were rescued after the cargo ship"),
        ("rescue_update.txt", "The ship's captain, Piet Almar, was among those rescued"),
    ),
    (
        ("rail_post.txt", "Westlink suspended services on the Harrow branch line"),
        ("rail_courier.txt", "Westlink has ended its suspension of services on the Harrow"),
    ),
    (
        ("rail_post.txt", "cancelled 90 of its 400 daily trains"),
        ("rail_courier.txt", "The operator employs 400 drivers"),
    ),
    (
        ("rail_post.txt", "The rail regulator said it would look into the disruption"),
        ("rail_post.txt", "The regulator fined Westlink 2 million pounds in 2023"),
    ),
    (
        ("zoo_times.txt", "The zoo is home to about 1,500 animals"),
        ("zoo_herald.txt", "Around 1,500 visitors who had booked tickets for the week"),
    ),
    (
        ("zoo_times.txt", "The zoo is home to about 1,500 animals"),
        ("zoo_times.txt", "About 1,500 ticket holders will get their money back"),
    ),
    (
        ("zoo_herald.txt", "said the risk to visitors was very low"),
        ("zoo_herald.txt", "Holst has worked at the zoo since 2009"),
    ),
]

# The same subject with conflicting values: linked both ways and contested.
CONTESTED: list[Pair] = [
    (
        ("merger_wire.txt", "which is expected to decide by the end of June"),
        ("merger_review.txt", "A decision is not expected before the end of June"),
    ),
    (
        ("rescue_wire.txt", "was suspended at nightfall"),
        ("rescue_gazette.txt", "the search would not restart before Thursday"),
    ),
    (
        ("rescue_wire.txt", "Fourteen crew members were rescued after the cargo ship"),
        ("rescue_update.txt", "15 crew members had been rescued"),
    ),
    (
        ("rescue_gazette.txt", "14 of the ship's 16 crew had been pulled from the water"),
        ("rescue_update.txt", "15 crew members had been rescued"),
    ),
    (
        ("rescue_wire.txt", "Two sailors are still missing."),
        ("rescue_update.txt", "One sailor is still missing."),
    ),
    (
        ("rescue_wire.txt", "there was no sign of a fuel leak"),
        ("rescue_gazette.txt", "a small amount of fuel had leaked from the wreck"),
    ),
    (
        ("rail_post.txt", "normal services would resume on Friday"),
        ("rail_courier.txt", "full timetables would not be restored before Sunday"),
    ),
    (
        ("rail_post.txt", "The company denied that air conditioning had failed"),
        ("rail_courier.txt", "Passengers said air conditioning had failed"),
    ),
    (
        ("zoo_herald.txt", "The zoo will stay closed until Thursday."),
        ("zoo_times.txt", "A zoo spokesman said it would reopen on Saturday."),
    ),
    (
        ("zoo_herald.txt", "The zoo denied that it had delayed reporting the cases."),
        ("zoo_times.txt", "said the zoo had delayed reporting the cases by a week"),
    ),
    (
        ("zoo_herald.txt", "The aviary and the petting farm will remain shut"),
        ("zoo_times.txt", "The aviary will reopen next week"),
    ),
]

# Never contested.
NOT_CONTESTED: list[Ref] = [
    ("merger_review.txt", "Corrin shares closed at 20.40 euros on Tuesday"),
    ("merger_ledger.txt", "up to 400 jobs could be cut"),
    ("merger_wire.txt", "Corrin was founded in 1952"),
    ("merger_review.txt", "The fund holds 11 per cent of Corrin"),
    ("rescue_update.txt", "Skarde Shipping has been fined twice since 2019"),
    ("rescue_update.txt", "The ship's captain, Piet Almar, was among those rescued"),
    ("rail_courier.txt", "Westlink has ended its suspension of services on the Harrow"),
    ("rail_courier.txt", "The operator employs 400 drivers"),
    ("rail_post.txt", "The regulator fined Westlink 2 million pounds in 2023"),
    ("rail_post.txt", "Speed limits of 60 mph were imposed on all lines"),
    ("zoo_times.txt", "The zoo is home to about 1,500 animals"),
    ("zoo_times.txt", "Linford Zoo opened in 1931"),
    ("zoo_herald.txt", "Holst has worked at the zoo since 2009"),
]

# Expectations the system did not meet on its first run (kept as written; strict xfails, so
# a fix shows up). Met by the general fixes of this pass: denial verbs negate their clause
# ("denied that air conditioning had failed" / "had failed", "The zoo denied that it had
# delayed" / "had delayed"); a restart day against its bound ("would resume on Friday" /
# "would not be restored before Sunday", "will resume on Wednesday morning" / "would not
# restart before Thursday"); an ending verb turns its state round ("suspended services" /
# "has ended its suspension of services", apart and not contested); short count sentences are
# claims and "One sailor" counts one ("Two sailors are still missing." / "One sailor is still
# missing."); "unaccounted for" is missing; "get their money back" is a refund and ticket
# holders and visitors count as customers; "The zoo's chief vet, Maren Holst, said" names
# the speaker, so the next sentence is not hers; "A zoo spokesman said it would reopen on
# Saturday" is the zoo speaking of itself (a spokes noun's modifier names the one
# organisation whose name ends in it), contested with "will stay closed until Thursday".
# Met by the fourth pass: "was suspended at nightfall and will resume on Wednesday morning"
# (one sentence, two states: "and" before an auxiliary opens a clause of its own, so the
# claim is the stop, and the restart day is read from the later clause); "The ship's
# captain ... was among those rescued" is kept apart from "Fourteen crew members were
# rescued" (placing one member in a group is not a count of it); "remain shut for at least a
# month" / "will reopen next week" (a duration on the stopped side and "next week" on the
# running side are restart periods too; one shared actor and a shared word are one thing);
# "..., which is expected to decide by the end of June" (a relative clause that ends the
# sentence looking ahead is news, not background; "decision" and "rule on" name deciding);
# "denied that the vessel had been overloaded" / "... said the Orla Brenn was not
# overloaded" and "denied that the deal would lead to factory closures" / "said no factories
# would close" (one named speaker's negative answers in two sources stand in for a subject
# they name differently); "cancelled 90 of its 400 daily trains" / "scrapped 90 services" (a
# general counted noun, "services", "sites", compares with a specific one of the same value).
# Still open:
# - "About 30 rescuers" / "Thirty rescue workers": the number words are read, but "rescuers"
#   and "rescue workers" are different counted nouns;
KNOWN_GAPS: set[str] = {
    "together:rescue:About 30 rescuers, two helicop",
}

DEV = ClaimDevSet("claims_dev7", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS,
                  contested_needs_link=True)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]


def test_denial_verbs_negate_their_clause() -> None:
    """ "X denied that Y had happened" asserts that Y did not happen."""
    for ref in [("merger_wire.txt", "denied that the deal would lead to factory closures"),
                ("rescue_wire.txt", "denied that the vessel had been overloaded"),
                ("zoo_herald.txt", "The zoo denied that it had delayed reporting the cases.")]:
        assert DEV.candidate(ref).negated, ref
    assert not DEV.candidate(("zoo_times.txt", "said the zoo had delayed reporting")).negated


def test_background_sentence_is_not_the_speakers() -> None:
    """A sentence after "..., X said." with no reporting verb of its own is not X's."""
    for said, background in [
        (("merger_wire.txt", "Corrin's board has unanimously backed the offer"),
         ("merger_wire.txt", "Corrin was founded in 1952")),
        (("zoo_herald.txt", "said the risk to visitors was very low"),
         ("zoo_herald.txt", "Holst has worked at the zoo since 2009")),
    ]:
        speaker = DEV.candidate(said).appearance.attributed_to
        assert speaker is not None, said
        assert DEV.candidate(background).appearance.attributed_to != speaker, background
