"""``briefing diff``: what an edit changes in the briefing, claim by claim and actor by actor.

Both sides are exported briefings (``export.briefing_to_dict``): the working tree,
an exported JSON file, or a git revision whose seeds and curation are extracted
into a temporary folder and run through the *current* generator (so the diff shows
what the content edit changed, not what a generator change did).

Items are matched by id first, then by content: claims by their appearances
(source + quote), actors by their mentions (source + sentence text + surface
form). Sentence ids are positions, so they are never used for matching: inserting
a sentence at the top of a seed must not make every claim below it look changed.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import BriefingError, Problem
from generator.textnorm import fold

Key = tuple[str, ...]
_EMPTY: dict[str, Any] = {"sources": [], "actors": [], "claims": [], "events": [],
                          "relations": []}


# ---------------------------------------------------------------------- load sides


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def _briefing_dict(project_root: Path, seeds: Path | None = None) -> dict[str, Any]:
    from generator.export import briefing_to_dict
    from generator.pipeline import make_briefing
    from generator.project import Project

    return briefing_to_dict(make_briefing(Project.at(project_root, seeds=seeds)))


def _revision_side(rev: str, project_root: Path) -> dict[str, Any]:
    """Run the current generator on the seeds (and curation) as they were at ``rev``."""
    from generator.project import Project

    root = project_root.resolve()
    top = _git(root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise BriefingError(Problem(str(project_root), f"{rev!r} is neither a JSON export nor "
                                    "usable as a git revision: not a git work tree",
                                    hint="pass an exported .json file, or run inside the repo"))
    if _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise BriefingError(Problem(str(project_root), f"unknown git revision {rev!r}",
                                    hint="use a branch, tag or commit (e.g. origin/main); in CI "
                                    "fetch the base branch first (fetch-depth: 0)"))
    toplevel = Path(top.stdout.decode().strip()).resolve()
    seeds = Project.at(root).seeds_dir.resolve().relative_to(toplevel).as_posix()
    listed = _git(toplevel, "ls-tree", "-d", "--name-only", rev, seeds)
    if not listed.stdout.strip():
        return {**_EMPTY, "generator_version": "", "warnings": []}  # no seeds at that revision
    archive = _git(toplevel, "archive", "--format=tar", rev, seeds)
    if archive.returncode != 0:
        raise BriefingError(Problem(seeds, f"git archive {rev} failed: "
                                    f"{archive.stderr.decode(errors='replace').strip()}"))
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            _extract_safely(tar, tmp)
        return _briefing_dict(Path(tmp), Path(tmp) / seeds)


def _extract_safely(tar: tarfile.TarFile, dest: str) -> None:
    """Extract a ``git archive`` of the seeds without letting a member escape ``dest``.

    Pythons with extraction filters (3.12, and 3.11.4 onwards) apply the "data" filter;
    older 3.11 builds (Debian 12's 3.11.2) get the same guarantee by extracting only
    regular files and folders with relative paths that do not climb out."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, filter="data")
        return
    safe = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and _inside(m.name)]
    tar.extractall(dest, members=safe)  # noqa: S202 - members checked above


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts


def load_side(rev_or_json: str | None, project_root: Path) -> dict[str, Any]:
    """One side of a diff: None = working tree; a .json export; else a git revision."""
    if rev_or_json is None:
        return _briefing_dict(project_root)
    path = Path(rev_or_json)
    if path.suffix == ".json" and path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise BriefingError(Problem(str(path), f"not a JSON export: {err}",
                                        hint="create one with: briefing export -o FILE")) from err
    return _revision_side(rev_or_json, project_root)


# --------------------------------------------------------------------------- model


@dataclass
class ClaimChange:
    id: str
    text: str
    old_id: str | None = None  # when the id changed (matched by appearances)
    old_text: str | None = None  # reworded
    status: list[str] | None = None  # [old, new]
    gained: list[dict[str, str]] = field(default_factory=list)  # {source, quote}
    lost: list[dict[str, str]] = field(default_factory=list)
    fields: dict[str, list[Any]] = field(default_factory=dict)  # note, credibility, ...


@dataclass
class ActorChange:
    id: str
    name: str
    old_id: str | None = None
    old_name: str | None = None  # renamed
    fields: dict[str, list[Any]] = field(default_factory=dict)  # type, description, aliases
    mentions_gained: int = 0
    mentions_lost: int = 0


