"""The ``briefing`` command: a thin shell over the library API.

Each command parses options, builds a ``Project`` and calls one library
function. Bad input surfaces as ``BriefingError`` and is printed with file and
line, then the command exits non-zero.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.errors import BriefingError
from generator.project import Project


def _progress(stage: str, done: int, total: int) -> None:
    """Progress on stderr, one line per stage (rewritten in place on a terminal)."""
    if total <= 1 and stage != "load":
        return
    tty = sys.stderr.isatty()
    if tty:
        end = "\n" if done == total else ""
        click.echo(f"\r{stage:>9}: {done}/{total}", err=True, nl=False)
        if end:
            click.echo("", err=True)
    elif done == total:
        click.echo(f"{stage:>9}: {done}/{total}", err=True)


def _fail_on_bad_input(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BriefingError as err:
            for problem in err.problems:
                click.secho(str(problem), fg="red" if problem.severity == "error" else "yellow",
                            err=True)
            n = sum(p.severity == "error" for p in err.problems)
            click.echo(f"briefing: {n} error(s); nothing was written.", err=True)
            sys.exit(1)

    return wrapper


def project_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--project / --seeds / --templates / --no-curation, shared by every command."""
    func = click.option(
        "--no-curation",
        is_flag=True,
        help="Ignore seeds/curation/: show the automatic extraction only.",
    )(func)
    func = click.option(
        "--templates",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        help="A folder of your own Jinja2 templates, searched before templates/.",
    )(func)
    func = click.option(
        "--seeds",
        type=click.Path(file_okay=False, path_type=Path),
        help="Read source documents from DIR instead of seeds/.",
        metavar="DIR",
    )(func)
    func = click.option(
        "--project",
        "project_root",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=Path("."),
        show_default=True,
        help="The briefing project folder (the one holding mkdocs.yml).",
    )(func)
    return func


def _project(project_root: Path, seeds: Path | None, templates: Path | None,
             no_curation: bool) -> Project:
    return Project.at(project_root, seeds=seeds, templates=templates,
                      use_curation=not no_curation)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Build a cross-referenced briefing site from the news articles in seeds/.

    \b
    Typical use:
      briefing build            generate docs/ and build the site into site/
      briefing serve            live preview, rebuilt when seeds or templates change
      briefing check            validate seeds and curation, report every problem
      briefing diff main        what an edit changes, claim by claim
    """


@cli.command()
@project_options
@click.option("--no-site", is_flag=True, help="Only generate the Markdown in docs/.")
@click.option("--no-cache", is_flag=True,
              help="Extract and render everything again instead of reusing unchanged results "
                   "from the cache folder (the output is the same).")
@_fail_on_bad_input
def build(project_root: Path, seeds: Path | None, templates: Path | None, no_curation: bool,
          no_site: bool, no_cache: bool) -> None:
    """Generate the Markdown pages in docs/, then build the site into site/.

    Hand-written pages in docs/ are never touched. If anything fails, docs/ and
    site/ are left exactly as they were.
    """
    from generator.site import build_briefing_site

    project = _project(project_root, seeds, templates, no_curation)
    result = build_briefing_site(project, progress=_progress, site=not no_site,
                                 use_cache=not no_cache)
    click.echo(result.summary())


@cli.command()
@project_options
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="HOST:PORT",
              help="Address to serve the preview on.")
@_fail_on_bad_input
def serve(project_root: Path, seeds: Path | None, templates: Path | None, no_curation: bool,
          dev_addr: str) -> None:
    """Live preview: regenerates and reloads when seeds, curation or templates change."""
    from generator.site import serve_briefing

    serve_briefing(_project(project_root, seeds, templates, no_curation), dev_addr=dev_addr,
                   progress=_progress)


@cli.command()
@project_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("briefing.json"), show_default=True,
              help="Where to write the JSON (use - for standard output).")
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write sources.csv, actors.csv, claims.csv, events.csv into DIR.")
@_fail_on_bad_input
def export(project_root: Path, seeds: Path | None, templates: Path | None, no_curation: bool,
           output: Path, csv_dir: Path | None) -> None:
    """Export sources, actors, claims and events as JSON (schema: generator/schema/)."""
    from generator.export import export_briefing
    from generator.pipeline import make_briefing

    briefing = make_briefing(_project(project_root, seeds, templates, no_curation), _progress)
    export_briefing(briefing, output, csv_dir=csv_dir)
    if str(output) != "-":
        click.echo(f"wrote {output}", err=True)


@cli.command()
@project_options
@click.option("--format", "fmt", type=click.Choice(["text", "github"]), default="text",
              show_default=True, help="github prints workflow annotations.")
@click.option("--no-build", is_flag=True, help="Skip the strict MkDocs build.")
def check(project_root: Path, seeds: Path | None, templates: Path | None, no_curation: bool,
          fmt: str, no_build: bool) -> None:
    """Validate seeds, metadata and curation; render and strictly build; report every problem."""
    from generator.check import format_problems, run_check

    problems = run_check(_project(project_root, seeds, templates, no_curation),
                         build=not no_build)
    click.echo(format_problems(problems, fmt), nl=False)
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


@cli.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--project", "project_root", type=click.Path(file_okay=False, exists=True,
              path_type=Path), default=Path("."), show_default=True,
              help="The briefing project folder (a git work tree for revisions).")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)
@_fail_on_bad_input
def diff(base: str, head: str | None, project_root: Path, fmt: str) -> None:
    """Show what changed in the briefing between BASE and HEAD, claim by claim.

    BASE and HEAD are git revisions or exported JSON files. Without HEAD the
    working tree is compared with BASE.
    """
    from generator.diff import diff_briefings, format_diff, load_side

    old = load_side(base, Path(project_root))
    new = load_side(head, Path(project_root))
    click.echo(format_diff(diff_briefings(old, new), fmt), nl=False)


@cli.command(name="eval")
@click.option("--cases", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of annotated cases (default: tests/eval/cases).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_command(cases: Path | None, as_json: bool) -> None:
    """Print extraction quality figures against the annotated cases and their floors."""
    from generator.evaluation import evaluate, format_report

    report = evaluate(cases)
    click.echo(format_report(report, as_json=as_json))
    if not report.passed:
        sys.exit(1)


@cli.command()
@project_options
@_fail_on_bad_input
def dist(project_root: Path, seeds: Path | None, templates: Path | None,
         no_curation: bool) -> None:
    """Write dist/briefing-site.zip, dist/briefing.html and dist/briefing.pdf."""
    from generator.dist import make_dist

    for path in make_dist(_project(project_root, seeds, templates, no_curation),
                          progress=_progress):
        click.echo(f"wrote {path}")


def main() -> None:
    cli(prog_name="briefing")
