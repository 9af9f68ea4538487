"""A site of many agencies (copies of the example plans, as `make bench`
makes them): every list is split into pages that together name each agency
once, the jump links land on their headings, no list page grows past its
budget, and rendering on two processes gives exactly the files one gives."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest

from benchmarks.corpus import edit_one, make_corpus
from generator.build import build_editions, generate_docs
from generator.check import check_paths
from generator.render import PARALLEL_FROM, Files, render_all, render_site
from generator.render.feed import ATOM, FEED_ENTRIES
from generator.render.languages import Edition
from generator.write import MARKER
from tests.site.conftest import REPO, TODAY

AGENCIES = 110
# Markdown of a list page: the theme adds about 30 KB, and a page of the site
# stays under 100 KB of HTML.
LIST_PAGE_BUDGET = 64_000
_LINK = re.compile(r'<a href="([^"#]*)(#[^"]*)?"')


@cache
def editions(folder: Path) -> list[Edition]:
    paths = make_corpus(folder, AGENCIES)
    return build_editions(check_paths(paths, today=TODAY, jobs=1), today=TODAY)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Edition]:
    return editions(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def files(corpus: list[Edition]) -> list[Files]:
    return render_all(corpus)


def _text(files: Files, url: str) -> str:
    return files[f"{url}index.md"].decode("utf-8")


def _list_urls(files: Files, first: str) -> list[str]:
    """The pages of the list whose first page is at `first`, found by
    following the pagers from it (each links only the pages near its own),
    in the order the pagers number them."""
    numbers, todo = {first: 1}, [first]
    while todo:
        url = todo.pop()
        pager = re.search(r'<nav class="sp-pager".*?</nav>', _text(files, url), re.S)
        if pager is None:
            continue
        for link in re.finditer(r'<a href="([^"#]*)"[^>]*>[^<]*?(\d+)</a>', pager.group(0)):
            target = posixpath.normpath(posixpath.join(url, link.group(1))) + "/"
            if target not in numbers:
                numbers[target] = int(link.group(2))
                todo.append(target)
    return sorted(numbers, key=numbers.__getitem__)


def _agencies_named(files: Files, pages: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for url in pages:
        for href, _anchor in _LINK.findall(_text(files, url)):
            target = posixpath.normpath(posixpath.join(url, href))
            if re.fullmatch(r"agencies/bench-[^/]+", target):
                found[target] += 1
    return found


def test_the_corpus_is_large_enough_to_be_rendered_in_parallel(corpus: list[Edition]) -> None:
    assert len(corpus[0].site.agencies) == AGENCIES >= PARALLEL_FROM


def test_two_processes_render_the_same_files_as_one(
    corpus: list[Edition], files: list[Files]
) -> None:
    parallel: list[Files] = [{} for _ in corpus]
    tasks = 0
    for rendered in render_site(corpus, jobs=2):
        assert not parallel[rendered.edition].keys() & rendered.files.keys()
        parallel[rendered.edition].update(rendered.files)
        tasks += 1
    assert tasks > 2 * len(corpus)
    assert [sorted(p) for p in parallel] == [sorted(f) for f in files]
    assert parallel == files


@pytest.mark.parametrize(("first", "pages"), [("agencies/", 2), ("levels/", 2), ("places/", 2)])
def test_each_agency_list_names_every_agency_once_over_its_pages(
    files: list[Files], first: str, pages: int
) -> None:
    for tree in files:
        urls = _list_urls(tree, first)
        assert len(urls) == pages and urls[0] == first
        named = _agencies_named(tree, urls)
        assert len(named) == AGENCIES and set(named.values()) == {1}, named.most_common(3)


def test_the_later_a_to_z_pages_are_not_under_agencies(files: list[Files]) -> None:
    """agencies/2/ could be an agency's page: an agency id may be a number."""
    assert _list_urls(files[0], "agencies/") == ["agencies/", "a-z/2/"]


def test_every_jump_link_lands_on_its_heading(files: list[Files]) -> None:
    for tree in files:
        for first in ("agencies/", "levels/"):
            for url in _list_urls(tree, first):
                jump = re.search(r'<nav class="sp-jump".*?</nav>', _text(tree, url), re.S)
                assert jump is not None, url
                for href, anchor in _LINK.findall(jump.group(0)):
                    target = posixpath.normpath(posixpath.join(url, href or ".")) + "/"
                    assert f'id="{anchor[1:]}"' in _text(tree, target), (url, href, anchor)


def test_directories_are_split_too(files: list[Files]) -> None:
    for first in ("response-times/", "complaints/", "examples/", "scoreboard/"):
        assert len(_list_urls(files[0], first)) > 1, first


