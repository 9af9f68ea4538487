"""The site's search index: Pagefind, run over each language's built pages
as the last step of a build, before the new site is swapped in.

Each language is indexed on its own, from its own folder (the original at
the root, Spanish under es/), into that folder's `pagefind/`: a page's
search asks only its own language's index, and Pagefind stems the words of
each by the `<html lang>` of its pages. What is indexed is chosen in the
theme: the content of a page that the generator lets into the search
(`data-pagefind-body`, theme/main.html), never the header, the navigation
or the footer. The languages are indexed one after the other, each once
its MkDocs build has finished: Pagefind holds a language's whole index in
memory."""

from __future__ import annotations

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


def index_command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes the pages of one language, built in
    `site_dir`. Pagefind's binary comes with its Python package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


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
