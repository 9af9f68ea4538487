"""The search's filters: a filter the search would not offer (more values
than FILTER_VALUES, as the place once a site serves many places) is left
out of the pages, so that no first search fetches its values; it comes back
when the site has few enough again, through an incremental build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.corpus import make_corpus
from generator.build import build_site
from generator.engine import config_path
from generator.render.agency_pages import FILTER_VALUES
from generator.site_config import language_config, language_docs_dir, site_languages
from tests.site.conftest import REPO, TODAY

_FILTER = re.compile(r'<span hidden data-pagefind-filter="([^"]+)">')
_PLACE = {"en": "Place served", "es": "Lugar que atiende"}


def _filters(site: Path) -> dict[str, list[str]]:
    """The filters of each agency page in force, in every language."""
    return {
        page.relative_to(site).as_posix(): _FILTER.findall(page.read_text(encoding="utf-8"))
        for page in sorted(site.glob("**/agencies/*/index.html"))
    }


def test_the_search_offers_as_many_values_as_the_generator_allows() -> None:
    script = (REPO / "theme/assets/javascripts/search.js").read_text(encoding="utf-8")
    assert re.search(r"var FILTER_VALUES = (\d+);", script).group(1) == str(FILTER_VALUES)


def test_a_filter_of_too_many_values_is_left_out_until_there_are_few_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERVICE_PLANS_CACHE", str(tmp_path / "cache"))
    # One agency more than the search offers places: each copy its own place.
    paths = make_corpus(tmp_path, FILTER_VALUES + 1)
    site, docs = tmp_path / "site", tmp_path / "docs"
    build_site([tmp_path / "plans"], site_dir=site, docs_dir=docs, today=TODAY)
    many = _filters(site)
    assert len(many) == 2 * (FILTER_VALUES + 1)  # both languages
    assert set(map(tuple, many.values())) == {("Level",), ("Nivel",)}
    # The written configuration says so, beside the rest of mkdocs.yml's `extra`.
    for language in site_languages():
        config = yaml.safe_load(config_path(language_docs_dir(docs, language)).read_text("utf-8"))
        wanted = language_config(language)["extra"]
        assert config["extra"] == {**wanted, "unindexed_filters": [_PLACE[language.code]]}

    shutil.rmtree(paths[-1].parent)
    summary = build_site([tmp_path / "plans"], site_dir=site, docs_dir=docs, today=TODAY)
    assert f"{FILTER_VALUES} agencies" in summary
    few = _filters(site)
    assert len(few) == 2 * FILTER_VALUES
    assert set(map(tuple, few.values())) == {("Level", _PLACE["en"]), ("Nivel", _PLACE["es"])}
    for language in site_languages():
        config = yaml.safe_load(config_path(language_docs_dir(docs, language)).read_text("utf-8"))
        assert "unindexed_filters" not in config["extra"]
