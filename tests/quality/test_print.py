"""An agency page prints cleanly for a service counter: only the content, the
web addresses written out after their links, nothing split mid-card."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

from tests.quality.browser import VIEWS
from tests.quality.conftest import Site
from tests.quality.serve import SiteServer

CHROME = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
)


def test_agency_page_prints_content_only(browser: Browser, server: SiteServer, site: Site) -> None:
    context = VIEWS[0].context(browser)
    try:
        page = context.new_page()
        for label in site.agency_pages():
            page.goto(server.url(label))
            page.emulate_media(media="print")
            shown = [selector for selector in CHROME if page.locator(selector).first.is_visible()]
            assert not shown, f"{label}: printed with {shown}"
            assert page.locator("article.md-content__inner h1").is_visible()
            after = page.evaluate(
                """() => {
                    const link = document.querySelector("article a[href^='http']");
                    return link && [link.href, getComputedStyle(link, "::after").content];
                }"""
            )
            assert after is not None, f"{label}: no link to another website to check"
            assert after[0].rstrip("/") in after[1], f"{label}: the address is not printed: {after}"
            assert (
                page.evaluate(
                    "() => getComputedStyle(document.querySelector('.sp-box')).breakInside"
                )
                == "avoid"
            )
            page.emulate_media(media="screen")
        pdf = page.pdf(format="Letter")
        sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        print(f"\n{site.agency_pages()[-1]} prints on {sheets} Letter pages")
    finally:
        context.close()
