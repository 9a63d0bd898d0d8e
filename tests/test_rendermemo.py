"""The render memo (issue 7): never stale, and actually used.

Every test renders twice with the memo: once to fill it, then after a change, and compares
the second result with a render without the memo (``cache=None``). A memo that served an
old page for anything a page shows (a seed, a template, an included template, curation, the
name of a linked actor, the page a linked claim is on, the glossary, the generator version)
fails here. Tests also check that unchanged jobs are served from the memo, so they exercise
it rather than a memo that is always missed.
"""

from __future__ import annotations

import inspect
import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from briefing_builder import mention_in  # noqa: E402
from conftest import copy_project  # noqa: E402
from fixtures.briefing_fixture import fixture_briefing  # noqa: E402

import generator.render as render_module  # noqa: E402
import generator.rendermemo as memo_module  # noqa: E402
from generator.models import Briefing, Claim  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.render import Reader, load_templates, make_environment, render_pages  # noqa: E402
from generator.rendermemo import RecordingReader, RenderCache  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _templates(folder: Path | None = None):  # noqa: ANN202
    if folder is None:
        return load_templates(Project.at(REPO))
    return make_environment([folder, REPO / "templates"])


def _twice(tmp_path: Path, before: Briefing, after: Briefing, templates: object = None,
           change: Callable[[], object] | None = None, **kw: object) -> RenderCache:
    """Render ``before`` with a fresh memo, apply ``change``, render ``after`` with it: the
    pages must equal a render of ``after`` without the memo."""
    templates = templates or _templates()
    memo = RenderCache(tmp_path / "memo", "test")
    first = render_pages(before, templates, cache=memo, **kw)
    assert first == render_pages(before, templates, **kw)
    if change is not None:
        templates = change() or templates
    memo = RenderCache(tmp_path / "memo", "test")
    assert render_pages(after, templates, cache=memo, **kw) == render_pages(after, templates,
                                                                            **kw)
    return memo


def _with_actor(briefing: Briefing, actor_id: str, **changes: object) -> Briefing:
    actors = [replace(a, **changes) if a.id == actor_id else a for a in briefing.actors]
    return replace(briefing, actors=actors)


def test_a_warm_memo_serves_every_memoisable_job_and_the_same_pages(tmp_path: Path) -> None:
    memo = _twice(tmp_path, fixture_briefing(), fixture_briefing())
    assert memo.stats.hits > 0 and memo.stats.recorded == 0
    assert memo.stats.plain == 2  # home and methodology read the whole briefing


def test_how_objects_share_strings_does_not_matter(tmp_path: Path) -> None:
    """Extractions from worker processes and from the cache share strings differently: equal
    briefings must be served from the memo all the same."""
    def copied(text: str) -> str:
        return "".join(list(text))  # equal, but another object

    before = fixture_briefing()
    sources = [replace(s, sentences=[replace(x, source=copied(x.source)) for x in s.sentences])
               for s in before.sources]
    claims = [replace(c, appearances=[replace(a, source=copied(a.source))
                                      for a in c.appearances]) for c in before.claims]
    memo = _twice(tmp_path, before, replace(before, sources=sources, claims=claims))
    assert memo.stats.recorded == 0 and memo.stats.hits > 0


def test_renaming_an_actor_renders_every_page_that_links_to_it(tmp_path: Path) -> None:
    before = fixture_briefing()
    after = _with_actor(before, "maria-lind", name="Maria Lindqvist")
    memo = _twice(tmp_path, before, after)
    assert memo.stats.hits > 0 and memo.stats.recorded > 0
    pages = render_pages(after, _templates())
    assert "Maria Lindqvist" in pages["sources/harbour-post-1.md"]


def test_a_new_mention_of_an_actor_is_shown_and_other_pages_are_served(tmp_path: Path) -> None:
    """A source page shows only an actor's id, type and link label: adding a mention to the
    actor elsewhere changes its profile (rendered again) but not a page that only lists it."""
    before = fixture_briefing()
    source = next(s for s in before.sources if s.id == "coast-daily-2")
    lind = next(a for a in before.actors if a.id == "maria-lind")
    extra = mention_in("maria-lind", source.sentences[0], source.sentences[0].text.split()[0])
    after = _with_actor(before, "maria-lind", mentions=[*lind.mentions, extra])
    memo = _twice(tmp_path, before, after)
    assert memo.stats.hits > 0 and memo.stats.recorded > 0


