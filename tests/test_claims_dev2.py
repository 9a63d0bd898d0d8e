"""Second held-out dev set for claim clustering, written after the blind eval cases.

The articles in ``tests/fixtures/claims_dev2/`` (a colliery collapse, a fare rise, an airport
outage; two outlets each) were written for this test, and the expectations below were
written with them, before running the system on them: they check that the general fixes
made for the blind eval cases (paraphrased predicates, number + unit evidence, partitive and
reversed quantities, negation and value conflicts) carry over to text nobody tuned on.
All six articles go through the real pipeline together, so a claim from one story clustering
with another story is caught too.

Snippets locate a sentence (a verbatim, unique substring of one article).
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from generator.models import Briefing, Claim

DEV = Path(__file__).resolve().parent / "fixtures" / "claims_dev2"

Ref = tuple[str, str]  # (file, snippet)


@lru_cache(maxsize=1)
def briefing() -> Briefing:
    import tempfile

    from generator.crossref import cross_reference
    from generator.extract import extract_source
    from generator.load import load_seeds
    from generator.project import Project

    with tempfile.TemporaryDirectory(prefix="claims-dev2-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for path in sorted(DEV.glob("*.txt")):
            shutil.copy2(path, seeds / path.name)
        docs = load_seeds(Project.at(tmp, seeds=seeds, use_curation=False))
    return cross_reference([extract_source(doc) for doc in docs])


def _sentence(ref: Ref) -> tuple[str, str]:
    file, snippet = ref
    text = (DEV / file).read_text(encoding="utf-8")
    assert text.count(snippet) == 1, f"snippet not unique in {file}: {snippet!r}"
    offset = text.index(snippet)
    source = next(s for s in briefing().sources if s.path.endswith("/" + file))
    sentence = next(s for s in source.sentences if s.start <= offset < s.end)
    return source.id, sentence.id


def claims_of(ref: Ref) -> list[Claim]:
    key = _sentence(ref)
    return [
        c for c in briefing().claims if any((a.source, a.sentence) == key for a in c.appearances)
    ]


def _ids(ref: Ref) -> set[str]:
    ids = {c.id for c in claims_of(ref)}
    assert ids, f"no claim for {ref}"
    return ids


def _label(ref: Ref) -> str:
    return " | ".join(c.text for c in claims_of(ref)) or "(no claim)"


# --------------------------------------------------------------------------- expectations

# The same assertion in different words (or numbers written differently).
TOGETHER: list[tuple[Ref, Ref]] = [
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
APART: list[tuple[Ref, Ref]] = [
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
CONTESTED: list[tuple[Ref, Ref]] = [
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
# the expectations above were written; kept as written, marked strict so a fix shows up):
# a paraphrased predicate with one shared content word ("opened an investigation" / "will
# carry out its own investigation"), "restored" / "back online", "review" / "examine",
# "9-4" / "nine votes to four", and a July 1 / June 1 date conflict (day-level dates are
# not compared). The cyberattack sentence joins the cancellations row (wrong merge).
KNOWN_GAPS = {
    "together:mine:it was deploying a team of 30 ",
    "together:mine:said it had opened an investig",
    "together:transit:The council voted 9-4 in favou",
    "together:outage:The airport's systems were res",
    "together:outage:regulator said it would review",
    "apart:outage:180 flights were cancelled",
    "contested:transit:would take effect on July 1",
}


def _cases(pairs: list[tuple[Ref, Ref]], kind: str) -> list[object]:
    return [
        pytest.param(p, id=_pair_id(p), marks=pytest.mark.xfail(
            f"{kind}:{_pair_id(p)}" in KNOWN_GAPS, reason="known gap, see KNOWN_GAPS",
            strict=True))
        for p in pairs
    ]


def _pair_id(pair: tuple[Ref, Ref]) -> str:
    return f"{pair[0][0].split('_')[0]}:{pair[0][1][:30]}"


@pytest.mark.parametrize("pair", _cases(TOGETHER, "together"))
def test_paraphrases_cluster(pair: tuple[Ref, Ref]) -> None:
    a, b = pair
    assert _ids(a) & _ids(b), f"{_label(a)!r} / {_label(b)!r}"


@pytest.mark.parametrize("pair", _cases(APART, "apart"))
def test_different_assertions_stay_apart(pair: tuple[Ref, Ref]) -> None:
    a, b = pair
    assert not _ids(a) & _ids(b), _label(a)


@pytest.mark.parametrize("pair", _cases(CONTESTED, "contested"))
def test_conflicting_values_are_contested(pair: tuple[Ref, Ref]) -> None:
    a, b = pair
    ca, cb = claims_of(a), claims_of(b)
    assert ca and cb
    same = any(c.status == "contested" for c in ca if c in cb)
    linked = any(y.id in x.conflicts_with and x.id in y.conflicts_with for x in ca for y in cb)
    assert same or linked, f"{_label(a)!r} / {_label(b)!r}"
    assert all(c.status == "contested" for c in ca + cb)


@pytest.mark.parametrize("ref", NOT_CONTESTED, ids=lambda r: f"{r[0]}:{r[1][:30]}")
def test_unrelated_claims_are_not_contested(ref: Ref) -> None:
    assert all(c.status != "contested" for c in claims_of(ref)), _label(ref)


def test_no_cluster_mixes_stories() -> None:
    story = {p.name: p.name.split("_")[0] for p in DEV.glob("*.txt")}
    by_id = {s.id: story[s.path.rsplit("/", 1)[-1]] for s in briefing().sources}
    for claim in briefing().claims:
        assert len({by_id[a.source] for a in claim.appearances}) == 1, claim.text
