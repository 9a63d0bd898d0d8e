"""Scale benchmark: synthetic corpora of N sources through every stage.

    python -m generator.bench                 # N = 100 and 1,000
    python -m generator.bench --sizes 100,1000,10000 --json bench.json

Each size runs in a fresh subprocess (so peak-memory figures are its own) and
prints, per stage, wall time, CPU time of this process, throughput and peak
resident memory, then page count, the largest page (Markdown and HTML, which must
not grow with N), site size, search-index size, and the ratio of the whole build
to a floor measured in the same run: converting the same generated Markdown with
Python-Markdown alone (front matter stripped and the extensions of mkdocs.yml, as
MkDocs does). The ratio is given for wall time and for CPU time: on a shared
machine the CPU figure is the steadier of the two (render, site build and floor
all run in this one process). The render stage writes a render memo (in a
temporary folder, as a first build would in the user's cache folder). Then a
one-seed edit with a warm extraction cache and that memo: load, extract,
cross-reference, render and the docs plan with its writes, in wall and CPU
seconds (this process and its workers) with the time of each step, how many
render jobs the memo served, and how many pages that edit rewrote. Targets from
issue 7 are checked and printed, not asserted by unit tests.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BUILD_STAGES = ("render", "docs write", "site build")  # "the whole build" of the floor ratio
PAGE_BUDGET_KB = 250  # the largest generated page may not exceed this, however large N is


@dataclass
class StageFigure:
    stage: str
    seconds: float
    items: int
    unit: str
    peak_rss_mb: float
    cpu_seconds: float = 0.0

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
    markdown_floor_cpu_seconds: float = 0.0
    max_page_kb: float = 0.0
    max_page: str = ""
    max_html_kb: float = 0.0
    max_html: str = ""
    cpu_with_workers_seconds: float = 0.0  # all stages, this process and its workers
    incremental_seconds: float | None = None
    incremental_cpu_seconds: float = 0.0
    incremental_steps: dict[str, float] = field(default_factory=dict)  # step -> wall seconds
    incremental_memo: str = ""
    incremental_pages_written: int = 0
    incremental_pages_removed: int = 0
    peak_rss_mb: float = 0.0

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.stages)

    @property
    def floor_ratio(self) -> float:
        build = sum(s.seconds for s in self.stages if s.stage in BUILD_STAGES)
        return build / self.markdown_floor_seconds if self.markdown_floor_seconds else 0.0

    @property
    def floor_ratio_cpu(self) -> float:
        build = sum(s.cpu_seconds for s in self.stages if s.stage in BUILD_STAGES)
        floor = self.markdown_floor_cpu_seconds
        return build / floor if floor else 0.0


def _reset_peak_rss() -> None:
    """Reset VmHWM so the next reading is this stage's own peak (Linux only)."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{os.getpid()}/clear_refs").write_text("5")


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
        self.cpu_start = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        seconds = time.perf_counter() - self.start
        cpu = time.process_time() - self.cpu_start
        self.figures.stages.append(
            StageFigure(self.name, seconds, self.items, self.unit, _peak_rss_mb(), cpu)
        )


def _dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _markdown_extensions(config_file: Path) -> tuple[list[str], dict[str, dict]]:
    """The ``markdown_extensions`` of mkdocs.yml, as Python-Markdown arguments."""
    import yaml

    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs


def _markdown_floor(docs_dir: Path, config_file: Path) -> tuple[float, float]:
    """Wall and CPU seconds for Python-Markdown alone to convert every page in docs/: the
    same Markdown MkDocs converts (front matter stripped) with the same extensions."""
    import markdown
    from mkdocs.utils.meta import get_data

    texts = [get_data(p.read_text(encoding="utf-8"))[0] for p in sorted(docs_dir.rglob("*.md"))]
    names, configs = _markdown_extensions(config_file)
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        converter.reset().convert(text)
    return time.perf_counter() - start, time.process_time() - cpu


def _largest(root: Path, pattern: str) -> tuple[float, str]:
    """Size in kB and path of the largest file matching ``pattern`` under ``root``."""
    size, path = max(((p.stat().st_size, p) for p in root.rglob(pattern)), default=(0, root))
    return size / 1e3, path.relative_to(root).as_posix()


