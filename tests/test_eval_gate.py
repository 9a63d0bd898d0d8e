"""The extraction quality gate, and tests of the gate's own arithmetic.

``test_extraction_meets_floors`` runs the real pipeline on the annotated cases in
tests/eval/cases and fails when any figure drops below its floor in tests/eval/floors.yml.
The other tests score tiny hand-built system outputs, so that a broken metric cannot make
the gate pass (a perfect output must score 1.0, an empty one 0 recall, a wrong merge must
cost precision).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator import evaluation as ev
from generator.models import (
    Actor,
    Appearance,
    Briefing,
    Claim,
    Mention,
    Role,
    Sentence,
    Source,
)

CASES = Path(__file__).resolve().parent / "eval" / "cases"
FLOORS = Path(__file__).resolve().parent / "eval" / "floors.yml"

# The figures issue 3 requires the gate to hold.
REQUIRED_FLOORS = {
    "actor_precision",
    "actor_recall",
    "alias_merge_recall",
    "role_recall",
    "claim_cluster_precision",
    "claim_cluster_recall",
    "truncation_precision",
}


# ------------------------------------------------------------------------ the gate


def test_extraction_meets_floors() -> None:
    report = ev.evaluate(CASES)
    print(ev.format_report(report))
    assert not report.errors, "\n".join(report.errors)
    low = [f"{f.metric}: {f.value} < floor {f.floor}" for f in report.figures if not f.passed]
    assert not low, "figures below their floor:\n" + "\n".join(low)


def test_floors_cover_the_required_figures() -> None:
    floors = ev.load_floors(FLOORS)
    assert set(floors) >= REQUIRED_FLOORS, REQUIRED_FLOORS - set(floors)
    for metric, floor in floors.items():
        assert 0.0 <= floor <= 1.0, metric


def test_cases_cover_the_hard_cases() -> None:
    """At least 8 self-written articles plus the two seeds, 150–400 words each."""
    folders = ev.case_folders(CASES)
    articles = []
    for folder in folders:
        case = ev.load_case(folder)
        articles += [folder / s["file"] for s in case.sources]
    seeds = {p.name for p in (CASES.parent.parent.parent / "seeds").glob("*.txt")}
    own = [p for p in articles if p.name not in seeds]
    assert len(own) >= 8
    for path in own:
        words = len(path.read_text(encoding="utf-8").split())
        assert 150 <= words <= 400, (path, words)
    for name in seeds:
        copy = CASES / "seeds_mythos" / name
        original = CASES.parent.parent.parent / "seeds" / name
        assert copy.read_bytes() == original.read_bytes(), f"{copy} differs from the seed"


# ------------------------------------------------------------- synthetic fixtures

ARTICLE = (
    "Acme Corp chief executive Jane Roe said on Monday that the company would cut 200 jobs. "
    "The European Commission said it was watching. The Commission declined to comment. "
    "Roe said Acme's profits would fall by 10% this year. The cut was agreed with the "
    "union in\n"
    "Sign up for our newsletter.\n"
)
OTHER = "Acme will cut 300 jobs, the company said. Jane Roe confirmed the cuts.\n"

ANNOTATIONS = {
    "sources": [{"file": "a.txt"}, {"file": "b.txt"}],
    "actors": [
        {"name": "Acme Corp", "type": "organisation", "aliases": ["Acme", "Acme's"]},
        {"name": "Jane Roe", "type": "person", "aliases": ["Roe"],
         "roles": [{"title": ["chief executive", "CEO"], "organisation": "Acme Corp"}]},
        {"name": "European Commission", "type": "government", "aliases": ["the Commission"]},
    ],
    "ignore": ["Monday"],
    "distinct": [["Acme Corp", "European Commission"]],
    "claims": [
        {"id": "cut-200", "status": "contested",
         "appearances": [["a.txt", "would cut 200 jobs"]]},
        {"id": "cut-300", "status": "contested",
         "appearances": [["b.txt", "Acme will cut 300 jobs"]]},
        {"id": "cuts-confirmed", "status": "single-source",
         "appearances": [["b.txt", "Jane Roe confirmed the cuts"]]},
        {"id": "profits-fall", "status": "single-source",
         "appearances": [["a.txt", "profits would fall by 10%"]]},
        {"id": "commission-watching", "status": "corroborated",
         "appearances": [["a.txt", "The European Commission said it was watching."],
                         ["a.txt", "The Commission declined to comment."]]},
    ],
    "contested": [["cut-200", "cut-300"]],
    "truncated": [["a.txt", "agreed with the union in"]],
    "boilerplate": [["a.txt", "Sign up for our newsletter."]],
}


def _sentences(source: str, text: str) -> list[Sentence]:
    """A naive splitter, good enough for the fixture texts above."""
    out = []
    for n, m in enumerate(re.finditer(r"[^.\n]+(?:\.|\n|$)", text)):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in " \n":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        if end > start:
            out.append(Sentence(id=f"s{len(out) + 1}", source=source, index=n, start=start,
                                end=end, text=text[start:end]))
    return out


@pytest.fixture
def case(tmp_path: Path) -> ev.Case:
    folder = tmp_path / "cases" / "tiny"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "annotations.yml").write_text(yaml.safe_dump(ANNOTATIONS), encoding="utf-8")
    return ev.load_case(folder)


def _source(sid: str, text: str) -> Source:
    return Source(id=sid, path=f"seeds/{sid}.txt", format="txt", title=None, outlet=None,
                  url=None, published=None, language="en", text=text,
                  sentences=_sentences(sid, text), summary=[])


def _sentence_of(source: Source, snippet: str) -> Sentence:
    pos = source.text.index(snippet)
    return next(s for s in source.sentences if s.start <= pos < s.end)


def _claim(cid: str, status: str, *where: tuple[Source, str]) -> Claim:
    apps = []
    for src, snippet in where:
        sent = _sentence_of(src, snippet)
        apps.append(Appearance(source=src.id, sentence=sent.id, quote=sent.text,
                               start=sent.start, end=sent.end, attributed_to=None))
    return Claim(id=cid, text=cid, status=status, appearances=apps)


def _mention(actor: str, src: Source, text: str) -> Mention:
    pos = src.text.index(text)
    return Mention(actor=actor, source=src.id, sentence=_sentence_of(src, text).id,
                   start=pos, end=pos + len(text), text=text)


def perfect(a: Source, b: Source) -> Briefing:
    """What a flawless pipeline would produce for the fixture."""
    for src in (a, b):
        for sent in src.sentences:
            sent.truncated = sent.text.endswith("union in")
            sent.boilerplate = sent.text.startswith("Sign up")
    actors = [
        Actor(id="acme", name="Acme Corp", type="organisation", aliases=["Acme"],
              mentions=[_mention("acme", a, "Acme Corp"), _mention("acme", b, "Acme")]),
        Actor(id="roe", name="Jane Roe", type="person", aliases=["Roe"],
              roles=[Role(title="chief executive", organisation="acme", source=a.id,
                          sentence="s1")],
              mentions=[_mention("roe", a, "Jane Roe"), _mention("roe", a, "Roe")]),
        Actor(id="ec", name="European Commission", type="government",
              aliases=["the Commission"]),
    ]
    c200 = _claim("c200", "contested", (a, "would cut 200 jobs"))
    c300 = _claim("c300", "contested", (b, "Acme will cut 300 jobs"))
    c200.conflicts_with, c300.conflicts_with = ["c300"], ["c200"]
    claims = [
        c200, c300,
        _claim("cconf", "single-source", (b, "Jane Roe confirmed")),
        _claim("cprof", "single-source", (a, "profits would fall")),
        _claim("cwatch", "corroborated", (a, "The European Commission said"),
               (a, "The Commission declined")),
    ]
    return Briefing(sources=[a, b], actors=actors, claims=claims, events=[], relations=[])


def perfect_but(a: Source, b: Source, drop: set[str], *claims: Claim) -> Briefing:
    """The flawless briefing with the claims ``drop`` replaced by ``claims``."""
    briefing = perfect(a, b)
    briefing.claims = [c for c in briefing.claims if c.id not in drop] + list(claims)
    return briefing


def score(case: ev.Case, briefing: Briefing) -> dict[str, float | None]:
    docs = ev._documents_directly(case.folder, ["a.txt", "b.txt"])
    by_file = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    # The synthetic sources use the same ids the fallback loader derives from file names.
    assert {d.id for d in docs} == {s.id for s in briefing.sources}
    result = ev.CaseResult(case.name)
    loc = ev.Locator(case, by_file, briefing)
    ev.score_actors(case, briefing, result)
    ev.score_claims(case, loc, briefing, result)
    ev.score_quality(case, loc, briefing, result)
    report = ev.build_report([result], {})
    return {f.metric: f.value for f in report.figures}


@pytest.fixture
def sources() -> tuple[Source, Source]:
    return _source("a", ARTICLE), _source("b", OTHER)


# ------------------------------------------------------------- metric unit tests


def test_perfect_output_scores_one(case: ev.Case, sources: tuple[Source, Source]) -> None:
    figures = score(case, perfect(*sources))
    measured = {m: v for m, v in figures.items() if v is not None}
    assert measured == dict.fromkeys(measured, 1.0)
    for metric in ("actor_precision", "actor_recall", "alias_merge_recall", "role_recall",
                   "role_organisation_recall", "claim_cluster_precision",
                   "claim_cluster_recall", "contested_recall", "truncation_precision",
                   "truncation_recall", "boilerplate_recall", "distinct_kept_apart"):
        assert figures[metric] == 1.0, metric


def test_empty_output_scores_zero_recall(case: ev.Case,
                                         sources: tuple[Source, Source]) -> None:
    empty = Briefing(sources=list(sources), actors=[], claims=[], events=[], relations=[])
    figures = score(case, empty)
    for metric in ("actor_recall", "alias_merge_recall", "role_recall",
                   "claim_cluster_recall", "contested_recall", "truncation_recall",
                   "boilerplate_recall"):
        assert figures[metric] == 0.0, metric
    # Nothing produced, nothing to judge: precision is not measurable, which fails a floor.
    assert figures["actor_precision"] is None
    assert figures["claim_cluster_precision"] is None
    report = ev.build_report([], {"actor_precision": 0.5})
    assert not report.passed


def test_wrong_actor_merge_is_caught(case: ev.Case, sources: tuple[Source, Source]) -> None:
    briefing = perfect(*sources)
    acme, roe, ec = briefing.actors
    acme.aliases.append("European Commission")  # Acme and the Commission as one profile
    briefing.actors = [acme, roe]
    figures = score(case, briefing)
    assert figures["distinct_kept_apart"] == 0.0


def test_extra_actors_lower_precision_but_ignored_ones_do_not(
        case: ev.Case, sources: tuple[Source, Source]) -> None:
    briefing = perfect(*sources)
    briefing.actors.append(Actor(id="mon", name="Monday", type="other"))
    assert score(case, briefing)["actor_precision"] == 1.0
    briefing.actors.append(Actor(id="the", name="The Commission declined", type="other"))
    assert score(case, briefing)["actor_precision"] == pytest.approx(3 / 4)


def test_split_actor_and_missing_alias(case: ev.Case, sources: tuple[Source, Source]) -> None:
    a, b = sources
    briefing = perfect(a, b)
    acme = briefing.actors[0]
    acme.aliases, acme.mentions = [], [_mention("acme", a, "Acme Corp")]
    briefing.actors.append(Actor(id="acme2", name="Acme", type="organisation"))
    figures = score(case, briefing)
    assert figures["alias_merge_recall"] < 1.0
    assert figures["actor_single_profile"] < 1.0
    assert figures["actor_precision"] == 1.0  # both profiles name a real actor


def test_wrong_claim_merge_lowers_precision(case: ev.Case,
                                            sources: tuple[Source, Source]) -> None:
    a, b = sources
    merged = _claim("cm", "single-source", (a, "profits would fall"), (b, "Jane Roe confirmed"))
    figures = score(case, perfect_but(a, b, {"cprof", "cconf"}, merged))
    assert figures["claim_cluster_precision"] == pytest.approx(1 / 2)
    assert figures["claim_cluster_recall"] == 1.0


def test_split_claim_lowers_recall_and_status(case: ev.Case,
                                              sources: tuple[Source, Source]) -> None:
    a, b = sources
    figures = score(case, perfect_but(
        a, b, {"cwatch"},
        _claim("w1", "single-source", (a, "The European Commission said")),
        _claim("w2", "single-source", (a, "The Commission declined")),
    ))
    assert figures["claim_cluster_recall"] == 0.0
    assert figures["claim_status_accuracy"] < 1.0


def test_contradiction_as_one_contested_row_counts(case: ev.Case,
                                                   sources: tuple[Source, Source]) -> None:
    a, b = sources
    one = _claim("c", "contested", (a, "would cut 200 jobs"), (b, "Acme will cut 300 jobs"))
    figures = score(case, perfect_but(a, b, {"c200", "c300"}, one))
    assert figures["contested_recall"] == 1.0
    assert figures["claim_cluster_precision"] == 1.0  # not held against the clustering


def test_unlinked_contradiction_is_missed(case: ev.Case,
                                          sources: tuple[Source, Source]) -> None:
    briefing = perfect(*sources)
    for claim in briefing.claims:
        claim.conflicts_with = []
        if claim.status == "contested":
            claim.status = "single-source"
    figures = score(case, briefing)
    assert figures["contested_recall"] == 0.0
    assert figures["claim_status_accuracy"] < 1.0


def test_false_quality_flags_lower_precision(case: ev.Case,
                                             sources: tuple[Source, Source]) -> None:
    briefing = perfect(*sources)
    for sent in briefing.sources[0].sentences:
        sent.truncated = True
    figures = score(case, briefing)
    assert figures["truncation_recall"] == 1.0
    assert figures["truncation_precision"] < 0.5


def test_boilerplate_in_a_claim_is_caught(case: ev.Case,
                                          sources: tuple[Source, Source]) -> None:
    a, b = sources
    briefing = perfect(a, b)
    briefing.claims.append(_claim("bp", "single-source", (a, "Sign up")))
    assert score(case, briefing)["boilerplate_kept_out"] == 0.0


def test_role_needs_the_right_title_and_organisation(
        case: ev.Case, sources: tuple[Source, Source]) -> None:
    briefing = perfect(*sources)
    roe = briefing.actors[1]
    roe.roles = [Role(title="chief financial officer", organisation="ec", source="a",
                      sentence="s1")]
    figures = score(case, briefing)
    assert figures["role_recall"] == 0.0
    roe.roles = [Role(title="Chief Executive", organisation="ec", source="a", sentence="s1")]
    figures = score(case, briefing)
    assert figures["role_recall"] == 1.0
    assert figures["role_organisation_recall"] == 0.0


def test_normalise_name() -> None:
    assert ev.normalise_name("the U.K.’s AI Security Institute") == "uk ai security institute"
    assert ev.normalise_name("U.S.") == ev.normalise_name("US") == "us"
    assert ev.normalise_name("Anthropic’s") == "anthropic"
    assert ev.normalise_name("Footballers’ Association") == ev.normalise_name(
        "Footballers' Association")
    assert ev.normalise_name("Amodai") != ev.normalise_name("Amodei")


def test_title_matches() -> None:
    assert ev.title_matches("Treasury Secretary", "U.S. Treasury Secretary")
    assert ev.title_matches("ceo", "CEO")
    assert not ev.title_matches("CEO", "CFO")
    assert not ev.title_matches("chief executive", "chief")


def _stub_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain-text loading and an extraction that finds nothing: scoring in isolation."""
    monkeypatch.setattr(ev, "load_documents", lambda c: {
        d.path.rsplit("/", 1)[-1]: d
        for d in ev._documents_directly(c.folder, [s["file"] for s in c.sources])})
    monkeypatch.setattr(ev, "run_pipeline", lambda docs: Briefing(
        sources=[_source(d.id, d.text) for d in docs], actors=[], claims=[], events=[],
        relations=[]))


