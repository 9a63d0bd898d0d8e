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
    for kind, path in page_kinds(data).items():
        page, watch = open_page(f"{site_url}/{path}", allowed=(site_url,))
        assert page.locator("article h1").count() == 1, f"{kind} ({path}) has no page heading"
        assert page.locator("article h1").is_visible()
        # a page that 404s still renders Material's 404 page: make sure we got the real one
        assert "404" not in page.title(), f"{kind} ({path}) is missing"
        assert_clean(watch, f"{kind} ({path})")


# ------------------------------------------------------------------------ claims → sentences


def claim_row(page, claim_id: str):  # noqa: ANN201, ANN001
    anchor = page.locator(f'[id="{claim_id}"]')
    assert anchor.count() == 1, f"claim {claim_id} has no anchor on the claims page"
    return anchor.locator("xpath=ancestor::tr[1]")


def test_every_claim_links_to_each_sentence_that_carries_it(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    claims_url = f"{site_url}/claims.html"
    page, watch = open_page(claims_url, allowed=(site_url,))
    for claim in data["claims"]:
        row = claim_row(page, claim["id"])
        assert squash(claim["text"]) in squash(row.inner_text())
        column = column_index(page, row, "Sources")
        cell = row.locator("td").nth(column)
        expected = {(a["source"], a["sentence"]) for a in claim["appearances"]}
        links = cell.locator("a")
        hrefs = [urlsplit(h) for h in links.evaluate_all("els => els.map(a => a.href)")]
        found = {(p.path.rsplit("/", 1)[-1].removesuffix(".html"), p.fragment) for p in hrefs}
        assert found == {(s, sentence_anchor(s, n)) for s, n in expected}, claim["id"]
        for n in range(links.count()):
            follow(page, claim_row(page, claim["id"]).locator("td").nth(column).locator("a").nth(n))
            fragment = urldefrag(page.url).fragment
            assert target_id(page) == fragment, f"{page.url} does not land on its sentence"
            sentence = page.locator(f'[id="{fragment}"]')
            assert sentence.is_visible(), f"{page.url}: sentence is not visible"
            quotes = [squash(a["quote"]) for a in claim["appearances"]
                      if sentence_anchor(a["source"], a["sentence"]) == fragment]
            text = squash(sentence.inner_text())
            assert any(q in text for q in quotes), (
                f"{page.url}: sentence {text!r} does not contain the quote {quotes}")
            page.go_back()
            page.wait_for_url(claims_url)
    assert_clean(watch, "claims page and the source pages it links to")


# ------------------------------------------------------------------- claims → actors → back


def test_claim_actor_links_lead_to_actor_pages_that_link_back_to_the_claim(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    claims_url = f"{site_url}/claims.html"
    names = {a["id"]: a["name"] for a in data["actors"]}
    page, watch = open_page(claims_url, allowed=(site_url,))
    checked = 0
    for claim in data["claims"]:
        row = claim_row(page, claim["id"])
        column = column_index(page, row, "Actors")
        hrefs = row.locator("td").nth(column).locator("a").evaluate_all(
            "els => els.map(a => a.href)")
        linked = {urlsplit(h).path.rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs}
        assert linked == {a for a in claim["actors"] if a in names}, claim["id"]
        for n in range(len(hrefs)):
            link = claim_row(page, claim["id"]).locator("td").nth(column).locator("a").nth(n)
            follow(page, link)
            actor_id = urlsplit(page.url).path.rsplit("/", 1)[-1].removesuffix(".html")
            assert heading(page) == squash(names[actor_id])
            back = page.locator(f'article a[href$="claims.html#{claim["id"]}"]')
            assert back.count() >= 1, f"actor {actor_id} does not link back to {claim['id']}"
            follow(page, back.first)
            assert urldefrag(page.url).url == claims_url
            assert target_id(page) == claim["id"]
            assert squash(claim["text"]) in squash(claim_row(page, claim["id"]).inner_text())
            checked += 1
    assert checked, "no claim links to an actor: nothing was checked"
    assert_clean(watch, "claims page and actor pages")


# -------------------------------------------------------------------- actors → mentions


def test_every_actor_mention_links_to_a_sentence_containing_the_mention(
    data, site_url, open_page  # noqa: ANN001
) -> None:
    page, watch = open_page(f"{site_url}/index.html", allowed=(site_url,))
    for actor in data["actors"]:
        actor_url = f"{site_url}/actors/{actor['id']}.html"
        page.goto(actor_url)
        texts: dict[str, set[str]] = {}
        for m in actor["mentions"]:
            texts.setdefault(sentence_anchor(m["source"], m["sentence"]), set()).add(m["text"])
        links = page.locator("xpath=//h2[@id='mentions']/following-sibling::ul[1]//a")
        hrefs = [h for h in links.evaluate_all("els => els.map(a => a.href)") if "#" in h]
        assert {urldefrag(h).fragment for h in hrefs} == set(texts), actor["id"]
        for href in hrefs:
            page.goto(href)
            fragment = urldefrag(href).fragment
            assert target_id(page) == fragment, f"{href} does not land on a sentence"
            sentence = page.locator(f'[id="{fragment}"]')
            assert sentence.is_visible()
            text = squash(sentence.inner_text())
            assert any(squash(t) in text for t in texts[fragment]), (
                f"{actor['id']}: {href} shows {text!r}, no mention of {texts[fragment]}")
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
