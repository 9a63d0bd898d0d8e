"""The single-file HTML and the PDF made from it: self-contained, complete, escaped, navigable."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from printdoc_fixture import EVIL, hostile_briefing

from generator.models import Briefing
from generator.printdoc import SECTIONS, render_print_html, write_pdf
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent


class Parsed(HTMLParser):
    """Every start tag with its attributes, every id, and the document's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.text_parts: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text_parts).append(data)

    @property
    def text(self) -> str:
        return squash("".join(self.text_parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return hostile_briefing()


@pytest.fixture(scope="module")
def html(briefing: Briefing) -> str:
    return render_print_html(briefing, Project.at(REPO))


@pytest.fixture(scope="module")
def parsed(html: str) -> Parsed:
    return Parsed(html)


def test_no_external_reference(parsed: Parsed) -> None:
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed", "img", "base", "form"}
    for tag, attrs in parsed.tags:
        for name in ("src", "srcset", "data", "action", "poster", "xlink:href"):
            assert name not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#"), f"<{tag} href={href!r}> leaves the document"
        assert "url(" not in (attrs.get("style") or "")
    for css in parsed.styles:
        for target in re.findall(r"url\(\s*['\"]?([^)'\"]*)", css):
            assert target.startswith("data:"), target
        assert "@import" not in css
    meta_refresh = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert meta_refresh == []


def test_every_internal_link_lands_and_ids_are_unique(parsed: Parsed) -> None:
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    targets = {attrs["href"][1:] for _, attrs in parsed.tags if attrs.get("href")}
    assert targets - set(parsed.ids) == set()
    # the links a reader follows: claim → sentence, claim → actor, actor → claim, toc → section
    assert "sent-src-a-s1" in targets and "actor-ada-lovelace" in targets
    assert "claim-c-approved" in targets
    assert {anchor for anchor, _ in SECTIONS} <= targets


def test_whole_briefing_is_there(briefing: Briefing, parsed: Parsed) -> None:
    text = parsed.text
    for actor in briefing.actors:
        assert squash(actor.name) in text
        for alias in actor.aliases:
            assert alias in text
    for claim in briefing.claims:
        assert squash(claim.text) in text
    for source in briefing.sources:
        for sentence in source.sentences:  # the appendix holds the whole text
            assert squash(sentence.text) in text
    for _, title in SECTIONS:
        assert title in text
    assert "[cut off]" in text  # the truncation marker
    assert "on Monday <now>" in text  # the timeline
    assert "Actor network" in text
    assert sum(1 for t, _ in parsed.tags if t == "svg") == 1


def test_truncation_marker_follows_the_cut_off_sentence(html: str) -> None:
    sentence = re.search(r'<span class="sentence" id="sent-src-a-s3">(.*?)</span> ', html, re.S)
    assert sentence and 'class="marker"' in sentence.group(1)
    assert "reviewers" in sentence.group(1)
    boiler = re.search(r'<span class="sentence boilerplate" id="sent-src-b-s3">', html)
    assert boiler, "boilerplate sentence is not marked"


def test_hostile_strings_are_text(parsed: Parsed, html: str) -> None:
    for _, attrs in parsed.tags:
        assert not [k for k in attrs if k.lower().startswith("on")], attrs
    assert EVIL in parsed.text
    assert "<b>Lovelace</b>" in parsed.text
    assert "{{ 7*7 }}" in parsed.text  # not evaluated as a template
    # the javascript: URL is shown, never linked
    assert "javascript:alert(document.cookie)" in parsed.text
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in parsed.tags)
    assert "<script" not in html.lower().replace("&lt;script", "")


def test_byte_identical_whatever_the_input_order(briefing: Briefing, html: str) -> None:
    shuffled = replace(briefing, actors=briefing.actors[::-1], claims=briefing.claims[::-1],
                       sources=briefing.sources[::-1], events=briefing.events[::-1],
                       relations=briefing.relations[::-1])
    assert render_print_html(shuffled, Project.at(REPO)) == html


def test_override_templates_come_first(tmp_path: Path, briefing: Briefing) -> None:
    override = tmp_path / "mine" / "print"
    override.mkdir(parents=True)
    (override / "briefing.html.j2").write_text(
        "<p>{{ ctx.title }}: {% for c in ctx.claims %}{{ c.claim.text }}|{% endfor %}</p>\n",
        encoding="utf-8")
    project = replace(Project.at(REPO), override_templates=tmp_path / "mine")
    out = render_print_html(briefing, project)
    assert out.startswith("<p>Briefing: ")
    assert "&lt;script&gt;" in out and "<script>" not in out  # autoescape holds in overrides


# ------------------------------------------------------------------------- PDF


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def no_space(text: str) -> str:
    """Table cells wrap anywhere (even inside "</script>"), so compare without whitespace."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/system-deps)")
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    write_pdf(html, path)
    return path


def test_pdf_text_holds_every_actor_and_claim(briefing: Briefing, pdf: Path) -> None:
    text = no_space(pdftotext(pdf))
    for actor in briefing.actors:
        assert no_space(actor.name) in text, actor.name
    for claim in briefing.claims:
        assert no_space(claim.text) in text, claim.text
    assert no_space("Page 3 of") in text  # running footer with page numbers


def outline(pdf: Path) -> list[tuple[str, int, list]]:
    """The PDF's bookmarks as (title, page index, children), read back from the file."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)

    def walk(items: list) -> list[tuple[str, int, list]]:
        out: list[tuple[str, int, list]] = []
        for item in items:
            if isinstance(item, list):
                title, page, _ = out[-1]
                out[-1] = (title, page, walk(item))
            else:
                out.append((item.title, reader.get_destination_page_number(item), []))
        return out

    return walk(reader.outline)


def test_pdf_outline_matches_the_sections(briefing: Briefing, pdf: Path) -> None:
    tree = outline(pdf)
    assert [title for title, _, _ in tree] == [title for _, title in SECTIONS]
    pages = [page for _, page, _ in tree]
    assert pages == sorted(pages) and pages[0] >= 2  # after the cover and the contents
    actors = dict((t, c) for t, _, c in tree)["Actors"]
    names = {name for _, _, group in actors for name, _, _ in group}
    assert names == {a.name for a in briefing.actors}


def test_pdf_contents_page_numbers_and_links(pdf: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    contents = reader.pages[1].extract_text()
    tree = outline(pdf)
    for title, page, _ in tree:  # the printed number is the page the bookmark goes to
        assert re.search(re.escape(title) + r"[ .]*" + str(page + 1) + r"\b", contents), title
    dests = set(reader.named_destinations)
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    internal = [str(a["/Dest"]) for a in links if "/Dest" in a]
    assert "actor-ada-lovelace" in internal and "sent-src-a-s1" in internal
    assert not [a for a in links if "/A" in a and "/URI" in a["/A"].get_object()]
    assert set(internal) <= dests


def test_pdf_fonts_embedded_and_bytes_stable(html: str, pdf: Path, tmp_path: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb column
    again = tmp_path / "again.pdf"
    write_pdf(html, again)
    assert again.read_bytes() == pdf.read_bytes()
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    assert "CreationDate" not in info  # no build time in the file
