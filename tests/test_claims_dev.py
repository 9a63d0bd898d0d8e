"""Held-out dev set for claim clustering: four stories, two outlets each, never tuned on alone.

The articles in ``tests/fixtures/claims_dev/`` were written for this test (a port strike, a
vaccine approval, a wildfire evacuation, an airline merger); the expectations below were
written with them, before looking at what the system makes of them. All eight articles go
through the real pipeline together (``claim_harness``), so a claim from one story clustering
with another story is caught too.
"""

from __future__ import annotations

import pytest
from claim_harness import ClaimDevSet, Pair, Ref

# --------------------------------------------------------------------------- expectations

# Paraphrases across the two outlets: different words (or numbers written differently),
# the same assertion.
TOGETHER: list[Pair] = [
    (
        ("port_ledger.txt", "walked off the job on Tuesday, halting cargo operations"),
        ("port_times.txt", "Cargo operations at the Port of Valmora were halted on Tuesday"),
    ),
    (
        ("port_ledger.txt", "1.2 million tonnes of grain"),
        ("port_times.txt", "1,200,000 tonnes of grain"),
    ),
    (
        ("port_ledger.txt", "4,000 members had joined the strike"),
        ("port_times.txt", "About four thousand members"),
    ),
    (
        ("port_ledger.txt", "cost the economy about $50 million a day"),
        ("port_times.txt", "costing the economy roughly $50 million every day"),
    ),
    (
        ("port_ledger.txt", "the government would not intervene in the dispute"),
        ("port_times.txt", "The government refused to intervene in the dispute"),
    ),
    (
        ("vaccine_desk.txt", "on Thursday approved Corvaxin"),
        ("vaccine_post.txt", "cleared Halberd Biotech's RSV vaccine Corvaxin"),
    ),
    (
        ("vaccine_desk.txt", "83% effective at preventing severe illness"),
        ("vaccine_post.txt", "cut the risk of severe disease by 83 percent"),
    ),
    (
        ("fire_herald.txt", "Officials ordered 12,500 residents"),
        ("fire_wire.txt", "Some 12,500 people were told to leave their homes"),
    ),
    (
        ("fire_herald.txt", "The blaze has burned 18,000 acres"),
        ("fire_wire.txt", "burned through 18 thousand acres"),
    ),
    (
        ("fire_herald.txt", "The Red Cross opened four shelters"),
        ("fire_wire.txt", "Four shelters have opened for evacuees"),
    ),
    (
        ("air_ledger.txt", "agreed to acquire rival Northstar Air for $1.9 billion"),
        ("air_wire.txt", "will buy Northstar Air in a deal worth 1.9 billion dollars"),
    ),
    (
        ("air_ledger.txt", "Skyline will close three maintenance bases"),
        ("air_wire.txt", "Skyline plans to shut 3 maintenance bases"),
    ),
    (
        ("air_ledger.txt", "fares would not rise as a result of the merger"),
        ("air_wire.txt", "He said fares would not rise as a result of the deal"),
    ),
    (
        ("air_ledger.txt", "Northstar had rejected an earlier offer"),
        ("air_wire.txt", "Northstar had turned down an earlier approach"),
    ),
    (
        ("air_ledger.txt", "Northstar shares jumped 28%"),
        ("air_wire.txt", "Northstar's stock rose 28%"),
    ),
    (
        ("air_ledger.txt", "Skyline will pay $14 a share"),
        ("air_wire.txt", "Northstar shareholders will receive $14 per share"),
    ),
    (
        ("air_ledger.txt", "the merger could lead to higher prices on domestic routes"),
        ("air_wire.txt", "the takeover was likely to push up fares on domestic routes"),
    ),
]

# Same actors or the same topic words, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("port_ledger.txt", "Tidewater said it had moved some vessels"),
        ("port_times.txt", "Tidewater Terminals said it would hire temporary workers"),
    ),
    (
        ("port_ledger.txt", "grain shipments scheduled for this week had already been cancelled"),
        ("port_times.txt", "The port shipped 1,200,000 tonnes of grain last year"),
    ),
    (
        ("vaccine_desk.txt", "Shares in Halberd Biotech rose 7%"),
        ("vaccine_post.txt", "spend $300 million on a second plant in Ireland"),
    ),
    (
        ("vaccine_desk.txt", "The company has built a new plant in Ghent"),
        ("vaccine_post.txt", "The delay was caused by an inspection of its new plant in Ghent"),
    ),
    (
        ("vaccine_desk.txt", "Public health experts said the vaccine could prevent thousands"),
        ("vaccine_post.txt", "Analysts said the vaccine could generate sales"),
    ),
    (
        ("fire_herald.txt", "Governor Alan Pierce declared a state of emergency"),
        ("fire_wire.txt", "Governor Alan Pierce toured an evacuation centre"),
    ),
    (
        ("fire_herald.txt", "Investigators believe the fire was started by a power line"),
        ("fire_wire.txt", "its equipment did not cause the fire"),
    ),
    (
        ("air_ledger.txt", "keep the Northstar brand for at least two years"),
        ("air_wire.txt", "He said fares would not rise as a result of the deal"),
    ),
    (
        ("air_ledger.txt", "Consumer groups warned that the merger could lead"),
        ("vaccine_post.txt", "Doctors welcomed the approval but warned"),
    ),
]

