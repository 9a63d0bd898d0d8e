"""The main text and metadata of a saved news web page, with the standard library only.

Why not trafilatura: it is good at the job, but it drags lxml and its cleaner
(which recently moved to another package and breaks imports), and its
metadata step guesses dates (from URLs and copyright lines), which would
invent dates. A news page's structure is regular enough for a careful
extractor: build a small tree with ``html.parser``, drop page chrome, take the
``<article>`` (or ``<main>``, or ``<body>``) and read its blocks in order.

Dropped as chrome: nav, header, footer, aside, form and controls, script,
style, template, svg, iframe, figure, anything ``hidden``/``aria-hidden`` or
with a landmark role that is not content, and elements whose class or id names
a known kind of chrome (share bars, cookie banners, newsletter boxes, related
links, comments, ads, bylines). Paragraph breaks become "\\n\\n".

Metadata only from explicit declarations, never guessed: title from og:title,
<title> or <h1>; outlet from og:site_name or JSON-LD publisher; url from
canonical or og:url; published from article:published_time, JSON-LD
datePublished or a <time datetime> outside the running text; language from
<html lang>.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


def _set(words: str) -> frozenset[str]:
    """A set of words from a space-separated string (keeps the long lists readable)."""
    return frozenset(words.split())


VOID = _set("area base br col embed hr img input keygen link meta param source track wbr")
DROP_TAGS = _set("script style noscript template svg math nav header footer aside form "
                 "button select option textarea input label iframe object embed canvas "
                 "figure dialog menu video audio picture map head title")
BLOCK_TAGS = _set("p div section article main h1 h2 h3 h4 h5 h6 li dd dt blockquote pre "
                  "td th tr table ul ol dl body address center")
HEADINGS = _set("h1 h2 h3 h4 h5 h6")
RUNNING_TEXT = _set("p li blockquote td dd")  # a <time> in these is content
DROP_ROLES = _set("navigation banner contentinfo complementary search dialog alertdialog "
                  "menu menubar toolbar form")
# Class/id words that name page chrome. Matched as whole words of the class/id.
CHROME_WORDS = _set("""share sharing social cookie cookies consent gdpr newsletter subscribe
    subscription signup related recommended recommendations comment comments advert advertisement
    advertising ad ads adslot sponsor sponsored promo promotion breadcrumb breadcrumbs sidebar menu
    navbar nav popup modal banner footer header masthead paywall outbrain taboola byline author
    authors skip toolbar tags tagline disclaimer print""")
MAX_DEPTH = 200  # hostile pages nest thousands of <div>s; real articles stay far below this
# Elements that may close an open <p> implicitly (HTML's rules, simplified).
CLOSES_P = BLOCK_TAGS | _set("hr figure form header footer nav aside ul ol")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    """Builds a forgiving tree: unknown end tags ignored, unclosed elements closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = self._start(tag, attrs)
        if self.stack[-1] is node:  # <div/>: opened and closed at once
            self.stack.pop()

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # Python before 3.13 asserts on "<![" without a section name ("<![0"); a browser
            # reads such markup as a bogus comment up to the next ">", and so do we.
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> Node:
        tag = tag.lower()
        if tag in CLOSES_P:
            self._close_implied("p")
        if tag == "li":
            self._close_implied("li", stop=("ul", "ol"))
        if tag in ("dt", "dd"):
            self._close_implied("dd", stop=("dl",))
            self._close_implied("dt", stop=("dl",))
        node = Node(tag, {k.lower(): v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)  # deeper elements become flat siblings: bounded recursion
        return node

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_implied(self, tag: str, stop: tuple[str, ...] = ()) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            current = self.stack[depth].tag
            if current == tag:
                del self.stack[depth:]
                return
            if current in stop or current in ("article", "main", "body", "div", "section"):
                return


def parse_html(markup: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


# --------------------------------------------------------------------------- chrome


def _words(value: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", value.lower())) - {""}


def is_chrome(node: Node, protected: frozenset[int] = frozenset()) -> bool:
    """True for elements that are page furniture rather than article text.

    ``protected`` holds ids of elements that contain the article: a wrapper
    ``<div class="page with-sidebar">`` must not take the article down with it.
    """
    if node.tag in DROP_TAGS:
        return True
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in DROP_ROLES:
        return True
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", attrs.get("style", ""), re.I):
        return True
    words = _words(attrs.get("class", "")) | _words(attrs.get("id", ""))
    return bool(words & CHROME_WORDS) and id(node) not in protected


# --------------------------------------------------------------------------- blocks


def _is_content_root(node: Node) -> bool:
    return node.tag in ("article", "main", "body", "html") or node.attrs.get(
        "role", "").lower() == "main" or node.attrs.get("itemprop", "") == "articleBody"


def protected_ids(root: Node) -> frozenset[int]:
    """Ids of content roots and of every element that contains one."""
    ids: set[int] = set()
    for node in root.iter():
        if _is_content_root(node):
            ids.add(id(node))
            ids.update(id(a) for a in node.ancestors())
    return frozenset(ids)


def _collect(node: Node, blocks: list[str], current: list[str],
             protected: frozenset[int] = frozenset()) -> None:
    """Walk the tree in order, cutting text into blocks at block elements and <br>."""
    for child in node.children:
        if isinstance(child, str):
            current.append(child)
            continue
        if is_chrome(child, protected):
            continue
        if child.tag == "br" or child.tag == "hr":
            _flush(blocks, current)
        elif child.tag in BLOCK_TAGS:
            _flush(blocks, current)
            _collect(child, blocks, current, protected)
            _flush(blocks, current)
        elif child.tag == "img":
            continue
        else:
            _collect(child, blocks, current, protected)


def _flush(blocks: list[str], current: list[str]) -> None:
    text = " ".join("".join(current).split())
    current.clear()
    if text:
        blocks.append(text)


def blocks_of(node: Node, protected: frozenset[int] = frozenset()) -> list[str]:
    """The text blocks of an element, chrome left out."""
    blocks: list[str] = []
    current: list[str] = []
    _collect(node, blocks, current, protected)
    _flush(blocks, current)
    return blocks


def main_container(root: Node, protected: frozenset[int] = frozenset()) -> Node:
    """The element holding the article: the <article> (or <main>) with the most text.

    An <article> inside chrome (a teaser in an <aside>) does not count.
    """
    def wanted(node: Node, tag: str) -> bool:
        if tag == "main":
            is_tag = node.tag == "main" or node.attrs.get("role", "").lower() == "main"
        else:
            is_tag = node.tag == "article" or node.attrs.get("itemprop", "") == "articleBody"
        return is_tag and not any(is_chrome(a, protected) for a in node.ancestors())

    for tag in ("article", "main"):
        sizes = [(sum(map(len, blocks_of(n, protected))), n) for n in root.iter()
                 if wanted(n, tag)]
        best = max(sizes, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] > 0:
            return best[1]
    return next((n for n in root.iter() if n.tag == "body"), root)


# ------------------------------------------------------------------------- metadata


def _meta_tags(root: Node) -> dict[str, str]:
    """<meta property|name|itemprop = content>, first value of each name, names lowercased."""
    found: dict[str, str] = {}
    for node in root.iter():
        if node.tag != "meta":
            continue
        name = node.attrs.get("property") or node.attrs.get("name") or node.attrs.get("itemprop")
        content = node.attrs.get("content")
        if name and content and content.strip():
            found.setdefault(name.strip().lower(), content.strip())
    return found


def _json_ld(root: Node) -> list[dict]:
    """Every JSON-LD object on the page (flattening @graph and lists); bad JSON is ignored."""
    objects: list[dict] = []
    for node in root.iter():
        if node.tag == "script" and "ld+json" in node.attrs.get("type", "").lower():
            try:
                data = json.loads(node.text())
            except (ValueError, RecursionError):
                continue
            _flatten_ld(data, objects)
    return objects


def _flatten_ld(data: object, out: list[dict], depth: int = 0) -> None:
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data:
            _flatten_ld(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        if "@graph" in data:
            _flatten_ld(data["@graph"], out, depth + 1)


def _ld_value(objects: list[dict], key: str, sub: str | None = None) -> str | None:
    for obj in objects:
        value = obj.get(key)
        if sub and isinstance(value, dict):
            value = value.get(sub)
        if isinstance(value, list) and value:
            value = value[0]
            if sub and isinstance(value, dict):
                value = value.get(sub)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _first(root: Node, tag: str) -> Node | None:
    return next((n for n in root.iter() if n.tag == tag), None)


def _published_time(root: Node) -> str | None:
    """The datetime of a <time> that dates the page (not one inside the running text)."""
    for node in root.iter():
        if (node.tag == "time" and node.attrs.get("datetime", "").strip()
                and not any(a.tag in RUNNING_TEXT for a in node.ancestors())):
            return node.attrs["datetime"].strip()
    return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def extract_metadata(root: Node) -> dict[str, tuple[str, str]]:
    """field → (value as declared, where it came from). Only fields the page declares."""
    meta = _meta_tags(root)
    ld = _json_ld(root)
    title_node, h1 = _first(root, "title"), _first(root, "h1")
    html_node = _first(root, "html")
    canonical = next((n.attrs.get("href") for n in root.iter() if n.tag == "link"
                      and "canonical" in n.attrs.get("rel", "").lower().split()), None)
    candidates = {
        "title": [(meta.get("og:title"), "og:title"), (_ld_value(ld, "headline"), "json-ld"),
                  (title_node and title_node.text(), "<title>"), (h1 and h1.text(), "<h1>")],
        "outlet": [(meta.get("og:site_name"), "og:site_name"),
                   (_ld_value(ld, "publisher", "name"), "json-ld")],
        "url": [(canonical, "canonical link"), (meta.get("og:url"), "og:url")],
        "published": [(meta.get("article:published_time"), "article:published_time"),
                      (_ld_value(ld, "datePublished"), "json-ld"),
                      (meta.get("datepublished"), "meta datePublished"),
                      (_published_time(root), "<time>")],
        "author": [(meta.get("author"), "meta author"), (_ld_value(ld, "author", "name"),
                                                          "json-ld")],
        "language": [(html_node and html_node.attrs.get("lang"), "<html lang>")],
    }
    result = {}
    for name, options in candidates.items():
        for value, origin in options:
            if (cleaned := _clean(value)) is not None:
                result[name] = (cleaned, origin)
                break
    if "title" in result and "outlet" in result:
        result["title"] = (_strip_outlet(result["title"][0], result["outlet"][0]),
                           result["title"][1])
    return result


def _strip_outlet(title: str, outlet: str) -> str:
    """ "Headline | Outlet" → "Headline" (only when the suffix is the page's own outlet)."""
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip().casefold() == outlet.casefold():
            return head.strip()
    return title


# ---------------------------------------------------------------------------- API


@dataclass
class HtmlArticle:
    text: str  # main text, blocks separated by "\n\n"
    metadata: dict[str, tuple[str, str]]  # field → (value, origin)


def extract_article(markup: str) -> HtmlArticle:
    """Main text and declared metadata of an HTML page.

    The page's headline (an <h1> equal to the title) is not repeated in the text.
    """
    root = parse_html(markup)
    metadata = extract_metadata(root)
    protected = protected_ids(root)
    blocks = blocks_of(main_container(root, protected), protected)
    title = metadata.get("title", ("", ""))[0]
    if blocks and title and " ".join(blocks[0].split()).casefold() == title.casefold():
        blocks = blocks[1:]
    return HtmlArticle("\n\n".join(blocks), metadata)
