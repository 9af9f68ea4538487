"""The site's search index: Pagefind, run over each language's built pages
as the last step of a build, before the new site is swapped in.

Each language is indexed on its own, from its own folder (the original at
the root, Spanish under es/), into that folder's `pagefind/`: a page's
search asks only its own language's index, and Pagefind stems the words of
each by the `<html lang>` of its pages. What is indexed is chosen in the
theme: the content of a page that the generator lets into the search
(`data-pagefind-body`, theme/main.html), never the header, the navigation
or the footer.

A language's index is made in parts: its searchable pages are dealt into
a number of parts (up to MAX_PARTS) by a hash of their paths, and each part
is a Pagefind index of its own, in `pagefind/N/`. The reader's browser searches them all
as one (search.js merges them with Pagefind's `mergeIndex`, which searches
every part with the first part's WebAssembly, loaded once; `parts.json`
lists them). So a build indexes again only the parts whose pages changed
(after a one-plan edit, those holding its agency's page and any list or
guide page the edit changed), and shares the others with the site it
replaces, as hard links (generator/shared_files.py). The build's record
(generator/site_state.py) keeps each part's fingerprint: the paths and
bytes of its pages and how Pagefind was run. Which part a page is in depends only on its path and on
the number of parts, which depends only on the number of searchable pages:
a site built in steps has the parts a full build makes.

Each part is small, so Pagefind, which holds an index in memory while it
makes it, needs little; the parts are indexed as many at a time as the
machine has processors and as fit in half of its free memory."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import IO

from generator.resources import REPO_DIR
from generator.shared_files import sync_tree

# Where, in each language's folder, the search index is written; the theme
# loads it from there (theme/assets/javascripts/search.js).
BUNDLE = "pagefind"
# The list of the index's parts, in BUNDLE, that search.js reads first.
PARTS_FILE = "parts.json"
# Inside the indexed content, what is not worth finding: the language
# switcher at the top of every page names every language.
EXCLUDED = (".sp-languages",)
# How the theme marks the content of a page that goes into the search
# (theme/main.html); plan text is escaped, so these bytes are markup.
SEARCH_BODY = b"<div data-pagefind-body>"
# Pages per part, as a site grows, until there are MAX_PARTS parts; past
# that, parts grow instead. Each part costs a reader's first search its
# entry, its metadata and the chunk of its index that holds the word: at
# 1,000 plans (1,013 pages a language) a first search of a word on most
# pages took 167 KB in Spanish with one index, 192 KB in 4 parts and 248 KB
# in 8 (BENCHMARKS.md); a part of 256 pages takes Pagefind about 2 s.
PART_PAGES = 256
MAX_PARTS = 8
# What a search needs of a part: Pagefind also writes its ready-made user
# interfaces, which the theme does not use (it has its own, search.js).
# The first part keeps the script and WebAssembly that search all parts.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
_SCRIPTS = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
# Pagefind's peak memory per byte of the HTML it indexes, with a margin: it
# took 870 MB for the 78 MB of a 1,000-plan site's English agency pages
# (BENCHMARKS.md).
MEMORY_PER_HTML_BYTE = 12
_VERSION = 1


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a language's index: its number, its pages (paths in the
    language's folder), their bytes in all, and the fingerprint of what
    goes into it."""

    number: int
    pages: tuple[str, ...]
    size: int
    fingerprint: str

    @property
    def folder(self) -> str:
        """Where the part is written, in the language's BUNDLE folder."""
        return str(self.number)


def part_count(pages: int) -> int:
    """How many parts an index of `pages` pages is made in: a power of two,
    so that it changes only when the site doubles or halves."""
    parts = 1
    while parts < MAX_PARTS and pages > parts * PART_PAGES:
        parts *= 2
    return parts


