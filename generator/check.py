"""``briefing check``: every problem with seeds, metadata, curation, templates and the site.

Unlike ``build``, which stops at the first stage that fails, check carries on as
far as it can and reports every problem at once, each with file and line, so that
one CI run shows an analyst everything to fix. Curation entries that match nothing
are errors here (in ``build`` they are warnings): a pull request must not leave
stale curation behind.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from generator.errors import BriefingError, Problem
from generator.models import Briefing
from generator.project import Project
from generator.site import MkdocsWarnings

_SEVERITY_ORDER = {"error": 0, "warning": 1}


def _guard(problems: list[Problem], func, *args, **kwargs):  # noqa: ANN001, ANN202
    """Run one stage; a BriefingError becomes problems instead of ending the check."""
    try:
        return func(*args, **kwargs)
    except BriefingError as err:
        problems.extend(err.problems)
        return None


def _briefing(project: Project, problems: list[Problem]) -> Briefing | None:
    """Load what loads, extract and cross-reference it, and apply curation if enabled."""
    from generator.crossref import cross_reference
    from generator.curation import curate, read_curation
    from generator.load import scan_seeds
    from generator.pipeline import extract_all

    loaded = scan_seeds(project)
    problems.extend(loaded.problems)
    curation = None
    if project.use_curation:
        curation, found = read_curation(project)
        problems.extend(found)
        if any(p.severity == "error" for p in found):
            curation = None  # a malformed file: its entries cannot be applied meaningfully
    briefing = _guard(problems, lambda: cross_reference(extract_all(loaded.documents)))
    if briefing is None or curation is None:
        return briefing
    curated, found = curate(briefing, curation)
    # stale curation is an error here, so that a pull request cannot leave it behind
    problems.extend(Problem(p.path, p.message, p.hint, p.line, p.column, "error") for p in found)
    return curated


def _render(project: Project, briefing: Briefing, problems: list[Problem]) -> dict[str, str]:
    from generator.render import load_templates, render_pages

    templates = _guard(problems, load_templates, project)
    if templates is None:
        return {}
    return _guard(problems, render_pages, briefing, templates) or {}


_DOC_FILE = re.compile(r"(?:Doc file|file) '([^']+\.md)'")


def _mkdocs_problem(project: Project, message: str, pages: dict[str, str],
                    briefing: Briefing) -> Problem:
    """Locate an MkDocs warning: on the seed/curation file behind the page if we know it."""
    match = _DOC_FILE.search(message)
    page = match.group(1) if match else None
    origin = source_file_for_page(page, briefing, project) if page in pages else None
    path = origin or (f"docs/{page}" if page else "mkdocs.yml")
    hint = f"in the generated page docs/{page}" if page in pages else ""
    return Problem(path, f"strict MkDocs build: {message.strip()}", hint=hint)


def strict_build(project: Project, pages: dict[str, str], briefing: Briefing) -> list[Problem]:
    """Build the site strictly into a temporary folder: docs/ and site/ are not touched."""
    config_file = project.root / "mkdocs.yml"
    if not config_file.is_file():
        return [Problem(project.relative(config_file), "mkdocs.yml not found",
                        hint="run check from the project folder or pass --project")]
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.plugin import generation_suspended
    from generator.site import plan_docs, stage_docs

    problems: list[Problem] = []
    docs_dir = project.docs_dir or project.root / "docs"
    plan = _guard(problems, plan_docs, docs_dir, pages)  # hand-written page in the way?
    if plan is None:
        return problems
    handler = MkdocsWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as tmp:
        docs, site = Path(tmp) / "docs", Path(tmp) / "site"
        stage_docs(docs_dir, plan, docs)  # docs/ as a build would leave it, in a temp folder
        try:
            with generation_suspended():  # the pages are already generated: no second run
                config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site),
                                     strict=True)
                build(config)
        except MkDocsException as err:
            if not handler.messages:
                problems.append(Problem("mkdocs.yml", f"MkDocs build failed: {err}"))
        except Exception as err:  # noqa: BLE001 - a plugin or theme crash is a problem to report
            problems.append(Problem("mkdocs.yml", f"MkDocs build crashed: {err!r}"))
        finally:
            logger.removeHandler(handler)
    problems += [_mkdocs_problem(project, m, pages, briefing) for m in handler.messages]
    return problems


def source_file_for_page(page: str | None, briefing: Briefing, project: Project) -> str | None:
    """The project-relative file an analyst edits to change a generated page, or None.

    A source page comes from its seed; actor pages from ``actors.yml``; claim pages
    from ``claims.yml`` (the curation files, whether or not they exist yet). Used for
    edit links and to place MkDocs warnings on the file that caused them.
    """
    if not page:
        return None
    from generator.render import actor_page, source_page

    curation = project.relative(project.curation_dir)
    for source in briefing.sources:
        if page == source_page(source.id):
            return source.path
    if page.startswith("actors/") and any(page == actor_page(a.id) for a in briefing.actors):
        return f"{curation}/actors.yml"
    if page.startswith("claims"):
        return f"{curation}/claims.yml"
    if page.startswith("sources"):
        return f"{curation}/sources.yml"
    if page.startswith("actors"):
        return f"{curation}/actors.yml"
    return None


def run_check(project: Project, build: bool = True) -> list[Problem]:
    """Validate everything and (unless ``build`` is False) build strictly; every problem, sorted."""
    problems: list[Problem] = []
    briefing = _briefing(project, problems)
    if briefing is not None:
        pages = _render(project, briefing, problems)
        if build and pages:
            problems += strict_build(project, pages, briefing)
    return sort_problems(problems)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    unique = {(p.path, p.line or 0, p.column or 0, p.severity, p.message, p.hint): p
              for p in problems}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1], k[2],
                                                               _SEVERITY_ORDER.get(k[3], 2),
                                                               k[4], k[5]))]


# --------------------------------------------------------------------------- output


def _escape_data(text: str) -> str:
    """GitHub workflow-command message escaping."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(problem: Problem) -> str:
    level = "error" if problem.severity == "error" else "warning"
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
        if problem.column is not None:
            props.append(f"col={problem.column}")
    props.append(f"title={_escape_property('briefing check')}")
    message = problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def format_problems(problems: list[Problem], fmt: str = "text") -> str:
    """Problems as text for a terminal, or as GitHub workflow annotations; ends with a summary."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    summary = f"{errors} error(s), {warnings} warning(s)" if problems else "no problems found"
    if fmt == "github":
        lines = [_github(p) for p in problems]
        lines.append(f"briefing check: {summary}")
    elif fmt == "text":
        lines = [str(p) for p in problems] + [f"briefing check: {summary}"]
    else:
        raise ValueError(f"unknown format {fmt!r} (text or github)")
    return "\n".join(lines) + "\n"
