"""`make bench`: how fast the validator is beside the tool a reviewer would
otherwise use, and how long the site takes to build end to end, cold and
after a one-plan edit, how much memory and disk it takes, and what a first
search transfers, at several corpus sizes.

Every figure is the median wall time of several runs of a whole process, as a
person or CI would run it. Usage:

    python -m benchmarks.bench [--sizes 1,150,1000] [--repeat 3] [--no-build] [--cold-only]
                               [--corpus examples|real]

The corpus is made of the example plans by default, or of the real
published plans of tests/real-plans/ (`--corpus real`; benchmarks/corpus.py).
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.corpus import CORPORA, edit_one, make_corpus
from benchmarks.search import index_figures, language_roots, search_figures

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = "2026-11-23"
# One-plan edits timed after the builds; the median is reported.
EDITS = 5
# Runs a command and prints the largest peak memory of any process in its
# tree (each language's MkDocs and Pagefind are processes of their own), in KiB.
_PEAK = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


COLD = "site built from nothing, cold cache (s)"
EDIT = "site updated after a one-plan edit (s)"
EDIT_RATIO = "one-plan edit / cold build"


@dataclass
class Row:
    size: int
    figures: dict[str, float] = field(default_factory=dict)
    # Ratios of runs made side by side, each round's, then the median.
    paired: dict[str, float] = field(default_factory=dict)
    # Each run's wall time ("cold") and processor time ("cold cpu").
    runs: dict[str, list[float]] = field(default_factory=dict)


def timed(
    command: Sequence[str | Path],
    repeat: int,
    env: dict[str, str] | None = None,
    ok_codes: tuple[int, ...] = (0,),
) -> float:
    """Median wall time of `command` over `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            [str(c) for c in command], capture_output=True, env=env, cwd=REPO, check=False
        )
        times.append(time.perf_counter() - start)
        if result.returncode not in ok_codes:
            detail = result.stderr.decode()[-2000:]
            raise SystemExit(f"failed: {' '.join(map(str, command))}\n{detail}")
    return statistics.median(times)


def children_cpu() -> float:
    """Processor time, user and system, of every finished process this one
    started and waited for, and of the processes those waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_memory_mb(command: Sequence[str | Path], env: dict[str, str] | None = None) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, *map(str, command)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{result.stderr[-2000:]}")
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def validate_figures(row: Row, plans: list[Path], repeat: int) -> None:
    python = [sys.executable, "-m", "generator", "validate", "--today", TODAY]
    other = [BIN / "check-jsonschema", "--schemafile", REPO / "schema/plan.schema.json"]
    floor = [
        sys.executable,
        "-c",
        "import sys, yaml\n"
        "for p in sys.argv[1:]:\n"
        "    yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)",
        *plans,
    ]
    one = plans[:1]
    row.figures["validate one plan (s)"] = timed([*python, *one], repeat)
    row.figures["check-jsonschema one plan (s)"] = timed([*other, *one], repeat)
    if len(plans) > 1:
        folder = plans[0].parent.parent
        row.figures["validate all (s)"] = timed([*python, folder], repeat)
        row.figures["check-jsonschema all (s)"] = timed([*other, *plans], repeat, ok_codes=(0, 1))
        row.figures["libyaml parse all (s)"] = timed(floor, repeat)


def build_figures(
    row: Row, work: Path, plans: list[Path], repeat: int, *, cold_only: bool = False
) -> None:
    """The site built end to end, as `make site` builds it: from nothing,
    with an empty build cache (cold), then after one plan's edit over the
    site that build left (an edit: what a clerk or a pull request waits
    for), in rounds of one cold build and EDITS edits, so that the ratio of
    the two compares runs of the same minutes. `cold_only`: one cold build
    alone (for sizes where each build takes long)."""
    docs = work / "docs"
    site = work / "site"
    cache = work / "cache"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SERVICE_PLANS_CACHE": str(cache)}
    build = [
        sys.executable,
        "-m",
        "generator",
        "build",
        work / "plans",
        "--site",
        site,
        "--today",
        TODAY,
        "--docs",
        docs,
    ]
    trash = work / "trash"

    peaks: list[float] = []

    def run(*, cold: bool) -> tuple[float, float]:
        if not cold:
            used = children_cpu()
            return timed(build, 1, env), children_cpu() - used
        set_aside([docs, site, cache], trash)
        used, start = children_cpu(), time.perf_counter()
        peaks.append(peak_memory_mb(build, env))
        return time.perf_counter() - start, children_cpu() - used

    rounds = 1 if cold_only else repeat
    runs: dict[str, list[tuple[float, float]]] = {"cold": [], "edit": []}
    for _ in range(rounds):
        runs["cold"].append(run(cold=True))
        for _ in range(0 if cold_only else EDITS):
            # Each edit changes the text again, as an author's would.
            edit_one(plans[len(plans) // 2])
            runs["edit"].append(run(cold=False))
    for kind, timings in runs.items():
        row.runs[kind] = [wall for wall, _ in timings]
        row.runs[f"{kind} cpu"] = [cpu for _, cpu in timings]
    row.figures[COLD] = statistics.median(row.runs["cold"])
    row.figures["processor time of the cold build (s)"] = statistics.median(row.runs["cold cpu"])
    if not cold_only:
        row.figures[EDIT] = statistics.median(row.runs["edit"])
        # Each edit against the cold build of its round.
        pairs = [
            edit / row.runs["cold"][index // EDITS] for index, edit in enumerate(row.runs["edit"])
        ]
        row.paired[EDIT_RATIO] = statistics.median(pairs)
    row.figures["peak memory of one process of the build (MB)"] = max(peaks)
    sizes(row, site, len(plans))
    shutil.rmtree(trash, ignore_errors=True)


def set_aside(paths: Sequence[Path], trash: Path) -> None:
    """Move `paths` into `trash`, to be deleted after the timings, and wait
    for the disk to be written: each timed run starts with no deletion or
    write of an earlier run still going on. On this machine's disk (ext4
    mounted with `discard`), creating files just after deleting a site's
    worth of them took up to ten times as long."""
    trash.mkdir(exist_ok=True)
    for path in paths:
        if path.exists():
            path.rename(Path(tempfile.mkdtemp(dir=trash)) / path.name)
    os.sync()


def sizes(row: Row, site: Path, plans: int) -> None:
    """Sizes of what is published, in the largest language (the Spanish site
    shows an untranslated plan in English, each piece marked as such), and
    per plan (`per_plan`)."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    roots = language_roots(site).values()
    agency_pages = [p for root in roots for p in (root / "agencies").glob("*/index.html")]
    heaviest = max(agency_pages, key=lambda p: p.stat().st_size)
    row.figures["site size (MB)"] = total / 1e6
    row.figures["per plan, beyond the theme's assets (KB)"] = per_plan(site, plans) / 1e3
    row.figures["heaviest agency page (KB)"] = heaviest.stat().st_size / 1e3
    row.figures["largest page of any kind (KB)"] = (
        max(p.stat().st_size for p in site.rglob("*.html")) / 1e3
    )
    row.figures["first visit, heaviest agency page, gzip (KB)"] = first_visit(heaviest, site) / 1e3
    index_figures(row.figures, site)
    search_figures(row.figures, site)


def per_plan(site: Path, plans: int) -> float:
    """Bytes on disk per plan, every language, beyond the theme's assets
    (each language's assets/ folder: the theme's CSS, scripts and fonts,
    the same at any N). The budget: 150 KB, 10,000 plans in 1.5 GB."""
    assets = [root / "assets" for root in language_roots(site).values()]
    stored = sum(
        p.stat().st_size
        for p in site.rglob("*")
        if p.is_file() and not any(folder in p.parents for folder in assets)
    )
    return stored / max(plans, 1)


_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def first_visit(page: Path, site: Path) -> int:
    """Bytes a first visit to `page` transfers, gzip-compressed as a static
    host serves them: the page, its stylesheets and its scripts (the search
    index is not among them: search.js fetches it when someone searches)."""
    html = page.read_text(encoding="utf-8")
    files = [page]
    for link in _ASSET.findall(html):
        target = (page.parent / link.split("?")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            files.append(target)
    return sum(len(gzip.compress(f.read_bytes())) for f in dict.fromkeys(files))


def ratios(row: Row) -> dict[str, float]:
    f = row.figures
    out = {}
    if "validate one plan (s)" in f:
        out["validate / check-jsonschema, one plan"] = (
            f["validate one plan (s)"] / f["check-jsonschema one plan (s)"]
        )
    if "validate all (s)" in f:
        out["check-jsonschema / validate, all plans"] = (
            f["check-jsonschema all (s)"] / f["validate all (s)"]
        )
        out["validate / libyaml parse floor"] = f["validate all (s)"] / f["libyaml parse all (s)"]
    out.update(row.paired)
    return out


def render(rows: list[Row]) -> str:
    names = list(dict.fromkeys(name for row in rows for name in row.figures))
    lines = [
        "| measure | " + " | ".join(f"N={row.size}" for row in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    for name in names:
        cells = [f"{row.figures[name]:.2f}" if name in row.figures else "" for row in rows]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    all_ratios = [ratios(row) for row in rows]
    for name in dict.fromkeys(n for r in all_ratios for n in r):
        cells = [f"{r[name]:.2f}" if name in r else "" for r in all_ratios]
        lines.append(f"| **{name}** | " + " | ".join(cells) + " |")
    builds = [row for row in rows if COLD in row.figures]
    pairs = [(a, b) for a in builds for b in builds if b.size in (2 * a.size, 10 * a.size)]
    cold = COLD
    for a, b in pairs:
        lines.append(
            f"| **build time N={b.size} / N={a.size}** | "
            f"{b.figures[cold] / a.figures[cold]:.2f} |" + " |" * (len(rows) - 1)
        )
    return "\n".join(lines)


def compile_sources() -> None:
    """Compile the generator's modules, as pip does when it installs a
    package (check-jsonschema's were compiled when it was installed): each
    timed `validate` then starts as an installed tool starts, even where
    Python is told not to write bytecode, as the Makefile tells it."""
    compileall.compile_dir(REPO / "generator", quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,150,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="measure validation only")
    parser.add_argument("--no-validate", action="store_true", help="measure the build only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--cold-only", action="store_true", help="one cold build per size (for large sizes)"
    )
    parser.add_argument(
        "--corpus",
        choices=CORPORA,
        default=CORPORA[0],
        help="the plans the corpus is made of (default: the example plans)",
    )
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = parser.parse_args(arguments)
    compile_sources()
    rows = []
    for size in (int(s) for s in options.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
        try:
            plans = make_corpus(work, size, options.corpus)
            row = Row(size)
            if not options.no_validate:
                validate_figures(row, plans, options.repeat)
            if not options.no_build:
                build_figures(
                    row, work, plans, max(1, options.repeat - 1), cold_only=options.cold_only
                )
            rows.append(row)
            print(
                f"N={size}: "
                + json.dumps({k: round(v, 3) for k, v in {**row.figures, **row.paired}.items()})
                + f" runs: {json.dumps(row.runs)}",
                file=sys.stderr,
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {date.today()}; corpus: {options.corpus}; "
        f"command: python -m benchmarks.bench {' '.join(arguments)}\n"
    )
    print(render(rows))
    if options.json:
        options.json.write_text(
            json.dumps(
                [{"size": r.size, **r.figures, **r.paired, "runs": r.runs} for r in rows], indent=2
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
