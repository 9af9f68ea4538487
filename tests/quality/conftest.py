"""The site, built once from the example plans and served under its own
path, and one headless Chromium for the whole session; then one walk through
every page in every view, which several tests judge."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator import search_index
from generator.build import build_site
from generator.site_config import site_config
from tests.conftest import PLANS
from tests.quality.browse import Record, browse
from tests.quality.browser import launch
from tests.quality.serve import SiteServer

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Site:
    root: Path
    path: str  # the path of site_url, /service-plans/

    def pages(self) -> list[str]:
        """Every page, as its address relative to the site: "", "agencies/", "404.html"."""
        found = []
        for file in sorted(self.root.rglob("*.html")):
            relative = file.relative_to(self.root).as_posix()
            if file.name == "index.html":
                found.append(relative.removesuffix("index.html"))
            elif relative == "404.html":
                found.append(relative)
        return found

    def agency_pages(self) -> list[str]:
        return [
            page for page in self.pages() if page.startswith("agencies/") and page != "agencies/"
        ]

    def file(self, page: str) -> Path:
        return self.root / page / "index.html" if not page.endswith(".html") else self.root / page


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("quality")
    with pytest.MonkeyPatch.context() as patch:
        # Small parts of the search index, so that every search here goes
        # through an index made of several, as a large site's is
        # (generator/search_index.py).
        patch.setattr(search_index, "PART_PAGES", 4)
        build_site([PLANS], site_dir=root / "site", today=TODAY, docs_dir=root / "docs")
    return Site(root=root / "site", path=urlsplit(site_config().site_url).path)


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[SiteServer]:
    with SiteServer(site.root, site.path) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def walk(browser: Browser, server: SiteServer, site: Site) -> Record:
    """Every page in every view, checked with axe-core, its requests recorded."""
    return browse(browser, server, site.pages())