def searchable_pages(site_dir: Path, skip: Iterable[str] = ()) -> dict[str, tuple[bytes, int]]:
    """The pages of a language's built folder that go into its search, by
    path in the folder, with the digest of each page's bytes and their
    number; the top folders `skip` (the other languages', in a published
    site) left out."""
    pages = {}
    skipped = set(skip)
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] in skipped:
            continue
        data = path.read_bytes()
        if SEARCH_BODY in data:
            pages[path.relative_to(site_dir).as_posix()] = (
                hashlib.sha256(data).digest(),
                len(data),
            )
    return pages


def index_parts(site_dir: Path, skip: Iterable[str] = ()) -> list[Part]:
    """The parts the index of the language built in `site_dir` is made in;
    none if it has no searchable page (and then no search: search.js says
    the index is unavailable)."""
    pages = searchable_pages(site_dir, skip)
    count = part_count(len(pages))
    dealt: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        dealt[_hash(page) % count].append(page)
    parts = []
    for number, members in enumerate(dealt):
        if not members:  # nothing dealt to it: no part
            continue
        # How Pagefind is run and which it is, then the part's pages.
        options = f"{_VERSION} {_pagefind_version()} {count} {EXCLUDED}\0"
        digest = hashlib.sha256(options.encode())
        for page in members:
            digest.update(page.encode("utf-8") + b"\0" + pages[page][0])
        size = sum(pages[page][1] for page in members)
        parts.append(Part(number, tuple(members), size, digest.hexdigest()))
    return parts


def _hash(page: str) -> int:
    """A number from a page's path, the same on every machine and run."""
    return int.from_bytes(hashlib.blake2b(page.encode("utf-8"), digest_size=8).digest(), "big")


