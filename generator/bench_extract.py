"""Extraction + cross-reference throughput benchmark (issue 3, Speed).

    python -m generator.bench_extract                    # synthetic 1,000 + realistic x25
    python -m generator.bench_extract --synthetic 2000 --repeat 50 --json out.json

Prints words per second of CPU time (``time.process_time``, so other processes
on the machine do not distort the figure) per stage, for two corpora:

* synthetic: ``generator.synth.write_corpus`` articles (recurring cast, repeated
  and contradicted claims);
* realistic: the hand-written evaluation and development articles in ``tests/``
  (``tests/eval/cases/*/*.txt`` and ``tests/fixtures/*_dev/*``), copied ``repeat``
  times as separate documents, because synthetic text may flatter the extractor.

Per-stage figures call the stage functions one after another in the order
``extract_source`` does; the overall figure calls ``extract_source`` per document
and ``cross_reference`` once, exactly as the pipeline does, on one core, and is the
fastest of ``--runs`` runs (CPU time still varies with what else shares the
machine). Each run is a process forked after start-up, so no run finds the caches
warm from an earlier one. It is a throughput: the one-time start-up of a process (reading the word
lists and compiling patterns, paid once per process, not per word) is measured
first, on its own, and printed separately. The target (50,000 words/s overall) is
printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator.crossref import cross_reference
from generator.crossref.actors import merge_actors
from generator.crossref.claims import cluster_claims
from generator.extract import extract_source
from generator.extract.actors import find_actors
from generator.extract.claims import find_claims
from generator.extract.events import find_events
from generator.extract.keypoints import pick_key_points
from generator.extract.quality import mark_quality
from generator.extract.relations import find_relations
from generator.extract.sentences import split_sentences
from generator.gcpause import paused_gc
from generator.load import load_seeds
from generator.models import Document, SourceExtraction
from generator.project import Project
from generator.synth import write_corpus

REPO = Path(__file__).resolve().parent.parent
TARGET_WORDS_PER_SECOND = 50_000
STAGES = ("split", "quality", "actors", "claims", "events", "relations", "keypoints",
          "merge_actors", "cluster_claims", "cross_reference")


def words_in(documents: list[Document]) -> int:
    return sum(len(doc.text.split()) for doc in documents)


def realistic_files() -> list[Path]:
    """The hand-written articles (and their sidecars) the test suite ships."""
    files = sorted((REPO / "tests" / "eval" / "cases").glob("*/*.txt"))
    files += sorted(p for p in (REPO / "tests" / "fixtures").glob("*_dev/*") if p.is_file())
    return files


def write_realistic(directory: Path, repeat: int) -> None:
    """Copy every realistic article ``repeat`` times under distinct names (sidecars follow)."""
    directory.mkdir(parents=True, exist_ok=True)
    for k in range(repeat):
        for path in realistic_files():
            shutil.copyfile(path, directory / f"r{k:03d}-{path.parent.name}-{path.name}")


def load_corpus(seeds: Path) -> list[Document]:
    project = Project.at(seeds.parent, seeds=seeds)
    return load_seeds(project)


def _timed(fn: Callable[[], object]) -> tuple[object, float]:
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def stage_seconds(documents: list[Document]) -> dict[str, float]:
    """CPU seconds per stage, calling the stages as ``extract_source`` does."""
    seconds = dict.fromkeys(STAGES, 0.0)
    extractions = [_extract_timed(doc, seconds) for doc in documents]
    with paused_gc():  # as cross_reference runs it
        _, seconds["merge_actors"] = _timed(lambda: merge_actors(extractions))
    seconds["cluster_claims"] = _cluster_seconds(extractions)
    _, seconds["cross_reference"] = _timed(lambda: cross_reference(extractions))  # the whole
    return seconds


def _extract_timed(doc: Document, seconds: dict[str, float]) -> SourceExtraction:
    """One document through the extraction stages, adding each stage's CPU time."""

    def run(stage: str, fn: Callable[[], Any]) -> Any:
        result, spent = _timed(fn)
        seconds[stage] += spent
        return result

    with paused_gc():  # as extract_source runs
        sentences = run("split", lambda: split_sentences(doc))
        notes = run("quality", lambda: mark_quality(doc, sentences))
        actors = run("actors", lambda: find_actors(doc, sentences))
        claims = run("claims", lambda: find_claims(doc, sentences, actors))
        events = run("events", lambda: find_events(doc, sentences))
        relations = run("relations", lambda: find_relations(doc, sentences, actors))
        key_points = run("keypoints", lambda: pick_key_points(sentences, actors, claims))
    return SourceExtraction(
        document=doc, sentences=sentences, actors=actors, claims=claims, events=events,
        relations=relations, key_points=key_points, notes=notes)


def _cluster_seconds(extractions: list[SourceExtraction]) -> float:
    """CPU seconds of ``cluster_claims`` alone, on the re-keyed candidates."""
    from generator.crossref import _rekey_claims, _source_of

    ordered = sorted(extractions, key=lambda e: e.document.id)
    sources = [_source_of(e) for e in ordered]
    _, local_to_global = merge_actors(ordered)
    candidates = [c for e in ordered for c in _rekey_claims(e, local_to_global)]
    with paused_gc():  # as cross_reference runs it
        return _timed(lambda: cluster_claims(candidates, sources))[1]


