"""render_pages: golden files for a hand-built briefing, links, anchors, paging, overrides.

Golden files live in tests/golden/<page path>. After an intended change to the templates or
to render.py, regenerate them on purpose and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render.py -q
    git diff tests/golden
"""

from __future__ import annotations

import os
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixtures.briefing_fixture import fixture_briefing, hostile_briefing  # noqa: E402

from generator.errors import BriefingError  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.render import (  # noqa: E402
    GENERATED_MARKER,
    is_generated,
    load_templates,
    make_environment,
    render_pages,
)

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
LINK_RE = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]+))?\)")
ID_RE = re.compile(r'id="([^"]+)"')


def templates():
    return load_templates(Project.at(REPO))


def render(briefing=None, **kw):
    return render_pages(briefing or fixture_briefing(), templates(), **kw)


def resolve(page: str, target: str) -> str:
    if not target:
        return page
    return os.path.normpath(os.path.join(os.path.dirname(page), target)).replace(os.sep, "/")


def test_pages_match_golden_files() -> None:
    pages = render()
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
              for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(golden)
    for path, text in pages.items():
        assert text == golden[path], f"{path} differs from tests/golden/{path}"


def test_page_list() -> None:
    assert sorted(render()) == [
        "actors/index.md",
        "actors/maria-lind.md",
        "actors/ministry-of-environment.md",
        "actors/ola-berg.md",
        "actors/port-authority-of-westmere.md",
        "actors/westmere.md",
        "claims.md",
        "index.md",
        "methodology.md",
        "network.md",
        "sources/coast-daily-2.md",
        "sources/harbour-post-1.md",
        "sources/index.md",
        "timeline.md",
    ]


def test_every_page_is_marked_generated() -> None:
    for path, text in render().items():
        assert is_generated(text), path
        assert text.rstrip().endswith(GENERATED_MARKER), path


def test_every_link_resolves_to_a_page_and_anchor() -> None:
    pages = render()
    anchors = {path: set(ID_RE.findall(text)) for path, text in pages.items()}
    for page, text in pages.items():
        for target, fragment in LINK_RE.findall(text):
            dest = resolve(page, target)
            assert dest in pages, f"{page}: link to missing {dest}"
            if fragment:
                assert fragment in anchors[dest], f"{page}: {dest}#{fragment} has no anchor"


def test_every_sentence_and_claim_has_its_stable_anchor() -> None:
    briefing = fixture_briefing()
    pages = render(briefing)
    for source in briefing.sources:
        ids = set(ID_RE.findall(pages[f"sources/{source.id}.md"]))
        assert {f"{source.id}-{s.id}" for s in source.sentences} <= ids
    claim_ids = set(ID_RE.findall(pages["claims.md"]))
    assert {c.id for c in briefing.claims} <= claim_ids


def test_claims_link_to_each_sentence_that_carries_them() -> None:
    pages = render()
    row = next(line for line in pages["claims.md"].splitlines() if 'id="c-expand"' in line)
    assert "(sources/harbour-post-1.md#harbour-post-1-s1)" in row
    assert "(sources/coast-daily-2.md#coast-daily-2-s1)" in row
    assert "contested" in row and "credibility 2" in row
    assert "[c-not-this-year](#c-not-this-year)" in row


def test_actor_page_lists_aliases_roles_statements_mentions_and_relations() -> None:
    page = render()["actors/maria-lind.md"]
    assert "**Also known as:** Lind" in page
    assert "Director, [Port Authority of Westmere](port-authority-of-westmere.md)" in page
    assert "(../claims.md#c-start-may)" in page
    assert "(../sources/coast-daily-2.md#coast-daily-2-s4)" in page  # the alias mention
    assert "leads [Port Authority of Westmere]" in page
    assert "  - Person" in page.split("---")[1]  # type tag in the front matter
    assert "boost: 2" in page.split("---")[1]


