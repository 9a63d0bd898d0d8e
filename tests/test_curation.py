"""Every curation action an analyst can take, applied to a hand-built briefing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from briefing_fixture import make_briefing

from generator.curation import apply_curation, curate, load_curation, read_curation
from generator.errors import BriefingError, Problem
from generator.models import Briefing
from generator.project import Project


def write_curation(root: Path, **files: str) -> Project:
    folder = root / "seeds" / "curation"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return Project.at(root)


def curated(tmp_path: Path, **files: str) -> Briefing:
    curation = load_curation(write_curation(tmp_path, **files))
    assert curation is not None
    return apply_curation(make_briefing(), curation)


def problems_of(tmp_path: Path, **files: str) -> list[Problem]:
    """Problems from validation and, if the files are valid, from applying them."""
    curation, problems = read_curation(write_curation(tmp_path, **files))
    if curation is not None and not any(p.severity == "error" for p in problems):
        problems += curate(make_briefing(), curation)[1]
    return problems


def claim(briefing: Briefing, claim_id: str):  # noqa: ANN201 - a Claim
    return next(c for c in briefing.claims if c.id == claim_id)


def actor_ids(briefing: Briefing) -> set[str]:
    return {a.id for a in briefing.actors}


# --------------------------------------------------------------------- sources


def test_source_metadata_and_reliability(tmp_path: Path) -> None:
    b = curated(tmp_path, sources="""
        - match: a.txt            # by file name
          title: Acme opens a plant
          outlet: Example Gazette
          published: 2025-04-14
          url: https://example.org/acme
          reliability: B
        """)
    a = b.source("a-1")
    assert (a.title, a.outlet, a.published, a.url, a.reliability) == (
        "Acme opens a plant", "Example Gazette", "2025-04-14", "https://example.org/acme", "B")
    assert b.source("b-2").title is None


def test_source_matched_by_id(tmp_path: Path) -> None:
    b = curated(tmp_path, sources="- match: b-2\n  outlet: Other Daily\n")
    assert b.source("b-2").outlet == "Other Daily"


def test_no_curation_files_means_none(tmp_path: Path) -> None:
    assert load_curation(Project.at(tmp_path)) is None


def test_commented_template_is_empty_curation(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="# only comments\n", claims="# nothing yet\n")
    assert b.claims == make_briefing().claims
    assert b.warnings == []


# ---------------------------------------------------------------------- actors


def test_rename_keeps_id_and_old_name_as_alias(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="""
        - match: Acme Corp
          rename: Acme Corporation
          type: organisation
          description: Maker of everything.
        """)
    acme = b.actor("acme-corp")
    assert acme.name == "Acme Corporation"
    assert acme.description == "Maker of everything."
    assert "Acme Corp" in acme.aliases


def test_set_type_by_alias_match(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="- match: acme\n  type: media\n")  # alias, any case
    assert b.actor("acme-corp").type == "media"


def test_merge_actors_rewrites_references(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="""
        - match: ministry-of-industry
          merge: [Industry]
        """)
    assert "industry" not in actor_ids(b)
    ministry = b.actor("ministry-of-industry")
    assert {m.text for m in ministry.mentions} == {"Ministry of Industry", "Industry"}
    assert "Industry" in ministry.aliases
    assert all(m.actor == "ministry-of-industry" for m in ministry.mentions)


def test_merge_redirects_claims_and_relations(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="- match: acme-corp\n  merge: [jane-doe]\n")
    assert "jane-doe" not in actor_ids(b)
    jobs = claim(b, "c-jobs")
    assert jobs.actors == ["acme-corp"]
    assert {a.attributed_to for a in jobs.appearances} == {"acme-corp"}
    # jane-doe leads acme-corp became a self-relation: dropped, not kept as a loop
    assert all(r.subject != r.object for r in b.relations)
    assert all("jane-doe" not in (r.subject, r.object) for r in b.relations)


def test_split_undoes_a_wrong_merge(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="""
        - match: jane-doe
          split:
            - name: John Doe
              type: person
              aliases: [Doe]
        """)
    jane, john = b.actor("jane-doe"), b.actor("john-doe")
    assert [m.text for m in jane.mentions] == ["Jane Doe"]
    assert [(m.source, m.text, m.actor) for m in john.mentions] == [("b-2", "Doe", "john-doe")]
    assert "Doe" not in jane.aliases
    jobs = claim(b, "c-jobs")
    by_source = {a.source: a.attributed_to for a in jobs.appearances}
    assert by_source == {"a-1": "jane-doe", "b-2": "john-doe"}
    assert {"jane-doe", "john-doe"} <= set(jobs.actors)
    assert jane.roles and jane.roles[0].title == "chief executive"  # role stays with Jane


def test_add_and_remove_aliases(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="""
        - match: acme-corp
          add_aliases: [Acme Inc, the company]
          remove_aliases: [acme]          # any case
        """)
    assert b.actor("acme-corp").aliases == ["Acme Inc", "the company"]


def test_drop_false_actor(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="- match: Critics\n  drop: true\n")
    assert "critics" not in actor_ids(b)
    never = claim(b, "c-never")
    assert never.actors == []
    assert never.appearances[0].attributed_to is None


# ---------------------------------------------------------------------- claims


def test_merge_claim_clusters_makes_corroborated(tmp_path: Path) -> None:
    before = make_briefing()
    assert claim(before, "c-open-a").status == "single-source"
    b = curated(tmp_path, claims="""
        - match: c-open-a
          merge:
            - source: b.txt
              quote: Acme will build a new factory in Lyon
        """)
    merged = claim(b, "c-open-a")
    assert {a.source for a in merged.appearances} == {"a-1", "b-2"}
    assert merged.status == "corroborated"
    assert "c-open-b" not in {c.id for c in b.claims}


def test_split_claim_cluster_and_mark_contradicting(tmp_path: Path) -> None:
    b = curated(tmp_path, claims="""
        - match: c-jobs
          split:
            - text: The plant would employ 300 workers
              appearances:
                - source: b-2
                  quote: employ 300 workers
          contradicts:
            - The plant would employ 300 workers
        """)
    jobs = claim(b, "c-jobs")
    new = next(c for c in b.claims if c.text == "The plant would employ 300 workers")
    assert [a.source for a in jobs.appearances] == ["a-1"]
    assert [a.source for a in new.appearances] == ["b-2"]
    assert new.id.startswith("c-") and new.id != "c-jobs"
    assert jobs.conflicts_with == [new.id] and new.conflicts_with == ["c-jobs"]
    assert jobs.status == new.status == "contested"


def test_note_reword_and_credibility(tmp_path: Path) -> None:
    b = curated(tmp_path, claims="""
        - match: {source: a-1, quote: "it will open a factory in Lyon"}
          text: Acme plans a factory in Lyon
          note: Company statement, not yet confirmed by the city.
          credibility: 3
        """)
    c = claim(b, "c-open-a")
    assert (c.text, c.note, c.credibility) == (
        "Acme plans a factory in Lyon", "Company statement, not yet confirmed by the city.", 3)


def test_quote_matches_across_quote_marks_and_spacing(tmp_path: Path) -> None:
    # the source has curly quotes around “never open”; the analyst typed straight ones
    b = curated(tmp_path, claims="""
        - match: {source: b-2, quote: 'factory will  "never open"'}
          credibility: 5
        """)
    assert claim(b, "c-never").credibility == 5


def test_consistent_with_removes_a_false_contradiction(tmp_path: Path) -> None:
    b = curated(tmp_path, claims="""
        - match: c-open-a
          contradicts: [c-never]
        - match: c-open-b
          contradicts: [c-never]
        - match: c-never
          consistent_with: [c-open-b]
        """)
    assert claim(b, "c-never").conflicts_with == ["c-open-a"]
    assert claim(b, "c-open-b").status == "single-source"


def test_drop_claim(tmp_path: Path) -> None:
    b = curated(tmp_path, claims="- match: c-never\n  drop: true\n")
    assert "c-never" not in {c.id for c in b.claims}


def test_add_missed_claim(tmp_path: Path) -> None:
    b = curated(tmp_path, claims="""
        - add: The ministry welcomed the plan
          note: Missed by extraction.
          appearances:
            - source: a-1
              quote: The Ministry of Industry welcomed the plan
              attributed_to: Ministry of Industry
        """)
    new = next(c for c in b.claims if c.text == "The ministry welcomed the plan")
    app = new.appearances[0]
    assert (app.source, app.sentence, app.attributed_to) == ("a-1", "s3", "ministry-of-industry")
    assert b.source("a-1").text[app.start:app.end] == app.quote
    assert "ministry-of-industry" in new.actors and new.status == "single-source"


def test_curation_does_not_mutate_input() -> None:
    from generator.curation import Curation

    original = make_briefing()
    apply_curation(original, Curation())
    assert original == make_briefing()


# ---------------------------------------------------------------- reporting


def test_unmatched_entry_is_a_warning_in_build(tmp_path: Path) -> None:
    b = curated(tmp_path, actors="""
        - match: Acme Corp
          type: organisation
        - match: Nobody Atall
          type: person
        """)
    assert len(b.warnings) == 1
    assert "seeds/curation/actors.yml:4" in b.warnings[0]  # line 1 is blank
    assert "Nobody Atall" in b.warnings[0]


def test_paraphrased_quote_is_an_error_with_line(tmp_path: Path) -> None:
    project = write_curation(tmp_path, claims="""
        - match: c-jobs
          note: fine
        - match:
            source: a-1
            quote: the plant will hire 500 staff
          note: paraphrase
        """)
    curation = load_curation(project)
    with pytest.raises(BriefingError) as err:
        apply_curation(make_briefing(), curation)
    [problem] = err.value.problems
    assert problem.path == "seeds/curation/claims.yml"
    assert problem.line == 6
    assert "quote not found" in problem.message


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("actors", "- match: acme\n  renam: Acme Inc\n", 2, ["unknown key 'renam'", "rename"]),
        ("actors", "- match: acme\n  type: company\n", 2, ["'type' must be one of"]),
        ("actors", "- match: acme\n  merge: Industry\n", 2, ["'merge' must be a list"]),
        ("actors", "- type: person\n", 1, ["no 'match'"]),
        ("sources", "- match: a.txt\n  reliability: G\n", 2, ["'reliability' must be one of"]),
        ("sources", "- match: a.txt\n  published: 14 April\n", 2, ["YYYY-MM-DD"]),
        ("sources", "- match: a.txt\n  url: javascript:alert(1)\n", 2, ["http"]),
        ("claims", "- match: c-jobs\n  credibility: 7\n", 2, ["credibility"]),
        ("claims", "- match: c-jobs\n  credibility: true\n", 2, ["credibility"]),
        ("claims", "- match: c-jobs\n  add: x\n", 1, ["exactly one of"]),
        ("claims", "- add: New claim\n", 1, ["needs 'appearances'"]),
        ("claims", "- match: {source: a-1}\n  note: x\n", 1, ["either 'quote' or 'sentence'"]),
        ("claims", "- match: c-jobs\n  split:\n    - text: x\n      appearances:\n"
                   "        - {source: a-1, qoute: y}\n", 5, ["unknown key 'qoute'", "quote"]),
        ("claims", "- match: c-jobs\n  note: a\n- match: c-jobs\n  note: b\n", 3,
         ["duplicate entry", "line 1"]),
        ("claims", "match: c-jobs\n", 1, ["must be a list of entries"]),
        # the bracket left open on line 2, not the end of file where YAML noticed it
        ("claims", "- match: c-jobs\n  note: [unclosed\n", 2, ["invalid YAML"]),
        ("claims", "- match: !!python/object:os.system c-jobs\n", 1, ["not allowed"]),
    ],
)
def test_invalid_curation_reports_file_and_line(tmp_path: Path, name: str, text: str, line: int,
                                                words: list[str]) -> None:
    problems = [p for p in problems_of(tmp_path, **{name: text}) if p.severity == "error"]
    assert problems, "expected an error"
    first = problems[0]
    assert first.path == f"seeds/curation/{name}.yml"
    assert first.line == line
    shown = f"{first.message} {first.hint}"
    for word in words:
        assert word in shown
    with pytest.raises(BriefingError):
        load_curation(Project.at(tmp_path))


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, actors="- match: a\n  tipe: person\n",
                           claims="- match: c-jobs\n  credibilty: 2\n- match: c-x\n  nte: y\n")
    assert sorted((p.path.rsplit("/", 1)[1], p.line) for p in problems) == [
        ("actors.yml", 2), ("claims.yml", 2), ("claims.yml", 4)]


def test_ambiguous_name_is_reported(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, actors="""
        - match: acme-corp
          add_aliases: [Lyon]
        - match: Lyon
          type: place
        """)
    assert [(p.line, p.severity) for p in problems] == [(4, "warning")]
    assert "several actors" in problems[0].message