def test_annotation_errors_are_reported(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _stub_pipeline(monkeypatch)
    folder = tmp_path / "cases" / "bad"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    data = {"sources": ["a.txt"], "truncated": [["a.txt", "not in the text"]]}
    (folder / "annotations.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    report = ev.evaluate(tmp_path / "cases")
    assert not report.passed
    assert any("substring not found" in e for e in report.errors)
    data = {"sources": ["a.txt"], "actors": [{"name": "Acme Corp", "type": "organisation",
                                              "aliases": ["ACME Inc"]}]}
    (folder / "annotations.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    report = ev.evaluate(tmp_path / "cases")
    assert any("'ACME Inc' (Acme Corp) does not occur" in e for e in report.errors)


def test_evaluate_end_to_end_with_floors(case: ev.Case, sources: tuple[Source, Source],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """evaluate() wires loading, scoring and floors together; a crash fails the gate."""
    _stub_pipeline(monkeypatch)
    monkeypatch.setattr(ev, "run_pipeline", lambda docs: perfect(*sources))
    floors = case.folder.parent.parent / "floors.yml"
    floors.write_text("actor_recall: 1.0\nclaim_cluster_recall: 1.0\n", encoding="utf-8")
    report = ev.evaluate(case.folder.parent)
    assert report.passed, ev.format_report(report)
    data = json.loads(ev.format_report(report, as_json=True))
    assert data["metrics"]["actor_recall"] == {"value": 1.0, "hits": 3, "total": 3,
                                               "floor": 1.0, "passed": True}
    text = ev.format_report(report)
    assert re.search(r"actor_recall\s+1\.000\s+1\.00\s+pass", text)

    def crash(docs: object) -> Briefing:
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(ev, "run_pipeline", crash)
    report = ev.evaluate(case.folder.parent)
    assert not report.passed
    assert "stage exploded" in ev.format_report(report)


def test_floor_below_measured_passes_and_above_fails() -> None:
    result = ev.CaseResult("x")
    result.tally("actor_recall").add(True)
    result.tally("actor_recall").add(False, "missed actor: X")
    assert ev.build_report([result], {"actor_recall": 0.5}).passed
    report = ev.build_report([result], {"actor_recall": 0.55})
    assert not report.passed
    assert "missed actor: X" in ev.format_report(report)
