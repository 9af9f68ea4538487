"""The build checks an agency's files again only when their bytes, the day
or the generator changed (generator/cache.py): a build that takes findings
from the cache reports what a build without it reports, and a change to a
plan, or another day, is checked afresh."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import generate_docs
from generator.cache import AgencyCache
from generator.errors import BuildError
from generator.site_config import site_config, site_languages

PLANS = Path(__file__).resolve().parents[2] / "plans"
TODAY = date(2026, 11, 23)
# The example plans are out of date by then: a warning each.
LATER = date(2027, 6, 1)


def test_cached_findings_equal_fresh_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    fresh = generate_docs([PLANS], docs_dir=tmp_path / "fresh", today=LATER)
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    filled = generate_docs([PLANS], docs_dir=tmp_path / "docs", today=LATER)
    assert list((tmp_path / "cache" / "agencies").glob("*.pickle"))
    served = generate_docs([PLANS], docs_dir=tmp_path / "docs", today=LATER)
    assert fresh.warnings == filled.warnings == served.warnings > 0
    assert (fresh.plans, fresh.agencies) == (served.plans, served.agencies)
    assert served.stats.written == 0


def test_another_day_or_other_bytes_are_checked_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    docs = tmp_path / "docs"
    first = generate_docs([plans], docs_dir=docs, today=TODAY)
    # Years later the plan has ended: the cached findings of 2026 must not be served.
    later = generate_docs([plans], docs_dir=docs, today=date(2030, 1, 1))
    assert later.warnings > first.warnings
    plan = plans / "example-county-health" / "2026.yaml"
    plan.write_text(
        plan.read_text("utf-8").replace("schema_version:", "schema_versio:", 1), "utf-8"
    )
    with pytest.raises(BuildError, match=r"2026\.yaml:\d+:\d+"):
        generate_docs([plans], docs_dir=docs, today=TODAY)


def test_an_agency_whose_files_in_the_cache_are_of_other_bytes_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build of an edited plan that stopped half-way has stored the pages
    of the edit, not yet its entry. Back to the old bytes, the agency's old
    entry matches, but its pages in the cache do not: the agency is checked
    and rendered again rather than the build stopping."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    generate_docs([plans], docs_dir=tmp_path / "docs", today=TODAY)
    before = (tmp_path / "docs" / "agencies" / "example-county-health" / "index.md").read_bytes()
    cache = AgencyCache(site_languages(), site_config().site_url, TODAY)
    unit = sorted((plans / "example-county-health").glob("*.yaml"))
    for index in range(len(site_languages())):
        cache.put_files(unit, "the key of an edit", index, {"agencies/x/index.md": b"edit"})
    shutil.rmtree(tmp_path / "docs")
    generate_docs([plans], docs_dir=tmp_path / "docs", today=TODAY)
    page = tmp_path / "docs" / "agencies" / "example-county-health" / "index.md"
    assert page.read_bytes() == before
    assert not (tmp_path / "docs" / "agencies" / "x").exists()


def test_a_build_for_disk_does_not_take_pages_linked_as_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages cached by a build for the web link to folders; a build for a
    folder on disk (the preview) must not take them, nor the other way round."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    page = Path("agencies") / "index.md"
    generate_docs([PLANS], docs_dir=tmp_path / "web", today=TODAY)
    generate_docs([PLANS], docs_dir=tmp_path / "disk", today=TODAY, from_disk=True)
    generate_docs([PLANS], docs_dir=tmp_path / "web-again", today=TODAY)
    web, disk = (tmp_path / "web" / page).read_text(), (tmp_path / "disk" / page).read_text()
    assert 'href="example-city-sanitation/"' in web
    assert 'href="example-city-sanitation/index.html"' in disk
    assert (tmp_path / "web-again" / page).read_text() == web
    agency = Path("agencies") / "example-city-sanitation" / "index.md"
    assert "/index.html" in (tmp_path / "disk" / agency).read_text()
    assert (tmp_path / "web-again" / agency).read_text() == (tmp_path / "web" / agency).read_text()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _built_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A build without the cache into fresh/, and one that fills the cache."""
    monkeypatch.setenv("SERVICE_PLANS_CACHE", "off")
    generate_docs([PLANS], docs_dir=tmp_path / "fresh", today=TODAY)
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    generate_docs([PLANS], docs_dir=tmp_path / "first", today=TODAY)
    return tmp_path / "cache"


def test_an_entry_damaged_on_disk_is_a_miss_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bits changed in an agency's entry, which still unpickles but with
    other text, are never served: the agency is checked and rendered again."""
    cache = _built_twice(tmp_path, monkeypatch)
    name = b"Federal Benefits Administration"
    damaged = 0
    for entry in (cache / "agencies").glob("*.pickle"):
        data = entry.read_bytes()
        if name in data:
            entry.write_bytes(data.replace(name, b"Federal Benefits Adminystration"))
            damaged += 1
    assert damaged
    generate_docs([PLANS], docs_dir=tmp_path / "docs", today=TODAY)
    assert _tree(tmp_path / "docs") == _tree(tmp_path / "fresh")


def test_pages_damaged_on_disk_are_a_miss_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _built_twice(tmp_path, monkeypatch)
    for entry in (cache / "agency-files").glob("*.pickle"):
        data = bytearray(entry.read_bytes())
        for bit in (8, 100, 1000):  # three bits of the compressed pages
            data[-bit] ^= 0x10
        entry.write_bytes(bytes(data))
    generate_docs([PLANS], docs_dir=tmp_path / "docs", today=TODAY)
    assert _tree(tmp_path / "docs") == _tree(tmp_path / "fresh")
