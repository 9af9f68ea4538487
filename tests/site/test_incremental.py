"""A build after a change renders again only the pages whose source
changed (generator/site_state.py), and its site is the site a full build
makes from the same plans, file for file, over a sequence of edits,
additions and removals."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import engine, search_index
from generator.build import SPARE, build_site, run_mkdocs_build, temporary_folder
from generator.errors import BuildError
from generator.search_index import BUNDLE, part_folders
from generator.shared_files import UNSHARE_HOOK
from generator.site_state import SiteState
from tests.site.conftest import PLANS, TODAY

# A page no step below changes: a dirty build leaves its HTML as it was.
UNTOUCHED = Path("agencies/example-federal-benefits/index.html")


def _files(site: Path) -> dict[str, bytes]:
    """The site's files, but Pagefind's bundles: Pagefind does not write the
    same bytes twice for the same pages (its filter files are named by a
    hash of an unordered table), so those are compared by what they count."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and BUNDLE not in path.relative_to(site).parts
    }


def _indexed(site: Path) -> dict[str, list[list[str]]]:
    """Each language's search index: the pages in each of its parts."""
    indexed = {}
    for prefix in ("", "es/"):
        parts = []
        for part in part_folders(site / prefix / BUNDLE):
            pages = []
            for fragment in sorted((part / "fragment").glob("*.pf_fragment")):
                data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
                pages.append(json.loads(data)["url"])
            parts.append(sorted(pages))
        indexed[prefix] = parts
    return indexed


def _indexed_at(site: Path) -> list[int]:
    """When each part of the original language's index was written."""
    bundle = site / BUNDLE
    return [(part / "pagefind-entry.json").stat().st_mtime_ns for part in part_folders(bundle)]


def _witness(site: Path, folder: Path) -> dict[str, bytes]:
    """A second name (a hard link) for each file of the published site, and
    its bytes: a build that wrote one of them in place changed them here."""
    shutil.copytree(site, folder, copy_function=os.link)
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _edit(plans: Path) -> None:
    plan = plans / "example-county-health" / "2026.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("promise: ", "promise: (Updated) ", 1), encoding="utf-8")


def _add(plans: Path) -> None:
    shutil.copytree(plans / "example-city-sanitation", plans / "example-town-sanitation")
    for plan in (plans / "example-town-sanitation").glob("*.yaml"):
        text = plan.read_text(encoding="utf-8")
        text = text.replace("id: example-city-sanitation", "id: example-town-sanitation")
        plan.write_text(text.replace("Riverton", "Lakeside"), encoding="utf-8")


def _remove(plans: Path) -> None:
    (plans / "example-city-sanitation" / "2027.yaml").unlink()


def _rename(plans: Path) -> None:
    plan = plans / "example-county-health" / "2026.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Health", "Public Health", 1), encoding="utf-8")


def _translate(plans: Path) -> None:
    plan = plans / "example-county-health" / "2026.es.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("promise: ", "promise: (Actualizado) ", 1), encoding="utf-8")


STEPS: list[Callable[[Path], None]] = [_edit, _add, _remove, _rename, _translate]


