"""Broken input through the real command line: a clear error, a non-zero exit, nothing lost.

Every case starts from a project copy whose site was already built successfully (so there is
previous output to lose), breaks or adds one seed, runs ``python -m generator build`` in a
subprocess and checks what a user sees: the exit code, a message naming the file (and line
where there is one) with a hint, and docs/ and site/ byte for byte as they were. Inputs that
are odd but valid (BOM, CRLF, odd file names, NUL bytes, invalid UTF-8) must build, with a
warning where something was changed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

from generator.load import MAX_SEED_BYTES

pytestmark = [pytest.mark.slow]

SEED_TEXT = (
    "Harbour Authority director Maria Lopez said on Monday that the port would expand.\n\n"
    "The Ministry of Transport announced that it would fund half of the project.\n\n"
    "Local residents said the expansion would bring noise and traffic.\n"
)
URL_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def run_build(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """The real CLI, in the project folder (so a stray ``touch PWNED`` would land there)."""
    env = {**os.environ, "PYTHONHASHSEED": "random", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(root), *args],
        cwd=root, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


def snapshot(root: Path) -> dict[str, str]:
    """Every file under docs/ and site/ with its SHA-256 (and every directory)."""
    state = {}
    for top in ("docs", "site"):
        base = root / top
        for path in sorted(base.rglob("*")) if base.exists() else []:
            rel = path.relative_to(root).as_posix()
            state[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def leftovers(root: Path) -> list[str]:
    """Staging folders or temporary files a failed build left behind."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".briefing"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project (the repo's seeds plus a hand-written page) with a successful site build."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    (root / "docs" / "notes.md").write_text("# My notes\n\nHand-written.\n", encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built project for one case (docs/ and site/ included)."""
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def assert_failed_cleanly(root: Path, before: dict[str, str], result, name: str,  # noqa: ANN001
                          line: int | None = None) -> None:
    err = result.stderr
    assert result.returncode != 0, f"{name}: the build should fail\n{result.stdout}\n{err}"
    assert "Traceback" not in err, f"{name}: a crash, not an error message:\n{err}"
    location = f"seeds/{name}" + (f":{line}" if line is not None else "")
    assert location in err, f"the error does not name {location}:\n{err}"
    assert "hint:" in err, f"{name}: the error says nothing about how to fix it:\n{err}"
    assert snapshot(root) == before, f"{name}: docs/ or site/ changed after a failed build"
    assert leftovers(root) == []


def assert_built(result, name: str) -> None:  # noqa: ANN001
    assert result.returncode == 0, f"{name}: should build\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr


def write(root: Path, name: str, data: bytes | str) -> Path:
    path = root / "seeds" / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------- error cases

ERROR_CASES = {
    # name: (files to write, the file the error must name, its line or None)
    "malformed front matter": (
        {"bad.md": "---\ntitle: Fine\noutlet: [unclosed\n---\n\n" + SEED_TEXT},
        "bad.md", None),
    "unclosed front matter": ({"open.md": "---\ntitle: Never closed\n\n" + SEED_TEXT},
                              "open.md", 1),
    "unknown key in a sidecar": (
        {"article.txt": SEED_TEXT, "article.yml": "title: A title\ntitel: Typo\n"},
        "article.yml", 2),
    "wrong type in a sidecar": (
        {"article.txt": SEED_TEXT, "article.yml": "title: [not, a, string]\n"},
        "article.yml", 1),
    "bad date in front matter": (
        {"dated.md": "---\npublished: last Tuesday\n---\n\n" + SEED_TEXT}, "dated.md", 2),
    "empty file": ({"empty.txt": b""}, "empty.txt", None),
    "whitespace-only file": ({"blank.txt": b" \n\n\t\n"}, "blank.txt", None),
    "binary file": ({"photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8},
                    "photo.txt", None),
    "control bytes": ({"noise.txt": bytes(range(32)) * 40}, "noise.txt", None),
    "html without text": ({"empty.html": "<html><head><title>x</title></head><body>"
                                         "<script>var a=1;</script></body></html>"},
                          "empty.html", None),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_broken_seed_fails_with_a_located_error_and_changes_nothing(
    case: str, project: Path
) -> None:
    files, named, line = ERROR_CASES[case]
    before = snapshot(project)
    for name, data in files.items():
        write(project, name, data)
    result = run_build(project)
    assert_failed_cleanly(project, before, result, named, line)


def test_malformed_yaml_names_the_line_of_the_error(project: Path) -> None:
    before = snapshot(project)
    write(project, "article.txt", SEED_TEXT)
    write(project, "article.yml", "title: fine\noutlet: 'unterminated\npublished: 2025-01-01\n")
    result = run_build(project)
    assert_failed_cleanly(project, before, result, "article.yml")
    assert re.search(r"seeds/article\.yml:[23]\b", result.stderr), result.stderr


def test_unsafe_yaml_tag_is_rejected_and_never_executed(project: Path) -> None:
    before = snapshot(project)
    write(project, "article.txt", SEED_TEXT)
    write(project, "article.yml",
          'title: A title\noutlet: !!python/object/apply:os.system ["touch PWNED"]\n')
    result = run_build(project)
    assert not (project / "PWNED").exists(), "the YAML tag was executed"
    assert not (project / "seeds" / "PWNED").exists(), "the YAML tag was executed"
    assert_failed_cleanly(project, before, result, "article.yml", 2)
    assert "python/object" in result.stderr  # the message names the offending tag


def test_unsafe_yaml_tag_in_curation_is_rejected(project: Path) -> None:
    before = snapshot(project)
    (project / "seeds" / "curation" / "actors.yml").write_text(
        '- match: !!python/object/apply:os.system ["touch PWNED"]\n  type: person\n',
        encoding="utf-8")
    result = run_build(project)
    assert not (project / "PWNED").exists(), "the YAML tag was executed"
    assert_failed_cleanly(project, before, result, "curation/actors.yml", 1)


def test_duplicate_curation_entries_are_an_error(project: Path) -> None:
    before = snapshot(project)
    entry = "- match: {name}\n  type: person\n"
    data = project_data_actor(project)
    (project / "seeds" / "curation" / "actors.yml").write_text(
        entry.format(name=data) + entry.format(name=data), encoding="utf-8")
    result = run_build(project)
    assert_failed_cleanly(project, before, result, "curation/actors.yml")


def project_data_actor(root: Path) -> str:
    """The id of an actor the seeds really produce (from the generated actor pages)."""
    pages = sorted(p.stem for p in (root / "docs" / "actors").glob("*.md") if p.stem != "index")
    assert pages
    return pages[0]


def test_oversize_seed_is_refused_with_the_limit_named(project: Path) -> None:
    before = snapshot(project)
    big = project / "seeds" / "huge.txt"
    with big.open("wb") as handle:  # sparse: costs no disk and no time
        handle.seek(MAX_SEED_BYTES)
        handle.write(b"x")
    result = run_build(project)
    assert_failed_cleanly(project, before, result, "huge.txt")
    assert f"{MAX_SEED_BYTES:,}" in result.stderr, "the error must name the size limit"


def test_a_hand_written_page_in_the_way_is_never_overwritten(project: Path) -> None:
    mine = project / "docs" / "timeline.md"
    manifest = project / "docs" / ".generated.json"
    manifest.write_text(manifest.read_text("utf-8").replace('"timeline.md",', ""), "utf-8")
    mine.write_text("# My own timeline\n", encoding="utf-8")
    before = snapshot(project)
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/timeline.md" in result.stderr and "hint:" in result.stderr
    assert mine.read_text("utf-8") == "# My own timeline\n"
    assert snapshot(project) == before


# ------------------------------------------------------------------------- cases that build


def build_ok(root: Path, name: str) -> subprocess.CompletedProcess:
    result = run_build(root, "--no-site")
    assert_built(result, name)
    return result


def generated_sources(root: Path) -> set[str]:
    return {p.stem for p in (root / "docs" / "sources").glob("*.md")} - {"index"}


def test_invalid_utf8_builds_with_a_warning_naming_the_byte_offset(project: Path) -> None:
    raw = SEED_TEXT.encode("utf-8")
    offset = raw.index(b"Monday")
    write(project, "latin.txt", raw[:offset] + b"\xff\xfe" + raw[offset:])
    result = build_ok(project, "latin.txt")
    output = result.stdout + result.stderr
    assert "seeds/latin.txt" in output
    assert f"byte offset {offset}" in output, output


def test_bom_and_crlf_build_and_leave_no_trace_in_the_pages(project: Path) -> None:
    write(project, "windows.txt", b"\xef\xbb\xbf" + SEED_TEXT.replace("\n", "\r\n").encode())
    build_ok(project, "windows.txt")
    page = (project / "docs" / "sources" / "windows.md").read_bytes()
    assert b"\r" not in page and "\ufeff".encode() not in page
    assert b"Harbour Authority director Maria Lopez" in page


def test_nul_bytes_are_removed_with_a_warning(project: Path) -> None:
    write(project, "nul.txt", SEED_TEXT.replace("port", "po\x00rt", 1).encode())
    result = build_ok(project, "nul.txt")
    output = result.stdout + result.stderr
    assert "seeds/nul.txt" in output and "NUL" in output, output
    page = (project / "docs" / "sources" / "nul.md").read_text("utf-8")
    assert "\x00" not in page and "the port would expand" in page


def test_a_very_long_line_builds(project: Path) -> None:
    sentence = "The Ministry of Transport said the harbour budget grew by 3 percent. "
    write(project, "long.txt", sentence * 3000)  # ~200 KB on one line
    build_ok(project, "long.txt")
    assert "long" in generated_sources(project)


def test_file_names_with_spaces_and_non_ascii_letters_build(project: Path) -> None:
    names = ["my article.txt", "Ärger über Straßen.txt", "café notes.md"]
    for name in names:
        write(project, name, SEED_TEXT.replace("Monday", name))
    build_ok(project, "odd names")
    ids = generated_sources(project)
    assert all(URL_SAFE.match(i) for i in ids), ids
    assert len(ids) == 2 + len(names)


def test_seed_names_cannot_traverse_out_of_docs(project: Path) -> None:
    outside = sorted(p.name for p in project.parent.iterdir())
    names = ["..%2F..%2Fetc.txt", "....txt", "%2e%2e%2f%2e%2e%2fetc.txt", "a..%2F..b.txt",
             "..\\..\\win.txt", "~root.txt"]
    for n, name in enumerate(names):
        write(project, name, SEED_TEXT.replace("Monday", f"day {n}"))
    build_ok(project, "traversal names")
    ids = generated_sources(project)
    assert all(URL_SAFE.match(i) for i in ids), ids
    # names starting with "." are hidden files, documented as never being seeds
    assert len(ids) == 2 + sum(not n.startswith(".") for n in names), ids
    assert sorted(p.name for p in project.parent.iterdir()) == outside
    docs = (project / "docs").resolve()
    for path in (project / "docs").rglob("*"):
        assert docs in path.resolve().parents


def test_a_seed_with_no_sentences_is_reported(project: Path) -> None:
    write(project, "dashes.txt", "— — —\n\n* * *\n")
    result = run_build(project, "--no-site")
    output = result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "seeds/dashes.txt" in output, f"nothing says dashes.txt has no sentences:\n{output}"


def test_two_seeds_with_identical_text_build_with_a_warning(project: Path) -> None:
    write(project, "copy-a.txt", SEED_TEXT)
    write(project, "copy-b.txt", SEED_TEXT.replace("\n\n", "\n\n  "))  # spacing differs
    result = build_ok(project, "identical seeds")
    output = result.stdout + result.stderr
    assert "same text" in output and "copy-a.txt" in output and "copy-b.txt" in output, output


def test_hand_written_pages_survive_a_successful_build(project: Path) -> None:
    notes = project / "docs" / "notes.md"
    about = project / "docs" / "about.md"
    kept = {p: p.read_bytes() for p in (notes, about)}
    write(project, "extra.txt", SEED_TEXT)
    result = run_build(project)
    assert_built(result, "extra.txt")
    assert {p: p.read_bytes() for p in kept} == kept
    assert (project / "site" / "notes.html").is_file()


# ---------------------------------------------------------------------- interrupted builds


def changed_project(project: Path) -> tuple[object, dict[str, str]]:
    from generator.project import Project

    write(project, "extra.txt", SEED_TEXT)  # the next build has pages to write and remove
    return Project.at(project), snapshot(project)


def test_a_build_interrupted_inside_mkdocs_leaves_docs_and_site_unchanged(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import site

    real = site.mkdocs_build

    def halfway(config_file: Path, docs_dir: Path, site_dir: Path) -> None:
        real(config_file, docs_dir, site_dir)  # the new site is complete in staging...
        (site_dir / "half-written.html").write_text("<p>partial</p>")
        raise KeyboardInterrupt  # ...and then the user presses Ctrl-C

    monkeypatch.setattr(site, "mkdocs_build", halfway)
    proj, before = changed_project(project)
    with pytest.raises(KeyboardInterrupt):
        site.build_briefing_site(proj)
    assert snapshot(project) == before
    assert leftovers(project) == []


def test_a_build_failing_while_replacing_pages_rolls_docs_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import site

    calls = {"n": 0}
    real_replace = os.replace
    docs = (project / "docs").resolve()

    def flaky_replace(src, dst):  # noqa: ANN001, ANN202
        """The disk fills up after the first generated page has been replaced in docs/."""
        if docs in Path(dst).resolve().parents:
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    proj, before = changed_project(project)
    monkeypatch.setattr(site.os, "replace", flaky_replace)
    with pytest.raises(OSError):
        site.build_briefing_site(proj)
    monkeypatch.undo()
    assert calls["n"] >= 2, "the failure was never triggered: the test proves nothing"
    assert snapshot(project) == before
    assert leftovers(project) == []
