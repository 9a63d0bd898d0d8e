"""JSON and CSV export of a briefing (schema: ``generator/schema/briefing.schema.json``).

Other tools read these files, so the field names are a contract (see the schema).
The output is deterministic: keys and lists sorted, no timestamps, UTF-8 without
escaping, one trailing newline. Files are written to a temporary name and renamed,
so an interrupted export never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator.models import Briefing

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "briefing.schema.json"
EXPORT_FORMAT = 1  # bump when a field is renamed or removed (adding fields keeps it)

# Cells starting with one of these are formulas in spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _by(*keys: str):  # noqa: ANN202 - a sort key factory
    """Sort key over dict fields; None sorts first so mixed None/str never compares."""
    return lambda item: tuple(
        (item.get(k) is not None, item.get(k) if item.get(k) is not None else "") for k in keys
    )


def _source_dict(source: Any) -> dict[str, Any]:
    data = asdict(source)
    data["sentences"] = sorted(data["sentences"], key=lambda s: s["index"])
    data["notes"] = sorted(data["notes"], key=_by("kind", "sentence", "message"))
    return data


def _actor_dict(actor: Any) -> dict[str, Any]:
    data = asdict(actor)
    data["aliases"] = sorted(set(data["aliases"]))
    data["roles"] = sorted(data["roles"], key=_by("source", "start", "title", "organisation"))
    data["mentions"] = sorted(data["mentions"], key=_by("source", "start", "end", "text"))
    return data


def _claim_dict(claim: Any) -> dict[str, Any]:
    data = asdict(claim)
    data["appearances"] = sorted(data["appearances"], key=_by("source", "start", "end"))
    for appearance in data["appearances"]:
        appearance["hedges"] = sorted(appearance["hedges"])
    for key in ("actors", "conflicts_with", "supersedes", "superseded_by"):
        data[key] = sorted(set(data[key]))
    return data


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain JSON-ready data, every list in a stable order."""
    return {
        "format": EXPORT_FORMAT,
        "generator_version": briefing.generator_version,
        "warnings": sorted(briefing.warnings),
        "sources": sorted((_source_dict(s) for s in briefing.sources), key=_by("id")),
        "actors": sorted((_actor_dict(a) for a in briefing.actors), key=_by("id")),
        "claims": sorted((_claim_dict(c) for c in briefing.claims), key=_by("id")),
        "events": sorted(
            (asdict(e) for e in briefing.events), key=_by("date", "source", "start", "id")
        ),
        "relations": sorted(
            (asdict(r) for r in briefing.relations),
            key=_by("subject", "predicate", "object", "source", "sentence", "text"),
        ),
    }


def briefing_to_json(briefing: Briefing) -> str:
    """Canonical JSON text: sorted keys, UTF-8 characters kept, trailing newline."""
    data = briefing_to_dict(briefing)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ------------------------------------------------------------------------------ CSV


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not evaluate as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = "; ".join(str(v) for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def csv_tables(data: dict[str, Any]) -> dict[str, str]:
    """File name -> CSV text, one flat row per source, actor, claim and event."""
    sources = [
        [s["id"], s["path"], s["title"], s["outlet"], s["url"], s["published"],
         s.get("reliability"), len(s["sentences"]), s["summary"]]
        for s in data["sources"]
    ]
    actors = [
        [a["id"], a["name"], a["type"], a.get("description"), a["aliases"],
         sorted({r["title"] for r in a["roles"]}), len(a["mentions"]),
         sorted({m["source"] for m in a["mentions"]})]
        for a in data["actors"]
    ]
    claims = [
        [c["id"], c["text"], c["status"], c.get("hedging"), c.get("credibility"), c.get("note"),
         c["actors"], c["conflicts_with"],
         [f"{a['source']}#{a['sentence']}" for a in c["appearances"]]]
        for c in data["claims"]
    ]
    events = [
        [e["id"], e["date"], e["when"], e["text"], e["source"], e["sentence"]]
        for e in data["events"]
    ]
    return {
        "sources.csv": _csv_text(["id", "path", "title", "outlet", "url", "published",
                                  "reliability", "sentences", "summary"], sources),
        "actors.csv": _csv_text(["id", "name", "type", "description", "aliases", "roles",
                                 "mentions", "sources"], actors),
        "claims.csv": _csv_text(["id", "text", "status", "hedging", "credibility", "note",
                                 "actors", "conflicts_with", "appearances"], claims),
        "events.csv": _csv_text(["id", "date", "when", "text", "source", "sentence"], events),
    }


# ---------------------------------------------------------------------------- write


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_briefing(briefing: Briefing, output: Path | str, csv_dir: Path | None = None) -> None:
    """Write the JSON export to ``output`` ("-" for stdout) and, optionally, CSVs to ``csv_dir``.

    Everything is serialised before the first file is touched.
    """
    data = briefing_to_dict(briefing)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tables = csv_tables(data) if csv_dir is not None else {}
    if str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(Path(output), text)
    for name, table in tables.items():
        write_atomic(Path(csv_dir) / name, table)  # type: ignore[arg-type]