def test_incremental_builds_make_the_full_builds_site(tmp_path: Path, monkeypatch) -> None:
    # Small parts of the search index, so that an edit indexes some again
    # and copies the others (generator/search_index.py).
    monkeypatch.setattr(search_index, "PART_PAGES", 4)
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    build_site([plans], site_dir=site, today=TODAY, docs_dir=docs)
    untouched = (site / UNTOUCHED).stat().st_mtime_ns
    for number, step in enumerate(STEPS):
        step(plans)
        indexed_at = _indexed_at(site)
        witness = tmp_path / f"published-{number}"
        published = _witness(site, witness)
        build_site([plans], site_dir=site, today=TODAY, docs_dir=docs)
        # The new site shared the old one's files and wrote none of them:
        # the published site stayed as it was until it was replaced.
        changed = [
            name for name, data in published.items() if (witness / name).read_bytes() != data
        ]
        assert changed == [], step.__name__
        if step is not _rename:  # renaming an agency changes the navigation
            assert (site / UNTOUCHED).stat().st_ino == (witness / UNTOUCHED).stat().st_ino
        # The site it replaced is the next build's start (generator/build.py).
        assert (temporary_folder(docs, site) / SPARE / UNTOUCHED).is_file()
        if step is _edit:  # one agency's text: its part indexed again, not all
            again = [a != b for a, b in zip(indexed_at, _indexed_at(site), strict=True)]
            assert 1 <= sum(again) < len(again) - 1, again
        full = tmp_path / f"full-{number}"
        build_site([plans], site_dir=full / "site", today=TODAY, docs_dir=full / "docs")
        incremental, expected = _files(site), _files(full / "site")
        assert incremental.keys() == expected.keys(), step.__name__
        differ = [name for name in expected if incremental[name] != expected[name]]
        assert differ == [], step.__name__
        assert _indexed(site) == _indexed(full / "site"), step.__name__
        # Built dirty: the page no step changes was not rendered again.
        assert (site / UNTOUCHED).stat().st_mtime_ns == untouched, step.__name__


def test_a_changed_setting_builds_every_page(tmp_path: Path) -> None:
    """A site built for opening from disk, then for a server: every link
    differs, so every page is rendered again."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    build_site([PLANS], site_dir=site, today=TODAY, docs_dir=docs, from_disk=True)
    before = (site / UNTOUCHED).stat().st_mtime_ns
    build_site([PLANS], site_dir=site, today=TODAY, docs_dir=docs)
    assert (site / UNTOUCHED).stat().st_mtime_ns != before
    full = tmp_path / "full"
    build_site([PLANS], site_dir=full / "site", today=TODAY, docs_dir=full / "docs")
    assert _files(site) == _files(full / "site")


def test_a_failed_build_leaves_no_record_and_the_next_is_full(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    build_site([PLANS], site_dir=site, today=TODAY, docs_dir=docs)
    state = SiteState(docs, site)
    assert state.path.is_file()
    (docs / "index.md").unlink()  # a page of the navigation: strict mode fails
    with pytest.raises(BuildError, match="The site could not be built"):
        run_mkdocs_build(docs, site)
    assert not state.path.exists()
    before = (site / UNTOUCHED).stat().st_mtime_ns
    build_site([PLANS], site_dir=site, today=TODAY, docs_dir=docs)
    assert (site / UNTOUCHED).stat().st_mtime_ns != before


def test_properdocs_builds_dirty_too(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    build_site([plans], site_dir=site, today=TODAY, docs_dir=docs, engine="properdocs")
    untouched = (site / UNTOUCHED).stat().st_mtime_ns
    _edit(plans)
    build_site([plans], site_dir=site, today=TODAY, docs_dir=docs, engine="properdocs")
    assert (site / UNTOUCHED).stat().st_mtime_ns == untouched
    full = tmp_path / "full"
    build_site(
        [plans], site_dir=full / "site", today=TODAY, docs_dir=full / "docs", engine="properdocs"
    )
    assert _files(site) == _files(full / "site")


def test_a_build_that_writes_a_published_file_fails_and_the_next_mends_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the hook that keeps MkDocs from writing shared files, a
    dirty build writes the published pages in place: the build finds it,
    fails, and the next build (a full one) makes the site a full build makes."""
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    with monkeypatch.context() as patched:
        patched.setattr(engine, "HOOKS", tuple(h for h in engine.HOOKS if h != UNSHARE_HOOK))
        build_site([plans], site_dir=site, today=TODAY, docs_dir=docs)
        _edit(plans)
        with pytest.raises(BuildError, match=r"files of the published site .* were changed"):
            build_site([plans], site_dir=site, today=TODAY, docs_dir=docs)
    build_site([plans], site_dir=site, today=TODAY, docs_dir=docs)
    full = tmp_path / "full"
    build_site([plans], site_dir=full / "site", today=TODAY, docs_dir=full / "docs")
    assert _files(site) == _files(full / "site")
