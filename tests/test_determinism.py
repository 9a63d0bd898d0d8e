"""Same inputs, byte-identical outputs; ids that survive unrelated edits."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.export import briefing_to_json
from generator.pipeline import make_briefing
from generator.project import Project

REPO = Path(__file__).resolve().parent.parent

THIRD_ARTICLE = """\
Farmers in the Kericho highlands have formed a new tea cooperative, the Kericho Growers Union, \
to negotiate better prices with exporters.
The union's chairwoman, Mary Wanjiku, said on Tuesday that members would pool their harvests \
from next season.
According to the Tea Board of Kenya, smallholder farmers produce about 60 percent of the \
country's tea.
Analysts say the cooperative may struggle to raise the capital it needs for a processing plant.
"""

SNAPSHOT = """
import hashlib, json, sys
from pathlib import Path
from generator.export import briefing_to_json
from generator.pipeline import make_briefing
from generator.project import Project
from generator.render import render_pages
project = Project.at(sys.argv[1])
briefing = make_briefing(project, use_cache=False)
pages = render_pages(briefing, project)
digest = hashlib.sha256(briefing_to_json(briefing).encode())
for name in sorted(pages):
    digest.update(name.encode() + b"\\0" + pages[name].encode() + b"\\0")
print(digest.hexdigest())
"""


def snapshot(project: Project) -> tuple[str, dict[str, str]]:
    from generator.render import render_pages

    briefing = make_briefing(project, use_cache=False)
    return briefing_to_json(briefing), render_pages(briefing, project)


def digest(json_text: str, pages: dict[str, str]) -> str:
    h = hashlib.sha256(json_text.encode())
    for name in sorted(pages):
        h.update(name.encode() + b"\0" + pages[name].encode() + b"\0")
    return h.hexdigest()


def test_two_runs_are_byte_identical() -> None:
    project = Project.at(REPO)
    first, second = snapshot(project), snapshot(project)
    assert first[0] == second[0]
    assert first[1] == second[1]
    assert first[1], "no pages rendered"


def test_same_output_with_another_hash_seed_and_locale(tmp_path: Path) -> None:
    expected = digest(*snapshot(Project.at(REPO)))
    for seed, locale in (("1", "C"), ("13", "C.UTF-8"), ("4242", "C.UTF-8")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "LC_ALL": locale, "LANG": locale,
               "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "BRIEFING_WORKERS": "1"}
        out = subprocess.run([sys.executable, "-c", SNAPSHOT, str(REPO)], env=env, cwd=REPO,
                             capture_output=True, text=True, check=True)
        assert out.stdout.strip() == expected, f"PYTHONHASHSEED={seed} LC_ALL={locale}"


def _project_with(tmp_path: Path, extra: str | None) -> Project:
    root = tmp_path / ("with" if extra else "without")
    shutil.copytree(REPO / "seeds", root / "seeds", ignore=shutil.ignore_patterns("curation"))
    if extra:
        (root / "seeds" / "010_tea_cooperative.txt").write_text(extra, encoding="utf-8")
    return Project.at(root, use_curation=False)


def test_ids_stable_when_an_unrelated_seed_is_added(tmp_path: Path) -> None:
    before = json.loads(briefing_to_json(make_briefing(_project_with(tmp_path, None),
                                                       use_cache=False)))
    after = json.loads(briefing_to_json(make_briefing(_project_with(tmp_path, THIRD_ARTICLE),
                                                      use_cache=False)))
    new_source = {s["id"] for s in after["sources"]} - {s["id"] for s in before["sources"]}
    assert len(new_source) == 1
    assert {s["id"] for s in before["sources"]} <= {s["id"] for s in after["sources"]}

    after_actors = {a["id"]: a for a in after["actors"]}
    for actor in before["actors"]:
        assert actor["id"] in after_actors, f"actor id changed: {actor['id']} ({actor['name']})"
        kept = [m for m in after_actors[actor["id"]]["mentions"] if m["source"] not in new_source]
        assert kept == actor["mentions"]

    after_claims = {c["id"]: c for c in after["claims"]}
    touched = {(a["source"], a["start"]) for c in after["claims"]
               if new_source & {x["source"] for x in c["appearances"]}
               for a in c["appearances"]}
    for claim in before["claims"]:
        if any((a["source"], a["start"]) in touched for a in claim["appearances"]):
            continue  # the new article joined this cluster: its id may legitimately change
        assert claim["id"] in after_claims, f"claim id changed: {claim['id']} ({claim['text']})"
        assert after_claims[claim["id"]]["appearances"] == claim["appearances"]


def test_ids_do_not_depend_on_file_order(tmp_path: Path) -> None:
    """Renaming nothing but adding a seed that sorts first must not renumber anything."""
    project = _project_with(tmp_path, None)
    before = json.loads(briefing_to_json(make_briefing(project, use_cache=False)))
    (project.seeds_dir / "0000_first.txt").write_text(THIRD_ARTICLE, encoding="utf-8")
    after = json.loads(briefing_to_json(make_briefing(project, use_cache=False)))
    assert {a["id"] for a in before["actors"]} <= {a["id"] for a in after["actors"]}
    before_ids = {c["id"] for c in before["claims"]}
    assert before_ids <= {c["id"] for c in after["claims"]}
