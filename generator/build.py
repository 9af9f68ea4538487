"""Build the site: check every plan, then model -> render -> write the docs
tree, then `mkdocs build --strict` into a folder beside site/ and swap it in.

If a plan has an error nothing is written and site/ is left as it was; if
MkDocs fails, the half-built folder is thrown away and site/ is left as it
was too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.check import check_paths
from generator.errors import BuildError
from generator.model import Site, build_model
from generator.render import render_site
from generator.report.text import render_text
from generator.resources import REPO_DIR
from generator.site_config import DEFAULT_DOCS_DIR, DOCS_DIR_VARIABLE, MKDOCS_FILE, site_config
from generator.write import WriteStats, write_tree


@dataclass(frozen=True, slots=True)
class Generated:
    site: Site
    files: int
    stats: WriteStats
    warnings: int


def generate_docs(paths: Sequence[Path], *, docs_dir: Path, today: date) -> Generated:
    """Check the plans and write the docs tree. Raises BuildError, with the
    checker's report, if any plan has an error; then nothing is written."""
    checked = check_paths(list(paths), today=today)
    if checked.report.errors:
        raise BuildError(
            "These plans have errors, so the site was not built:\n"
            + render_text(checked.report).rstrip()
        )
    site = build_model(checked.plans, today=today)
    files = render_site(site, site_config())
    stats = write_tree(files, docs_dir)
    return Generated(site, len(files), stats, len(checked.report.warnings))


def build_site(
    paths: Sequence[Path], *, site_dir: Path, today: date, docs_dir: Path | None = None
) -> str:
    """Build the whole site into `site_dir`; returns a one-line summary."""
    started = time.perf_counter()
    docs_dir = docs_dir or DEFAULT_DOCS_DIR
    generated = generate_docs(paths, docs_dir=docs_dir, today=today)
    run_mkdocs_build(docs_dir, site_dir)
    return _summary(generated, site_dir, time.perf_counter() - started)


def mkdocs_environment(docs_dir: Path) -> dict[str, str]:
    """The environment MkDocs runs in: mkdocs.yml reads the docs folder from
    it, and mkdocs-material's notice about MkDocs 2 is turned off."""
    return {**os.environ, DOCS_DIR_VARIABLE: str(docs_dir.resolve()), "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs_build(docs_dir: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` into a new folder beside `site_dir`, which then
    replaces it. A warning fails the build (strict) and leaves `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    command = [
        # Not --quiet: it silences warnings before strict mode can count them.
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(MKDOCS_FILE),
        "--site-dir",
        str(staging),
    ]
    try:
        completed = subprocess.run(
            command,
            cwd=REPO_DIR,
            env=mkdocs_environment(docs_dir),
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            output = (completed.stdout + completed.stderr).strip()
            raise BuildError(f"MkDocs could not build the site; {site_dir} is unchanged.\n{output}")
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(new: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new` with two renames on the same disk: the old
    site is served until the moment the new one takes its place."""
    if not site_dir.exists():
        new.rename(site_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
    old.rmdir()
    site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _summary(generated: Generated, site_dir: Path, seconds: float) -> str:
    site = generated.site
    plans = len(site.all_plans)
    text = (
        f"Built {site_dir} from {plans} plan{'s' if plans != 1 else ''} of "
        f"{len(site.agencies)} agenc{'ies' if len(site.agencies) != 1 else 'y'} "
        f"({generated.files} files, {generated.stats.written} changed) in {seconds:.1f} s."
    )
    if generated.warnings:
        text += (
            f" The plans have {generated.warnings} warning{'s' if generated.warnings != 1 else ''}:"
            " run `python -m generator validate` to see them."
        )
    return text
