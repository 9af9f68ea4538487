"""The whole site builds with `mkdocs build --strict`, every agency and every
plan has its page at its stable address, and the pages have the structure
assistive technology relies on."""

from __future__ import annotations

import json
import posixpath
import re
from itertools import pairwise
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.conftest import Built
from tests.site.html import content, parse

AGENCY_PAGES = [
    "agencies/example-federal-benefits/",
    "agencies/example-federal-benefits/2025/",
    "agencies/example-city-sanitation/",
    "agencies/example-city-sanitation/2027/",
    "agencies/example-county-health/",
]
INDEX_PAGES = [
    "",
    "agencies/",
    "levels/",
    "places/",
    "promises/",
    "response-times/",
    "complaints/",
    "publish/",
    "reference/",
    "examples/",
    "data/",
]


def test_the_site_builds_strict(built: Built) -> None:
    assert built.summary.startswith(f"Built {built.site} from ")
    assert (built.site / "index.html").is_file()
    assert (built.site / "sitemap.xml").is_file()


@pytest.mark.parametrize("url", AGENCY_PAGES + INDEX_PAGES)
def test_every_plan_and_index_has_its_page(built: Built, url: str) -> None:
    assert (built.site / url / "index.html").is_file()


def test_an_archived_plan_points_to_the_current_one(built: Built) -> None:
    page = content(built.page("agencies/example-federal-benefits/2025/"))
    links = [a.attrs["href"] for a in page.find_all("a")]
    assert "../" in links
    current = content(built.page("agencies/example-federal-benefits/"))
    assert "2025/" in [a.attrs["href"] for a in current.find_all("a")]


def test_a_draft_is_labelled_and_not_current(built: Built) -> None:
    draft = content(built.page("agencies/example-city-sanitation/2027/")).text
    assert "Draft for comment." in draft
    current = content(built.page("agencies/example-city-sanitation/")).text
    assert "Sanitation Customer Service Plan 2026" in current


def test_agency_pages_stay_out_of_the_navigation(built: Built) -> None:
    """MkDocs renders the navigation into every page: listing every agency
    there would make each page grow with the number of agencies."""
    nav = [n for n in parse(built.page("")).iter() if n.tag == "nav"]
    hrefs = [a.attrs.get("href", "") for n in nav for a in n.find_all("a")]
    assert not any("example-" in href for href in hrefs)


def _html_pages(built: Built) -> list:
    return [p for p in built.pages() if p.name == "index.html"]


def test_one_h1_per_page_and_headings_in_order(built: Built) -> None:
    for path in _html_pages(built):
        article = content(path.read_text(encoding="utf-8"))
        levels = [int(e.tag[1]) for e in article.iter() if re.fullmatch(r"h[1-6]", e.tag)]
        assert levels.count(1) == 1 and levels[0] == 1, path
        for previous, level in pairwise(levels):
            assert level <= previous + 1, f"{path}: h{previous} then h{level}"


def test_tables_have_captions_and_header_scopes(built: Built) -> None:
    for path in _html_pages(built):
        for table in content(path.read_text(encoding="utf-8")).find_all("table"):
            assert table.find_all("caption"), path
            assert all(th.attrs.get("scope") for th in table.find_all("th")), path


def test_charts_are_images_with_a_text_alternative(built: Built) -> None:
    page = content(built.page("agencies/example-federal-benefits/"))
    charts = page.find_all("svg")
    assert charts
    for svg in charts:
        assert svg.attrs["role"] == "img"
        title, desc = svg.find_all("title"), svg.find_all("desc")
        assert title and desc and "Target" in desc[0].text
        assert set(svg.attrs["aria-labelledby"].split()) == {
            title[0].attrs["id"],
            desc[0].attrs["id"],
        }


def test_status_is_given_in_words(built: Built) -> None:
    page = content(built.page("agencies/example-county-health/"))
    statuses = [
        s.text.strip() for s in page.iter() if "sp-status" in s.attrs.get("class", "").split()
    ]
    assert statuses
    assert {"Met", "Not met", "No result to judge", "No number to measure"} <= set(statuses)
    css = (built.site / "assets" / "stylesheets" / "plans.css").read_text(encoding="utf-8")
    assert ".sp-status--not-met { --sp-mark:" in css  # a mark too, not colour alone


def test_pages_declare_their_language(built: Built) -> None:
    """English at the root, Spanish under es/ (tests/site/test_languages.py
    checks the rest of the language versions)."""
    for path in _html_pages(built):
        html = parse(path.read_text(encoding="utf-8")).find_all("html")[0]
        spanish = path.relative_to(built.site).parts[0] == "es"
        assert html.attrs.get("lang") == ("es" if spanish else "en"), path


def test_internal_links_and_anchors_resolve(built: Built) -> None:
    ids: dict[str, set[str]] = {}

    def ids_of(path) -> set[str]:
        if path not in ids:
            tree = parse(path.read_text(encoding="utf-8"))
            ids[path] = {e.attrs["id"] for e in tree.iter() if "id" in e.attrs}
        return ids[path]

    for path in _html_pages(built):
        for link in content(path.read_text(encoding="utf-8")).find_all("a"):
            href = link.attrs.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            base = path.parent
            target = base / unquote(parts.path) if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            target = type(path)(posixpath.normpath(target))
            assert target.exists(), f"{path}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids_of(target), f"{path}: no #{parts.fragment} in {href}"


def test_ids_are_unique_on_each_page(built: Built) -> None:
    for path in _html_pages(built):
        ids = [
            e.attrs["id"] for e in parse(path.read_text(encoding="utf-8")).iter() if "id" in e.attrs
        ]
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{path}: {sorted(duplicates)[:5]}"


# No page of the site may grow past this, in any language (BENCHMARKS.md):
# long lists are split into pages, and an agency's page holds one plan.
PAGE_BUDGET = 100_000


def test_no_page_is_over_100_kb(built: Built) -> None:
    heavy = [(p, p.stat().st_size) for p in built.pages() if p.stat().st_size > PAGE_BUDGET]
    assert not heavy, heavy
    assert max(p.stat().st_size for p in built.pages()) > PAGE_BUDGET / 2
