"""The speed benchmark runs end to end on a tiny corpus and reports what it measured.

Its figures are printed, never asserted (timed unit tests would be flaky); this only
checks that ``python -m generator.bench_extract`` works and says which interpreter ran it,
since a build without profile-guided optimisation is measurably slower.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pytest

from generator import bench_extract


def test_bench_extract_prints_and_writes_figures_for_both_corpora(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bench.json"
    assert bench_extract.main(["--synthetic", "4", "--repeat", "1", "--runs", "1",
                               "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"interpreter: {platform.python_implementation()} {platform.python_version()}" in printed
    assert "== synthetic: 4 documents" in printed
    assert "slowest corpus:" in printed
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["interpreter"].startswith(platform.python_implementation())
    corpora = {c["corpus"]: c for c in payload["corpora"]}
    assert set(corpora) == {"synthetic", "realistic"}
    for corpus in corpora.values():
        assert corpus["words"] > 0
        assert corpus["overall_words_per_second"] > 0
        assert set(corpus["stages"]) == set(bench_extract.STAGES)
