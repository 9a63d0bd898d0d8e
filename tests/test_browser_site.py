"""End to end in a real browser: the site built from the repo's seeds, opened in Chromium.

What a reader does: open every kind of page (no error, nothing fetched from another host),
follow a claim to the sentences that carry it and to its actors and back, follow an actor's
mentions to their sentences, find an actor by an alias with the search box, switch palettes.
Expected values come from the export data of the same project copy, never hard-coded.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


def squash(text: str) -> str:
    """Whitespace collapsed: the site shows each sentence on one line."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site_url(seed_site, serve_dir) -> str:  # noqa: ANN001 - fixtures from conftest
    return serve_dir(seed_site.site)


@pytest.fixture(scope="module")
def data(seed_site) -> dict:  # noqa: ANN001
    assert seed_site.data["claims"], "the seeds must yield claims for these tests to mean much"
    assert seed_site.data["actors"], "the seeds must yield actors"
    return seed_site.data


def sentence_anchor(source_id: str, sentence_id: str) -> str:
    return f"{source_id}-{sentence_id}"


def page_kinds(data: dict) -> dict[str, str]:
    """One page of every type, by the documented paths (use_directory_urls is off)."""
    source = sorted(s["id"] for s in data["sources"])[0]
    actor = sorted(a["id"] for a in data["actors"])[0]
    return {
        "home": "index.html",
        "sources index": "sources/index.html",
        "source page": f"sources/{source}.html",
        "actors index": "actors/index.html",
        "actor page": f"actors/{actor}.html",
        "claims": "claims.html",
        "timeline": "timeline.html",
        "network": "network.html",
        "methodology": "methodology.html",
    }


def assert_clean(watch, where: str) -> None:  # noqa: ANN001
    assert watch.console_errors == [], f"{where}: console errors {watch.console_errors}"
    assert watch.page_errors == [], f"{where}: page errors {watch.page_errors}"
    assert watch.external_requests == [], f"{where}: requests to other hosts"
    assert watch.dialogs == [], f"{where}: dialogs {watch.dialogs}"