def index_command(site_dir: Path, output: Path, pages: Sequence[str]) -> list[str]:
    """The Pagefind command that indexes `pages` of the language built in
    `site_dir` into `output`. Pagefind's binary comes with its Python
    package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--output-path", str(output), "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    command += ["--glob", page_glob(pages)]
    return command


def page_glob(pages: Iterable[str]) -> str:
    """A glob that matches the files `pages` (paths in the site's folder):
    their paths, each character but letters, digits and `/._-` matched by
    `?` (the generator's paths have none; a page matched but not meant,
    were there one, is indexed only if it has searchable content)."""
    safe = {
        "".join(ch if ch.isascii() and (ch.isalnum() or ch in "/._-") else "?" for ch in page)
        for page in pages
    }
    return "{" + ",".join(sorted(safe)) + "}"


@dataclass(frozen=True, slots=True)
class Indexing:
    """The index of one language to make: the folder its pages were built
    in, the site its last build published (where unchanged parts come from),
    and the fingerprints of that build's parts, by folder."""

    name: str
    site_dir: Path
    published: Path | None
    last: Mapping[str, str]


def index_sites(indexings: Sequence[Indexing]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Index every language: each part whose fingerprint is the last
    build's is shared with the published site, the others are made by
    Pagefind, as many at a time as fit. Returns the fingerprints of each
    language's parts (by its name) and the failures, as text."""
    fingerprints: dict[str, dict[str, str]] = {}
    jobs: list[tuple[Indexing, Part, Path]] = []
    layouts: list[tuple[Indexing, list[Part]]] = []
    for indexing in indexings:
        parts = index_parts(indexing.site_dir)
        bundle = indexing.site_dir / BUNDLE
        if bundle.exists():
            return fingerprints, [
                f"[search index, {indexing.name}] The site has its own {BUNDLE}, where the"
                f" search index goes: rename or remove {BUNDLE} in the docs."
            ]
        bundle.mkdir()
        layouts.append((indexing, parts))
        fingerprints[indexing.name] = {part.folder: part.fingerprint for part in parts}
        for part in parts:
            kept = _published_part(indexing, part)
            if kept is not None:
                sync_tree(kept, bundle / part.folder)
            else:
                jobs.append((indexing, part, bundle / part.folder))
    failures = _run(jobs)
    if not failures:
        for indexing, parts in layouts:
            _finish(indexing.site_dir / BUNDLE, parts)
    return fingerprints, failures


def _published_part(indexing: Indexing, part: Part) -> Path | None:
    """The last build's copy of `part`, if it was made of the same."""
    if indexing.published is None or indexing.last.get(part.folder) != part.fingerprint:
        return None
    folder = indexing.published / BUNDLE / part.folder
    return folder if (folder / "pagefind-entry.json").is_file() else None


def _run(jobs: list[tuple[Indexing, Part, Path]]) -> list[str]:
    """Run Pagefind for each job, as many at a time as the machine has
    processors and as their estimated memory fits in half of what it has
    free (always at least one). What Pagefind prints goes to a file, read
    if it fails, so that no pipe fills while others run."""
    processors = os.cpu_count() or 1
    budget = (_available_memory() or 0) // 2
    waiting = sorted(jobs, key=lambda job: -job[1].size)
    running: list[_Running] = []
    failures: list[str] = []
    try:
        while waiting or running:
            in_use = sum(entry.memory for entry in running)
            while waiting:
                need = MEMORY_PER_HTML_BYTE * waiting[0][1].size
                if not may_start(len(running), in_use, need, processors=processors, budget=budget):
                    break
                indexing, part, output = waiting.pop(0)
                running.append(_Running.start(indexing, part, output, need))
                in_use += need
            for entry in [entry for entry in running if entry.process.poll() is not None]:
                running.remove(entry)
                failures += entry.failure()
            if running:
                time.sleep(0.02)
    finally:
        for entry in running:
            entry.process.kill()
            entry.process.wait()
            entry.log.close()
    return failures


def may_start(running: int, in_use: int, need: int, *, processors: int, budget: int) -> bool:
    """Whether one more Pagefind, estimated to take `need` bytes, may start
    beside `running` others that take `in_use`: while fewer run than the
    machine has processors and all fit in `budget`; the first always may."""
    if running == 0:
        return True
    return running < processors and in_use + need <= budget


@dataclass(slots=True)
class _Running:
    indexing: Indexing
    part: Part
    process: subprocess.Popen[str]
    log: IO[str]
    memory: int

    @classmethod
    def start(cls, indexing: Indexing, part: Part, output: Path, memory: int) -> _Running:
        # Closed when the process is done (`failure`) or killed (`_run`).
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")  # noqa: SIM115
        command = index_command(indexing.site_dir, output, part.pages)
        process = subprocess.Popen(
            command, cwd=REPO_DIR, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        return cls(indexing, part, process, log, memory)

    def failure(self) -> list[str]:
        """Pagefind's output if it failed, as a failure of the build."""
        self.log.seek(0)
        output = self.log.read().strip()
        self.log.close()
        if self.process.returncode == 0:
            return []
        where = f"[search index, {self.indexing.name}, part {self.part.number}]"
        text = f"{where} Pagefind stopped with status {self.process.returncode}"
        return [text + (f":\n{output}" if output else ".")]


def _finish(bundle: Path, parts: list[Part]) -> None:
    """Keep of each part what a search uses, and list the parts for
    search.js: the first is the one it loads Pagefind's script from."""
    for part in parts:
        folder = bundle / part.folder
        for name in _UNUSED:
            (folder / name).unlink(missing_ok=True)
        if part is not parts[0]:
            for pattern in _SCRIPTS:
                for path in folder.glob(pattern):
                    path.unlink()
    listing = {"parts": [f"{part.folder}/" for part in parts]}
    (bundle / PARTS_FILE).write_text(json.dumps(listing), encoding="utf-8")


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "none"


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


def part_folders(bundle: Path) -> list[Path]:
    """The folders of the parts of the index in `bundle` (a language's
    BUNDLE folder), as its PARTS_FILE lists them, the first first."""
    listing = json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8"))
    return [bundle / part for part in listing["parts"]]


def page_counts(bundle: Path) -> dict[str, int]:
    """How many pages the index in `bundle` holds, by language, over all
    its parts."""
    counts: dict[str, int] = {}
    for folder in part_folders(bundle):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        for code, language in entry["languages"].items():
            counts[code] = counts.get(code, 0) + language["page_count"]
    return counts
