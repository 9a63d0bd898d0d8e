"""JSON/CSV export: schema-valid, the promised field names, deterministic, spreadsheet-safe."""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest
from briefing_fixture import make_briefing

from generator import models
from generator.export import (
    SCHEMA_PATH,
    briefing_to_dict,
    briefing_to_json,
    export_briefing,
    safe_cell,
)

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_fixture_export_is_schema_valid() -> None:
    validate(briefing_to_dict(make_briefing()))


def test_contract_field_names() -> None:
    data = briefing_to_dict(make_briefing())
    source, actor, claim, event = (data[k][0] for k in ("sources", "actors", "claims", "events"))
    assert {"id", "path", "title", "outlet", "url", "published", "text", "sentences",
            "summary"} <= source.keys()
    sentence = source["sentences"][0]
    assert {"id", "start", "end", "text", "truncated", "boilerplate"} <= sentence.keys()
    assert {"id", "name", "type", "aliases", "roles", "mentions"} <= actor.keys()
    assert {"source", "sentence", "text"} <= actor["mentions"][0].keys()
    assert {"id", "text", "status", "appearances", "actors", "conflicts_with"} <= claim.keys()
    assert {"source", "sentence", "quote", "attributed_to"} <= claim["appearances"][0].keys()
    assert {"id", "when", "date", "text", "source", "sentence"} <= event.keys()


@pytest.mark.parametrize("model", [models.Source, models.Sentence, models.Actor, models.Mention,
                                   models.Role, models.Claim, models.Appearance, models.Event,
                                   models.Relation, models.QualityNote])
def test_schema_describes_every_model_field(model: type) -> None:
    """A field added to models.py must be added to the schema too (other tools rely on it)."""
    name = {"QualityNote": "quality_note"}.get(model.__name__, model.__name__.lower())
    described = set(SCHEMA["$defs"][name]["properties"])
    assert {f.name for f in fields(model)} == described


def test_schema_rejects_bad_values() -> None:
    data = briefing_to_dict(make_briefing())
    data["claims"][0]["status"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    data = briefing_to_dict(make_briefing())
    data["sources"][0]["published"] = "last Monday"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_json_is_deterministic_sorted_and_unescaped(tmp_path: Path) -> None:
    briefing = make_briefing()
    shuffled = make_briefing()
    shuffled.actors.reverse()
    shuffled.claims.reverse()
    shuffled.actors[0].mentions.reverse()
    assert briefing_to_json(briefing) == briefing_to_json(shuffled)
    text = briefing_to_json(briefing)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "“never open”" in text  # ensure_ascii=False
    data = json.loads(text)
    assert [a["id"] for a in data["actors"]] == sorted(a["id"] for a in data["actors"])
    assert list(data) == sorted(data)


def test_export_writes_file_and_stdout(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out" / "briefing.json"
    export_briefing(make_briefing(), out)
    assert out.read_text(encoding="utf-8") == briefing_to_json(make_briefing())
    export_briefing(make_briefing(), "-")
    assert capsys.readouterr().out == briefing_to_json(make_briefing())
    assert [p.name for p in out.parent.iterdir()] == ["briefing.json"]  # no temp files left


def test_failed_export_keeps_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "briefing.json"
    out.write_text("previous\n", encoding="utf-8")
    broken = make_briefing()
    broken.claims[0].numbers = [object()]  # not JSON-serialisable
    with pytest.raises(TypeError):
        export_briefing(broken, out)
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_csv_tables_and_formula_injection(tmp_path: Path) -> None:
    briefing = make_briefing()
    briefing.claims[0].text = "=HYPERLINK(\"http://evil\")"
    briefing.actors[0].name = "@SUM(A1)"
    export_briefing(briefing, tmp_path / "b.json", csv_dir=tmp_path / "csv")
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == ["actors.csv", "claims.csv", "events.csv", "sources.csv"]
    rows = {name: list(csv.DictReader((tmp_path / "csv" / name).open(encoding="utf-8")))
            for name in names}
    claim_texts = {r["text"] for r in rows["claims.csv"]}
    assert "'=HYPERLINK(\"http://evil\")" in claim_texts
    assert "'@SUM(A1)" in {r["name"] for r in rows["actors.csv"]}
    assert {r["id"] for r in rows["sources.csv"]} == {"a-1", "b-2"}
    assert len(rows["events.csv"]) == 1
    jobs = next(r for r in rows["claims.csv"] if r["id"] == "c-jobs")
    assert jobs["appearances"] == "a-1#s2; b-2#s2"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx"])
def test_safe_cell_neutralises_formulas(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("plain") == "plain" and safe_cell(None) == ""


def test_real_seeds_export_validates(tmp_path: Path) -> None:
    """The export of the actual seeds (full pipeline) validates against the schema."""
    from generator.pipeline import make_briefing as pipeline_briefing
    from generator.project import Project

    repo = Path(__file__).resolve().parent.parent
    briefing = pipeline_briefing(Project.at(repo, use_curation=False), use_cache=False)
    data = briefing_to_dict(briefing)
    validate(data)
    assert len(data["sources"]) == len(list((repo / "seeds").glob("*.txt")))
    for claim in data["claims"]:
        for app in claim["appearances"]:
            source = next(s for s in data["sources"] if s["id"] == app["source"])
            assert source["text"][app["start"]:app["end"]] == app["quote"]
