"""Shared fixtures: project copies to build in, and a real Chromium driven by Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_project(dest: Path, seeds: Path | None = None) -> Path:
    """A throwaway copy of the project (config, templates, hand-written docs, seeds) to build in.

    Tests never build into the repository's own docs/ or site/.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "templates", dest / "templates")
    shutil.copytree(seeds or REPO / "seeds", dest / "seeds")
    docs = dest / "docs"
    docs.mkdir()
    manifest = REPO / "docs" / ".generated.json"
    generated = set()
    if manifest.exists():
        import json

        generated = set(json.loads(manifest.read_text(encoding="utf-8")).get("files", []))
    for path in (REPO / "docs").rglob("*"):
        rel = path.relative_to(REPO / "docs").as_posix()
        if path.is_file() and rel not in generated and rel != ".generated.json":
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    return dest


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@dataclass
class PageWatch:
    """What a page did that a user would notice or a security reviewer would flag."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _is_local(url: str, allowed_prefixes: tuple[str, ...]) -> bool:
    return url.startswith(("file://", "data:", "blob:", "about:")) or url.startswith(
        allowed_prefixes
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(
                f"{CHROMIUM} is missing: CI must install Debian's chromium (.ci/system-deps)"
            )
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):  # noqa: ANN001 - playwright types are optional
    """open_page(url, allowed=("http://127.0.0.1:PORT",)) -> (page, watch).

    Every request to a host outside ``allowed`` is recorded and aborted, so a test
    proves the page makes none; console errors, uncaught exceptions and dialogs
    (alert/confirm/prompt) are recorded too.
    """
    contexts = []

    def _open(url: str, allowed: tuple[str, ...] = ()):  # noqa: ANN202
        context = browser.new_context()
        contexts.append(context)
        watch = PageWatch()

        def route(route):  # noqa: ANN001, ANN202
            if _is_local(route.request.url, allowed):
                route.continue_()
            else:
                watch.external_requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on(
            "console",
            lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

        def on_dialog(dialog):  # noqa: ANN001, ANN202
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return page, watch

    yield _open
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------------------------
# Built sites served over HTTP (browser and hostile-input tests)


@dataclass
class BuiltSite:
    """A project copy whose site was built, plus the export data of that same copy."""

    root: Path
    data: dict  # the `briefing export` JSON of this copy, parsed
    warnings: list[str] = field(default_factory=list)

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def build_site_copy(dest: Path, seeds: Path | None = None) -> BuiltSite:
    """Copy the project (optionally with other seeds), build its site, export its data."""
    import json

    from generator.export import briefing_to_json
    from generator.pipeline import make_briefing
    from generator.project import Project
    from generator.site import build_briefing_site

    root = copy_project(dest, seeds=seeds)
    result = build_briefing_site(Project.at(root))
    data = json.loads(briefing_to_json(make_briefing(Project.at(root))))
    return BuiltSite(root=root, data=data, warnings=list(result.warnings))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        return None


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on http://127.0.0.1:<free port> in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[object]:
    """serve_dir(path) -> "http://127.0.0.1:PORT"; every server stops at the end of the session."""
    with ExitStack() as stack:
        yield lambda directory: stack.enter_context(serve_directory(Path(directory)))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built once per session from the repository's own seeds, in a tmp copy."""
    return build_site_copy(tmp_path_factory.mktemp("seed-site") / "project")
