"""Scale benchmark: synthetic corpora of N sources through every stage.

    python -m generator.bench                 # N = 100 and 1,000
    python -m generator.bench --sizes 100,1000,10000 --json bench.json

Each size runs in a fresh subprocess (so peak-memory figures are its own) and
prints, per stage, wall time, throughput and peak resident memory, then page
count, site size, search-index size, and the ratio of the whole build to a
floor measured in the same run: converting the same generated Markdown with
Python-Markdown alone. Targets from issue 7 are checked and printed, not asserted
by unit tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class StageFigure:
    stage: str
    seconds: float
    items: int
    unit: str
    peak_rss_mb: float

    @property
    def throughput(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else float("inf")


@dataclass
class RunFigures:
    sources: int
    words: int
    stages: list[StageFigure] = field(default_factory=list)
    pages: int = 0
    site_mb: float = 0.0
    search_index_mb: float = 0.0
    markdown_floor_seconds: float = 0.0
    incremental_seconds: float | None = None
    peak_rss_mb: float = 0.0

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.stages)

    @property
    def floor_ratio(self) -> float:
        build = sum(s.seconds for s in self.stages if s.stage in ("render", "site build"))
        return build / self.markdown_floor_seconds if self.markdown_floor_seconds else 0.0


def _reset_peak_rss() -> None:
    """Reset VmHWM so the next reading is this stage's own peak (Linux only)."""
    try:
        Path(f"/proc/{os.getpid()}/clear_refs").write_text("5")
    except OSError:
        pass


def _peak_rss_mb() -> float:
    try:
        for line in Path(f"/proc/{os.getpid()}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class _Stage:
    def __init__(self, figures: RunFigures, name: str, items: int, unit: str):
        self.figures, self.name, self.items, self.unit = figures, name, items, unit

    def __enter__(self) -> _Stage:
        _reset_peak_rss()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        seconds = time.perf_counter() - self.start
        self.figures.stages.append(
            StageFigure(self.name, seconds, self.items, self.unit, _peak_rss_mb())
        )


def _dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _markdown_floor(docs_dir: Path) -> float:
    """Seconds for Python-Markdown alone to convert every generated page."""
    import markdown

    texts = [p.read_text(encoding="utf-8") for p in docs_dir.rglob("*.md")]
    converter = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "toc"])
    start = time.perf_counter()
    for text in texts:
        converter.reset().convert(text)
    return time.perf_counter() - start


def run_one(n: int, workdir: Path, with_site: bool = True) -> RunFigures:
    """All stages for one synthetic corpus of ``n`` sources, in this process."""
    from generator.crossref import cross_reference
    from generator.load import load_seeds
    from generator.pipeline import extract_all
    from generator.project import Project
    from generator.render import load_templates, render_pages
    from generator.site import apply_docs, mkdocs_build, plan_docs
    from generator.synth import write_corpus

    project_dir = workdir / f"n{n}"
    shutil.rmtree(project_dir, ignore_errors=True)
    project_dir.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", project_dir / "mkdocs.yml")
    shutil.copytree(REPO / "templates", project_dir / "templates")
    shutil.copytree(REPO / "docs", project_dir / "docs",
                    ignore=shutil.ignore_patterns(".generated.json", "index.md", "claims.md",
                                                  "timeline.md", "network.md", "methodology.md",
                                                  "sources", "actors", "claims"))
    write_corpus(project_dir / "seeds", n)
    project = Project.at(project_dir, use_curation=False)

    words = sum(len(p.read_text().split()) for p in (project_dir / "seeds").glob("*.txt"))
    figures = RunFigures(sources=n, words=words)
    with _Stage(figures, "load", n, "sources"):
        documents = load_seeds(project)
    with _Stage(figures, "extract", words, "words"):
        extractions = extract_all(documents)
    with _Stage(figures, "cross-reference", words, "words"):
        briefing = cross_reference(extractions)
    with _Stage(figures, "render", n, "sources"):
        pages = render_pages(briefing, load_templates(project))
    figures.pages = len(pages)
    apply_docs(project_dir / "docs", plan_docs(project_dir / "docs", pages))
    if with_site:
        site_dir = project_dir / "site"
        with _Stage(figures, "site build", len(pages), "pages"):
            mkdocs_build(project_dir / "mkdocs.yml", project_dir / "docs", site_dir)
        figures.site_mb = _dir_size_mb(site_dir)
        index = site_dir / "search" / "search_index.json"
        figures.search_index_mb = index.stat().st_size / 1e6 if index.exists() else 0.0
    figures.markdown_floor_seconds = _markdown_floor(project_dir / "docs")
    figures.incremental_seconds = _incremental(project, documents)
    figures.peak_rss_mb = max(max(s.peak_rss_mb for s in figures.stages), _children_peak_mb())
    return figures


