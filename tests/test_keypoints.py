"""Key points: 3–5 central, informative, unflagged, non-duplicate sentences, best first."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.keypoints import pick_key_points
from generator.extract.quality import mark_quality
from generator.extract.sentences import split_sentences
from generator.models import (
    Appearance,
    ClaimCandidate,
    Document,
    LocalActor,
    Mention,
    Metadata,
    Sentence,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = (
    "Regional Rail Strike Ends\n"
    "The national rail union ended its three-day strike on Friday after the"
    " transport ministry agreed to a 6 percent pay rise for train drivers.\n"
    "The strike had halted most regional rail services and stranded thousands of"
    " commuters across the country.\n"
    "Union leader Maria Costa said the agreement was a victory for rail workers and"
    " their families.\n"
    "The weather was mild for the season.\n"
    "The transport ministry said the pay rise for train drivers would cost 120"
    " million euros a year.\n"
    "Rail services are expected to return to normal by Monday, the ministry said.\n"
    "Some commuters said they had switched to buses during the rail strike.\n"
    "Subscribe to our newsletter for more transport news.\n"
)


def prepared(text: str, doc_id: str = "t") -> list[Sentence]:
    d = Document(
        id=doc_id, path=f"{doc_id}.txt", format="txt", text=text, metadata=Metadata(),
        content_hash="",
    )  # fmt: skip
    sentences = split_sentences(d)
    mark_quality(d, sentences)
    return sentences


def by_id(sentences: list[Sentence]) -> dict[str, Sentence]:
    return {s.id: s for s in sentences}


@pytest.mark.parametrize("name", ["000_2f70732335356d9f.txt", "003_c2df267b112e1647.txt"])
def test_seed_key_points_are_three_to_five_unflagged_sentences(name: str) -> None:
    sentences = prepared((SEEDS / name).read_text(encoding="utf-8"), Path(name).stem)
    points = pick_key_points(sentences, [], [])
    assert 3 <= len(points) <= 5
    assert len(set(points)) == len(points)
    table = by_id(sentences)
    for sid in points:
        assert not table[sid].truncated and not table[sid].boilerplate
    assert "Explore more exclusive insights" not in " ".join(table[s].text for s in points)


def test_central_informative_sentences_win_and_filler_loses() -> None:
    sentences = prepared(ARTICLE)
    points = pick_key_points(sentences, [], [])
    texts = [by_id(sentences)[sid].text for sid in points]
    assert 3 <= len(points) <= 5
    assert texts[0].startswith("The national rail union ended its three-day strike")
    assert "The weather was mild for the season." not in texts
    assert "Regional Rail Strike Ends" not in texts  # a headline is not a key point
    assert not any(t.startswith("Subscribe") for t in texts)


def test_actors_and_claims_raise_a_sentence() -> None:
    sentences = prepared(ARTICLE)
    costa = next(s for s in sentences if s.text.startswith("Union leader Maria Costa"))
    buses = next(s for s in sentences if s.text.startswith("Some commuters"))
    actor = LocalActor(
        key="maria-costa", name="Maria Costa", type="person",
        mentions=[Mention("maria-costa", "t", costa.id, 0, 0, "Maria Costa")],
    )  # fmt: skip
    claim = ClaimCandidate(
        appearance=Appearance(
            source="t", sentence=costa.id, quote=costa.text, start=costa.start, end=costa.end,
            attributed_to="maria-costa", attribution_kind="person",
        ),
        text="The agreement was a victory for rail workers.",
    )  # fmt: skip
    without = pick_key_points(sentences, [], [])
    with_info = pick_key_points(sentences, [actor], [claim])
    assert costa.id in with_info
    assert buses.id not in with_info
    rank = {sid: n for n, sid in enumerate(with_info)}
    if costa.id in without:
        assert rank[costa.id] <= without.index(costa.id)


def test_near_duplicates_are_not_both_chosen() -> None:
    text = (
        "The central bank raised interest rates by half a point on Wednesday to fight inflation.\n"
        "On Wednesday the central bank raised interest rates by half a point to fight inflation.\n"
        "Economists had expected a smaller increase of a quarter point.\n"
        "Mortgage lenders said they would pass the higher rates on to borrowers.\n"
        "The currency strengthened against the dollar after the decision.\n"
    )
    sentences = prepared(text)
    points = pick_key_points(sentences, [], [])
    assert not {"s1", "s2"} <= set(points)
    assert len(points) == 3


def test_fewer_eligible_sentences_give_fewer_points_and_never_flagged_ones() -> None:
    text = (
        "The mayor resigned on Monday after a corruption inquiry.\n"
        "She denied all wrongdoing in a short statement to reporters.\n"
        "The council will appoint an interim mayor from\n"
        "Read more at example.com.\n"
    )
    sentences = prepared(text)
    assert [s.id for s in sentences if s.truncated or s.boilerplate] == ["s3", "s4"]
    assert sorted(pick_key_points(sentences, [], [])) == ["s1", "s2"]


def test_empty_and_deterministic() -> None:
    assert pick_key_points([], [], []) == []
    first = pick_key_points(prepared(ARTICLE), [], [])
    assert all(pick_key_points(prepared(ARTICLE), [], []) == first for _ in range(3))


def test_sentences_that_need_the_one_before_come_last() -> None:
    # "She said ..." (who?) and the second sentence of a quotation ('We are sure," he said')
    # are picked only when nothing else is left
    text = (
        "The port authority closed the harbour on Monday after a chemical spill.\n"
        "Harbour master Ines Duarte said the spill covered two hectares of water.\n"
        "She said four ships had been ordered to stay at anchor until Friday.\n"
        "\u201cWe acted at once. We are sure the water will be safe by the weekend,\u201d "
        "the authority said in a statement on Monday.\n"
        "Fishing crews said they had lost a week of catches to the closure.\n"
        "The environment agency said it would test the water daily.\n"
    )
    sentences = prepared(text)
    bound = {s.id for s in sentences if s.text.startswith(("She", "We are"))}
    assert len(bound) == 2
    assert not bound & set(pick_key_points(sentences, [], []))
