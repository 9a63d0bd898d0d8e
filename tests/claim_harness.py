"""The harness shared by the held-out claim dev sets (``test_claims_dev*.py``).

A dev set is a folder of articles under ``tests/fixtures/`` (two outlets per story, files
named ``STORY_OUTLET.txt``) plus pairs of sentences a reader expects to cluster, to stay
apart or to be contested. All articles of a folder go through the real pipeline together,
so a claim from one story clustering with another story is caught too.

A :data:`Ref` locates a sentence by a verbatim snippet that occurs once in one article; a
check passes when the claims holding the two sentences relate as stated.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from generator.models import Appearance, Briefing, Claim, ClaimCandidate

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Ref = tuple[str, str]  # (file, snippet)
Pair = tuple[Ref, Ref]


@cache
def run_folder(folder: str) -> tuple[Briefing, dict[str, list[ClaimCandidate]]]:
    """The folder's briefing (no curation) and each file's claim candidates before clustering."""
    from generator.crossref import cross_reference
    from generator.extract import extract_source
    from generator.load import load_seeds
    from generator.project import Project

    with tempfile.TemporaryDirectory(prefix=f"{folder}-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            shutil.copy2(path, seeds / path.name)
        docs = load_seeds(Project.at(tmp, seeds=seeds, use_curation=False))
    extractions = [extract_source(doc) for doc in docs]
    candidates = {
        doc.path.rsplit("/", 1)[-1]: list(ex.claims)
        for doc, ex in zip(docs, extractions, strict=True)
    }
    return cross_reference(extractions), candidates


def pair_id(pair: Pair) -> str:
    """The story (file name up to ``_``) and the first 30 characters of the first snippet."""
    return f"{pair[0][0].split('_')[0]}:{pair[0][1][:30]}"


def ref_id(ref: Ref) -> str:
    return f"{ref[0]}:{ref[1][:30]}"


@dataclass
class ClaimDevSet:
    """One dev folder's expected pairs, and the standard checks run against them.

    ``known_gaps`` holds ``kind:pair_id`` keys (kind: together, apart, contested; or
    ``not_contested:ref_id`` for one sentence) the
    system does not meet yet: strict xfails, so a fix shows up as a failure until the key
    is taken off. With ``contested_needs_link`` a contested pair must be two claims linked
    both ways; without it one contested claim holding both sentences also counts.
    """

    folder: str
    together: list[Pair]
    apart: list[Pair]
    contested: list[Pair]
    not_contested: list[Ref] = field(default_factory=list)
    known_gaps: set[str] = field(default_factory=set)
    contested_needs_link: bool = False

    @property
    def path(self) -> Path:
        return FIXTURES / self.folder

    # -------------------------------------------------------------- looking things up

    def briefing(self) -> Briefing:
        return run_folder(self.folder)[0]

    def sentence(self, ref: Ref) -> tuple[str, str]:
        """(source id, sentence id) of the sentence holding the snippet."""
        file, snippet = ref
        text = (self.path / file).read_text(encoding="utf-8")
        assert text.count(snippet) == 1, f"snippet not unique in {file}: {snippet!r}"
        offset = text.index(snippet)
        source = next(s for s in self.briefing().sources if s.path.endswith("/" + file))
        sentence = next(s for s in source.sentences if s.start <= offset < s.end)
        return source.id, sentence.id

    def claims_of(self, ref: Ref) -> list[Claim]:
        key = self.sentence(ref)
        return [c for c in self.briefing().claims
                if any((a.source, a.sentence) == key for a in c.appearances)]

    def appearance(self, ref: Ref) -> Appearance:
        key = self.sentence(ref)
        found = [a for c in self.claims_of(ref) for a in c.appearances
                 if (a.source, a.sentence) == key]
        assert found, f"no claim for {ref}"
        return found[0]

    def candidate(self, ref: Ref) -> ClaimCandidate:
        """The claim candidate extracted from the sentence holding the snippet."""
        _source, sentence = self.sentence(ref)
        found = [c for c in run_folder(self.folder)[1][ref[0]]
                 if c.appearance.sentence == sentence]
        assert found, f"no candidate for {ref}"
        return found[0]

    def ids(self, ref: Ref) -> set[str]:
        ids = {c.id for c in self.claims_of(ref)}
        assert ids, f"no claim for {ref}"
        return ids

    def label(self, ref: Ref) -> str:
        return " | ".join(c.text for c in self.claims_of(ref)) or "(no claim)"

    # -------------------------------------------------------------- the checks

    def check_cluster(self, pair: Pair) -> None:
        a, b = pair
        assert self.ids(a) & self.ids(b), f"{self.label(a)!r} / {self.label(b)!r}"

    def check_apart(self, pair: Pair) -> None:
        a, b = pair
        assert not self.ids(a) & self.ids(b), self.label(a)

    def check_contested(self, pair: Pair) -> None:
        a, b = pair
        ca, cb = self.claims_of(a), self.claims_of(b)
        assert ca and cb
        linked = any(y.id in x.conflicts_with and x.id in y.conflicts_with
                     for x in ca for y in cb)
        same = any(c.status == "contested" for c in ca if c in cb)
        ok = linked if self.contested_needs_link else same or linked
        assert ok, f"{self.label(a)!r} / {self.label(b)!r}"
        assert all(c.status == "contested" for c in ca + cb)

    def check_not_contested(self, ref: Ref) -> None:
        assert all(c.status != "contested" for c in self.claims_of(ref)), self.label(ref)

    def check_no_cluster_mixes_stories(self) -> None:
        story = {p.name: p.name.split("_")[0] for p in self.path.glob("*.txt")}
        by_id = {s.id: story[s.path.rsplit("/", 1)[-1]] for s in self.briefing().sources}
        for claim in self.briefing().claims:
            assert len({by_id[a.source] for a in claim.appearances}) == 1, claim.text

    # -------------------------------------------------------------- as tests

    def cases(self, pairs: list[Pair], kind: str) -> list:
        """One param per pair, id :func:`pair_id`; a strict xfail where ``known_gaps`` says."""
        return [
            pytest.param(p, id=pair_id(p), marks=[pytest.mark.xfail(
                strict=True, reason="known gap, see KNOWN_GAPS")]
                if f"{kind}:{pair_id(p)}" in self.known_gaps else [])
            for p in pairs
        ]

    def ref_cases(self, refs: list[Ref], kind: str) -> list:
        """One param per sentence, id :func:`ref_id`; a strict xfail where ``known_gaps``
        says (key ``kind:ref_id``)."""
        return [
            pytest.param(r, id=ref_id(r), marks=[pytest.mark.xfail(
                strict=True, reason="known gap, see KNOWN_GAPS")]
                if f"{kind}:{ref_id(r)}" in self.known_gaps else [])
            for r in refs
        ]

    def tests(self) -> dict[str, Callable[..., None]]:
        """The standard checks as test functions, to be put in a dev module's namespace
        (``globals().update(DEV.tests())``): ids stay ``test_x[story:snippet]``."""
        dev = self

        @pytest.mark.parametrize("pair", self.cases(self.together, "together"))
        def test_paraphrases_cluster(pair: Pair) -> None:
            dev.check_cluster(pair)

        @pytest.mark.parametrize("pair", self.cases(self.apart, "apart"))
        def test_different_assertions_stay_apart(pair: Pair) -> None:
            dev.check_apart(pair)

        @pytest.mark.parametrize("pair", self.cases(self.contested, "contested"))
        def test_conflicting_values_are_contested(pair: Pair) -> None:
            dev.check_contested(pair)

        def test_no_cluster_mixes_stories() -> None:
            dev.check_no_cluster_mixes_stories()

        tests = {name: test for name, test in locals().items() if name.startswith("test_")}
        if self.not_contested:

            @pytest.mark.parametrize("ref", self.ref_cases(self.not_contested, "not_contested"))
            def test_unrelated_claims_are_not_contested(ref: Ref) -> None:
                dev.check_not_contested(ref)

            tests["test_unrelated_claims_are_not_contested"] = (
                test_unrelated_claims_are_not_contested)
        return tests