def test_source_page_flags_truncation_and_boilerplate() -> None:
    pages = render()
    truncated = pages["sources/coast-daily-2.md"]
    assert '!!! warning "Truncated text"' in truncated
    assert 'class="briefing-sentence briefing-truncated"' in truncated
    boiler = pages["sources/harbour-post-1.md"]
    assert 'class="briefing-sentence briefing-boilerplate"' in boiler
    assert 'href="https://news.example.org/harbour?id&#61;1&#38;lang&#61;en"' in boiler


def test_source_page_names_the_author_when_known() -> None:
    briefing = fixture_briefing()
    first = briefing.sources[0]
    briefing.sources[0] = replace(first, author="Ann <b>Lowe</b>")
    pages = render(briefing)
    page = next(text for path, text in pages.items() if path == f"sources/{first.id}.md")
    assert "| Author | Ann &#60;b&#62;Lowe&#60;/b&#62; |" in page
    other = pages[f"sources/{briefing.sources[1].id}.md"]
    assert "| Author |" not in other


def test_home_lists_open_questions() -> None:
    home = render()["index.md"]
    questions = home.split("## Open questions")[1]
    assert "(claims.md#c-not-this-year)" in questions  # contested
    assert "(claims.md#c-cost)" in questions  # single source
    assert "(sources/coast-daily-2.md)" in questions  # truncated source


def test_abbreviations_defined_where_used() -> None:
    pages = render()
    assert "*[PAW]: Port Authority of Westmere" in pages["sources/coast-daily-2.md"]
    assert "*[PAW]" not in pages["methodology.md"]


def test_output_does_not_depend_on_input_order() -> None:
    briefing = fixture_briefing()
    shuffled = replace(briefing)
    rng = random.Random(7)
    for name in ("sources", "actors", "claims", "events", "relations"):
        items = list(getattr(briefing, name))
        rng.shuffle(items)
        setattr(shuffled, name, items)
    assert render(shuffled) == render(briefing)


def test_paging_keeps_index_pages_bounded_and_lists_every_item_once() -> None:
    briefing = fixture_briefing()
    pages = render(briefing, page_size=2)
    assert "actors/page-2.md" in pages and "actors/page-3.md" in pages
    assert "claims/page-2.md" in pages and "timeline/page-2.md" in pages
    listed = [p for p in pages if p.startswith("actors/") and re.search(r"(index|page-\d+)", p)]
    links = [m for p in listed for m in re.findall(r"\]\(([\w-]+)\.md\)", pages[p])
             if not m.startswith(("page-", "index"))]
    assert sorted(links) == sorted(a.id for a in briefing.actors)
    # a claim on the second page is linked there from everywhere
    for page, text in pages.items():
        for target, fragment in LINK_RE.findall(text):
            if fragment and fragment.startswith("c-"):
                assert fragment in pages[resolve(page, target)], (page, target, fragment)


def _reachable(pages: dict[str, str], start: str, within: str) -> set[str]:
    """Pages reachable from ``start`` by links that stay inside ``within`` (plus ``start``)."""
    seen, todo = {start}, [start]
    while todo:
        page = todo.pop()
        for target, _ in LINK_RE.findall(pages[page]):
            dest = resolve(page, target)
            if dest not in seen and dest.startswith(within) and dest in pages:
                seen.add(dest)
                todo.append(dest)
    return seen


def _sentence_links(text: str) -> set[str]:
    return {fragment for _, fragment in LINK_RE.findall(text) if fragment}


