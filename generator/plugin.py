"""The briefing as an MkDocs plugin, so plain ``mkdocs build`` / ``mkdocs serve`` run it.

``on_pre_build`` regenerates the generated pages in docs/ (before MkDocs collects its files);
``on_serve`` adds seeds/ and templates/ to the files the dev server watches. The generator
only writes pages whose bytes changed, so the dev server's rebuild after our own writes
finds nothing to change and settles: no rebuild loop.

``on_config`` / ``on_files`` add the vendored iframe-worker shim (from the npm package
``iframe-worker``, licence kept) as a polyfill: with Material's ``offline`` plugin the built
site then works opened from disk, search included, with no request to another host.

``briefing build`` runs MkDocs itself on a staging copy of docs/ that it has already
generated; it suspends the plugin for that build (``generation_suspended``).

mkdocs.yml::

    plugins:
      - briefing:            # all options optional
          seeds: seeds       # folder of source documents
          templates: null    # a folder of your own templates, searched before templates/
          curation: true     # apply seeds/curation/
          cache: true        # reuse unchanged extractions and pages from the cache folder
"""

from __future__ import annotations

import logging
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.errors import BriefingError
from generator.project import Project

log = logging.getLogger("mkdocs.plugins.briefing")
_state = threading.local()


@contextmanager
def generation_suspended() -> Iterator[None]:
    """Within this block the plugin does not regenerate docs/ (``briefing build`` did)."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


_override: list[Project] = []


@contextmanager
def project_override(project: Project) -> Iterator[None]:
    """Use this Project (from ``briefing serve`` options) instead of the plugin's config."""
    _override.append(project)
    try:
        yield
    finally:
        _override.pop()


class BriefingConfig(Config):
    seeds = c.Type(str, default="seeds")
    templates = c.Optional(c.Type(str))
    curation = c.Type(bool, default=True)
    cache = c.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def project(self, config: Any) -> Project:
        if _override:
            base = _override[-1]
        else:
            root = Path(config.config_file_path).resolve().parent
            base = Project.at(root, seeds=root / self.config.seeds,
                              templates=root / self.config.templates if self.config.templates
                              else None, use_curation=self.config.curation)
        return replace(base, docs_dir=Path(config.docs_dir).resolve())

    def on_config(self, config: Any) -> Any:
        from generator.dist import SHIM_URL

        polyfills = config.extra.setdefault("polyfills", [])
        if SHIM_URL not in polyfills:
            polyfills.append(SHIM_URL)
        return config

    def on_files(self, files: Any, *, config: Any) -> Any:
        from mkdocs.structure.files import File

        from generator.dist import SHIM, SHIM_LICENCE, SHIM_URL

        for src, uri in ((SHIM, SHIM_URL), (SHIM_LICENCE, SHIM_URL.rsplit("/", 1)[0] + "/LICENSE")):
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(src)))
        return files

    def on_pre_build(self, *, config: Any) -> None:
        if getattr(_state, "suspended", False):
            return
        from generator.site import generate_docs

        try:
            result = generate_docs(self.project(config), use_cache=self.config.cache)
        except BriefingError as err:
            raise PluginError(f"briefing: {err}") from err
        log.info("briefing: %d pages (%d written, %d removed)", result.pages,
                 len(result.written), len(result.removed))

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        """Material's edit button on a generated page opens the file it comes from."""
        url = edit_url(page.meta.get("edit_path"), config.get("repo_url"),
                       config.get("edit_uri"), config.get("edit_uri_template"))
        if url is not None:
            page.edit_url = url
        return markdown

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        project = self.project(config)
        for folder in (project.seeds_dir, project.templates_dir, project.override_templates):
            if folder is not None and folder.exists():
                server.watch(str(folder))
        return server


def edit_url(path: object, repo_url: str | None, edit_uri: str | None,
             edit_uri_template: str | None = None) -> str | None:
    """The edit link of a generated page whose front matter names ``edit_path`` (the seed or
    curation file behind it, relative to docs/), built the way MkDocs builds one for a
    hand-written page (``repo_url`` + ``edit_uri`` + path), with the ``..`` resolved.

    None (MkDocs' own edit_url stays) when mkdocs.yml sets no edit_uri or the page has no
    ``edit_path``; an ``edit_path`` that is not a plain relative path is ignored.
    """
    if not isinstance(path, str) or not path or "\\" in path or path.startswith("/"):
        return None
    if not (edit_uri or edit_uri_template):
        return None
    if edit_uri_template:
        target = edit_uri_template.format(path=path, path_noext=posixpath.splitext(path)[0])
    else:
        target = edit_uri + path if edit_uri.endswith("/") else f"{edit_uri}/{path}"
    base = urljoin(repo_url.rstrip("/") + "/", target) if repo_url else target
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    clean = posixpath.normpath(parts.path)
    return urlunsplit((parts.scheme, parts.netloc, clean, parts.query, parts.fragment))