# The same quantity, date or decision with conflicting values: linked and contested.
CONTESTED: list[Pair] = [
    (
        ("port_ledger.txt", "40 container ships waiting at anchor"),
        ("port_times.txt", "At least 25 container ships were waiting at anchor"),
    ),
    (
        ("vaccine_desk.txt", "The agency also approved use of the vaccine in pregnant women"),
        ("vaccine_post.txt", "refused to approve the vaccine for pregnant women"),
    ),
    (
        ("vaccine_desk.txt", "ship the first 2 million doses in October"),
        ("vaccine_post.txt", "ship the first 2 million doses in December"),
    ),
    (
        ("fire_herald.txt", "Firefighters had contained 15% of the fire"),
        ("fire_wire.txt", "Crews had contained 30% of the blaze"),
    ),
    (
        ("fire_herald.txt", "No homes had been destroyed as of Sunday"),
        ("fire_wire.txt", "At least 14 homes have been destroyed"),
    ),
    (
        ("air_ledger.txt", "The combined airline will operate 310 aircraft"),
        ("air_wire.txt", "The merged carrier will fly 290 planes"),
    ),
    (
        ("air_ledger.txt", "expected to close in the second half of 2027"),
        ("air_wire.txt", "complete the deal by March 2026"),
    ),
]

DEV = ClaimDevSet("claims_dev", TOGETHER, APART, CONTESTED)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]


def test_paraphrased_rows_are_corroborated() -> None:
    for a, b in TOGETHER:
        shared = [c for c in DEV.claims_of(a) if c in DEV.claims_of(b)]
        assert any(c.status in ("corroborated", "contested") for c in shared), DEV.label(a)


# ---------------------------------------------------------------- attribution and hedging


def test_anonymous_sources_keep_the_outlet_they_spoke_to() -> None:
    app = DEV.appearance(("port_ledger.txt", "Sources familiar with the talks told the Harbour"))
    assert app.attribution_kind == "anonymous"
    assert app.attribution_text == "Sources familiar with the talks"
    assert app.via == "the Harbour Gazette"
    assert app.quote.startswith("the operator was prepared to raise its offer")
    app = DEV.appearance(("air_ledger.txt", "Two people familiar with the talks told the"))
    assert app.attribution_kind == "anonymous"
    assert app.via == "the Financial Courier"


def test_trailing_attributions_name_the_speaker() -> None:
    app = DEV.appearance(("port_times.txt", "The government refused to intervene"))
    assert app.attribution_kind == "person"
    assert app.attribution_text == "Transport Minister Oliver Grant"
    assert app.reporting_verb == "said"
    app = DEV.appearance(("vaccine_post.txt", "according to a company spokesperson"))
    assert app.attribution_kind == "organisation"
    app = DEV.appearance(("air_wire.txt", "according to people familiar with the matter"))
    assert app.attribution_kind == "anonymous"


@pytest.mark.parametrize(
    ("ref", "hedge"),
    [
        (("port_times.txt", "The union has said the walkout may last"), "may"),
        (("vaccine_post.txt", "The vaccine may be offered to people in care homes"), "may"),
        (("fire_wire.txt", "The fire could reach the outskirts"), "could"),
        (("air_wire.txt", "Consumer groups said the takeover was likely"), "likely"),
    ],
)
def test_hedged_sentences(ref: Ref, hedge: str) -> None:
    app = DEV.appearance(ref)
    assert hedge in app.hedges
    own = next(c for c in DEV.claims_of(ref) if app in c.appearances)
    if len(own.appearances) == 1:
        assert own.hedging == "hedged"


def test_unhedged_report_is_reported_not_hedged() -> None:
    app = DEV.appearance(("fire_herald.txt", "The Red Cross opened four shelters"))
    assert app.hedges == []
    app = DEV.appearance(("air_ledger.txt", "He said the company would keep the Northstar brand"))
    assert app.attribution_kind == "person"
    assert app.hedges == []
