"""Safe YAML: plain data, line numbers, and clear errors for every kind of bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.yamlio import check_keys, check_type, parse_yaml, suggest

CURATION_LIKE = """\
# a comment
actors:
  - name: Alpha
    type: person
  - name: Beta
    tpye: organisation
when: 2024-05-01
"""


def _error(text: str, offset: int = 0) -> BriefingError:
    with pytest.raises(BriefingError) as info:
        parse_yaml(text, "seeds/curation/x.yml", offset)
    return info.value


def test_plain_data_and_lines_of_keys_and_items() -> None:
    doc = parse_yaml(CURATION_LIKE, "x.yml")
    assert doc.data["actors"][1] == {"name": "Beta", "tpye": "organisation"}
    assert doc.data["when"] == dt.date(2024, 5, 1)
    assert doc.line("actors") == 2
    assert doc.line("actors", 0) == 3
    assert doc.line("actors", 1, "name") == 5
    assert doc.line("actors", 1, "tpye") == 6
    assert doc.line("when") == 7
    assert doc.column("actors", 1, "tpye") == 5
    # a missing key points at its nearest parent
    assert doc.line("actors", 1, "aliases") == 5
    assert doc.line() == 2


def test_line_offset_for_front_matter() -> None:
    doc = parse_yaml("title: x\nurl: y\n", "a.md", line_offset=1)
    assert doc.line("url") == 3


def test_unsafe_python_tag_is_rejected_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    err = _error(f"title: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()
    (problem,) = err.problems
    assert problem.line == 1
    assert "!!python/object/apply:os.system" in problem.message
    assert "not allowed" in problem.message and problem.hint


@pytest.mark.parametrize("text", [
    "x: !!python/name:os.system\n",
    "x: !!binary aGVsbG8=\n",
    "x: !custom thing\n",
    "x: !!set {a, b}\n",
])
def test_other_non_plain_tags_are_rejected(text: str) -> None:
    assert "tag" in _error(text).problems[0].message


def test_malformed_yaml_names_line_and_column_with_hint() -> None:
    err = _error("title: ok\nurl: a: b\n", offset=1)
    (problem,) = err.problems
    assert (problem.line, problem.column) == (3, 7)
    assert "invalid YAML" in problem.message
    assert "quotes" in problem.hint


def test_tab_indentation_hint() -> None:
    problem = _error("a:\n\tb: 1\n").problems[0]
    assert problem.line == 2
    assert "tab" in problem.hint.lower()


def test_unclosed_flow_sequence() -> None:
    problem = _error("tags: [a, b\nnext: 1\n").problems[0]
    assert problem.line == 2


def test_duplicate_keys_are_errors_naming_both_lines() -> None:
    problem = _error("title: a\nurl: x\ntitle: b\n").problems[0]
    assert problem.line == 3
    assert "duplicate key 'title'" in problem.message and "line 1" in problem.message


def test_several_documents_are_an_error() -> None:
    problem = _error("a: 1\n---\nb: 2\n").problems[0]
    assert "document" in problem.hint


def test_alias_bomb_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    problem = _error("\n".join(lines) + "\n").problems[0]
    assert "more than" in problem.message


def test_recursive_alias_is_an_error() -> None:
    assert "itself" in _error("a: &x [1, *x]\n").problems[0].message


def test_empty_document_is_none() -> None:
    assert parse_yaml("", "x.yml").data is None
    assert parse_yaml("# only a comment\n", "x.yml").data is None


def test_check_keys_did_you_mean_with_line() -> None:
    doc = parse_yaml(CURATION_LIKE, "x.yml")
    (problem,) = check_keys(doc.data["actors"][1], {"name", "type", "aliases"}, doc,
                            ("actors", 1), "x.yml")
    assert problem.line == 6
    assert "unknown key 'tpye'" in problem.message
    assert "did you mean 'type'" in problem.hint


def test_suggest_knows_common_synonyms() -> None:
    allowed = {"title", "published", "url"}
    assert suggest("date", allowed) == "published"
    assert suggest("Titel", allowed) == "title"
    assert suggest("zzz", allowed) is None


def test_check_type_rejects_bool_for_number_and_number_for_text() -> None:
    doc = parse_yaml("a: yes\nb: 12\n", "x.yml")
    problem = check_type(doc.data["a"], int, doc, ("a",), "x.yml")
    assert problem is not None and problem.line == 1
    problem = check_type(doc.data["b"], str, doc, ("b",), "x.yml")
    assert problem is not None and "quotes" in problem.hint and problem.line == 2
    assert check_type(doc.data["b"], int, doc, ("b",), "x.yml") is None