@dataclass
class BriefingDiff:
    sources_added: list[dict[str, Any]] = field(default_factory=list)
    sources_removed: list[dict[str, Any]] = field(default_factory=list)
    sources_changed: list[dict[str, Any]] = field(default_factory=list)
    actors_added: list[dict[str, Any]] = field(default_factory=list)
    actors_removed: list[dict[str, Any]] = field(default_factory=list)
    actors_merged: list[dict[str, Any]] = field(default_factory=list)  # {id, name, merged: []}
    actors_split: list[dict[str, Any]] = field(default_factory=list)  # {id, name, into: []}
    actors_changed: list[ActorChange] = field(default_factory=list)
    claims_added: list[dict[str, Any]] = field(default_factory=list)
    claims_removed: list[dict[str, Any]] = field(default_factory=list)
    claims_changed: list[ClaimChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


# -------------------------------------------------------------------------- compare


def _sentence_texts(side: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {(s["id"], sent["id"]): fold(sent["text"])
            for s in side.get("sources", []) for sent in s.get("sentences", [])}


def _appearance_keys(claim: dict[str, Any]) -> set[Key]:
    return {(a["source"], fold(a["quote"])) for a in claim.get("appearances", [])}


def _mention_keys(actor: dict[str, Any], sentences: dict[tuple[str, str], str]) -> set[Key]:
    return {(m["source"], sentences.get((m["source"], m["sentence"]), m["sentence"]),
             fold(m["text"])) for m in actor.get("mentions", [])}


def _overlap(a: set[Key], b: set[Key]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _pair_by_content(old: dict[str, set[Key]], new: dict[str, set[Key]],
                     threshold: float = 0.5) -> list[tuple[str, str]]:
    """One-to-one pairs of unmatched old/new items whose content mostly coincides."""
    candidates = sorted(((_overlap(o, n), oid, nid) for oid, o in old.items()
                         for nid, n in new.items() if o & n), key=lambda t: (-t[0], t[1], t[2]))
    pairs, used_old, used_new = [], set(), set()
    for score, oid, nid in candidates:
        if score >= threshold and oid not in used_old and nid not in used_new:
            pairs.append((oid, nid))
            used_old.add(oid)
            used_new.add(nid)
    return pairs


def _claim_summary(claim: dict[str, Any]) -> dict[str, Any]:
    return {"id": claim["id"], "text": claim["text"], "status": claim["status"],
            "sources": sorted({a["source"] for a in claim.get("appearances", [])})}


def _quotes(keys: set[Key], claim: dict[str, Any]) -> list[dict[str, str]]:
    by_key = {(a["source"], fold(a["quote"])): a["quote"] for a in claim.get("appearances", [])}
    return [{"source": k[0], "quote": by_key[k]} for k in sorted(keys)]


_CLAIM_FIELDS = ("note", "credibility", "hedging", "conflicts_with", "actors")


def _claim_change(old: dict[str, Any], new: dict[str, Any]) -> ClaimChange | None:
    old_keys, new_keys = _appearance_keys(old), _appearance_keys(new)
    change = ClaimChange(id=new["id"], text=new["text"])
    if old["id"] != new["id"]:
        change.old_id = old["id"]
    if old["text"] != new["text"]:
        change.old_text = old["text"]
    if old["status"] != new["status"]:
        change.status = [old["status"], new["status"]]
    change.gained = _quotes(new_keys - old_keys, new)
    change.lost = _quotes(old_keys - new_keys, old)
    for key in _CLAIM_FIELDS:
        if old.get(key) != new.get(key):
            change.fields[key] = [old.get(key), new.get(key)]
    significant = (change.old_id, change.old_text, change.status, change.gained, change.lost,
                   change.fields)
    return change if any(significant) else None


def _diff_claims(old: dict[str, Any], new: dict[str, Any], out: BriefingDiff) -> None:
    old_claims = {c["id"]: c for c in old.get("claims", [])}
    new_claims = {c["id"]: c for c in new.get("claims", [])}
    pairs = [(i, i) for i in sorted(old_claims.keys() & new_claims.keys())]
    gone = {i: _appearance_keys(old_claims[i]) for i in old_claims.keys() - new_claims.keys()}
    came = {i: _appearance_keys(new_claims[i]) for i in new_claims.keys() - old_claims.keys()}
    moved = _pair_by_content(gone, came, threshold=0.0)  # any shared quote: the same claim
    pairs += moved
    for oid, nid in pairs:
        change = _claim_change(old_claims[oid], new_claims[nid])
        if change:
            out.claims_changed.append(change)
    paired_old, paired_new = {p[0] for p in moved}, {p[1] for p in moved}
    out.claims_added = [_claim_summary(new_claims[i]) for i in sorted(came.keys() - paired_new)]
    out.claims_removed = [_claim_summary(old_claims[i]) for i in sorted(gone.keys() - paired_old)]
    for removed in out.claims_removed:  # merged into another cluster rather than deleted
        keys = gone[removed["id"]]
        into = sorted(c["id"] for c in new_claims.values() if keys and keys <= _appearance_keys(c))
        if into:
            removed["merged_into"] = into[0]
    out.claims_changed.sort(key=lambda c: c.id)


def _actor_summary(actor: dict[str, Any]) -> dict[str, Any]:
    return {"id": actor["id"], "name": actor["name"], "type": actor["type"],
            "mentions": len(actor.get("mentions", []))}


def _actor_change(old: dict[str, Any], new: dict[str, Any], old_m: set[Key],
                  new_m: set[Key]) -> ActorChange | None:
    change = ActorChange(id=new["id"], name=new["name"])
    if old["id"] != new["id"]:
        change.old_id = old["id"]
    if old["name"] != new["name"]:
        change.old_name = old["name"]
    for key in ("type", "description"):
        if old.get(key) != new.get(key):
            change.fields[key] = [old.get(key), new.get(key)]
    if sorted(old.get("aliases", [])) != sorted(new.get("aliases", [])):
        change.fields["aliases"] = [sorted(old.get("aliases", [])),
                                    sorted(new.get("aliases", []))]
    change.mentions_gained = len(new_m - old_m)
    change.mentions_lost = len(old_m - new_m)
    significant = (change.old_id, change.old_name, change.fields, change.mentions_gained,
                   change.mentions_lost)
    return change if any(significant) else None


def _contained(part: set[Key], whole: set[Key]) -> bool:
    """Most of ``part``'s mentions are in ``whole``."""
    return bool(part) and len(part & whole) * 2 > len(part)


def _diff_actors(old: dict[str, Any], new: dict[str, Any], out: BriefingDiff) -> None:
    old_s, new_s = _sentence_texts(old), _sentence_texts(new)
    old_a = {a["id"]: a for a in old.get("actors", [])}
    new_a = {a["id"]: a for a in new.get("actors", [])}
    old_m = {i: _mention_keys(a, old_s) for i, a in old_a.items()}
    new_m = {i: _mention_keys(a, new_s) for i, a in new_a.items()}
    gone = set(old_a) - set(new_a)
    came = set(new_a) - set(old_a)
    explained_old: set[str] = set()
    explained_new: set[str] = set()
    for nid in sorted(new_a):  # merged: vanished actors whose mentions now belong to one actor
        absorbed = sorted(o for o in gone if _contained(old_m[o], new_m[nid]))
        sources = absorbed + ([nid] if nid in old_a else [])
        if len(sources) >= 2:
            out.actors_merged.append({"id": nid, "name": new_a[nid]["name"], "merged": [
                {"id": o, "name": old_a[o]["name"]} for o in sorted(sources)]})
            explained_old.update(absorbed)
            explained_new.add(nid)
    for oid in sorted(old_a):  # split: new actors carved out of one old actor
        carved = sorted(n for n in came - explained_new if _contained(new_m[n], old_m[oid]))
        parts = carved + ([oid] if oid in new_a else [])
        if len(parts) >= 2:
            out.actors_split.append({"id": oid, "name": old_a[oid]["name"], "into": [
                {"id": n, "name": new_a[n]["name"]} for n in sorted(parts)]})
            explained_new.update(carved)
            explained_old.add(oid)
    renamed = _pair_by_content({o: old_m[o] for o in gone - explained_old},
                               {n: new_m[n] for n in came - explained_new})
    pairs = [(i, i) for i in sorted(old_a.keys() & new_a.keys())] + renamed
    for oid, nid in pairs:
        change = _actor_change(old_a[oid], new_a[nid], old_m[oid], new_m[nid])
        if change and (oid in explained_old or nid in explained_new):
            # a merge target or split remainder: its new aliases and mentions are the merge
            change.fields.pop("aliases", None)
            change.mentions_gained = change.mentions_lost = 0
            if not (change.old_name or change.fields):
                change = None
        if change:
            out.actors_changed.append(change)
    explained_old |= {p[0] for p in renamed}
    explained_new |= {p[1] for p in renamed}
    out.actors_added = [_actor_summary(new_a[i]) for i in sorted(came - explained_new)]
    out.actors_removed = [_actor_summary(old_a[i]) for i in sorted(gone - explained_old)]
    out.actors_changed.sort(key=lambda c: c.id)


_SOURCE_FIELDS = ("title", "outlet", "author", "url", "published", "reliability", "path")


def _diff_sources(old: dict[str, Any], new: dict[str, Any], out: BriefingDiff) -> None:
    old_s = {s["id"]: s for s in old.get("sources", [])}
    new_s = {s["id"]: s for s in new.get("sources", [])}

    def summary(s: dict[str, Any]) -> dict[str, Any]:
        return {"id": s["id"], "path": s["path"], "title": s.get("title")}

    out.sources_added = [summary(new_s[i]) for i in sorted(new_s.keys() - old_s.keys())]
    out.sources_removed = [summary(old_s[i]) for i in sorted(old_s.keys() - new_s.keys())]
    for sid in sorted(old_s.keys() & new_s.keys()):
        a, b = old_s[sid], new_s[sid]
        fields = {k: [a.get(k), b.get(k)] for k in _SOURCE_FIELDS if a.get(k) != b.get(k)}
        text_changed = a.get("text") != b.get("text")
        if fields or text_changed:
            out.sources_changed.append({"id": sid, "path": b["path"], "fields": fields,
                                        "text_changed": text_changed})


def diff_briefings(old: dict[str, Any], new: dict[str, Any]) -> BriefingDiff:
    """Every difference a reviewer should see between two exported briefings, and no other."""
    out = BriefingDiff()
    _diff_sources(old, new, out)
    _diff_actors(old, new, out)
    _diff_claims(old, new, out)
    return out


# --------------------------------------------------------------------------- format

_MD_SPECIAL = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "(": "\\(",
    ")": "\\)", "#": "&#35;", "|": "\\|", "~": "\\~", "!": "\\!", "<": "&lt;", ">": "&gt;",
    "&": "&amp;", "@": "&#64;", ":": "&#58;", "\r": " ", "\n": " ", "\t": " ",
})


def md_escape(value: Any, limit: int = 200) -> str:
    """Seed data as inert Markdown text for a PR comment: no markup, HTML, links or @mentions."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.translate(_MD_SPECIAL) or "—"


def _code(value: Any) -> str:
    """An id in a code span (ids are slugs, but never trust them to be)."""
    text = str(value).replace("`", "'").replace("\n", " ")
    return f"`{text}`" if text else "—"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _fields_text(fields: dict[str, list[Any]]) -> str:
    parts = []
    for key, (a, b) in sorted(fields.items()):
        a = ", ".join(map(str, a)) if isinstance(a, list) else a
        b = ", ".join(map(str, b)) if isinstance(b, list) else b
        parts.append(f"{md_escape(key)}: {md_escape(a, 80)} → {md_escape(b, 80)}")
    return "; ".join(parts)


def _quotes_text(quotes: list[dict[str, str]], sign: str) -> str:
    return "<br>".join(f"{sign} {_code(q['source'])}: “{md_escape(q['quote'], 120)}”"
                       for q in quotes)


def _markdown_sources(diff: BriefingDiff) -> list[str]:
    rows = [["added", _code(s["id"]), md_escape(s["path"]), md_escape(s["title"])]
            for s in diff.sources_added]
    rows += [["removed", _code(s["id"]), md_escape(s["path"]), md_escape(s["title"])]
             for s in diff.sources_removed]
    rows += [["changed", _code(s["id"]), md_escape(s["path"]),
              "; ".join(x for x in (_fields_text(s["fields"]),
                                    "text edited" if s["text_changed"] else "") if x)]
             for s in diff.sources_changed]
    return ["### Sources", "", *_table(["", "Source", "File", "Details"], rows)] if rows else []


def _markdown_actors(diff: BriefingDiff) -> list[str]:
    rows = [["added", _code(a["id"]), md_escape(a["name"]),
             f"{md_escape(a['type'])}, {a['mentions']} mention(s)"] for a in diff.actors_added]
    rows += [["removed", _code(a["id"]), md_escape(a["name"]),
              f"{md_escape(a['type'])}, {a['mentions']} mention(s)"] for a in diff.actors_removed]
    rows += [["merged", _code(a["id"]), md_escape(a["name"]), "from " + ", ".join(
        f"{md_escape(m['name'])} ({_code(m['id'])})" for m in a["merged"])]
        for a in diff.actors_merged]
    rows += [["split", _code(a["id"]), md_escape(a["name"]), "into " + ", ".join(
        f"{md_escape(m['name'])} ({_code(m['id'])})" for m in a["into"])]
        for a in diff.actors_split]
    for c in diff.actors_changed:
        details = []
        if c.old_name is not None:
            details.append(f"renamed from {md_escape(c.old_name)}")
        if c.old_id is not None:
            details.append(f"was {_code(c.old_id)}")
        if c.fields:
            details.append(_fields_text(c.fields))
        if c.mentions_gained or c.mentions_lost:
            details.append(f"mentions +{c.mentions_gained} −{c.mentions_lost}")
        kind = "renamed" if c.old_name is not None or c.old_id is not None else "changed"
        rows.append([kind, _code(c.id), md_escape(c.name), "; ".join(details)])
    return ["### Actors", "", *_table(["", "Actor", "Name", "Details"], rows)] if rows else []


def _markdown_claims(diff: BriefingDiff) -> list[str]:
    rows = [["added", _code(c["id"]), md_escape(c["text"]),
             f"{md_escape(c['status'])} ({', '.join(map(_code, c['sources']))})"]
            for c in diff.claims_added]
    rows += [["merged", _code(c["id"]), md_escape(c["text"]),
              f"merged into {_code(c['merged_into'])}"] if c.get("merged_into") else
             ["removed", _code(c["id"]), md_escape(c["text"]), f"was {md_escape(c['status'])}"]
             for c in diff.claims_removed]
    for c in diff.claims_changed:
        details, kinds = [], []
        if c.old_text is not None:
            kinds.append("reworded")
            details.append(f"was: {md_escape(c.old_text)}")
        if c.old_id is not None:
            details.append(f"was {_code(c.old_id)}")
        if c.status:
            kinds.append("status")
            details.append(f"**{md_escape(c.status[0])} → {md_escape(c.status[1])}**")
        if c.gained or c.lost:
            kinds.append("appearances")
            details.append("<br>".join(x for x in (_quotes_text(c.gained, "+"),
                                                    _quotes_text(c.lost, "−")) if x))
        if c.fields:
            kinds.append("curation" if {"note", "credibility"} & c.fields.keys() else "details")
            details.append(_fields_text(c.fields))
        rows.append([", ".join(kinds), _code(c.id), md_escape(c.text), "<br>".join(details)])
    return ["### Claims", "", *_table(["", "Claim", "Text", "Details"], rows)] if rows else []


def _counts(diff: BriefingDiff) -> str:
    def n(items: list[Any], word: str) -> str | None:
        return f"{len(items)} {word}" if items else None

    parts = [
        n(diff.sources_added, "source(s) added"), n(diff.sources_removed, "source(s) removed"),
        n(diff.sources_changed, "source(s) changed"), n(diff.actors_added, "actor(s) added"),
        n(diff.actors_removed, "actor(s) removed"), n(diff.actors_merged, "merge(s)"),
        n(diff.actors_split, "split(s)"), n(diff.actors_changed, "actor(s) changed"),
        n(diff.claims_added, "claim(s) added"), n(diff.claims_removed, "claim(s) removed"),
        n(diff.claims_changed, "claim(s) changed"),
    ]
    return ", ".join(p for p in parts if p)


def format_diff(diff: BriefingDiff, fmt: str = "markdown") -> str:
    """The diff as a pull-request comment (Markdown) or as JSON; only what changed is listed."""
    if fmt == "json":
        return json.dumps(asdict(diff), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt != "markdown":
        raise ValueError(f"unknown format {fmt!r} (markdown or json)")
    lines = ["## Briefing changes", ""]
    if diff.empty:
        return "\n".join([*lines, "No changes to sources, actors or claims.", ""])
    lines += [_counts(diff) + ".", ""]
    lines += _markdown_sources(diff) + _markdown_actors(diff) + _markdown_claims(diff)
    return "\n".join(lines).rstrip("\n") + "\n"