def run_one(n: int, workdir: Path, with_site: bool = True) -> RunFigures:
    """All stages for one synthetic corpus of ``n`` sources, in this process."""
    from generator.crossref import cross_reference
    from generator.load import load_seeds
    from generator.pipeline import extract_all
    from generator.project import Project
    from generator.render import load_templates, render_pages
    from generator.rendermemo import RenderCache
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
    cpu = _cpu_with_children()
    with _Stage(figures, "load", n, "sources"):
        documents = load_seeds(project)
    with _Stage(figures, "extract", words, "words"):
        extractions = extract_all(documents)
    with _Stage(figures, "cross-reference", words, "words"):
        briefing = cross_reference(extractions)
    memo = RenderCache(workdir / f"memo-n{n}", "bench")
    shutil.rmtree(memo.directory, ignore_errors=True)
    with _Stage(figures, "render", n, "sources"):
        pages = render_pages(briefing, load_templates(project), cache=memo)
    figures.pages = len(pages)
    del briefing, extractions  # the site build does not need them: keep the peak honest
    docs_dir = project_dir / "docs"
    with _Stage(figures, "docs write", len(pages), "pages"):
        apply_docs(docs_dir, plan_docs(docs_dir, pages))
    del pages
    figures.max_page_kb, figures.max_page = _largest(docs_dir, "*.md")
    if with_site:
        site_dir = project_dir / "site"
        with _Stage(figures, "site build", figures.pages, "pages"):
            mkdocs_build(project_dir / "mkdocs.yml", docs_dir, site_dir)
        figures.site_mb = _dir_size_mb(site_dir)
        figures.max_html_kb, figures.max_html = _largest(site_dir, "*.html")
        index = site_dir / "search" / "search_index.json"
        figures.search_index_mb = index.stat().st_size / 1e6 if index.exists() else 0.0
    figures.cpu_with_workers_seconds = _cpu_with_children() - cpu
    figures.markdown_floor_seconds, figures.markdown_floor_cpu_seconds = _markdown_floor(
        docs_dir, project_dir / "mkdocs.yml")
    figures.peak_rss_mb = max(max(s.peak_rss_mb for s in figures.stages), _children_peak_mb())
    _incremental(project, documents, figures, memo)
    return figures


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _incremental(project: Any, documents: list, figures: RunFigures, memo: Any) -> None:
    """Regenerate docs/ after editing one seed, with a warm extraction cache and the render
    memo of the full run: seconds for load, extract (one miss), cross-reference, render and
    the docs plan with its writes, and how many pages that rewrote (unchanged pages are
    compared, not rewritten)."""
    from generator.cache import ExtractionCache
    from generator.crossref import cross_reference
    from generator.load import load_seeds
    from generator.pipeline import extract_all
    from generator.render import load_templates, render_pages
    from generator.rendermemo import RenderCache
    from generator.site import apply_docs, plan_docs

    docs_dir = project.docs_dir or project.root / "docs"
    with tempfile.TemporaryDirectory() as cache_dir:
        cache = ExtractionCache(Path(cache_dir))
        extract_all(documents, cache=cache)
        del documents
        # The first seed, in the middle of its story: its claims are shared with others.
        seed = sorted(Path(project.seeds_dir).glob("*.txt"))[0]
        seed.write_text(seed.read_text() + "\nThe regulator said on Friday it would review "
                        "the plan.\n", encoding="utf-8")
        steps: dict[str, float] = {}
        memo = RenderCache(memo.directory, "bench")

        def step(name: str, start: float) -> float:
            now = time.perf_counter()
            steps[name] = now - start
            return now

        start = mark = time.perf_counter()
        cpu = _cpu_with_children()
        documents = load_seeds(project)
        mark = step("load", mark)
        extractions = extract_all(documents, cache=cache)
        mark = step("extract", mark)
        briefing = cross_reference(extractions)
        mark = step("cross-reference", mark)
        pages = render_pages(briefing, load_templates(project), cache=memo)
        mark = step("render", mark)
        plan = plan_docs(docs_dir, pages)
        apply_docs(docs_dir, plan)
        step("docs", mark)
        figures.incremental_seconds = time.perf_counter() - start
        figures.incremental_cpu_seconds = _cpu_with_children() - cpu
        figures.incremental_steps = steps
        stats = memo.stats
        figures.incremental_memo = (f"{stats.hits} render jobs served from the memo, "
                                    f"{stats.recorded} rendered, {stats.plain} always rendered")
        figures.incremental_pages_written = len(plan.writes)
        figures.incremental_pages_removed = len(plan.removes)


