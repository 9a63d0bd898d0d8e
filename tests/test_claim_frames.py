"""Claim frames across sources: predicate classes, phrases, counted units, dates, states.

Each test states what a reader of two reports would check: paraphrased predicates make one
row, one value written two ways agrees, conflicting values, days, months and states are
linked both ways, and claims that only look alike stay apart. The sentences are invented
and general; the knowledge behind them is in ``generator/data/claim_frames.yml``.
"""

from __future__ import annotations

from test_claim_clustering import claim_with, cluster, together

from generator.crossref.claims import fold_term, parse_quantity
from generator.extract.claims import stem
from generator.models import Claim


def linked(a: Claim, b: Claim) -> bool:
    """Two claims contradicting each other: linked both ways and both contested."""
    return (b.id in a.conflicts_with and a.id in b.conflicts_with
            and a.status == b.status == "contested")


# ----------------------------------------------------------------------- paraphrases


def test_predicate_classes_make_one_row() -> None:
    claims = cluster({
        "a": "Storms scrapped the regional rail timetable for the whole weekend.",
        "b": "Storms cancelled the regional rail timetable for the whole weekend.",
    })
    assert together(claims, "scrapped", "cancelled")


def test_a_phrase_stands_for_its_class_word() -> None:
    claims = cluster({
        "a": "Organisers called off the harbour regatta after the storm wrecked the pier.",
        "b": "Organisers cancelled the harbour regatta after the storm destroyed the pier.",
    })
    row = claim_with(claims, "a", "called off")
    assert together(claims, "called off", "cancelled")
    assert row.status == "corroborated" and not row.conflicts_with


def test_one_actor_and_one_noun_are_one_frame() -> None:
    # "opened" / "carry out": only the inquiry is shared, but the ministry does both
    claims = cluster({
        "a": "The ministry has opened an inquiry into the tender.",
        "b": "The ministry will carry out its own inquiry into the tender.",
    })
    assert together(claims, "opened an inquiry", "carry out its own inquiry")


def test_stems_with_and_without_a_final_e_compare_as_one() -> None:
    # the stemmer gives "guarantee" and "guarantees" one stem ("-ee" words), so the words
    # compare as one from the start
    words = ("guarantee", "guarantees", "guaranteed", "assurances")
    assert len({fold_term(stem(w)) for w in words}) == 1
    assert fold_term(stem("employee")) == fold_term(stem("employees"))
    assert fold_term("plane") != fold_term("plan")  # but a plane is not a plan


def test_votes_written_in_words_are_a_split() -> None:
    claims = cluster({
        "a": "The council approved the harbour budget by seven votes to two on Monday.",
        "b": "The council voted 7-2 to approve the harbour budget on Monday.",
        "c": "The council voted 6-3 to approve the harbour budget on Monday.",
    })
    assert together(claims, "seven votes to two", "voted 7-2")
    assert linked(claim_with(claims, "a", "seven votes"), claim_with(claims, "c", "6-3"))


def test_approximate_values_that_agree_are_one_row() -> None:
    claims = cluster({
        "a": "Some 62% of residents backed the new harbour park in Tuesday's referendum.",
        "b": "Nearly 60 percent of residents backed the new harbour park in the referendum.",
    })
    row = claim_with(claims, "a", "62%")
    assert together(claims, "62%", "60 percent")
    assert not row.conflicts_with


# ----------------------------------------------------------------------- conflicts


def test_counted_things_with_different_values_conflict() -> None:
    # a predicate class ("scrapped" / "cancelled") and one counted noun
    claims = cluster({
        "a": "The carrier scrapped 450 flights because of the strike.",
        "b": "The carrier cancelled 310 flights because of the strike.",
    })
    assert linked(claim_with(claims, "a", "450"), claim_with(claims, "b", "310"))


def test_same_month_different_day_conflicts() -> None:
    claims = cluster({
        "a": "The new ferry timetable starts on March 3, the operator said.",
        "b": "The new ferry timetable starts on March 10, the operator said.",
    })
    assert linked(claim_with(claims, "a", "March 3"), claim_with(claims, "b", "March 10"))


def test_months_conflict_when_only_one_names_a_year() -> None:
    claims = cluster({
        "a": "The maritime museum will reopen to visitors next April.",
        "b": "The maritime museum will reopen to visitors in June next year.",
    })
    assert linked(claim_with(claims, "a", "April"), claim_with(claims, "b", "June"))


def test_opposite_states_conflict_and_a_negated_state_agrees() -> None:
    claims = cluster({
        "a": "The council said the central library would stay open through the winter.",
        "b": "The council said the central library would close through the winter.",
        "c": "The council said the central library would not close through the winter.",
    })
    stays_open = claim_with(claims, "a", "stay open")
    closes = claim_with(claims, "b", "would close")
    not_closing = claim_with(claims, "c", "not close")
    assert linked(stays_open, closes)
    assert stays_open.id not in not_closing.conflicts_with


# ----------------------------------------------------------------------- look-alikes


def test_different_actors_doing_the_same_thing_in_unrelated_stories_stay_apart() -> None:
    claims = cluster({
        "a": "Acme Corp has opened an investigation into the battery fire at its Ohio plant.",
        "b": "The Ministry of Finance has opened an investigation into the tax portal collapse.",
    })
    assert not together(claims, "battery fire", "tax portal")


def test_part_of_a_count_does_not_contradict_the_count() -> None:
    claims = cluster({
        "a": "Seventeen workers were hurt when the boiler exploded at the Ohio plant.",
        "b": "Two of the injured workers are in critical condition after the Ohio explosion.",
    })
    assert not claim_with(claims, "b", "critical condition").conflicts_with
    assert parse_quantity("Two of the injured workers").part  # type: ignore[union-attr]


def test_the_same_counted_thing_never_merges_with_a_different_value() -> None:
    # the two differ in one value: the one wording cannot make them one claim
    claims = cluster({
        "a": "Acme Corp will close two warehouses and cut 300 jobs in Ohio next year.",
        "b": "Acme Corp will close two warehouses and cut 500 jobs in Ohio next year.",
    })
    assert not together(claims, "300 jobs", "500 jobs")
