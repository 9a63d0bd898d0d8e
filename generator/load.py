"""Stage 1: read the seed documents in ``seeds/`` into ``Document`` objects.

What is a seed: every file directly in the seeds folder whose suffix is
``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` (any case). Not seeds:
sub-folders (``seeds/curation/`` holds analyst curation), hidden files
(``.DS_Store``, editor lock files), ``NAME.yml``/``NAME.yaml`` sidecars (they
carry metadata for the seed with the same stem), any ``README`` file (it
documents the folder, it is not an article) and files of other types.

Every problem across all seeds is collected and raised together as one
``BriefingError``; warnings (invalid UTF-8 replaced, NUL bytes removed, a URL
dropped, two seeds with the same text) are kept on ``Document.warnings`` and
returned by ``scan_seeds`` as ``Problem``s with severity "warning".

The text of a ``.txt`` seed is the file's content after decoding (BOM dropped,
line endings made LF, NUL and other control characters removed), nothing
else, so spans can be checked against the file by eye. ``.md`` seeds become
plain text (Markdown syntax removed), ``.html`` seeds their main text.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import htmltext, mdtext
from generator.errors import BriefingError, Problem
from generator.markup import safe_url
from generator.models import Document, Metadata
from generator.project import Project
from generator.textnorm import fold
from generator.yamlio import YamlDoc, check_keys, check_type, parse_yaml

MAX_SEED_BYTES = 20 * 1024 * 1024  # larger files are refused: no news article is this long
MAX_SIDECAR_BYTES = 1024 * 1024
SEED_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
METADATA_KEYS = frozenset({"title", "outlet", "url", "published", "language", "author", "tags"})
RESERVED_IDS = frozenset({"index"})  # sources/index.md is the sources index page
MAX_ID_LENGTH = 80
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # C0 controls except tab and LF, plus DEL


@dataclass
class LoadResult:
    """Documents that loaded, and every problem (errors and warnings) found on the way."""

    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_seeds(project: Project, *, max_bytes: int = MAX_SEED_BYTES) -> list[Document]:
    """Every seed in ``project.seeds_dir`` as a ``Document``, sorted by file name.

    Raises ``BriefingError`` with all problems (and warnings) if any seed has an error.
    """
    result = scan_seeds(project, max_bytes=max_bytes)
    if result.errors:
        raise BriefingError(result.problems)
    return result.documents


def scan_seeds(project: Project, *, max_bytes: int = MAX_SEED_BYTES) -> LoadResult:
    """Load what can be loaded and report every problem; never raises for bad seeds."""
    seeds_dir = project.seeds_dir
    if not seeds_dir.is_dir():
        return LoadResult([], [Problem(project.relative(seeds_dir), "the seeds folder does not "
                                       "exist", "create it and put the articles (.txt, .md, "
                                       ".html) into it, or point --seeds at another folder.")])
    files = seed_files(seeds_dir)
    problems = _orphan_sidecars(project, files)
    if not files:
        problems.append(Problem(project.relative(seeds_dir), "no seed documents found",
                                "add .txt, .md or .html articles to this folder."))
    ids = assign_ids([f.name for f in files])
    documents = []
    for path in files:
        document, found = load_one(project, path, ids[path.name], max_bytes=max_bytes)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    problems.extend(_flag_duplicates(documents))
    return LoadResult(documents, problems)


def seed_files(seeds_dir: Path) -> list[Path]:
    """The seed files in a folder, sorted by name (code point order: locale-independent)."""
    found = []
    for path in seeds_dir.iterdir():
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() in SEED_FORMATS and path.stem.lower() != "readme":
            found.append(path)
    return sorted(found, key=lambda p: p.name)


def _orphan_sidecars(project: Project, files: list[Path]) -> list[Problem]:
    """A warning for every ``.yml`` in seeds/ that belongs to no seed: probably a typo."""
    stems = {p.stem for p in files}
    problems = []
    for path in sorted(project.seeds_dir.iterdir(), key=lambda p: p.name):
        if path.suffix.lower() in SIDECAR_SUFFIXES and path.is_file() and path.stem not in stems:
            hint = "a sidecar must have the same name as its seed, e.g. article.txt + article.yml."
            close = _closest(path.stem, stems)
            if close:
                hint = f"did you mean '{close}{path.suffix}'? " + hint
            problems.append(Problem(project.relative(path), "metadata file without a seed "
                                    "document; it is ignored", hint, severity="warning"))
    return problems


def _closest(word: str, choices: set[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


# ------------------------------------------------------------------------------ ids

_FOLD_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe",
                             "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th",
                             "Þ": "th", "ð": "d", "Ð": "d", "ı": "i"})


def slugify(stem: str) -> str:
    """A URL- and file-safe slug: lowercase ASCII letters, digits and single hyphens; never empty.

    Accents are folded ("Éire" → "eire"); anything else becomes a hyphen, so
    "../x", "a b" or "a_b" can never escape a folder or need escaping in a URL.
    """
    text = unicodedata.normalize("NFKD", stem.translate(_FOLD_EXTRA))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[:MAX_ID_LENGTH].rstrip("-")
    if not slug:
        return "source"
    return f"{slug}-source" if slug in RESERVED_IDS else slug


def assign_ids(names: list[str]) -> dict[str, str]:
    """Source ids for seed file names: the slug of the stem, collisions made unique.

    When several names give the same slug, the name that sorts first keeps it
    and each other gets ``-`` plus 8 hex digits of its name's SHA-256: the id
    depends only on the colliding names, never on unrelated seeds.
    """
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(slugify(Path(name).stem), []).append(name)
    ids = {}
    for slug, members in groups.items():
        ids[members[0]] = slug
        for name in members[1:]:
            digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
            ids[name] = f"{slug}-{digest[:8]}"
    return ids


# ------------------------------------------------------------------------- decoding


@dataclass
class Decoded:
    text: str
    warnings: list[Problem]


def read_bytes(path: Path, rel: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The raw bytes of a seed, or None with a problem (too large, unreadable, empty)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(rel, f"the file is too large ({size:,} bytes; the limit is "
                                  f"{max_bytes:,} bytes, {max_bytes / 1024 / 1024:g} MB)",
                                  "split it into several seeds or keep only the article text.")]
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(rel, f"cannot read the file: {err.strerror or err}",
                              "check that it exists and is readable.")]
    if len(raw) > max_bytes:  # it grew while we looked
        return None, [Problem(rel, f"the file is too large (the limit is {max_bytes:,} bytes)",
                              "split it into several seeds.")]
    return raw, []


def binary_reason(raw: bytes) -> str | None:
    """Why ``raw`` looks like a binary file rather than text, or None if it looks like text."""
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            return f"it looks like {what}, not text"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text with a byte-order mark
    sample = raw[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13)) + sample.count(127)
    if sample and controls / len(sample) > 0.05:
        return f"it has {controls} control or NUL bytes in its first {len(sample)} bytes"
    return None


def decode(raw: bytes, rel: str, fallback_encoding: str | None = None) -> Decoded:
    """Bytes → text: UTF-8 (or UTF-16 with a BOM), BOM dropped, LF line endings, controls out.

    Invalid UTF-8 is replaced with U+FFFD and reported with the byte offset of
    the first bad byte. ``fallback_encoding`` (an HTML page's declared charset)
    is used instead of UTF-8 when the bytes are not valid UTF-8.
    """
    warnings: list[Problem] = []
    text = _decode_bytes(raw, rel, fallback_encoding, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    nuls = text.count("\x00")
    if nuls:
        warnings.append(Problem(rel, f"{nuls} NUL byte(s) removed", "the file may be damaged; "
                                "save it again as plain UTF-8 text.", severity="warning"))
    others = len(_CONTROL.findall(text)) - nuls
    if others:
        warnings.append(Problem(rel, f"{others} control character(s) removed", "",
                                severity="warning"))
    return Decoded(_CONTROL.sub("", text), warnings)


def _decode_bytes(raw: bytes, rel: str, fallback: str | None, warnings: list[Problem]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        offset = 3
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    else:
        offset = 0
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if fallback:
            try:
                return raw.decode(fallback)
            except (UnicodeDecodeError, LookupError):
                pass
        bad = len(re.findall(r"[\udc80-\udcff]", raw.decode("utf-8", "surrogateescape")))
        warnings.append(Problem(rel, f"invalid UTF-8 at byte offset {err.start + offset} "
                                f"({bad} invalid byte(s) in all); replaced with \ufffd",
                                "save the file as UTF-8 (in most editors: Save As → Encoding: "
                                "UTF-8).", severity="warning"))
        return raw.decode("utf-8", errors="replace")


# ------------------------------------------------------------------------- metadata


@dataclass
class MetaSource:
    """Metadata values from one place (sidecar, front matter, HTML), with their checker."""

    values: dict[str, Any]
    label: str  # "sidecar", "front matter", ...
    doc: YamlDoc | None = None  # for line numbers of YAML values
    file: str = ""
    provenance: dict[str, str] = field(default_factory=dict)  # per-field label override


def parse_metadata_yaml(text: str, rel: str, line_offset: int, label: str
                        ) -> tuple[MetaSource | None, list[Problem]]:
    """Parse and validate a sidecar or front-matter block."""
    try:
        doc = parse_yaml(text, rel, line_offset)
    except BriefingError as err:
        return None, err.problems
    if doc.data is None:
        return MetaSource({}, label, doc, rel), []
    if not isinstance(doc.data, dict):
        return None, [Problem(rel, f"the {label} must be a mapping of 'key: value' lines",
                              "write e.g.  title: My article", line=line_offset + 1)]
    problems = check_keys(doc.data, set(METADATA_KEYS), doc, (), rel)
    values: dict[str, Any] = {}
    for key, value in doc.data.items():
        if key not in METADATA_KEYS or value is None:
            continue
        checked, problem = _check_value(key, value, doc, rel)
        if problem:
            problems.append(problem)
        elif checked is not None:
            values[key] = checked
    return MetaSource(values, label, doc, rel), problems


def _check_value(key: str, value: Any, doc: YamlDoc, rel: str) -> tuple[Any, Problem | None]:
    """Type- and format-check one metadata value from YAML."""
    line = doc.line(key)
    if key == "published":
        if isinstance(value, dt.datetime):
            return value.date().isoformat(), None
        if isinstance(value, dt.date):
            return value.isoformat(), None
        if isinstance(value, str) and (iso := parse_iso_date(value)):
            return iso, None
        return None, Problem(rel, f"'published' must be a date written as YYYY-MM-DD, not "
                             f"{value!r}", "e.g.  published: 2025-04-14  (leave it out if the "
                             "date is not known: it is never guessed).", line=line)
    if key == "tags":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            return None, Problem(rel, "'tags' must be a list of words", "e.g.  tags: [policy, "
                                 "security]", line=line)
        return [t.strip() for t in value if t.strip()], None
    problem = check_type(value, str, doc, (key,), rel)
    if problem:
        return None, problem
    text = " ".join(value.split())
    if key == "language" and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text):
        return None, Problem(rel, f"'language' must be a language code like en or en-GB, not "
                             f"{value!r}", "use an ISO 639 code.", line=line)
    return text or None, None


def parse_iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` or a full ISO datetime → ``YYYY-MM-DD``; anything else → None.

    The date is taken as written (a datetime's own local date), never shifted to UTC.
    """
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})([Tt ].*)?", text)
    if not match:
        return None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match[4]:
            dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return day.isoformat()