def heading(page) -> str:  # noqa: ANN001
    """The page's h1 as a reader sees it (without Material's permalink sign)."""
    return squash(page.locator("article h1").evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('')"))


def target_id(page) -> str | None:  # noqa: ANN001
    """The id of the element the URL fragment points at (what the browser scrolled to)."""
    return page.evaluate("() => document.querySelector(':target')?.id ?? null")


def follow(page, link) -> None:  # noqa: ANN001
    """Click a link like a reader and wait for the page it leads to."""
    href = link.evaluate("a => a.href")
    link.click()
    page.wait_for_url(href)
    page.wait_for_load_state("load")


def column_index(page, row, heading: str) -> int:  # noqa: ANN001
    """The position of a column in the claim table, found by its heading."""
    table = row.locator("xpath=ancestor::table[1]")
    headings = [squash(t) for t in table.locator("thead th").all_inner_texts()]
    assert heading in headings, f"claim table has no {heading!r} column: {headings}"
    return headings.index(heading)


# ------------------------------------------------------------------------------------ pages


def test_every_page_type_loads_without_errors_or_outside_requests(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    page, watch = open_page(f"{site_url}/index.html", allowed=(site_url,))
    for kind, path in page_kinds(data).items():
        response = page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        assert response is not None and response.status == 200, f"{kind} ({path}) is missing"
        assert page.locator("article h1").count() == 1, f"{kind} ({path}) has no page heading"
        assert page.locator("article h1").is_visible()
        assert_clean(watch, f"{kind} ({path})")


# ------------------------------------------------------------------------ claims → sentences


def claim_row(page, claim_id: str):  # noqa: ANN201, ANN001
    anchor = page.locator(f'[id="{claim_id}"]')
    assert anchor.count() == 1, f"claim {claim_id} has no anchor on the claims page"
    return anchor.locator("xpath=ancestor::tr[1]")


def cell_links(page, claim_id: str, heading: str):  # noqa: ANN201, ANN001
    row = claim_row(page, claim_id)
    return row.locator("td").nth(column_index(page, row, heading)).locator("a")


def hrefs_of(links) -> list[str]:  # noqa: ANN001
    return links.evaluate_all("els => els.map(a => a.href)")


def page_stem(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".html")


def check_sentence(page, quotes: list[str]) -> None:  # noqa: ANN001
    """The page landed on its fragment: that element exists, is visible, carries a quote."""
    fragment = urldefrag(page.url).fragment
    assert target_id(page) == fragment, f"{page.url} does not land on an element"
    sentence = page.locator(f'[id="{fragment}"]')
    assert sentence.is_visible(), f"{page.url}: the sentence is not visible"
    text = squash(sentence.inner_text())
    assert any(squash(q) in text for q in quotes), (
        f"{page.url}: sentence {text!r} contains none of {quotes}")


def visit_all(page, targets: dict[str, list[str]]) -> None:  # noqa: ANN001
    """Open every link target (sorted, so links into one page are in-page jumps)."""
    for href in sorted(targets):
        page.goto(href)
        check_sentence(page, targets[href])


CLICKED_SAMPLE = 4  # claims whose links are also clicked one by one (the rest are opened)


def test_every_claim_links_to_each_sentence_that_carries_it(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    claims_url = f"{site_url}/claims.html"
    page, watch = open_page(claims_url, allowed=(site_url,))
    targets: dict[str, list[str]] = {}
    for n, claim in enumerate(sorted(data["claims"], key=lambda c: c["id"])):
        assert squash(claim["text"]) in squash(claim_row(page, claim["id"]).inner_text())
        hrefs = hrefs_of(cell_links(page, claim["id"], "Sources"))
        expected = {f"{site_url}/sources/{a['source']}.html#"
                    f"{sentence_anchor(a['source'], a['sentence'])}" for a in claim["appearances"]}
        assert set(hrefs) == expected, f"{claim['id']}: source links {hrefs} != {expected}"
        for a in claim["appearances"]:
            anchor = sentence_anchor(a["source"], a["sentence"])
            href = f"{site_url}/sources/{a['source']}.html#{anchor}"
            targets.setdefault(href, []).append(a["quote"])
        if n < CLICKED_SAMPLE:
            for k in range(len(hrefs)):
                follow(page, cell_links(page, claim["id"], "Sources").nth(k))
                check_sentence(page, targets[page.url])
                page.go_back()
                page.wait_for_url(claims_url)
    visit_all(page, targets)
    assert_clean(watch, "claims page and the source pages it links to")


# ------------------------------------------------------------------- claims → actors → back


def test_claim_actor_links_lead_to_actor_pages_that_link_back_to_the_claim(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    claims_url = f"{site_url}/claims.html"
    names = {a["id"]: a["name"] for a in data["actors"]}
    page, watch = open_page(claims_url, allowed=(site_url,))
    back_links: dict[str, list[str]] = {}  # actor page → claims it must link back to
    for claim in sorted(data["claims"], key=lambda c: c["id"]):
        hrefs = hrefs_of(cell_links(page, claim["id"], "Actors"))
        assert {page_stem(h) for h in hrefs} == {a for a in claim["actors"] if a in names}, (
            claim["id"])
        for href in hrefs:
            back_links.setdefault(href, []).append(claim["id"])
    assert back_links, "no claim links to an actor: nothing to check"
    # click the first actor link of a sample of claims, and the way back
    with_actors = [c for c in sorted(data["claims"], key=lambda c: c["id"])
                   if cell_links(page, c["id"], "Actors").count()]
    for claim in with_actors[:CLICKED_SAMPLE]:
        follow(page, cell_links(page, claim["id"], "Actors").first)
        assert heading(page) == squash(names[page_stem(page.url)])
        back = page.locator(f'article a[href$="claims.html#{claim["id"]}"]')
        assert back.count() >= 1, f"{page.url} does not link back to {claim['id']}"
        follow(page, back.first)
        assert urldefrag(page.url).url == claims_url
        assert target_id(page) == claim["id"]
        assert squash(claim["text"]) in squash(claim_row(page, claim["id"]).inner_text())
    # every other actor page lists each of its claims with a link back to the claim's anchor
    for href, claim_ids in sorted(back_links.items()):
        page.goto(href)
        assert heading(page) == squash(names[page_stem(href)])
        links = set(hrefs_of(page.locator("article a")))
        missing = [c for c in claim_ids if f"{claims_url}#{c}" not in links]
        assert not missing, f"{href} does not link back to claims {missing}"
    assert_clean(watch, "claims page and actor pages")


# -------------------------------------------------------------------- actors → mentions


def test_every_actor_mention_links_to_a_sentence_containing_the_mention(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    page, watch = open_page(f"{site_url}/actors/index.html", allowed=(site_url,))
    targets: dict[str, list[str]] = {}
    for n, actor in enumerate(sorted(data["actors"], key=lambda a: a["id"])):
        page.goto(f"{site_url}/actors/{actor['id']}.html")
        expected: dict[str, list[str]] = {}
        for m in actor["mentions"]:
            href = (f"{site_url}/sources/{m['source']}.html#"
                    f"{sentence_anchor(m['source'], m['sentence'])}")
            expected.setdefault(href, []).append(m["text"])
        links = page.locator("xpath=//h2[@id='mentions']/following-sibling::ul[1]//a")
        hrefs = {h for h in hrefs_of(links) if "#" in h}
        assert hrefs == set(expected), f"{actor['id']}: mention links {hrefs} != {set(expected)}"
        for href, texts in expected.items():
            targets.setdefault(href, []).extend(texts)
        if n >= CLICKED_SAMPLE:
            continue
        # follow one mention by clicking, like a reader
        first = page.locator(
            "xpath=//h2[@id='mentions']/following-sibling::ul[1]//a[contains(@href, '#')]").first
        follow(page, first)
        check_sentence(page, expected[page.url])
    visit_all(page, targets)
    assert_clean(watch, "actor pages and the sentences they link to")


# ------------------------------------------------------------------------------------ search


def alias_to_search(data: dict) -> tuple[str, dict]:
    """An alias a reader might type: an acronym of one actor only, not part of its name."""
    owners: dict[str, list[dict]] = {}
    for actor in data["actors"]:
        for alias in actor["aliases"]:
            owners.setdefault(alias, []).append(actor)
    candidates = sorted(
        (not _ACRONYM.match(alias), alias, found[0]["id"])
        for alias, found in owners.items()
        if len(found) == 1 and alias.casefold() not in found[0]["name"].casefold()
    )
    assert candidates, "no actor in the seeds has an alias of its own to search for"
    _, alias, actor_id = candidates[0]
    return alias, next(a for a in data["actors"] if a["id"] == actor_id)


def test_search_box_finds_an_actor_by_an_alias(data, site_url, open_page) -> None:  # noqa: ANN001
    alias, actor = alias_to_search(data)
    page, watch = open_page(f"{site_url}/index.html", allowed=(site_url,))
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    search = page.locator("input.md-search__input")
    assert search.evaluate("el => el === document.activeElement")
    page.keyboard.type(alias)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    results = page.locator(".md-search-result__item a")
    target = f"/actors/{actor['id']}.html"
    paths = [urlsplit(h).path for h in results.evaluate_all("els => els.map(a => a.href)")]
    assert target in paths, f"searching {alias!r} does not find {target}: {paths}"
    follow(page, results.nth(paths.index(target)))
    assert heading(page) == squash(actor["name"])
    assert alias in page.locator("article").inner_text()
    assert_clean(watch, f"search for {alias!r}")


# ----------------------------------------------------------------------------------- palette


def test_palette_toggle_switches_between_light_and_dark(site_url, open_page) -> None:  # noqa: ANN001
    page, watch = open_page(f"{site_url}/index.html", allowed=(site_url,))
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') !== s", arg=scheme)
    other = page.get_attribute("body", "data-md-color-scheme")
    assert {scheme, other} == {"default", "slate"}
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)
    assert_clean(watch, "palette toggle")
