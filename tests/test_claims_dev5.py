"""Fifth held-out dev set for claim clustering, written for the claim-quality pass.

The articles in ``tests/fixtures/claims_dev5/`` (a regional power cut, a warehouse fire; two
outlets each) were written for this test, with invented names, and the expectations below
were written with them, before running the system on them. They exercise general readings:
"back online" is a return, not the stance "X backs Y"; "closed" (a bridge) is not
"completed" (a construction project); "X said it would ..." is X acting; "guarantee" and
"guarantees" are one word; short negative facts ("No one was injured.", "Police have ruled
out arson.") are claims; and in "Nine of the substation's 24 transformers" the counted noun
is "transformers", so a different count elsewhere is contested.
"""

from __future__ import annotations

from claim_harness import ClaimDevSet, Pair, Ref

# The same assertion in different words.
TOGETHER: list[Pair] = [
    (
        ("grid_courier.txt", "Power was back online in most districts"),
        ("grid_tribune.txt", "Electricity was restored to most districts"),
    ),
    (
        ("grid_courier.txt", "No one was injured."),
        ("grid_tribune.txt", "Nobody was hurt, the fire brigade said"),
    ),
    (
        ("grid_courier.txt", "regulator said it would review the outage"),
        ("grid_tribune.txt", "The energy regulator will examine what went wrong"),
    ),
    (
        ("grid_courier.txt", "would pay compensation guarantees to affected households"),
        ("grid_tribune.txt", "has promised a compensation guarantee for every household"),
    ),
    (
        ("grid_courier.txt", "cut electricity to about 18,000 homes"),
        ("grid_tribune.txt", "about 18,000 households had lost power"),
    ),
    (
        ("fire_gazette.txt", "said it would rebuild the warehouse within two years"),
        ("fire_standard.txt", "plans to rebuild the site within two years"),
    ),
]

# Same actors, topic words or numbers, but a different assertion: must stay apart.
APART: list[Pair] = [
    (
        ("grid_courier.txt", "Power was back online in most districts"),
        ("grid_tribune.txt", "Veltra has promised a compensation guarantee"),
    ),
    (
        ("grid_courier.txt", "The Oskel road bridge was closed to traffic"),
        ("grid_tribune.txt", "Construction of the new Oskel bridge was completed"),
    ),
    (
        ("fire_gazette.txt", "Police have ruled out arson."),
        ("fire_standard.txt", "Eight workers were on the night shift"),
    ),
]

# The same subject with conflicting values: linked both ways and contested.
CONTESTED: list[Pair] = [
    (
        ("grid_courier.txt", "Nine of the substation's 24 transformers were damaged"),
        ("grid_tribune.txt", "Fifteen transformers at the substation were damaged"),
    ),
    (
        ("fire_gazette.txt", "Twelve of the warehouse's 30 workers were on the night shift"),
        ("fire_standard.txt", "Eight workers were on the night shift"),
    ),
]

# Never contested.
NOT_CONTESTED: list[Ref] = [
    ("grid_courier.txt", "No one was injured."),
    ("grid_courier.txt", "Power was back online in most districts"),
    ("grid_courier.txt", "The Oskel road bridge was closed to traffic"),
    ("grid_tribune.txt", "Construction of the new Oskel bridge was completed"),
    ("fire_gazette.txt", "Police have ruled out arson."),
]

# Expectations the system did not meet on its first run (strict xfails, so a fix shows up).
# Met since by the fourth claim pass: "The company plans to rebuild" resolved "the company"
# to the latest organisation-like actor (a place name typed as an organisation); a name the
# source only ever uses after "in", "at" or "near" is a place there, never "the company".
KNOWN_GAPS: set[str] = set()

DEV = ClaimDevSet("claims_dev5", TOGETHER, APART, CONTESTED, NOT_CONTESTED, KNOWN_GAPS,
                  contested_needs_link=True)
globals().update(DEV.tests())  # one test per pair, ids as test_x[story:snippet]


def test_back_online_is_no_stance() -> None:
    """ "Power was back online" names a return, not support for anything."""
    cand = DEV.candidate(("grid_courier.txt", "Power was back online in most districts"))
    assert not any(t.startswith("~support") for t in cand.terms)
    backs = DEV.candidate(("grid_courier.txt", "Veltra Energy said it backs a full inquiry"))
    assert "~support+" in backs.terms


def test_negative_facts_are_claims() -> None:
    """A short denial is a claim candidate with its polarity."""
    cand = DEV.candidate(("fire_gazette.txt", "Police have ruled out arson."))
    assert cand.negated


def test_pronoun_after_speaker_is_not_the_last_organisation() -> None:
    """ "The regional energy regulator said it would review ..." is not about Veltra."""
    cand = DEV.candidate(("grid_courier.txt", "regulator said it would review the outage"))
    assert cand.subject is None or "veltra" not in cand.subject
    assert "regulator" in cand.terms