def check_url(url: str) -> str | None:
    """A metadata URL worth keeping: ``safe_url``, and no character that only an attempt to
    break out of an attribute would need (quotes, angle brackets, backslash, backtick)."""
    if any(c in "\"'<>\\`" for c in url):
        return None
    return safe_url(url)


_FIELDS = ("title", "outlet", "url", "published", "language", "author", "tags")


def merge_metadata(sources: list[MetaSource], rel: str) -> tuple[Metadata, list[Problem]]:
    """Combine metadata, earlier sources winning (sidecar > front matter > HTML)."""
    meta = Metadata()
    warnings: list[Problem] = []
    for name in _FIELDS:
        for source in sources:
            value = source.values.get(name)
            if value in (None, "", []):
                continue
            if name == "url" and check_url(value) is None:
                where = source.file or rel
                line = source.doc.line("url") if source.doc else None
                warnings.append(Problem(where, f"url {_shorten(value)!r} dropped: only http:// "
                                        "and https:// links are kept", "give the article's web "
                                        "address, starting with https://.", line=line,
                                        severity="warning"))
                continue
            setattr(meta, name, value.strip() if isinstance(value, str) else value)
            meta.provenance[name] = source.provenance.get(name, source.label)
            break
    if "language" not in meta.provenance:
        meta.provenance["language"] = "default"
    return meta, warnings


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------ one seed


