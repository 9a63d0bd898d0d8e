"""Claim-level diff: what changed is listed, nothing else; safe to post as a PR comment."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from briefing_fixture import make_briefing

from generator.curation import apply_curation, load_curation
from generator.diff import diff_briefings, format_diff, load_side, md_escape
from generator.errors import BriefingError
from generator.export import briefing_to_dict
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent


def curated_dict(tmp_path: Path, **files: str) -> dict:
    folder = tmp_path / "seeds" / "curation"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return briefing_to_dict(apply_curation(make_briefing(), load_curation(Project.at(tmp_path))))


def test_identical_sides_have_no_changes() -> None:
    data = briefing_to_dict(make_briefing())
    diff = diff_briefings(data, json.loads(json.dumps(data)))
    assert diff.empty
    assert "No changes" in format_diff(diff, "markdown")


def test_curation_edits_show_up_as_changes(tmp_path: Path) -> None:
    old = briefing_to_dict(make_briefing())
    new = curated_dict(tmp_path, actors="""
        - match: acme-corp
          rename: Acme Corporation
        - match: ministry-of-industry
          merge: [industry]
        """, claims="""
        - match: c-open-a
          merge: [c-open-b]
        - match: c-never
          text: Critics doubt the factory will open
        """)
    diff = diff_briefings(old, new)
    assert [(c.id, c.old_name) for c in diff.actors_changed] == [("acme-corp", "Acme Corp")]
    assert diff.actors_merged == [{"id": "ministry-of-industry", "name": "Ministry of Industry",
                                   "merged": [{"id": "industry", "name": "Industry"},
                                              {"id": "ministry-of-industry",
                                               "name": "Ministry of Industry"}]}]
    assert diff.actors_removed == [] and diff.actors_added == []
    changed = {c.id: c for c in diff.claims_changed}
    assert set(changed) == {"c-open-a", "c-never"}
    assert changed["c-open-a"].status == ["single-source", "corroborated"]
    assert [g["source"] for g in changed["c-open-a"].gained] == ["b-2"]
    assert changed["c-never"].old_text == "The factory will never open"
    assert [(c["id"], c.get("merged_into")) for c in diff.claims_removed] == [
        ("c-open-b", "c-open-a")]
    assert "merged into `c-open-a`" in format_diff(diff, "markdown")
    assert diff.claims_added == []
    assert diff.sources_added == diff.sources_removed == diff.sources_changed == []


def test_contested_and_split_are_reported(tmp_path: Path) -> None:
    old = briefing_to_dict(make_briefing())
    new = curated_dict(tmp_path, actors="""
        - match: jane-doe
          split: [{name: John Doe, aliases: [Doe]}]
        """, claims="""
        - match: c-open-b
          contradicts: [c-never]
        """)
    diff = diff_briefings(old, new)
    assert diff.actors_split == [{"id": "jane-doe", "name": "Jane Doe", "into": [
        {"id": "jane-doe", "name": "Jane Doe"}, {"id": "john-doe", "name": "John Doe"}]}]
    statuses = {c.id: c.status for c in diff.claims_changed}
    assert statuses["c-open-b"] == ["single-source", "contested"]
    assert statuses["c-never"] == ["single-source", "contested"]


def test_id_change_matched_by_content() -> None:
    old = briefing_to_dict(make_briefing())
    new = json.loads(json.dumps(old))
    new["claims"][0]["id"] = "c-renumbered"
    new["actors"][0]["id"] = "acme"
    diff = diff_briefings(old, new)
    assert diff.claims_added == diff.claims_removed == []
    assert [(c.id, c.old_id) for c in diff.claims_changed] == [("c-renumbered", "c-jobs")]
    assert [(c.id, c.old_id) for c in diff.actors_changed] == [("acme", "acme-corp")]


def test_markdown_escapes_seed_text() -> None:
    old = briefing_to_dict(make_briefing())
    new = json.loads(json.dumps(old))
    evil = "<script>alert(1)</script> | [x](javascript:alert(1)) @octocat #1 **b** ![i](http://e/)"
    new["claims"][0]["text"] = evil
    out = format_diff(diff_briefings(old, new), "markdown")
    assert "<script>" not in out and "](" not in out and "@octocat" not in out
    assert "javascript:" not in out and "**b**" not in out
    row = next(line for line in out.splitlines() if "c-jobs" in line)
    assert row.count(" | ") == 3  # the seed's "|" did not add a column
    assert md_escape("a\nb") == "a b"


def test_json_format_round_trips(tmp_path: Path) -> None:
    old = briefing_to_dict(make_briefing())
    new = curated_dict(tmp_path, claims="- match: c-jobs\n  credibility: 2\n")
    data = json.loads(format_diff(diff_briefings(old, new), "json"))
    assert [c["id"] for c in data["claims_changed"]] == ["c-jobs"]
    assert data["claims_changed"][0]["fields"] == {"credibility": [None, 2]}


def test_load_side_json_and_bad_revision(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(briefing_to_dict(make_briefing())), encoding="utf-8")
    assert load_side(str(path), tmp_path)["claims"]
    with pytest.raises(BriefingError):
        load_side("no-such-rev", tmp_path)


# ------------------------------------------------------------- a scripted git edit


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@e",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "seeds", repo / "seeds",
                    ignore=shutil.ignore_patterns("curation"))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "seeds")
    return repo


ADDED = ("The Dutch Finance Ministry said on Friday that it will publish a review of the "
         "harbour tax next month.")


def _sources_of(claim: dict) -> set[str]:
    return {a["source"] for a in claim["appearances"]}


def test_diff_of_a_scripted_seed_edit(repo: Path) -> None:
    seed = sorted((repo / "seeds").glob("003_*.txt"))[0]
    with seed.open("a", encoding="utf-8") as handle:
        handle.write("\n" + ADDED + "\n")
    old, new = load_side("HEAD", repo), load_side(None, repo)
    edited = next(s["id"] for s in new["sources"] if s["path"].endswith(seed.name))
    diff = diff_briefings(old, new)
    assert not diff.sources_added and not diff.sources_removed
    assert [s["id"] for s in diff.sources_changed] == [edited]
    # the new sentence's claim appears ...
    added = [c for c in new["claims"] if c["id"] in {x["id"] for x in diff.claims_added}]
    assert any("harbour tax" in a["quote"] for c in added for a in c["appearances"])
    # ... and every listed claim touches the edited seed; nothing from the other seed is listed
    new_claims = {c["id"]: c for c in new["claims"]}
    old_claims = {c["id"]: c for c in old["claims"]}
    for change in diff.claims_changed:
        claim = new_claims[change.id]
        assert edited in _sources_of(claim) | _sources_of(old_claims.get(change.old_id or
                                                                          change.id, claim))
    for claim in added:
        assert _sources_of(claim) == {edited}
    assert not diff.claims_removed
    for actor in diff.actors_added:
        mentions = next(a for a in new["actors"] if a["id"] == actor["id"])["mentions"]
        assert {m["source"] for m in mentions} == {edited}
    assert not diff.actors_removed
    markdown = format_diff(diff, "markdown")
    assert "harbour tax" in markdown or "Finance Ministry" in markdown


def test_diff_of_a_committed_curation_edit(repo: Path) -> None:
    base = load_side(None, repo)
    claim = next(c for c in base["claims"] if len(_sources_of(c)) == 1)
    curation = repo / "seeds" / "curation"
    curation.mkdir()
    (curation / "claims.yml").write_text(
        f"- match: {claim['id']}\n  text: An analyst's wording\n  credibility: 2\n",
        encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "curate")
    diff = diff_briefings(load_side("HEAD~1", repo), load_side("HEAD", repo))
    assert [(c.id, c.old_text, c.text) for c in diff.claims_changed] == [
        (claim["id"], claim["text"], "An analyst's wording")]
    assert diff.claims_changed[0].fields == {"credibility": [None, 2]}
    assert not (diff.claims_added or diff.claims_removed or diff.actors_changed
                or diff.actors_added or diff.sources_changed)


def _tar_with(members: list[tuple[str, bytes | None, str | None]]) -> bytes:
    """A tar archive: (name, file content, symlink target) per member."""
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data, link in members:
            info = tarfile.TarInfo(name)
            if link is not None:
                info.type, info.linkname = tarfile.SYMTYPE, link
                tar.addfile(info)
            else:
                info.size = len(data or b"")
                tar.addfile(info, io.BytesIO(data or b""))
    return buf.getvalue()


def test_a_revision_archive_cannot_write_outside_its_folder_without_filters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pythons without tar extraction filters (Debian 12's 3.11.2) keep the guarantee the
    "data" filter gives newer ones: nothing lands outside the folder, no link is made."""
    import io
    import tarfile

    from generator import diff

    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    dest = tmp_path / "dest"
    dest.mkdir()
    data = _tar_with([("seeds/a.txt", b"fine", None), ("../escaped.txt", b"bad", None),
                      ("/tmp/absolute.txt", b"bad", None), ("seeds/link", None, "/etc/passwd")])
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        diff._extract_safely(tar, str(dest))
    assert not (tmp_path / "escaped.txt").exists()
    assert not (dest / "tmp").exists() and not Path("/tmp/absolute.txt").exists()
    assert not (dest / "seeds" / "link").exists() and not (dest / "seeds" / "link").is_symlink()
    assert (dest / "seeds" / "a.txt").read_text() == "fine"