def test_a_claim_moving_to_another_table_page_updates_every_link_to_it(tmp_path: Path) -> None:
    before = fixture_briefing()
    first = min(before.claims, key=render_module.claim_order)
    # A new claim sorting first pushes every other claim one row down, onto other pages.
    new = Claim("a-first", "A new claim sorts first.", first.status,
                appearances=list(first.appearances), actors=list(first.actors))
    after = replace(before, claims=[new, *before.claims])
    _twice(tmp_path, before, after, page_size=1)


def test_editing_a_claim_text_and_status_shows_everywhere(tmp_path: Path) -> None:
    before = fixture_briefing()
    claims = [replace(c, text=c.text + " Indeed.", status="single-source")
              if c.id == before.claims[0].id else c for c in before.claims]
    _twice(tmp_path, before, replace(before, claims=claims))


def test_a_new_acronym_in_the_glossary_is_defined_on_pages_already_served(
        tmp_path: Path) -> None:
    before = fixture_briefing()
    ministry = next(a for a in before.actors if a.id == "ministry-of-environment")
    # "ME" now expands to the ministry: Maria Lind's page, which names "ME" and nothing
    # else about the ministry, gets the abbreviation.
    before = _with_actor(before, "maria-lind", description="Spoke to ME on Monday.")
    after = _with_actor(before, ministry.id, aliases=[*ministry.aliases, "ME"])
    _twice(tmp_path, before, after)
    assert "*[ME]: Ministry of Environment" in render_pages(
        after, _templates())["actors/maria-lind.md"]


def test_changing_a_template_renders_its_pages_again(tmp_path: Path) -> None:
    override = tmp_path / "override"
    override.mkdir()
    shutil.copy(REPO / "templates" / "source.md.j2", override / "source.md.j2")
    env = _templates(override)

    def edit() -> object:
        path = override / "source.md.j2"
        path.write_text(path.read_text() + "\nEdited template.\n")
        return _templates(override)  # a new environment, as a new run would have

    memo = _twice(tmp_path, fixture_briefing(), fixture_briefing(), env, edit)
    assert memo.stats.recorded == len(fixture_briefing().sources)


def test_changing_an_included_template_renders_the_pages_that_include_it(
        tmp_path: Path) -> None:
    override = tmp_path / "override"
    override.mkdir()
    shutil.copy(REPO / "templates" / "actor_items.md.j2", override / "actor_items.md.j2")

    def edit() -> object:
        path = override / "actor_items.md.j2"
        path.write_text("Included template edited.\n" + path.read_text())
        return _templates(override)

    memo = _twice(tmp_path, fixture_briefing(), fixture_briefing(), _templates(override), edit)
    assert memo.stats.recorded == len(fixture_briefing().actors)
    assert "Included template edited." in render_pages(
        fixture_briefing(), _templates(override))["actors/maria-lind.md"]


@pytest.mark.parametrize("body", [
    "{{ actors[0][0] }}",  # the object itself, printed
    '{% set f = "ro" ~ "les" %}{{ [actors[0][0]]|map(attribute=f)|first|length }}',
    "{{ actors[0][0] == actors[0][0] }}",
])
def test_a_template_using_more_of_an_actor_than_it_names_is_not_memoised(
        tmp_path: Path, body: str) -> None:
    """Such a template reads fields the memo's summary leaves out: the job is rendered without
    the memo (same pages as ever), never served from a summary that misses the change."""
    override = tmp_path / "override"
    override.mkdir()
    (override / "source.md.j2").write_text("# {{ source.id }}\n\n" + body + "\n")
    before = fixture_briefing()
    # the first actor listed on both source pages loses its role: "roles" is not named
    after = _with_actor(before, "maria-lind", roles=[])
    assert all(render_module.Reader(render_module.build_index(before, 200)).source_actors(
        s.id)[0][0].id == "maria-lind" for s in before.sources)
    memo = _twice(tmp_path, before, after, _templates(override))
    assert memo.stats.recorded == 0 or memo.stats.plain > 2