def load_one(project: Project, path: Path, doc_id: str, *, max_bytes: int = MAX_SEED_BYTES
             ) -> tuple[Document | None, list[Problem]]:
    """Load one seed (and its sidecar). Returns the document (None on error) and problems."""
    rel = project.relative(path)
    fmt = SEED_FORMATS[path.suffix.lower()]
    raw, problems = read_bytes(path, rel, max_bytes)
    if raw is None:
        return None, problems
    if not raw.strip():
        return None, [_empty(rel)]
    reason = binary_reason(raw)
    if reason:
        return None, [Problem(rel, f"this is not a text file: {reason}", "seeds must be plain "
                              "text, Markdown or HTML saved as UTF-8; convert the document to "
                              "text first.")]
    sidecar_raw, sidecar, found = _load_sidecar(project, path)
    problems.extend(found)
    if fmt == "html":
        text, metas, found = _html_body(raw, rel)
    else:
        decoded = decode(raw, rel)
        problems.extend(decoded.warnings)
        if fmt == "md":
            text, metas, found = _markdown_body(decoded.text, rel)
        else:
            text, metas, found = decoded.text, _plain_text_headline(decoded.text), []
    problems.extend(found)
    if any(p.severity == "error" for p in problems):
        return None, problems
    if not text.strip():
        return None, problems + [_empty(rel, fmt)]
    metadata, found = merge_metadata(([sidecar] if sidecar else []) + metas, rel)
    problems.extend(found)
    digest = hashlib.sha256(raw)
    if sidecar_raw is not None:
        digest.update(b"\x00sidecar\x00" + sidecar_raw)
    document = Document(id=doc_id, path=rel, format=fmt, text=text, metadata=metadata,
                        content_hash=digest.hexdigest(),
                        warnings=[_warning_text(p) for p in problems])
    return document, problems


