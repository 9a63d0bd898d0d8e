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