def test_no_list_page_grows_past_its_budget(files: list[Files]) -> None:
    heavy = [
        (path, len(content))
        for tree in files
        for path, content in tree.items()
        if path.endswith(".md")
        and not path.startswith("agencies/")
        and len(content) > LIST_PAGE_BUDGET
    ]
    assert not heavy, heavy


def test_the_feed_holds_the_newest_plans_only(corpus: list[Edition], files: list[Files]) -> None:
    """A feed reader wants the news: the feed names the FEED_ENTRIES plans
    changed last, newest first, however many plans the site has."""
    plans = [plan for agency in corpus[0].site.agencies for plan in agency.plans]
    assert len(plans) > FEED_ENTRIES
    for tree in files:
        feed = ElementTree.fromstring(tree["feed.xml"])
        updated = [e.findtext(f"{{{ATOM}}}updated") for e in feed.iter(f"{{{ATOM}}}entry")]
        assert len(updated) == FEED_ENTRIES
        assert updated == sorted(updated, reverse=True)
        newest = max(plan.last_changed for plan in plans)
        assert newest.precision == "day"
        assert updated[0] == f"{newest.first.isoformat()}T00:00:00Z"


def test_a_cached_build_after_an_edit_equals_a_build_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An agency whose files did not change is neither checked nor rendered
    again, and a list page whose inputs did not change is kept as it is in
    the docs tree. After one plan is edited (and an agency added), the
    cached build still writes exactly the docs trees a build without any
    cache writes, and rewrites only the edited agency's pages and the list
    and data files that show it."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    paths = make_corpus(tmp_path / "small", PARALLEL_FROM + 5)
    docs = tmp_path / "docs"

    def trees(root: Path) -> dict[str, bytes]:
        """Every file of the docs trees of both languages (root, root-es)."""
        return {
            f"{folder.name.replace(root.name, 'docs', 1)}/{path.relative_to(folder)}": (
                path.read_bytes()
            )
            for folder in (root, root.with_name(f"{root.name}-es"))
            for path in folder.rglob("*")
            if path.is_file() and path.name != MARKER
        }

    first = generate_docs(paths, docs_dir=docs, today=TODAY)
    before = trees(docs)
    assert first.stats.written == first.files
    assert list((tmp_path / "cache" / "agencies").glob("*.pickle"))
    entries = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*.pickle")}
    again = generate_docs(paths, docs_dir=docs, today=TODAY)
    assert again.stats.written == 0
    # Every agency and list page came from the cache: no entry was stored again.
    kinds = ("agencies", "list-pages-known")
    assert {p.parent.name for p in entries} >= set(kinds)
    assert all(
        p.stat().st_mtime_ns == entries[p] for p in entries if p.parent.name in kinds
    )
    assert trees(docs) == before
    edit_one(paths[4])
    edited = generate_docs(paths, docs_dir=docs, today=TODAY)
    after = trees(docs)
    changed = sorted(path for path in after if before.get(path) != after[path])
    agency = paths[4].parent.name
    assert {p for p in changed if "/agencies/" in p} == {
        f"docs/agencies/{agency}/index.md",
        f"docs-es/agencies/{agency}/index.md",
    }
    assert edited.stats.written == len(changed) < 20
    lists = [p for p in changed if p.endswith(".md") and "/agencies/" not in p]
    assert lists
    # From an empty docs tree (as on a machine that keeps only its cache).
    for tree in (docs, docs.with_name("docs-es")):
        shutil.rmtree(tree)
    generate_docs(paths, docs_dir=docs, today=TODAY)
    assert trees(docs) == after
    # With the agencies' files gone from the cache, they are rendered again.
    shutil.rmtree(tmp_path / "cache" / "agency-files")
    generate_docs(paths, docs_dir=docs.with_name("again"), today=TODAY)
    assert trees(docs.with_name("again")) == after
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    generate_docs(paths, docs_dir=tmp_path / "fresh", today=TODAY)
    assert trees(tmp_path / "fresh") == after


def test_list_pages_come_from_the_cache_in_the_next_process(tmp_path: Path) -> None:
    """A list page's fingerprint is the same in every process (nothing in it
    depends on where objects sit in memory), so the next `generate` of the
    same plans keeps every list page: the record of their fingerprints
    needs no change."""
    env = {**os.environ, "SERVICE_PLANS_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "generator", "generate", str(REPO / "plans")]
    command += ["--docs", str(tmp_path / "docs"), "--today", TODAY.isoformat()]
    subprocess.run(command, env=env, cwd=REPO, check=True, capture_output=True)
    known = tmp_path / "cache" / "list-pages-known"
    stored = {p: p.stat().st_mtime_ns for p in known.iterdir()}
    subprocess.run(command, env=env, cwd=REPO, check=True, capture_output=True)
    assert stored
    assert {p: p.stat().st_mtime_ns for p in stored} == stored
