"""Loading seeds: formats, metadata precedence, and every kind of broken input."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.errors import BriefingError, Problem
from generator.load import (
    MAX_SEED_BYTES,
    assign_ids,
    load_seeds,
    scan_seeds,
    slugify,
)
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load"
ARTICLE = "The council approved the plan on Monday. Critics said it was rushed.\n"


def make_project(tmp_path: Path, files: dict[str, str | bytes]) -> Project:
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = seeds / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return Project.at(tmp_path)


def load_one(tmp_path: Path, name: str, content: str | bytes, **extra: str | bytes):
    (document,) = load_seeds(make_project(tmp_path, {name: content, **extra}))
    return document


def errors_of(tmp_path: Path, files: dict[str, str | bytes], **kwargs: int) -> list[Problem]:
    with pytest.raises(BriefingError) as info:
        load_seeds(make_project(tmp_path, files), **kwargs)
    return [p for p in info.value.problems if p.severity == "error"]


# --------------------------------------------------------------------- real seeds


def test_real_seeds_load_unchanged() -> None:
    project = Project.at(REPO)
    documents = load_seeds(project)
    names = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert [d.path for d in documents] == [f"seeds/{n}" for n in names]
    for document in documents:
        raw = (REPO / document.path).read_bytes()
        assert document.text == raw.decode("utf-8")
        assert document.format == "txt"
        assert document.content_hash == hashlib.sha256(raw).hexdigest()
        assert document.warnings == []
        assert document.metadata.published is None  # never invented
    # ids are the file stems made URL-safe; the anchors in the brief rely on them
    assert documents[0].id == "000-2f70732335356d9f"
    assert [d.id for d in documents] == [d.id for d in load_seeds(project)]


# ------------------------------------------------------------------------ formats


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    sidecar = ("title: Plan approved\noutlet: Town Times\nurl: https://times.example/plan\n"
               "published: 2024-06-03\nlanguage: en-GB\n")
    document = load_one(tmp_path, "plan.txt", ARTICLE, **{"plan.yml": sidecar})
    meta = document.metadata
    assert (meta.title, meta.outlet, meta.url, meta.published, meta.language) == (
        "Plan approved", "Town Times", "https://times.example/plan", "2024-06-03", "en-GB")
    assert meta.provenance["title"] == "sidecar"
    raw = (tmp_path / "seeds" / "plan.txt").read_bytes()
    assert document.content_hash != hashlib.sha256(raw).hexdigest()  # sidecar is part of it


def test_sidecar_change_changes_content_hash(tmp_path: Path) -> None:
    first = load_one(tmp_path / "a", "plan.txt", ARTICLE, **{"plan.yml": "title: A\n"})
    second = load_one(tmp_path / "b", "plan.txt", ARTICLE, **{"plan.yml": "title: B\n"})
    assert first.content_hash != second.content_hash


def test_markdown_front_matter_and_plain_text(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "front_matter.md", tmp_path / "x.md")
    document = load_one(tmp_path, "port.md", (tmp_path / "x.md").read_text(encoding="utf-8"))
    meta = document.metadata
    assert document.format == "md"
    assert meta.title == "Port reopens after storm"
    assert meta.provenance["title"] == "front matter"
    assert (meta.outlet, meta.published, meta.author, meta.tags) == (
        "Coastal Courier", "2024-02-10", "Jane Doe", ["weather", "transport"])
    text = document.text
    assert text.startswith("The port reopened on Saturday, the harbour master said. Ferries")
    for gone in ("**", "](", "https://example.org", "ferry.jpg", "A ferry", "# ", "`", "> ",
                 "|---"):
        assert gone not in text
    assert "\n\nDelays\n\n" in text
    assert "Freight is delayed by two days." in text
    assert '"We are back," said one operator.' in text
    assert "A different H1 headline" not in text  # the headline is not body text


def test_markdown_first_heading_becomes_title(tmp_path: Path) -> None:
    document = load_one(tmp_path, "a.md", "# Ferry strike ends\n\nThe strike ended today.\n")
    assert document.metadata.title == "Ferry strike ends"
    assert document.metadata.provenance["title"] == "markdown heading"
    assert document.text == "The strike ended today."


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Ferry strike ends after two weeks\n\nThe strike ended today.\n",
         "Ferry strike ends after two weeks"),
        ("The strike ended today after two weeks.\n\nUnions welcomed it.\n", None),
        ("By Ann Lee and Tom Ray\n\nThe strike ended today.\n", None),
        ("Ferry strike ends after two weeks of talks as the unions\nagreed a deal.\n", None),
        ("Strike over\n\nIt ended.\n", None),  # two words: a label, not a headline
        ("Ferry strike ends after two weeks\n", None),  # the whole file is one line
    ],
)
def test_plain_text_headline_becomes_title_and_stays_in_the_text(
    tmp_path: Path, content: str, title: str | None
) -> None:
    document = load_one(tmp_path, "a.txt", content)
    assert document.metadata.title == title
    assert document.text == content  # spans stay offsets into the file as written
    if title:
        assert document.metadata.provenance["title"] == "first line"


def test_sidecar_title_wins_over_the_first_line(tmp_path: Path) -> None:
    document = load_one(tmp_path, "a.txt", "Ferry strike ends after two weeks\n\nIt ended.\n",
                        **{"a.yml": "title: Strike over\n"})
    assert document.metadata.title == "Strike over"


def test_markdown_setext_heading_code_and_escapes(tmp_path: Path) -> None:
    source = ("Headline here\n=============\n\nUse \\*literal\\* stars and `a_b*c`.\n\n"
              "```\ncode line one\ncode line two\n```\n\n2 * 3 * 4 is math.\n")
    document = load_one(tmp_path, "b.markdown", source)
    assert document.metadata.title == "Headline here"
    assert document.text == ("Use *literal* stars and a_b*c.\n\ncode line one\ncode line two"
                             "\n\n2 * 3 * 4 is math.")


def test_html_page_main_text_and_metadata() -> None:
    project = Project.at(FIXTURES.parent.parent.parent, seeds=FIXTURES)
    documents = {d.path.rsplit("/", 1)[-1]: d for d in load_seeds(project)}
    page = documents["news_page.html"]
    assert page.format == "html"
    meta = page.metadata
    assert meta.title == "Harbour council approves \u2018historic\u2019 flood barrier"
    assert meta.outlet == "The Coastal Courier"
    assert meta.url == "https://courier.example/news/flood-barrier?ref=canonical"
    assert meta.published == "2024-03-05"  # the page's own local date, not shifted to UTC
    assert meta.language == "en-GB"
    assert meta.provenance["published"] == "html article:published_time"
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0].startswith("The harbour council on Tuesday approved a \u00a340m")
    assert "Residents will be consulted on the design." in paragraphs
    for chrome in ("cookies", "Accept all", "Share on X", "Most read", "Related", "By Jane Doe",
                   "All rights reserved", "dataLayer", "font-family", "Photo: Courier",
                   "in your inbox", "Sport"):
        assert chrome not in page.text, chrome
    assert "  " not in page.text and "\n\n\n" not in page.text


def test_html_json_ld_metadata_and_hidden_text() -> None:
    project = Project.at(FIXTURES.parent.parent.parent, seeds=FIXTURES)
    page = next(d for d in load_seeds(project) if d.path.endswith("jsonld_page.html"))
    meta = page.metadata
    assert (meta.title, meta.outlet, meta.published, meta.author) == (
        "Rail strike called off after late-night talks", "Valley Herald", "2023-11-20", "Alex Kim")
    assert meta.url is None
    assert page.text.split("\n\n") == [
        "A planned rail strike was called off early on Monday after talks between the union and "
        "the operator ran past midnight.",
        "The union said members would vote on the new offer on 1 December.",
    ]


def test_html_fragment_without_structure() -> None:
    project = Project.at(FIXTURES.parent.parent.parent, seeds=FIXTURES)
    page = next(d for d in load_seeds(project) if d.path.endswith("fragment.html"))
    assert page.text == ("Plain fragment with no page structure.\n\nIt has two paragraphs & an "
                         "entity.\n\nAnd an unclosed third one")
    assert page.metadata.title is None and page.metadata.published is None


def test_html_time_in_running_text_is_not_the_publication_date(tmp_path: Path) -> None:
    page = ("<html><body><article><p>The vote is <time datetime='2030-01-01'>in 2030</time>."
            "</p></article></body></html>")
    document = load_one(tmp_path, "a.html", page)
    assert document.metadata.published is None


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cquoted\u201d'
            " text.</p></body></html>").encode("cp1252")
    document = load_one(tmp_path, "a.htm", page)
    assert document.text == "Caf\u00e9 \u201cquoted\u201d text."
    assert document.warnings == []


def test_precedence_sidecar_over_front_matter_over_html(tmp_path: Path) -> None:
    md = "---\ntitle: From front matter\noutlet: FM Outlet\n---\nBody text here.\n"
    document = load_one(tmp_path, "a.md", md, **{"a.yml": "title: From sidecar\n"})
    assert document.metadata.title == "From sidecar"
    assert document.metadata.outlet == "FM Outlet"
    assert document.metadata.provenance == {"title": "sidecar", "outlet": "front matter",
                                            "language": "default"}
    page = ("<html><head><title>From HTML</title><meta property='og:site_name' content='Web'>"
            "</head><body><p>Body.</p></body></html>")
    document = load_one(tmp_path / "h", "b.html", page, **{"b.yml": "outlet: Sidecar Outlet\n"})
    assert (document.metadata.title, document.metadata.outlet) == ("From HTML", "Sidecar Outlet")
    assert document.metadata.provenance["title"] == "html <title>"


def test_seed_selection_and_order(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "b.txt": ARTICLE, "A.TXT": "Another article. " + ARTICLE, "c.md": "Third one here.\n",
        "README.md": "# About this folder\n", ".hidden.txt": "x", "notes.docx": "x",
        "curation/claims.yml": "claims: []\n", "b.yml": "title: B\n",
    })
    documents = load_seeds(project)
    assert [d.path for d in documents] == ["seeds/A.TXT", "seeds/b.txt", "seeds/c.md"]
    assert [d.id for d in documents] == ["a", "b", "c"]


# -------------------------------------------------------------------------- ids


@pytest.mark.parametrize(("stem", "expected"), [
    ("000_2f70732335356d9f", "000-2f70732335356d9f"),
    ("Über Straße – Ærø", "uber-strasse-aero"),
    ("my article (final) v2", "my-article-final-v2"),
    ("..", "source"),
    ("../../etc/passwd", "etc-passwd"),
    ("日本語", "source"),
    ("index", "index-source"),
    ("a" * 200, "a" * 80),
])
def test_slugify(stem: str, expected: str) -> None:
    assert slugify(stem) == expected


def test_colliding_ids_are_unique_and_independent_of_other_files() -> None:
    ids = assign_ids(["a b.txt", "a-b.md", "a_b.html", "z.txt"])
    assert len(set(ids.values())) == 4
    assert ids["a b.txt"] == "a-b"  # sorts first
    assert re.fullmatch(r"a-b-[0-9a-f]{8}", ids["a_b.html"])
    again = assign_ids(["a b.txt", "a_b.html", "a-b.md"])
    assert again["a_b.html"] == ids["a_b.html"]


def test_file_names_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"Élysée statement 1.txt": ARTICLE,
                                      "Élysée statement 1.yml": "title: Statement\n"})
    (document,) = load_seeds(project)
    assert document.id == "elysee-statement-1"
    assert document.path == "seeds/Élysée statement 1.txt"
    assert document.metadata.title == "Statement"


# ------------------------------------------------------------------- broken input


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    problems = errors_of(tmp_path, {"x.txt": "", "y.txt": " \n\t\n", "ok.txt": ARTICLE})
    assert [(p.path, p.message) for p in problems] == [
        ("seeds/x.txt", "the file is empty"), ("seeds/y.txt", "the file is empty")]
    assert str(problems[0]).startswith("seeds/x.txt: error: the file is empty\n  hint: ")


def test_markdown_with_only_front_matter_is_empty(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"x.md": "---\ntitle: T\n---\n\n"})
    assert "no article text" in problem.message


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><body><nav>Home</nav><script>x()</script></body></html>"
    (problem,) = errors_of(tmp_path, {"x.html": page})
    assert "no article text" in problem.message


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    b"%PDF-1.7\n" + b"\x00\x01\x02" * 100,
    bytes(range(32)) * 50,
])
def test_binary_file_is_refused(tmp_path: Path, content: bytes) -> None:
    (problem,) = errors_of(tmp_path, {"img.txt": content})
    assert problem.path == "seeds/img.txt"
    assert "not a text file" in problem.message and problem.hint


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_offset(tmp_path: Path) -> None:
    raw = b"Caf\xe9 opens. Prices rose \xff\xfe sharply.\n"
    document = load_one(tmp_path, "x.txt", raw)
    assert document.text == "Caf\ufffd opens. Prices rose \ufffd\ufffd sharply.\n"
    (warning,) = document.warnings
    assert "seeds/x.txt" in warning and "byte offset 3" in warning
    assert "3 invalid byte(s)" in warning


def test_bom_crlf_cr_nul_and_control_characters(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbfFirst line.\r\nSecond\x00 line.\rThird\x07 line.\r\n"
    document = load_one(tmp_path, "x.txt", raw)
    assert document.text == "First line.\nSecond line.\nThird line.\n"
    assert any("1 NUL byte(s) removed" in w for w in document.warnings)
    assert any("1 control character(s) removed" in w for w in document.warnings)


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    raw = b"\xff\xfe" + "Saved by Notepad.\r\n".encode("utf-16-le")
    document = load_one(tmp_path, "x.txt", raw)
    assert document.text == "Saved by Notepad.\n"


def test_very_long_line(tmp_path: Path) -> None:
    line = "word " * 200_000 + "end.\n"
    document = load_one(tmp_path, "long.txt", line)
    assert document.text == line


def test_oversize_file_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"big.txt": "x" * 2000}, max_bytes=1000)
    assert problem.path == "seeds/big.txt"
    assert "too large" in problem.message and "1,000 bytes" in problem.message


def test_default_size_limit_exists_and_is_generous() -> None:
    assert 1024 * 1024 <= MAX_SEED_BYTES <= 50 * 1024 * 1024


def test_identical_texts_warn_naming_both(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": ARTICLE, "b.md": ARTICLE.replace(" ", "  ")})
    result = scan_seeds(project)
    assert not result.errors
    (warning,) = [p for p in result.problems if "same text" in p.message]
    assert warning.severity == "warning"
    assert warning.path == "seeds/b.md" and "seeds/a.txt" in warning.message
    a, b = result.documents
    assert any("seeds/b.md" in w for w in a.warnings)
    assert any("seeds/a.txt" in w for w in b.warnings)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    problems = errors_of(tmp_path, {
        "a.txt": "",
        "b.md": "---\ntitle: [unclosed\n---\nText.\n",
        "c.txt": ARTICLE, "c.yml": "titel: x\npublished: last Tuesday\n",
        "d.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
    })
    assert sorted({p.path for p in problems}) == ["seeds/a.txt", "seeds/b.md", "seeds/c.yml",
                                                  "seeds/d.txt"]
    assert len([p for p in problems if p.path == "seeds/c.yml"]) == 2


# ------------------------------------------------------------ metadata validation


def test_unknown_key_in_front_matter_with_line_and_suggestion(tmp_path: Path) -> None:
    md = "---\ntitle: T\npublised: 2024-01-01\n---\nText here.\n"
    (problem,) = errors_of(tmp_path, {"a.md": md})
    assert (problem.path, problem.line) == ("seeds/a.md", 3)
    assert "unknown key 'publised'" in problem.message
    assert "did you mean 'published'" in problem.hint


def test_synonym_key_suggests_the_real_name(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"a.txt": ARTICLE, "a.yml": "date: 2024-01-01\n"})
    assert "did you mean 'published'" in problem.hint and problem.line == 1


def test_malformed_front_matter_yaml_has_file_line(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"a.md": "---\ntitle: T\nurl: a: b\n---\nText.\n"})
    assert (problem.path, problem.line) == ("seeds/a.md", 3)


def test_unclosed_front_matter(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"a.md": "---\ntitle: T\nText without end.\n"})
    assert problem.line == 1 and "never closed" in problem.message


def test_unsafe_tag_in_sidecar_is_rejected_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    sidecar = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    (problem,) = errors_of(tmp_path, {"a.txt": ARTICLE, "a.yml": sidecar})
    assert not marker.exists()
    assert problem.path == "seeds/a.yml" and problem.line == 1


@pytest.mark.parametrize(("sidecar", "line", "words"), [
    ("title: T\npublished: 14 April 2024\n", 2, "YYYY-MM-DD"),
    ("published: 2024-02-30\n", 1, "YYYY-MM-DD"),
    ("published: 20240214\n", 1, "YYYY-MM-DD"),
    ("title: 2024\n", 1, "must be text"),
    ("title: [a, b]\n", 1, "must be text"),
    ("outlet: yes\n", 1, "must be text"),
    ("language: English language\n", 1, "language code"),
    ("tags: {a: 1}\n", 1, "list"),
    ("- just\n- a list\n", 1, "mapping"),
    ("title: a\ntitle: b\n", 2, "duplicate"),
])
def test_wrong_types_and_values(tmp_path: Path, sidecar: str, line: int, words: str) -> None:
    (problem,) = errors_of(tmp_path, {"a.txt": ARTICLE, "a.yml": sidecar})
    assert (problem.path, problem.line) == ("seeds/a.yml", line)
    assert words in str(problem)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-04-14", "2024-04-14"),
    ("'2024-04-14'", "2024-04-14"),
    ("2024-04-14T23:30:00-05:00", "2024-04-14"),
    ("'2024-04-14T23:30:00Z'", "2024-04-14"),
])
def test_published_accepts_iso_dates_and_datetimes(tmp_path: Path, value: str,
                                                   expected: str) -> None:
    document = load_one(tmp_path, "a.txt", ARTICLE, **{"a.yml": f"published: {value}\n"})
    assert document.metadata.published == expected


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
    "/relative/path", "ftp://files.example/x", "https://x.example/\"onmouseover=alert(1)",
    "vbscript:msgbox(1)", "//no-scheme.example/x",
])
def test_non_http_urls_are_dropped_with_a_warning(tmp_path: Path, url: str) -> None:
    document = load_one(tmp_path, "a.txt", ARTICLE, **{"a.yml": f"url: '{url}'\n"})
    assert document.metadata.url is None
    assert "url" not in document.metadata.provenance
    assert any("seeds/a.yml" in w and "dropped" in w for w in document.warnings)


def test_bad_html_url_is_dropped_with_a_warning(tmp_path: Path) -> None:
    page = ("<html><head><link rel=canonical href='javascript:alert(1)'></head>"
            "<body><p>Body text.</p></body></html>")
    document = load_one(tmp_path, "a.html", page)
    assert document.metadata.url is None
    assert any("dropped" in w and "seeds/a.html" in w for w in document.warnings)


def test_html_bad_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    page = ("<html><head><meta property='article:published_time' content='yesterday'></head>"
            "<body><p>Body text.</p></body></html>")
    document = load_one(tmp_path, "a.html", page)
    assert document.metadata.published is None
    assert any("published" in w for w in document.warnings)


def test_orphan_sidecar_warns_with_suggestion(tmp_path: Path) -> None:
    result = scan_seeds(make_project(tmp_path, {"article.txt": ARTICLE, "artcle.yml": "title: x"}))
    (warning,) = result.problems
    assert warning.severity == "warning" and "did you mean 'article.yml'" in warning.hint


def test_two_sidecars_for_one_seed(tmp_path: Path) -> None:
    (problem,) = errors_of(tmp_path, {"a.txt": ARTICLE, "a.yml": "title: x\n",
                                      "a.yaml": "title: y\n"})
    assert "two metadata files" in problem.message


def test_missing_seeds_folder(tmp_path: Path) -> None:
    with pytest.raises(BriefingError) as info:
        load_seeds(Project.at(tmp_path))
    assert "does not exist" in info.value.problems[0].message


def test_hostile_text_is_kept_as_data(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} | a | b |\n"
    document = load_one(tmp_path, "a.txt", hostile)
    assert document.text == hostile  # escaping is the renderers' job; the loader keeps data
