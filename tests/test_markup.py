"""Escaping helpers: data in, literal text out, whatever Markdown/HTML it contains."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from fixtures.briefing_fixture import HOSTILE  # noqa: E402

from generator.markup import (  # noqa: E402
    abbreviation_pairs,
    attr,
    clean,
    external_link,
    md,
    safe_url,
    slug,
)

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc",
              "pymdownx.details"]


class Elements(HTMLParser):
    """Collects every element, attribute and the decoded text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_hostile_strings_render_as_their_own_text_in_a_paragraph() -> None:
    for value in HOSTILE:
        out = parse(convert(f"Before {md(value)} after"))
        assert [t for t, _ in out.tags] == ["p"], (value, out.tags)
        assert "".join(out.text) == f"Before {clean(value)} after"
        assert not out.comments


def test_hostile_strings_stay_in_their_table_cell() -> None:
    for value in HOSTILE:
        table = f"| A | B |\n| --- | --- |\n| {md(value)} | end |\n"
        out = parse(convert(table))
        tags = [t for t, _ in out.tags]
        assert tags.count("td") == 2, (value, tags)
        assert set(tags) <= {"table", "thead", "tbody", "tr", "th", "td"}, (value, tags)
        cells = [t for t in out.text if t.strip() and t.strip() not in {"A", "B", "end"}]
        assert "".join(cells).strip() == clean(value)


def test_hostile_strings_in_a_heading_and_inside_raw_html() -> None:
    for value in HOSTILE:
        span = f'<span id="x" title="{attr(value)}">{md(value)}</span>'
        out = parse(convert(f"# {md(value)}\n\n{span}"))
        assert [t for t, _ in out.tags] == ["h1", "p", "span"], (value, out.tags)
        span = out.tags[2][1]
        assert span == {"id": "x", "title": clean(value)}


def test_leading_list_and_heading_markers_are_literal() -> None:
    for value in ["- item", "+ item", "1. item", "2) item", "# title", "> quote", "!!! note"]:
        out = parse(convert(md(value)))
        assert [t for t, _ in out.tags] == ["p"], value
        assert "".join(out.text) == value


def test_markdown_placeholders_cannot_be_spliced_in() -> None:
    # Python-Markdown marks stashed raw HTML with \x02...\x03; data must not forge one.
    stashed = convert(f"<b>real</b> {md(chr(2) + 'wzxhzdk:0' + chr(3))}")
    assert stashed.count("<b>") == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_renders_as_exactly_that_text(value: str) -> None:
    out = parse(convert(f"x {md(value)} x"))
    assert [t for t, _ in out.tags] == ["p"]
    assert "".join(out.text) == f"x {clean(value)} x"


def test_safe_url_keeps_only_http_and_https() -> None:
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert safe_url("http://example.org") == "http://example.org"
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", "//evil",
                "ftp://x", "https://", " java\nscript:alert(1)", "https://a b", None, 42]:
        assert safe_url(bad) is None, bad


def test_external_link_escapes_the_url_and_drops_bad_ones() -> None:
    out = parse(convert(external_link('https://x.org/"onmouseover="alert(1)', "<b>t</b>")))
    assert out.tags[1] == ("a", {"href": 'https://x.org/"onmouseover="alert(1)',
                                 "rel": "noopener noreferrer nofollow"})
    assert "".join(out.text) == "<b>t</b>"
    assert external_link("javascript:alert(1)", "label") == "label"


def test_slug_keeps_good_ids_and_hashes_the_rest() -> None:
    assert slug("000-2f70732335356d9f") == "000-2f70732335356d9f"
    assert slug("c-1a2b") == "c-1a2b"
    for bad in ["../../etc/passwd", "a/b", "a b", '"><script>', "", ".hidden", "a.md"]:
        value = slug(bad)
        assert value.startswith("x-") and value.replace("-", "").isalnum(), bad
    assert slug("a/b") == slug("a/b") != slug("a/c")


def test_abbreviation_pairs_match_initials_only() -> None:
    assert abbreviation_pairs(["European Union", "EU", "the Union"]) == [("EU", "European Union")]
    assert abbreviation_pairs(["Port Authority of Westmere", "PAW"]) == [
        ("PAW", "Port Authority of Westmere")]
    assert abbreviation_pairs(["NASA", "Space Agency"]) == []
    assert abbreviation_pairs(['EU', '<b>European Union</b>']) == []
