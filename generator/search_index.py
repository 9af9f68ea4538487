"""The site's search index: Pagefind, run over each language's built pages
as the last step of a build, before the new site is swapped in.

Each language is indexed on its own, from its own folder (the original at
the root, Spanish under es/), into that folder's `pagefind/`: a page's
search asks only its own language's index, and Pagefind stems the words of
each by the `<html lang>` of its pages. What is indexed is chosen in the
theme: the content of a page that the generator lets into the search
(`data-pagefind-body`, theme/main.html), never the header, the navigation
or the footer. Pagefind holds a language's whole index in memory: the
languages are indexed side by side where their estimated memory fits in
half of the machine's free memory, else one after the other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.resources import REPO_DIR
from generator.site_config import Language

# Where, in each language's folder, the search bundle is written; the theme
# loads it from there (theme/assets/javascripts/search.js).
BUNDLE = "pagefind"
# Inside the indexed content, what is not worth finding: the language
# switcher at the top of every page names every language.
EXCLUDED = (".sp-languages",)
# Pagefind's peak memory per byte of the HTML it indexes, with a margin: it
# took 970 MB for the 116 MB of a 1,000-plan site's English pages
# (BENCHMARKS.md).
MEMORY_PER_HTML_BYTE = 10


def index_command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes the pages of one language, built in
    `site_dir`. Pagefind's binary comes with its Python package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


def side_by_side(site_dirs: list[Path]) -> bool:
    """Whether the languages built in `site_dirs` can be indexed at the same
    time: if Pagefind's estimated memory for all of them fits in half of
    the memory the machine has free. Otherwise they are indexed one after
    the other, which takes longer but holds one language's index at a time."""
    needed = MEMORY_PER_HTML_BYTE * sum(
        page.stat().st_size for folder in site_dirs for page in folder.rglob("*.html")
    )
    free = _available_memory()
    return len(site_dirs) > 1 and free is not None and needed <= free // 2


def _available_memory() -> int | None:
    """The memory that processes can have without swapping, in bytes: the
    kernel's own estimate (MemAvailable), which counts the file cache it
    would give back; else the memory not in use at all; None if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            name, _, value = line.partition(":")
            if name == "MemAvailable":
                return int(value.split()[0]) * 1024
    except (OSError, ValueError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def start_indexing(site_dir: Path) -> subprocess.Popen[str]:
    """Start indexing one language's built folder; `indexing_failure` waits."""
    return subprocess.Popen(
        index_command(site_dir),
        cwd=REPO_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def indexing_failure(language: Language, process: subprocess.Popen[str]) -> str:
    """Pagefind's output if it failed for `language`, else ""."""
    output, _ = process.communicate()
    if process.returncode == 0:
        return ""
    return f"[search index, {language.code}] Pagefind stopped with status {process.returncode}" + (
        f":\n{output.strip()}" if output.strip() else "."
    )
