"""Escaping helpers: every value that comes from a seed, its metadata or curation is *data*.

The templates produce Markdown that MkDocs turns into HTML. Python-Markdown passes raw HTML
through unsanitised, does not check link targets, and several extensions (attr_list, abbr,
admonition, tables) give meaning to ordinary punctuation. So a value is made literal by
replacing every character that could mean something to HTML or Markdown with a numeric
character reference. A character reference is the one escape that works in every context we
use: inline Markdown, table cells, headings, raw-HTML blocks and HTML attribute values (a
backslash escape, by contrast, is shown literally inside raw HTML). Browsers and MkDocs'
search indexer decode the references back to the original characters, so readers and search
see the text as written.

``Safe`` marks text that is already Markdown/HTML made by this module (or by trusted code).
The Jinja environment in ``generator.render`` escapes every printed value that is not ``Safe``,
so a template that forgets a filter shows escaped text rather than live markup.
"""

from __future__ import annotations

import functools
import hashlib
import re
from urllib.parse import urlsplit


class Safe(str):
    """Markdown/HTML produced by trusted code; printed as is by the templates."""

    __slots__ = ()


# Characters with a meaning in HTML, in Python-Markdown or in the extensions we (or a user's
# mkdocs.yml) may enable: emphasis, code, links/images/footnotes/abbr, attr_list, tables,
# headings, admonitions, tilde/caret/mark. "(", ")", ":" and "." carry no meaning once
# "[" / "]" / "<" are escaped, so they stay readable (line-start cases are handled below).
_ESCAPED = "&<>\\`*_{}[]#|!~^=$"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _ESCAPED}
# Quotes only matter inside attribute values (text content cannot close an attribute).
_ATTR_TABLE = {**_TABLE, ord('"'): "&#34;", ord("'"): "&#39;"}
# C0 controls (and DEL) are dropped: "\x02" and "\x03" delimit Python-Markdown's placeholders
# for stashed raw HTML, so data containing them could splice in markup from elsewhere.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s+")
# A block that starts with "-", "+", "1." or "1)" would become a list item.
_LEADING_LIST_RE = re.compile(r"^(?:([-+])|(\d+)([.)]))")


def clean(text: object) -> str:
    """The value as one line of text: control characters removed, whitespace collapsed."""
    if text is None:
        return ""
    value = _CONTROL_RE.sub("", str(text))
    return _SPACE_RE.sub(" ", value).strip()


def _escape_leading_marker(text: str) -> str:
    match = _LEADING_LIST_RE.match(text)
    if not match:
        return text
    if match.group(1):
        return f"&#{ord(match.group(1))};{text[1:]}"
    digits, mark = match.group(2), match.group(3)
    return f"{digits}&#{ord(mark)};{text[len(digits) + 1:]}"


def md(text: object) -> Safe:
    """Escape a value for inline Markdown (also valid inside raw HTML and table cells)."""
    if isinstance(text, Safe):
        return text
    if type(text) is str:
        return _md_str(text)
    value = clean(text).translate(_TABLE)
    return Safe(_escape_leading_marker(value))


@functools.lru_cache(maxsize=1 << 16)
def _md_str(text: str) -> Safe:
    # Names, labels and headlines recur on many pages: escape each once.
    return Safe(_escape_leading_marker(clean(text).translate(_TABLE)))


def attr(text: object) -> Safe:
    """Escape a value for a double-quoted HTML attribute inside Markdown."""
    if isinstance(text, Safe):
        return text
    return Safe(clean(text).translate(_ATTR_TABLE))


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, without spaces or controls,
    else None. Links are only made from URLs that pass (and are attribute-escaped)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _CONTROL_RE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def external_link(url: object, label: object) -> Safe:
    """A link to an outside page (a source's original URL), or just the label if unsafe.

    Only http(s) URLs are linked; the link opens without referrer or opener access.
    """
    target = safe_url(url)
    text = md(label)
    if target is None:
        return text
    return Safe(f'<a href="{attr(target)}" rel="noopener noreferrer nofollow">{text}</a>')


_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")


def slug(identifier: object) -> str:
    """A file-name/anchor-safe form of an id.

    Ids are URL-safe by contract, so a well-formed id is returned unchanged (anchors stay
    stable and documented). Anything else (path separators, dots, spaces, markup) is mapped
    to a deterministic hash, so no id can escape docs/ or break out of an attribute.
    """
    value = "" if identifier is None else str(identifier)
    if _ID_RE.match(value):
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"x-{digest}"


def anchor(identifier: object) -> Safe:
    """An id attribute value / URL fragment, as a ``Safe`` string."""
    return Safe(slug(identifier))


_ABBR_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_EXPANSION_RE = re.compile(r"^[^\W\d_][\w .'’-]{2,100}$")
_STOP = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "&"}


def initials(name: str) -> str:
    """Initials of the significant words: "European Union" → "EU"."""
    words = re.split(r"[\s-]+", name)
    return "".join(w[0].upper() for w in words if w and w.lower() not in _STOP and w[0].isalpha())


def abbreviation_pairs(names: list[str]) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs among one actor's names, e.g. ("EU", "European Union").

    Only expansions made of letters, digits, spaces, hyphens, apostrophes and dots are used:
    the abbr extension writes the expansion into a ``title`` attribute.
    """
    acronyms = sorted({n for n in names if _ABBR_RE.match(n)})
    longer = sorted(
        {n for n in names if not _ABBR_RE.match(n) and _EXPANSION_RE.match(n)},
        key=lambda n: (-len(n), n),
    )
    pairs = []
    for acronym in acronyms:
        expansion = next((n for n in longer if initials(n) == acronym), None)
        if expansion is not None:
            pairs.append((acronym, expansion))
    return pairs