def _incremental(project: object, documents: list) -> float:
    """Seconds to regenerate after editing one seed, with a warm extraction cache."""
    from generator.cache import ExtractionCache
    from generator.crossref import cross_reference
    from generator.load import load_seeds
    from generator.pipeline import extract_all

    with tempfile.TemporaryDirectory() as cache_dir:
        cache = ExtractionCache(Path(cache_dir))
        extract_all(documents, cache=cache)
        first = Path(project.seeds_dir) / f"{documents[0].path.rsplit('/', 1)[-1]}"  # type: ignore[attr-defined]
        first.write_text(first.read_text() + "\nThe regulator said on Friday it would review "
                         "the plan.\n", encoding="utf-8")
        start = time.perf_counter()
        cross_reference(extract_all(load_seeds(project), cache=cache))  # type: ignore[arg-type]
        return time.perf_counter() - start


def _format(figures: list[RunFigures]) -> str:
    lines = []
    for run in figures:
        lines.append(f"\n== {run.sources:,} sources, {run.words:,} words ==")
        lines.append(f"{'stage':<16}{'seconds':>10}{'throughput':>22}{'peak RSS MB':>14}")
        for s in run.stages:
            lines.append(f"{s.stage:<16}{s.seconds:>10.2f}{s.throughput:>14,.0f} {s.unit:<7}"
                         f"{s.peak_rss_mb:>14.0f}")
        lines.append(f"{'total':<16}{run.total_seconds:>10.2f}")
        lines.append(f"pages {run.pages:,}; site {run.site_mb:.1f} MB; "
                     f"search index {run.search_index_mb:.1f} MB; peak RSS {run.peak_rss_mb:.0f} MB")
        lines.append(f"Markdown-only floor {run.markdown_floor_seconds:.2f} s; "
                     f"render+build / floor = {run.floor_ratio:.1f}x")
        if run.incremental_seconds is not None:
            share = run.incremental_seconds / run.total_seconds if run.total_seconds else 0
            lines.append(f"one-seed edit, warm cache: {run.incremental_seconds:.2f} s "
                         f"({share:.0%} of the full run)")
    lines.append("\n== targets ==")
    lines.extend(_targets(figures))
    return "\n".join(lines)


def _targets(figures: list[RunFigures]) -> list[str]:
    by_n = {f.sources: f for f in figures}
    out = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    for run in figures:
        extract = next(s for s in run.stages if s.stage == "extract")
        xref = next(s for s in run.stages if s.stage == "cross-reference")
        wps = run.words / (extract.seconds + xref.seconds)
        out.append(f"{verdict(wps >= 50_000)} N={run.sources}: extraction+cross-reference "
                   f"{wps:,.0f} words/s (target >= 50,000, all cores)")
        if run.incremental_seconds is not None and run.total_seconds:
            share = run.incremental_seconds / run.total_seconds
            out.append(f"{verdict(share < 0.10)} N={run.sources}: one-seed edit {share:.1%} "
                       "of a full run (target < 10%)")
    if 1000 in by_n:
        out.append(f"{verdict(by_n[1000].total_seconds <= 60)} 1,000 sources end to end "
                   f"{by_n[1000].total_seconds:.1f} s (target <= 60 s)")
        out.append(f"{verdict(by_n[1000].floor_ratio <= 3)} whole build / Markdown floor "
                   f"{by_n[1000].floor_ratio:.1f}x (target <= 3x)")
    if 10000 in by_n:
        run = by_n[10000]
        out.append(f"{verdict(run.total_seconds <= 600)} 10,000 sources {run.total_seconds:.0f} s"
                   " (target <= 600 s)")
        out.append(f"{verdict(run.peak_rss_mb < 2048)} 10,000 sources peak {run.peak_rss_mb:.0f}"
                   " MB (target < 2,048 MB)")
    sizes = sorted(by_n)
    for small, big in zip(sizes, sizes[1:], strict=False):
        ratio = by_n[big].total_seconds / by_n[small].total_seconds
        per_double = ratio ** (1 / max(1e-9, (big / small).bit_length() - 1))
        out.append(f"{verdict(per_double <= 2.2)} N {small}->{big}: x{ratio:.1f} time, "
                   f"x{per_double:.2f} per doubling (target <= 2.2)")
    return out


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000",
                        help="comma-separated corpus sizes (default: 100,1000)")
    parser.add_argument("--json", dest="json_path", help="also write the figures as JSON here")
    parser.add_argument("--no-site", action="store_true", help="skip the MkDocs build")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child-process mode
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one:
        figures = run_one(args.one, Path(args.workdir), with_site=not args.no_site)
        print(json.dumps(asdict(figures)))
        return

    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as workdir:
        for n in (int(x) for x in args.sizes.split(",")):
            print(f"running N={n:,} ...", file=sys.stderr, flush=True)
            cmd = [sys.executable, "-m", "generator.bench", "--one", str(n), "--workdir", workdir]
            if args.no_site:
                cmd.append("--no-site")
            out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
            data = json.loads(out.strip().splitlines()[-1])
            stages = [StageFigure(**s) for s in data.pop("stages")]
            results.append(RunFigures(stages=stages, **data))
    print(_format(results))
    if args.json_path:
        payload = [asdict(r) | {"total_seconds": r.total_seconds, "floor_ratio": r.floor_ratio}
                   for r in results]
        Path(args.json_path).write_text(json.dumps(payload, indent=2) + "\n")
        print(f"\nwrote {args.json_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
