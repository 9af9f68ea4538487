"""The search's figures for `make bench`: Pagefind's indexing of each
language (time and peak memory, run again over the built site, as the build
runs it), and the bytes a reader's first search transfers, measured in a
real browser (Debian's Chromium, as the tests use it) typing a word into the
header's search until five results show."""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.search_index import BUNDLE, PARTS_FILE, index_command, index_parts, part_folders

# A word of the examples' promises in each language, found on most pages.
QUERIES = {"en": "wait", "es": "espera"}
RESULTS = 5  # as search.js loads them, five at a time
# What a web server compresses (Pagefind's own files are compressed already).
COMPRESSED = ("text/", "application/javascript", "application/json")
_PEAK = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def language_roots(site: Path) -> dict[str, Path]:
    """Each language's folder in the built site, by the language Pagefind
    found in its pages."""
    roots = {}
    for listing in sorted(site.glob(f"**/{BUNDLE}/{PARTS_FILE}")):
        first = part_folders(listing.parent)[0]
        entry = json.loads((first / "pagefind-entry.json").read_text(encoding="utf-8"))
        for code in entry["languages"]:
            roots[code] = listing.parent.parent
    return roots


def index_figures(figures: dict[str, float], site: Path) -> None:
    """Index each language again, as the build does, part by part, into
    folders of their own: the parts' time in all (one after the other), the
    largest part's time (what an edit of one of its pages waits for) and
    the peak memory of the largest process."""
    roots = language_roots(site)
    for code, root in roots.items():
        others = [o.relative_to(root).parts[0] for o in roots.values() if root in o.parents]
        seconds, peaks, pages, size = [], [], 0, 0
        for part in index_parts(root, skip=others):
            with tempfile.TemporaryDirectory() as output:
                command = index_command(root, Path(output), part.pages)
                start = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True
                )
                seconds.append(time.perf_counter() - start)
                if result.returncode != 0:
                    raise SystemExit(f"Pagefind failed on {root}:\n{result.stderr[-2000:]}")
                entry = json.loads((Path(output) / "pagefind-entry.json").read_text("utf-8"))
                pages += entry["languages"][code]["page_count"]
                size += sum(p.stat().st_size for p in Path(output).rglob("*") if p.is_file())
                peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
        figures[f"search index {code}: pages"] = pages
        figures[f"search index {code}: parts"] = len(seconds)
        figures[f"search index {code}: time, all parts (s)"] = sum(seconds)
        figures[f"search index {code}: time, largest part (s)"] = max(seconds)
        figures[f"search index {code}: peak memory (MB)"] = max(peaks)
        figures[f"search index {code}: files (MB)"] = size / 1e6


def search_figures(figures: dict[str, float], site: Path) -> None:
    """The bytes of each language's first search, and its results."""
    for code, root in language_roots(site).items():
        sent, found = first_search(site, root.relative_to(site).as_posix(), QUERIES[code])
        figures[f"first search {code} '{QUERIES[code]}', {RESULTS} results (KB)"] = sent / 1e3
        figures[f"first search {code}: pages found"] = found


def first_search(site: Path, prefix: str, query: str) -> tuple[int, int]:
    """Bytes the search transfers (gzip where a server would compress),
    from going to the search field on the format reference page to five
    results shown; and how many pages it found."""
    from playwright.sync_api import sync_playwright

    from tests.quality.browser import launch

    with _served(site) as origin, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{origin}/{prefix + '/' if prefix != '.' else ''}reference/")
            page.wait_for_load_state("networkidle")
            responses: list[Any] = []
            page.on("response", lambda response: responses.append(response))
            page.locator("input[name=query]").click()
            page.locator("input[name=query]").press_sequentially(query)
            # search.js shows the count once the first results are shown.
            page.wait_for_function(
                "() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=300_000,
            )
            page.wait_for_load_state("networkidle")
            found = page.locator(".md-search-result__meta").inner_text()
            shown = page.locator(".md-search-result__item:not(.sp-search-more)").count()
            assert shown == min(RESULTS, _number(found)), (shown, found)
            sent = sum(_size(response) for response in responses)
        finally:
            browser.close()
    return sent, _number(found)


def _number(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()) or 0)


def _size(response: Any) -> int:
    body = response.body()
    kind = response.headers.get("content-type", "")
    return len(gzip.compress(body, compresslevel=6)) if kind.startswith(COMPRESSED) else len(body)


@contextmanager
def _served(site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
