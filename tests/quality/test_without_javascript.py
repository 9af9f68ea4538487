"""Every page is readable with JavaScript off: an agency page still shows its
promises with their results, how to reach the agency and how to complain."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.quality.browser import VIEWS
from tests.quality.conftest import Site
from tests.quality.serve import SiteServer

# The parts of an agency page a citizen comes for, by their anchors.
AGENCY_PARTS = {
    "glance": "at a glance",
    "promises": "the promises and their results",
    "channels": "how to reach the agency",
    "complaints": "how to complain",
}


def test_agency_pages_without_javascript(browser: Browser, server: SiteServer, site: Site) -> None:
    problems = []
    for view in (VIEWS[0], VIEWS[2]):  # desktop and phone
        context = view.context(browser, java_script_enabled=False)
        try:
            page = context.new_page()
            for label in site.agency_pages():
                page.goto(server.url(label))
                assert page.evaluate("() => document.documentElement.classList.contains('no-js')")
                for anchor, part in AGENCY_PARTS.items():
                    box = page.locator(f"article #{anchor}")
                    if not box.is_visible() or len(box.inner_text().strip()) < 40:
                        problems.append(f"{label} [{view.name}]: {part} (#{anchor}) is not shown")
                if not page.locator("article #promises table").first.is_visible():
                    problems.append(f"{label} [{view.name}]: no table of results is shown")
        finally:
            context.close()
    assert not problems, "\n".join(problems)


def test_every_page_has_its_content_without_javascript(
    browser: Browser, server: SiteServer, site: Site
) -> None:
    context = VIEWS[0].context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        empty = []
        for label in site.pages():
            page.goto(server.url(label))
            article = page.locator("article.md-content__inner")
            if not article.locator("h1").is_visible() or not article.inner_text().strip():
                empty.append(label or "/")
    finally:
        context.close()
    assert not empty, f"pages without their content when JavaScript is off: {empty}"


def test_the_header_leads_to_the_agencies_instead_of_a_dead_search(
    browser: Browser, server: SiteServer
) -> None:
    for view in (VIEWS[0], VIEWS[2]):
        context = view.context(browser, java_script_enabled=False)
        try:
            page = context.new_page()
            for label, title in (
                ("reference/", "Agencies from A to Z"),
                ("es/", "Agencias de la A a la Z"),
            ):
                page.goto(server.url(label))
                assert not page.locator("input[name=query]").is_visible()
                assert not page.locator("label.md-header__button[for=__search]").is_visible()
                link = page.locator(".md-header a.sp-search-fallback")
                assert link.is_visible() and link.inner_text() == title, (label, view.name)
                link.click()
                assert page.url == server.url(("es/" if label == "es/" else "") + "agencies/")
        finally:
            context.close()