# A plain-text headline: the first line, alone in its paragraph, with no closing
# punctuation of a sentence, three to 25 words, and not a byline ("By Ann Lee").
_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = (".", ";", ":", ",", "\u2026")
_BYLINE = re.compile(r"(?i)^(?:by|from|posted|published|updated)\b")


def _plain_text_headline(text: str) -> list[MetaSource]:
    """The title of a ``.txt`` seed whose first line stands alone as a headline.

    The line stays in the text (spans are offsets into the file as written); it only
    fills ``title`` when no sidecar gives one, as a Markdown heading does."""
    lines = text.lstrip("\n").split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return []  # one paragraph only, or the first line runs on into the next
    line = " ".join(lines[0].split())
    words = line.split()
    if not 3 <= len(words) <= _HEADLINE_MAX_WORDS or line.endswith(_SENTENCE_END) or (
        _BYLINE.match(line) or not line[0].isupper()
    ):
        return []
    return [MetaSource({"title": line}, "first line")]


def _warning_text(problem: Problem) -> str:
    return f"{problem.location()}: {problem.message}"


def _empty(rel: str, fmt: str = "txt") -> Problem:
    if fmt == "html":
        return Problem(rel, "no article text found in this HTML page", "the main text must be "
                       "in <p> elements inside <article>, <main> or <body>; or save the "
                       "article as .txt.")
    if fmt == "md":
        return Problem(rel, "the file has no article text (only front matter or markup)",
                       "add the article text below the front matter, or delete the file.")
    return Problem(rel, "the file is empty", "add the article text, or delete the file.")