def test_long_lists_are_capped_and_given_in_full_on_their_own_pages() -> None:
    """A claim cell or actor list stops at its limit; every item is still one click away."""
    briefing = fixture_briefing()
    pages = render(briefing, cell_limit=1, section_limit=1)
    anchors = {path: set(ID_RE.findall(text)) for path, text in pages.items()}
    for page, text in pages.items():
        for target, fragment in LINK_RE.findall(text):
            assert resolve(page, target) in pages, (page, target)
            if fragment:
                assert fragment in anchors[resolve(page, target)], (page, target, fragment)
    wide = [c for c in briefing.claims if len(c.appearances) > 1]
    assert wide, "the fixture needs a claim carried by several sentences"
    for claim in wide:
        row = next(line for line in pages["claims.md"].splitlines() if f'id="{claim.id}"' in line)
        assert len(re.findall(r"\(sources/[^)]*#", row)) <= 1  # one sentence in the cell
        detail = f"claims/{claim.id}.md"
        assert f"]({detail})" in row
        expected = {f"{a.source}-{a.sentence}" for a in claim.appearances}
        assert expected <= _sentence_links(pages[detail])
    for actor in briefing.actors:
        profile = f"actors/{actor.id}.md"
        assert pages[profile].count("\n- ") <= 5  # at most one item in each of the five lists
        reachable = _reachable(pages, profile, f"actors/{actor.id}/")
        linked = set().union(*(_sentence_links(pages[p]) for p in reachable))
        assert {f"{m.source}-{m.sentence}" for m in actor.mentions} <= linked, actor.id
    # with the default limits, the fixture's pages have no overflow pages at all
    assert not [p for p in render(briefing) if re.match(r"actors/[^/]+/|claims/c-", p)]


def test_override_templates_are_searched_first(tmp_path: Path) -> None:
    (tmp_path / "methodology.md.j2").write_text("# My method\n\n{{ briefing.sources|length }}\n")
    env = make_environment([tmp_path, REPO / "templates"])
    pages = render_pages(fixture_briefing(), env)
    assert "# My method\n\n2\n" in pages["methodology.md"]
    assert "# Claims" in pages["claims.md"]


def test_template_errors_name_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "timeline.md.j2").write_text("# T\n\n{% for x in %}\n")
    env = make_environment([tmp_path, REPO / "templates"])
    with pytest.raises(BriefingError) as err:
        render_pages(fixture_briefing(), env)
    problem = err.value.problems[0]
    assert problem.path.endswith("timeline.md.j2") and problem.line == 3


def test_a_forgotten_filter_still_escapes(tmp_path: Path) -> None:
    (tmp_path / "methodology.md.j2").write_text(
        "# M\n\n{{ briefing.claims[0].text ~ ' [x](javascript:alert(1)) <b>' }}\n")
    env = make_environment([tmp_path, REPO / "templates"])
    page = render_pages(fixture_briefing(), env)["methodology.md"]
    assert "<b>" not in page and "[x]" not in page and "&#60;b&#62;" in page


def test_hostile_data_never_reaches_markdown_unescaped() -> None:
    pages = render(hostile_briefing())
    assert all("/" not in p.split("/", 1)[-1] for p in pages), sorted(pages)
    # The network diagram is SVG in a raw-HTML block (no Markdown inside; escaped as XML by
    # generator.network): checked in the built HTML by test_site instead.
    # Front matter is YAML, not Markdown: checked below (titles are HTML-escaped).
    bodies = [p.split("\n---\n", 1)[1] for p in pages.values()]
    text = re.sub(r'<div class="briefing-network">.*?</div>', "", "\n".join(bodies), flags=re.S)
    for needle in ["<script>alert", "<img src=x", "<svg/onload", "](javascript:",
                   "![x](http", "{{ 7*7 }}", "<b onmouseover", "{: onclick", "*[HTML]",
                   "</title>", "javascript:alert(1)\""]:
        assert needle not in text, needle
    front = [p.split("---")[1] for p in pages.values()]
    assert not any("<" in f for f in front)


