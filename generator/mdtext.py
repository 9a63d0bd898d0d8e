"""Markdown → plain text for extraction.

A Markdown seed is an article someone saved with formatting. Extraction wants
the words a reader sees: heading marks, emphasis, list bullets, quote marks
and link targets go; link texts, code and table cells stay; images go (their
alt text is not part of the article). Blocks (paragraphs, headings, list
items, table rows, code blocks) are separated by a blank line, lines inside a
paragraph joined by a space (Markdown's soft line breaks).

Raw HTML inside Markdown is kept as literal text except comments: seed text is
data, and the renderers escape it. Character references (``&amp;``) are
decoded, as a Markdown reader would see them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_TABLE_DELIM = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

_ESCAPABLE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_INLINE_RULES = (
    (re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), ""),  # image
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),  # reference image
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),  # link
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"<([^@<>\s]+@[^@<>\s]+\.[^@<>\s]+)>"), r"\1"),  # e-mail autolink
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # emphasis
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
)


@dataclass
class _State:
    blocks: list[str] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    first_heading: str | None = None  # a level-1 heading that opens the document
    table: bool = False

    def flush(self) -> None:
        if self.paragraph:
            self.add(" ".join(line.strip() for line in self.paragraph))
            self.paragraph = []

    def add(self, text: str, heading_level: int = 0) -> None:
        text = inline_to_text(text).strip()
        if not text:
            return
        if heading_level == 1 and not self.blocks and self.first_heading is None:
            self.first_heading = text
            return
        self.blocks.append(text)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """(plain text, leading level-1 heading or None). The heading is not in the text."""
    state = _State()
    lines = _COMMENT.sub("", markdown).split("\n")
    i = 0
    while i < len(lines):
        i = _block(lines, i, state)
    state.flush()
    return "\n\n".join(state.blocks), state.first_heading


def _block(lines: list[str], i: int, state: _State) -> int:
    """Consume the construct starting at line ``i``; return the index of the next line."""
    line = lines[i]
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    fence = _FENCE.match(line)
    if fence:
        state.flush()
        return _code_block(lines, i + 1, fence[1], state)
    if not line.strip():
        state.flush()
        state.table = False
        return i + 1
    if line.startswith(("    ", "\t")) and not state.paragraph:
        return _indented_code(lines, i, state)
    _line(line, state)
    return i + 1


def _line(line: str, state: _State) -> None:
    """One ordinary line: heading, rule, list item, table row or paragraph text."""
    if (atx := _ATX.match(line)) is not None:
        state.flush()
        state.add(atx[2] or "", heading_level=len(atx[1]))
    elif state.paragraph and (setext := _SETEXT.match(line)) and not state.table:
        text = " ".join(p.strip() for p in state.paragraph)
        state.paragraph = []
        state.add(text, heading_level=1 if setext[1][0] == "=" else 2)
    elif _BREAK.match(line):
        state.flush()
    elif _REF_DEF.match(line) and not state.paragraph:
        pass  # link reference definition: the target is not article text
    elif len(state.paragraph) == 1 and "|" in state.paragraph[0] and _TABLE_DELIM.match(line):
        header = state.paragraph.pop()
        state.table = True
        state.add(_table_row(header))
    elif state.table and "|" in line:
        state.add(_table_row(line))
    elif (item := _ITEM.match(line)) is not None:
        state.flush()
        state.paragraph = [item[1] or ""]
    else:
        state.paragraph.append(line)


def _table_row(line: str) -> str:
    """Cells of a pipe-table row joined with '; ' (escaped pipes stay in the cell)."""
    row = line.strip().removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)]
    return "; ".join(c.replace("\\|", "|") for c in cells if c)


def _code_block(lines: list[str], i: int, fence: str, state: _State) -> int:
    body = []
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    while i < len(lines) and not closing.match(lines[i]):
        body.append(lines[i])
        i += 1
    code = "\n".join(body).strip("\n")
    if code.strip():
        state.blocks.append(code)
    return i + 1


def _indented_code(lines: list[str], i: int, state: _State) -> int:
    body = []
    while i < len(lines) and (lines[i].startswith(("    ", "\t")) or not lines[i].strip()):
        body.append(lines[i][4:] if lines[i].startswith("    ") else lines[i][1:])
        i += 1
    code = "\n".join(body).strip("\n")
    if code.strip():
        state.blocks.append(code)
    return i


def inline_to_text(text: str) -> str:
    """Remove inline Markdown: code spans keep their content, links their text."""
    kept: list[str] = []

    def hold(value: str) -> str:
        kept.append(value)
        return f"\x00{len(kept) - 1}\x00"  # NULs never survive decoding, so this is unambiguous

    text = _ESCAPABLE.sub(lambda m: hold(m[1]), text)
    text = _CODE_SPAN.sub(lambda m: hold(_code_content(m[2])), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], text)
    return re.sub(r"[ \t]+", " ", text)


def _code_content(code: str) -> str:
    code = code.replace("\n", " ")
    if code.startswith(" ") and code.endswith(" ") and code.strip():
        code = code[1:-1]
    return code