def _load_sidecar(project: Project, path: Path
                  ) -> tuple[bytes | None, MetaSource | None, list[Problem]]:
    """The sidecar ``NAME.yml`` (or ``.yaml``) beside a seed, parsed and checked."""
    candidates = [path.with_name(path.stem + s) for s in SIDECAR_SUFFIXES]
    existing = [c for c in candidates if c.is_file()]
    if not existing:
        return None, None, []
    rel = project.relative(existing[0])
    if len(existing) > 1:
        return None, None, [Problem(rel, f"two metadata files for {path.name}: "
                                    f"{existing[0].name} and {existing[1].name}",
                                    "keep only one of them.")]
    raw, problems = read_bytes(existing[0], rel, MAX_SIDECAR_BYTES)
    if raw is None:
        return None, None, problems
    reason = binary_reason(raw)
    if reason:
        return raw, None, [Problem(rel, f"this is not a text file: {reason}",
                                   "a sidecar is a small YAML text file.")]
    decoded = decode(raw, rel)
    meta, found = parse_metadata_yaml(decoded.text, rel, 0, "sidecar")
    return raw, meta, decoded.warnings + found


# ------------------------------------------------------------------------- Markdown

_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str, rel: str
                       ) -> tuple[str | None, str, int, list[Problem]]:
    """(front matter YAML or None, body, line number where the body starts, problems)."""
    if not re.match(r"---[ \t]*\n", text):
        return None, text, 1, []
    first_nl = text.index("\n") + 1
    close = _FRONT_MATTER_CLOSE.search(text, first_nl)
    if close is None:
        return None, text, 1, [Problem(rel, "the front matter starting on line 1 is never "
                                       "closed", "end it with a line containing only '---'.",
                                       line=1)]
    yaml_text = text[first_nl:close.start()]
    body_start = close.end() + 1 if close.end() < len(text) else close.end()
    body_line = text.count("\n", 0, body_start) + 1
    return yaml_text, text[body_start:], body_line, []


def _markdown_body(text: str, rel: str) -> tuple[str, list[MetaSource], list[Problem]]:
    """Front matter metadata and the Markdown body as plain text.

    A leading level-1 heading is the article's headline: it is taken out of the
    body (as an HTML page's <h1> is) and used as the title unless the front
    matter or sidecar gives one.
    """
    yaml_text, body, _body_line, problems = split_front_matter(text, rel)
    metas: list[MetaSource] = []
    if yaml_text is not None:
        meta, found = parse_metadata_yaml(yaml_text, rel, 1, "front matter")
        problems.extend(found)
        if meta is not None:
            metas.append(meta)
    plain, heading = mdtext.markdown_to_text(body)
    if heading:
        metas.append(MetaSource({"title": heading}, "markdown heading"))
    return plain, metas, problems


# ----------------------------------------------------------------------------- HTML

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = _CHARSET.search(raw[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None


def _html_body(raw: bytes, rel: str) -> tuple[str, list[MetaSource], list[Problem]]:
    """The main text of an HTML page and its metadata (invalid values dropped with a warning)."""
    decoded = decode(raw, rel, declared_charset(raw))
    problems = list(decoded.warnings)
    article = htmltext.extract_article(decoded.text)
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    for key, (value, origin) in article.metadata.items():
        checked = _check_html_value(key, value)
        if checked is None:
            if key != "url":
                problems.append(Problem(rel, f"{key} {_shorten(value)!r} from {origin} ignored: "
                                        "not a valid value", "give it in a sidecar "
                                        f"{Path(rel).stem}.yml if it matters.",
                                        severity="warning"))
                continue
            checked = value  # merge_metadata drops it with the URL warning
        values[key] = checked
        provenance[key] = f"html {origin}"
    return article.text, [MetaSource(values, "html", provenance=provenance)], problems


def _check_html_value(key: str, value: str) -> str | None:
    value = " ".join(value.split())
    if key == "published":
        return parse_iso_date(value)
    if key == "language":
        return value if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value) else None
    return value or None


# ----------------------------------------------------------------------- duplicates


def _flag_duplicates(documents: list[Document]) -> list[Problem]:
    """A warning on each seed whose text equals an earlier seed's (ignoring spacing, quotes)."""
    seen: dict[str, Document] = {}
    problems = []
    for document in documents:
        key = hashlib.sha256(fold(document.text).encode("utf-8", "surrogatepass")).hexdigest()
        first = seen.setdefault(key, document)
        if first is document:
            continue
        problem = Problem(document.path, f"same text as {first.path}", "keep one of the two "
                          "seeds, unless both outlets really published the same text.",
                          severity="warning")
        problems.append(problem)
        document.warnings.append(_warning_text(problem))
        first.warnings.append(f"{first.path}: same text as {document.path}")
    return problems
