"""ProperDocs, the other engine (`build --engine properdocs`), makes the same
site as MkDocs from the same docs trees and written configurations: the same
files, each byte the same but for the `generator` meta tag that names the
engine, and a search index of the same pages. One ProperDocs build, of the
session's site's docs trees (copied, so that its configurations stay as
they are)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.build import run_mkdocs_build
from generator.engine import ENGINES
from generator.errors import BuildError
from generator.search_index import BUNDLE, page_counts
from generator.site_config import language_docs_dir, site_languages
from tests.site.conftest import Built

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("properdocs")
    docs = root / "docs"
    for language in site_languages():
        shutil.copytree(language_docs_dir(built.docs, language), language_docs_dir(docs, language))
    run_mkdocs_build(docs, root / "site", engine="properdocs")
    return root / "site"


def _files(site: Path) -> dict[str, Path]:
    """The site's files, but the search index's: Pagefind's file names
    change from one indexing to the next."""
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and BUNDLE not in path.relative_to(site).parts
    }


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":  # the sitemap: gzip's header holds the time it was made
        return gzip.decompress(data)
    return GENERATOR_TAG.sub(b"", data) if path.suffix == ".html" else data


def test_properdocs_makes_the_same_files(built: Built, properdocs_site: Path) -> None:
    mkdocs, properdocs = _files(built.site), _files(properdocs_site)
    assert sorted(properdocs) == sorted(mkdocs)
    assert len([name for name in mkdocs if name.endswith(".html")]) > 90
    different = [name for name in mkdocs if _content(mkdocs[name]) != _content(properdocs[name])]
    assert different == []


def test_only_the_generator_tag_tells_the_engines_apart(
    built: Built, properdocs_site: Path
) -> None:
    def tag(site: Path) -> bytes:
        match = GENERATOR_TAG.search((site / "index.html").read_bytes())
        assert match is not None
        return match.group()

    assert b"mkdocs-1.6" in tag(built.site)
    assert b"ProperDocs 1.6.7" in tag(properdocs_site)
    assert b"mkdocs-material-9" in tag(properdocs_site)  # the same theme


def test_the_search_indexes_the_same_pages(built: Built, properdocs_site: Path) -> None:
    for language in site_languages():

        def pages(site: Path, prefix: str = language.prefix) -> dict:
            return page_counts(site / prefix / BUNDLE)

        assert pages(properdocs_site) == pages(built.site)


def test_an_engine_not_installed_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(ENGINES, "nothing", "no_such_engine")
    (tmp_path / "docs").mkdir()
    with pytest.raises(BuildError, match="The engine 'nothing' is not installed"):
        run_mkdocs_build(tmp_path / "docs", tmp_path / "site", engine="nothing")