def _format(figures: list[RunFigures]) -> str:
    lines = []
    for run in figures:
        lines.append(f"\n== {run.sources:,} sources, {run.words:,} words ==")
        lines.append(f"{'stage':<16}{'seconds':>10}{'CPU s':>8}{'throughput':>22}"
                     f"{'peak RSS MB':>14}")
        for s in run.stages:
            lines.append(f"{s.stage:<16}{s.seconds:>10.2f}{s.cpu_seconds:>8.2f}"
                         f"{s.throughput:>14,.0f} {s.unit:<7}{s.peak_rss_mb:>14.0f}")
        lines.append(f"{'total':<16}{run.total_seconds:>10.2f}")
        lines.append(f"pages {run.pages:,}; site {run.site_mb:.1f} MB; search index "
                     f"{run.search_index_mb:.1f} MB; peak RSS {run.peak_rss_mb:.0f} MB")
        lines.append(f"largest page: Markdown {run.max_page_kb:.0f} kB ({run.max_page}), "
                     f"HTML {run.max_html_kb:.0f} kB ({run.max_html}); "
                     f"per page {run.site_mb * 1e3 / max(run.pages, 1):.0f} kB of site")
        lines.append(f"Markdown-only floor {run.markdown_floor_seconds:.2f} s "
                     f"(CPU {run.markdown_floor_cpu_seconds:.2f} s); render+build / floor = "
                     f"{run.floor_ratio:.1f}x wall, {run.floor_ratio_cpu:.1f}x CPU")
        if run.incremental_seconds is not None:
            share = run.incremental_seconds / run.total_seconds if run.total_seconds else 0
            total_cpu = run.cpu_with_workers_seconds
            cpu_share = run.incremental_cpu_seconds / total_cpu if total_cpu else 0
            lines.append(f"one-seed edit, warm caches, load to docs written: "
                         f"{run.incremental_seconds:.2f} s ({share:.1%} of the full run), CPU "
                         f"{run.incremental_cpu_seconds:.2f} s with workers ({cpu_share:.1%} of "
                         f"the full run's {total_cpu:.1f} CPU s); "
                         f"{run.incremental_pages_written} pages rewritten, "
                         f"{run.incremental_pages_removed} removed")
            lines.append("  " + ", ".join(f"{k} {v:.2f} s"
                                          for k, v in run.incremental_steps.items())
                         + f"; {run.incremental_memo}")
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
        # The 50,000 words/s target is for one core (issue 3) and is measured by
        # generator.bench_extract; here it is shown for all cores, pool start-up included.
        out.append(f"info N={run.sources}: extraction+cross-reference {wps:,.0f} words/s on "
                   "all cores (one-core target: python -m generator.bench_extract)")
        # The one-seed edit target is stated for a corpus of 1,000: on a small corpus the
        # fixed cost of one extraction and a cross-reference outweighs 10 % of a short run.
        edit_target = run.sources >= 1000
        if run.incremental_seconds is not None and run.total_seconds:
            share = run.incremental_seconds / run.total_seconds
            total_cpu = run.cpu_with_workers_seconds
            cpu_share = run.incremental_cpu_seconds / total_cpu if total_cpu else 0
            label = verdict(share < 0.10) if edit_target else "info"
            out.append(f"{label} N={run.sources}: one-seed edit {share:.1%} "
                       f"of a full run, {cpu_share:.1%} of its CPU (target < 10% at 1,000 sources)")
    if 1000 in by_n:
        out.append(f"{verdict(by_n[1000].total_seconds <= 60)} 1,000 sources end to end "
                   f"{by_n[1000].total_seconds:.1f} s (target <= 60 s)")
    if 1000 in by_n and by_n[1000].markdown_floor_seconds and by_n[1000].site_mb:
        out.append(f"{verdict(by_n[1000].floor_ratio <= 3)} whole build / Markdown floor "
                   f"{by_n[1000].floor_ratio:.1f}x wall, {by_n[1000].floor_ratio_cpu:.1f}x CPU "
                   "(target <= 3x)")
    if 10000 in by_n:
        run = by_n[10000]
        scope = "" if run.site_mb else ", WITHOUT the site build"
        out.append(f"{verdict(run.total_seconds <= 600)} 10,000 sources {run.total_seconds:.0f} s"
                   f" (target <= 600 s{scope})")
        out.append(f"{verdict(run.peak_rss_mb < 2048)} 10,000 sources peak {run.peak_rss_mb:.0f}"
                   " MB (target < 2,048 MB)")
    sizes = sorted(by_n)
    for run in figures:
        # Pages are bounded by construction (page_size rows, capped cells and lists), so the
        # largest page fills up to a fixed size as N grows and then stays there.
        ok = run.max_page_kb <= PAGE_BUDGET_KB and run.max_html_kb <= PAGE_BUDGET_KB * 1.5
        out.append(f"{verdict(ok)} N={run.sources}: largest page {run.max_page_kb:.0f} kB "
                   f"Markdown, {run.max_html_kb:.0f} kB HTML (budget {PAGE_BUDGET_KB} kB "
                   f"Markdown, {PAGE_BUDGET_KB * 1.5:.0f} kB HTML, whatever N)")
    for small, big in zip(sizes, sizes[1:], strict=False):
        ratio = by_n[big].total_seconds / by_n[small].total_seconds
        per_double = ratio ** (1 / math.log2(big / small))
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
    if args.json_path:
        payload = [asdict(r) | {"total_seconds": r.total_seconds, "floor_ratio": r.floor_ratio,
                                "floor_ratio_cpu": r.floor_ratio_cpu} for r in results]
        Path(args.json_path).write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {args.json_path}", file=sys.stderr)
    print(_format(results))


if __name__ == "__main__":
    main()