def test_a_template_reading_the_index_is_rendered_every_time(tmp_path: Path) -> None:
    override = tmp_path / "override"
    override.mkdir()
    (override / "source.md.j2").write_text(
        "# {{ source.id }}\n\n{{ ix.actors|length }} actors; {{ L.ix }}\n")
    before = fixture_briefing()
    after = replace(before, actors=before.actors[:-1])
    memo = _twice(tmp_path, before, after, _templates(override))
    assert "source" in memo.stats.reasons


def test_an_environment_with_its_own_globals_is_not_memoised(tmp_path: Path) -> None:
    """The memo knows the generator's filters and globals; anything else may read anything."""
    clock = iter(range(100))
    env = _templates(tmp_path)
    env.globals["tick"] = lambda: next(clock)
    (tmp_path / "source.md.j2").write_text("# {{ source.id }} {{ tick() }}\n")
    memo = RenderCache(tmp_path / "memo", "env")
    first = render_pages(fixture_briefing(), env, cache=memo)
    second = render_pages(fixture_briefing(), env, cache=RenderCache(tmp_path / "memo", "env"))
    assert first != second  # the second run ticked on: nothing was served from a memo
    assert not memo.path.exists()


def test_another_generator_version_starts_a_new_memo(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    templates = _templates()
    render_pages(fixture_briefing(), templates, cache=RenderCache(tmp_path, "v"))
    monkeypatch.setattr(memo_module, "generator_fingerprint", lambda: "another version")
    memo = RenderCache(tmp_path, "v")
    assert render_pages(fixture_briefing(), templates, cache=memo) == render_pages(
        fixture_briefing(), templates)
    assert memo.stats.hits == 0


def test_a_corrupt_or_foreign_memo_is_an_empty_one(tmp_path: Path) -> None:
    templates = _templates()
    memo = RenderCache(tmp_path, "bad")
    render_pages(fixture_briefing(), templates, cache=memo)
    data = pickle.loads(memo.path.read_bytes())
    broken = dict(data, jobs={job: (entry[0], b"\xff\xff\xff\xff", entry[2])
                              for job, entry in data["jobs"].items()})
    for junk in (b"not a pickle", pickle.dumps({"header": "someone else's"}),
                 pickle.dumps(broken), pickle.dumps(dict(data, facts=None))):
        memo.path.parent.mkdir(parents=True, exist_ok=True)
        memo.path.write_bytes(junk)
        assert render_pages(fixture_briefing(), templates, cache=memo) == render_pages(
            fixture_briefing(), templates)


def test_a_changed_fact_in_a_memo_is_not_trusted(tmp_path: Path) -> None:
    """A page whose recorded fact no longer holds is rendered: flip one stored summary."""
    templates = _templates()
    memo = RenderCache(tmp_path, "f")
    pages = render_pages(fixture_briefing(), templates, cache=memo)
    data = pickle.loads(memo.path.read_bytes())
    index = next(i for i, (key, _) in enumerate(data["facts"]) if key[0] == "actor_name")
    key, _ = data["facts"][index]
    data["facts"][index] = (key, "Someone Else")
    memo.path.write_bytes(pickle.dumps(data))
    memo = RenderCache(tmp_path, "f")
    assert render_pages(fixture_briefing(), templates, cache=memo) == pages
    assert memo.stats.recorded > 0


def test_the_recording_reader_offers_every_read_and_nothing_else() -> None:
    """Page producers read the briefing only through Reader; the recording reader must record
    each of those reads (a Reader method it lacked would be read unrecorded, or fail)."""
    def public(cls: type) -> set[str]:
        return {n for n, v in vars(cls).items() if not n.startswith("_") and inspect.isfunction(v)}

    assert public(Reader) == public(RecordingReader)
    assert public(Reader) - {"template_variables", "claim_rows", "whole_briefing"} == set(
        memo_module.RAW_READS) | set(memo_module.VIEWED_READS)


def test_rendering_on_both_cores_with_the_memo(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    before = fixture_briefing()
    after = _with_actor(before, "ola-berg", name="Ola Berger")
    memo = _twice(tmp_path, before, after)
    assert memo.stats.hits > 0


def test_all_jobs_on_both_cores_keep_their_claim_table_rows(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """When the jobs to render are mostly table pages, they all go to worker processes; the
    claim-table rows those render come back into the memo."""
    calls: list[int] = []

    def workers(jobs: int) -> int:  # item jobs alone: one process; all jobs: two
        calls.append(jobs)
        return 1 if len(calls) % 2 else 2

    monkeypatch.setattr(render_module, "_render_workers", workers)
    before = fixture_briefing()
    first = min(before.claims, key=render_module.claim_order)
    new = Claim("a-first", "A new claim sorts first.", first.status,
                appearances=list(first.appearances), actors=list(first.actors))
    memo = _twice(tmp_path, before, replace(before, claims=[new, *before.claims]), page_size=1)
    assert memo.stats.hits > 0
    rows = pickle.loads(memo.path.read_bytes())["rows"]
    assert {claim_id for claim_id, _ in rows} >= {c.id for c in before.claims
                                                   if not c.conflicts_with}


# ------------------------------------------------------------- the pipeline, end to end


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return Project.at(copy_project(tmp_path / "project"))


def _generate(project: Project, use_cache: bool = True) -> dict[str, str]:
    from generator.site import generate_pages

    return generate_pages(project, use_cache=use_cache)[1]


def _seed(project: Project) -> Path:
    return sorted(project.seeds_dir.glob("*.txt"))[0]


@pytest.mark.parametrize("edit", ["append", "replace"])
def test_editing_a_seed_gives_the_pages_of_a_build_from_scratch(project: Project,
                                                               edit: str) -> None:
    _generate(project)
    seed = _seed(project)
    text = seed.read_text(encoding="utf-8")
    if edit == "append":
        text += "\nThe regulator said on Friday it would review the plan.\n"
    else:  # change a sentence that names actors: their mentions and claims change
        first = text.split(".")[0]
        text = text.replace(first, first + " and the Westmere Harbour Board", 1)
    seed.write_text(text, encoding="utf-8")
    assert _generate(project) == _generate(project, use_cache=False)


def test_editing_curation_gives_the_pages_of_a_build_from_scratch(project: Project) -> None:
    _generate(project)
    curation = project.curation_dir / "actors.yml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(
        "rename: Donald Trump", "rename: Donald J. Trump"), encoding="utf-8")
    pages = _generate(project)
    assert pages == _generate(project, use_cache=False)
    assert any("Donald J. Trump" in text for text in pages.values())


def test_a_sidecar_added_beside_a_seed_is_named_on_its_page(project: Project) -> None:
    _generate(project)
    seed = _seed(project)
    seed.with_suffix(".yml").write_text("outlet: Harbour Gazette\n", encoding="utf-8")
    assert _generate(project) == _generate(project, use_cache=False)


def test_without_the_cache_nothing_is_written_to_the_cache_folder(project: Project,
                                                                 tmp_path: Path) -> None:
    _generate(project, use_cache=False)
    assert not (tmp_path / "cache").exists()
    _generate(project)
    assert list((tmp_path / "cache" / "render").glob("*.pickle"))


def test_build_no_cache_writes_no_cache_and_the_same_pages(project: Project,
                                                           tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    args = ["build", "--project", str(project.root), "--no-site"]
    result = CliRunner().invoke(cli, [*args, "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "cache").exists()
    docs = project.docs_dir
    assert docs is not None
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "0 written" in result.output and list((tmp_path / "cache" / "render").glob("*"))
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before


def test_a_one_seed_edit_rewrites_only_the_pages_it_changes(project: Project) -> None:
    """Unchanged pages are neither rendered again (the memo serves them) nor rewritten."""
    from generator.site import build_briefing_site

    build_briefing_site(project, site=False)
    docs = project.docs_dir
    assert docs is not None
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    stamps = {p: p.stat().st_mtime_ns for p in before}
    seed = _seed(project)
    seed.write_text(seed.read_text(encoding="utf-8")
                    + "\nThe regulator said on Friday it would review the plan.\n",
                    encoding="utf-8")
    result = build_briefing_site(project, site=False)
    changed = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")
               if p not in before or p.read_bytes() != before[p]}
    assert set(result.written) == changed and changed
    for path, stamp in stamps.items():
        if path.relative_to(docs).as_posix() not in changed and path.exists():
            assert path.stat().st_mtime_ns == stamp, path


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    folder = tmp_path / "memo"
    folder.write_text("a file where the cache folder should be")
    memo = RenderCache(folder, "ro")
    assert render_pages(fixture_briefing(), _templates(), cache=memo) == render_pages(
        fixture_briefing(), _templates())
    assert not memo.stats.saved
