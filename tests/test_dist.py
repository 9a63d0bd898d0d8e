"""``briefing dist``: the offline zip, the single-file HTML and the PDF, from the real seeds.

The browser tests open the artefacts the way a reader without network would:
from disk, through file://, in Debian's Chromium, with every request to a host
recorded and refused.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import copy_project

from generator.dist import ARTEFACTS, SHIM, SHIM_URL, make_dist
from generator.errors import BriefingError
from generator.models import Briefing
from generator.pipeline import make_briefing
from generator.project import Project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, list[Path], Briefing]:
    root = copy_project(tmp_path_factory.mktemp("dist") / "project")
    project = Project.at(root)
    written = list(make_dist(project))
    return project, written, make_briefing(project)


@pytest.fixture(scope="module")
def site(built: tuple[Project, list[Path], Briefing],
         tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, _, _ = built
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(project.root / "dist" / "briefing-site.zip") as archive:
        archive.extractall(folder)
    return folder


class Refs(HTMLParser):
    """(tag, attribute, value) of every reference in a page, and every id it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "xlink:href"):
                self.refs.append((tag, name, value))
            if name in ("id", "name"):
                self.ids.add(value)


def refs_of(page: Path) -> Refs:
    parser = Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


# ------------------------------------------------------------------------ artefacts


def test_dist_writes_the_three_artefacts(built: tuple[Project, list[Path], Briefing]) -> None:
    project, written, _ = built
    assert [p.name for p in written] == list(ARTEFACTS)
    for path in written:
        assert path.parent == project.root / "dist" and path.stat().st_size > 1000
    assert sorted(p.name for p in (project.root / "dist").iterdir()) == sorted(ARTEFACTS)
    assert (project.root / "dist" / "briefing.pdf").read_bytes().startswith(b"%PDF-")
    # docs/ holds only the hand-written pages it had: dist renders into a staging copy
    assert not (project.root / "docs" / "index.md").exists()


def test_same_seeds_same_bytes(built: tuple[Project, list[Path], Briefing]) -> None:
    project, written, _ = built
    before = {p.name: p.read_bytes() for p in written}
    again = make_dist(project)
    assert {p.name: p.read_bytes() for p in again} == before


def test_zip_is_deterministic_and_carries_the_vendored_shim(
        built: tuple[Project, list[Path], Briefing]) -> None:
    project, _, _ = built
    with zipfile.ZipFile(project.root / "dist" / "briefing-site.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read(SHIM_URL) == SHIM.read_bytes()
        assert "MIT" in archive.read(str(Path(SHIM_URL).parent / "LICENSE")).decode()
        assert "search/search_index.js" in names  # the offline plugin inlined the index
        index = archive.read("index.html").decode()
    assert '<script src="assets/vendor/iframe-worker/shim.js">' in index
    assert "unpkg" not in index


def test_offline_pages_load_nothing_from_another_host(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        for tag, attr, value in refs_of(page).refs:
            if tag == "a":
                continue  # a link is followed only on a click; loads are what matter offline
            assert not re.match(r"(?i)^(https?:)?//", value), f"{page.name}: <{tag} {attr}={value}>"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^)'\"]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"(?i)^(https?:)?//", url), f"{css.name}: {url}"


def test_no_broken_internal_link(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        refs = refs_of(page)
        ids[page] = refs.ids
        for tag, attr, value in refs.refs:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("//") or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    for page in sorted(site.rglob("*.html")):
        for _, _, value in refs_of(page).refs:
            parts = urlsplit(value)
            if parts.scheme or not parts.fragment or not (parts.path or "").endswith(".html"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target in ids and unquote(parts.fragment) not in ids[target]:
                broken.append(f"{page.relative_to(site)}: #{parts.fragment} missing in {value}")
    assert broken == []


def test_failure_leaves_previous_dist_untouched(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    dist = root / "dist"
    dist.mkdir()
    for name in ARTEFACTS:
        (dist / name).write_bytes(b"previous " + name.encode())
    # a page that the nav needs but nobody writes: the strict offline build fails late,
    # after the HTML and PDF were made
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - About: about.md", "  - About: about.md\n  - Missing: missing.md"), encoding="utf-8")
    with pytest.raises(BriefingError) as err:
        make_dist(Project.at(root))
    assert "missing.md" in str(err.value)
    assert sorted(p.name for p in dist.iterdir()) == sorted(ARTEFACTS)  # no temp files left
    for name in ARTEFACTS:
        assert (dist / name).read_bytes() == b"previous " + name.encode()


# -------------------------------------------------------------------------- browser


def an_alias(briefing: Briefing) -> tuple[str, str]:
    """(alias, actor id): an alias that is not part of the actor's name if there is one
    ("U.K." for "United Kingdom"), else a shorter form ("Bessent" for "Scott Bessent")."""
    candidates = [
        (alias.casefold() in actor.name.casefold(), -len(actor.mentions), actor.id, alias)
        for actor in briefing.actors for alias in actor.aliases
        if len(alias) >= 3 and alias.casefold() != actor.name.casefold()
        and not any(alias in other.aliases or alias == other.name
                    for other in briefing.actors if other is not actor)
    ]
    if not candidates:
        pytest.fail("the seeds give no actor with an alias: extraction regressed")
    _, _, actor_id, alias = min(candidates)
    return alias, actor_id


@pytest.mark.browser
def test_offline_site_search_finds_an_actor_by_alias(site: Path, open_page,  # noqa: ANN001
                                                     built: tuple[Project, list[Path], Briefing]
                                                     ) -> None:
    alias, actor_id = an_alias(built[2])
    page, watch = open_page((site / "index.html").as_uri())
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(alias, delay=20)
    result = page.locator(f".md-search-result__item a[href*='actors/{actor_id}']").first
    result.wait_for(state="attached", timeout=15000)
    result.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and f"actors/{actor_id}.html" in page.url
    assert watch.external_requests == []
    assert watch.console_errors == [] and watch.page_errors == []


@pytest.mark.browser
def test_each_kind_of_offline_page_opens_cleanly(site: Path, open_page) -> None:  # noqa: ANN001
    """One page of each kind (the static crawl above covers every link of every page)."""
    kinds = [site / n for n in ("index.html", "claims.html", "network.html", "timeline.html")]
    kinds += [min((site / folder).glob("*.html")) for folder in ("sources", "actors")]
    for html in kinds:
        page, watch = open_page(html.as_uri())
        assert page.locator("article svg.actor-network").count() == (html.name == "network.html")
        assert watch.external_requests == [], html
        assert watch.console_errors == [] and watch.page_errors == [], (html, watch)
        page.context.close()


@pytest.mark.browser
def test_single_file_html_opens_cleanly(built: tuple[Project, list[Path], Briefing],
                                        open_page) -> None:  # noqa: ANN001
    project, _, briefing = built
    page, watch = open_page((project.root / "dist" / "briefing.html").as_uri())
    assert watch.external_requests == []
    assert watch.console_errors == [] and watch.page_errors == []
    body = re.sub(r"\s+", " ", page.inner_text("body"))
    for actor in briefing.actors:
        assert re.sub(r"\s+", " ", actor.name) in body
    # a claim's source link lands on the sentence, which the print CSS highlights
    first = page.locator("table.claims td.links a[href^='#sent-']").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
