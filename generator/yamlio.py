"""Safe YAML for seed metadata and curation, with line numbers for every key.

Why not ``yaml.safe_load``: it forgets where values came from (so errors could
not name the line), it silently keeps the last of two duplicate keys, and it
expands aliases without bound. Here the document is *composed* into nodes with
``yaml.SafeLoader`` (which never constructs Python objects from tags), every
tag is checked against the plain-data set, and the nodes are turned into plain
Python data by hand while recording the line of every mapping key and
sequence item. Nothing in a YAML file is ever executed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import BriefingError, Problem

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_STD + t for t in ("null", "bool", "int", "float", "str", "timestamp"))
_SEQ_TAG = _STD + "seq"
_MAP_TAG = _STD + "map"
MAX_NODES = 100_000  # bounds alias expansion ("billion laughs") and absurdly large files

Key = str | int
PathKeys = tuple[Any, ...]


@dataclass
class YamlDoc:
    """Parsed YAML: plain data plus the 1-based line (and column) of every key and item."""

    data: Any
    path: str
    positions: dict[PathKeys, tuple[int, int]] = field(default_factory=dict)

    def line(self, *keys: Any) -> int | None:
        """Line of the mapping key / sequence item at ``keys``, e.g. ``line("actors", 2, "name")``.

        Falls back to the nearest enclosing key that has a line, so a problem
        with a missing key still points at its parent.
        """
        pos = self._position(keys)
        return pos[0] if pos else None

    def column(self, *keys: Any) -> int | None:
        pos = self._position(keys)
        return pos[1] if pos else None

    def _position(self, keys: tuple[Any, ...]) -> tuple[int, int] | None:
        for n in range(len(keys), -1, -1):
            if keys[:n] in self.positions:
                return self.positions[keys[:n]]
        return None


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def _problem(path: str, mark: Any, line_offset: int, message: str, hint: str) -> Problem:
    line = mark.line + 1 + line_offset if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(path, message, hint, line=line, column=column)


_SYNTAX_HINTS = (
    ("'\\t'", "YAML does not allow tab characters for indentation: indent with spaces."),
    ("mapping values are not allowed", "a value that contains ': ' must be put in quotes."),
    ("found character '@'", "values starting with @ or ` must be put in quotes."),
    ("found character '`'", "values starting with @ or ` must be put in quotes."),
    ("another document", "only one YAML document is allowed: remove the extra '---' line."),
    ("found undefined alias", "an '*name' alias needs a matching '&name' anchor earlier, "
     "or put the value in quotes."),
)
_DEFAULT_HINT = (
    "check the indentation and quoting around this line; text with ':', '#', '[', '{', "
    "quotes or a leading '-' should be put in quotes."
)


def _syntax_hint(err: yaml.MarkedYAMLError) -> str:
    text = f"{err.context or ''} {err.problem or ''}"
    return next((hint for needle, hint in _SYNTAX_HINTS if needle in text), _DEFAULT_HINT)


class _Builder:
    """Turns composed nodes into plain data, checking tags and duplicate keys."""

    def __init__(self, loader: yaml.SafeLoader, path: str, line_offset: int):
        self.loader = loader
        self.path = path
        self.offset = line_offset
        self.positions: dict[PathKeys, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.budget = MAX_NODES

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def error(self, node: yaml.Node, message: str, hint: str) -> None:
        self.problems.append(_problem(self.path, node.start_mark, self.offset, message, hint))

    def build(self, node: yaml.Node, keys: PathKeys, active: frozenset[int]) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig(node)
        if id(node) in active:
            self.error(node, "an alias refers to itself (a recursive structure)",
                       "remove the '*alias' that points back into its own anchor.")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return self.sequence(node, keys, active | {id(node)})
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self.mapping(node, keys, active | {id(node)})
        self.bad_tag(node)
        return None

    def bad_tag(self, node: yaml.Node) -> None:
        tag = _show_tag(node.tag)
        if "python" in tag.lower():
            message = f"the YAML tag {tag} is not allowed: it asks to run code (it was not run)"
        else:
            message = f"the YAML tag {tag} is not allowed here"
        self.error(node, message, "write plain text, numbers, dates, lists and mappings only; "
                   "remove the '!...' tag.")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.bad_tag(node)
            return None
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as err:
            if node.tag == _STD + "timestamp":
                self.error(node, f"{node.value!r} is not a valid date ({err})",
                           "write a real date as YYYY-MM-DD, or put the value in quotes if it "
                           "is meant as text.")
            else:
                self.error(node, f"cannot read the value {node.value!r}: {err}",
                           "put the value in quotes if it is meant as text.")
            return None

    def sequence(self, node: yaml.SequenceNode, keys: PathKeys, active: frozenset[int]) -> list:
        items = []
        for index, item in enumerate(node.value):
            self.positions[keys + (index,)] = self.pos(item)
            items.append(self.build(item, keys + (index,), active))
        return items

    def mapping(self, node: yaml.MappingNode, keys: PathKeys, active: frozenset[int]) -> dict:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STD + "merge":
                self.error(key_node, "YAML merge keys ('<<') are not supported",
                           "write the keys out in full.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, "a mapping key must be plain text, not a list or mapping",
                           "write the key as a single word followed by ':'.")
                continue
            key = self.scalar(key_node)
            line = self.pos(key_node)[0]
            if key in first_line:
                self.error(key_node, f"duplicate key {key!r} (first given on line "
                           f"{first_line[key]})", "keep one of them: YAML would silently "
                           "drop the first value.")
                continue
            first_line[key] = line
            self.positions[keys + (key,)] = self.pos(key_node)
            result[key] = self.build(value_node, keys + (key,), active)
        return result


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def _error_mark(err: yaml.MarkedYAMLError, text: str) -> yaml.Mark | None:
    """Where to point the user: the problem, unless YAML only noticed it at the end of the
    file (an unclosed quote or bracket), in which case the place the construct was opened."""
    problem, context = err.problem_mark, err.context_mark
    if problem is None:
        return context
    at_end = not text[problem.index :].strip()
    if at_end and context is not None:
        return context
    return problem


def parse_yaml(text: str, path: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document safely. Raises ``BriefingError`` listing every problem.

    ``path`` is the file name shown in messages; ``line_offset`` is added to line
    numbers (front matter starts after the opening '---' line). An empty
    document gives ``data=None``. Dates stay ``datetime.date``/``datetime``.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = _error_mark(err, text)
        message = "invalid YAML: " + " ".join(x for x in (err.context, err.problem) if x)
        raise BriefingError(_problem(path, mark, line_offset, message, _syntax_hint(err))) from None
    except yaml.YAMLError as err:
        raise BriefingError(Problem(path, f"invalid YAML: {err}", _DEFAULT_HINT)) from None
    except RecursionError:
        raise BriefingError(Problem(path, "the YAML is nested too deeply",
                                    "flatten the structure.")) from None
    finally:
        loader.dispose()
    if node is None:
        return YamlDoc(None, path)
    builder = _Builder(loader, path, line_offset)
    builder.positions[()] = builder.pos(node)
    try:
        data = builder.build(node, (), frozenset())
    except _TooBig as err:
        raise BriefingError(_problem(path, err.node.start_mark, line_offset,
                                     f"the YAML expands to more than {MAX_NODES} values",
                                     "aliases ('*name') may be nested too often; write the "
                                     "values out.")) from None
    except RecursionError:
        raise BriefingError(Problem(path, "the YAML is nested too deeply",
                                    "flatten the structure.")) from None
    if builder.problems:
        raise BriefingError(builder.problems)
    return YamlDoc(data, path, builder.positions)


# Words people commonly use for a key that has another name here. General, not seed-specific.
_SYNONYMS = {
    "date": "published",
    "pubdate": "published",
    "published_at": "published",
    "publication_date": "published",
    "lang": "language",
    "link": "url",
    "href": "url",
    "source_url": "url",
    "canonical": "url",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "headline": "title",
    "name": "title",
    "byline": "author",
    "authors": "author",
    "tag": "tags",
    "keywords": "tags",
}


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest allowed word to a misspelt one, or None."""
    options = sorted(choices)
    lowered = word.lower()
    if lowered in options:
        return lowered
    if _SYNONYMS.get(lowered) in options:
        return _SYNONYMS[lowered]
    close = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
    return close[0] if close else None