def test_rendering_on_both_cores_gives_the_same_pages(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """Large corpora render item pages in forked workers: same bytes, same errors."""
    import generator.render as render_module

    serial = render()
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)
    monkeypatch.setenv("BRIEFING_WORKERS", "2")
    assert render_module._render_workers(5) == 2
    assert render() == serial
    (tmp_path / "actor.md.j2").write_text("# A\n\n{{ actor.no_such_field }}\n")
    env = make_environment([tmp_path, REPO / "templates"])
    with pytest.raises(BriefingError) as err:
        render_pages(fixture_briefing(), env)
    assert err.value.problems[0].path.endswith("actor.md.j2")
    assert err.value.problems[0].line == 3


# ------------------------------------------------- source labels, claim table, page origins


def _untitled(briefing, source_id: str, outlet: str | None):
    """The briefing with one source stripped of its title (and outlet, when None)."""
    sources = [replace(s, title=None, outlet=outlet) if s.id == source_id else s
               for s in briefing.sources]
    return replace(briefing, sources=sources)


def test_untitled_source_is_named_by_outlet_and_first_complete_sentence_everywhere() -> None:
    pages = render()
    label = "Coast Daily: The PAW confirmed the harbour expansion on Tuesday."
    page = pages["sources/coast-daily-2.md"]
    assert page.split("---\n", 2)[2].lstrip().startswith(f"# {label}\n")
    assert "| Title | none in the source" in page  # a label, not invented metadata
    assert "| Source id | coast-daily-2 |" in page  # the id stays visible
    link = f"[{label}]("
    assert link in pages["index.md"]
    assert link in pages["sources/index.md"]
    assert link in pages["actors/maria-lind.md"]  # the mentions list
    for path, text in pages.items():
        assert "Coast Daily: coast-daily-2" not in text, path


def test_long_first_sentence_is_cut_at_a_word_boundary_and_boilerplate_skipped() -> None:
    briefing = _untitled(fixture_briefing(), "coast-daily-2", None)
    source = next(s for s in briefing.sources if s.id == "coast-daily-2")
    long = ("Subscribe now at example.org for all the news. The harbour board of the "
            "small coastal town voted on Tuesday evening to approve an ambitious expansion.")
    first_end = long.index(". ") + 1
    sentences = [replace(source.sentences[0], text=long[:first_end], start=0, end=first_end,
                         boilerplate=True),
                 replace(source.sentences[1], text=long[first_end + 1:], start=first_end + 1,
                         end=len(long))]
    briefing = replace(briefing, sources=[
        replace(s, text=long, sentences=sentences) if s.id == source.id else s
        for s in briefing.sources])
    page = render(briefing)["sources/coast-daily-2.md"]
    body = page.split("---\n", 2)[2]
    heading = next(line for line in body.splitlines() if line.startswith("# "))[2:]
    assert heading.startswith("The harbour board of the small coastal town")
    assert heading.endswith("…") and len(heading) <= 72
    assert long[first_end + 1:].startswith(heading[:-1])  # cut at a word boundary
    assert long[first_end + 1:][len(heading) - 1] == " "
    assert "Subscribe" not in heading


def test_claim_table_names_sources_by_short_labels_and_gives_the_claim_room() -> None:
    briefing = _untitled(fixture_briefing(), "coast-daily-2", None)
    claims = render(briefing)["claims.md"]
    assert '<div class="briefing-sortable briefing-claims"' in claims  # min-width in CSS
    row = next(line for line in claims.splitlines() if 'id="c-expand"' in line)
    assert "[The PAW confirmed the harbour… · s1](sources/coast-daily-2.md#coast-daily-2-s1)" \
        in row  # no outlet: the start of the first sentence, not the id
    assert "[Harbour Post · s1](sources/harbour-post-1.md#harbour-post-1-s1)" in row
    assert "coast-daily-2 · s1" not in row
    css = (REPO / "docs/assets/css/briefing.css").read_text(encoding="utf-8")
    assert re.search(r"\.briefing-claims table td:nth-child\(1\)\s*\{\s*min-width: 18em",
                     css)


