"""axe-core finds nothing on any page, in the light and the dark palette, at
desktop and phone sizes, nor with the search showing results or the
navigation drawer open (WCAG 2.2 AA and axe's best practices)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.quality.browse import Record
from tests.quality.browser import VIEWS, View, check_with_axe, report, wait_until_still
from tests.quality.conftest import Site
from tests.quality.serve import SiteServer

# A word every example plan uses, so the search has results to show.
QUERY = "complaint"


def test_every_page_in_every_view(walk: Record) -> None:
    print(
        f"\naxe-core: {walk.pages} pages, {len(walk.runs)} runs, {len(walk.violations)} violations"
    )
    assert walk.pages > 20
    if walk.violations:
        pytest.fail(report(walk.violations), pytrace=False)


def test_each_page_was_checked_in_all_four_views(walk: Record) -> None:
    """Each page ran in both palettes at both sizes: the palette toggle
    really switched (the scheme is read from the page, not assumed)."""
    assert not walk.wrong_palette, "\n".join(map(str, walk.wrong_palette[:20]))
    assert Counter(walk.runs) == {view.name: walk.pages for view in VIEWS}


def _pages(browser: Browser, views: tuple[View, ...]) -> Iterator[tuple[View, Page]]:
    for view in views:
        context = view.context(browser)
        try:
            yield view, context.new_page()
        finally:
            context.close()


def open_search(page: Page, query: str) -> None:
    """Open the search as a reader does (its button on a phone, the field on
    a desktop), type, and wait for the results and the filters."""
    button = page.locator("button.sp-search-button")
    if button.is_visible():
        button.click()
    else:
        page.locator("input[name=query]").click()
    page.locator("input[name=query]").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".sp-search-filter select").first.wait_for()
    wait_until_still(page)


def open_drawer(page: Page) -> None:
    """Open the navigation drawer with its menu button (see accessibility.js)."""
    page.locator("button.sp-drawer-button").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    wait_until_still(page)


def test_search_showing_results(browser: Browser, server: SiteServer) -> None:
    violations = []
    for view, page in _pages(browser, VIEWS):
        for label in ("", "es/"):
            page.goto(server.url(label))
            open_search(page, QUERY if not label else "queja")
            assert page.locator(".md-search-result__item").count() > 0
            violations += check_with_axe(page, f"{label or '/'} search showing results", view)
    if violations:
        pytest.fail(report(violations), pytrace=False)


def test_navigation_drawer_open(browser: Browser, server: SiteServer, site: Site) -> None:
    phone = tuple(view for view in VIEWS if view.size == "phone")
    violations = []
    for view, page in _pages(browser, phone):
        for label in ("", site.agency_pages()[0]):
            page.goto(server.url(label))
            open_drawer(page)
            assert page.locator("#__drawer").is_checked()
            violations += check_with_axe(page, f"{label or '/'} with the drawer open", view)
    if violations:
        pytest.fail(report(violations), pytrace=False)
