"""``briefing dist``: the three offline artefacts under ``dist/``.

- ``briefing-site.zip``: the Material site built with Material's ``offline``
  plugin (``use_directory_urls: false``, the search index inlined as a script),
  with the vendored iframe-worker shim named in ``extra.polyfills`` so the
  plugin does not add its CDN copy. Opened from disk it makes no request to
  another host, search included.
- ``briefing.html``: one self-contained file (``generator.printdoc``).
- ``briefing.pdf``: WeasyPrint's rendering of that same HTML.

Everything is built in memory or in a temporary folder first; the three files
are then written next to their targets and renamed into place, so a failure
anywhere leaves the previous ``dist/`` exactly as it was. Outputs are
byte-identical for the same inputs: the zip has sorted entries and fixed
timestamps, MkDocs runs with ``SOURCE_DATE_EPOCH`` fixed (sitemap dates, gzip
headers), the PDF has no creation date and a content-derived identifier.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import BriefingError, Problem
from generator.models import Briefing
from generator.project import Project
from generator.site import MkdocsWarnings

Progress = Callable[[str, int, int], None]

VENDOR_DIR = Path(__file__).resolve().parent / "assets" / "vendor"
SHIM = VENDOR_DIR / "iframe-worker" / "shim.js"
SHIM_LICENCE = VENDOR_DIR / "iframe-worker" / "LICENSE"
SHIM_URL = "assets/vendor/iframe-worker/shim.js"  # relative to the site root
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no build time leaks in
BUILD_EPOCH = "315532800"  # 1980-01-01, for MkDocs' sitemap dates and gzip headers
ARTEFACTS = ("briefing-site.zip", "briefing.html", "briefing.pdf")


def _quiet(stage: str, done: int, total: int) -> None:
    return None


# ----------------------------------------------------------------- offline site


def offline_overrides(config_file: Path, site_dir: Path, docs_dir: Path | None = None) -> dict:
    """MkDocs config overrides that turn the project's mkdocs.yml into the offline build.

    Derived from mkdocs.yml (read with MkDocs' own YAML loader, so ``INHERIT``,
    ``!ENV`` and ``!!python/name`` work) rather than copied: the plugin list and
    ``extra`` are kept and extended, never replaced.
    """
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fd:
        raw = yaml_load(fd)
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = {**plugins, "offline": plugins.get("offline") or {}}
    else:
        names = [p if isinstance(p, str) else next(iter(p)) for p in plugins]
        plugins = list(plugins) + ([] if "offline" in names else ["offline"])
    extra = dict(raw.get("extra") or {})
    polyfills = [p for p in extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    extra["polyfills"] = [*polyfills, SHIM_URL]
    overrides: dict = {
        "plugins": plugins,
        "extra": extra,
        "use_directory_urls": False,
        "site_dir": str(site_dir),
    }
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    return overrides


@contextlib.contextmanager
def _fixed_build_date() -> Iterator[None]:
    """MkDocs stamps sitemap.xml and its gzip header with the build date unless this is set."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = old or BUILD_EPOCH
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def build_offline_site(project: Project, site_dir: Path, docs_dir: Path | None = None) -> Path:
    """Build the offline variant of the site into ``site_dir`` (strict: warnings fail).

    ``docs_dir`` defaults to the one in mkdocs.yml. The vendored shim and its
    licence are copied in after the build (MkDocs empties ``site_dir`` first).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = project.root / "mkdocs.yml"
    if not config_file.is_file():
        raise BriefingError(Problem(
            path=project.relative(config_file), message="mkdocs.yml not found",
            hint="run briefing dist from the project folder, or pass --project DIR"))
    from generator.plugin import generation_suspended

    overrides = offline_overrides(config_file, site_dir, docs_dir)
    with _mkdocs_warnings() as warnings:
        try:
            # the docs are already generated (stage_offline_docs): the briefing plugin
            # must not regenerate them into the project's docs/ during this build
            with _fixed_build_date(), generation_suspended():
                config = load_config(str(config_file), strict=True, **overrides)
                build(config)
        except (MkDocsException, OSError, ValueError) as err:
            warnings.append(str(err))
    if warnings:
        raise BriefingError([
            Problem(path=project.relative(config_file),
                    message=f"offline site build failed: {message}",
                    hint="`briefing build` shows the same problem; dist/ is unchanged")
            for message in dict.fromkeys(warnings)
        ])
    # 404.html is served by a web server for missing pages and uses root-absolute URLs
    # (there is no site_url): from disk nothing ever shows it, and its links would be broken
    (site_dir / "404.html").unlink(missing_ok=True)
    target = site_dir / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)
    shutil.copyfile(SHIM_LICENCE, target.parent / "LICENSE")
    return site_dir


@contextlib.contextmanager
def _mkdocs_warnings() -> Iterator[list[str]]:
    """Collect MkDocs' warnings (strict mode turns them into a failed build)."""
    handler = MkdocsWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def zip_folder(folder: Path) -> bytes:
    """A deterministic zip of ``folder``: sorted POSIX names, fixed dates and modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever machine builds it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def stage_offline_docs(project: Project, briefing: Briefing, staging: Path,
                       progress: Progress = _quiet) -> None:
    """docs/ as ``briefing build`` would leave it for this briefing, copied into ``staging``.

    The offline site must show the same briefing as the HTML and PDF next to it,
    so its pages are rendered from this run's briefing (hand-written pages are
    taken from docs/ as they are). The project's own docs/ is not touched; a
    hand-written page where a generated one must go is the same error as in
    ``briefing build``.
    """
    from generator.render import load_templates, render_pages
    from generator.site import plan_docs, stage_docs

    docs_dir = project.docs_dir or project.root / "docs"
    pages = render_pages(briefing, load_templates(project))
    progress("render", len(pages), len(pages))
    stage_docs(docs_dir, plan_docs(docs_dir, pages), staging)


# ------------------------------------------------------------------------- dist


def _write_atomically(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every file beside its target, then rename them all into place."""
    temps: dict[Path, Path] = {}
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                        suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(name, 0o644)
            temps[target] = Path(name)
        for target, temp in temps.items():
            os.replace(temp, target)
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return list(outputs)


def make_dist(project: Project, progress: Progress = _quiet) -> list[Path]:
    """Build the offline zip, the single-file HTML and the PDF; return the paths written."""
    from generator.pipeline import make_briefing
    from generator.printdoc import render_print_html, write_pdf

    dist_dir = project.dist_dir or project.root / "dist"
    briefing = make_briefing(project, progress)
    html = render_print_html(briefing, project)
    progress("dist", 1, 3)
    with tempfile.TemporaryDirectory(prefix="briefing-dist-") as tmp:
        work = Path(tmp)
        pdf = work / "briefing.pdf"
        write_pdf(html, pdf)
        progress("dist", 2, 3)
        docs = work / "docs"
        stage_offline_docs(project, briefing, docs, progress)
        site = build_offline_site(project, work / "site", docs)
        outputs = {
            dist_dir / "briefing-site.zip": zip_folder(site),
            dist_dir / "briefing.html": html.encode("utf-8"),
            dist_dir / "briefing.pdf": pdf.read_bytes(),
        }
    written = _write_atomically(outputs)
    progress("dist", 3, 3)
    return written