def check_keys(
    mapping: Mapping[Any, Any],
    allowed: set[str],
    doc: YamlDoc,
    path_keys: tuple[Any, ...] | list[Any],
    file: str,
) -> list[Problem]:
    """A problem for every key of ``mapping`` not in ``allowed``, with a "did you mean"."""
    problems = []
    base = tuple(path_keys)
    for key in mapping:
        if isinstance(key, str) and key in allowed:
            continue
        guess = suggest(key, allowed) if isinstance(key, str) else None
        hint = f"did you mean '{guess}'? " if guess else ""
        hint += "allowed keys: " + ", ".join(sorted(allowed)) + "."
        where = f" in {'.'.join(str(k) for k in base)}" if base else ""
        problems.append(Problem(file, f"unknown key {key!r}{where}", hint,
                                line=doc.line(*base, key), column=doc.column(*base, key)))
    return problems


_TYPE_NAMES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing",
}


def type_name(value: Any) -> str:
    """How a YAML value's type is described to a user."""
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return "a date" if hasattr(value, "isoformat") else type(value).__name__


def check_type(
    value: Any, expected: type | tuple[type, ...], doc: YamlDoc, keys: tuple[Any, ...], file: str
) -> Problem | None:
    """A problem if ``value`` (found at ``keys``) is not of the expected type, else None.

    ``bool`` is never accepted where a number is expected, although it is an int in Python.
    """
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
        return None
    wanted = " or ".join(dict.fromkeys(_TYPE_NAMES.get(k, k.__name__) for k in kinds))
    hint = "put the value in quotes." if str in kinds else f"write {wanted}."
    label = ".".join(str(k) for k in keys)
    return Problem(file, f"'{label}' must be {wanted}, not {type_name(value)}", hint,
                   line=doc.line(*keys), column=doc.column(*keys))
