"""`preview`: generate the docs tree, serve it with `mkdocs serve
--livereload`, and regenerate it whenever a plan (or a template) changes.

MkDocs watches the docs tree and reloads the browser; this only has to keep
the tree up to date. The writer rewrites only files whose bytes changed, so a
change to one plan rebuilds only what depends on it. A plan that stops being
valid is reported here and the last good pages stay on screen. Nothing in
the build depends on this module."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from generator.build import generate_docs, mkdocs_environment
from generator.errors import BuildError
from generator.load.discover import find_plan_files
from generator.render.environment import STATIC_DIR, TEMPLATES_DIR
from generator.render.messages import CATALOGUE_DIR
from generator.resources import REPO_DIR
from generator.site_config import DEFAULT_DOCS_DIR, MKDOCS_FILE

Snapshot = dict[Path, tuple[int, int]]


def preview(
    paths: Sequence[Path], *, today: date, dev_addr: str | None = None, interval: float = 1.0
) -> int:
    """Serve the site until interrupted; returns MkDocs' exit status."""
    generated = generate_docs(paths, docs_dir=DEFAULT_DOCS_DIR, today=today)
    print(f"Generated {generated.files} files from {generated.plans} plans.")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "--config-file",
        str(MKDOCS_FILE),
    ]
    if dev_addr:
        command += ["--dev-addr", dev_addr]
    server = subprocess.Popen(command, cwd=REPO_DIR, env=mkdocs_environment(DEFAULT_DOCS_DIR))
    try:
        watch(paths, today=today, alive=lambda: server.poll() is None, interval=interval)
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait(timeout=30)
    return server.returncode


def watch(
    paths: Sequence[Path],
    *,
    today: date,
    alive: Callable[[], bool],
    interval: float,
    docs_dir: Path = DEFAULT_DOCS_DIR,
) -> None:
    """Regenerate the docs tree each time the watched files change, for as
    long as `alive()` is true."""
    before = snapshot(paths)
    while alive():
        time.sleep(interval)
        after = snapshot(paths)
        if after != before:
            before = after
            regenerate(paths, today=today, docs_dir=docs_dir)


def regenerate(paths: Sequence[Path], *, today: date, docs_dir: Path) -> bool:
    """Generate again; on a plan error print the report and keep the old pages."""
    try:
        generated = generate_docs(paths, docs_dir=docs_dir, today=today)
    except BuildError as error:
        print(f"error: {error}\nThe preview keeps showing the last valid pages.", file=sys.stderr)
        return False
    print(f"Regenerated: {generated.stats.written} changed, {generated.stats.deleted} removed.")
    return True


def snapshot(paths: Sequence[Path]) -> Snapshot:
    """Size and modification time of every plan and every template file."""
    files = list(find_plan_files(list(paths)))
    for folder in (TEMPLATES_DIR, CATALOGUE_DIR, STATIC_DIR):
        files.extend(p for p in folder.rglob("*") if p.is_file())
    state: Snapshot = {}
    for file in files:
        try:
            stat = file.stat()
        except FileNotFoundError:
            continue
        state[file] = (stat.st_mtime_ns, stat.st_size)
    return state
