"""A build that fails leaves the published site as it was: an invalid plan
stops it before anything is written, and a MkDocs failure throws its
half-built folder away, and so does a failed search index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_site, generate_docs, run_mkdocs_build
from generator.errors import BuildError
from generator.search_index import BUNDLE
from tests.site.conftest import PLANS, TODAY


def _broken_plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    plan = plans / "example-county-health" / "2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace('schema_version: "2.0"', 'schema_version: "9"'),
        encoding="utf-8",
    )
    return plans


def _previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    return site


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


def test_an_invalid_plan_leaves_the_site_untouched(tmp_path: Path) -> None:
    site, docs = _previous_site(tmp_path), tmp_path / "docs"
    with pytest.raises(BuildError) as failure:
        build_site([_broken_plans(tmp_path)], site_dir=site, today=TODAY, docs_dir=docs)
    assert "2026.yaml:" in str(failure.value) and "schema_version" in str(failure.value)
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert list(site.iterdir()) == [site / "index.html"]
    assert not docs.exists()
    assert _leftovers(tmp_path) == []


def test_a_mkdocs_failure_leaves_the_site_untouched(tmp_path: Path) -> None:
    site, docs = _previous_site(tmp_path), tmp_path / "docs"
    docs.mkdir()  # no pages: the navigation's pages are missing, a warning in strict mode
    with pytest.raises(BuildError, match="The site could not be built"):
        run_mkdocs_build(docs, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert _leftovers(tmp_path) == []


def test_the_command_line_reports_the_plan_error(tmp_path: Path, run_cli) -> None:
    site = _previous_site(tmp_path)
    result = run_cli("build", _broken_plans(tmp_path), "--site", site, "--today", TODAY)
    assert result.code == 1
    assert "2026.yaml:9:" in result.err and "the site was not built" in result.err
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_a_failed_search_index_leaves_the_site_untouched(tmp_path: Path) -> None:
    """Pagefind cannot write its bundle where the site already has a file
    of that name (copied from the docs tree, as MkDocs copies any file)."""
    site, docs = _previous_site(tmp_path), tmp_path / "docs"
    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    generate_docs([plans], docs_dir=docs, today=TODAY)
    (docs / BUNDLE).write_text("not a folder", encoding="utf-8")
    with pytest.raises(BuildError, match=r"\[search index, en\] The site has its own pagefind"):
        run_mkdocs_build(docs, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert _leftovers(tmp_path) == []
