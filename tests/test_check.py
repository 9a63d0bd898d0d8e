"""``briefing check``: every problem at once, each on the right file and line."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import format_problems, run_check, source_file_for_page
from generator.cli import cli
from generator.errors import Problem
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
SEED = "003_c2df267b112e1647"


def make_project(tmp_path: Path, **curation: str) -> Path:
    """Seeds and templates copied from the repository, plus the given curation files."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "seeds", root / "seeds", ignore=shutil.ignore_patterns("curation"))
    shutil.copytree(REPO / "templates", root / "templates")
    folder = root / "seeds" / "curation"
    folder.mkdir()
    for name, text in curation.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


def located(problems: list[Problem], prefix: str = "seeds/") -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.severity) for p in problems if p.path.startswith(prefix)]


def test_every_curation_problem_with_file_and_line(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        actors="""
            - match: Thomas Regnier
              type: person
            - match: Nobody In These Articles
              type: person
            - match: Thomas Regnier
              description: duplicate entry
        """,
        claims="""
            - match: {source: 000_2f70732335356d9f.txt, quote: "The EU has banned all AI models"}
              note: a paraphrase, not in the article
        """,
        sources="""
            - match: 000_2f70732335356d9f.txt
              publishd: 2025-04-14
            - match: 999_missing.txt
              reliability: A
        """,
    )
    problems = run_check(Project.at(root), build=False)
    assert located(problems, "seeds/curation/actors.yml") == [
        ("seeds/curation/actors.yml", 5, "error")]  # duplicate: file invalid, nothing applied
    assert located(problems, "seeds/curation/sources.yml") == [
        ("seeds/curation/sources.yml", 2, "error")]
    sources_problem = next(p for p in problems if p.path.endswith("sources.yml"))
    assert "did you mean 'published'" in sources_problem.hint


def test_unmatched_entries_and_quotes_are_errors_in_check(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        actors="""
            - match: Nobody In These Articles
              type: person
        """,
        claims="""
            - match: {source: 000_2f70732335356d9f.txt, quote: "The EU has banned all AI models"}
              note: a paraphrase, not in the article
            - match: c-00000000
              note: stale id
        """,
        sources="""
            - match: 999_missing.txt
              reliability: A
        """,
    )
    problems = run_check(Project.at(root), build=False)
    assert located(problems, "seeds/curation") == [
        ("seeds/curation/actors.yml", 1, "error"),
        ("seeds/curation/claims.yml", 1, "error"),
        ("seeds/curation/claims.yml", 3, "error"),
        ("seeds/curation/sources.yml", 1, "error"),
    ]
    messages = " ".join(p.message for p in problems)
    assert "quote not found" in messages and "matches nothing" in messages


def test_seed_metadata_problems_are_included(tmp_path: Path) -> None:
    root = make_project(tmp_path, claims="- match: c-00000000\n  note: stale\n")
    (root / "seeds" / f"{SEED}.yml").write_text("outlet: Example\ntitel: Typo\n",
                                                encoding="utf-8")
    problems = run_check(Project.at(root), build=False)
    paths = {(p.path, p.line) for p in problems if p.severity == "error"}
    assert (f"seeds/{SEED}.yml", 2) in paths  # unknown key in the sidecar
    assert ("seeds/curation/claims.yml", 1) in paths  # and the curation problem, in one run


def test_template_error_is_reported_with_line(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    template = root / "templates" / "home.md.j2"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "{% if %}")
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = run_check(Project.at(root), build=False)
    assert [(p.path.endswith("templates/home.md.j2"), p.line) for p in problems
            if "home.md.j2" in p.path] == [(True, 2)]


def test_check_cli_exit_status_and_github_format(tmp_path: Path) -> None:
    root = make_project(tmp_path, actors="- match: Nobody In These Articles\n  type: person\n")
    result = CliRunner().invoke(cli, ["check", "--project", str(root), "--no-build",
                                      "--format", "github"])
    assert result.exit_code == 1
    assert "::error file=seeds/curation/actors.yml,line=1,title=briefing check::" in result.output


def test_format_problems_escapes_github_commands() -> None:
    problem = Problem("seeds/a,b:c.yml", "bad 50%\nsecond line", hint="fix it", line=3,
                      column=4)
    out = format_problems([problem], "github")
    first = out.splitlines()[0]
    assert first == ("::error file=seeds/a%2Cb%3Ac.yml,line=3,col=4,title=briefing check::"
                     "bad 50%25%0Asecond line%0Ahint: fix it")
    warning = format_problems([Problem("x.yml", "w", severity="warning")], "github")
    assert warning.startswith("::warning file=x.yml,title=briefing check::w\n")


def test_format_problems_text() -> None:
    out = format_problems([Problem("seeds/x.yml", "broken", hint="mend it", line=2)], "text")
    assert out == ("seeds/x.yml:2: error: broken\n  hint: mend it\n"
                   "briefing check: 1 error(s), 0 warning(s)\n")
    assert format_problems([], "text") == "briefing check: no problems found\n"


def test_source_file_for_page() -> None:
    from briefing_fixture import make_briefing

    from generator.render import actor_page, source_page

    project = Project.at(REPO)
    briefing = make_briefing()
    assert source_file_for_page(source_page("a-1"), briefing, project) == "seeds/a.txt"
    assert source_file_for_page(actor_page("jane-doe"), briefing, project) == \
        "seeds/curation/actors.yml"
    assert source_file_for_page("claims.md", briefing, project) == "seeds/curation/claims.yml"
    assert source_file_for_page("methodology.md", briefing, project) is None


@pytest.mark.slow
def test_repository_passes_full_check() -> None:
    """The project as committed (seeds, curation, templates, strict build) has no problems."""
    problems = run_check(Project.at(REPO), build=True)
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.mark.slow
def test_strict_build_failure_is_reported(tmp_path: Path) -> None:
    from conftest import copy_project

    root = copy_project(tmp_path / "p")
    (root / "docs" / "notes.md").write_text("# Notes\n\nSee [gone](missing-page.md).\n",
                                           encoding="utf-8")
    problems = run_check(Project.at(root), build=True)
    assert any(p.severity == "error" and "missing-page.md" in p.message for p in problems)
    assert not (root / "site").exists()  # the strict build went into a temporary folder
