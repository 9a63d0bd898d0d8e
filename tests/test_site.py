"""Stage 5: docs/ written atomically beside hand-written pages, strict site build, no leaks.

Every test builds in a throwaway copy of the project (conftest.copy_project), never in the
repository's own docs/ or site/.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import copy_project

sys.path.insert(0, str(Path(__file__).parent))
from fixtures.briefing_fixture import HOSTILE, fixture_briefing, hostile_briefing  # noqa: E402

from generator.errors import BriefingError  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.render import load_templates, render_pages  # noqa: E402
from generator.site import MANIFEST, build_briefing_site, publish  # noqa: E402

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
VENV_BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under the folders with its content hash (and the folders' existence)."""
    state = {}
    for folder in folders:
        state[str(folder)] = "present" if folder.exists() else "absent"
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if path.is_file():
                state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.at(copy_project(tmp_path / "project", seeds=CORPUS))


def fixture_pages(project: Project, briefing=None) -> dict[str, str]:
    return render_pages(briefing or fixture_briefing(), load_templates(project))


# ------------------------------------------------------------------ end to end


def test_build_from_seeds_generates_pages_and_keeps_hand_written(project: Project) -> None:
    about = (project.docs_dir / "about.md").read_bytes()
    result = build_briefing_site(project)
    site = project.site_dir
    for page in ["index.html", "claims.html", "timeline.html", "network.html",
                 "methodology.html", "sources/index.html", "actors/index.html", "about.html",
                 "sources/001-harbour.html", "sources/002-coast.html",
                 "search/search_index.json"]:
        assert (site / page).is_file(), page
    assert (project.docs_dir / "about.md").read_bytes() == about
    manifest = json.loads((project.docs_dir / MANIFEST).read_text())["files"]
    assert "about.md" not in manifest and "claims.md" in manifest
    assert sorted(manifest) == sorted(
        p.relative_to(project.docs_dir).as_posix() for p in project.docs_dir.rglob("*.md")
        if p.name != "about.md")
    assert "2 sources" in result.summary() and "site: built" in result.summary()
    # every sentence of every source has its stable anchor in the built page
    html = (site / "sources" / "002-coast.html").read_text()
    assert 'id="002-coast-s1"' in html and 'id="002-coast-s3"' in html


def test_unchanged_pages_are_not_rewritten(project: Project) -> None:
    build_briefing_site(project)
    stamps = {p: p.stat().st_mtime_ns for p in project.docs_dir.rglob("*.md")}
    time.sleep(0.05)
    result = build_briefing_site(project)
    assert result.written == [] and result.removed == []
    assert {p: p.stat().st_mtime_ns for p in project.docs_dir.rglob("*.md")} == stamps


def test_failed_site_build_leaves_docs_and_site_unchanged(project: Project, tmp_path: Path
                                                          ) -> None:
    build_briefing_site(project)
    (project.seeds_dir / "003_new.txt").write_text("The council met on Friday. It voted.\n")
    before = snapshot(project.docs_dir, project.site_dir)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    # renders fine, but the strict MkDocs build fails on the broken link
    (overrides / "methodology.md.j2").write_text("# Method\n\nSee [the missing page](nope.md).\n")
    broken = Project.at(project.root, seeds=project.seeds_dir, templates=overrides)
    with pytest.raises(BriefingError) as err:
        build_briefing_site(broken)
    assert "nope.md" in str(err.value)
    assert snapshot(project.docs_dir, project.site_dir) == before
    # a template that does not even compile fails earlier, with the same guarantee
    (overrides / "methodology.md.j2").write_text("# Method\n\n{% if %}\n")
    with pytest.raises(BriefingError) as err:
        build_briefing_site(broken)
    assert err.value.problems[0].path.endswith("methodology.md.j2")
    assert err.value.problems[0].line == 3
    assert snapshot(project.docs_dir, project.site_dir) == before
    assert not [p for p in project.root.iterdir() if p.name.startswith(".briefing-")]


def test_hand_written_page_in_the_way_is_an_error(project: Project) -> None:
    (project.docs_dir / "claims.md").write_text("# My own claims page\n")
    before = snapshot(project.docs_dir)
    with pytest.raises(BriefingError) as err:
        build_briefing_site(project)
    assert err.value.problems[0].path == "docs/claims.md"
    assert "hand-written" in err.value.problems[0].message
    assert snapshot(project.docs_dir) == before
    assert not project.site_dir.exists()