_RUN_DOCUMENTS: list[Document] = []  # the corpus a forked run inherits


def _overall_of_inherited() -> tuple[float, float]:
    gc.collect()
    return overall_seconds(_RUN_DOCUMENTS)


def _fresh_overall_seconds(documents: list[Document]) -> tuple[float, float]:
    """``overall_seconds`` in a process forked from this one, so that every run starts
    with the caches a new process has after start-up, not warm from an earlier run."""
    _RUN_DOCUMENTS[:] = documents
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(_overall_of_inherited).result()
    finally:
        _RUN_DOCUMENTS.clear()


def overall_seconds(documents: list[Document]) -> tuple[float, float]:
    """CPU seconds of ``extract_source`` over all documents, and of ``cross_reference``."""
    with paused_gc():  # as pipeline.extract_all runs it
        extractions, extract = _timed(lambda: [extract_source(doc) for doc in documents])
    _, crossref = _timed(lambda: cross_reference(extractions))  # type: ignore[arg-type]
    return extract, crossref


def startup_seconds() -> float:
    """CPU seconds of the first extraction and cross-reference in this process, on a short
    article: reading the word lists and compiling patterns. Later documents reuse them."""
    text = ("The city council said on Monday it would close the harbour bridge for repairs. "
            "Officials expect the work to last three weeks, according to a statement.\n")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        (seeds / "startup.txt").write_text(text, encoding="utf-8")
        documents = load_corpus(seeds)
    extract, crossref = overall_seconds(documents)
    return extract + crossref


def measure(name: str, documents: list[Document], runs: int = 3) -> dict[str, object]:
    words = words_in(documents)
    timings = [_fresh_overall_seconds(documents) for _ in range(max(1, runs))]
    extract, crossref = min(timings, key=sum)
    gc.collect()
    stages = stage_seconds(documents)
    total = extract + crossref
    return {
        "corpus": name,
        "documents": len(documents),
        "words": words,
        "extract_seconds": round(extract, 3),
        "cross_reference_seconds": round(crossref, 3),
        "overall_words_per_second": round(words / total) if total else None,
        "overall_runs_seconds": [round(sum(t), 3) for t in timings],
        "stages": {
            stage: {"seconds": round(sec, 3),
                    "words_per_second": round(words / sec) if sec else None}
            for stage, sec in stages.items()
        },
    }


def print_report(result: dict[str, object]) -> None:
    print(f"\n== {result['corpus']}: {result['documents']} documents, {result['words']:,} words")
    print(f"{'stage':<18}{'CPU s':>9}{'words/s':>14}")
    for stage, fig in result["stages"].items():  # type: ignore[union-attr]
        wps = fig["words_per_second"]
        print(f"{stage:<18}{fig['seconds']:>9.3f}{(f'{wps:,}' if wps else '-'):>14}")
    overall = result["overall_words_per_second"]
    verdict = "meets" if overall and overall >= TARGET_WORDS_PER_SECOND else "BELOW"
    print(f"{'overall':<18}{result['extract_seconds'] + result['cross_reference_seconds']:>9.3f}"
          f"{overall:>14,}  {verdict} target {TARGET_WORDS_PER_SECOND:,} words/s")
    runs = ", ".join(f"{sec:.3f}" for sec in result["overall_runs_seconds"])  # type: ignore[union-attr]
    print(f"  (overall is the fastest of {len(result['overall_runs_seconds'])} runs: {runs} s)")


def interpreter() -> str:
    """The Python that runs the benchmark, by its real path: a venv's ``python`` is a link."""
    return (f"{platform.python_implementation()} {platform.python_version()}, "
            f"{os.path.realpath(sys.executable)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=1000, help="synthetic articles")
    parser.add_argument("--repeat", type=int, default=25, help="copies of realistic articles")
    parser.add_argument("--runs", type=int, default=3, help="runs of the overall figure")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    print(f"interpreter: {interpreter()} (the figures depend on how it was built)")
    startup = startup_seconds()
    print(f"start-up, once per process (word lists, patterns): {startup:.3f} s CPU")
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        synth_dir, real_dir = Path(tmp) / "synthetic", Path(tmp) / "realistic"
        write_corpus(synth_dir, args.synthetic)
        write_realistic(real_dir, args.repeat)
        for name, seeds in (("synthetic", synth_dir), ("realistic", real_dir)):
            result = measure(name, load_corpus(seeds), args.runs)
            print_report(result)
            results.append(result)
    if args.json:
        payload = {"interpreter": interpreter(), "startup_seconds": round(startup, 3),
                   "corpora": results}
        args.json.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", "utf-8")
    worst = min(r["overall_words_per_second"] or 0 for r in results)
    print(f"\nslowest corpus: {worst:,} words/s of CPU time "
          f"({'meets' if worst >= TARGET_WORDS_PER_SECOND else 'below'} the "
          f"{TARGET_WORDS_PER_SECOND:,} target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