def test_sources_sharing_an_outlet_get_distinct_short_labels() -> None:
    briefing = fixture_briefing()
    briefing = replace(briefing, sources=[replace(s, outlet="Harbour Post")
                                          for s in briefing.sources])
    row = next(line for line in render(briefing)["claims.md"].splitlines()
               if 'id="c-expand"' in line)
    labels = re.findall(r"\[([^\]]+) · s1\]", row)
    assert len(labels) == 2 and len(set(labels)) == 2, labels


def _origin(page: str) -> list[str]:
    line = next(x for x in page.splitlines() if 'class="briefing-origin"' in x)
    return re.findall(r"<code>([^<]*)</code>", line)


def test_each_generated_page_names_the_seed_or_curation_file_it_comes_from(
        tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "project"
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "seeds").mkdir()
    (root / "seeds" / "harbour_post_1.yml").write_text("title: x\n", encoding="utf-8")
    pages = render_pages(fixture_briefing(), load_templates(Project.at(root)))
    assert _origin(pages["sources/harbour-post-1.md"]) == [
        "seeds/harbour&#95;post&#95;1.txt", "seeds/harbour&#95;post&#95;1.yml",
        "seeds/curation/sources.yml"]
    assert _origin(pages["sources/coast-daily-2.md"]) == [
        "seeds/coast&#95;daily&#95;2.md", "seeds/curation/sources.yml"]  # no sidecar
    assert _origin(pages["actors/maria-lind.md"]) == ["seeds/curation/actors.yml"]
    assert _origin(pages["claims.md"]) == ["seeds/curation/claims.yml"]
    assert not any('class="briefing-origin"' in pages[p] for p in ("index.md", "timeline.md"))
    head = pages["sources/harbour-post-1.md"].split("---\n")[1]
    assert 'edit_path: "../seeds/harbour_post_1.txt"' in head
    assert 'edit_path: "../seeds/curation/actors.yml"' in pages["actors/maria-lind.md"]


def test_origin_paths_are_text_not_markup() -> None:
    page = render(hostile_briefing())
    line = next(x for text in page.values() for x in text.splitlines()
                if 'class="briefing-origin"' in x and "seeds/&#60;script" in x)
    assert "<script" not in line


def test_edit_button_opens_the_origin_file_when_mkdocs_yml_sets_a_repository() -> None:
    from generator.plugin import edit_url

    repo = "https://github.com/owner/briefing"
    assert edit_url("../seeds/a.txt", repo, "edit/main/docs/") == \
        "https://github.com/owner/briefing/edit/main/seeds/a.txt"
    assert edit_url("../seeds/curation/claims.yml", repo + "/", None,
                    "blob/main/docs/{path}") == \
        "https://github.com/owner/briefing/blob/main/seeds/curation/claims.yml"
    assert edit_url("../seeds/a.txt", None, None) is None  # no repository: no button
    assert edit_url(None, repo, "edit/main/docs/") is None  # hand-written page: MkDocs' own
    assert edit_url("javascript:alert(1)", None, "edit/main/docs/") is None


def test_text_kept_out_of_sentences_stays_in_its_own_paragraph() -> None:
    # A dateline opening the second paragraph leads that paragraph; it is not appended to
    # the paragraph before it.
    from generator.models import Sentence, Source
    from generator.render import full_text

    text = "By Ann Lee\n\nLONDON (Reuters) - Prices rose."
    first = Sentence("s1", "t", 0, 0, 10, "By Ann Lee", paragraph=0)
    second = Sentence("s2", "t", 1, 31, 43, "Prices rose.", paragraph=1)
    source = Source("t", "seeds/t.txt", "txt", None, None, None, None, "en", text,
                    [first, second], [])
    paragraphs = str(full_text(source)).split("\n\n")
    assert len(paragraphs) == 2
    assert "LONDON" not in paragraphs[0] and paragraphs[1].startswith("LONDON")