def test_stale_generated_pages_go_hand_written_pages_stay(project: Project) -> None:
    pages = fixture_pages(project)
    publish(project, pages, site=False)
    docs = project.docs_dir
    (docs / "notes.md").write_text("# Notes\n")  # hand-written, never in the manifest
    # the user took over a generated page by removing its marker: it becomes theirs
    taken = docs / "actors" / "westmere.md"
    taken.write_text("# Westmere, by hand\n")
    fewer = {p: t for p, t in pages.items()
             if p not in {"actors/ola-berg.md", "actors/westmere.md"}}
    result = publish(project, fewer, site=False)
    assert result.removed == ["actors/ola-berg.md"]
    assert not (docs / "actors" / "ola-berg.md").exists()
    assert taken.read_text() == "# Westmere, by hand\n"
    assert (docs / "notes.md").read_text() == "# Notes\n"
    assert (docs / "about.md").exists()


# ------------------------------------------------------------------ injection


class Audit(HTMLParser):
    """Flags anything in built HTML that could run script, load a resource or fake markup."""

    LOADS = {"script": "src", "img": "src", "iframe": "src", "embed": "src", "source": "src",
             "video": "src", "audio": "src", "object": "data", "link": "href", "image": "href",
             "use": "href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key, value in values.items():
            if key.startswith("on"):
                self.problems.append(f"<{tag} {key}=...>")
            if key in {"href", "src", "action", "formaction", "data", "xlink:href", "srcset"} \
                    and re.sub(r"\s", "", value).lower().startswith(
                        ("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {key}={value!r}>")
        if tag in {"img", "iframe", "embed", "object", "b", "frame", "base"}:
            self.problems.append(f"<{tag}> element")
        load = values.get(self.LOADS.get(tag, ""), "") or values.get("srcset", "")
        if re.match(r"\s*(https?:)?//", load):
            self.external.append(f"<{tag}> {load}")
        if re.search(r"url\(\s*['\"]?\s*(https?:)?//", values.get("style", "")):
            self.external.append(f"<{tag} style> {values['style']}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script" and "alert" in data:
            self.problems.append(f"script runs data: {data[:60]!r}")
        self.text.append(data)


def audit(path: Path) -> Audit:
    parser = Audit()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_hostile_briefing_builds_to_inert_html(project: Project) -> None:
    pages = fixture_pages(project, hostile_briefing())
    publish(project, pages)
    site = project.site_dir
    shown = ""
    for path in sorted(site.rglob("*.html")):
        result = audit(path)
        assert result.problems == [], (path, result.problems)
        assert result.external == [], (path, result.external)
        shown += "".join(result.text)
    for value in HOSTILE:
        if "\x02" not in value and "comment" not in value:
            assert value in shown, f"hostile text not shown as text: {value!r}"
    index = (site / "search" / "search_index.json").read_text()
    assert "<script" not in index and "<img" not in index and "<svg" not in index


def test_site_makes_no_request_to_another_host(project: Project) -> None:
    build_briefing_site(project)
    site = project.site_dir
    for path in site.rglob("*.html"):
        assert audit(path).external == [], path
    for path in site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        assert not re.search(r"(url\(\s*['\"]?|@import\s+['\"]?)(https?:)?//", css), path
    assert not re.search(r"https?://", (site / "assets" / "js" / "tablesort.js").read_text())
    assert "fonts.googleapis" not in (site / "index.html").read_text()


# ------------------------------------------------------------------ the plugin


def test_plain_mkdocs_build_runs_the_generator(project: Project) -> None:
    run = subprocess.run([str(VENV_BIN / "mkdocs"), "build", "--strict"], cwd=project.root,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (project.docs_dir / "claims.md").is_file()
    assert (project.site_dir / "sources" / "001-harbour.html").is_file()
    assert (project.docs_dir / "about.md").is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(predicate, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_serve_settles_and_regenerates_when_a_seed_changes(project: Project) -> None:
    log = project.root / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(VENV_BIN / "briefing"), "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"],
            cwd=project.root, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert _wait_for(lambda: "Serving on" in log.read_text(), 120), log.read_text()
        time.sleep(4)  # our own writes to docs/ may cause one rebuild, then nothing
        builds = log.read_text().count("Documentation built")
        assert builds <= 2, log.read_text()
        time.sleep(3)
        assert log.read_text().count("Documentation built") == builds, log.read_text()
        (project.seeds_dir / "003_new.txt").write_text(
            "The regional council met on Friday in Westmere. It voted for a review.\n")
        assert _wait_for(lambda: (project.docs_dir / "sources" / "003-new.md").is_file(), 60), \
            log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
