"""On a phone (390x844), with JavaScript on and off, an agency page shows
how to reach the agency and how to complain within its first screen and a
half, and no table is wider than the screen: a promise's results table
fits, and any other wide table scrolls inside its own box."""

from __future__ import annotations

from playwright.sync_api import Browser

from generator.render.messages import load_messages
from tests.quality.browser import PHONE
from tests.quality.conftest import Site
from tests.quality.serve import SiteServer

SCREENS = 1.5
# Where each heading starts, in screens from the top of the page.
STARTS = """(names) => names.map((name) => {
  const heading = [...document.querySelectorAll("article h2, article h3")]
    .find((h) => h.textContent.trim() === name);
  return heading ? (heading.getBoundingClientRect().top + scrollY) / innerHeight : null;
})"""
# Tables whose right edge is past the screen's, and whether a box that
# scrolls sideways, itself within the screen, holds each.
WIDE_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter((t) => t.getBoundingClientRect().right > innerWidth + 0.5)
  .map((t) => {
    let box = t.parentElement;
    while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) {
      box = box.parentElement;
    }
    return {
      caption: (t.caption ? t.caption.textContent : t.className).trim().slice(0, 60),
      results: t.classList.contains("sp-results__table"),
      boxed: Boolean(box) && box.getBoundingClientRect().right <= innerWidth + 0.5,
      over: Math.round(t.getBoundingClientRect().right - innerWidth),
    };
  })"""


def _agency_pages(site: Site) -> list[str]:
    """Every agency page, in every language (es/agencies/...)."""
    return [
        page
        for page in site.pages()
        if page.removeprefix("es/").startswith("agencies/")
        and page.removeprefix("es/") != "agencies/"
    ]


def _headings(label: str) -> list[str]:
    messages = load_messages("es" if label.startswith("es/") else "en")
    return [str(messages("agency.glance.reach")), str(messages("agency.glance.complain"))]


def test_reach_and_complain_start_within_a_screen_and_a_half(
    browser: Browser, server: SiteServer, site: Site
) -> None:
    problems = []
    for javascript in (True, False):
        context = browser.new_context(
            viewport={"width": PHONE["width"], "height": PHONE["height"]},
            java_script_enabled=javascript,
        )
        try:
            page = context.new_page()
            for label in _agency_pages(site):
                page.goto(server.url(label))
                where = f"{label} (JavaScript {'on' if javascript else 'off'})"
                names = _headings(label)
                for name, start in zip(names, page.evaluate(STARTS, names), strict=True):
                    if start is None or start >= SCREENS:
                        problems.append(f"{where}: {name!r} starts at {start} screens")
                for table in page.evaluate(WIDE_TABLES):
                    if table["results"] or not table["boxed"]:
                        problems.append(
                            f"{where}: {table['caption']!r} is {table['over']} px wider"
                        )
        finally:
            context.close()
    assert not problems, "\n".join(problems)
